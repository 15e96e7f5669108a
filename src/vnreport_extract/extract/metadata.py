"""The document's own identity (thể thức, Nghị định 30/2020/NĐ-CP): header block
(issuer, Quốc hiệu, ``Số:``, place and date), type name and trích yếu, recipients
(``Kính gửi``, ``Nơi nhận``) and signature (``TM.``/``KT.``/``TL.``/``TUQ.``, position, name).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import regex

from ..conventions.doc_types import doc_type_of_number
from ..conventions.header import (
    OPEN_END_WORD,
    Identity,
    annex_label,
    before_signing,
    classify_line,
    doc_type_of,
    dual_position,
    gazette_part,
    has_mark,
    identity_line,
    is_deputy,
    is_position,
    left_of_motto,
    match_line,
    names_issuer,
    names_locality,
    place_year,
    starts_issuer,
    type_name_and_title,
)
from ..conventions.vocabulary import (
    ADDRESSEE_OPENINGS,
    AUTHORITIES,
    BODY_ABBREVIATIONS,
    HEADER_PHRASES,
    MIDDLE_NAMES,
    POSITIONS,
    PROVINCES,
    RANKS,
    RECIPIENT_PHRASES,
    SIGNING_AUTHORITIES,
    STANDING_COMMITTEES,
    SURNAMES,
    TITLE_ABBREVIATIONS,
)
from ..models import Metadata, PartialDate, Signer, Warning
from ..normalize import fold, in_capitals, sentence_case
from .dates import NUMERIC, WORDED, date_at, is_calendar_date
from .sections import parse_heading
from .symbols import dated_number, parse_own_number, with_type_code


@dataclass
class Line:
    text: str
    start: int
    end: int


@dataclass
class MetadataResult:
    metadata: Metadata
    own_number_span: tuple[int, int] | None
    date_span: tuple[int, int] | None
    body_start: int
    body_end: int
    warnings: list[Warning]


# ``~`` is a hyphen as OCR often reads it.
_BULLET = regex.compile(r"^[-+•*–~][ ]*")
_BODY_START = regex.compile(
    r"^(?:(?i:căn cứ|thực hiện|theo|triển khai|kính gửi|trên cơ sở|nhằm|để)\b"
    r"|[IVX]+[ ]*[.)]|\d+[ ]*[.)]|(?i:điều)[ ]+\d)"
)


def _opens_body(text: str) -> bool:
    """Whether a line below the title opens the body. A body's sentence begins with a capital:
    in lower case, ``thực hiện ...`` carries on the title line above it.

    >>> _opens_body("Thực hiện Kế hoạch số 245/KH-UBND"), _opens_body("thực hiện nhiệm vụ khoa học")
    (True, False)
    """
    return _BODY_START.match(text) is not None and not text[:1].islower()


# The first words of a body: the header block (and its type name) stands above them.
_OPENS_BODY = regex.compile(r"^(?i:căn cứ|thực hiện|trên cơ sở)\b")


def _open_end(text: str) -> bool:
    """Whether a title's line is left open, so that it goes on to the next line whatever its
    case: it ends in a word that needs what follows (``... Nghị quyết của`` / ``Hội đồng nhân
    dân tỉnh``), a comma (``... - Ủy viên Ban Thường vụ Tỉnh ủy,`` / ``Phó Chủ tịch UBND tỉnh
    tại cuộc họp ...``), a semicolon between the subjects of a title (``... 6 tháng đầu năm;`` /
    ``Phương hướng nhiệm vụ 6 tháng cuối năm 2012``), or a colon after a space."""
    return text.endswith((",", ";", " :")) or OPEN_END_WORD.search(text) is not None


# The subject of a title in lower case, on the line after a body's name in it.
_SUBJECT_NEXT = regex.compile(r"về[ ]+\p{Ll}")
# Only these can follow the type name without a title in between.
_FIRST_LINE_NOT_TITLE = regex.compile(r"^(?:(?i:căn cứ|kính gửi)\b|[IVX]+[ ]*[.)]|\d+[ ]*[.)]|(?i:điều)[ ]+\d)")
# A trích yếu line: lower-case words, at least three of them.
_TRICH_YEU = regex.compile(r"^\p{Ll}+(?:[ ]+\S+){2,}")
_NAME = regex.compile(r"^(?:\p{Lu}\p{Ll}*[ ]){1,5}\p{Lu}\p{Ll}*$|^(?:\p{Lu}+[ ]){1,5}\p{Lu}+$")
_POSITIONS = {fold(p): p for p in POSITIONS}
_SURNAME_FOLDS = {fold(s) for s in SURNAMES}
_MIDDLE_NAME_FOLDS = {fold(s) for s in MIDDLE_NAMES}
_SURNAMES_CASEFOLDED = {s.split()[0].casefold() for s in SURNAMES}
_POSITION_HEADS = tuple(p + " " for p in _POSITIONS)
_POSITION_HEADS_LONGEST = sorted(_POSITION_HEADS, key=len, reverse=True)


def _position_head(folded: str) -> str | None:
    """The longest known position (folded, with its space) that a folded line starts with."""
    return next((h for h in _POSITION_HEADS_LONGEST if folded.startswith(h)), None)
_AUTHORITIES = {fold(a): a for a in AUTHORITIES}
_BODY_NAME_END = regex.compile(r"(?i:nhân dân|ủy ban|uỷ ban|hội đồng)$")


_CELL_END = regex.compile(r"(?<=\S)[ \t]+\|$")


def _lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    out: list[Line] = []
    pos = start
    stop = len(text) if end is None else end
    for raw in text[start:stop].split("\n"):
        line_end = pos + len(raw)
        stripped = raw.strip()
        if stripped.endswith("|"):
            # A cell's end mark that a page copied from a web portal's table keeps (``TỈNH HÀ TĨNH |``).
            stripped = _CELL_END.sub("", stripped)
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(stripped, pos + lead, pos + lead + len(stripped)))
        pos = line_end + 1
    return out


_is_upper = in_capitals


def _number_line(meta: Metadata, line: Line, m: regex.Match[str]) -> tuple[tuple[int, int], DateLine | None]:
    """The document's number of a ``Số:`` line (``m`` its label's match), set in ``meta``; its
    span, and the place, date and date's span that a two-column header read as one line puts
    after the number (None when there is no date there)."""
    value = line.text[m.start("value"):]
    value_start = line.start + m.start("value")
    number_span = (value_start, line.end)
    meta.number = parse_own_number(value)
    rest_at = 0
    if meta.number is not None:
        at = value.find(meta.number.raw)
        number_span = (value_start + at, value_start + at + len(meta.number.raw))
        rest_at = at + len(meta.number.raw)
    rest = value[rest_at:]
    if not rest.strip():
        return number_span, None
    start = value_start + rest_at + len(rest) - len(rest.lstrip())
    after = _parse_date_line(Line(rest.strip(), start, start + len(rest.strip())))
    return number_span, (after if after.date else None)


class DateLine(NamedTuple):
    """What a place-and-date line gives: the place, the date, the date's span in the text, and
    whether the day and month were misread or name no calendar day (only the year kept, and the
    month where it is one)."""

    place: str | None
    date: PartialDate | None
    span: tuple[int, int] | None
    misread: bool = False


def _parse_date_line(line: Line) -> DateLine:
    """The place and date of a place-and-date line (``Phú Tiến, ngày 15 tháng 5 năm 2023``). A
    line whose day and month were misread (handwritten: ``Bắc Giang, ngày 2ftháng/0 năm 2012``)
    still gives its place and its year.

    >>> found = _parse_date_line(Line("Bắc Giang, ngày 2ftháng/0 năm 2012", 0, 34))
    >>> found.place, found.date and found.date.iso, found.span, found.misread
    ('Bắc Giang', '2012', (30, 34), True)

    A day the month does not have (``ngày 31 tháng 02``) is no date either: its year and month kept.

    >>> found = _parse_date_line(Line("Phú Tiến, ngày 31 tháng 02 năm 2023", 0, 35))
    >>> found.date and found.date.iso, found.misread
    ('2023-02', True)
    """
    m = match_line("place-date", line.text)
    if m is None:
        return DateLine(None, None, None)
    place = line.text[m.start("place"):m.end("place")].strip()
    d = WORDED.search(line.text, m.start("date"))
    if d is None:
        if (garbled := _GARBLED_DATE.match(line.text, m.start("date"))) is None:
            return DateLine(None, None, None)
        span = (line.start + garbled.start("y"), line.start + garbled.end("y"))
        return DateLine(place, PartialDate.of(int(garbled.group("y"))), span, misread=True)
    day = int(d.group("d")) if d.group("d") else None
    month = int(d.group("m")) if d.group("m") else None
    year = int(d.group("y"))
    span = (line.start + d.start(), line.start + d.end())
    date, misread = _document_date(year, month, day)
    return DateLine(place, date, span, misread=misread)


def _document_date(year: int, month: int | None, day: int | None) -> tuple[PartialDate, bool]:
    """A document's date, and whether it was misread: a day the month does not have (``ngày 31
    tháng 02``) keeps the year and the month (when it is one).

    >>> _document_date(2023, 2, 31)
    (PartialDate(year=2023, month=2, day=None, iso='2023-02'), True)
    """
    if is_calendar_date(day, month, year):
        return PartialDate.of(year, month, day), False
    return PartialDate.of(year, month if is_calendar_date(None, month) else None), True


def _unreadable_date(line: Line, date: PartialDate | None, written: str) -> Warning:
    return Warning(code="unreadable-document-date", start=line.start, end=line.end,
                   message=f"the document's date could not be read whole or is no calendar day; "
                           f"kept {date.iso if date else None}: {written!r}")


def _field_name(text: str, label: regex.Match[str], before: list[Line], following: list[Line]) -> bool:
    """Whether a ``Nơi nhận`` line with no colon, and nothing or words in lower case after it
    (``Nơi nhận bản dư``), is a name in a list of fields (a software outline's fields of an
    outgoing letter: ``Trích yếu`` / ``Nơi soạn thảo`` / ``Nơi nhận`` / ``Số bản``), not the
    label of the recipients: the lines on both sides are short bare names (a few words, no
    bullet, no closing punctuation, no header line, no position), and the one after it is no
    item (``Như trên``, ``Lưu ...``).

    >>> m = match_line("recipients", "Nơi nhận")
    >>> fields = [Line("Nơi soạn thảo", 0, 13)], [Line("Số bản", 0, 6)]
    >>> _field_name("Nơi nhận", m, *fields), _field_name("Nơi nhận", m, fields[0], [Line("- Như trên;", 0, 11)])
    (True, False)

    After the body's last sentence it is the label, whatever follows (an OCR'd list whose colon
    and bullets were lost):

    >>> _field_name("Nơi nhận", m, [Line("Đề nghị các đơn vị thực hiện./.", 0, 31)], [Line("UBND tỉnh (b/c)", 0, 15)])
    False
    """
    rest = text.strip()[label.end():].strip()
    if ":" in text or (rest and not rest[:1].islower()) or not before or not following:
        return False  # ``Nơi nhận - Như trên;``, ``Nơi nhận TM. ỦY BAN NHÂN DÂN``: the label
    return all(_bare_name(x.text) for x in (before[0], following[0])) and not following[0].text.startswith("Lưu")


def _bare_name(text: str) -> bool:
    """A short line that is a name alone: at most six words, no bullet, nothing to close it
    (``.`` ``;`` ``:`` ``,`` ``)``), no header line, no position (``GIÁM ĐỐC``), not in capitals."""
    return len(text.split()) <= 6 and not _BULLET.match(text) \
        and not text.rstrip().endswith((".", ";", ":", ",", ")")) and not _STANDARD_RECIPIENT.match(text) \
        and classify_line(text) is None and not is_position(text) and not in_capitals(text)


# How many lines under the title a cover page's place and year are looked for.
_COVER_LINES = 16


def _cover_place_year(lines: list[Line]) -> tuple[str, PartialDate, tuple[int, int]] | None:
    """The place, date (a year, or a month) and the date's span of a cover page's place-and-year
    line (``Phú Thọ, 2012``, ``Hà Nội, tháng 12 năm 2012``: :func:`~.conventions.header.place_year`)
    among ``lines`` (those under the title), up to the first line of the body.

    >>> found = _cover_place_year([Line("CHỦ ĐẦU TƯ", 0, 10), Line("Phú Thọ, 2012", 20, 33)])
    >>> found[0], found[1].iso, found[2]
    ('Phú Thọ', '2012', (29, 33))
    >>> _cover_place_year([Line("I. Thông tin chung", 0, 18), Line("Phú Thọ, 2012", 19, 32)]) is None
    True
    """
    for line in lines:
        if parse_heading(line.text) is not None or _OPENS_BODY.match(line.text):
            return None
        found = place_year(line.text)
        if found is not None:
            place, month, year, (start, end) = found
            return place, PartialDate.of(year, month), (line.start + start, line.start + end)
    return None


# A place-and-date line whose day and month did not read: its words and its year are there.
_GARBLED_DATE = regex.compile(r"(?i:ngày).{0,15}?(?i:tháng).{0,15}?(?i:năm)[ ]*(?P<y>(?:19|20)\d\d)[ .]*$")


# What a header cell's line wrapped to the next line leaves there: the rest of a date (``Kon
# Tum, ngày 25`` / ``tháng 01 năm 2024``; ``Quảng Nam, ngày`` / ``13 tháng 7 năm 2023``), or the
# number under a ``Số:`` alone (``Số:`` / ``06/2024/QĐ-UBND``), as a narrow column's text copied
# line by line gives them.
# What a place-and-date line wrapped in a narrow header cell goes on with on the next line:
# ``Kon Tum, ngày 25`` / ``tháng 01 ...``, ``... tháng 6`` / ``năm 2024``, ``... năm`` / ``2024``,
# ``Phú Tiến,`` / ``ngày 05 ...`` (the joined line must then be a whole date).
_DATE_GOES_ON = regex.compile(r"^(?:(?:\d{1,2}[ ]+)?(?i:tháng)|(?i:năm|ngày)|(?:19|20)\d\d)\b")
_NUMBER_GOES_ON = regex.compile(r"^[\d./…_ ]*/[ ]*\p{L}")


# The first word or two of a place's name, wrapped from the place-and-date line under it (a
# page copied from a web portal breaks lines where its columns were narrow): ``Mỹ`` / ``Tho,
# ngày ...``. In title case: a header column's last word in capitals is no part of a place.
_PLACE_START = regex.compile(r"^\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+)?$")


def _place_wrapped(lines: list[Line], i: int) -> Line | None:
    """Line ``i``, a place-and-date line, with the start of its place's name on the line before
    (see :data:`_PLACE_START`), the two as one line at the same offsets; ``None`` when the line
    before is no such start, or line ``i`` no place-and-date line.

    >>> lines = [Line("Mỹ", 0, 2), Line("Tho, ngày 24 tháng 12 năm 2009", 3, 33)]
    >>> _place_wrapped(lines, 1).text, _place_wrapped(lines, 0)
    ('Mỹ Tho, ngày 24 tháng 12 năm 2009', None)
    >>> _place_wrapped([Line("Hạnh phúc", 0, 9), Line("Hà Nội, ngày 5 tháng 3 năm 2024", 10, 41)], 1)

    The start of a place opens its cell: it follows the header's lines (the number, the Quốc
    hiệu, a rule, a cell's mark), not a trích yếu that ends with a place's name:

    >>> v_v = Line("V/v hỗ trợ cho tỉnh", 0, 19)
    >>> _place_wrapped([v_v, Line("Đắk Nông", 20, 28), Line("Buôn Ma Thuột, ngày 5/3/2023", 29, 57)], 2)
    """
    if i == 0:
        return None
    before, line = lines[i - 1], lines[i]
    if line.start != before.end + 1 or not _PLACE_START.match(before.text) or not line.text[:1].isupper() \
            or classify_line(before.text) is not None or _parse_date_line(line).date is None:
        return None
    if i >= 2 and lines[i - 2].text != "|" \
            and classify_line(lines[i - 2].text) not in ("number", "motto", "motto-part", "rule"):
        return None
    return Line(f"{before.text} {line.text}", before.start, line.end)


def _wrapped(lines: list[Line], i: int, goes_on: regex.Pattern[str]) -> Line | None:
    """Line ``i`` with the next one after it, when the next starts as ``goes_on`` says and
    follows it right after its line end (the two as one line, at the same offsets)."""
    if i + 1 >= len(lines):
        return None
    line, nxt = lines[i], lines[i + 1]
    if nxt.start != line.end + 1 or not goes_on.match(nxt.text):
        return None
    return Line(f"{line.text} {nxt.text}", line.start, nxt.end)


def _take_date(meta: Metadata, found: DateLine, line: Line, warnings: list[Warning]) -> tuple[int, int] | None:
    """The place and date of ``line`` into ``meta`` (a warning when its day and month were
    misread); the date's span."""
    meta.place, meta.date = found.place, found.date
    if found.misread:
        warnings.append(_unreadable_date(line, found.date, line.text))
    return found.span


# A title's last line that names its period: ``Tháng 11 năm 2012``, ``Năm 2025``, ``Quý III năm 2025``.
_PERIOD_LINE = regex.compile(r"^(?:(?:[Tt]háng|[Qq]uý)\s+\w+\s+)?(?:[Nn]ăm|[Gg]iai đoạn|[Nn]hiệm kỳ)\s+[\d–—-]+\s*$")
_LEADING_MARKS = regex.compile(r"^[^\w(“\"]+")
# A speck of the scan read as a quote or a slash before a line's first word (``'Về việc báo
# cáo ...``, ``⁄ Về việc``): no label starts with one.
_SPECK = regex.compile(r"^[‘’'`´⁄]+[ ]*(?=\w)")


def _is_subject(text: str) -> bool:
    """Whether a line is the ``V/v`` (``Về việc``) line of the trích yếu, a speck before it or not."""
    return classify_line(_SPECK.sub("", text)) == "subject"

# Header lines that follow the trích yếu in reading order: what lies between them and a
# ``V/v`` line is still the trích yếu.
_HEADER_AFTER_TITLE = frozenset({"place-date", "addressee", "motto", "motto-part"})


def _header_resumes(lines: list[Line], j: int, within: int = 3) -> bool:
    """Whether the header goes on (place and date, ``Kính gửi``, the Quốc hiệu) within ``within``
    lines after line ``j``, with only short lines of the trích yếu's column between:
    ``V/v chuẩn bị tổ chức triển khai`` / ``Chương trình MTQG phòng, chống ma tuý`` / ``đến năm
    2030`` / ``Hà Nội, ngày ...`` (a scan's left column)."""
    for x in range(j + 1, min(j + 1 + within, len(lines))):
        text = lines[x].text
        kind = classify_line(text)
        if kind in _HEADER_AFTER_TITLE:
            return True
        if kind is not None or _is_upper(text) or len(text) > 80 or _opens_body(text):
            return False
    return False


# The heading of an authority's documents under a gazette's part: a body's name that ends in its
# level, with no place (``HỘI ĐỒNG NHÂN DÂN TỈNH``, ``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH``).
_GAZETTE_AUTHORITY = regex.compile(r"\s(?:tinh|huyen|xa|thanh pho|quan|phuong|thi xa|thi tran)\W*$")


def _goes_on_past(last: str, lines: list[Line], j: int) -> bool:
    """Whether the trích yếu whose last line so far is ``last`` goes on after line ``j``, the
    place and date read between two of its lines as the columns are read line by line:
    ``V/v trả lời đề nghị của`` / ``Hà Nội, ngày 06 tháng 10 năm 2025`` / ``Sở Nội vụ tỉnh Lâm
    Đồng``; the line after the date carries on an open end or starts in lower case.

    >>> ls = [Line(t, 0, 0) for t in ("V/v trả lời đề nghị của", "Hà Nội, ngày 06 tháng 10 năm 2025",
    ...                                 "Sở Nội vụ tỉnh Lâm Đồng", "Kính gửi: Sở Nội vụ")]
    >>> _goes_on_past(ls[0].text, ls, 1), _goes_on_past("V/v trả lời Sở Nội vụ", ls, 1)
    (True, False)
    """
    if j + 1 >= len(lines):
        return False
    nxt = lines[j + 1].text
    return (_open_end(last) or nxt[:1].islower()) and classify_line(nxt) is None and not _opens_body(nxt) \
        and not _is_upper(nxt) and len(nxt) <= 80


def _capital_trich_yeu(lines: list[Line], number_idx: int, k: int) -> bool:
    """Whether line ``k``, under ``Số:`` and opening with a capital (``Tổ chức Hội thi Tin học cho
    cán bộ``, its ``V/v`` in italics lost by the OCR), is the trích yếu: a phrase of words, not
    in capitals, no body text (no full stop, no open end such as ``... văn bản số 45 của``, no
    document number), above the place and date as the left column is read, and the header goes
    on right after it or after one more line of it (place and date, ``Kính gửi``)."""
    text = lines[k].text
    if not text[:1].isupper() or _is_upper(text) or len(text.split()) < 4 or len(text) > 80 \
            or _opens_body(text) or text.rstrip().endswith((".", ";", ":")) or _open_end(text) \
            or _NUMBER_IN_TEXT.search(text) \
            or any(classify_line(lines[j].text) == "place-date" for j in range(number_idx + 1, k)):
        return False
    return _header_resumes(lines, k, within=2)


# ``... văn bản số 45``: a document's number inside a line, which no trích yếu's first line holds.
_NUMBER_IN_TEXT = regex.compile(r"(?i:số)[ ]*\d")


def _starts_issuer_next(lines: list[Line], i: int) -> bool:
    """Whether the first line after ``lines[i]`` that is not blank starts a body's name."""
    nxt = next((ln.text for ln in lines[i + 1:] if ln.text.strip()), "")
    return bool(nxt) and starts_issuer(nxt)


# The words of bodies' names, their fields and the provinces, folded.
_BODY_WORDS = frozenset(fold(word) for phrase in (*HEADER_PHRASES, *AUTHORITIES, *PROVINCES) for word in phrase.split())


_STANDING = frozenset(fold(c) for c in STANDING_COMMITTEES)


def _word_cut_from(word: str, text: str) -> bool:
    """Whether ``word``, a line of one word, is the first word of a body's name that goes on
    in ``text`` (``ỦY`` / ``BAN NHÂN DÂN``): the two start a body's name, the word alone does not.

    >>> _word_cut_from("ỦY", "BAN NHÂN DÂN"), _word_cut_from("VNPT", "VIỄN THÔNG HÀ NỘI")
    (True, False)
    """
    return len(word.split()) == 1 and not starts_issuer(word) and starts_issuer(f"{word} {text}")


def _issuer(lines: list[str]) -> tuple[str | None, str | None]:
    """(issuer, parent issuer) from the header lines above ``Số:``. A body name broken over
    two or three lines (``ỦY BAN NHÂN DÂN`` / ``TỈNH LÂM ĐỒNG``, ``TRUNG TÂM PHỤC VỤ`` /
    ``HÀNH CHÍNH CÔNG``) is one name: a line that does not start a body's name carries on
    the one above it, and so does a line after a word cut from the start of a body's name
    (``ỦY`` / ``BAN NHÂN DÂN``, as a page copied from a web portal breaks it; not ``VNPT`` /
    ``VIỄN THÔNG HÀ NỘI``, a parent named by one word).

    >>> _issuer(["UBND TỈNH LÂM ĐỒNG", "TRUNG TÂM PHỤC VỤ", "HÀNH CHÍNH CÔNG"])
    ('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG', 'UBND TỈNH LÂM ĐỒNG')
    >>> _issuer(["ỦY", "BAN NHÂN DÂN", "TỈNH TIỀN GIANG"])
    ('ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG', None)

    A standing committee's name alone goes on with its body (:data:`~.vocabulary.STANDING_COMMITTEES`):

    >>> _issuer(["THƯỜNG TRỰC", "HĐND - UBND HUYỆN ĐẦM DƠI"])
    ('THƯỜNG TRỰC HĐND - UBND HUYỆN ĐẦM DƠI', None)
    """
    joined: list[str] = []
    for text in lines:
        if joined and (_word_cut_from(joined[-1], text) or fold(joined[-1]) in _STANDING or (
                not starts_issuer(text) and (not names_locality(text) or _BODY_NAME_END.search(joined[-1])))):
            joined[-1] = f"{joined[-1]} {text}"
        else:
            joined.append(text)
    if not joined:
        return None, None
    if len(joined) == 1:
        return joined[0], None
    return joined[-1], joined[-2]


_LOCALITY_WORD = regex.compile(r"(?<=\b(?:tỉnh|huyện|xã|phường|thị trấn|thành phố|quận|thị xã) )(\p{L}+(?: \p{L}+)*)")


def body_name(text: str) -> str:
    """``ỦY BAN NHÂN DÂN XÃ PHÚ TIẾN`` → ``Ủy ban nhân dân xã Phú Tiến``: sentence case, but
    the place name keeps its capitals.

    >>> body_name("ỦY BAN NHÂN DÂN XÃ PHÚ TIẾN"), body_name("ỦY BAN NHÂN DÂN")
    ('Ủy ban nhân dân xã Phú Tiến', 'Ủy ban nhân dân')
    """
    lowered = sentence_case(text)
    if lowered == text:
        return text
    return str(_LOCALITY_WORD.sub(lambda m: " ".join(w[:1].upper() + w[1:] for w in m.group(1).split()), lowered,
                                  count=1))


def _position(text: str) -> str:
    """A signer's position as written in capitals, in sentence case; a known position followed
    by a known body keeps the body's spelling.

    >>> _position("PHÓ CHỦ TỊCH"), _position("CHỦ TỊCH QUỐC HỘI"), _position("P. GIÁM ĐỐC"), _position("PGĐ")
    ('Phó Chủ tịch', 'Chủ tịch Quốc hội', 'Phó Giám đốc', 'PGĐ')
    >>> _position("BỘ TRƯỞNG, CHỦ NHIỆM"), _position("GIÁM ĐỐC KIÊM CHÁNH VĂN PHÒNG")
    ('Bộ trưởng, Chủ nhiệm', 'Giám đốc kiêm Chánh Văn phòng')
    """
    f = fold(text)
    known = _POSITIONS.get(f)
    if known is not None:
        return known
    if (pieces := dual_position(text)) is not None:
        # ``BỘ TRƯỞNG, CHỦ NHIỆM``, ``GIÁM ĐỐC KIÊM ...``: each position, the joiners in lower case.
        return "".join(_POSITIONS[fold(p)] if i % 2 == 0 else p.lower() for i, p in enumerate(pieces))
    short, _, rest = text.strip().partition(" ")
    if short.upper() in TITLE_ABBREVIATIONS and rest.strip():  # ``P. GIÁM ĐỐC``: a deputy's title, abbreviated
        return f"{TITLE_ABBREVIATIONS[short.upper()]} {_position(rest.strip())}"
    if " " not in text.strip() and len(text.strip()) <= 5:  # ``PGĐ``: an abbreviation, as written
        return text.strip()
    head = _position_head(f)
    if head is not None and (body := _AUTHORITIES.get(f[len(head):].strip())) is not None:
        return f"{_POSITIONS[head.strip()]} {body}"
    if text.isupper() and head is not None:
        return _position_words(text)
    return sentence_case(text)


# Words that name a kind of body: after a position, the body's name starts there, and its
# first word after them is capitalised too (``Vụ Tổ chức phi chính phủ``, ``Ban Quản lý các KCN``).
_BODY_HEADS = sorted((fold(h) for h in ("Ban", "Vụ", "Sở", "Cục", "Chi cục", "Tổng cục", "Phòng", "Văn phòng",
                                         "Hội đồng", "Bộ phận", "Trung tâm", "Viện", "Đoàn", "Tổ", "Hội")),
                     key=len, reverse=True)
# A known position whose last word is the kind of its body (``Trưởng ban``): with the body's name
# after it, that word opens the name (``Trưởng Ban Quản lý các KCN``).
_POSITION_OF_HEAD = {fold(p): p.rsplit(" ", 1)[0] for p in POSITIONS
                     if len(p.split()) > 1 and fold(p.rsplit(" ", 1)[1]) in ("ban", "phong")}
_VOWELS = frozenset("aeiouy")
_PROVINCE_FOLDS = {fold(p): p for p in PROVINCES}


def _position_words(text: str) -> str:
    """A longer position in capitals, word by word: the known positions and bodies it holds in
    their spelling, ``kiêm`` in lower case, a body's kind and the first word of its name
    capitalised, the rest in lower case but acronyms (words without a vowel: ``KCN``).

    >>> _position_words("PHÓ BÍ THƯ THƯỜNG TRỰC TỈNH ỦY KIÊM PHÓ BỘ PHẬN THƯỜNG TRỰC")  # cv-368
    'Phó Bí thư Thường trực Tỉnh ủy kiêm Phó Bộ phận Thường trực'
    >>> _position_words("TRƯỞNG BAN QUẢN LÝ CÁC KCN"), _position_words("VỤ TRƯỞNG VỤ TỔ CHỨC PHI CHÍNH PHỦ")
    ('Trưởng Ban Quản lý các KCN', 'Vụ trưởng Vụ Tổ chức phi chính phủ')
    >>> _position_words("PHÓ CHỦ TỊCH HỘI ĐỒNG"), _position_words("GIÁM ĐỐC SỞ NỘI VỤ TỈNH LÂM ĐỒNG")
    ('Phó Chủ tịch Hội đồng', 'Giám đốc Sở Nội vụ tỉnh Lâm Đồng')
    """
    words = text.split()
    folded = [fold(w) for w in words]
    out: list[str] = []
    i, in_name = 0, False
    while i < len(words):
        if folded[i] == "kiem":
            out.append("kiêm")
            i, in_name = i + 1, False
            continue
        place = next((_PROVINCE_FOLDS[p] for k in (3, 2, 1)
                      if (p := " ".join(folded[i:i + k])) in _PROVINCE_FOLDS), None)
        if place is not None and out:
            out.append(place)
            i += place.count(" ") + 1
            continue
        found = None
        if not in_name:
            for k in range(min(6, len(words) - i), 0, -1):
                phrase = " ".join(folded[i:i + k])
                if phrase in _POSITION_OF_HEAD and i + k < len(words) and folded[i + k] != "kiem":
                    found = (k - 1, _POSITION_OF_HEAD[phrase])  # its last word opens the body's name
                    break
                if phrase in _POSITIONS or phrase in _AUTHORITIES:
                    found = (k, _POSITIONS.get(phrase) or _AUTHORITIES[phrase])
                    break
        if found is not None:
            out.append(found[1])
            i += found[0]
            continue
        head = next((h for h in _BODY_HEADS if " ".join(folded[i:i + h.count(" ") + 1]) == h), None) \
            if not in_name else None
        if head is not None:
            n = head.count(" ") + 1
            kind = " ".join(words[i:i + n])
            out.append(kind[:1] + kind[1:].lower())
            if i + n < len(words) and folded[i + n] != "kiem":
                first = words[i + n]
                out.append(first if not _VOWELS & set(folded[i + n]) else first[:1] + first[1:].lower())
                n += 1
            i, in_name = i + n, True
            continue
        word = words[i]
        opens = not out or out[-1] == "kiêm"  # a position's first word
        out.append(word if not _VOWELS & set(folded[i]) else word[:1] + word[1:].lower() if opens else word.lower())
        i += 1
    return " ".join(out)


def _name(text: str) -> str | None:
    """A signer's name as printed under the signature, or None. A name is printed in title case
    and starts with the family name (họ). A name in capitals must open with a known family name,
    accents and all: the seal's print (``TRÔNG TIN`` of ``SỞ THÔNG TIN ...``) and a title
    (``PHÓ VĂN PHÒNG``) name no one; and two words that
    start with a middle name (``Thanh Bình``, ``Văn Diệu``) are a name whose family name the seal
    hid. Names of other peoples' naming (``Kpă Thuyên``, ``Siu Hương``, ``Y Moan``) stand.

    >>> _name("Nguyễn Minh"), _name("NGUYỄN VĂN AN"), _name("Đặng Quang Khanh"), _name("TẤT THÀNH CANG")
    ('Nguyễn Minh', 'Nguyễn Văn An', 'Đặng Quang Khanh', 'Tất Thành Cang')
    >>> _name("Kpă Thuyên"), _name("Siu Hương"), _name("KSOR PHƯỚC")
    ('Kpă Thuyên', 'Siu Hương', 'Ksor Phước')
    >>> _name("TRÔNG TIN"), _name("Thanh Bình"), _name("TỈNH Ủ"), _name("Văn Diệu"), _name("GIÁM ĐỐC SỞ TƯ PHÁP")
    (None, None, None, None, None)
    >>> _name("PHÓ VĂN PHÒNG"), _name("UỶ VIÊN BAN THƯỜNG VỤ"), _name("TỔNG BÍ THƯ")
    (None, None, None)
    """
    f = fold(text)
    if not _NAME.match(text) or f in _POSITIONS or names_issuer(text) \
            or f.startswith(_POSITION_HEADS):
        return None  # ``TỈNH Ủ``: the seal's text; ``GIÁM ĐỐC SỞ TƯ PHÁP``: an office
    words = text.split()
    first = fold(words[0])
    if text.isupper() and words[0].casefold() not in _SURNAMES_CASEFOLDED:
        return None  # ``PHÓ VĂN PHÒNG``, ``UỶ VIÊN BAN THƯỜNG VỤ``: capitals that name no one
    if len(words) == 2 and first in _MIDDLE_NAME_FOLDS:
        return None  # ``Văn Diệu``: the family name under the seal
    if text.isupper():
        return " ".join(w[:1] + w[1:].lower() for w in text.split())
    return text


# A received stamp's handwritten fields read before ``Kính gửi`` (``sø..2€ 7/4 Kính gửi: Sở Kế
# hoạch và Đầu tư.``): a few tokens with no three letters in a row.
_SPECKS_BEFORE = regex.compile(r"^(?:(?=\S*[^\p{L}\s])\S{1,8}[ ]+){1,3}(?=(?i:kính[ ]+gửi))")
_THREE_LETTERS = regex.compile(r"\p{L}{3}")


def _addressee_end(text: str) -> int | None:
    """Where the ``Kính gửi`` label of a line ends (the header rule ``addressee``), also after
    the specks of a stamp over the start of the line; None when the line has none.

    >>> _addressee_end("Kính gửi: Sở Nội vụ"), _addressee_end("sø..2€ 7/4 Kính gửi: Sở Kế hoạch và Đầu tư.")
    (10, 21)
    >>> _addressee_end("Báo cáo gửi Kính gửi: Sở") is None
    True
    """
    if (m := match_line("addressee", text)) is not None:
        return int(m.end())
    # Most lines hold no ``gửi`` (in any case): looked for in C before the pattern runs.
    if "gửi" not in text.lower():
        return None
    specks = _SPECKS_BEFORE.match(text)
    if specks is None or _THREE_LETTERS.search(specks.group()):
        return None
    m = match_line("addressee", text[specks.end():])
    return specks.end() + m.end() if m is not None else None



def _clean_item(text: str) -> str:
    """A recipient without its bullet, trailing punctuation or the signature column glued to it.

    >>> _clean_item("- Lưu: VT, NC. TM. BAN CHỈ ĐẠO")
    'Lưu: VT, NC'
    >>> _clean_item("“Lưu VT OHMT:")  # cv-406-kcn-qhmt-2012-scan: a speck read before it
    'Lưu VT OHMT'
    """
    text = before_signing(text)
    return str(_BULLET.sub("", text.lstrip(_OPENING_SPECKS))).strip().rstrip(";,.:").strip()


# Quotation marks OCR reads before a recipient whose bullet it lost.
_OPENING_SPECKS = "“”\"'`"


# ``- Văn phòng: + LĐVP;``: a recipient and the first of its sub-items on one line.
_SUB_ITEM = regex.compile(r"[:;][ ]*(?=\+[ ]*\p{L})")
_LETTERS = regex.compile(r"[\p{L}\d]{2}")


def _items(text: str) -> list[str]:
    """The recipients a ``Nơi nhận`` or ``Kính gửi`` line holds: one, or a body and its first
    sub-item; none when OCR left only a stray mark.

    >>> _items("- Văn phòng: + LĐVP;"), _items("h"), _items("- C04;")
    (['Văn phòng', 'LĐVP'], [], ['C04'])
    """
    return [item for part in _SUB_ITEM.split(text) if _LETTERS.search(item := _clean_item(part))]


def _can_be_title(text: str) -> bool:
    """Whether a line under a type name can open its title: not a heading (``Chương I``,
    ``Điều 1.``), ``Căn cứ``, ``Kính gửi``."""
    return not _FIRST_LINE_NOT_TITLE.match(text) and parse_heading(text) is None


def _annex_opening(head: list[Line]) -> tuple[str, str | None] | None:
    """The type and the title on its line (see :func:`~.conventions.header.annex_label`) of a
    document whose first line is an annex's label, when no header follows it (a Quốc hiệu,
    ``Số:``, a place and date, a type name): a form's ``Mẫu số 01`` over the header of the
    document it models labels that document, which has a header of its own."""
    label = annex_label(head[0].text) if head else None
    if label is None or any(classify_line(line.text) in ("motto", "motto-part", "number", "place-date")
                            for line in head[1:8]):
        return None
    # A header of its own under the label: an issuer's lines in capitals, then a type name
    # (``Phụ lục 01`` / ``UBND HUYỆN ...`` / ``BÁO CÁO``); a type name right under the label
    # opens the annex's own title (``PHỤ LỤC II`` / ``KẾ HOẠCH TỔ CHỨC HỘI NGHỊ``).
    for k, line in enumerate(head[1:5], start=1):
        if classify_line(line.text) == "doc-type":
            return None if k > 1 else label
        if not _is_upper(line.text):
            break
    return label


# A header's cells run together on one line, as a web page's table copied as text gives them
# (``ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH ------- Số: 31/BC-UBND | CỘNG HÒA ... ------------ Đông
# Anh, ngày 14 tháng 3 năm 2022 |``): the short rules and the cells' end marks part them.
_CELL_BREAK = regex.compile(r"[ \t]+(?:-{4,}|_{4,}|\|)(?:[ \t]+|$)")
# The first lines of a document, where such a header stands.
_HEAD_CELLS = 40


def _cells_apart(lines: list[Line]) -> list[Line]:
    """The lines with each one that holds a header's cells run together (see
    :data:`_CELL_BREAK`) cut into its cells, at the same offsets; a line is cut only when it
    opens in capitals (an issuer, the Quốc hiệu) and a cell after is a ``Số:``, a place-and-date
    line or the Quốc hiệu.

    >>> head = "UBND HUYỆN ĐÔNG ANH ----- Số: 31/BC-UBND | Đông Anh, ngày 14/3/2022 |"
    >>> [(x.text, head[x.start:x.end] == x.text) for x in _cells_apart([Line(head, 0, len(head))])]
    [('UBND HUYỆN ĐÔNG ANH', True), ('Số: 31/BC-UBND', True), ('Đông Anh, ngày 14/3/2022', True)]
    >>> [x.text for x in _cells_apart([Line("STT | Nội dung | Kết quả", 0, 24)])]
    ['STT | Nội dung | Kết quả']
    """
    out: list[Line] = []
    for line in lines:
        if "|" not in line.text and "----" not in line.text and "____" not in line.text:
            out.append(line)  # (no cell mark nor rule: most lines)
            continue
        cells: list[Line] = []
        at = 0
        for m in [*_CELL_BREAK.finditer(line.text), None]:
            end = m.start() if m is not None else len(line.text)
            piece = line.text[at:end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                cells.append(Line(piece.strip(), line.start + at + lead, line.start + at + lead + len(piece.strip())))
            if m is not None:
                at = m.end()
        if len(cells) > 1 and (_is_upper(cells[0].text) or classify_line(cells[0].text) == "motto") \
                and any(classify_line(c.text) in ("number", "place-date", "motto") for c in cells[1:]):
            out.extend(cells)
        else:
            out.append(line)
    return out


def extract_metadata(text: str) -> MetadataResult:
    """Header, title, recipients and signer of the document in ``text``."""
    lines = _lines(text)
    lines = _cells_apart(lines[:_HEAD_CELLS]) + lines[_HEAD_CELLS:]
    meta = Metadata()
    warnings: list[Warning] = []
    number_span = date_span = None
    head = lines[:40]
    type_idx = None
    number_idx = date_idx = None
    issuer_lines: list[str] = []
    issuer_closed = False
    gazette_authority = -1  # the line of the issuing authority's heading in a gazette
    last_issuer = -2  # the index of the last issuer line
    identity_title: str | None = None
    type_rest: str | None = None
    for i, line in enumerate(head):
        kind = classify_line(line.text)
        if number_idx is None and meta.date is None and (part := gazette_part(line.text)) is not None:
            # A document reprinted in the Công báo: the gazette's part (``PHẦN VĂN BẢN KHÁC``) and
            # the heading of the issuing authority's documents, on its line or the next (``CHỦ
            # TỊCH ỦY BAN NHÂN DÂN TỈNH``: a level with no place), stand above the document's own
            # header; neither is its issuer.
            issuer_lines.clear()
            gazette_authority = i + 1 if part == "" else -1
            continue
        if i == gazette_authority and _GAZETTE_AUTHORITY.search(fold(line.text)):
            continue
        if (parse_heading(line.text) is not None and kind != "number") or kind in ("addressee", "recipients") \
                or (_OPENS_BODY.match(line.text) and not line.text[:1].islower()):
            # The body has begun: the header block is over. A line in lower case goes on the one
            # above (``V/v Tổng kết 6 năm (2007-2012)`` / ``thực hiện chính sách ...``).
            break
        if number_idx is None and kind == "number" and (m := match_line("number", line.text)):
            number_idx = i
            if not line.text[m.start("value"):].strip() and (whole := _wrapped(head, i, _NUMBER_GOES_ON)) \
                    and (joined := match_line("number", whole.text)) is not None:
                line, m, number_idx = whole, joined, i + 1  # ``Số:`` / ``06/2024/QĐ-UBND``
            number_span, after = _number_line(meta, line, m)
            if after is not None:
                date_span = _take_date(meta, after, line, warnings)
                date_idx = number_idx
            continue
        if meta.date is None:
            if (placed := _place_wrapped(head, i)) is not None:
                line = placed  # ``Mỹ`` / ``Tho, ngày 24 tháng 12 năm 2009``
            place_date = _parse_date_line(line)
            if place_date.date is None and (whole := _wrapped(head, i, _DATE_GOES_ON)) is not None \
                    and (joined_date := _parse_date_line(whole)).date is not None and not joined_date.misread:
                date_span = _take_date(meta, joined_date, whole, warnings)  # ``Kon Tum, ngày 25`` / ``tháng 01 ...``
                date_idx = i + 1
                continue
            if place_date.date is not None:
                date_span = _take_date(meta, place_date, line, warnings)
                date_idx = i
                continue
        if i == 0 and (label := _annex_opening(head)) is not None:
            # ``PHỤ LỤC`` / ``PHÂN CÔNG THỰC HIỆN ...``: an annex has no header; its label is its type.
            meta.doc_type, type_rest = label
            type_idx = i
            break
        if type_idx is None and (dt := doc_type_of(line.text)):
            meta.doc_type = dt
            type_idx = i
            break
        if type_idx is None and (number_idx is not None or date_idx is not None) \
                and (named := type_name_and_title(line.text)) is not None:
            # ``BÁO CÁO CÔNG TÁC PHÒNG, CHỐNG THAM NHŨNG``: the trích yếu begins on the type's line;
            # unless the number names another type: then the line is the trích yếu of a copy
            # that lost its type name's line (``QUY ĐỊNH MỨC CHI ...`` under ``Số: 09/2024/NQ-HĐND``).
            numbered = _number_type(meta) if meta.number is not None and meta.number.type_code else None
            other = numbered is not None and not fold(named[0]).startswith(fold(numbered)) \
                and not fold(numbered).startswith(fold(named[0]))  # (a Thông báo kết luận is a Thông báo)
            meta.doc_type, type_rest = (numbered, line.text) if other else named
            type_idx = i
            break
        if kind == "identity" and type_idx is None and meta.number is None \
                and (ident := identity_line(line.text)) is not None \
                and ident["doc_type"] is not None:
            # ``CHỈ THỊ SỐ 15/2008/CT-TTG NGÀY 12 THÁNG 5 NĂM 2008 [VỀ ...]``: all in one line.
            meta.doc_type = ident["doc_type"]
            type_idx = i
            number_span, date_span, subject = _identity(meta, line, ident, warnings)
            if subject:
                identity_title = subject
            break
        # Two header columns read as one line: the issuer stands left of the Quốc hiệu.
        left = left_of_motto(line.text) or line.text
        if kind == "rule" and last_issuer == i - 1 and not _starts_issuer_next(head, i):
            # The short rule right under the issuer's name ends it: capitals further down are a
            # title (``ĐỀ CƯƠNG VÀ DỰ TOÁN``), not more of the issuer; a body's name after the rule
            # is the issuer under its parent, read in another order (``BỘ CÔNG AN`` / rule / ``CỤC ...``).
            issuer_closed = True
        # A copy's sheet has ``SAO LỤC`` where the Quốc hiệu stands: no part of the issuer. A
        # table's row (cells joined by tabs) is no issuer either, nor a line of one or two letters
        # that no body's name holds (``Q``, ``TA``: what OCR reads in a seal's edge or a mark
        # beside the header; not a name's last word wrapped, ``VỤ`` of ``BỘ NỘI`` / ``VỤ``), nor
        # a document's symbol (``52/2018/QĐ-UBND``: a web portal's data table above the header).
        if number_idx is None and meta.date is None and _is_upper(left) and not issuer_closed \
                and kind not in ("rule", "motto", "motto-part") and not has_mark("copy-stamp", left) \
                and "\t" not in left and (sum(c.isalpha() for c in left) > 2 or fold(left).strip() in _BODY_WORDS) \
                and not (left[:1].isdigit() and parse_own_number(left) is not None):
            issuer_lines.append(left)
            last_issuer = i
    if issuer_lines:
        meta.issuer, meta.parent_issuer = _issuer(issuer_lines)

    # Title (trích yếu): the lines after the type name, or a ``V/v`` line under ``Số:``.
    # ``NGHỊ ĐỊNH`` / ``CỦA CHÍNH PHỦ SỐ 37/2007/NĐ-CP NGÀY 09 THÁNG 3 NĂM 2007`` / ``VỀ ...``.
    title_from = type_idx
    if type_idx is not None and meta.number is None and type_idx + 1 < len(lines) \
            and (ident := identity_line(lines[type_idx + 1].text)) is not None and ident["doc_type"] is None:
        number_span, date_span, subject = _identity(meta, lines[type_idx + 1], ident, warnings)
        identity_title = subject
        title_from = type_idx + 1
    elif type_idx is not None and meta.number is None and type_idx + 1 < len(lines) \
            and (below := match_line("number", lines[type_idx + 1].text)) is not None:
        # ``GIẤY PHÉP XÂY DỰNG`` / ``Số: 19.2012/GPXD``: the number under the type name (no
        # part of the title, read or not), the place and date after it when they share its line.
        number_idx = title_from = type_idx + 1
        number_span, after = _number_line(meta, lines[number_idx], below)
        if after is not None and meta.date is None:
            date_span = _take_date(meta, after, lines[number_idx], warnings)
            date_idx = number_idx
    body_start_line = max(i for i in (title_from, number_idx, date_idx, -1) if i is not None) + 1
    title_lines: list[str] = [identity_title] if identity_title else [type_rest] if type_rest else []
    if title_from is not None and not identity_title:
        for k in range(title_from + 1, min(title_from + 6, len(lines))):
            t = lines[k].text
            if classify_line(t) == "rule":
                if title_lines:
                    body_start_line = k + 1
                    break
                continue
            open_end = bool(title_lines) and _open_end(title_lines[-1])
            # A title in capitals goes on in capitals (``KHẢO SÁT PHỤC VỤ ...`` / ``XÂY DỰNG ...``),
            # up to the issuing authority's line above the Căn cứ (``CHÍNH PHỦ``, ``BỘ TRƯỞNG ...``);
            # a body's name goes on with it when the title's subject follows in lower case (a
            # Party conference's ``HỘI NGHỊ LẦN THỨ BẢY`` / ``BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHOÁ XVI)``
            # / ``về xây dựng hệ thống ...``).
            in_caps = bool(title_lines) and _is_upper(t) and _is_upper(title_lines[-1]) \
                and parse_heading(t) is None and classify_line(t) is None and not is_position(t) \
                and (not names_issuer(t) or names_locality(t)
                     or (k + 1 < len(lines) and _SUBJECT_NEXT.match(lines[k + 1].text) is not None))
            if title_lines and (_is_upper(t) or _opens_body(t) or not t[:1].islower()) and not (
                    open_end and not _opens_body(t)) and not _PERIOD_LINE.match(t) and not in_caps:
                break
            if not title_lines and _FIRST_LINE_NOT_TITLE.match(t):
                break
            if not title_lines and classify_line(t) == "issued-with" and k + 1 < len(lines) \
                    and _can_be_title(lines[k + 1].text):
                # ``QUY CHẾ`` / ``(Ban hành kèm theo Quyết định số ...)`` / ``Tổ chức và hoạt động ...``;
                # with no title after it (``Chương I``) the line stands for one.
                continue
            title_lines.append(t)
            body_start_line = k + 1
    elif number_idx is not None and (above := _subject_above(lines, number_idx)):
        # The V/v lines above ``Số:`` (a DOCX header cell that holds them first).
        title_lines.extend(above)
        meta.doc_type = meta.doc_type or _number_type(meta) or "Công văn"
    elif number_idx is not None:
        for k in range(number_idx + 1, min(number_idx + 5, len(lines))):
            if _is_subject(lines[k].text):
                title_lines.append(lines[k].text)
                meta.doc_type = meta.doc_type or _number_type(meta) or "Công văn"
                body_start_line = k + 1
                # ``V/v báo cáo đề nghị công nhận`` / ``chức danh các Hội ...``: the lines of the
                # trích yếu go on in lower case (or after an open end) up to the place and date;
                # a line with a capital (``Tỉnh ủy quản lý``) when the header goes on after it.
                for j in range(k + 1, min(k + 5, len(lines))):
                    nxt = lines[j]
                    if classify_line(nxt.text) == "place-date" and _goes_on_past(title_lines[-1], lines, j):
                        continue  # the date's line read between two of the trích yếu's (two columns)
                    header_next = _header_resumes(lines, j)
                    if classify_line(nxt.text) is not None or _opens_body(nxt.text) \
                            or not (nxt.text[:1].islower() or _open_end(title_lines[-1])
                                    or (header_next and not _is_upper(nxt.text) and len(nxt.text) <= 80)):
                        break
                    title_lines.append(nxt.text)
                    body_start_line = max(body_start_line, j + 1)
                break
        else:
            # A Công văn whose trích yếu under ``Số:`` has no ``V/v`` (or OCR lost it): its
            # lines go on up to the place and date or ``Kính gửi``.
            for k in range(number_idx + 1, min(number_idx + 4, len(lines))):
                kind = classify_line(lines[k].text)
                if kind in ("place-date", "rule", "motto", "motto-part"):
                    continue
                if kind is None and _is_upper(lines[k].text) and k + 1 < len(lines) \
                        and (_addressee_end(nxt_text := lines[k + 1].text) is not None or _opens_body(nxt_text)
                             or (_is_upper(nxt_text) and names_issuer(nxt_text) and not names_locality(nxt_text))) \
                        and not names_issuer(lines[k].text) and parse_heading(lines[k].text) is None \
                        and not has_mark("handling", lines[k].text):
                    # ``MỜI HỌP UBND TỈNH`` / ``Kính gửi:``: a heading in capitals stands for the
                    # type name and trích yếu of a Giấy mời whose number names its type; and a
                    # copy that lost the type name's line has its trích yếu right above the
                    # authority's name or the first ``Căn cứ`` (``BAN HÀNH QUY ĐỊNH ...`` /
                    # ``ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH``).
                    title_lines.append(lines[k].text)
                    body_start_line = max(body_start_line, k + 1)
                    break
                if kind is None and (_TRICH_YEU.match(lines[k].text) or _capital_trich_yeu(lines, number_idx, k)):
                    for nxt in lines[k: k + 5]:
                        if nxt is not lines[k] and (classify_line(nxt.text) is not None or _opens_body(nxt.text)
                                                    or _is_upper(nxt.text) or title_lines[-1].endswith(".")):
                            break
                        title_lines.append(nxt.text)
                        body_start_line = max(body_start_line, lines.index(nxt) + 1)
                    meta.doc_type = meta.doc_type or _number_type(meta) or "Công văn"
                break
    if title_lines:
        # ``... chức danh và chữ ký :`` / ``Phó Giám đốc Sở ...``: a colon that opens the next line goes.
        title = " ".join([t.removesuffix(" :") for t in title_lines[:-1]] + title_lines[-1:])
        title = _LEADING_MARKS.sub("", title)  # ``⁄ Về việc ...``: a speck the OCR read before it
        if title.startswith("(") and title.endswith(")"):  # ``(V/v ...)`` under the type name
            title = title[1:-1]
        if subject := match_line("subject", title):
            title = title[subject.end():]
        title = title.strip()
        meta.title = title[:1].upper() + title[1:] if title else None

    meta.doc_type = meta.doc_type or _number_type(meta)
    if meta.number is not None and meta.doc_type is not None:
        if meta.number.type_code is None and (typed := parse_own_number(meta.number.raw, meta.doc_type)) is not None \
                and typed.type_code is not None:
            # ``Số: 1961/QĐUBND`` over ``QUYẾT ĐỊNH``: the type's code glued to the issuer's
            # (repair ``missing-hyphen``), as a citation's is read with its type word.
            meta.number = typed
        meta.number = with_type_code(meta.number, meta.doc_type)
    if meta.number is not None and meta.date is not None:
        # ``Số: 180/KH/UBND`` of a document of 2025: the older layout's slash is a slip.
        meta.number = dated_number(meta.number, meta.date.year)

    if meta.date is None and meta.number is None and type_idx is not None:
        # A cover page's place and year at its foot, under the title (``Phú Thọ, 2012``).
        cover = _cover_place_year(lines[body_start_line: body_start_line + _COVER_LINES])
        if cover is not None:
            meta.place, meta.date, date_span = cover

    # Recipients and signer, from the end.
    body_end = len(text)
    recipients: list[str] = []
    noi_nhan_line = None
    listed_from = None  # where the Nơi nhận items start among the recipients
    addressed = False
    for i, line in enumerate(lines):
        if i < body_start_line:
            continue
        if (kg_end := _addressee_end(line.text)) is not None:
            addressed = True
            recipients.extend(_items(line.text[kg_end:]))
            previous = line.text
            # Word's list numbering draws the ``-`` of every item or of none: once one is in the
            # text, an unbulleted line is no item (``Tình hình dịch ... phức tạp.`` opens the body).
            bulleted = bool(_BULLET.match(line.text[kg_end:].lstrip()))
            for nxt in lines[i + 1: i + 15]:
                if _OPENS_BODY.match(item := _BULLET.sub("", nxt.text)) and not item[:1].islower():
                    # ``- Căn cứ Bộ luật lao động ...``: the body's grounds, bulleted as items are (in
                    # lower case, ``thực hiện ...`` goes on the item above).
                    break
                if recipients and nxt.text[:1].islower() and not previous.rstrip().endswith((";", ".", ":")) \
                        and len(nxt.text.split()) <= 12 and classify_line(nxt.text) is None:
                    # An item broken over lines (``- Thành viên Ban Điều hành Chương trình hỗ trợ`` /
                    # ``pháp lý cho doanh nghiệp trên địa bàn tỉnh;``): its line goes on in lower case.
                    recipients[-1] = f"{recipients[-1]} {_clean_item(nxt.text)}"
                    previous = nxt.text
                    continue
                # Items are bulleted, or (unbulleted) short lines that are not body text, or
                # items whose ``-`` Word's list numbering drew (not in the text) that the list's
                # punctuation still shows.
                if not _BULLET.match(nxt.text) and (
                        _BODY_START.match(nxt.text) or len(nxt.text.split()) > 12 or nxt.text.endswith(".")
                        or classify_line(nxt.text) is not None or not nxt.text[:1].isupper()) \
                        and (bulleted or _opens_body(nxt.text)
                             or not _bullet_lost(nxt.text, previous, ADDRESSEE_ITEM_WORDS)):
                    break
                bulleted = bulleted or bool(_BULLET.match(nxt.text))
                recipients.extend(_items(nxt.text))
                previous = nxt.text
        if (nn := match_line("recipients", line.text)) \
                and not _field_name(line.text, nn, lines[i - 1: i] if i else [], lines[i + 1: i + 2]):
            body_end = min(body_end, line.start)
            noi_nhan_line = i
            listed_from = len(recipients)
            on_label = _items(line.text[nn.end():])
            recipients.extend(on_label)
            # A speck read after the label (``Nơi nhận: v``) leaves the list opening there.
            previous = line.text if on_label else "Nơi nhận:"
            for nxt in lines[i + 1: i + 40]:
                if classify_line(nxt.text) == "copy-kind":
                    previous = ";"  # ``Bản điện tử:``: a sub-heading of the list, which goes on
                    continue
                if recipients and _item_goes_on(nxt.text, previous):
                    # ``- Bà Bùi Thu Hằng, chuyên viên Vụ Địa phương -`` / ``Văn phòng Chính phủ (mời dự);``
                    comma = "," if previous.rstrip().endswith(",") else ""
                    recipients[-1] = f"{recipients[-1]}{comma} {_clean_item(nxt.text)}"
                    previous = nxt.text
                    continue
                if not _BULLET.match(nxt.text) and not _bullet_lost(nxt.text, previous) \
                        and not (previous.rstrip().endswith((";", ":")) and _STANDARD_RECIPIENT.match(nxt.text)):
                    break
                recipients.extend(_items(nxt.text))
                previous = nxt.text
            break
    if noi_nhan_line is None and (unlabelled := _unlabelled_recipients(lines, body_start_line)) is not None:
        # ``Nơi nhận:`` lost (under a stamp, beside the signature): the list still ends the body.
        first, items = unlabelled
        body_end = min(body_end, lines[first].start)
        noi_nhan_line = first - 1
        listed_from = len(recipients)
        recipients.extend(items)
    if listed_from is not None:
        # ``Như trên (Báo cáo``: the bracket of a Nơi nhận item, left open at its end, closes it.
        recipients[listed_from:] = [f"{r})" if _UNCLOSED.search(r) else r for r in recipients[listed_from:]]
    if not addressed and meta.doc_type == "Công văn":
        recipients[:0] = _unlabelled_addressees(lines[body_start_line: body_start_line + 10])
    meta.recipients = recipients
    meta.signer, sig_start = _signer(lines, body_start_line, noi_nhan_line, text)
    if sig_start is not None:
        body_end = min(body_end, sig_start)
    if meta.number is not None and meta.number.number is None:
        warnings.append(Warning(code="blank-document-number", message=f"the document number is blank: Số: "
                                f"{meta.number.raw}", start=number_span[0] if number_span else None,
                                end=number_span[1] if number_span else None))
    body_start = lines[body_start_line].start if body_start_line < len(lines) else len(text)
    return MetadataResult(meta, number_span, date_span, body_start, body_end, warnings)


def _identity(meta: Metadata, line: Line, ident: Identity,
              warnings: list[Warning]) -> tuple[tuple[int, int], tuple[int, int], str | None]:
    """Number, date and author from an identity title line into ``meta``; the spans of the
    number and the date in the text, and the trích yếu the line goes on with. A date that is no
    calendar day (``NGÀY 31 THÁNG 2 NĂM 2008``) keeps its year and month, with a warning, as a
    date line's does (:func:`_parse_date_line`)."""
    number = line.text[slice(*ident["number"])]
    meta.number = parse_own_number(number, meta.doc_type)
    written = line.text[slice(*ident["date"])]
    d = NUMERIC.search(written)
    w = WORDED.search("ngày " + written)
    if w is not None:
        meta.date, misread = _document_date(int(w.group("y")), int(w.group("m")), int(w.group("d")))
        if misread:
            warnings.append(_unreadable_date(line, meta.date, written))
    elif d is not None and (found := date_at(written, d.start())) is not None:  # a calendar day only
        meta.date = found[0]
    if ident["issuer"] is not None and meta.issuer is None:
        meta.issuer = ident["issuer"]
    subject = line.text[slice(*ident["subject"])] if ident["subject"] else None
    return ((line.start + ident["number"][0], line.start + ident["number"][1]),
            (line.start + ident["date"][0], line.start + ident["date"][1]), subject)


def _subject_above(lines: list[Line], number_idx: int) -> list[str]:
    """A ``V/v`` trích yếu standing above the ``Số:`` line, with its lines in lower case."""
    for k in range(max(0, number_idx - 6), number_idx):
        if _is_subject(lines[k].text):
            rest = [ln.text for ln in lines[k + 1: number_idx]]
            if all(t[:1].islower() for t in rest):
                return [lines[k].text, *rest]
            return []
    return []


# A ``Kính gửi`` item names bodies in full, often several under one head (``Các sở: Thông tin
# và Truyền thông, Nông nghiệp và Phát triển nông thôn, Xây dựng, Nội vụ;``): longer than a
# ``Nơi nhận`` item, shorter than a paragraph of the body.
ADDRESSEE_ITEM_WORDS = 30


def _unlabelled_addressees(lines: list[Line]) -> list[str]:
    """The ``Kính gửi`` list of a Công văn whose label is missing (a received stamp hid it): the
    items (``-``, short, ending in ``;`` or, the last, ``.``) right under its header, before the
    body, each naming an addressee (a body, ``Các ...``, ``Thường trực ...``, ``Đồng chí ...``):
    a body that opens with bullets (``- Giao Sở Tài chính chủ trì ...``) is no such list.

    >>> _unlabelled_addressees([Line("- Các Sở, cơ quan thuộc UBND tỉnh;", 0, 0),
    ...     Line("- UBND các huyện, thành phố.", 0, 0), Line("Tiếp tục thực hiện ...", 0, 0)])
    ['Các Sở, cơ quan thuộc UBND tỉnh', 'UBND các huyện, thành phố']
    >>> _unlabelled_addressees([Line("- Căn cứ Luật Tổ chức chính quyền địa phương;", 0, 0)])
    []
    >>> _unlabelled_addressees([Line("- Giao Sở Tài chính chủ trì thực hiện;", 0, 0),
    ...     Line("- Giao UBND các huyện phối hợp thực hiện.", 0, 0)])
    []
    """
    items: list[str] = []
    for line in lines:
        text = line.text
        if not items and classify_line(text) in ("place-date", "rule", "motto", "motto-part"):
            continue  # the header's last lines (the place and date under the trích yếu)
        item = _BULLET.sub("", text)
        if not _BULLET.match(text) or not text.endswith((";", ".")) or len(text.split()) > ADDRESSEE_ITEM_WORDS \
                or _opens_body(item) or classify_line(text) is not None \
                or not (starts_issuer(item) or fold(item).startswith(_ADDRESSEE_OPENINGS)):
            break
        items.extend(_items(text))
        if text.endswith("."):
            return items
    return []  # no list closed with its full stop


_ADDRESSEE_OPENINGS = tuple(fold(w) + " " for w in ADDRESSEE_OPENINGS)


def _item_goes_on(text: str, previous: str) -> bool:
    """Whether an unbulleted line of ``Nơi nhận`` carries on the item above, which its line did
    not end (no ``;``, ``.`` or ``:``; a ``-`` or ``(`` left open): a short line that is no
    part of the signature (signing line, position in capitals, name).

    >>> _item_goes_on("Văn phòng Chính phủ (mời dự);", "- Bà Bùi Thu Hằng, chuyên viên Vụ Địa phương -")
    True
    >>> _item_goes_on("CHÁNH VĂN PHÒNG", "- Lưu: VT, TH"), _item_goes_on("Nguyễn Đức Kha", "- Lưu VT")
    (False, False)
    >>> _item_goes_on("Văn phòng Chính phủ;", "- Như trên;")
    False

    After ``Lưu``, the archive copy and the list's last item, comes the drafter's mark (``Hà``):

    >>> _item_goes_on("Hà", "- Lưu: Văn thư, CCHC (5b)")
    False

    After a comma the item is open whatever the line's length (a list of a body's units
    wrapped, its lines joined: ``- VPCP: BTCN, các PCN, Website CP,`` / ``BĐH 112, Người phát
    ngôn của TTgCP, các Vụ, Cục, đơn vị trực thuộc, Công báo;``), up to twice the words:

    >>> _item_goes_on("BĐH 112, Người phát ngôn của TTgCP, các Vụ, Cục, đơn vị trực thuộc, Công báo;",
    ...               "- VPCP: BTCN, các PCN, Website CP,")
    True
    """
    most = 2 * _ITEM_WORDS if previous.rstrip().endswith(",") else _ITEM_WORDS
    return not _BULLET.match(text) and not previous.rstrip().endswith((";", ".", ":")) \
        and not _BULLET.sub("", previous).lower().startswith("lưu") \
        and len(text.split()) <= most and classify_line(text) is None and not _is_upper(text) and _name(text) is None


# The words of a line of ``Nơi nhận`` that carries on the item above (a longer line is text).
_ITEM_WORDS = 12


# Items every ``Nơi nhận`` may hold, and no other line starts with: one is an item even with
# its bullet and its end lost (``Như trên (Báo cáo`` right under ``Nơi nhận:``).
_STANDARD_RECIPIENT = regex.compile(
    rf"^[{regex.escape(_OPENING_SPECKS)}]?(?:Như trên|Như kính gửi|Như Điều \d|Lưu[ ]*:|Lưu[ ]+VT\b)")
# A bracket opened before a word and left open at the item's end (``Như trên (Báo cáo``), not
# one the OCR read inside a word (``UBMTT(Q`` for ``UBMTTQ``).
_UNCLOSED = regex.compile(r"(?:^|[ ])\((?=[^()]*\w)[^()]*$")
# The body's closing mark (``./.``), a speck the OCR read after it or not.
_CLOSING = regex.compile(r"\./\.[ ]*\S{0,2}$")


def _unlabelled_recipients(lines: list[Line], body_start_line: int) -> tuple[int, list[str]] | None:
    """A ``Nơi nhận`` list whose label was not read: bulleted items (under a ``Bản điện tử:``
    sub-heading or not), each ended by ``;`` or ``.``, right after the body's closing ``./.``
    and right before the signing line (``KT. TRƯỞNG BAN``) or the position. The index of the
    first item and the items; None when there is no such list."""
    for i in range(len(lines) - 2, body_start_line - 1, -1):
        if not _CLOSING.search(lines[i].text):
            continue
        items: list[str] = []
        # One item at least must be a recipient's as only a Nơi nhận has them (``Lưu``, ``Như
        # trên``, ``Lãnh đạo Ban``) or a ``Bản điện tử:`` sub-heading stand there: a Giấy mời's
        # ``- Thời gian: ...;`` / ``- Địa điểm: ...`` before its signature is no list of recipients.
        known = False
        for k in range(i + 1, min(i + 20, len(lines))):
            text = lines[k].text
            if classify_line(text) == "copy-kind":
                known = True
                continue
            if _BULLET.match(text) and text.rstrip().endswith((";", ".")) and len(text.split()) <= 15:
                items.extend(_items(text))
                known = known or _recipient_like(_BULLET.sub("", text))
                continue
            signs = ((m := match_line("signing", text)) is not None and _is_upper(text[m.start("rest"):])) \
                or (_is_upper(text) and fold(text) in _POSITIONS)
            return (i + 1, items) if signs and known and len(items) >= 2 else None
        return None
    return None


def _recipient_like(item: str) -> bool:
    """An item only a Nơi nhận holds: ``Như trên``, ``Lưu: VT``, a recipient every office
    writes (``Lãnh đạo Ban``, :data:`RECIPIENT_PHRASES`)."""
    folded = fold(item)
    return bool(_STANDARD_RECIPIENT.match(item)) or folded.startswith("luu") \
        or any(folded.startswith(p) for p in _RECIPIENT_PHRASE_FOLDS)


_RECIPIENT_PHRASE_FOLDS = tuple(fold(p) for p in RECIPIENT_PHRASES)


def _bullet_lost(text: str, previous: str, max_words: int = 15) -> bool:
    """A recipient whose ``-`` the OCR lost (``Chủ tịch và các PCT.UBND tỉnh (b/c);`` after
    ``- Như trên;``, ``Lưu VT.`` right under ``Nơi nhận:``): the line above ends with ``;`` (the
    list goes on) or ``:`` (the list or a sub-list opens), and this one is a short item of its
    own, not the signing line or another part of the document.

    >>> _bullet_lost("Lưu VT.", "Nơi nhận:"), _bullet_lost("GIÁM ĐỐC", "Nơi nhận:")
    (True, False)
    """
    return previous.rstrip().endswith((";", ":")) and text.rstrip().endswith((";", ".")) \
        and len(text.split()) <= max_words and not _is_upper(text) and classify_line(text) is None


def _number_type(meta: Metadata) -> str | None:
    """The type the document's own number names (``666/TB-STTTT``: Thông báo), if any."""
    if meta.number is None:
        return None
    return doc_type_of_number(meta.number.type_code, meta.number.convention,
                              has_issuer=meta.number.issuer_code is not None, year=meta.number.year)


_KNOWN_NAMES = frozenset(fold(p) for p in HEADER_PHRASES)


def _known_signing_name(text: str) -> bool:
    """A body's name or a position the conventions know, as it stands after a signing mark."""
    f = fold(text)
    return f in _POSITIONS or f in _AUTHORITIES or f in _KNOWN_NAMES or is_position(text)


def _signing_wrapped(rest: str, lines: list[Line], i: int) -> str | None:
    """The body or position after a signing mark on line ``i`` (``rest``) with the word or two
    the line under it carries on with, when the two together make a name the conventions know
    and ``rest`` alone does not (``TM. ỦY BAN NHÂN`` / ``DÂN``, ``KT. CHỦ`` / ``TỊCH``: a page
    copied from a narrow column).

    >>> lines = [Line("TM. ỦY BAN NHÂN", 0, 15), Line("DÂN", 16, 19), Line("CHỦ TỊCH", 20, 28)]
    >>> _signing_wrapped("ỦY BAN NHÂN", lines, 0), _signing_wrapped("ỦY BAN NHÂN DÂN", lines, 0)
    ('ỦY BAN NHÂN DÂN', None)
    """
    if i + 1 >= len(lines) or _known_signing_name(rest):
        return None
    nxt = lines[i + 1]
    if nxt.start != lines[i].end + 1 or len(nxt.text.split()) > 2 or not _is_upper(nxt.text):
        return None
    whole = f"{rest} {nxt.text.strip()}"
    return whole if _known_signing_name(whole) else None


def _signer(lines: list[Line], body_start_line: int, noi_nhan_line: int | None,
            doc_text: str = "") -> tuple[Signer | None, int | None]:
    """Signing authority, position and name: near ``Nơi nhận`` when there is one (an
    appendix may follow the signature), else in the last lines of the document."""
    candidates = list(range(len(lines) - 1, max(body_start_line, len(lines) - 25) - 1, -1))
    if noi_nhan_line is None:
        # No ``Nơi nhận``: the signature still follows the body's closing ``./.`` when annexed
        # forms come after it (``... thi hành Nghị định này./.`` / ``TM. CHÍNH PHỦ`` / ``Mẫu 1``).
        for end in [i for i in range(len(lines) - 1, body_start_line - 1, -1) if lines[i].text.endswith("./.")][:3]:
            candidates += [i for i in range(end + 1, min(end + 8, len(lines))) if i not in candidates]
    if noi_nhan_line is not None:
        near = range(min(len(lines) - 1, noi_nhan_line + 40), max(body_start_line, noi_nhan_line - 15) - 1, -1)
        candidates = list(near) + [i for i in candidates if i not in near]
    for i in candidates:
        text = lines[i].text
        m = match_line("signing", text) if text[:1].isupper() else None
        if m and _is_upper(text[m.start("rest"):]):
            rest = text[m.start("rest"):].strip()
            after = i + 1
            if (whole := _signing_wrapped(rest, lines, i)) is not None:
                rest, after = whole, i + 2  # ``TM. ỦY BAN NHÂN`` / ``DÂN``
            auth = text[m.start("auth"):m.end("auth")].upper().replace("/", "")
            if auth == "Q":
                # ``Q. GIÁM ĐỐC``: an acting head signs in their own (acting) position.
                signer = Signer(position=f"Quyền {_position(rest)}")
                _fill_signer(signer, lines[after:], position_known=True, text=doc_text)
                return signer, lines[i].start
            authority = f"{auth}."
            signer = Signer(authority=authority if authority in SIGNING_AUTHORITIES else None)  # type: ignore[arg-type]
            signer.on_behalf_of = _position(rest) if fold(rest) in _POSITIONS or is_position(rest) \
                else _AUTHORITIES.get(fold(rest)) or body_name(rest)
            _fill_signer(signer, lines[after:], text=doc_text)
            if signer.position is None and signer.name and authority == "TM." and signer.on_behalf_of:
                signer.position = _position_in_text(signer.name, signer.on_behalf_of, doc_text)
            return signer, lines[i].start
    for i in candidates:
        text = lines[i].text
        # ``CHỦ TỊCH``, or ``Chủ tịch`` under the body's name; ``BỘ TRƯỞNG, CHỦ NHIỆM``.
        if fold(text) in _POSITIONS or is_position(text):
            signer = Signer(position=_position(text))
            _fill_signer(signer, lines[i + 1:], position_known=True, text=doc_text)
            return signer, lines[i].start
    # ``PHÓ BÍ THƯ THƯỜNG TRỰC TỈNH ỦY`` / ``Kiêm`` / ``PHÓ BỘ PHẬN THƯỜNG TRỰC``: a position
    # with the body it heads, in capitals, after ``Nơi nhận`` (or in the last lines).
    for i in candidates:
        text = lines[i].text
        if (i <= noi_nhan_line if noi_nhan_line is not None else i < len(lines) - 12) \
                or not _is_upper(text) or len(text.split()) > 10 or not fold(text).startswith(_POSITION_HEADS):
            continue
        parts, k = [_position(text)], i + 1
        while k + 1 < len(lines) and fold(lines[k].text) == "kiem" and _is_upper(lines[k + 1].text):
            parts += ["kiêm", _position(lines[k + 1].text)]
            k += 2
        signer = Signer(position=" ".join(parts))
        _fill_signer(signer, lines[k:], position_known=True, text=doc_text)
        return signer, lines[i].start
    # A statement signed by its declarant: ``NGƯỜI KHAI`` / ``Trưởng Ban Quản lý các KCN`` /
    # ``Nguyễn Anh Quyền``: the lines between the label and the name are the position.
    for i in candidates:
        if classify_line(lines[i].text) != "declarant":
            continue
        between: list[str] = []
        for line in lines[i + 1:i + 5]:
            name = _name(line.text)
            if name is not None:
                return Signer(position=" ".join(between) or None, name=name), lines[i].start
            text = line.text.strip()
            # ``(Ký và ghi rõ họ tên)``, ``(Đã ký)``: what the form asks for, not a position.
            if classify_line(text) != "signed-mark" and not text.startswith("("):
                between.append(text)
        # No name under the label: what stands there is no position either.
        return Signer(), lines[i].start
    # A record signed by the parties (biên bản): ``Đại diện ...`` columns with the names under
    # them; the first column signs first.
    for i in sorted(candidates):
        first = lines[i].text.split("\t")[0].strip()
        if classify_line(first) == "representative" and i + 1 < len(lines):
            name = _name(lines[i + 1].text.split("\t")[0].strip())
            return Signer(position=first, name=name), lines[i].start
    # The position lost under the seal (``Nơi nhận`` ... / ``sị SƠ`` / ``Trần Văn Lộc``): the
    # name right under the recipients and the seal's specks, whole (a family name and two more,
    # not in capitals as a heading is), still says who signed. Any other line ends the search:
    # a list or a form after the letter (``DANH SÁCH ...`` / ``Họ và tên`` / a name) names no signer.
    if noi_nhan_line is not None:
        for i in range(noi_nhan_line + 1, min(noi_nhan_line + 12, len(lines))):
            text = lines[i].text
            # ``Thiếu tướng Trương Minh Đương``: a rank before the name.
            rank, rest = _ranked(text)
            name = _name(rest)
            if name is not None and not _is_upper(text) and fold(name.split()[0]) in _SURNAME_FOLDS \
                    and len(name.split()) >= 3:
                return Signer(name=name, rank=rank), lines[i].start
            if not (_BULLET.match(text) or text.rstrip().endswith((";", ".")) or _seal_speck(text)
                    or classify_line(text) == "copy-kind" or _STANDARD_RECIPIENT.match(text)):
                break
    return None, None


def _ranked(text: str) -> tuple[str | None, str]:
    """The rank a line opens with (as the vocabulary spells it) and the rest of the line.

    >>> _ranked("Thiếu  tướng Trương Minh Đương"), _ranked("Trương Minh Đương")
    (('Thiếu tướng', 'Trương Minh Đương'), (None, 'Trương Minh Đương'))
    """
    words = text.split()
    for rank, n, folded in _RANK_FOLDS:
        if len(words) > n and fold(" ".join(words[:n])) == folded:
            return rank, " ".join(words[n:])
    return None, text.strip()


_RANK_FOLDS = [(rank, len(rank.split()), fold(rank)) for rank in RANKS]


def _seal_speck(text: str) -> bool:
    """A line of a seal's print read as a few short tokens (``sị SƠ``).

    >>> _seal_speck("sị SƠ"), _seal_speck("DANH SÁCH TRÚNG TUYỂN"), _seal_speck("Họ và tên")
    (True, False, False)
    """
    words = text.split()
    return len(words) <= 3 and all(len(w) <= 3 for w in words) and not any(w.casefold() in _NAME_STOP_WORDS
                                                                            for w in words)


# Short words of a line of text (``Họ và tên``), which no seal's speck reads as.
_NAME_STOP_WORDS = frozenset({"họ", "và", "tên", "stt", "tt"})


_SIGNED_AFTER = regex.compile(r"\s*[-–—]?\s*\((?:Đã|đã) ký\)\s*$|\s+[-–—]\s*(?:Đã|đã) ký\s*$")


def _office_elsewhere(signer: Signer, text: str) -> bool:
    """Whether a line in capitals under a ``TM.`` or ``KT.`` line is the signer's office elsewhere
    (printed over the name) rather than their position in this signature: under ``KT.`` anything
    but a deputy's title; under ``TM.`` a position followed by another body's name (``GIÁM ĐỐC SỞ
    TƯ PHÁP`` under ``TM. BAN ĐIỀU HÀNH``).

    >>> _office_elsewhere(Signer(authority="KT.", on_behalf_of="Trưởng ban"), "GIÁM ĐỐC SỞ TƯ PHÁP")
    True
    >>> _office_elsewhere(Signer(authority="KT.", on_behalf_of="Bộ trưởng"), "THỨ TRƯỞNG")
    False
    >>> _office_elsewhere(Signer(authority="TM.", on_behalf_of="Ban điều hành"), "GIÁM ĐỐC SỞ TƯ PHÁP")
    True
    >>> _office_elsewhere(Signer(authority="TM.", on_behalf_of="Ủy ban nhân dân"), "CHỦ TỊCH")
    False
    """
    f = fold(text)
    if signer.authority == "KT.":
        return not is_deputy(text)
    if signer.authority != "TM.":
        return False
    # Only a position followed by another body's name is an office elsewhere (``CHỦ TỊCH HĐND
    # TỈNH`` under ``TM. HỘI ĐỒNG NHÂN DÂN`` is this body's).
    head = _position_head(f)
    if head is None:
        return False
    rest = text[len(head):].strip()
    return starts_issuer(rest) and not _same_body(rest, signer.on_behalf_of or "")


def _same_body(a: str, b: str) -> bool:
    """Whether two names of a body are one (``HĐND TỈNH`` and ``Hội đồng nhân dân``): compared
    folded, with the bodies' abbreviations spelt out, the shorter within the longer.

    >>> _same_body("HĐND TỈNH", "Hội đồng nhân dân"), _same_body("SỞ TƯ PHÁP", "Ban điều hành")
    (True, False)
    """
    x, y = (" ".join(_BODY_ABBREVIATIONS.get(w, w) for w in fold(t).split()) for t in (a, b))
    return bool(x and y) and (x in y or y in x)


_BODY_ABBREVIATIONS = {fold(short): fold(name) for short, name in BODY_ABBREVIATIONS.items()}


_TITLE_WORD = regex.compile(r"^\p{Lu}\p{Ll}+$")


# ``Đậu Xuân Bảo – Phó Chủ tịch Hội đồng: ...``: a name, a dash and what follows it up to the clause's end.
_NAME_DASH = r"(?<!\w){name}[ ]*[-–—][ ]*(?P<what>[^,;:()\n.]{{3,60}})"


def _position_in_text(name: str, body: str, text: str) -> str | None:
    """The position a signer under ``TM. <body>`` holds in that body, when the seal hid the
    position line: the one way the text names the signer (``Name – position``) that is a known
    position and names the body (``Phó Chủ tịch Hội đồng`` under ``TM. HỘI ĐỒNG THẨM ĐỊNH``, where
    ``Phó Giám đốc, ...`` is another office of the same person); None unless exactly one does.

    >>> _position_in_text("Đậu Xuân Bảo", "Hội đồng thẩm định",
    ...                   "Đ/c Đậu Xuân Bảo - Phó Giám đốc, Thủ trưởng; Đậu Xuân Bảo – Phó Chủ tịch Hội đồng: Căn cứ")
    'Phó Chủ tịch Hội đồng'
    """
    head = " ".join(fold(body).split()[:2])
    found = set()
    for m in regex.finditer(_NAME_DASH.format(name=regex.escape(name)), text):
        what = m.group("what").strip()
        folded = fold(what)
        if head in folded and folded.startswith(_POSITION_HEADS):
            found.add(what[:1].upper() + what[1:])
    return found.pop() if len(found) == 1 else None


def _named_in_text(line: str, text: str) -> str | None:
    """The whole name of a signer whose family name the seal hid (``Văn Diệu``) or spoilt
    (``NghÖ Văn Diệu``) when the document names exactly one person with those given names and a
    known family name (starting with the same letter as the spoilt one): letters often list
    their signer among the people they name.

    >>> _named_in_text("NghÖ Văn Diệu", "1\tNguyễn Văn Diệu\tNam\t1956")
    'Nguyễn Văn Diệu'
    >>> _named_in_text("NghÖ Văn Diệu", "Ông Trần Văn Diệu") is None
    True
    """
    words = line.split()
    if len(words) == 2 and all(_TITLE_WORD.match(w) for w in words) and _name(line) is None:
        given, initial = words, None
    elif 3 <= len(words) <= 4 and words[0][:1].isupper() and not _TITLE_WORD.match(words[0]) \
            and all(_TITLE_WORD.match(w) for w in words[1:]):
        given, initial = words[1:], fold(words[0][:1])
    else:
        return None
    found = {m.group(1) for m in regex.finditer(rf"(?<!\w)(\p{{Lu}}\p{{Ll}}*) {regex.escape(' '.join(given))}(?!\w)",
                                               text)
             if fold(m.group(1)) in _SURNAME_FOLDS and (initial is None or fold(m.group(1)).startswith(initial))}
    return f"{found.pop()} {' '.join(given)}" if len(found) == 1 else None


def _fill_signer(signer: Signer, after: list[Line], position_known: bool = False, text: str = "") -> None:
    elsewhere = False
    for k, line in enumerate(after[:12]):
        t = _SIGNED_AFTER.sub("", line.text)  # ``Trần Văn Truyền – Đã ký``: the copy's mark after the name
        if fold(t).startswith(("phu luc", "noi nhan", "bieu mau", "mau so")):
            break  # an appendix or another block starts: the name was not printed
        # ``KT. CHỦ TỊCH`` / ``NGUYỄN VĂN AN``: a name in capitals (a known family name opens it) is the name.
        if not position_known and signer.position is None and _is_upper(t) and len(t.split()) <= 8 \
                and _name(t) is None:
            if _office_elsewhere(signer, t):
                elsewhere = True  # the position line was lost: the name still follows
                continue
            signer.position = _position(t)
            continue
        rank, rest = _ranked(t)
        name = _name(rest) or _named_in_text(t, text)
        # ``T/M BAN BÍ THƯ`` / ``Trần Cẩm Tú``: a Party signature may give no position.
        if name and (signer.position is not None or elsewhere or (k == 0 and signer.authority is not None)):
            signer.name = name
            signer.rank = rank
            break
