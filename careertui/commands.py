"""Command palette providers: go to any screen, and find any entry by its text."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual.command import Hit, Hits, Provider

from careertui.domain.text import one_line
from careertui.widgets.safe import compose

if TYPE_CHECKING:
    from careertui.app import CareerApp


def _search(path: object, query: str) -> list[dict[str, object]]:
    from careertui.store import Store

    with Store(path, write=False) as store:  # type: ignore[arg-type]
        try:
            return store.search(query, limit=20)
        except ValueError:
            return []


class EntrySearch(Provider):
    """Full-text search of wins, notes, interactions, contacts and goals; newest first."""

    async def search(self, query: str) -> Hits:
        if len(query.strip()) < 2:
            return
        app: CareerApp = self.app  # type: ignore[assignment]
        try:
            hits = await asyncio.to_thread(_search, app.db_path, query)
        except Exception:  # noqa: BLE001 - a refused read just finds nothing here
            return
        for rank, hit in enumerate(hits):
            kind, record_id = str(hit["kind"]), int(hit["id"])  # type: ignore[call-overload]
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
