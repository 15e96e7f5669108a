"""The Vietnamese conventions are data: each entry is checked against the extractors."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vnreport_extract import parse_text
from vnreport_extract.conventions.doc_types import CANONICAL_CODES, DOC_TYPES
from vnreport_extract.conventions.header import (
    ANNEX_LABEL,
    ANNEX_TITLE_EXAMPLES,
    END_MARK,
    END_MARK_EXAMPLES,
    HEADER_FIELDS,
    HEADER_MARKS,
    HEADER_RULES,
    PLACE_YEAR,
    annex_label,
    blank_field,
    classify_line,
    doc_type_of,
    has_mark,
    is_field_end,
    is_field_label,
    match_line,
    place_year,
)
from vnreport_extract.conventions.vocabulary import AUTHORITIES, DEPUTY_TITLES, POSITIONS
from vnreport_extract.extract.citations import canonical_authority, canonical_doc_type
from vnreport_extract.extract.symbols import canonical_code


def test_type_names_are_unique_and_sentence_case() -> None:
    names = [d["name"] for d in DOC_TYPES]
    assert len(names) == len(set(names))
    for name in names:
        assert name[0].isupper() and name[1:] == name[1:].lower(), name


@pytest.mark.parametrize("entry", DOC_TYPES, ids=[d["name"] for d in DOC_TYPES])
def test_type_word_in_any_case_is_canonical(entry: dict[str, object]) -> None:
    name = str(entry["name"])
    assert canonical_doc_type(name.upper()) == canonical_doc_type(name.lower()) == name


@pytest.mark.parametrize("entry", DOC_TYPES, ids=[d["name"] for d in DOC_TYPES])
def test_type_name_in_capitals_is_the_header_s_type(entry: dict[str, object]) -> None:
    name = str(entry["name"])
    assert doc_type_of(name.upper()) == name


@pytest.mark.parametrize("entry", [d for d in DOC_TYPES if d["state"] and d["name"] not in ("Luật", "Bộ luật")],
                         ids=[d["name"] for d in DOC_TYPES if d["state"] and d["name"] not in ("Luật", "Bộ luật")])
def test_type_name_cited_with_its_code(entry: dict[str, object]) -> None:
    name, code = str(entry["name"]), str(entry["state"])
    [citation] = parse_text(f"Thực hiện {name} số 12/{code}-UBND ngày 02/3/2024 của UBND tỉnh").citations
    assert (citation.doc_type, citation.symbol) == (name, f"12/{code}-UBND")


TYPE_EXAMPLES = [(str(d["name"]), example) for d in DOC_TYPES for example in d["examples"]]


@pytest.mark.parametrize(("name", "example"), TYPE_EXAMPLES, ids=[e for _, e in TYPE_EXAMPLES])
def test_type_example_is_cited_as_its_type(name: str, example: str) -> None:
    assert [c.doc_type for c in parse_text(example).citations] == [name]


@pytest.mark.parametrize("code", CANONICAL_CODES)
def test_code_case_repair(code: str) -> None:
    repairs: list[str] = []
    assert canonical_code(code.upper() if code != code.upper() else code.lower(), repairs) == code  # type: ignore[arg-type]


@pytest.mark.parametrize("position", POSITIONS)
def test_position_from_upper_case_signature(position: str) -> None:
    # Only a deputy signs ``KT.`` (ký thay) for the head; any position signs for a collective.
    deputy = position.startswith(tuple(DEPUTY_TITLES))
    signing = "KT. GIÁM ĐỐC" if deputy else "TM. ỦY BAN NHÂN DÂN"
    text = f"BÁO CÁO\nX\nNơi nhận:\n- Lưu: VT.\n{signing}\n{position.upper()}\nNguyễn Văn An"
    signer = parse_text(text).metadata.signer
    assert signer is not None and signer.position == position


@pytest.mark.parametrize("authority", AUTHORITIES)
def test_authority_spelling(authority: str) -> None:
    assert canonical_authority(authority.lower()) == authority
    [citation] = parse_text(f"Kế hoạch số 12/KH-UBND ngày 02/3/2024 của {authority} về việc x").citations
    assert citation.authority == authority


HEADER_EXAMPLES = [(r["kind"], line) for r in HEADER_RULES for line in r["examples"]]
HEADER_NOT_EXAMPLES = [(r["kind"], line) for r in HEADER_RULES for line in r["not_examples"]]


@pytest.mark.parametrize(("kind", "line"), HEADER_EXAMPLES, ids=[f"{k}:{x}" for k, x in HEADER_EXAMPLES])
def test_header_rule_example(kind: str, line: str) -> None:
    assert match_line(kind, line) is not None
    assert classify_line(line) == kind


@pytest.mark.parametrize(("kind", "line"), HEADER_NOT_EXAMPLES, ids=[f"{k}:{x}" for k, x in HEADER_NOT_EXAMPLES])
def test_header_rule_not_example(kind: str, line: str) -> None:
    assert classify_line(line) != kind


@pytest.mark.parametrize(("line", "refused"), [("CỘNG", False), ("CÔNG", True), ("Công", True), ("CONG", True)])
def test_header_rule_refuses_a_written_form_its_folded_form_matches(line: str, refused: bool) -> None:
    # ``CÔNG`` (of ``CÔNG TY``) folds as ``CỘNG`` does; only ``CỘNG`` alone is the Quốc hiệu's.
    assert (match_line("motto-part", line) is None, classify_line(line) != "motto-part") == (refused, refused)


MARK_EXAMPLES = [(r["kind"], line) for r in HEADER_MARKS for line in r["examples"]]
MARK_NOT_EXAMPLES = [(r["kind"], line) for r in HEADER_MARKS for line in r["not_examples"]]


@pytest.mark.parametrize(("kind", "line"), MARK_EXAMPLES, ids=[f"{k}:{x}" for k, x in MARK_EXAMPLES])
def test_header_mark_example(kind: str, line: str) -> None:
    assert has_mark(kind, line)


@pytest.mark.parametrize(("kind", "line"), MARK_NOT_EXAMPLES, ids=[f"{k}:{x}" for k, x in MARK_NOT_EXAMPLES])
def test_header_mark_not_example(kind: str, line: str) -> None:
    assert not has_mark(kind, line)


@pytest.mark.parametrize("line", END_MARK_EXAMPLES)
def test_end_mark_example(line: str) -> None:
    # The mark ends the line, and taking it off leaves the sentence's last word.
    m = END_MARK.search(line)
    assert m is not None and line[: m.start()][-1:].isalpha()


FIELD_EXAMPLES = [(f["name"], line) for f in HEADER_FIELDS for line in f["examples"]]


@pytest.mark.parametrize(("name", "line"), FIELD_EXAMPLES, ids=[f"{k}:{x}" for k, x in FIELD_EXAMPLES])
def test_header_field_example(name: str, line: str) -> None:
    # "label | field | the words after": the field is found between the two, and a blank one
    # is told from the words around it alone.
    label, value, after = (part.strip() for part in line.split("|"))
    following = after.split()[0]
    assert (is_field_label(name, label), is_field_end(name, following),
            blank_field(label, following) == name if not value else True) == (True, True, True)


FIELD_NOT_EXAMPLES = [(f["name"], line) for f in HEADER_FIELDS for line in f["not_examples"]]


@pytest.mark.parametrize(("name", "line"), FIELD_NOT_EXAMPLES, ids=[f"{k}:{x}" for k, x in FIELD_NOT_EXAMPLES])
def test_header_field_not_example(name: str, line: str) -> None:
    label, following = (part.strip() for part in line.split("|"))
    assert blank_field(label, following) is None


def test_header_number_value_span() -> None:
    line = "Số:        /KH-STTTT"
    m = match_line("number", line)
    assert m is not None and line[m.start("value"):] == "/KH-STTTT"


def test_header_signing_parts() -> None:
    line = "KT. GIÁM ĐỐC"
    m = match_line("signing", line)
    assert m is not None and (line[m.start("auth"):m.end("auth")], line[m.start("rest"):]) == ("KT", "GIÁM ĐỐC")


def test_header_rules_read_a_long_line_whole() -> None:
    # Rules are first tried on a line's start; a line longer than that is still read to its end.
    subject = ("(V/v xin kinh phí tư vấn đầu tư xây dựng công trình: Khu dân cư dịch vụ thôn Ninh Khánh, "
               "thị trấn Nếnh, huyện Việt Yên)")
    assert classify_line(subject) == "subject"
    line = "TM. ỦY BAN NHÂN DÂN THỊ TRẤN NẾNH HUYỆN VIỆT YÊN TỈNH BẮC GIANG, CHỦ TỊCH ỦY BAN NHÂN DÂN THỊ TRẤN"
    m = match_line("signing", line)
    assert m is not None and line[m.start("rest"):].endswith("DÂN THỊ TRẤN")


def test_running_text_is_no_header_line() -> None:
    line = ("Thực hiện Kế hoạch số 245/KH-UBND ngày 31/12/2021 của UBND tỉnh về cải cách hành chính, "
            "UBND xã đã ban hành kế hoạch triển khai")
    assert (classify_line(line), match_line("place-date", line)) == (None, None)


# The line conventions read by a function of their own, not by classify_line: each example is
# read, each not-example is not.
_READ_APART = [(PLACE_YEAR, place_year), (ANNEX_LABEL, annex_label)]


@pytest.mark.parametrize(("line", "read"), [(x, read) for rule, read in _READ_APART for x in rule["examples"]])
def test_read_apart_example(line: str, read: Callable[[str], object]) -> None:
    assert read(line) is not None


@pytest.mark.parametrize(("line", "read"), [(x, read) for rule, read in _READ_APART for x in rule["not_examples"]])
def test_read_apart_not_example(line: str, read: Callable[[str], object]) -> None:
    assert read(line) is None


def test_a_title_line_ending_with_its_year_keeps_its_kind() -> None:
    # A V/v title ``..., năm 2012`` is a subject line still: the cover's place and year is no
    # header line kind.
    assert classify_line("V/v báo cáo kết quả thực hiện, năm 2012") == "subject"


@pytest.mark.parametrize(("line", "title"), ANNEX_TITLE_EXAMPLES)
def test_annex_label_keeps_the_title_s_first_words(line: str, title: str) -> None:
    label = annex_label(line)
    assert label is not None and label[1] == title
