"""The app and the sync folder: once a folder is set (`careertui set sync-folder`), the app syncs
a little after it starts and again as it quits, in a worker thread (a sync writes in one short
transaction, so the screens keep working), and tells when it synced and what came in. New
conflicts are told too (`careertui sync --conflicts` lists them). The header of every screen
says when it last synced ("synced 14:05", the app's sub-title; "not synced" after a failed
sync), and the command palette has "Sync now"."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.app import SystemCommand
from textual.screen import Screen
from textual.worker import Worker

from careertui.tui.startup import StartupApp

SYNC_START_DELAY = 2.0
"""Seconds after the start before the first sync: the first frame and its reads come first."""

QUIT_WAIT = 30.0
"""Seconds quitting waits at most for the last sync (unlocking a new device's key takes a few)."""


class SyncingApp(StartupApp):
    """An app that syncs its file with the sync folder on start and on quit."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.last_sync = ""
        """When this app last synced (HH:MM), "" before its first sync."""
        self._synced_on_quit = False

    def on_mount(self) -> None:
        self.set_timer(SYNC_START_DELAY, self.sync_now)

    def sync_now(self) -> Worker[None]:
        return self.run_worker(
            self._sync, thread=True, group="sync", exclusive=True, exit_on_error=False
        )

    def _sync(self) -> None:
        from careertui.clock import now
        from careertui.store import Store, StoreError
        from careertui.store.sync import passphrase, setting, sync

        if self.refusal():
            return
        stamp = now()
        try:
            with Store(self.db_path) as store:
                folder = setting(store, "folder")
                if not folder:
                    return
                result = sync(store, Path(folder), stamp.isoformat(), passphrase(store))
        except StoreError as exc:
            self.call_from_thread(self._show_sync, "not synced (see the notice)")
            self.call_from_thread(
                self.notify, f"Sync: {exc}", title="Not synced", severity="warning", markup=False
            )
            return
        self.last_sync = stamp.strftime("%H:%M")
        self.call_from_thread(self._show_sync, f"synced {self.last_sync}")
        came = f"{_count(result.received, 'change')} in" if result.received else "nothing new"
        told = f"Synced at {self.last_sync}: {came}, {result.sent} out."
        if result.waiting:
            told += f" {_count(len(result.waiting), 'file')} waiting (careertui sync says why)."
        if result.readable:
            told += " Files not encrypted in the folder (careertui sync says whose)."
        self.call_from_thread(self.notify, told, markup=False)
        if result.conflicts:
            self.call_from_thread(
                self.notify,
                f"{_count(result.conflicts, 'conflict')} kept: see careertui sync --conflicts",
                severity="warning",
                timeout=12,
                markup=False,
            )

    def _show_sync(self, text: str) -> None:
        """In the header of every screen without a sub-title of its own."""
        self.sub_title = text

    async def action_quit(self) -> None:
        if not self._synced_on_quit:
            self._synced_on_quit = True
            try:
                await asyncio.wait_for(self.sync_now().wait(), QUIT_WAIT)
            except Exception:  # noqa: BLE001 - quitting goes on whatever the sync did
                pass
        await super().action_quit()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        when = f"last sync {self.last_sync}" if self.last_sync else "not synced yet"
        yield SystemCommand("Sync now", f"With the sync folder ({when})", self.sync_now)
        yield from super().get_system_commands(screen)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
