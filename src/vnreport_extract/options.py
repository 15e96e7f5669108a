"""One options object for every way of parsing: :class:`ParseOptions` for
:func:`~vnreport_extract.parse_file` and :func:`~vnreport_extract.parse_text`, and
:class:`ConvertOptions` (the same, plus the batch run's own settings) for
:func:`vnreport_extract.batch.convert` and the Dask path.

Field names are the command line's flags with ``_`` for ``-`` (``ocr_dpi`` is
``--ocr-dpi``); the CLI builds these objects from its arguments, so a setting means the
same everywhere. Both are immutable and validated (a wrong value is a
``pydantic.ValidationError`` naming the field), and both are in the JSON Schema
(``vnreport-extract schema --options``).

>>> ParseOptions(ocr="off", pages="1-3,5").page_numbers(10)
[1, 2, 3, 5]
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from typing import Any, Literal, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .limits import Limits

OcrMode = Literal["auto", "on", "off"]
_PAGE_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)?\s*)?$")
MAX_TOOL_TIMEOUT = 86400.0
"""The longest ``ocr_timeout`` and ``doc_timeout``, in seconds (a day)."""


class ParseOptions(BaseModel):
    """How a document is read. The defaults suit a mixed archive of text and scans."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ocr: OcrMode = Field(
        default="auto",
        description="auto: OCR the PDF pages that have no usable text layer (none, or mojibake that does not "
                    "read as Vietnamese); on: OCR every page (a text layer that is garbled or absent is ignored); "
                    "off: never OCR (pages without usable text are reported as errors and the report is partial)")
    ocr_languages: str = Field(
        default="vie", pattern=r"^[A-Za-z_]+(?:\+[A-Za-z_]+)*$",
        description="Tesseract languages, joined by '+' (vie; vie+eng reads worse on Vietnamese reports)")
    ocr_dpi: int | None = Field(
        default=None, ge=70, le=600,
        description="rasterising resolution for OCR; default: a scanned page's own resolution, at most 300 "
                    "(below 150 ppi twice it, at most 240)")
    ocr_diacritics: bool = Field(
        default=True,
        description="restore the diacritics of words the OCR misread where the context clearly decides "
                    "(Lâm Đông → Lâm Đồng), each repair an ocr-diacritics warning; false: the OCR's words as read")
    ocr_in_process: bool = Field(
        default=True,
        description="run Tesseract inside this process through its library (libtesseract, the same readings "
                    "as the tesseract command, each language model loaded once); false, or a tesseract command "
                    "outside /usr/bin, /bin and /usr/local/bin, or a library of another version than the "
                    "command's: a tesseract process per run")
    # Finite and at most a day: the timeout waits on a child process (select/poll), which fails on an
    # infinite or enormous one, so that every document would fail.
    ocr_timeout: float = Field(default=180.0, gt=0, le=MAX_TOOL_TIMEOUT, allow_inf_nan=False,
                               description="seconds for Tesseract on one page (more than 0, at most 86400)")
    doc_timeout: float = Field(default=120.0, gt=0, le=MAX_TOOL_TIMEOUT, allow_inf_nan=False,
                               description="seconds for LibreOffice to convert one .doc (more than 0, at most 86400)")
    tesseract: str | None = Field(default=None, description="path of the tesseract binary (default: found on PATH)")
    libreoffice: str | None = Field(default=None, description="path of the soffice binary (default: found on PATH)")
    pages: str | None = Field(
        default=None, description="PDF pages to read, 1-based, e.g. '1-3,5' or '2-' (default: all)")
    limits: Limits = Field(
        default_factory=Limits,
        description="what one input may cost (bytes, characters, pages, pixels, nesting, cells) before it is "
                    "refused with a LimitExceededError naming the limit")

    @field_validator("pages")
    @classmethod
    def _check_pages(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = [p for p in value.split(",") if p.strip()]
        if not parts:
            raise ValueError("an empty page range")
        for part in parts:
            m = _PAGE_RANGE.match(part)
            if not m or int(m.group(1)) < 1 or (m.group(2) and int(m.group(2)) < int(m.group(1))):
                raise ValueError(f"{part.strip()!r} is not a page or a range of pages like 2-5")
        return value

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with the fields of ``update`` changed, checked as options are when made (the
        options are frozen: a copy is how one is changed). pydantic's own copy takes any value as it
        is, so that ``ocr="Off"`` would pass and be read as ``auto``.

        >>> ParseOptions().model_copy(update={"ocr": "off"}).ocr
        'off'
        >>> try:
        ...     ParseOptions().model_copy(update={"ocr": "Off"})
        ... except ValueError as exc:
        ...     print(type(exc).__name__)
        ValidationError
        """
        if not update:
            return super().model_copy(deep=deep)
        return self.model_validate({**{name: getattr(self, name) for name in type(self).model_fields}, **update})

    def page_numbers(self, total: int) -> list[int]:
        """The 1-based pages to read of a document of ``total`` pages, in order, each once.

        >>> ParseOptions(pages="4-,2").page_numbers(5)
        [2, 4, 5]
        >>> ParseOptions().page_numbers(3)
        [1, 2, 3]
        """
        if self.pages is None:
            return list(range(1, total + 1))
        chosen: set[int] = set()
        for part in self.pages.split(","):
            m = _PAGE_RANGE.match(part)
            if not m:
                continue
            first = int(m.group(1))
            last = int(m.group(2)) if m.group(2) else (total if "-" in part else first)
            chosen.update(range(first, min(last, total) + 1))
        return sorted(chosen)


class ConvertOptions(ParseOptions):
    """A batch conversion (``vnreport-extract convert``): how each document is parsed, plus
    how the run goes."""

    # Built on first use: a parse never needs it.
    model_config = ConfigDict(defer_build=True)

    workers: int | None = Field(default=None, ge=1, description="parallel worker processes (default: the CPU count)")
    formats: tuple[str, ...] | None = Field(
        default=None,
        description="output formats among json, jsonl, parquet, csv (default: jsonl and json, plus parquet when "
                    "the analytics extra is installed)")
    timeout: float | None = Field(default=300.0, gt=0, description="seconds per document before its worker is killed; "
                                  "a scan's OCR stops at 4/5 of it (a partial report, not a killed worker)")
    resume: bool = Field(default=False, description="continue the run recorded in the output folder")
    force: bool = Field(default=False, description="start over in an output folder that holds an earlier run")
    fail_fast: bool = Field(default=False, description="stop at the first document that fails")
    quiet: bool = Field(default=False, description="no progress bar and no summary")
    scheduler: str | None = Field(default=None, description="address of a Dask scheduler (tcp://HOST:PORT) to run on")
    follow_symlinks: bool = Field(
        default=False, description="read links in an input folder that lead out of it (by default: skipped)")

    @model_validator(mode="after")
    def _resume_or_force(self) -> ConvertOptions:
        """``resume`` continues the earlier run in the folder, ``force`` starts over: not both."""
        if self.resume and self.force:
            raise ValueError("resume and force exclude each other: continue the earlier run, or start over")
        return self

    def parse_options(self) -> ParseOptions:
        """The part of these options that each document's parse uses."""
        return ParseOptions(**{name: getattr(self, name) for name in ParseOptions.model_fields})


Opts = TypeVar("Opts", bound=ParseOptions)


def with_limits(options: Opts, limits: Limits | None, *, caller: str, stacklevel: int = 3) -> Opts:
    """``options`` with the ``limits`` given by the older ``limits=`` keyword of ``caller``.

    The limits are an option like any other (``ParseOptions(limits=Limits(...))``); the
    keyword still works but warns, and is removed in a later release. The warning names the
    line that called ``caller`` (``stacklevel`` frames up from here): Python shows a
    DeprecationWarning by default only when it is the caller's own code that triggers it.
    """
    if limits is None:
        return options
    warnings.warn(f"{caller}(limits=...) is deprecated: pass the limits in the options, "
                  f"{type(options).__name__}(limits=...)", DeprecationWarning, stacklevel=stacklevel)
    return options.model_copy(update={"limits": limits})


def as_parse_options(options: object, limits: object, caller: str) -> ParseOptions:
    """The :class:`ParseOptions` a caller gave, as the object or as a dict of its fields (a
    :class:`pydantic.ValidationError`, a ``ValueError``, for a wrong field); ``limits`` likewise."""
    if options is None:
        options = ParseOptions()
    elif isinstance(options, ConvertOptions):
        options = options.parse_options()  # what a document's parse takes of a run's options
    elif isinstance(options, Mapping):
        options = ParseOptions.model_validate(options)
    elif not isinstance(options, ParseOptions):
        raise TypeError(f"{caller}: options must be a ParseOptions (or a dict of its fields), "
                        f"not {type(options).__name__}")
    if isinstance(limits, Mapping):
        limits = Limits.model_validate(limits)
    elif limits is not None and not isinstance(limits, Limits):
        raise TypeError(f"{caller}: limits must be a Limits (or a dict of its fields), not {type(limits).__name__}")
    return with_limits(options, limits, caller=caller, stacklevel=4)


__all__ = ["ConvertOptions", "OcrMode", "ParseOptions", "as_parse_options", "with_limits"]
