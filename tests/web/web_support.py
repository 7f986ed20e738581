"""Constants and helpers the web tests share (kept out of conftest.py so they import by a unique name)."""

from __future__ import annotations

from pathlib import Path

TOKEN = "test-write-token"
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-output" / "screenshots"


def shoot(page, name: str) -> Path:
    """Save a full-page screenshot under test-output/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
