"""Parse functions for batch workers in the hostile tests: each starts a system tool the way
the readers do (its own session, its group recorded) and then hangs, as LibreOffice or
Tesseract does on a pathological file."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

TOOL_MARK = "313.5"
"""``sleep 313.5``: the tool these helpers start, found again by its command line."""


def start_tool_and_hang(path: Path, **_: Any) -> Any:
    from vnreport_extract.readers import system

    system.start(["sleep", TOOL_MARK])
    while True:
        time.sleep(1)


def tools_running() -> list[int]:
    """Pids of the helper tools still running (not zombies)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmd = (proc / "cmdline").read_bytes().split(b"\0")
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if cmd[:2] == [b"sleep", TOOL_MARK.encode()] and state not in ("Z", "X"):
            found.append(int(proc.name))
    return found
