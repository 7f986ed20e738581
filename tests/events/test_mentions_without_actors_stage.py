"""Participants come from the actors stage even when it did not run before the events stage, and
place countries from its phrase resolver. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from communique.events.mentions import place_country, state_code
from communique.ingest import make_document

TEXT = (
    "Foreign Minister Yoko Kamikawa of Japan met with Foreign Minister Penny Wong of Australia in "
    "Canberra on May 3, 2024. The two ministers condemned North Korea's missile launches."
)


@pytest.fixture(scope="module")
def events_only(nlp):
    from communique.events import EventsStage
    from communique.nlp import NlpStage
    from communique.pipeline import Pipeline
    from communique.time import TimeStage

    return Pipeline(nlp=NlpStage(), stages=[TimeStage(), EventsStage()])


def _summary(document, countries) -> list[tuple[str, str, frozenset[str]]]:
    return sorted((e.type, e.status, frozenset(countries(e))) for e in document.events)


def test_events_without_actors_stage_match_the_full_pipeline(pipeline, events_only, countries) -> None:
    full = next(pipeline.process([make_document(TEXT, doc_id="full", date="2024-05-03", source="test")]))
    alone = next(events_only.process([make_document(TEXT, doc_id="alone", date="2024-05-03", source="test")]))
    assert not alone.entities  # the events stage does not fill the actors layer
    assert _summary(alone, countries) == _summary(full, countries)
    meeting = next(e for e in alone.events if e.type == "CONSULT")
    assert countries(meeting) == {"JPN", "AUS"}
    assert meeting.location is not None and meeting.location.country == "AUS"


@pytest.mark.parametrize("text,code", [
    ("Santiago", "CHL"), ("Washington, D.C.", "USA"), ("Gaza", "PSE"), ("Geneva", "CHE"),
    ("the United Nations", None), ("Antony Blinken", None), ("Qwertzuiop", None),
])
def test_place_country_uses_the_actors_resolver(text: str, code: str | None) -> None:
    assert place_country(text) == code


@pytest.mark.parametrize("text,code", [
    ("Chile", "CHL"), ("the Republic of Korea", "KOR"), ("Ukrainian", "UKR"), ("Geneva", None),
    ("NATO", None),
])
def test_state_code_names_states_only(text: str, code: str | None) -> None:
    assert state_code(text) == code
