"""What a batch run reads: files, folders (recursive), globs and ``.zip`` archives.

Inputs are listed first (names only, cheap: it gives the progress bar its total), then
each item is *materialised* just before a worker needs it: a file is hashed where it
lies; a zip member is extracted, under the safety limits, into the run's own temporary
folder under a generated name, never under the member's own path. So an archive can
never write outside that folder, whatever its member names say.

A zip member is refused, and recorded, when its path is absolute or climbs out with
``..``, when it is a symlink or encrypted, when it expands beyond :class:`ZipLimits`
(ratio or size: a zip bomb); an archive is refused whole when it has too many members
or is not a zip at all.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import stat
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import InputError

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


@dataclass(frozen=True)
class ZipLimits:
    """Sane limits for zip input. A real report expands 2–10 times; a zip bomb, 1000 and more."""

    max_members: int = 10_000
    max_ratio: float = 100.0
    max_member_bytes: int = 512 << 20
    max_total_bytes: int = 8 << 30


DEFAULT_LIMITS = ZipLimits()


@dataclass(frozen=True)
class Item:
    """One document to convert. ``key`` is its logical path, the one the manifest records
    (``dir/a.docx``, ``arch.zip!sub/b.pdf``); ``path`` the file on disk (for a member: the
    archive); ``member`` the zip member's name; ``refused`` the :class:`ArchiveRefusedError`
    message (``reason: detail``) when the item was refused while listing and must not be read."""

    key: str
    path: str
    member: str | None = None
    refused: str | None = None


@dataclass(frozen=True)
class Materialized:
    """An item ready for a worker: a readable file, its sha256 and size in bytes."""

    path: Path
    sha256: str
    size: int
    temporary: bool


def is_zip_path(path: Path) -> bool:
    return path.suffix.lower() == ".zip"


def _skipped_name(name: str) -> bool:
    # Hidden files and Office lock files (~$bao-cao.docx) are not documents.
    return name.startswith((".", "~$"))


def _walk(root: Path, exclude: Path | None) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not _skipped_name(d)
                             and (exclude is None or not _same(here / d, exclude)))
        for name in sorted(filenames):
            if not _skipped_name(name):
                yield here / name


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def expand_inputs(inputs: Sequence[str | os.PathLike[str]], *, exclude: Path | None = None,
                  limits: ZipLimits = DEFAULT_LIMITS) -> list[Item]:
    """List every document the inputs name, in a stable order: inputs as given, folders
    sorted, zip members in archive order. The same logical path is listed once.

    Raises :class:`InputError` for a usage error: a path that does not exist, a glob that
    matches nothing. Unsafe zip content is not an error here but an item with ``refused``.
    """
    items: list[Item] = []
    seen: set[str] = set()

    def add(found: Iterable[Item]) -> None:
        for it in found:
            if it.key not in seen:
                seen.add(it.key)
                items.append(it)

    for raw in inputs:
        text = os.fspath(raw)
        p = Path(text)
        if p.exists():
            matches = [p]
        elif _GLOB_CHARS.search(text):
            matches = [Path(m) for m in sorted(glob.glob(text, recursive=True))]
            if not matches:
                raise InputError(f"{text}: the pattern matches no file")
        else:
            raise InputError(f"{text}: no such file or directory")
        for m in matches:
            if m.is_dir():
                for f in _walk(m, exclude):
                    add(zip_items(f, limits) if is_zip_path(f) else [Item(str(f), str(f))])
            elif is_zip_path(m):
                add(zip_items(m, limits))
            else:
                add([Item(str(m), str(m))])
    return items


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
                                   f"limit {limits.max_member_bytes}")
    ratio = info.file_size / max(info.compress_size, 1)
    if ratio > limits.max_ratio:
        return ArchiveRefusedError("expansion-ratio", f"member {info.filename!r} expands {ratio:.0f}:1, "
                                   f"limit {limits.max_ratio:.0f}:1")
    return None


def zip_items(archive: Path, limits: ZipLimits = DEFAULT_LIMITS) -> list[Item]:
    """The members of a zip archive as items; refused members and archives carry ``refused``."""
    key = str(archive)
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [Item(key, key, refused=f"corrupt-archive: {exc}")]
    # Hidden files and macOS resource forks are not documents, but an unsafe name is
    # recorded whatever it looks like (``..\\x`` also starts with a dot).
    files = [i for i in infos if not i.is_dir() and (
        member_problem(i, limits) is not None
        or not (i.filename.startswith("__MACOSX/") or _skipped_name(PurePosixPath(i.filename).name)))]
    if len(files) > limits.max_members:
        return [Item(key, key, refused=f"too-many-members: {len(files)} members, "
                                        f"limit {limits.max_members}")]
    total = sum(i.file_size for i in files)
    if total > limits.max_total_bytes:
        return [Item(key, key, refused=f"too-large: members expand to {total} bytes, "
                                        f"limit {limits.max_total_bytes}")]
    items = []
    for info in files:
        problem = member_problem(info, limits)
        items.append(Item(f"{key}{MEMBER_SEP}{info.filename}", key, info.filename,
                          refused=str(problem) if problem else None))
    return items


def hash_file(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def materialize(item: Item, tmpdir: Path, limits: ZipLimits = DEFAULT_LIMITS, *, serial: int = 0) -> Materialized:
    """Make an item readable by a worker. A member is extracted into ``tmpdir`` under a
    generated name (``m<serial><suffix>``: the suffix matters, ``.md`` is Markdown), with
    its real expanded size checked while reading, since a directory entry can lie."""
    if item.refused:
        reason, _, detail = item.refused.partition(": ")
        raise ArchiveRefusedError(reason, detail)
    if item.member is None:
        try:
            sha, size = hash_file(Path(item.path))
        except OSError as exc:
            raise InputError(f"{item.key}: cannot read: {exc.strerror}") from exc
        return Materialized(Path(item.path), sha, size, temporary=False)
    suffix = PurePosixPath(item.member).suffix.lower()
    if not re.fullmatch(r"\.[a-z0-9]{1,8}", suffix):
        suffix = ""
    target = tmpdir / f"m{serial}{suffix}"
    try:
        with zipfile.ZipFile(item.path) as zf:
            info = zf.getinfo(item.member)
            problem = member_problem(info, limits)
            if problem:
                raise problem
            budget = min(limits.max_member_bytes, int(max(info.compress_size, 1) * limits.max_ratio))
            h = hashlib.sha256()
            size = 0
            with zf.open(info) as src, target.open("wb") as dst:
                while chunk := src.read(_CHUNK):
                    size += len(chunk)
                    if size > budget:
                        raise ArchiveRefusedError("expansion-ratio", f"member {item.member!r} expands beyond "
                                                  f"{budget} bytes from {info.compress_size}")
                    h.update(chunk)
                    dst.write(chunk)
    except ArchiveRefusedError:
        target.unlink(missing_ok=True)
        raise
    except Exception as exc:  # BadZipFile, zlib.error, EOFError, a bad CRC: a damaged archive
        target.unlink(missing_ok=True)
        raise ArchiveRefusedError("corrupt-archive", f"member {item.member!r}: {exc}") from exc
    return Materialized(target, h.hexdigest(), size, temporary=True)
