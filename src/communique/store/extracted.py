"""Reading documents that were already extracted (`communique/1` JSON with events) for the store.

`communique extract ... -o out.jsonl` then `communique ingest --extracted out.jsonl` stores
exactly what was extracted (and reviewed), without running the pipeline again; tests use it
to store hand-made events.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from communique.document import SCHEMA, Document
from communique.errors import InputError
from communique.ingest import find_boilerplate

ExtractedItem = Document | InputError


def document_from_json(data: Any, *, source: str) -> Document:
    """A `communique/1` object as a `Document` (events included), or an `InputError`."""
    is_document = isinstance(data, dict) and isinstance(data.get("document"), dict)
    if not is_document or data.get("schema") != SCHEMA:
        raise InputError(f"not a {SCHEMA} document (no 'schema': '{SCHEMA}' and 'document' object)",
                         source=source)
    try:
        document = Document.from_json(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"broken {SCHEMA} document ({type(exc).__name__}: {exc})", source=source) from None
    document.source = source
    document.boilerplate = find_boilerplate(document.text)
    return document


def read_extracted(paths: Iterable[str | os.PathLike[str]]) -> Iterator[ExtractedItem]:
    """Every `communique/1` document in these .json / .jsonl files (folders read recursively)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl"))
        else:
            files = [path]
        for file in files:
            yield from _read_file(file)


def _read_file(path: Path) -> Iterator[ExtractedItem]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        yield InputError(f"cannot read ({exc})", source=str(path))
        return
    stripped = text.lstrip()
    single = path.suffix == ".json" or (path.suffix != ".jsonl" and "\n{" not in stripped.rstrip())
    if single:
        try:
            yield document_from_json(json.loads(text), source=str(path))
        except json.JSONDecodeError as exc:
            yield InputError(f"broken JSON ({exc.msg} at line {exc.lineno})", source=str(path))
        except InputError as err:
            yield err
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}:{lineno}"
        try:
            yield document_from_json(json.loads(line), source=source)
        except json.JSONDecodeError as exc:
            yield InputError(f"broken JSON line ({exc.msg} at column {exc.colno})", source=source)
        except InputError as err:
            yield err
