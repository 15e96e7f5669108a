"""Which reader a file goes to: its format by its first bytes and its name.

A file is read by what it holds, not by what its name says (a PDF saved as ``.txt`` is read as
a PDF), except where only the name can tell (text is Markdown when named ``.md``; a zip of
no Word part named ``.docx`` is a broken Word file) or where the name promises a document
that the content is not (text named ``.pdf`` is an error, not an empty report). The parser
(:func:`~vnreport_extract.pipeline.parse_file`) and the batch runs, which must know which
copies of one content are read alike before parsing them, use these same rules.
"""

from __future__ import annotations

from pathlib import PurePath, PurePosixPath
from typing import Literal, cast

# How much of a file :func:`sniff` reads: a Word file's zip names its ``word/`` parts first.
SNIFF_BYTES = 65536

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def utf16_without_bom(data: bytes) -> str | None:
    r"""The codec of UTF-16 text saved without its byte order mark (``utf-16-le`` or
    ``utf-16-be``), or None: the zero bytes of its ASCII characters all fall on one side of
    each pair (at least a fifth of the pairs, none on the other side), and its first
    kilobytes decode to text (no control character but tab and line ends).

    >>> utf16_without_bom("Báo cáo số 12/BC-UBND\r\n".encode("utf-16-le"))
    'utf-16-le'
    >>> utf16_without_bom("Báo cáo".encode("utf-16-be")), utf16_without_bom(b"\x00\x01\x02\x00" * 8)
    ('utf-16-be', None)
    """
    head = data[:4096]
    if len(head) < 4:
        return None
    pairs = len(head) // 2
    odd, even = head[1::2].count(0), head[0::2].count(0)
    codec = "utf-16-le" if even == 0 and odd * 5 >= pairs else \
        "utf-16-be" if odd == 0 and even * 5 >= pairs else None
    if codec is None:
        return None
    sample = head[:pairs * 2]
    high = sample[-1] if codec == "utf-16-le" else sample[-2]
    if 0xD8 <= high <= 0xDB:
        sample = sample[:-2]  # a surrogate pair cut by the sample's end
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec if all(c.isprintable() or c in "\t\r\n\f" for c in text) else None


# The formats a file is read as: the documents, whose name may promise one of them, and text.
DOCUMENTS = ("pdf", "docx", "doc")
READERS = (*DOCUMENTS, "text", "markdown")

# Which reader a file's name promises, and what its content must then be.
_PROMISED = {".docx": ("docx", "Word (.docx)"), ".docm": ("docx", "Word (.docx)"), ".dotx": ("docx", "Word (.docx)"),
             ".doc": ("doc", "Word 97-2003 (.doc)"), ".pdf": ("pdf", "PDF")}


def format_promised(name: str) -> Literal["pdf", "docx", "doc", "text", "markdown"]:
    """The format a file's (or zip member's) name promises, for a record of a file that could
    not be read: ``pdf``, ``docx``, ``doc``, ``markdown``, else ``text``.

    >>> format_promised("a.zip!b.DOCX"), format_promised("c.md"), format_promised("d.txt")
    ('docx', 'markdown', 'text')
    """
    suffix = PurePosixPath(name).suffix.lower()
    kind = _PROMISED[suffix][0] if suffix in _PROMISED else _text_format(suffix)
    return cast(Literal["pdf", "docx", "doc", "text", "markdown"], kind)


def promised_name(name: str) -> str:
    """What a file's name promises, in words (``PDF``, ``Word (.docx)``), for a message.

    >>> promised_name("a.DOC"), promised_name("b.txt")
    ('Word 97-2003 (.doc)', 'text')
    """
    promised = _PROMISED.get(PurePosixPath(name).suffix.lower())
    return promised[1] if promised else "text"


def _text_format(suffix: str) -> str:
    """A text file's format by its (lower-case) extension: ``markdown`` or ``text``."""
    return "markdown" if suffix in (".md", ".markdown") else "text"


def sniff(data: bytes, path: PurePath) -> str:
    """The format of a file by its content: ``pdf``, ``docx``, ``doc``, ``zip``, ``text``
    or ``markdown`` (text by extension), ``binary``. Only its first :data:`SNIFF_BYTES`
    bytes are read.

    >>> sniff(b"%PDF-1.7 ...", PurePath("a.txt")), sniff("Báo cáo".encode(), PurePath("b.md"))
    ('pdf', 'markdown')
    """
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") or data.startswith(b"{\\rtf"):
        return "doc"  # Word 97-2003, or RTF (often saved as .doc): LibreOffice reads both
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        # A Word file whose ``word/`` parts come late in its zip is still one under a Word name
        # (``.docx`` or ``.doc``: the two are often swapped); the Word reader says if it is broken.
        word_name = _PROMISED.get(path.suffix.lower(), ("",))[0] in ("docx", "doc")
        return "docx" if b"word/" in data[:SNIFF_BYTES] or word_name else "zip"
    if b"\x00" in data[:4096] and not data.startswith(UTF16_BOMS) and utf16_without_bom(data) is None:
        return "binary"
    return _text_format(path.suffix.lower())


def read_as(head: bytes, name: str) -> str:
    """How a file whose first bytes are ``head`` (:data:`SNIFF_BYTES` of them, or all it holds)
    and whose name (or zip member's name) is ``name`` is read: :func:`reading` of its
    :func:`sniff`. Two files of the same bytes read the same way give one report.

    >>> read_as(b"%PDF-1.7", "scan.TXT"), read_as(b"%PDF-1.7", "scan.pdf")
    ('pdf', 'pdf')
    >>> read_as(b"Bao cao", "a.txt"), read_as(b"Bao cao", "a.md"), read_as(b"Bao cao", "a.pdf")
    ('text', 'markdown', 'not-pdf')
    """
    return reading(sniff(head, PurePosixPath(name)), name)


def reading(kind: str, name: str) -> str:
    """How a file of the format ``kind`` (:func:`sniff`) named ``name`` is read: the format of
    its reader (``pdf``, ``docx``, ``doc``, ``text``, ``markdown``), or what refuses it
    (``zip``, ``binary``, or ``not-pdf`` / ``not-doc`` / ``not-docx``: not the document its
    name promises).

    >>> reading("docx", "a.doc"), reading("text", "b.docx"), reading("binary", "c.txt")
    ('docx', 'not-docx', 'binary')
    """
    promised = _PROMISED.get(PurePosixPath(name).suffix.lower())
    if promised is not None and kind not in DOCUMENTS:
        return f"not-{promised[0]}"
    return kind
