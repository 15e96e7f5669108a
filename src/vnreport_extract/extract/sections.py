"""The numbered section tree (mục, phần, điều).

Nesting comes from the numbering schemes, in their usual order: Phần → Chương →
Mục → Điều → Roman ``I.`` → ``1.`` → ``1.1.`` → ``1.1.1.`` → ``a)``. A heading's level is
its depth among the headings above it, so an ``a)`` directly under ``1.`` is level 2
and a report whose outermost headings are ``1.`` has them at level 1. Fonts and
Markdown ``#`` s never decide a level.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex

from ..conventions.header import END_MARK, OPEN_END_WORD, classify_line
from ..conventions.numbering import (
    CONTINUED_ITEM,
    ITEM_LABEL,
    NUMBERING_STYLES,
    REFERENCE_LABEL,
    SCHEME_RANK,
    STEP_LABEL,
    TOC_ENTRY,
    TOC_TITLES,
    next_label,
    roman_value,
)
from ..limits import LimitExceededError
from ..models import Section, Warning
from ..normalize import fold, in_capitals

_TOC_TITLES = {fold(t) for t in TOC_TITLES}
_TOC_TITLE_CHARS = max(len(t) for t in TOC_TITLES) + 2  # with a colon, a space
_ROMAN_OK = regex.compile(r"(?=[IVXL])(XL|L?X{0,3})(IX|IV|V?I{0,3})")

# The numbering styles, in the order they are tried (longer labels first).
STYLES: list[tuple[str, regex.Pattern[str]]] = [
    (style["scheme"], regex.compile(r"^(?:" + style["pattern"] + r")")) for style in NUMBERING_STYLES
]
# A quotation opened after a colon with the label of a quoted point (``quy định: “2, Sau khi``, the
# comma an OCR slip) and not closed in the paragraph (by ``”`` or a straight ``"``).
_QUOTE_AFTER_COLON = regex.compile(r":[ ]*“[ ]*(?:\d{1,2}(?:[.,]\d{1,2})*[.,)]|[a-zđ]\)|[IVX]{1,4}\.)[ ][^”\"]*$")
_SENTENCE_END = regex.compile(r"(?<=[.!?…])[ ]+(?=[\p{Lu}\d“\"(])")
# A sentence end needs one of its marks: most titles have none, and the search for the end
# tries its look-behind at every place.
_SENTENCE_MARK = re.compile(r"[.!?…]")
# The marks at which the sentence splitter (``words.sentences``) may end a sentence.
_PUNKT_END = re.compile(r"[.?!]")
MAX_TITLE = 200
_MAX_QUOTED = 30
_NUMERAL = regex.compile(r"[IVXLC]+|\d+")
_COLON = regex.compile(r":(?:[ ]|$)")
# Words before a colon that open a list (``Thủ trưởng các cơ quan: Văn phòng ..., Sở ...``,
# ``xem xét: Đơn xin vào Đảng; lý lịch ...``): the colon is inside the sentence, not the end
# of a heading.
_OPENS_LIST = regex.compile(r"(?:(?i:các|những)(?:[ ]+\p{L}+){1,2}|(?i:gồm|như sau|sau đây|xem xét))[ ]*$")


# What follows a heading's colon when the heading is ``label : value :`` (a party of a
# biên bản, ``Nhà thầu : Liên doanh Unitech-STBTH :``): a few words ending in a colon.
# The value is a name (capitalised, no sentence end): ``là: 610 hội. Trong đó:`` and ``gồm có
# các đồng chí sau:`` are text running on.
_LABELLED_HEADING = regex.compile(r"[ ]*\p{Lu}[^\s.]*(?:[ ]+[^\s.]+){0,5}[ ]*:[ ]*")


@dataclass
class Heading:
    number: str
    rank: int
    title: str
    start: int
    level: int = 0
    path: str = ""
    end: int = 0
    page: int | None = None
    children: list[Heading] = field(default_factory=list)
    # An amending clause (``Sửa đổi khoản 2 Mục I Phần 2 như sau:``): the labels it names, which
    # the text it puts in starts with; and whether it opens with an amending verb at all.
    named: frozenset[str] = frozenset()
    amending: bool = False


_AMENDS = regex.compile(r"(?i:sửa\s+đổi|bổ\s+sung|thay\s+thế|điều\s+chỉnh|bãi\s+bỏ)\b")
_AS_FOLLOWS = regex.compile(r"(?i:như\s+sau)\s*:\s*$")
# The parts of a document an amending clause names, as the amended text numbers them.
_NAMED = regex.compile(
    r"(?i:(?P<kind>khoản|điểm|mục|phần|điều|chương))\s+(?P<label>[IVXLC]+\b|\d{1,3}[a-z]?\b|[a-zđ]\b)")


def _named_labels(clause: str) -> frozenset[str]:
    """The section numbers that the text put in by ``clause`` may start with: ``khoản 2`` → ``2``,
    ``Mục V`` → ``V`` (and ``Mục V``), ``Phần 5a`` → ``Phần 5a``, ``Điều 5`` → ``Điều 5``.

    >>> sorted(_named_labels("Sửa đổi, bổ sung khoản 2 Mục I Phần 2 như sau:"))
    ['2', 'I', 'Mục I', 'Phần 2']
    """
    out: set[str] = set()
    for m in _NAMED.finditer(clause):
        kind, label = m.group("kind").lower(), m.group("label")
        if kind in ("khoản", "điểm"):
            out.add(label)
        elif kind == "mục":
            out |= {label, f"Mục {label}"}
        else:
            out.add(f"{kind.capitalize()} {label}")
    return frozenset(out)


# The styles whose label can start with a given character (``I`` or ``1``): most paragraphs
# start with a character that none of them can, and trying every style on each cost more.
_STYLES_BY_FIRST: dict[str, list[tuple[str, regex.Pattern[str]]]] = {}


def _styles_from(first: str) -> list[tuple[str, regex.Pattern[str]]]:
    styles = _STYLES_BY_FIRST.get(first)
    if styles is None:
        styles = _STYLES_BY_FIRST[first] = [(kind, p) for kind, p in STYLES if p.match(first, partial=True)]
    return styles


def parse_heading(paragraph: str) -> tuple[str, int, str] | None:
    """(number, rank, rest of the paragraph) when a paragraph starts with a section number.

    >>> parse_heading("III KẾT QUẢ THỰC HIỆN:")[:2]
    ('III', 40)
    >>> parse_heading("2.1. Hạn chế: Công tác")[:2]
    ('2.1', 61)
    >>> parse_heading("II.1.2. Hiện trạng ứng dụng CNTT")[:2]
    ('II.1.2', 42)
    >>> parse_heading("1.460,97 ha") is None
    True

    A number with nothing but labels after it is no heading (a form's two blank lists side by
    side); one with a year or a figure after it is:

    >>> parse_heading("1. 1.") is None, parse_heading("I. I.") is None, parse_heading("a) a)") is None
    (True, True, True)
    >>> parse_heading("1. 2011")[:2], parse_heading("a) 50%")[:2]
    (('1', 60), ('a', 200))
    """
    # A loop, not a generator: most paragraphs are tried against one style or none.
    found: tuple[str, regex.Match[str]] | None = None
    for style, pattern in _styles_from(paragraph[:1]):
        if (m := pattern.match(paragraph)) is not None:
            found = style, m
            break
    if found is None:
        return None
    kind, m = found
    number = m.group("number")
    if kind == "roman" and not _ROMAN_OK.fullmatch(number.partition(".")[0]):
        return None
    rest = paragraph[m.end():]
    # ``1.1`` under ``1``, ``I.1`` under ``I``: one rank more per number after the first.
    rank = SCHEME_RANK[kind] + number.count(".") if kind in ("arabic", "roman") else SCHEME_RANK[kind]
    if kind in ("part", "chapter", "muc", "article"):
        first, *others = number.split()
        number = " ".join([first[:1].upper() + first[1:].lower()]
                          + [w if _NUMERAL.fullmatch(w) else w.lower() for w in others])
    if kind in ("letter", "arabic", "roman", "upper") and (not rest.strip() or _ONLY_LABELS.fullmatch(rest)):
        # Nothing, or only more labels (``1. 1.``: two columns of a form's blank list), after the number.
        return None
    return number, rank, rest


# A number typed after a heading's number (``IV.3. 5.1 Mô hình logic``), itself dotted.
_TYPED_ON = regex.compile(r"[ ]*(?P<more>\d{1,2}(?:\.\d{1,2})+)\.?[ ]+(?=\S)")


def _typed_on_label(number: str, rest: str, previous: str) -> tuple[str, int, str] | None:
    """A heading whose number Word printed (``IV.3.``) before a number typed in its text
    (``5.1 Mô hình logic của hệ thống``), read as the one number they make together
    (``IV.3.5.1``) when the heading before is that number's parent (``IV.3.5``) or one of the
    parent's own headings: the number goes on the outline there.

    >>> _typed_on_label("IV.3", " 5.1 Mô hình logic", "IV.3.5")
    ('IV.3.5.1', 43, 'Mô hình logic')
    >>> _typed_on_label("IV.3", " 5.1 Mô hình logic", "IV.2") is None
    True
    """
    m = _TYPED_ON.match(rest)
    if m is None:
        return None
    joined = f"{number}.{m.group('more')}"
    parent = joined.rsplit(".", 1)[0]
    if previous != parent and not previous.startswith(parent + "."):
        return None
    parsed = parse_heading(f"{joined} {rest[m.end():]}")
    return parsed if parsed is not None and parsed[0] == joined else None


def _without_embedded_runs(headings: list[Heading]) -> list[Heading]:
    """The headings without those of a numbering run embedded in the document's own: its
    Roman numerals start again at ``I.`` after ``II.`` or more, with no part (Phần, Phụ lục) or
    capital letter between, and the document's outline goes on after them, at a number of the
    Roman numeral it was in (``IV.3.8`` after the sample reports' ``I. Văn bản đã xử lý`` /
    ``II. Văn bản còn tồn`` inside ``IV.3.7.8``) or at the next one. A run that the outline
    does not resume after is kept: the document starts over (a second part whose heading has
    no label).

    >>> def h(n: str, r: int) -> Heading:
    ...     return Heading(n, r, "", 0)
    >>> run = [h("IV", 40), h("IV.3.7.8", 43), h("I", 40), h("1", 60), h("II", 40), h("IV.3.8", 42)]
    >>> [x.number for x in _without_embedded_runs(run)]
    ['IV', 'IV.3.7.8', 'IV.3.8']
    >>> [x.number for x in _without_embedded_runs([h("I", 40), h("II", 40), h("I", 40), h("II", 40)])]
    ['I', 'II', 'I', 'II']
    """
    out: list[Heading] = []
    top = 0  # the Roman numeral the document's outline is in
    pending: list[Heading] | None = None
    for h in headings:
        if pending is not None:
            first = roman_value(h.number.split(".")[0]) or 0 if _ROMAN <= h.rank < _UPPER else 0
            if (h.rank == _ROMAN and first > top) or (_ROMAN < h.rank < _UPPER and first == top):
                pending = None  # the outline resumes: the run was embedded
            elif h.rank < _ROMAN or h.rank == _UPPER:
                out += pending
                pending = None
            else:
                pending.append(h)
                continue
        if h.rank < _ROMAN or h.rank == _UPPER:
            top = 0
        elif h.rank == _ROMAN:
            value = roman_value(h.number) or 0
            if value == 1 and top >= 2:
                pending = [h]
                continue
            top = max(top, value)
        out.append(h)
    return out + (pending or [])


# What follows a number when it is only more list labels and marks (``1.``, ``I.``, ``a)``).
_ONLY_LABELS = regex.compile(r"[\s.)(:-]*(?:(?:\d{1,2}|[IVXLC]{1,4}|[a-zđ])[.)][\s.)(:-]*)*")


def continued_item(paragraph: str, previous: str) -> tuple[str, int, str] | None:
    """A list item labelled like ``3-`` that starts in lower case, when the heading before it
    (``previous``, the start of its paragraph) is the item before in the same style.

    >>> continued_item("3- nhà làm việc hoàn thành", "2- Trạm đ")[:2], continued_item("3- nhà", "1- Tường")
    (('3', 60), None)
    """
    m = CONTINUED_ITEM.match(paragraph)
    if m is None:
        return None
    p = ITEM_LABEL.match(previous)
    if p is None or p.group("mark") != m.group("mark") or int(p.group("number")) + 1 != int(m.group("number")):
        return None
    return m.group("number"), SCHEME_RANK["arabic"], paragraph[m.end():]


_UPPER, _ROMAN = SCHEME_RANK["upper"], SCHEME_RANK["roman"]


def upper_over_roman(ranks: Sequence[int]) -> bool:
    """Whether the capital letters (``A.``) hold the Roman numerals in a part of a document: its
    first ``A.`` comes before its first ``I.``, and every letter has Roman numerals under it
    (``A.`` ``I.`` ``II.`` ``B.`` ``I.``). A biên bản's parties ``A.`` ``B.`` listed before its
    ``I.`` hold none.

    >>> upper_over_roman([0, 50, 40, 60, 50, 40]), upper_over_roman([40, 50, 50, 40, 50])
    (True, False)
    >>> upper_over_roman([50, 50, 40, 40])
    False
    """
    uppers = [k for k, r in enumerate(ranks) if r == _UPPER]
    romans = [k for k, r in enumerate(ranks) if r == _ROMAN]
    if not uppers or not romans or romans[0] < uppers[0]:
        return False
    bounds = [*uppers, len(ranks)]
    return all(any(ranks[k] == _ROMAN for k in range(a + 1, b)) for a, b in itertools.pairwise(bounds))


def heading_title(rest: str, sentences: Callable[[str], list[str]] | None = None) -> str:
    """A heading's title: up to its ``:`` when it runs into body text, else the first
    sentence, at most 200 characters (cut at a word boundary).

    >>> heading_title("Ưu điểm: Cấp ủy, chính quyền xã đã quan tâm")
    'Ưu điểm'
    >>> heading_title("KẾT QUẢ THỰC HIỆN:")
    'KẾT QUẢ THỰC HIỆN'
    >>> heading_title("Thủ trưởng các cơ quan: Văn phòng UBND tỉnh, Sở Nông nghiệp thi hành.")
    'Thủ trưởng các cơ quan: Văn phòng UBND tỉnh, Sở Nông nghiệp thi hành'

    A label and its value that end in a colon of their own are one heading, not a heading
    running into text:

    >>> heading_title("Nhà thầu : Liên doanh Unitech-STBTH :")
    'Nhà thầu : Liên doanh Unitech-STBTH'
    >>> heading_title("Tổng số hội trên địa bàn tỉnh Lâm Đồng là: 610 hội. Trong đó:")
    'Tổng số hội trên địa bàn tỉnh Lâm Đồng là'
    >>> heading_title("Thành phần tham dự: gồm có các đồng chí sau:")
    'Thành phần tham dự'

    The articles and clauses a heading implements, before its colon, are part of the title,
    and so is a step's label:

    >>> heading_title("(Khoản 1): Quyền được thông tin của đảng viên.")
    '(Khoản 1): Quyền được thông tin của đảng viên'
    >>> heading_title("Bước 1: Tham mưu xây dựng văn bản")
    'Bước 1: Tham mưu xây dựng văn bản'
    """
    colon = _COLON.search(rest)
    if colon and (REFERENCE_LABEL.fullmatch(label := rest[: colon.start()].strip()) or STEP_LABEL.fullmatch(label)):
        # ``Điều 1 (Khoản 2): Tuổi đời ...``, ``Bước 1: Tham mưu ...``: the label's colon
        colon = _COLON.search(rest, colon.end())
    if colon and (_OPENS_LIST.search(rest[: colon.start()]) or _LABELLED_HEADING.fullmatch(rest[colon.end():])):
        colon = None
    head = rest[: colon.start()] if colon and colon.start() <= MAX_TITLE else rest
    if len(head) > MAX_TITLE or (_SENTENCE_MARK.search(head) and _SENTENCE_END.search(head)):
        # Only the first sentence matters, and past MAX_TITLE it is cut anyway: the splitter
        # needs no more than a few words beyond (a long paragraph cost a whole Punkt pass).
        window = head[:MAX_TITLE + 60]
        if sentences and not _PUNKT_END.search(window, 0, MAX_TITLE) and not window[:1].isspace():
            # The splitter ends a sentence only at one of its marks: with none in the first
            # MAX_TITLE characters, the first sentence is longer, and is cut there anyway (or it
            # is the whole window, stripped as the splitter strips it).
            parts = [window.strip()]
        else:
            parts = sentences(window) if sentences else _SENTENCE_END.split(window)
        head = parts[0] if parts else head
    if len(head) > MAX_TITLE:
        cut = head[:MAX_TITLE]
        head = cut[: cut.rfind(" ")] if " " in cut else cut
    head = head.strip()
    # The end mark is looked for only where it can be: a title ending in a slash or a dot.
    return (END_MARK.sub("", head) if head.endswith(("/", "/.")) else head).rstrip(" .:;,")


def extract_sections(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    body_end: int | None = None,
    sentences: Callable[[str], list[str]] | None = None,
    page_at: Callable[[int], int | None] | None = None,
    *,
    max_depth: int = 16,
    max_sections: int = 20_000,
) -> tuple[list[Section], list[Warning]]:
    """The section tree of ``text`` from the paragraphs (start, end) that may be headings.
    A tree deeper than ``max_depth`` (numbering ``1.1.1.1...`` a hundred deep: damage, not
    a report) or of more than ``max_sections`` headings is a
    :class:`~vnreport_extract.limits.LimitExceededError`.

    >>> secs, _ = extract_sections("I. MỞ ĐẦU\\n1. Ưu điểm: tốt\\na) Một", [(0, 9), (10, 24), (25, 31)])
    >>> [(s.number, s.level) for s in secs], [(c.number, c.level) for c in secs[0].children]
    ([('I', 1)], [('1', 2)])
    """
    end_of_body = len(text) if body_end is None else body_end
    headings: list[Heading] = []
    quoted = 0  # paragraphs inside a quotation so far (a quoted article's ``a)`` is not a section)
    contents = False  # inside a table of contents (its entries are not sections)
    for i, (start, end) in enumerate(paragraphs):
        if start >= end_of_body:
            continue
        paragraph = text[start:end]
        if len(paragraph) <= _TOC_TITLE_CHARS and fold(paragraph).strip(" :") in _TOC_TITLES:
            contents = True
            continue
        if contents and TOC_ENTRY.search(paragraph):
            continue
        contents = False
        inside = quoted > 0
        # A quoted article opens with its own label (``“b) Trước khi ...``, ``“2. Sau khi ...``);
        # a stray ``“`` (OCR) opens nothing.
        if quoted or (paragraph.startswith("“") and parse_heading(paragraph[1:]) is not None):
            opened = paragraph.count("“") - paragraph.count("”")
            # An unclosed quotation ends after a while: a missing ``”`` must not hide the rest.
            quoted = quoted + 1 if (quoted and opened >= 0) or (not quoted and opened > 0) else 0
            if quoted > _MAX_QUOTED:
                quoted = 0
        elif "“" in paragraph and _QUOTE_AFTER_COLON.search(paragraph):
            # ``d) Khoản 2 và 3 Điều 35 ... quy định: “2. Sau khi ...``: the quoted article began
            # on the heading's own line (an OCR or a converter joined them); what follows is quoted.
            quoted = 1
        if inside:
            continue
        parsed = parse_heading(paragraph)
        if parsed is None and headings:
            parsed = continued_item(paragraph, text[headings[-1].start:headings[-1].start + 8])
        if parsed is None:
            continue
        number, rank, rest = parsed
        if not rest.strip() and i + 1 < len(paragraphs):
            # ``Chương I`` with its title on the next line (``QUY ĐỊNH CHUNG``).
            nxt = text[paragraphs[i + 1][0]:paragraphs[i + 1][1]]
            # A longer line is the body, unless it is in capitals: a part's long title (``Phần 5`` /
            # ``KÊ KHAI, XÁC MINH, ... BÃI NHIỆM CÁC CHỨC DANH ...``), cut at MAX_TITLE as any title.
            if (len(nxt) <= MAX_TITLE or in_capitals(nxt)) and parse_heading(nxt) is None:
                rest = nxt
                # A title in capitals broken over lines (``THÔNG BÁO VÀ HỒ SƠ ĐĂNG KÝ THAM GIA`` /
                # ``TUYỂN CHỌN, XÉT CHỌN``) goes on in capitals.
                for k in range(i + 2, min(i + 5, len(paragraphs))):
                    more = text[paragraphs[k][0]:paragraphs[k][1]]
                    if not (in_capitals(rest) and in_capitals(more)) or parse_heading(more) is not None \
                            or len(rest) + 1 + len(more) > MAX_TITLE:
                        break
                    rest = f"{rest} {more}"
        elif in_capitals(rest) and i + 1 < len(paragraphs) \
                and ((cut := rest.rstrip()).endswith(",") or OPEN_END_WORD.search(cut)):
            # A heading in capitals broken over lines, its label on the first, where it is left
            # open (``I. MỤC ĐÍCH,`` / ``YÊU CẦU``, ``II. NHIỆM VỤ VÀ`` / ``GIẢI PHÁP``: a page
            # copied from a narrow column). A heading that ends whole is followed by what it
            # heads, in capitals or not (a table's header row, a caption, ``KHÔNG``).
            for k in range(i + 1, min(i + 4, len(paragraphs))):
                more = text[paragraphs[k][0]:paragraphs[k][1]]
                if not in_capitals(more) or "\t" in more or parse_heading(more) is not None \
                        or classify_line(more) is not None or len(rest) + 1 + len(more) > MAX_TITLE:
                    break
                rest = f"{rest} {more}"
        if headings and (joined := _typed_on_label(number, rest, headings[-1].number)) is not None:
            number, rank, rest = joined
        page = page_at(start) if page_at else None
        amending = _AMENDS.match(rest.lstrip()) is not None
        named = _named_labels(rest) if amending and _AS_FOLLOWS.search(rest) is not None else frozenset()
        headings.append(Heading(number, rank, heading_title(rest, sentences), start, page=page, named=named,
                                amending=amending))
        if len(headings) > max_sections:
            raise LimitExceededError("max_sections", max_sections,
                                     what=f"more than {max_sections} numbered headings")

    headings = _without_embedded_runs(headings)
    # Under each part (Phần, Chương, Mục, Điều) on its own: a Hướng dẫn's first part may number
    # with ``I.`` alone and its second with ``A.`` / ``I.``.
    segment: list[Heading] = []
    for h in [*headings, None]:
        if h is not None and h.rank >= min(_UPPER, _ROMAN):
            segment.append(h)
            continue
        if upper_over_roman([x.rank for x in segment]):
            for x in segment:
                if x.rank == _UPPER:
                    x.rank = _ROMAN
                elif _ROMAN <= x.rank < _UPPER:  # ``I.`` and its ``I.1.`` under the ``A.``
                    x.rank += _UPPER - _ROMAN
        segment = []
    warnings: list[Warning] = []
    roots: list[Heading] = []
    stack: list[Heading] = []
    # Numbers already used under each parent (by id; 0 for the roots): counting siblings
    # one by one would be quadratic in a long flat list of ``a)`` items.
    used: dict[int, Counter[str]] = {}
    paths: set[str] = set()
    # An amending clause (``2. Sửa đổi, bổ sung khoản 2 Mục I Phần 2 như sau:``) holds the text it
    # puts in, numbered as in the amended document (``2. Sau khi ...``, ``Phần 5a``, ``I.``): when
    # the heading after the clause is one the clause names, the headings nest under the clause
    # until the next clause or a heading at or above the clause's parent that it does not name.
    scopes: list[Heading] = []
    previous: Heading | None = None
    for h in headings:
        while scopes and _ends_scope(h, scopes[-1], stack):
            del stack[_index(stack, scopes[-1]):]  # the amending text ends with its clause
            scopes.pop()
            while scopes and _index(stack, scopes[-1]) < 0:
                scopes.pop()
        if previous is not None and h.number in previous.named and stack and stack[-1] is previous:
            scopes.append(previous)
        previous = h
        floor = _index(stack, scopes[-1]) + 1 if scopes else 0
        while len(stack) > floor and stack[-1].rank >= h.rank:
            stack.pop()
        h.level = len(stack) + 1
        if h.level > max_depth:
            raise LimitExceededError("max_section_depth", max_depth, value=h.level,
                                     what=f"section {h.number[:40]} at offset {h.start} nested {h.level} deep")
        siblings = stack[-1].children if stack else roots
        counts = used.setdefault(id(stack[-1]) if stack else 0, Counter())
        same = counts[h.number]
        counts[h.number] += 1
        if same:
            warnings.append(Warning(code="duplicate-section-number",
                                    message=f"section number {h.number} is used {same + 1} times at the same level",
                                    start=h.start, end=h.start + len(h.number)))
        h.path = _path(h, stack[-1] if stack else None, same, paths)
        paths.add(h.path)
        siblings.append(h)
        stack.append(h)

    # A section ends where the next one of its level or above starts.
    open_sections: list[Heading] = []
    for h in _flatten(roots):
        while open_sections and open_sections[-1].level >= h.level:
            open_sections.pop().end = h.start
        open_sections.append(h)
    for h in open_sections:
        h.end = end_of_body
    return [_to_model(h) for h in roots], warnings


def _index(stack: list[Heading], h: Heading) -> int:
    """Where ``h`` is in ``stack`` (by identity), -1 when it is not."""
    return next((k for k, x in enumerate(stack) if x is h), -1)


def _ends_scope(h: Heading, clause: Heading, stack: list[Heading]) -> bool:
    """Whether ``h`` is past the text that ``clause`` puts in: the next clause (its next label and
    an amending verb, or no heading of a higher scheme in the text between), or a heading at or
    above the clause's parent (``Điều 2``) that the clause does not name."""
    at = _index(stack, clause)
    if h.rank == clause.rank and h.number == next_label(clause.number):
        return h.amending or all(x.rank >= clause.rank for x in stack[at + 1:])
    parent_rank = stack[at - 1].rank if at > 0 else clause.rank - 1
    return h.rank <= parent_rank and h.number not in clause.named


def _flatten(nodes: list[Heading]) -> list[Heading]:
    out: list[Heading] = []
    for n in nodes:
        out.append(n)
        out.extend(_flatten(n.children))
    return out


def _to_model(h: Heading) -> Section:
    return Section(number=h.number, level=h.level, title=h.title, path=h.path, start=h.start, end=h.end,
                   page=h.page, children=[_to_model(c) for c in h.children])


def _path(h: Heading, parent: Heading | None, same: int, paths: set[str]) -> str:
    """The path of heading ``h`` under ``parent``: the parent's path and ``h``'s number, which
    adds only its own part when it spells out the parent's (``1.2`` under ``1``, ``I.1`` under
    ``I``: ``II.1.2``, not ``II.1.1.2``); ``~2``, ``~3`` ... after a number repeated at one level
    (``same`` times before). Unique among ``paths``, the paths given so far.

    >>> one, two = Heading("1", 0, "", 0), Heading("1.2", 0, "", 9)
    >>> one.path = "II.1"
    >>> _path(two, one, 0, set()), _path(two, one, 1, set()), _path(two, one, 0, {"II.1.2"})
    ('II.1.2', 'II.1.2~2', 'II.1.1.2')
    """
    if parent is None:
        path = h.number
    else:
        path = f"{parent.path}.{h.number}"
        # (A repeated number's spelled path is its first one's: ``~2`` sets it apart below.)
        if h.number.startswith(f"{parent.number}.") \
                and ((spelled := parent.path + h.number[len(parent.number):]) not in paths or same):
            path = spelled
    n = same + 1
    unique = f"{path}~{n}" if same else path
    while unique in paths:  # a spelled path another heading took (``2)`` under ``1``, then ``1.2.``)
        n += 1
        unique = f"{path}~{n}"
    return unique


def beside(roots: list[Section], more: list[Section]) -> list[Section]:
    """The trees ``more`` (an annex's sections) after ``roots``, each path unique: a tree any of
    whose paths the trees before it use already (its root's ``1``, a section's ``1.1`` under the
    body's ``1``) gets ``~2``, ``~3`` ... after its root's path, as a repeated number at one level
    does, and so do its descendants' paths.

    >>> a = Section(number="1", level=1, title="Một", path="1", start=0, end=5)
    >>> b = Section(number="1", level=1, title="Cục Thuế", path="1", start=9, end=20, children=[
    ...     Section(number="a", level=2, title="x", path="1.a", start=12, end=20)])
    >>> [(s.path, [c.path for c in s.children]) for s in beside([a], [b])]
    [('1', []), ('1~2', ['1~2.a'])]
    """
    used = {s.path for s in walk(roots)}
    out = list(roots)
    for root in more:
        tails = [s.path[len(root.path):] for s in walk([root])]  # each path starts with its root's
        # (A root repeated in the annex itself, ``1~2``, takes the next number after its number's.)
        base, _, repeat = root.path.rpartition("~")
        base, n = (base, int(repeat)) if base and repeat.isdigit() else (root.path, 1)
        path = root.path
        while any(path + tail in used for tail in tails):
            n += 1
            path = f"{base}~{n}"
        tree = _repath(root, root.path, path) if path != root.path else root
        used.update(path + tail for tail in tails)
        out.append(tree)
    return out


def _repath(section: Section, old: str, new: str) -> Section:
    return section.model_copy(update={"path": new + section.path[len(old):],
                                      "children": [_repath(c, old, new) for c in section.children]})


def walk(sections: list[Section]) -> list[Section]:
    """Sections in document order, depth first."""
    out: list[Section] = []
    for s in sections:
        out.append(s)
        out.extend(walk(s.children))
    return out


class SectionIndex:
    """Finds the innermost section around an offset in O(log n) (plus nesting depth)."""

    def __init__(self, sections: list[Section]) -> None:
        self.flat: list[Section] = []
        self.parent: list[int] = []

        def visit(nodes: list[Section], parent: int) -> None:
            for node in nodes:
                self.flat.append(node)
                self.parent.append(parent)
                visit(node.children, len(self.flat) - 1)

        visit(sections, -1)
        self.starts = [x.start for x in self.flat]

    def path_at(self, offset: int) -> str | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        while i >= 0:
            if offset < self.flat[i].end:
                return self.flat[i].path
            i = self.parent[i]
        return None
