"""Event scoring as EXTRACTION.md section 4 defines it, for `communique eval`.

Gold and system documents are paired by `document.id` (else by the sha256 of the text). Per
document, system events are matched one-to-one to gold events when type (or a gold
alternative), status and participant countries agree, greedily: required gold first, then
larger evidence overlap, then exact type before an alternative. Optional gold events are neither
misses nor, when matched, false alarms. Attribute accuracies are taken on matched required
events where the gold gives a value.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SYMMETRIC_TYPES = ("CONSULT", "AGREE")
PRECISION_CHARS = {"day": 10, "month": 7, "year": 4}
NONE = "(none)"


@dataclass(slots=True)
class GoldOrSystemEvent:
    raw: dict[str, Any]
    type: str
    status: str
    alternatives: frozenset[str]
    optional: bool
    actors: frozenset[str]
    recipients: frozenset[str]
    has_recipients: bool
    spans: list[tuple[int, int]]


@dataclass(slots=True)
class Scores:
    """Counts and the figures derived from them."""

    totals: Counter = field(default_factory=Counter)
    per_type: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    status_confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    type_confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def figures(self) -> dict[str, Any]:
        t = self.totals
        p, r, f = prf(t["tp"], t["system"], t["tp"], t["gold"])
        out: dict[str, Any] = {
            "gold": t["gold"], "gold_optional": t["gold_optional"], "system": t["system"],
            "tp": t["tp"], "fp": t["system"] - t["tp"], "fn": t["gold"] - t["tp"],
            "event_precision": p, "event_recall": r, "event_f1": f,
        }
        for name in ("date", "location", "round", "evidence"):
            n = t[f"{name}_n"]
            key = f"{name}_accuracy" if name != "evidence" else "evidence_overlap"
            out[key] = t[f"{name}_ok"] / n if n else None
            out[f"{name}_n"] = n
        out["per_type"] = {}
        for type_, c in sorted(self.per_type.items()):
            tp_, tr_, tf_ = prf(c["tp_system"], c["system"], c["tp_gold"], c["gold"])
            out["per_type"][type_] = {"gold": c["gold"], "system": c["system"], "precision": tp_,
                                      "recall": tr_, "f1": tf_}
        out["status_confusion"] = {k: dict(v) for k, v in sorted(self.status_confusion.items())}
        out["type_confusion"] = {k: dict(v) for k, v in sorted(self.type_confusion.items())}
        return out


def prf(tp_p: int, n_p: int, tp_r: int, n_r: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty side is perfect only when the other is empty too."""
    p = tp_p / n_p if n_p else (1.0 if n_r == 0 else 0.0)
    r = tp_r / n_r if n_r else (1.0 if n_p == 0 else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load_documents(path: str | Path) -> list[dict[str, Any]]:
    """A folder of *.json / *.jsonl, a .jsonl file or a .json file (one document or a list)."""
    path = Path(path)
    files = sorted([*path.glob("*.json"), *path.glob("*.jsonl")]) if path.is_dir() else [path]
    docs: list[dict[str, Any]] = []
    for file in files:
        raw = file.read_text(encoding="utf-8").lstrip("\ufeff")
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
            docs.extend(data if isinstance(data, list) else [data])
        except json.JSONDecodeError:
            docs.extend(json.loads(line) for line in raw.splitlines() if line.strip())
    return [d for d in docs if isinstance(d, dict)]


def _countries(parts: Any) -> frozenset[str]:
    return frozenset(str(p["country"]).strip().upper() for p in parts or []
                     if isinstance(p, dict) and isinstance(p.get("country"), str) and p["country"].strip())


def _event(raw: dict[str, Any]) -> GoldOrSystemEvent:
    spans = [(s["start"], s["end"]) for s in raw.get("evidence") or []
             if isinstance(s, dict) and isinstance(s.get("start"), int) and isinstance(s.get("end"), int)
             and s["end"] > s["start"]]
    return GoldOrSystemEvent(
        raw=raw, type=str(raw.get("type") or "").upper(), status=str(raw.get("status") or "").lower(),
        alternatives=frozenset(str(a).upper() for a in raw.get("alternatives") or []),
        optional=raw.get("optional") is True, actors=_countries(raw.get("actors")),
        recipients=_countries(raw.get("recipients")), has_recipients=bool(raw.get("recipients")),
        spans=spans,
    )


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in _union(a) for s2, e2 in _union(b))


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def countries_agree(gold: GoldOrSystemEvent, system: GoldOrSystemEvent, rule_type: str) -> bool:
    """Symmetric types compare the whole country set; directed types need intersections."""
    if rule_type in SYMMETRIC_TYPES or (rule_type == "COOPERATE" and not gold.has_recipients):
        every = gold.actors | gold.recipients
        return not every or every == system.actors | system.recipients
    if gold.actors and not gold.actors & system.actors:
        return False
    return not (gold.recipients and not gold.recipients & system.recipients)


def _type_ok(g: GoldOrSystemEvent, s: GoldOrSystemEvent) -> bool:
    return s.type == g.type or s.type in g.alternatives


def _matches(g: GoldOrSystemEvent, s: GoldOrSystemEvent) -> bool:
    return _type_ok(g, s) and s.status == g.status and countries_agree(g, s, s.type)


def _status_only(g: GoldOrSystemEvent, s: GoldOrSystemEvent) -> bool:
    return _type_ok(g, s) and s.status != g.status and countries_agree(g, s, s.type)


def _type_only(g: GoldOrSystemEvent, s: GoldOrSystemEvent) -> bool:
    return not _type_ok(g, s) and s.status == g.status and countries_agree(g, s, g.type)


def greedy_pairs(gold: list[GoldOrSystemEvent], system: list[GoldOrSystemEvent],
                 accept: Any) -> list[tuple[int, int]]:
    candidates = sorted(
        (g.optional, -_overlap(g.spans, s.spans), s.type != g.type, gi, si)
        for gi, g in enumerate(gold) for si, s in enumerate(system) if accept(g, s)
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for *_, gi, si in candidates:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    return sorted(pairs)


def _date_ok(gold_date: dict[str, Any], system_date: Any) -> bool:
    value = gold_date["value"]
    n = PRECISION_CHARS.get(gold_date.get("precision"), len(value))
    sval = system_date.get("value") if isinstance(system_date, dict) else None
    return isinstance(sval, str) and len(sval) >= n and sval[:n] == value[:n]


def _name(name: Any) -> str | None:
    if not isinstance(name, str):
        return None
    kept = "".join(ch for ch in name.casefold() if not unicodedata.category(ch).startswith("P"))
    return " ".join(kept.split()) or None


def _attributes(g: dict[str, Any], s: dict[str, Any], totals: Counter) -> None:
    gdate = g.get("date")
    if isinstance(gdate, dict) and isinstance(gdate.get("value"), str) and gdate["value"]:
        totals["date_n"] += 1
        totals["date_ok"] += _date_ok(gdate, s.get("date"))
    gloc = g.get("location")
    if isinstance(gloc, dict):
        sloc = s.get("location") if isinstance(s.get("location"), dict) else {}
        country, name = gloc.get("country"), _name(gloc.get("name"))
        ok = True
        if isinstance(country, str) and country:
            ok = isinstance(sloc.get("country"), str) and sloc["country"].upper() == country.upper()
        if name:
            ok = ok and _name(sloc.get("name")) == name
        if (isinstance(country, str) and country) or name:
            totals["location_n"] += 1
            totals["location_ok"] += ok
    gser = g.get("series")
    if isinstance(gser, dict) and gser.get("round") is not None:
        totals["round_n"] += 1
        sround = (s.get("series") or {}).get("round") if isinstance(s.get("series"), dict) else None
        totals["round_ok"] += sround is not None and str(sround) == str(gser["round"])


def _doc_key(doc: dict[str, Any]) -> tuple[str | None, str | None]:
    meta = doc.get("document") or {}
    text = doc.get("text")
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest() if isinstance(text, str) else meta.get("sha256")
    return (str(meta["id"]) if meta.get("id") is not None else None), sha


def score(gold_docs: list[dict[str, Any]], system_docs: list[dict[str, Any]]) -> dict[str, Any]:
    """Section 4 figures for gold documents against system documents."""
    by_id: dict[str, dict[str, Any]] = {}
    by_sha: dict[str, dict[str, Any]] = {}
    for doc in system_docs:
        doc_id, sha = _doc_key(doc)
        if doc_id is not None:
            by_id.setdefault(doc_id, doc)
        if sha:
            by_sha.setdefault(sha, doc)
    scores = Scores()
    for gdoc in gold_docs:
        doc_id, sha = _doc_key(gdoc)
        sdoc = by_id.get(doc_id or "") or by_sha.get(sha or "")
        _score_document(gdoc, sdoc, scores)
    return scores.figures()


def _score_document(gdoc: dict[str, Any], sdoc: dict[str, Any] | None, scores: Scores) -> None:
    t = scores.totals
    gold = [_event(e) for e in gdoc.get("events") or [] if isinstance(e, dict)]
    system = [_event(e) for e in (sdoc or {}).get("events") or [] if isinstance(e, dict)]
    pairs = greedy_pairs(gold, system, _matches)
    g2s = dict(pairs)
    s2g = {si: gi for gi, si in pairs}
    for gi, g in enumerate(gold):
        if g.optional:
            t["gold_optional"] += 1
            continue
        t["gold"] += 1
        scores.per_type[g.type]["gold"] += 1
        if gi in g2s:
            t["tp"] += 1
            scores.per_type[g.type]["tp_gold"] += 1
            s = system[g2s[gi]]
            _attributes(g.raw, s.raw, t)
            t["evidence_n"] += bool(g.spans)
            t["evidence_ok"] += bool(g.spans) and _overlap(g.spans, s.spans) > 0
            scores.status_confusion[g.status][s.status] += 1
            scores.type_confusion[g.type][s.type] += 1
    for si, s in enumerate(system):
        if si in s2g and gold[s2g[si]].optional:
            continue
        t["system"] += 1
        scores.per_type[s.type]["system"] += 1
        scores.per_type[s.type]["tp_system"] += si in s2g
    rest_g = [g for gi, g in enumerate(gold) if gi not in g2s and not g.optional]
    rest_s = [s for si, s in enumerate(system) if si not in s2g]
    for table, accept, attr in ((scores.status_confusion, _status_only, "status"),
                                (scores.type_confusion, _type_only, "type")):
        near = greedy_pairs(rest_g, rest_s, accept)
        for a, b in near:
            table[getattr(rest_g[a], attr)][getattr(rest_s[b], attr)] += 1
        for a, g in enumerate(rest_g):
            if a not in {x for x, _ in near}:
                table[getattr(g, attr)][NONE] += 1
        for b, s in enumerate(rest_s):
            if b not in {y for _, y in near}:
                table[NONE][getattr(s, attr)] += 1


def format_report(figures: dict[str, Any]) -> str:
    """A readable report; the last line is `event_f1=0.xxx` like the shared scorer's."""
    def fmt(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.3f}"

    lines = ["Per type (recall by gold type, precision by system type):",
             f"  {'type':10s} {'gold':>5s} {'sys':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}"]
    for type_, c in figures["per_type"].items():
        lines.append(f"  {type_:10s} {c['gold']:5d} {c['system']:5d} {c['precision']:6.3f} "
                     f"{c['recall']:6.3f} {c['f1']:6.3f}")
    for title, key in (("Status confusion", "status_confusion"), ("Type confusion", "type_confusion")):
        lines += ["", f"{title} (gold -> system counts; {NONE} = missed / false alarm):"]
        for gold_value, row in figures[key].items():
            cells = ", ".join(f"{k} {v}" for k, v in sorted(row.items()))
            lines.append(f"  {gold_value:12s} {cells}")
    lines += [
        "", f"events: gold {figures['gold']} (+{figures['gold_optional']} optional), "
        f"system {figures['system']}, tp {figures['tp']}, fp {figures['fp']}, fn {figures['fn']}",
        f"precision {figures['event_precision']:.3f}  recall {figures['event_recall']:.3f}  "
        f"F1 {figures['event_f1']:.3f}",
        f"on matched: date {fmt(figures['date_accuracy'])} (n={figures['date_n']})  location "
        f"{fmt(figures['location_accuracy'])} (n={figures['location_n']})  round "
        f"{fmt(figures['round_accuracy'])} (n={figures['round_n']})  evidence overlap "
        f"{fmt(figures['evidence_overlap'])} (n={figures['evidence_n']})",
        f"event_f1={figures['event_f1']:.3f}",
    ]
    return "\n".join(lines)
