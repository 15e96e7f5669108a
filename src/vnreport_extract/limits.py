"""Limits on what one input may cost: bytes, characters, pages, pixels, nesting, cells.

A real report is a few pages and a few hundred kilobytes; the defaults leave it one to
two orders of magnitude of room, and stop a hostile or broken file (a zip bomb, a page of
a million glyphs, a 200-inch page to rasterise, numbering nested a thousand deep) before
it costs gigabytes or hours. Each limit is checked *before* the work it bounds (a zip
member's declared size before it is inflated, a page's pixel count before it is
rendered), and an input past one is a :class:`LimitExceededError` naming the limit.

>>> Limits().max_pages
2000
>>> Limits(max_pages=10).max_pages
10
>>> sorted(Limits.model_json_schema()["properties"])[:3]
['max_file_bytes', 'max_glyphs_per_page', 'max_graphics_per_page']
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .errors import InputError

_MiB = 1 << 20


class Limits(BaseModel):
    """What one input may cost before it is refused. Every field is a documented limit with a
    default sane for government reports; pass your own to loosen or tighten one
    (``Limits(max_pages=5000)``). The JSON Schema is ``Limits.model_json_schema()``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # Any input
    max_file_bytes: int = Field(
        default=256 * _MiB, ge=1,
        description="Size of an input file in bytes; a larger file (or a device that never ends) is refused "
                    "before it is read.")
    max_text_chars: int = Field(
        default=5_000_000, ge=1,
        description="Characters of a document's text (a decoded text file, or the text a DOCX or PDF reader "
                    "assembled); about 2,000 pages of running text.")
    max_section_depth: int = Field(
        default=16, ge=1,
        description="Nesting depth of the section tree (Phần → Chương → I. → 1. → 1.1. → a) is 6).")
    max_sections: int = Field(
        default=20_000, ge=1,
        description="Numbered headings (sections) of a document; a long report has a few hundred.")
    max_table_cells: int = Field(
        default=500_000, ge=1,
        description="Cells of all tables of a document together (rows × columns, merged cells counted in "
                    "every slot they cover).")
    max_table_chars: int = Field(
        default=20_000_000, ge=1,
        description="Characters of all table cells of a document together, a merged cell's text counted in "
                    "every slot it covers (a long cell merged down a thousand rows is a thousand copies in "
                    "the table records).")
    # PDF
    max_pages: int = Field(
        default=2000, ge=1,
        description="Pages of a PDF; checked from its page tree before any page is read.")
    max_read_seconds: float = Field(
        default=120.0, gt=0,
        description="Seconds spent reading the pages of a PDF (its text layer), checked between pages and "
                    "while a page's content is parsed; OCR has its own timeout per page. A healthy page takes "
                    "well under a second.")
    max_ocr_seconds: float = Field(
        default=3600.0, gt=0, allow_inf_nan=False,
        description="Seconds spent on the OCR of a document's scanned pages together (a page takes a few "
                    "seconds of a core): a page whose turn comes later is not read, an error of the page in "
                    "a partial report, and the pages read stand.")
    max_glyphs_per_page: int = Field(
        default=80_000, ge=1,
        description="Characters drawn on one PDF page; past it the page is not read, with a warning (a dense "
                    "page of text holds about 5,000). Counted while the page is read.")
    max_graphics_per_page: int = Field(
        default=20_000, ge=1,
        description="Lines, rectangles and curves on one PDF page; past it the page's tables are not "
                    "looked for, past ten times it the page is not read, with a warning (ruling a table takes a "
                    "few hundred).")
    max_xobjects_per_page: int = Field(
        default=5_000, ge=1,
        description="Form XObjects drawn on one PDF page, nested ones included (forms that draw each other "
                    "over and over multiply); past it the page is not read, with a warning.")
    max_stream_bytes: int = Field(
        default=64 * _MiB, ge=1,
        description="Inflated size of one content stream of a PDF page (or of a form it draws); past it the "
                    "page is not read, with a warning. A Flate stream is inflated up to it first (a megabyte "
                    "of compressed spaces can make a gigabyte); another filter's output is checked once "
                    "decoded. A page's content is a few hundred kilobytes.")
    max_page_pixels: int = Field(
        default=40_000_000, ge=1,
        description="Pixels of a page rasterised for OCR (an A4 page at 300 dpi is 8.7 million); checked "
                    "from the page's MediaBox before rendering.")
    max_image_pixels: int = Field(
        default=64_000_000, ge=1,
        description="Pixels of one image inside a PDF page to OCR (width × height as declared by the image, "
                    "checked before it is decoded).")
    # DOCX (and DOC, converted to DOCX)
    max_part_bytes: int = Field(
        default=64 * _MiB, ge=1,
        description="Inflated size of one XML part of a DOCX (word/document.xml, footnotes ...), from the zip "
                    "directory, before it is inflated or parsed.")
    max_package_bytes: int = Field(
        default=400 * _MiB, ge=1,
        description="Inflated size of all the parts of a DOCX together (pictures included).")
    max_xml_depth: int = Field(
        default=128, ge=1,
        description="Element nesting depth of a DOCX XML part (nested tables, content controls).")
    max_xml_elements: int = Field(
        default=1_500_000, ge=1,
        description="Elements of one DOCX XML part, counted from its tags before it is parsed (a long report "
                    "has tens of thousands; each costs memory twice, parsed and read).")
    # Zip archives given to convert / iter_reports
    max_members: int = Field(
        default=10_000, ge=1, description="Members of one .zip archive given as input.")
    max_ratio: float = Field(
        default=100.0, gt=0,
        description="Inflated : compressed ratio of a zip member (a report compresses 2–10 times, a zip bomb "
                    "1,000 and more).")
    max_member_bytes: int = Field(
        default=512 * _MiB, ge=1, description="Inflated size of one member of a .zip archive given as input.")
    max_total_bytes: int = Field(
        default=8 << 30, ge=1, description="Inflated size of all members of one .zip archive given as input.")


class LimitExceededError(InputError):
    """An input passed one of the :class:`Limits`; ``limit`` is the field's name,
    ``value`` what the input has (when known) and ``maximum`` the limit.

    >>> str(LimitExceededError("max_pages", 2000, value=2500, what="a.pdf: 2500 pages"))
    'a.pdf: 2500 pages, more than the limit max_pages=2000'
    """

    def __init__(self, limit: str, maximum: float, *, value: float | None = None, what: str = "") -> None:
        shown = f"{maximum:g}" if isinstance(maximum, float) else str(maximum)
        super().__init__(f"{what or 'input'}, more than the limit {limit}={shown}")
        self.limit = limit
        self.maximum = maximum
        self.value = value


def ocr_time_limit(path: object, limits: Limits | None, unread: int, why: str | None = None) -> LimitExceededError:
    """The error of a document whose OCR ran past ``max_ocr_seconds`` and left ``unread`` pages
    unread (and nothing else of it read); ``why``: the first page's message.

    >>> str(ocr_time_limit("a.pdf", Limits(max_ocr_seconds=60), 3))
    'a.pdf: the OCR of its pages (3 left unread), more than the limit max_ocr_seconds=60'
    """
    more = f"; {why}" if why else ""
    return LimitExceededError("max_ocr_seconds", (limits or Limits()).max_ocr_seconds,
                              what=f"{path}: the OCR of its pages ({unread} left unread{more})")
