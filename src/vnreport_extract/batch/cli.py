"""The ``convert`` command: ``vnreport-extract convert INPUT... --out DIR``.

Exit status: 0 when every input was converted, 1 when some failed (recorded in the
manifest), 2 for a usage error or an output folder that cannot be written or that another
run is converting into (``OutputLockedError``), 130 after Ctrl-C and 143 after SIGTERM
(the workers and their tools killed, the manifest holding every document finished so
far: ``--resume`` continues). Errors print one line, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from collections.abc import Iterator
from types import FrameType
from typing import Any

from .outputs import FORMATS

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the run is, so that it unwinds as after Ctrl-C."""


@contextlib.contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    def handler(signum: int, frame: FrameType | None) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals to whoever owns them
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def add_convert_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``convert`` to the command line's subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "convert", help="convert files, folders, globs and .zip archives into JSON and analytics tables",
        description="Convert every report that the inputs name (files, folders searched recursively, glob "
                    "patterns, .zip archives read member by member) into DIR: reports/<id>.json, "
                    "reports.jsonl, tables/<name>.parquet|.csv and manifest.jsonl. Exit status 0 when all "
                    "succeeded, 1 when some failed, 2 for a usage error.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="a file, a folder, a glob or a .zip archive")
    p.add_argument("--out", "-o", required=True, metavar="DIR", help="output folder")
    p.add_argument("--workers", "-j", type=int, default=None, metavar="N",
                   help="parallel worker processes (default: the number of CPUs)")
    p.add_argument("--formats", "--format", "-f", action="append", default=None, metavar="FMT", dest="formats",
                   help=f"output formats, repeated or comma-separated: {', '.join(FORMATS)} "
                        "(default: json,jsonl, plus parquet when the analytics extra is installed)")
    p.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS",
                   help="seconds per document before its worker is killed and it is recorded as timeout "
                        "(default 300); a scan's OCR stops at 4/5 of it, its report partial")
    # Continue an earlier run, or start over in its folder: one or the other.
    again = p.add_mutually_exclusive_group()
    again.add_argument("--resume", action="store_true",
                       help="continue the run recorded in DIR: documents already ok are not converted again")
    again.add_argument("--force", action="store_true",
                       help="start over in a DIR that holds an earlier run (its outputs are replaced)")
    p.add_argument("--fail-fast", action="store_true",
                   help="stop at the first document that fails (the rest are recorded as skipped; those "
                        "that are no documents, or were refused, with their own reason)")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="no progress bar and no summary; the inputs that failed are still listed on stderr")
    # The parse function the workers run (module:function), for tests and embedding; not advertised.
    p.add_argument("--parser", default=None, help=argparse.SUPPRESS)
    p.add_argument("--follow-symlinks", action="store_true",
                   help="read symbolic links that lead out of an input folder (by default they are listed as "
                        "skipped)")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="run on a Dask cluster (dask extra); folders and archives must be readable by its "
                        "workers and DIR writable by them")
    from ..flags import add_parse_options

    add_parse_options(p)
    return p


CONVERT_FLAGS = ("workers", "formats", "timeout", "resume", "force", "fail_fast", "quiet", "scheduler",
                 "follow_symlinks")


def run_convert(args: argparse.Namespace) -> int:
    """Run ``convert`` from parsed arguments; returns the exit status."""
    from pydantic import ValidationError

    from ..errors import InputError, OutputError
    from ..flags import PARSE_FLAGS, OptionsError, option_values, validation_message
    from ..options import ConvertOptions
    from .api import UsageError, convert

    try:
        options = ConvertOptions.model_validate(option_values(args, CONVERT_FLAGS + PARSE_FLAGS))
    except (ValidationError, OptionsError) as exc:
        message = validation_message(exc) if isinstance(exc, ValidationError) else str(exc)
        print(f"vnreport-extract convert: error: {message}", file=sys.stderr)
        return EXIT_USAGE
    try:
        with _sigterm_unwinds():
            summary = convert(args.inputs, args.out, options,
                              **({"parser": args.parser} if args.parser else {}))
    except (UsageError, InputError) as exc:
        print(f"vnreport-extract convert: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OutputError as exc:  # OutputLockedError too: another run holds the folder
        print(f"vnreport-extract convert: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Terminated:
        print("vnreport-extract convert: terminated; run again with --resume to continue", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("vnreport-extract convert: interrupted; run again with --resume to continue", file=sys.stderr)
        return EXIT_INTERRUPTED
    if options.quiet:
        # No bar and no summary; what failed is still said (the exit status alone names nothing).
        for line in summary.failure_lines():
            print(line.strip(), file=sys.stderr)
    if not any(summary.counts.get(status) for status in ("ok", "error", "timeout", "duplicate")):
        # (Inputs that are no documents, a spreadsheet or a link out of the folder, are skipped.)
        from .inputs import KNOWN_SUFFIXES

        print(f"vnreport-extract convert: warning: no documents in the inputs (folders are walked for "
              f"{' '.join(KNOWN_SUFFIXES)})", file=sys.stderr)
    return summary.exit_code
