"""What looking for ruled tables adds to the OCR of a scanned page, against Tesseract's own time.

Run: .venv/bin/python benchmarks/bench_ocr_tables.py [--repeat 5]

Every page of the fixture scans (the generated seed scan, the real scans of ``fixtures/`` but the
held-out ones) is
rasterised as the OCR reader does it and read once by Tesseract. Printed per page, as medians
over ``--repeat`` runs: the time of ``ocr_tables.page_tables`` on the page's pixels as the reader
holds them (rules, grid, words to cells, and on a page with a table the cells read again) and of bare Tesseract
on the same image, and their ratio. Target: at most 0.05 of Tesseract's time on a page
without a table (the reader as a whole may cost at most 1.2x bare Tesseract).

Timings depend on the machine's load: the cores are shared with whatever else runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium  # type: ignore[import-untyped]
from _timing import median_seconds
from PIL import Image

from vnreport_extract.readers import ocr, ocr_tables, system

ROOT = Path(__file__).resolve().parent.parent
ARCHIVES = ROOT / "fixtures" / "archives"
# The held-out scans stay out: what is found on them is not looked at while tuning.
HELDOUT = (ARCHIVES / "HELDOUT.md").read_text(encoding="utf-8")
SCANS = [ROOT / "fixtures" / "generated" / "seed-scan.pdf",
         *(p for p in sorted(ARCHIVES.glob("*/*-scan.pdf")) if f"{p.parent.name}/{p.name}" not in HELDOUT),
         ROOT / "fixtures" / "real-scan" / "bcdx-03-scan.pdf"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    exe = system.tesseract()
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with_table: list[float] = []
    without: list[float] = []
    print(f"{'page':<48} {'dpi':>4} {'tables':>7} {'tables s':>9} {'tesseract s':>12} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for scan in SCANS:
            pdf = pdfium.PdfDocument(str(scan))
            pages = len(pdf)
            pdf.close()
            folder = work / scan.stem
            folder.mkdir()
            for p in ocr._render(scan, list(range(1, pages + 1)), 300, folder):
                command = [exe, str(p.file), "stdout", "-l", "vie", "--dpi", str(p.dpi), "tsv"]
                read: list[str] = []

                def bare(command: list[str] = command, read: list[str] = read) -> None:
                    out = subprocess.run(command, check=True, capture_output=True, env=env, timeout=600)
                    read[:] = [out.stdout.decode("utf-8", "replace")]

                tesseract = median_seconds(bare, 1, warm_up=False)
                words = ocr.parse_tsv(read[0])
                grey = np.asarray(Image.open(p.file))
                found: list[int] = []

                def tables(p: ocr.PageImage = p, grey: np.ndarray = grey, words: list[ocr.Word] = words,
                           found: list[int] = found) -> None:
                    _, t = ocr_tables.page_tables(grey, words, p.number, p.dpi, tesseract=exe, workdir=work)
                    found[:] = [len(t)]

                seconds = median_seconds(tables, args.repeat)
                (with_table if found[0] else without).append(seconds / tesseract)
                print(f"{scan.stem[:42] + ' p' + str(p.number):<48} {p.dpi:>4} {found[0]:>7} {seconds:>9.3f} "
                      f"{tesseract:>12.2f} {seconds / tesseract:>6.3f}")
    print(f"median ratio, pages without a table: {statistics.median(without):.3f} (target <= 0.05)")
    if with_table:
        print(f"median ratio, pages with a table:    {statistics.median(with_table):.3f}")


if __name__ == "__main__":
    main()
