"""PDF reader speed: ``read_pdf`` against pdfplumber's own ``page.extract_text()``.

Both read every page of the same file from scratch (open, parse, text), so the ratio is
the price of what the reader adds on top of plain text extraction: form-field text,
tables, zones, paragraphs, footnotes. Target: ratio <= 1.5.

    .venv/bin/python benchmarks/bench_pdf.py [--repeat 3] [PDF ...]

Prints, per file and over all files, the median seconds per page of each and their ratio.
Runs alternate (ours, theirs, ours, ...) so that drift of the machine hits both alike.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pdfplumber

from vnreport_extract.readers.pdf import read_pdf

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "fixtures" / "real-pdf" / "bc-mo-hinh-thi-diem-cchc.pdf",
           ROOT / "fixtures" / "real-pdf" / "bc-cchc-nam-2025.signed.pdf",
           ROOT / "fixtures" / "generated" / "seed.pdf"]


def plumber_text(path: Path) -> int:
    """pdfplumber's text extraction of every page; returns the page count."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def ours(path: Path) -> int:
    doc = read_pdf(path)
    return doc.source.pages or 0


def timed(fn: object, path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    pages = fn(path)  # type: ignore[operator]
    return time.perf_counter() - start, int(pages)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = [f for f in (args.files or DEFAULT) if f.exists()]
    if not files:
        print("no PDF to read", file=sys.stderr)
        return 2
    ours(files[0])  # warm-up: imports, font caches
    all_ours: list[float] = []
    all_theirs: list[float] = []
    print(f"{'file':40} {'pages':>5} {'read_pdf ms/p':>14} {'extract_text ms/p':>18} {'ratio':>6}")
    for path in files:
        mine: list[float] = []
        theirs: list[float] = []
        pages = 1
        for _ in range(args.repeat):
            seconds, pages = timed(ours, path)
            mine.append(seconds / pages)
            seconds, pages = timed(plumber_text, path)
            theirs.append(seconds / pages)
        a, b = statistics.median(mine), statistics.median(theirs)
        all_ours.append(a)
        all_theirs.append(b)
        print(f"{path.name[:40]:40} {pages:>5} {a * 1000:>14.1f} {b * 1000:>18.1f} {a / b:>6.2f}")
    a, b = statistics.median(all_ours), statistics.median(all_theirs)
    total = sum(all_ours) / sum(all_theirs)
    print(f"{'median over files':40} {'':>5} {a * 1000:>14.1f} {b * 1000:>18.1f} {a / b:>6.2f}")
    print(f"ratio of summed per-page medians: {total:.2f} (target <= 1.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
