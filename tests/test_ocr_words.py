"""Diacritics restored in OCRed running text (readers/ocr_words.py).

Every string below is a line as Tesseract (``vie``) read it from a real scan of the fixtures
(file named beside it) or from the generated scan of the seed, unless marked as the issue's
own example. Fixed: words whose diacritics were misread; kept: names, ``số`` before a
number, readings that are right in their place.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import options_of
from hypothesis import given
from hypothesis import strategies as st

from scoring import load_gold, score
from vnreport_extract import parse_file
from vnreport_extract.normalize import fold
from vnreport_extract.options import ParseOptions
from vnreport_extract.readers.ocr import Word, page_blocks, parse_tsv
from vnreport_extract.readers.ocr_words import restore_diacritics, tone_key

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def restored(text: str) -> str:
    return restore_diacritics(text)[0]


# --- fixed ------------------------------------------------------------------------------------

def test_a_province_is_spelled_as_the_conventions_know_it() -> None:  # the example
    assert restored("UBND tỉnh Lâm Đông") == "UBND tỉnh Lâm Đồng"


def test_a_province_in_a_real_scan() -> None:  # tb-666-tb-stttt-ben-tre-2011-scan.pdf
    assert restored("Văn phòng Ủy ban nhân dân tỉnh Bên Tre giữ chức vụ Phó Giám đốc") == \
        "Văn phòng Ủy ban nhân dân tỉnh Bến Tre giữ chức vụ Phó Giám đốc"


def test_a_position() -> None:  # bcdx-03-scan.pdf
    assert restored("đồng chí Chủ tịch và đồng chí Phó Chú tịch Uỷ ban nhân dân tỉnh") == \
        "đồng chí Chủ tịch và đồng chí Phó Chủ tịch Uỷ ban nhân dân tỉnh"


def test_fields_of_departments() -> None:  # ttr-3367-ttr-snv-binh-thuan-2024.pdf scanned, page 3
    assert restored("đề nghị các sở: Thông tin và Truyền thông, Tài nguyễn và Mòi trường, Giáo dục và Đảo tạo") == \
        "đề nghị các sở: Thông tin và Truyền thông, Tài nguyên và Môi trường, Giáo dục và Đào tạo"


def test_a_rank_before_a_name_that_is_left_alone() -> None:  # cv-4409-bca-c04-2025-scan.pdf
    assert restored("Đ/c Thiêu tá Trân Văn Thành, ĐT: 0915.959.792)") == \
        "Đ/c Thiếu tá Trân Văn Thành, ĐT: 0915.959.792)"


@pytest.mark.parametrize(("line", "fixed"), [
    # cv-4409-bca-c04-2025-scan.pdf and cv-4552-bca-c04-2025-scan.pdf, their ``Nơi nhận``.
    ("- Đ/c Bộ trưởng BCA (đề báo cáo);", "- Đ/c Bộ trưởng BCA (để báo cáo);"),
    ("- V01, V03 (đê theo dõi);", "- V01, V03 (để theo dõi);"),
    ("- C04, V01, H01 (đề thực hiện);", "- C04, V01, H01 (để thực hiện);"),
])
def test_a_recipient_s_purpose_in_brackets(line: str, fixed: str) -> None:
    assert restored(line) == fixed


@pytest.mark.parametrize("line", [
    "(đề nghị thực hiện)",  # a bracket that opens with đề of its own
    "vấn đề báo cáo trước",  # đề báo cáo outside a bracket
    "Chủ đề (đề kiểm tra học kỳ)",  # a test paper (đề kiểm tra) that fills its bracket no purpose
])
def test_de_outside_a_recipient_s_purpose_is_left_alone(line: str) -> None:
    assert restored(line) == line


def test_a_known_name_with_one_letter_of_a_word_misread() -> None:  # ttr-409-ttr-cat-pc04-2025-scan.pdf
    assert restored("Kính gửi: Văn phòng Ủy ban rhân dân tỉnh Lâm Đồng") == \
        "Kính gửi: Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng"


def test_a_code_one_letter_from_a_known_name_s_is_left_alone() -> None:
    # HĐTĐ (Hội đồng Thi đua) is no syllable and one letter from HĐND, but no misreading of it.
    assert restored("- Thường trực HĐTĐ tỉnh;") == "- Thường trực HĐTĐ tỉnh;"


def test_a_known_name_with_a_word_that_is_another_syllable_is_left_alone() -> None:
    # ``thân`` is a syllable: one letter off a name is a repair only where the reading is no word.
    assert restored("Ủy ban thân dân tỉnh") == "Ủy ban thân dân tỉnh"


def test_capitals_of_a_heading() -> None:  # the example
    assert restored("KẾ HOẠCH TRIÊN KHAI") == "KẾ HOẠCH TRIỂN KHAI"


def test_words_of_a_title() -> None:  # qd-1462-qd-ubnd-2012-scan.pdf
    assert restored("Về việc bỗ sung, thay đôi thành viên Hội đồng thâm định Quy hoạch") == \
        "Về việc bổ sung, thay đổi thành viên Hội đồng thẩm định Quy hoạch"


def test_words_with_a_dropped_or_wrong_circumflex_tone() -> None:  # cv-368-cv-bptt-tinh-uy-2012-scan.pdf
    assert restored("vừa qua, một sô ban thường vụ câp uỷ cầp huyện") == \
        "vừa qua, một số ban thường vụ cấp uỷ cấp huyện"


def test_a_word_that_is_no_syllable() -> None:  # cv-4409-bca-c04-2025-scan.pdf
    assert restored("cơ sở sản xuât kinh doanh xây dựng, phát triên cá mô hình") == \
        "cơ sở sản xuất kinh doanh xây dựng, phát triển cá mô hình"


def test_a_word_after_a_number() -> None:  # seed-scan.pdf
    assert restored("Đảng bộ có 11 chỉ bộ trực thuộc") == "Đảng bộ có 11 chi bộ trực thuộc"


# --- kept -------------------------------------------------------------------------------------

def test_a_personal_name() -> None:  # seed-scan.pdf, the signer (naive versions made it Tuân)
    line = "Ngô Tuấn Sơn"
    assert restored(line) == line


def test_a_name_inside_a_sentence() -> None:  # cv-4409-bca-c04-2025-scan.pdf (Nguyễn Trãi misread)
    line = "499 Nguyên Trãi, phường Thanh Liệt, TP. Hà Nội"
    assert restored(line) == line


def test_so_before_a_number() -> None:  # qd-1462-qd-ubnd-2012-scan.pdf (naive versions made it sở)
    line = "tại Công văn số 991/SNN-KHTC ngày 16/10/2012,"
    assert restored(line) == line


def test_a_title_that_is_itself_a_word() -> None:  # qd-1462-qd-ubnd-2012-scan.pdf: not Thứ trưởng
    line = "Điều 2. Thủ trưởng các cơ quan: Văn phòng UBND tỉnh"
    assert restored(line) == line


def test_a_common_word_the_context_does_not_rule_out() -> None:  # qd-1462-qd-ubnd-2012-scan.pdf: not thấy
    line = "đến năm 2020 thay ông Nguyễn Văn Thao Phó Giám đốc"
    assert restored(line) == line


def test_a_saying_of_the_word_list() -> None:  # cv-4409-bca-c04-2025-scan.pdf: not công an
    line = "mô hình tạo công ăn việc làm cho người sau cai nghiện"
    assert restored(line) == line


def test_a_sentence_opening_word() -> None:  # seed-scan.pdf: not Quả (kết quả khảo sát is frequent)
    line = "đối với sự phục vụ của cơ quan, đơn vị . Qua khảo sát đánh giá xã như sau"
    assert restored(line) == line


def test_a_reading_that_makes_a_known_pair() -> None:  # hd-06-hd-tw-2025.pdf scanned: not đảng
    line = "- Người vào Đảng đang ở ngoài nước thì đối chiếu"
    assert restored(line) == line


def test_a_line_read_right() -> None:  # bcdx-03-scan.pdf
    line = "Thực hiện Kế hoạch số 2126/KH-UBND, ngày 20/8/2025 về xây dựng xã, phường, đặc khu “không ma túy”"
    assert restored(line) == line


def test_the_old_tone_placement_is_a_spelling_too() -> None:  # seed-scan.pdf
    line = "của UBND huyện Định Hoá về Cải cách hành chính"
    assert restored(line) == line


def test_old_and_new_tone_placement_are_one_key() -> None:
    assert tone_key("hoà") == tone_key("hòa")


# Words of real OCR output and what surrounds them: numbers, punctuation, odd characters.
_PIECES = st.sampled_from(["tô", "chức", "Lâm", "Đông", "TRIÊN", "KHAI", "sô", "12", "Tuấn", "đang", "ở", ",", ".",
                           "Straße", "İ", "\u0301", "ván", "đề", " ", "  ", "-", "Phó", "Chú", "tịch"])


# (A known name of three words or more read one letter off, in a word that is no syllable, is
# the one other repair; these pieces make none.)
@given(st.lists(_PIECES, max_size=30).map(" ".join))
def test_only_diacritics_and_case_kept_change(text: str) -> None:
    fixed, repairs = restore_diacritics(text)
    assert (fold(fixed), len(fixed), len(repairs) <= len(text.split())) == (fold(text), len(text), True)


# --- recorded ---------------------------------------------------------------------------------

def test_each_repair_is_recorded_with_its_context() -> None:
    assert restore_diacritics("vừa qua, một sô ban")[1] == ["'sô' → 'số' in 'một sô ban'"]


def stored_words(page: int) -> list[Word]:
    return parse_tsv((FIXTURES / "real-scan" / f"bcdx-03-scan.p{page}.tsv").read_text(encoding="utf-8"))


def test_the_ocr_reader_warns_of_each_repair() -> None:
    notes: list[tuple[str, str]] = []
    blocks = page_blocks(stored_words(2), 2, 1654, 2339, notes=notes)
    assert ("ocr-diacritics", "page 2: 'Phó Chú tịch' → 'Phó Chủ tịch' in 'chí Phó Chú tịch Uỷ'") in notes
    assert any("Phó Chủ tịch Uỷ ban" in b.text for b in blocks if b.text)


def test_the_ocr_reader_can_leave_words_as_read() -> None:
    notes: list[tuple[str, str]] = []
    blocks = page_blocks(stored_words(2), 2, 1654, 2339, notes=notes, diacritics=False)
    assert not any(code == "ocr-diacritics" for code, _ in notes)
    assert any("Phó Chú tịch Uỷ ban" in b.text for b in blocks if b.text)


# --- end to end -------------------------------------------------------------------------------

SEED_SCAN = FIXTURES / "generated" / "seed-scan.pdf"
SEED_GOLD = FIXTURES / "seed" / "000_c44f0d63a01b8516.gold.json"


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_a_scan_extracts_no_worse_with_diacritics_restored() -> None:
    gold = load_gold(SEED_GOLD)
    on = parse_file(SEED_SCAN)
    off = parse_file(SEED_SCAN, ParseOptions(ocr_diacritics=False))
    repairs = [w for w in on.warnings if w.code == "ocr-diacritics"]
    scores = {name: score(gold, r.model_dump(mode="json"), str(SEED_SCAN)) for name, r in (("on", on), ("off", off))}
    worse = {k: (scores["off"][k], scores["on"][k]) for k in ("citations", "citation_dates", "dates", "figures")
             if scores["on"][k]["f1"] < scores["off"][k]["f1"]}
    if scores["on"]["sections"]["f1"] < scores["off"]["sections"]["f1"]:
        worse["sections"] = (scores["off"]["sections"], scores["on"]["sections"])
    assert (len(repairs) > 0, worse) == (True, {})


@pytest.mark.parametrize(("flags", "restore"), [([], True), (["--no-ocr-diacritics"], False)])
def test_the_command_line_flag_turns_restoration_off(flags: list[str], restore: bool) -> None:
    assert options_of(flags).ocr_diacritics is restore


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_the_title_under_the_header_is_restored_too() -> None:
    # The trích yếu of this scan is read "Tham gia ý kiên vào Dự thảo Hỗ so ... tín dụng đôi với người ...".
    report = parse_file(FIXTURES / "archives" / "lam-dong-2025" / "cv-4409-bca-c04-2025-scan.pdf")
    title = report.metadata.title or ""
    assert ("ý kiến vào Dự thảo" in title, "tín dụng đối với người" in title) == (True, True)


def test_recipient_phrase_of_a_noi_nhan_takes_its_spelling() -> None:
    # cv-368 (Tỉnh ủy Bắc Giang 2012, scan): ``Tổ`` read ``Tô`` inside a capitalised phrase.
    assert restore_diacritics("- Các thành viên Tô công tác giúp việc;")[0] == "- Các thành viên Tổ công tác giúp việc;"
