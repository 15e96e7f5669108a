#!/usr/bin/env python
"""Build ``src/vnreport_extract/data/syllables.tsv.gz``: syllable and syllable-pair counts of
Vietnamese administrative text, the context model that restores the diacritics Tesseract's
``vie`` model misreads (``readers/ocr_words.py``).

The counts come from the text layers (DOCX, DOC, text PDFs) of the development corpus
(``shared/corpus/real`` and ``shared/corpus/archives``: real documents of state agencies and
Party bodies, not protected by copyright, Luật Sở hữu trí tuệ, Điều 15), read with this
package's own readers (OCR off). Left out: the scans (their text would be OCR's), the
held-out documents of ``fixtures/archives/HELDOUT.md`` and the documents that
``benchmarks/bench_ocr_quality.py`` measures on, so that the benchmark scores text the model
has not seen.

Each line of the output is ``count<TAB>syllable`` or ``count<TAB>syllable syllable``, lower
case, NFC; a number is ``0``; punctuation ends a run (no pair across it). Pairs seen once are
dropped (they are most of the pairs and carry little).

Run: ``.venv/bin/python scripts/build_syllable_counts.py [--corpus ../shared/corpus]``
(needs LibreOffice for the ``.doc`` files). Prints the documents read and their sha256, for
``src/vnreport_extract/data/PROVENANCE.md``.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import itertools
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

from vnreport_extract import parse_file  # noqa: E402
from vnreport_extract.options import ParseOptions  # noqa: E402

OUT = ROOT / "src" / "vnreport_extract" / "data" / "syllables.tsv.gz"
# A run of syllables: letters, or a number (as ``0``); anything else ends the run.
_TOKEN = re.compile(r"(?P<word>[^\W\d_]+)|(?P<number>\d+(?:[.,]\d+)*)|(?P<stop>[^\w\s])")


def held_out() -> set[str]:
    text = (ROOT / "fixtures" / "archives" / "HELDOUT.md").read_text(encoding="utf-8")
    return {Path(m).name for m in re.findall(r"`([^`]+\.\w+)`", text)}


def measured() -> set[str]:
    from bench_ocr_quality import DOCUMENTS

    names = {d.name for d in DOCUMENTS}
    # The generated seed documents are the seed report.
    return names | {"seed.docx", "seed-scan.pdf", "000_c44f0d63a01b8516.txt"}


def documents(corpus: Path) -> list[Path]:
    skip = held_out() | measured()
    chosen: dict[str, Path] = {}
    for path in sorted(corpus.rglob("*")):
        if path.suffix.lower() not in (".doc", ".docx", ".pdf") or "scan" in path.name or path.name in skip:
            continue
        # kh-pcmt-2030.doc and .docx are one document: the DOCX is read.
        stem = path.stem.removesuffix(".signed")
        if stem not in chosen or path.suffix == ".docx":
            chosen[stem] = path
    return sorted(chosen.values())


def runs(text: str) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for m in _TOKEN.finditer(text):
        if m.group("stop"):
            out.append([])
        else:
            out[-1].append(m.group("word").lower() if m.group("word") else "0")
    return [r for r in out if r]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    unigrams: collections.Counter[str] = collections.Counter()
    bigrams: collections.Counter[str] = collections.Counter()
    for path in documents(args.corpus):
        try:
            report = parse_file(path, ParseOptions(ocr="off"))
        except Exception as exc:  # a document that cannot be read is listed and left out
            print(f"skipped {path.relative_to(args.corpus)}: {exc}", file=sys.stderr)
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        texts = [report.text] + [a.text for a in report.attachments]
        for text in texts:
            for run in runs(text):
                unigrams.update(run)
                bigrams.update(f"{a} {b}" for a, b in itertools.pairwise(run))
        print(f"| `{path.relative_to(args.corpus)}` | `{digest}` |")
    lines = [f"{n}\t{w}" for w, n in sorted(unigrams.items(), key=lambda x: (-x[1], x[0]))]
    lines += [f"{n}\t{w}" for w, n in sorted(bigrams.items(), key=lambda x: (-x[1], x[0])) if n > 1]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # No name and mtime 0 in the gzip header: the same counts give the same bytes.
    with args.out.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{sum(unigrams.values())} syllables, {len(unigrams)} distinct, "
          f"{sum(1 for n in bigrams.values() if n > 1)} pairs seen twice or more -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
