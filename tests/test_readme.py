"""The README's library example runs as written, on real files of the kinds it names."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# A fragment of a draft with no header (no type, number or date: the fields the example must not
# take for granted), and a one-page scan.
DRAFT = ROOT / "fixtures/archives/qlvb-quanhuyen-2011/cv-btttt-du-thao-gia-tri-phan-mem-fragment.docx"
SCAN = ROOT / "fixtures/archives/bac-giang-2012/cv-403-kcn-vp-2012-scan.pdf"


def _library_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Library\n", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None
    return match.group(1)


@pytest.mark.slow
@pytest.mark.needs_tesseract
def test_the_library_example_runs_on_a_draft_without_number_and_a_scan() -> None:
    code = _library_example()
    assert '"bao-cao.docx"' in code and '"cong-van.pdf"' in code
    code = code.replace('"bao-cao.docx"', repr(str(DRAFT))).replace('"cong-van.pdf"', repr(str(SCAN)))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    lines = out.getvalue().splitlines()
    assert lines[0] == "None None None"  # a fragment of a draft: no type line, number or date
    assert lines[-1] == "OCR 1/1"
