"""Plain text and Markdown (the text that PDF-to-Markdown converters produce).

Markup is dropped, tab-separated and pipe tables become table blocks, and a
paragraph that a page break cut in two (``công`` / ``tác dân vận``) is joined again.
"""

from __future__ import annotations

import re

from ..conventions.header import OPEN_END_WORD, classify_line, is_position, names_issuer, starts_issuer
from ..conventions.numbering import starts_with_label
from ..conventions.vocabulary import AUTHORITIES, OPEN_END_PHRASES_CLOSED
from ..document import Block, SourceDocument, signature_rows
from ..legacy import decode_again, double_encoded_look, fix_text, legacy_text, legacy_warning
from ..models import Source
from ..normalize import (
    HTML_BREAK,
    fold,
    html_entities,
    html_lines,
    in_capitals,
    normalize_inline,
    normalize_unicode,
    strip_markdown,
)

# A pipe table's row: between pipes (``| a | b |``), or with its closing pipe only (``a | b |``, as
# pages of legal texts copied from the web give a header's two columns).
_PIPE_ROW = re.compile(r"^\s*(?:\|.*|[^|\s][^|]*\|.*)\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_CELL_PIPE = re.compile(r"(?<!\\)\|")
# A Markdown quote's marks (``> Theo Nghị quyết ...``): before a word, not a comparison (``> 10 triệu``,
# ``>= 90%``), and on a line, never in a table's cell.
_QUOTE = re.compile(r"^\s{0,3}(?:>[ ]?)+(?=[^\W\d_]|[*_“\"\[(#])")
# A Markdown footnote's text (``[^1]: Kế hoạch số 245/KH-UBND ...``): a footnote, kept after the body.
_FOOTNOTE = re.compile(r"^\s{0,3}\[\^[^\]\s]+\]:\s*(.*)$")
# A paragraph's end that leaves its sentence open: a letter, or a comma after one.
_ENDS_OPEN = re.compile(r"(?:[^\W\d_]|(?<=[^\W\d_]),)$")
_STARTS_LOWER = re.compile(r"^[^\W\d_]")
# A line that ends with a word no sentence ends with (``... thực hiện chỉ đạo của``, ``... ban
# hành kèm theo``), as a text's hard line breaks inside a paragraph leave it (a PDF's lines
# copied, a web page's): the next line goes on with it even when it starts with a capital
# (``Ủy ban nhân dân tỉnh ...``); not after a phrase that ends with such a word and still ends a
# noun phrase (``Tình hình hiện tại``, ``các đơn vị trực thuộc``).
_CLOSED_END = re.compile(rf"(?<!\w)(?:{'|'.join(OPEN_END_PHRASES_CLOSED)})$", re.IGNORECASE)
_BODIES = (*(fold(a) for a in AUTHORITIES), "so ", "so,", "chinh phu")
# Lines at the top of a text that may be a header block.
_HEADER_LINES = 12


def _cell(text: str) -> str:
    """A table's cell cleaned of markup; an HTML tag that breaks a line (``Phú Tiến,<br>ngày 15
    tháng 5 năm 2023``) breaks the cell's text, as a cell's paragraphs do in a DOCX."""
    parts = HTML_BREAK.split(text) if "<" in text else None
    if not parts or len(parts) == 1:
        return normalize_inline(strip_markdown(text))
    return "\n".join(p for p in (normalize_inline(strip_markdown(x)) for x in parts) if p)


def _tab_cells(line: str) -> list[str]:
    return [_cell(c) for c in line.split("\t")]


def _pipe_cells(line: str) -> list[str]:
    """The cells of a pipe table's row, its outer pipes optional; an escaped pipe (``\\|``) is
    text of its cell."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [_cell(c) for c in _CELL_PIPE.split(inner)]


def _starts_bare_table(lines: list[str], i: int) -> bool:
    """Whether ``lines[i]`` heads a pipe table written without its outer pipes (``STT | Lĩnh vực``
    over ``--- | ---``): a delimiter row under it makes it one."""
    return i + 1 < len(lines) and "|" in lines[i + 1] and _PIPE_RULE.match(lines[i + 1]) is not None


def continues(previous: str, following: str, *, capitals: bool | None = None) -> bool:
    """Whether ``following`` carries on the sentence ``previous`` broke off (a page or
    line break inside a paragraph): ``previous`` ends in a letter, ``following``
    starts with a lower-case one. Only the end of ``previous`` is read, and whether it is in
    capitals (``capitals``, when the caller knows it: a paragraph that grows line by line
    need not be read whole for each line).

    >>> continues("đổi mới công", "tác dân vận")
    True
    >>> continues("I. KHÁI QUÁT CHUNG", "Xã Phú Tiến nằm")
    False

    A comma after a word leaves the sentence open too (a line copied from a narrow column); a
    semicolon ends a list's item, and a number's comma is its decimal mark:

    >>> continues("Điều 3. Trách nhiệm,", "quyền hạn"), continues("- Sở Tài chính;", "các đơn vị")
    (True, False)
    >>> continues("1. Về tổ chức", "a) Tổng số hội")
    False

    A line in capitals (a type name, a heading) is never broken off: the lower-case line
    under it is a title or the body.

    >>> continues("THÔNG BÁO", "và việc giới thiệu chức danh và chữ ký :")
    False

    After a word no sentence ends with, a line in capitals or opening with one goes on too:

    >>> continues("1. Thực hiện sự chỉ đạo của", "Ủy ban nhân dân tỉnh về việc")
    True
    >>> continues("1. Tình hình hiện tại", "Toàn tỉnh có 120 xã."), continues("- Các phòng và", "GIÁM ĐỐC")
    (False, False)
    >>> continues("Căn cứ Công văn số 12/BNV-CCVC của", "Bộ Nội Vụ;"), continues("1. Công tác chỉ đạo theo", "Kế hoạch")
    (True, True)
    """
    # Only the end of ``previous`` is read (``$`` may stand before one final newline): a
    # paragraph grows as its lines are joined, and searching all of it each time was quadratic.
    if not _ENDS_OPEN.search(previous[-2:]) or not _STARTS_LOWER.match(following):
        return False
    # After a word no phrase ends with, a capital goes on too; not a line in capitals (a
    # heading, a signer's position), a name (a few capitalised words alone) or a line of the
    # header's or the closing's kinds (``Kính gửi:``, a signing line). (The cheap tests first:
    # most lines open with a capital after a line that ends a sentence.)
    if not following[0].islower():
        tail = previous[-24:]
        if OPEN_END_WORD.search(tail) is None or _CLOSED_END.search(tail) is not None:
            return False
        # A body's name goes on whatever its case (``... của`` / ``Bộ Nội Vụ;``, ``TỈNH ỦY``); else
        # not a line in capitals (a heading, a position), a name alone, a header's or closing's line.
        if not _names_body(following):
            words = following.split()
            if in_capitals(following) or (len(words) <= 4 and all(w[:1].isupper() for w in words)) \
                    or classify_line(following) is not None:
                return False
    return not starts_with_label(following) and not (in_capitals(previous) if capitals is None else capitals)


def _names_body(line: str) -> bool:
    """Whether a line opens with a body's name (``Bộ Nội vụ``, ``UBND tỉnh``, ``TỈNH ỦY``, ``Sở,
    ban, ngành``)."""
    return starts_issuer(line) or names_issuer(line) or fold(line).startswith(_BODIES)


def _is_header(rows: list[list[str]]) -> bool:
    return any(classify_line(c) in ("motto", "number") for row in rows for c in row)


def _is_signature(rows: list[list[str]], lines: list[str], after: int) -> bool:
    """Whether a table's rows are the ``Nơi nhận`` list beside the signature: its first cell
    opens the list and a cell of the other column is a signing mark or a position; and the
    list does not go on in the lines after the rows (``lines[after:]``), as it does when the
    signature's column ends before it (the recipients would be parted from the list)."""
    if not rows or not rows[0] or classify_line(rows[0][0]) != "recipients" or not any(
            classify_line(c) == "signing" or is_position(c) for row in rows for c in row[1:]):
        return False
    nxt = next((x.strip() for x in lines[after:after + 3] if x.strip()), "")
    return not nxt.startswith(("-", "+", "•"))


def _layout(rows: list[list[str]], placed: int, lines: list[str], after: int) -> Block | None:
    """The layout block a table's rows (pipe or tab separated) are, None when they are a data
    table: a two-column header copied as text among the first blocks (``placed`` so far:
    ``ỦY BAN NHÂN DÂN<TAB>CỘNG HÒA ...``, ``Số: 12/BC-UBND | Phú Tiến, ngày ...``), or the
    ``Nơi nhận`` and the signature side by side (see :func:`_is_signature`), column by column."""
    if placed < _HEADER_LINES and _is_header(rows):
        return Block("layout", rows=rows)
    if _is_signature(rows, lines, after):
        return Block("layout", rows=signature_rows(rows))
    return None


def _is_tab_row(line: str) -> bool:
    return "\t" in line and sum(1 for c in line.split("\t") if c.strip()) >= 2


# What continues() reads of the paragraph before a line: its last words.
_TAIL = 64


def read_text(text: str, source: Source | None = None) -> SourceDocument:
    """Blocks of a plain-text or Markdown report. Text in UTF-8 that was read as Windows-1252
    and saved again (``Sá»‘: /BC-UBND``) is decoded again, with a ``mojibake-repaired`` warning."""
    looks_double = double_encoded_look(text)
    repaired = decode_again(text) if looks_double else None
    text = repaired if repaired is not None else text
    # Text typed in a legacy font (``Céng hoµ``) and given as a string: converted as a file's is.
    legacy = legacy_text(text)
    # HTML left in the text (a web page's, a converter's): its character references read, and a
    # line broken where a tag breaks it (``<br>``, ``</p>``), not words run together.
    text = html_lines(normalize_unicode(html_entities(fix_text(text) if legacy is not None else text)))
    # Most texts hold no table: then no line needs the table tests.
    pipes, tabs = "|" in text, "\t" in text
    lines = text.split("\n")
    blocks: list[Block] = []
    # The lines joined into each paragraph (by its index), joined once at the end, and the end
    # of the last paragraph and whether it is in capitals: a paragraph grown and read whole at
    # each of its lines costs the square of its length.
    joined: dict[int, list[str]] = {}
    tail, capitals = "", False
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1  # a blank line (no table row, and empty once cleaned)
            continue
        if pipes and "|" in line and ((outer := _PIPE_ROW.match(line) is not None) or _starts_bare_table(lines, i)):
            rows: list[list[str]] = []
            # A table with its outer pipes goes on while its rows have them; one without, while
            # its lines hold a pipe.
            while i < n and "|" in lines[i] and (_PIPE_ROW.match(lines[i]) or (not outer and lines[i].strip())):
                if not _PIPE_RULE.match(lines[i]):
                    rows.append(_pipe_cells(lines[i]))
                i += 1
            blocks.append(_layout(rows, len(blocks), lines, i) or Block("table", rows=rows))
            continue
        if tabs and _is_tab_row(line):
            run = i
            while run < n and _is_tab_row(lines[run]):
                run += 1
            rows = [_tab_cells(x) for x in lines[i:run]]
            if (layout := _layout(rows, len(blocks), lines, run)) is not None:
                blocks.append(layout)
                i = run
                continue
            if run - i >= 2 or len(line.split("\t")) >= 3:
                blocks.append(Block("table", rows=rows))
                i = run
                continue
        if "[^" in line[:6] and (note := _FOOTNOTE.match(line)) is not None:
            if text_of_note := normalize_inline(strip_markdown(note.group(1))):
                blocks.append(Block("footnote", text_of_note))
            i += 1
            continue
        i += 1
        if ">" in line[:4]:
            line = _QUOTE.sub("", line)
        unmarked = strip_markdown(line)
        clean = normalize_inline(unmarked.replace("\t", " ") if tabs else unmarked)
        if not clean:
            continue
        # A line of the normalised text is normalised, and so are lines joined by a space ("\n"
        # and " " compose with nothing); markup taken out may leave a letter and a combining
        # mark side by side, which assemble composes.
        normalized = unmarked == line
        last = blocks[-1] if blocks else None
        if last is not None and last.kind == "paragraph" and continues(tail, clean, capitals=capitals):
            joined.setdefault(len(blocks) - 1, [last.text]).append(clean)
            last.normalized = last.normalized and normalized
            # A joined paragraph holds a small letter (the lines it joins do): never in capitals.
            tail, capitals = f"{tail} {clean}"[-_TAIL:], False
        else:
            blocks.append(Block("paragraph", clean, normalized=normalized))
            tail, capitals = clean[-_TAIL:], in_capitals(clean)
    for k, parts in joined.items():
        blocks[k].text = " ".join(parts)
    doc = SourceDocument(blocks, source or Source(format="text"))
    if legacy is not None:
        doc.warnings.append(legacy_warning(legacy))
    if repaired is not None:
        doc.warnings.append(("mojibake-repaired", "the text was UTF-8 read as Windows-1252 (Sá»‘ for Số) and "
                                                  "saved again: it was decoded again"))
    elif looks_double:
        # Some of it could not be decoded again (a character added later, a byte lost): as it is.
        doc.warnings.append(("mojibake-suspected", "the text looks like UTF-8 read as Windows-1252 (Sá»‘ for "
                                                   "Số), but not all of it decodes again: it was left as it is"))
    return doc
