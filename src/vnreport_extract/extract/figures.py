"""Quantities stated in running text (số liệu): ``860 hộ``, ``1.460,97 ha``, ``7,20 %``.

Vietnamese numbers group thousands with ``.`` and mark decimals with ``,``. A figure
is a number followed by a measured noun (``conventions.vocabulary.UNITS``); a number
right after ``chiếm``/``đạt``/``tỷ lệ`` with no unit is a percent written without its
sign. Numbers in dates, symbols, section labels and table cells are not figures, nor
names (``COVID-19``), ordinals, durations (``4 tháng đầu năm``) or a stray page number
inside a phrase (``Thủ 3 tướng``), which is reported instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from ..conventions.vocabulary import (
    GLUED_UNITS,
    LABEL_COMPOUNDS,
    LABEL_WORDS,
    LABEL_WORDS_CAPITALISED,
    MONEY_STEP_SPELLINGS,
    MONEY_STEPS,
    NOT_UNIT_BEFORE,
    TIME_WORDS,
    UNITS,
)
from ..models import Figure, Warning
from ..normalize import fold
from ..spans import Spans
from ..words import is_word
from ..words import segment as _segment
from .scan import group_numbers, holds_word, matches_at, places_between

_UNITS = sorted(UNITS, key=len, reverse=True)
# A number: not inside a word, a code or a fraction (a dash before it only as a list's bullet whose
# space was lost, ``-05 hội``); a unit of GLUED_UNITS may follow it with no space (``72m2``,
# ``15.000.000đ``).
_GLUED = "|".join(regex.escape(u) for u in sorted(GLUED_UNITS, key=len, reverse=True))
# A number starts a figure after a word's slash too (``36 hộ dân/4,92 ha``), and one may go on to
# the whole it is a part of (``42/42 cơ quan``: ``_OF_WHOLE``).
NUMBER = regex.compile(r"(?:(?<![\w.,/–—-])|(?<=(?:\A|\n)[-+])|(?<=\p{L}/))"
                       r"(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<dec>\d+))?"
                       rf"(?:(?=(?i:{_GLUED})(?!\w))|(?![\w/]|[.,]\d)|(?=/\d))")
_NUMBER_PARTS = group_numbers(NUMBER, "int", "dec")
# A part of a whole stated with it (``42/42 cơ quan``, ``đạt 9.037/17.454 tỷ đồng``): the whole after
# the slash, then the unit. A score (``18/100 điểm``) and a rank (``thứ 15/34``) are read apart.
_OF_WHOLE = regex.compile(r"/(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<dec>\d+))?(?![\d/])")
UNIT = regex.compile(r"[ ]?(?P<unit>%|(?:" + "|".join(regex.escape(u) for u in _UNITS if u != "%") + r")(?!\w))",
                     flags=regex.IGNORECASE)
# A label right before the number (searched from the end of the text before it), and the word
# before the label.
_LABEL_BACK = regex.compile(
    r"(?r)(?:(?P<before>\p{L}+)[ ]+)?(?<![\w/])(?P<label>(?i:"
    + "|".join(r"[ ]+".join(map(regex.escape, w.split())) for w in LABEL_WORDS) + ")|"
    + "|".join(map(regex.escape, LABEL_WORDS_CAPITALISED)) + r")[ ]+$")


def _after_label(before: str) -> bool:
    """Whether ``before`` (the text before a number) ends with a label of it (``Điều``, ``Mẫu số``),
    not with a word that holds one (``danh mục``, ``thành phần``)."""
    m = _LABEL_BACK.search(before)
    if m is None:
        return False
    first = m.group("label").split()[0].casefold()
    return m.group("before") is None or (m.group("before").casefold(), first) not in LABEL_COMPOUNDS
# What follows an amount's larger unit of money when the amount is written in two (``2 tỷ`` / `` 500
# triệu đồng``): the smaller unit's count, below the step, and the currency.
_MONEY_REST = {
    unit: regex.compile(r"[ ]+(?P<n>\d{1,3})[ ]+(?i:" + "|".join(MONEY_STEP_SPELLINGS.get(smaller, (smaller,)))
                        + r")(?:[ ]+(?P<cur>(?i:đồng|USD)))?(?!\w)")
    for unit, (smaller, _) in MONEY_STEPS.items()
}
_TIME = regex.compile(r"[ ]?(?:" + "|".join(TIME_WORDS) + r")(?!\w)", flags=regex.IGNORECASE)
_PERCENT_CUE = regex.compile(r"(?i:chiếm|đạt|tỷ[ ]lệ|tỉ[ ]lệ|bằng)(?:[ ]+(?i:khoảng|gần|hơn|trên))?[ ]+$")
# Whether the cue ends the text before a number: searched from the end.
_PERCENT_CUE_BACK = regex.compile(r"(?r)" + _PERCENT_CUE.pattern)
# A clause that says only the share of the count before it: ``, chiếm 7,20 %``.
# The count's own words may stand between it and the clause (``45 hộ nghèo, chiếm 1,92 %``), which
# a parenthesis may hold (``(chiếm 1,92 %)``) and ``tỷ lệ`` may open.
_SHARE_OF_IT = regex.compile(r"[^,;.:()\n]{0,40}?[ ]*[,(][ ]*(?i:chiếm)(?:[ ]+(?i:tỷ[ ]lệ|tỉ[ ]lệ))?"
                             r"(?:[ ]+(?i:khoảng|gần|hơn|trên))?[ ]+\Z")
# A rate named before its value: ``Tỷ lệ hộ nghèo của xã là 7,20 %``: what it is a rate of.
_RATE_OF = regex.compile(r"(?i:tỷ|tỉ)[ ]+(?i:lệ)[ ]+(?P<what>(?:(?!(?i:của|là|đạt|chiếm|trên|năm|ở|tại|so|giảm|tăng)"
                         r"(?!\p{L}))\p{L}+[ ]+){1,6})")
# Digits of the longest number read as a figure (with thousands dots); 10^24 of anything is
# no report's quantity.
MAX_DIGITS = 32
# (A slash before a number ends a clause too: ``36 hộ dân/4,92 ha`` states two figures.)
_CLAUSE_END = regex.compile(r"[,;:.()\n\t“”\"!?]|/(?=\d)")
_CLAUSE_END_BACK = regex.compile(r"(?r)[,;:.()\n\t“”\"!?]")
_WORD_NEXT = regex.compile(r"[ ]+\p{L}")
_LOOK_BACK = 200
# The words a count's label opens with (folded): ``Số hộ nghèo:``, ``Tổng số hộ:``, ``Dân số:``.
_COUNT_LABELS = ("so ", "tong so", "dien tich", "dan so", "ty le", "ti le")
_WORD_BEFORE = regex.compile(r"(\p{L}+) $")
_WORD_AFTER = regex.compile(r" (\p{Ll}+)")

# Words that start or end a subject phrase rather than belong to it.
_LEFT_STOP = {w.casefold() for w in (
    "có", "với", "gồm", "là", "của", "làm", "được", "đạt", "chiếm", "còn", "và", "trong", "đó", "tại", "ở",
    "đã", "thực hiện", "đến", "từ", "trên", "dưới", "khoảng", "gần", "hơn", "cả", "mỗi", "bình quân", "cho",
    "theo", "về", "như", "sau", "trước", "nay", "hiện", "hiện nay", "tối thiểu", "tối đa", "ít nhất",
    "không quá", "quá",
)}
# The second syllables of the stop words of two (``tối thiểu``), read apart when the words were not segmented.
_LEFT_STOP_SECONDS = {w.split()[1] for w in _LEFT_STOP if len(w.split()) == 2}
# Words that stop the subject only right before the number: ``sắp xếp thành 16 Hội``, ``lập thành
# 4 bản`` (into), not ``thành phố``, ``thành viên`` further left.
_LEFT_STOP_LAST = {"thành"}
_RIGHT_STOP = {w.casefold() for w in (
    "trong", "chiếm", "đạt", "và", "với", "được", "đều", "điều", "đã", "cùng", "có", "không", "là", "của",
    "tại", "ở", "trên", "theo", "để", "cho", "so", "tăng", "giảm", "đang", "sẽ", "từ", "đến", "nhưng",
    "còn", "gồm", "bằng", "vào", "về",
)}
# Function words end a subject, so no dictionary word may swallow them (``làm theo``), except
# the multi-syllable stops themselves (``thực hiện``).
_STAND_ALONE = frozenset(w for w in _LEFT_STOP | _RIGHT_STOP if " " not in w)
_KEEP = frozenset(w for w in _LEFT_STOP | _RIGHT_STOP if " " in w)
# Verbs that open a phrase before a number: the phrase says what was done, not what is counted.
_VERBS = {w.casefold() for w in (
    "tổ chức", "đăng tải", "thực hiện", "ban hành", "triển khai", "giải quyết", "tiếp nhận", "rà soát",
    "đào tạo", "bồi dưỡng", "tuyên truyền", "kiểm tra", "hướng dẫn", "xử lý", "phát hiện", "tham gia", "hỗ trợ",
    "xây dựng", "cung cấp", "phê duyệt", "giải ngân", "tiếp", "cấp", "biên tập", "công khai", "cập nhật",
    "số hóa", "thanh tra", "giám sát", "khen thưởng", "kỷ luật", "sắp xếp", "bố trí", "tuyển dụng", "lựa chọn",
    "bảo đảm", "đảm bảo", "duy trì", "vận hành", "thành lập", "kiện toàn", "ký kết", "phát hành",
)}
# ... and before a count, these (bc-cchc-nam-2025, bc-mo-hinh-thi-diem-cchc, ttr-3367: ``sửa đổi, bổ sung
# 338 TTHC``, ``bãi bỏ 60 TTHC``, ``tăng cường 260 công chức``, ``chỉ đạo triển khai thí điểm 05 mô hình``,
# ``đề xuất giải thể 05 hội``), which after one may describe it (``114 hồ sơ bổ sung``).
_LEFT_VERBS = _VERBS | {
    "sửa đổi", "bổ sung", "bãi bỏ", "tăng cường", "thí điểm", "chỉ đạo", "đề xuất", "giải thể", "thẩm định",
    "thông qua", "sản xuất", "phát sóng", "xuất bản", "biên soạn", "kết nối", "vượt", "tăng", "giảm",
    "hoàn thành",
}
# Verbs that end the noun phrase after a unit; with _VERBS.
_RIGHT_VERBS = {w.casefold() for w in (
    "vận hành", "hoạt động", "chính thức", "đi", "dẫn", "bảo đảm", "đảm bảo", "đạt", "tăng", "giảm", "vượt",
    "hoàn thành", "được", "đã", "sẽ", "tham dự", "tham gia", "đối với",
)}
_DROP_PREFIX = ("tổng số", "số lượng", "số", "lĩnh vực")
# Words that follow a unit as a fixed phrase, not as a sub-category (``dân tộc anh em``).
_IDIOMS = {"dân tộc": ("anh em",)}
# Words before a lone number that make it a figure of an unknown unit, not a stray.
_COUNT_CUE = {w.casefold() for w in (
    "có", "gồm", "với", "là", "được", "đạt", "chiếm", "khoảng", "trên", "dưới", "hơn", "tổng", "cả", "mỗi",
    "các", "những", "từ", "đến", "và", "hoặc", "còn", "số", "thứ", "lần", "khoản", "điểm", "điều", "mục",
    "chương", "phần", "tháng", "ngày", "năm", "quý", "tuần", "đợt", "khóa", "kỳ", "cấp", "loại", "nhóm",
    "hạng", "tổ", "đội", "khu", "ấp", "tầng", "phòng", "lớp", "top", "nhất", "mức", "bậc", "tuổi", "bảng",
    "phụ", "lục", "biểu", "mẫu", "trang", "bước", "vòng", "bằng", "nhận", "tiếp", "tới", "gần", "lên",
)}


def parse_number(int_part: str, dec: str | None) -> int | float:
    """Vietnamese number parts to a value: ``1.460`` + ``97`` → 1460.97.

    >>> parse_number("3.343", None), parse_number("7", "20"), parse_number("01", None)
    (3343, 7.2, 1)
    """
    whole = int(int_part.replace(".", ""))
    return float(f"{whole}.{dec}") if dec is not None else whole


def _tokens(phrase: str, segment: bool) -> list[str]:
    phrase = phrase.strip()
    if not phrase:
        return []
    if segment and " " in phrase:
        return list(_segment(phrase, _STAND_ALONE, _KEEP))
    return phrase.split()


def _clean(words: list[str]) -> str | None:
    phrase = " ".join(words).strip(" -")
    low = phrase.casefold()
    for prefix in _DROP_PREFIX:
        if low == prefix:
            return None
        if low.startswith(prefix + " "):
            phrase = phrase[len(prefix) + 1:]
            low = phrase.casefold()
    if not any(c.isalpha() for c in phrase):
        return None  # ``10 - 12 hội nghị``: a number (a range's first end) names nothing counted
    if len(phrase) > 1 and phrase[0].isupper() and not phrase[1].isupper():
        phrase = phrase[0].lower() + phrase[1:]
    return phrase


def _left_subject(window: str, segment: bool, unit: str = "") -> tuple[str | None, bool]:
    """The noun phrase right before a number of ``unit``, and whether ``trong đó`` introduced it."""
    words = _tokens(window, segment)
    kept: list[str] = []
    part_of = False
    for i in range(len(words) - 1, -1, -1):
        w = words[i].casefold()
        if w == "=":
            break  # ``H = 28.611 đồng``: a formula's name is no part of what is counted
        # (A stop word of two syllables, when the words were not segmented: ``tối thiểu``.)
        if w in _LEFT_STOP or (i == len(words) - 1 and w in _LEFT_STOP_LAST) \
                or (i and w in _LEFT_STOP_SECONDS and f"{words[i - 1].casefold()} {w}" in _LEFT_STOP):
            part_of = w == "đó" and i > 0 and words[i - 1].casefold() == "trong"
            break
        kept.insert(0, words[i])
    if len(kept) > 6:
        kept = kept[-6:]
    # A verb says what was done, not what is counted. A phrase that opens with one, or holds a
    # chain of them, is a clause about the count: its subject is what follows the last verb
    # (``đã tổ chức 06 lớp``: none; ``bảo đảm chính quyền địa phương 02 cấp``: ``chính quyền địa
    # phương``; ``UBND tỉnh chỉ đạo triển khai thí điểm 05 mô hình``: none). A noun with one verb in
    # it names what is counted (``diện tích sản xuất 120 ha``, ``mức hỗ trợ 500.000 đồng``), and so
    # does a phrase that names the unit before its verbs (``Tổng số hồ sơ tiếp nhận giải quyết 572
    # hồ sơ``) or is a rate (``dữ liệu số hóa đạt 85,9%``): only the verbs it opens with go.
    verbs: list[int] = []  # where each verb ends
    j = 0
    while j < len(kept):
        n = _verb_length(kept, j)
        j += n or 1
        if n:
            verbs.append(j)
    named = unit == "%" or (bool(unit) and f" {unit.casefold()} " in f" {' '.join(kept).casefold()} ")
    if verbs and not named and (_verb_length(kept, 0) > 0 or len(verbs) >= 2):
        after_verb = verbs[-1]
    else:
        after_verb = 0
        while (n := _verb_length(kept, after_verb)) > 0:
            after_verb += n
    kept = kept[after_verb:]
    return (_clean(kept) if kept else None), part_of


def _verb_length(words: list[str], at: int) -> int:
    """How many of ``words`` the verb at ``at`` takes (two syllables not segmented, or one word), or 0."""
    if at + 1 < len(words) and " " not in words[at] and f"{words[at]} {words[at + 1]}".casefold() in _LEFT_VERBS:
        return 2
    return 1 if at < len(words) and words[at].casefold() in _LEFT_VERBS else 0


def _label_subject(label: str, segment: bool) -> str | None:
    """What a count's label counts: its words up to the first stop word after the first.

    >>> _label_subject("Số biên chế được cơ quan có thẩm quyền giao", False)
    'biên chế'
    >>> _label_subject("- Số hộ nghèo", False), _label_subject("Diện tích tự nhiên", False)
    ('hộ nghèo', 'diện tích tự nhiên')
    """
    words = _tokens(label.lstrip(" -+*•"), segment)
    # (``và`` joins what is counted together: ``Số hộ nghèo và hộ cận nghèo``.)
    n = next((i for i, w in enumerate(words) if i and w.casefold() in _LEFT_STOP and w.casefold() != "và"),
             len(words))
    return _clean(words[:n][:8]) if n else None


def _whole_words(window: str, limit: int) -> str:
    """``window`` cut to ``limit`` characters at a space, not inside a syllable (``... hết hiệ``); a cut
    between the syllables of one word is mended by :func:`_right_words`.

    >>> _whole_words("văn bản hết hiệu lực", 14), _whole_words("văn bản hết", 14)
    ('văn bản hết', 'văn bản hết')
    """
    if len(window) <= limit or not window[limit].isalnum():
        return window[:limit]
    space = window.rfind(" ", 0, limit)
    return window[:space] if space > 0 else window[:limit]


def _right_words(window: str, segment: bool) -> list[str]:
    words = _tokens(window, segment)
    out: list[str] = []
    for i, w in enumerate(words):
        # (``/năm``, ``/72m2``: what the amount is per, not what it counts.)
        if w.casefold() in _RIGHT_STOP or w[:1] == "/" or not any(c.isalpha() for c in w):
            break
        # A verb after the unit ends the noun phrase (``02 cấp vận hành ổn định``).
        pair = f"{w} {words[i + 1]}".casefold() if i + 1 < len(words) else ""
        if pair in _VERBS or pair in _RIGHT_VERBS or w.casefold() in _RIGHT_VERBS:
            break
        out.append(w)
        if len(out) >= 8:
            # Not inside a word (``văn bản quy phạm pháp luật hết hiệu`` / ``lực``): its last
            # syllables go with it.
            ahead = [x for x in words[i + 1:i + 3] if x.isalpha()]
            for back, more in ((2, 1), (1, 1), (1, 2)):
                if len(ahead) >= more and is_word(" ".join(out[-back:] + ahead[:more])):
                    out += ahead[:more]
                    break
            break
    return out


# Forms the number-then-unit reading misses: a score out of a total (``18/100 điểm``), a rank
# among peers (``đứng thứ 15/34``), and the lower end of a range that states its unit once
# (``từ 90 đến dưới 100 điểm``).
_SCORE_UNIT = "điểm"
_SCORE = regex.compile(
    rf"(?<![\w/.,])(?P<int>\d{{1,3}})(?:,(?P<dec>\d+))?/(?P<total>\d{{1,4}})[ ]+(?P<unit>(?i:{_SCORE_UNIT}))(?!\w)")
# A rank's cue words (``đứng thứ 15/34``, ``xếp hạng 15/34 tỉnh``, ``vị trí 15/63``), and the words
# before a fraction of a small whole (``khoảng 1/2 trang giấy``, ``trên 1/3 hộ dân``).
_RANK_CUES = ("thứ", "hạng", "vị trí")
_RANK_CUE = "(?i:" + "|".join(c.replace(" ", "[ ]") for c in _RANK_CUES) + ")"
_RANK = regex.compile(rf"(?<!\w){_RANK_CUE}[ ]+(?P<int>\d{{1,3}})/(?P<total>\d{{1,3}})(?![\d/])")
_RANK_OR_FRACTION_BEFORE = regex.compile(
    rf"(?:(?<!\w){_RANK_CUE}|(?<!\w)(?P<fraction>(?i:khoảng|chiếm|trên|dưới|gần|hơn|bằng|còn)))[ ]+$")
_FRACTION_WHOLE = 4  # the largest whole of a fraction (1/2, 2/3, 3/4): a larger one counts out of it
_RANGE = regex.compile(
    r"(?<!\w)(?i:từ)[ ]+(?P<int>\d{1,3}(?:\.\d{3})*)(?:,(?P<dec>\d+))?[ ]+(?i:đến|tới)[ ]+"
    r"(?:(?i:dưới|trên|hết)[ ]+)?(?=(?P<upper>\d[\d.,]*)[ ](?P<unit>\p{L}+(?:[ ]\p{L}+)?))"
)
# The words a score, a rank and a range hold (``điểm``, ``thứ``, ``từ``, as their patterns read
# them) are looked for first (a score and a rank only in the paragraphs that hold a slash), since
# a score's pattern tried at every digit costs ten times more.
RANK_UNIT = "hạng"


def _part_of_whole(text: str, start: int, value: float, total: float, r_start: int) -> bool:
    """Whether ``value/total`` before a unit, at ``start``, counts a part out of a whole
    (``42/42 cơ quan``): not a rate or more than the whole (``3/1``), not a month or a year and
    the next (``12/2024 hộ``, ``2024/2025 trường``), not a rank (``xếp hạng 15/34 tỉnh``: read apart,
    by _RANK), not a fraction (``khoảng 1/2 trang giấy``).

    >>> t = "kiểm tra 42/42 cơ quan; đến 12/2024 hộ; khoảng 1/2 trang; xếp hạng 15/34 tỉnh"
    >>> [_part_of_whole(t, t.index(n), v, w, 0) for n, v, w in (("42/", 42, 42), ("12/", 12, 2024),
    ...                                                         ("1/2", 1, 2), ("15/", 15, 34))]
    [True, False, False, False]
    """
    if total < value or (1900 <= total <= 2100 and (value <= 12 or 1900 <= value <= 2100)):
        return False
    before = _RANK_OR_FRACTION_BEFORE.search(text, max(r_start, start - 12), start)
    return before is None or (before.group("fraction") is not None and total > _FRACTION_WHOLE)


def _other_forms(text: str, start: int, end: int, free: Callable[[int, int], bool],
                 low: str | None = None) -> list[tuple[int, int, int | float, str, int | None]]:
    """(start, end, value, unit, total) of the scores, ranks and range ends in ``text[start:end]``.

    >>> [f[2:] for f in _other_forms("đạt 18/100 điểm, đứng thứ 15/34", 0, 31, lambda a, b: True)]
    [(18, 'điểm', 100), (15, 'hạng', 34)]
    """
    out: list[tuple[int, int, int | float, str, int | None]] = []

    def holds(word: str) -> bool:
        return holds_word(text, low, word, start, end)

    # A score and a rank hold a slash, a range its ``từ``: most paragraphs have neither.
    slash = text.find("/", start, end) >= 0
    for m in _SCORE.finditer(text, start, end) if slash and holds(_SCORE_UNIT) else ():
        if free(m.start(), m.end()):
            out.append((m.start(), m.end(), parse_number(m.group("int"), m.group("dec")), m.group("unit").casefold(),
                        int(m.group("total"))))
    ranks = sorted(p for cue in _RANK_CUES for p in places_between(text, low, cue, start, end)) if slash else []
    for m in matches_at(_RANK, text, ranks, end):
        if free(m.start("int"), m.end()):
            out.append((m.start("int"), m.end(), int(m.group("int")), RANK_UNIT, int(m.group("total"))))
    # Tried only where the word starts: a case-insensitive first word tried at every position
    # costs more than the rest of the figures.
    for m in matches_at(_RANGE, text, places_between(text, low, "từ", start, end), end):
        unit = UNIT.match(" " + m.group("unit"))
        if unit and free(m.start("int"), m.end("int")):
            out.append((m.start("int"), m.end("int"), parse_number(m.group("int"), m.group("dec")),
                        unit.group("unit").casefold(), None))
    return out


def _opens_other_word(text: str, unit: regex.Match[str], r_end: int) -> bool:
    """Whether the unit word ``unit`` found is the first of another word with the word after it
    (``NOT_UNIT_BEFORE``: ``ban hành``)."""
    nexts = NOT_UNIT_BEFORE.get(unit.group("unit").casefold())
    if not nexts:
        return False
    after = _WORD_AFTER.match(text, unit.end(), r_end)
    return after is not None and after.group(1).casefold() in nexts


def extract_figures(
    text: str,
    regions: Sequence[tuple[int, int]],
    skip: Sequence[tuple[int, int]] = (),
    segment: bool = True,
    quiet: Sequence[tuple[int, int]] = (),
    page_at: Callable[[int], int | None] | None = None,
    low: str | None = None,
) -> tuple[list[Figure], list[Warning]]:
    """Figures in the running-text ``regions`` of ``text``; ``skip``: spans whose numbers
    are not figures (dates, symbols, section labels); ``quiet``: spans (citations) whose
    numbers are not figures but are still checked for stray page numbers; ``low``: the text
    in lower case (:func:`~.scan.lowered`) when the caller has it already.

    >>> figs, _ = extract_figures("Tổng số hộ nghèo 62 hộ chiếm 7,20 %", [(0, 35)], segment=False)
    >>> [(f.value, f.unit, f.subject) for f in figs]
    [(62, 'hộ', 'hộ nghèo'), (7.2, '%', 'hộ nghèo')]
    """
    figures: list[Figure] = []
    warnings: list[Warning] = []
    skipped = Spans(skip)
    quieted = Spans(quiet)
    for r_start, r_end in regions:
        first = len(figures)
        last_end = r_start
        previous: Figure | None = None
        skip_to = r_start  # the end of an amount in two units: the second one's number is in it
        for m in NUMBER.finditer(text, r_start, r_end):
            if m.start() < skip_to or skipped.contains(m.start()):
                continue
            if quieted.contains(m.start()):
                stray = _stray(text, m, r_start, r_end, segment)
                if stray:
                    warnings.append(_stray_warning(m, stray))
                continue
            int_text, dec_text = m.group(*_NUMBER_PARTS)
            if len(int_text) > MAX_DIGITS:
                continue  # a run of digits (a code, damage), not a quantity; int() would refuse it
            value = parse_number(int_text, dec_text)
            total: int | float | None = None
            if previous is not None and previous.end == m.start() - 1 and text[previous.end] == "/":
                continue  # what the amount before is per (``10 triệu đồng/1 ha``, ``01 công chức/01 xã``)
            if text.startswith("/", m.end()):
                whole = _OF_WHOLE.match(text, m.end(), r_end)
                if whole is None:
                    continue
                total = parse_number(whole.group("int"), whole.group("dec"))
                unit_m = UNIT.match(text, whole.end(), r_end)
                if unit_m is None or not _part_of_whole(text, m.start(), value, total, r_start) \
                        or unit_m.group("unit").casefold() == _SCORE_UNIT:
                    continue  # (a score is read apart, by _SCORE)
            else:
                unit_m = UNIT.match(text, m.end(), r_end)
            before = text[max(r_start, m.start() - 40): m.start()]
            # Only the clause matters: looking back a bounded way keeps a long paragraph linear.
            punct = m.start() if text[m.start() - 1:m.start()] == "/" else \
                max(r_start, _last_clause_end(text, max(r_start, m.start() - _LOOK_BACK), m.start()))
            clause_start = max(last_end, punct)
            if previous is not None and previous.end < punct and not _SHARE_OF_IT.match(text, previous.end, m.start()):
                # A percent takes the subject of a count in its own clause only, or in the clause
                # right before when its own says nothing but the share (``Hộ nghèo 62 hộ, chiếm 7,20 %``).
                previous = None
            warn_percent = False
            if unit_m is None:
                if _TIME.match(text, m.end(), r_end):
                    continue
                # ``chiếm 7,09.`` is a percent; ``đạt 3 giải nhất`` counts prizes of an unknown unit.
                if _PERCENT_CUE_BACK.search(before) and value <= 100 and not _WORD_NEXT.match(text, m.end(), r_end):
                    unit, end, warn_percent = "%", m.end(), True
                else:
                    stray = _stray(text, m, r_start, r_end, segment)
                    if stray:
                        warnings.append(_stray_warning(m, stray))
                    continue
            elif _after_label(before) or _opens_other_word(text, unit_m, r_end):
                continue
            else:
                # Lower case, as the contract writes units: ``09 TTHC`` is ``tthc``, ``29 XÃ`` ``xã``.
                unit = unit_m.group("unit").casefold()
                end = unit_m.end()
                if unit in MONEY_STEPS and (more := _MONEY_REST[unit].match(text, end, r_end)) is not None:
                    # ``2 tỷ 500 triệu đồng``: one amount, 2,5 tỷ đồng.
                    value += int(more.group("n")) / MONEY_STEPS[unit][1]
                    unit = f"{unit} {more.group('cur').casefold()}" if more.group("cur") else unit
                    end = more.end()
                    skip_to = end
            # The subject's words as written: an acronym's capitals (``TTHC đúng hạn``), a line in
            # capitals (``XÃ ĐẠT CHUẨN``).
            written = unit_m.group("unit") if unit_m is not None else unit
            shown = written if written.isupper() else unit
            subject = _subject(text, m.start(), end, shown, clause_start, r_end, previous, before, segment)
            fig = Figure(raw=text[m.start():end], start=m.start(), end=end, value=value, unit=unit,
                         subject=subject, page=page_at(m.start()) if page_at else None, total=total)
            if warn_percent:
                warnings.append(Warning(code="percent-without-sign", start=m.start(), end=end,
                                        message=f"{m.group(0)} after {before.split()[-1]!r} read as a percent"))
            figures.append(fig)
            previous = fig
            last_end = end
        # A score and a rank hold a slash, a range its ``từ``: most paragraphs have neither.
        if text.find("/", r_start, r_end) < 0 and not holds_word(text, low, "từ", r_start, r_end):
            continue
        mine = [(f.start, f.end) for f in figures[first:]]

        def free(start: int, end: int, mine: list[tuple[int, int]] = mine) -> bool:
            return not skipped.overlaps(start, end) and not any(a < end and start < b for a, b in mine)

        for start, end, value, unit, total in _other_forms(text, r_start, r_end, free, low):
            figures.append(Figure(raw=text[start:end], start=start, end=end, value=value, unit=unit, total=total,
                                  subject=_scored(text, max(r_start, start - _LOOK_BACK), start),
                                  page=page_at(start) if page_at else None))
    figures.sort(key=lambda f: f.start)
    return figures, warnings


# What stands between who scored or ranked and the score: ``đạt``, ``đứng thứ``, ``từ``.
_SCORE_VERB = regex.compile(
    r"(?:[ ]+(?i:đạt|đứng|xếp|thứ|hạng|vị[ ]trí|loại|được|ở|mức|là|có|với|từ|đến|dưới|trên|khoảng|gần))+[ ]*$")
_SCORE_LEAD = regex.compile(r"^(?i:(?:trong đó|theo đó|của|và|với|có|năm \d{4})[ ]+)+")


def _scored(text: str, look_from: int, start: int) -> str | None:
    """Who or what a score, a rank or a range is about: the clause's words before its verb.

    >>> _scored("Chỉ số PCI năm 2025 của tỉnh đạt ", 0, 33), _scored("Năm 2024, tỉnh đứng thứ ", 0, 24)
    ('chỉ số PCI năm 2025 của tỉnh', 'tỉnh')
    >>> _scored("Kết quả: đạt ", 0, 13) is None
    True
    """
    clause = text[max(look_from, _last_clause_end(text, look_from, start)): start]
    words = _SCORE_VERB.sub("", " " + " ".join(clause.split())).split()[-8:]
    phrase = _SCORE_LEAD.sub("", " ".join(words))
    return _clean(phrase.split()) if phrase else None


def _stray_warning(m: regex.Match[str], phrase: str) -> Warning:
    return Warning(code="stray-number", start=m.start(), end=m.end(),
                   message=f"number {m.group(0)!r} inside a phrase looks like a stray page or footnote number: "
                           f"{phrase!r}")


def _last_clause_end(text: str, start: int, end: int) -> int:
    """The end of the last clause mark in ``text[start:end]``, else ``start``."""
    m = _CLAUSE_END_BACK.search(text, start, end)
    return m.end() if m else start


def _subject(text: str, start: int, end: int, unit: str, clause_start: int, r_end: int,
             previous: Figure | None, before: str, segment: bool) -> str | None:
    if unit == "%" and previous is not None and _PERCENT_CUE_BACK.search(before):
        return previous.subject
    limit = min(r_end, end + 120)
    right_end = text.find("\n", end, limit)
    right_window = text[end: right_end if right_end >= 0 else limit]
    cut = _CLAUSE_END.search(right_window)
    # Stop words on the right are single syllables: no segmentation needed there.
    right = _right_words(_whole_words(right_window[: cut.start() if cut else len(right_window)], 80), False)
    if unit != "%":
        idioms = _IDIOMS.get(unit, ())
        if right and " ".join(right).casefold() not in idioms:
            return f"{unit} {' '.join(right)}"
    elif right:
        words = [w for w in right if w.casefold() not in ("các", "những")]
        low = [w.casefold() for w in words]
        if "làm" in low:
            words = words[len(low) - low[::-1].index("làm"):]
            words = [w for w in words if w.casefold() not in ("các", "những")]
        if words and words[0].casefold() == "số" and len(words) > 1:
            words = words[1:]
        return _clean(words) if words else None
    left_window = text[clause_start:start]
    if not left_window.strip() and clause_start > 0 and text[clause_start - 1] == ":":
        # A count's label and its value (``Số hộ nghèo: 62 hộ``, ``Diện tích tự nhiên: 1.460,97 ha``):
        # the label, back to its own clause mark, is what is counted. Not any label (``Hội có phạm
        # vi hoạt động trong tỉnh: 90 hội`` says where, not what).
        label = text[_last_clause_end(text, max(0, clause_start - 1 - _LOOK_BACK), clause_start - 1):
                     clause_start - 1]
        bare = label.lstrip(" -+*•")
        # A label that opens with the unit and a word of its kind names what is counted too
        # (``Hộ nghèo: 45 hộ``; not ``Hội có phạm vi ...: 90 hội``).
        if unit != "%" and bare.casefold().startswith(unit.casefold() + " ") and \
                (kind := _label_subject(label, segment)) is not None and fold(kind) != fold(unit):
            return kind
        if fold(bare).startswith(_COUNT_LABELS):
            if unit != "%":
                # The label's first phrase, read forward to its first stop word (``Số biên chế được
                # cơ quan có thẩm quyền giao: 326 biên chế``, ``Tổng số hội trên địa bàn tỉnh là: 610
                # hội``): what follows it says where or by whom, not what.
                return _label_subject(label, segment)
            left_window = label
    if unit == "%":
        if (rate := _RATE_OF.match(left_window.strip() + " ")) is not None:
            return _clean(rate.group("what").split())
        left_window = _PERCENT_CUE.sub("", left_window)
    left, part_of = _left_subject(" ".join(left_window.split()[-8:]), segment, unit)
    if left is None:
        return None
    if part_of and unit != "%" and not left.casefold().startswith(unit.casefold()):
        return f"{unit} {left}"
    return left


def _stray(text: str, m: regex.Match[str], r_start: int, r_end: int, segment: bool) -> str | None:
    """The phrase around a number that sits inside it as a stray (``Thủ 3 tướng``)."""
    if m.group("dec") or len(m.group("int")) > 3:
        return None
    left = _WORD_BEFORE.search(text[max(r_start, m.start() - 30): m.start()])
    right = _WORD_AFTER.match(text[m.end(): min(r_end, m.end() + 30)])
    if left is None or right is None:
        return None
    if left.group(1).casefold() in _COUNT_CUE or m.group("int").startswith("0"):
        return None
    # A page number dropped into running text splits a word (``Thủ 3 tướng``): the two
    # syllables around it make one word once it is taken out. A count between two words
    # (``thẩm định 268 dự thảo``) does not.
    if segment and len(_segment(f"{left.group(1)} {right.group(1)}", _STAND_ALONE, _KEEP)) != 1:
        return None
    return f"{left.group(1)} {m.group(0)} {right.group(1)}"
