"""Command-line flags of the options models: the ``parse`` and ``convert`` commands both
take the flags of :class:`~vnreport_extract.options.ParseOptions` from here, so a flag
and its field cannot drift apart."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .options import ParseOptions


def add_parse_options(p: argparse.ArgumentParser) -> None:
    """The flags of :class:`~vnreport_extract.options.ParseOptions` (defaults: the model's)."""
    g = p.add_argument_group("reading (options of every document)")
    g.add_argument("--ocr", choices=("auto", "on", "off"), default=None,
                   help="auto (default): OCR PDF pages without a usable text layer; on: every page; off: never")
    g.add_argument("--ocr-languages", metavar="LANGS", default=None,
                   help="Tesseract languages joined by + (default vie)")
    g.add_argument("--ocr-dpi", type=int, metavar="DPI", default=None,
                   help="rasterising resolution for OCR (default: a scan's own, at most 300; "
                        "below 150 ppi twice it, at most 240)")
    g.add_argument("--no-ocr-diacritics", dest="ocr_diacritics", action="store_const", const=False, default=None,
                   help="keep the OCR's words as read (default: restore misread diacritics where the context decides)")
    g.add_argument("--no-ocr-in-process", dest="ocr_in_process", action="store_const", const=False, default=None,
                   help="run each Tesseract reading as a tesseract process (default: through its library in "
                        "this process, the same readings, the model loaded once)")
    g.add_argument("--ocr-timeout", type=float, metavar="SECONDS", default=None,
                   help="seconds for Tesseract on one page (default 180)")
    g.add_argument("--doc-timeout", type=float, metavar="SECONDS", default=None,
                   help="seconds for LibreOffice to convert one .doc (default 120)")
    g.add_argument("--pages", metavar="RANGES", default=None, help="PDF pages to read, e.g. 1-3,5 (default all)")
    g.add_argument("--tesseract", metavar="PATH", default=None, help="the tesseract binary (default: on PATH)")
    g.add_argument("--libreoffice", metavar="PATH", default=None, help="the soffice binary (default: on PATH)")
    g.add_argument("--limit", action="append", metavar="NAME=VALUE", default=None, dest="limits",
                   help="loosen or tighten one limit, repeated: --limit max_pages=5000 "
                        "(names: vnreport-extract schema --limits)")


PARSE_FLAGS = ("ocr", "ocr_languages", "ocr_dpi", "ocr_diacritics", "ocr_in_process", "ocr_timeout", "doc_timeout",
               "pages", "tesseract", "libreoffice", "limits")


def option_values(args: argparse.Namespace, names: tuple[str, ...]) -> dict[str, object]:
    """The flags that were given (the rest keep the options model's defaults); the repeated
    ``--limit NAME=VALUE`` become the ``limits`` mapping."""
    values = {n: getattr(args, n) for n in names if getattr(args, n, None) is not None}
    if "limits" in values:
        pairs = [str(item).partition("=") for item in args.limits]
        bad = [name for name, eq, value in pairs if not eq or not name.strip() or not value.strip()]
        if bad:
            raise OptionsError(f"--limit: expected NAME=VALUE, got {bad[0]!r}")
        values["limits"] = {name.strip(): value.strip() for name, _, value in pairs}
    return values


def parse_options(args: argparse.Namespace) -> ParseOptions:
    """The :class:`~vnreport_extract.options.ParseOptions` of the ``parse`` command's flags; a
    value the model refuses is an :class:`OptionsError` naming its flag."""
    from pydantic import ValidationError

    from .options import ParseOptions

    try:
        return ParseOptions.model_validate(option_values(args, PARSE_FLAGS))
    except ValidationError as exc:
        raise OptionsError(validation_message(exc)) from exc


class OptionsError(ValueError):
    """A flag's value that the options model refuses (exit 2)."""


def validation_message(exc: Exception) -> str:
    """``--ocr-dpi: Input should be greater than or equal to 70`` from a pydantic error."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        loc = [str(x) for x in first.get("loc", ("?",))]
        if loc[0] == "limits":
            if first.get("type") == "extra_forbidden":  # a name no limit has
                return f"--limit {'.'.join(loc[1:])}: no such limit (names: vnreport-extract schema --limits)"
            return f"--limit {'.'.join(loc[1:])}: {first.get('msg')}"
        return f"--{loc[0].replace('_', '-')}: {first.get('msg')}"
    return str(exc)
