"""Vietnamese words and sentences, without loading underthesea's models.

Two small language facts are needed: where a heading's first sentence ends (section
titles), and which syllables form one word (figure subjects, stray page numbers inside a
word such as ``Thủ 3 tướng``). underthesea answers both, but ``import underthesea`` pulls in
numpy and joblib (about 0.5 s) and its CRF word segmenter loads a 5 MB model (about 0.4 s):
most of the time of a cold ``vnreport-extract parse``. Here:

- :func:`sentences` runs underthesea's own Punkt sentence splitter, loaded from its module
  file alone (pure Python and a JSON of parameters), so the result is underthesea's;
- :func:`segment` is longest-match segmentation against underthesea's Viet74K word list
  (read once, about 25 ms). On the figure subjects and stray numbers of the project's
  corpus it gives the records the CRF gave (``benchmarks/check_segmentation.py``).

Both load lazily, on first use.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

MAX_WORD_SYLLABLES = 9
# Tokens as underthesea's tokenizer cuts them before segmenting: numbers with their
# separators, words with inner hyphens, and each punctuation mark on its own.
_SENTENCE_MARK = re.compile(r"[.?!]")
_TOKEN = re.compile(r"\d+(?:[.,/]\d+)*%?|\w+(?:-\w+)*|[^\w\s]")


@functools.lru_cache(maxsize=1)
def _underthesea_dir() -> Path:
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        from .errors import MissingComponentError

        raise MissingComponentError("underthesea", "underthesea (pip)")
    return Path(next(iter(spec.submodule_search_locations)))


@functools.lru_cache(maxsize=1)
def _sent_tokenize() -> Callable[[str], list[str]]:
    path = _underthesea_dir() / "pipeline" / "sent_tokenize" / "__init__.py"
    spec = importlib.util.spec_from_file_location("_vnreport_underthesea_sent_tokenize", path)
    if spec is None or spec.loader is None:  # pragma: no cover - a changed underthesea layout
        from underthesea import sent_tokenize

        return sent_tokenize  # type: ignore[no-any-return]
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.sent_tokenize  # type: ignore[no-any-return]


def sentences(text: str) -> list[str]:
    """Sentences of ``text`` (underthesea's Punkt splitter, which knows Vietnamese abbreviations).

    >>> sentences("Đã ban hành Kế hoạch. UBND xã chỉ đạo thực hiện.")
    ['Đã ban hành Kế hoạch.', 'UBND xã chỉ đạo thực hiện.']
    """
    if not _SENTENCE_MARK.search(text):
        # The splitter cuts only at ``.``, ``?`` and ``!``: without them the text is one
        # sentence (none when blank), as it would say after a pass over every character.
        return [text.strip()] if text.strip() else []
    return list(_sent_tokenize()(text))


@functools.lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    """The words (lowercase) of underthesea's Viet74K word list. Only those of two syllables or
    more are looked up: a candidate word holds a space."""
    path = _underthesea_dir() / "corpus" / "data" / "Viet74K.txt"
    # Built in C, without a Python step per line (74,000 of them): every cold parse loads the list.
    return frozenset(path.read_text(encoding="utf-8").lower().splitlines())


def is_word(phrase: str) -> bool:
    """Whether ``phrase`` (two syllables or more) is a word of the Viet74K word list.

    >>> is_word("hiệu lực"), is_word("hết hiệu")
    (True, False)
    """
    return phrase.lower() in _lexicon()


@functools.lru_cache(maxsize=8192)
def segment(phrase: str, stand_alone: frozenset[str] = frozenset(), keep: frozenset[str] = frozenset()
            ) -> tuple[str, ...]:
    """Words of a phrase by longest match against the Viet74K word list; syllables that
    form no listed word stand alone, and so do the syllables of ``stand_alone`` (function
    words such as ``theo``, ``với``) unless the whole candidate is in ``keep`` (lowercase).

    >>> segment("Thủ tướng Chính phủ")
    ('Thủ tướng', 'Chính phủ')
    >>> segment("số hộ nghèo, cận nghèo")
    ('số', 'hộ', 'nghèo', ',', 'cận', 'nghèo')
    >>> segment("làm theo mô hình", frozenset({"theo"}))
    ('làm', 'theo', 'mô hình')
    """
    syllables = _TOKEN.findall(phrase)
    lexicon = _lexicon()
    words: list[str] = []
    i = 0
    while i < len(syllables):
        for n in range(min(MAX_WORD_SYLLABLES, len(syllables) - i), 1, -1):
            candidate = " ".join(syllables[i:i + n])
            low = candidate.lower()
            if low in keep or (low in lexicon and not any(s.lower() in stand_alone for s in syllables[i:i + n])):
                words.append(candidate)
                i += n
                break
        else:
            words.append(syllables[i])
            i += 1
    return tuple(words)
