"""Readers for each accepted input form (EXTRACTION.md section 1).

Every reader yields `Document`s and, for what it cannot read, `InputError`s in input order,
so one bad record never stops the batch and nothing is silently dropped.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from communique.document import Document
from communique.errors import InputError
from communique.ingest.text import make_document, split_seed_header

IngestItem = Document | InputError

ARTICLE_SUFFIXES = (".txt", ".text", ".json", ".json.gz", ".jsonl", ".jsonl.gz", ".ndjson", ".html",
                    ".htm", ".html.gz", ".txt.gz")
MAX_FILE_BYTES = 50 * 1024 * 1024  # a single article file larger than this is not an article


def _decode(data: bytes, source: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text", source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte {exc.start})", source=source) from None


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".jsonl.gz", ".json.gz", ".txt.gz", ".jsonl", ".json", ".txt", ".html", ".htm"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def read_text_file(path: Path, *, date: str | None = None) -> Iterator[IngestItem]:
    """Plain text: the seed form (` date YYYY-MM-DD ` header) or text with `--date`."""
    source = str(path)
    try:
        raw = _read_bytes(path)
        text = _decode(raw, source)
        header_date, body = split_seed_header(text)
        if header_date is None:
            body = text
        yield make_document(body, doc_id=_stem(path), date=header_date or date, source=source)
    except InputError as err:
        yield err


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES and not path.name.endswith((".jsonl", ".jsonl.gz")):
        raise InputError(f"file of {size // (1024 * 1024)} MB is too large for one article "
                         f"(limit {MAX_FILE_BYTES // (1024 * 1024)} MB)", source=str(path))
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise InputError(f"broken gzip file ({exc})", source=str(path)) from None
    return data


def record_to_document(record: Any, *, source: str, fallback_id: str,
                       date: str | None = None) -> Document:
    """One JSON object: a corpus record (`text`, `date`, ...) or a `communique/1` document."""
    if not isinstance(record, dict):
        raise InputError("JSON value is not an object", source=source)
    if record.get("schema") == "communique/1" and isinstance(record.get("document"), dict):
        meta = record["document"]
        record = {**meta, "text": record.get("text")}
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("record has no 'text' string", source=source)
    doc_id = record.get("id")
    return make_document(
        text,
        doc_id=str(doc_id) if doc_id not in (None, "") else fallback_id,
        date=record.get("date") or date,
        source=source,
        title=record.get("title"),
        url=record.get("url"),
        publisher=record.get("publisher"),
    )


def iter_jsonl(path: Path, *, date: str | None = None) -> Iterator[IngestItem]:
    """JSON Lines (optionally gzip): one record per line, streamed, bad lines reported."""
    opener = gzip.open if path.name.endswith(".gz") else open
    stem = _stem(path)
    try:
        with opener(path, "rb") as handle:
            for lineno, line in enumerate(handle, start=1):
                source = f"{path}:{lineno}"
                if not line.strip():
                    continue
                try:
                    record = json.loads(_decode(line, source))
                    yield record_to_document(record, source=source,
                                             fallback_id=f"{stem}-{lineno}", date=date)
                except InputError as err:
                    yield err
                except json.JSONDecodeError as exc:
                    yield InputError(f"broken JSON line ({exc.msg} at column {exc.colno})",
                                     source=source)
    except (OSError, EOFError) as exc:
        yield InputError(f"cannot read ({exc})", source=str(path))


def read_json_file(path: Path, *, date: str | None = None) -> Iterator[IngestItem]:
    """A single JSON document (a corpus record or a `communique/1` file)."""
    source = str(path)
    try:
        text = _decode(_read_bytes(path), source)
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"broken JSON ({exc.msg} at line {exc.lineno})", source=source) from None
        yield record_to_document(record, source=source, fallback_id=_stem(path), date=date)
    except InputError as err:
        yield err


def read_html_file(path: Path, *, date: str | None = None) -> Iterator[IngestItem]:
    """An HTML page: the main text is extracted; the date comes from `--date` or the page."""
    source = str(path)
    try:
        html = _decode(_read_bytes(path), source)
        yield html_to_document(html, source=source, doc_id=_stem(path), date=date)
    except InputError as err:
        yield err


def html_to_document(html: str, *, source: str, doc_id: str, date: str | None = None,
                     url: str | None = None) -> Document:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                            include_comments=False, include_tables=False)
    if extracted is None:
        raise InputError("HTML page has no article text", source=source)
    meta = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = (meta.get("text") or "").strip()
    if not text:
        raise InputError("HTML page has no article text", source=source)
    return make_document(
        text, doc_id=doc_id, date=date or meta.get("date"), source=source,
        title=meta.get("title"), url=url or meta.get("url"),
        publisher=meta.get("sitename"),
    )


def read_path(path: Path, *, date: str | None = None) -> Iterator[IngestItem]:
    """Dispatch on the file name; folders are read recursively in name order."""
    if path.is_dir():
        # In a folder, only files that look like articles are read (a README beside them is not).
        for child in sorted(path.rglob("*")):
            if child.is_file() and not child.name.startswith(".") and child.name.lower().endswith(
                ARTICLE_SUFFIXES
            ):
                yield from read_path(child, date=date)
        return
    if not path.exists():
        yield InputError("no such file", source=str(path))
        return
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        yield from iter_jsonl(path, date=date)
    elif name.endswith((".json", ".json.gz")):
        yield from read_json_file(path, date=date)
    elif name.endswith((".html", ".htm", ".html.gz")):
        yield from read_html_file(path, date=date)
    else:
        yield from read_text_file(path, date=date)


def read_inputs(paths: Iterable[str | os.PathLike[str]], *, date: str | None = None) -> Iterator[IngestItem]:
    """Every document (or error) from every path, in order."""
    for path in paths:
        yield from read_path(Path(path), date=date)
