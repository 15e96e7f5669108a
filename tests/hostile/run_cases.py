"""Run hostile cases through ``parse_file`` and the ``parse`` command in this process, one
JSON line per case on stdout (outcome, seconds, peak RSS so far). The tests run it in a
child process under an address-space limit, so that a blow-up fails a test, not the machine.

    python tests/hostile/run_cases.py NAME=PATH ...
"""

from __future__ import annotations

import contextlib
import io
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hostile.generate import BY_NAME

from vnreport_extract import ParseOptions, VnReportError, parse_file
from vnreport_extract.cli import main as cli
from vnreport_extract.limits import Limits


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(name: str, path: str) -> dict[str, object]:
    case = BY_NAME[name]
    out: dict[str, object] = {"name": name}
    started = time.monotonic()
    try:
        report = parse_file(path, ParseOptions(limits=Limits(**case.limits)))
        out.update(outcome="report", warnings=sorted({w.code for w in report.warnings}),
                   text_has_absent=bool(case.absent and case.absent in report.text))
    except VnReportError as exc:
        out.update(outcome=type(exc).__name__, classes=[c.__name__ for c in type(exc).__mro__],
                   message=str(exc))
    except BaseException as exc:  # what the test must see, whatever it is
        out.update(outcome=f"untyped:{type(exc).__name__}", message=str(exc)[:300])
    out["seconds"] = round(time.monotonic() - started, 2)
    if not case.limits and case.expect != "report":  # the command's own part is the error line
        stderr = io.StringIO()
        started = time.monotonic()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(stderr):
            code = cli(["parse", path, "--no-text"])
        out.update(cli_code=code, cli_stderr=stderr.getvalue(), cli_seconds=round(time.monotonic() - started, 2))
    out["rss_mb"] = round(_rss_mb())
    return out


if __name__ == "__main__":
    limit = int(float(sys.argv[1]) * (1 << 30))
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    for arg in sys.argv[2:]:
        name, _, path = arg.partition("=")
        print(json.dumps({"started": name}), flush=True)
        print(json.dumps(run(name, path), ensure_ascii=False), flush=True)
