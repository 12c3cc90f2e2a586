"""The floor of the first-frame benchmark: a bare Textual app (Header, a 50-row DataTable,
Footer), started and timed the same way as careertui."""

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header


class Floor(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Date", "Kind", "Title")
        table.add_rows((f"2026-01-{n % 28 + 1:02d}", "note", f"Floor row {n}") for n in range(50))


if __name__ == "__main__":
    Floor().run()
