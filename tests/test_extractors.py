"""The public extractors: records, their warnings, and the text their offsets point into."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from vnreport_extract import extract_citations, extract_dates, extract_figures, extract_metadata, parse_text

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "000_c44f0d63a01b8516.txt"


def test_offsets_point_into_the_cleaned_text_the_extraction_carries() -> None:
    # The seed as a converter may give it: decomposed (NFD), with Markdown bold marks.
    given = unicodedata.normalize("NFD", SEED.read_text(encoding="utf-8")).replace("Kế hoạch", "**Kế hoạch**")
    found = extract_citations(given)
    assert found.text == parse_text(given).text != given
    assert len(found.records) == 33
    assert [found.text[c.start:c.end] for c in found.records] == [c.raw for c in found.records]
    assert any(given[c.start:c.end] != c.raw for c in found.records)  # not offsets into the text given


def test_every_extraction_carries_its_text() -> None:
    text = "Toàn xã có 860 hộ.\nNgày 15/5/2023."
    assert {f(text).text for f in (extract_dates, extract_figures, extract_metadata)} == {parse_text(text).text}


def test_a_legacy_encoding_converted_is_told_by_every_extractor() -> None:
    tcvn3 = "Thùc hiÖn KÕ ho¹ch sè 245/KH-UBND ngµy 31/12/2021"  # TCVN3 typed in a Unicode string
    found = [f(tcvn3) for f in (extract_citations, extract_dates, extract_metadata)]
    assert [[w.code for w in x.warnings] for x in found] == [["legacy-encoding"]] * 3
    assert found[0].records[0].symbol == "245/KH-UBND"
    assert found[0].text.startswith("Thực hiện Kế hoạch số 245/KH-UBND")


def test_a_kinds_own_warnings_stay_with_it() -> None:
    text = "Thực hiện Kế hoạch số 245/KHUBND"
    assert ([w.code for w in extract_citations(text).warnings], extract_dates(text).warnings) == (
        ["symbol-missing-hyphen"], [])
