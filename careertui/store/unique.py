"""The name rule: records found by name (`--contact "Dana Lee"`, `check WALK`) have a name no
other record of their kind has, ignoring case and spacing (domain/names.py). A second "Dana Lee"
would make every later `--contact "Dana Lee"` ambiguous.

One rule for every way in: `add`, `edit` and the TUI's forms (Store.insert/update) and import
(store/importer.py, which writes rows itself), refused with the same message.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from careertui.domain.names import exact
from careertui.domain.records import KINDS, ValidationError

NAMED_KINDS = {"contact": "", "action": "", "responsibility": "", "goal": "kind != 'milestone'"}
"""Kinds found by name, with the records a name must be unique among (milestones are found
through their goal, so two goals may each have a milestone called 'Draft')."""


def _key(name: str) -> str:
    """A name as domain/names.py compares it (case and spacing ignored): the index's key."""
    return " ".join(str(name).casefold().split())


class NameRule:
    """The names of each kind read once from the file, then kept up to date as records are
    written: an import checks thousands of records against them."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._names: dict[str, dict[int, str]] = {}
        self._index: dict[str, dict[str, set[int]]] = {}

    def _load(self, kind_name: str) -> None:
        if kind_name in self._names:
            return
        kind = KINDS[kind_name]
        where = NAMED_KINDS[kind_name]
        sql = f'SELECT id, "{kind.title_field}" FROM "{kind.table}"'
        rows = self.conn.execute(sql + (f" WHERE {where}" if where else "")).fetchall()
        self._names[kind_name] = {}
        self._index[kind_name] = {}
        for record_id, name in rows:
            self._set(kind_name, int(record_id), str(name or ""))

    def _set(self, kind_name: str, record_id: int, name: str | None) -> None:
        names, index = self._names[kind_name], self._index[kind_name]
        old = names.pop(record_id, None)
        if old is not None:
            index.get(_key(old), set()).discard(record_id)
        if name is not None:
            names[record_id] = name
            index.setdefault(_key(name), set()).add(record_id)

    @staticmethod
    def applies(kind_name: str, values: Mapping[str, Any]) -> bool:
        title = KINDS[kind_name].title_field if kind_name in KINDS else ""
        return (
            kind_name in NAMED_KINDS
            and title in values
            and not (kind_name == "goal" and values.get("kind") == "milestone")
        )

    def check(self, kind_name: str, values: Mapping[str, Any], own_id: int | None = None) -> None:
        """Refuse `values` (a whole record, or the fields an edit changes) whose name another
        record of the kind holds; `own_id` is the record being changed."""
        if not self.applies(kind_name, values):
            return
        self._load(kind_name)
        kind = KINDS[kind_name]
        name = str(values[kind.title_field] or "")
        names = self._names[kind_name]
        same = self._index[kind_name].get(_key(name), set()) - {own_id}
        found = exact(name, [(i, names[i]) for i in sorted(same)])
        if not found:
            return
        which = f" (#{found[0][0]}: {found[0][1]})" if len(found) == 1 else ""
        label = kind.label.lower()
        article = "an" if label[0] in "aeiou" else "a"
        raise ValidationError(
            kind.title_field,
            f"{article} {label} named {name.strip()!r} exists already{which}; "
            "names find records, so pick another",
        )

    def note(self, kind_name: str, record_id: int, values: Mapping[str, Any]) -> None:
        """Record that `record_id` now holds `values` (after the write the check allowed)."""
        if kind_name not in self._names:
            return  # never loaded: read fresh when first needed
        if kind_name == "goal" and values.get("kind") == "milestone":
            self._set(kind_name, record_id, None)
        elif KINDS[kind_name].title_field in values:
            self._set(kind_name, record_id, str(values[KINDS[kind_name].title_field] or ""))
