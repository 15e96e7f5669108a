"""Calendar dates, months, years and periods (``giai đoạn 2021 – 2026``).

Forms: ``26/11/2021``, ``05/4/2022``, ``26-11-2021``, ``26.11.2021``,
``ngày 18 tháng 5 năm 2021``, ``ngày   tháng 5 năm 2023`` (blank day),
``tháng 5 năm 2023``, ``tháng 5/2023``, ``năm 2023``, and ``9/2012`` ending a table cell
(a schedule's column). Numbers inside symbols
(``61/2018/NĐ-CP``) are never dates: callers pass the spans to skip.

Numeric dates are day first, as Vietnamese writes them. A table column typed in a spreadsheet
with US settings writes them month first (``11/16/2012``: there is no month 16): a column that
holds two dates or more that only month first makes dates, written ``m/d/yyyy``, and none that
only day first does, is read month first, each of its dates (:func:`month_first` tells which
were). A lone such date, or one in running text, is no date (a slip as likely as the US order).
"""

from __future__ import annotations

import bisect
import calendar
import itertools
from collections.abc import Callable, Iterable, Sequence

import regex

from ..conventions.doc_types import DOC_TYPES, NAMED_TYPES
from ..conventions.numbering import roman_value
from ..models import DateMention, PartialDate, Warning
from ..normalize import fold
from ..spans import Spans
from .scan import around, group_numbers, lowered, matches_at, matches_in, occurrences, word_places

_YEAR = r"(?:19|20)\d\d"
_BLANK = r"[\s.…_]*"
NUMERIC = regex.compile(
    rf"(?<![\d/.,-])(?P<d>\d{{1,2}})\s?(?P<s>[/.-])\s?(?P<m>\d{{1,2}})\s?(?P=s)\s?(?P<y>{_YEAR})(?![\d/])"
)
# A number typed against its word (``tháng11``, ``ngày30``, ``năm2011``: a space lost) is read too.
WORDED = regex.compile(
    rf"(?i:ngày)(?:\s*(?P<d>\d{{1,2}})|{_BLANK})\s*(?i:tháng)(?:\s*(?P<m>\d{{1,2}})|{_BLANK})\s*"
    rf"(?i:năm)\s*(?P<y>{_YEAR})(?!\d)"
)
_AND = r"\s*(?:,|(?i:và))\s*"  # between days that share their month and year
# ``ngày 04 và 05 tháng 10 năm 2012``, ``ngày 26, 27 tháng 12 năm 2011``: days that share the
# month and year written once after the last: a date each.
WORDED_DAYS = regex.compile(
    rf"(?i:ngày)\s*(?P<days>\d{{1,2}}(?:{_AND}\d{{1,2}})+)\s*(?i:tháng)\s*(?P<m>\d{{1,2}})\s*"
    rf"(?i:năm)\s*(?P<y>{_YEAR})(?!\d)"
)
_DAY = regex.compile(r"\d{1,2}")
# ``ngày   /12/2025``: a numeric date whose day was left blank.
BLANK_DAY = regex.compile(rf"(?i:ngày)[ .…_]*/[ ]*(?P<m>\d{{1,2}})[ ]*/[ ]*(?P<y>{_YEAR})(?![\d/])")
MONTH = regex.compile(rf"(?<!\w)(?i:tháng)\s*(?P<m>\d{{1,2}})\s*(?:(?i:năm)\s*|/\s*)(?P<y>{_YEAR})(?!\d)")
# Months that share their year: ``Tháng 11, 12/2012`` (a schedule's cell), ``tháng 11 và 12 năm 2012``;
# not after a day (``ngày 30 tháng 11, ...``).
_DAY_BEFORE_MONTH = regex.compile(r"(?i:ngày)\s*\d{1,2}\s*$")
WORDED_MONTHS = regex.compile(
    rf"(?<!\w)(?i:tháng)\s+(?P<months>\d{{1,2}}(?:{_AND}\d{{1,2}})+)\s*(?:(?i:năm)\s+|/\s*)(?P<y>{_YEAR})(?!\d)")
# A month-year without ``tháng`` (``9/2012``) is a month at the end of a table cell, where a
# schedule's column (``Thời gian hoàn thành``) lists them: ``Tháng 6/2012 12/2012``, ``…\t8/2012``.
# In running text ``12/2012`` may be a document's number, and after ``số`` or a type name
# (``Nghị định 12/2012``) it is one anywhere; so the cell must hold no words before it but
# ``Tháng`` (``QĐ 12/2012``, ``Tỷ lệ 1/2000`` are no months), and ``1/2000`` alone in a cell is a
# map's scale (tỷ lệ 1/2000), a column of plans and surveys.
CELL_MONTH = regex.compile(rf"(?<![\d/.,-])(?P<m>\d{{1,2}})/(?P<y>{_YEAR})")
_CELL_END = regex.compile(r"[ ]*(?:\t|\n|\Z)")
_NUMBER_WORD = regex.compile(
    rf"(?<!\w)(?i:số|{'|'.join(sorted({t['name'] for t in DOC_TYPES} | set(NAMED_TYPES), key=len, reverse=True))})"
    r"\s*:?\s*$")
# Periods are found from their year range (cheap to scan for), then widened over the
# words that introduce them: scanning for those words at every position costs far more.
YEAR_RANGE = regex.compile(
    rf"(?<![\d/])(?P<y1>{_YEAR})(?:\s*[-–—]\s*|\s+(?P<word>(?i:đến|tới))\s+(?:(?i:năm)\s+)?)(?P<y2>{_YEAR})(?![\d/])"
)
PERIOD_HEAD = regex.compile(
    r"(?r)(?:(?i:giai\s+đoạn|thời\s+kỳ|niên\s+độ|nhiệm\s+kỳ)\s+(?:(?i:năm)\s+)?(?:(?i:từ)\s+)?"
    r"|(?<!\w)(?i:từ\s+năm)\s+)$"
)
YEAR = regex.compile(rf"(?<!\w)(?i:năm)\s+(?P<y>{_YEAR})(?![\d/])")
# ``quý III/2025``, ``quý I năm 2025``: three months.
# ``quý III/2025``, ``quý III năm 2025``, ``quý III-2012`` (a price list's ``báo giá thị trường quý III-2012``).
QUARTER = regex.compile(rf"(?<!\w)(?i:quý)\s+(?P<q>IV|I{{1,3}}|[1-4])\s*(?:[/-]|(?i:năm)\s+)\s*(?P<y>{_YEAR})(?![\d/])")
# ``6 tháng đầu năm 2012``, ``9 tháng cuối năm 2024``: the first or last months of a year; with
# neither word, the first (``năm 2011 và 6 tháng năm 2012``, as a report of ``9 tháng năm 2023``
# covers January to September). The count is read behind ``tháng`` (the match starts at
# ``n``): a scan that must try a digit at every position costs some 30 times more than one
# that looks for the word.
PART_OF_YEAR = regex.compile(
    rf"(?<=(?<![\w,.])(?P<n>0?[1-9]|1[01])\s+)(?i:tháng)\s+(?:(?P<end>(?i:đầu|cuối))\s+)?(?i:năm)\s+(?P<y>{_YEAR})"
    r"(?![\d/])")
# Words before a count of months that make it a length of time (``khoảng 2 tháng năm 2025``).
_DURATION_BEFORE = regex.compile(r"(?<!\w)(?i:khoảng|sau|kỳ[ ]+hạn|thời[ ]+hạn|trong[ ]+vòng|tuổi|mất|kéo[ ]+dài)[ ]+$")
# A day and month whose year is written once, on the date after it: ``28/12 và cả ngày
# 29/12/2011``, ``từ ngày 29/6 đến ngày 09/7/2026``; and bare days before it: ``Ngày 26, 27/12/2011``,
# ``Ngày 14, 15 và 16/11/2012``.
DAY_MONTH = regex.compile(r"(?<![\d/.,-])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/.]|,\d)")
DAY_BEFORE = regex.compile(
    rf"(?<!\w)(?i:ngày)\s+(?P<days>\d{{1,2}}(?:{_AND}\d{{1,2}})*){_AND}(?=\d{{1,2}}/\d{{1,2}}/)")
# A range between two months or days: ``từ tháng 7/1954 đến tháng 12/1973``, ``từ tháng 7/1954
# đến ngày 30/4/1975``, ``từ ngày 12/11/2025 đến ngày 25/12/2025``. Read around the months and
# dates already found: ``từ`` before the first, ``đến``/``tới`` between them (``đến hết ngày
# 30/11/2012``: to the end of that day).
_RANGE_FROM = regex.compile(r"(?<!\w)(?i:từ)[ ]+(?:(?i:ngày)[ ]+)?$")
# Two days of one month, a span: ``Ngày 5-6/3/2024`` (each day a date, the two a period).
DAY_SPAN = regex.compile(r"(?<![\d/.,-])(?P<d1>\d{1,2})[ ]?[-–][ ]?(?P<d2>\d{1,2})/(?P<m>\d{1,2})/"
                         r"(?P<y>(?:19|20)\d\d)(?![\d/])")
# A day before ``đến`` a whole date takes its month and year: ``từ ngày 01 đến ngày 15/3/2024``.
DAY_TO = regex.compile(r"(?<!\w)(?i:ngày)[ ]+(?P<d>\d{1,2})[ ]+(?i:đến|tới)[ ]+(?:(?i:hết)[ ]+)?(?:(?i:ngày)[ ]+)?"
                       r"(?=\d{1,2}/\d{1,2}/)")
# (``ngay``: the word as OCR gives it without its accent, ``đến ngay 14/12/2024``)
_RANGE_TO = regex.compile(r"[ ]+(?i:đến|tới)[ ]+(?:(?i:hết)[ ]+)?(?:(?i:ngày|ngay)[ ]+)?")
_YEAR_SHARED = regex.compile(r"\s*(?:,|;|-|–|(?i:và|đến|tới|hoặc))\s*(?:(?i:cả|đến|tới)\s+)?(?:(?i:ngày)\s+)?$")


def is_calendar_date(day: int | None, month: int | None, year: int = 2000) -> bool:
    """A real calendar day (``30/02/2023`` is not)."""
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    if month is None:
        return 1 <= day <= 31
    return 1 <= day <= (29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month])


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_first(mention: DateMention) -> bool:
    r"""Whether a numeric date mention was read month first (see the module's notes).

    >>> t = "STT\tNgày\n1\tSáng 11/16/2012\n2\tChiều 11/5/2012\n3\t11/19/2012"
    >>> [(d.value.iso, month_first(d)) for d in extract_dates(t)]
    [('2012-11-16', True), ('2012-11-05', True), ('2012-11-19', True)]
    """
    # Every other form that opens with a number opens with its day (``28/12``, ``05 tháng 10 ...``).
    raw, day = mention.raw, mention.value.day
    if mention.kind != "date" or day is None or not raw[:1].isdigit():
        return False
    return int(raw[:2] if raw[1:2].isdigit() else raw[:1]) != day


class MonthFirst:
    """The table columns of a text whose dates were read month first (:func:`month_first`): the
    mentions of each, in text order (``columns``), and whether a position lies in one of them
    (calling it), so that the dates of the documents cited there are read so too."""

    def __init__(self, text: str, mentions: Iterable[DateMention]) -> None:
        read = [d for d in mentions if month_first(d)]
        # Looked for only when a date was read month first (a rare text).
        self._rows = _TableRows(text) if read else None
        by_column: dict[tuple[int, int] | None, list[DateMention]] = {}
        for d in read:
            by_column.setdefault(self._rows.column(d.start) if self._rows else None, []).append(d)
        self.columns = list(by_column.values())
        self._keys = {k for k in by_column if k is not None}

    def __bool__(self) -> bool:
        return bool(self.columns)

    def __call__(self, pos: int) -> bool:
        return self._rows is not None and self._rows.column(pos) in self._keys


# A date as a spreadsheet writes it in a cell: slashes, no spaces.
_CELL_DATE = regex.compile(r"\d{1,2}/\d{1,2}/\d{4}")


class _TableRows:
    """The rows of the tables of a text (lines whose cells are joined by tabs; a table is a run of
    them), found in one pass: which table and which cell a position lies in."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in _LINE_END.finditer(text))]
        self.table: list[int] = []  # each line's table (where its first row starts), -1 for no row
        for i, start in enumerate(self.starts):
            end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else len(text)
            if "\t" not in text[start:end]:
                self.table.append(-1)
            else:
                self.table.append(self.table[-1] if i and self.table[-1] >= 0 else start)

    def column(self, pos: int) -> tuple[int, int] | None:
        """(the table, the cell's index) of ``pos``, or None outside a table."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if self.table[i] < 0:
            return None
        return self.table[i], self.text.count("\t", self.starts[i], pos)


_LINE_END = regex.compile(r"\n")


def _month_first_columns(text: str, numeric: list[tuple[regex.Match[str], int, int, int]]
                         ) -> tuple[set[tuple[int, int]], _TableRows | None]:
    """The table columns (see :class:`_TableRows`) whose numeric dates are written month first:
    two or more that only month first makes dates, in a spreadsheet's ``m/d/yyyy``, and none that
    only day first makes one; and the text's table rows, when they were looked at."""
    def only_month_first(first: int, second: int, year: int) -> bool:
        return is_calendar_date(second, first, year) and not is_calendar_date(first, second, year)

    # Most texts hold no date that only month first makes one: then no table is looked at.
    if sum(1 for _, first, second, year in numeric if only_month_first(first, second, year)) < 2:
        return set(), None
    rows = _TableRows(text)
    counts: dict[tuple[int, int], int] = {}
    day_first: set[tuple[int, int]] = set()
    for m, first, second, year in numeric:
        if (column := rows.column(m.start())) is None:
            continue
        if only_month_first(first, second, year) and _CELL_DATE.fullmatch(m.group()):
            counts[column] = counts.get(column, 0) + 1
        elif is_calendar_date(first, second, year) and not is_calendar_date(second, first, year):
            day_first.add(column)
    return {c for c, n in counts.items() if n >= 2 and c not in day_first}, rows


def _month_cell(text: str, pos: int) -> bool:
    r"""Whether ``pos`` lies in a cell of a table row (a line whose cells are joined by tabs)
    that holds no word before it but ``Tháng`` (and what OCR read beside it: ``Tháng mạ
    12/2012``), or months.

    >>> _month_cell("1\tViệc\t9/2012", 7), _month_cell("1\tViệc\tTháng 6/2012 12/2012", 20)
    (True, True)
    >>> _month_cell("1\tQĐ 12/2012", 5), _month_cell("1\tTỷ lệ 1/2000", 8), _month_cell("Việc\n9/2012", 5)
    (False, False, False)
    """
    line = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    if "\t" not in text[line:end if end >= 0 else len(text)]:
        return False
    cell = max(text.rfind("\t", 0, pos), line)
    words = [w for w in fold(text[cell:pos]).split() if any(c.isalpha() for c in w)]
    return not words or words[0] == "thang"


def _before(a: PartialDate, b: PartialDate) -> bool:
    """Whether ``a`` starts no later than ``b`` (a range runs forward)."""
    return (a.year or 0, a.month or 0, a.day or 0) <= (b.year or 0, b.month or 0, b.day or 0)


def _int(s: str | None) -> int | None:
    return int(s) if s else None


# The numbers of each form's day, month and year groups (MONTH has no day), read in loops.
_DATE_GROUPS = {WORDED: group_numbers(WORDED, "d", "m", "y"), NUMERIC: group_numbers(NUMERIC, "d", "m", "y"),
                MONTH: group_numbers(MONTH, "m", "y")}


def date_at(text: str, pos: int, month_first: Callable[[int], bool] | None = None
            ) -> tuple[PartialDate, int, int] | None:
    """A date that starts exactly at ``pos`` (numeric or worded), as (value, start, end);
    ``month_first``: whether a numeric date at a position is written month first (see
    :class:`MonthFirst`)."""
    # Each form starts with its own letter or a digit: only one can match here.
    first = text[pos:pos + 1]
    pattern = WORDED if first in ("n", "N") else MONTH if first in ("t", "T") else NUMERIC
    m = pattern.match(text, pos)
    if m is None:
        return None
    values = m.group(*_DATE_GROUPS[pattern])
    day_text, month_text, year_text = values if len(values) == 3 else (None, *values)
    day, month, year = _int(day_text), _int(month_text), int(year_text)
    if pattern is NUMERIC and month_first is not None and month_first(pos):
        day, month = month, day
    if not is_calendar_date(day, month, year):
        return None
    return PartialDate.of(year, month, day), m.start(), m.end()


def calendar_warning(text: str, start: int, end: int, dates: Sequence[DateMention]) -> Warning:
    """The ``date-not-in-calendar`` warning of the date written at ``text[start:end]`` that names
    no calendar day (a span :func:`extract_dates` rejected), saying what of it was read: nothing,
    or the month and year a mention inside it took (``tháng 02 năm 2024`` of ``ngày 30 tháng 02
    năm 2024``)."""
    kept = next((d for d in dates if start <= d.start and d.end <= end), None)
    read = f"only {kept.raw!r} is read ({kept.value.iso})" if kept is not None else "not read as a date"
    return Warning(code="date-not-in-calendar", start=start, end=end,
                   message=f"{text[start:end]!r} names no calendar day: {read}")


def extract_dates(text: str, skip: Iterable[tuple[int, int]] = (), *, low: str | None = None,
                  rejected: list[tuple[int, int]] | None = None) -> list[DateMention]:
    """Every date, month, year and period in ``text``, in text order.

    ``skip`` are spans (document symbols) whose numbers are not dates; ``low``: the text in
    lower case (:func:`~.scan.lowered`) when the caller has it already; ``rejected``, when
    given, gets the spans of the dates written whole that name no calendar day (``31/4/2024``,
    ``ngày 30 tháng 02 năm 2024``), which are no date mentions.

    >>> out: list[tuple[int, int]] = []
    >>> extract_dates("Hạn chót 31/4/2024.", rejected=out), out
    ([], [(9, 18)])

    >>> [d.value.iso for d in extract_dates("ngày 18 tháng 5 năm 2021 và 05/4/2022")]
    ['2021-05-18', '2022-04-05']
    >>> [d.value.iso for d in extract_dates("Nghị định số 61/2018/NĐ-CP", [(13, 26)])]
    []
    >>> [(d.value.iso, d.until and d.until.iso) for d in extract_dates("quý III/2025")]
    [('2025-07', '2025-09')]
    >>> [(d.raw, d.value.iso) for d in extract_dates("ngày 04 và 05 tháng 10 năm 2012")]
    [('04', '2012-10-04'), ('05 tháng 10 năm 2012', '2012-10-05')]
    """
    taken = Spans(skip)
    found: list[DateMention] = []

    def add(kind: str, start: int, end: int, value: PartialDate, until: PartialDate | None = None) -> None:
        taken.add(start, end)
        found.append(DateMention(raw=text[start:end], start=start, end=end, kind=kind,  # type: ignore[arg-type]
                                 value=value, until=until))

    # The forms that start with a word (``ngày``, ``tháng``, ``quý``, ``năm``, in any case) are
    # tried where the lower-cased text holds it; those of ``ngày`` are found once for three forms.
    low = low if low is not None else lowered(text)
    day_words = word_places(text, low, "ngày")
    month_words = word_places(text, low, "tháng")
    for m in matches_at(WORDED, text, day_words):
        day_text, month_text, year_text = m.group(*_DATE_GROUPS[WORDED])
        day, month, year = _int(day_text), _int(month_text), int(year_text)
        if is_calendar_date(day, month, year) and not taken.overlaps(m.start(), m.end()):
            if month is None:
                add("year", m.start(), m.end(), PartialDate.of(year))
            else:
                add("date" if day else "month", m.start(), m.end(), PartialDate.of(year, month, day))
        elif rejected is not None and day and month and not taken.overlaps(m.start(), m.end()):
            rejected.append((m.start(), m.end()))
    for m in matches_at(WORDED_DAYS, text, day_words):
        month, year = int(m.group("m")), int(m.group("y"))
        days = list(_DAY.finditer(text, m.start("days"), m.end("days")))
        if taken.overlaps(m.start(), m.end()) or not all(is_calendar_date(int(d.group()), month, year) for d in days):
            continue
        for d in days[:-1]:
            add("date", d.start(), d.end(), PartialDate.of(year, month, int(d.group())))
        add("date", days[-1].start(), m.end(), PartialDate.of(year, month, int(days[-1].group())))
    # Every numeric date and every period ends in a year, 19xx or 20xx: the patterns are tried
    # only there (``str.find`` finds them at a fraction of what a scan for a digit costs). A
    # numeric date starts at most 10 characters before its year and reads one past it.
    # Each form's year is four digits, with no digit before it: the other ``19``/``20`` (in
    # ``2020``'s second half, ``120``, ``20%``) are no place to try.
    years = [p for p in occurrences(text, ("19", "20"))
             if text[p + 2:p + 4].isdigit() and not (p and text[p - 1].isdecimal())]
    numeric = [(m, *map(int, m.group(*_DATE_GROUPS[NUMERIC])))
               for m in matches_in(NUMERIC, text, around(years, 10, 5, len(text)))]
    columns, rows = _month_first_columns(text, numeric)
    # Before the numeric dates: the span's second day is one (``5 – 6/12/2024``), and the span takes it.
    spans: list[DateMention] = []
    # Tried only at the years with a dash before them, where a span can end (most have none).
    dashed = [p for p in years if text.find("-", max(0, p - 8), p) >= 0 or text.find("–", max(0, p - 8), p) >= 0]
    for m in matches_in(DAY_SPAN, text, around(dashed, 14, 5, len(text))):
        (d1, d2, month, year), start, end = map(int, m.group("d1", "d2", "m", "y")), m.start(), m.end()
        if d1 < d2 and is_calendar_date(d1, month, year) and is_calendar_date(d2, month, year) \
                and not taken.overlaps(start, end):
            one, two = PartialDate.of(year, month, d1), PartialDate.of(year, month, d2)
            add("date", start, m.end("d1"), one)
            add("date", m.start("d2"), end, two)
            spans.append(DateMention(raw=text[start:end], start=start, end=end, kind="period", value=one, until=two))
    for m, first, second, year in numeric:
        if columns and rows is not None and rows.column(m.start()) in columns:
            first, second = second, first  # month first: a spreadsheet's column
        if is_calendar_date(first, second, year) and not taken.overlaps(m.start(), m.end()):
            add("date", m.start(), m.end(), PartialDate.of(year, second, first))
        elif rejected is not None and not taken.overlaps(m.start(), m.end()):
            rejected.append((m.start(), m.end()))  # (``12/25/2024`` too: month first only in a column)
    for m in matches_at(WORDED_MONTHS, text, month_words):
        year = int(m.group("y"))
        months = list(_DAY.finditer(text, m.start("months"), m.end("months")))
        numbers = [int(x.group()) for x in months]
        if taken.overlaps(m.start(), m.end()) or not all(is_calendar_date(None, n) for n in numbers) \
                or any(a >= b for a, b in itertools.pairwise(numbers)) \
                or _DAY_BEFORE_MONTH.search(text, max(0, m.start() - 12), m.start()):
            continue  # (``ngày 30 tháng 11, 12/2012``: a day's, not a list of months)
        add("month", m.start(), months[0].end(), PartialDate.of(year, numbers[0]))
        for x, n in zip(months[1:-1], numbers[1:-1], strict=True):
            add("month", x.start(), x.end(), PartialDate.of(year, n))
        add("month", months[-1].start(), m.end(), PartialDate.of(year, numbers[-1]))
    for matches in (matches_at(BLANK_DAY, text, day_words), matches_at(MONTH, text, month_words)):
        for m in matches:
            month = int(m.group("m"))
            if is_calendar_date(None, month) and not taken.overlaps(m.start(), m.end()):
                add("month", m.start(), m.end(), PartialDate.of(int(m.group("y")), month))
    # A table row's cells are joined by tabs: a text without one has no cell to look in.
    for m in matches_in(CELL_MONTH, text, around(years, 3, 4, len(text))) if "\t" in text else ():
        month = int(m.group("m"))
        if is_calendar_date(None, month) and not taken.overlaps(m.start(), m.end()) and _CELL_END.match(text, m.end()) \
                and _month_cell(text, m.start()) and m.group() != "1/2000" \
                and not _NUMBER_WORD.search(text, max(0, m.start() - 30), m.start()):
            add("month", m.start(), m.end(), PartialDate.of(int(m.group("y")), month))
    full = sorted((d.start, d.end, d.value) for d in found if d.kind == "date")
    starts = [f[0] for f in full]

    def next_full(pos: int) -> tuple[int, int, PartialDate] | None:
        i = bisect.bisect_left(starts, pos)
        return full[i] if i < len(full) else None

    for m in DAY_MONTH.finditer(text):
        after = next_full(m.end())
        if after is None or after[0] - m.end() > 30 or taken.overlaps(m.start(), m.end()):
            continue
        if _YEAR_SHARED.match(text[m.end():after[0]]) and after[2].year is not None:
            day, month = int(m.group("d")), int(m.group("m"))
            if is_calendar_date(day, month, after[2].year):
                add("date", m.start(), m.end(), PartialDate.of(after[2].year, month, day))
    for m in matches_at(DAY_BEFORE, text, day_words):
        after = next_full(m.end())
        if after is None or after[0] != m.end() or after[2].month is None or after[2].year is None:
            continue
        days = list(_DAY.finditer(text, m.start("days"), m.end("days")))
        # The days run up to the full date's (``Ngày 14, 15 và 16/11``); a list that does not
        # (``các ngày 30, 31 và 1/1/2013``) crosses into another month and is left alone.
        numbers = [int(d.group()) for d in days] + [after[2].day or 0]
        if taken.overlaps(m.start("days"), m.end("days")) \
                or any(a >= b for a, b in itertools.pairwise(numbers)) \
                or not all(is_calendar_date(int(d.group()), after[2].month, after[2].year) for d in days):
            continue
        for d in days:
            add("date", d.start(), d.end(), PartialDate.of(after[2].year, after[2].month, int(d.group())))
    for m in matches_at(DAY_TO, text, day_words):
        after = next_full(m.end())
        if after is None or after[0] != m.end() or after[2].month is None or after[2].year is None:
            continue
        day = int(m.group("d"))
        if day < (after[2].day or 0) and is_calendar_date(day, after[2].month, after[2].year) \
                and not taken.overlaps(m.start("d"), m.end("d")):
            add("date", m.start("d"), m.end("d"), PartialDate.of(after[2].year, after[2].month, day))
    found += spans
    # Ranges: each month or date with the next one. The period spans both; they stay mentions
    # of their own (each is a calendar month or day of the text).
    points = sorted((d for d in found if d.kind in ("date", "month")), key=lambda d: d.start)
    for a, b in itertools.pairwise(points):
        if not _RANGE_TO.fullmatch(text, a.end, b.start) or not _before(a.value, b.value):
            continue
        head = _RANGE_FROM.search(text, max(0, a.start - 12), a.start)
        if head is not None:
            found.append(DateMention(raw=text[head.start():b.end], start=head.start(), end=b.end, kind="period",
                                     value=a.value, until=b.value))
    for m in matches_at(QUARTER, text, word_places(text, low, "quý")):
        q = m.group("q")
        quarter = int(q) if q.isdigit() else roman_value(q) or 0
        year = int(m.group("y"))
        if not taken.overlaps(m.start(), m.end()):
            add("period", m.start(), m.end(), PartialDate.of(year, 3 * quarter - 2), PartialDate.of(year, 3 * quarter))
    for m in matches_at(PART_OF_YEAR, text, month_words):
        n, year = int(m.group("n")), int(m.group("y"))
        if m.group("end") is None and (n < 2 or _DURATION_BEFORE.search(text, max(0, m.start("n") - 20), m.start("n"))):
            continue  # ``sau 6 tháng năm 2012``, ``kỳ hạn 1 tháng``: a length of time, not the year's first months
        first, last = (13 - n, 12) if (m.group("end") or "").lower() == "cuối" else (1, n)
        if not taken.overlaps(m.start("n"), m.end()):
            add("period", m.start("n"), m.end(), PartialDate.of(year, first), PartialDate.of(year, last))
    for m in matches_at(YEAR_RANGE, text, years):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        head = PERIOD_HEAD.search(text, max(0, m.start() - 30), m.start())
        if m.group("word") and head is None:
            continue  # ``2021 đến 2025`` alone may be two years; ``giai đoạn``/``từ năm`` make it a period
        start = head.start() if head else m.start()
        if y1 < y2 and not taken.overlaps(start, m.end()):
            add("period", start, m.end(), PartialDate.of(y1), PartialDate.of(y2))
    for m in matches_at(YEAR, text, word_places(text, low, "năm")):
        if not taken.overlaps(m.start(), m.end()):
            add("year", m.start(), m.end(), PartialDate.of(int(m.group("y"))))
    found.sort(key=lambda d: d.start)
    return found
