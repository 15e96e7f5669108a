"""Numbering styles of sections (đánh số phần, mục, điều) as data.

Each style is a pattern for the label at the start of a paragraph, the scheme it belongs
to (which decides nesting: Phần → Chương → Mục → Điều → Roman → ``A.`` → ``1.`` → ``1.1.`` →
``1.1.1.`` → ``a)``), and lines that show it with the number they give (real lines, but for
the few forms marked so). The number is the label without its punctuation.
tests/test_sections.py runs every example both ways, and those of the bullets and of what
opens a list item (``opens_item``, where the PDF reader starts a paragraph; the OCR reader
starts one at a bullet, a marked label or a label before a capital); tests/test_tables.py
those of a table row's label.

A style whose label could also open a date, a page number, a table row or a list of
figures (``1-``, ``1/``, ``a-``) needs a space and a capital after it: ``1/ Kết quả`` is a
section, ``1/10/2012`` and ``2- 3 ngày`` are not.
"""

from __future__ import annotations

from typing import TypedDict

import regex


class NumberingStyle(TypedDict):
    name: str
    scheme: str  # part, chapter, muc, article, roman, upper, arabic, letter
    pattern: str  # regex (``regex`` module) with a group ``number``, matched at a paragraph start
    examples: list[tuple[str, str]]  # (real line, number)


# A capital (or an opening quote / bracket) must follow the labels that also begin dates and lists.
_CAPITAL_AFTER = r"[ ]+(?=[\p{Lu}“\"(])"

NUMBERING_STYLES: list[NumberingStyle] = [
    {"name": "Phần thứ nhất", "scheme": "part",
     "pattern": r"(?P<number>(?i:phần)[ ]+(?:(?i:thứ)[ ]+\p{L}+|[IVXLC]+|[A-Z]|\d{1,2}[a-z]?))[ ]*[.:]?(?:[ ]+|$)",
     "examples": [("PHẦN THỨ NHẤT: KẾT QUẢ", "Phần thứ nhất"), ("Phần I. TÌNH HÌNH CHUNG", "Phần I"),
                  # a part put in between two by an amendment (tt-01, 2010)
                  ("Phần 5a: XỬ LÝ VI PHẠM CÁC QUY ĐỊNH VỀ MINH BẠCH TÀI SẢN, THU NHẬP", "Phần 5a")]},
    # An appendix inside the document, its title on the label's line (``PHỤ LỤC I. GIẢI THÍCH
    # THUẬT NGỮ ...``), holding its own ``I.`` ``II.`` (an IT project outline, 2012): at the top,
    # as a part. A ``PHỤ LỤC`` line alone heads an attached document, not a section.
    {"name": "Phụ lục I.", "scheme": "part",
     "pattern": r"(?P<number>(?i:phụ[ ]+lục)[ ]+(?:[IVXLC]{1,4}|\d{1,2}))[ ]*[.:][ ]+(?=\p{Lu})",
     "examples": [("PHỤ LỤC I. GIẢI THÍCH THUẬT NGỮ VÀ PHƯƠNG PHÁP XÁC ĐỊNH GIÁ TRỊ PHẦN MỀM", "Phụ lục I"),
                  ("PHỤ LỤC II. CHI PHÍ XÂY DỰNG HỆ THỐNG PHẦN MỀM QLVB", "Phụ lục II")]},
    {"name": "Chương I", "scheme": "chapter",
     "pattern": r"(?P<number>(?i:chương)[ ]+(?:[IVXLC]+|\d{1,2}))[ ]*[.:]?(?:[ ]+|$)",
     "examples": [("Chương I", "Chương I"), ("CHƯƠNG II. NHỮNG QUY ĐỊNH CỤ THỂ", "Chương II")]},
    {"name": "Mục 1", "scheme": "muc",
     "pattern": r"(?P<number>(?i:mục)[ ]+(?:[IVXLC]+|\d{1,2}))[ ]*[.:]?(?:[ ]+|$)",
     "examples": [("MỤC 1. THANH TRA CHÍNH PHỦ", "Mục 1")]},
    {"name": "Điều 1.", "scheme": "article",
     "pattern": r"(?P<number>(?i:điều)[ ]+\d{1,3})[ ]*[.:]?(?:[ ]+|$)",
     "examples": [("Điều 1. Bổ sung ông Nguyễn Cường Phó Giám đốc Sở Nông nghiệp", "Điều 1")]},
    # A technical report's (đề cương, đề án) Roman numeral with its subsections under it:
    # ``II.1.``, ``IV.3.1.1``; nested by its numbers' count, under ``I.`` and over ``A.``, ``1.``.
    {"name": "I.1.", "scheme": "roman",
     "pattern": r"(?P<number>[IVXL]{1,7}(?:\.\d{1,2}){1,4})(?![\d,])(?:[ ]*[.)][ ]*|[ ]+(?=\p{Lu}))",
     "examples": [("I.1. Căn cứ pháp lý", "I.1"), ("II.1.2. Hiện trạng ứng dụng CNTT", "II.1.2"),
                  ("IV.1 Mục tiêu dự án", "IV.1"), ("IV.3.1.1 Quy trình quản lý văn bản đến", "IV.3.1.1")]},
    {"name": "I.", "scheme": "roman",
     "pattern": r"(?P<number>[IVXL]{1,7})(?:[ ]*[.):](?!\p{Ll})[ ]*|[ ]+(?=\p{Lu}))",
     "examples": [("I. Thành phần dự họp", "I"), ("III KẾT QUẢ THỰC HIỆN:", "III")]},
    {"name": "I-", "scheme": "roman",
     "pattern": r"(?P<number>[IVXL]{1,7})[ ]*[-–—][ ]*(?=[\p{Lu}“\"(])",
     # forms of the style (the corpus has no such line; ``1- ...`` items are in ban-tu-khai's .doc)
     "examples": [("I- TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN", "I"), ("II — NHIỆM VỤ TRỌNG TÂM", "II")]},
    {"name": "A.", "scheme": "upper",
     "pattern": r"(?P<number>[A-H])\.[ ]+(?=\p{Lu}\p{L})",
     "examples": [("A. Đơn vị thụ hưởng - Văn phòng UBND tỉnh :", "A"),
                  ("B. Chủ đầu tư – Sở Thông tin và Truyền thông Gia Lai :", "B"),
                  ("B. CÔNG TÁC QUẢN LÝ ĐẢNG VIÊN", "B")]},
    {"name": "1.1.1", "scheme": "arabic",
     "pattern": r"(?P<number>\d{1,2}(?:\.\d{1,2}){2,})(?:[ ]*[.)-][ ]*(?![\d,])|[ ]+(?=\p{Lu}))",
     "examples": [("10.4.3 Các tổ chức cơ sở đảng lớn (có đông đảng viên)", "10.4.3"),
                  ("10.2.1. Chuyển sinh hoạt đảng chính thức", "10.2.1")]},
    {"name": "1.1.", "scheme": "arabic",
     "pattern": r"(?P<number>\d{1,2}\.\d{1,2})(?![\d,])(?:[ ]*[.)][ ]*(?![\d,])|[ ]+(?=\p{Lu}))",
     "examples": [("1.1. Về tuổi đời", "1.1"), ("2.1 Hạn chế", "2.1")]},
    {"name": "1.1-", "scheme": "arabic",
     "pattern": r"(?P<number>\d{1,2}\.\d{1,2})[ ]*[-–][ ]*(?=[\p{Lu}“\"(])",
     # a form of the style, made from a real heading (the seed's ``1. Công tác lãnh đạo, chỉ
     # đạo ...``); the corpus has no such line
     "examples": [("1.1- Công tác lãnh đạo, chỉ đạo", "1.1")]},
    {"name": "1.", "scheme": "arabic",
     "pattern": r"(?P<number>\d{1,2})[ ]*[.)][ ]*(?![\d,])",
     "examples": [("1. Tuổi đời và trình độ học vấn của người vào Đảng", "1"),
                  ("1) Bổ sung vào sau mục 4 phần I như sau:", "1")]},
    {"name": "1-", "scheme": "arabic",
     "pattern": r"(?P<number>\d{1,2})[ ]*[-–—]" + _CAPITAL_AFTER,
     "examples": [("1- Các đồng chí bí thư huyện uỷ, thành uỷ, đảng uỷ trực thuộc", "1"),
                  ("2 - Sở Giao thông - Vận tải", "2"),
                  # the en dash of ``17 – UBND huyện Sơn Động`` as OCR reads it (cv-61)
                  ("17— UBND huyện Sơn Động", "17"), ("18 — UBND huyện Lục Ngạn", "18")]},
    {"name": "1/", "scheme": "arabic",
     "pattern": r"(?P<number>\d{1,2})[ ]*/" + _CAPITAL_AFTER,
     "examples": [("1/ Kết quả thực hiện nhiệm vụ", "1")]},  # a form of the style: no corpus line
    {"name": "a)", "scheme": "letter",
     "pattern": r"(?P<number>[a-zđ])(?:[ ]*\)[ ]*|\.[ ]+(?=\p{Lu}))",
     "examples": [("a) Người vào Đảng đang sinh sống ở miền núi", "a"), ("đ) Kinh phí chi cho việc đi", "đ"),
                  ("b. Đào tạo lý thuyết và thực hành", "b")]},
    {"name": "a-", "scheme": "letter",
     "pattern": r"(?P<number>[a-zđ])[ ]*[-–]" + _CAPITAL_AFTER,
     "examples": [("a- Đối với cấp ủy", "a")]},
]

# Lines that start like a label and are not sections, each with the style it could be mistaken for.
NOT_SECTIONS: list[str] = [
    "1.460,97 ha",  # a figure
    "15/10/2012 của Sở Kế hoạch",  # a date at the start of a line
    "10/2012 6_ Hoàn thành cơ sở dữ liệu",  # a month in a table row read as text
    "10 - 2020; Chủ tịch",  # a period broken over a line
    "2- 3 ngày làm việc",  # a range
    "- Duy trì sử dụng hiệu quả phần mềm.",  # a bullet
    "Mục lục",  # a table of contents
    "Điều lệ Đảng quy định thì nhiệm kỳ",  # a name, not an article
    "V.v tăng cường công tác phòng, chống tham nhũng",  # ``V/v`` written with a full stop
]

# A table of contents lists the headings with their pages: after its title, the run of
# paragraphs that end in a page number (after a space, a tab or dot leaders) are its entries,
# not sections (the headings come again in the body).
TOC_TITLES: list[str] = ["Mục lục"]
TOC_ENTRY = regex.compile(r"\S[ \t.…]+\d{1,3}$")
TOC_EXAMPLES: list[tuple[str, list[str]]] = [  # de-cuong-du-toan-qlvb-syt-sct-phu-tho-2012.doc
    ("Mục lục", ["I. Thông tin chung 8", "I.1. Căn cứ pháp lý 8", "IV.3.1.1 Quy trình quản lý văn bản đến 19"]),
]

# A heading that opens with the articles and clauses it implements (a Quy định thi hành Điều lệ
# Đảng: ``1. Điều 1 (Khoản 2): Tuổi đời ...``, ``2.1. (Khoản 1): Quyền được thông tin ...``): its
# colon follows a reference, not a heading running into body text, and the title goes on.
_REFERENCE = r"(?:(?i:điều)[ ]+\d{1,3}|(?i:khoản)[ ]+\d{1,2}(?:[ ]*,[ ]*\d{1,2})*|(?i:điểm)[ ]+[a-zđ])"
_REFERENCE_GROUP = r"\(?" + _REFERENCE + r"(?:[ ]*,[ ]*" + _REFERENCE + r")*\)?"
REFERENCE_LABEL = regex.compile(_REFERENCE_GROUP + r"(?:[ ]*[,;]?[ ]*" + _REFERENCE_GROUP + r")*")
# Real reference labels (the text before the colon), from qd-294-qd-tw-2025.
REFERENCE_LABEL_EXAMPLES: list[str] = [
    "Điều 1 (Khoản 2)",
    "Điều 3",
    "(Khoản 1)",
    "(Khoản 6, Điều 22)",
    "Điều 10, Điều 13, Điều 21, Điều 42, Điều 43",
    "Điều 12 (Khoản 2), Điều 20 (Khoản 2)",
    "(Khoản 2, Điều 10); (Khoản 5, Điều 13); (Khoản 3, 4, 5, Điều 21); (Khoản 1, Điều 42); (Khoản 1, Điều 43)",
    "(Khoản 7, Điều 11), (Khoản 3, Điều 12)",
    "Điều 28 (Khoản 1, Khoản 3, Khoản 4)",
]
# Run-in labels that are words, not references: their colon ends the heading.
NOT_REFERENCE_LABELS: list[str] = ["Điều kiện", "Đảng phí", "Nội dung sinh hoạt đảng bộ"]

# A step of a procedure (``2.1. Bước 1: Tham mưu xây dựng văn bản``): its colon is part of the
# heading, not where the heading runs into body text.
STEP_LABEL = regex.compile(r"(?i:bước|giai[ ]+đoạn)[ ]+\d{1,2}")
STEP_LABEL_EXAMPLES: list[str] = ["Bước 1", "Bước 3"]

# A list numbered ``1-``, ``2-`` goes on at an item that starts in lower case (``3- nhà làm việc
# hoàn thành 27/12/2010`` after ``2- Trạm điện ...``): the label alone would be too weak (``2- 3
# ngày``), the item before it with the number before tells.
ITEM_LABEL = regex.compile(r"^(?P<number>\d{1,2})[ ]*(?P<mark>[-–/])[ ]+")
CONTINUED_ITEM = regex.compile(ITEM_LABEL.pattern + r"(?=\p{Ll})")
CONTINUED_ITEM_EXAMPLES: list[tuple[str, str, str]] = [
    ("2- Trạm điện hoàn thành 22/8/2010 ;", "3- nhà làm việc hoàn thành 27/12/2010", "3"),
]

# Nesting order of the schemes: a smaller rank holds a larger one. Letters in capitals
# (``A.``) sit under the Roman numerals (``I.`` / ``A.``, a biên bản's parties) unless the
# document opens them first: then they hold the Roman numerals (``PHẦN THỨ HAI`` / ``A.`` /
# ``I.``, a Party Hướng dẫn), see ``upper_over_roman``.
# Ten apart: ``1.1`` and ``I.1`` rank one more than their scheme per number after the first.
SCHEME_RANK: dict[str, int] = {"part": 0, "chapter": 10, "muc": 20, "article": 30, "roman": 40, "upper": 50,
                               "arabic": 60, "letter": 200}

_LABELS = [regex.compile(r"^(?:" + style["pattern"] + r")") for style in NUMBERING_STYLES]


def starts_with_label(line: str) -> bool:
    """Whether a line opens with a section label of one of the styles: such a line starts a
    paragraph of its own, even when it starts in lower case (``a- Đối với cấp ủy``).

    >>> starts_with_label("a- Đối với cấp ủy"), starts_with_label("tác dân vận")
    (True, False)
    """
    return label_end(line) is not None


def label_end(line: str) -> int | None:
    """Where the section label a line opens with ends, the spaces after it included; None when
    it opens with none.

    >>> label_end("Điều 6. Thời gian"), label_end("tác dân vận")
    (8, None)
    """
    for p in _labels_from(line[:1]):
        if (m := p.match(line)) is not None:
            return int(m.end())
    return None


def marked_label(line: str, end: int) -> bool:
    """Whether the label that ends at ``end`` (:func:`label_end`) has its mark after the number
    (``1.``, ``1-``, ``1/``, ``a)``, ``Điều 5.``), not the bare number (``Điều 12 ...``, ``III
    KẾT QUẢ``): a line a wrapped sentence happens to start may open with a bare label (``Điều 12
    của Quy chế này ...``), never with a marked one.

    >>> marked_label("1- Các đồng chí", 3), marked_label("Điều 12 của Quy chế", 8)
    (True, False)
    """
    return not line[:end].rstrip()[-1:].isalnum()


# A row's label alone in a table's first column (the ``TT``/``STT`` column): a number (``1``,
# ``1.``, ``1.2``), a Roman one, a capital letter (a group: ``A``, ``B.``), a lower-case letter
# with its bracket.
ROW_LABEL = regex.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXL]{1,5}\.?|\p{Lu}\.?|\p{Ll}\))$")
ROW_LABEL_EXAMPLES: list[str] = ["1", "12", "1.", "2.1", "II", "IV.", "A", "B.", "a)"]
# A date, a word, a label with its text: not a row's label alone.
NOT_ROW_LABELS: list[str] = ["12/2023", "Cộng", "TT", "1. Thu ngân sách", "a"]


# Bullets that open a list item, not a section: a dash, a plus, a dot or a star before a space,
# and a number in brackets (``(1) Maket ...``).
BULLET = regex.compile(r"^(?:[-+•–*](?=\s)|\(\d{1,3}\))")
BULLET_EXAMPLES: list[str] = [
    "- Duy trì sử dụng hiệu quả phần mềm Một cửa điện tử tại Bộ phận một cửa thị trấn",  # the seed
    "+ Đơn vị sự nghiệp thuộc Ủy ban nhân dân tỉnh:",  # bc-cchc-nam-2025
    "* Giải thể tổ chức đảng:",  # hd-btctu-ha-noi-nghiep-vu-to-chuc-dang-2025
    "(1) Maket trang trí: cờ Tổ quốc, cờ Đảng, tượng Bác, ảnh Mác - Lê nin;",  # the same
]
# A sign or a bracket before a number is no bullet: a temperature, a period, a telephone number.
NOT_BULLETS: list[str] = ["-5 độ C", "(2021 - 2025)", "+84 263 3822 339"]


# The numbers a list item opens with beside the section labels: a number or a Roman one with its
# full stop or bracket (``1.``, ``100.``, ``IV)``; not ``1.000 đại biểu``), a letter with its full
# stop or bracket before a word in any case (``a. đối với cán bộ``).
_LIST_NUMBER = regex.compile(r"^(?:[IVXLC]{1,6}[.)](?!\w)|\d{1,3}(?:\.\d{1,3})*[.)](?!\w)|[a-zđ][.)](?=\s))")
# A label named by its word, which opens an item bare (``Điều 12 ...``, ``Chương II``); not the
# word in a name (``MỤC LỤC``, ``ĐIỀU LỆ ĐẢNG``, ``PHẦN CỨNG``).
WORD_LABEL = regex.compile(r"^(?i:điều|phần|chương|mục)\s+(?:\d{1,3}[a-z]?|[IVXLC]{1,6})(?!\w)")
# A Party symbol's number and codes (``10- CTPH/BDVTU``, ``49 - QĐ/ĐU``): no label and its text.
_SYMBOL_AFTER = regex.compile(r"\p{Lu}[\p{Lu}\p{Ll}]{0,9}(?:-\p{Lu}+)*[ ]?/")


def item_label_end(line: str) -> int | None:
    """Where the marked label a list item or a heading opens with ends: a list number
    (``1.``, ``100.``, ``a. đối với``) or a section label with its mark (``1-``, ``I-``, ``1/``,
    ``1.1-``, ``Điều 5.``). None for a bare one (``VI PHẠM HÀNH CHÍNH``, ``Điều 12 Nghị định``),
    which a line in capitals or a wrapped sentence may open with.

    >>> item_label_end("100. Sở Tài chính"), item_label_end("1- Các đồng chí"), item_label_end("VI PHẠM")
    (4, 3, None)
    """
    if (m := _LIST_NUMBER.match(line)) is not None:
        return int(m.end())
    end = label_end(line)
    if end is None or not marked_label(line, end) or _SYMBOL_AFTER.match(line, end) is not None:
        return None
    return end


# Lines that open a list item (``opens_item``), and lines that do not.
ITEM_EXAMPLES: list[str] = [
    "1- Tường rào hoàn thành 26/12/2009.",  # ban-tu-khai-bql-kcn-2012-tcvn3.doc
    "(2) Chương trình Lễ ra mắt tổ chức đảng:",  # hd-btctu-ha-noi-nghiep-vu-to-chuc-dang-2025.pdf
    "Điều 6. Thời gian và địa điểm tổ chức thi",  # cv-298-stttt-cntt-2012-scan.pdf
    "Chương II",  # qd-93-2007-qd-ttg-mot-cua: a label named by its word opens an item bare
    "a. đối với cán bộ, công chức;",  # a letter and its full stop before a word in lower case
    "100. Sở Tài chính",  # a list's number of three digits
]
NOT_ITEM_EXAMPLES: list[str] = [
    "1.000 đại biểu tham dự",  # a number
    # ``VI`` bare is a word, not a Roman number: the second line of qd-09-2010-qd-ubnd-can-tho-quy-
    # dinh-kem-theo.doc's title ``XỬ LÝ VI PHẠM TRONG TUYỂN CHỌN, XÉT CHỌN`` if a page wrapped it
    "VI PHẠM TRONG TUYỂN CHỌN, XÉT CHỌN",
    "V.v tăng cường công tác phòng, chống tham nhũng",  # ``V/v`` written with a full stop
    # a symbol's number and codes after a title's ``SỐ`` wrapped (the seed's symbols)
    "10- CTPH/BDVTU-BCSĐUBND NGÀY 15/11/2021",
    "49 - QĐ/ĐU NGÀY 20/5/2021",
    "MỤC LỤC",  # the word in a name, not a label
    "ĐIỀU LỆ ĐẢNG CỘNG SẢN VIỆT NAM",
]


def opens_item(line: str) -> bool:
    """Whether a line opens a list item or a numbered paragraph of its own: a bullet
    (``BULLET``), a marked label (:func:`item_label_end`), or a label named by its word
    (``Điều 12``, ``Chương II``). ``1.000 đại biểu`` is a number, not item 1.

    >>> opens_item("1- Các đồng chí bí thư"), opens_item("- Như trên;"), opens_item("1.000 đại biểu")
    (True, True, False)
    >>> opens_item("a. đối với cán bộ, công chức;"), opens_item("VI PHẠM HÀNH CHÍNH TRONG LĨNH VỰC ĐẤT ĐAI")
    (True, False)
    """
    return BULLET.match(line) is not None or WORD_LABEL.match(line) is not None or item_label_end(line) is not None


# The label patterns that can match a line starting with a given character (most lines start
# with a letter no label, or only ``a)``, can start with).
_LABELS_BY_FIRST: dict[str, list[regex.Pattern[str]]] = {}


def _labels_from(first: str) -> list[regex.Pattern[str]]:
    labels = _LABELS_BY_FIRST.get(first)
    if labels is None:
        labels = _LABELS_BY_FIRST[first] = [p for p in _LABELS if p.match(first, partial=True)]
    return labels


# --- Roman numbers and the order of labels -------------------------------------------------------

_ROMAN_DIGITS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                 (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
# The letters Vietnamese lists run through (``a)``, ``b)`` ... ``d)``, ``đ)``, ``e)``, ``g)``):
# the alphabet without f, j, w and z, with đ after d.
LIST_LETTERS = "abcdđeghiklmnopqrstuvxy"


def roman(value: int) -> str:
    """``4`` → ``IV``.

    >>> roman(4), roman(1994)
    ('IV', 'MCMXCIV')
    """
    out = []
    for n, sym in _ROMAN_DIGITS:
        while value >= n:
            out.append(sym)
            value -= n
    return "".join(out)


def roman_value(text: str) -> int | None:
    """``IV`` → ``4``; ``None`` for what is no Roman number written the usual way (``IIII``).

    >>> roman_value("IX"), roman_value("IIII"), roman_value("iv")
    (9, None, 4)
    """
    upper = text.upper()
    total, i = 0, 0
    for n, sym in _ROMAN_DIGITS:
        while upper.startswith(sym, i):
            total += n
            i += len(sym)
    return total if i == len(upper) and total and roman(total) == upper else None


def next_label(number: str) -> str | None:
    """The label after a section's number in its scheme (``2`` → ``3``, ``1.2`` → ``1.3``,
    ``d`` → ``đ``, ``e`` → ``g``, ``II`` → ``III``, ``Điều 1`` → ``Điều 2``), ``None`` when there
    is none to tell (``Phần thứ nhất``).

    >>> next_label("1.2"), next_label("d"), next_label("e"), next_label("IX"), next_label("Điều 1")
    ('1.3', 'đ', 'g', 'X', 'Điều 2')
    """
    if " " in number:
        word, _, last = number.rpartition(" ")
        following = next_label(last)
        return f"{word} {following}" if following else None
    head, _, last = number.rpartition(".")
    if last.isdigit():
        following = str(int(last) + 1)
    elif (value := roman_value(last)) is not None and last.isupper():
        following = roman(value + 1)
    elif len(last) == 1 and last in LIST_LETTERS[:-1]:
        following = LIST_LETTERS[LIST_LETTERS.index(last) + 1]
    else:
        return None
    return f"{head}.{following}" if head else following
