"""DOCX reader: the real .docx files of the corpus (fixtures/real), and Word features the
corpus files do not use (text boxes, content controls, endnotes, numbering formats, legacy
fonts), shown on documents built from a real file's package with a new body."""

from __future__ import annotations

import io
import json
import random
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from vnreport_extract.document import SourceDocument, assemble
from vnreport_extract.errors import CorruptFileError, VnReportError
from vnreport_extract.extract.sections import walk
from vnreport_extract.limits import LimitExceededError, Limits
from vnreport_extract.models import Report
from vnreport_extract.pipeline import parse_file
from vnreport_extract.readers import docx
from vnreport_extract.readers.docx import read_docx

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REAL = FIXTURES / "real"
GOLD = FIXTURES / "gold"
REAL_DOCX = sorted(p.name for p in REAL.glob("*.docx"))


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    return {name: parse_file(REAL / name) for name in REAL_DOCX}


@pytest.fixture(scope="module")
def docs() -> dict[str, SourceDocument]:
    return {name: read_docx(REAL / name) for name in REAL_DOCX}


_HEADER = ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           "Độc lập - Tự do - Hạnh phúc"]


def _lines(report: Report, n: int) -> list[str]:
    return report.text.split("\n")[:n]


# --------------------------------------------------------------------------- real documents


def test_fixture_set_is_the_corpus_docx() -> None:
    assert REAL_DOCX == ["bc-cchc-nam-2025.docx", "bc-quan-ly-hoi-2025.docx", "kh-cchc-2026.docx",
                         "kh-pcmt-2030.docx", "qd-kien-toan-doi-ucsc.docx"]


@pytest.mark.parametrize("name", REAL_DOCX)
def test_every_real_docx_parses(reports: dict[str, Report], name: str) -> None:
    r = reports[name]
    assert (r.source.format, r.source.pages, r.source.ocr, r.metadata.issuer) == \
        ("docx", None, False, "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG")


def test_auto_numbered_headings_get_the_number_word_shows(docs: dict[str, SourceDocument]) -> None:
    labels = [b.label for b in docs["kh-cchc-2026.docx"].blocks if b.label]
    assert labels == ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "a)", "b)", "c)", "a)", "b)"]


def test_auto_numbered_sections_of_kh_cchc_2026(reports: dict[str, Report]) -> None:
    gold = json.loads((GOLD / "kh-cchc-2026.gold.json").read_text(encoding="utf-8"))
    expected = [(s["number"], s["level"], s["title"][:40])
                for s in gold["sections"] if s.get("docx_numbering")]
    found = [(s.number, s.level, s.title[:40]) for s in walk(reports["kh-cchc-2026.docx"].sections)]
    assert len(expected) == 12 and [e for e in expected if e in found] == expected


def test_header_table_2x2_reads_issuer_quoc_hieu_number_date(reports: dict[str, Report]) -> None:
    assert _lines(reports["kh-cchc-2026.docx"], 6) == \
        [*_HEADER, "Số: /KH-UBND", "Lâm Đồng, ngày tháng 12 năm 2025"]


def test_header_table_one_row_left_issuer_and_number_reordered(reports: dict[str, Report]) -> None:
    # kh-pcmt-2030: one row, the left cell holds issuer + Số, the right one Quốc hiệu + date.
    assert _lines(reports["kh-pcmt-2030.docx"], 6) == \
        [*_HEADER, "Số: /KH-UBND", "Lâm Đồng, ngày tháng 10 năm 2025"]


def test_header_table_with_empty_middle_row(reports: dict[str, Report]) -> None:
    m = reports["bc-quan-ly-hoi-2025.docx"].metadata
    assert (m.number.type_code if m.number else None, m.place, m.date.iso if m.date else None) == \
        ("BC", "Lâm Đồng", "2025-12")


def test_trich_yeu_in_a_one_cell_table_is_layout(docs: dict[str, SourceDocument],
                                                 reports: dict[str, Report]) -> None:
    boxed = [b for b in docs["bc-quan-ly-hoi-2025.docx"].blocks if b.kind == "layout"][1]
    assert (boxed.rows, reports["bc-quan-ly-hoi-2025.docx"].metadata.title) == \
        ([["Tổ chức, hoạt động và quản lý hội năm 2025"]], "Tổ chức, hoạt động và quản lý hội năm 2025")


def test_signature_table_is_layout_column_by_column(docs: dict[str, SourceDocument]) -> None:
    layout = [b for b in docs["kh-cchc-2026.docx"].blocks if b.kind == "layout"][-1]
    assert (layout.rows[0][0].split("\n")[:2], layout.rows[1]) == \
        (["Nơi nhận:", "- Bộ Nội vụ;"], ["KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Ngọc Phúc"])


def test_signature_table_with_name_below_it(reports: dict[str, Report]) -> None:
    s = reports["qd-kien-toan-doi-ucsc.docx"].metadata.signer
    assert s is not None and (s.position, s.name) == ("Chủ tịch", "Hồ Văn Mười")


def test_recipients_from_the_signature_table(reports: dict[str, Report]) -> None:
    recipients = reports["kh-pcmt-2030.docx"].metadata.recipients
    assert recipients[:2] == ["Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh"]


def test_no_layout_table_is_a_data_table(reports: dict[str, Report]) -> None:
    # The Phụ lục issued with kh-cchc-2026 is an attachment: its table is counted with it. The
    # seven Biểu mẫu of bc-cchc-nam-2025 (two of them typed again after a page break: one each).
    assert [sum(len(r.tables) for r in (reports[n], *reports[n].attachments)) for n in REAL_DOCX] == [7, 0, 1, 0, 0]


def test_cell_merged_across_columns_repeated_in_rows_once_in_text(docs: dict[str, SourceDocument],
                                                                 reports: dict[str, Report]) -> None:
    table = next(b for b in docs["kh-cchc-2026.docx"].blocks if b.kind == "table")
    row = next(r for r in table.rows if "1441/QĐ-UBND" in r[4])
    report = reports["kh-cchc-2026.docx"]
    mentions = [c for r in (report, *report.attachments) for c in r.citations if c.symbol == "1441/QĐ-UBND"]
    gold = json.loads((GOLD / "kh-cchc-2026.gold.json").read_text(encoding="utf-8"))
    assert (row[4] == row[5], len(mentions)) == \
        (True, sum(1 for c in gold["citations"] if c["symbol"] == "1441/QĐ-UBND"))


def test_vertically_merged_cell_repeated_and_rows_same_width(docs: dict[str, SourceDocument]) -> None:
    table = next(b for b in docs["bc-cchc-nam-2025.docx"].blocks if b.kind == "table")
    assert (table.rows[1][0], table.merged[1][0], {len(r) for r in table.rows}) == ("STT", True, {5})


def test_footnotes_kept_apart_after_the_body(docs: dict[str, SourceDocument],
                                             reports: dict[str, Report]) -> None:
    notes = [b for b in docs["bc-cchc-nam-2025.docx"].blocks if b.kind == "footnote"]
    text = reports["bc-cchc-nam-2025.docx"].text
    first = text.index("Thường trực Tỉnh ủy và Ủy ban nhân dân tỉnh đã thành lập các đoàn công tác")
    assert (len(notes), text.index("Nơi nhận:") < first) == (17, True)


def test_citations_in_footnotes_are_found(reports: dict[str, Report]) -> None:
    symbols = {c.symbol for c in reports["bc-cchc-nam-2025.docx"].citations}
    assert {"2139/QĐ-UBND", "751/KH-UBND", "150/STP-QLTDPL"} <= symbols


@pytest.mark.parametrize("name", ["kh-pcmt-2030.docx", "bc-quan-ly-hoi-2025.docx"])
def test_unicode_text_in_a_legacy_named_normal_style_is_left_alone(docs: dict[str, SourceDocument],
                                                                  name: str) -> None:
    # Their Normal style names .VnTime / VNI-Times, but the text is Unicode.
    doc = docs[name]
    assert (doc.warnings, "Độc lập - Tự do - Hạnh phúc" in assemble(doc).text) == ([], True)


# --------------------------------------------------------------------------- built documents

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
       'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" mc:Ignorable="wps"')

_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {_NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr>
</w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>
<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/>
<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr></w:style>
<w:style w:type="table" w:styleId="GridNamed"><w:name w:val="Grid Named"/><w:basedOn w:val="TableGrid"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="VnNormal"><w:name w:val="Vn Normal"/>
<w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="VniChar"><w:name w:val="Vni Char"/>
<w:rPr><w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/></w:rPr></w:style>
</w:styles>"""


def _lvl(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


_NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {_NS}>
<w:abstractNum w:abstractNumId="10">{_lvl(0, "upperRoman", "%1.")}
{_lvl(1, "decimal", "%2.", '<w:pStyle w:val="Heading2"/>')}
{_lvl(2, "decimal", "%2.%3.")}{_lvl(3, "lowerLetter", "%4)", '<w:lvlRestart w:val="1"/>')}</w:abstractNum>
<w:abstractNum w:abstractNumId="20">{_lvl(0, "bullet", "-")}</w:abstractNum>
<w:abstractNum w:abstractNumId="30">{_lvl(0, "lowerLetter", "%1)")}</w:abstractNum>
<w:abstractNum w:abstractNumId="40">{_lvl(0, "upperRoman", "%1.")}{_lvl(1, "decimal", "%1.%2.")}
{_lvl(2, "decimal", "%1.%2.%3.")}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="30"/>
<w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="30"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="40"/></w:num>
</w:numbering>"""


def _p(text: str, *, num: tuple[int, int] | None = None, style: str | None = None, run: str = "") -> str:
    ppr = ""
    if style or num:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "")
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    return f'<w:p>{ppr}{run}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _notes(kind: str, texts: list[str]) -> str:
    sep = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
           f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
           f'</w:p></w:{kind}>')
    body = "".join(f'<w:{kind} w:id="{i}">{_p(t)}</w:{kind}>' for i, t in enumerate(texts, 1))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s {_NS}>{sep}{body}</w:{kind}s>'


def _build(tmp_path: Path, body: str, *, footnotes: Sequence[str] = (), endnotes: Sequence[str] = ()) -> Path:
    """A .docx with a real file's package (qd-kien-toan-doi-ucsc) and a new body, styles,
    numbering and notes."""
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_NS}><w:body>{body}'
                f'<w:sectPr/></w:body></w:document>')
    replaced = {"word/document.xml": document, "word/styles.xml": _STYLES, "word/numbering.xml": _NUMBERING,
                "word/footnotes.xml": _notes("footnote", list(footnotes)),
                "word/endnotes.xml": _notes("endnote", list(endnotes))}
    out = tmp_path / "built.docx"
    with zipfile.ZipFile(REAL / "qd-kien-toan-doi-ucsc.docx") as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = replaced[item.filename].encode() if item.filename in replaced else src.read(item.filename)
            dst.writestr(item.filename, data)
    return out


def _paragraphs(path: Path) -> list[tuple[str | None, str]]:
    return [(b.label, b.text) for b in read_docx(path).blocks if b.kind == "paragraph"]


_TEXT_BOX = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
             '<a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{0}</w:txbxContent></wps:txbx></wps:wsp>'
             '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>'
             '<v:textbox><w:txbxContent>{0}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
             '</mc:AlternateContent></w:r>')


def test_text_box_paragraphs_at_their_anchor_once(tmp_path: Path) -> None:
    box = _TEXT_BOX.format(_p("Số: 12/BC-UBND") + _p("V/v báo cáo"))
    path = _build(tmp_path, _p("Trước") + _p("Neo", run=box) + _p("Sau"))
    assert [t for _, t in _paragraphs(path)] == ["Trước", "Số: 12/BC-UBND", "V/v báo cáo", "Neo", "Sau"]


def test_content_controls_are_read_in_place(tmp_path: Path) -> None:
    body = _p("Một") + f"<w:sdt><w:sdtPr/><w:sdtContent>{_p('Hai')}</w:sdtContent></w:sdt>" + \
        '<w:p><w:sdt><w:sdtContent><w:r><w:t>Ba</w:t></w:r></w:sdtContent></w:sdt></w:p>'
    assert [t for _, t in _paragraphs(_build(tmp_path, body))] == ["Một", "Hai", "Ba"]


_BROKEN = ('<w:p><w:r><w:t xml:space="preserve">Thực hiện Kế hoạch số 247/KH-UBND</w:t></w:r><w:r><w:{0}/></w:r>'
           '<w:r><w:t xml:space="preserve">ngày 29/12/2021 của UBND tỉnh về cải cách hành chính.</w:t></w:r></w:p>')


@pytest.mark.parametrize("brk", ["br", "cr"])
def test_a_line_break_typed_inside_a_sentence_is_a_space(tmp_path: Path, brk: str) -> None:
    # Word's Shift+Enter between a symbol and its date: the citation keeps its date and author,
    # as the text and the PDF of the same document give them.
    report = parse_file(_build(tmp_path, _BROKEN.format(brk)))
    assert [(c.symbol, c.date and c.date.iso, c.authority) for c in report.citations] == \
        [("247/KH-UBND", "2021-12-29", "UBND tỉnh")]


def test_line_breaks_between_lines_of_their_own_stay(tmp_path: Path) -> None:
    body = ('<w:p><w:r><w:t>I. KẾT QUẢ THỰC HIỆN</w:t></w:r><w:r><w:br/></w:r>'
            '<w:r><w:t>1. Công tác chỉ đạo</w:t></w:r></w:p>')
    assert _paragraphs(_build(tmp_path, body)) == [(None, "I. KẾT QUẢ THỰC HIỆN\n1. Công tác chỉ đạo")]


def test_hidden_and_deleted_text_left_out(tmp_path: Path) -> None:
    body = ('<w:p><w:r><w:t xml:space="preserve">Kế hoạch </w:t></w:r>'
            '<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn </w:t></w:r>'
            '<w:del w:id="1" w:author="x"><w:r><w:delText>xóa </w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="x"><w:r><w:t>số 12</w:t></w:r></w:ins></w:p>')
    assert _paragraphs(_build(tmp_path, body)) == [(None, "Kế hoạch số 12")]


def test_endnotes_and_footnotes_in_reference_order(tmp_path: Path) -> None:
    body = ('<w:p><w:r><w:t>A</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r>'
            '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p>')
    doc = read_docx(_build(tmp_path, body, footnotes=["Chỉ thị số 33/CT-TTg", "Nghị định số 61/2018/NĐ-CP"],
                           endnotes=["Kế hoạch số 5/KH-UBND"]))
    assert [b.text for b in doc.blocks if b.kind == "footnote"] == \
        ["Nghị định số 61/2018/NĐ-CP", "Chỉ thị số 33/CT-TTg", "Kế hoạch số 5/KH-UBND"]


_NUMBERED = [
    (_p("Mở đầu", style="Heading1"), "I."),          # numbering from the paragraph style
    (_p("Một", num=(1, 1)), "1."),
    (_p("Hai", num=(1, 1)), "2."),
    (_p("Hai chấm một", num=(1, 2)), "2.1."),         # %2.%3.
    (_p("Chữ a", num=(1, 3)), "a)"),
    (_p("Ba", num=(2, 1)), "3."),                     # another numId on the same list continues it
    (_p("Chữ b", num=(1, 3)), "b)"),                  # lvlRestart 1: not restarted by level 2 (ilvl 1)
    (_p("Phần hai", style="Heading1"), "II."),
    (_p("Lại một", style="Heading2"), "1."),          # a style linked to level 1 by w:lvl/w:pStyle
    (_p("Lại chữ a", num=(1, 3)), "a)"),
    (_p("Từ d", num=(3, 0)), "d)"),                   # startOverride 4
    (_p("Tiếp e", num=(3, 0)), "e)"),
    (_p("Tiếp f", num=(5, 0)), "f)"),                 # the same abstract list, no override: continues
    (_p("Gạch đầu dòng", num=(4, 0)), None),          # bullets are not labels
    (_p("Tắt đánh số", style="Heading1", num=(0, 0)), None),  # numId 0 switches the style's list off
]


@pytest.mark.parametrize("index", range(len(_NUMBERED)))
def test_numbering_formats_and_counters(tmp_path: Path, index: int) -> None:
    path = _build(tmp_path, "".join(p for p, _ in _NUMBERED))
    assert _paragraphs(path)[index][0] == _NUMBERED[index][1]


def test_a_level_shown_for_a_deeper_item_counts_as_used(tmp_path: Path) -> None:
    # de-cuong (Phú Thọ 2012): a Heading 3 right under a Heading 1 shows IV.1.1.; the Heading 2
    # after it is IV.2., as Word's own table of contents in that document shows it.
    body = _p("Nội dung", num=(6, 0)) + _p("Mục tiêu chung", num=(6, 2)) + _p("Phạm vi", num=(6, 1))
    assert [label for label, _ in _paragraphs(_build(tmp_path, body))] == ["I.", "I.1.1.", "I.2."]


def test_lower_letter_has_no_d_stroke_as_word_shows(tmp_path: Path) -> None:
    path = _build(tmp_path, "".join(_p(f"Mục {i}", num=(5, 0)) for i in range(6)))
    assert [label for label, _ in _paragraphs(path)] == ["a)", "b)", "c)", "d)", "e)", "f)"]


def test_numbered_paragraphs_in_cells_carry_their_number(tmp_path: Path) -> None:
    cell = "<w:tc>{}</w:tc>"
    row = "<w:tr>" + cell.format(_p("", num=(5, 0))) + cell.format(_p("Nội dung")) + "</w:tr>"
    doc = read_docx(_build(tmp_path, f"<w:tbl>{_GRID}{row}{row}{row}</w:tbl>"))
    assert [b.rows for b in doc.blocks if b.kind == "table"] == \
        [[["a)", "Nội dung"], ["b)", "Nội dung"], ["c)", "Nội dung"]]]


_GRID = '<w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>'


def _box(rows: list[list[str]], pr: str = "", cell_pr: str = "") -> str:
    """A table of one paragraph a cell, with table properties ``pr`` and cell properties ``cell_pr``."""
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{cell_pr}{_p(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{pr}{cells}</w:tbl>"


_LABELS = [["Chủ đầu tư:", "Bộ Thông tin và Truyền thông"], ["Phạm vi khảo sát:", "cấp huyện tỉnh Phú Thọ"]]
_PARTIES = [["Đại diện Trung tâm tin học", "Đại diện Chủ đầu tư"], ["Đặng Quang Khanh", "Phan Đình Hiếu"]]


def test_a_borderless_box_of_labels_is_layout_read_row_by_row(tmp_path: Path) -> None:
    # kh-nhiem-vu-khao-sat (.doc): ``Chủ đầu tư:`` beside its value, no line drawn.
    doc = read_docx(_build(tmp_path, _box(_LABELS)))
    assert [(b.kind, b.rows) for b in doc.blocks] == [("layout", _LABELS)]


def test_a_borderless_box_of_parties_is_layout_read_column_by_column(tmp_path: Path) -> None:
    # bien-ban-lam-viec (.doc): the parties side by side over their names, as a signature block.
    doc = read_docx(_build(tmp_path, _box(_PARTIES)))
    assert [(b.kind, b.rows) for b in doc.blocks] == [
        ("layout", [["Đại diện Trung tâm tin học", "Đặng Quang Khanh"], ["Đại diện Chủ đầu tư", "Phan Đình Hiếu"]])]


@pytest.mark.parametrize("pr, cell_pr", [
    (_GRID, ""),  # its style draws the lines
    ('<w:tblPr><w:tblStyle w:val="GridNamed"/></w:tblPr>', ""),  # a style based on one that does
    ('<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>', ""),  # its own borders
    ("", '<w:tcPr><w:tcBorders><w:bottom w:val="single" w:sz="4"/></w:tcBorders></w:tcPr>'),  # its cells'
], ids=["style", "based-on-style", "table-borders", "cell-borders"])
def test_a_ruled_box_is_a_table(tmp_path: Path, pr: str, cell_pr: str) -> None:
    doc = read_docx(_build(tmp_path, _box(_LABELS, pr, cell_pr)))
    assert [(b.kind, b.rows) for b in doc.blocks] == [("table", _LABELS)]


def test_borders_set_to_none_draw_no_line(tmp_path: Path) -> None:
    pr = '<w:tblPr><w:tblBorders><w:top w:val="nil"/><w:insideV w:val="none"/></w:tblBorders></w:tblPr>'
    doc = read_docx(_build(tmp_path, _box(_LABELS, pr)))
    assert [b.kind for b in doc.blocks] == ["layout"]


def test_borders_of_a_style_turned_off_by_the_table_draw_no_line(tmp_path: Path) -> None:
    # What Word writes for "No Border" on a Table Grid table: the style's edges set to nil.
    edges = "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "start", "bottom", "end", "insideH", "insideV"))
    pr = f'<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblBorders>{edges}</w:tblBorders></w:tblPr>'
    doc = read_docx(_build(tmp_path, _box(_LABELS, pr)))
    assert [b.kind for b in doc.blocks] == ["layout"]


def test_one_edge_of_a_style_turned_off_leaves_the_others(tmp_path: Path) -> None:
    pr = '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblBorders><w:top w:val="nil"/></w:tblBorders></w:tblPr>'
    doc = read_docx(_build(tmp_path, _box(_LABELS, pr)))
    assert [b.kind for b in doc.blocks] == ["table"]


def test_a_small_borderless_table_of_figures_is_a_table(tmp_path: Path) -> None:
    rows = [["Năm", "Số lượng"], ["2011", "12"], ["2012", "15"]]
    doc = read_docx(_build(tmp_path, _box(rows)))
    assert [(b.kind, b.rows) for b in doc.blocks] == [("table", rows)]


def test_a_box_without_labels_is_read_column_by_column(tmp_path: Path) -> None:
    # Its first cells empty: no label to read a value after.
    doc = read_docx(_build(tmp_path, _box([["", "Đại diện bên A"], ["", "Nguyễn Văn An"]])))
    assert [(b.kind, b.rows) for b in doc.blocks] == [("layout", [["Đại diện bên A", "Nguyễn Văn An"]])]


def test_an_empty_or_blank_table_gives_no_block_and_no_error(tmp_path: Path) -> None:
    doc = read_docx(_build(tmp_path, "<w:tbl><w:tblPr/></w:tbl>" + _box([["", ""], [" ", ""]]) + _p("Hết")))
    assert [(b.kind, b.text) for b in doc.blocks] == [("paragraph", "Hết")]


def test_a_borderless_table_of_more_rows_or_columns_is_a_table(tmp_path: Path) -> None:
    rows = [["TT", "Đơn vị", "Ghi chú"], ["1", "Xã A", ""], ["2", "Xã B", ""]]
    longer = [["1", "Xã A"], ["2", "Xã B"], ["3", "Xã C"], ["4", "Xã D"]]
    doc = read_docx(_build(tmp_path, _box(rows) + _p("tiếp") + _box(longer)))
    assert [b.kind for b in doc.blocks] == ["table", "paragraph", "table"]


def test_ragged_rows_padded_and_grid_before_kept(tmp_path: Path) -> None:
    tbl = ('<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>' + _p("Đầu") + "</w:tc>"
           "<w:tc>" + _p("C") + "</w:tc></w:tr>"
           '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc>' + _p("B") + "</w:tc></w:tr></w:tbl>")
    doc = read_docx(_build(tmp_path, tbl))
    table = next(b for b in doc.blocks if b.kind == "table")
    assert (table.rows, table.merged) == ([["Đầu", "Đầu", "C"], ["", "B", ""]],
                                          [[False, True, False], [False, False, False]])


def _cells(*cells: tuple[str, int]) -> str:
    """A table row of cells (text, grid columns spanned)."""
    spans = ['<w:tcPr><w:gridSpan w:val="%d"/></w:tcPr>' % span if span > 1 else "" for _, span in cells]  # noqa: UP031
    tcs = (f"<w:tc>{pr}{_p(text)}</w:tc>" for (text, _), pr in zip(cells, spans, strict=True))
    return "<w:tr>" + "".join(tcs) + "</w:tr>"


def test_a_grid_column_only_a_last_row_laid_out_apart_has_is_no_column(tmp_path: Path) -> None:
    # tt-2442-2007-TT-TTCP's form (its .doc printed by LibreOffice): the description spans two
    # grid columns in every row but the last, whose date cell starts between them.
    head = _cells(("TT", 1), ("Loại tài sản", 1), ("Thông tin mô tả về tài sản", 2))
    row = _cells(("1", 1), ("Nhà, công trình xây dựng", 1), ("Có / Không có", 2))
    last = _cells(("", 3), ("…., ngày…. tháng … năm ….", 1))
    doc = read_docx(_build(tmp_path, f"<w:tbl>{head}{row}{last}</w:tbl>"))
    table = next(b for b in doc.blocks if b.kind == "table")
    assert (table.rows, table.merged) == (
        [["TT", "Loại tài sản", "Thông tin mô tả về tài sản"], ["1", "Nhà, công trình xây dựng", "Có / Không có"],
         ["", "", "…., ngày…. tháng … năm …."]],
        [[False] * 3, [False] * 3, [False, True, False]])


def test_a_grid_column_only_a_last_row_has_keeps_its_own_text_beside_a_cell(tmp_path: Path) -> None:
    # The same, with a cell of the last row on the left column of the two: both texts are
    # kept, in one cell.
    head = _cells(("TT", 1), ("Nội dung", 2), ("Đơn vị", 1), ("Thời gian", 1), ("Ghi chú", 1))
    last = _cells(("", 1), ("Người lập biểu", 1), ("Thủ trưởng đơn vị", 1), ("", 3))
    doc = read_docx(_build(tmp_path, f"<w:tbl>{head}{head}{last}</w:tbl>"))
    table = next(b for b in doc.blocks if b.kind == "table")
    assert (table.rows[-1], table.merged[-1]) == (["", "Người lập biểu\nThủ trưởng đơn vị", "", "", ""],
                                                  [False, False, False, True, True])


_DATE = "ngày 05 tháng 01 năm 2026"


def _tabbed(left: str, right: str) -> str:
    return (f'<w:p><w:r><w:t xml:space="preserve">{left}</w:t></w:r><w:r><w:tab/><w:tab/></w:r>'
            f'<w:r><w:t>{right}</w:t></w:r></w:p>')


def test_header_laid_out_with_tabs_is_a_layout_block(tmp_path: Path) -> None:
    body = (_tabbed("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            + _tabbed("TỈNH LÂM ĐỒNG", "Độc lập - Tự do - Hạnh phúc")
            + _tabbed("Số: 12/BC-UBND", f"Lâm Đồng, {_DATE}") + _p("BÁO CÁO"))
    doc = read_docx(_build(tmp_path, body))
    assert assemble(doc).text.split("\n") == [*_HEADER, "Số: 12/BC-UBND", f"Lâm Đồng, {_DATE}", "BÁO CÁO"]


def test_header_table_with_the_title_merged_below(tmp_path: Path) -> None:
    def tc(text: str, span: int = 1) -> str:
        pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
        return f"<w:tc>{pr}{''.join(_p(line) for line in text.split('|'))}</w:tc>"

    tbl = ("<w:tbl><w:tr>" + tc("ỦY BAN NHÂN DÂN|TỈNH LÂM ĐỒNG|Số: 12/UBND-VX")
           + tc(f"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do - Hạnh phúc|Lâm Đồng, {_DATE}")
           + "</w:tr><w:tr>" + tc("V/v triển khai kế hoạch năm 2026", 2) + "</w:tr></w:tbl>")
    doc = read_docx(_build(tmp_path, tbl))
    assert assemble(doc).text.split("\n") == [*_HEADER, "Số: 12/UBND-VX", f"Lâm Đồng, {_DATE}",
                                              "V/v triển khai kế hoạch năm 2026"]


# --------------------------------------------------------------------------- legacy fonts


def test_tcvn3_run_converted_to_unicode(tmp_path: Path) -> None:
    body = ('<w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr>'
            '<w:t>Céng hoµ x· héi chñ nghÜa ViÖt Nam</w:t></w:r></w:p>')
    doc = read_docx(_build(tmp_path, body))
    assert ([b.text for b in doc.blocks], [c for c, _ in doc.warnings]) == \
        (["Cộng hoà xã hội chủ nghĩa Việt Nam"], ["legacy-encoding"])


def test_tcvn3_font_from_the_paragraph_style(tmp_path: Path) -> None:
    body = _p("B¸o c¸o kÕt qu¶ thùc hiÖn", style="VnNormal")
    assert [t for _, t in _paragraphs(_build(tmp_path, body))] == ["Báo cáo kết quả thực hiện"]


def test_vni_run_from_a_character_style(tmp_path: Path) -> None:
    body = ('<w:p><w:r><w:rPr><w:rStyle w:val="VniChar"/></w:rPr>'
            '<w:t>Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam</w:t></w:r></w:p>')
    assert [t for _, t in _paragraphs(_build(tmp_path, body))] == ["Cộng hòa xã hội chủ nghĩa Việt Nam"]


def test_unicode_run_in_a_legacy_font_is_not_converted(tmp_path: Path) -> None:
    body = _p("Công tác cải cách hành chính", style="VnNormal")
    assert [t for _, t in _paragraphs(_build(tmp_path, body))] == ["Công tác cải cách hành chính"]


# --------------------------------------------------------------------------- bad input


def _truncated(tmp_path: Path) -> Path:
    data = (REAL / "kh-cchc-2026.docx").read_bytes()
    out = tmp_path / "truncated.docx"
    out.write_bytes(data[: len(data) // 2])
    return out


def _plain_zip(tmp_path: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("data/report.csv", "a,b\n1,2\n")
    out = tmp_path / "archive.docx"
    out.write_bytes(buf.getvalue())
    return out


def _broken_xml(tmp_path: Path) -> Path:
    out = tmp_path / "broken.docx"
    with zipfile.ZipFile(REAL / "qd-kien-toan-doi-ucsc.docx") as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item.filename, data[:500] if item.filename == "word/document.xml" else data)
    return out


def _random_bytes(tmp_path: Path) -> Path:
    out = tmp_path / "random.docx"
    out.write_bytes(random.Random(3).randbytes(20000))
    return out


@pytest.mark.parametrize("make", [_truncated, _plain_zip, _broken_xml])
def test_broken_docx_gives_corrupt_file_error(tmp_path: Path, make: Callable[[Path], Path]) -> None:
    path = make(tmp_path)
    with pytest.raises(CorruptFileError, match=r"^.*\.docx: [^\n]+$"):
        parse_file(path)


def test_random_bytes_named_docx_read_as_docx(tmp_path: Path) -> None:
    with pytest.raises(CorruptFileError, match="not a Word document"):
        read_docx(_random_bytes(tmp_path))


def test_random_bytes_named_docx_parsed(tmp_path: Path) -> None:
    with pytest.raises(VnReportError):
        parse_file(_random_bytes(tmp_path))



ARCHIVE_DOCX = Path(__file__).resolve().parent.parent / "fixtures" / "archives" / "lam-dong-2025"


def test_closing_block_laid_out_with_tab_stops_is_two_columns() -> None:
    # ``Nơi nhận:<tab>TL. CHỦ TỊCH`` / ``- Như trên;<tab>CHÁNH VĂN PHÒNG``: no table.
    r = parse_file(ARCHIVE_DOCX / "cv-ubnd-nc-giao-cv-4552-bca-du-thao.docx")
    signer = r.metadata.signer
    assert signer is not None and (signer.authority, signer.on_behalf_of, signer.position, signer.name) == (
        "TL.", "Chủ tịch", "Chánh Văn phòng", "Nguyễn Nhân Bản")


def test_recipients_of_a_tabbed_closing_block_have_no_signature_text() -> None:
    r = parse_file(ARCHIVE_DOCX / "cv-ubnd-nc-giao-cv-4552-bca-du-thao.docx")
    assert r.metadata.recipients == ["Công an tỉnh", "Như trên", "Chủ tịch UBND tỉnh", "LĐVP", "Lưu: VT, NC.Châu"]


# --------------------------------------------------------------------------- nothing lost silently


def test_one_cell_frame_whose_text_is_not_in_the_first_cell_is_kept(tmp_path: Path) -> None:
    # luat-56-2010-qh12-thanh-tra.doc: the Luật's signature in the right cell of a two-cell
    # table whose left cell holds a space.
    tbl = ("<w:tbl><w:tr><w:tc>" + _p(" ") + "</w:tc><w:tc>" + _p("CHỦ TỊCH QUỐC HỘI") + _p("Nguyễn Phú Trọng")
           + "</w:tc></w:tr></w:tbl>")
    path = _build(tmp_path, _p("Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XII, kỳ họp "
                               "thứ 8 thông qua ngày 15 tháng 11 năm 2010.") + tbl)
    assert [t for _, t in _paragraphs(path)][1:] == ["CHỦ TỊCH QUỐC HỘI", "Nguyễn Phú Trọng"]


_OLE = ('<w:r><w:object w:dxaOrig="8854" w:dyaOrig="6684"><v:shape id="ole_rId4" style="width:389pt;height:294pt">'
        '</v:shape><o:OLEObject Type="Embed" ProgID="Visio.Drawing.11" ShapeID="ole_rId4"/></w:object></w:r>')


def test_embedded_objects_are_warned_about(tmp_path: Path) -> None:
    # de-cuong-du-toan-qlvb-syt-sct-phu-tho-2012.doc: 26 Visio diagrams (``Lược đồ``) whose
    # labels are in the objects, not in the text.
    doc = read_docx(_build(tmp_path, _p("Lược đồ") + _p("", run=_OLE) + _p("", run=_OLE) + _p("Diễn giải")))
    assert [code for code, _ in doc.warnings] == ["content-not-read"]
    assert "2 embedded object" in doc.warnings[0][1]


def test_imported_part_is_warned_about(tmp_path: Path) -> None:
    doc = read_docx(_build(tmp_path, _p("Trước") + '<w:altChunk r:id="rId99"/>' + _p("Sau")))
    assert [b.text for b in doc.blocks] == ["Trước", "Sau"]
    assert [code for code, _ in doc.warnings] == ["content-not-read"]


def test_a_document_without_objects_has_no_such_warning(tmp_path: Path) -> None:
    assert read_docx(_build(tmp_path, _p("Trước") + _p("Sau"))).warnings == []


# --- A table typed again after a page break ---------------------------------------------------

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real"


def test_a_table_typed_again_after_a_page_break_is_one_table() -> None:
    # bc-cchc-nam-2025's appendix: Biểu mẫu 3 (19 rows, an empty line, 6 rows under its header
    # typed again) and Biểu mẫu 7 (17, two empty lines, 12): one table each, the header once.
    report = parse_file(REAL / "bc-cchc-nam-2025.docx")
    tables = [t for a in report.attachments for t in a.tables]
    assert [len(t.rows) + len(t.header) for t in tables] == [21, 15, 23, 21, 15, 15, 27]


def test_tables_under_titles_of_their_own_stay_apart() -> None:
    # The same five columns and header under ``Biểu mẫu 2`` / ``Biểu mẫu 3``: two tables.
    report = parse_file(REAL / "bc-cchc-nam-2025.docx")
    titles = [t.title for a in report.attachments for t in a.tables]
    assert len(titles) == 7 and len(set(titles)) == 7


def _grid_table(rows: list[list[str]], widths: Sequence[int] = ()) -> str:
    """A ruled table of text cells, its columns ``widths`` twips wide (2000 each by default)."""
    borders = "".join(f'<w:{e} w:val="single" w:sz="4"/>' for e in ("top", "left", "bottom", "right", "insideH",
                                                                   "insideV"))
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{_p(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths or [2000] * len(rows[0]))
    return (f"<w:tbl><w:tblPr><w:tblBorders>{borders}</w:tblBorders></w:tblPr>"
            f"<w:tblGrid>{grid}</w:tblGrid>{cells}</w:tbl>")


_HEAD = ["STT", "Chỉ tiêu thống kê", "Kết quả"]
_PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def _data_tables(tmp_path: Path, between: str) -> list[int]:
    body = _p("Biểu mẫu 3") + _grid_table([_HEAD, ["1", "Số TTHC", "40"], ["2", "Số hồ sơ", "12"]]) + between \
        + _grid_table([_HEAD, ["3", "Số hồ sơ trực tuyến", "9"]]) + _p("Trên đây là báo cáo.")
    return [len(b.rows) for b in read_docx(_build(tmp_path, body)).blocks if b.kind == "table"]


def test_a_table_typed_again_after_a_page_break_joins_the_first(tmp_path: Path) -> None:
    assert _data_tables(tmp_path, _p("") + _PAGE_BREAK) == [4]


def test_a_table_going_on_over_a_page_without_its_header_joins_the_first_where_its_columns_are(
        tmp_path: Path) -> None:
    # nd-37-2007-NĐ-CP's form (its .doc printed by LibreOffice): three tables, a page break
    # between each, the header on the first only.
    rows = [_HEAD, ["1", "Số TTHC", "40"]]
    more = _grid_table([["2", "Số hồ sơ", "12"]], [620, 2990, 2000])
    body = _grid_table(rows, [600, 3000, 2000]) + _PAGE_BREAK + more
    assert [len(b.rows) for b in read_docx(_build(tmp_path, body)).blocks if b.kind == "table"] == [3]


def test_tables_of_words_default_equal_columns_after_a_page_break_without_a_header_stay_apart(
        tmp_path: Path) -> None:
    # Columns of one width each say nothing: any two tables of as many columns have them.
    body = _grid_table([_HEAD, ["1", "Số TTHC", "40"]]) + _PAGE_BREAK + _grid_table([["Họ và tên", "Lĩnh vực", "Số"]])
    assert [len(b.rows) for b in read_docx(_build(tmp_path, body)).blocks if b.kind == "table"] == [2, 1]


def test_a_grid_without_its_columns_widths_has_no_slivers_and_no_edges(tmp_path: Path) -> None:
    # ``<w:gridCol/>`` with no width: a staircase of merged cells keeps its three columns.
    def tc(text: str, span: int = 1) -> str:
        pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
        return f"<w:tc>{pr}{_p(text)}</w:tc>"

    tbl = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
           f"<w:tr>{tc('Họ tên')}{tc('Chức vụ', 2)}</w:tr><w:tr>{tc('Nguyễn Văn A', 2)}{tc('Giám đốc')}</w:tr>"
           f"<w:tr>{tc('Trần Văn B')}{tc('Phó Giám đốc', 2)}</w:tr><w:tr>{tc('1')}{tc('2')}{tc('3')}</w:tr></w:tbl>")
    table = next(b for b in read_docx(_build(tmp_path, tbl)).blocks if b.kind == "table")
    assert table.rows[:3] == [["Họ tên", "Chức vụ", "Chức vụ"], ["Nguyễn Văn A", "Nguyễn Văn A", "Giám đốc"],
                              ["Trần Văn B", "Phó Giám đốc", "Phó Giám đốc"]]


def test_a_small_table_of_representatives_with_their_numbers_is_data(tmp_path: Path) -> None:
    body = _grid_table([["Thành phần", "Số người"], ["Đại diện UBND xã", "3"], ["Đại diện Hội Nông dân", "2"]])
    assert [b.kind for b in read_docx(_build(tmp_path, body)).blocks] == ["table"]


def test_a_table_after_a_page_break_with_its_columns_elsewhere_and_no_header_stays_apart(tmp_path: Path) -> None:
    rows = [_HEAD, ["1", "Số TTHC", "40"]]
    more = _grid_table([["2", "Số hồ sơ", "12"]], [600, 2000, 3000])
    body = _grid_table(rows, [600, 3000, 2000]) + _PAGE_BREAK + more
    assert [len(b.rows) for b in read_docx(_build(tmp_path, body)).blocks if b.kind == "table"] == [2, 1]


def test_a_sliver_between_two_borders_that_should_be_one_is_no_column(tmp_path: Path) -> None:
    # nd-37-2007-NĐ-CP's form: ``Biến động giảm`` ends 280 twips (5 mm) before the cells under it.
    def tc(text: str, span: int = 1) -> str:
        pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
        return f"<w:tc>{pr}{_p(text)}</w:tc>"

    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in (591, 1897, 2100, 280, 2660))
    tbl = (f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>"
           f"<w:tr>{tc('TT')}{tc('Loại tài sản')}{tc('Biến động giảm')}{tc('Biến động tăng', 2)}</w:tr>"
           f"<w:tr>{tc('1')}{tc('Nhà')}{tc('Bán nhà', 2)}{tc('Mua đất')}</w:tr></w:tbl>")
    table = next(b for b in read_docx(_build(tmp_path, tbl)).blocks if b.kind == "table")
    assert (table.rows, table.merged) == ([["TT", "Loại tài sản", "Biến động giảm", "Biến động tăng"],
                                           ["1", "Nhà", "Bán nhà", "Mua đất"]], [[False] * 4, [False] * 4])


def test_a_ruled_row_of_the_parties_of_a_record_is_a_signature_block(tmp_path: Path) -> None:
    # nd-37-2007-NĐ-CP's Mẫu 2: the parties over their signatures, in a ruled one-row table.
    body = _grid_table([["BÊN GIAO BẢN KÊ KHAI\nTÀI SẢN, THU NHẬP",
                         "ĐẠI DIỆN ĐƠN VỊ PHỤ TRÁCH\nCÔNG TÁC TỔ CHỨC, CÁN BỘ"]])
    assert [b.kind for b in read_docx(_build(tmp_path, body)).blocks] == ["layout"]


def test_two_tables_of_one_header_with_no_page_break_between_stay_two(tmp_path: Path) -> None:
    assert _data_tables(tmp_path, _p("")) == [3, 2]


def test_two_tables_of_one_header_with_a_title_between_stay_two(tmp_path: Path) -> None:
    assert _data_tables(tmp_path, _PAGE_BREAK + _p("Biểu mẫu 4")) == [3, 2]


def test_two_tables_of_one_header_with_a_picture_between_stay_two(tmp_path: Path) -> None:
    picture = '<w:p><w:r><w:drawing><wp:inline/></w:drawing></w:r></w:p>'
    assert _data_tables(tmp_path, _PAGE_BREAK + picture) == [3, 2]


def _merged_down(text: str, rows: int) -> str:
    """A cell merged across three columns and down ``rows`` rows under it."""
    first = f'<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/><w:gridSpan w:val="3"/></w:tcPr>{_p(text)}</w:tc></w:tr>'
    rest = '<w:tr><w:tc><w:tcPr><w:vMerge/><w:gridSpan w:val="3"/></w:tcPr><w:p/></w:tc></w:tr>'
    return f"<w:tbl>{first}{rest * rows}</w:tbl>"


def test_merged_copies_are_counted_against_max_table_chars(tmp_path: Path) -> None:
    # 10 characters in 3 × 5 slots: 150 characters of copies, though the XML holds them once
    # (counted as the grid is built; the table has one column, the grid's three being one
    # cell in every row).
    path = _build(tmp_path, _merged_down("Nội dung A", 4))
    assert [b.rows[-1] for b in read_docx(path, limits=Limits(max_table_chars=150)).blocks
            if b.kind == "table"] == [["Nội dung A"]]
    with pytest.raises(LimitExceededError) as caught:
        read_docx(path, limits=Limits(max_table_chars=149))
    assert (caught.value.limit, caught.value.maximum) == ("max_table_chars", 149)


def _rewritten(path: Path, out: Path, change: Callable[[str, bytes], tuple[str, bytes] | None]) -> Path:
    """A copy of a .docx whose members ``change`` renames, rewrites or (None) leaves out."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            changed = change(item.filename, src.read(item.filename))
            if changed is not None:
                dst.writestr(*changed)
    return out


@pytest.mark.parametrize("part", ["numbering", "styles", "footnotes"])
def test_a_part_named_but_not_held_is_read_without_with_a_warning(tmp_path: Path, part: str) -> None:
    # A converter that writes the relationship to numbering.xml but not the part itself.
    built = _build(tmp_path, _p("Thực hiện Kế hoạch số 245/KH-UBND ngày 31/12/2021 của UBND tỉnh"))
    path = _rewritten(built, tmp_path / "missing.docx",
                      lambda name, data: None if name == f"word/{part}.xml" else (name, data))
    doc = read_docx(path)
    assert [b.text for b in doc.blocks] == ["Thực hiện Kế hoạch số 245/KH-UBND ngày 31/12/2021 của UBND tỉnh"]
    assert [(code, f"{part} (word/{part}.xml)" in message) for code, message in doc.warnings] == \
        [("docx-missing-part", True)]


def test_part_names_match_whatever_their_case(tmp_path: Path) -> None:
    # OPC part names are case-insensitive: ``word/Document.xml`` in the zip is ``/word/document.xml``.
    built = _build(tmp_path, _p("Báo cáo số 12/BC-UBND"))
    path = _rewritten(built, tmp_path / "case.docx",
                      lambda name, data: ("word/Document.xml" if name == "word/document.xml" else name, data))
    assert [b.text for b in read_docx(path).blocks] == ["Báo cáo số 12/BC-UBND"]


def test_strict_open_xml_is_named_in_the_error(tmp_path: Path) -> None:
    built = _build(tmp_path, _p("Báo cáo"))
    strict = b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
    transitional = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    path = _rewritten(built, tmp_path / "strict.docx", lambda name, data: (
        name, data.replace(transitional, strict) if name == "_rels/.rels" else data))
    with pytest.raises(CorruptFileError, match="Strict Open XML"):
        read_docx(path)


def test_elements_of_a_part_are_counted_before_it_is_parsed(tmp_path: Path) -> None:
    path = _build(tmp_path, _p("Báo cáo") * 300)
    with zipfile.ZipFile(path) as z:
        data = z.read("word/document.xml")
    elements = data.count(b"<") - data.count(b"</") - data.count(b"<?")
    assert len(read_docx(path, limits=Limits(max_xml_elements=elements)).blocks) == 300
    with pytest.raises(LimitExceededError) as caught:
        read_docx(path, limits=Limits(max_xml_elements=elements - 1))
    assert (caught.value.limit, caught.value.value) == ("max_xml_elements", elements)


def test_a_cell_merged_from_above_into_a_left_out_column_is_not_written_twice() -> None:
    # Its text stands in the row it starts in; beside a cell of the row's own it adds nothing.
    rows = [["X", "T", "T"], ["Y", "Z", "T"]]
    cells = [[(0, 1, False), (1, 2, False)], [(0, 1, False), (1, 1, False), (2, 1, True)]]
    assert docx._on_columns(rows, cells, [0, 1]) == ([["X", "T"], ["Y", "Z"]], [[False, False], [False, False]])
