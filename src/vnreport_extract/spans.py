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
        self._starts: list[int] = []
        self._ends: list[int] = []
        # Sorted spans merge into the last one kept or follow it: what ``add`` does, in one pass.
        for start, end in sorted(spans):
            if self._ends and self._ends[-1] >= start:
                if end > self._ends[-1]:
                    self._ends[-1] = end
            else:
                self._starts.append(start)
                self._ends.append(end)

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._starts, start)
        # Merge with the span before when they touch or overlap.
        if i > 0 and self._ends[i - 1] >= start:
            i -= 1
            start = self._starts[i]
            end = max(end, self._ends[i])
            del self._starts[i], self._ends[i]
        while i < len(self._starts) and self._starts[i] <= end:
            end = max(end, self._ends[i])
            del self._starts[i], self._ends[i]
        self._starts.insert(i, start)
        self._ends.insert(i, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with a span (an empty span: lies inside one)."""
        if end <= start:
            return self.contains(start)
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._ends[i - 1] > start

    def contains(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset)
        return i > 0 and self._ends[i - 1] > offset
