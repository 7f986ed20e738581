"""Read queries the pages need beyond the store's resources: counts, months, partners, places.

Built on the store's own filter (`communique.store.queries.event_conditions`), so a country
page counts exactly the events that `/api/events?country=...` lists. Every function takes a
`Connection` and returns plain data. Month keys are the first 7 characters of the ISO date
(the event's window start, else the publication date), which is the same on SQLite and
PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, String, and_, cast, func, select

from communique.store.queries import EventFilter, _event_select, event_conditions, event_json
from communique.store.schema import audit_log, commitments, documents, entities, events
from communique.web.geo import MapPlace, geocode


def _where(conn: Connection, flt: EventFilter) -> Any:
    return and_(*event_conditions(conn, flt))


@dataclass(slots=True)
class Tally:
    """Counts of the matching events from one pass over them: by type, status, month, partner."""

    total: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    by_status: Counter[str] = field(default_factory=Counter)
    months: Counter[tuple[str, str]] = field(default_factory=Counter)  # (month, type)
    occurred_months: Counter[tuple[str, str]] = field(default_factory=Counter)
    partners: Counter[str] = field(default_factory=Counter)

    def month_rows(self, *, occurred: bool = False) -> list[tuple[str, str, int]]:
        source = self.occurred_months if occurred else self.months
        return sorted((month, kind, n) for (month, kind), n in source.items())


def tally(conn: Connection, flt: EventFilter, *, exclude: set[str] | None = None,
          partners: bool = False) -> Tally:
    """One grouped scan of the matching events (a table scan is the cost on a big store, so once).

    The month is that of the event's date window start, else its publication date; partners
    count each event once per other country (`exclude` are the page's own countries).
    """
    day = func.coalesce(events.c.date_start, events.c.doc_date)
    month = func.substr(cast(day, String), 1, 7).label("month")
    columns = [month, events.c.type, events.c.status] + ([events.c.countries] if partners else [])
    rows = conn.execute(select(*columns, func.count().label("n")).where(_where(conn, flt)).group_by(*columns))
    result = Tally()
    for row in rows:
        n = int(row.n)
        result.total += n
        result.by_type[row.type] += n
        result.by_status[row.status] += n
        if row.month:
            result.months[(row.month, row.type)] += n
            if row.status == "occurred":
                result.occurred_months[(row.month, row.type)] += n
        if partners:
            for code in set((row.countries or "").split()) - (exclude or set()):
                result.partners[code] += n
    return result


def recent_events(conn: Connection, flt: EventFilter) -> list[dict[str, Any]]:
    """The newest matching events in the API's shape, ids first (sorting narrow rows is cheap)."""
    day = func.coalesce(events.c.date_start, events.c.doc_date)
    ids = [r.id for r in conn.execute(select(events.c.id).where(_where(conn, flt))
                                       .order_by(day.desc(), events.c.id.desc()).limit(flt.limit))]
    return events_by_ids(conn, ids)


def events_by_ids(conn: Connection, ids: list[int]) -> list[dict[str, Any]]:
    """Events in the API's shape (`event_json`), in the order of `ids`."""
    if not ids:
        return []
    found = {r.id: event_json(r) for r in conn.execute(_event_select().where(events.c.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def due_commitments(conn: Connection, today: dt.date, *, overdue: bool, limit: int) -> list[dict[str, Any]]:
    """Open promises as of `today`: due soonest first, or the most recently overdue first."""
    from communique.store.resources import commitment_json

    open_ = commitments.c.status.in_(["pending", "overdue"])
    if overdue:
        query = (select(commitments).where(open_, commitments.c.due_end < today)
                 .order_by(commitments.c.due_end.desc(), commitments.c.id))
    else:
        query = (select(commitments).where(open_, commitments.c.due_end >= today)
                 .order_by(commitments.c.due_end, commitments.c.id))
    return [commitment_json(r, as_of=today) for r in conn.execute(query.limit(limit))]


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
    """Every recorded change to one event (who, when, what), oldest first (`list_audit` lists all)."""
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
