"""Web UI fixtures: a store filled with the seed, our articles and the examples; an in-process
client; and, for tests marked `browser`, a real `communique serve` subprocess and Chromium.

Chromium is Debian's (`/usr/bin/chromium`, installed by `make test` when apt can); Playwright
never downloads a browser. Without it the browser tests skip with the reason, except in CI
(`COMMUNIQUE_REQUIRE_BROWSER=1`, set by `.ci/run`), where they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from web_articles import example_texts, hand_made
from web_support import TOKEN

CHROMIUM = os.environ.get("COMMUNIQUE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def web_documents(shared, pipeline) -> list:
    """The documents every web test store holds (examples extracted once per session)."""
    from communique.pipeline import extract_text

    docs = hand_made(shared)
    for doc_id, date, text in example_texts():
        document = extract_text(text, date, doc_id=doc_id, pipeline=pipeline)
        document.title = doc_id[11:].replace("-", " ").capitalize()
        docs.append(document)
    return docs


def fill_store(url: str, documents: list):
    from communique.store import open_store

    store = open_store(url)
    store.ingest(documents)
    return store


@pytest.fixture(scope="session")
def web_store(tmp_path_factory, web_documents):
    store = fill_store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'store.db'}", web_documents)
    yield store
    store.close()


@pytest.fixture(scope="session")
def client(web_store):
    """An in-process client over the app `communique serve` runs, on the filled store."""
    with warnings.catch_warnings():  # starlette asks for httpx2, which we do not need
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from communique.api import create_app

    app = create_app(db_url=web_store.url, write_token=TOKEN)
    with TestClient(app) as test_client:
        yield test_client


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory, web_documents) -> Iterator[str]:
    """A real `communique serve` on a free port over its own copy of the filled store."""
    url = f"sqlite:///{tmp_path_factory.mktemp('served') / 'store.db'}"
    fill_store(url, web_documents).close()
    port = _free_port()
    command = [str(Path(sys.executable).with_name("communique")), "serve", "--db", url, "--host", "127.0.0.1",
               "--port", str(port)]
    log = tmp_path_factory.mktemp("serve-log") / "serve.log"
    env = {**os.environ, "COMMUNIQUE_WRITE_TOKEN": TOKEN}
    with log.open("w") as handle:
        process = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if process.poll() is not None:
                pytest.fail(f"communique serve exited with {process.returncode}: {log.read_text()[-2000:]}")
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail(f"communique serve did not answer on {base}: {log.read_text()[-2000:]}")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Debian's Chromium through Playwright, with a fresh profile; skipped (or failed in CI) without it."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        reason = f"Chromium not found at {CHROMIUM}: install it with `apt-get install -y chromium`"
        if os.environ.get("COMMUNIQUE_REQUIRE_BROWSER") or os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=20_000)  # generous: CI machines are shared; nothing here is a timing check

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1280, "height": 900})
        context.set_default_timeout(30_000)
        yield context
        context.close()


@pytest.fixture
def page(browser, server):
    """A fresh tab that records console errors and any dialog (there must be none)."""
    tab = browser.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    tab.close()
