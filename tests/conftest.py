from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from vnreport_extract import ParseOptions, Report, parse_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "seed" / "000_c44f0d63a01b8516.txt"
SEED_GOLD = FIXTURES / "seed" / "000_c44f0d63a01b8516.gold.json"


@pytest.fixture(scope="session")
def seed_report() -> Report:
    return parse_file(SEED)


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def alive(pid: int) -> bool:
    """Whether a process still runs (not gone, not a zombie waiting to be reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def options_of(flags: list[str]) -> ParseOptions:
    """The options the ``parse`` command builds from ``flags``."""
    from vnreport_extract.cli import build_parser
    from vnreport_extract.flags import parse_options

    return parse_options(build_parser().parse_args(["parse", "scan.pdf", *flags]))


# What makes a test slow, kept in one place: the shared fixtures that start a real
# component or read a whole long document. Plain `pytest` leaves these out (-m "not slow"
# in pyproject); `pytest -m ""` (CI) runs everything.
MARKS_BY_FIXTURE: dict[str, tuple[str, ...]] = {
    "scan_report": ("slow", "needs_tesseract"),  # test_reader_ocr: a real scan through Tesseract
    "doc_report": ("slow", "needs_libreoffice"),  # test_reader_doc: a .doc through LibreOffice
    "printed": ("slow", "needs_libreoffice"),  # test_reader_pdf: DOCX printed to PDF by LibreOffice
    "cchc": ("slow",),  # test_reader_pdf: the 35-page signed PDF
    "cchc_report": ("slow",),
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for name in getattr(item, "fixturenames", ()):
            for mark in MARKS_BY_FIXTURE.get(name, ()):
                item.add_marker(getattr(pytest.mark, mark))
