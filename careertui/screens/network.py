"""Network screen (placeholder until its issue lands)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from careertui.screens.base import CareerScreen


class NetworkScreen(CareerScreen):
    TITLE = "Network"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Network is being built.", id="placeholder")
        yield Footer()
