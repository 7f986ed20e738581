"""`communique serve --workers`: the default count; several processes reading and writing one SQLite store."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from communique.api import create_app
from communique.cli.serve import MAX_DEFAULT_WORKERS, default_workers
from communique.store import EventFilter, open_store
from record_articles import fourth_meeting_kz, fourth_meeting_us

TOKEN = "workers-token"


def test_default_workers_one_per_core_but_one_for_memory() -> None:
    assert default_workers("sqlite://") == 1
    assert default_workers("sqlite:///:memory:") == 1
    assert 1 <= default_workers("sqlite:////tmp/x.db") <= MAX_DEFAULT_WORKERS
    assert default_workers("sqlite:////tmp/x.db") == min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS)


def test_read_routes_answer_exactly_what_the_store_returns(tmp_path: Path) -> None:
    """The routes send the store's dicts themselves (no response-model pass): same JSON as before."""
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        store.ingest([fourth_meeting_kz(), fourth_meeting_us()])
        app = create_app(store=store, web=False)
        assert _get_json(app, "/api/events?limit=3") == store.events(EventFilter(limit=3)).to_json()
        assert _get_json(app, "/api/documents") == store.documents().to_json()
        assert _get_json(app, "/api/stats") == store.stats()
        first = store.events(EventFilter(limit=1)).items[0]
        assert _get_json(app, f"/api/events/{first['id']}") == first
        key = store.documents().items[0]["key"]
        assert _get_json(app, f"/api/documents/{key}") == store.document(key)


def _get_json(app, url: str):  # type: ignore[no-untyped-def]
    async def call():  # type: ignore[no-untyped-def]
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            answer = await client.get(url)
            assert answer.status_code == 200, answer.text
            return answer.json()

    return asyncio.run(call())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_two_workers_serve_reads_and_audited_writes(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'served.db'}"
    with open_store(url) as store:
        store.ingest([fourth_meeting_kz(), fourth_meeting_us()])
        event_ids = [e["id"] for e in store.events().items]
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    command = [str(Path(sys.executable).with_name("communique")), "serve", "--db", url, "--port", str(port),
               "--workers", "2"]
    log = tmp_path / "serve.log"
    with log.open("w") as handle:
        process = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT,
                                   env={**os.environ, "COMMUNIQUE_WRITE_TOKEN": TOKEN})
    try:
        for _ in range(600):
            if process.poll() is not None:
                pytest.fail(f"serve exited with {process.returncode}: {log.read_text()[-2000:]}")
            try:
                if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail(f"serve did not answer: {log.read_text()[-2000:]}")
        # the first worker may answer before the second has started: wait for both before writing
        for _ in range(600):
            if log.read_text().count("Started server process") >= 2:
                break
            time.sleep(0.1)
        for event_id in event_ids:  # fresh connections: the kernel spreads them over both workers
            answer = httpx.post(f"{base}/api/events/{event_id}/rejection", json={"reason": "test"},
                                headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)
            assert answer.status_code == 200, answer.text
        assert httpx.get(base + "/api/audit", timeout=10).json()["total"] == len(event_ids)
        assert httpx.get(base + "/api/events", timeout=10).json()["total"] == 0
        assert log.read_text().count("Started server process") == 2
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
