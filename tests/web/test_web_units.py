"""The web UI's pure parts: text segments, chart geometry, map geometry, the score table."""

from __future__ import annotations

import re

import pytest

from communique.document import EVENT_TYPES
from communique.web.assets import type_scores
from communique.web.charts import monthly_chart
from communique.web.geo import MapPlace, country_shapes, geocode, map_view
from communique.web.highlight import segment_text

TEXT = "Kazakhstan met Uzbekistan in Astana.\n\nThey agreed to meet in 2025."


def test_web_segments_carry_every_layer_and_keep_the_text():
    payload = {"events": [{"id": "ev-1", "evidence": [{"start": 0, "end": 36}]},
                          {"id": "ev-2", "evidence": [{"start": 38, "end": 66}]}],
               "entities": [{"id": "kaz", "kind": "state", "mentions": [[0, 10]]},
                            {"id": "astana", "kind": "place", "mentions": [[29, 35]]}],
               "timexes": [{"start": 61, "end": 65, "value": "2025", "type": "DATE"}]}
    paragraphs = segment_text(TEXT, payload)
    assert len(paragraphs) == 2
    assert "".join(s.text for p in paragraphs for s in p.segments) == TEXT.replace("\n", "")
    first = paragraphs[0].segments[0]
    assert (first.text, first.events, first.entity) == ("Kazakhstan", ["ev-1"], "kaz")
    assert first.classes == "ev ent ent-state"
    year = next(s for s in paragraphs[1].segments if s.text == "2025")
    assert year.timex == "2025" and year.events == ["ev-2"]


@pytest.mark.parametrize("bad", [[-1, 5], [5, 5], [10, 999], ["a", 3]])
def test_web_segments_drop_offsets_outside_the_text(bad):
    payload = {"entities": [{"id": "x", "kind": "person", "mentions": [bad]}]}
    paragraphs = segment_text(TEXT, payload)
    assert all(s.entity is None for p in paragraphs for s in p.segments)


def test_web_chart_keeps_empty_months_and_scores_occurred_events():
    counts = [("2024-01", "CONSULT", 2), ("2024-04", "SANCTION", 1), ("2024-04", "ENACT", 3)]
    chart = monthly_chart(counts, list(counts))
    assert [r.month for r in chart.rows] == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert [r.score for r in chart.rows] == [1.0, None, None, -4.0]  # ENACT is domestic: not scored
    assert {b.type for b in chart.bars} == {"CONSULT", "SANCTION", "ENACT"}
    assert all(b.height > 0 and b.y >= chart.top for b in chart.bars)


def test_web_score_table_covers_every_type():
    scores = type_scores()
    assert set(scores) == set(EVENT_TYPES)
    assert scores["COOPERATE"].score > 0 > scores["ASSAULT"].score


def test_web_boundaries_decode_without_antimeridian_stripes():
    shapes = country_shapes()
    assert {"KAZ", "USA", "RUS", "UZB"} <= set(shapes)
    for code in ("RUS", "FJI", "USA"):
        for ring in shapes[code].path.split("M")[1:]:
            xs = [float(p.split(",")[0]) for p in re.findall(r"-?[\d.]+,-?[\d.]+", ring)]
            assert all(abs(a - b) < 180 for a, b in zip(xs, xs[1:], strict=False))


def test_web_map_frames_places_and_countries():
    places = [MapPlace("Astana", "KAZ", 51.18, 71.45, 2), MapPlace("Tashkent", "UZB", 41.3, 69.2, 1)]
    view = map_view({"KAZ"}, places)
    left, top, width, height = (float(v) for v in view.view_box.split())
    for place in view.places:
        assert left <= place.x <= left + width and top <= place.y <= top + height
    assert any(s.iso3 == "KAZ" for s in view.shapes) and not any(s.iso3 == "BRA" for s in view.shapes)


@pytest.mark.parametrize("name, country, found", [("Astana", "KAZ", True), ("Washington, DC", "USA", True),
                                                   ("March", None, False), ("Astana", "USA", False)])
def test_web_geocode_needs_a_matching_country_or_a_big_city(name, country, found):
    assert (geocode(name, country) is not None) is found
