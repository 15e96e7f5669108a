"""The text layer of a scan: a picture of the whole page with text over it that is not the
page's text (a scanner's OCR in English, Vietnamese typed without its diacritics, drawn
invisible) is read by OCR instead, with a warning naming the layer left out (generated PDFs)."""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

import pytest
from test_reader_pdf import _scan_page_image, make_pdf

from vnreport_extract import ParseOptions, parse_file
from vnreport_extract.document import Block
from vnreport_extract.limits import LimitExceededError
from vnreport_extract.models import PartError
from vnreport_extract.readers import pdf as pdf_reader

_ENGLISH = b"The quick brown fox jumps over the lazy dog again and again"
_BARE = b"UY BAN NHAN DAN XA cong hoa xa hoi chu nghia viet nam bao cao ket qua thuc hien"
_VIETNAMESE = b"B\xe1o c\xe1o k\xe9t qu\xe0 th\xf9c hi\xean n\xe0m 2025 c\xf9a x\xe3 \xf4ng v\xe0 c\xe1c ng\xe0nh"


def _layer(line: bytes, *, invisible: bool = True, lines: int = 30) -> bytes:
    mode = b"3 Tr " if invisible else b""
    shown = b"".join(b"(%s) Tj 0 -14 Td\n" % line for _ in range(lines))
    return b"BT " + mode + b"/F1 10 Tf 40 800 Td\n" + shown + b"ET\n"


def _picture(width: int = 60, height: int = 85, data: bytes | None = None, colours: bytes = b"/DeviceGray") -> bytes:
    pixels = data if data is not None else zlib.compress(bytes(200 for _ in range(width * height)))
    return (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 "
            b"/Filter /FlateDecode /Length %d >>\nstream\n" % (width, height, colours, len(pixels))
            + pixels + b"\nendstream")


def _scan(tmp_path: Path, layer: bytes, picture: bytes | None = None, *, cover: float = 1.0) -> Path:
    """A page that a picture covers (``cover`` of its width, the whole height) under ``layer``."""
    draw = b"q %g 0 0 842 0 0 cm /Im1 Do Q\n" % (595 * cover)
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([draw + layer], raw_objects={8: picture or _picture()},
                              page_resources=b"/XObject << /Im1 8 0 R >>"))
    return path


def _codes(report: Any) -> list[str]:
    return [w.code for w in report.warnings if w.code.startswith("text-layer")]


@pytest.fixture
def fake_ocr(monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    """OCR that reads every page it is given as one paragraph; the pages it was given."""
    asked: list[list[int]] = []

    def ocr(path: Path, numbers: list[int], *args: Any, **kwargs: Any) -> dict[int, list[Block]]:
        asked.append(list(numbers))
        return {n: [Block("paragraph", text=f"Trang {n} đọc bằng OCR: Báo cáo số 12/BC-UBND.", page=n)]
                for n in numbers}

    monkeypatch.setattr(pdf_reader, "_ocr", ocr)
    return asked


@pytest.mark.parametrize("line", [_ENGLISH, _BARE], ids=["english", "no-diacritics"])
def test_an_invisible_foreign_layer_over_a_scan_is_read_by_ocr_instead(tmp_path: Path, fake_ocr: list[list[int]],
                                                                        line: bytes) -> None:
    report = parse_file(_scan(tmp_path, _layer(line)))
    assert fake_ocr == [[1]]
    assert report.text == "Trang 1 đọc bằng OCR: Báo cáo số 12/BC-UBND."
    ignored = [w.message for w in report.warnings if w.code == "text-layer-ignored"]
    assert ignored == ["p.1: its text layer (invisible, not Vietnamese: 0% of its "
                       f"{len(line.split()) * 30} words bear a diacritic) over a picture of the whole page was "
                       "ignored: the page was read by OCR"]


def test_a_visible_english_layer_drawn_under_a_scan_is_read_by_ocr_instead(tmp_path: Path,
                                                                          fake_ocr: list[list[int]]) -> None:
    report = parse_file(_scan(tmp_path, _layer(_ENGLISH, invisible=False)))
    assert fake_ocr == [[1]]
    assert [w.message for w in report.warnings if w.code == "text-layer-ignored"] == [
        "p.1: its text layer (not Vietnamese: 0% of its 360 words bear a diacritic) over a picture of the whole "
        "page was ignored: the page was read by OCR"]


def test_an_invisible_vietnamese_layer_over_a_scan_is_read_as_it_is(tmp_path: Path,
                                                                    fake_ocr: list[list[int]]) -> None:
    # A searchable scan (the scanning software's own OCR, in Vietnamese): its layer is the page's
    # text, read at once and without Tesseract, and said to be a scan's.
    report = parse_file(_scan(tmp_path, _layer(_VIETNAMESE)))
    assert (fake_ocr, report.source.ocr) == ([], False)
    assert report.text.startswith("Báo cáo két quà thùc hiên nàm 2025 cùa xã ông và các ngành Báo cáo")
    assert [w.message for w in report.warnings if w.code.startswith("text-layer")] == [
        "p.1: its text is drawn invisible, over a picture of the whole page (a scan's own OCR layer, in "
        "Vietnamese): read as it is"]


def test_a_short_invisible_layer_over_a_scan_is_named_when_the_page_is_ocred(tmp_path: Path,
                                                                            fake_ocr: list[list[int]]) -> None:
    report = parse_file(_scan(tmp_path, b"BT 3 Tr /F1 10 Tf 40 800 Td (Scanned by CamScanner) Tj ET\n"))
    assert (fake_ocr, _codes(report)) == ([[1]], ["text-layer-ignored"])


@pytest.mark.parametrize("layer, cover", [(_layer(_VIETNAMESE, invisible=False), 1.0),  # text over a background
                                          (_layer(_ENGLISH, invisible=False), 0.5),  # English beside a figure
                                          (_layer(_ENGLISH), 0.5)])
def test_a_layer_over_no_scan_or_vietnamese_to_be_seen_is_kept(tmp_path: Path, fake_ocr: list[list[int]],
                                                               layer: bytes, cover: float) -> None:
    report = parse_file(_scan(tmp_path, layer, cover=cover))
    assert fake_ocr == []
    assert _codes(report) == ([] if b" 3 Tr " not in layer else ["text-layer-invisible"])
    assert report.text.startswith(("Báo cáo két quà thùc hiên nàm 2025 cùa xã ông và các ngành Báo cáo",
                                   f"{_ENGLISH.decode()} The quick"))


def test_with_ocr_off_a_doubtful_layer_is_read_with_a_warning(tmp_path: Path, fake_ocr: list[list[int]]) -> None:
    report = parse_file(_scan(tmp_path, _layer(_ENGLISH)), ParseOptions(ocr="off"))
    assert (fake_ocr, report.status, report.errors) == ([], "ok", [])
    assert report.text.startswith(_ENGLISH.decode())
    assert [w.message for w in report.warnings if w.code == "text-layer-doubtful"] == [
        "p.1: its text layer (invisible, not Vietnamese: 0% of its 360 words bear a diacritic) lies over a picture "
        "of the whole page and may not be its text: read, as OCR is off"]


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_a_real_scan_under_an_english_layer_is_read_by_tesseract(tmp_path: Path) -> None:
    im = _scan_page_image()  # the second page of bcdx-03-scan, its signature block
    picture = _picture(im["width"], im["height"], im["data"], b"/DeviceRGB")
    report = parse_file(_scan(tmp_path, _layer(_ENGLISH), picture))
    assert (report.status, report.source.ocr, _codes(report)) == ("ok", True, ["text-layer-ignored"])
    assert "quick brown fox" not in report.text
    assert "GIÁM ĐỐC" in report.text and "Trương Minh Đương" in report.text


@pytest.mark.parametrize("line", [_ENGLISH, _BARE], ids=["english", "no-diacritics"])
def test_without_tesseract_a_doubtful_layer_is_read_with_a_warning(tmp_path: Path, line: bytes) -> None:
    # Before, the whole file failed for want of Tesseract, though its every page had a text layer.
    report = parse_file(_scan(tmp_path, _layer(line)), ParseOptions(tesseract=str(tmp_path / "no-tesseract")))
    assert (report.status, report.errors, report.source.ocr) == ("ok", [], False)
    assert report.text.startswith(line.decode())
    (doubtful,) = [w.message for w in report.warnings if w.code == "text-layer-doubtful"]
    assert doubtful.startswith("p.1: its text layer (invisible, not Vietnamese: 0% of its ")
    assert "may not be its text: read, as OCR cannot run (" in doubtful


def test_without_tesseract_a_page_with_no_layer_still_needs_it(tmp_path: Path) -> None:
    from vnreport_extract.errors import MissingComponentError

    with pytest.raises(MissingComponentError):
        parse_file(_scan(tmp_path, b""), ParseOptions(tesseract=str(tmp_path / "no-tesseract")))


def _failing_ocr(monkeypatch: pytest.MonkeyPatch, error: str, why: str) -> list[list[int]]:
    """OCR that fails on every page it is given, each a page error of type ``error`` saying
    ``why``; the pages it was given."""
    asked: list[list[int]] = []

    def ocr(path: Path, numbers: list[int], options: Any, failed: list[PartError],
            *args: Any) -> dict[int, list[Block]]:
        asked.append(list(numbers))
        failed.extend(PartError(part="page", page=n, type=error, message=f"{path}: {why} (page {n})") for n in numbers)
        return {}

    monkeypatch.setattr(pdf_reader, "_ocr", ocr)
    return asked


@pytest.mark.parametrize("mode", ["auto", "on"])
def test_a_doubtful_layer_whose_ocr_failed_is_read_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  mode: str) -> None:
    # The page became an error and its layer was thrown away: OcrError "OCR failed on every page".
    asked = _failing_ocr(monkeypatch, "OcrError", "OCR: Tesseract timed out after 180 s")
    report = parse_file(_scan(tmp_path, _layer(_ENGLISH)), ParseOptions(ocr=mode))  # type: ignore[arg-type]
    assert (asked, report.status, report.errors) == ([[1]], "ok", [])
    assert report.text.startswith(_ENGLISH.decode())
    assert {w.code for w in report.warnings} >= {"text-layer-doubtful", "ocr-failed"}
    assert [w.message for w in report.warnings if w.code == "text-layer-doubtful"] == [
        "p.1: its text layer (invisible, not Vietnamese: 0% of its 360 words bear a diacritic) lies over a picture "
        "of the whole page and may not be its text: read, as its OCR failed"]


def test_a_scan_left_unread_at_the_ocr_time_limit_is_a_limit_exceeded_error(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # It was a CorruptFileError "OCR failed on every page".
    _failing_ocr(monkeypatch, "LimitExceededError", "OCR time limit: page not read")
    with pytest.raises(LimitExceededError) as raised:
        parse_file(_scan(tmp_path, b""))
    assert raised.value.limit == "max_ocr_seconds"


_SHORT = "Báo cáo két quà thùc hiên nàm 2025 cùa xã ông và các ngành"


@pytest.mark.parametrize("way", ["ocr-off", "no-tesseract", "ocr-failed"])
def test_a_few_words_of_layer_over_a_scan_are_read_when_ocr_cannot_be(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                      way: str) -> None:
    # A page of a scan with a short layer (its Nơi nhận, a stamp's words) goes to OCR; without it,
    # the page was an error (OcrDisabled), the file failed (no Tesseract) or the layer was dropped.
    path = _scan(tmp_path, _layer(_VIETNAMESE, lines=1))
    options = {"ocr-off": ParseOptions(ocr="off"), "no-tesseract": ParseOptions(tesseract=str(tmp_path / "none")),
               "ocr-failed": ParseOptions()}[way]
    if way == "ocr-failed":
        _failing_ocr(monkeypatch, "OcrError", "OCR: Tesseract timed out after 180 s")
    report = parse_file(path, options)
    assert (report.status, report.errors, report.text) == ("ok", [], _SHORT)
    (said,) = [w.message for w in report.warnings if w.code == "text-layer-doubtful"]
    assert said.startswith("p.1: its text layer is a few words over a picture of the whole page and may not be all "
                           "of its text: read, as ")


def test_a_few_words_of_layer_over_a_scan_are_still_ocred(tmp_path: Path, fake_ocr: list[list[int]]) -> None:
    report = parse_file(_scan(tmp_path, _layer(_VIETNAMESE, lines=1)))
    assert (fake_ocr, report.text) == ([[1]], "Trang 1 đọc bằng OCR: Báo cáo số 12/BC-UBND.")


def test_a_doubtful_layer_over_a_picture_the_ocr_reads_nothing_on_is_read(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # A white picture under 520 words: OCR read nothing, and the report was ok with no text.
    def blank(path: Path, numbers: list[int], *args: Any) -> dict[int, list[Block]]:
        return {n: [] for n in numbers}

    monkeypatch.setattr(pdf_reader, "_ocr", blank)
    report = parse_file(_scan(tmp_path, _layer(_BARE)))
    assert (report.status, report.text.startswith(_BARE.decode())) == ("ok", True)
    assert [w.message for w in report.warnings if w.code == "text-layer-doubtful"] == [
        "p.1: its text layer (invisible, not Vietnamese: 0% of its 570 words bear a diacritic) lies over a picture "
        "of the whole page and may not be its text: read, as OCR read nothing on it"]


def test_an_invisible_vietnamese_layer_read_by_ocr_on_request_is_not_said_read_as_it_is(
        tmp_path: Path, fake_ocr: list[list[int]]) -> None:
    report = parse_file(_scan(tmp_path, _layer(_VIETNAMESE)), ParseOptions(ocr="on"))
    assert (fake_ocr, _codes(report)) == ([[1]], [])
