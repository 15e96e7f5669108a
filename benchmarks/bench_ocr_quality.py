"""Quality of the scanned-PDF reader on scans with a known ground truth.

Run: .venv/bin/python benchmarks/bench_ocr_quality.py [--pages 2] [--dpi 150,200,300] [--languages vie,vie+eng]
[--diacritics on,off] [--render native,floor150,floor200,double]

Text PDFs of the fixtures (a generated report, a real one, corpus letters) are rendered to page
images and written back as image-only PDFs: ``clean``, and ``worn`` (Gaussian noise, a slight
blur, a 0.6° skew and a red seal stamped over the signature, as on a real scan). Each is read
through ``parse_file`` and compared with the same document's text layer:

- CER: character error rate of the scan's text against the text layer's (Levenshtein, spaces
  collapsed); DER: among the words that agree without their diacritics, the share whose
  diacritics differ (``Đồng``/``Đông``), the error the ``vie`` model makes most;
- the extraction of the scan against the text layer's: citations (symbols), dates (ISO) and
  sections (numbers), F1 over the first ``--pages`` pages.

One row per variant (dpi x condition x languages x diacritic restoration), medians over the
documents, and seconds per page. With restoration ``on`` next to ``off``, the words it changed
are counted in both directions against the text layer (sums over the documents): ``fixed``
(wrong → right), ``broken`` (right → wrong) and ``still`` (wrong → another wrong reading), and
the words broken and still wrong are listed at the end. ``--each`` adds a row per document
and the F1s over all the documents' records pooled.

``--render`` reads each scan rasterised by a rule of its own resolution (``--dpi`` is then the
scan's, say ``100,120``) given as ``ocr_dpi``, instead of the reader's default
(``render_dpi``): ``native`` (the scan's own), ``floor150`` / ``floor200`` (at least 150 / 200),
``double`` (twice the scan's own), each at most 300; a number reads every scan at that
resolution; ``default`` is the reader's own choice. The
``render`` column names the rule and the resolution it gave. Held-out documents
(fixtures/archives/HELDOUT.md) are not used, nor are these documents in the counts that
restoration uses (``scripts/build_syllable_counts.py``).
"""

from __future__ import annotations

import argparse
import collections
import difflib
import itertools
import random
import re
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from PIL import Image, ImageChops, ImageDraw, ImageFilter
from rapidfuzz.distance import Levenshtein

from vnreport_extract import parse_file
from vnreport_extract.normalize import fold
from vnreport_extract.options import ParseOptions

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [
    ROOT / "fixtures" / "generated" / "seed.pdf",
    ROOT / "fixtures" / "real-pdf" / "bc-mo-hinh-thi-diem-cchc.pdf",
    ROOT / "fixtures" / "archives" / "lam-dong-2025" / "cv-1984-snv-tcbc-2025.pdf",
    ROOT / "fixtures" / "archives" / "lam-dong-2025" / "ttr-3367-ttr-snv-binh-thuan-2024.pdf",
    ROOT / "fixtures" / "archives" / "dang-2025" / "hd-06-hd-tw-2025.pdf",
]


def worn(image: Image.Image, seed: int) -> Image.Image:
    """A page as a tired scanner gives it: noise, blur, skew, a red seal near the bottom right."""
    rnd = random.Random(seed)
    rgb = image.convert("RGB")
    w, h = rgb.size
    # Seal ink lies over the print, which shows through it (multiplied, not pasted).
    seal = Image.new("RGB", (w, h), (255, 255, 255))
    draw = ImageDraw.Draw(seal)
    r = w // 9
    cx, cy = int(w * 0.68), int(h * 0.8)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(205, 30, 40), width=max(3, w // 300))
    draw.ellipse((cx - r // 2, cy - r // 2, cx + r // 2, cy + r // 2), fill=(235, 120, 120))
    rgb = ImageChops.multiply(rgb, seal)
    rgb = rgb.rotate(0.6, expand=False, fillcolor=(255, 255, 255), resample=Image.Resampling.BILINEAR)
    rgb = rgb.filter(ImageFilter.GaussianBlur(0.7))
    noise = Image.effect_noise((w, h), 18).convert("RGB")
    rgb = Image.blend(rgb, noise, 0.12)
    # A few specks of dust.
    for _ in range(60):
        x, y = rnd.randrange(w), rnd.randrange(h)
        draw = ImageDraw.Draw(rgb)
        draw.point((x, y), fill=(40, 40, 40))
    return rgb


def make_scan(source: Path, pages: int, dpi: int, condition: str, out: Path) -> int:
    """An image-only PDF of the first ``pages`` pages of ``source``; the number of pages."""
    pdf = pdfium.PdfDocument(str(source))
    # As printed: an e-signed PDF carries its number and day as form fields (the e-office
    # system's stamp), which a printout shows.
    pdf.init_forms()
    try:
        images = []
        for i in range(min(pages, len(pdf))):
            image = pdf[i].render(scale=dpi / 72).to_pil().convert("RGB")
            images.append(worn(image, i) if condition == "worn" else image)
    finally:
        pdf.close()
    images[0].save(out, "PDF", resolution=float(dpi), save_all=True, append_images=images[1:])
    return len(images)


# Rasterising rules of a scan's own resolution, for ``--render``: the resolution it is read at.
RENDER_RULES = {
    "native": lambda dpi: dpi,
    "floor150": lambda dpi: max(150, dpi),
    "floor200": lambda dpi: max(200, dpi),
    "double": lambda dpi: 2 * dpi,
}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def diacritic_error_rate(ref: str, hyp: str) -> float:
    """Among words aligned by their letters without diacritics, the share read with other diacritics."""
    a, b = words(ref), words(hyp)
    matcher = difflib.SequenceMatcher(None, [fold(w) for w in a], [fold(w) for w in b], autojunk=False)
    same = wrong = 0
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            same += 1
            wrong += a[block.a + k] != b[block.b + k]
    return wrong / same if same else 0.0


def word_changes(ref: str, before: str, after: str) -> tuple[int, list[str], list[str]] | None:
    """Words that restoration changed, against the reference: how many it fixed, those it broke
    (right → wrong: ``'đang' → 'đảng'``) and those it changed from one wrong reading to another;
    ``None`` when the two readings do not have the same words (restoration changes letters only)."""
    a, b, c = words(ref), words(before), words(after)
    if len(b) != len(c):
        return None
    matcher = difflib.SequenceMatcher(None, [fold(w) for w in a], [fold(w) for w in b], autojunk=False)
    truth = {blk.b + k: a[blk.a + k] for blk in matcher.get_matching_blocks() for k in range(blk.size)}
    fixed = 0
    broken: list[str] = []
    still: list[str] = []
    for i, (x, y) in enumerate(zip(b, c, strict=True)):
        if x == y or i not in truth:
            continue
        if y == truth[i]:
            fixed += 1
        else:
            (broken if x == truth[i] else still).append(f"{x!r} → {y!r} (text layer {truth[i]!r})")
    return fixed, broken, still


def f1(ref: list[Any], hyp: list[Any]) -> float:
    if not ref and not hyp:
        return 1.0
    common = sum((collections.Counter(ref) & collections.Counter(hyp)).values())
    return 2 * common / (len(ref) + len(hyp))


def records(report: Any) -> dict[str, list[Any]]:
    def sections(items: list[Any]) -> list[str]:
        return [n for s in items for n in [s.path, *sections(s.children)]]

    return {
        "citations": [c.symbol for c in report.citations if c.symbol],
        "dates": [d.value.iso for d in report.dates if d.value.iso],
        "sections": sections(report.sections),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--pages", type=int, default=2)
    ap.add_argument("--dpi", default="150,200,300")
    ap.add_argument("--conditions", default="clean,worn")
    ap.add_argument("--languages", default="vie")
    ap.add_argument("--diacritics", default="off,on", help="diacritic restoration: off, on, or both")
    ap.add_argument("--render", default="default",
                    help="rasterising rules of the scan's resolution: default (the reader's), "
                         + ", ".join(RENDER_RULES))
    ap.add_argument("--each", action="store_true", help="also a row per document under each variant")
    args = ap.parse_args()
    page_range = f"1-{args.pages}"
    truth = {}
    for doc in DOCUMENTS:
        report = parse_file(doc, ParseOptions(pages=page_range, ocr="off"))
        truth[doc] = (report.text, records(report))
    print(f"{'dpi':>4} {'render':12} {'condition':9} {'languages':9} {'diacr.':6} {'CER':>6} {'DER':>6} "
          f"{'citations':>9} {'dates':>6} {'sections':>8} {'s/page':>7} {'fixed':>6} {'broken':>6} {'still':>6}")
    all_broken: list[str] = []
    all_still: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for dpi in (int(d) for d in args.dpi.split(",")):
            for condition in args.conditions.split(","):
                scans = []
                pages = 0
                for i, doc in enumerate(DOCUMENTS):
                    scan = Path(tmp) / f"scan-{i}-{dpi}-{condition}.pdf"
                    pages += make_scan(doc, args.pages, dpi, condition, scan)
                    scans.append(scan)
                for rule, languages in itertools.product(args.render.split(","), args.languages.split(",")):
                    ocr_dpi = (None if rule == "default" else int(rule) if rule.isdigit()
                               else min(300, RENDER_RULES[rule](dpi)))
                    render = rule if ocr_dpi is None else f"{rule} {ocr_dpi}"
                    unrestored: dict[Path, str] = {}
                    for diacritics in args.diacritics.split(","):
                        rows: dict[str, list[float]] = collections.defaultdict(list)
                        pooled = {key: [0, 0] for key in ("citations", "dates", "sections")}
                        seconds = 0.0
                        fixed = 0
                        broken: list[str] = []
                        still: list[str] = []
                        for doc, scan in zip(DOCUMENTS, scans, strict=True):
                            started = time.perf_counter()
                            report = parse_file(scan, ParseOptions(ocr_languages=languages, ocr_dpi=ocr_dpi,
                                                                   ocr_diacritics=diacritics == "on"))
                            seconds += time.perf_counter() - started
                            ref_text, ref = truth[doc]
                            ref_flat, hyp_flat = " ".join(ref_text.split()), " ".join(report.text.split())
                            rows["cer"].append(Levenshtein.distance(ref_flat, hyp_flat) / max(1, len(ref_flat)))
                            rows["der"].append(diacritic_error_rate(ref_text, report.text))
                            got = records(report)
                            for key in ("citations", "dates", "sections"):
                                rows[key].append(f1(ref[key], got[key]))
                                pooled[key][0] += 2 * sum((collections.Counter(ref[key])
                                                           & collections.Counter(got[key])).values())
                                pooled[key][1] += len(ref[key]) + len(got[key])
                            if diacritics == "off":
                                unrestored[doc] = report.text
                            elif doc in unrestored:
                                changes = word_changes(ref_text, unrestored[doc], report.text)
                                if changes is not None:
                                    fixed += changes[0]
                                    broken += changes[1]
                                    still += changes[2]
                                    all_broken += changes[1]
                                    all_still += changes[2]
                        med = {k: statistics.median(v) for k, v in rows.items()}
                        counted = diacritics == "on" and bool(unrestored)
                        print(f"{dpi:>4} {render:12} {condition:9} {languages:9} {diacritics:6} {med['cer']:6.3f} "
                              f"{med['der']:6.3f} {med['citations']:9.2f} {med['dates']:6.2f} "
                              f"{med['sections']:8.2f} {seconds / pages:7.2f} "
                              f"{fixed if counted else '':>6} {len(broken) if counted else '':>6} "
                              f"{len(still) if counted else '':>6}", flush=True)
                        if args.each:
                            for k, doc in enumerate(DOCUMENTS):
                                print(f"{'':>4} {doc.stem[:40]:40} {rows['cer'][k]:6.3f} {rows['der'][k]:6.3f} "
                                      f"{rows['citations'][k]:9.2f} {rows['dates'][k]:6.2f} "
                                      f"{rows['sections'][k]:8.2f}", flush=True)
                            # F1 over all the documents' records together: a document with two
                            # dates weighs less than in the median.
                            f1s = [f"{hit / max(1, total):.2f}" for hit, total in pooled.values()]
                            print(f"{'':>4} {'pooled':40} {'':6} {'':6} {f1s[0]:>9} {f1s[1]:>6} {f1s[2]:>8}")
    for name, changed in (("broken", all_broken), ("still wrong", all_still)):
        if changed:
            print(f"{name}:", "; ".join(f"{w} x{n}" for w, n in collections.Counter(changed).most_common()))


if __name__ == "__main__":
    main()
