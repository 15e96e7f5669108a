"""The benchmarks still run: each script of ``benchmarks/`` in its smallest mode ends well and
prints the figure it exists for. (What they measure is not checked here: timings belong to
the benchmarks themselves, not to tests.) The slowest ones (``bench_ocr_tables.py``,
``bench_pdf.py`` over the corpus, ``check_segmentation.py``) are left to their own runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"

pytestmark = pytest.mark.slow

CASES = [
    ("bench_parse.py", ["--repeat", "2"], "parse_text median"),
    ("bench_docx.py", ["--repeat", "1"], "median per document"),
    ("bench_convert.py", ["--docs", "4", "--repeat", "1"], "peak RSS"),
    pytest.param("bench_ocr_pages.py", ["--pages", "1", "--repeat", "1"], "Tesseract in this process, first readings",
                 marks=pytest.mark.needs_tesseract),
    pytest.param("bench_ocr_doc.py", ["--repeat", "1"], "ratio read_doc/read_docx",
                 marks=[pytest.mark.needs_tesseract, pytest.mark.needs_libreoffice]),
    pytest.param("bench_ocr_quality.py", ["--pages", "1", "--dpi", "150", "--conditions", "clean",
                                          "--diacritics", "off"], "150 default",
                 marks=pytest.mark.needs_tesseract),
]


@pytest.mark.parametrize(("script", "args", "expected"), CASES)
def test_benchmark_runs(script: str, args: list[str], expected: str) -> None:
    done = subprocess.run([sys.executable, script, *args], cwd=BENCHMARKS, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert expected in done.stdout
