"""EntryForm: the one modal form used by every add and edit in the app.

Built from a record kind's field descriptions (`domain.records.KINDS`): text and numbers are
Inputs, long text a TextArea, choices and links a Select, flags a Checkbox. `ctrl+s` saves,
`escape` cancels, `tab` moves on. Values are checked by the same `validate` the CLI uses; a
problem is shown under its field and the typed text stays. Saving runs off the UI thread; if the
store refuses (disk full, file locked), the message appears in place and the draft is kept.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from careertui.domain.dates import DateError, parse_date
from careertui.domain.records import KINDS, Field, ValidationError, validate
from careertui.domain.text import printable
from careertui.widgets.safe import literal

Options = Sequence[tuple[str, Any]]
SaveFunction = Callable[[dict[str, Any]], Any]
"""Runs in a worker thread with the checked values; returns what the form is dismissed with."""


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return printable(value) if isinstance(value, str) else str(value)


class EntryForm(ModalScreen[Any]):
    """Add or edit one record. Dismissed with the save function's result, or None if cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self,
        kind: str,
        fields: Sequence[str],
        save: SaveFunction,
        *,
        today: date,
        values: Mapping[str, Any] | None = None,
        title: str | Content = "",
        options: Mapping[str, Options] | None = None,
        partial: bool = False,
        note: str | Content = "",
    ) -> None:
        super().__init__(classes="dialog")
        self.kind = KINDS[kind]
        self.field_names = list(fields)
        self.save_function = save
        self.today = today
        self.initial = dict(values or {})
        self.title_content = title if isinstance(title, Content) else Content(title or "")
        self.options = dict(options or {})
        self.partial = partial
        self.note = note if isinstance(note, Content) else literal(note)

    # -- building ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box form-box"):
            yield Static(self.title_content, classes="form-title")
            if self.note.plain:
                yield Static(self.note, classes="form-note")
            with VerticalScroll(classes="form-fields"):
                for name in self.field_names:
                    field = self.kind.field(name)
                    with Vertical(classes="form-field", id=f"row-{name}"):
                        if field.type != "bool":
                            yield Label(field.title + (" *" if field.required else ""))
                        yield self._widget(field)
                        if field.type == "date":
                            yield Static("", classes="date-hint", id=f"hint-{name}")
                        yield Static("", classes="field-error", id=f"error-{name}")
            yield Static("", classes="form-error", id="form-error")
            with Horizontal(classes="form-keys"):
                yield Static(
                    Content.from_markup(
                        "[b]ctrl+s[/b] save   [b]esc[/b] cancel   [b]tab[/b] next field"
                    )
                )

    def _widget(self, field: Field) -> Widget:
        value = self.initial.get(field.name, field.default)
        widget_id = f"field-{field.name}"
        if field.type == "long":
            area = TextArea(
                _as_text(value),
                id=widget_id,
                soft_wrap=True,
                tab_behavior="focus",
                show_line_numbers=False,
                classes="form-long",
                compact=True,
            )
            return area
        if field.type == "bool":
            return Checkbox(field.title, bool(value), id=widget_id)
        if field.type in ("choice", "ref"):
            if field.type == "choice":
                options: Options = [(Text(c), c) for c in field.choices]
            else:
                options = [
                    (Text(printable(label)), key) for label, key in self.options.get(field.name, [])
                ]
            keys = {key for _, key in options}
            current = value if value in keys else Select.NULL
            return Select(
                options,
                value=current,
                allow_blank=not field.required or current is Select.NULL,
                id=widget_id,
                prompt=f"({field.title.lower()})",
                compact=True,
            )
        placeholder = {
            "date": "today, yesterday, fri, -3d, 2026-03-01…",
            "tags": "space-separated tags",
            "int": "a whole number",
            "float": "a number",
        }.get(field.type, "")
        text = (
            " ".join(value.split())
            if field.type == "tags" and isinstance(value, str)
            else _as_text(value)
        )
        return Input(
            text, placeholder=placeholder, id=widget_id, select_on_focus=False, compact=True
        )

    def on_mount(self) -> None:
        for name in self.field_names:
            if self.kind.field(name).type == "date":
                self._show_date_hint(name)
        if self.field_names:
            self.query_one(f"#field-{self.field_names[0]}").focus()

    # -- reading -------------------------------------------------------------------------------
    def collect(self) -> dict[str, Any]:
        """What is in the fields now, as typed."""
        values: dict[str, Any] = {}
        for name in self.field_names:
            widget = self.query_one(f"#field-{name}")
            if isinstance(widget, TextArea):
                values[name] = widget.text
            elif isinstance(widget, Checkbox):
                values[name] = widget.value
            elif isinstance(widget, Select):
                values[name] = None if widget.value is Select.NULL else widget.value
            elif isinstance(widget, Input):
                values[name] = widget.value
        return values

    @on(Input.Changed)
    def _date_changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("field-")
        if name in self.field_names and self.kind.field(name).type == "date":
            self._show_date_hint(name)

    def _show_date_hint(self, name: str) -> None:
        field = self.kind.field(name)
        raw = self.query_one(f"#field-{name}", Input).value
        hint = self.query_one(f"#hint-{name}", Static)
        if not raw.strip():
            hint.update("")
            return
        try:
            day = parse_date(raw, self.today, future=field.future)
        except DateError:
            hint.update(Content.from_markup("[$error]✗ not a date yet[/]"))
            return
        hint.update(Content.from_markup("[$success]→ $d[/]", d=day.strftime("%a %d %b %Y")))

    # -- saving --------------------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for error in self.query(".field-error"):
            error.update("")
            error.display = False
        message = self.query_one("#form-error", Static)
        message.update("")
        message.display = False

    def show_error(self, message: str, field: str | None = None) -> None:
        """Show a problem in place: under its field if it has one, else at the bottom."""
        target_id = f"#error-{field}" if field and field in self.field_names else "#form-error"
        target = self.query_one(target_id, Static)
        target.update(literal(message))
        target.display = True
        if field and field in self.field_names:
            self.query_one(f"#field-{field}").focus()

    def action_save(self) -> None:
        self._clear_errors()
        values = self.collect()
        try:
            cleaned = validate(self.kind.name, values, self.today, partial=self.partial)
        except ValidationError as exc:
            self.show_error(exc.message, exc.field)
            return
        self.run_worker(self._save(cleaned), exclusive=True, group="form-save")

    async def _save(self, cleaned: dict[str, Any]) -> None:
        from careertui.screens.base import user_message

        try:
            result = await asyncio.to_thread(self.save_function, cleaned)
        except ValidationError as exc:
            self.show_error(exc.message, exc.field)
            return
        except Exception as exc:  # noqa: BLE001 - any refusal keeps the draft on screen
            message = user_message(exc)
            if message is None:
                raise
            self.show_error(message)
            return
        self.dismiss(result if result is not None else True)

    def action_cancel(self) -> None:
        self.dismiss(None)
