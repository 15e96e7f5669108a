"""Ruled tables as the PDF and OCR readers find them on a page, and a table that goes on over a
page break joined to its first part (a repeated header dropped, a row the break cut in two
merged), whichever reader found its parts; in a Word document, a table typed again after the
break as a table of its own, its header typed again (:func:`join_typed_continuations`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import regex

from ..document import Block
from ..normalize import fold
from .pdf_layout import broken_at_end, join_lines


@dataclass
class TableData:
    """A ruled table of a page: its box, column edges and cell texts."""

    x0: float
    top: float
    x1: float
    bottom: float
    columns: list[float]
    rows: list[list[str]]
    # True where a slot repeats a merged cell already met (left of it or above it).
    merged: list[list[bool]] = field(default_factory=list)
    # Whether the last column's right side is where the row lines end, no rule: the scan's edge
    # may have cut it, so that its width says nothing.
    open_right: bool = False


def same_columns(a: TableData, b: TableData) -> bool:
    """Whether two tables have the same columns (the same widths: a landscape page may
    place the continuation elsewhere; the last column's width only where both sides are ruled)."""
    if len(a.columns) != len(b.columns):
        return False
    shift = b.x0 - a.x0
    return all(abs(x + shift - y) <= 4 for x, y in zip(a.columns, b.columns, strict=True)) and \
        (a.open_right or b.open_right or abs((a.x1 - a.x0) - (b.x1 - b.x0)) <= 6)


def _norm(cell: str) -> str:
    return " ".join(cell.split()).casefold()


def _repeats_header(row: list[str], header: list[list[str]]) -> bool:
    """Whether a row repeats one of the header rows: each of its non-empty cells equals the
    cell in the same column of that row (a repeated header may hold its merged cells once)."""
    return any(len(_repeated_cells(row, h)) > 0 for h in header)


def _repeated_cells(row: list[str], header: list[str]) -> list[str]:
    """The cells of ``row`` with text, when each is the cell in the same column of ``header`` (a
    repeated header may hold its merged cells once); none when a cell differs or the widths do."""
    if len(row) != len(header):
        return []
    filled = [(_norm(c), _norm(h)) for c, h in zip(row, header, strict=True) if _norm(c)]
    return [c for c, _ in filled] if all(c == h for c, h in filled) else []


# A name's last word alone (``Tâm``), and a name above it ending in a capitalised word.
_NAME_GOES_ON = regex.compile(r"^\p{Lu}\p{Ll}+$")
_NAME_ENDS = regex.compile(r"(?:^|[ ])\p{Lu}\p{Ll}*[ ]\p{Lu}\p{Ll}*$")
# Words that label a row of their own: a total, a group.
_ROW_WORDS = frozenset({"cong", "tong", "tong cong", "trong do", "gom", "khac"})


def _cut_row(last: list[str], row: list[str]) -> bool:
    """Whether the first row of a table's continuation is the rest of the last row of its
    first part, cut by the page break: its first cell (the row number) is empty and each
    of its other cells carries on the text above it (``(mã TTHC:`` | ``1.011443)``, ``04/2020/TT-`` |
    ``BTP``). A
    row that starts afresh (``Các cơ quan ...`` under ``Sở Nội vụ``) is a row of its own:
    one more line of a cell merged down the rows. A name's last word goes on too when it is
    the row's one cell of text, under a row with three cells of text or more and a name above
    it (``Thôn Đồng`` | ``Tâm``, the household's other cells all above the break); a total's or
    a group's label (``Cộng``, ``Trong đó:``) stays a row.

    >>> _cut_row(["19", "Trần Thị Hoa", "Thôn Đồng", "6", "Hộ nghèo"], ["", "", "Tâm", "", ""])
    True
    >>> _cut_row(["2", "Sở Nội vụ", "5"], ["", "Các cơ quan", "3"])
    False
    >>> _cut_row(["1", "Tổng số hộ", "120", "80"], ["", "Trong đó:", "", ""])
    False
    >>> _cut_row(["3", "Xã A", "12", "4"], ["", "Cộng", "", ""])
    False

    The row number, centred in a row cut by the break, may stand below it:

    >>> _cut_row(["", "Tham mưu kiểm tra các quy định đối với", "Ít nhất 03 ND:", ""],
    ...          ["", "các tổ chức hoạt động", "Kiểm định; bảo vệ", "Tháng 12/2012"])
    True
    >>> _cut_row(["", "Sở Nội vụ", "5"], ["", "Các cơ quan", "3"])
    False
    """
    if len(row) != len(last) or not row or row[0].strip():
        return False
    filled = [(a.strip(), b.strip()) for a, b in zip(last[1:], row[1:], strict=True) if b.strip()]
    if last[0].strip() and len(filled) == 1 and _NAME_GOES_ON.match(filled[0][1]) \
            and _NAME_ENDS.search(filled[0][0]) and fold(filled[0][1]) not in _ROW_WORDS \
            and sum(1 for a in last[1:] if a.strip()) >= 3:
        return True
    if not last[0].strip():
        # A row whose number stands in the middle of its lines may leave it below the break: the
        # row above it is still cut when a cell's sentence goes on in lower case (``... đối với``
        # | ``các tổ chức, cá nhân ...``), and no cell starts afresh under text; a cell empty above
        # the break (its text all below it, ``12/2012``) is no sign either way.
        return any(a and b[0].islower() for a, b in filled) and all(_goes_on(a, b) for a, b in filled if a)
    return bool(filled) and all(a and _goes_on(a, b) for a, b in filled)


def _goes_on(above: str, below: str) -> bool:
    """Whether a cell's text below a page break carries on the text above it: it does not open
    with a capital, or the text above breaks off (a symbol broken at its hyphen, ``04/2020/TT-``
    | ``BTP ngày 28/5/2020``; a list after its colon, ``Ít nhất 03 ND:`` | ``Kiểm định; ...``)."""
    return not below[0].isalpha() or below[0].islower() or broken_at_end(above) or above.endswith(":")


def continue_table(first: Block, part: TableData) -> None:
    """Join a table's continuation to its first part: a repeated header is dropped, and a
    row the page break cut in two (its first cell, the row number, empty) is merged."""
    rows = [list(r) for r in part.rows]
    merged = [list(r) for r in part.merged]
    header = first.rows[:3]
    while rows and _repeats_header(rows[0], header):
        rows, merged = rows[1:], merged[1:]
    if rows and first.rows and _cut_row(first.rows[-1], rows[0]):
        last = first.rows[-1]
        first.rows[-1] = [join_lines([a, b]) if b.strip() and a != b else a for a, b in zip(last, rows[0], strict=True)]
        rows, merged = rows[1:], merged[1:]
    first.rows.extend(rows)
    first.merged.extend(merged)



def join_typed_continuations(blocks: list[Block], typed_on: Callable[[Block], bool],
                             same_columns: Callable[[Block, Block], bool] = lambda first, block: False) -> list[Block]:
    """The blocks with each table that goes on in a table of its own joined to its first part:
    a Word table broken over a page by hand, its header typed again on the new page (bc-cchc-
    nam-2025's ``Biểu mẫu 3``: 19 rows, an empty paragraph and a section break, then 6 rows
    under the same ``STT`` | ``Chỉ tiêu thống kê`` | ... header). ``typed_on(block)``: whether a
    table follows a page break with nothing but empty paragraphs since the table before (the
    reader knows: no text, picture or title between them). The two must have as many columns,
    and the second must open with the first's header row (or rows), cell for cell where it has
    text, two cells at least; those rows are dropped. A table typed on with its columns where
    the first one has them (``same_columns(first, block)``: the reader knows their edges) goes
    on without its header too (nd-37-2007-NĐ-CP's form: three parts over three pages, only the
    first with a header). A new block is made for the joined table; the blocks given are not
    changed.

    >>> head = ["STT", "Chỉ tiêu", "Kết quả"]
    >>> a = Block("table", rows=[head, ["1", "Số văn bản", "12"]])
    >>> b = Block("table", rows=[head, ["2", "Số TTHC", "40"]])
    >>> [len(t.rows) for t in join_typed_continuations([a, b], lambda block: True)], len(a.rows)
    ([3], 2)
    >>> [len(t.rows) for t in join_typed_continuations([a, b], lambda block: False)]
    [2, 2]
    >>> c = Block("table", rows=[["1", "", ""], ["2", "Số TTHC", "40"]])
    >>> [len(t.rows) for t in join_typed_continuations([a, c], lambda block: True)]
    [2, 2]
    >>> [len(t.rows) for t in join_typed_continuations([a, c], lambda block: True, lambda first, block: True)]
    [4]
    """
    out: list[Block] = []
    for i, block in enumerate(blocks):
        first = out[-1] if out else None
        part = blocks[i - 1] if i else None  # the last part of ``first``
        if block.kind == "table" and first is not None and first.kind == "table" \
                and block.rows and first.rows and len(block.rows[0]) == len(first.rows[0]) and typed_on(block):
            k = 0
            while k < min(3, len(block.rows), len(first.rows)) and _same_header_row(block.rows[k], first.rows[k]):
                k += 1
            if k or (part is not None and same_columns(part, block)):
                out[-1] = replace(first, rows=[*first.rows, *block.rows[k:]],
                                  merged=[*_merged(first), *_merged(block)[k:]])
                continue
        out.append(block)
    return out


def _same_header_row(row: list[str], header: list[str]) -> bool:
    """Whether ``row`` repeats the header row ``header``: the same cell in each column where it has
    text, two such cells at least, with words (not a row of numbers or of one label)."""
    cells = _repeated_cells(row, header)
    return len(cells) >= 2 and any(ch.isalpha() for c in cells for ch in c)


def _merged(block: Block) -> list[list[bool]]:
    """A table block's merged-cell flags, one list per row (none given: no merged cell)."""
    return [block.merged[i] if i < len(block.merged) else [False] * len(row) for i, row in enumerate(block.rows)]
