"""The HTML pages: thin handlers that call a `pages` data function and render it.

Every page answers `?format=json` with the same data (the page's JSON twin) and links the
matching `/api` resource where one exists. Writes (extract-and-store, review) need the
operator's write token, compared in constant time.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from communique.errors import CommuniqueError
from communique.store import Store
from communique.web import pages
from communique.web.render import render, render_error

router = APIRouter(include_in_schema=False)
MAX_UPLOAD = 2_000_000


def _store(request: Request) -> Store:
    return request.app.state.web.store


def _token_ok(request: Request, token: str | None) -> bool:
    expected = request.app.state.web.write_token
    return bool(expected and token and secrets.compare_digest(token.encode(), expected.encode()))


def _clean_query(params: dict[str, list[str]]) -> str:
    """The filters that have a value, as a query string (empty form fields left out)."""
    pairs = [(k, v) for k, values in params.items() for v in values if v.strip() and k != "format"]
    return urlencode(pairs)


def _params(request: Request) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        out.setdefault(key, []).append(value)
    return out


def _as_of(value: str | None) -> dt.date | None:
    """`?as_of=YYYY-MM-DD`: judge promises as of that day instead of today (None when absent or invalid)."""
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, as_of: str | None = None) -> Response:
    data = pages.overview(_store(request), today=_as_of(as_of))
    return render(request, "overview.html", data, api="/api/stats")


@router.get("/search", response_class=HTMLResponse)
def search(request: Request) -> Response:
    params = _params(request)
    data = pages.search(_store(request), params)
    return render(request, "search.html", data, api="/api/events?" + _clean_query(params))


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, q: str | None = None, offset: int = 0) -> Response:
    data = _store(request).documents(q=q or None, limit=pages.PAGE_SIZE, offset=max(0, offset)).to_json()
    return render(request, "articles.html", {**data, "q": q or ""}, api="/api/documents")


@router.post("/articles/extract", response_class=HTMLResponse)
async def extract(request: Request, text: str = Form(""), date: str = Form(""), title: str = Form(""),
                  token: str = Form(""), who: str = Form(""), save: str = Form(""),
                  upload: UploadFile | None = File(None)) -> Response:
    """Extract a pasted or uploaded article on the spot; store it when the write token is given."""
    from communique.ingest.text import split_seed_header
    from communique.pipeline import extract_text

    if upload is not None and upload.filename:
        raw = await upload.read(MAX_UPLOAD + 1)
        if len(raw) > MAX_UPLOAD:
            return render_error(request, 413, "the file is larger than 2 MB")
        text = raw.decode("utf-8", errors="replace")
    header_date, text = split_seed_header(text)
    date = date.strip() or (header_date or "")
    if not text.strip() or not date:
        return render_error(request, 422, "give the article text (or a file) and its publication date")
    if save and not _token_ok(request, token):
        return render_error(request, 403, "storing needs the write token; extract without storing instead")
    doc_id = "pasted-" + secrets.token_hex(4) if not title.strip() else _slug(title)
    try:
        document = extract_text(text, date, doc_id=doc_id)
    except CommuniqueError as err:
        return render_error(request, 422, str(err))
    document.title = title.strip() or None
    if save:
        store = _store(request)
        store.ingest([document])
        store.record_audit(who=who.strip() or "editor", action="add_document", target=f"document:{doc_id}",
                           detail={"via": "web", "title": document.title})
        return RedirectResponse(f"/articles/{document.id}", status_code=303)
    data = pages.extracted_article(document)
    return render(request, "article.html", {**data, "unsaved": True}, api=None)


def _slug(title: str) -> str:
    words = "".join(c if c.isalnum() else "-" for c in title.lower()).split("-")
    return "-".join(w for w in words if w)[:60] + "-" + secrets.token_hex(2)


@router.get("/articles/{key:path}", response_class=HTMLResponse)
def article(request: Request, key: str) -> Response:
    data = pages.article(_store(request), key)
    if data is None:
        return render_error(request, 404, f"no article {key!r}")
    return render(request, "article.html", data, api=f"/api/documents/{key}")


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: int) -> Response:
    data = pages.event(_store(request), event_id)
    if data is None:
        return render_error(request, 404, f"no event {event_id}")
    return render(request, "event.html", data, api=f"/api/events/{event_id}")


@router.post("/events/{event_id}/review", response_class=HTMLResponse)
def review(request: Request, event_id: int, action: str = Form(...), token: str = Form(""),
           who: str = Form(""), reason: str = Form(""), type: str = Form(""), status: str = Form(""),
           date: str = Form(""), location: str = Form(""), topics: str = Form("")) -> Response:
    """Correct or reject an event (write token required); the store keeps the audit trail."""
    if not _token_ok(request, token):
        return render_error(request, 403, "reviewing needs the write token")
    if not who.strip():
        return render_error(request, 422, "say who you are: the change is recorded with your name")
    store = _store(request)
    current = store.event(event_id)
    if current is None:
        return render_error(request, 404, f"no event {event_id}")
    try:
        if action == "reject":
            store.reject_event(event_id, who=who.strip(), reason=reason.strip() or None)
        else:
            changes = _changes(current, type=type, status=status, date=date, location=location, topics=topics)
            if not changes:
                return render_error(request, 422, "nothing to change: edit a field or reject the event")
            store.correct_event(event_id, changes, who=who.strip(), reason=reason.strip() or None)
    except CommuniqueError as err:
        return render_error(request, 422, str(err))
    return RedirectResponse(f"/events/{event_id}#history", status_code=303)


def _changes(current: dict[str, Any], **form: str) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if form["type"] and form["type"] != current["type"]:
        changes["type"] = form["type"]
    if form["status"] and form["status"] != current["status"]:
        changes["status"] = form["status"]
    old_date = (current.get("date") or {}).get("value")
    if form["date"].strip() and form["date"].strip() != old_date:
        value = form["date"].strip()
        precision = {4: "year", 7: "month"}.get(len(value), "day")
        changes["date"] = {"value": value, "precision": precision, "basis": "text"}
    old_place = (current.get("location") or {}).get("name")
    if form["location"].strip() != (old_place or ""):
        name = form["location"].strip()
        changes["location"] = ({"entity": None, "name": name, "country": (current.get("location") or {})
                                .get("country")} if name else None)
    topics = [t.strip() for t in form["topics"].split(";") if t.strip()]
    if form["topics"].strip() and topics != current.get("topics"):
        changes["topics"] = topics
    return changes


@router.get("/review", response_class=HTMLResponse)
def review_log(request: Request, offset: int = 0) -> Response:
    data = _store(request).audit(limit=50, offset=max(0, offset)).to_json()
    return render(request, "review.html", data, api="/api/audit")


@router.get("/series", response_class=HTMLResponse)
def series_index(request: Request, q: str | None = None) -> Response:
    data = pages.series_index(_store(request), q=q or None)
    return render(request, "series_index.html", {**data, "q": q or ""}, api="/api/series")


@router.get("/series/{key:path}", response_class=HTMLResponse)
def series(request: Request, key: str) -> Response:
    data = pages.series_detail(_store(request), key)
    if data is None:
        return render_error(request, 404, f"no dialogue series {key!r}")
    return render(request, "series.html", data, api=f"/api/series/{data['id']}")


@router.get("/promises", response_class=HTMLResponse)
def promises(request: Request, status: str | None = None, country: str | None = None,
             as_of: str | None = None) -> Response:
    today = _as_of(as_of)
    if as_of and today is None:
        return render_error(request, 422, "as_of must be a date like 2025-06-30")
    data = pages.promises(_store(request), status=status or None, country=country or None, today=today)
    api = "/api/commitments?" + _clean_query({"status": [status or ""], "country": [country or ""],
                                              "as_of": [data["as_of"]]})
    return render(request, "promises.html", data, api=api)


@router.get("/countries", response_class=HTMLResponse)
def countries(request: Request) -> Response:
    return render(request, "countries.html", pages.countries(_store(request)), api=None)


@router.get("/countries/{code}", response_class=HTMLResponse)
def country(request: Request, code: str) -> Response:
    data = pages.interactions(_store(request), [code])
    if data is None:
        return render_error(request, 404, "a country is a three-letter ISO code such as KAZ")
    return render(request, "interactions.html", data, api=f"/api/events?country={data['codes'][0]}")


@router.get("/dyads/{pair}", response_class=HTMLResponse)
def dyad(request: Request, pair: str) -> Response:
    codes = [c for c in pair.replace("+", "-").split("-") if c]
    data = pages.interactions(_store(request), codes) if len(codes) == 2 else None
    if data is None:
        return render_error(request, 404, "a dyad is two ISO codes such as KAZ-USA")
    return render(request, "interactions.html", data, api=f"/api/events?dyad={'-'.join(data['codes'])}")

