"""``notebooks/quickstart.ipynb`` is stored without outputs and runs from top to bottom
(nbclient, a real Jupyter kernel), so it cannot rot."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = [pytest.mark.slow, pytest.mark.needs_tesseract, pytest.mark.needs_libreoffice]

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "quickstart.ipynb"


def _code_cells(nb: Any) -> list[Any]:
    return [c for c in nb.cells if c.cell_type == "code"]


def _text(cell: Any) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif "data" in output:
            parts.append(output.data.get("text/plain", ""))
    return "".join(parts)


def test_stored_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    cells = _code_cells(nb)
    assert len(cells) >= 10
    assert all(c.outputs == [] and c.execution_count is None for c in cells)


@pytest.fixture(scope="module")
def executed() -> Any:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # The kernel runs in this interpreter (jupyter_client puts sys.executable for "python"),
    # so it sees the package under test.
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    return nb


def test_runs_without_error(executed: Any) -> None:
    cells = _code_cells(executed)
    assert all(c.execution_count is not None for c in cells)
    assert not [o for c in cells for o in c.outputs if o.output_type == "error"]
    assert sys.executable  # the kernel's interpreter is this one (see the fixture)


def test_parses_the_seed(executed: Any) -> None:
    out = _text(_code_cells(executed)[1])
    assert "type:    Báo cáo" in out and "place:   Phú Tiến | date: 2023-05" in out
    assert "signer:  TM. Chủ tịch Ngô Tuấn Sơn" in out
    assert "33 citations" in out


def test_converts_the_corpus_and_queries_it(executed: Any) -> None:
    texts = [_text(c) for c in _code_cells(executed)]
    summary = next(t for t in texts if "files in" in t)
    assert "9 ok, 1 duplicate, 0 error, 0 timeout" in summary
    directives = next(t for t in texts if "mentions" in t and "reports" in t and "authority" in t)
    assert "33/CT-TTg" in directives
    assert any("year" in t and "citations" in t and "2021" in t for t in texts)


def test_draws_the_two_plots(executed: Any) -> None:
    images = [o for c in _code_cells(executed) for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(images) == 2
