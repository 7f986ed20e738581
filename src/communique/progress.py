"""Progress of long commands: documents done, rate, time left, and a summary at the end.

The library computes and formats; it writes only to the stream a caller hands it (the CLI
passes `sys.stderr`), so library code still never prints. On a terminal the line is redrawn
in place; into a file or a pipe a line is written every `log_every` seconds instead, so logs
stay readable.

    progress = Progress(sys.stderr, unit="documents")
    progress.set_total(18171)          # when known (may come later, from a counting thread)
    progress.advance(32, errors=1)     # after each batch
    progress.finish()                  # one summary line
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")


def _duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{secs}s"


class Progress:
    """Counts done/errors/skipped items and reports them at most every `interval` seconds."""

    def __init__(self, stream: TextIO | None, *, unit: str = "documents", total: int | None = None,
                 interval: float = 0.5, log_every: float = 10.0, label: str = "communique",
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.unit = unit
        self.total = total
        self.label = label
        self.done = 0
        self.errors = 0
        self.skipped = 0
        self.words = 0
        self._clock = clock
        self.started = clock()
        self._last = self.started  # the first line after one interval, when the rate means something
        self._tty = bool(stream is not None and getattr(stream, "isatty", lambda: False)())
        self._interval = interval if self._tty else log_every
        self._lock = threading.Lock()
        self._drawn = False

    # -- counting ----------------------------------------------------------------------------
    def set_total(self, total: int | None) -> None:
        with self._lock:
            self.total = total

    def advance(self, n: int = 1, *, errors: int = 0, skipped: int = 0, words: int = 0) -> None:
        """Count `n` items processed (of which `errors` failed) and maybe redraw the line."""
        with self._lock:
            self.done += n
            self.errors += errors
            self.skipped += skipped
            self.words += words
            now = self._clock()
            if now - self._last >= self._interval:
                self._last = now
                self._write(self.line(now))

    def track(self, items: Iterable[T]) -> Iterator[T]:
        """Advance by one for every item that goes through."""
        for item in items:
            yield item
            self.advance()

    # -- reporting ---------------------------------------------------------------------------
    @property
    def elapsed(self) -> float:
        return self._clock() - self.started

    def rate(self, now: float | None = None) -> float:
        """Items per second since the start (items skipped on a rerun do not count)."""
        elapsed = (now if now is not None else self._clock()) - self.started
        return (self.done - self.skipped) / elapsed if elapsed > 0 else 0.0

    def eta(self, now: float | None = None) -> float | None:
        """Seconds left, or None while the total or the rate is unknown."""
        rate = self.rate(now)
        if self.total is None or rate <= 0:
            return None
        return max(0.0, (self.total - self.done) / rate)

    def line(self, now: float | None = None) -> str:
        now = now if now is not None else self._clock()
        total = f"/{self.total:,}" if self.total is not None else ""
        parts = [f"{self.done:,}{total} {self.unit}"]
        if self.errors:
            parts.append(f"{self.errors:,} errors")
        if self.skipped:
            parts.append(f"{self.skipped:,} already done")
        parts.append(f"{self.rate(now):,.1f}/s")
        eta = self.eta(now)
        if eta is not None:
            parts.append(f"{_duration(eta)} left")
        return f"{self.label}: " + ", ".join(parts)

    def summary(self) -> str:
        elapsed = self.elapsed
        rate = self.rate()
        words = f", {self.words / elapsed:,.0f} words/s" if self.words and elapsed > 0 else ""
        extra = f", {self.skipped:,} already done" if self.skipped else ""
        return (f"{self.label}: {self.done:,} {self.unit} in {_duration(elapsed)} "
                f"({rate:,.1f}/s{words}), {self.errors:,} errors{extra}")

    def finish(self) -> str:
        """Write the summary line (ending any redrawn line) and return it."""
        text = self.summary()
        with self._lock:
            self._write(text, final=True)
        return text

    def message(self, text: str) -> None:
        """A line of its own (an error, a note) that does not garble the progress line."""
        with self._lock:
            if self.stream is None:
                return
            if self._drawn:
                self.stream.write("\r\x1b[K")
                self._drawn = False
            self.stream.write(text + "\n")
            self.stream.flush()

    def _write(self, text: str, *, final: bool = False) -> None:
        if self.stream is None:
            return
        if self._tty:
            self.stream.write("\r\x1b[K" + text + ("\n" if final else ""))
            self._drawn = not final
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
