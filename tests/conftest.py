"""Shared fixtures: the spaCy pipeline (loaded once), `../shared` (skipped with a reason when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from communique.settings import shared_dir

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _shared_or_skip() -> Path:
    path = shared_dir()
    if not (path / "seed" / "article.txt").exists():
        if os.environ.get("CI") or os.environ.get("COMMUNIQUE_REQUIRE_SHARED"):
            pytest.fail(f"../shared is required here but missing at {path}")
        pytest.skip(f"evaluation material not found at {path} (set COMMUNIQUE_SHARED)")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    """The `../shared` folder: seed, eval sets, corpus. Skips the test when it is absent."""
    return _shared_or_skip()


@pytest.fixture(scope="session")
def pipeline():
    """One extraction pipeline for the whole session (loading spaCy takes a second)."""
    from communique.pipeline import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="session")
def nlp():
    from communique.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def postgres_schema_url():
    """A PostgreSQL URL whose `search_path` is a schema of this test process alone (so parallel
    test runs on one server never empty each other's tables); the schema is dropped at the end.
    None when COMMUNIQUE_TEST_PG_URL is not set."""
    from sqlalchemy import create_engine, text

    base = os.environ.get("COMMUNIQUE_TEST_PG_URL")
    if not base:
        yield None
        return
    schema = f"test_{os.getpid()}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}", schema
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def _empty_postgres_schema(url: str, schema: str) -> None:
    """Empty every table of the test schema but the migration record (faster than re-migrating)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        listed = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = :schema "
                                   "AND tablename != 'alembic_version'"), {"schema": schema})
        tables = ", ".join(f'"{schema}"."{row[0]}"' for row in listed)
        if tables:
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path, postgres_schema_url) -> str:
    """An empty store URL: a SQLite file, and PostgreSQL when COMMUNIQUE_TEST_PG_URL is set (CI)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    if postgres_schema_url is None:
        if os.environ.get("CI") or os.environ.get("COMMUNIQUE_REQUIRE_PG"):
            pytest.fail("PostgreSQL is required but COMMUNIQUE_TEST_PG_URL is not set (.ci/run starts it)")
        pytest.skip("PostgreSQL not configured: set COMMUNIQUE_TEST_PG_URL (see .ci/run)")
    url, schema = postgres_schema_url
    _empty_postgres_schema(url, schema)
    return url
