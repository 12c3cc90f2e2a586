"""What is due (docs/FORMULAS.md): follow-ups, milestones in the next 14 days, the security check."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from careertui.domain.due import (
    FollowUp,
    KeepInTouch,
    Milestone,
    MilestoneDue,
    OpenFollowUp,
    SecurityStatus,
    follow_ups_due,
    milestones_due,
    security_status,
)

D = date.fromisoformat
TODAY = D("2026-03-15")


def test_interaction_follow_ups_on_or_before_today() -> None:
    items = [
        OpenFollowUp(1, 10, "Dana Lee", D("2026-03-15"), "Send the deck"),
        OpenFollowUp(2, 11, "Sam Park", D("2026-03-01"), "line one\nline two\x1b[31m"),
        OpenFollowUp(3, 10, "Dana Lee", D("2026-03-16"), "tomorrow: not yet"),
        OpenFollowUp(4, 12, "Ann", D("2026-03-10")),
    ]
    assert follow_ups_due(items, [], TODAY) == [
        FollowUp(
            "interaction",
            11,
            "Sam Park",
            2,
            D("2026-03-01"),
            14,
            "Follow up with Sam Park: line one line two\ufffd[31m",
        ),
        FollowUp("interaction", 12, "Ann", 4, D("2026-03-10"), 5, "Follow up with Ann"),
        FollowUp(
            "interaction",
            10,
            "Dana Lee",
            1,
            D("2026-03-15"),
            0,
            "Follow up with Dana Lee: Send the deck",
        ),
    ]


@pytest.mark.parametrize(
    ("every", "last_seen", "created", "due", "text"),
    [
        (
            30,
            "2026-02-13",
            "2025-01-01",
            "2026-03-15",
            "Get in touch with Dana Lee (every 30 days), last seen 30 days ago",
        ),  # exactly now
        (30, "2026-02-14", "2025-01-01", None, None),  # tomorrow
        (
            7,
            "2026-01-15",
            "2025-01-01",
            "2026-01-22",
            "Get in touch with Dana Lee (every 7 days), last seen 59 days ago",
        ),
        (
            1,
            "2026-03-14",
            "2025-01-01",
            "2026-03-15",
            "Get in touch with Dana Lee (every 1 days), last seen 1 day ago",
        ),
        # never seen: the clock starts when the contact was added
        (
            30,
            None,
            "2026-02-01",
            "2026-03-03",
            "Get in touch with Dana Lee (every 30 days), never seen",
        ),
        (30, None, "2026-03-01", None, None),
    ],
)
def test_stay_in_touch(
    every: int, last_seen: str | None, created: str, due: str | None, text: str | None
) -> None:
    contact = KeepInTouch(7, "Dana Lee", every, D(last_seen) if last_seen else None, D(created))
    result = follow_ups_due([], [contact], TODAY)
    if due is None:
        assert result == []
    else:
        assert result == [
            FollowUp("contact", 7, "Dana Lee", None, D(due), (TODAY - D(due)).days, text or "")
        ]


def test_follow_ups_are_listed_most_overdue_first() -> None:
    result = follow_ups_due(
        [OpenFollowUp(1, 1, "Bea", D("2026-03-10")), OpenFollowUp(2, 2, "al", D("2026-03-03"))],
        [
            KeepInTouch(3, "Cy", 10, D("2026-02-21"), D("2025-01-01")),
            KeepInTouch(2, "al", 5, None, D("2026-02-26")),
        ],
        TODAY,
    )
    assert [(f.kind, f.contact, f.due.isoformat()) for f in result] == [
        ("interaction", "al", "2026-03-03"),
        ("contact", "al", "2026-03-03"),  # names ignore case
        ("contact", "Cy", "2026-03-03"),
        ("interaction", "Bea", "2026-03-10"),
    ]


def test_milestones_due_within_14_days_overdue_included() -> None:
    milestones = [
        Milestone(1, "Draft", "Promotion", D("2026-03-29")),  # day 14: in
        Milestone(2, "Pitch", "Promotion", D("2026-03-30")),  # day 15: out
        Milestone(3, "Late", None, D("2026-02-01")),
        Milestone(4, "Today", "Talk", TODAY),
    ]
    assert milestones_due(milestones, TODAY) == [
        MilestoneDue(3, "Late", None, D("2026-02-01"), -42),
        MilestoneDue(4, "Today", "Talk", TODAY, 0),
        MilestoneDue(1, "Draft", "Promotion", D("2026-03-29"), 14),
    ]


SCORES = {"skills": 4, "performance": 3, "network": 2, "job_search": 2, "finances": 5}


@pytest.mark.parametrize(
    ("last", "scores", "status"),
    [
        (None, None, SecurityStatus(True, None, None, None, None)),
        ("2025-12-15", SCORES, SecurityStatus(False, D("2025-12-15"), "network", 2, 90)),
        ("2025-12-14", SCORES, SecurityStatus(True, D("2025-12-14"), "network", 2, 91)),
        ("2026-03-15", {**SCORES, "finances": 1}, SecurityStatus(False, TODAY, "finances", 1, 0)),
        # ties go to the foundation of the hierarchy: job skills first
        (
            "2026-03-01",
            dict.fromkeys(SCORES, 3),
            SecurityStatus(False, D("2026-03-01"), "skills", 3, 14),
        ),
        ("2026-03-16", SCORES, SecurityStatus(True, None, None, None, None)),  # future
    ],
)
def test_security_status(
    last: str | None, scores: dict[str, int] | None, status: SecurityStatus
) -> None:
    assert security_status(D(last) if last else None, scores, TODAY) == status


def test_ninety_days_is_the_interval() -> None:
    day = TODAY - timedelta(days=90)
    assert not security_status(day, SCORES, TODAY).due
    assert security_status(day - timedelta(days=1), SCORES, TODAY).due
