"""Mentions of other documents (trích dẫn văn bản).

``full``: a type word and a symbol (``Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ
tướng Chính phủ về “...”``), with ``số`` optional and lists sharing one type word
(``kế hoạch số 22/KH-UBND, ngày ...; 42/KH-UBND ...``); ``short``: type and number only
(``Chỉ thị 33``); ``named``: no number (``Luật Tiếp cận thông tin``, ``Hiến pháp năm 2013``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from ..conventions.doc_types import (
    ABBREVIATIONS,
    AMENDING_WORDS,
    CERTIFICATE_TYPES,
    CODES_OF_TYPE,
    DOC_TYPES,
    JOINT_TYPE_CODES,
    NAME_COMMA_PAIRS,
    NAMED_BY_BODY,
    NAMED_NEEDS_AUTHOR,
    NAMED_NEEDS_CAPITAL,
    NAMED_NOT_NAMES,
    NAMED_NUMBER_ISSUERS,
    NAMED_NUMBER_TYPES,
    NAMED_PLAN_NOT_DOCUMENTS,
    NAMED_PLAN_TYPES,
    NAMED_QUOTED_TYPES,
    NAMED_TYPE_SPELLINGS,
    NAMED_TYPES,
    PARTY_TERM,
    SHORT_NOT_TYPES,
    STANDARD_TYPES,
    TYPE_CODES,
)
from ..conventions.vocabulary import (
    AUTHORITIES,
    AUTHORITY_ENDING_VERBS,
    CITED_TITLE_ENDS,
    CITED_TITLE_OPENERS,
    MARKED_SECTORS,
    POSITIONS,
    REPORTING_VERBS,
    SECTOR_PARTS,
    SECTORS,
    SUBJECT_CLAUSE_AFTER_COMMA,
    SUBJECT_CLAUSE_OPENERS,
    SUBJECT_CLAUSE_PLACES,
    SUBJECT_CLAUSE_VERBS,
    TIME_WORDS,
    UNITS,
)
from ..models import Citation, PartialDate
from ..normalize import fold
from ..spans import Spans
from .dates import date_at
from .scan import group_numbers, matches_at, occurrences, trie
from .symbols import SYMBOL_RE, SymbolParts, dated, find_symbols, glued_symbols, parts_of, symbol_parts

_TYPE_NAMES = sorted((d["name"] for d in DOC_TYPES), key=len, reverse=True)
# The words a document's type opens with, as a name written in running text starts (``Nghị định``).
_DOC_TYPE_STARTS = tuple({*_TYPE_NAMES, *NAMED_TYPES})
_TYPES = "|".join(regex.escape(n) for n in _TYPE_NAMES)
_CANONICAL_TYPE = {fold(n): n for n in _TYPE_NAMES}

# The type word (and ``số``) right before a symbol: searched back from the symbol. The type
# words as a trie: trying all ~40 at each of the 60 places cost a third more.
TYPE_BEFORE = regex.compile(
    rf"(?<!\w)(?P<type>(?i:{trie(_TYPE_NAMES)}))(?:[ ]+(?i:liên[ ]+tịch|liên[ ]+ngành))?"
    # ``số số`` (a doubled word) as well as ``số``, ``số hiệu:``.
    rf"[ ]*(?:(?i:số)(?:[ ]+(?i:số))?(?:[ ]*(?i:hiệu))?[ ]*:?[ ]*)?$"
)
_TYPE_GROUP = group_numbers(TYPE_BEFORE, "type")[0]
# A character that no match of TYPE_BEFORE holds (its words are letters, and spaces and ``:``
# stand between them): the search for the type word starts after the last one before the
# symbol, not at each of the 60 places before it (a test checks every character).
_NOT_IN_TYPE = regex.compile(r"(?r)[^\p{L}\p{M} :]")
_LINE_BREAK = regex.compile(r"[ \t]*\n[ \t]*")
# The type word is read behind the number (the match starts at ``num``; the mention at
# ``type``): a scan that tries ~40 type words at every position costs four times more.
SHORT = regex.compile(
    rf"(?<=(?<!\w)(?P<type>{_TYPES})(?:[ ]+(?i:số))?[ ]+)(?P<num>\d{{1,5}})(?![\d/.,]\d|[ ]*[/–—-][ ]*[\dA-ZĐ]|\w)"
)
# A national standard or technical regulation by its code (``STANDARD_TYPES``), with the words
# that may name it before (``Tiêu chuẩn Việt Nam``, ``Quy chuẩn kỹ thuật quốc gia``).
STANDARD = regex.compile(
    r"(?:(?i:tiêu|quy)[ ]+(?i:chuẩn)(?:[ ]+(?i:kỹ[ ]+thuật))?(?:[ ]+(?i:quốc[ ]+gia|việt[ ]+nam))?[ ]+)?"
    rf"(?<!\w)(?P<code>{'|'.join(STANDARD_TYPES)})[ ]+(?P<iso>ISO(?:/IEC)?[ ]+)?"
    r"(?P<num>\d{1,5}(?:-\d{1,3})*(?:-[A-Z]{1,4})?)"
    r"(?:[ ]*:[ ]*(?P<year>(?:19|20)\d\d)|-(?P<dashed>(?:19|20)\d\d))?(?!\d)"
    r"(?:/(?P<issuer>[A-ZĐ]{2,8}(?:-[A-ZĐ]{2,8})?))?(?![\w/:])"
)
# A certificate cited by its number (``CERTIFICATE_TYPES``): digits only (six to fourteen: its
# codes have ten to twelve), not cut from a longer run (``010010 9106``) nor a symbol's number.
CERTIFICATE = regex.compile(
    rf"(?<!\w)(?P<type>(?i:{trie(CERTIFICATE_TYPES)}))[ ]+(?i:số)[ ]*:?[ ]*"
    r"(?P<num>\d{6,14}(?:-\d{3})?)(?![\w/]|[.,-]\d|[ ]\d)"
)
# Who granted it and when, after its number: ``do Sở Kế hoạch và Đầu tư cấp (lần đầu) ngày``, ``cấp
# ngày``. (``của`` after a certificate names its holder, a company, not its author.)
_GRANTED = regex.compile(
    r"[ ]*,?[ ]*(?:(?i:do)[ ]+(?P<by>[^,;.:\n()]{2,80}?)[ ]+)?(?i:cấp)(?:[ ]+(?i:lần[ ]+đầu))?"
    r"(?:[ ]+(?i:vào))?[ ]+(?=(?i:ngày)[ ]+\d)")
# The type words of citations by name: the legal ones, and plans and programmes.
NAMED_WORDS = NAMED_TYPES + NAMED_PLAN_TYPES + NAMED_TYPE_SPELLINGS
_NAMED_TYPES = "|".join(regex.escape(n) for n in NAMED_WORDS)
# Tried only where one of the names occurs (``occurrences``): a scan of the text costs ten times more.
NAMED = regex.compile(rf"(?<![\w])(?P<type>{_NAMED_TYPES})(?![\w])")
_NAME_COMMA_PAIRS = [(tuple(fold(a).split()), tuple(fold(b).split())) for a, b in NAME_COMMA_PAIRS]
# What stands between symbols that share one type word (``22/KH-UBND, ngày ...; 42/KH-UBND``,
# ``và số ...``), up to the next symbol's first digit (checked by SYMBOL_RE: a second copy of
# SYMBOL in this pattern cost a cold start 3 ms to compile).
LIST_NEXT = regex.compile(r"[ ]*(?:[,;]|[ ](?i:và))[ ]*(?:(?i:và)[ ]+)?(?:(?i:số)[ ]+)?(?=\d)")

# The spaces and comma every form after a symbol may start with. These three are ``re``
# patterns (the same matches: no ``\w``, ``\d``, ``\s`` or case-insensitive ``i`` in them): its calls
# cost about half of ``regex``'s, and they run several times after each citation.
_GAP = re.compile(r"[ ]*,?[ ]*")
# What a document does, right before the ``về`` of its title: ``(của Chính phủ) quy định về tổ chức,
# hoạt động và quản lý hội``, ``hướng dẫn về ...``, ``ban hành quy định về ...``.
_ABOUT_VERB = regex.compile(r"(?i:ban[ ]+hành[ ]+quy[ ]+định|quy[ ]+định|hướng[ ]+dẫn)(?=[ ]+(?i:về)[ ])")
# The date may open the next line, in lower case (``... số 184/2025/NĐ-CP`` / ``ngày 01/7/2025 của
# Chính phủ``: a paragraph a page break or a typed line break cut); ``Ngày ...`` opens a sentence.
_DATE_LEAD = re.compile(r"[ ]*,?[ ]*(?:\n[ ]*(?=ngày[ ]))?(?:(?:được[ ]+)?ban[ ]+hành[ ]+)?")
# ``ngày`` before the date, which a PDF line may end with (``29-QĐ/TW, ngày`` / ``02/6/1997``).
_DAY_WORD = regex.compile(r"(?i:ngày)(?:[ ]+|[ ]*\n[ ]*)(?=\d)")
# (A title's line may break before it: ``... ngày 09 tháng 3 năm 2007`` / ``của Chính phủ về ...``.)
_OF = re.compile(r"[ ]*\n?[ ]*,?[ ]*(?i:của)[ ]+")
# A subject in quotes; typed quotes may not match (``“nghiệp vụ công tác đảng viên"``).
_QUOTED = regex.compile(
    r"[ ]*,?[ ]*(?:(?i:về[ ]+việc|về|v/v)[ ]*)?"
    r"(?:“(?P<q>[^”“\"\n]{2,500})”|\"(?P<q2>[^\"\n]{2,500})\"|“(?P<q3>[^”\"\n]{2,500})\")"
)
# The longest subject read (a trích yếu of four lines: qd-353's Quyết định 1672/QĐ-UBND, cv-8977's
# Kết luận 178-KL/TW); past it, the clause goes on with no end in sight, and none is read.
_SUBJECT_LONGEST = 600
_ABOUT = regex.compile(
    rf"[ ]*,?[ ]*(?i:về[ ]+việc|về|v/v)[ ]+(?P<s>[^;()\n\t“”\"]{{2,{_SUBJECT_LONGEST}}}?)"
    r"(?=[;()\n\t“”\"]|\.(?:[ \n\t]|$)|$)")
# The same subject read in runs (possessive, no look-ahead tried after each character): the
# lazy one's end is the first place past its first two characters where the look-ahead holds,
# and the runs stop there too. Only the limit of its length is not in it: a longer subject
# is read again by _ABOUT (which then finds none).
_ABOUT_RUNS = regex.compile(
    r"[ ]*,?[ ]*(?i:về[ ]+việc|về|v/v)[ ]+(?P<s>[^;()\n\t“”\"]{2}(?:[^;()\n\t“”\".]++|\.(?![ \n\t]|$))*)"
    r"(?=[;()\n\t“”\"]|\.(?:[ \n\t]|$)|$)")
_WINDOW = 40
# A law named before its number (``Luật Thanh tra số 22/2004/QH11``): ``số`` right before the
# symbol, the type word (capitalised) earlier in the same clause, and an amending law's name
# around the law it amends (``Luật sửa đổi, bổ sung một số điều của Luật ...``).
_SO_BEFORE = regex.compile(r"(?<!\w)(?i:số)[ ]*$")
_NAMED_NUMBER_TYPE = regex.compile(rf"(?<!\w){trie(NAMED_NUMBER_TYPES)}(?!\w)")
_AMENDING_LAW = regex.compile(
    rf"(?<!\w)(?P<type>{trie(NAMED_NUMBER_TYPES)})[ ]+{AMENDING_WORDS}"
    r"[^.;:\n“”]{0,80}?[ ]+(?i:của)[ ]+$")
_CLAUSE_MARK = regex.compile(r"(?r)[.;:\n“”]")
# ``Quyết định của UBND tỉnh số 468/QĐ-UBND`` (AUTHOR_BEFORE_NUMBER_EXAMPLES): the body is
# checked to be a name that ends right before ``số``.
_TYPE_OF_BEFORE = regex.compile(
    rf"(?<!\w)(?P<type>(?i:{trie(_TYPE_NAMES)}))[ ]+(?i:của)[ ]+"
    r"(?P<auth>\p{Lu}[\p{L} ]{1,60}?)[ ]+(?i:số)[ ]*:?[ ]*$")
_LAW_NAME_WINDOW = 200
# The laws an amending law lists: parted by a comma or ``và`` before the next law's type ...
_LISTED_LAW = regex.compile(rf"[ ]*(?:,|[ ](?i:và))[ ]+(?={trie(NAMED_NUMBER_TYPES)}(?!\w))")
# ... each a name alone: no comma, digit, year or date inside.
_LAW_ALONE = regex.compile(
    rf"{trie(NAMED_NUMBER_TYPES)}(?:[ ]+(?!(?i:năm|ngày|số)(?!\w))[^\W\d][^\s,]*)*")
_CLAUSE_END = regex.compile(r"[;.:\n()“”\"]")


def _clause_from(text: str, pos: int, end: int) -> str:
    """``text[pos:end]`` up to its clause's end (a full stop, a semicolon, a colon, a bracket or a quote)."""
    cut = _CLAUSE_END.search(text, pos, end)
    return text[pos:cut.start() if cut else end]


@functools.cache
def _type_in_name() -> regex.Pattern[str]:
    """A type name as a document's name is written (capitalised), inside a law's name before
    ``số``. Compiled on first use: few texts name a law before its number."""
    return regex.compile(rf"(?<!\w)(?:{_TYPES})(?!\w)")


@functools.cache
def _measure_after() -> regex.Pattern[str]:
    """A unit or a time word after a number (``Kế hoạch 5 năm``). Compiled on first use: most
    texts hold no short citation, and compiling it cost every cold start 3 ms."""
    words = sorted((*UNITS, *TIME_WORDS), key=len, reverse=True)
    return regex.compile(r"[ ]+(?:" + "|".join(regex.escape(w) for w in words) + r")(?!\w)", flags=regex.IGNORECASE)


_TOKEN = regex.compile(r"[^\s,;.:()“”\"]+")
# Spaces that ``str.split`` cuts at and ``regex``'s ``\s`` does not: the information separators.
_INFO_SEPARATORS = re.compile("[\x1c-\x1f]")
_NAME_TOKEN = regex.compile(r"[^\s,;.:()“”\"]+|,")
_NAME_TOKEN_RE = re.compile(_NAME_TOKEN.pattern)
_YEAR = regex.compile(r"(?:19|20)\d\d")
# The period that ends a programme's name (``giai đoạn 2021 - 2030``).
_PERIOD_YEARS = regex.compile(r"(?:19|20)\d\d(?:[ ]*[-–—][ ]*(?:19|20)\d\d)?(?!\d)")
_OUTLOOK = regex.compile(
    r"[ ]*,?[ ]*(?:(?i:và)[ ]+)?(?i:định[ ]+hướng|tầm[ ]+nhìn)[ ]+(?i:đến)[ ]+(?i:năm)[ ]+(?:19|20)\d\d(?!\d)")

# Words that end an authority phrase (``của UBND huyện Thực hiện ...``).
_AUTH_STOP = {w.casefold() for w in (
    "về", "ban", "thực", "quy", "hướng", "phê", "triển", "trên", "tại", "và", "đã", "đối", "nhằm", "năm",
    "ngày", "số", "giai", "để", "cho", "với", "trong", "theo", "được", "là", "gồm", "kèm", "tiếp", "đến",
    "từ", "giữa", "sau", "khi", "nay", "này", "đó", "ở", "nêu", "có", "vào", "lần", "tổ", "giao",
)}
# ... in lower case only: the verbs after a body (``Bộ Tư pháp sửa đổi``, ``bổ sung``, ``như sau``),
# words of a name in capitals. (``công`` is no stop: ``khu công nghiệp``, ``hành chính công``.)
_AUTH_STOP_LOWER = {"như", "sửa", "bổ"}
# What a document does, written with a capital after its body's name (``của Bộ Tài chính Sửa
# đổi ...``, ``... Truyền thông Công bố Định mức``): the name ends before it.
_VERBS_AFTER_BODY = {v.casefold() for v in AUTHORITY_ENDING_VERBS}
_VERB_FIRST_WORDS = {v.split()[0] for v in _VERBS_AFTER_BODY}
# A stop word that goes on a name after the word before it: ``Ủy ban``, ``Mặt trận Tổ quốc``.
_NAME_PAIRS = {("ủy", "ban"), ("uỷ", "ban"), ("trận", "tổ")}
# Past ten words a name goes on with its capitalised words, and with a word in lower case only
# between two of them or in a pair of a name (``Tổ quốc``).
_LONG_NAME_PAIRS = {("tổ", "quốc")}
_PLACE_WORDS = {"tỉnh", "huyện", "xã", "phố", "quận", "phường", "trấn"}
# The stop words that also begin a word of a body's name (``Tổ chức``, ``Giao thông``, ``Quy hoạch``).
_NAME_WORDS = {w.casefold() for w in ("ban", "tổ", "giao", "quy", "thực", "hướng", "triển", "giai")}
# The known bodies: AUTHORITIES, and the ministry and the department of each sector (``Bộ Tư
# pháp``, ``Sở Nông nghiệp và Phát triển nông thôn``).
_KNOWN_BODIES = [*AUTHORITIES, *(f"{body} {sector}" for sector in (*SECTORS, *MARKED_SECTORS)
                                 if sector not in SECTOR_PARTS for body in ("Bộ", "Sở"))]
# Those whose name holds a comma (folded): the punctuation that ends a body's name is looked for
# after it.
_MARKED_BODIES = sorted((fold(b) for b in _KNOWN_BODIES if "," in b), key=len, reverse=True)
_AUTHORITY_FOLDS = sorted(((fold(a), a) for a in _KNOWN_BODIES), key=lambda x: len(x[0]), reverse=True)
_AUTHORITY_SET = {f for f, _ in _AUTHORITY_FOLDS}
_AUTHORITY_BY_FOLD: dict[str, str] = {}
for _fold, _name in _AUTHORITY_FOLDS:
    _AUTHORITY_BY_FOLD.setdefault(_fold, _name)
_POSITION_SET = frozenset(fold(p) for p in POSITIONS)
_POSITION_WORDS = max(len(p.split()) for p in POSITIONS)
_PUNCT = regex.compile(r"[,;.:()“”\"\t]")  # a tab: the end of a table cell
_PARTY_TERM = regex.compile(PARTY_TERM)
_TIME_AFTER_NUMBER = frozenset({"năm", "tháng", "ngày", "tuần", "quý", "kỳ"})  # after a plenum's number
# Verbs of two syllables whose first one also opens names (``quy phạm``, ``hướng nghiệp``).
_NAME_STOP_PAIRS = {("quy", "định"), ("hướng", "dẫn")}
_NAME_STOP = {w.casefold() for w in (
    "nhằm", "và", "để", "của", "về", "trong", "theo", "đã", "được", "ngày", "số", "thì", "tại", "trên", "đối",
    "có", "là", "các", "cho", "này", "đó", "với", "khi", "sẽ", "đang", "cũng", "như", "mà", "hoặc",
    "nhưng", "nên",
)}


@dataclass
class _Tail:
    end: int
    date: PartialDate | None = None
    date_span: tuple[int, int] | None = None
    authority: str | None = None
    subject: str | None = None
    subject_end: int | None = None
    same_day: bool = False  # ``cùng ngày``: dated as the document cited before it


# ``... Kế hoạch số 45/KH-UBND ngày 02/3/2024 và Kế hoạch số 46/KH-UBND cùng ngày``: the same date.
_SAME_DAY = regex.compile(r"(?i:cùng)[ ]+(?i:ngày)(?!\w)")
# How far back the document whose date ``cùng ngày`` repeats may be (characters), in its sentence.
_SAME_DAY_REACH = 300
_SENTENCE_END = regex.compile(r"[.!?](?=\s|$)|\n")  # (a list's items, parted by ``;``, are one sentence)


@functools.lru_cache(maxsize=1024)  # a type word is written in a handful of ways
def canonical_doc_type(word: str) -> str:
    """``KẾ HOẠCH`` / ``kế hoạch`` → ``Kế hoạch``."""
    return _CANONICAL_TYPE.get(fold(word), word[:1].upper() + word[1:].lower())


def canonical_authority(value: str) -> str:
    """``Thủ tướng Chính Phủ`` → ``Thủ tướng Chính phủ``; unknown bodies stay as written."""
    f = fold(value)
    # The longest known body that is the whole value or its first words.
    cut = len(f)
    while cut > 0:
        known = _AUTHORITY_BY_FOLD.get(f[:cut])
        if known is not None:
            return known + value[len(known):]
        cut = f.rfind(" ", 0, cut)
    return value


def _authority(text: str, pos: int, memo: dict[str, tuple[str, int] | None] | None = None) -> tuple[str, int] | None:
    """The issuing body after ``của`` at ``pos``: (value, end). Stray page numbers inside
    it (``Thủ 3 tướng Chính phủ``) are left out of the value. ``memo``: the bodies already
    read in this text, by the window they were read from (a report cites the same body
    with the same words again and again)."""
    line_end = text.find("\n", pos, pos + 160)
    # Sliced to the window directly: slicing to the end of the text first cost the rest of
    # the text on each call (quadratic in a long text of citations).
    window = text[pos: line_end if line_end >= 0 else pos + 160]
    if memo is None:
        found = _authority_in(window)
    elif window in memo:
        found = memo[window]
    else:
        found = memo[window] = _authority_in(window)
    return (found[0], pos + found[1]) if found is not None else None


# (A joint document's bodies may be listed with dashes too: ``của Bộ Tài chính - Bộ KH&ĐT-Bộ Thông tin và
# Truyền thông``, de-cuong-du-toan-phan-mem-qlvb-2012.)
_CO_ISSUER = regex.compile(r"[ ]*,[ ]*|[ ]+(?i:và)[ ]+|[ ]*[-–][ ]*")
_LIST_GOES_ON = (",", "-", "–")


def _known_body_length(words: list[str]) -> int:
    """How many of the first words of ``words`` name a known body, or a position of one
    (``Bộ trưởng Bộ Tư pháp``, ``Chủ tịch Ủy ban nhân dân tỉnh``); 0: none."""
    n = _known_length(words)
    if not n and (p := _position_length(words)) and (body := _known_length(words[p:])):
        n = p + body
    return n


def _joined(text: str, found: tuple[str, int], memo: dict[str, tuple[str, int] | None] | None,
            joint: bool) -> tuple[str, int]:
    """The authority ``found`` (value, end) with the others of the same document after it: the
    bodies that issue a joint document with it (``joint``: ``Thông tư liên tịch ... của Thanh tra
    Chính phủ, Bộ Nội vụ và Ủy ban Kiểm tra Trung ương``), each a known body, the list ending with
    ``và``; and the second office of a minister named by their position alone (``của Bộ trưởng,
    Chủ nhiệm Văn phòng Chính phủ``).

    >>> t = "của Bộ Nội vụ và Văn phòng Chính phủ hướng dẫn"
    >>> _joined(t, _authority(t, 4) or ("", 0), None, True)
    ('Bộ Nội vụ và Văn phòng Chính phủ', 36)
    >>> _joined(t, _authority(t, 4) or ("", 0), None, False)[0]
    'Bộ Nội vụ'
    >>> t = "của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn"
    >>> _joined(t, _authority(t, 4) or ("", 0), None, False)[0]
    'Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ'
    """
    value, end = found
    if not joint and not (text.startswith(",", end) and _position_length(words := value.split()) == len(words)):
        return found
    parts: list[tuple[str, str, int]] = []  # (separator as written, value, end)
    at = end
    for _ in range(_MAX_CO_ISSUERS):
        sep = _CO_ISSUER.match(text, at, at + 8)
        if sep is None:
            break
        nxt = _authority(text, sep.end(), memo)
        if nxt is None or not _known_body_length(nxt[0].split()):
            break
        if not joint:  # a minister's second office: one, a position of a known body
            if not _position_length(nxt[0].split()):
                return found
            return value + text[sep.start():sep.end()] + nxt[0], nxt[1]
        parts.append((text[sep.start():sep.end()], nxt[0], nxt[1]))
        at = nxt[1]
        if parts[-1][0].strip() not in _LIST_GOES_ON:
            break  # ``và`` ends the list (``A, B và C``): what follows is another clause's
    # A list of bodies ends with ``và`` (the last part's, as the loop ends at the first): without it,
    # the comma may open the report's own clause (``của Sở Nội vụ, UBND huyện đã triển khai``). Dashes
    # list the bodies alone.
    if not parts or parts[-1][0].strip() == ",":
        return found
    return value + "".join(sep + v for sep, v, _ in parts), parts[-1][2]


_MAX_CO_ISSUERS = 4


def _authority_in(window: str) -> tuple[str, int] | None:
    """:func:`_authority` of the text ``window``: (value, end in the window)."""
    # The phrase runs to the first punctuation mark; the word after it still tells whether
    # the phrase's last number is a stray inside a word.
    marked = next((len(b) for b in _MARKED_BODIES if "," in window[:len(b)] and fold(window[:len(b)]) == b), 0)
    cut = _PUNCT.search(window, marked)
    run_end = cut.start() if cut else len(window)
    # A body's name is a few words: the first words of the phrase decide, unless the name
    # runs on to the last of them.
    tokens, kept, complete = _phrase_words(window, run_end, _FIRST_WORDS)
    words = [tokens[i] for i in kept]
    if not words or not words[0][:1].isupper():
        return None
    n = _name_length(words)
    if not complete and not (n + 1 < len(words) and len(words) > 10):
        tokens, kept, _ = _phrase_words(window, run_end, None)
        words = [tokens[i] for i in kept]
        n = _name_length(words)
    if n == 0:
        return None
    # Where the name's last word ends: each token is found after the one before it (only
    # spaces stand between them), up to that word only.
    end = 0
    for tok in tokens[:kept[n - 1] + 1]:
        end = window.find(tok, end) + len(tok)
    return canonical_authority(" ".join(words[:n])), end


_FIRST_WORDS = 16


def _phrase_words(window: str, run_end: int, limit: int | None) -> tuple[list[str], list[int], bool]:
    """The tokens of ``window[:run_end]``, from its first ``limit`` (all when None), the
    indices of those that are words (not stray numbers), and whether those were all of them."""
    # No punctuation before ``run_end``: the tokens there are the runs between spaces, which
    # ``str.split`` cuts in C unless an information separator (a space to it, not to _TOKEN) is in.
    phrase = window[:run_end]
    tokens = _TOKEN.findall(phrase) if _INFO_SEPARATORS.search(phrase) else phrase.split()
    complete = limit is None or len(tokens) <= limit
    # The token after the last one kept: whether that one is a stray depends on it.
    if limit is not None and not complete:
        following_last = tokens[limit]
        tokens = tokens[:limit]
    else:
        after = _TOKEN.search(window, run_end) if run_end < len(window) else None
        following_last = after.group() if after else ""
    kept: list[int] = []
    last = len(tokens) - 1
    for i, tok in enumerate(tokens):
        if i and len(tok) <= 3 and tok.isdigit():
            following = tokens[i + 1] if i < last else following_last
            if following[:1].isalpha():
                continue  # a page or footnote number inside the phrase (``Thủ 3 tướng``)
        kept.append(i)
    return tokens, kept, complete


# The most words of a known body (``Sở Lao động - Thương binh và Xã hội``: the dash is one).
_KNOWN_WORDS = 10


def _known_length(words: list[str]) -> int:
    """How many of the first words of ``words`` name a known body (0: none)."""
    # The longest known body among the first _KNOWN_WORDS words (folded at once: folding keeps the
    # spaces between words, so each shorter phrase ends at a space of the longest).
    head = fold(" ".join(words[:_KNOWN_WORDS]))
    n, cut = min(len(words), _KNOWN_WORDS), len(head)
    while n and head[:cut] not in _AUTHORITY_SET:
        n -= 1
        cut = head.rfind(" ", 0, cut)
    return n


def _position_length(words: list[str]) -> int:
    """How many of the first words of ``words`` are a position (``Bộ trưởng``, ``Chủ tịch``)."""
    for n in range(min(_POSITION_WORDS, len(words)), 0, -1):
        if fold(" ".join(words[:n])) in _POSITION_SET:
            return n
    return 0


# Levels of government named in lower case after a body (``thành phố``, ``thị xã`` of two words).
_LEVEL_WORDS = {("thành", "phố"), ("thị", "xã"), ("thị", "trấn")}
# Party committees named by their level (``Tỉnh ủy``, ``Huyện ủy``), which no level follows; an
# ``Đảng ủy`` is named by the one after it (``Đảng ủy xã Tân Hà``).
_LEVEL_COMMITTEES = {"tinh", "huyen", "thanh", "quan", "thi"}


def _level_after(words: list[str], n: int) -> int:
    """How many words after the known body ``words[:n]`` name the level it is of (``Sở Tư pháp
    tỉnh``, ``Sở Xây dựng thành phố Hà Nội``, ``Đảng ủy xã Tân Hà``): none after a ministry, a
    Party committee named by its level (``Tỉnh ủy xã`` is no body) or a body named with its level
    already (``UBND tỉnh``).

    >>> _level_after("Sở Xây dựng thành phố Hà Nội".split(), 3), _level_after("Bộ Nội vụ tỉnh".split(), 3)
    (2, 0)
    """
    if n >= len(words) or words[n][:1].isupper():
        return 0
    first, last = fold(words[0]), fold(words[n - 1])
    committee = last == "uy" and n >= 2 and fold(words[n - 2]) in _LEVEL_COMMITTEES
    if first == "bo" or committee or words[n - 1].casefold() in _PLACE_WORDS \
            or (n >= 2 and (words[n - 2].casefold(), words[n - 1].casefold()) in _LEVEL_WORDS):
        return 0
    if words[n] in _PLACE_WORDS:
        return 1
    return 2 if n + 1 < len(words) and (words[n], words[n + 1]) in _LEVEL_WORDS else 0


def _name_length(words: list[str]) -> int:
    """How many of ``words`` name the body."""
    n = _known_body_length(words)
    if n:
        # A locality after a known body is part of it (``UBND huyện Định Hoá``), and so is the
        # level it is of (``Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh``, ``Sở Tư pháp tỉnh Lâm Đồng``).
        n += _level_after(words, n)
        while n < len(words) and words[n][:1].isupper() and words[n].casefold() not in _AUTH_STOP \
                and "/" not in words[n] \
                and not (words[n].casefold() in _VERB_FIRST_WORDS
                         and " ".join(words[n:n + 2]).casefold() in _VERBS_AFTER_BODY):  # ``V/v``: a subject
            n += 1
    else:
        # Ten words at most; a name in capitals goes on (``Ban Thường trực Ủy ban Trung ương Mặt
        # trận Tổ quốc``), a word in lower case after two of them too.
        while n < len(words) and not words[n].isdigit() and (n < 10 or (n < 16 and (
                words[n][:1].isupper() or (words[n - 1].casefold(), words[n].casefold()) in _LONG_NAME_PAIRS
                or (words[n - 1][:1].isupper() and n + 1 < len(words) and words[n + 1][:1].isupper())))):
            word = words[n].casefold()
            # ``và`` joins two capitalised words inside one name (``Sở Khoa học và Công nghệ``),
            # not a body and the type of a document after it (``UBND tỉnh và Công văn số``).
            joins = word == "và" and n + 1 < len(words) and words[n + 1][:1].isupper() \
                and not any(fold(" ".join(words[n + 1:n + 1 + k])) in _CANONICAL_TYPE for k in (1, 2, 3))
            # Some stop words, with a capital after a capitalised word, are words of the name
            # (``Ban Tổ chức``, ``Sở Giao thông``); never ``Về việc``, and after ``tỉnh`` one starts
            # a sentence (``Theo phân công``); ``ban`` after ``Ủy`` is the word ``Ủy ban`` (_NAME_PAIRS).
            in_name = (words[n][:1].isupper() and words[n - 1][:1].isupper() and word in _NAME_WORDS) \
                or (words[n - 1].casefold(), word) in _NAME_PAIRS
            stop = word in _AUTH_STOP or (word in _AUTH_STOP_LOWER and words[n][:1].islower()) or "/" in word
            # The place a body is of ends its name: after ``tỉnh Bắc Giang`` a word in lower case
            # is the sentence's (``Toà án nhân dân tỉnh Bắc Giang thông báo``).
            placed = n >= 2 and words[n - 1][:1].isupper() and words[n][:1].islower() \
                and any(w.casefold() in _PLACE_WORDS for w in words[max(0, n - 4):n - 1])
            if n and (stop or placed) and not joins and not in_name:
                break  # ``/``: ``V/v`` opens a letter's subject
            n += 1
    return n


# A date and an author before the citation: ``Ngày 26/12/2006, Ban Chỉ đạo ban hành Kế
# hoạch số 2970/KH-BCĐ``.
_LEAD = regex.compile(
    r"(?<!\w)(?i:ngày)[ ]+(?P<date>\d{1,2}[ ]?[/.-][ ]?\d{1,2}[ ]?[/.-][ ]?\d{4}"
    r"|\d{1,2}[ ]+(?i:tháng)[ ]+\d{1,2}[ ]+(?i:năm)[ ]+\d{4})[ ]*,[ ]*"
    r"(?P<auth>\p{Lu}[\p{L} ]{1,80}?)[ ]+(?:(?i:đã)[ ]+)?(?i:ký[ ]+ban[ ]+hành|ban[ ]+hành|ký|phê[ ]+duyệt)[ ]+$"
)


def _dated_slips(citations: list[Citation]) -> None:
    """The symbols of the older layout (``180/KH/UBND``) that a citation dates from 2011 on
    repaired (:func:`.symbols.dated`) in every citation that writes them so, dated or not: one
    document, one symbol (``Kế hoạch 180/KH/UBND`` and ``180/KH/UBND ngày 15/01/2025``)."""
    slips: dict[str, SymbolParts] = {}
    for c in citations:
        if c.kind == "full" and c.symbol and c.number and c.date is not None and c.year is None and c.type_code:
            parts = parts_of(c)
            if (fixed := dated(parts, c.date.year)) is not parts:
                slips[c.symbol] = fixed
    if not slips:
        return
    for c in citations:
        if c.symbol in slips:
            c.repairs = [*c.repairs, *(r for r in slips[c.symbol].repairs if r not in c.repairs)]
            c.symbol = slips[c.symbol].symbol


# A type name written as its code right before a symbol of that code (``vận dụng QĐ 993/QĐ-BTTTT``,
# ``Căn cứ: NĐ 22/2011/NĐ-CP``), ``số`` between them or not.
_ABBREVIATED = regex.compile(
    rf"(?<![\w/.-])(?P<code>{'|'.join(map(regex.escape, ABBREVIATIONS))})(?:[ ]+(?:số[ ]*:?[ ]*)?)?$")


def _abbreviated_type(text: str, sm: regex.Match[str]) -> tuple[str, int] | None:
    """Type and start of a citation whose type name is written as its code (``QĐ``, ``NĐ``,
    ``NQ``: ``ABBREVIATIONS``) right before the symbol ``sm``, when the symbol's own type code
    is that code: ``QĐ 993/QĐ-BTTTT`` is a Quyết định; ``TT 12/QĐ-UBND`` is nothing.

    >>> t = "vận dụng QĐ 993/QĐ-BTTTT"
    >>> _abbreviated_type(t, SYMBOL_RE.search(t)), _abbreviated_type("TT 12/QĐ-UBND", SYMBOL_RE.search("TT 12/QĐ-UBND"))
    (('Quyết định', 9), None)
    >>> t = "(Điều 5- QĐ28/2025/QĐ-TTg)"
    >>> _abbreviated_type(t, SYMBOL_RE.search(t))
    ('Quyết định', 9)
    """
    m = _ABBREVIATED.search(text, max(0, sm.start() - 12), sm.start())
    if m is None:
        return None
    code = m.group("code")
    doc_type = ABBREVIATIONS[code]
    parts = symbol_parts(sm, doc_type, sm.group(0))
    return (doc_type, m.start()) if parts.type_code == code else None


def _law_by_name(text: str, sm: regex.Match[str]) -> tuple[str, int] | None:
    """Type and start of a law, code or ordinance named before its symbol ``sm``; the symbol
    must still be checked to be one of the Quốc hội (NAMED_NUMBER_ISSUERS).

    >>> t = "Luật thanh tra số 22/2004/QH11 hết hiệu lực"
    >>> _law_by_name(t, find_symbols(t)[0])
    ('Luật', 0)
    >>> t = "Căn cứ Điều 37, Luật sửa đổi, bổ sung một số điều của Luật Khiếu nại tố cáo số 58/2005/QH11"
    >>> _law_by_name(t, find_symbols(t)[0])
    ('Luật', 16)
    """
    so = _SO_BEFORE.search(text, max(0, sm.start() - 12), sm.start())
    if so is None:
        return None
    lo = max(0, so.start() - _LAW_NAME_WINDOW)
    mark = _CLAUSE_MARK.search(text, lo, so.start())
    clause = mark.end() if mark else lo
    found = list(_NAMED_NUMBER_TYPE.finditer(text, clause, so.start()))
    last = found[-1] if found else None
    if last is None or not text[last.end():so.start()].strip():
        return None  # ``Luật số 25/2018/QH14`` has the type word right before: not this form
    if _type_in_name().search(text, last.end(), so.start()):
        return None  # ``Luật ... và Nghị quyết của ... số``: the number is the other document's
    # An amending law's name ends with the laws it amends, listed (``... một số điều của Luật Tổ
    # chức Chính phủ và Luật Tổ chức chính quyền địa phương số 47/2019/QH14``): the number is the
    # amending law's when only those laws' names stand between it and its first one.
    for k in range(len(found) - 1, -1, -1):
        amending = _AMENDING_LAW.search(text, clause, found[k].start())
        if amending is None:
            continue
        if k == len(found) - 1 or _amended_laws(text[found[k].start():so.start()], whole=True):
            return amending.group("type"), amending.start()
        break
    return last.group(), last.start()


def _type_of_author(text: str, start: int) -> tuple[str, int, str] | None:
    """Type, start and authority of ``Quyết định của UBND tỉnh số`` right before a symbol at
    ``start``, when the words after ``của`` are a body's name and nothing more.

    >>> t = "Thực hiện Quyết định của UBND tỉnh số 468/QĐ-UBND"
    >>> _type_of_author(t, t.index("468"))
    ('Quyết định', 10, 'UBND tỉnh')
    >>> _type_of_author("Quyết định của UBND tỉnh về giao chỉ tiêu số 468/QĐ-UBND", 45) is None
    True
    """
    line_start = text.rfind("\n", 0, start) + 1
    m = _TYPE_OF_BEFORE.search(text, max(line_start, start - 100), start)
    if m is None:
        return None
    auth = _authority(text, m.start("auth"))
    if auth is None or auth[1] != m.end("auth"):
        return None
    return canonical_doc_type(m.group("type")), m.start(), auth[0]


def _lead(text: str, start: int, month_first: Callable[[int], bool] | None = None
          ) -> tuple[PartialDate | None, str | None]:
    """Date and authority stated before a citation that starts at ``start``.

    >>> _lead("Ngày 26/12/2006, Ban Chỉ đạo ban hành Kế hoạch", 38)
    (PartialDate(year=2006, month=12, day=26, iso='2006-12-26'), 'Ban Chỉ đạo')
    """
    m = _LEAD.search(text, max(0, start - 160), start)
    if m is None:
        return None, None
    found = date_at(text, m.start("date"), month_first)
    return (found[0] if found else None), canonical_authority(m.group("auth").strip())


def _date_from(text: str, pos: int, month_first: Callable[[int], bool] | None = None
               ) -> tuple[PartialDate, int, int] | None:
    """The date at ``pos`` (:func:`.dates.date_at`), or after the word ``ngày`` there."""
    found = date_at(text, pos, month_first)
    if found is None and text[pos:pos + 1] in ("n", "N") and (day_word := _DAY_WORD.match(text, pos)):
        found = date_at(text, day_word.end(), month_first)
    return found


def _tail(text: str, pos: int, memo: dict[str, tuple[str, int] | None] | None = None,
          month_first: Callable[[int], bool] | None = None, joint: bool = False, about: bool = True) -> _Tail:
    """Date, authority and subject after a symbol or a name (``month_first``: see :func:`.dates.date_at`;
    ``joint``: the document is issued by several bodies, all of which the authority names, see
    :func:`_joined`; ``about``: whether the document has a subject to read, as a law has not)."""
    tail = _Tail(end=pos)
    for _ in range(2):
        # Every match is bounded: an unbounded one scans on to the next ``của``/``về`` in the
        # text, which made a long text of citations quadratic.
        lead = _DATE_LEAD.match(text, tail.end, tail.end + _WINDOW)
        p = lead.end() if lead else tail.end
        # What follows the lead's spaces and comma decides which forms can match at all:
        # ``ngày``, ``của`` (the lead takes nothing more before them).
        first = text[p:p + 1]
        if tail.date is None and not tail.same_day:
            found = _date_from(text, p, month_first)
            if found:
                tail.date, start, tail.end = found
                tail.date_span = (start, tail.end)
                continue
            # (Right after the symbol or its authority, no comma between: ``..., cùng ngày ban hành
            # Công văn số 47`` opens another clause.)
            if first in ("c", "C") and "," not in text[tail.end:p] and (same := _SAME_DAY.match(text, p)) is not None:
                tail.same_day, tail.end = True, same.end()
                continue
        of_first = first if first != "\n" else text[p + 1:p + 2]  # ``của`` may open the next line
        if tail.authority is None and of_first in ("c", "C") and (of := _OF.match(text, tail.end, tail.end + _WINDOW)):
            auth = _authority(text, of.end(), memo)
            if auth:
                tail.authority, tail.end = _joined(text, auth, memo, joint)
                continue
        break
    if not about:
        return tail
    gap = _GAP.match(text, tail.end, tail.end + 540)
    first = text[gap.end():gap.end() + 1] if gap else ""
    q = _QUOTED.match(text, tail.end, tail.end + 540) if first in ("v", "V", "“", '"') else None
    if q:
        tail.subject = (q.group("q") or q.group("q2") or q.group("q3")).strip()
        tail.subject_end = q.end()
    else:
        a = _about(text, tail.end) if first in ("v", "V") else None
        if a is None and first in ("q", "Q", "h", "H", "b", "B") and gap is not None \
                and (verb := _ABOUT_VERB.match(text, gap.end(), gap.end() + 24)) is not None:
            a = _about(text, verb.end())
        if a:
            s_end = _past_quotes(text, a.end("s"))
            end = _subject_end(text, a.start("s"), s_end)
            tail.subject = text[a.start("s"):end].strip(" ,")
            tail.subject_end = a.end() if end == a.end("s") else end
    return tail


# Where a subject read up to its clause's end (``về ...``) ends before: the citation of another
# document listed after it (``..., Phương án số 7178/PA-UBND``, ``... và Công văn số 124/UBND-VP``),
# or the report's own clause after a comma (``..., Ủy ban nhân dân tỉnh đã ban hành ...``).
_LIST_SEPARATOR = regex.compile(r"(?:[ ]*[,;][ ]*|[ ]+(?i:và|và các|cùng)[ ]+)\Z")
_CLAUSE_OPENER = "(?:" + "|".join(r"[ ]+".join(map(regex.escape, o.split())) for o in SUBJECT_CLAUSE_OPENERS) + ")"
_CLAUSE_VERB = "(?:" + "|".join(map(regex.escape, SUBJECT_CLAUSE_VERBS)) + ")"
_OWN_CLAUSE = regex.compile(
    rf",[ ]+(?={_CLAUSE_OPENER}(?!\w)[^;.:\n]{{0,100}}?(?<=[ ]){_CLAUSE_VERB}[ ]+\p{{Ll}})"
    rf"|,[ ]+(?=(?:{'|'.join(SUBJECT_CLAUSE_PLACES)})[ ]+{_CLAUSE_VERB}[ ]+\p{{Ll}})"
    rf"|,[ ]+(?={_CLAUSE_OPENER}(?!\w)[^,;.:\n]{{0,50}}?[ ](?:" + "|".join(map(regex.escape, REPORTING_VERBS))
    + r")[ ])"
    + r"|,[ ]+(?=(?:" + "|".join(r"[ ]+".join(map(regex.escape, w.split())) for w in SUBJECT_CLAUSE_AFTER_COMMA)
    + r")(?!\w))")
# A law named in a subject (``triển khai thi hành Luật Phòng, chống tham nhũng và Nghị định số ...``):
# the subject cites, and the list after it is its own. (Not a plan the cited document issues:
# ``ban hành Chương trình tổng thể ..., Chỉ thị số 23/CT-TTg`` lists another document.)
_NAMED_IN_SUBJECT = regex.compile(r"(?<!\w)(?:Luật|Bộ luật|Pháp lệnh|Hiến pháp)(?!\w)")


# The run of a subject's characters after a quoted name inside it (as _ABOUT_RUNS reads them).
_SUBJECT_RUN = regex.compile(r"(?:[^;()\n\t“”\".]++|\.(?![ \n\t]|$))*")
_QUOTE_INSIDE = 200
# A name quoted inside a subject, in curly or straight quotes (``Phong trào "Bình dân học vụ số"``),
# and a short note in brackets (``tỉnh Lâm Đồng (cũ) đã ban hành``, ``(sửa đổi)``, ``(PCI)``).
_INSIDE_CLOSE = {"“": "”", '"': '"', "(": ")"}
_BRACKET_INSIDE = 16


def _past_quotes(text: str, end: int) -> int:
    """The end of a subject that _ABOUT stopped at an opening quote, past the names quoted inside
    it (``ban hành Quy chế thực hiện cơ chế “một cửa” tại cơ quan hành chính``), each closed on its line.

    >>> t = "về việc ban hành Quy chế thực hiện cơ chế “một cửa” tại cơ quan hành chính; tiếp"
    >>> t[8:_past_quotes(t, t.index("“"))]
    'ban hành Quy chế thực hiện cơ chế “một cửa” tại cơ quan hành chính'
    """
    while (opening := text[end:end + 1]) in _INSIDE_CLOSE and opening:
        close = text.find(_INSIDE_CLOSE[opening], end + 1, end + (_QUOTE_INSIDE if opening != "(" else _BRACKET_INSIDE))
        if close < 0 or "\n" in text[end:close]:
            break
        run = _SUBJECT_RUN.match(text, close + 1)
        end = run.end() if run is not None else close + 1
    return end


def _subject_end(text: str, start: int, end: int) -> int:
    """Where the subject ``text[start:end]`` ends. Not past a document cited after it as the
    next item of a list (a separator, then its type and symbol), unless the subject itself
    starts citing (``triển khai Công điện số 22/CĐ-TTg ... và Nghị quyết số 02/NQ-CP``: a document
    cited inside the subject, whose list is the subject's); not past a comma that opens the
    report's own clause (a body and what it did).

    >>> t = "về sắp xếp các đơn vị sự nghiệp, Phương án số 7178/PA-UBND ngày 14/11/2025 về tổng thể"
    >>> t[3:_subject_end(t, 3, len(t))]
    'sắp xếp các đơn vị sự nghiệp'
    >>> t = "về việc triển khai Công điện số 22/CĐ-TTg ngày 09/3/2025 và Công điện số 23/CĐ-TTg"
    >>> _subject_end(t, 8, len(t)) == len(t)
    True
    >>> t = "về cải thiện môi trường kinh doanh, nâng cao năng lực cạnh tranh, Ủy ban nhân dân tỉnh đã ban hành"
    >>> t[3:_subject_end(t, 3, len(t))]
    'cải thiện môi trường kinh doanh, nâng cao năng lực cạnh tranh'
    """
    cut = end
    # A colon ends it: what follows is the report's own (``... về việc X, ... như sau:``).
    if (colon := text.find(":", start, end)) >= 0:
        cut = end = colon
    # (Most subjects hold no comma, and no slash of a symbol: the patterns are tried only then.)
    if text.find(",", start, end) >= 0 and (own := _OWN_CLAUSE.search(text, start, end)) is not None:
        cut = own.start()
    sm = SYMBOL_RE.search(text, start, cut) if text.find("/", start, cut) >= 0 else None
    if sm is not None and (before := _type_before(text, sm.start())) is not None and before.start() > start \
            and (sep := _LIST_SEPARATOR.search(text, max(start, before.start() - 12), before.start())) is not None \
            and _NAMED_IN_SUBJECT.search(text, start, sep.start()) is None:
        cut = sep.start()
    if text.startswith("..", cut - 2) and text.startswith(".", cut):
        cut += 1  # an ellipsis ends the subject whole (``trên địa bàn tỉnh,...``)
    elif text[cut - 8:cut].casefold() == " như sau":
        cut -= 8  # ``... về công tác hội như sau:``: the report's words before what follows, no title's
    return cut


def _type_over_line_end(text: str, lo: int, sm: regex.Match[str]) -> tuple[str, int] | None:
    r"""TYPE_BEFORE of a type name broken over a line end before the symbol ``sm`` (``V/v triển
    khai Công`` / ``văn số 3980/C04-P6``: a line break typed inside a header cell, a wrapped
    line): the window before the symbol read with its one line end (and the spaces around it)
    as a space. The match must still end at the symbol and hold the line end. Since a line
    that ends in a type word may be anything (``... tuyên truyền pháp luật`` / ``số 45/KH-UBND``),
    the type must agree with the symbol's type code (:func:`_agrees`), and a line in capitals
    before the break is a title (``QUYẾT ĐỊNH`` / ``Số: 12/QĐ-UBND``), not a citation. Returns
    the type name (its words joined by a space) and where it starts in ``text``.

    >>> t = "triển khai Công \nvăn số 3980/C04-P6"
    >>> _type_over_line_end(t, 0, SYMBOL_RE.search(t))
    ('Công văn', 11)
    >>> t = "tuyên truyền pháp luật\nsố 45/KH-UBND"
    >>> _type_over_line_end(t, 0, SYMBOL_RE.search(t)) is None
    True
    """
    end = sm.start()
    # From the start of the line before the break: a line end further back ends the search.
    last = text.rfind("\n", lo, end)
    lo = max(lo, text.rfind("\n", lo, last) + 1)
    window = text[lo:end]
    brk = _LINE_BREAK.search(window)
    assert brk is not None
    joined = window[:brk.start()] + " " + window[brk.end():]
    barrier = _NOT_IN_TYPE.search(joined, 0, max(0, len(joined) - 1))
    found = TYPE_BEFORE.search(joined, barrier.end() if barrier else 0)
    # Positions up to the break are the same in the window and in ``joined``.
    if found is None or found.start() > brk.start() or window[found.start():brk.start()].isupper():
        return None
    name = found.group(_TYPE_GROUP)
    return (name, lo + found.start()) if _agrees(canonical_doc_type(name), sm) else None


def _agrees(doc_type: str, sm: regex.Match[str]) -> bool:
    """Whether a type name fits a symbol's first code: the type's own code (``Kế hoạch`` and
    ``45/KH-UBND``), or, for a type that has none (``Công văn``), no type code at all
    (``3980/C04-P6``)."""
    first = sm.group("ptype") or sm.group("ltype") or regex.split(r"[ ]*[-–—_]", sm.group("scodes") or "")[0]
    codes = CODES_OF_TYPE.get(doc_type, frozenset())
    return first in codes if first in TYPE_CODES or codes else True


def _about(text: str, pos: int) -> regex.Match[str] | None:
    """``_ABOUT.match(text, pos, pos + _SUBJECT_LONGEST + 40)``."""
    a = _ABOUT_RUNS.match(text, pos, pos + _SUBJECT_LONGEST + 40)
    if a is not None and a.end("s") - a.start("s") > _SUBJECT_LONGEST:
        return _ABOUT.match(text, pos, pos + _SUBJECT_LONGEST + 40)
    return a


# The trích yếu after a cited symbol, up to the clause's first mark (a comma too, but not the
# thousands dot or decimal comma of a number), a word that goes on with the report's own clause
# (CITED_TITLE_ENDS), or 150 characters: the report's clause after it keeps its figures.
def _words(phrases: list[str]) -> str:
    return "|".join(r"[ ]+".join(map(regex.escape, p.split())) for p in phrases)


_CITED_TITLE = regex.compile(
    rf"[ ]+(?i:{_words(CITED_TITLE_OPENERS)})[ ]+(?P<body>(?:[^,;.:\n()“”\"]|(?<=\d)[.,](?=\d)){{1,150}})")
_CITED_TITLE_END = regex.compile(rf"[ ](?i:{_words(CITED_TITLE_ENDS)})(?!\w)")


def title_spans(text: str, citations: Sequence[Citation]) -> list[tuple[int, int]]:
    """The spans of the trích yếu that follow the documents cited by number, up to its first
    comma or clause mark: numbers in them name those documents.

    >>> t = "Nghị định số 184/2025/NĐ-CP của Chính phủ quy định thẩm quyền của chính quyền 02 cấp; năm 2025"
    >>> [t[a:b] for a, b in title_spans(t, extract_citations(t))]
    [' quy định thẩm quyền của chính quyền 02 cấp']
    """
    spans = []
    for c in citations:
        if c.kind == "full" and (m := _CITED_TITLE.match(text, c.end)) is not None:
            end = _CITED_TITLE_END.search(text, m.start("body"), m.end())
            spans.append((c.end, end.start() if end else m.end()))
    return spans


def extract_citations(text: str, skip: list[tuple[int, int]] | None = None,
                      symbols: Sequence[regex.Match[str]] | None = None,
                      month_first: Callable[[int], bool] | None = None) -> list[Citation]:
    """Every citation in ``text``, in text order. ``skip``: spans that are not citations
    (the document's own ``Số:`` line); ``symbols``: the matches of ``SYMBOL_RE`` in
    ``text`` when the caller has them already; ``month_first``: where numeric dates are
    written month first (a spreadsheet's column, :class:`.dates.MonthFirst`).

    >>> [c.symbol for c in extract_citations("kế hoạch số 22/KH-UBND, ngày 03/02/2023; 42/KH-UBND")]
    ['22/KH-UBND', '42/KH-UBND']
    >>> [c.date.iso for c in extract_citations("Công văn số 1654/BTTTT-ƯDCNTT và 1655/BTTTT-ƯDCNTT ngày 27/5/2008")]
    ['2008-05-27', '2008-05-27']
    """
    taken = Spans(skip or [])
    subjects = Spans()  # the trích yếu after the documents cited by number
    out: list[Citation] = []
    # Symbols first (cheap to find), then the type word right before each: scanning the
    # text for ~40 type words at every position costs far more.
    list_type: dict[int, str] = {}
    listed_after: dict[int, Citation] = {}  # a listed symbol's start → the citation right before it
    parts_of: dict[tuple[str, str], SymbolParts] = {}
    bodies: dict[str, tuple[str, int] | None] = {}  # the authorities read, by their window
    same_day: list[Citation] = []  # dated ``cùng ngày``
    for sm in find_symbols(text) if symbols is None else symbols:
        if taken.overlaps(sm.start(), sm.end()):
            continue
        lo = max(0, sm.start() - 60)
        before = _type_before(text, sm.start())
        if before is not None and before.group(_TYPE_GROUP) == "luật" \
                and text[max(0, before.start() - 5):before.start()].casefold().endswith("pháp ") \
                and _law_by_name(text, sm) is not None:
            before = None  # ``Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13``: the law's own name
        broken = _type_over_line_end(text, lo, sm) if before is None and "\n" in text[lo:sm.start()] else None
        law = None
        author_first = None
        if before is not None:
            doc_type, start = canonical_doc_type(before.group(_TYPE_GROUP)), before.start()
        elif broken is not None:
            doc_type, start = canonical_doc_type(broken[0]), broken[1]
        elif sm.start() in list_type:
            doc_type, start = list_type[sm.start()], sm.start()
        elif (law := _law_by_name(text, sm)) is not None:
            doc_type, start = law
        elif (abbreviated := _abbreviated_type(text, sm)) is not None:
            doc_type, start = abbreviated
        elif (author_first := _type_of_author(text, sm.start())) is not None:
            doc_type, start = author_first[0], author_first[1]
        else:
            continue
        # A report cites its key documents again and again: each symbol (as written, with the
        # type it is cited as) is read once. The parts are a value: the lists a citation
        # takes are copied when the Citation is built.
        key = (sm.group(0), doc_type)
        number = parts_of.get(key) or parts_of.setdefault(key, symbol_parts(sm, doc_type, key[0]))
        if law is not None and not (number.issuer_code or "").startswith(NAMED_NUMBER_ISSUERS):
            continue  # ``Luật ... và Nghị định số 37/2007/NĐ-CP``: the name is another document's
        tail = _tail(text, sm.end(), bodies, month_first, joint=number.type_code in JOINT_TYPE_CODES)
        if tail.authority is None and author_first is not None:
            tail.authority = author_first[2]
        if tail.authority is None:
            # The contract's ``date`` is the one after the symbol; a date stated before it
            # (``Ngày 01/10/2025, Sở Nội vụ đã ban hành Công văn số ...``) stays a text date.
            tail.authority = _lead(text, start, month_first)[1]
        end = tail.end
        out.append(Citation(
            raw=text[start:end], start=start, end=end, kind="full", doc_type=doc_type,
            type_code=number.type_code, number=number.number, year=number.year,
            issuer_code=number.issuer_code, symbol=number.symbol, convention=number.convention,
            repairs=number.repairs, date=tail.date, authority=tail.authority, subject=tail.subject))
        taken.add(start, end)
        if tail.same_day:
            same_day.append(out[-1])
        if tail.subject_end:
            subjects.add(end, tail.subject_end)
        after = tail.subject_end or end
        # LIST_NEXT starts with a space, a comma or a semicolon.
        nxt = LIST_NEXT.match(text, after, after + 80) if text[after:after + 1] in (" ", ",", ";") else None
        if nxt is not None and SYMBOL_RE.match(text, nxt.end(), after + 80):
            list_type[nxt.end()] = doc_type
            if tail.date is None and tail.subject is None:
                listed_after[nxt.end()] = out[-1]
    if same_day:  # the date of the document cited right before, close by in the same sentence
        pending, dated_before = {id(c) for c in same_day}, None
        for cited in sorted(out, key=lambda x: x.start):
            if id(cited) in pending and dated_before is not None \
                    and cited.start - dated_before.end <= _SAME_DAY_REACH \
                    and _SENTENCE_END.search(text, dated_before.end, cited.start) is None:
                cited.date = dated_before.date
            if cited.date is not None:
                dated_before = cited
    # ``Công văn số 1654/BTTTT-ƯDCNTT và 1655/BTTTT-ƯDCNTT ngày 27/5/2008 của Bộ ...``: the date
    # (and author) after the last symbol of a list are those of the symbols listed before it.
    by_start = {c.start: c for c in out} if listed_after else {}
    for s in sorted(listed_after, reverse=True):
        cur, prev = by_start.get(s), listed_after[s]
        if cur is not None and cur.date is not None and prev.date is None:
            prev.date = cur.date
            prev.authority = prev.authority or cur.authority
    for start, end, sm in glued_symbols(text):
        if not taken.overlaps(start, end) and (c := _glued(text, start, end, sm, bodies, month_first)) is not None:
            out.append(c)
            taken.add(c.start, c.end)
    _dated_slips(out)
    for m in SHORT.finditer(text):
        num, start = m.group("num"), m.start("type")
        if taken.overlaps(start, m.end()) or (len(num) == 4 and num.startswith(("19", "20"))):
            continue
        if _measure_after().match(text, m.end(), m.end() + 30):
            continue  # ``Kế hoạch 5 năm``, ``Chương trình 3 cấp``: a quantity, not a number
        doc_type = canonical_doc_type(m.group("type"))
        if doc_type in SHORT_NOT_TYPES:
            continue
        tail = _tail(text, m.end(), bodies, month_first)
        out.append(Citation(raw=text[start:tail.end], start=start, end=tail.end, kind="short",
                            doc_type=doc_type, number=num, date=tail.date,
                            authority=tail.authority, subject=tail.subject))
        taken.add(start, tail.end)
    if "CVN" in text:
        for c in _standards(text, taken, bodies, month_first):
            out.append(c)
            taken.add(c.start, c.end)
    if "hứng" in text or "HỨNG" in text:  # ``chứng nhận`` in any case (``Giấy Chứng Nhận``)
        for c in _certificates(text, taken, bodies, month_first):
            out.append(c)
            taken.add(c.start, c.end)
    for m in matches_at(NAMED, text, occurrences(text, NAMED_WORDS)):
        if taken.overlaps(m.start(), m.end()):
            continue
        doc_type = canonical_doc_type(m.group("type"))
        plan = doc_type in NAMED_PLAN_TYPES
        # A plan in a cited document's trích yếu is what that document is about.
        if plan and (not _inside_sentence(text, m.start()) or subjects.contains(m.start())):
            continue
        by_author = doc_type in _PLANS_BY_AUTHOR and _OF.match(text, m.end(), m.end() + _WINDOW) is not None
        named = (m.end(), doc_type) if by_author else _named(text, m, doc_type)
        if named is None or (plan and not by_author and not _plan_name(doc_type, named[1])):
            continue
        name_end, name = named
        # A charter named by its body has no author after it: ``của ...`` there is the author of
        # the phrase around it (``Quy định thi hành Điều lệ Đảng của Ban Chấp hành Trung ương``).
        # A law has its name, not a trích yếu: ``một số điều của Luật Thanh tra về nguyên tắc hoạt động
        # thanh tra`` says which of its articles.
        tail = _Tail(end=name_end) if doc_type in NAMED_BY_BODY else \
            _tail(text, name_end, bodies, month_first, about=doc_type not in NAMED_NUMBER_TYPES)
        if tail.authority is None and (doc_type in NAMED_NEEDS_AUTHOR or by_author):
            continue
        out.append(Citation(raw=text[m.start():tail.end], start=m.start(), end=tail.end, kind="named",
                            doc_type=doc_type, name=name, date=tail.date, authority=tail.authority,
                            subject=tail.subject))
        taken.add(m.start(), tail.end)
    out.sort(key=lambda c: c.start)
    return out


def _type_before(text: str, pos: int) -> regex.Match[str] | None:
    """TYPE_BEFORE of the symbol at ``pos``: the type word (and ``số``) that ends right before it,
    within 60 characters (a match ends at the symbol, or before a line end right before it)."""
    lo = max(0, pos - 60)
    barrier = _NOT_IN_TYPE.search(text, lo, max(lo, pos - 1))
    return TYPE_BEFORE.search(text, barrier.end() if barrier else lo, pos)


def _glued(text: str, start: int, end: int, sm: regex.Match[str], memo: dict[str, tuple[str, int] | None],
           month_first: Callable[[int], bool] | None) -> Citation | None:
    """The citation of a symbol whose slash was lost (``text[start:end]``, ``sm`` its reading with
    the slash: :func:`.symbols.glued_symbols`), when a type word whose code it is stands right
    before it (``Nghị quyết số 26NQ-TW``); without one the glued digits and letters may be any code.

    >>> c = extract_citations("theo Nghị quyết số 26NQ-TW ngày 05/8/2008 của Ban Chấp hành Trung ương")[0]
    >>> c.symbol, c.repairs, c.date.iso, c.raw[-10:]
    ('26/NQ-TW', ['missing-slash'], '2008-08-05', 'Trung ương')
    >>> extract_citations("mã hàng 26NQ-TW")
    []
    """
    before = _type_before(text, start)
    if before is None:
        return None
    doc_type = canonical_doc_type(before.group(_TYPE_GROUP))
    if not _agrees(doc_type, sm):
        return None
    parts = symbol_parts(sm, doc_type, sm.group())
    tail = _tail(text, end, memo, month_first)
    authority = tail.authority or _lead(text, before.start(), month_first)[1]
    return Citation(raw=text[before.start():tail.end], start=before.start(), end=tail.end, kind="full",
                    doc_type=doc_type, type_code=parts.type_code, number=parts.number, year=parts.year,
                    issuer_code=parts.issuer_code, symbol=parts.symbol, convention=parts.convention,
                    repairs=[*parts.repairs, "missing-slash"], date=tail.date, authority=authority,
                    subject=tail.subject)


def _standards(text: str, taken: Spans, memo: dict[str, tuple[str, int] | None],
               month_first: Callable[[int], bool] | None) -> list[Citation]:
    """The standards and technical regulations cited by code (``STANDARD``), as short citations.

    >>> [(c.doc_type, c.number, c.year) for c in extract_citations("theo QCVN 01 : 2021/BXD và TCVN 6909:2001")]
    [('Quy chuẩn', 'QCVN 01:2021/BXD', 2021), ('Tiêu chuẩn', 'TCVN 6909:2001', 2001)]
    """
    out = []
    for m in STANDARD.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        code, year, issuer = m.group("code"), m.group("year") or m.group("dashed"), m.group("issuer")
        iso = " ".join(m.group("iso").split()) + " " if m.group("iso") else ""  # ``ISO``, ``ISO/IEC``
        number = f"{code} {iso}{m.group('num')}"
        # The year as written after its mark: ``:`` (now), ``-`` (older standards, ``TCVN 2737-1995``).
        number += (f"{':' if m.group('year') else '-'}{year}" if year else "") + (f"/{issuer}" if issuer else "")
        tail = _tail(text, m.end(), memo, month_first)
        out.append(Citation(raw=text[m.start():tail.end], start=m.start(), end=tail.end, kind="short",
                            doc_type=STANDARD_TYPES[code], number=number, year=int(year) if year else None,
                            issuer_code=issuer, date=tail.date, authority=tail.authority, subject=tail.subject))
    return out


def _certificates(text: str, taken: Spans, memo: dict[str, tuple[str, int] | None],
                  month_first: Callable[[int], bool] | None) -> list[Citation]:
    """The certificates cited by their number (``CERTIFICATE``), as short citations.

    >>> [(c.doc_type, c.number, c.date.iso) for c in extract_citations(
    ...     "cấp Giấy chứng nhận đầu tư số 20221000015 ngày 14/8/2007")]
    [('Giấy chứng nhận đầu tư', '20221000015', '2007-08-14')]

    Its date and issuer as granted (``do ... cấp ... ngày``); ``của`` names its holder, not read:

    >>> [(c.number, c.date.iso, c.authority) for c in extract_citations("theo Giấy chứng nhận đăng ký doanh "
    ...     "nghiệp số 0100109106 do Sở Kế hoạch và Đầu tư cấp lần đầu ngày 20/10/2004 của Công ty X")]
    [('0100109106', '2004-10-20', 'Sở Kế hoạch và Đầu tư')]
    """
    out = []
    for m in CERTIFICATE.finditer(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        end, date, authority = m.end(), None, None
        granted = _GRANTED.match(text, end, end + 120)
        at = granted.end() if granted else (lead.end() if (lead := _DATE_LEAD.match(text, end, end + _WINDOW)) else end)
        found = _date_from(text, at, month_first)
        if found is not None:
            date, _, end = found
            if granted is not None and granted.group("by"):
                authority = canonical_authority(granted.group("by").strip())
        out.append(Citation(raw=text[m.start():end], start=m.start(), end=end, kind="short",
                            doc_type=canonical_doc_type(m.group("type")), number=m.group("num"),
                            date=date, authority=authority))
    return out


# A plan's name that ends with its year or period (``năm 2026``, ``đến năm 2030``, ``giai đoạn
# 2021 - 2030``); a spatial plan's that names its place (``Quy hoạch tỉnh Lâm Đồng``).
_PLAN_YEAR_END = regex.compile(r"(?:19|20)\d\d$")
_PLAN_PERIOD = regex.compile(r"(?:(?:đến[ ]+)?năm|giai[ ]+đoạn|thời[ ]+kỳ)[ ]+(?:19|20)\d\d.*$")
_PLAN_PLACE = regex.compile(r"(?<!\w)(?:tỉnh|huyện|xã|thành phố|thị trấn|vùng)[ ]+\p{Lu}")
# A type word inside a plan's name: the plan is named by the document it carries out (``Kế
# hoạch triển khai thi hành Luật sửa đổi ...``), which is cited on its own.
_TYPE_INSIDE = regex.compile(rf"(?<!\w)(?:{_TYPES}|{'|'.join(map(regex.escape, NAMED_TYPES))})(?!\w)")


_NOT_DOCUMENTS = tuple(w.casefold() for w in NAMED_PLAN_NOT_DOCUMENTS)
# A plan's target, not its name: ``hoàn thành Kế hoạch đề ra năm 2025``, ``vượt Kế hoạch tỉnh giao``.
_TARGET = regex.compile(r"[ ]*(?i:đề[ ]+ra|(?:được[ ]+|(?:tỉnh|huyện|xã|cấp[ ]+trên)[ ]+)?giao)(?!\w)")
# A plan named by its author alone (``căn cứ Kế hoạch của Ban Thường vụ Tỉnh ủy``); ``Chương trình
# của Chính phủ`` is as often a spending programme as a document.
_PLANS_BY_AUTHOR = ("Kế hoạch", "Đề án")


# A name in quotes after the type word, on its line.
_QUOTED_NAME = regex.compile(r"[ ]+(?:“[^“”\n]{3,200}”|\"[^\"\n]{3,200}\")")


def _plan_name(doc_type: str, name: str) -> bool:
    """Whether ``name`` (from :func:`_named`) names a plan or programme (see
    ``NAMED_PLAN_TYPES``): two words at least, no other document's type word in it, and
    ending with its year or period, or a spatial plan's place; a party's platform
    (``Cương lĩnh chính trị``) is named so alone, and a plan or a scheme by its name in quotes
    (``NAMED_QUOTED_TYPES``). Without these the words go on with the
    sentence about a plan already named (``Chương trình đúng mục tiêu``, ``Kế hoạch đề ra``).

    >>> _plan_name("Kế hoạch", "Kế hoạch ứng dụng CNTT năm 2012"), _plan_name("Kế hoạch", "Kế hoạch đề ra")
    (True, False)
    """
    rest = name[len(doc_type):]
    if rest.lstrip().casefold().startswith(_NOT_DOCUMENTS) or _TARGET.match(rest):
        return False
    if doc_type in NAMED_QUOTED_TYPES and _QUOTED_NAME.fullmatch(rest):
        return _TYPE_INSIDE.search(rest) is None
    # Words of its own before the year (``Chương trình năm 2026`` is the one named before).
    if len(_PLAN_PERIOD.sub("", rest).split()) < 1 or len(rest.split()) < 2 or "\t" in rest \
            or _TYPE_INSIDE.search(rest):
        return False
    return (doc_type == "Cương lĩnh" or _PLAN_YEAR_END.search(name) is not None
            or (doc_type == "Quy hoạch" and _PLAN_PLACE.search(rest) is not None))


def _inside_sentence(text: str, start: int) -> bool:
    """Whether the word before ``start`` in its line or table cell is a lower-case word (``thực
    hiện Kế hoạch``): not a line's or a cell's start (a heading, a title, a column's head), a
    figure (``100% Kế hoạch``) or a mark.

    >>> _inside_sentence("căn cứ Kế hoạch", 7), _inside_sentence("1. Kế hoạch", 3)
    (True, False)
    >>> _inside_sentence("Tổng mức đầu tư" + chr(9) + "Kế hoạch vốn năm 2012", 16)
    False
    """
    lo = max(0, start - 40)
    cell = max(text.rfind("\n", lo, start), text.rfind("\t", lo, start)) + 1
    before = text[max(cell, lo):start].split()
    return bool(before) and before[-1][:1].islower() and before[-1].isalpha()


def _comma_pair(words: list[str], i: int) -> bool:
    """Whether the comma ``words[i]`` joins a pair of :data:`NAME_COMMA_PAIRS` (``Phòng, chống``)."""
    for before, after in _NAME_COMMA_PAIRS:
        if i >= len(before) and tuple(fold(w) for w in words[i - len(before):i]) == before \
                and tuple(fold(w) for w in words[i + 1:i + 1 + len(after)]) == after:
            return True
    return False


def _and_in_law_name(words: list[str], i: int) -> bool:
    """Whether ``và`` at ``words[i]`` joins two words of one law's name (``Luật Khoa học và Công
    nghệ``, ``Luật Bảo vệ và phát triển rừng``, ``Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân
    dân``), not the law and the next thing cited or done: another document (``và Nghị định ...``,
    ``và Luật ...``), ``các`` or ``những`` (``và các văn bản hướng dẫn``), a stop word or a verb
    (``và quy định ...``), a number, or a body when the name before holds none (``Luật Đất đai và
    Ủy ban nhân dân tỉnh ...``).

    >>> w = "Khoa học và Công nghệ ngày".split()
    >>> _and_in_law_name(w, 2), _and_in_law_name("Đất đai và Nghị định số".split(), 2)
    (True, False)
    >>> _and_in_law_name("Đất đai và Ủy ban nhân dân tỉnh".split(), 2)
    False
    """
    following = words[i + 1] if i + 1 < len(words) else ""
    f = following.casefold()
    after = words[i + 2].casefold() if i + 2 < len(words) else ""
    # (A word then a number is a part of a document, ``và Điều 44``, ``và khoản 2``: no name's.)
    if not following or not following[:1].isalpha() or f in _NAME_STOP or f == "những" or after[:1].isdigit() \
            or (f, after) in _NAME_STOP_PAIRS or " ".join(words[i + 1:i + 3]).startswith(_DOC_TYPE_STARTS):
        return False
    return not _known_length(words[i + 1:]) or any(_known_length(words[k:i]) for k in range(i))


def _amended_law_follows(words: list[str], i: int) -> bool:
    """``của`` at ``words[i]`` in an amending law's name: ``... một số điều của Luật Tổ chức ...``."""
    return i > 0 and fold(words[i - 1]) == "dieu" and " ".join(words[i + 1:i + 3]).startswith(NAMED_TYPES)


def _amended_laws(phrase: str, whole: bool = False) -> bool:
    """Whether ``phrase``, the text after an amending law's ``của`` (or from a comma or ``và``
    in it) to its clause's end, lists the laws it amends: the laws are parted by commas and
    ``và`` (``Luật Kinh doanh bảo hiểm, Luật Sở hữu trí tuệ``; ``... Luật Đầu tư theo phương thức
    đối tác công tư và Luật Đấu thầu``), and each one but the last is a name alone, with no comma,
    year or date of its own (``Luật Đất đai năm 2024, Luật Nhà ở năm 2023`` are laws cited one by
    one; ``Luật Đất đai, các văn bản hướng dẫn ...`` is no list). ``whole``: the last one too
    (a phrase that ends at the amending law's number).

    >>> _amended_laws(", Luật Sở hữu trí tuệ ngày 14/6/2019"), _amended_laws(" năm 2024, Luật Nhà ở năm 2023")
    (True, False)
    """
    members = _LISTED_LAW.split(phrase)
    return all(_LAW_ALONE.fullmatch(m.strip()) is not None for m in (members if whole else members[:-1]) if m.strip()) \
        and (len(members) > 1 or whole)


def _law_at(words: list[str], i: int) -> bool:
    """Whether ``words[i:]`` start with a law's type (``Luật``, ``Bộ luật``, ``Pháp lệnh``): another
    law an amending law amends, not a resolution or a decree listed after it."""
    return " ".join(words[i:i + 2]).startswith(NAMED_NUMBER_TYPES)


def _named(text: str, m: regex.Match[str], doc_type: str) -> tuple[int, str] | None:
    """End and name of a citation by name (``Luật Tiếp cận thông tin``, ``Hiến pháp năm 2013``)
    whose type word ``m`` found stands for ``doc_type``."""
    line_end = text.find("\n", m.end(), m.end() + 200)
    window_end = line_end if line_end >= 0 else m.end() + 200
    # A plan's name in quotes (``Kế hoạch “Nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm
    # 2026”``) is the name whatever its words.
    if doc_type in NAMED_QUOTED_TYPES and (quoted := _QUOTED_NAME.match(text, m.end(), window_end)) is not None:
        return quoted.end(), text[m.start():quoted.end()]
    # The words as strings (``findall``, in C); where each lies is found as the loop reaches
    # it: a word holds none of the characters between words, so it is the first of its text
    # after the one before.
    segment = text[m.end():window_end]
    # ``re`` runs this class at twice the speed of ``regex``; their ``\s`` differ only in the
    # information separators (spaces to ``re``), which a text seldom holds.
    words = (_NAME_TOKEN if _INFO_SEPARATORS.search(segment) else _NAME_TOKEN_RE).findall(segment)
    if not words:
        return None
    first = words[0]
    needs_capital = doc_type in NAMED_NEEDS_CAPITAL
    plan = doc_type in NAMED_PLAN_TYPES
    # ``Nghị quyết Đại hội ...`` names one; ``36 Nghị quyết QPPL`` counts resolutions.
    bad_start = first.casefold() in _NAME_STOP or first == "," or (
        needs_capital and (not first[:1].isupper() or (len(first) > 1 and first.isupper())))
    if (bad_start and doc_type != "Hiến pháp") or first.casefold() in NAMED_NOT_NAMES.get(doc_type, ()):
        return None
    end = m.end()
    count = 0
    by_body = doc_type in NAMED_BY_BODY
    body_end = end  # after the last capitalised word, for a name by its body
    tok_end = 0
    amending = False  # past ``một số điều của`` of an amending law
    for i, word in enumerate(words):
        tok_start = segment.find(word, tok_end)
        tok_end = tok_start + len(word)
        gap = text[end: m.end() + tok_start]
        if gap.strip() or ("\t" in gap and not plan):
            # Punctuation, or a table cell's end (``Cử nhân Luật<TAB>Phó GĐ Sở``); a plan's words
            # run on into the next cell, where no plan's name goes (:func:`_plan_name`): a plan
            # in a table is an item of it (an agenda, a list of tasks), not a citation.
            break
        f = word.casefold()
        if amending and f in (",", "và") and _law_at(words, i + 1) \
                and (f == "và" or _amended_laws(_clause_from(text, m.end() + tok_start, window_end))):
            # The laws one law amends are listed in its name (``... một số điều của Luật Tổ chức
            # Chính phủ và Luật Tổ chức chính quyền địa phương``): each as long as any other.
            end = m.end() + tok_end
            count = 0
            continue
        if word == ",":
            if _comma_pair(words, i):
                end = m.end() + tok_end
                continue
            break
        following = words[i + 1] if i + 1 < len(words) else ""
        if f == "năm" and _YEAR.fullmatch(following):
            end = body_end = m.end() + segment.find(following, tok_end) + len(following)
            count += 2
            break
        if (f, following.casefold()) in _NAME_STOP_PAIRS:
            break
        # ``một số`` (some) is no number: ``Luật sửa đổi, bổ sung một số điều của ...``.
        if f in _NAME_STOP and not (f == "của" and (following == "Đảng" or _amended_law_follows(words, i))) \
                and not (f == "số" and i > 0 and words[i - 1].casefold() == "một") \
                and not (f == "và" and doc_type in NAMED_NUMBER_TYPES and _and_in_law_name(words, i)):
            break
        if f == "của" and following != "Đảng":
            count = 0  # the amended law's name is as long as any other
            amending = amending or _amended_law_follows(words, i)
        if i >= 2 and (words[i - 2].casefold(), words[i - 1].casefold()) in (("giai", "đoạn"), ("thời", "kỳ")) \
                and (years := _PERIOD_YEARS.match(text, m.end() + tok_start)) is not None:
            # ``Chương trình ... giai đoạn 2021 - 2030``: the period ends the name, with the
            # outlook after it (``và định hướng đến năm 2030``, ``, tầm nhìn đến năm 2050``).
            outlook = _OUTLOOK.match(text, years.end())
            end = outlook.end() if outlook else years.end()
            count += 1
            break
        if word.isdigit() and not (i > 0 and words[i - 1].casefold() == "thứ") \
                and not (len(word) <= 2 and i >= 2 and f"{words[i - 2]} {words[i - 1]}".casefold() == "trung ương"
                         and following.casefold() not in _TIME_AFTER_NUMBER):
            # A number ends a name, but for a plenum's (``Nghị quyết Trung ương 4``; not ``Nghị quyết
            # Trung ương 10 năm qua``: a time).
            break
        end = m.end() + tok_end
        if word[:1].isupper():
            body_end = end
        count += 1
        if count >= 14:
            break
    if count == 0:
        return None
    if by_body:
        end = body_end
    if (term := _PARTY_TERM.match(text, end, end + 24)) is not None:
        end = term.end()  # ``Nghị quyết Trung ương 4 (khóa XI)``: the term the body was elected for
    return end, text[m.start():end]
