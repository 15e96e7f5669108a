"""Tesseract's TSV output as words with their boxes: shared by the page reader (``ocr``) and
the reading of scanned table cells (``ocr_tables``)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    right: int
    bottom: int
    conf: float
    line_key: tuple[int, int, int]

    @property
    def height(self) -> int:
        return self.bottom - self.top



# Characters Tesseract confuses with Vietnamese ones: Latin eth for Đ.
_CHAR_FIXES = str.maketrans({"Ð": "Đ", "ð": "đ", "|": " ", "¦": " "})
_DOUBLE_D = re.compile("[ĐÐ]{2}|[đð]{2}")


def _one_d(m: re.Match[str]) -> str:
    return "Đ" if m.group(0)[0] in "ĐÐ" else "đ"


# A word that is only rule or border marks (``____``, ``_—-``, ``|``): underlines of the header,
# table borders, the strokes of a signature.
_RULE_WORD = re.compile(r"^[-_=~—–.,:;'\"`^*|\\/]{2,}$|^[_=~`^|\\]$|[-_=~—–]{4,}")


def parse_tsv(tsv: str) -> list[Word]:
    """The words of Tesseract's TSV output (level 5 rows), cleaned of rule marks."""
    words: list[Word] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        # Tesseract sometimes gives one Đ twice, as Đ and as Latin eth (``ĐÐU`` for ``ĐU``).
        text = unicodedata.normalize("NFC", _DOUBLE_D.sub(_one_d, cols[11]).translate(_CHAR_FIXES)).strip()
        if not text or _RULE_WORD.search(text):
            continue
        left, top, width, height = (int(c) for c in cols[6:10])
        words.append(Word(text, left, top, left + width, top + height, float(cols[10]),
                          (int(cols[2]), int(cols[3]), int(cols[4]))))
    return words


def parse_tsv_at(tsv: str, dx: int, dy: int) -> list[Word]:
    """:func:`parse_tsv` of the reading of a crop whose top-left corner lies at (``dx``, ``dy``)
    on the page: its words in page coordinates."""
    return [Word(w.text, w.left + dx, w.top + dy, w.right + dx, w.bottom + dy, w.conf, w.line_key)
            for w in parse_tsv(tsv)]
