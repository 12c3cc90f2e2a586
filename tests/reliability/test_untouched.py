"""Class 6 (part): saving changes nothing that was not changed, and text edited out of any field
is gone from the file and its WAL, even while another connection is open."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from careertui.domain.records import KINDS
from careertui.store import Store

TODAY = date(2026, 12, 3)
TOKEN = "zqxsecret"
KINDS_TRIED = (
    "note",
    "win",
    "contact",
    "interaction",
    "goal",
    "action",
    "checkin",
    "requirement",
    "responsibility",
    "perception",
    "security",
    "review",
)
TEXT_TYPES = ("text", "long")


def _value(store: Store, field: Any, n: int) -> Any:
    if field.type == "ref":
        return _make(store, field.ref or "", n)
    if field.type in TEXT_TYPES:
        special = {"week": f"2026-W{40 + n}", "cadence": "daily"}
        return special.get(field.name, f"{field.name} {n}")
    if field.type == "choice":
        return field.choices[0]
    return {"date": "2026-11-30", "int": 3, "float": 1.5, "bool": False, "tags": ["t"]}[field.type]


def _make(store: Store, kind_name: str, n: int = 0) -> int:
    """A record of `kind_name` with every field set (its links made too)."""
    kind = KINDS[kind_name]
    values = {
        f.name: _value(store, f, n)
        for f in kind.fields
        if f.required or f.type != "ref" and f.name not in ("follow_up", "looked_back")
    }
    return store.insert(kind_name, values, TODAY)


def _state(db: Path) -> tuple[str, ...]:
    return tuple(
        hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "-"
        for p in (db, Path(f"{db}-wal"))
    )


@pytest.mark.parametrize("kind_name", KINDS_TRIED)
def test_saving_what_is_stored_changes_nothing(tmp_path: Path, kind_name: str) -> None:
    db = tmp_path / "j.db"
    with Store(db) as store:
        record_id = _make(store, kind_name)
        row = store.get(kind_name, record_id) or {}
        # Control characters and bidi marks in the stored text stay as they are.
        text_fields = [f.name for f in KINDS[kind_name].fields if f.type == "long"]
        for name in text_fields:
            store.update(kind_name, record_id, {name: "a\x1b[31m\u202eb\u200f"}, TODAY)
        store.checkpoint()
        row = store.get(kind_name, record_id) or {}
        before = _state(db)
        form = {f.name: row[f.name] for f in KINDS[kind_name].fields}
        store.update(kind_name, record_id, form, TODAY)
        store.update(kind_name, record_id, form, TODAY)
        assert store.get(kind_name, record_id) == row
        assert _state(db) == before


def test_a_changed_field_changes_updated_at_and_only_it(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    with Store(db) as store:
        note = _make(store, "note")
        row = store.get("note", note) or {}
        store.update("note", note, {"text": "other text", "tags": ["t"]}, TODAY)
        after = store.get("note", note) or {}
    assert after["text"] == "other text" and after["tags"] == row["tags"]
    assert after["updated_at"] >= row["updated_at"]


def _fields_tried() -> list[tuple[str, str]]:
    return [
        (kind_name, f.name)
        for kind_name in KINDS_TRIED
        for f in KINDS[kind_name].fields
        if f.type in TEXT_TYPES and f.name not in ("week", "cadence")
    ]


@pytest.mark.parametrize(("kind_name", "field_name"), _fields_tried())
def test_text_edited_out_of_any_field_is_gone(
    tmp_path: Path, kind_name: str, field_name: str
) -> None:
    db = tmp_path / "j.db"
    store = Store(db)
    idle = Store(db)  # another session open meanwhile (the TUI, say)
    try:
        for n in range(5):
            _make(store, kind_name, n + 1)
        record_id = _make(store, kind_name)
        store.update(kind_name, record_id, {field_name: f"about {TOKEN} today"}, TODAY)
        assert idle.get(kind_name, record_id)
        replacement = "x" if field_name not in ("title", "name") else f"renamed {kind_name}"
        store.update(kind_name, record_id, {field_name: replacement}, TODAY)
        for path in (db, Path(f"{db}-wal")):
            assert TOKEN.encode() not in (path.read_bytes() if path.exists() else b""), path
    finally:
        idle.close()
        store.close()


HOSTILE = "a\x1b[31m\u202eb\u200f\x07c"


async def test_a_form_saved_without_a_change_keeps_the_stored_text() -> None:
    """The form shows control characters replaced; saving it untouched writes the stored text
    back as it was, not the replacements."""
    from textual.app import App

    from careertui.widgets.form import EntryForm

    stored = {"title": f"Shipped {HOSTILE}", "impact": "3\x9b teams", "notes": f"x\n{HOSTILE}"}
    saved: list[dict[str, Any]] = []

    class FormApp(App[None]):
        def on_mount(self) -> None:
            form = EntryForm(
                "win",
                ("title", "impact", "notes"),
                lambda values: saved.append(values) or values,
                today=TODAY,
                values=stored,
                partial=True,
            )
            self.push_screen(form)

    app = FormApp()
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(5):
            await pilot.pause()
        await pilot.press("ctrl+s")
        for _ in range(5):
            await pilot.pause()
            await app.workers.wait_for_complete()
    assert saved and {k: saved[0][k] for k in stored} == stored
