"""Reviews by people: corrections and rejections of events, audited, and kept across re-extraction.

A correction rewrites chosen fields of an event (the previous values go to the audit trail) and
remembers which fields a person set (`corrected_fields` in the event payload). When the same text
is extracted again (`communique reextract`), each reviewed event's verdict moves to the new event
whose first evidence span overlaps it and whose type agrees (or was corrected): a rejected event
stays rejected, corrected fields keep the person's values.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select, update

from communique.document import EVENT_TYPES, STATUSES, Document, Event, Span
from communique.errors import StoreError
from communique.store import rows
from communique.store.schema import documents, events
from communique.store.writer import record_audit, utcnow

CORRECTABLE = {"type", "status", "mode", "date", "location", "series", "topics", "contexts"}


def review_event(conn: Connection, event_id: int, *, who: str, reject: bool = False,
                 changes: dict[str, Any] | None = None, reason: str | None = None) -> dict[str, Any]:
    """Correct fields of an event or reject it; the previous values go to the audit trail."""
    row = conn.execute(select(events).where(events.c.id == event_id)).first()
    if row is None:
        raise StoreError(f"no event {event_id}", source="store")
    payload = dict(row.payload)
    changes = dict(changes or {})
    unknown = set(changes) - CORRECTABLE
    if unknown:
        raise StoreError(f"cannot correct {', '.join(sorted(unknown))}; correctable fields are "
                         f"{', '.join(sorted(CORRECTABLE))}", source=f"event {event_id}")
    if "type" in changes and changes["type"] not in EVENT_TYPES:
        raise StoreError(f"unknown event type {changes['type']!r}", source=f"event {event_id}")
    if "status" in changes and changes["status"] not in STATUSES:
        raise StoreError(f"unknown status {changes['status']!r}", source=f"event {event_id}")
    before = {k: payload.get(k) for k in changes}
    payload.update(changes)
    if changes:
        payload["corrected_fields"] = sorted(set(payload.get("corrected_fields") or []) | set(changes))
    values: dict[str, Any] = {"payload": payload, "review": "rejected" if reject else "corrected",
                              "reviewed_by": who, "reviewed_at": utcnow()}
    if changes:
        doc = conn.execute(select(documents).where(documents.c.id == row.document_id)).first()
        stub = Document(id=doc.doc_key, date=doc.date, text=doc.text, title=doc.title)
        values.update(_flat_columns(stub, payload))
    conn.execute(update(events).where(events.c.id == event_id).values(**values))
    action = "reject_event" if reject else "correct_event"
    detail = {"before": before, "after": changes, "reason": reason}
    record_audit(conn, who=who, action=action, target=f"event:{event_id}", detail=detail)
    return detail


def _flat_columns(document: Document, payload: dict[str, Any]) -> dict[str, Any]:
    """The query columns of an event re-derived from its (corrected) payload."""
    own = {k: v for k, v in payload.items() if k not in ("evidence_text", "corrected_fields")}
    event = Event.from_json(own)
    flat = rows.event_row(document, event)
    return {k: v for k, v in flat.items() if k not in ("event_key", "payload", "doc_date")}


def reviewed_events(conn: Connection, document_id: int) -> list[Any]:
    """The current events of a document that a person corrected or rejected."""
    return conn.execute(select(events.c.type, events.c.payload, events.c.review, events.c.reviewed_by,
                               events.c.reviewed_at)
                        .where(events.c.document_id == document_id, events.c.is_current.is_(True),
                               events.c.review.is_not(None))).all()


def _first_span(payload: dict[str, Any]) -> Span | None:
    evidence = payload.get("evidence") or []
    return Span(evidence[0]["start"], evidence[0]["end"]) if evidence else None


def carry_reviews(conn: Connection, document_id: int, extraction_id: int, document: Document,
                  previous: list[Any]) -> int:
    """Apply earlier reviews to the events of a new extraction of the same text; returns how many."""
    fresh = conn.execute(select(events.c.id, events.c.type, events.c.payload)
                         .where(events.c.extraction_id == extraction_id)).all()
    taken: set[int] = set()
    carried = 0
    for old in previous:
        old_span = _first_span(old.payload)
        fields = old.payload.get("corrected_fields") or []
        for new in fresh:
            new_span = _first_span(new.payload)
            type_agrees = new.type == old.type or "type" in fields
            same_place_in_text = bool(old_span and new_span and old_span.overlaps(new_span))
            if new.id in taken or not type_agrees or not same_place_in_text:
                continue
            payload = {**new.payload, **{f: old.payload.get(f) for f in fields}}
            if fields:
                payload["corrected_fields"] = list(fields)
            values = {"payload": payload, "review": old.review, "reviewed_by": old.reviewed_by,
                      "reviewed_at": old.reviewed_at}
            if fields:
                values.update(_flat_columns(document, payload))
            conn.execute(update(events).where(events.c.id == new.id).values(**values))
            taken.add(new.id)
            carried += 1
            break
    return carried
