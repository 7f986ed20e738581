"""Without a publisher or URL, the official who opens a release gives its voice ("we")."""

from __future__ import annotations

import pytest

from communique.pipeline import extract_text

BYLINE_RELEASE = (
    "Antony J. Blinken, Secretary of State\n"
    "We condemn the detention of the opposition leader by the authorities of Belarus and call for "
    "his immediate release."
)


@pytest.mark.parametrize("text", [BYLINE_RELEASE])
def test_stage_home_country_from_opening_official(pipeline, text: str) -> None:
    document = extract_text(text, "2021-06-01", pipeline=pipeline)
    accusations = [e for e in document.events if e.type == "ACCUSE"]
    assert accusations, [e.type for e in document.events]
    assert {p.country for p in accusations[0].actors} == {"USA"}
