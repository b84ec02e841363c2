"""store stage of lagebild: the SQL database of documents, events and ingest failures.

`Store` is the only way into the database; `schema.metadata` describes its tables and the
Alembic migrations in `migrations/` create them.
"""

from lagebild.store.repo import EVENT_ROW_FIELDS, Store, open_store

__all__ = ["EVENT_ROW_FIELDS", "Store", "open_store"]
