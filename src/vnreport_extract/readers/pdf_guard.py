"""A budget on what pdfminer builds for one page, enforced while it interprets the page.

pdfminer turns a page's content into Python objects — one per glyph, line and drawn
form XObject — and has no limit of its own: a page of a million glyphs costs 2 GB, and
form XObjects that draw each other ten times over, ten deep, would take it 10^10 draws.
Counting those afterwards is too late, so pdfminer's layout device and interpreter are
wrapped, once, to count them while the page is read, and to stop the page with
:class:`PageTooComplex` past the budget that :func:`page_budget` sets for the current
thread (no budget set: no limit, pdfminer as it was).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


class PageTooComplex(Exception):
    """A page drew more glyphs, shapes or form XObjects than its budget allows; ``limit``
    names the :class:`~vnreport_extract.limits.Limits` field."""

    def __init__(self, limit: str, maximum: int) -> None:
        super().__init__(f"more than {maximum} ({limit})")
        self.limit = limit
        self.maximum = maximum


@dataclass
class _Budget:
    glyphs: int
    graphics: int
    xobjects: int
    used_glyphs: int = 0
    used_graphics: int = 0
    used_xobjects: int = 0


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("vnreport_pdf_page_budget", default=None)


@contextlib.contextmanager
def page_budget(glyphs: int, graphics: int, xobjects: int) -> Iterator[None]:
    """Within the block (one page), pdfminer may draw at most ``glyphs`` characters,
    ``graphics`` paths and ``xobjects`` form XObjects in this thread."""
    _install()
    token = _BUDGET.set(_Budget(glyphs, graphics, xobjects))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _spend(field: str, limit_name: str) -> None:
    budget = _BUDGET.get()
    if budget is not None:
        used = getattr(budget, f"used_{field}") + 1
        setattr(budget, f"used_{field}", used)
        if used > getattr(budget, field):
            raise PageTooComplex(limit_name, getattr(budget, field))


@functools.lru_cache(maxsize=1)
def _install() -> None:
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.pdfinterp import PDFPageInterpreter

    render_char, paint_path, do_xobject = PDFLayoutAnalyzer.render_char, PDFLayoutAnalyzer.paint_path, \
        PDFPageInterpreter.do_Do

    # Same signatures as the originals: pdfminer calls operators with as many operands as
    # the method's code object declares.
    def counted_render_char(self: Any, *args: Any, **kwargs: Any) -> Any:
        # Called for every glyph: the count is spelled out rather than going through _spend.
        budget = _BUDGET.get()
        if budget is not None:
            budget.used_glyphs += 1
            if budget.used_glyphs > budget.glyphs:
                raise PageTooComplex("max_glyphs_per_page", budget.glyphs)
        return render_char(self, *args, **kwargs)

    def counted_paint_path(self: Any, *args: Any, **kwargs: Any) -> Any:
        _spend("graphics", "max_graphics_per_page")
        return paint_path(self, *args, **kwargs)

    def do_Do(self: Any, xobjid_arg: Any) -> None:
        _spend("xobjects", "max_xobjects_per_page")
        do_xobject(self, xobjid_arg)

    setattr(PDFLayoutAnalyzer, "render_char", functools.wraps(render_char)(counted_render_char))  # noqa: B010
    setattr(PDFLayoutAnalyzer, "paint_path", functools.wraps(paint_path)(counted_paint_path))  # noqa: B010
    setattr(PDFPageInterpreter, "do_Do", functools.wraps(do_xobject)(do_Do))  # noqa: B010
