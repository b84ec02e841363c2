"""The hand-written Alembic migrations create exactly the tables of lagebild/store/schema.py."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from lagebild.store import Store
from lagebild.store.repo import MIGRATIONS
from lagebild.store.schema import include_name, metadata


def _config(conn: sa.Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    if conn is not None:
        config.attributes["connection"] = conn
    return config


def _diff(store: Store) -> list[object]:
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "compare_server_default": True, "include_name": include_name}
        )
        return list(compare_metadata(ctx, metadata))


def test_migrated_database_matches_schema(store: Store) -> None:
    assert _diff(store) == []


def test_migrate_is_idempotent_and_at_head(store: Store) -> None:
    store.migrate()
    store.migrate()
    with store.engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        tables = set(sa.inspect(conn).get_table_names())
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert current == head == "0003"
    assert set(metadata.tables) <= tables


def test_downgrade_to_base_and_back(store: Store) -> None:
    with store.engine.begin() as conn:
        command.downgrade(_config(conn), "base")
    with store.engine.connect() as conn:
        assert set(sa.inspect(conn).get_table_names()) & set(metadata.tables) == set()
    store.migrate()
    assert _diff(store) == []


def test_migration_detects_drift(store: Store) -> None:
    # Guard against a comparison that could never fail: a changed metadata must show up.
    with store.engine.begin() as conn:
        conn.execute(sa.text("DROP INDEX ix_events_root"))
    assert _diff(store)
