"""Alembic revision scripts of the lagebild store, written by hand to match `schema.py`."""
