"""A set of character spans with logarithmic overlap tests (long reports hold
thousands of mentions; a linear scan per mention would be quadratic)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Spans:
    """Disjoint, sorted half-open spans; adding an overlapping span merges it.

    >>> s = Spans([(10, 20)])
    >>> s.overlaps(15, 30), s.overlaps(20, 25), s.contains(12)
    (True, False, True)
    >>> s.add(18, 40); s.overlaps(35, 36)
    True
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        # Sorted spans merge into the last one kept or follow it: what ``add`` does, in one pass
        # (on local lists: every mention of a report goes through here).
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(spans):
            if ends and ends[-1] >= start:
                if end > ends[-1]:
                    ends[-1] = end
            else:
                starts.append(start)
                ends.append(end)
        self._starts = starts
        self._ends = ends

    def add(self, start: int, end: int) -> None:
        starts, ends = self._starts, self._ends
        i = bisect.bisect_left(starts, start)
        # Merge with the span before when they touch or overlap.
        if i > 0 and ends[i - 1] >= start:
            i -= 1
            start = starts[i]
            end = max(end, ends[i])
            del starts[i], ends[i]
        while i < len(starts) and starts[i] <= end:
            end = max(end, ends[i])
            del starts[i], ends[i]
        starts.insert(i, start)
        ends.insert(i, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with a span (an empty span: lies inside one)."""
        if end <= start:
            return self.contains(start)
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._ends[i - 1] > start

    def contains(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset)
        return i > 0 and self._ends[i - 1] > offset
