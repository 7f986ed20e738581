"""The REST API over a store of hand-made documents: reads, filters, exports, writes, error shape."""

from __future__ import annotations

import asyncio
import csv
import io
import json

import httpx
import pytest

from communique.api import create_app
from communique.store import open_store
from record_articles import eu_turkmenistan_2022, fourth_meeting_kz, fourth_meeting_us, uzbek_kazakh_call_2024

TOKEN = "test-token-123"


class Client:
    """A synchronous in-process client over the ASGI app (no server, no network)."""

    def __init__(self, app) -> None:
        self.app = app

    def request(self, method: str, url: str, **kwargs) -> httpx.Response:
        async def call() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                return await client.request(method, url, **kwargs)

        return asyncio.run(call())

    def get(self, url: str, **kwargs) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs) -> httpx.Response:
        return self.request("POST", url, **kwargs)


@pytest.fixture
def store(db_url):
    with open_store(db_url) as opened:
        opened.ingest([fourth_meeting_kz(), fourth_meeting_us(), eu_turkmenistan_2022(),
                       uzbek_kazakh_call_2024()])
        yield opened


@pytest.fixture
def client(store):
    return Client(create_app(store=store, write_token=TOKEN, web=False))


def _assert_error(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status
    body = response.json()
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list)
    return body


@pytest.mark.parametrize(("query", "total"), [
    ("", 7),
    ("?country=KAZ&type=CONSULT&since=2024-01-01", 3),
    ("?dyad=KAZ-USA&status=occurred", 3),
    ("?country=EUR&country=TKM&status=planned", 1),
    ("?q=Ashgabat", 1),
    ("?context=human_rights&until=2022-12-31", 1),
])
def test_api_events_filters(client, query, total):
    body = client.get(f"/api/events{query}").json()
    assert body["total"] == total and len(body["items"]) == total


def test_api_events_pagination_and_sort(client):
    first = client.get("/api/events?sort=date&limit=3").json()
    rest = client.get(f"/api/events?sort=date&limit=10&offset={first['next_offset']}").json()
    ids = [e["id"] for e in first["items"] + rest["items"]]
    assert len(ids) == len(set(ids)) == 7
    dates = [e["date_start"] for e in first["items"] + rest["items"]]
    assert dates == sorted(dates)


def test_api_resources(client):
    event = client.get("/api/events?mode=phone").json()["items"][0]
    assert client.get(f"/api/events/{event['id']}").json()["document"]["key"] == "uzb-kaz-call"
    document = client.get("/api/documents/eu-tkm-2022").json()
    assert len(document["events"]) == 3 and document["revisions"][0]["revision"] == 1
    assert client.get("/api/documents?q=Turkmenistan").json()["total"] == 1
    multi = client.get("/api/clusters?min_sources=2").json()["items"]
    assert len(multi) == 1 and multi[0]["n_sources"] == 2
    assert len(client.get(f"/api/clusters/{multi[0]['id']}").json()["events"]) == 2
    series = client.get("/api/series?country=TKM").json()["items"]
    assert len(series) == 1
    timeline = client.get(f"/api/series/{series[0]['key']}").json()
    assert [r["location"] for r in timeline["rounds"]] == ["Ashgabat"]
    assert timeline["next_expected"]["location"] == "Brussels"
    overdue = client.get("/api/commitments?status=overdue").json()
    assert overdue["total"] == 1 and overdue["items"][0]["due"] == "2023"
    assert client.get("/api/commitments?status=pending").json()["total"] == 0
    assert client.get("/api/commitments?status=pending&as_of=2023-06-01").json()["total"] == 1
    assert client.get("/api/stats").json()["documents"] == 4
    assert client.get("/api/entities").json()["total"] == 0


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "plover", "parquet"])
def test_api_exports(client, fmt):
    response = client.get(f"/api/events?format={fmt}&country=KAZ")
    assert response.status_code == 200
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert len(rows) == 4 and {r["document"] for r in rows} == {"kz-hld-4", "us-hld-4", "uzb-kaz-call"}
    elif fmt == "jsonl":
        lines = [json.loads(line) for line in response.text.splitlines()]
        assert len(lines) == 4 and all(line["evidence"][0]["text"] for line in lines)
    elif fmt == "plover":
        records = response.json()
        assert len(records) == 4 and {r["event_type"] for r in records} == {"CONSULT", "SUPPORT"}
        assert all("KAZ" in r["actor_country"] + r["recipient_country"] for r in records)
    else:
        import pyarrow.parquet as pq

        table = pq.read_table(io.BytesIO(response.content))
        assert table.num_rows == 4 and "evidence" in table.column_names
    same = client.get(f"/api/export/events.{fmt}?country=KAZ")
    assert same.content == response.content


def test_api_writes_need_the_token(client, store):
    event_id = client.get("/api/events?type=SUPPORT").json()["items"][0]["id"]
    _assert_error(client.post(f"/api/events/{event_id}/rejection", json={}), 401)
    _assert_error(client.post(f"/api/events/{event_id}/rejection", json={},
                              headers={"Authorization": "Bearer wrong"}), 401)
    ok = client.post(f"/api/events/{event_id}/rejection", json={"reason": "a welcome, not support"},
                     headers={"Authorization": f"Bearer {TOKEN}", "X-Communique-User": "reviewer-1"})
    assert ok.status_code == 200 and ok.json()["event"]["review"] == "rejected"
    assert client.get("/api/events?type=SUPPORT").json()["total"] == 0
    fix = client.post(f"/api/events/{event_id}/correction", json={"changes": {"type": "AGREE"}},
                      headers={"X-Communique-Token": TOKEN})
    assert fix.json()["event"]["type"] == "AGREE"
    trail = client.get("/api/audit").json()["items"]
    assert [(a["action"], a["who"]) for a in trail] == [("correct_event", "token holder"),
                                                         ("reject_event", "reviewer-1")]
    read_only = Client(create_app(store=store, write_token="", web=False))
    _assert_error(read_only.post(f"/api/events/{event_id}/rejection", json={},
                                 headers={"Authorization": f"Bearer {TOKEN}"}), 403)


def test_api_ingest_extracted_document(client):
    document = fourth_meeting_kz()
    document.id = "kz-hld-4-copy"
    document.text += " A copy."
    headers = {"Authorization": f"Bearer {TOKEN}"}
    first = client.post("/api/documents", json=document.to_json(), headers=headers).json()
    assert (first["action"], first["events"]) == ("new", 1)
    again = client.post("/api/documents", json=document.to_json(), headers=headers).json()
    assert again["action"] == "unchanged"
    assert client.get("/api/clusters?min_sources=3").json()["total"] == 1


@pytest.mark.parametrize(("method", "url", "body", "status"), [
    ("GET", "/api/events/999999", None, 404),
    ("GET", "/api/events/notanumber", None, 422),
    ("GET", "/api/events?since=yesterday", None, 422),
    ("GET", "/api/events?sort=sideways", None, 422),
    ("GET", "/api/events?format=xml", None, 422),
    ("GET", "/api/events?limit=0", None, 422),
    ("GET", "/api/documents/no-such-document", None, 404),
    ("GET", "/api/clusters/999999", None, 404),
    ("GET", "/api/series/no-such-series", None, 404),
    ("GET", "/api/no-such-route", None, 404),
    ("DELETE", "/api/events", None, 405),
    ("POST", "/api/events/1/correction", {"changes": {"evidence": []}}, 400),
    ("POST", "/api/events/1/correction", {"nochanges": 1}, 422),
    ("POST", "/api/events/999999/rejection", {}, 404),
    ("POST", "/api/documents", {"text": "No date here."}, 422),
])
def test_api_error_shape(client, method, url, body, status):
    headers = {"Authorization": f"Bearer {TOKEN}"}
    _assert_error(client.request(method, url, json=body, headers=headers), status)


@pytest.mark.parametrize("sort", ["date", "-date", "id", "-id", "type"])
def test_api_events_keyset_pagination(client, sort):
    everything = [e["id"] for e in client.get(f"/api/events?sort={sort}&limit=100").json()["items"]]
    seen, url = [], f"/api/events?sort={sort}&limit=3"
    while True:
        page = client.get(url).json()
        seen += [e["id"] for e in page["items"]]
        if "next_cursor" not in page:
            break
        url = f"/api/events?sort={sort}&limit=3&after={page['next_cursor']}"
    assert seen == everything and len(seen) == 7
    _assert_error(client.get(f"/api/events?sort={sort}&after=garbage"), 400)


def test_api_ingest_record_runs_the_extractor(client, pipeline):
    record = {"id": "api-call", "date": "2024-09-03", "title": "Leaders speak by phone",
              "text": "President Kassym-Jomart Tokayev of Kazakhstan held a telephone conversation with "
                      "President Shavkat Mirziyoyev of Uzbekistan on September 2, 2024."}
    response = client.post("/api/documents", json=record, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200 and response.json()["action"] == "new"
    stored = client.get("/api/documents/api-call").json()
    assert stored["title"] == "Leaders speak by phone" and stored["extractions"][0]["communique_version"]
    assert client.get("/api/audit").json()["items"][0]["action"] == "ingest"
