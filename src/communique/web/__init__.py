"""The web UI served by `communique serve`: pages over the same store functions as `/api`.

    from communique.web import mount
    mount(app, store=store, write_token=token)   # adds the HTML routes and /static

Templates (`web/templates/`, Jinja, autoescape on) and static files (`web/static/`: CSS, a
little JavaScript, the map boundaries and the PLOVER score table) are package data.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from communique.store import Store
from communique.web.assets import STATIC_DIR

__all__ = ["WebConfig", "mount"]


@dataclass(slots=True)
class WebConfig:
    """What the pages need from the app: the store, and the write token (None: read-only)."""

    store: Store
    write_token: str | None = None


def mount(app: FastAPI, *, store: Store, write_token: str | None = None) -> None:
    """Add the HTML pages and `/static` to `app` (call after the `/api` routes are included)."""
    from communique.web.routes import router

    app.state.web = WebConfig(store=store, write_token=write_token or None)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    app.include_router(router)
