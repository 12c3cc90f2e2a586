"""Weighing opportunities from the Roadmap: the forms and dialogs behind the Opportunities tab's
keys (w weigh, d decide, l look back, W the score's weights, a a new opportunity).

A mixin of the Roadmap screen: the tab (a widget) names these actions as `screen.…`; they read
the tab's chosen opportunity, open the shared EntryForm with a save function of their own (an
assessment is one per opportunity; a decision also moves the opportunity's status), and reload.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from textual.content import Content

from careertui.domain.opportunities import FORMULA
from careertui.domain.records import FIT_PARTS, SECURITY_PILLARS
from careertui.domain.text import one_line
from careertui.store import Store
from careertui.store import opportunities as opp
from careertui.tui.data import ReadOnlyError
from careertui.tui.forms import FormsScreen
from careertui.widgets.form import EntryForm
from careertui.widgets.safe import compose, literal

if TYPE_CHECKING:
    from careertui.widgets.roadmap.common import RoadmapData
    from careertui.widgets.roadmap.opportunities import OpportunitiesTab

ASSESSMENT_FIELDS = (
    *(name for pillar in SECURITY_PILLARS for name in (pillar, f"why_{pillar}")),
    *FIT_PARTS,
    "pay",
    "timeframe",
    "notes",
)


class LongForm(EntryForm):
    """An EntryForm of many fields (an assessment has 27): the dialog takes 90% of the height
    and its fields scroll within it, so that its keys line (ctrl+s save) stays in sight at
    80x24; each line of its note is cut to the width rather than wrapped."""

    CSS = """
    LongForm .form-box { height: 90%; }
    LongForm .form-fields { height: 1fr; max-height: 100%; }
    LongForm .form-note { text-wrap: nowrap; text-overflow: ellipsis; }
    """


LONG_FORM = 5
"""Fields from which a form here is a LongForm (three fields fit 80x24 as they are)."""


def space_note(space: dict[str, Any]) -> Content:
    """The person's own words of the space, one line each (cut to the width on screen), above
    the fit they rate."""
    lines = [
        compose((f"{part.capitalize():<11}", "dim"), one_line(words, 200))
        for part in FIT_PARTS
        if (words := str(space.get("words", {}).get(part) or "").strip())
    ]
    salary, timeframe = space.get("target_salary") or "—", space.get("timeframe") or "—"
    lines.append(
        compose(("Salary     ", "dim"), str(salary), ("   Timeframe ", "dim"), str(timeframe))
    )
    if len(lines) == 1:
        lines.insert(0, Content("Your space is not written yet (Space tab, e).").stylize("dim"))
    return Content("\n").join(lines)


def push_form(
    screen: FormsScreen,
    kind: str,
    fields: Sequence[str],
    write: Callable[[Store, dict[str, Any]], Any],
    *,
    values: dict[str, Any] | None = None,
    title: Content,
    note: Content | str = "",
    done: Callable[[Any], None] | None = None,
) -> None:
    """The EntryForm for `fields` of `kind` over `screen`, each checked as typed;
    `write(store, cleaned)` saves (and checks the whole) off the UI thread. Then the screen
    reloads and `done` runs. A LongForm from LONG_FORM fields."""
    db_path, today = screen.career.db_path, screen.today()

    def save(cleaned: dict[str, Any]) -> Any:
        refused = screen.career.refusal()
        if refused:
            raise ReadOnlyError(refused)
        with Store(db_path) as store:
            return write(store, cleaned) or True

    def saved(result: Any) -> None:
        if result is None:
            return
        screen.refresh_data()
        if done:
            done(result)

    form = (LongForm if len(fields) >= LONG_FORM else EntryForm)(
        kind, fields, save, today=today, values=values, title=title, note=note, partial=True
    )
    screen.app.push_screen(form, callback=saved)


def look_back_form(
    screen: FormsScreen, goal_id: int, title: str, decision: Mapping[str, Any]
) -> None:
    """ "How did the choice of X turn out?": the line kept with the opportunity's latest
    decision (accepted or declined), from the Opportunities tab (l) or the dashboard's Due."""
    today = screen.today()
    why = str(decision.get("why") or "")
    push_form(
        screen,
        "decision",
        ("looking_back",),
        lambda store, cleaned: opp.look_back(
            store, goal_id, cleaned.get("looking_back") or "", today
        ),
        values={"looking_back": decision.get("looking_back") or ""},
        title=compose(("How did the choice of ", "bold"), title, (" turn out?", "bold")),
        note=literal(
            f"You {decision['choice']} it on {decision['date']}" + (f": {why}" if why else "")
        ),
        done=lambda _: screen.notify("Looked back.", markup=False),
    )


class OpportunityActions(FormsScreen):
    """The Opportunities tab's actions, for the Roadmap screen."""

    data: RoadmapData

    def _tab(self) -> OpportunitiesTab:
        from careertui.widgets.roadmap.opportunities import OpportunitiesTab

        return self.query_one("#opportunities", OpportunitiesTab)

    def _chosen(self) -> dict[str, Any] | None:
        found = self._tab().opportunity()
        if found is None:
            self.notify("Add an opportunity first (a).", severity="warning")
        return found

    def action_add_opportunity(self) -> None:
        self.open_form(
            "goal",
            fields=("title", "kind", "due", "notes"),
            values={"kind": "opportunity"},
            title=Content("New opportunity: an offer, a move, a project").stylize("bold"),
        )

    def action_weigh_opportunity(self) -> None:
        found = self._chosen()
        if found is None:
            return
        today = self.today()
        push_form(
            self,
            "assessment",
            ASSESSMENT_FIELDS,
            lambda store, cleaned: opp.save_assessment(store, found["id"], cleaned, today),
            values=dict(found["assessment"] or {}),
            title=compose(("Weigh: ", "bold"), str(found["title"])),
            note=space_note(self.data.opportunities.get("space", {})),
            done=lambda _: self.notify("Weighed.", markup=False),
        )

    def action_set_weights(self) -> None:
        today = self.today()
        weights = self.data.opportunities.get("weights", {})
        push_form(
            self,
            "weights",
            tuple(weights) or ("skills",),
            lambda store, cleaned: opp.set_weights(store, cleaned, today),
            values=dict(weights),
            title=Content("Weights of the score (0 leaves a part out)").stylize("bold"),
            note=FORMULA,
        )

    def action_decide_opportunity(self) -> None:
        found = self._chosen()
        if found is None:
            return
        today = self.today()

        def write(store: Store, cleaned: dict[str, Any]) -> str:
            opp.decide(
                store, found["id"], cleaned.get("choice") or "", cleaned.get("why") or "", today
            )
            return str(cleaned["choice"])

        def decided(choice: Any) -> None:
            self.notify(f"Decided: {choice}.", markup=False)
            if choice == "accepted":
                self._after_accepting(found)

        push_form(
            self,
            "decision",
            ("choice", "why"),
            write,
            title=compose(("Decide: ", "bold"), str(found["title"])),
            note="Accepted or declined, you will be asked in 90 days how the choice turned out.",
            done=decided,
        )

    def _after_accepting(self, found: dict[str, Any]) -> None:
        """Offer to update the profile's roles, then to start a security check."""
        from careertui.widgets.confirm import ConfirmDialog

        question = compose(
            ("You accepted ", "bold"),
            str(found["title"]),
            (
                "\n\nUpdate your profile (current role, target role) and then check your "
                "employment security? Your pillars just moved.",
                "",
            ),
        )
        profile_id = self.data.profile.get("id")

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            self.open_form(
                "profile",
                profile_id,
                fields=("current_role", "target_role"),
                values={"current_role": found["title"]},
                title=Content("Your roles, after accepting").stylize("bold"),
                after=lambda _: self.open_form("security"),
            )

        self.app.push_screen(ConfirmDialog(question, "Update"), callback=answered)

    def action_look_back(self) -> None:
        found = self._chosen()
        if found is None:
            return
        decision = found.get("decision") or {}
        if decision.get("choice") not in ("accepted", "declined"):
            self.notify("Look back on an accepted or declined opportunity (v shows them).")
            return
        look_back_form(self, int(found["id"]), str(found["title"]), decision)
