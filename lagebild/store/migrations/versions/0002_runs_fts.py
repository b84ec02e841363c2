"""runs table, failures.run_id, and full-text search over document title and text

Full-text search is the one dialect-specific part of the store, so its DDL lives here only:

- PostgreSQL: a GIN expression index on ``to_tsvector('simple', coalesce(title, '') || ' ' ||
  text)``. The 'simple' configuration lowercases and does not stem, which suits a store of
  German and English text alike; `Store.documents(q=…)` repeats the same expression so the
  planner uses the index.
- SQLite: an FTS5 table ``documents_fts(doc_id UNINDEXED, title, text)`` kept in step by
  triggers on `documents`. It holds its own copy of the text rather than being an
  external-content table, because external content is keyed by rowid and VACUUM may renumber
  the rowids of a table whose primary key is TEXT. ``remove_diacritics 0`` makes "Stärkung"
  differ from "Starkung", as it does on PostgreSQL.

A later migration that rebuilds `documents` in SQLite batch mode drops these triggers with the
old table and must create them again.

Revision ID: 0002
Revises: 0001
Create Date: 2025-02-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON(none_as_null=True)

_SQLITE_FTS = [
    """CREATE VIRTUAL TABLE documents_fts USING fts5(
         doc_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
         INSERT INTO documents_fts (doc_id, title, text) VALUES (new.doc_id, coalesce(new.title, ''), new.text);
       END""",
    """CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
         DELETE FROM documents_fts WHERE doc_id = old.doc_id;
       END""",
    """CREATE TRIGGER documents_fts_au AFTER UPDATE OF doc_id, title, text ON documents BEGIN
         DELETE FROM documents_fts WHERE doc_id = old.doc_id;
         INSERT INTO documents_fts (doc_id, title, text) VALUES (new.doc_id, coalesce(new.title, ''), new.text);
       END""",
    # Documents stored before this revision.
    "INSERT INTO documents_fts (doc_id, title, text) SELECT doc_id, coalesce(title, ''), text FROM documents",
]

_PG_FTS = [
    """CREATE INDEX ix_documents_fts ON documents
         USING gin (to_tsvector('simple', coalesce(title, '') || ' ' || text))""",
]


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("started", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished", sa.DateTime(timezone=True)),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("engine", sa.Text, nullable=False),
        sa.Column("workers", sa.Integer, nullable=False),
        sa.Column("inputs", JSON, nullable=False),
        sa.Column("stored", sa.Integer, nullable=False),
        sa.Column("skipped", sa.Integer, nullable=False),
        sa.Column("failed", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_runs")),
    )
    op.add_column("failures", sa.Column("run_id", sa.Integer))

    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for stmt in _SQLITE_FTS:
            op.execute(stmt)
    elif dialect == "postgresql":
        for stmt in _PG_FTS:
            op.execute(stmt)
    # Other dialects get no full-text objects; Store.documents(q=…) falls back to LIKE there.


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("documents_fts_au", "documents_fts_ad", "documents_fts_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_documents_fts")
    with op.batch_alter_table("failures") as batch:
        batch.drop_column("run_id")
    op.drop_table("runs")
