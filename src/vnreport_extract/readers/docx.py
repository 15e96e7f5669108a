"""DOCX (Word 2007+) reader: the package's parts read from the zip, their XML with lxml.

What a Word file holds that plain text does not, and how it reaches the pipeline:

- body order: paragraphs and tables interleaved, content controls (``w:sdt``) opened;
- the header block (issuer | Quốc hiệu, ``Số:`` | place and date) and the ``Nơi nhận`` |
  signature block, usually borderless tables, become ``layout`` blocks laid out line by
  line in reading order; a one-cell table holding only the trích yếu is layout too;
- data tables become ``table`` blocks, merged cells repeated (``gridSpan``, ``vMerge``);
- footnotes and endnotes (chú thích) become ``footnote`` blocks, in reference order;
- text boxes (``w:txbxContent``) come out as paragraphs where they are anchored, once;
- Word auto-numbering (``numbering.xml``): the number Word shows (``I.``, ``1.``, ``a)``)
  goes into :attr:`Block.label`;
- runs in legacy Vietnamese fonts (TCVN3 ``.VnTime``, VNI ``VNI-Times``) are converted
  to Unicode, but only when the text really is in that encoding: many Unicode documents
  keep ``.VnTime`` as the font of their ``Normal`` style.

A DOCX has no pages: ``page`` is None and ``source.pages`` is None.
"""

from __future__ import annotations

import bisect
import itertools
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from ..conventions.header import is_national_motto, is_position, match_line
from ..conventions.numbering import roman
from ..document import Block, SourceDocument, signature_rows
from ..errors import CorruptFileError, PasswordProtectedError, first_line
from ..extract.tables import cell_number
from ..limits import LimitExceededError, Limits
from ..models import Source
from ..normalize import in_capitals
from .table_parts import join_typed_continuations
from .text import continues

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_REL_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_REL_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
_REL_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"

# Word's own limits: 63 table columns; list numbers shown in letters or Roman up to a few
# thousand. Larger values in a file are damage, and would cost memory to lay out.
_MAX_COLUMNS = 64
_MAX_COUNTER = 3999


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT, _CUSTOM_XML = (
    _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("sdt"), _w("sdtContent"), _w("customXml"))
_R, _T, _TAB, _BR, _CR, _SYM = _w("r"), _w("t"), _w("tab"), _w("br"), _w("cr"), _w("sym")
_TXBX = _w("txbxContent")
_RPR, _VANISH, _RFONTS, _RSTYLE = _w("rPr"), _w("vanish"), _w("rFonts"), _w("rStyle")
_TYPE, _ID = _w("type"), _w("id")
_NO_BREAK_HYPHEN, _SOFT_HYPHEN = _w("noBreakHyphen"), _w("softHyphen")
_FOOTNOTE_REF, _ENDNOTE_REF = _w("footnoteReference"), _w("endnoteReference")
_VAL = _w("val")
# Containers whose content Word does not show (deleted text, the old place of moved text,
# field instructions) or that hold no text.
_SKIP = frozenset({_w("del"), _w("moveFrom"), _w("rPr"), _w("pPr"), _w("instrText"), _w("delText"),
                   _w("footnoteReference"), _w("endnoteReference"), _w("commentReference"),
                   _w("bookmarkStart"), _w("bookmarkEnd"), _w("proofErr"), _w("lastRenderedPageBreak")})
# Block-level wrappers whose children are body content.
_WRAPPERS = frozenset({_SDT, _SDT_CONTENT, _CUSTOM_XML, _w("ins"), _w("moveTo")})
_FALLBACK = f"{{{_MC}}}Fallback"
_CHOICE = f"{{{_MC}}}Choice"
_MATH_T = f"{{{_M}}}t"
# Content whose text lives outside the document's XML, which this reader does not read: an
# embedded object (a Visio drawing, an Excel sheet, an equation: ``w:object``), a chart or a
# SmartArt diagram (``a:graphicData`` of those kinds), an imported HTML/RTF part (``w:altChunk``).
_OBJECT = _w("object")
_GRAPHIC_DATA = "{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData"
_UNREAD_GRAPHICS = ("/chart", "/diagram")
_ALT_CHUNK = _w("altChunk")

# Letters Word shows for the numbering format ``lowerLetter``: the Latin alphabet, no ``đ``.
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Characters only Unicode Vietnamese text has: never produced by a TCVN3 or VNI font's bytes.
_UNICODE_VIETNAMESE = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0"
                                 "\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]")


# --------------------------------------------------------------------------- opening


@dataclass
class _Parts:
    body: etree._Element
    styles: etree._Element | None
    numbering: etree._Element | None
    footnotes: etree._Element | None
    endnotes: etree._Element | None
    # Parts the main part names that the file does not hold (``numbering (word/numbering.xml)``).
    missing: list[str]


def _open(path: Path, limits: Limits) -> _Parts:
    """The XML parts of a .docx; every way a file can fail to be one is a :class:`CorruptFileError`.
    Sizes are judged from the zip directory before anything is inflated (a part inflated
    beyond its declared size fails its CRC check in :mod:`zipfile`, unread past that size).
    Only the parts read are inflated (not the pictures): the main part found through the
    package's relationships, and the styles, numbering, footnotes and endnotes it names. A
    part it names that the file does not hold is left out with a note (``missing``)."""
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            total = sum(i.file_size for i in infos)
            if total > limits.max_package_bytes:
                raise LimitExceededError("max_package_bytes", limits.max_package_bytes, value=total,
                                         what=f"{path}: its parts expand to {total} bytes")
            for info in infos:
                if info.file_size > limits.max_part_bytes and info.filename.lower().endswith((".xml", ".rels")):
                    raise LimitExceededError("max_part_bytes", limits.max_part_bytes, value=info.file_size,
                                             what=f"{path}: part {info.filename[:80]} expands to "
                                                  f"{info.file_size} bytes")
                if info.flag_bits & 0x1:
                    raise PasswordProtectedError(f"{path}: password-protected Word document (encrypted zip)")
            package = _Package(z, limits.max_xml_elements, path)
            if package.name("/[Content_Types].xml") is None:
                raise CorruptFileError(f"{path}: not a Word document: a zip without [Content_Types].xml")
            main = package.main_part(path)
            content_type = package.content_type(main)
            if not content_type.startswith("application/vnd.ms-word") and "wordprocessingml" not in content_type:
                raise CorruptFileError(f"{path}: not a Word document: its main part is {content_type or 'untyped'}")
            body = package.xml(main).find(_w("body"))
            related = package.relationships(main)
            parts: dict[str, etree._Element | None] = {}
            missing: list[str] = []
            for name, reltype in (("styles", _REL_STYLES), ("numbering", _REL_NUMBERING),
                                  ("footnotes", _REL_FOOTNOTES), ("endnotes", _REL_ENDNOTES)):
                target = related.get(reltype)
                if target is not None and package.name(target) is None:
                    missing.append(f"{name} ({target.lstrip('/')})")
                    target = None
                parts[name] = package.xml(target) if target is not None else None
    except (CorruptFileError, LimitExceededError, PasswordProtectedError):
        raise
    except zipfile.BadZipFile as exc:
        raise CorruptFileError(f"{path}: not a Word document: broken or truncated zip ({exc})") from exc
    except (KeyError, zlib.error, etree.XMLSyntaxError, ValueError, EOFError, NotImplementedError) as exc:
        detail = first_line(exc) or type(exc).__name__
        raise CorruptFileError(f"{path}: not a readable Word document: {detail}") from exc
    except OSError as exc:
        raise CorruptFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if body is None:
        raise CorruptFileError(f"{path}: not a Word document: its main part has no body")
    for name, root in (("document", body), *parts.items()):
        if root is not None and _deeper_than(root, limits.max_xml_depth):
            raise LimitExceededError("max_xml_depth", limits.max_xml_depth,
                                     what=f"{path}: the {name} XML nests elements more deeply")
    return _Parts(body, parts["styles"], parts["numbering"], parts["footnotes"], parts["endnotes"], missing)


_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_MAIN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
# ISO/IEC 29500 Strict: the same parts under other namespaces, which Word writes only when asked.
_REL_MAIN_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
# The parser python-docx uses for the same parts: no entity resolved (an XXE reads no file, a
# billion laughs is refused by libxml2), whitespace between elements dropped.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)


class _Package:
    """An Open Packaging Conventions zip: parts by name (case-insensitive, as OPC names are),
    their content types and the relationships of a part, read from the zip alone."""

    def __init__(self, z: zipfile.ZipFile, max_elements: int = 1_500_000, path: Path = Path()) -> None:
        self.zip = z
        self.max_elements = max_elements
        self.path = path
        self.names = {n.casefold(): n for n in z.namelist()}
        self._types: tuple[dict[str, str], dict[str, str]] | None = None

    def name(self, part: str) -> str | None:
        """The zip member of a part name (``/word/document.xml``), or None when there is none."""
        return self.names.get(part.lstrip("/").casefold())

    def xml(self, part: str) -> etree._Element:
        member = self.name(part)
        if member is None:
            raise KeyError(f"There is no item named {part.lstrip('/')!r} in the archive")
        data = self.zip.read(member)
        # Counted from the tags, before the tree is built: a few hundred kilobytes of zipped
        # empty paragraphs are millions of elements, a gigabyte parsed.
        elements = data.count(b"<") - data.count(b"</") - data.count(b"<?") - data.count(b"<!")
        if elements > self.max_elements:
            raise LimitExceededError("max_xml_elements", self.max_elements, value=elements,
                                     what=f"{self.path}: part {member[:80]} holds {elements} elements")
        return etree.fromstring(data, _PARSER)

    def relationships(self, part: str) -> dict[str, str]:
        """The internal targets of a part's relationships by type (the first of each type), as
        part names; ``/`` for the package's own."""
        folder, _, file = part.rpartition("/")
        rels = f"{folder}/_rels/{file}.rels"
        if self.name(rels) is None:
            return {}
        found: dict[str, str] = {}
        for rel in self.xml(rels).iter(f"{{{_RELS_NS}}}Relationship"):
            kind, target = rel.get("Type"), rel.get("Target")
            if kind is None or target is None or rel.get("TargetMode") == "External" or kind in found:
                continue
            target = unquote(target)
            found[kind] = posixpath.normpath(target if target.startswith("/") else f"{folder}/{target}")
        return found

    def main_part(self, path: Path) -> str:
        """The main document part, as the package's relationships name it."""
        rels = self.relationships("/")
        if _REL_MAIN in rels:
            return rels[_REL_MAIN]
        if _REL_MAIN_STRICT in rels:
            raise CorruptFileError(f"{path}: a Word document in Strict Open XML, which is not read: save it "
                                   "again as a Word Document (.docx)")
        raise CorruptFileError(f"{path}: not a Word document: no main document part in its relationships")

    def content_type(self, part: str) -> str:
        if self._types is None:
            overrides: dict[str, str] = {}
            defaults: dict[str, str] = {}
            types = self.xml("/[Content_Types].xml")
            for el in types.iter(f"{{{_TYPES_NS}}}Override"):
                overrides[el.get("PartName", "").casefold()] = el.get("ContentType", "")
            for el in types.iter(f"{{{_TYPES_NS}}}Default"):
                defaults[el.get("Extension", "").casefold()] = el.get("ContentType", "")
            self._types = overrides, defaults
        overrides, defaults = self._types
        return overrides.get(part.casefold()) or defaults.get(part.rpartition(".")[2].casefold(), "")


def _deeper_than(root: etree._Element, depth: int) -> bool:
    """Whether an element lies more than ``depth`` levels below ``root`` (an XPath of
    ``depth`` steps, evaluated by libxml2: linear in the elements it passes)."""
    return bool(root.xpath("/".join(["*"] * (depth + 1)) + "[1]"))


# --------------------------------------------------------------------------- styles


@dataclass
class _Style:
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    font: str | None
    theme_font: bool
    # A table style's borders, edge by edge (``top``, ``insideV`` ...): whether each is drawn.
    table_borders: dict[str, bool] | None = None


class _Styles:
    """The style chain (``basedOn``) for paragraph numbering, run fonts and table borders."""

    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        self.default_table: str | None = None
        self.default_font: str | None = None
        self._fonts: dict[tuple[str | None, str | None], str | None] = {}
        if root is None:
            return
        defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}/{_w('rFonts')}")
        if defaults is not None:
            self.default_font, _ = _font_of(defaults)
        for st in root.iter(_w("style")):
            sid = st.get(_w("styleId"))
            if sid is None:
                continue
            based = st.find(_w("basedOn"))
            num_pr = st.find(f"{_w('pPr')}/{_w('numPr')}")
            num_id = ilvl = None
            if num_pr is not None:
                num_id = _attr(num_pr.find(_w("numId")))
                lvl = _attr(num_pr.find(_w("ilvl")))
                ilvl = int(lvl) if lvl and lvl.isdigit() else None
            fonts = st.find(f"{_w('rPr')}/{_w('rFonts')}")
            font, theme = _font_of(fonts) if fonts is not None else (None, False)
            borders = st.find(f"{_w('tblPr')}/{_w('tblBorders')}")
            self.styles[sid] = _Style(_attr(based), num_id, ilvl, font, theme,
                                      None if borders is None else border_edges(borders))
            if st.get(_w("default")) in ("1", "true", "on"):
                if st.get(_w("type")) == "paragraph":
                    self.default_paragraph = sid
                elif st.get(_w("type")) == "table":
                    self.default_table = sid

    def _chain(self, sid: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while sid is not None and sid not in seen and sid in self.styles:
            seen.add(sid)
            style = self.styles[sid]
            yield style
            sid = style.based_on

    def numbering(self, sid: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph style gives its paragraphs, through ``basedOn``."""
        for style in self._chain(sid):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None, None

    def table_borders(self, sid: str | None) -> dict[str, bool]:
        """The borders a table of style ``sid`` (the default table style when None) gets, edge by
        edge: each from the nearest style of the ``basedOn`` chain that sets it."""
        edges: dict[str, bool] = {}
        for style in self._chain(sid or self.default_table):
            for edge, drawn in (style.table_borders or {}).items():
                edges.setdefault(edge, drawn)
        return edges

    def font(self, run_style: str | None, paragraph_style: str | None) -> str | None:
        key = (run_style, paragraph_style)
        if key not in self._fonts:
            self._fonts[key] = self._font(run_style, paragraph_style)
        return self._fonts[key]

    def _font(self, run_style: str | None, paragraph_style: str | None) -> str | None:
        for sid in (run_style, paragraph_style or self.default_paragraph):
            for style in self._chain(sid):
                if style.theme_font:
                    return None
                if style.font:
                    return style.font
        return self.default_font


def _attr(el: etree._Element | None, name: str = _VAL) -> str | None:
    return None if el is None else el.get(name)


def border_edges(borders: etree._Element) -> dict[str, bool]:
    """The edges a ``tblBorders`` or ``tcBorders`` element sets (``top``, ``start``, ``insideH``
    ...), each with whether it draws a line (``nil`` and ``none`` draw none)."""
    return {etree.QName(b).localname: _attr(b) not in (None, "nil", "none")
            for b in borders if isinstance(b.tag, str)}


def _font_of(fonts: etree._Element) -> tuple[str | None, bool]:
    """(font name, whether a theme font overrides it). Vietnamese letters outside ASCII are
    drawn with the ``hAnsi`` font, so that one decides the encoding."""
    if fonts.get(_w("hAnsiTheme")) or fonts.get(_w("asciiTheme")):
        return None, True
    return fonts.get(_w("hAnsi")) or fonts.get(_w("ascii")), False


# --------------------------------------------------------------------------- numbering


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False
    style: str | None = None


@dataclass
class _Num:
    """A list instance (``w:num``): its abstract definition, level redefinitions and restarts."""

    abstract: str
    levels: dict[int, _Level]
    start_overrides: dict[int, int]


class _Numbering:
    """Word's list numbering (``numbering.xml``): which number a numbered paragraph shows.

    As in Word, the running count belongs to the abstract definition: list instances
    (``numId``) that share one continue each other's numbers, and an instance with a
    ``startOverride`` restarts the shared count where it first appears.
    """

    def __init__(self, root: etree._Element | None, styles: _Styles) -> None:
        self.styles = styles
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.style_link: dict[str, str] = {}
        self.nums: dict[str, _Num] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.restarted: set[tuple[str, int]] = set()
        if root is None:
            return
        for an in root.iter(_w("abstractNum")):
            aid = an.get(_w("abstractNumId"))
            if aid is None:
                continue
            self.abstract[aid] = dict(map(_level, an.findall(_w("lvl"))))
            link = _attr(an.find(_w("numStyleLink")))
            if link:
                self.style_link[aid] = link
        raw: dict[str, tuple[str, etree._Element]] = {}
        for num in root.iter(_w("num")):
            nid = num.get(_w("numId"))
            aid = _attr(num.find(_w("abstractNumId")))
            if nid is not None and aid is not None:
                raw[nid] = (aid, num)
        for nid, (aid, num) in raw.items():
            resolved = self._resolve(aid, raw)
            levels = dict(self.abstract.get(resolved, {}))
            starts: dict[int, int] = {}
            for ov in num.findall(_w("lvlOverride")):
                ilvl = _int(ov.get(_w("ilvl")))
                lvl_el = ov.find(_w("lvl"))
                if lvl_el is not None:
                    levels[ilvl] = _level(lvl_el)[1]
                start = _attr(ov.find(_w("startOverride")))
                if start is not None and start.isdigit():
                    starts[ilvl] = int(start)
            self.nums[nid] = _Num(resolved, levels, starts)

    def _resolve(self, aid: str, raw: dict[str, tuple[str, etree._Element]]) -> str:
        """The abstract definition that holds the levels: a list defined by a numbering style
        (``numStyleLink``) points, through the style's own ``numId``, to another one."""
        for _ in range(4):
            link = self.style_link.get(aid)
            if link is None:
                break
            num_id, _ = self.styles.numbering(link)
            if num_id not in raw or raw[num_id][0] == aid:
                break
            aid = raw[num_id][0]
        return aid

    def level_of_style(self, num_id: str, style: str | None) -> int:
        num = self.nums.get(num_id)
        if num is not None and style is not None:
            for ilvl, lvl in num.levels.items():
                if lvl.style == style:
                    return ilvl
        return 0

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list of ``num_id`` at level ``ilvl`` and return what Word shows, or None
        for bullets, unnumbered levels and unknown lists."""
        num = self.nums.get(num_id)
        if num is None or ilvl not in num.levels:
            return None
        levels = num.levels
        lvl = levels[ilvl]
        counters = self.counters.setdefault(num.abstract, {})
        if ilvl in num.start_overrides and (num_id, ilvl) not in self.restarted:
            self.restarted.add((num_id, ilvl))
            counters[ilvl] = num.start_overrides[ilvl]
        else:
            counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else lvl.start
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            # lvlRestart N (1-based): restart after a level up to N is used; 0: never restart.
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if lvl.fmt in ("bullet", "none") or not lvl.text:
            return None

        def number(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            level = levels.get(k, _Level())
            # A level above with no item since its parent's shows its start, and counts as used:
            # the next item of that level shows the number after it (a ``Heading 3`` right under
            # a ``Heading 1`` shows ``IV.1.1.``; the ``Heading 2`` after it, ``IV.2.``, as Word's
            # own table of contents and LibreOffice show it).
            value = counters.setdefault(k, level.start) if k < ilvl else counters.get(k, level.start)
            return _format_number(value, "decimal" if lvl.legal and level.fmt != "decimalZero" else level.fmt)

        shown = re.sub(r"%([1-9])", number, lvl.text).strip()
        return shown or None


def _level(el: etree._Element) -> tuple[int, _Level]:
    ilvl = _int(el.get(_w("ilvl")))
    start = _attr(el.find(_w("start")))
    restart = _attr(el.find(_w("lvlRestart")))
    legal = el.find(_w("isLgl"))
    return ilvl, _Level(
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        fmt=_attr(el.find(_w("numFmt"))) or "decimal",
        text=_attr(el.find(_w("lvlText"))) or "",
        restart=int(restart) if restart and restart.isdigit() else None,
        legal=legal is not None and legal.get(_VAL, "1") not in ("0", "false", "off"),
        style=_attr(el.find(_w("pStyle"))),
    )


def _format_number(value: int, fmt: str) -> str:
    """A list counter as Word shows it in format ``fmt``.

    >>> [_format_number(v, f) for v, f in [(4, "upperRoman"), (5, "lowerLetter"), (27, "lowerLetter"),
    ...  (3, "decimalZero"), (2, "decimal")]]
    ['IV', 'e', 'aa', '03', '2']
    """
    if not 1 <= value <= _MAX_COUNTER:
        return str(value)  # beyond what Word's formats show (and a guard on broken files)
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in ("upperLetter", "lowerLetter"):
        # Word repeats the letter past z: aa, bb, ...
        letter = _LETTERS[(value - 1) % 26] * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    return roman(value).lower() if value >= 1 else str(value)


# --------------------------------------------------------------------------- legacy fonts


class _Legacy:
    """Converts runs in a TCVN3/VNI font (``.VnTime``, ``.VnTimeH``, ``VNI-Times``) that hold
    legacy bytes; leaves alone Unicode text that merely sits in such a font."""

    def __init__(self) -> None:
        self.legacy_fonts: dict[str, bool] = {}
        self.converted = 0

    def font(self, font: str | None) -> str | None:
        """``font`` when it is a legacy font, else None."""
        if font is None:
            return None
        if font not in self.legacy_fonts:
            from ..legacy import encoding_of_font

            self.legacy_fonts[font] = encoding_of_font(font) is not None
        return font if self.legacy_fonts[font] else None

    def convert(self, pieces: list[tuple[str, str | None]]) -> str:
        """The paragraph's text from (text, legacy font or None) pieces."""
        if _UNICODE_VIETNAMESE.search("".join(text for text, font in pieces if font)):
            # Unicode Vietnamese in a legacy-named font (a Normal style left on .VnTime):
            # the whole paragraph was typed in Unicode.
            return "".join(text for text, _ in pieces)
        from ..legacy import fix_text

        out: list[str] = []
        i = 0
        while i < len(pieces):
            font = pieces[i][1]
            j = i + 1
            while j < len(pieces) and pieces[j][1] == font:
                j += 1
            # Runs split mid-word (Word's revision ids) are judged together.
            span = "".join(t for t, _ in pieces[i:j])
            fixed = fix_text(span, font) if font else span
            if fixed != span:
                self.converted += 1
            out.append(fixed)
            i = j
        return "".join(out)


# --------------------------------------------------------------------------- paragraphs


@dataclass
class _Paragraph:
    text: str
    label: str | None
    boxes: list[etree._Element]


class _Reader:
    def __init__(self, parts: _Parts, max_cells: int = 500_000, where: str = "",
                 max_chars: int = 20_000_000) -> None:
        self.max_cells = max_cells
        self.cells = 0
        self.max_chars = max_chars
        self.chars = 0
        self.where = where
        self.styles = _Styles(parts.styles)
        self.numbering = _Numbering(parts.numbering, self.styles)
        self.legacy = _Legacy()
        self.note_order: list[tuple[str, str]] = []
        # Parts not read (see _OBJECT): counted, so the report says that text may be missing.
        self.unread: dict[str, int] = {}
        # The body's tables typed on after a page break (_typed_on_tables), and the table blocks
        # read from them (by id).
        self.typed_on: set[etree._Element] = _typed_on_tables(parts.body)
        self.typed_on_blocks: set[int] = set()
        # The edges of each table block's columns (twips from the table's left; see grid).
        self.edges: dict[int, tuple[int, ...]] = {}

    # Paragraph text ---------------------------------------------------------

    def paragraph(self, p: etree._Element) -> _Paragraph:
        ppr = p.find(_w("pPr"))
        p_style = _attr(ppr.find(_w("pStyle"))) if ppr is not None else None
        pieces: list[tuple[str, str | None]] = []
        boxes: list[etree._Element] = []
        self._inline(p, p_style, pieces, boxes)
        text = self.legacy.convert(pieces) if any(f for _, f in pieces) else "".join(t for t, _ in pieces)
        return _Paragraph(text, self._label(ppr, p_style), boxes)

    def _label(self, ppr: etree._Element | None, p_style: str | None) -> str | None:
        num_id, ilvl = self.styles.numbering(p_style)
        num_pr = ppr.find(_w("numPr")) if ppr is not None else None
        if num_pr is not None:
            direct_id = _attr(num_pr.find(_w("numId")))
            direct_lvl = _attr(num_pr.find(_w("ilvl")))
            if direct_id is not None:
                num_id = direct_id
            if direct_lvl is not None and direct_lvl.isdigit():
                ilvl = int(direct_lvl)
        if num_id is None or num_id == "0":  # numId 0 switches a style's numbering off
            return None
        if ilvl is None:
            # A heading style linked to a list level (w:lvl/w:pStyle) takes that level.
            ilvl = self.numbering.level_of_style(num_id, p_style)
        return self.numbering.label(num_id, ilvl)

    def _inline(self, el: etree._Element, p_style: str | None, pieces: list[tuple[str, str | None]],
                boxes: list[etree._Element]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == _R:
                self._run(child, p_style, pieces, boxes)
            elif tag == _MATH_T:
                pieces.append((child.text or "", None))
            elif tag == _TXBX:
                boxes.append(child)
            elif tag == _FALLBACK:
                # mc:Fallback repeats the mc:Choice content (a VML copy of a drawing): read once.
                parent = child.getparent()
                if parent is not None and parent.find(_CHOICE) is None:
                    self._inline(child, p_style, pieces, boxes)
            else:
                self._inline(child, p_style, pieces, boxes)

    def _run(self, r: etree._Element, p_style: str | None, pieces: list[tuple[str, str | None]],
             boxes: list[etree._Element]) -> None:
        legacy_font: str | None = None
        font_known = False
        for child in r:
            tag = child.tag
            if tag == _T:
                if not font_known:
                    legacy_font, font_known = self.legacy.font(self.styles.font(None, p_style)), True
                pieces.append((child.text or "", legacy_font))
            elif tag == _RPR:
                # Run properties come first in a run: hidden text, then the font that draws it.
                vanish = child.find(_VANISH)
                if vanish is not None and vanish.get(_VAL, "1") not in ("0", "false", "off"):
                    return  # hidden text: Word does not show it
                fonts = child.find(_RFONTS)
                font, theme = _font_of(fonts) if fonts is not None else (None, False)
                if not (theme or font):
                    font = self.styles.font(_attr(child.find(_RSTYLE)), p_style)
                legacy_font, font_known = self.legacy.font(font), True
            elif tag == _TAB:
                pieces.append(("\t", None))
            elif tag in (_BR, _CR):
                # A line break is a new line; a page or column break inside a paragraph is a space.
                pieces.append((" " if child.get(_TYPE) in ("page", "column") else "\n", None))
            elif tag == _NO_BREAK_HYPHEN:
                pieces.append(("-", None))
            elif tag == _SOFT_HYPHEN:
                # TCVN3 stores ư as the soft-hyphen byte, and LibreOffice's .doc → .docx
                # conversion writes it as this element: keep it for the legacy conversion
                # (normalisation drops a real soft hyphen later).
                if not font_known:
                    legacy_font, font_known = self.legacy.font(self.styles.font(None, p_style)), True
                pieces.append(("\u00ad", legacy_font))
            elif tag == _SYM:
                code = child.get(_w("char"), "")
                try:
                    ch = chr(int(code, 16))
                except ValueError:
                    continue
                # Symbol-font glyphs live in the private use area (F0xx): bullets, not text.
                if not 0xE000 <= ord(ch) <= 0xF8FF:
                    pieces.append((ch, None))
            elif tag == _FOOTNOTE_REF:
                self.note_order.append(("footnote", child.get(_ID, "")))
            elif tag == _ENDNOTE_REF:
                self.note_order.append(("endnote", child.get(_ID, "")))
            elif isinstance(tag, str) and tag not in _SKIP:
                # Drawings, VML pictures, alternate content: look for text boxes.
                self._note_unread_part(child)
                self._boxes(child, boxes)

    def _boxes(self, el: etree._Element, boxes: list[etree._Element]) -> None:
        for child in el:
            tag = child.tag
            if tag == _TXBX:
                boxes.append(child)
            elif tag == _FALLBACK:
                parent = child.getparent()
                if parent is not None and parent.find(_CHOICE) is None:
                    self._boxes(child, boxes)
            elif isinstance(tag, str):
                self._note_unread_part(child)
                self._boxes(child, boxes)

    def _note_unread_part(self, el: etree._Element) -> None:
        """Count ``el`` when it is a part whose text is not read (see _OBJECT)."""
        if el.tag == _OBJECT:
            self.note_unread("object")
        elif el.tag == _GRAPHIC_DATA and el.get("uri", "").endswith(_UNREAD_GRAPHICS):
            self.note_unread(el.get("uri", "").rsplit("/", 1)[-1])

    def note_unread(self, kind: str) -> None:
        self.unread[kind] = self.unread.get(kind, 0) + 1

    # Body ------------------------------------------------------------------

    def blocks(self, container: etree._Element) -> Iterator[Block]:
        """Blocks of a body, a text box or a note, in document order."""
        seen_body_text = False
        header: list[list[str]] = []  # a header block laid out with tabs, not a table
        closing: tuple[list[str], list[str]] | None = None  # ``Nơi nhận`` | signature, with tabs
        for el in _content(container, self):
            if el.tag == _P:
                para = self.paragraph(el)
                for box in para.boxes:
                    yield from self.blocks(box)
                text = para.text
                if closing is None and (cells := _closing_cells(text)) is not None:
                    closing = ([cells[0]], [cells[1]])
                    continue
                if closing is not None:
                    if _goes_on_closing(text, closing):
                        continue
                    yield Block("layout", rows=[["\n".join(closing[0]), "\n".join(closing[1])]])
                    closing = None
                if not seen_body_text and (cells := _tab_cells(text, started=bool(header))):
                    header.append(cells)
                    continue
                if header:
                    yield Block("layout", rows=_header_rows(header))
                    header = []
                if text.strip():
                    if len(text.strip()) > 120:
                        seen_body_text = True
                    yield Block("paragraph", text=_broken_lines_joined(text), label=para.label)
            elif el.tag == _TBL:
                if header:
                    yield Block("layout", rows=_header_rows(header))
                    header = []
                if closing is not None:
                    yield Block("layout", rows=[["\n".join(closing[0]), "\n".join(closing[1])]])
                    closing = None
                yield from self.table(el, before_body=not seen_body_text)
        if header:
            yield Block("layout", rows=_header_rows(header))
        if closing is not None:
            yield Block("layout", rows=[["\n".join(closing[0]), "\n".join(closing[1])]])

    def cell_text(self, tc: etree._Element) -> str:
        """A cell's paragraphs (and nested tables, text boxes) as lines."""
        lines: list[str] = []
        for el in _content(tc, self):
            if el.tag == _P:
                para = self.paragraph(el)
                for box in para.boxes:
                    lines.extend(self.cell_text(box).split("\n"))
                text = para.text.strip()
                if para.label:
                    text = f"{para.label} {text}".strip()
                if text:
                    lines.append(text)
            elif el.tag == _TBL:
                for row in self.grid(el)[0]:
                    line = " ".join(c for c in row if c.strip())
                    if line.strip():
                        lines.append(line)
        return "\n".join(line for line in lines if line.strip())

    def grid(self, tbl: etree._Element) -> tuple[list[list[str]], list[list[bool]], tuple[int, ...]]:
        """Rows of cell texts on the table grid, merged cells repeated, and where the copies are
        (see :func:`_table_columns` for the grid's columns that are left out); and the edges of
        the columns in twips from the table's left, the right edge last (none when the file
        does not give the grid's widths)."""
        rows: list[list[str]] = []
        # Each row's cells as (grid column, span, merged from above): where the copies are, and
        # which grid columns are the table's, are read off them.
        cells: list[list[tuple[int, int, bool]]] = []
        above: dict[int, str] = {}
        for tr in _children(tbl, _TR):
            trpr = tr.find(_w("trPr"))
            before = min(_MAX_COLUMNS, _int(_attr(trpr.find(_w("gridBefore"))))) if trpr is not None else 0
            after = min(_MAX_COLUMNS, _int(_attr(trpr.find(_w("gridAfter"))))) if trpr is not None else 0
            row = [""] * before
            cells.append([])
            for tc in _children(tr, _TC):
                tcpr = tc.find(_w("tcPr"))
                span = 1 if tcpr is None else _int(_attr(tcpr.find(_w("gridSpan"))), 1)
                span = min(_MAX_COLUMNS, max(1, span))
                vmerge = tcpr.find(_w("vMerge")) if tcpr is not None else None
                col = len(row)
                if vmerge is not None and vmerge.get(_VAL, "continue") == "continue" and col in above:
                    text = above[col]
                    row.extend([text] * span)
                    cells[-1].append((col, span, True))
                else:
                    text = self.cell_text(tc)
                    row.extend([text] * span)
                    cells[-1].append((col, span, False))
                    for k in range(col, col + span):
                        above[k] = text
            row.extend([""] * after)
            # Counted as the rows are built: a table of a million rows is refused before it is held.
            self.cells += len(row)
            if self.cells > self.max_cells:
                raise LimitExceededError("max_table_cells", self.max_cells,
                                         what=f"{self.where}: more than {self.max_cells} table cells")
            # A merged cell's text is repeated in every slot it covers: a long cell merged down
            # thousands of rows would be gigabytes of copies from a few kilobytes of XML.
            self.chars += sum(len(c) for c in row)
            if self.chars > self.max_chars:
                raise LimitExceededError("max_table_chars", self.max_chars,
                                         what=f"{self.where}: characters in table cells (a merged cell "
                                              "counted in every slot it covers)")
            rows.append(row)
        width = max((len(r) for r in rows), default=0)
        for row in rows:
            row.extend([""] * (width - len(row)))
        grid = tbl.find(_w("tblGrid"))
        widths = [_int(_attr(col, _w("w"))) for col in _children(grid, _w("gridCol"))] if grid is not None else []
        if len(widths) != width or not all(widths):
            widths = []  # a grid that does not give every column's width gives none
        kept = _table_columns(cells, widths)
        edges = (*(sum(widths[:k]) for k in kept), sum(widths)) if widths else ()
        return (*_on_columns(rows, cells, kept), edges)

    def same_columns(self, first: Block, block: Block) -> bool:
        """Whether two table blocks have their columns at the same places, within a millimetre
        (both read from the grid's widths), and these are a layout of their own: columns of
        one width each, Word's default, would make any two tables of as many columns alike."""
        a, b = self.edges.get(id(first), ()), self.edges.get(id(block), ())
        if not a or len(a) != len(b) or any(abs(x - y) > _SAME_EDGE for x, y in zip(a, b, strict=True)):
            return False
        widths = [y - x for x, y in itertools.pairwise(a)]
        return max(widths) - min(widths) > _SAME_EDGE

    def table(self, tbl: etree._Element, before_body: bool) -> Iterator[Block]:
        rows, copies, edges = self.grid(tbl)
        kind = _layout_kind(rows, before_body)
        if kind == "header":
            yield Block("layout", rows=_header_rows(rows))
        elif kind == "signature":
            yield Block("layout", rows=signature_rows(rows))
        elif kind == "frame":
            # A one-cell table in running text is a frame around paragraphs, not data. Its one
            # cell with text need not be the first (an empty left cell beside a Luật's signature).
            text = next(c for c in rows[0] if c.strip())
            for line in text.split("\n"):
                if line.strip():
                    yield Block("paragraph", text=line)
        elif not any(c.strip() for row in rows for c in row):
            return
        elif _layout_box(rows, copies) and not self.ruled(tbl):
            # A box of a few cells with no line drawn: labels beside their values (``Chủ đầu
            # tư:`` | ``Bộ Thông tin và Truyền thông``), read row by row, or the parties of a
            # biên bản side by side over their names, read column by column as a signature
            # block is. Laid out, as the header and signature tables are; it holds no data.
            cells = [[c for c, copy in zip(row, cp, strict=True) if not copy]
                     for row, cp in zip(rows, copies, strict=True)]
            labels = [r[0].strip() for r in cells if r and r[0].strip()]
            yield Block("layout", rows=cells if labels and all(c.endswith(":") for c in labels)
                        else signature_rows(rows))
        else:
            block = Block("table", rows=rows, merged=copies)
            if tbl in self.typed_on:
                self.typed_on_blocks.add(id(block))
            self.edges[id(block)] = edges
            yield block

    def ruled(self, tbl: etree._Element) -> bool:
        """Whether a table has any line drawn: each edge of its own borders over its style's
        (or the default table style's, through ``basedOn``), or an edge of one of its cells."""
        pr = tbl.find(_w("tblPr"))
        edges = self.styles.table_borders(_attr(pr.find(_w("tblStyle"))) if pr is not None else None)
        borders = pr.find(_w("tblBorders")) if pr is not None else None
        if borders is not None:
            edges = edges | border_edges(borders)
        if any(edges.values()):
            return True
        # The table's own cells only, not those of a table nested in one.
        cell_borders = (tc.find(f"{_w('tcPr')}/{_w('tcBorders')}")
                        for tr in _children(tbl, _TR) for tc in _children(tr, _TC))
        return any(b is not None and any(border_edges(b).values()) for b in cell_borders)

    def notes(self, root: etree._Element | None, kind: str) -> list[Block]:
        """Footnotes or endnotes (``kind``), in the order the body refers to them; Word's
        separator notes left out."""
        if root is None:
            return []
        notes: dict[str, etree._Element] = {}
        for note in root.iter(_w(kind)):
            if note.get(_w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            notes[note.get(_w("id"), "")] = note
        ordered = [nid for k, nid in self.note_order if k == kind and nid in notes]
        ordered = list(dict.fromkeys(ordered)) + [nid for nid in notes if nid not in ordered]
        blocks: list[Block] = []
        for nid in ordered:
            lines = [b.text if not b.label else f"{b.label} {b.text}"
                     for b in self.blocks(notes[nid]) if b.kind == "paragraph"]
            text = "\n".join(line.strip() for line in lines if line.strip())
            if text:
                blocks.append(Block("footnote", text=text))
        return blocks


def _table_columns(cells: Sequence[Sequence[tuple[int, int, bool]]], widths: Sequence[int] = ()) -> list[int]:
    """The columns of Word's table grid that are columns of the table as it is seen, from the
    cells of its rows (grid column, span, whether merged from above) and the grid's widths
    (twips, when known). Two kinds of grid column are left out, each of them half of a merged
    cell in most rows, where the table would repeat a column:

    - the column of a row laid out apart (a last row ``…, ngày … tháng …`` whose border falls
      between two columns of the rows above): no row with the most cells has a cell starting
      there, and more rows have a cell across it than starting there (see :func:`_on_columns`
      for that row's cells);
    - a sliver between two borders that should be one (nd-37-2007-NĐ-CP's ``Biến động giảm``
      ends 5 mm before the cells under it do): narrower than :data:`_SLIVER` and no cell in it
      alone, each cell across it keeping a column of its own.

    >>> full = [(0, 1, False), (1, 2, False), (3, 1, False)]
    >>> _table_columns([full, full, [(0, 3, False), (3, 1, False)]])
    [0, 1, 3]
    >>> _table_columns([[(0, 2, False), (2, 1, False)], [(1, 1, False)]])
    [0, 1, 2]
    >>> _table_columns([[(0, 1, False), (1, 2, False)], [(0, 2, False), (2, 1, False)]], [2100, 280, 2660])
    [0, 2]
    """
    most = max((len(row) for row in cells), default=0)
    full = {start for row in cells if len(row) == most for start, _, _ in row}
    starting: dict[int, int] = {}
    across: dict[int, int] = {}
    for row in cells:
        for start, span, _ in row:
            starting[start] = starting.get(start, 0) + 1
            for k in range(start + 1, start + span):
                across[k] = across.get(k, 0) + 1
    kept = {k for k, n in starting.items() if k in full or n >= across.get(k, 0)}
    for k in sorted(kept):
        if k < len(widths) and widths[k] < _SLIVER and not any(
                start == k and span == 1 for row in cells for start, span, _ in row):
            rest = kept - {k}
            if all(not rest.isdisjoint(range(start, start + span))
                   for row in cells for start, span, _ in row if start <= k < start + span):
                kept = rest
    return sorted(kept)


# Column edges this close (twips: 1 mm) are at the same place.
_SAME_EDGE = 57

# A grid column narrower than this (twips: 1 cm, two letters and a cell's margins) is no column
# of the table unless a cell lies in it alone (a ``TT`` column's numbers do).
_SLIVER = 567


def _on_columns(rows: list[list[str]], cells: Sequence[Sequence[tuple[int, int, bool]]],
                kept: list[int]) -> tuple[list[list[str]], list[list[bool]]]:
    """The rows of a table grid (see :meth:`_Reader.grid`) on the ``kept`` columns only, and
    where the copies of merged cells are (a cell merged from above, a spanned cell's slots
    after its first). A cell that covers none of them (the date of a last row laid out apart) goes into the column
    before it, after the text of a cell of its own there: no text is left out."""
    at = {k: i for i, k in enumerate(kept)}
    out_rows: list[list[str]] = []
    out_copies: list[list[bool]] = []
    for row, row_cells in zip(rows, cells, strict=True):
        texts = [row[k] for k in kept]
        copy = [False] * len(kept)
        for start, span, repeated in row_cells:
            slots = [at[k] for k in range(start, start + span) if k in at]
            if slots:
                for n, i in enumerate(slots):
                    copy[i] = repeated or n > 0
                continue
            i = bisect.bisect_right(kept, start) - 1
            text = row[start]
            if not copy[i] and texts[i].strip() and text.strip():
                if not repeated:  # a cell merged from above is kept in the row it starts in
                    texts[i] = f"{texts[i]}\n{text}"
            elif text.strip() or copy[i]:
                texts[i], copy[i] = text, repeated
        out_rows.append(texts)
        out_copies.append(copy)
    return out_rows, out_copies


def _content(container: etree._Element, reader: _Reader) -> Iterator[etree._Element]:
    """Paragraphs and tables of a container, through content controls and other wrappers."""
    for el in container:
        if el.tag in (_P, _TBL):
            yield el
        elif el.tag in _WRAPPERS:
            yield from _content(el, reader)
        elif el.tag == _ALT_CHUNK:
            reader.note_unread("imported part")  # imported HTML/RTF: a separate part, not read as text


def _body_items(container: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs, tables and imported parts of the body, in order, through wrappers."""
    for el in container:
        if el.tag in (_P, _TBL, _ALT_CHUNK):
            yield el
        elif el.tag in _WRAPPERS:
            yield from _body_items(el)


_PAGE_BREAKS = (f".//{_w('lastRenderedPageBreak')}", f".//{_w('pageBreakBefore')}", f".//{_w('sectPr')}")
_PICTURES = (f".//{_w('drawing')}", f".//{_w('pict')}", f".//{_OBJECT}")


def _typed_on_tables(body: etree._Element) -> set[etree._Element]:
    """The tables of the body that follow another table across a page break with nothing but
    empty paragraphs between them (no text, no picture, no imported part): a table typed again
    on the next page may be the first one going on (see
    :func:`.table_parts.join_typed_continuations`). The break is a page break, a paragraph set
    to start a page, a section break, or where Word last laid a page out (in the gap or the
    second table's first row)."""
    out: set[etree._Element] = set()
    gap = False  # right after a table, through empty paragraphs
    broke = False
    for el in _body_items(body):
        if el.tag == _TBL:
            first_row = next(_children(el, _TR), None)
            if gap and (broke or (first_row is not None and first_row.find(_PAGE_BREAKS[0]) is not None)):
                out.add(el)
            gap, broke = True, False
        elif el.tag == _P and gap:
            if any((t.text or "").strip() for t in el.iter(_T)) or any(el.find(x) is not None for x in _PICTURES):
                gap = False
            elif any(b.get(_TYPE) == "page" for b in el.iter(_BR)) or any(el.find(x) is not None for x in _PAGE_BREAKS):
                broke = True
        else:
            gap = False
    return out


def _children(el: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Rows of a table or cells of a row, through row- and cell-level content controls."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _int(value: str | None, default: int = 0) -> int:
    return int(value) if value is not None and value.isdigit() else default


# --------------------------------------------------------------------------- layout tables

# A table with no line drawn and at most this many rows of at most two cells is a layout box.
_LAYOUT_BOX_ROWS = 3


def _layout_box(rows: list[list[str]], copies: list[list[bool]]) -> bool:
    """Whether a table is small enough to be a layout box (:data:`_LAYOUT_BOX_ROWS` rows of at
    most two cells) and holds no figure: a cell that is a number (``2012``, ``15``, ``7,5``)
    makes it a small data table."""
    return len(rows) <= _LAYOUT_BOX_ROWS and all(len(r) <= 2 for r in rows) \
        and not any(cell_number(c) is not None for row, cp in zip(rows, copies, strict=True)
                    for c, copy in zip(row, cp, strict=True) if not copy and c.strip())


def _is(kind: str, line: str) -> bool:
    """Whether a header or signature line is of ``kind`` (see conventions.header)."""
    return match_line(kind, line) is not None


def _fold(text: str) -> str:
    from ..normalize import fold

    return fold(text).strip()


def _lines_of(cell: str) -> list[str]:
    return [line.strip() for line in cell.split("\n") if line.strip()]


def _tab_cells(text: str, started: bool) -> list[str] | None:
    """A header line laid out with tabs (``ỦY BAN NHÂN DÂN<tab><tab>CỘNG HÒA ...``) as its
    left and right cells, or None for any other paragraph."""
    if "\t" not in text or "\n" in text:
        return None
    parts = [part.strip() for part in re.split(r"\t+", text)]
    if len(parts) > 2 and not parts[0]:
        parts = parts[1:]
    if len(parts) == 2 and not parts[0] and not started:
        return None
    if len(parts) != 2 or not parts[1]:
        return None
    folded = [_fold(part) for part in parts]
    if started or any(is_national_motto(f) or _is("number", f) or _is("place-date", f) for f in folded):
        return parts
    return None


def _broken_lines_joined(text: str) -> str:
    """A paragraph's text with the line breaks typed inside a sentence (``<w:br/>``: ``... số
    247/KH-UBND`` / ``ngày 29/12/2021 của UBND tỉnh``) made spaces, as the text reader joins
    the lines of one sentence (:func:`.text.continues`); the breaks between lines of their own
    (a heading, a name, a list) stay.

    >>> _broken_lines_joined("Thực hiện Kế hoạch số 247/KH-UBND\\nngày 29/12/2021 của UBND tỉnh")
    'Thực hiện Kế hoạch số 247/KH-UBND ngày 29/12/2021 của UBND tỉnh'
    >>> _broken_lines_joined("ỦY BAN NHÂN DÂN\\nTỈNH LÂM ĐỒNG")
    'ỦY BAN NHÂN DÂN\\nTỈNH LÂM ĐỒNG'
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        if continues(out[-1].rstrip(), line.lstrip()):
            out[-1] = f"{out[-1].rstrip()} {line.lstrip()}"
        else:
            out.append(line)
    return "\n".join(out)


def _closing_cells(text: str) -> list[str] | None:
    """``Nơi nhận:<tab>TL. CHỦ TỊCH``: the recipients' and the signature's columns laid out with
    tab stops in one paragraph, as [left, right]; None for any other paragraph."""
    if "\t" not in text or "\n" in text:
        return None
    parts = [part.strip() for part in re.split(r"\t+", text.strip())]
    if len(parts) != 2 or not _is("recipients", parts[0]):
        return None
    return parts if _is("signing", parts[1]) or is_position(parts[1]) else None


_CLOSING_ITEM = re.compile(r"^(?:[-+•–*]|(?i:lưu)\b)")


def _goes_on_closing(text: str, closing: tuple[list[str], list[str]]) -> bool:
    """Add a paragraph to a closing block laid out with tabs, if it belongs there: a recipient
    (left, bulleted or ``Lưu``), a line of the signature (right: position, name), or both
    across a tab. A long paragraph, or one past forty lines, ends the block."""
    left, right = closing
    if len(left) + len(right) > 40:
        return False
    stripped = text.strip()
    if not stripped:
        return True
    parts = [part.strip() for part in re.split(r"\t+", stripped)]
    if len(parts) == 2 and len(stripped.split()) <= 24:
        left.append(parts[0])
        right.append(parts[1])
        return True
    if len(parts) > 1 or len(stripped.split()) > 12:
        return False
    (left if _CLOSING_ITEM.match(stripped) else right).append(stripped)
    return True


def _layout_kind(rows: list[list[str]], before_body: bool) -> str | None:
    """``header`` (also the trích yếu alone in a box), ``signature``, ``frame`` (a one-cell
    box of running text) or None (a data table), by what the cells say."""
    cells = [c for row in rows for c in row if c.strip()]
    distinct = list(dict.fromkeys(cells))
    if not distinct:
        return None
    small = len(rows) <= 4 and all(len(r) <= 4 for r in rows)
    lines = [_fold(line) for c in distinct for line in _lines_of(c)]
    # The Quốc hiệu never sits in a data table; spacing rows can make a header table taller.
    if len(rows) <= 8 and all(len(r) <= 4 for r in rows) and any(is_national_motto(line) for line in lines):
        return "header"
    if small and any(_is("number", line) for line in lines) \
            and any(_is("place-date", line) for line in lines):
        return "header"
    if small and len(rows) <= 3:
        starts = [_fold(_lines_of(c)[0]) for c in distinct]
        # A record's parties (``ĐẠI DIỆN BÊN A``) are named in capitals; ``Đại diện UBND xã`` |
        # ``3`` is a row of data.
        if any(_is("recipients", s) or _is("addressee", s) for s in starts) \
                or any(_is("representative", s) and in_capitals(_lines_of(c)[0])
                       for s, c in zip(starts, distinct, strict=True)) or \
                any(_is("signing", s) or is_position(_lines_of(c)[0]) for s, c in zip(starts, distinct,
                                                                                         strict=True)):
            return "signature"
    if len(distinct) == 1 and len(rows) == 1 and sum(1 for c in rows[0] if c.strip()) == 1:
        text = distinct[0]
        if (before_body and len(text) <= 400) or _is("subject", text):
            return "header"  # the trích yếu in a box under the type name or under Số
        return "frame"
    return None


def _header_rows(rows: list[list[str]]) -> list[list[str]]:
    """The header block in the order the metadata extractor reads it: issuer, Quốc hiệu,
    ``Số:`` (and ``V/v``), place and date.

    The left column group (issuer, Số) and the right one (Quốc hiệu, date) are each cut
    where ``Số:`` or the place-and-date line starts, so a one-row table whose left cell
    holds issuer + Số comes out the same as the usual 2x2 table. Rows whose one text
    spans the whole width (a type name and title merged under the header) come last.
    """
    tail: list[list[str]] = []
    while rows and len(rows) > 1 and len({c for c in rows[-1] if c.strip()}) == 1 \
            and sum(1 for c in rows[-1] if c.strip()) > 1:
        tail.insert(0, [next(c for c in rows[-1] if c.strip())])
        rows = rows[:-1]
    width = max(len(r) for r in rows)
    columns = [[r[k] for r in rows if k < len(r)] for k in range(width)]
    keep = [col for col in columns if any(c.strip() for c in col)]
    if len(keep) <= 1:
        return [[c] for row in rows for c in dict.fromkeys(row) if c.strip()] + tail
    split = next((k for k, col in enumerate(keep)
                  if any(is_national_motto(_fold(line)) for c in col for line in _lines_of(c))), len(keep) - 1)
    split = max(split, 1)
    left = _column_lines(keep[:split])
    right = _column_lines(keep[split:])
    left_top, left_bottom = _cut(left, lambda f: _is("number", f) or _is("subject", f))
    right_top, right_bottom = _cut(right, lambda f: _is("place-date", f))
    return [["\n".join(left_top), "\n".join(right_top)],
            ["\n".join(left_bottom), "\n".join(right_bottom)], *tail]


def _column_lines(columns: list[list[str]]) -> list[str]:
    """Lines of a group of columns, top to bottom, each merged cell once."""
    out: list[str] = []
    for r in range(max(len(c) for c in columns)):
        seen: list[str] = []
        for col in columns:
            if r < len(col) and col[r].strip() and col[r] not in seen:
                seen.append(col[r])
        for cell in seen:
            out.extend(_lines_of(cell))
    return out


def _cut(lines: list[str], starts_bottom: Callable[[str], bool]) -> tuple[list[str], list[str]]:
    for i, line in enumerate(lines):
        if starts_bottom(_fold(line)):
            return lines[:i], lines[i:]
    return lines, []


# --------------------------------------------------------------------------- entry point

_UNREAD_NAMES = {"object": "embedded object(s) (drawing, spreadsheet, equation)", "chart": "chart(s)",
                 "diagram": "SmartArt diagram(s)", "imported part": "imported HTML/RTF part(s)"}



def read_docx(path: Path, *, limits: Limits | None = None) -> SourceDocument:
    """The blocks of a Word 2007+ document (``.docx``; also ``.docm``, ``.dotx``).

    Raises :class:`CorruptFileError` for a truncated or broken file and for a zip that is
    not a Word document, :class:`~vnreport_extract.limits.LimitExceededError` for one past
    ``limits`` (part sizes, XML depth, table cells).
    """
    limits = limits or Limits()
    parts = _open(path, limits)
    reader = _Reader(parts, limits.max_table_cells, str(path), limits.max_table_chars)
    try:
        blocks = join_typed_continuations(list(reader.blocks(parts.body)),
                                          lambda block: id(block) in reader.typed_on_blocks,
                                          reader.same_columns)
        blocks += reader.notes(parts.footnotes, "footnote")
        blocks += reader.notes(parts.endnotes, "endnote")
    except RecursionError as exc:
        raise CorruptFileError(f"{path}: not a readable Word document: nested too deeply") from exc
    except (ValueError, etree.LxmlError) as exc:
        raise CorruptFileError(f"{path}: not a readable Word document: {exc}") from exc
    warnings: list[tuple[str, str]] = []
    if parts.missing:
        warnings.append(("docx-missing-part", f"the document names parts the file does not hold, read without "
                                              f"them: {', '.join(parts.missing)}"))
    if reader.legacy.converted:
        warnings.append(("legacy-encoding",
                         f"{reader.legacy.converted} runs in a TCVN3/VNI font were converted to Unicode"))
    if reader.unread:
        kinds = ", ".join(f"{n} {_UNREAD_NAMES.get(kind, kind)}" for kind, n in sorted(reader.unread.items()))
        warnings.append(("content-not-read", f"not read, any text in them is missing: {kinds}"))
    source = Source(format="docx", pages=None, ocr=False)
    return SourceDocument(blocks=blocks, source=source, warnings=warnings)
