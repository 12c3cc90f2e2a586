"""Text as the user typed it in, and as it may be shown.

Stored text keeps every character the user gave (invalid UTF-8 from the shell replaced, NUL
refused); shown text has control characters and bidi overrides replaced so that no escape sequence
from a note ever reaches the terminal.
"""

from __future__ import annotations

from typing import Any

MAX_TEXT = 100_000
"""Characters in one field: a year of notes fits; a pasted 10 MB log does not freeze the UI."""

PREVIEW = 120

UNSAFE_CODES: frozenset[int] = frozenset(
    (
        *range(0x00, 0x20),  # C0 controls (newline and tab are kept where text may break lines)
        *range(0x7F, 0xA0),  # DEL and the C1 controls (0x9B is a one-byte CSI on some terminals)
        0x00AD,  # soft hyphen: invisible
        0x061C,  # Arabic letter mark
        0x180E,  # Mongolian vowel separator
        0x200B,  # zero width space
        0x200E,  # left-to-right mark
        0x200F,  # right-to-left mark
        0x2028,  # line separator
        0x2029,  # paragraph separator
        *range(0x202A, 0x202F),  # bidi embeddings and overrides
        *range(0x2060, 0x2065),  # word joiner, invisible operators
        *range(0x2066, 0x2070),  # bidi isolates and deprecated format characters
        0xFEFF,  # zero width no-break space (byte order mark)
        *range(0xFFF9, 0xFFFC),  # interlinear annotation
        *range(0xE0000, 0xE0080),  # tag characters (hidden text)
    )
)
"""THE table of characters never shown as they are: controls, bidi and invisible format
characters (they move, hide or fake text on a terminal). Every output path uses it: plain text
(`printable`, `one_line`, the TUI) replaces them with U+FFFD, JSON (`json_safe`) escapes them as
`\\uXXXX`. Zero width joiner and non-joiner (U+200C/D) are not in it: emoji and several scripts
need them, and they neither move nor hide text."""

REPLACEMENT = "\ufffd"
_PLAIN = {code: REPLACEMENT for code in UNSAFE_CODES if code not in (0x09, 0x0A)}
_LINE = {code: REPLACEMENT for code in UNSAFE_CODES}


def _json_escape(code: int) -> str:
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)  # as JSON spells it: a UTF-16 surrogate pair
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"


_JSON = {code: _json_escape(code) for code in UNSAFE_CODES if code >= 0x7F}
"""json.dumps already escapes C0 inside strings (and C0 outside strings is its own layout)."""


def _backslashed(code: int) -> str:
    named = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}.get(code)
    if named:
        return named
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


_ESCAPED = {code: _backslashed(code) for code in UNSAFE_CODES}


def escaped(value: object) -> str:
    """One line, every character of UNSAFE_CODES written as a Python-style escape (`\\n`,
    `\\x1b`, `\\u202e`): for names the user typed (a path with a newline) in one-line messages."""
    return ("" if value is None else str(value)).translate(_ESCAPED)


def json_safe(text: str) -> str:
    """JSON text (as json.dumps makes it) with every character of UNSAFE_CODES escaped: still
    the same JSON, and safe to print. These characters can only be inside strings there."""
    return text.translate(_JSON)


def json_safe_dumps(obj: object, **kw: Any) -> str:
    """`json.dumps(obj, ensure_ascii=False, **kw)`, safe to print (see `json_safe`)."""
    import json

    kw.setdefault("ensure_ascii", False)
    return json_safe(json.dumps(obj, **kw))


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
    """Text safe for a terminal: the characters of UNSAFE_CODES (newline and tab kept) replaced
    with U+FFFD."""
    return ("" if value is None else str(value)).translate(_PLAIN)


def one_line(value: object, limit: int = PREVIEW) -> str:
    """A single-line preview for lists: newlines folded to spaces, cut at `limit` characters."""
    text = "" if value is None else str(value)
    text = " ".join(text[: limit * 4].replace("\t", " ").splitlines())
    text = text.translate(_LINE)
    return text if len(text) <= limit else text[: limit - 1] + "…"
