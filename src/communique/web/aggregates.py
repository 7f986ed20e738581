"""Read queries the pages need beyond the store's resources: counts, months, partners, places.

Built on the store's own filter (`communique.store.queries.event_conditions`), so a country
page counts exactly the events that `/api/events?country=...` lists. Every function takes a
`Connection` and returns plain data. Month keys are the first 7 characters of the ISO date
(the event's window start, else the publication date), which is the same on SQLite and
PostgreSQL.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import Connection, String, and_, cast, func, select

from communique.store.queries import EventFilter, event_conditions
from communique.store.schema import audit_log, commitments, documents, entities, events
from communique.web.geo import MapPlace, geocode


def _where(conn: Connection, flt: EventFilter) -> Any:
    return and_(*event_conditions(conn, flt))


def type_counts(conn: Connection, flt: EventFilter) -> list[tuple[str, int]]:
    """Events per PLOVER type, most frequent first."""
    n = func.count().label("n")
    rows = conn.execute(select(events.c.type, n).where(_where(conn, flt))
                        .group_by(events.c.type).order_by(n.desc(), events.c.type))
    return [(r.type, int(r.n)) for r in rows]


def status_counts(conn: Connection, flt: EventFilter) -> dict[str, int]:
    rows = conn.execute(select(events.c.status, func.count()).where(_where(conn, flt))
                        .group_by(events.c.status))
    return {status: int(n) for status, n in rows}


def monthly_type_counts(conn: Connection, flt: EventFilter) -> list[tuple[str, str, int]]:
    """(month, type, count) of the matching events; the month of the event's date window start."""
    day = func.coalesce(events.c.date_start, events.c.doc_date)
    month = func.substr(cast(day, String), 1, 7).label("month")
    rows = conn.execute(select(month, events.c.type, func.count().label("n")).where(_where(conn, flt))
                        .group_by(month, events.c.type))
    return [(r.month, r.type, int(r.n)) for r in rows if r.month]


def top_partners(conn: Connection, flt: EventFilter, exclude: set[str], *,
                 limit: int = 10) -> list[tuple[str, int]]:
    """The countries most often beside `exclude` in the matching events (one count per event)."""
    counter: Counter[str] = Counter()
    for (countries,) in conn.execute(select(events.c.countries).where(_where(conn, flt))):
        counter.update(set((countries or "").split()) - exclude)
    return counter.most_common(limit)


def meeting_places(conn: Connection, flt: EventFilter, *, limit: int = 40) -> list[MapPlace]:
    """Where the matching events took place, with coordinates (store entities, then geonames)."""
    n = func.count().label("n")
    rows = conn.execute(select(events.c.location_name, events.c.location_country, n)
                        .where(_where(conn, flt), events.c.location_name.is_not(None))
                        .group_by(events.c.location_name, events.c.location_country)
                        .order_by(n.desc()).limit(limit)).all()
    if not rows:
        return []
    names = sorted({r.location_name for r in rows})
    known = {r.name: (float(r.lat), float(r.lon)) for r in conn.execute(
        select(entities.c.name, func.avg(entities.c.lat).label("lat"), func.avg(entities.c.lon).label("lon"))
        .where(entities.c.kind == "place", entities.c.lat.is_not(None), entities.c.name.in_(names))
        .group_by(entities.c.name))}
    places: dict[str, MapPlace] = {}
    for row in rows:
        where = known.get(row.location_name) or geocode(row.location_name, row.location_country)
        if where is None:
            continue
        key = row.location_name.split(",")[0].strip().lower()
        if key in places:
            places[key].count += int(row.n)
        else:
            places[key] = MapPlace(row.location_name, row.location_country, where[0], where[1], int(row.n))
    return list(places.values())


def name_participants(conn: Connection, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give actors and recipients that point at an entity the entity's name (as `text`), in place."""
    wanted = {(e["document"]["key"], p["entity"]) for e in items
              for p in e.get("actors", []) + e.get("recipients", []) if p.get("entity") and not p.get("text")}
    if not wanted:
        return items
    rows = conn.execute(
        select(documents.c.doc_key, entities.c.entity_key, entities.c.name)
        .join(documents, documents.c.id == entities.c.document_id)
        .where(entities.c.is_current.is_(True), documents.c.doc_key.in_({k for k, _ in wanted}),
               entities.c.entity_key.in_({e for _, e in wanted})))
    names = {(r.doc_key, r.entity_key): r.name for r in rows}
    for item in items:
        for person in item.get("actors", []) + item.get("recipients", []):
            name = names.get((item["document"]["key"], person.get("entity")))
            if name and not person.get("text"):
                person["text"] = name
    return items


def series_commitments(conn: Connection, series_key: str, *, as_of: Any = None) -> list[dict[str, Any]]:
    """The promises made for one dialogue series, in the store's commitment shape (newest first)."""
    from communique.store.resources import commitment_json

    rows = conn.execute(select(commitments).where(commitments.c.series_key == series_key)
                        .order_by(commitments.c.promised_on.desc(), commitments.c.id))
    return [commitment_json(r, as_of=as_of) for r in rows]


def event_audit(conn: Connection, event_id: int) -> list[dict[str, Any]]:
    """Every recorded change to one event (who, when, what), oldest first."""
    rows = conn.execute(select(audit_log).where(audit_log.c.target == f"event:{event_id}")
                        .order_by(audit_log.c.id))
    return [{"id": r.id, "at": r.at.isoformat() if r.at else None, "who": r.who, "action": r.action,
             "detail": r.detail} for r in rows]


def country_codes(conn: Connection, *, limit: int = 300) -> list[tuple[str, int]]:
    """Participant country codes with how many current events name them (for the country index)."""
    counter: Counter[str] = Counter()
    flt = EventFilter()
    for (countries,) in conn.execute(select(events.c.countries).where(_where(conn, flt))):
        counter.update((countries or "").split())
    return counter.most_common(limit)
