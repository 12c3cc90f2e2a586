"""`careertui brief NAME`: everything to know five minutes before meeting a contact.

The brief is a plain dict (the `--json` output) in the order it is read: who they are, when you
last saw them and how often you mean to, the last interactions, open follow-ups, the agenda,
the wins they have heard of, the wins worth telling them, and the entries that mention them.
`format_brief` renders it as text for the terminal and the contact's page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from careertui.domain.telling import ToTell, overdue
from careertui.domain.text import one_line

LAST_INTERACTIONS = 3
TO_TELL_SHOWN = 5
WHO_FIELDS = ("org", "role", "circle", "influence", "knows_me")
KNOWS_ME = ("not at all", "a little", "well", "very well")


def _days(since: str | None, today: date) -> int | None:
    return (today - date.fromisoformat(since)).days if since else None


def build_brief(
    contact: Mapping[str, Any],
    today: date,
    *,
    interactions: Sequence[Mapping[str, Any]],
    follow_ups: Sequence[Mapping[str, Any]],
    agenda: Sequence[Mapping[str, Any]],
    shared: Sequence[Mapping[str, Any]],
    to_tell: Sequence[ToTell],
    mentions: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The brief of one contact; `interactions` newest first (the last few are kept)."""
    seen = [i for i in interactions if i["date"] <= today.isoformat()]
    last = seen[0]["date"] if seen else None
    days = _days(last, today)
    every = contact.get("follow_up_days")
    return {
        "today": today.isoformat(),
        "contact": {
            "id": contact["id"],
            "name": contact["name"],
            **{field: contact.get(field) for field in WHO_FIELDS},
            "notes": contact.get("notes") or "",
        },
        "last_seen": last,
        "days_since": days,
        "every": every,
        "overdue": None if (r := overdue(days, every)) is None else round(r, 2),
        "interactions": [
            {k: i.get(k) for k in ("id", "date", "channel", "notes", "learned", "gave")}
            for i in seen[:LAST_INTERACTIONS]
        ],
        "follow_ups": [
            {"interaction_id": f["id"], "due": f["follow_up"], "notes": f.get("notes") or ""}
            for f in follow_ups
        ],
        "agenda": [
            {"n": n, "id": a["id"], "topic": a["topic"], "added": a["date"]}
            for n, a in enumerate(agenda, start=1)
        ],
        "shared": [
            {k: w.get(k) for k in ("id", "date", "title", "impact", "told_on")} for w in shared
        ],
        "to_tell": [
            {
                "id": t.win.id,
                "date": t.win.date,
                "title": t.win.title,
                "impact": t.win.impact,
                "score": t.score,
                "why": list(t.why),
            }
            for t in to_tell
        ],
        "mentions": [{k: m.get(k) for k in ("kind", "id", "date", "text")} for m in mentions],
    }


def _who(brief: Mapping[str, Any]) -> list[str]:
    c = brief["contact"]
    where = ", ".join(part for part in (c.get("role"), c.get("org")) if part)
    first = c["name"] + (f" — {where}" if where else "")
    circle = f"circle: {c['circle']}; " if c.get("circle") else ""
    knows = c.get("knows_me") or 0
    lines = [first, f"  {circle}{c.get('influence') or 'other'}; knows my work {KNOWS_ME[knows]}"]
    if c.get("notes"):
        lines.append(f"  {one_line(c['notes'], 100)}")
    return lines


def seen_line(brief: Mapping[str, Any]) -> str:
    days, every = brief["days_since"], brief["every"]
    seen = "never seen" if days is None else f"last seen {brief['last_seen']} ({days} days ago)"
    if not every:
        return f"{seen}; no stay-in-touch cadence"
    late = brief["overdue"]
    state = ""
    if late is not None and late > 0:
        state = f", {late:.1f}× the cadence overdue"
    elif days is not None:
        state = f", due in {every - days} days"
    return f"{seen}; stay in touch every {every} days{state}"


def _section(title: str, items: list[str], empty: str) -> list[str]:
    return ["", title, *(items or [f"  {empty}"])]


def format_brief(brief: Mapping[str, Any], width: int = 100) -> str:
    """The brief as plain text lines (user text flattened to one line each)."""
    room = max(width - 16, 30)
    lines = [*_who(brief), seen_line(brief)]
    talks = []
    for i in brief["interactions"]:
        talks.append(f"  {i['date']}  {i['channel'] or 'other'}: {one_line(i['notes'], room)}")
        talks += [
            f"    {label}: {one_line(i[key], room - 4)}"
            for key, label in (("learned", "learned"), ("gave", "gave"))
            if i.get(key)
        ]
    lines += _section("Last interactions", talks, "none yet")
    lines += _section(
        "Open follow-ups",
        [f"  {f['due']}  {one_line(f['notes'], room)}" for f in brief["follow_ups"]],
        "none",
    )
    lines += _section(
        "Agenda (open items; --discussed N ticks one off)",
        [
            f"  {a['n']}. {one_line(a['topic'], room)}  (added {a['added']})"
            for a in brief["agenda"]
        ],
        "nothing open: careertui agenda NAME TOPIC adds one",
    )
    lines += _section(
        "Wins they have heard of",
        [f"  {w['date']}  {one_line(w['title'], room)}" for w in brief["shared"]],
        "none recorded",
    )
    tell = brief["to_tell"][:TO_TELL_SHOWN]
    lines += _section(
        "Wins they have not heard of, worth telling",
        [
            f"  #{t['id']} {t['date']}  {one_line(t['title'], room)}"
            + (f"\n      {one_line(t['impact'], room)}" if t["impact"] else "")
            + (f"\n      why: {one_line(', '.join(t['why']), room)}" if t["why"] else "")
            for t in tell
        ],
        "none in the review period",
    )
    lines += _section(
        "Mentioned in",
        [
            f"  {m['date']}  {m['kind']:<11} {one_line(m['text'], room - 12)}"
            for m in brief["mentions"]
        ],
        "no entry mentions them",
    )
    return "\n".join(lines)
