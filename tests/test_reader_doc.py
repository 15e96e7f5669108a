"""The legacy .doc reader (readers/doc.py): LibreOffice headless, then the DOCX reader.

On the real ``kh-pcmt-2030.doc`` and the ``.docx`` of the same plan. Each LibreOffice
conversion takes 2–6 s; the file takes about 20 s in all.
"""

from __future__ import annotations

import collections
import json
import os
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from conftest import alive

from vnreport_extract import ParseOptions, Report, parse_file
from vnreport_extract.errors import CorruptFileError, MissingComponentError
from vnreport_extract.readers.doc import convert_doc, read_doc

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "real-doc"
DOC = FIXTURES / "kh-pcmt-2030.doc"
DOCX = FIXTURES / "kh-pcmt-2030.docx"


@pytest.fixture(scope="module")
def doc_report() -> Report:
    return parse_file(DOC)


@pytest.fixture(scope="module")
def docx_report() -> Report:
    return parse_file(DOCX)


def test_doc_is_read_as_doc(doc_report: Report) -> None:
    assert doc_report.source.format == "doc"


@pytest.mark.slow
@pytest.mark.needs_libreoffice
def test_conversion_gives_a_word_document(tmp_path: Path) -> None:
    converted = convert_doc(DOC, tmp_path)
    texts = [p.text.strip() for p in docx.Document(str(converted)).paragraphs]
    assert "KẾ HOẠCH" in texts


def test_doc_and_docx_cite_the_same_documents(doc_report: Report, docx_report: Report) -> None:
    def cited(r: Report) -> collections.Counter[tuple[str | None, str | None]]:
        return collections.Counter((c.symbol, c.date.iso if c.date else None)
                                   for c in r.citations if c.symbol)

    assert cited(doc_report) == cited(docx_report) and len(doc_report.citations) > 0


def test_doc_and_docx_have_the_same_dates_in_the_text(doc_report: Report, docx_report: Report) -> None:
    def dates(r: Report) -> list[tuple[str, str | None]]:
        return [(d.kind, d.value.iso) for d in r.dates if d.role != "document"]

    assert dates(doc_report) == dates(docx_report)


def test_doc_keeps_its_own_draft_date(doc_report: Report, docx_report: Report) -> None:
    # The .doc is the DỰ THẢO of September ("ngày   tháng 9 năm 2025"), the .docx the final of
    # October: the readers report what each file says.
    assert (doc_report.metadata.date and doc_report.metadata.date.iso,
            docx_report.metadata.date and docx_report.metadata.date.iso) == ("2025-09", "2025-10")


def test_doc_and_docx_have_the_same_sections(doc_report: Report, docx_report: Report) -> None:
    def numbers(r: Report) -> list[tuple[str, int]]:
        out: list[tuple[str, int]] = []
        stack = list(reversed(r.sections))
        while stack:
            s = stack.pop()
            out.append((s.number, s.level))
            stack.extend(reversed(s.children))
        return out

    assert numbers(doc_report) == numbers(docx_report)


@pytest.mark.slow
@pytest.mark.needs_libreoffice
def test_truncated_doc_is_a_corrupt_file(tmp_path: Path) -> None:
    cut = tmp_path / "cut.doc"
    cut.write_bytes(DOC.read_bytes()[:60_000])
    with pytest.raises(CorruptFileError, match="LibreOffice could not convert it"):
        parse_file(cut)


def test_libreoffice_missing_names_its_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MissingComponentError) as err:
        read_doc(DOC)
    assert (err.value.component, err.value.package) == ("LibreOffice", "libreoffice-writer-nogui")


def test_libreoffice_missing_is_one_line_in_the_cli(tmp_path: Path) -> None:
    env = dict(os.environ, PATH=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", "import sys; from vnreport_extract.cli import main; "
                           "sys.exit(main())", "parse", str(DOC)], env=env, capture_output=True, text=True,
                          timeout=120)
    assert (done.returncode != 0, done.stderr.count("\n"), "libreoffice-writer-nogui" in done.stderr) == (
        True, 1, True)


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A ``soffice`` first on PATH that hangs like LibreOffice on a bad file: it starts a child
    (as soffice starts soffice.bin) and never returns. Yields the file it writes its pids to."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    pids = tmp_path / "pids"
    tool = bin_dir / "soffice"
    tool.write_text('#!/bin/sh\necho $$ >> "$FAKE_PIDS"\nsleep 300 &\necho $! >> "$FAKE_PIDS"\nwait\n')
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_PIDS", str(pids))
    yield pids
    for line in pids.read_text().split() if pids.exists() else []:
        if alive(int(line)):
            os.kill(int(line), 9)


@pytest.mark.slow
def test_hanging_libreoffice_is_killed_at_its_timeout(fake_soffice: Path) -> None:
    started = time.monotonic()
    with pytest.raises(CorruptFileError, match="LibreOffice timed out after 2 s"):
        read_doc(DOC, timeout=2)
    assert time.monotonic() - started < 10
    pids = [int(p) for p in fake_soffice.read_text().split()]
    assert len(pids) == 2 and [p for p in pids if alive(p)] == []


ARCHIVES = Path(__file__).resolve().parent.parent / "fixtures" / "archives"


@pytest.mark.slow
@pytest.mark.needs_libreoffice
def test_borderless_boxes_of_a_doc_are_no_data_tables() -> None:
    # kh-nhiem-vu-khao-sat: ``Chủ đầu tư:`` and ``Phạm vi khảo sát:`` beside their values, and
    # ``ĐƠN VỊ TƯ VẤN`` | ``ĐƠN VỊ THỤ HƯỞNG`` over the signatures, in boxes with no line drawn;
    # its two ruled tables (abbreviations, work plan) are its data tables, as its gold counts them.
    report = parse_file(ARCHIVES / "qlvb-quanhuyen-2011" / "kh-nhiem-vu-khao-sat-qlvbdh-phu-tho-2012.doc")
    shapes = [(len(t.header) + len(t.rows), len(t.rows[0])) for t in report.tables]
    assert (shapes, "Chủ đầu tư:\nBộ Thông tin và Truyền thông" in report.text) == ([(9, 3), (9, 5)], True)


@pytest.mark.slow
@pytest.mark.needs_libreoffice
def test_the_parties_of_a_bien_ban_are_its_signature_not_a_table() -> None:
    # bien-ban-lam-viec: four parties' representatives in a borderless box under the body.
    report = parse_file(ARCHIVES / "gia-lai-2012" / "bien-ban-lam-viec-vp-ubnd-gia-lai-2012.doc")
    assert report.metadata.signer is not None
    assert (report.tables, report.metadata.signer.name) == ([], "Đặng Quang Khanh")


@pytest.mark.slow
@pytest.mark.needs_libreoffice
def test_a_heading_level_shown_for_a_deeper_one_counts_as_used() -> None:
    # de-cuong (Phú Thọ 2012): ``IV.1 Mục tiêu dự án`` typed, ``Mục tiêu chung`` a Heading 3 shown
    # ``IV.1.1.``; the Heading 2 after them, ``Phạm vi dự án``, is IV.2, as Word's table of
    # contents in the document shows it.
    from vnreport_extract.extract.sections import walk

    report = parse_file(ARCHIVES / "qlvb-quanhuyen-2011" / "de-cuong-du-toan-qlvb-syt-sct-phu-tho-2012.doc")
    numbers = {s.title: s.number for s in walk(report.sections)}
    assert (numbers["Mục tiêu chung"], numbers["Phạm vi dự án"]) == ("IV.1.1", "IV.2")


@pytest.mark.slow
@pytest.mark.needs_libreoffice
def test_a_relative_temporary_folder_still_converts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # ``TMPDIR=reltmp``: LibreOffice runs in its work folder and read the relative paths against it.
    import tempfile

    monkeypatch.chdir(tmp_path)
    (tmp_path / "reltmp").mkdir()
    monkeypatch.setenv("TMPDIR", "reltmp")
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    assert parse_file(DOC).metadata.doc_type == "Kế hoạch"


@pytest.mark.slow
@pytest.mark.needs_libreoffice
def test_convert_into_a_relative_folder_converts_a_doc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # ``vnreport-extract convert docs --out out``: the workers' temporary folders under ``out``.
    from vnreport_extract.batch import convert

    monkeypatch.chdir(tmp_path)
    summary = convert([DOC], Path("out"), workers=1, formats=["jsonl"])
    manifest = [json.loads(line) for line in Path("out/manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (summary.exit_code, [e["status"] for e in manifest]) == (0, ["ok"])


def test_a_program_given_as_libreoffice_that_is_not_is_named() -> None:
    # ``true`` exits 0 and writes nothing: every .doc would have been taken for a broken file.
    true = shutil.which("true")
    assert true is not None
    with pytest.raises(MissingComponentError, match=r"LibreOffice is not installed at .*true \(it does not answer"):
        parse_file(DOC, ParseOptions(libreoffice=true))
