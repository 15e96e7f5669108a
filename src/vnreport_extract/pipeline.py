"""The pipeline: a reader's :class:`SourceDocument` → assembled text → extractors →
resolution → :class:`Report`."""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

from .conventions.header import starts_document
from .document import Assembled, Block, SourceDocument, assemble
from .errors import CorruptFileError, InputError, UnsupportedFormatError, VnReportError
from .extract.citations import extract_citations
from .extract.dates import extract_dates
from .extract.demographics import extract_demographics
from .extract.figures import extract_figures
from .extract.metadata import extract_metadata
from .extract.sections import SectionIndex, extract_sections, walk
from .extract.symbols import SYMBOL_RE
from .extract.tables import build_table
from .models import PartError, Report, Source, Table, Warning
from .normalize import fold
from .options import ParseOptions
from .readers.text import read_text
from .resolution import resolve
from .spans import Spans
from .words import sentences

_ISSUER_WORDS = ("uy ban", "ubnd", "hoi dong", "so ", "ban ", "dang", "cong an", "tinh", "huyen", "xa ", "phong",
                 "bo ", "cuc", "chi cuc", "van phong", "truong", "thanh pho", "quan", "phuong", "thi tran")


def _block_text(block: Block) -> str:
    if block.kind == "layout":
        return "\n".join(cell for row in block.rows for cell in row)
    return block.text


def _starts_document(block: Block) -> bool:
    return any(starts_document(line) for line in _block_text(block).split("\n")[:6])


def split_documents(doc: SourceDocument) -> list[SourceDocument]:
    """Documents in one file: a new header block (Quốc hiệu) after the body of the first
    starts the next one (a cover ``Tờ trình`` followed by the report it submits)."""
    body = [i for i, b in enumerate(doc.blocks) if b.kind != "footnote"]
    starts = [i for i in body if _starts_document(doc.blocks[i])]
    if len(starts) < 2:
        return [doc]
    cuts: list[int] = []
    for i in starts[1:]:
        j = i
        # The issuer lines stand above the Quốc hiệu when the header was read line by line.
        while j - 1 > (cuts[-1] if cuts else 0) and i - j < 3:
            prev = doc.blocks[j - 1]
            text = _block_text(prev)
            if prev.kind != "paragraph" or not text.isupper() or not any(w in fold(text) + " " for w in _ISSUER_WORDS):
                break
            j -= 1
        # A second Quốc hiệu right under the first (two header columns) is not a new document.
        if j - (cuts[-1] if cuts else starts[0]) > 8:
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


def build_report(doc: SourceDocument) -> Report:
    """Run every extractor over a reader's document; further documents in the same
    file become ``attachments``."""
    first, *others = split_documents(doc)
    report = _build_one(first)
    report.errors = list(doc.errors)
    for n, part in enumerate(others, 1):
        try:
            report.attachments.append(_build_one(part))
        except VnReportError as exc:
            report.errors.append(PartError(part="attachment", attachment=n, type=type(exc).__name__,
                                           message=_one_line(exc)))
        except Exception as exc:  # a bug: it must not lose the main document, nor pass for bad input
            report.errors.append(PartError(part="attachment", attachment=n, type=type(exc).__name__,
                                           message=f"internal error: {_one_line(exc)}"))
    if report.errors:
        report.status = "partial"
    return report


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _build_one(doc: SourceDocument) -> Report:
    asm = assemble(doc)
    text = asm.text
    meta = extract_metadata(text)
    own = [meta.own_number_span] if meta.own_number_span else []

    citations = extract_citations(text, skip=own)
    symbols = [(m.start(), m.end()) for m in SYMBOL_RE.finditer(text)]
    dates = extract_dates(text, skip=symbols + own)
    cited_spans = [(c.start, c.end) for c in citations]
    cited = Spans(cited_spans)
    for d in dates:
        if meta.date_span and d.start == meta.date_span[0]:
            d.role = "document"
        elif cited.contains(d.start):
            d.role = "citation"
        d.page = asm.page_at(d.start)

    body = [(u.start, u.end) for u in asm.units
            if u.kind == "paragraph" and meta.body_start <= u.start < meta.body_end]
    sections, section_warnings = extract_sections(text, body, meta.body_end, sentences, asm.page_at)
    flat = walk(sections)
    index = SectionIndex(sections)
    for c in citations:
        c.section = index.path_at(c.start)
        c.page = asm.page_at(c.start)

    labels = [(s.start, s.start + len(s.number) + 2) for s in flat]
    figures, figure_warnings = extract_figures(
        text, body, skip=sorted([(d.start, d.end) for d in dates] + symbols + labels), quiet=cited_spans,
        page_at=asm.page_at)

    resolution = resolve(citations)
    documents = resolution.documents
    for c, doc_id in zip(citations, resolution.document_ids, strict=True):
        c.document_id = doc_id
    warnings: list[Warning] = list(meta.warnings) + section_warnings + figure_warnings
    for code, message in doc.warnings:
        warnings.append(Warning(code=code, message=message))
    for c in citations:
        for repair in c.repairs:
            warnings.append(Warning(code=f"symbol-{repair}", start=c.start, end=c.end,
                                    message=f"symbol {c.symbol} repaired ({repair}) from {c.raw!r}"))
    warnings.sort(key=lambda w: (w.start if w.start is not None else -1))
    return Report(
        source=doc.source, text=text, metadata=meta.metadata, sections=sections, citations=citations,
        documents=documents, dates=dates, figures=figures, demographics=extract_demographics(figures),
        tables=_tables(asm), warnings=warnings,
    )


def _tables(asm: Assembled) -> list[Table]:
    tables: list[Table] = []
    previous_text: str | None = None
    for u in asm.units:
        if u.kind == "table":
            title = previous_text if previous_text and len(previous_text) <= 300 else None
            tables.append(build_table(len(tables) + 1, u.rows, u.page, title, u.start, u.end))
        elif u.kind == "paragraph":
            previous_text = asm.text[u.start:u.end]
    return tables


def parse_text(text: str, options: ParseOptions | None = None, *, source: Source | None = None) -> Report:
    """Parse the text of a report (plain text or Markdown). ``options`` are accepted for one
    calling convention with :func:`parse_file`; none of them changes how text is read.

    >>> parse_text("Chỉ thị số 33/CT-TTg ngày 26/11/2021").citations[0].symbol
    '33/CT-TTg'
    """
    return build_report(read_text(text, source))


def _decode(data: bytes, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8, UTF-16 or Windows-1258 text") from exc


def sniff(data: bytes, path: Path) -> str:
    """The format of a file by its content: ``pdf``, ``docx``, ``doc``, ``zip``, ``text``
    or ``markdown`` (text by extension), ``binary``."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "docx" if b"word/" in data[:65536] or path.suffix.lower() == ".docx" else "zip"
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return "markdown" if path.suffix.lower() in (".md", ".markdown") else "text"


def parse_file(path: str | Path, options: ParseOptions | None = None, *, raise_on_error: bool = True) -> Report:
    """Parse a report file, read as ``options`` say (:class:`~vnreport_extract.options.ParseOptions`:
    OCR, pages, tools, timeouts). The format is chosen by content (magic bytes).

    A part that cannot be read (a page OCR failed on) leaves a ``partial`` report with the
    part in ``errors``. A document that cannot be read at all raises its named error
    (:class:`~vnreport_extract.VnReportError`), or with ``raise_on_error=False`` gives a
    ``failed`` report whose ``errors`` hold it.

    >>> r = parse_file("no-such-file.pdf", raise_on_error=False)
    >>> r.status, r.errors[0].type
    ('failed', 'InputError')
    """
    try:
        return _parse_file(Path(path), options or ParseOptions())
    except VnReportError as exc:
        if raise_on_error:
            raise
        return Report(status="failed", source=Source(path=str(path)),
                      errors=[PartError(part="document", type=type(exc).__name__, message=_one_line(exc))])


def _parse_file(p: Path, options: ParseOptions) -> Report:
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror}") from exc
    kind = sniff(data, p)
    sha = hashlib.sha256(data).hexdigest()
    expected = {".docx": "Word (.docx)", ".docm": "Word (.docx)", ".doc": "Word 97-2003 (.doc)", ".pdf": "PDF"}
    claimed = p.suffix.lower()
    if claimed in expected and kind not in ("docx", "doc", "pdf"):
        # A text file named .pdf would otherwise give an empty-looking report and exit 0.
        raise CorruptFileError(f"{p}: named {p.suffix} but the content is not a {expected[claimed]} file")
    if kind in ("text", "markdown"):
        source = Source(path=str(p), format=kind, sha256=sha)  # type: ignore[arg-type]
        return parse_text(_decode(data, p), source=source)
    if kind in ("docx", "doc", "pdf"):
        from .readers import read_file

        return build_report(read_file(p, kind, sha, options))
    raise UnsupportedFormatError(f"{p}: {kind} files are not supported (PDF, DOCX, DOC, text and Markdown are)")
