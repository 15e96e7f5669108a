"""Tables: cell texts, and citizen-satisfaction tables (chỉ số hài lòng) typed.

A satisfaction table is recognised by its header labels, not by column order (the
seed puts ``hài lòng`` before ``rất hài lòng``): each level's count column is the one
whose label names the level, and a following ``Tỷ lệ``/``%`` column is its percent.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import regex

from ..conventions.numbering import ROW_LABEL
from ..models import LevelCount, SatisfactionRow, Table
from ..normalize import fold, in_capitals

LEVELS = ("very_satisfied", "satisfied", "neutral", "dissatisfied", "very_dissatisfied")
# Checked in this order: the longest label that a header contains wins.
_LEVEL_LABELS: list[tuple[str, str]] = [
    ("rat khong hai long", "very_dissatisfied"),
    ("hoan toan khong hai long", "very_dissatisfied"),
    ("rat hai long", "very_satisfied"),
    ("khong hai long", "dissatisfied"),
    ("chua hai long", "dissatisfied"),
    ("binh thuong", "neutral"),
    ("tam hai long", "neutral"),
    ("hai long", "satisfied"),
]
_PERCENT_LABEL = regex.compile(r"^(ty le|ti le|%|ty le %|ti le %|\(%\))")
_PERCENT_AFTER = regex.compile(r"[-–:(,][ ]*(?:ty le|ti le)[ ]*(?:\(?%\)?)?[ ]*\)?$")
# A count with its percent in brackets in one cell (``60 (42,9 %)``).
_COUNT_AND_PERCENT = regex.compile(r"^\s*(\d{1,3}(?:\.\d{3})+|\d+)\s*\(\s*(\d+,\d+\s*%?|\d+\s*%)\s*\)\s*$")
_NUMBER = regex.compile(r"^\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*%?\s*$")
_FIELD_LABEL = ("linh vuc", "noi dung", "don vi", "ten", "co quan")
_INDEX_LABEL = ("stt", "tt", "so tt")


def _number(cell: str) -> regex.Match[str] | None:
    """The number a cell holds, as _NUMBER reads it. Header and label cells start with a letter,
    which no number does (a test in C, not a pattern call)."""
    return None if cell.lstrip()[:1].isalpha() else _NUMBER.match(cell)


def cell_number(cell: str) -> float | None:
    """``78,57`` → 78.57, ``1.234`` → 1234, ``50%`` → 50; anything else → None.

    >>> cell_number("78,57"), cell_number("0"), cell_number("n/a")
    (78.57, 0.0, None)
    """
    return _value(_number(cell))


def _value(m: regex.Match[str] | None) -> float | None:
    if m is None:
        return None
    whole = m.group(1).replace(".", "")
    if len(whole) > 32:
        return None  # a code or damage, not a count (int() of its float would overflow)
    return float(f"{whole}.{m.group(2)}") if m.group(2) else float(whole)


# A stated percent agrees with its count within 0.01, or within the rounding of the digits it
# shows when it shows fewer than two decimals (``78,6`` for 11 of 14, 78.571...: half a tenth).
_ROUNDING = 0.01


def rounding(cell: str) -> float:
    """How far a percent written as ``cell`` may be from the value it rounds: 0.01, or half a
    unit of its last digit when it has fewer than two decimals.

    >>> rounding("78,57"), rounding("78,6"), rounding("79 %"), rounding("78,571")
    (0.01, 0.05, 0.5, 0.01)
    """
    return _rounding_of(_number(cell))


def _rounding_of(m: regex.Match[str] | None) -> float:
    decimals = len(m.group(2)) if m is not None and m.group(2) else 0
    return max(_ROUNDING, 0.5 * 10.0 ** -decimals)


def _level_of(label: str) -> str | None:
    f = fold(label)
    for text, level in _LEVEL_LABELS:
        if text in f:
            return level
    return None


def _header_rows(rows: Sequence[Sequence[str]]) -> int:
    """How many leading rows are header: rows before the first one with a numeric cell after
    its first column, or opening with a row's label (``1``, ``I``, ``A``, ``1.2``: a group row
    ``I | Phát hiện tham nhũng`` or a row of words is the body's); the columns' numbering row
    under the header (``A | B | 1 | 2 | 3=2/1``) is the header's.

    >>> _header_rows([["TT", "Nội dung", "Số vụ"], ["I", "Phát hiện", "Phát hiện"], ["1", "Qua tố cáo", "2"]])
    1
    >>> _header_rows([["TT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ"], ["A", "B", "1", "2", "3=2/1"],
    ...               ["1", "Thu ngân sách", "1.200", "1.260", "105"]])
    2
    >>> _header_rows([["1", "Nguyễn Văn An", "Chủ tịch"], ["2", "Trần Thị Bình", "Phó Chủ tịch"]])
    0
    """
    # The first row with a number after its first column (one row when none has).
    numbered = next((i for i, row in enumerate(rows) if any(cell_number(c) is not None for c in row[1:])),
                    min(1, len(rows)))
    for i, row in enumerate(rows[:numbered + 1]):
        labelled = bool(row) and ROW_LABEL.match(row[0].strip()) is not None
        if labelled and i + 1 < len(rows) and _numbering_row(row):
            return i + 1
        if labelled and (i > 0 or (len(rows) > 1 and bool(rows[1]) and row[0].strip()[:1].isdigit()
                                   and rows[1][0].strip()[:1].isdigit() and ROW_LABEL.match(rows[1][0].strip()))):
            return min(i, numbered)
        if i > 0 and any(_LISTED.match(c.strip()) for c in row):
            return min(i, numbered)  # a cell's numbered points (``3.1. Động sản: ...``) are the body's
    return numbered


# A cell that opens a list of its own: a numbered point or a bullet.
_LISTED = regex.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?[ ]")
# A column's number in the numbering row under a header: ``A``, ``1``, ``(3)``, ``3=2/1``, ``5=3+4``.
_COLUMN_NUMBER = regex.compile(r"^\(?(\d{1,2}|\p{Lu})\)?(?:[ ]*=[ ]*[\d()+\-*/x:. ]+)?$")


def _numbering_row(row: Sequence[str]) -> bool:
    """Whether a row numbers the columns above it: three cells or more, each a column's number,
    letters in their order (``A``, ``B``) then numbers counting up by one (``1``, ``2``,
    ``3=2/1``); a row of data with small values (``1 | 45 | 40 | 5``) does not count so.

    >>> _numbering_row(["A", "B", "1", "2", "3=2/1"]), _numbering_row(["(1)", "(2)", "(3)", "(4)"])
    (True, True)
    >>> _numbering_row(["1", "45", "40", "5"]), _numbering_row(["I", "12", "30", "5"]), _numbering_row(["1", "A", "12"])
    (False, False, False)
    """
    cells = [c.strip() for c in row if c.strip()]
    heads: list[str] = [m.group(1) for c in cells if (m := _COLUMN_NUMBER.match(c)) is not None]
    if len(cells) < 3 or len(heads) < len(cells):
        return False
    letters = [h for h in heads if not h.isdigit()]
    numbers = [int(h) for h in heads if h.isdigit()]
    return heads == letters + [str(n) for n in numbers] \
        and all(ord(b) == ord(a) + 1 for a, b in itertools.pairwise(letters)) \
        and all(b == a + 1 for a, b in itertools.pairwise(numbers)) and (not numbers or numbers[0] <= 1)



# What a table's title may hold: a heading in capitals over a few lines.
_TITLE_LINES = 3
_TITLE_LONGEST = 300
_WRAPPED = 40  # characters of a line a heading wraps after


def table_title(before: Sequence[str]) -> str | None:
    """A table's title from the paragraphs right before it (``before``, the nearest last): the
    last one, past a note in brackets under the heading (``(Ban hành kèm theo Quyết định số ...``
    / ``Chủ tịch UBND tỉnh ...)``, a PDF's lines each a paragraph), with the lines of a heading in
    capitals that it goes on from; None when nothing is there, or too long for a title.

    >>> table_title(["DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN CỦA SỞ TƯ PHÁP", "TỈNH BÀ RỊA - VŨNG TÀU",
    ...              "(Ban hành kèm theo Quyết định số 353/QĐ-UBND của", "Chủ tịch UBND tỉnh)"])
    'DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN CỦA SỞ TƯ PHÁP TỈNH BÀ RỊA - VŨNG TÀU'
    >>> table_title(["Kết quả như sau:", "Bảng 1. Kết quả khảo sát"])
    'Bảng 1. Kết quả khảo sát'
    >>> table_title(["PHÚ THỌ 2012", "BẢNG CÁC TỪ VIẾT TẮT"])  # a short line above: not the same heading
    'BẢNG CÁC TỪ VIẾT TẮT'
    """
    lines = [p.strip() for p in before if p.strip()]
    if not lines:
        return None
    last = len(lines) - 1
    while last > 0 and lines[last].endswith(")"):  # notes in brackets, each over a line or a few
        opening = next((i for i in range(last, max(-1, last - _TITLE_LINES - 1), -1) if lines[i].startswith("(")), None)
        if opening is None or opening == 0:
            break
        last = opening - 1
    first = last
    # A heading in capitals wrapped at the line's end: a long line of capitals before it.
    while first > 0 and last - first + 1 < _TITLE_LINES and in_capitals(lines[first]) \
            and in_capitals(lines[first - 1]) and len(lines[first - 1]) >= _WRAPPED:
        first -= 1
    title = " ".join(lines[first:last + 1])
    return title if len(title) <= _TITLE_LONGEST else None


def build_table(index: int, rows: list[list[str]], page: int | None = None, title: str | None = None,
                start: int | None = None, end: int | None = None) -> Table:
    """A :class:`Table` from its cell rows, typed as a satisfaction table when its header says so."""
    n_header = _header_rows(rows) if len(rows) > 1 else 0
    header, body = rows[:n_header], rows[n_header:]
    satisfaction = _satisfaction(header, body)
    if not satisfaction:
        return Table(index=index, page=page, title=title, header=header, rows=body, start=start, end=end)
    # Given to the model at once: a field set after it is built goes through the model's __setattr__.
    return Table(index=index, page=page, kind="satisfaction", title=title, header=header, rows=body,
                 satisfaction=satisfaction, start=start, end=end)


def _columns(header: list[list[str]]) -> tuple[dict[str, tuple[int, int | None]], int | None, int | None]:
    """Per level: (count column, percent column or None); the field column; the index column."""
    width = max((len(r) for r in header), default=0)
    # A cell merged over columns or rows repeats in each (``Rất hài lòng`` over ``Số phiếu | Tỷ lệ
    # (%)``, ``STT`` down two rows): a column's label says it once; its last cell is its own.
    cells = [[r[c].strip() for r in header if c < len(r) and r[c].strip()] for c in range(width)]
    labels = [" ".join(dict.fromkeys(column)) for column in cells]
    own = [fold(column[-1]) if column else "" for column in cells]

    def percent(c: int) -> bool:
        # ``Tỷ lệ (%)`` under its level, or after it in one label (``Rất hài lòng - Tỷ lệ (%)``:
        # a two-row header written as one row).
        return bool(_PERCENT_LABEL.match(fold(labels[c]).strip()) or _PERCENT_LABEL.match(own[c])
                    or _PERCENT_AFTER.search(own[c]))

    levels: dict[str, tuple[int, int | None]] = {}
    field_col = index_col = None
    for c, label in enumerate(labels):
        f = fold(label).strip()
        level = _level_of(label)
        if level and not percent(c):
            # The next column is this level's percent when it names no other level (not a last
            # ``Chỉ số hài lòng (tỷ lệ %)`` beside ``Không hài lòng``).
            after = _level_of(labels[c + 1]) if c + 1 < width else None
            pct = c + 1 if c + 1 < width and percent(c + 1) and after in (None, level) else None
            levels.setdefault(level, (c, pct))
        elif f in _INDEX_LABEL and index_col is None:
            index_col = c
        elif field_col is None and any(f.startswith(x) for x in _FIELD_LABEL):
            field_col = c
    return levels, field_col, index_col


def _satisfaction(header: list[list[str]], body: list[list[str]]) -> list[SatisfactionRow] | None:
    levels, field_col, index_col = _columns(header)
    if len(levels) < 2:
        return None
    if field_col is None:
        field_col = 1 if index_col == 0 else 0
    out: list[SatisfactionRow] = []
    for row in body:
        if field_col >= len(row) or not row[field_col].strip():
            continue
        counts: dict[str, LevelCount | None] = {}
        shown: dict[str, float] = {}  # how far each stated percent may be from its count's, rounded as written
        for level in LEVELS:
            if level not in levels:
                counts[level] = None
                continue
            c, p = levels[level]
            count = cell_number(row[c]) if c < len(row) else None
            written = _number(row[p]) if p is not None and p < len(row) else None
            if count is None and p is None and c < len(row) and (both := _COUNT_AND_PERCENT.match(row[c])):
                count, written = cell_number(both.group(1)), _number(both.group(2))  # ``60 (42,9 %)``
            pct = _value(written)
            counts[level] = LevelCount(count=int(count) if count is not None else None, percent=pct)
            if pct is not None:
                shown[level] = _rounding_of(written)
        known = [lc.count for lc in counts.values() if lc is not None and lc.count is not None]
        if not known:
            continue
        total = sum(known)
        consistent = all(
            lc.percent is None or (total > 0 and abs(lc.percent - 100 * (lc.count or 0) / total)
                                   <= shown.get(level, _ROUNDING) + 1e-9)
            for level, lc in counts.items() if lc is not None
        )
        index = None
        if index_col is not None and index_col < len(row):
            n = cell_number(row[index_col])
            index = int(n) if n is not None else None
        out.append(SatisfactionRow(index=index, field=row[field_col].strip(), total=total, consistent=consistent,
                                   **counts))
    return out or None
