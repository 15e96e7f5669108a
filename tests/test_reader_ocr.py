"""The scanned-PDF reader (readers/ocr.py) on the real scan ``bcdx-03-scan.pdf``.

Layout tests run on the Tesseract TSV stored next to the scan (no Tesseract needed, fast);
the end-to-end tests run ``parse_file`` (PDF reader, then Tesseract) on the real pages: about
5–10 s for the two pages, 5 s for two pages of the generated seed scan, and 12–25 s for the
page turned sideways, on 2 cores.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import alive

from scoring import load_gold, score
from vnreport_extract import ParseOptions, Report, parse_file
from vnreport_extract.document import Block, SourceDocument, assemble
from vnreport_extract.errors import CorruptFileError, MissingComponentError, OcrError
from vnreport_extract.limits import LimitExceededError, Limits
from vnreport_extract.models import Source
from vnreport_extract.readers import ocr, system
from vnreport_extract.readers.digits import HandReading
from vnreport_extract.readers.ocr import (
    Box,
    Line,
    PageGeometry,
    ReadHand,
    Word,
    _fix_fields,
    blank_glued_day,
    fix_capitals,
    fix_labels,
    fix_name,
    fix_position,
    fix_type_words,
    fix_ve_viec,
    is_junk,
    looks_sideways,
    merge_reread,
    ocr_pages,
    page_blocks,
    paragraphs,
    parse_tsv,
    render_dpi,
    repair_heading_number,
    repair_numbers,
    repair_type_words,
    repair_words,
    roman_sequence,
    split_header_columns,
    split_line,
    unglue_fields,
    without_scanner_lines,
)
from vnreport_extract.split import split_documents

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SCAN = FIXTURES / "real-scan" / "bcdx-03-scan.pdf"
GOLD = FIXTURES / "gold" / "bcdx-03-scan.gold.json"
SEED_SCAN = FIXTURES / "generated" / "seed-scan.pdf"  # made by scripts/make_fixtures.py
# Tesseract's automatic segmentation reads nothing of this scan's first paragraph, nor the
# signer's position beside the seal.
DROPPED_SCAN = FIXTURES / "archives" / "qlvb-quanhuyen-2011" / "tb-666-tb-stttt-ben-tre-2011-scan.pdf"
WIDTH, HEIGHT = 1654, 2339  # the pages at the scan's own 200 dpi


def stored_words(page: int) -> list[Word]:
    return parse_tsv((FIXTURES / "real-scan" / f"bcdx-03-scan.p{page}.tsv").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def stored_blocks() -> dict[int, list[Block]]:
    return {n: page_blocks(stored_words(n), n, WIDTH, HEIGHT) for n in (1, 2)}


@pytest.fixture(scope="module")
def scan_report() -> Report:
    # Through the PDF reader: it sends the pages without a text layer (both here: page 1 has
    # only the e-signature stamp line) to ocr_pages.
    return parse_file(SCAN)


# --- OCR corrections, each on a variant Tesseract really produced on this scan ---------------

def test_capitals_with_stacked_diacritics_are_restored() -> None:
    assert fix_capitals("BÁO CÁO ĐÈ XUẤT") == "BÁO CÁO ĐỀ XUẤT"


def test_province_and_unit_words_of_the_issuer_are_restored() -> None:
    assert fix_capitals("CÔNG AN TÍNH LÂM ĐÒNG") == "CÔNG AN TỈNH LÂM ĐỒNG"


def test_a_steering_board_s_name_in_capitals_is_restored() -> None:
    assert fix_capitals("BAN ĐIỂU HÀNH CHƯƠNG") == "BAN ĐIỀU HÀNH CHƯƠNG"  # cv-1139's issuer, first line


def test_a_council_s_name_in_capitals_is_restored() -> None:
    # bien-ban-hoi-dong-xet-duyet-xa-khong-ma-tuy-2025-scan: the issuer and its TM. line.
    assert fix_capitals("HỘI ĐÒNG THẨM ĐỊNH") == "HỘI ĐỒNG THẨM ĐỊNH"
    assert fix_capitals("TM. HỘI ĐÔNG THẨM ĐỊNH") == "TM. HỘI ĐỒNG THẨM ĐỊNH"


def test_a_type_name_read_at_low_confidence_is_no_junk() -> None:
    # bien-ban-hoi-dong-xet-duyet-xa-khong-ma-tuy-2025-scan: ``BIÊN BẢN`` in large bold, read at 55.
    line = Line([Word("BIÊN", 1085, 593, 1209, 644, 55.0, (6, 1, 1)),
                 Word("BẢN", 1228, 593, 1334, 643, 55.0, (6, 1, 1))])
    assert not is_junk(line)


def test_an_industrial_zones_board_s_name_is_restored() -> None:
    assert fix_capitals("BAN QUẢN LÝ CAC KCN") == "BAN QUẢN LÝ CÁC KCN"  # gpxd-19-2012-bql-kcn-scan's issuer


def test_speck_before_a_heading_number_is_dropped() -> None:
    # gpxd-19-2012-bql-kcn-scan, page 2: the bold italic ``3.`` read ``$3.``.
    assert repair_heading_number("$3. Trong thời hạn 12 tháng")[0] == "3. Trong thời hạn 12 tháng"


def test_money_before_a_number_is_no_heading_speck() -> None:
    assert repair_heading_number("$3.5 million")[0] == "$3.5 million"


def test_glued_capitals_are_split() -> None:
    assert fix_capitals("BỘ CÔNGAN") == "BỘ CÔNG AN"


def test_ampersand_for_va_keeps_its_sign_and_the_words_are_restored() -> None:
    # tb-20-tb-stttt-2012-scan: the issuer's line.
    assert fix_capitals("SỞ THÔNG TIN & TRUYÈN THÔNG") == "SỞ THÔNG TIN & TRUYỀN THÔNG"


def test_of_two_accepted_spellings_the_one_nearer_the_print_is_taken() -> None:
    # gm-289-gm-ubnd-2012-scan: the issuer's first line, printed ``UỶ BAN NHÂN DÂN``.
    assert fix_capitals("UÝ BAN NHÂN DÂN") == "UỶ BAN NHÂN DÂN"


def test_a_misreading_as_near_to_both_spellings_stays() -> None:
    # ``UY``: one mark away from ``UỶ`` and one from ``ỦY`` (folded alike): nothing to choose.
    assert fix_capitals("UY BAN NHÂN DÂN") == "UY BAN NHÂN DÂN"


def test_capitals_already_right_stay() -> None:
    assert fix_capitals("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_type_word_read_with_a_space_inside_is_restored() -> None:
    # cv-4552-bca-c04-2025-scan: ``Nghị quyết số 50/NQ-CP`` read with a space inside ``quyết``.
    assert fix_type_words("Nghị quy ết sô 50/NQ-CP ngày 13/3/2025") == "Nghị quyết số 50/NQ-CP ngày 13/3/2025"


def test_garbled_type_word_of_a_citation_is_restored() -> None:
    assert fix_type_words("Hướng dân số 37/HD-BCA-C04") == "Hướng dẫn số 37/HD-BCA-C04"


def test_handwork_before_a_number_is_no_type_word() -> None:
    assert fix_type_words("nộp thủ công số 15 hồ sơ") == "nộp thủ công số 15 hồ sơ"


# Bộ Công an's scans of 2025 (cv-3980, the biên bản of the Hội đồng xét duyệt).
@pytest.mark.parametrize(("read", "fixed"), [
    ("Báo cáo sö 34/BC-CAT-PH10", "Báo cáo số 34/BC-CAT-PH10"),  # ``số`` with a diaeresis
    ("Phương : án sô 02/PA-BCA-C04", "Phương án số 02/PA-BCA-C04"),  # a speck between its words
    ("Hướng. dẫn sô 37/HD-BCA-C04", "Hướng dẫn số 37/HD-BCA-C04"),  # a speck after its first word
])
def test_specks_in_a_type_name_before_its_number_go(read: str, fixed: str) -> None:
    assert fix_type_words(read) == fixed


def test_each_type_word_repair_is_reported() -> None:
    assert repair_type_words("Phương : án sô 02/PA-BCA-C04") == \
        ("Phương án số 02/PA-BCA-C04", ["'Phương : án' → 'Phương án'", "'sô' → 'số'"])


def test_a_mark_after_a_type_word_before_a_count_stays() -> None:
    assert fix_type_words("Kết quả báo cáo: số 12 hộ đã hoàn thành") == "Kết quả báo cáo: số 12 hộ đã hoàn thành"


def test_other_words_before_a_number_stay_as_read() -> None:
    assert fix_type_words("Khoảng 280 người, trong đó số 12 là") == "Khoảng 280 người, trong đó số 12 là"


def test_label_of_the_recipient_block_is_restored() -> None:
    assert fix_labels("Noi nhận:") == "Nơi nhận:"


@pytest.mark.parametrize(("read", "fixed"), [
    ("W⁄% tăng cường chỉ đạo kiểm điểm", "V/v tăng cường chỉ đạo kiểm điểm"),  # cv-368
    ("VA: Triển khai kế hoạch quan trắc", "V/v Triển khai kế hoạch quan trắc"),  # cv-406: slash and v as an A
])
def test_the_label_of_a_trich_yeu_is_restored(read: str, fixed: str) -> None:
    assert fix_labels(read) == fixed


def test_a_line_opening_with_va_and_no_colon_stays() -> None:
    assert fix_labels("VA TRÒ CỦA CÁC CẤP") == "VA TRÒ CỦA CÁC CẤP"


def test_place_date_separator_read_as_full_stop() -> None:
    assert fix_labels("Lâm Đồng. ngày tháng 01 năm 2026") == "Lâm Đồng, ngày tháng 01 năm 2026"


def test_position_under_the_seal_is_restored() -> None:
    assert fix_position("GLIÁM ĐÓC") == "GIÁM ĐỐC"


def test_a_seal_speck_before_the_position_is_dropped() -> None:
    assert fix_position("Z⁄5.5 GIÁM ĐỐC") == "GIÁM ĐỐC"  # cv-61: the seal's edge read before it
    assert fix_position("Q. GIÁM ĐỐC") == "Q. GIÁM ĐỐC"  # an acting head's ``Q.`` is no speck


def test_rank_is_not_taken_for_a_position() -> None:
    assert fix_position("THIẾU TƯỚNG") == "THIẾU TƯỚNG"


# Variants Tesseract produced on the archives' scans (Bắc Giang 2012, Bến Tre 2011, Bộ Công an 2025).
@pytest.mark.parametrize(("read", "fixed"), [
    ("SỞ THÔNG TIN VÀ TRUYÈN THÔNG", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"),
    ("CHÍ ĐẠO THỰC HIỆN NGHỊ", "CHỈ ĐẠO THỰC HIỆN NGHỊ"),
    ("QUYÉT TW4 (KHÓA XI)", "QUYẾT TW4 (KHÓA XI)"),
])
def test_body_names_of_other_provinces_are_restored(read: str, fixed: str) -> None:
    assert fix_capitals(read) == fixed


def test_province_one_accent_off_in_the_place_date_line() -> None:
    assert fix_labels("Bắn Tre, ngày tháng 12 năm 2011", context="UBND TỈNH BẾN TRE\nSỞ THÔNG TIN") == \
        "Bến Tre, ngày tháng 12 năm 2011"


def test_district_one_accent_from_a_province_stays() -> None:
    # Phù Yên (Sơn La) is one accent from Phú Yên: only a province the issuer names is repaired.
    assert fix_labels("Phù Yên, ngày 02 tháng 3 năm 2012", context="UBND HUYỆN PHÙ YÊN") == \
        "Phù Yên, ngày 02 tháng 3 năm 2012"


def test_ve_viec_misread_under_the_type_name() -> None:
    assert fix_ve_viec("và việc giới thiệu chức danh và chữ ký :") == "Về việc giới thiệu chức danh và chữ ký :"


def test_ethnic_family_name_is_not_taken_for_a_misreading() -> None:
    assert fix_name("Tòng Thị Phóng") == "Tòng Thị Phóng"


def test_commune_place_is_not_taken_for_a_province() -> None:
    assert fix_labels("Phú Tiến, ngày 15 tháng 5 năm 2023") == "Phú Tiến, ngày 15 tháng 5 năm 2023"


def test_garbled_v_v_of_a_trich_yeu_is_restored() -> None:
    assert fix_labels("W⁄% tăng cường chỉ đạo kiêm điểm tự phê") == "V/v tăng cường chỉ đạo kiêm điểm tự phê"


def test_family_name_one_accent_off_is_restored() -> None:
    assert fix_name("Trân Văn Thanh") == "Trần Văn Thanh"


def test_family_name_shared_by_two_spellings_stays() -> None:
    assert fix_name("Dương Văn An") == "Dương Văn An"


def test_misread_rank_before_the_name_is_restored() -> None:
    assert fix_name("Thượng frớng Nguyễn Văn Long") == "Thượng tướng Nguyễn Văn Long"


def test_closing_sentence_is_not_a_name() -> None:
    assert fix_name("Trân trọng cảm ơn") == "Trân trọng cảm ơn"


# --- Header rows of a scan of bc-mo-hinh-thi-diem-cchc.pdf at 300 dpi (word boxes as read) -----

def _row(*words: tuple[str, int, int]) -> Line:
    return Line([Word(t, left, 1000, right, 1042, 96.0, (1, 1, 1)) for t, left, right in words])


def test_header_columns_closer_than_a_column_gap_are_cut_at_the_quoc_hieu() -> None:
    row = _row(("UBND", 409, 560), ("TỈNH", 577, 700), ("LÂM", 715, 838), ("ĐỒNG", 853, 1008),
               ("CỘNG", 1103, 1262), ("HÒA", 1278, 1399), ("XÃ", 1414, 1491), ("HỘI", 1507, 1609),
               ("CHỦ", 1627, 1744), ("NGHĨA", 1759, 1941), ("VIỆT", 1956, 2086), ("NAM", 2102, 2230))
    assert [part.text for part in split_header_columns(row)] == ["UBND TỈNH LÂM ĐỒNG",
                                                                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


def test_number_and_place_date_read_as_one_segment_are_cut_after_the_symbol() -> None:
    row = _row(("Số:", 470, 534), ("181", 577, 644), ("/BC-SNV", 742, 954), ("Lâm", 1195, 1298),
               ("Đồng,", 1314, 1454), ("ngày", 1476, 1587), ("05", 1610, 1666), ("tháng", 1692, 1822),
               ("11", 1841, 1891), ("năm", 1912, 2009), ("2025", 2027, 2141))
    assert [part.text for part in split_header_columns(row)] == ["Số: 181 /BC-SNV",
                                                                 "Lâm Đồng, ngày 05 tháng 11 năm 2025"]


def test_copy_sheet_heading_read_with_the_issuer_is_cut_off() -> None:
    # qd-126, page 2 (the copy's own sheet): ``SAO LỤC`` stands where the Quốc hiệu would.
    row = _row(("UBND", 330, 440), ("TỈNH", 455, 560), ("BẮC", 575, 670), ("GIANG", 685, 840),
               ("SAO", 1330, 1440), ("LỤC", 1455, 1560))
    assert [part.text for part in split_header_columns(row)] == ["UBND TỈNH BẮC GIANG", "SAO LỤC"]


def test_blank_day_is_no_gap_between_columns() -> None:
    # cv-1984 scanned: the e-office system's ``09`` not read, ``ngày`` and ``tháng`` far apart.
    row = _row(("Lâm", 1195, 1298), ("Đồng,", 1314, 1454), ("ngày", 1476, 1587), ("tháng", 1830, 1960),
               ("10", 1980, 2030), ("năm", 2050, 2140), ("2025", 2160, 2270))
    assert [part.text for part in split_line(row, 105.0)] == ["Lâm Đồng, ngày tháng 10 năm 2025"]


# --- Bắc Giang scans of 2012 (fixtures/archives/bac-giang-2012) ----------------------------------

BAC_GIANG = FIXTURES / "archives" / "bac-giang-2012"


def test_family_name_read_as_no_name_word_is_restored() -> None:
    # qd-126: the name under Thứ trưởng's signature, the N and the hook of ễ lost in the strokes.
    assert fix_name("`xgưýến Công Nghiệp") == "Nguyễn Công Nghiệp"


def test_article_number_misread_in_a_recipient_is_restored() -> None:
    assert repair_numbers("- Như Điều ];")[0] == "- Như Điều 1;"  # qd-126's Nơi nhận


def test_party_issuer_t_read_as_one_is_restored() -> None:
    # cv-27: a scanner's line down the T of ``BTCTU`` (Ban Tổ chức Tỉnh ủy).
    text = "Thực hiện Công văn số 725-CV/BTC1U ngày 02 tháng 02 năm 2012 của Ban Tổ chức Tỉnh ủy"
    assert repair_numbers(text)[0] == text.replace("BTC1U", "BTCTU")


def test_printed_day_with_an_s_for_a_five_is_restored() -> None:
    # gpxd-19-2012-bql-kcn-scan: the date of the công văn it cites.
    text = "tại văn bản số 392/KCN-QHMT, ngày 0S tháng 11 năm 2012."
    assert repair_numbers(text) == (text.replace("0S", "05"), ["ngày '0S' → '05'"])


def test_an_s_after_a_three_is_no_day() -> None:
    assert repair_numbers("ngày 3S tháng 11 năm 2012")[0] == "ngày 3S tháng 11 năm 2012"


def test_an_s_after_ngay_without_a_whole_date_is_left() -> None:
    assert repair_numbers("ngày 1S tháng")[0] == "ngày 1S tháng"


def test_letter_read_between_qh_and_the_legislature_is_dropped() -> None:
    # cv-4552-bca-c04-2025-scan and cv-3980-c04-p6-2025-scan: Nghị quyết 163/2024/QH15.
    text = "Nghị quyết số 163/2024/QHI15 ngày 27/11/2024 của Quốc hội"
    assert repair_numbers(text) == (text.replace("QHI15", "QH15"), ["symbol '163/2024/QHI15' → '163/2024/QH15'"])


def test_legislature_s_first_one_read_as_a_letter_is_restored_by_the_year() -> None:
    assert repair_numbers("Luật số 58/2005/QHI1")[0] == "Luật số 58/2005/QH11"  # khóa XI: 2002-2007


def test_legislature_code_read_right_stays() -> None:
    assert repair_numbers("Luật số 58/2005/QH11")[0] == "Luật số 58/2005/QH11"


def test_space_read_inside_the_year_of_a_date_is_dropped() -> None:
    # cv-695: the place-and-date line under the received stamp.
    assert repair_numbers("Bắc Giang, ngày tháng 4 năm 201 2")[0] == "Bắc Giang, ngày tháng 4 năm 2012"
    # cv-61: the year's last 1 read as an I, after the space.
    line = "định số 469/QĐ-UBND ngày 15 tháng 12 năm 201 I về việc giao Dự toán ngân sách"
    assert repair_numbers(line)[0] == line.replace("201 I", "2011")


def test_impossible_year_of_a_date_one_digit_off_is_restored() -> None:
    # ttr-409-ttr-cat-pc04-2025-scan (100 ppi): the 0 of 2025 read as a 6 in the header's date.
    assert repair_numbers("Lâm Đồng, ngày tháng 11 năm 2625") == (
        "Lâm Đồng, ngày tháng 11 năm 2025", ["year '2625' → '2025'"])


def test_impossible_year_two_ways_off_is_left_as_read() -> None:
    # 1965 and 2065 are both one digit from 2965: no repair picks one.
    assert repair_numbers("Hà Nội, ngày 02 tháng 9 năm 2965") == ("Hà Nội, ngày 02 tháng 9 năm 2965", [])


def test_an_old_year_in_running_text_is_left_as_read() -> None:
    assert repair_numbers("sinh ngày 19 tháng 5 năm 1890 tại Nghệ An")[0] == "sinh ngày 19 tháng 5 năm 1890 tại Nghệ An"


def test_a_year_past_2100_outside_the_place_and_date_line_is_left_as_read() -> None:
    # cv-4552's printed slip ``08/9/2925`` stands as printed; so does a worded one in a sentence.
    text = "Quyết định số 7619/QĐ-BCA ngày 08 tháng 9 năm 2925 của Bộ trưởng"
    assert repair_numbers(text)[0] == text


def test_possible_year_of_a_date_is_left_as_read() -> None:
    # A plan's horizon is a year like any other: only a year no document can bear is repaired.
    assert repair_numbers("ngày 31 tháng 12 năm 2050")[0] == "ngày 31 tháng 12 năm 2050"


def test_month_misread_with_a_bracket_is_restored() -> None:
    assert repair_numbers("ngày 27 tháng 1] năm 2008")[0] == "ngày 27 tháng 11 năm 2008"  # qd-126


def test_number_line_of_one_unreadable_word_is_not_junk() -> None:
    # cv-27: ``Số:`` and its handwritten 27 read as one word of confidence 0.
    line = Line([Word("Số:z¿*./STTTT-VP", 313, 221, 560, 250, 0.0, (1, 1, 1))])
    assert not is_junk(line)


def test_handwritten_number_glued_to_its_label_is_cut_off() -> None:
    words = [Word("Số:z¿*./STTTT-VP", 313, 221, 560, 250, 0.0, (1, 1, 1))]
    assert [w.text for w in unglue_fields(words)] == ["Số:", "z¿*.", "/STTTT-VP"]


def test_a_day_written_by_hand_into_a_printed_date_of_the_text_is_left_blank() -> None:
    # tb-20-tb-stttt-2012-scan, the annex's subtitle ``(Kèm theo Thông báo số 20/TB-STTTT ngày
    # 13/3/2012 ...)``: the handwritten day (13 or 18, under the seal) read glued to ``ngày``.
    line = Line([Word("JTB-STTTT", 1004, 363, 1320, 413, 61.0, (1, 1, 1)),
                 Word("ngày4/3/2012", 1336, 353, 1659, 413, 48.0, (1, 1, 1)),
                 Word("etla", 1675, 363, 1760, 413, 36.0, (1, 1, 1))])
    notes: list[tuple[str, str]] = []
    assert [w.text for w in blank_glued_day(line, notes).words] == ["JTB-STTTT", "ngày", "/3/2012", "etla"]
    assert [code for code, _ in notes] == ["ocr-unread-field"]


@pytest.mark.parametrize("words", [
    [Word("ngày", 100, 10, 160, 40, 96.0, (1, 1, 1)), Word("20/9/2012", 170, 10, 280, 40, 97.0, (1, 1, 1))],
    # A date typed without its space, read glued and a little doubtfully: print, not a hand's.
    [Word("ngày15/3/2012", 100, 10, 280, 40, 96.0, (1, 1, 1))],
    [Word("ngày15/3/2012", 100, 10, 280, 40, 75.0, (1, 1, 1))],
])
def test_a_printed_date_keeps_its_day(words: list[Word]) -> None:
    line = Line(words)
    assert blank_glued_day(line) is line


def test_scanner_line_down_the_page_is_whitened() -> None:
    import numpy as np
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    pdf = pdfium.PdfDocument(str(BAC_GIANG / "cv-27-stttt-vp-2012-scan.pdf"))
    grey = np.asarray(pdf[0].render(scale=150 / 72).to_pil().convert("L"))
    pdf.close()
    height, width = grey.shape
    before = grey < 128
    after = without_scanner_lines(grey, 150) < 128
    # The line runs down the whole sheet at about 0.59 of its width; the text's ink stays.
    line = slice(int(0.58 * width), int(0.60 * width))
    assert before[:, line].sum(axis=0).max() > 0.9 * height
    assert after[:, line].sum(axis=0).max() < 0.5 * height
    assert after.sum() > 0.9 * (before.sum() - before[:, line].sum())


def test_grey_edge_of_a_scanner_line_is_no_table_rule() -> None:
    import numpy as np

    # tb-20 (Sở TT&TT Bắc Giang), page 2 at 300 dpi: a line dark over columns 1759-1767, its
    # left edge dark down 85 % of the page and grey (about 160) down 80 %: ink to the table finder.
    page = np.full((3501, 2488), 255, dtype=np.uint8)
    page[:, 1759:1768] = 0
    page[: int(0.85 * 3501), 1758] = 0
    page[: int(0.8 * 3501), 1757] = 160
    lines = ocr.scanner_lines(page, 300)
    assert lines == [(1759, 1767)]
    assert ocr.scanner_line_edges(page, lines, 300) == [(1756, 1768)]
    # Tesseract's image keeps the grey edge: the letters the line crosses read better with it.
    assert int(without_scanner_lines(page, 300)[0, 1757]) == 160


def test_dark_edge_of_the_sheet_is_not_a_scanner_line() -> None:
    import numpy as np

    page = np.full((1750, 1250), 255, dtype=np.uint8)
    page[:, 1240:1250] = 0  # the lid's shadow along the right side
    assert without_scanner_lines(page, 150) is page


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_misread_recipients_label_still_opens_the_signature_block() -> None:
    # cv-1185: ``Nơi nhận:`` read as ``Nˆ* thận:`` beside ``KT.GIÁM ĐỐC``, a bullet as ``¬.``.
    meta = parse_file(BAC_GIANG / "cv-1185-snv-vp-2012-scan.pdf").metadata
    assert meta.recipients[-3:] == ["Như kính gửi", "Lãnh đạo Sử", "Lưu: VT, VP"]
    assert meta.signer is not None and (meta.signer.authority, meta.signer.position) == ("KT.", "Phó Giám đốc")


def test_d_read_twice_is_one_d() -> None:
    # The seed scan's "49 - QĐ/ĐU" came out of Tesseract as "QĐ/ĐÐU" (Đ, then Latin eth).
    row = "5\t1\t1\t1\t1\t1\t10\t10\t80\t30\t90.0\tQĐ/ĐÐU"
    assert [w.text for w in parse_tsv("header\n" + row)] == ["QĐ/ĐU"]


@pytest.mark.parametrize(("busy", "workers"), [(1.0, 4), (2.0, 3), (4.0, 1), (9.0, 1)])
def test_tesseract_runs_side_by_side_on_the_idle_cores(monkeypatch: pytest.MonkeyPatch, busy: float,
                                                        workers: int) -> None:
    # Four cores; this process is one of those ready to run while it renders.
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(ocr, "_busy", lambda: busy)
    assert (ocr.ocr_workers(), ocr.ocr_workers(limit=2)) == (workers, min(workers, 2))


def test_scan_is_rasterised_at_its_own_resolution() -> None:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    pdf = pdfium.PdfDocument(str(SCAN))
    try:
        assert [render_dpi(pdf[i], 300) for i in range(2)] == [200, 200]
    finally:
        pdf.close()


def test_scan_below_150_ppi_is_rasterised_at_twice_its_own_resolution(tmp_path: Path) -> None:
    # A real 100 ppi scan in small, light print: read at 150 dpi its body lines came out
    # garbled (``Kết Tuận số 132-K1/ /TH``), at 200 they are read. A scan of 150 ppi or more
    # stays at its own; a made-up 120 ppi one goes to 240, never past the ``dpi`` asked for.
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    from PIL import Image

    made = tmp_path / "scan-120.pdf"
    Image.new("L", (992, 1403), 255).save(made, "PDF", resolution=120.0)  # A4 at 120 ppi
    archives = FIXTURES / "archives"
    cases = [
        (archives / "lam-dong-2025" / "ttr-409-ttr-cat-pc04-2025-scan.pdf", 300, 200),
        (archives / "bac-giang-2012" / "cv-27-stttt-vp-2012-scan.pdf", 300, 150),
        (made, 300, 240),
        (made, 200, 200),
    ]
    got = []
    for path, dpi, _ in cases:
        pdf = pdfium.PdfDocument(str(path))
        try:
            got.append(render_dpi(pdf[0], dpi))
        finally:
            pdf.close()
    assert got == [wanted for _, _, wanted in cases]


def test_black_and_white_scan_is_rendered_in_greyscale_with_the_same_pixels() -> None:
    # A 1-bit JBIG2 scan: nothing on the page can be red, so it is rendered in greyscale
    # straight away; the pixels are those of the colour rendering's luminance.
    import numpy as np
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    pdf = pdfium.PdfDocument(str(FIXTURES / "archives" / "bac-giang-2012" / "cv-368-cv-bptt-tinh-uy-2012-scan.pdf"))
    try:
        page = pdf[0]
        colour = np.asarray(page.render(scale=150 / 72, draw_annots=False, may_draw_forms=False).to_pil().convert("L"))
        assert ocr._greyscale_only(page)
        assert np.array_equal(ocr._raster(page, 150), colour)
    finally:
        pdf.close()


def test_red_of_a_seal_is_whitened_and_blue_ink_stays_dark(tmp_path: Path) -> None:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 300), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, 180, 180), fill=(210, 40, 40))  # the seal
    draw.rectangle((220, 40, 380, 80), fill=(30, 40, 190))  # a handwritten number in blue ink
    draw.rectangle((220, 200, 380, 240), fill=(10, 10, 10))  # print
    image.save(tmp_path / "page.pdf", resolution=100)
    pdf = pdfium.PdfDocument(str(tmp_path / "page.pdf"))
    try:
        page = pdf[0]
        assert not ocr._greyscale_only(page)
        grey = ocr._raster(page, 100)
    finally:
        pdf.close()
    assert grey.shape == (300, 400)
    assert (grey[100, 100], grey[60, 300] < 80, grey[220, 300] < 40) == (255, True, True)


# --- Page layout from the stored TSV ---------------------------------------------------------

def test_header_block_is_split_into_its_two_columns(stored_blocks: dict[int, list[Block]]) -> None:
    header = stored_blocks[1][0]
    assert header.kind == "layout"
    assert header.rows == [
        ["BỘ CÔNG AN\nCÔNG AN TỈNH LÂM ĐỒNG",
         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
        # Without a second reading of the handwritten day it is left blank, not guessed.
        ["Số: 03/BCĐX-CAT(PC04)", "Lâm Đồng, ngày tháng 01 năm 2026"],
    ]


def test_header_ends_at_a_misread_kinh_gui() -> None:
    # cv-5689-bca-c04-2025-scan.pdf (shared archives), at 300 dpi: its blank ``Kính gửi:`` read
    # ``Kính 8ửi:`` under the trích yếu went into the header's left column, after which the
    # place and date (right column) came after the addressee.
    rows = [(240, [("BỘ CÔNG AN", 420), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1150)]),
            (300, [("Độc lập - Tự do - Hạnh phúc", 1350)]),
            (390, [("Số: /BCA-C04", 430)]),
            (450, [("V/v dự kiến mục tiêu, nhiệm vụ, kế hoạch", 250), ("Hà Nội, ngày tháng 12 năm 2025", 1300)]),
            (500, [("đầu tư công trung hạn và năm 2026 vốn", 270)]),
            (550, [("NSTW thực hiện CTMTQG PCMT", 330)]),
            (600, [("đến năm 2030", 450)]),
            (780, [("Kính 8ửi:", 600)]),
            (900, [("Thực hiện Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội về phê", 380)]),
            (960, [("duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia phòng chống ma túy", 250)])]
    words = [w for key, (top, segments) in enumerate(rows, 1) for text, left in segments
             for w in words_of(text, top, key, left=left)]
    header, addressee = page_blocks(words, 1, 2480, 3508)[:2]
    assert header.rows[1] == ["Số: /BCA-C04\nV/v dự kiến mục tiêu, nhiệm vụ, kế hoạch\nđầu tư công trung hạn và năm "
                              "2026 vốn\nNSTW thực hiện CTMTQG PCMT\nđến năm 2030", "Hà Nội, ngày tháng 12 năm 2025"]
    assert addressee.text == "Kính gửi:"


def test_place_and_date_with_a_month_read_as_letters_and_a_glued_day() -> None:
    # cv-406-kcn-qhmt-2012-scan.pdf (shared archives), its header as Tesseract reads it at 300
    # dpi: the handwritten day glued to ``ngày`` (``ngàyÀC``) and the month 11 read ``1]``.
    rows = [(240, [("UBND TỈNH BẮC GIANG", 250), ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1150)]),
            (300, [("BAN QUẢN LÝ CÁC KCN", 250), ("Độc lập - Tự do - Hạnh phúc", 1350)]),
            (390, [("Số: /KCN-QHMT", 330)]),
            (450, [("V/v triển khai quan trắc môi trường", 250), ("Bắc Giang, ngàyÀC tháng 1] năm 2012", 1300)]),
            (700, [("Thực hiện chương trình quan trắc đánh giá hiện trạng môi trường của các khu", 380)]),
            (760, [("cụm công nghiệp năm 2012 Ban Quản lý các KCN tỉnh Bắc Giang tiến hành triển", 250)])]
    words = [w for key, (top, segments) in enumerate(rows, 1) for text, left in segments
             for w in words_of(text, top, key, left=left)]
    header = page_blocks(words, 1, 2480, 3508)[0]
    assert header.rows[-1][1] == "Bắc Giang, ngày tháng 11 năm 2012"


def test_type_name_follows_the_header(stored_blocks: dict[int, list[Block]]) -> None:
    assert stored_blocks[1][1].text == "BÁO CÁO ĐỀ XUẤT"


def test_e_signature_copy_stamp_is_dropped(stored_blocks: dict[int, list[Block]]) -> None:
    words = " ".join(w.text for w in stored_words(1))
    assert "SAO Y" in words  # Tesseract reads it ...
    texts = [b.text or json.dumps(b.rows, ensure_ascii=False) for bs in stored_blocks.values() for b in bs]
    assert not any("SAO Y" in t or "16:42:26" in t for t in texts)  # ... the reader drops it


def test_page_number_is_dropped(stored_blocks: dict[int, list[Block]]) -> None:
    assert stored_blocks[2][0].text.startswith("+ Hình thức:")


def test_hanging_continuation_line_stays_in_its_bullet(stored_blocks: dict[int, list[Block]]) -> None:
    item = next(b.text for b in stored_blocks[1] if b.text.startswith("- Đồng Chí Nguyễn Minh"))
    assert "Ủy ban nhân dân tỉnh, Chủ tịch Hội đồng cấp tỉnh xét duyệt địa bàn cấp xã không ma" in item


def test_wrapped_lines_of_a_paragraph_are_joined(stored_blocks: dict[int, list[Block]]) -> None:
    first = next(b.text for b in stored_blocks[1] if b.text.startswith("Thực hiện Kế hoạch"))
    assert first.endswith("Công an tỉnh đã hoàn thiện nội dung, chương trình liên quan, cụ thể như sau:")


@pytest.mark.parametrize(("following", "starts"), [
    ("Điều 6. Thời gian và địa điểm tổ chức thi", True),  # cv-298-stttt-cntt-2012-scan.pdf, page 4
    ("(2) Chương trình Lễ ra mắt tổ chức đảng:", True),  # hd-btctu's numbered items
    ("1- Tường rào hoàn thành 26/12/2009.", True),  # ban-tu-khai's
    ("a. đối với cán bộ, công chức;", True),  # a letter's item in lower case
    ("III KẾT QUẢ THỰC HIỆN:", True),  # a Roman number written bare, as the seed writes it
    ("Điều 12 của Quy chế này quy định", False),  # a sentence a wrapped line happens to start
])
def test_an_item_or_a_label_after_a_finished_sentence_starts_a_paragraph(following: str, starts: bool) -> None:
    # cv-298-stttt-cntt-2012-scan.pdf, page 4: the Thể lệ's Điều 6 under the full lines of Điều 5
    def line(text: str, top: int) -> Line:
        words, left = [], 200
        for t in text.split():
            words.append(Word(t, left, top, left + 20 * len(t), top + 40, 95.0, (1, 1, 1)))
            left += 20 * len(t) + 20
        return Line(words)

    geo = PageGeometry(width=2480, height=3508, text_left=200, text_right=1800, word_height=40)
    lines = [line("đường Hoàng Văn Thụ, Thành phố Bắc Giang, tỉnh Bắc Giang hoặc email sở thông tin", 1000),
             line("so_tttt_vt@bacgiang.gov.vn. Chậm nhất ngày 20/9/2012 các đơn vị gửi hồ sơ.", 1060),
             line(following, 1120)]
    assert (paragraphs(lines, geo)[-1] == following) is starts


def test_numbered_paragraphs_start_paragraphs(stored_blocks: dict[int, list[Block]]) -> None:
    starts = [b.text[:3] for b in stored_blocks[2] if b.kind == "paragraph"]
    assert [s for s in starts if s[0].isdigit()] == ["1. ", "2. ", "3. "]


def test_recipients_and_signature_are_one_layout_block(stored_blocks: dict[int, list[Block]]) -> None:
    closing = stored_blocks[2][-1]
    assert closing.kind == "layout"
    left, right = closing.rows[0]
    assert left.split("\n")[:3] == ["Nơi nhận:", "- Như kính gửi;", "- Văn phòng UBND tỉnh (p/hợp chỉ đạo);"]
    # The red seal overlapping GIÁM ĐỐC is whitened before OCR: no seal text, no junk.
    assert right == "GIÁM ĐỐC\nThiếu tướng Trương Minh Đương"


def test_confident_second_reading_fills_the_handwritten_day() -> None:
    blocks = page_blocks(stored_words(1), 1, WIDTH, HEIGHT, read_field=lambda box: ("06", 91.0))
    assert blocks[0].rows[1][1] == "Lâm Đồng, ngày 06 tháng 01 năm 2026"


def test_unconfident_second_reading_leaves_the_day_blank() -> None:
    # What Tesseract really gives for the handwritten "06" read on its own: "9" at confidence 0.
    blocks = page_blocks(stored_words(1), 1, WIDTH, HEIGHT, read_field=lambda box: ("9", 0.0))
    assert blocks[0].rows[1][1] == "Lâm Đồng, ngày tháng 01 năm 2026"


def test_upright_page_is_not_taken_for_sideways() -> None:
    assert not looks_sideways(stored_words(1))


def test_words_standing_on_end_are_taken_for_sideways() -> None:
    turned = [Word(w.text, w.top, w.left, w.bottom, w.right, w.conf, w.line_key) for w in stored_words(1)]
    assert looks_sideways(turned)


def test_layout_assembles_in_the_order_metadata_reads(stored_blocks: dict[int, list[Block]]) -> None:
    text = assemble(SourceDocument(stored_blocks[1])).text
    assert text.split("\n")[:7] == [
        "BỘ CÔNG AN", "CÔNG AN TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 03/BCĐX-CAT(PC04)", "Lâm Đồng, ngày tháng 01 năm 2026", "BÁO CÁO ĐỀ XUẤT"]


# --- End to end: Tesseract on the real scan --------------------------------------------------

def test_scan_is_read_by_ocr(scan_report: Report) -> None:
    assert (scan_report.source.format, scan_report.source.ocr, scan_report.source.pages) == ("pdf", True, 2)


def test_scan_gives_its_number(scan_report: Report) -> None:
    assert scan_report.metadata.number is not None
    assert scan_report.metadata.number.number == "03"


def test_scan_gives_its_january_2026_date(scan_report: Report) -> None:
    date = scan_report.metadata.date
    assert date is not None and (date.year, date.month) == (2026, 1)


def test_scan_gives_its_type(scan_report: Report) -> None:
    assert scan_report.metadata.doc_type == "Báo cáo đề xuất"


def test_scan_gives_its_issuer(scan_report: Report) -> None:
    assert (scan_report.metadata.parent_issuer, scan_report.metadata.issuer) == (
        "BỘ CÔNG AN", "CÔNG AN TỈNH LÂM ĐỒNG")


def test_scan_citations_match_the_hand_made_gold(scan_report: Report) -> None:
    result = score(load_gold(GOLD), scan_report.model_dump(mode="json"), str(SCAN))
    f1 = (result["citations"]["f1"], result["citation_dates"]["f1"], result["documents"]["f1"])
    assert f1 == (1.0, 1.0, 1.0)


def test_scan_dates_match_the_gold_but_the_handwritten_day(scan_report: Report) -> None:
    result = score(load_gold(GOLD), scan_report.model_dump(mode="json"), str(SCAN))
    assert (result["dates"]["missed"], result["dates"]["extra"]) == (["2026-01-06"], ["2026-01"])


def test_scan_metadata_matches_the_gold_but_the_handwritten_day(scan_report: Report) -> None:
    # ``ma tÚy`` and ``Đ/e`` repaired: the recipients match; only the day written by hand is missing.
    result = score(load_gold(GOLD), scan_report.model_dump(mode="json"), str(SCAN))
    assert [field for field, ok in result["metadata"]["fields"].items() if not ok] == ["date"]


def test_scan_sections_match_the_gold(scan_report: Report) -> None:
    result = score(load_gold(GOLD), scan_report.model_dump(mode="json"), str(SCAN))
    assert result["sections"]["f1"] == 1.0


def test_scan_text_has_no_seal_or_stamp(scan_report: Report) -> None:
    assert not any(s in scan_report.text for s in ("SAO Y", "16:42:26", "X.H.C.N"))


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_bold_roman_numbers_are_counted_again() -> None:
    # The generated seed scan: bold "II." is read "I." and "III" "II" by Tesseract; their stems
    # are counted again on the image.
    pages = ocr_pages(SEED_SCAN, [1, 2])
    headings = ("CÔNG TÁC LÃNH ĐẠO", "KẾT QUẢ THỰC HIỆN")
    starts = [b.text.split(" ")[0] for n in (1, 2) for b in pages[n]
              if any(h in b.text[:30] for h in headings)]
    assert starts == ["II.", "III"]


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_page_scanned_sideways_is_turned_upright(tmp_path: Path) -> None:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    pdf = pdfium.PdfDocument(str(SCAN))
    pdf[0].set_rotation(90)
    turned = tmp_path / "sideways.pdf"
    pdf.save(str(turned))
    pdf.close()
    header = ocr_pages(turned, [1], dpi=200)[1][0]
    assert header.kind == "layout" and header.rows[0][0] == "BỘ CÔNG AN\nCÔNG AN TỈNH LÂM ĐỒNG"


# --- Print Tesseract's segmentation dropped, read again ---------------------------------------

def words_of(text: str, top: int, key: int, conf: float = 95.0, left: int = 100) -> list[Word]:
    out = []
    for t in text.split():
        out.append(Word(t, left, top, left + 20 * len(t), top + 40, conf, (key, 1, 1)))
        left += 20 * len(t) + 15
    return out


def test_words_dropped_from_a_line_are_filled_in_from_the_second_reading() -> None:
    first = words_of("Thực hiện", 100, 1) + words_of("của Chính phủ", 100, 1, left=800)
    again = words_of("Nghị quyết số 93/NQ-CP", 102, 1, left=350)
    merged = merge_reread(first, ([Line(first)], []), again)
    assert [w.text for w in sorted(merged, key=lambda w: w.left)] == [
        "Thực", "hiện", "Nghị", "quyết", "số", "93/NQ-CP", "của", "Chính", "phủ"]


def test_a_line_found_only_by_the_second_reading_is_added_and_junk_is_not() -> None:
    first = words_of("Kính gửi: UBND các tỉnh", 100, 1)
    again = words_of("Căn cứ Quyết định số 2729/QĐ-UBND", 200, 1) + words_of("*=:f ~ƒ", 300, 2, conf=20.0)
    merged = merge_reread(first, ([], []), again)
    assert " ".join(w.text for w in merged) == "Kính gửi: UBND các tỉnh Căn cứ Quyết định số 2729/QĐ-UBND"


def test_a_line_already_read_is_not_added_twice() -> None:
    first = words_of("Trân trọng cảm ơn", 100, 1)
    again = words_of("Trân trong cảm ơn", 100, 1, conf=80.0)
    assert merge_reread(first, ([], []), again) == first


def test_a_tangled_line_read_again_keeps_the_label_of_its_blank_number() -> None:
    # ttr-298 (scan-bad-ocr): ``Số298 /TTr- CAT-PC04``, the handwritten 298 glued to ``Số``:
    # read ``Số`` at confidence 17, then 9; the label of the blank still ends the field.
    first = words_of("Số", 353, 1, conf=17.0, left=345) + words_of("/TTr- CAT-PC04", 363, 1, left=482)
    again = words_of("Số", 353, 1, conf=9.0, left=345) + words_of("/TTr- CAT-PC04", 363, 1, left=482)
    merged = merge_reread(first, ([], [Line(first)]), again)
    assert [w.text for w in sorted(merged, key=lambda w: w.left)] == ["Số", "/TTr-", "CAT-PC04"]


def test_an_unsure_mark_before_a_line_read_again_is_left_out() -> None:
    first = words_of("m— /TTr- CAT-PC04", 363, 1, conf=20.0)
    again = words_of("m— /TTr- CAT-PC04", 363, 1, conf=20.0)
    again = [again[0]] + [Word(w.text, w.left, w.top, w.right, w.bottom, 93.0, w.line_key) for w in again[1:]]
    merged = merge_reread(first, ([], [Line(first)]), again)
    assert [w.text for w in sorted(merged, key=lambda w: w.left)] == ["/TTr-", "CAT-PC04"]


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_paragraph_and_position_tesseract_dropped_are_read() -> None:
    report = parse_file(DROPPED_SCAN)
    first = report.citations[0]
    # The second reading gives 2720 at 90; the number read again alone, 2729.
    assert (first.doc_type, first.symbol) == ("Quyết định", "2729/QĐ-UBND")
    assert report.metadata.signer is not None and report.metadata.signer.position == "Giám đốc"


# --- Symbols read doubtfully, read again alone ------------------------------------------------

def test_a_symbol_number_read_doubtfully_is_read_again() -> None:
    # tb-666 (Bến Tre): the second reading of the dropped paragraph gave "2720" at 90.
    line = [*words_of("Căn cứ Quyết định số", 736, 1),
            Word("2720", 719, 736, 828, 777, 90.2, (1, 1, 1)), Word("/QĐ-UBND", 847, 739, 1040, 780, 85.2, (1, 1, 1)),
            Word("ngày", 1060, 736, 1140, 777, 95.0, (1, 1, 1))]
    assert [w.text for w in ocr.doubtful_symbols(line)] == ["2720"]


def test_a_symbol_read_surely_or_in_the_number_line_is_not_read_again() -> None:
    # qd-1462: the nine symbols of its Căn cứ lines, read at 92 to 96; the Số line is a field's.
    assert ocr.doubtful_symbols(words_of("Căn cứ Nghị định số 92/2006/NĐ-CP ngày 07/9/2006", 100, 1, conf=96)) == []
    assert ocr.doubtful_symbols(words_of("Số: 2/4 /QĐ-UBND", 100, 1, conf=4)) == []


def test_a_number_glued_to_its_symbol_in_the_number_line_read_below_doubt_is_read_again() -> None:
    # cv-390 (Bắc Giang): the stamped 390 of ``Số: 390/VP-TH`` read ``340/VP-TH`` at 89.
    line = [Word("Số:", 100, 100, 160, 140, 93.0, (1, 1, 1)), Word("340/VP-TH", 175, 100, 380, 140, 88.8, (1, 1, 1))]
    assert [w.text for w in ocr.doubtful_symbols(line)] == ["340/VP-TH"]


def test_a_number_glued_to_its_symbol_read_surely_is_not_read_again() -> None:
    # Typed numbers read at 91 and more stand.
    assert ocr.doubtful_symbols(words_of("Số: 12/BC-UBND", 100, 1, conf=96)) == []


def test_a_number_glued_to_its_symbol_read_as_no_print_is_a_fields() -> None:
    # cv-406: the handwritten 406 read ``4/KCN-QHMT`` at 47 is cut off and read as a field.
    assert ocr.header_numbers(words_of("Số: 4/KCN-QHMT", 100, 1, conf=47)) == []


def test_the_header_number_is_the_one_after_the_capitalised_label() -> None:
    line = words_of("Số: 340/VP-TH", 100, 1, conf=88.8)
    assert [w.text for w in ocr.header_numbers(line)] == ["340/VP-TH"]


def test_a_symbol_after_số_in_running_text_is_no_header_number() -> None:
    # ``Công văn số: 340/VP-TH``, a line that opens ``số 340/VP-TH``: citations, not the Số line.
    assert ocr.header_numbers(words_of("Thực hiện Công văn số: 340/VP-TH ngày", 100, 1, conf=88.8)) == []


def test_a_party_number_glued_by_its_dash_is_no_header_number() -> None:
    # cv-368: ``Số 36§-CV/BPTT``; a Party number's dash is left to the field's reading.
    assert ocr.header_numbers(words_of("Số: 368-CV/BPTT", 100, 1, conf=88.8)) == []


def test_a_number_line_read_alone_as_another_number_takes_the_number_out() -> None:
    # cv-390: 340 at 89 on the page, 330 at 65 alone; the field is then read by its box.
    assert ocr.header_number_in_doubt("340/VP-TH", 88.8, "330/VP-TH", 64.9) == ("/VP-TH", "340", "330")


def test_a_number_line_read_alone_as_the_same_number_stands() -> None:
    assert ocr.header_number_in_doubt("340/VP-TH", 88.8, "340/VP-TH", 70.0) is None


def test_a_number_line_read_alone_as_no_symbol_stands() -> None:
    assert ocr.header_number_in_doubt("340/VP-TH", 88.8, "330/", 70.0) is None


def test_a_number_line_read_alone_below_print_confidence_stands() -> None:
    assert ocr.header_number_in_doubt("340/VP-TH", 88.8, "330/VP-TH", 55.0) is None


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_a_stamped_number_read_two_ways_is_read_as_a_field() -> None:
    # cv-390 (Bắc Giang): ``Số: 390/VP-TH``, its 390 stamped in bold italic, read 340 at 89
    # on the page and 330 alone; read by its box, the handwriting reader reads 390 surely.
    report = parse_file(FIXTURES / "archives" / "bac-giang-2012" / "cv-390-vp-th-2012-scan.pdf")
    assert report.metadata.number is not None and report.metadata.number.symbol == "390/VP-TH"
    assert [w.message for w in report.warnings if "document number" in w.message] == [
        "page 1: the document number '340' (confidence 89) read alone as '330' (confidence 65): read again as a field",
        "document number '330' read as handwriting '390'"]


def test_a_word_of_the_second_reading_a_pixel_off_is_the_first_readings() -> None:
    # bcdx-03 page 1: the second reading moved the right edge of 28/2025/QĐ-TTg by one pixel.
    first = Word("28/2025/QĐ-TTg", 1139, 1409, 1411, 1449, 0.0, (1, 1, 1))
    assert ocr.same_reading(Word("28/2025/QĐ-TTg", 1139, 1409, 1410, 1449, 0.0, (7, 1, 1)), first)


def test_the_same_symbol_elsewhere_on_the_page_is_another_word() -> None:
    first = Word("28/2025/QĐ-TTg", 1139, 1409, 1411, 1449, 0.0, (1, 1, 1))
    assert not ocr.same_reading(Word("28/2025/QĐ-TTg", 704, 911, 975, 949, 87.6, (1, 1, 1)), first)


def test_another_text_in_the_same_box_is_another_word() -> None:
    first = Word("2720", 719, 736, 828, 777, 90.2, (1, 1, 1))
    assert not ocr.same_reading(Word("2729", 719, 736, 828, 777, 95.7, (1, 1, 1)), first)


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_symbols_of_both_readings_read_again_at_once_keep_their_own_crops() -> None:
    # cv-695 page 1: 26/NQ-TW (first reading, 52) and 24/2008/NQ-CP (second reading, 90) are
    # read again in two runs under way at once. On one core both crops were once written to
    # one file, and 26/NQ-TW became 24/2008/NQ-CP.
    blocks = ocr.ocr_pages(BAC_GIANG / "cv-695-ubnd-vx-2012-scan.pdf", [1], workers=1)[1]
    text = "\n".join(b.text for b in blocks if b.text)
    assert "26/NQ-TW" in text and text.count("24/2008/NQ-CP") == 1


def test_a_reading_alone_replaces_the_second_reading_s_word_when_surer_than_it() -> None:
    first = Word("2720", 719, 736, 828, 777, 60.0, (1, 1, 1))
    alone = Word("2729", 719, 736, 828, 777, 95.7, (1, 1, 1))
    second = Word("2720", 719, 736, 829, 777, 90.2, (2, 1, 1))
    assert ocr.carried_over({first: alone}, {second: first})[second].text == "2729"


def test_a_reading_alone_less_sure_than_the_second_reading_leaves_its_word() -> None:
    first = Word("2720", 719, 736, 828, 777, 60.0, (1, 1, 1))
    alone = Word("2729", 719, 736, 828, 777, 80.0, (1, 1, 1))
    second = Word("2720", 719, 736, 829, 777, 90.2, (2, 1, 1))
    assert second not in ocr.carried_over({first: alone}, {second: first})


@pytest.mark.parametrize(("first", "again"), [("__115__", "115"), ("……115", "115"), ("-1185-", "1185"),
                                              ("·09·", "09"), ("“27", "27")])
def test_a_field_s_leaders_are_no_marks_a_second_reading_must_match(first: str, again: str) -> None:
    assert ocr._keeps_digits(first, again)


def test_a_symbol_read_again_replaces_the_reading_only_when_surer_and_alike() -> None:
    assert ocr.better_symbol("2720", 90.2, "2729", 95.7)  # tb-666
    assert ocr.better_symbol("34/BC-CAT-PHI10", 44.0, "34/BC-CAT-PH10", 71.6)  # cv-3980, footnote 2
    assert not ocr.better_symbol("518/2011/QĐ-UBND);", 89.0, "Š18/2011/QĐ-UBND);", 40.3)  # cv-298: less sure
    assert not ocr.better_symbol("163/2024/QHI15;", 60.0, "163/2024/QHI5;", 52.7)  # cv-3980: less sure
    assert not ocr.better_symbol("2720", 90.2, "272", 95.0)  # a digit fewer


# --- Repairs where the context decides, both directions --------------------------------------

def test_number_of_a_symbol_read_with_an_s_is_repaired() -> None:
    # cv-3980 (Bộ Công an): "Nghị quyết số 50/NQ-CP ngày 13/3/2025" read with an S for the 5.
    assert repair_numbers("Nghị quyết số S0/NQ- CP ngày 13/3/2025")[0] == "Nghị quyết số 50/NQ- CP ngày 13/3/2025"


def test_speck_before_the_number_line_goes() -> None:
    # cv-298 (Sở TT&TT Bắc Giang): a dot left of "Số:", its handwritten number read "2".
    assert ocr._number_line_text(". Số: 2 /STTTT-CNTT") == "Số: 2/STTTT-CNTT"
    assert ocr._number_line_text("- Số liệu 2 tháng") == "- Số liệu 2 tháng"


def test_month_read_with_letters_is_repaired_and_reported() -> None:
    # tb-666 (Bến Tre): the citation's date "16 tháng 11 năm 2011" as Tesseract read it.
    assert repair_numbers("ngày 16 tháng 1l năm 2011") == ("ngày 16 tháng 11 năm 2011", ["tháng '1l' → '11'"])


def test_number_of_a_party_symbol_read_with_a_section_sign_is_repaired() -> None:
    # cv-368 (Tỉnh ủy Bắc Giang): "Số 368-CV/BPTT" read "Số 36§-CV/BPTT".
    assert repair_numbers("Số 36§-CV/BPTT")[0] == "Số 368-CV/BPTT"


def test_heading_number_read_with_a_comma_is_repaired() -> None:
    assert repair_heading_number("1,3. Tổ chức thực hiện")[0] == "1.3. Tổ chức thực hiện"


def test_sub_heading_number_read_as_l_is_repaired() -> None:
    # hd-06 scanned at 300 dpi: ``1.1. Về tuổi đời`` read ``L1. Về tuổi đời``.
    assert repair_heading_number("L1. Về tuổi đời")[0] == "1.1. Về tuổi đời"


def test_roman_heading_read_with_a_stroke_too_many_is_set_by_its_sequence() -> None:
    # bc-mo-hinh scanned at 300 dpi: the bold ``I.`` read ``II.``, the next heading being ``II.``.
    blocks = [Block("paragraph", "II. CÔNG TÁC TRIỂN KHAI"), Block("paragraph", "Ủy ban nhân dân tỉnh ban hành."),
              Block("paragraph", "II. KẾT QUẢ THỰC HIỆN")]
    assert (roman_sequence(blocks), blocks[0].text) == (
        ["heading 'II.' → 'I.' (in a sequence that has II. twice)"], "I. CÔNG TÁC TRIỂN KHAI")


def test_roman_heading_garbled_past_reading_is_the_one_its_place_needs() -> None:
    # bc-115-bc-kcn-pctn-2012-scan: a serif ``II.`` read ``__H,`` between ``I.`` and ``III.``.
    blocks = [Block("paragraph", "I. MỘT SỐ KẾT QUẢ CHỦ YẾU CỦA CÔNG TÁC PCTN"), Block("paragraph", "Nội dung."),
              Block("paragraph", "__H, DANH SÁCH CÁC VỤ THAM NHŨNG ĐƯỢC PHÁT HIỆN TRONG THÁNG: Không có"),
              Block("paragraph", "III. NHIỆM VỤ TRỌNG TÂM CÔNG TÁC PCTN THÁNG 12/2012:")]
    assert (roman_sequence(blocks), blocks[2].text) == (
        ["heading '__H,' → 'II.' (between I. and III.)"],
        "II. DANH SÁCH CÁC VỤ THAM NHŨNG ĐƯỢC PHÁT HIỆN TRONG THÁNG: Không có")


@pytest.mark.parametrize("line", [
    "1. CÔNG TÁC TUYÊN TRUYỀN PHÁP LUẬT",  # an Arabic heading
    "l. CÔNG TÁC TUYÊN TRUYỀN PHÁP LUẬT",  # ... its 1 read as one stroke: not the two of II
    "|. CÔNG TÁC TUYÊN TRUYỀN PHÁP LUẬT",
    "- H, NGUYỄN VĂN AN TRƯỞNG BAN",  # a bulleted line
    "H. ĐỨC TRỌNG",  # a district (huyện) abbreviated: a title of two words
])
def test_a_line_in_a_gap_of_the_roman_sequence_that_is_no_garbled_heading_is_left_alone(line: str) -> None:
    blocks = [Block("paragraph", "I. KẾT QUẢ"), Block("paragraph", line), Block("paragraph", "III. NHIỆM VỤ")]
    assert (roman_sequence(blocks), blocks[1].text) == ([], line)


def test_a_gap_in_the_roman_sequence_of_pages_not_all_read_is_left() -> None:
    line = "__H, DANH SÁCH CÁC VỤ THAM NHŨNG"
    blocks = [Block("paragraph", "I. KẾT QUẢ"), Block("paragraph", line), Block("paragraph", "III. NHIỆM VỤ")]
    assert (roman_sequence(blocks, complete=False), blocks[1].text) == ([], line)


def test_roman_sequence_read_from_a_later_page_is_not_set_to_start_at_one() -> None:
    # Pages 3-4 of a report (ParseOptions(pages=...)): its I. lies on a page not read.
    blocks = [Block("paragraph", "II. CÔNG TÁC TRIỂN KHAI"), Block("paragraph", "II. KẾT QUẢ THỰC HIỆN")]
    assert (roman_sequence(blocks, from_start=False), blocks[0].text) == ([], "II. CÔNG TÁC TRIỂN KHAI")


def test_roman_headings_of_two_documents_are_two_sequences() -> None:
    # A letter whose only heading is ``I.``, signed, and the report it sends, which starts at ``I.`` again.
    texts = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "I. NỘI DUNG", "Đề nghị các đơn vị thực hiện.", "Nơi nhận:",
             "KT. GIÁM ĐỐC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "I. KẾT QUẢ"]
    parts = split_documents(SourceDocument([Block("paragraph", t) for t in texts], Source(format="pdf")))
    assert (len(parts), [roman_sequence(part.blocks) for part in parts]) == (2, [[], []])


def test_roman_heading_read_il_is_repaired() -> None:
    assert repair_heading_number("IL. NHIỆM VỤ TRỌNG TÂM")[0] == "II. NHIỆM VỤ TRỌNG TÂM"


def test_roman_month_of_a_lunar_date_is_not_touched() -> None:
    assert repair_numbers("tháng II âm lịch, Mục I") == ("tháng II âm lịch, Mục I", [])


def test_correct_text_is_never_repaired() -> None:
    # The other direction: the repairs change nothing in documents typed, not scanned.
    texts = [(FIXTURES / "seed" / "000_c44f0d63a01b8516.txt").read_text(encoding="utf-8")]
    texts += [parse_file(p).text for p in sorted((FIXTURES / "real").glob("*.docx"))]
    def repaired(line: str) -> str:
        line = repair_words(repair_heading_number(repair_numbers(line)[0])[0])[0]
        return fix_labels(repair_type_words(line)[0], place_date=False)

    changed = [(line, fixed) for text in texts for line in text.splitlines()
               for fixed in [repaired(line)] if fixed != line]
    assert changed == []


# ttr-409 (Lâm Đồng 2025), a 100 ppi scan: ``ngày`` before a citation's date read a letter off.
@pytest.mark.parametrize(("read", "fixed"), [
    ("Nghị quyết số 50/NQ-CP rgày 13/3/2025", "Nghị quyết số 50/NQ-CP ngày 13/3/2025"),
    ("Hướng dẫn số 37/HD-BCA-C04 nuày 24/9/2025", "Hướng dẫn số 37/HD-BCA-C04 ngày 24/9/2025"),
])
def test_the_day_word_before_a_date_is_restored(read: str, fixed: str) -> None:
    assert repair_words(read) == (fixed, [f"{read.split()[-2]!r} → 'ngày'"])


@pytest.mark.parametrize("text", [
    "giao bà Ngân 12/3/2025",  # a syllable (a name) one letter off
    "thực hiện ngay 12/3/2025",  # ``ngay`` is a word
])
def test_a_syllable_before_a_date_stays(text: str) -> None:
    assert repair_words(text) == (text, [])


def test_unreadable_handwritten_day_is_left_blank_with_a_warning() -> None:
    notes: list[tuple[str, str]] = []
    blocks = page_blocks(stored_words(1), 1, WIDTH, HEIGHT, read_field=lambda box: ("9", 0.0), notes=notes)
    assert blocks[0].rows[1][1] == "Lâm Đồng, ngày tháng 01 năm 2026"
    # A reading at confidence 0 is noise: not named.
    assert ("ocr-unread-field", "the day of the date could not be read (handwritten or stamped?): left blank") in notes


# The handwriting reader (readers/digits.py) beside Tesseract's reading of the same field.

def _hand(text: str, confidence: float) -> ReadHand:
    """A handwriting reader that reads ``text`` in any box."""
    return lambda box, valid: HandReading(text, confidence)


def _no_hand(box: Box, valid: Callable[[str], bool]) -> HandReading | None:
    return None


def _date_row(read: tuple[str, float] | None, hand: HandReading | None,
              notes: list[tuple[str, str]] | None = None) -> str:
    blocks = page_blocks(stored_words(1), 1, WIDTH, HEIGHT, read_field=lambda box: read,
                         read_hand=lambda box, valid: hand, notes=notes)
    return blocks[0].rows[1][1]


def test_confident_handwriting_reading_fills_the_day_tesseract_could_not_read() -> None:
    assert _date_row(("9", 0.0), HandReading("06", 0.99)) == "Lâm Đồng, ngày 06 tháng 01 năm 2026"


def test_second_reading_contradicted_by_the_handwriting_reader_is_dropped() -> None:
    # qd-126 read its handwritten 126 as 426 at confidence 70+: a guess, which is not kept.
    notes: list[tuple[str, str]] = []
    assert _date_row(("08", 91.0), HandReading("06", 0.6), notes) == "Lâm Đồng, ngày tháng 01 năm 2026"
    # The readings that disagreed are named, for whoever checks the page; the record stays blank.
    assert ("ocr-unread-field", "the day of the date could not be read (handwritten or stamped?): left blank; "
            "unsure readings: '08' (read again, confidence 91), '06' (handwriting, confidence 0.60)") in notes


def test_confident_handwriting_reading_overrules_a_contradicting_second_reading() -> None:
    notes: list[tuple[str, str]] = []
    assert _date_row(("08", 91.0), HandReading("06", 0.99), notes) == "Lâm Đồng, ngày 06 tháng 01 năm 2026"
    assert ("ocr-repair", "day of the date '08' read as handwriting '06'") in notes


def test_confident_print_is_not_checked_against_the_handwriting_reader() -> None:
    # cv-368: the day 15 printed by the e-office system, read at confidence 97.
    row = _row(("Bắc", 1195, 1298), ("Giang,", 1314, 1454), ("ngày", 1476, 1587), ("15", 1610, 1666),
               ("tháng", 1692, 1822), ("10", 1841, 1891), ("năm", 1912, 2009), ("2012", 2027, 2141))
    fixed = _fix_fields(row, None, None, _hand("16", 0.99))
    assert fixed.text == "Bắc Giang, ngày 15 tháng 10 năm 2012"


def _number_row(conf: float) -> Line:
    # cv-4409's number, written 4409 and read 409 at confidence 68.
    return Line([Word("Số:", 470, 1000, 534, 1042, 94.0, (1, 1, 1)), Word("409", 577, 1000, 644, 1042, conf, (1, 1, 1)),
                 Word("/BCA-C04", 742, 1000, 954, 1042, 46.0, (1, 1, 1))])


def test_doubtful_print_confirmed_by_the_handwriting_reader_stands() -> None:
    assert _fix_fields(_number_row(68.0), None, None, _hand("409", 0.5)).text == "Số: 409 /BCA-C04"


def test_doubtful_print_contradicted_by_the_handwriting_reader_is_dropped() -> None:
    assert _fix_fields(_number_row(68.0), None, None, _hand("489", 0.5)).text == "Số: /BCA-C04"


def test_doubtful_print_is_replaced_only_by_a_sure_reading_of_as_many_digits() -> None:
    row = _number_row(68.0)
    assert _fix_fields(row, None, None, _hand("469", 0.97)).text == "Số: 469 /BCA-C04"
    # A reading with a digit more or fewer may have a digit cut off by the crop, or the slash
    # read as a 1: no guess.
    assert _fix_fields(row, None, None, _hand("4091", 0.97)).text == "Số: /BCA-C04"
    assert _fix_fields(row, None, None, _hand("09", 0.97)).text == "Số: /BCA-C04"


def test_doubtful_print_that_read_two_like_digits_as_one_takes_the_sure_handwriting() -> None:
    # cv-4409: written 4409, Tesseract 409 at 68, the handwriting reader 4409 at 0.77.
    notes: list[tuple[str, str]] = []
    fixed = _fix_fields(_number_row(68.0), None, notes, _hand("4409", 0.77))
    assert fixed.text == "Số: 4409 /BCA-C04"
    assert ("ocr-repair", "document number '409' read as handwriting '4409'") in notes


def _lost_slash_row() -> Line:
    # cv-1139: ``Số: 1139 /BĐH``, the handwritten 1139 read 443 at confidence 92, the slash lost.
    return Line([Word("Số:", 470, 1000, 534, 1042, 96.0, (1, 1, 1)), Word("443", 577, 1000, 660, 1042, 92.0, (1, 1, 1)),
                 Word("BĐH", 700, 1000, 790, 1042, 40.0, (1, 1, 1))])


def test_number_read_beside_a_lost_slash_is_checked_against_the_handwriting() -> None:
    notes: list[tuple[str, str]] = []
    assert _fix_fields(_lost_slash_row(), None, notes, _hand("1139", 0.5)).text == "Số: /BĐH"
    assert ("ocr-repair", "the slash before the symbol 'BĐH' restored") in notes
    assert _fix_fields(_lost_slash_row(), None, None, _hand("443", 0.5)).text == "Số: 443 /BĐH"


def test_number_read_with_a_slash_glued_to_the_symbol_is_read_again_or_left_blank() -> None:
    # cv-682: ``Số: 682 /SCT-QLĐN``, the handwritten 682 read ``6/`` and glued to the symbol.
    row = Line([Word("Số:", 470, 1000, 534, 1042, 83.0, (1, 1, 1)),
                Word("6//SCT-QLĐN", 577, 1000, 900, 1042, 58.0, (1, 1, 1))])
    assert _fix_fields(row, None, None, _hand("682", 0.5)).text == "Số: /SCT-QLĐN"


def _glued_number_row(text: str, conf: float) -> Line:
    return Line([Word("Số:", 470, 1000, 534, 1042, 93.0, (1, 1, 1)), Word(text, 577, 1000, 900, 1042, conf, (1, 1, 1))])


def test_doubtful_number_glued_to_its_symbol_is_checked_as_a_field() -> None:
    # cv-406-kcn-qhmt-2012-scan (shared archive): the handwritten 406 read ``4`` at 47, glued to
    # the symbol by the second reading; the handwriting reader reads nothing there.
    assert _fix_fields(_glued_number_row("4/KCN-QHMT", 47.0), None, None, _no_hand).text == "Số: /KCN-QHMT"


def test_number_glued_to_its_symbol_read_as_print_stays_glued() -> None:
    # Above confidence 60 a glued number is print: no space is put into its symbol.
    assert _fix_fields(_glued_number_row("12/BC-UBND", 70.0), None, None, _no_hand).text == "Số: 12/BC-UBND"


def test_confident_number_glued_to_its_symbol_is_print() -> None:
    assert _fix_fields(_glued_number_row("12/BC-UBND", 93.0), None, None, _no_hand).text == "Số: 12/BC-UBND"


def _field_row(*words: tuple[str, float]) -> Line:
    """A place-and-date line, each word 100 pixels wide, with its confidence."""
    return Line([Word(t, 1000 + 110 * i, 300, 1100 + 110 * i, 340, conf, (1, 1, 1))
                 for i, (t, conf) in enumerate(words)])


def test_unconfirmed_day_read_below_sixty_is_left_blank() -> None:
    # cv-5689-bca-c04-2025-scan (shared archive): the handwritten day 16 read ``6`` at 32.
    row = _field_row(("Hà", 95), ("Nội,", 95), ("ngày", 95), ("6", 32), ("tháng", 95), ("12", 95), ("năm", 95),
                    ("2025", 95))
    assert _fix_fields(row, None, None, _no_hand).text == "Hà Nội, ngày tháng 12 năm 2025"


def test_month_glued_to_its_label_and_to_nam_is_cut_and_read_again() -> None:
    # cv-4552-bca-c04-2025-scan: the handwritten day 9 read ``Ÿ`` and month 10 read ``/2``, glued
    # to both ``tháng`` and ``năm``; neither is sure, both are left blank and the place stands.
    row = _field_row(("Hà", 96), ("Nội,", 96), ("ngày", 92), ("Ÿ", 27), ("tháng/2năm", 65), ("2025", 97))
    assert _fix_fields(row, None, None, _no_hand).text == "Hà Nội, ngày tháng năm 2025"


def test_unconfirmed_month_read_at_seventy_two_stands() -> None:
    # ttr-409-ttr-cat-pc04-2025-scan: the month 11 read at 72, no handwriting reading.
    row = _field_row(("ngày", 95), ("tháng", 95), ("11", 72), ("năm", 95), ("2025", 95))
    assert _fix_fields(row, None, None, _no_hand).text == "ngày tháng 11 năm 2025"


def test_second_reading_that_lost_a_character_of_the_first_is_no_sure_reading() -> None:
    # cv-61: the handwritten month 01 read ``Ø{``, read again on its own ``2`` at confidence 97.
    row = _row(("Bắc", 1195, 1298), ("Giang,", 1314, 1454), ("ngày", 1476, 1587), ("tháng", 1692, 1780),
               ("Ø{", 1785, 1860), ("năm", 1912, 2009), ("2012", 2027, 2141))
    notes: list[tuple[str, str]] = []
    def read(box: tuple[int, int, int, int]) -> tuple[str, float] | None:
        return ("2", 96.9) if box[0] > 1780 else None  # the month's box; the day's is blank

    assert _fix_fields(row, read, notes, _no_hand).text == "Bắc Giang, ngày tháng năm 2012"
    assert ("ocr-unread-field", "the month of the date could not be read (handwritten or stamped?): left blank; "
            "unsure readings: '2' (read again, confidence 97)") in notes
    # cv-298: its handwritten number 298 read ``27f``, read again ``2``.
    row = Line([Word("Số:", 470, 1000, 534, 1042, 90.0, (1, 1, 1)), Word("27f", 577, 1000, 644, 1042, 30.0, (1, 1, 1)),
                Word("/STTTT-CNTT", 742, 1000, 954, 1042, 80.0, (1, 1, 1))])
    assert _fix_fields(row, lambda box: ("2", 81.5), None, _no_hand).text == "Số: /STTTT-CNTT"


# --- Missing Tesseract, missing Vietnamese data, a hanging Tesseract -------------------------

def test_tesseract_missing_names_its_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MissingComponentError) as err:
        ocr_pages(SCAN, [1])
    assert (err.value.component, err.value.package) == ("Tesseract", "tesseract-ocr")


def test_scan_without_tesseract_is_one_line_in_the_cli(tmp_path: Path) -> None:
    env = dict(os.environ, PATH=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", "import sys; from vnreport_extract.cli import main; "
                           "sys.exit(main())", "parse", str(SCAN)], env=env, capture_output=True, text=True,
                          timeout=120)
    one_line = done.stderr.count("\n") == 1
    assert (done.returncode != 0, one_line, "'tesseract-ocr'" in done.stderr) == (True, True, True)


@pytest.mark.needs_tesseract
def test_vietnamese_data_missing_names_its_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))
    with pytest.raises(MissingComponentError) as err:
        ocr_pages(SCAN, [1])
    assert err.value.package == "tesseract-ocr-vie"


@pytest.mark.needs_tesseract
def test_another_language_missing_says_how_to_install_it_not_that_the_setup_does() -> None:
    from vnreport_extract.readers.system import tesseract

    with pytest.raises(MissingComponentError) as err:
        tesseract("vie+fra")
    assert str(err.value) == ("Tesseract language data 'fra' is not installed: install the Debian package "
                              "'tesseract-ocr-fra' (apt-get install tesseract-ocr-fra: scripts/setup-system.sh "
                              "installs only the data the defaults use)")


@pytest.fixture
def hanging_tool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path]]:
    """A directory put first on PATH and a file where the fake tool writes its pids."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    pids = tmp_path / "pids"
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_PIDS", str(pids))
    yield bin_dir, pids
    for line in pids.read_text().split() if pids.exists() else []:
        if alive(int(line)):
            os.kill(int(line), 9)


def write_tool(path: Path, body: str) -> None:
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


@pytest.mark.slow
def test_hanging_tesseract_is_killed_at_its_timeout(hanging_tool: tuple[Path, Path]) -> None:
    bin_dir, pids = hanging_tool
    # Answers the language check, then hangs on the page with a child of its own.
    write_tool(bin_dir / "tesseract",
               'if [ "$1" = "--list-langs" ]; then printf "List of languages:\\nvie\\n"; exit 0; fi\n'
               'echo $$ >> "$FAKE_PIDS"\nsleep 300 &\necho $! >> "$FAKE_PIDS"\nwait\n')
    started = time.monotonic()
    with pytest.raises(CorruptFileError, match=r"timed out after 1\.5 s"):
        ocr_pages(SCAN, [1, 2], timeout=1.5)
    assert time.monotonic() - started < 20
    started_pids = [int(p) for p in pids.read_text().split()]
    assert len(started_pids) >= 2 and [pid for pid in started_pids if alive(pid)] == []


# --- A page that fails: the others stand, read once --------------------------------------------

def failing_on_page_2(bin_dir: Path, on_page_2: str) -> Path:
    """A Tesseract that logs the images it is given (as its first argument, or named on its
    standard input) and does ``on_page_2`` on page 2's."""
    tool = bin_dir / "tesseract-wrapper"
    write_tool(tool, 'images=$(cat)\n'
                     'echo "${images:-$1}" >> "$FAKE_PIDS.log"\n'
                     f'case "$1 $images" in *page-0002*) {on_page_2};; esac\n'
                     f'printf "%s\\n" "$images" | exec {shutil.which("tesseract")} "$@"\n')
    return tool


@pytest.mark.needs_tesseract
def test_page_tesseract_fails_on_is_a_part_error(hanging_tool: tuple[Path, Path]) -> None:
    bin_dir, pids = hanging_tool
    tool = failing_on_page_2(bin_dir, 'echo "Error in pixReadStream: Unknown format" >&2; exit 1')
    report = parse_file(SCAN, ParseOptions(tesseract=str(tool)))
    assert (report.status, [(e.part, e.page, e.type) for e in report.errors]) == (
        "partial", [("page", 2, "OcrError")])
    assert report.errors[0].message.endswith("failed on page 2: Error in pixReadStream: Unknown format")
    assert report.metadata.number.symbol == "03/BCĐX-CAT(PC04)"  # page 1's header, read all the same
    # Page 1 was read once (then its dropped print and fields), never again after page 2 failed.
    logged = Path(f"{pids}.log").read_text().split()
    assert sum(1 for f in logged if f.endswith("page-0001.bmp")) == 1


@pytest.mark.needs_tesseract
def test_tesseract_failing_on_every_page_is_an_ocr_error(hanging_tool: tuple[Path, Path]) -> None:
    # Not a corrupt file: the pages could not be read (a CorruptFileError all the same, for old callers).
    bin_dir, _ = hanging_tool
    tool = bin_dir / "tesseract-wrapper"
    write_tool(tool, f'case "$*" in *--list-langs*) exec {shutil.which("tesseract")} "$@";; esac\n'
                     'echo "Error in pixReadStream: Unknown format" >&2; exit 1\n')
    with pytest.raises(OcrError, match="OCR failed on every page") as raised:
        parse_file(SCAN, ParseOptions(tesseract=str(tool)))
    report = parse_file(SCAN, ParseOptions(tesseract=str(tool)), raise_on_error=False)
    assert (isinstance(raised.value, CorruptFileError), report.status, report.errors[0].type) == (
        True, "failed", "OcrError")


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_page_tesseract_times_out_on_is_a_part_error(hanging_tool: tuple[Path, Path]) -> None:
    bin_dir, pids = hanging_tool
    tool = failing_on_page_2(bin_dir, 'echo $$ >> "$FAKE_PIDS"; sleep 300 & echo $! >> "$FAKE_PIDS"; wait')
    started = time.monotonic()
    report = parse_file(SCAN, ParseOptions(tesseract=str(tool), ocr_timeout=10))
    assert time.monotonic() - started < 60
    assert (report.status, [(e.page, e.message.split(": ", 1)[1]) for e in report.errors]) == (
        "partial", [(2, "OCR: Tesseract timed out after 10 s on page 2")])
    assert report.metadata.number.symbol == "03/BCĐX-CAT(PC04)"
    assert [pid for pid in map(int, pids.read_text().split()) if alive(pid)] == []


def test_page_images_of_a_long_scan_are_compressed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Page images stay on disk until the document is read: raw BMP for a short scan only.

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    short = [p.file.suffix for p in ocr._render(SCAN, [1, 2], 150, tmp_path / "a")]
    monkeypatch.setattr(ocr, "RAW_PAGES", 1)
    long = [p.file.suffix for p in ocr._render(SCAN, [1, 2], 150, tmp_path / "b")]
    assert (short, long) == ([".bmp", ".bmp"], [".png", ".png"])


# --- The signature block: its start, the column read again, names and the ``Lưu`` item --------

def spread(text: str, left: int, top: int, right: int, bottom: int, key: int, conf: float = 95.0) -> list[Word]:
    """The words of a line as read, its box shared out among them by their length."""
    words = text.split()
    unit = (right - left) / sum(len(w) + 1 for w in words)
    out, x = [], float(left)
    for t in words:
        out.append(Word(t, round(x), top, round(x + unit * len(t)), bottom, conf, (key, 1, 1)))
        x += unit * (len(t) + 1)
    return out


# cv-682-sct-qldn-2012-scan, page 1 (2475 × 3338): the lower page as read; ``GIÁM ĐỐC`` over the
# seal of the Sở Công Thương was read nowhere.
CV_682_LOWER = [
    ("(kèm theo biểu tổng hợp chỉ tiết)", 1008, 1717, 1716, 1785),
    ("Nơi nhận:", 355, 1908, 567, 1954),
    ("- Như trên;", 359, 1964, 573, 2008),
    ("- Lãnh đạo Sở (b/c);", 359, 2021, 757, 2069),
    ("- Lưu VT, QLĐN.", 360, 2080, 720, 2126),
    ("sị SƠ", 1357, 2100, 1574, 2177),
    ("Trần Văn Lộc", 1578, 2369, 1930, 2436),
]


def cv_682_words() -> list[Word]:
    return [w for k, (t, *box) in enumerate(CV_682_LOWER) for w in spread(t, *box, key=k + 1)]


def test_signature_starts_at_a_misread_noi_nhan_label() -> None:
    # cv-27-stttt-vp-2012-scan: ``Mới nhận:`` for ``Nơi nhận:``; the block was running text.
    words = [*spread("tổng hợp./.", 221, 1152, 337, 1184, 1), *spread("Mới nhận:", 230, 1233, 330, 1255, 2),
             *spread("GIÁM ĐÓC", 847, 1231, 990, 1258, 3), *spread("- Lưu VT;", 231, 1260, 317, 1280, 4),
             *spread("Bản điện tử:", 231, 1286, 353, 1309, 5), *spread("Như Kính gửi;", 244, 1313, 368, 1333, 6)]
    layout = page_blocks(words, 1, 1248, 1751)[-1]
    assert layout.kind == "layout" and layout.rows == [["Nơi nhận:\n- Lưu VT;\nBản điện tử:\nNhư Kính gửi;",
                                                        "GIÁM ĐỐC"]]


def test_family_name_read_longer_than_any_is_left_as_read() -> None:
    # cv-27: the seal over ``Nguyễn``; ``Ngô`` is one letter away but one letter shorter.
    assert fix_name("NghÖ Văn Diệu") == "NghÖ Văn Diệu"


def test_family_name_read_with_a_letter_lost_is_restored() -> None:
    assert fix_name("gúyền Đức Kha") == "Nguyễn Đức Kha"  # gm-289-gm-ubnd-2012-scan


def test_archive_item_label_misread_is_restored() -> None:
    # cv-1139-bdh-2012-scan: ``- Lưu: VT, PBGDPL.`` under a signature's stroke.
    assert ocr.fix_archive_item("- am: VT, PBGDPL.") == "- Lưu: VT, PBGDPL."
    assert ocr.fix_archive_item("- Sở: VT") == "- Sở: VT"


def test_position_one_letter_misread_is_restored() -> None:
    assert fix_position("GLÁM ĐÓC") == "GIÁM ĐỐC"  # cv-682, the signature column read again


def test_signature_column_lines_the_conventions_know() -> None:
    # Readings of signature columns alone (Bắc Giang 2012 scans).
    assert ocr.signature_line("GLÁM ĐÓC") == "GIÁM ĐỐC"  # cv-682
    assert ocr.signature_line("GIẢI ĐÓC") == "GIÁM ĐỐC"  # tb-20-tb-stttt-2012-scan
    assert ocr.signature_line("—-KT. TRƯỞNG BAN") == "KT. TRƯỞNG BAN"  # cv-1139
    assert ocr.signature_line("~#z£PHÓ VĂN PHÒNG") == "PHÓ VĂN PHÒNG"  # cv-390-vp-th-2012-scan
    assert ocr.signature_line("KT.CHÁNH VĂN PHÒNG") == "KT.CHÁNH VĂN PHÒNG"  # cv-390
    # The seal's print and the strokes of the signature.
    assert ocr.signature_line("oị SỞẲ") is None  # cv-682
    assert ocr.signature_line("GÀ CÔNG THƯƠ /Ệ Ƒ /d") is None  # cv-682
    assert ocr.signature_line("Xin Hà VAN PHONG") is None  # cv-390
    assert ocr.signature_line("/⁄Z%⁄IPNð TRƯỞNG BAN") is None  # cv-1139: ``PHÓ`` lost, not ``TRƯỞNG BAN``


def test_signature_column_without_a_position_is_read_again() -> None:
    box = ocr.signature_box(cv_682_words(), 2475, 3338)
    assert box is not None
    left, top, right, bottom = box
    assert 757 < left < 1357 and top < 1908 and bottom > 2436 and right == 2475


def test_signature_column_with_its_position_is_not_read_again() -> None:
    words = [*cv_682_words(), *spread("GIÁM ĐỐC", 1580, 1894, 1880, 1950, 20)]
    assert ocr.signature_box(words, 2475, 3338) is None


def test_position_read_again_joins_the_signature_column() -> None:
    # cv-682: the column read alone gave ``GLÁM ĐÓC`` (at 79) among the seal's print.
    found = [*spread("GLÁM ĐÓC", 1580, 1894, 1880, 1950, 1, 79.0), *spread("oị SỞẲ", 1380, 2098, 1600, 2154, 2, 11.0),
             *spread("Trần Văn Lộc", 1578, 2369, 1930, 2436, 3, 97.0)]
    words = ocr.merge_signature(cv_682_words(), found, 1263)
    layout = page_blocks(words, 1, 2475, 3338)[-1]
    assert layout.rows == [["Nơi nhận:\n- Như trên;\n- Lãnh đạo Sở (b/c);\n- Lưu VT, QLĐN.",
                            "GIÁM ĐỐC\nsị SƠ\nTrần Văn Lộc"]]


def test_position_read_again_replaces_its_scrap() -> None:
    # cv-390: ``PHONG`` read in the row of ``PHÓ VĂN PHÒNG``, beside a recipient.
    page = [*spread("Nơi nhận:", 157, 1979, 400, 2015, 1), *spread("KT.CHÁNH VĂN PHÒNG", 1000, 1979, 1399, 2015, 1),
            *spread("- Như trên;", 159, 2027, 400, 2054, 2), *spread("PHONG", 1250, 2030, 1341, 2070, 2),
            *spread("Thanh Bình", 1159, 2241, 1356, 2268, 3)]
    found = spread("~#z£PHÓ VĂN PHÒNG", 1010, 2025, 1390, 2068, 1, 80.0)
    words = ocr.merge_signature(page, found, 950)
    assert "PHONG" not in [w.text for w in words]
    assert [w.text for w in words if w.line_key[0] == ocr._SIGNATURE_BLOCK] == ["PHÓ", "VĂN", "PHÒNG"]


def test_junk_beside_a_line_of_text_is_dropped() -> None:
    # cv-695-ubnd-vx-2012-scan: a received stamp's handwriting read left of a Kính gửi item.
    line = Line([Word("tậỂH", 48, 452, 120, 511, 20.0, (1, 1, 1)), Word("càu", 130, 452, 180, 511, 0.0, (1, 1, 1)),
                 Word("AđHHÁS", 190, 452, 300, 511, 14.0, (1, 1, 1)),
                 *spread("- UBND các huyện, thành phố.", 482, 460, 845, 495, 1)])
    assert ocr.without_junk_parts(line, 62.5).text == "- UBND các huyện, thành phố."
    # tb-666-tb-stttt-ben-tre-2011-scan: the colon far after ``chữ ký`` is print, not junk.
    title = Line([*spread("Về việc giới thiệu chức danh và chữ ký", 300, 500, 1200, 540, 1),
                  Word(":", 1300, 505, 1310, 535, 30.0, (1, 1, 1))])
    assert ocr.without_junk_parts(title, 62.5).text == "Về việc giới thiệu chức danh và chữ ký :"


def test_inverted_exclamation_for_a_one_in_a_date_is_restored() -> None:
    # ttr-409-ttr-cat-pc04-2025-scan (100 ppi): ``13/3/2025`` read ``¡3/3/2025``.
    text = "Nghị quyết số 50/NQ-CP rgày ¡3/3/2025 của Chính phủ"
    assert repair_numbers(text) == (text.replace("¡3", "13"), ["date '¡3/3/2025' → '13/3/2025'"])



@pytest.mark.parametrize(("line", "fixed"), [
    # bcdx-03-scan.pdf, a Kính gửi item; cv-4552-bca-c04-2025-scan, its body.
    ("Chủ tịch Hội đồng cấp tỉnh xét duyệt địa bàn cấp xã không ma tÚy;", "không ma túy;"),
    ("Đắk Lắk (CSCN sỐ 2)", "(CSCN số 2)"),
    # bcdx-03-scan.pdf and the biên bản's Nơi nhận: ``Đ/c`` (đồng chí) with its c read as an e.
    ("- Đ/e Đậu Xuân Bảo - PGĐ (p/hợp chỉ đạo);", "- Đ/c Đậu Xuân Bảo"),
    # In a line in capitals the word takes its neighbours' capitals.
    ("QUYẾT ĐỊNH vỀ VIỆC THÀNH LẬP HỘI ĐỒNG", "QUYẾT ĐỊNH VỀ VIỆC"),
    # cv-3980-c04-p6-2025-scan, a Nơi nhận item: the capital right after the word's capital.
    ("- Đông chí Chủ tịch UBND tỉnh Lâm ĐỒng seo", "tỉnh Lâm Đồng seo"),
    ("CÔNG AN TỈNH LÂM ĐỒng KHÁNH HÒA", "LÂM ĐỒNG KHÁNH"),
    ("UBND TỈNH LÂM ĐỒng", "TỈNH LÂM ĐỒNG"),  # at the end of a line in capitals
    # ... not beside one acronym or a symbol's codes: the line is not in capitals.
    ("- UBND tỈnh;", "- UBND tỉnh;"),
    ("Kế hoạch số 12/KH-UBND cỦa", "12/KH-UBND của"),
    ("Báo cáo gửi Thường trực HĐND, UBND tỈnh.", "UBND tỉnh."),
    # A bare Nơi nhận item's purpose.
    ("- Các Sở, ban, ngành đề t/h;", "ngành để t/h;"),
    # cv-5689-bca-c04-2025-scan, a Nơi nhận item: what a copy is sent for.
    ("- Đ/c Bộ trưởng (đề b/cáo);", "(để b/cáo);"),
    ("- Văn phòng Bộ Công an (đê p/h);", "(để p/h);"),
])
def test_a_word_no_text_has_is_repaired(line: str, fixed: str) -> None:
    assert fixed in repair_words(line)[0]


@pytest.mark.parametrize("line", ["Quyết định số 28/2025/QĐ-TTg", "Chương trình 03-CTr/BDVTW-BCSĐCP", "QyĐ, iOS, eGov",
                                  "ĐHĐCĐ, TÂY NGUYÊN, Đề án, vấn đề thực hiện, đề nghị b/c",
                                  "Các vấn đề b/c tại cuộc họp"])
def test_abbreviations_with_capitals_inside_are_left_alone(line: str) -> None:
    assert repair_words(line) == (line, [])


def test_a_lone_h_after_roman_one_is_two_and_a_part_letter_h_stays() -> None:
    # cv-5689-bca-c04-2025-scan: the serif ``II.`` of the second heading read ``H.``.
    blocks = [Block("paragraph", t) for t in ("I. Dự kiến mục tiêu, nhiệm vụ", "1. Các Bộ, cơ quan trung ương",
                                              "H. Đề xuất nhu cầu dự toán chi ngân sách trung ương")]
    assert roman_sequence(blocks) == ["heading 'H.' → 'II.' (after I.)"]
    assert blocks[2].text.startswith("II. Đề xuất")
    parts = [Block("paragraph", t) for t in ("I. Mục tiêu", "G. Phần bảy", "H. Phần tám")]
    assert (roman_sequence(parts), parts[2].text) == ([], "H. Phần tám")


@pytest.mark.parametrize("title", ["NHIỆM VỤ TRỌNG TÂM NĂM 2025", "Phương hướng, nhiệm vụ năm 2025", "Kiến nghị"])
def test_a_lone_h_before_a_heading_s_title_after_roman_one_is_two(title: str) -> None:
    blocks = [Block("paragraph", t) for t in ("I. Kết quả thực hiện", f"H. {title}")]
    assert (roman_sequence(blocks), blocks[1].text) == (["heading 'H.' → 'II.' (after I.)"], f"II. {title}")


@pytest.mark.parametrize("district", ["H. ĐỨC TRỌNG", "H. Lâm Hà: 12 xã đạt chuẩn nông thôn mới"])
def test_h_for_huyen_after_roman_one_stays(district: str) -> None:
    blocks = [Block("paragraph", t) for t in ("I. KẾT QUẢ", district)]
    assert (roman_sequence(blocks), blocks[1].text) == ([], district)


def test_a_program_given_as_tesseract_that_is_not_is_named() -> None:
    true = shutil.which("true")
    assert true is not None
    with pytest.raises(MissingComponentError, match=r"Tesseract is not installed at .*true \(it lists no languages"):
        system.tesseract(path=true)


@pytest.mark.slow  # reads a page of the scan
@pytest.mark.needs_tesseract
def test_pages_whose_turn_comes_after_the_ocr_time_limit_are_not_read() -> None:
    # 1,900 one-line pages took 388 s: nothing bounded the OCR of a whole document.
    failed: dict[int, str] = {}
    # One page at a time: page 1 is always read, pages 2 and 3 have their turns after it, past the limit.
    done = ocr.ocr_pages(SEED_SCAN, [1, 2, 3], workers=1, failed=failed, limits=Limits(max_ocr_seconds=0.001))
    assert (sorted(done), sorted(failed)) == ([1], [2, 3])
    assert all(why.startswith("OCR time limit: page ") and why.endswith("would pass the limit max_ocr_seconds=0.001")
               for why in failed.values())
    with pytest.raises(LimitExceededError) as raised:
        ocr.ocr_pages(SEED_SCAN, [1, 2, 3], workers=1, limits=Limits(max_ocr_seconds=0.001))
    assert (raised.value.limit, str(raised.value)) == (
        "max_ocr_seconds",
        f"{SEED_SCAN}: the OCR of its pages (2 left unread), more than the limit max_ocr_seconds=0.001")


@pytest.mark.slow  # reads a page or two of the scan
@pytest.mark.needs_tesseract
def test_a_scan_past_the_ocr_time_limit_is_a_partial_report_of_the_pages_read() -> None:
    report = parse_file(SEED_SCAN, ParseOptions(pages="1-3", limits=Limits(max_ocr_seconds=0.001)))
    unread = {e.page: e.type for e in report.errors}
    assert (report.status, unread[3], 1 in unread) == ("partial", "LimitExceededError", False)
    assert (report.metadata.doc_type, report.metadata.number.raw if report.metadata.number else None) == (
        "Báo cáo", "/BC-UBND")  # page 1's header, read (its number left blank, as on paper)


@pytest.mark.slow  # reads two pages of the scan
@pytest.mark.needs_tesseract
def test_the_ocr_of_a_scan_says_its_pages_as_they_are_read() -> None:
    seen: list[tuple[int, int]] = []
    report = parse_file(SEED_SCAN, ParseOptions(pages="1-2"), progress=lambda done, total: seen.append((done, total)))
    assert (report.status, seen) == ("ok", [(0, 2), (1, 2), (2, 2)])


def test_a_text_has_no_pages_to_say() -> None:
    seen: list[tuple[int, int]] = []
    parse_file(FIXTURES / "seed" / "000_c44f0d63a01b8516.txt", progress=lambda done, total: seen.append((done, total)))
    assert seen == []


class _Stop(Exception):
    pass


@pytest.mark.needs_tesseract
def test_an_error_of_the_progress_callback_reaches_the_caller_as_it_is() -> None:
    # It was taken for the PDF's: CorruptFileError "not a readable PDF file (_Stop ...)".
    def stop(done: int, total: int) -> None:
        raise _Stop(f"cancelled at {done} of {total}")

    with pytest.raises(_Stop, match="cancelled at 0 of 2"):
        parse_file(SEED_SCAN, ParseOptions(pages="1-2"), progress=stop)


def test_a_progress_that_is_no_function_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="progress must be a function of"):
        parse_file(SEED_SCAN, progress=True)  # type: ignore[arg-type]


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_a_page_read_by_ocr_shows_the_number_a_signing_tool_stamped_into_a_form_field() -> None:
    # cv-1984 (Sở Nội vụ Lâm Đồng, signed): its number is a form field over the page, which the
    # text layer's reader reads from the field; read by OCR (``ocr="on"``), the page is drawn
    # with its fields, as a viewer shows it.
    signed = FIXTURES / "archives" / "lam-dong-2025" / "cv-1984-snv-tcbc-2025.pdf"
    number = parse_file(signed, {"ocr": "on", "pages": "1"}).metadata.number
    assert number is not None and number.symbol == "1984/SNV-TCBC"
