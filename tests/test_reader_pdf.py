"""The PDF reader (readers/pdf.py, readers/pdf_layout.py).

Real PDFs of the development corpus (copies in fixtures/real-pdf, see
fixtures/PROVENANCE-real-pdf.md) for what they show; small PDFs written byte by byte
here for the variants the corpus lacks (fake bold, a detached accent, a TCVN3 font,
running headers, encryption, no pages, a self-drawing form) and for a mixed PDF (a
text page and a scanned page). The OCR tests come last: they run Tesseract (about
15 s together). The whole file takes about a minute, most of it pdfminer reading the
35-page report once.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from scoring import agreement, load_gold, score
from vnreport_extract import ParseOptions, parse_file
from vnreport_extract.document import Block, SourceDocument
from vnreport_extract.errors import CorruptFileError, InputError
from vnreport_extract.legacy import unreadable, unreadable_share
from vnreport_extract.models import PartError, Report
from vnreport_extract.pipeline import build_report
from vnreport_extract.readers.pdf import _quiet_pdfminer, read_pdf
from vnreport_extract.readers.pdf_layout import (
    Glyph,
    Line,
    Word,
    build_line,
    column_divider,
    continue_signature,
    footnote_paragraphs,
    header_zone,
    signature_zone,
    split_footnotes,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REAL = FIXTURES / "real-pdf"
CCHC_PDF = REAL / "bc-cchc-nam-2025.signed.pdf"
MOHINH_PDF = REAL / "bc-mo-hinh-thi-diem-cchc.pdf"
SCAN_PDF = REAL / "bcdx-03-scan.pdf"


# ---------------------------------------------------------------------------------------------
# The real PDFs, read once per module


@pytest.fixture(scope="module")
def cchc() -> SourceDocument:
    return read_pdf(CCHC_PDF)


@pytest.fixture(scope="module")
def cchc_report(cchc: SourceDocument) -> Report:
    return build_report(cchc)


@pytest.fixture(scope="module")
def mohinh() -> SourceDocument:
    return read_pdf(MOHINH_PDF)


@pytest.fixture(scope="module")
def mohinh_report(mohinh: SourceDocument) -> Report:
    return build_report(mohinh)


def _kind(doc: SourceDocument, kind: str) -> list[Block]:
    return [b for b in doc.blocks if b.kind == kind]


def _paragraphs(doc: SourceDocument) -> list[str]:
    return [b.text for b in _kind(doc, "paragraph")]


@pytest.mark.slow
def test_every_page_is_read(cchc: SourceDocument, mohinh: SourceDocument) -> None:
    assert (cchc.source.format, cchc.source.pages, cchc.source.ocr) == ("pdf", 35, False)
    assert (mohinh.source.format, mohinh.source.pages, mohinh.source.ocr) == ("pdf", 8, False)
    # Pages 26, 29, 31 and 35 hold only the continuation of a table begun on the page before.
    assert set(range(1, 36)) - {b.page for b in cchc.blocks} == {26, 29, 31, 35}


def test_header_block_is_laid_out_by_column(cchc: SourceDocument) -> None:
    first = cchc.blocks[0]
    assert (first.kind, first.page) == ("layout", 1)
    assert first.rows == [["ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG",
                           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
                          ["Số: 329 /BC-UBND", "Lâm Đồng, ngày 19 tháng 12 năm 2025"]]


def test_number_and_day_stamped_into_form_fields(mohinh: SourceDocument) -> None:
    """``181`` and ``05`` live in signature-field appearances, not in the page text."""
    assert mohinh.blocks[0].rows == [["UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ",
                                      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
                                     ["Số: 181 /BC-SNV", "Lâm Đồng, ngày 05 tháng 11 năm 2025"]]


def test_signature_block_left_column_then_right(cchc: SourceDocument, mohinh: SourceDocument) -> None:
    last = [b for b in _kind(cchc, "layout") if b.page == 24]
    assert last[0].rows == [[
        "Nơi nhận:\n- Bộ Nội vụ;\n- Thường trực Tỉnh ủy;\n- Thường trực HĐND tỉnh;\n"
        "- Chủ tịch, PCT UBND tỉnh (Đ/c Phúc);\n- Các sở, ban, ngành tỉnh;\n- UBND các xã, phường, đặc khu;\n"
        "- Chánh, các PCVP UBND tỉnh;\n- Lưu: VT, NC.Châu",
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Ngọc Phúc"]]
    assert _kind(mohinh, "layout")[-1].rows[0][1] == "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Hữu Tuấn"


def test_metadata_of_the_signed_report(cchc_report: Report) -> None:
    m = cchc_report.metadata
    assert (m.issuer, m.number.symbol if m.number else None, m.date.iso if m.date else None, m.doc_type) == \
        ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "329/BC-UBND", "2025-12-19", "Báo cáo")
    assert m.signer is not None
    assert (m.signer.authority, m.signer.position, m.signer.name) == ("KT.", "Phó Chủ tịch", "Nguyễn Ngọc Phúc")


def test_metadata_of_the_department_report(mohinh_report: Report) -> None:
    m = mohinh_report.metadata
    assert (m.parent_issuer, m.issuer, m.number.symbol if m.number else None, m.date.iso if m.date else None,
            m.doc_type) == ("UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ", "181/BC-SNV", "2025-11-05", "Báo cáo")
    assert m.signer is not None
    assert (m.signer.authority, m.signer.position, m.signer.name) == ("KT.", "Phó Giám đốc", "Trần Hữu Tuấn")


def test_page_numbers_removed_and_recorded(mohinh: SourceDocument) -> None:
    furniture = [m for code, m in mohinh.warnings if code == "page-furniture"]
    assert furniture == [f"p.{n}: '{n}'" for n in range(2, 9)]
    assert not any(t.strip().isdigit() for t in _paragraphs(mohinh))


def test_title_lines_joined(mohinh: SourceDocument) -> None:
    assert _paragraphs(mohinh)[1] == (
        "Tổng kết thực hiện Quyết định số 787/QĐ-UBND ngày 21/8/2025 của Chủ tịch Ủy ban nhân dân tỉnh về việc "
        "thí điểm các mô hình, sáng kiến cải cách hành chính nhằm nâng cao sự hài lòng của người dân đối với sự "
        "phục vụ của cơ quan hành chính nhà nước trên địa bàn tỉnh Lâm Đồng")


def test_wrapped_heading_is_one_paragraph(cchc: SourceDocument) -> None:
    assert "1. Đánh giá về các hoạt động chỉ đạo, điều hành nổi bật của lãnh đạo Tỉnh ủy, Ủy ban nhân dân tỉnh " \
           "đối với công tác CCHC" in _paragraphs(cchc)


def test_paragraph_continued_on_next_page(mohinh: SourceDocument) -> None:
    para = next(b for b in _kind(mohinh, "paragraph") if b.text.startswith("Để tạo thuận lợi"))
    assert para.page == 1
    assert "Quyết định số 787/QĐ-UBND của cơ quan, đơn vị, địa phương, trong đó, đối với mỗi mô hình" in para.text


def test_superscript_footnote_references_dropped(mohinh: SourceDocument, cchc: SourceDocument) -> None:
    text = "\n".join(_paragraphs(mohinh))
    assert "thí điểm 05 mô hình, sáng kiến tại Trung tâm" in text
    assert "trọng tâm là cải cách thủ tục hành chính phù hợp" in text
    assert "triển khai các nhiệm vụ CCHC trên địa bàn tỉnh." in "\n".join(_paragraphs(cchc))


def test_condensed_line_keeps_its_spaces(cchc: SourceDocument) -> None:
    assert "b) Tổng hợp, cập nhật số lượng TTHC thuộc thẩm quyền giải quyết của địa phương" in _paragraphs(cchc)


def test_footnotes_kept_apart(mohinh: SourceDocument) -> None:
    notes = _kind(mohinh, "footnote")
    assert [b.page for b in notes] == [1, 2, 6, 7, 7, 8]
    assert notes[1].text.startswith("Công văn số 1097/SKHCN-CĐS ngày 16/9/2025 của Sở Khoa học và Công nghệ")
    assert not any("1097/SKHCN" in t for t in _paragraphs(mohinh))


def test_footnote_continued_on_next_page(cchc: SourceDocument) -> None:
    """Footnote 2 starts on page 2 and ends under the separator of page 3."""
    note = next(b for b in _kind(cchc, "footnote") if "3779/UBND-HCC" in b.text)
    assert note.page == 2
    assert note.text.endswith("Công văn số 8391/UBND-HCC ngày 03/12/2025 về việc thực hiện TTHC không phụ thuộc "
                              "vào địa giới hành chính trên địa bàn tỉnh,...")
    assert not any(b.page == 3 for b in _kind(cchc, "footnote"))


def test_symbol_broken_at_its_hyphen_is_joined(cchc: SourceDocument) -> None:
    notes = "\n".join(b.text for b in _kind(cchc, "footnote"))
    assert "Quyết định số 117/QĐ-UBND ngày 17/01/2025" in notes
    assert "Thông tư số 03/2025/TT-VPCP ngày 15/9/2025" in notes


def test_tables_as_cells_continuations_joined(mohinh: SourceDocument) -> None:
    tables = _kind(mohinh, "table")
    assert [(b.page, len(b.rows)) for b in tables] == [(3, 3), (4, 4), (4, 4), (5, 3)]
    # page 3 → 4: the repeated header row dropped
    assert tables[0].rows[2] == ["2", "Xác nhận tiếp tục sử dụng đất nông nghiệp (Mã TTHC: 1.013947)",
                                 "1.732/2.090 (82,9%)"]
    # page 4 → 5: the row cut by the page break joined again
    assert tables[2].rows[2][1] == ("Xóa đăng ký biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với "
                                    "đất (mã TTHC: 1.011443)")
    assert tables[3].rows[0] == ["TT", "Địa phương", "Lĩnh vực",
                                 "Số lượng hồ sơ hỗ trợ/Tổng hồ sơ trực tuyến/Tổng số hồ sơ"]


def test_table_text_not_repeated_as_paragraphs(mohinh: SourceDocument) -> None:
    text = "\n".join(_paragraphs(mohinh))
    assert "862/1.266" not in text and "Xã Hàm Liêm" not in text


def test_appendix_tables_across_landscape_pages(cchc: SourceDocument) -> None:
    """Biểu mẫu 1-7: each a table, page 26 joined to 25 and page 35 (placed elsewhere) to 34."""
    tables = _kind(cchc, "table")
    assert [b.page for b in tables] == [25, 27, 28, 30, 32, 33, 34]
    assert tables[0].rows[1] == ["STT", "Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)",
                                 "Đơn vị tính", "Số liệu", "Ghi chú"]
    assert tables[-1].rows[-1][0] == "4.5.2."
    # the second header row, repeated on page 35 with its merged cells once, is not data
    assert next(r for r in tables[-1].rows if r[0] == "4.2.1.")[2:4] == ["Thủ tục", "599"]


def test_white_frames_are_not_tables(cchc: SourceDocument) -> None:
    """Pages 5-24 are drawn inside white rectangles and lines: no table comes out of them."""
    assert not any(b.page is not None and b.page <= 24 for b in _kind(cchc, "table"))


def test_citations_of_the_docx_found_in_the_signed_pdf(cchc_report: Report) -> None:
    docx = parse_file(FIXTURES / "real" / "bc-cchc-nam-2025.docx").model_dump(mode="json")
    result = agreement(docx, cchc_report.model_dump(mode="json"))
    assert result["citations"]["r"] >= 0.97, result["citations"]
    assert result["sections"]["f1"] == 1.0, result["sections"]


def test_hand_made_gold_of_the_department_report(mohinh_report: Report) -> None:
    gold = load_gold(FIXTURES / "gold" / "bc-mo-hinh-thi-diem-cchc.gold.json")
    result = score(gold, mohinh_report.model_dump(mode="json"), "bc-mo-hinh-thi-diem-cchc.pdf")
    assert result["dates"]["f1"] >= 0.97, result["dates"]
    assert result["sections"]["f1"] >= 0.95, result["sections"]
    assert result["metadata"]["acc"] == 1.0, result["metadata"]
    # Symbols with '&' (1014/SNV-CCHC&VTLT) need the symbol pattern to take '&'.
    assert result["citations"]["f1"] >= 0.97, result["citations"]
    assert result["citation_dates"]["f1"] >= 0.97, result["citation_dates"]
    # Its four tables, two of them continued on the next page, each one table of its size.
    assert result["tables"]["f1"] == 1.0, result["tables"]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two DOCX of the corpus printed to PDF by LibreOffice (as users do), in a temporary
    directory with its own LibreOffice profile."""
    from vnreport_extract.readers import system

    out = tmp_path_factory.mktemp("printed")
    sources = [FIXTURES / "real" / f"{name}.docx" for name in ("kh-cchc-2026", "qd-kien-toan-doi-ucsc")]
    done = system.run([system.soffice(), f"-env:UserInstallation=file://{out}/profile", "--headless",
                       "--convert-to", "pdf", "--outdir", str(out), *map(str, sources)], 120, system.LIBREOFFICE)
    assert done.returncode == 0, done.message()
    return out


@pytest.mark.parametrize("name", ["kh-cchc-2026", "qd-kien-toan-doi-ucsc"])
def test_docx_printed_by_libreoffice_reads_like_the_docx(printed: Path, name: str) -> None:
    """kh-cchc-2026: a task table whose cells are merged across columns and down rows, over
    several pages; qd-kien-toan-doi-ucsc: a signature block that goes over a page break."""
    docx = parse_file(FIXTURES / "real" / f"{name}.docx")
    pdf = parse_file(printed / f"{name}.pdf")
    result = agreement(docx.model_dump(mode="json"), pdf.model_dump(mode="json"))
    assert [result[k]["f1"] for k in ("citations", "dates", "sections")] == [1.0, 1.0, 1.0], result
    assert pdf.metadata.model_dump() == docx.metadata.model_dump()


# ---------------------------------------------------------------------------------------------
# Glyph-level variants (pure functions)


def _g(text: str, x0: float, x1: float, size: float = 14, top: float = 100, font: str = "Times") -> Glyph:
    return Glyph.make(text, x0, x1, top, top + size, size, font)


def test_combining_mark_drawn_as_its_own_glyph() -> None:
    """``Vi`` + ``ê`` + a combining acute drawn over it, listed after the ``t``."""
    line = build_line([_g("V", 10, 20), _g("i", 20, 24), _g("ê", 24, 31), _g("t", 31, 35), _g("\u0301", 25, 30)])
    assert line is not None and line.text == "Viết"


def test_fake_bold_doubles_dropped() -> None:
    glyphs = [_g(c, 10 + 8 * i, 18 + 8 * i) for i, c in enumerate("BÁO")]
    glyphs += [_g(c, 10.4 + 8 * i, 18.4 + 8 * i) for i, c in enumerate("BÁO")]
    line = build_line(glyphs)
    assert line is not None and line.text == "BÁO"


def test_footnote_marker_and_reference() -> None:
    note = build_line([_g("1", 85, 88, size=6.5, top=100), _g("M", 89, 97, size=10, top=101),
                       _g("ô", 97, 102, size=10, top=101)])
    body = build_line([_g("t", 10, 14), _g("ỉ", 14, 18), _g("n", 18, 25), _g("h", 25, 32),
                       _g("2", 32, 36, size=9, top=99), _g(".", 36, 39)])
    assert note is not None and (note.marker, note.text) == ("1", "Mô")
    assert body is not None and (body.text, body.refs) == ("tỉnh.", ["2"])


def test_power_of_a_unit_is_kept() -> None:
    line = build_line([_g("5", 10, 17), _g("0", 17, 24), _g("m", 28, 39), _g("2", 39, 43, size=9, top=99)])
    assert line is not None and line.text == "50 m2"


def test_footnote_area_without_a_separator() -> None:
    body = build_line([_g("A", 85, 95, size=14, top=700)])
    first = build_line([_g("3", 85, 88, size=6.5, top=740), _g("x", 89, 95, size=10, top=741)])
    second = build_line([_g("y", 85, 91, size=10, top=753)])
    lines = [x for x in (body, first, second) if x is not None]
    assert split_footnotes(lines, [], 14, 85) == 1
    assert footnote_paragraphs(lines[1:]) == [("3", "x y")]


def test_column_divider_between_header_columns() -> None:
    left = build_line([_g("U", 98, 242)])
    right = build_line([_g("C", 264, 535)])
    assert left is not None and right is not None
    assert column_divider([left, right], 150, 400) == 253


def _line(top: float, *words: tuple[str, float, float]) -> Line:
    return Line([Word(t, x0, x1) for t, x0, x1 in words], top, top + 14, 14)


def test_header_of_a_cong_van_with_its_v_v_lines() -> None:
    lines = [_line(60, ("ỦY BAN NHÂN DÂN", 100, 230), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 260, 540)),
             _line(76, ("XÃ PHÚ TIẾN", 120, 210), ("Độc lập - Tự do - Hạnh phúc", 300, 500)),
             _line(100, ("Số: 12/UBND-VX", 110, 220), ("Phú Tiến, ngày 05 tháng 4 năm 2024", 290, 530)),
             _line(118, ("V/v triển khai kế hoạch", 100, 230)),
             _line(134, ("phòng chống dịch", 120, 210)),
             _line(170, ("Kính gửi: Các phòng, ban", 200, 400))]
    zone = header_zone(lines, 85, 539)
    assert zone is not None and zone.indexes == [0, 1, 2, 3, 4]
    assert zone.rows == [["ỦY BAN NHÂN DÂN\nXÃ PHÚ TIẾN",
                          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
                         ["Số: 12/UBND-VX\nV/v triển khai kế hoạch\nphòng chống dịch",
                          "Phú Tiến, ngày 05 tháng 4 năm 2024"]]


def test_header_of_a_party_document() -> None:
    lines = [_line(60, ("ĐẢNG BỘ TỈNH LÂM ĐỒNG", 95, 235), ("ĐẢNG CỘNG SẢN VIỆT NAM", 300, 500)),
             _line(76, ("HUYỆN ỦY ĐỨC TRỌNG", 105, 225)),
             _line(92, ("*", 163, 167)),
             _line(108, ("Số 49-QĐ/HU", 125, 205), ("Đức Trọng, ngày 23 tháng 02 năm 2022", 290, 530)),
             _line(150, ("QUYẾT ĐỊNH", 270, 350))]
    zone = header_zone(lines, 85, 539)
    assert zone is not None and zone.rows == [
        ["ĐẢNG BỘ TỈNH LÂM ĐỒNG\nHUYỆN ỦY ĐỨC TRỌNG\n*", "ĐẢNG CỘNG SẢN VIỆT NAM"],
        ["Số 49-QĐ/HU", "Đức Trọng, ngày 23 tháng 02 năm 2022"]]


def test_signature_without_recipients() -> None:
    lines = [_line(600, ("Trên đây là báo cáo của Ủy ban nhân dân xã./.", 121, 539)),
             _line(630, ("TM. ỦY BAN NHÂN DÂN", 340, 500)),
             _line(646, ("CHỦ TỊCH", 390, 450)),
             _line(720, ("Ngô Tuấn Sơn", 380, 460))]
    zone = signature_zone(lines, 85, 539)
    assert zone is not None and zone.indexes == [1, 2, 3]
    assert zone.rows == [["", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNgô Tuấn Sơn"]]


def test_signature_block_going_over_a_page_break() -> None:
    """LibreOffice prints qd-kien-toan-doi-ucsc.docx with the last two recipients and the
    signer's name on the next page."""
    end_of_page = [_line(695, ("Nơi nhận:", 91, 142), ("CHỦ TỊCH", 387, 457)),
                   _line(709, ("- Bộ Công an;", 91, 153)),
                   _line(760, ("- Chánh, các PCVP UBND tỉnh;", 91, 232))]
    zone = signature_zone(end_of_page, 85, 539)
    assert zone is not None
    next_page = [_line(63, ("- Như Điều 5;", 91, 152)), _line(76, ("- Lưu: VT, NC.Châu", 91, 172)),
                 _line(102, ("Hồ Văn Mười", 380, 463)), _line(150, ("PHỤ LỤC", 270, 350))]
    assert continue_signature(zone, next_page) == 3
    assert zone.rows == [["Nơi nhận:\n- Bộ Công an;\n- Chánh, các PCVP UBND tỉnh;\n- Như Điều 5;\n- Lưu: VT, NC.Châu",
                          "CHỦ TỊCH\nHồ Văn Mười"]]


# ---------------------------------------------------------------------------------------------
# Small PDFs written here


_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_FILE_ID = hashlib.md5(b"vnreport-extract test pdf").digest()


def _rc4(key: bytes, data: bytes) -> bytes:
    from pdfminer.arcfour import Arcfour

    return bytes(Arcfour(key).encrypt(data))


def make_pdf(pages: list[bytes], *, user_password: bytes | None = None, raw_objects: dict[int, bytes] | None = None,
             page_resources: bytes = b"", kids: list[int] | None = None,
             page_entries: bytes | list[bytes] = b"") -> bytes:
    """A PDF of the given content streams, one A4 page each: fonts F1 (Helvetica, WinAnsi), F2
    (a non-embedded TrueType ``.VnTime``: TCVN3 bytes) and F3 (``VNI-Times``: VNI bytes),
    optionally encrypted with the standard security handler (RC4 40-bit, revision 2) and a
    user password. ``page_entries``: more entries of every page's dictionary, or of each page's."""
    objs: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
                              3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"}
    widths = b" ".join(b"500" for _ in range(32, 256))
    objs[4] = (b"<< /Type /Font /Subtype /TrueType /BaseFont /.VnTime /FirstChar 32 /LastChar 255 /Widths ["
               + widths + b"] /Encoding /WinAnsiEncoding /FontDescriptor 5 0 R >>")
    objs[5] = (b"<< /Type /FontDescriptor /FontName /.VnTime /Flags 32 /FontBBox [0 -216 1000 891] /ItalicAngle 0 "
               b"/Ascent 891 /Descent -216 /CapHeight 662 /StemV 80 >>")
    objs[6] = (b"<< /Type /Font /Subtype /TrueType /BaseFont /VNI-Times /FirstChar 32 /LastChar 255 /Widths ["
               + widths + b"] /Encoding /WinAnsiEncoding /FontDescriptor 7 0 R >>")
    objs[7] = objs[5].replace(b"/.VnTime", b"/VNI-Times")
    streams: dict[int, bytes] = {}
    page_ids: list[int] = []
    n = 10
    for i, content in enumerate(pages):
        entries = page_entries[i] if isinstance(page_entries, list) else page_entries
        objs[n] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + entries
                   + b" /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 6 0 R >> " + page_resources
                   + b" >> /Contents %d 0 R >>" % (n + 1))
        streams[n + 1] = content
        page_ids.append(n)
        n += 2
    listed = page_ids if kids is None else kids
    objs[2] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in listed) + b"] /Count %d >>" % len(listed)
    for num, body in (raw_objects or {}).items():
        objs[num] = body
    key = encrypt_at = None
    if user_password is not None:
        def pad(pw: bytes) -> bytes:
            return (pw + _PAD)[:32]
        owner = _rc4(hashlib.md5(pad(b"owner")).digest()[:5], pad(user_password))
        permissions = -44
        key = hashlib.md5(pad(user_password) + owner + (permissions & 0xFFFFFFFF).to_bytes(4, "little")
                          + _FILE_ID).digest()[:5]
        encrypt_at = n
        objs[n] = (b"<< /Filter /Standard /V 1 /R 2 /O <" + owner.hex().encode() + b"> /U <"
                   + _rc4(key, _PAD).hex().encode() + b"> /P -44 >>")
    for num, data in streams.items():
        if key is not None:
            data = _rc4(hashlib.md5(key + num.to_bytes(3, "little") + b"\0\0").digest()[:10], data)
        objs[num] = b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    size = max(objs) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += (b"%010d 00000 n \n" % offsets[num]) if num in offsets else b"0000000000 65535 f \n"
    trailer = b"<< /Size %d /Root 1 0 R /ID [<%s><%s>]" % (size, _FILE_ID.hex().encode(), _FILE_ID.hex().encode())
    if encrypt_at is not None:
        trailer += b" /Encrypt %d 0 R" % encrypt_at
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _text(x: float, y: float, text: bytes, font: bytes = b"F1", size: float = 14) -> bytes:
    return b"BT /%s %g Tf 1 0 0 1 %g %g Tm (%s) Tj ET\n" % (font, size, x, y, text)


_BODY = _text(72, 600, b"B\xe1o c\xe1o k\xe9t qu\xe0 th\xf9c hi\xean n\xe0m 2025 c\xf9a x\xe3 \xf4ng.")  # Latin-1 only


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_generated_pdf_fake_bold(tmp_path: Path) -> None:
    """Bold faked by drawing the same words again 0.4 pt to the right."""
    line = b"K\xcaT QU\xc0 TH\xd9C HI\xcaN"
    doc = read_pdf(_write(tmp_path, "bold.pdf", make_pdf([_text(72, 700, line) + _text(72.4, 700, line) + _BODY])))
    assert _paragraphs(doc)[0] == "KÊT QUÀ THÙC HIÊN"


def test_generated_pdf_detached_accent(tmp_path: Path) -> None:
    """``Quyê`` + an acute (´, WinAnsi 0xB4) drawn over the ê + ``t``: one word, ``Quyết``."""
    # Helvetica at 14 pt: Q 10.892, u 7.784, y 7.0, ê 7.784, ´ 4.662 wide.
    content = (_text(72, 700, b"Quy\xea") + _text(72 + 25.676 + (7.784 - 4.662) / 2, 700, b"\xb4")
               + _text(72 + 25.676 + 7.784, 700, b"t \xf0\xe3nh s\xf4 12") + _BODY)
    doc = read_pdf(_write(tmp_path, "accent.pdf", make_pdf([content])))
    assert _paragraphs(doc)[0].startswith("Quyết")


def test_generated_pdf_tcvn3_font_converted(tmp_path: Path) -> None:
    content = (_text(72, 700, b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam", b"F2")
               + _text(100, 660, b"\xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c", b"F2"))
    doc = read_pdf(_write(tmp_path, "tcvn3.pdf", make_pdf([content])))
    assert _paragraphs(doc) == ["Cộng hoà xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc"]
    assert ("legacy-encoding", "text in .VnTime converted from tcvn3") in doc.warnings


def test_generated_pdf_tcvn3_text_in_a_font_not_named_so_converted(tmp_path: Path) -> None:
    # TCVN3 bytes set in Helvetica: the name says nothing, the mojibake of the text does.
    motto = b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam"
    lines = [motto, b"\xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c"] * 2
    content = b"".join(_text(72, 700 - 40 * i, line, b"F1") for i, line in enumerate(lines))
    doc = read_pdf(_write(tmp_path, "tcvn3-helvetica.pdf", make_pdf([content])), ParseOptions(ocr="off"))
    both = "Cộng hoà xã hội chủ nghĩa Việt Nam Độc lập - Tự do - Hạnh phúc"
    assert " ".join(_paragraphs(doc)) == f"{both} {both}"
    assert ("legacy-encoding", "text in Helvetica converted from tcvn3") in doc.warnings
    assert doc.errors == []


def test_adopted_font_leaves_unicode_runs_of_the_same_font(tmp_path: Path) -> None:
    # Page 1: TCVN3 in Helvetica (adopted); page 2: Latin-1 Vietnamese (Unicode) in Helvetica.
    motto = b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam"
    first = b"".join(_text(72, 700 - 40 * i, line, b"F1") for i, line in enumerate(
        [motto, b"\xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c"] * 2))
    second = _text(72, 700, b"Cho b\xe0 con n\xf4ng d\xe2n vay v\xf4n \xf4 t\xf4 c\xf3 th\xe2n", b"F1")
    doc = read_pdf(_write(tmp_path, "two-pages.pdf", make_pdf([first, second])), ParseOptions(ocr="off"))
    assert _paragraphs(doc)[-1] == "Cho bà con nông dân vay vôn ô tô có thân"


_TCVN3_MOTTO = [b"C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam",
                b"\xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c"]


def test_short_legacy_page_after_a_converted_one_is_converted(tmp_path: Path) -> None:
    long = b"".join(_text(72, 700 - 40 * i, line, b"F1") for i, line in enumerate(_TCVN3_MOTTO * 2))
    short = _text(72, 700, _TCVN3_MOTTO[1], b"F1")  # six words: too few to be judged alone
    doc = read_pdf(_write(tmp_path, "short-after.pdf", make_pdf([long, short])), ParseOptions(ocr="off"))
    assert _paragraphs(doc)[-1] == "Độc lập - Tự do - Hạnh phúc"
    assert doc.errors == []


def test_short_legacy_page_before_a_converted_one_is_left_to_ocr(tmp_path: Path) -> None:
    long = b"".join(_text(72, 700 - 40 * i, line, b"F1") for i, line in enumerate(_TCVN3_MOTTO * 2))
    short = _text(72, 700, _TCVN3_MOTTO[1], b"F1")
    doc = read_pdf(_write(tmp_path, "short-before.pdf", make_pdf([short, long])), ParseOptions(ocr="off"))
    assert [(e.page, e.type) for e in doc.errors] == [(1, "OcrDisabled")]
    assert " ".join(_paragraphs(doc)).startswith("Cộng hoà xã hội chủ nghĩa Việt Nam")


def first_pages(tmp_path: Path, *sources: Path) -> Path:
    """A PDF of the first page of each of ``sources``, in turn."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    joined = tmp_path / "joined.pdf"
    out = pdfium.PdfDocument.new()
    for source in sources:
        pdf = pdfium.PdfDocument(str(source))
        out.import_pages(pdf, [0])
        pdf.close()
    out.save(str(joined))
    out.close()
    return joined


def test_short_page_of_the_same_mojibake_is_read_by_ocr_too(tmp_path: Path) -> None:
    # A signature page of a few words in the same wrong mapping as the scan's first page.
    short = tmp_path / "short.pdf"
    short.write_bytes(make_pdf([_text(72, 700, b"KT. GI\xc1M \xd0\xd3C Th\xb0\xe3ng t\xe1 Nguy\xc5n", b"F1")
                                + _text(72, 660, b"N\xa1i nh-n: L\xb0u VT", b"F1")]))
    report = parse_file(first_pages(tmp_path, MOHINH_PDF, BAD_LAYER_PDF, short), ParseOptions(ocr="off"))
    assert [(e.page, e.type) for e in report.errors] == [(2, "OcrDisabled"), (3, "OcrDisabled")]
    assert "Th°ãng" not in report.text


def test_generated_pdf_vni_font_converted(tmp_path: Path) -> None:
    content = (_text(72, 700, "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam".encode("latin-1"), b"F3")
               + _text(100, 660, "Ñoäc laäp - Töï do - Haïnh phuùc".encode("latin-1"), b"F3"))
    doc = read_pdf(_write(tmp_path, "vni.pdf", make_pdf([content])))
    assert _paragraphs(doc) == ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc"]


def test_generated_pdf_landscape_page_stored_rotated(tmp_path: Path) -> None:
    """A page with ``/Rotate 90`` whose text is drawn turned so that it reads upright."""
    content = b"BT /F1 14 Tf 0 1 -1 0 300 72 Tm (B\xe1o c\xe1o n\xe0m 2025, trang ngang) Tj ET\n"
    doc = read_pdf(_write(tmp_path, "landscape.pdf", make_pdf([content], page_entries=b"/Rotate 90")))
    assert (_paragraphs(doc), doc.source.ocr) == (["Báo cáo nàm 2025, trang ngang"], False)


def test_generated_pdf_running_header_and_footer(tmp_path: Path) -> None:
    pages = [_text(200, 800, b"UBND X\xc3 PH\xda TI\xcaN - B\xc1O C\xc1O 2025", size=10)
             + _text(72, 700, b"Trang %d: n\xf4i dung ch\xednh c\xf9a b\xe1o c\xe1o." % n)
             + _text(72, 682, b"D\xf2ng th\xf9 hai c\xf9a trang n\xe0y.")
             + _text(280, 30, b"Trang %d" % n, size=10) for n in (1, 2, 3)]
    doc = read_pdf(_write(tmp_path, "furniture.pdf", make_pdf(pages)))
    assert not any("BÁO CÁO 2025" in t or (t.startswith("Trang ") and len(t) < 9) for t in _paragraphs(doc))
    furniture = [m for code, m in doc.warnings if code == "page-furniture"]
    assert "p.2: 'UBND XÃ PHÚ TIÊN - BÁO CÁO 2025'" in furniture and "p.3: 'Trang 3'" in furniture


def test_encrypted_pdf_is_a_named_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "locked.pdf", make_pdf([_BODY], user_password=b"secret"))
    import pdfplumber

    with pdfplumber.open(path, password="secret") as pdf:  # a real encrypted PDF: the password opens it
        assert "2025" in pdf.pages[0].extract_text()
    with pytest.raises(InputError, match="encrypted PDF"):
        read_pdf(path)


def test_pdf_encrypted_with_an_empty_password_is_read(tmp_path: Path) -> None:
    doc = read_pdf(_write(tmp_path, "owner-only.pdf", make_pdf([_BODY], user_password=b"")))
    assert _paragraphs(doc) == ["Báo cáo két quà thùc hiên nàm 2025 cùa xã ông."]


def test_pdf_with_no_pages(tmp_path: Path) -> None:
    with pytest.raises(CorruptFileError, match="no pages"):
        read_pdf(_write(tmp_path, "empty.pdf", make_pdf([], kids=[])))


def test_truncated_pdf(tmp_path: Path) -> None:
    data = MOHINH_PDF.read_bytes()
    with pytest.raises(CorruptFileError):
        read_pdf(_write(tmp_path, "truncated.pdf", data[: len(data) // 10]))


def test_corrupt_pdf(tmp_path: Path) -> None:
    with pytest.raises(CorruptFileError):
        read_pdf(_write(tmp_path, "garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40))


def test_truncated_signature_data_still_reads_with_a_warning(tmp_path: Path) -> None:
    """Cut inside the signature appended at the end: every page is still there."""
    data = MOHINH_PDF.read_bytes()
    doc = read_pdf(_write(tmp_path, "cut.pdf", data[:450_000]))
    assert doc.source.pages == 8 and any(code == "truncated-pdf" for code, _ in doc.warnings)


def test_form_that_draws_itself_does_not_hang(tmp_path: Path) -> None:
    """A form XObject that calls itself: pdfminer recurses until Python stops it."""
    loop = b"/X1 Do"
    form = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X1 8 0 R >> >> "
            b"/Length %d >>\nstream\n" % len(loop) + loop + b"\nendstream")
    data = make_pdf([_BODY + b"/X1 Do\n"], raw_objects={8: form}, page_resources=b"/XObject << /X1 8 0 R >>")
    try:
        doc = read_pdf(_write(tmp_path, "loop.pdf", data))
    except CorruptFileError as exc:
        assert "loop.pdf" in str(exc)
    else:
        assert _paragraphs(doc)[0].startswith("Báo cáo")


def test_parse_file_gives_the_named_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="encrypted PDF"):
        parse_file(_write(tmp_path, "locked.pdf", make_pdf([_BODY], user_password=b"x")))


# ---------------------------------------------------------------------------------------------
# Pages without a text layer: OCR (Tesseract), last


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_scanned_pdf_is_ocred() -> None:
    doc = read_pdf(SCAN_PDF)
    assert (doc.source.pages, doc.source.ocr) == (2, True)
    assert ("ocr", "pages without a usable text layer read by OCR: 1, 2") in doc.warnings
    text = "\n".join(b.text for b in doc.blocks if b.kind == "paragraph")
    assert "SAO Y" not in text and "Ký bởi" not in text
    assert {b.page for b in doc.blocks} == {1, 2}


def _scan_page_image() -> dict[str, Any]:
    import pdfplumber

    with pdfplumber.open(SCAN_PDF) as pdf:
        image = pdf.pages[1].images[0]
        stream = image["stream"]
        return {"data": stream.get_rawdata(), "width": stream["Width"], "height": stream["Height"]}


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_only_the_scanned_page_of_a_mixed_pdf_is_ocred(tmp_path: Path) -> None:
    im = _scan_page_image()
    image = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 "
             b"/Filter /FlateDecode /Length %d >>\nstream\n" % (im["width"], im["height"], len(im["data"]))
             + im["data"] + b"\nendstream")
    scan = b"q 595 0 0 842 0 0 cm /Im1 Do Q\n"
    data = make_pdf([_BODY, scan], raw_objects={8: image}, page_resources=b"/XObject << /Im1 8 0 R >>")
    doc = read_pdf(_write(tmp_path, "mixed.pdf", data))
    assert (doc.source.pages, doc.source.ocr) == (2, True)
    assert ("ocr", "pages without a usable text layer read by OCR: 2") in doc.warnings
    assert doc.blocks[0].text == "Báo cáo két quà thùc hiên nàm 2025 cùa xã ông." and doc.blocks[0].page == 1
    page2 = " ".join(b.text or " ".join(c for r in b.rows for c in r) for b in doc.blocks if b.page == 2)
    assert "GIÁM ĐỐC" in page2 and "Trương Minh Đương" in page2  # the signature of the scanned page


# hd-btctu (Ban Tổ chức Thành ủy Hà Nội, 2025): the e-office system signed a field over each
# blank of the header, ``Số     - HD/BTCTU`` and ``ngày        tháng 11``, whose appearance is a
# picture of the digits. See fixtures/PROVENANCE-archives.md.
BTCTU_PDF = FIXTURES / "archives" / "dang-2025" / "hd-btctu-ha-noi-nghiep-vu-to-chuc-dang-2025.pdf"


@pytest.fixture(scope="module")
def btctu_header() -> tuple[list[str], list[tuple[str, str]]]:
    from vnreport_extract import ParseOptions

    doc = read_pdf(BTCTU_PDF, ParseOptions(pages="1"))
    lines = [line for b in doc.blocks if b.kind == "layout" for row in b.rows for cell in row
             for line in cell.splitlines()]
    return lines, doc.warnings


@pytest.mark.needs_tesseract
def test_number_stamped_as_a_picture_is_read(btctu_header: tuple[list[str], list[tuple[str, str]]]) -> None:
    lines, warnings = btctu_header
    assert "Số 2 - HD/BTCTU" in lines
    assert ("stamp-field", "p.1: '2' read by OCR from a number stamped into a form field as a picture") in warnings


@pytest.mark.needs_tesseract
def test_day_stamped_as_a_picture_is_read(btctu_header: tuple[list[str], list[tuple[str, str]]]) -> None:
    lines, _ = btctu_header
    assert "Hà Nội, ngày 21 tháng 11 năm 2025" in lines


def test_pictures_in_fields_are_not_read_with_ocr_off() -> None:
    from vnreport_extract import ParseOptions

    doc = read_pdf(BTCTU_PDF, ParseOptions(pages="1", ocr="off"))
    text = "\n".join(b.text if b.kind != "layout" else "\n".join(c for row in b.rows for c in row) for b in doc.blocks)
    assert "Số - HD/BTCTU" in text.splitlines() and "ngày tháng 11" in text
    assert not [w for w in doc.warnings if w[0].startswith("stamp")]


def _with_crop_box(src: Path, dst: Path, box: tuple[int, int, int, int]) -> Path:
    """``src`` with a ``/CropBox`` set on its first page, by an incremental update (the page's
    dictionary written again after the file, with a cross-reference section of its own)."""
    import re

    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFObjRef
    from pdfminer.psparser import PSLiteral

    def ser(o: Any) -> str:
        if isinstance(o, PDFObjRef):
            return f"{o.objid} 0 R"
        if isinstance(o, PSLiteral):
            return f"/{o.name}"
        if isinstance(o, dict):
            return "<< " + " ".join(f"/{k} {ser(v)}" for k, v in o.items()) + " >>"
        if isinstance(o, list):
            return "[" + " ".join(ser(v) for v in o) + "]"
        if isinstance(o, (int, float)):
            return repr(o)
        raise TypeError(type(o))

    data = src.read_bytes()
    with src.open("rb") as f:
        doc = PDFDocument(PDFParser(f))
        page = next(PDFPage.create_pages(doc))
        body = ser({**page.attrs, "CropBox": list(box)})
        trailer = doc.xrefs[-1].get_trailer()
        root, size = trailer["Root"], max(int(trailer.get("Size", 0)), page.pageid + 1)
    previous = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    out = data if data.endswith(b"\n") else data + b"\n"
    at = len(out)
    out += f"{page.pageid} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += (f"xref\n{page.pageid} 1\n{at:010d} 00000 n \ntrailer\n<< /Size {size} /Root {ser(root)} "
            f"/Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n").encode()
    dst.write_bytes(out)
    return dst


@pytest.mark.needs_tesseract
def test_number_stamped_as_a_picture_is_read_on_a_page_with_a_crop_box(tmp_path: Path) -> None:
    # PDFium renders the crop box, pdfplumber places glyphs on the media box: the field is cut
    # out of the picture by the crop box's margins.
    from vnreport_extract import ParseOptions

    cropped = _with_crop_box(BTCTU_PDF, tmp_path / "cropped.pdf", (20, 30, 575, 822))
    doc = read_pdf(cropped, ParseOptions(pages="1"))
    assert [w for w in doc.warnings if w[0] == "stamp-field"] == [
        ("stamp-field", "p.1: '2' read by OCR from a number stamped into a form field as a picture"),
        ("stamp-field", "p.1: '21' read by OCR from a number stamped into a form field as a picture")]


@pytest.mark.needs_tesseract
def test_a_field_pdfium_cannot_render_costs_the_fields_not_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2 as pdfium

    from vnreport_extract import ParseOptions
    from vnreport_extract.readers import pdf_stamps

    def broken(self: Any, field: Any) -> Any:
        raise pdfium.PdfiumError("Failed to load page.")

    monkeypatch.setattr(pdf_stamps.PictureReader, "_render", broken)
    doc = read_pdf(BTCTU_PDF, ParseOptions(pages="1"))
    assert ("stamp-field-unread", "numbers stamped as pictures not read: PDFium cannot render them: "
                                  "Failed to load page.") in doc.warnings
    assert not doc.errors and "HƯỚNG DẪN" in [b.text for b in doc.blocks]


def test_table_row_cut_inside_a_symbol_is_joined_again() -> None:
    # qd-353 (Công báo Bà Rịa - Vũng Tàu 2025), page 2 → 3: the legal-basis cell ends in
    # ``Thông tư số 04/2020/TT-`` and goes on with ``BTP ngày 28/5/2020`` under the break.
    from vnreport_extract.readers.table_parts import _cut_row

    last = ["1", "2.00063 5", "Cấp bản sao Trích lục hộ tịch", "... và Thông tư số 04/2020/TT-", ""]
    following = ["", "", "", "BTP ngày 28/5/2020 của Bộ trưởng Bộ Tư pháp", ""]
    assert _cut_row(last, following)
    assert not _cut_row(["1", "a", "b", "Sở Nội vụ", ""], ["", "", "", "Các cơ quan khác", ""])
    # ... and at its slash (``số 12/`` | ``QĐ-UBND``), but not at a dash between words.
    assert _cut_row(["1", "Quyết định số 12/"], ["", "QĐ-UBND ngày 05/3/2024"])
    assert not _cut_row(["1", "Phát triển kinh tế -"], ["", "Xã hội"])


def _glyphs_from_pdfplumber_chars(page: Any) -> list[Glyph]:
    """The glyphs as read from pdfplumber's own character dictionaries (its coordinates)."""
    width, height = float(page.width), float(page.height)
    return [Glyph.make(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["size"], c["fontname"])
            for c in page.chars if c.get("upright", True) and c["size"] >= 2 and c["text"]
            and not (c["x1"] < 0 or c["x0"] > width or c["bottom"] < 0 or c["top"] > height)]


@pytest.mark.parametrize("mediabox", [None, (-20.0, 30.0, 575.0, 872.0)], ids=["plain", "shifted-mediabox"])
def test_glyphs_read_from_the_layout_are_pdfplumbers_characters(tmp_path: Path, mediabox: Any) -> None:
    import pdfplumber
    import pypdfium2 as pdfium

    from vnreport_extract.readers.pdf import _page_glyphs

    path = FIXTURES / "generated" / "seed.pdf"
    if mediabox is not None:  # a MediaBox whose origin is not the page's corner
        doc = pdfium.PdfDocument(str(path))
        doc[0].set_mediabox(*mediabox)
        path = tmp_path / "shifted.pdf"
        doc.save(str(path))
    with pdfplumber.open(path) as pdf:
        expected, rects = _glyphs_from_pdfplumber_chars(pdf.pages[0]), pdf.pages[0].rects
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert _page_glyphs(page) == expected and len(expected) > 1000
        # The page's other objects are still pdfplumber's (the tables and the scan test read them).
        assert page.rects == rects


# ---------------------------------------------------------------------------------------------
# A text layer that is mojibake: the hidden OCR layer of a phone scan written with a wrong
# font mapping (fixtures/archives/lam-dong-2025, see PROVENANCE-archives.md).

BAD_LAYER_PDF = FIXTURES / "archives" / "lam-dong-2025" / "ttr-298-ttr-cat-pc04-2025-scan-bad-ocr.pdf"


def test_mojibake_text_layer_is_unreadable() -> None:
    with _quiet_pdfminer(), pdfplumber.open(BAD_LAYER_PDF) as pdf:
        text = pdf.pages[0].extract_text() or ""
    assert "CØNG HOÀ XÃ HØI CHæN GH(A VIÆT NAM" in text
    assert unreadable(text)


TEXT_PDFS = [CCHC_PDF, MOHINH_PDF,
             *(p for p in sorted((FIXTURES / "archives").glob("*/*.pdf")) if "scan" not in p.name)]


@pytest.mark.slow
@pytest.mark.parametrize("path", TEXT_PDFS, ids=lambda p: p.name)
def test_text_layers_of_text_pdfs_are_readable(path: Path) -> None:
    with _quiet_pdfminer(), pdfplumber.open(path) as pdf:
        shares = [unreadable_share(p.extract_text() or "") for p in pdf.pages]
    assert all(s is None or s == 0.0 for s in shares), shares


def test_unreadable_layer_with_ocr_off_is_an_input_error() -> None:
    # As a scan without a text layer: the mojibake is not taken for the document's text.
    with pytest.raises(InputError, match="no page has a usable text layer and OCR is off"):
        parse_file(BAD_LAYER_PDF, ParseOptions(ocr="off"))


def test_unreadable_page_among_text_pages_with_ocr_off_is_a_page_error(tmp_path: Path) -> None:
    report = parse_file(first_pages(tmp_path, MOHINH_PDF, BAD_LAYER_PDF), ParseOptions(ocr="off"))
    assert report.status == "partial"
    assert report.errors == [PartError(part="page", page=2, type="OcrDisabled",
                                       message="page 2 has an unreadable text layer (not Vietnamese) and OCR is off")]
    assert "HØI" not in report.text
    assert report.metadata.number is not None and report.metadata.number.symbol == "181/BC-SNV"


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_unreadable_layer_is_read_by_ocr() -> None:
    report = parse_file(BAD_LAYER_PDF)
    assert (report.status, report.source.ocr) == ("ok", True)
    assert "text-layer-unreadable" in {w.code for w in report.warnings}
    m = report.metadata
    assert (m.issuer, m.parent_issuer, m.doc_type) == ("CÔNG AN TỈNH LÂM ĐỒNG", "BỘ CÔNG AN", "Tờ trình")
    assert m.title is not None and m.title.startswith("Xin chủ trương triển khai thực hiện công tác cai nghiện")
    assert [(c.symbol, c.date.iso if c.date else None) for c in report.citations if c.symbol] == [
        ("116/2021/NĐ-CP", "2021-12-21"), ("184/2025/NĐ-CP", "2025-07-01")]


def _one_page_pdf(tmp_path: Path, content: bytes, *, cut: float = 1.0, deflated: bytes | None = None) -> Path:
    """A PDF of one page whose content stream is ``content``, deflated (its first ``cut`` only),
    or ``deflated`` as given."""
    import sys
    import zlib

    sys.path.insert(0, str(Path(__file__).resolve().parent / "hostile"))
    from generate import _FONT, pdf

    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: _FONT, 2: b"<< /Type /Pages /Kids [10 0 R] /Count 1 >>",
               10: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                   b"/Contents 4 0 R >>", 4: b"<< /Filter /FlateDecode >>"}
    path = tmp_path / "page.pdf"
    data = zlib.compress(content, 9) if deflated is None else deflated
    path.write_bytes(pdf(objects, streams={4: data[:round(len(data) * cut)]}))
    return path


def test_a_page_of_operators_that_draw_nothing_stops_at_the_read_time_limit(tmp_path: Path) -> None:
    # ``q Q`` two million times: no glyph, no shape; the time is read while the page is parsed.
    from vnreport_extract import LimitExceededError, Limits

    path = _one_page_pdf(tmp_path, b"BT /F1 12 Tf 72 700 Td (Bao cao) Tj ET\n" + b"q Q\n" * (2 << 20))
    with pytest.raises(LimitExceededError, match="still reading page 1 of 1") as raised:
        parse_file(path, ParseOptions(ocr="off", limits=Limits(max_read_seconds=0.5)))
    assert raised.value.limit == "max_read_seconds"


@pytest.mark.parametrize("filler", [b" ", b"%"], ids=["spaces", "a-comment"])
def test_a_page_of_whitespace_stops_at_the_read_time_limit(tmp_path: Path, filler: bytes) -> None:
    # 48 MB of spaces (or one comment as long) make no object: the parser read them on inside one
    # object's reading, 12 s past a limit of 0.5 s; the time is read as each 4 KB is taken.
    import time

    from vnreport_extract import LimitExceededError, Limits

    path = _one_page_pdf(tmp_path, b"BT /F1 12 Tf 72 700 Td (Bao cao) Tj ET\n" + filler * (48 << 20))
    started = time.monotonic()
    # A limit far below the reading's own time (0.2 s and more on a quiet machine, read in 4 KB
    # steps): with 0.5 s a fast run read the page whole within it.
    with pytest.raises(LimitExceededError, match="still reading page 1 of 1") as raised:
        parse_file(path, ParseOptions(ocr="off", limits=Limits(max_read_seconds=0.02)))
    # Writing and opening 48 MB take seconds on a busy machine: the bound is the overshoot's, not a speed.
    assert (raised.value.limit, time.monotonic() - started < 8) == ("max_read_seconds", True)


def test_a_content_stream_that_inflates_past_its_limit_is_not_read(tmp_path: Path) -> None:
    from vnreport_extract import Limits

    path = _one_page_pdf(tmp_path, b"BT /F1 12 Tf 72 700 Td (Bao cao) Tj ET\n" + b" " * (8 << 20))
    report = parse_file(path, ParseOptions(ocr="off", limits=Limits(max_stream_bytes=1 << 20)))
    assert [w.message for w in report.warnings if w.code == "page-too-complex"] == [
        "p.1: draws more than 1048576 (max_stream_bytes): the page was not read"]


def test_a_content_stream_cut_short_is_read_as_far_as_it_goes_and_said(tmp_path: Path) -> None:
    # A truncated Flate stream: pdfminer reads what it can of it (here nothing) without a word.
    path = _one_page_pdf(tmp_path, b"BT /F1 12 Tf 72 700 Td (Bao cao so 12/BC-UBND) Tj ET\n" * 200, cut=0.5)
    report = parse_file(path, ParseOptions(ocr="off"))
    assert [w.code for w in report.warnings if w.code == "page-content-damaged"] == ["page-content-damaged"]


def test_a_page_refused_for_its_inflated_content_is_not_rendered_for_ocr_either(tmp_path: Path) -> None:
    # The renderer would inflate the stream whole: the page stays unread, with OCR on too.
    from vnreport_extract import Limits

    path = _one_page_pdf(tmp_path, b"BT /F1 12 Tf 72 700 Td (Bao cao) Tj ET\n" + b" " * (8 << 20))
    report = parse_file(path, ParseOptions(ocr="on", limits=Limits(max_stream_bytes=1 << 20)))
    assert ([w.code for w in report.warnings], report.errors) == (["empty-document", "page-too-complex"], [])


def test_a_content_stream_with_a_wrong_checksum_only_is_read_whole_and_not_called_damaged(tmp_path: Path) -> None:
    # Some producers write a wrong Adler-32 at the end of a stream whose data is all there.
    import zlib

    content = b"BT /F1 12 Tf 72 700 Td (Bao cao so 12/BC-UBND) Tj ET\n"
    path = _one_page_pdf(tmp_path, b"", deflated=zlib.compress(content, 9)[:-4] + bytes(4))
    report = parse_file(path, ParseOptions(ocr="off"))
    assert ("12/BC-UBND" in report.text, [w.code for w in report.warnings if w.code == "page-content-damaged"]) == (
        True, [])


@pytest.mark.parametrize(("following", "starts"), [
    ("I. KẾT QUẢ THỰC HIỆN", True),  # a heading in capitals
    ("1. Kết quả khảo sát theo tiêu chí", True),  # an item after a title's year
    ("tháng 5 năm 2023 của Ủy ban nhân dân", False),  # the sentence going on
    ("Biểu 1: Kết quả khám tuyển nghĩa vụ quân sự", True),  # a table's caption after a title's year
    ("Điều 12 Nghị định số 30/2020/NĐ-CP", False),  # ``... khoản 1`` / ``Điều 12 ...``: a reference going on
    ("- XÃ HỘI TRÊN ĐỊA BÀN", False),  # a line in capitals going on after a dash
    # The numbering styles of other offices, as conventions.numbering's examples write them:
    ("I- TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN", True),
    ("1- Các đồng chí bí thư huyện uỷ, thành uỷ", True),
    ("1.1- Công tác lãnh đạo, chỉ đạo", True),
    ("1/ Kết quả thực hiện nhiệm vụ", True),
    # A title's lines in capitals going on: a bare Roman-looking word, an article named bare, a
    # symbol's number and codes after the title's ``SỐ`` (the seed's symbols).
    ("VI PHẠM TRONG TUYỂN CHỌN, XÉT CHỌN", False),
    ("ĐIỀU 12 NGHỊ ĐỊNH SỐ 30/2020/NĐ-CP", False),
    ("10- CTPH/BDVTU-BCSĐUBND NGÀY 15/11/2021 CỦA BAN DÂN VẬN", False),
    ("49 - QĐ/ĐU NGÀY 20/5/2021 CỦA ĐẢNG ỦY", False),
    # A sentence ending on a reference (``... tại khoản 2``) going on with its article.
    ("Điều 5. Trường hợp người được xác minh", False),
])
def test_a_numbered_heading_under_a_full_plain_title_line_starts_a_paragraph(following: str, starts: bool) -> None:
    # A report printed by LibreOffice with its title in plain type at the left margin: the
    # title fills the line, the heading under it has no space above, no indent, no bold.
    from vnreport_extract.readers.pdf_layout import Margins, Para, starts_paragraph

    m = Margins(85, 539)
    title = Line([Word("Kết quả công tác phòng, chống tham nhũng tháng 5 năm 2023", 85, 537)], 100, 114, 14)
    nxt = Line([Word(following, 85, 300)], 116, 130, 14)
    para = Para("Kết quả công tác phòng, chống tham nhũng tháng 5 năm 2023", 1, title, False, m)
    assert starts_paragraph(para, nxt, m, 16.0) is starts
