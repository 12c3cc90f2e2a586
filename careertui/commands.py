"""Command palette providers: go to any screen, find any entry by its text, and the app's
actions (add, check in, the review, the packet, a backup)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from careertui.domain.text import one_line
from careertui.widgets.safe import compose

if TYPE_CHECKING:
    from careertui.app import CareerApp
    from careertui.store import Store

T = TypeVar("T")


def _search(path: Path, query: str) -> list[dict[str, Any]]:
    from careertui.store import Store

    with Store(path, write=False) as store:
        try:
            return store.search(query, limit=20)
        except ValueError:
            return []


class EntrySearch(Provider):
    """Full-text search of wins, notes, interactions, contacts and goals; newest first."""

    async def search(self, query: str) -> Hits:
        if len(query.strip()) < 2:
            return
        app = cast("CareerApp", self.app)
        try:
            hits = await asyncio.to_thread(_search, app.db_path, query)
        except Exception:  # noqa: BLE001 - a refused read just finds nothing here
            return
        for rank, hit in enumerate(hits):
            kind, record_id = str(hit["kind"]), int(hit["id"])
            title = one_line(str(hit["title"] or ""), 80)
            snippet = one_line(str(hit["snippet"] or ""), 100)
            # The entry's title names it; where the words were found follows, dimmed. (Hit.help
            # is read as markup by Textual: it must never hold user text.)
            found = f"  {snippet}" if snippet and snippet.strip("…") not in title else ""
            yield Hit(
                1.0 - rank / 100,
                compose((f"{kind:<12}", "dim"), title, (found, "dim italic")),
                lambda k=kind, i=record_id: app.open_entry(k, i),
                text=f"{kind} {title}",
                help=f"{hit['date'] or ''} — open this {kind}",
            )


class ActionCommands(Provider):
    """The app's actions (careertui/tui/palette.py): add a win, a note, a contact or an
    interaction; check in each active key action; start the weekly review; write the packet;
    back up. Listed when the palette opens, and found by their words."""

    def _fixed(self) -> list[tuple[str, str, Callable[[], object]]]:
        from careertui.tui import palette

        app = cast("CareerApp", self.app)
        found: list[tuple[str, str, Callable[[], object]]] = [
            (command, help_text, partial(palette.add, app, kind))
            for kind, command, help_text in palette.ADD
        ]
        found.append(
            (
                "Start the weekly review",
                "close the week in five steps (6)",
                partial(app.action_go, "review"),
            )
        )
        found.append(
            (
                "Write the packet",
                "review, week or month: choose it and where to write it",
                partial(palette.write_packet, app),
            )
        )
        found.append(
            (
                "Back up the journal",
                "a consistent copy in the data folder's backups/",
                partial(palette.back_up, app),
            )
        )
        return found

    async def discover(self) -> Hits:
        for command, help_text, run in self._fixed():
            yield DiscoveryHit(command, run, help=help_text)

    async def search(self, query: str) -> Hits:
        from careertui.tui import palette

        matcher = self.matcher(query)
        for command, help_text, run in self._fixed():
            score = matcher.match(command)
            if score > 0:
                yield Hit(score, matcher.highlight(command), run, help=help_text)
        app = cast("CareerApp", self.app)
        try:
            actions = await asyncio.to_thread(_read, app.db_path, palette.active_actions)
        except Exception:  # noqa: BLE001 - a refused read just offers no check-ins
            return
        for action_id, title in actions:
            command = f"Check in: {one_line(title, 60)}"
            score = matcher.match(command)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command),
                    partial(palette.check_in, app, action_id, title),
                    text=command,
                    help="check this key action in today",
                )


def _read(path: Path, fn: Callable[[Store], T]) -> T:
    from careertui.store import Store

    with Store(path, write=False) as store:
        return fn(store)
