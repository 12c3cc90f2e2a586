"""The figures of `careertui status`, read on a connection of its own: it runs on every shell
prompt, so it imports sqlite3 and the readiness rules only (not the Store) and asks SQLite to
count rather than reading rows. The figures are the dashboard's: what is due (follow-ups,
milestones in the next two weeks, wins to measure, look-backs, the security check), the
journaling streak, the days to the review and review readiness."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, timedelta

MILESTONE_HORIZON_DAYS = 14
SECURITY_INTERVAL_DAYS = 90

_ACTIVE = (
    ("notes", ""),
    ("checkins", " AND skip = 0"),
    ("interactions", ""),
    ("wins", ""),
    ("perceptions", ""),
    ("security_checks", ""),
    ("reviews", ""),
)
"""Every kind whose entries make a day active, densest first (the OR stops at the first hit)."""

_RUN = (
    "WITH RECURSIVE d(j) AS (SELECT julianday(?) UNION ALL SELECT j - 1 FROM d WHERE "
    + " OR ".join(
        f'EXISTS (SELECT 1 FROM "{table}" t WHERE t.date = date(d.j){extra})'
        for table, extra in _ACTIVE
    )
    + ") SELECT count(*) - 1 FROM d"
)
"""Consecutive active days ending on the given day: one index probe or a few per day. Each
active day adds a row for the day before it; the day is walked back as a Julian day number
(~15 % quicker than `date(day, '-1 day')` and a counter column)."""

_DUE = """SELECT
 (SELECT count(*) FROM interactions i JOIN contacts c ON c.id = i.contact_id
   WHERE i.follow_up IS NOT NULL AND i.done = 0 AND i.follow_up <= :today)
 + (SELECT count(*) FROM contacts c WHERE c.follow_up_days > 0 AND date(coalesce(
     (SELECT max(date) FROM interactions i WHERE i.contact_id = c.id AND i.date <= :today),
     substr(c.created_at, 1, 10)), '+' || c.follow_up_days || ' days') <= :today)
 + (SELECT count(*) FROM goals WHERE kind = 'milestone' AND status = 'active'
   AND due <= :horizon)
 + (SELECT count(*) FROM wins WHERE date BETWEEN date(:today, '-96 days')
   AND date(:today, '-30 days') AND NOT impact GLOB '*[0-9]*'
   AND CAST(julianday(:today) - julianday(date) AS INTEGER) % 30 < 7)
 + coalesce((SELECT date(max(date), '+' || :interval || ' days') < :today
   FROM security_checks WHERE date <= :today), 1)"""
"""Follow-ups and stay-in-touch cadences due, milestones due within the horizon, wins to
measure (no number in the impact, 30-36, 60-66 or 90-96 days old: domain/due.py), and 1 when
the security check is (none yet, or the last over 90 days ago)."""

_LOOK_BACKS = """SELECT count(*) FROM decisions d WHERE d.choice IN ('accepted', 'declined')
 AND trim(coalesce(d.looking_back, '')) = '' AND date(d.date, '+90 days') <= :today
 AND d.id = (SELECT d2.id FROM decisions d2 WHERE d2.goal_id = d.goal_id AND d2.date <= :today
   ORDER BY d2.date DESC, d2.id DESC LIMIT 1)"""
"""Opportunities whose latest decision, accepted or declined, is 90 days old and not looked
back on (domain/due.py). Decisions came later than the file: an older file may lack them."""


def read_status(path: str | os.PathLike[str], today: date) -> dict[str, int | None]:
    """`due`, `streak`, `review` (days to the review date, None without one) and `readiness`
    for the journal at `path`, opened read-only. Raises sqlite3.Error for a file that is not a
    careertui journal."""
    from careertui.store.readiness import profile_dates, readiness_score
    from careertui.store.recognise import file_uri, foreign
    from careertui.store.verdict import known_sound

    # Recognised without touching it (a read-only connection makes -wal/-shm), unless careertui
    # wrote or checked it last: its verdict says so without a second connection (~1 ms).
    if not known_sound(path) and foreign(path):
        raise sqlite3.DatabaseError("it is a SQLite database, but not a careertui one")
    conn = sqlite3.connect(file_uri(os.path.realpath(path), "mode=ro"), uri=True)
    try:
        day = today.isoformat()
        horizon = (today + timedelta(days=MILESTONE_HORIZON_DAYS)).isoformat()
        params = {"today": day, "horizon": horizon, "interval": SECURITY_INTERVAL_DAYS}
        ((due,),) = conn.execute(_DUE, params).fetchall()
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'decisions'").fetchone():
            due += conn.execute(_LOOK_BACKS, params).fetchone()[0]
        streak = conn.execute(_RUN, (day,)).fetchone()[0]
        if not streak:
            streak = conn.execute(_RUN, ((today - timedelta(days=1)).isoformat(),)).fetchone()[0]
        start, review_date = profile_dates(conn)
        readiness = readiness_score(conn, today, start, review_date)
    finally:
        conn.close()
    return {
        "due": int(due),
        "streak": int(streak or 0),
        "review": None if review_date is None else (review_date - today).days,
        "readiness": readiness,
    }
