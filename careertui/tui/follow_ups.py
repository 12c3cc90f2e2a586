"""The Network's follow-up keys: `d` marks the highlighted follow-up done, `z` snoozes it 7 days
(a stay-in-touch cadence clears only when an interaction is logged)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.widgets import DataTable

from careertui.tui.data import DataScreen
from careertui.tui.undo import undoable
from careertui.widgets.paged import current_key

if TYPE_CHECKING:
    from careertui.domain.due import FollowUp


class FollowUpActions(DataScreen):
    """Done and snooze on the follow-ups table (`#follow-table`), whose rows are keyed as in
    `follow_items`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.follow_items: dict[str, FollowUp] = {}
        """The follow-ups listed, by row key (widgets.network.common.follow_key)."""

    def _follow_item(self) -> FollowUp | None:
        key = current_key(self.query_one("#follow-table", DataTable))
        return self.follow_items.get(key) if key else None

    def action_done(self) -> None:
        item = self._follow_item()
        if item is None:
            return
        if item.interaction_id is None:
            self.notify(
                "Stay-in-touch cadences clear when you log an interaction (i).", markup=False
            )
            return
        self._follow_change("done", item.interaction_id)

    def action_snooze(self) -> None:
        item = self._follow_item()
        if item is None:
            return
        if item.interaction_id is None:
            self.notify(
                "A stay-in-touch cadence has no date to snooze: log an interaction (i) "
                "or change the cadence (e).",
                markup=False,
            )
            return
        self._follow_change("snooze", item.interaction_id)

    @work(group="follow")
    async def _follow_change(self, what: str, interaction_id: int) -> None:
        from careertui.store import network

        today = self.today()
        try:
            if what == "done":
                done = undoable(
                    self.app, "follow-up done", "interaction", interaction_id, network.mark_done
                )
                await self.change(done, interaction_id, today)
                message = "Follow-up done."
            else:
                when = await self.change(network.snooze, interaction_id, today)
                message = f"Snoozed to {when:%a %d %b}."
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        self.notify(message, markup=False)
        self.refresh_data()
