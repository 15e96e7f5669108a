"""Scoring of parser output against hand-made gold files.

The same rules as the project's evaluation scorer (``tools/score.py`` of the
development corpus): values only, never offsets; symbols compared case- and
đ/d-insensitively with leading zeros dropped; section titles on their first 60
characters with a fuzzy ratio >= 85; metadata titles fuzzy >= 90.
"""

from __future__ import annotations

import collections
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

Json = dict[str, Any]


def norm_text(s: str | None) -> str:
    s = unicodedata.normalize("NFC", s or "").casefold()
    s = re.sub(r"[*#“”\"'`]", "", s)
    return re.sub(r"\s+", " ", s).strip(" :.;")


def norm_symbol(s: str | None) -> str:
    s = unicodedata.normalize("NFC", s or "").casefold().replace("đ", "d")
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)
    s = re.sub(r"\s+", "", s)
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", s)


def iso_of(d: Any) -> str | None:
    if d is None:
        return None
    if isinstance(d, str):
        return d
    return d.get("iso")  # type: ignore[no-any-return]


def prf(gold: collections.Counter[Any], pred: collections.Counter[Any]) -> Json:
    tp = sum((gold & pred).values())
    g, p = sum(gold.values()), sum(pred.values())
    prec = tp / p if p else (1.0 if not g else 0.0)
    rec = tp / g if g else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"p": round(prec, 3), "r": round(rec, 3), "f1": round(f1, 3), "gold": g, "pred": p,
            "missed": list((gold - pred).elements())[:20], "extra": list((pred - gold).elements())[:20]}


def walk_sections(secs: list[Json] | None, out: list[Json] | None = None) -> list[Json]:
    out = [] if out is None else out
    for s in secs or []:
        out.append(s)
        walk_sections(s.get("children"), out)
    return out


def score_sections(gold: list[Json], pred_tree: list[Json], max_level: int) -> Json:
    pred = [s for s in walk_sections(pred_tree) if (s.get("level") or 99) <= max_level]
    used = [False] * len(pred)
    tp = 0
    missed = []
    for g in gold:
        gt = norm_text(g["title"])[:60]
        hit = None
        for i, s in enumerate(pred):
            if used[i] or str(s.get("number")) != str(g["number"]) or s.get("level") != g["level"]:
                continue
            if fuzz.ratio(gt, norm_text(s.get("title"))[: len(gt)]) >= 85:
                hit = i
                break
        if hit is None:
            missed.append(f'{g["number"]} {g["title"][:40]}')
        else:
            used[hit] = True
            tp += 1
    extra = [f'{s.get("number")} {(s.get("title") or "")[:40]}' for i, s in enumerate(pred) if not used[i]]
    p, r = (tp / len(pred) if pred else 0.0), (tp / len(gold) if gold else 1.0)
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "gold": len(gold), "pred": len(pred), "missed": missed[:20], "extra": extra[:20]}


def score_metadata(gold: Json, pred: Json) -> Json:
    res: dict[str, bool] = {}

    def put(name: str, g: Any, p: Any, fuzzy: bool = False) -> None:
        if g is None:
            return
        if fuzzy:
            res[name] = fuzz.ratio(norm_text(g), norm_text(p)) >= 90
        else:
            res[name] = norm_text(str(g)) == norm_text(str(p)) if p is not None else False

    put("issuer", gold.get("issuer"), pred.get("issuer"))
    put("place", gold.get("place"), pred.get("place"))
    put("date", gold.get("date"), iso_of(pred.get("date")))
    put("doc_type", gold.get("doc_type"), pred.get("doc_type"))
    put("title", gold.get("title"), pred.get("title"), fuzzy=True)
    gn, pn = gold.get("number") or {}, pred.get("number") or {}
    for k in ("number", "type_code", "issuer_code"):
        if gn.get(k) is not None:
            put("number." + k, gn.get(k), pn.get(k))
    gs, ps = gold.get("signer") or {}, pred.get("signer") or {}
    for k in ("name", "position"):
        put("signer." + k, gs.get(k), ps.get(k))
    if gold.get("recipients"):
        r = prf(collections.Counter(norm_text(x) for x in gold["recipients"]),
                collections.Counter(norm_text(x) for x in pred.get("recipients") or []))
        res["recipients"] = r["f1"] >= 0.8
    return {"acc": round(sum(res.values()) / len(res), 3) if res else None, "fields": res}


def load_gold(path: Path) -> Json:
    """A gold file, with the citations and dates of its footnotes (NAME.footnotes.gold.json) added."""
    gold: Json = json.loads(path.read_text(encoding="utf-8"))
    extra = path.with_name(path.name.replace(".gold.json", ".footnotes.gold.json"))
    if extra.exists():
        fn = json.loads(extra.read_text(encoding="utf-8"))
        for key in ("citations", "dates"):
            gold[key] = gold.get(key, []) + fn.get(key, [])
        known = {d["symbol"]: d for d in gold.get("documents", [])}
        for d in fn.get("documents", []):
            if d["symbol"] in known:
                known[d["symbol"]]["mentions"] += d["mentions"]
            else:
                gold.setdefault("documents", []).append(dict(d))
    return gold


def score(gold: Json, pred: Json, doc: str = "") -> Json:
    if doc.endswith((".txt", ".md")):  # numbers only Word's auto-numbering shows are not in plain text
        gold = dict(gold, sections=[s for s in gold.get("sections", []) if not s.get("docx_numbering")])
    out: Json = {}
    pred = with_attachments(pred)  # the gold lists everything in the file, attached documents included
    own = {norm_symbol(x.get("symbol")) for x in gold.get("self_references", []) if isinstance(x, dict)}
    own |= {norm_symbol(m) for x in gold.get("self_references", []) if isinstance(x, dict)
            for m in re.findall(r"\d+(?:/\d{4})?/[^\s,;)]+", x.get("raw") or "")}
    # A self-reference (``Kèm theo Quyết định số ...``) is neutral.
    full = [c for c in pred.get("citations") or [] if (c.get("kind") or "full") == "full" and c.get("symbol")
            and norm_symbol(c["symbol"]) not in own]
    out["citations"] = prf(collections.Counter(norm_symbol(c["symbol"]) for c in gold.get("citations", [])),
                           collections.Counter(norm_symbol(c["symbol"]) for c in full))
    out["citation_dates"] = prf(
        collections.Counter((norm_symbol(c["symbol"]), c.get("date")) for c in gold.get("citations", [])),
        collections.Counter((norm_symbol(c["symbol"]), iso_of(c.get("date"))) for c in full))
    out["documents"] = prf(
        collections.Counter({norm_symbol(d["symbol"]): 1 for d in gold.get("documents", [])}),
        collections.Counter({norm_symbol(d.get("symbol")): 1 for d in pred.get("documents") or [] if d.get("symbol")
                             and norm_symbol(d.get("symbol")) not in own}))
    out["dates"] = prf(
        collections.Counter(d["iso"] for d in gold.get("dates", []) if d["kind"] in ("date", "month")),
        collections.Counter(iso_of(d.get("value")) for d in pred.get("dates") or [] if d.get("kind") in ("date", "month")))
    out["sections"] = score_sections(gold.get("sections", []), pred.get("sections") or [],
                                     gold.get("max_section_level", 3))
    if "figures" in gold:
        def unit_key(u: str | None) -> str:
            t = norm_text(u)
            return t.split(" ")[0] if t else ""
        out["figures"] = prf(
            collections.Counter((round(float(f["value"]), 4), unit_key(f["unit"])) for f in gold["figures"]),
            collections.Counter((round(float(f["value"]), 4), unit_key(f.get("unit"))) for f in pred.get("figures") or []
                                if f.get("value") is not None))
    out["metadata"] = score_metadata(gold.get("metadata") or {}, pred.get("metadata") or {})
    gsat = [r for t in gold.get("tables", []) for r in (t.get("satisfaction") or [])]
    if gsat:
        def key(r: Json) -> tuple[Any, ...]:
            return tuple((r.get(k) or {}).get("count") for k in ("very_satisfied", "satisfied", "neutral", "dissatisfied"))
        psat = [r for t in pred.get("tables") or [] for r in (t.get("satisfaction") or [])]
        out["satisfaction_rows"] = prf(collections.Counter(key(r) for r in gsat), collections.Counter(key(r) for r in psat))
    if "tables" in gold:  # data tables by their size, header rows included
        def shape(t: Json) -> tuple[int, int]:
            rows = list(t.get("header") or []) + list(t.get("rows") or [])
            return len(rows), max((len(r) for r in rows), default=0)
        out["tables"] = prf(collections.Counter((t["n_rows"], t["n_cols"]) for t in gold["tables"] if "n_rows" in t),
                            collections.Counter(shape(t) for t in pred.get("tables") or []))
    if gold.get("demographics"):
        pd = pred.get("demographics") or {}
        ok = [k for k, v in gold["demographics"].items() if pd.get(k) is not None and abs(float(pd[k]) - float(v)) < 1e-6]
        out["demographics"] = {"acc": round(len(ok) / len(gold["demographics"]), 3)}
    return out


def with_attachments(d: Json) -> Json:
    out = dict(d)
    for att in d.get("attachments") or []:
        att = with_attachments(att)
        for key in ("citations", "documents", "dates", "sections", "figures", "tables"):
            out[key] = list(out.get(key) or []) + list(att.get(key) or [])
    return out


def agreement(a: Json, b: Json) -> Json:
    """How far output b (e.g. from a PDF) agrees with output a (e.g. from the DOCX of the same document)."""
    a, b = with_attachments(a), with_attachments(b)

    def cits(d: Json) -> collections.Counter[str]:
        return collections.Counter(norm_symbol(c["symbol"]) for c in d.get("citations") or [] if c.get("symbol"))

    def dates(d: Json) -> collections.Counter[Any]:
        return collections.Counter(iso_of(x.get("value")) for x in d.get("dates") or [] if x.get("kind") in ("date", "month"))

    def secs(d: Json) -> collections.Counter[Any]:
        return collections.Counter((str(s.get("number")), s.get("level")) for s in walk_sections(d.get("sections")))

    return {"citations": prf(cits(a), cits(b)), "dates": prf(dates(a), dates(b)), "sections": prf(secs(a), secs(b))}


def gold_as_output(gold: Json) -> Json:
    """A gold file in the shape of parser output, to score one annotation against another."""
    return {
        "citations": [dict(c, kind="full") for c in gold.get("citations", [])],
        "documents": gold.get("documents", []),
        "dates": [{"kind": d["kind"], "value": {"iso": d["iso"]}} for d in gold.get("dates", [])],
        "sections": gold.get("sections", []),
        "metadata": gold.get("metadata") or {},
        "tables": gold.get("tables", []),
    }
