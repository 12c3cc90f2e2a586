"""The review's actions on the Wins screen: the review period's dates (`D`) and the packet
(`x`: review, week or month; Markdown or HTML; --with; --redact), written where the person
says (the data folder's exports/ unless changed; a file is replaced only once confirmed)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.content import Content

from careertui.tui.forms import FormsScreen

if TYPE_CHECKING:
    from careertui.widgets.packet_dialog import PacketChoice


class ReviewActions(FormsScreen):
    """The review period's form and the packet's dialog and export."""

    def action_review_dates(self) -> None:
        self._review_dates()

    @work(group="review-dates")
    async def _review_dates(self) -> None:
        """The review period in the shared form; saved with `store.set_profile`."""
        from careertui.widgets.form import EntryForm

        try:
            profile = await self.fetch(lambda store: store.profile())
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        today = self.today()

        def save(values: dict[str, Any]) -> bool:  # in the form's thread, refused on a bad file
            self._write(lambda store: store.set_profile(values, today), ())
            return True

        form = EntryForm(
            "profile",
            ("review_start", "review_date"),
            save,
            today=today,
            values={k: profile.get(k) for k in ("review_start", "review_date")},
            title=Content("Review period").stylize("bold"),
            partial=True,
            note="Wins dated in [start, review date] count. Without a start the period is the "
            "365 days before the review date; without a review date, the last 365 days.",
        )

        def saved(result: Any) -> None:
            if result:
                self.notify("Review dates saved.", markup=False)
                self.refresh_data()

        # A callback, not push_screen_wait: no worker stays alive while the form is open.
        self.app.push_screen(form, callback=saved)

    def action_export(self) -> None:
        self._choose_packet()

    @work(group="export", exclusive=True)
    async def _choose_packet(self) -> None:
        """The packet dialog (review, week or month; Markdown or HTML; --with; --redact; where
        to write it, pre-filled with the data folder's exports/: never the current folder)."""
        from careertui.widgets.packet_dialog import PacketDialog

        try:
            names = await self.fetch(lambda store: [n for _, n in store.names("contact")])
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        folder = f"{self.exports_folder()}{os.sep}"
        # @work's typing hides _export's signature (it takes the dialog's answer)
        self.app.push_screen(PacketDialog(names, folder), callback=self._export)  # type: ignore[arg-type]

    def exports_folder(self) -> Path:
        return self.career.db_path.parent / "exports"

    def target(self, typed: str) -> Path:
        """Where a typed path points: `~` expanded, a relative one inside the exports folder."""
        path = Path(typed).expanduser()
        return path if path.is_absolute() else self.exports_folder() / path

    @work(group="export", exclusive=True)
    async def _export(self, choice: PacketChoice | None, force: bool = False) -> None:
        if choice is None:
            return
        from careertui.store.packets import PacketExists, write_packet

        today, target = self.today(), self.target(choice.path)
        try:
            path = await self.fetch(
                lambda store: write_packet(
                    store,
                    today,
                    target,
                    choice.which,
                    with_name=choice.with_name,
                    redact=choice.redact,
                    fmt=choice.fmt,
                    force=force,
                    folder=not choice.path or choice.path.endswith(os.sep),
                )
            )
        except PacketExists:
            self._confirm_replace(choice, target)
            return
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        what = f"{choice.which.capitalize()} packet"
        self.notify(f"{what} saved to {path}", title="Exported", markup=False, timeout=10)

    def _confirm_replace(self, choice: PacketChoice, target: Path) -> None:
        """A second question before a file is replaced."""
        from careertui.widgets.confirm import ConfirmDialog
        from careertui.widgets.safe import compose

        question = compose(("Replace this file?\n\n", "bold"), str(target))

        def answered(yes: bool | None) -> None:
            if yes:
                self._export(choice, force=True)
            else:
                self.notify("Not written: the file is kept.", markup=False)

        self.app.push_screen(ConfirmDialog(question, "Replace"), callback=answered)
