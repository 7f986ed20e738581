"""Cross-article event clustering: one cluster per occasion, every source kept, each link explained.

Two reports are the same occasion when they have the same type and status, come from
different documents, have agreeing participants (all countries for meetings and agreements;
actors with actors and recipients with recipients for directed acts), compatible dates (a few
days apart when a day is known, to allow for readouts published the day after) and no
conflicting place, mode or series round — and something ties them beyond type, countries and
a nearby day: the same series, the same place, the same stated day between the same two or
more countries, or else identical participants and similar wording at most a day apart.
(Read on the Central Asia corpus, looser rules merged unrelated statements of one government
on consecutive days.) Among the clusters that qualify, the highest score wins, text
similarity breaking ties; an event must be compatible with every member of the cluster it
joins. Events are visited in content order
(date, document, event key), so the result is the same whatever order articles arrived in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from communique.link.model import (
    SYMMETRIC_TYPES,
    LinkEvent,
    countries_agree,
    jaccard,
    normalise_series_name,
    places_compatible,
    same_participants,
)

DAY_TOLERANCE = 3  # days between two day-precise reports of one occasion
# Without a shared series, place or stated day, two reports are one occasion only when their
# participants are the same and their words agree this much (evidence, topics, series, place):
WEAK_LINK_SIMILARITY = 0.15  # for meetings and agreements between the same two or more countries
WEAK_LINK_SIMILARITY_OTHER = 0.3  # for everything else (statements, aid, one-country acts)
WEAK_LINK_SHARED_WORDS = 6  # and they share at least this many content words (short texts mislead)
WEAK_LINK_DAYS = 1  # and are at most this many days apart
MAX_SPAN = dt.timedelta(days=400)  # a cluster's anchor is never further back than this


@dataclass(slots=True)
class Cluster:
    anchor: LinkEvent
    members: list[LinkEvent] = field(default_factory=list)
    links: dict[int, tuple[float, dict[str, Any]]] = field(default_factory=dict)
    key: str = ""  # stable across runs: from the anchor's document hash and event id
    documents: set[str] = field(default_factory=set)
    reach: dt.date = dt.date.max  # the last start a further member may have (see `_reach`)

    def __post_init__(self) -> None:
        self.key = "c-" + self.anchor.stable_id.replace(":", "-")
        self.documents = {m.doc_key for m in self.members}
        self.reach = min((_reach(m) for m in self.members), default=dt.date.max)

    def add(self, event: LinkEvent, score: float, explanation: dict[str, Any]) -> None:
        self.members.append(event)
        self.reach = min(self.reach, _reach(event))
        self.documents.add(event.doc_key)
        self.links[event.id] = (score, explanation)


def compare(a: LinkEvent, b: LinkEvent) -> tuple[float, list[str]] | None:
    """Score how likely `b` reports the same occasion as `a`, with reasons; None when it cannot."""
    if a.type != b.type or a.status != b.status or a.doc_key == b.doc_key:
        return None
    if _day_precise(a) and _day_precise(b) and abs((a.start - b.start).days) > DAY_TOLERANCE:
        return None  # the common case, decided before anything costlier
    reasons = [f"same type {a.type} and status {a.status}"]
    score = 1.0
    if a.mode and b.mode and a.mode != b.mode:
        return None
    agree = countries_agree(a, b)
    if agree == 0.0:
        return None
    if agree is not None:
        score += agree
        reasons.append(f"participants {' '.join(sorted(a.countries))} / {' '.join(sorted(b.countries))}")
    series_match = False
    if a.series_name and b.series_name:
        if normalise_series_name(a.series_name) != normalise_series_name(b.series_name) and not (
                jaccard(set(normalise_series_name(a.series_name).split()),
                        set(normalise_series_name(b.series_name).split())) >= 0.6):
            return None
        if a.series_round is not None and b.series_round is not None and a.series_round != b.series_round:
            return None
        series_match = True
        score += 1.0
        round_text = f" round {a.series_round}" if a.series_round else ""
        reasons.append(f"same series {a.series_name!r}{round_text}")
    place = places_compatible(a.location_name, a.location_country, b.location_name, b.location_country)
    if place is False:
        return None
    if place:
        score += 1.0
        reasons.append(f"same place {a.location_name or a.location_country}")
    date_score = _date_score(a, b, weak_ok=series_match or bool(place))
    if date_score is None:
        return None
    score += date_score[0]
    reasons.append(date_score[1])
    similarity = jaccard(a.words, b.words)
    # a day stated in both texts ties two reports only between the same two or more countries
    # (one government's statements, or unrelated acts of one day, need similar wording too)
    gap = abs((a.start - b.start).days)
    stated_day = (a.dated and b.dated and a.precision == "day" and b.precision == "day" and gap <= 1
                  and len(a.countries) >= 2 and same_participants(a, b))
    if not (series_match or place or stated_day):
        if gap > WEAK_LINK_DAYS:
            return None  # readouts of one call come out the same day or the next
        needed = (WEAK_LINK_SIMILARITY if a.type in SYMMETRIC_TYPES and len(a.countries) >= 2
                  else WEAK_LINK_SIMILARITY_OTHER)
        shared = len(a.words & b.words)
        if not same_participants(a, b) or similarity < needed or shared < WEAK_LINK_SHARED_WORDS:
            return None  # type, participants and a nearby day alone are too weak for one occasion
        reasons.append("same participants, no place or series to compare")
    elif agree is None and not (series_match or place):
        return None
    score += 0.5 * similarity
    reasons.append(f"text similarity {similarity:.2f}")
    return round(score, 3), reasons


def _day_precise(event: LinkEvent) -> bool:
    return event.precision == "day" or not event.dated


def _date_score(a: LinkEvent, b: LinkEvent, *, weak_ok: bool) -> tuple[float, str] | None:
    if a.precision == "day" and b.precision == "day" or not (a.dated and b.dated):
        gap = abs((a.start - b.start).days)
        if gap > DAY_TOLERANCE:
            return None
        return 1.0 - gap / (DAY_TOLERANCE + 1), f"dates {gap} day(s) apart"
    if a.start <= b.end and b.start <= a.end:
        return (0.5, f"date windows overlap ({a.start}..{a.end} / {b.start}..{b.end})") if weak_ok else None
    return None


def _reach(event: LinkEvent) -> dt.date:
    """The last day a later-visited report can still be compared with `event`: within
    DAY_TOLERANCE of its start, or inside its date window (see `_date_score`)."""
    return max(event.start + dt.timedelta(days=DAY_TOLERANCE), event.end)


class _Bucket:
    """The clusters of one (type, status), indexed for candidate lookup, so an event is compared
    only with clusters that could take it instead of every cluster of the last 400 days.

    Events are visited by start date, so a cluster whose reach (the earliest `_reach` of its
    members; every member must accept the event) has passed, or whose anchor is older than
    MAX_SPAN, can never take a later event and is dropped from the lists. Meetings and
    agreements are indexed by the anchor's country set (one country) or each pair of its
    countries: `countries_agree` wants equal sets or two shared countries. Directed acts are
    indexed by each actor country and each recipient country (or "none" on a side): actors must
    share a country when both sides name actors, and so must recipients."""

    def __init__(self, symmetric: bool) -> None:
        self.symmetric = symmetric
        self.all: list[Cluster] = []
        self.by_key: dict[Any, list[Cluster]] = {}
        self.without_country: list[Cluster] = []

    def add(self, cluster: Cluster) -> None:
        self.all.append(cluster)
        anchor = cluster.anchor
        if not anchor.countries:
            self.without_country.append(cluster)
        elif self.symmetric:
            for key in _symmetric_keys(anchor.countries):
                self.by_key.setdefault(key, []).append(cluster)
        else:
            for side, countries in (("a", anchor.actors), ("r", anchor.recipients)):
                for country in sorted(countries) or [None]:
                    self.by_key.setdefault((side, country), []).append(cluster)

    def candidates(self, event: LinkEvent) -> list[Cluster]:
        """Clusters that could take `event` (a superset: `compare` decides), in key order."""
        bound = event.start - MAX_SPAN
        found: dict[str, Cluster] = {}
        keys = self._keys(event)
        if keys is None:
            self.all = self._live(self.all, event.start, bound, found)
        else:
            for key in keys:
                clusters = self.by_key.get(key)
                if clusters is not None:
                    self.by_key[key] = self._live(clusters, event.start, bound, found)
            self.without_country = self._live(self.without_country, event.start, bound, found)
        # as before indexing: only clusters whose anchor shares a country (or either names none)
        return [found[k] for k in sorted(found) if not event.countries or not found[k].anchor.countries
                or found[k].anchor.countries & event.countries]

    def _keys(self, event: LinkEvent) -> list[Any] | None:
        """The lists to read for `event`, None for all (it names no country, or no side)."""
        if not event.countries:
            return None
        if self.symmetric:
            return _symmetric_keys(event.countries)
        if not (event.actors or event.recipients):
            return None
        side, countries = ("a", event.actors) if event.actors else ("r", event.recipients)
        return [(side, c) for c in sorted(countries)] + [(side, None)]

    @staticmethod
    def _live(clusters: list[Cluster], day: dt.date, bound: dt.date,
              found: dict[str, Cluster]) -> list[Cluster]:
        kept = []
        for cluster in clusters:
            if cluster.reach >= day and cluster.anchor.start >= bound:
                kept.append(cluster)
                found[cluster.key] = cluster
        return kept


def _symmetric_keys(countries: frozenset[str]) -> list[Any]:
    if len(countries) < 2:
        return [countries]
    ordered = sorted(countries)
    return [(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:]]


def cluster_events(items: list[LinkEvent]) -> list[Cluster]:
    """Group events into clusters (singletons included), deterministic in the events' content."""
    buckets: dict[tuple[str, str], _Bucket] = {}
    result: list[Cluster] = []
    for event in sorted(items, key=lambda e: e.sort_key):
        bucket = buckets.get((event.type, event.status))
        if bucket is None:
            bucket = buckets[(event.type, event.status)] = _Bucket(event.type in SYMMETRIC_TYPES)
        best: tuple[float, str, Cluster, list[str], LinkEvent] | None = None
        candidates = bucket.candidates(event)
        if not (event.series_name or event.location_name or event.location_country):
            # nothing but the same participants at most a day apart can tie it (see `compare`)
            candidates = [c for c in candidates if (event.start - c.anchor.start).days <= WEAK_LINK_DAYS
                          and same_participants(c.anchor, event)]
        for cluster in candidates:
            if event.doc_key in cluster.documents:
                continue
            scored = []
            for member in cluster.members:  # must be compatible with every member, not just one
                result_ = compare(member, event)
                if result_ is None:
                    break
                scored.append((result_[0], result_[1], member))
            else:
                score, reasons, member = max(scored, key=lambda t: (t[0], t[2].stable_id))
                if best is None or (score, cluster.key) > (best[0], best[1]):
                    best = (score, cluster.key, cluster, reasons, member)
        if best is None:
            cluster = Cluster(anchor=event, members=[event])
            cluster.links[event.id] = (1.0, {"anchor": True, "reasons": ["first report of this occasion"]})
            bucket.add(cluster)
            result.append(cluster)
        else:
            score, _key, cluster, reasons, member = best
            cluster.add(event, score, {"anchor": False, "matched_event_id": member.id,
                                       "matched_document": member.doc_key, "reasons": reasons})
    return result
