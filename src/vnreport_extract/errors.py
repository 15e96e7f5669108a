"""Named errors. Every failure the library reports on bad input is one of these."""

from __future__ import annotations


def first_line(error: BaseException | str) -> str:
    """An error's message on one line (its first): what a CLI line, a manifest entry or a
    PartError shows.

    >>> first_line(ValueError("bad page\\ntraceback ..."))
    'bad page'
    """
    lines = str(error).strip().splitlines()
    return lines[0] if lines else ""


class VnReportError(Exception):
    """Base class of the errors this library raises on bad input."""


class InputError(VnReportError):
    """The input cannot be read: missing file, a directory, undecodable bytes."""


class PasswordProtectedError(InputError):
    """The file is encrypted (a password-protected PDF, DOCX or DOC): it cannot be read
    without its password."""


class OutputError(VnReportError):
    """Results cannot be written: the output folder is read-only, the disk is full, a
    permission is missing. Not a problem of any one input: a batch run stops at it."""


class OutputLockedError(OutputError):
    """Another ``convert`` run holds the output folder: two runs into one folder would each
    rewrite its manifest and lose the other's results, so the second stops before any work.
    ``folder`` is the output folder, ``pid`` the process id of the run that holds it (None when
    unknown). The hold ends with that run, even when it is killed.

    >>> str(OutputLockedError("out", 4242))
    'out is in use by another convert run (pid 4242): wait for it to end, or choose another output folder'
    """

    def __init__(self, folder: str, pid: int | None = None) -> None:
        holder = f"pid {pid}" if pid is not None else "pid unknown"
        super().__init__(f"{folder} is in use by another convert run ({holder}): wait for it to end, or choose "
                         "another output folder")
        self.folder = folder
        self.pid = pid


class UnsupportedFormatError(VnReportError):
    """The file's format has no reader (by content, not only by extension)."""


class CorruptFileError(VnReportError):
    """The file claims a supported format but its content is broken or truncated."""


class OcrError(CorruptFileError):
    """Tesseract failed on a page's image or ran past ``ocr_timeout``: the file may be sound,
    its pages could not be read. A :class:`CorruptFileError` too, for the callers that catch
    those."""


# How the OCR reader says a page was left unread at the document's time limit (max_ocr_seconds).
OCR_TIME_LIMIT = "OCR time limit:"


def ocr_error_type(why: str) -> type[CorruptFileError]:
    """The error of a page the OCR reader could not read, by the reason it gives: Tesseract's
    failures and timeouts (``OCR: Tesseract timed out ...``) are :class:`OcrError`; a page that
    could not be rasterised is a :class:`CorruptFileError`. (A page left unread at the
    document's OCR time limit, ``OCR time limit: ...``, is a ``LimitExceededError``.)

    >>> ocr_error_type("OCR: Tesseract timed out after 1 s on page 2").__name__, ocr_error_type("bad page").__name__
    ('OcrError', 'CorruptFileError')
    """
    return OcrError if why.startswith("OCR:") else CorruptFileError


class MissingComponentError(VnReportError):
    """A system component a reader needs (Tesseract, LibreOffice) is not installed."""

    def __init__(self, component: str, package: str, *, at: str | None = None, why: str = "",
                 by_setup: bool = True) -> None:
        if at is not None:
            super().__init__(f"{component} is not installed at {at}" + (f" ({why})" if why else ""))
        else:
            # (``by_setup``: whether scripts/setup-system.sh installs it; not a language the user chose.)
            super().__init__(f"{component} is not installed: install the Debian package {package!r}"
                             + (" (scripts/setup-system.sh does)" if by_setup else
                                f" (apt-get install {package}: scripts/setup-system.sh installs only the data "
                                "the defaults use)"))
        self.component = component
        self.package = package
