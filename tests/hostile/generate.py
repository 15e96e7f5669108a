"""The hostile corpus: huge, broken, disguised and malicious inputs, generated (no blobs).

Each :class:`Case` builds one file and says what must come of it — a named error (its
type) or a report — and within what budget of seconds. ``limits`` are the
:class:`~vnreport_extract.limits.Limits` fields the case is run with (most run with the
defaults: a default that lets a hostile file through is the bug to catch).

Run ``python tests/hostile/generate.py DIR`` to write the corpus into DIR.
"""

from __future__ import annotations

import os
import random
import struct
import sys
import warnings
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "seed" / "000_c44f0d63a01b8516.txt"
CITATION = "Thực hiện Kế hoạch số 245/KH-UBND ngày 31/12/2021 của UBND tỉnh về công tác dân vận\n"


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    build: Callable[[Path], None]
    # "report", or the name of the error class expected (an InputError subclass ...)
    expect: str
    budget: float = 20.0
    limits: dict[str, Any] = field(default_factory=dict)
    warning: str | None = None  # a warning code the report must carry
    absent: str | None = None  # text that must not appear in the report (XXE)
    slow: bool = False


# --------------------------------------------------------------------------- text

def _write(data: bytes | str) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return build


def _repeat(unit: str, count: int) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        with path.open("w", encoding="utf-8") as f:
            for _ in range(count):
                f.write(unit)
    return build


def _big_seed(megabytes: int) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        seed = SEED.read_bytes() + b"\n\n"
        with path.open("wb") as f:
            for _ in range(megabytes * (1 << 20) // len(seed) + 1):
                f.write(seed)
    return build


# glibc's TCVN5712-1 and the VNI tables, for the letters the seed report uses, are in the
# converter's own tables: encode by inverting them (tests/test_legacy.py checks them against
# glibc's iconv).
def _legacy_seed(encoding: str) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        path.write_bytes(legacy_bytes(SEED.read_text(encoding="utf-8"), encoding))
    return build


def legacy_bytes(text: str, encoding: str) -> bytes:
    """``text`` as a legacy-font file would hold it (Latin-1 bytes of TCVN3 or VNI codes)."""
    import unicodedata

    from vnreport_extract.legacy import TCVN3, VNI

    inverse = {u: code for code, u in (VNI if encoding == "vni" else TCVN3).items()}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if encoding == "tcvn3" and ch not in inverse and ch.lower() in inverse:
            ch = ch.lower()  # TCVN3 has no accented capitals (those need a .VnTimeH font)
        out.append(inverse.get(ch, ch))
    # Windows keeps its punctuation (“ ” –) at 0x80-0x9F, where no legacy font has a letter.
    return "".join(out).encode("cp1252", "replace")


# --------------------------------------------------------------------------- zip and DOCX

_CT = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
       b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
       b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
       b'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.'
       b'main+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
         b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         b'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _paragraph(text: str) -> bytes:
    return b"<w:p><w:r><w:t>" + text.encode("utf-8") + b"</w:t></w:r></w:p>"


def _docx(document: bytes | Callable[[zipfile.ZipFile], None], *, prolog: bytes = b"") -> Callable[[Path], None]:
    def build(path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", _CT)
            z.writestr("_rels/.rels", _RELS)
            if callable(document):
                document(z)
            else:
                z.writestr("word/document.xml", b'<?xml version="1.0" encoding="UTF-8"?>' + prolog
                           + b"<w:document " + _W + b"><w:body>" + document + b"</w:body></w:document>")
    return build


def _streamed_part(size: int) -> Callable[[zipfile.ZipFile], None]:
    """word/document.xml of ``size`` bytes, written in chunks (it compresses ~1000:1)."""
    def write(z: zipfile.ZipFile) -> None:
        para = _paragraph("Thực hiện Kế hoạch số 245/KH-UBND ngày 31/12/2021 của UBND tỉnh")
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + _W + b"><w:body>")
            chunk = para * (1 << 20 // len(para))
            written = 0
            while written < size:
                f.write(chunk)
                written += len(chunk)
            f.write(b"</w:body></w:document>")
    return write


_BILLION_LAUGHS = (b'<!DOCTYPE w:document [<!ENTITY lol "lol">'
                   + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"".join(b"&lol%s;" % (b"" if i == 1 else b"%d" % (i - 1))
                                                                          for _ in range(10)))
                              for i in range(1, 10))
                   + b"]>")
_XXE = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _deep_docx(depth: int) -> bytes:
    return b"<w:sdt><w:sdtContent>" * depth + _paragraph("sâu") + b"</w:sdtContent></w:sdt>" * depth


def _table_docx(rows: int, cols: int) -> bytes:
    cell = b"<w:tc>" + _paragraph("1") + b"</w:tc>"
    return b"<w:tbl>" + (b"<w:tr>" + cell * cols + b"</w:tr>") * rows + b"</w:tbl>"


def _merged_down_docx(chars: int, rows: int) -> bytes:
    """One long cell merged across 64 columns and down ``rows`` rows: a few kilobytes of XML
    whose table records would repeat the cell in every slot it covers."""
    start = (b'<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/><w:gridSpan w:val="64"/></w:tcPr>'
             + _paragraph("Nội dung " * (chars // 9)) + b"</w:tc></w:tr>")
    rest = b'<w:tr><w:tc><w:tcPr><w:vMerge/><w:gridSpan w:val="64"/></w:tcPr><w:p/></w:tc></w:tr>'
    return b"<w:tbl>" + start + rest * rows + b"</w:tbl>"


def _encrypted_zip_docx(path: Path) -> None:
    """A DOCX whose parts carry the zip 'encrypted' flag (traditional PKWARE encryption)."""
    _docx(_paragraph("bí mật"))(path)
    data = bytearray(path.read_bytes())
    # Set bit 0 of the general purpose flags in every local and central header.
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = data.find(sig)
        while i >= 0:
            data[i + offset] |= 1
            i = data.find(sig, i + 4)
    path.write_bytes(bytes(data))


def _lying_docx(path: Path) -> None:
    """A DOCX whose word/document.xml says it inflates to 2 KB and inflates to 20 MB."""
    para = _paragraph("Báo cáo")
    body = b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + _W + b"><w:body>" + para * (20_000_000 // len(para))
    _docx(lambda z: z.writestr("word/document.xml", body + b"</w:body></w:document>"))(path)
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = data.find(sig)
        while i >= 0:
            name_at = i + (30 if sig == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                data[i + size_at:i + size_at + 4] = (2048).to_bytes(4, "little")
            i = data.find(sig, i + 4)
    path.write_bytes(bytes(data))


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file (what a .doc, or an encrypted .docx, is): header, one
    FAT sector, one directory sector, and each stream in regular sectors."""
    sector = 512
    names = list(streams)
    data_sectors: list[bytes] = []
    starts: list[int] = []
    for name in names:
        blob = streams[name].ljust(4096, b"\0")  # at the mini-stream cutoff: regular sectors
        starts.append(2 + len(data_sectors))
        data_sectors += [blob[i:i + sector] for i in range(0, len(blob), sector)]
    fat = [0xFFFFFFFD, 0xFFFFFFFE]  # sector 0: the FAT itself; sector 1: the directory
    for name, start in zip(names, starts, strict=True):
        count = len(streams[name].ljust(4096, b"\0")) // sector
        fat += [start + k + 1 for k in range(count - 1)] + [0xFFFFFFFE]
    fat_sector = b"".join(struct.pack("<I", v) for v in fat).ljust(sector, b"\xff")

    def entry(name: str, kind: int, start: int, size: int, child: int = 0xFFFFFFFF,
              right: int = 0xFFFFFFFF) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", 0xFFFFFFFF, right, child) + bytes(16) + bytes(4) + bytes(16)
                + struct.pack("<IQ", start, size))

    entries = [entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1)]
    for k, (name, start) in enumerate(zip(names, starts, strict=True)):
        right = k + 2 if k + 1 < len(names) else 0xFFFFFFFF
        entries.append(entry(name, 2, start, len(streams[name]), right=right))
    directory = b"".join(entries).ljust(sector, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHH", 0x3E, 3, 0xFFFE, 9)
              + struct.pack("<H", 6) + bytes(6) + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0,
                                                                        0xFFFFFFFE, 0)
              + struct.pack("<I", 0) + b"\xff" * (109 * 4 - 4))
    return header.ljust(sector, b"\0") + fat_sector + directory + b"".join(data_sectors)


def _encrypted_docx(path: Path) -> None:
    path.write_bytes(compound_file({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00" + bytes(200),
                                    "EncryptedPackage": os.urandom(2048)}))


def _truncated_docx(path: Path) -> None:
    _docx(b"".join(_paragraph(f"Báo cáo số {i}") for i in range(2000)))(path)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])


def _doc_with_garbage(path: Path) -> None:
    rng = random.Random(10)
    path.write_bytes(compound_file({"WordDocument": bytes([0xEC, 0xA5]) + rng.randbytes(30000)})
                     + rng.randbytes(2000))


def _zip_of(members: list[tuple[str, bytes]]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        with warnings.catch_warnings(), zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            warnings.simplefilter("ignore")  # a name twice is the point
            for name, data in members:
                z.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return build


def _zip_bomb(path: Path) -> None:
    info = zipfile.ZipInfo("bomb.txt")
    info.compress_type = zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z, z.open(info, "w", force_zip64=True) as f:
        zeros = bytes(1 << 20)
        for _ in range(200):
            f.write(zeros)


def _many_members(count: int) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
            for i in range(count):
                z.writestr(f"m{i:05d}.txt", f"Báo cáo số {i}")
    return build


# --------------------------------------------------------------------------- PDF

def pdf(objects: dict[int, bytes], *, streams: dict[int, bytes] | None = None, root: int = 1,
        truncate: int | None = None) -> bytes:
    """A PDF of the given objects (numbered; ``streams`` hold stream data, their
    dictionaries in ``objects``)."""
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for num in sorted(set(objects) | set(streams or {})):
        offsets[num] = len(out)
        body = objects.get(num, b"<< >>")
        if streams and num in streams:
            data = streams[num]
            body = body[:-2] + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    size = max(offsets) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += (b"%010d 00000 n \n" % offsets[num]) if num in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
    return bytes(out[:truncate] if truncate else out)


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
_TEXT = b"BT /F1 12 Tf 72 700 Td (Bao cao so 12/BC-UBND ngay 05/01/2025 cua UBND xa) Tj ET\n"


def _pages(contents: list[bytes] | bytes, count: int = 1, *, mediabox: bytes = b"[0 0 595 842]",
           resources: bytes = b"", extra: dict[int, bytes] | None = None,
           extra_streams: dict[int, bytes] | None = None, truncate: int | None = None) -> bytes:
    """``count`` pages sharing one content stream (or one stream each when a list)."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: _FONT}
    streams: dict[int, bytes] = {}
    shared = not isinstance(contents, list)
    if shared:
        objects[4] = b"<< >>"
        streams[4] = contents  # type: ignore[assignment]
    kids = []
    n = 10
    for i in range(count):
        content_ref = 4 if shared else n + 1
        objects[n] = (b"<< /Type /Page /Parent 2 0 R /MediaBox " + mediabox + b" /Resources << /Font << /F1 3 0 R >> "
                      + resources + b" >> /Contents %d 0 R >>" % content_ref)
        if not shared:
            objects[n + 1] = b"<< >>"
            streams[n + 1] = contents[i]  # type: ignore[index]
        kids.append(n)
        n += 2
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % count
    objects.update(extra or {})
    streams.update(extra_streams or {})
    return pdf(objects, streams=streams, truncate=truncate)


def _flate_page(head: bytes, filler: bytes = b"", times: int = 0, *, hex_first: bool = False) -> bytes:
    """One page whose content stream is ``head`` and ``filler`` ``times`` over, deflated a
    megabyte at a time (a gigabyte built whole would be the test's own blow-up: a child
    process inherits its parent's peak memory)."""
    packer = zlib.compressobj(9)
    parts = [packer.compress(head)]
    chunk = filler * max(1, (1 << 20) // max(1, len(filler))) if filler else b""
    done = 0
    while chunk and done < times:
        take = min(len(chunk) // len(filler), times - done)
        parts.append(packer.compress(chunk[:take * len(filler)]))
        done += take
    data = b"".join(parts) + packer.flush()
    if hex_first:  # [/ASCIIHexDecode /FlateDecode]: the deflated bytes written in hex
        data = data.hex().encode() + b">"
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: _FONT,
               2: b"<< /Type /Pages /Kids [10 0 R] /Count 1 >>",
               10: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                   b"/Contents 4 0 R >>",
               4: b"<< /Filter [/ASCIIHexDecode /FlateDecode] >>" if hex_first else b"<< /Filter /FlateDecode >>"}
    return pdf(objects, streams={4: data})


def _page_tree_loop() -> bytes:
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: _FONT,
               2: b"<< /Type /Pages /Kids [2 0 R 5 0 R] /Count 2 >>",
               5: b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 5 0 R] /Count 1 >>"}
    return pdf(objects)


def _xobject_fanout(depth: int = 12, fanout: int = 10) -> bytes:
    """Form XObjects each drawing the next one ``fanout`` times: fanout^depth draws of text."""
    extra: dict[int, bytes] = {}
    streams: dict[int, bytes] = {}
    first = 100
    for level in range(depth):
        num = first + level
        if level + 1 < depth:
            res = b"/Resources << /XObject << /X %d 0 R >> >>" % (num + 1)
            body = b"/X Do " * fanout
        else:
            res = b"/Resources << /Font << /F1 3 0 R >> >>"
            body = _TEXT
        extra[num] = b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] " + res + b" >>"
        streams[num] = body
    return _pages(b"/X0 Do", resources=b"/XObject << /X0 %d 0 R >>" % first, extra=extra, extra_streams=streams)


def _image_page(px: int, inches: float) -> bytes:
    side = inches * 72
    data = zlib.compress(bytes(px * 64), 9)  # the first 64 rows of a px x px grey image: declared size counts
    extra = {50: b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                 b"/BitsPerComponent 8 /Filter /FlateDecode >>" % (px, px)}
    content = b"q %g 0 0 %g 0 0 cm /Im Do Q" % (side, side)
    return _pages(content, mediabox=b"[0 0 %g %g]" % (side, side), resources=b"/XObject << /Im 50 0 R >>",
                  extra=extra, extra_streams={50: data})


def _glyphs(count: int) -> bytes:
    line = b"(" + b"a" * 1000 + b") Tj\n"
    return b"BT /F1 1 Tf 0 0 Td " + line * (count // 1000) + b"ET"


def _hairlines(per_page: int) -> bytes:
    return _TEXT + b"0.1 w " + b"".join(b"%d 10 m %d 830 l S " % (20 + i % 550, 20 + i % 550)
                                        for i in range(per_page))


# --------------------------------------------------------------------------- the corpus

def _cases() -> list[Case]:
    seed = SEED.read_text(encoding="utf-8")
    return [
        # Text: size, runs, deep numbering, decoding
        Case("text-20mb", "big.txt", _big_seed(20), "LimitExceededError", budget=30),
        Case("citation-200k-lines", "citations.txt", _repeat(CITATION, 200_000), "LimitExceededError", budget=30),
        Case("citation-20k-lines", "citations-20k.txt", _repeat(CITATION, 20_000), "report", budget=40),
        Case("digits-and-dots", "dots.txt", _write("1." * 200_000 + "\n" + "12.345." * 50_000), "report"),
        Case("million-digits", "digits.txt", _write("Tổng số " + "7" * 1_000_000 + " hộ\n"), "report"),
        Case("slashes-and-spaces", "slashes.txt", _write("12/" * 100_000 + "\n" + "1 / " * 100_000 + "\n"
                                                          + " " * 200_000 + "a\n" + "-/" * 100_000), "report"),
        # Lines that each go on the one before (a lower-case start): one paragraph of 1.3 MB, which
        # was read whole at each line and cached at each length (quadratic time, gigabytes held).
        Case("run-on-lines", "run-on.txt",
             _write("\n".join(["các đơn vị trực thuộc thực hiện tốt công tác cải cách hành chính"] * 20_000)),
             "report"),
        Case("letter-lines", "letters.txt", _write("x\n" * 200_000), "report"),
        # A report saved as one line (its line ends and column gaps lost) with a Markdown mark that
        # closes nowhere (the underscore's pattern tried every split of the rest of the line: a
        # 27 KB line took 10 s), and lines of links, footnote marks and a heading's closing hashes
        # that each pattern tried to the line's end from every bracket or space.
        Case("markdown-marks-one-line", "one-line.md",
             _write("Kế hoạch _số " + " ".join(seed.replace("_", "").split() * 10) + " *chưa đóng\n"
                    + "[x](./" * 20_000 + "\n" + "[^a" * 90_000 + "\n" + "# a" + " " * 100_000 + "x#\n"),
             "report"),
        Case("dates-run", "dates.txt", _write("ngày 1 tháng " * 50_000 + "\n" + "01/01/" * 50_000), "report"),
        Case("deep-numbering", "deep.txt", _write("\n".join("1." * k + " Mục" for k in range(1, 800))),
             "LimitExceededError"),
        Case("flat-list", "flat.txt", _write("I. KẾT QUẢ\n" + "a) Mục con của phần\n" * 15_000), "report"),
        Case("headings-only", "headings.txt", _write("a) Mục\n" * 700_000), "LimitExceededError"),
        Case("utf16-odd-length", "odd.txt", _write("\ufeffBáo cáo".encode("utf-16-le") + b"\x00"), "InputError"),
        Case("utf16-lone-surrogate", "surrogate.txt", _write(b"\xff\xfe" + "Báo".encode("utf-16-le") + b"\x00\xd8"
                                                             + "cáo".encode("utf-16-le")), "InputError"),
        Case("tcvn3-text", "tcvn3.txt", _legacy_seed("tcvn3"), "report", warning="legacy-encoding"),
        Case("vni-text", "vni.md", _legacy_seed("vni"), "report", warning="legacy-encoding"),
        Case("text-named-pdf", "text.pdf", _write(seed[:2000]), "CorruptFileError"),
        Case("text-named-docx", "text.docx", _write(seed[:2000]), "CorruptFileError"),
        Case("binary-named-txt", "noise.txt", _write(random.Random(1).randbytes(50_000)), "UnsupportedFormatError"),
        Case("empty-pdf", "empty.pdf", _write(b""), "CorruptFileError"),
        # DOCX: sizes, entities, nesting, encryption, truncation
        Case("docx-100mb-part", "huge-part.docx", _docx(_streamed_part(100 << 20)), "LimitExceededError", budget=30),
        Case("docx-lying-size", "lying.docx", _lying_docx, "CorruptFileError"),
        Case("docx-xxe", "xxe.docx", _docx(_paragraph("Báo cáo") + b"<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>",
                                           prolog=_XXE), "report", absent="root:"),
        Case("docx-billion-laughs", "laughs.docx", _docx(b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>",
                                                         prolog=_BILLION_LAUGHS), "CorruptFileError"),
        Case("docx-deep-nesting", "deep.docx", _docx(_deep_docx(5000)), "CorruptFileError"),
        Case("docx-nesting-over-limit", "nested.docx", _docx(_deep_docx(100)), "LimitExceededError"),
        Case("docx-table-cells", "cells.docx", _docx(_table_docx(200, 30)), "LimitExceededError",
             limits={"max_table_cells": 1000}),
        # 2 million elements in 190 KB zipped: a gigabyte parsed, refused from the count of its tags.
        Case("docx-paragraph-flood", "flood.docx", _docx(_paragraph("a") * 700_000), "LimitExceededError"),
        # 64 × 3,000 slots of a 200 KB cell: 38 GB of copies from 20 KB of zipped XML.
        Case("docx-merged-cell-copies", "merged.docx", _docx(_merged_down_docx(200_000, 3000)),
             "LimitExceededError", budget=30),
        Case("docx-encrypted", "secret.docx", _encrypted_docx, "PasswordProtectedError"),
        Case("docx-zip-encrypted", "zip-secret.docx", _encrypted_zip_docx, "PasswordProtectedError"),
        Case("docx-truncated", "truncated.docx", _truncated_docx, "CorruptFileError"),
        Case("doc-header-then-garbage", "garbage.doc", _doc_with_garbage, "CorruptFileError", budget=120,
             slow=True),
        # PDF
        Case("pdf-encrypted", "secret.pdf", lambda p: p.write_bytes(_encrypted_pdf()), "PasswordProtectedError"),
        Case("pdf-truncated", "truncated.pdf", _write(_pages([_TEXT] * 3, 3, truncate=200)), "CorruptFileError"),
        Case("pdf-page-tree-loop", "loop.pdf", _write(_page_tree_loop()), "CorruptFileError"),
        Case("pdf-xobject-fanout", "fanout.pdf", _write(_xobject_fanout()), "report", budget=60,
             warning="page-too-complex"),
        Case("pdf-million-glyphs", "glyphs.pdf", _write(_pages(_glyphs(1_000_000))), "report", budget=60,
             warning="page-too-complex"),
        # A megabyte of compressed spaces that inflates to a gigabyte; a page of operators that
        # draw nothing (no glyph, no shape), a minute of parsing.
        # (Built when the file is written, not at each import of this module: 3 s of deflating.)
        Case("pdf-inflate-bomb", "inflate-bomb.pdf", lambda p: p.write_bytes(_flate_page(_TEXT, b" ", 1 << 30)),
             "report", budget=30, warning="page-too-complex"),
        Case("pdf-inflate-bomb-hex", "inflate-bomb-hex.pdf",
             lambda p: p.write_bytes(_flate_page(_TEXT, b" ", 1 << 30, hex_first=True)), "report", budget=30,
             warning="page-too-complex"),
        Case("pdf-idle-operators", "idle-operators.pdf",
             lambda p: p.write_bytes(_flate_page(_TEXT, b"q Q\n", 12 << 20)), "LimitExceededError", budget=30,
             limits={"max_read_seconds": 3}),
        Case("pdf-hairlines", "hairlines.pdf", _write(_pages(_hairlines(30_000))), "report", budget=40,
             warning="page-too-many-graphics"),
        Case("pdf-hairline-pages", "hairline-pages.pdf", _write(_pages(_hairlines(5000), 400)), "LimitExceededError",
             limits={"max_read_seconds": 2}),
        Case("pdf-too-many-pages", "pages.pdf", _write(_pages(_TEXT, 3000)), "LimitExceededError"),
        Case("pdf-empty-mediabox", "nobox.pdf", _write(_pages(_TEXT, mediabox=b"[0 0 0 0]")), "report",
             warning="empty-page-box"),
        Case("pdf-huge-image", "image.pdf", _write(_image_page(20_000, 200)), "LimitExceededError", budget=30),
        Case("pdf-huge-image-on-a4", "image-a4.pdf", _write(_image_page(20_000, 8.27)), "LimitExceededError",
             budget=30),
        Case("pdf-huge-mediabox", "mediabox.pdf", _write(_pages(b"0 0 m 100 100 l S", mediabox=b"[0 0 14400 14400]")),
             "LimitExceededError"),
        # Zip archives (convert only: parse_file reads one document)
        Case("zip-slip", "slip.zip", _zip_of([("../../evil.txt", b"evil"), ("/abs.txt", b"abs"),
                                              ("ok.txt", seed.encode())]), "archive"),
        Case("zip-bomb", "bomb.zip", _zip_bomb, "archive"),
        Case("zip-duplicates", "dups.zip", _zip_of([("a.txt", b"Bao cao mot"), ("a.txt", b"Bao cao hai"),
                                                    ("A.txt", b"Bao cao ba")]), "archive"),
        Case("zip-many-members", "many.zip", _many_members(10_000), "archive", budget=60, slow=True),
    ]


def _encrypted_pdf() -> bytes:
    sys.path.insert(0, str(ROOT / "tests"))
    from test_reader_pdf import make_pdf

    return make_pdf([_TEXT], user_password=b"secret")  # type: ignore[no-any-return]


CASES = _cases()
BY_NAME = {c.name: c for c in CASES}


def build_all(folder: Path, cases: list[Case] | None = None) -> dict[str, Path]:
    """Write every case into ``folder``; their paths by name."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for case in cases or CASES:
        path = folder / case.name / case.filename
        path.parent.mkdir(exist_ok=True)
        if not path.exists():
            case.build(path)
        out[case.name] = path
    return out


if __name__ == "__main__":
    paths = build_all(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus"))
    for name, path in paths.items():
        print(f"{name}\t{path}\t{path.stat().st_size}")
