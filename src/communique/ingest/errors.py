"""The ingest error catalogue: one class per reason an input is not an article.

Each is an `InputError` (so the CLI prints one line and goes on); the code lets the batch
errors table and tests tell the reasons apart without parsing messages.
"""

from __future__ import annotations

from communique.errors import InputError


class EmptyInput(InputError):
    """A file or record with no text at all (E102)."""

    code = "E102"


class BinaryInput(InputError):
    """Bytes that are not text: NULs, control characters (E103)."""

    code = "E103"


class EncodingInput(InputError):
    """Text that is not valid UTF-8 or not valid Unicode (E104)."""

    code = "E104"


class TooLargeInput(InputError):
    """A file, line or text too large to be one article (E105)."""

    code = "E105"


class NotEnglishInput(InputError):
    """A text that does not read as English (E106)."""

    code = "E106"


class BrokenRecord(InputError):
    """Broken JSON, or a JSON value without the fields an article needs (E107)."""

    code = "E107"


class NoArticle(InputError):
    """An HTML page from which no article text could be extracted (E108)."""

    code = "E108"


class DuplicateId(InputError):
    """A document id seen before with a different text (E109)."""

    code = "E109"


class UnreadableInput(InputError):
    """A path that does not exist or cannot be read (E110)."""

    code = "E110"
