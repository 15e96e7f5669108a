"""Handwritten numbers and days of signed scans, read by :mod:`vnreport_extract.readers.digits`.

Each image is the crop the OCR reader gives it: the box between the label (``Số:``, ``ngày``)
and the word after the field, cut from the real scans of ``fixtures/archives`` (see
``fixtures/handwriting/PROVENANCE.md``). A reading is used on its own only at
``_SURE_HAND``; below that it only confirms or contradicts Tesseract.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from vnreport_extract.conventions.header import is_field_value
from vnreport_extract.readers.digits import _in_range, read_handwritten
from vnreport_extract.readers.ocr import _SURE_HAND, read_hand_widening

HANDWRITING = Path(__file__).resolve().parent.parent / "fixtures" / "handwriting"


def crop(name: str) -> np.ndarray:
    return np.asarray(Image.open(HANDWRITING / f"{name}.png").convert("L"))


def confident_misreadings(written: dict[str, str],
                          valid: Callable[[str], bool] | None = None) -> list[tuple[str, int, int, str]]:
    """Every left and right cut of the real fields ``written`` (crop name → the digits written)
    that reads, at ``_SURE_HAND`` or more, digits that are not some of those written."""
    wrong = []
    for name, digits in written.items():
        grey = crop(name)
        width = grey.shape[1]
        for left in range(0, width // 2, 3):
            for right in range(width, width // 2, -3):
                reading = read_handwritten(grey[:, left:right], valid)
                if reading is not None and reading.confidence >= _SURE_HAND and reading.text not in digits:
                    wrong.append((name, left, right, reading.text))
    return wrong


@pytest.mark.parametrize(("name", "digits"), [
    ("qd-126-number-126", "126"),  # Tesseract read 426 at confidence 70+
    ("qd-126-day-18", "18"),  # Tesseract read 48
    ("qd-1462-day-18", "18"),  # italic, the 1 and the 8 over the same columns at their ends
    ("tb-666-number-666", "666"),  # grey paper, a comma after it
    ("cv-390-day-06", "06"),  # Tesseract read 0É
    ("cv-27-day-09", "09"),  # the 9 open at the top
    ("qd-126-copy-number-32", "32"),  # the 2 with a loop
    ("qd-126-copy-day-03", "03"),
    ("cv-4409-number-4409", "4409"),  # blue ink
    ("cv-390-number-390", "390"),  # stamped in bold italic; Tesseract read 340, and 330 alone
])
def test_legible_handwriting_is_read_with_confidence(name: str, digits: str) -> None:
    reading = read_handwritten(crop(name))
    assert reading is not None
    assert (reading.text, reading.confidence >= _SURE_HAND) == (digits, True)


@pytest.mark.slow  # every left and right cut of 19 fields: thousands of crops
def test_no_crop_of_a_field_is_read_wrong_with_confidence() -> None:
    # Every left and right cut of the real fields: a confident reading is the digits written,
    # or some of them when whole digits are cut away; never another digit.
    written = {"qd-126-number-126": "126", "qd-1462-day-18": "18", "tb-666-number-666": "666", "cv-390-day-06": "06",
               "cv-27-day-09": "09", "qd-126-copy-number-32": "32", "qd-126-copy-day-03": "03", "qd-126-day-18": "18",
               "cv-695-day-18": "18", "cv-1185-day-14": "14", "qd-1462-number-1462": "1462",
               "cv-3980-day-28": "28", "cv-61-day-31": "31", "cv-61-month-01": "01", "cv-4409-day-01": "01",
               "cv-4409-month-10": "10", "cv-4409-number-4409": "4409", "cv-298-day-12": "12",
               "cv-390-number-390": "390"}
    assert confident_misreadings(written) == []


DAY = partial(is_field_value, "day of the date")
MONTH = partial(is_field_value, "month of the date")


@pytest.mark.parametrize(("name", "digits"), [
    ("cv-695-day-18", "18"),  # one network reads the 1 with its lead-in as a 4: no day is 48
    ("cv-3980-day-28", "28"),  # one network reads the looped 2 as a 6: no day is 68
])
def test_the_range_of_a_day_decides_between_the_networks(name: str, digits: str) -> None:
    alone, in_range = read_handwritten(crop(name)), read_handwritten(crop(name), DAY)
    assert alone is not None and in_range is not None
    assert (alone.confidence < _SURE_HAND, in_range.text, in_range.confidence >= _SURE_HAND) == (True, digits, True)


def test_a_wide_character_is_a_digit_where_the_field_cannot_hold_one_digit_more() -> None:
    # cv-4409: the 10's 1 with a long lead-in is as wide as two digits run together, but no month
    # has three digits: within a month's range it is read.
    reading = read_handwritten(crop("cv-4409-month-10"), MONTH)
    assert reading is not None and (reading.text, reading.confidence >= _SURE_HAND) == ("10", True)


@pytest.mark.parametrize("name", [
    "cv-1185-day-14",  # 14 in one stroke: one character, read 4 and 7, both days
    "cv-4409-day-01",  # the 0 and the 1 joined: one character, read 4
])
def test_a_range_does_not_make_a_misread_day_sure(name: str) -> None:
    reading = read_handwritten(crop(name), DAY)
    assert reading is None or reading.confidence < _SURE_HAND


def test_a_reading_the_range_allows_is_kept_as_it_was() -> None:
    # Both networks read 06 alike: the range of a day changes neither the digits nor how sure.
    alone, in_range = read_handwritten(crop("cv-390-day-06")), read_handwritten(crop("cv-390-day-06"), DAY)
    assert alone is not None and in_range is not None
    assert (in_range.text, round(in_range.confidence, 2)) == (alone.text, round(alone.confidence, 2))


def test_a_number_has_no_range_to_read_within() -> None:
    # Any digits can be a document number: its reading is the networks' own (two characters, so
    # that the range is looked at).
    valid = partial(is_field_value, "document number")
    assert read_handwritten(crop("qd-126-copy-number-32"), valid) == read_handwritten(crop("qd-126-copy-number-32"))


def _one_character(probabilities: dict[int, float]) -> np.ndarray:
    p = np.full((1, 10), (1 - sum(probabilities.values())) / (10 - len(probabilities)), dtype=np.float32)
    for digit, value in probabilities.items():
        p[0, digit] = value
    return p


def test_the_range_does_not_decide_against_a_network_that_reads_outside_it() -> None:
    # A day of one character: 0 is no day. The perceptron gives the days 1 to 9 together 0.03,
    # below _LEAST_IN_RANGE: it reads something else (a stray mark); the range decides nothing.
    first, second = _one_character({0: 0.97}), _one_character({6: 0.8, 0: 0.1})
    assert _in_range(first, second, DAY) is None


def test_the_range_decides_where_both_networks_give_it_a_share() -> None:
    # The same, the perceptron giving the days 0.2 together, most of it to the 6 the CNN reads.
    first, second = _one_character({0: 0.8, 6: 0.15}), _one_character({6: 0.8, 0: 0.1})
    reading = _in_range(first, second, DAY)
    assert reading is not None and reading.text == "6"


@pytest.mark.slow  # about 8,000 crops each
@pytest.mark.parametrize("valid", [DAY, MONTH], ids=["day", "month"])
def test_no_crop_of_a_field_is_read_wrong_with_confidence_within_a_range(valid: Callable[[str], bool]) -> None:
    # The cuts of every real field, each read as a day and as a month: a confident reading is
    # the digits written or some of them, never another digit, though the range picks digits
    # that neither network would have put first on its own.
    written = {"qd-1462-day-18": "18", "cv-390-day-06": "06", "cv-27-day-09": "09", "qd-126-copy-day-03": "03",
               "qd-126-day-18": "18", "cv-695-day-18": "18", "cv-1185-day-14": "14", "cv-3980-day-28": "28",
               "cv-61-day-31": "31", "cv-61-month-01": "01", "cv-4409-day-01": "01", "cv-4409-month-10": "10",
               "cv-298-day-12": "12", "qd-126-copy-number-32": "32", "qd-126-number-126": "126",
               "tb-666-number-666": "666", "qd-1462-number-1462": "1462", "cv-4409-number-4409": "4409",
               "bc-115-number-115": "115"}
    assert confident_misreadings(written, valid) == []


def test_two_digits_run_together_are_not_read_as_one() -> None:
    # bc-115: "115" written with its two 1s joined at the top, like an M.
    assert read_handwritten(crop("bc-115-number-115")) is None


@pytest.mark.parametrize("name", [
    "qd-1462-number-1462",  # a 1 whose long lead-in stroke reads as a 4
    "cv-404-number-404",  # written over a dotted leader
    "cv-695-day-18",  # a 1 with a long lead-in, a scanner's line through it: one network reads 48
    "cv-1185-day-14",  # 14 in one stroke: one network reads 7, the other 4
    "cv-3980-day-28",  # the 2 with a loop at its foot: the networks read it apart
    "cv-4409-day-01",  # the 0 and the 1 joined: one character, read 4
])
def test_misread_handwriting_is_never_confident(name: str) -> None:
    reading = read_handwritten(crop(name))
    assert reading is None or reading.confidence < _SURE_HAND


@pytest.mark.parametrize("name", [
    "cv-695-number-695",  # the 5 written against the symbol's slash
    "cv-1185-number-1185",  # its first 1 against the label
    "tb-666-day-14",  # the end of ``ngày`` before the 14
    "cv-61-day-31",  # a piece of ``tháng`` after the 31
    "cv-298-day-12",  # squeezed between ``ngày`` and ``tháng``, its 2 cut
    "cv-61-month-01",  # the 1's long foot run out to the crop's side
])
def test_field_cut_by_the_crop_side_reads_nothing(name: str) -> None:
    # A digit cut by the crop's side could be any digit, or part of two.
    assert read_handwritten(crop(name)) is None


def test_a_character_as_wide_as_two_digits_is_not_read() -> None:
    # cv-4409: the 10's 1 with a long lead-in, as wide as two digits run together (read only
    # within a month's range, above).
    assert read_handwritten(crop("cv-4409-month-10")) is None


def test_a_blank_field_with_a_dotted_leader_reads_nothing() -> None:
    grey = np.full((50, 80), 255, dtype=np.uint8)
    for x in range(5, 75, 6):
        grey[38:41, x:x + 3] = 0
    assert read_handwritten(grey) is None



def test_a_lead_in_stroke_out_of_the_box_to_the_left_is_read_in_a_wider_box() -> None:
    # bien-ban: the 1 of ``18`` reaches back towards ``ngày``; a box a few pixels wider holds it whole.
    reading = read_hand_widening(crop("bien-ban-day-18-row"), (40, 0, 110, 91))
    assert reading is not None and (reading.text, reading.confidence >= _SURE_HAND) == ("18", True)


def test_a_box_is_never_widened_to_the_right_where_more_digits_follow() -> None:
    # cv-406: freed on the right, the 4 of ``406`` would have been read alone, before its 06.
    assert read_hand_widening(crop("cv-406-number-406-row"), (40, 0, 105, 103)) is None


def test_no_widened_box_of_a_real_row_is_read_wrong_with_confidence() -> None:
    # Every left edge of the box along the row: a confident reading is the digits written, or
    # some of them; never another digit (the label's letters taken in read nothing).
    wrong = []
    for name, digits, (right, bottom) in (("bien-ban-day-18-row", "18", (110, 91)),
                                          ("cv-406-number-406-row", "406", (105, 103))):
        grey = crop(name)
        for left in range(0, right - 10, 2):
            reading = read_hand_widening(grey, (left, 0, right, bottom))
            if reading is not None and reading.confidence >= _SURE_HAND and reading.text not in digits:
                wrong.append((name, left, reading.text))
    assert wrong == []
