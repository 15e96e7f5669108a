"""DOCX reader speed: seconds per document on the real corpus .docx files.

Run: .venv/bin/python benchmarks/bench_docx.py [--repeat N] [DIR_OR_FILE ...]

For each .docx (default: fixtures/real/*.docx, copies of ../shared/corpus/real) prints,
as medians over N runs after one warm-up run:
- ``read_docx``: the reader alone (file → blocks);
- ``python-docx``: a plain python-docx pass over the same file (open, every paragraph's
  and table cell's text), the cost any python-docx based reader pays, and the ratio of
  the reader to it;
- ``parse_file``: the whole pipeline (reader + extractors).
The last line gives the median per document over all files.
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from _timing import median_seconds

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "fixtures" / "real"


def plain_python_docx(path: Path) -> int:
    """Text of every body paragraph and table cell via python-docx's own API."""
    import docx

    document = docx.Document(str(path))
    size = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            size += sum(len(cell.text) for cell in row.cells)
    return size


def files(args: list[str]) -> list[Path]:
    paths = [Path(a) for a in args] or [DEFAULT]
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.glob("*.docx")) if p.is_dir() else [p])
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    from vnreport_extract.pipeline import parse_file
    from vnreport_extract.readers.docx import read_docx

    rows = []
    print(f"{'file':32} {'KB':>6} {'read_docx s':>12} {'python-docx s':>14} {'ratio':>6} "
          f"{'parse_file s':>13}")
    for path in files(args.paths):
        reader = median_seconds(lambda p=path: read_docx(p), args.repeat)  # type: ignore[misc]
        plain = median_seconds(lambda p=path: plain_python_docx(p), args.repeat)  # type: ignore[misc]
        full = median_seconds(lambda p=path: parse_file(p), max(3, args.repeat // 3))  # type: ignore[misc]
        rows.append((reader, plain, full))
        print(f"{path.name:32} {path.stat().st_size / 1024:6.0f} {reader:12.4f} {plain:14.4f} "
              f"{reader / plain:6.2f} {full:13.4f}")
    if rows:
        reader_med = statistics.median(r[0] for r in rows)
        plain_med = statistics.median(r[1] for r in rows)
        full_med = statistics.median(r[2] for r in rows)
        print(f"{'median per document':32} {'':6} {reader_med:12.4f} {plain_med:14.4f} "
              f"{reader_med / plain_med:6.2f} {full_med:13.4f}")


if __name__ == "__main__":
    main()
