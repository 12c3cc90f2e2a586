"""The tables of agenda items, mentions and wins told: the migration and the cascades."""

import sqlite3
from datetime import date
from pathlib import Path

from careertui.store import Store
from careertui.store.schema import MIGRATIONS, _conversation_tables

TABLES = ("agenda_items", "mentions", "told")


def tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def test_an_older_file_gets_the_tables(db_path: Path, today: date) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    for table in TABLES:
        conn.execute(f'DROP TABLE "{table}"')
    conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(_conversation_tables)}")
    conn.commit()
    conn.close()
    assert not tables(db_path) & set(TABLES)
    with Store(db_path) as store:
        contact = store.insert("contact", {"name": "Dana Lee"}, today)
        store.insert("agenda", {"contact_id": contact, "date": today, "topic": "x"}, today)
    assert set(TABLES) <= tables(db_path)


def test_links_go_with_the_contact_or_the_entry(db_path: Path, today: date) -> None:
    with Store(db_path) as store:
        dana = store.insert("contact", {"name": "Dana Lee"}, today)
        sam = store.insert("contact", {"name": "Sam Park"}, today)
        note = store.insert("note", {"date": today, "text": "@Dana and @Sam"}, today)
        win = store.insert("win", {"date": today, "title": "Won", "notes": "@sam"}, today)
        store.insert("told", {"contact_id": dana, "win_id": win, "date": today}, today)
        store.insert("agenda", {"contact_id": dana, "date": today, "topic": "x"}, today)
        assert store.count("mention") == 3
        store.delete("note", note)
        assert store.count("mention") == 1
        store.delete("contact", dana)
        assert (store.count("agenda"), store.count("told"), store.count("mention")) == (0, 0, 1)
        store.delete("win", win)
        assert store.count("mention") == 0
        assert store.get("contact", sam) is not None
