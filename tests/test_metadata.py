"""Header block, title, recipients and signer: one assertion per real variant."""

from __future__ import annotations

import pytest

from vnreport_extract import Metadata, parse_text
from vnreport_extract.extract.metadata import extract_metadata

HEADER = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 629/BC-UBND
Lâm Đồng, ngày 15 tháng 12 năm 2025
BÁO CÁO
Tổ chức, hoạt động và quản lý hội
năm 2025
Kính gửi: Bộ Nội vụ.
I. THỰC TRẠNG
Nội dung.
Nơi nhận:
- Như trên;
- Lưu: VT, NC.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Minh
"""


def meta(text: str) -> Metadata:
    return parse_text(text).metadata


def test_issuer_broken_over_two_lines_is_one() -> None:
    assert meta(HEADER).issuer == "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"


def test_parent_issuer_above_issuer() -> None:
    m = meta("UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố: 12/BC-SNV\nLâm Đồng, ngày 02 tháng 01 năm 2026\nBÁO CÁO\nVề x")
    assert (m.parent_issuer, m.issuer) == ("UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ")


def test_number_place_date_type() -> None:
    m = meta(HEADER)
    assert m.number is not None
    assert (m.number.symbol, m.place, m.date and m.date.iso, m.doc_type) == (
        "629/BC-UBND", "Lâm Đồng", "2025-12-15", "Báo cáo")


def test_title_lines_joined() -> None:
    assert meta(HEADER).title == "Tổ chức, hoạt động và quản lý hội năm 2025"


def test_kinh_gui_and_noi_nhan_recipients() -> None:
    assert meta(HEADER).recipients == ["Bộ Nội vụ", "Như trên", "Lưu: VT, NC"]


def test_kt_signer() -> None:
    signer = meta(HEADER).signer
    assert signer is not None
    assert signer.model_dump(exclude={"rank"}) == {
        "name": "Nguyễn Minh", "position": "Phó Chủ tịch", "authority": "KT.", "on_behalf_of": "Chủ tịch"}


def test_tm_signer() -> None:
    signer = meta("BÁO CÁO\nX\nNơi nhận:\n- Lưu: VP.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNgô Tuấn Sơn").signer
    assert signer is not None and signer.model_dump(exclude={"rank"}) == {
        "name": "Ngô Tuấn Sơn", "position": "Chủ tịch", "authority": "TM.", "on_behalf_of": "Ủy ban nhân dân"}


def test_signer_without_authority_mark() -> None:
    signer = meta("QUYẾT ĐỊNH\nVề việc kiện toàn\nNơi nhận:\n- Lưu: VT.\nCHỦ TỊCH\nHồ Văn Mười").signer
    assert signer is not None and (signer.authority, signer.position, signer.name) == (None, "Chủ tịch", "Hồ Văn Mười")


def test_all_caps_name_title_cased() -> None:
    signer = meta("BÁO CÁO\nX\nNơi nhận:\n- Lưu.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nHỒ VĂN MƯỜI").signer
    assert signer is not None and signer.name == "Hồ Văn Mười"


def test_blank_number_and_day() -> None:
    report = parse_text("Số: /BC-UBND\nPhú Tiến, ngày tháng 5 năm 2023\nBÁO CÁO\nKết quả")
    m = report.metadata
    assert m.number is not None and (m.number.number, m.number.type_code) == (None, "BC")
    assert m.date is not None and m.date.model_dump() == {"year": 2023, "month": 5, "day": None, "iso": "2023-05"}
    assert "blank-document-number" in {w.code for w in report.warnings}


@pytest.mark.parametrize("header", [
    "Số: /STTTT-KHTC\nBắc Giang, ngày 2ftháng/0 năm 2012",  # cv-324-stttt-khtc-2012-scan.pdf
    "Số: /STTTT-KHTC Bắc Giang, ngày 2ftháng/0 năm 2012",  # its two columns read as one line
])
def test_misread_date_keeps_the_place(header: str) -> None:
    """The handwritten day and month misread on the date line: the place and year stay."""
    report = parse_text(f"SỞ THÔNG TIN VÀ TRUYỀN THÔNG\n{header}\nV/v: đồng ý hỗ trợ\n"
                        "Kính gửi: Sở Kế hoạch và Đầu tư.\nCăn cứ Công văn số 869/KHĐT-VP.")
    m = report.metadata
    assert (m.place, m.date and m.date.iso) == ("Bắc Giang", "2012")
    assert "unreadable-document-date" in {w.code for w in report.warnings}


@pytest.mark.parametrize("line", ["Hà Nội, ngày càng phát triển",
                                  "Hội nghị tổng kết, ngày hội việc làm tổ chức năm 2025"])
def test_place_comma_ngay_in_a_sentence_is_no_date_line(line: str) -> None:
    m = meta(f"SỞ NỘI VỤ\nSố: 12/SNV\n{line}\nV/v báo cáo\nKính gửi: Sở Tư pháp")
    assert (m.place, m.date) == (None, None)


def test_quyet_dinh_ve_viec_title() -> None:
    m = meta("Số: /QĐ-UBND\nLâm Đồng, ngày tháng 9 năm 2025\nQUYẾT ĐỊNH\nVề việc kiện toàn Đội ứng cứu sự cố\n"
             "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nCăn cứ Luật Tổ chức chính quyền địa phương;")
    assert (m.doc_type, m.title) == ("Quyết định", "Kiện toàn Đội ứng cứu sự cố")


def test_cong_van_v_v() -> None:
    m = meta("Số: 1547/SNV-TCBC\nV/v góp ý dự thảo Kế hoạch\nLâm Đồng, ngày 05 tháng 9 năm 2025\nKính gửi: Sở Tư pháp")
    assert (m.doc_type, m.title) == ("Công văn", "Góp ý dự thảo Kế hoạch")


def test_two_column_header_read_line_by_line() -> None:
    m = meta("Số: 03/BCĐX-PC04    Lâm Đồng, ngày 08 tháng 01 năm 2026\nBÁO CÁO ĐỀ XUẤT\nVề việc x")
    assert m.number is not None
    assert (m.number.number, m.date and m.date.iso, m.doc_type) == ("03", "2026-01-08", "Báo cáo đề xuất")


def test_document_date_role() -> None:
    report = parse_text(HEADER)
    assert [(d.role, d.value.iso) for d in report.dates if d.role == "document"] == [("document", "2025-12-15")]


def test_document_date_role_of_an_identity_line() -> None:
    # nd-37-2007-nd-cp-minh-bach-tai-san.doc: the date in the title line, not in a place-and-date line.
    report = parse_text("CHÍNH PHỦ\nNGHỊ ĐỊNH\nCỦA CHÍNH PHỦ SỐ 37/2007/NĐ-CP NGÀY 09 THÁNG 3 NĂM 2007\n"
                        "VỀ MINH BẠCH TÀI SẢN, THU NHẬP\nCăn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;\n")
    assert [(d.value.iso, d.role) for d in report.dates] == [("2007-03-09", "document"), ("2001-12-25", "citation")]


def test_own_number_is_not_a_citation() -> None:
    assert parse_text(HEADER).citations == []


def test_ranked_signer_and_parenthesised_title() -> None:
    m = meta("CÔNG AN TỈNH LÂM ĐỒNG\nSố: 03/BCĐX-CAT(PC04)\nLâm Đồng, ngày tháng 01 năm 2026\nBÁO CÁO ĐỀ XUẤT\n"
             "(V/v Phê duyệt thời gian tổ chức Hội nghị)\nKính gửi:\n- Đồng chí Chủ tịch;\nNơi nhận:\n"
             "- Phòng PV01, PC04 (thực hiện):\n- Lưu: VT.\nGIÁM ĐỐC\nThiếu tướng Trương Minh Đương")
    assert m.title == "Phê duyệt thời gian tổ chức Hội nghị"
    assert m.number is not None and (m.number.type_code, m.number.issuer_code) == ("BCĐX", "CAT(PC04)")
    assert m.signer is not None and (m.signer.rank, m.signer.name) == ("Thiếu tướng", "Trương Minh Đương")
    assert m.recipients == ["Đồng chí Chủ tịch", "Phòng PV01, PC04 (thực hiện)", "Lưu: VT"]


def test_cong_van_date_after_v_v_line() -> None:
    m = meta("Số: 125/VP-TH\nV/v triển khai kế hoạch\nĐịnh Hóa, ngày 12 tháng 3 năm 2024\nKính gửi: Các phòng")
    assert (m.place, m.date and m.date.iso, m.title) == ("Định Hóa", "2024-03-12", "Triển khai kế hoạch")


def test_acting_head_signs_in_an_acting_position() -> None:
    signer = meta("BÁO CÁO\nKết quả\nNơi nhận:\n- Lưu: VT.\nQ. GIÁM ĐỐC\nNguyễn Văn An").signer
    assert signer is not None and (signer.authority, signer.position, signer.name) == (
        None, "Quyền Giám đốc", "Nguyễn Văn An")


def test_place_name_keeps_its_capitals_in_on_behalf_of() -> None:
    signer = meta("BÁO CÁO\nX\nNơi nhận:\n- Lưu.\nTM. ỦY BAN NHÂN DÂN XÃ PHÚ TIẾN\nCHỦ TỊCH\nNgô Tuấn Sơn").signer
    assert signer is not None and signer.on_behalf_of == "Ủy ban nhân dân xã Phú Tiến"


def test_two_column_header_copied_as_text_with_tabs() -> None:
    m = meta("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ PHÚ TIẾN\tĐộc lập - Tự do - Hạnh phúc\n"
             "Số: 12/BC-UBND\tPhú Tiến, ngày 10 tháng 5 năm 2023\nBÁO CÁO\nKết quả thực hiện")
    assert m.number is not None
    assert (m.issuer, m.number.symbol, m.place, m.date and m.date.iso) == (
        "ỦY BAN NHÂN DÂN XÃ PHÚ TIẾN", "12/BC-UBND", "Phú Tiến", "2023-05-10")


def test_title_goes_on_after_a_line_ending_in_cua() -> None:
    m = meta("BÁO CÁO\nTình hình thực hiện Nghị quyết của\nHội đồng nhân dân tỉnh năm 2025\nI. KẾT QUẢ")
    assert m.title == "Tình hình thực hiện Nghị quyết của Hội đồng nhân dân tỉnh năm 2025"


def test_issuer_over_two_lines_under_parent() -> None:
    m = meta("UBND TỈNH LÂM ĐỒNG\nTRUNG TÂM PHỤC VỤ\nHÀNH CHÍNH CÔNG\nSố: 12/BC-TTPVHCC\nBÁO CÁO\nKết quả")
    assert (m.issuer, m.parent_issuer) == ("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "UBND TỈNH LÂM ĐỒNG")


def test_capitals_under_the_rule_below_the_issuer_are_no_part_of_it() -> None:
    # de-cuong-du-toan-qlvb-syt-sct-phu-tho-2012.doc (shared archive): a project outline with no
    # type name of Nghị định 30 and no number; its title and cover table in capitals follow.
    m = extract_metadata("ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\n=====o0o=====\n"
                         "ĐỀ CƯƠNG VÀ DỰ TOÁN CHI TIẾT\n“XÂY DỰNG PHẦN MỀM QUẢN LÝ VĂN BẢN”\nPhú Thọ, 2012").metadata
    assert (m.issuer, m.parent_issuer) == ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ")


def test_body_name_after_the_rule_is_the_issuer_under_its_parent() -> None:
    # Two header lines read apart by the rule (a text dump's order): the rule does not end them.
    m = extract_metadata("BỘ CÔNG AN\n-----\nCỤC CẢNH SÁT ĐIỀU TRA\nSố: 12/C04-P6\nV/v phối hợp").metadata
    assert (m.issuer, m.parent_issuer) == ("CỤC CẢNH SÁT ĐIỀU TRA", "BỘ CÔNG AN")


def test_quoc_hieu_s_rule_between_the_issuer_s_lines_does_not_end_it() -> None:
    m = extract_metadata("TRUNG TÂM PHỤC VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n-----\nHÀNH CHÍNH CÔNG\n"
                         "Số: 1/BC-TTPVHCC\nBÁO CÁO\nKết quả").metadata
    assert m.issuer == "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"


def test_table_row_in_capitals_is_no_issuer() -> None:
    # nd-37-2007-nd-cp-minh-bach-tai-san.doc: the receipt form's signature table.
    # The text of a table's row is its cells joined by tabs, as the pipeline assembles it.
    m = extract_metadata("CƠ QUAN, TỔ CHỨC, ĐƠN VỊ CÓ THẨM QUYỀN QUẢN LÝ NGƯỜI KÊ KHAI\n"
                         "BÊN GIAO BẢN KÊ KHAI\tĐẠI DIỆN ĐƠN VỊ PHỤ TRÁCH CÔNG TÁC TỔ CHỨC, CÁN BỘ").metadata
    assert (m.issuer, m.parent_issuer) == ("CƠ QUAN, TỔ CHỨC, ĐƠN VỊ CÓ THẨM QUYỀN QUẢN LÝ NGƯỜI KÊ KHAI", None)


_MINUTES = ("HỘI ĐỒNG THẨM ĐỊNH\nBIÊN BẢN\nVề việc đánh giá\n1. Thành phần:\n"
            "- Chủ trì: Đ/c Đại tá Đậu Xuân Bảo - Phó Giám đốc, Thủ trưởng CQCSĐT Công an tỉnh;\n"
            "4. Kết luận:\nĐồng chí Đại tá Đậu Xuân Bảo – {role}: Căn cứ vào ý kiến của các thành viên.\n"
            "Biên bản họp kết thúc vào lúc 16 giờ 45 phút cùng ngày./.\n"
            "TM. HỘI ĐỒNG THẨM ĐỊNH\nĐại tá Đậu Xuân Bảo")


def test_position_hidden_by_the_seal_is_the_one_the_text_gives_in_the_body_signed_for() -> None:
    # bien-ban-hoi-dong-xet-duyet-xa-khong-ma-tuy-2025-scan: ``PHÓ CHỦ TỊCH HỘI ĐỒNG`` under the seal.
    signer = meta(_MINUTES.format(role="Phó Chủ tịch Hội đồng")).signer
    assert signer is not None and (signer.name, signer.position) == ("Đậu Xuân Bảo", "Phó Chủ tịch Hội đồng")


def test_position_of_another_body_in_the_text_is_not_the_signer_s() -> None:
    signer = meta(_MINUTES.format(role="Phó Giám đốc Công an tỉnh")).signer
    assert signer is not None and (signer.name, signer.position) == ("Đậu Xuân Bảo", None)


def test_two_header_columns_on_one_line() -> None:
    m = meta("UBND TỈNH BẮC GIANG   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 695/UBND-VX\nV/v xây dựng")
    assert m.issuer == "UBND TỈNH BẮC GIANG"


def test_motto_fragment_is_never_an_issuer() -> None:
    m = meta("SỞ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nNAM\nSố: 1984/SNV-TCBC\nV/v báo cáo")
    assert (m.issuer, m.parent_issuer) == ("SỞ NỘI VỤ", None)


def test_misread_motto_is_never_part_of_the_issuer() -> None:
    # tb-20-tb-stttt-2012-scan: OCR read ``CHỦ`` as ``(?HỦ``.
    m = meta("UBND TỈNH BẮC GIANG\nSỞ THÔNG TIN & TRUYỀN THÔNG\nCỘNG HOÀ XÃ HỘI (?HỦ NGHĨA VIỆT NAM\n"
             "Độc lập - Tự do - Hạnh phúc\nSố: 20/TB-STTTT\nTHÔNG BÁO\nNhiệm vụ trọng tâm")
    assert (m.issuer, m.parent_issuer) == ("SỞ THÔNG TIN & TRUYỀN THÔNG", "UBND TỈNH BẮC GIANG")


def test_party_number_without_colon() -> None:
    m = meta("BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 06-HD/TW\nHà Nội, ngày 09 tháng 6 năm 2025\nHƯỚNG DẪN\nMỘT SỐ VẤN ĐỀ")
    assert (m.issuer, m.number and m.number.symbol, m.doc_type) == ("BAN CHẤP HÀNH TRUNG ƯƠNG", "06-HD/TW", "Hướng dẫn")


def test_subject_over_several_lines() -> None:
    """cv-1984-snv-tcbc-2025.pdf."""
    m = meta("SỞ NỘI VỤ\nSố: 1984 /SNV-TCBC\nV/v báo cáo đề nghị công nhận\nchức danh các Hội quần chúng do\n"
             "Đảng, Nhà nước giao nhiệm vụ\nLâm Đồng, ngày 09 tháng 10 năm 2025\nKính gửi: Ủy ban nhân dân tỉnh")
    assert m.title == "Báo cáo đề nghị công nhận chức danh các Hội quần chúng do Đảng, Nhà nước giao nhiệm vụ"


def test_subject_line_in_capitals_goes_on_up_to_the_place_and_date() -> None:
    """cv-3980-c04-p6-2025-scan.pdf: the left column's lines, the second opening with a name."""
    m = meta("BỘ CÔNG AN\nCỤC CẢNH SÁT ĐIỀU TRA\nSố: 3980/C04-P6\nV/v chuẩn bị tổ chức triển khai\n"
             "Chương trình MTQG phòng, chống ma tuý\nđến năm 2030\nHà Nội, ngày 28 tháng 8 năm 2025\n"
             "Kính gửi: Đồng chí Chủ tịch UBND tỉnh Lâm Đồng\nTrong thời gian qua, công tác phòng.")
    assert m.title == "Chuẩn bị tổ chức triển khai Chương trình MTQG phòng, chống ma tuý đến năm 2030"


def test_addressees_on_unbulleted_lines() -> None:
    """ttr-ubnd-thi-tran-nenh-2012.doc."""
    m = meta("TỜ TRÌNH\n(V/v xin kinh phí)\nKính gửi: UBND huyện Việt Yên, tỉnh Bắc Giang\n"
             "Phòng Công Thương huyện Việt Yên\nCăn cứ nghị quyết của UBND tỉnh Bắc Giang.")
    assert m.recipients == ["UBND huyện Việt Yên, tỉnh Bắc Giang", "Phòng Công Thương huyện Việt Yên"]


def test_addressee_list_ends_at_bulleted_grounds() -> None:
    """tb-107-tb-kcn-2012-scan.pdf: one addressee, then the body's grounds, each bulleted."""
    m = meta("THÔNG BÁO\nVề việc đăng ký Quy chế trả lương, thưởng\n"
             "Kính gửi: Công ty TNHH Sein Blue Tec Việt Nam\n"
             "- Căn cứ Bộ luật lao động số 35-L/CTN ngày 23/06/1994;\n"
             "- Căn cứ Nghị định số 114/2002/NĐ-CP ngày 31 tháng 12 năm 2002 của Chính phủ;")
    assert m.recipients == ["Công ty TNHH Sein Blue Tec Việt Nam"]


def test_addressee_broken_before_thuc_hien_goes_on() -> None:
    m = meta("CÔNG VĂN\nV/v triển khai\nKính gửi: - Thành viên Ban Chỉ đạo tỉnh về\n"
             "thực hiện Chương trình mục tiêu quốc gia;\n- UBND các huyện, thành phố.\nThực hiện Kế hoạch.")
    assert m.recipients == ["Thành viên Ban Chỉ đạo tỉnh về thực hiện Chương trình mục tiêu quốc gia",
                            "UBND các huyện, thành phố"]


def test_addressees_bulleted_by_word_list_numbering() -> None:
    """cv-ubnd-ncksttthc-binh-thuan-gia-han-dai-hoi-2024-du-thao.doc: the ``-`` of each item is
    drawn by Word's list numbering (not in the text); the items end ``;`` and the last ``.``."""
    m = meta("Số: /UBND-NCKSTTHC\nV/v thời gian tổ chức đại hội nhiệm kỳ\n"
             "Bình Thuận, ngày tháng 12 năm 2024\nKính gửi:\n"
             "Các sở: Thông tin và Truyền thông, Nông nghiệp và Phát triển nông thôn, Xây dựng, Nội vụ;\n"
             "Các hội: Hội Nghề cá, Hiệp hội Nước mắm Phan Thiết, Hội Tin học, Hiệp hội Nhà thầu xây dựng.\n"
             "Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08 tháng 10 năm 2024 của Chính phủ quy định về tổ chức;")
    assert m.recipients == [
        "Các sở: Thông tin và Truyền thông, Nông nghiệp và Phát triển nông thôn, Xây dựng, Nội vụ",
        "Các hội: Hội Nghề cá, Hiệp hội Nước mắm Phan Thiết, Hội Tin học, Hiệp hội Nhà thầu xây dựng"]


def test_position_in_mixed_case_under_the_body() -> None:
    """ttr-ubnd-thi-tran-nenh-2012.doc: ``UBND THỊ TRẤN NẾNH`` / ``Chủ tịch``."""
    m = meta("TỜ TRÌNH\nXin kinh phí\nRất mong UBND huyện xem xét giúp đỡ !\nUBND THỊ TRẤN NẾNH\nChủ tịch")
    assert m.signer is not None and m.signer.position == "Chủ tịch"


def test_party_signature_with_slash_and_no_position() -> None:
    """hd-06-hd-tw-2025.pdf."""
    m = meta("HƯỚNG DẪN\nMỘT SỐ VẤN ĐỀ\n1. Nội dung.\nNơi nhận:\n- Lưu Văn phòng Trung ương Đảng.\n"
             "T/M BAN BÍ THƯ\nTrần Cẩm Tú")
    assert m.signer is not None and (m.signer.authority, m.signer.on_behalf_of, m.signer.name) == (
        "TM.", "Ban Bí thư", "Trần Cẩm Tú")


def test_type_name_is_canonical() -> None:
    assert meta("BIÊN BẢN LÀM VIỆC\nCăn cứ Công văn số 636/TTTH-VP").doc_type == "Biên bản"


def test_cong_bao_header_columns_on_one_line() -> None:
    """qd-353 as printed in Công báo: the two header columns arrive as one line each."""
    m = meta("ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BÀ RỊA - VŨNG TÀU Độc lập - Tự do - Hạnh phúc\n"
             "Số: 353/QĐ-UBND Bà Rịa - Vũng Tàu, ngày 17 tháng 02 năm 2025\nQUYẾT ĐỊNH")
    assert (m.issuer, m.place, m.date and m.date.iso) == (
        "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "Bà Rịa - Vũng Tàu", "2025-02-17")


def test_record_signed_by_parties() -> None:
    """bien-ban-lam-viec-vp-ubnd-gia-lai-2012.doc: the parties sign in columns."""
    m = meta("BIÊN BẢN LÀM VIỆC\nI. Thành phần dự họp\nCác bên thống nhất.\n"
             "Đại diện Trung tâm tin học - VP UBND\tĐại diện Chủ đầu tư\nĐặng Quang Khanh\tPhan Đình Hiếu")
    assert m.signer is not None and (m.signer.position, m.signer.name) == (
        "Đại diện Trung tâm tin học - VP UBND", "Đặng Quang Khanh")


def test_signature_column_glued_to_a_recipient_is_cut() -> None:
    m = meta("KẾ HOẠCH\nTriển khai\n1. Nội dung.\nNơi nhận:\n- Các thành viên;\n- Lưu: VT, NC. TM. BAN CHỈ ĐẠO")
    assert m.recipients == ["Các thành viên", "Lưu: VT, NC"]


def test_ocr_tilde_bullet_in_recipients() -> None:
    """tb-666-tb-stttt-ben-tre-2011-scan.pdf: Tesseract reads a hyphen as ``~``."""
    m = meta("THÔNG BÁO\nGiới thiệu\nNơi nhận:\n-Bộ Thông tin và Truyền thông;\n~Tỉnh ủy, HĐND, UBND tỉnh;\n"
             "-Lưu VT, VP.")
    assert m.recipients == ["Bộ Thông tin và Truyền thông", "Tỉnh ủy, HĐND, UBND tỉnh", "Lưu VT, VP"]


# --- Variants of the archives' scans, as the OCR reader hands their lines over ----------------

def test_party_letter_type_comes_from_its_number() -> None:
    # Bắc Giang 2012: ``V/v`` lost, no type name; the number ``368-CV/BPTT`` says Công văn.
    m = meta("TỈNH ỦY BẮC GIANG\nBỘ PHẬN THƯỜNG TRỰC\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 368-CV/BPTT\n"
             "Bắc Giang, ngày 15 tháng 10 năm 2012\nKính gửi: - Các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy;\n"
             "Thực hiện Nghị quyết số 12-NQ/TW ngày 16/01/2012.")
    assert m.doc_type == "Công văn"


def test_state_letter_symbol_without_type_code_is_a_cong_van() -> None:
    m = meta("BỘ CÔNG AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 4409/BCA-C04\nHà Nội, ngày 01 tháng 10 năm 2025\n"
             "Kính gửi: UBND các tỉnh, thành phố trực thuộc Trung ương\nThực hiện Nghị quyết số 93/NQ-CP.")
    assert m.doc_type == "Công văn"


def test_trich_yeu_under_the_number_without_v_v() -> None:
    # Bộ Công an 2025 scan: the small ``V/v`` was not read; the trích yếu's lines are lower case.
    m = meta("BỘ CÔNG AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: /BCA-C04\n"
             "tham gia ý kiến vào Dự thảo Hồ sơ\nQuyết định của Thủ tướng Chính phủ về tín\n"
             "dụng đối với người sau cai nghiện ma túy\nHà Nội, ngày tháng năm 2025\n"
             "Kính gửi: UBND các tỉnh, thành phố trực thuộc Trung ương\nThực hiện Nghị quyết số 93/NQ-CP.")
    assert m.title == ("Tham gia ý kiến vào Dự thảo Hồ sơ Quyết định của Thủ tướng Chính phủ về tín dụng đối với "
                       "người sau cai nghiện ma túy")


def test_title_line_ending_in_a_colon_goes_on() -> None:
    # Bến Tre 2011 scan: the title's second line starts in capitals.
    m = meta("SỞ THÔNG TIN VÀ TRUYỀN THÔNG\nSố: /TB-STTTT\nBến Tre, ngày tháng 12 năm 2011\nTHÔNG BÁO\n"
             "Về việc giới thiệu chức danh và chữ ký :\nPhó Giám đốc Sở Thông tin và Truyền thông tỉnh Bến Tre\n"
             "Căn cứ Quyết định số 2729/QĐ-UBND ngày 16 tháng 11 năm 2011.")
    assert m.title == "Giới thiệu chức danh và chữ ký Phó Giám đốc Sở Thông tin và Truyền thông tỉnh Bến Tre"


SIGNED_KIEM = """Nơi nhận:
- Như kính gửi;
- Văn phòng: + LĐVP;
+ Chuyên viên TH, NC,
+ Lưu VT.
PHÓ BÍ THƯ THƯỜNG TRỰC TỈNH ỦY
Kiêm
PHÓ BỘ PHẬN THƯỜNG TRỰC
Thân Văn Khoa
"""


def test_position_with_its_body_and_a_second_post() -> None:
    m = meta("Nội dung công văn.\n" + SIGNED_KIEM)
    assert m.signer is not None and (m.signer.position, m.signer.name) == (
        "Phó Bí thư Thường trực Tỉnh ủy kiêm Phó bộ phận thường trực", "Thân Văn Khoa")


def test_recipient_and_its_first_sub_item_on_one_line() -> None:
    assert meta("Nội dung công văn.\n" + SIGNED_KIEM).recipients == [
        "Như kính gửi", "Văn phòng", "LĐVP", "Chuyên viên TH, NC", "Lưu VT"]


def test_stray_mark_after_noi_nhan_is_not_a_recipient() -> None:
    # Bắc Giang 2012 scan: ``Nơi nhận: h`` (a pen stroke).
    m = meta("Điều 2. Thi hành.\nNơi nhận: h\n- Như điều 2;\n+ Lưu VT, NN.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLại Thanh Sơn")
    assert m.recipients == ["Như điều 2", "Lưu VT, NN"]


def test_unit_codes_are_recipients() -> None:
    # Bộ Công an letters send copies to units by code.
    assert meta("Nội dung.\nNơi nhận:\n- V03, A05;\n- C04;\n- Lưu: VT.").recipients == ["V03, A05", "C04", "Lưu: VT"]


def test_seal_text_under_the_position_is_not_the_name() -> None:
    m = meta("Nội dung.\nNơi nhận:\n- Lưu VT.\nPHÓ BÍ THƯ THƯỜNG TRỰC TỈNH ỦY\nTỈNH Ủ\n*=:fFfan Văn Khoa")
    assert m.signer is not None and m.signer.name is None


def test_law_number_with_a_year_is_no_cong_van() -> None:
    assert meta("QUỐC HỘI\nSố: 56/2010/QH12\nHà Nội, ngày 15 tháng 11 năm 2010\nCăn cứ Hiến pháp;").doc_type is None


def test_report_title_citing_a_directive_is_not_its_identity() -> None:
    m = meta("BÁO CÁO TỔNG KẾT CHỈ THỊ SỐ 05-CT/TW NGÀY 15/5/2016\nCăn cứ Kế hoạch của Tỉnh ủy.")
    assert m.number is None


# --- Legal texts copied without their header table (Nghị định 37/2007, Luật 56/2010) ---------

ND_37 = ("NGHỊ ĐỊNH\nCỦA CHÍNH PHỦ SỐ 37/2007/NĐ-CP NGÀY 09 THÁNG 3 NĂM 2007\nVỀ MINH BẠCH TÀI SẢN, THU NHẬP\n"
         "CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;\nNGHỊ ĐỊNH :\nChương I\n"
         "NHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n")


def test_identity_line_under_the_type_name_gives_number_date_and_author() -> None:
    m = meta(ND_37)
    assert (m.number and m.number.symbol, m.date and m.date.iso, m.issuer, m.title) == (
        "37/2007/NĐ-CP", "2007-03-09", "CHÍNH PHỦ", "VỀ MINH BẠCH TÀI SẢN, THU NHẬP")


def test_identity_line_number_is_not_a_citation() -> None:
    assert [c.symbol for c in parse_text(ND_37).citations if c.symbol] == []


def test_type_name_number_and_date_on_one_line() -> None:
    m = meta("CHỈ THỊ SỐ 15/2008/CT-TTG NGÀY 12 THÁNG 5 NĂM 2008 VỀ VIỆC TĂNG CƯỜNG QUẢN LÝ\n"
             "Để tăng cường quản lý, Thủ tướng chỉ thị.")
    assert (m.doc_type, m.number and m.number.symbol, m.date and m.date.iso, m.title) == (
        "Chỉ thị", "15/2008/CT-TTg", "2008-05-12", "TĂNG CƯỜNG QUẢN LÝ")


def test_law_number_line_starts_with_its_type() -> None:
    m = meta("QUỐC HỘI\n-------\nLuật số: 56/2010/QH12\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
             "Hà Nội, ngày 15 tháng 11 năm 2010\nLUẬT\nTHANH TRA\nCăn cứ Hiến pháp;")
    assert (m.issuer, m.number and m.number.symbol, m.doc_type) == ("QUỐC HỘI", "56/2010/QH12", "Luật")


# --- Bắc Giang scans of 2012: the lines as the OCR reader gives them ----------------------------

CV_27_HEADER = """UBND TỈNH BẮC GIANG
SỞ THÔNG TIN VÀ TRUYỀN THÔNG
CỘN 6 HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: /STTTT-VP
V/v Lập danh sách cán bộ diện Ban Thường vụ
Tỉnh ủy quản lý
Bắc Giang, ngày 09 tháng 02 năm 2012
Kính gửi: Ban Tổ chức Tỉnh ủy Bắc Giang.
Thực hiện Công văn số 725-CV/BTCTU ngày 02 tháng 02 năm 2012 của Ban Tổ chức Tỉnh ủy.
"""


def test_quoc_hieu_with_cong_misread_is_not_part_of_the_issuer() -> None:
    assert meta(CV_27_HEADER).issuer == "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"


def test_v_v_title_goes_on_over_a_line_with_a_capital_before_the_place_and_date() -> None:
    assert meta(CV_27_HEADER).title == "Lập danh sách cán bộ diện Ban Thường vụ Tỉnh ủy quản lý"


def test_recipient_whose_bullet_the_ocr_lost_is_kept() -> None:
    text = CV_27_HEADER + """Nơi nhận:
- Như trên;
Chủ tịch và các PCT.UBND tỉnh (b/c);
- Bản điện tử: LĐVP, CV các phòng VX, KT, KTN, NC;
- Lưu: VT, TH.
KT.CHÁNH VĂN PHÒNG
PHÓ VĂN PHÒNG
"""  # cv-390
    assert meta(text).recipients[-4:] == ["Như trên", "Chủ tịch và các PCT.UBND tỉnh (b/c)",
                                          "Bản điện tử: LĐVP, CV các phòng VX, KT, KTN, NC", "Lưu: VT, TH"]


def test_first_recipient_whose_bullet_the_ocr_lost_is_kept() -> None:
    text = CV_27_HEADER + """Nơi nhận:
Lưu VT.
Bản điện tử:
Như trên;
Tỉnh ủy, UBND tỉnh (b/c);
- Lãnh đạo Sở;
GIÁM ĐỐC
Nguyễn Văn Diệu
"""  # cv-298: the "- " of three items lost, the first right under "Nơi nhận:"
    assert meta(text).recipients[-4:] == ["Lưu VT", "Như trên", "Tỉnh ủy, UBND tỉnh (b/c)", "Lãnh đạo Sở"]


def test_speck_before_ve_viec_of_the_title_goes() -> None:
    text = """BỘ TÀI CHÍNH
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 126/QĐ-BTC
Hà Nội, ngày 18 tháng 01 năm 2010
QUYẾT ĐỊNH
⁄ Về việc giao bổ sung kinh phí thực hiện Chương trình
phát triển công nghiệp phần mềm
BỘ TRƯỞNG BỘ TÀI CHÍNH
"""  # qd-126
    assert meta(text).title == "Giao bổ sung kinh phí thực hiện Chương trình phát triển công nghiệp phần mềm"


def test_copy_kind_sub_heading_of_the_recipients_is_no_recipient() -> None:
    text = CV_27_HEADER + """Nơi nhận:
- Lưu: VT, TH.
Bản điện tử
- Thanh tra tỉnh;
- BCĐ phòng chống tham nhũng (b/c);
- Lãnh đạo Ban.
TRƯỞNG BAN
"""  # bc-115
    assert meta(text).recipients[-4:] == ["Lưu: VT, TH", "Thanh tra tỉnh", "BCĐ phòng chống tham nhũng (b/c)",
                                          "Lãnh đạo Ban"]


def test_type_name_with_the_title_on_its_line() -> None:
    text = """UBND TỈNH BẮC GIANG
BAN QUẢN LÝ CÁC KCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập Tự do Hạnh phúc
Số: 115/BC-KCN
Bắc Giang, ngày 15 tháng 11 năm 2012
BÁO CÁO CÔNG TÁC PHÒNG, CHỐNG THAM NHŨNG
Tháng 11 năm 2012
Thực hiện Quyết định số 407/2011/QĐ-UBND ngày 31/10/2011 của UBND tỉnh.
"""  # bc-115
    m = meta(text)
    assert (m.doc_type, m.title) == ("Báo cáo", "CÔNG TÁC PHÒNG, CHỐNG THAM NHŨNG Tháng 11 năm 2012")


def test_signed_mark_after_the_name_is_not_part_of_it() -> None:
    # Thông tư 2442/2007/TT-TTCP as published: the copy's ``Đã ký`` after the name.
    m = meta("Nội dung.\nNơi nhận:\n- Lưu VT, Vụ PC.\nTỔNG THANH TRA\nTrần Văn Truyền – Đã ký\n")
    assert m.signer is not None and (m.signer.position, m.signer.name) == ("Tổng Thanh tra", "Trần Văn Truyền")


def test_listed_symbols_share_the_date_after_the_last() -> None:
    r = parse_text("Căn cứ Công văn số 1654/BTTTT-ƯDCNTT và 1655/BTTTT-ƯDCNTT ngày 27/5/2008 của Bộ TT&TT.")
    assert [(c.symbol, c.date.iso if c.date else None) for c in r.citations] == [
        ("1654/BTTTT-ƯDCNTT", "2008-05-27"), ("1655/BTTTT-ƯDCNTT", "2008-05-27")]


def test_type_name_followed_by_a_comma_names_the_type() -> None:
    text = ("SỞ TTTT TỈNH PHÚ THỌ\nTRUNG TÂM CNTT TÂY BẮC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: /NVKS-STTTT\n"
            "Phú Thọ, ngày tháng năm 2012\nKẾ HOẠCH, NHIỆM VỤ\nKHẢO SÁT PHỤC VỤ LẬP BÁO CÁO NGHIÊN CỨU KHẢ THI DỰ ÁN\n"
            "XÂY DỰNG PHẦN MỀM QUẢN LÝ VĂN BẢN VÀ ĐIỀU HÀNH\n(Kèm theo Quyết định số /QĐ-STTTT ngày tháng năm 2012)\n")
    m = meta(text)  # kh-nhiem-vu-khao-sat-qlvbdh-phu-tho-2012.doc
    assert (m.doc_type, m.title, m.number and (m.number.type_code, m.number.issuer_code)) == (
        "Kế hoạch",
        "KHẢO SÁT PHỤC VỤ LẬP BÁO CÁO NGHIÊN CỨU KHẢ THI DỰ ÁN XÂY DỰNG PHẦN MỀM QUẢN LÝ VĂN BẢN VÀ ĐIỀU HÀNH",
        ("NVKS", "STTTT"))


def test_v_v_above_the_number_line_is_the_title() -> None:
    # lam-dong-2025/cv-ubnd-chi-dao-cai-nghien-tai-cong-dong-du-thao.docx: its header cell holds
    # the trích yếu above ``Số:``.
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "V/v tập trung triển khai thực hiện\ncông tác cai nghiện ma túy tự nguyện\ntại gia đình, cộng đồng\n"
            "Số: /UBND-NC\nLâm Đồng, ngày tháng 10 năm 2025\nKính gửi:\n- Công an tỉnh;\n"
            "Hiện nay, trên địa bàn tỉnh Lâm Đồng có 4.289 người sử dụng trái phép chất ma túy.\n")
    m = meta(text)
    assert (m.doc_type, m.title) == (
        "Công văn", "Tập trung triển khai thực hiện công tác cai nghiện ma túy tự nguyện tại gia đình, cộng đồng")


def test_self_declaration_is_a_type() -> None:
    # bac-giang-2012/ban-tu-khai-bql-kcn-2012-tcvn3.doc (TCVN3-encoded)
    text = ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBắc Giang, ngày 07 tháng 02 năm 2012\n"
            "BẢN TỰ KHAI\nVề đơn kiện của Công ty Transimex Sài Gòn-Hữu Nghị\nHọ và tên: Nguyễn Anh Quyền.\n")
    assert meta(text).doc_type == "Bản tự khai"


def test_copy_sheet_heading_is_no_part_of_the_issuer() -> None:
    # qd-126's copy sheet as the OCR reader lays out its two header columns.
    text = "UBND TỈNH BẮC GIANG\nVĂN PHÒNG\nSAO LỤC\nSố: 32/SL-VP\nBắc Giang, ngày 03 tháng 02 năm 2010\nNơi nhận:\n"
    m = parse_text(text).metadata
    assert (m.issuer, m.parent_issuer) == ("VĂN PHÒNG", "UBND TỈNH BẮC GIANG")


def test_title_goes_on_over_a_lower_case_line_opening_like_a_body() -> None:
    # qd-09-2010-qd-ubnd-can-tho-quy-dinh-kem-theo: ``thực hiện`` in lower case is no body's start.
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ CẦN THƠ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "QUY ĐỊNH\nViệc tuyển chọn, xét chọn tổ chức, cá nhân chủ trì\n"
            "thực hiện nhiệm vụ khoa học và công nghệ cấp thành phố\n"
            "(Ban hành kèm theo Quyết định số 09/2010/QĐ-UBND ngày 21 tháng 01năm 2010 của Ủy ban nhân dân "
            "thành phố Cần Thơ)\nChương I\nNHỮNG QUY ĐỊNH CHUNG\n")
    # The lines as a Word file gives them (a plain text's lines are joined before).
    assert extract_metadata(text).metadata.title == (
        "Việc tuyển chọn, xét chọn tổ chức, cá nhân chủ trì thực hiện nhiệm vụ khoa học và công nghệ cấp thành phố")


def test_title_line_ending_in_a_comma_goes_on() -> None:
    # tb-kl-quy-hoach-chung-xa-2026-du-thao (Lâm Đồng): the host's offices run over two lines.
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: /TB-UBND\nLâm Đồng, ngày tháng 4 năm 2026\nTHÔNG BÁO\n"
            "Kết luận của đồng chí Nguyễn Hồng Hải - Ủy viên Ban Thường vụ Tỉnh ủy,\n"
            "Phó Chủ tịch UBND tỉnh tại cuộc họp nghe báo cáo tình hình thực hiện quy hoạch chung các xã: "
            "Đức Trọng, Hiệp Thạnh, Đinh Văn Lâm Hà\n"
            "Ngày 22/4/2026, đồng chí Nguyễn Hồng Hải - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh "
            "chủ trì cuộc họp.\n")
    assert extract_metadata(text).metadata.title == (
        "Kết luận của đồng chí Nguyễn Hồng Hải - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh tại cuộc "
        "họp nghe báo cáo tình hình thực hiện quy hoạch chung các xã: Đức Trọng, Hiệp Thạnh, Đinh Văn Lâm Hà")


def test_signature_after_the_closing_mark_with_annexed_forms_after_it() -> None:
    # nd-37-2007-nd-cp-minh-bach-tai-san: no Nơi nhận, and the Mẫu forms run on after the signature.
    form = ["- Họ và tên:............", "- Chức vụ/vị trí công tác:............",
            "- Cơ quan/đơn vị công tác:............", "- Hộ khẩu thường trú:............",
            "- Chỗ ở hiện tại:............"]
    text = "\n".join([
        "NGHỊ ĐỊNH", "CỦA CHÍNH PHỦ SỐ 37/2007/NĐ-CP NGÀY 09 THÁNG 3 NĂM 2007", "VỀ MINH BẠCH TÀI SẢN, THU NHẬP",
        "CHÍNH PHỦ", "Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;", "NGHỊ ĐỊNH :",
        "Điều 19. Trách nhiệm thi hành",
        "Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân "
        "dân các tỉnh, thành phố trực thuộc Trung ương và cơ quan, tổ chức, đơn vị, cá nhân có liên quan chịu "
        "trách nhiệm thi hành Nghị định này./.",
        "TM. CHÍNH PHỦ", "THỦ TƯỚNG", "Nguyễn Tấn Dũng", "Mẫu 1", "BẢN KÊ KHAI TÀI SẢN, THU NHẬP",
        "(Ban hành kèm theo Nghị định số 37/2007/NĐ-CP", "ngày 09 tháng 3 năm 2007 của Chính phủ )",
        "1. Người kê khai tài sản, thu nhập:", *form, "2. Vợ hoặc chồng của người kê khai tài sản, thu nhập:", *form,
        "3. Con chưa thành niên của người kê khai tài sản, thu nhập:", "3.1. Con thứ nhất:", *form,
        "3.2. Con thứ hai:", *form])
    signer = extract_metadata(text).metadata.signer
    assert signer is not None and (signer.authority, signer.on_behalf_of, signer.position, signer.name) == (
        "TM.", "Chính phủ", "Thủ tướng", "Nguyễn Tấn Dũng")


def test_position_heading_a_known_body_keeps_the_body_s_spelling() -> None:
    """luat-56-2010-qh12-thanh-tra.doc: the law is signed by ``CHỦ TỊCH QUỐC HỘI`` (no Nơi nhận)."""
    signer = meta("LUẬT\nTHANH TRA\nĐiều 78. Quy định chi tiết\nLuật này đã được Quốc hội thông qua ngày 15 tháng 11"
                  " năm 2010.\nCHỦ TỊCH QUỐC HỘI\nNguyễn Phú Trọng\nCopyright ©2010, LawSoft Corp.").signer
    assert signer is not None and (signer.position, signer.name) == ("Chủ tịch Quốc hội", "Nguyễn Phú Trọng")


def test_declarant_label_position_and_name() -> None:
    """ban-tu-khai-bql-kcn-2012-tcvn3.doc: ``NGƯỜI KHAI`` / the declarant's position / name."""
    signer = meta("BẢN TỰ KHAI\nVề đơn kiện của Công ty\nBan Quản lý các khu công nghiệp bác bỏ đơn khởi kiện.\n"
                  "NGƯỜI KHAI\nTrưởng Ban Quản lý các KCN\nNguyễn Anh Quyền").signer
    assert signer is not None and signer.model_dump(exclude={"rank"}) == {
        "name": "Nguyễn Anh Quyền", "position": "Trưởng Ban Quản lý các KCN", "authority": None, "on_behalf_of": None}


def test_declarant_form_instruction_is_no_position() -> None:
    # A blank Bản tự khai form: ``(Ký và ghi rõ họ tên)`` under the label, then the name.
    signer = meta("BẢN TỰ KHAI\nVề đơn kiện của Công ty\nBan Quản lý các khu công nghiệp bác bỏ đơn khởi kiện.\n"
                  "NGƯỜI KHAI\n(Ký và ghi rõ họ tên)\nNguyễn Văn An").signer
    assert signer is not None and (signer.position, signer.name) == (None, "Nguyễn Văn An")


def test_a_speck_read_before_the_ve_viec_line_does_not_hide_the_title() -> None:
    # cv-1139-bdh-2012-scan.pdf as read: the trích yếu spelled ``Về việc``, a speck read as ``'``.
    text = ("UBND TỈNH BẮC GIANG\nBAN ĐIỀU HÀNH CHƯƠNG\nTRÌNH HỖ TRỢ PHÁP LÝ CHO\nDOANH NGHIỆP\n"
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: /BĐH\n"
            "'Về việc báo cáo tổng kết công tác hỗ\ntrợ pháp lý cho doanh nghiệp trong\nnăm 2012\n"
            "Bắc Giang, ngày 07 tháng 11 năm 2012\nKính gửi: - UBND các huyện, thành phố.\n")
    meta = parse_text(text).metadata
    assert (meta.doc_type, meta.title) == (
        "Công văn", "Báo cáo tổng kết công tác hỗ trợ pháp lý cho doanh nghiệp trong năm 2012")


def test_a_title_line_in_lower_case_opening_with_thuc_hien_does_not_end_the_header() -> None:
    # cv-682-sct-qldn-2012-scan.pdf as read (a received stamp over the Kính gửi): the place and
    # date come after the trích yếu, whose second line opens with ``thực hiện`` (a body's opening
    # word when it is capitalised).
    text = ("UBND TỈNH BẮC GIANG\nSỞ CÔNG THƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập- Tự do- Hạnh phúc\n"
            "Số: /SCT-QLĐN\nV/v Tổng kết 6 năm (2007-2012)\nthực hiện chính sách hỗ trợ thành\n"
            "lập mới, đào tạo, bồi dưỡng cán\nbộ hợp tác xã, tổ hợp tác\nSỞ KẾ HOẠ0H VÀ BẦU TƯ TỈNH BẮC GIANG\n"
            "sø..2€ 7/4 Kính gửi: Sở Kế hoạch và Đầu tư.\n"
            "Bắc Giang, ngày tháng 10 năm 2012\nSở Công Thương Bắc Giang nhận được văn bản số 879/SKH-ĐKKD\n")
    m = parse_text(text).metadata
    assert (m.place, m.date and m.date.iso) == ("Bắc Giang", "2012-10")
    assert m.title == ("Tổng kết 6 năm (2007-2012) thực hiện chính sách hỗ trợ thành lập mới, đào tạo, "
                       "bồi dưỡng cán bộ hợp tác xã, tổ hợp tác")


def test_a_kinh_gui_item_broken_over_lines_is_one_recipient() -> None:
    # cv-1139-bdh-2012-scan.pdf as read: the first item goes on in lower case on the next line.
    text = ("SỞ TƯ PHÁP\nSố: 12/STP\nBắc Giang, ngày 07 tháng 11 năm 2012\n"
            "Kính gửi: - Thành viên Ban Điều hành Chương trình hỗ trợ\n"
            "pháp lý cho doanh nghiệp trên địa bàn tỉnh;\n- UBND các huyện, thành phố.\n"
            "Để đánh giá kết quả sau 01 năm tổ chức triển khai thực hiện Chương trình hỗ trợ pháp lý.\n")
    assert extract_metadata(text).metadata.recipients == [
        "Thành viên Ban Điều hành Chương trình hỗ trợ pháp lý cho doanh nghiệp trên địa bàn tỉnh",
        "UBND các huyện, thành phố"]


def test_an_office_code_beginning_with_q_is_no_signing_mark() -> None:
    # cv-682-sct-qldn-2012-scan.pdf: ``Lưu VT, QLĐN`` (Phòng Quản lý doanh nghiệp), not ``Q.``.
    from vnreport_extract.conventions.header import before_signing

    assert before_signing("- Lưu VT, QLĐN.") == "- Lưu VT, QLĐN."
    assert before_signing("- Lưu: VT, NC. TM. BAN CHỈ ĐẠO") == "- Lưu: VT, NC."


def test_kinh_gui_after_the_specks_of_a_received_stamp_is_read() -> None:
    # cv-682-sct-qldn-2012-scan.pdf: the stamp's handwritten number and day read before it.
    text = ("SỞ CÔNG THƯƠNG\nSố: 12/SCT-QLĐN\nBắc Giang, ngày 12 tháng 10 năm 2012\n"
            "sø..2€ 7/4 Kính gửi: Sở Kế hoạch và Đầu tư.\n"
            "Sở Công Thương Bắc Giang nhận được văn bản số 879/SKH-ĐKKD ngày 01/10/2012.\n")
    assert extract_metadata(text).metadata.recipients == ["Sở Kế hoạch và Đầu tư"]


def test_the_signer_s_name_stands_when_the_seal_hid_the_position() -> None:
    # cv-682-sct-qldn-2012-scan.pdf as read: ``GIÁM ĐỐC`` lost under the seal, its text read ``sị SƠ``.
    text = ("SỞ CÔNG THƯƠNG\nSố: /SCT-QLĐN\nBắc Giang, ngày tháng 10 năm 2012\n"
            "Sau khi rà soát đánh giá các HTX Sở Công Thương tổng hợp báo cáo như sau.\n"
            "Nơi nhận:\n- Như trên;\n- Lãnh đạo Sở (b/c);\n- Lưu VT, QLĐN.\nsị SƠ\nTrần Văn Lộc\n")
    signer = extract_metadata(text).metadata.signer
    assert signer is not None and (signer.name, signer.position) == ("Trần Văn Lộc", None)


_NO_SIGNING_BLOCK = ("UBND XÃ PHÚ TIẾN\nSố: 12/TB-UBND\nTHÔNG BÁO\nKết quả tuyển dụng viên chức năm 2025\n"
                     "Ủy ban nhân dân xã thông báo kết quả tuyển dụng như sau.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")


@pytest.mark.parametrize("after", ["HỒ SƠ DỰ TUYỂN", "LÝ LỊCH TRÍCH NGANG",
                                   "DANH SÁCH TRÚNG TUYỂN\nHọ và tên\nTrần Thị Mai Anh"])
def test_a_heading_or_a_list_after_the_recipients_names_no_signer(after: str) -> None:
    assert extract_metadata(_NO_SIGNING_BLOCK + after + "\n").metadata.signer is None


@pytest.mark.parametrize("first_sentence", [
    "Tình hình dịch sởi trên địa bàn tỉnh diễn biến phức tạp.",
    "Ủy ban nhân dân tỉnh nhận được Công văn số 45/BYT-DP ngày 02/3/2025 của Bộ Y tế."])
def test_the_body_s_first_sentence_after_bulleted_addressees_is_no_addressee(first_sentence: str) -> None:
    text = (f"UBND TỈNH LÂM ĐỒNG\nSố: 12/UBND-VX\nV/v phòng, chống dịch sởi\nKính gửi:\n- Sở Y tế;\n"
            f"- UBND các huyện, thành phố;\n{first_sentence}\nĐề nghị các đơn vị triển khai thực hiện.\n")
    assert extract_metadata(text).metadata.recipients == ["Sở Y tế", "UBND các huyện, thành phố"]


# --- Signature lines of scans the seal spoilt (Bắc Giang 2012) ----------------------------------

def test_seal_text_in_capitals_is_no_name() -> None:
    # cv-27-stttt-vp-2012-scan: ``TRÔNG TIN`` (of the seal's ``SỞ THÔNG TIN VÀ TRUYỀN THÔNG``).
    m = meta("Nội dung./.\nNơi nhận:\n- Lưu VT;\nGIÁM ĐỐC\nTRÔNG TIN\nNghÖ Văn Diệu")
    assert m.signer is not None and m.signer.position == "Giám đốc" and m.signer.name is None


def test_name_without_its_family_name_is_no_name() -> None:
    # cv-390-vp-th-2012-scan: ``Nguyễn`` under the seal; tb-20-tb-stttt-2012-scan likewise.
    m = meta("Nội dung./.\nNơi nhận:\n- Lưu: VT, TH.\nKT.CHÁNH VĂN PHÒNG\nPHÓ VĂN PHÒNG\nThanh Bình")
    assert m.signer is not None and m.signer.name is None
    m = meta("Nội dung./.\nNơi nhận:\n- TH.\nGIÁM ĐỐC\nVăn Diệu")
    assert m.signer is not None and m.signer.name is None


def test_spoilt_family_name_taken_from_the_one_person_the_document_names() -> None:
    # cv-27: the letter lists its signer in its table.
    m = meta("Bảng:\n1\tNguyễn Văn Diệu\tNam\t1956\tThạc sỹ Kinh tế\tGiám đốc Sở\n"
             "Nơi nhận:\n- Lưu VT;\nGIÁM ĐỐC\nTRÔNG TIN\nNghÖ Văn Diệu")
    assert m.signer is not None and m.signer.name == "Nguyễn Văn Diệu"


def test_kt_position_is_a_deputy_title() -> None:
    # cv-390: a scrap of ``PHÓ VĂN PHÒNG`` under the KT. line is no position.
    m = meta("Nội dung./.\nNơi nhận:\n- Lưu: VT, TH.\nKT.CHÁNH VĂN PHÒNG\nPHÒNG\nNguyễn Thanh Bình")
    assert m.signer is not None and m.signer.position is None and m.signer.name == "Nguyễn Thanh Bình"


def test_office_elsewhere_over_the_name_is_not_the_position() -> None:
    # cv-1139-bdh-2012-scan: ``KT. TRƯỞNG BAN`` / ``PHÓ TRƯỞNG BAN`` lost under the seal; the
    # signer's own office stands over the name.
    m = meta("Nội dung./.\nNơi nhận:\n- Lưu: VT, PBGDPL.\nTM. BAN ĐIỀU HÀNH\nGIÁM ĐỐC SỞ TƯ PHÁP\nĐặng Văn Nguyên")
    assert m.signer is not None and m.signer.authority == "TM." and m.signer.position is None
    assert m.signer.name == "Đặng Văn Nguyên"
    m = meta("Nội dung./.\nNơi nhận:\n- Lưu: VT.\nTM. BAN ĐIỀU HÀNH\nKT. TRƯỞNG BAN\nGIÁM ĐỐC SỞ TƯ PHÁP\n"
             "Đặng Văn Nguyên")
    assert m.signer is not None and m.signer.authority == "KT." and m.signer.position is None
    assert m.signer.name == "Đặng Văn Nguyên"


def test_kinh_gui_list_whose_label_a_stamp_hid() -> None:
    # cv-695-ubnd-vx-2012-scan: ``Kính gửi:`` under a received stamp, read nowhere.
    m = meta("UỶ BAN NHÂN DÂN\nTỈNH BẮC GIANG\nSố: /UBND- VX\nV/v Chỉ đạo, phối hợp tổ chức thực\n"
             "hiện xây dựng Khu dân cư văn hoá\nBắc Giang, ngày tháng 4 năm 2012\n"
             "- Các Sở, cơ quan thuộc UBND tỉnh;\n- UBND các huyện, thành phố.\n"
             "Tiếp tục thực hiện đẩy mạnh cuộc vận động.")
    assert m.recipients == ["Các Sở, cơ quan thuộc UBND tỉnh", "UBND các huyện, thành phố"]


_SIGNED = ("UBND TỈNH GIA LAI\nSố: 12/UBND-VX\nGia Lai, ngày 5 tháng 3 năm 2012\nV/v báo cáo công tác\n"
           "Kính gửi: Sở Nội vụ\nĐề nghị thực hiện.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")


@pytest.mark.parametrize(("block", "position", "name"), [
    # Deputies' titles other than ``PHÓ ...``: a KT. position all the same.
    ("KT. VIỆN TRƯỞNG\nVIỆN PHÓ\nNguyễn Văn An", "Viện phó", "Nguyễn Văn An"),
    ("KT. CỤC TRƯỞNG\nCỤC PHÓ\nNguyễn Văn An", "Cục phó", "Nguyễn Văn An"),
    ("KT. GIÁM ĐỐC\nP. GIÁM ĐỐC\nNguyễn Văn An", "Phó Giám đốc", "Nguyễn Văn An"),
    ("KT. GIÁM ĐỐC\nPGĐ\nNguyễn Văn An", "PGĐ", "Nguyễn Văn An"),
    # The position line lost: the name in capitals under KT. is the name.
    ("KT. CHỦ TỊCH\nNGUYỄN VĂN AN", None, "Nguyễn Văn An"),
    # This body's own position, its name abbreviated: the position.
    ("TM. HỘI ĐỒNG NHÂN DÂN\nCHỦ TỊCH HĐND TỈNH\nNguyễn Văn An", "Chủ tịch HĐND tỉnh", "Nguyễn Văn An"),
    # Names of the peoples of the Tây Nguyên, and rarer family names, in capitals or of two words.
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nKSOR PHƯỚC", "Phó Giám đốc", "Ksor Phước"),
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nKpă Thuyên", "Phó Chủ tịch", "Kpă Thuyên"),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTẤT THÀNH CANG", "Chủ tịch", "Tất Thành Cang"),
])
def test_signature_block_variants(block: str, position: str | None, name: str) -> None:
    signer = meta(_SIGNED + block + "\n").signer
    assert signer is not None and (signer.position, signer.name) == (position, name)


@pytest.mark.parametrize(("lines", "item"), [
    # gm-289-gm-ubnd-2012-scan: an item whose line ends in ``-``.
    ("- Bà Bùi Thu Hằng, chuyên viên Vụ Địa phương -\nVăn phòng Chính phủ (mời dự);",
     "Bà Bùi Thu Hằng, chuyên viên Vụ Địa phương - Văn phòng Chính phủ (mời dự)"),
    # qd-93-2007-qd-ttg-mot-cua.doc: an item over three lines, each ended by a comma.
    ("- VPCP: BTCN, các PCN, Website CP,\nBĐH 112, Người phát ngôn của TTgCP,\n"
     "các Vụ, Cục, đơn vị trực thuộc, Công báo;",
     "VPCP: BTCN, các PCN, Website CP, BĐH 112, Người phát ngôn của TTgCP, các Vụ, Cục, đơn vị trực thuộc, Công báo"),
])
def test_recipient_item_over_several_lines_is_one(lines: str, item: str) -> None:
    m = meta(f"Nội dung./.\nNơi nhận:\n- Như trên;\n{lines}\n- Lưu: VT, TH.\n"
             "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nNguyễn Đức Kha")
    assert m.recipients == ["Như trên", item, "Lưu: VT, TH"]


def test_heading_in_capitals_over_kinh_gui_is_the_title_of_a_giay_moi() -> None:
    # gm-289-gm-ubnd-2012-scan: no ``GIẤY MỜI`` line; its number names the type.
    m = meta("UỶ BAN NHÂN DÂN\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BẮC GIANG\tĐộc lập - Tự do - Hạnh phúc\n"
             "Số: 289/GM-UBND\tBắc Giang, ngày 07 tháng 11 năm 2012\nMỜI HỌP UBND TỈNH\n"
             "Kính gửi:\n- Thường trực HĐND tỉnh;\n- Các Sở, cơ quan thuộc UBND tỉnh.\n"
             "Uỷ ban nhân dân tỉnh tổ chức Hội nghị thường kỳ tháng 11 năm 2012.\n")
    assert (m.doc_type, m.title) == ("Giấy mời", "MỜI HỌP UBND TỈNH")


def test_trich_yeu_under_the_number_opening_with_a_capital_without_v_v() -> None:
    # cv-298-stttt-cntt-2012-scan: ``V/v`` in italics not read; the trích yếu opens with a capital.
    m = meta("UBND TỈNH BẮC GIANG\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
             "Độc lập - Tự do - Hạnh phúc\nSố: /STTTT-CNTT\nTổ chức Hội thi Tin học cho cán bộ\n"
             "CCVC tỉnh Bắc Giang năm 2012\nBắc Giang, ngày tháng 9 năm 2012\n"
             "Kính gửi: - Các sở, cơ quan thuộc UBND tỉnh;\n- UBND các huyện, thành phố.\n"
             "Để phát huy tinh thần xung kích, sáng tạo.\n")
    assert (m.doc_type, m.title) == ("Công văn", "Tổ chức Hội thi Tin học cho cán bộ CCVC tỉnh Bắc Giang năm 2012")


@pytest.mark.parametrize("lines", [
    # A body's sentence wrapped before the place and date, its line open at its end.
    "Sở Tài chính nhận được văn bản số 45 của\nBắc Giang, ngày 5 tháng 9 năm 2012\nKính gửi: Sở Y tế\n",
    # A line after the place and date (the left column is read first): no trích yếu.
    "Bắc Giang, ngày 5 tháng 9 năm 2012\nPhòng Quản lý ngân sách huyện\nKính gửi: Sở Y tế\n",
    "Bắc Giang, ngày 5 tháng 9 năm 2012\nỦy ban nhân dân tỉnh đã nhận được báo cáo của các sở.\n",
])
def test_a_line_under_the_number_that_is_no_trich_yeu(lines: str) -> None:
    m = meta(f"UBND TỈNH BẮC GIANG\nSố: 123/STC-QLNS\n{lines}Đề nghị các đơn vị thực hiện.\n")
    assert m.title is None


def test_recipients_whose_label_was_not_read() -> None:
    # gpxd-19-2012-bql-kcn-scan: ``Nơi nhận:`` lost beside the signature; the list after ``./.``
    # and before the signing line is still the recipients.
    m = meta("BAN QUẢN LÝ CÁC KCN\nSố: 19/GPXD\nBắc Giang, ngày 12 tháng 11 năm 2012\nGIẤY PHÉP XÂY DỰNG\n"
             "Nội dung.\n3. Trong thời hạn 12 tháng phải xin gia hạn theo quy định./. a\n"
             "- Công ty cổ phần thực phẩm Hoàng Gia;\nBản điện tử:\n- Lãnh đạo Ban;\n"
             "- Công ty Phát triển hạ tầng Khu công nghiệp;\n- “Một cửa”.\nKT. TRƯỞNG BAN\n5\nPHÓ TRƯỞNG BAN\n")
    assert m.recipients == ["Công ty cổ phần thực phẩm Hoàng Gia", "Lãnh đạo Ban",
                            "Công ty Phát triển hạ tầng Khu công nghiệp", "“Một cửa”"]


@pytest.mark.parametrize("after", [
    # a list in the body, body text after it
    "- Sở Y tế;\n- Sở Tài chính;\nNội dung tiếp theo của văn bản.\nGIÁM ĐỐC\nNguyễn Văn An\n",
    # a Giấy mời's time and place right before its signature: no recipient among them
    "- Thời gian: 8 giờ ngày 10/9/2012;\n- Địa điểm: Hội trường UBND tỉnh.\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n"
    "Nguyễn Văn An\n",
])
def test_a_bulleted_list_after_the_closing_mark_that_is_no_recipients_list(after: str) -> None:
    m = meta("UBND TỈNH BẮC GIANG\nSố: 12/UBND-VX\nBắc Giang, ngày 5 tháng 9 năm 2012\nV/v báo cáo\n"
             f"Các đơn vị thực hiện./.\n{after}")
    assert m.recipients == []


def test_an_open_bracket_is_closed_only_in_a_noi_nhan_item() -> None:
    m = meta("UBND TỈNH\nSố: 12/UBND-VX\nV/v báo cáo\nKính gửi: Ủy ban nhân dân tỉnh (qua\nNội dung./.\n"
             "Nơi nhận:\n- UBMTT(Q và các đoàn thể xã;\n- Lưu: VT.\nGIÁM ĐỐC\nNguyễn Văn An\n")
    assert m.recipients == ["Ủy ban nhân dân tỉnh (qua", "UBMTT(Q và các đoàn thể xã", "Lưu: VT"]


_TTR_409 = ("BỘ CÔNG AN\nCÔNG AN TỈNH LÂM ĐỒNG\nSố: 409/TTr-CAT(PC04)\nLâm Đồng, ngày 26 tháng 11 năm 2025\n"
            "TỜ TRÌNH\nVề việc thành lập hội đồng\nKính gửi: Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng\n"
            "Kính đề nghị Văn phòng UBND tỉnh thẩm định, ban hành./.\nNơi nhận:\nNhư trên (Báo cáo\n"
            "- Lưu: VT, PC04\nGIÁ\nThiếu tướng Trương Minh Đương\n")


def test_standard_recipient_whose_bullet_and_end_the_ocr_lost() -> None:
    # ttr-409-ttr-cat-pc04-2025-scan: ``- Như trên (Báo cáo);`` read without its ``-`` and ``);``.
    assert meta(_TTR_409).recipients == ["Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng", "Như trên (Báo cáo)",
                                         "Lưu: VT, PC04"]


def test_ranked_name_under_the_recipients_when_the_seal_hid_the_position() -> None:
    # ttr-409: ``GIÁM ĐỐC`` read ``GIÁ`` under the seal; the ranked name still says who signed.
    signer = meta(_TTR_409).signer
    assert signer is not None and (signer.rank, signer.name, signer.position) == ("Thiếu tướng", "Trương Minh Đương",
                                                                                   None)


def test_number_under_the_type_name() -> None:
    # gpxd-19-2012-bql-kcn-scan: ``GIẤY PHÉP XÂY DỰNG`` / ``Số: 19.2012/GPXD``.
    m = meta("UBND TỈNH BẮC GIANG\nBAN QUẢN LÝ CÁC KCN\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
             "Độc lập - Tự do - Hạnh phúc\nBắc Giang, ngày 14 tháng 11 năm 2012\nGIẤY PHÉP XÂY DỰNG\n"
             "Số: 19.2012/GPXD\n1. Cấp cho: Công ty cổ phần thực phẩm Hoàng Gia.\n")
    assert m.number is not None and (m.doc_type, m.number.number, m.number.type_code, m.title) == (
        "Giấy phép xây dựng", "19", "GPXD", None)


def test_number_and_date_on_one_line_under_the_type_name() -> None:
    m = meta("UBND TỈNH BẮC GIANG\nBAN QUẢN LÝ CÁC KCN\nGIẤY PHÉP XÂY DỰNG\n"
             "Số: 19.2012/GPXD      Bắc Giang, ngày 14 tháng 11 năm 2012\n1. Cấp cho: Công ty.\n")
    assert m.number is not None and m.date is not None and (m.number.symbol, m.date.iso, m.place) == (
        "19.2012/GPXD", "2012-11-14", "Bắc Giang")


def test_a_rank_spaced_twice_before_the_name() -> None:
    m = meta(_TTR_409.replace("Thiếu tướng", "Thiếu  tướng"))
    assert m.signer is not None and (m.signer.rank, m.signer.name) == ("Thiếu tướng", "Trương Minh Đương")


# cv-5689 (Bộ Công an 2025): the number and day are handwritten on the Số and date lines, and
# the list of recipients after the signature prints them: ``(Kèm theo Công văn số: 5689/BCA-C04
# ngày 16 tháng 12 năm 2025)``.
_LETTER = ("BỘ CÔNG AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: {number}/BCA-C04\nV/v dự kiến kế hoạch đầu tư công\n"
           "Hà Nội, ngày   tháng 12 năm 2025\nKính gửi: Bộ Tài chính\n{body}\nBộ Công an trân trọng cảm ơn./.\n"
           "Nơi nhận:\n- Như trên;\n- Lưu: VT, C04(P6).\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nThượng tướng Nguyễn Văn Long\n"
           "DANH SÁCH\nCác đơn vị nhận công văn\n({annex} số: 5689/BCA-C04 ngày 16 tháng 12 năm 2025)\n1. Bộ Tài chính")
_BODY = "Đề nghị Quý cơ quan phối hợp."


def _letter(number: str = "", body: str = _BODY, annex: str = "Kèm theo Công văn") -> str:
    return _LETTER.format(number=number, body=body, annex=annex)


def test_a_blank_number_is_taken_from_the_annex_that_names_the_document() -> None:
    r = parse_text(_letter())
    assert r.metadata.number is not None and r.metadata.date is not None
    assert (r.metadata.number.symbol, r.metadata.date.iso, [c.symbol for c in r.citations]) == \
        ("5689/BCA-C04", "2025-12-16", [])
    assert "document-number-from-annex" in [w.code for w in r.warnings]


def test_an_annex_naming_another_letter_of_the_body_is_a_citation() -> None:
    # The Số line's number is known: the annex line names another letter.
    r = parse_text(_letter(number="5690"))
    assert r.metadata.number is not None
    assert (r.metadata.number.symbol, [c.symbol for c in r.citations]) == ("5690/BCA-C04", ["5689/BCA-C04"])


def test_a_letter_sent_with_the_body_is_not_the_documents_number() -> None:
    # ``kèm theo`` in the body before the signature: an earlier letter sent along, not this one.
    r = parse_text(_letter(body="Kèm theo Công văn số 5600/BCA-C04 ngày 02 tháng 12 năm 2025, xin gửi danh sách.",
                           annex="Danh sách gửi"))
    assert r.metadata.number is not None
    assert (r.metadata.number.number, [c.symbol for c in r.citations]) == (None, ["5600/BCA-C04"])


def test_an_annex_of_another_type_is_not_the_documents_number() -> None:
    r = parse_text(_letter(annex="Kèm theo Quyết định"))
    assert r.metadata.number is not None
    assert (r.metadata.number.number, [c.symbol for c in r.citations]) == (None, ["5689/BCA-C04"])


def test_an_annex_of_another_month_is_not_the_documents_number() -> None:
    r = parse_text(_letter().replace("ngày 16 tháng 12 năm 2025", "ngày 16 tháng 11 năm 2025"))
    assert r.metadata.number is not None and r.metadata.number.number is None


def test_a_plan_sent_as_its_own_document_gives_the_letters_number() -> None:
    # cv-406 (Bắc Giang 2012): the Kế hoạch after the letter's signature is a document of its own,
    # and its line ``(Kèm theo Công văn số 406/KCN-QHMT ...)`` names the letter.
    r = parse_text("UBND TỈNH BẮC GIANG\nBAN QUẢN LÝ CÁC KCN\nSố: /KCN-QHMT\nV/v triển khai kế hoạch quan trắc\n"
                   "Bắc Giang, ngày   tháng 11 năm 2012\nKính gửi: Các công ty\nĐề nghị các công ty phối hợp./.\n"
                   "Nơi nhận:\n- Như trên;\n- Lưu VT.\nKT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nPhạm Huy Đắp\nKẾ HOẠCH\n"
                   "Lấy mẫu các điểm quan trắc môi trường năm 2012\n"
                   "(Kèm theo Công văn số 406/KCN-QHMT ngày 16/11/2012 của Ban Quản lý các KCN)\n1. Lấy mẫu nước thải.")
    assert r.metadata.number is not None and r.metadata.date is not None
    assert (r.metadata.number.symbol, r.metadata.date.iso, len(r.attachments), r.attachments[0].citations) == \
        ("406/KCN-QHMT", "2012-11-16", 1, [])


def test_letters_read_in_a_seals_edge_are_no_part_of_the_issuer() -> None:
    # cv-406 (Bắc Giang 2012): OCR reads ``Q`` and ``TA`` beside the header's two columns.
    meta = extract_metadata("UBND TỈNH BẮC GIANG\nBAN QUẢN LÝ CÁC KCN\nQ\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTA\n"
                            "Độc lập Tự do - Hạnh phúc\nSố: /KCN-QHMT\nBắc Giang, ngày tháng 11 năm 2012\n"
                            "Thực hiện chương trình quan trắc.").metadata
    assert (meta.issuer, meta.parent_issuer) == ("BAN QUẢN LÝ CÁC KCN", "UBND TỈNH BẮC GIANG")


def test_an_undated_documents_number_is_not_taken_from_an_annex() -> None:
    # Without the document's month, nothing says the annex names this document.
    r = parse_text(_letter().replace("Hà Nội, ngày   tháng 12 năm 2025\n", ""))
    assert r.metadata.number is not None and r.metadata.number.number is None


def test_a_kem_theo_sentence_naming_a_letter_is_no_annex_line() -> None:
    # The annex line holds the citation alone; a sentence going on after it names another letter.
    r = parse_text(_letter().replace("2025)\n1. Bộ Tài chính", "2025, xin gửi bổ sung danh sách.\n1. Bộ Tài chính"))
    assert r.metadata.number is not None
    assert (r.metadata.number.number, [c.symbol for c in r.citations]) == (None, ["5689/BCA-C04"])


def test_an_attached_letter_with_a_so_line_of_its_own_is_not_an_annex() -> None:
    second = ("BỘ CÔNG AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: /BCA-C04\nHà Nội, ngày   tháng 12 năm 2025\n"
              "Kèm theo Công văn số 5689/BCA-C04 ngày 16/12/2025\nBộ Công an gửi bổ sung danh sách./.\n"
              "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn Long")
    r = parse_text(_letter(annex="Danh sách gửi") + "\n" + second)
    assert r.metadata.number is not None and r.attachments
    assert (r.metadata.number.number, [c.symbol for c in r.attachments[0].citations]) == (None, ["5689/BCA-C04"])


def test_the_metadata_extractor_says_where_the_number_came_from() -> None:
    from vnreport_extract.extractors import extract_metadata as metadata_of

    assert "document-number-from-annex" in [w.code for w in metadata_of(_letter()).warnings]


def test_a_short_last_word_of_a_wrapped_issuer_stays_in_it() -> None:
    meta = extract_metadata("UBND TỈNH LÂM ĐỒNG\nSỞ Y\nTẾ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/SYT-VP\n"
                            "Lâm Đồng, ngày 06 tháng 10 năm 2025\nKính gửi: Sở Nội vụ").metadata
    assert meta.issuer == "SỞ Y TẾ"


def test_an_identity_lines_date_that_is_no_date_is_left_out() -> None:
    # A legal text's one-line identity whose numeric date is no calendar day: no date, not month 16.
    meta = extract_metadata("CHỈ THỊ SỐ 15/2008/CT-TTG NGÀY 11/16/2008 VỀ VIỆC ABC\nNội dung.").metadata
    assert (meta.number is not None and meta.number.symbol, meta.date) == ("15/2008/CT-TTg", None)


def test_a_noi_nhan_list_read_with_specks_keeps_its_items() -> None:
    # cv-406 (Bắc Giang 2012): a speck after the label, the archive copy's item without its bullet
    # and with a quotation mark read before it.
    meta = extract_metadata("UBND TỈNH BẮC GIANG\nBAN QUẢN LÝ CÁC KCN\nSố: /KCN-QHMT\n"
                            "Bắc Giang, ngày tháng 11 năm 2012\nĐề nghị Công ty hợp tác./.\nNơi nhận: v\n"
                            "“Lưu VT OHMT:\nBản điện tử\n- Lãnh đạo ban;\nKT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n"
                            "Phạm Huy Đắp").metadata
    assert meta.recipients == ["Lưu VT OHMT", "Lãnh đạo ban"]


COVER = """ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ
SỞ THÔNG TIN VÀ TRUYỀN THÔNG
=====o0o=====
ĐỀ CƯƠNG VÀ DỰ TOÁN CHI TIẾT
“XÂY DỰNG PHẦN MỀM QUẢN LÝ VĂN BẢN VÀ ĐIỀU HÀNH TẠI SỞ Y TẾ VÀ SỞ CÔNG THƯƠNG”
Phú Thọ, 2012
I. Thông tin chung
I.1. Căn cứ pháp lý
"""  # de-cuong-du-toan-qlvb-syt-sct-phu-tho-2012.doc, its cover page


def test_a_type_name_of_more_than_six_words_on_its_own_line() -> None:
    assert parse_text(COVER).metadata.doc_type == "Đề cương và dự toán chi tiết"


def test_a_cover_page_title_in_quotes() -> None:
    assert parse_text(COVER).metadata.title == \
        "“XÂY DỰNG PHẦN MỀM QUẢN LÝ VĂN BẢN VÀ ĐIỀU HÀNH TẠI SỞ Y TẾ VÀ SỞ CÔNG THƯƠNG”"


def test_a_cover_page_place_and_year() -> None:
    meta = parse_text(COVER).metadata
    assert (meta.place, meta.date and meta.date.iso) == ("Phú Thọ", "2012")


def test_a_nơi_nhận_in_a_list_of_fields_is_no_recipients_label() -> None:
    # de-cuong: the fields of an outgoing letter a software keeps (``Trích yếu`` / ``Nơi soạn
    # thảo`` / ``Nơi nhận`` / ``Số bản``); the body and its sections go on after it.
    text = COVER + "Thông tin cơ bản:\nTrích yếu\nNơi soạn thảo\nNơi nhận\nSố bản\nNơi nhận bản dư\nĐộ mật\n" \
        "II. Phân tích và đánh giá thực trạng\n"
    assert [s.number for s in parse_text(text).sections] == ["I", "II"]


def test_a_nơi_nhận_without_its_colon_after_the_last_sentence_is_the_label() -> None:
    # An OCR'd closing that lost the colon and the bullets: the body ends at ``Nơi nhận``.
    text = ("UBND TỈNH X\nSố: 12/UBND-VP\nX, ngày 01 tháng 02 năm 2012\nV/v báo cáo\nKính gửi: Sở Tài chính\n"
            "I. Nội dung\nĐề nghị các đơn vị thực hiện./.\nNơi nhận\nUBND tỉnh (b/c)\nCác Sở, ngành\nLưu VT\n"
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n")
    assert extract_metadata(text).body_end == text.index("Nơi nhận")


def test_a_title_in_capitals_ending_with_its_year_is_no_cover_place() -> None:
    text = "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nBÁO CÁO\nTÓM TẮT KẾT QUẢ CÔNG TÁC THI ĐUA, NĂM 2012\nI. Kết quả đạt được\n"
    meta = parse_text(text).metadata
    assert (meta.place, meta.date) == (None, None)


# An annex printed after the signature opens with its label, where a header would stand: its
# type, no issuer (kh-cchc-2026.docx, tt-01-2010 and tt-2442-2007 .doc, qd-353's công báo PDF).
@pytest.mark.parametrize(("text", "doc_type", "title"), [
    ("PHỤ LỤC\nPHÂN CÔNG THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026\n(Ban hành kèm theo Kế hoạch số "
     "/KH-UBND ngày /12/2025 của Chủ tịch UBND tỉnh Lâm Đồng)\nSTT\tNhiệm vụ\tSản phẩm",
     "Phụ lục", "PHÂN CÔNG THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026"),
    ("MẪU SỐ 01A\n(Ban hành kèm theo Thông tư số 01/2010/TT-TTCP)\nMẪU BẢN KÊ KHAI TÀI SẢN, THU NHẬP BỔ SUNG\n"
     "Áp dụng cho kê khai tài sản, thu nhập từ lần thứ hai", "Mẫu", "MẪU BẢN KÊ KHAI TÀI SẢN, THU NHẬP BỔ SUNG"),
    ("MẪU BẢN KÊ KHAI TÀI SẢN, THU NHẬP BỔ SUNG\n(Ban hành kèm theo Thông tư số 2442 /2007/TT-TTCP\n"
     "ngày 13 tháng11 năm 2007 của Thanh tra Chính phủ)", "Mẫu", "BẢN KÊ KHAI TÀI SẢN, THU NHẬP BỔ SUNG"),
    ("DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỒI, BỔ SUNG TRONG LĨNH VỰC HỘ TỊCH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA "
     "SỞ TƯ PHÁP\nTỈNH BÀ RỊA - VŨNG TÀU\n(Ban hành kèm theo Quyết định số 353/QĐ-UBND ngày 17 tháng 02 năm 2025",
     "Danh mục", "THỦ TỤC HÀNH CHÍNH SỬA ĐỒI, BỔ SUNG TRONG LĨNH VỰC HỘ TỊCH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA "
     "SỞ TƯ PHÁP TỈNH BÀ RỊA - VŨNG TÀU"),
])
def test_an_annex_has_its_label_for_type_and_no_issuer(text: str, doc_type: str, title: str) -> None:
    meta = extract_metadata(text).metadata
    assert (meta.doc_type, meta.issuer, meta.parent_issuer, meta.title) == (doc_type, None, None, title)


def test_a_form_label_over_a_header_leaves_the_header_to_its_document() -> None:
    # A form's ``Mẫu số`` over the header of the document it models (Thông tư 01/2011/TT-BNV's annexes).
    meta = extract_metadata("Mẫu số 1.1\n" + HEADER).metadata
    assert (meta.doc_type, meta.issuer, meta.number and meta.number.symbol) == (
        "Báo cáo", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "629/BC-UBND")


# A header's cells copied line by line from a narrow column (a web page's table, a PDF's
# column): the number under a ``Số:`` alone, the date's words wrapped to the next line.
@pytest.mark.parametrize(("number_lines", "date_lines"), [
    ("Số:\n06/2024/QĐ-UBND", "Lâm Đồng, ngày 25\ntháng 01 năm 2024"),
    ("Số: 06/2024/QĐ-UBND", "Lâm Đồng, ngày\n25 tháng 01 năm 2024"),
    ("Số:\n06/2024/QĐ-UBND", "Lâm Đồng, ngày 25 tháng 01 năm 2024"),
    ("Số: 06/2024/QĐ-UBND", "Lâm Đồng, ngày 25 tháng 01\nnăm 2024"),
    ("Số: 06/2024/QĐ-UBND", "Lâm Đồng, ngày 25 tháng 01 năm\n2024"),
    ("Số: 06/2024/QĐ-UBND", "Lâm Đồng,\nngày 25 tháng 01 năm 2024"),
])
def test_a_header_cell_wrapped_over_lines_is_read_whole(number_lines: str, date_lines: str) -> None:
    text = (f"ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n"
            f"Độc lập - Tự do - Hạnh phúc\n|\n{number_lines}\n|\n{date_lines}\n|\nQUYẾT ĐỊNH\n"
            "Ban hành quy định chế độ báo cáo định kỳ\nCăn cứ Luật Tổ chức chính quyền địa phương;")
    r = parse_text(text)
    meta = r.metadata
    assert (meta.number and meta.number.symbol, meta.place, meta.date and meta.date.iso, meta.doc_type,
            meta.title) == ("06/2024/QĐ-UBND", "Lâm Đồng", "2024-01-25", "Quyết định",
                            "Ban hành quy định chế độ báo cáo định kỳ")
    assert [(d.value.iso, d.role) for d in r.dates] == [("2024-01-25", "document")]
    assert r.citations[0].name == "Luật Tổ chức chính quyền địa phương"


# The same page, its column narrower still: a header line broken after its first word.
@pytest.mark.parametrize(("issuer_lines", "motto_lines", "date_lines", "issuer", "place"), [
    ("ỦY\nBAN NHÂN DÂN\nTỈNH TIỀN GIANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     "Tiền Giang, ngày 24 tháng 12 năm 2009", "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG", "Tiền Giang"),
    ("ỦY BAN NHÂN DÂN\nTỈNH TIỀN GIANG", "CỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     "Tiền Giang, ngày 24 tháng 12 năm 2009", "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG", "Tiền Giang"),
    ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ MỸ THO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     "Mỹ\nTho, ngày 24 tháng 12 năm 2009", "ỦY BAN NHÂN DÂN THÀNH PHỐ MỸ THO", "Mỹ Tho"),
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     "Buôn\nMa Thuột, ngày 05 tháng 3 năm 2007", "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "Buôn Ma Thuột"),
])
def test_a_header_line_broken_after_its_first_words_is_read_whole(issuer_lines: str, motto_lines: str,
                                                                   date_lines: str, issuer: str, place: str) -> None:
    text = (f"{issuer_lines}\n-------\n|\n{motto_lines}\nĐộc lập – Tự do – Hạnh phúc\n--------------\n|\n"
            f"Số:\n33/2009/QĐ-UBND\n|\n{date_lines}\n|\nQUYẾT ĐỊNH\nBAN HÀNH QUY ĐỊNH VỀ QUẢN LÝ MẠNG TIN HỌC\n"
            "Căn cứ Luật Công nghệ thông tin ngày 29/6/2006;")
    meta = extract_metadata(text).metadata
    assert (meta.issuer, meta.parent_issuer, meta.place, meta.number and meta.number.symbol) == (
        issuer, None, place, "33/2009/QĐ-UBND")


@pytest.mark.parametrize(("text", "place"), [
    # A one-column copy of a header: the left column's last word, then the right column's date.
    ("ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/BC-UBND\nHUYỆN\n"
     "Phú Tiến, ngày 15 tháng 5 năm 2023\nBÁO CÁO", "Phú Tiến"),
    # A Công văn's V/v wrapped before the place and date (a DOCX header cell's order).
    ("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 12/UBND-KT\nV/v hỗ trợ kinh phí cho tỉnh\nĐắk Nông\n"
     "Buôn Ma Thuột, ngày 5 tháng 3 năm 2023\nKính gửi: Sở Tài chính", "Buôn Ma Thuột"),
])
def test_the_line_above_the_place_and_date_is_no_part_of_the_place_unless_it_opens_the_cell(text: str,
                                                                                          place: str) -> None:
    assert extract_metadata(text).metadata.place == place


@pytest.mark.parametrize(("lines", "issuer", "parent"), [
    ("CÔNG\nTY CỔ PHẦN ĐẦU TƯ AN PHÚ", "CÔNG TY CỔ PHẦN ĐẦU TƯ AN PHÚ", None),
    ("VNPT\nVIỄN THÔNG HÀ NỘI", "VIỄN THÔNG HÀ NỘI", "VNPT"),
])
def test_a_one_word_line_over_an_issuer_joins_it_only_when_cut_from_its_name(lines: str, issuer: str,
                                                                             parent: str | None) -> None:
    meta = extract_metadata(f"{lines}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/CV-AP\n"
                            "Hà Nội, ngày 5 tháng 3 năm 2023\nV/v báo cáo").metadata
    assert (meta.issuer, meta.parent_issuer) == (issuer, parent)


def test_a_blank_number_line_does_not_take_the_date_under_it() -> None:
    meta = extract_metadata("UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố:\nLâm Đồng, ngày 25 tháng 01 năm 2024\n"
                            "V/v báo cáo\nKính gửi: UBND tỉnh").metadata
    assert (meta.number, meta.date and meta.date.iso) == (None, "2024-01-25")


def test_own_number_with_its_type_code_glued_to_the_issuer_is_split() -> None:
    # A PDF's text that lost its hyphens (``Số: 1961/QĐUBND``): read with the type under it, as a
    # citation's symbol is read with its type word.
    meta = extract_metadata("ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nSố: 1961/QĐUBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                            "Độc lập Tự do Hạnh phúc\nKiên Giang, ngày 28 tháng 8 năm 2019\nQUYẾT ĐỊNH\n"
                            "Ban hành quy chế phối hợp\nCăn cứ Luật Tổ chức chính quyền địa phương;").metadata
    assert meta.number is not None
    assert (meta.number.symbol, meta.number.type_code, meta.number.repairs) == ("1961/QĐ-UBND", "QĐ",
                                                                                 ["missing-hyphen"])


def test_the_quoc_hieu_wrapped_after_chu_leaves_the_issuer_alone() -> None:
    meta = extract_metadata("ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nCỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM\n"
                            "Độc lập - Tự do - Hạnh phúc\nSố: 636/QĐ-UBND\nBình Định, ngày 21 tháng 11 năm 2012\n"
                            "QUYẾT ĐỊNH").metadata
    assert meta.issuer == "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH"


def test_a_title_of_two_subjects_goes_on_after_its_semicolon() -> None:
    # A district's six-month report (its header's spacing as typed): the second subject opens
    # with a capital on the title's next line.
    meta = extract_metadata("UỶ BAN NHÂN DÂN\nHUYỆN BẮC HÀ\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                            "Độc lập - Tự do - Hạnh phúc\nSố:    198  /BC-UBND\nBắc Hà, ngày  29  tháng 6 năm 2012\n"
                            "BÁO CÁO\nKết quả thực hiện các chỉ tiêu phát triển kinh tế - xã hội 6 tháng đầu năm;\n"
                            "Phương hướng nhiệm vụ 6 tháng cuối năm 2012\n"
                            "Năm 2012 là năm thứ 2 thực hiện Nghị quyết.").metadata
    assert (meta.number and meta.number.symbol, meta.date and meta.date.iso, meta.title) == (
        "198/BC-UBND", "2012-06-29", "Kết quả thực hiện các chỉ tiêu phát triển kinh tế - xã hội 6 tháng đầu năm; "
                                     "Phương hướng nhiệm vụ 6 tháng cuối năm 2012")


# Two positions one person holds, on one line (the Government Office's minister-chairman).
@pytest.mark.parametrize(("signature", "signer"), [
    ("BỘ TRƯỞNG, CHỦ NHIỆM\n(Đã ký)\nNguyễn Xuân Phúc", (None, None, "Bộ trưởng, Chủ nhiệm", "Nguyễn Xuân Phúc")),
    ("KT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nNguyễn Văn Tùng",
     ("KT.", "Bộ trưởng, Chủ nhiệm", "Phó Chủ nhiệm", "Nguyễn Văn Tùng")),
])
def test_a_dual_position_signs(signature: str, signer: tuple[str | None, ...]) -> None:
    meta = extract_metadata("VĂN PHÒNG CHÍNH PHỦ\nSố: 2776/VPCP-QHQT\nV/v mời lãnh đạo dự Festival biển 2011\n"
                            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 29 tháng 4 năm 2011\n"
                            "Kính gửi: Bộ Ngoại giao.\nVăn phòng Chính phủ xin thông báo để các cơ quan biết./.\n"
                            "Nơi nhận:\n- Như trên;\n- Lưu: VT, QHQT.\n" + signature).metadata
    s = meta.signer
    assert s is not None and (s.authority, s.on_behalf_of, s.position, s.name) == signer



# A form's or an annex's label over a header of its own labels that document: its type and
# issuer are the header's.
@pytest.mark.parametrize(("text", "doc_type", "issuer"), [
    ("Phụ lục 01\nUBND HUYỆN ĐỨC TRỌNG\nBÁO CÁO\nKết quả thực hiện chương trình năm 2024\nI. Kết quả",
     "Báo cáo", "UBND HUYỆN ĐỨC TRỌNG"),
    ("Biểu mẫu số 02\nTÊN CƠ QUAN, ĐƠN VỊ\nBÁO CÁO\nKết quả công tác\nI. Kết quả", "Báo cáo", "TÊN CƠ QUAN, ĐƠN VỊ"),
])
def test_a_label_over_a_header_with_a_type_name_is_no_annex(text: str, doc_type: str, issuer: str) -> None:
    meta = extract_metadata(text).metadata
    assert (meta.doc_type, meta.issuer) == (doc_type, issuer)


def test_a_regulation_s_issued_with_line_stays_its_title_and_its_chapters_stay_sections() -> None:
    r = parse_text(HEADER.split("Số:")[0] + "QUY ĐỊNH\n(Ban hành kèm theo Quyết định số 12/2024/QĐ-UBND "
                   "ngày 01/02/2024 của UBND tỉnh)\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n"
                   "Quy định này quy định về công tác văn thư.")
    assert r.metadata.title is not None and r.metadata.title.startswith("Ban hành kèm theo Quyết định số 12/2024")
    assert [(s.number, s.level) for s in r.sections] == [("Chương I", 1)]


def test_a_party_conference_s_conclusion_keeps_its_body_and_subject_in_the_title() -> None:
    # A provincial Party committee's Kết luận: the conference, its committee (a body's name in
    # capitals) and the subject in lower case are one title; the committee over Căn cứ is not.
    meta = extract_metadata("TỈNH ỦY THỪA THIÊN HUẾ\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 445-KL/TU\n"
                            "Thừa Thiên Huế, ngày 13 tháng 5 năm 2022\nKẾT LUẬN\nHỘI NGHỊ LẦN THỨ BẢY\n"
                            "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHOÁ XVI)\nvề xây dựng hệ thống kết cấu hạ tầng đồng bộ\n"
                            "Hội nghị lần thứ bảy Ban Chấp hành Đảng bộ tỉnh đã thảo luận.\nI. ĐÁNH GIÁ").metadata
    assert meta.title == ("HỘI NGHỊ LẦN THỨ BẢY BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHOÁ XVI) "
                          "về xây dựng hệ thống kết cấu hạ tầng đồng bộ")
    decree = extract_metadata("CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 37/2007/NĐ-CP\n"
                              "Hà Nội, ngày 09 tháng 3 năm 2007\nNGHỊ ĐỊNH\nVỀ MINH BẠCH TÀI SẢN, THU NHẬP\n"
                              "CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;").metadata
    assert decree.title == "VỀ MINH BẠCH TÀI SẢN, THU NHẬP"



# An annex whose title opens with a type name; a regulation's title under its issued-with line.
@pytest.mark.parametrize(("text", "doc_type", "issuer", "title"), [
    ("PHỤ LỤC II\nKẾ HOẠCH TỔ CHỨC HỘI NGHỊ\n(Kèm theo Công văn số 12/UBND-VX ngày 5/3/2024)\n1. Thời gian",
     "Phụ lục", None, "KẾ HOẠCH TỔ CHỨC HỘI NGHỊ"),
    (HEADER.split("Số:")[0] + "QUY CHẾ\n(Ban hành kèm theo Quyết định số 12/2024/QĐ-UBND ngày 5/3/2024)\n"
     "Tổ chức và hoạt động của Ban Chỉ đạo\nChương I\nQUY ĐỊNH CHUNG",
     "Quy chế", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Tổ chức và hoạt động của Ban Chỉ đạo"),
])
def test_an_annex_or_regulation_title_under_a_type_name_or_issued_with_line(
        text: str, doc_type: str, issuer: str | None, title: str) -> None:
    meta = extract_metadata(text).metadata
    assert (meta.doc_type, meta.issuer, meta.title) == (doc_type, issuer, title)


@pytest.mark.parametrize(("written", "kept"), [
    ("ngày 31 tháng 02 năm 2023", "2023-02"),  # no 31st in February
    ("ngày 29 tháng 2 năm 2023", "2023-02"),  # 2023 is no leap year
    ("ngày 31 tháng 4 năm 2021", "2021-04"),  # April has 30 days
    ("ngày 0 tháng 5 năm 2023", "2023-05"),
    ("ngày 15 tháng 13 năm 2023", "2023"),  # no month 13: the year alone
])
def test_document_date_that_is_no_calendar_day_keeps_what_is_one(written: str, kept: str) -> None:
    report = parse_text(f"UỶ BAN NHÂN DÂN\nXÃ PHÚ TIẾN\nSố: 12/BC-UBND\nPhú Tiến, {written}\nBÁO CÁO\nKết quả\n")
    assert (report.metadata.place, report.metadata.date and report.metadata.date.iso) == ("Phú Tiến", kept)
    assert "unreadable-document-date" in {w.code for w in report.warnings}


def test_document_date_of_a_leap_day_is_kept_whole() -> None:
    report = parse_text("UỶ BAN NHÂN DÂN\nXÃ PHÚ TIẾN\nSố: 12/BC-UBND\nPhú Tiến, ngày 29 tháng 2 năm 2024\nBÁO CÁO\n")
    assert report.metadata.date is not None and report.metadata.date.iso == "2024-02-29"
    assert "unreadable-document-date" not in {w.code for w in report.warnings}


@pytest.mark.parametrize(("written", "kept"), [
    ("NGÀY 31 THÁNG 2 NĂM 2008", "2008-02"),  # no 31st in February
    ("NGÀY 12 THÁNG 13 NĂM 2008", "2008"),  # no month 13: the year alone
    ("NGÀY 0 THÁNG 5 NĂM 2008", "2008-05"),
])
def test_identity_line_date_that_is_no_calendar_day_keeps_what_is_one(written: str, kept: str) -> None:
    # A legal text's one-line identity: the date record refused an impossible day, and the file failed.
    report = parse_text(f"CHỈ THỊ SỐ 15/2008/CT-TTG {written} VỀ VIỆC TĂNG CƯỜNG QUẢN LÝ\n\nNội dung.\n")
    assert (report.metadata.number and report.metadata.number.symbol, report.metadata.date and
            report.metadata.date.iso) == ("15/2008/CT-TTg", kept)
    assert "unreadable-document-date" in {w.code for w in report.warnings}


def test_identity_line_with_a_calendar_day_keeps_it_whole() -> None:
    report = parse_text("CHỈ THỊ SỐ 15/2008/CT-TTG NGÀY 29 THÁNG 2 NĂM 2008 VỀ VIỆC TĂNG CƯỜNG QUẢN LÝ\n\nNội dung.\n")
    assert report.metadata.date is not None and report.metadata.date.iso == "2008-02-29"
    assert "unreadable-document-date" not in {w.code for w in report.warnings}


# Headers and signatures copied from a web portal's narrow columns (each a shape seen on
# pages of several portals; the names and numbers are made up).
_PORTAL_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n"
                "Độc lập - Tự do - Hạnh phúc\n|\nSố: 12/2023/QĐ-UBND\n|\nGia Lai, ngày 05 tháng 3 năm 2023\n|\n"
                "QUYẾT ĐỊNH\n")


@pytest.mark.parametrize(("title_lines", "title"), [
    ("BAN HÀNH QUY ĐỊNH QUẢN LÝ CHỢ TRÊN ĐỊA BÀN\nTỈNH GIA LAI",
     "BAN HÀNH QUY ĐỊNH QUẢN LÝ CHỢ TRÊN ĐỊA BÀN TỈNH GIA LAI"),
    ("BAN HÀNH QUY ĐỊNH QUẢN LÝ CHỢ TRÊN ĐỊA BÀN\nHUYỆN CHƯ SÊ",
     "BAN HÀNH QUY ĐỊNH QUẢN LÝ CHỢ TRÊN ĐỊA BÀN HUYỆN CHƯ SÊ"),
    ("BAN HÀNH KẾ HOẠCH PHÁT TRIỂN CÔNG TÁC\nXÃ HỘI TRÊN ĐỊA BÀN TỈNH GIA LAI",
     "BAN HÀNH KẾ HOẠCH PHÁT TRIỂN CÔNG TÁC XÃ HỘI TRÊN ĐỊA BÀN TỈNH GIA LAI"),
])
def test_a_title_in_capitals_goes_on_in_a_line_naming_a_locality(title_lines: str, title: str) -> None:
    text = _PORTAL_HEAD + title_lines + "\nỦY BAN NHÂN DÂN TỈNH GIA LAI\nCăn cứ Luật Tổ chức chính quyền địa phương;"
    meta = extract_metadata(text).metadata
    assert (meta.issuer, meta.title) == ("ỦY BAN NHÂN DÂN TỈNH GIA LAI", title)


def test_the_quoc_hieu_wrapped_after_xa_leaves_the_issuer_alone() -> None:
    meta = extract_metadata("UỶ BAN NHÂN DÂN\nTỈNH VĨNH LONG\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\n"
                            "Độc lập - Tự do - Hạnh phúc\nSố: 215/KH-UBND\nVĩnh Long, ngày 10 tháng 4 năm 2021\n"
                            "KẾ HOẠCH\nThực hiện công tác phổ biến pháp luật năm 2021").metadata
    assert (meta.issuer, meta.parent_issuer) == ("UỶ BAN NHÂN DÂN TỈNH VĨNH LONG", None)


def test_a_cells_end_mark_left_on_header_lines_is_no_part_of_them() -> None:
    meta = extract_metadata("HỘI ĐỒNG NHÂN DÂN\nTỈNH HÀ TĨNH |\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                            "Số: 09/2024/NQ-HĐND |\nHà Tĩnh, ngày 12 tháng 7 năm 2024 |\nNGHỊ QUYẾT\n"
                            "Quy định mức chi hỗ trợ hòa giải ở cơ sở |\nCăn cứ Luật Ngân sách nhà nước;").metadata
    assert (meta.issuer, meta.number and meta.number.symbol, meta.place, meta.title) == (
        "HỘI ĐỒNG NHÂN DÂN TỈNH HÀ TĨNH", "09/2024/NQ-HĐND", "Hà Tĩnh", "Quy định mức chi hỗ trợ hòa giải ở cơ sở")


@pytest.mark.parametrize(("signature", "authority", "on_behalf_of", "position"), [
    ("TM. ỦY BAN NHÂN\nDÂN\nCHỦ TỊCH", "TM.", "Ủy ban nhân dân", "Chủ tịch"),
    ("KT. CHỦ\nTỊCH\nPHÓ CHỦ TỊCH", "KT.", "Chủ tịch", "Phó Chủ tịch"),
])
def test_a_signing_line_broken_inside_its_body_or_position_is_read_whole(
        signature: str, authority: str, on_behalf_of: str, position: str) -> None:
    text = (_PORTAL_HEAD + "Về việc quản lý chợ\nĐiều 1. Quyết định này có hiệu lực kể từ ngày ký./.\n"
            f"Nơi nhận:\n- Như Điều 1;\n- Lưu: VT.\n|\n{signature}\nTrần Văn Hưng")
    signer = extract_metadata(text).metadata.signer
    assert signer is not None
    assert (signer.authority, signer.on_behalf_of, signer.position, signer.name) == (
        authority, on_behalf_of, position, "Trần Văn Hưng")


@pytest.mark.parametrize("header", [
    # The whole header on one line, its cells parted by short rules and cells' end marks.
    "ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH ------- Số: 31/BC-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
    "Độc lập - Tự do - Hạnh phúc ------------ Đông Anh, ngày 14 tháng 3 năm 2022 |",
    # Its two rows, each on a line.
    "ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH ------- Số: 31/BC-UBND\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ------------ Đông Anh, ngày 14 tháng 3 năm 2022",
])
def test_a_header_whose_cells_run_together_on_a_line_is_read_cell_by_cell(header: str) -> None:
    r = parse_text(f"{header}\nBÁO CÁO\nKết quả công tác dân vận chính quyền năm 2021\nI. KẾT QUẢ\n"
                   "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2021 của UBND huyện.")
    meta = r.metadata
    assert (meta.issuer, meta.number and meta.number.symbol, meta.place, meta.date and meta.date.iso, meta.title) == (
        "ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH", "31/BC-UBND", "Đông Anh", "2022-03-14",
        "Kết quả công tác dân vận chính quyền năm 2021")
    assert [(d.value.iso, d.role) for d in r.dates] == [("2022-03-14", "document"), ("2021", "text"),
                                                        ("2021-01-05", "citation")]


@pytest.mark.parametrize("sep", [" | ", "\t"])
def test_recipients_beside_the_signature_in_a_texts_table_are_laid_out_column_by_column(sep: str) -> None:
    # A page copied from a web portal keeps the closing's two columns as a table's rows.
    end = " |" if sep == " | " else ""
    closing = "\n".join(f"{a}{sep}{b}{end}" for a, b in [("Nơi nhận:", "TL. CHỦ TỊCH"),
                                                         ("- Như trên;", "CHÁNH VĂN PHÒNG"),
                                                         ("- Lưu: VT.", "Phạm Văn Đức")])
    r = parse_text("ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 915/UBND-KT\nNinh Bình, ngày 14 tháng 6 năm 2023\n"
                   "V/v triển khai nhiệm vụ\nKính gửi: Sở Xây dựng\nGiao Sở Xây dựng chủ trì thực hiện./.\n" + closing)
    signer = r.metadata.signer
    assert signer is not None
    assert (r.metadata.recipients, signer.authority, signer.on_behalf_of, signer.position, signer.name, r.tables) == (
        ["Sở Xây dựng", "Như trên", "Lưu: VT"], "TL.", "Chủ tịch", "Chánh Văn phòng", "Phạm Văn Đức", [])


@pytest.mark.parametrize(("lines", "issuer"), [
    ("THƯỜNG TRỰC\nHĐND - UBND HUYỆN ĐẦM DƠI", "THƯỜNG TRỰC HĐND - UBND HUYỆN ĐẦM DƠI"),
    ("BAN THƯỜNG TRỰC\nỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH PHÚ YÊN",
     "BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH PHÚ YÊN"),
])
def test_a_standing_committee_named_over_its_body_is_one_issuer_with_it(lines: str, issuer: str) -> None:
    meta = extract_metadata(f"{lines}\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                            "Số: 41/BC-MTTQ-BTT\nPhú Yên, ngày 12 tháng 5 năm 2022\nBÁO CÁO\nKết quả giám sát").metadata
    assert (meta.issuer, meta.parent_issuer) == (issuer, None)


@pytest.mark.parametrize("after", ["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\nCăn cứ Luật Tổ chức chính quyền địa phương;",
                                   "Căn cứ Luật Tổ chức chính quyền địa phương;"])
def test_a_copy_without_its_type_names_line_has_its_title_above_the_authority_or_the_grounds(after: str) -> None:
    meta = extract_metadata("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 27/2021/QĐ-UBND\n"
                            "Hà Tĩnh, ngày 09 tháng 8 năm 2021\nBAN HÀNH QUY ĐỊNH QUẢN LÝ CỤM CÔNG NGHIỆP\n"
                            + after).metadata
    assert (meta.issuer, meta.doc_type, meta.title) == (
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "Quyết định", "BAN HÀNH QUY ĐỊNH QUẢN LÝ CỤM CÔNG NGHIỆP")


def test_a_type_name_whose_first_letter_ocr_split_off_is_still_the_type_line() -> None:
    meta = extract_metadata("TỈNH ỦY PHÚ THỌ\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 210-KL/TU\n"
                            "Phú Thọ, ngày 20 tháng 3 năm 2023\nK ÉT LUẬN\nHỘI NGHỊ LẦN THỨ TÁM\n"
                            "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XIX)\n"
                            "về phát triển du lịch đến năm 2025\nHội nghị đã thảo luận và kết luận:").metadata
    assert (meta.issuer, meta.doc_type, meta.title) == (
        "TỈNH ỦY PHÚ THỌ", "Kết luận",
        "HỘI NGHỊ LẦN THỨ TÁM BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XIX) về phát triển du lịch đến năm 2025")


def test_a_web_portals_table_of_the_documents_data_above_its_header_leaves_the_header_to_it() -> None:
    portal = ("Cơ quan ban hành: | Ủy ban nhân dân tỉnh Lạng Sơn | Số công báo: | Đang cập nhật |\n"
              "Số hiệu: | 52/2018/QĐ-UBND | Ngày đăng công báo: | Đang cập nhật |\n"
              "Loại văn bản: | Quyết định | Người ký: | Nguyễn Văn An |\n"
              "Ngày ban hành: | 05/09/2018 | Hết hiệu lực: | Đang cập nhật |\n"
              "Áp dụng: | 15/09/2018 | Tình trạng hiệu lực: | Còn Hiệu lực |\nLĩnh vực: | Tài chính-Ngân hàng |\n")
    r = parse_text(portal + "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN ------------- Số: 52/2018/QĐ-UBND | CỘNG HOÀ XÃ HỘI CHỦ "
                   "NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ------------ Lạng Sơn, ngày 05 tháng 9 năm 2018 |\n"
                   "QUYẾT ĐỊNH\nBan hành Quy định về lập dự toán ngân sách nhà nước\n"
                   "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\nCăn cứ Luật Ngân sách nhà nước ngày 25/6/2015;")
    meta = r.metadata
    assert (meta.issuer, meta.number and meta.number.symbol, meta.place, meta.date and meta.date.iso, meta.title) == (
        "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "52/2018/QĐ-UBND", "Lạng Sơn", "2018-09-05",
        "Ban hành Quy định về lập dự toán ngân sách nhà nước")


@pytest.mark.parametrize(("number", "line", "doc_type", "title"), [
    # A copy that lost its type name's line: its trích yếu opens with another type's name.
    ("09/2024/NQ-HĐND", "QUY ĐỊNH MỨC CHI HỖ TRỢ CÔNG TÁC HÒA GIẢI Ở CƠ SỞ", "Nghị quyết",
     "QUY ĐỊNH MỨC CHI HỖ TRỢ CÔNG TÁC HÒA GIẢI Ở CƠ SỞ"),
    # The type on the line agrees with the number's, or names a kind of it: the line's type stands.
    ("12/BC-UBND", "BÁO CÁO KẾT QUẢ CÔNG TÁC NĂM 2019", "Báo cáo", "KẾT QUẢ CÔNG TÁC NĂM 2019"),
    ("12/TB-UBND", "THÔNG BÁO KẾT LUẬN CỦA CHỦ TỊCH UBND TỈNH", "Thông báo kết luận", "CỦA CHỦ TỊCH UBND TỈNH"),
    # A number with no type code says nothing against the line.
    ("12/UBND-VX", "BÁO CÁO KẾT QUẢ CÔNG TÁC NĂM 2019", "Báo cáo", "KẾT QUẢ CÔNG TÁC NĂM 2019"),
])
def test_a_type_name_opening_the_title_line_gives_way_to_another_the_number_names(
        number: str, line: str, doc_type: str, title: str) -> None:
    meta = extract_metadata(f"HỘI ĐỒNG NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: {number}\nHà Tĩnh, ngày 12 tháng 7 năm 2024\n"
                            f"{line}\nCăn cứ Luật Ngân sách nhà nước;").metadata
    assert (meta.doc_type, meta.title) == (doc_type, title)


@pytest.mark.parametrize("mark", ["KHẨN", "HỎA TỐC", "MẬT", "DỰ THẢO LẦN 2"])
def test_a_handling_mark_under_the_header_is_no_title(mark: str) -> None:
    meta = extract_metadata(f"ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 123/UBND-VX\nHà Tĩnh, ngày 5 tháng 3 năm 2024\n"
                            f"{mark}\nCăn cứ Luật Tổ chức chính quyền địa phương;").metadata
    assert meta.title is None


_REPRINT = "Số: 353/QĐ-UBND Bà Rịa - Vũng Tàu, ngày 17 tháng 02 năm 2025\nQUYẾT ĐỊNH\nVề việc công bố\n"


@pytest.mark.parametrize(("header", "issuers"), [
    # qd-353-qd-ubnd-ba-ria-vung-tau-2025-cong-bao.pdf: a decision reprinted in the Công báo, under
    # the gazette's part and the heading of the issuing authority's documents, a position's or a body's.
    ("PHẦN VĂN BẢN KHÁC\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "TỈNH BÀ RỊA - VŨNG TÀU Độc lập - Tự do - Hạnh phúc\n", ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", None)),
    ("PHẦN VĂN BẢN QUY PHẠM PHÁP LUẬT\nHỘI ĐỒNG NHÂN DÂN TỈNH\nHỘI ĐỒNG NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA "
     "VIỆT NAM\nTỈNH BÀ RỊA - VŨNG TÀU Độc lập - Tự do - Hạnh phúc\n",
     ("HỘI ĐỒNG NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", None)),
    # The gazette's part right above the document's own header: no authority's heading to drop.
    ("PHẦN VĂN BẢN KHÁC\nỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
     ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", None)),
    ("PHẦN VĂN BẢN KHÁC\nUBND TỈNH LÂM ĐỒNG\nSỞ TƯ PHÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
     ("SỞ TƯ PHÁP", "UBND TỈNH LÂM ĐỒNG")),
    # The part and the authority's heading read as one line; the national gazette's numbered part.
    ("PHẦN VĂN BẢN KHÁC ỦY BAN NHÂN DÂN TỈNH\nỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "TỈNH BÀ RỊA - VŨNG TÀU Độc lập - Tự do - Hạnh phúc\n", ("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", None)),
    ("PHẦN I. VĂN BẢN QUY PHẠM PHÁP LUẬT\nHỘI ĐỒNG NHÂN DÂN TỈNH\nHỘI ĐỒNG NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA "
     "VIỆT NAM\nTỈNH BÀ RỊA - VŨNG TÀU Độc lập - Tự do - Hạnh phúc\n",
     ("HỘI ĐỒNG NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", None)),
])
def test_a_gazette_s_part_in_its_forms_is_no_issuer(header: str, issuers: tuple[str, str | None]) -> None:
    m = meta(header + _REPRINT)
    assert (m.issuer, m.parent_issuer, m.number and m.number.symbol) == (*issuers, "353/QĐ-UBND")


@pytest.mark.parametrize(("header", "issuers"), [
    # The Quốc hiệu beside the issuer's second line: the first line is still the issuer's ...
    ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
     ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", None)),
    # ... or its parent's.
    ("UBND TỈNH LÂM ĐỒNG\nSỞ TƯ PHÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
     ("SỞ TƯ PHÁP", "UBND TỈNH LÂM ĐỒNG")),
    ("ĐẢNG BỘ TỈNH LÂM ĐỒNG\nHUYỆN ỦY ĐỨC TRỌNG ĐẢNG CỘNG SẢN VIỆT NAM\n",
     ("HUYỆN ỦY ĐỨC TRỌNG", "ĐẢNG BỘ TỈNH LÂM ĐỒNG")),
    ("UBND TỈNH LÂM ĐỒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc\n",
     ("SỞ TƯ PHÁP", "UBND TỈNH LÂM ĐỒNG")),
])
def test_an_issuer_read_with_the_quoc_hieu_beside_any_of_its_lines(header: str, issuers: tuple[str, str]) -> None:
    m = meta(header + "Số: 12/BC-STP Lâm Đồng, ngày 15 tháng 5 năm 2023\nBÁO CÁO\nKết quả\n")
    assert (m.issuer, m.parent_issuer) == issuers


def test_a_trich_yeu_goes_on_past_the_date_line_read_between_its_lines() -> None:
    # cv-8977-bnv-tcpcp-2025.pdf (held out; its title was reported cut): the left column's
    # ``V/v`` lines and the right column's date, read line by line.
    m = meta("BỘ NỘI VỤ\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 8977 /BNV-TCPCP\n"
             "V/v trả lời đề nghị của\nHà Nội, ngày 06 tháng 10 năm 2025\nSở Nội vụ tỉnh Lâm Đồng\n"
             "Kính gửi: Sở Nội vụ tỉnh Lâm Đồng\nBộ Nội vụ nhận được Công văn số 1843/SNV-TCBC.\n")
    assert (m.title, m.date and m.date.iso, m.recipients) == (
        "Trả lời đề nghị của Sở Nội vụ tỉnh Lâm Đồng", "2025-10-06", ["Sở Nội vụ tỉnh Lâm Đồng"])


def test_a_trich_yeu_that_ends_before_the_date_line_stays_whole() -> None:
    m = meta("BỘ NỘI VỤ\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/BNV-TCPCP\nV/v trả lời Sở Nội vụ\n"
             "Hà Nội, ngày 06 tháng 10 năm 2025\nKính gửi: Sở Nội vụ tỉnh Lâm Đồng\nBộ Nội vụ nhận được.\n")
    assert m.title == "Trả lời Sở Nội vụ"
