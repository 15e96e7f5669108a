"""The pipeline: a reader's :class:`SourceDocument` → assembled text → extractors →
resolution → :class:`Report`."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import regex

from .conventions.doc_types import NAMED_PLAN_TYPES, type_code_disagrees
from .conventions.header import has_mark
from .document import Assembled, SourceDocument, assemble
from .errors import CorruptFileError, InputError, UnsupportedFormatError, VnReportError, first_line
from .extract.citations import extract_citations, title_spans
from .extract.dates import MonthFirst, calendar_warning, extract_dates
from .extract.demographics import extract_demographics
from .extract.figures import extract_figures
from .extract.metadata import extract_metadata
from .extract.scan import lowered
from .extract.sections import SectionIndex, beside, extract_sections, walk
from .extract.symbols import find_symbols, slip_years, slipped_year, written_forms
from .extract.tables import build_table, table_title
from .formats import SNIFF_BYTES, UTF16_BOMS, promised_name, reading, sniff, utf16_without_bom
from .legacy import legacy_warning
from .limits import LimitExceededError, Limits
from .models import Citation, Metadata, PartError, PartialDate, Report, Source, Table, Warning
from .normalize import fold, recordable
from .options import ParseOptions, as_parse_options
from .progress import PageProgress, reporting
from .readers.text import read_text
from .resolution import resolve
from .spans import Spans
from .split import split_documents
from .words import sentences


def build_report(doc: SourceDocument, *, limits: Limits | None = None, frame_expected: bool = False) -> Report:
    """Run every extractor over a reader's document; further documents in the same
    file become ``attachments``. A document past ``limits`` (text size, table cells,
    sections) is a :class:`LimitExceededError`. ``frame_expected``: the document is a file's,
    which should hold a report's frame (a ``no-report-structure`` warning when it holds none)."""
    limits = limits or Limits()
    where = doc.source.path or "document"
    cells = sum(len(row) for b in doc.blocks if b.kind == "table" for row in b.rows)
    if cells > limits.max_table_cells:
        raise LimitExceededError("max_table_cells", limits.max_table_cells, value=cells,
                                 what=f"{where}: {cells} table cells")
    chars = sum(len(c) for b in doc.blocks if b.kind == "table" for row in b.rows for c in row)
    if chars > limits.max_table_chars:
        raise LimitExceededError("max_table_chars", limits.max_table_chars, value=chars,
                                 what=f"{where}: {chars} characters in table cells")
    first, *others = split_documents(doc)
    report = _build_one(first, limits, where, frame_expected=frame_expected)
    report.errors = list(doc.errors)
    # A document attached to the first (``Quy định ban hành kèm theo Quyết định số 64/QĐ-UBND``)
    # names the first one: that is the file's own document, not a citation.
    number = report.metadata.number
    own_symbols = written_forms(number) if number is not None and number.number and number.symbol else set()
    own_names = _own_name(report.metadata.doc_type, report.metadata.title)
    for n, part in enumerate(others, 1):
        try:
            attachment = _build_one(part, limits, where, own_symbols, own_names, frame_expected=frame_expected)
            # An annex of its own (``DANH SÁCH`` / ``(Kèm theo Công văn số: 5689/BCA-C04 ...)``) that
            # prints the number the document's Số line left blank: read again with it as its own.
            # (An attached document with a Số line of its own is a document of its own, not an annex.)
            annex = None if attachment.metadata.number is not None else \
                _own_in_annex(attachment.text, attachment.citations, 0, report.metadata, lines=6)
            if annex is not None and annex.symbol:
                attachment = _build_one(part, limits, where, own_symbols | {annex.symbol}, own_names,
                                        frame_expected=frame_expected)
                own_symbols = own_symbols | {annex.symbol}
                report.warnings.append(_take_number_from_annex(report.metadata, annex, attachment=n))
                report.warnings.sort(key=lambda w: (w.start if w.start is not None else -1))
            report.attachments.append(attachment)
        except VnReportError as exc:
            report.errors.append(PartError(part="attachment", attachment=n, type=type(exc).__name__,
                                           message=first_line(exc) or type(exc).__name__))
        except Exception as exc:  # a bug: it must not lose the main document, nor pass for bad input
            report.errors.append(PartError(part="attachment", attachment=n, type=type(exc).__name__,
                                           message=f"internal error: {first_line(exc) or type(exc).__name__}"))
    report.number_attachments()
    if report.errors:
        report.status = "partial"
    return report


def _build_one(doc: SourceDocument, limits: Limits, where: str, own_symbols: set[str] | None = None,
               own_names: list[tuple[str, set[str]]] | None = None, *, frame_expected: bool = False) -> Report:
    asm = assemble(doc)
    text = asm.text
    check_text_size(text, limits, where)
    empty = [] if text.strip() else [Warning(code="empty-document", message="the document holds no text")]
    meta = extract_metadata(text)
    own = [meta.own_number_span] if meta.own_number_span else []
    number = meta.metadata.number
    own_symbols = set(own_symbols or ())
    if number is not None and number.number and number.symbol:
        own_symbols |= written_forms(number)

    # The document's own number met again in its text (an annex ``kèm theo Quyết định số``
    # this one) is a self-reference, not a citation.
    symbol_matches = find_symbols(text)
    # So is a plan named by its own title (``Kế hoạch cải cách hành chính năm 2026`` in that plan).
    names = (own_names or []) + _own_name(meta.metadata.doc_type, meta.metadata.title)
    found = extract_citations(text, skip=own, symbols=symbol_matches)
    # A number left blank on the Số line (written by hand, unread) that the document's annex prints.
    named_by_annex = _own_in_annex(text, found, meta.body_end, meta.metadata)
    annex_warnings = [] if named_by_annex is None else [_take_number_from_annex(meta.metadata, named_by_annex)]
    if named_by_annex is not None and named_by_annex.symbol:
        own_symbols.add(named_by_annex.symbol)

    def others(found: list[Citation]) -> list[Citation]:
        """The citations of other documents: not the document's own number, nor its own name."""
        return [c for c in found if (c.symbol is None or c.symbol not in own_symbols) and not _names_itself(c, names)]

    citations = others(found)
    symbols = [(m.start(), m.end()) for m in symbol_matches]
    low = lowered(text)  # for the patterns that start with a word in any case
    impossible: list[tuple[int, int]] = []
    dates = extract_dates(text, skip=symbols + own, low=low, rejected=impossible)
    month_first = MonthFirst(text, dates)
    if month_first:
        # A spreadsheet's column of dates written month first (``11/16/2012``): the documents cited
        # in it are read again with their dates so (a rare text: the common one is read once).
        citations = others(extract_citations(text, skip=own, symbols=symbol_matches, month_first=month_first))
    cited_spans = [(c.start, c.end) for c in citations]
    cited = Spans(cited_spans)
    for d in dates:
        # The mention of the document's own date: its span and the date line's overlap (``NGÀY 09
        # THÁNG 3 NĂM 2007`` of an identity line, whose date span starts at the day).
        if meta.date_span and d.start < meta.date_span[1] and meta.date_span[0] < d.end:
            d.role = "document"
        elif cited.contains(d.start):
            d.role = "citation"
        # Setting a model's attribute costs microseconds: only the page of a paged input is set.
        if (page := asm.page_at(d.start)) is not None:
            d.page = page

    body = [(u.start, u.end) for u in asm.units
            if u.kind == "paragraph" and meta.body_start <= u.start < meta.body_end]
    sections, section_warnings = extract_sections(text, body, meta.body_end, sentences, asm.page_at,
                                                   max_depth=limits.max_section_depth,
                                                   max_sections=limits.max_sections)
    # The pages after the signature (a list or tables sent with the letter) are sectioned on
    # their own: the body's sections end at the signature, and the annex's are trees beside them.
    appendix = _appendix_start(asm, meta.body_end, meta.metadata.signer.name if meta.metadata.signer else None)
    if appendix < len(text):
        annex = [(u.start, u.end) for u in asm.units if u.kind == "paragraph" and u.start >= appendix]
        more, more_warnings = extract_sections(text, annex, len(text), sentences, asm.page_at,
                                               max_depth=limits.max_section_depth,
                                               max_sections=max(0, limits.max_sections - len(walk(sections))))
        sections = beside(sections, more)
        section_warnings += more_warnings
    flat = walk(sections)
    index = SectionIndex(sections)
    for c in citations:
        c.section = index.path_at(c.start)
        if (page := asm.page_at(c.start)) is not None:
            c.page = page

    labels = [(s.start, s.start + len(s.number) + 2) for s in flat]
    # Quantities are stated in the body, in its footnotes (a DOCX's come after the signature, a
    # PDF's at the foot of each page) and in the pages sent with it.
    stated = body + [(u.start, u.end) for u in asm.units if u.kind == "footnote"
                     or (u.kind == "paragraph" and u.start >= max(appendix, meta.body_end))]
    stated.sort()
    figures, figure_warnings = extract_figures(
        text, stated, skip=sorted([(d.start, d.end) for d in dates] + symbols + labels),
        quiet=sorted(cited_spans + title_spans(text, citations)),
        page_at=asm.page_at, low=low)

    resolution = resolve(citations)
    documents = resolution.documents
    for c, doc_id in zip(citations, resolution.document_ids, strict=True):
        c.document_id = doc_id
    warnings: list[Warning] = empty + list(meta.warnings) + annex_warnings + section_warnings + figure_warnings
    if "\n" not in text and _words_at_least(text, _FRAME_WORDS) and _flattened(text):
        # A report on one line (copied from a web form, a spreadsheet's cell, a JSON field): its
        # header, sections and signature are read line by line, so they are lost or partial.
        warnings.append(Warning(code="no-line-breaks",
                                message="the text is a report with no line break: its header, sections and "
                                        "signature are read line by line and are missing or partial; give "
                                        "the text with its line breaks"))
    elif frame_expected and not empty and not sections and not _has_header(meta.metadata) \
            and _words_at_least(text, _FRAME_WORDS):
        # A file with nothing of a report's frame: no report (a data file, a page of another
        # kind), or a fragment. Its records are still given. (Not a text given to parse_text: a
        # paragraph or two is read there as well, and no frame is expected.)
        warnings.append(Warning(code="no-report-structure",
                                message="no header (issuer, number, place and date, type name), recipients, "
                                        "sections or signature found: the text may not be a report"))
    # A date that names no calendar day is no date mention; the document's own is told by the
    # header's warning (unreadable-document-date).
    header_dates = [(w.start, w.end) for w in meta.warnings if w.code == "unreadable-document-date"]
    warnings += [calendar_warning(text, a, b, dates) for a, b in impossible
                 if not any(s is not None and e is not None and s < b and a < e for s, e in header_dates)]
    warnings += [Warning(code="date-month-first", start=column[0].start, end=column[0].end,
                         message=f"{len(column)} dates of a table column read month first, as a spreadsheet "
                                 f"writes them: {column[0].raw!r} is {column[0].value.iso}")
                 for column in month_first.columns]
    if (unreadable := _unreadable(text)) is not None:
        warnings.append(unreadable)
    for code, message in doc.warnings:
        warnings.append(Warning(code=code, message=message))
    for c in citations:
        for repair in c.repairs:
            warnings.append(Warning(code=f"symbol-{repair}", start=c.start, end=c.end,
                                    message=f"symbol {c.symbol} repaired ({repair}) from {c.raw!r}"))
        if c.kind == "full" and c.doc_type and type_code_disagrees(c.doc_type, c.type_code):
            warnings.append(Warning(code="citation-type-mismatch", start=c.start, end=c.end,
                                    message=f"{c.doc_type} {c.symbol}: the symbol's type code {c.type_code} is "
                                            f"not a {c.doc_type}'s; one of them may be a slip"))
        if (slip := slipped_year(c.symbol)) is not None:
            years = " or ".join(map(str, sorted(slip_years(slip))))
            warnings.append(Warning(code="symbol-year-slip", start=c.start, end=c.end,
                                    message=f"symbol {c.symbol}: the year {slip} has a digit too many "
                                            f"({f'for {years}' if years else 'no year'}); kept as written"))
    warnings.sort(key=lambda w: (w.start if w.start is not None else -1))
    return Report(
        source=doc.source, text=text, metadata=meta.metadata, sections=sections, citations=citations,
        documents=documents, dates=dates, figures=figures, demographics=extract_demographics(figures, text),
        tables=_tables(asm), warnings=warnings,
    )


# The line by which an annex names the document it is sent with: ``(Kèm theo Công văn số:
# 5689/BCA-C04 ngày 16 tháng 12 năm 2025)``, ``Ban hành kèm theo Quyết định số ...``.
_ANNEX_LEAD = regex.compile(r"[ (]*(?i:(?:ban[ ]+hành[ ]+)?kèm[ ]+theo)[ ]+")
# ... and ends after the citation (its date and author), at most with its bracket.
_ANNEX_END = regex.compile(r"[ ]*[)\]]?[ .;]*(?:\n|\Z)")


def _own_in_annex(text: str, citations: list[Citation], start: int, meta: Metadata,
                 lines: int | None = None) -> Citation | None:
    r"""The citation by which an annex names its own document, when that document's ``Số:`` line
    left the number blank (a handwritten number that was not read, a draft): the citation that a
    line after ``start`` (among its first ``lines`` lines, when given) holds alone after ``Kèm
    theo`` (``(Kèm theo Công văn số: 5689/BCA-C04 ngày 16 tháng 12 năm 2025)``), of the
    document's type, with its codes, and a date that agrees with the document's, whose year and
    month are known. None when the number is known, the document's month is not, or no such line
    (or two naming different documents) is found.

    >>> from vnreport_extract import parse_text
    >>> r = parse_text("BỘ CÔNG AN\nSố: /BCA-C04\nHà Nội, ngày   tháng 12 năm 2025\nKính gửi: Bộ Tài chính\n"
    ...                "Đề nghị phối hợp./.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn Long\n"
    ...                "DANH SÁCH\n(Kèm theo Công văn số: 5689/BCA-C04 ngày 16 tháng 12 năm 2025)")
    >>> r.metadata.number.symbol, r.metadata.date.iso, r.citations
    ('5689/BCA-C04', '2025-12-16', [])
    """
    number, date = meta.number, meta.date
    if number is None or number.number or not meta.doc_type or date is None or date.month is None:
        return None
    first_lines_end = len(text) if lines is None else _nth_line_end(text, lines)
    found: list[Citation] = []
    for c in citations:
        if c.kind != "full" or not c.number or not c.symbol or c.start < start or c.start > first_lines_end \
                or c.doc_type != meta.doc_type:
            continue
        lead = _ANNEX_LEAD.match(text, text.rfind("\n", 0, c.start) + 1, c.start)
        if lead is None or lead.end() != c.start or not _ANNEX_END.match(text, c.end):
            continue
        if fold(c.type_code or "") != fold(number.type_code or "") \
                or fold(c.issuer_code or "") != fold(number.issuer_code or "") \
                or (number.year is not None and c.year != number.year):
            continue
        if c.date is None or c.date.month is None or not _same_date(date, c.date):
            continue
        found.append(c)
    return found[0] if len({c.symbol for c in found}) == 1 else None


def _nth_line_end(text: str, n: int) -> int:
    end = -1
    for _ in range(n):
        end = text.find("\n", end + 1)
        if end < 0:
            return len(text)
    return end


def _same_date(a: PartialDate, b: PartialDate) -> bool:
    """Whether two dates can be the same day: equal wherever both are known."""
    return all(x is None or y is None or x == y for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day)))


def _take_number_from_annex(meta: Metadata, annex: Citation, attachment: int | None = None) -> Warning:
    """The document's number (and its date's day, when the date line left it blank) from the
    annex line that names the document, into ``meta``; the warning that says so."""
    number = meta.number
    assert number is not None
    number.number, number.year, number.symbol = annex.number, annex.year, annex.symbol
    taken = "number"
    if annex.date is not None and (meta.date is None or (meta.date.day is None and annex.date.day is not None)):
        meta.date = annex.date
        taken = "number and date"
    where = f"attachment {attachment}" if attachment is not None else "its annex"
    return Warning(code="document-number-from-annex", start=annex.start if attachment is None else None,
                   end=annex.end if attachment is None else None,
                   message=f"the Số line leaves the number blank; {where} names the document {annex.raw!r}: "
                           f"its {taken} taken from there")


def _own_name(doc_type: str | None, title: str | None) -> list[tuple[str, set[str]]]:
    """A document's type and the folded words of its title, as :func:`_names_itself` compares
    a named citation with them; none when either is unknown."""
    return [(doc_type, set(fold(title).split()))] if doc_type and title else []


def _names_itself(c: Citation, names: list[tuple[str, set[str]]]) -> bool:
    """Whether a citation by name (no number) names the document it stands in, or the plan
    that document is about: its type, and every word of its name after the type word in the
    title (``Kế hoạch cải cách hành chính năm 2026`` in the plan titled ``Cải cách hành chính
    nhà nước năm 2026 tỉnh Lâm Đồng``); or a plan whose whole name is in the title (``Chương
    trình MTQG phòng, chống ma tuý đến năm 2030`` in a letter titled ``Chuẩn bị tổ chức triển
    khai Chương trình MTQG phòng, chống ma tuý đến năm 2030``)."""
    # A law names itself by its whole title (``Luật Thanh tra`` in the law titled ``Thanh tra``),
    # and is cited by the documents about it (an amending law titled ``Sửa đổi ... Luật Thanh
    # tra`` cites that law); a plan with an author is another body's.
    if c.kind != "named" or not c.name or not c.doc_type or c.authority:
        return False
    words = set(fold(c.name[len(c.doc_type):]).split())
    if c.doc_type not in NAMED_PLAN_TYPES:
        return bool(words) and any(c.doc_type == t and words == title for t, title in names)
    whole = set(fold(c.name).split())
    return bool(words) and any((c.doc_type == t and words <= title) or whole <= title for t, title in names)


# Words a text holds at least before a missing frame is warned about.
_FRAME_WORDS = 30
# How far into a text on one line its Quốc hiệu is looked for (a header's first lines).
_FLAT_HEAD = 1000


def _words_at_least(text: str, n: int) -> bool:
    """Whether ``text`` holds ``n`` words or more (split up to the ``n``-th only).

    >>> _words_at_least("Chỉ thị  số 33/CT-TTg", 4), _words_at_least("Chỉ thị số 33/CT-TTg", 5)
    (True, False)
    """
    return len(text.split(None, n - 1)) >= n


def _flattened(text: str) -> bool:
    """Whether a text on one line holds a report's frame: its header's Quốc hiệu or ``Số:`` in
    its first characters, or a ``Nơi nhận`` anywhere.

    >>> _flattened("ỦY BAN NHÂN DÂN XÃ PHÚ TIẾN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập ...")
    True
    >>> _flattened("Số: 12/BC-UBND Phú Tiến, ngày 15 tháng 5 năm 2023 BÁO CÁO ...")
    True
    >>> _flattened("Thực hiện Kế hoạch số 12/KH-UBND, các đơn vị đã triển khai ...")
    False
    """
    head = text[:_FLAT_HEAD]
    return has_mark("motto", head) or _NUMBER_MARK.search(head) is not None or _RECIPIENTS_MARK.search(text) is not None


_RECIPIENTS_MARK = regex.compile(r"(?i)nơi\s+nhận\s*:")
# The header's ``Số:`` with its symbol's slash (``Số: 12/BC-UBND``, ``Số: /BC-UBND``), as written:
# not ``dân số: 12.500 người``, ``Tổng số: 45``.
_NUMBER_MARK = regex.compile(r"(?<!\w)(?:Số|SỐ)[ ]*:[ ]*[\dA-Z.]{0,8}[ ]*/[ ]*\p{Lu}")


def _has_header(meta: Metadata) -> bool:
    """Whether a document's metadata hold any part of a report's frame."""
    return any((meta.issuer, meta.number, meta.date, meta.doc_type, meta.title, meta.recipients, meta.signer))


def _unreadable(text: str) -> Warning | None:
    """A ``text-unreadable`` warning when the document's text is mojibake, not Vietnamese
    (:func:`~vnreport_extract.legacy.unreadable`): a text file in an encoding no reader knows,
    a font whose characters map to the wrong letters. Its records are then not to be trusted."""
    from .legacy import share_if_unreadable

    share = share_if_unreadable(text)
    if share is None:
        return None
    return Warning(code="text-unreadable",
                   message=f"the text does not read as Vietnamese ({share:.0%} of its words hold characters "
                           "Vietnamese never writes: a wrong encoding or font mapping, or TCVN3/VNI text not "
                           "converted, see legacy.fix_text); its records are unreliable")


def _appendix_start(asm: Assembled, body_end: int, signer_name: str | None) -> int:
    """Where the pages after the signature begin (a list or table sent with the letter, no
    header of its own: ``DANH SÁCH ...`` / ``1- Cục Thuế``): their numbered paragraphs are
    sections of the document too. The length of the text when there are none (or no pages)."""
    end = len(asm.text)
    if body_end >= end:
        return end
    named = asm.text.find(signer_name, body_end) if signer_name else -1
    last = asm.page_at(max(body_end, named))
    if last is None:
        return end
    for u in asm.units:
        if u.kind in ("paragraph", "table") and u.start > body_end and (page := asm.page_at(u.start)) is not None \
                and page > last:
            return u.start
    return end


def _tables(asm: Assembled) -> list[Table]:
    tables: list[Table] = []
    before: list[str] = []  # the last few paragraphs
    for u in asm.units:
        if u.kind == "table":
            tables.append(build_table(len(tables) + 1, u.rows, u.page, table_title(before), u.start, u.end))
        elif u.kind == "paragraph":
            before = [*before[-5:], asm.text[u.start:u.end]]
    return tables


def parse_text(text: str | bytes, options: ParseOptions | Mapping[str, Any] | None = None, *,
               source: Source | None = None, limits: Limits | None = None) -> Report:
    """Parse the text of a report (plain text or Markdown). ``options`` are accepted for one
    calling convention with :func:`parse_file`; of them only ``limits`` applies to a text:
    a text past ``options.limits`` is a :class:`LimitExceededError`. (The ``limits``
    keyword is a deprecated alias of ``options.limits``.) Bytes are decoded as a text file's
    are (UTF-8, UTF-16, Windows-1258, legacy TCVN3/VNI); options may be given as a dict of
    :class:`ParseOptions` fields.

    >>> parse_text("Chỉ thị số 33/CT-TTg ngày 26/11/2021").citations[0].symbol
    '33/CT-TTg'
    >>> parse_text("Chỉ thị số 33/CT-TTg".encode("utf-16")).citations[0].symbol
    '33/CT-TTg'
    """
    options = as_parse_options(options, limits, "parse_text")
    where = source.path if source and source.path else "text"
    legacy = None
    if isinstance(text, (bytes, bytearray, memoryview)):
        text, legacy = decode(bytes(text), Path(where))
    elif not isinstance(text, str):
        raise TypeError(f"parse_text takes the text as a str (or bytes to decode), not {type(text).__name__}; "
                        "parse_file reads a file")
    check_text_size(text, options.limits, where)
    doc = read_text(text, source)
    if legacy is not None:
        doc.warnings.append(legacy_warning(legacy))
    return build_report(doc, limits=options.limits)


def check_text_size(text: str, limits: Limits, where: str) -> None:
    """A :class:`LimitExceededError` when ``text`` has more characters than ``max_text_chars``."""
    if len(text) > limits.max_text_chars:
        raise LimitExceededError("max_text_chars", limits.max_text_chars, value=len(text),
                                 what=f"{where}: {len(text)} characters of text")


def decode(data: bytes, path: Path) -> tuple[str, str | None]:
    r"""The text of a text file, and the legacy encoding its bytes were in (``tcvn3``, ``vni``) or None.

    UTF-8 (with or without a BOM) and UTF-16 (with a BOM, or without when
    :func:`utf16_without_bom` knows it) are read as such; other bytes
    are legacy Vietnamese (TCVN3 or VNI, 8-bit fonts at Latin-1 code points) when they
    read as Vietnamese that way (:func:`~vnreport_extract.legacy.detect`), else
    Windows-1258. Undecodable bytes are an :class:`InputError`. What is wrong with the text
    itself (typed in a legacy font and saved as UTF-8, ``Céng hoµ``; UTF-8 read as Windows-1252,
    ``Sá»‘``) the text reader repairs, as it does for a string given to ``parse_text``.

    >>> decode("Céng hoµ x· héi chñ nghÜa ViÖt Nam".encode("latin-1"), Path("a.txt"))
    ('Cộng hoà xã hội chủ nghĩa Việt Nam', 'tcvn3')
    >>> decode(b"\xff\xfeA\x00B", Path("a.txt"))
    Traceback (most recent call last):
    ...
    vnreport_extract.errors.InputError: a.txt: not valid UTF-16 text (truncated or a lone surrogate)
    """
    from .legacy import C1_AS_CP1252, detect, fix_text

    codec = "utf-16" if data.startswith(UTF16_BOMS) else utf16_without_bom(data)
    if codec is not None:
        try:
            return data.decode(codec), None
        except UnicodeDecodeError:
            raise InputError(f"{path}: not valid UTF-16 text (truncated or a lone surrogate)") from None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    latin = data.decode("latin-1")
    if detect(latin) is None:
        try:
            return data.decode("cp1258"), None
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8, UTF-16 or Windows-1258 text") from None
    # Legacy fonts use no code in 0x80-0x9F; Windows put its punctuation there (“ ” –).
    text = latin.translate(C1_AS_CP1252)
    encoding = detect(text)
    return (text, None) if encoding is None else (fix_text(text), encoding)


def read_limited(path: Path, limits: Limits) -> bytes:
    """The bytes of a regular file, refused past ``max_file_bytes`` without reading on (a
    device or a FIFO given as a file never ends)."""
    try:
        with path.open("rb") as f:
            data = f.read(limits.max_file_bytes + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > limits.max_file_bytes:
        raise LimitExceededError("max_file_bytes", limits.max_file_bytes,
                                 what=f"{path}: more than {limits.max_file_bytes} bytes")
    return data


def parse_file(path: str | os.PathLike[str], options: ParseOptions | Mapping[str, Any] | None = None, *,
               raise_on_error: bool = True, limits: Limits | None = None,
               progress: PageProgress | None = None) -> Report:
    """Parse a report file, read as ``options`` say (:class:`~vnreport_extract.options.ParseOptions`:
    OCR, pages, tools, timeouts). The format is chosen by content (magic bytes); a file whose
    content is not what its extension says (a text named ``.pdf``) is a
    :class:`CorruptFileError`, an input past ``options.limits`` a :class:`LimitExceededError`
    (the ``limits`` keyword is a deprecated alias of ``options.limits``).

    ``progress`` is called with (pages read, pages to read) as the OCR of a scan's pages goes
    on, the long part of a reading (``lambda done, total: print(f"{done}/{total}")``).

    A part that cannot be read (a page OCR failed on) leaves a ``partial`` report with the
    part in ``errors``. A document that cannot be read at all raises its named error
    (:class:`~vnreport_extract.VnReportError`), or with ``raise_on_error=False`` gives a
    ``failed`` report whose ``errors`` hold it.

    >>> r = parse_file("no-such-file.pdf", raise_on_error=False)
    >>> r.status, r.errors[0].type
    ('failed', 'InputError')
    """
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"parse_file takes a path (str or os.PathLike), not {type(path).__name__}; "
                        "parse_text parses a text")
    if progress is not None and not callable(progress):
        raise TypeError(f"parse_file: progress must be a function of (pages read, pages to read), "
                        f"not {type(progress).__name__}")
    try:
        options = as_parse_options(options, limits, "parse_file")
        if not os.fspath(path):
            raise InputError("an empty path names no file")
        with reporting(progress):
            report = _parse_file(Path(path), options, options.limits)
    except VnReportError as exc:
        if raise_on_error:
            raise
        return Report(status="failed", source=Source(path=recordable(str(path))),
                      errors=[PartError(part="document", type=type(exc).__name__,
                                        message=recordable(first_line(exc)) or type(exc).__name__)])
    if (shown := recordable(str(path))) != str(path):
        name_as(report, str(path), shown)
    return report


def _office_kind(head: bytes) -> str | None:
    """The kind of office file a zip's first bytes show (a spreadsheet is a zip too), None for
    another zip.

    >>> _office_kind(b"PK\x03\x04...xl/workbook.xml"), _office_kind(b"PK\x03\x04...a.pdf")
    ('spreadsheet (Excel .xlsx)', None)
    """
    for part, kind in ((b"xl/", "spreadsheet (Excel .xlsx)"), (b"ppt/", "presentation (PowerPoint .pptx)"),
                       (b"opendocument", "OpenDocument (.ods, .odp, .odt)")):
        if part in head:
            return kind
    return None


def name_as(report: Report, path: str, shown: str) -> None:
    """The records of the file read at ``path`` name it ``shown``: its source, its attachments'
    (which came from the same file), and the errors and warnings that name it. A file whose
    name holds bytes that are no UTF-8 (an old Windows archive's ``B\xe1o c\xe1o.txt``) as it
    can be written (:func:`.normalize.recordable`); a zip member read from a temporary copy by
    its logical path (``a.zip!b.docx``)."""
    report.source.path = shown
    for e in report.errors:
        e.message = e.message.replace(path, shown)
    for w in report.warnings:
        w.message = w.message.replace(path, shown)
    for attachment in report.attachments:
        name_as(attachment, path, shown)


def _parse_file(p: Path, options: ParseOptions, limits: Limits) -> Report:
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except ValueError:  # a NUL in the name: no file has it
        raise InputError(f"{recordable(str(p))!r}: no such file (a NUL character in the name)") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{p}: is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{p}: not a regular file (a device, FIFO or socket)")
    if st.st_size > limits.max_file_bytes:
        raise LimitExceededError("max_file_bytes", limits.max_file_bytes, value=st.st_size,
                                 what=f"{p}: {st.st_size} bytes")
    data = read_limited(p, limits)
    content = sniff(data[:SNIFF_BYTES], p)
    kind = reading(content, p.name)
    # A Word file saved under the other Word extension is common and read by its content; text
    # or an unknown binary under a document's extension is a broken (or disguised) file: read
    # as text, a text named .pdf would give an empty-looking report and exit 0.
    if kind.startswith("not-"):
        raise CorruptFileError(f"{p}: named {p.suffix} but the content is not a {promised_name(p.name)} file"
                               + (" (it is empty)" if not data else " (it is text)" if content in ("text", "markdown")
                                  else ""))
    sha = hashlib.sha256(data).hexdigest()
    if kind in ("text", "markdown"):
        source = Source(path=str(p), format=kind, sha256=sha)  # type: ignore[arg-type]
        text, legacy = decode(data, p)
        del data
        check_text_size(text, limits, str(p))
        doc = read_text(text, source)
        if legacy is not None:
            doc.warnings.append(legacy_warning(legacy))
        return build_report(doc, limits=limits, frame_expected=True)
    if kind in ("docx", "doc", "pdf"):
        from .readers import read_file

        del data
        return build_report(read_file(p, kind, sha, options, limits=limits), limits=limits, frame_expected=True)
    if kind == "zip":
        if (office := _office_kind(data[:SNIFF_BYTES])) is not None:
            raise UnsupportedFormatError(f"{p}: {office} files are not supported (PDF, DOCX, DOC, text and "
                                         "Markdown are)")
        raise UnsupportedFormatError(f"{p}: a zip archive is no document: convert reads one member by member "
                                     "(vnreport-extract convert, vnreport_extract.batch.convert)")
    raise UnsupportedFormatError(f"{p}: {kind} files are not supported (PDF, DOCX, DOC, text and Markdown are)")
