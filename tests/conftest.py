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


_PG_MIGRATED: set[str] = set()


def _reset_postgres(url: str) -> None:
    """Empty the PostgreSQL test database: the first time in a session drop the whole schema (so
    the migrations run from scratch once), afterwards only empty the tables (much faster)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        listed = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                   "AND tablename != 'alembic_version'"))
        tables = ", ".join(f'"{row[0]}"' for row in listed)
        if url in _PG_MIGRATED and tables:
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        else:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
            _PG_MIGRATED.add(url)
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """An empty store URL: a SQLite file, and PostgreSQL when COMMUNIQUE_TEST_PG_URL is set (CI)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    url = os.environ.get("COMMUNIQUE_TEST_PG_URL")
    if not url:
        if os.environ.get("CI") or os.environ.get("COMMUNIQUE_REQUIRE_PG"):
            pytest.fail("PostgreSQL is required but COMMUNIQUE_TEST_PG_URL is not set (.ci/run starts it)")
        pytest.skip("PostgreSQL not configured: set COMMUNIQUE_TEST_PG_URL (see .ci/run)")
    _reset_postgres(url)
    return url
