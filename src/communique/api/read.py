"""Read routes under `/api`: open to everyone, each a thin call to one store data function.

Speed (issue 8's load test): the dependencies are `async def` because they do no I/O — a plain
`def` dependency costs a hop through the threadpool on every request; the routes stay `def`
(one hop) so a slow query never blocks the event loop; and the store's dicts, already JSON-ready,
go out through `_json` rather than FastAPI's response-model validation of `dict[str, Any]`
(which only re-checks that a dict is a dict). `response_model` keeps the OpenAPI schema as it was.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from communique.api.errors import ApiError
from communique.store import EventFilter, Store
from communique.store.export import FORMATS, SUFFIXES, iter_export, parquet_bytes
from communique.store.queries import SORTS

router = APIRouter(prefix="/api")
STATUS_HELP = "pending, fulfilled, overdue, cancelled"
JsonObject = dict[str, Any]  # the documented response of the routes that answer through `_json`


async def get_store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=1000, description="page size")]
Offset = Annotated[int, Query(ge=0, description="skip this many results")]


async def event_filter(
    country: Annotated[list[str], Query(description="any of these ISO3 codes among the participants")] = [],  # noqa: B006
    dyad: Annotated[str | None, Query(description="both countries among the participants: KAZ-USA")] = None,
    actor_country: str | None = None,
    recipient_country: str | None = None,
    type: Annotated[list[str], Query(description="PLOVER event types")] = [],  # noqa: B006
    status: Annotated[list[str], Query(description="occurred, planned, hypothetical, negated")] = [],  # noqa: B006
    mode: str | None = None,
    context: str | None = None,
    series: Annotated[str | None, Query(description="series key or words of its name")] = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    q: Annotated[str | None, Query(description="full-text search in evidence, topics, titles")] = None,
    document: str | None = None,
    cluster: int | None = None,
    include_rejected: bool = False,
    sort: Annotated[str, Query(description=", ".join(SORTS))] = "-date",
    limit: Limit = 50,
    offset: Offset = 0,
    after: Annotated[str | None, Query(description="next_cursor of the previous page (keyset "
                                       "pagination, same sort; offset is then ignored)")] = None,
) -> EventFilter:
    if sort not in SORTS:
        raise ApiError(422, f"sort: choose one of {', '.join(SORTS)}")
    return EventFilter(country=country, dyad=[dyad] if dyad else [], actor_country=actor_country,
                       recipient_country=recipient_country, type=type, status=status, mode=mode,
                       context=context, series=series, since=since, until=until, q=q, document=document,
                       cluster_id=cluster, include_rejected=include_rejected, sort=sort, limit=limit,
                       offset=offset, after=after)


FilterDep = Annotated[EventFilter, Depends(event_filter)]


def _json(data: dict[str, Any]) -> Response:
    """The same JSON body FastAPI would send for `data`, without re-validating the dict."""
    return JSONResponse(data)


def _found(item: dict[str, Any] | None, what: str) -> Response:
    if item is None:
        raise ApiError(404, f"no such {what}")
    return _json(item)


@router.get("/events", summary="Events, filtered, sorted and paginated (or exported with format=)")
def events(store: StoreDep, flt: FilterDep,
           format: Annotated[str, Query(description="json, or an export: " + ", ".join(FORMATS))] = "json"
           ) -> Any:
    if format == "json":
        return _json(store.events(flt).to_json())
    return export_response(store, flt, format)


def export_response(store: Store, flt: EventFilter, fmt: str) -> Response:
    if fmt not in FORMATS:
        raise ApiError(422, f"format: choose json or one of {', '.join(FORMATS)}")
    headers = {"Content-Disposition": f'attachment; filename="events{SUFFIXES[fmt]}"'}
    if fmt == "parquet":
        return Response(parquet_bytes(store.iter_events(flt)), media_type=FORMATS[fmt], headers=headers)
    stream = iter_export(store.iter_events(flt), fmt)
    return StreamingResponse(stream, media_type=FORMATS[fmt], headers=headers)


@router.get("/export/events.{fmt}", summary="Every matching event as csv, jsonl, plover or parquet")
def export_events(store: StoreDep, flt: FilterDep, fmt: str) -> Response:
    return export_response(store, flt, fmt)


@router.get("/events/{event_id}", summary="One event with its document and evidence",
            response_model=JsonObject)
def event(store: StoreDep, event_id: int) -> Response:
    return _found(store.event(event_id), "event")


@router.get("/documents", summary="Current documents, newest first",
            response_model=JsonObject)
def documents(store: StoreDep, q: str | None = None, since: dt.date | None = None,
              until: dt.date | None = None, publisher: str | None = None, limit: Limit = 50,
              offset: Offset = 0) -> Response:
    page = store.documents(q=q, since=since, until=until, publisher=publisher, limit=limit, offset=offset)
    return _json(page.to_json())


@router.get("/documents/{key:path}", summary="A document: text, revisions, extractions, entities, events",
            response_model=JsonObject)
def document(store: StoreDep, key: str) -> Response:
    return _found(store.document(key), "document")


@router.get("/clusters", summary="Event clusters: one occasion, every source",
            response_model=JsonObject)
def clusters(store: StoreDep, type: str | None = None, country: str | None = None, min_sources: int = 1,
             since: dt.date | None = None, until: dt.date | None = None, limit: Limit = 50,
             offset: Offset = 0) -> Response:
    page = store.clusters(type=type, country=country, min_sources=min_sources, since=since, until=until,
                          limit=limit, offset=offset)
    return _json(page.to_json())


@router.get("/clusters/{cluster_id}", summary="A cluster with its events, sources and link explanations",
            response_model=JsonObject)
def cluster(store: StoreDep, cluster_id: int) -> Response:
    return _found(store.cluster(cluster_id), "cluster")


@router.get("/series", summary="Dialogue series",
            response_model=JsonObject)
def series_list(store: StoreDep, country: str | None = None, q: str | None = None, limit: Limit = 50,
                offset: Offset = 0) -> Response:
    return _json(store.series_list(country=country, q=q, limit=limit, offset=offset).to_json())


@router.get("/series/{key}", summary="A dialogue series with its timeline of rounds and next round expected",
            response_model=JsonObject)
def series(store: StoreDep, key: str) -> Response:
    return _found(store.series(key), "series")


@router.get("/commitments", summary="Commitments (planned events) by status",
            response_model=JsonObject)
def commitments(store: StoreDep,
                status: Annotated[list[str], Query(description=STATUS_HELP)] = [],  # noqa: B006
                country: str | None = None,
                as_of: Annotated[dt.date | None, Query(description="judge pending/overdue as of this day "
                                                       "(default: the newest article date)")] = None,
                limit: Limit = 100, offset: Offset = 0) -> Response:
    page = store.commitments(status=status, country=country, as_of=as_of, limit=limit, offset=offset)
    return _json(page.to_json())


@router.get("/entities", summary="People, states, organisations and places across documents",
            response_model=JsonObject)
def entities(store: StoreDep, q: str | None = None, kind: str | None = None, country: str | None = None,
             limit: Limit = 50, offset: Offset = 0) -> Response:
    return _json(store.entities(q=q, kind=kind, country=country, limit=limit, offset=offset).to_json())


@router.get("/audit", summary="Who corrected or rejected what, and when",
            response_model=JsonObject)
def audit(store: StoreDep, limit: Limit = 100, offset: Offset = 0) -> Response:
    return _json(store.audit(limit=limit, offset=offset).to_json())


@router.get("/stats", summary="Counts of documents, events, clusters, series, commitments",
            response_model=JsonObject)
def stats(store: StoreDep) -> Response:
    return _json(store.stats())
