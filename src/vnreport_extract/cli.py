"""Command line: ``vnreport-extract parse FILE``, ``convert INPUT... --out DIR`` and ``schema``.

Errors print one line to stderr and exit non-zero; never a traceback. The flags that say
how a document is read (``--ocr``, ``--pages`` ...) are the fields of
:class:`~vnreport_extract.options.ParseOptions`, shared by ``parse`` and ``convert``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from . import __version__
    from .flags import add_parse_options

    parser = _Parser(prog="vnreport-extract",
                     description="Turn Vietnamese government reports into typed, structured records.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("parse", help="parse one report file and print its Report as JSON")
    p.add_argument("file", help="a .txt, .md, .docx, .doc or .pdf report")
    p.add_argument("--indent", type=_indent, default=1, help="JSON indent, 0 to 16 (default 1; 0 for one line)")
    p.add_argument("--no-text", action="store_true", help="leave the full text out of the output")
    add_parse_options(p)
    s = sub.add_parser("schema", help="print the JSON Schema of Report (or of the options, or of the limits)")
    which = s.add_mutually_exclusive_group()
    which.add_argument("--options", action="store_true", help="the schema of ConvertOptions instead")
    which.add_argument("--limits", action="store_true",
                       help="the schema of Limits instead: what an input may cost before it is refused")
    from .batch.cli import add_convert_parser

    add_convert_parser(sub)
    return parser


def _parse(args: argparse.Namespace) -> int:
    from . import parse_file
    from .flags import parse_options

    show = _page_progress(sys.stderr)
    try:
        if not os.path.lexists(args.file) and ".zip!" in args.file.lower():
            # A zip member, named as the manifest and the reports table name it.
            from .batch.api import parse_member

            report = parse_member(args.file, parse_options(args))
        else:
            report = parse_file(args.file, parse_options(args), progress=show)
    finally:
        if show is not None:
            show(0, 0)  # wiped, before an error's line is printed over it
    # Without the text of the report, nor of its attachments (a cover letter's carried report).
    data = report.model_dump(mode="json", exclude={"text": True, "attachments": {"__all__": {"text"}}}
                             if args.no_text else None)
    indent = args.indent if args.indent > 0 else None
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")
    return EXIT_OK


def _page_progress(stream: TextIO) -> Callable[[int, int], None] | None:
    """On a terminal, ``OCR: page 3 of 16`` redrawn in place as a scan is read, then wiped; in
    a log (no terminal), nothing."""
    if not getattr(stream, "isatty", lambda: False)():
        return None

    drawn = False

    def show(done: int, total: int) -> None:
        """Draw ``done`` of ``total``; wipe the line when all are done (or ``show(0, 0)``)."""
        nonlocal drawn
        if done < total:
            stream.write(f"\r{f'OCR: {done} of {total} pages read':<40}\r")
            drawn = True
        elif drawn:
            stream.write("\r" + " " * 40 + "\r")
            drawn = False
        stream.flush()

    return show


def _schema(args: argparse.Namespace) -> int:
    from .limits import Limits
    from .models import Report
    from .options import ConvertOptions

    model = ConvertOptions if args.options else Limits if args.limits else Report
    sys.stdout.write(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=1) + "\n")
    return EXIT_OK


def _indent(value: str) -> int:
    """``--indent``: 0 (one line) to 16 spaces; a huge one would fill the memory with spaces."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 <= n <= 16:
        raise argparse.ArgumentTypeError(f"{n} is not between 0 and 16")
    return n


def main(argv: Sequence[str] | None = None) -> int:
    from .errors import VnReportError, first_line
    from .flags import OptionsError

    args = build_parser().parse_args(argv)
    try:
        if args.command == "parse":
            return _parse(args)
        if args.command == "convert":
            from .batch.cli import run_convert

            return run_convert(args)
        return _schema(args)
    except OptionsError as exc:
        print(f"vnreport-extract: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except VnReportError as exc:
        print(f"vnreport-extract: error: {type(exc).__name__}: {first_line(exc)}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("vnreport-extract: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # an internal error: still one line, never a traceback
        print(f"vnreport-extract: internal error: {type(exc).__name__}: {first_line(exc)}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
