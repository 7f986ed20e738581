"""Calendar arithmetic for resolving time expressions against a document date.

`direction` is negative when the text speaks of the past, positive for the future, 0 when it
cannot tell; its size is the strength of the cue (2: a modal or auxiliary, 1: a weaker hint);
the `pick_*` functions choose which occurrence of a repeating unit (a month, a weekday,
a quarter) the text means.
"""

from __future__ import annotations

import datetime as dt

STRONG = 2  # a direction at least this strong overrides "the nearest one"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    last = days_in_month(year, month)
    return dt.date(year, month, min(day.day, last))


def days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, by: int) -> tuple[int, int]:
    index = year * 4 + quarter - 1 + by
    return index // 4, index % 4 + 1


def pick_month_year(month: int, dct: dt.date, *, rel: str | None, direction: int) -> int:
    """The year of a month named without one ("last December", "in April")."""
    if rel in ("last", "past", "previous"):
        return dct.year if month < dct.month else dct.year - 1
    if rel in ("next", "coming", "following"):
        return dct.year if month > dct.month else dct.year + 1
    if rel == "this":
        return dct.year
    if direction > 0 and month < dct.month:
        return dct.year + 1  # "will meet in April", written in May
    if direction <= 0 and month > dct.month + 4:
        return dct.year - 1  # news tells of past months; a month just ahead may be a plan
    return dct.year


def pick_day_year(month: int, day: int, dct: dt.date, *, direction: int) -> int:
    """The year of a day named without one ("on April 15").

    News mostly names days near the document date; only a clear future reading of a day
    already past ("will meet on April 15" written in May), or a past reading of a day far
    ahead, moves to the next or previous year.
    """
    try:
        candidate = dt.date(dct.year, month, day)
    except ValueError:
        return dct.year
    return dct.year + year_shift((candidate - dct).days, direction)


def year_shift(gap: int, direction: int) -> int:
    """-1, 0 or +1 year for a day `gap` days from the document date, read in `direction`."""
    if (direction >= STRONG and gap < -7) or (direction > 0 and gap < -60):
        return 1
    if direction < 0 and gap > 120:
        return -1
    if abs(direction) < STRONG and abs(gap) > 183:
        return -1 if gap > 0 else 1  # the nearest one
    return 0


def pick_weekday(weekday: int, dct: dt.date, *, rel: str | None, direction: int) -> dt.date:
    """The date of a weekday named without a date (ISO weekday, Monday = 1)."""
    today = dct.isoweekday()
    back = (today - weekday) % 7  # days back to the most recent one, today included
    forward = (weekday - today) % 7
    if rel in ("last", "past", "previous"):
        return dct - dt.timedelta(days=back or 7)
    if rel in ("next", "coming", "following"):
        return dct + dt.timedelta(days=forward or 7)
    if rel == "this":
        return dct + dt.timedelta(days=weekday - today)
    if direction > 0:
        return dct + dt.timedelta(days=forward)
    return dct - dt.timedelta(days=back)


def pick_quarter_year(quarter: int, dct: dt.date, *, direction: int) -> int:
    """The year of "the third quarter": the latest one begun, or the next one not ended."""
    current = quarter_of(dct)
    if direction > 0:  # the quarter just ended is still what the reports are about
        return dct.year if quarter >= current - 1 else dct.year + 1
    return dct.year if quarter <= current else dct.year - 1


def pick_season_year(season: str, dct: dt.date, *, rel: str | None, direction: int) -> int:
    """The year of a season named without one; winter belongs to the year it starts in."""
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    if rel in ("last", "past", "previous"):
        return dct.year if start_month + 3 <= dct.month else dct.year - 1
    if rel in ("next", "coming", "following"):
        return dct.year if start_month > dct.month else dct.year + 1
    if season == "WI" and dct.month < 3:
        return dct.year - 1
    if rel is None and direction < 0 and start_month > dct.month:
        return dct.year - 1
    if rel is None and direction > 0 and start_month + 3 <= dct.month:
        return dct.year + 1
    return dct.year


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(rule: dict[str, int], year: int) -> dt.date:
    """The date of a holiday in `year` from its lexicon rule."""
    if "easter" in rule:
        return easter(year) + dt.timedelta(days=rule["easter"])
    month = rule["month"]
    if "day" in rule:
        return dt.date(year, month, rule["day"])
    weekday, nth = rule["weekday"], rule["nth"]
    if nth > 0:
        first = dt.date(year, month, 1 + rule.get("after_day", 0))
        offset = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (nth - 1))
    last = dt.date(year, month, days_in_month(year, month))
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
