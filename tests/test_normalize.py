"""Normalisation: NFC, space and hyphen variants, Markdown markup, tables."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import SEED

from vnreport_extract import parse_text
from vnreport_extract.normalize import fold, normalize_unicode, strip_markdown
from vnreport_extract.readers.text import read_text
from vnreport_extract.words import _sent_tokenize, sentences


def _fold_whole(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def test_fold_by_character_is_the_fold_of_the_whole_text() -> None:
    # fold() looks each character up in a table; decomposing the whole text and dropping
    # its combining marks must give the same key, on real text and on decomposed input.
    text = SEED.read_text(encoding="utf-8")
    for variant in (text, unicodedata.normalize("NFD", text), text.upper(), "Straße ǅ İ ﬁ Ω Å"):
        assert fold(variant) == _fold_whole(variant)


def test_nfd_becomes_nfc() -> None:
    assert normalize_unicode(unicodedata.normalize("NFD", "Định Hóa")) == "Định Hóa"


def test_no_break_and_thin_spaces() -> None:
    assert normalize_unicode("Phú\u00a0Tiến\u2009xã\u202fA") == "Phú Tiến xã A"


def test_invisible_characters_dropped() -> None:
    assert normalize_unicode("cải\u200b cách\ufeff hành\u00adchính") == "cải cách hànhchính"


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
                                  "\u2066", "\u2067", "\u2068", "\u2069", "\u061c"])
def test_direction_marks_inside_a_symbol_go(mark: str) -> None:
    # Copied from a web page or a right-to-left editor: the marks are invisible and cut the symbol.
    report = parse_text(f"Căn cứ Kế hoạch số 41/KH{mark}-UBND ngày 05/5/2023 của UBND xã.")
    assert [c.symbol for c in report.citations] == ["41/KH-UBND"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_line_and_paragraph_separators_end_a_line(separator: str) -> None:
    assert normalize_unicode(f"I. Kết quả{separator}II. Tồn tại") == "I. Kết quả\nII. Tồn tại"


def test_hyphen_lookalikes() -> None:
    assert normalize_unicode("NĐ\u2011CP NĐ\u2212CP") == "NĐ-CP NĐ-CP"


def test_a_page_break_of_pdftotext_and_many_kinds_at_once_are_cleaned_alike() -> None:
    # A form feed between pdftotext's pages with a no-break space (each replaced on its own), and
    # more kinds than are replaced one by one (the whole table applied): the same cleaning.
    assert normalize_unicode("Trang 1\f\nSố:\u00a012/BC-UBND") == "Trang 1\nSố: 12/BC-UBND"
    many = "a\u00a0b\u2011c\u200bd\u2028e\u202ff\u2060g\u2212h\ufeffi\u3000j\u00adk"
    assert normalize_unicode(many) == "a b-cd\ne fg-hi jk"


def test_every_character_of_the_table_is_cleaned_alone() -> None:
    # The quick test before the table missed some (a BOM, a full-width hyphen alone went through).
    from vnreport_extract.normalize import _TRANSLATE

    wrong = {hex(c): normalize_unicode(f"a{chr(c)}b") for c, to in _TRANSLATE.items()
             if normalize_unicode(f"a{chr(c)}b") != f"a{to or ''}b"}
    assert wrong == {}


def test_markdown_heading_and_bold() -> None:
    assert strip_markdown("## **2. Công tác triển khai thực hiện của chính quyền**") == \
        "2. Công tác triển khai thực hiện của chính quyền"


def test_markdown_italic_and_escape() -> None:
    assert (strip_markdown("***Nơi nhận:***"), strip_markdown("\\*Về thuận lợi")) == ("Nơi nhận:", "*Về thuận lợi")


@pytest.mark.parametrize(("line", "text"), [
    ("# I. KHÁI QUÁT CHUNG #", "I. KHÁI QUÁT CHUNG"),  # an ATX heading's closing marks
    ("Thực hiện [Kế hoạch số 245/KH-UBND](https://x.vn/245.pdf) ngày 31/12/2021",
     "Thực hiện Kế hoạch số 245/KH-UBND ngày 31/12/2021"),  # a link: its text
    ("Sơ đồ ![sơ đồ](so-do.png) xã", "Sơ đồ  xã"),  # an image: nothing
    ("ngày 31/12/2021[^1] của UBND tỉnh", "ngày 31/12/2021 của UBND tỉnh"),  # a footnote's reference
    ("xã có `860` hộ", "xã có 860 hộ"),  # a code span
    ("Kế hoạch số _245/KH-UBND_ ngày", "Kế hoạch số 245/KH-UBND ngày"),  # emphasis by underscores
    ("Quyết định số 10/2007/QĐ_BKHCN, mã 12_34", "Quyết định số 10/2007/QĐ_BKHCN, mã 12_34"),  # no emphasis
    ("<p>Căn cứ Quyết định số 99/QĐ-UBND.</p>", "Căn cứ Quyết định số 99/QĐ-UBND."),  # HTML tags
    ("tăng 5 \\% so với năm trước", "tăng 5 % so với năm trước"),  # any punctuation escaped
    ("=======", ""),  # a setext heading's underline
    ("```text", ""),  # a code fence
])
def test_markdown_markup_is_dropped(line: str, text: str) -> None:
    assert strip_markdown(line) == text


@pytest.mark.parametrize("line", [
    "ngày _/_/2023",  # a form's blanks, not emphasis
    "Số: _/BC-UBND, ngày _/_/2023",
    "Căn cứ [Điều 5](1) Luật Đất đai",  # brackets and parentheses of the text, not a link
    "~~~ Phần phụ lục ~~~",  # not a code fence
    "``` Tổng số 12 hộ",
    "> 10 triệu đồng/tháng: 120 hộ",  # a comparison, not a quote
    ">= 90% hộ dân hài lòng",
])
def test_text_that_only_looks_like_markdown_is_kept(line: str) -> None:
    assert (strip_markdown(line), [b.text for b in read_text(line).blocks]) == (line, [line])


def test_a_markdown_quote_before_a_word_is_text() -> None:
    assert [b.text for b in read_text("> Theo Nghị quyết số 15/NQ-HĐND\n> > Căn cứ Luật").blocks] == \
        ["Theo Nghị quyết số 15/NQ-HĐND", "Căn cứ Luật"]


def test_a_comparison_in_a_table_cell_is_kept() -> None:
    doc = read_text("Thu nhập\tSố hộ\n> 10 triệu\t120\n<= 5 triệu\t60")
    assert [b.rows for b in doc.blocks if b.kind == "table"] == [
        [["Thu nhập", "Số hộ"], ["> 10 triệu", "120"], ["<= 5 triệu", "60"]]]
def test_a_markdown_footnote_is_kept_after_the_body() -> None:
    report = parse_text("Thực hiện Kế hoạch số 245/KH-UBND[^1] của UBND tỉnh.\n\n"
                        "[^1]: Kế hoạch số 245/KH-UBND ngày 31/12/2021 về cải cách hành chính.\n\nHết.")
    assert report.text == ("Thực hiện Kế hoạch số 245/KH-UBND của UBND tỉnh.\nHết.\n"
                           "Kế hoạch số 245/KH-UBND ngày 31/12/2021 về cải cách hành chính.")


def test_pipe_table_without_its_outer_pipes_becomes_cells() -> None:
    doc = read_text("Bảng 1\nSTT | Tên | Số\n--- | --- | ---\n1 | A | 2\n\nHết.")
    assert [(b.kind, b.rows or b.text) for b in doc.blocks] == [
        ("paragraph", "Bảng 1"), ("table", [["STT", "Tên", "Số"], ["1", "A", "2"]]), ("paragraph", "Hết.")]


def test_an_escaped_pipe_is_text_of_its_cell() -> None:
    doc = read_text("| STT | Lĩnh vực | Số |\n| --- | --- | --- |\n| 1 | Tư pháp \\| hộ tịch | 99 |")
    assert [b.rows for b in doc.blocks] == [[["STT", "Lĩnh vực", "Số"], ["1", "Tư pháp | hộ tịch", "99"]]]


def test_tab_separated_table_becomes_cells() -> None:
    doc = read_text("Kết quả\nSTT\tTên\tSố\n1\tA\t2\n")
    assert [(b.kind, b.rows) for b in doc.blocks if b.kind == "table"] == [
        ("table", [["STT", "Tên", "Số"], ["1", "A", "2"]])]


def test_pipe_table_becomes_cells() -> None:
    doc = read_text("| STT | Tên |\n| --- | --- |\n| 1 | A |")
    assert [b.rows for b in doc.blocks] == [[["STT", "Tên"], ["1", "A"]]]


def test_pipe_rows_with_their_closing_pipe_only_are_cells() -> None:
    doc = read_text("Bảng 1\nSTT | Tên |\n1 | A |\nHết.")
    assert [(b.kind, b.rows or b.text) for b in doc.blocks] == [
        ("paragraph", "Bảng 1"), ("table", [["STT", "Tên"], ["1", "A"]]), ("paragraph", "Hết.")]


def test_a_header_copied_as_pipe_rows_is_read_as_its_layout() -> None:
    # A header's two columns as a page of legal texts copied from the web gives them.
    r = parse_text("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                   "Số: 30/2018/QĐ-UBND | Hải Phòng, ngày 09 tháng 10 năm 2018 |\nQUYẾT ĐỊNH\n"
                   "Ban hành quy định về trách nhiệm của người đứng đầu\nCăn cứ Luật Tổ chức chính quyền địa phương;")
    m = r.metadata
    assert (m.issuer, m.number and m.number.symbol, m.place, m.date and m.date.iso, m.doc_type, r.tables) == (
        "ỦY BAN NHÂN DÂN", "30/2018/QĐ-UBND", "Hải Phòng", "2018-10-09", "Quyết định", [])


# A paragraph's hard line breaks, as a PDF's lines or a web page of legal texts copied give them.
@pytest.mark.parametrize(("text", "paragraphs"), [
    ("1. Thực hiện sự chỉ đạo của\nỦy ban nhân dân tỉnh về công tác văn thư.",
     ["1. Thực hiện sự chỉ đạo của Ủy ban nhân dân tỉnh về công tác văn thư."]),
    ("Thực hiện Công văn số 12/UBND-VX của\nỦy ban nhân dân tỉnh về việc báo cáo.",
     ["Thực hiện Công văn số 12/UBND-VX của Ủy ban nhân dân tỉnh về việc báo cáo."]),
    # Not past a line of the header's or the closing's kinds, a heading, a line in capitals.
    ("Đề nghị các đơn vị phối hợp với\nKính gửi: Sở Nội vụ",
     ["Đề nghị các đơn vị phối hợp với", "Kính gửi: Sở Nội vụ"]),
    ("Nội dung kiểm tra và\n2. Kết quả", ["Nội dung kiểm tra và", "2. Kết quả"]),
    ("KẾ HOẠCH THỰC HIỆN CÁC\nNhiệm vụ", ["KẾ HOẠCH THỰC HIỆN CÁC", "Nhiệm vụ"]),
    # Not after a word that ends a noun phrase, not into a position or a name.
    ("1. Tình hình hiện tại\nToàn tỉnh có 120 xã.", ["1. Tình hình hiện tại", "Toàn tỉnh có 120 xã."]),
    ("2. Nhiệm vụ thời gian tiếp theo\nTiếp tục triển khai.", ["2. Nhiệm vụ thời gian tiếp theo",
                                                             "Tiếp tục triển khai."]),
    ("Kính gửi: Các đơn vị trực thuộc\nThực hiện Kế hoạch số 12/KH-UBND.",
     ["Kính gửi: Các đơn vị trực thuộc", "Thực hiện Kế hoạch số 12/KH-UBND."]),
    ("- Lãnh đạo các phòng và\nGIÁM ĐỐC", ["- Lãnh đạo các phòng và", "GIÁM ĐỐC"]),
    ("- Gửi bản sao cho\nNguyễn Văn An", ["- Gửi bản sao cho", "Nguyễn Văn An"]),
    # A body's name goes on whatever its case; a word that ends no noun phrase there goes on.
    ("Căn cứ Công văn số 1234/BGDĐT-GDTrH ngày 5/3/2024 của\nBộ GD&ĐT;",
     ["Căn cứ Công văn số 1234/BGDĐT-GDTrH ngày 5/3/2024 của Bộ GD&ĐT;"]),
    ("Thực hiện Kết luận của\nTỈNH ỦY;", ["Thực hiện Kết luận của TỈNH ỦY;"]),
    ("1. Công tác chỉ đạo theo\nKế hoạch số 45/KH-UBND ngày 2/3/2024", ["1. Công tác chỉ đạo theo Kế hoạch số "
                                                                       "45/KH-UBND ngày 2/3/2024"]),
])
def test_a_line_ending_with_a_word_no_sentence_ends_with_goes_on(text: str, paragraphs: list[str]) -> None:
    assert [b.text for b in read_text(text).blocks] == paragraphs


def test_report_text_has_no_markup() -> None:
    text = parse_text("#### **I. KHÁI QUÁT CHUNG**\n**1. Ưu điểm:** Tốt").text
    assert text == "I. KHÁI QUÁT CHUNG\n1. Ưu điểm: Tốt"


def test_crlf_line_ends() -> None:
    assert parse_text("I. A\r\nII. B\r\n").text == "I. A\nII. B"


def test_public_names_are_exported() -> None:
    import vnreport_extract

    assert set(vnreport_extract.__all__) == {"__version__", *vnreport_extract._EXPORTS}
    for name in vnreport_extract._EXPORTS:
        assert getattr(vnreport_extract, name) is not None


def test_public_functions_are_not_shadowed_by_their_modules() -> None:
    """Importing the pipeline must not replace ``vnreport_extract.resolve`` (the function)."""
    import vnreport_extract

    vnreport_extract.parse_text("Kế hoạch số 41/KH-UBND")
    assert callable(vnreport_extract.resolve) and callable(vnreport_extract.build_table)


def test_sentences_without_a_mark_are_what_the_splitter_gives() -> None:
    for text in ("Về công tác cải cách hành chính trên địa bàn xã Phú Tiến … năm 2023", "  ", "", "\n a \n"):
        assert sentences(text) == list(_sent_tokenize()(text))


def test_text_left_uncomposed_by_markdown_marks_is_composed() -> None:
    # The text reader normalises the whole text before dropping marks; a mark between a
    # letter and its accent leaves them apart, and the assembled text joins them again.
    assert parse_text("Kế hoạch e**\u0301** năm 2023").text == "Kế hoạch é năm 2023"


# HTML left in a text (a web page's, a PDF-to-Markdown converter's): a tag that breaks a line
# breaks it, or stands as a space; never words run together.
@pytest.mark.parametrize(("text", "paragraphs"), [
    ("Tổng số<br>860 hộ được khảo sát", ["Tổng số", "860 hộ được khảo sát"]),
    ("Tổng số</br>860 hộ được khảo sát", ["Tổng số", "860 hộ được khảo sát"]),  # a closing br, as some write it
    ("<div>I. KẾT QUẢ</div><div>1. Tình hình chung</div>", ["I. KẾT QUẢ", "1. Tình hình chung"]),
    ("<p>Căn cứ Luật Đất đai;</p><p>Căn cứ Nghị định số 43/2014/NĐ-CP;</p>",
     ["Căn cứ Luật Đất đai;", "Căn cứ Nghị định số 43/2014/NĐ-CP;"]),
    ("<h2>II. NHIỆM VỤ</h2>", ["II. NHIỆM VỤ"]),
    ("Sở Kế hoạch &amp; Đầu tư&nbsp;tỉnh", ["Sở Kế hoạch & Đầu tư tỉnh"]),  # character references
    ("<b>Tổng</b> số: 12 hộ", ["Tổng số: 12 hộ"]),  # an inline tag: nothing
])
def test_html_tags_that_break_a_line_break_it(text: str, paragraphs: list[str]) -> None:
    assert [b.text for b in read_text(text).blocks] == paragraphs


def test_a_break_in_a_cell_breaks_the_cell_as_a_docx_paragraph_does() -> None:
    doc = read_text("| STT | Lĩnh vực<br>công tác | Số hộ |\n|---|---|---|\n| 1 | Tư pháp<br/>hộ tịch | 99 |")
    assert [b.rows for b in doc.blocks] == [[["STT", "Lĩnh vực\ncông tác", "Số hộ"], ["1", "Tư pháp\nhộ tịch", "99"]]]


def test_a_header_pasted_as_a_table_with_breaks_in_its_cells_is_read() -> None:
    r = parse_text("| ỦY BAN NHÂN DÂN<br>**XÃ PHÚ TIẾN** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>"
                   "**Độc lập - Tự do - Hạnh phúc** |\n|---|---|\n"
                   "| Số: 12/BC-UBND | Phú Tiến, ngày 15 tháng 5 năm 2023 |\n\n"
                   "<p><b>BÁO CÁO</b></p><p>Kết quả công tác dân vận năm 2023</p>\n"
                   "<p>Tổng số<br>860 hộ được khảo sát.</p>")
    m = r.metadata
    assert (m.issuer, m.number and m.number.symbol, m.place, m.date and m.date.iso, m.doc_type, m.title,
            [(f.value, f.unit) for f in r.figures]) == (
        "ỦY BAN NHÂN DÂN XÃ PHÚ TIẾN", "12/BC-UBND", "Phú Tiến", "2023-05-15", "Báo cáo",
        "Kết quả công tác dân vận năm 2023", [(860, "hộ")])
