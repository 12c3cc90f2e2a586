"""Two journals and a folder, through the real commands: edits on both sides, a delete and a
conflict end equal; with a passphrase the folder holds nothing readable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from careertui.cli import cli

SECRET = "Priya said the reorg lands in March"


def run(db: Path, *args: str, stdin: str | None = None) -> str:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)], input=stdin)
    assert result.exit_code == 0, (args, result.stdout, result.stderr)
    return result.stdout


def fails(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, [*args, "--db", str(db)])
    assert result.exit_code == 1, (args, result.stdout)
    return result.stderr


def exported(db: Path) -> dict:
    data = json.loads(run(db, "export", "--format", "json"))
    for value in data.values():
        if isinstance(value, list):
            value.sort(key=lambda record: record["uuid"])
    return data


def test_two_journals_end_equal_through_an_encrypted_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", "correct horse battery")
    laptop, desktop, folder = tmp_path / "laptop.db", tmp_path / "desktop.db", tmp_path / "cloud"
    folder.mkdir()
    run(laptop, "add", "note", SECRET)
    run(laptop, "add", "note", "to be deleted")
    run(laptop, "add", "contact", "Dana Lee", "--org", "Acme")
    run(laptop, "set", "sync-folder", str(folder))
    assert "sent 3 changes" in run(laptop, "sync")
    assert "applied 1 file (3 records)" in run(desktop, "sync", str(folder))

    run(desktop, "edit", "note", "1", "--text", "edited on the desktop")
    run(laptop, "edit", "note", "1", "--text", "edited on the laptop")
    run(desktop, "delete", "note", "2", "--yes")
    run(desktop, "add", "win", "Shipped the report", "--date", "2026-11-20")
    run(laptop, "add", "interaction", "Dana Lee", "coffee", "--date", "2026-11-21")
    for db in (laptop, desktop, laptop):
        run(db, "sync", str(folder))

    assert exported(laptop) == exported(desktop)
    notes = [note["text"] for note in exported(laptop)["notes"]]
    assert len(notes) == 1 and notes[0] in ("edited on the desktop", "edited on the laptop")
    loser = ({"edited on the desktop", "edited on the laptop"} - set(notes)).pop()
    listed = run(laptop, "sync", "--conflicts") + run(desktop, "sync", "--conflicts")
    assert loser in listed
    assert len(exported(desktop)["wins"]) == len(exported(desktop)["interactions"]) == 1

    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert data.startswith(b"age-encryption.org/v1\n"), path
            assert b"Priya" not in data and b"Dana" not in data
            assert "Dana" not in path.name and "note" not in path.name


def test_without_the_passphrase_an_encrypted_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cloud"
    folder.mkdir()
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", "one")
    run(tmp_path / "a.db", "add", "note", SECRET)
    run(tmp_path / "a.db", "sync", str(folder))
    monkeypatch.delenv("CAREERTUI_PASSPHRASE")
    assert "holds encrypted changes" in fails(tmp_path / "b.db", "sync", str(folder))
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", "another")
    out = run(tmp_path / "b.db", "sync", str(folder))
    assert "applied 0 files" in out and "passphrase this device does not have" in out


def test_plain_sync_remembered_folder_and_conflict_list(tmp_path: Path) -> None:
    a, b, folder = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "cloud"
    assert "no sync folder" in fails(a, "sync")
    assert "is not a folder" in fails(a, "set", "sync-folder", str(folder))
    folder.mkdir()
    run(a, "add", "contact", "Dana Lee")
    run(b, "add", "contact", "dana lee", "--org", "Beta")
    for db in (a, b, a):
        run(db, "sync", str(folder))
    names = {c["name"] for c in exported(a)["contacts"]}
    assert names == {c["name"] for c in exported(b)["contacts"]}
    assert len(names & {"Dana Lee", "dana lee"}) == 1
    assert len([name for name in names if name.casefold().startswith("dana lee (")]) == 1
    listed = run(a, "sync", "--conflicts")
    assert "shown with a suffix" in listed
    assert "no conflict #99 (careertui sync --conflicts" in fails(a, "sync", "--dismiss", "99")
    assert "Forgot 1 conflict." in run(a, "sync", "--dismiss", "all")
    assert run(a, "sync", "--conflicts") == "No conflicts.\n"


def test_the_conflict_list_says_what_the_kept_version_differs_in(tmp_path: Path) -> None:
    """It showed the title alone ('kept version: Dana Lee'), the same for both versions."""
    a, b, folder = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "cloud"
    folder.mkdir()
    run(a, "add", "contact", "Dana Lee")
    for db in (a, b):
        run(db, "sync", str(folder))
    run(a, "edit", "contact", "Dana Lee", "--org", "Acme")
    run(b, "edit", "contact", "Dana Lee", "--org", "Initech", "--role", "CTO")
    for db in (a, b, a):
        run(db, "sync", str(folder))
    listed = run(a, "sync", "--conflicts")  # the same second: the greater device id wins
    assert (
        "kept version: Dana Lee; org: Acme (now: Initech), role:  (now: CTO)" in listed
        or "kept version: Dana Lee; org: Initech (now: Acme), role: CTO (now: )" in listed
    )


def test_a_device_that_wrote_readable_files_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A device that synced before it had the passphrase left readable files in the folder,
    and the devices with the passphrase applied them without a word."""
    folder = tmp_path / "cloud"
    folder.mkdir()
    run(tmp_path / "b.db", "add", "note", SECRET)
    run(tmp_path / "b.db", "sync", str(folder))
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", "one")
    out = run(tmp_path / "a.db", "sync", str(folder))
    assert "applied 1 file" in out and "wrote files that are not encrypted" in out
    assert "not encrypted" not in run(tmp_path / "a.db", "sync", str(folder))
