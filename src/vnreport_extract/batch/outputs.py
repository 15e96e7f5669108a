"""What a batch run writes, and how it writes it so that a killed run loses nothing.

Layout of the output folder::

    manifest.jsonl           one line per input: path, sha256, status, report_id, error ...
    reports/<id>.json        one JSON per report (``--format json``)
    reports.jsonl            every report, one per line (``--format jsonl``)
    tables/<name>.parquet    analytics tables (``--format parquet``), and/or
    tables/<name>.csv        (``--format csv``)
    logs/workers.log         what the worker processes printed

Every file is written to a temporary name in its own folder, then renamed
(``os.replace`` is atomic on POSIX), so a reader — or a run resumed after SIGKILL —
sees either the old file or the new one, never half of one. The manifest is an
append-only log during the run (one ``write`` of one whole line per document, so a kill
can at most leave a torn last line, which reading ignores); at the end it is rewritten
in input order, one line per input. The reports of a run are kept in a *store*
(``reports/``, or ``.store/`` when JSON files were not asked for): ``reports.jsonl`` and
the tables are rebuilt from the store and the manifest at the end of every run, so they
depend only on what is recorded, not on the order in which workers finished.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..normalize import recordable

MANIFEST = "manifest.jsonl"
# ``report_status``: the Report's own status (``ok``, or ``partial`` when some pages or
# attachments could not be read: ``error`` then says which). ``options``: a digest of the
# ParseOptions the document was parsed with (``--resume`` parses again under other options).
MANIFEST_FIELDS = ("path", "sha256", "size", "status", "report_id", "format", "pages", "ocr", "report_status",
                   "seconds", "error_type", "error", "options", "duplicate_of", "real_path")
STATUSES = ("ok", "error", "timeout", "skipped", "duplicate")
FORMATS = ("json", "jsonl", "parquet", "csv")
REPORT_ID = re.compile(r"[0-9a-f]{16}")
"""A report's id as :func:`.tables.report_id` makes it: the first 16 hex digits of a sha256."""
_REPORT_FILE = re.compile(r"[0-9a-f]{16}(?:-\d+)?\.json")
_TMP_MARK = ".tmp-"


def _temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}{_TMP_MARK}{os.getpid()}")


def write_atomic(path: Path, data: bytes, *, fsync: bool = False) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    tmp = _temp_name(path)
    try:
        with tmp.open("wb") as f:
            f.write(data)
            if fsync:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_text(path: Path, *, newline: str | None = None) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` only when the block ends without error."""
    tmp = _temp_name(path)
    try:
        with tmp.open("w", encoding="utf-8", newline=newline) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files left by a killed run (``.name.tmp-<pid>``)."""
    if folder.is_dir():
        for p in folder.iterdir():
            if p.name.startswith(".") and _TMP_MARK in p.name and p.is_file():
                p.unlink(missing_ok=True)


def manifest_entry(key: str, *, sha256: str | None = None, size: int | None = None,
                   result: dict[str, Any] | None = None, duplicate_of: str | None = None,
                   **fields: Any) -> dict[str, Any]:
    """A manifest line, fields in a fixed order."""
    entry: dict[str, Any] = dict.fromkeys(MANIFEST_FIELDS)
    entry.update(path=key, sha256=sha256, size=size, duplicate_of=duplicate_of)
    for name in MANIFEST_FIELDS[3:-2]:
        if result is not None and name in result:
            entry[name] = result[name]
    entry.update(fields)
    # Written as UTF-8: a message naming a file whose name holds bytes that are no UTF-8 says them ``\xe1``.
    for name in ("error", "duplicate_of"):
        if isinstance(entry.get(name), str):
            entry[name] = recordable(entry[name])
    return entry


class ManifestLog:
    """The append-only manifest of a running conversion."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def append(self, entry: dict[str, Any]) -> None:
        # One write() of one whole line: a kill lands before or after it, not inside.
        os.write(self._fd, (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8"))

    def close(self) -> None:
        """Close the file; again is a no-op (never another file that reused the descriptor)."""
        fd, self._fd = self._fd, -1
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)


def read_manifest(path: Path, damaged: list[int] | None = None, lines: list[int] | None = None
                  ) -> dict[str, dict[str, Any]]:
    r"""The latest entry of each path, in the order paths first appear. A torn or broken
    line is ignored: the last one is a run killed while writing it; ``damaged``, when given,
    gets the numbers (1-based) of the others, cut short or edited; ``lines`` the count of lines.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = Path(d) / "m.jsonl"
    ...     _ = p.write_text('{"path": "a"}\n{"path": "b", "sta\n{"path": "c"}\n{"pa', encoding="utf-8")
    ...     bad: list[int] = []
    ...     list(read_manifest(p, bad)), bad
    (['a', 'c'], [2])
    """
    entries: dict[str, dict[str, Any]] = {}
    if not path.exists():
        return entries
    broken: list[int] = []
    number = 0
    with path.open(encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, 1):
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                broken.append(number)
                continue
            if isinstance(entry, dict) and isinstance(entry.get("path"), str):
                entries[entry["path"]] = entry
            else:
                broken.append(number)
    if damaged is not None:
        damaged.extend(n for n in broken if n != number)
    if lines is not None:
        lines.append(number)
    return entries


_TEXT_FIELDS = ("sha256", "format", "report_status", "error_type", "error", "options", "duplicate_of", "real_path")


def entry_problem(entry: dict[str, Any]) -> str | None:
    """Why an entry read back from a manifest cannot be trusted (a damaged or edited
    manifest), or None. A report id must be what :func:`.tables.report_id` makes (16
    lowercase hex digits): it names a file of the store, so ``../../x`` would be read from
    outside the output folder.

    >>> entry_problem(manifest_entry("a.txt", status="ok", report_id="0123456789abcdef")) is None
    True
    >>> entry_problem(manifest_entry("a.txt", status="ok", report_id="../../x"))
    "report_id '../../x' is not 16 lowercase hex digits"
    >>> entry_problem(manifest_entry("a.txt", status="ok", report_id=12))
    'report_id 12 is not 16 lowercase hex digits'
    """
    if "\x00" in entry.get("path", ""):
        return "its path holds a NUL character, which no file name has"
    status = entry.get("status")
    if not isinstance(status, str) or status not in STATUSES:
        return f"status {_shown(status)} is none of {', '.join(STATUSES)}"
    rid = entry.get("report_id")
    if rid is not None and not (isinstance(rid, str) and REPORT_ID.fullmatch(rid)):
        return f"report_id {_shown(rid)} is not 16 lowercase hex digits"
    if status in ("ok", "duplicate") and rid is None:
        return f"status {status} without a report_id"
    for name in _TEXT_FIELDS:
        if entry.get(name) is not None and not isinstance(entry[name], str):
            return f"{name} {_shown(entry[name])} is not a string"
    sha = entry.get("sha256")
    if rid is not None and sha and status in ("ok", "duplicate"):
        from .tables import report_id

        # Two entries' ids swapped, or edited: the entry would map its file to another's report.
        if rid != (made := report_id({"source": {"sha256": sha, "format": entry.get("format")}})):
            return f"report_id {_shown(rid)} is not that of its sha256 ({made})"
    for name in ("size", "pages"):
        value = entry.get(name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            return f"{name} {_shown(value)} is not a count"
    seconds = entry.get("seconds")
    if seconds is not None and (not isinstance(seconds, (int, float)) or isinstance(seconds, bool)):
        return f"seconds {_shown(seconds)} is not a number"
    if entry.get("ocr") is not None and not isinstance(entry["ocr"], bool):
        return f"ocr {_shown(entry['ocr'])} is not true or false"
    return None


def store_problem(store: Path, rid: str) -> str | None:
    """Why the stored report ``rid`` of an earlier run cannot be used, or None: missing, no
    UTF-8 JSON (cut short by a full disk, saved again with a byte order mark), or no Report
    (edited: a field of the wrong type): finishing the run from it would fail at the end, after
    every other document was converted, or write wrong rows."""
    from pydantic import ValidationError

    from ..models import Report

    file = store / f"{rid}.json"
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        return f"is missing from {store}"
    except OSError as exc:
        return f"cannot be read in {store} ({exc.strerror or exc})"
    try:
        data = json.loads(raw.decode("utf-8"))  # a byte order mark is refused, as the tables' reading does
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
        return f"in {store} is damaged (no JSON: {exc})"
    if not isinstance(data, dict) or not isinstance(data.get("source"), dict):
        return f"in {store} is damaged (no report: a JSON {type(data).__name__} without its source)"
    try:
        Report.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return f"in {store} is damaged (no report: {where}: {first['msg']})"
    return None


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def write_manifest(path: Path, entries: Iterable[dict[str, Any]]) -> None:
    with atomic_text(path) as f:
        for entry in entries:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")


def is_done(entry: dict[str, Any] | None) -> bool:
    """Whether a manifest entry needs no more work: converted, or a duplicate of one that was."""
    return entry is not None and entry.get("status") in ("ok", "duplicate") and bool(entry.get("report_id"))


def report_ids(entries: Iterable[dict[str, Any]]) -> list[str]:
    """The reports a manifest names, each once, in manifest order."""
    seen: dict[str, None] = {}
    for entry in entries:
        if is_done(entry):
            seen.setdefault(entry["report_id"], None)
    return list(seen)


def read_report_text(store: Path, rid: str) -> str:
    return (store / f"{rid}.json").read_text(encoding="utf-8").strip()


def is_report_file(name: str) -> bool:
    """Whether a file name is that of a stored report (``<id>.json``, ``<id>-1.json`` of an
    attachment).

    >>> is_report_file("0123456789abcdef-2.json"), is_report_file("notes.json")
    (True, False)
    """
    return _REPORT_FILE.fullmatch(name) is not None


def prune_store(store: Path, keep: set[str]) -> int:
    """Remove report files of the store that the manifest no longer names (a file that
    changed since an earlier run has a new id). Only files named like report ids."""
    removed = 0
    if store.is_dir():
        for p in store.iterdir():
            if _REPORT_FILE.fullmatch(p.name) and p.stem not in keep:
                p.unlink(missing_ok=True)
                removed += 1
    return removed


class TableWriters:
    """Streaming writers of the analytics tables: rows arrive report by report and are
    flushed every ``batch`` rows (a Parquet row group, CSV lines), never all held."""

    def __init__(self, folder: Path, formats: set[str], *, batch: int = 5000) -> None:
        from .tables import TABLES

        self.folder = folder
        self.formats = formats
        self.batch = batch
        self.counts = dict.fromkeys(TABLES, 0)
        self._rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self._parquet: dict[str, Any] = {}
        self._csv: dict[str, tuple[IO[str], Any]] = {}
        self._temps: list[tuple[Path, Path]] = []
        folder.mkdir(parents=True, exist_ok=True)
        for name, columns in TABLES.items():
            if "parquet" in formats:
                import pyarrow.parquet as pq

                from .tables import parquet_schema

                final = folder / f"{name}.parquet"
                self._temps.append((_temp_name(final), final))
                self._parquet[name] = pq.ParquetWriter(str(_temp_name(final)), parquet_schema(name),
                                                       compression="zstd")
            if "csv" in formats:
                final = folder / f"{name}.csv"
                self._temps.append((_temp_name(final), final))
                # With a byte order mark: Excel reads the file as UTF-8 (Vietnamese, not mojibake) only
                # then; pandas, DuckDB and csv with utf-8-sig skip it.
                f = _temp_name(final).open("w", encoding="utf-8-sig", newline="")
                writer = csv.writer(f)
                writer.writerow([c for c, _ in columns])
                self._csv[name] = (f, writer)

    def add(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        for name, extra in rows.items():
            self._rows[name].extend(extra)
            self.counts[name] += len(extra)
            if len(self._rows[name]) >= self.batch:
                self._flush(name)

    def _flush(self, name: str) -> None:
        rows = self._rows[name]
        if not rows:
            return
        from .tables import TABLES, arrow_table, csv_value

        if name in self._parquet:
            self._parquet[name].write_table(arrow_table(name, rows))
        if name in self._csv:
            columns = [c for c, _ in TABLES[name]]
            self._csv[name][1].writerows([csv_value(r.get(c)) for c in columns] for r in rows)
        self._rows[name] = []

    def close(self) -> None:
        """Flush, close and move every table into place."""
        for name in self._rows:
            self._flush(name)
        for writer in self._parquet.values():
            writer.close()
        for f, _ in self._csv.values():
            f.flush()
            os.fsync(f.fileno())
            f.close()
        for tmp, final in self._temps:
            _put_in_place(tmp, final)

    def abort(self) -> None:
        for writer in self._parquet.values():
            with contextlib.suppress(Exception):
                writer.close()
        for f, _ in self._csv.values():
            with contextlib.suppress(Exception):
                f.close()
        for tmp, _ in self._temps:
            tmp.unlink(missing_ok=True)


def _put_in_place(tmp: Path, final: Path) -> None:
    """Move the written table ``tmp`` to ``final``. A folder there (a Dask run's Parquet parts of
    the table, which a run without ``--scheduler`` resumes) is moved aside, and removed once the
    file is in its place."""
    if not final.is_dir() or final.is_symlink():
        os.replace(tmp, final)
        return
    import shutil

    aside = _temp_name(final).with_suffix(".old")
    shutil.rmtree(aside, ignore_errors=True)  # left by a run that stopped here
    final.rename(aside)
    os.replace(tmp, final)
    shutil.rmtree(aside, ignore_errors=True)


def drop_unasked(out: Path, formats: set[str]) -> None:
    """Remove what an earlier run in this folder wrote in a format this run does not write
    (``reports.jsonl``, the tables' ``.parquet`` or ``.csv``): a resumed run's folder is the one a
    fresh run would leave, with no file left over from documents as they were then."""
    import shutil

    from .tables import TABLE_NAMES

    if "jsonl" not in formats:
        (out / "reports.jsonl").unlink(missing_ok=True)
    for suffix in (".parquet", ".csv"):
        if suffix[1:] in formats:
            continue
        for name in TABLE_NAMES:
            target = out / "tables" / f"{name}{suffix}"
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)  # a Dask run's Parquet folder of parts
            else:
                target.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        (out / "tables").rmdir()  # when empty


def finalize(out: Path, entries: list[dict[str, Any]], store: Path, formats: set[str]) -> dict[str, int]:
    """Write the manifest in input order, ``reports.jsonl`` and the tables, from the store.
    Returns the row count of each table (empty when no table was asked for)."""
    from .tables import report_rows

    write_manifest(out / MANIFEST, entries)
    ids = report_ids(entries)
    prune_store(store, set(ids))
    want_tables = bool(formats & {"parquet", "csv"})
    writers = TableWriters(out / "tables", formats & {"parquet", "csv"}) if want_tables else None
    jsonl = atomic_text(out / "reports.jsonl") if "jsonl" in formats else None
    try:
        with jsonl if jsonl is not None else contextlib.nullcontext() as lines:
            for rid in ids:
                text = read_report_text(store, rid)
                if lines is not None:
                    lines.write(text + "\n")
                if writers is not None:
                    writers.add(report_rows(json.loads(text), rid))
        if writers is not None:
            writers.close()
    except BaseException:
        if writers is not None:
            writers.abort()
        raise
    return writers.counts if writers is not None else {}
