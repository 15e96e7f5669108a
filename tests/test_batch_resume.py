"""A run killed with SIGKILL midway, then resumed, ends with the same outputs as a run
that was never interrupted; the killed run leaves no worker behind (slow). A resume
trusts no more of the earlier run's manifest than it can check: an entry that is damaged
or whose report is missing is converted again, never a traceback, never a read outside
the output folder."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from vnreport_extract.batch import convert
from vnreport_extract.batch.outputs import entry_problem, manifest_entry, store_problem
from vnreport_extract.batch.tables import TABLE_NAMES, report_id
from vnreport_extract.cli import main

slow = pytest.mark.slow  # the killed-run tests: a run of 30 documents, twice

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


@slow
def test_the_kill_landed_midway(runs: dict[str, Any]) -> None:
    assert 6 <= runs["done_when_killed"] < N_DOCS
    assert len(runs["workers"]) == 2


@slow
def test_a_killed_run_leaves_no_worker_behind(runs: dict[str, Any]) -> None:
    assert runs["survivors"] == []


@slow
def test_resume_skips_what_was_done_and_exits_like_the_whole_run(runs: dict[str, Any]) -> None:
    assert runs["reference"].returncode == runs["resumed"].returncode == 1  # the truncated PDF
    resumed_ok = sum(1 for e in _manifest(runs["killed"]) if e["status"] in ("ok", "duplicate"))
    assert resumed_ok == N_DOCS - 1
    assert "already converted by an earlier run" in runs["resumed"].stderr


@slow
def test_resumed_manifest_equals_the_whole_run(runs: dict[str, Any]) -> None:
    whole, killed = _manifest(runs["whole"]), _manifest(runs["killed"])
    assert whole == killed
    assert [e["status"] for e in whole].count("duplicate") == 1
    assert [e["error_type"] for e in whole if e["status"] == "error"] == ["CorruptFileError"]


@slow
def test_resumed_reports_equal_the_whole_run(runs: dict[str, Any]) -> None:
    whole, killed = runs["whole"], runs["killed"]
    names = sorted(p.name for p in (whole / "reports").iterdir())
    assert len(names) == N_DOCS - 2
    assert sorted(p.name for p in (killed / "reports").iterdir()) == names
    for name in names:
        assert (killed / "reports" / name).read_bytes() == (whole / "reports" / name).read_bytes(), name
    assert (killed / "reports.jsonl").read_bytes() == (whole / "reports.jsonl").read_bytes()


@slow
@pytest.mark.parametrize("name", TABLE_NAMES)
def test_resumed_tables_equal_the_whole_run(runs: dict[str, Any], name: str) -> None:
    whole, killed = runs["whole"] / "tables", runs["killed"] / "tables"
    assert pq.read_table(killed / f"{name}.parquet").to_pylist() == pq.read_table(whole / f"{name}.parquet").to_pylist()
    assert (killed / f"{name}.csv").read_bytes() == (whole / f"{name}.csv").read_bytes()
    assert not list(killed.glob(".*tmp-*"))


# --- a manifest that cannot be trusted -------------------------------------------------------

def _variant(n: int) -> str:
    return SEED.read_text(encoding="utf-8") + f"\nGhi chú: bản số {n}.\n"


def _two_folders(tmp_path: Path) -> tuple[Path, Path, Path]:
    """``one/a.txt`` converted into ``out`` by a first run; ``two/b.txt`` for a resumed run that
    adds to it (so ``one/a.txt`` is an earlier run's document, carried over)."""
    one, two, out = tmp_path / "one", tmp_path / "two", tmp_path / "out"
    one.mkdir()
    two.mkdir()
    (one / "a.txt").write_text(_variant(1), encoding="utf-8")
    (two / "b.txt").write_text(_variant(2), encoding="utf-8")
    assert convert([one], out, workers=1, formats=["json", "jsonl"]).exit_code == 0
    return one, two, out


def _entries(out: Path) -> dict[str, dict[str, Any]]:
    return {e["path"]: e for e in map(json.loads, (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines())}


def _edit(out: Path, key: str, **fields: Any) -> None:
    entries = _entries(out)
    entries[key].update(fields)
    (out / "manifest.jsonl").write_text("".join(json.dumps(e) + "\n" for e in entries.values()), encoding="utf-8")


def _consistent(out: Path, keys: set[str]) -> None:
    """The manifest lists ``keys``, each converted, every entry one a resume trusts; the store holds
    their reports and reports.jsonl each once."""
    entries = _entries(out)
    assert set(entries) == keys
    assert all(e["status"] == "ok" and entry_problem(e) is None for e in entries.values())
    ids = {e["report_id"] for e in entries.values()}
    assert {p.stem for p in (out / "reports").glob("*.json")} == ids
    lines = (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(report_id(json.loads(line)) for line in lines) == sorted(ids)


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_resume_converts_again_an_earlier_document_whose_report_is_missing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # It exited 2 (OutputError: the report could not be read) on every resume.
    one, two, out = _two_folders(tmp_path)
    rid = _entries(out)[str(one / "a.txt")]["report_id"]
    (out / "reports" / f"{rid}.json").unlink()
    assert main(["convert", str(two), "--out", str(out), "--workers", "1", "--format", "json,jsonl", "--resume"]) == 0
    err = capsys.readouterr().err
    assert (f"warning: {one / 'a.txt'}: its report {rid}.json is missing from {out / 'reports'}: "
            "converting it again\n") in err
    assert "2 ok" in err
    _consistent(out, {str(one / "a.txt"), str(two / "b.txt")})
    again = convert([two], out, workers=1, formats=["json", "jsonl"], resume=True)  # mended: nothing to say
    assert (again.exit_code, again.warnings, again.resumed) == (0, [], 1)


@pytest.mark.slow  # runs convert twice, each run starting its worker processes
def test_resume_of_a_folder_that_stored_one_report_for_a_pdf_and_its_copies_equals_a_fresh_run(tmp_path: Path) -> None:
    # An earlier version parsed a PDF and its copies named .txt and .md each on its own: three
    # "ok" entries of one report id, whose stored report holds the path of whichever wrote last.
    pdf = FIXTURES / "generated" / "seed.pdf"
    docs, out, fresh = tmp_path / "docs", tmp_path / "out", tmp_path / "fresh"
    docs.mkdir()
    for name in ("a.pdf", "b.txt", "c.md"):
        (docs / name).write_bytes(pdf.read_bytes())
    assert convert([docs], out, workers=1, formats=["json", "jsonl"]).exit_code == 0
    rid = _entries(out)[str(docs / "a.pdf")]["report_id"]
    for name in ("b.txt", "c.md"):
        _edit(out, str(docs / name), status="ok", duplicate_of=None)
    stored = out / "reports" / f"{rid}.json"
    report = json.loads(stored.read_text(encoding="utf-8"))
    report["source"]["path"] = str(docs / "c.md")
    stored.write_text(json.dumps(report), encoding="utf-8")

    summary = convert([docs], out, workers=1, formats=["json", "jsonl"], resume=True)
    assert (summary.exit_code, summary.resumed, summary.counts["ok"], summary.counts["duplicate"]) == (0, 0, 1, 2)
    assert summary.warnings == [f"{docs / name}: its report {rid}.json was stored for other files too by an "
                                f"earlier version: converting it again" for name in ("a.pdf", "b.txt", "c.md")]
    assert convert([docs], fresh, workers=1, formats=["json", "jsonl"]).exit_code == 0
    for folder in (out, fresh):
        assert {Path(k).name: (e["status"], e["duplicate_of"]) for k, e in _entries(folder).items()} == {
            "a.pdf": ("ok", None), "b.txt": ("duplicate", str(docs / "a.pdf")),
            "c.md": ("duplicate", str(docs / "a.pdf"))}
        assert json.loads((folder / "reports" / f"{rid}.json").read_text(encoding="utf-8"))["source"]["path"] == \
            str(docs / "a.pdf")
    assert (out / "reports.jsonl").read_bytes() == (fresh / "reports.jsonl").read_bytes()


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_resume_converts_again_a_listed_document_whose_report_is_missing_and_says_so(tmp_path: Path) -> None:
    one, _, out = _two_folders(tmp_path)
    for report in (out / "reports").glob("*.json"):
        report.unlink()
    summary = convert([one], out, workers=1, formats=["json", "jsonl"], resume=True)
    assert (summary.exit_code, summary.resumed, summary.counts["ok"]) == (0, 0, 1)
    assert len(summary.warnings) == 1 and "is missing from" in summary.warnings[0]
    _consistent(out, {str(one / "a.txt")})


_DAMAGED = [
    ({"report_id": 12}, "report_id 12 is not 16 lowercase hex digits"),
    ({"report_id": [1, 2]}, "report_id [1, 2] is not 16 lowercase hex digits"),
    ({"report_id": {"a": 1}}, "report_id {'a': 1} is not 16 lowercase hex digits"),
    ({"report_id": "../../x"}, "report_id '../../x' is not 16 lowercase hex digits"),
    ({"report_id": "0123456789ABCDEF"}, "report_id '0123456789ABCDEF' is not 16 lowercase hex digits"),
    ({"report_id": None}, "status ok without a report_id"),
    ({"status": ["ok"]}, "status ['ok'] is none of ok, error, timeout, skipped, duplicate"),
    ({"sha256": 5}, "sha256 5 is not a string"),
    ({"size": "big"}, "size 'big' is not a count"),
    ({"path": "docs/a\x00.txt"}, "its path holds a NUL character, which no file name has"),
    ({"report_id": "fedcba9876543210"}, "report_id 'fedcba9876543210' is not that of its sha256 (abababababababab)"),
]


@pytest.mark.parametrize(("fields", "problem"), _DAMAGED)
def test_a_damaged_entry_is_named_for_what_is_wrong_with_it(fields: dict[str, Any], problem: str) -> None:
    # A report_id that was no string raised TypeError; ../../x read a file outside the folder.
    entry = manifest_entry("a.txt", sha256="ab" * 32, size=10, status="ok", report_id="abababababababab")
    assert entry_problem(entry) is None
    entry.update(fields)
    assert entry_problem(entry) == problem


@pytest.mark.parametrize(("fields", "problem"), [_DAMAGED[3], _DAMAGED[6]], ids=["report_id", "status"])
@pytest.mark.parametrize("listed", [True, False], ids=["listed", "carried"])
@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_a_damaged_entry_is_converted_again_never_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             fields: dict[str, Any], problem: str,
                                                             listed: bool) -> None:
    one, two, out = _two_folders(tmp_path)
    key = str(one / "a.txt")
    _edit(out, key, **fields)
    inputs = [one, two] if listed else [two]
    code = main(["convert", *map(str, inputs), "--out", str(out), "--workers", "1", "--format", "json,jsonl",
                 "--resume"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert f"warning: {key}: its entry in manifest.jsonl is damaged ({problem}): converting it again\n" in err
    assert "Traceback" not in err and "internal error" not in err
    _consistent(out, {key, str(two / "b.txt")})


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_a_report_id_climbing_out_of_the_folder_is_never_read(tmp_path: Path) -> None:
    one, _, out = _two_folders(tmp_path)
    key = str(one / "a.txt")
    # out/reports/../../planted.json is tmp_path/planted.json: what the resume read as the report.
    (tmp_path / "planted.json").write_text('{"planted": "SECRET"}', encoding="utf-8")
    _edit(out, key, report_id="../../planted")
    for inputs in ([one], [tmp_path / "elsewhere"]):
        (tmp_path / "elsewhere").mkdir(exist_ok=True)
        summary = convert(inputs, out, workers=1, formats=["json", "jsonl"], resume=True)
        assert summary.exit_code == 0
        assert "SECRET" not in (out / "reports.jsonl").read_text(encoding="utf-8")
        _consistent(out, {key})
        _edit(out, key, report_id="../../planted")


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_a_damaged_entry_whose_file_is_gone_is_dropped_with_a_warning(tmp_path: Path) -> None:
    one, two, out = _two_folders(tmp_path)
    key = str(one / "a.txt")
    _edit(out, key, report_id=7)
    (one / "a.txt").rename(tmp_path / "moved.txt")
    summary = convert([two], out, workers=1, formats=["json", "jsonl"], resume=True)
    assert summary.exit_code == 0
    assert summary.warnings == [f"{key}: its entry in manifest.jsonl is damaged (report_id 7 is not 16 lowercase hex "
                                "digits), and its file cannot be read again: dropped from the output"]
    _consistent(out, {str(two / "b.txt")})


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_an_earlier_zip_member_whose_report_is_missing_is_read_again_from_its_archive(tmp_path: Path) -> None:
    archive, two, out = tmp_path / "one.zip", tmp_path / "two", tmp_path / "out"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("x.txt", _variant(1))
        zf.writestr("y.txt", _variant(2))
    two.mkdir()
    (two / "b.txt").write_text(_variant(3), encoding="utf-8")
    convert([archive], out, workers=1, formats=["json", "jsonl"])
    rid = _entries(out)[f"{archive}!y.txt"]["report_id"]
    (out / "reports" / f"{rid}.json").unlink()
    summary = convert([two], out, workers=1, formats=["json", "jsonl"], resume=True)
    assert (summary.exit_code, summary.resumed, summary.total) == (0, 0, 2)  # b.txt, and y.txt read again
    assert summary.warnings == [f"{archive}!y.txt: its report {rid}.json is missing from {out / 'reports'}: "
                                "converting it again"]
    _consistent(out, {f"{archive}!x.txt", f"{archive}!y.txt", str(two / "b.txt")})


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_a_run_prints_at_most_twenty_warnings_and_keeps_them_all(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    for n in range(22):
        (docs / f"{n:02d}.txt").write_text(f"BÁO CÁO\nSố: {n + 1}/BC-UBND\n", encoding="utf-8")
    assert main(["convert", str(docs), "--out", str(out), "--workers", "2", "--format", "json", "-q"]) == 0
    for report in (out / "reports").glob("*.json"):
        report.unlink()
    assert main(["convert", str(docs), "--out", str(out), "--workers", "2", "--format", "json", "--resume"]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("warning:")]
    assert len(lines) == 21
    assert lines[-1] == "warning: ... and 2 more entries of manifest.jsonl that could not be trusted"
    summary = convert([docs], out, workers=1, formats=["json"], resume=True)
    assert summary.warnings == []  # converted again, nothing left to mend


@pytest.mark.parametrize(("content", "problem"), [
    (None, "is missing from {store}"),
    (b'{"schema_version": "1", "source": {"pa', "in {store} is damaged (no JSON: Unterminated string"),
    (b"\xff\xfe", "in {store} is damaged (no JSON: "),
    (b"[1, 2]", "in {store} is damaged (no report: a JSON list without its source)"),
    (b'{"text": ""}', "in {store} is damaged (no report: a JSON dict without its source)"),
    (b'\xef\xbb\xbf{"source": {"path": "a.txt"}}', "in {store} is damaged (no JSON: Unexpected UTF-8 BOM"),
    (b'{"source": {"path": "a.txt"}, "citations": "x"}', "in {store} is damaged (no report: citations: Input should "
                                                           "be a valid list)"),
    (b'{"source": {"path": 12}}', "in {store} is damaged (no report: source.path: Input should be a valid string)"),
    (b'{"source": {"path": "a.txt"}}', None),
], ids=["missing", "cut-short", "no-utf8", "a-list", "no-source", "a-bom", "a-field-of-another-type",
        "a-path-no-string", "whole"])
def test_a_stored_report_is_named_for_what_is_wrong_with_it(tmp_path: Path, content: bytes | None,
                                                            problem: str | None) -> None:
    if content is not None:
        (tmp_path / "0123456789abcdef.json").write_bytes(content)
    found = store_problem(tmp_path, "0123456789abcdef")
    if problem is None:
        assert found is None
    else:  # the JSON decoder's own words close the message
        assert found is not None and found.startswith(problem.format(store=tmp_path))


@pytest.mark.slow  # runs convert twice, each run starting its worker processes
def test_a_stored_report_cut_short_is_converted_again_not_a_failed_run(tmp_path: Path) -> None:
    # A disk that filled up under the earlier run: its report cut short. The resumed run failed
    # at its end, after converting the rest, with an internal JSONDecodeError.
    one, two, out = _two_folders(tmp_path)
    (report,) = (out / "reports").glob("*.json")
    whole = report.read_bytes()
    report.write_bytes(whole[:100])
    summary = convert([one, two], out, workers=1, formats=["json", "jsonl", "parquet"], resume=True)
    assert (summary.exit_code, summary.counts["ok"], summary.resumed) == (0, 2, 0)
    (warning,) = summary.warnings
    assert warning.startswith(f"{one / 'a.txt'}: its report {report.name} in {out / 'reports'} is damaged (no JSON: ")
    assert warning.endswith("): converting it again")
    assert report.read_bytes() == whole
    _consistent(out, {str(one / "a.txt"), str(two / "b.txt")})


@pytest.mark.slow  # runs convert twice, each run starting its worker processes
def test_an_entry_whose_path_holds_a_nul_is_dropped_never_a_traceback(tmp_path: Path) -> None:
    # os.path.realpath raised ValueError on it, out of the resume.
    one, two, out = _two_folders(tmp_path)
    key = str(one / "a.txt")
    entries = _entries(out)
    entries[key]["path"] = key.replace("a.txt", "a\x00.txt")
    (out / "manifest.jsonl").write_text("".join(json.dumps(e) + "\n" for e in entries.values()), encoding="utf-8")
    summary = convert([two], out, workers=1, formats=["json", "jsonl"], resume=True)
    assert (summary.exit_code, summary.counts["ok"]) == (0, 1)
    damaged = key.replace("a.txt", "a" + chr(0) + ".txt")
    assert summary.warnings == [f"{damaged}: its entry in manifest.jsonl is damaged (its path holds a NUL character, "
                                "which no file name has), and its file cannot be read again: dropped from the output"]
    _consistent(out, {str(two / "b.txt")})


def test_a_damaged_line_inside_the_manifest_is_warned_of_and_its_document_converted_again(tmp_path: Path) -> None:
    # A line cut short in the middle of the manifest was dropped with nothing said (the last line
    # is one a killed run was writing: nothing to say of it).
    one, two, out = _two_folders(tmp_path)
    convert([two], out, workers=1, formats=["json", "jsonl"], resume=True)
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0][:50]
    (out / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = convert([one, two], out, workers=1, formats=["json", "jsonl"], resume=True)
    assert (again.warnings, again.resumed) == (
        ["manifest.jsonl line 1 is damaged (cut short or edited): dropped; the document it listed is converted again"],
        1)
    _consistent(out, {str(one / "a.txt"), str(two / "b.txt")})


def test_a_resume_starts_from_one_manifest_line_per_input(tmp_path: Path) -> None:
    # A stopped run's manifest is a log: an input retried has a line per try.
    one, _, out = _two_folders(tmp_path)
    log = out / "manifest.jsonl"
    [line] = log.read_text(encoding="utf-8").splitlines()
    retried = json.loads(line) | {"status": "error", "report_id": None, "error_type": "Timeout", "error": "killed"}
    log.write_text(json.dumps(retried) + "\n" + line + "\n", encoding="utf-8")
    from vnreport_extract.batch.plan import Plan

    plan = Plan(out, [], {"json", "jsonl"}, resume=True, roots=[str(one)])
    plan.close()  # before any outcome is recorded, as a resume stopped at once would leave it
    assert log.read_text(encoding="utf-8").splitlines() == [line]
