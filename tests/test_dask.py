"""The Dask path on a real ``dask.distributed.LocalCluster`` (2 worker processes):
``convert --scheduler`` gives the same outputs as the local run on the corpus, and the
bag / dataframe API gives the records of the reports."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from distributed import LocalCluster
from test_batch_corpus import CORPUS_INPUTS, FORMATS, local_corpus_run

from vnreport_extract.batch.dask import reports_bag, to_dataframes
from vnreport_extract.batch.tables import TABLE_NAMES, TABLES
from vnreport_extract.cli import main

pytestmark = [pytest.mark.slow]

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "seed" / "000_c44f0d63a01b8516.txt"
DECISION = FIXTURES / "real" / "qd-kien-toan-doi-ucsc.docx"
PDF = FIXTURES / "generated" / "seed.pdf"


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    # The Dask workers inherit this environment, and their document workers too: the test
    # parser of fixtures/archive must be importable there.
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(FIXTURES / "archive"), saved]))
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
            yield c
    finally:
        if saved is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = saved


@pytest.fixture(scope="module")
def runs(cluster: LocalCluster, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Path, int, Path]:
    out = tmp_path_factory.mktemp("dask") / "out"
    code = main(["convert", *CORPUS_INPUTS, "--out", str(out), "--scheduler", cluster.scheduler_address,
                 "--format", FORMATS, "--quiet"])
    local_code, local = local_corpus_run()
    return code, out, local_code, local


def _manifest(out: Path) -> list[dict[str, Any]]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [{k: v for k, v in json.loads(line).items() if k != "seconds"} for line in lines]


def test_same_exit_status_and_manifest(runs: tuple[int, Path, int, Path]) -> None:
    code, out, local_code, local = runs
    assert code == local_code == 0
    assert _manifest(out) == _manifest(local)


def test_same_reports(runs: tuple[int, Path, int, Path]) -> None:
    _, out, _, local = runs
    names = sorted(p.name for p in (local / "reports").iterdir())
    assert len(names) == 10
    assert sorted(p.name for p in (out / "reports").iterdir()) == names
    for name in names:
        assert (out / "reports" / name).read_bytes() == (local / "reports" / name).read_bytes(), name
    assert (out / "reports.jsonl").read_bytes() == (local / "reports.jsonl").read_bytes()


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_same_tables(runs: tuple[int, Path, int, Path], name: str) -> None:
    _, out, _, local = runs
    partitioned = out / "tables" / f"{name}.parquet"
    assert partitioned.is_dir() and len(list(partitioned.glob("part.*.parquet"))) >= 2
    got = pd.read_parquet(partitioned)
    expected = pd.read_parquet(local / "tables" / f"{name}.parquet")
    assert len(expected) > 0
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))
    assert (out / "tables" / f"{name}.csv").read_bytes() == (local / "tables" / f"{name}.csv").read_bytes()


def test_bag_and_dataframes_of_reports(cluster: LocalCluster) -> None:
    from distributed import Client

    with Client(cluster.scheduler_address):
        bag = reports_bag([SEED, DECISION], partition_size=1)
        assert bag.npartitions == 2
        reports = bag.compute()
        assert [r["metadata"]["doc_type"] for r in reports] == ["Báo cáo", "Quyết định"]
        frames = to_dataframes(bag)
        assert set(frames) == set(TABLE_NAMES)
        citations = frames["citations"].compute()
        assert list(citations.columns) == [c for c, _ in TABLES["citations"]]
        assert len(citations) == sum(len(r["citations"]) for r in reports)
        assert (citations["report_id"] == "34ee9683b5a85687").sum() == 33
        totals = [row["total"] for r in reports for t in r["tables"] for row in t["satisfaction"] or []]
        assert len(totals) == 4 and frames["satisfaction"]["total"].sum().compute() == sum(totals)


def test_a_bag_parses_identical_files_once_under_the_first_path(cluster: LocalCluster, tmp_path: Path) -> None:
    import zipfile

    from distributed import Client

    docs = tmp_path / "in"
    docs.mkdir()
    shutil.copy(DECISION, docs / "a.docx")
    with zipfile.ZipFile(docs / "bundle.zip", "w") as zf:
        zf.write(DECISION, "a.docx")  # the same bytes again, in another partition
    shutil.copy(SEED, docs / "seed.txt")
    with Client(cluster.scheduler_address):
        bag = reports_bag([docs], partition_size=1)
        assert sorted(r["source"]["path"] for r in bag.compute()) == [str(docs / "a.docx"), str(docs / "seed.txt")]
        citations = frames_of(bag)["citations"]
    assert not citations.duplicated(["report_id", "position"]).any()


def test_a_bag_parses_a_pdf_and_its_copy_under_a_text_name_once(cluster: LocalCluster, tmp_path: Path) -> None:
    from distributed import Client

    docs = tmp_path / "in"
    docs.mkdir()
    shutil.copy(PDF, docs / "a.pdf")
    shutil.copy(PDF, docs / "b.txt")  # read as the PDF it is: the same report
    shutil.copy(SEED, docs / "c.txt")
    shutil.copy(SEED, docs / "d.md")  # read as Markdown: a report of its own
    with Client(cluster.scheduler_address):
        reports = reports_bag([docs], partition_size=1).compute()
    assert sorted((Path(r["source"]["path"]).name, r["source"]["format"]) for r in reports) == [
        ("a.pdf", "pdf"), ("c.txt", "text"), ("d.md", "markdown")]


def test_a_bag_not_unique_parses_each_copy_under_its_own_path(cluster: LocalCluster, tmp_path: Path) -> None:
    from distributed import Client

    docs = tmp_path / "in"
    docs.mkdir()
    shutil.copy(SEED, docs / "a.txt")
    shutil.copy(SEED, docs / "a_copy.txt")
    with Client(cluster.scheduler_address):
        paths = [r["source"]["path"] for r in reports_bag([docs], unique=False).compute()]
    assert paths == [str(docs / "a.txt"), str(docs / "a_copy.txt")]


def frames_of(bag: Any) -> dict[str, pd.DataFrame]:
    return {name: frame.compute() for name, frame in to_dataframes(bag).items()}


def test_a_hanging_document_is_killed_on_the_cluster_too(cluster: LocalCluster, tmp_path: Path) -> None:
    from vnreport_extract.batch import convert

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "hang.txt").write_text("HANG-FOREVER\n" + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "ok.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    summary = convert([docs], tmp_path / "out", scheduler=cluster.scheduler_address, timeout=3,
                      formats=["json", "parquet"], parser="slow_parser:parse")
    assert (summary.exit_code, summary.counts["timeout"], summary.counts["ok"]) == (1, 1, 1)
    assert summary.rows["reports"] == 1


def test_a_closed_cluster_leaves_no_worker_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A Dask thread keeps its document worker between tasks; the worker's temporary folder
    # goes when the Dask worker process ends.
    from vnreport_extract.batch import convert

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))

    def worker_folders() -> list[Path]:
        return [p for p in scratch.iterdir() if p.name.startswith("vnreport-worker-")]

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        summary = convert([SEED], tmp_path / "out", scheduler=c.scheduler_address, formats=["jsonl"])
        assert summary.counts["ok"] == 1
        assert len(worker_folders()) == 1
    assert worker_folders() == []


def test_a_thread_gets_a_new_pool_after_the_pools_are_closed() -> None:
    from vnreport_extract.batch import dask as dask_path
    from vnreport_extract.batch.worker import DEFAULT_PARSER

    first = dask_path._worker_pool(DEFAULT_PARSER, 10.0)
    dask_path._close_pools()
    second = dask_path._worker_pool(DEFAULT_PARSER, 10.0)
    assert second is not first and second in dask_path._pools and first not in dask_path._pools
    dask_path._close_pools()


def test_unreachable_scheduler_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code = main(["convert", str(SEED), "--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_scheduler_address_that_refuses_connections_is_said_at_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The client retried a refused connection for its 30 s timeout before it said so ("Timed out ...").
    code = main(["convert", str(SEED), "--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9"])
    assert (code, capsys.readouterr().err.strip().splitlines()[-1]) == (
        2, "vnreport-extract convert: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9: connection "
           "refused (is `dask scheduler` running there?)")


def test_options_reach_the_cluster(cluster: LocalCluster, tmp_path: Path) -> None:
    from distributed import Client

    from vnreport_extract import ParseOptions
    from vnreport_extract.batch import convert

    pdf = FIXTURES / "generated" / "seed.pdf"
    summary = convert([pdf], tmp_path / "out", scheduler=cluster.scheduler_address, formats=["jsonl"], pages="1")
    [report] = [json.loads(line) for line in (tmp_path / "out" / "reports.jsonl").read_text().splitlines()]
    assert summary.exit_code == 0 and {d["page"] for d in report["dates"]} == {1}
    with Client(cluster.scheduler_address):
        [bagged] = reports_bag([pdf], options=ParseOptions(pages="2")).compute()
    assert {d["page"] for d in bagged["dates"]} == {2}


@pytest.mark.parametrize("inputs", ["folder", "list"], ids=["an-empty-folder", "no-inputs"])
def test_a_bag_of_no_documents_is_empty_not_an_error(tmp_path: Path, inputs: str) -> None:
    # An IndexError inside Dask: the empty part was a task its bag optimisation could not take.
    import dask

    bag = reports_bag(tmp_path if inputs == "folder" else [])
    with dask.config.set(scheduler="sync"):
        assert (bag.compute(), bag.count().compute()) == ([], 0)
        assert {name: len(frame.compute()) for name, frame in to_dataframes(bag).items()} == {
            "reports": 0, "sections": 0, "citations": 0, "documents": 0, "dates": 0, "figures": 0,
            "satisfaction": 0, "warnings": 0, "table_cells": 0}


def test_relative_paths_are_read_by_workers_started_in_another_folder(
        cluster: LocalCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The cluster's workers were started in the folder the tests run from; the run's relative
    # input and output paths name files of this test's own folder.
    from distributed import Client

    (tmp_path / "in").mkdir()
    shutil.copy(SEED, tmp_path / "in" / "seed.txt")
    monkeypatch.chdir(tmp_path)
    code = main(["convert", "in", "--out", "out", "--scheduler", cluster.scheduler_address,
                 "--format", "jsonl,parquet", "--quiet"])
    [entry] = _manifest(tmp_path / "out")
    reports = pd.read_parquet(tmp_path / "out" / "tables" / "reports.parquet")
    assert (code, entry["path"], entry["status"], list(reports["path"])) == (
        0, os.path.join("in", "seed.txt"), "ok", [os.path.join("in", "seed.txt")])
    with Client(cluster.scheduler_address):
        [report] = reports_bag("in").compute()
    assert (report["source"]["path"], report["metadata"]["doc_type"]) == (os.path.join("in", "seed.txt"), "Báo cáo")


def test_a_worker_that_cannot_see_the_output_folder_is_named(cluster: LocalCluster, tmp_path: Path) -> None:
    from distributed import Client

    from vnreport_extract.batch.dask import blind_workers, check_workers_see
    from vnreport_extract.batch.plan import UsageError

    with Client(cluster.scheduler_address) as client:
        workers = sorted(client.nthreads())
        assert (blind_workers(client, str(tmp_path)), blind_workers(client, str(tmp_path / "elsewhere"))) == (
            [], workers)
        check_workers_see(client, str(tmp_path))
        with pytest.raises(UsageError, match=f"2 Dask worker.s. cannot see the output folder {tmp_path}/elsewhere"):
            check_workers_see(client, str(tmp_path / "elsewhere"))


def test_a_scheduler_with_no_worker_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from vnreport_extract.batch import dask as batch_dask

    monkeypatch.setattr(batch_dask, "WORKER_WAIT", 0.5)
    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as empty:
        code = main(["convert", str(SEED), "--out", str(tmp_path / "out"), "--scheduler", empty.scheduler_address,
                     "--format", "jsonl", "--quiet"])
    assert code == 2
    assert f"the Dask scheduler at {empty.scheduler_address} has no worker" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()  # nothing begun


def test_a_run_without_the_cluster_resumes_a_run_on_it(cluster: LocalCluster, tmp_path: Path) -> None:
    # The cluster's tables are folders of parts; the local run's are files, put in their place.
    out = tmp_path / "out"
    assert main(["convert", str(SEED), str(DECISION), "--out", str(out), "--scheduler", cluster.scheduler_address,
                 "--format", "parquet", "--quiet"]) == 0
    on_cluster = {name: len(pd.read_parquet(out / "tables" / f"{name}.parquet")) for name in TABLE_NAMES}
    assert (out / "tables" / "citations.parquet").is_dir()
    assert main(["convert", str(SEED), str(DECISION), "--out", str(out), "--resume", "--format", "parquet",
                 "--quiet"]) == 0
    assert [p.name for p in (out / "tables").iterdir() if not p.is_file()] == []
    assert {name: len(pd.read_parquet(out / "tables" / f"{name}.parquet")) for name in TABLE_NAMES} == on_cluster
    assert on_cluster["citations"] > 30
