"""Helpers for the events tests: extract a short article written for the test."""

from __future__ import annotations

import pytest

from communique.document import Document
from communique.ingest import make_document


@pytest.fixture(scope="module")
def extract(pipeline):
    """Extract one article (text, date) through the whole pipeline."""

    def run(text: str, date: str) -> Document:
        document = make_document(text, doc_id="test", date=date, source="test")
        result = next(pipeline.process([document]))
        assert isinstance(result, Document), result
        return result

    return run


@pytest.fixture(scope="session")
def countries():
    """The set of participant countries of an event (what section 4 matching compares)."""

    def of(event) -> set[str]:
        return {p.country for p in event.actors + event.recipients if p.country}

    return of
