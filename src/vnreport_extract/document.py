"""The common document every reader hands to the pipeline.

A reader (text, DOCX, PDF, OCR) turns a file into a :class:`SourceDocument`: an
ordered list of :class:`Block` s (paragraphs with their page, tables as cells, the
header/signature layout, footnotes). :func:`assemble` lays the blocks out as one
normalised text — ``Report.text`` — and remembers where each block landed, so the
extractors can work on plain text and still know pages, tables and paragraphs.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

from .models import PartError, Source
from .normalize import normalize_inline, normalize_unicode

BlockKind = Literal["paragraph", "table", "layout", "footnote"]


@dataclass
class Block:
    """One unit of a document as a reader sees it.

    ``paragraph``: running text (``text``); ``label`` is a list number that the
    source shows but does not store in the text (Word auto-numbering: ``I.``, ``a)``).
    ``table``: a data table, ``rows`` of cell texts. ``layout``: a layout table
    (header block: issuer | Quốc hiệu, Số | place and date; Nơi nhận | signature),
    whose cells are laid out as lines, not as a table. ``footnote``: a footnote or
    endnote, kept after the body.
    """

    kind: BlockKind
    text: str = ""
    page: int | None = None
    rows: list[list[str]] = field(default_factory=list)
    label: str | None = None
    # For tables: True where a cell repeats the content of the merged cell it belongs to
    # (gridSpan / vMerge). Table rows keep the repeat; the text holds it once, so a
    # citation in a merged cell is one mention.
    merged: list[list[bool]] = field(default_factory=list)
    # The reader already normalised ``text`` (Unicode, NFC, spaces): the text reader does so for
    # the whole text at once, and assemble takes the text as it is.
    normalized: bool = False


@dataclass
class SourceDocument:
    blocks: list[Block]
    source: Source = field(default_factory=Source)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    # Parts of the input that could not be read (a page OCR failed on, pages left out
    # with OCR off); the report built from the rest is then ``partial``.
    errors: list[PartError] = field(default_factory=list)


@dataclass
class Unit:
    """Where one block landed in the assembled text."""

    kind: BlockKind
    start: int
    end: int
    page: int | None
    # For tables: the normalised cell texts, merged cells repeated.
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Assembled:
    text: str
    units: list[Unit]
    _starts: list[int] = field(default_factory=list, repr=False)
    _paged: bool = field(default=False, repr=False)

    def __post_init__(self) -> None:
        self._starts = [u.start for u in self.units]
        self._paged = any(u.page is not None for u in self.units)

    def page_at(self, offset: int) -> int | None:
        if not self._paged:
            return None  # text and DOCX: no mention has a page
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.units[i].page if i >= 0 else (self.units[0].page if self.units else None)



def assemble(doc: SourceDocument) -> Assembled:
    """Lay blocks out as one text: paragraphs and layout lines on their own lines,
    tables as tab-separated rows, footnotes last. Cell and paragraph texts are
    normalised here, so every offset the extractors produce points into the result."""
    parts: list[str] = []
    units: list[Unit] = []
    pos = 0
    ordered = [b for b in doc.blocks if b.kind != "footnote"] + [b for b in doc.blocks if b.kind == "footnote"]
    for block in ordered:
        if parts:
            parts.append("\n")
            pos += 1
        if block.kind == "table":
            start = pos
            rows: list[list[str]] = []
            for r, row in enumerate(block.rows):
                texts = [normalize_inline(normalize_unicode(cell)).replace("\n", " ") for cell in row]
                merged = block.merged[r] if r < len(block.merged) else []
                # A merged cell's repeats stay in the rows but are written once in the text.
                line = "\t".join("" if c < len(merged) and merged[c] else t for c, t in enumerate(texts))
                parts.append(("\n" if r else "") + line)
                pos += len(parts[-1])
                rows.append(texts)
            units.append(Unit("table", start, pos, block.page, rows))
            continue
        if block.kind == "layout":
            lines = [normalize_inline(line) for row in block.rows for cell in row
                     for line in normalize_unicode(cell).split("\n")]
            t = "\n".join(line for line in lines if line)
        else:
            t = block.text if block.normalized else normalize_inline(normalize_unicode(block.text))
            if block.label:
                t = f"{block.label} {t}"
        if not t:
            if parts:
                parts.pop()
                pos -= 1
            continue
        units.append(Unit(block.kind, pos, pos + len(t), block.page))
        parts.append(t)
        pos += len(t)
    return Assembled("".join(parts), units)


def signature_rows(rows: list[list[str]]) -> list[list[str]]:
    """A ``Nơi nhận`` | signature layout table's cells column by column, as every reader lays
    it out: the recipients list stays together, then the signing authority, position and name.

    >>> signature_rows([["Nơi nhận:", "TL. CHỦ TỊCH"], ["- Như trên;", "CHÁNH VĂN PHÒNG"],
    ...                 ["- Lưu: VT.", "Phạm Văn Đức"]])
    [['Nơi nhận:', '- Như trên;', '- Lưu: VT.'], ['TL. CHỦ TỊCH', 'CHÁNH VĂN PHÒNG', 'Phạm Văn Đức']]
    """
    width = max(len(r) for r in rows)
    out: list[list[str]] = []
    for k in range(width):
        cells = list(dict.fromkeys(r[k] for r in rows if k < len(r) and r[k].strip()))
        # A cell merged across columns was already laid out with the column it starts in.
        cells = [c for c in cells if not any(c == cell for row in out for cell in row)]
        if cells:
            out.append(cells)
    return out
