"""Resolution of citation mentions into cited documents."""

from __future__ import annotations

import pytest

from vnreport_extract import parse_text, resolve
from vnreport_extract.extract.citations import extract_citations


def docs(text: str) -> list[tuple[str | None, int]]:
    return [(d.symbol, d.mentions) for d in resolve(extract_citations(text)).documents]


def test_same_symbol_with_compatible_dates_merges() -> None:
    text = ("Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ; Chỉ thị số 33/CT-TTg; "
            "Chỉ thị số 33/CT-TTg ngày 26/11/2021.")
    assert docs(text) == [("33/CT-TTg", 3)]


def test_same_symbol_with_different_dates_does_not_merge() -> None:
    assert docs("Quyết định số 12/QĐ-UBND ngày 02/3/2020; Quyết định số 12/QĐ-UBND ngày 05/01/2024") == [
        ("12/QĐ-UBND", 1), ("12/QĐ-UBND", 1)]


def test_same_symbol_with_another_date_of_the_same_year_is_a_slip_and_merges() -> None:
    # hd-btctu-ha-noi-nghiep-vu-to-chuc-dang-2025.pdf: dated 30/5/2025 six times, 20/5/2025 once (page 42).
    cited = resolve(extract_citations(
        "Quy định số 296-QĐ/TW ngày 30/5/2025; Quy định số 296-QĐ/TW ngày 30/5/2025; "
        "Quy định số 296-QĐ/TW ngày 20/5/2025")).documents
    assert [(d.symbol, d.mentions, d.date and d.date.iso) for d in cited] == [("296-QĐ/TW", 3, "2025-05-30")]


def test_a_local_body_s_symbol_under_two_dates_of_one_year_is_two_documents() -> None:
    # Every province and district has its UBND: 12/KH-UBND of each is another plan.
    assert docs("Kế hoạch số 12/KH-UBND ngày 10/01/2024 của UBND tỉnh Lâm Đồng; Kế hoạch số 12/KH-UBND "
                "ngày 05/3/2024 của UBND huyện Đức Trọng") == [("12/KH-UBND", 1), ("12/KH-UBND", 1)]


def test_a_slipped_date_gives_way_to_the_day_the_others_give() -> None:
    cited = resolve(extract_citations("Thông tư số 5/2024/TT-BCA tháng 3/2024; Thông tư số 5/2024/TT-BCA "
                                      "tháng 3/2024; Thông tư số 5/2024/TT-BCA ngày 15/3/2024")).documents
    assert [(d.mentions, d.date and d.date.iso) for d in cited] == [(3, "2024-03-15")]


def test_slip_in_issuer_code_merges_and_fullest_form_wins() -> None:
    cited = resolve(extract_citations(
        "Chương trình phối hợp số 03-CTr/BDVTW-BCSDCP; Chương trình phối hợp số 03-CTr/BDVTW-BCSĐCP "
        "ngày 15/12/2021 giữa Ban Dân vận Trung ương")).documents
    assert [(d.symbol, d.mentions, d.variants, d.date and d.date.iso) for d in cited] == [
        ("03-CTr/BDVTW-BCSĐCP", 2, ["03-CTr/BDVTW-BCSDCP"], "2021-12-15")]


def test_different_numbers_never_merge() -> None:
    assert docs("Kế hoạch số 41/KH-UBND; Kế hoạch số 42/KH-UBND; Kế hoạch số 421/KH-UBND") == [
        ("41/KH-UBND", 1), ("42/KH-UBND", 1), ("421/KH-UBND", 1)]


def test_every_mention_points_at_its_document() -> None:
    citations = extract_citations("Chỉ thị số 33/CT-TTg ngày 26/11/2021; Kết luận số 01-KL/TW; Chỉ thị số 33/CT-TTg")
    resolution = resolve(citations)
    cited = resolution.documents
    assert resolution.document_ids == [cited[0].id, cited[1].id, cited[0].id]


def test_the_citations_given_are_not_changed() -> None:
    citations = extract_citations("Chỉ thị số 33/CT-TTg ngày 26/11/2021; Chỉ thị số 33/CT-TTg")
    before = [c.model_copy() for c in citations]
    resolve(citations)
    assert citations == before and citations[0].document_id is None


def test_short_citation_joins_its_only_full_form() -> None:
    citations = extract_citations("Chỉ thị số 33/CT-TTg ngày 26/11/2021. Tiếp tục thực hiện Chỉ thị 33 của Thủ tướng")
    resolution = resolve(citations)
    [cited] = resolution.documents
    assert (cited.mentions, citations[1].kind, resolution.document_ids[1]) == (2, "short", cited.id)


def test_one_warning_per_symbol_repair() -> None:
    report = parse_text("Kế hoạch số 245/KHUBND ngày 31/12/2021; Quyết định số 49 - QĐ/ĐU ngày 23/02/2022")
    assert [w.code for w in report.warnings] == ["symbol-missing-hyphen", "symbol-extra-space"]


def test_one_letter_apart_without_a_shared_date_are_different_bodies() -> None:
    assert docs("Hướng dẫn số 12-HD/BTGTW; Hướng dẫn số 12-HD/BTGTU ngày 02/3/2024") == [
        ("12-HD/BTGTW", 1), ("12-HD/BTGTU", 1)]


def test_ocr_slip_with_the_same_date_merges() -> None:
    assert docs("Quyết định số 28/2025/QĐ-TTg ngày 24/8/2025; Quyết định số 28/2025/QĐ-TTq ngày 24/8/2025") == [
        ("28/2025/QĐ-TTg", 2)]


def test_a_symbol_written_with_and_without_its_marks_is_named_with_them() -> None:
    # The fullest mention (dated) wrote the slip; the document keeps the symbol's Vietnamese letters.
    r = parse_text("Thực hiện Nghị quyết số 20/NQ-HDND ngày 10/3/2022 của HĐND huyện và "
                   "Nghị quyết số 20/NQ-HĐND của HĐND huyện.")
    assert [(d.symbol, d.variants, d.mentions) for d in r.documents] == [("20/NQ-HĐND", ["20/NQ-HDND"], 2)]


@pytest.mark.parametrize("text", [
    "Quyết định số 05/QĐ-UBND ngày 3/1/2024 và Quyết định số 5/QĐ-UBND ngày 03/01/2024",  # a leading zero
    "Nghị định số 07/2021/NĐ-CP ngày 28/01/2021 và Nghị định 7/2021/NĐ-CP",
    "Nghị định số 7/2021/ND-CP và Nghị định số 07/2021/NĐ-CP ngày 28/01/2021",  # and an ASCII Đ
])
def test_one_number_written_with_and_without_its_leading_zero_is_one_document(text: str) -> None:
    [document] = parse_text(text).documents
    assert (document.mentions, len(document.variants)) == (2, 1)


def test_numbers_that_differ_by_more_than_zeros_are_two_documents() -> None:
    text = "Quyết định số 5/QĐ-UBND ngày 3/1/2024 và Quyết định số 50/QĐ-UBND ngày 3/1/2024"
    assert [d.symbol for d in parse_text(text).documents] == ["5/QĐ-UBND", "50/QĐ-UBND"]


@pytest.mark.parametrize("given", [["245/KH-UBND"], "245/KH-UBND"])
def test_resolve_given_no_citations_is_a_type_error(given: object) -> None:
    with pytest.raises(TypeError, match="resolve takes a report's citations"):
        resolve(given)  # type: ignore[arg-type]


def test_one_document_cited_with_and_without_its_zero_in_two_reports_has_one_id() -> None:
    a = parse_text("Quyết định số 05/QĐ-UBND ngày 10/01/2024").documents[0]
    b = parse_text("Quyết định số 5/QD-UBND ngày 10/01/2024").documents[0]
    assert (a.symbol, b.symbol, a.id == b.id) == ("05/QĐ-UBND", "5/QD-UBND", True)


@pytest.mark.parametrize(("text", "symbol", "slip", "same"), [
    # ttr-3367-ttr-snv-binh-thuan-2024.pdf: the slip first, dated
    ("thay thế Nghị định số 45/25010/NĐ-CP ngày 21/4/2010 Chính phủ quy định; của Nghị định số 45/2010/NĐ-CP",
     "45/2010/NĐ-CP", "45/25010/NĐ-CP", "Nghị định số 45/2010/NĐ-CP ngày 21/4/2010"),
    # cv-4552-bca-c04-2025-scan.pdf: the slip undated, a digit less than 20025 is three years
    ("Quyết định số 28/2025/QĐ-TTg ngày 24/08/2025 của Thủ tướng Chính phủ; (Điều 5- QĐ28/20025/QĐ-TTg)",
     "28/2025/QĐ-TTg", "28/20025/QĐ-TTg", "Quyết định số 28/2025/QĐ-TTg ngày 24/08/2025"),
])
def test_a_symbol_with_its_year_typed_a_digit_too_long_is_the_document_of_the_right_year(
        text: str, symbol: str, slip: str, same: str) -> None:
    cited = resolve(extract_citations(text)).documents
    assert [(d.symbol, d.mentions, d.variants) for d in cited] == [(symbol, 2, [slip])]
    assert cited[0].id == resolve(extract_citations(same)).documents[0].id


def test_a_year_a_digit_too_long_but_for_another_year_is_another_document() -> None:
    assert docs("Quyết định số 28/20025/QĐ-TTg; Quyết định số 28/2024/QĐ-TTg") == [
        ("28/20025/QĐ-TTg", 1), ("28/2024/QĐ-TTg", 1)]


def test_a_year_typed_a_digit_too_long_is_warned_of() -> None:
    warnings = [w.message for w in parse_text("Căn cứ Nghị định số 45/25010/NĐ-CP ngày 21/4/2010").warnings
                if w.code == "symbol-year-slip"]
    assert warnings == ["symbol 45/25010/NĐ-CP: the year 25010 has a digit too many (for 2010); kept as written"]


def test_a_subject_read_on_into_the_report_s_words_gives_way_to_the_title_another_mention_ends() -> None:
    # bc-quan-ly-hoi-2025.docx: the fullest mention's subject goes on with the report's sentence.
    [doc] = resolve(extract_citations(
        "sửa đổi Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ về tổ chức, hoạt động và quản lý hội cho "
        "phù hợp với tình hình; theo Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ quy định về tổ "
        "chức, hoạt động và quản lý hội;")).documents
    assert (doc.mentions, doc.subject) == (2, "tổ chức, hoạt động và quản lý hội")


@pytest.mark.parametrize(("text", "warned"), [
    # tb-kl-pci-2026-du-thao.docx and hd-btctu-ha-noi-nghiep-vu-to-chuc-dang-2025.pdf: a slip in one of the two
    ("triển khai Kế hoạch số 1109/QĐ-UBND ngày 31/3/2026 của UBND tỉnh", True),
    ("Quyết định số 347-CT/TW, ngày 08/8/2025 của Ban Bí thư về việc ban hành mẫu", True),
    # the codes offices write for these types (hd-06-hd-tw-2025.pdf, cv-368-cv-bptt-tinh-uy-2012-scan.pdf,
    # tb-107-tb-kcn-2012-scan.pdf)
    ("Quy định số 29-QĐ/TW, ngày 02/6/1997 của Bộ Chính trị", False),
    ("Công văn 368-CV/BPTT ngày 20/8/2012", False),
    ("Bộ luật lao động số 35-L/CTN ngày 23/06/1994", False),
    ("Kế hoạch số 12/KH-UBND ngày 2/1/2024", False),
])
def test_a_type_word_and_a_type_code_that_disagree_are_warned_of(text: str, warned: bool) -> None:
    codes = [w.code for w in parse_text(text).warnings]
    assert ("citation-type-mismatch" in codes) is warned


def test_a_fuller_title_of_another_mention_is_no_run_on() -> None:
    [doc] = resolve(extract_citations(
        "Quyết định số 12/QĐ-UBND ngày 2/1/2025 về việc phê duyệt Kế hoạch cải cách hành chính năm 2025; thực hiện "
        "Quyết định số 12/QĐ-UBND về phê duyệt Kế hoạch, Sở đã triển khai")).documents
    assert doc.subject == "phê duyệt Kế hoạch cải cách hành chính năm 2025"


def test_a_year_a_digit_too_long_that_could_be_two_cited_years_joins_neither() -> None:
    assert docs("Quyết định số 28/2002/QĐ-TTg; Quyết định số 28/2025/QĐ-TTg; Quyết định số 28/20025/QĐ-TTg") == [
        ("28/2002/QĐ-TTg", 1), ("28/2025/QĐ-TTg", 1), ("28/20025/QĐ-TTg", 1)]


def test_a_year_a_digit_too_long_cited_alone_has_the_id_of_the_year_it_can_only_be() -> None:
    assert resolve(extract_citations("Nghị định số 45/25010/NĐ-CP")).documents[0].id == \
        resolve(extract_citations("Nghị định số 45/2010/NĐ-CP")).documents[0].id
