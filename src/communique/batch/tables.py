"""The Parquet tables a batch writes, with fixed Arrow schemas, and the rows of one document.

Fixed schemas (not inferred from the first rows) keep every file of a table identical in
shape, so DuckDB, pandas and `communique load` read the folder as one table even when a
partition has no events or every value of a column is null.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pyarrow as pa

from communique.document import Document
from communique.errors import CommuniqueError

SPAN = pa.struct([("start", pa.int32()), ("end", pa.int32())])

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("id", pa.string()), ("date", pa.date32()), ("title", pa.string()), ("url", pa.string()),
        ("publisher", pa.string()), ("language", pa.string()), ("sha256", pa.string()),
        ("source", pa.string()), ("chars", pa.int32()), ("words", pa.int32()),
        ("n_entities", pa.int32()), ("n_timexes", pa.int32()), ("n_events", pa.int32()),
        ("text", pa.large_string()),
        ("record", pa.large_string()),  # the communique/1 JSON without "text" (load rebuilds it)
    ]),
    "events": pa.schema([
        ("doc_id", pa.string()), ("date", pa.date32()), ("event_id", pa.string()), ("type", pa.string()),
        ("mode", pa.string()), ("status", pa.string()), ("event_date", pa.string()),
        ("event_date_precision", pa.string()), ("event_date_basis", pa.string()),
        ("location_entity", pa.string()), ("location_name", pa.string()), ("location_country", pa.string()),
        ("series_name", pa.string()), ("series_round", pa.int32()), ("series_frequency", pa.string()),
        ("contexts", pa.list_(pa.string())), ("topics", pa.list_(pa.string())),
        ("evidence", pa.list_(SPAN)), ("evidence_text", pa.string()), ("trigger", pa.string()),
    ]),
    "participants": pa.schema([
        ("doc_id", pa.string()), ("date", pa.date32()), ("event_id", pa.string()), ("role", pa.string()),
        ("position", pa.int32()), ("entity", pa.string()), ("country", pa.string()),
        ("sector", pa.string()), ("text", pa.string()),
    ]),
    "entities": pa.schema([
        ("doc_id", pa.string()), ("date", pa.date32()), ("entity_id", pa.string()), ("kind", pa.string()),
        ("name", pa.string()), ("country", pa.string()), ("sector", pa.string()), ("title", pa.string()),
        ("lat", pa.float64()), ("lon", pa.float64()), ("geonameid", pa.int64()),
        ("mentions", pa.list_(SPAN)),
    ]),
    "timexes": pa.schema([
        ("doc_id", pa.string()), ("date", pa.date32()), ("start", pa.int32()), ("end", pa.int32()),
        ("text", pa.string()), ("type", pa.string()), ("value", pa.string()), ("precision", pa.string()),
        ("mod", pa.string()),
    ]),
    "errors": pa.schema([
        ("source", pa.string()), ("code", pa.string()), ("kind", pa.string()), ("message", pa.string()),
        ("doc_id", pa.string()), ("date", pa.date32()), ("partition", pa.string()),
    ]),
}
TABLES = tuple(SCHEMAS)

Rows = dict[str, list[dict[str, Any]]]


def empty_rows() -> Rows:
    return {name: [] for name in TABLES}


def _int(value: object) -> int | None:
    """An int for Arrow, or None: other stages may put floats or strings where ints belong."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return None


def _float(value: object) -> float | None:
    try:
        return None if value is None else float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def document_rows(document: Document, rows: Rows) -> None:
    """Append the rows of one extracted document to `rows` (one list per table)."""
    data = document.to_json()
    data.pop("text", None)
    doc_id, date, text = document.id, document.date, document.text
    rows["documents"].append({
        "id": doc_id, "date": date, "title": document.title, "url": document.url,
        "publisher": document.publisher, "language": document.language, "sha256": document.sha256,
        "source": document.source, "chars": len(text), "words": len(text.split()),
        "n_entities": len(document.entities), "n_timexes": len(document.timexes),
        "n_events": len(document.events), "text": text,
        "record": json.dumps(data, ensure_ascii=False, default=str),
    })
    for ent in document.entities:
        rows["entities"].append({
            "doc_id": doc_id, "date": date, "entity_id": _str(ent.id), "kind": _str(ent.kind),
            "name": _str(ent.name), "country": _str(ent.country), "sector": _str(ent.sector),
            "title": _str(ent.title), "lat": _float(ent.lat), "lon": _float(ent.lon),
            "geonameid": _int(ent.geonameid),
            "mentions": [{"start": m.start, "end": m.end} for m in ent.mentions],
        })
    for tx in document.timexes:
        rows["timexes"].append({
            "doc_id": doc_id, "date": date, "start": tx.start, "end": tx.end, "text": tx.text,
            "type": tx.type, "value": _str(tx.value), "precision": _str(tx.precision), "mod": _str(tx.mod),
        })
    for ev in document.events:
        first = ev.evidence[0] if ev.evidence else None
        rows["events"].append({
            "doc_id": doc_id, "date": date, "event_id": _str(ev.id), "type": ev.type, "mode": _str(ev.mode),
            "status": ev.status,
            "event_date": ev.date.value if ev.date else None,
            "event_date_precision": ev.date.precision if ev.date else None,
            "event_date_basis": ev.date.basis if ev.date else None,
            "location_entity": _str(ev.location.entity) if ev.location else None,
            "location_name": _str(ev.location.name) if ev.location else None,
            "location_country": _str(ev.location.country) if ev.location else None,
            "series_name": _str(ev.series.name) if ev.series else None,
            "series_round": _int(ev.series.round) if ev.series else None,
            "series_frequency": _str(ev.series.frequency) if ev.series else None,
            "contexts": [str(c) for c in ev.contexts], "topics": [str(t) for t in ev.topics],
            "evidence": [{"start": s.start, "end": s.end} for s in ev.evidence],
            "evidence_text": text[first.start:first.end] if first else None, "trigger": _str(ev.trigger),
        })
        for role, people in (("actor", ev.actors), ("recipient", ev.recipients)):
            for position, p in enumerate(people):
                rows["participants"].append({
                    "doc_id": doc_id, "date": date, "event_id": _str(ev.id), "role": role,
                    "position": position, "entity": _str(p.entity), "country": _str(p.country),
                    "sector": _str(p.sector), "text": _str(p.text),
                })


def one_line(text: str) -> str:
    """Error messages are one line, whatever an exception's text held."""
    return " ".join(str(text).split())


def error_row(error: CommuniqueError, *, partition: str, doc_id: str | None = None,
              date: dt.date | None = None) -> dict[str, Any]:
    return {"source": error.source, "code": error.code, "kind": type(error).__name__,
            "message": one_line(error.message), "doc_id": doc_id, "date": date, "partition": partition}


def month_key(date: dt.date | None) -> str:
    """The Hive partition value a row goes to: `YYYY-MM`, or `unknown` for undated errors."""
    return f"{date.year:04d}-{date.month:02d}" if date else "unknown"


def check_rows(rows: Rows) -> None:
    """Raise if any row does not fit its table's schema (Arrow type errors)."""
    for name, table_rows in rows.items():
        if table_rows:
            pa.Table.from_pylist(table_rows, schema=SCHEMAS[name])


def to_tables(rows: Rows) -> dict[str, dict[str, pa.Table]]:
    """Rows grouped by table, then by month, as Arrow tables with the fixed schemas."""
    out: dict[str, dict[str, pa.Table]] = {}
    for name, table_rows in rows.items():
        by_month: dict[str, list[dict[str, Any]]] = {}
        for row in table_rows:
            by_month.setdefault(month_key(row.get("date")), []).append(row)
        out[name] = {month: pa.Table.from_pylist(group, schema=SCHEMAS[name])
                     for month, group in sorted(by_month.items())}
    return out
