"""User-facing errors.

A `CommuniqueError` is a mistake in what a user gave us (a file without a date, a broken
JSON line). The CLI prints it as one line, `source: [E###] message`, and goes on with the
rest of the batch; it is never shown as a traceback.
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """An error caused by the input, reported to the user as one line."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}[{self.code}] {self.message}"


class InputError(CommuniqueError):
    """A file or record could not be read as an article (E1xx)."""

    code = "E100"


class DateError(InputError):
    """An article without a usable publication date (E101)."""

    code = "E101"


class StoreError(CommuniqueError):
    """The store could not be opened or written (E2xx)."""

    code = "E200"
