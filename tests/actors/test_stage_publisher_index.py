"""The stage's other outputs: the publisher a text names, the span index, the seed article."""

from __future__ import annotations

import json

import pytest

from communique.actors.index import EntityIndex


@pytest.mark.parametrize(("text", "publisher"), [
    ("Officials of both countries met in Astana, the press service of the Kazakh MFA reported.",
     "Ministry of Foreign Affairs of Kazakhstan"),
    ("According to the press service of the Ministry of Foreign Affairs of Uzbekistan, talks went well.",
     "Ministry of Foreign Affairs of Uzbekistan"),
    ("The ministers met in Astana and agreed to meet again.", None),
])
def test_stage_publisher_named_in_text(extract, text: str, publisher: str | None) -> None:
    assert extract(text).publisher == publisher


@pytest.mark.parametrize("text", ["The delegation of the Kazakh MFA met in Astana, said the press service."])
def test_stage_publisher_kept_when_known(extract, text: str) -> None:
    assert extract(text, publisher="Somebody").publisher == "Somebody"


@pytest.mark.parametrize("text", ["Kazakhstan and the United States met in Astana. Uzra Zeya spoke."])
def test_index_lookups(extract, text: str) -> None:
    document = extract(text)
    index = EntityIndex(document)
    first_sentence = text.index(".")
    found = index.in_span(0, first_sentence)
    assert [document.text[s.start:s.end] for s, _ in found] == ["Kazakhstan", "United States", "Astana"]
    zeya_start = text.index("Zeya")
    (zeya,) = index.at(zeya_start, zeya_start + 1)
    assert zeya.kind == "person" and index.country_of(zeya) == "USA" and index.country_of(zeya.id) == "USA"
    assert index.at(first_sentence, first_sentence + 1) == []
    assert [e.name for _, e in index.places_in(0, first_sentence)] == ["Astana"]


def test_stage_seed_entities_match_gold(shared, nlp, extract) -> None:
    """On the seed, every gold entity has a system entity of the same kind, name, country and sector
    at its first mention."""
    gold = json.loads((shared / "seed" / "gold.json").read_text(encoding="utf-8"))
    document = extract(gold["text"], gold["document"]["date"], nlp=nlp)
    index = EntityIndex(document)
    for entity in gold["entities"]:
        start, end = entity["mentions"][0]
        system = [e for e in index.at(start, end) if e.kind == entity["kind"]]
        assert system, entity["name"]
        got = system[0]
        expected = (entity["country"], entity.get("sector"), entity["name"])
        assert (got.country, got.sector, got.name) == expected
        if entity["kind"] == "place":
            assert got.geonameid == entity["geonameid"]
        if entity["kind"] == "person":
            assert got.title == entity["title"]
    assert document.publisher == "Ministry of Foreign Affairs of Kazakhstan"
