"""Places: cities with coordinates, old names, landmarks in their capitals."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "name", "country", "geonameid"), [
    ("The next round will be held in Washington, DC in 2025.", "Washington, DC", "USA", 4140963),
    ("Leaders gathered in New York last year.", "New York", "USA", 5128581),
    ("Talks took place in Astana on Monday.", "Astana", "KAZ", 1526273),
    ("The envoy flew to Santiago, Chile on Friday.", "Santiago", "CHL", 3871336),
    ("The ministers met in Geneva.", "Geneva", "CHE", 2660646),
    ("The delegation travelled to Odessa.", "Odesa", "UKR", 698740),
])
def test_places_cities(extract, find_entity, text, name, country, geonameid) -> None:
    place = find_entity(extract(text), "place", name)
    assert (place.country, place.geonameid) == (country, geonameid)
    assert place.lat is not None and place.lon is not None and place.sector is None


@pytest.mark.parametrize(("text", "name", "country"), [
    ("The two presidents met at the White House.", "White House", "USA"),
    ("The talks were held at Akorda.", "Akorda", "KAZ"),
    ("A ceremony took place in the Kremlin.", "Kremlin", "RUS"),
    ("Shelling continued in Donbas.", "Donbas", "UKR"),
])
def test_places_landmarks_and_regions(extract, find_entity, text, name, country) -> None:
    place = find_entity(extract(text), "place", name)
    assert place.country == country and place.lat is not None


@pytest.mark.parametrize("text", ["George Washington Carver studied plants.",
                                  "The Moscow Times reported it."])
def test_places_city_inside_a_longer_name_is_not_a_place(extract, text: str) -> None:
    assert not [e for e in extract(text).entities if e.kind in {"place", "state"}]


@pytest.mark.parametrize(("text", "country"), [("Fighting resumed near Gorazde on Sunday.", "BIH"),
                                               ("The forum opened in Sao Paulo.", "BRA")])
def test_places_names_without_diacritics(extract, text: str, country: str) -> None:
    places = [e for e in extract(text).entities if e.kind == "place"]
    assert len(places) == 1 and places[0].country == country and places[0].geonameid


@pytest.mark.parametrize(("phrase", "country"), [
    ("Sindh", "PAK"), ("Texas", "USA"), ("Helmand", "AFG"), ("Anbar", "IRQ"), ("Sichuan", "CHN"),
    ("Ontario", "CAN"), ("Khatlon", "TJK"), ("Naryn", "KGZ"), ("Queensland", "AUS"),
])
def test_first_level_divisions_are_places(phrase: str, country: str) -> None:
    import datetime as dt

    from communique.actors.resolve import actor_for_phrase

    actor = actor_for_phrase(phrase, dt.date(2024, 1, 1))
    assert actor is not None and (actor.kind, actor.country) == ("place", country)


def test_division_named_like_a_town_of_its_country_is_the_town(extract, find_entity) -> None:
    document = extract("Shelling was reported in Rafah on Monday.", "2024-01-01")
    rafah = next(e for e in document.entities if e.kind == "place")
    assert rafah.country == "PSE" and rafah.lat is not None


@pytest.mark.parametrize("text", ["Delta said the flight was late.",
                                  "Victoria Ross met Unity staff in Plateau."])
def test_divisions_named_like_words_are_not_places(extract, text: str) -> None:
    assert not [e for e in extract(text, "2024-01-01").entities if e.kind == "place"]


def test_division_as_a_location(extract, find_entity) -> None:
    document = extract("Police fired on protesters in Sindh, officials in Islamabad said.", "2024-01-01")
    assert find_entity(document, "place", "Sindh").country == "PAK"
