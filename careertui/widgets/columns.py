"""Table columns written once: each column's label and key with the narrowest and widest text
it shows, split into the pairs `set_columns` takes and the widths `fit_widths` takes."""

from __future__ import annotations

from careertui.widgets.paged import ColumnFit

Column = tuple[str, str, int, int]
"""(label, key, narrowest, widest) of a table column."""


def columns_and_fit(*columns: Column) -> tuple[tuple[tuple[str, str], ...], tuple[ColumnFit, ...]]:
    """The (label, key) pairs of `columns`, and their (key, narrowest, widest) widths."""
    return (
        tuple((label, key) for label, key, _least, _widest in columns),
        tuple((key, least, widest) for _label, key, least, widest in columns),
    )
