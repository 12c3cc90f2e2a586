"""What every careertui screen shares: store calls off the UI thread, forms, deletes, errors.

Screens never build SQL: they pass a function of a `Store` to `fetch`/`change`, which runs it in a
worker thread on a Store opened for that call (a sqlite3 connection cannot cross threads).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual import events, work
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen

from careertui.domain.records import KINDS
from careertui.store import Ambiguous, NotFound, Store, StoreError
from careertui.widgets.confirm import ConfirmDialog
from careertui.widgets.form import EntryForm
from careertui.widgets.safe import compose

if TYPE_CHECKING:
    from careertui.app import CareerApp

T = TypeVar("T")

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

REF_SOURCES: dict[str, str] = {
    "parent_id": "goal",
    "goal_id": "goal",
    "responsibility_id": "responsibility",
    "contact_id": "contact",
    "action_id": "action",
}


class ReadOnlyError(Exception):
    """The file failed its integrity check at start: the app refuses to write to it."""


def user_message(exc: BaseException) -> str | None:
    """The one-line message for an error the user can act on; None for a real bug."""
    from careertui.domain.dates import DateError
    from careertui.domain.records import ValidationError
    from careertui.domain.text import TextError

    if isinstance(exc, ValidationError):
        return exc.message
    if isinstance(exc, StoreError | DateError | TextError | ReadOnlyError):
        return str(exc)
    if isinstance(exc, NotFound | Ambiguous):
        return str(exc.args[0] if exc.args else exc)
    if isinstance(exc, OSError):
        return f"cannot access the file: {exc.strerror or exc}"
    return None


def _with_store(path: Path, write: bool, fn: Callable[..., T], args: tuple[Any, ...]) -> T:
    with Store(path, write=write) as store:
        return fn(store, *args)


def ref_options(store: Store, field: str, exclude_id: int | None = None) -> list[tuple[str, int]]:
    """(label, id) choices for a link field, e.g. the goals a milestone can belong to."""
    kind = REF_SOURCES[field]
    rows = store.rows(kind, newest_first=False)
    if field == "parent_id":
        rows = [r for r in rows if r["kind"] != "milestone" and r["id"] != exclude_id]
    title = KINDS[kind].title_field
    return [(str(r[title]), int(r["id"])) for r in rows]


class CareerScreen(Screen):
    """Base of the six area screens."""

    TITLE = "careertui"
    HELP = ""
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (35, "-tall")]
    """Size classes the screens' TCSS styles: 80×24 is -narrow -short, 120×40 -wide -tall."""

    @property
    def career(self) -> CareerApp:
        return self.app  # type: ignore[return-value]

    def today(self) -> date:
        from careertui.clock import today

        return today()

    # -- store access --------------------------------------------------------------------------
    async def fetch(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(store, *args)` on a read-only Store in a thread."""
        return await asyncio.to_thread(_with_store, self.career.db_path, False, fn, args)

    async def change(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(store, *args)` on a writable Store in a thread (refused on a failing file)."""
        if self.career.read_only:
            raise ReadOnlyError(self.career.read_only)
        return await asyncio.to_thread(_with_store, self.career.db_path, True, fn, args)

    def report(self, exc: BaseException) -> None:
        """Tell the user about a refused read or write; re-raise a real bug."""
        message = user_message(exc)
        if message is None:
            raise exc
        self.notify(message, severity="error", markup=False)

    # -- loading -------------------------------------------------------------------------------
    def on_screen_resume(self, _event: events.ScreenResume) -> None:
        self.refresh_data()

    @work(exclusive=True, group="load")
    async def refresh_data(self) -> None:
        """Reload what the screen shows (in a worker); called on arrival and after a change."""
        try:
            await self.load()
        except NoMatches:
            if self.display:  # False once the screen is closing
                raise
            # closed (escape) while it was loading: its widgets are gone, nothing to show
        except Exception as exc:  # noqa: BLE001 - refused reads become a notification
            self.report(exc)

    async def load(self) -> None:
        """Fetch and show this screen's data. Subclasses override."""

    # -- forms and deletes ---------------------------------------------------------------------
    def open_form(
        self,
        kind: str,
        record_id: int | None = None,
        *,
        values: Mapping[str, Any] | None = None,
        fields: Sequence[str] | None = None,
        title: str | Content | None = None,
        after: Callable[[Any], None] | None = None,
    ) -> None:
        """Add (no id) or edit a record in the EntryForm, then reload the screen."""
        self._open_form(kind, record_id, values, fields, title, after)

    @work(group="form")
    async def _open_form(
        self,
        kind: str,
        record_id: int | None,
        values: Mapping[str, Any] | None,
        fields: Sequence[str] | None,
        title: str | Content | None,
        after: Callable[[Any], None] | None,
    ) -> None:
        names = tuple(fields or FORM_FIELDS[kind])
        refs = [n for n in names if n in REF_SOURCES]

        def load(store: Store) -> tuple[dict[str, Any] | None, dict[str, Any], Any]:
            record = store.get(kind, record_id) if record_id is not None else None
            options = {n: ref_options(store, n, record_id) for n in refs}
            return record, options, self.form_context(store, kind)

        try:
            record, options, context = await self.fetch(load)
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
            if self.career.read_only:
                raise ReadOnlyError(self.career.read_only)
            with Store(db_path) as store:
                if record_id is None:
                    return store.insert(kind, cleaned, today)
                store.update(kind, record_id, cleaned, today)
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
        the same worker); see make_form."""
        return None

    def make_form(self, context: Any, *args: Any, **kwargs: Any) -> EntryForm:
        """The form open_form shows: the shared EntryForm unless a screen needs more beside
        it (the Self-check screen shows your last answers next to a new perception check)."""
        return EntryForm(*args, **kwargs)

    def confirm_delete(self, kind: str, record_id: int, title: str) -> None:
        """Ask, then delete (off the UI thread) and reload."""
        label = KINDS[kind].label.lower()
        question = compose(
            (f"Delete this {label}?\n\n", "bold"),
            title,
            ("\n\nIts text is erased from the file; this cannot be undone.", "dim"),
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(kind, record_id)

        self.app.push_screen(ConfirmDialog(question), callback=answered)

    @work(group="delete")
    async def _delete(self, kind: str, record_id: int) -> None:
        label = KINDS[kind].label.lower()
        try:
            await self.change(lambda store: store.delete(kind, record_id))
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        self.notify(f"Deleted {label}.", markup=False)
        self.refresh_data()
