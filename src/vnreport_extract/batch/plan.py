"""The plan of a batch run, whatever executes it: which inputs to parse, which an earlier
run already converted (``--resume``), which are duplicates of another (same sha256: parsed
once), what each outcome was (the manifest, written as outcomes arrive), and at the end
the outputs rebuilt from what is recorded.

An executor (:mod:`.local`: worker processes on this machine; :mod:`.dask`: a Dask
cluster) only hashes and parses: it asks :meth:`Plan.admit` whether an input needs parsing
and reports each result to :meth:`Plan.complete`. Resume, duplicates, fail-fast and the
manifest therefore behave the same on every executor.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import OutputError, VnReportError
from ..limits import Limits
from .inputs import DEFAULT_LIMITS, MEMBER_SEP, Item, expand_inputs
from .outputs import (
    MANIFEST,
    ManifestLog,
    atomic_text,
    drop_unasked,
    entry_problem,
    finalize,
    is_done,
    is_report_file,
    manifest_entry,
    read_manifest,
    store_problem,
    write_manifest,
)
from .progress import NullProgress, Progress

FAIL_FAST_MESSAGE = "not converted: --fail-fast stopped the run after a failure"
WORK = ".tmp"
"""The run's temporary folder inside the output folder (extracted zip members, the workers'
own folders): nothing is written outside the output folder, and a run that was killed
leaves it for the next one to clean."""


class UsageError(ValueError):
    """The run was asked for something it cannot do (unknown format, missing extra,
    an output folder holding an earlier run without ``resume``, an unreachable scheduler)."""


@dataclass
class ConvertSummary:
    """What a run did. ``counts`` are final statuses of this run's inputs (``ok``,
    ``error``, ``timeout``, ``skipped``, ``duplicate``); ``resumed`` how many of them an
    earlier run had already converted; ``rows`` the row count of each table written;
    ``partial`` how many reports are missing a part (a page, an attachment); ``warnings``
    the entries of an earlier run's manifest that ``resume`` could not trust (damaged, or their
    report missing) and what became of each: converted again, or dropped."""

    out: Path
    total: int
    counts: dict[str, int]
    resumed: int
    seconds: float
    rows: dict[str, int] = field(default_factory=dict)
    peak_rss_kb: dict[int, int] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)
    parse_seconds: float = 0.0
    partial: int = 0
    # What --resume could not trust in the earlier run's manifest, and what it did about it.
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        """Inputs that failed: errors and timeouts. A file met in a folder that is no document to
        read (``skipped``) is not a failure; nor are the inputs ``--fail-fast`` left unread,
        which follow a failure."""
        return self.counts.get("error", 0) + self.counts.get("timeout", 0)

    @property
    def exit_code(self) -> int:
        """0 when no input failed (each was converted, is a duplicate of one that was, or was met
        in a folder and is no document to read), else 1."""
        return 1 if self.failed else 0

    def text(self, *, max_failures: int = 20) -> str:
        # The files this run read: converted or failed, not those an earlier run converted, nor
        # duplicates and skipped files (never parsed).
        worked = sum(self.counts.get(s, 0) for s in ("ok", "error", "timeout")) - self.resumed
        rate = worked / self.seconds if self.seconds > 0 else 0.0
        statuses = ", ".join(f"{self.counts.get(s, 0)} {s}" for s in ("ok", "duplicate", "error", "timeout",
                                                                       "skipped"))
        # The rate of the files this run read; those an earlier run converted cost nothing.
        speed = "" if not worked else f" ({rate:.1f} files/s)" if not self.resumed else \
            f" ({worked} read by this run, {rate:.1f} files/s)"
        files = "1 file" if self.total == 1 else f"{self.total} files"
        lines = [f"{files} in {self.seconds:.1f} s{speed}: {statuses}"
                 + (f" ({self.partial} partial)" if self.partial else "")
                 + (f"; {self.resumed} already converted by an earlier run" if self.resumed else "")]
        if self.rows:
            lines.append("tables: " + ", ".join(f"{name} {n}" for name, n in self.rows.items()))
        lines += self.failure_lines(max_failures=max_failures)
        lines.append(f"output: {self.out}")
        return "\n".join(lines)

    def failure_lines(self, *, max_failures: int = 20) -> list[str]:
        """One line per input that failed (``  error: a.pdf: CorruptFileError: ...``), the first
        ``max_failures`` of them, and how many more the manifest lists."""
        lines = []
        for entry in self.failures[:max_failures]:
            lines.append(f"  {entry['status']}: {failure(entry)}")
        if len(self.failures) > max_failures:
            lines.append(f"  ... and {len(self.failures) - max_failures} more (see {MANIFEST})")
        return lines


def failure(entry: dict[str, Any]) -> str:
    """A failed entry as one line: its path, error type and message, the path said once.

    >>> failure({"path": "a.pdf", "error_type": "CorruptFileError", "error": "a.pdf: named .pdf but empty"})
    'a.pdf: CorruptFileError: named .pdf but empty'
    """
    error = str(entry["error"]).removeprefix(f"{entry['path']}: ")  # the message names the file too
    return f"{entry['path']}: {entry['error_type']}: {error}"


def split_key(key: str) -> tuple[str, str | None]:
    """A manifest key as the file and, for a zip member, the member's name: the key splits at a
    ``!`` after a ``.zip`` (a folder may hold a ``!`` in its name).

    >>> split_key("docs/b.zip!c.txt"), split_key("docs!old/a.pdf"), split_key("a.zip!x.txt#2")
    (('docs/b.zip', 'c.txt'), ('docs!old/a.pdf', None), ('a.zip', 'x.txt#2'))
    """
    at = key.find("!")
    while at >= 0:
        if key[:at].lower().endswith(".zip"):
            return key[:at], key[at + 1:]
        at = key.find("!", at + 1)
    return key, None


def _glob_pattern(pattern: str) -> re.Pattern[str]:
    """A glob as a regular expression, as :func:`glob.glob` with ``recursive=True`` reads it:
    ``*`` and ``?`` within one name, ``**/`` any number of folders (none too).

    >>> one, deep = _glob_pattern("docs/*.txt"), _glob_pattern("d/**/*.txt")
    >>> bool(one.fullmatch("docs/sub/c.txt")), bool(deep.fullmatch("d/a.txt")), bool(deep.fullmatch("d/x/y/a.txt"))
    (False, True, True)
    """
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and (close := pattern.find("]", i + 2)) > 0:
            inner = pattern[i + 1:close]
            out.append("[" + ("^" + inner[1:] if inner.startswith("!") else inner) + "]")
            i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def under(key: str, root: str) -> bool:
    """Whether the manifest's ``key`` (``dir/a.pdf``, ``dir/b.zip!c.txt``) is an input that
    ``root`` (a folder, a file or a glob, as named) lists.

    >>> under("docs/a.pdf", "docs"), under("docs/b.zip!c.txt", "docs/"), under("docs/b.zip!c.txt", "docs/b.zip")
    (True, True, True)
    >>> under("docs2/a.pdf", "docs"), under("docs/a.pdf", "docs/*.pdf"), under("docs/a.txt", "docs/*.pdf")
    (False, True, False)
    >>> under("a.txt", "."), under("../a.txt", "."), under("docs!old/a.pdf", "docs")
    (True, False, False)
    >>> under("docs/a.pdf", os.path.abspath("docs")), under(os.path.abspath("docs/a.pdf"), "docs")
    (True, True)
    """
    path = split_key(key)[0]
    if any(c in root for c in "*?["):
        return _glob_pattern(root).fullmatch(path) is not None
    root = root.rstrip("/") or "/"
    if (root == "." and not path.startswith(("/", "../"))) or path == root or path.startswith(root + "/"):
        return True
    # Named otherwise now (relative then, absolute now; through a link to the folder): the same
    # place on disk. The key's file may be gone: its folders are resolved as far as they exist.
    try:
        real_root, real_path = os.path.realpath(root), os.path.realpath(path)
    except (OSError, ValueError):  # ValueError: a NUL in a name a damaged manifest gives
        return False
    return real_path == real_root or real_path.startswith(real_root.rstrip("/") + "/")


def _same_file(path: str, member: str | None) -> tuple[str, str | None] | None:
    """A file's real path (and member), to know it under another name (relative or absolute,
    through a link); None when it is gone."""
    try:
        return os.path.realpath(path, strict=True), member
    except (OSError, ValueError):  # ValueError: a NUL in a name a damaged manifest gives
        return None


def store_folder(out: Path, formats: set[str]) -> Path:
    """Where the run keeps one JSON per report: ``reports/`` when asked for, else ``.store/``."""
    return out / ("reports" if "json" in formats else ".store")


def adopt_store(out: Path, store: Path) -> None:
    """Move the reports an earlier run kept in the other store folder (``reports/`` when this
    run keeps ``.store/``, or the reverse: a resume that asks for JSON files, or no longer does)
    into ``store``, so that they are carried over, not converted again, and no folder of
    reports this run did not ask for is left behind. Only files named as reports are moved (a
    copy the store holds already is dropped); anything else stays, and so does the folder then."""
    other = out / (".store" if store.name == "reports" else "reports")
    if not other.is_dir() or other.is_symlink():
        return
    try:
        for file in other.iterdir():
            if not is_report_file(file.name) or not file.is_file() or file.is_symlink():
                continue
            if (store / file.name).exists():
                file.unlink()
            else:
                os.replace(file, store / file.name)
        with contextlib.suppress(OSError):
            other.rmdir()  # when nothing else was in it
    except OSError as exc:
        raise OutputError(f"cannot move the earlier run's reports from {other} to {store}: "
                          f"{exc.strerror or exc}") from None


def duplicate_entry(key: str, size: int | None, original: dict[str, Any]) -> dict[str, Any]:
    """The manifest entry of a file identical to an earlier one: ``duplicate`` of it when it
    was converted, or the original's failure when it was not."""
    status = "duplicate" if original["status"] in ("ok", "duplicate") else original["status"]
    first = original.get("duplicate_of") or original["path"]
    fields: dict[str, Any] = {}
    if original.get("error") and status != "duplicate":
        # The original's failure is this file's: its message names this file.
        fields["error"] = str(original["error"]).replace(first, key)
    return manifest_entry(key, sha256=original["sha256"], size=size, result=original, duplicate_of=first,
                          status=status, seconds=0.0, **fields)


def _shared_reports(entries: dict[str, dict[str, Any]]) -> set[str]:
    """The report ids that two or more entries converted on their own (not as duplicates) hold.

    >>> _shared_reports({"a.pdf": {"status": "ok", "report_id": "r1"},
    ...                  "b.txt": {"status": "ok", "report_id": "r1"},
    ...                  "c.pdf": {"status": "duplicate", "report_id": "r1"},
    ...                  "d.txt": {"status": "ok", "report_id": "r2"}})
    {'r1'}
    """
    seen: set[str] = set()
    shared: set[str] = set()
    for entry in entries.values():
        if entry.get("status") == "ok" and (rid := entry.get("report_id")):
            (shared if rid in seen else seen).add(rid)
    return shared


def content_key(sha256: str, reading: str) -> str:
    """What makes two inputs one: the same bytes read the same way (``reading``:
    :func:`~vnreport_extract.formats.read_as`), which their content decides, and for some their
    name (text named ``.md`` is Markdown, named ``.pdf`` an error). A PDF copied under ``.txt``
    is the same report as the PDF: one of them is parsed, the other is its duplicate.

    >>> content_key("ab12", "pdf") == content_key("ab12", "pdf") != content_key("ab12", "markdown")
    True
    """
    return f"{sha256}:{reading}"


@dataclass
class ExecutionStats:
    """What an executor measured: each worker's peak memory (where it knows it)."""

    peak_rss_kb: dict[int, int] = field(default_factory=dict)


ParquetWriter = Callable[[Path, list[dict[str, Any]], Path], dict[str, int]]


class Executor(Protocol):
    """What hashes and parses a plan's inputs: a context (connects, and closes what it
    started), ``run`` (asks :meth:`Plan.admit`, reports to :meth:`Plan.complete`), and the
    Parquet writer of its own, if it has one (else the plan's local writer is used)."""

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc: object) -> None: ...

    def run(self, plan: Plan) -> ExecutionStats: ...

    def parquet_writer(self) -> ParquetWriter | None: ...


class Plan:
    """The bookkeeping of one run between its inputs, an executor and the output folder."""

    def __init__(self, out: Path, items: list[Item], formats: set[str], *, resume: bool = False,
                 fail_fast: bool = False, progress: Progress | None = None, options: str | None = None,
                 roots: Sequence[str] = (), limits: Limits = DEFAULT_LIMITS) -> None:
        self.out = out
        # The inputs as named (folders, files, globs): an earlier run's document under one of
        # them that is no longer there was deleted; one elsewhere was named by that run alone.
        self.roots = list(roots)
        # A digest of the parse options: an earlier run's report is reused only if made with the same.
        self.options = options
        self.items = list(items)
        self.formats = formats
        self.fail_fast = fail_fast
        self.store = store_folder(out, formats)
        try:
            self.store.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a file of that name in the folder
            raise OutputError(f"cannot make the folder {self.store}: {exc.strerror or exc}") from None
        # A run to continue (its manifest there): the outputs it kept in other formats are its own.
        self.continues = resume and (out / MANIFEST).is_file()
        if self.continues:
            adopt_store(out, self.store)
        # What the earlier run's manifest says that cannot be trusted, one line each (see _read_previous).
        self.warnings: list[str] = []
        # Every entry the earlier run's manifest holds, trusted or not (their real paths), and those
        # this run trusts (set by _read_previous).
        self.recorded: dict[str, dict[str, Any]] = {}
        self.previous: dict[str, dict[str, Any]] = {}
        # Earlier keys whose file this run lists under another name (see admit): no longer listed.
        self.renamed: set[str] = set()
        self.previous = self._read_previous(limits) if resume else {}
        # A report that an earlier version stored once for two inputs it did not know to be one
        # (a PDF and its copy named .txt, each parsed, each writing the report): which path it
        # holds is whichever wrote last, so those inputs are converted again, as a fresh run would.
        self.shared_reports = _shared_reports(self.previous)
        for key, entry in self.previous.items():
            if entry.get("report_id") in self.shared_reports and entry["status"] == "ok":
                self.warnings.append(f"{key}: its report {entry['report_id']}.json was stored for other files too "
                                     f"by an earlier version: converting it again")
        # Made once the items are known: _read_previous may add some.
        self.progress = progress if progress is not None else NullProgress(len(self.items))
        self.final: dict[str, dict[str, Any]] = {}
        self.same_of: dict[str, str] = {}  # the content_key of each input sent to parse, until it completes
        self.first_of_content: dict[str, str] = {}
        self.outcome_of_content: dict[str, dict[str, Any]] = {}
        self.waiting: dict[str, list[tuple[str, int | None]]] = {}
        self.resumed = 0
        self.stop = False
        self.started = time.monotonic()
        self.log = ManifestLog(out / MANIFEST)

    def _read_previous(self, limits: Limits) -> dict[str, dict[str, Any]]:
        """The earlier run's manifest entries this run can trust (``--resume``). An entry that is
        damaged (see :func:`.outputs.entry_problem`: a report id that is no id, a field of the
        wrong type) or whose report is missing from the store or damaged there
        (:func:`.outputs.store_problem`) is not carried over: a document this
        run lists is converted again, as is one named by the earlier run alone when its file is
        still there (added to :attr:`items`); one whose file is gone is dropped. Each such entry
        is a line of :attr:`warnings`."""
        path = self.out / MANIFEST
        try:
            damaged: list[int] = []
            lines: list[int] = []
            recorded = read_manifest(path, damaged, lines)
            self.recorded = dict(recorded)
            self.warnings += [f"{MANIFEST} line {n} is damaged (cut short or edited): dropped; the document it "
                              f"listed is converted again" for n in damaged]
            # A run that was stopped leaves a log (an input retried has a line per try, the last one
            # its outcome): this one goes on from one line per input.
            if lines and lines[0] != len(recorded):
                write_manifest(path, recorded.values())
        except (OSError, ValueError) as exc:
            raise OutputError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
        trusted: dict[str, dict[str, Any]] = {}
        broken: dict[str, str] = {}
        for key, entry in recorded.items():
            problem = entry_problem(entry)
            if problem is not None:
                broken[key] = f"its entry in {MANIFEST} is damaged ({problem})"
                self.recorded.pop(key)  # nor is its real path to be trusted
            elif is_done(entry) and (why := store_problem(self.store, entry["report_id"])) is not None:
                broken[key] = f"its report {entry['report_id']}.json {why}"
            else:
                trusted[key] = entry
        # Listed by this run (under this name or another of its file): converted as any input; gone
        # from under the inputs: dropped, as any deleted document. Neither needs the entry.
        carried = [key for key in broken if not self._superseded(key)]
        found = self._find_again(carried, limits)
        for key, problem in broken.items():
            if key in found or self._listed_now(key):
                self.warnings.append(f"{key}: {problem}: converting it again")
            else:
                self.warnings.append(f"{key}: {problem}, and its file cannot be read again: dropped from the output")
        if found:
            self.items += [found[key] for key in carried if key in found]
            for name in ("_current_keys", "_current_files", "_current_archives"):
                self.__dict__.pop(name, None)  # cached from the items as they were
        return trusted

    def _find_again(self, keys: list[str], limits: Limits) -> dict[str, Item]:
        """The inputs of an earlier run's ``keys`` (``dir/a.pdf``, ``dir/b.zip!c.txt``) as items,
        listed again from their files; a key whose file is gone, or names no file, is left out."""
        found: dict[str, Item] = {}
        listed_of: dict[str, list[Item]] = {}
        for key in keys:
            member = split_key(key)[1]
            real = self._real(key)
            # Only an existing file: a key is never read as a glob, nor a folder walked. Where the
            # earlier run recorded it, whatever folder that run was started from.
            path = real[0] if real is not None else split_key(key)[0]
            if not os.path.lexists(path) or os.path.isdir(path):
                continue
            if path not in listed_of:
                try:
                    listed_of[path] = expand_inputs([path], exclude=self.out, limits=limits)
                except VnReportError:
                    listed_of[path] = []
            for item in listed_of[path]:
                if (item.member is None) if member is None else item.key.endswith(f"{MEMBER_SEP}{member}"):
                    found[key] = dataclasses.replace(item, key=key, named=False)  # under its earlier name
                    break
        return found

    def record(self, entry: dict[str, Any]) -> None:
        """Record one final outcome (manifest line, progress); ``--fail-fast`` stops at a failure.
        A worker that could not write its report stops the run with an :class:`OutputError`:
        every document would fail the same way."""
        if entry.get("error_type") == "OutputError":
            raise OutputError(entry["error"])
        # Where the file is, whatever folder the run was started from: a later --resume from another
        # one reads the key (a relative path) against its own folder.
        if entry.get("real_path") is None and (real := _same_file(split_key(entry["path"])[0], None)) is not None:
            entry["real_path"] = real[0]
        self.final[entry["path"]] = entry
        try:
            self.log.append(entry)
        except OSError as exc:
            raise OutputError(f"cannot write to {self.out / MANIFEST}: {exc.strerror or exc}") from None
        self.progress.update(entry["status"])
        if entry["status"] in ("error", "timeout") and self.fail_fast and not self.stop:
            self.stop = True
            self.progress.message(f"failed: {failure(entry)}")

    def skip(self, item: Item) -> None:
        """An input that is no document to read (a FIFO, a link out of the folder, a .xlsx): met
        in a folder, it is listed as skipped; named by the user, it is an error."""
        self.record(manifest_entry(item.key, status="error" if item.named else "skipped",
                                   error_type="SkippedInputError", error=item.skipped))

    def refuse(self, item: Item, error_type: str, error: str) -> None:
        """An input that cannot even be read (an unsafe zip member, an unreadable file)."""
        self.record(manifest_entry(item.key, status="error", error_type=error_type, error=error))

    def admit(self, item: Item, sha256: str, size: int | None, reading: str) -> bool:
        """Whether ``item`` (hashed; read as ``reading``) must be parsed. If not, it was
        converted by an earlier run (carried over: same content, same options, nothing partial)
        or is a duplicate (recorded now, or when its original completes)."""
        prev = self.previous.get(item.key)
        if prev is None:
            # Named otherwise by the earlier run (from another folder): known by its real path, or
            # for a manifest that recorded none, by its content where its name means nothing here.
            earlier = self._previous_of_file.get(_same_file(item.path, item.member)) \
                or self._unplaced_by_content.get((sha256, size))
            prev = self.previous[earlier] if earlier is not None else None
        same = content_key(sha256, reading)
        # A duplicate is never carried over: its original may have changed or gone since; nor is a
        # report whose content this run reads already under another name (listed before it now).
        if (prev is not None and prev.get("sha256") == sha256 and is_done(prev) and prev["status"] != "duplicate"
                and same not in self.first_of_content
                and prev.get("report_status") != "partial" and prev.get("options") == self.options
                and prev["report_id"] not in self.shared_reports
                and (self.store / f"{prev['report_id']}.json").exists()):
            if prev["path"] != item.key:  # listed under this run's name for it, its report too
                self.renamed.add(prev["path"])
                self._rename_report(prev, item.key)
                real = _same_file(item.path, None)
                prev = dict(prev, path=item.key, real_path=real[0] if real else prev.get("real_path"))
            self.final[item.key] = prev
            self.progress.update(prev["status"], worked=False)
            self.resumed += 1
            self.first_of_content.setdefault(same, prev.get("duplicate_of") or item.key)
            self.outcome_of_content.setdefault(same, prev)
            return False
        if same in self.first_of_content:
            if same in self.outcome_of_content:
                self.record(duplicate_entry(item.key, size, self.outcome_of_content[same]))
            else:
                self.waiting.setdefault(same, []).append((item.key, size))
            return False
        self.first_of_content[same] = item.key
        self.same_of[item.key] = same
        return True

    def complete(self, key: str, sha256: str, size: int | None, result: dict[str, Any]) -> None:
        """An executor's result for a parsed input; its waiting duplicates follow it."""
        entry = manifest_entry(key, sha256=sha256, size=size, result=result, options=self.options)
        self.record(entry)
        same = self.same_of.pop(key)
        self.outcome_of_content[same] = entry
        for dup_key, dup_size in self.waiting.pop(same, []):
            self.record(duplicate_entry(dup_key, dup_size, entry))

    def finish(self, stats: ExecutionStats, write_parquet: ParquetWriter | None = None) -> ConvertSummary:
        """Close the manifest, write the outputs from it, and sum the run up. ``write_parquet``
        writes the Parquet tables instead of the local writer (the Dask executor's parts)."""
        for item in self.items:  # only --fail-fast leaves inputs without an outcome
            if item.key in self.final:
                continue
            # What listing the inputs already knew stands: why a file is no document to read.
            if item.skipped:
                self.skip(item)
            elif item.refused:
                self.refuse(item, "ArchiveRefusedError", item.refused)
            else:
                self.record(manifest_entry(item.key, status="skipped", error_type="FailFast",
                                           error=FAIL_FAST_MESSAGE))
        self.log.close()
        parse_seconds = time.monotonic() - self.started
        entries = [self.final[item.key] for item in self.items]
        entries += [e for key, e in self.previous.items() if not self._superseded(key)]
        try:
            if self.continues:
                drop_unasked(self.out, self.formats)
        except OSError as exc:
            raise OutputError(f"cannot remove an earlier run's outputs from {self.out}: "
                              f"{exc.strerror or exc}") from None
        if write_parquet is not None and "parquet" in self.formats:
            finalize(self.out, entries, self.store, self.formats - {"parquet"})
            rows = write_parquet(self.out, entries, self.store)  # the same tables, counted once
        else:
            try:
                rows = finalize(self.out, entries, self.store, self.formats)
            except OSError as exc:
                raise OutputError(f"cannot write to {self.out}: {exc.strerror or exc}") from None
        return summarize(self.out, entries[:len(self.items)], resumed=self.resumed,
                         seconds=time.monotonic() - self.started, rows=rows, peak_rss_kb=stats.peak_rss_kb,
                         parse_seconds=parse_seconds, progress=self.progress, warnings=self.warnings)

    def _superseded(self, key: str) -> bool:
        """Whether an earlier run's document has no place in this run's output: this run lists
        it, or the same file under another name (relative, absolute, through a link), or it was
        under this run's inputs and is gone (deleted, or a member no longer in its archive). One
        named by that run alone, or under the inputs but not listed (a hidden file the earlier
        run named), stays: a run adds to the output."""
        if key in self.renamed or self._listed_now(key):
            return True
        member = split_key(key)[1]
        recorded = self._recorded_path(key)
        where = key if recorded is None else recorded + (f"{MEMBER_SEP}{member}" if member is not None else "")
        if not any(under(where, root) for root in self.roots):
            return False
        real = self._real(key)
        return real is None or (member is not None and real[0] in self._current_archives)

    def _listed_now(self, key: str) -> bool:
        """Whether this run lists an earlier run's document, under its name or another of its file."""
        if key in self._current_keys:
            return True
        real = self._real(key)
        return real is not None and real in self._current_files

    def _real(self, key: str) -> tuple[str, str | None] | None:
        """The file (real path) and member of an earlier run's ``key``: the one its entry recorded
        (a key is relative to the folder that run started from, which may not be this run's), else
        the key resolved here; None when the file is gone."""
        path, member = split_key(key)
        return _same_file(self._recorded_path(key) or path, member)

    def _recorded_path(self, key: str) -> str | None:
        """The real path an earlier run's entry of ``key`` recorded (not a damaged entry's), or None."""
        recorded = (self.recorded.get(key) or {}).get("real_path")
        return recorded if isinstance(recorded, str) else None

    @functools.cached_property
    def _previous_of_file(self) -> dict[tuple[str, str | None] | None, str]:
        """The earlier run's keys by their file (see :meth:`_real`)."""
        return {real: key for key in self.previous if (real := self._real(key)) is not None}

    @functools.cached_property
    def _unplaced_by_content(self) -> dict[tuple[str, int | None], str]:
        """The earlier run's converted entries with no real path recorded (an older version's) whose
        key names no file from here, by content (sha256, size): the one key of each content."""
        out: dict[tuple[str, int | None], str] = {}
        seen: set[tuple[str, int | None]] = set()
        for key, entry in self.previous.items():
            if entry.get("real_path") is None and is_done(entry) and entry["status"] == "ok" \
                    and self._real(key) is None and isinstance(entry.get("sha256"), str):
                content = (entry["sha256"], entry.get("size"))
                if content in seen:
                    out.pop(content, None)  # two files of one content: neither is known by it
                else:
                    seen.add(content)
                    out[content] = key
        return out

    def _rename_report(self, entry: dict[str, Any], key: str) -> None:
        """The stored report of an earlier run's ``entry`` names its file ``key`` now."""
        from ..models import Report
        from ..pipeline import name_as

        stored = self.store / f"{entry['report_id']}.json"
        try:
            report = Report.model_validate_json(stored.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # checked when read (store_problem): nothing to rename in a report that is not there
        name_as(report, str(entry["path"]), key)
        try:
            with atomic_text(stored) as f:
                f.write(report.model_dump_json())
        except OSError as exc:
            raise OutputError(f"cannot write {stored}: {exc.strerror or exc}") from None

    @functools.cached_property
    def _current_keys(self) -> set[str]:
        return {item.key for item in self.items}

    @functools.cached_property
    def _current_files(self) -> set[tuple[str, str | None]]:
        found = (_same_file(item.path, item.member) for item in self.items)
        return {f for f in found if f is not None}

    @functools.cached_property
    def _current_archives(self) -> set[str]:
        found = (_same_file(item.path, None) for item in self.items if item.member is not None)
        return {f[0] for f in found if f is not None}

    def close(self) -> None:
        """Close the manifest (idempotent): what was recorded stays for ``--resume``."""
        self.log.close()


def summarize(out: Path, entries: list[dict[str, Any]], *, resumed: int, seconds: float, rows: dict[str, int],
              peak_rss_kb: dict[int, int], parse_seconds: float, progress: Progress,
              warnings: Sequence[str] = ()) -> ConvertSummary:
    counts = {s: 0 for s in ("ok", "duplicate", "error", "timeout", "skipped")}
    for e in entries:
        counts[e["status"]] = counts.get(e["status"], 0) + 1
    summary = ConvertSummary(out, len(entries), counts, resumed, seconds, rows, dict(peak_rss_kb),
                             [e for e in entries if e["status"] in ("error", "timeout")], parse_seconds,
                             partial=sum(1 for e in entries if e.get("report_status") == "partial"),
                             warnings=list(warnings))
    progress.finish(summary.text())
    return summary
