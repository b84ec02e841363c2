"""initial store schema: documents and their entities, places, times, quotes, events; failures

Written by hand to match `lagebild/store/schema.py` (tests/store/test_migrations.py checks it).
Constraint names spell out the naming convention of schema.py, because op.create_table builds
its tables outside that MetaData.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON(none_as_null=True)


def _doc_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["doc_id"], ["documents.doc_id"], name=op.f(f"fk_{table}_doc_id_documents"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("lang", sa.Text, nullable=False),
        sa.Column("published", sa.Text),
        sa.Column("published_estimated", sa.Boolean),
        sa.Column("kicker", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("lede", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source_name", sa.Text),
        sa.Column("source_url", sa.Text),
        sa.Column("agency", JSON, nullable=False),
        sa.Column("source_extra", JSON),
        sa.Column("dropped", JSON, nullable=False),
        sa.Column("headings", JSON, nullable=False),
        sa.Column("origin", sa.Text),
        sa.Column("extra", JSON),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", name=op.f("pk_documents")),
    )

    op.create_table(
        "entities",
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("entity_id", sa.Text, nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("kb_id", sa.Text),
        sa.Column("country", sa.Text),
        sa.Column("org", sa.Text),
        sa.Column("sectors", JSON, nullable=False),
        sa.Column("role", sa.Text),
        sa.Column("rule", sa.Text),
        sa.Column("extra", JSON),
        _doc_fk("entities"),
        sa.PrimaryKeyConstraint("doc_id", "entity_id", name=op.f("pk_entities")),
    )
    op.create_index(op.f("ix_entities_name"), "entities", ["name"])

    op.create_table(
        "mentions",
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("entity_id", sa.Text, nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("extra", JSON),
        sa.ForeignKeyConstraint(
            ["doc_id", "entity_id"],
            ["entities.doc_id", "entities.entity_id"],
            name=op.f("fk_mentions_doc_id_entities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("doc_id", "entity_id", "idx", name=op.f("pk_mentions")),
    )

    op.create_table(
        "places",
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("geonameid", sa.Integer),
        sa.Column("country", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("feature", sa.Text),
        sa.Column("rule", sa.Text),
        sa.Column("extra", JSON),
        _doc_fk("places"),
        sa.PrimaryKeyConstraint("doc_id", "idx", name=op.f("pk_places")),
    )

    op.create_table(
        "place_mentions",
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("place_idx", sa.Integer, nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("extra", JSON),
        sa.ForeignKeyConstraint(
            ["doc_id", "place_idx"],
            ["places.doc_id", "places.idx"],
            name=op.f("fk_place_mentions_doc_id_places"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("doc_id", "place_idx", "idx", name=op.f("pk_place_mentions")),
    )

    op.create_table(
        "times",
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("rule", sa.Text),
        sa.Column("extra", JSON),
        _doc_fk("times"),
        sa.PrimaryKeyConstraint("doc_id", "idx", name=op.f("pk_times")),
    )

    op.create_table(
        "quotes",
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("speaker", sa.Text),
        sa.Column("cue", sa.Text),
        sa.Column("via", sa.Text),
        sa.Column("rule", sa.Text),
        sa.Column("extra", JSON),
        _doc_fk("quotes"),
        sa.PrimaryKeyConstraint("doc_id", "idx", name=op.f("pk_quotes")),
    )

    op.create_table(
        "events",
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("event_id", sa.Text, nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("source_entity", sa.Text),
        sa.Column("source_country", sa.Text),
        sa.Column("source_org", sa.Text),
        sa.Column("source_sectors", JSON),
        sa.Column("source_code", sa.Text),
        sa.Column("target_entity", sa.Text),
        sa.Column("target_country", sa.Text),
        sa.Column("target_org", sa.Text),
        sa.Column("target_sectors", JSON),
        sa.Column("target_code", sa.Text),
        sa.Column("cameo", sa.Text, nullable=False),
        sa.Column("root", sa.Text, nullable=False),
        sa.Column("goldstein", sa.Float),
        sa.Column("quad", sa.Integer),
        sa.Column("plover_type", sa.Text),
        sa.Column("plover_mode", sa.Text),
        sa.Column("plover_context", JSON),
        sa.Column("date", sa.Text),
        sa.Column("date_lo", sa.Text),
        sa.Column("date_hi", sa.Text),
        sa.Column("place", sa.Text),
        sa.Column("modality", sa.Text, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("extra", JSON),
        sa.Column("parts_extra", JSON),
        _doc_fk("events"),
        sa.PrimaryKeyConstraint("doc_id", "event_id", name=op.f("pk_events")),
    )
    for column in (
        "root",
        "cameo",
        "date",
        "date_lo",
        "date_hi",
        "source_code",
        "target_code",
        "source_country",
        "target_country",
    ):
        op.create_index(op.f(f"ix_events_{column}"), "events", [column])

    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("doc_id", sa.Text),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_failures")),
    )


def downgrade() -> None:
    op.drop_table("failures")
    for column in (
        "target_country",
        "source_country",
        "target_code",
        "source_code",
        "date_hi",
        "date_lo",
        "date",
        "cameo",
        "root",
    ):
        op.drop_index(op.f(f"ix_events_{column}"), table_name="events")
    op.drop_table("events")
    op.drop_table("quotes")
    op.drop_table("times")
    op.drop_table("place_mentions")
    op.drop_table("places")
    op.drop_table("mentions")
    op.drop_index(op.f("ix_entities_name"), table_name="entities")
    op.drop_table("entities")
    op.drop_table("documents")
