"""Forms: ctrl+e writes a long text field in $VISUAL/$EDITOR; date fields say which way they read."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import pytest
from test_form import FormApp, settle
from textual.widgets import Static, TextArea


async def test_ctrl_e_puts_the_editors_text_in_the_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\n"
        "path = sys.argv[1]\n"
        f"open({str(tmp_path / 'seen')!r}, 'w').write(open(path).read())\n"
        "open(path, 'w').write('from the editor\\n# dropped\\nline two\\n')\n"
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {script}")
    app = FormApp("note", ("text", "date"), values={"date": "today", "text": "draft"})
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)  # no terminal to hand over
        assert isinstance(app.focused, TextArea)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert app.screen.query_one("#field-text", TextArea).text == "from the editor\nline two"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert (
        (tmp_path / "seen").read_text().startswith("draft\n\n# Lines starting with # are dropped")
    )
    assert app.saved[0]["text"] == "from the editor\nline two"


async def test_ctrl_e_outside_a_text_area_or_a_terminal_says_why() -> None:
    app = FormApp("note", ("date", "text"), values={"date": "today"}, focus="date")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")  # on the date
        await settle(pilot)
        message = str(app.screen.query_one("#form-error", Static).render())
        assert "ctrl+e opens $EDITOR on a long text field" in message
        await pilot.press("tab", "ctrl+e")  # a headless app cannot suspend
        await settle(pilot)
        assert str(app.screen.query_one("#form-error", Static).render()) != message
        assert app.screen.query_one("#field-text", TextArea).text == ""


async def test_date_fields_say_which_way_they_read() -> None:
    from textual.widgets import Input

    app = FormApp("interaction", ("date", "follow_up"), values={"date": "Dec 1"})
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        form = app.screen
        assert "reads forward" in form.query_one("#field-follow_up", Input).placeholder
        assert "reads back" in form.query_one("#field-date", Input).placeholder
        hint = str(form.query_one("#hint-date", Static).render())
        assert "Mon 01 Dec 2025" in hint and "reads back" in hint  # today is 23 Nov 2026
        form.query_one("#field-follow_up", Input).value = "Dec 1"
        form.query_one("#field-date", Input).value = "tomorrow"
        await settle(pilot)
        assert "Tue 01 Dec 2026" in str(form.query_one("#hint-follow_up", Static).render())
        assert "✗ after today" in str(form.query_one("#hint-date", Static).render())
