"""Forms and deletes for the screens: a record added or edited in the EntryForm, a delete
confirmed, each written off the UI thread and followed by a reload."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from textual import work
from textual.content import Content

from careertui.domain.mentions import MENTIONING
from careertui.domain.records import KINDS
from careertui.domain.text import one_line
from careertui.store import Store
from careertui.store.undo import Restore, check_in, remove, restore, snapshot
from careertui.tui.data import DataScreen, ReadOnlyError
from careertui.tui.undo import remember, undoable
from careertui.widgets.safe import compose

if TYPE_CHECKING:
    from careertui.widgets.form import EntryForm

FORM_FIELDS: dict[str, tuple[str, ...]] = {
    "goal": ("title", "kind", "parent_id", "metric", "target", "current", "due", "status", "notes"),
    "action": ("title", "cadence", "goal_id", "active"),
    "checkin": ("date", "skip", "note"),
    "requirement": ("title", "status", "plan"),
    "responsibility": ("title", "active"),
    "win": (
        "title",
        "date",
        "impact",
        "responsibility_id",
        "goal_id",
        "tags",
        "shared_with",
        "notes",
    ),
    "contact": (
        "name",
        "org",
        "role",
        "circle",
        "influence",
        "knows_me",
        "follow_up_days",
        "notes",
    ),
    "interaction": (
        "contact_id",
        "date",
        "channel",
        "notes",
        "learned",
        "gave",
        "follow_up",
        "done",
    ),
    "perception": ("date", "behaviour", "language", "attitude", "q1", "q2", "q3", "q4", "notes"),
    "security": ("date", "skills", "performance", "network", "job_search", "finances", "notes"),
    "note": ("date", "text", "tags"),
    "review": ("week", "date", "focus", "notes"),
    "profile": tuple(f.name for f in KINDS["profile"].fields if f.name != "theme"),
}

T = TypeVar("T")


def named(kind: str, values: Mapping[str, Any]) -> str:
    """`win “Shipped the beta”`: a record's kind and title, for what undo brings back."""
    label = KINDS[kind].label.lower()
    title = one_line(str(values.get(KINDS[kind].title_field) or ""), 60)
    return f"{label} “{title}”" if title else label


REF_SOURCES: dict[str, str] = {
    "parent_id": "goal",
    "goal_id": "goal",
    "responsibility_id": "responsibility",
    "contact_id": "contact",
    "action_id": "action",
}


def ref_options(store: Store, field: str, exclude_id: int | None = None) -> list[tuple[str, int]]:
    """(label, id) choices for a link field, e.g. the goals a milestone can belong to."""
    kind = REF_SOURCES[field]
    rows = store.rows(kind, newest_first=False)
    if field == "parent_id":
        rows = [r for r in rows if r["kind"] != "milestone" and r["id"] != exclude_id]
    title = KINDS[kind].title_field
    return [(str(r[title]), int(r["id"])) for r in rows]


class FormsScreen(DataScreen):
    """A screen whose records are added, edited and deleted through forms and dialogs."""

    def open_form(
        self,
        kind: str,
        record_id: int | None = None,
        *,
        values: Mapping[str, Any] | None = None,
        fields: Sequence[str] | None = None,
        title: str | Content | None = None,
        after: Callable[[Any], None] | None = None,
        focus: str = "",
    ) -> None:
        """Add (no id) or edit a record in the EntryForm, then reload the screen; `focus`
        names the field focused first (else the form's own choice, EntryForm.first_to_fill)."""
        self._open_form(kind, record_id, values, fields, title, after, focus)

    @work(group="form")
    async def _open_form(
        self,
        kind: str,
        record_id: int | None,
        values: Mapping[str, Any] | None,
        fields: Sequence[str] | None,
        title: str | Content | None,
        after: Callable[[Any], None] | None,
        focus: str,
    ) -> None:
        names = tuple(fields or FORM_FIELDS[kind])
        refs = [n for n in names if n in REF_SOURCES]

        def load(store: Store) -> tuple[dict[str, Any] | None, dict[str, Any], Any]:
            record = store.get(kind, record_id) if record_id is not None else None
            options = {n: ref_options(store, n, record_id) for n in refs}
            return record, options, self.form_context(store, kind)

        try:
            record, options, context = await self.fetch(load)
            extra = {}  # @mentions in its text complete to the contacts' names
            if kind in MENTIONING:
                extra["mentions"] = await self.fetch(lambda store: store.names("contact"))
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        if record_id is not None and record is None:
            self.notify(f"That {KINDS[kind].label.lower()} no longer exists.", severity="warning")
            return
        initial = dict(record or {})
        if record_id is None:
            for name in names:
                field = KINDS[kind].field(name)
                if field.type == "date" and field.required:
                    initial[name] = "today"
        initial.update(values or {})
        label = KINDS[kind].label
        heading = title or (
            compose(
                (f"Edit {label.lower()}: ", "bold"), str(initial.get(KINDS[kind].title_field, ""))
            )
            if record_id is not None
            else Content(f"New {label.lower()}").stylize("bold")
        )
        db_path, today = self.career.db_path, self.today()

        def save(cleaned: dict[str, Any]) -> int:
            refused = self.career.refusal()
            if refused:
                raise ReadOnlyError(refused)
            with Store(db_path) as store:
                if record_id is None:
                    new_id = store.insert(kind, cleaned, today)
                    self.remember(f"added {named(kind, cleaned)}", remove(kind, new_id))
                    return new_id
                before = snapshot(store, kind, record_id)
                store.update(kind, record_id, cleaned, today)
                self.remember(f"edited {named(kind, initial)}", restore(before))
                return record_id

        form = self.make_form(
            context,
            kind,
            names,
            save,
            today=today,
            values=initial,
            title=heading,
            options=options,
            partial=record_id is not None,
            focus=focus,
            **extra,
        )

        def saved(result: Any) -> None:
            if result is None:
                return
            self.notify(f"Saved {label.lower()}.", markup=False)
            self.refresh_data()
            if after:
                after(result)

        # A callback, not push_screen_wait: no worker stays alive while the form is open.
        self.app.push_screen(form, callback=saved)

    def form_context(self, store: Store, kind: str) -> Any:
        """What a screen's own form for `kind` needs from the file besides the record (read in
        the same worker); see make_form. A win's form offers the target-role requirements."""
        if kind == "win":
            from careertui.store.evidence import win_choices

            return win_choices(store)
        return None

    def make_form(self, context: Any, *args: Any, **kwargs: Any) -> EntryForm:
        """The form open_form shows: the shared EntryForm unless a screen needs more beside
        it (the Self-check screen shows your last answers next to a new perception check; a
        win's form lists its evidence and the requirements it evidences)."""
        from careertui.widgets.form import EntryForm  # on the first form: not at start-up

        if args[0] == "win" and context is not None:
            from careertui.widgets.win_form import WinForm, link_saver

            return WinForm(context, link_saver(self.career.db_path), *args, **kwargs)
        return EntryForm(*args, **kwargs)

    def remember(self, what: str, run: Restore) -> None:
        """Keep what undoes a change just made, for ctrl+z (careertui/tui/undo.py)."""
        remember(self.app, what, run)

    def undoable(
        self, what: str, kind: str, record_id: int, fn: Callable[..., T]
    ) -> Callable[..., T]:
        """`fn(store, ...)`, which changes or deletes the record, made undoable by ctrl+z."""
        return undoable(self.app, what, kind, record_id, fn)

    def check_in_undoable(
        self, store: Store, action_id: int, today: date, skip: bool, what: str
    ) -> tuple[int, bool]:
        """Check an action in (or skip it) today, undoable by ctrl+z."""
        result, undo = check_in(store, action_id, today, today, skip=skip)
        self.remember(what, undo)
        return result

    def confirm_delete(self, kind: str, record_id: int, title: str) -> None:
        """Ask, then delete (off the UI thread) and reload."""
        from careertui.widgets.confirm import ConfirmDialog

        label = KINDS[kind].label.lower()
        question = compose(
            (f"Delete this {label}?\n\n", "bold"),
            title,
            ("\n\nIts text is erased from the file; ctrl+z brings it back until you quit.", "dim"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(kind, record_id, title)

        self.app.push_screen(ConfirmDialog(question), callback=answered)

    @work(group="delete")
    async def _delete(self, kind: str, record_id: int, title: str) -> None:
        label = KINDS[kind].label.lower()
        what = f"deleted {label} “{one_line(title, 60)}”" if title else f"deleted {label}"
        delete = self.undoable(what, kind, record_id, lambda store: store.delete(kind, record_id))
        try:
            await self.change(delete)
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        self.notify(f"Deleted {label}.", markup=False)
        self.refresh_data()
