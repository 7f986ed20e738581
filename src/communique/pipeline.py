"""The extraction pipeline: ingest → nlp → time → actors → events, one `Document` at a time.

Each stage is a callable with a `name` that fills one layer of the `Document`. The nlp
stage works on batches (spaCy's `nlp.pipe`); the others work per document. A stage that
fails on one document turns into a `ProcessingError` for that document and the batch
goes on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Protocol

from communique.document import Document
from communique.errors import CommuniqueError, InputError


class DocumentStage(Protocol):
    """A per-document stage: reads what earlier stages set and fills its own layer."""

    name: str

    def __call__(self, document: Document) -> None: ...


class ProcessingError(CommuniqueError):
    """A document that a stage could not process (a bug on our side, reported per document)."""

    code = "E300"


class Pipeline:
    """Run documents through the nlp stage and the per-document stages, in order."""

    def __init__(self, *, nlp: object | None = None, stages: list[DocumentStage] | None = None,
                 batch_size: int = 32) -> None:
        from communique.actors import ActorsStage
        from communique.events import EventsStage
        from communique.nlp import NlpStage
        from communique.time import TimeStage

        self.nlp = nlp if nlp is not None else NlpStage(batch_size=batch_size)
        self.stages: list[DocumentStage] = (
            stages if stages is not None else [TimeStage(), ActorsStage(), EventsStage()]
        )

    def process(self, documents: Iterable[Document]) -> Iterator[Document | ProcessingError]:
        for document in self.nlp(documents):  # type: ignore[operator]
            try:
                for stage in self.stages:
                    stage(document)
            except Exception as exc:  # one document's failure must not stop the batch
                yield ProcessingError(
                    f"{type(exc).__name__} in the {stage.name} stage: {exc}",
                    source=document.source or document.id,
                )
                continue
            yield document

    def run(self, items: Iterable[Document | InputError]) -> Iterator[Document | CommuniqueError]:
        """Process a mixed stream from ingest: errors pass through, documents are extracted."""
        errors: deque[InputError] = deque()

        def documents() -> Iterator[Document]:
            for item in items:
                if isinstance(item, Document):
                    yield item
                else:
                    errors.append(item)

        for result in self.process(documents()):
            while errors:
                yield errors.popleft()
            yield result
        while errors:
            yield errors.popleft()


def extract_text(text: str, date: str, *, doc_id: str = "text", pipeline: Pipeline | None = None) -> Document:
    """Extract one article given as a string (the library's simplest entry point)."""
    from communique.ingest import make_document

    document = make_document(text, doc_id=doc_id, date=date, source=doc_id)
    result = next((pipeline or default_pipeline()).process([document]))
    if isinstance(result, CommuniqueError):
        raise result
    return result


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """One shared pipeline per process (the spaCy model is loaded once)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT
