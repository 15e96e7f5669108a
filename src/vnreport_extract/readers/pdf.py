"""PDF reader (pdfplumber): pages with a text layer read from their glyphs, pages without
one handed to OCR.

What the pipeline gets from a PDF, page by page (1-based ``page`` on every block):

- the header block (issuer | Quốc hiệu, ``Số:`` | place and date) and the ``Nơi nhận`` |
  signature block as ``layout`` blocks, each column's lines in reading order;
- paragraphs: wrapped lines joined (also across a page break), a hyphen at a line end
  kept without a space, detached diacritics merged, fake-bold doubles dropped, NFC;
  superscript footnote references (``tỉnh¹``) taken out of the running text;
- running headers, footers and page numbers (số trang) removed and recorded as
  ``page-furniture`` warnings;
- footnotes (chú thích) as ``footnote`` blocks, a footnote continued on the next page
  joined;
- ruled tables (pdfplumber's table finder, invisible white borders ignored) as ``table``
  blocks of cell texts, merged cells repeated; a table continued on the next page (same
  columns, header row repeated or not) joined to its first part; their text is not
  repeated as paragraphs;
- numbers and dates that a signing tool stamps into form fields (``Số: 181``, ``ngày
  05``), which live in annotation appearances, not in the page's own text: as glyphs, or,
  where the appearance is a picture of the digits, read by Tesseract (:mod:`.pdf_stamps`);
- text in legacy Vietnamese fonts (TCVN3 ``.VnTime``, VNI ``VNI-Times``) converted to
  Unicode (:mod:`vnreport_extract.legacy`);
- pages with no text layer (scans) OCRed by :mod:`.ocr`, those pages only;
- a page turned by ``/Rotate`` whose text was not drawn turned to match (a tool that turned
  the page after it was made) read under the turn that stands its text upright, as it was
  before it was turned; a ``/Rotate`` that is no multiple of 90 read as none
  (``page-rotate-invalid``); a MediaBox given by its other two corners read as the same
  rectangle, and text lying outside the box said (``page-text-outside-box``).

Bad input is a named error: a corrupt file, one truncated into its pages, and a PDF with
no pages are :class:`CorruptFileError`; a password-protected one is :class:`InputError`
("encrypted PDF"). A file cut only in what follows its pages (often the signature data a
signing tool appends) is read, with a ``truncated-pdf`` warning. The
:class:`~vnreport_extract.limits.Limits` on pages, reading time, and glyphs, shapes and
form XObjects per page (counted while pdfminer reads the page, :mod:`.pdf_guard`) keep a
pathological file from running on without end or filling the memory.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import logging
import math
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..document import Block, SourceDocument
from ..errors import (
    OCR_TIME_LIMIT,
    CorruptFileError,
    InputError,
    MissingComponentError,
    OcrError,
    PasswordProtectedError,
    UnsupportedFormatError,
    VnReportError,
    first_line,
    ocr_error_type,
)
from ..limits import LimitExceededError, Limits, ocr_time_limit
from ..models import PartError, Source
from ..options import ParseOptions
from .pdf_guard import PageTooComplex, hidden_share, page_budget
from .pdf_layout import (
    Glyph,
    Line,
    Margins,
    Para,
    Rule,
    Zone,
    body_size,
    build_lines,
    continue_signature,
    continues_on_next_page,
    footnote_paragraphs,
    header_zone,
    is_centered,
    join_lines,
    line_pitch,
    margins,
    page_furniture,
    signature_zone,
    split_footnotes,
    starts_paragraph,
)
from .pdf_stamps import PictureField, PictureReader, worth_reading
from .table_parts import TableData, continue_table, same_columns

if TYPE_CHECKING:
    from ..legacy import Encoding

# A page with fewer text characters than this over a picture has no usable text layer:
# OCR it; so is a page mostly covered by a picture with little text on it (a scan with
# a typed stamp). See _needs_ocr.
MIN_TEXT_CHARS = 25
SCAN_IMAGE_COVER = 0.6
SCAN_MAX_CHARS = 200

# A text layer over a picture of the whole page (SCAN_IMAGE_COVER) is a scan's OCR layer, not the
# page's text, when it is drawn invisible (this share of its glyphs at least), or when it is no
# Vietnamese: of LAYER_WORDS words or more, fewer than this share bear a Vietnamese diacritic
# (every page of the corpus's text PDFs has 0.79 or more; English and Vietnamese typed without
# its diacritics none). See _doubtful_layer.
HIDDEN_LAYER = 0.5
LAYER_WORDS = 20
LAYER_DIACRITICS = 0.3
_VIET_MARKED = frozenset(unicodedata.normalize("NFC", c) for c in
                         "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")
_VIET_LETTERS = _VIET_MARKED | frozenset("abcdefghijklmnopqrstuvwxyz")

# The fewest words a page is judged unreadable on when another page of its document is.
_SHORT_PAGE_WORDS = 3

_SIGNATURE_STAMP = ("ký bởi", "signed by", "email:", "cơ quan:", "thời gian ký", "ngày ký", "ký ngày")


@dataclass
class PageScan:
    """What the first pass keeps of a page (its glyphs are dropped once lines are built)."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    tables: list[TableData] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    needs_ocr: bool = False
    # Its text layer is mojibake (see _unreadable_layer): read by OCR like a page without one.
    unreadable: bool = False
    # Its content inflates past max_stream_bytes: not read, and not rendered for OCR either
    # (the renderer would inflate it all).
    refused: bool = False
    # Its text layer lies over a picture of the whole page and is not its text (see
    # _doubtful_layer): what it is (``invisible``, ``not Vietnamese ...``); ``doubted``: that
    # alone sends the page to OCR (with OCR off its layer is read, with a warning).
    layer: str | None = None
    doubted: bool = False
    # A few words of text layer over a picture of the whole page (a scan with a typed stamp, a
    # scan's short OCR layer): OCRed, and read from its layer only when OCR cannot be.
    short_layer: bool = False
    # Its text is drawn invisible, and read: where (``over a picture of the whole page ...``).
    invisible: str | None = None
    sizes: Counter[float] = field(default_factory=Counter)


# ---------------------------------------------------------------------------------------------
# Legacy fonts


@functools.lru_cache(maxsize=512)
def _legacy_encoding(font: str) -> str | None:
    try:
        from ..legacy import encoding_of_font
    except ImportError:  # the converter is not installed in this build
        return None
    return encoding_of_font(font)


class _LegacyConverter:
    """Converts runs of glyphs in a TCVN3/VNI font (:mod:`vnreport_extract.legacy`).

    A font name alone can lie (Unicode text is often set in a font still called
    ``.VnTime``), so the first time a legacy-named font shows enough text, that text
    decides once for the whole document whether the font really holds legacy codes;
    a font seen only in a few characters is judged run by run (``fix_text``).
    """

    _SAMPLE = 40

    def __init__(self) -> None:
        self.decided: dict[str, str | None] = {}
        # Fonts whose names say nothing but whose text, on the page being read, reads as TCVN3
        # or VNI (see adopt), and every font so converted in the document (for its warning).
        self.adopted: dict[str, Encoding] = {}
        self.converted: dict[str, Encoding] = {}

    def decide(self, glyphs: Sequence[Glyph]) -> None:
        samples: dict[str, list[str]] = {}
        for g in glyphs:
            if g.font not in self.decided and _legacy_encoding(g.font) is not None:
                samples.setdefault(g.font, []).append(g.text)
        if not samples:
            return
        from ..legacy import detect

        for font, texts in samples.items():
            sample = "".join(texts)
            expected = _legacy_encoding(font)
            if len(sample) < self._SAMPLE:
                continue  # not enough to decide: run by run until then
            found = detect(sample)
            # detect() names the family ("tcvn3"); the font says whether it is the capital one.
            same = found is not None and expected is not None and expected.startswith(found)
            self.decided[font] = expected if same else None

    def adopt(self, glyphs: Sequence[Glyph]) -> bool:
        """For the page of ``glyphs``, which does not read as Vietnamese (see
        ``_unreadable_layer``): the fonts not decided and whose names say nothing of an
        encoding whose text there (enough of it) reads as TCVN3 or VNI are converted, on this
        page only (another page may set Unicode text in the same font), until :meth:`release`.
        Whether any was."""
        samples: dict[str, list[str]] = {}
        for g in glyphs:
            if g.font not in self.decided and _legacy_encoding(g.font) is None:
                samples.setdefault(g.font, []).append(g.text)
        from ..legacy import detect

        for font, texts in samples.items():
            sample = "".join(texts)
            if font in self.converted:  # converted on a page before: a few words (a signature page) will do
                self.adopted[font] = self.converted[font]
            elif len(sample) >= self._SAMPLE and (found := detect(sample)) is not None:
                self.adopted[font] = found
        return bool(self.adopted)

    def release(self, kept: bool) -> None:
        """The page's adopted fonts done with; ``kept``: their conversion made the page read
        (it is recorded for the document's ``legacy-encoding`` warning)."""
        if kept:
            self.converted.update(self.adopted)
        self.adopted = {}

    def __call__(self, text: str, font: str) -> str:
        if font in self.adopted:
            from ..legacy import to_unicode

            return to_unicode(text, self.adopted[font])
        if font in self.decided:
            encoding = self.decided[font]
            if encoding is None:
                return text
            from ..legacy import to_unicode

            return to_unicode(text, encoding)
        if _legacy_encoding(font) is None:
            return text
        from ..legacy import fix_text

        return fix_text(text, font)

    def used(self) -> dict[str, str]:
        return {**{f: e for f, e in self.decided.items() if e is not None}, **self.converted}


# ---------------------------------------------------------------------------------------------
# Page boxes and turns

# The linear part of the matrix pdfminer maps a page's space with for each /Rotate
# (``PDFPageInterpreter.process_page``).
_TURNS: dict[int, tuple[float, float, float, float]] = {
    0: (1.0, 0.0, 0.0, 1.0), 90: (0.0, -1.0, 1.0, 0.0), 180: (-1.0, 0.0, 0.0, -1.0), 270: (0.0, 1.0, -1.0, 0.0)}

# A page turned by its /Rotate is read turned otherwise when that stands this many times more of
# its characters upright (and this many at least).
_UPRIGHT_GAIN = 2
_UPRIGHT_MIN = 10
_UPRIGHT_SAMPLE = 5000


def page_rotation(value: Any) -> int | None:
    """A page's ``/Rotate`` as the turn it stands for, 0, 90, 180 or 270; None when it is no
    multiple of 90 (the PDF standard allows no other), or no number.

    >>> [page_rotation(v) for v in (90, -90, 3600000, 450.0, 45, 1e400, "90", True)]
    [90, 270, 0, 90, None, None, None, None]
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            return None
        value = int(value)
    if not isinstance(value, int) or value % 90:
        return None
    return value % 360


def _page_ctm(page_obj: Any) -> tuple[float, float, float, float, float, float]:
    """The matrix pdfminer maps ``page_obj``'s space to the page it reads with: its /Rotate
    and its MediaBox's origin (``PDFPageInterpreter.process_page``)."""
    x0, y0, x1, y1 = (float(v) for v in page_obj.mediabox)
    turn = page_obj.rotate
    if turn == 90:
        return (0.0, -1.0, 1.0, 0.0, -y0, x1)
    if turn == 180:
        return (-1.0, 0.0, 0.0, -1.0, x1, y1)
    if turn == 270:
        return (0.0, 1.0, -1.0, 0.0, y1, -x0)
    return (1.0, 0.0, 0.0, 1.0, -x0, -y0)


def _pages(pdf: Any) -> tuple[list[Any], dict[int, Any]]:
    """The pages of ``pdf`` (pdfplumber's), each page's box and turn made sound first: a
    MediaBox given by two other opposite corners (``[595 842 0 0]``, which the standard
    allows) is read as its lower left and upper right, as pdfplumber and the renderer read it
    (pdfminer would shift the whole page off it), and a /Rotate that is no multiple of 90 is
    0. Also, by page number, the /Rotate values so dropped."""
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import resolve1
    from pdfplumber.page import Page

    pages: list[Any] = []
    invalid: dict[int, Any] = {}
    doctop = 0.0
    for number, obj in enumerate(PDFPage.create_pages(pdf.doc), start=1):
        value = resolve1(obj.attrs.get("Rotate", 0))
        turn = page_rotation(value)
        if turn is None:
            invalid[number] = value
            turn = 0
        obj.attrs["Rotate"] = obj.rotate = turn
        x0, y0, x1, y1 = obj.mediabox
        obj.mediabox = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        page = Page(pdf, obj, page_number=number, initial_doctop=doctop)
        pages.append(page)
        doctop += page.height
    pdf._pages = pages  # what pdf.pages gives from now on
    return pages, invalid


def _upright_turn(page: Any) -> int:
    """The turn to read ``page`` under: its own (/Rotate), unless the page is turned and its
    text stands upright under another turn (a page given ``/Rotate 90`` or ``180`` without its
    text being drawn turned to match: read so, its lines come out sideways, dropped, or upside
    down, their letters reversed). Under the turn chosen a viewer shows the page's text
    upright; the page's own stays when as many characters stand upright under it."""
    from pdfminer.layout import LTChar, LTContainer

    turn: int = page.page_obj.rotate
    if turn not in _TURNS or turn == 0:
        return turn
    counts: Counter[int] = Counter()
    seen = 0
    stack: list[Any] = [page.layout]
    while stack and seen < _UPRIGHT_SAMPLE:
        item = stack.pop()
        if isinstance(item, LTChar):
            if item.get_text().isspace():
                continue
            seen += 1
            a, b, c, d = (float(v) for v in item.matrix[:4])
            for delta, (p, q, r, s) in _TURNS.items():
                # The glyph's matrix under a page turned ``delta`` more: [a b; c d] x [p q; r s].
                a2, b2, d2 = a * p + b * r, a * q + b * s, c * q + d * s
                if a2 > 0 and d2 > 0 and abs(b2) < a2:
                    counts[delta] += 1
        elif isinstance(item, LTContainer):
            stack.extend(item)
    delta, n = max(counts.items(), key=lambda kv: (kv[1], kv[0] == 0), default=(0, 0))
    if delta == 0 or n < _UPRIGHT_MIN or n < _UPRIGHT_GAIN * counts[0]:
        return turn
    return (turn + delta) % 360


def _turned(page: Any, turn: int) -> Any:
    """``page`` read anew under ``turn`` (pdfplumber's page of the same page object); the old
    one is closed."""
    from pdfplumber.page import Page

    page.close()
    page.page_obj.rotate = page.page_obj.attrs["Rotate"] = turn
    return Page(page.pdf, page.page_obj, page_number=page.page_number, initial_doctop=page.initial_doctop)


# ---------------------------------------------------------------------------------------------
# First pass: glyphs, tables and rules of each page


def _is_white(color: Any) -> bool:
    if isinstance(color, tuple):
        try:
            return _is_white_tuple(color)  # a page draws in a handful of colours: asked once each
        except TypeError:  # an unhashable component
            pass
    return _white(color)


@functools.lru_cache(maxsize=256)
def _is_white_tuple(color: tuple[Any, ...]) -> bool:
    return _white(color)


def _white(color: Any) -> bool:
    if isinstance(color, int | float):
        color = (color,)
    if not isinstance(color, tuple | list) or not color:
        return False
    try:
        values = [float(v) for v in color]
    except (TypeError, ValueError):
        return False
    if len(values) == 1:
        return values[0] >= 0.95
    if len(values) == 3:
        return min(values) >= 0.95
    if len(values) == 4:
        return max(values) <= 0.05
    return False


def _visible_edge(obj: dict[str, Any]) -> bool:
    """Whether a line or rectangle is drawn so one can see it: a stroke that is not white,
    or a thin filled bar (Word draws table borders so). White frames and shading that
    Word leaves around text are not table borders."""
    kind = obj.get("object_type")
    if kind in ("line", "curve"):
        return bool(obj.get("stroke", True)) and not _is_white(obj.get("stroking_color"))
    if kind == "rect":
        if obj.get("stroke") and not _is_white(obj.get("stroking_color")):
            return True
        thin = min(obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]) <= 2.5
        return bool(obj.get("fill")) and thin and not _is_white(obj.get("non_stroking_color"))
    return True


def _layout_chars(page: Any) -> list[Any]:
    """The characters of a page as pdfminer laid them out (``LTChar``), and pdfplumber's
    objects of everything else on it (its lines, rectangles, curves and images, which the
    tables and the scan test read) set on the page. pdfplumber would turn each character into
    a dictionary of some twenty attributes, half of a text page's reading, of which the
    glyphs take six: they are read from the layout directly (:func:`_page_glyphs`), with
    pdfplumber's coordinates. ``page.chars`` stays empty."""
    from pdfminer.layout import LTChar, LTContainer

    chars: list[Any] = []
    objects: dict[str, list[dict[str, Any]]] = {}
    process = page.process_object
    containers = page.pdf.laparams is not None  # as pdfplumber's iter_layout_objects

    def add(obj: Any) -> None:
        attrs = process(obj)
        if attrs["object_type"] != "anno":
            objects.setdefault(attrs["object_type"], []).append(attrs)

    def walk(items: Any) -> None:
        for obj in items:
            if isinstance(obj, LTChar):
                chars.append(obj)
            elif isinstance(obj, LTContainer):
                if containers:
                    add(obj)
                walk(obj._objs)
            else:
                add(obj)

    walk(page.layout._objs)
    page._objects = objects
    return chars


def _page_glyphs(page: Any, outside: list[int] | None = None) -> list[Glyph]:
    """The page's glyphs, upright ones only, inside its box; ``outside`` (when given) gets the
    count of those left out for lying off the page."""
    from pdfplumber.page import fix_fontname_bytes

    width, height = float(page.width), float(page.height)
    # pdfplumber's coordinates: from the top of the page, shifted by the MediaBox's origin.
    mb_x0, mb_top = (float(v) for v in page.mediabox[:2])
    norm = page.pdf.unicode_norm
    out: list[Glyph] = []
    off_page = 0
    for c in _layout_chars(page):
        text = c.get_text()
        if norm is not None:
            text = unicodedata.normalize(norm, text)
        if not c.upright or c.size < 2 or not text:
            continue  # rotated text is a watermark or a margin note; tiny text is invisible
        x0, x1 = c.x0 + mb_x0, c.x1 + mb_x0
        top, bottom = height - c.y1 + mb_top, height - c.y0 + mb_top
        if x1 < 0 or x0 > width or bottom < 0 or top > height:
            off_page += not text.isspace()
            continue
        colour = c.graphicstate.ncolor
        if _is_white(colour if isinstance(colour, tuple) else (colour,)) and not text.isspace():
            continue  # white text on white paper
        fontname = c.fontname if not isinstance(c.fontname, bytes) else fix_fontname_bytes(c.fontname)
        out.append(Glyph.make(text, x0, x1, top, bottom, c.size, fontname))
    if outside is not None:
        outside.append(off_page)
    return out


def _annotation_glyphs(page: Any, pictures: list[PictureField] | None = None) -> list[Glyph]:
    """Glyphs of form-field appearances: a signing tool writes the document number and
    day into such fields over the blank ``Số:      /BC-UBND``. A signature's own stamp
    (``Ký bởi: ...``) is not the document's text and is left out. A field drawn as a picture
    only, small enough to be a number or a day (:func:`~.pdf_stamps.worth_reading`), goes to
    ``pictures`` (when given) to be read by OCR."""
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.layout import LTChar, LTComponent, LTContainer, LTImage
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.utils import apply_matrix_pt, mult_matrix

    annots = resolve1(page.page_obj.annots) if page.page_obj.annots else None
    if not isinstance(annots, list):
        return []
    height = float(page.height)
    width = float(page.width)
    rsrc: PDFResourceManager | None = None
    out: list[Glyph] = []
    for ref in annots[:200]:
        annot = resolve1(ref)
        if not isinstance(annot, dict) or resolve1(annot.get("Subtype")) is None:
            continue
        flags = resolve1(annot.get("F")) or 0
        if isinstance(flags, int) and flags & (2 | 32):  # Hidden, NoView
            continue
        ap = resolve1(annot.get("AP"))
        normal = resolve1(ap.get("N")) if isinstance(ap, dict) else None
        if not isinstance(normal, PDFStream):
            continue
        try:
            rect = [float(resolve1(v)) for v in resolve1(annot.get("Rect"))]
            bbox = [float(resolve1(v)) for v in resolve1(normal.get("BBox", [0, 0, 1, 1]))]
            matrix = [float(resolve1(v)) for v in resolve1(normal.get("Matrix", [1, 0, 0, 1, 0, 0]))]
        except (TypeError, ValueError):
            continue
        if len(rect) != 4 or len(bbox) != 4 or len(matrix) != 6:
            continue
        corners = [apply_matrix_pt(tuple(matrix), (bbox[0], bbox[1])),  # type: ignore[arg-type]
                   apply_matrix_pt(tuple(matrix), (bbox[2], bbox[3]))]  # type: ignore[arg-type]
        bx0, bx1 = sorted(p[0] for p in corners)
        by0, by1 = sorted(p[1] for p in corners)
        sx = (rect[2] - rect[0]) / (bx1 - bx0) if bx1 > bx0 else 1.0
        sy = (rect[3] - rect[1]) / (by1 - by0) if by1 > by0 else 1.0
        # The appearance's box is mapped onto the annotation's rectangle (PDF 32000, 12.5.5).
        fit = (sx, 0.0, 0.0, sy, rect[0] - bx0 * sx, rect[1] - by0 * sy)
        mb = page.page_obj.mediabox
        ctm = mult_matrix(tuple(matrix), fit)  # type: ignore[arg-type]
        ctm = mult_matrix(ctm, _page_ctm(page.page_obj))
        rsrc = rsrc or PDFResourceManager()
        device = PDFLayoutAnalyzer(rsrc, pageno=page.page_number, laparams=None)
        device.begin_page(page.page_obj, (1, 0, 0, 1, 0, 0))
        resources = resolve1(normal.get("Resources")) or {}
        PDFPageInterpreter(rsrc, device).render_contents(resources, [normal], ctm=ctm)
        found: list[Glyph] = []
        picture = False
        stack: list[LTComponent] = [device.cur_item]
        while stack:
            item = stack.pop()
            if isinstance(item, LTImage):
                picture = True
            elif isinstance(item, LTChar):
                top = height - item.y1
                if item.x1 < 0 or item.x0 > width or top > height or height - item.y0 < 0:
                    continue
                found.append(Glyph.make(item.get_text(), item.x0, item.x1, top, height - item.y0,
                                        item.size, item.fontname, field=True))
            elif isinstance(item, LTContainer):
                stack.extend(item)
        if not found and picture and pictures is not None:
            rx0, rx1 = sorted((rect[0], rect[2]))
            ry0, ry1 = sorted((rect[1], rect[3]))
            x0, top, x1, bottom = rx0 - float(mb[0]), height - (ry1 - float(mb[1])), \
                rx1 - float(mb[0]), height - (ry0 - float(mb[1]))
            if worth_reading(x0, top, x1, bottom, height):
                pictures.append(PictureField(page.page_number, x0, top, x1, bottom, (rx0, ry0, rx1, ry1)))
            continue
        text = "".join(g.text for g in sorted(found, key=lambda g: (g.top, g.x0))).lower()
        if any(stamp in text for stamp in _SIGNATURE_STAMP):
            continue
        out.extend(found)
    return out


def _rules(page: Any, edges: list[dict[str, Any]]) -> list[Rule]:
    out = []
    for e in edges:
        if e.get("orientation") == "h" and e["x1"] - e["x0"] >= 30:
            out.append(Rule(float(e["x0"]), float(e["x1"]), float(e["top"])))
    return out


def _table_cells(table: Any) -> tuple[list[float], list[float], list[list[tuple[float, float, float, float]]]]:
    """The grid of a pdfplumber table: column x's, row tops, and per slot the cell covering
    it (a merged cell covers several slots)."""
    cells: list[tuple[float, float, float, float]] = [tuple(map(float, c)) for c in table.cells]  # type: ignore[misc]
    xs = sorted({c[0] for c in cells})
    ys = sorted({c[1] for c in cells})
    grid: list[list[tuple[float, float, float, float]]] = []
    for y in ys:
        row = []
        for x in xs:
            px, py = x + 0.5, y + 0.5
            cover = next((c for c in cells if c[0] <= px < c[2] and c[1] <= py < c[3]), None)
            row.append(cover if cover is not None else (x, y, x, y))
        grid.append(row)
    return xs, ys, grid


def _table_data(table: Any, glyphs: Sequence[Glyph], convert: Callable[[str, str], str]) -> TableData | None:
    xs, ys, grid = _table_cells(table)
    if len(xs) < 2 or not ys:
        return None  # a box around text, not a table
    by_cell: dict[tuple[float, float, float, float], list[Glyph]] = {}
    for g in glyphs:
        cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        c = bisect.bisect_right(xs, cx) - 1
        r = bisect.bisect_right(ys, cy) - 1
        if c < 0 or r < 0:
            continue
        cell = grid[r][c]
        if cell[0] <= cx <= cell[2] and cell[1] <= cy <= cell[3]:
            by_cell.setdefault(cell, []).append(g)
    texts = {cell: join_lines(line.text for line in build_lines(members, convert))
             for cell, members in by_cell.items()}
    rows = [[texts.get(cell, "") for cell in row] for row in grid]
    seen: set[tuple[float, float, float, float]] = set()
    merged: list[list[bool]] = []
    for row in grid:
        flags = []
        for cell in row:
            flags.append(cell in seen)
            seen.add(cell)
        merged.append(flags)
    x0, top, x1, bottom = (float(v) for v in table.bbox)
    return TableData(x0, top, x1, bottom, xs, rows, merged)


def _inside(g: Glyph, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _image_cover(page: Any) -> float:
    area = float(page.width) * float(page.height)
    if area <= 0:
        return 0.0
    covered = 0.0
    for im in page.images:
        w = max(0.0, min(float(im["x1"]), float(page.width)) - max(float(im["x0"]), 0.0))
        h = max(0.0, min(float(im["bottom"]), float(page.height)) - max(float(im["top"]), 0.0))
        covered += w * h
    return min(1.0, covered / area)


def _needs_ocr(page: Any, text_chars: int) -> bool:
    """Whether a page's text has to come from OCR: it has no text layer (but something
    drawn: a scan, or text turned into outlines), only a few characters over a picture,
    or little text on a page that is mostly one picture (a scan with a typed stamp)."""
    if text_chars >= SCAN_MAX_CHARS:
        return False
    cover = _image_cover(page) if page.images else 0.0
    if text_chars == 0:
        return cover > 0 or bool(page.curves or page.rects or page.lines)
    if text_chars < MIN_TEXT_CHARS:
        return cover >= 0.2
    return cover >= SCAN_IMAGE_COVER


def _diacritic_share(words: Sequence[str]) -> tuple[float, int] | None:
    """Of the words of letters (two or more) in ``words``, the share that are Vietnamese
    written with its diacritics (its letters only, one marked at least), and how many words
    there are; None without any."""
    counted = marked = 0
    for token in words:
        word = unicodedata.normalize("NFC", token.strip(".,;:!?()[]{}\"'“”‘’…-–—/*").lower())
        if len(word) < 2 or not word.isalpha():
            continue
        counted += 1
        marked += all(c in _VIET_LETTERS for c in word) and any(c in _VIET_MARKED for c in word)
    return (marked / counted, counted) if counted else None


def _doubtful_layer(page: Any, scan: PageScan, hidden: float | None) -> str | None:
    """What makes the text layer of a page that a picture covers (a scan) not the page's text:
    it is no Vietnamese (few of its words bear a diacritic: an English layer, Vietnamese typed
    without its diacritics, a layer of garbage drawn under the picture). Of a visible layer
    LAYER_WORDS words at least are judged; an invisible one (a scanner's or a phone app's OCR,
    of whatever language it was told: ``Scanned by CamScanner``) is judged on any words. None
    when the page is no scan or its layer reads as Vietnamese: a scan's own Vietnamese OCR
    layer, invisible, is read as it is (see :func:`_scan_page`'s ``text-layer-invisible``)."""
    if not _covered_by_picture(page):
        return None
    invisible = hidden is not None and hidden >= HIDDEN_LAYER
    words = [w.text for line in scan.lines for w in line.words]
    words += [word for t in scan.tables for row in t.rows for cell in row for word in cell.split()]
    share = _diacritic_share(words)
    if share is None or share[0] >= LAYER_DIACRITICS or (share[1] < LAYER_WORDS and not invisible):
        return None
    foreign = f"not Vietnamese: {share[0]:.0%} of its {share[1]} words bear a diacritic"
    return f"invisible, {foreign}" if invisible else foreign


def _covered_by_picture(page: Any) -> bool:
    """Whether a picture covers the page (SCAN_IMAGE_COVER of it at least): a scan."""
    return bool(page.images) and _image_cover(page) >= SCAN_IMAGE_COVER


def _unreadable_layer(scan: PageScan, min_words: int | None = None) -> bool:
    """Whether a page's text layer, legacy fonts converted, is not Vietnamese text but
    mojibake (:func:`vnreport_extract.legacy.unreadable`): the hidden OCR layer of a scan
    written with a wrong font mapping (``CØNG HOÀXÃ HØI CHæNGH(AVIÆT NAM``), or a font whose
    characters map to the wrong letters. The page's picture reads better: it is OCRed."""
    try:
        from ..legacy import JUDGED_WORDS, unreadable
    except ImportError:  # the converter is not installed in this build
        return False
    words = [w.text for line in scan.lines for w in line.words]
    words += [cell for t in scan.tables for row in t.rows for cell in row]
    return unreadable(" ".join(words), JUDGED_WORDS if min_words is None else min_words)


def _scan_page(page: Any, converter: _LegacyConverter, warnings: list[tuple[str, str]],
               limits: Limits | None = None,
               read_pictures: Callable[[Sequence[PictureField]], list[Glyph]] | None = None,
               judged_words: int | None = None) -> PageScan:
    """What the first pass keeps of ``page``. ``judged_words``: the fewest words its text
    layer is judged unreadable on (``_unreadable_layer``; fewer once another page of the
    document was)."""
    limits = limits or Limits()
    scan = PageScan(page.page_number, float(page.width), float(page.height))
    if scan.width <= 0 or scan.height <= 0:
        # pdfplumber keeps only what lies inside the page's box: an empty MediaBox hides all.
        warnings.append(("empty-page-box", f"p.{scan.number}: its MediaBox is empty "
                                           f"({scan.width:g} × {scan.height:g} pt): nothing on it was read"))
    outside: list[int] = []
    glyphs = _page_glyphs(page, outside)
    hidden = hidden_share()  # of the page's own glyphs, before those of its fields are drawn
    if outside[0] and outside[0] >= sum(1 for g in glyphs if not g.text.isspace()):
        corners = " ".join(f"{float(v):g}" for v in page.page_obj.mediabox)
        warnings.append(("page-text-outside-box", f"p.{scan.number}: {outside[0]} of its characters lie outside "
                                                  f"its MediaBox [{corners}], and are not read (a viewer does not "
                                                  "show them either)"))
    if len(glyphs) > limits.max_glyphs_per_page:
        warnings.append(("page-too-dense", f"p.{scan.number}: {len(glyphs)} characters, read the first "
                                           f"{limits.max_glyphs_per_page} (limit max_glyphs_per_page)"))
        glyphs = glyphs[:limits.max_glyphs_per_page]
    pictures: list[PictureField] = []
    glyphs += _annotation_glyphs(page, pictures if read_pictures is not None else None)
    if pictures and read_pictures is not None and not page.page_obj.rotate:
        glyphs += read_pictures(pictures)
    converter.decide(glyphs)
    graphics = len(page.rects) + len(page.lines) + len(page.curves)
    if graphics > limits.max_graphics_per_page:
        warnings.append(("page-too-many-graphics", f"p.{scan.number}: {graphics} lines and shapes; its tables "
                                                   "were not looked for (limit max_graphics_per_page)"))
        edges: list[dict[str, Any]] = []
    else:
        edges = [e for e in page.edges if _visible_edge(e)]
    tables: list[Any] = []
    if sum(1 for e in edges if e.get("orientation") == "v") >= 2 and \
            sum(1 for e in edges if e.get("orientation") == "h") >= 2:
        visible = page.filter(lambda o: o.get("object_type") not in ("rect", "line", "curve") or _visible_edge(o))
        tables = visible.find_tables()
    unreadable = False
    for attempt in range(2):
        scan.tables = []
        rest = glyphs
        for table in tables:
            box = tuple(float(v) for v in table.bbox)
            inside = [g for g in rest if _inside(g, box)]  # type: ignore[arg-type]
            data = _table_data(table, inside, converter)
            if data is None:
                continue
            scan.tables.append(data)
            rest = [g for g in rest if not _inside(g, box)]  # type: ignore[arg-type]
        scan.lines = build_lines(rest, converter)
        # TCVN3 or VNI text in a font whose name does not say so reads as mojibake: when its
        # text reads as that encoding, the page is read again converted; if it still does
        # not read, it is OCRed (as it was).
        unreadable = _unreadable_layer(scan, judged_words)
        if attempt:
            converter.release(kept=not unreadable)
            break
        if not unreadable or not converter.adopt(glyphs):
            break
    scan.rules = [r for r in _rules(page, edges)
                  if not any(t.x0 - 1 <= r.x0 and r.x1 <= t.x1 + 1 and t.top - 1 <= r.top <= t.bottom + 1
                             for t in scan.tables)]
    text_chars = sum(len(w.text) for line in scan.lines for w in line.words
                     if not line.text.lower().startswith(("sao y", "sao lục", "trích sao")))
    text_chars += sum(len(cell) for t in scan.tables for row in t.rows for cell in row)
    scan.needs_ocr = _needs_ocr(page, text_chars)
    scan.short_layer = scan.needs_ocr and text_chars > 0 and not unreadable
    if not scan.needs_ocr and unreadable:
        scan.needs_ocr = scan.unreadable = True
    if text_chars and not scan.unreadable:
        # A scan's own OCR layer: the page is read by OCR instead (a short one was already).
        scan.layer = _doubtful_layer(page, scan, hidden)
        scan.doubted = scan.layer is not None and not scan.needs_ocr
        scan.needs_ocr = scan.needs_ocr or scan.doubted
        if scan.layer is None and not scan.needs_ocr and hidden is not None and hidden >= HIDDEN_LAYER:
            # Said once the page is read from it (--ocr on reads it by OCR).
            scan.invisible = ("over a picture of the whole page (a scan's own OCR layer, in Vietnamese): read as it "
                              "is" if _covered_by_picture(page) else
                              "over no picture of the page: read, though no viewer shows it")
    for line in scan.lines:
        scan.sizes[line.size] += sum(len(w.text) for w in line.words)
    return scan


# ---------------------------------------------------------------------------------------------
# Second pass: zones, paragraphs, footnotes, tables across pages


@dataclass
class _Element:
    """One thing on a page, placed by its top: a line, a table or a two-column zone."""

    top: float
    kind: str  # "line", "table", "layout" (header block), "signature"
    line: Line | None = None
    table: TableData | None = None
    zone: Zone | None = None
    bottom: float = 0.0


def _drop_furniture(pages: list[PageScan], warnings: list[tuple[str, str]]) -> None:
    """Take running headers, footers and page numbers out of the pages, recording each."""
    furniture = page_furniture([p.lines for p in pages], [p.height for p in pages])
    for p, drop in zip(pages, furniture, strict=True):
        for i in sorted(drop):
            warnings.append(("page-furniture", f"p.{p.number}: {p.lines[i].text!r}"))
        p.lines = [line for i, line in enumerate(p.lines) if i not in drop]


def _elements(body: list[Line], tables: list[TableData], m: Margins) -> list[_Element]:
    """A page's content in reading order: the two-column zones (header block, signature
    block) taken out of the lines, the rest of the lines, the tables, top to bottom."""
    elements: list[_Element] = []
    taken: set[int] = set()
    # Any page may open a document (a Tờ trình and the report it submits share a file).
    zone = header_zone(body, m.left, m.right) if body else None
    if zone is not None:
        taken.update(zone.indexes)
        elements.append(_Element(body[zone.indexes[0]].top, "layout", zone=zone))
    free = [i for i in range(len(body)) if i not in taken]
    zone = signature_zone([body[i] for i in free], m.left, m.right)
    if zone is not None:
        indexes = [free[i] for i in zone.indexes]
        taken.update(indexes)
        elements.append(_Element(body[indexes[0]].top, "signature", zone=Zone(indexes, zone.rows, zone.divider),
                                 bottom=body[indexes[-1]].bottom))
    elements += [_Element(line.top, "line", line=line) for i, line in enumerate(body) if i not in taken]
    elements += [_Element(t.top, "table", table=t) for t in tables]
    elements.sort(key=lambda e: e.top)
    return elements


class _Flow:
    """The document's blocks as they are read page after page: the paragraph being built
    (it may go on over a page break), the last table (its continuation may open the next
    page) and the last footnote (it may go on under the next page's separator)."""

    def __init__(self, pitch: float) -> None:
        self.pitch = pitch
        self.para: Para | None = None
        self.para_block: Block | None = None
        self.para_lines: list[str] = []
        self.table: tuple[Block, TableData] | None = None
        self.footnote: Block | None = None
        # A signature block that ended its page near the bottom: its recipients or signer
        # may go on at the top of the next page (of the same size).
        self.signature: tuple[Block, Zone, float] | None = None

    def close(self) -> None:
        """End the paragraph being built."""
        if self.para_block is not None:
            self.para_block.text = join_lines(self.para_lines)
        self.para, self.para_block, self.para_lines = None, None, []

    def break_flow(self) -> None:
        """A page read another way (OCR): nothing runs on across it."""
        self.close()
        self.table = None
        self.signature = None

    def carry_signature(self, body: list[Line], width: float) -> int:
        """How many first lines of a page go to the signature block the page before ended
        with (added to its layout block)."""
        if self.signature is None:
            return 0
        block, zone, page_width = self.signature
        self.signature = None
        if abs(page_width - width) > 1:
            return 0
        taken = continue_signature(zone, body)
        block.rows = [list(r) for r in zone.rows]
        return taken

    def page(self, p: PageScan, elements: list[_Element], notes: list[Line], m: Margins) -> list[Block]:
        number = p.number
        blocks: list[Block] = []
        for k, e in enumerate(elements):
            first = k == 0
            if e.table is not None:
                self.close()
                self.signature = None
                if first and self.table is not None and same_columns(self.table[1], e.table):
                    continue_table(self.table[0], e.table)
                    self.table = (self.table[0], e.table)
                else:
                    block = Block("table", page=number, rows=[list(r) for r in e.table.rows],
                                  merged=[list(r) for r in e.table.merged])
                    blocks.append(block)
                    self.table = (block, e.table)
                continue
            self.table = None
            if e.zone is not None:
                self.close()
                blocks.append(Block("layout", page=number, rows=[list(r) for r in e.zone.rows]))
                self.signature = None
                if e.kind == "signature" and e.bottom >= 0.75 * p.height:
                    self.signature = (blocks[-1], e.zone, p.width)
            elif e.line is not None:
                self.signature = None
                self._line(number, e.line, first, m, blocks)
        if not elements or elements[-1].table is None:
            self.table = None
        for marker, text in footnote_paragraphs(notes):
            if marker is None and self.footnote is not None:
                self.footnote.text = join_lines([self.footnote.text, text])
                continue
            self.footnote = Block("footnote", text=text, page=number)
            blocks.append(self.footnote)
        return blocks

    def _line(self, number: int, line: Line, first: bool, m: Margins, blocks: list[Block]) -> None:
        para = self.para
        if para is not None and self.para_block is not None:
            if first and self.para_block.page != number:
                joined = continues_on_next_page(para, line, m)
            else:
                joined = not starts_paragraph(para, line, m, self.pitch)
            if joined:
                self.para_lines.append(line.text)
                self.para = Para(line.text, para.page, line, para.centered, m)
                return
        self.close()
        self.para_block = Block("paragraph", page=number)
        blocks.append(self.para_block)
        self.para_lines = [line.text]
        self.para = Para(line.text, number, line, is_centered(line, m), m)


def _layout(pages: list[PageScan], warnings: list[tuple[str, str]]) -> list[tuple[int, list[Block]]]:
    """Blocks per page (pages needing OCR get none here)."""
    sizes: Counter[float] = Counter()
    for p in pages:
        sizes.update(p.sizes)
    base = body_size(sizes)
    text_pages = [p for p in pages if not p.needs_ocr]
    _drop_furniture(text_pages, warnings)
    defaults: dict[int, Margins] = {}
    for p in text_pages:
        key = round(p.width)
        if key not in defaults:
            defaults[key] = margins([line for q in text_pages if round(q.width) == key for line in q.lines], base)
    flow = _Flow(line_pitch([line for p in text_pages for line in p.lines], base))
    out: list[tuple[int, list[Block]]] = []
    for p in pages:
        if p.needs_ocr:
            flow.break_flow()
            out.append((p.number, []))
            continue
        m = margins(p.lines, base, defaults[round(p.width)])
        cut = split_footnotes(p.lines, p.rules, base, m.left)
        body = p.lines[:cut]
        carried = flow.carry_signature(body, p.width)
        out.append((p.number, flow.page(p, _elements(body[carried:], p.tables, m), p.lines[cut:], m)))
    flow.close()
    return out


# ---------------------------------------------------------------------------------------------
# Entry point


def _open(path: Path) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        return pdfplumber.open(path)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise PasswordProtectedError(f"{path}: encrypted PDF: password-protected, it cannot be read without "
                                         "its password") from None
        raise CorruptFileError(f"{path}: corrupt or truncated PDF: {_reason(cause)}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except Exception as exc:  # pdfminer raises many kinds on broken files; none may escape raw
        raise CorruptFileError(f"{path}: corrupt PDF: {_reason(exc)}") from None


def _broken_page(number: int, exc: BaseException, truncated: bool) -> PartError:
    what = "truncated PDF (no end-of-file marker)" if truncated else "corrupt PDF"
    return PartError(part="page", page=number, type="CorruptFileError",
                     message=f"{what}: page {number}: {_reason(exc)}")


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


def _truncated(path: Path) -> bool:
    """Whether the file lacks its end-of-file marker (``%%EOF`` near the end)."""
    try:
        with path.open("rb") as f:
            f.seek(0, 2)
            size = f.tell()
            f.seek(max(0, size - 2048))
            return b"%%EOF" not in f.read()
    except OSError:
        return False


def _ocr(path: Path, numbers: list[int], options: ParseOptions, errors: list[PartError],
         limits: Limits | None = None, warnings: list[tuple[str, str]] | None = None) -> dict[int, list[Block]]:
    """OCR ``numbers`` in one run; a page that fails (Tesseract fails or times out on it, it
    cannot be rasterised) becomes one of ``errors`` and the other pages' readings stand. A
    failure of the whole run (the file cannot be opened for rasterising) is an error on every
    page. A page past ``limits`` (too many pixels to rasterise) is refused whole: a
    :class:`LimitExceededError`. The OCR's repairs and unread fields go to ``warnings``."""
    try:
        from .ocr import ocr_pages
    except ImportError:  # a build without the OCR reader
        raise UnsupportedFormatError(f"{path}: pages {', '.join(map(str, numbers))} have no text layer "
                                     "and this build cannot OCR them") from None

    failed: dict[int, str] = {}
    try:
        done = ocr_pages(path, numbers, dpi=options.ocr_dpi, languages=options.ocr_languages,
                         tesseract=options.tesseract, timeout=options.ocr_timeout, limits=limits,
                         warnings=warnings, diacritics=options.ocr_diacritics, failed=failed,
                         in_process=options.ocr_in_process)
    except CorruptFileError as exc:
        errors.extend(PartError(part="page", page=n, type=type(exc).__name__, message=str(exc)) for n in numbers)
        return {}
    errors.extend(PartError(part="page", page=n, message=f"{path}: {why}",
                            type=LimitExceededError.__name__ if why.startswith(OCR_TIME_LIMIT)
                            else ocr_error_type(why).__name__)
                  for n, why in sorted(failed.items()))
    return done


def _layer_read(s: PageScan, why: str) -> tuple[str, str]:
    """The ``text-layer-doubtful`` warning of a page read from a layer that OCR should have
    replaced (a doubtful one, or a few words over a scan), and ``why`` it was not."""
    if s.layer is not None:
        return ("text-layer-doubtful", f"p.{s.number}: its text layer ({s.layer}) lies over a picture of the "
                                       f"whole page and may not be its text: read, {why}")
    return ("text-layer-doubtful", f"p.{s.number}: its text layer is a few words over a picture of the whole page "
                                   f"and may not be all of its text: read, {why}")


def _no_tesseract(options: ParseOptions) -> str | None:
    """Why there is no Tesseract to OCR with (``Tesseract is not installed ...``), or None: a page
    whose doubtful layer would be OCRed is read from its layer instead. (A page with no layer at
    all still needs it: its OCR fails with the MissingComponentError.)"""
    from .system import tesseract

    try:
        tesseract(options.ocr_languages, options.tesseract)
    except MissingComponentError as exc:
        return f"OCR cannot run ({first_line(exc)})"
    return None


@contextlib.contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs every oddity of a file (a font without a bounding box ...) as a
    warning; what matters reaches the document's warnings, the rest is noise on stderr."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    if level < logging.ERROR:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def read_pdf(path: Path, options: ParseOptions | None = None, *, limits: Limits | None = None) -> SourceDocument:
    """The blocks of a PDF report (see the module docstring for what comes out): the pages
    that ``options.pages`` names, OCRed as ``options.ocr`` says, within ``limits``."""
    with _quiet_pdfminer():
        return _read(Path(path), options or ParseOptions(), limits or Limits())


def _read_too_long(path: Path, where: str, budget: float, started: float) -> LimitExceededError:
    """The error of a PDF still being read ``where`` (``page 3 of 40`` inside it, ``at page 3 of
    40`` after it) past ``max_read_seconds``."""
    return LimitExceededError("max_read_seconds", budget,
                              what=f"{path}: still reading {where} after {time.monotonic() - started:.0f} s")


def _read(path: Path, options: ParseOptions, limits: Limits) -> SourceDocument:
    from pdfplumber.utils.exceptions import PdfminerException

    warnings: list[tuple[str, str]] = []
    errors: list[PartError] = []
    broken: list[PartError] = []
    truncated = _truncated(path)
    started = time.monotonic()
    converter = _LegacyConverter()
    scans: list[PageScan] = []
    garbled = False  # a page's text layer was mojibake (see _unreadable_layer)
    pdf = _open(path)
    # Numbers stamped as pictures are read by OCR, unless OCR is off.
    pictures = PictureReader(path, options, warnings) if options.ocr != "off" else None
    try:
        try:
            pages, bad_turns = _pages(pdf)
        except Exception as exc:  # a broken page tree
            raise CorruptFileError(f"{path}: corrupt PDF: {_reason(exc)}") from None
        if not pages:
            raise CorruptFileError(f"{path}: PDF with no pages")
        total_pages = len(pages)
        if len(pages) > limits.max_pages:
            raise LimitExceededError("max_pages", limits.max_pages, value=len(pages),
                                     what=f"{path}: {len(pages)} pages")
        wanted = set(options.page_numbers(len(pages)))
        if not wanted:
            one = str(options.pages).strip().isdigit()
            raise InputError(f"{path}: {'page' if one else 'pages'} {options.pages} {'is' if one else 'are'} past "
                             f"the end of a {len(pages)}-page PDF")
        if len(wanted) < total_pages:
            # The records are those of these pages alone: said, so that they are not taken for the document's.
            were = "was" if len(wanted) == 1 else "were"
            warnings.append(("pages-subset", f"only {len(wanted)} of the {total_pages} pages {were} read "
                                             f"(pages={options.pages}): the records are of those pages alone"))
        # pdfminer has no timeout of its own: the time is checked between pages and, as its
        # content is parsed, within one; each page is bounded by its own budget of glyphs,
        # shapes, forms and inflated content.
        budget = limits.max_read_seconds
        for page in pages:
            if page.page_number not in wanted:
                continue
            if page.page_number in bad_turns:
                warnings.append(("page-rotate-invalid",
                                 f"p.{page.page_number}: its /Rotate {str(bad_turns[page.page_number])[:40]} is "
                                 "no multiple of 90 degrees: the page was read unturned"))
            try:
                with page_budget(limits.max_glyphs_per_page, 10 * limits.max_graphics_per_page,
                                 limits.max_xobjects_per_page, stream_bytes=limits.max_stream_bytes,
                                 deadline=started + budget, seconds=budget) as spent:
                    # A page turned (/Rotate) whose text is not drawn turned to match is read
                    # under the turn that stands its text upright: read again, on a budget anew.
                    # (Pictures in its fields are not read then: they are cut out of the page
                    # as the renderer turns it.)
                    turn = _upright_turn(page)
                    fields = pictures
                    if turn != page.page_obj.rotate:
                        page = _turned(page, turn)
                        spent.restart()
                        fields = None
                    # A page of the same mojibake or legacy text as one before it is judged on a few words.
                    judged = _SHORT_PAGE_WORDS if converter.converted or garbled else None
                    scans.append(_scan_page(page, converter, warnings, limits, fields, judged))
                    garbled = garbled or scans[-1].unreadable
                if spent.damaged:
                    warnings.append(("page-content-damaged",
                                     f"p.{page.page_number}: its compressed content is cut short or broken: "
                                     "what was read of it is kept, the rest of the page is missing"))
            except VnReportError:
                raise
            except (PageTooComplex, PdfminerException) as exc:
                cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
                if isinstance(cause, PageTooComplex) and cause.limit == "max_read_seconds":
                    raise _read_too_long(path, f"page {page.page_number} of {len(pages)}", budget, started) from None
                if isinstance(cause, PageTooComplex):
                    warnings.append(("page-too-complex",
                                     f"p.{page.page_number}: draws {cause}: the page was not read"))
                    scans.append(PageScan(page.page_number, float(page.width), float(page.height),
                                          refused=cause.limit == "max_stream_bytes"))
                else:
                    broken.append(_broken_page(page.page_number, exc, truncated))
            except RecursionError:
                raise CorruptFileError(f"{path}: page {page.page_number}: content nested too deeply") from None
            except Exception as exc:  # any pdfminer failure on a broken page: the other pages still count
                broken.append(_broken_page(page.page_number, exc, truncated))
            finally:
                page.close()
            if time.monotonic() - started > budget:
                raise _read_too_long(path, f"at page {page.page_number} of {len(pages)}", budget, started)
    finally:
        with contextlib.suppress(Exception):  # closing a broken file must not hide the real error
            pdf.close()
        if pictures is not None:
            pictures.close()
    if broken and not scans:
        raise CorruptFileError(f"{path}: {broken[0].message}")
    errors.extend(broken)
    if truncated:
        warnings.append(("truncated-pdf", f"{path.name}: no end-of-file marker; read what was there"))
    for font, encoding in sorted(converter.used().items()):
        warnings.append(("legacy-encoding", f"text in {font} converted from {encoding}"))

    if converter.converted or garbled:
        # The same mojibake on a short page (a signature page, a Nơi nhận) has too few words
        # to be judged alone: in a document that has it, a few words are enough (the pages
        # after the first such page were judged so as they were read; these are the ones
        # before, whose glyphs are gone: OCRed, not converted).
        for s in scans:
            if not s.needs_ocr and _unreadable_layer(s, _SHORT_PAGE_WORDS):
                s.needs_ocr = s.unreadable = True
    no_ocr = "OCR is off" if options.ocr == "off" \
        else _no_tesseract(options) if any(s.doubted or s.short_layer for s in scans) else None
    if no_ocr is not None:
        for s in scans:
            if s.doubted or s.short_layer:  # no OCR to read it instead: its layer it is, said
                s.needs_ocr = False
                warnings.append(_layer_read(s, f"as {no_ocr}"))
    per_page = _layout(scans, warnings)
    ocr_numbers = [s.number for s in scans if (s.needs_ocr or options.ocr == "on") and not s.refused]
    unreadable = [s.number for s in scans if s.unreadable]
    ocred: dict[int, list[Block]] = {}
    if ocr_numbers and options.ocr == "off":
        for s in scans:
            if s.needs_ocr:
                why = "has an unreadable text layer (not Vietnamese)" if s.unreadable else "has no text layer"
                errors.append(PartError(part="page", page=s.number, type="OcrDisabled",
                                        message=f"page {s.number} {why} and OCR is off"))
        if len(ocr_numbers) == len(scans):
            raise InputError(f"{path}: no page has a usable text layer and OCR is off")
    elif ocr_numbers:
        failed: list[PartError] = []
        ocred = _ocr(path, ocr_numbers, options, failed, limits, warnings)
        # A doubted layer whose page the OCR could not read is better than nothing: laid out now;
        # and so is one whose page the OCR read nothing on (a blank picture under the text).
        failed_pages = {e.page for e in failed}
        instead = [(s, "as its OCR failed" if s.number in failed_pages else "as OCR read nothing on it")
                   for s in scans if (s.doubted or s.short_layer)
                   and (s.number in failed_pages or (s.number in ocred and not any(
                       b.text.strip() or b.rows for b in ocred[s.number])))]
        if instead:
            for s, why in instead:
                s.needs_ocr = False
                warnings.append(_layer_read(s, why))
                ocred.pop(s.number, None)
            laid = dict(_layout([s for s, _ in instead], warnings))
            per_page = [(n, laid.get(n, page_blocks)) for n, page_blocks in per_page]
        layered = {s.number for s in scans if not s.needs_ocr}
        for e in failed:
            if e.page in layered:  # --ocr on, or a doubted layer: the page's own text layer stands in
                warnings.append(("ocr-failed", f"page {e.page}: OCR failed, its text layer is used: {e.message}"))
            else:
                errors.append(e)
        if not ocred and not layered:
            if unread := [e for e in failed if e.type == LimitExceededError.__name__]:
                raise ocr_time_limit(path, limits, len(unread), failed[0].message)
            error = OcrError if all(e.type == OcrError.__name__ for e in failed) else CorruptFileError
            raise error(f"{path}: OCR failed on every page: {failed[0].message}")
        what = "pages read by OCR" if options.ocr == "on" else "pages without a usable text layer read by OCR"
        if ocred:
            warnings.append(("ocr", f"{what}: " + ", ".join(str(n) for n in sorted(ocred))))
        for s in scans:
            if s.layer is not None and s.number in ocred:
                warnings.append(("text-layer-ignored", f"p.{s.number}: its text layer ({s.layer}) over a picture "
                                                       "of the whole page was ignored: the page was read by OCR"))
        if replaced := [n for n in unreadable if n in ocred]:
            warnings.append(("text-layer-unreadable", "pages whose text layer does not read as Vietnamese "
                                                      "(mojibake: a wrong font mapping) read by OCR "
                                                      "instead: " + ", ".join(map(str, replaced))))
    for s in scans:
        if s.invisible is not None and s.number not in ocred:
            warnings.append(("text-layer-invisible", f"p.{s.number}: its text is drawn invisible, {s.invisible}"))
    blocks: list[Block] = []
    for number, page_blocks in per_page:
        if number in ocred:
            for b in ocred[number]:
                if b.page is None:
                    b.page = number
            blocks.extend(ocred[number])
        else:
            blocks.extend(page_blocks)
    source = Source(format="pdf", pages=total_pages, ocr=bool(ocred),
                    pages_read=sorted(wanted) if len(wanted) < total_pages else None)
    return SourceDocument(blocks, source, warnings, errors)
