"""Shell completion of names: contacts, actions, goals, responsibilities, requirements, and the
records `show`, `edit` and `delete` name. It reads the journal read-only and quietly: a missing
or unreadable file completes nothing rather than printing an error into the shell."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

MOST = 50
"""Names offered at most."""


def names(ctx: click.Context, kind: str, incomplete: str, *, every: bool = False) -> list[Any]:
    """The names of `kind` that `incomplete` may mean; `every`: of all its records, not only
    those a link may name (milestones are goals `show` and `edit` name, but no win's goal)."""
    try:
        from click.shell_completion import CompletionItem

        from careertui.cli.base import NAMED_KINDS, db_path
        from careertui.domain.names import candidates
        from careertui.store import Store

        path = db_path(ctx)
        if not path.exists():
            return []
        with Store(path, write=False) as store:
            named = store.names(kind, where="" if every else NAMED_KINDS.get(kind, ""))
        found = candidates(incomplete, named) if incomplete.strip() else named
        folded = incomplete.casefold()
        found.sort(key=lambda item: not item[1].casefold().startswith(folded))
        return [CompletionItem(name) for _, name in found[:MOST] if "\n" not in name]
    except Exception:  # noqa: BLE001 - completion never fails loudly
        return []


def complete_name(kind: str) -> Callable[[click.Context, click.Parameter, str], list[Any]]:
    """A `shell_complete` for an argument or option that names a record of `kind`."""

    def complete(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[Any]:
        return names(ctx, kind, incomplete)

    return complete
