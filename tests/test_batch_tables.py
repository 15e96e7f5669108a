"""Analytics tables: one row per record of the seed, joined by report_id."""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

import pandas as pd
import pytest

from vnreport_extract import Report, parse_text
from vnreport_extract.batch.tables import (
    TABLE_NAMES,
    TABLES,
    arrow_schema,
    count_records,
    csv_value,
    report_id,
    report_rows,
    to_frames,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "seed" / "000_c44f0d63a01b8516.txt"
SEED_ID = hashlib.sha256(SEED.read_bytes()).hexdigest()[:16]


def test_report_id_is_the_file_hash_prefix(seed_report: Report) -> None:
    assert report_id(seed_report) == SEED_ID == "34ee9683b5a85687"
    assert report_id(seed_report.model_dump(mode="json")) == SEED_ID


def test_report_id_of_a_text_without_file_is_its_text_hash() -> None:
    text = "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021"
    assert report_id(parse_text(text)) == hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def test_one_row_per_record(seed_report: Report) -> None:
    rows = report_rows(seed_report)
    data = seed_report.model_dump(mode="json")
    assert {name: len(r) for name, r in rows.items()} == count_records(data)
    # The seed's numbers, as its gold file states them (30 full/short + 3 named citations).
    counts = count_records(data)
    assert (counts["reports"], counts["sections"], counts["citations"], counts["documents"],
            counts["figures"], counts["satisfaction"]) == (1, 24, 33, 15, 27, 4)
    assert counts["warnings"] == len(seed_report.warnings) > 0
    assert all(r["report_id"] == SEED_ID for table in rows.values() for r in table)


def test_table_cells_hold_every_cell_of_the_seed_s_table(seed_report: Report) -> None:
    cells = report_rows(seed_report)["table_cells"]
    assert len(cells) == 50  # a header row and four rows of ten cells
    header = [c["text"] for c in cells if c["header"]]
    assert header[:2] == ["STT", "Tên lĩnh vực"] and len(header) == 10
    first = {c["column_no"]: c["text"] for c in cells if not c["header"] and c["row_no"] == 0}
    assert (first[1], first[2], first[3]) == ("Lĩnh vực tư pháp", "11", "78,57")
    assert {(c["table_index"], c["table_kind"]) for c in cells} == {(1, "satisfaction")}


def test_reports_row_holds_the_signer_s_rank() -> None:
    # bcdx-03-scan.pdf (Công an tỉnh Lâm Đồng): a rank before the signer's name
    report = parse_text("CÔNG AN TỈNH LÂM ĐỒNG\nSố: 03/BCĐX-CAT(PC04)\nLâm Đồng, ngày tháng 01 năm 2026\n"
                        "BÁO CÁO ĐỀ XUẤT\nV/v Hội nghị\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nThiếu tướng Trương Minh Đương")
    [row] = report_rows(report)["reports"]
    assert (row["signer_rank"], row["signer_name"]) == ("Thiếu tướng", "Trương Minh Đương")


def test_reports_row_holds_metadata_counts_and_demographics(seed_report: Report) -> None:
    (row,) = report_rows(seed_report)["reports"]
    assert row["doc_type"] == "Báo cáo" and row["place"] == "Phú Tiến" and row["date"] == "2023-05"
    assert row["number_raw"] == "/BC-UBND" and row["number"] is None
    assert row["signer_name"] == "Ngô Tuấn Sơn" and row["signer_authority"] == "TM."
    assert row["n_citations"] == 33 and row["n_satisfaction_rows"] == 4
    assert row["households"] == 860 and row["area_ha"] == 1460.97 and row["poor_household_rate"] == 7.2


def test_reports_row_says_whether_the_report_is_complete(seed_report: Report) -> None:
    # A partial report (a page OCR timed out on) is told apart in the table, without the manifest.
    from vnreport_extract import PartError

    timed_out = PartError(part="page", page=2, type="OcrError",
                          message="x.pdf: OCR: Tesseract timed out after 1 s on page 2")
    partial = seed_report.model_copy(update={"status": "partial", "errors": [timed_out]})
    rows = [report_rows(r)["reports"][0] for r in (seed_report, partial)]
    assert [(r["status"], r["n_errors"], r["errors"]) for r in rows] == [
        ("ok", 0, []), ("partial", 1, ["page 2: OcrError: x.pdf: OCR: Tesseract timed out after 1 s on page 2"])]


def test_sections_are_flattened_with_their_parent(seed_report: Report) -> None:
    sections = report_rows(seed_report)["sections"]
    by_path = {s["path"]: s for s in sections}
    assert by_path["III~2"]["number"] == "III" and by_path["III~2"]["parent_path"] is None
    child = next(s for s in sections if s["parent_path"] == "II")
    assert child["level"] == 2
    assert [s["position"] for s in sections] == list(range(len(sections)))


def test_citation_and_satisfaction_rows(seed_report: Report) -> None:
    rows = report_rows(seed_report)
    ct33 = next(c for c in rows["citations"] if c["symbol"] == "33/CT-TTg" and c["date"])
    assert (ct33["doc_type"], ct33["date"], ct33["date_year"]) == ("Chỉ thị", "2021-11-26", 2021)
    fields = [r["field"] for r in rows["satisfaction"]]
    assert len(fields) == 4 and all(r["total"] and r["consistent"] is not None for r in rows["satisfaction"])


def test_attachments_are_reports_of_their_own() -> None:
    cover = parse_text("TỜ TRÌNH\nVề việc ban hành Kế hoạch số 22/KH-UBND ngày 03/02/2023")
    cover.attachments.append(parse_text("BÁO CÁO\nThực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021"))
    rows = report_rows(cover)
    rid = report_id(cover)
    assert [(r["report_id"], r["attachment_of"]) for r in rows["reports"]] == [(rid, None), (f"{rid}-1", rid)]
    assert {c["report_id"] for c in rows["citations"]} == {rid, f"{rid}-1"}
    assert count_records(cover.model_dump(mode="json"))["citations"] == len(rows["citations"]) == 2


def test_to_frames_types(seed_report: Report) -> None:
    frames = to_frames([seed_report])
    assert set(frames) == set(TABLE_NAMES)
    assert all(list(frames[n].columns) == [c for c, _ in TABLES[n]] for n in TABLE_NAMES)
    assert str(frames["sections"]["page"].dtype) == "Int64"  # a text report has no pages: <NA>, not NaN floats
    assert frames["sections"]["page"].isna().all()
    assert str(frames["satisfaction"]["consistent"].dtype) == "boolean"
    assert frames["figures"]["value"].dtype == "float64"
    assert len(frames["citations"]) == 33


def test_empty_tables_keep_their_columns() -> None:
    frames = to_frames([])
    assert all(len(f) == 0 for f in frames.values())
    assert list(frames["warnings"].columns) == ["report_id", "position", "code", "message", "start", "end"]
    assert str(arrow_schema("citations").field("repairs").type) == "list<item: string>"


@pytest.mark.parametrize(("value", "cell"), [(None, ""), (["a", "Ủy ban"], '["a", "Ủy ban"]'), (3, 3)])
def test_csv_cells(value: object, cell: object) -> None:
    assert csv_value(value) == cell


def test_frames_join_on_report_id(seed_report: Report) -> None:
    frames = to_frames([seed_report])
    joined = frames["citations"].merge(frames["reports"][["report_id", "place"]], on="report_id")
    assert len(joined) == 33 and set(joined["place"]) == {"Phú Tiến"}
    assert isinstance(joined, pd.DataFrame)


def test_pandas_reads_the_parquet_tables_with_the_types_of_to_frames(seed_report: Report, tmp_path: Path) -> None:
    # A year is an integer, not 2025.0, however the tables are loaded.
    from vnreport_extract.batch.outputs import TableWriters
    from vnreport_extract.batch.tables import report_rows, to_frames

    writer = TableWriters(tmp_path, {"parquet"})
    writer.add(report_rows(seed_report))
    writer.close()
    frames = to_frames([seed_report])
    for name, frame in frames.items():
        assert pd.read_parquet(tmp_path / f"{name}.parquet").dtypes.to_dict() == frame.dtypes.to_dict(), name


def test_reports_row_holds_the_whole_document_number() -> None:
    report = parse_text("ỦY BAN NHÂN DÂN TỈNH CẦN THƠ\nSố: 09/2010/QĐ_UBND\nQUYẾT ĐỊNH\nVề việc ban hành quy định\n")
    row = report_rows(report)["reports"][0]
    assert (row["symbol"], row["number_year"], row["number_convention"], row["number_repairs"]) == \
        ("09/2010/QĐ-UBND", 2010, "state", ["underscore"])


def test_a_jsonl_report_joins_the_tables_by_its_hash_as_the_readme_says(seed_report: Report) -> None:
    data = seed_report.model_dump(mode="json")
    assert report_rows(data)["reports"][0]["report_id"] == data["source"]["sha256"][:16]


def test_csv_tables_open_in_excel_and_read_back_with_their_types(tmp_path: Path) -> None:
    import duckdb

    from vnreport_extract.batch import convert, csv_dtypes

    convert([SEED], tmp_path / "out", formats=["csv", "parquet"])
    tables = tmp_path / "out" / "tables"
    # A byte order mark: Excel reads the file as UTF-8 only then.
    assert (tables / "citations.csv").read_bytes().startswith(b"\xef\xbb\xbfreport_id,")
    csv = pd.read_csv(tables / "citations.csv", dtype=csv_dtypes("citations"))
    parquet = pd.read_parquet(tables / "citations.parquet")
    assert "03" in list(csv["number"])  # 03-CTr/BDVTW-BCSĐCP: text, not 3.0
    scalar = [c for c, kind in TABLES["citations"] if kind not in ("list", "date")]
    assert csv[scalar].astype(object).where(csv[scalar].notna(), None).values.tolist() == \
        parquet[scalar].astype(object).where(parquet[scalar].notna(), None).values.tolist()
    # A date is its ISO text in CSV (parse_dates makes it one), a DATE in Parquet.
    dated = pd.read_csv(tables / "citations.csv", dtype=csv_dtypes("citations"), parse_dates=["date_full"])
    assert [d.date() if pd.notna(d) else None for d in dated["date_full"]] == \
        [d if pd.notna(d) else None for d in parquet["date_full"]]
    assert duckdb.sql(f"select count(*), min(report_id) from '{tables / 'citations.csv'}'").fetchall() == [
        (len(parquet), SEED_ID)]


def test_a_failed_report_and_a_read_one_of_the_same_bytes_have_two_ids(tmp_path: Path) -> None:
    # An empty .pdf is refused, an empty .txt read: the same bytes, two reports, two rows.
    from vnreport_extract.batch import iter_reports

    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "empty.txt").write_bytes(b"")
    reports = list(iter_reports([tmp_path], errors="report"))
    assert sorted(r.status for r in reports) == ["failed", "ok"]
    rows = to_frames(reports)["reports"]
    assert rows["report_id"].is_unique and len(rows) == 2
    assert next(r for r in reports if r.status == "ok").report_id == hashlib.sha256(b"").hexdigest()[:16]


def test_a_figure_s_whole_is_a_column() -> None:
    # bc-cchc-nam-2025.docx: "kiểm tra tại 42/42 cơ quan, đơn vị"; "90 hộ" states no whole.
    frames = to_frames([parse_text("Kiểm tra tại 42/42 cơ quan, đơn vị và 90 hộ.")])
    figures = frames["figures"]
    assert (figures["value"].tolist(), figures["unit"].tolist()) == ([42.0, 90.0], ["cơ quan", "hộ"])
    assert figures["total"].iloc[0] == 42.0 and pd.isna(figures["total"].iloc[1])


def test_a_date_known_to_its_day_is_a_date_column(tmp_path: Path) -> None:
    # The date columns were text of mixed precision (2025-12-03, 2025-12, 2025): CAST(date AS DATE) failed.
    import duckdb

    from vnreport_extract.batch import convert

    convert([SEED], tmp_path / "out", formats=["parquet"])
    dates = tmp_path / "out" / "tables" / "dates.parquet"
    rows = duckdb.sql(f"select value, value_full, typeof(value_full) from '{dates}' "
                      "where value in ('2021-11-26', '2023-05') order by value").fetchall()
    assert rows[0] == ("2021-11-26", datetime.date(2021, 11, 26), "DATE")
    assert rows[-1][:2] == ("2023-05", None)
