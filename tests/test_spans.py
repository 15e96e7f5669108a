"""Span sets: built at once or span by span, the same set."""

from __future__ import annotations

import random

from vnreport_extract.spans import Spans


def test_spans_built_at_once_equal_spans_added_one_by_one() -> None:
    rng = random.Random(7)
    for _ in range(300):
        spans = [(a, a + rng.randint(0, 6)) for a in (rng.randint(0, 60) for _ in range(rng.randint(0, 12)))]
        one_by_one = Spans()
        for start, end in spans:
            one_by_one.add(start, end)
        at_once = Spans(spans)
        assert [(p, at_once.contains(p), at_once.overlaps(p, p + 2)) for p in range(70)] == \
            [(p, one_by_one.contains(p), one_by_one.overlaps(p, p + 2)) for p in range(70)]
