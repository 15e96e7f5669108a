"""Real provincial documents against hand-made gold files (fixtures/gold), whole documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scoring import load_gold, score
from vnreport_extract import Report, parse_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DOCX = ["bc-quan-ly-hoi-2025", "kh-cchc-2026", "qd-kien-toan-doi-ucsc", "kh-pcmt-2030", "bc-cchc-nam-2025"]
# The data tables of each: kh-cchc-2026's one, 60 rows by 7 columns (its header and signature
# are layout); bc-cchc-nam-2025's seven Biểu mẫu of its appendix, two of them typed again as a
# table of their own after a page break (joined: 23 and 27 rows); none in the others.
TABLES = {"kh-cchc-2026": 1, "bc-cchc-nam-2025": 7}


@pytest.fixture(scope="module", params=DOCX)
def scored(request: pytest.FixtureRequest) -> tuple[str, Report, dict[str, Any]]:
    name = request.param
    report = parse_file(FIXTURES / "real" / f"{name}.docx")
    gold = load_gold(FIXTURES / "gold" / f"{name}.gold.json")
    return name, report, score(gold, report.model_dump(mode="json"), f"{name}.docx")


def test_citations_and_dates(scored: tuple[str, Report, dict[str, Any]]) -> None:
    name, _, result = scored
    for key in ("citations", "citation_dates", "dates"):
        assert result[key]["f1"] >= 0.97, (name, key, result[key])


def test_documents(scored: tuple[str, Report, dict[str, Any]]) -> None:
    name, _, result = scored
    assert result["documents"]["f1"] >= 0.97, (name, result["documents"])


def test_sections(scored: tuple[str, Report, dict[str, Any]]) -> None:
    name, _, result = scored
    assert result["sections"]["f1"] >= 0.95, (name, result["sections"])


def test_tables(scored: tuple[str, Report, dict[str, Any]]) -> None:
    name, _, result = scored
    assert (result["tables"]["f1"], result["tables"]["gold"]) == (1.0, TABLES.get(name, 0)), (name, result["tables"])


def test_metadata(scored: tuple[str, Report, dict[str, Any]]) -> None:
    name, _, result = scored
    assert result["metadata"]["acc"] == 1.0, (name, result["metadata"])


def test_word_auto_numbered_headings() -> None:
    """kh-cchc-2026.docx: 12 headings whose numbers only Word's numbering shows."""
    from vnreport_extract.extract.sections import walk

    gold = load_gold(FIXTURES / "gold" / "kh-cchc-2026.gold.json")
    auto = [(s["number"], s["level"]) for s in gold["sections"] if s.get("docx_numbering")]
    assert len(auto) == 12
    got = [(s.number, s.level) for s in walk(parse_file(FIXTURES / "real" / "kh-cchc-2026.docx").sections)]
    want = [(s["number"], s["level"]) for s in gold["sections"]]
    assert got == want
