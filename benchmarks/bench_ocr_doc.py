"""Speed of the scanned-PDF (OCR) and legacy .doc readers.

Run: .venv/bin/python benchmarks/bench_ocr_doc.py [--repeat N]

Prints medians over N runs (after one warm-up run):
- OCR: ``ocr_pages`` on the 2 pages of fixtures/real-scan/bcdx-03-scan.pdf (rasterised at
  the scan's own 200 dpi), in seconds per page; against it, the bare Tesseract work on the
  same pages (the PNGs the reader renders, ``tesseract -l vie ... tsv`` one page after the
  other, single-threaded), and the ratio of the reader to it (rendering, seal removal, the
  second reading of handwritten fields and the layout are the difference; pages running side
  by side bring it below 1).
- DOC: ``read_doc`` on fixtures/real-doc/kh-pcmt-2030.doc, in seconds per document; the
  LibreOffice conversion alone; and the ratio of ``read_doc`` to ``read_docx`` on the
  ``.docx`` of the same plan.
Timings depend on the machine's load: the two cores are shared with whatever else runs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from pathlib import Path

from _timing import median_seconds

from vnreport_extract.readers import ocr, system
from vnreport_extract.readers.doc import convert_doc, read_doc
from vnreport_extract.readers.docx import read_docx

ROOT = Path(__file__).resolve().parent.parent
SCAN = ROOT / "fixtures" / "real-scan" / "bcdx-03-scan.pdf"
DOC = ROOT / "fixtures" / "real-doc" / "kh-pcmt-2030.doc"
DOCX = ROOT / "fixtures" / "real-doc" / "kh-pcmt-2030.docx"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    pages = [1, 2]

    reader = median_seconds(lambda: ocr.ocr_pages(SCAN, pages), args.repeat)
    exe = system.tesseract()
    with tempfile.TemporaryDirectory() as tmp:
        images = ocr._render(SCAN, pages, 300, Path(tmp))

        def bare() -> None:
            for p in images:
                subprocess.run([exe, str(p.file), "stdout", "-l", "vie", "--dpi", str(p.dpi), "tsv"], check=True,
                               capture_output=True, env=dict(os.environ, OMP_THREAD_LIMIT="1"), timeout=300)

        tess = median_seconds(bare, args.repeat)
    print(f"OCR  ocr_pages        {reader / len(pages):7.2f} s/page  "
          f"({len(pages)} pages, {os.cpu_count()} cores)")
    print(f"OCR  bare tesseract   {tess / len(pages):7.2f} s/page  ratio reader/bare = {reader / tess:.2f}")

    whole = median_seconds(lambda: read_doc(DOC), args.repeat)

    def conversion() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            convert_doc(DOC, Path(tmp))

    convert = median_seconds(conversion, args.repeat)
    docx = median_seconds(lambda: read_docx(DOCX), args.repeat)
    print(f"DOC  read_doc         {whole:7.2f} s/document")
    print(f"DOC  LibreOffice      {convert:7.2f} s/document  ({convert / whole:.0%} of read_doc)")
    print(f"DOC  read_docx (.docx){docx:7.3f} s/document  ratio read_doc/read_docx = {whole / docx:.0f}")


if __name__ == "__main__":
    main()
