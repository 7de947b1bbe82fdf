"""The on-disk Oxigraph store: one named graph per article, resumable corpus builds, exports."""

from kg.store.store import EXPORT_FORMATS, KgStore, StoreLockedError, is_store

__all__ = ["EXPORT_FORMATS", "KgStore", "StoreLockedError", "is_store"]
