"""One data function per page: each returns a JSON-ready dict that HTML and `?format=json` share.

Resources come from the store's read functions (the same ones the `/api` routes call);
aggregates (counts, months, partners, places) from `communique.web.aggregates`. Nothing
here renders: templates get the dict, plus view-only geometry (chart, map) under keys
starting with an underscore, which the JSON renderer leaves out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from communique.document import EVENT_TYPES, STATUSES
from communique.store import EventFilter, Store
from communique.web import aggregates
from communique.web.charts import monthly_chart
from communique.web.geo import map_view
from communique.web.highlight import segment_text
from communique.web.labels import country_name, is_country_code

PAGE_SIZE = 25
SEARCH_KEYS = ("q", "type", "status", "country", "dyad", "context", "series", "since", "until")


def _date(value: str | None, problems: list[str], name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(f"{name} must be a date like 2024-05-20")
        return None


def search_filter(params: dict[str, list[str]], *, limit: int = PAGE_SIZE) -> tuple[EventFilter, list[str]]:
    """URL parameters (repeatable) → an `EventFilter`, with messages for values that were ignored."""
    problems: list[str] = []

    def first(key: str) -> str | None:
        values = [v.strip() for v in params.get(key, []) if v.strip()]
        return values[0] if values else None

    types = [t.upper() for t in params.get("type", []) if t.strip()]
    bad_types = [t for t in types if t not in EVENT_TYPES]
    if bad_types:
        problems.append(f"unknown type ignored: {', '.join(bad_types)}")
    statuses = [s.lower() for s in params.get("status", []) if s.strip()]
    try:
        offset = max(0, int(first("offset") or 0))
    except ValueError:
        offset = 0
    flt = EventFilter(
        q=first("q"), type=[t for t in types if t in EVENT_TYPES],
        status=[s for s in statuses if s in STATUSES],
        country=[first("country")] if first("country") else [],
        dyad=[first("dyad")] if first("dyad") else [],
        context=first("context"), series=first("series"),
        since=_date(first("since"), problems, "since"), until=_date(first("until"), problems, "until"),
        sort=first("sort") if first("sort") in ("date", "-date") else "-date", limit=limit, offset=offset,
    )
    return flt, problems


def _named(store: Store, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    with store.engine.connect() as conn:
        return aggregates.name_participants(conn, items)


def overview(store: Store, *, today: dt.date | None = None) -> dict[str, Any]:
    """Counts, events by type, newest events, promises due soon and overdue."""
    today = today or dt.date.today()
    stats = store.stats()
    with store.engine.connect() as conn:
        counts = aggregates.tally(conn, EventFilter())
        newest = aggregates.name_participants(conn, aggregates.recent_events(conn, EventFilter(limit=10)))
        soon = aggregates.due_commitments(conn, today, overdue=False, limit=8)
        overdue = aggregates.due_commitments(conn, today, overdue=True, limit=8)
    by_type = sorted(counts.by_type.items(), key=lambda item: (-item[1], item[0]))
    return {"stats": stats, "by_type": by_type, "by_status": dict(counts.by_status), "newest": newest,
            "due_soon": soon, "overdue": overdue, "as_of": today.isoformat(),
            "types": EVENT_TYPES, "statuses": STATUSES}


def search(store: Store, params: dict[str, list[str]]) -> dict[str, Any]:
    """Events matching the URL's filters (full text + fields), one page."""
    flt, problems = search_filter(params)
    page = store.events(flt)
    _named(store, page.items)
    shown = {k: [v for v in params.get(k, []) if v.strip()] for k in SEARCH_KEYS}
    return {"filters": {k: v for k, v in shown.items() if v}, "problems": problems, **page.to_json(),
            "types": EVENT_TYPES, "statuses": STATUSES}


def article(store: Store, key: str) -> dict[str, Any] | None:
    """A stored article: text cut into highlighted segments, its events, entities, time expressions."""
    doc = store.document(key)
    if doc is None:
        return None
    _named(store, doc["events"])
    payload = {
        "events": [{"id": f"ev-{e['id']}", "evidence": e["evidence"]} for e in doc["events"]
                   if e.get("review") != "rejected"],
        "entities": doc["entities"], "timexes": doc["timexes"],
    }
    return {**doc, "_paragraphs": segment_text(doc["text"], payload),
            "_names": _entity_names(doc["entities"])}


def _entity_names(entities: list[dict[str, Any]]) -> dict[str, str]:
    return {e["id"]: f"{e.get('kind', '')}: {e.get('name', '')}" for e in entities if e.get("id")}


def extracted_article(document: Any) -> dict[str, Any]:
    """A freshly extracted (maybe unsaved) `Document` in the article page's shape."""
    data = document.to_json()
    events = []
    for event in data["events"]:
        evidence = [{**span, "text": data["text"][span["start"]:span["end"]]} for span in event["evidence"]]
        events.append({**event, "id": event["id"], "evidence": evidence, "review": None,
                       "countries": sorted({p["country"] for p in event["actors"] + event["recipients"]
                                            if p.get("country")})})
    payload = {"events": [{"id": f"ev-{e['id']}", "evidence": e["evidence"]} for e in events],
               "entities": data["entities"], "timexes": data["timexes"],
               "boilerplate": [[s.start, s.end] for s in document.boilerplate]}
    meta = data["document"]
    return {"key": meta["id"], "title": meta["title"], "date": meta["date"], "url": meta["url"],
            "publisher": meta["publisher"], "text": data["text"], "entities": data["entities"],
            "timexes": data["timexes"], "events": events, "revisions": [], "extractions": [],
            "_paragraphs": segment_text(data["text"], payload), "_names": _entity_names(data["entities"])}


def event(store: Store, event_id: int) -> dict[str, Any] | None:
    """One event with its review history (who changed what, when)."""
    found = store.event(event_id)
    if found is None:
        return None
    with store.engine.connect() as conn:
        history = aggregates.event_audit(conn, event_id)
        aggregates.name_participants(conn, [found])
    cluster = store.cluster(found["cluster_id"]) if found.get("cluster_id") else None
    others = [{"id": e["id"], "type": e["type"], "status": e["status"], "document": e["document"],
               "link": e.get("link")} for e in (cluster or {}).get("events", []) if e["id"] != event_id]
    return {**found, "history": history, "same_occasion": others, "types": EVENT_TYPES, "statuses": STATUSES}


def series_index(store: Store, *, q: str | None = None) -> dict[str, Any]:
    return store.series_list(q=q, limit=200).to_json()


def series_detail(store: Store, key: str) -> dict[str, Any] | None:
    """A dialogue series: rounds in date order and the promised next round with its status."""
    found = store.series(key)
    if found is None:
        return None
    rounds = sorted(found.get("rounds") or [], key=lambda r: (str(r.get("date") or ""), r.get("round") or 0))
    with store.engine.connect() as conn:
        wanted = [i for entry in rounds for i in (entry.get("event_ids") or [])[:12]]
        found_events = aggregates.name_participants(conn, aggregates.events_by_ids(conn, wanted))
    by_id = {e["id"]: e for e in found_events}
    for entry in rounds:
        members = [by_id[i] for i in (entry.get("event_ids") or [])[:12] if i in by_id]
        entry["co_chairs"] = _co_chairs(members)
        entry["event_id"] = members[0]["id"] if members else None
        entry["n_sources"] = len(entry.get("documents") or [])
    with store.engine.connect() as conn:
        promised = aggregates.series_commitments(conn, found["key"], as_of=dt.date.today())
    return {**found, "rounds": rounds, "commitments": promised}


def _co_chairs(members: list[dict[str, Any]]) -> list[str]:
    """The officials named as a round's participants (those with a sector), else every participant."""
    people = [p for e in members for p in e.get("actors", []) + e.get("recipients", [])]
    named = [p for p in people if p.get("sector")] or people
    out: list[str] = []
    for person in named:
        label = person.get("text") or person.get("entity") or person.get("country")
        if label and person.get("country") and label != person["country"]:
            label = f"{label} ({person['country']})"
        if label and label not in out:
            out.append(label)
    return out


def promises(store: Store, *, status: str | None = None, country: str | None = None,
             today: dt.date | None = None) -> dict[str, Any]:
    """Commitments with due windows and status, judged as of today."""
    today = today or dt.date.today()
    everything = store.commitments(country=country, as_of=today, limit=10_000).items
    counts: dict[str, int] = {}
    for item in everything:
        counts[item["status"]] = counts.get(item["status"], 0) + 1
    items = [c for c in everything if not status or c["status"] == status]
    return {"items": items[:500], "total": len(items), "counts": counts, "status": status,
            "country": country, "as_of": today.isoformat(),
            "statuses": ["pending", "fulfilled", "overdue", "cancelled"]}


def interactions(store: Store, codes: list[str]) -> dict[str, Any] | None:
    """A country (one code) or a dyad (two): chart by month, partners, recent events, map."""
    codes = [c.upper() for c in codes]
    if not codes or not all(is_country_code(c) for c in codes):
        return None
    flt = EventFilter(dyad=codes, limit=15)
    with store.engine.connect() as conn:
        counts = aggregates.tally(conn, flt, exclude=set(codes), partners=len(codes) == 1)
        places = aggregates.meeting_places(conn, dataclasses.replace(flt, type=["CONSULT"]))
        recent = aggregates.name_participants(conn, aggregates.recent_events(conn, flt))
    months = counts.month_rows()
    by_type = sorted(counts.by_type.items(), key=lambda item: (-item[1], item[0]))
    partners = counts.partners.most_common(10)
    series = store.series_list(country=codes[0], limit=200).items
    if len(codes) > 1:
        series = [s for s in series if set(codes) <= set(s["countries"])]
    return {"codes": codes, "names": [country_name(c) for c in codes], "by_type": by_type,
            "months": [{"month": m, "type": t, "count": n} for m, t, n in sorted(months)],
            "partners": [{"code": c, "name": country_name(c), "count": n} for c, n in partners],
            "places": [{"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon, "count": p.count}
                       for p in places],
            "recent": recent, "total": counts.total, "series": series[:20],
            "_chart": monthly_chart(months, counts.month_rows(occurred=True)),
            "_map": map_view(set(codes), places)}


def countries(store: Store) -> dict[str, Any]:
    with store.engine.connect() as conn:
        found = aggregates.country_codes(conn)
    return {"items": [{"code": c, "name": country_name(c), "count": n}
                      for c, n in found if is_country_code(c)]}
