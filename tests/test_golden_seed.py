"""The seed report against its hand-made gold file, on every value the gold states."""

from __future__ import annotations

from typing import Any

import pytest

from scoring import score
from vnreport_extract import Report
from vnreport_extract.extract.sections import walk


def fold(s: str | None) -> str | None:
    return None if s is None else " ".join(s.casefold().split())


def test_metadata(seed_report: Report, seed_gold: dict[str, Any]) -> None:
    g, m = seed_gold["metadata"], seed_report.metadata
    assert m.issuer == g["issuer"]
    assert m.parent_issuer == g["parent_issuer"]
    assert m.number is not None
    assert (m.number.number, m.number.year, m.number.type_code, m.number.issuer_code) == (
        g["number"]["number"], g["number"]["year"], g["number"]["type_code"], g["number"]["issuer_code"])
    assert m.place == g["place"]
    assert m.date is not None and m.date.iso == g["date"]
    assert m.doc_type == g["doc_type"]
    assert m.title == g["title"]
    assert m.recipients == g["recipients"]
    assert m.signer is not None and m.signer.model_dump(exclude={"rank"}) == g["signer"]


def test_sections(seed_report: Report, seed_gold: dict[str, Any]) -> None:
    got = [(s.number, s.level, fold(s.title)[:60]) for s in walk(seed_report.sections)]  # type: ignore[index]
    want = [(s["number"], s["level"], fold(s["title"])[:60]) for s in seed_gold["sections"]]  # type: ignore[index]
    assert got == want


def test_section_paths_unique_and_duplicate_warned(seed_report: Report) -> None:
    paths = [s.path for s in walk(seed_report.sections)]
    assert len(paths) == len(set(paths))
    assert "III~2" in paths
    assert "duplicate-section-number" in {w.code for w in seed_report.warnings}


def test_citations(seed_report: Report, seed_gold: dict[str, Any]) -> None:
    got = [(c.kind, c.doc_type, c.symbol, c.date.iso if c.date else None, c.authority)
           for c in seed_report.citations if c.kind == "full"]
    want = [(c["kind"], c["doc_type"], c["symbol"], c["date"], c["authority"]) for c in seed_gold["citations"]]
    assert got == want


def test_named_citations(seed_report: Report, seed_gold: dict[str, Any]) -> None:
    got = sorted((c.doc_type, fold(c.name)) for c in seed_report.citations if c.kind == "named")
    want = sorted((c["doc_type"], fold(c["name"])) for c in seed_gold["named_citations"])
    assert got == want


def test_documents(seed_report: Report, seed_gold: dict[str, Any]) -> None:
    assert [(d.symbol, d.mentions) for d in seed_report.documents] == [
        (d["symbol"], d["mentions"]) for d in seed_gold["documents"]]


def test_dates(seed_report: Report, seed_gold: dict[str, Any]) -> None:
    def of(kinds: tuple[str, ...]) -> list[tuple[str, str | None, str | None]]:
        return [(d.kind, d.value.iso, d.until.iso if d.until else None)
                for d in seed_report.dates if d.kind in kinds]
    assert of(("date", "month")) == [(d["kind"], d["iso"], None) for d in seed_gold["dates"]]
    assert of(("period",)) == [(d["kind"], d["iso"], d["until"]) for d in seed_gold["periods"]]
    assert of(("year",)) == [(d["kind"], d["iso"], None) for d in seed_gold["years"]]


def test_date_roles(seed_report: Report) -> None:
    roles = {d.role for d in seed_report.dates}
    assert seed_report.dates[0].role == "document"
    assert {"document", "citation", "text"} <= roles


def test_figures(seed_report: Report, seed_gold: dict[str, Any]) -> None:
    got = [(f.value, f.unit, fold(f.subject)) for f in seed_report.figures]
    want = [(f["value"], f["unit"], fold(f["subject"])) for f in seed_gold["figures"]]
    assert got == want


def test_demographics(seed_report: Report, seed_gold: dict[str, Any]) -> None:
    assert seed_report.demographics is not None
    assert seed_report.demographics.model_dump() == seed_gold["demographics"]


def test_satisfaction_table(seed_report: Report, seed_gold: dict[str, Any]) -> None:
    [table] = seed_report.tables
    assert table.kind == "satisfaction"
    assert table.satisfaction is not None
    got = [r.model_dump() for r in table.satisfaction]
    assert got == seed_gold["tables"][0]["satisfaction"]


def test_expected_warnings(seed_report: Report, seed_gold: dict[str, Any]) -> None:
    assert set(seed_gold["warnings_expected"]) <= {w.code for w in seed_report.warnings}


@pytest.mark.parametrize("key", ["citations", "citation_dates", "documents", "dates", "sections",
                                 "satisfaction_rows"])
def test_score_is_perfect(seed_report: Report, seed_gold: dict[str, Any], key: str) -> None:
    result = score(seed_gold, seed_report.model_dump(mode="json"), "seed.txt")
    assert result[key]["f1"] == 1.0, result[key]


def test_score_metadata_demographics_figures(seed_report: Report, seed_gold: dict[str, Any]) -> None:
    result = score(seed_gold, seed_report.model_dump(mode="json"), "seed.txt")
    assert result["metadata"]["acc"] == 1.0
    assert result["demographics"]["acc"] == 1.0
    assert result["figures"]["f1"] >= 0.95
