"""How sure the archive gold is: the documents annotated twice, independently, agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring import gold_as_output, load_gold, score

ARCHIVES = Path(__file__).resolve().parent.parent / "fixtures" / "archives"
TWICE = sorted(ARCHIVES.rglob("*.second.gold.json"))


def test_three_documents_were_annotated_twice() -> None:
    assert [p.name for p in TWICE] == ["qd-1462-qd-ubnd-2012-scan.second.gold.json",
                                       "de-cuong-du-toan-qlvb-syt-sct-phu-tho-2012.second.gold.json",
                                       "kh-trien-khai-dao-tao-qlvb-stttt-phu-tho-2011.second.gold.json"]


@pytest.mark.parametrize("second", TWICE, ids=lambda p: p.name.split(".")[0])
def test_second_annotation_agrees_with_the_first(second: Path) -> None:
    first = load_gold(second.with_name(second.name.replace(".second.gold.json", ".gold.json")))
    result = score(first, gold_as_output(load_gold(second)), second.name)
    keys = ("citations", "citation_dates", "documents", "dates", "sections")
    assert {k: result[k]["f1"] for k in keys} == dict.fromkeys(keys, 1.0)
    assert result["metadata"]["acc"] == 1.0


def test_the_tables_of_the_outline_annotated_twice_agree() -> None:
    # de-cuong (88 pages, 50 data tables): both annotators count the same tables, row by column.
    second = next(p for p in TWICE if p.name.startswith("de-cuong"))
    first = load_gold(second.with_name(second.name.replace(".second.gold.json", ".gold.json")))
    shapes = [[(t["n_rows"], t["n_cols"]) for t in g["tables"]] for g in (first, load_gold(second))]
    assert shapes[0] == shapes[1] and len(shapes[0]) == 50
