"""Readers for each accepted input form (EXTRACTION.md section 1).

Every reader yields `Document`s and, for what it cannot read, `InputError`s in input order,
so one bad record never stops the batch and nothing is silently dropped. Readers never
raise for a bad input (a missing file, broken gzip, an unreadable folder): they yield an
error naming it and stop reading that input only.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from communique.document import Document
from communique.errors import InputError
from communique.ingest.errors import (
    BinaryInput,
    BrokenRecord,
    EmptyInput,
    EncodingInput,
    NoArticle,
    TooLargeInput,
    UnreadableInput,
)
from communique.ingest.text import make_document, split_seed_header

IngestItem = Document | InputError

ARTICLE_SUFFIXES = (".txt", ".text", ".json", ".json.gz", ".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz",
                    ".html", ".htm", ".html.gz", ".htm.gz", ".txt.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
MAX_FILE_BYTES = 50 * 1024 * 1024  # a single article file larger than this is not an article
MAX_LINE_BYTES = 16 * 1024 * 1024  # nor is a JSON line larger than this (the text limit is 1M chars)
MIN_HTML_WORDS = 12  # fewer words extracted from a page is navigation, not an article
_CHUNK = 1024 * 1024


def _decode(data: bytes, source: str) -> str:
    if b"\x00" in data[:8192]:
        raise BinaryInput("binary file, not text", source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingInput(f"not valid UTF-8 (byte {exc.start})", source=source) from None


def _stem(path: Path) -> str:
    name = path.name
    for suffix in sorted(ARTICLE_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or name
    return path.stem or name


def _read_bytes(path: Path) -> bytes:
    """The whole file (gunzipped), refusing files too large to be one article."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise TooLargeInput(f"file of {size // (1024 * 1024)} MB is too large for one article "
                                f"(limit {MAX_FILE_BYTES // (1024 * 1024)} MB)", source=source)
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:
                raise TooLargeInput(f"file unpacks to more than {MAX_FILE_BYTES // (1024 * 1024)} MB, "
                                    "too large for one article", source=source)
        else:
            data = path.read_bytes()
    except (gzip.BadGzipFile, EOFError) as exc:
        raise UnreadableInput(f"broken gzip file ({exc or 'truncated'})", source=source) from None
    except OSError as exc:
        raise UnreadableInput(f"cannot read ({exc.strerror or exc})", source=source) from None
    if not data.strip():
        raise EmptyInput("empty file", source=source)
    return data


def read_text_file(path: Path, *, date: str | None = None) -> Iterator[IngestItem]:
    """Plain text: the seed form (` date YYYY-MM-DD ` header) or text with `--date`."""
    source = str(path)
    try:
        text = _decode(_read_bytes(path), source)
        header_date, body = split_seed_header(text)
        if header_date is None:
            body = text
        yield make_document(body, doc_id=_stem(path), date=header_date or date, source=source)
    except InputError as err:
        yield err


def record_to_document(record: Any, *, source: str, fallback_id: str,
                       date: str | None = None) -> Document:
    """One JSON object: a corpus record (`text`, `date`, ...) or a `communique/1` document."""
    if not isinstance(record, dict):
        raise BrokenRecord(f"JSON value is {type(record).__name__}, not an object", source=source)
    if record.get("schema") == "communique/1" and isinstance(record.get("document"), dict):
        meta = record["document"]
        record = {**meta, "text": record.get("text")}
    text = record.get("text")
    if not isinstance(text, str):
        raise BrokenRecord("record has no 'text' string", source=source)
    doc_id = record.get("id")
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int | None):
        raise BrokenRecord(f"record 'id' is {type(doc_id).__name__}, not a string", source=source)
    return make_document(
        text,
        doc_id=str(doc_id) if doc_id not in (None, "") else fallback_id,
        date=record.get("date") or date,
        source=source,
        title=record.get("title"),
        url=record.get("url"),
        publisher=record.get("publisher"),
    )


def _lines(handle: IO[bytes]) -> Iterator[bytes | None]:
    """Lines of a binary stream; a line over `MAX_LINE_BYTES` is skipped and yields None.

    `readline` with a limit keeps memory bounded even when a 200 MB file has no line break.
    """
    while True:
        line = handle.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while True:  # drop the rest of the over-long line
                rest = handle.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def iter_jsonl(path: Path, *, date: str | None = None) -> Iterator[IngestItem]:
    """JSON Lines (optionally gzip): one record per line, streamed, bad lines reported."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    stem = _stem(path)
    records = 0
    lineno = 0
    try:
        with opener(path, "rb") as handle:
            for lineno, line in enumerate(_lines(handle), start=1):  # noqa: B007 (used after the loop)
                source = f"{path}:{lineno}"
                if line is None:
                    records += 1
                    yield TooLargeInput(f"JSON line longer than {MAX_LINE_BYTES // (1024 * 1024)} MB, "
                                        "too large for one article", source=source)
                    continue
                if not line.strip():
                    continue
                if records == 0 and b"\x00" in line[:8192]:
                    yield BinaryInput("binary file, not JSON Lines", source=str(path))
                    return
                records += 1
                try:
                    record = json.loads(_decode(line, source))
                    yield record_to_document(record, source=source,
                                             fallback_id=f"{stem}-{lineno}", date=date)
                except InputError as err:
                    yield err
                except (json.JSONDecodeError, RecursionError) as exc:
                    detail = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) \
                        else "nested too deeply"
                    yield BrokenRecord(f"broken JSON line ({detail})", source=source)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        where = f"{path}:{lineno + 1}" if lineno else str(path)
        yield UnreadableInput(f"broken gzip file ({exc or 'truncated'}); the lines before were read",
                              source=where)
        return
    except OSError as exc:
        yield UnreadableInput(f"cannot read ({exc.strerror or exc})", source=str(path))
        return
    if records == 0:
        yield EmptyInput("empty file (no JSON lines)", source=str(path))


def read_json_file(path: Path, *, date: str | None = None) -> Iterator[IngestItem]:
    """A single JSON document (a corpus record or a `communique/1` file), or an array of them."""
    source = str(path)
    try:
        text = _decode(_read_bytes(path), source)
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BrokenRecord(f"broken JSON ({exc.msg} at line {exc.lineno})", source=source) from None
        except RecursionError:
            raise BrokenRecord("broken JSON (nested too deeply)", source=source) from None
    except InputError as err:
        yield err
        return
    if isinstance(value, list):
        if not value:
            yield EmptyInput("empty JSON array", source=source)
        for i, record in enumerate(value, start=1):
            try:
                yield record_to_document(record, source=f"{source}[{i}]",
                                         fallback_id=f"{_stem(path)}-{i}", date=date)
            except InputError as err:
                yield err
        return
    try:
        yield record_to_document(value, source=source, fallback_id=_stem(path), date=date)
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

    try:
        extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                                include_comments=False, include_tables=False)
    except (ValueError, TypeError, RecursionError, AttributeError) as exc:  # lxml on hostile markup
        raise NoArticle(f"HTML page could not be parsed ({type(exc).__name__})", source=source) from None
    if extracted is None:
        raise NoArticle("HTML page has no article text", source=source)
    meta = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = (meta.get("text") or "").strip()
    if len(text.split()) < MIN_HTML_WORDS:
        # trafilatura falls back to menus and link text when a page has no story
        words = f" (only {len(text.split())} words)" if text else ""
        raise NoArticle(f"HTML page has no article text{words}", source=source)
    return make_document(
        text, doc_id=doc_id, date=date or meta.get("date"), source=source,
        title=meta.get("title"), url=url or meta.get("url"),
        publisher=meta.get("sitename"),
    )


def read_path(path: Path, *, date: str | None = None) -> Iterator[IngestItem]:
    """Dispatch on the file name; folders are read recursively in name order."""
    if path.is_dir():
        # In a folder, only files that look like articles are read (a README beside them is not).
        try:
            children = sorted(path.rglob("*"))
        except OSError as exc:
            yield UnreadableInput(f"cannot list folder ({exc.strerror or exc})", source=str(path))
            return
        for child in children:
            if child.is_file() and not child.name.startswith(".") and child.name.lower().endswith(
                ARTICLE_SUFFIXES
            ):
                yield from read_path(child, date=date)
        return
    if not path.exists():
        yield UnreadableInput("no such file", source=str(path))
        return
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        yield from iter_jsonl(path, date=date)
    elif name.endswith((".json", ".json.gz")):
        yield from read_json_file(path, date=date)
    elif name.endswith((".html", ".htm", ".html.gz", ".htm.gz")):
        yield from read_html_file(path, date=date)
    else:
        yield from read_text_file(path, date=date)


def read_inputs(paths: Iterable[str | os.PathLike[str]], *, date: str | None = None) -> Iterator[IngestItem]:
    """Every document (or error) from every path, in order."""
    for path in paths:
        yield from read_path(Path(path), date=date)
