"""Progress of the long part of a reading, the OCR of a scan's pages, for ``parse_file``'s
``progress`` callback (the command line's ``parse`` draws it on a terminal).

The callback is kept in a context variable while ``parse_file`` runs, so that the readers
say how far they are without a parameter through every layer between:

>>> seen = []
>>> with reporting(lambda done, total: seen.append((done, total))):
...     pages_done(1, 3)
>>> pages_done(2, 3)  # outside: no one listens
>>> seen
[(1, 3)]
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar

# Called with (pages read, pages to read) as the OCR of a document's pages goes on.
PageProgress = Callable[[int, int], None]

_listener: ContextVar[PageProgress | None] = ContextVar("vnreport_extract_progress", default=None)


@contextlib.contextmanager
def reporting(callback: PageProgress | None) -> Iterator[None]:
    """Send the page progress of the readings made inside to ``callback`` (None: to no one)."""
    token = _listener.set(callback)
    try:
        yield
    finally:
        _listener.reset(token)


class CallbackFailed(Exception):
    """The caller's progress callback raised ``error``: carried through the readers (which take
    any other exception for a broken file) and raised to the caller as it is."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


def pages_done(done: int, total: int) -> None:
    """Say that ``done`` of ``total`` pages are read (to the callback of :func:`reporting`)."""
    callback = _listener.get()
    if callback is not None:
        try:
            callback(done, total)
        except Exception as exc:
            raise CallbackFailed(exc) from exc
