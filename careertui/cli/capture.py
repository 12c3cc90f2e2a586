"""The text of an entry from anywhere: the command line, standard input, or the editor.

`careertui add note` with no text opens $VISUAL/$EDITOR on a short commented template (as
`git commit` does); `-` as the text reads standard input (`pbpaste | careertui add note -`), and
so does no text when standard input is not a terminal (a pipe)."""

from __future__ import annotations

import sys

from careertui.cli.base import UserError

NOTE_TEMPLATE = """
# Write the note above. Lines starting with # are dropped;
# an empty note writes nothing.
"""
WIN_TEMPLATE = """
# The first line is the win's title; the lines after it are its notes.
# Lines starting with # are dropped; an empty file writes nothing.
"""
INTERACTION_TEMPLATE = """
# What was said, decided, promised. Lines starting with # are dropped;
# an empty file writes nothing.
"""


def interactive() -> bool:
    """Whether someone at a terminal is there to write or answer (stdin is a terminal)."""
    return sys.stdin.isatty()


def captured(text: str | None, what: str, template: str) -> str:
    """`text` as given; else standard input (`-`, or a pipe); else what the editor saved.
    Nothing written: UserError "nothing written", exit 1."""
    if text is not None and text != "-":
        return text
    if text == "-" or not interactive():
        value = sys.stdin.read().strip()
    else:
        from careertui.editor import EditorError, edit_text

        try:
            value = edit_text("", template)
        except EditorError as exc:
            raise UserError(f"{exc}; nothing written") from None
    if not value:
        raise UserError(f"nothing written: the {what} was empty")
    return value


def title_and_notes(text: str, notes: str | None) -> tuple[str, str | None]:
    """A win written at length: its first line is the title, the rest goes before `notes`."""
    title, _, rest = text.strip().partition("\n")
    joined = "\n".join(part for part in (rest.strip(), (notes or "").strip()) if part)
    return title.strip(), joined or notes
