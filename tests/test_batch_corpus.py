"""``convert`` over the corpus (the copies of ``../shared/corpus`` in fixtures/, every file of
it, see CORPUS_INPUTS): every format written, every file converted, and the Parquet tables, read by pandas and by
DuckDB, hold exactly the records of the JSON reports."""

from __future__ import annotations

import atexit
import functools
import json
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from vnreport_extract.batch.tables import TABLE_NAMES, count_records
from vnreport_extract.cli import main

pytestmark = [pytest.mark.slow, pytest.mark.needs_tesseract, pytest.mark.needs_libreoffice]

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# Named one by one (a glob for the .docx): other tasks keep more files in these folders.
CORPUS_INPUTS = [
    str(FIXTURES / "seed" / "000_c44f0d63a01b8516.txt"),
    str(FIXTURES / "real" / "*.docx"),  # the five .docx
    str(FIXTURES / "real-doc" / "kh-pcmt-2030.doc"),
    str(FIXTURES / "real-doc" / "kh-pcmt-2030.docx"),  # byte-identical to real/'s: a duplicate
    str(FIXTURES / "real-scan" / "bcdx-03-scan.pdf"),  # OCR
    str(FIXTURES / "real-pdf" / "bc-mo-hinh-thi-diem-cchc.pdf"),  # a text PDF, 8 pages
    str(FIXTURES / "real-pdf" / "bc-cchc-nam-2025.signed.pdf"),  # the signed PDF, 35 pages
]
FORMATS = "json,jsonl,parquet,csv"


@functools.lru_cache(maxsize=1)
def local_corpus_run() -> tuple[int, Path]:
    """The local conversion of the corpus, run once per test session (test_dask compares with it)."""
    root = Path(tempfile.mkdtemp(prefix="vnreport-corpus-"))
    atexit.register(shutil.rmtree, root, True)
    out = root / "local"
    code = main(["convert", *CORPUS_INPUTS, "--out", str(out), "--workers", "2", "--format", FORMATS,
                 "--quiet"])
    return code, out


@pytest.fixture(scope="module")
def run() -> tuple[int, Path]:
    return local_corpus_run()


@pytest.fixture(scope="module")
def reports(run: tuple[int, Path]) -> list[dict[str, Any]]:
    lines = (run[1] / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _manifest(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def test_every_file_converted(run: tuple[int, Path]) -> None:
    code, out = run
    entries = _manifest(out)
    assert code == 0
    assert len(entries) == 11
    assert Counter(e["status"] for e in entries) == {"ok": 10, "duplicate": 1}
    (dup,) = [e for e in entries if e["status"] == "duplicate"]
    assert dup["path"].endswith("real-doc/kh-pcmt-2030.docx") and dup["duplicate_of"].endswith(
        "real/kh-pcmt-2030.docx")


def test_formats_pages_and_ocr_recorded(run: tuple[int, Path]) -> None:
    by_name = {Path(e["path"]).name: e for e in _manifest(run[1])}
    assert by_name["bcdx-03-scan.pdf"]["format"] == "pdf" and by_name["bcdx-03-scan.pdf"]["ocr"] is True
    assert by_name["bcdx-03-scan.pdf"]["pages"] == 2
    assert by_name["kh-pcmt-2030.doc"]["format"] == "doc"
    pdf = by_name["bc-mo-hinh-thi-diem-cchc.pdf"]
    assert (pdf["format"], pdf["ocr"], pdf["pages"]) == ("pdf", False, 8)
    assert by_name["000_c44f0d63a01b8516.txt"]["format"] == "text"


def test_every_format_written(run: tuple[int, Path], reports: list[dict[str, Any]]) -> None:
    out = run[1]
    ids = {e["report_id"] for e in _manifest(out)}
    assert len(ids) == len(reports) == 10
    assert {p.stem for p in (out / "reports").glob("*.json")} == ids
    for name in TABLE_NAMES:
        assert (out / "tables" / f"{name}.parquet").is_file()
        assert (out / "tables" / f"{name}.csv").is_file()


def _expected(reports: list[dict[str, Any]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for r in reports:
        total.update(count_records(r))
    return total


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_parquet_rows_in_pandas_equal_json_records(run: tuple[int, Path], reports: list[dict[str, Any]],
                                                   name: str) -> None:
    frame = pd.read_parquet(run[1] / "tables" / f"{name}.parquet")
    assert len(frame) == _expected(reports)[name]
    assert len(pd.read_csv(run[1] / "tables" / f"{name}.csv")) == _expected(reports)[name]


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_parquet_rows_in_duckdb_equal_json_records(run: tuple[int, Path], reports: list[dict[str, Any]],
                                                   name: str) -> None:
    path = run[1] / "tables" / f"{name}.parquet"
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall() == [(_expected(reports)[name],)]


def test_real_records_are_in_the_tables(run: tuple[int, Path], reports: list[dict[str, Any]]) -> None:
    tables = run[1] / "tables"
    # DuckDB join: citations per report, by the reports' file names, equal the JSON's.
    got = dict(duckdb.sql(f"""
        SELECT regexp_extract(r.path, '[^/]+$') AS name, count(c.report_id)
        FROM read_parquet('{tables / "reports.parquet"}') r
        LEFT JOIN read_parquet('{tables / "citations.parquet"}') c USING (report_id)
        GROUP BY 1""").fetchall())
    # A file's attached documents (a Phụ lục issued with a plan) are reports with the same path.
    assert got == {Path(r["source"]["path"]).name: count_records(r)["citations"] for r in reports}
    assert got["000_c44f0d63a01b8516.txt"] == 33
    sections = pd.read_parquet(tables / "sections.parquet")
    kh = next(r for r in reports if r["source"]["path"].endswith("kh-cchc-2026.docx"))
    assert sections["report_id"].str.startswith(kh["source"]["sha256"][:16]).sum() == count_records(kh)["sections"]
