"""Helpers for the actors tests: run the stage on a text we wrote, with or without spaCy."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.actors.stage import ActorsStage
from communique.document import Document, Entity


def make_document(text: str, date: str = "2024-05-20", *, nlp=None, url: str | None = None,
                  publisher: str | None = None) -> Document:
    """A document of `text`, parsed by `nlp` when given, with its entities extracted."""
    document = Document(id="t", date=dt.date.fromisoformat(date), text=text, nlp_text=text, url=url,
                        publisher=publisher)
    if nlp is not None:
        document.spacy_doc = nlp(text)
    ActorsStage()(document)
    return document


def mentions_of(document: Document, entity: Entity) -> list[str]:
    return [document.text[s.start:s.end] for s in entity.mentions]


def find(document: Document, kind: str, name: str) -> Entity:
    matches = [e for e in document.entities if e.kind == kind and e.name == name]
    assert matches, f"no {kind} {name!r} among {[(e.kind, e.name) for e in document.entities]}"
    return matches[0]


@pytest.fixture
def extract():
    """`extract(text, date=..., nlp=..., url=..., publisher=...)` → the processed Document."""
    return make_document


@pytest.fixture
def find_entity():
    """`find_entity(document, kind, name)` → the entity, failing with the list when absent."""
    return find


@pytest.fixture
def mention_texts():
    """`mention_texts(document, entity)` → the text of each mention, in order."""
    return mentions_of
