"""The queries behind the Self-check screen: perception and security history, a page at a time,
the ratings as series for the sparklines (oldest first), and the last answer to each of the four
questions of the perception method.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from careertui.domain.due import security_status
from careertui.domain.records import PERCEPTION_QUESTIONS, PERCEPTION_RATINGS, SECURITY_PILLARS

if TYPE_CHECKING:
    from careertui.store.store import Row, Store

PAGE = 80
"""History rows fetched at a time (a tall screen's history panel and a margin); the table asks
for the next page near its last row."""

TEXT_CLIP = 1000
"""Characters of a check's notes and answers a history row holds: the table shows one line of
them, the form reads the whole check again."""

SPARK_POINTS = 14
"""Checks shown in a sparkline: a year of monthly checks, three years of quarterly ones."""

TABLES = {"perception": "perceptions", "security": "security_checks"}
RATINGS = {"perception": PERCEPTION_RATINGS, "security": SECURITY_PILLARS}


@dataclass(frozen=True, slots=True)
class Answer:
    """The latest non-blank answer to one of the four perception questions."""

    question: str
    text: str
    date: str | None


TEXT_COLUMNS = {"perception": ("notes", "q1", "q2", "q3", "q4"), "security": ("notes",)}


def _where(kind: str, query: str) -> tuple[str, list[str]]:
    """A WHERE clause keeping checks whose text contains every word of `query` (any case)."""
    words = query.split()
    if not words:
        return "", []
    text = " || ' ' || ".join(f'"{c}"' for c in TEXT_COLUMNS[kind])
    clause = " AND ".join(f"({text}) LIKE ? ESCAPE '\\'" for _ in words)
    patterns = [
        "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for w in words
    ]
    return f" WHERE {clause}", patterns


def history_page(
    store: Store, kind: str, offset: int = 0, limit: int = PAGE, query: str = ""
) -> list[Row]:
    """Perception or security checks, newest first, one page; `query` filters on their text
    (all of it), the rows hold its first TEXT_CLIP characters."""
    where, params = _where(kind, query)
    columns = ", ".join(
        [
            "id",
            "date",
            *(f'"{name}"' for name in RATINGS[kind]),
            *(f'substr("{name}", 1, {TEXT_CLIP}) AS "{name}"' for name in TEXT_COLUMNS[kind]),
        ]
    )
    return store.query(
        f'SELECT {columns} FROM "{TABLES[kind]}"{where} '
        "ORDER BY date DESC, id DESC LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )


def history_count(store: Store, kind: str, query: str = "") -> int:
    where, params = _where(kind, query)
    row = store.query_one(f'SELECT count(*) AS n FROM "{TABLES[kind]}"{where}', params)
    return int(row["n"]) if row else 0


def rating_series(
    store: Store, kind: str, today: date, points: int = SPARK_POINTS
) -> dict[str, list[int]]:
    """Each rating of the last `points` checks up to today, oldest first (a sparkline's order)."""
    names = RATINGS[kind]
    columns = ", ".join(f'"{name}"' for name in names)
    rows = store.query(
        f'SELECT {columns} FROM "{TABLES[kind]}" WHERE date <= ? '
        "ORDER BY date DESC, id DESC LIMIT ?",
        (today.isoformat(), points),
    )
    rows.reverse()
    return {name: [int(row[name]) for row in rows if row[name] is not None] for name in names}


def last_answers(store: Store, today: date) -> list[Answer]:
    """For each of the four questions, the latest non-blank answer up to today (answers are
    often left blank in a quick check, so the last check alone would hide the real ones)."""
    answers = []
    for number, question in enumerate(PERCEPTION_QUESTIONS, start=1):
        column = f"q{number}"
        row = store.query_one(
            f'SELECT "{column}" AS text, date FROM perceptions '
            f"WHERE trim(\"{column}\") != '' AND date <= ? ORDER BY date DESC, id DESC LIMIT 1",
            (today.isoformat(),),
        )
        answers.append(Answer(question, row["text"] if row else "", row["date"] if row else None))
    return answers


def last_check_date(store: Store, kind: str, today: date) -> str | None:
    row = store.query_one(
        f'SELECT max(date) AS d FROM "{TABLES[kind]}" WHERE date <= ?', (today.isoformat(),)
    )
    return row["d"] if row else None


def security_overview(store: Store, today: date) -> dict[str, Any]:
    """The `security` object of `compute_stats` (due, last_date, weakest, weakest_score,
    days_since), from the same rule (`domain.due.security_status`) but without computing every
    other figure of the stats: the Self-check screen needs only this one."""
    columns = ", ".join(f'"{p}"' for p in SECURITY_PILLARS)
    row = store.query_one(
        f"SELECT date, {columns} FROM security_checks WHERE date <= ? "
        "ORDER BY date DESC, id DESC LIMIT 1",
        (today.isoformat(),),
    )
    last = date.fromisoformat(row["date"]) if row else None
    scores = {p: int(row[p]) for p in SECURITY_PILLARS} if row else None
    status = security_status(last, scores, today)
    return {
        "due": status.due,
        "last_date": status.last_date.isoformat() if status.last_date else None,
        "weakest": status.weakest,
        "weakest_score": status.weakest_score,
        "days_since": status.days_since,
    }


def selfcheck_overview(store: Store, today: date, query: str = "") -> dict[str, Any]:
    """Everything the Self-check screen shows, in one read: the first page of each history,
    totals, sparkline series, the four last answers and the security status of the stats."""
    return {
        "perception": {
            "rows": history_page(store, "perception", query=query),
            "total": history_count(store, "perception", query),
            "series": rating_series(store, "perception", today),
            "answers": last_answers(store, today),
            "last_date": last_check_date(store, "perception", today),
        },
        "security": {
            "rows": history_page(store, "security", query=query),
            "total": history_count(store, "security", query),
            "series": rating_series(store, "security", today),
            "status": security_overview(store, today),
        },
    }
