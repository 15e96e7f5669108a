"""A budget on what pdfminer builds for one page, enforced while it interprets the page.

pdfminer turns a page's content into Python objects — one per glyph, line and drawn
form XObject — and has no limit of its own: a page of a million glyphs costs 2 GB, and
form XObjects that draw each other ten times over, ten deep, would take it 10^10 draws.
Nor has it a limit on what a content stream inflates to (a megabyte of compressed spaces
makes a gigabyte) or on the time a page's operators take (``q Q`` a million times draws
nothing and takes a minute). Counting those afterwards is too late, so pdfminer's layout
device, interpreter, content parser and stream decoder are wrapped, once, to count them
while the page is read (and the glyphs drawn invisible, :func:`hidden_share`), and to stop
the page with :class:`PageTooComplex` past the budget
that :func:`page_budget` sets for the current thread (no budget set: no limit, pdfminer as
it was).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


def _is_image(stream: Any) -> bool:
    """An image XObject: its pixels are not content to parse (a scan's page may be 100 MB)."""
    subtype = stream.attrs.get("Subtype")
    return getattr(subtype, "name", None) == "Image"


def _inflate_first(stream: Any, raw: bytes, budget: _Budget, limit: int) -> None:
    """A Flate content stream inflated up to ``limit`` before pdfminer inflates it whole: a bomb
    (1 MB of compressed spaces that make 1 GB) stops there, with :class:`PageTooComplex`; and
    one cut short (pdfminer reads what it can of it, maybe nothing, and says nothing) is
    counted in ``budget.damaged``. Decrypted first, and through the filters that only shrink
    the data (ASCIIHex, ASCII85), as pdfminer would; a page's content inflates in well under a
    millisecond, its parsing costs far more."""
    from pdfminer.ascii85 import ascii85decode, asciihexdecode
    from pdfminer.pdftypes import LITERALS_ASCII85_DECODE, LITERALS_ASCIIHEX_DECODE, LITERALS_FLATE_DECODE

    filters = stream.get_filters()
    if not any(f in LITERALS_FLATE_DECODE for f, _ in filters):
        return
    data = raw
    try:
        if stream.decipher:
            data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
        for f, _ in filters:
            if f in LITERALS_ASCIIHEX_DECODE:
                data = asciihexdecode(data)
            elif f in LITERALS_ASCII85_DECODE:
                data = ascii85decode(data)
            else:
                break
    except Exception:  # pdfminer meets the same data and deals with it its own way
        return
    if f not in LITERALS_FLATE_DECODE:
        return  # another filter before the Flate one: its output is checked after pdfminer's decoding
    inflater = zlib.decompressobj()
    try:
        if len(inflater.decompress(data, limit + 1)) > limit:
            raise PageTooComplex("max_stream_bytes", limit)
        broken = not inflater.eof and not inflater.unconsumed_tail
    except zlib.error as exc:
        # A wrong checksum at the very end: the data is all there.
        broken = "incorrect data check" not in str(exc)
    if broken:
        budget.damaged += 1


class PageTooComplex(Exception):
    """A page drew more glyphs, shapes or form XObjects than its budget allows; ``limit``
    names the :class:`~vnreport_extract.limits.Limits` field."""

    def __init__(self, limit: str, maximum: float) -> None:
        super().__init__(f"more than {maximum:g} ({limit})" if isinstance(maximum, float)
                         else f"more than {maximum} ({limit})")
        self.limit = limit
        self.maximum = maximum


@dataclass
class _Budget:
    glyphs: int
    graphics: int
    xobjects: int
    stream_bytes: int | None = None
    deadline: float | None = None  # time.monotonic() past which the reading stops
    seconds: float = 0.0  # the limit the deadline stands for
    used_glyphs: int = 0
    used_graphics: int = 0
    used_xobjects: int = 0
    objects: int = 0  # content operands and operators parsed, the clock read every _CLOCK_EVERY
    damaged: int = 0  # compressed content streams cut short or broken (read as far as they go)
    hidden: int = 0  # of the glyphs, those drawn invisible (text render mode 3 or 7: a scan's OCR layer)
    hiding: bool = False  # the string being drawn is invisible

    def restart(self) -> None:
        """The page is read again from its start: its glyphs, shapes and forms counted anew (its
        time runs on)."""
        self.used_glyphs = self.used_graphics = self.used_xobjects = 0
        self.damaged = self.hidden = 0


def hidden_share() -> float | None:
    """Of the glyphs drawn so far on the page being read (in :func:`page_budget`), the share
    drawn invisible (text render mode 3, or 7: clipping only), as a scan's OCR layer is; None
    outside a budget or before any glyph."""
    budget = _BUDGET.get()
    if budget is None or not budget.used_glyphs:
        return None
    return budget.hidden / budget.used_glyphs


# The content parser reads the clock once per this many objects: a page of operators that draw
# nothing (``q Q`` a million times) counts no glyph nor shape, only time.
_CLOCK_EVERY = 4096


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("vnreport_pdf_page_budget", default=None)


@contextlib.contextmanager
def page_budget(glyphs: int, graphics: int, xobjects: int, *, stream_bytes: int | None = None,
                deadline: float | None = None, seconds: float = 0.0) -> Iterator[_Budget]:
    """Within the block (one page), pdfminer may draw at most ``glyphs`` characters,
    ``graphics`` paths and ``xobjects`` form XObjects in this thread, inflate a content stream
    (or a form's) to at most ``stream_bytes``, and parse content until ``deadline`` (a
    ``time.monotonic()``; ``seconds``: the limit it stands for, ``max_read_seconds``). Yields
    the budget, whose ``damaged`` counts the compressed content streams that were cut short."""
    _install()
    budget = _Budget(glyphs, graphics, xobjects, stream_bytes, deadline, seconds)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


def _spend(field: str, limit_name: str) -> None:
    budget = _BUDGET.get()
    if budget is not None:
        used = getattr(budget, f"used_{field}") + 1
        setattr(budget, f"used_{field}", used)
        if used > getattr(budget, field):
            raise PageTooComplex(limit_name, getattr(budget, field))


_INSTALLING = threading.Lock()
_installed = False


def _install() -> None:
    """Wrap pdfminer's functions, once in the process: two threads reading their first PDF at
    once must not wrap them twice (each glyph would then be counted twice)."""
    global _installed
    if _installed:
        return
    with _INSTALLING:
        if not _installed:
            _wrap()
            _installed = True


def _wrap() -> None:
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.pdfdevice import PDFTextDevice
    from pdfminer.pdfinterp import PDFContentParser, PDFPageInterpreter
    from pdfminer.pdftypes import PDFStream

    nextobject, decode, fillbuf = PDFContentParser.nextobject, PDFStream.decode, PDFContentParser.fillbuf
    render_string = PDFTextDevice.render_string

    render_char, paint_path, do_xobject = PDFLayoutAnalyzer.render_char, PDFLayoutAnalyzer.paint_path, \
        PDFPageInterpreter.do_Do

    # Same signatures as the originals: pdfminer calls operators with as many operands as
    # the method's code object declares.
    def counted_render_char(self: Any, *args: Any, **kwargs: Any) -> Any:
        # Called for every glyph: the count is spelled out rather than going through _spend.
        budget = _BUDGET.get()
        if budget is not None:
            budget.used_glyphs += 1
            budget.hidden += budget.hiding
            if budget.used_glyphs > budget.glyphs:
                raise PageTooComplex("max_glyphs_per_page", budget.glyphs)
        return render_char(self, *args, **kwargs)

    def marked_render_string(self: Any, textstate: Any, *args: Any, **kwargs: Any) -> Any:
        budget = _BUDGET.get()
        if budget is None:
            return render_string(self, textstate, *args, **kwargs)
        budget.hiding = getattr(textstate, "render", 0) in (3, 7)
        try:
            return render_string(self, textstate, *args, **kwargs)
        finally:
            budget.hiding = False

    def counted_paint_path(self: Any, *args: Any, **kwargs: Any) -> Any:
        _spend("graphics", "max_graphics_per_page")
        return paint_path(self, *args, **kwargs)

    def do_Do(self: Any, xobjid_arg: Any) -> None:
        _spend("xobjects", "max_xobjects_per_page")
        do_xobject(self, xobjid_arg)

    def timed_nextobject(self: Any) -> Any:
        budget = _BUDGET.get()
        if budget is not None and budget.deadline is not None:
            budget.objects += 1
            if budget.objects % _CLOCK_EVERY == 0 and time.monotonic() > budget.deadline:
                raise PageTooComplex("max_read_seconds", budget.seconds)
        return nextobject(self)

    def timed_fillbuf(self: Any) -> bool:
        # A run of whitespace (or of comments) makes no object: the parser reads it on, 4 KB at
        # a time, inside one nextobject call; the clock is read as each 4 KB is taken.
        budget = _BUDGET.get()
        if budget is not None and budget.deadline is not None and self.charpos >= len(self.buf) \
                and time.monotonic() > budget.deadline:
            raise PageTooComplex("max_read_seconds", budget.seconds)
        result: bool = fillbuf(self)
        return result

    def bounded_decode(self: Any) -> None:
        budget = _BUDGET.get()
        limit = budget.stream_bytes if budget is not None else None
        if budget is None or limit is None or _is_image(self):
            decode(self)
            return
        raw = self.rawdata
        if raw is not None:
            _inflate_first(self, raw, budget, limit)
        decode(self)
        if self.data is not None and len(self.data) > limit:  # another filter's output
            # Back as it was read: a form drawn again on another page is refused there too.
            self.data, self.rawdata = None, raw
            raise PageTooComplex("max_stream_bytes", limit)

    setattr(PDFContentParser, "nextobject", functools.wraps(nextobject)(timed_nextobject))  # noqa: B010
    setattr(PDFContentParser, "fillbuf", functools.wraps(fillbuf)(timed_fillbuf))  # noqa: B010
    setattr(PDFStream, "decode", functools.wraps(decode)(bounded_decode))  # noqa: B010
    setattr(PDFLayoutAnalyzer, "render_char", functools.wraps(render_char)(counted_render_char))  # noqa: B010
    setattr(PDFLayoutAnalyzer, "paint_path", functools.wraps(paint_path)(counted_paint_path))  # noqa: B010
    setattr(PDFPageInterpreter, "do_Do", functools.wraps(do_xobject)(do_Do))  # noqa: B010
    setattr(PDFTextDevice, "render_string", functools.wraps(render_string)(marked_render_string))  # noqa: B010
