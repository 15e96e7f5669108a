"""The profile of a locality (khái quát chung) that a report states in its figures."""

from __future__ import annotations

from ..models import Demographics, Figure
from ..normalize import fold

# The kinds of figure a locality's profile states: a profile states two of them at least, close
# together (``diện tích tự nhiên 1.460,97 ha, với 860 hộ, 3.343 nhân khẩu``); one alone is a figure
# of something else (a Party statute's ``không đủ 3 đảng viên``, a minimum area ``3 ha``).
_UNIT_KINDS = {"nhân khẩu": "population", "khẩu": "population", "dân tộc": "ethnic", "chi bộ": "cells",
               "đảng viên": "members"}
# Figures of a profile follow one another within this many characters (a paragraph or two).
_PROFILE_GAP = 800
# Words right before a count that say what was done to it, not what the locality holds (``đã hỗ trợ 12
# hộ``, ``kết nạp mới 2 đảng viên``): no profile figure.
_DONE_TO = ("hỗ trợ", "kết nạp", "thăm", "tặng", "cấp", "xây", "sửa", "di dời", "vận động", "giúp", "giải quyết")
_DONE_REACH = 18


def _kind(f: Figure) -> str | None:
    """Which field of the profile the figure ``f`` may state (``area``, ``households``, ``poor
    households``, ``near poor rate`` ...), by its unit and subject; None for none.

    >>> from vnreport_extract.models import Figure
    >>> _kind(Figure(raw="62 hộ", start=0, end=5, value=62, unit="hộ", subject="hộ nghèo"))
    'poor households'
    """
    subject = fold(f.subject or "")
    poor = "near poor" if "can ngheo" in subject else "poor" if "ngheo" in subject else ""
    if f.unit == "%":
        return f"{poor} rate" if poor else None
    if f.unit == "hộ":
        return f"{poor} households" if poor else "households"
    if f.unit in ("ha", "km2", "km²"):
        return "area" if "dien tich" in subject or not subject else None
    if f.unit == "người":
        return "population" if "dan" in subject else None
    return _UNIT_KINDS.get(f.unit)


def _profile(figures: list[Figure], text: str | None) -> list[Figure]:
    """The figures of the locality's profile: the run of figures (each within _PROFILE_GAP of the
    one before) that states the most kinds of it, two at least; the figures before which the
    text (when given) says what was done to them are left out."""
    runs: list[list[Figure]] = []
    last_end = None
    for f in figures:
        if last_end is None or f.start - last_end > _PROFILE_GAP:
            runs.append([])
        runs[-1].append(f)
        last_end = f.end
    best: list[Figure] = []
    best_kinds = 1
    for run in runs:
        kinds = {kind for f in run if (kind := _kind(f)) is not None}
        if len(kinds) > best_kinds:
            best, best_kinds = run, len(kinds)
    if text is None:
        return best
    return [f for f in best if not any(w in text[max(0, f.start - _DONE_REACH):f.start].casefold() for w in _DONE_TO)]


def extract_demographics(figures: list[Figure], text: str | None = None) -> Demographics | None:
    """Area, households, population, ethnic groups, Party cells and members, poor and
    near-poor households from the first figures that state them in the locality's profile
    (see :func:`_profile`; ``text``, the report's, tells the counts of what was done); None when
    no run of figures states two kinds of it.

    >>> from vnreport_extract.models import Figure
    >>> f = Figure(raw="860 hộ", start=0, end=6, value=860, unit="hộ")
    >>> g = Figure(raw="3.343 nhân khẩu", start=8, end=23, value=3343, unit="nhân khẩu")
    >>> extract_demographics([f, g]).households, extract_demographics([f])
    (860, None)
    """
    first: dict[str, Figure] = {}  # the first figure of each kind
    for f in _profile(figures, text):
        if (kind := _kind(f)) is not None:
            first.setdefault(kind, f)

    def count(kind: str) -> int | None:
        return int(first[kind].value) if kind in first else None

    def rate(kind: str) -> float | None:
        return float(first[kind].value) if kind in first else None

    area = first.get("area")
    area_ha = float(area.value) * (100 if area.unit != "ha" else 1) if area is not None else None
    demo = Demographics(
        area_ha=area_ha, households=count("households"), population=count("population"),
        ethnic_groups=count("ethnic"), party_cells=count("cells"), party_members=count("members"),
        poor_households=count("poor households"), poor_household_rate=rate("poor rate"),
        near_poor_households=count("near poor households"), near_poor_household_rate=rate("near poor rate"),
    )
    if all(v is None for v in demo.model_dump().values()):
        return None
    return demo
