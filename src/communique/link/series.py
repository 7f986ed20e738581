"""Dialogue series as records: which events belong to one recurring dialogue, and its rounds.

Events carrying a `series` are grouped when their names agree (equal once normalised, or one
name's words contained in the other's: "High-Level Dialogue" and "High-level Dialogue on
Human Rights ...") and their participant countries overlap, so the same name used by two
different pairs of countries ("Strategic Dialogue") stays two series. A round is a cluster of
occurred reports; a planned cluster is the next round expected.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from communique.link.clusters import Cluster
from communique.link.model import LinkEvent, normalise_series_name


@dataclass(slots=True)
class SeriesRecord:
    key: str
    name: str
    countries: frozenset[str]
    frequency: str | None
    events: list[LinkEvent] = field(default_factory=list)
    rounds: list[dict[str, Any]] = field(default_factory=list)
    next_expected: dict[str, Any] | None = None


def _names_agree(a: str, b: str) -> bool:
    x, y = normalise_series_name(a), normalise_series_name(b)
    if x == y:
        return True
    wx, wy = set(x.split()), set(y.split())
    shorter = wx if len(wx) <= len(wy) else wy
    return len(shorter) >= 2 and (wx <= wy or wy <= wx)


def _countries_overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return True
    shared = a & b
    return len(shared) >= 2 or (len(shared) >= 1 and min(len(a), len(b)) == 1)


def group_series(items: list[LinkEvent]) -> list[SeriesRecord]:
    """Union events with agreeing names and overlapping countries into series (deterministic).

    Events are first grouped by (normalised name, country set); only groups whose names could
    agree are compared (`_name_candidates`). Series are connected components, so the order of
    the unions does not matter, and records come out in the order of their first group."""
    members = sorted((e for e in items if e.series_name), key=lambda e: e.sort_key)
    groups: dict[tuple[str, frozenset[str]], list[LinkEvent]] = {}
    for event in members:
        groups.setdefault((normalise_series_name(event.series_name or ""), event.countries), []).append(event)
    nodes = sorted(groups, key=lambda k: (k[0], sorted(k[1])))
    parent = list(range(len(nodes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _name_candidates([name for name, _countries in nodes]):
        if _names_agree(nodes[i][0], nodes[j][0]) and _countries_overlap(nodes[i][1], nodes[j][1]):
            parent[find(i)] = find(j)
    merged: dict[int, list[LinkEvent]] = {}
    for i, node in enumerate(nodes):
        merged.setdefault(find(i), []).extend(groups[node])
    records = []
    for group in merged.values():
        group.sort(key=lambda e: e.sort_key)
        name = max((e.series_name or "" for e in group), key=lambda n: (len(n), n))
        countries = frozenset().union(*(e.countries for e in group))
        frequencies = Counter(e.series_frequency for e in group if e.series_frequency)
        frequency = min(frequencies, key=lambda f: (-frequencies[f], f)) if frequencies else None
        key = _slug(name) + ("--" + "-".join(sorted(countries)).lower() if countries else "")
        record = SeriesRecord(key=key, name=name, countries=countries, frequency=frequency, events=group)
        for event in group:
            event.series_key = key
        records.append(record)
    return sorted(records, key=lambda r: r.key)


def _name_candidates(names: list[str]) -> list[tuple[int, int]]:
    """Pairs (i, j), j < i, of names that could agree: equal once normalised, or one's words all
    in the other's. Such a pair shares the shorter name's rarest word, so each name is paired
    with the names holding its rarest word. Names are normalised again, as `_names_agree` does."""
    names = [normalise_series_name(name) for name in names]
    words = [frozenset(name.split()) for name in names]
    holders: dict[str, list[int]] = {}
    by_name: dict[str, list[int]] = {}
    for i, ws in enumerate(words):
        by_name.setdefault(names[i], []).append(i)
        for w in ws:
            holders.setdefault(w, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for i, ws in enumerate(words):
        found = set(by_name[names[i]])
        if ws:
            found.update(holders[min(ws, key=lambda w: (len(holders[w]), w))])
        pairs.update((i, j) if j < i else (j, i) for j in found if j != i)
    return sorted(pairs)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:300]


def build_timelines(records: list[SeriesRecord], clusters: list[Cluster],
                    pending: list[dict[str, Any]]) -> None:
    """`build_timeline` for every record, each reading only its own clusters and commitments
    (found through an event → cluster index) instead of all of them."""
    position_of = {m.id: i for i, cluster in enumerate(clusters) if cluster.anchor.status == "occurred"
                   for m in cluster.members}
    by_series: dict[str, list[dict[str, Any]]] = {}
    for item in pending:
        by_series.setdefault(item["series_key"], []).append(item)
    for record in records:
        positions = sorted({position_of[e.id] for e in record.events if e.id in position_of})
        build_timeline(record, [clusters[i] for i in positions], by_series.get(record.key, []))


def build_timeline(record: SeriesRecord, clusters: list[Cluster], pending: list[dict[str, Any]]) -> None:
    """Fill `record.rounds` from its occurred clusters and `next_expected` from open commitments."""
    ids = {e.id for e in record.events}
    rounds: dict[Any, dict[str, Any]] = {}
    for cluster in clusters:
        if cluster.anchor.status != "occurred" or not any(m.id in ids for m in cluster.members):
            continue
        number = max((m.series_round for m in cluster.members if m.series_round is not None), default=None)
        best = min(cluster.members,
                   key=lambda m: (not m.dated, {"day": 0, "month": 1}.get(m.precision or "", 2), m.sort_key))
        key = number if number is not None else f"{best.start.isoformat()}:{cluster.key}"
        entry = rounds.setdefault(key, {"round": number, "date": best.start.isoformat(),
                                        "date_precision": best.precision, "location": None, "topics": [],
                                        "cluster_keys": [], "event_ids": [], "documents": []})
        entry["cluster_keys"].append(cluster.key)
        for member in sorted(cluster.members, key=lambda m: m.sort_key):
            entry["event_ids"].append(member.id)
            if member.doc_key not in entry["documents"]:
                entry["documents"].append(member.doc_key)
            if entry["location"] is None and member.location_name:
                entry["location"] = member.location_name
            for topic in member.topics:
                if topic not in entry["topics"] and len(entry["topics"]) < 20:
                    entry["topics"].append(topic)
    record.rounds = sorted(rounds.values(), key=lambda r: (r["date"], r["round"] or 0))
    last_round = max((r["round"] for r in record.rounds if r["round"] is not None), default=None)
    open_items = [c for c in pending if c["series_key"] == record.key]
    if open_items:
        nxt = min(open_items, key=lambda c: (c["due_start"] or c["promised_on"], c["key"]))
        record.next_expected = {
            "round": nxt["series_round"] or (last_round + 1 if last_round is not None else None),
            "due": nxt["due_value"], "due_start": _iso(nxt["due_start"]), "due_end": _iso(nxt["due_end"]),
            "location": nxt["location_name"], "status": nxt["status"], "commitment_key": nxt["key"],
            "basis": "announced",
        }
    elif record.frequency == "annual" and record.rounds:
        year = int(record.rounds[-1]["date"][:4]) + 1
        record.next_expected = {"round": last_round + 1 if last_round is not None else None, "due": str(year),
                                "due_start": f"{year}-01-01", "due_end": f"{year}-12-31", "location": None,
                                "status": None, "commitment_key": None, "basis": "frequency"}


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None
