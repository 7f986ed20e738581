"""The pages in-process: content, escaping, JSON twins, the error shape, write protection."""

from __future__ import annotations

import pytest
from web_articles import IMG, INJECTION_TITLE, SCRIPT
from web_support import TOKEN


@pytest.mark.parametrize("url, expected", [
    ("/", "What is in the record"),
    ("/search?q=human+rights", "Events"),
    ("/articles", "Articles"),
    ("/series", "Dialogue series"),
    ("/promises", "Promises"),
    ("/countries", "Kazakhstan"),
    ("/countries/KAZ", "Interactions over time"),
    ("/dyads/KAZ-USA", "Kazakhstan and United States"),
    ("/review", "Review"),
])
def test_web_page_renders_with_content(client, url, expected):
    response = client.get(url)
    assert response.status_code == 200
    assert expected in response.text
    assert 'rel="alternate" type="application/json"' in response.text


@pytest.mark.parametrize("url", ["/articles/injection-2026", "/search?q=" + SCRIPT, "/countries/KAZ",
                                 "/promises", "/", "/search?country=UZB"])
def test_web_markup_from_articles_is_escaped(client, url):
    html = client.get(url).text
    assert SCRIPT not in html and IMG not in html
    assert "<script>window.__pwned" not in html
    assert 'onerror="window' not in html


def test_web_article_shows_injection_as_text(client):
    html = client.get("/articles/injection-2026").text
    assert "&lt;script&gt;window.__pwned = 1;" in html
    assert "Joint statement &lt;script&gt;" in html
    assert INJECTION_TITLE not in html


@pytest.mark.parametrize("url, key", [
    ("/?format=json", "by_type"),
    ("/countries/KAZ?format=json", "partners"),
    ("/search?type=CONSULT&format=json", "items"),
    ("/promises?format=json", "counts"),
])
def test_web_json_twin_has_the_page_data(client, url, key):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert key in response.json()
    assert not any(k.startswith("_") for k in response.json())


@pytest.mark.parametrize("url, status", [("/articles/no-such", 404), ("/countries/kazakhstan", 404),
                                          ("/events/999999", 404), ("/dyads/KAZ", 404)])
def test_web_errors_have_one_shape(client, url, status):
    response = client.get(url + "?format=json")
    assert response.status_code == status
    body = response.json()
    assert body["ok"] is False and body["status"] == status and body["errors"] == [body["error"]]
    assert client.get(url).status_code == status


def test_web_search_filters_are_url_parameters(client):
    response = client.get("/search", params={"type": "CONSULT", "country": "KAZ", "status": "occurred"})
    data = client.get("/search", params={"type": "CONSULT", "country": "KAZ", "status": "occurred",
                                         "format": "json"}).json()
    assert data["total"] > 0
    assert all(e["type"] == "CONSULT" and "KAZ" in e["countries"] for e in data["items"])
    assert "type: CONSULT" in response.text


def test_web_review_needs_the_token(client):
    event_id = client.get("/search?type=CONSULT&format=json").json()["items"][0]["id"]
    response = client.post(f"/events/{event_id}/review",
                           data={"action": "reject", "token": "wrong", "who": "x"})
    assert response.status_code == 403
    assert client.get(f"/events/{event_id}?format=json").json()["review"] is None


def test_web_extract_store_needs_the_token(client):
    response = client.post("/articles/extract", data={"text": "Kazakhstan and Uzbekistan met.",
                                                      "date": "2024-01-05", "save": "1", "token": ""})
    assert response.status_code == 403
    assert TOKEN not in response.text


@pytest.fixture(scope="module")
def pg_client(shared):
    """The pages over PostgreSQL: a database of their own beside the test database (dropped after)."""
    import os
    import warnings

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    base = os.environ.get("COMMUNIQUE_TEST_PG_URL")
    if not base:
        if os.environ.get("CI"):
            pytest.fail("COMMUNIQUE_TEST_PG_URL is not set in CI (.ci/run starts PostgreSQL)")
        pytest.skip("PostgreSQL not configured: set COMMUNIQUE_TEST_PG_URL (see .ci/run)")
    url = make_url(base)
    name = f"{url.database}_web"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    web_url = url.set(database=name).render_as_string(hide_password=False)
    from web_articles import hand_made

    from communique.api import create_app
    from communique.store import open_store

    with open_store(web_url) as store:
        store.ingest(hand_made(shared))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    with TestClient(create_app(db_url=web_url, write_token=TOKEN)) as test_client:
        yield test_client
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("url, expected", [
    ("/", "What is in the record"), ("/search?q=human+rights&type=CONSULT", "High-level Dialogue"),
    ("/articles/seed-000", "last December"), ("/countries/KAZ", "Interactions over time"),
    ("/dyads/KAZ-USA", "Astana"), ("/promises", "fulfilled"), ("/series", "Supreme Interstate Council"),
])
def test_web_pages_on_postgresql(pg_client, url, expected):
    response = pg_client.get(url)
    assert response.status_code == 200
    assert expected in response.text
