"""A stand-in for `communique.api.create_app` until the API lands (web pages only)."""

from __future__ import annotations

import os

from fastapi import FastAPI


def create_app(db_url: str | None = None, write_token: str | None = None) -> FastAPI:
    from communique.store import open_store
    from communique.web import mount

    app = FastAPI()
    mount(app, store=open_store(db_url or os.environ["COMMUNIQUE_DB"]),
          write_token=write_token or os.environ.get("COMMUNIQUE_WRITE_TOKEN"))
    return app
