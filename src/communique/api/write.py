"""Write routes under `/api`: ingest, corrections, rejections. They need the operator's token.

The token is sent as `Authorization: Bearer TOKEN` (or `X-Communique-Token`). With no token
configured, writing is switched off (403). The person acting may name themselves with
`X-Communique-User` (or `who` in the body); every write is in the audit trail.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Request
from pydantic import BaseModel, Field

from communique.api.errors import ApiError
from communique.api.read import StoreDep
from communique.errors import CommuniqueError

router = APIRouter(prefix="/api")


def require_writer(request: Request, authorization: Annotated[str | None, Header()] = None,
                   x_communique_token: Annotated[str | None, Header()] = None,
                   x_communique_user: Annotated[str | None, Header()] = None) -> str:
    """Check the write token; returns who is writing (for the audit trail)."""
    expected = request.app.state.write_token
    if not expected:
        raise ApiError(403, "writing is disabled: the operator has configured no write token")
    given = x_communique_token
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not given:
        raise ApiError(401, "a write token is required (Authorization: Bearer TOKEN)")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(401, "the write token is not valid")
    return x_communique_user or "token holder"


Writer = Annotated[str, Depends(require_writer)]


class Correction(BaseModel):
    changes: dict[str, Any] = Field(description="new values of type, status, mode, date, location, series, "
                                    "topics or contexts (communique/1 shapes)")
    reason: str | None = None
    who: str | None = None


class Rejection(BaseModel):
    reason: str | None = None
    who: str | None = None


@router.post("/events/{event_id}/correction", summary="Correct fields of an event (audited)")
def correct_event(store: StoreDep, who: Writer, event_id: int, body: Correction) -> dict[str, Any]:
    _exists(store, event_id)
    detail = store.correct_event(event_id, body.changes, who=body.who or who, reason=body.reason)
    return {"ok": True, "event": store.event(event_id), "audit": detail}


@router.post("/events/{event_id}/rejection", summary="Reject an event as wrongly extracted (audited)")
def reject_event(store: StoreDep, who: Writer, event_id: int, body: Rejection) -> dict[str, Any]:
    _exists(store, event_id)
    detail = store.reject_event(event_id, who=body.who or who, reason=body.reason)
    return {"ok": True, "event": store.event(event_id), "audit": detail}


def _exists(store: Any, event_id: int) -> None:
    if store.event(event_id) is None:
        raise ApiError(404, "no such event")


@router.post("/documents", summary="Ingest one article (a corpus record or a communique/1 document)")
def ingest_document(store: StoreDep, who: Writer,
                    body: Annotated[dict[str, Any], Body(description="{text, date, id?, title?, url?, "
                                                         "publisher?} or a communique/1 document")],
                    extract: bool | None = None) -> dict[str, Any]:
    """Store a record: communique/1 documents with events are stored as given unless `extract=true`;
    anything else runs through the extraction pipeline first."""
    from communique.ingest import record_to_document
    from communique.store.extracted import document_from_json

    has_events = body.get("schema") == "communique/1" and isinstance(body.get("events"), list)
    try:
        if has_events and not extract:
            document = document_from_json(body, source="api")
        else:
            text = body.get("text") if isinstance(body.get("text"), str) else ""
            fallback = "api-" + hashlib.sha256(text.encode()).hexdigest()[:12]
            document = record_to_document(body, source="api", fallback_id=fallback)
            document = _extract(document)
    except CommuniqueError as err:
        raise ApiError(422, str(err)) from None
    outcome = store.add(document)
    link = store.relink() if outcome.action != "unchanged" else None
    store.record_audit(who=who, action="ingest", target=f"document:{outcome.doc_key}",
                       detail={"action": outcome.action, "events": outcome.n_events})
    return {"ok": True, "document": outcome.doc_key, "action": outcome.action, "events": outcome.n_events,
            "link": link}


def _extract(document: Any) -> Any:
    from communique.pipeline import default_pipeline

    result = next(default_pipeline().process([document]))
    if isinstance(result, CommuniqueError):
        raise result
    return result


@router.post("/relink", summary="Rebuild clusters, series and commitments")
def relink(store: StoreDep, who: Writer) -> dict[str, Any]:
    summary = store.relink()
    store.record_audit(who=who, action="relink", target="record", detail=summary)
    return {"ok": True, **summary}
