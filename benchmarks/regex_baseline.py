"""A one-pass regex extractor: the script a user would write instead of this library.

It reads the text line by line once and, with a handful of compiled patterns, pulls out
what the library's records hold at their simplest: citations (type word, symbol, date,
``của`` authority), dates, figures with a unit, and numbered headings, as plain dicts.
No normalisation, no repairs, no resolution, no layout. ``bench_targets.py`` times
``parse_text`` against it: the ratio is what the library's care costs over the naive pass.

Run alone: .venv/bin/python benchmarks/regex_baseline.py FILE   (prints the record counts)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

_TYPES = ("Nghị quyết|Nghị định|Quyết định|Chỉ thị|Thông tư|Kế hoạch|Công văn|Báo cáo|Hướng dẫn|Thông báo|"
          "Kết luận|Quy định|Chương trình|Tờ trình|Luật|Văn bản")
CITATION = re.compile(
    rf"(?P<type>{_TYPES})\s+(?:số\s+)?(?P<symbol>\d+(?:/\d{{4}})?[/-][\w-]+(?:/[\w-]+)?)"
    r"(?:,?\s*ngày\s+(?P<date>\d{1,2}[/-]\d{1,2}[/-]\d{4}))?"
    r"(?:\s+của\s+(?P<authority>[^,.;:()\n]{3,80}))?", re.IGNORECASE)
DATE = re.compile(r"\b(?:(\d{1,2})[/-](\d{1,2})[/-](\d{4})|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))")
FIGURE = re.compile(r"(?<![\d/.,])(\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s*(%|hộ|người|nhân khẩu|ha|đảng viên|chi bộ|"
                    r"hồ sơ|thủ tục|lĩnh vực|dân tộc|tỷ đồng|triệu đồng)(?!\w)")
HEADING = re.compile(r"^\W*(?:(?P<roman>[IVXL]+)|(?P<num>\d+(?:\.\d+)*)|(?P<letter>[a-zđ]))[.)]\s+(?P<title>.+)")


def extract(text: str) -> dict[str, list[dict[str, Any]]]:
    """Every record kind in one pass over the lines."""
    out: dict[str, list[dict[str, Any]]] = {"citations": [], "dates": [], "figures": [], "sections": []}
    for line in text.splitlines():
        for m in CITATION.finditer(line):
            out["citations"].append({"type": m["type"], "symbol": m["symbol"], "date": m["date"],
                                     "authority": m["authority"]})
        for m in DATE.finditer(line):
            day, month, year = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
            out["dates"].append({"iso": f"{int(year):04d}-{int(month):02d}-{int(day):02d}"})
        for m in FIGURE.finditer(line):
            value = float(m[1].replace(".", "").replace(",", "."))
            out["figures"].append({"value": value, "unit": m[2]})
        h = HEADING.match(line)
        if h:
            kind = "roman" if h["roman"] else "num" if h["num"] else "letter"
            out["sections"].append({"number": h[kind], "title": h["title"].strip()[:200]})
    return out


if __name__ == "__main__":
    records = extract(Path(sys.argv[1]).read_text(encoding="utf-8"))
    print({kind: len(rows) for kind, rows in records.items()})
