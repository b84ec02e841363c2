"""Alembic migrations of the lagebild store (run through `lagebild.store.repo.Store.migrate`)."""
