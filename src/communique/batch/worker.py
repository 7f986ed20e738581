"""What runs on a Dask worker: extract one partition of documents into table rows.

The pipeline (spaCy model and every stage's lexicons) is loaded once per worker process and
kept in a module global, so each task pays only for its documents. A document a stage
cannot handle becomes an error row; an exception inside spaCy's batched `pipe` (which would
lose the whole batch) makes the partition fall back to one document at a time, so only the
document that caused it is lost.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from communique.batch.tables import Rows, check_rows, document_rows, empty_rows, error_row, to_tables
from communique.document import Document
from communique.errors import CommuniqueError

_LOCK = threading.Lock()
_PIPELINE: Any = None


@dataclass
class PartitionResult:
    """Arrow tables by table and month, and counts for progress and the manifest."""

    partition: str
    tables: dict[str, dict[str, Any]]
    documents: int = 0
    errors: int = 0
    words: int = 0
    error_lines: list[str] = field(default_factory=list)


def worker_pipeline() -> Any:
    """The pipeline of this process, loaded on first use (threads of one worker share it)."""
    global _PIPELINE
    with _LOCK:
        if _PIPELINE is None:
            from communique.pipeline import Pipeline

            _PIPELINE = Pipeline()
        return _PIPELINE


def warm_up() -> str:
    """Load the pipeline now (called on every worker at start, so the first task is not slow)."""
    worker_pipeline()
    import os

    return f"pid {os.getpid()}"


def _memory_zone(pipeline: Any) -> contextlib.AbstractContextManager[Any]:
    """spaCy's memory zone: strings added while parsing are freed after the partition, so a
    long-running worker does not grow with every new word it sees."""
    nlp = getattr(getattr(pipeline, "nlp", None), "nlp", None)
    zone = getattr(nlp, "memory_zone", None)
    return zone() if zone is not None else contextlib.nullcontext()


def _process(pipeline: Any, documents: list[Document]) -> Iterator[Document | CommuniqueError]:
    """One result per document, in order, even when spaCy's batched pipe raises."""
    done = 0
    try:
        for result in pipeline.process(documents):
            done += 1
            yield result
        return
    except Exception:  # noqa: BLE001 - isolate the culprit below
        pass
    from communique.pipeline import ProcessingError

    for document in documents[done:]:
        try:
            yield from pipeline.process([document])
        except Exception as exc:  # noqa: BLE001 - one document's failure is that document's error
            yield ProcessingError(f"{type(exc).__name__} in the nlp stage: {exc}",
                                  source=document.source or document.id)


def extract_partition(partition: str, documents: list[Document], *, pipeline: Any = None) -> PartitionResult:
    """Extract `documents` and return their rows (errors included) as Arrow tables."""
    pipeline = pipeline or worker_pipeline()
    rows: Rows = empty_rows()
    result = PartitionResult(partition=partition, tables={})
    with _memory_zone(pipeline):
        for document, outcome in zip(documents, _process(pipeline, documents), strict=True):
            if isinstance(outcome, CommuniqueError):
                rows["errors"].append(error_row(outcome, partition=partition, doc_id=document.id,
                                                date=document.date))
                result.errors += 1
                result.error_lines.append(str(outcome))
                continue
            try:
                own = empty_rows()
                document_rows(outcome, own)
                check_rows(own)  # a bad value fails here, for this document only
            except Exception as exc:  # noqa: BLE001 - a stage produced values we cannot store
                from communique.pipeline import ProcessingError

                err = ProcessingError(f"cannot write the extraction ({type(exc).__name__}: {exc})",
                                      source=document.source or document.id)
                rows["errors"].append(error_row(err, partition=partition, doc_id=document.id,
                                                date=document.date))
                result.errors += 1
                result.error_lines.append(str(err))
                continue
            for name, table_rows in own.items():
                rows[name].extend(table_rows)
            result.documents += 1
            result.words += len(outcome.text.split())
            outcome.spacy_doc = None
    result.tables = to_tables(rows)
    return result
