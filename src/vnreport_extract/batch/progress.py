"""The progress bar of a batch run, on stderr: files done, files per second, ETA, failures.

On a terminal the bar is redrawn in place a few times a second; in a log (stderr not a
terminal) a plain line is printed every ``log_every`` seconds instead, so a run of hours
leaves a readable trace. ``--quiet`` uses :class:`NullProgress`.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from typing import IO


def _duration(value: float) -> str:
    seconds = round(value)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}h{m:02d}m" if h else (f"{m}m{s:02d}s" if m else f"{s}s")


class Progress:
    """Counts outcomes and draws the bar. ``skipped`` outcomes (already converted by an
    earlier run) count as done but not in the speed, so the ETA stays honest on resume."""

    def __init__(self, total: int, *, stream: IO[str] | None = None, width: int = 24,
                 interval: float = 0.2, log_every: float = 10.0) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval if self.tty else log_every
        self.counts: Counter[str] = Counter()
        self.started = time.monotonic()
        self._last = 0.0
        self._worked = 0

    @property
    def done(self) -> int:
        return sum(self.counts.values())

    @property
    def failed(self) -> int:
        return self.counts["error"] + self.counts["timeout"]

    def update(self, status: str, *, worked: bool = True) -> None:
        self.counts[status] += 1
        if worked:
            self._worked += 1
        now = time.monotonic()
        if now - self._last >= self.interval or self.done == self.total:
            self._last = now
            self.draw()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self._worked / elapsed
        remaining = max(self.total - self.done, 0)
        eta = _duration(remaining / rate) if rate > 0 else "?"
        filled = int(self.width * self.done / self.total) if self.total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        return (f"[{bar}] {self.done}/{self.total} files  {rate:.1f} files/s  ETA {eta}  "
                f"{self.failed} failed")

    def draw(self) -> None:
        if self.tty:
            self.stream.write("\r" + self.line() + "\x1b[K")
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def message(self, text: str) -> None:
        """A line that must not be overdrawn by the bar (e.g. the first failure under --fail-fast)."""
        if self.tty:
            self.stream.write("\r\x1b[K")
        self.stream.write(text + "\n")
        self.stream.flush()

    def finish(self, summary: str) -> None:
        if self.tty:
            self.stream.write("\r" + self.line() + "\x1b[K\n")
        self.stream.write(summary + "\n")
        self.stream.flush()


class NullProgress(Progress):
    """Counts, prints nothing (``--quiet``)."""

    def __init__(self, total: int) -> None:
        super().__init__(total, stream=sys.stderr)

    def draw(self) -> None:
        pass

    def message(self, text: str) -> None:
        pass

    def finish(self, summary: str) -> None:
        pass
