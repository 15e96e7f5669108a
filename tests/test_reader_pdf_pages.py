"""PDF pages whose dictionary is odd: turned by ``/Rotate`` without their text being drawn
turned to match, an invalid ``/Rotate``, a MediaBox given by other corners or beside the
page's text (generated PDFs)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_reader_pdf import make_pdf

from vnreport_extract import ParseOptions, parse_file
from vnreport_extract.document import SourceDocument
from vnreport_extract.readers.pdf import read_pdf

sys.path.insert(0, str(Path(__file__).resolve().parent / "hostile"))
from generate import _TEXT, _pages

_LINES = [b"UBND X\xc3 PH\xda TI\xcaN", b"B\xc1O C\xc1O", b"K\xe9t qu\xe0 th\xf9c hi\xean n\xe0m 2025 c\xf9a x\xe3.",
          b"Th\xf9c hi\xean K\xe9 ho\xb9ch s\xf4 12/KH-UBND ng\xe0y 05/01/2025."]


def _content(lines: list[bytes]) -> bytes:
    return b"".join(b"BT /F1 12 Tf 1 0 0 1 72 %d Tm (%s) Tj ET\n" % (760 - 20 * i, line)
                    for i, line in enumerate(lines))


def _read(tmp_path: Path, name: str, data: bytes, options: ParseOptions | None = None) -> SourceDocument:
    path = tmp_path / name
    path.write_bytes(data)
    return read_pdf(path, options or ParseOptions(ocr="off"))


def _texts(doc: SourceDocument) -> list[tuple[int | None, str]]:
    return [(b.page, b.text) for b in doc.blocks]


@pytest.mark.parametrize("turn", [90, 180, 270, -90, 450])
def test_a_page_turned_whose_text_is_not_turned_reads_as_unturned(tmp_path: Path, turn: int) -> None:
    # /Rotate 180 read as it is gave the lines upside down (letters reversed); 90 and 270 dropped
    # them as sideways (the page then OCRed).
    plain = _read(tmp_path, "plain.pdf", make_pdf([_content(_LINES)]))
    turned = _read(tmp_path, f"turned-{turn}.pdf", make_pdf([_content(_LINES)], page_entries=b"/Rotate %d" % turn))
    assert _texts(plain)[:2] == [(1, "UBND XÃ PHÚ TIÊN"), (1, "BÁO CÁO")]
    assert (_texts(turned), turned.warnings, turned.source.ocr) == (_texts(plain), plain.warnings, False)


def test_only_the_turned_page_of_a_document_is_read_turned_back(tmp_path: Path) -> None:
    contents = [_content(_LINES[:2]), _content([b"Trang hai: n\xf4i dung."]), _content(_LINES[2:])]
    plain = parse_file(_write(tmp_path, "plain.pdf", make_pdf(contents)), ParseOptions(ocr="off"))
    mixed = parse_file(_write(tmp_path, "mixed.pdf", make_pdf(contents, page_entries=[b"", b"", b"/Rotate 90"])),
                       ParseOptions(ocr="off"))
    assert "Trang hai" in mixed.text and "12/KH-UBND" in mixed.text
    assert (mixed.text, [c.symbol for c in mixed.citations]) == (plain.text, [c.symbol for c in plain.citations])


def test_a_page_turned_with_its_text_drawn_turned_to_match_stays_turned(tmp_path: Path) -> None:
    # A landscape page stored upright: its text reads upright under the page's own turn.
    content = b"BT /F1 14 Tf 0 1 -1 0 300 72 Tm (B\xe1o c\xe1o n\xe0m 2025, trang ngang) Tj ET\n"
    doc = _read(tmp_path, "landscape.pdf", make_pdf([content], page_entries=b"/Rotate 90"))
    assert _texts(doc) == [(1, "Báo cáo nàm 2025, trang ngang")]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("value", [b"45", b"1.5", b"99999999999999999999", b"/Ninety", b"(90)", b"450.5"])
def test_a_rotate_that_is_no_multiple_of_90_is_read_unturned_with_a_warning(tmp_path: Path, value: bytes) -> None:
    doc = _read(tmp_path, "odd.pdf", _pages(_TEXT, mediabox=b"[0 0 595 842] /Rotate " + value))
    assert _texts(doc) == [(1, "Bao cao so 12/BC-UBND ngay 05/01/2025 cua UBND xa")]
    assert [code for code, _ in doc.warnings] == ["page-rotate-invalid"]
    assert doc.warnings[0][1].startswith("p.1: its /Rotate ")


@pytest.mark.parametrize("value", [b"3600000", b"-90", b"-270", b"720.0"])
def test_a_rotate_past_a_full_turn_is_taken_modulo_360(tmp_path: Path, value: bytes) -> None:
    doc = _read(tmp_path, "turns.pdf", _pages(_TEXT, mediabox=b"[0 0 595 842] /Rotate " + value))
    assert (_texts(doc), doc.warnings) == ([(1, "Bao cao so 12/BC-UBND ngay 05/01/2025 cua UBND xa")], [])


@pytest.mark.parametrize("box", [b"[595 842 0 0]", b"[0 842 595 0]", b"[595 0 0 842]"])
def test_a_mediabox_given_by_its_other_corners_is_read(tmp_path: Path, box: bytes) -> None:
    # Any two opposite corners make a rectangle (PDF 32000, 7.9.5); pdfminer shifted the text off it.
    doc = _read(tmp_path, "box.pdf", _pages(_TEXT, mediabox=box))
    assert (_texts(doc), doc.warnings) == ([(1, "Bao cao so 12/BC-UBND ngay 05/01/2025 cua UBND xa")], [])


@pytest.mark.parametrize("box", [b"[0 0 3 40000]", b"[0 0 0.0001 0.0001]"])
def test_text_outside_the_mediabox_is_said_not_silently_dropped(tmp_path: Path, box: bytes) -> None:
    report = parse_file(_write(tmp_path, "beside.pdf", _pages(_TEXT, mediabox=box)), ParseOptions(ocr="off"))
    outside = [w.message for w in report.warnings if w.code == "page-text-outside-box"]
    assert len(outside) == 1 and outside[0].startswith("p.1: 41 of its characters lie outside its MediaBox")
