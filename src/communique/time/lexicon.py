"""The tagger's word lists and compiled rules, read from `data/time/*.yaml` once per process.

Rule patterns in `rules.yaml` use `{NAME}` placeholders; `PLACEHOLDERS` turns each into a
regular-expression group built from the word lists, so adding a word is a data edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from communique.settings import DATA_DIR

TIME_DATA = DATA_DIR / "time"


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled pattern and the name of the handler that normalises its matches."""

    name: str
    order: int
    regex: re.Pattern[str]
    triggers: frozenset[str]


def _words(words: Any) -> str:
    """An alternation of phrases, longest first, spaces as `\\s+`, apostrophes either way."""
    phrases = sorted({str(w) for w in words}, key=len, reverse=True)
    parts = []
    for phrase in phrases:
        escaped = re.escape(phrase).replace(r"\ ", r"\s+").replace(" ", r"\s+")
        parts.append(escaped.replace("'", "['’]"))
    return "|".join(parts)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The word lists of `lexicon.yaml`, lower-cased keys."""
    with open(TIME_DATA / "lexicon.yaml", encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    data["future_cues"] = [str(w).lower() for w in data["future_cues"]]
    data["past_cues"] = [str(w).lower() for w in data["past_cues"]]
    data["not_past_ed"] = frozenset(str(w).lower() for w in data["not_past_ed"])
    data["plan_participles"] = frozenset(str(w).lower() for w in data["plan_participles"])
    data["plan_complements"] = frozenset(str(w).lower() for w in data["plan_complements"])
    data["reporting_verbs"] = frozenset(str(w).lower() for w in data["reporting_verbs"])
    data["month_lead_words"] = frozenset(str(w).lower() for w in data["month_lead_words"])
    data["bare_unit_leads"] = frozenset(str(w).lower() for w in data["bare_unit_leads"])
    return data


def _number_words(lex: dict[str, Any]) -> str:
    numbers = lex["numbers"]
    tens = [w for w, v in numbers.items() if isinstance(v, int) and 20 <= v <= 90 and " " not in w]
    ones = [w for w, v in numbers.items() if isinstance(v, int) and 1 <= v <= 9 and w not in ("a", "an")]
    compound = rf"(?:{'|'.join(tens)})[-\s](?:{'|'.join(ones)})"
    return rf"{compound}|{_words(lex['numbers'])}"


@lru_cache(maxsize=1)
def placeholders() -> dict[str, str]:
    """`{NAME}` → regex group, for the rule patterns."""
    lex = lexicon()
    full_months = [m for m in lex["months"] if len(m) > 4 or m in ("may", "june", "july")]
    short_months = [m for m in lex["months"] if m not in full_months]
    month_alt = _words(full_months) + "|" + "|".join(rf"{m}\.?" for m in
                                                     sorted(short_months, key=len, reverse=True))
    number_words = _number_words(lex)
    ones = "|".join(w for w, v in lex["numbers"].items() if isinstance(v, int) and 1 <= v <= 9
                    and w not in ("a", "an"))
    teens = "|".join(w for w, v in lex["numbers"].items() if isinstance(v, int) and 10 <= v <= 19
                     and " " not in w and w != "dozen")
    tens = "|".join(w for w, v in lex["numbers"].items() if isinstance(v, int) and 20 <= v <= 90
                    and " " not in w)
    two_digits = rf"(?:{tens})(?:[-\s](?:{ones}))?|{teens}"
    units = sorted(list(lex["units"]) + list(lex["plurals"]), key=len, reverse=True)
    return {
        "YEAR": r"(?P<year>(?:1[5-9]|20)\d\d)",
        "YEARPLAIN": r"(?:19|20)\d\d",
        "MONTH": rf"(?P<month>{month_alt})",
        "MONTHFULL": rf"(?P<month>{_words(full_months)})",
        "DAY": r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?",
        "WEEKDAY": rf"(?P<weekday>{_words(lex['weekdays'])})",
        "PMOD": rf"(?P<pmod>{_words(lex['point_modifiers'])})(?:-|\s+)",
        "AMOD": rf"(?P<amod>{_words(lex['amount_modifiers'])})\s+",
        "REL": r"(?P<rel>last|next|this|coming|past|previous|following)",
        "NUM": rf"(?P<num>\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2)?"
               rf"|(?:{number_words})(?:\s+and\s+a\s+half)?)",
        "NUMWORDS": rf"(?:{number_words})",
        "VAGUE": rf"(?P<vague>{_words(lex['vague_quantities'])})",
        "UNIT": rf"(?P<unit>{_words(units)})",
        "ORD": rf"(?P<ord>{_words(lex['ordinals'])})",
        "DAYORD": rf"(?P<dayord>{_words(w for w in lex['ordinals'] if str(w).replace('-', '').isalpha())})",
        "SEASON": rf"(?P<season>{_words(lex['seasons'])})",
        "TZ": rf"(?P<tz>{_words(lex['time_zones'])})\b",
        "SETWORD": rf"(?P<setword>{_words(lex['sets'])})",
        "REF": rf"(?P<ref>{_words(lex['references'])})",
        # a year said in words: "nineteen ninety-six", "nineteen oh five", "two thousand and ten"
        "SPOKENYEAR": rf"(?P<syear>(?:eighteen|nineteen|twenty)[-\s]"
                      rf"(?:{two_digits}|hundred|oh[-\s](?:{ones}))"
                      rf"|two\s+thousand(?:(?:\s+and)?[-\s](?:{two_digits}|{ones}))?)",
        "HOLIDAY": rf"(?P<holiday>{_words(lex['holidays'])})",
    }


def _expand(pattern: str, names: dict[str, str]) -> str:
    return re.sub(r"\{([A-Z]+)\}", lambda m: names[m.group(1)], pattern)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The compiled rules of `rules.yaml`, in file order."""
    with open(TIME_DATA / "rules.yaml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    names = placeholders()
    known = set(TRIGGER_CLASSES)
    compiled = []
    for i, item in enumerate(data["rules"]):
        triggers = frozenset(item["triggers"])
        if not triggers <= known:
            raise ValueError(f"rule {item['name']}: unknown triggers {sorted(triggers - known)}")
        compiled.append(Rule(name=item["name"], order=i, triggers=triggers,
                             regex=re.compile(_expand(item["pattern"], names), re.I)))
    return tuple(compiled)


TRIGGER_CLASSES = ("digit", "month", "weekday", "unit", "season", "daypart", "setword", "ref", "holiday",
                   "period", "yearword")
_TRIGGER_STOPWORDS = frozenset({"the", "a", "an", "at", "in", "of", "as", "to", "for", "these", "this",
                                "not", "too", "right", "s", "day", "eve"})


def _trigger_classes() -> dict[str, list[str]]:
    """Kinds of word that every time expression contains, as phrase lists."""
    lex = lexicon()
    weekdays = list(lex["weekdays"]) + [f"{w}s" for w in lex["weekdays"]]
    return {
        "month": [str(w) for w in lex["months"]],
        "weekday": weekdays,
        "unit": list(lex["units"]) + list(lex["plurals"]),
        "season": list(lex["seasons"]),
        "daypart": list(lex["parts_of_day"]) + list(lex["clock_words"]) + [
            "today", "yesterday", "tomorrow", "tonight"],
        "setword": list(lex["sets"]) + ["annum", "every", "each", "once", "twice"],
        "ref": list(lex["references"]) + ["current"],
        "holiday": list(lex["holidays"]),
        "period": ["period"],
        "yearword": ["eighteen", "nineteen", "twenty", "thousand", "twenties", "thirties", "forties",
                     "fifties", "sixties", "seventies", "eighties", "nineties"],
    }


@lru_cache(maxsize=1)
def trigger_words() -> dict[str, frozenset[str]]:
    """Lower-case word → the trigger classes it belongs to (every word of a phrase counts,
    except function words, so "at present" is found by "present")."""
    table: dict[str, set[str]] = {}
    for name, phrases in _trigger_classes().items():
        for phrase in phrases:
            words = re.findall(r"[a-z]+", phrase.lower())
            keys = [w for w in words if w not in _TRIGGER_STOPWORDS and len(w) >= 3] or words
            if any(len(w) < 3 for w in keys):
                raise ValueError(f"trigger phrase {phrase!r} has no word of three letters or more")
            for word in keys:
                table.setdefault(word, set()).add(name)
    return {word: frozenset(names) for word, names in table.items()}


@lru_cache(maxsize=1)
def cue_regex() -> re.Pattern[str]:
    """Future cues first, so "agreed to hold" reads as future before "agreed" as past."""
    lex = lexicon()
    alternatives = [("neutral", "neutral_phrases"), ("future", "future_cues"),
                    ("weak_future", "weak_future_cues"), ("past", "past_cues")]
    groups = "|".join(f"(?P<{name}>{_words(lex[key])})" for name, key in alternatives)
    return re.compile(
        rf"(?<![\w'])(?:{groups}|(?P<progressive>(?:is|are|am)\s+(?:\w+ly\s+)?[a-z]{{2,}}ing)"
        rf"|(?P<ed>[a-z]{{3,}}ed)|(?P<report>{_words(lex['reporting_verbs'])}))(?![\w'])",
        re.I,
    )


_CENTURY_WORDS = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}


def spoken_year(words: str) -> int | None:
    """The year said in words: "nineteen ninety-six" 1996, "two thousand and ten" 2010."""
    parts = [w for w in re.split(r"[-\s]+", words.lower()) if w and w != "and"]
    numbers = lexicon()["numbers"]
    if parts[:2] == ["two", "thousand"]:
        base, rest = 2000, parts[2:]
    elif parts and parts[0] in _CENTURY_WORDS:
        base, rest = _CENTURY_WORDS[parts[0]], parts[1:]
    else:
        return None
    if rest in (["hundred"], []):
        return base
    if rest[0] == "oh":
        rest = rest[1:]
    values = [numbers.get(w) for w in rest]
    if not values or any(not isinstance(v, int) for v in values):
        return None
    return base + sum(values)


def number_value(word: str) -> float | None:
    """The value of a number as written ("three", "twenty-five", "2 1/2", "1,000")."""
    text = " ".join(word.lower().replace("-", " ").split())
    half = 0.0
    if text.endswith(" and a half"):
        text, half = text[: -len(" and a half")], 0.5
    if text.endswith(" 1/2"):
        text, half = text[:-4], 0.5
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", text):
        return float(text.replace(",", "")) + half
    numbers = lexicon()["numbers"]
    if text in numbers:
        return float(numbers[text]) + half
    parts = text.split()
    if len(parts) == 2 and parts[0] in numbers and parts[1] in numbers:
        return float(numbers[parts[0]] + numbers[parts[1]]) + half
    return None
