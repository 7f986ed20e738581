"""Where Communique finds its data and keeps its store, overridable by environment variables."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def shared_dir() -> Path:
    """The evaluation material beside the repository (`../shared`), or `COMMUNIQUE_SHARED`.

    Looked for beside the source checkout first, then beside the current directory; the
    first candidate is returned when neither exists, so messages can name it.
    """
    env = os.environ.get("COMMUNIQUE_SHARED")
    if env:
        return Path(env)
    candidates = [PACKAGE_DIR.parents[2] / "shared", Path.cwd().resolve().parent / "shared"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def user_data_dir() -> Path:
    """The per-user folder for the default store (`$XDG_DATA_HOME/communique`)."""
    env = os.environ.get("COMMUNIQUE_HOME")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "communique"


def default_db_url() -> str:
    """SQLite in the user data folder unless `COMMUNIQUE_DB` names another database URL."""
    env = os.environ.get("COMMUNIQUE_DB")
    if env:
        return env
    return f"sqlite:///{user_data_dir() / 'communique.db'}"
