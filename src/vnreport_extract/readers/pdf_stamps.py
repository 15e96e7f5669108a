"""Numbers and days that a signing tool stamps into a text PDF's form fields as pictures.

An e-office system numbers and dates a document when it is issued: it signs one field over
the blank of ``Số      - HD/BTCTU`` and one over the day of ``ngày      tháng 11 năm 2025``,
and each field's appearance is a small picture of the digits (Hà Nội's Party e-office: a
22 × 47 pixel image of ``2``). The page's text layer has only the blanks. Where a field's
appearance is text, the PDF reader reads its glyphs; where it is a picture, this module
renders the field (PDFium, form fields drawn) and reads it with Tesseract, and a reading
counts only when it is a number of one to five digits read confidently. What a signature
field shows otherwise (the signer's stamp, a seal) reads as no number and is left out.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import MissingComponentError
from ..options import ParseOptions
from . import system
from .ocr_tsv import Word, parse_tsv
from .pdf_layout import Glyph

# A field worth reading is about the size of a number or a day typed into a header's blank
# (12 × 19 pt for ``2``, 45 × 29 pt for a day; 198 × 29 pt for the whole ``Số`` blank), in the
# upper part of the page, where the header is. A signer's stamp or seal is larger.
MAX_WIDTH = 220.0
MAX_HEIGHT = 40.0
HEADER_SHARE = 0.4
# Printed digits rendered at 300 dpi read at 85 to 97; a stroke or a letter read as a digit lower.
MIN_CONFIDENCE = 80.0
_DPI = 300
_SCALE = _DPI / 72
_BORDER = 10  # white pixels around the field: Tesseract needs a margin to find the digits
_NUMBER = re.compile(r"\d{1,5}")


@dataclass(frozen=True)
class PictureField:
    """A form field whose appearance is a picture: its rectangle on page ``page`` in points,
    from the page's top-left corner (as pdfplumber places glyphs), and ``rect``, the same in
    the PDF's own space (``Rect``: left, bottom, right, top), which PDFium renders from."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    rect: tuple[float, float, float, float]


def worth_reading(x0: float, top: float, x1: float, bottom: float, page_height: float) -> bool:
    """Whether a picture field could hold a header's number or day (see :data:`MAX_WIDTH`).

    >>> worth_reading(159, 102, 171, 121, 842), worth_reading(368, 385, 560, 463, 842)
    (True, False)
    """
    return 0 < x1 - x0 <= MAX_WIDTH and 0 < bottom - top <= MAX_HEIGHT and top < HEADER_SHARE * page_height


class PictureReader:
    """Reads :class:`PictureField` s of one PDF: opened (PDFium, Tesseract) on the first
    field, closed by :meth:`close`. ``warnings`` gets a note for each number read, and one
    when Tesseract is missing (the fields are then left as the text layer has them)."""

    def __init__(self, path: Path, options: ParseOptions, warnings: list[tuple[str, str]]) -> None:
        self.path = path
        self.options = options
        self.warnings = warnings
        self._doc: Any = None
        self._exe: str | None = None
        self._off = False  # Tesseract missing, or PDFium cannot render this file: read no more

    def __call__(self, fields: Sequence[PictureField]) -> list[Glyph]:
        out: list[Glyph] = []
        for f in fields:
            read = self._read(f)
            if read is not None:
                out.extend(read)
        return out

    def close(self) -> None:
        if self._doc is not None:
            self._doc.close()
            self._doc = None

    def _give_up(self, why: object) -> None:
        self._off = True
        self.warnings.append(("stamp-field-unread", f"numbers stamped as pictures not read: {why}"))

    def _tesseract(self) -> str | None:
        if self._exe is None and not self._off:
            try:
                self._exe = system.tesseract(self.options.ocr_languages, self.options.tesseract)
            except MissingComponentError as exc:
                self._give_up(exc)
        return self._exe

    def _readings(self, exe: str, file: Path) -> list[Word] | None:
        """The field read as a line and as a word (``--psm 7``, ``8``), side by side; None
        unless each reading is one word. A run still going when this ends (a timeout, Ctrl-C)
        is killed with its process group."""
        procs: list[subprocess.Popen[bytes]] = []
        done: list[system.Finished] = []
        try:
            for psm in ("7", "8"):
                procs.append(system.start([exe, str(file), "stdout", "--psm", psm, "-l", self.options.ocr_languages,
                                           "--dpi", str(_DPI), "tsv"], env=system.TESSERACT_ENV))
            for proc in procs:
                done.append(system.finish(proc, self.options.ocr_timeout, system.TESSERACT[0]))
        except (system.ToolTimeout, OSError):
            return None
        finally:
            for proc in procs:
                if proc.returncode is None:
                    system.kill_group(proc)
        out = []
        for d in done:
            words = parse_tsv(d.stdout.decode("utf-8", "replace")) if d.returncode == 0 else []
            if len(words) != 1:
                return None
            out.append(words[0])
        return out

    def _render(self, f: PictureField) -> Any:
        """The field's picture, greyscale, from PDFium with form fields drawn; None when it lies
        outside the page's visible box."""
        import pypdfium2 as pdfium

        if self._doc is None:
            self._doc = pdfium.PdfDocument(str(self.path))
            self._doc.init_forms()  # without it, PDFium draws no form field
        page = self._doc[f.page - 1]
        try:
            # PDFium renders the page's crop box: the field's margins are taken from it.
            left, bottom, right, top = page.get_cropbox()
            x0, y0, x1, y1 = f.rect
            crop = (x0 - left, y0 - bottom, right - x1, top - y1)
            if min(crop) < 0:
                return None
            return page.render(scale=_SCALE, crop=crop, may_draw_forms=True).to_pil().convert("L")
        finally:
            page.close()

    def _read(self, f: PictureField) -> list[Glyph] | None:
        exe = self._tesseract()
        if exe is None or self._off:
            return None
        import pypdfium2 as pdfium
        from PIL import ImageOps

        try:
            image = self._render(f)
        except (pdfium.PdfiumError, ValueError, OSError) as exc:
            self._give_up(f"PDFium cannot render them: {exc}")
            return None
        if image is None:
            return None
        image = ImageOps.expand(image, border=_BORDER, fill=255)
        with tempfile.TemporaryDirectory(prefix="vnreport-stamp-") as tmp:
            file = Path(tmp) / "field.png"
            image.save(file)
            readings = self._readings(exe, file)
        if readings is None:
            return None
        w = max(readings, key=lambda r: r.conf)
        # Tesseract's confidence in a lone word of digits swings from one page segmentation to
        # the other (``21`` at 63 as a line, 96 as a word): the two must read the same number.
        if any(r.text != w.text for r in readings) or not _NUMBER.fullmatch(w.text) or w.conf < MIN_CONFIDENCE:
            return None
        x0 = f.x0 + (w.left - _BORDER) / _SCALE
        x1 = f.x0 + (w.right - _BORDER) / _SCALE
        top = f.top + (w.top - _BORDER) / _SCALE
        bottom = f.top + (w.bottom - _BORDER) / _SCALE
        # Digits stand about seven tenths of the type's size; one glyph a digit, side by side.
        size = (bottom - top) / 0.7
        step = (x1 - x0) / len(w.text)
        self.warnings.append(("stamp-field", f"p.{f.page}: {w.text!r} read by OCR from a number stamped "
                                             f"into a form field as a picture"))
        return [Glyph.make(ch, x0 + i * step, x0 + (i + 1) * step, top, bottom, size, field=True)
                for i, ch in enumerate(w.text)]
