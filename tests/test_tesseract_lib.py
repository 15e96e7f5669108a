"""Tesseract's library run in this process (readers/tesseract_lib.py): the command lines it
takes over, and the same TSV, byte for byte, as the ``tesseract`` command gives on a real scan."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import options_of

from vnreport_extract import ParseOptions, parse_file
from vnreport_extract.readers import ocr, system, tesseract_lib
from vnreport_extract.readers.tesseract_lib import Request, parse_args

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SCAN = FIXTURES / "real-scan" / "bcdx-03-scan.pdf"


@pytest.mark.parametrize(("args", "files", "expected"), [
    # A page's first reading: the command's default segmentation (3), the page's resolution.
    (["p.bmp", "stdout", "-l", "vie", "--dpi", "300", "tsv"], [],
     Request(("p.bmp",), "vie", 3, 300, ())),
    # The print read again: one block.
    (["p-again.bmp", "stdout", "-l", "vie", "--psm", "6", "--dpi", "150", "tsv"], [],
     Request(("p-again.bmp",), "vie", 6, 150, ())),
    # Handwritten fields, named on standard input, digits only.
    (["stdin", "stdout", "-l", "vie", "--psm", "7", "-c", "tessedit_char_whitelist=0123456789", "tsv"],
     [Path("a.bmp"), Path("b.bmp")],
     Request(("a.bmp", "b.bmp"), "vie", 7, None, (("tessedit_char_whitelist", "0123456789"),))),
    # Two languages.
    (["p.bmp", "stdout", "-l", "vie+eng", "tsv"], [], Request(("p.bmp",), "vie+eng", 3, None, ())),
])
def test_parse_args_takes_the_readers_command_lines(args: list[str], files: list[Path], expected: Request) -> None:
    assert parse_args(args, files) == expected


@pytest.mark.parametrize("args", [
    ["p.bmp", "stdout", "--psm", "0", "--dpi", "300"],  # orientation detection: text, not TSV
    # settings of the whole process, or that each run sets: an engine's would leak or be lost
    ["p.bmp", "stdout", "-l", "vie", "-c", "textord_min_linesize=3.5", "tsv"],
    ["p.bmp", "stdout", "-l", "vie", "-c", "tessedit_pageseg_mode=7", "tsv"],
    ["p.bmp", "stdout", "-l", "vie", "--psm", "0", "tsv"],  # no segmentation, detection only
    ["p.bmp", "out", "-l", "vie", "tsv"],  # to a file
    ["p.bmp", "stdout", "-l", "vie", "--oem", "0", "tsv"],  # an option not known here
    ["p.bmp", "stdout", "-l", "tsv"],  # an option without its value
])
def test_parse_args_leaves_other_command_lines_to_the_command(args: list[str]) -> None:
    assert parse_args(args) is None


@pytest.fixture(scope="module")
def engines() -> tesseract_lib.Engines:
    found = tesseract_lib.engines()
    assert found is not None, "libtesseract.so.5 (tesseract-ocr) is installed by scripts/setup-system.sh"
    return found


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> ocr.PageImage:
    """The real scan's first page as the OCR reader rasterises it."""
    return ocr._render(SCAN, [1], 300, tmp_path_factory.mktemp("page"))[0]


def _command(args: list[str], stdin: bytes | None = None) -> bytes:
    exe = shutil.which("tesseract")
    assert exe is not None
    return subprocess.run([exe, *args], input=stdin, capture_output=True, check=True,
                          env=dict(os.environ, OMP_THREAD_LIMIT="1")).stdout


@pytest.mark.needs_tesseract
@pytest.mark.slow  # reads a whole page with Tesseract, twice or more
def test_a_page_reads_as_the_command_reads_it(engines: tesseract_lib.Engines, page: ocr.PageImage) -> None:
    args = [str(page.file), "stdout", "-l", "vie", "--dpi", str(page.dpi), "tsv"]
    request = parse_args(args)
    assert request is not None
    done = engines.run(request, 120)
    assert done.returncode == 0
    assert done.stdout == _command(args)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in " ".join(w.text for w in ocr.parse_tsv(done.stdout.decode()))


@pytest.fixture(scope="module")
def fields(page: ocr.PageImage) -> list[Path]:
    """Two pieces of the page: its top right corner (the date line) and its top left (Số)."""
    import numpy as np
    from PIL import Image

    grey = np.asarray(Image.open(page.file))
    w, h = page.width, page.height
    return [ocr._save(grey[int(h * 0.05):int(h * 0.12), w // 2:], page.file.with_name("right.bmp")),
            ocr._save(grey[int(h * 0.05):int(h * 0.12), : w // 2], page.file.with_name("left.bmp"))]


@pytest.mark.needs_tesseract
def test_images_named_on_standard_input_read_as_the_command_reads_them(
        engines: tesseract_lib.Engines, fields: list[Path]) -> None:
    """Each image in turn (``page_num`` 1, 2), with a whitelist set when the model is loaded,
    then a run without it on an engine of its own."""
    options = ["stdout", "-l", "vie", "--psm", "7", "-c", "tessedit_char_whitelist=0123456789", "tsv"]
    request = parse_args(["stdin", *options], fields)
    assert request is not None
    done = engines.run(request, 60)
    assert done.stdout == _command(["stdin", *options], "".join(f"{f}\n" for f in fields).encode())
    assert {row.split("\t")[1] for row in done.stdout.decode().splitlines()[1:]} == {"1", "2"}
    plain = parse_args([str(fields[0]), "stdout", "-l", "vie", "--psm", "7", "tsv"])
    assert plain is not None
    assert engines.run(plain, 60).stdout == _command([str(fields[0]), "stdout", "-l", "vie", "--psm", "7", "tsv"])


@pytest.mark.needs_tesseract
@pytest.mark.slow  # reads a whole page with Tesseract, twice or more
def test_a_run_past_its_deadline_stops_there_and_the_engine_reads_on(
        engines: tesseract_lib.Engines, page: ocr.PageImage) -> None:
    """Tesseract's own deadline stops the recognition (not only a check after it), and the
    engine's next reading is whole."""
    args = [str(page.file), "stdout", "-l", "vie", "--dpi", str(page.dpi), "tsv"]
    request = parse_args(args)
    assert request is not None
    started = time.monotonic()
    engines.run(request, 120)
    whole = time.monotonic() - started
    started = time.monotonic()
    with pytest.raises(system.ToolTimeout, match=r"Tesseract timed out after"):
        engines.run(request, whole / 3)
    assert time.monotonic() - started < 0.8 * whole
    assert engines.run(request, 120).stdout == _command(args)


@pytest.mark.needs_tesseract
@pytest.mark.slow  # reads a whole page with Tesseract, twice or more
def test_a_cancelled_reading_stops_at_once(engines: tesseract_lib.Engines, page: ocr.PageImage) -> None:
    """Ctrl-C or a failed page: the recognition under way ends at its next word."""
    request = parse_args([str(page.file), "stdout", "-l", "vie", "--dpi", str(page.dpi), "tsv"])
    assert request is not None
    started = time.monotonic()
    engines.run(request, 120)
    whole = time.monotonic() - started
    cancel = tesseract_lib.Cancel()
    timer = threading.Timer(whole / 3, cancel.fire)
    started = time.monotonic()
    timer.start()
    with pytest.raises(tesseract_lib.Cancelled):
        engines.run(request, 120, cancel)
    assert time.monotonic() - started < 0.8 * whole
    with pytest.raises(tesseract_lib.Cancelled):  # and no further reading starts
        engines.run(request, 120, cancel)


@pytest.mark.needs_tesseract
@pytest.mark.slow  # reads a whole page with Tesseract, twice or more
def test_a_resolution_set_for_one_run_is_not_kept_for_the_next(engines: tesseract_lib.Engines,
                                                                page: ocr.PageImage) -> None:
    """The top third of the page reads differently at 300 dpi and at the image's own (none
    given: Tesseract takes 70): each run on one engine reads as its own command line says."""
    import numpy as np
    from PIL import Image

    grey = np.asarray(Image.open(page.file))
    top = ocr._save(grey[: page.height // 3], page.file.with_name("top.bmp"))
    with_dpi = [str(top), "stdout", "-l", "vie", "--dpi", "300", "tsv"]
    without = [str(top), "stdout", "-l", "vie", "tsv"]
    assert _command(with_dpi) != _command(without)
    for args in (with_dpi, without):
        request = parse_args(args)
        assert request is not None
        assert engines.run(request, 60).stdout == _command(args)


@pytest.mark.needs_tesseract
def test_an_image_that_cannot_be_read_fails_the_run(engines: tesseract_lib.Engines, tmp_path: Path) -> None:
    broken = tmp_path / "broken.bmp"
    broken.write_bytes(b"BM not an image")
    request = parse_args([str(broken), "stdout", "-l", "vie", "tsv"])
    assert request is not None
    done = engines.run(request, 10)
    assert done.returncode == 1
    assert done.message() == f"Error: cannot read image {broken}"


@pytest.mark.needs_tesseract
def test_the_librarys_messages_are_not_printed(engines: tesseract_lib.Engines, tmp_path: Path,
                                               capfd: pytest.CaptureFixture[str]) -> None:
    """A speck too small to read makes Tesseract and Leptonica complain on standard error."""
    import numpy as np

    speck = np.full((40, 2), 255, dtype=np.uint8)
    speck[20, 1] = 0
    request = parse_args([str(ocr._save(speck, tmp_path / "speck.bmp")), "stdout", "-l", "vie", "--psm", "7", "tsv"])
    assert request is not None
    capfd.readouterr()
    assert engines.run(request, 10).returncode == 0
    assert capfd.readouterr().err == ""


@pytest.fixture
def no_library(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    tesseract_lib._engines.cache_clear()
    monkeypatch.setenv(tesseract_lib.DISABLE_ENV, "1")
    yield
    tesseract_lib._engines.cache_clear()


def test_a_tesseract_outside_the_systems_folders_runs_as_a_process(tmp_path: Path) -> None:
    """A build or a wrapper of its own (the tests' fake tools): the library is not its."""
    tool = tmp_path / "tesseract"
    tool.write_text("#!/bin/sh\nexec tesseract \"$@\"\n")
    tool.chmod(0o755)
    assert tesseract_lib.engines(str(tool)) is None


@pytest.mark.needs_tesseract
def test_a_process_forked_while_the_engines_are_busy_reads_on(engines: tesseract_lib.Engines,
                                                               fields: list[Path]) -> None:
    """multiprocessing forks on Linux: a child forked while another thread held the engines'
    lock makes its own, and reads as the parent does."""
    request = parse_args([str(fields[0]), "stdout", "-l", "vie", "--psm", "7", "tsv"])
    assert request is not None
    expected = engines.run(request, 60).stdout
    read, write = os.pipe()
    with engines._lock:  # as if another thread were taking an engine at the fork
        pid = os.fork()
        if pid == 0:  # the child: exits 0 only if its reading is the parent's
            os.close(read)
            ok = engines.run(request, 60).stdout == expected
            os.write(write, b"ok" if ok else b"differs")
            os._exit(0)
    os.close(write)
    deadline = time.monotonic() + 60
    while os.waitpid(pid, os.WNOHANG) == (0, 0):
        if time.monotonic() > deadline:  # hung on the lock: killed, and the answer is empty
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            break
        time.sleep(0.05)
    with os.fdopen(read, "rb") as answer:
        assert answer.read() == b"ok"


@pytest.mark.needs_tesseract
def test_closing_the_engines_leaves_one_still_reading(engines: tesseract_lib.Engines, fields: list[Path]) -> None:
    """At exit the engines are unloaded, but not one a thread is reading with; and engines
    are loaded again after."""
    args = [str(fields[0]), "stdout", "-l", "vie", "--psm", "7", "tsv"]
    request = parse_args(args)
    assert request is not None
    with engines._engine(request) as handle:
        engines.close()
    assert handle in [h for free in engines._free.values() for h in free]  # kept, and back in the pool
    assert engines.run(request, 60).stdout == _command(args)


def test_the_library_can_be_turned_off(no_library: None) -> None:
    assert tesseract_lib.engines() is None


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_a_scan_reads_the_same_with_the_library_and_with_the_command() -> None:
    """The whole reader (first readings, second readings, fields, symbols) on the real scan:
    the same blocks whether Tesseract runs in this process or as ``tesseract`` processes."""
    assert tesseract_lib.engines() is not None
    in_process = ocr.ocr_pages(SCAN, [1, 2], workers=2)
    as_command = ocr.ocr_pages(SCAN, [1, 2], workers=2, in_process=False)
    assert in_process == as_command
    assert "BÁO CÁO ĐỀ XUẤT" in [b.text for b in in_process[1]]


@pytest.mark.parametrize(("flags", "in_process"), [([], True), (["--no-ocr-in-process"], False)])
def test_the_command_line_flag_runs_tesseract_as_processes(flags: list[str], in_process: bool) -> None:
    assert options_of(flags).ocr_in_process is in_process


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_a_scan_parsed_with_tesseract_processes_gives_the_same_report(monkeypatch: pytest.MonkeyPatch) -> None:
    """``ocr_in_process=False``: no run goes to the library, and the report is the same."""
    in_process = parse_file(SCAN)
    calls: list[object] = []
    run = tesseract_lib.Engines.run
    monkeypatch.setattr(tesseract_lib.Engines, "run", lambda *a, **k: calls.append(a) or run(*a, **k))
    as_processes = parse_file(SCAN, ParseOptions(ocr_in_process=False))
    assert calls == []
    dump = [r.model_dump(mode="json") for r in (in_process, as_processes)]
    assert dump[0] == dump[1]
    assert in_process.metadata.number is not None and in_process.metadata.number.symbol


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_two_documents_read_at_once_in_threads_read_as_alone() -> None:
    """A service reading two scans at once from two threads: the engines are shared, each
    document's runs stay its own (its turns, its cancel), and each reads as it does alone."""
    from concurrent.futures import ThreadPoolExecutor

    other = FIXTURES / "archives" / "bac-giang-2012" / "qd-1462-qd-ubnd-2012-scan.pdf"
    alone = [ocr.ocr_pages(SCAN, [1, 2], workers=2), ocr.ocr_pages(other, [1], workers=2)]
    with ThreadPoolExecutor(2) as pool:
        together = list(pool.map(lambda job: ocr.ocr_pages(*job, workers=2), [(SCAN, [1, 2]), (other, [1])]))
    assert together == alone
