"""The link stage: from per-article events to one record — clusters, dialogue series, commitments.

`relink(conn)` rebuilds all three from every current, non-rejected event in the store. It is a
pure function of the stored events (visited in content order, judged as of the newest article
date), so articles arriving in any order give the same record. Per-article events stay as
they are; the link tables only point at them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, or_, select, update

from communique.link.clusters import Cluster, cluster_events
from communique.link.commitments import judge
from communique.link.model import LinkEvent, words_of
from communique.link.series import build_timelines, group_series
from communique.store.rows import spaced
from communique.store.schema import cluster_links, clusters, commitments, documents, events, series

__all__ = ["Cluster", "LinkEvent", "load_events", "relink"]


def load_events(conn: Connection) -> list[LinkEvent]:
    """Every current event that a reviewer has not rejected, as `LinkEvent`s."""
    rows = conn.execute(
        select(events.c.id, events.c.event_key, events.c.type, events.c.status, events.c.mode,
               events.c.date_start, events.c.date_end, events.c.date_precision, events.c.date_basis,
               events.c.doc_date, events.c.countries, events.c.actor_countries, events.c.recipient_countries,
               events.c.location_name, events.c.location_country,
               events.c.series_name, events.c.series_round, events.c.series_frequency,
               events.c.payload, documents.c.doc_key, documents.c.sha256)
        .join(documents, documents.c.id == events.c.document_id)
        .where(events.c.is_current.is_(True), or_(events.c.review.is_(None), events.c.review != "rejected"))
    ).all()
    return [
        LinkEvent(
            id=r.id, doc_key=r.doc_key, doc_sha=r.sha256, doc_date=r.doc_date, event_key=r.event_key,
            type=r.type, status=r.status, mode=r.mode, start=r.date_start or r.doc_date,
            end=r.date_end or r.date_start or r.doc_date,
            precision=r.date_precision if r.date_start else None, basis=r.date_basis,
            countries=frozenset(r.countries.split()), actors=frozenset(r.actor_countries.split()),
            recipients=frozenset(r.recipient_countries.split()), location_name=r.location_name,
            location_country=r.location_country, series_name=r.series_name, series_round=r.series_round,
            series_frequency=r.series_frequency, topics=list(r.payload.get("topics") or []),
            words=_content_words(r),
        )
        for r in rows
    ]


def _content_words(row: Any) -> frozenset[str]:
    """Words of an event's evidence, topics, series and place (not the title: press briefings
    share "Press Briefing by Press Secretary ..." and would all look alike)."""
    parts = [*(row.payload.get("evidence_text") or []), *(row.payload.get("topics") or []),
             row.series_name or "", row.location_name or ""]
    return words_of(" ".join(parts))


def relink(conn: Connection) -> dict[str, int]:
    """Recompute clusters, series and commitments inside the caller's transaction."""
    items = load_events(conn)
    as_of = conn.execute(select(func.max(documents.c.date)).where(documents.c.is_current.is_(True))).scalar()
    records = group_series(items)
    all_clusters = cluster_events(items)
    by_status: dict[str, list[Cluster]] = {}
    for cluster in all_clusters:
        by_status.setdefault(cluster.anchor.status, []).append(cluster)
    promises = judge(by_status.get("planned", []), by_status.get("occurred", []),
                     by_status.get("negated", []), as_of)
    open_promises = [p for p in promises if p["status"] in ("pending", "overdue")]
    build_timelines(records, all_clusters, open_promises)

    for table in (cluster_links, clusters, commitments, series):
        conn.execute(delete(table))
    conn.execute(update(events).where(or_(events.c.cluster_id.is_not(None), events.c.series_key.is_not(None)))
                 .values(cluster_id=None, series_key=None))
    cluster_ids = _write_clusters(conn, all_clusters)
    by_id = {e.id: e for e in items}
    updates = []
    for cluster in all_clusters:  # a report that does not name the dialogue still belongs to its round
        cluster_series = next((m.series_key for m in cluster.members if m.series_key), None)
        updates.extend({"eid": e.id, "cid": cluster_ids[cluster.key],
                        "skey": by_id[e.id].series_key or cluster_series} for e in cluster.members)
    if updates:
        conn.execute(update(events).where(events.c.id == bindparam("eid"))
                     .values(cluster_id=bindparam("cid"), series_key=bindparam("skey")), updates)
    if records:
        conn.execute(insert(series), [
            {"key": r.key, "name": r.name, "countries": spaced(list(r.countries)), "frequency": r.frequency,
             "n_rounds": len(r.rounds),
             "last_round": max((x["round"] for x in r.rounds if x["round"] is not None), default=None),
             "last_date": max((_date(x["date"]) for x in r.rounds), default=None),
             "next_expected": r.next_expected, "rounds": r.rounds} for r in records])
    if promises:
        conn.execute(insert(commitments), [_commitment_row(p, cluster_ids) for p in promises])
    return {"events": len(items), "clusters": len(all_clusters),
            "multi_source_clusters": sum(1 for c in all_clusters if len(c.documents) > 1),
            "series": len(records), "commitments": len(promises)}


def _write_clusters(conn: Connection, all_clusters: list[Cluster]) -> dict[str, int]:
    """Insert every cluster and link in two bulk statements; ids are numbered here, in key order
    (the tables were just emptied), so no round trip per cluster is needed."""
    ordered = sorted(all_clusters, key=lambda c: c.key)
    ids = {cluster.key: number for number, cluster in enumerate(ordered, start=1)}
    cluster_rows, link_rows = [], []
    for cluster in ordered:
        members = cluster.members
        cid = ids[cluster.key]
        cluster_rows.append({
            "id": cid, "key": cluster.key, "type": cluster.anchor.type, "status": cluster.anchor.status,
            "date_start": min(m.start for m in members), "date_end": max(m.end for m in members),
            "countries": spaced([c for m in members for c in m.countries]),
            "location_name": next((m.location_name for m in members if m.location_name), None),
            "series_key": next((m.series_key for m in members if m.series_key), None),
            "series_round": next((m.series_round for m in members if m.series_round is not None), None),
            "n_events": len(members), "n_sources": len(cluster.documents),
            "anchor_event_id": cluster.anchor.id,
        })
        link_rows.extend({"cluster_id": cid, "event_id": m.id, "is_anchor": m is cluster.anchor,
                          "score": cluster.links[m.id][0], "explanation": cluster.links[m.id][1]}
                         for m in members)
    if cluster_rows:
        conn.execute(insert(clusters), cluster_rows)
        conn.execute(insert(cluster_links), link_rows)
    return ids


def _commitment_row(promise: dict[str, Any], cluster_ids: dict[str, int]) -> dict[str, Any]:
    resolved = promise.get("resolved_by_cluster")
    row = {k: v for k, v in promise.items() if k not in ("anchor", "resolved_by_cluster")}
    row["countries"] = spaced(list(promise["countries"]))
    row["cluster_id"] = cluster_ids[promise["anchor"].key]
    row["resolved_by_cluster_id"] = cluster_ids[resolved.key] if resolved is not None else None
    return row


def _date(value: str):  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.date.fromisoformat(value)
