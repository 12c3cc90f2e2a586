"""The packets for every audience: blocks as Markdown and HTML, the STAR paragraph and evidence
of a win, the week and month packets, and redaction."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser

from careertui.domain.packet import (
    Packet,
    PacketContact,
    PacketInteraction,
    PacketRequirement,
    PacketResponsibility,
    PacketWin,
    Writer,
    render_packet,
)
from careertui.domain.packet_doc import h1, h2, li, more, p, render_html, render_markdown
from careertui.domain.packet_period import (
    MonthPacket,
    PacketActionWeek,
    PacketSeen,
    WeekPacket,
    expected_in_week,
    month_blocks,
    week_blocks,
)
from careertui.domain.redact import Person, Redactor

STAR = PacketWin(
    "2026-12-01",
    "Launched the report with Dana Lee",
    "Adopted by 4 directors",
    situation="Nobody saw the platform's state",
    action="I built a weekly report for Acme",
    result="Directors use it",
    evidence=("https://wiki.example.com/report", "./docs/report.pdf"),
    id=1,
    responsibility="Stakeholder reporting",
    goal="Get promoted",
)
PLAIN = PacketWin("2026-12-02", "Fixed flaky CI", "TBD", id=2)
PACKET = Packet(
    start="2026-01-01",
    end="2026-12-31",
    today="2026-12-03",
    current_role="Senior Engineer",
    target_role="Staff Engineer",
    score=72,
    band="ready",
    days_to_review=28,
    responsibilities=(PacketResponsibility("Stakeholder reporting", True, (STAR,)),),
    unlinked_wins=(PLAIN,),
    goals=(),
    relationships=(
        PacketContact(
            "Dana Lee",
            "Acme",
            "VP Engineering",
            "decision-maker",
            (PacketInteraction("2026-11-02", "coffee", "Private: she is leaving Acme"),),
        ),
    ),
    gaps=(),
    requirements=(
        PacketRequirement("Set technical direction", "gap", "Lead the RFCs", (STAR,)),
        PacketRequirement("Mentor seniors", "partial", "", ()),
    ),
)
PEOPLE = [Person("Dana Lee", "Acme", "VP Engineering"), Person("Omar Ali", "", "")]


def test_markdown_win_has_its_star_paragraph_and_evidence_under_it() -> None:
    text = render_packet(PACKET)
    assert (
        "- 2026-12-01: Launched the report with Dana Lee. Impact: Adopted by 4 directors.\n"
        "  Situation: Nobody saw the platform's state. Action: I built a weekly report for Acme. "
        "Result: Directors use it.\n"
        "  - Evidence: https://wiki.example.com/report\n"
        "  - Evidence: ./docs/report.pdf\n\n"
    ) in text


def test_review_packet_has_the_evidence_for_the_next_role() -> None:
    text = render_packet(PACKET)
    section = text[text.index("## Evidence for the next role") : text.index("## Goals")]
    assert "1 of 2 requirements evidenced by wins." in section
    assert "### Set technical direction (gap)\n\nPlan: Lead the RFCs." in section
    assert "### Mentor seniors (partial)\n\nNo win evidences it yet." in section
    assert section.count("Launched the report") == 1


def test_redacted_packet_names_nobody_and_leaves_out_notes_and_links() -> None:
    text = render_packet(PACKET, redactor=Redactor(PEOPLE))
    for secret in ("Dana", "Acme", "Private", "leaving", "wiki.example", "report.pdf", "RFCs"):
        assert secret not in text, secret
    assert "Launched the report with a VP Engineering." in text
    assert "I built a weekly report for an organisation." in text
    assert "- a VP Engineering (decision-maker): 1 interaction, the latest on 2026-11-02." in text
    assert "  - 2026-11-02, coffee.\n" in text
    assert "Evidence on file: 2 items." in text


def test_redactor_handles_mentions_first_names_and_word_boundaries() -> None:
    r = Redactor(PEOPLE)
    assert r.text("Demo for @Dana and @omar, cc Dana.") == (
        "Demo for a VP Engineering and a contact, cc a VP Engineering."
    )
    assert r.text("@Zed said Danaher is fine") == "someone said Danaher is fine"
    assert r.text("@Dana Lee said, and @dana lee agreed") == (
        "a VP Engineering said, and a VP Engineering agreed"
    )
    assert r.text("Asked @Omar Ali") == "Asked a contact"
    assert r.text("Lee and Ali said omar ali is in a grace period") == (
        "a VP Engineering and a contact said a contact is in a grace period"
    )
    assert r.text("ACME and acme-wide") == "an organisation and an organisation-wide"
    assert Redactor(PEOPLE, active=False).text("Dana at Acme") == "Dana at Acme"
    assert Redactor([Person("Ann Bo", "", "Engineering Manager")]).person(
        Person("Ann Bo", "", "Engineering Manager")
    ) == ("an Engineering Manager")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.seen: list[tuple[str, dict[str, str | None]]] = []
        self.balanced = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append((tag, dict(attrs)))
        if tag not in ("meta",):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.balanced = False


def test_html_is_one_escaped_self_contained_page() -> None:
    evil = PacketWin(
        "2026-12-01",
        "<script>alert(1)</script> & co",
        "5 <b>",
        id=3,
        evidence=(
            'https://a.example/"><img src=x onerror=alert(1)>',
            "https://ok.example/doc?a=1&b=2",
        ),
    )
    packet = replace(PACKET, unlinked_wins=(evil,), current_role="<i>Senior</i>")
    page = render_packet(packet, fmt="html")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<script" not in page and "<img" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    parser = _Tags()
    parser.feed(page)
    assert parser.balanced and parser.stack == []
    tags = {tag for tag, _ in parser.seen}
    assert not tags & {"script", "link", "img", "iframe", "object"}
    hrefs = [attrs["href"] for tag, attrs in parser.seen if tag == "a"]
    assert hrefs.count("https://ok.example/doc?a=1&b=2") == 1  # the bad one is text, not a link
    assert re.search(r"@media print", page)
    assert not re.search(r"(src|href)=\"(?!https://ok\.example|https://wiki\.example)", page)


def test_nested_lists_in_html_close_in_order() -> None:
    blocks = [h1("T"), h2("S"), li("a"), more("a2"), li("b", 1), li("c", 1), li("d"), p("end")]
    page = render_html(blocks, "T")
    body = page[page.index("<h2>") : page.index("</body>")]
    assert body.replace("\n", "") == (
        "<h2>S</h2><ul><li>a<p>a2</p><ul><li>b</li><li>c</li></ul></li><li>d</li></ul><p>end</p>"
    )
    assert render_markdown(blocks) == "# T\n\n## S\n\n- a\n  a2\n  - b\n  - c\n- d\n\nend\n"


WEEK = WeekPacket(
    week="2026-W49",
    start=date(2026, 11, 30),
    end=date(2026, 12, 6),
    today=date(2026, 12, 3),
    current_role="Senior Engineer",
    target_role="",
    wins=(STAR, PLAIN),
    people=(PacketSeen("2026-12-01", "coffee", "Dana Lee", "Acme", "VP Engineering", "Roadmap"),),
    actions=(
        PacketActionWeek("Write a design note", "weekly:2", 2),
        PacketActionWeek("Code review", "daily", 3),
        PacketActionWeek("Read a paper", "monthly", 1),
    ),
    focus=("Ship the RFC", "Book the skip-level"),
)


def test_week_packet_is_a_manager_update() -> None:
    text = render_markdown(week_blocks(WEEK, Writer()))
    assert text.startswith("# Week update: 2026-W49\n\nMon 30 Nov to Sun 06 Dec 2026.")
    assert "2 wins, 1 with a measured impact." in text
    assert (
        "## People seen\n\n- 2026-12-01, coffee: Dana Lee, VP Engineering, Acme. Roadmap." in text
    )
    assert "- Write a design note (weekly:2): 2 of 2, met.\n" in text
    assert "- Code review (daily): 3 of 4 so far.\n" in text
    assert "- Read a paper (monthly): 1 check-in this week.\n" in text
    assert "## Next week's focus\n\n- Ship the RFC\n- Book the skip-level\n" in text
    redacted = render_markdown(week_blocks(WEEK, Writer(Redactor(PEOPLE))))
    assert "- 2026-12-01, coffee: a VP Engineering.\n" in redacted
    assert "Roadmap" not in redacted and "Dana" not in redacted


def test_expected_check_ins_count_the_days_of_the_week_so_far() -> None:
    monday = date(2026, 11, 30)
    assert expected_in_week("daily", monday, date(2026, 12, 3)) == 4
    assert expected_in_week("weekdays", monday, date(2026, 12, 6)) == 5
    assert expected_in_week("daily", monday, date(2026, 12, 20)) == 7
    assert expected_in_week("weekly:3", monday, monday) == 3
    assert expected_in_week("monthly:2", monday, monday) is None


def test_month_packet_groups_wins_by_goal_and_counts_them_by_responsibility() -> None:
    month = MonthPacket(
        start=date(2026, 12, 1),
        end=date(2026, 12, 31),
        today=date(2026, 12, 3),
        current_role="",
        target_role="Staff Engineer",
        wins=(STAR, PLAIN),
        goals=("Cut costs", "Get promoted"),
        responsibilities=("Stakeholder reporting", "Hiring"),
    )
    text = render_markdown(month_blocks(month, Writer()))
    assert text.startswith("# Month update: December 2026\n")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Month update: December 2026",
        "## Wins by goal",
        "### Get promoted",
        "### Not linked to a goal",
        "## Wins by responsibility",
    ]
    assert "Impact: Adopted by 4 directors. For: Stakeholder reporting.\n" in text
    assert "- Stakeholder reporting: 1 win.\n- Hiring: 0 wins.\n" in text
    assert "- Not linked to a responsibility: 1 win.\n" in text
