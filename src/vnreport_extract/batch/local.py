"""The local executor: the inputs of a :class:`~.plan.Plan` hashed in this process, one at a
time as the workers need them, and parsed by a pool of worker processes
(:class:`~.worker.WorkerPool`, each document under a timeout)."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import OutputError, VnReportError
from ..options import ParseOptions
from .inputs import DEFAULT_LIMITS, Item, Materialized, close_archives, materialize
from .plan import WORK, ExecutionStats, Plan
from .worker import DEFAULT_PARSER, WorkerPool


def default_workers() -> int:
    """The CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def discard(mat: Materialized) -> None:
    """Remove the temporary copy of a zip member once it is hashed or parsed."""
    if mat.temporary:
        mat.path.unlink(missing_ok=True)


class LocalExecutor:
    """``workers`` worker processes on this machine."""

    def __init__(self, *, workers: int | None = None, timeout: float | None = 300.0,
                 parser: str = DEFAULT_PARSER, options: ParseOptions | None = None) -> None:
        self.workers = workers or default_workers()
        self.timeout = timeout
        self.parser = parser
        self.options = options
        # The limits travel to the workers inside the options; a zip member is extracted here.
        self.limits = options.limits if options else DEFAULT_LIMITS

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def parquet_writer(self) -> None:
        """The plan writes the Parquet tables itself."""
        return None

    def run(self, plan: Plan) -> ExecutionStats:
        work = plan.out / WORK
        try:
            (plan.out / "logs").mkdir(exist_ok=True)
            work.mkdir(exist_ok=True)
            tmpdir = Path(tempfile.mkdtemp(prefix="vnreport-convert-", dir=work))
            log = (plan.out / "logs" / "workers.log").open("ab")
        except OSError as exc:
            raise OutputError(f"cannot write to {plan.out}: {exc.strerror or exc}") from None
        in_flight: dict[int, tuple[Item, Materialized]] = {}
        pool: WorkerPool[int] = WorkerPool(min(self.workers, max(len(plan.items), 1)), timeout=self.timeout,
                                           parser=self.parser, log=log, options=self.options, tmp_root=work)
        results = pool.run(self._tasks(plan, tmpdir, in_flight))
        try:
            for serial, result in results:
                item, mat = in_flight.pop(serial)
                discard(mat)
                plan.complete(item.key, mat.sha256, mat.size, result)
                if plan.stop:
                    break
        finally:
            results.close()  # kills the workers still busy (--fail-fast, Ctrl-C), and their tools
            pool.close()
            close_archives()
            log.close()
            shutil.rmtree(tmpdir, ignore_errors=True)
            with contextlib.suppress(OSError):
                work.rmdir()
        return ExecutionStats(peak_rss_kb=dict(pool.peak_rss_kb))

    def _tasks(self, plan: Plan, tmpdir: Path,
               in_flight: dict[int, tuple[Item, Materialized]]) -> Iterator[tuple[int, dict[str, Any]]]:
        for serial, item in enumerate(plan.items):
            if plan.stop:
                return
            if item.refused:
                plan.refuse(item, "ArchiveRefusedError", item.refused)
                continue
            if item.skipped:
                plan.skip(item)
                continue
            try:
                mat = materialize(item, tmpdir, self.limits, serial=serial)
            except VnReportError as exc:
                plan.refuse(item, type(exc).__name__, str(exc))
                continue
            if not plan.admit(item, mat.sha256, mat.size, mat.reading):
                discard(mat)
                continue
            in_flight[serial] = (item, mat)
            task: dict[str, Any] = {"path": str(mat.path), "key": item.key, "sha256": mat.sha256,
                                    "store": str(plan.store)}
            yield serial, task
