"""Several documents in one file: the first is the report, the others its attachments."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnreport_extract import parse_file, parse_text

ARCHIVES = Path(__file__).resolve().parent.parent / "fixtures" / "archives"

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


COVER_LETTER = """SỞ THÔNG TIN VÀ TRUYỀN THÔNG
Số: 666/TB-STTTT
Bến Tre, ngày 14 tháng 12 năm 2011
THÔNG BÁO
Về việc giới thiệu chức danh và chữ ký
Sở Thông tin và Truyền thông xin trân trọng thông báo.
Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐỐC
Trần Văn Thanh
ỦY BAN NHÂN DÂN
TỈNH BẮC GIANG
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1462/QĐ-UBND
Bắc Giang, ngày 18 tháng 10 năm 2012
QUYẾT ĐỊNH
Về việc bổ sung thành viên Hội đồng
Điều 1. Bổ sung ông Nguyễn Cường.
"""


def test_letter_without_quoc_hieu_ends_at_its_signature() -> None:
    r = parse_text(COVER_LETTER)
    assert (r.metadata.number and r.metadata.number.symbol,
            [a.metadata.number and a.metadata.number.symbol for a in r.attachments]) == (
        "666/TB-STTTT", ["1462/QĐ-UBND"])


def test_unfinished_text_before_the_quoc_hieu_is_not_a_document() -> None:
    # Issuer lines and a received stamp above the Quốc hiệu: no Nơi nhận, no signature.
    text = "CÔNG VĂN ĐẾN\nSố: 25 Ngày 20/10\n" + COVER_LETTER.split("GIÁM ĐỐC\nTrần Văn Thanh\n")[1]
    assert parse_text(text).attachments == []


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_scanned_letter_with_its_quoc_hieu_cut_off_is_split(tmp_path: Path) -> None:
    # Two real scans in one file: the Bến Tre Thông báo with the top of its page (the issuer's
    # first line and the Quốc hiệu) cut off, then the Bắc Giang Quyết định.
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    from PIL import ImageDraw

    pages = []
    for name, cut in (("qlvb-quanhuyen-2011/tb-666-tb-stttt-ben-tre-2011-scan.pdf", 0.02),
                      ("bac-giang-2012/qd-1462-qd-ubnd-2012-scan.pdf", 0.0)):
        image = pdfium.PdfDocument(ARCHIVES / name)[0].render(scale=200 / 72, grayscale=True).to_pil()
        ImageDraw.Draw(image).rectangle((0, 0, image.width, int(cut * image.height)), fill=255)
        pages.append(image)
    path = tmp_path / "two-letters-scan.pdf"
    pages[0].save(path, save_all=True, append_images=pages[1:], resolution=200)
    r = parse_file(path)
    assert (r.metadata.doc_type, [a.metadata.doc_type for a in r.attachments]) == ("Thông báo", ["Quyết định"])


LETTER_AND_REPORT = """BAN QUẢN LÝ CÁC KCN
Số: 404/KCN-VT
V/v thực hiện giải ngân vốn đầu tư
Bắc Giang, ngày 14 tháng 11 năm 2012
Kính gửi: Ủy ban nhân dân tỉnh Bắc Giang.
Ban quản lý các KCN báo cáo tiến độ giải ngân (chi tiết theo biểu đính kèm)./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. TRƯỞNG BAN
PHÓ TRƯỞNG BAN
Nguyễn Văn A
BÁO CÁO
KẾT QUẢ THỰC HIỆN KẾ HOẠCH VỐN ĐẦU TƯ XDCB 10 THÁNG VÀ ƯỚC CẢ NĂM 2012
Dự án đường ngoài KCN Quang Châu: 29.068.959 nghìn đồng.
"""


def test_report_sent_after_a_signed_letter_is_an_attachment() -> None:
    r = parse_text(LETTER_AND_REPORT)
    assert (r.metadata.doc_type, [a.metadata.doc_type for a in r.attachments]) == ("Công văn", ["Báo cáo"])


DECISION_AND_ITS_COPY_SHEET = """BỘ TÀI CHÍNH
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 126/QĐ-BTC
Hà Nội, ngày 18 tháng 01 năm 2010
QUYẾT ĐỊNH
Về việc giao bổ sung kinh phí thực hiện Chương trình phát triển công nghiệp phần mềm
Điều 1. Bổ sung dự toán năm 2010 cho mỗi tỉnh, thành phố 130 triệu đồng.
Nơi nhận:
- Như Điều 1;
- Lưu: VT, Vụ NSNN.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Công Nghiệp
UBND TỈNH BẮC GIANG SAO LỤC
VĂN PHÒNG
Số: 32 /SL-VP Bắc Giang, ngày 03 tháng 02 năm 2010
Nơi nhận:
- Chủ tịch, các PCT UBND tỉnh;
KT. CHÁNH VĂN PHÒNG
PHÓ VĂN PHÒNG
"""  # qd-126 as read from its scan: page 2 is the copy's own sheet (bản sao lục) with its number


def test_copy_sheet_after_the_signature_is_an_attachment() -> None:
    r = parse_text(DECISION_AND_ITS_COPY_SHEET)
    assert (r.metadata.signer.position if r.metadata.signer else None,
            [(a.metadata.number.symbol if a.metadata.number else None) for a in r.attachments]) == (
        "Thứ trưởng", ["32/SL-VP"])


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_scanned_copy_sheet_is_an_attachment_with_its_own_header() -> None:
    # qd-126, page 2: UBND TỈNH BẮC GIANG / VĂN PHÒNG / Số: 32 /SL-VP | SAO LỤC / Bắc Giang, ngày 03 ...
    r = parse_file(ARCHIVES / "bac-giang-2012" / "qd-126-qd-btc-2010-scan.pdf")
    [sheet] = r.attachments
    m = sheet.metadata
    assert (m.issuer, m.parent_issuer, m.place, m.recipients[0] if m.recipients else None) == (
        "VĂN PHÒNG", "UBND TỈNH BẮC GIANG", "Bắc Giang", "Chủ tịch, các PCT UBND tỉnh")


def test_copy_sheet_laid_out_in_two_columns_after_the_signature_is_a_document_of_its_own() -> None:
    # qd-126 as the OCR reader lays out its copy sheet: the header as a two-column layout block.
    from vnreport_extract.document import Block, SourceDocument
    from vnreport_extract.models import Source
    from vnreport_extract.split import split_documents

    blocks = [Block("paragraph", "BỘ TÀI CHÍNH"), Block("paragraph", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
              Block("paragraph", "Điều 1. Bổ sung dự toán năm 2010."), Block("paragraph", "Nơi nhận:"),
              Block("paragraph", "KT. BỘ TRƯỞNG"), Block("paragraph", "Nguyễn Công Nghiệp"),
              Block("layout", rows=[["UBND TỈNH BẮC GIANG\nVĂN PHÒNG\nSố: 32 /SL-VP",
                                     "SAO LỤC\nBắc Giang, ngày 03 tháng 02 năm 2010"]]),
              Block("paragraph", "Nơi nhận:")]
    parts = split_documents(SourceDocument(blocks, Source(format="pdf")))
    assert [p.blocks[0].kind for p in parts] == ["paragraph", "layout"]


def test_type_name_far_from_a_signature_starts_nothing() -> None:
    text = LETTER_AND_REPORT.replace("Nguyễn Văn A\n", "Nguyễn Văn A\n" + "Đoạn văn tiếp theo của công văn.\n" * 8)
    assert parse_text(text).attachments == []


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_scanned_letter_with_its_sideways_report_table() -> None:
    # Bắc Giang 2012: page 2, scanned sideways, is the Báo cáo the letter sends, with no header.
    r = parse_file(ARCHIVES / "bac-giang-2012" / "cv-404-kcn-vt-2012-scan.pdf")
    assert ([(a.metadata.doc_type, len(a.tables)) for a in r.attachments], r.metadata.doc_type) == (
        [("Báo cáo", 1)], "Công văn")


# tt-01-2011-tt-bnv-the-thuc-van-ban.doc: a Thông tư on thể thức shows the Quốc hiệu's two lines
# as an example in its Điều 6, with no other header line under them.
FORMAT_CIRCULAR = """BỘ NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 01/2011/TT-BNV
Hà Nội, ngày 19 tháng 01 năm 2011
THÔNG TƯ
Hướng dẫn thể thức và kỹ thuật trình bày văn bản hành chính
Điều 6. Quốc hiệu
1. Thể thức
Quốc hiệu ghi trên văn bản bao gồm 2 dòng chữ: “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” và “Độc lập - Tự do - Hạnh phúc”.
2. Kỹ thuật trình bày
Quốc hiệu được trình bày tại ô số 1; chiếm khoảng 1/2 trang giấy theo chiều ngang, ở phía trên, bên phải.
Dòng thứ nhất: “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” được trình bày bằng chữ in hoa, cỡ chữ từ 12 đến 13;
Dòng thứ hai: “Độc lập - Tự do - Hạnh phúc” được trình bày bằng chữ in thường, cỡ chữ từ 13 đến 14, kiểu chữ đứng, đậm.
Phía dưới có đường kẻ ngang, nét liền (sử dụng lệnh Draw, không dùng lệnh Underline), cụ thể:
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hai dòng chữ trên được trình bày cách nhau dòng đơn.
Điều 7. Tên cơ quan, tổ chức ban hành văn bản
1. Thể thức
Đối với các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ; Văn phòng Quốc hội không ghi cơ quan chủ quản.
Điều 8. Số, ký hiệu của văn bản
Điều 9. Địa danh và ngày, tháng, năm ban hành văn bản
BỘ TRƯỞNG
(Đã ký)
Trần Văn Tuấn
"""


def test_quoc_hieu_quoted_in_the_text_is_not_a_new_document() -> None:
    r = parse_text(FORMAT_CIRCULAR)
    assert (r.attachments, [s.number for s in r.sections]) == ([], ["Điều 6", "Điều 7", "Điều 8", "Điều 9"])


def test_quoc_hieu_with_a_header_after_an_unfinished_document_still_starts_one() -> None:
    # kh-nhiem-vu-khao-sat-qlvbdh-phu-tho-2012.doc: the draft Quyết định approving the Kế hoạch
    # follows it without a signature between them.
    text = FORMAT_CIRCULAR.split("BỘ TRƯỞNG\n")[0] + (
        "SỞ TTTT TỈNH PHÚ THỌ\nTRUNG TÂM CNTT TÂY BẮC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nQUYẾT ĐỊNH\nVề việc phê duyệt Kế hoạch, nhiệm vụ khảo sát\n")
    assert [a.metadata.doc_type for a in parse_text(text).attachments] == ["Quyết định"]


@pytest.mark.slow
@pytest.mark.needs_libreoffice
def test_format_circular_doc_is_one_document_with_all_its_text() -> None:
    r = parse_file(ARCHIVES / "qlvb-quanhuyen-2011" / "tt-01-2011-tt-bnv-the-thuc-van-ban.doc")
    articles = [s.number for chapter in r.sections for s in chapter.children]
    assert (r.attachments, len(r.sections), articles[-1], r.metadata.signer and r.metadata.signer.name) == \
        ([], 4, "Điều 19", "Trần Văn Tuấn")
    assert len(r.text) > 34_000


@pytest.mark.parametrize("line", ["TM. ỦY BAN NHÂN DÂN", "Nơi nhận:", "ŢM. ỦY BAN NHÂN DÂN"])
def test_a_signing_or_recipients_line_finishes_a_document(line: str) -> None:
    # The last: a T read with a cedilla, which folds to t as the header rules read it.
    from vnreport_extract.document import Block
    from vnreport_extract.split import _finished

    assert _finished([Block("paragraph", line)])


def test_a_report_and_its_attachments_carry_the_ids_the_tables_name_them_by(tmp_path: Path) -> None:
    import hashlib

    from vnreport_extract.batch import report_rows

    path = tmp_path / "qd-353.txt"
    path.write_text(DECISION, encoding="utf-8")
    report = parse_file(path)
    rid = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    assert (report.report_id, [a.report_id for a in report.attachments]) == (rid, [f"{rid}-1"])
    assert [r["report_id"] for r in report_rows(report)["reports"]] == [rid, f"{rid}-1"]
    # A text given to parse_text: the id of the text, as the tables made it.
    assert parse_text(DECISION).report_id == hashlib.sha256(parse_text(DECISION).text.encode()).hexdigest()[:16]


def test_a_report_stored_before_ids_gets_its_attachments_numbered(tmp_path: Path) -> None:
    from vnreport_extract import Report

    report = parse_text(DECISION)
    stored = report.model_dump(mode="json")
    stored.pop("report_id")
    for attachment in stored["attachments"]:
        attachment.pop("report_id")
    loaded = Report.model_validate(stored)
    assert (loaded.report_id, [a.report_id for a in loaded.attachments]) == (
        report.report_id, [f"{report.report_id}-1"])
