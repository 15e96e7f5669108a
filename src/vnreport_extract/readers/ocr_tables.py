"""Ruled tables (bảng kẻ ô) on scanned pages: the grid from the image, the cells' text from the
page's OCR words, the numbers read again cell by cell where the page's reading garbled them.

Flow for one page image (greyscale, as :mod:`.ocr` rasterised it for Tesseract):

1. **Rules.** The page is binarised (Otsu's threshold) and every run of ink along a pixel row
   (column) at least a quarter of an inch long is kept: letters are shorter, rules longer.
   Runs on neighbouring rows that touch are chained into strokes, so a rule drawn at a slant
   (a page turned by up to about a degree) is one stroke made of short steps; a stroke thicker
   than a rule (a filled box, a photo, a QR code) is no rule.
2. **Grid.** The slant is measured on the strokes and taken out (coordinates turned back by
   it); strokes on one line are one rule however broken. Horizontal and vertical rules that
   cross form a table when there are at least three of each: a grid of at least 2 × 2 cells.
   A rule under the issuer's name, an underline or a signature line crosses nothing. Where a
   rule between two neighbouring slots of the grid is missing, they are one merged cell.
3. **Cells.** The page's OCR words (Tesseract's TSV boxes) go to the cell their centre falls
   in, read line by line; they are taken out of the page's running text. In a column of
   numbers (most of its body cells hold digits) a cell the page's reading left as no clean
   number, or read without confidence, is read again: the cells to read are cut out with the
   rules whitened, stacked into one image and read by one Tesseract run (one text line per
   cell, digits, comma, full stop and ``%`` only) — the page's reading glues rules to the
   digits (``|7857|`` for ``78,57``, ``14/29`` for ``14,29``).
4. The cells are a ``table`` block like the DOCX and PDF readers' (cell texts, merged cells
   repeated and flagged), which the pipeline types with the same table builder: a scanned
   satisfaction table gives the same rows as its DOCX. A table that ends one page and goes on
   at the top of the next with the same columns is one table (the PDF reader's rules: a
   repeated header dropped, a row cut by the page break joined).
"""

from __future__ import annotations

import bisect
import statistics
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ..document import Block
from ..extract.tables import cell_number
from . import system
from .ocr_tsv import parse_tsv
from .pdf_layout import join_lines
from .table_parts import TableData, continue_table, same_columns

# Ink runs longer than this (inches) are rule candidates; text strokes are shorter.
_MIN_RUN_IN = 0.25
# A rule is at most this thick (inches, after the one-pixel thickening that bridges a slant).
_MAX_THICKNESS_IN = 0.045
# Rules of one grid line lie within this distance of each other (inches).
_SNAP_IN = 0.04
# A rule that stops this short (inches) of another still meets it: a break in a scanned rule
# next to a crossing leaves a piece too short to be taken for a rule.
_REACH_IN = 0.15
# The steepest slant taken for a scanned page's rules: tan(1.5°).
_MAX_SLOPE = 0.027
# A line that runs on this far (inches) past the rules it crosses, at both ends, is no table's.
_STRAY_IN = 1.0
# A rule uninked for this long (inches) is two: a text line at least lies between them (a
# break in a scanned rule is a few pixels).
_GAP_IN = 0.3
# A rule chained to others through ink that crosses them runs at least this share of their
# group's length (see :func:`_bands`).
_CHAINED_RULE = 0.75
# A dotted rule (see :func:`dotted_strokes`): its dots at most this far apart (inches), filling
# at least this share of its length, with the rows this far (inches) above and below it filling
# at most this share.
_DOT_GAP_IN = 0.02
_DOTTED_FILL = 0.5
_DOTTED_CLEAR_IN = 0.03
_DOTTED_CLEAR = 0.15
# Row lines that run on this far (inches) past a table's last column line make one more column:
# its side is unruled, or cut off by the scan's edge.
_OPEN_COLUMN_IN = 0.3


class Word(Protocol):
    """A word the OCR read, with its box in page pixels (:class:`.ocr.Word` is one)."""

    @property
    def text(self) -> str: ...
    @property
    def left(self) -> int: ...
    @property
    def top(self) -> int: ...
    @property
    def right(self) -> int: ...
    @property
    def bottom(self) -> int: ...
    @property
    def conf(self) -> float: ...


W = TypeVar("W", bound=Word)


@dataclass
class Rule:
    """A ruled line of the page, in deskewed coordinates: ``at`` is its position across (y of a
    horizontal rule, x of a vertical one), ``pieces`` the spans along it that are inked."""

    at: float
    pieces: list[tuple[float, float]]

    @property
    def start(self) -> float:
        return min(a for a, _ in self.pieces)

    @property
    def end(self) -> float:
        return max(b for _, b in self.pieces)

    def covered(self, a: float, b: float, slack: float) -> float:
        """How much of ``a``–``b`` its pieces cover (each piece widened by ``slack``)."""
        spans = sorted((max(a, p0 - slack), min(b, p1 + slack)) for p0, p1 in self.pieces)
        total, reach = 0.0, a
        for s, e in spans:
            if e <= reach:
                continue
            total += e - max(s, reach)
            reach = e
        return total


@dataclass
class Grid:
    """A table's grid in deskewed pixel coordinates: column edges ``xs``, row edges ``ys`` and,
    for each slot (row, column), the index of the cell it belongs to (merged slots share one)."""

    xs: list[float]
    ys: list[float]
    cells: list[list[int]]
    skew: float = 0.0
    # Whether the last column's right side is no rule but where the row lines end (see
    # :func:`_open_right`): unruled, or cut off by the scan's edge.
    open_right: bool = False

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.ys) - 1, len(self.xs) - 1

    def boxes(self) -> dict[int, tuple[float, float, float, float]]:
        """Each cell's box (left, top, right, bottom), deskewed."""
        out: dict[int, tuple[float, float, float, float]] = {}
        for r, row in enumerate(self.cells):
            for c, cell in enumerate(row):
                box = (self.xs[c], self.ys[r], self.xs[c + 1], self.ys[r + 1])
                old = out.get(cell)
                out[cell] = box if old is None else (min(old[0], box[0]), min(old[1], box[1]),
                                                     max(old[2], box[2]), max(old[3], box[3]))
        return out


# ---------------------------------------------------------------------------------------------
# Rules from the image


def otsu(hist: Any) -> int:
    """Otsu's threshold of a greyscale image's histogram (the level that best splits ink from
    paper)."""
    import numpy as np

    hist = hist.astype(np.float64)
    total = hist.sum()
    levels = np.arange(256, dtype=np.float64)
    weight = np.cumsum(hist)
    mean = np.cumsum(hist * levels)
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mean[-1] * weight / total - mean) ** 2 / (weight * (total - weight))
    return int(np.argmax(np.nan_to_num(between))) if total else 128


def binarise(grey: Any) -> Any:
    """Ink that may be a rule, as a boolean array: pixels darker than halfway between Otsu's
    threshold and the paper (the commonest level). A thin rule, blurred by the scanner, is
    lighter than the letters: at 200 dpi a 0.5 pt border comes out at grey 150 to 190."""
    import numpy as np
    from PIL import Image

    # PIL's histogram of the same pixels: a third of the time of NumPy's bincount.
    hist = np.asarray(Image.fromarray(grey).histogram()) if grey.dtype == np.uint8 and grey.ndim == 2 \
        else np.bincount(grey.ravel(), minlength=256)
    paper = int(np.argmax(hist))
    threshold = min(200, max(100, otsu(hist)))
    return grey < max(threshold, min(230, (threshold + paper) // 2))


def _long_runs(ink: Any, min_len: int) -> tuple[Any, Any, Any]:
    """Runs of ink along each row at least ``min_len`` long: (rows, starts, ends), ends
    exclusive, in row order."""
    import numpy as np

    h, w = ink.shape
    padded = np.zeros((h, w + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    d = np.diff(padded, axis=1)
    rows, starts = np.nonzero(d == 1)
    _, ends = np.nonzero(d == -1)
    keep = ends - starts >= min_len
    return rows[keep], starts[keep], ends[keep]


@dataclass
class _Stroke:
    """Chained runs: a rule as drawn, maybe slanted. ``a0``–``a1`` along it; ``fit`` its
    cross position at a point along it."""

    a0: int
    a1: int
    slope: float
    intercept: float
    thickness: float

    def across(self, a: float) -> float:
        return self.intercept + self.slope * a


def _strokes(ink: Any, dpi: int) -> list[_Stroke]:
    """The horizontal strokes of ``ink`` (transpose it for the vertical ones)."""
    # Rows thickened by one pixel up and down: a thin rule at a slant is a staircase of short
    # steps; thickened, its steps overlap into runs long enough to be kept.
    thick = ink.copy()
    thick[1:] |= ink[:-1]
    thick[:-1] |= ink[1:]
    rows, starts, ends = _long_runs(thick, max(12, round(_MIN_RUN_IN * dpi)))
    n = len(rows)
    if n == 0:
        return []
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Runs of one row are consecutive (row-major order); link each to the runs of the two rows
    # above that it touches.
    first_of_row: dict[int, int] = {}
    for i, r in enumerate(rows.tolist()):
        first_of_row.setdefault(r, i)
    rl, sl, el = rows.tolist(), starts.tolist(), ends.tolist()
    for i in range(n):
        r = rl[i]
        for above in (r - 1, r - 2):
            j = first_of_row.get(above)
            if j is None:
                continue
            while j < n and rl[j] == above:
                if sl[j] <= el[i] + 1 and sl[i] <= el[j] + 1:
                    a, b = find(i), find(j)
                    if a != b:
                        parent[a] = b
                j += 1
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    out: list[_Stroke] = []
    max_thick = _MAX_THICKNESS_IN * dpi + 2
    for members in groups.values():
        for band in _bands(members, rl, sl, el, dpi):
            stroke = _fitted(band, rl, sl, el, dpi, max_thick)
            if stroke is not None:
                out.append(stroke)
    return out


def _bands(members: list[int], rows: list[int], starts: list[int], ends: list[int], dpi: int) -> list[list[int]]:
    """The runs of a group (``members``, indices into ``rows``, ``starts``, ``ends``) split into
    the rules they hold. A group higher than one rule at the steepest slant is rules chained
    through other ink that crosses them (a seal stamped over a table's head, its ring and
    letters touching two or three rules): each band of rows long runs fill (a rule's rows) is
    one when it runs most of the group's length; the ink between the bands, in rows no long run
    fills, is left out. Any other group is one stroke, as it is."""
    a0 = min(starts[i] for i in members)
    a1 = max(ends[i] for i in members)
    top = min(rows[i] for i in members)
    bottom = max(rows[i] for i in members)
    if bottom - top + 1 <= _MAX_THICKNESS_IN * dpi + 2 + _MAX_SLOPE * (a1 - a0):
        return [members]
    by_row: dict[int, list[int]] = {}
    for i in members:
        by_row.setdefault(rows[i], []).append(i)
    rule_rows = sorted(r for r, runs in by_row.items()
                       if sum(ends[i] - starts[i] for i in runs) >= 2 * _MIN_RUN_IN * dpi)
    bands: list[list[int]] = []
    last = None
    for r in rule_rows:
        if last is None or r - last > 2:
            bands.append([])
        bands[-1].append(r)
        last = r
    split = [[i for r in range(band[0], band[-1] + 1) for i in by_row.get(r, ())] for band in bands]
    # The rules run the group's length (the ink that chains them lies between their ends); a
    # band shorter is a piece of that ink (a seal's ring), and with fewer than two rules the
    # group is what it was.
    least = _CHAINED_RULE * (a1 - a0)
    rules = [b for b in split if max(ends[i] for i in b) - min(starts[i] for i in b) >= least]
    return rules if len(rules) >= 2 else [members]


def _fitted(members: list[int], rl: list[int], sl: list[int], el: list[int], dpi: int,
            max_thick: float) -> _Stroke | None:
    """The stroke of chained runs, None when they are no rule: too short, too thick (a filled
    shape), too steep."""
    import numpy as np

    s = np.array([sl[i] for i in members], dtype=np.float64)
    e = np.array([el[i] for i in members], dtype=np.float64)
    y = np.array([rl[i] for i in members], dtype=np.float64)
    a0, a1 = int(s.min()), int(e.max())
    length = a1 - a0
    if length < 2 * _MIN_RUN_IN * dpi:
        return None
    thickness = float((e - s).sum()) / length
    if thickness > max_thick:
        return None  # a filled shape: a box, a photo, a QR code
    # The line through the runs' pixels (least squares of the row on the position along):
    # a run's middle is no point of the line when the runs are as long as the stroke.
    count = e - s
    n_all = count.sum()
    sum_a = (s + e - 1) * count / 2
    sum_aa = ((e - 1) * e * (2 * e - 1) - (s - 1) * s * (2 * s - 1)) / 6
    sa, saa, sy, say = sum_a.sum(), sum_aa.sum(), (y * count).sum(), (y * sum_a).sum()
    denominator = n_all * saa - sa * sa
    slope = float((n_all * say - sa * sy) / denominator) if denominator > 0 else 0.0
    intercept = float((sy - slope * sa) / n_all)
    if abs(slope) > _MAX_SLOPE:
        return None
    return _Stroke(a0, a1, slope, intercept, thickness)


def _skew(horizontal: Sequence[_Stroke], vertical: Sequence[_Stroke]) -> float:
    """The page's slant (tan of the angle) from its strokes, longest first: horizontal rules
    go down by it, vertical ones left by it."""
    pairs = [(s.slope, s.a1 - s.a0) for s in horizontal] + [(-s.slope, s.a1 - s.a0) for s in vertical]
    if not pairs:
        return 0.0
    pairs.sort()
    half = sum(w for _, w in pairs) / 2
    acc = 0.0
    for slope, w in pairs:
        acc += w
        if acc >= half:
            return slope
    return pairs[-1][0]


def _rules(strokes: Sequence[_Stroke], skew: float, horizontal: bool, snap: float) -> list[Rule]:
    """Strokes in deskewed coordinates, those on one line (within ``snap``) as one rule. For a
    horizontal stroke (x along, y across) deskewed y is y − skew·x and x is x + skew·y; for a
    vertical one (y along, x across) x is x + skew·y and y is y − skew·x."""
    items: list[tuple[float, float, float]] = []
    for s in strokes:
        ends = []
        for a in (s.a0, s.a1):
            c = s.across(a)
            x, y = (a, c) if horizontal else (c, a)
            u, v = x + skew * y, y - skew * x
            ends.append((u, v) if horizontal else (v, u))
        (a0, c0), (a1, c1) = ends
        items.append(((c0 + c1) / 2, min(a0, a1), max(a0, a1)))
    items.sort()
    rules: list[Rule] = []
    for at, a0, a1 in items:
        if rules and at - rules[-1].at <= snap:
            rule = rules[-1]
            n = len(rule.pieces)
            rule.at = (rule.at * n + at) / (n + 1)
            rule.pieces.append((a0, a1))
        else:
            rules.append(Rule(at, [(a0, a1)]))
    return rules


# ---------------------------------------------------------------------------------------------
# Grids from rules


def _crossing(h: Rule, v: Rule, reach: float) -> bool:
    return h.start - reach <= v.at <= h.end + reach and v.start - reach <= h.at <= v.end + reach


def split_at_gaps(rules: Sequence[Rule], gap: float) -> list[tuple[Rule, Rule]]:
    """Each rule cut where its pieces leave more than ``gap`` uninked, each part with the rule
    it is cut from: the aligned borders of two tables one above the other, with a heading
    between them, are two rules, not one that ties the tables into one grid."""
    out: list[tuple[Rule, Rule]] = []
    for rule in rules:
        part: list[tuple[float, float]] = []
        for a, b in sorted(rule.pieces):
            if part and a - max(e for _, e in part) > gap:
                out.append((Rule(rule.at, part), rule))
                part = []
            part.append((a, b))
        out.append((Rule(rule.at, part), rule))
    return out


def _clusters(values: list[float], snap: float) -> list[float]:
    out: list[list[float]] = []
    for x in sorted(values):
        if out and x - out[-1][-1] <= snap:
            out[-1].append(x)
        else:
            out.append([x])
    return [statistics.fmean(c) for c in out]


def table_rules(horizontal: Sequence[Rule], vertical: Sequence[Rule],
                dpi: int) -> tuple[list[Rule], list[Rule]]:
    """The rules that can be a table's: each crosses at least two of the other direction (a
    row line meets the table's left and right borders, a column line its top and bottom).

    A line the scanner drew down the whole page (a dirty glass) is no column line: it runs on
    past the rules it crosses by more than :data:`_STRAY_IN` at both ends, where a table's
    column lines stop at its borders (or, cut by a page break, at one of them). Dropped, it no
    longer ties the table to the rule under the issuer's name or the Quốc hiệu, which it
    crosses and no other line does; those then cross too few lines to stay."""
    reach, stray = _REACH_IN * dpi, _STRAY_IN * dpi
    hs, vs = list(horizontal), list(vertical)

    def crossed(rule: Rule, others: list[Rule], rule_is_h: bool) -> list[Rule]:
        return [o for o in others if (_crossing(rule, o, reach) if rule_is_h else _crossing(o, rule, reach))]

    def runs_on(rule: Rule, across: list[Rule]) -> bool:
        return len(across) >= 2 and rule.start < min(o.at for o in across) - stray \
            and rule.end > max(o.at for o in across) + stray

    while True:
        keep_h = [h for h in hs if len(c := crossed(h, vs, True)) >= 2 and not runs_on(h, c)]
        keep_v = [v for v in vs if len(c := crossed(v, keep_h, False)) >= 2 and not runs_on(v, c)]
        if (len(keep_h), len(keep_v)) == (len(hs), len(vs)):
            return hs, vs
        hs, vs = keep_h, keep_v


def grids(horizontal: Sequence[Rule], vertical: Sequence[Rule], dpi: int) -> list[Grid]:
    """The tables the rules make: groups of crossing rules (see :func:`table_rules`) with at
    least three row lines and three column lines (2 × 2 cells), slots joined where the rule
    between them is missing."""
    tol, reach = _SNAP_IN * dpi, _REACH_IN * dpi
    whole_h, whole_v = table_rules(horizontal, vertical, dpi)
    # Grouped by their inked parts (see :func:`split_at_gaps`); a grid's cells are read off the
    # whole rules.
    parts_h, parts_v = split_at_gaps(whole_h, _GAP_IN * dpi), split_at_gaps(whole_v, _GAP_IN * dpi)
    horizontal = [part for part, _ in parts_h]
    vertical = [part for part, _ in parts_v]
    n_h = len(horizontal)
    parent = list(range(n_h + len(vertical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(horizontal):
        for j, v in enumerate(vertical):
            if _crossing(h, v, reach):
                a, b = find(i), find(n_h + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, list[int]] = {}
    for i in range(len(parent)):
        groups.setdefault(find(i), []).append(i)
    out: list[Grid] = []
    for members in groups.values():
        hs = [horizontal[i] for i in members if i < n_h]
        vs = [vertical[i - n_h] for i in members if i >= n_h]
        ys = _clusters([h.at for h in hs], tol)
        xs = _clusters([v.at for v in vs], tol)
        if len(ys) < 3 or len(xs) < 3:
            continue
        # Each whole rule once, in the order of its parts.
        whole_hs = list({id(w): w for i in members if i < n_h for w in [parts_h[i][1]]}.values())
        whole_vs = list({id(w): w for i in members if i >= n_h for w in [parts_v[i - n_h][1]]}.values())
        right = _open_right(hs, ys, xs[-1], _OPEN_COLUMN_IN * dpi, tol)
        grid = _grid([*xs, right] if right is not None else xs, ys, whole_hs, whole_vs, tol)
        grid.open_right = right is not None
        out.append(grid)
    out.sort(key=lambda g: g.ys[0])
    return out


def _open_right(rules: Sequence[Rule], ys: Sequence[float], last: float, least: float, tol: float) -> float | None:
    """Where a table's last column ends when no rule closes it: most of its row lines (at
    ``ys``, drawn by the inked parts ``rules``), and three at least, run on ``least`` or more past
    its last column line ``last`` (cv-682: the scan cut the column ``Năm 2012`` off at the page's
    edge, its row lines running on to there). ``None`` when the last column line is the table's
    side (a title's underline or a total line drawn on past it: one or two lines)."""
    # Each row line once, however many parts it was inked in: where its furthest part ends.
    reach = [max((r.end for r in rules if abs(r.at - y) <= tol), default=last) for y in ys]
    ends = sorted(e for e in reach if e >= last + least)
    if len(ends) < 3 or 2 * len(ends) <= len(ys):
        return None
    return ends[len(ends) // 2]


def _grid(xs: list[float], ys: list[float], hs: Sequence[Rule], vs: Sequence[Rule], tol: float) -> Grid:
    rows, cols = len(ys) - 1, len(xs) - 1
    parent = list(range(rows * cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def ruled(rules: Sequence[Rule], at: float, a: float, b: float) -> bool:
        # Half the side inked (the rule's ends at the crossings left aside): a broken rule
        # still separates; a missing one merges.
        inner_a, inner_b = a + tol, b - tol
        if inner_b <= inner_a:
            inner_a, inner_b = a, b
        covered = sum(r.covered(inner_a, inner_b, tol / 2) for r in rules if abs(r.at - at) <= tol)
        return covered >= 0.5 * (inner_b - inner_a)

    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not ruled(vs, xs[c + 1], ys[r], ys[r + 1]):
                parent[find(r * cols + c)] = find(r * cols + c + 1)
            if r + 1 < rows and not ruled(hs, ys[r + 1], xs[c], xs[c + 1]):
                parent[find(r * cols + c)] = find((r + 1) * cols + c)
    cells = [[find(r * cols + c) for c in range(cols)] for r in range(rows)]
    return Grid(xs, ys, cells)


def gaps_filled(ink: Any, gap: int) -> Any:
    """``ink`` (a boolean array) with every gap of at most ``gap`` pixels between two inked
    pixels of a row inked: a pixel is filled when ink lies ``d1`` to its left and ``d2`` to its
    right with ``d1 + d2 - 1 <= gap`` (a few shifted copies of the array, no pass per pixel).

    >>> import numpy as np
    >>> row = np.array([[1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0]], dtype=bool)
    >>> gaps_filled(row, 2).astype(int).tolist()
    [[1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0]]
    """
    import numpy as np

    out = ink.copy()
    for d1 in range(1, gap + 1):
        left = np.zeros_like(ink)
        left[:, d1:] = ink[:, :-d1]  # ink d1 pixels to the left
        right = np.zeros_like(ink)
        for d2 in range(1, gap + 2 - d1):
            right[:, :-d2] |= ink[:, d2:]  # ink d2 pixels to the right
        out |= left & right
    return out


def dotted_strokes(ink: Any, dpi: int, grid: Grid, strokes: Sequence[_Stroke]) -> list[_Stroke]:
    """The row lines drawn dotted or dashed inside ``grid`` (Word's dotted borders between a
    table's rows): no run of them is a rule's length, so :func:`_strokes` finds none. Here the
    gaps of at most ``_DOT_GAP_IN`` along each row of the grid's box are filled first; a stroke
    of that ink is a dotted rule when the ink along it fills ``_DOTTED_FILL`` of its length and
    the rows just above and below it are clear (``_DOTTED_CLEAR``): a line of text filled so is
    tall and dense, and as thick as a filled shape. Strokes of ``strokes`` (the solid rules)
    are not found again. ``ink`` and ``dpi``: the image and resolution the grid was found in;
    the grid's box is taken as it lies (its slant is slight), the strokes are the image's."""

    height, width = ink.shape
    left, right = max(0, int(grid.xs[0])), min(width, int(grid.xs[-1]) + 1)
    top, bottom = max(0, int(grid.ys[0])), min(height, int(grid.ys[-1]) + 1)
    box = ink[top:bottom, left:right]
    if box.size == 0:
        return []
    closed = gaps_filled(box, max(2, round(_DOT_GAP_IN * dpi)))
    clear = max(2, round(_DOTTED_CLEAR_IN * dpi))
    out: list[_Stroke] = []
    for s in _strokes(closed, dpi):
        y = s.across((s.a0 + s.a1) / 2)
        if any(abs(o.across((s.a0 + s.a1) / 2 + left) - (y + top)) <= _SNAP_IN * dpi
               and o.a0 < s.a1 + left and s.a0 + left < o.a1 for o in strokes):
            continue
        row0, row1 = round(y - s.thickness / 2), round(y + s.thickness / 2)
        band = box[max(0, row0 - 1):row1 + 2, s.a0:s.a1].any(axis=0)
        above = box[max(0, row0 - 1 - clear):max(0, row0 - 1), s.a0:s.a1]
        below = box[row1 + 2:row1 + 2 + clear, s.a0:s.a1]
        if band.mean() < _DOTTED_FILL or any(part.size and part.any(axis=0).mean() > _DOTTED_CLEAR
                                             for part in (above, below)):
            continue
        out.append(_Stroke(s.a0 + left, s.a1 + left, s.slope, s.intercept + top - s.slope * left, s.thickness))
    return out


def find_grids(grey: Any, dpi: int, ruled_out: Sequence[tuple[int, int]] = ()) -> list[Grid]:
    """The ruled tables of a greyscale page image (a numpy ``uint8`` array), top to bottom, in
    coordinates deskewed by the grid's ``skew``. ``ruled_out``: columns (first, last) that hold
    no rule (a scanner's line down the page, with its grey edges)."""
    import numpy as np

    ink = binarise(grey)
    for first, last in ruled_out:
        ink[:, first:last + 1] = False
    # From 150 dpi on, the rules are looked for at half the resolution (a pixel is ink when any
    # of its four is): a quarter of the work, and a one-pixel rule stays one pixel.
    scale = 2 if dpi >= 150 else 1
    if scale == 2:
        h, w = (ink.shape[0] // 2) * 2, (ink.shape[1] // 2) * 2
        ink = ink[0:h:2, 0:w:2] | ink[1:h:2, 0:w:2] | ink[0:h:2, 1:w:2] | ink[1:h:2, 1:w:2]
    dpi //= scale
    horizontal = _strokes(ink, dpi)
    if len(horizontal) < 3:
        return []
    vertical = _strokes(np.ascontiguousarray(ink.T), dpi)
    if len(vertical) < 3:
        return []
    skew = _skew(horizontal, vertical)
    snap = _SNAP_IN * dpi
    columns = _rules(vertical, skew, False, snap)
    found = grids(_rules(horizontal, skew, True, snap), columns, dpi)
    # Inside the tables found, rows parted by a dotted rule (see :func:`dotted_strokes`).
    dotted = [d for g in found for d in dotted_strokes(ink, dpi, g, horizontal)]
    if dotted:
        found = grids(_rules([*horizontal, *dotted], skew, True, snap), columns, dpi)
    for g in found:
        g.skew = skew
        g.xs = [x * scale for x in g.xs]
        g.ys = [y * scale for y in g.ys]
    return found


# ---------------------------------------------------------------------------------------------
# Cells' text


def _deskewed(w: Word, skew: float) -> tuple[float, float]:
    x, y = (w.left + w.right) / 2, (w.top + w.bottom) / 2
    return x + skew * y, y - skew * x


def _rule_mark(w: Word) -> bool:
    """A cell border read as a letter (``|``, ``¡``, ``j`` at next to no confidence)."""
    alnum = sum(ch.isalnum() for ch in w.text)
    return alnum == 0 or (alnum == 1 and w.conf < 50)


# Combining marks of Vietnamese letters: the five tones, circumflex, breve, horn.
_VIETNAMESE_MARKS = set("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")


def _foreign(text: str) -> bool:
    """Whether a word has a letter Vietnamese does not write (``Tÿlệ``): a misreading.

    >>> _foreign("Tÿlệ"), _foreign("Tỷ"), _foreign("LĐTBXH")
    (True, False, False)
    """
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if ch not in _VIETNAMESE_MARKS:
                return True
        elif ch.isalpha() and not ("a" <= ch.lower() <= "z" or ch in "đĐ"):
            return True
    return False


def _cell_text(words: Sequence[Word]) -> str:
    """Words of one cell as its text: lines top to bottom (a word belongs to the line whose
    middle is within half a word height of its own), words left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        mid = (w.top + w.bottom) / 2
        if lines:
            last = lines[-1]
            last_mid = statistics.fmean((x.top + x.bottom) / 2 for x in last)
            if abs(mid - last_mid) <= 0.5 * max(w.bottom - w.top, statistics.fmean(x.bottom - x.top for x in last)):
                last.append(w)
                continue
        lines.append([w])
    return join_lines(" ".join(w.text for w in sorted(line, key=lambda w: w.left)) for line in lines)




def _is_clean_number(text: str) -> bool:
    return bool(text) and cell_number(text) is not None


@dataclass
class PageTable:
    """A table found on a page: its block, its grid and box (page pixels), the words it took."""

    block: Block
    grid: Grid
    top: float
    bottom: float
    left: float
    right: float
    dpi: int


# Read boxes of the page again: digits only or not; per box its text and confidence.
ReadCells = Callable[[list[tuple[int, int, int, int]], bool], list[tuple[str, float] | None]]


def _numeric_columns(texts: list[list[str]]) -> list[int]:
    """Columns of numbers: most of the cells of the body (the rows after the first) hold digits."""
    body = texts[1:]
    if not body:
        return []
    out = []
    for c in range(len(texts[0])):
        col = [row[c] for row in body]
        digits = sum(1 for t in col if any(ch.isdigit() for ch in t))
        letters = sum(1 for t in col if sum(ch.isalpha() for ch in t) >= 2)
        if digits * 2 > len(col) and letters * 4 < len(col):
            out.append(c)
    return out


def table_block(grid: Grid, words: Sequence[W], page: int, read_cells: ReadCells | None = None,
                unsure: float = 85.0) -> tuple[Block, list[W]]:
    """The ``table`` block of a grid and the words it took from the page: each word goes to the
    cell its centre falls in (deskewed); numbers a column of numbers was read badly in (no
    clean number, or a word under ``unsure`` confidence) are read again by ``read_cells``."""
    x0, x1, y0, y1 = grid.xs[0], grid.xs[-1], grid.ys[0], grid.ys[-1]
    rows, cols = grid.shape
    by_cell: dict[int, list[W]] = {}
    taken: list[W] = []
    for w in words:
        u, v = _deskewed(w, grid.skew)
        if not (x0 <= u <= x1 and y0 <= v <= y1):
            continue
        taken.append(w)
        c = min(cols - 1, max(0, bisect.bisect_right(grid.xs, u) - 1))
        r = min(rows - 1, max(0, bisect.bisect_right(grid.ys, v) - 1))
        by_cell.setdefault(grid.cells[r][c], []).append(w)
    by_cell = {cell: [w for w in ws if not _rule_mark(w)] for cell, ws in by_cell.items()}
    texts = {cell: _cell_text(ws) for cell, ws in by_cell.items()}
    slots = [[texts.get(cell, "") for cell in row] for row in grid.cells]
    if read_cells is not None:
        boxes = grid.boxes()
        numeric = _numeric_columns(slots)
        numbers: list[int] = []
        doubtful: list[int] = []
        for r, row in enumerate(grid.cells):
            for c, cell in enumerate(row):
                if cell in numbers or cell in doubtful:
                    continue
                ws = by_cell.get(cell, [])
                if r > 0 and c in numeric:
                    if not _is_clean_number(texts.get(cell, "")) or any(w.conf < unsure for w in ws):
                        numbers.append(cell)
                elif any(w.conf < 60 or _foreign(w.text) for w in ws):
                    doubtful.append(cell)
        for cells, digits in ((numbers, True), (doubtful, False)):
            if not cells:
                continue
            read = read_cells([_page_box(boxes[cell], grid.skew) for cell in cells], digits)
            for cell, got in zip(cells, read, strict=True):
                if got is None:
                    continue
                before = by_cell.get(cell, [])
                if (digits and _is_clean_number(got[0])) or (
                        not digits and got[1] > statistics.fmean(w.conf for w in before)):
                    texts[cell] = got[0]
        slots = [[texts.get(cell, "") for cell in row] for row in grid.cells]
    seen: set[int] = set()
    merged: list[list[bool]] = []
    for row in grid.cells:
        flags = []
        for cell in row:
            flags.append(cell in seen)
            seen.add(cell)
        merged.append(flags)
    return Block("table", page=page, rows=slots, merged=merged), taken


def _page_box(box: tuple[float, float, float, float], skew: float) -> tuple[int, int, int, int]:
    """A deskewed cell box back on the page: the box around its four corners turned by the skew."""
    left, top, right, bottom = box
    xs, ys = [], []
    for u, v in ((left, top), (right, top), (left, bottom), (right, bottom)):
        # Inverse of u = x + s·y, v = y − s·x (to first order in s).
        xs.append(u - skew * v)
        ys.append(v + skew * u)
    return round(min(xs)), round(min(ys)), round(max(xs)), round(max(ys))


# ---------------------------------------------------------------------------------------------
# Reading cells again


def whiten_rules(grey: Any, dpi: int) -> Any:
    """The page with its rules (long ink runs, a pixel around them) whitened: cut out of it, a
    cell holds its text without the borders Tesseract reads as ``|`` or ``1``."""
    import numpy as np

    ink = binarise(grey)
    min_len = max(12, round(_MIN_RUN_IN * dpi))
    lines = np.zeros_like(ink)
    for mask, transpose in ((ink, False), (ink.T, True)):
        rows, starts, ends = _long_runs(mask, min_len)
        target = lines.T if transpose else lines
        for r, s, e in zip(rows.tolist(), starts.tolist(), ends.tolist(), strict=True):
            target[r, s:e] = True
    grown = lines.copy()
    grown[1:] |= lines[:-1]
    grown[:-1] |= lines[1:]
    grown[:, 1:] |= lines[:, :-1]
    grown[:, :-1] |= lines[:, 1:]
    out = grey.copy()
    out[grown] = 255
    return out


def stack_cells(clean: Any, boxes: Sequence[tuple[int, int, int, int]], inset: int,
                gap: int) -> tuple[Any, list[tuple[int, int]]]:
    """The cells' crops (``inset`` pixels inside their boxes) one under the other on white, each
    ``gap`` pixels apart, and the vertical span each one occupies."""
    import numpy as np

    h, w = clean.shape
    crops = []
    for left, top, right, bottom in boxes:
        x0, y0 = max(0, left + inset), max(0, top + inset)
        x1, y1 = min(w, right - inset), min(h, bottom - inset)
        crops.append(clean[y0:max(y0 + 1, y1), x0:max(x0 + 1, x1)])
    width = max(c.shape[1] for c in crops) + 2 * gap
    height = sum(c.shape[0] for c in crops) + gap * (len(crops) + 1)
    sheet = np.full((height, width), 255, dtype=np.uint8)
    spans = []
    y = gap
    for c in crops:
        sheet[y:y + c.shape[0], gap:gap + c.shape[1]] = c
        spans.append((y, y + c.shape[0]))
        y += c.shape[0] + gap
    return sheet, spans


def cells_from_sheet(words: Sequence[Word], spans: Sequence[tuple[int, int]],
                     digits: bool) -> list[tuple[str, float] | None]:
    """The words read on a stacked sheet of cells, given back to the cell whose span holds their
    middle: its text (a number's words glued: it is one word; text line by line) and the mean
    confidence (the lowest for a number)."""
    out: list[tuple[str, float] | None] = []
    for top, bottom in spans:
        inside = [w for w in words if top <= (w.top + w.bottom) / 2 <= bottom and not _rule_mark(w)]
        if not inside:
            out.append(None)
        elif digits:
            out.append(("".join(w.text for w in sorted(inside, key=lambda w: w.left)), min(w.conf for w in inside)))
        else:
            out.append((_cell_text(inside), statistics.fmean(w.conf for w in inside)))
    return out


# Runs Tesseract with these arguments (the binary's left out) within a timeout (seconds).
RunTesseract = Callable[[list[str], float], system.Finished]


def direct_run(exe: str) -> RunTesseract:
    """Tesseract (``exe``) run right away, one thread (see :func:`.ocr.ocr_pages` for runs that
    take turns with a document's other runs)."""

    def run(args: list[str], timeout: float) -> system.Finished:
        return system.run([exe, *args], timeout, system.TESSERACT, env={"OMP_THREAD_LIMIT": "1"})

    return run


def cell_reader(run: RunTesseract, clean: Any, dpi: int, workdir: Path, name: str, timeout: float,
                languages: str = "vie") -> ReadCells:
    """Read boxes of ``clean`` (the page with its rules whitened) again, all in one Tesseract run
    on a sheet of the crops stacked, one line of digits per cell."""
    from PIL import Image

    def read(boxes: list[tuple[int, int, int, int]], digits: bool) -> list[tuple[str, float] | None]:
        sheet, spans = stack_cells(clean, boxes, inset=max(1, round(dpi / 100)), gap=round(dpi / 8))
        file = workdir / f"{name}-{'numbers' if digits else 'cells'}.bmp"
        Image.fromarray(sheet).save(file)
        only = ["-c", "tessedit_char_whitelist=0123456789,.%"] if digits else []
        done = run([str(file), "stdout", "-l", languages, "--psm", "6", "--dpi", str(dpi), *only, "tsv"], timeout)
        if done.returncode != 0:
            return [None] * len(boxes)
        return cells_from_sheet(parse_tsv(done.stdout.decode("utf-8", "replace")), spans, digits)

    return read


# ---------------------------------------------------------------------------------------------
# A page's tables, and tables going on over a page break


def page_tables(grey: Any, words: list[W], page: int, dpi: int, *, grids: list[Grid] | None = None,
                tesseract: str | None = None, run: RunTesseract | None = None, workdir: Path | None = None,
                name: str = "page", timeout: float = 60.0, languages: str = "vie") -> tuple[list[W], list[PageTable]]:
    """The ruled tables of one rasterised page (a greyscale NumPy array; its ``grids`` when
    :func:`find_grids` has found them already) and the page's words left for its running
    text. With ``tesseract`` (or ``run``, to run it), and a ``workdir`` for its input (files
    named after ``name``), badly read numbers are read again."""
    found = find_grids(grey, dpi) if grids is None else grids
    if not found:
        return words, []
    read: ReadCells | None = None
    run = run or (direct_run(tesseract) if tesseract is not None else None)
    if run is not None and workdir is not None:
        run_cells, folder = run, workdir

        clean: list[Any] = []

        def read(boxes: list[tuple[int, int, int, int]], digits: bool) -> list[tuple[str, float] | None]:
            if not clean:
                clean.append(whiten_rules(grey, dpi))
            reader = cell_reader(run_cells, clean[0], dpi, folder, f"{name}-t{len(out)}", timeout, languages)
            return reader(boxes, digits)

    rest = words
    out: list[PageTable] = []
    for g in found:
        block, taken = table_block(g, rest, page, read)
        ids = {id(w) for w in taken}
        rest = [w for w in rest if id(w) not in ids]
        left, top, _, _ = _page_box((g.xs[0], g.ys[0], g.xs[0], g.ys[0]), g.skew)
        right, bottom, _, _ = _page_box((g.xs[-1], g.ys[-1], g.xs[-1], g.ys[-1]), g.skew)
        out.append(PageTable(block, g, top, bottom, left, right, dpi))
    return rest, out


def _table_data(t: PageTable) -> TableData:
    scale = 72 / t.dpi  # the PDF reader's rules are in points
    x0 = t.grid.xs[0]
    return TableData(t.left * scale, t.top * scale, t.right * scale, t.bottom * scale,
                     [(x - x0) * scale + t.left * scale for x in t.grid.xs[:-1]], t.block.rows, t.block.merged,
                     t.grid.open_right)


def join_continued(pages: dict[int, list[Block]], tables: dict[int, list[PageTable]]) -> None:
    """A table that ends its page and opens the next one with the same columns is one table:
    the continuation is joined to it (see the PDF reader) and its block dropped."""
    carry: tuple[Block, TableData] | None = None
    for n in sorted(pages):
        blocks = pages[n]
        found = {id(t.block): t for t in tables.get(n, [])}
        if carry is not None and blocks and id(blocks[0]) in found and n - 1 in pages:
            data = _table_data(found[id(blocks[0])])
            if same_columns(carry[1], data):
                continue_table(carry[0], data)
                blocks.pop(0)
                carry = (carry[0], data) if not blocks else None
        else:
            carry = None
        if blocks and id(blocks[-1]) in found:
            carry = (blocks[-1], _table_data(found[id(blocks[-1])]))
        elif blocks:
            carry = None
