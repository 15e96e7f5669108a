"""System tools the readers drive (Tesseract, LibreOffice): finding them and running them.

A tool runs in its own process group (its own session), so that on a timeout the
whole tree it started is killed — LibreOffice's ``soffice`` is a shell script that
starts ``oosplash`` which starts ``soffice.bin``; killing only the first would leave
the converter running. A missing tool is a :class:`MissingComponentError` naming the
Debian package to install.

A tool's own session also takes it out of reach of whoever kills the process that
started it (a batch worker killed at its timeout). So when ``VNREPORT_TOOL_GROUPS``
names a folder, each running tool is recorded there (an empty file named by its process
group id) until it is reaped: the batch pool kills those groups with their worker
(:func:`kill_recorded_groups`).
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import MissingComponentError

TESSERACT = ("Tesseract", "tesseract-ocr")
# A Tesseract run uses one thread: runs go side by side, one a core, and its own OpenMP threads
# would only make them wait for each other.
TESSERACT_ENV = {"OMP_THREAD_LIMIT": "1"}
TESSERACT_VIE = ("Tesseract Vietnamese language data", "tesseract-ocr-vie")
LIBREOFFICE = ("LibreOffice", "libreoffice-writer-nogui")


class ToolTimeout(Exception):
    """A tool ran past its timeout; its process group has been killed."""

    def __init__(self, tool: str, seconds: float) -> None:
        super().__init__(f"{tool} timed out after {seconds:g} s")
        self.tool = tool
        self.seconds = seconds


@dataclass
class Finished:
    """What a tool left behind: exit code and its output (bytes, undecoded)."""

    returncode: int
    stdout: bytes
    stderr: bytes

    def message(self) -> str:
        """The last non-empty line of stderr (or stdout): a tool's own reason for failing."""
        for stream in (self.stderr, self.stdout):
            lines = [ln.strip() for ln in stream.decode("utf-8", "replace").splitlines() if ln.strip()]
            if lines:
                return lines[-1]
        return f"exit code {self.returncode}"


def find_tool(names: Sequence[str], component: tuple[str, str]) -> str:
    """The path of the first of ``names`` on ``PATH``, or a :class:`MissingComponentError`.

    >>> find_tool(["sh"], ("POSIX shell", "dash")).endswith("/sh")
    True
    """
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    raise MissingComponentError(*component)


def tool_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment a tool runs with: ours, a C locale for stable messages, plus ``extra``."""
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    if extra:
        env.update(extra)
    return env


GROUPS_ENV = "VNREPORT_TOOL_GROUPS"
"""The environment variable naming the folder where running tools' process groups are recorded."""


def _record(pid: int) -> Path | None:
    folder = os.environ.get(GROUPS_ENV)
    if not folder:
        return None
    record = Path(folder) / str(pid)
    with contextlib.suppress(OSError):
        record.touch()
        return record
    return None


def _unrecord(pid: int) -> None:
    folder = os.environ.get(GROUPS_ENV)
    if folder:
        with contextlib.suppress(OSError):
            (Path(folder) / str(pid)).unlink()


def kill_recorded_groups(folder: Path, *, wait: float = 5.0) -> list[int]:
    """Kill the process groups of the tools recorded in ``folder`` (see the module docstring)
    and wait up to ``wait`` seconds for them to be gone; the groups killed, in order.

    Only a group whose leader still runs with ``folder`` in its environment is killed: a
    process id reused by an unrelated program since is left alone."""
    killed: list[int] = []
    if not folder.is_dir():
        return killed
    marker = f"{GROUPS_ENV}={folder}".encode()
    for record in sorted(folder.iterdir()):
        if not record.name.isdigit():
            continue
        pgid = int(record.name)
        try:
            environ = Path(f"/proc/{pgid}/environ").read_bytes()
        except OSError:
            environ = None
        if environ is None or marker in environ.split(b"\0"):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pgid, signal.SIGKILL)
                killed.append(pgid)
        record.unlink(missing_ok=True)
    deadline = time.monotonic() + wait
    for pgid in killed:
        while time.monotonic() < deadline and _group_alive(pgid):
            time.sleep(0.05)
    return killed


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    # Members that are zombies still count for kill(0); they hold no files and do no work.
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
            return True
    return False


def start(args: Sequence[str], *, cwd: Path | None = None, env: Mapping[str, str] | None = None,
          stdin: bytes | None = None) -> subprocess.Popen[bytes]:
    """Start a tool in a new session (process group of its own), output captured, and
    record its group when asked to (``VNREPORT_TOOL_GROUPS``)."""
    proc = subprocess.Popen(
        list(args), cwd=cwd, env=tool_env(env), start_new_session=True,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    _record(proc.pid)
    return proc


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Kill a started tool and everything it started (its process group), then reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        proc.kill()
    proc.communicate()
    _unrecord(proc.pid)


def finish(proc: subprocess.Popen[bytes], timeout: float, tool: str, stdin: bytes | None = None) -> Finished:
    """Wait for a started tool at most ``timeout`` seconds; past it, kill its process group
    and raise :class:`ToolTimeout`. Any other interruption (Ctrl-C) kills it too."""
    try:
        out, err = proc.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        raise ToolTimeout(tool, timeout) from None
    except BaseException:
        kill_group(proc)
        raise
    # The tool may have left children behind in its group (a daemonised soffice.bin).
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    _unrecord(proc.pid)
    return Finished(proc.returncode, out, err)


def run(args: Sequence[str], timeout: float, component: tuple[str, str], *, cwd: Path | None = None,
        env: Mapping[str, str] | None = None, stdin: bytes | None = None) -> Finished:
    """Run a tool to its end within ``timeout`` seconds (see :func:`finish`).

    >>> run(["sh", "-c", "echo ok"], 10, ("POSIX shell", "dash")).stdout
    b'ok\\n'
    """
    try:
        proc = start(args, cwd=cwd, env=env, stdin=stdin)
    except FileNotFoundError as exc:  # removed between find_tool() and here
        raise MissingComponentError(*component) from exc
    return finish(proc, timeout, component[0], stdin)


@functools.lru_cache(maxsize=8)
def _tesseract_languages(path: str, tessdata: str | None) -> frozenset[str]:
    done = run([path, "--list-langs"], 30, TESSERACT)
    text = (done.stdout + done.stderr).decode("utf-8", "replace")
    # The first line is a header ("List of available languages in ..."), the rest one code per line.
    return frozenset(line.strip() for line in text.splitlines()[1:] if line.strip())


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or ``None`` elsewhere (musl, macOS)."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def release_memory() -> bool:
    """Give the memory freed in this process back to the system (glibc's ``malloc_trim``: the
    free pages of every thread's pool, not only the top of the heap). Whether it could be asked.

    >>> import platform
    >>> release_memory() == (platform.libc_ver()[0] == "glibc")
    True
    """
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


@functools.lru_cache(maxsize=8)
def tesseract_version(path: str) -> str:
    """The version a ``tesseract`` binary reports (``5.3.0``; empty when it says none)."""
    done = run([path, "--version"], 30, TESSERACT)
    # ``tesseract 5.3.0`` on the first line (stdout, or stderr in old versions).
    for line in (done.stdout + b"\n" + done.stderr).decode("utf-8", "replace").splitlines():
        words = line.split()
        if len(words) == 2 and words[0] == "tesseract":
            return words[1]
    return ""


def tesseract(languages: str = "vie", path: str | None = None) -> str:
    """The ``tesseract`` binary (``path``, or found on ``PATH``), checked to have the data for
    each of ``languages`` (``vie+eng``)."""
    exe = given_tool(path, TESSERACT) if path else find_tool(["tesseract"], TESSERACT)
    known = _tesseract_languages(exe, os.environ.get("TESSDATA_PREFIX"))
    if path and not known:
        raise MissingComponentError(*TESSERACT, at=path, why="it lists no languages: not Tesseract, or Tesseract "
                                                             "without any language data")
    for language in languages.split("+"):
        if language not in known:
            if language == "vie":
                raise MissingComponentError(*TESSERACT_VIE)
            raise MissingComponentError(f"Tesseract language data {language!r}", f"tesseract-ocr-{language}",
                                        by_setup=False)
    return exe


def soffice(path: str | None = None) -> str:
    """The LibreOffice binary: ``path``, or ``soffice`` (``libreoffice`` on some installs) on ``PATH``.
    A ``path`` given must say it is LibreOffice when asked its version: a program that is not
    would convert nothing, and each ``.doc`` would be taken for a broken file."""
    if not path:
        return find_tool(["soffice", "libreoffice"], LIBREOFFICE)
    exe = given_tool(path, LIBREOFFICE)
    if not _is_office(exe):
        raise MissingComponentError(*LIBREOFFICE, at=path, why="it does not answer --version as LibreOffice does")
    return exe


@functools.lru_cache(maxsize=8)
def _is_office(exe: str) -> bool:
    """Whether ``exe --version`` names LibreOffice (or OpenOffice, or a build of it: Collabora)."""
    try:
        done = run([exe, "--version"], 60, LIBREOFFICE)
    except ToolTimeout:
        return False
    said = (done.stdout + done.stderr).decode("utf-8", "replace").lower()
    return any(name in said for name in ("libreoffice", "openoffice", "collabora"))


def given_tool(path: str, component: tuple[str, str]) -> str:
    """A tool at a path the caller gave: it must be an executable file (or a name on ``PATH``).

    >>> given_tool("/nonexistent/tesseract", TESSERACT)
    Traceback (most recent call last):
    ...
    vnreport_extract.errors.MissingComponentError: Tesseract is not installed at /nonexistent/tesseract
    """
    found = shutil.which(path)
    if found is None:
        raise MissingComponentError(*component, at=path)
    return found
