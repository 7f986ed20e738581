"""The mention records the composer produces and the grouping step turns into entities.

A `Mention` is one stretch of text naming one referent, with what the text itself says about
it (its country, sector, the office as written). Grouping (`group.py`) merges mentions of the
same referent; keeping the two steps apart lets the phrase resolver (`resolve.py`) reuse the
composer on a short phrase without building entities.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Mention:
    """One stretch of text naming a state, person, organisation, IGO or place."""

    kind: str  # person | state | organization | igo | place
    start: int
    end: int
    text: str
    name: str
    country: str | None = None
    sector: str | None = None
    title: str | None = None  # persons: the office as written, without a country prefix
    title_core: str | None = None  # persons: the office head, for "the Under Secretary"
    key: str | None = None  # what identifies the referent (ISO code, KB name, geonameid, ...)
    ref: Any = None  # the lexicon record (Person, Organization, Place) when known
    name_only: bool = False  # persons: a surname alone ("Zeya")
    title_only: bool = False  # persons: an office without a name ("the Under Secretary")
    members: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


# Words that put a place name in a locative role: "in Astana", "arrived in Washington".
LOCATIVE_WORDS = frozenset({"in", "to", "from", "at", "near", "outside", "into", "across", "via",
                            "inside", "towards", "toward", "around", "throughout", "visited",
                            "visit", "visiting", "visits", "toured", "arrived", "left", "reached"})
# Nouns whose "of" phrase names a place ("the city of Sumy", "the outskirts of Kharkiv").
PLACE_BEFORE_OF = frozenset({"city", "town", "village", "region", "port", "outskirts", "suburbs", "suburb",
                             "province", "oblast", "district", "settlement", "residents", "center",
                             "centre", "mayor"})
# Verbs of acts done to places, whose object is a place even when the parser reads a person
# ("Russian forces shelled Kharkiv"); not "attacked", which people are too.
ACTS_ON_PLACES = frozenset({"shelled", "shelling", "bombed", "bombing", "bombarded", "besieged", "captured",
                            "recaptured", "liberated", "evacuated", "encircled"})
# Particles inside personal names ("Mohammed bin Salman", "Ursula von der Leyen").
NAME_PARTICLES = frozenset({"bin", "ibn", "al", "el", "de", "der", "van", "von", "da", "dos", "das",
                            "del", "della", "di", "du", "la", "le", "y", "ben", "abu", "bint", "den", "ter",
                            "ten"})
# Capitalised words that follow a title but are never a name ("President Monday").
NOT_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                       "january", "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december", "i", "the", "a", "an",
                       "he", "she", "they", "we", "it", "his", "her", "their", "our", "this",
                       "that", "these", "those", "and", "or", "but", "in", "on", "at", "for"})
NAME_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})
FORMER_WORDS = frozenset({"former", "ex", "late", "ousted", "deposed", "exiled", "retired"})
