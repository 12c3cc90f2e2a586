"""The contacts review readiness's visibility counts: decision-makers and sponsors, by name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careertui.domain.readiness import KEY_INFLUENCES

if TYPE_CHECKING:
    from careertui.store.store import Store


def key_contact_names(store: Store) -> list[str]:
    marks = ", ".join("?" for _ in KEY_INFLUENCES)
    rows = store.query(
        f"SELECT name FROM contacts WHERE influence IN ({marks}) ORDER BY name", KEY_INFLUENCES
    )
    return [str(row["name"]) for row in rows]
