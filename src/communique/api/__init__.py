"""The REST API (FastAPI): `create_app()` serves the store as JSON under `/api`, OpenAPI at `/docs`.

    from communique.api import create_app
    app = create_app(db_url="sqlite:///record.db", write_token="s3cret")

Reading is open; writing needs the operator's token (`write_token=` or the environment
variable `COMMUNIQUE_WRITE_TOKEN`; none means read-only). The web UI's pages, when the
`communique.web` package is present, are mounted on the same app; other code can add routes
to the returned app and reach the store as `app.state.store`.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from communique import __version__
from communique.api.cache import ResponseCache
from communique.api.errors import ApiError, error_body, install_error_handlers
from communique.store import Store, open_store

__all__ = ["ApiError", "create_app", "error_body"]

# Sync routes run in anyio's threadpool (40 threads by default). Under many clients, 40 threads
# fight over the GIL and a process spends more CPU per request (load test: 2.0 -> 1.8 ms with 4);
# the queries are short, so a few threads keep SQLite busy, and `serve --workers` adds cores.
THREADS = 4


def create_app(db_url: str | None = None, write_token: str | None = None, *, store: Store | None = None,
               web: bool = True, cache: bool = True) -> FastAPI:
    """An app over the store at `db_url` (or the given `store`), with the web UI unless `web=False`
    and repeated API reads answered from memory until the store changes unless `cache=False`."""
    from communique.api import read, write

    owned = store is None
    store = store or open_store(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        yield
        if owned:
            store.close()

    token = write_token if write_token is not None else os.environ.get("COMMUNIQUE_WRITE_TOKEN")
    app = FastAPI(title="Communique", version=__version__,
                  description="Evidence-linked PLOVER event records from diplomatic press releases.",
                  lifespan=lifespan)
    app.state.store = store
    app.state.write_token = token or None
    install_error_handlers(app)
    if cache:
        app.add_middleware(ResponseCache, version=store.data_version)
    app.include_router(read.router, tags=["read"])
    app.include_router(write.router, tags=["write"])
    if web:
        try:
            from communique.web import mount
        except ImportError:  # the web UI is optional
            mount = None
        if mount is not None:
            mount(app, store=store, write_token=app.state.write_token)

    return app
