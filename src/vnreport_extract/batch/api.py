"""The batch API: :func:`convert` (an archive to an output folder) and
:func:`iter_reports` (an archive to Reports, in this process).

A run, step by step: list the inputs (:func:`.inputs.expand_inputs`); for each item in
turn, refuse it, skip it (already ``ok`` in the manifest of an earlier run, with the same
sha256, under ``resume``), mark it a duplicate (a file with the same sha256 was met
before: parsed once), or hand it to a worker; record each outcome in the manifest as it
arrives; finally rebuild ``reports.jsonl`` and the tables from what is recorded
(:func:`.outputs.finalize`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import InputError, VnReportError
from .inputs import DEFAULT_LIMITS, Item, Materialized, ZipLimits, expand_inputs, materialize
from .outputs import (
    FORMATS,
    MANIFEST,
    ManifestLog,
    finalize,
    is_done,
    manifest_entry,
    read_manifest,
    remove_stale_temporaries,
)
from .progress import NullProgress, Progress
from .worker import DEFAULT_PARSER, WorkerPool

if TYPE_CHECKING:
    from ..models import Report

FAIL_FAST_MESSAGE = "not converted: --fail-fast stopped the run after a failure"


class UsageError(ValueError):
    """The run was asked for something it cannot do (unknown format, missing extra,
    an output folder holding an earlier run without ``resume``)."""


@dataclass
class ConvertSummary:
    """What a run did. ``counts`` are final statuses of this run's inputs (``ok``,
    ``error``, ``timeout``, ``skipped``, ``duplicate``); ``resumed`` how many of them an
    earlier run had already converted; ``rows`` the row count of each table written."""

    out: Path
    total: int
    counts: dict[str, int]
    resumed: int
    seconds: float
    rows: dict[str, int] = field(default_factory=dict)
    peak_rss_kb: dict[int, int] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)
    parse_seconds: float = 0.0

    @property
    def failed(self) -> int:
        return self.counts.get("error", 0) + self.counts.get("timeout", 0) + self.counts.get("skipped", 0)

    @property
    def exit_code(self) -> int:
        """0 when every input was converted (or is a duplicate of one that was), else 1."""
        return 1 if self.failed else 0

    def text(self, *, max_failures: int = 20) -> str:
        worked = self.total - self.resumed
        rate = worked / self.seconds if self.seconds > 0 else 0.0
        statuses = ", ".join(f"{self.counts.get(s, 0)} {s}" for s in ("ok", "duplicate", "error", "timeout",
                                                                       "skipped"))
        lines = [f"{self.total} files in {self.seconds:.1f} s ({rate:.1f} files/s): {statuses}"
                 + (f"; {self.resumed} already converted by an earlier run" if self.resumed else "")]
        if self.rows:
            lines.append("tables: " + ", ".join(f"{name} {n}" for name, n in self.rows.items()))
        for entry in self.failures[:max_failures]:
            lines.append(f"  {entry['status']}: {entry['path']}: {entry['error_type']}: {entry['error']}")
        if len(self.failures) > max_failures:
            lines.append(f"  ... and {len(self.failures) - max_failures} more (see {MANIFEST})")
        lines.append(f"output: {self.out}")
        return "\n".join(lines)


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


def store_folder(out: Path, formats: set[str]) -> Path:
    """Where the run keeps one JSON per report: ``reports/`` when asked for, else ``.store/``."""
    return out / ("reports" if "json" in formats else ".store")


def prepare_output(out: Path, *, resume: bool, force: bool) -> None:
    """Create the output folder; refuse to mix a new run into an earlier one's."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    if (out / MANIFEST).exists() and not resume:
        if not force:
            raise UsageError(f"{out} holds an earlier run ({MANIFEST}): continue it with --resume, or start "
                             "over with --force")
        _clear_outputs(out)
    for folder in (out, out / "reports", out / ".store", out / "tables"):
        remove_stale_temporaries(folder)


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


def duplicate_entry(key: str, size: int | None, original: dict[str, Any]) -> dict[str, Any]:
    """The manifest entry of a file identical to an earlier one: ``duplicate`` of it when it
    was converted, or the original's failure when it was not."""
    status = "duplicate" if original["status"] in ("ok", "duplicate") else original["status"]
    return manifest_entry(key, sha256=original["sha256"], size=size, result=original,
                          duplicate_of=original.get("duplicate_of") or original["path"],
                          status=status, seconds=0.0)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def convert(inputs: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str], *,
            workers: int | None = None, formats: Iterable[str] = ("json", "parquet"),
            timeout: float | None = 300.0, resume: bool = False, force: bool = False, fail_fast: bool = False,
            quiet: bool = True, stream: IO[str] | None = None, parser: str = DEFAULT_PARSER,
            limits: ZipLimits = DEFAULT_LIMITS, scheduler: str | None = None) -> ConvertSummary:
    """Convert files, folders, globs and ``.zip`` archives into ``out`` (see
    :mod:`.outputs` for the layout). ``parser`` (``module:function``, a path in, a Report
    out) replaces :func:`~vnreport_extract.parse_file` in the workers. ``scheduler``
    (``tcp://HOST:PORT``) runs the conversion on a Dask cluster instead of local workers.

    Raises :class:`UsageError` or :class:`~vnreport_extract.InputError` before any work
    for what the command line reports as a usage error (exit 2).
    """
    chosen = parse_formats(formats)
    out_dir = Path(out)
    if workers is not None and workers < 1:
        raise UsageError("--workers must be at least 1")
    if timeout is not None and timeout <= 0:
        raise UsageError("--timeout must be positive")
    if scheduler is not None:
        if fail_fast:
            raise UsageError("--fail-fast is not available with --scheduler")
        from ..dask import convert_on_cluster

        return convert_on_cluster(inputs, out_dir, scheduler=scheduler, formats=chosen, timeout=timeout,
                                  resume=resume, force=force, quiet=quiet, stream=stream, parser=parser,
                                  limits=limits)
    items = expand_inputs(inputs, exclude=out_dir, limits=limits)
    prepare_output(out_dir, resume=resume, force=force)
    run = _Run(out_dir, items, chosen, resume=resume, fail_fast=fail_fast, limits=limits,
               progress=NullProgress(len(items)) if quiet else Progress(len(items), stream=stream))
    return run.execute(workers or default_workers(), timeout, parser)


class _Run:
    """One local conversion: the bookkeeping between the inputs, the pool and the manifest."""

    def __init__(self, out: Path, items: list[Item], formats: set[str], *, resume: bool, fail_fast: bool,
                 limits: ZipLimits, progress: Progress) -> None:
        self.out = out
        self.items = items
        self.formats = formats
        self.fail_fast = fail_fast
        self.limits = limits
        self.progress = progress
        self.store = store_folder(out, formats)
        self.store.mkdir(parents=True, exist_ok=True)
        self.previous = read_manifest(out / MANIFEST) if resume else {}
        self.final: dict[str, dict[str, Any]] = {}
        self.first_of_sha: dict[str, str] = {}
        self.outcome_of_sha: dict[str, dict[str, Any]] = {}
        self.waiting_dups: dict[str, list[tuple[str, int]]] = {}
        self.in_flight: dict[int, tuple[Item, Materialized]] = {}
        self.resumed = 0
        self.stop = False
        self.log: ManifestLog | None = None

    def record(self, entry: dict[str, Any]) -> None:
        self.final[entry["path"]] = entry
        assert self.log is not None
        self.log.append(entry)
        self.progress.update(entry["status"])
        if entry["status"] in ("error", "timeout") and self.fail_fast and not self.stop:
            self.stop = True
            self.progress.message(f"failed: {entry['path']}: {entry['error_type']}: {entry['error']}")

    def _carried(self, item: Item, sha: str) -> bool:
        prev = self.previous.get(item.key)
        if prev is None or prev.get("sha256") != sha or not is_done(prev):
            return False
        if not (self.store / f"{prev['report_id']}.json").exists():
            return False
        self.final[item.key] = prev
        self.progress.update(prev["status"], worked=False)
        self.resumed += 1
        self.first_of_sha.setdefault(sha, prev.get("duplicate_of") or item.key)
        self.outcome_of_sha.setdefault(sha, prev)
        return True

    def tasks(self, tmpdir: Path) -> Iterator[tuple[int, dict[str, Any]]]:
        for serial, item in enumerate(self.items):
            if self.stop:
                return
            if item.refused:
                self.record(manifest_entry(item.key, status="error", error_type="ArchiveRefusedError",
                                           error=item.refused))
                continue
            try:
                mat = materialize(item, tmpdir, self.limits, serial=serial)
            except VnReportError as exc:
                self.record(manifest_entry(item.key, status="error", error_type=type(exc).__name__,
                                           error=str(exc)))
                continue
            sha = mat.sha256
            if self._carried(item, sha):
                _discard(mat)
                continue
            if sha in self.first_of_sha:
                _discard(mat)
                if sha in self.outcome_of_sha:
                    self.record(duplicate_entry(item.key, mat.size, self.outcome_of_sha[sha]))
                else:
                    self.waiting_dups.setdefault(sha, []).append((item.key, mat.size))
                continue
            self.first_of_sha[sha] = item.key
            self.in_flight[serial] = (item, mat)
            yield serial, {"path": str(mat.path), "key": item.key, "sha256": sha, "store": str(self.store)}

    def execute(self, workers: int, timeout: float | None, parser: str) -> ConvertSummary:
        started = time.monotonic()
        (self.out / "logs").mkdir(exist_ok=True)
        self.log = ManifestLog(self.out / MANIFEST)
        tmpdir = Path(tempfile.mkdtemp(prefix="vnreport-convert-"))
        pool: WorkerPool[int] = WorkerPool(min(workers, max(len(self.items), 1)), timeout=timeout,
                                           parser=parser, log=(self.out / "logs" / "workers.log").open("ab"))
        results = pool.run(self.tasks(tmpdir))
        try:
            for serial, result in results:
                item, mat = self.in_flight.pop(serial)
                _discard(mat)
                entry = manifest_entry(item.key, sha256=mat.sha256, size=mat.size, result=result)
                self.record(entry)
                self.outcome_of_sha[mat.sha256] = entry
                for key, size in self.waiting_dups.pop(mat.sha256, []):
                    self.record(duplicate_entry(key, size, entry))
                if self.stop:
                    break
            # Only --fail-fast leaves items without an outcome.
            for item in self.items:
                if item.key not in self.final:
                    self.record(manifest_entry(item.key, status="skipped", error_type="FailFast",
                                               error=FAIL_FAST_MESSAGE))
        finally:
            results.close()  # kills the workers still busy (--fail-fast, Ctrl-C)
            pool.close()
            if pool.log is not None:
                pool.log.close()
            shutil.rmtree(tmpdir, ignore_errors=True)
            self.log.close()
        parse_seconds = time.monotonic() - started
        entries = [self.final[item.key] for item in self.items]
        current = {item.key for item in self.items}
        entries += [e for key, e in self.previous.items() if key not in current]
        rows = finalize(self.out, entries, self.store, self.formats)
        return summarize(self.out, entries[:len(self.items)], resumed=self.resumed,
                         seconds=time.monotonic() - started, rows=rows, peak_rss_kb=pool.peak_rss_kb,
                         parse_seconds=parse_seconds, progress=self.progress)


def summarize(out: Path, entries: list[dict[str, Any]], *, resumed: int, seconds: float, rows: dict[str, int],
              peak_rss_kb: dict[int, int], parse_seconds: float, progress: Progress) -> ConvertSummary:
    counts = {s: 0 for s in ("ok", "duplicate", "error", "timeout", "skipped")}
    for e in entries:
        counts[e["status"]] = counts.get(e["status"], 0) + 1
    summary = ConvertSummary(out, len(entries), counts, resumed, seconds, rows, dict(peak_rss_kb),
                             [e for e in entries if e["status"] in ("error", "timeout")], parse_seconds)
    progress.finish(summary.text())
    return summary


def _discard(mat: Materialized) -> None:
    if mat.temporary:
        mat.path.unlink(missing_ok=True)


def iter_reports(paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str], *, errors: str = "raise",
                 unique: bool = True, limits: ZipLimits = DEFAULT_LIMITS) -> Iterator[Report]:
    """Parse every document that ``paths`` name (files, folders, globs, zip members), one
    at a time in this process, and yield its Report (``source.path`` is the logical path,
    ``a.zip!b.docx`` for a member). ``errors="skip"`` passes over documents that fail
    instead of raising their named error; ``unique`` parses identical files once.

    >>> [r.metadata.doc_type for r in iter_reports("fixtures/seed/*.txt")]
    ['Báo cáo']
    """
    from ..pipeline import parse_file

    if errors not in ("raise", "skip"):
        raise ValueError("errors must be 'raise' or 'skip'")
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="vnreport-iter-") as tmp:
        for serial, item in enumerate(expand_inputs(paths, limits=limits)):
            try:
                mat = materialize(item, Path(tmp), limits, serial=serial)
            except VnReportError:
                if errors == "raise":
                    raise
                continue
            try:
                if unique and mat.sha256 in seen:
                    continue
                seen.add(mat.sha256)
                try:
                    report = parse_file(mat.path)
                except VnReportError:
                    if errors == "raise":
                        raise
                    continue
                report.source.path = item.key
                yield report
            finally:
                _discard(mat)


__all__ = ["ConvertSummary", "InputError", "UsageError", "convert", "iter_reports"]
