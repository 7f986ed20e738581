"""Handlers for calendar dates: written dates, months, years, decades, quarters, seasons."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from communique.time import calendar as cal
from communique.time.lexicon import lexicon
from communique.time.resolution import (
    Context,
    Found,
    group,
    is_capitalised,
    month_number,
    point_mod,
    weekday_number,
    written_year,
    ymd,
)

Handler = Callable[[re.Match[str], Context], Found | None]


def _day(ctx: Context, value: dt.date, *, mod: str | None = None) -> Found:
    ctx.anchor_day = value
    return Found("DATE", ymd(value), "day", mod)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def iso_date(m: re.Match[str], ctx: Context) -> Found | None:
    day = _safe_date(int(m["year"]), int(m["mnum"]), int(m["dnum"]))
    if day is None:
        return None
    if group(m, "hour24"):
        ctx.anchor_day = day
        return Found("TIME", f"{ymd(day)}T{m['hour24']}:{m['minute24']}", "time")
    return _day(ctx, day)


def numeric_date(m: re.Match[str], ctx: Context) -> Found | None:
    day = _safe_date(int(m["year"]), int(m["mnum"]), int(m["dnum"]))
    return _day(ctx, day) if day else None


def _year_for_weekday(month: int, day: int, weekday: int, dct: dt.date) -> int | None:
    """The year near the document date in which `month/day` falls on `weekday`."""
    for year in (dct.year, dct.year - 1, dct.year + 1):
        candidate = _safe_date(year, month, day)
        if candidate and candidate.isoweekday() == weekday:
            return year
    return None


_RANGE_END_YEAR = re.compile(
    r"\s*(?:-|–|—|to|through|until|till|and)\s*(?:[A-Z][a-z]{2,8}\.?\s+)?\d{1,2}(?:st|nd|rd|th)?,?\s+"
    r"((?:1[5-9]|20)\d\d)\b")


def _range_year(ctx: Context, end: int) -> int | None:
    """The year written after the second day of a range: "January 1 – December 31, 2020"."""
    m = _RANGE_END_YEAR.match(ctx.original, end)
    return int(m.group(1)) if m else None


def month_day(m: re.Match[str], ctx: Context) -> Found | None:
    if not is_capitalised(ctx, m, "month"):
        return None
    month, day_number = month_number(m["month"]), int(m["day"])
    year = int(m["year"]) if group(m, "year") else _range_year(ctx, m.end())
    if year is None and group(m, "weekday"):
        year = _year_for_weekday(month, day_number, weekday_number(m["weekday"]), ctx.dct)
    if year is None:
        year = cal.pick_day_year(month, day_number, ctx.dct, direction=ctx.direction(m))
    day = _safe_date(year, month, day_number)
    return _day(ctx, day, mod=point_mod(m)) if day else None


def range_first_day(m: re.Match[str], ctx: Context) -> Found | None:
    """"3-4 June 2025", "from 10 to 12 March": the first day, which the month written after it names.

    TimeML tags the pieces of a range; the second piece ("4 June 2025") is its own match.
    """
    if not is_capitalised(ctx, m, "month"):
        return None
    first, last = int(m["day1"]), int(m["day2"])
    if first >= last or ctx.word_before(m.start())[:1] in ("$", "€", "£"):
        return None
    month = month_number(m["month"])
    year = written_year(m) or cal.pick_day_year(month, first, ctx.dct, direction=ctx.direction(m))
    day = _safe_date(year, month, first)
    if day is None:
        return None
    found = _day(ctx, day)
    found.end = m.end("d1")
    return found


_MONTH_DAY_BEFORE = re.compile(r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})$")
_IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children", "police", "staff", "troops", "more",
                                "other", "new", "additional", "million", "billion", "percent", "per"})
_RANGE_FOLLOWERS = frozenset({"in", "at", "on", "the", "to", "of", "with", "for", "when", "and", "or", "but",
                              "as", "by", "from", "under", "after", "before", "during", "next", "this"})


def range_last_day(m: re.Match[str], ctx: Context) -> Found | None:
    """"June 3-4", "April 24 and 25": the last day of a range whose first day names the month."""
    before = _MONTH_DAY_BEFORE.search(ctx.original, max(0, m.start() - 16), m.start())
    if before is None or before["month"].lower() not in lexicon()["months"]:
        return None
    first, last = int(before["day"]), int(m["day2"])
    if not first < last <= 31:
        return None
    after = ctx.word_after(m.end()).lower()
    if after not in _RANGE_FOLLOWERS and (after.endswith("s") or after in _IRREGULAR_PLURALS):
        return None  # "on May 3 and 4 ministers met": a count
    month = month_number(before["month"])
    anchor = ctx.anchor_day
    if anchor is not None and (anchor.month, anchor.day) == (month, first):
        year = anchor.year
    else:
        year = cal.pick_day_year(month, first, ctx.dct, direction=ctx.direction(m))
    day = _safe_date(year, month, last)
    if day is None:
        return None
    found = Found("DATE", ymd(day), "day")
    found.start = m.start("d2")
    return found


def month_dayword(m: re.Match[str], ctx: Context) -> Found | None:
    """"March eighth", "the fifth of May, 2024": days said in words, as broadcasts write them."""
    if not is_capitalised(ctx, m, "month"):
        return None
    word = " ".join(m["dayord"].lower().split())
    if m.group(0).lower().startswith(m["month"].lower()) and word in ("second", "third") \
            and ctx.word_after(m.end()).isalpha() and ctx.word_after(m.end())[:1].islower():
        return None  # "the May second round": an ordinal of what follows
    day_number = lexicon()["ordinals"].get(word)
    month = month_number(m["month"])
    year = written_year(m)
    if year is None and group(m, "weekday"):
        year = _year_for_weekday(month, day_number, weekday_number(m["weekday"]), ctx.dct)
    if year is None:
        year = cal.pick_day_year(month, day_number, ctx.dct, direction=ctx.direction(m))
    day = _safe_date(year, month, day_number)
    return _day(ctx, day) if day else None


def month_year(m: re.Match[str], ctx: Context) -> Found | None:
    if not is_capitalised(ctx, m, "month"):
        return None
    year_value = written_year(m) or _relative_year(group(m, "yrel"), ctx)
    if year_value is None:
        return None
    return Found("DATE", f"{year_value:04d}-{month_number(m['month']):02d}", "month", point_mod(m))


def month(m: re.Match[str], ctx: Context) -> Found | None:
    if not is_capitalised(ctx, m, "month"):
        return None
    rel = (group(m, "rel") or "").lower() or None
    lex = lexicon()
    if rel is None and not group(m, "pmod"):
        before = ctx.word_before(m.start())
        known_lead = before.lower() in lex["month_lead_words"]
        if before[:1].isupper() and not known_lead and not ctx.starts_sentence(m.start()):
            return None  # "Theresa May", "Secretary June Smith"
        if m["month"].lower() == "may" and not known_lead:
            return None  # the modal verb
        if before.lower() in ("a", "an", "annual") or ctx.original.startswith(" of the", m.end()):
            return None  # "the annual March for Life", "the March of the Mothers"
    number = month_number(m["month"])
    direction = 0 if rel else ctx.direction(m)
    year = cal.pick_month_year(number, ctx.dct, rel=rel, direction=direction)
    return Found("DATE", f"{year:04d}-{number:02d}", "month", point_mod(m))


def year(m: re.Match[str], ctx: Context) -> Found | None:
    value = int(m["year"])
    written_before = ctx.word_before(m.start())
    before = written_before.lower()
    lex = lexicon()
    if before in lex["year_blockers"] or before.endswith("$"):
        return None
    if (written_before[:1].isupper() and not group(m, "fiscal") and not group(m, "pmod")
            and before not in lex["month_lead_words"] and not before.endswith(("'s", "’s"))
            and not ctx.starts_sentence(m.start())
            and not ctx.starts_sentence(ctx.original.rfind(written_before, 0, m.start()))):
        return None  # a name: "Vision 2030", "Expo 2020" (but "A 1996 law", "Mixte's 1989 loss")
    if value > ctx.dct.year + 60:
        return None
    following = ctx.original[m.end():m.end() + 2]
    if following[:1] == "-" and _LATER_YEAR.match(ctx.original, m.end() + 1) \
            and int(ctx.original[m.end() + 1:m.end() + 5]) > value:
        following = ""  # "the 2024-2025 season": the first year of a range
    if following[:1] in ("%", "-", "/") or ctx.word_after(m.end()).lower() in ("percent", "per"):
        return None
    return Found("DATE", f"{value:04d}", "year", point_mod(m))


_SPOKEN_YEAR_LEADS = frozenset({"in", "since", "by", "until", "till", "before", "after", "of", "during",
                                "from", "through", "to", "early", "late", "mid", "around", "circa"})
_FUNCTION_WORDS = frozenset({"and", "or", "but", "to", "when", "where", "the", "a", "an", "as", "with", "at",
                             "in", "on", "for", "that", "which", "until", "after", "before", "by", "he",
                             "she", "it", "they", "we", "i", "you", "there", "has", "had", "was", "is"})


def spoken_year(m: re.Match[str], ctx: Context) -> Found | None:
    """"In nineteen ninety-six", "the year two thousand": years in broadcast transcripts."""
    value = written_year(m)
    if value is None or value > ctx.dct.year + 60:
        return None
    words = m["syear"].lower()
    if words.startswith("two") or words.endswith("hundred"):  # most often a number
        after = ctx.word_after(m.end())
        if after[:1].islower() and after.lower() not in _FUNCTION_WORDS:
            return None  # "two thousand and ten soldiers", "nineteen hundred troops": counts
        if not group(m, "theyear") and not group(m, "pmod") \
                and ctx.word_before(m.start()).lower() not in _SPOKEN_YEAR_LEADS:
            return None
    return Found("DATE", f"{value:04d}", "year", point_mod(m))


_LATER_YEAR = re.compile(r"(?:19|20)\d\d\b")


def decade(m: re.Match[str], ctx: Context) -> Found | None:
    if group(m, "decade"):
        value = m["decade"][:3] + "X"
    else:
        two = int(m["decade2"])  # "the '80s": the latest such decade begun by the document date
        value = f"{20 if 2000 + two <= ctx.dct.year else 19}{two // 10}X"
    return Found("DATE", value, "decade", point_mod(m))


_TENS_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
               "eighties": 8, "nineties": 9}


def decade_words(m: re.Match[str], ctx: Context) -> Found | None:
    """"The nineties", "the late eighties", "the nineteen-sixties"."""
    if ctx.word_after(m.end()).lower() in ("of", "and") and not group(m, "century"):
        return None  # "in the sixties of the last century" is rare; "her forties and fifties" are ages
    before = ctx.word_before(m.start() if not group(m, "pmod") else m.start("pmod")).lower()
    if before in ("his", "her", "their", "my", "your", "our", "its") or before.endswith(("'s", "’s")):
        return None  # "in her forties": an age
    tens = _TENS_WORDS[m["tens"].lower()]
    if group(m, "century"):
        value = f"{18 if m['century'].lower() == 'eighteen' else 19}{tens}X"
    else:
        value = f"{20 if 2000 + tens * 10 <= ctx.dct.year else 19}{tens}X"
    return Found("DATE", value, "decade", point_mod(m))


def century(m: re.Match[str], ctx: Context) -> Found | None:
    number = lexicon()["ordinals"].get(m["ord"].lower())
    if not number:
        return None
    return Found("DATE", f"{number - 1:02d}", "century", point_mod(m))


def _relative_year(word: str | None, ctx: Context) -> int | None:
    if not word:
        return None
    offset = {"this": 0, "the": 0, "last": -1, "next": 1}.get(word.lower())
    return None if offset is None else ctx.dct.year + offset


def half_year(m: re.Match[str], ctx: Context) -> Found | None:
    code = group(m, "hcode") or group(m, "hcode2")
    if code:  # "H1 2025", "2025 H2"
        if not code.isupper():
            return None
        return Found("DATE", f"{group(m, 'year2') or m['year3']}-{code}", None)
    year_value = int(m["year"]) if group(m, "year") else _relative_year(group(m, "yrel"), ctx)
    if year_value is None:
        return None
    half = 1 if m["half"].lower() == "first" else 2
    return Found("DATE", f"{year_value}-H{half}", None)


def _quarter(ctx: Context, year_value: int, quarter: int) -> Found:
    ctx.anchor_quarter = (year_value, quarter)
    return Found("DATE", f"{year_value}-Q{quarter}", "quarter")


def quarter_ordinal(m: re.Match[str], ctx: Context) -> Found | None:
    found = _quarter_ordinal(m, ctx)
    hyphenated = ctx.original[m.end("qord"):m.end("qord") + 1] == "-"
    if found and hyphenated and ctx.original[m.start():m.start() + 4].lower() == "the ":
        found.start = m.start() + 4  # "the third-quarter results": "the" belongs to the noun
    return found


def _quarter_ordinal(m: re.Match[str], ctx: Context) -> Found | None:
    ordinal = m["qord"].lower()
    quarter = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
               "fourth": 4, "4th": 4}[ordinal]
    written = group(m, "year") or group(m, "year3")
    year_value = int(written) if written else None
    if year_value is None:
        year_value = _relative_year(group(m, "yrel") or group(m, "yrel2"), ctx)
    if year_value is None:
        year_value = cal.pick_quarter_year(quarter, ctx.dct, direction=ctx.direction(m))
    return _quarter(ctx, year_value, quarter)


def quarter_code(m: re.Match[str], ctx: Context) -> Found | None:
    if group(m, "qnum2"):
        return _quarter(ctx, int(m["year2"]), int(m["qnum2"]))
    quarter = int(m["qord"][1])
    if group(m, "year"):
        return _quarter(ctx, int(m["year"]), quarter)
    return _quarter(ctx, cal.pick_quarter_year(quarter, ctx.dct, direction=ctx.direction(m)), quarter)


def quarter_relative(m: re.Match[str], ctx: Context) -> Found | None:
    if m.group(0).lower().endswith("period") and ctx.anchor_quarter is None:
        return None  # "this period" means a quarter only in a quarterly report
    rel = (group(m, "qrel") or group(m, "qrel2") or "the").lower()
    rel = rel.split()[-1]  # "comparable year-ago" is "year-ago"
    if group(m, "year"):
        return _quarter(ctx, int(m["year"]), (ctx.anchor_quarter or (0, cal.quarter_of(ctx.dct)))[1])
    current = (ctx.dct.year, cal.quarter_of(ctx.dct))
    completed = cal.shift_quarter(*current, -1)
    if rel in ("this", "current"):
        year_value, quarter = current
    elif rel in ("next", "coming"):
        year_value, quarter = cal.shift_quarter(*current, 1)
    elif rel in ("same", "the"):
        year_value, quarter = ctx.anchor_quarter or completed
    elif rel in ("year-ago", "year-earlier", "prior-year"):
        if group(m, "qrel2") and not ctx.anchor_quarter:
            return Found("DATE", f"{ctx.dct.year - 1:04d}", "year")
        year_value, quarter = cal.shift_quarter(*(ctx.anchor_quarter or completed), -4)
        return Found("DATE", f"{year_value}-Q{quarter}", "quarter")
    else:  # latest, last, past, previous, recent, just-ended
        year_value, quarter = completed
    return _quarter(ctx, year_value, quarter)


def season(m: re.Match[str], ctx: Context) -> Found | None:
    code = lexicon()["seasons"][m["season"].lower()]
    rel = (group(m, "rel") or "").lower() or None
    if year_value := written_year(m):
        return Found("DATE", f"{year_value:04d}-{code}", None, point_mod(m))
    if group(m, "yrel"):  # "the spring of next year"
        return Found("DATE", f"{_relative_year(m['yrel'], ctx):04d}-{code}", None, point_mod(m))
    if rel is None and not group(m, "the") and not group(m, "pmod"):
        return None
    if rel is None and ctx.word_after(m.end()).lower() == "of":
        return None  # "the fall of the government"
    direction = 0 if rel else ctx.direction(m)
    year_value = cal.pick_season_year(code, ctx.dct, rel=rel, direction=direction)
    return Found("DATE", f"{year_value:04d}-{code}", None, point_mod(m))


def holiday(m: re.Match[str], ctx: Context) -> Found | None:
    if not is_capitalised(ctx, m, "holiday"):
        return None
    key = " ".join(m["holiday"].lower().replace("’", "'").split())
    rule = lexicon()["holidays"][key]
    if group(m, "year"):
        return _day(ctx, cal.holiday_date(rule, int(m["year"])))
    rel = (group(m, "rel") or "").lower()
    this_year = cal.holiday_date(rule, ctx.dct.year)
    gap = (this_year - ctx.dct).days
    if rel == "last":
        shift = -1 if gap >= 0 else 0
    elif rel in ("next", "coming"):
        shift = 1 if gap <= 0 else 0
    else:
        shift = cal.year_shift(gap, ctx.direction(m))
    day = cal.holiday_date(rule, ctx.dct.year + shift)
    if group(m, "week"):
        return Found("DATE", cal.iso_week(day), "week")
    return _day(ctx, day)


HANDLERS: dict[str, Handler] = {
    "iso_date": iso_date,
    "numeric_date": numeric_date,
    "month_day_year": month_day,
    "day_month_year": month_day,
    "month_day": month_day,
    "day_month": month_day,
    "range_first_day": range_first_day,
    "range_last_day": range_last_day,
    "month_dayword": month_dayword,
    "dayword_month": month_dayword,
    "month_year": month_year,
    "month_year_abbr": month_year,
    "month": month,
    "year": year,
    "spoken_year": spoken_year,
    "decade": decade,
    "decade_words": decade_words,
    "century": century,
    "half_year": half_year,
    "quarter_ordinal": quarter_ordinal,
    "quarter_code": quarter_code,
    "quarter_relative": quarter_relative,
    "season": season,
    "holiday": holiday,
}
