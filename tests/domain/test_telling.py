"""Which win to tell whom: the ranking of worth_telling and tell_them, and the overdue ratio."""

from careertui.domain.telling import (
    Listener,
    WinFact,
    overdue,
    tell_them,
    worth_telling,
)

MEASURED = WinFact(1, "2026-10-01", "Cut latency", "p99 from 900 to 200 ms")
LINKED = WinFact(2, "2026-11-01", "Ran the offsite", "", responsibility_id=7, responsibility="Team")
BOTH = WinFact(3, "2026-09-01", "Saved $40k", "40k a year", goal_id=5, goal="Cost")
NEWER = WinFact(4, "2026-11-20", "Cut build time", "12 to 4 minutes")


def test_measured_and_linked_first_then_newest() -> None:
    ranked = worth_telling([MEASURED, LINKED, BOTH, NEWER], heard=[], cares=frozenset())
    assert [t.win.id for t in ranked] == [3, 4, 1, 2]
    assert ranked[0].why == ("measured", "Cost")


def test_heard_wins_are_left_out_and_cared_subjects_and_mentions_count() -> None:
    ranked = worth_telling(
        [MEASURED, LINKED, BOTH], heard=[3], cares=frozenset({("resp", 7)}), mentioning=[2]
    )
    assert [t.win.id for t in ranked] == [2, 1]
    assert ranked[0].score == 2 + 2 + 3
    assert "mentions them" in ranked[0].why


def person(cid: int, name: str, influence: str, knows: int, heard: set[int]) -> Listener:
    return Listener(cid, name, influence, knows, frozenset(heard), frozenset())


def test_tell_them_pairs_each_listener_with_a_measured_win_best_first() -> None:
    people = [
        person(1, "Sam Park", "sponsor", 0, set()),
        person(2, "Dana Lee", "decision-maker", 2, set()),
        person(3, "Ada Moss", "decision-maker", 0, {1, 3, 4}),  # heard of every measured win
        person(4, "Bo Chan", "decision-maker", 0, {3}),
    ]
    pairs = tell_them(people, [MEASURED, LINKED, BOTH, NEWER])
    assert [(p.name, p.best.win.id) for p in pairs] == [
        ("Dana Lee", 3),
        ("Sam Park", 3),
        ("Bo Chan", 4),
    ]


def test_overdue_is_relative_to_the_cadence() -> None:
    assert overdue(60, 30) == 1.0
    assert overdue(20, 30) == -1 / 3
    assert overdue(None, 30) is None
    assert overdue(10, None) is None


def test_tell_them_finds_what_ranking_every_win_finds() -> None:
    import random

    rng = random.Random(7)
    wins = [
        WinFact(
            n,
            f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
            f"win {n}",
            rng.choice(["", "by 40%", "faster"]),
            rng.choice([None, 1, 2]),
            goal_id=rng.choice([None, 5]),
        )
        for n in range(1, 200)
    ]
    people = [
        Listener(
            n,
            f"p{n}",
            "sponsor",
            0,
            frozenset(rng.sample(range(1, 200), 50)),
            frozenset(rng.sample([("resp", 1), ("resp", 2), ("goal", 5)], rng.randint(0, 2))),
            frozenset(rng.sample(range(1, 200), 5)),
        )
        for n in range(1, 30)
    ]
    measured_wins = [w for w in wins if any(ch.isdigit() for ch in w.impact)]
    for pair in tell_them(people, wins):
        person = people[pair.contact_id - 1]
        every = worth_telling(measured_wins, person.heard, person.cares, person.mentioning)
        assert pair.best == every[0]


def test_measured_is_the_readiness_rule_ascii_digits() -> None:
    # readiness and the store's measured filter read a digit as SQLite's GLOB '[0-9]' does;
    # a number in other digits ("٣", "³") is no measured impact here either
    other = WinFact(5, "2026-11-21", "Helped", "٣ teams, ³ users")
    ranked = worth_telling([other, NEWER], heard=[], cares=frozenset())
    assert [(t.win.id, "measured" in t.why) for t in ranked] == [(4, True), (5, False)]
    assert tell_them([person(1, "Ada", "sponsor", 0, set())], [other]) == []
