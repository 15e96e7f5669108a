"""A run killed with SIGKILL midway, then resumed, ends with the same outputs as a run
that was never interrupted; the killed run leaves no worker behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from vnreport_extract.batch.tables import TABLE_NAMES

pytestmark = [pytest.mark.slow]

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "seed" / "000_c44f0d63a01b8516.txt"
N_DOCS = 30


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 inputs: seed variants of 1–3 times the seed's length (each its own sha256), one
    exact copy (a duplicate) and one truncated PDF (an error, retried on resume)."""
    root = tmp_path_factory.mktemp("resume") / "docs"
    root.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    for n in range(N_DOCS - 2):
        (root / f"doc-{n:02d}.txt").write_text(seed * (1 + n % 3) + f"\nGhi chú: bản số {n}.\n", encoding="utf-8")
    (root / "doc-copy.txt").write_bytes((root / "doc-05.txt").read_bytes())
    (root / "doc-zz-corrupt.pdf").write_bytes((FIXTURES / "generated" / "seed.pdf").read_bytes()[:4000])
    return root


def _cli(docs: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "vnreport_extract.cli", "convert", str(docs), "--out", str(out), "--workers", "2",
            "--format", "json,jsonl,parquet,csv", *extra]


def _workers_of(pid: int) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmdline = (proc / "cmdline").read_bytes().split(b"\0")
                state = (proc / "stat").read_text().split()[2]
            except OSError:
                continue
            if b"--parent" in cmdline and cmdline[cmdline.index(b"--parent") + 1] == str(pid).encode() \
                    and state != "Z":
                found.append(int(proc.name))
    return found


def _manifest(out: Path) -> list[dict[str, Any]]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [{k: v for k, v in json.loads(line).items() if k != "seconds"} for line in lines]


@pytest.fixture(scope="module")
def runs(docs: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("runs")
    whole, killed = root / "whole", root / "killed"
    reference = subprocess.run(_cli(docs, whole, "-q"), capture_output=True, text=True, timeout=300)

    proc = subprocess.Popen(_cli(docs, killed, "-q"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    manifest = killed / "manifest.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest.exists() and len(manifest.read_bytes().splitlines()) >= 6:
            break
        time.sleep(0.01)
    workers = _workers_of(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    done_when_killed = len(manifest.read_bytes().splitlines())
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_workers_of(proc.pid)):
        time.sleep(0.05)
    survivors = _workers_of(proc.pid)

    resumed = subprocess.run(_cli(docs, killed, "--resume"), capture_output=True, text=True, timeout=300)
    return {"whole": whole, "killed": killed, "reference": reference, "resumed": resumed,
            "done_when_killed": done_when_killed, "workers": workers, "survivors": survivors,
            "finalized_when_killed": (killed / "reports.jsonl").exists() and done_when_killed < N_DOCS}


def test_the_kill_landed_midway(runs: dict[str, Any]) -> None:
    assert 6 <= runs["done_when_killed"] < N_DOCS
    assert len(runs["workers"]) == 2


def test_a_killed_run_leaves_no_worker_behind(runs: dict[str, Any]) -> None:
    assert runs["survivors"] == []


def test_resume_skips_what_was_done_and_exits_like_the_whole_run(runs: dict[str, Any]) -> None:
    assert runs["reference"].returncode == runs["resumed"].returncode == 1  # the truncated PDF
    resumed_ok = sum(1 for e in _manifest(runs["killed"]) if e["status"] in ("ok", "duplicate"))
    assert resumed_ok == N_DOCS - 1
    assert "already converted by an earlier run" in runs["resumed"].stderr


def test_resumed_manifest_equals_the_whole_run(runs: dict[str, Any]) -> None:
    whole, killed = _manifest(runs["whole"]), _manifest(runs["killed"])
    assert whole == killed
    assert [e["status"] for e in whole].count("duplicate") == 1
    assert [e["error_type"] for e in whole if e["status"] == "error"] == ["CorruptFileError"]


def test_resumed_reports_equal_the_whole_run(runs: dict[str, Any]) -> None:
    whole, killed = runs["whole"], runs["killed"]
    names = sorted(p.name for p in (whole / "reports").iterdir())
    assert len(names) == N_DOCS - 2
    assert sorted(p.name for p in (killed / "reports").iterdir()) == names
    for name in names:
        assert (killed / "reports" / name).read_bytes() == (whole / "reports" / name).read_bytes(), name
    assert (killed / "reports.jsonl").read_bytes() == (whole / "reports.jsonl").read_bytes()


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_resumed_tables_equal_the_whole_run(runs: dict[str, Any], name: str) -> None:
    whole, killed = runs["whole"] / "tables", runs["killed"] / "tables"
    assert pq.read_table(killed / f"{name}.parquet").to_pylist() == pq.read_table(whole / f"{name}.parquet").to_pylist()
    assert (killed / f"{name}.csv").read_bytes() == (whole / f"{name}.csv").read_bytes()
    assert not list(killed.glob(".*tmp-*"))
