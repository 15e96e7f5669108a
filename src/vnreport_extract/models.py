"""Typed records of a parsed report: the output contract (``CONTRACT.md``).

Every mention carries ``start``/``end`` offsets into ``Report.text`` (so that
``report.text[start:end] == raw``) and the 1-based ``page`` it sits on for paged
inputs. Field names are part of the contract: add fields, never rename them.
"""

from __future__ import annotations

import functools
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

SCHEMA_VERSION = "1"


def _empty_list() -> list[Any]:
    """The default of list fields. A Python function, not ``list``: pydantic reads a default
    factory's signature, and the builtin's costs a tokenizer pass (half of the time it takes to
    build the records' schemas, which every cold start does)."""
    return []


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class PartialDate(Record):
    """A calendar date whose day or month may be unknown (``ngày   tháng 5 năm 2023``). A value:
    frozen, so that one instance may stand for the same date wherever it is mentioned."""

    model_config = ConfigDict(extra="forbid", defer_build=True, frozen=True)

    year: int | None = None
    month: int | None = None
    day: int | None = None
    iso: str | None = None

    # A month of 1–12, a day that month has (29 February in a leap year only), a year of 1–9999,
    # and ``iso`` (when given) the one these make: a record read back from JSON holds no
    # ``2023-02-31``. Field validators, not one of the model: those run again on every record
    # that holds a date (a citation, a mention), these only when a date is made.
    @field_validator("year")
    @classmethod
    def _a_year(cls, year: int | None) -> int | None:
        if year is not None and not 1 <= year <= 9999:
            raise ValueError(f"year {year} is not 1 to 9999")
        return year

    @field_validator("month")
    @classmethod
    def _a_month(cls, month: int | None) -> int | None:
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} is not 1 to 12")
        return month

    @field_validator("day")
    @classmethod
    def _a_day_of_the_month(cls, day: int | None, info: ValidationInfo) -> int | None:
        if day is None:
            return day
        year, month = info.data.get("year"), info.data.get("month")
        if month is None and "month" in info.data:  # (a month refused: said already)
            raise ValueError(f"day {day} is given without its month")
        leap = year is None or (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
        last = 31 if month is None else 29 if month == 2 and leap else _MONTH_DAYS[month]
        if not 1 <= day <= last:
            of = "" if month is None else f" of month {month}" + ("" if year is None else f" of {year}")
            raise ValueError(f"day {day} is not a day{of}")
        return day

    @field_validator("iso")
    @classmethod
    def _the_dates_iso(cls, iso: str | None, info: ValidationInfo) -> str | None:
        if iso is not None and "day" in info.data:  # a day refused: said already
            made = _iso(info.data.get("year"), info.data.get("month"), info.data["day"])
            if iso != made:
                raise ValueError(f"iso {iso!r} is not the date's {made!r}")
        return iso

    @classmethod
    def of(cls, year: int | None, month: int | None = None, day: int | None = None) -> PartialDate:
        """The date of ``year``, ``month`` and ``day`` (an instance shared by the mentions of one
        date: a report's dates are a few years and days, mentioned again and again).

        A day without its month (``ngày 15 tháng    năm 2023``, the month left blank or unread)
        dates nothing: the date is the year's.

        >>> PartialDate.of(2023, 5).iso, PartialDate.of(2023, 5) is PartialDate.of(2023, 5)
        ('2023-05', True)
        >>> PartialDate.of(2023, None, 15)
        PartialDate(year=2023, month=None, day=None, iso='2023')
        """
        return _partial_date(year, month, day if month is not None else None)


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    # One %-format: three f-strings and two concatenations cost half as much as the model.
    if year is None:
        return None
    if month is None:
        return "%04d" % year  # noqa: UP031
    if day is None:
        return "%04d-%02d" % (year, month)  # noqa: UP031
    return "%04d-%02d-%02d" % (year, month, day)  # noqa: UP031


@functools.lru_cache(maxsize=8192)
def _partial_date(year: int | None, month: int | None, day: int | None) -> PartialDate:
    return PartialDate(year=year, month=month, day=day, iso=_iso(year, month, day))


class Span(Record):
    raw: str
    start: int
    end: int
    page: int | None = None


class Source(Record):
    path: str | None = None
    format: Literal["pdf", "docx", "doc", "text", "markdown"] = "text"
    sha256: str | None = None
    pages: int | None = None
    ocr: bool = False


RepairName = Literal["missing-hyphen", "extra-space", "en-dash", "code-case", "missing-slash", "underscore",
                     "slash-for-hyphen"]


class DocumentNumber(Record):
    """Số, ký hiệu: ``245/KH-UBND`` (state), ``61/2018/NĐ-CP`` (normative), ``01-KL/TW`` (Party)."""

    raw: str
    number: str | None = None
    year: int | None = None
    type_code: str | None = None
    issuer_code: str | None = None
    symbol: str | None = None
    convention: Literal["state", "party"] | None = None
    repairs: list[RepairName] = Field(default_factory=_empty_list)


class Signer(Record):
    name: str | None = None
    position: str | None = None
    authority: Literal["TM.", "KT.", "TL.", "TUQ."] | None = None
    on_behalf_of: str | None = None
    rank: str | None = Field(default=None, description="military or police rank before the name (Thiếu tướng)")


class Metadata(Record):
    issuer: str | None = None
    parent_issuer: str | None = None
    number: DocumentNumber | None = None
    place: str | None = None
    date: PartialDate | None = None
    doc_type: str | None = None
    title: str | None = None
    recipients: list[str] = Field(default_factory=_empty_list)
    signer: Signer | None = None


class Section(Record):
    number: str
    level: int
    title: str
    path: str
    start: int
    end: int
    page: int | None = None
    children: list[Section] = Field(default_factory=_empty_list)


class Citation(Span):
    kind: Literal["full", "short", "named"]
    doc_type: str | None = None
    type_code: str | None = None
    number: str | None = None
    year: int | None = None
    issuer_code: str | None = None
    symbol: str | None = None
    convention: Literal["state", "party"] | None = None
    repairs: list[RepairName] = Field(default_factory=_empty_list)
    date: PartialDate | None = None
    authority: str | None = None
    subject: str | None = None
    name: str | None = Field(default=None, description="the name of a `named` citation")
    section: str | None = None
    document_id: str | None = None


class CitedDocument(Record):
    id: str
    symbol: str | None = None
    doc_type: str | None = None
    date: PartialDate | None = None
    authority: str | None = None
    subject: str | None = None
    mentions: int
    variants: list[str] = Field(default_factory=_empty_list)


class DateMention(Span):
    kind: Literal["date", "month", "year", "period"]
    value: PartialDate
    until: PartialDate | None = None
    role: Literal["document", "citation", "text"] = "text"


class Figure(Span):
    value: float | int
    unit: str
    subject: str | None = None


class Demographics(Record):
    area_ha: float | None = None
    households: int | None = None
    population: int | None = None
    ethnic_groups: int | None = None
    party_cells: int | None = None
    party_members: int | None = None
    poor_households: int | None = None
    poor_household_rate: float | None = None
    near_poor_households: int | None = None
    near_poor_household_rate: float | None = None


class LevelCount(Record):
    count: int | None = None
    percent: float | None = None


class SatisfactionRow(Record):
    index: int | None = None
    field: str
    very_satisfied: LevelCount | None = None
    satisfied: LevelCount | None = None
    neutral: LevelCount | None = None
    dissatisfied: LevelCount | None = None
    very_dissatisfied: LevelCount | None = None
    total: int | None = None
    consistent: bool


class Table(Record):
    index: int
    page: int | None = None
    kind: Literal["satisfaction", "generic"] = "generic"
    title: str | None = None
    header: list[list[str]] = Field(default_factory=_empty_list)
    rows: list[list[str]] = Field(default_factory=_empty_list)
    satisfaction: list[SatisfactionRow] | None = None
    start: int | None = Field(default=None, description="offset of the table's first cell in Report.text")
    end: int | None = None


class Warning(Record):
    code: str
    message: str
    start: int | None = None
    end: int | None = None


def part_label(part: str | None, page: int | None = None, attachment: int | None = None) -> str:
    """Which part of a report a :class:`PartError` names, as the manifest and the tables write
    it: ``page 3``, ``attachment 1`` or ``document``.

    >>> part_label("page", 3), part_label("attachment", attachment=1), part_label("document")
    ('page 3', 'attachment 1', 'document')
    """
    if page is not None:
        return f"page {page}"
    if attachment is not None:
        return f"attachment {attachment}"
    return part or "document"


class PartError(Record):
    """A part of the input that could not be read; the records of the rest still stand.

    ``part`` says what failed: a ``page`` (OCR timed out on it, or it has no text layer and
    OCR is off), an ``attachment`` (a further document of the file), or the whole
    ``document`` (only in a ``failed`` report, see ``parse_file(..., raise_on_error=False)``).
    """

    part: Literal["document", "page", "attachment"]
    page: int | None = None
    attachment: int | None = Field(default=None, description="1-based index into Report.attachments")
    type: str = Field(description="the error's class (CorruptFileError, MissingComponentError ...)")
    message: str


class Report(Record):
    schema_version: str = SCHEMA_VERSION
    status: Literal["ok", "partial", "failed"] = Field(
        default="ok", description="ok: everything was read; partial: some parts were not (see errors); "
                                  "failed: nothing could be read (see errors)")
    errors: list[PartError] = Field(default_factory=_empty_list)
    source: Source = Field(default_factory=Source)
    text: str = ""
    metadata: Metadata = Field(default_factory=Metadata)
    sections: list[Section] = Field(default_factory=_empty_list)
    citations: list[Citation] = Field(default_factory=_empty_list)
    documents: list[CitedDocument] = Field(default_factory=_empty_list)
    dates: list[DateMention] = Field(default_factory=_empty_list)
    figures: list[Figure] = Field(default_factory=_empty_list)
    demographics: Demographics | None = None
    tables: list[Table] = Field(default_factory=_empty_list)
    warnings: list[Warning] = Field(default_factory=_empty_list)
    attachments: list[Report] = Field(default_factory=_empty_list)
