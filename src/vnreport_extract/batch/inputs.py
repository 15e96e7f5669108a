"""What a batch run reads: files, folders (recursive), globs and ``.zip`` archives.

Inputs are listed first (names only, cheap: it gives the progress bar its total), then
each item is *materialised* just before a worker needs it: a file is hashed where it
lies; a zip member is extracted, under the safety limits, into the run's own temporary
folder under a generated name, never under the member's own path. So an archive can
never write outside that folder, whatever its member names say.

A zip member is refused, and recorded, when its path is absolute or climbs out with
``..``, when it is a symlink or encrypted, when it expands beyond the :class:`Limits`
(ratio or size: a zip bomb); an archive is refused whole when it has too many members
or is not a zip at all. Members of one archive are all read through one open archive
(reopening it per member reads its directory again each time: quadratic); members
under the same name are all listed (``a.zip!a.txt``, ``a.zip!a.txt#2``).

A folder walk lists only regular files with a known extension (``.txt .md .docx .doc
.pdf .zip``); anything else it meets — other files, FIFOs, sockets, devices, a symbolic
link leading out of the folder (unless ``follow_symlinks``), a broken link — is listed
as *skipped*, with the reason, and never opened. A file is read only up to
``max_file_bytes``: a link to ``/dev/zero`` cannot be hashed forever.
"""

from __future__ import annotations

import dataclasses
import glob
import hashlib
import os
import re
import stat
import threading
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import InputError, OutputError
from ..formats import SNIFF_BYTES, read_as
from ..limits import LimitExceededError, Limits
from ..normalize import recordable

MEMBER_SEP = "!"
"""Between an archive's path and a member's name in a logical path: ``a.zip!docs/b.pdf``."""

_CHUNK = 1 << 20
_GLOB_CHARS = re.compile(r"[*?\[]")


class ArchiveRefusedError(InputError):
    """A zip archive or member refused by the safety rules; ``reason`` is a kebab-case code
    (``unsafe-path``, ``symlink``, ``encrypted``, ``too-many-members``, ``expansion-ratio``,
    ``too-large``, ``corrupt-archive``)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason


ZipLimits = Limits
"""The limits for zip input are fields of :class:`~vnreport_extract.limits.Limits`
(``max_members``, ``max_ratio``, ``max_member_bytes``, ``max_total_bytes``)."""

DEFAULT_LIMITS = Limits()

KNOWN_SUFFIXES = (".txt", ".md", ".docx", ".doc", ".pdf", ".zip")
"""What a folder walk (and a zip archive) lists as documents; other files are skipped."""


class SkippedInputError(InputError):
    """An item listed as skipped (not a regular file, a link out of the input folder, not a
    document type): it is never opened."""


@dataclass(frozen=True)
class Item:
    """One document to convert. ``key`` is its logical path, the one the manifest records
    (``dir/a.docx``, ``arch.zip!sub/b.pdf``); ``path`` the file on disk (for a member: the
    archive); ``member`` the zip member's name; ``refused`` the :class:`ArchiveRefusedError`
    message (``reason: detail``) when the item was refused while listing and must not be read;
    ``skipped`` why it is no document to read; ``named`` whether the user named it (a path, not
    a file met in a folder, a glob's matches or an archive): such a file that cannot be read
    is an error, where one met on the way is only listed."""

    key: str
    path: str
    member: str | None = None
    refused: str | None = None
    skipped: str | None = None
    # The member's position in the archive's directory: names can repeat.
    index: int | None = None
    named: bool = False


@dataclass(frozen=True)
class Materialized:
    """An item ready for a worker: a readable file, its sha256 and size in bytes, and how it
    is read (:func:`~vnreport_extract.formats.read_as`: ``pdf``, ``text``, ``not-pdf`` ...)."""

    path: Path
    sha256: str
    size: int
    temporary: bool
    reading: str


def is_zip_path(path: Path) -> bool:
    return path.suffix.lower() == ".zip"


def _skipped_name(name: str) -> bool:
    # Hidden files and Office lock files (~$bao-cao.docx) are not documents.
    return name.startswith((".", "~$"))


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _why_skipped(path: Path, root: Path | None, follow_symlinks: bool) -> str | None:
    """Why a file met in a walk of ``root`` (or named directly, ``root`` None) is not read."""
    try:
        st = path.lstat()
        if stat.S_ISLNK(st.st_mode):
            target = path.resolve()
            if root is not None and not follow_symlinks and not _inside(target, root.resolve()):
                return f"a symbolic link out of the input folder (to {target}); use --follow-symlinks to read it"
            st = path.stat()
    except FileNotFoundError:
        return "a broken symbolic link"
    except (OSError, RuntimeError) as exc:  # a link loop, a permission problem
        return f"cannot be examined: {getattr(exc, 'strerror', None) or exc}"
    if not stat.S_ISREG(st.st_mode):
        kind = ("a FIFO" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode)
                else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "not a regular file")
        return f"{kind}, not a regular file"
    if root is not None and path.suffix.lower() not in KNOWN_SUFFIXES:
        return f"not a document type this tool reads ({path.suffix or 'no extension'}; it reads " \
               f"{' '.join(KNOWN_SUFFIXES)})"
    return None


def _walk(root: Path, exclude: Path | None, follow_symlinks: bool = False) -> Iterator[tuple[Path, str | None]]:
    """Files under ``root``, sorted, each with why it is skipped (or None)."""
    real_root = root.resolve()
    seen: set[tuple[int, int]] = set()  # the real folders walked, when links are followed
    for dirpath, dirnames, filenames in os.walk(root, followlinks=follow_symlinks):
        here = Path(dirpath)
        if follow_symlinks:
            # Each real folder is walked once: a link back up (a loop, ``self -> .``) or a second
            # link to a folder would walk it again and again.
            try:
                st = os.stat(dirpath)
            except OSError:
                dirnames[:] = []
                continue
            if (st.st_dev, st.st_ino) in seen:
                dirnames[:] = []
                yield here, "a folder read already by another way (a symbolic link to it, or a loop)"
                continue
            seen.add((st.st_dev, st.st_ino))
        keep = []
        for d in sorted(dirnames):
            if _skipped_name(d) or (exclude is not None and _same(here / d, exclude)):
                continue
            sub = here / d
            if sub.is_symlink() and not follow_symlinks:
                if _inside(sub.resolve(), real_root):
                    continue  # its files are listed where they really are
                yield sub, "a symbolic link out of the input folder; use --follow-symlinks to read it"
                continue
            keep.append(d)
        # Real folders before links to folders: a folder reached both ways is walked, and its
        # files named, where it really is (the link is then the second way to it).
        dirnames[:] = sorted(keep, key=lambda d: (here / d).is_symlink()) if follow_symlinks else keep
        for name in sorted(filenames):
            if not _skipped_name(name):
                path = here / name
                yield path, _why_skipped(path, root, follow_symlinks)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def input_list(inputs: Sequence[str | os.PathLike[str]] | str | os.PathLike[str]) -> list[str | os.PathLike[str]]:
    """The inputs as a list: one path (a string or a ``Path``) is a list of one, not a
    sequence of its letters, each of which would have been read as a file name.

    >>> input_list("docs")
    ['docs']
    >>> input_list(["a.pdf", "b.docx"])
    ['a.pdf', 'b.docx']
    >>> input_list(3)
    Traceback (most recent call last):
    TypeError: inputs must be a path or a list of paths (str or os.PathLike), not int
    >>> input_list({"a.pdf": 1})
    Traceback (most recent call last):
    TypeError: inputs must be a path or a list of paths (str or os.PathLike), not dict
    """
    if isinstance(inputs, (str, os.PathLike)):
        return [inputs]
    if isinstance(inputs, (bytes, bytearray, Mapping)) or not isinstance(inputs, Iterable):
        raise TypeError(f"inputs must be a path or a list of paths (str or os.PathLike), not {type(inputs).__name__}")
    out = list(inputs)
    for one in out:
        if not isinstance(one, (str, os.PathLike)):
            raise TypeError(f"each input must be a path (str or os.PathLike), not {type(one).__name__}: {one!r}")
        if not os.fspath(one):  # Path("") is the current folder: all of it would be converted
            raise InputError("an empty path names no file (name a folder: . for the current one)")
    return out


def expand_inputs(inputs: Sequence[str | os.PathLike[str]] | str | os.PathLike[str], *, exclude: Path | None = None,
                  limits: Limits = DEFAULT_LIMITS, follow_symlinks: bool = False) -> list[Item]:
    """List every document the inputs name, in a stable order: inputs as given, folders
    sorted, zip members in archive order. The same path is listed once, however it is spelt
    (relative, absolute, ``./``). What a folder holds that is no document to read is listed
    with ``skipped`` (see the module docstring); ``follow_symlinks`` reads links that lead out
    of an input folder.

    Raises :class:`InputError` for a usage error: a path that does not exist, a glob that
    matches nothing. Unsafe zip content is not an error here but an item with ``refused``.
    """
    inputs = input_list(inputs)
    items: list[Item] = []
    seen: set[tuple[str, str | None, int | None]] = set()  # each file (or member) once
    keys: set[str] = set()

    def add(found: Iterable[Item]) -> None:
        for it in found:
            # One file under two spellings (``docs/a.pdf``, ``/home/x/docs/a.pdf``) is one input,
            # under the first; a link is another name, listed (a duplicate of what it leads to).
            where = (os.path.abspath(it.path), it.member, it.index)
            if where in seen:
                continue
            seen.add(where)
            # Two inputs may have one key: a zip's members of one name, two files written alike in
            # the records (``B\xe1o.txt``: a name in bytes that are no UTF-8, and a name with a
            # backslash). The second gets ``#2``.
            key, copy = it.key, 1
            while key in keys:
                copy += 1
                key = f"{it.key}#{copy}"
            keys.add(key)
            items.append(it if key == it.key else dataclasses.replace(it, key=key))

    for raw in inputs:
        text = os.fspath(raw)
        p = Path(text)
        named = p.exists() or p.is_symlink()
        if named:
            matches = [p]
        elif _GLOB_CHARS.search(text):
            matches = [Path(m) for m in sorted(glob.glob(text, recursive=True))]
            if not matches:
                raise InputError(f"{text}: the pattern matches no file")
        else:
            raise InputError(f"{text}: no such file or directory")
        for m in matches:
            if m.is_dir():
                for f, why in _walk(m, exclude, follow_symlinks):
                    if why is not None:
                        add([Item(recordable(str(f)), str(f), skipped=why)])
                    else:
                        add(zip_items(f, limits) if is_zip_path(f) else [Item(recordable(str(f)), str(f))])
                continue
            # A glob's match is listed as a folder's file is (``docs/*`` meets the readme beside the
            # reports: skipped); a file named by its path is read whatever its extension.
            why = _why_skipped(m, None if named else m.parent, follow_symlinks)
            if why is not None:
                add([Item(recordable(str(m)), str(m), skipped=why, named=named)])
            elif is_zip_path(m):
                add(zip_items(m, limits, named=named))
            else:
                add([Item(recordable(str(m)), str(m), named=named)])
    return items


def input_roots(inputs: Sequence[str | os.PathLike[str]] | str | os.PathLike[str]) -> list[str]:
    """The inputs as the manifest's keys write them (``./docs/`` → ``docs``); a glob as given.

    >>> input_roots(["./docs/", "a/*.pdf"])
    ['docs', 'a/*.pdf']
    """
    out = []
    for raw in input_list(inputs):
        text = os.fspath(raw)
        out.append(text if not Path(text).exists() and _GLOB_CHARS.search(text) else recordable(str(Path(text))))
    return out


def member_problem(info: zipfile.ZipInfo, limits: ZipLimits) -> ArchiveRefusedError | None:
    """Why a member must not be extracted, judged from its directory entry, or None."""
    name = info.filename.replace("\\", "/")
    pure = PurePosixPath(name)
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return ArchiveRefusedError("unsafe-path", f"member {info.filename!r} has an absolute path")
    if ".." in pure.parts:
        return ArchiveRefusedError("unsafe-path", f"member {info.filename!r} leaves the archive (..)")
    if stat.S_ISLNK(info.external_attr >> 16):
        return ArchiveRefusedError("symlink", f"member {info.filename!r} is a symbolic link")
    if info.flag_bits & 0x1:
        return ArchiveRefusedError("encrypted", f"member {info.filename!r} is encrypted")
    if info.file_size > limits.max_member_bytes:
        return ArchiveRefusedError("too-large", f"member {info.filename!r} expands to {info.file_size} bytes, "
                                   f"limit max_member_bytes={limits.max_member_bytes}")
    ratio = info.file_size / max(info.compress_size, 1)
    if ratio > limits.max_ratio:
        return ArchiveRefusedError("expansion-ratio", f"member {info.filename!r} expands {ratio:.0f}:1, "
                                   f"limit max_ratio={limits.max_ratio:g}")
    return None


# A zip entry's flag that says its name is UTF-8 (bit 11 of its general purpose flags).
_UTF8_NAME = 0x800


def member_name(info: zipfile.ZipInfo) -> str:
    r"""A member's name as its archive meant it. Without the UTF-8 flag the zip format says the
    name is in code page 437, as Python reads it; but the tools that leave the flag off (Info-ZIP
    on Linux, many Windows tools) write the name's UTF-8 bytes, so that ``Quyết định.pdf`` came
    out ``Quyß║┐t ─æß╗ïnh.pdf``. A name whose bytes are UTF-8 is read as UTF-8; any other
    stays as code page 437 reads it.

    >>> info = zipfile.ZipInfo("Quyết định.pdf".encode().decode("cp437"))
    >>> member_name(info), member_name(zipfile.ZipInfo(b"B\xa0o c\xa0o.pdf".decode("cp437")))
    ('Quyết định.pdf', 'Báo cáo.pdf')
    """
    if info.flag_bits & _UTF8_NAME or info.filename.isascii():
        return info.filename
    try:
        return info.filename.encode("cp437").decode("utf-8")
    except UnicodeError:  # not a name of code page 437 (a flag lost), or its bytes no UTF-8
        return info.filename


def zip_items(archive: Path, limits: Limits = DEFAULT_LIMITS, *, named: bool = False) -> list[Item]:
    """The members of a zip archive as items; refused members and archives carry ``refused``,
    members that are no document to read ``skipped``; an archive with no member to list is an
    item itself, ``skipped`` (``named`` by the user: an error), so the manifest still lists it."""
    path = str(archive)
    key = recordable(path)
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [Item(key, path, refused=f"corrupt-archive: {exc}")]
    # Hidden files and macOS resource forks are not documents, but an unsafe name is
    # recorded whatever it looks like (``..\\x`` also starts with a dot).
    files = [(n, i) for n, i in enumerate(infos) if not i.is_dir() and (
        member_problem(i, limits) is not None
        or not (i.filename.startswith("__MACOSX/") or _skipped_name(PurePosixPath(i.filename).name)))]
    if not files:
        return [Item(key, path, skipped="a zip archive with no documents in it", named=named)]
    if len(files) > limits.max_members:
        return [Item(key, path, refused=f"too-many-members: {len(files)} members, "
                                        f"limit max_members={limits.max_members}")]
    total = sum(i.file_size for _, i in files)
    if total > limits.max_total_bytes:
        return [Item(key, path, refused=f"too-large: members expand to {total} bytes, "
                                        f"limit max_total_bytes={limits.max_total_bytes}")]
    items = []
    for index, info in files:
        problem = member_problem(info, limits)
        # The same name twice in one archive: each is its own item (by its index), and
        # expand_inputs gives the second key ``#2``.
        name = member_name(info)
        member_key = f"{key}{MEMBER_SEP}{name}"
        suffix = PurePosixPath(name).suffix.lower()
        skipped = None
        if problem is None and suffix not in KNOWN_SUFFIXES[:-1]:
            skipped = ("an archive inside the archive (not opened)" if suffix == ".zip"
                       else f"not a document type this tool reads ({suffix or 'no extension'})")
        items.append(Item(member_key, path, name, refused=str(problem) if problem else None,
                          skipped=skipped, index=index))
    return items


def _first_bytes(head: bytes, chunk: bytes) -> bytes:
    """``head`` grown by the next ``chunk`` read, up to the :data:`~vnreport_extract.formats.SNIFF_BYTES`
    that tell how a file is read."""
    return head + chunk[:SNIFF_BYTES - len(head)] if len(head) < SNIFF_BYTES else head


def hash_file(path: Path, max_bytes: int | None = None) -> tuple[str, int, bytes]:
    """sha256 and size of a regular file, reading at most ``max_bytes`` (past it: a
    :class:`LimitExceededError`), and its first :data:`~vnreport_extract.formats.SNIFF_BYTES`
    bytes. The file is opened without blocking and checked to be regular before a byte is
    read: a FIFO put in its place would block for ever."""
    h = hashlib.sha256()
    size = 0
    head = b""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SkippedInputError(f"{path}: not a regular file")
        if max_bytes is not None and st.st_size > max_bytes:  # said whole, as parse_file says it
            raise LimitExceededError("max_file_bytes", max_bytes, value=st.st_size, what=f"{path}: {st.st_size} bytes")
        while chunk := f.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
            head = _first_bytes(head, chunk)
            if max_bytes is not None and size > max_bytes:
                raise LimitExceededError("max_file_bytes", max_bytes, what=f"{path}: more than {max_bytes} bytes")
    return h.hexdigest(), size, head


class _Output:
    """A file written in the run's temporary folder; a failure to write it (disk full) is an
    :class:`OutputError`, not the archive's fault."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.file = path.open("wb")
        except OSError as exc:
            raise OutputError(f"cannot write a temporary file {path}: {exc.strerror or exc}") from None

    def write(self, data: bytes) -> None:
        try:
            self.file.write(data)
        except OSError as exc:
            raise OutputError(f"cannot write a temporary file {self.path}: {exc.strerror or exc}") from None

    def __enter__(self) -> _Output:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.file.close()
        except OSError as err:
            raise OutputError(f"cannot write a temporary file {self.path}: {err.strerror or err}") from None



class _OpenArchive(threading.local):
    """The archive last read from, kept open per thread: members of one archive come one
    after the other, and opening it reads its whole directory."""

    path: str | None = None
    zf: zipfile.ZipFile | None = None


_OPEN = _OpenArchive()


def _archive(path: str) -> zipfile.ZipFile:
    if _OPEN.path != path or _OPEN.zf is None:
        close_archives()
        _OPEN.zf = zipfile.ZipFile(path)
        _OPEN.path = path
    return _OPEN.zf


def close_archives() -> None:
    """Close the archive :func:`materialize` keeps open in this thread."""
    if _OPEN.zf is not None:
        _OPEN.zf.close()
    _OPEN.zf, _OPEN.path = None, None


def materialize(item: Item, tmpdir: Path, limits: Limits = DEFAULT_LIMITS, *, serial: int = 0) -> Materialized:
    """Make an item readable by a worker. A member is extracted into ``tmpdir`` under a
    generated name (``m<serial><suffix>``: the suffix matters, ``.md`` is Markdown), with
    its real expanded size checked while reading, since a directory entry can lie."""
    if item.refused:
        reason, _, detail = item.refused.partition(": ")
        raise ArchiveRefusedError(reason, detail)
    if item.skipped:
        raise SkippedInputError(f"{item.key}: skipped: {item.skipped}")
    if item.member is None:
        try:
            sha, size, head = hash_file(Path(item.path), limits.max_file_bytes)
        except OSError as exc:
            raise InputError(f"{item.key}: cannot read: {exc.strerror}") from exc
        return Materialized(Path(item.path), sha, size, temporary=False, reading=read_as(head, item.path))
    suffix = PurePosixPath(item.member).suffix.lower()
    if not re.fullmatch(r"\.[a-z0-9]{1,8}", suffix):
        suffix = ""
    target = tmpdir / f"m{serial}{suffix}"
    try:
        zf = _archive(item.path)
        info = zf.infolist()[item.index] if item.index is not None else zf.getinfo(item.member)
        problem = member_problem(info, limits)
        if problem:
            raise problem
        budget = min(limits.max_member_bytes, int(max(info.compress_size, 1) * limits.max_ratio))
        h = hashlib.sha256()
        size = 0
        head = b""
        with zf.open(info) as src, _Output(target) as dst:
            while chunk := src.read(_CHUNK):
                size += len(chunk)
                if size > budget:
                    raise ArchiveRefusedError("expansion-ratio", f"member {item.member!r} expands beyond "
                                              f"{budget} bytes from {info.compress_size}")
                h.update(chunk)
                head = _first_bytes(head, chunk)
                dst.write(chunk)
    except (ArchiveRefusedError, OutputError):
        target.unlink(missing_ok=True)
        raise
    except Exception as exc:  # BadZipFile, zlib.error, EOFError, a bad CRC: a damaged archive
        target.unlink(missing_ok=True)
        close_archives()
        raise ArchiveRefusedError("corrupt-archive", f"member {item.member!r}: {exc}") from exc
    return Materialized(target, h.hexdigest(), size, temporary=True, reading=read_as(head, item.member))
