"""Read functions for documents, entities, clusters, series, commitments and the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from communique.store.queries import Page, _event_select, _iso, codes, event_json, fts_condition
from communique.store.schema import (
    audit_log,
    cluster_links,
    clusters,
    commitments,
    documents,
    entities,
    events,
    extractions,
    series,
)


def _document_summary(row: Any) -> dict[str, Any]:
    return {"key": row.doc_key, "date": _iso(row.date), "title": row.title, "url": row.url,
            "publisher": row.publisher, "sha256": row.sha256, "revision": row.revision,
            "is_current": row.is_current, "ingested_at": _iso(row.ingested_at)}


# what a listing shows: not the text, which is most of a row's bytes
_SUMMARY_COLUMNS = [documents.c[name] for name in ("id", "doc_key", "date", "title", "url", "publisher",
                                                   "sha256", "revision", "is_current", "ingested_at")]


def list_documents(conn: Connection, *, q: str | None = None, since: dt.date | None = None,
                   until: dt.date | None = None, publisher: str | None = None,
                   limit: int = 50, offset: int = 0) -> Page:
    """Current documents (newest first), optionally searched and filtered."""
    cond: list[Any] = [documents.c.is_current.is_(True)]
    if q:
        cond.append(fts_condition(conn, "documents", q))
    if since:
        cond.append(documents.c.date >= since)
    if until:
        cond.append(documents.c.date <= until)
    if publisher:
        cond.append(func.lower(documents.c.publisher).like(f"%{publisher.lower()}%"))
    where = and_(*cond)
    total = conn.execute(select(func.count()).select_from(documents).where(where)).scalar_one()
    n_events = (select(func.count()).select_from(events)
                .where(events.c.document_id == documents.c.id, events.c.is_current.is_(True))
                .scalar_subquery())
    rows = conn.execute(select(*_SUMMARY_COLUMNS, n_events.label("n_events")).where(where)
                        .order_by(documents.c.date.desc(), documents.c.id.desc()).limit(limit).offset(offset))
    return Page([{**_document_summary(r), "n_events": r.n_events} for r in rows], total, limit, offset)


def get_document(conn: Connection, key: str) -> dict[str, Any] | None:
    """A document's current text, its revisions, its extractions and current events."""
    revisions = conn.execute(select(documents).where(documents.c.doc_key == key)
                             .order_by(documents.c.revision)).all()
    if not revisions:
        return None
    current = next((r for r in revisions if r.is_current), revisions[-1])
    extraction_rows = conn.execute(select(extractions.c.id, extractions.c.communique_version,
                                          extractions.c.created_at, extractions.c.is_current,
                                          extractions.c.n_events, extractions.c.payload)
                                   .where(extractions.c.document_id == current.id)
                                   .order_by(extractions.c.id)).all()
    latest = next((e for e in extraction_rows if e.is_current), None)
    event_rows = conn.execute(_event_select().where(events.c.document_id == current.id,
                                                    events.c.is_current.is_(True)).order_by(events.c.id))
    return {
        **_document_summary(current), "language": current.language, "source": current.source,
        "text": current.text, "meta": current.meta or {},
        "revisions": [_document_summary(r) for r in revisions],
        "extractions": [{"id": e.id, "communique_version": e.communique_version,
                         "created_at": _iso(e.created_at), "is_current": e.is_current,
                         "n_events": e.n_events} for e in extraction_rows],
        "entities": latest.payload.get("entities", []) if latest else [],
        "timexes": latest.payload.get("timexes", []) if latest else [],
        "events": [event_json(r) for r in event_rows],
    }


def list_entities(conn: Connection, *, q: str | None = None, kind: str | None = None,
                  country: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Entities across current extractions, grouped by kind, name and country, most documents first."""
    cond: list[Any] = [entities.c.is_current.is_(True)]
    if q:
        cond.append(func.lower(entities.c.name).like(f"%{q.lower()}%"))
    if kind:
        cond.append(entities.c.kind == kind)
    if country:
        cond.append(entities.c.country.in_(codes(country)))
    group = [entities.c.kind, entities.c.name, entities.c.country]
    n_docs = func.count(func.distinct(entities.c.document_id)).label("n_documents")
    base = select(*group, n_docs, func.sum(entities.c.n_mentions).label("n_mentions"),
                  func.max(entities.c.title).label("title"), func.max(entities.c.sector).label("sector"),
                  func.max(entities.c.geonameid).label("geonameid")).where(and_(*cond)).group_by(*group)
    total = conn.execute(select(func.count()).select_from(base.subquery())).scalar_one()
    rows = conn.execute(base.order_by(n_docs.desc(), entities.c.name).limit(limit).offset(offset))
    return Page([{"kind": r.kind, "name": r.name, "country": r.country, "sector": r.sector, "title": r.title,
                  "geonameid": r.geonameid, "n_documents": r.n_documents,
                  "n_mentions": int(r.n_mentions or 0)}
                 for r in rows], total, limit, offset)


def _cluster_json(row: Any) -> dict[str, Any]:
    return {"id": row.id, "key": row.key, "type": row.type, "status": row.status,
            "date_start": _iso(row.date_start), "date_end": _iso(row.date_end),
            "countries": row.countries.split(), "location": row.location_name, "series_key": row.series_key,
            "series_round": row.series_round, "n_events": row.n_events, "n_sources": row.n_sources,
            "anchor_event_id": row.anchor_event_id}


def list_clusters(conn: Connection, *, type: str | None = None, country: str | None = None,
                  min_sources: int = 1, since: dt.date | None = None, until: dt.date | None = None,
                  limit: int = 50, offset: int = 0) -> Page:
    """Event clusters (one per occasion), the most reported and newest first."""
    cond: list[Any] = [clusters.c.n_sources >= min_sources]
    if type:
        cond.append(clusters.c.type.in_(codes(type)))
    if country:
        cond.append(or_(*[clusters.c.countries.like(f"% {c} %") for c in codes(country)]))
    if since:
        cond.append(clusters.c.date_end >= since)
    if until:
        cond.append(clusters.c.date_start <= until)
    where = and_(*cond)
    total = conn.execute(select(func.count()).select_from(clusters).where(where)).scalar_one()
    rows = conn.execute(select(clusters).where(where).order_by(clusters.c.date_start.desc(), clusters.c.id)
                        .limit(limit).offset(offset))
    return Page([_cluster_json(r) for r in rows], total, limit, offset)


def get_cluster(conn: Connection, cluster_id: int) -> dict[str, Any] | None:
    """A cluster with every member event, its source document, evidence and why it was linked."""
    row = conn.execute(select(clusters).where(clusters.c.id == cluster_id)).first()
    if row is None:
        return None
    link_rows = conn.execute(select(cluster_links).where(cluster_links.c.cluster_id == row.id))
    links = {r.event_id: r for r in link_rows}
    members = conn.execute(_event_select().where(events.c.id.in_(list(links))).order_by(events.c.id))
    return {**_cluster_json(row), "events": [
        {**event_json(m), "link": {"is_anchor": links[m.id].is_anchor, "score": links[m.id].score,
                                   "explanation": links[m.id].explanation}} for m in members]}


def _series_json(row: Any, *, full: bool = False) -> dict[str, Any]:
    out = {"id": row.id, "key": row.key, "name": row.name, "countries": row.countries.split(),
           "frequency": row.frequency, "n_rounds": row.n_rounds, "last_round": row.last_round,
           "last_date": _iso(row.last_date), "next_expected": row.next_expected}
    if full:
        out["rounds"] = row.rounds
    return out


def list_series(conn: Connection, *, country: str | None = None, q: str | None = None,
                limit: int = 50, offset: int = 0) -> Page:
    cond: list[Any] = []
    if country:
        cond.append(or_(*[series.c.countries.like(f"% {c} %") for c in codes(country)]))
    if q:
        cond.append(func.lower(series.c.name).like(f"%{q.lower()}%"))
    where = and_(*cond) if cond else True
    total = conn.execute(select(func.count()).select_from(series).where(where)).scalar_one()
    rows = conn.execute(select(series).where(where).order_by(series.c.last_date.desc(), series.c.id)
                        .limit(limit).offset(offset))
    return Page([_series_json(r) for r in rows], total, limit, offset)


def get_series(conn: Connection, key_or_id: str | int) -> dict[str, Any] | None:
    """A dialogue series with its timeline of rounds and the next round expected."""
    cond = series.c.id == int(key_or_id) if str(key_or_id).isdigit() else series.c.key == str(key_or_id)
    row = conn.execute(select(series).where(cond)).first()
    return _series_json(row, full=True) if row is not None else None


def commitment_json(row: Any, *, as_of: dt.date | None = None) -> dict[str, Any]:
    status = row.status
    if as_of is not None and status in ("pending", "overdue") and row.due_end is not None:
        status = "overdue" if row.due_end < as_of else "pending"
    return {"id": row.id, "key": row.key, "event_id": row.event_id, "cluster_id": row.cluster_id,
            "type": row.type, "countries": row.countries.split(), "series_key": row.series_key,
            "series_round": row.series_round, "location": row.location_name,
            "location_country": row.location_country, "promised_on": _iso(row.promised_on),
            "due": row.due_value, "due_start": _iso(row.due_start), "due_end": _iso(row.due_end),
            "status": status, "resolved_by_event_id": row.resolved_by_event_id,
            "resolved_by_cluster_id": row.resolved_by_cluster_id,
            "as_of": _iso(as_of or row.as_of), "explanation": row.explanation}


def list_commitments(conn: Connection, *, status: str | list[str] | None = None, country: str | None = None,
                     as_of: dt.date | None = None, limit: int = 100, offset: int = 0) -> Page:
    """Commitments (planned events) with their status; `as_of` re-judges pending vs overdue."""
    cond: list[Any] = []
    if country:
        cond.append(or_(*[commitments.c.countries.like(f"% {c} %") for c in codes(country)]))
    rows = conn.execute(select(commitments).where(and_(*cond) if cond else True)
                        .order_by(commitments.c.promised_on.desc(), commitments.c.id)).all()
    items = [commitment_json(r, as_of=as_of) for r in rows]
    wanted = [s.strip().lower() for s in (status if isinstance(status, list) else [status]) if s]
    if wanted:
        items = [i for i in items if i["status"] in wanted]
    return Page(items[offset:offset + limit], len(items), limit, offset)


def list_audit(conn: Connection, *, limit: int = 100, offset: int = 0) -> Page:
    total = conn.execute(select(func.count()).select_from(audit_log)).scalar_one()
    rows = conn.execute(select(audit_log).order_by(audit_log.c.id.desc()).limit(limit).offset(offset))
    return Page([{"id": r.id, "at": _iso(r.at), "who": r.who, "action": r.action, "target": r.target,
                  "detail": r.detail} for r in rows], total, limit, offset)


def stats(conn: Connection) -> dict[str, Any]:
    """Counts for a status line: documents, events, clusters, series, commitments by status."""
    def count(table: Any, *cond: Any) -> int:
        return conn.execute(select(func.count()).select_from(table).where(*cond)).scalar_one()

    grouped = select(commitments.c.status, func.count()).group_by(commitments.c.status)
    by_status = {status: n for status, n in conn.execute(grouped)}
    newest = conn.execute(select(func.max(documents.c.date))).scalar_one()
    return {
        "documents": count(documents, documents.c.is_current.is_(True)),
        "revisions": count(documents),
        "events": count(events, events.c.is_current.is_(True)),
        "clusters": count(clusters), "multi_source_clusters": count(clusters, clusters.c.n_sources > 1),
        "series": count(series), "commitments": by_status, "newest_document": _iso(newest),
    }
