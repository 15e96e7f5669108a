"""Citations: one assertion per real variant."""

from __future__ import annotations

import pytest

from vnreport_extract import Citation, parse_text
from vnreport_extract.conventions.doc_types import (
    AMENDING_LAW_EXAMPLES,
    AMENDING_LAW_NOT_EXAMPLES,
    AMENDING_LAW_NUMBER_NOT_EXAMPLES,
    AUTHOR_BEFORE_NUMBER_EXAMPLES,
    CERTIFICATE_EXAMPLES,
    CERTIFICATE_NOT_EXAMPLES,
    CERTIFICATE_TYPES,
    NAMED_EXAMPLES,
    NAMED_NOT_EXAMPLES,
    NAMED_NUMBER_EXAMPLES,
    NAMED_NUMBER_NOT_EXAMPLES,
    NAMED_PLAN_EXAMPLES,
    NAMED_PLAN_NOT_EXAMPLES,
    STANDARD_EXAMPLES,
    STANDARD_NOT_EXAMPLES,
)
from vnreport_extract.extract.citations import extract_citations, title_spans


def one(text: str) -> Citation:
    [c] = extract_citations(text)
    return c


def test_state_symbol_with_so_and_numeric_date() -> None:
    c = one("Thực hiện Kế hoạch số 41/KH-UBND ngày 15/02/2022 của UBND huyện Thực hiện")
    assert (c.doc_type, c.symbol, c.date and c.date.iso, c.authority) == (
        "Kế hoạch", "41/KH-UBND", "2022-02-15", "UBND huyện")


def test_normative_symbol_with_year() -> None:
    c = one("Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ và")
    assert (c.symbol, c.year, c.date and c.date.iso, c.authority) == ("61/2018/NĐ-CP", 2018, "2018-04-23", "Chính phủ")


def test_party_symbol_with_worded_date() -> None:
    c = one("Kết luận số 01-KL/TW, ngày 18 tháng 5 năm 2021 của Bộ Chính trị về tiếp tục")
    assert (c.symbol, c.convention, c.date and c.date.iso, c.authority) == (
        "01-KL/TW", "party", "2021-05-18", "Bộ Chính trị")


def test_cong_van_without_type_code() -> None:
    c = one("theo Công văn số 1547/SNV-TCBC ngày 05/9/2025")
    assert (c.doc_type, c.type_code, c.issuer_code) == ("Công văn", None, "SNV-TCBC")


def test_list_sharing_one_type_word() -> None:
    cs = extract_citations("UBND xã đã ban hành kế hoạch số 22/KH-UBND, ngày 03/02/2023 về việc về thực hiện "
                           "quy chế dân chủ ở cơ sở; 42/KH-UBND ngày 06/3/2023 công tác dân vận")
    assert [(c.doc_type, c.symbol, c.date and c.date.iso) for c in cs] == [
        ("Kế hoạch", "22/KH-UBND", "2023-02-03"), ("Kế hoạch", "42/KH-UBND", "2023-03-06")]


def test_so_omitted() -> None:
    assert one("Thực hiện Quyết định 28/2018/QĐ-TTg ngày 12/7/2018 về gửi").symbol == "28/2018/QĐ-TTg"


def test_spacing_slip_repaired_and_recorded() -> None:
    c = one("Quyết định số 49 - QĐ/ĐU ngày 23/02/2022 về việc")
    assert (c.symbol, c.repairs) == ("49-QĐ/ĐU", ["extra-space"])


def test_missing_hyphen_repaired_and_recorded() -> None:
    c = one("Kế hoạch số 245/KHUBND ngày 31/12/2021 của UBND tỉnh")
    assert (c.symbol, c.repairs) == ("245/KH-UBND", ["missing-hyphen"])


def test_date_forms_after_symbol() -> None:
    for text, iso in [("Chỉ thị số 33/CT-TTg ngày 26/11/2021", "2021-11-26"),
                      ("Chỉ thị số 33/CT-TTg ngày 26-11-2021", "2021-11-26"),
                      ("Chỉ thị số 33/CT-TTg ngày 26.11.2021", "2021-11-26"),
                      ("Chỉ thị số 05-CT/TW, ngày 15 tháng 5 năm 2016", "2016-05-15"),
                      ("Chương trình phối hợp số 10- CTPH/BDVTU-BCSĐUBND ngày 05/4/2022", "2022-04-05")]:
        c = one(text)
        assert c.date is not None and c.date.iso == iso, text


def test_authority_with_stray_page_number() -> None:
    c = one("Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ 3 tướng Chính phủ “Về tiếp tục”")
    assert c.authority == "Thủ tướng Chính phủ"


def test_authority_case_canonical() -> None:
    assert one("Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính Phủ và").authority == "Thủ tướng Chính phủ"


def test_authority_with_a_capitalised_stop_word_inside_its_name() -> None:
    # hd-btctu-ha-noi (2025): ``Tổ`` and ``Giao`` open phrases elsewhere (``tổ chức thực hiện``).
    c = one("Hướng dẫn số 38-HD/BTCTW ngày 29/9/2025 của Ban Tổ chức Trung ương về “nghiệp vụ công tác đảng viên")
    assert c.authority == "Ban Tổ chức Trung ương"


@pytest.mark.parametrize(("text", "authority"), [
    # qd-353-qd-ubnd-ba-ria-vung-tau-2025-cong-bao.pdf, tb-666, kh-cchc-2026.docx: a position and a known body.
    ("Quyết định số 1672/QĐ-UBND ngày 27 tháng 6 năm 2024 của Chủ tịch Ủy ban nhân dân tỉnh về việc công bố",
     "Chủ tịch Ủy ban nhân dân tỉnh"),
    ("Thông tư số 01/2021/TT-BTP của Bộ trưởng Bộ Tư pháp sửa đổi, bổ sung", "Bộ trưởng Bộ Tư pháp"),  # qd-353
    # de-cuong-du-toan-qlvb-syt-sct-phu-tho-2012.doc
    ("Quyết định số 1595/QĐ-BTTTT của Bộ trưởng Bộ Thông tin và Truyền thông công bố Định mức",
     "Bộ trưởng Bộ Thông tin và Truyền thông"),
    # qd-09-2010-qd-ubnd-can-tho-quy-dinh-kem-theo.doc: ``ban`` after ``Ủy`` is no stop word.
    ("Quyết định số 12/QĐ-UBND của Ủy ban nhân dân thành phố Cần Thơ về việc", "Ủy ban nhân dân thành phố Cần Thơ"),
    # cv-1984-snv-tcbc-2025.pdf: a body's name in capitals past ten words.
    ("Công văn số 12/MTTW của Ban Thường trực Ủy ban MTTQ Việt Nam về đề nghị", "Ban Thường trực Ủy ban MTTQ Việt Nam"),
    ("Công văn số 13/MTTW của Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam về việc",
     "Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
    # tt-01-2010-tt-ttcp-sua-doi-tt-2442.doc
    ("Thông tư số 2442/2007/TT-TTCP của Thanh tra Chính phủ như sau:", "Thanh tra Chính phủ"),
    ("Công văn số 12/SNV của Sở Nội vụ V/v Đăng ký nhiệm vụ", "Sở Nội vụ"),  # tb-20-tb-stttt-2012-scan.pdf
    # bc-mo-hinh-thi-diem-cchc.pdf: ``và`` before another document's type joins no name.
    ("Kế hoạch số 5/KH-UBND của Chủ tịch UBND tỉnh và Công văn số 1014/SNV-CCHC ngày 2/1/2025", "Chủ tịch UBND tỉnh"),
    ("Công văn số 5/SCT của Sở Công Thương về việc", "Sở Công Thương"),
    # ``công`` in a body's name (``khu công nghiệp``, ``hành chính công``, ``công tác``, ``công chức``).
    ("Quyết định số 12/QĐ-UBND của Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng về việc",
     "Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng"),
    ("Kế hoạch số 3/KH-BCĐ của Ban Chỉ đạo công tác gia đình tỉnh về việc", "Ban Chỉ đạo công tác gia đình tỉnh"),
    # tt-01-2011-tt-bnv-the-thuc-van-ban.doc
    ("Thông báo số 5/TB-HĐ của Hội đồng thi tuyển công chức Bộ Nội vụ về việc",
     "Hội đồng thi tuyển công chức Bộ Nội vụ"),
    # ban-tu-khai-bql-kcn-2012-tcvn3.doc: the place ends the name.
    ("Thông báo số 5/TB-TA của Toà án nhân dân tỉnh Bắc Giang thông báo về việc", "Toà án nhân dân tỉnh Bắc Giang"),
    ("Công văn số 13/MTTW của Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc về việc",
     "Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc"),
    # kh-cchc-2026.docx: a table row; the next cell is no part of the name.
    ("1\tQuyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ\tKết quả", "Thủ tướng Chính phủ"),
    # ttr-3367-ttr-snv-binh-thuan-2024.pdf: a department of a sector, its name in its canonical case.
    ("Công văn số 3454/SNN-VP ngày 29/10/2024 của Sở Nông nghiệp và phát triển nông thôn.",
     "Sở Nông nghiệp và Phát triển nông thôn"),
    # ... and one whose sector is not written as a known one stays as written.
    ("Công văn số 5956/STNMT-CCBVMT ngày 24/10/2024 của Sở Tài nguyên Môi trường.", "Sở Tài nguyên Môi trường"),
    ("Công văn số 2965/SVHTTDL-VP ngày 28/10/2024 của Sở Văn hóa thể thao du lịch.", "Sở Văn hóa thể thao du lịch"),
    # The level a known body is of (bc-quan-ly-hoi-2025.docx: test_the_body_of_the_fatherland_front_...).
    ("Kế hoạch số 12/KH-STP ngày 01/02/2023 của Sở Tư pháp tỉnh Lâm Đồng về việc", "Sở Tư pháp tỉnh Lâm Đồng"),
    ("Công văn số 1/SXD của Sở Xây dựng thành phố Hà Nội về việc", "Sở Xây dựng thành phố Hà Nội"),
    # ... not after a ministry, a Party committee, or a body named with its level.
    ("Công văn số 1/BNV của Bộ Nội vụ tỉnh đã ban hành", "Bộ Nội vụ"),
    ("Kế hoạch số 1/KH-TU của Ban Thường vụ Tỉnh ủy xã đã ban hành", "Ban Thường vụ Tỉnh ủy"),
    ("Kế hoạch số 12-KH/ĐU ngày 01/02/2023 của Đảng ủy xã Tân Hà về việc", "Đảng ủy xã Tân Hà"),
    # A sector's name holds a comma or a dash (MARKED_SECTORS).
    ("Kế hoạch số 12/KH-BVHTTDL của Bộ Văn hóa, Thể thao và Du lịch về việc", "Bộ Văn hóa, Thể thao và Du lịch"),
    ("Kế hoạch số 12/KH-SLĐTBXH của Sở Lao động - Thương binh và Xã hội về việc",
     "Sở Lao động - Thương binh và Xã hội"),
    # de-cuong-du-toan-qlvb-syt-sct-phu-tho-2012.doc: what the document does, with a capital.
    ("Thông tư 127/2007/TT-BTC ngày 31/10/2007 của Bộ Tài chính Sửa đổi, bổ sung Thông tư số 23/2007/TT-BTC",
     "Bộ Tài chính"),
    ("Quyết định số 993/QĐ-BTTTT ngày 01/7/2011 của Bộ trưởng Bộ Thông tin và Truyền thông Công bố Định mức",
     "Bộ trưởng Bộ Thông tin và Truyền thông"),
    # A joint document names all its bodies (tt-01-2011-tt-bnv, tt-2442-2007-tt-ttcp) ...
    ("Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP ngày 06 tháng 5 năm 2005 của Bộ Nội vụ và Văn phòng Chính phủ "
     "hướng dẫn thể thức", "Bộ Nội vụ và Văn phòng Chính phủ"),
    ("Thông tư liên tịch số 527/TTLT/TTCP-BNV-UBKTTW ngày 22 tháng 3 năm 2007 của Thanh tra Chính phủ, Bộ Nội vụ "
     "và Ủy ban Kiểm tra Trung ương hướng dẫn", "Thanh tra Chính phủ, Bộ Nội vụ và Ủy ban Kiểm tra Trung ương"),
    # ... listed with dashes (de-cuong-du-toan-qlvb-syt-sct-phu-tho-2012.doc, whose middle body, ``Bộ KH&ĐT``,
    # is not a name the conventions know) ...
    ("Thông tư liên tịch số 19/2012/TTLT-BTC-BKH&ĐT-BTTTT ngày 15/02/2012 của Bộ Tài chính - Bộ Thông tin và "
     "Truyền thông về việc Hướng dẫn", "Bộ Tài chính - Bộ Thông tin và Truyền thông"),
    # ... a document of one body does not take the next one (the report's own clause) ...
    ("Công văn số 12/SNV-TCBC ngày 2/1/2024 của Sở Nội vụ và UBND huyện đã triển khai", "Sở Nội vụ"),
    ("Thông tư liên tịch số 5/2010/TTLT-BNV-BTC của Bộ Nội vụ, UBND tỉnh đã triển khai", "Bộ Nội vụ"),
    # ... and a minister named by position holds both offices (qd-353, Công báo Bà Rịa - Vũng Tàu).
    ("Thông tư số 02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng "
     "dẫn", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"),
    # Not a position and a body (the report's own clause), nor a Party programme (not joint: its code
    # CTr is every programme's), nor a second list after a joint document's bodies.
    ("Quyết định số 12/QĐ-TTg ngày 14/8/2015 của Thủ tướng, Bộ Nội vụ đã ban hành Kế hoạch.", "Thủ tướng"),
    ("Thực hiện Chương trình hành động số 15-CTr/TU ngày 05/3/2021 của Tỉnh ủy, Đảng ủy và Ủy ban nhân dân xã "
     "đã ban hành kế hoạch thực hiện.", "Tỉnh ủy"),
    ("Thông tư liên tịch số 5/2010/TTLT-BNV-BTC của Bộ Nội vụ và Bộ Tài chính, Sở Nội vụ và Sở Tài chính đã "
     "hướng dẫn", "Bộ Nội vụ và Bộ Tài chính"),
])
def test_authority_ends_with_the_body_s_name(text: str, authority: str) -> None:
    assert extract_citations(text)[0].authority == authority


def test_subject_in_quotes_that_do_not_match() -> None:
    c = one("Hướng dẫn số 38-HD/BTCTW ngày 29/9/2025 của Ban Tổ chức Trung ương về “nghiệp vụ công tác đảng viên\";")
    assert c.subject == "nghiệp vụ công tác đảng viên"  # hd-btctu-ha-noi (2025)


def test_authority_of_a_department_with_every_word_capitalised() -> None:
    # ttr-3367: the whole name, in the known department's case
    c = one("Công văn số 3354/SGTVT-VP ngày 29/10/2024 của Sở Giao Thông Vận Tải; Công văn")
    assert c.authority == "Sở Giao thông vận tải"


def test_capitalised_ve_viec_after_an_authority_starts_the_subject() -> None:
    c = one("Kế hoạch số 09/KH-BCĐ ngày 09/01/2023 của Ban Chỉ đạo Tỉnh Về việc triển khai")
    assert (c.authority, c.subject) == ("Ban Chỉ đạo Tỉnh", "triển khai")


def test_capitalised_stop_word_after_a_lower_case_word_starts_the_next_cell() -> None:
    # kh-cchc-2026.docx: a table row's cells joined by a tab.
    c = one("Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh\tTheo phân công tại")
    assert c.authority == "Chủ tịch UBND tỉnh"


def test_authority_with_locality() -> None:
    c = one("Kế hoạch số 09/KH-UBND ngày 09/01/2023 của UBND huyện Định Hoá về Cải cách hành chính")
    assert c.authority == "UBND huyện Định Hoá"


def test_quoted_subject() -> None:
    c = one("Chỉ thị số 05-CT/TW, ngày 15 tháng 5 năm 2016 của Bộ Chính trị “Về đẩy mạnh học tập”.")
    assert c.subject == "Về đẩy mạnh học tập"


def test_ve_subject() -> None:
    c = one("Quyết định số 49 - QĐ/ĐU ngày 23/02/2022 về việc kiện toàn Ban Chỉ đạo; tiếp")
    assert c.subject == "kiện toàn Ban Chỉ đạo"


def test_short_citation() -> None:
    c = one("tiếp tục thực hiện Chỉ thị 33 của Thủ tướng Chính phủ")
    assert (c.kind, c.doc_type, c.number, c.authority) == ("short", "Chỉ thị", "33", "Thủ tướng Chính phủ")


def test_short_citation_starts_at_its_type_word() -> None:
    c = one("tiếp tục thực hiện Chỉ thị số 33 của Thủ tướng Chính phủ")
    assert (c.start, c.raw) == (19, "Chỉ thị số 33 của Thủ tướng Chính phủ")


def test_named_law() -> None:
    c = one("Tổ chức thực hiện tốt Luật tiếp cận thông tin nhằm bảo đảm quyền")
    assert (c.kind, c.doc_type, c.name) == ("named", "Luật", "Luật tiếp cận thông tin")


def test_named_law_with_comma_pair() -> None:
    assert one("theo Luật Phòng, chống ma túy năm 2021;").name == "Luật Phòng, chống ma túy năm 2021"


def test_named_constitution_with_year() -> None:
    assert one("quyền làm chủ của Nhân dân theo Hiến pháp năm 2013; cụ thể").name == "Hiến pháp năm 2013"


def test_named_law_with_date() -> None:
    c = one("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;")
    assert (c.name, c.date and c.date.iso) == ("Luật Tổ chức chính quyền địa phương", "2025-06-16")


def test_own_number_line_is_not_a_citation() -> None:
    assert extract_citations("Số: 12/BC-UBND", skip=[(4, 14)]) == []


def test_generic_quy_dinh_is_not_a_citation() -> None:
    assert extract_citations("thực hiện theo quy định của pháp luật về cải cách hành chính") == []


def test_offsets_point_at_raw() -> None:
    text = "Theo Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ quy định"
    c = one(text)
    assert text[c.start:c.end] == c.raw == "Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ"


def test_named_citations_separated_by_commas() -> None:
    names = [c.name for c in extract_citations(
        "theo Hiến pháp năm 2013, Luật Phòng, chống ma túy năm 2021, Luật Ban hành văn bản quy phạm pháp luật;")]
    assert names == ["Hiến pháp năm 2013", "Luật Phòng, chống ma túy năm 2021",
                     "Luật Ban hành văn bản quy phạm pháp luật"]


def test_type_word_and_a_quantity_is_not_a_short_citation() -> None:
    assert extract_citations("Kế hoạch 5 năm và Chương trình 3 cấp") == []


def test_authority_with_va_inside_its_name() -> None:
    c = one("Kế hoạch số 12/KH-SKHCN ngày 02/3/2024 của Sở Khoa học và Công nghệ về việc chuyển đổi số")
    assert (c.authority, c.subject) == ("Sở Khoa học và Công nghệ", "chuyển đổi số")


def test_ke_hoach_hanh_dong() -> None:
    c = one("Thực hiện Kế hoạch hành động số 08-KH/TU ngày 29/8/2025 của Tỉnh ủy")
    assert (c.doc_type, c.symbol, c.date and c.date.iso) == ("Kế hoạch hành động", "08-KH/TU", "2025-08-29")


def test_a_count_of_resolutions_is_not_a_named_citation() -> None:
    assert extract_citations("đã ban hành 36 Nghị quyết QPPL của HĐND tỉnh") == []


def test_own_number_in_annex_is_not_a_citation() -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH\nSố: 64/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc ban hành Quy định\n"
            "Căn cứ Luật số 25/2018/QH14;\nĐiều 1. Ban hành kèm theo Quyết định này Quy định.\n"
            "QUY ĐỊNH\n(Ban hành kèm theo Quyết định số 64/QĐ-UBND ngày 17/02/2025 của UBND tỉnh)")
    assert [c.symbol for c in parse_text(text).citations] == ["25/2018/QH14"]


def test_date_after_a_line_break_following_ngay() -> None:
    """hd-06-hd-tw-2025.pdf: a PDF line ends with ``ngày``."""
    text = "kết nạp vào Đảng từ khi thực hiện Quy định số 29-QĐ/TW, ngày\n02/6/1997 của Bộ Chính trị khoá VIII"
    [c] = parse_text(text).citations
    assert (c.symbol, c.date and c.date.iso, c.authority) == ("29-QĐ/TW", "1997-06-02", "Bộ Chính trị")


def test_author_before_the_citation() -> None:
    """The date before it is a text date: the contract's citation date is the one after the symbol."""
    [c] = parse_text("Ngày 26/12/2006, Ban Chỉ đạo ban hành Kế hoạch số 2970/KH-BCĐ về việc triển khai.").citations
    assert (c.symbol, c.date, c.authority) == ("2970/KH-BCĐ", None, "Ban Chỉ đạo")


def test_symbol_broken_over_a_line_end() -> None:
    [c] = parse_text("theo Công văn số 428/TTXT-\nĐTDN ngày 05/3/2024 của Trung tâm").citations
    assert (c.symbol, c.date and c.date.iso) == ("428/TTXT-ĐTDN", "2024-03-05")



@pytest.mark.parametrize(("text", "doc_type", "symbol"), [
    # A line break typed inside the V/v cell of a Lâm Đồng draft's header (cv-ubnd-nc-giao-cv-3980).
    ("V/v tham mưu triển khai Công \nvăn số 3980/C04-P6 của Cục Cảnh sát điều tra", "Công văn", "3980/C04-P6"),
    # The same with the line before it within reach (the break before ``V/v`` is not the one).
    ("Số:      /UBND-NC\nV/v tham mưu triển khai Công \nvăn số 3980/C04-P6", "Công văn", "3980/C04-P6"),
    ("thực hiện Kế hoạch\nsố 45/KH-UBND", "Kế hoạch", "45/KH-UBND"),
])
def test_type_name_broken_over_a_line_end(text: str, doc_type: str, symbol: str) -> None:
    [c] = extract_citations(text)
    assert (c.doc_type, c.symbol, c.raw.split()[0]) == (doc_type, symbol, doc_type.split()[0])


@pytest.mark.parametrize("text", [
    # A line that ends in a type word whose code is not the symbol's: ``luật`` of a phrase.
    "Thực hiện Kế hoạch tuyên truyền pháp luật\nsố 45/KH-UBND",
    # A Kế hoạch's symbol holds KH: a symbol with none is not one.
    "thực hiện Kế hoạch\nsố 3980/C04-P6",
    # A title in capitals over the document's own number.
    "QUYẾT ĐỊNH\nSố: 12/QĐ-UBND",
])
def test_a_line_end_before_the_symbol_joins_no_type_that_does_not_fit(text: str) -> None:
    assert extract_citations(text) == []


def test_doubled_number_word() -> None:
    [c] = parse_text("Thực hiện Kế hoạch số số 12/KH-UBND ngày 1/2/2024").citations
    assert (c.doc_type, c.symbol) == ("Kế hoạch", "12/KH-UBND")


def test_subject_in_unmatched_quotes_before_another_citation_ends_at_its_own_quote() -> None:
    text = "Kế hoạch số 12/KH-UBND về “Năm dân vận khéo\" và Kế hoạch số 13/KH-UBND về “Chuyển đổi số”"
    assert [c.subject for c in extract_citations(text)] == ["Năm dân vận khéo", "Chuyển đổi số"]


def test_charter_named_by_its_body_ends_at_the_body() -> None:
    # qd-294-qd-tw-2025.pdf
    assert one("chức kết nạp vào Đảng theo quy định của Điều lệ Đảng hoặc đúng với quy định tại những điểm "
               "nêu trên").raw == "Điều lệ Đảng"
    assert one("cán bộ, đảng viên tổ chức thực hiện Quy định thi hành Điều lệ Đảng đồng bộ với việc sắp "
               "xếp đơn vị hành chính").raw == "Điều lệ Đảng"
    assert one("khai trừ có thời hạn theo quy định của Điều lệ Đảng khoá II), thời gian bị xoá tên").raw == \
        "Điều lệ Đảng khoá II"
    # hd-06-hd-tw-2025.pdf: the author after it is the Quy định's
    c = one("thực hiện theo Quy định thi hành Điều lệ Đảng của Ban Chấp hành Trung ương Đảng khoá XIII, cụ thể")
    assert (c.raw, c.authority) == ("Điều lệ Đảng", None)


def test_named_working_rules() -> None:
    # qd-294-qd-tw-2025.pdf and hd-06-hd-tw-2025.pdf
    c = one("- Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương, Bộ Chính trị và Ban Bí thư khoá XIII;")
    assert (c.kind, c.doc_type, c.name, c.authority) == ("named", "Quy chế", "Quy chế làm việc",
                                                         "Ban Chấp hành Trung ương")


@pytest.mark.parametrize("text", [
    # the seed report (000_c44f0d63a01b8516.txt)
    "toàn lại Ban chỉ đạo Khôi dân vận và Ban chỉ đạo thực hiện Quy chế dân chủ cơ sở và phong trào",
    "thực hiện tốt Quy chế dân chủ ở cơ sở, tạo điều kiện cho nhân dân tiếp cận",
    # qd-294-qd-tw-2025.pdf
    "b) Giúp đoàn chủ tịch thực hiện một số nhiệm vụ theo Quy chế bầu cử trong Đảng của Ban Chấp hành Trung ương.",
])
def test_rules_named_without_their_author_are_no_citation(text: str) -> None:
    assert extract_citations(text) == []


def test_rules_a_decision_issues_are_no_citation() -> None:
    # qd-93-2007-qd-ttg-mot-cua.doc: its trích yếu and its Điều 1 name no author
    assert extract_citations("Ban hành Quy chế thực hiện cơ chế một cửa, cơ chế một cửa liên thông tại cơ "
                             "quan hành chính nhà nước ở địa phương") == []
    assert extract_citations("Điều 1. Ban hành kèm theo Quyết định này Quy chế thực hiện cơ chế một cửa, cơ "
                             "chế một cửa liên thông tại cơ quan hành chính nhà nước ở địa phương.") == []
    # ... and what a cited decision issued is its subject (qd-93-2007-qd-ttg-mot-cua.doc, Điều 2)
    c = one("Quyết định này thay thế Quyết định số 181/2003/QĐ-TTg ngày 04 tháng 9 năm 2003 của Thủ tướng Chính "
            "phủ về việc ban hành Quy chế thực hiện cơ chế “một cửa” tại cơ quan hành chính nhà nước ở địa phương.")
    assert c.symbol == "181/2003/QĐ-TTg"


@pytest.mark.parametrize(("line", "raw"), NAMED_EXAMPLES)
def test_a_law_named_where_its_name_ends(line: str, raw: str) -> None:
    # the Hà Nội guide (``Bộ Luật``), nd-86-2011-nd-cp-thanh-tra.doc (``nhưng``)
    assert [c.raw for c in extract_citations(line) if c.kind == "named"] == [raw]


def test_a_code_spelt_bo_luat_is_a_code() -> None:
    c = one("theo quy định của Bộ Luật dân sự.")
    assert (c.kind, c.doc_type, c.name) == ("named", "Bộ luật", "Bộ Luật dân sự")


@pytest.mark.parametrize("line", NAMED_NOT_EXAMPLES)
def test_a_lawyer_or_a_degree_is_no_law(line: str) -> None:
    assert [c.raw for c in extract_citations(line) if c.kind == "named"] == []


@pytest.mark.parametrize(("line", "raw"), NAMED_PLAN_EXAMPLES)
def test_a_plan_or_programme_named_without_a_number(line: str, raw: str) -> None:
    # kh-cchc-2026.docx, qd-1462 and cv-368 (Bắc Giang), tb-kl-quy-hoach (Lâm Đồng), the Hà Nội
    # guide: the type word capitalised inside a sentence, the name ending with its year or period
    assert [c.raw for c in extract_citations(line) if c.kind == "named" and raw.startswith(c.doc_type or "-")] == [raw]


@pytest.mark.parametrize("line", NAMED_PLAN_NOT_EXAMPLES)
def test_plans_in_general_or_the_report_itself_are_no_named_citation(line: str) -> None:
    assert [c.raw for c in extract_citations(line) if c.kind == "named" and c.doc_type in (
        "Kế hoạch", "Chương trình", "Đề án", "Quy hoạch", "Cương lĩnh")] == []


@pytest.mark.parametrize(("line", "raw", "number"), STANDARD_EXAMPLES)
def test_a_standard_or_technical_regulation_is_cited_by_its_code(line: str, raw: str, number: str) -> None:
    # tt-01-2011-tt-bnv (TCVN 6909:2001), de-cuong-du-toan-qlvb (the code alone), and the forms of
    # TCVN and QCVN codes: ISO adopted, spaces round the colon, an older year after a hyphen, a part
    assert [(c.kind, c.raw, c.number) for c in extract_citations(line)] == [("short", raw, number)]


def test_a_standards_type_and_year_come_from_its_code() -> None:
    c = one("nước thải đạt QCVN 40:2011/BTNMT")
    assert (c.doc_type, c.year, c.issuer_code, c.symbol) == ("Quy chuẩn", 2011, "BTNMT", None)


@pytest.mark.parametrize(("line", "raw", "number"), CERTIFICATE_EXAMPLES)
def test_a_certificate_is_cited_by_its_number(line: str, raw: str, number: str) -> None:
    # ban-tu-khai-bql-kcn-2012 (investment certificates), and the forms of the registration
    # certificates that followed them: a business's code, a branch's, ``số:``
    assert [(c.kind, c.raw, c.number) for c in extract_citations(line)] == [("short", raw, number)]


def test_a_certificates_type_is_its_name_and_its_date_follows() -> None:
    c = one("cấp GIẤY CHỨNG NHẬN ĐẦU TƯ số 20221000015 ngày 14/8/2007")
    assert (c.doc_type, c.number, c.date.iso if c.date else None, c.symbol) == (
        "Giấy chứng nhận đầu tư", "20221000015", "2007-08-14", None)


def test_a_certificates_issuer_is_who_granted_it_and_its_holder_is_no_author() -> None:
    granted = one("Giấy chứng nhận đăng ký doanh nghiệp số 0100109106 do Sở Kế hoạch và Đầu tư cấp "
                  "lần đầu ngày 20 tháng 10 năm 2004")
    held = one("Giấy chứng nhận đăng ký doanh nghiệp số: 3700148230 của Công ty cổ phần XYZ")
    assert [(c.date.iso if c.date else None, c.authority) for c in (granted, held)] == [
        ("2004-10-20", "Sở Kế hoạch và Đầu tư"), (None, None)]


@pytest.mark.parametrize("line", CERTIFICATE_NOT_EXAMPLES)
def test_a_certificate_without_its_number_is_no_citation(line: str) -> None:
    assert [c.raw for c in extract_citations(line) if c.doc_type in CERTIFICATE_TYPES] == []


@pytest.mark.parametrize("line", STANDARD_NOT_EXAMPLES)
def test_an_international_standard_or_no_code_is_no_citation(line: str) -> None:
    assert extract_citations(line) == []


def test_a_law_named_inside_a_plans_name_is_cited_alone() -> None:
    # bc-cchc-nam-2025.docx
    c = one("thực hiện Kế hoạch triển khai thi hành Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm "
            "hành chính")
    assert (c.kind, c.doc_type, c.name) == (
        "named", "Luật", "Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính")


def test_a_project_of_a_programme_is_no_short_citation() -> None:
    # cv-3980-c04-p6-2025-scan.pdf; kh-pcmt-2030.docx numbers its projects the same way
    text = ("bố trí 7,623 tỷ đồng để thực hiện 03 dự án trong Chương trình phòng, chống ma tuý giai đoạn "
            "2021 - 2025 (Dự án 2: 3,683 tỷ đồng; Dự án 3: 2,1 tỷ đồng)")
    assert [c.kind for c in extract_citations(text)] == ["named"]


def test_a_plan_named_with_its_author() -> None:
    # cv-368-cv-bptt-tinh-uy-2012-scan.pdf
    c = one("Tự phê bình và phê bình theo Kế hoạch của Ban Thường vụ Tỉnh uỷ thực hiện")
    assert (c.kind, c.doc_type, c.name, c.authority) == ("named", "Kế hoạch", "Kế hoạch", "Ban Thường vụ Tỉnh ủy")


def test_a_plan_named_by_its_own_title_is_not_a_citation() -> None:
    # kh-cchc-2026.docx names itself in its body; the plan it carries out is another one
    text = ("UBND TỈNH LÂM ĐỒNG\nSố: 12/KH-UBND\nKẾ HOẠCH\nCải cách hành chính nhà nước năm 2026 tỉnh Lâm Đồng\n"
            "I. MỤC ĐÍCH\nTriển khai thực hiện hiệu quả Kế hoạch cải cách hành chính năm 2026, gắn với Kế hoạch "
            "rà soát, đánh giá thủ tục hành chính năm 2026 của tỉnh.\n")
    report = parse_text(text)
    assert (report.metadata.doc_type, report.metadata.title) == (
        "Kế hoạch", "Cải cách hành chính nhà nước năm 2026 tỉnh Lâm Đồng")
    assert [c.raw for c in report.citations if c.kind == "named"] == [
        "Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2026"]


def test_a_plan_the_title_is_about_is_not_a_citation() -> None:
    # cv-3980-c04-p6-2025-scan.pdf: its title names the programme it prepares
    text = ("BỘ CÔNG AN\nSố: 3980/C04-P6\nV/v Chuẩn bị tổ chức triển khai Chương trình phòng, chống ma túy "
            "giai đoạn 2026 - 2030\nKính gửi: UBND tỉnh Lâm Đồng\nĐể triển khai Chương trình phòng, chống ma "
            "túy giai đoạn 2026 - 2030, Cục đề nghị.\n")
    report = parse_text(text)
    assert report.metadata.title == "Chuẩn bị tổ chức triển khai Chương trình phòng, chống ma túy giai đoạn 2026 - 2030"
    assert [c.raw for c in report.citations if c.kind == "named"] == []


def test_a_plan_in_a_cited_documents_subject_is_that_documents() -> None:
    # cv-61-skh-th-2012-scan.pdf
    assert [c.kind for c in extract_citations(
        "Thực hiện Quyết định số 468/QĐ-UBND ngày 15 tháng 12 năm 2011 về việc giao chỉ tiêu Kế hoạch Phát "
        "triển kinh tế - xã hội năm 2012; Quyết định số 469/QĐ-UBND")] == ["full", "full"]


def test_a_law_a_document_amends_is_still_cited_in_it() -> None:
    # an amending law titled by the law it amends cites that law in its body
    text = ("QUỐC HỘI\nLuật số: 11/2022/QH15\nLUẬT\nSửa đổi, bổ sung một số điều của Luật Thanh tra\n"
            "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQuốc hội ban hành Luật sửa đổi, bổ "
            "sung một số điều của Luật Thanh tra số 56/2010/QH12.\nĐiều 1. Sửa đổi Điều 5 của Luật Thanh tra.\n")
    report = parse_text(text)
    assert "Luật Thanh tra" in [c.name for c in report.citations if c.kind == "named"]


def test_a_law_naming_itself_is_not_a_citation() -> None:
    # luat-56-2010-qh12-thanh-tra.doc: ``Quốc hội ban hành Luật thanh tra`` in the law itself
    text = ("QUỐC HỘI\nLuật số: 56/2010/QH12\nLUẬT\nTHANH TRA\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ "
            "nghĩa Việt Nam năm 1992;\nQuốc hội ban hành Luật thanh tra.\n")
    report = parse_text(text)
    assert [c.name for c in report.citations if c.kind == "named"] == [
        "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992"]


def test_another_bodys_plan_of_the_same_name_is_cited() -> None:
    text = ("UBND TỈNH LÂM ĐỒNG\nSố: 12/KH-UBND\nKẾ HOẠCH\nTuyên truyền, phổ biến, giáo dục pháp luật năm "
            "2026\nCăn cứ Kế hoạch tuyên truyền, phổ biến, giáo dục pháp luật năm 2026 của Bộ Tư pháp;\n")
    report = parse_text(text)
    assert [(c.raw, c.authority) for c in report.citations if c.kind == "named"] == [
        ("Kế hoạch tuyên truyền, phổ biến, giáo dục pháp luật năm 2026 của Bộ Tư pháp", "Bộ Tư pháp")]


def test_the_body_of_the_fatherland_front_is_an_author() -> None:
    # bc-quan-ly-hoi-2025.docx
    c = one("trên cơ sở chỉ đạo của Ban Thường vụ Tỉnh ủy và Đề án của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, "
            "UBND tỉnh chỉ đạo")
    assert (c.doc_type, c.authority) == ("Đề án", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")


def test_named_ordinance_in_lower_case_with_comma_pair() -> None:
    # qd-09-2010-qd-ubnd-can-tho-quy-dinh-kem-theo.doc, Điều 17
    assert one("sẽ bị xử lý theo các quy định của Pháp lệnh công chức, viên chức và các quy định pháp luật "
               "hiện hành.").name == "Pháp lệnh công chức, viên chức"


def test_named_law_with_the_pair_thi_dua_khen_thuong() -> None:
    # hd-06-hd-tw-2025.pdf
    names = [c.name for c in extract_citations(
        "ở Trung ương căn cứ Điều lệ Đảng, Quy định của Trung ương và Luật Thi đua, khen thưởng để ban hành")]
    assert names == ["Điều lệ Đảng", "Luật Thi đua, khen thưởng"]


def test_amending_law_names_the_law_it_amends() -> None:
    # qd-353-qd-ubnd-ba-ria-vung-tau-2025-cong-bao.pdf
    # (one law, Luật số 47/2019/QH14, amends both: the date is the amending law's)
    found = [(c.name, c.date and c.date.iso) for c in extract_citations(
        "Căn cứ Luật Sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
        "địa phương ngày 22 tháng 11 năm 2019;")]
    assert found == [("Luật Sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính "
                      "quyền địa phương", "2019-11-22")]
    # bc-cchc-nam-2025.docx
    assert one("ban hành Kế hoạch triển khai thi hành Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi "
               "phạm hành chính;").name == "Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính"


@pytest.mark.parametrize(("line", "symbol"), NAMED_NUMBER_EXAMPLES)
def test_law_named_before_its_number(line: str, symbol: str) -> None:
    """luat-56-2010-qh12-thanh-tra.doc, ban-tu-khai-bql-kcn-2012-tcvn3.doc: ``Luật <tên> số <ký hiệu>``."""
    [c] = [c for c in extract_citations(line) if c.kind == "full"]
    assert (c.doc_type, c.symbol, c.raw.split()[0]) == ("Luật", symbol, "Luật")


@pytest.mark.parametrize("name", AMENDING_LAW_EXAMPLES)
def test_an_amending_law_is_named_with_the_law_it_amends(name: str) -> None:
    [c] = extract_citations(f"ban hành Kế hoạch triển khai thi hành {name};")
    assert (c.kind, c.name) == ("named", name)


@pytest.mark.parametrize(("line", "doc_type"), NAMED_NUMBER_NOT_EXAMPLES)
def test_a_quoc_hoi_number_after_another_type_word_is_not_the_law_s(line: str, doc_type: str) -> None:
    assert [(c.doc_type, c.symbol) for c in extract_citations(line) if c.kind == "full" and c.doc_type != doc_type] \
        == []


def test_amending_law_mention_starts_at_the_amending_law() -> None:
    line = NAMED_NUMBER_EXAMPLES[1][0]
    [c] = extract_citations(line)
    assert (c.raw[:12], c.date and c.date.iso) == ("Luật sửa đổi", "2005-11-29")


@pytest.mark.parametrize(("line", "symbol"), NAMED_NUMBER_EXAMPLES[2:])
def test_amending_law_of_listed_laws_starts_at_the_amending_law(line: str, symbol: str) -> None:
    [c] = extract_citations(line)
    assert (c.raw[:c.raw.rindex(" số ")], c.symbol) == (line[len("Căn cứ "):line.rindex(" số ")], symbol)


@pytest.mark.parametrize(("line", "raw"), AMENDING_LAW_NUMBER_NOT_EXAMPLES)
def test_a_number_after_a_law_an_amending_law_does_not_reach_is_that_law_s(line: str, raw: str) -> None:
    assert [c.raw for c in extract_citations(line) if c.kind == "full"] == [raw]


@pytest.mark.parametrize(("line", "name"), AMENDING_LAW_NOT_EXAMPLES)
def test_an_amending_law_s_name_ends_before_what_it_does_not_amend(line: str, name: str) -> None:
    assert next(c.name for c in extract_citations(line) if c.kind == "named") == name


def test_a_law_name_before_another_body_s_number_is_no_law_citation() -> None:
    """tt-2442-2007-tt-ttcp: the Nghị định's number follows its own type word."""
    text = "theo quy định tại Điều 44 Luật Phòng, chống tham nhũng và Điều 6 Nghị định số 37/2007/NĐ-CP;"
    assert [(c.doc_type, c.symbol) for c in extract_citations(text) if c.kind == "full"] == [
        ("Nghị định", "37/2007/NĐ-CP")]


@pytest.mark.parametrize(("line", "symbol", "authority"), AUTHOR_BEFORE_NUMBER_EXAMPLES)
def test_the_issuing_body_between_the_type_word_and_the_number(line: str, symbol: str, authority: str) -> None:
    """cv-61-skh-th-2012-scan.pdf: ``Quyết định của UBND tỉnh số 468/QĐ-UBND ngày ...``."""
    [c] = extract_citations(line)
    assert (c.doc_type, c.symbol, c.authority, c.raw.split()[0]) == ("Quyết định", symbol, authority, "Quyết")


def test_a_symbol_cited_twice_gives_two_citations_of_their_own() -> None:
    # The seed cites 33/CT-TTg eleven times; its parts are read once, each citation keeps its own.
    cs = extract_citations("Chỉ thị số 33/CT-Ttg ngày 26/11/2021; thực hiện Chỉ thị số 33/CT-Ttg của Thủ tướng")
    assert [(c.symbol, c.repairs) for c in cs] == [("33/CT-TTg", ["code-case"]), ("33/CT-TTg", ["code-case"])]
    cs[0].repairs.append("extra-space")
    assert cs[1].repairs == ["code-case"]


def test_a_body_cited_again_with_the_same_words_is_read_the_same() -> None:
    # The seed: ``... của Thủ 3 tướng Chính phủ “Về tiếp tục ...`` three times, a page number in it.
    phrase = "của Thủ 3 tướng Chính phủ “Về tiếp tục tăng cường và đổi mới công tác dân vận”"
    cs = extract_citations(f"Chỉ thị số 33/CT-TTg ngày 26/11/2021 {phrase}.\nKế hoạch số 41/KH-UBND {phrase}.")
    assert [(c.symbol, c.authority) for c in cs] == [("33/CT-TTg", "Thủ tướng Chính phủ"),
                                                      ("41/KH-UBND", "Thủ tướng Chính phủ")]


@pytest.mark.parametrize(("text", "title"), [
    ("Nghị định số 184/2025/NĐ-CP ngày 01/7/2025 của Chính phủ quy định phân định thẩm quyền; và",
     " quy định phân định thẩm quyền"),
    ("Kế hoạch số 12/KH-UBND về giảm nghèo, năm 2025", " về giảm nghèo"),
    ("Công văn số 45/UBND-VX về việc báo cáo tình hình; đề nghị", " về việc báo cáo tình hình"),
    ("Công văn số 45/UBND-VX V/v báo cáo tình hình; đề nghị", " V/v báo cáo tình hình"),
    ("Thông tư số 01/2010/TT-TTCP hướng dẫn thi hành Nghị định; năm", " hướng dẫn thi hành Nghị định"),
    ("Quyết định số 12/QĐ-UBND ban hành Quy chế làm việc; và", " ban hành Quy chế làm việc"),
    ("Quyết định số 12/QĐ-TTg phê duyệt Đề án 06 đến nay đã triển khai", " phê duyệt Đề án 06"),
])
def test_each_cited_title_opener(text: str, title: str) -> None:
    assert [text[a:b] for a, b in title_spans(text, extract_citations(text))] == [title]


@pytest.mark.parametrize(("text", "doc_type", "symbol"), [
    ("vận dụng QĐ 993/QĐ-BTTTT", "Quyết định", "993/QĐ-BTTTT"),  # de-cuong (Phú Thọ 2012), a cost table's cell
    ("(Căn cứ: NĐ 22/2011/NĐ-CP )", "Nghị định", "22/2011/NĐ-CP"),  # de-cuong, Phụ lục I
    # cv-4552-bca-c04-2025-scan.pdf, the Phụ lục table's header: the code typed against the number
    ("(Điều 5- QĐ28/20025/QĐ-TTg)", "Quyết định", "28/20025/QĐ-TTg"),
])
def test_a_type_name_written_as_its_code_before_a_symbol_of_that_code(text: str, doc_type: str, symbol: str) -> None:
    [c] = parse_text(text).citations
    assert (c.doc_type, c.symbol) == (doc_type, symbol)


def test_a_code_before_a_symbol_of_another_code_is_no_type_name() -> None:
    assert parse_text("mục TT 12/QĐ-UBND").citations == []


def test_a_code_typed_against_a_symbol_of_another_code_is_no_type_name() -> None:
    assert parse_text("mục TT12/QĐ-UBND").citations == []


# The word after a symbol typed against it, its space lost, as a text copied from a PDF gives it.
@pytest.mark.parametrize(("text", "symbol", "iso"), [
    ("Căn cứ Thông báo số 70-TB/TWngày 06 tháng 01 năm 2012 của Ban Bí thư;", "70-TB/TW", "2012-01-06"),
    ("theo Quyết định số 12/QĐ-UBNDngày 3/4/2020 của UBND tỉnh", "12/QĐ-UBND", "2020-04-03"),
    ("theo Quyết định số 1234/QĐ-TTgngày 3/4/2020 của Thủ tướng Chính phủ", "1234/QĐ-TTg", "2020-04-03"),
])
def test_a_word_glued_to_a_symbol_is_no_part_of_it(text: str, symbol: str, iso: str) -> None:
    c = extract_citations(text)[0]
    assert (c.symbol, c.date and c.date.iso) == (symbol, iso)


# The Party's and the Youth Union's central secretariats, named whole (hd-btctu-ha-noi's
# ``Hướng dẫn số 06-HD/TW ngày 09/6/2025 của Ban Bí thư Trung ương về ...``).
@pytest.mark.parametrize("authority", ["Ban Bí thư Trung ương", "Ban Bí thư Trung ương Đảng",
                                       "Ban Bí thư Trung ương Đoàn", "Ban Chấp hành Trung ương Đoàn"])
def test_a_central_secretariat_is_read_whole(authority: str) -> None:
    c = extract_citations(f"Căn cứ Hướng dẫn số 06-HD/TW ngày 09/6/2025 của {authority} về một số vấn đề;")[0]
    assert c.authority == authority


@pytest.mark.parametrize(("text", "dated"), [
    # A paragraph cut after the symbol (a scan's page break, a typed line break): its date and author follow.
    ("theo Nghị định số 184/2025/NĐ-CP\nngày 01/7/2025 của Chính phủ quy định", ("2025-07-01", "Chính phủ")),
    # ``Ngày ...`` opens a sentence of its own.
    ("theo Kế hoạch số 12/KH-UBND\nNgày 15/3/2023, UBND xã tổ chức họp", (None, None)),
])
def test_a_date_on_the_next_line_in_lower_case_is_the_citation_s(text: str, dated: tuple[str | None, str | None]
                                                                ) -> None:
    (c,) = extract_citations(text)
    assert (c.date and c.date.iso, c.authority) == dated


# Where a cited document's subject ends. It stops before the next document of a list and before
# the report's own clause (bc-cchc-nam-2025.docx, ttr-3367-ttr-snv-binh-thuan-2024).
_SUBJECT_ENDS = [
    ("Phương án số 4196/PA-UBND ngày 27/9/2025 về sắp xếp tổ chức lại các đơn vị sự nghiệp tỉnh Lâm Đồng, "
     "Phương án số 7178/PA-UBND ngày 14/11/2025 về tổng thể sắp xếp",
     "sắp xếp tổ chức lại các đơn vị sự nghiệp tỉnh Lâm Đồng"),
    ("Công văn số 2575/SNV-TCCC ngày 24/9/2024 của Sở Nội vụ về báo cáo kết quả năm 2024 và Công văn số "
     "3191/SXD-VP ngày 25/10/2024 về việc chuyển ý kiến", "báo cáo kết quả năm 2024"),
    ("Nghị quyết số 02/NQ-CP ngày 08/01/2025 của Chính phủ về những nhiệm vụ, giải pháp chủ yếu cải thiện môi "
     "trường kinh doanh, nâng cao năng lực cạnh tranh quốc gia năm 2025, Ủy ban nhân dân tỉnh đã ban hành Kế "
     "hoạch số 1868/KH-UBND ngày 15/8/2025", "những nhiệm vụ, giải pháp chủ yếu cải thiện môi trường kinh doanh, "
                                             "nâng cao năng lực cạnh tranh quốc gia năm 2025"),
    ("Kế hoạch số 438/KH-UBND ngày 22/7/2025 của Ủy ban nhân dân tỉnh về tuyên truyền CCHC năm 2025, các cơ "
     "quan, đơn vị, địa phương trên địa bàn tỉnh đã xây dựng kế hoạch", "tuyên truyền CCHC năm 2025"),
    ("Công văn số 4625/BNV-CCHC ngày 02/7/2025 của Bộ Nội vụ về thực hiện chế độ báo cáo định kỳ, Ủy ban nhân "
     "dân tỉnh Lâm Đồng báo cáo kết quả thực hiện", "thực hiện chế độ báo cáo định kỳ"),
    # A document cited inside the subject keeps its own list; a list of bodies is no clause.
    ("Chương trình số 833/CTr-UBND ngày 01/3/2025 về thực hiện Nghị quyết số 01/NQ-CP và Nghị quyết số "
     "02/NQ-CP ngày 08/01/2025 của Chính phủ", "thực hiện Nghị quyết số 01/NQ-CP và Nghị quyết số 02/NQ-CP ngày "
                                               "08/01/2025 của Chính phủ"),
    ("Quyết định số 1441/QĐ-UBND ngày 12/5/2025 về công bố Danh mục TTHC thuộc thẩm quyền của các sở, ban, "
     "ngành, Ủy ban nhân dân các xã, phường trên địa bàn tỉnh",
     "công bố Danh mục TTHC thuộc thẩm quyền của các sở, ban, ngành, Ủy ban nhân dân các xã, phường trên địa bàn tỉnh"),
    # ... but not at a common word that only looks like a body (``xã hội``, ``ban hành``, ``sở hữu``),
    # nor before a document listed after a law the subject names.
    ("Nghị quyết số 20/NQ-HĐND ngày 10/12/2023 của HĐND tỉnh về nhiệm vụ phát triển kinh tế, xã hội năm 2024, "
     "UBND huyện đã ban hành kế hoạch.", "nhiệm vụ phát triển kinh tế, xã hội năm 2024"),
    ("Quyết định số 5/QĐ-UBND về sửa đổi, ban hành quy chế phối hợp, các cơ quan đã thực hiện.",
     "sửa đổi, ban hành quy chế phối hợp"),
    ("Công văn số 9/STTTT về bảo hộ quyền tác giả, sở hữu trí tuệ trên môi trường mạng.",
     "bảo hộ quyền tác giả, sở hữu trí tuệ trên môi trường mạng"),
    ("Công văn số 123/UBND-VP ngày 2/1/2024 về việc triển khai thi hành Luật Phòng, chống tham nhũng và Nghị "
     "định số 59/2019/NĐ-CP ngày 1/7/2019.",
     "triển khai thi hành Luật Phòng, chống tham nhũng và Nghị định số 59/2019/NĐ-CP ngày 1/7/2019"),
    # It reads past a name quoted inside it (qd-93-2007-qd-ttg-mot-cua.doc) and stops at a colon
    # (tb-ubnd-binh-thuan-giai-the-06-hoi-2024: the chairman's clause after it).
    ("Quyết định số 93/2007/QĐ-TTg ngày 22/6/2007 của Thủ tướng Chính phủ về việc ban hành Quy chế thực hiện cơ chế "
     "“một cửa” tại cơ quan hành chính nhà nước ở địa phương;",
     "ban hành Quy chế thực hiện cơ chế “một cửa” tại cơ quan hành chính nhà nước ở địa phương"),
    ("Tờ trình số 3367/TTr-SNV ngày 1/11/2024 của Sở Nội vụ về việc giải thể 06 hội, Chủ tịch Ủy ban nhân dân tỉnh "
     "có ý kiến như sau:", "giải thể 06 hội"),
    ("Công văn số 5/UBND ngày 2/1/2024 về việc rà soát biên chế, Công an tỉnh báo cáo như sau:", "rà soát biên chế"),
    ("Công văn số 1843/SNV-TCBC ngày 2/10/2025 về việc xin ý kiến hướng dẫn về công tác hội như sau:",
     "xin ý kiến hướng dẫn về công tác hội"),
    # Not its paragraph's last period (bc-cchc-nam-2025.docx), nor a table cell after it (kh-cchc-2026.docx,
    # read as text); an ellipsis stays whole.
    ("Kế hoạch số 2291/KH-UBND ngày 17/4/2025 về ngầm hóa và chỉnh trang hệ thống cấp viễn thông.\nTrong năm",
     "ngầm hóa và chỉnh trang hệ thống cấp viễn thông"),
    ("Phương án số 7178/PA-UBND ngày 14/11/2025 về phương án tổng thể sắp xếp.\tKết quả sắp xếp\tTheo các mốc",
     "phương án tổng thể sắp xếp"),
    ("Công văn số 8391/UBND-HCC về thực hiện TTHC không phụ thuộc vào địa giới hành chính trên địa bàn tỉnh,...\nCó",
     "thực hiện TTHC không phụ thuộc vào địa giới hành chính trên địa bàn tỉnh,..."),
    # A name in straight quotes and a short note in brackets inside it (bc-cchc-nam-2025.docx).
    ('Kế hoạch số 1410/KH-UBND ngày 01/3/2025 về triển khai thực hiện Phong trào "Bình dân học vụ số" trên địa bàn '
     'tỉnh Lâm Đồng; tiếp', 'triển khai thực hiện Phong trào "Bình dân học vụ số" trên địa bàn tỉnh Lâm Đồng'),
    ("Nghị quyết số 21/NQ-HĐND ngày 10/7/2025 về cho áp dụng và bãi bỏ các văn bản do Hội đồng nhân dân tỉnh Bình "
     "Thuận, Đắk Nông, Lâm Đồng (cũ) đã ban hành trước sáp nhập tỉnh; tiếp",
     "cho áp dụng và bãi bỏ các văn bản do Hội đồng nhân dân tỉnh Bình Thuận, Đắk Nông, Lâm Đồng (cũ) đã ban hành "
     "trước sáp nhập tỉnh"),
    # After what the document does (qd-kien-toan-doi-ucsc.docx); not past a comma the report's sentence goes
    # on after (ttr-3367-ttr-snv-binh-thuan-2024.pdf, ban-tu-khai-bql-kcn-2012-tcvn3.doc).
    ("Thông tư số 20/2017/TT-BTTTT ngày 12/9/2017 của Bộ trưởng Bộ Thông tin và Truyền thông quy định về điều "
     "phối, ứng cứu sự cố an toàn thông tin mạng trên toàn quốc;",
     "điều phối, ứng cứu sự cố an toàn thông tin mạng trên toàn quốc"),
    ("Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ quy định về tổ chức, hoạt động và quản lý hội, có "
     "hiệu lực thi hành từ 26/11/2024, thay thế Nghị định số 45/25010/NĐ-CP", "tổ chức, hoạt động và quản lý hội"),
    ("Ban đã có công văn số 116/KCN-ĐT về việc chậm tiến độ thực hiện dự án đầu tư trong KCN Đình Trám, trong đó "
     "có nêu: Tiến độ", "chậm tiến độ thực hiện dự án đầu tư trong KCN Đình Trám"),
    # ... but ``thay thế`` in a title is the title's
    ("Quyết định số 12/2024/QĐ-UBND về việc bãi bỏ, thay thế một số quyết định của UBND tỉnh.",
     "bãi bỏ, thay thế một số quyết định của UBND tỉnh"),
    # A trích yếu longer than 300 characters (qd-353-qd-ubnd-ba-ria-vung-tau-2025-cong-bao.pdf, Điều 3)
    ("Quyết định số 1672/QĐ-UBND ngày 27 tháng 6 năm 2024 của Chủ tịch Ủy ban nhân dân tỉnh về việc công bố Danh "
     "mục thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực hộ tịch thuộc thẩm quyền giải quyết của Sở Tư "
     "pháp tỉnh Bà Rịa - Vũng Tàu và Quyết định số 3338/QĐ-UBND ngày 22 tháng 11 năm 2023 của Chủ tịch Ủy ban nhân "
     "dân tỉnh về việc công bố danh mục thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực hộ tịch thuộc thẩm "
     "quyền giải quyết của Sở Tư pháp tỉnh Bà Rịa - Vũng Tàu hết hiệu lực thi hành.",
     "công bố Danh mục thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực hộ tịch thuộc thẩm quyền giải quyết "
     "của Sở Tư pháp tỉnh Bà Rịa - Vũng Tàu"),
]


def test_a_law_has_no_subject() -> None:
    # nd-86-2011-nd-cp-thanh-tra.doc: which of the law's articles, not what the law is about
    [law] = extract_citations("hướng dẫn thi hành một số điều của Luật Thanh tra về nguyên tắc hoạt động thanh tra; "
                              "nhiệm vụ")
    assert (law.name, law.subject) == ("Luật Thanh tra", None)


@pytest.mark.parametrize(("text", "subject"), _SUBJECT_ENDS)
def test_where_a_subject_ends(text: str, subject: str) -> None:
    assert extract_citations(text)[0].subject == subject


@pytest.mark.parametrize(("text", "dates"), [
    ("Thực hiện Kế hoạch số 45/KH-UBND ngày 02/3/2024 và Kế hoạch số 46/KH-UBND cùng ngày của UBND huyện",
     ["2024-03-02", "2024-03-02"]),
    ("Công văn số 123/UBND-VP ngày 2/1/2024 về việc tổ chức Tết; Công văn số 124/UBND-VP cùng ngày về việc thăm hỏi",
     ["2024-01-02", "2024-01-02"]),
    ("Kế hoạch số 46/KH-UBND cùng ngày", [None]),  # no document dated before it
    # Not across a sentence, nor after a comma (another clause's ``cùng ngày``).
    ("Căn cứ Quyết định số 100/QĐ-UBND ngày 02/3/2024 của UBND tỉnh. Ngày 20/5/2024, UBND huyện ban hành Kế "
     "hoạch số 46/KH-UBND, cùng ngày ban hành Công văn số 47/UBND-VP.", ["2024-03-02", None, None]),
])
def test_a_document_dated_the_same_day_takes_the_date_of_the_one_before(text: str, dates: list[str | None]) -> None:
    assert [c.date.iso if c.date else None for c in extract_citations(text)] == dates


# A law's name with ``và`` inside it (qd-09-2010-qd-ubnd-can-tho.doc, tt-01-2011, qd-1462 scan), and
# ``và`` before the next thing cited or done.
@pytest.mark.parametrize(("text", "raws"), [
    ("Căn cứ Luật Khoa học và Công nghệ ngày 09 tháng 6 năm 2000;",
     ["Luật Khoa học và Công nghệ ngày 09 tháng 6 năm 2000"]),
    ("Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;",
     ["Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003"]),
    ("theo Luật Bảo vệ và phát triển rừng", ["Luật Bảo vệ và phát triển rừng"]),
    ("theo Luật Tiêu chuẩn và Quy chuẩn kỹ thuật", ["Luật Tiêu chuẩn và Quy chuẩn kỹ thuật"]),
    ("Căn cứ Luật Đất đai và Nghị định số 43/2014/NĐ-CP", ["Luật Đất đai", "Nghị định số 43/2014/NĐ-CP"]),
    ("theo Luật Đất đai và các văn bản hướng dẫn", ["Luật Đất đai"]),
    ("theo Luật Đất đai và quy định của tỉnh", ["Luật Đất đai"]),
    ("theo Luật Đất đai và Ủy ban nhân dân tỉnh đã chỉ đạo", ["Luật Đất đai"]),
    ("Luật Phòng, chống tham nhũng và Điều 44 của Nghị định", ["Luật Phòng, chống tham nhũng"]),
])
def test_a_law_s_name_goes_on_over_its_own_va(text: str, raws: list[str]) -> None:
    assert [c.raw for c in extract_citations(text)] == raws


@pytest.mark.parametrize(("text", "authority"), [
    # tt-01-2010-tt-ttcp (title), cv-ubnd-nc-giao-cv-4552 (header cell): ``của`` opens the next line.
    ("Nghị định số 37/2007/NĐ-CP ngày 09 tháng 3 năm 2007\ncủa Chính phủ về Minh bạch tài sản, thu nhập", "Chính phủ"),
    ("V/v triển khai Công văn số 4552/BCA-C04\ncủa Bộ Công an", "Bộ Công an"),
])
def test_the_authority_on_the_next_line(text: str, authority: str) -> None:
    assert extract_citations(text)[0].authority == authority


@pytest.mark.parametrize(("text", "raw"), [
    # The lower-case ``luật`` of ``pháp luật`` ends the law's own name, not another document's type.
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 ngày 22/6/2015;",
     "Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13 ngày 22/6/2015"),
    ("Căn cứ Luật Phổ biến, giáo dục pháp luật số 14/2012/QH13 ngày 20/6/2012;",
     "Luật Phổ biến, giáo dục pháp luật số 14/2012/QH13 ngày 20/6/2012"),
])
def test_a_law_whose_name_ends_in_phap_luat_keeps_its_number(text: str, raw: str) -> None:
    assert [c.raw for c in extract_citations(text)] == [raw]
