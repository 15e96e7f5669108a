"""Speed of the OCR reader per page against bare Tesseract on the same images.

Run: .venv/bin/python benchmarks/bench_ocr_pages.py [--pages 16] [--repeat 3]

A scan of ``--pages`` pages is put together from the pages of the real scans in
``fixtures/`` (archives and real-scan: 100 to 300 ppi, headers, seals, handwriting, a page
scanned sideways), repeated as needed. Printed, as medians over ``--repeat`` runs:

- ``ocr_pages`` on the whole scan (rendering, seal removal, Tesseract, the sideways check,
  the second reading of dropped print and of handwritten fields, layout), seconds per page
  and for the whole document;
- bare Tesseract (``tesseract IMAGE stdout -l vie --dpi D tsv``) on the very PNGs the reader
  renders, at the same resolution, one process per core as the reader runs them, and one
  after the other;
- the ratios of the reader to both, against the targets: at most 1.2x bare Tesseract run
  the same way (1.1x in the speed targets), and a 16-page scan within 40 s on 2 cores;
- the same ratio in CPU seconds (this process and its children: Tesseract), which the load
  of other programs on shared cores moves much less than wall time;
- from one more run of ``ocr_pages``, its CPU seconds by stage: each kind of Tesseract run
  (first readings, second readings of dropped print, fields, table cells, the sideways check),
  made by Tesseract's library in this process or as ``tesseract`` processes, and the reader's
  own work (rendering, the second reading's image, tables, layout).

With ``VNREPORT_TESSERACT_PROCESS=1`` set, the reader runs every Tesseract reading as a
process, as bare Tesseract runs (see ``readers/tesseract_lib.py``).

Timings depend on the machine's load: the cores are shared with whatever else runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from _timing import median_seconds

from vnreport_extract.readers import ocr, ocr_tables, system, tesseract_lib

ROOT = Path(__file__).resolve().parent.parent
SCANS = [*sorted((ROOT / "fixtures" / "archives").glob("*/*-scan.pdf")),
         ROOT / "fixtures" / "real-scan" / "bcdx-03-scan.pdf"]


def build_scan(pages: int, out: Path) -> None:
    """A PDF of ``pages`` pages taken in turn from the fixture scans."""
    doc = pdfium.PdfDocument.new()
    sources = [pdfium.PdfDocument(str(p)) for p in SCANS]
    try:
        i = 0
        while len(doc) < pages:
            for src in sources:
                if i < len(src) and len(doc) < pages:
                    doc.import_pages(src, [i])
            i += 1
            if all(i >= len(s) for s in sources):
                i = 0
        doc.save(str(out))
    finally:
        for s in sources:
            s.close()
        doc.close()


def cpu_seconds() -> float:
    """CPU time of this process and of its waited-for children (Tesseract) so far."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--pages", type=int, default=16)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    workers = max(1, min(cores, 4))  # every core, as on an idle machine
    exe = system.tesseract()
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory() as tmp:
        scan = Path(tmp) / "scan.pdf"
        build_scan(args.pages, scan)
        numbers = list(range(1, args.pages + 1))
        images = ocr._render(scan, numbers, 300, Path(tmp))

        def one(p: ocr.PageImage) -> None:
            subprocess.run([exe, str(p.file), "stdout", "-l", "vie", "--dpi", str(p.dpi), "tsv"], check=True,
                           capture_output=True, env=env, timeout=600)

        def side_by_side() -> None:
            with ThreadPoolExecutor(workers) as pool:
                list(pool.map(one, images))

        def in_turn() -> None:
            for p in images:
                one(p)

        # Taken in turn, run after run, so that a burst of load elsewhere on the machine
        # weighs on all three alike.
        runs: dict[str, list[float]] = {"reader": [], "parallel": [], "sequential": []}
        cpu: dict[str, list[float]] = {"reader": [], "parallel": []}
        for _ in range(args.repeat):
            for name, fn in (("reader", lambda: ocr.ocr_pages(scan, numbers, workers=workers)),
                             ("parallel", side_by_side), ("sequential", in_turn)):
                started = cpu_seconds()
                runs[name].append(median_seconds(fn, 1, warm_up=False))
                if name in cpu:
                    cpu[name].append(cpu_seconds() - started)
        reader, parallel, sequential = (statistics.median(runs[k]) for k in ("reader", "parallel", "sequential"))
        reader_cpu, bare_cpu = statistics.median(cpu["reader"]), statistics.median(cpu["parallel"])
    n = args.pages
    dpis = sorted({p.dpi for p in images})
    print(f"OCR scan of {n} pages (fixture scans, {min(dpis)}-{max(dpis)} dpi), {cores} cores, "
          f"{workers} Tesseract at once")
    print(f"  ocr_pages                      {reader / n:6.2f} s/page  {reader:6.1f} s/document  "
          f"(target: 16 pages within 40 s on 2 cores)")
    print(f"  bare tesseract, {workers} at once      {parallel / n:6.2f} s/page  {parallel:6.1f} s   "
          f"ratio reader/bare = {reader / parallel:.2f} (target <= 1.2)")
    print(f"  bare tesseract, one at a time  {sequential / n:6.2f} s/page  {sequential:6.1f} s   "
          f"ratio reader/bare = {reader / sequential:.2f}")
    print(f"  CPU seconds: ocr_pages {reader_cpu:.1f}, bare tesseract {bare_cpu:.1f}   "
          f"ratio reader/bare = {reader_cpu / bare_cpu:.2f} (target <= 1.2)")
    each = {k: [round(x, 1) for x in v] for k, v in runs.items()}
    print(f"  wall seconds of each run: ocr_pages {each['reader']}, bare {each['parallel']}")
    with tempfile.TemporaryDirectory() as tmp:
        scan = Path(tmp) / "scan.pdf"
        build_scan(args.pages, scan)
        print_stages(scan, list(range(1, args.pages + 1)), workers)


# Tesseract runs of the reader, told apart by their options.
_RUN_KINDS = [("sideways check (osd)", ("--psm", "0")), ("fields", ("tessedit_char_whitelist=0123456789",)),
              ("second readings", ("stdin", "--psm", "6")), ("table cells", ("--psm", "6")),
              ("symbols read again alone", ("--psm", "7")), ("first readings", ("--dpi",)), ("other", ())]
# The same runs made by Tesseract's library in this process (readers/tesseract_lib.py), told
# apart by their images' names.
_IMAGE_KINDS = [("second readings", "-again"), ("second readings (signature)", "-signature"),
                ("fields", "-field-"), ("symbols read again alone", "-symbol"), ("table cells", "-cells"),
                ("table cells", "-numbers"), ("sideways page read again", "-r"), ("first readings", "page-")]


def _image_kind(image: str) -> str:
    name = Path(image).name
    return next((kind for kind, mark in _IMAGE_KINDS if mark in name), "other")


# The reader's own work, by the functions that do it.
_OWN_STAGES = [("rendering (PDFium, seal red, scanner lines)", ocr._Raster, "page"),
               ("second reading's image", ocr, "_again"),
               ("tables (rules, cells)", ocr_tables, "find_grids"),
               ("tables (rules, cells)", ocr_tables, "page_tables"),
               ("layout (lines, header, fields, diacritics)", ocr, "page_blocks")]


def print_stages(scan: Path, numbers: list[int], workers: int) -> None:
    """One run of ``ocr_pages`` with its CPU seconds split by stage: each Tesseract process's
    own (``wait4``), and the reader's threads' in the functions of each stage."""
    runs: dict[int, str] = {}
    spent: dict[str, list[float]] = {}
    lock = threading.Lock()
    start, waitpid = system.start, os.waitpid

    def started(args: Any, **kwargs: Any) -> Any:
        proc = start(args, **kwargs)
        if "--list-langs" not in args:
            runs[proc.pid] = next(kind for kind, marks in _RUN_KINDS if all(m in args for m in marks))
        return proc

    def reaped(pid: int, options: int) -> tuple[int, int]:
        done, status, usage = os.wait4(pid, options)
        if done and done in runs:
            with lock:
                spent.setdefault(f"Tesseract, {runs.pop(done)}", []).append(usage.ru_utime + usage.ru_stime)
        return done, status

    # Tesseract's time in this process so far, per thread: a stage that runs it (the table
    # cells) is counted without it.
    nested = threading.local()

    def timed(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            before, inside = time.thread_time(), getattr(nested, "seconds", 0.0)
            try:
                return fn(*args, **kwargs)
            finally:
                took = time.thread_time() - before - (getattr(nested, "seconds", 0.0) - inside)
                with lock:
                    spent.setdefault(label, []).append(took)
        return run

    engine_run = tesseract_lib.Engines.run

    def in_process(self: tesseract_lib.Engines, request: tesseract_lib.Request, timeout: float,
                   cancel: tesseract_lib.Cancel | None = None) -> Any:
        before = time.thread_time()
        try:
            return engine_run(self, request, timeout, cancel)
        finally:
            took = time.thread_time() - before
            nested.seconds = getattr(nested, "seconds", 0.0) + took
            with lock:
                spent.setdefault(f"Tesseract in this process, {_image_kind(request.images[0])}", []).append(took)

    originals = [(owner, name, getattr(owner, name)) for _, owner, name in _OWN_STAGES]
    ocr.ocr_pages(scan, numbers[:1], workers=workers)  # data loaded, as in the timed runs
    own = time.process_time()
    try:
        system.start, os.waitpid = started, reaped  # type: ignore[assignment]
        tesseract_lib.Engines.run = in_process  # type: ignore[method-assign]
        for label, owner, name in _OWN_STAGES:
            setattr(owner, name, timed(label, getattr(owner, name)))
        ocr.ocr_pages(scan, numbers, workers=workers)
    finally:
        system.start, os.waitpid = start, waitpid  # type: ignore[assignment]
        tesseract_lib.Engines.run = engine_run  # type: ignore[method-assign]
        for owner, name, fn in originals:
            setattr(owner, name, fn)
    own = time.process_time() - own
    print("  CPU seconds of one more run of ocr_pages, by stage:")
    for label, seconds in sorted(spent.items(), key=lambda kv: -sum(kv[1])):
        runs_note = f"  ({len(seconds)} runs)" if label.startswith("Tesseract") else ""
        print(f"    {label:52} {sum(seconds):6.2f}{runs_note}")
    # Everything but the Tesseract processes (children: not in this process's time).
    mine = sum(sum(v) for k, v in spent.items() if not k.startswith("Tesseract, "))
    print(f"    {'the reader, other work (threads, TSV, merging)':52} {own - mine:6.2f}")


if __name__ == "__main__":
    main()
