"""Reading a batch output folder back as `Document`s, for `communique load` and for checks.

Only partitions with a manifest are read: a partition a crashed batch left half-written is
not part of the output until a rerun finishes it. The `documents` table carries each
document's communique/1 JSON (without the text, which has its own column), so the documents
come back exactly as the workers extracted them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from communique.batch.output import OutputError
from communique.document import Document


@dataclass
class OutputInfo:
    partitions: int
    documents: int
    errors: int


def output_info(root: str | os.PathLike[str]) -> OutputInfo:
    manifests = _manifests(Path(root))
    return OutputInfo(partitions=len(manifests),
                      documents=sum(int(m.get("documents", 0)) for m in manifests),
                      errors=sum(int(m.get("errors", 0)) for m in manifests))


def _manifests(root: Path) -> list[dict]:
    done = root / "_batch" / "done"
    if not done.is_dir():
        raise OutputError("not a batch output folder (no _batch/done)", source=str(root))
    out = []
    for path in sorted(done.glob("*.json")):
        try:
            out.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    return out


def iter_documents(root: str | os.PathLike[str]) -> Iterator[Document]:
    """Every document of every completed partition, one file at a time (memory stays flat)."""
    base = Path(root)
    for manifest in _manifests(base):
        for rel in manifest.get("files", []):
            if not rel.startswith("documents/"):
                continue
            path = base / rel
            try:
                table = pq.read_table(path, columns=["source", "text", "record"])
            except (OSError, ValueError) as exc:
                raise OutputError(f"cannot read ({exc})", source=str(path)) from None
            for source, text, record in zip(*(table.column(c).to_pylist() for c in
                                              ("source", "text", "record")), strict=True):
                data = json.loads(record)
                data["text"] = text
                document = Document.from_json(data)
                document.source = source
                yield document
