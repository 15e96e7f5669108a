"""Text normalisation: Unicode NFC, space and hyphen variants, Markdown markup.

Everything here is a pure function on strings; the readers call them on each
block before assembly, so ``Report.text`` — the string all offsets point into —
is already clean.
"""

from __future__ import annotations

import re
import unicodedata

# Spaces that are not U+0020 (no-break, thin, figure, ideographic ...).
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Characters that carry nothing visible: zero-width, BOM, soft hyphen.
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
# Hyphen look-alikes; en and em dashes are real punctuation and stay.
_HYPHENS = re.compile("[\u2010\u2011\u2012\u2212\ufe63\uff0d]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_STRONG = re.compile(r"\*{2,3}|_{2,3}")
_MD_EMPHASIS = re.compile(r"(?<![\\\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_INLINE_SPACE = re.compile(r"[ \t]+")


def normalize_unicode(text: str) -> str:
    """NFC, one kind of space and hyphen, Unix newlines, no invisible characters.

    >>> normalize_unicode("Kha\u0301nh\u00a0Ho\u0300a")
    'Khánh Hòa'
    >>> normalize_unicode("61/2018/N\u0110\u2011CP")
    '61/2018/NĐ-CP'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _HYPHENS.sub("-", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def strip_markdown(line: str) -> str:
    """Drop Markdown markup from one line: heading marks, bold/italic markers, escapes.

    >>> strip_markdown("#### **I. KHÁI QUÁT CHUNG**")
    'I. KHÁI QUÁT CHUNG'
    >>> strip_markdown("***Nơi nhận:***")
    'Nơi nhận:'
    >>> strip_markdown("\\\\*Về thuận lợi, khó khăn:")
    '*Về thuận lợi, khó khăn:'
    """
    if _MD_RULE.match(line):
        return ""
    line = _MD_HEADING.sub("", line)
    line = _MD_STRONG.sub("", line)
    line = _MD_EMPHASIS.sub(r"\1", line)
    return _MD_ESCAPE.sub(r"\1", line)


def normalize_inline(text: str) -> str:
    """Collapse runs of spaces and tabs inside each line and trim the lines.

    >>> normalize_inline("TM. ỦY BAN  NHÂN DÂN  \\n CHỦ TỊCH")
    'TM. ỦY BAN NHÂN DÂN\\nCHỦ TỊCH'
    """
    return "\n".join(_INLINE_SPACE.sub(" ", line).strip() for line in text.split("\n")).strip("\n")


def fold(text: str) -> str:
    """A comparison key: lower case, no diacritics, đ → d.

    >>> fold("Chỉ Thị")
    'chi thi'
    """
    text = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c))


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
