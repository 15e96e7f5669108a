"""Bad and odd input: a Report or a clear error, never a crash; offsets and JSON round-trip."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnreport_extract import (
    InputError,
    LimitExceededError,
    Report,
    Source,
    UnsupportedFormatError,
    parse_file,
    parse_text,
)

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "000_c44f0d63a01b8516.txt"


def spans(report: Report) -> list[tuple[int, int, str]]:
    out = [(m.start, m.end, m.raw) for m in [*report.citations, *report.dates, *report.figures]]
    return out


def assert_offsets(report: Report) -> None:
    for start, end, raw in spans(report):
        assert report.text[start:end] == raw
    for w in report.warnings:
        if w.start is not None and w.end is not None:
            assert 0 <= w.start <= w.end <= len(report.text)


def test_empty_text() -> None:
    report = parse_text("")
    assert (report.text, report.citations, report.sections, report.demographics) == ("", [], [], None)
    assert [w.code for w in report.warnings] == ["empty-document"]


def test_a_data_file_is_warned_to_be_no_report(tmp_path: Path) -> None:
    # A folder's index saved beside the reports, given to parse by name: read as text, with a warning.
    data = tmp_path / "index.json"
    data.write_text(json.dumps([{"file": f"bao-cao-{i}.pdf", "title": "Báo cáo kết quả công tác", "year": 2025}
                                for i in range(8)], ensure_ascii=False), encoding="utf-8")
    report = parse_file(data)
    assert (report.status, [w.code for w in report.warnings]) == ("ok", ["no-report-structure"])


_PARAGRAPH = ("Thực hiện nhiệm vụ được giao, Bộ Thông tin và Truyền thông đã xây dựng dự thảo hướng dẫn xác "
              "định giá trị phần mềm và đề nghị các cơ quan, đơn vị nghiên cứu, góp ý kiến cho dự thảo văn bản "
              "này và gửi về Bộ trước ngày 30 tháng 12 năm 2011 để tổng hợp, hoàn thiện.")


def test_a_fragment_of_a_report_with_its_recipients_is_not_warned(tmp_path: Path) -> None:
    # cv-btttt-du-thao-gia-tri-phan-mem-fragment.docx: no header, but its Kính gửi list.
    path = tmp_path / "fragment.txt"
    path.write_text("Kính gửi:\n- Các Bộ, Cơ quan ngang Bộ, Cơ quan thuộc Chính phủ;\n- Uỷ ban nhân dân các tỉnh, "
                    "thành phố trực thuộc Trung ương.\n" + _PARAGRAPH, encoding="utf-8")
    assert [w.code for w in parse_file(path).warnings] == []


def test_a_paragraph_given_to_parse_text_is_not_warned_to_be_no_report() -> None:
    assert len(_PARAGRAPH.split()) > 50
    assert parse_text(_PARAGRAPH).warnings == []
    assert parse_text(_PARAGRAPH, source=Source(path="a.txt")).warnings == []  # named after its file or not


def test_a_zip_given_to_parse_names_convert(tmp_path: Path) -> None:
    import zipfile

    from vnreport_extract import UnsupportedFormatError, parse_file

    with zipfile.ZipFile(tmp_path / "bundle.zip", "w") as zf:
        zf.writestr("a.txt", "Số: 12/BC-UBND")
    with pytest.raises(UnsupportedFormatError, match="convert reads one member by member"):
        parse_file(tmp_path / "bundle.zip")


def test_whitespace_only() -> None:
    assert parse_text(" \n\t\n ").text == ""


def test_text_with_no_vietnamese() -> None:
    report = parse_text("The quick brown fox jumps over the lazy dog. 42 is the answer.")
    assert (report.citations, report.sections, report.figures) == ([], [], [])


def test_nfd_gives_the_same_records_as_nfc() -> None:
    nfc = SEED.read_text(encoding="utf-8")
    a = parse_text(nfc).model_dump(mode="json")
    b = parse_text(unicodedata.normalize("NFD", nfc)).model_dump(mode="json")
    assert a == b


@pytest.mark.slow
def test_five_megabyte_text() -> None:
    seed = SEED.read_text(encoding="utf-8")
    big = "\n\n".join([seed] * (5_000_000 // len(seed.encode()) + 1))
    report = parse_text(big)
    # Each copy, finished by its signature, is a document of its own: none is lost.
    documents = [report, *report.attachments]
    assert sum(len(d.text.encode()) for d in documents) >= 4_900_000
    copies = big.count("Số: /BC-UBND")
    assert (len(documents), sum(len(d.citations) for d in documents)) == (
        copies, len(parse_text(seed).citations) * copies)


def test_json_round_trip() -> None:
    report = parse_text(SEED.read_text(encoding="utf-8"))
    again = Report.model_validate_json(report.model_dump_json())
    assert again == report
    assert Report.model_validate(json.loads(json.dumps(report.model_dump(mode="json")))) == report


def test_offsets_on_seed() -> None:
    assert_offsets(parse_text(SEED.read_text(encoding="utf-8")))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_unicode(text: str) -> None:
    report = parse_text(text)
    assert_offsets(report)
    assert Report.model_validate_json(report.model_dump_json()) == report


VIETNAMESE_BITS = st.sampled_from([
    "Chỉ thị số 33/CT-TTg", " ngày 26/11/2021", " của Thủ tướng Chính phủ", "\n", "\n\n", "I. ", "1. ", "a) ",
    "860 hộ", " chiếm 7,20 %", "Kế hoạch số 245/KHUBND", "; 42/KH-UBND", " giai đoạn 2021 – 2026", "Số: /BC-UBND",
    "Phú Tiến, ngày tháng 5 năm 2023", "BÁO CÁO", "\t", "| a | b |", "Luật Đất đai", "Thủ 3 tướng", "**", "#",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(VIETNAMESE_BITS, max_size=30).map("".join))
def test_report_like_fragments(text: str) -> None:
    report = parse_text(text)
    assert_offsets(report)
    assert Report.model_validate_json(report.model_dump_json()) == report


def test_missing_file_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        parse_file(tmp_path / "nope.txt")


def test_directory_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        parse_file(tmp_path)


def test_unsupported_format_by_content(tmp_path: Path) -> None:
    fake = tmp_path / "report.txt"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(UnsupportedFormatError):
        parse_file(fake)


def test_plain_zip_is_unsupported(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "archive.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.csv", "x,y\n")
    with pytest.raises(UnsupportedFormatError):
        parse_file(path)


def cp1258(text: str) -> bytes:
    """Windows-1258 keeps base letters with ^, ˘ and horn precomposed and tones combining."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            out += unicodedata.normalize("NFC", decomposed[:2]).encode("cp1258") + decomposed[2:].encode("cp1258") \
                if len(decomposed) > 2 else decomposed.encode("cp1258")
    return out


def test_windows_1258_text_decodes(tmp_path: Path) -> None:
    path = tmp_path / "cp.txt"
    path.write_bytes(cp1258("Chỉ thị số 33/CT-TTg của Thủ tướng Chính phủ"))
    [citation] = parse_file(path).citations
    assert (citation.symbol, citation.authority) == ("33/CT-TTg", "Thủ tướng Chính phủ")


def test_utf16_text_decodes(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("Kế hoạch số 41/KH-UBND".encode("utf-16"))
    assert [c.symbol for c in parse_file(path).citations] == ["41/KH-UBND"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_text_without_its_byte_order_mark_decodes(tmp_path: Path, codec: str) -> None:
    # As a Windows tool that writes "Unicode" text without its BOM saves it.
    path = tmp_path / "u16.txt"
    path.write_bytes("Căn cứ Kế hoạch số 41/KH-UBND ngày 05/5/2023 của UBND xã.\r\n".encode(codec))
    report = parse_file(path)
    assert (report.source.format, [c.symbol for c in report.citations]) == ("text", ["41/KH-UBND"])


def test_bytes_with_zeros_that_read_as_no_utf16_text_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(UnsupportedFormatError, match="binary files are not supported"):
        parse_file(path)


def test_cover_to_trinh_and_report_are_split() -> None:
    cover = ("ỦY BAN NHÂN DÂN\nXÃ PHÚ TIẾN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
             "Số: 15/TTr-UBND\nPhú Tiến, ngày 20 tháng 5 năm 2023\nTỜ TRÌNH\nVề việc xin ý kiến báo cáo\n"
             "Căn cứ Kế hoạch số 41/KH-UBND ngày 15/02/2022 của UBND huyện;\n"
             "Nơi nhận:\n- Như trên;\n- Lưu: VP.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNgô Tuấn Sơn\n")
    header = "ỦY BAN NHÂN DÂN\nXÃ PHÚ TIẾN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    report = parse_text(cover + header + SEED.read_text(encoding="utf-8"))
    assert (report.metadata.doc_type, report.metadata.number and report.metadata.number.symbol) == (
        "Tờ trình", "15/TTr-UBND")
    assert [c.symbol for c in report.citations] == ["41/KH-UBND"]
    [attached] = report.attachments
    assert (attached.metadata.issuer, attached.metadata.doc_type, len(attached.citations)) == (
        "ỦY BAN NHÂN DÂN XÃ PHÚ TIẾN", "Báo cáo", 33)


@pytest.mark.parametrize("name", ["report.docx", "report.doc", "report.pdf"])
def test_random_bytes_with_a_document_extension_are_corrupt(tmp_path: Path, name: str) -> None:
    from vnreport_extract import CorruptFileError

    path = tmp_path / name
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(CorruptFileError, match="content is not"):
        parse_file(path)


def _undecodable_name(folder: Path) -> Path:
    """A copy of the seed under a name in Windows-1258 bytes, as old Windows archives hold them."""
    path = Path(os.fsdecode(os.fsencode(folder) + b"/B\xe1o c\xe1o.txt"))
    path.write_bytes(SEED.read_bytes())
    return path


def test_a_file_whose_name_is_no_utf8_gives_a_report_that_can_be_written(tmp_path: Path) -> None:
    report = parse_file(_undecodable_name(tmp_path))
    data = json.loads(report.model_dump_json())
    assert (data["source"]["path"].endswith("B\\xe1o c\\xe1o.txt"), len(data["citations"])) == (True, 33)


def test_a_lone_surrogate_in_a_text_is_a_replacement_character() -> None:
    # (a string made from bytes that were no UTF-8): the report can then be written as JSON
    report = parse_text("Chỉ thị số 33/CT-TTg ngày 26/11/2021 \ud800")
    assert (report.text, report.citations[0].symbol) == ("Chỉ thị số 33/CT-TTg ngày 26/11/2021 \ufffd", "33/CT-TTg")
    assert json.loads(report.model_dump_json())["text"].endswith("\ufffd")


def test_a_nul_in_a_file_name_is_an_input_error() -> None:
    with pytest.raises(InputError, match="NUL"):
        parse_file("bao\x00cao.txt")


def test_parse_text_decodes_bytes_as_a_text_file_is() -> None:
    assert [c.symbol for c in parse_text("Kế hoạch số 41/KH-UBND".encode()).citations] == ["41/KH-UBND"]


def test_parse_text_of_legacy_bytes_warns_as_a_file_does() -> None:
    report = parse_text("Céng hoµ x· héi chñ nghÜa ViÖt Nam".encode("latin-1"))
    assert (report.text.strip(), [w.code for w in report.warnings]) == \
        ("Cộng hoà xã hội chủ nghĩa Việt Nam", ["legacy-encoding"])


@pytest.mark.parametrize("value", [None, 12345, ["Báo cáo"]])
def test_parse_text_of_no_text_names_what_it_takes(value: object) -> None:
    with pytest.raises(TypeError, match=f"parse_text takes the text as a str .*not {type(value).__name__}"):
        parse_text(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, 3])
def test_parse_file_of_no_path_names_what_it_takes(value: object) -> None:
    with pytest.raises(TypeError, match=f"parse_file takes a path .*not {type(value).__name__}"):
        parse_file(value)  # type: ignore[arg-type]


def test_parse_file_of_an_empty_path_is_an_input_error() -> None:
    with pytest.raises(InputError, match="an empty path"):
        parse_file("")
    assert parse_file("", raise_on_error=False).status == "failed"


def test_parse_file_takes_a_path_in_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Kế hoạch số 41/KH-UBND", encoding="utf-8")
    assert [c.symbol for c in parse_file(os.fsencode(path)).citations] == ["41/KH-UBND"]  # type: ignore[arg-type]


def test_options_as_a_dict_of_their_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Kế hoạch số 41/KH-UBND", encoding="utf-8")
    assert [c.symbol for c in parse_file(path, {"ocr": "off"}).citations] == ["41/KH-UBND"]
    with pytest.raises(LimitExceededError):
        parse_text("Kế hoạch số 41/KH-UBND", {"limits": {"max_text_chars": 5}})
    with pytest.raises(ValueError, match="ocr_dpi"):
        parse_file(path, {"ocr_dpi": 10**9})
    with pytest.raises(TypeError, match="options must be a ParseOptions"):
        parse_file(path, "off")  # type: ignore[arg-type]


def test_a_report_with_its_line_breaks_lost_is_told() -> None:
    # The seed pasted through a form that kept no line break: its frame is read by lines.
    seed_path = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "000_c44f0d63a01b8516.txt"
    seed = seed_path.read_text(encoding="utf-8")
    flat, whole = parse_text(" ".join(seed.split())), parse_text(seed)
    assert ("no-line-breaks" in [w.code for w in flat.warnings], "no-line-breaks" in [w.code for w in whole.warnings],
            len(flat.sections), len(whole.sections)) == (True, False, 0, 6)


def test_a_long_paragraph_on_one_line_is_no_flattened_report() -> None:
    paragraph = ("Thực hiện Kế hoạch số 245/KH-UBND ngày 31/12/2021 của UBND tỉnh về cải cách hành chính giai đoạn "
                 "2021 - 2025, các phòng, ban, ngành và UBND các xã, thị trấn đã xây dựng kế hoạch, triển khai "
                 "thực hiện đầy đủ các nhiệm vụ được giao trong năm và báo cáo kết quả đúng thời gian quy định.")
    assert [w.code for w in parse_text(paragraph).warnings] == []


def test_a_paragraph_counting_people_is_no_flattened_report() -> None:
    # ``dân số:`` and ``Tổng số:`` are no header's ``Số:``.
    paragraph = ("Năm 2024, toàn xã có dân số: 12.500 người, trong đó tổng số hộ nghèo là 45 hộ, chiếm 1,92%; tổng số "
                 "hộ cận nghèo là 30 hộ, thu nhập bình quân đầu người đạt 45 triệu đồng, tăng 5% so với năm trước.")
    assert [w.code for w in parse_text(paragraph).warnings] == []
