"""The only code that touches SQLite."""

from careertui.store.connection import StoreError
from careertui.store.store import Ambiguous, NotFound, Store, fts_query

__all__ = ["Ambiguous", "NotFound", "Store", "StoreError", "fts_query"]
