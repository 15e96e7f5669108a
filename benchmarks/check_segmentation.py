"""Does the dictionary word segmentation give the records underthesea's CRF gave?

Run: .venv/bin/python benchmarks/check_segmentation.py [FILE ...]

Reads every text, DOCX, DOC and text-layer PDF in ``fixtures/`` (or the files named), then
builds each report twice: once with :func:`vnreport_extract.words.segment` (what the parser
uses) and once with underthesea's CRF ``word_tokenize``. Prints, per document, how many
figures and stray-number warnings each gives and every record that differs, and a total.
On the fixtures, 7 of about 600 records differ, all figure subjects: where the CRF
joins ``đối với`` into the subject (``quyền hạn đối với``) the dictionary gives none.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = {".txt": "text", ".md": "markdown", ".docx": "docx", ".doc": "doc", ".pdf": "pdf"}


def documents(args: list[str]) -> list[Path]:
    if args:
        return [Path(a) for a in args]
    found = [p for p in sorted((ROOT / "fixtures").rglob("*")) if p.suffix.lower() in KINDS]
    return [p for p in found if "scan" not in p.name and "hostile" not in p.parts and not p.stem.isupper()]


def records(report: object) -> set[tuple[object, ...]]:
    from vnreport_extract.models import Report

    assert isinstance(report, Report)
    out: set[tuple[object, ...]] = {("figure", f.start, f.raw, f.value, f.unit, f.subject) for f in report.figures}
    out |= {("warning", w.start, w.code) for w in report.warnings if w.code == "stray-number"}
    return out


def main() -> int:
    from underthesea import word_tokenize

    import vnreport_extract.extract.figures as figures
    from vnreport_extract.pipeline import build_report
    from vnreport_extract.readers import read_file
    from vnreport_extract.readers.text import read_text
    from vnreport_extract.words import segment

    def crf(phrase: str, *_: object) -> tuple[str, ...]:
        return tuple(word_tokenize(phrase))

    differing = total = 0
    for path in documents(sys.argv[1:]):
        kind = KINDS[path.suffix.lower()]
        try:
            doc = (read_text(path.read_text(encoding="utf-8")) if kind in ("text", "markdown")
                   else read_file(path, kind, "0" * 64))
        except Exception as exc:  # a document a reader refuses has nothing to compare
            print(f"{path.relative_to(ROOT)}: not read ({type(exc).__name__})")
            continue
        results = []
        for seg in (segment, crf):
            setattr(figures, "_segment", seg)  # noqa: B010 - swapped on purpose, both ways
            results.append(records(build_report(copy.deepcopy(doc))))
        ours, theirs = results
        total += len(theirs)
        diff = sorted(ours ^ theirs, key=lambda r: (r[1], r[0]))
        differing += len(diff)
        print(f"{path.relative_to(ROOT)}: {len(ours)} records, {len(diff)} differ")
        for r in diff:
            print(f"   {'dictionary' if r in ours else 'crf':10} {r}")
    print(f"total: {total} records with the CRF, {differing} differ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
