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
