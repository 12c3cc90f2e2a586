"""The demo's preparation for conversations: agenda items, @mentions and wins already told.

Made after the rest of the demo year, from the same seeded generator, so the earlier
records come out as before. Dana Lee (decision-maker) has an agenda with one item discussed at
her latest interaction and two carried over and has heard of two wins; notes mention Grace
Kim, Helen Okafor and Marcus Webb, so the Network, the contact pages and "tell them" show
every part.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from careertui.demo.year import Rows, Year

AGENDA = (
    ("Dana Lee", 24, "Promotion case: the guild pilot as cross-team impact", True),
    ("Dana Lee", 12, "Ask for a slot at the directors' quarterly review", False),
    ("Dana Lee", 5, "Headcount for the ledger team in H1", False),
    ("Marcus Webb", 8, "Who owns the ledger roadmap's Q2 milestones", False),
    ("Grace Kim", 15, "Feedback on the all-hands talk", True),
    ("Grace Kim", 3, "Introduce me to Helen's staff meeting", False),
)
"""(contact, days ago it was added, topic, discussed at the contact's latest interaction)."""

MENTIONS = (
    (
        "Grace says",
        (("Grace says", "@Grace says"), ("get Helen", "get @Helen")),
        ("Grace Kim", "Helen Okafor"),
    ),
    ("Marcus asked", (("Marcus asked", "@Marcus Webb asked"),), ("Marcus Webb",)),
)
"""(the start of a demo note, the words made mentions in it, the contacts it then mentions).
Existing notes are rewritten rather than new ones added: a new day with a note would change the
demo's streaks."""

TOLD = (("Dana Lee", 2), ("Dana Lee", 5), ("Marcus Webb", 2))
"""(contact, the win's place among the review period's measured wins, newest first)."""


def conversations(year: Year, tables: dict[str, Rows]) -> dict[str, Rows]:
    """Agenda items, the mention links and the wins told, as export rows; two of the notes in
    `tables["note"]` get their mentions."""
    contacts = {row["name"]: row for row in tables["contact"]}
    latest: dict[str, dict[str, Any]] = {}
    for row in tables["interaction"]:  # oldest first: the last one seen is the latest
        if row["date"] <= year.today.isoformat():
            latest[row["contact_uuid"]] = row
    agenda = []
    for name, age, topic, discussed in AGENDA:
        contact = contacts[name]
        talk = latest.get(contact["uuid"]) if discussed else None
        day = year.ago(age)
        if talk is not None and talk["date"] < day.isoformat():
            day = year.ago(age + 30)  # added before the talk it was discussed in
        agenda.append(
            year.record(
                day,
                contact_uuid=contact["uuid"],
                date=day.isoformat(),
                topic=topic,
                discussed_on=talk["date"] if talk else None,
                interaction_uuid=talk["uuid"] if talk else None,
            )
        )
    mentions = []
    for start, changes, named in MENTIONS:
        note = next(row for row in tables["note"] if row["text"].startswith(start))
        for words, mention in changes:
            note["text"] = note["text"].replace(words, mention, 1)
        day = date.fromisoformat(note["date"])
        mentions += [
            year.record(day, contact_uuid=contacts[n]["uuid"], note_uuid=note["uuid"])
            for n in named
        ]
    review_start = year.review_start.isoformat()
    measured = [
        win
        for win in reversed(tables["win"])
        if win["date"] >= review_start and any(ch.isdigit() for ch in win["impact"])
    ]
    told = [
        year.record(
            year.ago(1),
            contact_uuid=contacts[name]["uuid"],
            win_uuid=measured[place]["uuid"],
            date=year.ago(1).isoformat(),
        )
        for name, place in TOLD
    ]
    return {"agenda": agenda, "mention": mentions, "told": told}
