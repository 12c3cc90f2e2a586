"""The review's actions on the Wins screen: the review period's dates (`D`) and the packet
(`x`: review, week or month; Markdown or HTML; --with; --redact), saved beside the journal or
in the current folder."""

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
        """The packet dialog (review, week or month; Markdown or HTML; --with; --redact)."""
        from careertui.widgets.packet_dialog import PacketDialog

        try:
            names = await self.fetch(lambda store: [n for _, n in store.names("contact")])
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        self.app.push_screen(PacketDialog(names), callback=self._export)

    @work(group="export", exclusive=True)
    async def _export(self, choice: PacketChoice | None) -> None:
        if choice is None:
            return
        folders = [self.career.db_path.parent]
        try:
            here = Path.cwd()
        except OSError:  # the current folder was removed under us
            here = None
        if here is not None and os.access(here, os.W_OK):
            folders.insert(0, here)
        from careertui.store.packets import save_packet

        today = self.today()
        try:
            path = await self.fetch(
                lambda store: save_packet(
                    store,
                    today,
                    folders,
                    choice.which,
                    with_name=choice.with_name,
                    redact=choice.redact,
                    fmt=choice.fmt,
                )
            )
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        what = f"{choice.which.capitalize()} packet"
        self.notify(f"{what} saved to {path}", title="Exported", markup=False, timeout=10)
