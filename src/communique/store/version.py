"""A number that changes whenever the store's data changes, cheap enough to read on every request.

The API's response cache keys its entries on it. SQLite gives one for free: `PRAGMA
data_version`, read on a connection of its own, changes whenever any *other* connection commits
— another thread, another `serve` worker, an `ingest` or `watch` process — and costs a few
microseconds. Other backends have nothing as cheap and as complete, so there the version is
None and nothing is cached; an in-memory SQLite database is private to its connections, so
neither is it.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from sqlalchemy.engine import make_url


class DataVersion:
    """Call it to get the store's current data version, or None when it cannot be known."""

    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        database = parsed.database or ""
        self._path = database if parsed.get_backend_name() == "sqlite" and database not in ("", ":memory:") \
            else None
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    @property
    def available(self) -> bool:
        return self._path is not None

    def __call__(self) -> int | None:
        if self._path is None:
            return None
        with self._lock:
            try:
                if self._conn is None:
                    uri = Path(self._path).expanduser().resolve().as_uri() + "?mode=ro"
                    self._conn = sqlite3.connect(uri, uri=True,
                                                 check_same_thread=False, timeout=5)
                return self._conn.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.Error:  # unreadable now: no version, so nothing is served from cache
                self._close()
                return None

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def close(self) -> None:
        with self._lock:
            self._close()
