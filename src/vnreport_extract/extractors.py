"""The public extractors, one calling convention: text in, an :class:`Extraction` (records
and the warnings about them) out.

Each runs the text pipeline of :func:`~vnreport_extract.parse_text` on the text, so its
records are exactly those of the Report: a date knows whether it is a citation's, a
citation knows its section, the document's own ``Số:`` line is not a citation. The step
functions they are built from live in :mod:`vnreport_extract.extract` (one module per
kind of record), for those who assemble a pipeline of their own.

>>> extract_citations("Thực hiện Kế hoạch số 245/KHUBND ngày 31/12/2021").records[0].symbol
'245/KH-UBND'
>>> [w.code for w in extract_citations("Thực hiện Kế hoạch số 245/KHUBND").warnings]
['symbol-missing-hyphen']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .models import Citation, DateMention, Demographics, Figure, Metadata, Report, Section, Warning

T = TypeVar("T")

# Which warnings belong to which extractor, by code (a prefix ends with ``-``).
WARNING_CODES: dict[str, tuple[str, ...]] = {
    "citations": ("symbol-",),
    "dates": ("date-month-first", "date-not-in-calendar"),
    "figures": ("stray-number", "percent-without-sign"),
    "sections": ("duplicate-section-number",),
    "metadata": ("blank-document-number", "unreadable-document-date", "document-number-from-annex"),
    "demographics": (),
}


# Warnings about the text as a whole (how it was decoded), which every extraction carries: its
# records were read from the text as converted.
TEXT_WARNINGS = ("legacy-encoding", "mojibake-repaired", "mojibake-suspected")


@dataclass(frozen=True)
class Extraction(Generic[T]):
    """Records of one kind, in text order, and the warnings about them (and about the text
    as a whole: a legacy encoding converted, mojibake decoded again). ``text`` is the text the
    records were read from, cleaned as :attr:`Report.text <vnreport_extract.Report.text>` is
    (Unicode NFC, markup dropped, a paragraph's broken lines joined): the records' ``start`` and
    ``end`` are offsets into it, not into the text given.

    >>> found = extract_citations("Căn cứ **Luật Đất đai**;")
    >>> [found.text[c.start:c.end] for c in found.records]
    ['Luật Đất đai']
    """

    records: list[T]
    warnings: list[Warning] = field(default_factory=list)
    text: str = ""


def _parse(text: str) -> Report:
    from .pipeline import parse_text

    return parse_text(text)


def _warnings(report: Report, kind: str) -> list[Warning]:
    codes = (*TEXT_WARNINGS, *WARNING_CODES[kind])
    return [w for w in report.warnings
            if any(w.code.startswith(c) if c.endswith("-") else w.code == c for c in codes)]


def extract_citations(text: str) -> Extraction[Citation]:
    """Every mention of another document: full (``Chỉ thị số 33/CT-TTg``), short
    (``Chỉ thị 33``) and named (``Luật Đất đai``), with date, authority, subject and section."""
    report = _parse(text)
    return Extraction(report.citations, _warnings(report, "citations"), report.text)


def extract_dates(text: str) -> Extraction[DateMention]:
    """Every date, month, year and period, with its role (document, citation, text).

    >>> [(d.value.iso, d.role) for d in extract_dates("Chỉ thị số 33/CT-TTg ngày 26/11/2021").records]
    [('2021-11-26', 'citation')]
    """
    report = _parse(text)
    return Extraction(report.dates, _warnings(report, "dates"), report.text)


def extract_figures(text: str) -> Extraction[Figure]:
    """Every quantity in running text, with its unit and subject.

    >>> [(f.value, f.unit) for f in extract_figures("Toàn xã có 860 hộ, hộ nghèo chiếm 7,20 %.").records]
    [(860, 'hộ'), (7.2, '%')]
    """
    report = _parse(text)
    return Extraction(report.figures, _warnings(report, "figures"), report.text)


def extract_sections(text: str) -> Extraction[Section]:
    """The numbered section tree (its roots; each section holds its ``children``).

    >>> [s.number for s in extract_sections("I. KẾT QUẢ\\n1. Ưu điểm\\nII. NHIỆM VỤ").records]
    ['I', 'II']
    """
    report = _parse(text)
    return Extraction(report.sections, _warnings(report, "sections"), report.text)


def extract_metadata(text: str) -> Extraction[Metadata]:
    """The document's own identity (issuer, number, place and date, type, title,
    recipients, signer): one record."""
    report = _parse(text)
    return Extraction([report.metadata], _warnings(report, "metadata"), report.text)


def extract_demographics(text: str) -> Extraction[Demographics]:
    """The locality's profile (area, households, population, poor households ...): one
    record when the text states one, none otherwise."""
    report = _parse(text)
    records = [report.demographics] if report.demographics is not None else []
    return Extraction(records, _warnings(report, "demographics"), report.text)


__all__ = ["Extraction", "extract_citations", "extract_dates", "extract_demographics", "extract_figures",
           "extract_metadata", "extract_sections"]
