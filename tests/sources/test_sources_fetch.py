"""Live sources against a local HTTP server serving fixture feeds and pages (never the internet)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from communique.document import Document
from communique.errors import InputError
from communique.sources import Fetcher, FetchError, read_urls
from communique.sources.feeds import parse_feed
from communique.store import open_store

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "feeds"


class FixtureSite:
    """A tiny site: fixture files by path, ETags, and scripted failures; it logs every request."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.failures: dict[str, list[int]] = {}  # path -> statuses to answer before succeeding
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server API
                site.requests.append((self.path, dict(self.headers)))
                pending = site.failures.get(self.path)
                if pending:
                    self.send_response(pending.pop(0))
                    self.send_header("Retry-After", "0")
                    self.end_headers()
                    return
                name = self.path.rsplit("/", 1)[-1]
                file = FEEDS / name
                if not file.exists():
                    self.send_error(404)
                    return
                body = file.read_text(encoding="utf-8").replace("http://HOST", site.base).encode()
                etag = f'"{len(body)}-{name}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                kind = "application/rss+xml" if name.endswith(".xml") else "text/html; charset=utf-8"
                self.send_header("Content-Type", kind)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def paths(self) -> list[str]:
        return [p for p, _h in self.requests]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    running = FixtureSite()
    yield running
    running.close()


@pytest.fixture
def fetcher():
    sleeps: list[float] = []
    quick = Fetcher(timeout=5, retries=2, backoff=0.01, host_interval=0, sleep=sleeps.append)
    quick.sleeps = sleeps
    yield quick
    quick.close()


def test_sources_rss_feed_gives_dated_documents(site, fetcher):
    items = list(read_urls([f"{site.base}/feeds/rss.xml"], fetcher=fetcher))
    assert all(isinstance(i, Document) for i in items), items
    assert [(d.date.isoformat(), d.title) for d in items] == [
        ("2024-05-14", "Kazakhstan and Uzbekistan hold political consultations"),
        ("2024-05-16", "Foreign Minister receives the Ambassador of Japan")]
    assert "next round of consultations in Astana in 2025" in items[0].text
    assert items[0].url == items[0].id == f"{site.base}/news/kaz-uzb-consultations.html"
    assert all("Communique/" in headers["User-Agent"] for _p, headers in site.requests)


def test_sources_atom_feed(site):
    text = (FEEDS / "atom.xml").read_text(encoding="utf-8").replace("http://HOST", site.base)
    (item,) = parse_feed(text, source="atom.xml")
    assert item.link.endswith("/news/japan-ambassador.html") and item.date.isoformat() == "2024-05-16"
    assert item.title == "Foreign Minister receives the Ambassador of Japan"


def test_sources_conditional_get_and_known_pages(site, fetcher, tmp_path):
    feed = f"{site.base}/feeds/rss.xml"
    with open_store(f"sqlite:///{tmp_path / 'live.db'}") as store:
        first = list(read_urls([feed], store=store, fetcher=fetcher))
        store.ingest(first)
        again = list(read_urls([feed], store=store, fetcher=fetcher))
        assert again == []  # 304: the feed did not change
        assert site.requests[-1][1].get("If-None-Match")
        # the feed changes (validators forgotten): its pages are known, so they are not fetched again
        store.save_fetch_state(feed, type(store.fetch_validators(feed))(), 200)
        before = len(site.requests)
        assert list(read_urls([feed], store=store, fetcher=fetcher)) == []
        assert site.paths()[before:] == ["/feeds/rss.xml"]


def test_sources_retries_with_back_off(site, fetcher):
    site.failures["/news/japan-ambassador.html"] = [503, 502]
    (document,) = read_urls([f"{site.base}/news/japan-ambassador.html"], date="2024-05-16", fetcher=fetcher)
    assert isinstance(document, Document) and "Ambassador of Japan" in document.text
    assert fetcher.sleeps == [0.01, 0.02]
    assert site.paths().count("/news/japan-ambassador.html") == 3


def test_sources_give_up_with_one_line_error(site, fetcher):
    site.failures["/news/japan-ambassador.html"] = [500, 500, 500]
    (error,) = read_urls([f"{site.base}/news/japan-ambassador.html"], date="2024-05-16", fetcher=fetcher)
    assert isinstance(error, FetchError) and "gave up after 3 attempts: HTTP 500" in str(error)
    (missing,) = read_urls([f"{site.base}/news/nothing.html"], date="2024-05-16", fetcher=fetcher)
    assert isinstance(missing, FetchError) and "HTTP 404" in str(missing) and "\n" not in str(missing)


def test_sources_page_date_from_the_page_when_none_given(site, fetcher):
    (document,) = read_urls([f"{site.base}/news/japan-ambassador.html"], fetcher=fetcher)
    assert isinstance(document, Document) and document.date.isoformat() == "2024-05-15"


def test_sources_feed_with_entities_refused():
    evil = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "boom">]><rss><channel></channel></rss>'
    with pytest.raises(InputError, match="DTD"):
        parse_feed(evil, source="evil.xml")


def test_sources_watch_one_poll_stores_feed_articles(site, tmp_path, capsys, pipeline):
    from communique.cli import main

    db = f"sqlite:///{tmp_path / 'watched.db'}"
    feed = f"{site.base}/feeds/rss.xml"
    assert main(["watch", feed, "--every", "15m", "--rounds", "1", "--db", db]) == 0
    assert "poll 1: 2 new, 0 revised, 0 failed" in capsys.readouterr().out
    assert main(["ingest", feed, "--db", db]) == 0  # unchanged feed: a 304, nothing new
    assert capsys.readouterr().out.startswith("0 new, 0 revised, 0 unchanged, 0 failed")
    with open_store(db) as store:
        keys = {d["key"] for d in store.documents().items}
    assert keys == {f"{site.base}/news/kaz-uzb-consultations.html", f"{site.base}/news/japan-ambassador.html"}


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("1h", 3600), ("90", 90), ("2d", 172800)])
def test_sources_watch_interval(text, seconds):
    from communique.cli.watch import parse_interval

    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["10s", "soon", "-5m"])
def test_sources_watch_interval_refused(text):
    from communique.cli.watch import parse_interval
    from communique.errors import CommuniqueError

    with pytest.raises(CommuniqueError):
        parse_interval(text)
