"""Who needs to hear from you, and which win to tell them: pure rules over loaded facts.

A win is worth telling a contact when it is in the review period (dated up to today) and they
have not heard of it (no "told" link, and their name is not in its `shared_with`). Among those,
the best to tell comes first: measured (its impact holds a number), linked to a responsibility
or a goal, linked to one the contact cares about (one that a win they already heard of, or a win
that mentions them, is linked to), mentioning them; the newest first among equals.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from careertui.domain.evidence import measured

SCORE_MEASURED = 4
SCORE_LINKED = 2
SCORE_CARED = 2
SCORE_MENTIONS = 3


@dataclass(frozen=True, slots=True)
class WinFact:
    """A win of the review period, with what links it to a contact's interests."""

    id: int
    date: str
    title: str
    impact: str
    responsibility_id: int | None = None
    responsibility: str = ""
    goal_id: int | None = None
    goal: str = ""


@dataclass(frozen=True, slots=True)
class ToTell:
    win: WinFact
    score: int
    why: tuple[str, ...]
    """The reasons, in words: "measured", the responsibility or goal, "mentions them"."""


def interests(wins: Iterable[WinFact]) -> frozenset[tuple[str, int]]:
    """The responsibilities and goals the given wins are linked to: ("resp"|"goal", id)."""
    found: set[tuple[str, int]] = set()
    for win in wins:
        if win.responsibility_id is not None:
            found.add(("resp", win.responsibility_id))
        if win.goal_id is not None:
            found.add(("goal", win.goal_id))
    return frozenset(found)


def _rate(win: WinFact, cares: frozenset[tuple[str, int]], mentioned: bool) -> ToTell:
    score, why = 0, []
    if measured(win.impact):
        score += SCORE_MEASURED
        why.append("measured")
    links = [
        (kind, ref, label)
        for kind, ref, label in (
            ("resp", win.responsibility_id, win.responsibility),
            ("goal", win.goal_id, win.goal),
        )
        if ref is not None
    ]
    if links:
        score += SCORE_LINKED
        why += [label for _, _, label in links if label]
    if any((kind, ref) in cares for kind, ref, _ in links):
        score += SCORE_CARED
        why.append("a subject they care about")
    if mentioned:
        score += SCORE_MENTIONS
        why.append("mentions them")
    return ToTell(win, score, tuple(why))


def worth_telling(
    wins: Sequence[WinFact],
    heard: Iterable[int],
    cares: frozenset[tuple[str, int]],
    mentioning: Iterable[int] = (),
) -> list[ToTell]:
    """The wins (already limited to the review period, up to today) the contact has not
    heard of, best to tell first."""
    heard_ids, mention_ids = set(heard), set(mentioning)
    rated = [_rate(win, cares, win.id in mention_ids) for win in wins if win.id not in heard_ids]
    rated.sort(key=lambda item: (-item.score, _newest(item.win)))
    return rated


def _newest(win: WinFact) -> tuple[int, int]:
    return (-date.fromisoformat(win.date).toordinal(), -win.id)


@dataclass(frozen=True, slots=True)
class Listener:
    """A decision-maker or sponsor, with what they have heard and care about."""

    contact_id: int
    name: str
    influence: str
    knows_me: int
    heard: frozenset[int]
    cares: frozenset[tuple[str, int]]
    mentioning: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class TellThem:
    contact_id: int
    name: str
    influence: str
    best: ToTell


INFLUENCE_ORDER = {"decision-maker": 0, "sponsor": 1}


def tell_them(listeners: Iterable[Listener], wins: Sequence[WinFact]) -> list[TellThem]:
    """Each listener paired with the best measured win they have not heard of (none: left
    out), best first: the higher score, then decision-makers before sponsors, then whoever
    knows your work least.

    A listener's best win is the best of a few: the first they have not heard of in the order
    of the wins' own scores, the first of each subject they care about (its bonus may lift it
    above), and the wins that mention them; so hundreds of listeners over a year of wins cost
    a few steps each rather than a ranking of every win each."""
    ranked = sorted(
        (_rate(win, frozenset(), False) for win in wins if measured(win.impact)),
        key=lambda item: (-item.score, _newest(item.win)),
    )
    by_subject: dict[tuple[str, int], list[WinFact]] = {}
    for item in ranked:
        for subject in interests([item.win]):
            by_subject.setdefault(subject, []).append(item.win)
    by_id = {item.win.id: item.win for item in ranked}
    people = list(listeners)
    pairs = []
    for person in people:

        def first(
            candidates: Iterable[WinFact], heard: frozenset[int] = person.heard
        ) -> list[WinFact]:
            return next(([win] for win in candidates if win.id not in heard), [])

        few = first(item.win for item in ranked)
        for subject in person.cares:
            few += first(by_subject.get(subject, ()))
        few += [by_id[i] for i in person.mentioning if i in by_id and i not in person.heard]
        rated = [_rate(win, person.cares, win.id in person.mentioning) for win in few]
        if rated:
            best = min(rated, key=lambda item: (-item.score, _newest(item.win)))
            pairs.append(TellThem(person.contact_id, person.name, person.influence, best))
    order = {person.contact_id: person for person in people}
    pairs.sort(
        key=lambda pair: (
            -pair.best.score,
            INFLUENCE_ORDER.get(pair.influence, 2),
            order[pair.contact_id].knows_me,
            pair.name.casefold(),
            pair.contact_id,
        )
    )
    return pairs


def overdue(days_since: int | None, every: int | None) -> float | None:
    """How overdue a contact is relative to their own cadence: (days since last seen − cadence)
    ÷ cadence; positive when overdue (1.0 = a whole cadence late). None without a cadence or
    when never seen (the caller counts from the day the contact was added instead)."""
    if not every or days_since is None:
        return None
    return (days_since - every) / every
