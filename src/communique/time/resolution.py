"""What a rule handler sees (`Context`) and what it returns (`Found`).

A handler turns one regex match into a TIMEX3 type and value, or refuses it (returns None)
so that a shorter reading of the same words can be tried. The context carries the document
date and the anchors that later expressions refer back to ("the following day").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from communique.time.lexicon import lexicon, spoken_year
from communique.time.tense import direction_at


@dataclass(slots=True)
class Found:
    """A normalised expression; `start`/`end` set only when the handler trims the match."""

    type: str
    value: str
    precision: str | None = None
    mod: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Context:
    """The article being tagged and what earlier expressions in it resolved to."""

    text: str
    original: str
    dct: dt.date
    anchor_day: dt.date | None = None  # the last day named, for "the following day"
    anchor_quarter: tuple[int, int] | None = None  # the last quarter named, for "a year earlier"
    anchor_month: tuple[int, int | None] | None = None  # (year, month) last named, for "that year"
    _directions: dict[tuple[int, int], int] = field(default_factory=dict)

    def direction(self, m: re.Match[str]) -> int:
        """The tense of the sentence around the match: +1 future, -1 past, 0 unknown."""
        key = (m.start(), m.end())
        if key not in self._directions:
            self._directions[key] = direction_at(self.text, m.start(), m.end())
        return self._directions[key]

    def remember(self, found: Found) -> None:
        """Keep the year and month of a resolved date for the expressions that refer back."""
        m = _YEAR_MONTH.match(found.value)
        if m and found.type in ("DATE", "TIME"):
            self.anchor_month = (int(m.group(1)), int(m.group(2)) if m.group(2) else None)

    def word_before(self, position: int) -> str:
        """The word (or symbol) just before `position`, as written."""
        m = _LAST_WORD.search(self.original, max(0, position - 40), position)
        return m.group(1) if m else ""

    def word_after(self, position: int) -> str:
        m = _NEXT_WORD.match(self.original, position)
        return m.group(1) if m else ""

    def starts_sentence(self, position: int) -> bool:
        before = self.original[max(0, position - 3):position].rstrip(" \t")
        return not before or before[-1] in ".!?\n\"“:"


_YEAR_MONTH = re.compile(r"(\d{4})(?:-(\d{2})\b)?")
_LAST_WORD = re.compile(r"([\w.$#€£'’-]+|[$#€£])\s*$")
_NEXT_WORD = re.compile(r"\s*([\w'’-]+)")


def group(m: re.Match[str], name: str) -> str | None:
    """A named group of the match, or None when the pattern has no such group or it is empty."""
    try:
        value = m.group(name)
    except IndexError:
        return None
    return value or None


def point_mod(m: re.Match[str]) -> str | None:
    """The TIMEX3 mod of an "early"/"late"/"mid-" prefix."""
    words = group(m, "pmod")
    if not words:
        return None
    key = " ".join(words.lower().replace("’", "'").split()).rstrip("-")
    return lexicon()["point_modifiers"].get(key)


def amount_mod(m: re.Match[str]) -> str | None:
    """The TIMEX3 mod of "about"/"nearly"/"more than" before an amount."""
    words = group(m, "amod")
    if not words:
        return None
    return lexicon()["amount_modifiers"].get(" ".join(words.lower().split()))


def month_number(word: str) -> int:
    return int(lexicon()["months"][word.lower().rstrip(".")])


def weekday_number(word: str) -> int:
    return int(lexicon()["weekdays"][word.lower()])


def is_capitalised(ctx: Context, m: re.Match[str], name: str) -> bool:
    """Month and holiday names are proper nouns: "may" and "march" stay verbs."""
    start = m.start(name)
    return ctx.original[start:start + 1].isupper()


def ymd(day: dt.date) -> str:
    return day.isoformat()


def is_title(ctx: Context, m: re.Match[str], name: str) -> bool:
    """A capitalised unit word in running text ("60 Minutes", "This Week") names a title."""
    start = m.start(name)
    return ctx.original[start].isupper() and not ctx.original[m.start():m.end()].isupper()


def written_year(m: re.Match[str]) -> int | None:
    """The year a match spells out, in digits ("1996") or in words ("nineteen ninety-six")."""
    if group(m, "year"):
        return int(m["year"])
    if group(m, "syear"):
        return spoken_year(m["syear"])
    return None
