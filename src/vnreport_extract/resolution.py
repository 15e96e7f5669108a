"""Resolution: merge citation mentions into the distinct documents they cite.

Mentions of the same symbol with compatible dates (equal, one missing, or two of one year:
one a slip) are one document; so are symbols that differ only by case, đ/d, spaces or dashes (``BCSDCP`` /
``BCSĐCP``), and near-identical symbols (rapidfuzz) that carry the same date, such as an
OCR slip. Two different numbers never merge. The fullest mention
(date, authority, subject known) gives the document its fields.
"""

from __future__ import annotations

import collections
import hashlib
import re
from dataclasses import dataclass, field

from .conventions.doc_types import NATIONAL_CODES
from .conventions.vocabulary import SUBJECT_RUN_ON_WORDS
from .extract.symbols import slip_years, slipped_year
from .models import Citation, CitedDocument
from .normalize import fold

SLIP_RATIO = 90.0
_NOT_KEY_ASCII = re.compile(r"[^A-Za-z0-9/]+")


@dataclass
class _Group:
    symbol: str
    number: str | None
    type_code: str | None
    year: int | None
    members: list[Citation] = field(default_factory=list)
    _dates: set[str] = field(default_factory=set)
    key: str = ""  # the symbol's _key
    # Kept as mentions join: compared with each new mention, never worked out again.
    years: set[int] = field(default_factory=set)
    authorities: set[str] = field(default_factory=set)  # folded

    def dates(self) -> set[str]:
        return self._dates

    def add(self, c: Citation) -> None:
        self.members.append(c)
        if self.year is None and c.year is not None and slipped_year(self.symbol) is not None:
            self.year = c.year  # a slip of several years is the one of the symbol cited right with it
        if c.date is not None and c.date.iso:
            self._dates.add(c.date.iso)
            if c.date.year is not None:
                self.years.add(c.date.year)
        if c.authority:
            self.authorities.add(fold(c.authority))


_RUN_ON = tuple(w.casefold() + " " for w in SUBJECT_RUN_ON_WORDS)


def _key(symbol: str) -> str:
    """Symbols equal but for case, đ/d, spaces, dashes and the number's leading zeros are the
    same symbol (``05/QĐ-UBND`` and ``5/QĐ-UBND``, ``07/2021/NĐ-CP`` and ``7/2021/ND-CP``).

    >>> _key("05/QĐ-UBND") == _key("5/qd-ubnd"), _key("07/2021/NĐ-CP") == _key("7/2021/ND-CP")
    (True, True)
    >>> _key("5/QĐ-UBND") == _key("50/QĐ-UBND")
    False
    """
    folded = fold(symbol).lstrip("0") or "0"
    if folded.isascii():  # (almost always) an ASCII letter or digit is what str.isalnum() keeps
        return _NOT_KEY_ASCII.sub("", folded)
    return "".join(ch for ch in folded if ch.isalnum() or ch == "/")


def _number_key(number: str | None) -> str | None:
    """A document's number without its leading zeros (``05`` is ``5``)."""
    return number.lstrip("0") or "0" if number else number


def _compatible(group: _Group, c: Citation, key: str) -> bool:
    """Whether ``c`` (whose symbol's _key is ``key``) mentions the group's document."""
    if _number_key(c.number) != _number_key(group.number) or (c.year and group.year and c.year != group.year):
        return False
    if c.type_code and group.type_code and fold(c.type_code) != fold(group.type_code):
        return False
    a, b = key, group.key
    if c.date is not None and c.date.iso and group.dates() and c.date.iso not in group.dates():
        # Another date of the same year under the very same symbol of a body the country has one
        # of is a slip of one of them (``296-QĐ/TW`` dated 30/5/2025 six times and 20/5/2025 once):
        # such a body numbers its documents afresh each year (a Party body each term). Every
        # province, district and commune has its ``UBND`` (``12/KH-UBND`` of Lâm Đồng and of Đức
        # Trọng), so its symbols do not say which body; nor do dates of other years.
        return (a == b and c.date.year is not None and c.date.year in group.years and national(c.issuer_code)
                and not (c.authority and group.authorities and fold(c.authority) not in group.authorities))
    if a == b or _year_slip(a, b):
        return True
    # A near-identical symbol is a slip only when the date vouches for it: undated, a
    # one-letter difference is as likely another body (BDVTW, central; BDVTU, provincial).
    same_date = c.date is not None and c.date.iso in group.dates()
    if not same_date:
        return False
    # Imported here: most reports never compare two different symbols of one date, and the
    # import costs a cold start about 15 ms.
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b) >= SLIP_RATIO


def _year_slip(a: str, b: str) -> bool:
    """Whether one of two symbols' keys is the other with its year typed a digit too long
    (``45/25010/NĐ-CP`` and ``45/2010/NĐ-CP``; see :func:`.extract.symbols.slip_years`).

    >>> slip, right = _key("28/20025/QĐ-TTg"), _key("28/2025/QĐ-TTg")
    >>> _year_slip(slip, right), _year_slip(right, slip)
    (True, True)
    >>> _year_slip(slip, _key("28/2025/QĐ-UBND")), _year_slip(slip, _key("28/2024/QĐ-TTg"))
    (False, False)
    """
    if len(a) == len(b):
        return False
    slip, other = (a, b) if len(a) > len(b) else (b, a)
    if (year := slipped_year(slip)) is None:
        return False
    s, o = slip.split("/"), other.split("/")
    return len(o) == 3 and s[0] == o[0] and s[2] == o[2] and o[1].isdigit() and int(o[1]) in slip_years(year)


def _without_overrun(subject: str, members: list[Citation]) -> str:
    """``subject``, or the longest other mention's subject that it starts with, up to a word's end: a
    subject read on into the report's own words (``tổ chức, hoạt động và quản lý hội chỉ quy định
    về việc ...``) and the same title where the sentence ended after it (``tổ chức, hoạt động và
    quản lý hội``) are one title, the shorter.

    >>> from vnreport_extract.extract.citations import extract_citations
    >>> cs = extract_citations("Nghị định số 126/2024/NĐ-CP về quản lý hội chỉ quy định việc; "
    ...                        "Nghị định số 126/2024/NĐ-CP về quản lý hội.")
    >>> _without_overrun(cs[0].subject or "", cs)
    'quản lý hội'
    """
    shorter = [c.subject for c in members if c.subject and len(c.subject) < len(subject)
               and subject.startswith(c.subject) and _runs_on(subject[len(c.subject):])]
    return max(shorter, key=len) if shorter else subject


def _runs_on(rest: str) -> bool:
    """Whether the words a subject has past another mention's are the report's sentence going on
    (SUBJECT_RUN_ON_WORDS), not more of the title (``phê duyệt Kế hoạch`` / ``... cải cách hành chính``).

    >>> _runs_on(" cho phù hợp với tình hình"), _runs_on(" cải cách hành chính năm 2025"), _runs_on(", quỹ từ thiện")
    (True, False, False)
    """
    return rest[:1] == " " and rest[1:].casefold().startswith(_RUN_ON)


def national(issuer_code: str | None) -> bool:
    """Whether a symbol's issuer code names a body the country has one of: the Party's central
    bodies (``TW``, ``VPTW``, ``BTCTW``), the Government and Prime Minister, the National
    Assembly, a ministry (``BCA``, ``BCA-C04``: by its first code); not a province's, district's or
    commune's (``UBND``, ``TU``, ``SNV``).

    >>> national("TW"), national("BCA-C04"), national("TTg"), national("UBND"), national("SNV"), national(None)
    (True, True, True, False, False, False)
    """
    if not issuer_code:
        return False
    first = fold(_first_code(issuer_code)).upper()
    return first.endswith("TW") or first in NATIONAL_CODES


def _first_code(code: str) -> str:
    """The first of a symbol's issuer codes (``BCA-C04`` → ``BCA``)."""
    return re.split(r"[-–—_&.]", code, maxsplit=1)[0]


def _fullness(c: Citation) -> tuple[int, int]:
    # Booleans add as 0 and 1: the count of known fields, without a generator for each mention.
    filled = (c.date is not None) + (c.authority is not None) + (c.subject is not None)
    return filled, -len(c.repairs)


@dataclass(frozen=True)
class Resolution:
    """What :func:`resolve` found: the distinct ``documents`` and, for each citation given
    (same order), the id of the document it mentions, or None (a named citation, a short
    one that matches no single full one)."""

    documents: list[CitedDocument]
    document_ids: list[str | None]


def resolve(citations: list[Citation]) -> Resolution:
    """Distinct cited documents, in order of first mention, and which citation mentions
    which. The citations are not changed.

    Short citations (``Chỉ thị 33``) join a full one of the same type and number when
    exactly one exists; otherwise, like named ones, they stand alone.

    >>> from vnreport_extract import parse_text
    >>> r = resolve(parse_text("Chỉ thị số 33/CT-TTg; Chỉ thị 33 của Thủ tướng").citations)
    >>> [(d.symbol, d.mentions) for d in r.documents], r.document_ids == [r.documents[0].id] * 2
    ([('33/CT-TTg', 2)], True)
    """
    if isinstance(citations, (str, bytes)) or not all(isinstance(c, Citation) for c in citations):
        given = type(citations).__name__ if isinstance(citations, (str, bytes)) else \
            f"a list holding {next(type(c).__name__ for c in citations if not isinstance(c, Citation))}"
        raise TypeError(f"resolve takes a report's citations (a list of Citation: report.citations), not {given}")
    ids: dict[int, str] = {}
    groups: list[_Group] = []
    by_number: dict[str | None, list[_Group]] = {}  # by _number_key
    keys: dict[str, str] = {}  # each symbol's _key: a report cites a few symbols again and again
    for c in citations:
        if c.kind != "full" or not c.symbol:
            continue
        key = keys.get(c.symbol)
        if key is None:
            key = keys[c.symbol] = _key(c.symbol)
        # Only a group of the same number can be compatible: the others are not tried.
        same_number = by_number.setdefault(_number_key(c.number), [])
        if slipped_year(c.symbol) is None:
            found = next((g for g in same_number if _compatible(g, c, key)), None)
        else:  # a year typed a digit too long joins the one document it can be, not the first of two
            fits = [g for g in same_number if _compatible(g, c, key)]
            found = fits[0] if len(fits) == 1 else None
        if found is None:
            found = _Group(c.symbol, c.number, c.type_code, c.year, key=key)
            groups.append(found)
            same_number.append(found)
        found.add(c)
    docs: list[CitedDocument] = []
    for g in groups:
        best = max(g.members, key=_fullness)
        if slipped_year(best.symbol) is not None:  # the fullest of those whose year is not a slip, if any
            best = max((c for c in g.members if slipped_year(c.symbol) is None), key=_fullness, default=best)
        # Of the ways one symbol is written that differ only by their marks (``20/NQ-HDND``, a slip
        # or an ASCII copy, and ``20/NQ-HĐND``), the one with its Vietnamese letters.
        written = {c.symbol for c in g.members if c.symbol}
        symbol = best.symbol
        if len(written) > 1 and symbol is not None:  # most documents are cited one way: nothing to choose
            folded = fold(symbol)
            symbol = max((w for w in written if fold(w) == folded),
                         key=lambda w: (sum(not ch.isascii() for ch in w), w == best.symbol))
        variants = sorted(written - {symbol})
        dated = [c.date for c in g.members if c.date is not None]
        # The fullest date most mentions give (the first of them on a tie): a slip is the odd one out.
        counts = collections.Counter(d.iso for d in dated)
        date = max(dated, key=lambda d: (d.day is not None, counts[d.iso])) if dated else None
        # By the symbol's key: the one document cited as ``05/QĐ-UBND`` in a report and ``5/QĐ-UBND``
        # (or ``5/QD-UBND``) in another has one id in both.
        # (A document first cited with a slip in its year has the id of its symbol as it should be,
        # when that can be told: 45/25010/NĐ-CP cited alone is 45/2010/NĐ-CP.)
        key = g.key
        if symbol is not None and slipped_year(g.members[0].symbol) is not None:
            # (The year a slip can only be is its citation's year: symbol_parts read it so.)
            slip = slipped_year(symbol)
            key = _key(symbol.replace(f"/{slip}/", f"/{best.year}/", 1) if slip and best.year else symbol)
        doc_id = "doc-" + hashlib.sha1(f"{key}|{date.iso if date else ''}".encode()).hexdigest()[:10]
        authority = best.authority or next((c.authority for c in g.members if c.authority), None)
        subject = best.subject or next((c.subject for c in g.members if c.subject), None)
        if subject is not None and len(g.members) > 1:
            subject = _without_overrun(subject, g.members)
        docs.append(CitedDocument(id=doc_id, symbol=symbol, doc_type=best.doc_type, date=date,
                                  authority=authority, subject=subject, mentions=len(g.members), variants=variants))
        for c in g.members:
            ids[id(c)] = doc_id
    by_type_number: dict[tuple[str, str], list[CitedDocument]] = {}
    for d, g in zip(docs, groups, strict=True):
        if d.doc_type and g.number:
            by_type_number.setdefault((fold(d.doc_type), _number_key(g.number) or ""), []).append(d)
    for c in citations:
        if c.kind == "short" and c.doc_type and c.number:
            matches = by_type_number.get((fold(c.doc_type), _number_key(c.number) or ""), [])
            if len(matches) == 1:
                ids[id(c)] = matches[0].id
                matches[0].mentions += 1
    return Resolution(docs, [ids.get(id(c)) for c in citations])
