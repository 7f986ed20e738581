"""`communique.progress`: counts, rate, time left, throttled lines, the end summary."""

from __future__ import annotations

import io

import pytest

from communique.progress import Progress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("total,expect_left", [(100, "8s left"), (None, None)])
def test_progress_line_rate_and_time_left(total: int | None, expect_left: str | None) -> None:
    clock = Clock()
    stream = io.StringIO()
    progress = Progress(stream, total=total, clock=clock, log_every=10.0, label="t")
    clock.now += 2
    progress.advance(20, errors=1)
    line = progress.line()
    assert line.startswith("t: 20") and "1 errors" in line and "10.0/s" in line
    assert (expect_left in line) if expect_left else ("left" not in line)


def test_progress_throttles_lines_into_a_file() -> None:
    clock = Clock()
    stream = io.StringIO()
    progress = Progress(stream, clock=clock, log_every=10.0)
    for _ in range(50):
        clock.now += 1
        progress.advance()
    assert len(stream.getvalue().splitlines()) == 5  # 50 s at one line per 10 s


def test_progress_redraws_in_place_on_a_terminal_and_summarises() -> None:
    clock = Clock()
    stream = Tty()
    progress = Progress(stream, clock=clock, interval=0.5, unit="docs", label="t")
    clock.now += 1
    progress.advance(3, words=300)
    progress.message("t: an error line")
    clock.now += 1
    progress.advance(1, skipped=1)
    summary = progress.finish()
    out = stream.getvalue()
    assert out.count("\r\x1b[K") >= 3 and out.endswith(summary + "\n")
    assert "t: an error line\n" in out
    assert summary == "t: 4 docs in 2s (1.5/s, 150 words/s), 0 errors, 1 already done"


def test_progress_silent_without_stream() -> None:
    progress = Progress(None)
    assert list(progress.track(range(3))) == [0, 1, 2]
    assert progress.done == 3 and "3 documents" in progress.finish()
