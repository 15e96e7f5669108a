"""The command line, run as users run it: a subprocess of the installed script."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED

CONTRACT_KEYS = {"schema_version", "source", "text", "metadata", "sections", "citations", "documents", "dates",
                 "figures", "demographics", "tables", "warnings", "attachments"}
# Added beside the contract: whether everything was read, and the id the analytics tables name it by.
STATUS_KEYS = {"status", "errors", "report_id"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vnreport_extract.cli", *args], capture_output=True, text=True,
                          timeout=120)


def test_parse_prints_the_report_json() -> None:
    p = run("parse", str(SEED))
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert set(data) == CONTRACT_KEYS | STATUS_KEYS
    assert data["status"] == "ok" and data["errors"] == []
    assert data["metadata"]["signer"]["name"] == "Ngô Tuấn Sơn"
    assert data["report_id"] == data["source"]["sha256"][:16]


def test_parse_reads_a_zip_member_named_as_the_manifest_names_it(tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(tmp_path / "bundle.zip", "w") as zf:
        zf.write(SEED, "inner/seed-copy.txt")
    key = f"{tmp_path / 'bundle.zip'}!inner/seed-copy.txt"
    p = run("parse", key, "--no-text")
    data = json.loads(p.stdout)
    assert (p.returncode, data["source"]["path"], len(data["citations"])) == (0, key, 33)
    missing = run("parse", f"{tmp_path / 'bundle.zip'}!inner/nope.txt")
    assert (missing.returncode, missing.stderr.strip()) == (
        1, f"vnreport-extract: error: InputError: {tmp_path / 'bundle.zip'}!inner/nope.txt: "
           f"{tmp_path / 'bundle.zip'} holds no member 'inner/nope.txt'")


def test_no_text_and_one_line() -> None:
    p = run("parse", str(SEED), "--no-text", "--indent", "0")
    data = json.loads(p.stdout)
    assert "text" not in data and p.stdout.count("\n") == 1


def test_no_text_leaves_out_the_text_of_the_attachments_too(tmp_path: Path) -> None:
    # A decision and the list issued with it (qd-353, Công báo Bà Rịa - Vũng Tàu): one file, a
    # report and its attachment, neither printed with its text.
    from test_attachments import DECISION

    path = tmp_path / "qd-353.txt"
    path.write_text(DECISION, encoding="utf-8")
    data = json.loads(run("parse", str(path), "--no-text").stdout)
    assert ("text" in data, [sorted(set(a) & {"text", "citations"}) for a in data["attachments"]]) == \
        (False, [["citations"]])


def test_missing_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    p = run("parse", str(tmp_path / "nope.docx"))
    assert (p.returncode, p.stdout) == (1, "")
    assert p.stderr.count("\n") == 1 and "InputError" in p.stderr and "Traceback" not in p.stderr


def test_unsupported_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "sheet.xlsx"
    bad.write_bytes(b"\x00\x01\x02binary")
    p = run("parse", str(bad))
    assert p.returncode == 1 and p.stderr.count("\n") == 1 and "UnsupportedFormatError" in p.stderr


def test_usage_error_exit_2() -> None:
    p = run("parse")
    assert p.returncode == 2 and "Traceback" not in p.stderr


def test_an_indent_out_of_range_is_a_usage_error() -> None:
    # A huge indent filled the memory with spaces before it failed.
    p = run("parse", str(SEED), "--indent", "100000000")
    assert (p.returncode, p.stderr.strip().splitlines()[-1]) == (
        2, "vnreport-extract parse: error: argument --indent: 100000000 is not between 0 and 16")


def test_schema() -> None:
    p = run("schema")
    schema = json.loads(p.stdout)
    assert (p.returncode, schema["$ref"]) == (0, "#/$defs/Report")  # Report is recursive (attachments)
    assert set(schema["$defs"]["Report"]["properties"]) >= CONTRACT_KEYS


def test_every_field_of_the_schema_says_what_it_holds() -> None:
    schema = json.loads(run("schema").stdout)
    bare = [f"{name}.{field}" for name, model in schema["$defs"].items()
            for field, prop in model.get("properties", {}).items() if not prop.get("description")]
    assert bare == []


def test_python_dash_m_runs_the_command() -> None:
    p = subprocess.run([sys.executable, "-m", "vnreport_extract", "--version"], capture_output=True, text=True,
                       timeout=120)
    assert (p.returncode, p.stdout.split()[0]) == (0, "vnreport-extract")


def test_flags_that_exclude_each_other_are_a_usage_error(tmp_path: Path) -> None:
    resume_force = run("convert", str(SEED), "--out", str(tmp_path / "out"), "--resume", "--force")
    both_schemas = run("schema", "--options", "--limits")
    assert [(p.returncode, "not allowed with" in p.stderr) for p in (resume_force, both_schemas)] == [
        (2, True), (2, True)]
    assert not (tmp_path / "out").exists()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_parse_draws_the_ocr_progress_on_a_terminal_and_wipes_it() -> None:
    from vnreport_extract.cli import _page_progress

    term = _Terminal()
    show = _page_progress(term)
    assert show is not None
    show(1, 16)
    assert term.getvalue() == "\r" + "OCR: 1 of 16 pages read".ljust(40) + "\r"
    show(16, 16)
    assert term.getvalue().endswith("\r" + " " * 40 + "\r")
    drawn = term.getvalue()
    show(0, 0)  # what parse does at its end, an error or not: nothing left to wipe
    assert term.getvalue() == drawn


def test_a_failed_parse_wipes_its_progress_line_before_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import vnreport_extract
    from vnreport_extract.cli import main
    from vnreport_extract.errors import OcrError

    def failing(path: object, options: object, progress: object) -> None:
        assert callable(progress)
        progress(1, 3)
        raise OcrError("scan.pdf: OCR failed on every page")

    term = _Terminal()
    monkeypatch.setattr(vnreport_extract, "parse_file", failing)
    monkeypatch.setattr(sys, "stderr", term)
    assert main(["parse", "scan.pdf"]) == 1
    assert term.getvalue() == ("\r" + "OCR: 1 of 3 pages read".ljust(40) + "\r" + "\r" + " " * 40 + "\r"
                               "vnreport-extract: error: OcrError: scan.pdf: OCR failed on every page\n")


def test_parse_draws_no_progress_into_a_log() -> None:
    from vnreport_extract.cli import _page_progress

    assert _page_progress(io.StringIO()) is None


def test_parse_reads_the_second_of_two_zip_members_of_one_name(tmp_path: Path) -> None:
    import warnings
    import zipfile

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name
        with zipfile.ZipFile(tmp_path / "a.zip", "w") as zf:
            zf.writestr("x.txt", "Kế hoạch số 12/KH-UBND")
            zf.writestr("x.txt", "Kế hoạch số 34/KH-UBND")
    p = run("parse", f"{tmp_path / 'a.zip'}!x.txt#2", "--no-text")
    assert (p.returncode, [c["symbol"] for c in json.loads(p.stdout)["citations"]]) == (0, ["34/KH-UBND"]), p.stderr
