"""The hostile corpus (tests/hostile/generate.py) through ``parse_file``, the ``parse`` command
and ``convert``: each input gives its named error or a report, within its budget of time and
under 1 GB of memory; a run killed by a timeout, a signal or SIGKILL leaves no tool running
and no temporary folder behind."""

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

import pytest
from hostile.generate import BY_NAME, CASES, CITATION, Case, build_all
from hostile.helpers import tools_running

from vnreport_extract import InputError, ParseOptions, VnReportError, parse_file
from vnreport_extract.batch.inputs import close_archives, expand_inputs, materialize, zip_items
from vnreport_extract.limits import LimitExceededError, Limits

# The whole corpus runs through parse_file, the CLI and convert: part of the full run (-m "").
pytestmark = [pytest.mark.slow]

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"
MEMORY_GB = 1.0
# Generous: two cores shared with other work; a hang is minutes, not seconds.
SLACK = 3.0

FAST = [c for c in CASES if not c.slow]
DOCUMENTS = [c for c in FAST if c.expect != "archive"]


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), str(HERE.parent), str(HERE), env.get("PYTHONPATH", "")])
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    # Cases run with their own limits live apart: convert reads the main folder with the defaults.
    return {**build_all(tmp_path_factory.mktemp("hostile"), [c for c in FAST if not c.limits]),
            **build_all(tmp_path_factory.mktemp("hostile-limited"), [c for c in FAST if c.limits])}


@pytest.fixture(scope="session")
def parsed(corpus: dict[str, Path]) -> dict[str, dict[str, Any]]:
    """Every document case through parse_file and the CLI, in one child process whose address
    space is capped: a blow-up kills the child, and the case it was on is named."""
    args = [f"{c.name}={corpus[c.name]}" for c in DOCUMENTS]
    # Address space, not resident memory: libraries map far more than they touch.
    proc = subprocess.run([sys.executable, str(HERE / "run_cases.py"), "3", *args], capture_output=True,
                          text=True, env=_env(), timeout=sum(c.budget for c in DOCUMENTS) * SLACK)
    results: dict[str, dict[str, Any]] = {}
    started = None
    for line in proc.stdout.splitlines():
        msg = json.loads(line)
        if "started" in msg:
            started = msg["started"]
        else:
            results[msg["name"]] = msg
            started = None
    if started is not None:
        results[started] = {"name": started, "outcome": f"crashed (exit {proc.returncode}): {proc.stderr[-500:]}"}
    return results


@pytest.mark.parametrize("case", DOCUMENTS, ids=lambda c: c.name)
def test_parse_file_outcome_within_budget(case: Case, parsed: dict[str, dict[str, Any]]) -> None:
    got = parsed[case.name]
    assert got["outcome"] == case.expect, got
    assert got["seconds"] <= case.budget * SLACK, got
    if case.expect != "report":
        assert "VnReportError" in got["classes"] and "\n" not in got["message"].strip()
    if case.expect == "LimitExceededError":
        assert "InputError" in got["classes"] and "more than the limit max_" in got["message"]
    if case.warning:
        assert case.warning in got["warnings"]
    assert not got.get("text_has_absent")


@pytest.mark.parametrize("case", [c for c in DOCUMENTS if not c.limits and c.expect != "report"],
                         ids=lambda c: c.name)
def test_cli_parse_one_line_error_never_internal(case: Case, parsed: dict[str, dict[str, Any]]) -> None:
    got = parsed[case.name]
    assert got["cli_code"] == 1, got
    assert "internal error" not in got["cli_stderr"]
    assert got["cli_stderr"].count("\n") == 1 and f"error: {case.expect}:" in got["cli_stderr"]


def test_memory_stays_under_a_gigabyte(parsed: dict[str, dict[str, Any]]) -> None:
    assert max(r.get("rss_mb", 0) for r in parsed.values()) < MEMORY_GB * 1024


# --------------------------------------------------------------------------- convert

@pytest.fixture(scope="session")
def converted(corpus: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Path, Path]:
    folder = corpus[DOCUMENTS[0].name].parent.parent
    specials = folder / "specials"
    if not specials.exists():
        specials.mkdir()
        os.mkfifo(specials / "pipe.txt")
        (specials / "zero.txt").symlink_to("/dev/zero")
        (specials / "passwd.txt").symlink_to("/etc/passwd")
        (specials / "sheet.xlsx").write_bytes(b"PK\x05\x06" + bytes(18))
    out = tmp_path_factory.mktemp("hostile-out") / "out"
    proc = subprocess.run([sys.executable, "-m", "vnreport_extract.cli", "convert", str(folder), "--out", str(out),
                           "--format", "jsonl", "--quiet", "--workers", "2", "--timeout", "120"],
                          capture_output=True, text=True, env=_env(), timeout=600)
    assert "internal error" not in proc.stderr
    return proc.returncode, folder, out


def _manifest(out: Path) -> dict[str, dict[str, Any]]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return {e["path"]: e for e in map(json.loads, lines)}


@pytest.mark.parametrize("case", [c for c in DOCUMENTS if not c.limits], ids=lambda c: c.name)
def test_convert_records_each_outcome(case: Case, corpus: dict[str, Path],
                                      converted: tuple[int, Path, Path]) -> None:
    code, _, out = converted
    assert code == 1
    entry = _manifest(out)[str(corpus[case.name])]
    if case.expect == "report":
        assert entry["status"] in ("ok", "duplicate"), entry
    else:
        assert (entry["status"], entry["error_type"]) == ("error", case.expect), entry
        assert "internal error" not in entry["error"]
    assert (entry.get("max_rss_kb") or 0) < MEMORY_GB * (1 << 20)


def test_convert_archives(corpus: dict[str, Path], converted: tuple[int, Path, Path]) -> None:
    _, _, out = converted
    m = _manifest(out)
    slip = str(corpus["zip-slip"])
    assert m[f"{slip}!../../evil.txt"]["error"].startswith("unsafe-path")
    assert m[f"{slip}!/abs.txt"]["error"].startswith("unsafe-path")
    assert m[f"{slip}!ok.txt"]["status"] in ("ok", "duplicate")
    assert m[str(corpus["zip-bomb"]) + "!bomb.txt"]["error"].startswith("expansion-ratio")
    dups = str(corpus["zip-duplicates"])
    assert [m[f"{dups}!{n}"]["status"] for n in ("a.txt", "a.txt#2", "A.txt")] == ["ok", "ok", "ok"]
    assert len({m[f"{dups}!{n}"]["sha256"] for n in ("a.txt", "a.txt#2", "A.txt")}) == 3
    # Nothing outside the output folder, nothing left inside it but the results.
    assert not (out / ".tmp").exists()
    assert not (out.parent / "evil.txt").exists() and not Path("/abs.txt").exists()


def test_convert_skips_what_is_no_document_and_reads_nothing_outside(converted: tuple[int, Path, Path]) -> None:
    _, folder, out = converted
    m = _manifest(out)
    for name in ("pipe.txt", "zero.txt", "passwd.txt", "sheet.xlsx"):
        entry = m[str(folder / "specials" / name)]
        assert (entry["status"], entry["error_type"]) == ("skipped", "SkippedInputError"), entry
    assert "root:x:0:0" not in (out / "reports.jsonl").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- walks

def test_walk_lists_fifos_devices_outside_links_and_unknown_types_as_skipped(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Báo cáo", encoding="utf-8")
    (inputs / "data.xlsx").write_bytes(b"PK\x03\x04")
    os.mkfifo(inputs / "pipe.txt")
    (inputs / "zero.txt").symlink_to("/dev/zero")
    (inputs / "passwd.txt").symlink_to("/etc/passwd")
    (inputs / "inside.txt").symlink_to(inputs / "a.txt")
    (inputs / "broken.txt").symlink_to(inputs / "nowhere.txt")
    items = {Path(i.key).name: i for i in expand_inputs([inputs])}
    assert items["a.txt"].skipped is None and items["inside.txt"].skipped is None
    assert "FIFO" in (items["pipe.txt"].skipped or "")
    assert "out of the input folder" in (items["zero.txt"].skipped or "")
    assert "out of the input folder" in (items["passwd.txt"].skipped or "")
    assert "broken" in (items["broken.txt"].skipped or "")
    assert "(.xlsx" in (items["data.xlsx"].skipped or "")
    followed = {Path(i.key).name: i for i in expand_inputs([inputs], follow_symlinks=True)}
    assert followed["passwd.txt"].skipped is None
    assert "device" in (followed["zero.txt"].skipped or "")  # asked to follow: still not a regular file


def test_followed_links_walk_each_real_folder_once(tmp_path: Path) -> None:
    # Two links back up (``l1 -> .``, ``l2 -> .``) made the walk grow exponentially; a second link
    # to a sibling folder read it twice.
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "a.txt").write_text("Báo cáo", encoding="utf-8")
    (inputs / "sub" / "b.txt").write_text("Báo cáo", encoding="utf-8")
    for link, target in (("l1", "."), ("l2", "."), ("a-link", "sub")):
        (inputs / link).symlink_to(target)
    items = {i.key[len(str(inputs)) + 1:]: i.skipped for i in expand_inputs([inputs], follow_symlinks=True)}
    again = "a folder read already by another way (a symbolic link to it, or a loop)"
    # The real folder is walked where it is, though a link to it sorts first.
    assert items == {"a.txt": None, "a-link": again, "l1": again, "l2": again, "sub/b.txt": None}


def test_a_file_is_read_only_up_to_its_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 5000)
    with pytest.raises(LimitExceededError, match="max_file_bytes"):
        parse_file(big, ParseOptions(limits=Limits(max_file_bytes=1000)))
    (item,) = expand_inputs([big])
    with pytest.raises(LimitExceededError, match="max_file_bytes"):
        materialize(item, tmp_path, Limits(max_file_bytes=1000))
    with pytest.raises(InputError, match="not a regular file"):
        parse_file("/dev/zero")


def test_ten_thousand_members_are_read_in_linear_time(tmp_path: Path) -> None:
    archive = tmp_path / "many.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for i in range(10_000):
            z.writestr(f"m{i:05d}.txt", f"Báo cáo số {i}")
    started = time.monotonic()
    items = zip_items(archive)
    for serial, item in enumerate(items):
        materialize(item, tmp_path, serial=serial).path.unlink()
    close_archives()
    assert len(items) == 10_000
    assert time.monotonic() - started < 60  # reopening the archive per member took 600 s for 3,920


def test_output_folder_that_cannot_be_written_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "in.txt").write_text("Báo cáo", encoding="utf-8")
    if os.geteuid() == 0:  # root writes into read-only folders: a folder under a file cannot be made
        (tmp_path / "file").write_text("x", encoding="utf-8")
        out = tmp_path / "file" / "out"
    else:
        out = tmp_path / "ro"
        out.mkdir()
        out.chmod(0o500)
    try:
        proc = subprocess.run([sys.executable, "-m", "vnreport_extract.cli", "convert", str(tmp_path / "in.txt"),
                               "--out", str(out), "--quiet", "--format", "jsonl"],
                              capture_output=True, text=True, env=_env(), timeout=120)
    finally:
        if out.is_dir():
            out.chmod(0o700)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "OutputError: cannot write to" in proc.stderr, proc.stderr


# --------------------------------------------------------------------------- orphans and signals

def _inputs(tmp_path: Path, n: int = 3) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i}.txt").write_text(CITATION * (i + 1), encoding="utf-8")
    return folder


def _wait(predicate: Any, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return bool(predicate())


def _sigint_default() -> None:
    # A test run started in the background (``cmd &`` in a script, no job control) ignores
    # SIGINT, and so would every run it starts: the run under test gets it back, as from a terminal.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _convert(inputs: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "vnreport_extract.cli", "convert", str(inputs), "--out", str(out),
                             "--quiet", "--format", "jsonl", "--workers", "2", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
                            preexec_fn=_sigint_default)


def test_timeout_kills_the_tools_a_worker_started(tmp_path: Path) -> None:
    before = set(tools_running())
    out = tmp_path / "out"
    proc = _convert(_inputs(tmp_path, 2), out, "--timeout", "3", "--parser", "helpers:start_tool_and_hang")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    statuses = {e["status"] for e in _manifest(out).values()}
    assert statuses == {"timeout"}
    assert _wait(lambda: not set(tools_running()) - before, 10)
    assert not (out / ".tmp").exists()


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signal_stops_the_run_promptly_with_no_tool_left(tmp_path: Path, signum: int, code: int) -> None:
    before = set(tools_running())
    out = tmp_path / "out"
    proc = _convert(_inputs(tmp_path), out, "--timeout", "300", "--parser", "helpers:start_tool_and_hang")
    try:
        assert _wait(lambda: len(set(tools_running()) - before) >= 2, 60), "the workers never started their tools"
        sent = time.monotonic()
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=30)
        assert time.monotonic() - sent < 10
    finally:
        proc.kill()
    assert proc.returncode == code, err
    assert "--resume" in err and "internal error" not in err
    assert _wait(lambda: not set(tools_running()) - before, 10)
    assert not (out / ".tmp").exists()
    for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        json.loads(line)  # whole lines only


def test_resume_after_sigkill_cleans_what_the_killed_run_left(tmp_path: Path) -> None:
    before = set(tools_running())
    inputs = _inputs(tmp_path)
    out = tmp_path / "out"
    proc = _convert(inputs, out, "--timeout", "300", "--parser", "helpers:start_tool_and_hang")
    try:
        assert _wait(lambda: len(set(tools_running()) - before) >= 2, 60)
    finally:
        proc.kill()
        proc.communicate(timeout=30)
    # The tools run in sessions of their own: SIGKILL of the run does not reach them.
    assert set(tools_running()) - before and any((out / ".tmp").iterdir())
    again = _convert(inputs, out, "--resume")
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert _wait(lambda: not set(tools_running()) - before, 10)
    assert not (out / ".tmp").exists()
    assert {e["status"] for e in _manifest(out).values()} == {"ok"}


# --------------------------------------------------------------------------- legacy text, limits schema

@pytest.mark.parametrize("encoding", ["vni", "tcvn3"])
def test_legacy_text_gives_the_records_of_its_unicode_version(tmp_path: Path, encoding: str) -> None:
    from hostile.generate import SEED, legacy_bytes

    text = SEED.read_text(encoding="utf-8")
    if encoding == "tcvn3":
        text = text.lower()  # TCVN3 writes accented capitals only in a capital font
    unicode_file, legacy_file = tmp_path / "u.txt", tmp_path / "l.txt"
    unicode_file.write_text(text, encoding="utf-8")
    legacy_file.write_bytes(legacy_bytes(text, encoding))
    a, b = parse_file(unicode_file), parse_file(legacy_file)
    assert [w.code for w in b.warnings if w.code == "legacy-encoding"] == ["legacy-encoding"]
    skip = {"source", "warnings", "report_id"}  # the file's identity: two files, two ids
    assert b.model_dump(exclude=skip) == a.model_dump(exclude=skip)


def test_limits_schema_documents_every_limit() -> None:
    schema = Limits.model_json_schema()
    assert set(schema["properties"]) == set(Limits.model_fields)
    assert all(p.get("description") and "default" in p for p in schema["properties"].values())
    readme = (HERE.parents[1] / "README.md").read_text(encoding="utf-8")
    assert all(f"| `{name}` |" in readme for name in Limits.model_fields)


def test_schema_command_prints_the_limits(capsys: pytest.CaptureFixture[str]) -> None:
    from vnreport_extract.cli import main

    assert main(["schema", "--limits"]) == 0
    assert json.loads(capsys.readouterr().out) == Limits.model_json_schema()


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.slow and c.expect != "archive"], ids=lambda c: c.name)
def test_slow_cases(case: Case, tmp_path: Path) -> None:
    path = build_all(tmp_path, [case])[case.name]
    started = time.monotonic()
    try:
        parse_file(path, ParseOptions(limits=Limits(**case.limits)))
        outcome = "report"
    except VnReportError as exc:
        outcome = type(exc).__name__
    assert outcome == case.expect
    assert time.monotonic() - started < case.budget * SLACK


def test_every_case_is_named_once() -> None:
    assert len(BY_NAME) == len(CASES)


def test_a_full_disk_is_one_output_error(tmp_path: Path) -> None:
    """--out on a 64 KiB file system: a tmpfs mounted in a mount namespace of the run's own
    (``unshare``, util-linux), so no root is needed and nothing outlives the test."""
    seed = HERE.parents[1] / "fixtures" / "seed" / "000_c44f0d63a01b8516.txt"
    docx = HERE.parents[1] / "fixtures" / "real" / "kh-cchc-2026.docx"
    small = tmp_path / "small"
    small.mkdir()
    script = ('mount -t tmpfs -o size=64k tmpfs "$1" && shift && exec "$@"')
    p = subprocess.run(["unshare", "--map-root-user", "--mount", "sh", "-c", script, "sh", str(small),
                        sys.executable, "-m", "vnreport_extract.cli", "convert", str(seed), str(docx),
                        "--out", str(small / "out"), "-q"], capture_output=True, text=True, env=_env(), timeout=120)
    assert p.returncode == 2, p.stderr
    # Whichever write meets the full disk first: a worker's report, or this process's manifest line.
    (line,) = p.stderr.strip().splitlines()
    assert line in (
        f"vnreport-extract convert: error: OutputError: cannot write into {small / 'out' / 'reports'}: "
        "No space left on device",
        f"vnreport-extract convert: error: OutputError: cannot write to {small / 'out' / 'manifest.jsonl'}: "
        "No space left on device")
