"""Alembic environment of the lagebild store: migrates the connection the caller hands over.

`Store.migrate()` puts an open connection into `config.attributes["connection"]`, so no
alembic.ini and no URL in a file are needed at run time. For ad-hoc use from a shell, a
`sqlalchemy.url` set on the config is honoured instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from lagebild.store.schema import include_name, metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode lets later revisions copy-and-move tables.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        # Full-text objects are made by hand in 0002 and are not part of `metadata`.
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("lagebild store migrations need config.attributes['connection'] or sqlalchemy.url")
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            _run(conn)
            conn.commit()
    finally:
        engine.dispose()


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
