"""The read side of the store: one data function per resource, shared by the API, CLI and web UI.

Every function takes a SQLAlchemy `Connection` and returns JSON-ready dicts (or a `Page` of
them), so renderers (JSON, HTML, CSV, a terminal table) never hold logic of their own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, and_, func, or_, select, text, tuple_

from communique.store.schema import documents, events

SORTS = {"date": "date", "-date": "date desc", "id": "id", "-id": "id desc", "type": "type"}


@dataclass(slots=True)
class Page:
    """One page of results with what a client needs to ask for the next one."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    next_cursor: str | None = None  # keyset pagination: pass as `after` for the following page

    def to_json(self) -> dict[str, Any]:
        following = self.offset + self.limit if self.offset + self.limit < self.total else None
        out = {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset,
               "next_offset": following}
        if self.next_cursor is not None:
            out["next_cursor"] = self.next_cursor
        return out


@dataclass(slots=True)
class EventFilter:
    """What `list_events` can filter and sort on; every field is optional."""

    country: list[str] = field(default_factory=list)  # any of these among the participants
    dyad: list[str] = field(default_factory=list)  # all of these among the participants
    actor_country: str | None = None
    recipient_country: str | None = None
    type: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    mode: str | None = None
    context: str | None = None
    series: str | None = None  # a series key (from /series) or words of its name
    since: dt.date | None = None
    until: dt.date | None = None
    q: str | None = None  # full-text search over evidence, topics, title, series, place
    document: str | None = None  # a document key
    cluster_id: int | None = None
    include_rejected: bool = False
    sort: str = "-date"
    limit: int = 50
    offset: int = 0
    after: str | None = None  # a `next_cursor` from the previous page (keyset pagination; offset ignored)


def codes(value: str | list[str] | None) -> list[str]:
    """"KAZ,usa" or ["KAZ", "USA"] → ["KAZ", "USA"] (dyads may also be written KAZ-USA)."""
    if not value:
        return []
    parts = value if isinstance(value, list) else [value]
    return [c.strip().upper() for p in parts for c in re.split(r"[,\s+-]+", p) if c.strip()]


def fts_condition(conn: Connection, table: str, query: str) -> Any:
    """A WHERE clause for full-text search: FTS5 on SQLite, tsvector on PostgreSQL."""
    words = re.findall(r"\w+", query)
    if not words:
        return text("1=1")
    if conn.dialect.name == "sqlite":
        match = " ".join('"' + w.replace('"', "") + '"' for w in words)
        clause = f"{table}.id IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :fts_q)"
        return text(clause).bindparams(fts_q=match)
    clause = f"{table}.search_vector @@ plainto_tsquery('english', :fts_q)"
    return text(clause).bindparams(fts_q=" ".join(words))


def event_conditions(conn: Connection, flt: EventFilter) -> list[Any]:
    cond: list[Any] = [events.c.is_current.is_(True)]
    if not flt.include_rejected:
        cond.append(or_(events.c.review.is_(None), events.c.review != "rejected"))
    if flt.country:
        cond.append(or_(*[events.c.countries.like(f"% {c} %") for c in codes(flt.country)]))
    for code in codes(flt.dyad):
        cond.append(events.c.countries.like(f"% {code} %"))
    if flt.actor_country:
        cond.append(events.c.actor_countries.like(f"% {flt.actor_country.upper()} %"))
    if flt.recipient_country:
        cond.append(events.c.recipient_countries.like(f"% {flt.recipient_country.upper()} %"))
    if flt.type:
        cond.append(events.c.type.in_(codes(flt.type)))
    if flt.status:
        cond.append(events.c.status.in_([s.strip().lower() for s in flt.status]))
    if flt.mode:
        cond.append(events.c.mode == flt.mode)
    if flt.context:
        cond.append(events.c.contexts.like(f"% {flt.context} %"))
    if flt.series:
        cond.append(or_(events.c.series_key == flt.series,
                        func.lower(events.c.series_name).like(f"%{flt.series.lower()}%")))
    start = func.coalesce(events.c.date_start, events.c.doc_date)
    end = func.coalesce(events.c.date_end, events.c.doc_date)
    if flt.since:
        cond.append(end >= flt.since)
    if flt.until:
        cond.append(start <= flt.until)
    if flt.q:
        cond.append(fts_condition(conn, "events", flt.q))
    if flt.document:
        keys = select(documents.c.id).where(documents.c.doc_key == flt.document)
        cond.append(events.c.document_id.in_(keys))
    if flt.cluster_id is not None:
        cond.append(events.c.cluster_id == flt.cluster_id)
    return cond


def _event_select() -> Select:
    return (select(events, documents.c.doc_key, documents.c.title, documents.c.url, documents.c.publisher,
                   documents.c.date.label("document_date"))
            .join(documents, documents.c.id == events.c.document_id))


def event_json(row: Any) -> dict[str, Any]:
    """The API shape of one stored event, with its document and evidence sentences."""
    p = row.payload
    evidence_text = p.get("evidence_text") or []
    evidence = [{**span, "text": evidence_text[i] if i < len(evidence_text) else None}
                for i, span in enumerate(p.get("evidence", []))]
    return {
        "id": row.id, "event_key": row.event_key, "type": row.type, "mode": row.mode, "status": row.status,
        "date": p.get("date"), "date_start": _iso(row.date_start), "date_end": _iso(row.date_end),
        "location": p.get("location"), "series": p.get("series"), "series_key": row.series_key,
        "actors": p.get("actors", []), "recipients": p.get("recipients", []),
        "countries": row.countries.split(), "contexts": p.get("contexts", []), "topics": p.get("topics", []),
        "evidence": evidence, "cluster_id": row.cluster_id, "review": row.review,
        "reviewed_by": row.reviewed_by,
        "document": {"key": row.doc_key, "title": row.title, "date": _iso(row.document_date), "url": row.url,
                     "publisher": row.publisher},
    }


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def list_events(conn: Connection, flt: EventFilter | None = None) -> Page:
    """Events of the current extractions matching `flt`, sorted and paginated."""
    flt = flt or EventFilter()
    cond = and_(*event_conditions(conn, flt))
    total = conn.execute(select(func.count()).select_from(events).where(cond)).scalar_one()
    order = {
        "date": [func.coalesce(events.c.date_start, events.c.doc_date), events.c.id],
        "-date": [func.coalesce(events.c.date_start, events.c.doc_date).desc(), events.c.id.desc()],
        "id": [events.c.id], "-id": [events.c.id.desc()], "type": [events.c.type, events.c.id],
    }.get(flt.sort)
    if order is None:
        from communique.errors import StoreError

        raise StoreError(f"unknown sort {flt.sort!r}; choose one of {', '.join(SORTS)}", source="query")
    limit = max(1, min(flt.limit, 10_000))
    query = _event_select().where(cond).order_by(*order).limit(limit)
    offset = max(0, flt.offset)
    if flt.after:
        query = query.where(_after(flt.sort, flt.after))
        offset = 0
    rows = conn.execute(query.offset(offset)).all()
    cursor = _cursor(flt.sort, rows[-1]) if len(rows) == limit else None
    return Page([event_json(r) for r in rows], total, limit, offset, cursor)


def _sort_value(sort: str) -> Any:
    return func.coalesce(events.c.date_start, events.c.doc_date) if sort.endswith("date") else events.c.type


def _cursor(sort: str, row: Any) -> str:
    """Where a page ended, as `<sort value>~<id>` (the id breaks ties)."""
    if sort.endswith("id"):
        return f"~{row.id}"
    value = (row.date_start or row.doc_date).isoformat() if sort.endswith("date") else row.type
    return f"{value}~{row.id}"


def _after(sort: str, cursor: str) -> Any:
    """The keyset condition for rows after `cursor` in `sort` order."""
    from communique.errors import StoreError

    value, _, raw_id = cursor.rpartition("~")
    try:
        last_id = int(raw_id)
        key: Any = dt.date.fromisoformat(value) if sort.endswith("date") else value
    except ValueError:
        message = f"cursor {cursor!r} does not come from a page sorted by {sort}"
        raise StoreError(message, source="query") from None
    descending = sort.startswith("-")
    if sort.endswith("id"):
        return events.c.id < last_id if descending else events.c.id > last_id
    pair = tuple_(_sort_value(sort), events.c.id)
    return pair < (key, last_id) if descending else pair > (key, last_id)


def iter_events(conn: Connection, flt: EventFilter | None = None, *, batch: int = 1000):  # type: ignore[no-untyped-def]
    """Every matching event (for exports), fetched in batches by id."""
    flt = flt or EventFilter()
    cond = and_(*event_conditions(conn, flt))
    last = 0
    while True:
        query = _event_select().where(cond, events.c.id > last).order_by(events.c.id).limit(batch)
        rows = conn.execute(query).all()
        if not rows:
            return
        for row in rows:
            yield event_json(row)
        last = rows[-1].id


def get_event(conn: Connection, event_id: int) -> dict[str, Any] | None:
    row = conn.execute(_event_select().where(events.c.id == event_id)).first()
    return event_json(row) if row is not None else None
