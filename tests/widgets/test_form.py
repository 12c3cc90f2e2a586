"""EntryForm on its own: keys sent faster than the widgets handle them, messages in place."""

from __future__ import annotations

from datetime import date
from typing import Any

from fast_keys import burst
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Static

from careertui.widgets.form import EntryForm

TODAY = date(2026, 11, 23)


class FormApp(App[None]):
    """Opens one form with a push_screen callback and keeps what it was dismissed with."""

    def __init__(self, kind: str, fields: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__()
        self.form_args = (kind, fields)
        self.form_kwargs = kwargs
        self.saved: list[dict[str, Any]] = []
        self.results: list[Any] = []

    def on_mount(self) -> None:
        def save(values: dict[str, Any]) -> dict[str, Any]:
            self.saved.append(values)
            return values

        form = EntryForm(*self.form_args, save, today=TODAY, **self.form_kwargs)
        self.push_screen(form, callback=self.results.append)


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(5):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.05)


async def test_a_burst_of_tab_text_and_ctrl_s_saves_what_was_typed() -> None:
    app = FormApp("note", ("date", "text", "tags"), values={"date": "today"})
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryForm)
        assert app.focused is not None and app.focused.id == "field-text"  # the date is today
        burst(app, *"hello world", "tab", *"a b", "ctrl+s")
        await settle(pilot)
        assert app.results, f"not saved: {form.query_one('#error-text', Static).render()}"
    assert app.saved == [{"date": TODAY.isoformat(), "text": "hello world", "tags": "a b"}]


async def test_a_burst_into_a_text_area_then_ctrl_s_saves_all_of_it() -> None:
    app = FormApp("note", ("text", "date"), values={"date": "today"})
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        burst(app, *"first line", "enter", *"second", "ctrl+s")
        await settle(pilot)
    assert [v["text"] for v in app.saved] == ["first line\nsecond"]


async def test_ctrl_s_twice_writes_once() -> None:
    app = FormApp("note", ("text", "date"), values={"date": "today"})
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        burst(app, *"once", "ctrl+s", "ctrl+s")
        await settle(pilot)
    assert [v["text"] for v in app.saved] == ["once"]


async def test_a_field_message_goes_as_soon_as_the_field_is_right() -> None:
    app = FormApp("goal", ("title", "due", "target"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryForm)
        await pilot.press(*"Speak", "tab", *"someday", "ctrl+s")
        await settle(pilot)
        error = form.query_one("#error-due", Static)
        assert error.display and "cannot read date 'someday'" in str(error.render())
        assert form.query_one("#field-due", Input).value == "someday"
        await pilot.press("x")  # still wrong: the message says what is there now
        await settle(pilot)
        assert error.display and "cannot read date 'somedayx'" in str(error.render())
        await pilot.press(*["backspace"] * 8, *"+5d")
        await settle(pilot)
        assert "Sat 28 Nov 2026" in str(form.query_one("#hint-due", Static).render())
        assert not error.display and str(error.render()) == ""
        # another field's problem says what is wrong now, then goes
        await pilot.press("tab", *"lots", "ctrl+s")
        await settle(pilot)
        target_error = form.query_one("#error-target", Static)
        assert target_error.display
        first = str(target_error.render())
        await pilot.press(*["backspace"] * 4, "1")
        await settle(pilot)
        assert not target_error.display
        assert app.results == [] and first
