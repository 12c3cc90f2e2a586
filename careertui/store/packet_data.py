"""What the review packet (careertui.domain.packet) shows, gathered from the store."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from careertui.domain.packet import (
    Packet,
    PacketContact,
    PacketGap,
    PacketGoal,
    PacketInteraction,
    PacketResponsibility,
    PacketWin,
    packet_win,
)
from careertui.domain.readiness import KEY_INFLUENCES
from careertui.store.readiness import profile_period

if TYPE_CHECKING:
    from careertui.store.store import Store


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def packet_data(store: Store, today: date) -> Packet:
    """What the review packet shows, for the review period as of `today`."""
    from careertui.store.stats import compute_stats

    readiness = compute_stats(store, today)["readiness"]
    profile = store.profile()
    period = profile_period(store.conn, today)  # the same period as readiness counts
    last = min(period.end, today)
    bounds = (period.start.isoformat(), last.isoformat())
    counted = "date BETWEEN ? AND ?"

    wins = store.query(f"SELECT * FROM wins WHERE {counted} ORDER BY date, id", bounds)
    by_responsibility: dict[int, list[PacketWin]] = {}
    unlinked: list[PacketWin] = []
    for row in wins:
        rid = row["responsibility_id"]
        (unlinked if rid is None else by_responsibility.setdefault(rid, [])).append(packet_win(row))
    responsibilities = tuple(
        PacketResponsibility(
            row["title"], bool(row["active"]), tuple(by_responsibility.get(row["id"], ()))
        )
        for row in store.query("SELECT id, title, active FROM responsibilities ORDER BY id")
        if row["active"] or row["id"] in by_responsibility
    )

    goals = store.query("SELECT * FROM goals ORDER BY id")

    def reached(row: Mapping[str, Any]) -> bool:
        """Done, and done in the period so far: due in it, or last changed (marked done) in it."""
        when = [d for d in (_day(row["due"]), _day(str(row["updated_at"])[:10])) if d]
        return row["status"] == "done" and any(period.start <= d <= last for d in when)

    def packet_goal(row: Mapping[str, Any], milestones: tuple[PacketGoal, ...]) -> PacketGoal:
        return PacketGoal(
            row["title"],
            row["kind"],
            row["status"],
            row["due"],
            row["metric"],
            row["target"],
            row["current"],
            milestones,
        )

    reached_goals = []
    for row in goals:
        if row["kind"] == "milestone" and row["parent_id"] is not None:
            continue
        milestones = tuple(
            packet_goal(m, ())
            for m in goals
            if m["kind"] == "milestone" and m["parent_id"] == row["id"] and reached(m)
        )
        if milestones or reached(row):
            reached_goals.append(packet_goal(row, milestones))

    marks = ", ".join("?" for _ in KEY_INFLUENCES)
    interactions: dict[int, list[PacketInteraction]] = {}
    for row in store.query(
        f"SELECT contact_id, date, channel, notes FROM interactions WHERE {counted} "
        "ORDER BY date, id",
        bounds,
    ):
        interactions.setdefault(row["contact_id"], []).append(
            PacketInteraction(row["date"], row["channel"], row["notes"])
        )
    contacts = store.query(
        f"SELECT id, name, org, role, influence FROM contacts WHERE influence IN ({marks}) "
        "ORDER BY id",
        KEY_INFLUENCES,
    )
    contacts.sort(key=lambda c: (KEY_INFLUENCES.index(c["influence"]), c["name"].casefold()))
    relationships = tuple(
        PacketContact(c["name"], c["org"], c["role"], c["influence"], tuple(interactions[c["id"]]))
        for c in contacts
        if c["id"] in interactions
    )

    return Packet(
        start=period.start.isoformat(),
        end=period.end.isoformat(),
        today=today.isoformat(),
        current_role=profile.get("current_role") or "",
        target_role=profile.get("target_role") or "",
        score=int(readiness["score"]),
        band=str(readiness["band"]),
        days_to_review=readiness["days_to_review"],
        responsibilities=responsibilities,
        unlinked_wins=tuple(unlinked),
        goals=tuple(reached_goals),
        relationships=relationships,
        gaps=tuple(PacketGap(g["part"], float(g["points"]), g["text"]) for g in readiness["gaps"]),
    )
