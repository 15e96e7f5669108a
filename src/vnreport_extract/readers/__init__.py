"""Readers: one per input format, each turning a file into a :class:`SourceDocument`.

``text`` (plain text, Markdown), ``docx`` (python-docx and its XML), ``doc`` (legacy
Word through LibreOffice, then ``docx``), ``pdf`` (pdfplumber; pages without a text
layer through ``ocr``). The format is chosen by content, not only by extension.
"""

from __future__ import annotations

from pathlib import Path

from ..document import SourceDocument
from ..errors import UnsupportedFormatError
from ..options import ParseOptions


def read_file(path: Path, kind: str, sha256: str | None = None,
              options: ParseOptions | None = None) -> SourceDocument:
    """The blocks of a binary document file of a given ``kind`` (``docx``, ``doc``, ``pdf``),
    read as ``options`` say (OCR, pages, tools and their timeouts)."""
    options = options or ParseOptions()
    if kind == "docx":
        from .docx import read_docx

        doc = read_docx(path)
    elif kind == "doc":
        from .doc import read_doc

        doc = read_doc(path, timeout=options.doc_timeout, soffice=options.libreoffice)
    elif kind == "pdf":
        from .pdf import read_pdf

        doc = read_pdf(path, options)
    else:
        raise UnsupportedFormatError(f"{path}: {kind} files are not supported")
    if options.pages is not None and kind != "pdf":
        doc.warnings.append(("pages-ignored", f"--pages applies to PDF files; the whole {kind} was read"))
    doc.source.path = str(path)
    doc.source.sha256 = sha256
    return doc
