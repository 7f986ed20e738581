"""Writing to the store: one transaction per document, history kept, reviews audited.

`add_document` decides what an incoming document is: the same text again (nothing changes),
a new article, a corrected text of a known article (the old text stays as an earlier
revision), or — when `reextract` is asked — a new extraction of a stored text by this
Communique version. Every write by a person (corrections, rejections) adds an audit row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from communique import __version__
from communique.document import EVENT_TYPES, STATUSES, Document
from communique.errors import StoreError
from communique.store import rows
from communique.store.schema import audit_log, documents, entities, events, extractions

MAX_KEY_LENGTH = 400  # documents.doc_key


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What storing one document did: new | unchanged | revised | reextracted."""

    doc_key: str
    action: str
    document_id: int
    n_events: int


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def add_document(conn: Connection, document: Document, *, version: str = __version__,
                 reextract: bool = False) -> IngestOutcome:
    """Store `document` and its extraction (call inside one transaction)."""
    if not document.id or len(document.id) > MAX_KEY_LENGTH:
        raise StoreError(f"document id must be 1 to {MAX_KEY_LENGTH} characters (got {len(document.id)})",
                         source=document.source or document.id[:80])
    sha = document.sha256
    same_text = select(documents.c.id, documents.c.doc_key).where(documents.c.sha256 == sha)
    existing = conn.execute(same_text).first()
    if existing is not None:
        if not reextract:
            return IngestOutcome(existing.doc_key, "unchanged", existing.id, 0)
        n_events = _add_extraction(conn, existing.id, document, version)
        return IngestOutcome(existing.doc_key, "reextracted", existing.id, n_events)

    now = utcnow()
    previous = conn.execute(
        select(documents.c.id, documents.c.revision)
        .where(documents.c.doc_key == document.id, documents.c.is_current.is_(True))
    ).first()
    revision = 1
    if previous is not None:
        revision = previous.revision + 1
        conn.execute(update(documents).where(documents.c.id == previous.id)
                     .values(is_current=False, replaced_at=now))
        conn.execute(update(events).where(events.c.document_id == previous.id).values(is_current=False))
        conn.execute(update(entities).where(entities.c.document_id == previous.id).values(is_current=False))
    document_id = conn.execute(
        insert(documents).values(**rows.document_row(document), revision=revision, is_current=True,
                                 ingested_at=now)
    ).inserted_primary_key[0]
    n_events = _add_extraction(conn, document_id, document, version)
    return IngestOutcome(document.id, "revised" if previous is not None else "new", document_id, n_events)


def _add_extraction(conn: Connection, document_id: int, document: Document, version: str) -> int:
    """A new current extraction of a stored text; earlier ones stay but are no longer current.
    Reviews of the previous extraction's events carry over to the matching new events."""
    from communique.store.reviews import carry_reviews, reviewed_events

    previous_reviews = reviewed_events(conn, document_id)
    conn.execute(update(extractions).where(extractions.c.document_id == document_id).values(is_current=False))
    conn.execute(update(events).where(events.c.document_id == document_id).values(is_current=False))
    conn.execute(update(entities).where(entities.c.document_id == document_id).values(is_current=False))
    for event in document.events:
        if event.type not in EVENT_TYPES or event.status not in STATUSES:
            raise StoreError(f"event {event.id} has type {event.type!r} / status {event.status!r}, "
                             "which the contract does not allow", source=document.source or document.id)
    extraction_id = conn.execute(
        insert(extractions).values(document_id=document_id, communique_version=version, created_at=utcnow(),
                                   is_current=True, n_events=len(document.events),
                                   payload=rows.extraction_payload(document))
    ).inserted_primary_key[0]
    event_rows = [{**rows.event_row(document, ev), "extraction_id": extraction_id, "document_id": document_id,
                   "is_current": True} for ev in document.events]
    if event_rows:
        conn.execute(insert(events), event_rows)
    if previous_reviews:
        carry_reviews(conn, document_id, extraction_id, document, previous_reviews)
    entity_rows = [{**row, "extraction_id": extraction_id, "document_id": document_id, "is_current": True}
                   for row in rows.entity_rows(document)]
    if entity_rows:
        conn.execute(insert(entities), entity_rows)
    return len(event_rows)


def record_audit(conn: Connection, *, who: str, action: str, target: str, detail: dict[str, Any]) -> None:
    conn.execute(insert(audit_log).values(at=utcnow(), who=who, action=action, target=target, detail=detail))
