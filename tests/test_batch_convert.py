"""``vnreport-extract convert``: the unsafe test archive, duplicates, exit codes, formats,
--fail-fast, --timeout, --resume after a change, --quiet, and ``iter_reports``."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from vnreport_extract import LimitExceededError, Limits, OutputError, OutputLockedError, ParseOptions, parse_file
from vnreport_extract.batch import convert, iter_reports
from vnreport_extract.batch.api import UsageError
from vnreport_extract.batch.inputs import SkippedInputError
from vnreport_extract.batch.lock import LOCK_FILE, OutputLock
from vnreport_extract.batch.tables import count_records
from vnreport_extract.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "seed" / "000_c44f0d63a01b8516.txt"
DOCX = FIXTURES / "real" / "qd-kien-toan-doi-ucsc.docx"
PDF = FIXTURES / "generated" / "seed.pdf"


def _manifest(out: Path) -> dict[str, dict[str, Any]]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return {e["path"]: e for e in map(json.loads, lines)}


def _xlsx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
    return buf.getvalue()


def _variant(n: int) -> str:
    return SEED.read_text(encoding="utf-8") + f"\nGhi chú: bản sao số {n}.\n"


@pytest.fixture(scope="module")
def unsafe_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Path, Path]:
    root = tmp_path_factory.mktemp("unsafe")
    archive = root / "in" / "archive.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("01-seed.txt", SEED.read_bytes())
        zf.writestr("docs/02-decision.docx", DOCX.read_bytes())
        zf.writestr(zipfile.ZipInfo("../evil.txt"), _variant(1), compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("03-bomb.txt", bytes(16 << 20))
        zf.writestr("04-corrupt.pdf", PDF.read_bytes()[:5000])
        zf.writestr("05-notes.md", _variant(2))
        zf.writestr("06-data.xlsx", _xlsx())
        zf.writestr("07-seed-copy.txt", SEED.read_bytes())
    out = root / "out"
    code = main(["convert", str(archive), "--out", str(out), "--workers", "2", "--format",
                 "json,jsonl", "--format", "parquet,csv", "--quiet"])
    return code, archive, out


def test_unsafe_archive_exit_status_is_1(unsafe_run: tuple[int, Path, Path]) -> None:
    assert unsafe_run[0] == 1


def test_unsafe_archive_each_bad_member_recorded_with_its_reason(unsafe_run: tuple[int, Path, Path]) -> None:
    _, archive, out = unsafe_run
    m = _manifest(out)
    key = f"{archive}!"
    assert list(m) == [key + n for n in ("01-seed.txt", "docs/02-decision.docx", "../evil.txt", "03-bomb.txt",
                                         "04-corrupt.pdf", "05-notes.md", "06-data.xlsx", "07-seed-copy.txt")]
    evil, bomb = m[key + "../evil.txt"], m[key + "03-bomb.txt"]
    assert (evil["status"], evil["error_type"]) == ("error", "ArchiveRefusedError")
    assert evil["error"].startswith("unsafe-path:") and ".." in evil["error"]
    assert (bomb["status"], bomb["error_type"]) == ("error", "ArchiveRefusedError")
    assert bomb["error"].startswith("expansion-ratio:")
    corrupt, xlsx = m[key + "04-corrupt.pdf"], m[key + "06-data.xlsx"]
    assert (corrupt["status"], corrupt["error_type"]) == ("error", "CorruptFileError")
    # A member of no document type is listed, never extracted.
    assert (xlsx["status"], xlsx["error_type"]) == ("skipped", "SkippedInputError")
    assert "(.xlsx" in xlsx["error"]
    # Errors name the member as the user knows it, not the temporary file it was read from.
    assert corrupt["error"].startswith(key + "04-corrupt.pdf")


def test_unsafe_archive_every_good_member_converted(unsafe_run: tuple[int, Path, Path]) -> None:
    _, archive, out = unsafe_run
    m = _manifest(out)
    key = f"{archive}!"
    good = [m[key + n] for n in ("01-seed.txt", "docs/02-decision.docx", "05-notes.md")]
    assert [(e["status"], e["format"]) for e in good] == [("ok", "text"), ("ok", "docx"), ("ok", "markdown")]
    ids = {e["report_id"] for e in good}
    assert {p.stem for p in (out / "reports").glob("*.json")} == ids
    decision = json.loads((out / "reports" / f"{good[1]['report_id']}.json").read_text(encoding="utf-8"))
    assert decision["source"]["path"] == key + "docs/02-decision.docx"
    assert decision["metadata"]["doc_type"] == "Quyết định"
    assert len((out / "reports.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    assert len(pd.read_parquet(out / "tables" / "reports.parquet")) == 3
    assert len(pd.read_csv(out / "tables" / "reports.csv")) == 3


def test_identical_files_are_parsed_once(unsafe_run: tuple[int, Path, Path]) -> None:
    _, archive, out = unsafe_run
    m = _manifest(out)
    first, copy = m[f"{archive}!01-seed.txt"], m[f"{archive}!07-seed-copy.txt"]
    assert copy["status"] == "duplicate" and copy["duplicate_of"] == f"{archive}!01-seed.txt"
    assert copy["report_id"] == first["report_id"] == "34ee9683b5a85687"
    assert copy["seconds"] == 0.0


def test_the_same_bytes_under_another_extension_are_read_on_their_own(tmp_path: Path) -> None:
    # A text and its copy named .pdf: the extension decides how they are read (the copy is an
    # error), so the copy is no duplicate; two broken .pdf copies fail alike, each naming itself.
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a-report.txt", "b-report.pdf", "c-report.pdf"):
        (docs / name).write_text(_variant(1), encoding="utf-8")
    code = main(["convert", str(docs), "--out", str(tmp_path / "out"), "--workers", "1", "--format", "json", "-q"])
    m = {Path(k).name: e for k, e in _manifest(tmp_path / "out").items()}
    assert (code, [(n, m[n]["status"], m[n]["duplicate_of"] is not None) for n in sorted(m)]) == (
        1, [("a-report.txt", "ok", False), ("b-report.pdf", "error", False), ("c-report.pdf", "error", True)])
    assert "c-report.pdf: named .pdf" in m["c-report.pdf"]["error"]


def test_a_pdf_copied_under_a_text_name_is_a_duplicate_of_the_pdf(tmp_path: Path) -> None:
    # The same bytes read the same way are one report, whatever the name: a PDF saved as .txt or
    # .md (in the folder or in a zip) is read as the PDF, so it is its duplicate. A text and its
    # copy named .md are read two ways (text, Markdown): two reports.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.pdf").write_bytes(PDF.read_bytes())
    (docs / "b.txt").write_bytes(PDF.read_bytes())
    with zipfile.ZipFile(docs / "c.zip", "w") as zf:
        zf.writestr("scan.md", PDF.read_bytes())
    (docs / "d.txt").write_text(_variant(1), encoding="utf-8")
    (docs / "e.md").write_text(_variant(1), encoding="utf-8")
    code = main(["convert", str(docs), "--out", str(tmp_path / "out"), "--workers", "2",
                 "--format", "json,jsonl", "-q"])
    m = {k.removeprefix(str(docs) + "/"): e for k, e in _manifest(tmp_path / "out").items()}
    assert (code, {k: (e["status"], e["format"], e["duplicate_of"] and Path(e["duplicate_of"]).name)
                   for k, e in m.items()}) == (0, {
        "a.pdf": ("ok", "pdf", None), "b.txt": ("duplicate", "pdf", "a.pdf"),
        "c.zip!scan.md": ("duplicate", "pdf", "a.pdf"), "d.txt": ("ok", "text", None),
        "e.md": ("ok", "markdown", None)})
    assert m["b.txt"]["report_id"] == m["a.pdf"]["report_id"] != m["d.txt"]["report_id"] != m["e.md"]["report_id"]
    stored = json.loads((tmp_path / "out" / "reports" / f"{m['a.pdf']['report_id']}.json").read_text(encoding="utf-8"))
    assert stored["source"]["path"] == str(docs / "a.pdf")
    assert len((tmp_path / "out" / "reports.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_a_file_whose_name_is_no_utf8_does_not_stop_the_run(tmp_path: Path) -> None:
    # An old Windows archive's name in Windows-1258 bytes (``Báo cáo.txt``) beside a plain one:
    # both are converted, the manifest and the tables name it ``B\xe1o c\xe1o.txt``.
    docs = tmp_path / "docs"
    docs.mkdir()
    Path(os.fsdecode(os.fsencode(docs) + b"/B\xe1o c\xe1o.txt")).write_text(_variant(1), encoding="utf-8")
    (docs / "ok.txt").write_text(_variant(2), encoding="utf-8")
    code = main(["convert", str(docs), "--out", str(tmp_path / "out"), "--workers", "1", "--format", "json,parquet",
                 "-q"])
    m = {Path(k).name: e["status"] for k, e in _manifest(tmp_path / "out").items()}
    paths = pd.read_parquet(tmp_path / "out" / "tables" / "reports.parquet")["path"].map(lambda p: Path(p).name)
    assert (code, m, sorted(paths)) == (0, {"B\\xe1o c\\xe1o.txt": "ok", "ok.txt": "ok"},
                                        ["B\\xe1o c\\xe1o.txt", "ok.txt"])


def test_nothing_extracted_outside_or_left_behind(unsafe_run: tuple[int, Path, Path]) -> None:
    _, archive, out = unsafe_run
    root = archive.parent.parent
    found = [p for p in root.rglob("*") if p.is_file() and p.name.startswith(("evil", "m2"))]
    assert found == []
    assert not (root.parent / "evil.txt").exists()
    # The lock file stays, empty: no run holds the folder.
    assert sorted(p.name for p in out.iterdir()) == [".convert.lock", "logs", "manifest.jsonl", "reports",
                                                     "reports.jsonl", "tables"]
    assert (out / ".convert.lock").read_bytes() == b""


def test_tables_match_the_reports(unsafe_run: tuple[int, Path, Path]) -> None:
    _, _, out = unsafe_run
    expected: dict[str, int] = {}
    for line in (out / "reports.jsonl").read_text(encoding="utf-8").splitlines():
        for name, n in count_records(json.loads(line)).items():
            expected[name] = expected.get(name, 0) + n
    for name, n in expected.items():
        assert len(pd.read_parquet(out / "tables" / f"{name}.parquet")) == n, name
        assert len(pd.read_csv(out / "tables" / f"{name}.csv")) == n, name


@pytest.mark.parametrize("argv", [
    ["convert", "NOPE.pdf", "--out", "{out}"],
    ["convert", "{seed}", "--out", "{out}", "--format", "xml"],
    ["convert", "{seed}", "--out", "{out}", "--workers", "0"],
    ["convert", "{seed}", "--out", "{seed}"],
])
def test_usage_errors_exit_2_before_any_work(argv: list[str], tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    args = [a.format(out=tmp_path / "out", seed=SEED) for a in argv]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("vnreport-extract convert: error:") and len(err.splitlines()) == 1
    assert not (tmp_path / "out" / "manifest.jsonl").exists()


def test_an_empty_out_is_a_usage_error_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    # Path("") is the current folder: the run wrote its outputs all over it.
    monkeypatch.chdir(tmp_path)
    assert main(["convert", str(SEED), "--out", "", "--workers", "1", "-q"]) == 2
    assert capsys.readouterr().err == ("vnreport-extract convert: error: the output folder is an empty path: "
                                       "name a folder (--out DIR)\n")
    with pytest.raises(UsageError, match="empty path"):
        convert([SEED], "", workers=1)
    assert list(tmp_path.iterdir()) == []


def test_missing_out_is_an_argparse_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["convert", str(SEED)])
    assert exc.value.code == 2
    assert "--out" in capsys.readouterr().err


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_an_earlier_run_needs_resume_or_force_and_quiet_prints_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(SEED), "--out", str(out), "--workers", "1", "--format", "json", "-q"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["convert", str(SEED), "--out", str(out), "--format", "json", "-q"]) == 2
    assert "--resume" in capsys.readouterr().err
    assert main(["convert", str(SEED), "--out", str(out), "--workers", "1", "--format", "json", "--force"]) == 0
    assert [e["status"] for e in _manifest(out).values()] == ["ok"]
    captured = capsys.readouterr()
    assert captured.out == ""
    # The progress bar (a plain line when stderr is not a terminal) and the summary.
    assert "1/1 files" in captured.err and "files/s" in captured.err and "ETA" in captured.err
    assert "0 failed" in captured.err
    assert "1 file in" in captured.err and "1 ok" in captured.err


def test_a_folder_with_files_that_are_no_documents_converts_with_exit_0(tmp_path: Path) -> None:
    # An archive folder as users keep them: the reports beside a spreadsheet and a readme.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bao-cao.txt").write_text(_variant(1), encoding="utf-8")
    (docs / "so-lieu.xlsx").write_bytes(_xlsx())
    (docs / "README.json").write_text("{}", encoding="utf-8")
    code = main(["convert", str(docs), "--out", str(tmp_path / "out"), "--workers", "1", "--format", "json", "-q"])
    m = {Path(k).name: (e["status"], e["error_type"]) for k, e in _manifest(tmp_path / "out").items()}
    assert (code, m) == (0, {"bao-cao.txt": ("ok", None), "so-lieu.xlsx": ("skipped", "SkippedInputError"),
                             "README.json": ("skipped", "SkippedInputError")})


def test_a_glob_lists_the_files_that_are_no_documents_as_a_folder_does(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bao-cao.txt").write_text(_variant(1), encoding="utf-8")
    (docs / "README.json").write_text("{}", encoding="utf-8")
    code = main(["convert", str(docs / "*"), "--out", str(tmp_path / "out"), "--workers", "1", "--format", "json",
                 "-q"])
    m = {Path(k).name: (e["status"], e["error_type"]) for k, e in _manifest(tmp_path / "out").items()}
    assert (code, m) == (0, {"bao-cao.txt": ("ok", None), "README.json": ("skipped", "SkippedInputError")})


def test_a_named_file_that_is_no_document_is_an_error(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code = main(["convert", str(SEED), str(fifo), "--out", str(tmp_path / "out"), "--workers", "1",
                 "--format", "json", "-q"])
    m = _manifest(tmp_path / "out")
    assert (code, m[str(SEED)]["status"]) == (1, "ok")
    assert (m[str(fifo)]["status"], m[str(fifo)]["error_type"]) == ("error", "SkippedInputError")
    assert "FIFO" in m[str(fifo)]["error"]
    # The same from Python.
    with pytest.raises(SkippedInputError, match="FIFO"):
        list(iter_reports([SEED, fifo]))


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "0-corrupt.pdf").write_bytes(PDF.read_bytes()[:5000])
    for n in range(1, 4):
        (docs / f"{n}.txt").write_text(_variant(n), encoding="utf-8")
    code = main(["convert", str(docs), "--out", str(tmp_path / "out"), "--workers", "1", "--format", "json",
                 "--fail-fast"])
    assert code == 1
    statuses = [(Path(e["path"]).name, e["status"]) for e in _manifest(tmp_path / "out").values()]
    assert statuses == [("0-corrupt.pdf", "error"), ("1.txt", "skipped"), ("2.txt", "skipped"),
                        ("3.txt", "skipped")]
    assert list((tmp_path / "out" / "reports").iterdir()) == []
    said = [line for line in capsys.readouterr().err.splitlines() if line.startswith("failed: ")]
    assert len(said) == 1 and said[0].count("0-corrupt.pdf") == 1  # the path once, as in the summary


def test_fail_fast_keeps_why_a_file_is_no_document(tmp_path: Path) -> None:
    # The files left after the stop are FailFast; those that are no documents keep their reason.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "0-corrupt.pdf").write_bytes(PDF.read_bytes()[:5000])
    (docs / "1.txt").write_text(_variant(1), encoding="utf-8")
    (docs / "2-data.json").write_text("{}", encoding="utf-8")
    main(["convert", str(docs), "--out", str(tmp_path / "out"), "--workers", "1", "--format", "json",
          "--fail-fast", "-q"])
    types = {Path(k).name: (e["status"], e["error_type"]) for k, e in _manifest(tmp_path / "out").items()}
    assert types == {"0-corrupt.pdf": ("error", "CorruptFileError"), "1.txt": ("skipped", "FailFast"),
                     "2-data.json": ("skipped", "SkippedInputError")}


@pytest.mark.slow
def test_timeout_is_recorded_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(FIXTURES / "archive"),
                                                                   os.environ.get("PYTHONPATH")])))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a-hang.txt").write_text("HANG-FOREVER\n" + _variant(0), encoding="utf-8")
    (docs / "b.txt").write_text(_variant(1), encoding="utf-8")
    summary = convert([docs], tmp_path / "out", workers=2, timeout=3, formats=["jsonl"],
                      parser="slow_parser:parse")
    assert summary.exit_code == 1 and summary.counts["timeout"] == 1 and summary.counts["ok"] == 1
    hang = _manifest(tmp_path / "out")[str(docs / "a-hang.txt")]
    assert (hang["status"], hang["error_type"], hang["seconds"]) == ("timeout", "Timeout", 3)
    # jsonl only: reports are kept in .store (for --resume), not in reports/
    assert not (tmp_path / "out" / "reports").exists()
    assert len(list((tmp_path / "out" / ".store").glob("*.json"))) == 1


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_resume_reconverts_a_changed_file_and_drops_its_old_report(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(_variant(1), encoding="utf-8")
    (docs / "b.txt").write_text(_variant(2), encoding="utf-8")
    out = tmp_path / "out"
    first = convert([docs], out, workers=1, formats=["json"])
    old_b = _manifest(out)[str(docs / "b.txt")]
    (docs / "b.txt").write_text(_variant(3), encoding="utf-8")
    again = convert([docs], out, workers=1, formats=["json"], resume=True)
    assert (first.exit_code, again.exit_code, again.resumed) == (0, 0, 1)
    m = _manifest(out)
    assert m[str(docs / "b.txt")]["report_id"] != old_b["report_id"]
    assert {p.stem for p in (out / "reports").glob("*.json")} == {e["report_id"] for e in m.values()}


def _report_rows(out: Path) -> list[tuple[str, str]]:
    reports = pd.read_parquet(out / "tables" / "reports.parquet")
    return sorted(zip(reports["path"], reports["report_id"], strict=True))


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_resume_after_the_original_of_a_duplicate_changed_equals_a_fresh_run(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(_variant(1), encoding="utf-8")
    with zipfile.ZipFile(docs / "z.zip", "w") as zf:
        zf.write(docs / "a.txt", "a.txt")  # a duplicate of a.txt, as the first run finds it
    convert([docs], tmp_path / "out", workers=1, formats=["parquet"])
    (docs / "a.txt").write_text(_variant(2), encoding="utf-8")
    convert([docs], tmp_path / "out", workers=1, formats=["parquet"], resume=True)
    convert([docs], tmp_path / "fresh", workers=1, formats=["parquet"])
    member = f"{docs / 'z.zip'}!a.txt"
    assert (_manifest(tmp_path / "out")[member]["status"], _report_rows(tmp_path / "out")) == \
        ("ok", _report_rows(tmp_path / "fresh"))


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_resume_drops_a_document_deleted_from_the_input_folder(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(_variant(1), encoding="utf-8")
    (docs / "b.txt").write_text(_variant(2), encoding="utf-8")
    convert([docs], tmp_path / "out", workers=1, formats=["parquet"])
    (docs / "b.txt").unlink()
    again = convert([docs], tmp_path / "out", workers=1, formats=["parquet"], resume=True)
    paths = [p for p, _ in _report_rows(tmp_path / "out")]
    assert (sorted(_manifest(tmp_path / "out")), paths, again.rows["reports"]) == \
        ([str(docs / "a.txt")], [str(docs / "a.txt")], 1)


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_resume_with_another_folder_adds_to_the_output(tmp_path: Path) -> None:
    for name, n in (("one", 1), ("two", 2)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text(_variant(n), encoding="utf-8")
    convert([tmp_path / "one"], tmp_path / "out", workers=1, formats=["parquet"])
    convert([tmp_path / "two"], tmp_path / "out", workers=1, formats=["parquet"], resume=True)
    assert [p for p, _ in _report_rows(tmp_path / "out")] == [str(tmp_path / "one" / "a.txt"),
                                                              str(tmp_path / "two" / "a.txt")]


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_resume_after_the_inputs_changed_order_keeps_one_original_of_a_content(tmp_path: Path) -> None:
    docs = tmp_path / "dd"
    docs.mkdir()
    for name in ("a.txt", "b.txt"):
        (docs / name).write_text(_variant(1), encoding="utf-8")
    convert([docs / "b.txt", docs / "a.txt"], tmp_path / "out", workers=1, formats=["jsonl"])  # b the original
    convert([docs], tmp_path / "out", workers=1, formats=["jsonl"], resume=True)  # a listed first now
    convert([docs], tmp_path / "fresh", workers=1, formats=["jsonl"])
    statuses = {Path(k).name: e["status"] for k, e in _manifest(tmp_path / "out").items()}
    fresh = {Path(k).name: e["status"] for k, e in _manifest(tmp_path / "fresh").items()}
    assert statuses == fresh == {"a.txt": "ok", "b.txt": "duplicate"}


def _tree(root: Path) -> Path:
    for rel, n in (("a.txt", 1), ("b.txt", 2), ("sub/c.txt", 3)):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(_variant(n), encoding="utf-8")
    return root


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_resume_with_a_glob_keeps_what_its_star_does_not_reach(tmp_path: Path) -> None:
    docs = _tree(tmp_path / "docs")
    convert([docs], tmp_path / "out", workers=1, formats=["jsonl"])
    convert([f"{docs}/*.txt"], tmp_path / "out", workers=1, formats=["jsonl"], resume=True)
    assert sorted(Path(k).relative_to(docs).as_posix() for k in _manifest(tmp_path / "out")) == \
        ["a.txt", "b.txt", "sub/c.txt"]


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_resume_with_a_recursive_glob_drops_a_deleted_document(tmp_path: Path) -> None:
    docs = _tree(tmp_path / "docs")
    convert([f"{docs}/**/*.txt"], tmp_path / "out", workers=1, formats=["jsonl"])
    (docs / "a.txt").unlink()
    convert([f"{docs}/**/*.txt"], tmp_path / "out", workers=1, formats=["jsonl"], resume=True)
    assert sorted(Path(k).relative_to(docs).as_posix() for k in _manifest(tmp_path / "out")) == ["b.txt", "sub/c.txt"]


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_resume_of_the_current_folder_drops_a_deleted_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path / "docs")
    monkeypatch.chdir(tmp_path / "docs")
    convert(["."], tmp_path / "out", workers=1, formats=["jsonl"])
    Path("b.txt").unlink()
    convert(["."], tmp_path / "out", workers=1, formats=["jsonl"], resume=True)
    assert sorted(_manifest(tmp_path / "out")) == ["a.txt", "sub/c.txt"]


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_resume_of_a_folder_keeps_a_hidden_file_an_earlier_run_named(tmp_path: Path) -> None:
    docs = _tree(tmp_path / "docs")
    (docs / ".h.txt").write_text(_variant(4), encoding="utf-8")
    convert([docs / ".h.txt"], tmp_path / "out", workers=1, formats=["jsonl"])
    convert([docs], tmp_path / "out", workers=1, formats=["jsonl"], resume=True)
    assert str(docs / ".h.txt") in _manifest(tmp_path / "out")


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_resume_under_another_name_of_the_same_folder_lists_each_file_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _tree(tmp_path / "docs")
    convert([docs], tmp_path / "out", workers=1, formats=["jsonl"])  # absolute
    monkeypatch.chdir(tmp_path)
    convert(["docs"], tmp_path / "out", workers=1, formats=["jsonl"], resume=True)  # relative
    assert sorted(_manifest(tmp_path / "out")) == ["docs/a.txt", "docs/b.txt", "docs/sub/c.txt"]


@pytest.mark.slow  # runs convert three times, each run starting its worker processes
def test_resume_from_another_folder_reuses_each_report_and_lists_each_file_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A relative key is read against the folder a run starts from: the manifest records the real path.
    docs = _tree(tmp_path / "docs")
    monkeypatch.chdir(tmp_path.parent)
    convert([f"{tmp_path.name}/docs"], tmp_path / "out", workers=1, formats=["jsonl"])
    monkeypatch.chdir(tmp_path)
    again = convert(["docs"], tmp_path / "out", workers=1, formats=["jsonl"], resume=True)
    assert (again.resumed, sorted(_manifest(tmp_path / "out"))) == (3, ["docs/a.txt", "docs/b.txt", "docs/sub/c.txt"])
    third = convert(["docs"], tmp_path / "out", workers=1, formats=["jsonl"], resume=True)
    assert (third.resumed, third.warnings) == (3, [])
    assert {json.loads(line)["real_path"] for line in (tmp_path / "out" / "manifest.jsonl").read_text().splitlines()} \
        == {str((docs / name).resolve()) for name in ("a.txt", "b.txt", "sub/c.txt")}


@pytest.mark.slow  # runs convert twice, each run starting its worker processes
def test_resume_from_another_folder_names_each_reused_report_as_the_manifest_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path / "docs")
    monkeypatch.chdir(tmp_path.parent)
    convert([f"{tmp_path.name}/docs"], tmp_path / "out", workers=1, formats=["jsonl"])
    monkeypatch.chdir(tmp_path)
    convert(["docs"], tmp_path / "out", workers=1, formats=["jsonl"], resume=True)
    stored = [json.loads(line)["source"]["path"]
              for line in (tmp_path / "out" / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(stored) == sorted(_manifest(tmp_path / "out")) == ["docs/a.txt", "docs/b.txt", "docs/sub/c.txt"]


@pytest.mark.slow  # runs convert twice, each run starting its worker processes
def test_resume_from_another_folder_converts_again_an_earlier_document_whose_report_is_missing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # It was dropped as a file that could not be read again: its key was read against this folder.
    docs = _tree(tmp_path / "proj" / "docs")
    (tmp_path / "other").mkdir()
    monkeypatch.chdir(tmp_path / "proj")
    convert(["docs/a.txt", "docs/b.txt"], "out", workers=1, formats=["jsonl"])
    rid = _manifest(tmp_path / "proj" / "out")["docs/a.txt"]["report_id"]
    (tmp_path / "proj" / "out" / ".store" / f"{rid}.json").unlink()
    monkeypatch.chdir(tmp_path / "other")
    again = convert(["../proj/docs/b.txt"], "../proj/out", workers=1, formats=["jsonl"], resume=True)
    assert again.warnings == [
        f"docs/a.txt: its report {rid}.json is missing from ../proj/out/.store: converting it again"]
    assert {k: e["status"] for k, e in _manifest(tmp_path / "proj" / "out").items()} == {
        "docs/a.txt": "ok", "../proj/docs/b.txt": "ok"}
    assert (docs / "a.txt").exists()


@pytest.mark.slow  # runs convert three times, each run starting its worker processes
def test_resume_from_another_folder_of_a_manifest_with_no_real_paths_reuses_each_report_by_content(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An earlier version recorded no real path: its relative keys name nothing from another folder.
    _tree(tmp_path / "docs")
    monkeypatch.chdir(tmp_path.parent)
    convert([f"{tmp_path.name}/docs"], tmp_path / "out", workers=1, formats=["jsonl"])
    log = tmp_path / "out" / "manifest.jsonl"
    older = [{k: v for k, v in json.loads(line).items() if k != "real_path"} for line in log.read_text().splitlines()]
    log.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in older), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    again = convert(["docs"], tmp_path / "out", workers=1, formats=["jsonl"], resume=True)
    third = convert(["docs"], tmp_path / "out", workers=1, formats=["jsonl"], resume=True)
    assert (again.resumed, again.warnings, third.resumed, third.warnings) == (3, [], 3, [])
    assert sorted(_manifest(tmp_path / "out")) == ["docs/a.txt", "docs/b.txt", "docs/sub/c.txt"]


def test_iter_reports_reads_folders_and_zip_members(tmp_path: Path) -> None:
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("x/seed.txt", SEED.read_bytes())
        zf.writestr("x/copy.txt", SEED.read_bytes())
        zf.writestr("../evil.txt", b"evil")
    reports = list(iter_reports([archive], errors="skip"))
    assert [r.source.path for r in reports] == [f"{archive}!x/seed.txt"]
    assert len(reports[0].citations) == 33
    with pytest.raises(Exception, match="unsafe-path"):
        list(iter_reports(archive))


def test_iter_reports_reads_the_same_bytes_under_another_extension_on_their_own(tmp_path: Path) -> None:
    # As convert does: a text and its copy named .pdf are two inputs (the copy fails).
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.txt", "b.pdf", "c.txt"):
        (docs / name).write_text(_variant(1), encoding="utf-8")
    reports = list(iter_reports([docs], errors="report"))
    assert [(Path(r.source.path or "").name, r.status) for r in reports] == [("a.txt", "ok"), ("b.pdf", "failed")]


def test_iter_reports_yields_a_pdf_and_its_copy_under_a_text_name_once(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.pdf").write_bytes(PDF.read_bytes())
    (docs / "b.txt").write_bytes(PDF.read_bytes())
    assert [(Path(r.source.path or "").name, r.source.format) for r in iter_reports([docs])] == [("a.pdf", "pdf")]
    assert [Path(r.source.path or "").name for r in iter_reports([docs], unique=False)] == ["a.pdf", "b.txt"]


def test_iter_reports_a_failed_pdf_under_a_text_name_is_a_failed_pdf(tmp_path: Path) -> None:
    # Its format is the one it was read as (a PDF cut short), not the one its name promises.
    (tmp_path / "b.md").write_bytes(PDF.read_bytes()[:5000])
    (failed,) = iter_reports([tmp_path / "b.md"], errors="report")
    assert (failed.status, failed.source.format, failed.errors[0].type) == ("failed", "pdf", "CorruptFileError")


@pytest.mark.parametrize(("args", "message"), [
    ((5,), "inputs must be a path or a list of paths"),
    (({"a.txt": 1},), "inputs must be a path or a list of paths (str or os.PathLike), not dict"),
    ((SEED, "off"), "iter_reports: options must be a ParseOptions (or a dict of its fields), not str"),
])
def test_iter_reports_says_what_is_wrong_with_its_arguments_at_the_call(args: tuple[Any, ...], message: str) -> None:
    with pytest.raises(TypeError, match=re.escape(message)):
        iter_reports(*args)  # not only once the first report is asked for


def test_iter_reports_and_convert_take_their_options_as_a_dict(tmp_path: Path) -> None:
    (report,) = iter_reports(SEED, {"ocr": "off"})
    assert len(report.citations) == 33
    summary = convert([SEED], tmp_path / "out", {"workers": 1, "formats": ["jsonl"]})
    assert (summary.exit_code, summary.counts["ok"]) == (0, 1)
    from vnreport_extract import ParseOptions

    again = convert([SEED], tmp_path / "again", ParseOptions(ocr="off"), formats=["jsonl"], workers=1)
    assert (again.exit_code, again.counts["ok"]) == (0, 1)
    with pytest.raises(TypeError, match="convert: options must be a ConvertOptions"):
        convert([SEED], tmp_path / "bad", "off")  # type: ignore[arg-type]  # what is refused


def test_iter_reports_failed_reports_keep_their_file_s_hash_format_and_own_id(tmp_path: Path) -> None:
    import hashlib

    from vnreport_extract.batch import to_frames

    docs = tmp_path / "docs"
    docs.mkdir()
    for name, data in (("a.pdf", b"one\n"), ("b.docx", b"two\n"), ("c.doc", b"x")):
        (docs / name).write_bytes(data)
    rows = to_frames(list(iter_reports([docs], errors="report")))["reports"]
    # A failed report's id is its file's, marked failed: the same bytes read as text are another report.
    assert [(r.format, r.sha256, r.report_id) for r in rows.itertuples()] == [
        (fmt, hashlib.sha256(data).hexdigest(),
         hashlib.sha256(f"{hashlib.sha256(data).hexdigest()}:failed".encode()).hexdigest()[:16])
        for fmt, data in (("pdf", b"one\n"), ("docx", b"two\n"), ("doc", b"x"))]


def test_a_report_of_no_file_nor_text_takes_its_id_from_its_path() -> None:
    from vnreport_extract.batch.tables import report_id

    assert report_id({"source": {"path": "a.pdf"}}) != report_id({"source": {"path": "b.pdf"}})


def test_iter_reports_failed_report_of_a_name_that_is_no_utf8_can_be_written(tmp_path: Path) -> None:
    # A file past max_file_bytes under a Windows-1258 name: its failed report names it B\xe1o.
    from vnreport_extract import Limits, ParseOptions

    big = Path(os.fsdecode(os.fsencode(tmp_path) + b"/B\xe1o.txt"))
    big.write_text(_variant(1), encoding="utf-8")
    (report,) = iter_reports([big], ParseOptions(limits=Limits(max_file_bytes=100)), errors="report")
    data = json.loads(report.model_dump_json())
    assert (data["status"], "B\\xe1o.txt" in data["errors"][0]["message"]) == ("failed", True)


def test_two_files_written_alike_in_the_records_are_both_converted(tmp_path: Path) -> None:
    # ``B\xe1o.txt`` in Windows-1258 bytes and a name with a backslash, ``B\xe1o.txt``, are
    # written alike: the second gets ``#2`` rather than being dropped.
    docs = tmp_path / "docs"
    docs.mkdir()
    Path(os.fsdecode(os.fsencode(docs) + b"/B\xe1o.txt")).write_text(_variant(1), encoding="utf-8")
    (docs / "B\\xe1o.txt").write_text(_variant(2), encoding="utf-8")
    code = main(["convert", str(docs), "--out", str(tmp_path / "out"), "--workers", "1", "--format", "json", "-q"])
    m = {Path(k).name: e["status"] for k, e in _manifest(tmp_path / "out").items()}
    assert (code, m) == (0, {"B\\xe1o.txt": "ok", "B\\xe1o.txt#2": "ok"})


def test_summary_rate_counts_the_files_this_run_read_and_a_failure_names_its_file_once() -> None:
    from vnreport_extract.batch.plan import ConvertSummary

    failure = {"status": "error", "path": "in/b.pdf", "error_type": "CorruptFileError",
               "error": "in/b.pdf: named .pdf, but it is text"}
    summary = ConvertSummary(Path("out"), 4, {"ok": 3, "error": 1}, resumed=2, seconds=2.0, failures=[failure])
    assert summary.text().splitlines()[:2] == [
        "4 files in 2.0 s (2 read by this run, 1.0 files/s): 3 ok, 0 duplicate, 1 error, 0 timeout, 0 skipped; "
        "2 already converted by an earlier run",
        "  error: in/b.pdf: CorruptFileError: named .pdf, but it is text"]


def test_summary_rate_leaves_out_duplicates_and_skipped_files() -> None:
    from vnreport_extract.batch.plan import ConvertSummary

    summary = ConvertSummary(Path("out"), 5, {"ok": 2, "duplicate": 2, "skipped": 1}, resumed=2, seconds=1.0)
    assert summary.text().splitlines()[0].startswith("5 files in 1.0 s: 2 ok")


@pytest.mark.filterwarnings("ignore:Duplicate name")  # a second member of one name, on purpose
def test_a_repeated_zip_member_that_fails_keeps_the_format_its_name_promises(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as zf:
        zf.writestr("b.pdf", "not a pdf")
        zf.writestr("b.pdf", "not a pdf either")
    reports = list(iter_reports([tmp_path / "a.zip"], errors="report"))
    assert [(Path(r.source.path or "").name, r.source.format) for r in reports] == [("a.zip!b.pdf", "pdf"),
                                                                                   ("a.zip!b.pdf#2", "pdf")]


# --- one run at a time in an output folder --------------------------------------------------

def _hanging_run(docs: Path, out: Path) -> subprocess.Popen[bytes]:
    """A convert run in another process that holds ``out`` until it is killed: its one
    document hangs its worker (``slow_parser``), under a timeout longer than the test;
    returned once that worker is parsing."""
    (docs / "a-hang.txt").write_text("HANG-FOREVER\n" + _variant(0), encoding="utf-8")
    hung = docs.parent / "hung.pid"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(FIXTURES / "archive"),
                                                                     os.environ.get("PYTHONPATH")])),
           "SLOW_PARSER_PIDFILE": str(hung)}
    proc = subprocess.Popen([sys.executable, "-m", "vnreport_extract.cli", "convert", str(docs), "--out", str(out),
                             "--workers", "1", "--timeout", "600", "--format", "jsonl", "--parser",
                             "slow_parser:parse", "-q"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    lock = out / LOCK_FILE
    # Its worker is parsing (it wrote its pid): the run has taken the folder and set up its work in it.
    while not (hung.exists() and hung.read_text().strip().isdigit()):
        assert proc.poll() is None and time.monotonic() < deadline, "the first run never started its document"
        time.sleep(0.02)
    assert lock.read_text().strip() == str(proc.pid)
    return proc


@pytest.mark.slow  # runs convert twice or more, each run starting its worker processes
def test_a_second_run_into_a_folder_in_use_fails_at_once_naming_the_other_run(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    first = _hanging_run(docs, out)
    try:
        started = time.monotonic()
        assert main(["convert", str(docs), "--out", str(out), "--workers", "1", "--resume", "-q"]) == 2
        assert time.monotonic() - started < 10  # at once, not after waiting for the other run
        err = capsys.readouterr().err
        assert err == (f"vnreport-extract convert: error: OutputLockedError: {out} is in use by another convert run "
                       f"(pid {first.pid}): wait for it to end, or choose another output folder\n")
        with pytest.raises(OutputLockedError) as exc:
            convert([docs], out, workers=1, force=True)
        assert (exc.value.folder, exc.value.pid) == (str(out), first.pid)
        assert isinstance(exc.value, OutputError)
        # The refused runs touched nothing: the first run's work folder and manifest are its own.
        assert (out / ".tmp").is_dir() and first.poll() is None
    finally:
        first.kill()
        first.wait(timeout=30)
    # Killed, it holds the folder no more: the lock went with its process.
    again = convert([docs], out, workers=1, formats=["jsonl"], resume=True)  # the plain parser: it does not hang
    assert (again.exit_code, again.counts["ok"]) == (0, 1)
    assert (out / LOCK_FILE).read_text() == ""


def test_a_run_holds_its_folder_until_it_ends_then_lets_the_next_one_in(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with OutputLock(out), pytest.raises(OutputLockedError, match=rf"\(pid {os.getpid()}\)"):
        convert([SEED], out, workers=1, formats=["jsonl"])
    assert not (out / "manifest.jsonl").exists()
    assert convert([SEED], out, workers=1, formats=["jsonl"]).exit_code == 0
    with pytest.raises(UsageError, match="earlier run"):  # a run that stops at an error lets go too
        convert([SEED], out, workers=1, formats=["jsonl"])
    assert convert([SEED], out, workers=1, formats=["jsonl"], resume=True).resumed == 1
    assert (out / LOCK_FILE).read_text() == ""


def test_a_lock_left_by_a_killed_process_does_not_block(tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from pathlib import Path; "
                               "from vnreport_extract.batch.lock import OutputLock; "
                               "OutputLock(Path(sys.argv[1])).acquire(); print('held', flush=True); time.sleep(600)",
                               str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(OutputLockedError) as exc:
            convert([SEED], out, workers=1, formats=["jsonl"])
        assert exc.value.pid == holder.pid
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert (out / LOCK_FILE).read_text().strip() == str(holder.pid)  # the pid of a process that is gone
    assert convert([SEED], out, workers=1, formats=["jsonl"]).exit_code == 0


@pytest.mark.parametrize("as_given", [str, Path], ids=["str", "Path"])
def test_one_folder_given_alone_is_one_input_not_its_letters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            as_given: Any) -> None:
    # convert("in", ...) took the string for a list of inputs: "i" and "n", no such files.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(SEED.read_bytes())
    summary = convert(as_given("in"), "out", workers=1, formats=["jsonl"])
    assert (summary.exit_code, summary.counts["ok"]) == (0, 1)
    assert [json.loads(line)["path"] for line in (tmp_path / "out" / "manifest.jsonl").read_text().splitlines()] \
        == ["in/a.txt"]


@pytest.mark.parametrize(("inputs", "message"), [
    (3, "inputs must be a path or a list of paths (str or os.PathLike), not int"),
    (b"in", "inputs must be a path or a list of paths (str or os.PathLike), not bytes"),
    (["in", 3], "each input must be a path (str or os.PathLike), not int: 3"),
])
def test_inputs_that_are_no_paths_are_a_type_error_before_any_work(tmp_path: Path, inputs: Any, message: str) -> None:
    with pytest.raises(TypeError) as info:
        convert(inputs, tmp_path / "out", workers=1)
    assert str(info.value) == message
    assert not (tmp_path / "out").exists()


def test_iter_reports_takes_one_path_as_convert_does() -> None:
    assert [r.source.path for r in iter_reports(SEED)] == [str(SEED)]


def test_the_same_bytes_as_text_and_as_markdown_are_two_reports_under_two_ids(tmp_path: Path) -> None:
    # Both read (the extension decides the reading: ** is bold in Markdown, two stars in text),
    # and both once had the id of their sha256: one report file, the tables' rows of two
    # reports under one report_id.
    docs = tmp_path / "docs"
    docs.mkdir()
    body = "# BÁO CÁO\n\nThực hiện **Kế hoạch số 41/KH-UBND** ngày 15/5/2023 của UBND tỉnh.\n"
    for name in ("a.md", "a.txt"):
        (docs / name).write_text(body, encoding="utf-8")
    summary = convert([docs], tmp_path / "out", workers=1, formats=["json", "parquet"])
    m = {Path(k).name: e for k, e in _manifest(tmp_path / "out").items()}
    assert (summary.exit_code, m["a.md"]["format"], m["a.txt"]["format"]) == (0, "markdown", "text")
    assert m["a.txt"]["report_id"] == m["a.txt"]["sha256"][:16] != m["a.md"]["report_id"]
    for name in ("a.md", "a.txt"):
        stored = json.loads((tmp_path / "out" / "reports" / f"{m[name]['report_id']}.json").read_text(encoding="utf-8"))
        assert Path(stored["source"]["path"]).name == name
    reports = pd.read_parquet(tmp_path / "out" / "tables" / "reports.parquet")
    assert reports["report_id"].nunique() == 2


def _files(out: Path) -> list[str]:
    """The files a run leaves in its folder (its lock and logs aside)."""
    return sorted(str(p.relative_to(out)) for p in out.rglob("*")
                  if p.is_file() and p.name != ".convert.lock" and "logs" not in p.parts)


@pytest.mark.parametrize(("before", "after"), [(["json"], ["jsonl"]), (["jsonl", "csv"], ["json", "parquet"])],
                         ids=["json-then-jsonl", "jsonl-csv-then-json-parquet"])
def test_a_resume_in_other_formats_carries_the_reports_and_leaves_the_folder_a_fresh_run_would(
        tmp_path: Path, before: list[str], after: list[str]) -> None:
    # Every document was converted again (its report "missing from .store", a warning each), and
    # reports/, reports.jsonl and the CSV tables of the earlier run were left behind, stale.
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(3):
        (docs / f"d{n}.txt").write_text(_variant(n), encoding="utf-8")
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    assert convert([docs], out, workers=1, formats=before).exit_code == 0
    summary = convert([docs], out, workers=1, formats=after, resume=True)
    assert (summary.exit_code, summary.resumed, summary.warnings) == (0, 3, [])
    assert convert([docs], fresh, workers=1, formats=after).exit_code == 0
    assert _files(out) == _files(fresh)
    assert {k: {f: v for f, v in e.items() if f != "seconds"} for k, e in _manifest(out).items()} == \
        {k: {f: v for f, v in e.items() if f != "seconds"} for k, e in _manifest(fresh).items()}


def test_a_resume_in_other_formats_leaves_a_users_own_files_where_they_are(tmp_path: Path) -> None:
    # Every file of the other store folder was moved or deleted: a user's notes.txt, mine.json.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "d.txt").write_text(_variant(1), encoding="utf-8")
    out = tmp_path / "out"
    assert convert([docs], out, workers=1, formats=["json"]).exit_code == 0
    (out / "reports" / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "reports" / "mine.json").write_text("{}", encoding="utf-8")
    summary = convert([docs], out, workers=1, formats=["jsonl"], resume=True)
    assert (summary.exit_code, summary.resumed) == (0, 1)
    assert sorted(p.name for p in (out / "reports").iterdir()) == ["mine.json", "notes.txt"]
    assert [p.name for p in (out / ".store").iterdir()] == [f"{_manifest(out)[str(docs / 'd.txt')]['report_id']}.json"]


def test_a_resume_with_no_earlier_run_touches_no_output_in_other_formats(tmp_path: Path) -> None:
    # --resume into a folder that holds no manifest: what is there is no run's to move or remove.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "d.txt").write_text(_variant(1), encoding="utf-8")
    out = tmp_path / "out"
    (out / "reports").mkdir(parents=True)
    (out / "reports" / "0123456789abcdef.json").write_text("{}", encoding="utf-8")
    (out / "reports.jsonl").write_text("mine\n", encoding="utf-8")
    assert convert([docs], out, workers=1, formats=["csv"], resume=True).exit_code == 0
    assert (out / "reports" / "0123456789abcdef.json").read_text(encoding="utf-8") == "{}"
    assert (out / "reports.jsonl").read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("named", ["absolute", "link"])
def test_resume_under_another_name_of_the_folder_drops_a_deleted_document(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: str) -> None:
    # A document deleted from in/ was kept when the resumed run named the folder otherwise.
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "in"
    docs.mkdir()
    for n in range(2):
        (docs / f"d{n}.txt").write_text(_variant(n), encoding="utf-8")
    assert convert(["in"], "out", workers=1, formats=["jsonl"]).exit_code == 0
    (docs / "d1.txt").unlink()
    if named == "link":
        (tmp_path / "link").symlink_to(docs)
    again = convert([str(docs) if named == "absolute" else "link"], "out", workers=1, formats=["jsonl"], resume=True)
    assert again.exit_code == 0
    assert [Path(k).name for k in _manifest(tmp_path / "out")] == ["d0.txt"]


def test_an_empty_input_path_is_refused_not_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vnreport_extract import InputError

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(_variant(1), encoding="utf-8")
    with pytest.raises(InputError, match="an empty path names no file"):
        convert([""], tmp_path / "out", workers=1)
    assert not (tmp_path / "out").exists()


def test_a_file_where_the_store_folder_goes_is_an_output_error(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "reports").write_text("x", encoding="utf-8")
    assert main(["convert", str(SEED), "--out", str(tmp_path / "out"), "--format", "json", "-q"]) == 2
    assert capsys.readouterr().err == (f"vnreport-extract convert: error: OutputError: cannot make the folder "
                                       f"{tmp_path / 'out' / 'reports'}: File exists\n")


def test_the_attachments_of_a_zip_member_name_the_member_not_its_temporary_copy(tmp_path: Path) -> None:
    # They named out/.tmp/vnreport-convert-*/m1.docx, a file gone when the run ended.
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as z:
        z.write(FIXTURES / "real" / "kh-cchc-2026.docx", "kh.docx")
    key = f"{tmp_path / 'a.zip'}!kh.docx"
    assert convert([tmp_path / "a.zip"], tmp_path / "out", workers=1, formats=["json"]).exit_code == 0
    (stored,) = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "out" / "reports").glob("*.json")]
    assert [stored["source"]["path"]] + [a["source"]["path"] for a in stored["attachments"]] == [key, key]
    (report,) = iter_reports(tmp_path / "a.zip")
    assert [report.source.path] + [a.source.path for a in report.attachments] == [key, key]


def test_quiet_still_lists_the_inputs_that_failed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "bao-cao.txt").write_text(_variant(1), encoding="utf-8")
    (docs / "hong.pdf").write_text("not a PDF", encoding="utf-8")
    code = main(["convert", str(docs), "--out", str(tmp_path / "out"), "--workers", "1", "--format", "json", "-q"])
    lines = capsys.readouterr().err.splitlines()
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith(f"error: {docs / 'hong.pdf'}: CorruptFileError: ")


@pytest.mark.parametrize("content", ["nothing", "a spreadsheet"])
def test_an_input_with_no_document_converts_with_a_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str) -> None:
    (tmp_path / "empty").mkdir()
    if content == "a spreadsheet":
        (tmp_path / "empty" / "so-lieu.xlsx").write_bytes(_xlsx())
    code = main(["convert", str(tmp_path / "empty"), "--out", str(tmp_path / "out"), "--format", "json", "-q"])
    assert (code, capsys.readouterr().err.strip()) == (
        0, "vnreport-extract convert: warning: no documents in the inputs (folders are walked for .txt .md .docx "
           ".doc .pdf .zip)")


def test_a_file_past_the_size_limit_is_said_with_its_size_as_parse_says_it(tmp_path: Path) -> None:
    convert([SEED], tmp_path / "out", workers=1, formats=["jsonl"], limits=Limits(max_file_bytes=1000))
    [entry] = _manifest(tmp_path / "out").values()
    with pytest.raises(LimitExceededError) as parsed:
        parse_file(SEED, ParseOptions(limits=Limits(max_file_bytes=1000)))
    assert (entry["error_type"], entry["error"]) == ("LimitExceededError", str(parsed.value))
    assert f"{SEED.stat().st_size} bytes" in entry["error"]
