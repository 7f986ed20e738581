"""The read API's response cache: a repeated read comes from memory, any commit by anyone retires it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from communique.api import create_app
from communique.api.cache import ResponseCache
from communique.store import open_store
from communique.store.version import DataVersion
from record_articles import eu_turkmenistan_2022, fourth_meeting_kz, fourth_meeting_us

TOKEN = "cache-token"
HEADER = "x-communique-cache"


def _get(app, *urls: str, method: str = "GET", **kwargs) -> list[httpx.Response]:  # type: ignore[no-untyped-def]
    async def call() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return [await client.request(method, url, **kwargs) for url in urls]

    return asyncio.run(call())


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cached.db'}"
    with open_store(url) as store:
        store.ingest([fourth_meeting_kz(), fourth_meeting_us()])
    return url


def test_a_repeated_read_is_a_hit_with_the_same_body(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        app = create_app(store=store, web=False)
        first, second, other = _get(app, "/api/events?limit=5", "/api/events?limit=5", "/api/events?limit=2")
    assert (first.headers[HEADER], second.headers[HEADER], other.headers[HEADER]) == ("miss", "hit", "miss")
    assert second.content == first.content and second.headers["content-type"] == "application/json"
    assert len(other.json()["items"]) == 2  # the query string is part of the key


def test_a_commit_by_another_process_or_connection_retires_every_entry(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        app = create_app(store=store, web=False)
        (before,) = _get(app, "/api/stats")
        with open_store(sqlite_url) as writer:  # an ingest beside the server: its own engine
            writer.ingest([eu_turkmenistan_2022()])
        (after,) = _get(app, "/api/stats")
    assert after.headers[HEADER] == "miss"
    assert after.json()["documents"] == before.json()["documents"] + 1


def test_a_write_through_the_api_is_seen_by_the_next_read(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        app = create_app(store=store, web=False, write_token=TOKEN)
        (page,) = _get(app, "/api/events")
        (again,) = _get(app, "/api/events")
        assert again.headers[HEADER] == "hit"
        event_id = page.json()["items"][0]["id"]
        (rejected,) = _get(app, f"/api/events/{event_id}/rejection", method="POST", json={"reason": "t"},
                           headers={"Authorization": f"Bearer {TOKEN}"})
        assert rejected.status_code == 200 and HEADER not in rejected.headers
        (after,) = _get(app, "/api/events")
    assert after.headers[HEADER] == "miss"
    assert after.json()["total"] == page.json()["total"] - 1


def test_errors_exports_and_pages_are_not_kept(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        app = create_app(store=store)
        missing = _get(app, "/api/events/999999", "/api/events/999999")
        exports = _get(app, "/api/events?format=csv", "/api/export/events.csv")
        pages = _get(app, "/", "/")
    assert [r.status_code for r in missing] == [404, 404]
    assert [r.headers[HEADER] for r in missing] == ["miss", "miss"]
    assert all(r.status_code == 200 and HEADER not in r.headers for r in exports + pages)


def test_no_cache_without_a_cheap_version(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        responses = _get(create_app(store=store, web=False, cache=False), "/api/stats", "/api/stats")
    assert all(HEADER not in r.headers for r in responses)
    assert DataVersion("sqlite://")() is None and DataVersion("sqlite:///:memory:")() is None
    assert DataVersion("postgresql+psycopg://u@localhost/db")() is None


def test_bounded_least_recently_used_first(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        app = create_app(store=store, web=False, cache=False)
        cache = ResponseCache(app, store.data_version, max_entries=2)
        urls = ["/api/events?limit=1", "/api/events?limit=2", "/api/events?limit=1", "/api/events?limit=3",
                "/api/events?limit=2", "/api/events?limit=1"]
        answers = _get(cache, *urls)
    # limit=1 kept (used again), limit=2 pushed out by limit=3, then limit=2 pushes out limit=1
    assert [r.headers[HEADER] for r in answers] == ["miss", "miss", "hit", "miss", "miss", "miss"]
    assert cache.hits == 1 and cache.misses == 5
