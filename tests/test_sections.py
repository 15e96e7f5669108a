"""Sections: one assertion per numbering variant."""

from __future__ import annotations

import pytest

from vnreport_extract import Report, Section, parse_text
from vnreport_extract.conventions.numbering import (
    BULLET_EXAMPLES,
    CONTINUED_ITEM_EXAMPLES,
    ITEM_EXAMPLES,
    NOT_BULLETS,
    NOT_ITEM_EXAMPLES,
    NOT_REFERENCE_LABELS,
    NOT_SECTIONS,
    NUMBERING_STYLES,
    REFERENCE_LABEL,
    REFERENCE_LABEL_EXAMPLES,
    SCHEME_RANK,
    STEP_LABEL_EXAMPLES,
    TOC_EXAMPLES,
    opens_item,
)
from vnreport_extract.extract.sections import MAX_TITLE, beside, heading_title, parse_heading, walk


def flat(text: str) -> list[tuple[str, int, str]]:
    return [(s.number, s.level, s.title) for s in walk(parse_text(text).sections)]


def sections(text: str) -> list[Section]:
    return walk(parse_text(text).sections)


def test_roman_then_arabic_then_letter() -> None:
    assert flat("I. MỤC ĐÍCH\n1. Mục đích chung\na) Nâng cao nhận thức.\nII. NỘI DUNG") == [
        ("I", 1, "MỤC ĐÍCH"), ("1", 2, "Mục đích chung"), ("a", 3, "Nâng cao nhận thức"), ("II", 1, "NỘI DUNG")]


def test_roman_without_dot() -> None:
    assert flat("III KẾT QUẢ THỰC HIỆN:") == [("III", 1, "KẾT QUẢ THỰC HIỆN")]


def test_two_level_arabic() -> None:
    assert flat("2. Hạn chế, nguyên nhân\n2.1. Hạn chế: Công tác tuyên truyền chưa thường xuyên.") == [
        ("2", 1, "Hạn chế, nguyên nhân"), ("2.1", 2, "Hạn chế")]


def test_letter_directly_under_arabic_is_level_two() -> None:
    assert [s[:2] for s in flat("1. Về tổ chức\na) Tổng số hội là: 610 hội.")] == [("1", 1), ("a", 2)]


def test_letter_under_two_level_arabic_is_level_three() -> None:
    assert [s[:2] for s in flat("1. Chung\n1.1. Riêng\na) Một việc.")] == [("1", 1), ("1.1", 2), ("a", 3)]


def test_vietnamese_letter_d_stroke() -> None:
    assert ("đ", 1) in [s[:2] for s in flat("d) Bốn việc.\nđ) Năm việc.")]


def test_parts_chapters_articles() -> None:
    text = "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n1. Quy chế này quy định.\nĐiều 2. Đối tượng"
    assert [s[:2] for s in flat(text)] == [("Chương I", 1), ("Điều 1", 2), ("1", 3), ("Điều 2", 2)]


def test_part_with_a_long_title_on_the_next_line() -> None:
    # tt-2442-2007-tt-ttcp-minh-bach-tai-san.doc
    title = ("KÊ KHAI, XÁC MINH, KẾT LUẬN, CÔNG KHAI BẢN KẾT LUẬN PHỤC VỤ VIỆC BẦU CỬ, BÃI NHIỆM ĐẠI BIỂU HỘI ĐỒNG "
             "NHÂN DÂN; BẦU, MIỄN NHIỆM, BÃI NHIỆM CÁC CHỨC DANH DO HỘI ĐỒNG NHÂN DÂN BẦU, PHÊ CHUẨN; PHÊ CHUẨN CÁC "
             "CHỨC DANH DO HỘI ĐỒNG NHÂN DÂN BẦU")  # 237 characters
    [(number, level, got), *_] = flat(f"Phần 5\n{title}\nI. KÊ KHAI\n1. Người phải kê khai")
    assert (number, level, got[:60]) == ("Phần 5", 1, title[:60])
    assert len(got) <= MAX_TITLE < len(title)  # cut as any title


def test_phan_thu_nhat() -> None:
    assert flat("PHẦN THỨ NHẤT: KẾT QUẢ\nI. CHUNG")[:1] == [("Phần thứ nhất", 1, "KẾT QUẢ")]


def test_heading_running_into_body_stops_at_colon() -> None:
    assert flat("1. Ưu điểm: Cấp ủy, chính quyền xã đã quan tâm triển khai.") == [("1", 1, "Ưu điểm")]


def test_numbered_paragraph_takes_first_sentence() -> None:
    [(_, _, title)] = flat("4. Công tác quán triệt gắn với phục hồi sau đại dịch COVID-19. Thực hiện đổi mới.")
    assert title == "Công tác quán triệt gắn với phục hồi sau đại dịch COVID-19"


def test_long_title_cut_at_200_on_a_word() -> None:
    [(_, _, title)] = flat("1. " + "rất dài " * 60)
    assert len(title) <= 200 and title.endswith("dài")


def test_end_of_text_mark_is_no_part_of_the_last_title() -> None:
    """cv-ubnd-ncksttthc-binh-thuan-gia-han-dai-hoi-2024-du-thao.doc: the last item ends ``./.``."""
    [(_, _, title)] = flat("3. Giao Sở Nội vụ theo dõi, tổng hợp kết quả thực hiện báo cáo, đề xuất Chủ tịch Ủy ban "
                           "nhân dân tỉnh xem xét./.")
    assert title.endswith("tỉnh xem xét")


def test_page_break_inside_paragraph_is_not_a_section() -> None:
    text = "1. Kết quả thực hiện đổi mới công\n\ntác dân vận của cơ quan hành chính\n\n2. Đẩy mạnh tuyên truyền"
    assert [s[:2] for s in flat(text)] == [("1", 1), ("2", 1)]


def test_markdown_heading_marks_do_not_decide_level() -> None:
    text = "#### **I. KHÁI QUÁT**\n## **2. Công tác chính quyền**\n### III. ĐÁNH GIÁ"
    assert [s[:2] for s in flat(text)] == [("I", 1), ("2", 2), ("III", 1)]


def test_bullets_are_not_sections() -> None:
    assert flat("- Duy trì sử dụng hiệu quả phần mềm.\n+ Một ý.\n* Ý khác.") == []


def test_duplicate_number_kept_and_warned() -> None:
    report = parse_text("III. KẾT QUẢ\nIII. ĐÁNH GIÁ")
    assert [s.path for s in walk(report.sections)] == ["III", "III~2"]
    assert [w.code for w in report.warnings] == ["duplicate-section-number"]


def test_numbers_that_are_not_headings() -> None:
    assert parse_heading("1.460,97 ha diện tích") is None
    assert parse_heading("2023 là năm") is None


def test_section_spans_nest() -> None:
    secs = sections("I. A\n1. B\n2. C\nII. D")
    first = secs[0]
    assert first.start < secs[1].start < secs[1].end <= secs[2].start < secs[2].end <= first.end == secs[3].start


def test_v_v_is_not_a_roman_section() -> None:
    assert parse_heading("V/v triển khai kế hoạch") is None


STYLE_EXAMPLES = [(style["name"], line, number) for style in NUMBERING_STYLES for line, number in style["examples"]]


@pytest.mark.parametrize(("style", "line", "number"), STYLE_EXAMPLES, ids=[f"{s}:{n}" for s, _, n in STYLE_EXAMPLES])
def test_numbering_style(style: str, line: str, number: str) -> None:
    parsed = parse_heading(line)
    assert parsed is not None and parsed[0] == number, (style, line, parsed)
    scheme = next(s["scheme"] for s in NUMBERING_STYLES if s["name"] == style)
    assert parsed[1] == SCHEME_RANK[scheme] + (number.count(".") if scheme in ("arabic", "roman") else 0)


@pytest.mark.parametrize("line", NOT_SECTIONS)
def test_not_a_section(line: str) -> None:
    assert parse_heading(line) is None


@pytest.mark.parametrize(("title", "entries"), TOC_EXAMPLES)
def test_table_of_contents_entries_are_not_sections(title: str, entries: list[str]) -> None:
    text = "\n".join([title, *entries, "I. Thông tin chung", "I.1. Căn cứ pháp lý", "Nghị định số 64/2007/NĐ-CP."])
    assert [s[:2] for s in flat(text)] == [("I", 1), ("I.1", 2)]


def test_roman_numbered_subsections_nest() -> None:
    # de-cuong-du-toan-qlvb-syt-sct-phu-tho-2012.doc
    text = ("II. Phân tích và đánh giá thực trạng\nII.1. Sở công thương\nII.1.1. Hiện trạng hạ tầng CNTT\n"
            "1. Máy chủ\na) Máy chủ ứng dụng\nII.2. Sở Y tế\nIII. Sự cần thiết phải đầu tư")
    assert [s[:2] for s in flat(text)] == [("II", 1), ("II.1", 2), ("II.1.1", 3), ("1", 4), ("a", 5), ("II.2", 2),
                                           ("III", 1)]


def test_roman_numbered_subsections_under_capital_letters() -> None:
    # A document whose ``A.`` hold its ``I.`` (see upper_over_roman): the ``I.1.`` go with them.
    text = ("A. PHẦN CHUNG\nI. Thông tin chung\nI.1. Căn cứ pháp lý\nII. Phân tích\n"
            "B. PHẦN DỰ TOÁN\nI. Căn cứ lập dự toán\nI.1. Các văn bản")
    assert [s[:2] for s in flat(text)] == [("A", 1), ("I", 2), ("I.1", 3), ("II", 2), ("B", 1), ("I", 2),
                                           ("I.1", 3)]


def test_party_dash_styles_nest() -> None:
    text = "I- TÌNH HÌNH CHUNG\n1- Công tác lãnh đạo\n1.1- Về tư tưởng\na- Đối với cấp ủy\nII- NHIỆM VỤ"
    assert [s[:2] for s in flat(text)] == [("I", 1), ("1", 2), ("1.1", 3), ("a", 4), ("II", 1)]


def test_upper_letter_under_roman() -> None:
    text = "I. Thành phần dự họp\nA. Đơn vị thụ hưởng - Văn phòng UBND tỉnh :\nB. Chủ đầu tư\nII. Nội dung cuộc họp"
    assert [s[:2] for s in flat(text)] == [("I", 1), ("A", 2), ("B", 2), ("II", 1)]


def test_colon_opening_a_list_does_not_end_the_title() -> None:
    text = "Điều 2. Thủ trưởng các cơ quan: Văn phòng UBND tỉnh, Sở Nông nghiệp và Phát triển nông thôn thi hành."
    [(_, _, title)] = flat(text)
    assert title.startswith("Thủ trưởng các cơ quan: Văn phòng UBND tỉnh")


def test_quoted_article_points_are_not_sections() -> None:
    """ttr-3367-ttr-snv-binh-thuan-2024.pdf quotes Nghị định 126/2024/NĐ-CP over several paragraphs."""
    text = ("b) Điểm b, c khoản 4 Điều 19 Nghị định số 126/2024/NĐ-CP quy định:\n"
            "“b) Trước khi hết nhiệm kỳ 30 ngày làm việc, hội chưa tổ chức được đại hội;\n"
            "c) Hết thời gian gia hạn hội không tổ chức đại hội thì xử lý vi phạm”.\n"
            "c) Khoản 2 Điều 30 Nghị định số 126/2024/NĐ-CP quy định hội bị giải thể.")
    assert [s[0] for s in flat(text)] == ["b", "c"]
    assert flat(text)[1][2].startswith("Khoản 2 Điều 30")


def test_quotation_opened_on_the_heading_line_hides_its_points() -> None:
    """ttr-3367 scanned at 300 dpi: the OCR joins ``quy định:`` and the quoted ``“2, Sau khi``."""
    text = ("d) Khoản 2 và 3 Điều 35 Nghị định số 126/2024/NĐ-CP quy định: “2, Sau khi có kết luận hội vi "
            "phạm, cơ quan nhà nước có thẩm quyền có trách nhiệm:\n"
            "a) Yêu cầu hội thực hiện kiểm kê tài sản, tài chính;\n"
            "b) Lấy ý kiến các cơ quan liên quan đến hoạt động của hội về việc giải thể hội;\n"
            "3. Sau khi hội hoàn thành việc thanh toán nợ, cơ quan nhà nước quyết định giải thể hội. ”\n"
            "2. Kết quả rà soát và đề xuất")
    assert [s[0] for s in flat(text)] == ["d", "2"]


AMENDING = """Điều 1. Sửa đổi, bổ sung một số quy định của Thông tư số 2442/2007/TT-TTCP như sau:
1. Bổ sung vào khoản 1 Mục II Phần 1 như sau:
1.1. Người có nghĩa vụ kê khai tại khoản 2 Điều 6 Nghị định số 37/2007/NĐ-CP.
2. Sửa đổi, bổ sung khoản 2 Mục I Phần 2 như sau:
2. Sau khi danh sách người có nghĩa vụ kê khai được phê duyệt, đơn vị phát mẫu bản kê khai:
a) Nếu kê khai lần đầu thì người kê khai phải ký.
3. Sửa đổi khoản 5 Mục I Phần 2 như sau:
5. Việc lưu giữ bản kê khai thực hiện như sau:
4. Bổ sung Phần 5a vào sau Phần 5 như sau:
Phần 5a: XỬ LÝ VI PHẠM CÁC QUY ĐỊNH VỀ MINH BẠCH TÀI SẢN, THU NHẬP
I. Việc xử lý hành vi chậm kê khai được thực hiện như sau:
1. Áp dụng hình thức kỷ luật khiển trách đối với:
III. Sau khi cơ quan xử lý kỷ luật thì phải báo cáo cho cấp ủy.
5. Sửa đổi, bổ sung Mục V, Phần 6 như sau:
V. Việc hướng dẫn, đôn đốc, kiểm tra và trách nhiệm báo cáo.
Điều 2. Tổ chức thực hiện
1. Thông tư này có hiệu lực thi hành kể từ ngày ký."""  # tt-01 (Thanh tra Chính phủ, 2010), shortened


def test_amended_text_nests_under_the_clause_that_puts_it_in() -> None:
    levels = [(s.level, s.number) for s in walk(parse_text(AMENDING).sections)]
    assert levels == [(1, "Điều 1"), (2, "1"), (3, "1.1"), (2, "2"), (3, "2"), (4, "a"), (2, "3"), (3, "5"),
                      (2, "4"), (3, "Phần 5a"),
                      (4, "I"), (5, "1"), (4, "III"), (2, "5"), (3, "V"), (1, "Điều 2"), (2, "1")]


def test_amended_article_keeps_its_own_points_until_the_next_clause() -> None:
    text = ("Điều 1. Sửa đổi Quyết định số 12/2020/QĐ-UBND như sau:\n"
            "1. Sửa đổi, bổ sung Điều 5 như sau:\n"
            "Điều 5. Trách nhiệm của các sở\n"
            "1. Sở Nội vụ chủ trì.\n"
            "2. Sở Tài chính bảo đảm kinh phí.\n"
            "2. Bãi bỏ Điều 7.\n"
            "Điều 2. Hiệu lực thi hành")
    levels = [(s.level, s.number) for s in walk(parse_text(text).sections)]
    assert levels == [(1, "Điều 1"), (2, "1"), (3, "Điều 5"), (4, "1"), (4, "2"), (2, "2"), (1, "Điều 2")]


def test_a_list_announced_with_bo_sung_nhu_sau_is_no_amendment() -> None:
    # A report's own clause: the points after it are not named by it, the next part is its sibling.
    text = ("I. KẾT QUẢ\n1. Tổng hợp.\n2. Bổ sung danh mục dự án như sau:\na) Dự án A.\n2. Trùng số.\n"
            "PHẦN THỨ HAI: PHƯƠNG HƯỚNG")
    levels = [(s.level, s.number) for s in walk(parse_text(text).sections)]
    assert levels == [(1, "I"), (2, "1"), (2, "2"), (3, "a"), (2, "2"), (1, "Phần thứ hai")]


@pytest.mark.parametrize("line", [
    "1. Chủ đề năm 2024 của tỉnh: “Kỷ cương, trách nhiệm, hành động, phát triển\"",  # a straight closing quote
    "1. Thực hiện với khẩu hiệu: “Dân biết, dân bàn, dân làm, dân kiểm tra",  # its closing quote lost
])
def test_quoted_words_after_a_colon_hide_no_sections(line: str) -> None:
    assert [s[0] for s in flat(f"{line}\n2. Tổ chức thực hiện\nII. KIẾN NGHỊ")] == ["1", "2", "II"]


def test_stray_opening_quote_hides_no_sections() -> None:
    """cv-368-cv-bptt-tinh-uy-2012-scan.pdf: OCR reads a stray ``“`` at a line start."""
    text = "“be đoàn thê tỉnh.\nThực hiện Nghị quyết.\n1- Các đồng chí bí thư huyện uỷ\n2- Đề nghị các đồng chí"
    assert [s[0] for s in flat(text)] == ["1", "2"]


def test_party_of_a_record_with_its_name_is_one_heading() -> None:
    # Gia Lai 2012 biên bản: ``D. Nhà thầu : Liên doanh Unitech-STBTH :`` in bold, one heading.
    text = "A. Chủ đầu tư : Sở Thông tin :\nÝ kiến.\nD. Nhà thầu : Liên doanh Unitech-STBTH :\nÝ kiến."
    secs = parse_text(text).sections
    assert [s.title for s in secs] == ["Chủ đầu tư : Sở Thông tin", "Nhà thầu : Liên doanh Unitech-STBTH"]


@pytest.mark.parametrize("label", REFERENCE_LABEL_EXAMPLES)
def test_reference_label(label: str) -> None:
    assert REFERENCE_LABEL.fullmatch(label)


@pytest.mark.parametrize("label", NOT_REFERENCE_LABELS)
def test_not_a_reference_label(label: str) -> None:
    assert not REFERENCE_LABEL.fullmatch(label)


def test_article_reference_before_the_colon_is_part_of_the_title() -> None:
    # qd-294-qd-tw-2025: the Điều lệ article a heading implements, then its subject.
    assert flat("1. Điều 1 (Khoản 2): Tuổi đời và trình độ học vấn của người vào Đảng") == [
        ("1", 1, "Điều 1 (Khoản 2): Tuổi đời và trình độ học vấn của người vào Đảng")]


def test_clause_reference_before_the_colon_is_part_of_the_title() -> None:
    assert flat("2. Điều 3: Về quyền của đảng viên\n2.1. (Khoản 1): Quyền được thông tin của đảng viên.")[1] == (
        "2.1", 2, "(Khoản 1): Quyền được thông tin của đảng viên")


def test_run_in_label_after_a_reference_still_ends_the_title() -> None:
    assert flat("31. Điều 46: Đảng phí\n31.1. Đảng phí: Đảng viên đóng đảng phí trên cơ sở tiền lương.")[1] == (
        "31.1", 2, "Đảng phí")


def test_chapter_title_in_capitals_over_two_lines() -> None:
    # qd-09-2010-qd-ubnd-can-tho-quy-dinh-kem-theo.
    text = "Chương II\nTHÔNG BÁO VÀ HỒ SƠ ĐĂNG KÝ THAM GIA\nTUYỂN CHỌN, XÉT CHỌN\nĐiều 7. Thông báo tuyển chọn"
    assert flat(text)[0] == ("Chương II", 1, "THÔNG BÁO VÀ HỒ SƠ ĐĂNG KÝ THAM GIA TUYỂN CHỌN, XÉT CHỌN")


def test_upper_letter_over_roman_where_the_part_opens_with_it() -> None:
    """hd-btctu-ha-noi-nghiep-vu-to-chuc-dang-2025.pdf: Phần thứ nhất numbers I.-IV., Phần thứ hai
    A./B./C. each holding I., II. ...; the letters are in capitals."""
    text = ("PHẦN THỨ NHẤT\nVỀ CÔNG TÁC TỔ CHỨC ĐẢNG\nI. THÀNH LẬP TỔ CHỨC ĐẢNG\n1. Căn cứ và nguyên tắc thành lập\n"
            "PHẦN THỨ HAI\nVỀ CÔNG TÁC ĐẢNG VIÊN\nA. CÔNG TÁC TẠO NGUỒN, KẾT NẠP ĐẢNG VIÊN\n"
            "I. TIÊU CHUẨN, ĐIỀU KIỆN KẾT NẠP ĐẢNG VIÊN\n1. Tiêu chuẩn, điều kiện chung\n"
            "B. CÔNG TÁC QUẢN LÝ ĐẢNG VIÊN\nI. VỀ HỒ SƠ ĐẢNG VIÊN")
    assert [s[:2] for s in flat(text)] == [("Phần thứ nhất", 1), ("I", 2), ("1", 3), ("Phần thứ hai", 1), ("A", 2),
                                           ("I", 3), ("1", 4), ("B", 2), ("I", 3)]


def test_parties_listed_before_the_roman_numerals_hold_none() -> None:
    """A biên bản (bien-ban-lam-viec-vp-ubnd-gia-lai-2012.doc's layout): its parties A./B. come
    before I., with no Roman numeral under them."""
    text = ("A. Đơn vị thụ hưởng - Văn phòng UBND tỉnh :\nB. Chủ đầu tư – Sở Thông tin và Truyền thông Gia Lai :\n"
            "I. NỘI DUNG\nII. KẾT LUẬN")
    assert [s[:2] for s in flat(text)] == [("A", 1), ("B", 1), ("I", 1), ("II", 1)]


@pytest.mark.parametrize("label", STEP_LABEL_EXAMPLES)
def test_step_label_colon_stays_in_the_title(label: str) -> None:
    """hd-btctu-ha-noi (2025): ``2.1. Bước 1: Tham mưu xây dựng văn bản``."""
    assert heading_title(f"{label}: Tham mưu xây dựng văn bản") == f"{label}: Tham mưu xây dựng văn bản"


@pytest.mark.parametrize(("before", "line", "number"), CONTINUED_ITEM_EXAMPLES)
def test_list_item_in_lower_case_after_the_item_before(before: str, line: str, number: str) -> None:
    """ban-tu-khai-bql-kcn-2012-tcvn3.doc: ``3- nhà làm việc ...`` after ``2- Trạm điện ...``."""
    assert flat(f"{before}\n{line}")[-1][:2] == (number, 1)
    assert [s[0] for s in flat(line)] == []  # alone, a dash and a small letter open no section


# The seed's item 2 (one sentence of 281 characters): its title is its first 200 characters,
# cut at a word, whether or not the sentence splitter is run.
_LONG_ITEM = ("Đẩy mạnh các hoạt động tuyên truyền, giáo dục nhằm nâng cao nhận thức về ý nghĩa, tầm quan trọng "
              "của công tác dân vận; về vị trí, vai trò, trách nhiệm của cơ quan hành chính nhà nước, chính quyền "
              "các cấp và cán bộ, công chức trong thực hiện công tác dân vận, bảo đảm công tác dân vận luôn gắn "
              "gũi với Nhân dân.")
_LONG_TITLE = ("Đẩy mạnh các hoạt động tuyên truyền, giáo dục nhằm nâng cao nhận thức về ý nghĩa, tầm quan trọng "
               "của công tác dân vận; về vị trí, vai trò, trách nhiệm của cơ quan hành chính nhà nước, chính quyền "
               "các")


def test_a_long_first_sentence_is_cut_at_a_word_with_the_sentence_splitter() -> None:
    from vnreport_extract.words import sentences

    assert heading_title(_LONG_ITEM, sentences) == _LONG_TITLE


def test_a_long_first_sentence_is_cut_at_a_word_without_running_the_splitter() -> None:
    def splitter(text: str) -> list[str]:
        raise AssertionError("no mark in the first 200 characters: the splitter has nothing to decide")

    assert heading_title(_LONG_ITEM, splitter) == _LONG_TITLE


def test_a_sentence_ending_within_the_title_is_split_by_the_splitter() -> None:
    # The seed's item 2 of part II: its first sentence ends at 135 characters.
    item = ("Đẩy mạnh và nâng cao hiệu quả của công tác tuyên truyền, vận động quần chúng nhân dân trong việc "
            "thực hiện các nhiệm vụ của địa phương. Thực hiện tốt công tác cải cách hành chính.")
    from vnreport_extract.words import sentences

    assert heading_title(item, sentences) == ("Đẩy mạnh và nâng cao hiệu quả của công tác tuyên truyền, vận động "
                                              "quần chúng nhân dân trong việc thực hiện các nhiệm vụ của địa phương")


def test_numbered_list_on_the_page_after_the_signature_is_sectioned() -> None:
    # cv-61-skh-th-2012-scan.pdf: page 2, sent with the letter and with no header of its own, is
    # the list of the units that report; the recipients and the signature (page 1) are not.
    from vnreport_extract.document import Block, SourceDocument
    from vnreport_extract.models import Source
    from vnreport_extract.pipeline import build_report

    page1 = ["SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Số: 61/SKH-TH", "V/v Báo cáo tình hình triển khai kế hoạch năm 2012",
             "Kính gửi: - Giám đốc các sở, cơ quan trực thuộc UBND tỉnh;",
             "Rất mong sự quan tâm phối hợp của Giám đốc các sở, cơ quan và Chủ tịch UBND các huyện, thành phố.",
             "Nơi nhận:", "- Như trên.", "GIÁM ĐỐC", "Trịnh Hữu Thắng"]
    page2 = ["BÁO CÁO TÌNH HÌNH GIAO KẾ HOẠCH PHÁT TRIỂN KT-XH, XDCB NĂM 2012", "1- Cục Thuế",
             "2 - Sở Giao thông - Vận tải", "17— UBND huyện Sơn Động"]
    blocks = [Block("paragraph", t, page=1) for t in page1] + [Block("paragraph", t, page=2) for t in page2]
    r = build_report(SourceDocument(blocks, Source(format="pdf", pages=2)))
    assert [(s.number, s.title) for s in r.sections] == [
        ("1", "Cục Thuế"), ("2", "Sở Giao thông - Vận tải"), ("17", "UBND huyện Sơn Động")]
    assert r.metadata.signer is not None and r.metadata.signer.name == "Trịnh Hữu Thắng"


def _paged_report(page1: list[str], page2: list[str]) -> Report:
    from vnreport_extract.document import Block, SourceDocument
    from vnreport_extract.models import Source
    from vnreport_extract.pipeline import build_report

    blocks = [Block("paragraph", t, page=1) for t in page1] + [Block("paragraph", t, page=2) for t in page2]
    return build_report(SourceDocument(blocks, Source(format="pdf", pages=2)))


# A Kế hoạch whose last page, after the signature, lists its targets.
_PLAN_PAGE1 = ["UBND XÃ PHÚ TIẾN", "Số: 12/KH-UBND", "KẾ HOẠCH", "Chuyển đổi số năm 2025",
               "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao hiệu quả chuyển đổi số.", "II. NHIỆM VỤ",
               "Triển khai các nhiệm vụ được giao.", "III. TỔ CHỨC THỰC HIỆN", "Các ngành thực hiện./.",
               "Nơi nhận:", "- UBND huyện;", "- Lưu: VT.", "CHỦ TỊCH", "Nguyễn Văn An"]
_PLAN_PAGE2 = ["CÁC CHỈ TIÊU CHỦ YẾU", "1. Chỉ tiêu về chính quyền số", "2. Chỉ tiêu về kinh tế số"]


def test_the_sections_after_the_signature_stand_beside_the_body_not_under_its_last() -> None:
    r = _paged_report(_PLAN_PAGE1, _PLAN_PAGE2)
    assert [(s.path, [c.path for c in s.children]) for s in r.sections] == [
        ("I", []), ("II", []), ("III", []), ("1", []), ("2", [])]


def test_the_body_s_last_section_ends_at_the_signature_when_pages_follow() -> None:
    r = _paged_report(_PLAN_PAGE1, _PLAN_PAGE2)
    last = r.sections[2]
    assert r.text[last.start:last.end].rstrip().endswith("Các ngành thực hiện./.")


def test_an_annex_number_the_body_uses_already_gets_a_path_of_its_own() -> None:
    arabic = {"I. MỤC ĐÍCH, YÊU CẦU": "1. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ": "2. NHIỆM VỤ",
              "III. TỔ CHỨC THỰC HIỆN": "3. TỔ CHỨC THỰC HIỆN"}
    page1 = [arabic.get(line, line) for line in _PLAN_PAGE1]
    r = _paged_report(page1, _PLAN_PAGE2)
    assert [s.path for s in r.sections] == ["1", "2", "3", "1~2", "2~2"]


def test_a_title_followed_by_tabs_keeps_its_last_word() -> None:
    # A heading of 191 characters and the tabs a converter left after it: the title is whole,
    # with or without the sentence splitter.
    rest = ("Công tác quán triệt thể chế hóa chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà "
            "nước liên quan đến công tác dân vận trong tình hình mới ở cơ sở, nhất là về tổ chức hội, công tác")
    assert 180 < len(rest) < 200
    rest += "\t" * 30
    from vnreport_extract.words import sentences

    assert heading_title(rest, sentences).endswith("tổ chức hội, công tác")


def test_a_number_with_no_word_after_it_is_no_heading() -> None:
    # de-cuong (Phú Thọ 2012): a sample report's two blank lists side by side, ``1. 1.``.
    assert parse_heading("1. 1.") is None


@pytest.mark.parametrize("text", ["I. I.", "a) a)"])
def test_labels_after_a_number_are_no_heading(text: str) -> None:
    assert parse_heading(text) is None


@pytest.mark.parametrize(("text", "number"), [("1. 2011", "1"), ("a) 50%", "a"), ("II. 2011 - 2015", "II")])
def test_a_year_or_figure_after_a_number_is_a_heading(text: str, number: str) -> None:
    found = parse_heading(text)
    assert found is not None and found[0] == number


OUTLINE = """I. Thông tin chung
II. Phân tích thực trạng
IV. Nội dung dự án
IV.3 Phân tích, lựa chọn giải pháp
IV.3.5 Phân tích, thiết kế cơ sở dữ liệu
IV.3. 5.1 Mô hình logic của hệ thống
IV.3.7 Đặc tả dữ liệu
BÁO CÁO TÌNH HÌNH XỬ LÝ VĂN BẢN
I. Văn bản đã xử lý
II. Văn bản còn tồn cần xử lý
IV.3.8 Cung cấp dữ liệu cho CSDL văn bản quy phạm pháp luật
V. Kiến nghị
PHỤ LỤC I. GIẢI THÍCH THUẬT NGỮ VÀ PHƯƠNG PHÁP XÁC ĐỊNH GIÁ TRỊ PHẦN MỀM
I. Giải thích thuật ngữ
II. Tóm tắt phương pháp định giá sản phẩm
"""  # de-cuong-du-toan-qlvb-syt-sct-phu-tho-2012.doc, its headings (abridged)


def _outline() -> list[tuple[str, int]]:
    return [(s.number, s.level) for s in walk(parse_text(OUTLINE).sections)]


def test_an_appendix_with_its_title_on_its_line_holds_its_own_numerals() -> None:
    assert _outline()[-3:] == [("Phụ lục I", 1), ("I", 2), ("II", 2)]


def test_a_number_typed_after_words_numbering_goes_on_the_outline() -> None:
    # ``IV.3. 5.1``: Word's ``IV.3.`` before a typed ``5.1``, under IV.3.5.
    assert ("IV.3.5.1", 4) in _outline()


def test_a_sample_reports_numerals_inside_the_outline_are_no_sections() -> None:
    # The sample report's ``I.`` ``II.`` inside IV.3.7; the outline goes on at IV.3.8.
    assert [n for n, _ in _outline()][6:9] == ["IV.3.7", "IV.3.8", "V"]


def test_numerals_that_start_over_with_no_outline_after_them_are_kept() -> None:
    text = "I. Kết quả\nII. Hạn chế\nIII. Nguyên nhân\nPHƯƠNG HƯỚNG NĂM 2026\nI. Mục tiêu\nII. Nhiệm vụ\n"
    assert [s.number for s in parse_text(text).sections] == ["I", "II", "III", "I", "II"]


@pytest.mark.parametrize(("heading", "title"), [
    ("I. MỤC ĐÍCH,\nYÊU CẦU", "MỤC ĐÍCH, YÊU CẦU"),
    ("II. NHIỆM VỤ VÀ\nGIẢI PHÁP", "NHIỆM VỤ VÀ GIẢI PHÁP"),
    ("III. TỔ CHỨC THỰC HIỆN:\nCÁC PHÒNG, BAN", "TỔ CHỨC THỰC HIỆN"),
])
def test_a_heading_in_capitals_broken_over_lines_is_read_whole(heading: str, title: str) -> None:
    # A page copied from a web portal's narrow column breaks a heading after its label's line.
    r = parse_text(f"KẾ HOẠCH\nTriển khai công tác chuyển đổi số năm 2022\n{heading}\n1. Mục đích\n"
                   "Nâng cao nhận thức của cán bộ.")
    assert [(s.number, s.title) for s in r.sections][:1] == [(heading.split(".")[0], title)]


@pytest.mark.parametrize(("heading", "number", "title"), [
    ("1. Rà soát,\nhoàn thiện thể chế", "1", "Rà soát, hoàn thiện thể chế"),
    ("Điều 3. Trách nhiệm,\nquyền hạn", "Điều 3", "Trách nhiệm, quyền hạn"),
])
def test_a_heading_broken_after_a_comma_goes_on_in_the_lower_case_line(heading: str, number: str, title: str) -> None:
    r = parse_text(f"{heading}\nCác phòng chuyên môn rà soát văn bản.")
    assert [(s.number, s.title) for s in r.sections] == [(number, title)]


@pytest.mark.parametrize("under", ["STT\nNỘI DUNG\nKẾT QUẢ", "BẢNG 1. TỔNG HỢP SỐ LIỆU", "KHÔNG"])
def test_a_heading_in_capitals_that_ends_whole_keeps_the_capital_lines_under_it_out(under: str) -> None:
    r = parse_text(f"KẾ HOẠCH\nTriển khai công tác năm 2022\nI. KẾT QUẢ CỤ THỂ\n{under}\nNăm 2022 đạt kết quả tốt.")
    assert [(s.number, s.title) for s in r.sections] == [("I", "KẾT QUẢ CỤ THỂ")]


@pytest.mark.parametrize("line", BULLET_EXAMPLES)
def test_a_bullet_opens_an_item_of_its_own(line: str) -> None:
    assert opens_item(line)


@pytest.mark.parametrize("line", NOT_BULLETS)
def test_a_sign_or_bracket_before_a_number_opens_no_item(line: str) -> None:
    assert not opens_item(line)


@pytest.mark.parametrize("line", ITEM_EXAMPLES)
def test_a_list_number_or_a_marked_label_opens_an_item(line: str) -> None:
    assert opens_item(line)


@pytest.mark.parametrize("line", [line for style in NUMBERING_STYLES for line, number in style["examples"]
                                  if line[len(number):].lstrip()[:1] in (".", ")", "-", "–", "—", "/", ":")])
def test_a_numbering_style_written_with_its_mark_opens_an_item(line: str) -> None:
    assert opens_item(line)


@pytest.mark.parametrize("line", NOT_ITEM_EXAMPLES)
def test_a_number_or_a_bare_roman_word_opens_no_item(line: str) -> None:
    assert not opens_item(line)


def _paths(text: str) -> list[tuple[str, str]]:
    return [(s.number, s.path) for s in walk(parse_text(text).sections)]


def test_a_decimal_number_adds_only_its_own_part_to_the_path() -> None:
    # hd-06-hd-tw-2025.pdf: ``1.`` then ``1.2.`` then ``a)``
    text = "HƯỚNG DẪN\nX\n1. Về đảng viên\n1.1. Về tuổi\n1.2. Về giới\na) Nam giới\n"
    assert _paths(text) == [("1", "1"), ("1.1", "1.1"), ("1.2", "1.2"), ("a", "1.2.a")]


def test_a_decimal_number_under_a_roman_part_adds_only_its_own_part() -> None:
    # tt-2442-2007-tt-ttcp-minh-bach-tai-san.doc: ``Phần 3``, ``I.``, ``1.``, ``1.1.``
    text = "THÔNG TƯ\nX\nPhần 3\nKÊ KHAI\nI. NGƯỜI KÊ KHAI\n1. Cán bộ\n1.1. Cán bộ cấp tỉnh\n"
    assert _paths(text)[-1] == ("1.1", "Phần 3.I.1.1")


def test_a_roman_decimal_number_adds_only_its_own_part() -> None:
    # de-cuong-du-toan-qlvb-syt-sct-phu-tho-2012.doc: ``I.`` then ``I.1.``
    text = "ĐỀ CƯƠNG\nX\nI. Thông tin chung\nI.1. Căn cứ pháp lý\n"
    assert _paths(text) == [("I", "I"), ("I.1", "I.1")]


def test_a_repeated_decimal_number_gets_a_path_of_its_own() -> None:
    text = "BÁO CÁO\nX\n1. Chung\n1.2. Về giới\n1.2. Về giới\n"
    assert [p for _, p in _paths(text)] == ["1", "1.2", "1.2~2"]


def test_a_citation_s_section_is_the_decimal_heading_s_path() -> None:
    text = "BÁO CÁO\nX\n1. Chung\n1.1. Về tuổi\nTheo Kế hoạch số 12/KH-UBND ngày 01/02/2023.\n"
    assert [c.section for c in parse_text(text).citations] == ["1.1"]


def _section(number: str, path: str, children: list[Section] | None = None) -> Section:
    return Section(number=number, level=1, title="x", path=path, start=0, end=1, children=children or [])


def test_an_annex_root_that_a_body_section_s_path_holds_gets_a_path_of_its_own() -> None:
    # The body's ``1.`` > ``1.1.``, ``1.2.``; an annex on the next pages whose roots are ``1.1.``, ``1.2.``.
    body = [_section("1", "1", [_section("1.1", "1.1"), _section("1.2", "1.2")])]
    annex = [_section("1.1", "1.1"), _section("1.2", "1.2", [_section("a", "1.2.a")])]
    paths = [s.path for s in walk(beside(body, annex))]
    assert paths == ["1", "1.1", "1.2", "1.1~2", "1.2~2", "1.2~2.a"]


def test_an_annex_root_after_a_repeated_body_root_gets_the_next_free_path() -> None:
    body = [_section("1", "1"), _section("1", "1~2")]
    assert [s.path for s in beside(body, [_section("1", "1")])] == ["1", "1~2", "1~3"]


def test_an_annex_root_repeated_in_the_annex_takes_the_next_free_number() -> None:
    body = [_section("1", "1")]
    annex = [_section("1", "1"), _section("1", "1~2")]
    assert [s.path for s in beside(body, annex)] == ["1", "1~2", "1~3"]
