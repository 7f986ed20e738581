"""From a `Document` to the flat rows the store keeps, and the date windows that queries use.

An event's date is a TIMEX3 value at some precision; the store keeps it as a closed window
`[date_start, date_end]` ("2025" → 2025-01-01..2025-12-31) so that date-range filters,
clustering and commitment due windows are simple comparisons on both backends.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from communique.document import Document, Event

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def date_window(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX3 date value covers, or None when it is not a date."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if m := _YEAR.match(value):
            year = int(m[1])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if m := _QUARTER.match(value):
            return _months(int(m[1]), 3 * int(m[2]) - 2, 3 * int(m[2]))
        if m := _HALF.match(value):
            return _months(int(m[1]), 6 * int(m[2]) - 5, 6 * int(m[2]))
        if len(value) == 7 and value[4] == "-" and value[5:] in _SEASON:
            first, last = _SEASON[value[5:]]
            return _months(int(value[:4]), first, last)
    except ValueError:
        return None
    return None


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
    return dt.date(year, first, 1), dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def spaced(values: list[str | None]) -> str:
    """A sorted, de-duplicated, space-delimited list (" KAZ USA ") that `LIKE '% KAZ %'` can filter."""
    items = sorted({v for v in values if v})
    return " " + " ".join(items) + " " if items else " "


def event_row(document: Document, event: Event) -> dict[str, Any]:
    """The `events` columns for one extracted event (ids and flags are added by the writer)."""
    payload = event.to_json()
    actor_countries = [p.country for p in event.actors]
    recipient_countries = [p.country for p in event.recipients]
    window = date_window(event.date.value) if event.date else None
    evidence = [document.text[s.start:s.end] for s in event.evidence
                if 0 <= s.start < s.end <= len(document.text)]
    payload["evidence_text"] = evidence
    search_parts = [document.title or "", *evidence, *event.topics]
    if event.series:
        search_parts.append(event.series.name)
    if event.location:
        search_parts.append(event.location.name)
    return {
        "event_key": event.id,
        "type": event.type,
        "mode": event.mode,
        "status": event.status,
        "doc_date": document.date,
        "date_value": event.date.value if event.date else None,
        "date_precision": event.date.precision if event.date else None,
        "date_basis": event.date.basis if event.date else None,
        "date_start": window[0] if window else None,
        "date_end": window[1] if window else None,
        "location_name": event.location.name if event.location else None,
        "location_country": event.location.country if event.location else None,
        "series_name": event.series.name if event.series else None,
        "series_round": event.series.round if event.series else None,
        "series_frequency": event.series.frequency if event.series else None,
        "countries": spaced(actor_countries + recipient_countries),
        "actor_countries": spaced(actor_countries),
        "recipient_countries": spaced(recipient_countries),
        "contexts": spaced(list(event.contexts)),
        "search_text": "\n".join(p for p in search_parts if p),
        "payload": payload,
    }


def entity_rows(document: Document) -> list[dict[str, Any]]:
    return [
        {
            "entity_key": ent.id, "kind": ent.kind, "name": ent.name, "country": ent.country,
            "sector": ent.sector, "title": ent.title, "lat": ent.lat, "lon": ent.lon,
            "geonameid": ent.geonameid, "n_mentions": len(ent.mentions),
        }
        for ent in document.entities
    ]


def document_row(document: Document) -> dict[str, Any]:
    return {
        "doc_key": document.id,
        "sha256": document.sha256,
        "date": document.date,
        "title": document.title,
        "url": document.url,
        "publisher": document.publisher,
        "language": document.language,
        "source": document.source,
        "text": document.text,
        "meta": dict(document.extra),
    }


def extraction_payload(document: Document) -> dict[str, Any]:
    data = document.to_json()
    return {"entities": data["entities"], "timexes": data["timexes"], "events": data["events"],
            "boilerplate": [[s.start, s.end] for s in document.boilerplate]}
