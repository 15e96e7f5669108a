"""The batch API: :func:`convert` (an archive to an output folder) and
:func:`iter_reports` (an archive to Reports, in this process).

A run: list the inputs (:func:`.inputs.expand_inputs`), prepare the output folder, then
an executor — :class:`.local.LocalExecutor` (worker processes here) or
:class:`.dask.DaskExecutor` (a Dask cluster) — hashes and parses the inputs under one
:class:`.plan.Plan`, which decides what is parsed (resume, duplicates), records the
manifest as outcomes arrive and finally writes ``reports.jsonl`` and the tables.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import InputError, OutputError, OutputLockedError, VnReportError, first_line
from ..limits import Limits
from ..normalize import recordable
from ..options import ConvertOptions, ParseOptions, as_parse_options
from .inputs import Item, close_archives, expand_inputs, input_list, input_roots, materialize
from .local import LocalExecutor, default_workers, discard
from .lock import OutputLock
from .outputs import FORMATS, MANIFEST, remove_stale_temporaries
from .plan import WORK, ConvertSummary, Executor, Plan, UsageError, content_key, store_folder
from .progress import NullProgress, Progress
from .worker import DEFAULT_PARSER, clean_work_folders, load_parser, takes_options

if TYPE_CHECKING:
    from ..models import Report


MAX_WARNINGS = 20
"""The warnings a run prints at most (all are in ``ConvertSummary.warnings``)."""


def analytics_available() -> bool:
    """Whether the analytics extra (pandas, pyarrow) is installed."""
    from importlib.util import find_spec

    return find_spec("pandas") is not None and find_spec("pyarrow") is not None


def default_formats() -> tuple[str, ...]:
    """What ``convert`` writes when not told: one JSON per report and ``reports.jsonl``
    always, the Parquet tables too when the analytics extra is installed."""
    return ("json", "jsonl", "parquet") if analytics_available() else ("json", "jsonl")


def parse_formats(formats: Iterable[str]) -> set[str]:
    """``["json,parquet", "csv"]`` → ``{"json", "parquet", "csv"}``; raises UsageError."""
    chosen = {f.strip().lower() for spec in formats for f in spec.split(",") if f.strip()}
    unknown = chosen - set(FORMATS)
    if unknown:
        raise UsageError(f"unknown format {', '.join(sorted(unknown))} (choose from {', '.join(FORMATS)})")
    if not chosen:
        raise UsageError("no output format given")
    if chosen & {"parquet"}:
        from .tables import require_analytics

        try:
            require_analytics()
        except ImportError as exc:
            raise UsageError(f"{exc} (or choose --format json, jsonl or csv)") from exc
    return chosen


def prepare_output(out: Path, *, resume: bool, force: bool) -> None:
    """Create the output folder; refuse to mix a new run into an earlier one's; remove what a
    killed run left (its workers' tools killed first). A folder that cannot be written is
    an :class:`OutputError`."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        if (out / MANIFEST).exists() and not resume:
            if not force:
                raise UsageError(f"{out} holds an earlier run ({MANIFEST}): continue it with --resume, or start "
                                 "over with --force")
            _clear_outputs(out)
        for folder in (out, out / "reports", out / ".store", out / "tables"):
            remove_stale_temporaries(folder)
        clean_work_folders(out / WORK)
        shutil.rmtree(out / WORK, ignore_errors=True)
        probe = out / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise OutputError(f"cannot write to {out}: {exc.strerror or exc}") from None


def _clear_outputs(out: Path) -> None:
    # Only what a run writes: a user's own files in the folder stay.
    from .outputs import prune_store
    from .tables import TABLE_NAMES

    (out / MANIFEST).unlink(missing_ok=True)
    (out / "reports.jsonl").unlink(missing_ok=True)
    for folder in (out / "reports", out / ".store"):
        prune_store(folder, set())
    for name in TABLE_NAMES:
        for suffix in (".parquet", ".csv"):
            target = out / "tables" / f"{name}{suffix}"
            if target.is_dir():
                shutil.rmtree(target)
            else:
                target.unlink(missing_ok=True)


def convert(inputs: Sequence[str | os.PathLike[str]] | str | os.PathLike[str], out: str | os.PathLike[str],
            options: ConvertOptions | ParseOptions | Mapping[str, Any] | None = None, *,
            stream: IO[str] | None = None, parser: str = DEFAULT_PARSER,
            **settings: Any) -> ConvertSummary:
    """Convert files, folders, globs and ``.zip`` archives (``inputs``: one path or a list of
    them) into ``out`` (see
    :mod:`.outputs` for the layout), as ``options`` say
    (:class:`~vnreport_extract.options.ConvertOptions`, a dict of its fields, or the reading
    options alone, a :class:`~vnreport_extract.options.ParseOptions`; keyword ``settings``
    override its fields: ``convert(paths, "out", workers=2, formats=["jsonl"])``). ``parser``
    (``module:function``, a path in, a Report out) replaces
    :func:`~vnreport_extract.parse_file` in the workers. The options' ``limits``
    (:class:`~vnreport_extract.limits.Limits`, ``convert(paths, "out", limits=Limits(...))``)
    bound what each input may cost, in this process (zip members) and in the workers, which
    get them with the rest of the options. An output folder that cannot be written is an
    :class:`~vnreport_extract.OutputError`; one that another run is converting into (see
    :mod:`.lock`), an :class:`~vnreport_extract.OutputLockedError`.

    Without ``options`` the run is quiet (no progress bar), as a library call should be.
    Raises :class:`UsageError` or :class:`~vnreport_extract.InputError` before any work
    for what the command line reports as a usage error (exit 2).
    """
    inputs = input_list(inputs)
    opts = _convert_options(options)
    if settings:
        try:
            opts = ConvertOptions(**{**opts.model_dump(), **settings})
        except ValueError as exc:  # pydantic's ValidationError names the field
            raise UsageError(_first_error(exc)) from exc
    chosen = parse_formats(opts.formats or default_formats())
    if not os.fspath(out):  # Path("") is the current folder: a run would write all over it
        raise UsageError("the output folder is an empty path: name a folder (--out DIR)")
    out_dir = Path(out)
    if opts.scheduler is not None and opts.fail_fast:
        raise UsageError("--fail-fast is not available with --scheduler")
    items = expand_inputs(inputs, exclude=out_dir, limits=opts.limits, follow_symlinks=opts.follow_symlinks)
    parse_options = opts.parse_options()
    if parse_options != ParseOptions() and not takes_options(load_parser(parser)):
        raise UsageError(f"the parser {parser} takes no options; run it with the default reading options")
    executor: Executor
    if opts.scheduler is not None:
        from .dask import DaskExecutor

        executor = DaskExecutor(opts.scheduler, timeout=opts.timeout, parser=parser, options=parse_options)
    else:
        executor = LocalExecutor(workers=opts.workers, timeout=opts.timeout, parser=parser, options=parse_options)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"{out_dir}: exists and is not a folder")
    # One run at a time in a folder (a second one would lose this one's results), held until the
    # outputs are written; OutputLockedError at once when another run holds it. Taken once the
    # executor is there: an unreachable scheduler leaves no folder behind.
    with executor, OutputLock(out_dir):
        prepare_output(out_dir, resume=opts.resume, force=opts.force)
        plan = Plan(out_dir, items, chosen, resume=opts.resume, fail_fast=opts.fail_fast,
                    options=options_digest(parse_options, parser), roots=input_roots(inputs), limits=opts.limits)
        # Its items: resuming adds the earlier run's documents whose entries could not be trusted.
        total = len(plan.items)
        plan.progress = NullProgress(total) if opts.quiet else Progress(total, stream=stream)
        for line in plan.warnings[:MAX_WARNINGS]:
            plan.progress.message(f"warning: {line}")
        if len(plan.warnings) > MAX_WARNINGS:
            plan.progress.message(f"warning: ... and {len(plan.warnings) - MAX_WARNINGS} more entries of {MANIFEST} "
                                  "that could not be trusted")
        try:
            stats = executor.run(plan)
        except BaseException:
            plan.close()  # what was recorded stays for --resume
            raise
        return plan.finish(stats, executor.parquet_writer())


def options_digest(options: ParseOptions, parser: str = DEFAULT_PARSER) -> str:
    """A short digest of what made a report — the parse options, the parser (``module:function``)
    and this library's version — recorded with each report in the manifest: a resume reuses a
    report only when it would be made the same way now.

    >>> options_digest(ParseOptions()) == options_digest(ParseOptions(ocr="off"))
    False
    >>> options_digest(ParseOptions()) == options_digest(ParseOptions(), "mine:parse")
    False
    """
    import hashlib

    from .. import __version__

    made_by = options.model_dump_json() if parser == DEFAULT_PARSER else f"{options.model_dump_json()} {parser}"
    return hashlib.sha256(f"{made_by} {__version__}".encode()).hexdigest()[:12]


def _first_error(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        return f"{where}: {first.get('msg')}"
    return str(exc)


def _convert_options(options: object) -> ConvertOptions:
    """The options of a ``convert`` call: a :class:`ConvertOptions`, a dict of its fields, or the
    reading options alone (:class:`ParseOptions`); none: the defaults, quiet (a library call).

    >>> _convert_options({"workers": 1}).workers, _convert_options(ParseOptions(ocr="off")).ocr
    (1, 'off')
    >>> _convert_options("off")
    Traceback (most recent call last):
    TypeError: convert: options must be a ConvertOptions (or a dict of its fields, or a ParseOptions), not str
    """
    if options is None:
        return ConvertOptions(quiet=True)
    if isinstance(options, ConvertOptions):
        return options
    if isinstance(options, ParseOptions):
        return ConvertOptions(**options.model_dump(), quiet=True)
    if isinstance(options, Mapping):
        try:
            return ConvertOptions.model_validate({"quiet": True, **options})
        except ValueError as exc:  # pydantic's ValidationError names the field
            raise UsageError(_first_error(exc)) from exc
    raise TypeError(f"convert: options must be a ConvertOptions (or a dict of its fields, or a ParseOptions), "
                    f"not {type(options).__name__}")


def iter_reports(paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
                 options: ParseOptions | Mapping[str, Any] | None = None, *, errors: str = "raise", unique: bool = True,
                 limits: Limits | None = None) -> Iterator[Report]:
    """Parse every document that ``paths`` name (files, folders, globs, zip members), one
    at a time in this process with ``options``, and yield its Report (``source.path`` is
    the logical path, ``a.zip!b.docx`` for a member). A document that fails raises its
    named error (``errors="raise"``), is passed over (``"skip"``), or is yielded as a
    ``failed`` Report whose ``errors`` say why (``"report"``); ``unique`` parses identical
    files once. What a folder holds that is no document (see :func:`.inputs.expand_inputs`)
    is passed over; a path named in ``paths`` that is none (a FIFO) fails with a
    ``SkippedInputError``; ``options.limits`` bound what each document may cost (the ``limits``
    keyword is a deprecated alias).

    >>> [r.metadata.doc_type for r in iter_reports("fixtures/seed/*.txt")]
    ['Báo cáo']
    """
    # The arguments are checked at the call, not when the reports are first asked for.
    if errors not in ("raise", "skip", "report"):
        raise ValueError("errors must be 'raise', 'skip' or 'report'")
    return _reports(input_list(paths), as_parse_options(options, limits, "iter_reports"), errors, unique)


def _reports(paths: list[str | os.PathLike[str]], options: ParseOptions, errors: str, unique: bool
             ) -> Iterator[Report]:
    """:func:`iter_reports`, its arguments checked."""
    from ..pipeline import name_as, parse_file

    limits = options.limits
    seen: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="vnreport-iter-") as tmp:
        for serial, item in enumerate(expand_inputs(paths, limits=limits)):
            if item.skipped and not item.named:
                continue  # met in a folder, not a document (a FIFO, a .xlsx, a link out of the folder)
            try:
                mat = materialize(item, Path(tmp), limits, serial=serial)
            except VnReportError as exc:
                if errors == "raise":
                    raise
                if errors == "report":
                    yield _failed(item, exc)
                continue
            try:
                # The same bytes read the same way (a PDF named .txt is read as the PDF it is).
                same = content_key(mat.sha256, mat.reading)
                if unique and same in seen:
                    continue
                seen.add(same)
                try:
                    report = parse_file(mat.path, options)
                except VnReportError as exc:
                    if errors == "raise":
                        raise
                    if errors == "report":
                        yield _failed(item, str(exc).replace(str(mat.path), item.key), type(exc).__name__,
                                      sha256=mat.sha256, reading=mat.reading)
                    continue
                name_as(report, str(mat.path), item.key)  # a zip member's temporary copy: its attachments too
                yield report
            finally:
                discard(mat)
        close_archives()


def parse_member(key: str, options: ParseOptions | None = None) -> Report:
    """The report of one zip member named as the manifest and ``Report.source.path`` name it
    (``docs/a.zip!inner/b.docx``), read as :func:`iter_reports` reads it.

    Raises :class:`~vnreport_extract.InputError` when the archive is not there or holds no such
    member, and what :func:`~vnreport_extract.parse_file` raises for the member itself."""
    from ..pipeline import name_as, parse_file
    from .plan import split_key

    options = options or ParseOptions()
    archive, member = split_key(key)
    if member is None or not os.path.isfile(archive):
        raise InputError(f"{key}: no such file" + ("" if member is None else f" (nor zip archive {archive})"))
    # (By the key's end: a second member of one name is ``x.txt#2``, which its ``member`` does not hold.)
    wanted = [item for item in expand_inputs([archive], limits=options.limits) if item.key.endswith(f"!{member}")]
    if not wanted:
        raise InputError(f"{key}: {archive} holds no member {member!r}")
    item = wanted[0]
    if item.refused or item.skipped:
        raise InputError(f"{key}: {item.refused or item.skipped}")
    with tempfile.TemporaryDirectory(prefix="vnreport-member-") as tmp:
        mat = materialize(item, Path(tmp), options.limits)
        try:
            report = parse_file(mat.path, options)
            name_as(report, str(mat.path), item.key)
            return report
        finally:
            discard(mat)
            close_archives()


def _failed(item: Item, error: VnReportError | str, error_type: str | None = None, *,
            sha256: str | None = None, reading: str | None = None) -> Report:
    """The ``failed`` Report of the input ``item``: its file's sha256 when it was read (its
    ``report_id``, as in ``convert``'s manifest), and the format it was read as (``reading``,
    :func:`~vnreport_extract.formats.read_as`), or else the one its file's or member's name promises."""
    from ..formats import READERS, format_promised
    from ..models import PartError, Report, Source

    name = item.member if item.member is not None else item.path
    fmt = reading if reading in READERS else format_promised(name)
    return Report(status="failed", source=Source(path=item.key, sha256=sha256, format=fmt),  # type: ignore[arg-type]
                  errors=[PartError(part="document", type=error_type or type(error).__name__,
                                    message=recordable(first_line(error)))])


__all__ = ["ConvertSummary", "InputError", "OutputError", "OutputLockedError", "UsageError", "convert",
           "default_formats", "default_workers", "iter_reports", "store_folder"]
