"""The demo's evidence-grade wins: STAR stories and evidence links on a few wins, and the wins
that evidence the target role's requirements.

Made after the rest of the demo year, without the seeded generator, so the earlier
records come out as before (their dates, impacts and readiness are unchanged). The links make
every part of the Target role tab show: a `partial` with four wins (suggested as `have`), a
`gap` with two (suggested as `partial`), and a gap with none (the promotion case's next step).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from careertui.demo.year import Rows, Year

STORIES = (
    (
        "Shared the event bus migration retrospective",
        "Two teams had stalled on the event bus migration and were about to fork the client.",
        "Wrote up what the payments migration taught us and walked the staff forum through it.",
        "Both teams picked dates for their migration the same week.",
        ("https://wiki.example.com/payments/event-bus-retro", "~/career/staff-forum-slides.pdf"),
    ),
    (
        "Delivered the payouts API beta",
        "Three partners were waiting on payouts to launch in Q4.",
        "Cut the beta to the two flows they needed and ran weekly calls with their engineers.",
        "The beta went live on time and paid out from day one.",
        ("https://github.com/example/payouts-api/releases/tag/beta-1",),
    ),
    (
        "Presented the Q1 payments health review",
        "On-call load was rising and the SRE request had been turned down twice.",
        "Built the case from incident and page data; 10 minutes, 3 charts, one ask.",
        "The VP approved the extra SRE in the meeting.",
        ("~/career/q1-payments-health-review.pdf",),
    ),
    (
        "Shipped the refund service rewrite",
        "Refunds timed out at peak and finance chased them by hand.",
        "Rewrote the service around an idempotent queue, shipped behind a flag over 3 weeks.",
        "Refunds stopped timing out; finance closed its manual refund queue.",
        ("https://wiki.example.com/payments/refund-rewrite", "~/career/refund-p99.png"),
    ),
)
"""(the start of a win's title, situation, action, result, evidence links and paths)."""

LINKS = (
    (
        "Sets technical direction",
        (
            "Wrote the ADR for moving payments",
            "Migrated 14 services",
            "Led the cross-team design of the ledger",
            "Led the design of the new payouts API",
        ),
    ),
    ("Leads multi-quarter", ("Migrated 14 services", "Delivered the multi-currency checkout")),
    ("Influences without authority", ("Proposed the platform guild", 'Wrote "How we run')),
    ("Presents to executives", ("Presented the Q1 payments", "Sent the Q3 stakeholder update")),
    (
        "Grows other senior engineers",
        ("Mentored Priya", "Coached two engineers", "Paired with Sam on his first design"),
    ),
    ("Writes strategy documents", ("Wrote the ADR for moving payments", "Wrote the reliability")),
)
"""(the start of a requirement's title, the starts of the wins that evidence it)."""


def _starting(rows: Rows, field: str, start: str) -> dict[str, Any]:
    return next(row for row in rows if str(row[field]).startswith(start))


def evidence(year: Year, tables: dict[str, Rows]) -> dict[str, Rows]:
    """STAR stories and evidence on the wins of STORIES (changed in `tables["win"]`), and the
    requirement links of LINKS as export rows."""
    for start, situation, action, result, items in STORIES:
        win = _starting(tables["win"], "title", start)
        win.update(situation=situation, action=action, result=result, evidence="\n".join(items))
    links = []
    for requirement_start, win_starts in LINKS:
        requirement = _starting(tables["requirement"], "title", requirement_start)
        for start in win_starts:
            win = _starting(tables["win"], "title", start)
            links.append(
                year.record(
                    date.fromisoformat(win["date"]),
                    win_uuid=win["uuid"],
                    requirement_uuid=requirement["uuid"],
                )
            )
    return {"win_requirement": links}
