"""ParseOptions / ConvertOptions, Report.status, and the command line's flags, --version,
schema --options and default formats."""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import vnreport_extract
from vnreport_extract import ConvertOptions, ParseOptions, PartError, Report, parse_file, parse_text
from vnreport_extract.batch import convert, iter_reports
from vnreport_extract.batch.api import default_formats
from vnreport_extract.batch.progress import Progress
from vnreport_extract.cli import build_parser, main
from vnreport_extract.flags import PARSE_FLAGS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "seed" / "000_c44f0d63a01b8516.txt"
SEED_PDF = FIXTURES / "generated" / "seed.pdf"
SEED_SCAN = FIXTURES / "generated" / "seed-scan.pdf"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The command line run in this process, its output and exit status caught as a
    subprocess's would be (test_cli.py runs the installed script itself)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse: a usage error, --version, --help
            code = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess(["vnreport-extract", *args], code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def mixed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Page 1 of the generated seed PDF (text layer), then page 2 of its scan (an image)."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    out.import_pages(pdfium.PdfDocument(str(SEED_PDF)), [0])
    out.import_pages(pdfium.PdfDocument(str(SEED_SCAN)), [1])
    path = tmp_path_factory.mktemp("mixed") / "mixed.pdf"
    out.save(str(path))
    return path


# --- page ranges, one assertion per form --------------------------------------------------

@pytest.mark.parametrize(("pages", "total", "expected"), [
    ("3", 5, [3]),
    ("1-3", 5, [1, 2, 3]),
    ("2-", 5, [2, 3, 4, 5]),
    ("4-,1", 5, [1, 4, 5]),
    ("1-3,2-4", 5, [1, 2, 3, 4]),
    ("4-9", 5, [4, 5]),
    (" 1 - 2 , 5 ", 5, [1, 2, 5]),
    (None, 3, [1, 2, 3]),
])
def test_page_numbers(pages: str | None, total: int, expected: list[int]) -> None:
    assert ParseOptions(pages=pages).page_numbers(total) == expected


@pytest.mark.parametrize("pages", ["0", "3-1", "a", "1-2-3", ","])
def test_bad_page_range_is_refused(pages: str) -> None:
    with pytest.raises(ValidationError, match="pages"):
        ParseOptions(pages=pages)


def test_a_subset_of_pages_is_recorded_and_warned_of() -> None:
    # A --pages run gave the records of a few pages with nothing to tell them from the document's.
    report = parse_file(SEED_PDF, ParseOptions(pages="2-3"))
    assert (report.source.pages, report.source.pages_read) == (7, [2, 3])
    assert [w.message for w in report.warnings if w.code == "pages-subset"] == [
        "only 2 of the 7 pages were read (pages=2-3): the records are of those pages alone"]
    whole = parse_file(SEED_PDF)
    assert (whole.source.pages_read, [w for w in whole.warnings if w.code == "pages-subset"]) == (None, [])
    from vnreport_extract.batch.tables import report_rows

    assert [report_rows(r)["reports"][0]["pages_read"] for r in (report, whole)] == ["2,3", None]


@pytest.mark.parametrize(("field", "value"), [("ocr", "sometimes"), ("ocr_dpi", 10), ("ocr_timeout", 0),
                                              ("ocr_languages", "vie eng"), ("unknown", 1)])
def test_bad_values_name_their_field(field: str, value: Any) -> None:
    with pytest.raises(ValidationError, match=field):
        ParseOptions(**{field: value})


@pytest.mark.parametrize("field", ["ocr_timeout", "doc_timeout"])
@pytest.mark.parametrize(("value", "why"), [(float("inf"), "finite number"), ("inf", "finite number"),
                                            (float("nan"), "finite number"), ("-inf", "finite number"),
                                            (-1, "greater than 0"), (0, "greater than 0"),
                                            (1e9, "less than or equal to 86400")])
def test_a_tool_timeout_must_be_a_finite_number_of_seconds_up_to_a_day(field: str, value: Any, why: str) -> None:
    # An infinite or enormous timeout was accepted, then every document failed in select() or poll().
    for model in (ParseOptions, ConvertOptions):
        with pytest.raises(ValidationError, match=f"(?s){field}.*{why}"):
            model(**{field: value})
    assert getattr(ParseOptions(**{field: 86400}), field) == 86400.0


@pytest.mark.parametrize("command", ["parse", "convert"])
@pytest.mark.parametrize("flag", ["--ocr-timeout", "--doc-timeout"])
def test_an_infinite_tool_timeout_is_a_usage_error(command: str, flag: str, tmp_path: Path) -> None:
    args = [str(SEED), "--out", str(tmp_path / "out")] if command == "convert" else [str(SEED)]
    p = run(command, *args, flag, "inf")
    assert (p.returncode, p.stdout) == (2, "")
    assert p.stderr.strip().endswith(f"error: {flag}: Input should be a finite number")
    assert len(p.stderr.splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_options_are_immutable() -> None:
    with pytest.raises(ValidationError):
        ParseOptions().ocr = "off"  # type: ignore[misc]


def test_convert_options_carry_the_parse_options() -> None:
    opts = ConvertOptions(ocr="off", pages="1", workers=2)
    assert opts.parse_options() == ParseOptions(ocr="off", pages="1")


def test_resume_and_force_exclude_each_other() -> None:
    with pytest.raises(ValidationError, match="resume and force exclude each other"):
        ConvertOptions(resume=True, force=True)


# --- every field is a flag, every flag a field --------------------------------------------

def _flags(command: str) -> set[str]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return {a.dest for a in sub.choices[command]._actions}


@pytest.mark.parametrize("command", ["parse", "convert"])
def test_every_parse_option_is_a_flag(command: str) -> None:
    assert set(ParseOptions.model_fields) <= _flags(command)
    assert set(PARSE_FLAGS) == set(ParseOptions.model_fields)


def test_every_convert_option_is_a_flag_of_convert() -> None:
    assert set(ConvertOptions.model_fields) <= _flags("convert")


# --- Report.status ------------------------------------------------------------------------

def test_complete_report_is_ok() -> None:
    report = parse_text("Thực hiện Kế hoạch số 41/KH-UBND ngày 15/02/2022")
    assert (report.status, report.errors) == ("ok", [])


def test_scanned_page_with_ocr_off_makes_a_partial_report(mixed_pdf: Path) -> None:
    report = parse_file(mixed_pdf, ParseOptions(ocr="off"))
    assert report.status == "partial"
    assert report.errors == [PartError(part="page", page=2, type="OcrDisabled",
                                       message="page 2 has no text layer and OCR is off")]


def test_text_of_the_other_pages_is_kept_in_a_partial_report(mixed_pdf: Path) -> None:
    report = parse_file(mixed_pdf, ParseOptions(ocr="off"))
    assert [c.symbol for c in report.citations] == ["33/CT-TTg", "03-CTr/BDVTW-BCSĐCP"]


def test_pdf_of_scans_only_with_ocr_off_is_an_input_error() -> None:
    with pytest.raises(vnreport_extract.InputError, match="OCR is off"):
        parse_file(SEED_SCAN, ParseOptions(ocr="off"))


def test_pages_option_reads_only_those_pages(mixed_pdf: Path) -> None:
    report = parse_file(mixed_pdf, ParseOptions(pages="1"))
    assert (report.status, report.source.pages, report.source.ocr) == ("ok", 2, False)


def test_pages_past_the_end_is_an_input_error() -> None:
    with pytest.raises(vnreport_extract.InputError, match="pages 50- are past the end of a 7-page PDF"):
        parse_file(SEED_PDF, ParseOptions(pages="50-"))


def test_one_page_past_the_end_is_named_as_one() -> None:
    with pytest.raises(vnreport_extract.InputError, match="page 9 is past the end of a 7-page PDF"):
        parse_file(SEED_PDF, ParseOptions(pages="9"))


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_page_whose_ocr_times_out_makes_a_partial_report(mixed_pdf: Path) -> None:
    report = parse_file(mixed_pdf, ParseOptions(ocr_timeout=0.01))
    assert report.status == "partial"
    assert [(e.part, e.page, e.type) for e in report.errors] == [("page", 2, "OcrError")]


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_ocr_on_reads_a_text_page_with_tesseract(mixed_pdf: Path) -> None:
    report = parse_file(mixed_pdf, ParseOptions(ocr="on", pages="1"))
    assert (report.status, report.source.ocr) == ("ok", True)
    assert ("ocr", "pages read by OCR: 1") in [(w.code, w.message) for w in report.warnings]


def test_wrong_tesseract_path_is_a_missing_component(mixed_pdf: Path) -> None:
    with pytest.raises(vnreport_extract.MissingComponentError, match="/nonexistent/tesseract"):
        parse_file(mixed_pdf, ParseOptions(tesseract="/nonexistent/tesseract"))


def test_text_named_pdf_is_a_corrupt_file(tmp_path: Path) -> None:
    fake = tmp_path / "report.pdf"
    fake.write_text("Báo cáo số 12/BC-UBND", encoding="utf-8")
    with pytest.raises(vnreport_extract.CorruptFileError, match="not a PDF file"):
        parse_file(fake)


def test_unreadable_document_gives_a_failed_report_on_request(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage")
    report = parse_file(bad, raise_on_error=False)
    assert (report.status, report.errors[0].part, report.errors[0].type) == ("failed", "document", "CorruptFileError")


def test_failing_attachment_makes_a_partial_report(monkeypatch: pytest.MonkeyPatch) -> None:
    import vnreport_extract.pipeline as pipeline

    real = pipeline._build_one
    calls: list[int] = []

    def second_fails(doc: Any, *args: Any, **kwargs: Any) -> Report:
        calls.append(1)
        if len(calls) == 2:
            raise ValueError("broken attachment")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(pipeline, "_build_one", second_fails)
    header = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    body = "".join(f"Đoạn {i} của văn bản.\n" for i in range(12))
    report = parse_text(header + "TỜ TRÌNH\n" + body + header + "BÁO CÁO\n" + body)
    assert report.status == "partial"
    assert [(e.part, e.attachment, e.type, e.message) for e in report.errors] == [
        ("attachment", 1, "ValueError", "internal error: broken attachment")]


def test_status_and_options_are_in_the_json_schemas() -> None:
    report = Report.model_json_schema()
    report = report["$defs"][report["$ref"].rsplit("/", 1)[1]] if "$ref" in report else report
    assert report["properties"]["status"]["enum"] == ["ok", "partial", "failed"]
    assert set(ConvertOptions.model_json_schema()["properties"]) >= {"ocr", "pages", "workers", "formats"}


# --- batch --------------------------------------------------------------------------------

def test_convert_passes_the_options_to_its_workers(mixed_pdf: Path, tmp_path: Path) -> None:
    summary = convert([mixed_pdf], tmp_path / "out", ConvertOptions(ocr="off", formats=("jsonl",), quiet=True))
    entry = json.loads((tmp_path / "out" / "manifest.jsonl").read_text(encoding="utf-8"))
    assert (summary.exit_code, summary.partial) == (0, 1)
    assert (entry["status"], entry["report_status"], entry["error_type"]) == ("ok", "partial", "OcrDisabled")


def test_convert_keyword_settings_are_validated(tmp_path: Path) -> None:
    from vnreport_extract.batch.api import UsageError

    with pytest.raises(UsageError, match="workers"):
        convert([SEED], tmp_path / "out", workers=0)


def test_iter_reports_can_yield_failed_reports(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"not a pdf at all")
    (tmp_path / "b.txt").write_text("Kế hoạch số 41/KH-UBND", encoding="utf-8")
    reports = list(iter_reports(tmp_path, errors="report"))
    assert [(Path(r.source.path or "").name, r.status) for r in reports] == [("a.pdf", "failed"), ("b.txt", "ok")]
    assert reports[0].errors[0].type == "CorruptFileError"


def test_default_formats_follow_the_analytics_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import vnreport_extract.batch.api as api

    assert default_formats() == ("json", "jsonl", "parquet")
    monkeypatch.setattr(api, "analytics_available", lambda: False)
    assert default_formats() == ("json", "jsonl")


def test_default_convert_writes_jsonl_json_and_parquet(tmp_path: Path) -> None:
    convert([SEED], tmp_path / "out")
    assert (tmp_path / "out" / "reports.jsonl").is_file()
    assert len(list((tmp_path / "out" / "reports").glob("*.json"))) == 1
    assert (tmp_path / "out" / "tables" / "citations.parquet").is_file()


def test_progress_is_a_tqdm_bar_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = Progress(2, stream=stream)
    progress.update("ok")
    progress.update("error")
    progress.finish("summary")
    out = stream.getvalue()
    assert "2/2" in out and "1 failed" in out and "file/s" in out
    assert out.endswith("summary\n")


# --- command line -------------------------------------------------------------------------

def test_version() -> None:
    p = run("--version")
    assert (p.returncode, p.stdout.strip()) == (0, f"vnreport-extract {vnreport_extract.__version__}")


def test_bad_flag_value_is_one_line_and_exit_2() -> None:
    p = run("parse", str(SEED), "--ocr-dpi", "10")
    assert p.returncode == 2
    assert p.stderr.strip().splitlines() == ["vnreport-extract: error: --ocr-dpi: Input should be greater than or "
                                             "equal to 70"]


def test_an_unknown_limit_is_named_as_such_and_exit_2() -> None:
    p = run("parse", str(SEED), "--limit", "max_page=5")
    assert (p.returncode, p.stderr.strip().splitlines()) == (
        2, ["vnreport-extract: error: --limit max_page: no such limit (names: vnreport-extract schema --limits)"])


def test_bad_page_range_in_convert_is_exit_2(tmp_path: Path) -> None:
    p = run("convert", str(SEED), "--out", str(tmp_path / "o"), "--pages", "3-1")
    assert p.returncode == 2
    assert p.stderr.startswith("vnreport-extract convert: error: --pages:")


def test_parse_flags_reach_the_parser(mixed_pdf: Path) -> None:
    p = run("parse", str(mixed_pdf), "--ocr", "off", "--no-text")
    data = json.loads(p.stdout)
    assert (p.returncode, data["status"], data["errors"][0]["page"]) == (0, "partial", 2)


def test_schema_of_the_options() -> None:
    p = run("schema", "--options")
    assert p.returncode == 0
    assert json.loads(p.stdout)["title"] == "ConvertOptions"


# --- the public extractors: text in, records and warnings out ------------------------------

SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["citations", "dates", "figures", "sections"])
def test_each_extractor_gives_the_records_of_the_report(kind: str) -> None:
    report = parse_text(SEED_TEXT)
    extraction = getattr(vnreport_extract, f"extract_{kind}")(SEED_TEXT)
    assert extraction.records == getattr(report, kind)


def test_metadata_extractor_gives_one_record() -> None:
    assert vnreport_extract.extract_metadata(SEED_TEXT).records == [parse_text(SEED_TEXT).metadata]


def test_extractor_warnings_are_its_own() -> None:
    sections = vnreport_extract.extract_sections(SEED_TEXT)
    figures = vnreport_extract.extract_figures(SEED_TEXT)
    assert {w.code for w in sections.warnings} == {"duplicate-section-number"}
    assert {w.code for w in figures.warnings} <= {"stray-number", "percent-without-sign"}
    assert "stray-number" in {w.code for w in figures.warnings}


def test_demographics_extractor_of_the_seed() -> None:
    [profile] = vnreport_extract.extract_demographics(SEED_TEXT).records
    assert profile.households == 860


def test_a_broken_page_makes_a_partial_report(mixed_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import vnreport_extract.readers.pdf as pdf

    real = pdf._scan_page

    def page_two_breaks(page: Any, *args: Any) -> Any:
        if page.page_number == 2:
            raise ValueError("bad content stream")
        return real(page, *args)

    monkeypatch.setattr(pdf, "_scan_page", page_two_breaks)
    report = parse_file(mixed_pdf)
    assert report.status == "partial"
    assert [(e.page, e.type, e.message) for e in report.errors] == [
        (2, "CorruptFileError", "corrupt PDF: page 2: bad content stream")]
    assert [c.symbol for c in report.citations] == ["33/CT-TTg", "03-CTr/BDVTW-BCSĐCP"]


def test_ocr_on_falls_back_to_the_text_layer(mixed_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import vnreport_extract.readers.ocr as ocr

    def fails(*args: Any, **kwargs: Any) -> Any:
        raise vnreport_extract.CorruptFileError("OCR: Tesseract timed out after 1 s on a page")

    monkeypatch.setattr(ocr, "ocr_pages", fails)
    report = parse_file(mixed_pdf, ParseOptions(ocr="on", pages="1"))
    assert (report.status, report.source.ocr) == ("ok", False)
    assert [w.code for w in report.warnings if w.code.startswith("ocr")] == ["ocr-failed"]
    assert [c.symbol for c in report.citations] == ["33/CT-TTg", "03-CTr/BDVTW-BCSĐCP"]


@pytest.mark.slow  # runs convert twice, each run starting its worker processes
def test_resume_reuses_a_report_only_under_the_same_options(tmp_path: Path) -> None:
    out = tmp_path / "out"
    convert([SEED], out, formats=["jsonl"])
    assert convert([SEED], out, formats=["jsonl"], resume=True).resumed == 1
    assert convert([SEED], out, formats=["jsonl"], resume=True, ocr_dpi=200).resumed == 0


def test_resume_under_another_parser_parses_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A report made by another parser function was taken as this one's.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(FIXTURES / "archive"),
                                                                   os.environ.get("PYTHONPATH")])))
    out = tmp_path / "out"
    convert([SEED], out, formats=["jsonl"])
    again = convert([SEED], out, formats=["jsonl"], resume=True, parser="slow_parser:parse")
    assert (again.resumed, again.counts["ok"]) == (0, 1)
    assert convert([SEED], out, formats=["jsonl"], resume=True, parser="slow_parser:parse").resumed == 1


@pytest.mark.slow  # runs convert twice, each run starting its worker processes
def test_resume_parses_a_partial_report_again(mixed_pdf: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = convert([mixed_pdf], out, formats=["jsonl"], ocr="off")
    again = convert([mixed_pdf], out, formats=["jsonl"], ocr="off", resume=True)
    assert (first.partial, again.resumed, again.partial) == (1, 0, 1)


# --- limits are part of the options -------------------------------------------------------

def test_limits_are_an_option(tmp_path: Path) -> None:
    from vnreport_extract.limits import LimitExceededError, Limits

    with pytest.raises(LimitExceededError, match="max_text_chars"):
        parse_file(SEED, ParseOptions(limits=Limits(max_text_chars=1000)))
    assert "limits" in ConvertOptions.model_json_schema()["properties"]


@pytest.mark.parametrize("call", ["parse_file", "parse_text", "iter_reports"])
def test_limits_keyword_is_a_deprecated_alias_of_the_option(call: str) -> None:
    from vnreport_extract.limits import LimitExceededError, Limits

    small = Limits(max_text_chars=1000)
    with pytest.warns(DeprecationWarning, match=rf"{call}\(limits=...\) is deprecated") as caught, \
            pytest.raises(LimitExceededError, match="max_text_chars"):
        if call == "parse_file":
            parse_file(SEED, limits=small)
        elif call == "parse_text":
            parse_text(SEED.read_text(encoding="utf-8"), limits=small)
        else:
            list(iter_reports([SEED], limits=small))
    # Attributed to the caller's line, where Python's default filters show it (not to the library's).
    assert [Path(w.filename).name for w in caught] == [Path(__file__).name]


def test_convert_limits_reach_the_workers_inside_the_options(tmp_path: Path) -> None:
    from vnreport_extract.limits import Limits

    summary = convert([SEED], tmp_path / "out", formats=["jsonl"], workers=1, limits=Limits(max_text_chars=1000))
    (entry,) = [json.loads(line) for line in (tmp_path / "out" / "manifest.jsonl").read_text("utf-8").splitlines()]
    assert (summary.failed, entry["error_type"]) == (1, "LimitExceededError")


def test_limit_flag_reaches_the_parser() -> None:
    p = run("parse", str(SEED), "--limit", "max_text_chars=1000")
    assert p.returncode == 1 and "max_text_chars" in p.stderr


@pytest.mark.parametrize(("flag", "message"), [("max_pages", "--limit: expected NAME=VALUE, got 'max_pages'"),
                                               ("max_pages=-1", "--limit max_pages: Input should be greater")])
def test_bad_limit_flag_is_a_usage_error(flag: str, message: str) -> None:
    p = run("parse", str(SEED), "--limit", flag)
    assert p.returncode == 2 and message in p.stderr


def test_a_run_s_options_given_where_a_parse_s_are_taken_give_the_parse_s_part() -> None:
    # reports_bag(options=ConvertOptions(...)): the workers' parse takes the reading options alone.
    from vnreport_extract.options import as_parse_options

    got = as_parse_options(ConvertOptions(workers=2, ocr="off", timeout=60), None, "reports_bag")
    assert (type(got), got) == (ParseOptions, ParseOptions(ocr="off"))


def test_a_copy_of_the_options_is_checked_as_the_options_are() -> None:
    # The options are frozen, so a copy is how one is changed; pydantic's own took any value.
    from pydantic import ValidationError

    assert ParseOptions().model_copy(update={"ocr": "off"}).ocr == "off"
    with pytest.raises(ValidationError, match="ocr"):
        ParseOptions().model_copy(update={"ocr": "Off"})
