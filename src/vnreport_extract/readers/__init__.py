"""Readers: one per input format, each turning a file into a :class:`SourceDocument`.

``text`` (plain text, Markdown), ``docx`` (the package's XML parts with lxml), ``doc`` (legacy
Word through LibreOffice, then ``docx``), ``pdf`` (pdfplumber; pages without a text
layer through ``ocr``). The format is chosen by content, not only by extension.
"""

from __future__ import annotations

from pathlib import Path

from ..document import SourceDocument
from ..errors import CorruptFileError, UnsupportedFormatError, VnReportError
from ..limits import Limits
from ..normalize import recordable
from ..options import ParseOptions
from ..progress import CallbackFailed


def read_file(path: Path, kind: str, sha256: str | None = None, options: ParseOptions | None = None, *,
              limits: Limits | None = None) -> SourceDocument:
    """The blocks of a binary document file of a given ``kind`` (``docx``, ``doc``, ``pdf``),
    read as ``options`` say (OCR, pages, tools and their timeouts).

    Whatever a third-party library raises on a broken file becomes a
    :class:`CorruptFileError` with a one-line message; a file past ``limits`` is a
    :class:`~vnreport_extract.limits.LimitExceededError`.
    """
    options = options or ParseOptions()
    limits = limits or Limits()
    try:
        doc = _read(path, kind, options, limits)
    except (VnReportError, KeyboardInterrupt, SystemExit):
        raise
    except CallbackFailed as exc:  # the caller's own progress callback: its error, as it is
        raise exc.error from None
    except MemoryError:
        raise CorruptFileError(f"{path}: not readable within the memory available") from None
    except RecursionError:
        raise CorruptFileError(f"{path}: not a readable {kind.upper()} file: nested too deeply") from None
    except Exception as exc:  # a library's own exception on a file it cannot read
        lines = str(exc).strip().splitlines()
        detail = f"{type(exc).__name__}: {lines[0][:200]}" if lines else type(exc).__name__
        raise CorruptFileError(f"{path}: not a readable {kind.upper()} file ({detail})") from exc
    if options.pages is not None and kind != "pdf":
        doc.warnings.append(("pages-ignored", f"--pages applies to PDF files; the whole {kind} was read"))
    doc.source.path = recordable(str(path))
    doc.source.sha256 = sha256
    return doc


def _read(path: Path, kind: str, options: ParseOptions, limits: Limits) -> SourceDocument:
    if kind == "docx":
        from .docx import read_docx

        return read_docx(path, limits=limits)
    if kind == "doc":
        from .doc import read_doc

        return read_doc(path, timeout=options.doc_timeout, soffice=options.libreoffice, limits=limits)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(path, options, limits=limits)
    raise UnsupportedFormatError(f"{path}: {kind} files are not supported")
