"""Diacritics of words that Tesseract's ``vie`` model misread, restored where the context decides.

Most words an OCR of running text gets wrong differ from the printed ones only by their
diacritics (``Lâm Đông`` for ``Lâm Đồng``, ``TRIÊN KHAI`` for ``TRIỂN KHAI``). For each word of
an OCRed paragraph the candidates are the spellings with the same letters without diacritics
(:func:`~vnreport_extract.normalize.fold`) that Vietnamese has; one replaces the reading only
when the context clearly prefers it:

- names the document conventions know (provinces, authorities, the fields of ministries and
  departments, positions, ranks, type names) are matched as phrases (``Lâm Đông`` → ``Lâm
  Đồng``) when the reading is not itself a word (``Thủ trưởng`` is not ``Thứ trưởng``);
- any other word is scored with a two-word (bigram) model of Vietnamese administrative text
  (``data/syllables.tsv.gz``, built by ``scripts/build_syllable_counts.py``, see
  ``data/PROVENANCE.md``) with the two-syllable words of underthesea's Viet74K list as extra
  evidence. A reading that is a Vietnamese syllable stays when it makes a known pair with a
  neighbour (or stands in a saying of the list: ``công ăn việc làm``); otherwise a candidate
  replaces it only when it makes a word with a neighbour (``tô chức`` → ``tổ chức``) and
  scores far ahead (:data:`MARGIN`). A reading that is no syllable (``triên``) takes the best
  candidate that makes any known pair, by a smaller margin.

Never touched: capitalised words inside a sentence (personal names: ``Tuấn`` is not
``Tuân``) unless a known name covers them, words right before a number (``số 12`` is not
``sở 12``), words in mixed case or with digits, and readings that are one accepted
spelling of the candidate (``hoà`` / ``hòa``). The data load on first use.
"""

from __future__ import annotations

import functools
import gzip
import itertools
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..conventions.doc_types import DOC_TYPES
from ..conventions.vocabulary import (
    AUTHORITIES,
    POSITIONS,
    PROVINCES,
    RANKS,
    RECIPIENT_PHRASES,
    RECIPIENT_PURPOSES,
    SECTORS,
)
from ..normalize import fold, in_capitals

DATA = Path(__file__).resolve().parent.parent / "data" / "syllables.tsv.gz"

# A candidate replaces the reading when its score is ahead by this much (natural log): the
# reading is what Tesseract saw, and it is right far more often than not.
MARGIN = math.log(200)
# ... or by this much when the reading is no Vietnamese syllable at all (``triên``).
MARGIN_NON_WORD = math.log(3)
# A Viet74K word of two syllables counts as a pair seen this share of the times its rarer
# syllable was seen (the list has no frequencies: ``trọng tài`` and ``trọng tải`` are both in it).
LEXICON_PAIR = 0.05
# A pair of the corpus seen this often is a word (see Model.a_word).
MIN_EVIDENCE = 10
# Weight of the unigram back-off inside the bigram probabilities.
BACKOFF = 0.5

_WORD = re.compile(r"[^\W\d_]+")
_NUMBER_AFTER = re.compile(r"\s*\d")
# What ends a sentence (or a heading's number, a bullet) before a word: a capital after it is
# not a name's.
_SENTENCE_START = re.compile(r"(?:^|[.:;!?)\-+•*“\"]\s*|^\s*)$")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def tone_key(word: str) -> tuple[str, str]:
    """A syllable's letters with their vowel marks, and its tone, wherever the tone sits:
    ``hoà`` and ``hòa`` (old and new placement) are one spelling.

    >>> tone_key("hoà") == tone_key("hòa"), tone_key("hoà") == tone_key("hoá")
    (True, False)
    """
    decomposed = unicodedata.normalize("NFD", word.casefold())
    tones = "".join(c for c in decomposed if c in _TONES)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES)), tones


@functools.lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    """One key for the spellings of a syllable that differ only by where the tone sits
    (:func:`tone_key`, as one string)."""
    return "".join(tone_key(word))


def _same_spelling(a: str, b: str) -> bool:
    return all(tone_key(x) == tone_key(y) for x, y in zip(a.split(), b.split(), strict=True)) \
        if len(a.split()) == len(b.split()) else False


def _with_case(written: str, spelling: str) -> str | None:
    """``spelling`` with the case of ``written`` letter by letter; ``None`` when they are not
    letter for letter alike (a reading with a mark NFC cannot compose, ``ß`` folded to ``ss``)."""
    if len(written) != len(spelling):
        return None
    return "".join(s.upper() if w.isupper() else s.lower() for w, s in zip(written, spelling, strict=True))


@dataclass(frozen=True)
class Model:
    """Syllable and syllable-pair counts and the Viet74K syllables and word pairs, every
    syllable in lower case and in its :func:`canonical` form."""

    unigrams: dict[str, int]
    bigrams: dict[tuple[str, str], int]
    syllables: dict[str, tuple[str, ...]]  # folded form → canonical forms
    lexicon_pairs: frozenset[tuple[str, str]]
    sayings: frozenset[tuple[str, str, str]]
    total: int
    spelling: dict[str, str]  # canonical form → the spelling to write

    def p_unigram(self, w: str) -> float:
        return (self.unigrams.get(w, 0) + 0.5) / (self.total + 0.5 * len(self.syllables))

    def evidence(self, a: str, b: str) -> float:
        """How often ``a b`` was seen: corpus pairs, and Viet74K's word pairs."""
        seen = float(self.bigrams.get((a, b), 0))
        if (a, b) in self.lexicon_pairs:
            seen += 0.5 + LEXICON_PAIR * min(self.unigrams.get(a, 0), self.unigrams.get(b, 0))
        return seen

    def seen(self, w: str, before: str | None, after: str | None) -> bool:
        """Whether ``w`` makes a known pair with a neighbour."""
        return (before is not None and self.evidence(before, w) > 0) or (
            after is not None and self.evidence(w, after) > 0)

    def in_saying(self, w: str, before: str | None, after: str | None) -> bool:
        """Whether ``before w after`` stand together in a longer entry of Viet74K (a saying)."""
        return before is not None and after is not None and (before, w, after) in self.sayings

    def a_word(self, w: str, before: str | None, after: str | None, listed: bool = False) -> bool:
        """Whether ``w`` makes a word with a neighbour: a Viet74K word, or a pair the corpus has
        often (``MIN_EVIDENCE``), unless ``listed``. A pair across two words (``công tác | tham
        mưu``) seen a few times says little about a reading the corpus lacks."""
        pairs = ([(before, w)] if before is not None else []) + ([(w, after)] if after is not None else [])
        return any(p in self.lexicon_pairs or (not listed and self.bigrams.get(p, 0) >= MIN_EVIDENCE) for p in pairs)

    def score(self, w: str, before: str | None, after: str | None) -> float:
        """log P(w | before) + log P(after | w) up to terms equal for every candidate: pairs
        seen, plus the pairs expected of independent words (a back-off to unigrams)."""
        pw = self.p_unigram(w)
        s = math.log(pw) if before is None else \
            math.log(self.evidence(before, w) + BACKOFF * (self.unigrams.get(before, 0) + 1) * pw)
        if after is not None:
            n = self.unigrams.get(w, 0) + 1
            s += math.log((self.evidence(w, after) + BACKOFF * n * self.p_unigram(after)) / n)
        return s


@functools.lru_cache(maxsize=1)
def model() -> Model:
    """The counts of ``data/syllables.tsv.gz`` and underthesea's Viet74K list, read once."""
    from ..words import _underthesea_dir

    unigrams: dict[str, int] = {}
    bigrams: dict[tuple[str, str], int] = {}
    surface: dict[str, tuple[int, str]] = {}
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        for line in f:
            count, _, text = line.rstrip("\n").partition("\t")
            a, _, b = text.partition(" ")
            n = int(count)
            if b:
                key = (canonical(a), canonical(b))
                bigrams[key] = bigrams.get(key, 0) + n
            else:
                c = canonical(a)
                unigrams[c] = unigrams.get(c, 0) + n
                if _WORD.fullmatch(a) and n > surface.get(c, (0, ""))[0]:
                    surface[c] = (n, a)
    spellings: dict[str, set[str]] = {}
    pairs: set[tuple[str, str]] = set()
    sayings: set[tuple[str, str, str]] = set()
    lexicon = (_underthesea_dir() / "corpus" / "data" / "Viet74K.txt").read_text(encoding="utf-8")
    entries = [e.split() for e in lexicon.lower().splitlines()]
    keys = {p: canonical(p) for p in {p for parts in entries for p in parts} if _WORD.fullmatch(p)}
    for p, c in keys.items():
        spellings.setdefault(fold(p), set()).add(c)
        surface.setdefault(c, (0, p))
    for parts in entries:
        if len(parts) == 2 and parts[0] in keys and parts[1] in keys:
            pairs.add((keys[parts[0]], keys[parts[1]]))
        # Pairs of longer entries are not words (a saying: ``một đêm nằm, một năm ở``), but the
        # three syllables around a reading may stand in one.
        elif len(parts) > 2 and all(p in keys for p in parts):
            ks = [keys[p] for p in parts]
            sayings.update(zip(ks, ks[1:], ks[2:], strict=False))
    for (n, w) in surface.values():
        if n >= 3:
            spellings.setdefault(fold(w), set()).add(canonical(w))
    return Model(unigrams, bigrams, {k: tuple(sorted(v)) for k, v in spellings.items()}, frozenset(pairs),
                 frozenset(sayings), sum(unigrams.values()), {c: w for c, (_, w) in surface.items()})


def _is_word(phrase: str) -> bool:
    """Whether every two syllables side by side of ``phrase`` make a pair of a Viet74K word."""
    keys = [canonical(w) for w in phrase.split()]
    pairs = model().lexicon_pairs
    return all(p in pairs for p in itertools.pairwise(keys))


def _title(phrase: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in phrase.lower().split())


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, ...]]:
    """Names of two words or more that the conventions know (provinces, bodies and their fields,
    positions, ranks, type names, recipients of a ``Nơi nhận``), by folded form."""
    bodies = {f"{body} {s}" for s in SECTORS for body in ("Bộ", "Sở")}
    phrases = ({_title(p) for p in PROVINCES if "-" not in p} | set(AUTHORITIES) | set(POSITIONS) | set(RANKS)
               | {d["name"] for d in DOC_TYPES} | set(SECTORS) | bodies | set(RECIPIENT_PHRASES))
    out: dict[str, set[str]] = {}
    for p in phrases:
        if len(p.split()) >= 2:
            out.setdefault(fold(p), set()).add(p)
    return {k: tuple(sorted(v)) for k, v in out.items()}


_NAME_WORDS = 6
# A name this long or longer is recognised with one letter of one word misread (``Ủy ban rhân
# dân``), when that word is no Vietnamese syllable.
_NEAR_NAME_WORDS = 3


@functools.lru_cache(maxsize=1)
def _names_by_start() -> dict[tuple[str, int], list[tuple[str, ...]]]:
    """The known names of :data:`_NEAR_NAME_WORDS` words or more (folded, as word tuples) by their
    first word and their length."""
    out: dict[tuple[str, int], list[tuple[str, ...]]] = {}
    for key in _names():
        words = tuple(key.split())
        if len(words) >= _NEAR_NAME_WORDS:
            out.setdefault((words[0], len(words)), []).append(words)
    return out


def _one_letter_off(folded: str) -> tuple[str, ...] | None:
    """The spellings of the one known name that ``folded`` (a run of words, folded) reads but
    for one letter of one word after the first, a letter the OCR reads for it (:data:`_CONFUSED`),
    where the reading is no Vietnamese syllable:
    ``uy ban rhan dan tinh`` is ``Ủy ban nhân dân tỉnh``; None otherwise (``than`` is a syllable).

    >>> _one_letter_off("uy ban rhan dan tinh")
    ('Ủy ban nhân dân tỉnh',)
    >>> _one_letter_off("uy ban nhan dan tinh") is None, _one_letter_off("uy ban than dan tinh") is None
    (True, True)
    """
    words = folded.split()
    if len(words) < _NEAR_NAME_WORDS:
        return None
    syllables = model().syllables
    found: list[tuple[str, ...]] = []
    for name in _names_by_start().get((words[0], len(words)), ()):
        diff = [j for j in range(1, len(words)) if name[j] != words[j]]
        if len(diff) == 1 and len(a := name[diff[0]]) == len(b := words[diff[0]]) and b not in syllables:
            pairs = [(x, y) for x, y in zip(b, a, strict=True) if x != y]
            if len(pairs) == 1 and pairs[0] in _CONFUSED:
                found.append(name)
    return _names()[" ".join(found[0])] if len(found) == 1 else None


# Letters the OCR reads for one another (as read, as written), folded: ``rhân`` for ``nhân``.
# Only these: a code is no syllable either, and ``HĐTĐ`` (Hội đồng Thi đua) is one letter from
# ``HĐND`` but no misreading of it.
_CONFUSED = frozenset({("r", "n"), ("n", "r"), ("u", "n"), ("n", "u"), ("c", "e"), ("e", "c"), ("l", "i"),
                       ("i", "l"), ("b", "h"), ("h", "b"), ("a", "o"), ("o", "a")})

# A recipient's purpose (``để báo cáo``) by its folded form; only right after ``(``, up to ``)``.
_PURPOSES = {fold(p): p for p in RECIPIENT_PURPOSES}
_CLOSES = re.compile(r"\s*\)")


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int


def _title_case(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower()


def _eligible(token: _Token, following: _Token | None, text: str) -> bool:
    """A word the bigram model may change: lower case, all capitals, or a capital opening a
    sentence and not followed by another (``Trân Văn`` is a name); not one right before a
    number."""
    w = token.text
    if _NUMBER_AFTER.match(text, token.end):
        return False
    if w.islower() or (w.isupper() and len(w) > 1):
        return True
    return _title_case(w) and _SENTENCE_START.search(text, 0, token.start) is not None \
        and not (following is not None and _title_case(following.text))


def _joined(text: str, a: _Token, b: _Token) -> bool:
    """Two words side by side with only spaces between (no punctuation)."""
    return text[a.end: b.start].strip() == ""


def _repair(text: str, tokens: list[_Token], first: int, last: int, written: str, fixed: str) -> str:
    """``'Đông' → 'Đồng' in 'tỉnh Lâm Đông'``: the repair, with a word either side as read."""
    around = text[tokens[max(0, first - 1)].start: tokens[min(len(tokens) - 1, last + 1)].end]
    return f"{written!r} → {fixed!r} in {around!r}"


def restore_diacritics(text: str) -> tuple[str, list[str]]:
    """``text`` with the diacritics of misread words restored, and the repairs made
    (``'Đông' → 'Đồng'``); a known name of three words or more read with one letter of a word
    wrong, where that reading is no Vietnamese syllable, takes its spelling too (``Ủy ban rhân
    dân tỉnh``).

    >>> restore_diacritics("UBND tỉnh Lâm Đông")
    ('UBND tỉnh Lâm Đồng', ["'Lâm Đông' → 'Lâm Đồng' in 'tỉnh Lâm Đông'"])
    >>> restore_diacritics("KẾ HOẠCH TRIÊN KHAI")[0]
    'KẾ HOẠCH TRIỂN KHAI'
    >>> restore_diacritics("đồng chí Nguyễn Văn Tuấn, số 12 phố Hoà Bình")[0]
    'đồng chí Nguyễn Văn Tuấn, số 12 phố Hoà Bình'
    """
    tokens = [_Token(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    if not tokens:
        return text, []
    replaced: dict[int, str] = {}
    repairs: list[str] = []
    names = _names()
    # Known names first, longest first, starting at a capitalised word.
    i = 0
    while i < len(tokens):
        # ``(đề báo cáo)`` after a recipient: a purpose, lower case, right after its bracket.
        purpose = tokens[i].start > 0 and text[tokens[i].start - 1] == "("
        for n in range(min(_NAME_WORDS, len(tokens) - i), 1, -1):
            run = tokens[i: i + n]
            if not (purpose or run[0].text[:1].isupper()) \
                    or not all(_joined(text, a, b) for a, b in itertools.pairwise(run)):
                continue
            written = " ".join(t.text for t in run)
            folded = fold(written)
            # A purpose fills its bracket (``(đề báo cáo)``), not ``(đề kiểm tra học kỳ)``.
            closes = purpose and _CLOSES.match(text, run[-1].end) is not None
            spellings = (_PURPOSES[folded],) if closes and folded in _PURPOSES \
                else names.get(folded) or _one_letter_off(folded) if run[0].text[:1].isupper() else None
            if not spellings:
                continue
            # A reading that is itself a word (``Thủ trưởng`` beside ``Thứ trưởng``) is kept.
            fixed = _with_case(written, spellings[0])
            if fixed is not None and not any(_same_spelling(written, s) for s in spellings) \
                    and len({s.lower() for s in spellings}) == 1 and not _is_word(written):
                for t, w in zip(run, fixed.split(), strict=True):
                    if w != t.text:
                        replaced[t.start] = w
                repairs.append(_repair(text, tokens, i, i + n - 1, written, fixed))
            for t in run:
                replaced.setdefault(t.start, t.text)
            i += n
            break
        else:
            i += 1
    m = model()
    for k, token in enumerate(tokens):
        if token.start in replaced or not _eligible(token, tokens[k + 1] if k + 1 < len(tokens) else None, text):
            continue
        low = canonical(token.text)
        forms = m.syllables.get(fold(token.text), ())
        candidates = [c for c in forms if c != low]
        if not candidates:
            continue
        before = canonical(replaced.get(tokens[k - 1].start, tokens[k - 1].text)) \
            if k > 0 and _joined(text, tokens[k - 1], token) else None
        if before is None and k > 0 and re.search(r"\d\s*$", text[tokens[k - 1].end: token.start]):
            before = "0"
        after = canonical(tokens[k + 1].text) if k + 1 < len(tokens) and _joined(text, token, tokens[k + 1]) \
            else None
        known = low in forms
        # A reading that makes a known pair with a neighbour is Vietnamese in its place: kept
        # (``công ăn việc làm``: a saying of the word list).
        if known and (m.seen(low, before, after) or m.in_saying(low, before, after)):
            continue
        reading = m.score(low, before, after)
        best, best_score = max(((c, m.score(c, before, after)) for c in candidates), key=lambda x: x[1])
        # A sentence's first word has one neighbour: only a word of the list decides it
        # (``Qua khảo sát`` is not ``Quả``, though ``kết quả khảo sát`` is frequent).
        first = token.text[:1].isupper() and not token.text.isupper()
        supported = m.a_word(best, before, after, listed=first) if known else m.seen(best, before, after)
        if not supported or best_score - reading < (MARGIN if known else MARGIN_NON_WORD):
            continue
        fixed = _with_case(token.text, m.spelling[best])
        if fixed is None:
            continue
        replaced[token.start] = fixed
        repairs.append(_repair(text, tokens, k, k, token.text, fixed))
    if not repairs:
        return text, []
    out: list[str] = []
    pos = 0
    for t in tokens:
        out.append(text[pos: t.start] + replaced.get(t.start, t.text))
        pos = t.end
    out.append(text[pos:])
    return "".join(out), repairs


def restore_lines(lines: Iterable[str], *, capitals: bool = True) -> tuple[list[str], list[str]]:
    """:func:`restore_diacritics` over several paragraphs, those in capitals too unless not
    ``capitals``; the repairs of all of them."""
    texts: list[str] = []
    repairs: list[str] = []
    for line in lines:
        if not capitals and in_capitals(line):
            texts.append(line)
            continue
        fixed, made = restore_diacritics(line)
        texts.append(fixed)
        repairs.extend(made)
    return texts, repairs


__all__ = ["model", "restore_diacritics", "restore_lines", "tone_key"]
