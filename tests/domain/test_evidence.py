"""Wins that hold up: evidence links, the STAR paragraph, "Measure:" reminders, the promotion
case and the status the wins suggest for a requirement."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from careertui.domain.due import UnmeasuredWin, measure_due
from careertui.domain.evidence import (
    EvidenceError,
    evidence_items,
    is_web_link,
    join_evidence,
    measured,
    opener_argv,
    star_paragraph,
)
from careertui.domain.promotion import RequirementFacts, promotion_case, suggested_status

TODAY = date(2026, 12, 3)


def test_evidence_is_one_item_a_line_without_blanks_or_repeats() -> None:
    text = " https://wiki/x \n\n./report.pdf\nhttps://wiki/x\n"
    assert evidence_items(text) == ["https://wiki/x", "./report.pdf"]
    assert join_evidence(["a", " ", "b", "a"]) == "a\nb"
    assert evidence_items(None) == []


@pytest.mark.parametrize(
    ("item", "web"),
    [
        ("https://wiki.example.com/x", True),
        ("HTTP://a.b/c", True),
        ("./report.pdf", False),
        ("javascript:alert(1)", False),
        ('https://a.b/"><script>', False),
        ("https://a.b/c d", False),
    ],
)
def test_only_plain_http_addresses_are_web_links(item: str, web: bool) -> None:
    assert is_web_link(item) is web


def test_the_opener_is_an_argument_list_never_a_shell_line() -> None:
    assert opener_argv("https://a.b/?q=1&r=$(rm -rf ~)", "linux") == [
        "xdg-open",
        "https://a.b/?q=1&r=$(rm -rf ~)",
    ]
    assert opener_argv("~/Docs/a b.pdf", "darwin") == ["open", "~/Docs/a b.pdf"]
    # an item starting with '-' is a path, never an option of the opener
    assert opener_argv("--help", "linux") == ["xdg-open", "./--help"]
    assert opener_argv("-rf", "darwin") == ["open", "./-rf"]
    with pytest.raises(EvidenceError):
        opener_argv("  ", "linux")


def test_star_paragraph_keeps_the_parts_given_as_sentences() -> None:
    assert star_paragraph("Builds took 40 min", "", "Down to 12 min!") == (
        "Situation: Builds took 40 min. Result: Down to 12 min!"
    )
    assert star_paragraph("", None, "  ") == ""
    assert star_paragraph("a\nb", "I split\tthe suite", "x") == (
        "Situation: a b. Action: I split the suite. Result: x."
    )


def test_measured_means_a_digit() -> None:
    assert measured("cut close 30%") and not measured("TBD") and not measured(None)


@pytest.mark.parametrize(
    ("age", "due_at"),
    [(29, None), (30, 30), (36, 30), (37, None), (59, None), (60, 60), (90, 90), (96, 90)],
)
def test_an_unmeasured_win_is_due_for_a_week_at_30_60_and_90_days(
    age: int, due_at: int | None
) -> None:
    win = UnmeasuredWin(7, "Fixed flaky CI", TODAY - timedelta(days=age))
    due = measure_due([win], TODAY)
    if due_at is None:
        assert due == []
    else:
        assert [(d.win_id, d.age, d.text) for d in due] == [
            (7, due_at, f"Measure: Fixed flaky CI ({due_at} days old)")
        ]
    assert measure_due([UnmeasuredWin(1, "x", TODAY - timedelta(days=97))], TODAY) == []


@pytest.mark.parametrize(
    ("status", "wins", "suggested"),
    [
        ("gap", 1, None),
        ("gap", 2, "partial"),
        ("gap", 5, "partial"),
        ("partial", 3, None),
        ("partial", 4, "have"),
        ("have", 9, None),
    ],
)
def test_wins_suggest_one_step_up(status: str, wins: int, suggested: str | None) -> None:
    assert suggested_status(status, wins) == suggested


def test_the_promotion_case_counts_evidenced_requirements_and_names_the_missing() -> None:
    facts = [
        RequirementFacts(1, "Set direction", "have", "", 3),
        RequirementFacts(2, "Mentor seniors", "partial", "Run the clinic", 0),
        RequirementFacts(3, "Own a budget", "gap", "", 0),
        RequirementFacts(4, "Hire", "have", "", 0),
        RequirementFacts(5, "Talk at a conference", "gap", "Submit a CFP", 0),
    ]
    case = promotion_case(facts)
    assert (case.evidenced, case.total, case.text) == (1, 5, "1/5 requirements evidenced")
    assert case.next_steps == (
        "Evidence Own a budget (gap): link a win to it",
        "Evidence Talk at a conference (gap): Submit a CFP",
        "Evidence Mentor seniors (partial): Run the clinic",
    )
    assert promotion_case([]).text == "No target-role requirements yet"
