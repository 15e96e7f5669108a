"""Text normalisation: Unicode NFC, space and hyphen variants, Markdown markup.

Everything here is a pure function on strings; the readers call them on each
block before assembly, so ``Report.text`` — the string all offsets point into —
is already clean.
"""

from __future__ import annotations

import html
import re
import unicodedata

import regex

# One translation table: spaces that are not U+0020 (no-break, thin, figure,
# ideographic ...) become a space; hyphen look-alikes a hyphen (en and em dashes are
# real punctuation and stay); invisible characters (zero-width, BOM, soft hyphen, the
# marks and embeddings that set the direction of right-to-left text) and control characters
# other than tab and newline go; the line and paragraph separators end a line.
_TRANSLATE: dict[int, str | None] = {
    **{c: " " for c in (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)},
    **{c: "-" for c in (0x2010, 0x2011, 0x2012, 0x2212, 0xFE63, 0xFF0D)},
    **{c: None for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, *range(0x00, 0x09), 0x0B, 0x0C,
                         *range(0x0E, 0x20), 0x7F, 0x200E, 0x200F, *range(0x202A, 0x202F),
                         *range(0x2066, 0x206A), 0x061C)},
    **{c: "\n" for c in (0x2028, 0x2029, 0x0085)},
}

# A lone surrogate (a string made from bytes that were no UTF-8, ``surrogateescape``) is no
# character and cannot be written as UTF-8: the replacement character stands for it.
_TRANSLATE.update(dict.fromkeys(range(0xD800, 0xE000), "\ufffd"))

# The kinds of character normalize_unicode replaces one by one before it translates the text.
_REPLACE_EACH = 8
_NEEDS_TRANSLATE = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in _TRANSLATE if not 0xD800 <= c < 0xE000) + "\ud800-\udfff]")


def recordable(text: str) -> str:
    r"""``text`` as UTF-8 can hold it, for a record or a message: the bytes of a file's name that
    are no UTF-8 (which Python keeps as lone surrogates) written ``\xe1``; other text as it is.

    >>> recordable("Báo cáo.txt"), recordable(b"B\xe1o c\xe1o.txt".decode("utf-8", "surrogateescape"))
    ('Báo cáo.txt', 'B\\xe1o c\\xe1o.txt')
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no byte became
        return text.encode("utf-8", "backslashreplace").decode("utf-8")

# Digits of scripts newer than this Python's Unicode tables (Nag Mundari, Kawi: outside the
# Basic Multilingual Plane), which the ``regex`` module's ``\d`` matches but ``int()``
# refuses: a replacement character, as for any unreadable input.
_NEWER_DIGIT = regex.compile(r"[\U00010000-\U0010FFFF&&\d]", regex.V1)
_OUTSIDE_BMP = regex.compile(r"[\U00010000-\U0010FFFF]")

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_CLOSING_HASHES = re.compile(r"(?<!\s)\s+#+\s*$")  # from a run's first space only: linear
_MD_STRONG = re.compile(r"\*{2,3}|_{2,3}")
_MD_EMPHASIS = re.compile(r"(?<![\\\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
# ``_nhấn mạnh_``; never inside a word (``QĐ_BKHCN``, ``12_34``: an underscore typed for a hyphen).
# The text between the marks holds a letter or digit (looked for ahead): a pattern that placed
# that letter between two lazy runs tried every split of the line after an underscore that
# closes nowhere (a 27 KB line took seconds).
_MD_UNDERSCORES = re.compile(r"(?<![\\\w])_(?=[^\s_])(?=[^_\n]*?[^\W_])([^_\n]*)(?<=[^\s_])_(?!\w)")
# A link's target is an address or a file (``https://...``, ``anh.png``, ``#muc-1``): ``[Điều 5](1)`` is text.
# (The mark is looked for ahead: two runs around it would try every split of a long word.)
# A link's text and target, and a footnote's label, hold no ``[``: each ``[`` of a line without
# ``]`` or ``)`` (``[a](`` a thousand times) would otherwise be tried to the line's end.
_MD_TARGET = r"\((?=[^)\s\[]*[/.:#])[^)\s\[]*(?:\s+\"[^\"\n]*\")?\)"
_MD_IMAGE = re.compile(r"!\[[^\]\n\[]*\]" + _MD_TARGET)
_MD_LINK = re.compile(r"\[([^\]\n\[]+)\]" + _MD_TARGET)
_MD_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s\[]+\](?!:)")
_MD_CODE = re.compile(r"(`+)([^`\n]+?)\1")
# Inline HTML tags, dropped (the tags that break a line are HTML_BREAK's).
_MD_HTML = re.compile(r"</?(?:b|i|u|s|em|strong|span|sup|sub|font)\b[^<>\n]*>", re.IGNORECASE)
# The HTML tags that break a line (a ``<br>``, a paragraph's, a division's, a heading's or a list
# item's opening or closing), as web pages and PDF-to-Markdown converters leave them: a line break
# where they stand, or a space inside a line (never nothing: ``Tổng số<br>860 hộ``).
HTML_BREAK = re.compile(r"<(?:/?br|/?(?:p|div|h[1-6]|li))\b[^<>\n]*>", re.IGNORECASE)
# An HTML character reference (``&nbsp;``, ``&amp;``, ``&#7889;``).
_HTML_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# Any ASCII punctuation mark may be escaped (CommonMark): ``\*``, ``\%``, ``\|``.
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# A thematic break, a setext heading's underline, a code fence: lines of markup alone.
_MD_RULE = re.compile(r"^\s*(?:(?:[-*_]\s*){3,}|=+\s*|(?:```|~~~)[\w+-]*\s*)$")
_INLINE_SPACE = re.compile(r"[ \t]+")


def normalize_unicode(text: str) -> str:
    """NFC, one kind of space and hyphen, Unix newlines, no invisible characters.

    >>> normalize_unicode("Kha\u0301nh\u00a0Ho\u0300a")
    'Khánh Hòa'
    >>> normalize_unicode("61/2018/N\u0110\u2011CP")
    '61/2018/NĐ-CP'
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A few kinds of character to change (a form feed between pdftotext's pages, a no-break
    # space): one ``str.replace`` each, a C scan at a few instructions a character, is ten times
    # faster than ``translate``'s lookup of every character. Each kind is found by a search
    # from where the last one was (no list of every occurrence: a text of a million of them);
    # past ``_REPLACE_EACH`` kinds the table does the rest. (What they become is none of them,
    # so the order does not matter.)
    found = _NEEDS_TRANSLATE.search(text)
    kinds = 0
    while found is not None:
        kinds += 1
        if kinds > _REPLACE_EACH:
            text = text.translate(_TRANSLATE)
            break
        char = found.group()
        text = text.replace(char, _TRANSLATE[ord(char)] or "")
        found = _NEEDS_TRANSLATE.search(text, found.start())
    # Only a character outside the Basic Multilingual Plane can be one: that plain class is
    # searched first, many times faster than the class with ``\d`` (or ``max``) on long text.
    if _OUTSIDE_BMP.search(text) and _NEWER_DIGIT.search(text):
        text = _NEWER_DIGIT.sub(lambda m: m.group() if m.group().isdecimal() else "\ufffd", text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def strip_markdown(line: str) -> str:
    """Drop Markdown markup from one line (or a table's cell): heading marks, bold/italic markers, links
    (their text kept), images, footnote references, code spans, simple HTML tags, escapes.

    >>> strip_markdown("#### **I. KHÁI QUÁT CHUNG**")
    'I. KHÁI QUÁT CHUNG'
    >>> strip_markdown("***Nơi nhận:***")
    'Nơi nhận:'
    >>> strip_markdown("\\\\*Về thuận lợi, khó khăn:")
    '*Về thuận lợi, khó khăn:'
    >>> strip_markdown("# I. KHÁI QUÁT CHUNG #"), strip_markdown("ngày _/_/2023, [Điều 5](1)")
    ('I. KHÁI QUÁT CHUNG', 'ngày _/_/2023, [Điều 5](1)')
    >>> strip_markdown("Thực hiện [Kế hoạch số 245/KH-UBND](https://x.vn/245.pdf) ngày 31/12/2021[^1]")
    'Thực hiện Kế hoạch số 245/KH-UBND ngày 31/12/2021'
    >>> strip_markdown("Kế hoạch số _245/KH-UBND_, `860` hộ, mã 12_34, tăng 5 \\\\%")
    'Kế hoạch số 245/KH-UBND, 860 hộ, mã 12_34, tăng 5 %'
    >>> strip_markdown("<p>Căn cứ Quyết định số 99/QĐ-UBND.</p>"), strip_markdown("=======")
    ('Căn cứ Quyết định số 99/QĐ-UBND.', '')

    A tag that breaks a line leaves a space inside one (the text reader breaks the line there
    first, see :func:`html_lines`):

    >>> strip_markdown("Tổng số<br>860 hộ, <b>đạt</b> 95%")
    'Tổng số 860 hộ, đạt 95%'
    """
    # Each mark is looked for (in C) before its pattern runs: most lines hold none of them,
    # and a pattern call costs more than the line's search.
    if line.lstrip()[:1] in ("-", "*", "_", "=", "`", "~") and _MD_RULE.match(line):
        return ""
    if "#" in line[:4] and (heading := _MD_HEADING.sub("", line)) != line:
        line = _MD_CLOSING_HASHES.sub("", heading) if heading.endswith("#") else heading
    if "[" in line:
        if "![" in line:
            line = _MD_IMAGE.sub("", line)
        if "](" in line:
            line = _MD_LINK.sub(r"\1", line)
        if "[^" in line:
            line = _MD_FOOTNOTE_REF.sub("", line)
    if "`" in line:
        line = _MD_CODE.sub(r"\2", line)
    if "**" in line or "__" in line:
        line = _MD_STRONG.sub("", line)
    if "*" in line:
        line = _MD_EMPHASIS.sub(r"\1", line)
    if "_" in line:
        line = _MD_UNDERSCORES.sub(r"\1", line)
    if "<" in line:
        line, breaks = HTML_BREAK.subn(" ", line)
        line = _MD_HTML.sub("", line.strip() if breaks else line)
    return _MD_ESCAPE.sub(r"\1", line) if "\\" in line else line


def html_entities(text: str) -> str:
    r"""HTML's character references in text copied from a web page, as the characters they stand
    for; an ampersand in running text is left as it is.

    >>> html_entities("Sở Kế hoạch &amp; Đầu tư&nbsp;tỉnh, R&D, Ho&#224;ng")
    'Sở Kế hoạch & Đầu tư\xa0tỉnh, R&D, Hoàng'
    """
    if "&" not in text or ";" not in text:
        return text
    return _HTML_ENTITY.sub(lambda m: html.unescape(m.group()), text)


def html_lines(text: str) -> str:
    r"""A line break for each HTML tag that breaks a line (:data:`HTML_BREAK`), except in a line
    that holds a pipe (a table's row: its cells break their own lines, see the text reader).

    >>> html_lines("<p>I. KẾT QUẢ</p><p>Tổng số<br/>860 hộ</p>")
    '\nI. KẾT QUẢ\n\nTổng số\n860 hộ\n'
    >>> html_lines("| Số: 12/BC-UBND | Phú Tiến,<br>ngày 15 tháng 5 năm 2023 |")
    '| Số: 12/BC-UBND | Phú Tiến,<br>ngày 15 tháng 5 năm 2023 |'
    """
    if "<" not in text or HTML_BREAK.search(text) is None:
        return text
    if "|" not in text:
        return HTML_BREAK.sub("\n", text)
    return "\n".join(line if "|" in line else HTML_BREAK.sub("\n", line) for line in text.split("\n"))


def normalize_inline(text: str) -> str:
    """Collapse runs of spaces and tabs inside each line and trim the lines.

    >>> normalize_inline("TM. ỦY BAN  NHÂN DÂN  \\n CHỦ TỊCH")
    'TM. ỦY BAN NHÂN DÂN\\nCHỦ TỊCH'
    """
    if "  " not in text and "\t" not in text and " \n" not in text and "\n " not in text:
        return text.strip()
    return "\n".join(_INLINE_SPACE.sub(" ", line).strip() for line in text.split("\n")).strip("\n")


def in_capitals(text: str) -> bool:
    """Whether a line is written in capitals (header and signature lines are): at least one
    letter, and every letter upper case. Vietnamese letters all have a case, so this is
    ``str.isupper``, which runs in C; a scan of each character in Python cost milliseconds a
    document. (Not cached: a cache would hold every text it was asked about, a paragraph
    of megabytes too, and hashing the text costs what the test does.)

    >>> in_capitals("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"), in_capitals("Số: 12/BC-UBND"), in_capitals("12/2023")
    (True, False, False)
    """
    return text.isupper()


def _fold_char(c: str) -> str:
    decomposed = unicodedata.normalize("NFD", c.casefold().replace("đ", "d"))
    return "".join(x for x in decomposed if not unicodedata.combining(x))


class _FoldTable(dict[int, str]):
    """``str.translate`` table of :func:`fold`, filled on first sight of each character.

    Folding is per character: case folding and decomposition act on each code point alone,
    and canonical reordering only permutes the combining marks that are then dropped. So one
    table lookup per character (in C) gives what decomposing the whole string and filtering
    it in a Python loop gave, at a small fraction of the cost (the header rules fold every
    line they test)."""

    def __missing__(self, code: int) -> str:
        value = self[code] = _fold_char(chr(code))
        return value


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """A comparison key: lower case, no diacritics, đ → d.

    >>> fold("Chỉ Thị"), fold("ĐẢNG ỦY"), fold("Khánh Hòa")
    ('chi thi', 'dang uy', 'khanh hoa')
    """
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD)


def sentence_case(text: str) -> str:
    """``ỦY BAN NHÂN DÂN`` → ``Ủy ban nhân dân``; text already in mixed case is kept.

    >>> sentence_case("CHỦ TỊCH")
    'Chủ tịch'
    >>> sentence_case("Chủ tịch UBND")
    'Chủ tịch UBND'
    """
    if text.isupper():
        return text[:1] + text[1:].lower()
    return text
