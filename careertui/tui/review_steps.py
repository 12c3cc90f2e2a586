"""The weekly review's step keys: add or edit what the week holds (wins, interactions), mark a
follow-up done, check a key action in or skip it; each change undoable with ctrl+z."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.widgets import DataTable

from careertui.domain.text import one_line
from careertui.store.reviews import complete_follow_up
from careertui.tui.forms import FormsScreen
from careertui.widgets.paged import current_key
from careertui.widgets.review.actions import ActionsStep
from careertui.widgets.review.common import FollowUpChosen, RecordChosen, ReviewStep
from careertui.widgets.review.people import PeopleStep


class ReviewStepKeys(FormsScreen):
    # -- step keys -------------------------------------------------------------------------------
    def action_add_win(self) -> None:
        self.open_form("win", values={"date": self.today().isoformat()})

    def action_add_interaction(self) -> None:
        self.open_form("interaction", values={"date": self.today().isoformat()})

    def action_edit(self) -> None:
        focused = self.focused
        if isinstance(focused, DataTable) and focused.id:
            step = focused.query_ancestor(ReviewStep)
            step.choose(focused.id, current_key(focused))

    @on(RecordChosen)
    def _record_chosen(self, event: RecordChosen) -> None:
        self.open_form(event.kind, event.record_id, focus=event.focus)

    @on(FollowUpChosen)
    def _follow_up_chosen(self, event: FollowUpChosen) -> None:
        self._resolve(event.item, edit=event.edit)

    def action_done(self) -> None:
        item = self.query_one(PeopleStep).selected_follow_up()
        if item is not None:
            self._resolve(item, edit=False)

    def _resolve(self, item: dict[str, Any], *, edit: bool) -> None:
        """A follow-up of an interaction is edited or marked done; a stay-in-touch reminder is
        resolved by logging a new interaction with that contact."""
        if item["kind"] != "interaction":
            self.open_form(
                "interaction",
                values={"contact_id": item["contact_id"], "date": self.today().isoformat()},
            )
        elif edit:
            self.open_form("interaction", int(item["interaction_id"]))
        else:
            self.mark_done(int(item["interaction_id"]), item["contact"])

    def action_snooze(self) -> None:
        item = self.query_one(PeopleStep).selected_follow_up()
        if item is None:
            return
        if item["kind"] != "interaction":
            self.notify("A stay-in-touch reminder goes once you log a conversation (a).")
            return
        self.snooze(int(item["interaction_id"]), item["contact"])

    @work(group="review-change")
    async def snooze(self, interaction_id: int, contact: str) -> None:
        from careertui.store.network import snooze

        what = f"snoozed follow-up with {one_line(contact, 60)}"
        later = self.undoable(what, "interaction", interaction_id, snooze)
        try:
            when = await self.change(later, interaction_id, self.today())
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        self.notify(
            f"Follow-up with {one_line(contact, 60)} snoozed to {when:%a %d %b}", markup=False
        )
        self.refresh_data()

    @work(group="review-change")
    async def mark_done(self, interaction_id: int, contact: str) -> None:
        what = f"follow-up with {one_line(contact, 60)} done"
        done = self.undoable(what, "interaction", interaction_id, complete_follow_up)
        try:
            await self.change(done, interaction_id, self.today())
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        self.notify(f"Follow-up with {one_line(contact, 60)} done", markup=False)
        self.refresh_data()

    def action_check_in(self) -> None:
        self._check_in(skip=False)

    def action_skip(self) -> None:
        self._check_in(skip=True)

    def _check_in(self, *, skip: bool) -> None:
        step = self.query_one(ActionsStep)
        key = step.selected()
        if key is not None:
            self.check_in(int(key), step.action_titles.get(key, ""), skip)

    @work(group="review-change")
    async def check_in(self, action_id: int, title: str, skip: bool) -> None:
        today = self.today()
        try:
            what = f"{'skip' if skip else 'check-in'} of “{one_line(title, 60)}”"
            await self.change(self.check_in_undoable, action_id, today, skip, what)
        except Exception as exc:  # noqa: BLE001
            self.report(exc)
            return
        verb = "Skipped today" if skip else "Checked in"
        self.notify(f"{verb}: {one_line(title, 60)}", markup=False)
        self.refresh_data()
