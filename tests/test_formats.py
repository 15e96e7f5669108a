"""Which reader a file goes to (``formats.read_as``): by its first bytes, and by its name only
where the name decides. The parser and the batch runs' duplicate test share these rules."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from vnreport_extract import parse_file
from vnreport_extract.batch.tables import report_id
from vnreport_extract.errors import CorruptFileError
from vnreport_extract.formats import SNIFF_BYTES, read_as

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PDF = FIXTURES / "generated" / "seed.pdf"
DOCX = FIXTURES / "real" / "qd-kien-toan-doi-ucsc.docx"
DOC = FIXTURES / "archives" / "bac-giang-2012" / "ttr-ubnd-thi-tran-nenh-2012.doc"


def _zip(*names: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in names:
            zf.writestr(name, "<x/>")
    return buf.getvalue()


@pytest.mark.parametrize(("head", "name", "reading"), [
    (PDF.read_bytes()[:SNIFF_BYTES], "bao-cao.pdf", "pdf"),
    (PDF.read_bytes()[:SNIFF_BYTES], "bao-cao.txt", "pdf"),  # a PDF saved under a text name
    (PDF.read_bytes()[:SNIFF_BYTES], "bao-cao.DOCX", "pdf"),  # ... under another document's name
    (DOCX.read_bytes()[:SNIFF_BYTES], "quyet-dinh.doc", "docx"),  # Word's two extensions swapped
    (DOC.read_bytes()[:SNIFF_BYTES], "cong-van.docx", "doc"),
    (b"{\\rtf1\\ansi B\\'e1o c\\'e1o}", "to-trinh.doc", "doc"),  # RTF saved as .doc
    (_zip("word/document.xml"), "ke-hoach", "docx"),  # a Word file with no extension
    (_zip("xl/workbook.xml"), "bang.docx", "docx"),  # named .docx: the Word reader says it is broken
    (_zip("xl/workbook.xml"), "bang.zip", "zip"),
    (_zip("xl/workbook.xml"), "bang.doc", "docx"),  # a zip under a Word name goes to the Word reader
    (_zip("xl/workbook.xml"), "bang.pdf", "not-pdf"),
    ("Báo cáo số 12/BC-UBND".encode(), "bao-cao.txt", "text"),
    ("Báo cáo số 12/BC-UBND".encode(), "bao-cao.MD", "markdown"),
    ("Báo cáo số 12/BC-UBND".encode(), "bao-cao.markdown", "markdown"),
    ("Báo cáo số 12/BC-UBND".encode("utf-16-le"), "bao-cao.txt", "text"),  # UTF-16 without its BOM
    ("Báo cáo số 12/BC-UBND".encode(), "bao-cao.pdf", "not-pdf"),
    ("Báo cáo số 12/BC-UBND".encode(), "bao-cao.docm", "not-docx"),
    ("Báo cáo số 12/BC-UBND".encode(), "bao-cao.doc", "not-doc"),
    (bytes(range(256)) * 4, "anh.txt", "binary"),
    (bytes(range(256)) * 4, "anh.pdf", "not-pdf"),
])
def test_read_as(head: bytes, name: str, reading: str) -> None:
    assert read_as(head, name) == reading


def test_a_word_file_whose_parts_come_late_in_its_zip_is_read_under_either_word_name(tmp_path: Path) -> None:
    # Its first 64 KiB hold no ``word/`` part name (a large part stored first): the Word reader
    # still takes it under a Word name, .docx or the .doc it is often saved as.
    path = tmp_path / "quyet-dinh.doc"
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(path, "w") as dst:
        dst.writestr("customXml/padding.bin", bytes(range(256)) * 512)  # 128 KiB, stored
        for info in src.infolist():
            dst.writestr(info, src.read(info))
    assert b"word/" not in path.read_bytes()[:SNIFF_BYTES]
    report = parse_file(path)
    assert (read_as(path.read_bytes()[:SNIFF_BYTES], path.name), report.source.format, report.metadata.doc_type) == \
        ("docx", "docx", parse_file(DOCX).metadata.doc_type)


def test_a_file_is_refused_for_the_same_reason_the_batch_runs_read_it_so(tmp_path: Path) -> None:
    # The parser and the duplicate test agree: what read_as calls not-pdf, parse_file refuses.
    path = tmp_path / "bao-cao.pdf"
    path.write_text("Báo cáo số 12/BC-UBND", encoding="utf-8")
    assert read_as(path.read_bytes(), path.name) == "not-pdf"
    with pytest.raises(CorruptFileError, match=r"named \.pdf but the content is not a PDF file \(it is text\)"):
        parse_file(path)


def test_an_empty_file_under_a_document_s_name_is_said_to_be_empty(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(b"")
    with pytest.raises(CorruptFileError, match=r"is not a PDF file \(it is empty\)"):
        parse_file(path)


def test_a_pdf_named_txt_is_read_as_the_pdf_it_is(tmp_path: Path) -> None:
    copy = tmp_path / "bao-cao.txt"
    copy.write_bytes(PDF.read_bytes())
    report, original = parse_file(copy), parse_file(PDF)
    assert (report.source.format, report_id(report), len(report.citations)) == \
        ("pdf", report_id(original), len(original.citations))


@pytest.mark.parametrize(("parts", "said"), [
    (("[Content_Types].xml", "xl/workbook.xml"), "spreadsheet (Excel .xlsx) files are not supported"),
    (("[Content_Types].xml", "ppt/presentation.xml"), "presentation (PowerPoint .pptx) files are not supported"),
    (("a.pdf", "b.docx"), "a zip archive is no document: convert reads one member by member"),
])
def test_a_zip_that_is_no_word_file_is_named_for_what_it_is(tmp_path: Path, parts: tuple[str, ...], said: str) -> None:
    from vnreport_extract import UnsupportedFormatError

    path = tmp_path / "bang-tong-hop.xlsx"
    path.write_bytes(_zip(*parts))
    with pytest.raises(UnsupportedFormatError, match=re.escape(said)):
        parse_file(path)
