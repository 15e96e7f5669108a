"""Tesseract run inside this process, through the C API of the very library the ``tesseract``
command is built on (``libtesseract.so.5``, loaded with :mod:`ctypes`): the same reading, byte
for byte, without starting a process and loading the language model for every run.

A ``tesseract`` process spends about 0.1 s of CPU loading its model before it reads anything.
The OCR reader runs Tesseract several times a page (the page, the print read again, the
handwritten fields, the symbols, the table cells): on a 16-page scan that loading is about a
fifth of all the work. Here each model is loaded once, by the first run that needs it, and kept
(one engine per run going on at once, see :class:`Engines`).

Only what the readers ask for is done so: images read to TSV with ``-l``, ``--psm``, ``--dpi``
and ``-c`` options (:func:`parse_args`). Anything else (orientation detection, ``--psm 0``)
goes to the ``tesseract`` command, and so does every run where the library is not the
command's: a command outside the system's folders (a build or a wrapper of its own), a
library not found or of another version, OpenMP free to use several threads. :func:`engines`
returns ``None`` then.

A run has a deadline (Tesseract's own monitor): past it the reading stops and
:class:`~.system.ToolTimeout` is raised, as a killed process would give.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import functools
import math
import os
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import MissingComponentError
from . import system

# The header line of the ``tsv`` output: the library gives the rows only.
TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
_PSM_AUTO = 3  # the command's default page segmentation (the library's own is 6)
_LIBRARY = "libtesseract.so.5"
_LEPTONICA = "liblept.so.5"
_GOMP = "libgomp.so.1"
_LEPTONICA_QUIET = 6  # L_SEVERITY_NONE: Leptonica's warnings (``pixScaleSmooth``) unprinted


# The ``-c`` settings an engine is made with here: they hold for that engine alone. Most of
# Tesseract's other settings are the process's (one engine's would change every later run),
# or are read only when a model is loaded, or are the page segmentation and resolution that
# each run sets: a run with any of them goes to the command.
ENGINE_VARIABLES = frozenset({"tessedit_char_whitelist", "tessedit_char_blacklist", "preserve_interword_spaces"})


class Cancelled(Exception):
    """The runs were called off (:meth:`Cancel.fire`): the document's reading was given up."""


class Cancel:
    """A way to stop the runs of one document at once (Ctrl-C, another page failed): the
    recognitions under way end at their next word (their deadline is moved to now), and no
    further image is read."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._monitors: set[int] = set()
        self._api: _Api | None = None
        self.fired = False

    def fire(self) -> None:
        with self._lock:
            self.fired = True
            if self._api is not None:
                for monitor in self._monitors:
                    self._api.tess.TessMonitorSetDeadlineMSecs(monitor, 1)

    @contextlib.contextmanager
    def watching(self, api: _Api, monitor: int) -> Iterator[None]:
        """While a recognition with ``monitor`` goes on; :class:`Cancelled` at once if fired."""
        with self._lock:
            if self.fired:
                raise Cancelled
            self._api = api
            self._monitors.add(monitor)
        try:
            yield
        finally:
            with self._lock:
                self._monitors.discard(monitor)
        if self.fired:
            raise Cancelled


@dataclass(frozen=True)
class Request:
    """A ``tesseract`` command line the library can run: its images and options."""

    images: tuple[str, ...]
    languages: str
    psm: int
    dpi: int | None
    variables: tuple[tuple[str, str], ...]


def parse_args(args: Sequence[str], images: Sequence[Path] = ()) -> Request | None:
    """The request of a ``tesseract`` command line (its arguments without the binary), or
    ``None`` when the library does not run it (no TSV asked for, an option not known here).
    ``images``: the images named on its standard input (``stdin`` in place of the image).

    >>> parse_args(["page.bmp", "stdout", "-l", "vie", "--dpi", "300", "tsv"])
    Request(images=('page.bmp',), languages='vie', psm=3, dpi=300, variables=())
    >>> parse_args(["stdin", "stdout", "-l", "vie", "--psm", "7", "-c", "tessedit_char_whitelist=0123456789",
    ...             "tsv"], [Path("f.bmp")])
    Request(images=('f.bmp',), languages='vie', psm=7, dpi=None, variables=(('tessedit_char_whitelist', '0123456789'),))
    >>> parse_args(["page.bmp", "stdout", "--psm", "0", "--dpi", "300"]) is None
    True
    """
    if len(args) < 3 or args[1] != "stdout" or args[-1] != "tsv":
        return None
    image, rest = args[0], list(args[2:-1])
    files = tuple(str(f) for f in images) if image == "stdin" else (image,)
    languages, psm, dpi, variables = "eng", _PSM_AUTO, None, []
    while rest:
        option = rest.pop(0)
        if not rest:
            return None
        value = rest.pop(0)
        if option == "-l":
            languages = value
        elif option == "--psm" and value.isdigit() and int(value) > 0:
            psm = int(value)
        elif option == "--dpi" and value.isdigit():
            dpi = int(value)
        elif option == "-c" and value.partition("=")[0] in ENGINE_VARIABLES:
            name, _, setting = value.partition("=")
            variables.append((name, setting))
        else:
            return None
    return Request(files, languages, psm, dpi, tuple(variables))


class _Api:
    """The library's functions, typed."""

    def __init__(self) -> None:
        tess = ctypes.CDLL(_LIBRARY)
        lept = ctypes.CDLL(_LEPTONICA)
        p, text, i = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
        for name, restype, argtypes in [
            ("TessVersion", text, []),
            ("TessBaseAPICreate", p, []),
            ("TessBaseAPIInit3", i, [p, text, text]),
            ("TessBaseAPISetVariable", i, [p, text, text]),
            ("TessBaseAPISetPageSegMode", None, [p, i]),
            ("TessBaseAPISetInputName", None, [p, text]),
            ("TessBaseAPISetImage2", None, [p, p]),
            ("TessBaseAPIRecognize", i, [p, p]),
            ("TessBaseAPIGetTsvText", ctypes.POINTER(ctypes.c_char), [p, i]),
            ("TessDeleteText", None, [ctypes.POINTER(ctypes.c_char)]),
            ("TessBaseAPIClear", None, [p]),
            ("TessBaseAPIEnd", None, [p]),
            ("TessBaseAPIDelete", None, [p]),
            ("TessMonitorCreate", p, []),
            ("TessMonitorDelete", None, [p]),
            ("TessMonitorSetDeadlineMSecs", None, [p, i]),
        ]:
            fn = getattr(tess, name)
            fn.restype, fn.argtypes = restype, argtypes
        lept.pixRead.restype, lept.pixRead.argtypes = p, [text]
        lept.pixDestroy.restype, lept.pixDestroy.argtypes = None, [ctypes.POINTER(p)]
        lept.setMsgSeverity.restype, lept.setMsgSeverity.argtypes = i, [i]
        lept.setMsgSeverity(_LEPTONICA_QUIET)
        self.tess, self.lept = tess, lept

    def version(self) -> str:
        return (self.tess.TessVersion() or b"").decode("ascii", "replace")


class Engines:
    """Tesseract engines kept loaded, one per run going on at once, for each set of languages
    and ``-c`` variables (set when the model is loaded, as the command does)."""

    def __init__(self, api: _Api) -> None:
        self._api = api
        self.version = api.version()
        self._lock = threading.Lock()
        # A process forked while another thread held the lock (multiprocessing's default on
        # Linux) would find it held for ever: the child makes its own. An engine in use at the
        # fork is not in the free pool, and the child never takes it.
        os.register_at_fork(after_in_child=self._forked)
        self._free: dict[tuple[str, tuple[tuple[str, str], ...]], list[int]] = {}

    @contextlib.contextmanager
    def _engine(self, request: Request) -> Iterator[int | None]:
        key = (request.languages, request.variables)
        with self._lock:
            free = self._free.setdefault(key, [])
            handle = free.pop() if free else None
        if handle is None:
            handle = self._load(request)
        try:
            yield handle
        finally:
            if handle is not None:
                with self._lock:
                    self._free.setdefault(key, []).append(handle)

    def _load(self, request: Request) -> int | None:
        """A new engine with the request's model loaded; ``None`` when it cannot be loaded."""
        tess = self._api.tess
        handle = tess.TessBaseAPICreate()
        if not handle:
            return None
        if tess.TessBaseAPIInit3(handle, None, request.languages.encode()) != 0:
            tess.TessBaseAPIDelete(handle)
            return None
        # Its messages (``Line cannot be recognized!!``) are not for our users: the command's
        # went to a pipe no one read.
        tess.TessBaseAPISetVariable(handle, b"debug_file", os.devnull.encode())
        for name, value in request.variables:
            tess.TessBaseAPISetVariable(handle, name.encode(), value.encode())
        return int(handle)

    def run(self, request: Request, timeout: float, cancel: Cancel | None = None) -> system.Finished:
        """The TSV of the request's images, one after the other as the command reads a list of
        images (``page_num`` 1, 2, ...), as a finished ``tesseract`` would leave it. Past
        ``timeout`` seconds, :class:`~.system.ToolTimeout`; called off by ``cancel``,
        :class:`Cancelled`."""
        cancel = cancel or Cancel()
        api = self._api
        tess, lept = api.tess, api.lept
        deadline = time.monotonic() + timeout
        rows = [TSV_HEADER]
        with self._engine(request) as handle:
            if handle is None:
                message = f"Error: could not load the language data {request.languages!r}"
                return system.Finished(1, b"", message.encode())
            tess.TessBaseAPISetPageSegMode(handle, request.psm)
            tess.TessBaseAPISetVariable(handle, b"user_defined_dpi", str(request.dpi or 0).encode())
            for index, image in enumerate(request.images):
                pix = lept.pixRead(image.encode())
                if not pix:
                    return system.Finished(1, "".join(rows).encode(), f"Error: cannot read image {image}".encode())
                monitor = tess.TessMonitorCreate()
                try:
                    # Rounded up: Tesseract's deadline never falls before ours.
                    left = deadline - time.monotonic()
                    tess.TessMonitorSetDeadlineMSecs(monitor, max(1, math.ceil(left * 1000) + 1))
                    tess.TessBaseAPISetInputName(handle, image.encode())
                    tess.TessBaseAPISetImage2(handle, pix)
                    with cancel.watching(api, monitor):
                        failed = tess.TessBaseAPIRecognize(handle, monitor) < 0
                    if time.monotonic() > deadline:
                        tess.TessBaseAPIClear(handle)
                        raise system.ToolTimeout("Tesseract", timeout)
                    if failed:
                        tess.TessBaseAPIClear(handle)
                        return system.Finished(1, "".join(rows).encode(), f"Error: cannot read {image}".encode())
                    text = tess.TessBaseAPIGetTsvText(handle, index)
                    try:
                        rows.append(ctypes.string_at(text).decode("utf-8", "replace") if text else "")
                    finally:
                        if text:
                            tess.TessDeleteText(text)
                    tess.TessBaseAPIClear(handle)
                finally:
                    tess.TessMonitorDelete(monitor)
                    box = ctypes.c_void_p(pix)
                    lept.pixDestroy(ctypes.byref(box))
        return system.Finished(0, "".join(rows).encode(), b"")

    def _forked(self) -> None:
        self._lock = threading.Lock()

    def close(self) -> None:
        """Unload the engines not in use (at exit: the library warns of leaks otherwise). One
        still reading in a thread of its own is left to the end of the process: unloaded under
        it, the reading would crash."""
        with self._lock:
            handles = [h for free in self._free.values() for h in free]
            self._free = {}
        for handle in handles:
            self._api.tess.TessBaseAPIEnd(handle)
            self._api.tess.TessBaseAPIDelete(handle)


DISABLE_ENV = "VNREPORT_TESSERACT_PROCESS"
"""Set (to anything but empty) to run every Tesseract reading as a ``tesseract`` process."""


_LOADING = threading.Lock()


def _forked() -> None:
    global _LOADING
    _LOADING = threading.Lock()


os.register_at_fork(after_in_child=_forked)
# Where a distribution installs the ``tesseract`` command built on its ``libtesseract``: a
# command found elsewhere (a build of its own, a wrapper) is left to run as a process.
SYSTEM_BINS = ("/usr/bin", "/bin", "/usr/local/bin")


def engines(exe: str | None = None) -> Engines | None:
    """The engines of this process for the ``tesseract`` command ``exe`` (by default the one
    on ``PATH``), or ``None`` when the library is not to be used for it (see the module
    docstring): a command outside the system's folders, or of another version than the
    library. The library is loaded once, by the first thread that asks."""
    if os.environ.get(DISABLE_ENV):
        return None
    try:
        exe = exe or system.find_tool(["tesseract"], system.TESSERACT)
    except MissingComponentError:
        return None
    with _LOADING:
        return _engines(os.path.realpath(exe))


@functools.lru_cache(maxsize=8)
def _engines(exe: str) -> Engines | None:
    if os.path.dirname(exe) not in SYSTEM_BINS:
        return None
    try:
        command = system.tesseract_version(exe)
    except (OSError, system.ToolTimeout, MissingComponentError):
        return None
    found = _library()
    return found if found is not None and command and found.version == command else None


@functools.lru_cache(maxsize=1)
def _library() -> Engines | None:
    try:
        api = _loaded()
    except OSError:
        return None
    if api is None:
        return None
    found = Engines(api)
    atexit.register(found.close)
    return found


def _loaded() -> _Api | None:
    """The library loaded, its OpenMP held to one thread (as ``OMP_THREAD_LIMIT=1`` holds the
    command's: runs go side by side, one a core); ``None`` when that cannot be had (OpenMP
    loaded before with more threads allowed)."""
    before = os.environ.get("OMP_THREAD_LIMIT")
    # OpenMP reads its limit once, when it is loaded: it is set in the environment for that
    # moment only, so programs this process starts later do not inherit it, nor do libraries
    # that bring their own copy of OpenMP. The limit does hold for the whole process's use of
    # the system's ``libgomp.so.1`` (here, Tesseract's).
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        api = _Api()
        gomp = ctypes.CDLL(_GOMP)
    finally:
        if before is None:
            del os.environ["OMP_THREAD_LIMIT"]
        else:
            os.environ["OMP_THREAD_LIMIT"] = before
    gomp.omp_get_thread_limit.restype = ctypes.c_int
    if gomp.omp_get_thread_limit() != 1:
        return None
    return api
