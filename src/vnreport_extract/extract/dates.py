"""Calendar dates, months, years and periods (``giai đoạn 2021 – 2026``).

Forms: ``26/11/2021``, ``05/4/2022``, ``26-11-2021``, ``26.11.2021``,
``ngày 18 tháng 5 năm 2021``, ``ngày   tháng 5 năm 2023`` (blank day),
``tháng 5 năm 2023``, ``tháng 5/2023``, ``năm 2023``. Numbers inside symbols
(``61/2018/NĐ-CP``) are never dates: callers pass the spans to skip.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable

import regex

from ..models import DateMention, PartialDate
from ..spans import Spans

_YEAR = r"(?:19|20)\d\d"
_BLANK = r"[\s.…_]*"
NUMERIC = regex.compile(
    rf"(?<![\d/.,-])(?P<d>\d{{1,2}})\s?(?P<s>[/.-])\s?(?P<m>\d{{1,2}})\s?(?P=s)\s?(?P<y>{_YEAR})(?![\d/])"
)
WORDED = regex.compile(
    rf"(?i:ngày)(?:\s+(?P<d>\d{{1,2}})|{_BLANK})\s*(?i:tháng)(?:\s+(?P<m>\d{{1,2}})|{_BLANK})\s*"
    rf"(?i:năm)\s+(?P<y>{_YEAR})(?!\d)"
)
# ``ngày   /12/2025``: a numeric date whose day was left blank.
BLANK_DAY = regex.compile(rf"(?i:ngày)[ .…_]*/[ ]*(?P<m>\d{{1,2}})[ ]*/[ ]*(?P<y>{_YEAR})(?![\d/])")
MONTH = regex.compile(rf"(?<!\w)(?i:tháng)\s+(?P<m>\d{{1,2}})\s*(?:(?i:năm)\s+|/\s*)(?P<y>{_YEAR})(?!\d)")
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


def _valid(day: int | None, month: int | None, year: int = 2000) -> bool:
    """A real calendar day (``30/02/2023`` is not)."""
    if month is not None and not 1 <= month <= 12:
        return False
    if day is None:
        return True
    last = calendar.monthrange(year, month)[1] if month is not None else 31
    return 1 <= day <= last


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def date_at(text: str, pos: int) -> tuple[PartialDate, int, int] | None:
    """A date that starts exactly at ``pos`` (numeric or worded), as (value, start, end)."""
    for pattern in (WORDED, NUMERIC, MONTH):
        m = pattern.match(text, pos)
        if m is None:
            continue
        day = _int(m.groupdict().get("d"))
        month, year = _int(m.group("m")), int(m.group("y"))
        if _valid(day, month, year):
            return PartialDate.of(year, month, day), m.start(), m.end()
    return None


def extract_dates(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[DateMention]:
    """Every date, month, year and period in ``text``, in text order.

    ``skip`` are spans (document symbols) whose numbers are not dates.

    >>> [d.value.iso for d in extract_dates("ngày 18 tháng 5 năm 2021 và 05/4/2022")]
    ['2021-05-18', '2022-04-05']
    >>> [d.value.iso for d in extract_dates("Nghị định số 61/2018/NĐ-CP", [(13, 26)])]
    []
    """
    taken = Spans(skip)
    found: list[DateMention] = []

    def add(kind: str, start: int, end: int, value: PartialDate, until: PartialDate | None = None) -> None:
        taken.add(start, end)
        found.append(DateMention(raw=text[start:end], start=start, end=end, kind=kind,  # type: ignore[arg-type]
                                 value=value, until=until))

    for m in WORDED.finditer(text):
        day, month = _int(m.group("d")), _int(m.group("m"))
        if _valid(day, month, int(m.group("y"))) and not taken.overlaps(m.start(), m.end()):
            if month is None:
                add("year", m.start(), m.end(), PartialDate.of(int(m.group("y"))))
            else:
                add("date" if day else "month", m.start(), m.end(), PartialDate.of(int(m.group("y")), month, day))
    for m in NUMERIC.finditer(text):
        day, month = int(m.group("d")), int(m.group("m"))
        if _valid(day, month, int(m.group("y"))) and not taken.overlaps(m.start(), m.end()):
            add("date", m.start(), m.end(), PartialDate.of(int(m.group("y")), month, day))
    for pattern in (BLANK_DAY, MONTH):
        for m in pattern.finditer(text):
            month = int(m.group("m"))
            if _valid(None, month) and not taken.overlaps(m.start(), m.end()):
                add("month", m.start(), m.end(), PartialDate.of(int(m.group("y")), month))
    for m in YEAR_RANGE.finditer(text):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        head = PERIOD_HEAD.search(text, max(0, m.start() - 30), m.start())
        if m.group("word") and head is None:
            continue  # ``2021 đến 2025`` alone may be two years; ``giai đoạn``/``từ năm`` make it a period
        start = head.start() if head else m.start()
        if y1 < y2 and not taken.overlaps(start, m.end()):
            add("period", start, m.end(), PartialDate.of(y1), PartialDate.of(y2))
    for m in YEAR.finditer(text):
        if not taken.overlaps(m.start(), m.end()):
            add("year", m.start(), m.end(), PartialDate.of(int(m.group("y"))))
    found.sort(key=lambda d: d.start)
    return found
