"""Số, ký hiệu: parse and canonicalise document symbols.

State documents (Nghị định 30/2020/NĐ-CP) write ``number/type-issuer``
(``41/KH-UBND``), legal normative ones ``number/year/type-issuer``
(``61/2018/NĐ-CP``), Party documents (Hướng dẫn 36-HD/VPTW) ``number-type/issuer``
(``01-KL/TW``). Spacing and dash slips are repaired and named.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

import regex

from ..conventions.doc_types import ABBREVIATIONS, CANONICAL_CODES, DOC_TYPES
from ..models import Citation, DocumentNumber, RepairName
from ..normalize import fold
from .scan import group_numbers, matches_in

# ``&`` joins two units inside one code: ``1014/SNV-CCHC&VTLT`` (Phòng CCHC & Văn thư - Lưu trữ);
# a code may hold any Vietnamese capital (``3364/BTTTT-ƯDCNTT``) and a dot between two parts
# (``16/CGC.BT``).
_CODE = (r"\p{Lu}[\p{L}0-9]*(?:&\p{Lu}[\p{L}0-9]*)*(?:\.\p{Lu}[\p{L}0-9]*)*"
         r"(?:\([\p{L}0-9.]+\))?")
# An underscore typed for the hyphen (``10/2007/QĐ_BKHCN``) is a slip like a spaced one; a
# symbol may break over a line end after its hyphen (``428/TTXT-`` / ``ĐTDN``).
_DASH = r"[ ]*[-–—_](?:[ ]*\n)?[ ]*"
_SLASH = r"[ ]*/[ ]*"
# A code that a justified PDF line split after its first letter: ``104/2022/N Đ-CP``.
_SPLIT_LETTER = r"(?:\p{Lu}[ ](?=\p{Lu}\p{L}*[-–—]))?"
# A Party symbol whose hyphen was typed as a space (``Kết luận số 174 KL/TW``): only before a
# known Party type code, never after a year.
PARTY_TYPES = "|".join(sorted({d["party"] for d in DOC_TYPES if d["party"]}, key=len, reverse=True))
# ... or as a slash (``Chỉ thị số 05/CT/TU``), only before a Party type code and a Party body's
# code: the Central Committee and its organs (``TW``, ``VPTW``, ``BTCTW``), a province's,
# district's or Party committee's (``TU``, ``HU``, ``ĐU``, ``QU``).
PARTY_ISSUER = r"\p{Lu}{0,5}(?:TW|TU|HU|ĐU|QU)(?![\p{L}\d])"
# An older layout with the type code between two slashes: ``527/TTLT/TTCP-BNV-UBKTTW`` (a joint
# circular of 2007), written so and kept so; with a year from 2011 on, when the layout
# ``number/year/TYPE-ISSUER`` was fixed, the slash is a slip (``04/2020/TT/BTP`` is ``04/2020/TT-BTP``).
_TYPE_BETWEEN_SLASHES_UNTIL = 2011
_STATE_TYPE_CODES = frozenset(d["state"] for d in DOC_TYPES if d["state"])
_STATE_TYPES = "|".join(sorted(_STATE_TYPE_CODES, key=len, reverse=True))
# A year typed with a digit too many (``45/25010/NĐ-CP`` for ``45/2010/NĐ-CP``, ``28/20025/QĐ-TTg``):
# the symbol is kept as written, its year is the one year a digit less makes, when only one
# does (:func:`slip_years`), and the report warns of it (``symbol-year-slip``).
_YEAR_SLIP = r"[12]\d{4}(?=[ ]*/)"
_FIRST_YEAR, _LAST_YEAR = 1945, 2099


def slip_years(written: str) -> set[int]:
    """The years a year typed with one digit too many may stand for: those one digit less makes.

    >>> slip_years("25010"), sorted(slip_years("20025")), slip_years("12345")
    ({2010}, [2002, 2005, 2025], set())
    """
    years = {int(written[:i] + written[i + 1:]) for i in range(len(written))}
    return {y for y in years if _FIRST_YEAR <= y <= _LAST_YEAR}


def slipped_year(symbol: str | None) -> str | None:
    """The year of a symbol as written when it has a digit too many (``45/25010/NĐ-CP``), else ``None``.

    >>> slipped_year("45/25010/NĐ-CP"), slipped_year("45/2010/NĐ-CP"), slipped_year("12345/UBND-VP")
    ('25010', None, None)
    """
    parts = (symbol or "").split("/")
    return parts[1] if len(parts) == 3 and len(parts[1]) == 5 and parts[1].isdigit() else None


# A symbol in running text. ``state``: 245/KH-UBND, 61/2018/NĐ-CP, 12/UBND-VX;
# ``party``: 01-KL/TW, 49 - QĐ/ĐU, 10- CTPH/BDVTU-BCSĐUBND.
SYMBOL = (
    rf"(?P<num>\d{{1,6}}[a-z]?)"
    rf"(?:"
    rf"(?P<party>(?:{_DASH}|(?<!(?:19|20)\d\d)[ ]+(?=(?:{PARTY_TYPES})/)|/(?=(?:{PARTY_TYPES})/{PARTY_ISSUER}))"
    rf"(?P<ptype>{_CODE}){_SLASH}(?P<pissuer>{_CODE}(?:{_DASH}{_CODE})*))"
    rf"|(?P<state>{_SLASH}(?:(?P<year>(?:19|20)\d\d|{_YEAR_SLIP}){_SLASH})?(?:(?P<ltype>{_STATE_TYPES}){_SLASH}(?=\p{{Lu}}))?"
    rf"(?P<scodes>{_SPLIT_LETTER}{_CODE}(?:{_DASH}{_CODE})*))"
    rf")"
    rf"(?![\w/])"
)
# A symbol starts after no letter, digit, slash, dot or hyphen, but for a type's abbreviation typed
# against its number (``(Điều 5- QĐ28/2025/QĐ-TTg)``), which the citation's reader checks.
_GLUED_ABBREVIATION = "|".join(map(regex.escape, ABBREVIATIONS))
SYMBOL_RE = regex.compile(rf"(?:(?<![\w/.-])|(?<=(?<![\w/.-])(?:{_GLUED_ABBREVIATION})))" + SYMBOL)
_PARTS = group_numbers(SYMBOL_RE, "num", "party", "ptype", "pissuer", "year", "ltype", "scodes")
_DASHES = ("-", "–", "—", "_")


def find_symbols(text: str) -> list[regex.Match[str]]:
    r"""What ``SYMBOL_RE.finditer(text)`` finds, read only around the slashes: every symbol
    holds one, and tried at every digit of a long text the pattern costs far more.

    A symbol's first slash is on its first line, or on the next when the line ends in its
    hyphen (``_DASH``, the only part that crosses a line end); it goes on to a further line
    only after such a hyphen. So the lines with a slash, each with the line before it and
    the lines its hyphens carry it on to, hold every symbol; a line end stops the pattern as
    the end of the text does.

    >>> [m.group() for m in find_symbols("Số 12 và 245/KH-UBND;\n10-\nCTPH/BDVTU-\nBCSĐUBND, năm 2023")]
    ['245/KH-UBND', '10-\nCTPH/BDVTU-\nBCSĐUBND']
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    at = text.find("/")
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        start = text.rfind("\n", 0, line_start - 1) + 1 if line_start else 0
        end = text.find("\n", at)
        end = n if end < 0 else end
        while end < n and text[start:end].rstrip(" ").endswith(_DASHES):
            end = text.find("\n", end + 1)
            end = n if end < 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        at = text.find("/", end)
    found = list(matches_in(SYMBOL_RE, text, spans))
    for i, m in enumerate(found):
        if m.group().endswith(_GLUED_WORDS):
            found[i] = _unglued(m)
    return found


# A symbol whose slash between the number and the type code was lost (``Nghị quyết số 26NQ-TW``,
# a scan; ``Kế hoạch số 41KH-UBND``, a slip): the number glued to a state type code and its issuer's
# code after a hyphen. It has no slash, so find_symbols does not see it; the caller checks
# the type word before it.
_GLUED_TYPE = regex.compile(
    rf"(?<![\w/.-])(?P<num>\d{{1,6}})(?P<rest>(?:{_STATE_TYPES}){_DASH}{_CODE}(?:{_DASH}{_CODE})*)(?![\w/])")
_LONGEST_STATE_TYPE = max(map(len, _STATE_TYPE_CODES))


def glued_symbols(text: str) -> list[tuple[int, int, regex.Match[str]]]:
    """The symbols of ``text`` whose slash after the number was lost: where each lies, and the
    match of ``SYMBOL_RE`` on it with its slash put back (repair ``missing-slash``, which
    :func:`symbol_parts` of that match does not record). Looked for only at the hyphens (found
    with ``str.find``) that end a type code with a digit before it.

    >>> [(a, b, m.group()) for a, b, m in glued_symbols("Nghị quyết số 26NQ-TW ngày 05/8/2008 và 41/KH-UBND")]
    [(14, 21, '26/NQ-TW')]
    """
    found: list[tuple[int, int, regex.Match[str]]] = []
    for dash in _DASHES[:3]:
        at = text.find(dash)
        while at >= 0:
            # The type code's letters before the hyphen, and the number's last digit before them.
            code_start = at
            while code_start > 0 and at - code_start <= _LONGEST_STATE_TYPE and text[code_start - 1].isalpha():
                code_start -= 1
            if code_start < at and text[code_start - 1:code_start].isdigit() \
                    and text[code_start:at] in _STATE_TYPE_CODES:
                start = code_start - 1
                while start > 0 and text[start - 1].isdigit():
                    start -= 1
                m = _GLUED_TYPE.match(text, start)
                if m is not None and (fixed := SYMBOL_RE.fullmatch(f"{m.group('num')}/{m.group('rest')}")):
                    found.append((m.start(), m.end(), fixed))
            at = text.find(dash, at + 1)
    # A symbol with two hyphens after the type code is found at the first only.
    out: list[tuple[int, int, regex.Match[str]]] = []
    for item in sorted(found, key=lambda x: x[0]):
        if not out or item[0] >= out[-1][1]:
            out.append(item)
    return out


# The word after a symbol typed against it, its space lost (``70-TB/TWngày 06 tháng 01``, a text
# copied from a PDF), is no part of the code.
_GLUED_WORDS = ("ngày", "của", "về")
# Known codes that end in lower case (``15/CT-TTgvề``): a word may be glued to them too.
_LOWER_ENDED_CODES = tuple(c for c in CANONICAL_CODES if c[-1:].islower())


def _unglued(m: regex.Match[str]) -> regex.Match[str]:
    """``m`` without a word glued to its last code (``70-TB/TWngày`` → ``70-TB/TW``).

    >>> _unglued(SYMBOL_RE.search("Thông báo số 70-TB/TWngày 06/01/2012")).group()
    '70-TB/TW'
    >>> _unglued(SYMBOL_RE.search("Chỉ thị số 15/CT-TTgvề việc")).group()
    '15/CT-TTg'
    """
    found = m.group()
    cut = next((len(found) - len(w) for w in _GLUED_WORDS if found.endswith(w)), 0)
    if cut < 1 or not (found[cut - 1].isupper() or found[cut - 1].isdigit()
                       or found[:cut].endswith(_LOWER_ENDED_CODES)):
        return m
    return SYMBOL_RE.match(m.string, m.start(), m.start() + cut) or m


_CODE_SPLIT = regex.compile(r"\s*[-–—_]\s*")
_PARTY_DASH = regex.compile(r"\d+[a-z]?[ ]*[-–—_]")
_SPACED_SLASH = regex.compile(r"/[ ]|[ ]/")

_CANON = {c.casefold(): c for c in CANONICAL_CODES}
_TYPE_CODES = {c.casefold() for d in DOC_TYPES for c in (d["state"], d["party"]) if c}
_TYPE_CODES_LONGEST_FIRST = tuple(sorted(_TYPE_CODES, key=len, reverse=True))
_TYPE_CODE_OF = {fold(d["name"]): (d["state"], d["party"]) for d in DOC_TYPES}
# The codes a type name may have (state and Party), and the same case-folded.
_EXPECTED_CODES = {name: (tuple(c for c in codes if c), frozenset(c.casefold() for c in codes if c))
                   for name, codes in _TYPE_CODE_OF.items()}


def canonical_code(code: str, repairs: list[RepairName]) -> str:
    """The standard spelling of a code (``Ttg`` → ``TTg``); unknown codes stay as written."""
    canon = _CANON.get(code.casefold())
    if canon is None:
        return code
    if canon != code:
        repairs.append("code-case")
    return canon


def type_codes_for(doc_type: str | None) -> tuple[str | None, str | None]:
    """(state code, Party code) of a document type name."""
    if not doc_type:
        return None, None
    return _TYPE_CODE_OF.get(fold(doc_type), (None, None))


def _split_codes(raw: str) -> list[str]:
    return [c.replace(" ", "") for c in _CODE_SPLIT.split(raw.strip()) if c]


def _dash_repairs(raw: str, repairs: list[RepairName]) -> None:
    if "–" in raw or "—" in raw:
        repairs.append("en-dash")
    if "_" in raw:
        repairs.append("underscore")
    if " " in raw or "\t" in raw or "\n" in raw:
        repairs.append("extra-space")


def parse_symbol(raw: str, doc_type: str | None = None) -> DocumentNumber | None:
    """Parse one symbol as written.

    >>> parse_symbol("245/KHUBND", "Kế hoạch").symbol, parse_symbol("245/KHUBND").symbol
    ('245/KH-UBND', '245/KH-UBND')
    >>> parse_symbol("49 - QĐ/ĐU").symbol
    '49-QĐ/ĐU'
    >>> parse_symbol("61/2018/NĐ-CP").year
    2018
    >>> parse_symbol("104/2022/N Đ-CP").symbol
    '104/2022/NĐ-CP'
    >>> parse_symbol("174 KL/TW").symbol, parse_symbol("10/2007/QĐ_BKHCN").repairs
    ('174-KL/TW', ['underscore'])
    >>> parse_symbol("12/UBND-VX", "Công văn").type_code is None
    True
    >>> parse_symbol("05/CT/TU").repairs, parse_symbol("15/CT/TTg").symbol
    (['slash-for-hyphen'], '15/CT/TTg')
    >>> parse_symbol("527/TTLT/TTCP-BNV-UBKTTW").issuer_code
    'TTCP-BNV-UBKTTW'
    >>> s = parse_symbol("04/2020/TT/BTP"); s.symbol, s.repairs
    ('04/2020/TT-BTP', ['slash-for-hyphen'])
    """
    if not isinstance(raw, str):
        raise TypeError(f"parse_symbol takes a symbol as a str (245/KH-UBND), not {type(raw).__name__}")
    m = SYMBOL_RE.fullmatch(raw.strip())
    if m is None:
        return None
    return from_match(m, doc_type, raw.strip())


class SymbolParts(NamedTuple):
    """The fields of a :class:`DocumentNumber` read from a symbol match."""

    number: str
    year: int | None
    type_code: str | None
    issuer_code: str | None
    symbol: str
    convention: Literal["state", "party"]
    repairs: list[RepairName]


def from_match(m: regex.Match[str], doc_type: str | None, raw: str) -> DocumentNumber:
    return DocumentNumber(raw=raw, **symbol_parts(m, doc_type, raw)._asdict())


def symbol_parts(m: regex.Match[str], doc_type: str | None, raw: str) -> SymbolParts:
    """What :func:`from_match` holds, without building the model (a citation copies the fields)."""
    repairs: list[RepairName] = []
    # One call for all the groups, by number (``group_numbers``).
    number, party, ptype, pissuer, year_text, ltype, scodes = m.group(*_PARTS)
    _dash_repairs(raw, repairs)
    if party:
        if party.startswith("/"):
            repairs.append("slash-for-hyphen")
        elif not _PARTY_DASH.match(raw):
            # ``174 KL/TW``: the hyphen typed as a space, a missing hyphen rather than an extra space.
            repairs = [r for r in repairs if r != "extra-space" or _SPACED_SLASH.search(raw)]
            repairs.append("missing-hyphen")
        party_type = canonical_code(ptype, repairs)
        party_issuer = "-".join(canonical_code(c, repairs) for c in _split_codes(pissuer))
        symbol = f"{number}-{party_type}/{party_issuer}"
        return SymbolParts(number, None, party_type, party_issuer, symbol, "party", _unique(repairs))
    if year_text and len(year_text) > 4:
        slips = slip_years(year_text)
        year = slips.pop() if len(slips) == 1 else None
    else:
        year = int(year_text) if year_text else None
    codes = _split_codes(scodes)
    if ltype:
        legacy_type = canonical_code(ltype, repairs)
        issuers = "-".join(canonical_code(c, repairs) for c in codes)
        # After the layout was fixed (Thông tư 01/2011/TT-BNV): a slash typed for the hyphen.
        slip = year is not None and year >= _TYPE_BETWEEN_SLASHES_UNTIL
        if slip:
            repairs.append("slash-for-hyphen")
        head = f"{number}/{year_text}" if year_text else number
        symbol = f"{head}/{legacy_type}{'-' if slip else '/'}{issuers}"
        return SymbolParts(number, year, legacy_type, issuers, symbol, "state", _unique(repairs))
    type_code, issuer = _state_codes(codes, doc_type, repairs)
    issuer_code = "-".join(issuer) or None
    body = "-".join(x for x in (type_code, issuer_code) if x)
    symbol = f"{number}/{year_text}/{body}" if year_text else f"{number}/{body}"
    return SymbolParts(number, year, type_code, issuer_code, symbol, "state", _unique(repairs))


def dated(parts: SymbolParts, year: int | None) -> SymbolParts:
    """A symbol of the older layout, its type code between two slashes and no year in it
    (``180/KH/UBND``), cited with a date from the year the layout ``number/TYPE-ISSUER`` was
    fixed on: the second slash is a slip for the hyphen, as it is with a year in the symbol
    (``04/2020/TT/BTP``). Other symbols, and undated ones, as they are.

    >>> dated(symbol_parts(SYMBOL_RE.fullmatch("180/KH/UBND"), None, "180/KH/UBND"), 2025).symbol
    '180/KH-UBND'
    >>> dated(symbol_parts(SYMBOL_RE.fullmatch("527/TTLT/TTCP-BNV-UBKTTW"), None, ""), 2007).symbol
    '527/TTLT/TTCP-BNV-UBKTTW'

    A Party committee's or the Youth Union's code that the Party layout does not know
    (``ĐUK``, ``BCSĐ``, ``TĐTN``) is kept as written: its symbol is no state one.

    >>> dated(symbol_parts(SYMBOL_RE.fullmatch("45/NQ/ĐUK"), None, "45/NQ/ĐUK"), 2020).symbol
    '45/NQ/ĐUK'
    """
    if year is None or year < _TYPE_BETWEEN_SLASHES_UNTIL or parts.year is not None or not parts.type_code \
            or not parts.symbol.startswith(f"{parts.number}/{parts.type_code}/") \
            or _PARTY_OR_UNION_BODY.search(parts.issuer_code or ""):
        return parts
    return parts._replace(symbol=f"{parts.number}/{parts.type_code}-{parts.issuer_code}",
                          repairs=_unique([*parts.repairs, "slash-for-hyphen"]))


# Codes of Party committees and cells (``ĐU``, ``ĐUK``, ``ĐUCA``, ``BCSĐ``, ``ĐĐ``) and of the Youth
# Union (``TĐTN``, ``ĐTN``) that may stand after a type code between slashes.
_PARTY_OR_UNION_BODY = regex.compile(r"ĐU|BCSĐ|ĐĐ|ĐTN")


def parts_of(record: DocumentNumber | Citation) -> SymbolParts:
    """The symbol fields of a document's number or of a citation, as :func:`symbol_parts` gives them."""
    return SymbolParts(record.number or "", record.year, record.type_code, record.issuer_code, record.symbol or "",
                       record.convention or "state", list(record.repairs))


def dated_number(number: DocumentNumber, year: int | None) -> DocumentNumber:
    """A document's own number, as :func:`dated` repairs a cited symbol, by the document's year."""
    parts = parts_of(number)
    if not number.number or not number.symbol or (fixed := dated(parts, year)) is parts:
        return number
    return number.model_copy(update={"symbol": fixed.symbol, "repairs": fixed.repairs})


def written_forms(number: DocumentNumber) -> set[str]:
    """The document's own symbol, and as it was written when :func:`dated` repaired its slash:
    the forms in which the document may name itself.

    >>> sorted(written_forms(dated_number(parse_symbol("180/KH/UBND", "Kế hoạch"), 2025)))
    ['180/KH-UBND', '180/KH/UBND']
    """
    forms = {number.symbol} if number.symbol else set()
    if number.symbol and number.year is None and number.type_code and "slash-for-hyphen" in number.repairs:
        forms.add(number.symbol.replace(f"/{number.type_code}-", f"/{number.type_code}/", 1))
    return forms


def _state_codes(codes: list[str], doc_type: str | None,
                 repairs: list[RepairName]) -> tuple[str | None, list[str]]:
    """Split ``KH-UBND`` into type and issuer codes; ``KHUBND`` too (a missing hyphen)."""
    first = codes[0]
    expected, folded = _EXPECTED_CODES.get(fold(doc_type), ((), frozenset())) if doc_type else ((), frozenset())
    if first.casefold() in _TYPE_CODES and (len(codes) > 1 or not expected or first.casefold() in folded):
        return canonical_code(first, repairs), [canonical_code(c, repairs) for c in codes[1:]]
    # A missing hyphen: the type code of the cited type glued to a known issuer code; with no type
    # given (``parse_symbol("245/KHUBND")``), any type code so glued, when the whole is no known code.
    if doc_type is None and len(codes) == 1 and first.casefold() not in _CANON:
        expected = _TYPE_CODES_LONGEST_FIRST
    for code in expected:
        rest = first[len(code):]
        if first.casefold().startswith(code.casefold()) and rest.casefold() in _CANON:
            repairs.append("missing-hyphen")
            return canonical_code(first[: len(code)], repairs), [canonical_code(rest, repairs)] + [
                canonical_code(c, repairs) for c in codes[1:]]
    return None, [canonical_code(c, repairs) for c in codes]


def _unique(repairs: list[RepairName]) -> list[RepairName]:
    return list(dict.fromkeys(repairs))


# The codes of a number, whole: a match that would end inside them (``/BC-UBND về việc``) is none.
_CODES = rf"(?P<codes>{_CODE}(?:{_DASH}{_CODE})*+)(?![\p{{L}}\d])"
_BLANK = regex.compile(
    rf"^\s*(?:\.{{2,}}|…|_+)?\s*/\s*(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?{_CODES}"
    r"(?![ ]+\p{Ll})"  # a form's ``Số: /Viết tắt tên cơ quan-KL`` names no codes
)


# ``Số: 19.2012/GPXD``: a licence's number and year joined by a dot (``GP…`` codes only: in other
# symbols a dot there is a misread slash).
_DOTTED_YEAR = regex.compile(
    rf"^\s*(?P<num>\d{{1,6}})\.(?P<year>(?:19|20)\d\d)\s*/\s*(?=GP){_CODES}(?![ ]*/)"
)
# A number no one can read before the symbol's codes: a handwritten number the OCR read as
# specks (``2 §``) or digits with a gap (``3 39``), its slash read as ``)`` or ``⁄``; or specks
# alone before a slash read as one (``§ /BC-UBND``). The codes stand, the number is blank.
# Digits before a true slash (``12-/KH-UBND``, ``1 2/BC-UBND``) are print: no blank number.
_UNREAD = regex.compile(
    rf"^\s*(?:(?!\d+\s*[⁄)])[^\p{{L}}/⁄)]{{1,12}}?\s*[⁄)]|[^\w/⁄)]{{1,6}}/)\s*"
    rf"(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?{_CODES}(?![ ]+\p{{Ll}})"
)


def with_type_code(number: DocumentNumber, doc_type: str) -> DocumentNumber:
    """The document's own number with its first code as the type code when its type (from the
    header's type name) is not a Công văn: ``Số: .../NVKS-STTTT`` of a Kế hoạch, nhiệm vụ
    khảo sát is type ``NVKS`` of the issuer ``STTTT``, a code that no list knows. A Công văn's
    codes are all its issuer's (``12/UBND-VX``).

    >>> with_type_code(parse_own_number("/NVKS-STTTT"), "Kế hoạch").type_code
    'NVKS'
    >>> with_type_code(parse_own_number("12/UBND-VX"), "Công văn").issuer_code
    'UBND-VX'
    """
    if number.convention != "state" or number.type_code is not None or doc_type == "Công văn" \
            or not number.issuer_code or "-" not in number.issuer_code:
        return number
    type_code, issuer = number.issuer_code.split("-", 1)
    return number.model_copy(update={"type_code": type_code, "issuer_code": issuer})


def parse_own_number(raw: str, doc_type: str | None = None) -> DocumentNumber | None:
    """The document's own ``Số:`` value, which may have a blank number (``/BC-UBND``).

    >>> parse_own_number("/BC-UBND").type_code
    'BC'
    >>> parse_own_number("12/BC-UBND").number
    '12'
    >>> parse_own_number("/Viết tắt tên cơ quan-KL") is None
    True

    A number and its year joined by a dot; a number no one can read (its codes stand):

    >>> parse_own_number("19.2012/GPXD").symbol
    '19.2012/GPXD'
    >>> parse_own_number("2 § )BCA-C04").issuer_code, parse_own_number("3 39⁄C04-P6").number
    ('BCA-C04', None)
    """
    text = raw.strip()
    m = SYMBOL_RE.match(text)
    if m:
        return from_match(m, doc_type, m.group(0))
    number = None
    repairs: list[RepairName] = []
    if d := _DOTTED_YEAR.match(text):
        # ``Số: 19.2012/GPXD``: a building permit's number and year joined by a dot.
        b: regex.Match[str] = d
        number = d.group("num")
        if any(c.isspace() for c in d.group(0)):
            repairs.append("extra-space")
    elif (blank := _BLANK.match(text) or _UNREAD.match(text)) is not None:
        b = blank
    else:
        return None
    codes = _split_codes(b.group("codes"))
    type_code, issuer = _state_codes(codes, doc_type, repairs)
    year = int(b.group("year")) if b.group("year") else None
    issuer_code = "-".join(issuer) or None
    body = "-".join(x for x in (type_code, issuer_code) if x)
    return DocumentNumber(raw=b.group(0).strip(), number=number, year=year, type_code=type_code,
                          issuer_code=issuer_code, symbol=f"{number}.{year}/{body}" if number else None,
                          convention="state", repairs=_unique(repairs))
