"""Handlers for amounts of time and recurrences: durations ("three years" P3Y, "several
days" PXD), sets ("annual" P1Y, "every Monday"), and the vague PRESENT/PAST/FUTURE_REF."""

from __future__ import annotations

import re

from communique.time.handlers_dates import Handler
from communique.time.lexicon import lexicon, number_value
from communique.time.resolution import (
    Context,
    Found,
    amount_mod,
    group,
    is_title,
    month_number,
    weekday_number,
)

_MONEY_OR_COUNT = re.compile(
    r"(?:\d|\$|%|percent|million|billion|trillion|dollars?|euros?|pounds?|yuan|rubles?|times|once|twice"
    r"|tons?|barrels?|people|visitors|students)\W*$", re.I)


def _unit(word: str) -> str:
    key = word.lower()
    return lexicon()["plurals"].get(key, key)


def duration_value(amount: float | None, unit: str) -> str | None:
    """TIMEX3 duration for an amount of a unit; None amount means unspecified (X)."""
    spec = lexicon()["units"].get(unit)
    if spec is None:
        return None
    letter = spec["letter"]
    if letter == "Q":
        letter, factor = "M", 3
    else:
        factor = spec.get("factor", 1)
    prefix = "PT" if spec.get("clock") else "P"
    if amount is None:
        if unit == "decade":
            return "PXY"  # "decades": a vague number of years
        if unit == "century":
            return "PXCE"
        return f"{prefix}X{letter}"
    total = amount * factor
    if total == int(total):
        return f"{prefix}{int(total)}{letter}"
    whole, fraction = int(total), total - int(total)
    smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60)}
    if spec.get("clock"):
        smaller = {"H": ("M", 60), "M": ("S", 60)}
    if letter in smaller and (fraction * smaller[letter][1]).is_integer():
        small_letter, per = smaller[letter]
        parts = f"{whole}{letter}" if whole else ""
        if letter == "D":
            return f"P{parts}T{int(fraction * per)}{small_letter}"
        return f"{prefix}{parts}{int(fraction * per)}{small_letter}"
    return f"{prefix}{total:g}{letter}"


def duration(m: re.Match[str], ctx: Context) -> Found | None:
    unit = _unit(m["unit"])
    if unit in ("weekend", "quarter") and not group(m, "num"):
        return None
    if unit == "quarter" and (m["num"].lower() in ("a", "an") or ctx.word_after(m.end()).lower() == "of"):
        return None  # "a quarter of the vote", "three quarters of the members": fractions
    if group(m, "vague"):
        amount = None
    else:
        amount = number_value(m["num"])
        if amount is None:
            return None
        if m["num"].lower() in ("a", "an") and unit in ("second", "minute") and not group(m, "andhalf"):
            return None  # "a second term"
        if group(m, "andhalf"):
            amount += 0.5  # "a year and a half"

    if is_title(ctx, m, "unit"):
        return None  # "60 Minutes", a title
    after = ctx.word_after(m.end()).lower()
    if after == "old" or ctx.original[m.end():m.end() + 4].lower() == "-old":
        return None  # ages are not annotated
    if ctx.original[m.end():m.end() + 1] == "-" and ctx.original[m.end() + 1:m.end() + 2].isalpha():
        return None  # "a year-earlier loss", "a year-end review": part of a compound
    value = duration_value(amount, unit)
    if value is None:
        return None
    found = Found("DURATION", value, None, amount_mod(m))
    drel = group(m, "drel")
    article = ctx.original[m.start("drel") - 4:m.start("drel")].lower() if drel else ""
    if drel and drel.lower() == "following" and article != "the ":
        found.start = m.start("num") if group(m, "num") else m.start("vague")  # the preposition
    return found


def duration_adjective(m: re.Match[str], ctx: Context) -> Found | None:
    amount = number_value(m["num"])
    if amount is None or amount > 1000:
        return None
    value = duration_value(amount, _unit(m["unit"]))
    return Found("DURATION", value, None) if value else None


def duration_long(m: re.Match[str], ctx: Context) -> Found | None:
    word = m["unit"].lower()
    unit = _unit(word)
    value = duration_value(None if word != unit else 1, unit)
    return Found("DURATION", value, None) if value else None


def duration_unit(m: re.Match[str], ctx: Context) -> Found | None:
    value = duration_value(1, _unit(m["unit"]))
    return Found("DURATION", value, None) if value else None


def bare_units(m: re.Match[str], ctx: Context) -> Found | None:
    if not group(m, "bprel"):
        lead = ctx.word_before(m.start()).lower()
        if lead not in lexicon()["bare_unit_leads"]:
            return None
        if ctx.word_after(m.end()).lower() in ("of", "old", "ago", "later", "earlier", "before", "after"):
            return None
    value = duration_value(None, _unit(m["bunit"]))
    return Found("DURATION", value, None) if value else None


def set_word(m: re.Match[str], ctx: Context) -> Found | None:
    key = m["setword"].lower()
    after, before = ctx.word_after(m.end()), ctx.word_before(m.start())
    if key == "daily" and after[:1].isupper() and (before[:1].isupper() or before.lower() in ("the", "a")):
        return None  # "the Communist Party daily Granma", "the daily Le Monde": a newspaper
    return Found("SET", lexicon()["sets"][key], None)


_POD_SETS = {"morning": "TMO", "evening": "TEV", "night": "TNI"}
_SEASON_SETS = {"summer": "SU", "winter": "WI", "spring": "SP", "autumn": "FA"}


def set_every(m: re.Match[str], ctx: Context) -> Found | None:
    every = m["every"].lower()
    word = m["sunit"].lower()
    if every in ("a", "an") and not group(m, "times"):
        return None  # "a year" alone is a duration, "$5 a year" a rate (not annotated)
    if every in ("a", "an", "per") and group(m, "snum"):
        return None
    if word in _POD_SETS:
        return Found("SET", f"XXXX-XX-XX{_POD_SETS[word]}", None)
    if word in _SEASON_SETS:
        return Found("SET", f"XXXX-{_SEASON_SETS[word]}", None)
    unit = "year" if word == "annum" else _unit(word)
    count = group(m, "snum")
    amount = 2.0 if count and count.lower() == "other" else number_value(count) if count else 1.0
    value = duration_value(amount, unit)
    return Found("SET", value, None) if value else None


def set_weekday(m: re.Match[str], ctx: Context) -> Found | None:
    if group(m, "month"):
        return Found("SET", f"XXXX-{month_number(m['month']):02d}", None)
    word = group(m, "weekday") or (group(m, "weekdays") or "")[:-1]
    if not word or not ctx.original[m.start():m.start() + 1].strip():
        return None
    if group(m, "weekdays") and not ctx.original[m.start()].isupper():
        return None
    return Found("SET", f"XXXX-WXX-{weekday_number(word)}", None)


_AMOUNT_NEXT = re.compile(r"\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
                          r"|thirty|forty|fifty|dozen)\b)", re.I)


def reference(m: re.Match[str], ctx: Context) -> Found | None:
    key = " ".join(m["ref"].lower().replace("’", "'").split())
    if key == "now" and ctx.starts_sentence(m.start()) and ctx.original.startswith(",", m.end()):
        return None  # "Now, the alliance ...": a discourse marker, not a time
    if key == "the past" and _AMOUNT_NEXT.match(ctx.original, m.end()):
        return None  # "the past three summers", "the past 20 games": an amount follows
    return Found("DATE", lexicon()["references"][key], None)


_NOT_PRESENT = frozenset({"account", "accounts", "affairs", "assets", "liabilities", "ratio", "flows",
                          "flow", "of", "is", "was", "and", "or", "to", "in", "that", "which", "carried",
                          "swept", "dollars", "prices", "density", "speed", "source", "events"})


def present_adjective(m: re.Match[str], ctx: Context) -> Found | None:
    """"The current weakness", "its current position": the present (TimeML PRESENT_REF)."""
    if ctx.word_after(m.end()).lower() in _NOT_PRESENT:
        return None  # "the current account", "the current of the river"
    return Found("DATE", "PAST_REF" if group(m, "then") else "PRESENT_REF", None)


HANDLERS: dict[str, Handler] = {
    "present_adjective": present_adjective,
    "duration": duration,
    "duration_adjective": duration_adjective,
    "duration_long": duration_long,
    "duration_unit": duration_unit,
    "bare_units": bare_units,
    "set_word": set_word,
    "set_every": set_every,
    "set_weekday": set_weekday,
    "reference": reference,
}
