"""Worker processes: results streamed back in completion order, a hanging document killed at its timeout, a
crashing worker recorded, and a new worker taking the place of a killed one."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from vnreport_extract import CorruptFileError
from vnreport_extract.batch.worker import WorkerPool, parse_one

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "seed" / "000_c44f0d63a01b8516.txt"


@pytest.fixture
def slow_parser(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    path = os.pathsep.join(filter(None, [str(FIXTURES / "archive"), os.environ.get("PYTHONPATH")]))
    monkeypatch.setenv("PYTHONPATH", path)
    pidfile = tmp_path / "hung.pid"
    monkeypatch.setenv("SLOW_PARSER_PIDFILE", str(pidfile))
    return pidfile


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A killed child not yet reaped is a zombie: dead for our purpose.
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split()[2] == "Z")


@pytest.mark.parametrize(("timeout", "limit", "called_with"), [
    (50.0, None, 40.0),  # a scan too long for the timeout gives a partial report, not a killed worker
    (50.0, 10.0, 10.0),  # a lower limit of the user's stands
    (None, None, None),  # no timeout: the parser is called as it was, without options
])
def test_the_ocr_of_a_document_is_kept_under_its_timeout(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, timeout: float | None, limit: float | None,
        called_with: float | None) -> None:
    from vnreport_extract import Limits, ParseOptions

    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(FIXTURES / "archive"),
                                                                    os.environ.get("PYTHONPATH")])))
    record = tmp_path / "options.json"
    monkeypatch.setenv("OPTIONS_PARSER_FILE", str(record))
    options = ParseOptions(limits=Limits(max_ocr_seconds=limit)) if limit else None
    with WorkerPool[str](1, timeout=timeout, parser="options_parser:parse", options=options) as pool:
        ((_, result),) = list(pool.run([("seed", {"path": str(SEED), "key": "seed.txt"})]))
    called = json.loads(record.read_text(encoding="utf-8"))
    assert (result["status"], called and called["limits"]["max_ocr_seconds"]) == ("ok", called_with)


@pytest.mark.slow
def test_hang_is_killed_at_timeout_crash_is_recorded_and_the_rest_converts(tmp_path: Path,
                                                                          slow_parser: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    store = tmp_path / "store"
    store.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    paths = {
        "hang": docs / "hang.txt", "crash": docs / "crash.txt", "a": docs / "a.txt", "b": docs / "b.txt",
        "c": docs / "c.txt",
    }
    paths["hang"].write_text("HANG-FOREVER\n" + seed, encoding="utf-8")
    paths["crash"].write_text("CRASH-WORKER\n" + seed, encoding="utf-8")
    for name in ("a", "b", "c"):
        paths[name].write_text(f"{seed}\nGhi chú {name}.\n", encoding="utf-8")
    tasks = [(name, {"path": str(p), "key": f"docs/{name}.txt", "store": str(store)}) for name, p in paths.items()]

    started = time.monotonic()
    with WorkerPool[str](2, timeout=6.0, parser="slow_parser:parse") as pool:
        order = list(pool.run(tasks))
    elapsed = time.monotonic() - started
    results = dict(order)
    # Streamed in completion order: the hang, submitted first, comes last, and does not
    # hold back the documents the other worker converted meanwhile.
    assert [tag for tag, _ in order][-1] == "hang"

    assert results["hang"]["status"] == "timeout" and results["hang"]["error_type"] == "Timeout"
    assert "killed" in results["hang"]["error"]
    assert results["crash"]["status"] == "error" and results["crash"]["error_type"] == "WorkerCrashed"
    assert "exit status 3" in results["crash"]["error"]
    for name in ("a", "b", "c"):
        assert results[name]["status"] == "ok"
        stored = json.loads((store / f"{results[name]['report_id']}.json").read_text(encoding="utf-8"))
        assert stored["source"]["path"] == f"docs/{name}.txt"
        assert len(stored["citations"]) == 33
    assert 6.0 <= elapsed < 40
    hung = int(slow_parser.read_text())
    assert not _alive(hung)


def test_parse_one_records_named_and_internal_errors(tmp_path: Path) -> None:
    def corrupt(path: Path) -> object:
        raise CorruptFileError(f"{path}: corrupt or truncated PDF")

    def bug(path: Path) -> object:
        raise KeyError("oops")

    result, report = parse_one(tmp_path / "x.pdf", "x.pdf", None, None, corrupt)
    assert (result["status"], result["error_type"], report) == ("error", "CorruptFileError", None)
    assert "truncated" in result["error"]
    result, _ = parse_one(tmp_path / "x.pdf", "x.pdf", None, None, bug)
    assert (result["status"], result["error_type"]) == ("error", "KeyError")
    assert result["error"].startswith("internal error")


@pytest.mark.slow
def test_a_worker_is_replaced_after_max_tasks(tmp_path: Path) -> None:
    # Bounded memory whatever a library leaks: a worker serves at most max_tasks documents.
    paths = []
    for n in range(3):
        paths.append(tmp_path / f"{n}.txt")
        paths[-1].write_text(SEED.read_text(encoding="utf-8") + f"\nGhi chú {n}.\n", encoding="utf-8")
    tasks = [(n, {"path": str(p), "key": p.name}) for n, p in enumerate(paths)]
    with WorkerPool[int](1, max_tasks=2) as pool:
        results = list(pool.run(tasks))
        assert [r["status"] for _, r in results] == ["ok"] * 3
        assert len(pool.peak_rss_kb) == 2  # two worker processes served them
        assert all(kb > 10_000 for kb in pool.peak_rss_kb.values())
        assert list(pool.run([])) == []


@pytest.mark.slow
def test_a_worker_reports_its_own_peak_memory_not_its_parents() -> None:
    # Linux keeps ru_maxrss across exec: a worker started from a parent holding 400 MB (page
    # images, say) reported 400 MB before it parsed anything.
    ballast = b"x" * (400 * 1024 * 1024)
    with WorkerPool[int](1) as pool:
        [(_, result)] = list(pool.run([(0, {"path": str(SEED), "key": SEED.name})]))
    assert len(ballast) and result["status"] == "ok"
    assert 10_000 < result["max_rss_kb"] < 300_000


def test_empty_input_converts_to_empty_tables(tmp_path: Path) -> None:
    from vnreport_extract.batch import convert

    (tmp_path / "empty").mkdir()
    summary = convert([tmp_path / "empty"], tmp_path / "out", formats=["jsonl", "parquet"])
    assert (summary.total, summary.exit_code, summary.peak_rss_kb) == (0, 0, {})
    assert (tmp_path / "out" / "reports.jsonl").read_text(encoding="utf-8") == ""
    assert summary.rows == dict.fromkeys(summary.rows, 0) and len(summary.rows) == 9
