"""One run at a time in an output folder.

Two ``convert`` runs into one folder would each append to its manifest and then rewrite it
from their own inputs, so one run's results would be lost. A run therefore holds an
exclusive ``flock`` on ``DIR/.convert.lock`` from before it touches the folder until it
ends; a second run fails at once with an :class:`~vnreport_extract.errors.OutputLockedError`
naming the folder and the holder's pid (which the holder writes into the file). The kernel
releases the lock when the holder's process ends, killed too: a stale lock cannot block a
later run. The file itself stays (removing it would let a run that opened it just before
lock a file no longer there while a third run locks a new one).

Where ``fcntl`` is missing (Windows) or the filesystem refuses locks, runs are not locked.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from types import ModuleType

from ..errors import OutputError, OutputLockedError

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # not POSIX
    fcntl = None

LOCK_FILE = ".convert.lock"


class OutputLock:
    """The exclusive hold of a run on its output folder ``out`` (created if missing), as a
    context: :class:`~vnreport_extract.errors.OutputLockedError` when another run holds it."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self._fd = -1

    def __enter__(self) -> OutputLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def acquire(self) -> None:
        path = self.out / LOCK_FILE
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError as exc:
            raise OutputError(f"cannot write to {self.out}: {exc.strerror or exc}") from None
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pid = _holder(fd)
                os.close(fd)
                raise OutputLockedError(str(self.out), pid) from None
            except OSError:
                pass  # a filesystem without locks: the run goes on unlocked
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        """End the hold (again: a no-op); the pid is cleared first, so a run that ends names
        itself no more. (A killed run's pid stays, but its lock went with it: the next run takes
        the folder, see :meth:`acquire`.)"""
        fd, self._fd = self._fd, -1
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            os.close(fd)  # releases the flock


def _holder(fd: int) -> int | None:
    """The pid the holding run wrote in the lock file; None before it wrote it."""
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


__all__ = ["LOCK_FILE", "OutputLock"]
