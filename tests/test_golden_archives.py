"""Documents of other archives (provinces, years, Party bodies, formats, scans) against
hand-made gold files (fixtures/archives/**/NAME.gold.json, see PROVENANCE-archives.md).

The issue's targets are a mean per document of citations >= 0.97, citation+date >= 0.95,
dates >= 0.95, sections >= 0.93 and metadata >= 0.9. Each document asserts the target where
it is met and otherwise the score it reaches today (FLOORS), so that a regression fails. The
documents of HELDOUT.md were never tuned against: they are marked ``heldout`` (run them
apart with ``-m heldout``, or leave them out with ``-m "not heldout"``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from scoring import load_gold, score
from vnreport_extract import parse_file

pytestmark = pytest.mark.slow  # whole documents, scans through Tesseract, .doc through LibreOffice

ARCHIVES = Path(__file__).resolve().parent.parent / "fixtures" / "archives"
TARGETS = {"citations": 0.97, "citation_dates": 0.95, "dates": 0.95, "sections": 0.93, "metadata": 0.9}
HELDOUT = set(re.findall(r"`([^`]+\.(?:pdf|docx?|txt))`", (ARCHIVES / "HELDOUT.md").read_text(encoding="utf-8")))

# Scores reached where a target is not met yet (document → key → score). Every other key of
# every document must meet its target.
FLOORS: dict[str, dict[str, float]] = {
    # Scans: a handwritten number or day that neither Tesseract nor the handwriting reader is
    # sure of is left blank (never guessed), and OCR
    # misreads a few recipients (``Tô`` for ``Tổ``) and the name under a signature.
    "bac-giang-2012/cv-368-cv-bptt-tinh-uy-2012-scan.pdf": {"metadata": 0.818},
    "bac-giang-2012/qd-1462-qd-ubnd-2012-scan.pdf": {"metadata": 0.909},
    # cv-4409: the day 01 (its 0 and 1 joined) and the body's ``15/10/2025`` written by hand on a
    # printed ``…/…/2025``; the month 10 is read (its 1's lead-in as wide as two digits, but no
    # month has three), so the gold's full date is a miss and the month an extra.
    "lam-dong-2025/cv-4409-bca-c04-2025-scan.pdf": {"dates": 0.667},
    # The handwritten day ``14``, its 1's lead-in stroke against ``ngày``, is left blank.
    "qlvb-quanhuyen-2011/tb-666-tb-stttt-ben-tre-2011-scan.pdf": {"dates": 0.5, "metadata": 0.909},
    # Bắc Giang scans of 2012: handwritten numbers and days, names under seals and signatures,
    # scanner lines, received stamps over the Kính gửi.
    "bac-giang-2012/bc-115-bc-kcn-pctn-2012-scan.pdf": {"metadata": 0.818},
    "bac-giang-2012/cv-1185-snv-vp-2012-scan.pdf": {"dates": 0.75, "metadata": 0.7},
    # cv-27: its handwritten number; ``Nguyễn`` under the seal, the name whole in its table.
    "bac-giang-2012/cv-27-stttt-vp-2012-scan.pdf": {"metadata": 0.9},
    # ``PHÓ VĂN PHÒNG`` and ``Nguyễn`` under the seal: no position, no name. (Its stamped number,
    # read 340 and 330 by Tesseract, is read 390 as a field.)
    "bac-giang-2012/cv-390-vp-th-2012-scan.pdf": {"metadata": 0.8},
    # ``26/NQ-TW`` garbled where two scanner lines cross the paragraph; the Kính gửi label under a
    # stamp (its items still read); the handwritten number unread. (Its handwritten day 18, whose
    # 1 one network reads as a 4, is read within a day's range.)
    "bac-giang-2012/cv-695-ubnd-vx-2012-scan.pdf": {
        "citations": 0.857, "citation_dates": 0.857, "metadata": 0.875},
    # The Công văn's handwritten number and day (its italic ``V/v`` lost, the trích yếu still
    # read); the Thể lệ's date under the same handwritten day (its month only: the gold's
    # day, unread, makes it a miss and an extra); its Điều 6 heading.
    "bac-giang-2012/cv-298-stttt-cntt-2012-scan.pdf": {"dates": 0.778, "sections": 0.96, "metadata": 0.8},
    # Two scanner lines down every page; the first of the appendix's numbered unit headings
    # garbled by them (``Phòng Công ngh v. #xgñn``); ``Nguyễn`` under the seal: no name.
    "bac-giang-2012/tb-20-tb-stttt-2012-scan.pdf": {"dates": 0.891, "sections": 0.857, "metadata": 0.818},
    # Handwritten 1139 (read 443, the slash lost) not sure: left blank; ``KT. TRƯỞNG BAN`` and
    # ``PHÓ TRƯỞNG BAN`` lost under the seal (no position); two Nơi nhận lines in a condensed
    # font not read.
    "bac-giang-2012/cv-1139-bdh-2012-scan.pdf": {"metadata": 0.8},
    # The handwritten number 61, day 31 and month 01 not read surely: left blank.
    "bac-giang-2012/cv-61-skh-th-2012-scan.pdf": {"dates": 0.857, "metadata": 0.8},
    # The handwritten number 682 not read surely: left blank.
    "bac-giang-2012/cv-682-sct-qldn-2012-scan.pdf": {"metadata": 0.9},
    # Handwritten number under a received stamp (``Phương : án sô`` and footnote 2's ``sö`` are
    # read as ``Phương án số``, ``số``). (Its handwritten day 28, whose looped 2 one network reads
    # as a 6, is read within a day's range.)
    "lam-dong-2025/cv-3980-c04-p6-2025-scan.pdf": {"metadata": 0.7},
    # A biên bản: ``28/QĐ-TTg`` read ``28/QĐ- -TTg`` and ``288/QĐ-TTg`` (``Hướng. dẫn sô
    # 37/HD-BCA-C04`` is read as ``Hướng dẫn số``).
    # (Its handwritten day 18 is read in a box widened to hold the 1's lead-in; the signer's
    # position under the seal comes from the text: ``Đậu Xuân Bảo – Phó Chủ tịch Hội đồng``.)
    "lam-dong-2025/bien-ban-hoi-dong-xet-duyet-xa-khong-ma-tuy-2025-scan.pdf": {
        "citations": 0.75, "citation_dates": 0.75},
    # A building permit: the signer's name under the seal. Its gold titles 2.1 and 2.2 run on
    # past their colon (``Hạng mục công trình số 01: Nhà xưởng ...``), where 1.'s stops at it
    # (``Cấp cho``): ours stop at the colon.
    "bac-giang-2012/gpxd-19-2012-bql-kcn-scan.pdf": {"sections": 0.6, "metadata": 0.889},
    # Handwritten number, day and month (left blank); the Kính gửi list's slips; the second
    # ``163/2024/QH15`` after ``Nghị quy ;ết``; the table's ``28/20025/QĐ-TTg`` (a typo of print);
    # ``7619/QĐ-BCA ngày 08/9/2925`` (a typo of print: no date has that year).
    "lam-dong-2025/cv-4552-bca-c04-2025-scan.pdf": {
        "citations": 0.857, "citation_dates": 0.714, "dates": 0.917, "metadata": 0.8},
    # Their gold counts the attached forms' references to the Thông tư itself (``Ban hành kèm
    # theo Thông tư số 2442/2007/TT-TTCP``), which are no citation of another document.
    "qlvb-quanhuyen-2011/tt-2442-2007-tt-ttcp-minh-bach-tai-san.doc": {"citations": 0.952, "citation_dates": 0.952},
    "qlvb-quanhuyen-2011/tt-01-2010-tt-ttcp-sua-doi-tt-2442.doc": {"citations": 0.95},
    # The handwritten number 403 not read surely; the signer's name under the seal.
    "bac-giang-2012/cv-403-kcn-vp-2012-scan.pdf": {"metadata": 0.8},
    # The handwritten number 289 and day 07 not read surely (the day's month stands alone).
    "bac-giang-2012/gm-289-gm-ubnd-2012-scan.pdf": {"dates": 0.909, "metadata": 0.909},
    # A 100 ppi scan in small, light print, read at 200 dpi (twice its own: at 150 the body's
    # lines came out garbled, ``132-K1/ /TH``; citations 0.348, sections 0.333 then): still some
    # symbols (``37/HD-BCA-C64`` for 57, ``132-KL/TH``), the handwritten number and day, the
    # signer's position under the seal (``GIÁ``), digits of the body's dates (``24/8/2025`` read
    # ``24/6/2023``). The header's year, read ``2625``, is one digit from 2025 only: repaired; so
    # are ``Điêu 1. Thành !ập`` (the draft decision's first article), the slashes read as marks
    # (``28/2025, QĐ-TTg``, ``2126:KH-CBND``, ``132-KL TW``) and ``Kêt iuận`` before ``132-KL/TW``.
    "lam-dong-2025/ttr-409-ttr-cat-pc04-2025-scan.pdf": {
        "citations": 0.621, "citation_dates": 0.483, "dates": 0.812, "metadata": 0.636},
    # Its text layer is mojibake: read by OCR. ``Số298``: the handwritten number, glued to the
    # label, is not read surely (left blank).
    "lam-dong-2025/ttr-298-ttr-cat-pc04-2025-scan-bad-ocr.pdf": {"metadata": 0.909},
    # Held out (scored once, when the work was done).
    "bac-giang-2012/ct-07-2008-ct-btttt-ma-nguon-mo.doc": {"metadata": 0.333},
    "bac-giang-2012/cv-324-stttt-khtc-2012-scan.pdf": {"dates": 0.667, "metadata": 0.6},
    "bac-giang-2012/tb-107-tb-kcn-2012-scan.pdf": {
        "citations": 0.909, "citation_dates": 0.909, "dates": 0.833, "metadata": 0.455},
    "lam-dong-2025/cv-8977-bnv-tcpcp-2025.pdf": {"metadata": 0.7},
    # Annotated last (scored once as it came: citations and dates 1.0, metadata 0.8): its
    # handwritten number 404 (read ``499`` by Tesseract) is left blank, and the signer's name is
    # not read under the seal.
    "bac-giang-2012/cv-404-kcn-vt-2012-scan.pdf": {"metadata": 0.8},
    # Annotated as held out and scored once as they came (cv-406: dates 0.0, metadata 0.4; cv-5689:
    # citation dates 0.8, metadata 0.7), then moved to development for the two rules made from
    # them (HELDOUT.md). cv-406: a worn scan whose header OCR garbles (``V/v`` title, signer's
    # name, recipients), its handwritten number and day unread (its number is in no annex line);
    # its table's 44 dates are written month first (``11/16/2012``) and read so. cv-5689: its
    # number and day are taken from the annex line ``Kèm theo Công văn số: 5689/BCA-C04 ngày 16
    # tháng 12 năm 2025``; page 3's list of recipients, numbered 1-28 and 1-10, is taken for
    # sections (cv-61's gold counts such a list as sections); ``8/9/2925`` (a slip for 2025, as
    # printed) is no date.
    "bac-giang-2012/cv-406-kcn-qhmt-2012-scan.pdf": {"metadata": 0.5},
    "lam-dong-2025/cv-5689-bca-c04-2025-scan.pdf": {
        "citation_dates": 0.857, "dates": 0.8, "sections": 0.15},
}


# Text PDFs whose number or day is a picture in a signed form field, read by Tesseract.
STAMPED = {"dang-2025/hd-btctu-ha-noi-nghiep-vu-to-chuc-dang-2025.pdf"}


def _documents() -> list[Any]:
    out = []
    for gold in sorted(ARCHIVES.rglob("*.gold.json")):
        if gold.name.endswith(".second.gold.json"):
            continue  # a second, independent annotation: for agreement, not for scoring
        stem = gold.name[: -len(".gold.json")]
        docs = [p for p in gold.parent.iterdir() if p.stem == stem and p.suffix in (".pdf", ".doc", ".docx", ".txt")]
        if not docs:
            continue
        name = f"{gold.parent.name}/{docs[0].name}"
        marks = [pytest.mark.heldout] if name in HELDOUT else []
        if "scan" in docs[0].name or name in STAMPED:
            marks.append(pytest.mark.needs_tesseract)
        if docs[0].suffix == ".doc":
            marks.append(pytest.mark.needs_libreoffice)
        out.append(pytest.param((name, gold, docs[0]), id=name, marks=marks))
    return out


@pytest.fixture(scope="module", params=_documents())
def scored(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any], dict[str, Any], dict[str, Any]]:
    name, gold_path, doc = request.param
    gold = load_gold(gold_path)
    pred = parse_file(doc).model_dump(mode="json")
    return name, gold, pred, score(gold, pred, doc.name)


@pytest.mark.parametrize("key", list(TARGETS))
def test_score(scored: tuple[str, dict[str, Any], dict[str, Any], dict[str, Any]], key: str) -> None:
    name, gold, pred, result = scored
    if key == "sections" and not gold.get("sections"):
        # A document without numbered sections: the score is undefined, none may be found.
        assert not pred["sections"], (name, [s["number"] for s in pred["sections"]])
        return
    value = result["metadata"]["acc"] if key == "metadata" else result[key]["f1"]
    if value is None:
        return
    floor = FLOORS.get(name, {}).get(key, TARGETS[key])
    if floor == 0.0:
        # Known to fail outright (the comment in FLOORS says why): an expected failure, and an
        # error once the document scores, so that it gets a real floor.
        assert value == 0.0, (name, key, value, "now scores: give it a floor")
        pytest.xfail(f"{name}: {key} not read yet")
    assert value >= floor, (name, key, value, result["metadata"] if key == "metadata" else result[key])
