"""Several documents in one file: the first is the report, the others its attachments."""

from __future__ import annotations

from vnreport_extract import parse_text

DECISION = """ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 353/QĐ-UBND
Bà Rịa - Vũng Tàu, ngày 17 tháng 02 năm 2025
QUYẾT ĐỊNH
Về việc công bố Danh mục thủ tục hành chính
Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ;
QUYẾT ĐỊNH:
Điều 1. Công bố kèm theo Quyết định này Danh mục 02 thủ tục hành chính.
Điều 2. Tổ chức thực hiện.
Điều 3. Hiệu lực thi hành.
Điều 4. Trách nhiệm thi hành.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đặng Minh Thông
DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỔI, BỔ SUNG TRONG LĨNH VỰC HỘ TỊCH
TỈNH BÀ RỊA - VŨNG TÀU
(Ban hành kèm theo Quyết định số 353/QĐ-UBND ngày 17 tháng 02 năm 2025 của Chủ tịch UBND tỉnh)
1. Đăng ký khai sinh theo Thông tư số 04/2020/TT-BTP ngày 28/5/2020.
"""


def test_issued_with_document_without_quoc_hieu_is_an_attachment() -> None:
    """qd-353 (Công báo BR-VT): the Danh mục issued with the decision follows its signature."""
    report = parse_text(DECISION)
    assert len(report.attachments) == 1
    assert report.attachments[0].text.startswith("DANH MỤC THỦ TỤC HÀNH CHÍNH")
    assert report.metadata.signer is not None and report.metadata.signer.name == "Đặng Minh Thông"


def test_reference_to_the_files_own_document_is_not_a_citation() -> None:
    report = parse_text(DECISION)
    symbols = [c.symbol for r in (report, *report.attachments) for c in r.citations]
    assert symbols == ["63/2010/NĐ-CP", "04/2020/TT-BTP"]
