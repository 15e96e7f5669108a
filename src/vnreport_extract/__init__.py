"""vnreport_extract: Vietnamese government reports → typed, structured records.

>>> from vnreport_extract import parse_text
>>> report = parse_text("Thực hiện Kế hoạch số 41/KH-UBND ngày 15/02/2022 của UBND huyện")
>>> report.citations[0].symbol, report.citations[0].date.iso
('41/KH-UBND', '2022-02-15')
"""

from __future__ import annotations

from .errors import (
    CorruptFileError,
    InputError,
    MissingComponentError,
    UnsupportedFormatError,
    VnReportError,
)
from .extract.citations import extract_citations
from .extract.dates import extract_dates
from .extract.demographics import extract_demographics
from .extract.figures import extract_figures
from .extract.metadata import extract_metadata
from .extract.sections import extract_sections
from .extract.symbols import parse_symbol
from .extract.tables import build_table
from .models import (
    Citation,
    CitedDocument,
    DateMention,
    Demographics,
    DocumentNumber,
    Figure,
    Metadata,
    PartialDate,
    Report,
    SatisfactionRow,
    Section,
    Signer,
    Source,
    Table,
    Warning,
)
from .pipeline import parse_file, parse_text
from .resolve import resolve

__version__ = "0.1.0"

__all__ = [
    "Citation", "CitedDocument", "CorruptFileError", "DateMention", "Demographics", "DocumentNumber", "Figure",
    "InputError", "Metadata", "MissingComponentError", "PartialDate", "Report", "SatisfactionRow", "Section",
    "Signer", "Source", "Table", "UnsupportedFormatError", "VnReportError", "Warning", "__version__",
    "build_table", "extract_citations", "extract_dates", "extract_demographics", "extract_figures",
    "extract_metadata", "extract_sections", "parse_file", "parse_symbol", "parse_text", "resolve",
]
