"""Alembic environment: runs on the connection the store hands over (never a config file)."""

from __future__ import annotations

from alembic import context

from communique.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only the store runs these migrations
    raise RuntimeError("communique migrations run through communique.store.open_store()")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
