"""The progress bar of a batch run, on stderr: files done, files per second, ETA, failures.

On a terminal it is a tqdm bar, redrawn in place a few times a second; in a log (stderr
not a terminal) a plain line is printed every ``log_every`` seconds instead, so a run of
hours leaves a readable trace rather than carriage returns. ``--quiet`` uses
:class:`NullProgress`.
"""

from __future__ import annotations

import io
import sys
import time
from collections import Counter
from typing import IO, Any


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
        self._bar: Any = None
        if self.tty and total:
            from tqdm import tqdm

            self._bar = tqdm(total=total, file=self.stream, unit="file", dynamic_ncols=True, mininterval=interval,
                             leave=True, desc="convert", postfix="0 failed")

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
        if self._bar is not None:
            if status in ("error", "timeout"):
                self._bar.set_postfix_str(f"{self.failed} failed", refresh=False)
            self._bar.update(1)
            return
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
        if self._bar is not None:
            self._bar.refresh()
            return
        self.stream.write(self.line() + "\n")
        self.stream.flush()

    def message(self, text: str) -> None:
        """A line that must not be overdrawn by the bar (e.g. the first failure under --fail-fast)."""
        if self._bar is not None:
            self._bar.write(text, file=self.stream)
            return
        self.stream.write(text + "\n")
        self.stream.flush()

    def finish(self, summary: str) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        self.stream.write(summary + "\n")
        self.stream.flush()


class NullProgress(Progress):
    """Counts, prints nothing (``--quiet``)."""

    def __init__(self, total: int) -> None:
        super().__init__(total, stream=io.StringIO())  # never a terminal: no bar is made

    def draw(self) -> None:
        pass

    def message(self, text: str) -> None:
        pass

    def finish(self, summary: str) -> None:
        pass
