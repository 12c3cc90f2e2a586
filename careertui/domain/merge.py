"""The merge rules of sync, as pure functions (docs/SYNC.md says them in words).

A version of a record is its `updated_at` (or the time it was deleted), the device that wrote
it, whether it is a delete, and `base`: the time of the version it was edited from. Every device
applies the same rules to the same versions, so every device ends in the same state whatever
order the change files arrive in:

- the version with the latest time wins; equal times go to the greater device id, and at the
  same time and device a delete beats an edit (it came after it);
- the loser is a *conflict* (kept for the person to see) when the winner was made without
  seeing it: its time is after the winner's base;
- an edit is always later than the version it was edited from (`after`), even on a device whose
  clock is behind, so a device's own edit never loses to what it had already seen.

Names that find records stay unique: when two live records of a named kind share a name, the
oldest keeps it and the others are shown with a suffix (`display_names`), a rule over the set of
live records only, so it comes out the same everywhere.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

NAMED_KINDS = {"contact": None, "action": None, "responsibility": None, "goal": "milestone"}
"""Kinds whose title finds a record, so two live ones must not share it; the value is a `kind`
field value exempt from the rule (milestones are found under their goal)."""

SINGLE_KINDS = ("profile", "weights")
"""Kinds of one record per journal: two devices' first records of them are one record."""


class Version(NamedTuple):
    stamp: str
    device: str
    deleted: bool = False
    base: str | None = None


def instant(stamp: str) -> datetime:
    """A timestamp as a comparable instant; one without an offset is taken as UTC."""
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def order(version: Version) -> tuple[datetime, str, bool]:
    return instant(version.stamp), version.device, version.deleted


def beats(a: Version, b: Version) -> bool:
    """Whether version `a` wins over version `b` of the same record."""
    return order(a) > order(b)


def same(a: Version, b: Version) -> bool:
    return order(a) == order(b)


def unseen(winner: Version, loser: Version) -> bool:
    """Whether `winner` was made without seeing `loser`: then `loser` is a conflict."""
    return winner.base is None or instant(loser.stamp) > instant(winner.base)


def after(base: str | None, stamp: str) -> str:
    """`stamp` for an edit of the version timed `base`, moved to a second after `base` when the
    device's clock put it at or before it."""
    if base is None or instant(stamp) > instant(base):
        return stamp
    return (instant(base) + timedelta(seconds=1)).isoformat()


def digest(content: Mapping[str, Any]) -> str:
    """A hash of a record's content, to tell an edit from a save that changed nothing."""
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def suffixed(name: str, uuid: str) -> str:
    """The name a record is shown with while an older record has its name."""
    return f"{name} ({uuid[:6]})"


def display_names(records: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """(uuid, created_at, name) of the live records of one named kind → the name each is shown
    with: among records whose names are equal ignoring case, the oldest (created_at, then uuid)
    keeps its name and the others are suffixed."""
    groups: dict[str, list[tuple[datetime, str, str]]] = {}
    for uid, created, name in records:
        key = " ".join(name.casefold().split())  # as domain/names.py compares names
        groups.setdefault(key, []).append((instant(created), uid, name))
    shown: dict[str, str] = {}
    for members in groups.values():
        members.sort()
        for position, (_, uid, name) in enumerate(members):
            shown[uid] = name if position == 0 or not name.strip() else suffixed(name, uid)
    return shown
