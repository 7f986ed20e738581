"""Countries that depend on the date or the sentence: a state that did not exist yet, an ethnic
group named by a demonym and a community noun, an organisation the lexicon does not know."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.actors.resolve import actor_for_phrase
from communique.actors.succession import state_on


@pytest.mark.parametrize(("code", "day", "expected"), [
    ("SSD", "2005-03-01", "SDN"), ("SSD", "2012-03-01", "SSD"), ("ERI", "1990-01-01", "ETH"),
    ("ERI", "2000-01-01", "ERI"), ("KAZ", "1980-01-01", "KAZ"), ("SSD", None, "SSD"),
    (None, "2000-01-01", None), ("XKX", "1999-04-10", "SRB"), ("XKX", "2010-01-01", "XKX"),
])
def test_state_on(code, day, expected) -> None:
    assert state_on(code, dt.date.fromisoformat(day) if day else None) == expected


@pytest.mark.parametrize(("date", "country"), [("1998-06-01", "SDN"), ("2016-06-01", "SSD")])
def test_capital_of_a_later_state_belongs_to_the_earlier(extract, date: str, country: str) -> None:
    document = extract("Rebels shelled Juba on Sunday, relief workers said.", date)
    assert [e.country for e in document.entities if e.kind in {"state", "place"}] == [country]


def test_phrase_resolves_by_date() -> None:
    actor = actor_for_phrase("Juba", dt.date(1999, 1, 1))
    assert actor is not None and actor.country == "SDN"


@pytest.mark.parametrize(("text", "word", "country"), [
    ("Police in Estonia detained members of the Russian minority after the protest.", "Russian", "EST"),
    ("Troops in Georgia attacked the Armenian population of the region.", "Armenian", "GEO"),
    ("The Chinese community held a festival downtown.", "Chinese", "CHN"),
])
def test_demonym_with_community_noun_is_where_the_group_lives(extract, text, word, country) -> None:
    document = extract(text, "2020-01-01")
    start = text.index(word)
    entity = next(e for e in document.entities if any(s.start == start for s in e.mentions))
    assert entity.country == country


def test_unknown_party_takes_the_sentence_country(extract, find_entity, nlp) -> None:
    text = "Leaders of the Zafaran Party met in Algiers to plan a boycott of Algeria's elections."
    party = find_entity(extract(text, "2020-01-01", nlp=nlp), "organization", "Zafaran Party")
    assert (party.country, party.sector) == ("DZA", "PTY")


def test_unknown_organisation_without_a_country_is_dropped(extract, nlp) -> None:
    document = extract("The Zafaran Group issued a statement on Monday.", "2020-01-01", nlp=nlp)
    assert not [e for e in document.entities if e.kind == "organization" and e.country is None]
