"""Reference copy, for tests only, of the all-pairs link stage before indexing (commit ea149b1).

Promise follow-up: every planned occasion is a commitment with a due window and a status.

- due window: from the promised date's value and precision ("2025" → 2025-01-01..2025-12-31);
  a promise with no date is open-ended (it can be fulfilled or cancelled, never overdue);
- fulfilled: a later occurred occasion of the same type inside the window, in the same series
  (same round when both say), or with all the promise's two or more countries taking part at
  a compatible place — the promise needing a due window, the promised place or similar wording
  to tie them (an open-ended "will continue to support" is not kept by any later statement);
- cancelled: a negated report of the same occasion in a later article published before the
  window closed (fulfilment wins if both exist);
- overdue: the window ended before `as_of`, which is the newest article date in the store —
  not today's date, so the result depends only on the stored articles (tests are
  deterministic, and an old archive is judged as of its own time). Readers can re-judge
  pending/overdue for another day (`as_of=` in the API, `--as-of` in the CLI).
Every decision carries an explanation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from ref_clusters import Cluster

from communique.link.model import LinkEvent, jaccard, places_compatible

MIN_SIMILARITY = 0.3  # shared content words (Jaccard) that tie a report to a promise with little else


def _due_window(cluster: Cluster) -> tuple[str | None, dt.date | None, dt.date | None]:
    dated = [m for m in cluster.members if m.dated]
    if not dated:
        return None, None, None
    best = min(dated, key=lambda m: ((m.end - m.start).days, m.sort_key))
    value = best.start.isoformat() if best.precision == "day" else (
        best.start.isoformat()[:7] if best.precision == "month" else str(best.start.year)
        if best.precision == "year" else f"{best.start.isoformat()}..{best.end.isoformat()}")
    return value, best.start, best.end


def _matches(promise: LinkEvent, series_key: str | None, event: LinkEvent, *, dated: bool,
             narrow: bool = False, by_report: bool = False) -> list[str] | None:
    """Reasons why `event` answers `promise`, or None.

    Same type, then one of: the same series (same round when both say); the promise's two or
    more countries all taking part, with a due window, a matching place or similar wording to
    tie them (a report naming no place will do for a promise due within a month); or, for a
    one-country promise, the promised place and similar wording."""
    if event.type != promise.type:
        return None
    reasons = [f"same type {event.type}"]
    place = places_compatible(promise.location_name, promise.location_country, event.location_name,
                              event.location_country)
    if place is False:
        return None
    similarity = jaccard(promise.words, event.words)
    if series_key and event.series_key == series_key:
        if promise.series_round is not None and event.series_round is not None \
                and promise.series_round != event.series_round:
            return None
        reasons.append("same series" + (f", round {event.series_round}" if event.series_round else ""))
        if place:
            reasons.append(f"same place {event.location_name or event.location_country}")
        elif promise.location_name or promise.location_country:
            reasons.append("place not stated in the report")
        return reasons
    if len(promise.countries) >= 2 and promise.countries <= event.countries:
        reasons.append(f"same participants {' '.join(sorted(promise.countries))}")
        if place:
            reasons.append(f"same place {event.location_name or event.location_country}")
        elif (promise.location_name or promise.location_country) and not (by_report or narrow):
            return None  # a promised place, the report names none, and the window is wide
        if not (place or dated or similarity >= MIN_SIMILARITY):
            return None  # an open-ended promise needs more than the same countries
    elif place and similarity >= MIN_SIMILARITY:
        reasons.append(f"same place {event.location_name or event.location_country}")
    else:
        return None
    if similarity >= MIN_SIMILARITY:
        reasons.append(f"similar wording ({similarity:.2f})")
    return reasons


def judge(planned: list[Cluster], occurred: list[Cluster], negated: list[Cluster],
          as_of: dt.date | None) -> list[dict[str, Any]]:
    """One commitment per planned cluster, with its status, resolving event and explanation."""
    results = []
    occurred_by_type, negated_by_type = _by_type(occurred), _by_type(negated)
    for cluster in sorted(planned, key=lambda c: c.key):
        promise = min(cluster.members, key=lambda m: (m.doc_date, m.sort_key))
        promised_on = promise.doc_date
        series_key = next((m.series_key for m in cluster.members if m.series_key), None)
        series_round = next((m.series_round for m in cluster.members if m.series_round is not None), None)
        place = next((m for m in cluster.members if m.location_name or m.location_country), None)
        due_value, due_start, due_end = _due_window(cluster)
        probe = replace(promise, series_round=series_round,
                        words=frozenset().union(*(m.words for m in cluster.members)),
                        location_name=place.location_name if place else None,
                        location_country=place.location_country if place else None,
                        countries=frozenset().union(*(m.countries for m in cluster.members)))
        record: dict[str, Any] = {
            "key": "p-" + cluster.key[2:], "event_id": promise.id, "anchor": cluster,
            "type": promise.type, "countries": probe.countries, "series_key": series_key,
            "series_round": series_round, "location_name": probe.location_name,
            "location_country": probe.location_country, "promised_on": promised_on, "due_value": due_value,
            "due_start": due_start, "due_end": due_end, "as_of": as_of,
            "resolved_by_event_id": None, "resolved_by_cluster": None,
        }
        fulfilled = _first_match(probe, series_key, occurred_by_type.get(promise.type, []), promised_on,
                                 due_start, due_end)
        cancelled = _first_match(probe, series_key, negated_by_type.get(promise.type, []), promised_on,
                                 due_start, due_end, by_report=True)
        if fulfilled:
            event, other, reasons = fulfilled
            record.update(status="fulfilled", resolved_by_event_id=event.id, resolved_by_cluster=other,
                          explanation={"reasons": reasons + [f"held {event.start} inside the due window"],
                                       "document": event.doc_key})
        elif cancelled:
            event, other, reasons = cancelled
            record.update(status="cancelled", resolved_by_event_id=event.id, resolved_by_cluster=other,
                          explanation={"reasons": reasons + ["reported as not happening"],
                                       "document": event.doc_key})
        elif due_end is not None and as_of is not None and due_end < as_of:
            record.update(status="overdue", explanation={
                "reasons": [f"due by {due_end}, no matching report up to {as_of} (newest article)"]})
        else:
            why = f"due {due_start}..{due_end}" if due_end else "no date promised: open-ended"
            record.update(status="pending", explanation={"reasons": [why]})
        results.append(record)
    return results


def _by_type(clusters: list[Cluster]) -> dict[str, list[tuple[LinkEvent, Cluster]]]:
    grouped: dict[str, list[tuple[LinkEvent, Cluster]]] = {}
    for cluster in clusters:
        for event in cluster.members:
            grouped.setdefault(event.type, []).append((event, cluster))
    return grouped


def _first_match(probe: LinkEvent, series_key: str | None, candidates: list[tuple[LinkEvent, Cluster]],
                 promised_on: dt.date, due_start: dt.date | None, due_end: dt.date | None, *,
                 by_report: bool = False) -> tuple[LinkEvent, Cluster, list[str]] | None:
    """The earliest event among `candidates` (of the promise's type) that answers the promise."""
    found = []
    narrow = due_start is not None and due_end is not None and (due_end - due_start).days <= 31
    for event, cluster in candidates:
        same_series = bool(series_key) and event.series_key == series_key
        if not same_series and probe.countries and not probe.countries & event.countries:
            continue  # neither the series nor any country in common
        if by_report:  # a later article, published before the window closed, says it will not happen
            if event.doc_date <= promised_on or (due_end and event.doc_date > due_end) or (
                    event.dated and due_end and event.start > due_end):
                continue
        elif event.start <= promised_on or (due_start and event.start < due_start) or (
                due_end and event.start > due_end):
            continue
        reasons = _matches(probe, series_key, event, dated=due_end is not None, narrow=narrow,
                           by_report=by_report)
        if reasons is not None:
            found.append((event.sort_key, event, cluster, reasons))
    if not found:
        return None
    _, event, cluster, reasons = min(found, key=lambda t: t[0])
    return event, cluster, reasons
