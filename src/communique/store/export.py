"""Exports of stored events: CSV, JSON Lines, PLOVER JSON and Parquet, shared by CLI and API.

- `jsonl`: the API's event objects, one per line (evidence with its text, document, cluster);
- `csv`: one flat row per event (lists joined with "; ");
- `plover`: one object per event with PLOVER/POLECAT field names (`event_type`, `event_mode`,
  `event_context`, `actor_country`, ...) plus our `event_status` and evidence text, as a
  JSON array;
- `parquet`: the CSV columns, typed, through pyarrow.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

FORMATS = {"csv": "text/csv", "jsonl": "application/x-ndjson", "plover": "application/json",
           "parquet": "application/vnd.apache.parquet"}
SUFFIXES = {"csv": ".csv", "jsonl": ".jsonl", "plover": ".json", "parquet": ".parquet"}

COLUMNS = ["id", "document", "document_date", "url", "publisher", "event_key", "type", "mode", "status",
           "date", "date_precision", "date_basis", "date_start", "date_end", "actor_countries",
           "recipient_countries", "location", "location_country", "series", "series_round", "series_key",
           "contexts", "topics", "evidence", "cluster_id", "review"]


def flat_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a flat row of COLUMNS (lists joined with "; ")."""
    date = event.get("date") or {}
    location = event.get("location") or {}
    series = event.get("series") or {}
    doc = event["document"]
    return {
        "id": event["id"], "document": doc["key"], "document_date": doc["date"], "url": doc["url"],
        "publisher": doc["publisher"], "event_key": event["event_key"], "type": event["type"],
        "mode": event["mode"], "status": event["status"], "date": date.get("value"),
        "date_precision": date.get("precision"), "date_basis": date.get("basis"),
        "date_start": event["date_start"], "date_end": event["date_end"],
        "actor_countries": _countries(event["actors"]),
        "recipient_countries": _countries(event["recipients"]),
        "location": location.get("name"), "location_country": location.get("country"),
        "series": series.get("name"), "series_round": series.get("round"), "series_key": event["series_key"],
        "contexts": "; ".join(event["contexts"]), "topics": "; ".join(event["topics"]),
        "evidence": " … ".join(e["text"] or "" for e in event["evidence"]),
        "cluster_id": event["cluster_id"], "review": event["review"],
    }


def _countries(participants: list[dict[str, Any]]) -> str:
    return "; ".join(sorted({p["country"] for p in participants if p.get("country")}))


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """One event with PLOVER (POLECAT-style) field names, keeping our status and evidence."""
    doc = event["document"]
    date = event.get("date") or {}
    return {
        "event_id": f"{doc['key']}/{event['event_key']}", "story_date": doc["date"],
        "event_date": date.get("value"), "event_date_precision": date.get("precision"),
        "event_type": event["type"], "event_mode": event["mode"], "event_context": event["contexts"],
        "event_status": event["status"],
        "actor": [p.get("text") or p.get("entity") for p in event["actors"]],
        "actor_country": [p.get("country") for p in event["actors"]],
        "actor_sector": [p.get("sector") for p in event["actors"]],
        "recipient": [p.get("text") or p.get("entity") for p in event["recipients"]],
        "recipient_country": [p.get("country") for p in event["recipients"]],
        "recipient_sector": [p.get("sector") for p in event["recipients"]],
        "location": event["location"], "series": event["series"], "topics": event["topics"],
        "text": [e["text"] for e in event["evidence"]],
        "url": doc["url"], "publisher": doc["publisher"], "link": {"cluster_id": event["cluster_id"]},
    }


def iter_export(events: Iterable[dict[str, Any]], fmt: str) -> Iterator[bytes]:
    """Stream `events` as bytes in a text format (csv, jsonl, plover)."""
    if fmt == "jsonl":
        for event in events:
            yield (json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8")
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
        writer.writeheader()
        for event in events:
            writer.writerow(flat_row(event))
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue().encode("utf-8")
    elif fmt == "plover":
        yield b"["
        for i, event in enumerate(events):
            yield (("," if i else "") + "\n" + json.dumps(plover_record(event), ensure_ascii=False)).encode()
        yield b"\n]\n"
    elif fmt == "parquet":
        yield parquet_bytes(events)
    else:
        from communique.errors import StoreError

        choices = ", ".join(FORMATS)
        raise StoreError(f"unknown export format {fmt!r}; choose one of {choices}", source="export")


def parquet_bytes(events: Iterable[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flat_row(e) for e in events]
    types = {"id": pa.int64(), "series_round": pa.int64(), "cluster_id": pa.int64()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])
    table = pa.Table.from_pylist(rows, schema=schema)
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def write_export(events: Iterable[dict[str, Any]], fmt: str, out: BinaryIO) -> None:
    for chunk in iter_export(events, fmt):
        out.write(chunk)
