"""The worker side of a batch: one document's failure costs that document only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import pytest

from communique.batch.worker import extract_partition
from communique.document import Document, Timex
from communique.pipeline import ProcessingError


def _doc(doc_id: str) -> Document:
    return Document(id=doc_id, date=dt.date(2024, 3, 5), text=f"Text of {doc_id}.", source=f"in:{doc_id}")


class ExplodingPipe:
    """Like spaCy's batched pipe raising inside a batch: the whole generator dies at `bad`."""

    nlp = None

    def __init__(self, bad: str, timex_start: object = 0) -> None:
        self.bad = bad
        self.timex_start = timex_start

    def process(self, documents: Iterable[Document]) -> Iterator[Document | ProcessingError]:
        for doc in documents:
            if doc.id == self.bad:
                raise ValueError("[E088] text too long for the parser")
            doc.timexes = [Timex(start=self.timex_start, end=4, text="Text", type="DATE", value="2024")]  # type: ignore[arg-type]
            yield doc


@pytest.mark.parametrize("bad", ["a", "c", "e"])
def test_worker_pipe_exception_costs_one_document(bad: str) -> None:
    docs = [_doc(x) for x in "abcde"]
    result = extract_partition("p1", docs, pipeline=ExplodingPipe(bad))
    assert (result.documents, result.errors) == (4, 1)
    ids = [r for t in result.tables["documents"].values() for r in t.column("id").to_pylist()]
    assert sorted(ids) == sorted(set("abcde") - {bad})
    (errors,) = result.tables["errors"].values()
    row = errors.to_pylist()[0]
    assert row["doc_id"] == bad and row["code"] == "E300" and "E088" in row["message"]
    assert row["source"] == f"in:{bad}" and row["date"] == dt.date(2024, 3, 5)


def test_worker_unwritable_stage_output_is_that_documents_error() -> None:
    class Odd(ExplodingPipe):
        def process(self, documents: Iterable[Document]) -> Iterator[Document | ProcessingError]:
            for doc in documents:
                doc.timexes = [Timex(start="x" if doc.id == "b" else 0, end=4, text="Text",  # type: ignore[arg-type]
                                     type="DATE", value="2024")]
                yield doc

    result = extract_partition("p1", [_doc(x) for x in "abc"], pipeline=Odd(""))
    assert (result.documents, result.errors) == (2, 1)
    assert "cannot write the extraction" in result.error_lines[0] and "in:b" in result.error_lines[0]
    timex_docs = [r["doc_id"] for t in result.tables["timexes"].values() for r in t.to_pylist()]
    assert sorted(timex_docs) == ["a", "c"]
