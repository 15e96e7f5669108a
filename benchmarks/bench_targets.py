"""Every speed and memory target of the library, measured side by side in one run.

Run: .venv/bin/python benchmarks/bench_targets.py [--repeat N] [--docs 100] [--skip-ocr] [--skip-convert]

The package is byte-compiled first, as an install leaves it (see :func:`byte_compiled`).
Each line prints a median (or a ratio of medians measured in the same run, so that a
loaded machine slows both sides alike), its target, and OK or OVER:

- cold start: ``vnreport-extract parse`` of the seed in a fresh process (wall), and
  ``from vnreport_extract import parse_file`` in a fresh interpreter;
- ``parse_text`` of the seed against the one-pass regex extractor of ``regex_baseline.py``;
- ``parse_file`` of the real DOCX against python-docx's own load of them (open, every
  paragraph's and cell's text);
- ``parse_file`` of the text PDFs against pdfplumber's ``extract_text`` of the same pages;
- OCR: ``ocr_pages`` against bare ``tesseract`` on the same page images at the same dpi, both
  running the pages side by side (CPU seconds printed too: steadier under others' load);
- ``convert`` of a generated archive of ``--docs`` documents with 2 workers against 1
  (with this machine's ceiling: two plain CPU-bound processes against one);
- peak memory of a worker converting the 45-page PDF of the fixtures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import regex_baseline
from bench_docx import plain_python_docx as python_docx_load

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "seed" / "000_c44f0d63a01b8516.txt"
DOCX = sorted((FIXTURES / "real").glob("*.docx"))
TEXT_PDFS = [FIXTURES / "real-pdf" / "bc-mo-hinh-thi-diem-cchc.pdf", FIXTURES / "generated" / "seed.pdf",
             FIXTURES / "archives" / "lam-dong-2025" / "ttr-3367-ttr-snv-binh-thuan-2024.pdf"]
SCAN = FIXTURES / "real-scan" / "bcdx-03-scan.pdf"
BIG_PDF = FIXTURES / "archives" / "dang-2025" / "hd-btctu-ha-noi-nghiep-vu-to-chuc-dang-2025.pdf"
CLI = Path(sys.executable).with_name("vnreport-extract")

_failed: list[str] = []


def report(name: str, value: float, unit: str, target: float, *, at_least: bool = False) -> None:
    ok = value >= target if at_least else value <= target
    if not ok:
        _failed.append(name)
    sign = ">=" if at_least else "<="
    print(f"{name:58} {value:9.3f} {unit:3} target {sign} {target:g} {unit:3} {'OK' if ok else 'OVER'}", flush=True)


def fresh(args: list[str], repeat: int) -> float:
    """Median wall time of a command in a fresh process."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def import_seconds(statement: str, repeat: int) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    return statistics.median(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(repeat))


def ratio(ours: Callable[[], object], theirs: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Medians of two functions, interleaved run by run so that load hits both alike."""
    ours(), theirs()
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        for fn, out in ((ours, a), (theirs, b)):
            t = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t)
    return statistics.median(a), statistics.median(b)


def pdfplumber_text(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len(page.extract_text() or "") for page in pdf.pages)


def byte_compiled() -> None:
    """The package's modules compiled to bytecode, as installing it leaves them (pip compiles a
    wheel's modules at install; an editable install's are compiled on first import). Without
    it, under ``PYTHONDONTWRITEBYTECODE`` every fresh process (the cold start, each worker of
    ``convert``) compiles every module from source again: some 0.04 s that no installed
    copy pays."""
    import compileall

    import vnreport_extract

    compileall.compile_dir(Path(vnreport_extract.__file__).parent, quiet=1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--docs", type=int, default=100, help="documents in the convert archive (default 100)")
    ap.add_argument("--skip-ocr", action="store_true")
    ap.add_argument("--skip-convert", action="store_true")
    args = ap.parse_args()
    byte_compiled()
    from vnreport_extract import parse_file, parse_text

    # Cold start.
    report("cold `vnreport-extract parse` of the seed (wall)",
           fresh([str(CLI), "parse", str(SEED), "--no-text"], args.repeat), "s", 0.5)
    report("`from vnreport_extract import parse_file`",
           import_seconds("from vnreport_extract import parse_file", args.repeat), "s", 0.3)

    # Warm speed, as ratios.
    text = SEED.read_text(encoding="utf-8")
    # A few milliseconds each: 40 interleaved runs (or more) give a steady median.
    ours, base = ratio(lambda: parse_text(text), lambda: regex_baseline.extract(text), max(40, args.repeat * 8))
    print(f"  parse_text {ours * 1000:.2f} ms, one-pass regex {base * 1000:.2f} ms")
    report("parse_text(seed) / one-pass regex baseline", ours / base, "x", 2.0)

    worst = 0.0
    for path in DOCX:
        a, b = ratio(lambda p=path: parse_file(p), lambda p=path: python_docx_load(p), args.repeat)
        print(f"  {path.name:48} parse_file {a * 1000:7.1f} ms  python-docx {b * 1000:7.1f} ms  {a / b:5.2f}x")
        worst = max(worst, a / b)
    report("parse_file(DOCX) / python-docx load, worst file", worst, "x", 3.0)

    worst = 0.0
    for path in TEXT_PDFS:
        a, b = ratio(lambda p=path: parse_file(p), lambda p=path: pdfplumber_text(p), max(3, args.repeat // 2))
        print(f"  {path.name:48} parse_file {a * 1000:7.1f} ms  extract_text {b * 1000:7.1f} ms  {a / b:5.2f}x")
        worst = max(worst, a / b)
    report("parse_file(text PDF) / pdfplumber extract_text, worst file", worst, "x", 1.2)

    if not args.skip_ocr:
        ocr_ratio(max(5, args.repeat))

    if not args.skip_convert:
        convert_ratio(args.docs)
        worker_memory()

    print(f"{len(_failed)} over target" + (f": {', '.join(_failed)}" if _failed else ""))
    return 1 if _failed else 0


def ocr_ratio(repeat: int) -> None:
    import resource

    from vnreport_extract.readers import ocr, system

    def cpu() -> float:
        """CPU seconds of this process and of its waited-for children (Tesseract) so far."""
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    pages = [1, 2]
    exe = system.tesseract()
    with tempfile.TemporaryDirectory() as tmp:
        images = ocr._render(SCAN, pages, 300, Path(tmp))  # the scan's own dpi, as ocr_pages renders it

        def bare() -> None:
            # One Tesseract per page, one thread each, pages side by side: how the reader runs it.
            env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
            procs = [subprocess.Popen([exe, str(p.file), "stdout", "-l", "vie", "--dpi", str(p.dpi), "tsv"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
                     for p in images]
            for proc in procs:
                proc.wait()

        def reader() -> None:
            # As many Tesseract processes at once as the bare runs start: the same cores (left to
            # itself the reader takes the idle ones, fewer on a loaded machine).
            ocr.ocr_pages(SCAN, pages, workers=len(pages))

        reader(), bare()
        runs: dict[str, tuple[list[float], list[float]]] = {"reader": ([], []), "bare": ([], [])}
        for _ in range(repeat):
            for name, fn in (("reader", reader), ("bare", bare)):
                started, spent = time.perf_counter(), cpu()
                fn()
                runs[name][0].append(time.perf_counter() - started)
                runs[name][1].append(cpu() - spent)
    (wall, cpu_s), (bare_wall, bare_cpu) = ((statistics.median(w), statistics.median(c)) for w, c in runs.values())
    print(f"  OCR: ocr_pages {wall / len(pages):.2f} s/page, bare tesseract {bare_wall / len(pages):.2f} s/page; "
          f"CPU {cpu_s:.2f} s against {bare_cpu:.2f} s ({cpu_s / bare_cpu:.2f}x)")
    report("OCR ocr_pages / bare tesseract (same images, same dpi)", wall / bare_wall, "x", 1.1)


def convert_ratio(n_docs: int) -> None:
    import shutil

    from bench_convert import build_archive, parallel_ceiling

    from vnreport_extract.batch import convert

    with tempfile.TemporaryDirectory(prefix="vnreport-bench-") as tmp:
        archive = Path(tmp) / "archive"
        build_archive(archive, n_docs)
        seconds: dict[int, float] = {}
        for workers in (1, 2):
            runs = []
            for _ in range(3):  # a median of three: a run of a few seconds moves with the machine's load
                out = Path(tmp) / f"out-{workers}"
                shutil.rmtree(out, ignore_errors=True)
                summary = convert([archive], out, workers=workers, formats=["jsonl"], timeout=600)
                runs.append(summary.parse_seconds)
            seconds[workers] = statistics.median(runs)
        print(f"  convert {n_docs} docs: 1 worker {n_docs / seconds[1]:.1f} docs/s, "
              f"2 workers {n_docs / seconds[2]:.1f} docs/s; this machine's ceiling {parallel_ceiling():.2f}x")
        report(f"convert speed-up, 2 workers / 1 ({n_docs} documents)", seconds[1] / seconds[2], "x", 1.8,
               at_least=True)


def worker_memory() -> None:
    from vnreport_extract.batch import convert

    with tempfile.TemporaryDirectory(prefix="vnreport-bench-") as tmp:
        summary = convert([BIG_PDF], Path(tmp) / "out", workers=1, formats=["jsonl"], timeout=600)
        peak = max(summary.peak_rss_kb.values(), default=0) / 1024
    report("peak RSS of a worker converting the 45-page PDF", peak, "MB", 300)


if __name__ == "__main__":
    sys.exit(main())
