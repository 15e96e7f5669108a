"""parse_text speed on the seed report, and import time.

Run: .venv/bin/python benchmarks/bench_parse.py [--repeat N]

Prints the median time of parse_text on the seed after warm-up (target <= 15 ms),
its ratio to one compiled-regex scan over the same text, the throughput in MB/s, the
same with the word-segmentation cache cleared before each run, and the time of
``import vnreport_extract`` and of ``from vnreport_extract import parse_file`` in a
fresh interpreter (target <= 0.5 s).
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
from pathlib import Path

from _timing import median_seconds

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "000_c44f0d63a01b8516.txt"


def import_seconds(statement: str, repeat: int = 5) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(repeat)]
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    from vnreport_extract import parse_text
    from vnreport_extract.extract.figures import _segment

    text = SEED.read_text(encoding="utf-8")
    size_mb = len(text.encode()) / 1e6
    for _ in range(5):
        parse_text(text)
    warm = median_seconds(lambda: parse_text(text), args.repeat)

    def clear() -> None:
        _segment.cache_clear()

    cold = median_seconds(lambda: parse_text(text), args.repeat, before=clear)
    scan_re = re.compile(r"\d+[/.-]\d+|\w+")
    scan = median_seconds(lambda: sum(1 for _ in scan_re.finditer(text)), args.repeat)
    print(f"seed: {size_mb * 1000:.1f} KB")
    print(f"parse_text median (warm caches): {warm * 1000:.2f} ms   target <= 15 ms   "
          f"{'OK' if warm <= 0.015 else 'OVER'}")
    print(f"parse_text median (segmentation cache cleared each run): {cold * 1000:.2f} ms")
    print(f"one compiled-regex scan median: {scan * 1000:.3f} ms   ratio parse/scan: {warm / scan:.0f}x")
    print(f"throughput: {size_mb / warm:.2f} MB/s (warm), {size_mb / cold:.2f} MB/s (cold)")
    # Scaling: one long paragraph and a long run of citations, 1x and 40x; linear code
    # gives a ratio near 40.
    # The last: a spreadsheet's table whose column of dates is written month first (11/16/2012).
    for label, unit, head in [("figures in one paragraph", "Xã có 12 hộ và 5 người ", ""),
                              ("citations", "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ; ", ""),
                              ("a table column of dates month first", "1\tCông ty\tSáng 11/5/2012\n",
                               "STT\tCông ty\tThời gian\n1\tA\t11/16/2012\n2\tB\t11/19/2012\n")]:
        one = median_seconds(lambda u=unit, h=head: parse_text(h + u * 300), 3, warm_up=False)  # type: ignore[misc]
        forty = median_seconds(lambda u=unit, h=head: parse_text(h + u * 12000), 1, warm_up=False)  # type: ignore[misc]
        print(f"scaling, {label}: 40x the text takes {forty / one:.0f}x the time (linear: ~40)")
    imp = import_seconds("import vnreport_extract")
    imp_api = import_seconds("from vnreport_extract import parse_file")
    print(f"import vnreport_extract: {imp:.3f} s   from vnreport_extract import parse_file: {imp_api:.3f} s   "
          f"target <= 0.5 s   {'OK' if max(imp, imp_api) <= 0.5 else 'OVER'}")


if __name__ == "__main__":
    main()
