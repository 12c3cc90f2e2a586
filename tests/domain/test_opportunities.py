"""Weighing opportunities: the score against hand-computed cases, the comparison's marks and
colours, salaries as typed, and the 90-day look-back."""

from datetime import date

import pytest

from careertui.domain.due import Decided, look_backs_due
from careertui.domain.money import parse_money, parse_pay
from careertui.domain.opportunities import (
    BEST,
    FAIR,
    GOOD,
    NONE,
    PARTS,
    POOR,
    column_chunks,
    compare,
    format_comparison,
    score,
    weights_of,
)

EQUAL = weights_of(None)
PILLARS_ONLY = {**{p: 0.0 for p in PARTS}, **dict.fromkeys(("skills", "performance"), 1.0)}

# Each case worked by hand: a pillar counts (v+2)/4, a fit (v-1)/4, pay min(1, pay/target);
# the score is 100 × Σ w·part / Σ w over the parts assessed, rounded half up.
CASES = [
    # every pillar +2 and every fit 5: all parts 1 → 100
    (
        {"skills": 2, "performance": 2, "network": 2, "job_search": 2, "finances": 2}
        | {"domain": 5, "function": 5, "problems": 5, "activities": 5},
        EQUAL,
        None,
        100,
        ("pay",),
    ),
    # every pillar -2, every fit 1 → 0
    (
        {"skills": -2, "performance": -2, "network": -2, "job_search": -2, "finances": -2}
        | {"domain": 1, "function": 1, "problems": 1, "activities": 1},
        EQUAL,
        None,
        0,
        ("pay",),
    ),
    # skills +2 (1), finances -1 (0.25), domain 4 (0.75): 2/3 = 66.67 → 67
    ({"skills": 2, "finances": -1, "domain": 4}, EQUAL, None, 67, None),
    # the same with skills weighted 2: (2·1 + 0.25 + 0.75)/4 = 0.75 → 75
    ({"skills": 2, "finances": -1, "domain": 4}, {**EQUAL, "skills": 2.0}, None, 75, None),
    # pay 90k of a 120k target: 0.75; with skills 0 (0.5): 1.25/2 = 62.5 → 63 (half up)
    ({"skills": 0, "pay": 90_000}, EQUAL, 120_000.0, 63, None),
    # pay above the target counts 1, not more: (1 + 0)/2 = 50
    ({"pay": 150_000, "network": -2}, EQUAL, 120_000.0, 50, None),
    # pay without a target salary is left out: only network +1 → 75
    ({"pay": 150_000, "network": 1}, EQUAL, None, 75, None),
    # a part weighted 0 is out of the score and not "missing": performance -1 → 25
    ({"skills": 2, "performance": -1}, {**PILLARS_ONLY, "skills": 0.0}, None, 25, ()),
    # weights 0.1 and 0.2 taken as typed: (0.1·1 + 0.2·0.5)/0.3 = 2/3 → 67
    (
        {"skills": 2, "performance": 0},
        {**PILLARS_ONLY, "skills": 0.1, "performance": 0.2},
        None,
        67,
        (),
    ),
    # fit 2 and 3: (0.25 + 0.5)/2 = 37.5 → 38
    ({"function": 2, "problems": 3}, EQUAL, None, 38, None),
    # nothing assessed: no score
    ({}, EQUAL, None, None, None),
]


@pytest.mark.parametrize(("assessment", "weights", "target", "expected", "missing"), CASES)
def test_score_against_hand_computed_cases(assessment, weights, target, expected, missing) -> None:
    result = score(assessment, weights, target)
    assert result.value == expected
    if missing is not None:
        assert result.missing == missing
    weighted = [p for p in PARTS if weights[p] > 0]
    assert set(result.counted) | set(result.missing) == set(weighted)


def test_unassessed_parts_are_named() -> None:
    result = score({"skills": 1}, EQUAL, None)
    assert result.counted == ("skills",)
    assert "domain" in result.missing and "pay" in result.missing


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("150000", 150_000),
        ("$150,000", 150_000),
        ("150k", 150_000),
        ("150 K a year", 150_000),
        ("€1.2m", 1_200_000),
        ("140-160k", 140_000),  # a range counts from its floor
        ("140 to 160 k", 140_000),
        ("about 95000 EUR", 95_000),
        ("", None),
        ("competitive", None),
        (0, None),
        (120_000.0, 120_000),
    ],
)
def test_parse_money(text, amount) -> None:
    assert parse_money(text) == amount


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("120000", 120_000),
        ("120k", 120_000),
        ("$120,000", 120_000),
        ("€1.2m", 1_200_000),
        ("150 000", 150_000),
        (" 95000€ ", 95_000),
        (120_000.0, 120_000),
        # the whole text must be one amount: nothing read that was not typed
        ("1e308", None),
        ("-5", None),
        ("120k maybe", None),
        ("140-160k", None),
        ("0", None),
        ("nan", None),
        ("$", None),
    ],
)
def test_parse_pay_reads_only_a_whole_amount(text, amount) -> None:
    assert parse_pay(text) == amount


def test_comparison_marks_the_best_and_colours_cells() -> None:
    a = {"skills": 2, "finances": -1, "domain": 4, "pay": 140_000, "timeframe": "March"}
    b = {"skills": 1, "finances": 2, "domain": 4, "pay": 165_000}
    table = compare([("Acme", a), ("Globex", b), ("Venture", None)], EQUAL, 150_000.0)
    rows = {row.part: row.cells for row in table.rows}
    assert [c.best for c in rows["skills"]] == [True, False, False]
    assert [c.best for c in rows["finances"]] == [False, True, False]
    assert [c.best for c in rows["domain"]] == [False, False, False]  # a tie stands out nowhere
    assert [c.best for c in rows["pay"]] == [False, True, False]
    assert [c.text for c in rows["skills"]] == ["+2", "+1", "—"]
    assert [c.text for c in rows["pay"]] == ["140k 93%", "165k 110%", "—"]
    assert [c.level for c in rows["skills"]] == [GOOD, GOOD, NONE]
    assert [c.level for c in rows["finances"]] == [POOR, GOOD, NONE]
    assert [c.level for c in rows["pay"]] == [FAIR, GOOD, NONE]
    assert rows["timeframe"][0].text == "March"
    # Acme: (1 + .25 + .75 + 14/15)/4 = 0.7333 → 73; Globex: (.75 + 1 + .75 + 1)/4 = 87.5 → 88
    assert [c.text for c in rows["score"]] == ["73", "88", "—"]
    assert [c.best for c in rows["score"]] == [False, True, False]
    assert table.rows[-1].part == "score"


def test_three_opportunities_fit_80_columns() -> None:
    table = compare(
        [("A very long opportunity title indeed", {"skills": 2}), ("B", {}), ("C", {})],
        EQUAL,
        None,
    )
    lines = format_comparison(table, 80)
    assert all(len(line) <= 80 for line in lines)
    assert len(lines) == 1 + len(table.rows)  # one table: the header and a line per row
    assert BEST not in lines[1]  # one assessed value alone is not "the best"
    assert column_chunks(5, 80) == [range(0, 3), range(3, 5)]
    assert column_chunks(5, 120) == [range(0, 4), range(4, 5)]


def test_look_back_is_due_90_days_after_accepting_or_declining() -> None:
    decided = [
        Decided(1, "Acme", "accepted", date(2026, 9, 1), False),
        Decided(2, "Globex", "declined", date(2026, 9, 2), False),
        Decided(3, "Initech", "dropped", date(2026, 1, 1), False),
        Decided(4, "Venture", "pursuing", date(2026, 1, 1), False),
        Decided(5, "Hooli", "accepted", date(2026, 1, 1), True),  # answered already
    ]
    due = look_backs_due(decided, date(2026, 11, 30))
    assert [(d.goal_id, d.due) for d in due] == [(1, date(2026, 11, 30))]
    assert due[0].text == "How did the choice of Acme turn out?"
    due = look_backs_due(decided, date(2026, 12, 1))
    assert [d.goal_id for d in due] == [1, 2]


def test_the_assessment_reads_pay_as_typed_in_the_form() -> None:
    """The weigh form types pay as text, like the CLI: 120k is an amount there too."""
    from datetime import date

    from careertui.domain.records import ValidationError, validate

    today = date(2026, 12, 3)
    assert validate("assessment", {"pay": "$120,000"}, today, partial=True) == {"pay": 120_000}
    assert validate("assessment", {"pay": ""}, today, partial=True) == {"pay": None}
    with pytest.raises(ValidationError, match="'-5' is not an amount"):
        validate("assessment", {"pay": "-5"}, today, partial=True)
