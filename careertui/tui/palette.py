"""What the command palette (ctrl+p) does besides going to a screen and finding an entry: add a
win, a note, a contact or an interaction, check in a key action, start the weekly review, write
the packet, back up the journal. The provider is in careertui/commands.py."""

from __future__ import annotations

from typing import Any

from careertui.domain.text import one_line
from careertui.tui.forms import FormsScreen

ADD = (
    ("win", "Add a win", "a new win, dated today"),
    ("note", "Add a note", "a new journal note, dated today"),
    ("contact", "Add a contact", "someone in your network"),
    ("interaction", "Log an interaction", "a conversation with a contact"),
)
"""(kind, the command, its help) of the records the palette adds."""


def base_screen(app: Any) -> FormsScreen | None:
    """The screen at hand under the palette (which is closed when a command runs)."""
    screen = app.screen
    return screen if isinstance(screen, FormsScreen) else None


def add(app: Any, kind: str) -> None:
    """Open the form of a new `kind` on the screen at hand (it reads again once saved)."""
    screen = base_screen(app)
    if screen is not None:
        screen.open_form(kind)


def check_in(app: Any, action_id: int, title: str) -> None:
    """Check a key action in today, undoable by ctrl+z."""
    screen = base_screen(app)
    if screen is not None:
        screen.run_worker(_check_in(screen, action_id, title), group="palette-checkin")


async def _check_in(screen: FormsScreen, action_id: int, title: str) -> None:
    today = screen.today()
    what = f"check-in of “{one_line(title, 60)}”"
    try:
        await screen.change(screen.check_in_undoable, action_id, today, False, what)
    except Exception as exc:  # noqa: BLE001 - a refused write becomes a notification
        screen.report(exc)
        return
    screen.notify(f"Checked in today: {one_line(title, 60)}", markup=False)
    screen.refresh_data()


def write_packet(app: Any) -> None:
    """The packet dialog, from the Wins screen (where `x` opens it)."""
    app.action_go("wins")

    def open_it() -> None:
        export = getattr(app.screen, "action_export", None)
        if export is not None:
            export()

    app.call_after_refresh(open_it)


def back_up(app: Any) -> None:
    screen = base_screen(app)
    if screen is not None:
        screen.run_worker(_back_up(screen), group="palette-backup")


async def _back_up(screen: FormsScreen) -> None:
    """A consistent copy of the journal in the data folder's backups/ (as `careertui backup`,
    which writes beside the journal)."""
    from careertui.clock import now
    from careertui.store.connection import make_private_dir

    folder = screen.career.db_path.parent / "backups"
    dest = folder / f"careertui-backup-{now().strftime('%Y%m%d-%H%M%S')}.db"
    try:
        make_private_dir(folder)
        written = await screen.fetch(lambda store: store.backup(dest))
    except Exception as exc:  # noqa: BLE001
        screen.report(exc)
        return
    screen.notify(f"Backed up to {written}", title="Backup", markup=False, timeout=10)


def active_actions(store: Any) -> list[tuple[int, str]]:
    """(id, title) of the active key actions, for the palette's check-ins."""
    rows = store.rows("action", newest_first=False)
    return [(int(row["id"]), str(row["title"])) for row in rows if row["active"]]
