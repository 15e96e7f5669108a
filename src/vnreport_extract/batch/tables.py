"""Reports flattened into analytics tables: one row per record, joined by ``report_id``.

Tables (:data:`TABLES`): ``reports`` (one row per report, its metadata — số, ký hiệu,
trích yếu, người ký — counts and demographics; its ``status``, ``ok``, ``partial`` or
``failed``, and its ``errors``, one line each: ``page 3: OcrError: ...``), ``sections``, ``citations``,
``documents`` (the distinct cited documents of each report), ``dates``, ``figures``,
``satisfaction`` (one row per field of a satisfaction table: mức độ hài lòng) and
``warnings``. Attachments (a cover Tờ trình's report) are reports of their own, with
``report_id`` ``<parent>-<n>`` and ``attachment_of`` set.

Rows are built from the report's JSON form (``Report.model_dump(mode="json")`` or a
stored ``reports/<id>.json``), so the local run, the Dask run and :func:`to_frames`
share one code path. Column types are fixed here (:func:`arrow_schema`), so an empty
table and a column that happens to be all null keep their type in every Parquet file.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from ..models import Report

Kind = Literal["str", "int", "float", "bool", "list", "date"]
Row = dict[str, Any]

_LEVELS = ("very_satisfied", "satisfied", "neutral", "dissatisfied", "very_dissatisfied")
_DEMOGRAPHICS: tuple[tuple[str, Kind], ...] = (
    ("area_ha", "float"), ("households", "int"), ("population", "int"), ("ethnic_groups", "int"),
    ("party_cells", "int"), ("party_members", "int"), ("poor_households", "int"),
    ("poor_household_rate", "float"), ("near_poor_households", "int"), ("near_poor_household_rate", "float"),
)
_SPAN: tuple[tuple[str, Kind], ...] = (("raw", "str"), ("start", "int"), ("end", "int"), ("page", "int"))


def _date_columns(prefix: str) -> tuple[tuple[str, Kind], ...]:
    """A date as written (ISO, its day or month may be missing: ``2025-12``), its parts, and as a
    DATE (``_full``) when all three are known, for SQL and pandas date arithmetic."""
    return ((prefix, "str"), (f"{prefix}_year", "int"), (f"{prefix}_month", "int"), (f"{prefix}_day", "int"),
            (f"{prefix}_full", "date"))


def _level_columns() -> tuple[tuple[str, Kind], ...]:
    columns: list[tuple[str, Kind]] = []
    for level in _LEVELS:
        columns += [(f"{level}_count", "int"), (f"{level}_percent", "float")]
    return tuple(columns)


TABLES: dict[str, tuple[tuple[str, Kind], ...]] = {
    "reports": (
        ("report_id", "str"), ("attachment_of", "str"), ("path", "str"), ("format", "str"), ("sha256", "str"),
        ("pages", "int"), ("pages_read", "str"), ("ocr", "bool"), ("status", "str"), ("n_errors", "int"),
        ("errors", "list"),
        ("issuer", "str"), ("parent_issuer", "str"), ("number_raw", "str"),
        ("number", "str"), ("symbol", "str"), ("type_code", "str"), ("issuer_code", "str"), ("number_year", "int"),
        ("number_convention", "str"), ("number_repairs", "list"), ("place", "str"),
        *_date_columns("date"), ("doc_type", "str"), ("title", "str"), ("recipients", "list"),
        ("signer_name", "str"), ("signer_position", "str"), ("signer_authority", "str"),
        ("signer_on_behalf_of", "str"), ("signer_rank", "str"), ("text_chars", "int"), ("n_sections", "int"),
        ("n_citations", "int"),
        ("n_documents", "int"), ("n_dates", "int"), ("n_figures", "int"), ("n_tables", "int"),
        ("n_satisfaction_rows", "int"), ("n_warnings", "int"), *_DEMOGRAPHICS,
    ),
    "sections": (
        ("report_id", "str"), ("position", "int"), ("path", "str"), ("number", "str"), ("level", "int"),
        ("title", "str"), ("parent_path", "str"), ("start", "int"), ("end", "int"), ("page", "int"),
        ("n_children", "int"),
    ),
    "citations": (
        ("report_id", "str"), ("position", "int"), *_SPAN, ("kind", "str"), ("doc_type", "str"),
        ("type_code", "str"), ("number", "str"), ("year", "int"), ("issuer_code", "str"), ("symbol", "str"),
        ("convention", "str"), ("repairs", "list"), *_date_columns("date"), ("authority", "str"),
        ("subject", "str"), ("name", "str"), ("section", "str"), ("document_id", "str"),
    ),
    "documents": (
        ("report_id", "str"), ("document_id", "str"), ("symbol", "str"), ("doc_type", "str"),
        *_date_columns("date"), ("authority", "str"), ("subject", "str"), ("mentions", "int"),
        ("variants", "list"),
    ),
    "dates": (
        ("report_id", "str"), ("position", "int"), *_SPAN, ("kind", "str"), ("role", "str"),
        *_date_columns("value"), *_date_columns("until"),
    ),
    "figures": (
        ("report_id", "str"), ("position", "int"), *_SPAN, ("value", "float"), ("unit", "str"),
        ("subject", "str"), ("total", "float"),
    ),
    "satisfaction": (
        ("report_id", "str"), ("table_index", "int"), ("table_title", "str"), ("table_page", "int"),
        ("row_index", "int"), ("field", "str"),
        *_level_columns(),
        ("total", "int"), ("consistent", "bool"),
    ),
    "warnings": (
        ("report_id", "str"), ("position", "int"), ("code", "str"), ("message", "str"), ("start", "int"),
        ("end", "int"),
    ),
    # Every table's cells, one row each (an annex's statistics, a scanned table), in the long form a
    # pivot or a SQL ``GROUP BY`` takes: ``header`` says whether the cell is in a header row,
    # ``row_no`` counts the header's rows and the body's apart, and ``column_no`` the cells of a row,
    # from 0 (``satisfaction``'s ``row_index`` is the row's own STT, which a table may print or not;
    # ``column`` alone is a word SQL keeps for itself).
    "table_cells": (
        ("report_id", "str"), ("table_index", "int"), ("table_kind", "str"), ("table_title", "str"),
        ("table_page", "int"), ("header", "bool"), ("row_no", "int"), ("column_no", "int"), ("text", "str"),
    ),
}
TABLE_NAMES: tuple[str, ...] = tuple(TABLES)


def report_id(report: Report | Mapping[str, Any]) -> str:
    """The id of a report (:attr:`Report.report_id <vnreport_extract.Report.report_id>`): the
    first 16 hex digits of its file's sha256, so the same file gets the same id in every run (and
    of its text when it came from no file; of its path when it has neither: a file that could not
    be read). A Markdown reading takes those of the sha256 of ``<sha256>:markdown``: the same
    bytes saved as ``.txt`` are read as plain text, another report, which must not share its id.
    A report stored before reports carried their id gets the one it would carry.

    >>> sha = "ab" * 32
    >>> report_id({"source": {"sha256": sha, "format": "text"}})
    'abababababababab'
    >>> report_id({"source": {"sha256": sha, "format": "markdown"}})
    'c9b9bafe37188adb'
    """
    from ..models import make_report_id

    if isinstance(report, Mapping):
        if stored := report.get("report_id"):
            return str(stored)
        source = report.get("source") or {}
        return make_report_id(source.get("sha256"), str(report.get("text") or ""), source.get("path"),
                              source.get("format"), failed=report.get("status") == "failed")
    return report.report_id or make_report_id(report.source.sha256, report.text, report.source.path,
                                              report.source.format, failed=report.status == "failed")


def _date(prefix: str, value: Mapping[str, Any] | None) -> Row:
    value = value or {}
    year, month, day = value.get("year"), value.get("month"), value.get("day")
    full = None
    if year is not None and month is not None and day is not None:
        with contextlib.suppress(ValueError, TypeError):
            full = datetime.date(year, month, day)
    return {prefix: value.get("iso"), f"{prefix}_year": year, f"{prefix}_month": month, f"{prefix}_day": day,
            f"{prefix}_full": full}


def _span(m: Mapping[str, Any]) -> Row:
    return {"raw": m.get("raw"), "start": m.get("start"), "end": m.get("end"), "page": m.get("page")}


def _walk_sections(sections: list[Mapping[str, Any]], parent: str | None, out: list[Row], rid: str) -> None:
    for s in sections:
        children = s.get("children") or []
        out.append({"report_id": rid, "position": len(out), "path": s.get("path"), "number": s.get("number"),
                    "level": s.get("level"), "title": s.get("title"), "parent_path": parent,
                    "start": s.get("start"), "end": s.get("end"), "page": s.get("page"),
                    "n_children": len(children)})
        _walk_sections(children, s.get("path"), out, rid)


def report_rows(report: Report | Mapping[str, Any], rid: str | None = None, *,
                attachment_of: str | None = None) -> dict[str, list[Row]]:
    """The rows one report contributes to each table (attachments included)."""
    data: Mapping[str, Any] = report if isinstance(report, Mapping) else report.model_dump(mode="json")
    rid = rid or report_id(data)
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}

    _walk_sections(list(data.get("sections") or []), None, rows["sections"], rid)
    for i, c in enumerate(data.get("citations") or []):
        rows["citations"].append({
            "report_id": rid, "position": i, **_span(c), "kind": c.get("kind"), "doc_type": c.get("doc_type"),
            "type_code": c.get("type_code"), "number": c.get("number"), "year": c.get("year"),
            "issuer_code": c.get("issuer_code"), "symbol": c.get("symbol"), "convention": c.get("convention"),
            "repairs": list(c.get("repairs") or []), **_date("date", c.get("date")),
            "authority": c.get("authority"), "subject": c.get("subject"), "name": c.get("name"),
            "section": c.get("section"), "document_id": c.get("document_id")})
    for d in data.get("documents") or []:
        rows["documents"].append({
            "report_id": rid, "document_id": d.get("id"), "symbol": d.get("symbol"), "doc_type": d.get("doc_type"),
            **_date("date", d.get("date")), "authority": d.get("authority"), "subject": d.get("subject"),
            "mentions": d.get("mentions"), "variants": list(d.get("variants") or [])})
    for i, m in enumerate(data.get("dates") or []):
        rows["dates"].append({"report_id": rid, "position": i, **_span(m), "kind": m.get("kind"),
                              "role": m.get("role"), **_date("value", m.get("value")),
                              **_date("until", m.get("until"))})
    for i, f in enumerate(data.get("figures") or []):
        value = f.get("value")
        rows["figures"].append({"report_id": rid, "position": i, **_span(f),
                                "value": float(value) if value is not None else None, "unit": f.get("unit"),
                                "subject": f.get("subject"),
                                "total": float(total) if (total := f.get("total")) is not None else None})
    for t in data.get("tables") or []:
        where = {"report_id": rid, "table_index": t.get("index"), "table_kind": t.get("kind"),
                 "table_title": t.get("title"), "table_page": t.get("page")}
        for header, part in ((True, t.get("header") or []), (False, t.get("rows") or [])):
            for row_index, cells in enumerate(part):
                rows["table_cells"].extend({**where, "header": header, "row_no": row_index, "column_no": j,
                                            "text": text} for j, text in enumerate(cells))
        for r in t.get("satisfaction") or []:
            row: Row = {"report_id": rid, "table_index": t.get("index"), "table_title": t.get("title"),
                        "table_page": t.get("page"), "row_index": r.get("index"), "field": r.get("field")}
            for level in _LEVELS:
                lc = r.get(level) or {}
                percent = lc.get("percent")
                row[f"{level}_count"] = lc.get("count")
                row[f"{level}_percent"] = float(percent) if percent is not None else None
            row.update(total=r.get("total"), consistent=r.get("consistent"))
            rows["satisfaction"].append(row)
    for i, w in enumerate(data.get("warnings") or []):
        rows["warnings"].append({"report_id": rid, "position": i, "code": w.get("code"),
                                 "message": w.get("message"), "start": w.get("start"), "end": w.get("end")})

    meta = data.get("metadata") or {}
    number = meta.get("number") or {}
    signer = meta.get("signer") or {}
    source = data.get("source") or {}
    demographics = data.get("demographics") or {}
    errors = list(data.get("errors") or [])
    rows["reports"].append({
        "report_id": rid, "attachment_of": attachment_of, "path": source.get("path"),
        "format": source.get("format"), "sha256": source.get("sha256"), "pages": source.get("pages"),
        "pages_read": ",".join(map(str, read)) if (read := source.get("pages_read")) else None,
        "ocr": source.get("ocr"), "status": data.get("status") or "ok", "n_errors": len(errors),
        "errors": [_error_text(e) for e in errors], "issuer": meta.get("issuer"),
        "parent_issuer": meta.get("parent_issuer"),
        "number_raw": number.get("raw"), "number": number.get("number"), "symbol": number.get("symbol"),
        "type_code": number.get("type_code"), "issuer_code": number.get("issuer_code"),
        "number_year": number.get("year"), "number_convention": number.get("convention"),
        "number_repairs": list(number.get("repairs") or []), "place": meta.get("place"),
        **_date("date", meta.get("date")), "doc_type": meta.get("doc_type"),
        "title": meta.get("title"), "recipients": list(meta.get("recipients") or []),
        "signer_name": signer.get("name"), "signer_position": signer.get("position"),
        "signer_authority": signer.get("authority"), "signer_on_behalf_of": signer.get("on_behalf_of"),
        "signer_rank": signer.get("rank"),
        "text_chars": len(data.get("text") or ""),
        **{f"n_{name}": len(rows[name]) for name in ("sections", "citations", "documents", "dates", "figures",
                                                     "warnings")},
        "n_tables": len(data.get("tables") or []), "n_satisfaction_rows": len(rows["satisfaction"]),
        **{name: (float(demographics[name]) if kind == "float" and demographics.get(name) is not None
                  else demographics.get(name)) for name, kind in _DEMOGRAPHICS},
    })
    for n, attachment in enumerate(data.get("attachments") or [], start=1):
        for name, extra in report_rows(attachment, f"{rid}-{n}", attachment_of=rid).items():
            rows[name].extend(extra)
    return rows


def _error_text(error: Mapping[str, Any]) -> str:
    """A part's error as one line: where (``page 3``, ``attachment 1``), its type and message.

    >>> _error_text({"part": "page", "page": 3, "type": "OcrError", "message": "timed out"})
    'page 3: OcrError: timed out'
    """
    from ..models import part_label

    where = part_label(error.get("part"), error.get("page"), error.get("attachment"))
    return f"{where}: {error.get('type')}: {error.get('message')}"


def count_records(report: Mapping[str, Any]) -> dict[str, int]:
    """How many records of each table a report's JSON holds, counted from the JSON itself
    (not through :func:`report_rows`): what the tables' row counts must equal."""
    def sections(items: list[Mapping[str, Any]]) -> int:
        return sum(1 + sections(s.get("children") or []) for s in items)

    counts = {
        "reports": 1,
        "sections": sections(report.get("sections") or []),
        "citations": len(report.get("citations") or []),
        "documents": len(report.get("documents") or []),
        "dates": len(report.get("dates") or []),
        "figures": len(report.get("figures") or []),
        "satisfaction": sum(len(t.get("satisfaction") or []) for t in report.get("tables") or []),
        "warnings": len(report.get("warnings") or []),
        "table_cells": sum(len(row) for t in report.get("tables") or []
                           for row in [*(t.get("header") or []), *(t.get("rows") or [])]),
    }
    for attachment in report.get("attachments") or []:
        for name, n in count_records(attachment).items():
            counts[name] += n
    return counts


# --- pyarrow and pandas (the ``analytics`` extra), imported on first use ----------------------

def require_analytics() -> None:
    """Raise a clear ImportError when the ``analytics`` extra (pandas, pyarrow) is missing."""
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise ImportError(f"Parquet tables and DataFrames need the analytics extra ({exc.name} is missing): "
                          "pip install 'vnreport-extract[analytics]'") from exc


def arrow_schema(name: str) -> pa.Schema:
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "list": pa.list_(pa.string()), "date": pa.date32()}
    return pa.schema([pa.field(col, types[kind]) for col, kind in TABLES[name]])


@functools.cache
def parquet_schema(name: str) -> pa.Schema:
    """:func:`arrow_schema` with pandas' metadata, so that ``pd.read_parquet`` of a table gives
    the nullable integers and booleans :func:`to_frames` gives (a year, not ``2025.0``); the plain
    schema when pandas is not installed."""
    import pyarrow as pa

    schema = arrow_schema(name)
    try:
        import pandas  # noqa: F401
    except ImportError:
        return schema
    empty = pa.Table.from_pylist([], schema=schema).to_pandas(types_mapper=pandas_types)
    return schema.with_metadata(pa.Schema.from_pandas(empty, preserve_index=False).metadata)


def arrow_table(name: str, rows: list[Row]) -> pa.Table:
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=arrow_schema(name))


def pandas_types(dtype: pa.DataType) -> Any:
    """pyarrow → pandas types: nullable integers and booleans, so a missing page stays
    ``<NA>`` and does not turn the column into floats."""
    import pandas as pd
    import pyarrow as pa

    return {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}.get(dtype)


def to_frames(reports: Iterable[Report | Mapping[str, Any]]) -> dict[str, pd.DataFrame]:
    """The analytics tables of some reports as pandas DataFrames, keyed by table name.

    >>> from vnreport_extract import parse_text
    >>> frames = to_frames([parse_text("Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021")])
    >>> frames["citations"][["symbol", "date"]].values.tolist()
    [['33/CT-TTg', '2021-11-26']]
    """
    require_analytics()
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    for report in reports:
        for name, extra in report_rows(report).items():
            rows[name].extend(extra)
    return {name: arrow_table(name, rows[name]).to_pandas(types_mapper=pandas_types) for name in TABLES}


# The pandas type of each kind of column, read from CSV: numbers with gaps stay whole, and text
# stays text (a symbol's number ``03``, not 3.0); a list is its JSON array, as text; a date its ISO
# text (``parse_dates=[...]`` makes it a datetime: read_csv takes no date ``dtype``).
_CSV_DTYPES: dict[Kind, str] = {"str": "string", "int": "Int64", "float": "float64", "bool": "boolean",
                                "list": "string", "date": "string"}


def csv_dtypes(name: str) -> dict[str, str]:
    """The ``dtype`` with which pandas reads the table ``name`` from its CSV file as it was
    written: ``pd.read_csv("out/tables/citations.csv", dtype=csv_dtypes("citations"))``. Left to
    guess, pandas reads a column of numbers written as text as numbers (``number`` ``03`` as
    3.0) and whole numbers with gaps as floats.

    >>> csv_dtypes("citations")["number"], csv_dtypes("citations")["start"], csv_dtypes("reports")["ocr"]
    ('string', 'Int64', 'boolean')
    """
    return {column: _CSV_DTYPES[kind] for column, kind in TABLES[name]}


def csv_value(value: Any) -> Any:
    """A cell for CSV: lists as JSON arrays (Vietnamese kept readable), None as empty."""
    if isinstance(value, list):
        import json

        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value
