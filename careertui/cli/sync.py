"""`careertui sync`, `set sync-folder`, `set sync-passphrase`, `restore`, and the encrypted
backup: one journal on several devices through a folder a sync tool copies (docs/SYNC.md)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from careertui.cli.base import UserError, db_option, db_path, open_store, say


def _ask(prompt: str, *, confirm: bool) -> str:
    """A passphrase read without echo (never from the command line, where `ps` shows it)."""
    from careertui.store.sync import PASSPHRASE_ENV

    value = os.environ.get(PASSPHRASE_ENV)
    if not value:
        if not sys.stdin.isatty():
            raise UserError(
                f"no terminal to ask for the passphrase on (scripts: set ${PASSPHRASE_ENV})"
            )
        value = click.prompt(
            prompt, hide_input=True, confirmation_prompt=confirm, default="", show_default=False
        )
    if not value.strip():
        raise UserError("an empty passphrase protects nothing; nothing was changed")
    return str(value)


def _title(kind_name: str, content: dict[str, Any] | None) -> str:
    from careertui.domain.records import KINDS
    from careertui.domain.text import one_line

    if not content:
        return ""
    kind = KINDS.get(kind_name)
    text = content.get(kind.title_field) if kind else None
    return one_line(str(text or content.get("date") or ""), 50)


def _show_conflicts(store: Any) -> None:
    import json

    from careertui.store.sync import conflicts

    found = conflicts(store)
    if not found:
        say("No conflicts.")
        return
    for item in found:
        loser = json.loads(item["loser"]) if item["loser"] else None
        title = _title(item["kind"], loser)
        where = f"{item['kind']} {item['uuid'][:8]}"
        say(f"#{item['id']}  {item['found_at'][:16]}  {where}: {item['what']}")
        if title:
            say(f"      kept version: {title}{_differences(loser, item['now'])}")
    say(f"{_count(len(found), 'conflict')}. `careertui sync --dismiss ID` (or all) forgets them.")


def _differences(loser: dict[str, Any] | None, now: dict[str, Any] | None) -> str:
    """What the kept version says that the record does not say now ("; org: Acme (now: Initech)"),
    its first three fields: a title alone did not tell two versions of a contact apart."""
    from careertui.domain.text import one_line

    if not loser or not now:
        return ""
    fields = [k for k in loser if k != "created_at" and loser[k] != now.get(k)]
    parts = [
        f"{k}: {one_line(str(loser[k] or ''), 30)} (now: {one_line(str(now.get(k) or ''), 30)})"
        for k in fields[:3]
    ]
    return "; " + ", ".join(parts) if parts else " (the same as now)"


@click.command("sync")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--conflicts", "list_conflicts", is_flag=True, help="List the kept conflicts.")
@click.option("--dismiss", metavar="ID|all", help="Forget a listed conflict (or all of them).")
@db_option
@click.pass_context
def sync(
    ctx: click.Context, folder: Path | None, list_conflicts: bool, dismiss: str | None
) -> None:
    """Merge with your other devices through FOLDER (Syncthing, Dropbox, a git repository...).

    Writes this device's changes as a new file under FOLDER/careertui/, then applies every
    other device's. Without FOLDER, uses the one set with `careertui set sync-folder`."""
    from careertui.clock import timestamp
    from careertui.store.sync import dismiss_conflicts, passphrase, setting
    from careertui.store.sync import sync as run_sync

    with open_store(ctx) as store:
        if list_conflicts:
            _show_conflicts(store)
            return
        if dismiss is not None:
            ids = None if dismiss == "all" else [_number(dismiss)]
            forgot = dismiss_conflicts(store, ids)
            if ids and not forgot:
                raise UserError(f"no conflict #{ids[0]} (careertui sync --conflicts lists them)")
            say(f"Forgot {_count(forgot, 'conflict')}.")
            return
        chosen = folder or (
            Path(setting(store, "folder") or "") if setting(store, "folder") else None
        )
        if chosen is None:
            raise UserError(
                "no sync folder: give one, or set it with careertui set sync-folder PATH"
            )
        result = run_sync(store, chosen.expanduser(), timestamp(), passphrase(store))
    parts = [
        f"sent {_count(result.sent, 'change')}",
        f"applied {_count(result.applied_files, 'file')} ({_count(result.received, 'record')})",
    ]
    say(f"Synced with {chosen}: " + ", ".join(parts) + ".")
    if result.conflicts:
        say(f"{_count(result.conflicts, 'new conflict')}: see careertui sync --conflicts")
    for line in result.waiting:
        say(f"waiting: {line}")
    for other in sorted(result.readable):
        say(
            f"readable: {other[:8]} wrote files that are not encrypted; set the passphrase "
            "there, and move to a new folder to leave none behind"
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _number(text: str) -> int:
    try:
        return int(text.lstrip("#"))
    except ValueError:
        raise UserError(f"--dismiss {text!r} is not a conflict number (or all)") from None


@click.command("sync-folder")
@click.argument("path", type=click.Path(file_okay=False, path_type=Path))
@db_option
@click.pass_context
def set_sync_folder(ctx: click.Context, path: Path) -> None:
    """The folder `careertui sync` uses, and the app syncs with on start and on quit."""
    from careertui.store.sync import set_setting

    folder = path.expanduser().absolute()
    if not folder.is_dir():
        raise UserError(f"{folder} is not a folder; create it (or mount it) first")
    with open_store(ctx) as store:
        set_setting(store, "folder", str(folder))
    say(f"Sync folder: {folder}")


@click.command("sync-passphrase")
@click.option("--keyring", "use_keyring", is_flag=True, help="Keep it in the system keyring.")
@click.option("--remove", is_flag=True, help="Forget it (the folder's files stay encrypted).")
@db_option
@click.pass_context
def set_sync_passphrase(ctx: click.Context, use_keyring: bool, remove: bool) -> None:
    """The passphrase that encrypts every file this device writes to the sync folder (asked,
    never echoed; or $CAREERTUI_PASSPHRASE). Use the same one on every device."""
    from careertui.store.sync import KEYRING_SERVICE, device_id, keyring_module, set_setting

    with open_store(ctx) as store:
        if remove:
            set_setting(store, "passphrase", None)
            set_setting(store, "passphrase_in", None)
            say("Sync passphrase forgotten.")
            return
        keyring = keyring_module() if use_keyring else None
        value = _ask("Sync passphrase", confirm=True)
        if keyring is not None:
            keyring.set_password(KEYRING_SERVICE, device_id(store), value)
            set_setting(store, "passphrase", None)
            set_setting(store, "passphrase_in", "keyring")
            say("Sync passphrase kept in the system keyring.")
        else:
            set_setting(store, "passphrase_in", None)
            set_setting(store, "passphrase", value)
            say(f"Sync passphrase kept in {store.path} (private to you, like the journal).")


def encrypted_backup(ctx: click.Context, dest: Path | None) -> None:
    """`careertui backup --encrypt`: the backup, age-encrypted with the sync passphrase (or one
    asked for now)."""
    from careertui.clock import now
    from careertui.store.restore import encrypt_backup
    from careertui.store.sync import passphrase

    with open_store(ctx, write=False) as store:
        if dest is None:
            stamp = now().strftime("%Y%m%d-%H%M%S")
            dest = store.path.with_name(f"careertui-backup-{stamp}.db.age")
        secret = passphrase(store) if _has_sync_tables(store) else None
        secret = secret or _ask("Backup passphrase", confirm=True)
        written = encrypt_backup(store.conn, dest, secret)
    say(f"Backed up (encrypted) to {written}")


def _has_sync_tables(store: Any) -> bool:
    return bool(
        store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_settings'").fetchone()
    )


@click.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@db_option
@click.pass_context
def restore(ctx: click.Context, file: Path) -> None:
    """Replace the journal with a backup (plain or encrypted); refused while careertui has it
    open. The replaced file is kept beside it."""
    from careertui.clock import now
    from careertui.store.restore import read_backup
    from careertui.store.restore import restore as put_back
    from careertui.store.sync_files import AGE

    with open(file, "rb") as handle:
        encrypted = handle.read(len(AGE)) == AGE
    secret = _ask("Backup passphrase", confirm=False) if encrypted else None
    data = read_backup(file, secret)
    db = db_path(ctx)
    kept = put_back(data, db, file, now().strftime("%Y%m%d-%H%M%S"))
    say(f"Restored {db} from {file}.")
    if kept is not None:
        say(f"The file it replaced is kept as {kept}")
