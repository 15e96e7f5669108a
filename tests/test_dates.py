"""Dates, months, years and periods: one assertion per real form."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from vnreport_extract import parse_text
from vnreport_extract.extract.dates import extract_dates, month_first
from vnreport_extract.models import PartialDate


@pytest.mark.parametrize(("text", "kind", "iso"), [
    ("ngày 26/11/2021", "date", "2021-11-26"),
    ("ngày 05/4/2022", "date", "2022-04-05"),
    ("ngày 26-11-2021", "date", "2021-11-26"),
    ("ngày 26.11.2021", "date", "2021-11-26"),
    ("ngày 18 tháng 5 năm 2021", "date", "2021-05-18"),
    ("Phú Tiến, ngày tháng 5 năm 2023", "month", "2023-05"),
    ("Lâm Đồng, ngày … tháng 12 năm 2025", "month", "2025-12"),
    ("Kế hoạch số /KH-UBND ngày /12/2025", "month", "2025-12"),
    ("trong tháng 5 năm 2023", "month", "2023-05"),
    ("trước tháng 5/2023", "month", "2023-05"),
    ("Hiến pháp năm 2013", "year", "2013"),
])
def test_forms(text: str, kind: str, iso: str) -> None:
    [d] = extract_dates(text)
    assert (d.kind, d.value.iso) == (kind, iso)


@pytest.mark.parametrize(("text", "start", "until"), [
    ("công tác dân vận giai đoạn 2021 – 2026", 2021, 2026),
    ("“Định Hóa chung sức” giai đoạn 2021-2025", 2021, 2025),
    ("thực hiện từ năm 2021 đến năm 2025", 2021, 2025),
    ("Chương trình giai đoạn 2026 - 2030", 2026, 2030),
    ("Chiến lược thời kỳ 2021 đến 2030", 2021, 2030),
])
def test_periods(text: str, start: int, until: int) -> None:
    [d] = extract_dates(text)
    assert (d.kind, d.value.year, d.until and d.until.year) == ("period", start, until)


def test_partial_date_fields() -> None:
    [d] = extract_dates("ngày   tháng 5 năm 2023")
    assert d.value.model_dump() == {"year": 2023, "month": 5, "day": None, "iso": "2023-05"}


def test_numbers_inside_symbols_are_not_dates() -> None:
    text = "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018"
    skip = [(13, 26)]
    assert [d.value.iso for d in extract_dates(text, skip)] == ["2018-04-23"]


def test_invalid_calendar_values_are_not_dates() -> None:
    assert extract_dates("mã số 45/13/2020 và 1.460.970") == []


def test_durations_are_not_dates() -> None:
    assert extract_dates("Trong 4 tháng đầu năm, UBND xã") == []


def test_a_year_followed_by_den_is_not_a_period_without_its_head() -> None:
    assert [(d.kind, d.value.iso) for d in extract_dates("năm 2021 đến 2025")] == [("year", "2021")]


def test_impossible_calendar_days_are_not_dates() -> None:
    assert extract_dates("ngày 30/02/2023 và 31.04.2023") == []
    assert [d.value.iso for d in extract_dates("ngày 29/02/2024")] == ["2024-02-29"]
    # A list of days with one impossible day among them is not read as days of that month.
    assert [d.raw for d in extract_dates("ngày 12, 40 và 16/11/2012")] == ["16/11/2012"]


def test_days_before_a_date_that_cross_into_its_month_are_not_given_its_month() -> None:
    # ``30, 31`` are of December 2012, the ``1/1/2013`` after them of January.
    assert [d.value.iso for d in extract_dates("Nghỉ Tết các ngày 30, 31 và 1/1/2013")] == ["2013-01-01"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ngày 26, 27/12/2011 tập huấn tại Sở", ["2011-12-26", "2011-12-27"]),  # Kế hoạch STTTT Phú Thọ 2011
    ("Chiều ngày 28/12 và cả ngày 29/12/2011", ["2011-12-28", "2011-12-29"]),
    ("từ ngày 29/6 đến ngày 09/7/2026", ["2026-06-29", "2026-07-09"]),
    # Thể lệ Hội thi Tin học, Sở TT&TT Bắc Giang 2012 (cv-298-stttt-cntt-2012-scan)
    ("Dự kiến tổ chức thi ngày 04 và 05 tháng 10 năm 2012 (02 ngày)", ["2012-10-04", "2012-10-05"]),
    # Giấy mời 289/GM-UBND, UBND tỉnh Bắc Giang 2012 (gm-289-gm-ubnd-2012-scan): two days before.
    ("Ngày 14, 15 và 16/11/2012, UBND tỉnh tổ chức Hội nghị", ["2012-11-14", "2012-11-15", "2012-11-16"]),
])
def test_day_and_month_take_the_year_of_the_date_after(text: str, expected: list[str]) -> None:
    assert [d.value.iso for d in extract_dates(text) if d.kind == "date"] == expected


@pytest.mark.parametrize(("text", "value", "until"), [
    ("trong quý I/2025", "2025-01", "2025-03"),  # Tờ trình 3367/TTr-SNV Bình Thuận 2024
    ("Quý IV/2024", "2024-10", "2024-12"),
    ("quý 2 năm 2023", "2023-04", "2023-06"),
    ("6 tháng đầu năm 2012", "2012-01", "2012-06"),
    ("6 tháng cuối năm 2012", "2012-07", "2012-12"),
    # tb-20-tb-stttt-2012-scan.pdf: the first half, as in a report of ``9 tháng năm``
    ("Hoàn thành cơ sở dữ liệu BCVT năm 2011 và 6 tháng năm 2012", "2012-01", "2012-06"),
])
def test_quarters_and_parts_of_a_year_are_periods(text: str, value: str, until: str) -> None:
    [d] = [d for d in extract_dates(text) if d.kind == "period"]
    assert (d.value.iso, d.until and d.until.iso) == (value, until)


@pytest.mark.parametrize("text", ["tỷ lệ 19/63 tỉnh đạt", "2/3 số xã, năm 2020", "10 tháng đầu năm"])
def test_ratios_and_yearless_parts_are_not_dates(text: str) -> None:
    assert [d for d in extract_dates(text) if d.kind in ("date", "period")] == []


@pytest.mark.parametrize(("text", "raw"), [
    ("Kết quả 11 tháng đầu năm 2024, UBND xã", "11 tháng đầu năm 2024"),
    ("đến hết 9 tháng\ncuối năm 2023", "9 tháng\ncuối năm 2023"),
    ("mã A6 tháng đầu năm 2012", None),
    ("111 tháng đầu năm 2012", None),
    ("Trong 06 tháng đầu năm 2025, lực lượng", "06 tháng đầu năm 2025"),  # cv-3980-c04-p6-2025-scan.pdf
    ("ngày 15 tháng 6 năm 2012", None),  # a date: the month after tháng
    ("12 tháng năm 2012", None),  # the whole year is no part of it
    ("thời gian thực hiện khoảng 2 tháng năm 2025 (từ tháng 3 đến tháng 4)", None),  # a length of time
    ("gửi tiết kiệm kỳ hạn 1 tháng năm 2012", None),
])
def test_part_of_a_year_spans_its_count(text: str, raw: str | None) -> None:
    periods = [d.raw for d in extract_dates(text) if d.kind == "period"]
    assert periods == ([raw] if raw else [])


@pytest.mark.parametrize(("text", "raw", "value", "until"), [
    # qd-294-qd-tw-2025.pdf (Quy định thi hành Điều lệ Đảng), 5.2.4 and 5.2.6
    ("sông Bến Hải trở vào (từ tháng 7/1954 đến tháng 12/1973) nếu chỉ có một người giới thiệu",
     "từ tháng 7/1954 đến tháng 12/1973", "1954-07", "1973-12"),
    ("và trong kháng chiến chống Mỹ (từ tháng 7/1954 đến ngày 30/4/1975) từ phía Nam sông Bến Hải",
     "từ tháng 7/1954 đến ngày 30/4/1975", "1954-07", "1975-04-30"),
    # bc-cchc-nam-2025.docx (Báo cáo cải cách hành chính năm 2025, Lâm Đồng)
    ("Cuộc thi diễn ra từ ngày 12/11/2025 đến ngày 25/12/2025. Ngoài ra",
     "từ ngày 12/11/2025 đến ngày 25/12/2025", "2025-11-12", "2025-12-25"),
    # cv-1139-bdh-2012-scan.pdf: ``đến hết ngày``, to the end of that day
    ("(Số liệu báo cáo tính từ ngày 01/01/2012 đến hết ngày 30/11/2012).",
     "từ ngày 01/01/2012 đến hết ngày 30/11/2012", "2012-01-01", "2012-11-30"),
    # cv-4552-bca-c04-2025-scan.pdf: ``ngày`` read by OCR without its accent
    ("địa bàn không ma tuý; kỳ đánh giá từ ngày 15/12/2023 đến ngay 14/12/2024. Số liệu",
     "từ ngày 15/12/2023 đến ngay 14/12/2024", "2023-12-15", "2024-12-14"),
])
def test_a_range_between_months_or_days_is_a_period(text: str, raw: str, value: str, until: str) -> None:
    dates = extract_dates(text)
    [period] = [d for d in dates if d.kind == "period"]
    assert (period.raw, period.value.iso, period.until and period.until.iso) == (raw, value, until)
    # Its ends stay mentions of their own.
    assert [d.value.iso for d in dates if d.kind != "period"] == [value, until]


@pytest.mark.parametrize("text", [
    "hoạt động bí mật (từ tháng 02/1951 trở về trước), sau đó",  # qd-294-qd-tw-2025.pdf, 5.2.5
    "ngày 31/12/2025 đến ngày 01/01/2025",
])
def test_no_period_without_both_ends_in_order(text: str) -> None:
    assert [d for d in extract_dates(text) if d.kind == "period"] == []


def test_a_date_is_a_value_shared_by_its_mentions() -> None:
    # ``ngày 18/5/2021 ... ngày 18/5/2021``: one date, mentioned twice.
    first, second = extract_dates("ngày 18/5/2021 và ngày 18/5/2021")
    assert first.value is second.value and first.value.iso == "2021-05-18"


def test_a_shared_date_cannot_be_changed_through_one_mention() -> None:
    first, _ = extract_dates("ngày 18/5/2021 và ngày 18/5/2021")
    with pytest.raises(ValidationError):
        first.value.day = 19


def test_a_text_whose_lower_case_is_longer_finds_its_worded_dates_all_the_same() -> None:
    # ``İ`` lowers to two characters: the forms that open with a word are then found by pattern.
    found = extract_dates("NGÀY 18 THÁNG 5 NĂM 2021, Quý III/2025, 6 tháng đầu năm 2012 (İ)")
    assert [(d.kind, d.value.iso) for d in found] == [("date", "2021-05-18"), ("period", "2025-07"),
                                                      ("period", "2012-01")]


@pytest.mark.parametrize(("text", "months"), [
    # tb-20-tb-stttt-2012-scan, the ``Thời gian hoàn thành`` column of its task tables (OCR rows)
    ("1\tGiải quyết 90% HS tr 7 lên đúng và trư ?c thời hạn\t12/2012\n2\tTham mưu ban hành văn bản",
     ["2012-12"]),
    ("6\tHoàn thành cơ sở dữ liệu BCXB năm 201 và 6 tháng năm 2012\t10)%\t9/2012\n4. Thanh tra Sở", ["2012-09"]),
    ("3\tTham mưu chuân bị 01 Dự án đầu tư về CNTT\t01 Dzán\t8/2012\n4_\tChuẩn hoá", ["2012-08"]),
    ("\tTham mưu ban hành ít nhất 10 VB\tTháng 6/2012 12/2012\n", ["2012-06", "2012-12"]),
    ("Biên tập và phát hành CSDL TT&TT 2006-2010\tHoàn thà :h 100%\tTháng 10/2012 4/2012\n", ["2012-10", "2012-04"]),
    ("Giải quyết 90% HS trở lên đúng và tr rớc thời hạn\tTháng mạ 12/2012\n2", ["2012-12"]),
])
def test_a_month_year_that_ends_a_table_cell_is_a_month(text: str, months: list[str]) -> None:
    assert [d.value.iso for d in extract_dates(text) if d.kind == "month"] == months


@pytest.mark.parametrize("text", [
    "trước 12/2012 và",  # running text: a document's number as well as a month
    "a\tsố 12/2012\n",
    "a\tNghị định 12/2012\n",
    "a\ttỷ lệ 19/63\n",
    # A cell with words before it: a type code and its number, a map's scale.
    "1\tQĐ 12/2012\tUBND tỉnh\n",
    "1\tĐo đạc\tTỷ lệ 1/2000\n",
    # ``1/2000`` alone in a cell: a scale column (tỷ lệ) of plans and surveys.
    "1\tBản đồ địa chính tỷ lệ\t1/2000\n",
])
def test_a_bare_month_year_elsewhere_is_no_month(text: str) -> None:
    assert [d for d in extract_dates(text) if d.kind == "month"] == []


# cv-406 (Bắc Giang 2012): its sampling plan's table, typed in a spreadsheet, writes the day's
# date month first in every row: ``Sáng 11/16/2012``.
_PLAN_ROWS = ("STT\tĐơn vị\tThời gian\n1\tCông ty A\tSáng 11/16/2012\n2\tCông ty B\tChiều 11/16/2012\n"
              "3\tCông ty C\tSáng {other}\n")


def test_a_table_column_written_month_first_is_read_so_throughout() -> None:
    dates = extract_dates(_PLAN_ROWS.format(other="11/5/2012"))
    assert [(d.value.iso, month_first(d)) for d in dates] == \
        [("2012-11-16", True), ("2012-11-16", True), ("2012-11-05", True)]


def test_a_column_with_a_date_only_day_first_reads_is_left_day_first() -> None:
    # 16/11/2012 can only be day first: the column is mixed; its month-first dates are no dates.
    assert [d.value.iso for d in extract_dates(_PLAN_ROWS.format(other="16/11/2012"))] == ["2012-11-16"]


def test_a_lone_date_only_month_first_reads_is_no_date() -> None:
    # One such date, in a cell or in running text, is as likely a slip as the US order.
    assert extract_dates("1\tCông ty PTHT KCN Bắc Giang\tSáng 11/16/2012") == []
    assert extract_dates("Họp ngày 12/13/2025 tại Sở.") == []


def test_a_numbered_list_with_tabs_is_not_flipped_by_one_slip() -> None:
    text = "1.\tNgày 05/4/2012 họp.\n2.\tNgày 12/13/2012 xét.\n3.\tĐến ngày 01/10/2012 xong."
    assert [d.value.iso for d in extract_dates(text)] == ["2012-04-05", "2012-10-01"]


def test_running_text_stays_day_first_beside_a_month_first_table() -> None:
    dates = extract_dates(_PLAN_ROWS.format(other="11/16/2012") + "Họp ngày 11/5/2012 tại Ban.")
    assert [d.value.iso for d in dates][-1] == "2012-05-11"


def test_numbers_no_reading_makes_a_date_are_none() -> None:
    # cv-4409 (Lâm Đồng 2025): a stamp read by OCR as 45/40/2025.
    assert extract_dates("ký ngày 45/40/2025") == []


def test_a_cited_documents_date_in_a_month_first_column_is_read_so() -> None:
    report = parse_text("STT\tVăn bản\n1\tCông văn số 12/UBND-VX ngày 11/16/2012\n"
                        "2\tCông văn số 13/UBND-VX ngày 11/19/2012\n3\tCông văn số 14/UBND-VX ngày 11/5/2012\n")
    assert [(c.symbol, c.date.iso if c.date else None) for c in report.citations] == \
        [("12/UBND-VX", "2012-11-16"), ("13/UBND-VX", "2012-11-19"), ("14/UBND-VX", "2012-11-05")]


def test_a_column_read_month_first_is_one_warning() -> None:
    report = parse_text(_PLAN_ROWS.format(other="11/5/2012"))
    assert [(w.code, report.text[w.start:w.end]) for w in report.warnings if w.start is not None] == \
        [("date-month-first", "11/16/2012")]


def test_months_that_share_their_year_are_each_a_month() -> None:
    # de-cuong (Phú Thọ 2012), its schedule's cell: ``Tháng 11, 12/2012``.
    assert [(d.raw, d.value.iso) for d in extract_dates("1\tLập đề cương\tTháng 11, 12/2012\n")] == [
        ("Tháng 11", "2012-11"), ("12/2012", "2012-12")]


def test_a_quarter_with_a_hyphen_before_its_year() -> None:
    # de-cuong: ``báo giá thị trường quý III-2012``.
    [d] = extract_dates("báo giá thị trường quý III-2012")
    assert (d.kind, d.value.iso, d.until and d.until.iso) == ("period", "2012-07", "2012-09")


def test_a_day_before_a_month_is_no_list_of_months() -> None:
    assert [d.value.iso for d in extract_dates("ngày 30 tháng 11, 12/2012")] == []


# A number typed against its word, the space lost: tt-2442-2007's annex (``ngày 13 tháng11 năm
# 2007``), a council's resolution copied from a PDF (``ngày 30 tháng11 năm 2011``).
@pytest.mark.parametrize(("text", "iso"), [
    ("(Ban hành kèm theo Thông tư số 2442/2007/TT-TTCP ngày 13 tháng11 năm 2007)", "2007-11-13"),
    ("Báo cáo số 187/BC-UBND ngày 30 tháng11 năm 2011 của Ủy ban nhân dân tỉnh", "2011-11-30"),
    ("Hà Nội, ngày30 tháng 11 năm2011", "2011-11-30"),
    ("kết quả tháng11 năm 2011", "2011-11"),
])
def test_a_number_typed_against_its_date_word_is_read(text: str, iso: str) -> None:
    assert [d.value.iso for d in extract_dates(text)] == [iso]


def test_days_that_share_a_glued_month_are_each_a_date() -> None:
    assert [d.value.iso for d in extract_dates("ngày 04 và 05 tháng10 năm 2012")] == ["2012-10-04", "2012-10-05"]


@pytest.mark.parametrize("line", ["Phú Tiến, ngày 15 tháng    năm 2023", "Phú Tiến, ngày 15 tháng ... năm 2023"])
def test_a_day_whose_month_is_blank_dates_the_year(line: str) -> None:
    # The month left blank (or unread on a scan): the date is the year's, the day dropped.
    report = parse_text(f"ỦY BAN NHÂN DÂN\nXÃ PHÚ TIẾN\nSố: 12/BC-UBND\n{line}\nBÁO CÁO\nKết quả năm 2023\n"
                        "Căn cứ Kế hoạch số 12/KH-UBND ngày 15 tháng   năm 2023 của UBND huyện.")
    assert (report.metadata.date, [c.date for c in report.citations]) == \
        (PartialDate(year=2023, iso="2023"), [PartialDate(year=2023, iso="2023")])


@pytest.mark.parametrize(("fields", "why"), [
    ({"year": 2023, "month": 2, "day": 29}, "day 29 is not a day of month 2 of 2023"),
    ({"year": 2023, "month": 4, "day": 31}, "day 31 is not a day of month 4 of 2023"),
    ({"year": 2023, "month": 13}, "month 13 is not 1 to 12"),
    ({"year": 2023, "month": 0}, "month 0 is not 1 to 12"),
    ({"month": 5, "day": 32}, "day 32 is not a day of month 5"),
    ({"year": 2023, "day": 5}, "day 5 is given without its month"),  # iso would say 2023 alone
    ({"year": 0}, "year 0 is not 1 to 9999"),
    ({"year": 2023, "month": 5, "day": 15, "iso": "2023-05-16"}, "iso '2023-05-16' is not the date's '2023-05-15'"),
])
def test_a_date_record_holds_only_a_calendar_date(fields: dict[str, int | str], why: str) -> None:
    # Read back from JSON too: a report whose dates say 2023-02-29 is refused, not carried on.
    with pytest.raises(ValidationError, match=why):
        PartialDate(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(("fields", "iso"), [
    ({"year": 2024, "month": 2, "day": 29, "iso": "2024-02-29"}, "2024-02-29"),  # a leap year
    ({"month": 2, "day": 29}, None),  # no year: it may be one
    ({"year": 2023, "month": 5}, None),  # no iso given: none checked
])
def test_a_calendar_date_record_is_taken(fields: dict[str, int | str], iso: str | None) -> None:
    assert PartialDate(**fields).iso == iso  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "read"), [
    # Two days of one month: each a date, the two a period.
    ("Ngày 5-6/3/2024, đoàn kiểm tra", [("5", "2024-03-05", None), ("5-6/3/2024", "2024-03-05", "2024-03-06"),
                                       ("6/3/2024", "2024-03-06", None)]),
    # A day before đến a whole date takes its month and year, and từ makes the two a period.
    ("Từ ngày 01 đến ngày 15/3/2024, xã tổ chức", [("Từ ngày 01 đến ngày 15/3/2024", "2024-03-01", "2024-03-15"),
                                                  ("01", "2024-03-01", None), ("15/3/2024", "2024-03-15", None)]),
    ("Ngày 5 – 6/12/2024", [("5", "2024-12-05", None), ("5 – 6/12/2024", "2024-12-05", "2024-12-06"),
                            ("6/12/2024", "2024-12-06", None)]),  # spaced dash: the span takes its second day
    ("Ngày 6-5/3/2024", []),  # days that run backwards are no span
    ("ngày 30 đến ngày 15/3/2024", [("15/3/2024", "2024-03-15", None)]),  # nor are these
])
def test_a_span_of_days_of_one_month(text: str, read: list[tuple[str, str, str | None]]) -> None:
    assert [(d.raw, d.value.iso, d.until and d.until.iso) for d in extract_dates(text)] == read


@pytest.mark.parametrize(("text", "told"), [
    ("Hạn chót 31/4/2024 phải nộp hồ sơ.", "'31/4/2024'"),
    ("trước ngày 45/40/2025 để tổng hợp", "'45/40/2025'"),  # cv-4409-bca-c04-2025 (scan): a misread day
    ("cuộc họp ngày 30 tháng 02 năm 2024 họp", "'ngày 30 tháng 02 năm 2024'"),
    ("Ngày 12/25/2024 họp.", "'12/25/2024'"),  # month first, alone: not a column's, so not read so
])
def test_a_date_that_names_no_calendar_day_is_told_not_dropped_silently(text: str, told: str) -> None:
    report = parse_text(text)
    assert [d.kind for d in report.dates if d.kind == "date"] == []
    assert [w.message.split(" names")[0] for w in report.warnings if w.code == "date-not-in-calendar"] == [told]


@pytest.mark.parametrize("text", [
    "Hà Nội, ngày 31 tháng 02 năm 2024\nBÁO CÁO",  # the document's own: the header's warning tells it
    "ngày 29/02/2024 và 15/10/2025",
])
def test_no_calendar_warning_for_a_real_day_or_the_documents_own(text: str) -> None:
    assert [w.code for w in parse_text(text).warnings if w.code == "date-not-in-calendar"] == []


def test_extract_dates_tells_what_of_an_impossible_date_it_read() -> None:
    from vnreport_extract import extract_dates as public_extract_dates

    found = public_extract_dates("Hạn chót 31/4/2024, chậm nhất ngày 30 tháng 02 năm 2024.")
    assert [w.message for w in found.warnings] == [
        "'31/4/2024' names no calendar day: not read as a date",
        "'ngày 30 tháng 02 năm 2024' names no calendar day: only 'tháng 02 năm 2024' is read (2024-02)"]
