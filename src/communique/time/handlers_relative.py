"""Handlers for expressions relative to the document date: "yesterday", "on Tuesday",
"last week", "three years ago", "the following day", clock times."""

from __future__ import annotations

import datetime as dt
import re

from communique.time import calendar as cal
from communique.time.handlers_dates import Handler, month_day
from communique.time.lexicon import lexicon, number_value
from communique.time.resolution import (
    Context,
    Found,
    amount_mod,
    group,
    is_title,
    point_mod,
    weekday_number,
    ymd,
)

_DEICTIC_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                    "the day before yesterday": -2, "the day after tomorrow": 2}


def _pod_code(word: str | None) -> str | None:
    return lexicon()["parts_of_day"].get(word.lower()) if word else None


def _day_found(ctx: Context, day: dt.date, pod: str | None, mod: str | None) -> Found:
    ctx.anchor_day = day
    code = _pod_code(pod)
    if code:
        return Found("TIME", f"{ymd(day)}T{code}", "day", mod)
    return Found("DATE", ymd(day), "day", mod)


_GENERIC_PRESENT = frozenset({"world", "youth", "society", "generation", "young", "children", "kids",
                              "teenagers", "technology", "economy", "standards", "terms", "culture",
                              "computers"})


_POSSESSED = re.compile(r"['’]s\s+(\w+)(?:\s+(\w+))?")


def deictic_day(m: re.Match[str], ctx: Context) -> Found | None:
    key = " ".join(m["deictic"].lower().split())
    generic = _POSSESSED.match(ctx.original, m.end()) if key == "today" else None
    if generic and _GENERIC_PRESENT & {w.lower() for w in generic.groups() if w}:
        return None  # "today's world", "today's personal computers": the present age, not the day
    day = ctx.dct + dt.timedelta(days=_DEICTIC_OFFSETS[key])
    return _day_found(ctx, day, group(m, "pod"), point_mod(m))


def part_of_day(m: re.Match[str], ctx: Context) -> Found | None:
    rel = m["prel"].lower()
    pod = m["pod"].lower()
    offset = {"this": 0, "tomorrow": 1, "yesterday": -1, "last": -1}[rel]
    if rel == "last" and pod != "night":
        return None  # "last morning" is not English for a date
    return _day_found(ctx, ctx.dct + dt.timedelta(days=offset), pod, point_mod(m))


def weekday(m: re.Match[str], ctx: Context) -> Found | None:
    rel = (group(m, "rel") or "").lower() or None
    direction = 0 if rel else ctx.direction(m)
    base = ctx.dct
    if rel in ("previous", "following") and ctx.anchor_day is not None:
        base = ctx.anchor_day  # "the previous Friday": the one before the day just told of
    day = cal.pick_weekday(weekday_number(m["weekday"]), base, rel=rel, direction=direction)
    return _day_found(ctx, day, group(m, "pod"), point_mod(m))


def weekday_week(m: re.Match[str], ctx: Context) -> Found | None:
    found = month_day(m, ctx)
    if found is None:
        return None
    return Found("DATE", cal.iso_week(dt.date.fromisoformat(found.value)), "week")


def relative_unit(m: re.Match[str], ctx: Context) -> Found | None:
    rel = m["rel"].lower()
    unit = " ".join(m["runit"].lower().split())
    if is_title(ctx, m, "runit"):
        return None  # "This Week with ...", a programme
    mod = point_mod(m)
    if rel in ("past", "previous") and unit not in ("weekend", "year"):
        return None  # "the past week" is a duration; "the past year" is annotated as last year
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
    if rel == "that" and ctx.anchor_month and unit in ("year", "month"):
        year_value, month_value = ctx.anchor_month  # "the end of that year": the one just named
        if unit == "year":
            return Found("DATE", f"{year_value:04d}", "year", mod)
        if month_value:
            return Found("DATE", f"{year_value:04d}-{month_value:02d}", "month", mod)
    if unit in ("decade", "century") and step < 0:
        return None
    if unit == "century" and rel == "this":
        return Found("DURATION", "P100Y", None)  # annotated as the span of a century, not a date
    dct = ctx.dct
    if unit == "week":
        return Found("DATE", cal.iso_week(dct + dt.timedelta(weeks=step)), "week", mod)
    if unit == "weekend":
        return Found("DATE", cal.iso_week(dct + dt.timedelta(weeks=step)) + "-WE", "week", mod)
    if unit == "month":
        shifted = cal.add_months(dct, step)
        return Found("DATE", f"{shifted.year:04d}-{shifted.month:02d}", "month", mod)
    if unit == "decade":
        return Found("DATE", f"{dct.year // 10 + step}X", "decade", mod)
    if unit == "century":
        return Found("DATE", f"{dct.year // 100 + step:02d}", "century", mod)
    if rel == "the" and unit == "year" and step == 0:
        step = _year_edge_step(mod, ctx.dct, ctx.direction(m))
    return Found("DATE", f"{dct.year + step:04d}", "year", mod)


def _year_edge_step(mod: str | None, dct: dt.date, direction: int) -> int:
    """"At the beginning of the year" said in December of a plan is next year's beginning;
    "at the end of the year" told of the past in February is last year's end."""
    if mod == "START" and direction > 0 and dct.month >= 9:
        return 1
    if mod == "END" and direction < 0 and dct.month <= 3:
        return -1
    return 0


def anchored_unit(m: re.Match[str], ctx: Context) -> Found | None:
    """"That year", "the following month": counted from the last date named, else the DCT."""
    unit = (group(m, "aunit") or m["aunit2"]).lower()
    step = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}.get(
        (group(m, "arel") or "").lower(), 0)
    year_value, month_value = ctx.anchor_month or (ctx.dct.year, ctx.dct.month)
    if unit == "year":
        return Found("DATE", f"{year_value + step:04d}", "year")
    shifted = cal.add_months(dt.date(year_value, month_value or ctx.dct.month, 1), step)
    return Found("DATE", f"{shifted.year:04d}-{shifted.month:02d}", "month")


def earlier_this(m: re.Match[str], ctx: Context) -> Found | None:
    unit = m["runit"].lower()
    mod = "START" if m["erl"].lower() == "earlier" else "END"
    dct = ctx.dct
    value = {"week": cal.iso_week(dct), "month": f"{dct.year:04d}-{dct.month:02d}",
             "year": f"{dct.year:04d}", "decade": f"{dct.year // 10}X"}[unit]
    return Found("DATE", value, unit, mod)


def weekend(m: re.Match[str], ctx: Context) -> Found | None:
    past = ctx.dct.isoweekday() < 5 and ctx.direction(m) <= 0
    anchor = ctx.dct - dt.timedelta(weeks=1) if past else ctx.dct
    return Found("DATE", cal.iso_week(anchor) + "-WE", "week")


_ANAPHORIC_OFFSETS = {"the following day": 1, "the next day": 1, "the day after": 1,
                      "the previous day": -1, "the day before": -1, "the same day": 0,
                      "that same day": 0, "that day": 0, "the next morning": 1,
                      "the following morning": 1, "earlier that day": 0, "later that day": 0}


def anaphoric_day(m: re.Match[str], ctx: Context) -> Found | None:
    key = " ".join(m["ana"].lower().split())
    base = ctx.anchor_day or ctx.dct
    return _day_found(ctx, base + dt.timedelta(days=_ANAPHORIC_OFFSETS[key]), None, None)


def _clock_day(m: re.Match[str], ctx: Context) -> dt.date:
    word = (group(m, "dayword") or "").lower()
    if group(m, "month"):
        found = month_day(m, ctx)
        if found is not None:
            return dt.date.fromisoformat(found.value)
    if group(m, "weekday"):
        return cal.pick_weekday(weekday_number(m["weekday"]), ctx.dct, rel=None,
                                direction=ctx.direction(m))
    if word in _DEICTIC_OFFSETS:
        return ctx.dct + dt.timedelta(days=_DEICTIC_OFFSETS[word])
    return ctx.anchor_day or ctx.dct


def clock_time(m: re.Match[str], ctx: Context) -> Found | None:
    if group(m, "hour"):
        hour = int(m["hour"]) % 12
        meridiem = m["ampm"].lower()
        if meridiem.startswith("p") or meridiem.endswith(("afternoon", "evening")):
            hour += 12
        minute = int(m["minute"] or 0)
    elif group(m, "hour24"):
        hour, minute = int(m["hour24"]), int(m["minute24"])
    else:
        if ctx.word_before(m.start()).lower() == "high":
            return None  # "high noon", an idiom (and a film)
        hour, minute = (int(p) for p in lexicon()["clock_words"][m["clockword"].lower()].split(":"))
    day = _clock_day(m, ctx)
    return Found("TIME", f"{ymd(day)}T{hour:02d}:{minute:02d}", "time", amount_mod(m))


def ago(m: re.Match[str], ctx: Context) -> Found | None:
    direction = (group(m, "dir") or m["dir2"]).lower()
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    unit = _unit(m["unit"])
    if group(m, "vague"):
        return Found("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, amount_mod(m))
    amount = number_value(m["num"])
    if amount is None or amount != int(amount):
        return None
    n = int(amount) * sign
    dct, mod = ctx.dct, amount_mod(m)
    if mod in ("EQUAL_OR_LESS", "LESS_THAN"):
        mod = "APPROX"
    if unit == "year" and abs(n) == 1 and ctx.anchor_quarter and direction in ("ago", "earlier"):
        year_value, quarter = cal.shift_quarter(*ctx.anchor_quarter, -4)
        return Found("DATE", f"{year_value}-Q{quarter}", "quarter", mod)
    if unit == "year":
        return Found("DATE", f"{dct.year + n:04d}", "year", mod)
    if unit == "month":
        shifted = cal.add_months(dct, n)
        return Found("DATE", f"{shifted.year:04d}-{shifted.month:02d}", "month", mod)
    if unit == "week":
        return Found("DATE", cal.iso_week(dct + dt.timedelta(weeks=n)), "week", mod)
    if unit == "day":
        return Found("DATE", ymd(dct + dt.timedelta(days=n)), "day", mod)
    if unit == "decade":
        return Found("DATE", f"{(dct.year + 10 * n) // 10}X", "decade", mod)
    if unit == "century":
        return Found("DATE", f"{(dct.year + 100 * n) // 100:02d}", "century", mod)
    return None


def year_end(m: re.Match[str], ctx: Context) -> Found | None:
    """"By year-end", "since year's end": the end of this year, or of last year in the past."""
    rel = (group(m, "yrel") or "").lower()
    if rel:
        step = {"this": 0, "last": -1, "next": 1}[rel]
    elif ctx.word_before(m.start()).lower() == "since":
        step = -1
    else:
        step = _year_edge_step("END", ctx.dct, ctx.direction(m))
    return Found("DATE", f"{ctx.dct.year + step:04d}", "year", "END")


def accounting_year(m: re.Match[str], ctx: Context) -> Found | None:
    """"The year ended March 31" is an amount of a year; "the full year" this year."""
    if group(m, "full"):
        return Found("DATE", f"{ctx.dct.year:04d}", "year")
    return Found("DURATION", "P1Y", None)


def _unit(word: str) -> str:
    key = word.lower()
    return lexicon()["plurals"].get(key, key)


HANDLERS: dict[str, Handler] = {
    "deictic_day": deictic_day,
    "part_of_day": part_of_day,
    "weekday": weekday,
    "weekday_week": weekday_week,
    "relative_unit": relative_unit,
    "earlier_this": earlier_this,
    "anchored_unit": anchored_unit,
    "weekend": weekend,
    "anaphoric_day": anaphoric_day,
    "clock_time": clock_time,
    "clock_24h": clock_time,
    "clock_word": clock_time,
    "clock_at": clock_time,
    "part_of_current": relative_unit,
    "ago": ago,
    "year_end": year_end,
    "accounting_year": accounting_year,
}
