"""Typed records of a parsed report: the output contract (``CONTRACT.md``).

Every mention carries ``start``/``end`` offsets into ``Report.text`` (so that
``report.text[start:end] == raw``) and the 1-based ``page`` it sits on for paged
inputs. Field names are part of the contract: add fields, never rename them.
"""

from __future__ import annotations

import functools
import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

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

    year: int | None = Field(default=None, description="1 to 9999; null when not stated")
    month: int | None = Field(default=None, description="1 to 12; null when left blank or unread")
    day: int | None = Field(default=None, description="a day the month has; null when left blank or unread")
    iso: str | None = Field(default=None, description="YYYY, YYYY-MM or YYYY-MM-DD, as far as the date is known")

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
    raw: str = Field(description="the mention as written: text[start:end]")
    start: int = Field(description="character offset of the mention's start in Report.text")
    end: int = Field(description="character offset just past the mention's end in Report.text")
    page: int | None = Field(default=None, description="1-based page of a paged input (PDF); null otherwise")


class Source(Record):
    path: str | None = Field(default=None, description="the file read, as given; null for a text given directly")
    format: Literal["pdf", "docx", "doc", "text", "markdown"] = Field(
        default="text", description="the format the input was read as: a PDF, DOCX or Word 97 file by its content, "
                                    "a text file as markdown or text by its name (.md)")
    sha256: str | None = Field(default=None, description="sha256 of the file's bytes; null for a text given to "
                                                         "parse_text")
    pages: int | None = Field(default=None, description="pages of a PDF; null for other formats")
    pages_read: list[int] | None = Field(
        default=None, description="the pages read (1-based) when the options chose some of a PDF's pages "
                                  "(pages='2-3'); null when every page was read")
    ocr: bool = Field(default=False, description="whether any of the text came from OCR of a scanned page")


RepairName = Literal["missing-hyphen", "extra-space", "en-dash", "code-case", "missing-slash", "underscore",
                     "slash-for-hyphen"]


class DocumentNumber(Record):
    """Số, ký hiệu: ``245/KH-UBND`` (state), ``61/2018/NĐ-CP`` (normative), ``01-KL/TW`` (Party)."""

    raw: str = Field(description="the number as written after Số:")
    number: str | None = Field(default=None, description="the number as written (09 keeps its zero); null when blank")
    year: int | None = Field(default=None, description="the year of a normative symbol (61/2018/NĐ-CP)")
    type_code: str | None = Field(default=None,
                                  description="the document type's code (KH, NĐ, QĐ); null for a Công văn")
    issuer_code: str | None = Field(default=None, description="the issuer's code (UBND, CP, TW, BCA-C04)")
    symbol: str | None = Field(default=None,
                               description="the canonical symbol: no spaces, standard case, slips repaired")
    convention: Literal["state", "party"] | None = Field(
        default=None, description="state: number/type-issuer; party: number-type/issuer (01-KL/TW)")
    repairs: list[RepairName] = Field(default_factory=_empty_list,
                                      description="the slips repaired to make the symbol (missing-hyphen ...)")


class Signer(Record):
    name: str | None = Field(default=None, description="the signer's name as printed under the signature")
    position: str | None = Field(default=None, description="the signer's position, canonical case (Phó Chủ tịch)")
    authority: Literal["TM.", "KT.", "TL.", "TUQ."] | None = Field(
        default=None, description="signing for a body (TM.), in a head's stead (KT.), by order (TL., TUQ.)")
    on_behalf_of: str | None = Field(default=None, description="the body or head signed for (Ủy ban nhân dân)")
    rank: str | None = Field(default=None, description="military or police rank before the name (Thiếu tướng)")


class Metadata(Record):
    issuer: str | None = Field(default=None, description="the issuing body from the header, as written")
    parent_issuer: str | None = Field(default=None, description="the body above the issuer in the header")
    number: DocumentNumber | None = Field(
        default=None, description="the document's own Số line (its number null when left blank: Số: /BC-UBND); "
                                  "null when there is none")
    place: str | None = Field(default=None, description="the place of the place-and-date line")
    date: PartialDate | None = Field(default=None, description="the issue date")
    doc_type: str | None = Field(default=None, description="the canonical type name (Báo cáo, Kế hoạch, Công văn)")
    title: str | None = Field(default=None, description="the trích yếu, lines joined, V/v dropped")
    recipients: list[str] = Field(default_factory=_empty_list, description="the Kính gửi and Nơi nhận items")
    signer: Signer | None = Field(default=None, description="the signature block")


class Section(Record):
    number: str = Field(description="the label without its punctuation: I, 1, 2.1, a, Phần thứ nhất, Điều 3")
    level: int = Field(description="depth in the section tree, 1 outermost, from the numbering schemes")
    title: str = Field(description="the heading without its number, or a numbered paragraph's first sentence")
    path: str = Field(description="the ancestors' numbers and its own (II.1.a), unique in the report (III~2)")
    start: int = Field(description="offset of the heading in Report.text")
    end: int = Field(description="offset where the section ends: the next heading of its level or above")
    page: int | None = Field(default=None, description="1-based page of the heading in a paged input")
    children: list[Section] = Field(default_factory=_empty_list, description="the sections under it")


class Citation(Span):
    kind: Literal["full", "short", "named"] = Field(
        description="full: with a symbol; short: type and number only (Chỉ thị 33); named: by name (Luật Đất đai)")
    doc_type: str | None = Field(default=None, description="the cited document's canonical type name")
    type_code: str | None = Field(default=None, description="as in DocumentNumber")
    number: str | None = Field(default=None, description="as in DocumentNumber")
    year: int | None = Field(default=None, description="as in DocumentNumber")
    issuer_code: str | None = Field(default=None, description="as in DocumentNumber")
    symbol: str | None = Field(default=None, description="the canonical symbol, as in DocumentNumber")
    convention: Literal["state", "party"] | None = Field(default=None, description="as in DocumentNumber")
    repairs: list[RepairName] = Field(default_factory=_empty_list, description="as in DocumentNumber")
    date: PartialDate | None = Field(default=None, description="the date stated after the symbol or name")
    authority: str | None = Field(default=None, description="the issuing body after của (Thủ tướng Chính phủ)")
    subject: str | None = Field(default=None, description="the quoted or về ... title when given")
    name: str | None = Field(default=None, description="the name of a `named` citation")
    section: str | None = Field(default=None, description="the path of the section it sits in (II.2)")
    document_id: str | None = Field(default=None, description="the id of its CitedDocument in this report")


class CitedDocument(Record):
    id: str = Field(description="doc-<hash of symbol and date>: unique within the report; across reports join "
                                "on symbol and date")
    symbol: str | None = Field(default=None, description="the canonical symbol, the fullest form of its mentions")
    doc_type: str | None = Field(default=None, description="the canonical type name")
    date: PartialDate | None = Field(default=None, description="the date most mentions give")
    authority: str | None = Field(default=None, description="the issuing body, from the fullest mention")
    subject: str | None = Field(default=None, description="the title, from the fullest mention")
    mentions: int = Field(description="how many citations name this document")
    variants: list[str] = Field(default_factory=_empty_list, description="the other symbols it is cited by (slips)")


class DateMention(Span):
    kind: Literal["date", "month", "year", "period"] = Field(
        description="date: day known; month: month and year; year; period: a span of years or dates")
    value: PartialDate = Field(description="the date, or a period's start")
    until: PartialDate | None = Field(default=None, description="a period's end")
    role: Literal["document", "citation", "text"] = Field(
        default="text", description="document: the document's own date; citation: a cited document's; text: other")


class Figure(Span):
    value: float | int = Field(description="the number (1.460,97 is 1460.97)")
    unit: str = Field(description="the measured noun, lower case (hộ, ha, %, tỷ đồng)")
    subject: str | None = Field(default=None, description="the noun phrase the figure counts (hộ nghèo)")
    total: float | int | None = Field(
        default=None, description="the whole the figure is a part of, stated with it (42 of 42/42 cơ quan; "
                                  "100 of 18/100 điểm; 34 of a rank 15/34)")


class Demographics(Record):
    area_ha: float | None = Field(default=None, description="natural area in hectares (diện tích tự nhiên)")
    households: int | None = Field(default=None, description="households (hộ)")
    population: int | None = Field(default=None, description="inhabitants (nhân khẩu, người)")
    ethnic_groups: int | None = Field(default=None, description="ethnic groups living there (dân tộc)")
    party_cells: int | None = Field(default=None, description="Party cells (chi bộ)")
    party_members: int | None = Field(default=None, description="Party members (đảng viên)")
    poor_households: int | None = Field(default=None, description="poor households (hộ nghèo)")
    poor_household_rate: float | None = Field(default=None, description="percent of households that are poor")
    near_poor_households: int | None = Field(default=None, description="near-poor households (hộ cận nghèo)")
    near_poor_household_rate: float | None = Field(default=None,
                                                   description="percent of households that are near-poor")


class LevelCount(Record):
    count: int | None = Field(default=None, description="the number of answers at this level")
    percent: float | None = Field(default=None, description="the percent the table states for it")


class SatisfactionRow(Record):
    index: int | None = Field(default=None, description="the row's STT")
    field: str = Field(description="the field or service rated (Lĩnh vực tư pháp)")
    very_satisfied: LevelCount | None = Field(default=None, description="rất hài lòng")
    satisfied: LevelCount | None = Field(default=None, description="hài lòng")
    neutral: LevelCount | None = Field(default=None, description="bình thường")
    dissatisfied: LevelCount | None = Field(default=None, description="không hài lòng")
    very_dissatisfied: LevelCount | None = Field(default=None, description="rất không hài lòng")
    total: int | None = Field(default=None, description="the answers in all: the levels' counts summed")
    consistent: bool = Field(description="whether every stated percent equals 100 × count / total, within the "
                                         "rounding of the digits shown")


class Table(Record):
    index: int = Field(description="1-based, in document order")
    page: int | None = Field(default=None, description="1-based page of its first row in a paged input")
    kind: Literal["satisfaction", "generic"] = Field(
        default="generic", description="satisfaction: a citizens' satisfaction table, read into rows")
    title: str | None = Field(default=None, description="the paragraph right above it, when short")
    header: list[list[str]] = Field(default_factory=_empty_list, description="the header rows' cell texts")
    rows: list[list[str]] = Field(default_factory=_empty_list,
                                  description="the body rows' cell texts (merged cells repeated, empty ones \"\")")
    satisfaction: list[SatisfactionRow] | None = Field(default=None, description="the rows of a satisfaction table")
    start: int | None = Field(default=None, description="offset of the table's first cell in Report.text")
    end: int | None = Field(default=None, description="offset just past the table's last cell in Report.text")


class Warning(Record):
    code: str = Field(description="what looked wrong (empty-document, stray-number, symbol-missing-hyphen ...)")
    message: str = Field(description="one line for a person")
    start: int | None = Field(default=None, description="offset in Report.text of what it is about, if anywhere")
    end: int | None = Field(default=None, description="offset just past what it is about")


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

    part: Literal["document", "page", "attachment"] = Field(description="which part could not be read")
    page: int | None = Field(default=None, description="1-based page of a failed page")
    attachment: int | None = Field(default=None, description="1-based index into Report.attachments")
    type: str = Field(description="the error's class (CorruptFileError, MissingComponentError ...)")
    message: str = Field(description="one line for a person")


def make_report_id(sha256: str | None, text: str, path: str | None, fmt: str | None, *, failed: bool = False) -> str:
    """A report's id: the first 16 hex digits of its file's sha256, so the same file gets the
    same id in every run (and of its text when it came from no file; of its path when it has
    neither: a file that could not be read). A Markdown reading takes those of the sha256 of
    ``<sha256>:markdown``: the same bytes saved as ``.txt`` are read as plain text, another
    report, which must not share its id; and so does a ``failed`` report (``<sha256>:failed``):
    the bytes of an empty ``.txt``, read, and of an empty ``.pdf``, refused, are two reports.

    >>> make_report_id("ab" * 32, "", None, "text"), make_report_id("ab" * 32, "", None, "markdown")
    ('abababababababab', 'c9b9bafe37188adb')
    >>> make_report_id("ab" * 32, "", None, "pdf", failed=True) != make_report_id("ab" * 32, "", None, "text")
    True
    """
    if not sha256:
        basis = text if text or not path else f"path:{path}"
        sha256 = hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()
    if fmt == "markdown":
        sha256 = hashlib.sha256(f"{sha256}:markdown".encode()).hexdigest()
    if failed:
        sha256 = hashlib.sha256(f"{sha256}:failed".encode()).hexdigest()
    return sha256[:16]


class Report(Record):
    schema_version: str = Field(default=SCHEMA_VERSION, description="the version of this contract")
    report_id: str | None = Field(
        default=None, description="the report's id, by which the analytics tables name it (their report_id): the "
                                  "first 16 hex digits of its file's sha256 (of its text when it came from no file); "
                                  "an attachment's is its file's id and its number, <id>-1, <id>-2, ...")
    status: Literal["ok", "partial", "failed"] = Field(
        default="ok", description="ok: everything was read; partial: some parts were not (see errors); "
                                  "failed: nothing could be read (see errors)")
    errors: list[PartError] = Field(default_factory=_empty_list, description="the parts that could not be read")
    source: Source = Field(default_factory=Source, description="the input read")
    text: str = Field(default="", description="the normalised full text (NFC) every offset points into")
    metadata: Metadata = Field(default_factory=Metadata, description="the document's own header, title, signature")
    sections: list[Section] = Field(default_factory=_empty_list, description="the numbered section tree")
    citations: list[Citation] = Field(default_factory=_empty_list,
                                      description="every mention of another document, in text order")
    documents: list[CitedDocument] = Field(default_factory=_empty_list,
                                           description="the distinct documents cited by number, mentions merged")
    dates: list[DateMention] = Field(default_factory=_empty_list,
                                     description="every date, month, year and period, in text order")
    figures: list[Figure] = Field(default_factory=_empty_list,
                                  description="every quantity with its unit in running text")
    demographics: Demographics | None = Field(default=None,
                                              description="the locality's profile when the report states one")
    tables: list[Table] = Field(default_factory=_empty_list, description="every data table")
    warnings: list[Warning] = Field(default_factory=_empty_list, description="what looked wrong, in text order")
    attachments: list[Report] = Field(default_factory=_empty_list,
                                      description="further documents of the same file (a cover letter's report)")

    @model_validator(mode="after")
    def _identified(self) -> Report:
        # Made when the report is: every report has one, read from a file, a text or neither. (A
        # report stored before reports carried one has attachments without theirs, or with the
        # same file's id: they are numbered.)
        if self.report_id is None:
            self.report_id = make_report_id(self.source.sha256, self.text, self.source.path, self.source.format,
                                            failed=self.status == "failed")
            self.number_attachments()
        return self

    def number_attachments(self) -> None:
        """Give each attachment its id, this report's and its number (``<id>-1``, ``<id>-2``), as
        the analytics tables name it."""
        for n, attachment in enumerate(self.attachments, 1):
            attachment.report_id = f"{self.report_id}-{n}"
