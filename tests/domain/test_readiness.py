"""Review readiness (docs/FORMULAS.md): period rules, the five parts, score, band, gaps, days to review."""

from __future__ import annotations

import math
from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careertui.domain.readiness import (
    FULL_MARKS,
    Gap,
    KeyContact,
    ReadinessFacts,
    ReviewPeriod,
    band,
    months_reached,
    review_readiness,
)
from careertui.domain.readiness_points import period_bounds

D = date.fromisoformat


def review_period(
    start: date | None, review: date | None, today: date, first: date | None = None
) -> ReviewPeriod:
    """The period the store builds from the profile's dates and the first entry."""
    return ReviewPeriod(*period_bounds(start, review, today, first))


TODAY = D("2026-03-15")


@pytest.mark.parametrize(
    ("start", "review", "today", "period"),
    [
        ("2025-07-01", "2026-06-30", "2026-03-15", ("2025-07-01", "2026-06-30")),
        (None, "2026-06-30", "2026-03-15", ("2025-06-30", "2026-06-30")),
        (None, None, "2026-03-15", ("2025-03-15", "2026-03-15")),
        ("2025-07-01", None, "2026-03-15", ("2025-03-15", "2026-03-15")),  # a start alone
        (None, "2025-12-31", "2026-03-15", ("2024-12-31", "2025-12-31")),  # review in the past
        (None, "2024-03-01", "2024-03-01", ("2023-03-02", "2024-03-01")),  # 365 days, leap year
    ],
)
def test_review_period(
    start: str | None, review: str | None, today: str, period: tuple[str, str]
) -> None:
    got = review_period(D(start) if start else None, D(review) if review else None, D(today))
    assert got == ReviewPeriod(D(period[0]), D(period[1]))


@pytest.mark.parametrize(
    ("start", "review", "first", "period", "chosen"),
    [
        (None, "2026-06-30", "2026-01-10", ("2026-01-10", "2026-06-30"), "first entry"),
        (None, None, "2026-01-10", ("2026-01-10", "2026-03-15"), "first entry"),
        (None, "2026-06-30", "2024-01-10", ("2025-06-30", "2026-06-30"), "year"),  # older journal
        (None, "2026-06-30", "2026-07-02", ("2025-06-30", "2026-06-30"), "year"),  # after the end
        ("2025-07-01", "2026-06-30", "2026-01-10", ("2025-07-01", "2026-06-30"), "set"),
        ("2026-02-01", None, "2026-01-10", ("2026-01-10", "2026-03-15"), "first entry"),
    ],
)
def test_a_new_journal_is_counted_from_its_first_entry(
    start: str | None, review: str | None, first: str, period: tuple[str, str], chosen: str
) -> None:
    got = review_period(D(start) if start else None, D(review) if review else None, TODAY, D(first))
    assert (got.start, got.end, got.chosen) == (D(period[0]), D(period[1]), chosen)
    # consistency counts months from the period's start: a journal begun in January is not
    # short of the eleven months before it
    assert months_reached(got, TODAY)[0] == period[0][:7]


@pytest.mark.parametrize(
    ("start", "end", "today", "months"),
    [
        (
            "2025-11-20",
            "2026-06-30",
            "2026-03-15",
            ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03"],
        ),
        ("2026-03-31", "2026-06-30", "2026-03-31", ["2026-03"]),
        ("2026-04-01", "2026-06-30", "2026-03-31", []),  # not started yet
        ("2025-01-31", "2025-03-01", "2026-03-15", ["2025-01", "2025-02", "2025-03"]),  # past
    ],
)
def test_months_reached(start: str, end: str, today: str, months: list[str]) -> None:
    assert months_reached(ReviewPeriod(D(start), D(end)), D(today)) == months


def facts(**changes: object) -> ReadinessFacts:
    base: dict[str, object] = {
        "responsibilities": {1: "Stakeholder reporting", 2: "Hiring", 3: "Roadmap", 4: "Budget"},
        "covered": frozenset({2, 3, 4}),
        "wins": 10,
        "measured": 7,
        "win_months": frozenset({"2026-01", "2026-02"}),
        "key_contacts": (
            KeyContact("Dana Lee", "decision-maker", TODAY - timedelta(days=120)),
            KeyContact("Sam Park", "sponsor", TODAY - timedelta(days=10)),
        ),
        "last_perception": TODAY - timedelta(days=45),
        "unmeasured_example": "Ran the offsite",
    }
    base.update(changes)
    return ReadinessFacts(**base)  # type: ignore[arg-type]


PERIOD = ReviewPeriod(D("2025-12-01"), D("2026-06-30"))  # reached: 2025-12 .. 2026-03


def test_a_typical_journal() -> None:
    result = review_readiness(facts(), PERIOD, D("2026-06-30"), TODAY)
    assert result.parts == {
        "coverage": Fraction(30),
        "evidence": Fraction(14),
        "consistency": Fraction(15, 2),
        "visibility": Fraction(15, 2),
        "self_check": Fraction(5),
    }
    assert result.score == 64  # 64.0
    assert result.band == "getting there"
    assert result.days_to_review == 107
    assert result.gaps == (
        Gap("coverage", Fraction(10), "Link a win to: Stakeholder reporting"),
        Gap("consistency", Fraction(15, 2), "Log a win in: 2025-12, 2026-03"),
        Gap(
            "visibility",
            Fraction(15, 2),
            "Talk to Dana Lee (decision-maker), last seen 120 days ago",
        ),
        Gap("evidence", Fraction(6), 'Add a measured impact to 3 wins, e.g. "Ran the offsite"'),
        Gap("self_check", Fraction(5), "Do a perception check, the last one was 45 days ago"),
    )


def test_a_period_with_no_responsibilities_wins_or_contacts() -> None:
    empty = ReadinessFacts({}, frozenset(), 0, 0, frozenset(), (), None)
    result = review_readiness(empty, PERIOD, None, TODAY)
    assert result.score == 0
    assert result.band == "not ready"
    assert all(points == 0 for points in result.parts.values())
    assert result.days_to_review is None
    assert [(g.part, g.points, g.text) for g in result.gaps] == [
        ("coverage", 40, "Add the lines of your job description as responsibilities"),
        ("evidence", 20, "Log a win with a measured impact (a number)"),
        ("consistency", 15, "Log a win in: 2026-01, 2026-02, 2026-03 (and 1 more)"),
        ("visibility", 15, "Add a decision-maker or sponsor of your promotion to your network"),
        ("self_check", 10, "Do a perception check"),
    ]


def test_full_marks_leave_no_gaps() -> None:
    result = review_readiness(
        facts(
            covered=frozenset({1, 2, 3, 4}),
            measured=10,
            win_months=frozenset({"2025-12", "2026-01", "2026-02", "2026-03"}),
            key_contacts=(KeyContact("Dana Lee", "decision-maker", TODAY),),
            last_perception=TODAY - timedelta(days=30),
        ),
        PERIOD,
        D("2026-06-30"),
        TODAY,
    )
    assert (result.score, result.band, result.gaps) == (100, "rock it", ())


def test_the_score_rounds_half_up() -> None:
    # 40 × 1/16 = 2.5: round() would give 2.
    sixteen = {i: f"R{i}" for i in range(1, 17)}
    empty = facts(
        responsibilities=sixteen,
        covered=frozenset({1}),
        wins=0,
        measured=0,
        win_months=frozenset(),
        key_contacts=(),
        last_perception=None,
    )
    result = review_readiness(empty, PERIOD, None, TODAY)
    assert result.parts["coverage"] == Fraction(5, 2)
    assert result.score == 3
    # 62.5 exactly: 40 × 5/8 + 20 × 5/8 + 15 + 0 + 10 — up again.
    eight = {i: f"R{i}" for i in range(1, 9)}
    result = review_readiness(
        facts(
            responsibilities=eight,
            covered=frozenset(range(1, 6)),
            wins=8,
            measured=5,
            win_months=frozenset({"2025-12", "2026-01", "2026-02", "2026-03"}),
            key_contacts=(),
            last_perception=TODAY,
        ),
        PERIOD,
        None,
        TODAY,
    )
    assert sum(result.parts.values()) == Fraction(125, 2)
    assert result.score == 63


@pytest.mark.parametrize(
    ("score", "name"),
    [
        (0, "not ready"),
        (39, "not ready"),
        (40, "getting there"),
        (69, "getting there"),
        (70, "ready"),
        (89, "ready"),
        (90, "rock it"),
        (100, "rock it"),
    ],
)
def test_bands(score: int, name: str) -> None:
    assert band(score) == name


@pytest.mark.parametrize(
    ("age", "points", "text"),
    [
        (0, 10, None),
        (30, 10, None),
        (31, 5, "Do a perception check, the last one was 31 days ago"),
        (90, 5, "Do a perception check, the last one was 90 days ago"),
        (91, 0, "Do a perception check, the last one was 91 days ago"),
        (-1, 0, "Do a perception check"),  # dated tomorrow: not a check yet
        (None, 0, "Do a perception check"),
    ],
)
def test_self_check(age: int | None, points: int, text: str | None) -> None:
    last = None if age is None else TODAY - timedelta(days=age)
    result = review_readiness(facts(last_perception=last), PERIOD, None, TODAY)
    assert result.parts["self_check"] == points
    gaps = {g.part: g.text for g in result.gaps}
    assert gaps.get("self_check") == text


@pytest.mark.parametrize(
    ("contacts", "points", "text"),
    [
        ([("A", "sponsor", 90)], 15, None),  # the last 90 days include today - 90
        ([("A", "sponsor", 91)], 0, "Talk to A (sponsor), last seen 91 days ago"),
        (
            [("A", "sponsor", 0), ("B", "decision-maker", None)],
            Fraction(15, 2),
            "Talk to B (decision-maker), never seen",
        ),
        # never seen first, then the longest unseen
        (
            [("A", "sponsor", 200), ("B", "decision-maker", 100), ("C", "sponsor", None)],
            0,
            "Talk to C (sponsor), never seen",
        ),
        (
            [("A", "sponsor", 200), ("B", "decision-maker", 100)],
            0,
            "Talk to A (sponsor), last seen 200 days ago",
        ),
        ([("A", "sponsor", 1), ("B", "sponsor", 1), ("C", "decision-maker", 1)], 15, None),
        (
            [("P", "peer", 1)],
            0,
            "Add a decision-maker or sponsor of your promotion to your network",
        ),  # peers ignored
    ],
)
def test_visibility(
    contacts: list[tuple[str, str, int | None]], points: Fraction, text: str | None
) -> None:
    key = tuple(
        KeyContact(name, influence, None if age is None else TODAY - timedelta(days=age))
        for name, influence, age in contacts
    )
    result = review_readiness(facts(key_contacts=key), PERIOD, None, TODAY)
    assert result.parts["visibility"] == points
    assert {g.part: g.text for g in result.gaps}.get("visibility") == text


def test_evidence_and_coverage_texts() -> None:
    result = review_readiness(facts(wins=3, measured=2, unmeasured_example=""), PERIOD, None, TODAY)
    assert {g.part: g.text for g in result.gaps}["evidence"] == "Add a measured impact to 1 win"
    assert result.parts["evidence"] == Fraction(40, 3)


@pytest.mark.parametrize(
    ("period", "review", "months", "consistency", "text", "days"),
    [
        # a review date in the past: every month of the period is reached
        (
            ("2025-01-01", "2025-12-31"),
            "2025-12-31",
            {"2025-06"},
            Fraction(5, 4),
            "Log a win in: 2025-10, 2025-11, 2025-12 (and 8 more)",
            -74,
        ),
        # a period that has not started: nothing reached, no points
        (
            ("2026-04-01", "2026-09-30"),
            "2026-09-30",
            set(),
            0,
            "Log wins once the review period starts on 2026-04-01",
            199,
        ),
        (("2026-03-01", "2026-09-30"), "2026-09-30", {"2026-03"}, 15, None, 199),
    ],
)
def test_consistency_and_days_to_review(
    period: tuple[str, str],
    review: str,
    months: set[str],
    consistency: Fraction,
    text: str | None,
    days: int,
) -> None:
    result = review_readiness(
        facts(win_months=frozenset(months)),
        ReviewPeriod(D(period[0]), D(period[1])),
        D(review),
        TODAY,
    )
    assert result.parts["consistency"] == consistency
    assert {g.part: g.text for g in result.gaps}.get("consistency") == text
    assert result.days_to_review == days


@given(
    st.integers(0, 12),
    st.data(),
    st.integers(0, 50),
    st.data(),
    st.lists(st.one_of(st.none(), st.integers(-5, 400)), max_size=6),
    st.one_of(st.none(), st.integers(-5, 200)),
)
def test_readiness_is_within_0_100_and_the_rounded_sum_of_its_parts(
    responsibilities: int,
    covered_data: st.DataObject,
    wins: int,
    measured_data: st.DataObject,
    ages: list[int | None],
    perception_age: int | None,
) -> None:
    covered = covered_data.draw(st.integers(0, responsibilities))
    measured = measured_data.draw(st.integers(0, wins))
    contacts = tuple(
        KeyContact(f"C{i}", "sponsor", None if age is None else TODAY - timedelta(days=age))
        for i, age in enumerate(ages)
    )
    result = review_readiness(
        ReadinessFacts(
            {i: f"R{i}" for i in range(responsibilities)},
            frozenset(range(covered)),
            wins,
            measured,
            frozenset({"2026-01"}),
            contacts,
            None if perception_age is None else TODAY - timedelta(days=perception_age),
        ),
        PERIOD,
        None,
        TODAY,
    )
    total = sum(result.parts.values(), Fraction(0))
    assert 0 <= result.score <= 100
    assert result.score == math.floor(total + Fraction(1, 2))
    assert result.band == band(result.score)
    for name, points in result.parts.items():
        assert 0 <= points <= FULL_MARKS[name]
    assert {g.part: g.points for g in result.gaps} == {
        name: FULL_MARKS[name] - points
        for name, points in result.parts.items()
        if points < FULL_MARKS[name]
    }
    assert [g.points for g in result.gaps] == sorted((g.points for g in result.gaps), reverse=True)


def test_the_points_are_exact_and_the_score_rounds_half_up() -> None:
    from careertui.domain.readiness_points import score, self_check_points

    assert score([(125, 2)]) == 63  # 62.5
    assert score([(40 * 1, 3), (20 * 1, 6), (15, 1)]) == 32  # 13.33 + 3.33 + 15 = 31.67
    assert score([(1, 6), (1, 3)]) == 1  # exactly 0.5
    assert score([(0, 1), (0, 3)]) == 0
    assert [self_check_points(age) for age in (None, 0, 30, 31, 90, 91)] == [
        (0, 1),
        (10, 1),
        (10, 1),
        (10, 2),
        (10, 2),
        (0, 1),
    ]
