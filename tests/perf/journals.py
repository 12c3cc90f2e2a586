"""Big journals for the benchmark, written fast: one sqlite3 transaction into a file that
`careertui.store.Store` created (so the schema, indexes and FTS triggers are the real ones), and
the same entries in jrnl's plain-text format.

Entries of every kind spread over ten years before `today`, mostly in date order with a few
backfilled ones appended (as wins get written up before a review). Text is drawn from a Zipf-like
vocabulary of made-up words plus three search terms of known frequency (SEARCH_TERMS).
"""

from __future__ import annotations

import random
import sqlite3
import uuid as uuidlib
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from itertools import accumulate, chain
from pathlib import Path
from typing import Any

SPAN_DAYS = 3650
BACKFILLED = 0.05
"""The share of notes and wins inserted after newer ones, with older dates."""

SEARCH_TERMS = {"rare": "zanzibar", "medium": "kubernetes", "common": "team"}
"""Words of known frequency: 'rare' in 1 entry in 10,000, 'medium' in 1 in 100, 'common' in 1
in 4 (entries of the kinds full-text search covers)."""
_TERM_EVERY = {"zanzibar": 10_000, "kubernetes": 100, "team": 4}

# The share of entries of each kind; notes take what is left.
MIX = {
    "wins": 0.15,
    "interactions": 0.15,
    "checkins": 0.20,
    "contacts": 0.02,
    "goals": 0.01,
    "perceptions": 0.02,
    "security_checks": 0.01,
    "reviews": 0.02,
}
ACTIONS = 12
RESPONSIBILITIES = 10
REQUIREMENTS = 15
TAGS = ("promo", "launch", "oncall", "mentoring", "design", "hiring", "writing", "1on1", "ops")
CHANNELS = ("coffee", "lunch", "call", "email", "meeting", "event", "other")
INFLUENCES = ("decision-maker", "sponsor", "mentor", "peer", "mentee", "other")
CADENCES = ("daily", "weekdays", "weekly", "weekly:3", "monthly", "monthly:2")


class Words:
    """Sentences of made-up words whose frequencies fall off like a natural language's."""

    def __init__(self, rng: random.Random, vocabulary: int = 4000, pool: int = 20_000) -> None:
        syllables = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai")]
        words: list[str] = []
        seen = set(SEARCH_TERMS.values())
        while len(words) < vocabulary:
            word = "".join(rng.choice(syllables) for _ in range(rng.randint(1, 4)))
            if word not in seen:
                seen.add(word)
                words.append(word)
        cumulative = list(accumulate(1 / (rank + 1) for rank in range(vocabulary)))
        self.sentences = [
            " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(5, 14))).capitalize()
            + "."
            for _ in range(pool)
        ]
        self.rng = rng
        self.count = 0

    def text(self, sentences: int) -> str:
        """Some sentences; every call counts as one entry for the search terms' frequencies."""
        self.count += 1
        parts = self.rng.choices(self.sentences, k=sentences)
        for term, every in _TERM_EVERY.items():
            if self.count % every == 0:
                parts.append(f"Talked about {term} again.")
        return " ".join(parts)

    def phrase(self) -> str:
        return self.rng.choice(self.sentences).rstrip(".")[:60]


class Builder:
    def __init__(self, conn: sqlite3.Connection, today: date, seed: int) -> None:
        self.conn = conn
        self.rng = random.Random(seed)
        self.words = Words(self.rng)
        self.days = [(today - timedelta(days=n)).isoformat() for n in range(SPAN_DAYS, -1, -1)]
        self.first = self.days[0]
        self.today = today

    def uuid(self) -> str:
        return str(uuidlib.UUID(int=self.rng.getrandbits(128), version=4))

    def stamp(self, day: str) -> str:
        return f"{day}T{self.rng.randint(7, 22):02d}:{self.rng.randint(0, 59):02d}:00+00:00"

    def dates(self, count: int) -> list[str]:
        """`count` dates over the span, in order, then a few backfilled (older) ones after them."""
        late = int(count * BACKFILLED)
        ordered = sorted(self.rng.choices(self.days, k=count - late))
        return ordered + self.rng.choices(self.days[:-30], k=late)

    def tags(self) -> str:
        return " ".join(sorted(set(self.rng.sample(TAGS, self.rng.randint(0, 3)))))

    def insert(self, table: str, rows: Iterable[dict[str, Any]]) -> int:
        """executemany over `rows` (dicts of one shape); returns how many were written."""
        rows = iter(rows)
        first = next(rows, None)
        if first is None:
            return 0
        columns = ", ".join(f'"{c}"' for c in first)
        marks = ", ".join("?" for _ in first)
        cursor = self.conn.executemany(
            f'INSERT INTO "{table}" ({columns}) VALUES ({marks})',
            (tuple(row.values()) for row in chain([first], rows)),
        )
        return cursor.rowcount

    def record(self, day: str, **fields: Any) -> dict[str, Any]:
        stamp = self.stamp(day)
        return {"uuid": self.uuid(), "created_at": stamp, "updated_at": stamp, **fields}


def _counts(entries: int, notes: int | None) -> dict[str, int]:
    counts = {table: int(entries * share) for table, share in MIX.items()}
    counts["reviews"] = min(counts["reviews"], SPAN_DAYS // 7)
    counts["checkins"] = min(counts["checkins"], ACTIONS * SPAN_DAYS)
    counts["notes"] = entries - sum(counts.values()) if notes is None else notes
    return counts


def build(
    path: Path, entries: int, today: date, *, notes: int | None = None, seed: int = 1
) -> dict[str, int]:
    """Write a journal of about `entries` records of every kind at `path` (which must not exist);
    `notes` overrides the number of notes. Returns the number of rows per table."""
    from careertui.store import Store

    Store(path).close()
    counts = _counts(entries, notes)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -200000")
    conn.execute("BEGIN")
    b = Builder(conn, today, seed)
    w = b.words
    written = {
        "profile": b.insert(
            "profile",
            iter(
                [
                    b.record(
                        b.first,
                        current_role="Senior engineer",
                        target_role="Staff engineer",
                        domain="Payments infrastructure",
                        review_start=(today - timedelta(days=180)).isoformat(),
                        review_date=(today + timedelta(days=30)).isoformat(),
                    )
                ]
            ),
        )
    }
    written["responsibilities"] = b.insert(
        "responsibilities",
        (b.record(b.first, title=f"{w.phrase()} ({n})", active=1) for n in range(RESPONSIBILITIES)),
    )
    written["requirements"] = b.insert(
        "requirements",
        (
            b.record(
                b.first,
                title=f"{w.phrase()} ({n})",
                status=b.rng.choice(("have", "partial", "gap")),
                plan=w.text(1),
            )
            for n in range(REQUIREMENTS)
        ),
    )
    goal_days = b.dates(counts["goals"])
    goal_ids: list[int] = []

    def goals() -> Iterator[dict[str, Any]]:
        for n, day in enumerate(goal_days):
            kind = ("goal", "milestone", "milestone", "opportunity")[n % 4] if goal_ids else "goal"
            due = (date.fromisoformat(day) + timedelta(days=b.rng.randint(14, 400))).isoformat()
            goal_ids.append(n + 1)
            yield b.record(
                day,
                title=f"{w.phrase()} ({n})",
                kind=kind,
                parent_id=b.rng.choice(goal_ids[:-1]) if kind == "milestone" else None,
                metric="count",
                target=10.0,
                current=float(b.rng.randint(0, 10)),
                due=due,
                status=b.rng.choice(("active", "active", "done", "dropped")),
                notes=w.text(2),
            )

    written["goals"] = b.insert("goals", goals())
    written["actions"] = b.insert(
        "actions",
        (
            b.record(
                b.first,
                title=f"{w.phrase()} ({n})",
                goal_id=b.rng.randint(1, max(1, written["goals"])) if written["goals"] else None,
                cadence=CADENCES[n % len(CADENCES)],
                active=1,
            )
            for n in range(ACTIONS)
        ),
    )
    written["contacts"] = b.insert(
        "contacts",
        (
            b.record(
                day,
                name=f"{w.phrase()[:30]} {n}",
                org=w.phrase()[:20],
                role="Engineer",
                circle=b.rng.choice(("team", "leadership", "industry")),
                influence=b.rng.choice(INFLUENCES),
                knows_me=b.rng.randint(0, 3),
                follow_up_days=b.rng.choice((None, 14, 30, 90)),
                notes=w.text(1),
            )
            for n, day in enumerate(b.dates(counts["contacts"]))
        ),
    )
    contacts = max(1, written["contacts"])
    written["notes"] = b.insert(
        "notes",
        (
            b.record(day, date=day, text=w.text(b.rng.randint(1, 4)), tags=b.tags())
            for day in b.dates(counts["notes"])
        ),
    )
    written["wins"] = b.insert(
        "wins",
        (
            b.record(
                day,
                date=day,
                title=w.phrase(),
                impact=f"Cut {w.phrase()[:20]} by {b.rng.randint(5, 60)}%"
                if b.rng.random() < 0.6
                else "",
                responsibility_id=b.rng.randint(1, RESPONSIBILITIES),
                goal_id=b.rng.randint(1, written["goals"])
                if written["goals"] and b.rng.random() < 0.3
                else None,
                tags=b.tags(),
                shared_with="",
                notes=w.text(b.rng.randint(1, 3)),
            )
            for day in b.dates(counts["wins"])
        ),
    )

    def interactions() -> Iterator[dict[str, Any]]:
        for day in b.dates(counts["interactions"]):
            follow = b.rng.random() < 0.2
            yield b.record(
                day,
                contact_id=b.rng.randint(1, contacts),
                date=day,
                channel=b.rng.choice(CHANNELS),
                notes=w.text(b.rng.randint(1, 3)),
                learned=w.text(1),
                gave=w.text(1),
                follow_up=(date.fromisoformat(day) + timedelta(days=7)).isoformat()
                if follow
                else None,
                done=int(follow and day < b.days[-30]),
            )

    written["interactions"] = b.insert("interactions", interactions())

    def checkins() -> Iterator[dict[str, Any]]:
        per_action = counts["checkins"] // ACTIONS
        for action in range(1, ACTIONS + 1):
            for day in sorted(b.rng.sample(b.days, per_action)):
                yield b.record(
                    day, action_id=action, date=day, skip=int(b.rng.random() < 0.05), note=""
                )

    written["checkins"] = b.insert("checkins", checkins())
    ratings = ("behaviour", "language", "attitude")
    written["perceptions"] = b.insert(
        "perceptions",
        (
            b.record(
                day,
                date=day,
                **{r: b.rng.randint(1, 5) for r in ratings},
                q1="",
                q2="",
                q3="",
                q4="",
                notes=w.text(1),
            )
            for day in b.dates(counts["perceptions"])
        ),
    )
    pillars = ("skills", "performance", "network", "job_search", "finances")
    written["security_checks"] = b.insert(
        "security_checks",
        (
            b.record(day, date=day, **{p: b.rng.randint(1, 5) for p in pillars}, notes=w.text(1))
            for day in b.dates(counts["security_checks"])
        ),
    )
    sundays = [d for d in b.days if date.fromisoformat(d).isoweekday() == 7]
    written["reviews"] = b.insert(
        "reviews",
        (
            b.record(
                day,
                week="{}-W{:02d}".format(*date.fromisoformat(day).isocalendar()[:2]),
                date=day,
                focus=w.text(1),
                notes=w.text(2),
            )
            for day in sundays[-counts["reviews"] :]
            if counts["reviews"]
        ),
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return written


# -- jrnl ------------------------------------------------------------------------------------------

# Each record becomes one jrnl entry: its date and the text careertui's search covers (or its
# notes), tags as plain words (jrnl's tag counting is quadratic: 373 s to add an entry to 100,000
# tagged entries).
_JRNL_TEXT = {
    "notes": ("date", "text || ' ' || tags"),
    "wins": ("date", "title || '. ' || impact || ' ' || notes || ' ' || tags"),
    "interactions": ("date", "notes || ' ' || learned || ' ' || gave"),
    "checkins": ("date", "'Checked in ' || action_id || '. ' || note"),
    "perceptions": ("date", "'Perception check. ' || notes"),
    "security_checks": ("date", "'Security check. ' || notes"),
    "reviews": ("date", "'Weekly review ' || week || '. ' || focus || ' ' || notes"),
    "contacts": ("substr(created_at, 1, 10)", "name || ', ' || org || '. ' || notes"),
    "goals": ("substr(created_at, 1, 10)", "title || '. ' || notes"),
    "requirements": ("substr(created_at, 1, 10)", "title || '. ' || plan"),
    "responsibilities": ("substr(created_at, 1, 10)", "title"),
    "actions": ("substr(created_at, 1, 10)", "title || ' (' || cadence || ')'"),
}


def write_jrnl(db: Path, out: Path) -> int:
    """The journal at `db` as a jrnl 4 plain-text journal at `out`, oldest first; returns the
    number of entries."""
    conn = sqlite3.connect(db)
    union = " UNION ALL ".join(
        f'SELECT {day} AS day, created_at, {text} AS body FROM "{table}"'
        for table, (day, text) in _JRNL_TEXT.items()
    )
    count = 0
    with open(out, "w", encoding="utf-8") as handle:
        for day, stamp, body in conn.execute(f"SELECT * FROM ({union}) ORDER BY day, created_at"):
            handle.write(f"[{day} {stamp[11:16]}] {' '.join(body.split())}\n\n")
            count += 1
    conn.close()
    return count
