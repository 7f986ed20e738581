"""The indexed link stage decides exactly what the all-pairs one did (kept as `ref_*` in tests).

Hand-made events drawn at random (seeded) from small pools of countries, places, series names,
words and dates close together, so that many pairs are near misses: the same day but another
place, the same countries but another round, windows of a month or a year, undated reports,
directed acts, negated reports of promises. Both implementations must give the same clusters
(members, scores, explanations), series (rounds, next round) and commitments.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib
import random
from typing import Any

import pytest
import ref_clusters
import ref_commitments
import ref_series

from communique.link.model import LinkEvent

# (`communique.link` itself exports the tables of the same names)
new_clusters, new_series, new_commitments = (importlib.import_module(f"communique.link.{name}")
                                             for name in ("clusters", "series", "commitments"))

COUNTRIES = ["KAZ", "USA", "UZB", "RUS", "CHN"]
PLACES = [(None, None), (None, None), ("Astana", "KAZ"), ("Washington, DC", "USA"), ("Washington", None),
          (None, "UZB"), ("Tashkent", "UZB"), ("Astana", None)]
SERIES = [None, None, None, "High-Level Dialogue", "the High-level Dialogue on Human Rights",
          "Strategic Dialogue", "Strategic Partnership Dialogue", "C5+1 Ministerial",
          "The The Strategic Dialogue"]
WORDS = ["trade", "energy", "security", "water", "border", "human", "rights", "reform", "transit", "grain",
         "visa", "climate", "media", "investment", "railway", "gas"]
TYPES = ["CONSULT", "CONSULT", "AGREE", "AID", "SUPPORT"]


def _events(seed: int, n: int) -> list[LinkEvent]:
    rng = random.Random(seed)
    base = dt.date(2023, 1, 1)
    hotspots = [base + dt.timedelta(days=rng.randrange(900)) for _ in range(12)]
    events: list[LinkEvent] = []
    doc = 0
    while len(events) < n:
        doc += 1
        doc_key = f"doc-{doc:04d}"
        doc_date = rng.choice(hotspots) + dt.timedelta(days=rng.randrange(-2, 40))
        for k in range(rng.randint(1, 3)):
            kind = rng.choice(TYPES)
            status = rng.choice(["occurred"] * 5 + ["planned"] * 3 + ["negated"])
            day = rng.choice(hotspots) + dt.timedelta(days=rng.randrange(-2, 5))
            if status != "occurred":
                day = doc_date + dt.timedelta(days=rng.randrange(1, 500))
            precision, basis, start, end = _date(rng, day, doc_date)
            parties = rng.sample(COUNTRIES, rng.choice([0, 1, 2, 2, 2, 3]))
            split = rng.randint(0, len(parties))
            actors, recipients = frozenset(parties[:split]), frozenset(parties[split:])
            name, place_country = rng.choice(PLACES)
            series = rng.choice(SERIES)
            events.append(LinkEvent(
                id=len(events) + 1, doc_key=doc_key, doc_sha=hashlib.sha256(doc_key.encode()).hexdigest(),
                doc_date=doc_date, event_key=f"e{k + 1}", type=kind, status=status,
                mode=rng.choice([None, None, None, "virtual"]), start=start, end=end, precision=precision,
                basis=basis, countries=actors | recipients, actors=actors, recipients=recipients,
                location_name=name, location_country=place_country, series_name=series,
                series_round=rng.choice([None, 1, 2, 3]) if series else None,
                series_frequency=rng.choice([None, "annual"]) if series else None,
                topics=rng.sample(WORDS, 2), words=frozenset(rng.sample(WORDS, rng.randint(3, 10)))))
    return events


def _date(rng: random.Random, day: dt.date, doc_date: dt.date) -> tuple[Any, Any, dt.date, dt.date]:
    kind = rng.choice(["day", "day", "day", "document", "none", "month", "year", "range"])
    if kind == "day":
        return "day", "text", day, day
    if kind == "document":
        return "day", "document", doc_date, doc_date
    if kind == "none":
        return None, None, doc_date, doc_date
    if kind == "month":
        first = day.replace(day=1)
        return "month", "text", first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    if kind == "year":
        return "year", "text", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    return "range", "text", day, day + dt.timedelta(days=rng.choice([10, 200, 700]))


def _run(items: list[LinkEvent], clusters: Any, series: Any, commitments: Any) -> dict[str, Any]:
    """What `relink` derives, in plain values (cluster objects by key)."""
    records = series.group_series(items)
    all_clusters = clusters.cluster_events(items)
    by_status: dict[str, list[Any]] = {}
    for cluster in all_clusters:
        by_status.setdefault(cluster.anchor.status, []).append(cluster)
    promises = commitments.judge(by_status.get("planned", []), by_status.get("occurred", []),
                                 by_status.get("negated", []), dt.date(2025, 6, 1))
    open_promises = [p for p in promises if p["status"] in ("pending", "overdue")]
    if hasattr(series, "build_timelines"):
        series.build_timelines(records, all_clusters, open_promises)
    else:
        for record in records:
            series.build_timeline(record, all_clusters, open_promises)
    return {
        "clusters": [(c.key, c.anchor.id, [m.id for m in c.members], c.links, sorted(c.documents))
                     for c in all_clusters],
        "series": [(r.key, r.name, sorted(r.countries), r.frequency, [e.id for e in r.events], r.rounds,
                    r.next_expected) for r in records],
        "commitments": [{**p, "anchor": p["anchor"].key,
                         "resolved_by_cluster": p["resolved_by_cluster"] and p["resolved_by_cluster"].key}
                        for p in promises],
        "series_keys": {e.id: e.series_key for e in items},
    }


@pytest.mark.parametrize("seed", range(8))
def test_link_indexed_matches_all_pairs_reference(seed):
    expected = _run(_events(seed, 500), ref_clusters, ref_series, ref_commitments)
    got = _run(_events(seed, 500), new_clusters, new_series, new_commitments)
    assert got["clusters"] == expected["clusters"]
    assert got["series"] == expected["series"]
    assert got["series_keys"] == expected["series_keys"]
    assert got["commitments"] == expected["commitments"]
    # the draw is rich enough to mean something: links, series and every promise outcome
    assert sum(len(c[2]) > 1 for c in got["clusters"]) >= 5
    assert len(got["series"]) >= 3
    assert {"fulfilled", "pending", "overdue"} <= {p["status"] for p in got["commitments"]}


@pytest.mark.parametrize("seed", range(3))
def test_link_indexed_ignores_input_order(seed):
    forward = _run(_events(seed, 400), new_clusters, new_series, new_commitments)
    shuffled = _events(seed, 400)
    random.Random(seed + 100).shuffle(shuffled)
    assert _run(shuffled, new_clusters, new_series, new_commitments) == forward


@pytest.mark.parametrize("seed", range(4))
def test_link_indexed_series_names_match_all_pairs_reference(seed):
    """Many dialogue names made of a few shared words: equal, contained, or merely overlapping."""
    rng = random.Random(seed)
    vocabulary = ["strategic", "dialogue", "partnership", "high", "level", "the", "economic", "council",
                  "security", "joint", "commission"]
    events = _events(seed, 300)
    for event in events:
        if rng.random() < 0.7:
            words = rng.sample(vocabulary, rng.randint(1, 4))
            event.series_name = " ".join(w.title() if rng.random() < 0.5 else w for w in words)
            event.countries = frozenset(rng.sample(COUNTRIES, rng.randint(0, 3)))
    expected = ref_series.group_series(_copies(events))
    got = new_series.group_series(_copies(events))
    assert [(r.key, r.name, [e.id for e in r.events]) for r in got] == \
        [(r.key, r.name, [e.id for e in r.events]) for r in expected]
    assert len(got) >= 10


def _copies(events: list[LinkEvent]) -> list[LinkEvent]:
    return [dataclasses.replace(e) for e in events]
