"""Worker processes: each parses one document at a time, under a timeout.

A worker is a plain subprocess (running :func:`main` of this module), not a
``multiprocessing`` child: it can then be killed with its whole process group when a
document hangs (LibreOffice, Tesseract, a pathological PDF), it can be started from a
daemonic Dask worker, and nothing depends on ``fork`` from a threaded parent.

Protocol, one JSON object per line: the pool writes a task (``path``, ``key``,
``sha256``, ``store``) to the worker's stdin; the worker answers on its stdout with
the result (``status``, ``report_id``, ``seconds``, ...). The report itself never goes
through the pipe: the worker writes it to ``store/<report_id>.json`` (atomically) and
only the small result travels back, so the parent's memory stays flat. The worker's
own stdout is redirected to stderr, so that a library printing something cannot
corrupt the protocol; stderr goes to the run's log.

A worker dies with its parent (``PR_SET_PDEATHSIG`` on Linux, and EOF on stdin
elsewhere): a SIGKILLed run leaves no worker behind writing into its output folder.

Each worker has a temporary folder of its own (``TMPDIR``; under the run's output
folder when the pool is given ``tmp_root``), where its readers' tools (LibreOffice,
Tesseract) also record their process groups (:mod:`..readers.system`): those tools run
in sessions of their own, so killing the worker's group would not reach them. A worker
is killed with the groups recorded in its folder, and its folder is removed only once
they are gone; :func:`clean_work_folders` does the same for what a killed run left.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib
import itertools
import json
import os
import resource
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Generic, TypeVar

from ..errors import OutputError, VnReportError, first_line
from ..models import part_label
from ..normalize import recordable
from ..options import ParseOptions
from ..readers.system import GROUPS_ENV, kill_recorded_groups
from .outputs import write_atomic
from .tables import report_id

DEFAULT_PARSER = "vnreport_extract.pipeline:parse_file"
"""The parse function a worker runs, as ``module:function`` taking a path (and ``options=``,
a ParseOptions, when options other than the defaults are given), returning a Report."""

T = TypeVar("T")
Result = dict[str, Any]


def takes_options(fn: Callable[..., Any]) -> bool:
    """Whether a parse function accepts ``options=`` (a custom ``module:function`` may take a path only)."""
    import inspect

    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return "options" in params or any(p.kind is p.VAR_KEYWORD for p in params.values())


def load_parser(spec: str) -> Callable[[Path], Any]:
    module, _, name = spec.partition(":")
    fn = getattr(importlib.import_module(module), name)
    if not callable(fn):
        raise TypeError(f"{spec} is not callable")
    return fn  # type: ignore[no-any-return]


def _max_rss_kb() -> int:
    """This process's peak resident memory, in kilobytes. On Linux from ``VmHWM``: ``ru_maxrss``
    keeps, across ``exec``, the peak of the parent's memory the worker was forked from (a parent
    holding 350 MB of page images made every worker it started report 350 MB)."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    # ru_maxrss is in kilobytes on Linux (bytes on macOS, where it only over-reports).
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _message(exc: BaseException, path: Path, key: str) -> str:
    """The error's first line, naming the input as the user knows it (``a.zip!b.pdf``),
    not the temporary file a zip member was extracted to."""
    return recordable(first_line(exc).replace(str(path), key))


def parse_one(path: Path, key: str, sha256: str | None, store: Path | None,
              parse: Callable[..., Any]) -> tuple[Result, Any]:
    """Parse one document, write its JSON into ``store``, and describe the outcome.

    Returns (result, report or None). Bad input gives ``status: error`` with the named
    error's type and message; an unexpected exception too (the run goes on), with its
    Python type name so that it stands out in the manifest. A report that cannot be
    written into ``store`` is an ``OutputError`` (the pool's owner stops the run at it).
    """
    from ..pipeline import name_as

    started = time.perf_counter()
    result: Result = {"status": "ok", "report_id": None, "format": None, "pages": None, "ocr": None,
                      "attachments": 0, "error_type": None, "error": None}
    report = None
    try:
        report = parse(path)
        name_as(report, str(path), key)  # a zip member's temporary copy: its attachments too
        if sha256 and not report.source.sha256:
            report.source.sha256 = sha256
        rid = report_id(report)
        if store is not None:
            try:
                write_atomic(store / f"{rid}.json", report.model_dump_json().encode("utf-8"))
            except OSError as exc:
                raise OutputError(f"cannot write into {store}: {exc.strerror or exc}") from None
        result.update(report_id=rid, format=report.source.format, pages=report.source.pages,
                      ocr=report.source.ocr, attachments=len(report.attachments), report_status=report.status)
        if report.errors:
            result.update(error_type=report.errors[0].type,
                          error="; ".join(f"{part_label(e.part, e.page, e.attachment)}: {e.message}"
                                          for e in report.errors[:5]))
    except VnReportError as exc:
        result.update(status="error", error_type=type(exc).__name__, error=_message(exc, path, key))
    except Exception as exc:  # a bug in a reader must cost one document, not the run
        result.update(status="error", error_type=type(exc).__name__,
                      error=f"internal error: {_message(exc, path, key)}")
    result["seconds"] = round(time.perf_counter() - started, 4)
    result["max_rss_kb"] = _max_rss_kb()
    return result, report


# --- the worker process -------------------------------------------------------------------

def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)


def _warm_up() -> None:
    # Load the word lists and compile the patterns before the first timed document.
    from ..pipeline import parse_text

    with contextlib.suppress(Exception):
        parse_text("I. KẾT QUẢ\n1. Tổng số hộ trên địa bàn là 860 hộ, hộ nghèo 62 hộ chiếm 7,20%.\n"
                   "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021. Nhân dân đồng tình.\n")


# The share of a document's timeout its OCR may take: the pages under way when it runs out are
# read to their end, and the document's records are still to be made.
OCR_SHARE_OF_TIMEOUT = 0.8


def within_timeout(options: ParseOptions | None, timeout: float | None) -> ParseOptions | None:
    """``options`` with the OCR time limit (``Limits.max_ocr_seconds``) brought under a
    document's ``timeout``: a scan too long to read in time then gives a partial report of the
    pages read (the others errors of their pages), where the timeout would have killed its
    worker and kept nothing. A lower limit stands; None when the options stay the defaults.

    >>> within_timeout(None, 300).limits.max_ocr_seconds, within_timeout(None, None)
    (240.0, None)
    >>> from vnreport_extract.limits import Limits
    >>> within_timeout(ParseOptions(limits=Limits(max_ocr_seconds=60)), 300).limits.max_ocr_seconds
    60.0
    """
    if timeout is None or timeout == float("inf"):
        return options
    opts = options or ParseOptions()
    budget = timeout * OCR_SHARE_OF_TIMEOUT
    if opts.limits.max_ocr_seconds <= budget:
        return options
    return opts.model_copy(update={"limits": opts.limits.model_copy(update={"max_ocr_seconds": budget})})


def serve(parser_spec: str, parent: int, options: str | None = None, timeout: float | None = None) -> int:
    """The worker's loop: a task per stdin line, a result per stdout line. ``options``: the
    JSON of the :class:`~vnreport_extract.options.ParseOptions` the parser is called with;
    ``timeout``: the pool's timeout per document, which the OCR of a document is kept under
    (:func:`within_timeout`) when the parser takes options."""
    _die_with_parent(parent)
    proto = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    parse: Callable[..., Any] = load_parser(parser_spec)
    given = ParseOptions.model_validate_json(options) if options else None
    if not takes_options(parse):
        if given is not None:
            raise TypeError(f"{parser_spec} takes no options, and options other than the defaults were given")
    elif (opts := within_timeout(given, timeout)) is not None:
        parse = functools.partial(parse, options=opts)
    _warm_up()
    proto.write(json.dumps({"ready": True, "pid": os.getpid()}) + "\n")
    proto.flush()
    for line in sys.stdin:
        task = json.loads(line)
        store = Path(task["store"]) if task.get("store") else None
        result, _ = parse_one(Path(task["path"]), task["key"], task.get("sha256"), store, parse)
        # ASCII: a message may name a file whose name holds bytes that are no UTF-8.
        proto.write(json.dumps(result) + "\n")
        proto.flush()
    return 0


# --- the pool, in the parent --------------------------------------------------------------

_ENTRY = "import sys; from vnreport_extract.batch.worker import main; sys.exit(main(sys.argv[1:]))"


class WorkerStartError(RuntimeError):
    """A worker process could not start (it died or hung before it was ready)."""


@dataclass
class _Proc(Generic[T]):
    popen: subprocess.Popen[bytes]
    started: float
    ready: bool = False
    tag: T | None = None
    busy: bool = False
    deadline: float = 0.0
    done: int = 0
    buffer: bytes = b""
    lines: list[bytes] = field(default_factory=list)
    tmpdir: str = ""


class WorkerPool(Generic[T]):
    """``size`` worker processes; :meth:`run` feeds them tasks and yields ``(tag, result)``
    in completion order. A task not answered within ``timeout`` seconds has its worker
    killed (with its process group) and gets ``status: timeout``; a worker that dies
    gets ``status: error``, ``error_type: WorkerCrashed``. Either way a new worker takes
    its place. A worker is also replaced after ``max_tasks`` documents, which bounds the
    memory a leaking library can take.
    """

    def __init__(self, size: int, *, timeout: float | None = None, parser: str = DEFAULT_PARSER,
                 log: IO[bytes] | None = None, max_tasks: int = 500, startup_timeout: float = 120.0,
                 persistent: bool = False, options: ParseOptions | None = None,
                 tmp_root: Path | None = None) -> None:
        if size < 1:
            raise ValueError("a pool needs at least one worker")
        self.size = size
        self.timeout = timeout
        self.parser = parser
        # None: the parser is called with the path alone (a custom parser need not take options).
        self.options = options if options != ParseOptions() else None
        self.log = log
        self.max_tasks = max_tasks
        self.startup_timeout = startup_timeout
        # Keep the (warm) workers between runs; they are killed only by close().
        self.persistent = persistent
        self.peak_rss_kb: dict[int, int] = {}
        # Where the workers' temporary folders go (None: the system's).
        # Absolute: the workers' tools run in folders of their own and would read a relative
        # TMPDIR (``convert --out out``) against them.
        self.tmp_root = tmp_root.absolute() if tmp_root is not None else None
        self._procs: list[_Proc[T]] = []

    def _spawn(self) -> _Proc[T]:
        env = dict(os.environ)
        # N workers side by side: Tesseract's own OpenMP threads would only oversubscribe the cores.
        env.setdefault("OMP_THREAD_LIMIT", "1")
        # Its own temporary folder, removed when it ends: a worker killed at a timeout
        # cannot clean up what its readers left there (LibreOffice profiles, page images).
        if self.tmp_root is not None:
            self.tmp_root.mkdir(parents=True, exist_ok=True)
        tmpdir = tempfile.mkdtemp(prefix=WORK_PREFIX, dir=self.tmp_root)
        env["TMPDIR"] = tmpdir
        groups = Path(tmpdir) / GROUPS_FOLDER
        groups.mkdir()
        env[GROUPS_ENV] = str(groups)
        # -c rather than -m: runpy would warn that the package already imported this module.
        cmd = [sys.executable, "-c", _ENTRY, "--parser", self.parser, "--parent", str(os.getpid())]
        if self.options is not None:
            cmd += ["--options", self.options.model_dump_json()]
        if self.timeout:
            cmd += ["--timeout", repr(float(self.timeout))]
        popen = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=self.log if self.log is not None else subprocess.DEVNULL,
                                 env=env, start_new_session=True)
        return _Proc(popen, time.monotonic(), tmpdir=tmpdir)

    @staticmethod
    def _kill(proc: _Proc[T]) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.popen.pid, signal.SIGKILL)
        with contextlib.suppress(Exception):
            proc.popen.kill()
        with contextlib.suppress(Exception):
            proc.popen.wait(timeout=10)
        for stream in (proc.popen.stdin, proc.popen.stdout):
            with contextlib.suppress(Exception):
                if stream is not None:
                    stream.close()
        _remove_work_folder(proc.tmpdir)

    @staticmethod
    def _end_input(proc: _Proc[T]) -> None:
        # EOF on stdin ends the worker's loop: a clean exit.
        with contextlib.suppress(Exception):
            if proc.popen.stdin is not None:
                proc.popen.stdin.close()

    def _retire(self, proc: _Proc[T]) -> None:
        self._end_input(proc)
        # Polled finely: Popen.wait(timeout) sleeps in steps of up to 50 ms.
        deadline = time.monotonic() + 5.0
        while proc.popen.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        if proc.popen.poll() is None:
            self._kill(proc)
        with contextlib.suppress(Exception):
            if proc.popen.stdout is not None:
                proc.popen.stdout.close()
        _remove_work_folder(proc.tmpdir)

    def _replace(self, proc: _Proc[T], *, kill: bool) -> None:
        if kill:
            self._kill(proc)
        else:
            self._retire(proc)
        self._procs[self._procs.index(proc)] = self._spawn()

    def close(self) -> None:
        for proc in self._procs:  # all idle workers told to end first: they exit side by side
            if not (proc.busy or not proc.ready):
                self._end_input(proc)
        for proc in self._procs:
            if proc.busy or not proc.ready:
                self._kill(proc)
            else:
                self._retire(proc)
        self._procs = []

    def __enter__(self) -> WorkerPool[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, tasks: Iterable[tuple[T, dict[str, Any]]]) -> Generator[tuple[T, Result], None, None]:
        """Run every task; stop early by closing the generator (its workers are then killed)."""
        it = iter(tasks)
        first = next(it, None)
        if first is None:  # nothing to do: start no worker
            return
        it = itertools.chain([first], it)
        exhausted = finished = False
        if not self._procs:
            self._procs = [self._spawn() for _ in range(self.size)]
        try:
            while True:
                for proc in list(self._procs):
                    if exhausted or not proc.ready or proc.busy:
                        continue
                    nxt = next(it, None)
                    if nxt is None:
                        exhausted = True
                        break
                    tag, payload = nxt
                    crashed = self._send(proc, tag, payload)
                    if crashed is not None:
                        yield tag, crashed
                if exhausted and not any(p.busy for p in self._procs):
                    finished = True
                    return
                yield from self._collect()
        finally:
            if not (finished and self.persistent):
                self.close()

    def _send(self, proc: _Proc[T], tag: T, payload: dict[str, Any]) -> Result | None:
        assert proc.popen.stdin is not None
        proc.tag, proc.busy = tag, True
        proc.deadline = time.monotonic() + self.timeout if self.timeout else float("inf")
        try:
            # ASCII: a path may hold bytes that are no UTF-8 (kept as lone surrogates, escaped so).
            proc.popen.stdin.write((json.dumps(payload) + "\n").encode("ascii"))
            proc.popen.stdin.flush()
        except (BrokenPipeError, OSError):
            proc.busy, proc.tag = False, None
            self._replace(proc, kill=True)
            return _failure("WorkerCrashed", "the worker process died before it took the document")
        return None

    def _collect(self) -> Iterator[tuple[T, Result]]:
        now = time.monotonic()
        waiting = [p for p in self._procs if p.busy or not p.ready]
        deadlines = [p.deadline if p.ready else p.started + self.startup_timeout for p in waiting]
        wait = max(0.0, min(deadlines) - now) if deadlines else 0.0
        fds = {p.popen.stdout.fileno(): p for p in waiting if p.popen.stdout is not None}
        readable, _, _ = select.select(list(fds), [], [], min(wait, 3600.0))
        for fd in readable:
            proc = fds[fd]
            data = os.read(fd, 1 << 16)
            if not data:
                yield from self._crashed(proc)
                continue
            proc.buffer += data
            *complete, proc.buffer = proc.buffer.split(b"\n")
            for line in complete:
                if line.strip():
                    yield from self._message(proc, json.loads(line))
        now = time.monotonic()
        for proc in list(self._procs):
            if proc.busy and now >= proc.deadline:
                tag = proc.tag
                self._replace(proc, kill=True)
                assert tag is not None
                yield tag, _failure("Timeout", f"no result within {self.timeout:g} s: the worker was killed",
                                    status="timeout", seconds=self.timeout)
            elif not proc.ready and now >= proc.started + self.startup_timeout:
                self._kill(proc)
                raise WorkerStartError(f"a worker did not start within {self.startup_timeout:g} s")

    def _message(self, proc: _Proc[T], msg: Result) -> Iterator[tuple[T, Result]]:
        if msg.get("ready"):
            proc.ready = True
            return
        tag = proc.tag
        proc.busy, proc.tag = False, None
        proc.done += 1
        pid = proc.popen.pid
        self.peak_rss_kb[pid] = max(self.peak_rss_kb.get(pid, 0), int(msg.get("max_rss_kb") or 0))
        if proc.done >= self.max_tasks:
            self._replace(proc, kill=False)
        assert tag is not None
        yield tag, msg

    def _crashed(self, proc: _Proc[T]) -> Iterator[tuple[T, Result]]:
        if not proc.ready:
            code = proc.popen.wait()
            self._kill(proc)
            raise WorkerStartError(f"a worker exited with status {code} before it was ready "
                                   f"(see the run's log for its error)")
        tag = proc.tag
        code = proc.popen.wait()
        self._replace(proc, kill=True)
        if tag is not None:
            yield tag, _failure("WorkerCrashed", f"the worker process died (exit status {code})")


WORK_PREFIX = "vnreport-worker-"
GROUPS_FOLDER = "tool-groups"


def _remove_work_folder(tmpdir: str) -> None:
    """Kill the tool groups a (dead) worker recorded, then remove its folder: removing it
    first would pull the files from under a LibreOffice still writing there."""
    if not tmpdir:
        return
    kill_recorded_groups(Path(tmpdir) / GROUPS_FOLDER)
    shutil.rmtree(tmpdir, ignore_errors=True)


def clean_work_folders(root: Path) -> int:
    """Remove the worker folders a killed run left under ``root`` (their tools killed
    first); how many there were."""
    if not root.is_dir():
        return 0
    folders = [p for p in root.iterdir() if p.name.startswith(WORK_PREFIX) and p.is_dir()]
    for folder in folders:
        _remove_work_folder(str(folder))
    return len(folders)


def _failure(error_type: str, message: str, *, status: str = "error", seconds: float | None = None) -> Result:
    return {"status": status, "report_id": None, "format": None, "pages": None, "ocr": None,
            "attachments": 0, "error_type": error_type, "error": message, "seconds": seconds,
            "max_rss_kb": None}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="vnreport_extract.batch.worker", description=__doc__)
    ap.add_argument("--parser", default=DEFAULT_PARSER)
    ap.add_argument("--parent", type=int, default=os.getppid())
    ap.add_argument("--options", default=None, help="ParseOptions as JSON")
    ap.add_argument("--timeout", type=float, default=None, help="the pool's timeout per document, in seconds")
    args = ap.parse_args(argv)
    try:
        code = serve(args.parser, args.parent, args.options, args.timeout)
    except KeyboardInterrupt:
        return 130
    # Every result is written and flushed: leave without tearing the interpreter down
    # (tens of milliseconds a worker, which a pool's close waits for).
    with contextlib.suppress(Exception):
        sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
