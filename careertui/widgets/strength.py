"""A key action's strength, shown the same way everywhere: a bar and a percentage."""

from __future__ import annotations

from rich.text import Text

BAR = 5
"""Cells of the bar; with the percentage the cell takes 10."""


def strength_colour(strength: int) -> str:
    return "green" if strength >= 70 else "yellow" if strength >= 40 else "red"


def strength_cell(strength: int, width: int = BAR) -> Text:
    """`━━━━━  70%`: the bar (filled in the strength's colour, the rest dim) and the value."""
    filled = round(max(0, min(100, strength)) / 100 * width)
    return Text.assemble(
        ("━" * filled, strength_colour(strength)),
        ("━" * (width - filled), "dim"),
        f" {strength:>3}%",
    )
