"""The only code that touches SQLite.

The package's names are imported when first used, not with the package: `careertui status`
imports `careertui.store.status` alone, on every shell prompt, and the Store costs it ~20 ms."""

from __future__ import annotations

TYPE_CHECKING = False  # typing itself is 2 ms at start-up
if TYPE_CHECKING:
    from typing import Any

    from careertui.domain.names import Ambiguous, NotFound
    from careertui.store.connection import StoreError
    from careertui.store.store import Store, fts_query

__all__ = ["Ambiguous", "NotFound", "Store", "StoreError", "fts_query"]


def __getattr__(name: str) -> Any:
    if name == "StoreError":
        from careertui.store.connection import StoreError

        return StoreError
    if name in __all__:
        from careertui.store import store

        return getattr(store, name)
    raise AttributeError(f"module 'careertui.store' has no attribute {name!r}")
