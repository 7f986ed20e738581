"""Towns that the parser reads as people stay places where the words around them say so."""

from __future__ import annotations

import pytest


def places(document) -> dict[str, str | None]:
    return {e.name: e.country for e in document.entities if e.kind == "place"}


@pytest.mark.parametrize(("text", "town", "country"), [
    ("Russian forces shelled Kharkiv overnight, killing three civilians.", "Kharkiv", "UKR"),
    ("Russian troops attacked the city of Sumy on Monday.", "Sumy", "UKR"),
    ("Fighting continued on the outskirts of Kharkiv.", "Kharkiv", "UKR"),
])
def test_a_town_after_an_act_on_places_or_the_city_of_is_a_place(extract, nlp, text, town, country) -> None:
    document = extract(text, "2024-03-10", nlp=nlp)
    assert places(document).get(town) == country
    assert not [e for e in document.entities if e.kind == "person" and e.name == town]


def test_a_person_who_was_attacked_stays_a_person(extract, nlp) -> None:
    document = extract("Protesters attacked Navalny's supporters, the police said.", "2021-02-01", nlp=nlp)
    assert "Navalny" not in places(document)
