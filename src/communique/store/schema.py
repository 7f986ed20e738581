"""The store's tables (SQLAlchemy Core): the head state that the Alembic migrations build.

Documents are versioned: a row per distinct text (keyed by its SHA-256), `doc_key` the
article's own id, `is_current` on the newest text of each id, so a corrected article keeps
its history. Each document text has extractions (one per Communique version that ran on it);
`events` and `entities` are the rows of the current extraction flattened for querying, with
denormalised columns (`countries` as " KAZ USA ", `contexts`) so filters are plain SQL on
both SQLite and PostgreSQL. `clusters`, `cluster_links`, `series` and `commitments` are
derived by the link stage and rebuilt as a whole, so they never depend on arrival order.

Full-text search lives outside this metadata, in the migrations: an FTS5 table on SQLite,
a generated `tsvector` column on PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("doc_key", String(400), nullable=False, index=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("revision", Integer, nullable=False, default=1),
    Column("is_current", Boolean, nullable=False, default=True, index=True),
    Column("date", Date, nullable=False, index=True),
    Column("title", Text),
    Column("url", Text),
    Column("publisher", Text),
    Column("language", String(16)),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("meta", JSON),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("replaced_at", DateTime(timezone=True)),
)

extractions = Table(
    "extractions", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("communique_version", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("is_current", Boolean, nullable=False, default=True),
    Column("n_events", Integer, nullable=False, default=0),
    Column("payload", JSON, nullable=False),  # entities, timexes, events as communique/1 JSON
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("extraction_id", Integer, ForeignKey("extractions.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("event_key", String(100), nullable=False),
    Column("is_current", Boolean, nullable=False, default=True),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("status", String(16), nullable=False),
    Column("doc_date", Date, nullable=False),
    Column("date_value", String(40)),
    Column("date_precision", String(8)),
    Column("date_basis", String(10)),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("location_name", Text),
    Column("location_country", String(8)),
    Column("series_name", Text),
    Column("series_round", Integer),
    Column("series_frequency", String(32)),
    Column("countries", String(400), nullable=False, default=" "),
    Column("actor_countries", String(400), nullable=False, default=" "),
    Column("recipient_countries", String(400), nullable=False, default=" "),
    Column("contexts", String(600), nullable=False, default=" "),
    Column("search_text", Text, nullable=False, default=""),
    Column("payload", JSON, nullable=False),
    Column("review", String(16)),  # None | corrected | rejected
    Column("reviewed_by", String(200)),
    Column("reviewed_at", DateTime(timezone=True)),
    Column("cluster_id", Integer, index=True),  # set by the link stage
    Column("series_key", String(400), index=True),  # set by the link stage
    Index("ix_events_current_type_date", "is_current", "type", "date_start"),
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True),
    Column("extraction_id", Integer, ForeignKey("extractions.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("is_current", Boolean, nullable=False, default=True),
    Column("entity_key", String(200), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("country", String(8), index=True),
    Column("sector", String(8)),
    Column("title", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
    Column("n_mentions", Integer, nullable=False, default=0),
)

clusters = Table(
    "clusters", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(80), nullable=False, unique=True),
    Column("type", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("countries", String(400), nullable=False, default=" "),
    Column("location_name", Text),
    Column("series_key", String(400)),
    Column("series_round", Integer),
    Column("n_events", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("anchor_event_id", Integer, nullable=False),
)

cluster_links = Table(
    "cluster_links", metadata,
    Column("id", Integer, primary_key=True),
    Column("cluster_id", Integer, ForeignKey("clusters.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("event_id", Integer, nullable=False, index=True),
    Column("is_anchor", Boolean, nullable=False),
    Column("score", Float, nullable=False),
    Column("explanation", JSON, nullable=False),
)

series = Table(
    "series", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(400), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("countries", String(400), nullable=False, default=" "),
    Column("frequency", String(32)),
    Column("n_rounds", Integer, nullable=False),
    Column("last_round", Integer),
    Column("last_date", Date),
    Column("next_expected", JSON),
    Column("rounds", JSON, nullable=False),
)

commitments = Table(
    "commitments", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(80), nullable=False, unique=True),
    Column("event_id", Integer, nullable=False, index=True),
    Column("cluster_id", Integer),
    Column("type", String(16), nullable=False),
    Column("countries", String(400), nullable=False, default=" "),
    Column("series_key", String(400)),
    Column("series_round", Integer),
    Column("location_name", Text),
    Column("location_country", String(8)),
    Column("promised_on", Date, nullable=False),
    Column("due_value", String(40)),
    Column("due_start", Date),
    Column("due_end", Date),
    Column("status", String(16), nullable=False, index=True),
    Column("resolved_by_event_id", Integer),
    Column("resolved_by_cluster_id", Integer),
    Column("as_of", Date),
    Column("explanation", JSON, nullable=False),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("who", String(200), nullable=False),
    Column("action", String(40), nullable=False),
    Column("target", String(200), nullable=False),
    Column("detail", JSON, nullable=False),
)

fetch_state = Table(
    "fetch_state", metadata,
    Column("url", String(2000), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("fetched_at", DateTime(timezone=True)),
    Column("status_code", Integer),
)
