"""Who published a document: the home country of its source, and the publisher the text names.

A release often says who issued it ("..., the press service of the Kazakh MFA reported.").
When the ingest metadata has no publisher we take that one. The home country (from the URL's
domain, else the publisher's name) is what a bare office means in the publisher's own
releases: "the President" in a Kremlin readout is Russia's.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlparse

from communique.actors.datafiles import read_yaml
from communique.document import Document

_WHO = r"(?P<who>[A-Z][^,;:\n]{1,80}?|the [^,;:\n]{2,80}?)"
_PATTERNS = (
    re.compile(r"\bpress (?:service|office) of (?:the )?" + _WHO +
               r"\s+(?:has\s+)?(?:reported|reports|said|says|informed|informs|announced|stated)\b", re.I),
    re.compile(r"\baccording to the press (?:service|office) of (?:the )?" + _WHO + r"(?=[,.;\n]|$)", re.I),
    re.compile(r"\b(?:reported|announced|informed) by the press (?:service|office) of (?:the )?" + _WHO +
               r"(?=[,.;\n]|$)", re.I),
)


@lru_cache(maxsize=1)
def _domains() -> dict[str, str]:
    data = read_yaml("publishers.yaml")
    return {str(k).lower(): str(v) for k, v in data["domains"].items()}


def home_country(document: Document) -> str | None:
    """The country whose government issued the document, when its URL or publisher says so."""
    if document.url:
        host = (urlparse(document.url).hostname or "").lower()
        for domain, country in _domains().items():
            if host == domain or host.endswith("." + domain):
                return country
    if document.publisher:
        from communique.actors.resolve import country_for_phrase

        country = country_for_phrase(document.publisher, document.date)
        if country and country not in {"IGO", "UNO", "EUR", "NGO", "MNC", "IMG"}:
            return country
    return None


def publisher_named_in(document: Document) -> str | None:
    """The issuing body the text names for itself, as a canonical name, or None."""
    from communique.actors.resolve import actor_for_phrase

    text = document.text
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        who = match.group("who").strip()
        actor = actor_for_phrase(who, document.date)
        if actor is not None and actor.kind in {"organization", "igo"}:
            return actor.name
        return who[0].upper() + who[1:]
    return None
