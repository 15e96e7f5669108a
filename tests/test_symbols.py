"""Số, ký hiệu: one assertion per real variant (seed and the real corpus)."""

from __future__ import annotations

import pytest

from vnreport_extract import parse_symbol, parse_text
from vnreport_extract.conventions.doc_types import DOC_TYPES
from vnreport_extract.extract.symbols import SYMBOL_RE, SymbolParts, dated, parse_own_number, symbol_parts


@pytest.mark.parametrize(("raw", "doc_type", "symbol", "convention", "repairs"), [
    ("33/CT-TTg", "Chỉ thị", "33/CT-TTg", "state", []),
    ("41/KH-UBND", "Kế hoạch", "41/KH-UBND", "state", []),
    ("09/KH-UBND", "Kế hoạch", "09/KH-UBND", "state", []),
    ("245/KHUBND", "Kế hoạch", "245/KH-UBND", "state", ["missing-hyphen"]),
    ("61/2018/NĐ-CP", "Nghị định", "61/2018/NĐ-CP", "state", []),
    ("28/2018/QĐ-TTg", "Quyết định", "28/2018/QĐ-TTg", "state", []),
    ("61/2018/NĐ–CP", "Nghị định", "61/2018/NĐ-CP", "state", ["en-dash"]),
    ("33/CT-Ttg", "Chỉ thị", "33/CT-TTg", "state", ["code-case"]),
    ("12/UBND-VX", "Công văn", "12/UBND-VX", "state", []),
    ("1547/SNV-TCBC", "Công văn", "1547/SNV-TCBC", "state", []),
    ("202/2025/QH15", "Nghị quyết", "202/2025/QH15", "state", []),
    ("197/TTr-CAT(PA05)", "Tờ trình", "197/TTr-CAT(PA05)", "state", []),
    ("1014/SNV-CCHC&VTLT", "Công văn", "1014/SNV-CCHC&VTLT", "state", []),
    ("01-KL/TW", "Kết luận", "01-KL/TW", "party", []),
    ("49 - QĐ/ĐU", "Quyết định", "49-QĐ/ĐU", "party", ["extra-space"]),
    ("10- CTPH/BDVTU-BCSĐUBND", "Chương trình phối hợp", "10-CTPH/BDVTU-BCSĐUBND", "party", ["extra-space"]),
    ("03-CTr/BDVTW-BCSĐCP", "Chương trình phối hợp", "03-CTr/BDVTW-BCSĐCP", "party", []),
    # tt-2442 (2007): a joint circular's type code between two slashes, kept as written
    ("527/TTLT/TTCP-BNV-UBKTTW", "Thông tư liên tịch", "527/TTLT/TTCP-BNV-UBKTTW", "state", []),
    # ... a slip after 2011, when the layout number/year/TYPE-ISSUER was fixed
    ("04/2020/TT/BTP", "Thông tư", "04/2020/TT-BTP", "state", ["slash-for-hyphen"]),
    # a Party body's code ending in TU (Ban Tuyên giáo Tỉnh ủy) after a slash typed for the hyphen
    ("10/BC/BTGTU", "Báo cáo", "10-BC/BTGTU", "party", ["slash-for-hyphen"]),
])
def test_symbol_variants(raw: str, doc_type: str, symbol: str, convention: str, repairs: list[str]) -> None:
    parsed = parse_symbol(raw, doc_type)
    assert parsed is not None
    assert (parsed.symbol, parsed.convention, parsed.repairs) == (symbol, convention, repairs)


@pytest.mark.parametrize(("raw", "doc_type", "symbol", "year"), [
    # ttr-3367-ttr-snv-binh-thuan-2024.pdf: 2010 typed 25010; only 2010 is a year a digit less
    ("45/25010/NĐ-CP", "Nghị định", "45/25010/NĐ-CP", 2010),
    # cv-4552-bca-c04-2025-scan.pdf: 2025 typed 20025; 2002, 2005 and 2025 are all a digit less
    ("28/20025/QĐ-TTg", "Quyết định", "28/20025/QĐ-TTg", None),
])
def test_a_year_typed_with_a_digit_too_many_is_kept_as_written(raw: str, doc_type: str, symbol: str,
                                                              year: int | None) -> None:
    parsed = parse_symbol(raw, doc_type)
    assert parsed is not None
    assert (parsed.symbol, parsed.year, parsed.repairs) == (symbol, year, [])


def _parts(raw: str) -> SymbolParts:
    m = SYMBOL_RE.fullmatch(raw)
    assert m is not None
    return symbol_parts(m, None, raw)


def test_type_between_slashes_cited_with_a_date_after_2011_is_a_slip() -> None:
    # bc-cchc-nam-2025: ``Kế hoạch số 180/KH/UBND ngày 15/01/2025``.
    dated_parts = dated(_parts("180/KH/UBND"), 2025)
    assert (dated_parts.symbol, dated_parts.repairs) == ("180/KH-UBND", ["slash-for-hyphen"])


def test_type_between_slashes_cited_with_a_date_before_2011_stays() -> None:
    # tt-2442 (2007): the joint circular of ``527/TTLT/TTCP-BNV-UBKTTW ngày 10/4/2007``.
    assert dated(_parts("527/TTLT/TTCP-BNV-UBKTTW"), 2007).symbol == "527/TTLT/TTCP-BNV-UBKTTW"


def test_type_between_slashes_undated_stays() -> None:
    assert dated(_parts("180/KH/UBND"), None).symbol == "180/KH/UBND"


def test_a_dated_symbol_of_the_usual_layout_is_unchanged() -> None:
    assert dated(_parts("41/KH-UBND"), 2025) == _parts("41/KH-UBND")


def test_a_party_committees_code_after_slashes_is_no_state_slip() -> None:
    # A Đảng ủy khối's resolution: ``45/NQ/ĐUK``, its code unknown to the Party layout, kept.
    assert dated(_parts("45/NQ/ĐUK"), 2020).symbol == "45/NQ/ĐUK"


def test_a_symbol_with_its_year_before_2011_is_not_dated_again() -> None:
    assert dated(_parts("04/2008/TT/BTP"), 2012).symbol == "04/2008/TT/BTP"


def test_the_layout_of_2011_is_the_bound() -> None:
    assert (dated(_parts("180/KH/UBND"), 2010).symbol, dated(_parts("180/KH/UBND"), 2011).symbol) == \
        ("180/KH/UBND", "180/KH-UBND")


def test_a_symbol_listed_before_the_dated_one_is_repaired_too() -> None:
    text = "Kế hoạch số 180/KH/UBND và 181/KH/UBND ngày 15/01/2025 của UBND tỉnh"
    assert [c.symbol for c in parse_text(text).citations] == ["180/KH-UBND", "181/KH-UBND"]


def test_the_undated_mention_of_a_dated_slip_is_the_same_document() -> None:
    text = "Căn cứ Kế hoạch số 12/KH/UBND ngày 10/01/2025; thực hiện Kế hoạch 12/KH/UBND nói trên"
    assert [(d.symbol, d.mentions) for d in parse_text(text).documents] == [("12/KH-UBND", 2)]


def test_the_documents_own_number_is_repaired_by_its_date_and_names_itself() -> None:
    text = ("UBND TỈNH LÂM ĐỒNG\nSố: 180/KH/UBND\nLâm Đồng, ngày 15 tháng 01 năm 2025\nKẾ HOẠCH\n"
            "Cải cách hành chính năm 2025\nKế hoạch 180/KH/UBND này thay Kế hoạch số 12/KH-UBND.\n")
    report = parse_text(text)
    assert report.metadata.number is not None
    assert (report.metadata.number.symbol, [c.symbol for c in report.citations]) == ("180/KH-UBND", ["12/KH-UBND"])


def test_a_cited_slip_is_repaired_in_the_citation() -> None:
    c = parse_text("Thực hiện Kế hoạch số 180/KH/UBND ngày 15/01/2025 của UBND tỉnh").citations[0]
    assert (c.symbol, c.repairs) == ("180/KH-UBND", ["slash-for-hyphen"])


def test_state_symbol_parts() -> None:
    parsed = parse_symbol("61/2018/NĐ-CP", "Nghị định")
    assert parsed is not None
    assert (parsed.number, parsed.year, parsed.type_code, parsed.issuer_code) == ("61", 2018, "NĐ", "CP")


def test_party_symbol_parts() -> None:
    parsed = parse_symbol("03-CTr/BDVTW-BCSĐCP")
    assert parsed is not None
    assert (parsed.number, parsed.type_code, parsed.issuer_code) == ("03", "CTr", "BDVTW-BCSĐCP")


def test_cong_van_has_no_type_code() -> None:
    parsed = parse_symbol("12/UBND-VX", "Công văn")
    assert parsed is not None and (parsed.type_code, parsed.issuer_code) == (None, "UBND-VX")


def test_not_a_symbol() -> None:
    assert parse_symbol("ngày 26/11/2021") is None


def test_blank_own_number() -> None:
    own = parse_own_number("/BC-UBND")
    assert own is not None and (own.number, own.type_code, own.issuer_code, own.symbol) == (None, "BC", "UBND", None)


@pytest.mark.parametrize(("raw", "parts"), [
    # gpxd-19-2012-bql-kcn-scan: a building permit's number and year joined by a dot.
    ("19.2012/GPXD", ("19", 2012, "GPXD", None, "19.2012/GPXD")),
    # cv-4552-bca-c04-2025-scan: a handwritten number read as specks, its slash as ``)``.
    ("2 § )BCA-C04", (None, None, None, "BCA-C04", None)),
    # cv-3980-c04-p6-2025-scan: digits with a gap (not a number), the slash read as ``⁄``.
    ("3 39⁄C04-P6", (None, None, None, "C04-P6", None)),
])
def test_own_number_forms(raw: str, parts: tuple[object, ...]) -> None:
    own = parse_own_number(raw)
    assert own is not None and (own.number, own.year, own.type_code, own.issuer_code, own.symbol) == parts


@pytest.mark.parametrize("raw", [
    "12)BC-UBND",  # nothing says the digits are wrong, nor that the ``)`` is a slash
    "12-/KH-UBND", "12./KH-UBND", "1 2/BC-UBND", "1.234/UBND-VX",  # digits before a true slash: print
    "12.2012/QĐ-UBND",  # a dot between number and year only in a licence's number (GP…)
    "19.2012/GPXD/",
    "/BC-UBND về việc", "2 § )BCA-C04 về việc",  # codes that run into words are no codes
])
def test_own_numbers_that_are_not_blanked_or_dotted(raw: str) -> None:
    assert parse_own_number(raw) is None


def test_every_doc_type_example_parses_with_its_code() -> None:
    """The conventions are data with examples: each example's symbol carries the type's code."""
    from vnreport_extract.extract.citations import extract_citations

    for entry in DOC_TYPES:
        for example in entry["examples"]:
            [citation] = extract_citations(example)
            assert citation.doc_type == entry["name"], example
            if citation.kind == "full" and citation.type_code is not None:
                assert citation.type_code in (entry["state"], entry["party"]), example


@pytest.mark.parametrize(("raw", "symbol", "repairs"), [
    ("3364/BTTTT-ƯDCNTT", "3364/BTTTT-ƯDCNTT", []),  # a code with Ư (Ứng dụng CNTT), Bộ TT&TT 2008
    ("16/CGC.BT", "16/CGC.BT", []),  # a dot inside the issuer code, Bình Thuận 2024
    ("10/2007/QĐ_BKHCN", "10/2007/QĐ-BKHCN", ["underscore"]),  # QĐ 09/2010 Cần Thơ
    ("174 KL/TW", "174-KL/TW", ["missing-hyphen"]),  # Bộ Nội vụ 8977/BNV-TCPCP, 2025
])
def test_real_slips_and_spellings(raw: str, symbol: str, repairs: list[str]) -> None:
    parsed = parse_symbol(raw)
    assert parsed is not None and (parsed.symbol, parsed.repairs) == (symbol, repairs)


def test_a_year_before_a_party_code_is_not_a_number() -> None:
    assert parse_symbol("2025 QĐ/TW") is None


def test_code_split_after_its_first_letter() -> None:
    """qd-353 (Công báo PDF): ``Nghị định số 104/2022/N Đ-CP ngày 21/12/2022``."""
    number = parse_symbol("104/2022/N Đ-CP")
    assert number is not None and (number.symbol, number.repairs) == ("104/2022/NĐ-CP", ["extra-space"])


@pytest.mark.parametrize(("line", "symbol"), [
    # cv-695-ubnd-vx-2012-scan.pdf (its ``số`` repaired from ``‡ô`` by the OCR reader)
    ("theo tinh thần Nghị quyết số 26NQ-TW ngày 05/8/2008 của Ban chấp hành Trung ương", "26/NQ-TW"),
    ("theo Quyết định số 800QĐ-TTg ngày 04/6/2010", "800/QĐ-TTg"),  # the same slip in a state symbol
])
def test_a_symbol_whose_slash_was_lost_after_its_type_word(line: str, symbol: str) -> None:
    [c] = parse_text(line).citations
    assert (c.symbol, c.repairs, c.date is not None) == (symbol, ["missing-slash"], True)


@pytest.mark.parametrize("line", [
    "mã hàng 26NQ-TW",  # no type word: any code
    "Kế hoạch số 41QĐ-UBND",  # a Quyết định's code after Kế hoạch
    "Công văn số 12KH-UBND",  # a type code after a type that has none
])
def test_digits_glued_to_a_code_without_its_type_word_are_no_citation(line: str) -> None:
    assert parse_text(line).citations == []


def test_parse_symbol_given_no_text_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="parse_symbol takes a symbol as a str"):
        parse_symbol(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(("raw", "symbol"), [
    ("245/KHUBND", "245/KH-UBND"),  # the README's example, with no type given
    ("3/QĐUBND", "3/QĐ-UBND"),
    ("12/TTCP", "12/TTCP"),  # a known code whole (Thanh tra Chính phủ): not split
    ("4/KHĐT", "4/KHĐT"),  # no known issuer code after the type code: as written
])
def test_a_glued_type_code_is_split_with_no_type_given(raw: str, symbol: str) -> None:
    parsed = parse_symbol(raw)
    assert parsed is not None and parsed.symbol == symbol
