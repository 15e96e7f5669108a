"""The wheel and sdist that `python -m build` makes install and run without the source tree."""

from __future__ import annotations

import fcntl
import hashlib
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "000_c44f0d63a01b8516.txt"

pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # Parallel test workers each build (a module fixture is per worker): two builds at once in
    # the same source tree trip over each other's build/ and egg-info, so they take turns.
    lock = Path(tempfile.gettempdir()) / f"vnreport-build-{hashlib.sha256(bytes(ROOT)).hexdigest()[:12]}.lock"
    with lock.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
                       check=True, capture_output=True, timeout=600)
    return out


def test_wheel_and_sdist_are_built(dist: Path) -> None:
    [wheel] = dist.glob("*.whl")
    [sdist] = dist.glob("*.tar.gz")
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    with tarfile.open(sdist) as tf:
        sdist_names = tf.getnames()
    assert "vnreport_extract/py.typed" in names and "vnreport_extract/batch/plan.py" in names
    assert any(n.endswith("licenses/LICENSE") for n in names)
    assert any(n.endswith("/LICENSE") for n in sdist_names)


def test_wheel_ships_the_counts_that_restore_ocr_diacritics(dist: Path) -> None:
    [wheel] = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert {"vnreport_extract/data/syllables.tsv.gz", "vnreport_extract/data/PROVENANCE.md"} <= names


@pytest.mark.parametrize("kind", ["*.whl", "*.tar.gz"])
def test_installed_package_parses_the_seed(dist: Path, tmp_path: Path, kind: str) -> None:
    [package] = dist.glob(kind)
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                    "--target", str(target), str(package)], check=True, capture_output=True, timeout=300)
    code = ("import sys, vnreport_extract as v; from vnreport_extract import parse_file; "
            "r = parse_file(sys.argv[1]); print(v.__file__); print(r.citations[0].symbol)")
    # Run from an empty folder with only the installed wheel (and the venv's dependencies) on the path.
    p = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {code}",
                        str(SEED)], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert p.returncode == 0, p.stderr
    where, symbol = p.stdout.split()
    assert where.startswith(str(target)) and symbol == "33/CT-TTg"
