#!/usr/bin/env python
"""Build the generated fixtures of issue 3 from the seed report.

From the seed text (``fixtures/seed/000_c44f0d63a01b8516.txt``, a Markdown-ish
rendering of a xã Phú Tiến báo cáo) this writes, into ``fixtures/generated/``:

``seed.docx``
    The report as a Word document laid out per Nghị định 30/2020/NĐ-CP, Phụ lục I
    (thể thức văn bản hành chính): A4, Times New Roman 13–14 pt, margins top/bottom
    20 mm, left 30 mm, right 15 mm, the two-column header block as a borderless
    table, headings in bold with their numbers typed in the text (no Word
    auto-numbering), the satisfaction table as a bordered Word table, and the
    ``Nơi nhận`` | signature block as a borderless table. Page numbers sit in the
    page header from page 2 on, as the decree asks (so the PDF has page furniture
    for the reader to remove).
``seed.pdf``
    That DOCX printed to PDF by LibreOffice headless (text layer; Times New Roman
    is substituted by the metric-compatible Liberation Serif).
``seed-scan.pdf``
    The PDF pages rasterised at 200 dpi, turned slightly (±0.3–0.8°), blurred and
    noised, saved as an image-only PDF (no text layer): what a scanner gives.

The seed's text is kept as it is — its slips (``Thủ 3 tướng``, ``245/KHUBND``,
the two ``III``, the paragraph cut by a page break) are what the tests are about —
only its Markdown markup (``#``, ``**``, ``\\*``) becomes Word formatting.

Deterministic: fixed random seed, fixed document properties, fixed zip entry
times, so re-running gives a byte-identical DOCX and scan images.

Run: ``.venv/bin/python scripts/make_fixtures.py [--out DIR]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run as DocxRun
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
SEED_NAME = "000_c44f0d63a01b8516.txt"
# The repository's copy first, else the development corpus beside the checkout (../shared).
SEED_PATHS = (ROOT / "fixtures" / "seed" / SEED_NAME, ROOT.parent / "shared" / "corpus" / "seed" / SEED_NAME)
OUT_DIR = ROOT / "fixtures" / "generated"

RANDOM_SEED = 20230501
FONT = "Times New Roman"
SCAN_DPI = 200
# Fixed so that re-running the script gives the same bytes.
FIXED_TIME = dt.datetime(2023, 5, 15, 8, 0, 0, tzinfo=dt.UTC)
SOFFICE_TIMEOUT = 180  # seconds; the first run also creates the LibreOffice profile.
RASTER_TIMEOUT = 120

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_STRONG = re.compile(r"(\*\*\*|\*\*)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_HARD_BREAK = re.compile(r" {2,}\n")


# --------------------------------------------------------------------------- model


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Para:
    """A body paragraph; ``heading`` when the seed marks the whole line as a heading (``#``)."""

    runs: list[Run]
    heading: bool = False

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class DataTable:
    rows: list[list[str]]


@dataclass
class SeedReport:
    """The seed report cut into the parts a Word document lays out differently."""

    number_line: str  # "Số: /BC-UBND"
    place_date_line: str  # "Phú Tiến, ngày tháng 5 năm 2023"
    type_name: str  # "BÁO CÁO"
    title: str
    body: list[Para | DataTable] = field(default_factory=list)
    recipients_label: str = "Nơi nhận:"
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)  # TM. line, position
    signer_name: str = ""


def inline_runs(line: str) -> tuple[list[Run], bool]:
    """Runs of one Markdown line: ``**`` toggles bold, ``***`` bold italic, ``\\*`` is a star.

    >>> [(r.text, r.bold) for r in inline_runs("**1. Ưu điểm:** Cấp ủy")[0]]
    [('1. Ưu điểm:', True), (' Cấp ủy', False)]
    """
    heading = bool(_HEADING.match(line))
    line = _HEADING.sub("", line)
    runs: list[Run] = []
    bold = italic = False
    for part in _STRONG.split(line):
        if part == "***":
            bold, italic = not bold, not italic
        elif part == "**":
            bold = not bold
        elif part:
            runs.append(Run(_ESCAPE.sub(r"\1", part), bold or heading, italic))
    return runs, heading


def plain(chunk: str) -> str:
    return "".join(r.text for r in inline_runs(chunk)[0]).strip()


def parse_seed(text: str) -> SeedReport:
    """Cut the seed into header, type name, title, body, Nơi nhận and signature.

    The seed separates paragraphs by blank lines; a run of tab-separated lines is
    the satisfaction table. Fails loudly if the seed is not laid out that way.
    """
    chunks = [c for c in re.split(r"\n[ \t]*\n", text.strip("\n")) if c.strip()]
    # Header lines come before the type name (the first all-caps heading).
    i = next(k for k, c in enumerate(chunks) if _HEADING.match(c) and plain(c).isupper())
    header = [plain(c) for c in chunks[:i]]
    number_line = next(h for h in header if h.startswith("Số"))
    place_date_line = next(h for h in header if ", ngày" in h)
    report = SeedReport(number_line, place_date_line, plain(chunks[i]), plain(chunks[i + 1]))
    k = i + 2
    while not plain(chunks[k]).startswith("Nơi nhận"):
        chunk = chunks[k]
        if "\t" in chunk:
            report.body.append(DataTable([line.split("\t") for line in chunk.split("\n") if line.strip()]))
        else:
            if "\n" in chunk:
                raise ValueError(f"unexpected multi-line paragraph in seed: {chunk[:60]!r}")
            runs, heading = inline_runs(chunk)
            report.body.append(Para(runs, heading))
        k += 1
    report.recipients_label = plain(chunks[k])
    report.recipients = [line.strip() for line in chunks[k + 1].split("\n") if line.strip()]
    tail = chunks[k + 2:]
    if len(tail) != 2:
        raise ValueError(f"expected signature and name after Nơi nhận, got {len(tail)} chunks")
    report.signature = [plain(line) for line in _HARD_BREAK.split(tail[0].replace("**", ""))]
    report.signer_name = plain(tail[1])
    return report


def read_seed() -> str:
    for path in SEED_PATHS:
        if path.exists():
            return path.read_text(encoding="utf-8")
    raise SystemExit(f"seed not found at any of: {', '.join(map(str, SEED_PATHS))}")


# --------------------------------------------------------------------------- DOCX


def _set_run_font(run: DocxRun, size: float, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    # Word picks the font by script: set it for East Asian and complex scripts too,
    # or Vietnamese letters may fall back to another face.
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _format(p: Paragraph, align: WD_ALIGN_PARAGRAPH, *, before: float = 0, after: float = 0,
            indent_mm: float = 0, line: float = 1.0) -> None:
    pf = p.paragraph_format
    pf.alignment = align
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.first_line_indent = Mm(indent_mm) if indent_mm else None
    pf.line_spacing_rule = WD_LINE_SPACING.MULTIPLE if line != 1.0 else WD_LINE_SPACING.SINGLE
    if line != 1.0:
        pf.line_spacing = line


def _add_text(p: Paragraph, text: str, size: float, bold: bool = False, italic: bool = False) -> None:
    _set_run_font(p.add_run(text), size, bold, italic)


def _cell_lines(cell: _Cell, lines: Sequence[tuple[str, float, bool, bool]],
                align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER) -> None:
    """Fill a layout cell with one paragraph per line: (text, size, bold, italic)."""
    first = True
    for text, size, bold, italic in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        _format(p, align)
        if text:
            _add_text(p, text, size, bold, italic)


def _borderless(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _bordered(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)
    # Narrow cell margins (1 mm), so that "78,57" or "thường" is never cut inside a cell.
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), "57")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)


def _widths(table: Table, widths_mm: Sequence[float]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(w)
    # LibreOffice reads the grid, Word the cell widths: set both.
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(int(w * 56.6929)))  # twentieths of a point per mm


def _page_number_header(sec: Section) -> None:
    """A centred PAGE field in the header, not on the first page (Nghị định 30, Phụ lục I)."""
    sec.different_first_page_header_footer = True
    p = sec.header.paragraphs[0]
    _format(p, WD_ALIGN_PARAGRAPH.CENTER)

    def field_char(kind: str) -> None:
        run = p.add_run()
        _set_run_font(run, 13)
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._element.append(el)

    field_char("begin")
    run = p.add_run()
    _set_run_font(run, 13)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run._element.append(instr)
    field_char("separate")
    _set_run_font(p.add_run("2"), 13)  # the cached result; Word and LibreOffice recompute it
    field_char("end")


def build_docx(report: SeedReport) -> bytes:
    """The DOCX bytes of the report (deterministic)."""
    doc = Document()
    normal = doc.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    normal.font.name = FONT
    normal.font.size = Pt(14)

    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    # Nghị định 30/2020, Phụ lục I, mục II.2: trên, dưới 20–25 mm; trái 30–35 mm; phải 15–20 mm.
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
    sec.left_margin, sec.right_margin = Mm(30), Mm(15)
    sec.header_distance, sec.footer_distance = Mm(10), Mm(10)
    _page_number_header(sec)

    # Header block (Phụ lục I, ô 1–4): issuer | Quốc hiệu and Tiêu ngữ; Số | place and date.
    # The seed has no issuer line, so its cell stays empty (the seed gold has issuer null).
    head = doc.add_table(rows=2, cols=2)
    _borderless(head)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(head, (62, 106))
    _cell_lines(head.cell(0, 0), [("", 13.0, False, False)])
    _cell_lines(head.cell(0, 1), [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True, False),
                                  ("Độc lập - Tự do - Hạnh phúc", 14, True, False)])
    _cell_lines(head.cell(1, 0), [(report.number_line, 13, False, False)])
    _cell_lines(head.cell(1, 1), [(report.place_date_line, 14, False, True)])
    for cell in (head.cell(1, 0), head.cell(1, 1)):
        cell.paragraphs[0].paragraph_format.space_before = Pt(6)

    # Type name and title (ô 5a): bold, centred.
    p = doc.add_paragraph()
    _format(p, WD_ALIGN_PARAGRAPH.CENTER, before=24)
    _add_text(p, report.type_name, 14, bold=True)
    p = doc.add_paragraph()
    _format(p, WD_ALIGN_PARAGRAPH.CENTER, after=12)
    _add_text(p, report.title, 14, bold=True)

    # Body (ô 6): justified, first-line indent 1 cm, 6 pt after, 1.15 lines.
    for item in report.body:
        if isinstance(item, DataTable):
            _data_table(doc, item)
            continue
        p = doc.add_paragraph()
        _format(p, WD_ALIGN_PARAGRAPH.JUSTIFY, after=6, indent_mm=10, line=1.15)
        for run in item.runs:
            _add_text(p, run.text, 14, run.bold, run.italic)

    # Nơi nhận | signature (ô 7, 9a): a borderless two-column table.
    sig = doc.add_table(rows=1, cols=2)
    _borderless(sig)
    _widths(sig, (80, 88))
    left: list[tuple[str, float, bool, bool]] = [(report.recipients_label, 12, True, True)]
    left += [(r, 11, False, False) for r in report.recipients]
    _cell_lines(sig.cell(0, 0), left, WD_ALIGN_PARAGRAPH.LEFT)
    right = [(line, 14, True, False) for line in report.signature]
    right += [("", 14, False, False)] * 4 + [(report.signer_name, 14, True, False)]
    _cell_lines(sig.cell(0, 1), right)
    sig.rows[0].cells[0].paragraphs[0].paragraph_format.space_before = Pt(12)
    sig.rows[0].cells[1].paragraphs[0].paragraph_format.space_before = Pt(12)

    props = doc.core_properties
    props.author = "vnreport_extract scripts/make_fixtures.py"
    props.last_modified_by = props.author
    props.title = report.title
    props.created = props.modified = props.last_printed = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue())


def _data_table(doc: DocxDocument, table: DataTable) -> None:
    """A bordered Word table; the header row bold, numbers centred."""
    n = len(table.rows[0])
    t = doc.add_table(rows=len(table.rows), cols=n)
    _bordered(t)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    # STT, Tên lĩnh vực, then (Phiếu ..., Tỷ lệ) pairs: 165 mm, the text width.
    _widths(t, [11.0, 26.0] + [17.0, 15.0] * ((n - 2) // 2))
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            p = t.cell(r, c).paragraphs[0]
            _format(p, WD_ALIGN_PARAGRAPH.LEFT if (c == 1 and r) else WD_ALIGN_PARAGRAPH.CENTER)
            # 11 pt in the header row so that no label word is cut inside a cell.
            _add_text(p, text, 11 if r == 0 else 12, bold=(r == 0))
    # A paragraph after the table keeps it apart from the next heading, as Word users do.
    spacer = doc.add_paragraph()
    _format(spacer, WD_ALIGN_PARAGRAPH.LEFT)


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with fixed entry times (python-docx stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2023, 5, 15, 8, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- PDF


def docx_to_pdf(docx: Path, out_pdf: Path) -> None:
    """Print the DOCX to PDF with LibreOffice headless, own profile dir, with a timeout."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("soffice not found: install the Debian package libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory(prefix="mkfix-lo-") as tmp:
        profile = Path(tmp) / "profile"
        outdir = Path(tmp) / "out"
        cmd = [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
               "--convert-to", "pdf", "--outdir", str(outdir), str(docx)]
        returncode, message = _run(cmd, SOFFICE_TIMEOUT)
        produced = outdir / (docx.stem + ".pdf")
        if returncode != 0 or not produced.exists():
            raise SystemExit(f"LibreOffice failed ({returncode}): {message}")
        out_pdf.write_bytes(_fixed_pdf_stamps(produced.read_bytes()))


def _fixed_pdf_stamps(data: bytes) -> bytes:
    """LibreOffice stamps the current time, a random /ID and a /DocChecksum that
    covers the time: replace them by fixed values of the same length (so the xref
    offsets stay valid) for a stable file."""
    stamp = FIXED_TIME.strftime("%Y%m%d%H%M%S").encode()
    data = re.sub(rb"(/(?:CreationDate|ModDate)\(D:)\d{14}", lambda m: m.group(1) + stamp, data)
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda m: m.group(1) + b"0" * len(m.group(2)), data)
    return re.sub(rb"(/ID\s*\[\s*)((?:<[0-9A-Fa-f]+>\s*)+)",
                  lambda m: m.group(1) + re.sub(rb"[0-9A-Fa-f]", b"0", m.group(2)), data)


def _run(cmd: list[str], timeout: float) -> tuple[int, str]:
    """Run a tool in its own process group and kill the whole group on timeout:
    ``soffice`` is a script that starts ``oosplash`` that starts ``soffice.bin``."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise SystemExit(f"{cmd[0]} timed out after {timeout:g} s") from None
    text = (err or out).decode("utf-8", "replace").strip()
    return proc.returncode, text.splitlines()[-1] if text else ""


def rasterise(pdf: Path, dpi: int) -> list[Image.Image]:
    """Grey page images of a PDF, by pdftoppm (Poppler), in a temporary directory."""
    with tempfile.TemporaryDirectory(prefix="mkfix-ppm-") as tmp:
        cmd = ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(Path(tmp) / "p")]
        returncode, message = _run(cmd, RASTER_TIMEOUT)
        if returncode != 0:
            raise SystemExit(f"pdftoppm failed ({returncode}): {message}")
        pages = []
        for png in sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1])):
            with Image.open(png) as im:
                pages.append(im.convert("L"))
        return pages


def scan_page(page: Image.Image, rng: random.Random) -> Image.Image:
    """One page as a scanner gives it: slightly turned, a little blurred, grey paper, noise."""
    angle = rng.uniform(0.3, 0.8) * rng.choice((-1, 1))
    im = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    im = im.filter(ImageFilter.GaussianBlur(radius=0.7))
    noise_seed = rng.randrange(2**32)
    try:
        import numpy as np
    except ImportError:
        # Pure Pillow: its Gaussian noise generator is not seedable, so this fallback
        # scan is not byte-stable (numpy is in the project venv, through underthesea).
        return Image.blend(im, Image.effect_noise(im.size, 40.0), 0.1)
    arr = np.asarray(im, dtype=np.float32)
    gen = np.random.default_rng(noise_seed)
    arr += gen.normal(0.0, 10.0, arr.shape)
    # Scanner levels: ink not quite black, background pushed to white (so the noise
    # shows on the strokes, and the JPEG stays small).
    arr = (arr - 25.0) * (255.0 / 200.0) + 18.0
    specks = gen.random(arr.shape) < 0.0004  # sparse dark specks: dust on the glass
    arr[specks] = gen.uniform(40, 140, int(specks.sum()))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), mode="L")


def make_scan(pdf: Path, out_pdf: Path, seed: int = RANDOM_SEED) -> int:
    """An image-only PDF of the pages of ``pdf`` (no text layer); returns the page count."""
    rng = random.Random(seed)
    pages = [scan_page(p, rng) for p in rasterise(pdf, SCAN_DPI)]
    stamp = FIXED_TIME.timetuple()  # Pillow would stamp the current time
    # JPEG inside the PDF, as office scanners store grey pages.
    pages[0].save(out_pdf, "PDF", resolution=float(SCAN_DPI), save_all=True, append_images=pages[1:],
                  quality=60, creationDate=stamp, modDate=stamp)
    return len(pages)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default: fixtures/generated)")
    ap.add_argument("--docx-only", action="store_true", help="write only seed.docx")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    report = parse_seed(read_seed())
    docx = args.out / "seed.docx"
    docx.write_bytes(build_docx(report))
    print(f"wrote {docx}")
    if args.docx_only:
        return 0
    pdf = args.out / "seed.pdf"
    docx_to_pdf(docx, pdf)
    print(f"wrote {pdf}")
    scan = args.out / "seed-scan.pdf"
    n = make_scan(pdf, scan)
    print(f"wrote {scan} ({n} pages at {SCAN_DPI} dpi)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
