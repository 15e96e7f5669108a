"""Legacy Word 97–2003 documents (``.doc``): converted to ``.docx`` by LibreOffice, then read
by the DOCX reader.

LibreOffice runs headless in a temporary directory of its own, with its own user profile
there (two conversions sharing a profile would block each other), on a copy of the input
named ``input.doc`` (so odd file names and a wrong extension do not matter), under a
timeout after which its whole process group is killed.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ..document import SourceDocument
from ..errors import CorruptFileError, InputError, PasswordProtectedError
from ..limits import Limits
from . import system

DEFAULT_TIMEOUT = 120.0
# The Word 2007–365 export filter by name: plain ``docx`` would let LibreOffice pick one.
_FILTER = "docx:MS Word 2007 XML"


def convert_doc(path: Path, workdir: Path, *, timeout: float = DEFAULT_TIMEOUT, soffice: str | None = None) -> Path:
    """Convert ``path`` (a ``.doc``) into ``workdir/out/input.docx`` with LibreOffice.

    Raises :class:`MissingComponentError` when LibreOffice is not installed and
    :class:`CorruptFileError` when it fails on the file or runs past ``timeout`` seconds.
    """
    exe = system.soffice(soffice)
    # Absolute: LibreOffice runs in ``workdir`` and would read a relative path (a relative TMPDIR,
    # ``convert --out out``) against it.
    workdir = workdir.absolute()
    source = workdir / "input.doc"
    try:
        shutil.copyfile(path, source)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from exc
    out = workdir / "out"
    profile = workdir / "profile"
    args = [exe, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            f"-env:UserInstallation={profile.as_uri()}", "--convert-to", _FILTER, "--outdir", str(out),
            str(source)]
    try:
        # HOME in the work directory too: nothing LibreOffice writes outlives the conversion.
        done = system.run(args, timeout, system.LIBREOFFICE, cwd=workdir,
                          env={"HOME": str(workdir), "TMPDIR": str(workdir)})
    except system.ToolTimeout as exc:
        raise CorruptFileError(f"{path}: LibreOffice timed out after {timeout:g} s converting it") from exc
    result = out / "input.docx"
    # LibreOffice exits 0 even when it could not load the file; the missing output tells.
    if not result.is_file() or result.stat().st_size == 0:
        if "password" in done.message().lower():
            raise PasswordProtectedError(f"{path}: password-protected Word document ({done.message()})")
        raise CorruptFileError(f"{path}: LibreOffice could not convert it ({done.message()})")
    return result


# An encrypted Office Open XML file (a password-protected .docx) is a compound file holding
# these streams; their names are in its directory, in UTF-16.
_ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))


def is_password_protected(path: Path) -> bool:
    """Whether a compound file (what a ``.doc`` is) is an encrypted Word document.

    Reads at most the first 64 MB (a compound file's directory sits near its start or
    its end, never beyond a few sectors from either)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(1 << 20)
            f.seek(max(0, size - (1 << 20)))
            tail = f.read(1 << 20)
    except OSError:
        return False
    return any(marker in head or marker in tail for marker in _ENCRYPTED_STREAMS)


def read_doc(path: Path, *, timeout: float = DEFAULT_TIMEOUT, soffice: str | None = None,
             limits: Limits | None = None) -> SourceDocument:
    """The blocks of a legacy Word document, through LibreOffice and the DOCX reader.

    A password-protected Word file (a ``.docx`` encrypted is a compound file too) is a
    :class:`PasswordProtectedError`."""
    from .docx import read_docx

    if is_password_protected(path):
        raise PasswordProtectedError(f"{path}: password-protected Word document: it cannot be read without "
                                     "its password")
    with tempfile.TemporaryDirectory(prefix="vnreport-doc-") as tmp:
        converted = convert_doc(path, Path(tmp), timeout=timeout, soffice=soffice)
        try:
            doc = read_docx(converted, limits=limits)
        except CorruptFileError as exc:
            raise CorruptFileError(f"{path}: converted by LibreOffice, but {exc}") from exc
    doc.source.format = "doc"
    return doc
