"""Dashboard screen (placeholder until its issue lands)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from careertui.screens.base import CareerScreen


class DashboardScreen(CareerScreen):
    TITLE = "Dashboard"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Dashboard is being built.", id="placeholder")
        yield Footer()
