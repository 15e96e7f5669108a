"""The profile of a locality (khái quát chung) that a report states in its figures."""

from __future__ import annotations

from collections.abc import Callable

from ..models import Demographics, Figure
from ..normalize import fold


def _first(figures: list[tuple[Figure, str]], test: Callable[[Figure, str], bool]) -> Figure | None:
    return next((f for f, subject in figures if test(f, subject)), None)


def extract_demographics(figures: list[Figure]) -> Demographics | None:
    """Area, households, population, ethnic groups, Party cells and members, poor and
    near-poor households from the first figures that state them; None when none does.

    >>> from vnreport_extract.models import Figure
    >>> f = Figure(raw="860 hộ", start=0, end=6, value=860, unit="hộ")
    >>> extract_demographics([f]).households
    860
    """
    folded = [(f, fold(f.subject or "")) for f in figures]  # each subject folded once

    def count(f: Figure | None) -> int | None:
        return int(f.value) if f is not None else None

    def rate(f: Figure | None) -> float | None:
        return float(f.value) if f is not None else None

    area = _first(folded, lambda f, s: f.unit in ("ha", "km2", "km²") and ("dien tich" in s or not s))
    households = _first(folded, lambda f, s: f.unit == "hộ" and ("ngheo" not in s and "can ngheo" not in s))
    population = _first(folded, lambda f, s: f.unit in ("nhân khẩu", "khẩu") or (f.unit == "người" and "dan" in s))
    ethnic = _first(folded, lambda f, s: f.unit == "dân tộc")
    cells = _first(folded, lambda f, s: f.unit == "chi bộ")
    members = _first(folded, lambda f, s: f.unit == "đảng viên")
    near_poor = _first(folded, lambda f, s: f.unit == "hộ" and "can ngheo" in s)
    near_poor_rate = _first(folded, lambda f, s: f.unit == "%" and "can ngheo" in s)
    poor = _first(folded, lambda f, s: f.unit == "hộ" and "ngheo" in s and "can ngheo" not in s)
    poor_rate = _first(folded, lambda f, s: f.unit == "%" and "ngheo" in s and "can ngheo" not in s)
    area_ha = None
    if area is not None:
        area_ha = float(area.value) * (100 if area.unit != "ha" else 1)
    demo = Demographics(
        area_ha=area_ha, households=count(households), population=count(population),
        ethnic_groups=count(ethnic), party_cells=count(cells), party_members=count(members),
        poor_households=count(poor), poor_household_rate=rate(poor_rate),
        near_poor_households=count(near_poor), near_poor_household_rate=rate(near_poor_rate),
    )
    if all(v is None for v in demo.model_dump().values()):
        return None
    return demo
