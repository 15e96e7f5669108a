"""Timing shared by the benchmark scripts (run as ``python benchmarks/NAME.py``)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(fn: Callable[[], object], repeat: int, *, warm_up: bool = True,
                   before: Callable[[], None] | None = None) -> float:
    """Median wall time of ``fn`` over ``repeat`` runs, after one untimed run (imports,
    caches); ``before`` runs untimed ahead of each timed run."""
    if warm_up:
        fn()
    times = []
    for _ in range(repeat):
        if before:
            before()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)
