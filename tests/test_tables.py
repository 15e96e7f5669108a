"""Tables: generic cells and satisfaction tables recognised by their labels."""

from __future__ import annotations

import pytest

from vnreport_extract import build_table, parse_text
from vnreport_extract.conventions.numbering import NOT_ROW_LABELS, ROW_LABEL, ROW_LABEL_EXAMPLES
from vnreport_extract.extract.tables import cell_number, table_title
from vnreport_extract.models import LevelCount

SEED_HEADER = ["STT", "Tên lĩnh vực", "Phiếu đánh giá hài lòng", "Tỷ lệ", "Phiếu đánh giá rất hài lòng", "Tỷ lệ",
               "Phiếu đánh giá Bình thường", "Tỷ lệ", "Phiếu đánh giá không hài lòng", "Tỷ lệ"]


def test_labels_not_column_order_decide_levels() -> None:
    table = build_table(1, [SEED_HEADER, ["1", "Lĩnh vực tư pháp", "11", "78,57", "1", "7,14", "2", "14,29", "0", "0"]])
    assert table.kind == "satisfaction" and table.satisfaction is not None
    row = table.satisfaction[0]
    assert (row.satisfied, row.very_satisfied) == (row.satisfied.__class__(count=11, percent=78.57),
                                                   row.very_satisfied.__class__(count=1, percent=7.14))  # type: ignore[union-attr]


def test_usual_order_with_very_dissatisfied() -> None:
    header = ["TT", "Đơn vị", "Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng"]
    table = build_table(1, [header, ["1", "Xã A", "5", "3", "1", "1", "0"]])
    assert table.satisfaction is not None
    row = table.satisfaction[0]
    counts = [getattr(row, k).count for k in ("very_satisfied", "satisfied", "neutral", "dissatisfied",
                                              "very_dissatisfied")]
    assert (counts, row.total, row.consistent, row.field) == ([5, 3, 1, 1, 0], 10, True, "Xã A")


def test_inconsistent_percent_is_flagged() -> None:
    table = build_table(1, [SEED_HEADER, ["1", "Đất đai", "6", "40", "0", "0", "6", "50", "0", "0"]])
    assert table.satisfaction is not None and table.satisfaction[0].consistent is False





@pytest.mark.parametrize(("percents", "consistent"), [
    (["78,57", "7,14", "14,29"], True),  # two decimals: within 0.01
    (["78,6", "7,1", "14,3"], True),  # one decimal, rounded as written: 11 of 14 is 78.571...
    (["79", "7", "14"], True),  # whole percents
    (["78,7", "7,1", "14,3"], False),  # a tenth off: no rounding gives it
    (["78", "7", "14"], False),  # 78.571... rounds to 79
])
def test_a_percent_agrees_with_its_count_as_far_as_its_digits_round(percents: list[str], consistent: bool) -> None:
    sat, very, neutral = percents
    table = build_table(1, [SEED_HEADER, ["1", "Lĩnh vực tư pháp", "11", sat, "1", very, "2", neutral, "0", "0"]])
    assert table.satisfaction is not None and table.satisfaction[0].consistent is consistent


def test_two_header_rows() -> None:
    rows = [["STT", "Lĩnh vực", "Hài lòng", "", "Không hài lòng", ""],
            ["", "", "Số phiếu", "Tỷ lệ %", "Số phiếu", "Tỷ lệ %"],
            ["1", "Tư pháp", "9", "90", "1", "10"]]
    table = build_table(1, rows)
    assert len(table.header) == 2 and table.satisfaction is not None
    row = table.satisfaction[0]
    assert (row.satisfied, row.dissatisfied, row.total) == (
        row.satisfied.__class__(count=9, percent=90.0), row.satisfied.__class__(count=1, percent=10.0), 10)


def test_generic_table_keeps_cells() -> None:
    table = build_table(2, [["STT", "Nhiệm vụ", "Thời gian"], ["1", "Rà soát", "Quý I"], ["2", "Báo cáo", ""]])
    assert (table.kind, table.header, table.rows) == (
        "generic", [["STT", "Nhiệm vụ", "Thời gian"]], [["1", "Rà soát", "Quý I"], ["2", "Báo cáo", ""]])


def test_pipe_table_from_markdown() -> None:
    report = parse_text("Bảng:\n| STT | Nội dung |\n|---|---|\n| 1 | Kế hoạch số 22/KH-UBND |\n")
    [table] = report.tables
    assert table.rows == [["1", "Kế hoạch số 22/KH-UBND"]]


def test_citations_in_table_cells_are_found() -> None:
    report = parse_text("Bảng:\nSTT\tCăn cứ\n1\tQuyết định số 1441/QĐ-UBND ngày 25/9/2025\n")
    assert [(c.symbol, c.date and c.date.iso) for c in report.citations] == [("1441/QĐ-UBND", "2025-09-25")]


def test_cell_numbers() -> None:
    got = (cell_number("78,57"), cell_number("1.234"), cell_number("50%"), cell_number("x"))
    assert got == (78.57, 1234.0, 50.0, None)


def test_two_header_rows_with_merged_cells_repeated() -> None:
    # A DOCX's merged cells repeat in each slot: ``Rất hài lòng`` over ``Số phiếu | Tỷ lệ (%)``,
    # ``STT`` down both header rows.
    rows = [["STT", "Lĩnh vực", "Rất hài lòng", "Rất hài lòng", "Hài lòng", "Hài lòng", "Không hài lòng",
             "Không hài lòng"],
            ["STT", "Lĩnh vực", "Số phiếu", "Tỷ lệ (%)", "Số phiếu", "Tỷ lệ (%)", "Số phiếu", "Tỷ lệ (%)"],
            ["1", "Tư pháp", "3", "30", "6", "60", "1", "10"]]
    (row,) = build_table(1, rows).satisfaction or []
    assert (row.index, row.very_satisfied, row.satisfied, row.dissatisfied, row.consistent) == (
        1, LevelCount(count=3, percent=30.0), LevelCount(count=6, percent=60.0), LevelCount(count=1, percent=10.0),
        True)


# Where the header ends (each shape a report's table takes; the helper's names in brackets).
_HEAD2 = [["TT", "Nội dung", "Kết quả tháng", "Kết quả tháng"], ["", "", "Số vụ", "Số đối tượng"]]


@pytest.mark.parametrize(("rows", "header_rows"), [
    # A group row right under the header: the body's first row, not a third header row.
    ([*_HEAD2, ["I", "Phát hiện tham nhũng", "Phát hiện tham nhũng", "Phát hiện tham nhũng"],
      ["1", "Qua tố cáo", "2", "3"]], 2),
    # The columns' numbering row under the header is the header's.
    ([["TT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ"], ["A", "B", "1", "2", "3=2/1"],
      ["1", "Thu ngân sách", "1.200", "1.260", "105"]], 2),
    # A table of words whose header was lost (a scan's first page cut): no header.
    ([["1.", "Báo cáo tình hình kinh tế", "Giám đốc Sở", "Các sở"],
      ["2.", "Báo cáo ngân sách", "Giám đốc Sở", "Các sở"]], 0),
    # A part of a table with no label to go by: its first row, as before.
    ([["", "", "Biến động tăng", "Biến động giảm"], ["", "", "Tổng giá trị", "Tổng giá trị"],
      ["8", "Tiền", "Không có", ""]], 1),
])
def test_the_header_ends_at_a_rows_label_or_number(rows: list[list[str]], header_rows: int) -> None:
    assert len(build_table(1, rows).header) == header_rows


def test_a_satisfaction_table_with_a_group_row_keeps_its_percents() -> None:
    rows = [["STT", "Lĩnh vực", "Hài lòng", "", "Không hài lòng", ""],
            ["", "", "Số phiếu", "Tỷ lệ %", "Số phiếu", "Tỷ lệ %"],
            ["I", "Cấp xã", "Cấp xã", "Cấp xã", "Cấp xã", "Cấp xã"],
            ["1", "Tư pháp", "30", "90", "15", "10"]]
    table = build_table(1, rows)
    assert table.satisfaction is not None
    row = table.satisfaction[-1]
    assert (len(table.header), table.rows[0][0], row.field, row.satisfied and row.satisfied.percent,
            row.consistent) == (2, "I", "Tư pháp", 90.0, False)


@pytest.mark.parametrize(("rows", "header_rows"), [
    # Rows of data with small values are no numbering row of the columns.
    ([["Tháng", "Hồ sơ tiếp nhận", "Đã giải quyết", "Tồn"], ["1", "45", "40", "5"], ["2", "50", "48", "2"]], 1),
    ([["STT", "Xếp loại", "Số trường", "Tỷ lệ"], ["1", "A", "12", "40"], ["2", "B", "18", "60"]], 1),
    # A second header row of bullets, and a first cell OCR read as one letter, stay header.
    ([["TT", "Nội dung", "Số lượng", "Số lượng"], ["", "", "- Nam", "- Nữ"], ["1", "Xã A", "3", "4"]], 2),
    ([["T", "Nội dung", "Số"], ["1", "Xã A", "3"], ["2", "Xã B", "4"]], 1),
])
def test_the_header_is_not_taken_from_the_bodys_first_row_nor_given_it(rows: list[list[str]],
                                                                       header_rows: int) -> None:
    assert len(build_table(1, rows).header) == header_rows


def test_a_last_column_of_a_satisfaction_index_is_no_levels_percent() -> None:
    header = ["STT", "Lĩnh vực", "Rất hài lòng", "Hài lòng", "Không hài lòng", "Chỉ số hài lòng (tỷ lệ %)"]
    table = build_table(1, [header, ["1", "Tư pháp", "30", "60", "10", "90"]])
    assert table.satisfaction is not None
    row = table.satisfaction[0]
    assert (row.dissatisfied and row.dissatisfied.percent, row.consistent) == (None, True)


def test_a_count_with_its_percent_in_brackets_in_one_cell_gives_both() -> None:
    header = ["TT", "Nội dung khảo sát", "Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Tổng số phiếu"]
    table = build_table(1, [header, ["1", "Thái độ phục vụ", "60 (42,9 %)", "50 (35,7 %)", "20 (14,3 %)", "10 (7,1%)",
                                     "140"]])
    assert table.satisfaction is not None
    row = table.satisfaction[0]
    assert [(lc.count, lc.percent) for lc in (row.very_satisfied, row.satisfied, row.neutral, row.dissatisfied)
            if lc is not None] == [(60, 42.9), (50, 35.7), (20, 14.3), (10, 7.1)]
    assert (row.total, row.consistent) == (140, True)


def test_a_two_row_header_written_as_one_row_keeps_each_levels_percent() -> None:
    header = ["STT", "Tiêu chí", "Rất hài lòng - Số phiếu", "Rất hài lòng - Tỷ lệ (%)", "Hài lòng - Số phiếu",
              "Hài lòng - Tỷ lệ (%)", "Không hài lòng - Số phiếu", "Không hài lòng - Tỷ lệ (%)", "Tổng"]
    table = build_table(1, [header, ["1", "Tiếp cận dịch vụ", "45", "38,5 %", "60", "51,3 %", "12", "10,3 %", "117"]])
    assert table.satisfaction is not None
    row = table.satisfaction[0]
    assert [(lc.count, lc.percent) for lc in (row.very_satisfied, row.satisfied, row.dissatisfied)
            if lc is not None] == [(45, 38.5), (60, 51.3), (12, 10.3)]


@pytest.mark.parametrize("cell", ROW_LABEL_EXAMPLES)
def test_a_row_label_alone_in_the_first_column(cell: str) -> None:
    assert ROW_LABEL.match(cell) is not None


@pytest.mark.parametrize("cell", NOT_ROW_LABELS)
def test_a_figure_a_date_or_a_word_is_no_row_label(cell: str) -> None:
    assert ROW_LABEL.match(cell) is None


@pytest.mark.parametrize(("before", "title"), [
    # qd-353-qd-ubnd-ba-ria-vung-tau-2025-cong-bao.pdf: a heading wrapped over two lines, a note in brackets under it
    (["DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỒI, BỔ SUNG TRONG LĨNH VỰC HỘ TỊCH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ TƯ PHÁP",
      "TỈNH BÀ RỊA - VŨNG TÀU", "(Ban hành kèm theo Quyết định số 353/QĐ-UBND ngày 17 tháng 02 năm 2025 của",
      "Chủ tịch UBND tỉnh Bà Rịa - Vũng Tàu)"],
     "DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỒI, BỔ SUNG TRONG LĨNH VỰC HỘ TỊCH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ TƯ PHÁP "
     "TỈNH BÀ RỊA - VŨNG TÀU"),
    # cv-4552-bca-c04-2025-scan.pdf: two notes, each on its line
    (["PHỤ LỤC", "ĐÁNH GIÁ ĐỐI VỚI ĐỊA BÀN CẤP TÍNH", "(Kèm theo công văn số BCA-C04, ngày tháng 10 năm 2025)",
      "(Thời gian từ 15/12/2023 đến 14/12/2024)"], "ĐÁNH GIÁ ĐỐI VỚI ĐỊA BÀN CẤP TÍNH"),
    # kh-nhiem-vu-khao-sat-qlvbdh-phu-tho-2012.doc: a short line in capitals above is another heading
    (["ĐƠN VỊ THỤ HƯỞNG", "PHÚ THỌ 2012", "BẢNG CÁC TỪ VIẾT TẮT"], "BẢNG CÁC TỪ VIẾT TẮT"),
    ([], None),
])
def test_a_table_s_title_is_the_heading_above_it(before: list[str], title: str | None) -> None:
    assert table_title(before) == title
