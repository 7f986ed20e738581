"""Cutting the input stream into numbered partitions, and finding duplicated ids.

A partition is `size` consecutive items (documents or input errors) of one input argument,
named `<input name>-<hash of its path>-<number>`. The names depend only on the input and
the partition size, so a rerun produces the same partitions in the same order and can skip
the ones already done. Reading stays streaming: one partition is in memory at a time here,
plus the few the runner has in flight.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.document import Document
from communique.errors import InputError
from communique.ingest import read_path
from communique.ingest.errors import DuplicateId
from communique.ingest.readers import ARTICLE_SUFFIXES, JSONL_SUFFIXES


@dataclass
class Partition:
    name: str
    input: str
    number: int
    items: list[Document | InputError] = field(default_factory=list)
    repeats: int = 0

    @property
    def documents(self) -> list[Document]:
        return [i for i in self.items if isinstance(i, Document)]

    @property
    def errors(self) -> list[InputError]:
        return [i for i in self.items if isinstance(i, InputError)]


def input_key(path: str | os.PathLike[str]) -> str:
    """A short stable name for an input argument: its file name and a hash of its full path."""
    resolved = str(Path(path).resolve())
    slug = re.sub(r"[^A-Za-z0-9_]+", "_", Path(path).name.split(".")[0])[:40] or "input"
    return f"{slug}-{hashlib.sha1(resolved.encode()).hexdigest()[:8]}"


def input_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
                      and p.name.lower().endswith(ARTICLE_SUFFIXES))
    return [path]


def fingerprint(path: str | os.PathLike[str], partition_size: int) -> dict[str, Any]:
    """What must not change between runs writing to the same folder (files, sizes, times)."""
    p = Path(path)
    files = []
    for f in input_files(p):
        try:
            st = f.stat()
            files.append([str(f.relative_to(p)) if f != p else f.name, st.st_size, st.st_mtime_ns])
        except OSError:
            files.append([f.name, None, None])
    digest = hashlib.sha1(repr(files).encode()).hexdigest()
    return {"path": str(p.resolve()), "partition_size": partition_size, "files": len(files), "digest": digest}


def count_records(path: str | os.PathLike[str]) -> int:
    """How many items reading `path` will give, roughly (lines of JSON Lines, one per file),
    for the progress estimate; counted in a background thread while the batch runs."""
    import gzip

    total = 0
    for f in input_files(Path(path)):
        if f.name.lower().endswith(JSONL_SUFFIXES):
            opener = gzip.open if f.name.lower().endswith(".gz") else open
            try:
                with opener(f, "rb") as handle:
                    while chunk := handle.read(1 << 20):
                        total += chunk.count(b"\n")
            except (OSError, EOFError):
                total += 1
        else:
            total += 1
    return total


@dataclass(frozen=True)
class Repeat:
    """A document identical (id and text) to one read before: it is stored once, not again."""

    id: str
    source: str | None
    first: str


class SeenIds:
    """Ids already taken in this run, with a digest of their text, kept on disk (SQLite) so
    memory stays flat however many documents go through."""

    def __init__(self, path: Path) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        self.conn = sqlite3.connect(path)
        self.conn.execute("PRAGMA journal_mode=OFF")
        self.conn.execute("PRAGMA synchronous=OFF")
        self.conn.execute("CREATE TABLE seen (id TEXT PRIMARY KEY, sha TEXT, source TEXT)")

    def check(self, document: Document) -> InputError | Repeat | None:
        """None for a new id; a `DuplicateId` error for an id seen with another text; a `Repeat`
        (skipped, not an error) for the same id with the same text, e.g. a file given twice."""
        sha = document.sha256
        row = self.conn.execute("SELECT sha, source FROM seen WHERE id = ?", (document.id,)).fetchone()
        if row is None:
            self.conn.execute("INSERT INTO seen VALUES (?, ?, ?)", (document.id, sha, document.source))
            return None
        if row[0] == sha:
            return Repeat(document.id, document.source, row[1])
        return DuplicateId(f"id {document.id!r} was already used by {row[1]} for a different text",
                           source=document.source)

    def close(self) -> None:
        self.conn.close()


def partitions(inputs: list[str], *, size: int, seen: SeenIds,
               date: str | None = None) -> Iterator[Partition]:
    """Stream the inputs as partitions of `size` items; duplicated ids become errors in place."""
    for path in inputs:
        key = input_key(path)
        number = 0
        current = Partition(f"{key}-{number:06d}", str(path), number)
        for item in read_path(Path(path), date=date):
            if isinstance(item, Document):
                dup = seen.check(item)
                if isinstance(dup, Repeat):
                    current.repeats += 1
                    continue
                if dup is not None:
                    item = dup
            current.items.append(item)
            if len(current.items) >= size:
                yield current
                number += 1
                current = Partition(f"{key}-{number:06d}", str(path), number)
        if current.items or current.repeats:
            yield current
