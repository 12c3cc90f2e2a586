"""The schema, built from the record descriptions, and its forward migrations.

Each entry of MIGRATIONS moves the file one version up; `PRAGMA user_version` holds the version.
FTS5 tables are external-content indexes kept in sync by triggers (insert, update, delete).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from careertui.domain.records import KINDS, Field, Kind
from careertui.store.sync_schema import sync_tables

_SQL_TYPES = {
    "text": "TEXT NOT NULL DEFAULT ''",
    "long": "TEXT NOT NULL DEFAULT ''",
    "tags": "TEXT NOT NULL DEFAULT ''",
    "date": "TEXT",
    "choice": "TEXT",
    "int": "INTEGER",
    "bool": "INTEGER NOT NULL DEFAULT 0",
    "float": "REAL",
}

_ON_DELETE = {
    ("goal", "parent_id"): "CASCADE",
    ("checkin", "action_id"): "CASCADE",
    ("interaction", "contact_id"): "CASCADE",
    ("agenda", "contact_id"): "CASCADE",
    ("mention", "contact_id"): "CASCADE",
    ("mention", "note_id"): "CASCADE",
    ("mention", "win_id"): "CASCADE",
    ("mention", "interaction_id"): "CASCADE",
    ("told", "contact_id"): "CASCADE",
    ("told", "win_id"): "CASCADE",
    ("win_requirement", "win_id"): "CASCADE",
    ("win_requirement", "requirement_id"): "CASCADE",
    ("assessment", "goal_id"): "CASCADE",
    ("decision", "goal_id"): "CASCADE",
}

INDEXES = (
    "CREATE INDEX IF NOT EXISTS goals_parent ON goals(parent_id)",
    "CREATE INDEX IF NOT EXISTS goals_due ON goals(due)",
    "CREATE INDEX IF NOT EXISTS actions_goal ON actions(goal_id)",
    "CREATE UNIQUE INDEX IF NOT EXISTS checkins_action_date ON checkins(action_id, date)",
    "CREATE INDEX IF NOT EXISTS checkins_date ON checkins(date)",
    "CREATE INDEX IF NOT EXISTS wins_date ON wins(date, id)",
    "CREATE INDEX IF NOT EXISTS wins_responsibility ON wins(responsibility_id, date)",
    "CREATE INDEX IF NOT EXISTS wins_goal ON wins(goal_id)",
    "CREATE UNIQUE INDEX IF NOT EXISTS win_requirements_pair "
    "ON win_requirements(win_id, requirement_id)",
    "CREATE INDEX IF NOT EXISTS win_requirements_requirement ON win_requirements(requirement_id)",
    "CREATE INDEX IF NOT EXISTS interactions_contact ON interactions(contact_id, date)",
    "CREATE INDEX IF NOT EXISTS interactions_date ON interactions(date, id)",
    "CREATE INDEX IF NOT EXISTS interactions_follow_up ON interactions(follow_up) "
    "WHERE follow_up IS NOT NULL AND done = 0",
    "CREATE INDEX IF NOT EXISTS perceptions_date ON perceptions(date)",
    "CREATE INDEX IF NOT EXISTS security_checks_date ON security_checks(date)",
    "CREATE INDEX IF NOT EXISTS notes_date ON notes(date, id)",
    "CREATE UNIQUE INDEX IF NOT EXISTS reviews_week ON reviews(week)",
    "CREATE INDEX IF NOT EXISTS reviews_date ON reviews(date)",
)


def _column(kind: Kind, field: Field) -> str:
    if field.type == "ref":
        target = KINDS[field.ref or ""].table
        action = _ON_DELETE.get((kind.name, field.name), "SET NULL")
        null = " NOT NULL" if field.required else ""
        return f'"{field.name}" INTEGER{null} REFERENCES "{target}"(id) ON DELETE {action}'
    return f'"{field.name}" {_SQL_TYPES[field.type]}'


def create_table_sql(kind: Kind) -> str:
    columns = [
        "id INTEGER PRIMARY KEY",
        "uuid TEXT NOT NULL UNIQUE",
        "created_at TEXT NOT NULL",
        "updated_at TEXT NOT NULL",
        *(_column(kind, f) for f in kind.fields),
    ]
    return f'CREATE TABLE IF NOT EXISTS "{kind.table}" (\n  ' + ",\n  ".join(columns) + "\n)"


SEARCH_TOKENIZER = "unicode61 remove_diacritics 2 categories 'L* N* Co So'"
"""Words are letters, digits and symbols such as emoji (Unicode So): a contact named with 🚀
is found by 🚀. Punctuation and math signs still separate words (C++ is the word "c")."""


def fts_sql(kind: Kind) -> list[str]:
    """The FTS5 index of `kind` and the triggers that keep it in sync (sqlite-utils' naming)."""
    table, fts = kind.table, f"{kind.table}_fts"
    cols = ", ".join(f'"{c}"' for c in kind.fts)
    new = ", ".join(f'new."{c}"' for c in kind.fts)
    old = ", ".join(f'old."{c}"' for c in kind.fts)
    return [
        f'CREATE VIRTUAL TABLE IF NOT EXISTS "{fts}" USING fts5({cols}, content="{table}", '
        f"tokenize=\"{SEARCH_TOKENIZER}\", prefix='2 3')",
        f'CREATE TRIGGER IF NOT EXISTS "{table}_ai" AFTER INSERT ON "{table}" BEGIN '
        f'INSERT INTO "{fts}" (rowid, {cols}) VALUES (new.rowid, {new}); END',
        f'CREATE TRIGGER IF NOT EXISTS "{table}_ad" AFTER DELETE ON "{table}" BEGIN '
        f'INSERT INTO "{fts}" ("{fts}", rowid, {cols}) VALUES (\'delete\', old.rowid, {old}); END',
        f'CREATE TRIGGER IF NOT EXISTS "{table}_au" AFTER UPDATE ON "{table}" BEGIN '
        f'INSERT INTO "{fts}" ("{fts}", rowid, {cols}) VALUES (\'delete\', old.rowid, {old}); '
        f'INSERT INTO "{fts}" (rowid, {cols}) VALUES (new.rowid, {new}); END',
    ]


def restore_fts(conn: sqlite3.Connection, kind: Kind) -> None:
    """Recreate a kind's FTS triggers and rebuild its index; call after any table rebuild
    (rebuilding a table, as sqlite-utils' transform does, silently drops them)."""
    table = kind.table
    for suffix in ("_ai", "_ad", "_au"):
        conn.execute(f'DROP TRIGGER IF EXISTS "{table}{suffix}"')
    for statement in fts_sql(kind):
        conn.execute(statement)
    conn.execute(f'INSERT INTO "{table}_fts"("{table}_fts") VALUES (\'rebuild\')')


def _v1_initial(conn: sqlite3.Connection) -> None:
    for kind in KINDS.values():
        conn.execute(create_table_sql(kind))
        for statement in fts_sql(kind) if kind.fts else ():
            conn.execute(statement)
    for statement in INDEXES:
        conn.execute(statement)


def _win_evidence(conn: sqlite3.Connection) -> None:
    """Evidence-grade wins: a STAR story and evidence links on a win, and the links between
    wins and target-role requirements. Idempotent: a new file has them from v1 already."""
    win = KINDS["win"]
    have = {row[1] for row in conn.execute('PRAGMA table_info("wins")')}
    for name in ("situation", "action", "result", "evidence"):
        if name not in have:
            conn.execute(f'ALTER TABLE "wins" ADD COLUMN {_column(win, win.field(name))}')
    conn.execute(create_table_sql(KINDS["win_requirement"]))
    for statement in INDEXES:
        if "win_requirements" in statement:
            conn.execute(statement)


def _conversation_tables(conn: sqlite3.Connection) -> None:
    """Agenda items, @mentions and wins told, each linked to a contact. Idempotent: a new file
    has the tables from v1 already."""
    for name in ("agenda", "mention", "told"):
        conn.execute(create_table_sql(KINDS[name]))
    for statement in (
        "CREATE INDEX IF NOT EXISTS agenda_contact ON agenda_items(contact_id, discussed_on)",
        "CREATE INDEX IF NOT EXISTS mentions_contact ON mentions(contact_id)",
        "CREATE INDEX IF NOT EXISTS mentions_note ON mentions(note_id)",
        "CREATE INDEX IF NOT EXISTS mentions_win ON mentions(win_id)",
        "CREATE INDEX IF NOT EXISTS mentions_interaction ON mentions(interaction_id)",
        "CREATE INDEX IF NOT EXISTS told_contact ON told(contact_id, win_id)",
        "CREATE INDEX IF NOT EXISTS told_win ON told(win_id)",
    ):
        conn.execute(statement)


def _opportunity_tables(conn: sqlite3.Connection) -> None:
    """Weighing opportunities: an assessment per opportunity, its decisions, the score's
    weights (one row). Idempotent: a new file has the tables from v1 already."""
    for name in ("assessment", "decision", "weights"):
        conn.execute(create_table_sql(KINDS[name]))
    conn.execute("CREATE UNIQUE INDEX IF NOT EXISTS assessments_goal ON assessments(goal_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS decisions_goal ON decisions(goal_id, date)")


def _symbols_searchable(conn: sqlite3.Connection) -> None:
    """Emoji and other symbols become searchable: every full-text index made with the older
    tokenizer is made again with SEARCH_TOKENIZER. Idempotent: an index that has it is kept."""
    for kind in KINDS.values():
        if not kind.fts:
            continue
        fts = f"{kind.table}_fts"
        row = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (fts,)).fetchone()
        if row is not None and SEARCH_TOKENIZER in row[0]:
            continue
        conn.execute(f'DROP TABLE IF EXISTS "{fts}"')
        restore_fts(conn, kind)


def _review_looked_back(conn: sqlite3.Connection) -> None:
    """A review keeps how last week's focus went (done / carried / dropped, one line each).
    Idempotent: a new file has the column from v1 already."""
    review = KINDS["review"]
    have = {row[1] for row in conn.execute('PRAGMA table_info("reviews")')}
    if "looked_back" not in have:
        column = _column(review, review.field("looked_back"))
        conn.execute(f'ALTER TABLE "reviews" ADD COLUMN {column}')


def _review_drafts(conn: sqlite3.Connection) -> None:
    """store/review_draft.py's table, imported when this migration runs: every command imports
    this module, and that one's dataclass is ~0.5 ms of a capture."""
    from careertui.store.review_draft import create_table

    create_table(conn)


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _v1_initial,
    _win_evidence,
    _conversation_tables,
    sync_tables,
    _opportunity_tables,
    _symbols_searchable,
    _review_drafts,
    _review_looked_back,
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, current: int) -> None:
    """Run the migrations after version `current`; the caller holds the write transaction."""
    for version in range(current, SCHEMA_VERSION):
        MIGRATIONS[version](conn)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
