"""Rendering a page's data: HTML through Jinja (autoescape on), or JSON with `?format=json`."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, Response

from communique import __version__
from communique.web.assets import TEMPLATES_DIR, type_scores
from communique.web.charts import TYPE_COLOURS
from communique.web.labels import country_name, is_country_code, participants


def _query(params: dict[str, Any], **changes: Any) -> str:
    """The current filters with some changed (None drops a key), as a query string."""
    merged = {k: v for k, v in params.items() if k != "offset"}
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return urlencode(merged, doseq=True)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The template environment: autoescaping always on."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters.update(country_name=country_name, participants=participants)
    env.globals.update(version=__version__, type_colours=TYPE_COLOURS, scores=type_scores(),
                       is_country_code=is_country_code, query=_query)
    return env


def render(request: Request, template: str, data: dict[str, Any], *, api: str | None,
           status: int = 200) -> Response:
    """HTML for `template`, or the data itself (without view-only `_` keys) for `?format=json`."""
    if request.query_params.get("format") == "json":
        plain = {k: v for k, v in data.items() if not k.startswith("_")}
        return JSONResponse(jsonable_encoder(plain), status_code=status)
    params = {k: request.query_params.getlist(k) for k in request.query_params if k != "format"}
    twin = request.url.path + "?" + urlencode({**params, "format": "json"}, doseq=True)
    html = environment().get_template(template).render(
        data=data, request=request, path=request.url.path, params=params, api=api, json_twin=twin,
        can_write=bool(request.app.state.web.write_token))
    return HTMLResponse(html, status_code=status)


def render_error(request: Request, status: int, message: str) -> Response:
    """One error shape: `{"ok": false, "error", "errors", "status"}` as JSON, or an HTML page."""
    wants_json = "application/json" in request.headers.get("accept", "")
    if request.query_params.get("format") == "json" or wants_json:
        return JSONResponse({"ok": False, "error": message, "errors": [message], "status": status},
                            status_code=status)
    return render(request, "error.html", {"status": status, "message": message}, api=None, status=status)
