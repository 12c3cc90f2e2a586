"""The win form: the EntryForm of a win, with its STAR fields, its evidence as a list (enter
opens a link or file with the system's opener, delete removes it, the box below adds one) and
the target-role requirements it evidences (a multi-select: space ticks one).

Evidence is opened with an argument list (`domain.evidence.opener_argv`), never through a
shell, in a session of its own so that the opener outlives nothing of ours and writes nothing
on our terminal.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from careertui.domain.evidence import (
    STAR_PARTS,
    EvidenceError,
    evidence_items,
    is_web_link,
    join_evidence,
    opener_argv,
)
from careertui.domain.text import printable
from careertui.store.evidence import WinChoices
from careertui.widgets.form import EntryForm

LinkSaver = Callable[[int, list[int]], None]


def open_evidence(item: str) -> None:
    """Open a link or a file with the system's opener; raises EvidenceError or OSError."""
    target = item if is_web_link(item) else os.path.expanduser(item)
    subprocess.Popen(  # noqa: S603 - an argument list, no shell
        opener_argv(target),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
    )


class EvidenceList(Vertical):
    """Links or paths, one an option; enter opens one, delete removes it; the box adds one."""

    DEFAULT_CSS = """
    EvidenceList #evidence-list { height: auto; max-height: 6; background: $boost; }
    EvidenceList #evidence-new { width: 100%; background: $boost; }
    """
    BINDINGS = [Binding("delete", "remove", "Remove", show=False)]

    def __init__(self, items: Sequence[str]) -> None:
        super().__init__(id="evidence", classes="form-field")
        self.items = list(items)

    def compose(self) -> ComposeResult:
        yield Label("Evidence: links or file paths (enter opens one, delete removes it)")
        yield OptionList(id="evidence-list", compact=True)
        yield Input(placeholder="add a link or path, then enter", id="evidence-new", compact=True)

    def on_mount(self) -> None:
        self._fill()

    def _fill(self) -> None:
        options = self.query_one("#evidence-list", OptionList)
        options.clear_options()
        options.add_options([Option(Text(printable(item))) for item in self.items])
        options.display = bool(self.items)

    @on(Input.Submitted, "#evidence-new")
    def _add(self, event: Input.Submitted) -> None:
        event.stop()
        new = [i for i in evidence_items(event.value) if i not in self.items]
        self.items += new
        event.input.value = ""
        if new:
            self._fill()

    @on(OptionList.OptionSelected, "#evidence-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.items[event.option_index]
        try:
            open_evidence(item)
        except (EvidenceError, OSError) as exc:
            self.notify(f"Cannot open {printable(item)}: {exc}", severity="error", markup=False)
            return
        self.notify(f"Opening {printable(item)}", markup=False)

    def action_remove(self) -> None:
        options = self.query_one("#evidence-list", OptionList)
        if options.has_focus and options.highlighted is not None and self.items:
            del self.items[options.highlighted]
            self._fill()
            if self.items:
                options.focus()
            else:
                self.query_one("#evidence-new").focus()


class WinForm(EntryForm):
    """A win's EntryForm with its evidence and the requirements it evidences; on save, the
    win is written, then its requirement links (`save_links(win_id, requirement_ids)`)."""

    CSS = """
    WinForm .form-box { height: 90%; }
    WinForm .form-fields { height: 1fr; max-height: 100%; }
    WinForm .form-long { height: 3; }
    WinForm #win-requirements { height: auto; max-height: 8; background: $boost; }
    """
    """The form is taller than most: the dialog takes 90% of the height and its fields scroll
    within it, so that its keys line stays in sight (as the app's own style, which a widget's
    DEFAULT_CSS would not override)."""

    def __init__(
        self, context: WinChoices, save_links: LinkSaver, kind: str, fields: Sequence[str],
        save: Callable[[dict[str, Any]], Any], **kwargs: Any,
    ) -> None:  # fmt: skip
        story = [name for name, _ in STAR_PARTS if name not in fields]
        shown = [name for name in (*fields, *story) if name != "evidence"]
        super().__init__(kind, shown, self._save_with_links, **kwargs)
        self.context = context
        self.save_record = save
        self.save_links = save_links
        self.win_id = self.initial.get("id")
        self.requirement_ids: list[int] = list(context.links.get(self.win_id or 0, ()))

    def _save_with_links(self, cleaned: dict[str, Any]) -> Any:
        """In the form's worker thread: the record, then its links."""
        win_id = self.save_record(cleaned)
        if isinstance(win_id, int):
            self.save_links(win_id, self.requirement_ids)
        return win_id

    def on_mount(self) -> None:
        fields = self.query_one(".form-fields")
        fields.mount(EvidenceList(evidence_items(self.initial.get("evidence"))))
        if not self.context.requirements:
            fields.mount(
                Static(
                    "Target-role requirements: none yet (Roadmap, 2 then t, adds them).",
                    classes="form-note",
                )
            )
            return
        linked = set(self.requirement_ids)
        picker: SelectionList[int] = SelectionList(
            *(
                (Text(f"{printable(title)} [{status}]"), rid, rid in linked)
                for rid, title, status in self.context.requirements
            ),
            id="win-requirements",
            compact=True,
        )
        fields.mount(
            Vertical(
                Label("Evidence for the target role's requirements (space ticks one)"),
                picker,
                classes="form-field",
            )
        )

    def collect(self) -> dict[str, Any]:
        values = super().collect()
        evidence = self.query_one(EvidenceList)
        typed = self.query_one("#evidence-new", Input).value  # saved even without its enter
        values["evidence"] = join_evidence([*evidence.items, *evidence_items(typed)])
        pickers = self.query("#win-requirements")
        if pickers:
            self.requirement_ids = list(pickers.first(SelectionList).selected)
        return values


def link_saver(db_path: Path) -> LinkSaver:
    """`save_links` for the form: link a win to requirements in the file at `db_path`."""

    def save_links(win_id: int, requirement_ids: list[int]) -> None:
        from careertui.store import Store
        from careertui.store.evidence import set_requirements

        with Store(db_path) as store:
            set_requirements(store, win_id, requirement_ids)

    return save_links
