"""Search results you can recognise: each hit's title, then its excerpt with the match marked;
symbols such as emoji are words to search for, in new files and in migrated ones."""

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from careertui.cli import cli
from careertui.cli.read import MARKS, marked
from careertui.store import Store, schema


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)])
    return result.exit_code, result.stdout, result.stderr


def test_every_hit_shows_its_title_then_the_match_marked(db_path: Path) -> None:
    run(db_path, "add", "contact", "Dana Lee")
    run(
        db_path,
        "add",
        "win",
        "Shipped the Q3 report",
        "--date",
        "2026-11-20",
        "--impact",
        "cut close by 30%",
    )
    run(db_path, "add", "note", "Planning day\nthe close went well", "--date", "2026-11-10")
    run(
        db_path,
        "add",
        "interaction",
        "dana",
        "Coffee\nwe talked about the close",
        "--date",
        "2026-11-15",
    )
    code, out, _ = run(db_path, "search", "close")
    assert code == 0
    assert out.splitlines() == [
        "2026-11-20  win         #1     Shipped the Q3 report",
        "    cut *close* by 30%",
        "2026-11-15  interaction #1     Dana Lee: Coffee",
        "    Coffee we talked about the *close*",
        "2026-11-10  note        #1     Planning day",
        "    Planning day the *close* went well",
    ]
    assert out.endswith("\n")


def test_json_hits_carry_no_marks(db_path: Path) -> None:
    import json

    run(db_path, "add", "note", "the close went well")
    (hit,) = json.loads(run(db_path, "search", "close", "--json")[1])
    assert hit["snippet"] == "the close went well" and hit["title"] == "the close went well"


def test_marks_bold_on_a_terminal() -> None:
    text = f"a {MARKS[0]}b{MARKS[1]} c"
    assert marked(text, True) == "a \x1b[1mb\x1b[22m c"
    assert marked(text, False) == "a *b* c"
    assert marked("no match\nat all", False) == "no match at all"


def test_emoji_are_searchable(db_path: Path) -> None:
    run(db_path, "add", "contact", "Rocket 🚀 Sam")
    run(db_path, "add", "note", "launch day ❤️ went fine")
    code, out, _ = run(db_path, "search", "🚀")
    assert code == 0 and out.splitlines()[0].endswith("Rocket 🚀 Sam")
    assert "*🚀*" in out
    assert "launch day" in run(db_path, "search", "❤️")[1]
    assert run(db_path, "search", "rocket")[1].count("#") == 1


def test_an_older_file_is_migrated_to_the_symbol_tokenizer(db_path: Path, today: object) -> None:
    from careertui.domain.records import KINDS

    with Store(db_path) as store:
        store.insert("contact", {"name": "Rocket 🚀 Sam"}, today)  # type: ignore[arg-type]
    with sqlite3.connect(db_path) as conn:  # as a file of the version before looks
        for kind in KINDS.values():
            if kind.fts:
                conn.execute(f'DROP TABLE "{kind.table}_fts"')
                sql = schema.fts_sql(kind)[0].replace(
                    schema.SEARCH_TOKENIZER, "unicode61 remove_diacritics 2"
                )
                conn.execute(sql)
                conn.execute(
                    f'INSERT INTO "{kind.table}_fts"("{kind.table}_fts") VALUES (\'rebuild\')'
                )
        before = schema.MIGRATIONS.index(schema._symbols_searchable)  # later ones may follow
        conn.execute(f"PRAGMA user_version = {before}")
    with Store(db_path, write=False) as store:
        assert store.search("🚀") == []
    with Store(db_path) as store:  # a writer migrates
        assert [hit["title"] for hit in store.search("🚀")] == ["Rocket 🚀 Sam"]
        sql = store.conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'contacts_fts'"
        ).fetchone()[0]
        assert schema.SEARCH_TOKENIZER in sql
        with store.write() as conn:  # idempotent: a second run changes nothing
            schema.MIGRATIONS[-1](conn)
        assert len(store.search("rocket")) == 1
