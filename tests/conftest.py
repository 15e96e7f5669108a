from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from vnreport_extract import Report, parse_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "seed" / "000_c44f0d63a01b8516.txt"
SEED_GOLD = FIXTURES / "seed" / "000_c44f0d63a01b8516.gold.json"


@pytest.fixture(scope="session")
def seed_report() -> Report:
    return parse_file(SEED)


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def alive(pid: int) -> bool:
    """Whether a process still runs (not gone, not a zombie waiting to be reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")
