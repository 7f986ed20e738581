"""Date windows of TIMEX3 values: what a date filter, a cluster and a commitment's due window use."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.store.rows import date_window, spaced


@pytest.mark.parametrize(("value", "window"), [
    ("2025", ("2025-01-01", "2025-12-31")),
    ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2024-05-20", ("2024-05-20", "2024-05-20")),
    ("2024-05-20T10:00", ("2024-05-20", "2024-05-20")),
    ("2025-Q2", ("2025-04-01", "2025-06-30")),
    ("2025-H2", ("2025-07-01", "2025-12-31")),
    ("2025-SU", ("2025-06-01", "2025-08-31")),
    ("2025-WI", ("2025-12-01", "2026-02-28")),
])
def test_store_rows_date_window(value, window):
    start, end = date_window(value)
    assert (start.isoformat(), end.isoformat()) == window
    assert isinstance(start, dt.date)


@pytest.mark.parametrize("value", [None, "", "PRESENT_REF", "P1Y", "2024-13", "2023-02-30", "XXXX-05"])
def test_store_rows_date_window_none(value):
    assert date_window(value) is None


@pytest.mark.parametrize(("values", "expected"), [
    (["USA", "KAZ", "USA", None], " KAZ USA "),
    ([], " "),
])
def test_store_rows_spaced(values, expected):
    assert spaced(values) == expected
