"""States: names, short and old forms, demonyms, capitals standing for governments."""

from __future__ import annotations

import pytest

from communique.actors.resolve import country_for_phrase


@pytest.mark.parametrize(("phrase", "country"), [
    ("the Kyrgyz Republic", "KGZ"),
    ("Kazakhstani", "KAZ"),
    ("the Kazakh side", "KAZ"),
    ("the U.S.", "USA"),
    ("the United States of America", "USA"),
    ("Türkiye", "TUR"),
    ("Burma", "MMR"),
    ("the Ukrainian delegation", "UKR"),
    ("Washington", "USA"),
    ("Moscow", "RUS"),
    ("the EU", "EUR"),
    ("Ivory Coast", "CIV"),
    ("North Korean", "PRK"),
])
def test_states_phrase_country(phrase: str, country: str) -> None:
    assert country_for_phrase(phrase) == country


@pytest.mark.parametrize("phrase", ["us", "chad of the team", "a turkey dinner", "nothing at all"])
def test_states_lowercase_words_are_not_states(phrase: str) -> None:
    assert country_for_phrase(phrase) is None


@pytest.mark.parametrize(("text", "countries"), [
    ("Washington said the talks would go on.", {"USA"}),
    ("Moscow and Beijing signed a joint statement on trade.", {"RUS", "CHN"}),
])
def test_states_capitals_as_governments(extract, text: str, countries: set[str]) -> None:
    document = extract(text)
    assert {e.country for e in document.entities if e.kind == "state"} == countries
    assert not [e for e in document.entities if e.kind == "place"]


@pytest.mark.parametrize(("text", "name", "geonameid"), [
    ("The delegation arrived in Moscow on Tuesday.", "Moscow", 524901),
    ("The ministers met in Nur-Sultan in 2021.", "Astana", 1526273),
])
def test_states_capital_after_preposition_is_a_place(extract, find_entity, text, name, geonameid) -> None:
    place = find_entity(extract(text), "place", name)
    assert place.geonameid == geonameid and place.lat is not None


@pytest.mark.parametrize("text", ["Kazakh officials and Kazakhstan's partners met the Kazakhstani envoy."])
def test_states_all_forms_group_into_one_state(extract, find_entity, mention_texts, text: str) -> None:
    document = extract(text)
    kaz = find_entity(document, "state", "Kazakhstan")
    assert kaz.country == "KAZ" and kaz.sector is None
    assert mention_texts(document, kaz) == ["Kazakh", "Kazakhstan", "Kazakhstani"]


@pytest.mark.parametrize("text", ["Both sides backed the Minsk agreements."])
def test_states_capital_naming_a_text_is_neither(extract, text: str) -> None:
    assert not extract(text).entities


@pytest.mark.parametrize(("text", "country"), [
    ("M23 rebels backed by Rwanda captured Goma in eastern Congo.", "COD"),
    ("In Brazzaville, Congo and Gabon signed a deal.", "COG"),
    ("Congo said the vote was free.", "COG"),
])
def test_bare_congo_follows_the_article(extract, text: str, country: str) -> None:
    document = extract(text, "2024-03-01")
    start = text.index("Congo")
    entity = next(e for e in document.entities if any(s.start == start for s in e.mentions))
    assert entity.country == country
