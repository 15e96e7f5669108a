"""Scanned pages (bản scan) read with Tesseract (``vie``) into the blocks every reader hands over.

Flow for each page: rasterise (pypdfium2, annotations off; at the scan's own resolution, at
most 300 dpi) → drop the red of seals (con dấu) → Tesseract in a subprocess (TSV: one row per
word with its box) → print that no word box covers read again (Tesseract's segmentation drops
whole regions it takes for pictures) → the signature column read again where its position
under the seal was not read → lines → the page laid out as blocks:

- the header block (issuer | Quốc hiệu, ``Số:`` | place and date) as a ``layout`` block,
  its two columns split by x-position, so the metadata extractor reads its lines in the
  natural order;
- running text as ``paragraph`` blocks (a paragraph starts at an indented line, after a
  short line or a wider vertical gap, or at a bullet);
- the ``Nơi nhận`` | signature block as a ``layout`` block.

Copy stamps (``SAO Y BẢN CHÍNH``, the e-signature line ``SAO Y; CÔNG AN ...; 06/01/2026;
16:42:26``), seals and OCR junk are dropped. The handwritten fields of the header (the
number after ``Số:``, the day after ``ngày``) are read a second time on their own,
digits only, and left blank when that reading is not confident: a wrong day is worse
than a missing one. Upper-case header lines are checked against a small vocabulary,
because Tesseract's Vietnamese model often drops one of two stacked diacritics on
capitals (``ĐỀ`` → ``ĐÈ``, ``ĐỒNG`` → ``ĐÒNG``).
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import functools
import heapq
import itertools
import os
import re
import signal
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import regex
from rapidfuzz.distance import Levenshtein

from ..conventions.doc_types import CODES_OF_TYPE, DOC_TYPES, TYPE_CODES
from ..conventions.header import (
    HEADER_LABELS,
    HEADER_PATTERNS,
    blank_field,
    doc_type_of,
    has_mark,
    is_copy_heading,
    is_deputy,
    is_field_end,
    is_field_label,
    is_field_value,
    is_national_motto,
    match_line,
)
from ..conventions.numbering import BULLET, item_label_end, label_end, roman, roman_value
from ..conventions.vocabulary import (
    HEADER_PHRASES,
    POSITIONS,
    PROVINCES,
    RANKS,
    RECIPIENT_PURPOSE_ABBREVIATIONS,
    SURNAMES,
)
from ..document import Block, SourceDocument
from ..errors import OCR_TIME_LIMIT, CorruptFileError, InputError, MissingComponentError, ocr_error_type
from ..extract.symbols import PARTY_ISSUER, PARTY_TYPES, find_symbols
from ..limits import LimitExceededError, Limits, ocr_time_limit
from ..models import Source
from ..normalize import fold, in_capitals
from ..progress import pages_done
from ..split import split_documents
from . import ocr_tables, system, tesseract_lib
from .digits import HandReading, read_handwritten, sides_touched
from .ocr_tsv import Word, parse_tsv, parse_tsv_at

# ---------------------------------------------------------------------------------------------
# Upper-case header lines (tiêu đề, Quốc hiệu, tên cơ quan, tên loại văn bản) checked against the
# header vocabulary of ``conventions.vocabulary``: a run of words whose folded form (no
# diacritics) equals one of its phrases, but whose spelling is none of them, takes the phrase's
# spelling. Only header, type and signature lines are checked: in running text ``TÍNH`` and
# ``TỈNH`` are both words.


def _key(words: Sequence[str]) -> str:
    # Spaces left out: Tesseract also glues capitals together (``CÔNGAN``). ``&`` is ``và``
    # (``SỞ THÔNG TIN & TRUYỀN THÔNG``).
    return "".join("va" if w == "&" else fold(w) for w in words)


def _vocabulary() -> dict[str, list[str]]:
    phrases = {d["name"].upper() for d in DOC_TYPES} | set(HEADER_PHRASES) | {p.upper() for p in PROVINCES}
    out: dict[str, list[str]] = {}
    for phrase in sorted(phrases):
        out.setdefault(_key(phrase.split()), []).append(phrase)
    return out


_VOCAB = _vocabulary()
_VOCAB_LONGEST = max(len(p.split()) for ps in _VOCAB.values() for p in ps)
_TRAILING_PUNCT = re.compile(r"^(?P<word>.*?)(?P<punct>[,.;:)]*)$")


def fix_capitals(line: str) -> str:
    """Restore the diacritics (and spaces) Tesseract loses on capitals, for header vocabulary only.

    >>> fix_capitals("BÁO CÁO ĐÈ XUẤT")
    'BÁO CÁO ĐỀ XUẤT'
    >>> fix_capitals("CÔNG AN TÍNH LÂM ĐÒNG")
    'CÔNG AN TỈNH LÂM ĐỒNG'
    >>> fix_capitals("BỘ CÔNGAN")
    'BỘ CÔNG AN'
    >>> fix_capitals("ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH")
    'ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH'
    >>> fix_capitals("SỞ THÔNG TIN & TRUYÈN THÔNG")  # ``&`` kept as written
    'SỞ THÔNG TIN & TRUYỀN THÔNG'
    >>> fix_capitals("UÝ BAN NHÂN DÂN")  # of the two spellings, the one nearer the print
    'UỶ BAN NHÂN DÂN'
    """
    words = line.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(_VOCAB_LONGEST, len(words) - i), 0, -1):
            chunk = words[i: i + n]
            m = _TRAILING_PUNCT.match(chunk[-1])
            assert m is not None
            bare = [*chunk[:-1], m.group("word")]
            candidates = _VOCAB.get(_key(bare))
            if not candidates:
                continue
            written = " ".join(bare)
            # Already one accepted spelling (``UỶ`` and ``ỦY`` are both right): keep it as written.
            # Otherwise the spelling nearest the print, when one is (``UÝ BAN`` → ``UỶ BAN``).
            best = _nearest(written, candidates) if written not in candidates else None
            if best is not None:
                chunk = best.split(" ")
                if "&" in bare and len(bare) == len(chunk):
                    chunk = ["&" if w == "&" else c for w, c in zip(bare, chunk, strict=True)]
                chunk[-1] += m.group("punct")
            out.extend(chunk)
            i += n
            break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def _nearest(written: str, candidates: Sequence[str]) -> str | None:
    """The one candidate fewest characters away from ``written``; None when two are as near."""
    if len(candidates) == 1:
        return candidates[0]
    ranked = sorted((Levenshtein.distance(written, c), c) for c in candidates)
    return ranked[0][1] if ranked[0][0] < ranked[1][0] else None


# Type names (tên loại) as cited in running text, by folded form: ``Hướng dân số 37/HD-BCA``
# (an OCR slip) is ``Hướng dẫn số 37/HD-BCA``.
_TYPE_NAMES = {fold(d["name"]): d["name"] for d in DOC_TYPES}
_TYPE_WORDS = max(len(n.split()) for n in _TYPE_NAMES.values())
_TYPE_NAMES_JOINED = {key.replace(" ", ""): name for key, name in _TYPE_NAMES.items()}
_NUMBER_WORD = re.compile(r"(?<!\w)(?P<so>s[ốôổỗồoóòỏõọö])\s+(?=\d)", re.IGNORECASE)
# A speck OCR reads inside a type name or after one of its words (``Phương : án``, ``Hướng. dẫn``).
_SPECK = ".:;'’`"
# The type code of the symbol after ``số`` (``37/HD-BCA``, ``28/2025/QĐ-TTg``, ``132-KL/TW``), which
# names the type a name one letter off stands for (``Kêt iuận số 132-KL/TW``: ``Kết luận``).
_CODE_AFTER_NUMBER = regex.compile(r"\d{1,5}(?:/(?:19|20)\d\d)?[/-](?P<code>\p{Lu}{1,6})(?=[/-])")
_TYPE_NAMES_BY_CODE = {code: [name for name, codes in CODES_OF_TYPE.items() if code in codes] for code in TYPE_CODES}


def fix_type_words(text: str) -> str:
    """The type word of a citation (``Kế hoạch``, ``Hướng dẫn``) and its ``số`` as they are
    spelled, when OCR garbled their diacritics; everything else is left as read (the repairs
    made: :func:`repair_type_words`).

    >>> fix_type_words("Hướng dân số 37/HD-BCA-C04 ngày 24/9/2025")
    'Hướng dẫn số 37/HD-BCA-C04 ngày 24/9/2025'
    >>> fix_type_words("Căn cứ Quyêt định sô 28/2025/QĐ-TTg")
    'Căn cứ Quyết định số 28/2025/QĐ-TTg'
    >>> fix_type_words("có 12 hộ, số 5 còn lại")
    'có 12 hộ, số 5 còn lại'
    >>> fix_type_words("của Chính phủ; Nghị quy ết sô 50/NQ-CP")  # cv-4552-bca-c04-2025-scan
    'của Chính phủ; Nghị quyết số 50/NQ-CP'
    >>> fix_type_words("Phương : án sô 02/PA-BCA-C04; Báo cáo sö 34/BC-CAT-PH10")  # cv-3980-c04-p6-2025-scan
    'Phương án số 02/PA-BCA-C04; Báo cáo số 34/BC-CAT-PH10'

    A name one letter off a type's is that type when the symbol's code names it
    (ttr-409-ttr-cat-pc04-2025-scan); without the code, or with another's, it is left:

    >>> fix_type_words("Kế hoạch thực hiện Kêt iuận số 132-KL/TW); các Kêt iuận số 12 và Kêt iuận số 5/NQ-CP")
    'Kế hoạch thực hiện Kết luận số 132-KL/TW); các Kêt iuận số 12 và Kêt iuận số 5/NQ-CP'
    >>> fix_type_words("(Quyết định số 1668/QĐ-TTg")
    '(Quyết định số 1668/QĐ-TTg'
    """
    return repair_type_words(text)[0]


def repair_type_words(text: str) -> tuple[str, list[str]]:
    """:func:`fix_type_words`, with the repairs made.

    >>> repair_type_words("Báo cáo sö 34/BC-CAT-PH10")
    ('Báo cáo số 34/BC-CAT-PH10', ["'sö' → 'số'"])
    """
    out: list[str] = []
    repairs: list[str] = []
    pos = 0
    for m in _NUMBER_WORD.finditer(text):
        before = text[pos: m.start()]
        words = before.rstrip().split(" ")
        for n in range(min(_TYPE_WORDS + 1, len(words)), 0, -1):
            # Specks inside the name go; one after its last word (``Báo cáo: số 12 hộ``) is a mark.
            written = " ".join([*(w for w in (w.strip(_SPECK) for w in words[-n:-1]) if w), words[-1]])
            # A space read inside one of its words (``Nghị quy ết sô 50/NQ-CP``) too.
            name = _TYPE_NAMES.get(fold(written)) or (_TYPE_NAMES_JOINED.get(fold(written).replace(" ", ""))
                                                      if n > 1 else None)
            if name is None:
                name = _named_by_code(written, text, m.end())
            if name is None:
                continue
            if " ".join(words[-n:]).casefold() != name.casefold():
                name = (written[:1] + name[1:]) if written[:1].casefold() == name[:1].casefold() else name
                repairs.append(f"{' '.join(words[-n:])!r} → {name!r}")
                before = " ".join([*words[:-n], name]) + before[len(before.rstrip()):]
            so = "số" if m.group("so").islower() else "Số"
            if m.group("so") != so:
                repairs.append(f"{m.group('so')!r} → {so!r}")
            out.append(before + so + text[m.end("so"): m.end()])
            break
        else:
            out.append(text[pos: m.end()])
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), repairs


def _named_by_code(written: str, text: str, at: int) -> str | None:
    """The type name of as many words as ``written``, one letter off it, that the code of the
    symbol at ``at`` in ``text`` stands for; None when there is none or not one."""
    m = _CODE_AFTER_NUMBER.match(text, at)
    if m is None or not written.replace(" ", "").isalpha():  # ``(Quyết định``: a bracket is no letter
        return None
    words = len(written.split(" "))
    found = {name for name in _TYPE_NAMES_BY_CODE.get(m.group("code"), ())
             if len(name.split(" ")) == words
             and Levenshtein.distance(fold(written), fold(name), score_cutoff=1) == 1}
    return found.pop() if len(found) == 1 else None


# Labels of the header and of the closing block, by folded form.
_LABELS = [
    (re.compile(r"^(?P<w>[^\s:]+)(?=\s*:?\s*(?:\d|/|\.{2}|…|$))"),
     {k: v for k, v in HEADER_LABELS.items() if " " not in k}),
    (re.compile(r"^(?P<w>\S+\s+\S+?)(?=\s*:|$)"), {k: v for k, v in HEADER_LABELS.items() if " " in k}),
]


def fix_labels(line: str, *, place_date: bool = True, context: str = "") -> str:
    """``Noi nhận:`` → ``Nơi nhận:``, ``Sô: 12/BC-UBND`` → ``Số: 12/BC-UBND``; the date words of a
    place-and-date line (``ngảy`` → ``ngày``) when the line is one and ``place_date`` allows.

    >>> fix_labels("Noi nhận:")
    'Nơi nhận:'
    >>> fix_labels("Lâm Đồng, ngảy 06 tháng 01 nãm 2026")
    'Lâm Đồng, ngày 06 tháng 01 năm 2026'
    >>> fix_labels("Mới nhận:"), fix_labels("Mới nhận được")
    ('Nơi nhận:', 'Mới nhận được')
    >>> fix_labels("W⁄% tăng cường chỉ đạo kiêm điểm tự phê")
    'V/v tăng cường chỉ đạo kiêm điểm tự phê'
    >>> fix_labels("VA: Triển khai kế hoạch quan trắc môi trường")  # cv-406-kcn-qhmt-2012-scan
    'V/v Triển khai kế hoạch quan trắc môi trường'
    >>> fix_labels("Bắn Tre, ngày tháng 12 năm 2011", context="UBND TỈNH BẾN TRE")
    'Bến Tre, ngày tháng 12 năm 2011'
    >>> fix_labels("Bắc Giang, r gày-4Êtháng 3 năm 2012")  # tb-20-tb-stttt-2012-scan
    'Bắc Giang, ngày tháng 3 năm 2012'
    >>> fix_labels("Bắc Giang, ngàyÄÀtháng 9 năm 2012")  # cv-298-stttt-cntt-2012-scan, its Thể lệ
    'Bắc Giang, ngày tháng 9 năm 2012'
    """
    if m := _SUBJECT_LABEL.match(line):  # ``W⁄% tăng cường ...``: the ``V/v`` of a trích yếu
        return "V/v " + line[m.end():]
    for pattern, names in _LABELS:
        m = pattern.match(line)
        if m and (name := names.get(fold(m.group("w")).rstrip(":")) or _near_label(m, line, names)):
            return name + line[m.end("w"):]
    m = _PLACE_DATE.match(line) if place_date else None
    if m and (has_mark("date", m.group("date")) or _MONTH_YEAR_END.search(fold(m.group("date")))):
        # Only after the place: the place itself may fold to a date word (``Hà Nam``). A comma
        # read as a full stop or a semicolon is a comma again.
        tail = " ".join(_DATE_WORD_SPELLING.get(fold(w), w) for w in m.group("date").split(" "))
        # Before ``tháng`` stands ``ngày`` and its day: anything else there is the label and a
        # handwritten day misread together (``r gày-4Ê``), and the day is left blank.
        month = tail.find("tháng")
        if month > 0 and not _DAY_PART.fullmatch(tail[:month]):
            tail = "ngày " + tail[month:]
        line = f"{fix_place(m.group('place'), context)}, {tail}"
    return line


def _near_label(m: re.Match[str], line: str, names: dict[str, str]) -> str | None:
    """A two-word label one letter off (``Mới nhận:``), followed by its colon: a sentence
    that starts with the misread words has no colon after them."""
    key = fold(m.group("w")).rstrip(":")
    if " " not in key or (not line[m.end("w"):].lstrip().startswith(":") and not m.group("w").endswith(":")):
        return None
    near = [name for k, name in names.items() if Levenshtein.distance(key, k, score_cutoff=1) <= 1]
    return near[0] if len(near) == 1 else None


# ``V/v`` as OCR reads it before the lower-case words of a trích yếu: ``W⁄%``, ``V/y``, ``Vỉv``;
# and, before any word, with the slash and the ``v`` read as one ``A`` and its colon (``VA: Triển khai``).
_SUBJECT_LABEL = regex.compile(r"^(?:[VW][/⁄|\\lIỉi]?[vVy%]\s+(?=\p{Ll})|[VW]A[ ]*:[ ]*(?=\p{L}))")


def fix_place(place: str, context: str) -> str:
    """A province's name one letter off (``Bắn Tre``, ``Lâm Đông``) as the province is spelt,
    when the header's issuer lines (``context``) name that province; any other place (a
    commune, a district such as ``Phù Yên``) as read.

    >>> fix_place("Bắn Tre", "UBND TỈNH BẾN TRE"), fix_place("Lâm Đông", "CÔNG AN TỈNH LÂM ĐÒNG")
    ('Bến Tre', 'Lâm Đồng')
    >>> fix_place("Phù Yên", "UBND HUYỆN PHÙ YÊN"), fix_place("Phú Tiến", "UBND XÃ PHÚ TIẾN")
    ('Phù Yên', 'Phú Tiến')
    """
    if place in PROVINCES or len(place) < 6:
        return place
    close = [p for p in PROVINCES if Levenshtein.distance(place, p, score_cutoff=1) <= 1]
    named = fold(context)
    if len(close) == 1 and any(f"{head} {fold(close[0])}" in named for head in ("tinh", "thanh pho", "tp")):
        return close[0]
    return place


_PLACE_DATE = re.compile(r"^(?P<place>[^\W\d][^,.;:\d]{1,40}?)\s*[,.;]\s*(?P<date>\S+\s.*\d{4}\.?)$")
_DATE_WORD_SPELLING = {"ngay": "ngày", "thang": "tháng", "nam": "năm"}
# The end of a place-and-date line, its ``tháng`` glued to what the OCR read before it.
_MONTH_YEAR_END = re.compile(r"thang\s*\d{1,2}\s*nam\s*\d{4}\.?$")
# What a place-and-date line holds before ``tháng``: ``ngày`` and a day, read or blank.
_DAY_PART = re.compile(r"\s*ngày(?:\s*\d{1,2}|\s+\S{1,3})?\s*|\s*")


# ---------------------------------------------------------------------------------------------
# Repairs where the context decides: inside a date, the number of a symbol, a heading's number,
# a letter can only be the digit it looks like (``tháng I1`` is ``tháng 11``, ``36§-CV`` is
# ``368-CV``). Each repair is reported; text where a letter may be a letter is left alone.

_DIGIT_LIKE = str.maketrans({"O": "0", "o": "0", "Ø": "0", "ø": "0", "l": "1", "I": "1", "|": "1", "]": "1",
                             "¡": "1", "§": "8"})
_D = r"[0-9OoØølI|\]¡§]"
# ``407/201 1/QĐ-UBND``: a space read inside a symbol's year.
_SPLIT_YEAR = re.compile(r"(?<![\w/])(?P<n>\d{1,5}/)(?P<a>\d{1,3}) (?P<b>\d{1,3})(?=/\s*[A-ZĐ])")
# ``tháng 4 năm 201 2``: the same space inside a date's year, its last digit read as a letter
# too (``ngày 15 tháng 12 năm 201 I``): no year has three digits.
_SPLIT_DATE_YEAR = re.compile(rf"(?<!\w)(?P<n>[Nn]ăm )(?P<a>(?:19|20)\d) (?P<b>{_D})(?![\w/.,])")
# ``Như Điều ];``: an article's number, in a recipient or a sentence.
_ARTICLE = re.compile(rf"(?<!\w)(?P<word>Điều)\s+(?P<n>{_D}{{1,2}})(?=[\s;,.]|$)")
_DATE_WORD_FIELD = re.compile(rf"(?<!\w)(?P<word>[Nn]gày|[Tt]háng)\s+(?P<n>{_D}{{1,2}})(?=\s+(?P<next>\w+))")
_NUMERIC_DATE = re.compile(rf"(?<![\w/])(?P<d>{_D}{{1,2}})/(?P<m>{_D}{{1,2}})/(?P<y>{_D}{{4}})(?![\w/])")
_YEAR = re.compile(rf"(?<!\w)(?P<word>năm)\s+(?P<y>[12]{_D}{{3}})(?!\w)")
# The year of the place-and-date line's date (``Lâm Đồng, ngày tháng 11 năm 2625``): a state
# document is dated between 1945 and 2100. A year past 2100 is a misread digit, and when exactly
# one digit changed gives a year inside (``2625`` → ``2025``), that is the year. A year before
# 1945 is left alone: running text cites older dates (``ngày 19 tháng 5 năm 1890``), and only the
# header's own line is repaired.
_DATE_YEAR = re.compile(r"(?<!\w)(?P<pre>tháng\s+\S{1,2}\s+năm\s+)(?P<y>\d{4})(?![\w/])")
_DOCUMENT_YEARS = range(1945, 2101)


def possible_year(year: str) -> str | None:
    """The one year of :data:`_DOCUMENT_YEARS` that a misread 4-digit ``year`` past them is one
    digit away from; None when ``year`` is not past 2100, or when no year or several are.

    >>> possible_year("2625"), possible_year("3012"), possible_year("2025"), possible_year("1890")
    ('2025', '2012', None, None)
    >>> possible_year("2965") is None  # 1965 or 2065
    True
    """
    if int(year) <= _DOCUMENT_YEARS[-1]:
        return None
    near = {year[:i] + d + year[i + 1:] for i in range(4) for d in "0123456789" if d != year[i]}
    found = [y for y in near if int(y) in _DOCUMENT_YEARS and y[0] != "0"]
    return found[0] if len(found) == 1 else None
# In a symbol's number, an S beside digits is a 5 too (``S0/NQ- CP`` for ``50/NQ-CP``); not in a
# handwritten field, where an S is no digit's misreading.
_SYMBOL_DIGIT_LIKE = str.maketrans({**{chr(k): v for k, v in _DIGIT_LIKE.items()}, "S": "5"})
# ``ngày 0S tháng 11 năm 2012``: in a date written out in print, a day of a digit and an S is
# that digit and a 5 (the year's four digits after it show the date is read as print).
_PRINTED_DAY_S = re.compile(r"(?<!\w)(?P<pre>[Nn]gày\s+)(?P<d>[0-2]S)(?=\s+tháng\s+\d{1,2}\s+năm\s+\d{4}(?!\d))")
_D_OR_S = _D[:-1] + "S]"
_SYMBOL_NUMBER = re.compile(rf"(?<![\w/.-])(?P<n>{_D_OR_S}*[0-9]{_D_OR_S}*)(?=[-/][A-ZĐ])")
# ``725-CV/BTC1U``: the T of a Party body's ``TU`` (Tỉnh ủy) or ``TW`` (Trung ương) read as a 1
# (a scanner's line down the T); no Party issuer code has a digit there.
_PARTY_ISSUER_T = re.compile(r"(?<![\w/.-])(?P<pre>\d{1,5}-[A-ZĐ]{1,8}/[A-ZĐ]{0,6})1(?P<end>[UW])(?![\w-])")
# ``/TTr-CATŒC04``: a symbol's hyphen read as a ligature no Vietnamese word has, between two codes.
_HYPHEN_AS_OE = regex.compile(r"(?<=/[\p{L}0-9-]{0,12}[A-ZĐ0-9])[Œœ](?=[A-ZĐ0-9])")
# ``163/2024/QHI15``: a law or resolution of the Quốc hội is coded QH and its legislature's number
# (khóa), which the symbol's year decides; a letter read after QH is a stroke read twice
# (``QHI15`` for QH15) or the legislature's first 1 (``QHI5``), whichever the year allows.
_LEGISLATURE = re.compile(r"(?<![\w/.-])(?P<pre>\d{1,5}/(?P<y>(?:19|20)\d{2})/QH)[Il|](?P<n>\d{1,2})(?![\w-])")
# The Quốc hội's legislatures since khóa IX, by the years of their laws (an election year in two).
LEGISLATURES = {9: (1992, 1997), 10: (1997, 2002), 11: (2002, 2007), 12: (2007, 2011), 13: (2011, 2016),
                14: (2016, 2021), 15: (2021, 2026), 16: (2026, 2031)}


def _as_digits(text: str) -> str | None:
    """``text`` with its digit-like letters as digits, when it has any and at least one digit
    or a run of them that only digits make sense of."""
    digits = text.translate(_DIGIT_LIKE)
    return digits if digits != text and digits.isdigit() else None


def repair_numbers(text: str) -> tuple[str, list[str]]:
    """Digit-like letters inside a date or the number of a symbol read as the digits they are,
    with the repairs made (``'I1' → '11'``).

    >>> repair_numbers("ngày 16 tháng I1 năm 2011")
    ('ngày 16 tháng 11 năm 2011', ["tháng 'I1' → '11'"])
    >>> repair_numbers("Bắc Giang, ngày 2O tháng II năm 2012")[0]
    'Bắc Giang, ngày 20 tháng 11 năm 2012'
    >>> repair_numbers("Số 36§-CV/BPTT, ngày l6/5/2012")[0]
    'Số 368-CV/BPTT, ngày 16/5/2012'
    >>> repair_numbers("Mục II của Phần I, tháng I Lịch âm, có 10 l nước")[0]
    'Mục II của Phần I, tháng I Lịch âm, có 10 l nước'
    >>> repair_numbers("ngày 27 tháng 1] năm 2008; - Như Điều ];")[0]
    'ngày 27 tháng 11 năm 2008; - Như Điều 1;'
    >>> repair_numbers("Lâm Đồng, ngày Ø9 tháng 10 năm 2025")[0]
    'Lâm Đồng, ngày 09 tháng 10 năm 2025'
    >>> repair_numbers("Quyết định số 407/201 1/QĐ-UBND")[0], repair_numbers("ngày tháng 4 năm 201 2")[0]
    ('Quyết định số 407/2011/QĐ-UBND', 'ngày tháng 4 năm 2012')
    >>> repair_numbers("ngày 15 tháng 12 năm 201 I về việc")[0]
    'ngày 15 tháng 12 năm 2011 về việc'
    >>> repair_numbers("Công văn số 725-CV/BTC1U ngày")[0], repair_numbers("số 12/UBND-C1U")[0]
    ('Công văn số 725-CV/BTCTU ngày', 'số 12/UBND-C1U')
    >>> repair_numbers("Nghị quyết số S0/NQ- CP ngày 13/3/2025")[0], repair_numbers("số S/NQ-CP")[0]
    ('Nghị quyết số 50/NQ- CP ngày 13/3/2025', 'số S/NQ-CP')
    >>> repair_numbers("văn bản số 392/KCN-QHMT, ngày 0S tháng 11 năm 2012")[0]  # gpxd-19-2012-bql-kcn-scan
    'văn bản số 392/KCN-QHMT, ngày 05 tháng 11 năm 2012'
    >>> repair_numbers("Nghị quyết số 163/2024/QHI15 ngày 27/11/2024")[0]  # cv-4552-bca-c04-2025-scan
    'Nghị quyết số 163/2024/QH15 ngày 27/11/2024'
    >>> repair_numbers("Luật số 58/2005/QHI1")[0], repair_numbers("Luật số 163/2024/QHI5")[0]
    ('Luật số 58/2005/QH11', 'Luật số 163/2024/QH15')
    >>> repair_numbers("Nghị quyết số 50/NQ-CP rgày ¡3/3/2025 của")[0]  # ttr-409-ttr-cat-pc04-2025-scan
    'Nghị quyết số 50/NQ-CP rgày 13/3/2025 của'
    >>> repair_numbers("Lâm Đồng, ngày tháng 11 năm 2625")  # ttr-409-ttr-cat-pc04-2025-scan
    ('Lâm Đồng, ngày tháng 11 năm 2025', ["year '2625' → '2025'"])

    A symbol's slash read as another mark, or as a space, where the codes decide it
    (ttr-409-ttr-cat-pc04-2025-scan):

    >>> repair_numbers("Căn cứ Quyết định số 28/2025, QĐ-TTg ngày 24/8/2025")
    ('Căn cứ Quyết định số 28/2025/QĐ-TTg ngày 24/8/2025', ["symbol '28/2025, QĐ' → '28/2025/QĐ'"])
    >>> repair_numbers("và Kế hoạch số 2126:KH-CBND ngày 20/8/2025")[0]
    'và Kế hoạch số 2126/KH-CBND ngày 20/8/2025'
    >>> repair_numbers("Kêt iuận số 132-KL TW); Chỉ thị số 21-CT; TU")[0]
    'Kêt iuận số 132-KL/TW); Chỉ thị số 21-CT/TU'
    >>> repair_numbers("Quyết định số 28/2025, KH-UBND; Kế hoạch số 12, 13 và 14; 12-KL Tuấn")[1]
    []
    >>> repair_numbers("Số: /TTr-CATŒC04")[0], repair_numbers("Œuvre, cœur")[1]
    ('Số: /TTr-CAT-C04', [])
    """
    repairs: list[str] = []

    def field(m: re.Match[str]) -> str:
        digits = _as_digits(m.group("n"))
        name = blank_field(m.group("word"), m.group("next"))
        if not digits or name is None or not is_field_value(name, digits):
            return m.group(0)
        repairs.append(f"{m.group('word').lower()} {m.group('n')!r} → {digits!r}")
        return m.group(0)[: m.start("n") - m.start()] + digits

    def numeric(m: re.Match[str]) -> str:
        d, mo, y = (m.group(k).translate(_DIGIT_LIKE) for k in ("d", "m", "y"))
        if m.group(0).translate(_DIGIT_LIKE) == m.group(0) or not (d + mo + y).isdigit():
            return m.group(0)
        if not (1 <= int(d) <= 31 and 1 <= int(mo) <= 12 and 1900 <= int(y) <= 2100):
            return m.group(0)
        repairs.append(f"date {m.group(0)!r} → '{d}/{mo}/{y}'")
        return f"{d}/{mo}/{y}"

    def year(m: re.Match[str]) -> str:
        digits = _as_digits(m.group("y"))
        if not digits or not 1900 <= int(digits) <= 2100:
            return m.group(0)
        repairs.append(f"year {m.group('y')!r} → {digits!r}")
        return f"{m.group('word')} {digits}"

    def date_year(m: re.Match[str]) -> str:
        fixed = possible_year(m.group("y"))
        if fixed is None:
            return m.group(0)
        repairs.append(f"year {m.group('y')!r} → {fixed!r}")
        return m.group("pre") + fixed

    def split_year(m: re.Match[str]) -> str:
        year = (m.group("a") + m.group("b")).translate(_DIGIT_LIKE)
        if len(year) != 4 or not 1900 <= int(year) <= 2100:
            return m.group(0)
        repairs.append(f"year '{m.group('a')} {m.group('b')}' → {year!r}")
        return m.group("n") + year

    def article(m: re.Match[str]) -> str:
        digits = _as_digits(m.group("n"))
        if not digits or not 1 <= int(digits) <= 99:
            return m.group(0)
        repairs.append(f"article {m.group('n')!r} → {digits!r}")
        return f"{m.group('word')} {digits}"

    def printed_day(m: re.Match[str]) -> str:
        fixed = m.group("d")[0] + "5"
        repairs.append(f"ngày {m.group('d')!r} → {fixed!r}")
        return m.group("pre") + fixed

    def legislature(m: re.Match[str]) -> str:
        year = int(m.group("y"))
        fits = [n for n in {m.group("n"), "1" + m.group("n")}
                if (span := LEGISLATURES.get(int(n))) and span[0] <= year <= span[1]]
        if len(fits) != 1:
            return m.group(0)
        fixed = m.group("pre") + fits[0]
        repairs.append(f"symbol {m.group(0)!r} → {fixed!r}")
        return fixed

    def party_issuer(m: re.Match[str]) -> str:
        fixed = f"{m.group('pre')}T{m.group('end')}"
        repairs.append(f"symbol {m.group(0)!r} → {fixed!r}")
        return fixed

    def state_slash(m: regex.Match[str]) -> str:
        whole: str = m.group(0)
        if _STATE_CODE_OF.get(fold(m.group("name"))) != m.group("code"):
            return whole
        return slash(m)

    def slash(m: regex.Match[str]) -> str:
        whole: str = m.group(0)
        fixed = f"{m.group('n')}/{m.group('code')}"
        repairs.append(f"symbol {whole[m.start('n') - m.start():]!r} → {fixed!r}")
        return whole[: m.start("n") - m.start()] + fixed

    def hyphen(m: regex.Match[str]) -> str:
        repairs.append(f"symbol's {m.group(0)!r} → '-'")
        return "-"

    def symbol(m: re.Match[str]) -> str:
        digits = m.group("n").translate(_SYMBOL_DIGIT_LIKE)
        if digits == m.group("n") or not digits.isdigit():
            return m.group(0)
        repairs.append(f"symbol number {m.group('n')!r} → {digits!r}")
        return digits

    text = _PRINTED_DAY_S.sub(printed_day, text)
    text = _DATE_WORD_FIELD.sub(field, text)
    text = _NUMERIC_DATE.sub(numeric, text)
    text = _YEAR.sub(year, text)
    if _PLACE_DATE.match(text):
        text = _DATE_YEAR.sub(date_year, text)
    text = _SYMBOL_NUMBER.sub(symbol, text)
    text = _ARTICLE.sub(article, text)
    text = _SPLIT_YEAR.sub(split_year, text)
    text = _SPLIT_DATE_YEAR.sub(split_year, text)
    text = _PARTY_ISSUER_T.sub(party_issuer, text)
    text = _LEGISLATURE.sub(legislature, text)
    if "Œ" in text or "œ" in text:
        text = _HYPHEN_AS_OE.sub(hyphen, text)
    if "-" in text:
        text = _SLASH_MISREAD_STATE.sub(state_slash, text)
        text = _SLASH_MISREAD_PARTY.sub(slash, text)
    return text, repairs


# A capital vowel with its marks inside a word in lower case (``ma tÚy``): no abbreviation has
# one there (``TTg``, ``CTr``, ``QyĐ`` open with a capital), the OCR took its case from its size.
_TONED_CAPITALS = "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
# ... and one right after a word's capital, the rest of the word in lower case (``Lâm ĐỒng``):
# an abbreviation has no lower-case letters after two capitals (``ĐHĐCĐ``, ``TTg``, ``QyĐ``).
_CAPITAL_INSIDE = regex.compile(
    rf"(?<![\w/])(?:\p{{Ll}}+[{_TONED_CAPITALS}]\p{{Ll}}*|\p{{Lu}}[{_TONED_CAPITALS}]\p{{Ll}}+)(?![\w/])")
# Words of two letters or more, not the codes of a symbol (``12/KH-UBND``).
_WORDS = regex.compile(r"(?<![\p{L}/-])\p{L}{2,}(?![\p{L}/-])")
# ``Đ/c`` (đồng chí) with its c read as an e: no abbreviation is ``Đ/e``.
_DONG_CHI = regex.compile(r"(?<![\w/])(?P<d>[Đđ])/e(?![\w/])")
# ``để`` (for) before the abbreviations of what a copy is sent for: ``(để b/c)``, ``- Các Sở đề t/h;``;
# not the ``đề`` of a compound (``các vấn đề b/c``, ``chủ đề``, ``tiêu đề``).
_PURPOSE_ABBREVIATION = "|".join(map(regex.escape, RECIPIENT_PURPOSE_ABBREVIATIONS))
_FOR_BEFORE = regex.compile(
    rf"(?<![\w/])(?<!(?i:vấn|chủ|tiêu|đầu|nan|đặt)[ ])(?P<w>đề|đê|dể|đế)(?=[ ]+(?:{_PURPOSE_ABBREVIATION})(?![\w/]))")
# A word of four letters right before a numeric date, one letter off ``ngày`` and no Vietnamese
# syllable (``rgày 13/3/2025``, ``nuày 24/9/2025``): only ``ngày`` stands there.
_DAY_WORD_BEFORE_DATE = regex.compile(r"(?<![\w/])(?P<w>\p{L}{4})(?=[ ]+\d{1,2}/\d{1,2}/\d{4}(?![\d/]))")
# A token of two characters between a type name and a number, ``số`` with its accent misread or
# one letter off it and no syllable (``Nghị quyết ‡ô 26NQ-TW``, ``Luật sổ 25/2018/QH14``): only
# ``số`` stands there.
_TYPE_NAME_ALTERNATION = "|".join(map(regex.escape, sorted(_TYPE_NAMES.values(), key=len, reverse=True)))
_NUMBER_WORD_AFTER_TYPE = regex.compile(
    rf"(?<=(?<![\w/])(?i:{_TYPE_NAME_ALTERNATION})[ ]+)(?P<w>[^\s\d]{{2}})(?=[ ]+\d)")
# A symbol's slash read as a comma, colon or semicolon, or lost for a space, after a type name and
# ``số``, before the code of that type (``Quyết định số 28/2025, QĐ-TTg``, ``Kế hoạch số
# 2126:KH-CBND``): a number and a year never stand before a type's own code otherwise.
_STATE_CODE_OF = {fold(d["name"]): d["state"] for d in DOC_TYPES if d["state"]}
_SLASH_MISREAD_STATE = regex.compile(
    rf"(?<![\w/])(?P<name>(?i:{_TYPE_NAME_ALTERNATION}))[ ]+(?i:số)[ ]*:?[ ]*"
    r"(?P<n>\d{1,5}(?:/(?:19|20)\d\d)?)(?P<sep>[ ]*[,:;][ ]*|[ ]+)(?P<code>[A-ZĐ]{1,6})(?=[ ]*-[ ]*\p{Lu})")
# ... and a Party symbol's, between its type code and a Party body's (``132-KL TW``, ``21-CT; TU``).
_SLASH_MISREAD_PARTY = regex.compile(
    rf"(?<![\w/.-])(?P<n>\d{{1,5}}-(?:{PARTY_TYPES}))(?P<sep>[ ]*[,:;][ ]*|[ ]+)(?P<code>{PARTY_ISSUER})(?![/-])")


# An ``l`` read ``!`` at a word's start (``Thành !ập``): no word opens with an exclamation mark.
_BANG_FOR_L = regex.compile(r"(?<![\w!])!(?P<rest>\p{Ll}{1,6})(?!\w)")


def _syllables() -> dict[str, tuple[str, ...]]:
    """Vietnamese syllables by their folded letters (:func:`.ocr_words.model`, read on first use)."""
    from .ocr_words import model

    return model().syllables


def _among_capitals(m: regex.Match[str]) -> bool:
    """Whether the word ``m`` found stands in a line in capitals (``QUYẾT ĐỊNH vỀ VIỆC``, ``TỈNH
    LÂM ĐỒng``): the rest of its line is, two words at least, and it takes their capitals. One
    acronym beside it (``- UBND tỈnh;``) makes no line in capitals."""
    text = m.string
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    rest = f"{text[line_start:m.start()]} {text[m.end():line_end]}"
    return len(_WORDS.findall(rest)) >= 2 and rest.isupper()


def repair_words(text: str) -> tuple[str, list[str]]:
    """Words whose reading no text has: a capital vowel inside a word in lower case or right after
    its capital, ``Đ/e`` for ``Đ/c``, ``đề`` for ``để`` before ``b/c``; the repairs made.

    >>> repair_words("xét duyệt địa bàn cấp xã không ma tÚy; - Đ/e Đậu Xuân Bảo")  # bcdx-03-scan
    ('xét duyệt địa bàn cấp xã không ma túy; - Đ/c Đậu Xuân Bảo', ["'tÚy' → 'túy'", "'Đ/e' → 'Đ/c'"])
    >>> repair_words("Quyết định số 28/2025/QĐ-TTg, CTr, QyĐ, iOS")[1]
    []
    >>> repair_words("QUYẾT ĐỊNH vỀ VIỆC THÀNH LẬP")[0]
    'QUYẾT ĐỊNH VỀ VIỆC THÀNH LẬP'
    >>> repair_words("Nghị quyết số 50/NQ-CP rgày 13/3/2025 của Chính phủ")  # ttr-409-ttr-cat-pc04-2025-scan
    ('Nghị quyết số 50/NQ-CP ngày 13/3/2025 của Chính phủ', ["'rgày' → 'ngày'"])
    >>> repair_words("từ ngày 15/12/2023 đến ngay 14/12/2024, năm 2024 12/3/2025")[1]
    []
    >>> repair_words("theo tinh thần Nghị quyết ‡ô 26NQ-TW ngày 05/8/2008")  # cv-695-ubnd-vx-2012-scan
    ('theo tinh thần Nghị quyết số 26NQ-TW ngày 05/8/2008', ["'‡ô' → 'số'"])
    >>> repair_words("Luật sổ 25/2018/QH14")[0], repair_words("Quyết định số 12, Quyết định do 12 người ký")[1]
    ('Luật số 25/2018/QH14', [])
    >>> repair_words("NGHỊ QUYẾT SỐ 26-NQ/TW, Quyết định Số 12")[1], repair_words("NGHỊ QUYẾT SÔ 26-NQ/TW")[0]
    ([], 'NGHỊ QUYẾT SỐ 26-NQ/TW')
    >>> repair_words("Thành !ập Hội đồng")  # ttr-409-ttr-cat-pc04-2025-scan
    ('Thành lập Hội đồng', ["'!ập' → 'lập'"])
    >>> repair_words("Hãy hành động! vì nhân dân, !xq")[1]  # a mark after a word may be one
    []
    >>> repair_words("- Đ/c Chủ tịch UBND tỉnh Lâm ĐỒng; - Đ/c Bộ trưởng (đề b/cáo);")  # cv-3980, cv-5689
    ('- Đ/c Chủ tịch UBND tỉnh Lâm Đồng; - Đ/c Bộ trưởng (để b/cáo);', ["'ĐỒng' → 'Đồng'", "'đề' → 'để'"])

    """
    repairs: list[str] = []

    def lower(m: regex.Match[str]) -> str:
        # The word's first letter keeps its case (``tÚy`` → ``túy``, ``ĐỒng`` → ``Đồng``).
        word: str = m.group(0)
        fixed = word.upper() if _among_capitals(m) else word[0] + word[1:].lower()
        repairs.append(f"{word!r} → {fixed!r}")
        return fixed

    def dong_chi(m: regex.Match[str]) -> str:
        fixed = f"{m.group('d')}/c"
        repairs.append(f"{m.group(0)!r} → {fixed!r}")
        return fixed

    def day_word(m: regex.Match[str]) -> str:
        word: str = m.group("w")
        folded = fold(word)
        if Levenshtein.distance(folded, "ngay", score_cutoff=1) > 1 or folded in _syllables():
            return word  # no likeness, or a Vietnamese syllable (``ngày``, ``ngay``, ``ngân``, ``ngài``)
        fixed = ("N" if word[:1].isupper() else "n") + "gày"
        repairs.append(f"{word!r} → {fixed!r}")
        return fixed

    def number_word(m: regex.Match[str]) -> str:
        word: str = m.group("w")
        folded = fold(word)
        # ``sổ``, ``sô``, ``sở``: ``số`` with its accent misread; another syllable one letter off
        # (``do``, ``to``) may be a word there. ``Số`` and ``SỐ`` are right as they are.
        if word.lower() == "số" or (folded != "so" and (Levenshtein.distance(folded, "so", score_cutoff=1) > 1
                                                        or folded in _syllables())):
            return word
        fixed = "SỐ" if word.isupper() else "Số" if word[:1].isupper() else "số"
        repairs.append(f"{word!r} → {fixed!r}")
        return fixed

    def for_word(m: regex.Match[str]) -> str:
        repairs.append(f"{m.group('w')!r} → 'để'")
        return "để"

    def bang_for_l(m: regex.Match[str]) -> str:
        read: str = m.group(0)
        fixed = "l" + str(m.group("rest"))
        if fold(fixed) not in _syllables():
            return read
        repairs.append(f"{read!r} → {fixed!r}")
        return fixed

    text = _CAPITAL_INSIDE.sub(lower, text)
    text = _DONG_CHI.sub(dong_chi, text)
    text = _FOR_BEFORE.sub(for_word, text)
    text = _DAY_WORD_BEFORE_DATE.sub(day_word, text)
    text = _NUMBER_WORD_AFTER_TYPE.sub(number_word, text)
    if "!" in text:
        text = _BANG_FOR_L.sub(bang_for_l, text)
    return text, repairs


_HEADING_COMMA = re.compile(r"^(?P<n>\d{1,2}(?:[.,]\d{1,2})*),(?=\s+\w)|^(?P<m>\d{1,2}),(?P<k>\d{1,2})\.(?=\s)")
# ``L. Tiếp tục``: the ``1.`` read as one letter; ``L1. Về tuổi đời``: the ``1.`` of ``1.1.``.
_HEADING_L = regex.compile(r"^L(?P<n>[1-9])?\.(?=\s+\p{Lu}\p{Ll})")
# A mark that starts no paragraph, read before a heading's number and a capital.
_HEADING_SPECK = regex.compile(r"^[$§#*~](?=\d{1,2}\.[ ]+\p{Lu})")
_HEADING_ROMAN = re.compile(r"^(?P<r>[IlL|]{2,4})\.(?=\s+[^\W\d_])")
# ``Điêu 1. Thành lập``: an article's label read with another tone (``điêu`` is a syllable of its
# own, so the diacritics' repair leaves it), before its number, a full stop and a capital.
_HEADING_ARTICLE = regex.compile(r"^(?P<w>[ĐDđ]\p{L}{2,4})(?=[ ]+\d{1,3}\.[ ]+\p{Lu})")


def repair_heading_number(text: str) -> tuple[str, list[str]]:
    """A paragraph's heading number read with a comma for a full stop (``1,`` ``1,3.``) or a Roman
    ``II.`` read ``IL.``, with the repair made.

    >>> repair_heading_number("1, Kết quả thực hiện")
    ('1. Kết quả thực hiện', ["heading '1,' → '1.'"])
    >>> repair_heading_number("1,3. Tổ chức")[0], repair_heading_number("IL. NHIỆM VỤ")[0]
    ('1.3. Tổ chức', 'II. NHIỆM VỤ')
    >>> repair_heading_number("1, 2 và 3 tháng")[0], repair_heading_number("III. GIẢI PHÁP")[0]
    ('1, 2 và 3 tháng', 'III. GIẢI PHÁP')

    ``L.`` before a sentence is ``1.`` (a Roman number heads a title in capitals, and none is L):

    >>> repair_heading_number("L. Tiếp tục đẩy mạnh công tác")[0], repair_heading_number("L. NHIỆM VỤ")[0]
    ('1. Tiếp tục đẩy mạnh công tác', 'L. NHIỆM VỤ')

    ... and ``L1.`` before one is ``1.1.`` (the ``1.`` read as one letter):

    >>> repair_heading_number("L2. Về trình độ học vấn")[0]
    '1.2. Về trình độ học vấn'

    An article's label read with another tone before its number is ``Điều``:

    >>> repair_heading_number("Điêu 1. Thành lập Hội đồng")
    ('Điều 1. Thành lập Hội đồng', ["heading 'Điêu' → 'Điều'"])
    >>> repair_heading_number("Điều 2. Hội đồng")[1], repair_heading_number("Diêu 1. Kem")[0]
    ([], 'Điều 1. Kem')
    >>> repair_heading_number("ĐIỀU 1. PHẠM VI ĐIỀU CHỈNH")[1], repair_heading_number("điều 2. Hội đồng")[1]
    ([], [])

    A speck read before the number (a bold italic ``3.`` read ``$3.``) is dropped:

    >>> repair_heading_number("$3. Trong thời hạn 12 tháng")
    ('3. Trong thời hạn 12 tháng', ["heading's speck '$' dropped"])
    """
    if (speck := _HEADING_SPECK.match(text)) is not None:
        fixed, repairs = repair_heading_number(text[speck.end():])
        return fixed, [f"heading's speck {speck.group(0)!r} dropped", *repairs]
    if (word := _HEADING_ARTICLE.match(text)) is not None and word.group("w").casefold() != "điều" \
            and fold(word.group("w")) == "dieu":
        return "Điều" + text[word.end():], [f"heading {word.group('w')!r} → 'Điều'"]
    if (one := _HEADING_L.match(text)) is not None:
        fixed = f"1.{one.group('n')}." if one.group("n") else "1."
        return fixed + text[one.end():], [f"heading {one.group(0)!r} → {fixed!r}"]
    m = _HEADING_COMMA.match(text)
    if m and m.group("n") is not None and text[m.end():].lstrip()[:1].isupper():
        fixed = m.group("n").replace(",", ".") + "."
    elif m and m.group("m") is not None:
        fixed = f"{m.group('m')}.{m.group('k')}."
    else:
        r = _HEADING_ROMAN.match(text)
        if r is None or set(r.group("r")) == {"I"}:
            return text, []
        m, fixed = r, "I" * len(r.group("r")) + "."
    return fixed + text[m.end():], [f"heading {m.group(0)!r} → {fixed!r}"]


# ---------------------------------------------------------------------------------------------
# Words and lines from Tesseract's TSV.


@dataclass
class Line:
    """Words read as one line. Its box and text are worked out once: the words are never changed."""

    words: list[Word]

    @cached_property
    def left(self) -> int:
        return min(w.left for w in self.words)

    @cached_property
    def right(self) -> int:
        return max(w.right for w in self.words)

    @cached_property
    def top(self) -> int:
        return min(w.top for w in self.words)

    @cached_property
    def bottom(self) -> int:
        return max(w.bottom for w in self.words)

    @cached_property
    def middle(self) -> float:
        return statistics.median((w.top + w.bottom) / 2 for w in self.words)

    @cached_property
    def height(self) -> float:
        return statistics.median(w.height for w in self.words)

    @cached_property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @cached_property
    def conf(self) -> float:
        return statistics.fmean(w.conf for w in self.words)


def group_lines(words: list[Word]) -> list[Line]:
    """Tesseract's lines, in reading order top to bottom, words left to right."""
    by_key: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        by_key.setdefault(w.line_key, []).append(w)
    lines = [Line(sorted(ws, key=lambda w: w.left)) for ws in by_key.values()]
    return sorted(lines, key=lambda ln: (ln.middle, ln.left))


def split_line(line: Line, gap: float) -> list[Line]:
    """Split a line where two words are further apart than ``gap``: the columns of a header
    row that Tesseract read as one line. A blank field is no gap between columns: ``Số:`` and
    the symbol's ``/SNV-TCBC``, ``ngày`` and ``tháng`` (a number or a day that Tesseract did
    not read, handwritten or stamped, or none written yet)."""
    parts: list[list[Word]] = [[line.words[0]]]
    for w in line.words[1:]:
        if w.left - parts[-1][-1].right > gap and blank_field(parts[-1][-1].text, w.text) is None:
            parts.append([w])
        else:
            parts[-1].append(w)
    return [Line(p) for p in parts]


# ---------------------------------------------------------------------------------------------
# What is not text: stamps, page numbers, junk.

_TIMESTAMP = re.compile(r"\d{1,2}:\d{2}:\d{2}")
_PAGE_NUMBER = re.compile(r"^[-–]?\s*\d{1,3}\s*[-–]?$")
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


def is_stamp(line: Line) -> bool:
    """A copy stamp (``SAO Y BẢN CHÍNH``) or an e-signature line (``...; 16:42:26; +07:00``).

    >>> is_stamp(Line([Word("SAO", 0, 0, 9, 9, 90, (1, 1, 1)), Word("Y;", 10, 0, 19, 9, 90, (1, 1, 1))]))
    True
    """
    return has_mark("copy-stamp", line.text) or bool(_TIMESTAMP.search(line.text)
                                                      and re.search(r"[+-]\d{2}:\d{2}", line.text))


def without_junk_parts(line: Line, gap: float) -> Line:
    """A line of running text without the parts of it, a column's gap away from the rest, that
    are junk (:func:`is_junk`) read as letters: a received stamp's handwriting read beside a
    ``Kính gửi`` item (``tậỂH càu AđHHÁS`` … ``- UBND các huyện, thành phố.``)."""
    parts = split_line(line, gap)
    if len(parts) == 1:
        return line
    # A mark with no letter may be print (the colon that opens the next line): it stays.
    kept = [part for part in parts if not (is_junk(part) and _LETTERS.search(part.text))]
    return Line([w for part in kept for w in part.words]) if kept and len(kept) < len(parts) else line


def is_junk(line: Line) -> bool:
    """OCR junk: the strokes of a signature or a seal read as letters. Real lines have at least
    one confidently read word of two letters or more; a ``Số:`` line is kept however badly its
    handwritten number was read (``Số:z¿*./STTTT-VP``, one word of confidence 0): its fields
    are read again (:func:`_fix_fields`), and so is a line that is a type name.

    >>> is_junk(Line([Word("BIÊN", 0, 0, 9, 9, 55, (1, 1, 1)), Word("BẢN", 10, 0, 19, 9, 55, (1, 1, 1))]))
    False
    >>> is_junk(Line([Word("ÄÀ", 0, 0, 9, 9, 55, (1, 1, 1)), Word("BẢN", 10, 0, 19, 9, 55, (1, 1, 1))]))
    True
    """
    if has_mark("number", line.text):
        return False
    good = [w for w in line.words if w.conf >= 60 and len(_LETTERS.findall(w.text)) >= 2]
    if not good:
        junk = not any(w.conf >= 60 and any(c.isdigit() for c in w.text) for w in line.words)
    else:
        junk = line.conf < 35 and len(good) * 3 < len(line.words)
    # A type name in large bold capitals reads at 55 (``BIÊN BẢN``); no stroke reads as one.
    return junk and doc_type_of(line.text) is None


# ---------------------------------------------------------------------------------------------
# Page layout.


@dataclass
class PageGeometry:
    width: int
    height: int
    text_left: float
    text_right: float
    word_height: float
    gap: float = field(init=False)

    def __post_init__(self) -> None:
        # Columns of a header are several word heights apart; words of justified text are not.
        self.gap = max(2.5 * self.word_height, 0.04 * self.width)

    def column(self, seg: Line) -> str:
        """``left``, ``right`` or ``centre`` by where a segment's middle falls in the text width."""
        span = self.text_right - self.text_left or 1.0
        x = ((seg.left + seg.right) / 2 - self.text_left) / span
        return "left" if x < 0.42 else "right" if x > 0.58 else "centre"


def _geometry(lines: list[Line], width: int, height: int) -> PageGeometry:
    lefts = sorted(ln.left for ln in lines)
    rights = sorted(ln.right for ln in lines)
    heights = [w.height for ln in lines for w in ln.words if w.conf >= 60 and _LETTERS.search(w.text)]

    def pick(xs: list[int], q: float) -> float:
        return float(xs[min(len(xs) - 1, int(q * len(xs)))])

    return PageGeometry(width, height, pick(lefts, 0.05), pick(rights, 0.95),
                        statistics.median(heights) if heights else height / 70)


@dataclass
class Row:
    segments: list[Line]

    @property
    def top(self) -> int:
        return min(s.top for s in self.segments)

    @property
    def bottom(self) -> int:
        return max(s.bottom for s in self.segments)


def _rows(lines: list[Line], geo: PageGeometry) -> list[tuple[Row, list[int]]]:
    """Visual rows of segments: segments side by side (overlapping vertically, not
    horizontally) are one row, whether Tesseract read them as one line or as two blocks.
    Each row comes with the indexes of the lines it took segments from."""
    rows: list[tuple[Row, list[int]]] = []
    for i, line in enumerate(lines):
        for seg in (part for piece in split_line(line, geo.gap) for part in split_header_columns(piece)):
            for row, owners in rows:
                overlap = min(row.bottom, seg.bottom) - max(row.top, seg.top)
                side_by_side = all(seg.right < s.left or seg.left > s.right for s in row.segments)
                if side_by_side and overlap > 0.5 * min(seg.bottom - seg.top, row.bottom - row.top):
                    row.segments.append(seg)
                    row.segments.sort(key=lambda s: s.left)
                    owners.append(i)
                    break
            else:
                rows.append((Row([seg]), [i]))
    rows.sort(key=lambda r: r[0].top)
    return rows


def split_header_columns(seg: Line) -> list[Line]:
    """A header line whose two columns stand closer than a column gap, read as one segment, cut
    where the right column begins: at the Quốc hiệu or the Tiêu ngữ (``UBND TỈNH LÂM ĐỒNG
    CỘNG HÒA ...``, ``SỞ NỘI VỤ Độc lập - Tự do ...``), or after the symbol of the ``Số:``
    line, at the place and date (``Số: 181/BC-SNV Lâm Đồng, ngày 05 ...``). A copy sheet's
    heading (``UBND TỈNH BẮC GIANG   SAO LỤC``) stands where the Quốc hiệu would."""
    words = seg.words
    for i in range(1, len(words)):
        rest = " ".join(w.text for w in words[i:])
        if is_national_motto(rest) or is_copy_heading(rest) or (
                "/" in words[i - 1].text and match_line("place-date", rest) is not None
                and has_mark("number", " ".join(w.text for w in words[:i]))):
            return [Line(words[:i]), Line(words[i:])]
    return [seg]


# ``Số:``, ``Số 368-CV/BPTT``, not the issuer ``SỞ NỘI VỤ`` (folded alike).


def _header(lines: list[Line], geo: PageGeometry, first_page: bool) -> tuple[list[list[Line]], set[int]]:
    """The two columns of the header block, [left lines, right lines], and the indexes of the
    lines they use. Empty when the page does not open with a header."""
    top_lines = [i for i, ln in enumerate(lines) if ln.top < 0.45 * geo.height]
    rows = _rows([lines[i] for i in top_lines], geo)
    left: list[Line] = []
    right: list[Line] = []
    used: set[int] = set()
    seen_columns = False
    for row, owners in rows:
        sides = [geo.column(s) for s in row.segments]
        # ``Kính gửi:`` starts the body, however far right it stands; ``Nơi nhận`` or the signing
        # line the closing block of a copy's sheet, which has no type name or body between. A
        # label is known as read again (``Kính 8ửi:``, see fix_labels).
        labels = [fix_labels(s.text, place_date=False) for s in row.segments]
        if "centre" in sides or any(match_line("addressee", t) or match_line("recipients", t)
                                    or match_line("signing", t) for t in labels) \
                or any(s.left < geo.text_left + 0.3 * (geo.text_right - geo.text_left)
                       and s.right > geo.text_right - 0.3 * (geo.text_right - geo.text_left)
                       for s in row.segments):
            break
        seen_columns = seen_columns or len(set(sides)) == 2 or any(has_mark("motto", s.text)
                                                                   for s in row.segments)
        for seg, side in zip(row.segments, sides, strict=True):
            (left if side == "left" else right).append(seg)
        used.update(top_lines[k] for k in owners)
    if not seen_columns or not (first_page or any(has_mark("motto", s.text) or is_copy_heading(s.text)
                                                  for s in right)):
        return [], set()
    return [left, right], used


def _split_at(lines: list[str], mark: str) -> tuple[list[str], list[str]]:
    for i, text in enumerate(lines):
        if has_mark(mark, text):
            return lines[:i], lines[i:]
    return lines, []


_SIGNATURE_START = HEADER_PATTERNS["recipients"]


def _signing_row(lines: list[Line], geo: PageGeometry) -> int | None:
    """The row of the signing line (``KT.GIÁM ĐỐC``, in capitals, in the right half of the
    lower page) when no ``Nơi nhận`` was read: its label misread (``Nˆ* thận:``) on the same row."""
    middle = geo.text_left + 0.5 * (geo.text_right - geo.text_left)
    for i, line in enumerate(lines):
        if line.top < 0.4 * geo.height:
            continue
        for seg in split_line(line, geo.gap):
            m = match_line("signing", seg.text)
            if seg.left > middle and m is not None and _is_upper(seg.text[m.start("rest"):]):
                return i
    return None


def _signature_start(lines: list[Line], geo: PageGeometry) -> int | None:
    """The first line of the ``Nơi nhận`` | signature block: the ``Nơi nhận`` label (as
    :func:`fix_labels` restores it: ``Mới nhận:``), else the signing line (:func:`_signing_row`),
    or the signer's position a little higher in the same row."""
    start = next((i for i, ln in enumerate(lines)
                  if _SIGNATURE_START.match(fold(fix_labels(ln.text, place_date=False)))), None)
    if start is None:
        start = _signing_row(lines, geo)
    while start and _same_row(lines[start - 1], lines[start]) and lines[start - 1].left > lines[start].right:
        start -= 1
    return start


# ---------------------------------------------------------------------------------------------
# The signature column read again.
#
# The seal is stamped over the signer's position (chức vụ), and Tesseract's segmentation often
# takes the position's line for part of the seal's picture: it reads nothing there (``GIÁM
# ĐỐC`` over the seal of a Sở), or a scrap (``PHONG`` of ``PHÓ VĂN PHÒNG``). Read alone as one
# block (``--psm 6``), the column gives those lines back. Only lines that the conventions of a
# signature know (a signing line, a position, a deputy's title) are taken from that reading:
# the rest of it is the seal's print and the signature's strokes.

# The lines a signature reading keeps their own block numbers, after those of the second reading.
_SIGNATURE_BLOCK = 20_000
# The seal's print read before a line's first word (``~#z£PHÓ``, ``—-KT.``): whatever stands
# before the last mark that is no letter, when capitals follow it to the word's end.
_LEADING_SPECK = regex.compile(r"^.*[^\p{L}](?=\p{Lu}+\.?$)")
_NO_LETTERS_BEFORE = regex.compile(r"^[^\p{L}]+")


def signature_line(text: str) -> str | None:
    """A line of the signature column that the conventions know, spelled right, or ``None``:
    the signing line (``KT. TRƯỞNG BAN``), a known position (``GIÁM ĐÓC`` → ``GIÁM ĐỐC``), or
    a deputy's title (``PHÓ VĂN PHÒNG``), in capitals. A speck of the seal before its first word
    is left out.

    >>> signature_line("—-KT. TRƯỞNG BAN"), signature_line("GIÁM ĐÓC"), signature_line("~#z£PHÓ VĂN PHÒNG")
    ('KT. TRƯỞNG BAN', 'GIÁM ĐỐC', 'PHÓ VĂN PHÒNG')
    >>> signature_line("KT.CHÁNH VĂN PHÒNG"), signature_line("— GIÁM ĐÓC")
    ('KT.CHÁNH VĂN PHÒNG', 'GIÁM ĐỐC')
    >>> signature_line("/⁄Z%⁄IPNð TRƯỞNG BAN"), signature_line("ị SỞM"), signature_line("GIÁM ĐÓC SỞ TƯ PHÁP")
    (None, None, None)
    """
    signing = _NO_LETTERS_BEFORE.sub("", text)  # ``—-KT. TRƯỞNG BAN``
    m = match_line("signing", signing) if _is_upper(signing) else None
    if m is not None:
        line = signing
        after = line[m.start("rest"):]
        return line[:m.start("rest")] + fix_capitals(after) if len(after.split()) <= 6 else None
    first, _, rest = signing.partition(" ")  # ``— GIÁM ĐÓC``: a speck of its own goes first
    first = _LEADING_SPECK.sub("", first)
    line = f"{first} {rest}".strip()
    if not _is_upper(line) or not _LETTERS.search(first):
        return None
    fixed = fix_position(fix_capitals(line))
    if fold(fixed) in _POSITION_KEYS or (is_deputy(fixed) and len(fixed.split()) <= 5):
        return fixed
    return None


def signature_box(words: list[Word], width: int, height: int) -> Box | None:
    """The signature column of a page (right of the ``Nơi nhận`` list, from its row to the
    signer's name) when no position was read in it; ``None`` when there is none, or the position
    was read."""
    lines = [ln for ln in group_lines(words) if not is_junk(ln) and not is_stamp(ln)]
    if not lines:
        return None
    geo = _geometry(lines, width, height)
    start = _signature_start(lines, geo)
    if start is None:
        return None
    boundary = geo.text_left + 0.3 * (geo.text_right - geo.text_left)
    right: list[Line] = []
    left_edge = 0
    for line in lines[start:]:
        for seg in split_line(line, geo.gap):
            if is_junk(seg):
                continue
            if seg.left < boundary:
                left_edge = max(left_edge, seg.right)
            else:
                right.append(seg)
    if not right:
        return None
    for seg in right:
        known = signature_line(seg.text)
        if known is not None and match_line("signing", known) is None:
            return None  # the position was read
    h = geo.word_height
    x0 = round(max(left_edge + h / 2, min(seg.left for seg in right) - 2 * h))
    top = round(min(lines[start].top, right[0].top) - h)
    bottom = round(max(seg.bottom for seg in right) + h / 2)
    return max(0, x0), max(0, top), width, min(height, bottom)


def merge_signature(words: list[Word], found: list[Word], left: int) -> list[Word]:
    """The page's words with the signature lines a reading of its column (``found``, page
    coordinates) gave (see :func:`signature_line`). Such a line takes the place of what was read
    in its row of the column (``left`` onwards): a scrap of it, or nothing; a row that reads the
    same already stays as it is."""
    out = list(words)
    for k, line in enumerate(group_lines(found)):
        known = signature_line(line.text)
        if known is None or line.conf < 40:
            continue
        row = [w for w in out if _in_row(w, line, left)]
        if row and fold(signature_line(" ".join(w.text for w in sorted(row, key=lambda w: w.left))) or "") \
                == fold(known):
            continue
        out = [w for w in out if not _in_row(w, line, left)]
        texts = known.split(" ")
        if len(texts) != len(line.words):
            texts = [w.text for w in line.words]
            texts[0] = _LEADING_SPECK.sub("", texts[0])
        out.extend(Word(t, w.left, w.top, w.right, w.bottom, w.conf, (_SIGNATURE_BLOCK, 0, k))
                   for t, w in zip(texts, line.words, strict=True))
    return out


def _in_row(w: Word, line: Line, left: int) -> bool:
    """Whether a word lies in the row of ``line``, from ``left`` onwards."""
    return w.left >= left and min(w.bottom, line.bottom) - max(w.top, line.top) > 0.3 * min(
        w.height, line.bottom - line.top)


_STRAY_WORD = regex.compile(r"^\p{Ll}{1,3}$")
_MISREAD_BULLET = regex.compile(r"^[^\p{L}\p{N}\s(“\"+\-]{1,2}\s+(?=\p{L})")
_LABEL_MISREAD = regex.compile(r"^\S{1,6}(?:\s+\S{1,6})?\s*:$")


def _signature(lines: list[Line], geo: PageGeometry, start: int) -> list[list[str]]:
    """The ``Nơi nhận`` | signature block from line ``start`` to the end of the page, as
    [[left column, right column]] with one line of text per line of the block."""
    left: list[str] = []
    right: list[str] = []
    boundary = geo.text_left + 0.3 * (geo.text_right - geo.text_left)
    for line in lines[start:]:
        for seg in split_line(line, geo.gap):
            if is_junk(seg):
                continue
            text = fix_labels(seg.text)
            if seg.left < boundary:
                if not left and not _SIGNATURE_START.match(fold(text)) and _LABEL_MISREAD.match(text):
                    text = "Nơi nhận:"  # the label over the recipients, misread (``Nˆ* thận:``)
                if _STRAY_WORD.match(text):
                    continue  # ``ma``: a signature's stroke read as a short word
                left.append(fix_archive_item(_MISREAD_BULLET.sub("- ", text)))  # ``¬. Lãnh đạo Sở;``
            else:
                right.append(fix_position(fix_capitals(text)) if _is_upper(text) else fix_name(text))
    return [["\n".join(left), "\n".join(right)]]


# The last item of ``Nơi nhận``: ``Lưu: VT, ...``, the copy the office keeps, the Văn thư (VT)
# first; its label misread (``am: VT, PBGDPL.``) before ``VT``.
_ARCHIVE_LABEL = regex.compile(r"^(?P<bullet>-\s*)?\p{L}{1,3}\s*:\s*(?=VT\b)")


def fix_archive_item(line: str) -> str:
    """The ``Lưu`` label of the recipients' last item, misread in a word of three letters at most
    before ``: VT``.

    >>> fix_archive_item("- am: VT, PBGDPL."), fix_archive_item("- Lưu: VT, TH."), fix_archive_item("- Sở: VT")
    ('- Lưu: VT, PBGDPL.', '- Lưu: VT, TH.', '- Sở: VT')
    """
    m = _ARCHIVE_LABEL.match(line)
    if m is None or fold(line[m.start(): m.end()]).strip("- :") in _ARCHIVE_NOT:
        return line
    return f"{m.group('bullet') or ''}Lưu: {line[m.end():]}"


# Short words that do stand before ``: VT`` (a body keeping its own copy).
_ARCHIVE_NOT = frozenset({"so", "ban", "cuc", "vu", "bo", "luu"})


_SURNAMES: dict[str, list[str]] = {}
for _surname in SURNAMES:
    _SURNAMES.setdefault(fold(_surname), []).append(_surname)
_RANK_HEADS = {fold(r.split()[0]) for r in RANKS}
_NAME_WORDS = regex.compile(r"^(?:\p{Lu}\p{Ll}*[ ]){1,5}\p{Lu}\p{Ll}*$")


def fix_name(line: str) -> str:
    """A signer's name line as the conventions spell it: a rank whose second word was misread
    (``Thượng frớng`` → ``Thượng tướng``), and a family name one accent off that folds to
    exactly one known family name (``Trân Văn Thanh`` → ``Trần Văn Thanh``). Anything that is
    not a name line is left as read.

    >>> fix_name("Trân Văn Thanh"), fix_name("Thượng frớng Nguyễn Văn Long"), fix_name("Dương Văn An")
    ('Trần Văn Thanh', 'Thượng tướng Nguyễn Văn Long', 'Dương Văn An')
    >>> fix_name("Trân trọng cảm ơn")
    'Trân trọng cảm ơn'

    A family name read as no name word at all (a mark before it, a small letter) when the
    words after it are a name: the one family name it is closest to, two letters off at most
    (`` `xgưýến Công Nghiệp`` → ``Nguyễn Công Nghiệp``).

    >>> fix_name("`xgưýến Công Nghiệp"), fix_name("đồng chí Công Nghiệp")
    ('Nguyễn Công Nghiệp', 'đồng chí Công Nghiệp')

    The seal and the strokes hide letters (``gúyền Đức Kha``: ``Nguyễn``); a reading with more
    letters than a family name is not that name read: it shows print the name has not
    (``NghÖ Văn Diệu``, the seal over ``Nguyễn``, is one letter from ``Ngô`` but one too long).

    >>> fix_name("gúyền Đức Kha"), fix_name("NghÖ Văn Diệu")
    ('Nguyễn Đức Kha', 'NghÖ Văn Diệu')
    """
    words = line.split()
    rank: list[str] = []
    if len(words) > 3 and fold(words[0]) in _RANK_HEADS:
        for known in RANKS:
            head, tail = known.split()
            if fold(words[0]) == fold(head) and (fold(words[1]) == fold(tail) or (
                    len(tail) > 2 and Levenshtein.distance(fold(words[1]), fold(tail), score_cutoff=2) <= 2)):
                rank, words = [head if words[0] == head else words[0], tail], words[2:]
                break
    if not _NAME_WORDS.match(" ".join(words)):
        misread = _misread_family_name(words)
        if misread is None:
            return line
        words = [misread, *words[1:]]
    family = _SURNAMES.get(fold(words[0]), [])
    if len(family) == 1 and words[0] not in family:
        words = [family[0], *words[1:]]
    return " ".join(rank + words)


def _misread_family_name(words: list[str]) -> str | None:
    """The family name a misread first word of a name stands for (see :func:`fix_name`), or
    ``None``: the other words must be a name, and exactly one family name must be nearest."""
    if not 3 <= len(words) <= 4 or not _NAME_WORDS.match(" ".join(words[1:])):
        return None
    first = fold(_NAME_JUNK.sub("", words[0]))
    if len(first) < 3 or len(words) - 1 > 3 or " " in first:
        return None
    scored = sorted((Levenshtein.distance(first, key), key) for key in _SURNAMES
                    if len(_SURNAMES[key]) == 1 and len(key) >= len(first))
    if not scored or scored[0][0] > 2 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    return _SURNAMES[scored[0][1]][0]


_NAME_JUNK = regex.compile(r"^[^\p{L}]+")
_POSITION_KEYS = {fold(p): p.upper() for p in POSITIONS}
# A first token with no space in it and something other than a letter (``Z⁄5.5``).
_SEAL_SPECK = regex.compile(r"^(?=\S*[^\p{L}\s])\S+\s+")


def fix_position(line: str) -> str:
    """A signer's position (chức vụ) one OCR letter away from a known one, spelled right: the seal
    stamped over it costs a letter or an accent (``GLIÁM ĐÓC`` → ``GIÁM ĐỐC``).

    A speck of the seal read before it (``Z⁄5.5 GIÁM ĐỐC``: a token of one letter or none) is
    dropped when the rest is a position.

    >>> fix_position("GLIÁM ĐÓC"), fix_position("KT. GIÁM ĐỐC"), fix_position("THIẾU TƯỚNG")
    ('GIÁM ĐỐC', 'KT. GIÁM ĐỐC', 'THIẾU TƯỚNG')
    >>> fix_position("GLÁM ĐÓC")
    'GIÁM ĐỐC'
    >>> fix_position("Z⁄5.5 GIÁM ĐỐC"), fix_position("Z⁄5.5 NĂM"), fix_position("Q. GIÁM ĐỐC")
    ('GIÁM ĐỐC', 'Z⁄5.5 NĂM', 'Q. GIÁM ĐỐC')
    """
    m = match_line("signing", line)
    speck = _SEAL_SPECK.match(line) if m is None else None  # not ``Q. GIÁM ĐỐC``
    if speck is not None and len(_LETTERS.findall(speck.group())) <= 1:
        fixed = fix_position(line[speck.end():])
        if fold(fixed) in _POSITION_KEYS:
            return fixed
    auth, rest = (line[:m.start("rest")], line[m.start("rest"):]) if m else ("", line)
    if len(rest.split()) > 5:
        return line
    from rapidfuzz import fuzz, process

    best = process.extractOne(fold(rest), list(_POSITION_KEYS), scorer=fuzz.ratio, score_cutoff=92)
    if best is None:
        # One letter read as another (``GLÁM ĐÓC``): a substitution, which the ratio counts twice.
        near = [key for key in _POSITION_KEYS if Levenshtein.distance(fold(rest), key, score_cutoff=1) <= 1]
        return auth + _POSITION_KEYS[near[0]] if len(near) == 1 and len(fold(rest)) >= 6 else line
    return auth + _POSITION_KEYS[best[0]]


_is_upper = in_capitals


_ENDS_SENTENCE = re.compile(r"[.;:!?]\W*$")


def paragraphs(lines: list[Line], geo: PageGeometry) -> list[str]:
    """Running text lines joined into paragraphs. A line starts a paragraph when it is
    indented from the line above (first-line indent, a centred title), when the line above
    stopped short of the right margin, after a gap wider than the usual line pitch, or at a
    bullet, list number or section label (``Điều 6.``, ``1-``) after a finished sentence."""
    if not lines:
        return []
    pitches = [b.middle - a.middle for a, b in itertools.pairwise(lines) if b.middle > a.middle]
    pitch = statistics.median(pitches) if pitches else geo.word_height * 1.5
    indent = 0.6 * geo.word_height  # ~2 mm: less than any first-line indent
    short = 4 * geo.word_height
    out: list[str] = [lines[0].text]
    for prev, line in itertools.pairwise(lines):
        close = line.middle - prev.middle <= 1.45 * pitch
        # A title (trích yếu) centred over two lines is one paragraph; the type name above it
        # (``BÁO CÁO``, all capitals) stays apart.
        title = (close and _centred(prev, geo) and _centred(line, geo)
                 and _is_upper(prev.text) == _is_upper(line.text) and not _ENDS_SENTENCE.search(prev.text))
        new = not title and (
            line.left > prev.left + indent
            or prev.right < geo.text_right - short
            or not close
            or ((BULLET.match(line.text) is not None or item_label_end(line.text) is not None
                 or _opens_section(line.text)) and _ENDS_SENTENCE.search(prev.text) is not None)
        )
        out[-1:] = [out[-1], line.text] if new else [join_lines(out[-1], line.text)]
    return out


def _opens_section(text: str) -> bool:
    """Whether a line opens with a section label and a capital after it (``Điều 6. Thời gian``,
    ``1- Mục tiêu``, a Roman number written bare as the seed's ``III KẾT QUẢ THỰC HIỆN:``): a
    sentence that a wrapped line happens to start (``Điều 12 của Quy chế này ...``) is no heading.

    >>> _opens_section("Điều 6. Thời gian và địa điểm"), _opens_section("Điều 12 của Quy chế này quy định")
    (True, False)
    """
    end = label_end(text)
    return end is not None and text[end:end + 1].isupper()


def _centred(line: Line, geo: PageGeometry) -> bool:
    """Equal room left and right, however wide the line: justified text starts at the margin or
    at a first-line indent and reaches the right margin, so it never is."""
    left, right = line.left - geo.text_left, geo.text_right - line.right
    h = geo.word_height
    slack = max(1.5 * h, 0.04 * (geo.text_right - geo.text_left))
    return left > 0.5 * h and right > 0.5 * h and abs(left - right) < slack


_BROKEN_AT_HYPHEN = re.compile(r"\w-$")


def join_lines(text: str, following: str) -> str:
    """Two lines of one paragraph. Vietnamese words are not hyphenated across lines, so a line
    ending in a hyphen glued to a word broke a symbol or a compound there: no space.

    >>> join_lines("Chương trình phối hợp số 03-", "CTr/BDVTW-BCSĐCP")
    'Chương trình phối hợp số 03-CTr/BDVTW-BCSĐCP'
    >>> join_lines("giai đoạn 2025 -", "2030")
    'giai đoạn 2025 - 2030'
    """
    return text + following if _BROKEN_AT_HYPHEN.search(text) else f"{text} {following}"


# ---------------------------------------------------------------------------------------------
# Handwritten fields of the header.

Box = tuple[int, int, int, int]
ReadField = Callable[[Box], tuple[str, float] | None]
ReadHand = Callable[[Box, Callable[[str], bool]], HandReading | None]
CountStems = Callable[[Box], int]


Notes = list[tuple[str, str]]


def _field(words: list[Word], name: str, read: ReadField | None, notes: Notes | None,
           hand: ReadHand | None = None, *, doubtful: bool = False) -> list[Word]:
    """Replace the words between the label word (``Số:``, ``ngày``) and the word that follows the
    field (``/BC-UBND``, ``tháng``) by a reading of that box as digits, or by nothing.

    Tesseract's reading of the field is kept when it is valid and confident, and so is one with
    letters that can only be the digits they look like (``I8``). A field it could not read is
    read again on its own. ``hand`` reads the box as handwriting (:mod:`.digits`), within the
    field's range (a day is 1 to 31): a reading of
    Tesseract that the handwriting reader contradicts is dropped, and a confident handwriting
    reading stands on its own. A field no reading is sure of is left blank, and ``notes`` say so
    (never a guess)."""
    def valid(text: str) -> bool:
        return is_field_value(name, text)

    start = next((i for i, w in enumerate(words) if is_field_label(name, w.text)), None)
    if start is None:
        return words
    end = next((i for i in range(start + 1, len(words)) if is_field_end(name, words[i].text)), None)
    if end is None:
        return words
    inside = words[start + 1: end]
    written = "".join(w.text for w in inside)
    label, nxt = words[start], words[end]
    kept = words[: start + 1]
    pad = round(0.35 * (label.bottom - label.top))
    box = (label.right + 2, min(label.top, nxt.top) - pad, nxt.left - 2, max(label.bottom, nxt.bottom) + pad)
    has_box = nxt.left - label.right > 4
    # Read as handwriting only when a reading is in doubt (a field a little slow to read).
    by_hand = functools.cache(lambda: hand(box, valid) if hand is not None and has_box else None)

    def sure_hand() -> HandReading | None:
        reading = by_hand()
        return reading if reading and reading.confidence >= _SURE_HAND and valid(reading.text) else None

    def put(text: str, conf: float, why: str | None) -> list[Word]:
        if notes is not None and why is not None:
            notes.append(("ocr-repair", f"{name} {why}"))
        return [*kept, Word(text, label.right + 2, label.top, nxt.left - 2, label.bottom, conf, label.line_key),
                *words[end:]]

    def checked(text: str, conf: float, why: str | None) -> list[Word] | None:
        """Tesseract's reading ``text``, unless the handwriting reader read something else: a
        sure reading of as many digits replaces it, and so does one of a digit more that
        Tesseract read as one with its like neighbour; any other leaves the field blank."""
        reading = by_hand()
        if reading is None and conf < _DOUBTFUL_PRINT:
            return None
        if reading is None or reading.text == text:
            return words if why is None and text == written else put(text, conf, why)
        sure = sure_hand()
        if sure is not None and (len(sure.text) == len(text) or _one_digit_dropped(text, sure.text)):
            return put(sure.text, 100 * sure.confidence, f"{text!r} read as handwriting {sure.text!r}")
        return None

    least = min((w.conf for w in inside), default=0.0)
    got: tuple[str, float] | None = None
    if inside and valid(written):
        # Print read with confidence stands; a doubtful reading is checked against the handwriting.
        found = words if least >= _SURE_PRINT and not doubtful else checked(written, least, None)
        if found is not None:
            return found
    else:
        digits = written.translate(_DIGIT_LIKE)
        if inside and valid(digits) and least >= _DOUBTFUL_PRINT:
            found = checked(digits, least, f"{written!r} read as {digits!r}")
            if found is not None:
                return found
        else:
            got = read(box) if read is not None and has_box else None
            if got is not None and valid(got[0]) and got[1] >= 70 and _keeps_digits(written, got[0]):
                found = checked(got[0], got[1], None if got[0] == written else f"read again as {got[0]!r}")
                if found is not None:
                    return found
            elif (sure := sure_hand()) is not None:
                return put(sure.text, 100 * sure.confidence, f"read as handwriting {sure.text!r}")
            if not inside and got is None and by_hand() is None:
                return kept + words[end:]
    # Something is written there (a handwritten or stamped number) but not legibly: left out.
    # The readings that were not sure enough are named, for whoever checks the page.
    if notes is not None:
        unsure = [f"{written!r} (print, confidence {least:.0f})"] \
            if inside and valid(written) and least >= _UNSURE_PRINT else []
        if got is not None and valid(got[0]) and got[0] != written and got[1] >= _UNSURE_PRINT:
            unsure.append(f"{got[0]!r} (read again, confidence {got[1]:.0f})")
        hand_read = by_hand() if by_hand.cache_info().currsize else None
        if hand_read is not None and valid(hand_read.text) and hand_read.confidence >= _UNSURE_HAND:
            unsure.append(f"{hand_read.text!r} (handwriting, confidence {hand_read.confidence:.2f})")
        notes.append(("ocr-unread-field", f"the {name} could not be read (handwritten or stamped?): left blank"
                      + (f"; unsure readings: {', '.join(unsure)}" if unsure else "")))
    return kept + words[end:]


def _one_digit_dropped(printed: str, hand: str) -> bool:
    """Whether Tesseract's reading ``printed`` is the handwriting reading ``hand`` with one of two
    like digits side by side read as one (``409`` of a written ``4409``), the others in order.
    Not the last digit of ``hand``: the stroke of the slash after the number may be read as a
    ``1``; nor a ``1`` doubled at its start: a lead-in stroke or the label's colon reads as one.

    >>> _one_digit_dropped("409", "4409"), _one_digit_dropped("449", "4409"), _one_digit_dropped("49", "4409")
    (True, False, False)
    >>> _one_digit_dropped("409", "4091"), _one_digit_dropped("401", "4011")
    (False, False)
    >>> _one_digit_dropped("12", "112"), _one_digit_dropped("140", "1140")
    (False, False)
    """
    if len(hand) != len(printed) + 1:
        return False
    # The pair (i, i + 1) read as one digit.
    return any(hand[i] == hand[i + 1] and hand[:i] + hand[i + 1:] == printed
               and not (i == 0 and hand[0] == "1") for i in range(len(hand) - 2))


def _keeps_digits(first: str, again: str) -> bool:
    """Whether a second reading of a field has as many characters as the first reading saw marks
    (specks aside): ``27f`` read again ``2`` (for 298), ``Ø{`` read again ``2`` (for 01) lost
    what the first reading took for characters, and a reading that contradicts another is no
    sure reading. The first reading's digits themselves may be wrong (``9£`` for 06).

    >>> _keeps_digits("27f", "2"), _keeps_digits("Ø{", "2"), _keeps_digits("9£", "06"), _keeps_digits("", "7")
    (False, False, True, True)

    The leaders of a form's blank (``……``, ``__``, ``-``, ``·``) and quotes are no marks:

    >>> _keeps_digits("__115__", "115"), _keeps_digits("……115", "115"), _keeps_digits("“27", "27")
    (True, True, True)
    """
    return len(again) >= len(_FIELD_SPECKS.sub("", first))


_FIELD_SPECKS = re.compile(r"[\s.,:;'`´‘’“”\"_…·~|\-–—]")


# A handwriting reading is kept on its own when each of its digits has this probability (see
# readers.digits); a reading of print with this confidence is not checked against the
# handwriting reader. Set on the real fields of fixtures/handwriting (development scans): the
# readings of the digits written score 0.80 and more, those of other digits (where the two
# networks disagree) 0.42 at most.
_SURE_HAND = 0.75
# Readings of a field left blank that its warning names (below these they are noise).
_UNSURE_PRINT = 30
_UNSURE_HAND = 0.2
_SURE_PRINT = 80
# A reading of print below this, that no handwriting reading confirms, is no reading: the
# handwritten 406 of ``Số: 406/KCN-QHMT`` read ``4`` at 47, the day 16 read ``6`` at 32 (right
# readings of a printed or stamped month: 67 and 72). A day read glued to ``ngày`` below it is
# taken for one written by hand (:func:`blank_glued_day`).
_DOUBTFUL_PRINT = 60


def _cut(word: Word, at: int) -> list[Word]:
    """A word cut in two after ``at`` characters, its box shared by character count."""
    x = word.left + round((word.right - word.left) * at / len(word.text))
    return [Word(word.text[:at], word.left, word.top, x, word.bottom, word.conf, word.line_key),
            Word(word.text[at:], x, word.top, word.right, word.bottom, word.conf, word.line_key)]


_GLUED_DATE_WORD = re.compile(r"^(?:ngay|thang)(?=[^a-z\s])")
_GLUED_YEAR_WORD = re.compile(r"(?<=[\d/])nam$")
_YEAR_WORD = re.compile(r"^(?:19|20)\d{2}$")


def unglue_fields(words: list[Word]) -> list[Word]:
    """A handwritten field read glued to its label or to the symbol (``ngày/{4.``,
    ``6ÉÉ/TB-STTTT`` after ``Số:``) cut off, so that it is read again on its own.

    >>> w = [Word("Số:", 0, 0, 30, 10, 90, (1, 1, 1)), Word("6ÉÉ/TB-STTTT", 40, 0, 160, 10, 49, (1, 1, 1))]
    >>> [x.text for x in unglue_fields(w)]
    ['Số:', '6ÉÉ', '/TB-STTTT']
    >>> [x.text for x in unglue_fields([Word("ngày/{4.", 0, 0, 80, 10, 33, (1, 1, 1))])]
    ['ngày', '/{4.']
    >>> [x.text for x in unglue_fields([Word("Số:z¿*./STTTT-VP", 0, 0, 160, 10, 0, (1, 1, 1))])]
    ['Số:', 'z¿*.', '/STTTT-VP']
    >>> [x.text for x in unglue_fields([w[0], Word("6//SCT-QLĐN", 40, 0, 160, 10, 58, (1, 1, 1))])]
    ['Số:', '6/', '/SCT-QLĐN']
    >>> year = Word("2025", 110, 0, 150, 10, 97, (1, 1, 1))
    >>> [x.text for x in unglue_fields([Word("tháng/2năm", 0, 0, 100, 10, 65, (1, 1, 1)), year])]
    ['tháng', '/2', 'năm', '2025']
    >>> [x.text for x in unglue_fields([Word("Việt-Nam", 0, 0, 100, 10, 90, (1, 1, 1)), year])]
    ['Việt-Nam', '2025']
    >>> [x.text for x in unglue_fields([Word("hằngnăm", 0, 0, 100, 10, 65, (1, 1, 1))])]
    ['hằngnăm']
    """
    out: list[Word] = []
    pending = list(reversed(words))
    while pending:
        w = pending.pop()
        m = _GLUED_DATE_WORD.match(fold(w.text)) or _GLUED_NUMBER_LABEL.match(fold(w.text))
        slash = w.text.find("/")
        year_word = _GLUED_YEAR_WORD.search(fold(w.text)) if pending and _YEAR_WORD.match(pending[-1].text) else None
        if m:
            label, rest = _cut(w, m.end())
            out.append(label)
            pending.append(rest)
        elif year_word:
            # ``/2năm``: the month's field read glued to the ``năm`` after it.
            value, label = _cut(w, year_word.start())
            out.extend((value, label))
        elif out and has_mark("number", out[-1].text) and (double := w.text.find("//")) > 0:
            # ``6//SCT-QLĐN``: a handwritten number read with a slash of its own, glued to the symbol.
            out.extend(_cut(w, double + 1))
        elif (out and has_mark("number", out[-1].text) and slash > 0 and "-" not in w.text[:slash]
              and (not w.text[:slash].isdigit() or w.conf < _DOUBTFUL_PRINT)):  # not ``368-CV/BPTT``
            # A number read glued to its symbol below the confidence of print (``4/KCN-QHMT`` at 47
            # for a written 406) is checked as a field; one read as print (``12/BC-UBND``) stays.
            out.extend(_cut(w, slash))
        else:
            out.append(w)
    return out


# ``Số:`` with the handwritten number read into the same word.
_GLUED_NUMBER_LABEL = re.compile(r"^so\s*:(?=\S)")


# An issuer code in capitals (``BĐH``, ``SKH-TH``) read without the slash that opens it.
_LOST_SLASH_CODE = regex.compile(r"^\p{Lu}{2,}(?:-\p{Lu}{2,})*$")


def _fix_fields(seg: Line, read: ReadField | None, notes: Notes | None = None, hand: ReadHand | None = None) -> Line:
    words = unglue_fields(seg.words)
    f = fold(" ".join(w.text for w in words))
    slash = next((w for w in words if "/" in w.text), None)
    if has_mark("number", f) and slash is None and len(words) == 3 and _LOST_SLASH_CODE.match(words[2].text):
        # ``Số: 443 BĐH`` for ``Số: 1139 /BĐH``: the slash lost beside the handwritten number,
        # whose reading is then in doubt however confident (checked against the handwriting).
        code = words[2]
        words = [*words[:2], Word("/" + code.text, code.left, code.top, code.right, code.bottom, code.conf,
                                  code.line_key)]
        if notes is not None:
            notes.append(("ocr-repair", f"the slash before the symbol {code.text!r} restored"))
        return Line(_field(words, "document number", read, notes, hand, doubtful=True))
    # A number glued to its symbol (``12/BC-UBND``) or dots for a blank one: nothing to read. A
    # handwritten number misread with a slash of its own (``Số: 2/4 /QĐ-UBND``) is read again.
    if has_mark("number", f) and slash is not None and (
            slash.text.startswith("/") or any(is_field_end("document number", w.text) for w in words)):
        words = _field(words, "document number", read, notes, hand)
    if has_mark("date", f):
        words = _field(words, "day of the date", read, notes, hand)
        words = _field(words, "month of the date", read, notes, hand)
    return Line(words)


# The rest of a numeric date whose day was read glued to ``ngày`` (``ngày4/3/2012``): the day and
# the date after it.
_GLUED_DAY_DATE = re.compile(r"(?P<day>[^\s/]{1,3})(?P<date>/\d{1,2}/(?:19|20)\d\d)(?!\d)")



def blank_glued_day(line: Line, notes: Notes | None = None) -> Line:
    """A date of running text whose day was filled in by hand in a printed ``ngày   /3/2012``
    (the document's own date repeated in its annex's subtitle): Tesseract reads the day glued to
    ``ngày``, where print has a space, and doubtfully. A wrong day is worse than none: the day is
    left blank, and the month and year stand. A date typed without its space (``ngày15/3/2012``)
    is glued too, so only a reading well below print's confidence (under 60) counts as a hand's.

    >>> w = Word("ngày4/3/2012", 0, 0, 120, 10, 48, (1, 1, 1))
    >>> [x.text for x in blank_glued_day(Line([w])).words]
    ['ngày', '/3/2012']
    >>> [x.text for x in blank_glued_day(Line([replace(w, conf=75)])).words]
    ['ngày4/3/2012']
    """
    out: list[Word] = []
    for w in line.words:
        label = _GLUED_DATE_WORD.match(fold(w.text))
        date = _GLUED_DAY_DATE.match(w.text, label.end()) if label and label.group() == "ngay" else None
        if date is None or w.conf >= _DOUBTFUL_PRINT:
            out.append(w)
            continue
        head, _ = _cut(w, label.end() if label else 0)
        out += [head, Word(date.group("date") + w.text[date.end():], head.right, w.top, w.right, w.bottom, w.conf,
                           w.line_key)]
        if notes is not None:
            notes.append(("ocr-unread-field", f"the day of the date {w.text!r} could not be read (handwritten?): "
                                              "left blank"))
    return Line(out) if len(out) != len(line.words) else line


# A Roman section number read with a stroke lost or merged: bold serif ``II.`` read as ``I.``
# or ``H.``, ``III`` as ``II``. Only letters a stroke can turn into: never digits (``1.`` may be
# an Arabic heading number).
_ROMAN_LIKE = re.compile(r"^(?P<i>[IlH|]{1,4})(?P<dot>\.?)$")


def fix_roman(line: Line, count: CountStems | None) -> Line:
    """The Roman number opening an upper-case heading, counted again from the image: the number
    of vertical stems of the word (``II.`` has two)."""
    if count is None or len(line.words) < 2:
        return line
    first = line.words[0]
    m = _ROMAN_LIKE.match(first.text)
    rest = " ".join(w.text for w in line.words[1:])
    if m is None or not _is_upper(rest):
        return line
    stems = count((first.left, first.top, first.right, first.bottom))
    if not 1 <= stems <= 3:
        return line
    word = Word("I" * stems + m.group("dot"), first.left, first.top, first.right, first.bottom, first.conf,
                first.line_key)
    return Line([word, *line.words[1:]])


def count_stems(grey: Any, box: Box) -> int:
    """Vertical strokes crossing the middle band of a word's box (``III`` → 3) on a greyscale
    page (a NumPy array): columns dark over most of that band, counted as runs. Serifs and the
    full stop lie outside the band."""
    import numpy as np

    h = box[3] - box[1]
    band = _crop(grey, box)[int(h * 0.35): int(h * 0.65) + 1]
    dark = np.count_nonzero(band < 128, axis=0) >= 0.6 * band.shape[0]
    if not len(dark):
        return 0
    return int(dark[0]) + int(np.count_nonzero(dark[1:] & ~dark[:-1]))


def _number_line_text(text: str) -> str:
    """``Số: 03 /BCĐX-CAT`` → ``Số: 03/BCĐX-CAT``: the space is the blank left for the
    handwritten number, not a typing slip; a speck read before ``Số`` (``. Số: 2 /STTTT-CNTT``)
    is dropped.

    >>> _number_line_text("Số: 03 /BCĐX-CAT(PC04)")
    'Số: 03/BCĐX-CAT(PC04)'
    >>> _number_line_text("Số: /BC-UBND"), _number_line_text(". Số: 2 /STTTT-CNTT")
    ('Số: /BC-UBND', 'Số: 2/STTTT-CNTT')
    """
    text = _SPECK_BEFORE_NUMBER.sub("", text)
    return re.sub(r"^(Số\s*:?\s*\d+)\s+/\s*", r"\1/", text, flags=re.IGNORECASE)


# A speck of dust read as a mark of its own before the ``Số:`` of the header.
_SPECK_BEFORE_NUMBER = re.compile(r"^[^\w\s]{1,2}\s+(?=Số\s*[:.]?\s*[\d/])", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------


def page_blocks(words: list[Word], page: int, width: int, height: int, *,
                read_field: ReadField | None = None, read_hand: ReadHand | None = None,
                count: CountStems | None = None,
                notes: Notes | None = None, tables: Sequence[tuple[float, Block]] = (),
                diacritics: bool = True) -> list[Block]:
    """The blocks of one OCRed page: header layout, paragraphs, ``Nơi nhận`` | signature layout.
    Repairs made and fields left blank are added to ``notes`` as (code, message). ``tables``
    (their top and block, :mod:`.ocr_tables`; their words left out of ``words``) go between the
    paragraphs above and below them. With ``diacritics``, the misread diacritics of paragraphs
    and of the header's lines not in capitals are restored (see :mod:`.ocr_words`)."""

    def repaired(text: str, heading: bool = False) -> str:
        changes: list[str] = []
        if heading:
            text, changes = repair_heading_number(text)
        text, more = repair_numbers(text)
        text, words = repair_words(text)
        report(changes + more + words)
        return text

    def typed(text: str) -> str:
        text, changes = repair_type_words(text)
        report(changes)
        return text

    def report(changes: list[str]) -> None:
        if notes is not None:
            notes.extend(("ocr-repair", f"page {page}: {c}") for c in changes)

    def restore_words(texts: list[str], capitals: bool = True) -> list[str]:
        if not diacritics:
            return texts
        from .ocr_words import restore_lines

        texts, restored = restore_lines(texts, capitals=capitals)
        if notes is not None:
            notes.extend(("ocr-diacritics", f"page {page}: {r}") for r in restored)
        return texts

    lines = [ln for ln in group_lines(words) if not is_junk(ln)]
    # Page furniture: copy stamps, and a page number alone at the top or bottom of the page.
    lines = [ln for ln in lines if not is_stamp(ln) and not (
        _PAGE_NUMBER.match(ln.text) and (ln.bottom < 0.1 * height or ln.top > 0.9 * height))]
    lines = _drop_stamp_boxes(group_lines(words), lines)
    if not lines:
        return [b for _, b in tables]
    geo = _geometry(lines, width, height)
    blocks: list[Block] = []

    columns, used = _header(lines, geo, page == 1)
    if columns:
        cells = []
        issuer_text = " ".join(seg.text for seg in columns[0])
        for col in columns:
            texts = []
            for seg in col:
                seg = _fix_fields(seg, read_field, notes, read_hand)
                text = repaired(fix_labels(_number_line_text(seg.text), context=issuer_text))
                # A place-and-date line is known by its month and year in digits, which the
                # repairs may only now give (``ngàyÀC tháng 1] năm 2012``): its labels again.
                text = fix_labels(text, context=issuer_text)
                texts.append(fix_capitals(text) if _is_upper(text) else typed(text))
            cells.append(restore_words(texts, capitals=False))  # the trích yếu; its capitals are fixed above
        (left_top, left_bottom), (right_top, right_bottom) = (
            _split_at(cells[0], "number"), _split_at(cells[1], "date"))
        rows = [["\n".join(left_top), "\n".join(right_top)]]
        if left_bottom or right_bottom:
            rows.append(["\n".join(left_bottom), "\n".join(right_bottom)])
        blocks.append(Block("layout", page=page, rows=rows))
        lines = [ln for i, ln in enumerate(lines) if i not in used]

    sig_start = _signature_start(lines, geo)
    body = [blank_glued_day(fix_roman(without_junk_parts(ln, geo.gap), count), notes)
            for ln in (lines if sig_start is None else lines[:sig_start])]
    for k, (part, table) in enumerate(_around_tables(body, tables)):
        # Running text: labels only (``Kính gửi``); a place-and-date line lives in the header.
        texts = [typed(fix_labels(t, place_date=False)) for t in paragraphs(part, geo)]
        if k == 0 and columns and texts and _is_upper(texts[0]) and len(texts[0].split()) <= 8:
            texts[0] = fix_capitals(texts[0])  # the type name (tên loại) right under the header
            if len(texts) > 1:
                texts[1] = fix_ve_viec(texts[1])
        texts = restore_words(texts)
        blocks.extend(Block("paragraph", text=repaired(t, heading=True), page=page) for t in texts)
        blocks.extend([table] if table is not None else [])
    if sig_start is not None:
        (left, right), = _signature(lines, geo, sig_start)
        # The recipients are words like the body's; the signature column holds names: as read.
        left = "\n".join(restore_words(left.split("\n"), capitals=False)) if left else left
        left = _TIGHT_COMMA.sub(", ", left)  # ``Lưu VT,NN``: a comma read without its space
        left = repaired(left)  # ``Như Điều ];``
        blocks.append(Block("layout", page=page, rows=[[left, right]]))
    return blocks


_TIGHT_COMMA = regex.compile(r"(?<=\p{L}),(?=\p{L})")
_VE_VIEC = regex.compile(r"^[Vv][àảạáãaẻẽèéẹ] việc(?=\s)")


def fix_ve_viec(line: str) -> str:
    """The ``Về việc`` opening a trích yếu under the type name, as OCR misreads it.

    >>> fix_ve_viec("và việc giới thiệu chức danh và chữ ký :"), fix_ve_viec("và việc làm")
    ('Về việc giới thiệu chức danh và chữ ký :', 'Về việc làm')
    """
    return str(_VE_VIEC.sub("Về việc", line))


def _around_tables(body: list[Line], tables: Sequence[tuple[float, Block]]) -> list[tuple[list[Line], Block | None]]:
    """The body's lines cut where the tables stand: (lines above a table, the table) …, then the
    lines below the last one."""
    out: list[tuple[list[Line], Block | None]] = []
    rest = body
    for top, table in sorted(tables, key=lambda t: t[0]):
        above = [ln for ln in rest if ln.middle < top]
        rest = [ln for ln in rest if ln.middle >= top]
        out.append((above, table))
    return [*out, (rest, None)]


def _same_row(a: Line, b: Line) -> bool:
    return min(a.bottom, b.bottom) - max(a.top, b.top) > 0.3 * min(a.bottom - a.top, b.bottom - b.top)


def _drop_stamp_boxes(all_lines: list[Line], kept: list[Line]) -> list[Line]:
    """A copy stamp is often a box of lines (``SAO Y BẢN CHÍNH`` / ``Số: 12/SY-VP`` / place and
    date / signer): drop the lines right under a stamp line, inside its width."""
    stamps = [ln for ln in all_lines if is_stamp(ln)]
    if not stamps:
        return kept
    drop: set[int] = set()
    for stamp in stamps:
        h = stamp.height
        bottom = stamp.bottom
        for line in kept:
            if id(line) in drop or line.top < stamp.top:
                continue
            inside = line.left >= stamp.left - 2 * h and line.right <= stamp.right + 2 * h
            if inside and line.top - bottom < 1.0 * h:
                drop.add(id(line))
                bottom = max(bottom, line.bottom)
    return [ln for ln in kept if id(ln) not in drop]


# ---------------------------------------------------------------------------------------------
# Text Tesseract's page segmentation dropped.
#
# Tesseract's automatic segmentation sometimes takes a region of print for a picture and
# reads nothing in it: a whole paragraph, the ``Số:`` line and the ``V/v`` title of a header,
# or the middle of a line (``Thực hiện Nghị qu`` … ``025 của Chính phủ``). The page's ink
# that no word box covers shows where: lines with uncovered print inside them are read again
# whole, together with the uncovered print between lines, as one block (``--psm 6``) on a
# copy of the page where every line read well is whitened. That copy is mostly blank, so
# the second reading costs a fraction of the first.

# Uncovered print worth reading again on a page whose lines all read whole, in squared word
# heights: about two lines of text. A signature with a seal leaves 10 to 30.
_DROPPED_TEXT = 40

# The reading of dropped text gets its own block numbers, after Tesseract's.
_REREAD_BLOCK = 10_000


def _ink(grey: Any) -> Any:
    """Dark pixels of a greyscale page (a NumPy ``uint8`` array): a boolean array."""
    return grey < 128


def _fill(image: Any, box: Box, pad: int, value: Any) -> None:
    """Set the pixels of ``box`` grown by ``pad`` on every side, both ends included (as PIL
    draws a rectangle), clipped to the image."""
    left, top, right, bottom = box
    image[max(0, top - pad): max(0, bottom + pad + 1), max(0, left - pad): max(0, right + pad + 1)] = value


class _Rows:
    """Dark pixels per row of a boolean image, summed: the print in any band across the page
    in constant time."""

    def __init__(self, ink: Any) -> None:
        import numpy as np

        self.height = ink.shape[0]
        self.cumulative = np.concatenate(([0], np.cumsum(np.count_nonzero(ink, axis=1))))

    def band(self, top: int, bottom: int) -> int:
        """Dark pixels in the rows ``top`` to ``bottom`` (excluded); rows off the page have none."""
        top, bottom = min(max(0, top), self.height), min(max(0, bottom), self.height)
        return int(self.cumulative[max(top, bottom)] - self.cumulative[top])

    @property
    def total(self) -> int:
        return int(self.cumulative[-1])


def word_boxes(tsv: str) -> list[Box]:
    """Every box Tesseract read something in (rule marks included): print it has seen."""
    boxes: list[Box] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) >= 12 and cols[0] == "5" and cols[11].strip():
            left, top, width, height = (int(c) for c in cols[6:10])
            boxes.append((left, top, left + width, top + height))
    return boxes


def damaged_lines(lines: Sequence[Line], uncovered: _Rows) -> tuple[list[Line], list[Line]]:
    """Lines Tesseract read badly: ``gaps``, with print that no word covers in the line's band
    across the page (more than about two letters' worth: words dropped from the line or beside
    it), and ``tangled``, whose box crosses another line's (two lines read as one, words
    swapped between them) or with a word read at next to no confidence. Print that goes on
    above and below the band is a signature or a seal beside the line, not letters."""
    gaps: list[Line] = []
    tangled: list[Line] = []
    crossing = _crossing(lines)
    for i, line in enumerate(lines):
        h = line.height
        # A word read with next to no confidence (``I§`` at 7 for ``18/3/2025``) is a sign of
        # the same: the line's words were cut wrong.
        doubtful = any(w.conf < 40 and sum(c.isalnum() for c in w.text) >= 2 for w in line.words)
        if doubtful or i in crossing:
            tangled.append(line)
            continue
        band = uncovered.band(line.top, line.bottom)
        around = uncovered.band(round(line.top - h / 2), round(line.bottom + h / 2))
        if band > 0.8 * h * h and around < 1.5 * band:
            gaps.append(line)
    return gaps, tangled


def _crossing(lines: Sequence[Line]) -> set[int]:
    """The indexes of the lines that :func:`_overlaps` another line, each line compared only
    with those that start above its bottom: a line wholly below another never overlaps it."""
    order = sorted(range(len(lines)), key=lambda i: lines[i].top)
    out: set[int] = set()
    for k, i in enumerate(order):
        a = lines[i]
        for j in order[k + 1:]:
            b = lines[j]
            if b.top > a.bottom:
                break
            if _overlaps(a, b):
                out.update((i, j))
    return out


def reread_image(grey: Any, tsv: str,
                 words: list[Word] | None = None) -> tuple[Any, tuple[list[Line], list[Line]]] | None:
    """The page (a greyscale NumPy array) with every well-read line whitened, and the damaged
    lines it leaves to read again (see :func:`damaged_lines`); ``None`` when Tesseract's reading
    covers the page's print (next to nothing left). ``words``: the TSV's, when parsed already."""
    words = parse_tsv(tsv) if words is None else words
    if not words:
        return None  # a blank page, or a picture: nothing was dropped from text
    lines = group_lines(words)
    heights = [w.height for w in words if w.conf >= 60 and _LETTERS.search(w.text)]
    h = statistics.median(heights) if heights else grey.shape[0] / 70
    pad = max(2, round(h / 8))
    uncovered = _ink(grey)
    for box in word_boxes(tsv):
        _fill(uncovered, box, pad, False)
    rows = _Rows(uncovered)
    gaps, tangled = damaged_lines(lines, rows)
    # With every line read whole, print left outside the boxes is a signature, a seal, dust or
    # a rule, unless there is a lot of it: paragraphs the segmentation took for a picture.
    if not gaps and not tangled and rows.total < _DROPPED_TEXT * h * h:
        return None
    keep = {id(ln) for ln in gaps + tangled}
    masked = grey.copy()
    for line in lines:
        if id(line) not in keep:
            for w in line.words:
                _fill(masked, (w.left, w.top, w.right, w.bottom), pad, 255)
    return masked, (gaps, tangled)


def merge_reread(words: list[Word], damaged: tuple[Sequence[Line], Sequence[Line]],
                 again: list[Word]) -> list[Word]:
    """The page's words with what the second reading found. A line with gaps keeps its words
    and takes the new words that fall in its gaps; a tangled line is replaced by the second
    reading of its row when that has at least as many well-read words; lines found only by
    the second reading are added when read confidently. Junk (the strokes of a signature, a
    seal, a QR code read as letters) is left out, and so are unconfident marks at the ends of
    a line read again."""
    gaps, tangled = damaged[0], list(damaged[1])
    fresh = [ln for ln in (_trim(ln) for ln in group_lines(again) if not is_junk(ln)) if ln is not None]
    fresh = [ln for ln in fresh if ln.conf >= 50]
    # Tesseract sometimes reads one row twice, as two crossing lines: the better one stays.
    fresh = [ln for ln in fresh if not any(_overlaps(ln, o) and (_good(o), o.conf) > (_good(ln), ln.conf)
                                           for o in fresh if o is not ln)]
    drop: set[tuple[int, int, int]] = set()
    out = list(words)
    for line in gaps:
        over = [f for f in fresh if _overlaps(line, f)]
        key = line.words[0].line_key
        if sum(_good(f) for f in over) >= _good(line) + 2:
            # Words were dropped from the middle of the line and the ones around them misread
            # (``Nghị qu`` … ``025``): the second reading of the whole line is the better one.
            tangled.append(line)
            continue
        for f in over:
            out.extend(Word(w.text, w.left, w.top, w.right, w.bottom, w.conf, key) for w in f.words
                       if not any(min(w.right, o.right) > max(w.left, o.left) for o in line.words))
        fresh = [f for f in fresh if f not in over]
    for line in tangled:
        over = [f for f in fresh if _overlaps(line, f)]
        if over and sum(_good(f) for f in over) >= _good(line) and min(f.conf for f in over) >= line.conf:
            drop.add(line.words[0].line_key)
        else:
            fresh = [f for f in fresh if f not in over]
    kept = [w for w in out if w.line_key not in drop]
    # A line read again over print already read (its box stretched by a signature stroke
    # beside it) is a second copy, not a new line.
    fresh = [ln for ln in fresh if _overlapping_any(ln, tangled)
             or (ln.conf >= 60 and 2 * _good(ln) >= len(ln.words) and not _read_before(ln, kept))]
    added = [Word(w.text, w.left, w.top, w.right, w.bottom, w.conf,
                  (w.line_key[0] + _REREAD_BLOCK, w.line_key[1], w.line_key[2]))
             for ln in fresh for w in ln.words]
    return kept + added


def _read_before(line: Line, words: Sequence[Word]) -> bool:
    """Whether most of a line's words lie over words already read."""
    def over(w: Word) -> bool:
        return any(min(w.right, o.right) - max(w.left, o.left) > 0.5 * (w.right - w.left)
                   and min(w.bottom, o.bottom) - max(w.top, o.top) > 0.5 * (w.bottom - w.top) for o in words)

    return 2 * sum(1 for w in line.words if over(w)) > len(line.words)


def _overlapping_any(line: Line, lines: Sequence[Line]) -> bool:
    return any(_overlaps(line, other) for other in lines)


def _good(line: Line) -> int:
    return sum(1 for w in line.words if w.conf >= 60 and len(_LETTERS.findall(w.text)) >= 2)


def _trim(line: Line) -> Line | None:
    """A line without the unconfident marks at its ends (``m—”`` of a signature stroke)."""
    def weak(w: Word) -> bool:
        letters, alnum = len(_LETTERS.findall(w.text)), sum(c.isalnum() for c in w.text)
        return (w.conf < 30 and letters < 3) or (w.conf < 80 and (alnum < 2 or 2 * alnum < len(w.text)))

    words = list(line.words)
    # A field's label before its blank (``Số`` | ``/TTr-``) is print, however unsure: the
    # handwriting glued to it (``Số298``) took the confidence of the pair.
    while words and weak(words[0]) and not (len(words) > 1 and blank_field(words[0].text, words[1].text)):
        words.pop(0)
    while words and weak(words[-1]):
        words.pop()
    return Line(words) if words else None


def _overlaps(a: Line, b: Line) -> bool:
    """Two lines on one row: side by side or crossing, each one's middle inside the other's
    box away from its edges (a short line just under a tall one is the next line)."""
    def inside(line: Line, y: float) -> bool:
        h = line.bottom - line.top
        return line.top + 0.25 * h <= y <= line.bottom - 0.25 * h

    horizontal = min(a.right, b.right) - max(a.left, b.left)
    return horizontal > 0 and (inside(a, b.middle) or inside(b, a.middle))


# ---------------------------------------------------------------------------------------------
# Rasterising and running Tesseract.

@dataclass
class PageImage:
    """A rasterised page: the greyscale image Tesseract reads (BMP), its size in pixels, and
    its pixels (a NumPy array) while the page is read."""

    number: int
    file: Path
    width: int
    height: int
    dpi: int
    grey: Any = field(default=None, repr=False, compare=False)
    # The columns (first, last) of the lines a scanner drew down the page, with their edges:
    # no rule of a table (see :func:`scanner_line_edges`).
    scanner_lines: tuple[tuple[int, int], ...] = ()


# A scan of less than this resolution is read at twice its own, at most LOW_SCAN_MAX_DPI.
LOW_SCAN_DPI = 150
LOW_SCAN_MAX_DPI = 240


def render_dpi(page: Any, dpi: int) -> int:
    """The resolution to rasterise a page at: the scan's own when the page is one image
    covering it (a 200 dpi scan upscaled to 300 dpi reads worse: on the generated seed scan,
    citations F1 0.88 at 300 dpi against 0.98 at 200), never above ``dpi`` nor below 150;
    ``dpi`` for anything else.

    A scan below 150 ppi is read at twice its own resolution, at most 240: its letters, a few
    pixels high, are too small for Tesseract even at 150. Measured by
    ``benchmarks/bench_ocr_quality.py --pages 6 --render`` (five text PDFs scanned clean and
    worn, F1 pooled over the documents): at 100 ppi, read at 200 instead of 150, sections
    0.66 → 0.92 clean and 0.54 → 0.74 worn, CER 0.104 → 0.081 worn, citations and dates
    within 0.02 (at 240, citations worn 0.87 → 0.79); at 120 ppi, read at 240, sections 0.85 →
    0.97 and 0.76 → 0.83, CER 0.013 → 0.008 and 0.055 → 0.032; at 140 ppi no resolution
    clearly wins (at 240 sections as good or better, CER 0.006 → 0.024 clean; at 280 sections
    worn 0.89 → 0.73), and a 150 ppi scan read at 200 or 300 is no better than at its own. The
    real 100 ppi scan ``ttr-409`` reads its body lines (``Kết luận số 132-KL/TW``, not ``Kết
    Tuận số 132-K1/ /TH``): citations 0.35 → 0.56, sections 0.33 → 0.86, but the signer's
    position under the seal is read ``GIÁ`` and its header's year ``2625`` (repaired: see
    :func:`possible_year`). A page costs 1.1–1.7x the time."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    best: float | None = None
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) >= 0.7 * width * height:
            px_width, _ = obj.get_px_size()
            native = float(px_width) / ((right - left) / 72)
            best = native if best is None else max(best, native)
    if best is None:
        return dpi
    if best < LOW_SCAN_DPI:
        best = min(2 * best, float(LOW_SCAN_MAX_DPI))
    return round(min(float(dpi), max(150.0, best)))


# A4 at 300 dpi is 8.7 million pixels. A page larger than this (A3, a plan, a poster) is
# rasterised at a lower resolution: Tesseract's time grows with the pixels, not the text.
MAX_PIXELS = 12_000_000


def capped_dpi(width_pt: float, height_pt: float, dpi: int, max_pixels: int = MAX_PIXELS) -> int:
    """``dpi``, or less when the page would come out with more than ``max_pixels``.

    >>> capped_dpi(595, 842, 300), capped_dpi(2384, 3370, 300)
    (300, 87)
    """
    pixels = width_pt * height_pt * (dpi / 72) ** 2
    if pixels <= max_pixels:
        return dpi
    return max(1, int(72 * (max_pixels / (width_pt * height_pt)) ** 0.5))


def check_page_size(page: Any, page_dpi: int, limits: Limits, where: str) -> None:
    """A :class:`LimitExceededError` when rasterising a page would take more than
    ``max_page_pixels`` (a 200-inch MediaBox), or an image on it holds more than
    ``max_image_pixels``: judged from the page box and the images' declared sizes,
    before anything is decoded."""
    import pypdfium2.raw as pdfium_c

    width, height = page.get_size()
    pixels = (width * page_dpi / 72) * (height * page_dpi / 72)
    if pixels > limits.max_page_pixels:
        raise LimitExceededError("max_page_pixels", limits.max_page_pixels, value=pixels,
                                 what=f"{where}: {width:g} × {height:g} pt at {page_dpi} dpi is {pixels:.0f} pixels")
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        px_width, px_height = obj.get_px_size()
        if px_width * px_height > limits.max_image_pixels:
            raise LimitExceededError("max_image_pixels", limits.max_image_pixels, value=px_width * px_height,
                                     what=f"{where}: an image of {px_width} × {px_height} pixels")


def _render(path: Path, page_numbers: Sequence[int], dpi: int, workdir: Path, *,
            exact: bool = False, max_pixels: int = MAX_PIXELS, limits: Limits | None = None) -> list[PageImage]:
    """Each page as a greyscale image file (BMP; PNG past ``RAW_PAGES`` pages) with the red of
    seals whitened (see :func:`render_dpi`), as :func:`ocr_pages` gives them to Tesseract."""
    from PIL import Image

    suffix = "bmp" if len(page_numbers) <= RAW_PAGES else "png"
    out: list[PageImage] = []
    with _Raster(path, dpi, exact, max_pixels, limits or Limits()) as raster:
        for n in page_numbers:
            p = raster.page(n, workdir / f"page-{n:04d}.{suffix}")
            if isinstance(p, str):
                raise CorruptFileError(f"{path}: {p}")
            Image.fromarray(p.grey).save(p.file)
            out.append(PageImage(p.number, p.file, p.width, p.height, p.dpi, scanner_lines=p.scanner_lines))
    return out


# Up to this many pages, :func:`_render` writes the page images uncompressed (BMP): they all
# stay on disk until its caller is done with them (9 MB a page at 300 dpi).
RAW_PAGES = 32


# PDFium is not thread-safe: one rendering at a time in this process (Dask threads, say).
# Re-entrant: a page's resolution and rendering may be held together (see _Raster.held).
_PDFIUM = threading.RLock()


class _Raster:
    """A PDF open for rasterising its pages (at the scan's own resolution, at most ``dpi``,
    see :func:`render_dpi`; at ``dpi`` when ``exact``), one page at a time. PDFium is held
    (:data:`_PDFIUM`) only while it works, so that other threads' documents are not kept
    waiting while this one's pages are read."""

    def __init__(self, path: Path, dpi: int, exact: bool, max_pixels: int, limits: Limits) -> None:
        import pypdfium2 as pdfium  # no stubs, no py.typed: Any

        self._pdfium: Any = pdfium
        self.path, self.dpi, self.exact, self.max_pixels, self.limits = path, dpi, exact, max_pixels, limits
        try:
            with _PDFIUM:
                self._pdf = pdfium.PdfDocument(str(path))
                self._pdf.init_forms()  # for the fields of a page with text (see _raster)
                self.count = len(self._pdf)
        except pdfium.PdfiumError as exc:
            raise CorruptFileError(f"{path}: cannot open the PDF to rasterise it: {exc}") from exc

    def __enter__(self) -> _Raster:
        return self

    def __exit__(self, *exc: object) -> None:
        with _PDFIUM:
            self._pdf.close()

    def held(self) -> threading.RLock:
        """PDFium held across several calls: a page's resolution and rendering, with nothing of
        another page's between them."""
        return _PDFIUM

    def resolution(self, n: int) -> int | str:
        """The resolution page ``n`` is rasterised at; why not, when PDFium cannot read it. A
        pathological page (past ``limits``) raises a :class:`LimitExceededError`; a large one is
        rendered at a lower resolution."""
        if not 1 <= n <= self.count:
            raise InputError(f"{self.path}: no page {n} (the PDF has {self.count})")
        try:
            with _PDFIUM:
                page = self._pdf[n - 1]
                width_pt, height_pt = page.get_size()
                wanted = self.dpi if self.exact else render_dpi(page, self.dpi)
                check_page_size(page, wanted, self.limits, f"{self.path}: page {n}")
                return capped_dpi(width_pt, height_pt, wanted, self.max_pixels)
        except self._pdfium.PdfiumError as exc:
            return f"page {n} cannot be rasterised: {exc}"

    def page(self, n: int, file: Path, dpi: int | None = None) -> PageImage | str:
        """Page ``n`` rasterised (at :meth:`resolution`, unless ``dpi`` is given), its pixels to
        be written to ``file``; why not, when PDFium cannot render it."""
        if dpi is None:
            found = self.resolution(n)
            if isinstance(found, str):
                return found
            dpi = found
        try:
            with _PDFIUM:
                grey = _raster(self._pdf[n - 1], dpi)
        except self._pdfium.PdfiumError as exc:
            return f"page {n} cannot be rasterised: {exc}"
        lines = scanner_lines(grey, dpi)
        edges = tuple(scanner_line_edges(grey, lines, dpi))
        grey = without_scanner_lines(grey, dpi, lines)
        height, width = grey.shape
        return PageImage(n, file, width, height, dpi, grey, edges)


def _raster(page: Any, dpi: int) -> Any:
    """A page rendered at ``dpi`` as the greyscale NumPy array Tesseract reads: luminance, so
    that blue ink (handwritten numbers) stays dark, with the red of seals (con dấu) whitened.
    A page that is nothing but greyscale images has no red: it is rendered in greyscale
    straight away, the same pixels at a fraction of the cost. Call with :data:`_PDFIUM` held."""
    import numpy as np

    scale = dpi / 72
    if _greyscale_only(page):
        bitmap = page.render(scale=scale, draw_annots=False, may_draw_forms=False, grayscale=True)
        grey = np.array(bitmap.to_numpy())
    else:
        # R, G, B and a padding byte: PIL takes the buffer as it is, and so does NumPy. A page
        # with text of its own (read by OCR when asked to) is drawn with its form fields, as a
        # viewer shows it: a signing tool stamps the number and day into fields (``Số: 1984``).
        # Not a scan's: its fields are the signatures' boxes over the scanned sheet.
        bitmap = page.render(scale=scale, draw_annots=False, may_draw_forms=_has_text(page), rev_byteorder=True,
                             prefer_bgrx=True)
        grey = np.array(bitmap.to_pil().convert("L"))
        rgb = bitmap.to_numpy()
        r = rgb[..., 0]
        # Seals are red: pixels clearly redder than they are green and blue (by more than 60,
        # which ``r > 60`` keeps from wrapping around in unsigned bytes).
        grey[(r > 60) & (r - 60 > np.maximum(rgb[..., 1], rgb[..., 2]))] = 255
    bitmap.close()
    return grey


def _has_text(page: Any) -> bool:
    """Whether a page holds text objects of its own (a text layer), not only images and paths."""
    import pypdfium2.raw as pdfium_c

    return any(obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT for obj in page.get_objects(max_depth=3))


def _greyscale_only(page: Any) -> bool:
    """Whether everything drawn on a page is a greyscale image (a scan in grey or black and
    white): no text, paths or colour images that could be red."""
    import pypdfium2.raw as pdfium_c

    found = False
    for obj in page.get_objects(max_depth=3):
        if obj.type != pdfium_c.FPDF_PAGEOBJ_IMAGE:
            return False
        if obj.get_metadata().colorspace != pdfium_c.FPDF_COLORSPACE_DEVICEGRAY:
            return False
        found = True
    return found


# A scanner's line: dark down this share of the page's height in one run ...
_SCANNER_LINE_SPAN = 0.9
# ... and at most this wide (inches); a table's rule stops at the page's margins.
_SCANNER_LINE_WIDTH_IN = 0.06


def without_scanner_lines(grey: Any, dpi: int, lines: Sequence[tuple[int, int]] | None = None) -> Any:
    """The page (a greyscale NumPy array) with the lines a scanner draws down the whole sheet
    (dirt on its glass) made white. Such a line cuts every text line it crosses in two (Tesseract reads two columns:
    ``725-CV/BTCT`` | ``U ngày 02``) and crosses every rule of a table as one more column
    line. It is told apart from a table's rule by its length: dark down 90 % of the page in
    one run, where a page's margins stop any rule. A page without one is returned as it is
    (one pass over the pixels: ink per pixel column).

    >>> import numpy as np
    >>> from PIL import Image, ImageDraw
    >>> page = Image.new("L", (400, 600), 255)
    >>> ImageDraw.Draw(page).line([(200, 0), (200, 599)], fill=0, width=3)
    >>> ImageDraw.Draw(page).line([(50, 100), (50, 400)], fill=0, width=3)  # a table's rule
    >>> clean = without_scanner_lines(np.asarray(page), 100)
    >>> int(clean[300, 200]), int(clean[300, 50])
    (255, 0)
    """
    if lines is None:
        lines = scanner_lines(grey, dpi)
    if not lines:
        return grey
    out = grey.copy()
    for left, right in lines:
        out[:, max(0, left - 1):right + 2] = 255  # with the grey fringe beside the line
    return out


def scanner_lines(grey: Any, dpi: int) -> list[tuple[int, int]]:
    """The columns (first, last) of the lines a scanner drew down a page (see
    :func:`without_scanner_lines`)."""
    import numpy as np

    height = grey.shape[0]
    dark = grey < 128
    columns = np.flatnonzero(dark.sum(axis=0) >= _SCANNER_LINE_SPAN * height)
    if not len(columns):
        return []
    lines: list[int] = []
    for x in columns.tolist():
        run = np.diff(np.concatenate(([0], dark[:, x].view(np.int8), [0])))
        starts, ends = np.flatnonzero(run == 1), np.flatnonzero(run == -1)
        if (ends - starts).max() >= _SCANNER_LINE_SPAN * height:
            lines.append(x)
    groups: list[list[int]] = []
    for x in lines:
        if groups and x - groups[-1][-1] <= 2:
            groups[-1].append(x)
        else:
            groups.append([x])
    # The dark edge of the scanner's lid along the sheet's side is left alone: Tesseract's
    # page layout is used to it, and it crosses no text.
    wide, edge, width = _SCANNER_LINE_WIDTH_IN * dpi, 0.5 * dpi, grey.shape[1]
    return [(g[0], g[-1]) for g in groups if g[-1] - g[0] + 1 <= wide and edge < g[0] and g[-1] < width - edge]


def scanner_line_edges(grey: Any, lines: Sequence[tuple[int, int]], dpi: int) -> list[tuple[int, int]]:
    """The scanner's ``lines`` of a page with their blurred edges: the columns beside a line
    grey down most of the page (130 to 230). Tesseract reads the letters the line crosses
    better with them (whitened, ``ngày`` became ``n;ày``), but the table finder takes them for a
    rule down the whole page, which ties every table it crosses into one grid.

    >>> import numpy as np
    >>> page = np.full((600, 400), 255, dtype=np.uint8)
    >>> page[:, 200:203] = 0
    >>> page[:500, 199] = 0
    >>> page[:450, 198] = 170
    >>> scanner_line_edges(page, scanner_lines(page, 100), 100)
    [(197, 203)]
    """
    import numpy as np

    def fringe(x: int) -> bool:
        return bool(np.count_nonzero(grey[:, x] < 230) >= 0.5 * grey.shape[0])

    wide, width = _SCANNER_LINE_WIDTH_IN * dpi, grey.shape[1]
    out: list[tuple[int, int]] = []
    for left, right in lines:
        while left > 0 and right - left < wide and fringe(left - 1):
            left -= 1
        while right < width - 1 and right - left < wide and fringe(right + 1):
            right += 1
        out.append((max(0, left - 1), min(width - 1, right + 1)))
    return out


def _save(grey: Any, file: Path) -> Path:
    """Pixels into an uncompressed image file for Tesseract (BMP): the file lives for seconds,
    and compressing it and decompressing it again cost more than the writing of the raw bytes,
    with the very same pixels. Not PGM: Leptonica reads it about 0.1 s a page slower."""
    from PIL import Image

    Image.fromarray(grey).save(file)
    return file


# One thread per Tesseract process: OpenMP threads inside Tesseract cost more than they give
# (about 2x slower on 2 cores); parallelism comes from running pages side by side.
_TESS_ENV = system.TESSERACT_ENV


def ocr_workers(limit: int | None = None) -> int:
    """How many Tesseract processes to run side by side: the cores this process may use that
    are idle, at least one, at most ``limit`` (4 by default: past that a document's pages are
    few). In a batch of documents run in parallel the cores are busy, and each document's
    pages are read one after the other."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    # This process counts among the busy while it renders: one core stays ours.
    return max(1, min(limit or 4, cores, round(cores - _busy() + 1)))


def _busy() -> float:
    """How many processes want a core: those ready to run at this moment (Linux counts them in
    ``/proc/loadavg``, this one among them), else the load average. Not the load average
    where there is better: it follows the last minute, and after a document read on every
    core it would keep the next one, on a machine idle by then, to one core."""
    try:
        # ``0.52 0.58 0.59 3/412 12345``: 3 of 412 ready to run.
        return float(Path("/proc/loadavg").read_text().split()[3].split("/")[0])
    except (OSError, IndexError, ValueError):
        try:
            return os.getloadavg()[0]
        except OSError:
            return 0.0


@dataclass
class _InProcessRun:
    """A listed run (:meth:`_Tesseract.start_listed`) made by the library in this process: its
    request, given its images by :meth:`_Tesseract.send`."""

    request: tesseract_lib.Request


# A listed run: a ``tesseract`` process waiting for its images, or one made in this process.
_Run = subprocess.Popen[bytes] | _InProcessRun


class _Aborted(Exception):
    """The document's reading was given up (another page raised, Ctrl-C): no more runs."""


class _Tesseract:
    """The Tesseract runs of one document, at most ``workers`` at a time (see
    :func:`ocr_workers`), each one thread (:data:`_TESS_ENV`) within its timeout (past it its
    process group is killed, :class:`~.system.ToolTimeout`). With ``engines``, the runs are
    made by Tesseract's library in this process (:mod:`.tesseract_lib`), in the same turns;
    what follows on starting processes ahead then concerns only the runs it leaves to the
    ``tesseract`` command.

    Pages are read side by side, and each page's later runs (the sideways check, the print
    read again, table cells, fields) go through the same turns as the pages' first readings:
    a core is never left idle while a page waits for its second reading, and no more
    processes run than there are turns. A run waiting for its turn goes before the others
    when its rank is smaller: a page's later runs (rank ``(0, page)``) before the first
    reading of the next pages (``(1, page)``), so that pages are finished in turn and few are
    held in memory at once.

    A run whose images are named on Tesseract's standard input (:meth:`start_listed`) is
    started before they exist: Tesseract loads its model (about 0.1 s), then waits for their
    names. A page's first reading is started so while the page is rendered when a core is left
    for it (:meth:`spare_core`), else once the page is rendered; and once a page is done, if no
    run waits for a turn (the last pages are being read: a core is idle), the second reading
    and the fields of the pages still being read are started so, one after the other
    (:meth:`expect`, :meth:`start_expected`): they are ready when those pages' first readings
    end, and the last page's later runs do not add that time to the document's. (Started
    earlier, they would take the core a first reading uses.)"""

    def __init__(self, exe: str, workers: int, timeout: float,
                 engines: tesseract_lib.Engines | None = None) -> None:
        self.exe, self.timeout = exe, timeout
        # Tesseract's library in this process, when it can run the reading (see
        # :mod:`.tesseract_lib`): no process to start, no model to load a run.
        self.engines = engines
        self._cancel = tesseract_lib.Cancel()  # stops this document's runs in this process
        self.workers = workers
        self._free = workers
        self._waiting: list[tuple[tuple[int, int], int]] = []
        self._tickets = itertools.count()
        self._changed = threading.Condition()
        self._running: set[subprocess.Popen[bytes]] = set()
        self._aborted = False
        # Runs in the line before their threads ask for their turn (see line_up).
        self._lined_up: dict[tuple[int, int], tuple[tuple[int, int], int]] = {}
        # Runs expected (their options), and the process started for each, if any.
        self._expected: dict[Hashable, tuple[tuple[str, ...], subprocess.Popen[bytes] | None]] = {}
        # Runs a page waits for while it does something else (at most two at once per page),
        # and the starting of runs ahead.
        self._pool = ThreadPoolExecutor(2 * (workers + 2) + 1, thread_name_prefix="tesseract")
        self._ahead = False  # runs being started ahead, one after the other (start_expected)

    def __enter__(self) -> _Tesseract:
        return self

    def __exit__(self, *exc: object) -> None:
        with self._changed:
            self._aborted = True  # no more runs started ahead
        self._pool.shutdown(cancel_futures=True)
        with self._changed:
            unused = [proc for _, proc in self._expected.values() if proc is not None]
            self._expected.clear()
        for proc in unused:
            self.discard(proc)

    def line_up(self, ranks: Iterable[tuple[int, int]]) -> None:
        """Put runs in the line now, before their threads ask for their turns: the pages' first
        readings, so that a page whose thread starts first does not go before an earlier page
        (whose rendering would then wait for its)."""
        with self._changed:
            for rank in ranks:
                ticket = (rank, next(self._tickets))
                self._lined_up[rank] = ticket
                heapq.heappush(self._waiting, ticket)

    def leave_line(self, rank: tuple[int, int]) -> None:
        """A run lined up that will not ask for its turn after all."""
        with self._changed:
            ticket = self._lined_up.pop(rank, None)
            if ticket is not None:
                self._waiting.remove(ticket)
                heapq.heapify(self._waiting)
                self._changed.notify_all()

    @contextlib.contextmanager
    def turn(self, rank: tuple[int, int]) -> Iterator[None]:
        """Hold one of the turns (wait for it): one Tesseract process may run (:meth:`call`)."""
        with self._changed:
            ticket = self._lined_up.pop(rank, None)
            if ticket is None:
                ticket = (rank, next(self._tickets))
                heapq.heappush(self._waiting, ticket)
            self._changed.wait_for(lambda: self._aborted or (self._free > 0 and self._waiting[0] == ticket))
            self._waiting.remove(ticket)
            heapq.heapify(self._waiting)
            if self._aborted:
                self._changed.notify_all()
                raise _Aborted
            self._free -= 1
            self._changed.notify_all()  # the next in line may have a turn too
        try:
            yield
        finally:
            with self._changed:
                self._free += 1
                self._changed.notify_all()

    def spare_core(self) -> bool:
        """Whether a core is left for a Tesseract process to load its model on beside a page
        being rendered: the processes at work (not those started ahead and idle, waiting for
        their images) and the rendering leave one of the turns free. When none is, starting it
        would only take time from the runs at work: on 2 cores, the second page's Tesseract
        loading beside its rendering slowed the first page's reading by about 0.03 s."""
        with self._changed:
            idle = sum(1 for _, proc in self._expected.values() if proc is not None)
            return len(self._running) - idle < max(1, self.workers - 1)

    def _start(self, args: Sequence[str], listed: bool) -> subprocess.Popen[bytes]:
        """Start Tesseract with ``args`` (call with the lock held); ``listed``: its images are
        named on its standard input."""
        if self._aborted:
            raise _Aborted
        try:
            proc = system.start([self.exe, *args], env=_TESS_ENV, stdin=b"" if listed else None)
        except FileNotFoundError as exc:  # removed since it was found
            raise MissingComponentError(*system.TESSERACT) from exc
        self._running.add(proc)
        return proc

    def _finish(self, proc: subprocess.Popen[bytes], timeout: float | None, stdin: bytes | None) -> system.Finished:
        try:
            return system.finish(proc, self.timeout if timeout is None else timeout, "Tesseract", stdin)
        finally:
            with self._changed:
                self._running.discard(proc)

    def discard(self, proc: _Run) -> None:
        """Stop a started run that is not needed."""
        if isinstance(proc, _InProcessRun):
            return
        system.kill_group(proc)
        with self._changed:
            self._running.discard(proc)

    def call(self, args: Sequence[str], timeout: float | None = None) -> system.Finished:
        """Run Tesseract with ``args`` (holding a turn) to its end."""
        request = tesseract_lib.parse_args(args) if self.engines is not None else None
        if request is not None:
            return self._in_process(request, timeout)
        with self._changed:
            proc = self._start(args, False)
        return self._finish(proc, timeout, None)

    def run(self, args: Sequence[str], rank: tuple[int, int], timeout: float | None = None) -> system.Finished:
        """Run Tesseract with ``args`` when a turn comes (see :meth:`turn`)."""
        with self.turn(rank):
            return self.call(args, timeout)

    def listed(self, files: Sequence[Path], options: Sequence[str], rank: tuple[int, int],
               timeout: float | None = None, expected: Hashable = None) -> system.Finished:
        """Run Tesseract with ``options`` on ``files`` (see :meth:`start_listed`) when a turn
        comes."""
        with self.turn(rank):
            return self.feed(self.start_listed(options, expected), files, timeout)

    def _in_process(self, request: tesseract_lib.Request, timeout: float | None) -> system.Finished:
        """A run by the library in this process (holding a turn)."""
        if self._aborted:
            raise _Aborted
        assert self.engines is not None
        try:
            return self.engines.run(request, self.timeout if timeout is None else timeout, self._cancel)
        except tesseract_lib.Cancelled:
            raise _Aborted from None

    def start_listed(self, options: Sequence[str], expected: Hashable = None) -> _Run:
        """Tesseract with ``options`` started (holding a turn), its images to be named on its
        standard input (:meth:`feed`): each image's TSV in turn, page by page. It loads its
        model meanwhile. ``expected``: the run announced by :meth:`expect`, whose process may
        have been started already. With the library in this process, nothing starts: the run
        is made when its images are given."""
        request = tesseract_lib.parse_args(["stdin", "stdout", *options]) if self.engines is not None else None
        if request is not None:
            with self._changed:
                self._expected.pop(expected, None)
            return _InProcessRun(request)
        with self._changed:
            announced, proc = self._expected.pop(expected, ((), None))
        if proc is not None and announced != tuple(options):
            self.discard(proc)
            proc = None
        if proc is None:
            with self._changed:
                proc = self._start(["stdin", "stdout", *options], True)
        return proc

    def feed(self, proc: _Run, files: Sequence[Path], timeout: float | None = None) -> system.Finished:
        """The run of :meth:`start_listed` given its images, to its end."""
        if isinstance(proc, _InProcessRun):
            self.send(proc, files)
            return self._in_process(proc.request, timeout)
        return self._finish(proc, timeout, "".join(f"{f}\n" for f in files).encode("utf-8"))

    @staticmethod
    def send(proc: _Run, files: Sequence[Path]) -> None:
        """The run of :meth:`start_listed` given its images, which it starts on at once; its end
        is waited for with :meth:`wait`. (A run in this process is made in :meth:`wait`.)"""
        if isinstance(proc, _InProcessRun):
            proc.request = dataclasses.replace(proc.request, images=tuple(str(f) for f in files))
            return
        assert proc.stdin is not None
        with contextlib.suppress(BrokenPipeError):  # it has ended already: wait() tells how
            proc.stdin.write("".join(f"{f}\n" for f in files).encode("utf-8"))
            proc.stdin.close()
        proc.stdin = None  # nothing more for communicate() to send

    def wait(self, proc: _Run, timeout: float | None = None) -> system.Finished:
        """The run given its images by :meth:`send`, to its end."""
        if isinstance(proc, _InProcessRun):
            return self._in_process(proc.request, timeout)
        return self._finish(proc, timeout, None)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        """``fn(*args)`` in a thread of its own: for a run a page waits for while it goes on."""
        return self._pool.submit(fn, *args)

    def expect(self, key: Hashable, options: Sequence[str]) -> None:
        """A run with ``options`` (see :meth:`listed`) will be asked for as ``key``: its process
        may be started ahead (:meth:`start_expected`)."""
        with self._changed:
            self._expected.setdefault(key, (tuple(options), None))

    def due(self, key: Hashable) -> None:
        """The run expected as ``key`` is about to be asked for (or found not needed): no use
        starting it ahead any longer; if it was started, it stays for its run."""
        with self._changed:
            if key in self._expected and self._expected[key][1] is None:
                del self._expected[key]

    def forget(self, key: Hashable) -> None:
        """The run expected as ``key`` is not needed (any longer): its process, if started, is
        stopped."""
        with self._changed:
            _, proc = self._expected.pop(key, ((), None))
        if proc is not None:
            self.discard(proc)

    def start_expected(self) -> None:
        """The runs expected, started ahead (their model loaded, they use no core while they
        wait for their images) when a turn is free and no run waits for one; one at a time,
        each once the one before waits for its images: loading side by side, they would take
        a core from the runs at work."""
        if self.engines is not None:
            return  # the library in this process has its models loaded already
        with self._changed:
            if self._aborted or self._ahead or self._free <= len(self._waiting) \
                    or all(proc is not None for _, proc in self._expected.values()):
                return
            self._ahead = True
        self._pool.submit(self._start_ahead)

    def _start_ahead(self) -> None:
        proc: subprocess.Popen[bytes] | None = None
        while True:
            with self._changed:
                key = next((k for k, (_, p) in self._expected.items() if p is None), None)
                if self._aborted or self._free <= len(self._waiting) or key is None:
                    self._ahead = False
                    return
                options = self._expected[key][0]
                try:
                    proc = self._start(["stdin", "stdout", *options], True)
                except Exception:  # the run starts when asked for, and raises then
                    self._ahead = False
                    return
                self._expected[key] = (options, proc)
            _wait_loaded(proc, lambda: self._aborted)

    def abort(self) -> None:
        """Kill the runs going on (their process groups, or the library's recognitions at their
        next word) and refuse the next ones."""
        self._cancel.fire()
        with self._changed:
            self._aborted = True
            for proc in self._running:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(proc.pid, signal.SIGKILL)
            self._changed.notify_all()


def _wait_loaded(proc: subprocess.Popen[bytes], stop: Callable[[], bool], limit: float = 1.0) -> None:
    """Wait until a Tesseract started with its images to come on its standard input has loaded
    its model: it no longer runs (Linux: its state in ``/proc``), at most ``limit`` seconds;
    at once where that cannot be told."""
    stat = Path(f"/proc/{proc.pid}/stat")
    deadline = time.monotonic() + limit
    while not stop() and time.monotonic() < deadline:
        try:
            state = stat.read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return
        if state not in ("R", "D"):
            return
        time.sleep(0.003)


def looks_sideways(words: list[Word]) -> bool:
    """A page read sideways: most of its words of three letters or more are taller than wide
    (Tesseract still reads them, as vertical text). A page with next to no words (blank, a
    photo) is not worth turning."""
    long = [w for w in words if len(_LETTERS.findall(w.text)) >= 3]
    tall = sum(1 for w in long if w.bottom - w.top > 1.2 * (w.right - w.left))
    return len(long) >= 10 and tall > 0.5 * len(long)


_ROTATE = re.compile(r"Rotate:\s*(\d+)")


def _few_words(words: list[Word]) -> bool:
    return sum(1 for w in words if len(_LETTERS.findall(w.text)) >= 3) < 10


def _has_ink(grey: Any) -> bool:
    """Whether a page has print on it (more than 0.3 % dark pixels): a sideways page Tesseract
    found no words on, rather than a blank one."""
    import numpy as np

    return int(np.count_nonzero(_ink(grey))) > 0.003 * int(grey.size)


@dataclass
class _Page:
    """A page as it is read: its image, Tesseract's TSV of it and the words in it."""

    image: PageImage
    tsv: str
    words: list[Word]


@dataclass
class _PageRead:
    """What a page gave: its blocks, the tables among them, the repairs and blank fields."""

    blocks: list[Block]
    tables: list[ocr_tables.PageTable]
    notes: Notes


def fits_in_time(spent: float, took: Sequence[float], limit: float) -> bool:
    """Whether a page more may start after ``spent`` seconds of a document's OCR, within its
    ``limit``: if a page as long as the pages read so far (``took``, their median) ends before it.
    A page that started just before the limit ran out went on for as long again, past a batch's
    timeout on a slow or loaded machine, and the whole document was lost.

    >>> fits_in_time(10, [], 16), fits_in_time(10, [4, 5, 9], 16), fits_in_time(10, [4, 7, 9], 16)
    (True, True, False)
    >>> fits_in_time(17, [], 16)
    False
    """
    return spent + (statistics.median(took) if took else 0.0) <= limit


class _PageReader:
    """Reads the pages of one document, each on its own from its rasterising to its blocks
    (:meth:`read`); pages are read side by side, their Tesseract runs taking turns
    (:class:`_Tesseract`)."""

    def __init__(self, tess: _Tesseract, raster: _Raster, workdir: Path, languages: str, diacritics: bool,
                 max_seconds: float = float("inf"), first: int = 1) -> None:
        self.tess, self.raster, self.workdir = tess, raster, workdir
        self.languages, self.diacritics = languages, diacritics
        # The document's OCR time limit (Limits.max_ocr_seconds): a page whose turn comes after
        # it is not read; the pages under way are read to their end, and so is the first page.
        self.max_seconds = max_seconds
        self.started = time.monotonic()
        self.first = first
        # How long the pages read so far took, from their turn to their end (second readings,
        # tables, fields): a page is started only if one as long fits in what is left of the limit.
        self.took: list[float] = []
        self._began: dict[int, float] = {}
        # Table cells and fields are small: a run on them gets at most a minute.
        self.small_timeout = min(tess.timeout, 60.0)

    def read(self, n: int) -> _PageRead | str:
        """Page ``n``'s blocks, or why it could not be read (see :func:`ocr_pages`)."""
        try:
            page = self._first_reading(n)
            if isinstance(page, str):
                return page
            return self._later(self._upright(page))
        except system.ToolTimeout as exc:
            return f"OCR: page {n}: {exc}"
        finally:
            if (began := self._began.pop(n, None)) is not None:
                self.took.append(time.monotonic() - began)
            self.tess.leave_line((1, n))
            self.tess.forget(("again", n))
            self.tess.forget(("fields", n))
            # This page is done: if no run waits for a turn, a core is idle until the pages
            # still being read are in.
            self.tess.start_expected()
            for file in self.workdir.glob(f"page-{n:04d}*"):
                file.unlink(missing_ok=True)

    def _first_reading(self, n: int) -> _Page | str:
        # The page is rendered when its turn comes, Tesseract loading its model meanwhile if a
        # core is left for that (see _Tesseract.spare_core): it starts on the page at once, and
        # no page waits in memory for a turn.
        with self.tess.turn((1, n)):
            spent = time.monotonic() - self.started
            if n != self.first and not fits_in_time(spent, self.took, self.max_seconds):
                return (f"{OCR_TIME_LIMIT} page {n} not read: the document's OCR took {spent:.0f} s, and a page "
                        f"more would pass the limit max_ocr_seconds={self.max_seconds:g}")
            self._began[n] = time.monotonic()
            # Pages rendered in their order (the first page's reading is the longest wait).
            with self.raster.held():
                dpi = self.raster.resolution(n)
                if isinstance(dpi, str):
                    return dpi
                proc = self.tess.start_listed(self._page_options(dpi)) if self.tess.spare_core() else None
                try:
                    p = self.raster.page(n, self.workdir / f"page-{n:04d}.bmp", dpi)
                    if isinstance(p, str):
                        if proc is not None:
                            self.tess.discard(proc)
                        return p
                    proc = proc or self.tess.start_listed(self._page_options(dpi))
                    # Given its image before the next page is rendered: that rendering would
                    # hold Python's lock meanwhile, and this page's reading, the longest wait,
                    # would start later.
                    self.tess.send(proc, [_saved(p).file])
                except BaseException:
                    if proc is not None:
                        self.tess.discard(proc)
                    raise
            self.tess.expect(("again", n), self._again_options(p))
            self.tess.expect(("fields", n), self._field_options())
            try:
                done = self.tess.wait(proc)
            except system.ToolTimeout:
                return f"OCR: Tesseract timed out after {self.tess.timeout:g} s on page {n}"
            finally:
                # Not started ahead for this page any more: it asks for them now.
                self.tess.due(("again", n))
                self.tess.due(("fields", n))
        if done.returncode != 0:
            return f"OCR: Tesseract failed on page {n}: {done.message()}"
        tsv = done.stdout.decode("utf-8", "replace")
        return _Page(p, tsv, parse_tsv(tsv))

    def _field_options(self) -> list[str]:
        return ["-l", self.languages, *_FIELD_OPTIONS, "tsv"]

    def _page_options(self, dpi: int) -> list[str]:
        return ["-l", self.languages, "--dpi", str(dpi), "tsv"]

    def _upright(self, page: _Page) -> _Page:
        """A page scanned sideways or upside down: Tesseract's orientation detection (``osd``)
        says by how much to turn it; turned, it is read again and kept when that reads better.
        Only a page that looks sideways, or shows print but gave no words, is checked
        (detection costs about as much as reading a page). Without Tesseract's ``osd`` data
        the page stays as it is."""
        import numpy as np

        p = page.image
        if not (looks_sideways(page.words) or (_few_words(page.words) and _has_ink(p.grey))):
            return page
        rank = (0, p.number)
        try:
            found = self.tess.run([str(p.file), "stdout", "--psm", "0", "--dpi", str(p.dpi)], rank)
        except system.ToolTimeout:
            return page  # the page stays as read
        m = _ROTATE.search(found.stdout.decode("utf-8", "replace"))
        angle = int(m.group(1)) if m else 0
        if angle not in (90, 180, 270):
            return page
        # ``Rotate`` is clockwise; NumPy turns counter-clockwise.
        grey = np.ascontiguousarray(np.rot90(p.grey, -angle // 90))
        turned = PageImage(p.number, p.file.with_name(f"{p.file.stem}-r{angle}.bmp"), grey.shape[1], grey.shape[0],
                           p.dpi, grey)
        try:
            again = self.tess.listed([_saved(turned).file], self._page_options(turned.dpi), rank)
        except system.ToolTimeout:
            return page
        if again.returncode != 0:
            return page
        tsv = again.stdout.decode("utf-8", "replace")
        after = parse_tsv(tsv)
        if looks_sideways(after) or _few_words(after):
            return page
        return _Page(turned, tsv, after)

    def _again_options(self, p: PageImage) -> list[str]:
        return ["-l", self.languages, "--psm", "6", "--dpi", str(p.dpi), "tsv"]

    def _later(self, page: _Page) -> _PageRead:
        """The page's print read again, its tables (:mod:`.ocr_tables`), its handwritten fields
        read again, and its blocks. The second reading, the fields found on the first reading
        and the rules of the tables are worked on at once: most pages' fields are the same
        after the second reading (those that are not are read then)."""
        p = page.image
        again = _again(p, page.tsv, page.words)
        if again is None:
            self.tess.forget(("again", p.number))
        reread = self.tess.submit(self._reread, page, again) if again is not None else None
        # The symbols read doubtfully are read again beside the second reading (which leaves
        # most of them as they were) and the tables; those that only the second reading gives
        # are read once it is in.
        doubtful = doubtful_symbols(page.words)
        symbols = [self.tess.submit(self._symbols_again, p, doubtful, "a", header_numbers(page.words))] \
            if doubtful else []
        guessed = self._asked(p, page.words, [])
        fields = self.tess.submit(self._read_fields, p, guessed, ("fields", p.number)) if guessed else None
        if not guessed:
            self.tess.forget(("fields", p.number))
        grids = ocr_tables.find_grids(p.grey, p.dpi, p.scanner_lines)
        words = reread.result() if reread is not None else page.words
        # A word of the second reading that the first read alike (the same text, its box a
        # pixel or two apart) takes the first one's reading again.
        alike: dict[Word, Word] = {}
        if reread is not None:
            later = []
            for w in doubtful_symbols(words):
                same = next((d for d in doubtful if same_reading(w, d)), None)
                if same is None:
                    later.append(w)
                elif same != w:
                    alike[w] = same
            if later:
                symbols.append(self.tess.submit(self._symbols_again, p, later, "b", header_numbers(words)))
        rank = (0, p.number)

        def run(args: list[str], timeout: float) -> system.Finished:
            return self.tess.run(args, rank, timeout)

        text_words, tables = ocr_tables.page_tables(
            p.grey, words, p.number, p.dpi, grids=grids, run=run, workdir=self.workdir, name=p.file.stem,
            timeout=self.small_timeout, languages=self.languages)
        symbol_notes: Notes = []
        better: dict[Word, Word] = {}
        for future in symbols:
            found, found_notes = future.result()
            better |= found
            symbol_notes += found_notes
        better = carried_over(better, alike)
        if better:
            text_words = [better.get(w, w) for w in text_words]
        box = signature_box(text_words, p.width, p.height)
        if box is not None:
            text_words = self._signature_again(p, text_words, box)
        placed = [(t.top, t.block) for t in tables]
        known: dict[Box, tuple[str, float] | None] = fields.result() if fields is not None else {}
        missing: list[Box] = []

        def recorded(box: Box) -> tuple[str, float] | None:
            if box in known:
                return known[box]
            missing.append(box)
            return None

        def read_hand(box: Box, valid: Callable[[str], bool]) -> HandReading | None:
            return read_hand_widening(p.grey, box, valid)

        # Laid out with the fields read so far; the fields only the final words ask for (the
        # second reading changed a header line) are read in one run, and the page laid out again.
        notes: Notes = list(symbol_notes)
        blocks = page_blocks(text_words, p.number, p.width, p.height, notes=notes, count=_stem_counter(p.grey),
                             read_field=recorded, read_hand=read_hand, tables=placed, diacritics=self.diacritics)
        if missing:
            known |= self._read_fields(p, missing)
            notes = list(symbol_notes)
            blocks = page_blocks(text_words, p.number, p.width, p.height, notes=notes, count=_stem_counter(p.grey),
                                 read_field=self._field_reader(p, known), read_hand=read_hand, tables=placed,
                                 diacritics=self.diacritics)
        return _PageRead(blocks, tables, notes)

    def _signature_again(self, p: PageImage, words: list[Word], box: Box) -> list[Word]:
        """The page's words with the signature lines a reading of its column ``box`` alone gave
        (see :func:`merge_signature`); when that run fails, the words as they were."""
        file = _field_file(p.grey, box, self.workdir / f"{p.file.stem}-signature.bmp")
        try:
            done = self.tess.listed([file], self._again_options(p), (0, p.number), self.small_timeout)
        except system.ToolTimeout:
            return words
        if done.returncode != 0:
            return words
        found = parse_tsv_at(done.stdout.decode("utf-8", "replace"), box[0], box[1])
        return merge_signature(words, found, box[0])

    def _symbols_again(self, p: PageImage, doubtful: list[Word], run: str = "a",
                       header: Collection[Word] = ()) -> tuple[dict[Word, Word], Notes]:
        """The document symbols of a page read doubtfully (see :func:`doubtful_symbols`) read
        again, each cut out alone, in one Tesseract run: the readings that replace the page's
        (surer, and still a symbol of the same number length, see :func:`better_symbol`), each
        with an ``ocr-repair`` note; and for the header's number among them (``header``, see
        :func:`header_numbers`) read alone as another number, the word without its number
        (:func:`header_number_in_doubt`). Nothing when that run fails: the page's readings stand."""
        # Named by the run (``a``: the first reading's symbols, ``b``: the second's) and their
        # boxes: the two runs of a page may be under way at once.
        files = [_field_file(p.grey, box, self.workdir / f"{p.file.stem}-symbol{run}-{'-'.join(map(str, box))}.bmp")
                 for box in map(_symbol_box, doubtful)]
        try:
            done = self.tess.listed(files, ["-l", self.languages, "--psm", "7", "tsv"], (0, p.number),
                                    self.small_timeout)
        except system.ToolTimeout:
            return {}, []
        tsvs = _tsv_per_image(done, len(files))
        if tsvs is None:
            return {}, []
        better: dict[Word, Word] = {}
        notes: Notes = []
        for w, tsv in zip(doubtful, tsvs, strict=True):
            again = _field_value(tsv)
            if again is None:
                continue
            if better_symbol(w.text, w.conf, *again):
                better[w] = Word(again[0], w.left, w.top, w.right, w.bottom, again[1], w.line_key)
                notes.append(("ocr-repair", f"page {p.number}: symbol {w.text!r} read again alone: {again[0]!r}"))
            elif w in header and (doubt := header_number_in_doubt(w.text, w.conf, *again)) is not None:
                # Neither reading stands: the number is taken out, and read as a field (by its
                # box, and as handwriting) when the page is laid out, or left blank.
                rest, first, alone = doubt
                better[w] = _cut(w, len(w.text) - len(rest))[1]
                notes.append(("ocr-repair", f"page {p.number}: the document number {first!r} (confidence "
                              f"{w.conf:.0f}) read alone as {alone!r} (confidence {again[1]:.0f}): "
                              "read again as a field"))
        return better, notes

    def _reread(self, page: _Page, again: _Again) -> list[Word]:
        """The page's words, with the print Tesseract's segmentation dropped read again (see
        :func:`reread_image`); when that run fails, the first reading stands."""
        p = page.image
        try:
            done = self.tess.listed([again.file], self._again_options(p), (0, p.number),
                                    expected=("again", p.number))
        except system.ToolTimeout:
            return page.words
        if done.returncode != 0:
            return page.words
        found = parse_tsv_at(done.stdout.decode("utf-8", "replace"), *again.offset)
        return merge_reread(page.words, again.damaged, found)

    @staticmethod
    def _asked(p: PageImage, words: list[Word], tables: Sequence[tuple[float, Block]]) -> list[Box]:
        """The boxes of the handwritten fields a layout of ``words`` reads again (a trial layout,
        without restoring diacritics: fields are read before)."""
        asked: list[Box] = []

        def ask(box: Box) -> None:
            asked.append(box)

        page_blocks(words, p.number, p.width, p.height, read_field=ask, tables=tables, diacritics=False)
        return asked

    def _field_file(self, p: PageImage, box: Box) -> Path:
        file = self.workdir / f"{p.file.stem}-field-{box[0]}-{box[1]}-{box[2]}-{box[3]}.bmp"
        return _field_file(p.grey, box, file)

    def _read_fields(self, p: PageImage, asked: Sequence[Box],
                     expected: Hashable = None) -> dict[Box, tuple[str, float] | None]:
        """The handwritten fields of a page (see :func:`page_blocks`), read in one Tesseract run
        (``expected``: as announced, see :meth:`_Tesseract.expect`); empty when that run fails
        (each field is then read on its own)."""
        files = [self._field_file(p, box) for box in asked]
        try:
            done = self.tess.listed(files, self._field_options(), (0, p.number), self.small_timeout, expected)
        except system.ToolTimeout:
            return {}
        tsvs = _tsv_per_image(done, len(files))
        if tsvs is None:
            return {}
        return {box: _field_value(tsv) for box, tsv in zip(asked, tsvs, strict=True)}

    def _field_reader(self, p: PageImage, known: dict[Box, tuple[str, float] | None]) -> ReadField:
        """Read one box of a page again, as a single line of digits (a handwritten number); the
        boxes in ``known`` have been read already (see :meth:`_read_fields`)."""

        def read(box: Box) -> tuple[str, float] | None:
            if box in known:
                return known[box]
            done = self.tess.listed([self._field_file(p, box)], self._field_options(), (0, p.number),
                                    self.small_timeout)
            return _field_value(done.stdout.decode("utf-8", "replace"))

        return read


# A document symbol read with a word confidence below this is read again, cut out alone: the
# page's reading of ``Quyết định số 2729 /QĐ-UBND`` gave ``2720`` at 90, the word alone
# ``2729`` at 96 (Tesseract's reading of a line depends on the print around it). On the 13
# development scans 22 symbols on 15 pages read below 91 (every misread one among them); read
# alone, three came out different and surer, all right: ``2729``, ``34/BC-CAT-PH10`` for
# ``PHI10``, and ``725-CV/BTCTU``, which a repair made already.
_SYMBOL_DOUBT = 91.0


def doubtful_symbols(words: Sequence[Word]) -> list[Word]:
    """The words of a page that open a document symbol in running text (``2729`` of ``2729
    /QĐ-UBND``, ``34/BC-CAT-PHI10``) read with a confidence below :data:`_SYMBOL_DOUBT`. The
    header's ``Số:`` line is left to the reading of its fields, but for a number read glued to
    its symbol as print, yet below that confidence (``340/VP-TH`` at 89 for a stamped 390):
    that one is read alone too, to be checked (see :func:`header_number_in_doubt`).

    >>> line = [Word(t, 100 * i, 0, 100 * i + 90, 40, c, (1, 1, 1))
    ...         for i, (t, c) in enumerate([("Quyết", 96), ("định", 96), ("số", 96), ("2720", 90.2),
    ...                                      ("/QĐ-UBND", 85), ("ngày", 95), ("16/11/2011", 93)])]
    >>> [w.text for w in doubtful_symbols(line)]
    ['2720']
    """
    out: list[Word] = []
    for line in group_lines(list(words)):
        if has_mark("number", line.text):
            out += _header_numbers(line)
            continue
        starts, at = [], 0
        for w in line.words:
            starts.append(at)
            at += len(w.text) + 1
        text = " ".join(w.text for w in line.words)
        for m in find_symbols(text):
            k = bisect.bisect_right(starts, m.start()) - 1
            w = line.words[k]
            if starts[k] == m.start() and w.conf < _SYMBOL_DOUBT and w not in out:
                out.append(w)
    return out


# A state document number read glued to its symbol: its digits, then the symbol's slash. (A
# Party number's dash, ``368-CV/BPTT``, is left to the field's reading: see unglue_fields.)
_GLUED_NUMBER = re.compile(r"(\d+)/")


def header_numbers(words: Sequence[Word]) -> list[Word]:
    """The words of a page that are the header's document number read glued to its symbol as
    print, right after the ``Số:`` label (capitalised: running text's ``số`` is no label), with
    a confidence from :data:`_DOUBTFUL_PRINT` (below it the number is cut off and read as a
    field, see :func:`unglue_fields`) to below :data:`_SYMBOL_DOUBT`: ``340/VP-TH`` at 89.

    >>> line = [Word("Số:", 100, 0, 160, 40, 93.0, (1, 1, 1)), Word("340/VP-TH", 175, 0, 380, 40, 88.8, (1, 1, 1))]
    >>> [w.text for w in header_numbers(line)], header_numbers([replace(w, text=w.text.lower()) for w in line])
    (['340/VP-TH'], [])
    """
    return [w for line in group_lines(list(words)) if has_mark("number", line.text) for w in _header_numbers(line)]


def _header_numbers(line: Line) -> list[Word]:
    return [w for label, w in itertools.pairwise(line.words)
            if label.text[:1] == "S" and is_field_label("document number", label.text)
            and _DOUBTFUL_PRINT <= w.conf < _SYMBOL_DOUBT and _GLUED_NUMBER.match(w.text)
            and (found := find_symbols(w.text)) and found[0].start() == 0]


def header_number_in_doubt(read: str, conf: float, again: str, again_conf: float) -> tuple[str, str, str] | None:
    """When the ``Số:`` line's number read glued to its symbol (``340/VP-TH`` at 89, see
    :func:`header_numbers`) was read alone as a symbol with another number (``330/VP-TH`` at
    65), as a reading of print (:data:`_DOUBTFUL_PRINT` and above), two readings of print
    contradict each other and neither stands: the word with its number taken out
    (``/VP-TH``), for the number to be read as a field (:func:`_field`: a stamped 390 that the
    handwriting reader reads surely) or left blank, never a guess; with the two numbers read.
    (A surer reading alone of the same kind replaces the word before: :func:`better_symbol`.)
    None when the readings agree on the number, or the reading alone is no symbol, or not print.

    >>> header_number_in_doubt("340/VP-TH", 88.8, "330/VP-TH", 64.9)
    ('/VP-TH', '340', '330')
    >>> header_number_in_doubt("340/VP-TH", 88.8, "340/VP-TH", 95.0)
    >>> header_number_in_doubt("340/VP-TH", 88.8, "330/VP-TH", 45.0)
    >>> header_number_in_doubt("340/VP-TH", 88.8, "330/", 70.0)
    """
    first, alone = _GLUED_NUMBER.match(read), _GLUED_NUMBER.match(again)
    if first is None or alone is None or first.group(1) == alone.group(1) or again_conf < _DOUBTFUL_PRINT \
            or not (found := find_symbols(again)) or found[0].start() != 0:
        return None
    return read[first.end(1):], first.group(1), alone.group(1)


def same_reading(a: Word, b: Word) -> bool:
    """Whether two readings of a page are of one word: the same text, and boxes at most a few
    pixels apart (the second reading of a line moves its words' edges by a pixel or two).

    >>> a = Word("28/2025/QĐ-TTg", 1139, 1409, 1411, 1449, 0.0, (1, 1, 1))
    >>> same_reading(a, Word("28/2025/QĐ-TTg", 1139, 1409, 1410, 1449, 0.0, (2, 1, 1)))
    True
    >>> same_reading(a, Word("28/2025/QĐ-TTg", 704, 911, 975, 949, 87.6, (1, 1, 1)))
    False
    """
    slack = max(3, min(a.height, b.height) // 8)
    return a.text == b.text and all(abs(x - y) <= slack for x, y in
                                    ((a.left, b.left), (a.top, b.top), (a.right, b.right), (a.bottom, b.bottom)))


def carried_over(better: dict[Word, Word], alike: dict[Word, Word]) -> dict[Word, Word]:
    """``better`` (the first reading's doubtful symbols and their readings alone) with the words
    of the second reading that the first read alike (``alike``: each to its first-reading word),
    where the reading alone is surer than that second reading too (:func:`better_symbol`), and
    where the header's number was taken out of the first reading's word (see
    :func:`header_number_in_doubt`): it is taken out of the second's too.

    >>> first = Word("2720", 719, 736, 828, 777, 60.0, (1, 1, 1))
    >>> alone = Word("2729", 719, 736, 828, 777, 80.0, (1, 1, 1))
    >>> second = Word("2720", 719, 736, 829, 777, 90.0, (2, 1, 1))
    >>> second in carried_over({first: alone}, {second: first})
    False
    >>> carried_over({first: alone}, {replace(second, conf=70.0): first})[replace(second, conf=70.0)].text
    '2729'
    >>> number = Word("340/VP-TH", 175, 0, 380, 40, 88.8, (1, 1, 1))
    >>> again = replace(number, right=381, conf=90.0)
    >>> carried_over({number: _cut(number, 3)[1]}, {again: number})[again].text
    '/VP-TH'
    """
    out = dict(better)
    for w, same in alike.items():
        if same not in better:
            continue
        taken_out = same.text.endswith(better[same].text) and better[same].text.startswith("/")
        if taken_out:
            # The header's number taken out of the word (header_number_in_doubt): out of the second
            # reading's word too.
            out[w] = _cut(w, len(w.text) - len(better[same].text))[1]
        elif better_symbol(w.text, w.conf, better[same].text, better[same].conf):
            out[w] = replace(better[same], left=w.left, top=w.top, right=w.right, bottom=w.bottom,
                             line_key=w.line_key)
    return out


def _symbol_box(w: Word) -> Box:
    """A symbol's word box with a margin of paper around it (a sixth of its height)."""
    pad = max(3, w.height // 6)
    return (w.left - pad, w.top - pad, w.right + pad, w.bottom + pad)


_LEADING_DIGITS = re.compile(r"\d+")


def better_symbol(read: str, conf: float, again: str, again_conf: float) -> bool:
    """Whether ``again``, a symbol's word read alone, replaces the page's reading ``read``: it
    differs, is surer, and is still the same kind of word: digits alone for a number set apart
    from its symbol (``2720`` → ``2729``), else a symbol whose number has as many digits
    (``34/BC-CAT-PHI10`` → ``34/BC-CAT-PH10``).

    >>> better_symbol("2720", 90.2, "2729", 95.7), better_symbol("2720", 90.2, "2729/", 95.7)
    (True, False)
    >>> better_symbol("34/BC-CAT-PHI10", 44.0, "34/BC-CAT-PH10", 71.6)
    True
    >>> better_symbol("518/2011/QĐ-UBND);", 89.0, "Š18/2011/QĐ-UBND);", 40.3)
    False

    What follows the symbol in the word (``);``, which cuts a list of citations) stays:

    >>> better_symbol("518/2011/QĐ-UBND);", 80.0, "518/2011/QĐ-UBND)", 95.0)
    False
    """
    if again == read or again_conf <= conf:
        return False
    number, number_again = _LEADING_DIGITS.match(read), _LEADING_DIGITS.match(again)
    if number is None or number_again is None or len(number.group()) != len(number_again.group()):
        return False
    if read.isdigit():
        return again.isdigit()
    found, found_before = find_symbols(again), find_symbols(read)
    return bool(found) and found[0].start() == 0 and (
        not found_before or read[found_before[0].end():] == again[found[0].end():])


def _saved(p: PageImage) -> PageImage:
    """The page with its pixels written to its file."""
    _save(p.grey, p.file)
    return p


@dataclass
class _Again:
    """A page's print to read again: the crop's file, where it lies on the page, and the lines
    it reads again (see :func:`reread_image`)."""

    file: Path
    offset: tuple[int, int]
    damaged: tuple[list[Line], list[Line]]


def _again(p: PageImage, tsv: str, words: list[Word]) -> _Again | None:
    found = reread_image(p.grey, tsv, words)
    if found is None:
        return None
    masked, damaged = found
    # Only the part of the page with print left on it: Tesseract's time goes with the pixels.
    ink = _bbox(_ink(masked))
    if ink is None:
        return None
    # With a white margin, as on paper: Tesseract reads text touching the edge worse.
    margin = round(p.dpi / 6)
    height, width = masked.shape
    box = (max(0, ink[0] - margin), max(0, ink[1] - margin), min(width, ink[2] + margin), min(height, ink[3] + margin))
    file = _save(masked[box[1]:box[3], box[0]:box[2]], p.file.with_name(f"{p.file.stem}-again.bmp"))
    return _Again(file, (box[0], box[1]), damaged)


def _bbox(mask: Any) -> Box | None:
    """The box around the true pixels of a boolean image (right and bottom excluded, as PIL's
    ``getbbox``), ``None`` when there are none."""
    import numpy as np

    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if not len(rows):
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def read_hand_widening(grey: Any, box: Box, valid: Callable[[str], bool] | None = None) -> HandReading | None:
    """The handwriting reading of a field's box (:func:`.digits.read_handwritten`; ``valid``: the
    readings the field can hold). When a piece
    of its ink touches the box's left side only (a digit's lead-in stroke reaching back towards
    the label: bien-ban's ``18``), the box is widened leftwards a few pixels at a time, up to a
    quarter of its height: the reading of the first box whose pieces touch no side stands, if it
    holds the same pieces; a box that takes in another piece (the label's letters) reads nothing.
    Not rightwards: more digits may follow there (a ``4`` freed before the ``06`` of ``406``)."""
    crop = _crop(grey, box)
    reading = read_handwritten(crop, valid)
    if reading is not None:
        return reading
    left_side, right_side, count = sides_touched(crop)
    if not left_side or right_side:
        return None
    left, top, right, bottom = box
    step = max(1, (bottom - top) // 24)
    for grow in range(step, (bottom - top) // 4 + 1, step):
        if left - grow < 0:
            return None
        crop = _crop(grey, (left - grow, top, right, bottom))
        still_left, still_right, now = sides_touched(crop)
        if now != count or still_right:
            return None
        if not still_left:
            return read_handwritten(crop, valid)
    return None


def _crop(grey: Any, box: Box) -> Any:
    """The box of a page, as PIL crops it: what lies off the page is black."""
    import numpy as np

    left, top, right, bottom = box
    out = np.zeros((max(0, bottom - top), max(0, right - left)), dtype=grey.dtype)
    height, width = grey.shape
    x0, y0, x1, y1 = max(0, left), max(0, top), min(width, right), min(height, bottom)
    if x1 > x0 and y1 > y0:
        out[y0 - top: y1 - top, x0 - left: x1 - left] = grey[y0:y1, x0:x1]
    return out


def _stem_counter(grey: Any) -> CountStems:
    def count(box: Box) -> int:
        return count_stems(grey, box)

    return count


_FIELD_OPTIONS = ["--psm", "7", "-c", "tessedit_char_whitelist=0123456789"]


def _field_file(grey: Any, box: Box, file: Path) -> Path:
    """The box of a page cut out into a file of its own."""
    from PIL import Image

    Image.fromarray(_crop(grey, box)).save(file, dpi=(0, 0))  # no resolution, as Tesseract has always been given it
    return file


def _field_value(tsv: str) -> tuple[str, float] | None:
    words = parse_tsv(tsv)
    if not words:
        return None
    return "".join(w.text for w in words), min(w.conf for w in words)


def _tsv_per_image(done: system.Finished, count: int) -> list[str] | None:
    """Each image's TSV from one Tesseract run over ``count`` images (named in a list file):
    the same as a run of its own gives, without starting Tesseract and loading its model once
    per image. ``None`` when the run failed."""
    if done.returncode != 0:
        return None
    rows = done.stdout.decode("utf-8", "replace").splitlines()
    if not rows:
        return None
    out: list[list[str]] = [[rows[0]] for _ in range(count)]
    for row in rows[1:]:
        cols = row.split("\t")
        if len(cols) > 1 and cols[1].isdigit() and 1 <= int(cols[1]) <= count:
            out[int(cols[1]) - 1].append(row)
    return ["\n".join(r) for r in out]


_ROMAN_NUMBER = r"^(?P<r>I{1,3}|IV|VI{0,3}|IX|X)\."  # I. to X., as headings count them
_ROMAN_NUMBERED = regex.compile(_ROMAN_NUMBER + r"(?=\s+\S)")
_ROMAN_HEADING = regex.compile(_ROMAN_NUMBER + r"(?=\s+\p{Lu}{2,})")


def roman_sequence(blocks: list[Block], *, from_start: bool = True, complete: bool = True) -> list[str]:
    """Roman heading numbers that a stroke too many or too few turned into the number of a
    heading next to them (``II. CÔNG TÁC TRIỂN KHAI`` then ``II. KẾT QUẢ``: a bold ``I.`` read
    with two stems) set to the one their place needs, in the blocks; the repairs made. A number
    is changed only to one a stroke away (``I``/``II``/``III``, ``V``/``VI``), and only when
    that makes the sequence run on better than any other such change: ``II, II, IV`` (a
    missing ``I.`` or a misread ``III.``) stays as it is. Every Roman-numbered paragraph counts
    in the sequence; only those with a title in capitals are changed. That the sequence starts
    at ``I.`` counts only ``from_start`` (the blocks hold the document's beginning); a number
    missing between two (:func:`_roman_gaps`) is looked for only when the blocks are
    ``complete`` (every page read).

    >>> blocks = [Block("paragraph", "II. CÔNG TÁC TRIỂN KHAI"), Block("paragraph", "II. KẾT QUẢ")]
    >>> roman_sequence(blocks), blocks[0].text
    (["heading 'II.' → 'I.' (in a sequence that has II. twice)"], 'I. CÔNG TÁC TRIỂN KHAI')
    >>> blocks = [Block("paragraph", t) for t in ("I. CĂN CỨ", "II. ĐÁNH GIÁ", "II. NHIỆM VỤ", "IV. KIẾN NGHỊ")]
    >>> _ = roman_sequence(blocks); [b.text.split(".")[0] for b in blocks]
    ['I', 'II', 'III', 'IV']
    >>> blocks = [Block("paragraph", t) for t in ("II. ĐÁNH GIÁ", "II. NHIỆM VỤ", "IV. KIẾN NGHỊ")]
    >>> roman_sequence(blocks)
    []
    >>> blocks = [Block("paragraph", t) for t in ("I. Tình hình chung", "II. KẾT QUẢ", "II. PHƯƠNG HƯỚNG")]
    >>> _ = roman_sequence(blocks); [b.text.split(".")[0] for b in blocks]
    ['I', 'II', 'III']
    """
    found = [(b, m) for b in blocks if b.kind == "paragraph" and (m := _ROMAN_NUMBERED.match(b.text)) is not None]
    values = [roman_value(m.group("r")) or 0 for _, m in found]
    changeable = [_ROMAN_HEADING.match(b.text) is not None for b, _ in found]

    def breaks(seq: list[int]) -> int:
        return (from_start and seq[0] != 1) + sum(b != a + 1 for a, b in itertools.pairwise(seq)) if seq else 0

    notes: list[str] = []
    while True:
        best: list[tuple[int, int, int]] = []  # (breaks, index, value)
        for i, value in enumerate(values):
            if not changeable[i] or value not in values[max(0, i - 1):i] + values[i + 1:i + 2]:
                continue  # only a number that repeats a neighbour's is in doubt
            for want in {value - 1, value + 1}:
                read, wanted = roman(value), roman(want)
                if wanted and abs(len(wanted) - len(read)) == 1 and wanted.strip("I") == read.strip("I"):
                    best.append((breaks([*values[:i], want, *values[i + 1:]]), i, want))
        best.sort()
        if not best or best[0][0] >= breaks(values) or (len(best) > 1 and best[1][0] == best[0][0]):
            # A number missing between two others is looked for only where every page was read.
            return notes + (_roman_gaps(blocks, found, values) if complete else [])
        _, i, want = best[0]
        block, m = found[i]
        read = roman(values[i])
        block.text = roman(want) + block.text[m.end("r"):]
        notes.append(f"heading {read + '.'!r} → {roman(want) + '.'!r} (in a sequence that has {read}. twice)")
        values[i] = want
        found[i] = (block, _ROMAN_NUMBERED.match(block.text) or m)


# A heading's Roman number garbled past reading as one (``__H,`` for a serif ``II.``, its two
# stems joined into an H): specks (no bullet), the stems as ``H`` (two) or strokes ``I l | 1``
# (one each), a comma or full stop, then a title of three words or more in capitals.
_GARBLED_ROMAN = regex.compile(
    r"^[_~'`.]{0,3}(?P<r>[HIl|1]{1,3})[.,](?=[ ]+\p{Lu}{2,}[ ]+\p{Lu}{2,}[ ]+\p{Lu}{2,})")


def _strokes(garbled: str) -> int:
    return sum(2 if c == "H" else 1 for c in garbled)


def _roman_gaps(blocks: list[Block], found: list[tuple[Block, regex.Match[str]]], values: list[int]) -> list[str]:
    """``II.`` or ``III.`` missing from the sequence, found between its neighbours as a title in
    capitals under a garbled number with as many stems (``__H, DANH SÁCH CÁC VỤ ...``: an H is
    two): given the number its place needs, when it is the one such paragraph between them; the
    repairs made. Only these two: an H or a stroke stands for no other numeral, and a ``l.``
    (one stem) is more often an Arabic ``1.`` misread.

    >>> blocks = [Block("paragraph", t) for t in ("I. KẾT QUẢ", "Nội dung.", "__H, DANH SÁCH CÁC VỤ", "III. NHIỆM VỤ")]
    >>> roman_sequence(blocks), blocks[2].text
    (["heading '__H,' → 'II.' (between I. and III.)"], 'II. DANH SÁCH CÁC VỤ')
    >>> blocks = [Block("paragraph", t) for t in ("I. Dự kiến mục tiêu", "1. Các Bộ", "H. Đề xuất nhu cầu")]
    >>> roman_sequence(blocks), blocks[2].text  # cv-5689-bca-c04-2025-scan
    (["heading 'H.' → 'II.' (after I.)"], 'II. Đề xuất nhu cầu')
    """
    notes: list[str] = []
    where = {id(b): k for k, b in enumerate(blocks)}
    for (a, _), (b, _), va, vb in zip(found, found[1:], values, values[1:], strict=False):
        want = va + 1
        if vb != va + 2 or want not in (2, 3):
            continue
        between = [(blk, m) for blk in blocks[where[id(a)] + 1: where[id(b)]] if blk.kind == "paragraph"
                   and (m := _GARBLED_ROMAN.match(blk.text)) is not None]
        if len(between) != 1 or _strokes(between[0][1].group("r")) != want:
            continue
        block, m = between[0]
        block.text = f"{roman(want)}." + block.text[m.end():]
        notes.append(f"heading {m.group(0)!r} → {roman(want) + '.'!r} (between {roman(va)}. and {roman(vb)}.)")
    # After a lone ``I.``: ``H. Đề xuất nhu cầu ...`` is its ``II.`` (two stems joined), when it is
    # the one paragraph so numbered after it, in a document with no part ``G.`` (whose ``H.``
    # is the next part).
    if values == [1] and not any(blk.kind == "paragraph" and blk.text.startswith("G.") for blk in blocks):
        last = found[0][0]
        after = [(blk, m) for blk in blocks[where[id(last)] + 1:] if blk.kind == "paragraph"
                 and (m := _GARBLED_II.match(blk.text)) is not None]
        if len(after) == 1:
            block, m = after[0]
            block.text = "II." + block.text[m.end():]
            notes.append(f"heading {m.group(0)!r} → 'II.' (after I.)")
    return notes


# ... a title in sentence case (``H. Đề xuất nhu cầu ...``, ``H. Kiến nghị``, ``H. Phương hướng,
# nhiệm vụ``: a lower-case second word) or in capitals of three words at least with no colon
# (``H. NHIỆM VỤ TRỌNG TÂM NĂM 2025``); not ``H.`` for ``huyện`` before a district's name, whose
# words are all capitalised (``H. ĐỨC TRỌNG``, ``H. Lâm Hà: 12 xã ...``).
_GARBLED_II = regex.compile(
    r"^[_~'`.]{0,3}H[.,](?=[ ]+(?:\p{Lu}\p{Ll}*,?[ ]+\p{Ll}|\p{Lu}{2,}(?:[ ]+[\p{Lu}\d]{2,}){2,}[^:\n]*$))")


def ocr_pages(path: Path, page_numbers: Sequence[int], *, dpi: int | None = None, languages: str = "vie",
              tesseract: str | None = None, timeout: float = 180.0, workers: int | None = None,
              max_pixels: int = MAX_PIXELS, limits: Limits | None = None,
              warnings: list[tuple[str, str]] | None = None, diacritics: bool = True,
              failed: dict[int, str] | None = None, in_process: bool = True) -> dict[int, list[Block]]:
    """OCR the given 1-based pages of a PDF with Tesseract (``languages``) into blocks, page by page.

    ``dpi``: render every page at this resolution; by default a scanned page at its own
    resolution, at most 300, below 150 ppi twice it, at most 240 (see :func:`render_dpi`);
    never more than ``max_pixels``.
    ``tesseract``: the binary's path. Each page is rasterised once, when Tesseract can start on
    it, and read to its end (its second readings, tables and fields) while the next pages are
    read: ``workers`` Tesseract runs at once (by default as many as cores are idle, see
    :func:`ocr_workers`), made by Tesseract's library in this process when the binary is the
    system's and ``in_process`` (see :mod:`.tesseract_lib`), else by ``tesseract`` processes.
    The repairs made where the context decides (``tháng I1`` → ``tháng 11``) and the
    handwritten fields left blank are added to ``warnings`` as (code, message), and so are the
    words whose diacritics were restored (``diacritics``, see :mod:`.ocr_words`).

    ``timeout`` bounds each Tesseract run (one page); past it the run is stopped (its process
    group killed, or the library's reading given up at Tesseract's own deadline).
    The pages read so far are said to :func:`.progress.pages_done` (``parse_file``'s
    ``progress``). ``limits.max_ocr_seconds`` bounds the whole: a page whose turn comes later is not read
    (its reason starts with ``OCR time limit:``; a ``LimitExceededError`` without ``failed``). A
    page that cannot be rasterised, or that Tesseract fails on or times out on, is left out of
    the result and its reason put in ``failed`` (page number → message); the other pages'
    work stands and is not done again. Without ``failed``, such a page raises a
    :class:`CorruptFileError` once the others are read. Tesseract or its Vietnamese data
    missing: :class:`MissingComponentError` naming the Debian package.
    """
    exe = system.tesseract(languages, tesseract)
    if not page_numbers:
        return {}
    workers = workers or ocr_workers()
    failures: dict[int, str] = {}
    done: dict[int, _PageRead] = {}
    with contextlib.ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="vnreport-ocr-"))
        raster = stack.enter_context(_Raster(path, dpi or 300, dpi is not None, max_pixels, limits or Limits()))
        raster_count = raster.count
        for n in page_numbers:
            if not 1 <= n <= raster_count:
                raise InputError(f"{path}: no page {n} (the PDF has {raster_count})")
        engines = tesseract_lib.engines(exe) if in_process else None
        tess = stack.enter_context(_Tesseract(exe, workers, timeout, engines))
        tess.line_up((1, n) for n in page_numbers)
        reader = _PageReader(tess, raster, Path(tmp), languages, diacritics, (limits or Limits()).max_ocr_seconds,
                             page_numbers[0])
        # A few pages more than are read at once are under way: one ready for each turn that
        # comes free while the others are laid out.
        with ThreadPoolExecutor(min(len(page_numbers), workers + 2)) as pool:
            futures = {n: pool.submit(reader.read, n) for n in page_numbers}
            try:
                pages_done(0, len(futures))
                for k, (n, future) in enumerate(futures.items(), 1):
                    outcome = future.result()
                    if isinstance(outcome, str):
                        failures[n] = outcome
                    else:
                        done[n] = outcome
                    pages_done(k, len(futures))  # in page order: a later page may be in already
            except BaseException:
                for future in futures.values():
                    future.cancel()
                tess.abort()
                raise
    # The pages' pixels, spread over the memory pools of the threads that read them, are given
    # back to the system: a process that reads scan after scan (a batch worker, a service)
    # would otherwise grow with each.
    system.release_memory()
    result = {n: read.blocks for n, read in done.items()}
    if warnings is not None:
        for read in done.values():
            warnings.extend(read.notes)
    ocr_tables.join_continued(result, {n: read.tables for n, read in done.items()})
    # The first document's sequence starts at I. only when its first page was read from the start.
    whole = set(page_numbers) == set(range(1, raster_count + 1))
    pages_read = SourceDocument([b for n in sorted(result) for b in result[n]], Source(format="pdf"))
    notes = [note for k, part in enumerate(split_documents(pages_read))
             for note in roman_sequence(part.blocks, from_start=k > 0 or whole, complete=whole)]
    if warnings is not None:
        warnings.extend(("ocr-repair", note) for note in notes)
    if failures and failed is None:
        first = failures[min(failures)]
        if unread := sum(why.startswith(OCR_TIME_LIMIT) for why in failures.values()):
            raise ocr_time_limit(path, limits, unread)
        raise ocr_error_type(first)(f"{path}: {first}")
    if failed is not None:
        failed.update(failures)
    return result
