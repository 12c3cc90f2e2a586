"""The review packet's Markdown, rendered from plain data."""

from __future__ import annotations

from dataclasses import replace

from careertui.domain.packet import (
    Packet,
    PacketContact,
    PacketGap,
    PacketGoal,
    PacketInteraction,
    PacketResponsibility,
    PacketWin,
    render_packet,
)

REPORT = PacketWin(
    "2026-03-04",
    "Launched the platform health report",
    "Adopted by 4 directors",
    ("reporting", "visibility"),
)
PACKET = Packet(
    start="2026-01-01",
    end="2026-12-31",
    today="2026-11-23",
    current_role="Senior Engineer",
    target_role="Staff Engineer",
    score=72,
    band="ready",
    days_to_review=38,
    responsibilities=(
        PacketResponsibility(
            "Stakeholder reporting",
            True,
            (
                REPORT,
                PacketWin("2026-05-01", "Quarterly review done!", "", ()),
            ),
        ),
        PacketResponsibility("Hiring and interviewing", True, ()),
        PacketResponsibility(
            "Release management",
            False,
            (PacketWin("2026-02-02", "Cut release 4.2", "Shipped 2 days early.", ("release",)),),
        ),
    ),
    unlinked_wins=(PacketWin("2026-06-30", "Gave the all-hands talk", "150 attendees", ()),),
    goals=(
        PacketGoal(
            "Get promoted to Staff Engineer",
            "goal",
            "active",
            "2026-12-31",
            "staff expectations with evidence",
            8,
            6,
            (PacketGoal("Write the proposal", "milestone", "done", "2026-03-01", "", None, None),),
        ),
        PacketGoal("Start a platform guild", "opportunity", "done", None, "teams", 3.0, 3.0),
        PacketGoal("Cut p99 latency", "goal", "done", "2026-09-01", "ms", 300, None),
        PacketGoal("Answer the survey", "goal", "done", None, "", None, 1),
        PacketGoal("Read the book", "goal", "done", None, "chapters", None, None),
    ),
    relationships=(
        PacketContact(
            "Dana Lee",
            "Acme",
            "VP Engineering",
            "decision-maker",
            (
                PacketInteraction("2026-09-01", "coffee", "Promotion timeline"),
                PacketInteraction("2026-11-02", "meeting", ""),
            ),
        ),
        PacketContact(
            "Grace Kim",
            "",
            "",
            "sponsor",
            (PacketInteraction("2026-10-10", "call", "Reviewed my narrative."),),
        ),
    ),
    gaps=(
        PacketGap("coverage", 13.3, "Link a win to: Hiring and interviewing"),
        PacketGap("self_check", 5.0, "Do a perception check, the last one was 45 days ago"),
    ),
)

EXPECTED = """\
# Review packet: 2026-01-01 to 2026-12-31

Role: Senior Engineer, working towards Staff Engineer.

Review readiness: 72/100 (ready), 38 days to the review on 2026-12-31. Prepared on 2026-11-23.

## Wins by responsibility

### Stakeholder reporting

- 2026-03-04: Launched the platform health report. Impact: Adopted by 4 directors. \
Tags: reporting, visibility.
- 2026-05-01: Quarterly review done!

### Hiring and interviewing

None in this period.

### Release management (no longer in the job description)

- 2026-02-02: Cut release 4.2. Impact: Shipped 2 days early. Tags: release.

## Other wins

- 2026-06-30: Gave the all-hands talk. Impact: 150 attendees.

## Goals and milestones reached

- Get promoted to Staff Engineer (goal, in progress, due 2026-12-31). \
Progress: 6 of 8 staff expectations with evidence.
  - Write the proposal (milestone, reached, due 2026-03-01).
- Start a platform guild (opportunity, reached). Progress: 3 of 3 teams.
- Cut p99 latency (goal, reached, due 2026-09-01). Target: 300 ms.
- Answer the survey (goal, reached). Progress: 1.
- Read the book (goal, reached). Metric: chapters.

## Key relationships built

- Dana Lee, VP Engineering, Acme (decision-maker): 2 interactions, the latest on 2026-11-02.
  - 2026-09-01, coffee: Promotion timeline.
  - 2026-11-02, meeting.
- Grace Kim (sponsor): 1 interaction, the latest on 2026-10-10.
  - 2026-10-10, call: Reviewed my narrative.

## Readiness gaps left

- Link a win to: Hiring and interviewing (coverage, 13.3 points).
- Do a perception check, the last one was 45 days ago (self check, 5 points).
"""


def test_the_packet_reads_as_expected() -> None:
    assert render_packet(PACKET) == EXPECTED


def test_sections_come_in_order_with_one_title() -> None:
    lines = render_packet(PACKET).splitlines()
    assert [line for line in lines if line.startswith("#")] == [
        "# Review packet: 2026-01-01 to 2026-12-31",
        "## Wins by responsibility",
        "### Stakeholder reporting",
        "### Hiring and interviewing",
        "### Release management (no longer in the job description)",
        "## Other wins",
        "## Goals and milestones reached",
        "## Key relationships built",
        "## Readiness gaps left",
    ]


def test_an_empty_year_still_reads_well() -> None:
    empty = replace(
        PACKET,
        current_role="",
        target_role="",
        score=0,
        band="not ready",
        days_to_review=None,
        responsibilities=(),
        unlinked_wins=(),
        goals=(),
        relationships=(),
        gaps=(),
    )
    assert (
        render_packet(empty)
        == """\
# Review packet: 2026-01-01 to 2026-12-31

Review readiness: 0/100 (not ready). Prepared on 2026-11-23.

## Wins by responsibility

No responsibilities recorded yet.

## Other wins

None in this period.

## Goals and milestones reached

None in this period.

## Key relationships built

None in this period.

## Readiness gaps left

None: every part of the readiness score has full marks.
"""
    )


def test_review_day_and_a_passed_review() -> None:
    assert "72/100 (ready), the review is today." in render_packet(
        replace(PACKET, days_to_review=0)
    )
    assert "72/100 (ready), the review date passed 1 day ago." in render_packet(
        replace(PACKET, days_to_review=-1)
    )
    assert "Role: Senior Engineer.\n" in render_packet(replace(PACKET, target_role=""))
    assert "Working towards Staff Engineer.\n" in render_packet(replace(PACKET, current_role=""))


def test_user_text_is_literal_but_without_controls_or_line_breaks() -> None:
    hostile = PacketWin(
        "2026-03-04",
        "[bold]Done[/] \x1b]0;owned\x07\nsecond line",
        "*not* markup\r\n\x9b2J",
        ("a\x1bb",),
    )
    text = render_packet(
        replace(
            PACKET,
            unlinked_wins=(hostile,),
            relationships=(
                PacketContact(
                    "Eve\u202e",
                    "",
                    "",
                    "sponsor",
                    (PacketInteraction("2026-01-02", "call", "line one\nline two"),),
                ),
            ),
        )
    )
    assert (
        "- 2026-03-04: [bold]Done[/] \ufffd]0;owned\ufffd second line. "
        "Impact: *not* markup\ufffd \ufffd2J. Tags: a\ufffdb."
    ) in text
    assert "- Eve\ufffd (sponsor): 1 interaction, the latest on 2026-01-02.\n" in text
    assert "  - 2026-01-02, call: line one line two.\n" in text
    assert not any(ch in text for ch in "\x1b\x07\x9b\r\u202e")
