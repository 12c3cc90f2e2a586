"""Text as the user typed it in, and as it may be shown.

Stored text keeps every character the user gave (invalid UTF-8 from the shell replaced, NUL
refused); shown text has control characters and bidi overrides replaced so that no escape sequence
from a note ever reaches the terminal.
"""

from __future__ import annotations

import re

MAX_TEXT = 100_000
"""Characters in one field: a year of notes fits; a pasted 10 MB log does not freeze the UI."""

PREVIEW = 120

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
REPLACEMENT = "\ufffd"


class TextError(ValueError):
    """Text that cannot be stored as given; the message says why."""


def from_shell(value: str) -> str:
    """Turn argv text with lone surrogates (invalid UTF-8) into valid text with U+FFFD."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def clean_input(value: str | None, field: str = "text", *, limit: int = MAX_TEXT) -> str:
    """Validate text for storage: surrogates replaced, NUL refused, size capped."""
    if value is None:
        return ""
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        # Through UTF-16: a pair of surrogates becomes the character it encodes, and each lone
        # one a single U+FFFD.
        value = value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if "\x00" in value:
        raise TextError(f"{field} contains a NUL character")
    if len(value) > limit:
        raise TextError(f"{field} is too long ({len(value):,} characters; the limit is {limit:,})")
    return value


def printable(value: object) -> str:
    """Text safe for a terminal: control characters (newline and tab kept) and bidi overrides
    replaced with U+FFFD."""
    return _UNSAFE.sub(REPLACEMENT, "" if value is None else str(value))


def one_line(value: object, limit: int = PREVIEW) -> str:
    """A single-line preview for lists: newlines folded to spaces, cut at `limit` characters."""
    text = "" if value is None else str(value)
    text = " ".join(text[: limit * 4].replace("\t", " ").splitlines())
    text = _UNSAFE_LINE.sub(REPLACEMENT, text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
