"""The store stage: documents, extractions and the linked record, in SQLite or PostgreSQL.

    from communique.store import open_store
    store = open_store()                      # or open_store("postgresql+psycopg://...")
    store.ingest(documents)                   # one transaction per document, then re-link
    store.events(EventFilter(country=["KAZ"], type=["CONSULT"]))

`Store` is a thin facade: the work is in `writer` (writes), `queries`/`resources` (one read
function per resource, taking a connection) and `communique.link` (clusters, series,
commitments). The web UI and the API call the same methods.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from communique import __version__
from communique.document import Document
from communique.errors import StoreError
from communique.settings import default_db_url
from communique.store import resources, reviews, writer
from communique.store.engine import open_engine
from communique.store.queries import SORTS, EventFilter, Page, get_event, iter_events, list_events
from communique.store.version import DataVersion
from communique.store.writer import IngestOutcome

__all__ = ["SORTS_HELP", "EventFilter", "IngestOutcome", "Page", "Store", "open_store"]

SORTS_HELP = "sort order: " + ", ".join(SORTS) + " (default -date: newest first)"


class Store:
    """A Communique store at one database URL (migrated to the newest schema when opened)."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.data_version = DataVersion(url)  # changes on every commit by anyone; None if unknowable

    # -- writing ---------------------------------------------------------------------------
    def add(self, document: Document, *, version: str = __version__,
            reextract: bool = False) -> IngestOutcome:
        """Store one extracted document in its own transaction (no re-linking); a database failure
        becomes a one-line `StoreError` naming the document, and the transaction is rolled back."""
        try:
            with self.engine.begin() as conn:
                return writer.add_document(conn, document, version=version, reextract=reextract)
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise StoreError(f"cannot store the document: {reason}",
                             source=document.source or document.id) from exc

    def ingest(self, documents: Iterable[Document], *, relink: bool = True) -> list[IngestOutcome]:
        """Store extracted documents one transaction each, then rebuild the links once."""
        outcomes = [self.add(doc) for doc in documents]
        if relink and any(o.action != "unchanged" for o in outcomes):
            self.relink()
        return outcomes

    def relink(self) -> dict[str, int]:
        """Rebuild clusters, series and commitments from every current event (order-independent)."""
        from communique.link import relink

        with self.engine.begin() as conn:
            return relink(conn)

    def correct_event(self, event_id: int, changes: dict[str, Any], *, who: str,
                      reason: str | None = None) -> dict[str, Any]:
        with self.engine.begin() as conn:
            detail = reviews.review_event(conn, event_id, who=who, changes=changes, reason=reason)
        self.relink()
        return detail

    def reject_event(self, event_id: int, *, who: str, reason: str | None = None) -> dict[str, Any]:
        with self.engine.begin() as conn:
            detail = reviews.review_event(conn, event_id, who=who, reject=True, reason=reason)
        self.relink()
        return detail

    def record_audit(self, *, who: str, action: str, target: str, detail: dict[str, Any]) -> None:
        with self.engine.begin() as conn:
            writer.record_audit(conn, who=who, action=action, target=target, detail=detail)

    def stored_documents(self, *, stale_only: bool = True, version: str = __version__) -> Iterator[Document]:
        """Current documents (text and metadata only) for `reextract`; by default those whose
        current extraction was made by another Communique version."""
        from communique.ingest import make_document
        from communique.store.schema import documents, extractions

        query = (select(documents).join(extractions, extractions.c.document_id == documents.c.id)
                 .where(documents.c.is_current.is_(True), extractions.c.is_current.is_(True))
                 .order_by(documents.c.id))
        if stale_only:
            query = query.where(extractions.c.communique_version != version)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        for row in rows:
            doc = make_document(row.text, doc_id=row.doc_key, date=row.date.isoformat(),
                                source=row.source or row.doc_key, title=row.title, url=row.url,
                                publisher=row.publisher)
            doc.extra.update(row.meta or {})
            yield doc

    # -- live sources ----------------------------------------------------------------------
    def fetch_validators(self, url: str) -> Any:
        """The ETag / Last-Modified a URL answered with last time (for a conditional GET)."""
        from communique.sources.fetch import Validators
        from communique.store.schema import fetch_state

        with self.engine.connect() as conn:
            row = conn.execute(select(fetch_state).where(fetch_state.c.url == url)).first()
        return Validators(row.etag, row.last_modified) if row is not None else None

    def save_fetch_state(self, url: str, validators: Any, status_code: int) -> None:
        from communique.store.schema import fetch_state

        values = {"etag": validators.etag, "last_modified": validators.last_modified,
                  "fetched_at": writer.utcnow(), "status_code": status_code}
        with self.engine.begin() as conn:
            if status_code == 304:
                conn.execute(update(fetch_state).where(fetch_state.c.url == url)
                             .values(fetched_at=values["fetched_at"], status_code=304))
                return
            conn.execute(delete(fetch_state).where(fetch_state.c.url == url))
            conn.execute(insert(fetch_state).values(url=url, **values))

    def has_url(self, url: str) -> bool:
        """Whether a document fetched from `url` is already stored (feeds then skip the page)."""
        from communique.store.schema import documents

        with self.engine.connect() as conn:
            found = conn.execute(select(documents.c.id).where(documents.c.url == url).limit(1)).first()
        return found is not None

    # -- reading ---------------------------------------------------------------------------
    def events(self, flt: EventFilter | None = None) -> Page:
        with self.engine.connect() as conn:
            return list_events(conn, flt)

    def iter_events(self, flt: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as conn:
            yield from iter_events(conn, flt)

    def event(self, event_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            return get_event(conn, event_id)

    def documents(self, **kwargs: Any) -> Page:
        with self.engine.connect() as conn:
            return resources.list_documents(conn, **kwargs)

    def document(self, key: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            return resources.get_document(conn, key)

    def entities(self, **kwargs: Any) -> Page:
        with self.engine.connect() as conn:
            return resources.list_entities(conn, **kwargs)

    def clusters(self, **kwargs: Any) -> Page:
        with self.engine.connect() as conn:
            return resources.list_clusters(conn, **kwargs)

    def cluster(self, cluster_id: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            return resources.get_cluster(conn, cluster_id)

    def series_list(self, **kwargs: Any) -> Page:
        with self.engine.connect() as conn:
            return resources.list_series(conn, **kwargs)

    def series(self, key_or_id: str | int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            return resources.get_series(conn, key_or_id)

    def commitments(self, *, status: str | list[str] | None = None, country: str | None = None,
                    as_of: dt.date | None = None, limit: int = 100, offset: int = 0) -> Page:
        with self.engine.connect() as conn:
            return resources.list_commitments(conn, status=status, country=country, as_of=as_of,
                                              limit=limit, offset=offset)

    def audit(self, **kwargs: Any) -> Page:
        with self.engine.connect() as conn:
            return resources.list_audit(conn, **kwargs)

    def stats(self) -> dict[str, Any]:
        with self.engine.connect() as conn:
            return resources.stats(conn)

    def close(self) -> None:
        self.data_version.close()
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_store(url: str | None = None) -> Store:
    """Open (and migrate) the store at `url`, by default `communique.settings.default_db_url()`."""
    url = url or default_db_url()
    return Store(open_engine(url), url)
