"""Beyond one machine: the batch conversion on a Dask cluster (the ``dask`` extra).

For a library user: :func:`reports_bag` (a ``dask.bag`` of reports, in their JSON form,
from files, folders, globs and zip archives), :func:`to_dataframes` (the analytics
tables of :mod:`vnreport_extract.batch.tables` as ``dask.dataframe`` s) and
:func:`write_tables` (partitioned Parquet: ``tables/<name>.parquet/part.N.parquet``).

For ``vnreport-extract convert --scheduler tcp://HOST:PORT``: :class:`DaskExecutor`, the
executor of a run's :class:`~.plan.Plan` (the same plan as the local run: resume,
duplicates and the manifest are the plan's), with hashing and parsing spread over the
cluster's workers. Inputs must be readable by
the workers and the output folder writable by them (a shared file system), since each
worker writes its reports into ``DIR/reports`` itself. On each Dask worker, documents
still run in a worker subprocess of :mod:`vnreport_extract.batch.worker`, so the
per-document timeout kills a hanging document there too.

Nothing here imports dask until a function is called.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import json
import math
import os
import shutil
import tempfile
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

from ..errors import VnReportError
from ..options import ParseOptions, as_parse_options
from .inputs import DEFAULT_LIMITS, Item, ZipLimits, expand_inputs, materialize
from .outputs import report_ids
from .plan import ExecutionStats, ParquetWriter, Plan, UsageError, content_key
from .tables import TABLES, arrow_schema, arrow_table, parquet_schema, report_rows
from .worker import DEFAULT_PARSER, WorkerPool

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

Result = dict[str, Any]
_local = threading.local()
# Every worker pool of this process (one per Dask thread), closed when the process ends.
_pools: list[WorkerPool[int]] = []
_pools_lock = threading.Lock()


def _m(name: str) -> ModuleType:
    # Dask's functions are mostly unannotated; reached through the module object they are
    # Any to mypy, instead of "untyped call" errors at every use.
    return importlib.import_module(name)


def _chunks(seq: Sequence[Any], size: int) -> list[list[Any]]:
    size = max(1, size)
    return [list(seq[i:i + size]) for i in range(0, len(seq), size)]


def hash_items(items: list[Item], limits: ZipLimits = DEFAULT_LIMITS) -> list[Result]:
    """On a worker: the sha256 and size of each item and how it is read (``reading``:
    :func:`~vnreport_extract.formats.read_as`), or why it cannot be read."""
    out: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="vnreport-hash-") as tmp:
        for serial, item in enumerate(items):
            if item.skipped:
                continue  # no document (a FIFO would block its reading): never opened
            if item.refused:
                out.append({"key": item.key, "error_type": "ArchiveRefusedError", "error": item.refused})
                continue
            try:
                mat = materialize(item, Path(tmp), limits, serial=serial)
            except VnReportError as exc:
                out.append({"key": item.key, "error_type": type(exc).__name__, "error": str(exc)})
                continue
            out.append({"key": item.key, "sha256": mat.sha256, "size": mat.size, "reading": mat.reading})
            if mat.temporary:
                mat.path.unlink(missing_ok=True)
    return out


def _worker_pool(parser: str, timeout: float | None, options: ParseOptions | None = None) -> WorkerPool[int]:
    # One warm worker subprocess per Dask thread, kept between tasks: starting one costs
    # a fraction of a second (imports, word lists) that a chunk of documents should not pay again.
    pool: WorkerPool[int] | None = getattr(_local, "pool", None)
    with _pools_lock:
        if pool is not None and pool not in _pools:
            pool = None  # closed with the others (the process is ending)
    if options == ParseOptions():
        options = None
    if pool is None or (pool.parser, pool.timeout, pool.options) != (parser, timeout, options):
        if pool is not None:
            pool.close()
            with _pools_lock:
                if pool in _pools:
                    _pools.remove(pool)
        pool = WorkerPool(1, timeout=timeout, parser=parser, persistent=True, options=options)
        _local.pool = pool
        with _pools_lock:
            _close_pools_at_exit()
            _pools.append(pool)
    return pool


@functools.cache
def _close_pools_at_exit() -> None:
    """Close the kept pools when this process ends: their worker subprocesses die with it in
    any case, but only a pool's close removes their temporary folders. A Dask worker process
    is a ``multiprocessing`` child, which leaves through ``os._exit`` and runs ``multiprocessing``'s
    finalizers, not ``atexit``: both are registered, once (a pool closes once)."""
    import atexit
    from multiprocessing import util

    atexit.register(_close_pools)
    util.Finalize(None, _close_pools, exitpriority=10)


def _close_pools() -> None:
    """Close every worker pool this process keeps for its Dask threads (their workers end,
    their temporary folders are removed); a thread that asks for its pool again gets a new one."""
    with _pools_lock:
        pools = _pools[:]
        _pools.clear()
    for pool in pools:
        pool.close()


def parse_items(items: list[tuple[Item, str | None, int | None]], store: str, *, timeout: float | None = None,
                parser: str = DEFAULT_PARSER, options: ParseOptions | None = None) -> list[tuple[str, Result]]:
    """On a worker: parse each item (with its sha256 and size) into ``store``; returns
    (logical path, worker result) pairs. ``options.limits`` bound the zip members extracted
    here and, inside the options, each parse."""
    limits = options.limits if options else DEFAULT_LIMITS
    results: list[tuple[str, Result]] = []
    with tempfile.TemporaryDirectory(prefix="vnreport-parse-") as tmp:
        mats = {}

        def tasks() -> Iterable[tuple[int, dict[str, Any]]]:
            for serial, (item, sha, _) in enumerate(items):
                try:
                    mat = materialize(item, Path(tmp), limits, serial=serial)
                except VnReportError as exc:
                    results.append((item.key, {"status": "error", "error_type": type(exc).__name__,
                                               "error": str(exc), "seconds": 0.0}))
                    continue
                mats[serial] = mat
                task: dict[str, Any] = {"path": str(mat.path), "key": item.key, "sha256": sha or mat.sha256,
                                        "store": store}
                yield serial, task

        for serial, result in _worker_pool(parser, timeout, options).run(tasks()):
            results.append((items[serial][0].key, result))
            mat = mats.pop(serial)
            if mat.temporary:
                mat.path.unlink(missing_ok=True)
    return results


def _first_of_each_content(chunks: list[list[Item]], hashes: list[list[Result]]) -> set[str]:
    """The keys of the items to parse: each content (:func:`.plan.content_key`) at its first
    item, in input order, and every item that could not be hashed (its parse records why)."""
    hash_of = {h["key"]: h for chunk in hashes for h in chunk if h.get("sha256") is not None}
    seen: set[str] = set()
    keep: set[str] = set()
    for item in (item for chunk in chunks for item in chunk):
        h = hash_of.get(item.key)
        if h is not None:
            same = content_key(h["sha256"], h["reading"])
            if same in seen:
                continue
            seen.add(same)
        keep.add(item.key)
    return keep


def _parse_to_reports(items: list[Item], timeout: float | None, parser: str,
                      options: ParseOptions | None = None, keep: set[str] | None = None) -> list[dict[str, Any]]:
    # Neither what a folder holds that is no document (a FIFO would block its reading) nor a
    # refused member is opened; nor, with ``keep``, a second copy of a content.
    items = [item for item in items if not item.skipped and not item.refused and (keep is None or item.key in keep)]
    with tempfile.TemporaryDirectory(prefix="vnreport-store-") as store:
        results = parse_items([(item, None, None) for item in items], store, timeout=timeout, parser=parser,
                              options=options)
        order = {item.key: i for i, item in enumerate(items)}
        reports = []
        for key, result in sorted(results, key=lambda kr: order[kr[0]]):
            if result.get("status") == "ok":
                report = json.loads((Path(store) / f"{result['report_id']}.json").read_text("utf-8"))
                # Identical files (``unique=False``) share one stored report: each keeps its own path.
                report["source"]["path"] = key
                reports.append(report)
        return reports


def _absolute(items: list[Item]) -> list[Item]:
    """Items whose files are named from the root: a worker reads them, and a worker started
    in another folder (the scheduler's, a node's home) would read a relative path from there.
    Their logical paths (``key``) stay as the user wrote them."""
    return [item if os.path.isabs(item.path) else dataclasses.replace(item, path=os.path.abspath(item.path))
            for item in items]


def reports_bag(inputs: Sequence[str | os.PathLike[str]] | str | os.PathLike[str], *, partition_size: int = 16,
                timeout: float | None = 300.0, parser: str = DEFAULT_PARSER,
                options: ParseOptions | Mapping[str, Any] | None = None, limits: ZipLimits | None = None,
                unique: bool = True) -> db.Bag:
    """A Dask bag of the reports (``Report.model_dump(mode="json")`` dicts) of every document
    the inputs name, each parsed with ``options`` (whose ``limits`` bound each input; the
    ``limits`` keyword is a deprecated alias). Documents that fail are left out
    (``convert`` records them); with ``unique``, identical files (the same bytes read the same
    way, :func:`.plan.content_key`) are parsed once, under the first one's path, as ``convert`` and
    :func:`.api.iter_reports` do: the workers hash the inputs first."""
    delayed = _m("dask").delayed
    if options is not None or limits is not None:
        options = as_parse_options(options, limits, "reports_bag")
    zip_limits = options.limits if options else DEFAULT_LIMITS
    items = _absolute(expand_inputs(inputs, limits=zip_limits))
    chunks = _chunks(items, partition_size)
    keep = None
    if unique and len(items) > 1:
        keep = delayed(_first_of_each_content)(chunks, [delayed(hash_items)(chunk, zip_limits) for chunk in chunks])
    # No inputs: one empty part (``delayed(list)()`` made a task Dask's bag optimisation fails on).
    parts = [delayed(_parse_to_reports)(chunk, timeout, parser, options, keep) for chunk in chunks] \
        or [delayed(_no_reports)()]
    return _m("dask.bag").from_delayed(parts)  # type: ignore[no-any-return]


def _no_reports() -> list[dict[str, Any]]:
    return []


def _read_reports(store: str, ids: list[str]) -> list[dict[str, Any]]:
    return [json.loads((Path(store) / f"{rid}.json").read_text(encoding="utf-8")) for rid in ids]


def _frames(reports: list[dict[str, Any]]) -> dict[str, pd.DataFrame]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for report in reports:
        for name, extra in report_rows(report).items():
            rows[name].extend(extra)
    # Arrow-backed columns: Dask hands them to Parquet with their exact types (an object
    # column of lists would be turned into strings by Dask's string conversion).
    import pandas as pd

    return {name: arrow_table(name, rows[name]).to_pandas(types_mapper=pd.ArrowDtype) for name in TABLES}


def _pick(frames: dict[str, pd.DataFrame], name: str) -> pd.DataFrame:
    return frames[name]


def to_dataframes(bag: db.Bag) -> dict[str, dd.DataFrame]:
    """The analytics tables of a bag of reports, one ``dask.dataframe`` per table, with the
    columns of :func:`vnreport_extract.batch.to_frames` as Arrow-backed pandas types
    (``string[pyarrow]``, ``int64[pyarrow]``, ``list<string>[pyarrow]``). Each partition of the bag
    is flattened once for all tables."""
    from .tables import require_analytics

    require_analytics()
    delayed, from_delayed = _m("dask").delayed, _m("dask.dataframe").from_delayed
    per_partition = [delayed(_frames)(part) for part in cast(Any, bag).to_delayed()]
    meta = _frames([])
    return {name: from_delayed([delayed(_pick)(p, name) for p in per_partition], meta=meta[name],
                               verify_meta=False)
            for name in TABLES}


def _write_part(frame: pd.DataFrame, name: str, path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # The same pandas metadata as the local run's tables: the files read back exactly alike.
    table = pa.Table.from_pandas(frame, schema=arrow_schema(name), preserve_index=False)
    pq.write_table(table.replace_schema_metadata(parquet_schema(name).metadata), path, compression="zstd")
    return int(table.num_rows)


def write_tables(frames: dict[str, dd.DataFrame], folder: str | os.PathLike[str]) -> dict[str, int]:
    """Write each table as partitioned Parquet, ``folder/<name>.parquet/part.NNNNN.parquet``
    (one file per partition, written by the workers), with the fixed column types of
    :func:`~vnreport_extract.batch.tables.arrow_schema`. Returns the row count of each table."""
    dask = _m("dask")
    target = Path(os.path.abspath(folder))  # the workers write the parts, from their own folders
    target.mkdir(parents=True, exist_ok=True)
    # Written aside, then swapped in: a reader never sees a table with half its parts.
    staging = Path(tempfile.mkdtemp(prefix=".tables-tmp-", dir=target))
    try:
        writes = {}
        for name, frame in frames.items():
            (staging / f"{name}.parquet").mkdir()
            writes[name] = [dask.delayed(_write_part)(part, name, str(staging / f"{name}.parquet"
                                                                        / f"part.{i:05d}.parquet"))
                            for i, part in enumerate(cast(Any, frame).to_delayed())]
        (done,) = dask.compute(writes)
        for name in frames:
            final = target / f"{name}.parquet"
            if final.is_dir():
                final.rename(staging / f"{name}.old")
            elif final.exists():
                final.unlink()
            (staging / f"{name}.parquet").rename(final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {name: sum(counts) for name, counts in done.items()}


# How long a run waits for a cluster with no worker yet to get one (seconds).
WORKER_WAIT = 30.0


def _wait_for_a_worker(client: Any) -> None:
    """Before any work: the cluster has a worker, waiting :data:`WORKER_WAIT` seconds for one
    (a :class:`UsageError` if none comes: the run's tasks would wait for ever)."""
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT)
    except (TimeoutError, OSError) as exc:
        address = client.scheduler.address
        raise UsageError(f"the Dask scheduler at {address} has no worker (waited {WORKER_WAIT:g} s): "
                         f"start one with 'dask worker {address}'") from exc


def check_workers_see(client: Any, folder: str) -> None:
    """Before any work: each of the cluster's workers sees the output ``folder``, into which
    they write the reports and tables (a :class:`UsageError` names those that do not: a worker on
    another machine needs the folder on a file system it shares with this one, under the same
    path; the inputs too)."""
    blind = blind_workers(client, folder)
    if blind:
        raise UsageError(f"{len(blind)} Dask worker(s) cannot see the output folder {folder} ({', '.join(blind)}): "
                         "the workers read the inputs and write the outputs themselves, so both must be on a "
                         "file system they share with this machine, under the same paths")


def blind_workers(client: Any, folder: str) -> list[str]:
    """The addresses of the cluster's workers on which ``folder`` is no folder."""
    return sorted(address for address, seen in client.run(os.path.isdir, folder).items() if not seen)


def _refused(address: object) -> str | None:
    """Why a ``tcp://HOST:PORT`` scheduler address refuses a connection at once (nothing listens
    there), or None: a Dask client retries a refused connection for its whole timeout (30 s)
    before it says so. Other addresses, and one that answers or is only slow, are the client's to try.

    >>> import socket
    >>> with socket.socket() as s:
    ...     s.bind(("127.0.0.1", 0))
    ...     port = s.getsockname()[1]
    >>> _refused(f"tcp://127.0.0.1:{port}"), _refused("inproc://x")
    ('connection refused', None)
    """
    import socket
    from urllib.parse import urlsplit

    if not isinstance(address, str) or not address.startswith("tcp://"):
        return None
    try:
        parts = urlsplit(address)
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    if not host or not port:
        return None
    try:
        with socket.create_connection((host, port), timeout=5):
            return None
    except ConnectionRefusedError:
        return "connection refused"
    except OSError:
        return None  # unreachable or slow: the client's own timeout says so


class DaskExecutor:
    """``convert --scheduler``: hashing and parsing spread over a Dask cluster's workers.
    ``scheduler`` is its address (``tcp://HOST:PORT``) or a ``distributed.Client``. The
    Parquet tables are written by the workers as partitioned folders
    (``tables/<name>.parquet/part.N.parquet``)."""

    def __init__(self, scheduler: Any, *, timeout: float | None = 300.0, parser: str = DEFAULT_PARSER,
                 options: ParseOptions | None = None) -> None:
        self.scheduler = scheduler
        self.timeout = timeout
        self.parser = parser
        self.options = options
        self.limits = options.limits if options else DEFAULT_LIMITS
        self.client: Any = None
        self._own_client = False
        self._chunk = 1

    def __enter__(self) -> DaskExecutor:
        try:
            distributed = _m("distributed")
        except ImportError as exc:
            raise UsageError(f"--scheduler needs the dask extra ({exc.name} is missing): "
                             "pip install 'vnreport-extract[dask]'") from exc
        self._own_client = not isinstance(self.scheduler, distributed.Client)
        if self._own_client and (refused := _refused(self.scheduler)) is not None:
            raise UsageError(f"cannot reach the Dask scheduler at {self.scheduler}: {refused} "
                             "(is `dask scheduler` running there?)")
        try:
            self.client = distributed.Client(self.scheduler) if self._own_client else self.scheduler
        except (OSError, ValueError, TypeError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from exc
        try:
            _wait_for_a_worker(self.client)
        except UsageError:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        if self._own_client and self.client is not None:
            self.client.close()

    def run(self, plan: Plan) -> ExecutionStats:
        distributed = _m("distributed")
        client = self.client
        store = os.path.abspath(plan.store)
        check_workers_see(client, store)
        items = _absolute(plan.items)
        threads = max(1, sum(client.nthreads().values()))
        chunk = max(1, min(64, math.ceil(len(items) / (threads * 2)))) if items else 1
        hashes: dict[str, Result] = {}
        for future in client.map(hash_items, _chunks(items, chunk), limits=self.limits, pure=False):
            for h in future.result():
                hashes[h["key"]] = h

        to_parse: list[tuple[Item, str, int]] = []
        for item in items:
            if item.skipped:  # no document (a FIFO, a .xlsx, a link out of the folder): never opened
                plan.skip(item)
                continue
            h = hashes[item.key]
            if "error" in h:
                plan.refuse(item, h["error_type"], h["error"])
            elif plan.admit(item, h["sha256"], h["size"], h["reading"]):
                to_parse.append((item, h["sha256"], h["size"]))

        known = {item.key: (sha, size) for item, sha, size in to_parse}
        self._chunk = max(1, min(64, math.ceil(len(to_parse) / (threads * 2)))) if to_parse else 1
        futures = client.map(parse_items, _chunks(to_parse, self._chunk), store=store,
                             timeout=self.timeout, parser=self.parser, options=self.options,
                             pure=False)
        for future in distributed.as_completed(futures):
            for key, result in future.result():
                sha, size = known[key]
                plan.complete(key, sha, size, result)
        return ExecutionStats()

    def parquet_writer(self) -> ParquetWriter:
        """The workers write the Parquet tables, in parts."""
        return self.write_parquet

    def write_parquet(self, out: Path, entries: list[dict[str, Any]], store: Path) -> dict[str, int]:
        """The Parquet tables of the recorded reports, written in parts by the workers."""
        ids = report_ids(entries)
        store = Path(os.path.abspath(store))
        parts = [dask_delayed_read(str(store), part) for part in _chunks(ids, self._chunk)] or \
            [dask_delayed_read(str(store), [])]
        return write_tables(to_dataframes(_m("dask.bag").from_delayed(parts)), out / "tables")


def dask_delayed_read(store: str, ids: list[str]) -> Any:
    """A delayed list of the stored reports ``ids``: one partition of a bag of reports."""
    return _m("dask").delayed(_read_reports)(store, ids)


__all__ = ["DaskExecutor", "hash_items", "parse_items", "reports_bag", "to_dataframes", "write_tables"]
