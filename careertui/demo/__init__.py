"""`careertui demo`: a realistic year in the journal of a senior engineer aiming at staff.

Everything is dated relative to `today`, so the dashboard is alive whenever the demo runs, and
drawn from a fixed random seed, so the same day always gives the same file. The year is built as a
careertui JSON export and merged with `exchange.import_data`: one write transaction, validated
like any import, refused when the file already holds data.

One module per area (roadmap, habits, wins, network, reflection, then conversations,
opportunities and evidence); `year.Year` holds the calendar and the seeded generator they share.
Every area draws from that one generator, so the order of the calls in `demo_document` is the
order of the file: a new area goes last, or every record after it changes.
"""

from __future__ import annotations

from datetime import UTC, date, tzinfo
from typing import TYPE_CHECKING, Any

from careertui.demo import habits, network, reflection, roadmap, wins
from careertui.demo.conversations import conversations
from careertui.demo.evidence import evidence
from careertui.demo.opportunities import weighed
from careertui.demo.year import Year
from careertui.domain.records import KINDS
from careertui.store.export import FORMAT, FORMAT_VERSION
from careertui.store.importer import ImportResult, import_data

if TYPE_CHECKING:
    from careertui.store.store import Store


def demo_document(today: date, tz: tzinfo | None = None) -> dict[str, Any]:
    """The demo year ending `today`, as a careertui JSON export (timestamps in `tz`, else UTC)."""
    year = Year(today, tz or UTC)
    goals = roadmap.goals(year)
    actions = habits.actions(year, goals)
    responsibilities = wins.responsibilities(year)
    contacts = network.contacts(year)
    tables = {
        "goal": goals,
        "action": actions,
        "checkin": habits.checkins(year, actions),
        "requirement": roadmap.requirements(year),
        "responsibility": responsibilities,
        "win": wins.wins(year, responsibilities, goals),
        "contact": contacts,
        "interaction": network.interactions(year, contacts),
        "perception": reflection.perceptions(year),
        "security": reflection.security_checks(year),
        "note": reflection.notes(year),
        "review": reflection.reviews(year),
    }
    tables.update(conversations(year, tables))  # made last: the records above stay the same
    tables.update(weighed(year, tables))  # after them, for the same reason
    tables.update(evidence(year, tables))  # likewise
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "profile": roadmap.profile(year),
        **{KINDS[name].table: rows for name, rows in tables.items()},
    }


def fill_demo(store: Store, today: date, tz: tzinfo | None = None) -> ImportResult:
    """Write the demo year into `store`; refused (nothing written) when it already has data."""
    return import_data(
        store, demo_document(today, tz), today, source="the demo", require_empty=True
    )
