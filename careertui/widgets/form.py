"""EntryForm: the one modal form used by every add and edit in the app.

Built from a record kind's field descriptions (`domain.records.KINDS`): text and numbers are
Inputs, long text a TextArea, choices and links a Select, flags a Checkbox. `ctrl+s` saves,
`escape` cancels, `tab` moves on. Values are checked by the same `validate` the CLI uses; a
problem is shown under its field and the typed text stays, until the field is right again. Saving
runs off the UI thread; if the store refuses (disk full, file locked), the message appears in place
and the draft is kept.

Keys typed faster than the fields handle them (a fast typist, keys a terminal delivers in one read)
are never lost: the app sends each key to whatever is focused when it reads the key, so `tab`
moves the focus at once (FOCUS_BINDINGS), a field runs its own editing keys in turn with the
characters around them (FieldInput, FieldTextArea), and `ctrl+s` waits until every field has
handled the keys sent before it (`keys_handled`) before it reads the fields.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from functools import cache
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from careertui.domain.dates import DateError, direction_hint, parse_date
from careertui.domain.dates import placeholder as date_placeholder
from careertui.domain.mentions import MENTIONING
from careertui.domain.records import KINDS, Field, ValidationError, validate
from careertui.domain.text import printable
from careertui.widgets.safe import literal

Options = Sequence[tuple[str, Any]]
SaveFunction = Callable[[dict[str, Any]], Any]
"""Runs in a worker thread with the checked values; returns what the form is dismissed with."""


FOCUS_BINDINGS = [
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
]
"""Tab and shift+tab as priority bindings: the focus moves when the app reads the key, so the keys
typed after it go to the next field. As ordinary bindings they act only once the old field has
handled the key and passed it up, and the keys read meanwhile are sent to the old field."""

KEYS_HANDLED_TIMEOUT = 2.0


async def keys_handled(widgets: Iterable[Widget]) -> None:
    """Return once each widget has handled the events already sent to it (the keys typed before
    a save): a callback queued behind them on each widget runs after them."""
    loop = asyncio.get_running_loop()
    waits: list[asyncio.Future[None]] = []
    for widget in widgets:
        done: asyncio.Future[None] = loop.create_future()
        if widget.is_attached and widget.call_later(_resolve, done):
            waits.append(done)
    if waits:
        await asyncio.wait(waits, timeout=KEYS_HANDLED_TIMEOUT)


def _resolve(done: asyncio.Future[None]) -> None:
    if not done.done():
        done.set_result(None)


@cache
def own_bindings(widget_class: type[Widget]) -> dict[str, list[Binding]]:
    """The bindings of a widget class by key, its own over its bases' (as Textual merges them)."""
    keys: dict[str, list[Binding]] = {}
    for base in reversed(widget_class.__mro__):
        keys.update(BindingsMap(base.__dict__.get("BINDINGS", [])).key_to_bindings)
    return keys


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run the widget's own binding for the key now, as it handles the key. Textual runs it only
    once the key has bubbled up to the app, on whatever is focused by then: after a fast `tab` a
    backspace meant for one field deleted the next field's text. A binding run stops the key
    (prevent_default: the widget's own key handling does not see it)."""
    for binding in own_bindings(type(widget)).get(event.key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return True
    return False


class FieldInput(Input):
    """An Input whose editing keys (backspace, arrows, home…) keep their place among the
    characters typed around them."""

    async def on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)


class FieldTextArea(TextArea):
    """A TextArea whose editing keys keep their place among the characters typed around them."""

    async def on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return printable(value) if isinstance(value, str) else str(value)


FIELDS_MAX_HEIGHT = 36
"""Rows the fields take at most before they scroll (app.tcss's .form-fields)."""
DIALOG_HEIGHT = 0.9
"""The share of the screen a dialog's box takes at most (app.tcss's .dialog-box)."""

EDITOR_TEMPLATE = """
# Lines starting with # are dropped; save and quit to put the text back in the form.
"""


class EntryForm(ModalScreen[Any]):
    """Add or edit one record. Dismissed with the save function's result, or None if cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+o", "complete_mention", "Complete @name", show=False),
        Binding("ctrl+e", "external_editor", "Edit in $EDITOR", show=False, priority=True),
        *FOCUS_BINDINGS,
    ]

    def __init__(
        self,
        kind: str,
        fields: Sequence[str],
        save: SaveFunction,
        *,
        today: date,
        focus: str = "",
        values: Mapping[str, Any] | None = None,
        title: str | Content = "",
        options: Mapping[str, Options] | None = None,
        partial: bool = False,
        note: str | Content = "",
        mentions: Sequence[tuple[int, str]] = (),
    ) -> None:
        super().__init__(classes="dialog")
        self.kind = KINDS[kind]
        self.field_names = list(fields)
        self.save_function = save
        self.today = today
        self.initial = dict(values or {})
        self.shown: dict[str, str] = {}
        """The text each field was given (control characters shown replaced): a field still
        showing it is saved as the stored value, so saving without a change changes nothing."""
        self.title_content = title if isinstance(title, Content) else Content(title or "")
        self.options = dict(options or {})
        self.partial = partial
        self.note = note if isinstance(note, Content) else literal(note)
        self.saving = False
        """A save is under way: another ctrl+s waits for it rather than writing twice."""
        self.mentions = mentions
        """Every contact's (id, name): @mentions in the kind's text fields complete to them."""
        self.mention_fields = MENTIONING.get(kind, ()) if mentions else ()
        self.focus_field = focus
        """The field focused first when not the one `first_to_fill` finds."""

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
                        if field.type == "date" or name in self.mention_fields:
                            yield Static("", classes="date-hint", id=f"hint-{name}")
                        yield Static("", classes="field-error", id=f"error-{name}")
            yield Static("", classes="form-error", id="form-error")
            with Horizontal(classes="form-keys"):
                yield Static(
                    Content.from_markup(
                        "[b]ctrl+s[/b] save   [b]esc[/b] cancel   [b]tab[/b] next field   "
                        "[b]ctrl+e[/b] $EDITOR"
                    )
                )

    def _widget(self, field: Field) -> Widget:
        value = self.initial.get(field.name, field.default)
        widget_id = f"field-{field.name}"
        if field.type == "long":
            self.shown[field.name] = _as_text(value)
            area = FieldTextArea(
                self.shown[field.name],
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
                options: list[tuple[Text, Any]] = [(Text(c), c) for c in field.choices]
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
            "date": date_placeholder(field.direction),
            "tags": "space-separated tags",
            "int": "a whole number",
            "float": "a number",
        }.get(field.type, "")
        text = (
            " ".join(_as_text(value).split())
            if field.type == "tags" and isinstance(value, str)
            else _as_text(value)
        )
        self.shown[field.name] = text
        suggester = None
        if field.name in self.mention_fields:
            from careertui.widgets.mention import MentionSuggester

            suggester = MentionSuggester(self.mentions)
        return FieldInput(
            text,
            placeholder=placeholder,
            id=widget_id,
            select_on_focus=False,
            compact=True,
            suggester=suggester,
        )

    def on_mount(self) -> None:
        for name in self.field_names:
            if self.kind.field(name).type == "date":
                self._show_date_hint(name)
        if self.field_names:
            self.query_one(f"#field-{self.first_to_fill()}").focus()
        self.call_after_refresh(self.fit_fields)

    def first_to_fill(self) -> str:
        """The field a person fills first: the one asked for (`focus`), else in a new record
        the first without a value (a note's text, its date being today; an interaction's
        notes once its contact is chosen), else the first."""
        if self.focus_field in self.field_names:
            return self.focus_field
        if not self.partial:
            for name in self.field_names:
                field = self.kind.field(name)
                if field.type != "bool" and self.initial.get(name, field.default) in (None, ""):
                    return name
        return self.field_names[0]

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_fields)

    def fit_fields(self) -> None:
        """Cap the fields' scrolling height to what the box leaves once its title, note,
        message and keys line are in: the save/cancel keys stay on screen at 80x24 too, and
        a focused field (Textual scrolls it into view) is never below the screen's edge."""
        boxes = self.query(".form-box")
        if not boxes or not self.size.height:
            return
        box = boxes.first()
        fields = box.query_one(".form-fields")
        spent = box.outer_size.height - box.content_size.height
        for child in box.children:
            if child is not fields and child.display:
                spent += child.outer_size.height + child.styles.margin.top
                spent += child.styles.margin.bottom
        room = self.size.height * DIALOG_HEIGHT
        fields.styles.max_height = max(3, min(FIELDS_MAX_HEIGHT, int(room) - spent))

    # -- reading -------------------------------------------------------------------------------
    def field_widgets(self) -> list[Widget]:
        return [self.query_one(f"#field-{name}") for name in self.field_names]

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
            if name in self.initial and name in self.shown and values[name] == self.shown[name]:
                values[name] = self.initial[name]  # untouched: as stored, not as shown
        return values

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _field_changed(
        self, event: Input.Changed | TextArea.Changed | Select.Changed | Checkbox.Changed
    ) -> None:
        name = (event.control.id or "").removeprefix("field-") if event.control else ""
        if name not in self.field_names:
            return
        if self.kind.field(name).type == "date":
            self._show_date_hint(name)
        elif name in self.mention_fields and isinstance(event.control, TextArea):
            from careertui.widgets.mention import mention_hint

            hint = mention_hint(event.control, self.mentions)
            self.query_one(f"#hint-{name}", Static).update(hint)
        self._recheck(name)

    def action_complete_mention(self) -> None:
        """ctrl+o: complete the `@…` before the cursor of a text area to the contact it names."""
        from careertui.widgets.mention import complete_in_area

        area = self.focused
        if isinstance(area, TextArea) and (area.id or "")[6:] in self.mention_fields:
            complete_in_area(area, self.mentions)

    def action_external_editor(self) -> None:
        """ctrl+e: write the focused long text field in $VISUAL/$EDITOR (careertui/editor.py),
        the app suspended meanwhile; what was saved, `#` lines dropped, replaces the text."""
        from textual.app import SuspendNotSupported

        from careertui.editor import EditorError, edit_text

        area = self.focused
        if not isinstance(area, TextArea):
            self.show_error("ctrl+e opens $EDITOR on a long text field: move to one first")
            return
        try:
            with self.app.suspend():
                text = edit_text(area.text, EDITOR_TEMPLATE)
        except (EditorError, SuspendNotSupported) as exc:
            self.show_error(str(exc) or "the editor cannot open here")
            return
        area.load_text(text)
        area.focus()

    def _recheck(self, name: str) -> None:
        """A field showing a problem is checked again as it changes: the message goes as soon as
        the value is right, or says what is wrong now."""
        error = self.query_one(f"#error-{name}", Static)
        if not error.display:
            return
        value = self.collect()[name]
        try:
            validate(self.kind.name, {name: value}, self.today, partial=True)
        except ValidationError as exc:
            if exc.field == name:
                error.update(literal(exc.message))
                return
        error.update("")
        error.display = False

    def _show_date_hint(self, name: str) -> None:
        field = self.kind.field(name)
        raw = self.query_one(f"#field-{name}", Input).value
        hint = self.query_one(f"#hint-{name}", Static)
        if not raw.strip():
            hint.update("")
            return
        try:
            day = parse_date(raw, self.today, direction=field.direction)
            shown = "[$success]→ " + day.strftime("%a %d %b %Y") + "[/]"
        except DateError as exc:
            why = "after today" if "after today" in str(exc) else "not a date yet"
            shown = f"[$error]✗ {why}[/]"
        hint.update(Content.from_markup(shown + " · $h", h=direction_hint(field.direction)))

    # -- saving --------------------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for error in self.query(".field-error").results(Static):
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
        if not self.saving:
            self.saving = True
            self.run_worker(self._save(), group="form-save")

    async def _save(self) -> None:
        """Read the fields once they have handled every key typed before ctrl+s, check, write."""
        try:
            await keys_handled(self.field_widgets())
            await self._check_and_save()
        finally:
            self.saving = False

    async def _check_and_save(self) -> None:
        from careertui.tui.data import user_message

        self._clear_errors()
        try:
            cleaned = validate(self.kind.name, self.collect(), self.today, partial=self.partial)
        except ValidationError as exc:
            self.show_error(exc.message, exc.field)
            return
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
