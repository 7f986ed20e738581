"""Attacks on places named as the verb's object: the place is where, its state the target.
Sentences written for these tests."""

from __future__ import annotations

import pytest

DATE = "2024-03-10"


def _assaults(document):
    return [e for e in document.events if e.type == "ASSAULT"]


@pytest.mark.parametrize(("text", "place", "target"), [
    ("Russian forces shelled Kharkiv overnight, killing three civilians.", "Kharkiv", "UKR"),
    ("Russian troops attacked the city of Sumy on Monday.", "Sumy", "UKR"),
    ("Israeli aircraft struck targets in Gaza.", "Gaza", "PSE"),
])
def test_a_place_attacked_is_the_location_and_its_state_the_target(extract, countries, text, place,
                                                                     target) -> None:
    (event,) = _assaults(extract(text, DATE))
    assert event.status == "occurred"
    assert event.location is not None and event.location.name == place
    assert {p.country for p in event.recipients} == {target}


def test_a_state_attacked_is_a_party_not_a_location(extract) -> None:
    (event,) = _assaults(extract("Russian forces attacked Ukraine.", DATE))
    assert {p.country for p in event.recipients} == {"UKR"} and event.location is None


@pytest.mark.parametrize("text", [
    "The two governments struck a deal on grain exports.",
    "The minister struck a conciliatory tone in Geneva.",
])
def test_struck_without_a_military_object_is_no_attack(extract, text: str) -> None:
    assert not _assaults(extract(text, DATE))
