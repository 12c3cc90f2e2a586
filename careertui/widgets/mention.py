"""Completing `@Name` mentions in a form's text fields.

An Input gets a suggester (Textual shows the rest of the name; `right` takes it). A TextArea
has none, so the form shows what the `@…` before the cursor may mean under the field as you
type ("@Dan → Dana Lee · ctrl+o completes", or the candidates), and `ctrl+o` completes it
(complete_in_area). A mention that names nobody or several is refused when the form is saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.suggester import Suggester
from textual.widgets import TextArea

from careertui.domain.mentions import SHOWN_CANDIDATES, completion, pending
from careertui.domain.names import Named
from careertui.widgets.safe import compose


class MentionSuggester(Suggester):
    """Suggests the one contact an unfinished `@prefix` at the end of an Input names."""

    def __init__(self, names: Sequence[Named]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = names

    async def get_suggestion(self, value: str) -> str | None:
        return completion(value, self.names)


def _before_cursor(area: TextArea) -> str:
    row, column = area.cursor_location
    return area.document.get_line(row)[:column]


def mention_hint(area: TextArea, names: Sequence[Named]) -> Content:
    """What the `@…` just before the cursor may mean, or nothing."""
    typed = pending(_before_cursor(area), names)
    if typed is None:
        return Content("")
    prefix, _, found = typed
    if not found:
        return compose(("@", "$error"), (prefix, "$error"), (" names no contact", "dim"))
    if len(found) == 1:
        return compose(
            ("@" + prefix + " → ", "dim"), (found[0][1], "$success"), (" · ctrl+o completes", "dim")
        )
    shown = ", ".join(name for _, name in found[:SHOWN_CANDIDATES])
    more = f" and {len(found) - SHOWN_CANDIDATES} more" if len(found) > SHOWN_CANDIDATES else ""
    return compose(("@" + prefix + " could be ", "dim"), shown + more)


def complete_in_area(area: TextArea, names: Sequence[Named]) -> bool:
    """Complete the `@prefix` before the cursor to the one contact it names; False if none."""
    before = _before_cursor(area)
    done = completion(before, names)
    if done is None:
        return False
    row, column = area.cursor_location
    area.replace(done, (row, 0), (row, column))
    return True
