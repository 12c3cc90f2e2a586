"""The command line: quick capture from the shell, and scripts.

Thin on purpose: each module of this package parses one group of commands, calls the store and
the domain, and prints. It never imports Textual (the TUI is imported only when `careertui` runs
without a subcommand), so capture stays quick.
"""

from __future__ import annotations

import click

from careertui.cli import (
    add,
    check,
    files,
    network,
    opportunities,
    packet,
    read,
    records,
    settings,
    sync,
)
from careertui.cli.base import CareerGroup, UserError, db_option, db_path

__all__ = ["UserError", "cli", "main"]


@click.group(cls=CareerGroup, invoke_without_command=True)
@db_option
@click.version_option(package_name="careertui")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """A keyboard-driven career journal. Without a command, opens the app."""
    ctx.ensure_object(dict)
    if ctx.invoked_subcommand is None:
        from careertui.store.overview import prefetch, saved_theme

        path = db_path(ctx)
        theme = saved_theme(path)  # a refused file stops here, before the screen starts
        first_read = prefetch(path)  # its SQL runs while Textual is imported
        from careertui.app import run
        from careertui.store.restore import holding

        with holding(path):  # `careertui restore` refuses while the app runs
            run(path, first_read, theme)


for _command in (
    add.add,
    check.check,
    settings.set_,
    read.search,
    read.stats,
    files.backup,
    sync.sync,
    sync.restore,
    files.export,
    files.import_,
    files.demo,
    network.agenda,
    network.brief,
    network.told,
    opportunities.weigh,
    opportunities.compare,
    opportunities.decide,
    packet.packet,
    records.list_,
    records.show,
    records.edit,
    records.delete,
    read.status,
):
    cli.add_command(_command)
settings.set_.add_command(sync.set_sync_folder)
settings.set_.add_command(sync.set_sync_passphrase)


def main() -> None:
    """The console script."""
    cli(prog_name="careertui")
