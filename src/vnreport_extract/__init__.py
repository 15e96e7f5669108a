"""vnreport_extract: Vietnamese government reports → typed, structured records.

>>> from vnreport_extract import parse_text
>>> report = parse_text("Thực hiện Kế hoạch số 41/KH-UBND ngày 15/02/2022 của UBND huyện")
>>> report.citations[0].symbol, report.citations[0].date.iso
('41/KH-UBND', '2022-02-15')

Names are imported on first use, so ``import vnreport_extract`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_exports

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    # parsing
    "parse_file": "pipeline", "parse_text": "pipeline", "build_report": "pipeline",
    # extractors, each a pure function over text
    **{name: "extractors" for name in (
        "Extraction", "extract_citations", "extract_dates", "extract_demographics", "extract_figures",
        "extract_metadata", "extract_sections")},
    "parse_symbol": "extract.symbols", "build_table": "extract.tables", "resolve": "resolution",
    "Resolution": "resolution",
    # records
    **{name: "models" for name in (
        "Citation", "CitedDocument", "DateMention", "Demographics", "DocumentNumber", "Figure", "Metadata",
        "PartError", "PartialDate", "Report", "SatisfactionRow", "Section", "Signer", "Source", "Table",
        "Warning")},
    # options
    "ParseOptions": "options", "ConvertOptions": "options",
    # errors
    **{name: "errors" for name in (
        "VnReportError", "InputError", "UnsupportedFormatError", "CorruptFileError", "MissingComponentError",
        "PasswordProtectedError", "OutputError", "OutputLockedError", "OcrError")},
    # what an input may cost
    "Limits": "limits", "LimitExceededError": "limits",
}

__all__ = [
    "Citation",
    "CitedDocument",
    "ConvertOptions",
    "CorruptFileError",
    "DateMention",
    "Demographics",
    "DocumentNumber",
    "Extraction",
    "Figure",
    "InputError",
    "LimitExceededError",
    "Limits",
    "Metadata",
    "MissingComponentError",
    "OcrError",
    "OutputError",
    "OutputLockedError",
    "ParseOptions",
    "PartError",
    "PartialDate",
    "PasswordProtectedError",
    "Report",
    "Resolution",
    "SatisfactionRow",
    "Section",
    "Signer",
    "Source",
    "Table",
    "UnsupportedFormatError",
    "VnReportError",
    "Warning",
    "__version__",
    "build_report",
    "build_table",
    "extract_citations",
    "extract_dates",
    "extract_demographics",
    "extract_figures",
    "extract_metadata",
    "extract_sections",
    "parse_file",
    "parse_symbol",
    "parse_text",
    "resolve",
]


__getattr__ = lazy_exports(__name__, _EXPORTS, globals())


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:
    from .errors import (
        CorruptFileError,
        InputError,
        MissingComponentError,
        OcrError,
        OutputError,
        OutputLockedError,
        PasswordProtectedError,
        UnsupportedFormatError,
        VnReportError,
    )
    from .extract.symbols import parse_symbol
    from .extract.tables import build_table
    from .extractors import (
        Extraction,
        extract_citations,
        extract_dates,
        extract_demographics,
        extract_figures,
        extract_metadata,
        extract_sections,
    )
    from .limits import LimitExceededError, Limits
    from .models import (
        Citation,
        CitedDocument,
        DateMention,
        Demographics,
        DocumentNumber,
        Figure,
        Metadata,
        PartError,
        PartialDate,
        Report,
        SatisfactionRow,
        Section,
        Signer,
        Source,
        Table,
        Warning,
    )
    from .options import ConvertOptions, ParseOptions
    from .pipeline import build_report, parse_file, parse_text
    from .resolution import Resolution, resolve
