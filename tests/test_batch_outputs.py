"""Outputs: atomic writes, the manifest log read back after a kill, and the progress line."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from vnreport_extract.batch.outputs import (
    ManifestLog,
    atomic_text,
    is_done,
    manifest_entry,
    read_manifest,
    remove_stale_temporaries,
    report_ids,
    write_atomic,
)
from vnreport_extract.batch.progress import Progress


def test_write_atomic_replaces_whole_files_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    write_atomic(target, b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["a.json"]


def test_atomic_text_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "reports.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_text(target) as f:
        f.write("half of the new")
        raise RuntimeError("killed")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["reports.jsonl"]


def test_stale_temporaries_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    (tmp_path / ".0123456789abcdef.json.tmp-4242").write_text("{", encoding="utf-8")
    (tmp_path / "keep.json").write_text("{}", encoding="utf-8")
    remove_stale_temporaries(tmp_path)
    assert os.listdir(tmp_path) == ["keep.json"]


def test_manifest_log_read_back_after_a_torn_line(tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    log = ManifestLog(path)
    log.append(manifest_entry("a.txt", sha256="aa", status="error", error_type="Timeout", error="killed"))
    log.append(manifest_entry("b.txt", sha256="bb", status="ok", report_id="bb"))
    log.append(manifest_entry("a.txt", sha256="aa", status="ok", report_id="aa"))
    log.close()
    with path.open("a", encoding="utf-8") as f:
        f.write('{"path": "c.txt", "sta')  # SIGKILL in the middle of a line
    entries = read_manifest(path)
    assert list(entries) == ["a.txt", "b.txt"]
    assert entries["a.txt"]["status"] == "ok"  # the latest entry of a path wins
    assert list(json.loads(path.read_text().splitlines()[0])) == [
        "path", "sha256", "size", "status", "report_id", "format", "pages", "ocr", "report_status", "seconds",
        "error_type", "error", "options", "duplicate_of", "real_path"]


def test_what_counts_as_done() -> None:
    ok = manifest_entry("a", status="ok", report_id="r1")
    dup = manifest_entry("b", status="duplicate", report_id="r1", duplicate_of="a")
    failed_dup = manifest_entry("c", status="error", duplicate_of="x", error_type="CorruptFileError")
    assert is_done(ok) and is_done(dup) and not is_done(failed_dup) and not is_done(None)
    assert report_ids([ok, dup, failed_dup, manifest_entry("d", status="ok", report_id="r2")]) == ["r1", "r2"]


def test_progress_line_counts_rate_eta_and_failures() -> None:
    stream = io.StringIO()
    progress = Progress(4, stream=stream, width=8, log_every=0.0)
    progress.update("ok", worked=False)  # resumed: done, but not in the speed
    progress.update("ok")
    progress.update("error")
    line = stream.getvalue().splitlines()[-1]
    assert line.startswith("[######--] 3/4 files")
    assert "files/s" in line and "ETA" in line and line.endswith("1 failed")
    progress.finish("summary")
    assert stream.getvalue().endswith("summary\n")
