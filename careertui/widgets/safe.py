"""The one way user text reaches the screen.

User text is never markup: `[bold]`, `[/`, `[@click=app.quit]` are shown as typed. It is built
into `Content`/`Text` objects (never a `str` into a widget that parses markup), with control
characters and bidi overrides replaced so that no escape sequence from a note reaches the terminal.
`textual.markup.escape` is not enough (it leaves some markup live; the payloads are in
tests/reliability/test_tui_display.py), so it is not used.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from careertui.domain.text import one_line, printable


def literal(value: object, style: str = "") -> Content:
    """User text as Content, shown literally (newlines kept)."""
    content = Content(printable(value))
    return content.stylize(style) if style else content


def line(value: object, limit: int = 120, style: str = "") -> Content:
    """User text folded to one line and cut at `limit`, for list rows and titles."""
    content = Content(one_line(value, limit))
    return content.stylize(style) if style else content


def cell(value: object, limit: int = 80, style: str = "") -> Text:
    """A DataTable / OptionList / Select cell: a rich Text, which those widgets never parse."""
    return Text(one_line(value, limit), style=style, no_wrap=True, overflow="ellipsis")


def compose(*parts: tuple[str, str] | str) -> Content:
    """Join fixed labels and user text: `compose(("Win: ", "bold"), title)`; strings passed
    bare are user text (made literal), tuples are (app text, style)."""
    pieces: list[Content] = []
    for part in parts:
        if isinstance(part, tuple):
            text, style = part
            pieces.append(Content(text).stylize(style) if style else Content(text))
        else:
            pieces.append(Content(printable(part)))
    return Content("").join(pieces)
