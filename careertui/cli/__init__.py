"""The command line: quick capture from the shell, and scripts.

Thin on purpose: each module of this package parses one group of commands, calls the store and
the domain, and prints. It never imports Textual (the TUI is imported only when `careertui` runs
without a subcommand), so capture stays quick.
"""

from __future__ import annotations

from importlib import import_module

import click

from careertui.cli.base import CareerGroup, UserError, db_option, db_path

__all__ = ["UserError", "cli", "main"]


COMMANDS = {
    "add": ("add", "add"),
    "check": ("check", "check"),
    "set": ("settings", "set_"),
    "search": ("read", "search"),
    "stats": ("read", "stats"),
    "status": ("read", "status"),
    "backup": ("files", "backup"),
    "export": ("files", "export"),
    "import": ("files", "import_"),
    "demo": ("files", "demo"),
    "sync": ("sync", "sync"),
    "restore": ("sync", "restore"),
    "agenda": ("network", "agenda"),
    "brief": ("network", "brief"),
    "told": ("network", "told"),
    "weigh": ("opportunities", "weigh"),
    "compare": ("opportunities", "compare"),
    "decide": ("opportunities", "decide"),
    "packet": ("packet", "packet"),
    "list": ("records", "list_"),
    "show": ("records", "show"),
    "edit": ("records", "edit"),
    "delete": ("records", "delete"),
}
"""Each command's module of this package and its name there: a command's module is imported
when the command is asked for (importing all of them took ~5 ms of every capture's start)."""


class _LazyGroup(CareerGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            module, name = COMMANDS[cmd_name]
            command = getattr(import_module(f"careertui.cli.{module}"), name)
            if cmd_name == "set":  # the sync folder and passphrase are set there too
                from careertui.cli import sync

                command.add_command(sync.set_sync_folder)
                command.add_command(sync.set_sync_passphrase)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup, invoke_without_command=True)
@db_option
@click.version_option(package_name="careertui")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """A keyboard-driven career journal. Without a command, opens the app."""
    ctx.ensure_object(dict)
    if ctx.invoked_subcommand is None:  # `careertui` alone starts in __main__.py, without click
        from careertui.launch import open_app

        open_app(db_path(ctx))


def main() -> None:
    """The console script."""
    cli(prog_name="careertui")
