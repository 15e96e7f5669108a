"""One file → the documents it holds: a cover letter and the report it carries, a decision and
the Quy định it issues, a letter and its copy's own sheet (see :func:`split_documents`)."""

from __future__ import annotations

import itertools

from .conventions.header import (
    classify_line,
    doc_type_of,
    has_mark,
    has_symbol_after_field,
    match_line,
    names_issuer,
    starts_document,
)
from .document import Block, SourceDocument
from .normalize import fold, in_capitals


def _block_text(block: Block) -> str:
    if block.kind == "layout":
        return "\n".join(cell for row in block.rows for cell in row)
    return block.text


def _starts_document(block: Block) -> bool:
    return any(starts_document(line) for line in _block_text(block).split("\n")[:6])


_CLOSING_HEADS = ("noi nhan", "tm", "kt", "tl", "t/", "k/", "tuq", "q.", "q ")


# The first letters of those heads, as written in ASCII (a letter outside ASCII may fold to one
# of them, ``Ţ`` to ``t``: such a line is folded and tried).
_CLOSING_FIRST = frozenset("NnTtKkQq")


def _finished(blocks: list[Block]) -> bool:
    """Whether these blocks end a document: they hold its ``Nơi nhận`` or a signing line (the
    line's first letters rule most lines out before the header rules are tried)."""
    for b in blocks:
        if b.kind == "footnote":
            continue
        for line in _block_text(b).split("\n"):
            head = line.lstrip()[:8]
            if (head[:1] in _CLOSING_FIRST or not head[:1].isascii()) and fold(head).startswith(_CLOSING_HEADS) \
                    and classify_line(line) in ("recipients", "signing"):
                return True
    return False


def _issued_with(line: str) -> bool:
    """Whether ``classify_line`` names ``line`` ``issued-with``. Most first lines of blocks are
    paragraphs that the rule cannot match, which the start of the line tells (``match_line``)
    without trying every other rule on the whole line."""
    return match_line("issued-with", line) is not None and classify_line(line) == "issued-with"


_HEADER_KINDS = ("number", "place-date", "motto", "motto-part", "rule", "subject")


def _opens_document(line: str) -> bool:
    """A line that opens a document of its own after another's signature: its type name
    (``BÁO CÁO``), or a ``Số:`` line with a symbol (``Số: 44 /SL-VP``, the number of a copy's
    own sheet, under its issuer's name; see :func:`split_documents`)."""
    return doc_type_of(line) is not None or (classify_line(line) == "number" and has_symbol_after_field(line))


def _opens_block(block: Block) -> bool:
    """A paragraph whose first line opens a document (:func:`_opens_document`), or a header
    laid out in two columns that holds such a line (a copy's sheet: ``UBND TỈNH BẮC GIANG`` /
    ``VĂN PHÒNG`` / ``Số: 32/SL-VP`` | ``SAO LỤC``)."""
    if block.kind == "paragraph":
        return _opens_document(_block_text(block).split("\n")[0])
    return block.kind == "layout" and any(_opens_document(line) for line in _block_text(block).split("\n")[:6])


_HEADER_LINES = ("number", "place-date", "doc-type")


def _header_follows(blocks: list[Block], i: int) -> bool:
    """Whether the Quốc hiệu of block ``i`` heads a document: its block or one of the three
    after it holds another header line (an issuer's name, ``Số:``, the place and date, a type
    name), not only the Quốc hiệu's own lines and then running text."""
    lines = _block_text(blocks[i]).split("\n")
    after = [b for b in blocks[i + 1:i + 4] if b.kind != "footnote"]
    for b in after:
        text = _block_text(b)
        lines.extend(text.split("\n") if b.kind == "layout" else text.split("\n")[:1])
    return any(names_issuer(line) or classify_line(line) in _HEADER_LINES for line in lines if line.strip())


def split_documents(doc: SourceDocument) -> list[SourceDocument]:
    """Documents in one file: a new header block (Quốc hiệu) after the body of the first
    starts the next one (a cover ``Tờ trình`` followed by the report it submits)."""
    body = [i for i, b in enumerate(doc.blocks) if b.kind != "footnote"]
    starts = [i for i in body if _starts_document(doc.blocks[i])]
    # A document issued with the first (``QUY ĐỊNH`` / ``(Ban hành kèm theo Quyết định số
    # ...)``) may have no Quốc hiệu: it begins at the name in capitals above that line.
    for i in body:
        if i and _issued_with(_block_text(doc.blocks[i]).split("\n")[0]):
            j = i
            while j - 1 >= 0 and i - j < 4 and doc.blocks[j - 1].kind == "paragraph" \
                    and _block_text(doc.blocks[j - 1]).isupper():
                j -= 1
            if j < i and (not starts or j > starts[0]):
                starts.append(j)
    # A document sent with a finished one, with no header of its own (the Báo cáo table attached
    # to a cover letter): its type name in capitals right after the letter's signature.
    # A start right after a signature is a new document however close to the last start.
    after_signature: dict[int, int] = {}  # start → the block that finished the document before it
    finish = None
    headed = set(starts)
    for i in body:
        near = finish is not None and i - finish <= 6
        if i in headed:
            if finish is not None and near:
                after_signature[i] = finish
            finish = None
        elif finish is not None and near and _opens_block(doc.blocks[i]):
            # The header lines above the type name (``Số:``, place and date) go with it.
            j = i
            while j - 1 > finish and doc.blocks[j - 1].kind in ("paragraph", "layout") \
                    and classify_line(_block_text(doc.blocks[j - 1]).split("\n")[0]) in _HEADER_KINDS:
                j -= 1
            after_signature[j] = finish
            finish = None
        elif _finished([doc.blocks[i]]):
            finish = i
    starts = sorted(set(starts) | set(after_signature))
    # A letter whose Quốc hiệu is missing (cut off at the top of a scanned page, or misread)
    # is still a document when it is finished, by its ``Nơi nhận`` or a signing line, before
    # the first Quốc hiệu: the file's first document ends there.
    finished_lead = bool(starts) and _finished(doc.blocks[:starts[0]])
    if finished_lead:
        starts = [0, *starts]
    if len(starts) < 2:
        return [doc]
    cuts: list[int] = []
    for i in starts[1:]:
        j = k = i
        # The issuer lines stand above the Quốc hiệu when the header was read line by line: the
        # document starts at the highest line that opens a body's name or its locality, a
        # name's wrapped line (``HÀNH CHÍNH CÔNG``) going with it.
        while k - 1 > (cuts[-1] if cuts else 0) and i - k < 3:
            prev = doc.blocks[k - 1]
            text = _block_text(prev)
            if prev.kind != "paragraph" or not in_capitals(text) or has_mark("motto", text):
                break
            k -= 1
            if names_issuer(text):
                j = k
        # A second Quốc hiệu right under the first (two header columns) is not a new document.
        if not (j - (cuts[-1] if cuts else starts[0]) > 8 or (finished_lead and not cuts) or i in after_signature):
            continue
        # Nor is one quoted in the text (a Thông tư on thể thức showing the Quốc hiệu's two lines)
        # when the document before is not finished: a document's header has more than it.
        if j < i or _finished(doc.blocks[cuts[-1] if cuts else 0:j]) or _header_follows(doc.blocks, i):
            cuts.append(j)
    if not cuts:
        return [doc]
    bounds = [0, *cuts, len(doc.blocks)]
    parts = []
    for a, b in itertools.pairwise(bounds):
        part = SourceDocument([x for x in doc.blocks[a:b] if x.kind != "footnote"], doc.source.model_copy())
        parts.append(part)
    parts[0].blocks.extend(x for x in doc.blocks if x.kind == "footnote")
    parts[0].warnings = list(doc.warnings)
    return parts
