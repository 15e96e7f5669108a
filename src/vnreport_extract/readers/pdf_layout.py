"""Geometry of a PDF page's text: glyphs → words → lines → zones → paragraphs.

Pure functions over plain records, so every layout decision can be tested (and looked
at) without a PDF. :mod:`.pdf` feeds them what pdfplumber reads off a page.

The steps, in the order the reader runs them:

1. :func:`build_lines` — glyphs (one per drawn character) into lines of words: fake-bold
   doubles dropped, detached diacritics (dấu) put back on their letter, superscript
   footnote references (chỉ số chú thích) taken out of the running text, legacy-font runs
   (TCVN3, VNI) converted to Unicode, NFC.
2. :func:`page_furniture` — running headers, footers and page numbers (số trang).
3. :func:`split_footnotes` — the footnote area (chú thích) at the bottom of a page.
4. :func:`header_zone` and :func:`signature_zone` — the two-column blocks of the first
   page (issuer | Quốc hiệu, ``Số:`` | place and date) and of the end (``Nơi nhận`` |
   chữ ký), cut along the empty vertical strip between their columns.
5. :func:`paragraphs` — lines into paragraphs: a list number, an indent, a bold line
   or a short previous line starts a new one; wrapped lines are joined, hyphens at a
   line end kept without a space (``117/QĐ-`` + ``UBND``), across page breaks too.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..conventions.header import classify_line, has_mark
from ..conventions.numbering import WORD_LABEL, item_label_end, opens_item
from ..normalize import in_capitals

# Font names that draw bold type (``TimesNewRomanPS-BoldMT``, ``Arial,Bold``, ``VNI-Times-Bold``).
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|,bd\b|-bd\b", re.IGNORECASE)
# Spacing accents that some fonts draw over a letter instead of a combining mark.
_SPACING_ACCENTS = {"\u00b4": "\u0301", "\u02ca": "\u0301", "`": "\u0300", "\u02cb": "\u0300",
                    "\u02dc": "\u0303", "\u02c6": "\u0302", "\u02d8": "\u0306"}
_DIGITS = re.compile(r"^\d{1,3}$")
_UNIT_BEFORE_POWER = re.compile(r"(?:^|[^\w])(?:[kcdh]?m)$")
_SENTENCE_END = re.compile(r"[.:;!?…]['\"”’)]*$")
# A table's or annex's caption (``Biểu 1:``, ``Bảng số 2.``, ``Phụ lục I:``).
_CAPTION = re.compile(r"^(?:Biểu|Bảng|Phụ lục|Mẫu)(?:\s+số)?\s+[\dIVX]{1,4}[.:]")
_ENDS_OPEN = re.compile(r"[^\W\d_]$")
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?i:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?$")


def _is(kind: str, line: str) -> bool:
    """Whether a line is a header or signature line of ``kind`` (see conventions.header)."""
    return classify_line(line) == kind


# A recipient's item mark, on a line that carries the ``Nơi nhận`` list over a page break.
_RECIPIENT_ITEM = re.compile(r"^[-+•–]\s")


@functools.lru_cache(maxsize=512)
def _font(font: str) -> tuple[str, bool]:
    """A font's name without its subset prefix (``ABCDEF+``), and whether it is bold; a page
    uses a few fonts for thousands of glyphs."""
    name = font.split("+", 1)[1] if len(font) > 7 and font[6] == "+" else font
    return name, _BOLD_FONT.search(name) is not None


@dataclass(slots=True)
class Glyph:
    """One drawn character: position in PDF points from the page's top-left corner."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str = ""
    bold: bool = False
    field: bool = False  # drawn by a form field over the page (a stamped number or day)

    @staticmethod
    def make(text: str, x0: float, x1: float, top: float, bottom: float, size: float,
             font: str = "", field: bool = False) -> Glyph:
        """A glyph, with the subset prefix of its font name (``ABCDEF+``) dropped."""
        name, bold = _font(font)
        return Glyph(text, x0, x1, top, bottom, size, name, bold, field)


@dataclass(slots=True)
class Word:
    """Glyphs with no space between them, as text (already Unicode NFC)."""

    text: str
    x0: float
    x1: float
    bold: bool = False


@dataclass(slots=True)
class Line:
    """One line of text: its words left to right, the size of most of its glyphs, and the
    footnote number drawn as a superscript at its start (``marker``) if any."""

    words: list[Word]
    top: float
    bottom: float
    size: float
    marker: str | None = None
    refs: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def bold(self) -> bool:
        """Whether (nearly) all of the line is bold: a heading."""
        total = sum(len(w.text) for w in self.words)
        return total > 0 and sum(len(w.text) for w in self.words if w.bold) >= 0.8 * total

    def part(self, words: list[Word]) -> Line:
        """The same line restricted to some of its words (one column of a two-column block)."""
        return Line(words, self.top, self.bottom, self.size, self.marker, self.refs)


# ---------------------------------------------------------------------------------------------
# 1. Glyphs into lines


def _dedupe(glyphs: list[Glyph]) -> list[Glyph]:
    """Drop fake-bold doubles: the same character drawn again a fraction of a point away.

    >>> a = Glyph("A", 10, 18, 0, 14, 14)
    >>> [g.x0 for g in _dedupe([a, Glyph("A", 10.4, 18.4, 0, 14, 14), Glyph("A", 18, 26, 0, 14, 14)])]
    [10, 18]
    """
    kept: list[Glyph] = []
    for g in glyphs:
        text, x0, top = g.text, g.x0, g.top
        tolerance = min(1.5, 0.35 * max(g.x1 - x0, 1.0))
        # A plain loop, not any() over a generator: this runs once per glyph of the document.
        for k in kept[-4:]:
            if k.text == text and abs(k.x0 - x0) <= tolerance and abs(k.top - top) <= 1.5:
                break
        else:
            kept.append(g)
    return kept


@functools.lru_cache(maxsize=1024)
def _is_mark(text: str) -> bool:
    return len(text) == 1 and unicodedata.combining(text) > 0


def _attach_marks(glyphs: list[Glyph]) -> list[tuple[Glyph, str]]:
    """Put each detached diacritic back on the letter it is drawn over: ``a`` + ``◌́`` → ``á``.

    Combining marks drawn as glyphs of their own, and spacing accents (``´``) that overlap
    a letter, belong to the letter under them, whatever order the PDF drew them in.

    >>> g = [Glyph("a", 10, 16, 0, 14, 14), Glyph("\u0301", 11, 15, 0, 14, 14), Glyph("n", 16, 23, 0, 14, 14)]
    >>> [unicodedata.normalize("NFC", t) for _, t in _attach_marks(g)]
    ['á', 'n']
    """
    out: list[tuple[Glyph, str]] = []
    pending: list[str] = []  # marks waiting for the letter after them
    n = len(glyphs)
    for i, g in enumerate(glyphs):
        mark = g.text if _is_mark(g.text) else None
        if mark is None and g.text in _SPACING_ACCENTS and out:
            base = out[-1][0]
            overlap = min(base.x1, g.x1) - max(base.x0, g.x0)
            if overlap >= 0.4 * max(g.x1 - g.x0, 0.1) and not base.text.isspace():
                mark = _SPACING_ACCENTS[g.text]
        if mark is None:
            out.append((g, g.text + "".join(pending)))
            pending = []
            continue
        centre = (g.x0 + g.x1) / 2
        nxt = next((h for h in glyphs[i + 1:min(n, i + 3)] if not _is_mark(h.text)), None)
        prev = out[-1][0] if out else None
        on_prev = prev is not None and prev.x0 - 0.5 <= centre <= prev.x1 + 0.5
        on_next = nxt is not None and nxt.x0 - 0.5 <= centre <= nxt.x1 + 0.5
        if out and (on_prev or not on_next):
            out[-1] = (out[-1][0], out[-1][1] + mark)
        else:
            pending.append(mark)
    if pending and out:
        out[-1] = (out[-1][0], out[-1][1] + "".join(pending))
    return out


def _dominant(glyphs: Sequence[Glyph]) -> tuple[float, float, float]:
    """(size, top, bottom) of the size most glyphs of a line have (its body text)."""
    sizes = Counter(round(g.size * 2) / 2 for g in glyphs if not g.text.isspace())
    if not sizes:
        g = glyphs[0]
        return g.size, g.top, g.bottom
    size = max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0]
    main = [g for g in glyphs if round(g.size * 2) / 2 == size]
    tops = sorted(g.top for g in main)
    bottoms = sorted(g.bottom for g in main)
    return size, tops[len(tops) // 2], bottoms[len(bottoms) // 2]


def group_lines(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Glyphs into lines by vertical overlap (top to bottom; within a line in drawing order).

    A glyph joins a recent line when at least half of the shorter of the two overlaps
    it, so superscripts and small words stay on their line while the next line, a
    line-height lower, does not merge. Spaces join the line their middle falls in but
    never make or stretch one (a 30-point space that Word uses to push a signature
    right would swallow two lines).
    """
    spaces: list[Glyph] = []
    ordered: list[Glyph] = []
    for g in glyphs:
        (spaces if g.text.isspace() else ordered).append(g)
    ordered.sort(key=lambda g: (g.top, g.x0))
    bands: list[list[float]] = []  # [top, bottom, size] of each line's largest glyph
    members: list[list[Glyph]] = []
    for g in ordered:
        height = max(g.bottom - g.top, 0.1)
        target = -1
        for j in range(len(bands) - 1, max(len(bands) - 5, -1), -1):
            top, bottom, _ = bands[j]
            if min(bottom, g.bottom) - max(top, g.top) >= 0.5 * min(bottom - top, height):
                target = j
                break
        if target < 0:
            bands.append([g.top, g.bottom, g.size])
            members.append([g])
            continue
        members[target].append(g)
        if g.size > bands[target][2]:
            bands[target] = [g.top, g.bottom, g.size]
    if spaces and bands:
        tops = sorted((b[0], j) for j, b in enumerate(bands))
        starts = [t for t, _ in tops]
        for g in spaces:
            middle = (g.top + g.bottom) / 2
            k = bisect.bisect_right(starts, middle) - 1
            for _, j in tops[max(k - 1, 0):k + 2]:
                if bands[j][0] <= middle <= bands[j][1]:
                    members[j].append(g)
                    break
    order = sorted(range(len(members)), key=lambda j: bands[j][0])
    return [members[j] for j in order]


Converter = Callable[[str, str], str]


def build_line(glyphs: Sequence[Glyph], convert: Converter | None = None) -> Line | None:
    """One line's glyphs into words: doubles dropped, marks attached, superscript digits
    taken out (a footnote number at the start becomes :attr:`Line.marker`, one inside the
    text a reference in :attr:`Line.refs`), legacy-font runs converted by ``convert(text,
    font)`` (returns the text unchanged for a Unicode font). None for a line with no text.
    """
    ordered = _dedupe(sorted(glyphs, key=lambda g: (g.x0, g.top)))
    visible = [g for g in ordered if not g.text.isspace() and g.text]
    if not visible:
        return None
    size, top, bottom = _dominant(visible)
    raised_limit = bottom - 0.18 * size
    words: list[Word] = []
    runs: list[tuple[str, str]] = []  # (font, text) runs of the word being built
    wx0 = wx1 = 0.0
    bold_chars = 0
    marker: list[str] = []
    refs: list[str] = []
    ref: list[str] = []
    prev_x1: float | None = None
    space = False

    def flush() -> None:
        nonlocal runs, bold_chars
        if runs:
            text = "".join(convert(t, f) if convert else t for f, t in runs)
            text = unicodedata.normalize("NFC", text)
            if text:
                words.append(Word(text, wx0, wx1, bold_chars * 2 >= len(text)))
        runs = []
        bold_chars = 0

    clusters = _attach_marks(ordered)
    solid = [g for g, _ in clusters if not g.text.isspace()]
    starts = [g.x0 for g in solid]
    reach: list[float] = []  # how far right the glyphs up to each one reach
    for g in solid:
        reach.append(max(g.x1, reach[-1]) if reach else g.x1)
    prev_field: bool | None = None
    for g, text in clusters:
        if g.text.isspace():
            # A space counts unless other glyphs cover most of it: condensed type lets it
            # overlap its neighbours a little, a stamped field value covers the spaces of
            # the blank it fills.
            width = g.x1 - g.x0
            k = bisect.bisect_right(starts, (g.x0 + g.x1) / 2)
            covered = max(0.0, min(reach[k - 1], g.x1) - g.x0) if k else 0.0
            if k < len(solid):
                covered += max(0.0, g.x1 - max(solid[k].x0, g.x0))
            if width > 0.5 and covered < 0.6 * width:
                space = True
            continue
        gap = g.x0 - prev_x1 if prev_x1 is not None else 0.0
        if prev_x1 is not None and (gap > 0.2 * min(size, g.size) + 0.3 or g.field != prev_field):
            space = True
        prev_field = g.field
        small_digit = g.size <= 0.8 * size and text.isdigit()
        if small_digit and (g.bottom < raised_limit or (not words and not runs)):
            # A superscript number: a footnote marker before any text, else a reference.
            if not words and not runs:
                marker.append(text)
            else:
                before = runs[-1][1] if runs else ""
                if not space and _UNIT_BEFORE_POWER.search(before):  # m2, km2: a power, not a note
                    runs.append((g.font, text))
                    wx1 = g.x1
                    prev_x1 = g.x1
                    continue
                ref.append(text)
            prev_x1 = g.x1
            continue
        if ref:
            refs.append("".join(ref))
            ref = []
        if space and runs:
            flush()
        space = False
        if not runs:
            wx0 = g.x0
        if runs and runs[-1][0] == g.font:
            runs[-1] = (g.font, runs[-1][1] + text)
        else:
            runs.append((g.font, text))
        wx1 = max(wx1, g.x1) if len(runs) > 1 or len(runs[0][1]) > len(text) else g.x1
        bold_chars += len(text) if g.bold else 0
        prev_x1 = g.x1
    if ref:
        refs.append("".join(ref))
    flush()
    if not words:
        if marker:  # a line holding nothing but a small number: keep it as text
            return Line([Word("".join(marker), visible[0].x0, visible[-1].x1)], top, bottom, size)
        return None
    return Line(words, top, bottom, size, "".join(marker) or None, refs)


def build_lines(glyphs: Iterable[Glyph], convert: Converter | None = None) -> list[Line]:
    """All lines of a set of glyphs, top to bottom."""
    out = []
    for members in group_lines(glyphs):
        line = build_line(members, convert)
        if line is not None:
            out.append(line)
    return out


# ---------------------------------------------------------------------------------------------
# 2. Page furniture


def furniture_key(text: str) -> str:
    """What running headers of different pages share: digits blanked, and the page number
    left out, which odd and even pages print at opposite ends (Công báo).

    >>> furniture_key("Báo cáo CCHC - trang 12")
    'Báo cáo CCHC - trang'
    >>> furniture_key("CÔNG BÁO/Số 09/ Ngày 25-02-2025 17") == furniture_key("18 CÔNG BÁO/Số 09/ Ngày 25-02-2025")
    True
    """
    return re.sub(r"\d+", "#", re.sub(r"^\d{1,4}\s+|\s+\d{1,4}$", "", text.strip()))


def page_furniture(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> list[set[int]]:
    """Per page, the indexes of lines that are running headers, footers or page numbers.

    A candidate is one of the first two or last two lines of a page lying in the top or
    bottom eighth of it. It is furniture when it is a page number (``3``, ``- 3 -``,
    ``Trang 3``, ``3/35``), a copy stamp (``SAO Y ...``), or when the same text (digits
    aside) stands there on at least three pages and half of them.
    """
    candidates: list[list[int]] = []
    for lines, height in zip(pages, heights, strict=True):
        idx: list[int] = []
        n = len(lines)
        for i in sorted({0, 1, n - 2, n - 1}):
            if 0 <= i < n:
                line = lines[i]
                if line.bottom <= height / 8 or line.top >= height * 7 / 8:
                    idx.append(i)
        candidates.append(idx)
    counts = Counter(furniture_key(pages[p][i].text) for p, idx in enumerate(candidates) for i in idx)
    repeated = {k for k, c in counts.items() if c >= 3 and c * 2 >= len(pages)}
    out: list[set[int]] = []
    for p, idx in enumerate(candidates):
        found: set[int] = set()
        for i in idx:
            text = pages[p][i].text.strip()
            if _PAGE_NUMBER.match(text) or has_mark("copy-stamp", text) or furniture_key(text) in repeated:
                found.add(i)
        out.append(found)
    return out


# ---------------------------------------------------------------------------------------------
# 3. Footnotes


@dataclass(frozen=True, slots=True)
class Rule:
    """A thin horizontal line drawn on the page (a footnote separator, an underline)."""

    x0: float
    x1: float
    top: float


def split_footnotes(lines: Sequence[Line], rules: Sequence[Rule], body_size: float,
                    left: float) -> int:
    """Index of the first footnote line of a page (``len(lines)`` when it has none).

    The footnote area is what lies under Word's separator — a short rule at the left
    margin with a gap above it (an underline touches its text) — or, without one, a run
    of small lines at the bottom whose first starts with a superscript number. Either
    way every line of the area is smaller than the body text.
    """
    n = len(lines)
    small = [line.size <= 0.88 * body_size for line in lines]
    # Longest run of small lines at the bottom of the page.
    start = n
    while start > 0 and small[start - 1]:
        start -= 1
    if start == n:
        return n
    for rule in sorted(rules, key=lambda r: r.top):
        if abs(rule.x0 - left) > 12 or rule.x1 - rule.x0 < 30:
            continue
        below = [i for i, line in enumerate(lines) if line.top >= rule.top - 1]
        if not below or below[0] < start:
            continue
        above = [line for line in lines if line.bottom <= rule.top + 1]
        if above and rule.top - above[-1].bottom < 2.5:
            continue  # an underline
        return below[0]
    for i in range(start, n):
        if lines[i].marker:
            return i
    return n


def footnote_paragraphs(lines: Sequence[Line]) -> list[tuple[str | None, str]]:
    """The footnotes of one page: (number, text) per footnote paragraph; a paragraph that
    continues a footnote from the page before has number None and comes first."""
    out: list[tuple[str | None, list[Line]]] = []
    for line in lines:
        if line.marker or not out:
            out.append((line.marker, [line]))
            continue
        prev = out[-1][1][-1]
        if opens_item(line.text) and _SENTENCE_END.search(prev.text) and out[-1][0] is not None:
            out.append((out[-1][0], [line]))
        else:
            out[-1][1].append(line)
    return [(number, join_lines([ln.text for ln in group])) for number, group in out]


# ---------------------------------------------------------------------------------------------
# 4. Two-column blocks


def broken_at_end(text: str) -> bool:
    """Whether ``text`` ends inside a word or symbol that goes on in the next line or cell: at a
    hyphen right after a word (``117/QĐ-``, not ``kinh tế -``) or at a slash.

    >>> broken_at_end("Thông tư số 04/2020/TT-"), broken_at_end("kinh tế -"), broken_at_end("số 12/")
    (True, False, True)
    """
    return (text.endswith("-") and len(text) >= 2 and not text[-2].isspace()) or text.endswith("/")


def join_lines(texts: Iterable[str]) -> str:
    """Wrapped lines as one text: a space between them, none after a hyphen that ends a
    word (``117/QĐ-`` + ``UBND``: Word breaks symbols at their hyphen) or after a slash;
    a soft hyphen at a line end is dropped.

    >>> join_lines(["Quyết định số 117/QĐ-", "UBND ngày 17/01/2025", "kinh tế -", "xã hội"])
    'Quyết định số 117/QĐ-UBND ngày 17/01/2025 kinh tế - xã hội'
    """
    out = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if not out:
            out = text
        elif out.endswith("\u00ad"):
            out = out[:-1] + text
        elif broken_at_end(out):
            out += text
        else:
            out += " " + text
    return out


def column_divider(lines: Sequence[Line], lo: float, hi: float, min_width: float = 8.0) -> float | None:
    """The x of the widest strip between ``lo`` and ``hi``, at least ``min_width`` wide,
    that no word of ``lines`` covers: where a two-column block splits. None when the words
    leave no such strip (the gaps between the words of one justified line are narrower)."""
    spans = sorted((w.x0, w.x1) for line in lines for w in line.words)
    best: tuple[float, float] | None = None
    reach = None
    for x0, x1 in spans:
        if reach is not None and x0 > reach:
            a, b = max(reach, lo), min(x0, hi)
            if b - a >= min_width and (best is None or b - a > best[1] - best[0]):
                best = (a, b)
        reach = x1 if reach is None else max(reach, x1)
    if best is None:
        return None
    return (best[0] + best[1]) / 2


def _split(line: Line, divider: float) -> tuple[Line | None, Line | None]:
    left = [w for w in line.words if (w.x0 + w.x1) / 2 < divider]
    right = [w for w in line.words if (w.x0 + w.x1) / 2 >= divider]
    return (line.part(left) if left else None), (line.part(right) if right else None)


@dataclass
class Zone:
    """A two-column block: the lines it takes (indexes into the page's lines), its rows of
    cells (each cell its lines joined by newlines) and where its columns split."""

    indexes: list[int]
    rows: list[list[str]]
    divider: float = 0.0


def header_zone(lines: Sequence[Line], left: float, right: float) -> Zone | None:
    """The header block at the top of a page: issuer | Quốc hiệu, then ``Số:`` | place and
    date (and a ``V/v`` trích yếu under the number). None when the page does not start so:
    no ``Số`` or date line among its first lines, or no empty strip between two columns.

    Rows come out as ``[[issuer lines, Quốc hiệu lines], [Số + V/v lines, date line]]``, so
    the text reads in the order the metadata extractor expects.
    """
    head = list(lines[:12])
    number_at = date_at = None
    width = right - left
    for i, line in enumerate(head):
        if number_at is None and has_mark("number", line.text):
            number_at = i
        if date_at is None and has_mark("date", line.text):
            date_at = i
    found = [i for i in (number_at, date_at) if i is not None]
    if not found:
        return None
    end = max(found)
    zone = head[:end + 1]
    if len(zone) < 2:
        return None  # a body line that happens to hold a date
    divider = column_divider(zone, left + 0.2 * width, left + 0.7 * width)
    if divider is None:
        return None
    # ``Số`` stands in the left column, the place and date in the right one.
    if number_at is not None and not has_mark(
            "number", " ".join(w.text for w in head[number_at].words if w.x0 < divider)):
        return None
    if date_at is not None and not has_mark("date", " ".join(w.text for w in head[date_at].words if w.x0 > divider)):
        return None
    indexes = list(range(end + 1))
    # A V/v line (trích yếu of a Công văn) under the number belongs to the left column.
    for i in range(end + 1, min(end + 5, len(lines))):
        line = lines[i]
        if line.x1 > divider + 2:
            break
        if i == end + 1 and not _is("subject", line.text):
            break
        indexes.append(i)
    # The left column's second row starts at ``Số``, the right column's at the date.
    parts: list[list[list[str]]] = [[[], []], [[], []]]
    split_at = [number_at if number_at is not None else end + 1, date_at if date_at is not None else end + 1]
    for i in indexes:
        for col, piece in enumerate(_split(lines[i], divider)):
            if piece is not None:
                parts[1 if i >= split_at[col] else 0][col].append(piece.text)
    rows = [["\n".join(cell) for cell in row] for row in parts]
    return Zone(indexes, [row for row in rows if any(row)], divider)


def signature_zone(lines: Sequence[Line], left: float, right: float) -> Zone | None:
    """The ``Nơi nhận`` | signature block (or a signature alone) at the end of a page:
    its left column lines, then its right column lines (authority ``TM.``/``KT.``, position,
    name). Recipients wrapped over two lines are joined. None when the page has neither.
    """
    width = right - left
    mid = left + width / 2
    start = next((i for i, line in enumerate(lines)
                  if _is("recipients", line.text) and line.x0 < mid), None)
    if start is None:
        start = next((i for i, line in enumerate(lines)
                      if line.x0 >= mid - 0.1 * width and _is("signing", line.text)), None)
        if start is None:
            return None
    # The signature column may begin a line or two above ``Nơi nhận``.
    while start > 0:
        prev = lines[start - 1]
        if prev.x0 >= mid - 0.1 * width and (_is("signing", prev.text) or prev.text.isupper()) \
                and lines[start].top - prev.bottom < 2 * prev.size:
            start -= 1
        else:
            break
    candidates = list(lines[start:])
    # The block grows line by line as long as its two columns keep a strip between them.
    divider = None
    for k in range(1, len(candidates) + 1):
        found = column_divider(candidates[:k], left + 0.25 * width, left + 0.75 * width)
        if found is None and divider is not None:
            candidates = candidates[:k - 1]
            break
        divider = found if found is not None else divider
    if divider is None:
        signing = [w.x0 for line in candidates for w in line.words[:1] if _is("signing", line.text)]
        divider = min(signing) - 1 if signing else mid
    indexes: list[int] = []
    left_lines: list[str] = []
    right_lines: list[str] = []
    for offset, line in enumerate(candidates):
        if any(w.x0 < divider - 1 < w.x1 for w in line.words):
            break  # a line across the divider: the block is over
        indexes.append(start + offset)
        a, b = _split(line, divider)
        if a is not None:
            _add_recipient_line(left_lines, a.text)
        if b is not None:
            right_lines.append(b.text)
    if not indexes:
        return None
    return Zone(indexes, [["\n".join(left_lines), "\n".join(right_lines)]], divider)


def _add_recipient_line(lines: list[str], text: str) -> None:
    """A line of the ``Nơi nhận`` column: a new item, or the rest of a wrapped one."""
    if lines and not _is("recipients", lines[-1]) and not opens_item(text) and not _is("recipients", text):
        lines[-1] = join_lines([lines[-1], text])
    else:
        lines.append(text)


def continue_signature(zone: Zone, lines: Sequence[Line]) -> int:
    """How many of the first lines of a page carry on a signature block that the page
    before ended with (its recipient list or the signer's name went over the page break);
    ``zone`` gets them. Only recipient items (``- ...``) and short lines of the right
    column qualify: anything else, or a line across the columns, ends the block."""
    taken = 0
    left = zone.rows[0][0].split("\n") if zone.rows[0][0] else []
    right = zone.rows[0][1].split("\n") if zone.rows[0][1] else []
    for line in lines:
        if any(w.x0 < zone.divider - 1 < w.x1 for w in line.words):
            break
        a, b = _split(line, zone.divider)
        if a is not None and not _RECIPIENT_ITEM.match(a.text):
            break
        if b is not None and len(b.words) > 8:
            break
        if a is not None:
            _add_recipient_line(left, a.text)
        if b is not None:
            right.append(b.text)
        taken += 1
    if taken:
        zone.rows[0] = ["\n".join(left), "\n".join(right)]
    return taken


# ---------------------------------------------------------------------------------------------
# 5. Paragraphs


@dataclass
class Margins:
    """The text area of a page: where lines start and end."""

    left: float
    right: float

    @property
    def width(self) -> float:
        return self.right - self.left


def margins(lines: Sequence[Line], body_size: float, default: Margins | None = None) -> Margins:
    """Left margin: the x most body-size lines start at; right: where most full lines end."""
    body = [line for line in lines if abs(line.size - body_size) <= 1.5 and len(line.words) > 2]
    if len(body) < 3:
        if default is not None:
            return default
        body = list(lines)
    if not body:
        return Margins(0.0, 1.0)
    lefts = Counter(round(line.x0) for line in body)
    left = float(min(k for k, c in lefts.items() if c == max(lefts.values())))
    ends = sorted(line.x1 for line in body)
    right = ends[round(0.9 * (len(ends) - 1))]
    if right - left < 50 and default is not None:
        return default
    return Margins(left, max(right, left + 50))


@dataclass
class Para:
    """A paragraph being built: what the next line needs to know of it (``text`` is its
    last line: only how that ends matters)."""

    text: str
    page: int
    last: Line
    centered: bool
    margins: Margins


def is_centered(line: Line, m: Margins) -> bool:
    """Whether a line stands in the middle of the text area (a title, ``Kính gửi``): it
    keeps off both margins by about the same distance.

    >>> m = Margins(85, 539)
    >>> is_centered(Line([Word("BÁO CÁO", 279, 344)], 0, 14, 14), m)
    True
    >>> is_centered(Line([Word("Trong năm 2025", 121, 539)], 0, 14, 14), m)
    False
    """
    gap_left = line.x0 - m.left
    gap_right = m.right - line.x1
    return gap_left > 2.0 and gap_right > 2.0 and abs(gap_left - gap_right) <= max(0.04 * m.width, line.size)


def _short(line: Line, m: Margins) -> bool:
    return m.right - line.x1 > 2.0 * line.size


def starts_paragraph(prev: Para, line: Line, m: Margins, pitch: float) -> bool:
    """Whether ``line`` begins a new paragraph after ``prev`` (on the same page)."""
    text = line.text
    centered = is_centered(line, m)
    last = prev.last
    if centered or prev.centered:
        if not (centered and prev.centered):
            return True
        wrapped = last.x1 - last.x0 >= 0.7 * m.width
        same_style = last.bold == line.bold and abs(last.size - line.size) < 1 and \
            last.text.isupper() == text.isupper()
        return not ((wrapped and same_style) or continues(prev.text, text))
    if pitch and line.top - last.top > 1.6 * pitch:
        return True  # space before the paragraph
    if line.x0 - m.left > 0.6 * line.size:
        return True  # first-line indent
    if opens_item(text) and (_short(last, m) or _SENTENCE_END.search(prev.text)):
        return True
    # A marked label (``1.``, ``I-``, ``1/``): a bare one may be a reference going on (``... khoản
    # 1`` / ``Điều 12 Nghị định ...``) or a word of a line in capitals (``VI PHẠM HÀNH CHÍNH``).
    label = item_label_end(text)
    if label is None and (caption := _CAPTION.match(text)) is not None:
        label = caption.end()
    # After a line ending in a number, not a label named by its word: ``... khoản 2`` / ``Điều 5.
    # Trường hợp ...`` is a reference going on.
    if label is not None and (in_capitals(text) or (prev.text[-1:].isdigit() and WORD_LABEL.match(text) is None
                                                    and text[label:].strip()[:1].isupper())):
        # A heading in capitals (``I. KẾT QUẢ THỰC HIỆN``, ``I- TÌNH HÌNH ...``), or an item
        # opening with a capital after a line ending in a number (a title's year: ``... năm
        # 2023`` / ``1. Kết quả ...``, ``1- Các đồng chí ...``), under a full line: no line goes
        # on that way.
        return True
    if line.bold and not last.bold:
        return True
    if last.bold and not line.bold and _SENTENCE_END.search(prev.text):
        return True
    return _short(last, m) and not continues(prev.text, text)


def continues(previous: str, following: str) -> bool:
    """Whether ``following`` carries on a sentence that ``previous`` broke off.

    >>> continues("đổi mới công", "tác dân vận"), continues("năm 2025.", "Trong đó")
    (True, False)

    A line that ends in a hyphen breaks a word or a symbol (``428/TTXT-`` / ``ĐTDN``); one that
    ends in two is a rule drawn with them (``-----o0o-----`` over ``TỜ TRÌNH``):

    >>> continues("theo Công văn số 428/TTXT-", "ĐTDN"), continues("-----o0o-----", "TỜ TRÌNH")
    (True, False)
    """
    if not following or not previous:
        return False
    if previous.endswith(("-", "/", ",")) and following[0].isalnum() and not previous.endswith("--"):
        return following[0].islower() or previous.endswith(("-", "/"))
    return bool(_ENDS_OPEN.search(previous)) and following[0].islower()


def continues_on_next_page(prev: Para, line: Line, m: Margins) -> bool:
    """Whether the first line of a page carries on the last paragraph of the page before:
    it starts at the margin, is no list item or heading, and the paragraph before ran to
    the right margin (or its sentence is plainly unfinished)."""
    text = line.text
    if is_centered(line, m) or prev.centered:
        return False
    if line.x0 - m.left > 0.6 * line.size or opens_item(text) or (line.bold and not prev.last.bold):
        return False
    if continues(prev.text, text):
        return True
    return not _short(prev.last, prev.margins) and not _SENTENCE_END.search(prev.text)


def line_pitch(lines: Sequence[Line], body_size: float) -> float:
    """The usual distance between the tops of two lines of body text (line spacing)."""
    steps = Counter(round(b.top - a.top) for a, b in itertools.pairwise(lines)
                    if abs(a.size - body_size) <= 1 and abs(b.size - body_size) <= 1 and b.top > a.top)
    if not steps:
        return 0.0
    return float(max(steps.items(), key=lambda kv: (kv[1], -kv[0]))[0])


def body_size(sizes: Counter[float]) -> float:
    """The size most of a document's glyphs have: its body text.

    >>> body_size(Counter({14.0: 900, 10.0: 300}))
    14.0
    """
    if not sizes:
        return 12.0
    return max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0]
