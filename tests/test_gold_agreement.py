"""How sure the archive gold is: the two documents annotated twice, independently, agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring import gold_as_output, load_gold, score

ARCHIVES = Path(__file__).resolve().parent.parent / "fixtures" / "archives"
TWICE = sorted(ARCHIVES.rglob("*.second.gold.json"))


def test_two_documents_were_annotated_twice() -> None:
    assert [p.name for p in TWICE] == ["qd-1462-qd-ubnd-2012-scan.second.gold.json",
                                       "kh-trien-khai-dao-tao-qlvb-stttt-phu-tho-2011.second.gold.json"]


@pytest.mark.parametrize("second", TWICE, ids=lambda p: p.name.split(".")[0])
def test_second_annotation_agrees_with_the_first(second: Path) -> None:
    first = load_gold(second.with_name(second.name.replace(".second.gold.json", ".gold.json")))
    result = score(first, gold_as_output(load_gold(second)), second.name)
    keys = ("citations", "citation_dates", "documents", "dates", "sections")
    assert {k: result[k]["f1"] for k in keys} == dict.fromkeys(keys, 1.0)
    assert result["metadata"]["acc"] == 1.0
