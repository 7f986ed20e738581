"""States by date: a town or official of a state that did not yet exist belongs to the state it
left ("Juba" in 2000 is Sudan's). Data: `data/actors/successions.yaml`."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from communique.actors.datafiles import read_yaml


@lru_cache(maxsize=1)
def _successions() -> dict[str, tuple[dt.date, str]]:
    rows = read_yaml("successions.yaml")["successions"]
    return {row["state"]: (dt.date.fromisoformat(str(row["from"])), row["before"]) for row in rows}


def state_on(code: str | None, day: dt.date | None) -> str | None:
    """The code of the state that held `code`'s territory on `day` (`code` itself once it existed,
    or when the day is unknown)."""
    if code is None or day is None:
        return code
    seen = set()
    while code in _successions() and code not in seen:
        seen.add(code)
        start, before = _successions()[code]
        if day >= start:
            break
        code = before
    return code
