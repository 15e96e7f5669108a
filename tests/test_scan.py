"""The scanning shortcuts find exactly what the plain patterns find."""

from __future__ import annotations

import functools
import random
from pathlib import Path

import regex

from vnreport_extract import parse_file
from vnreport_extract.conventions.doc_types import NAMED_TYPES
from vnreport_extract.extract.citations import (
    _ABOUT,
    _NOT_IN_TYPE,
    _TYPE_NAMES,
    NAMED,
    NAMED_WORDS,
    TYPE_BEFORE,
    _about,
)
from vnreport_extract.extract.dates import NUMERIC, YEAR_RANGE
from vnreport_extract.extract.scan import around, matches_at, matches_in, occurrences, trie
from vnreport_extract.extract.symbols import SYMBOL_RE, find_symbols

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "seed" / "000_c44f0d63a01b8516.txt"


def _plain(words: list[str]) -> str:
    return "(?:" + "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _texts(words: list[str], rng: random.Random) -> list[str]:
    """Texts made of the words, their prefixes and case variants, and what may follow them."""
    pieces = [*words, *(w[: rng.randint(1, len(w))] for w in words), *(w.upper() for w in words),
              *(w.lower() for w in words), " số ", " ", "x", "12"]
    return [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(300)]


def test_a_trie_matches_and_prefers_what_the_alternation_does() -> None:
    rng = random.Random(3)
    word_lists = [_TYPE_NAMES, list(NAMED_TYPES), ["a", "ab", "abc", "b", "bc", "c"],
                  *(["".join(rng.choice("abc ") for _ in range(rng.randint(1, 5))) for _ in range(8)]
                    for _ in range(20))]
    for words in word_lists:
        for flags in (0, regex.IGNORECASE):
            # What follows decides which word (a shorter one after backtracking) a match keeps.
            for tail in ("", r"(?= số)", r"(?=\w)", "$"):
                a = regex.compile(f"(?P<w>{_plain(words)}){tail}", flags)
                b = regex.compile(f"(?P<w>{trie(words)}){tail}", flags)
                for text in _texts(words, rng)[:40]:
                    assert [a.match(text, i) and a.match(text, i).span("w") for i in range(len(text))] == \
                        [b.match(text, i) and b.match(text, i).span("w") for i in range(len(text))], (words, text)


def test_occurrences_are_every_start_of_every_word() -> None:
    text = "Luật Đất đai; Bộ luật Dân sự; Luật Luật"
    assert occurrences(text, ["Luật", "Bộ luật", "uật"]) == [0, 1, 14, 18, 30, 31, 35, 36]


def test_named_citations_found_where_their_names_occur_are_the_scans() -> None:
    text = SEED.read_text(encoding="utf-8") + " Hiến pháp năm 2013, Luật Đất đai và Bộ luật Hình sự; Luật"
    found = [(m.span(), m.group("type")) for m in matches_at(NAMED, text, occurrences(text, NAMED_WORDS))]
    assert found == [(m.span(), m.group("type")) for m in NAMED.finditer(text)]
    assert len(found) >= 5


@functools.cache
def _corpus() -> tuple[str, ...]:
    """Real texts (the seed, the DOCX fixtures) and the same lines reshuffled, with symbols and
    dates broken over line ends, spaced out and run into their neighbours."""
    texts = [SEED.read_text(encoding="utf-8"), *(parse_file(p).text for p in sorted(FIXTURES.rglob("*.docx")))]
    rng = random.Random(5)
    lines = [line for t in texts for line in t.split("\n")]
    odd = ["10-", "CTPH/BDVTU-", "BCSĐUBND", "245/KH-", "  UBND", "12 /", "2021", "05/4/", "2022 - 2025",
           "giai đoạn 2021 –", " 2026", "31/12/2021.", "Số: 15/", "20/20/2020/2019", "1920", "174 KL/TW", "-"]
    mixed = []
    for _ in range(40):
        picked = [rng.choice(lines) if rng.random() < 0.7 else rng.choice(odd) for _ in range(rng.randint(5, 60))]
        mixed.append("".join(line + rng.choice(["\n", "\n", " ", "", " \n", "-\n", "/"]) for line in picked))
    return (*texts, *mixed)


def _spans(matches: object) -> list[tuple[tuple[int, int], ...]]:
    return [tuple(m.span(g) for g in range(m.re.groups + 1)) for m in matches]  # type: ignore[attr-defined]


def test_numeric_dates_and_periods_tried_at_their_years_are_the_scans() -> None:
    for text in _corpus():
        years = occurrences(text, ("19", "20"))
        assert _spans(matches_in(NUMERIC, text, around(years, 10, 5, len(text)))) == _spans(NUMERIC.finditer(text))
        assert _spans(matches_at(YEAR_RANGE, text, years)) == _spans(YEAR_RANGE.finditer(text))


def test_symbols_read_around_slashes_are_the_scan() -> None:
    found = 0
    for text in _corpus():
        expected = _spans(SYMBOL_RE.finditer(text))
        assert _spans(find_symbols(text)) == expected
        found += len(expected)
    assert found > 300


def test_a_subject_read_in_runs_is_the_lazy_patterns() -> None:
    rng = random.Random(7)
    pieces = ["về", "Về", "VỀ", "việc", "v/v", "V/V", " ", " ", ",", ".", ". ", ";", "(", "\n", "“", "”", '"', "ab",
              "x", "a.b", "..", ".\n", "a" * 150]
    texts = [" " + line for text in _corpus()[:3] for line in text.split("\n") if "về" in line.casefold()]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    texts += [" về " + "a" * n + end for n in range(295, 306) for end in (";", ". ", ".", "")]
    for text in texts:
        for pos in {0, 1, rng.randrange(len(text) + 1)}:
            for at in (m.start() for m in regex.finditer(r"(?i)về|v/v", text)):
                for start in (pos, max(0, at - 2)):
                    a, b = _about(text, start), _ABOUT.match(text, start, start + 340)
                    assert (a and (a.span(), a.span("s"))) == (b and (b.span(), b.span("s"))), (text, start)


def test_no_character_outside_letters_spaces_and_colons_is_in_a_type_word() -> None:
    # What TYPE_BEFORE matches: the type words, the words after them, spaces and colons
    # (case-insensitively: a letter's other cases are letters too).
    literal = "".join(sorted({*"".join(_TYPE_NAMES), *"liên tịch ngành số hiệu", " ", ":"}))
    in_match = regex.compile("(?i:[" + regex.escape(literal) + "])")
    outside = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    barriers = "".join(regex.findall(r"[^\p{L}\p{M} :]", outside))
    assert len(barriers) > 100_000 and in_match.search(barriers) is None
    assert set(TYPE_BEFORE.pattern) - set(literal) <= set(r"(?<!\w)P<type>i:|[]+*$\ ")


def test_the_type_word_searched_after_the_last_barrier_is_the_plain_search() -> None:
    found = 0
    for text in _corpus():
        for sm in SYMBOL_RE.finditer(text):
            lo = max(0, sm.start() - 60)
            barrier = _NOT_IN_TYPE.search(text, lo, max(lo, sm.start() - 1))
            a = TYPE_BEFORE.search(text, barrier.end() if barrier else lo, sm.start())
            b = TYPE_BEFORE.search(text, lo, sm.start())
            assert (a and (a.span(), a.span("type"))) == (b and (b.span(), b.span("type")))
            found += b is not None
    assert found > 300
