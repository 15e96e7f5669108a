"""Finding patterns in a long text without trying them at every position, and reading
their groups cheaply.

``regex`` tries a pattern at each position of the text in turn, and an alternation of
many words at each position tries every word: scanning a report for a list of names,
or a window for the type word before each symbol, costs far more than the matches. Two
exact shortcuts: an alternation written as a trie (one branch per first letter), and a
pattern tried only where a match can start (where one of its literal words occurs).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import regex

_Node = dict[str, "_Node"]  # a trie: the next letters, and "" where a word ends


def trie(words: Iterable[str]) -> str:
    r"""An alternation of ``words`` as a pattern (a non-capturing group) in the shape of a
    trie: it matches what ``"|".join(sorted(words, key=len, reverse=True))`` matches, and
    prefers the same word (two words can match at one place only when one is the other's
    prefix, and the longer is tried first), but tries one branch per first letter.

    >>> print(trie(["Thông tư", "Thông tư liên tịch", "Thông báo"]))
    (?:Thông\ (?:báo|tư(?:\ liên\ tịch)?))
    """
    root: _Node = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(root)


def _branches(node: _Node) -> str:
    parts = []
    for ch, child in sorted(node.items()):
        if not ch:
            continue
        # A run of letters with one way on is one literal, not a group a letter.
        literal = regex.escape(ch)
        while len(child) == 1 and "" not in child:
            ((ch, child),) = child.items()
            literal += regex.escape(ch)
        rest = _branches(child) if len(child) > 1 or "" not in child else ""
        # Where a word ends inside a longer one, the longer is tried first (greedy ``?``).
        parts.append(literal + (f"{rest}?" if rest and "" in child else rest))
    return "(?:" + "|".join(parts) + ")"


def occurrences(text: str, words: Iterable[str]) -> list[int]:
    """Where any of ``words`` occurs in ``text`` (as written), in order: ``str.find`` runs in
    C at a few instructions a character, a pattern tried at each position at a hundred. For
    many words, one scan of the text by a ``re`` alternation of them (which skips, in C, the
    places whose character starts none of them) costs less than a ``str.find`` scan per word;
    it is searched again one character after each start, so that a word that starts inside
    another one's occurrence is found too.

    >>> occurrences("Luật Đất đai; Bộ luật Dân sự; Luật", ["Luật", "Bộ luật"])
    [0, 14, 30]
    >>> occurrences("Bộ Luật và Luật", ["Bộ Luật", "Luật", "Hiến pháp", "Quy chế", "Kế hoạch"])
    [0, 3, 11]
    """
    words = tuple(words)
    if len(words) > _FIND_EACH:
        pattern = _any_of(words)
        out: list[int] = []
        m = pattern.search(text)
        while m is not None:
            out.append(at := m.start())
            m = pattern.search(text, at + 1)
        return out
    found: set[int] = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.add(at)
            at = text.find(word, at + 1)
    return sorted(found)


def matches_at(pattern: regex.Pattern[str], text: str, starts: Iterable[int],
               endpos: int | None = None) -> Iterator[regex.Match[str]]:
    """What ``pattern.finditer(text, 0, endpos)`` gives, for a pattern whose matches can only
    start at one of ``starts`` (in order).

    >>> [m.group() for m in matches_at(regex.compile(r"\\d+"), "a 12 b 345", [2, 3, 7])]
    ['12', '345']
    >>> [m.group() for m in matches_at(regex.compile(r"\\d+"), "a 12 b 345", [2, 3, 7], 9)]
    ['12', '34']
    """
    end = 0
    last = len(text) if endpos is None else endpos
    for pos in starts:
        if pos >= end and (m := pattern.match(text, pos, last)):
            end = m.end()
            yield m


def group_numbers(pattern: regex.Pattern[str], *names: str) -> tuple[int, ...]:
    """The numbers of ``pattern``'s groups ``names``, for the matches read in a loop: ``regex``
    reads a group name only after failing to read it as a number (raising and clearing an
    error), which costs more than the rest of a short match.

    >>> group_numbers(regex.compile(r"(?P<d>\\d+)/(?P<m>\\d+)"), "m", "d")
    (2, 1)
    """
    return tuple(pattern.groupindex[name] for name in names)


def around(starts: Iterable[int], before: int, after: int, length: int) -> list[tuple[int, int]]:
    """The spans ``[s - before, s + after)`` around each of ``starts`` (in order), clipped to
    a text of ``length`` characters, overlapping ones merged.

    >>> around([5, 9, 40], 3, 4, 42)
    [(2, 13), (37, 42)]
    """
    spans: list[tuple[int, int]] = []
    for s in starts:
        a, b = max(0, s - before), min(length, s + after)
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
        else:
            spans.append((a, b))
    return spans


def matches_in(pattern: regex.Pattern[str], text: str, spans: Iterable[tuple[int, int]]) -> Iterator[regex.Match[str]]:
    """What ``pattern.finditer(text)`` gives, for a pattern whose every match, and every
    character it looks at (a look-behind reads the text before a span as it is), lies in one
    of the disjoint ``spans`` (in order).

    >>> [m.group() for m in matches_in(regex.compile(r"(?<!\\d)\\d\\d"), "1 22 333", [(1, 4), (5, 8)])]
    ['22', '33']
    """
    for a, b in spans:
        yield from pattern.finditer(text, a, b)


def lowered(text: str) -> str | None:
    """``text`` in lower case, when that has as many characters (every character but ``İ``,
    which lowers to two): then a word found in it lies at the same place in ``text``. None
    otherwise.

    >>> lowered("Ngày 18 THÁNG 5"), lowered("İ")
    ('ngày 18 tháng 5', None)
    """
    low = text.lower()
    return low if len(low) == len(text) else None


def word_places(text: str, low: str | None, word: str) -> list[int]:
    """Where ``word`` (lower case) starts in ``text``, in any case (as ``(?i:word)`` finds it),
    in order: found in ``low`` (:func:`lowered` of ``text``) with ``str.find``, which costs a
    fraction of a case-insensitive pattern tried at every position; by that pattern when
    ``low`` is None. A pattern whose matches start with ``word`` is then tried only there
    (:func:`matches_at`).

    >>> text = "Tháng 5/2023 và THÁNG 6/2023"
    >>> word_places(text, lowered(text), "tháng"), word_places(text, None, "tháng")
    ([0, 16], [0, 16])
    """
    if low is not None:
        return occurrences(low, (word,))
    return [m.start() for m in _any_case(word).finditer(text)]


def holds_word(text: str, low: str | None, word: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``word`` (lower case) stands, in any case, in ``text[start:end]``: looked for in
    ``low`` (:func:`lowered` of ``text``) with ``str.find``, by pattern when ``low`` is None.

    >>> text = "đứng THỨ 15/34"
    >>> holds_word(text, lowered(text), "thứ"), holds_word(text, None, "thứ", 0, 6)
    (True, False)
    """
    end = len(text) if end is None else end
    if low is not None:
        return low.find(word, start, end) >= 0
    return _any_case(word).search(text, start, end) is not None


def places_between(text: str, low: str | None, word: str, start: int, end: int) -> Iterator[int]:
    """Where ``word`` (lower case) starts in ``text[start:end]``, in any case, in order, as
    :func:`word_places` finds it in the whole text.

    >>> text = "từ 1 đến 2; Từ 3 đến 4"
    >>> list(places_between(text, lowered(text), "từ", 1, 22)), list(places_between(text, None, "từ", 0, 22))
    ([12], [0, 12])
    """
    if low is None:
        yield from (m.start() for m in _any_case(word).finditer(text, start, end))
        return
    pos = low.find(word, start, end)
    while pos >= 0:
        yield pos
        pos = low.find(word, pos + 1, end)


# Up to this many words, :func:`occurrences` scans the text once per word with ``str.find``.
_FIND_EACH = 4


@functools.lru_cache(maxsize=16)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, words)))


@functools.lru_cache(maxsize=16)
def _any_case(word: str) -> regex.Pattern[str]:
    return regex.compile(f"(?i:{regex.escape(word)})")
