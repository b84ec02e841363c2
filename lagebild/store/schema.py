"""Relational schema of the lagebild store: one lagebild/1 Document spread over normalised tables.

The tables hold everything `Document.to_json()` carries, so a document is rebuilt from rows
alone (no JSON blob of the whole document). Conventions that make the round trip exact:

- `idx` columns keep the order of every list of the document;
- `extra` columns keep fields a producer added beyond the models (the contract allows them);
- an event whose `source`, `target` or `plover` is null has SQL NULL in the matching
  `*_sectors` / `plover_context` column; a present object always stores a JSON list there.

Only portable types are used so the same metadata serves SQLite and PostgreSQL; the one
dialect-specific feature, full-text search over title and text, is created by migration 0002.
The hand-written Alembic migrations in `migrations/versions/` must match this module; a test
compares them.
"""

from __future__ import annotations

import sqlalchemy as sa

# Named constraints make migrations reproducible across backends (SQLite and PostgreSQL would
# otherwise invent different names, and Alembic cannot drop an unnamed constraint).
NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

# Python None must become SQL NULL (not the JSON text 'null'), so "absent" is queryable.
JSON = sa.JSON(none_as_null=True)


def _doc_fk() -> sa.Column[str]:
    return sa.Column(
        "doc_id", sa.Text, sa.ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False
    )


documents = sa.Table(
    "documents",
    metadata,
    sa.Column("doc_id", sa.Text, primary_key=True),
    sa.Column("lang", sa.Text, nullable=False),
    sa.Column("published", sa.Text),
    # True when `published` was estimated from the text, not read from the source.
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
)

entities = sa.Table(
    "entities",
    metadata,
    _doc_fk(),
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
    sa.PrimaryKeyConstraint("doc_id", "entity_id"),
    # Entity names are an `actor` filter of events().
    sa.Index(None, "name"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("doc_id", sa.Text, nullable=False),
    sa.Column("entity_id", sa.Text, nullable=False),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("extra", JSON),
    sa.PrimaryKeyConstraint("doc_id", "entity_id", "idx"),
    sa.ForeignKeyConstraint(
        ["doc_id", "entity_id"],
        ["entities.doc_id", "entities.entity_id"],
        ondelete="CASCADE",
    ),
)

places = sa.Table(
    "places",
    metadata,
    _doc_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("geonameid", sa.Integer),
    sa.Column("country", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("feature", sa.Text),
    sa.Column("rule", sa.Text),
    sa.Column("extra", JSON),
    sa.PrimaryKeyConstraint("doc_id", "idx"),
)

place_mentions = sa.Table(
    "place_mentions",
    metadata,
    sa.Column("doc_id", sa.Text, nullable=False),
    sa.Column("place_idx", sa.Integer, nullable=False),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("extra", JSON),
    sa.PrimaryKeyConstraint("doc_id", "place_idx", "idx"),
    sa.ForeignKeyConstraint(
        ["doc_id", "place_idx"], ["places.doc_id", "places.idx"], ondelete="CASCADE"
    ),
)

times = sa.Table(
    "times",
    metadata,
    _doc_fk(),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("value", sa.Text),
    sa.Column("rule", sa.Text),
    sa.Column("extra", JSON),
    sa.PrimaryKeyConstraint("doc_id", "idx"),
)

quotes = sa.Table(
    "quotes",
    metadata,
    _doc_fk(),
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
    sa.PrimaryKeyConstraint("doc_id", "idx"),
)

# The actor columns of an event; `queries` splits an OR over them into one branch per column.
ACTOR_COLUMNS: tuple[str, ...] = (
    "source_country", "source_org", "source_code", "target_country", "target_org", "target_code",
)
# What an actor index carries after its actor column: the other filter columns, the dyad's
# measures, the sort key and primary key of a page, and the other actor columns (a branch
# excludes the rows of earlier branches).
ACTOR_INDEX_PAYLOAD: tuple[str, ...] = (
    "date_hi", "date_lo", "quad", "root", "cameo", "place", "goldstein", "doc_id", "idx", "event_id",
)


def actor_index_columns(col: str) -> tuple[str, ...]:
    """Columns of the covering index led by actor column `col`."""
    return (col, *ACTOR_INDEX_PAYLOAD, *(c for c in ACTOR_COLUMNS if c != col))


def actor_index_name(col: str) -> str:
    # Explicit, short names: the naming convention would spell out all 17 columns, past
    # PostgreSQL's 63-character identifier limit.
    return f"ix_events_{col}_cover"


events = sa.Table(
    "events",
    metadata,
    _doc_fk(),
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
    # The TIMEX3 `date` as the ISO day range it covers ("2024-10" -> 2024-10-01..2024-10-31),
    # computed on insert so since/until filters are plain, indexable string comparisons.
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
    # Extra fields of the nested source/target/plover/evidence objects, keyed by object name.
    sa.Column("parts_extra", JSON),
    sa.PrimaryKeyConstraint("doc_id", "event_id"),
    sa.Index(None, "root"),
    sa.Index(None, "cameo"),
    sa.Index(None, "date"),
    sa.Index(None, "date_lo"),
    sa.Index(None, "date_hi"),
    sa.Index(None, "place", "cameo", "date_lo", "date_hi", "root", "quad"),
    # One covering index per actor column (migration 0003): the actor column, then every other
    # column the event filters and the dyad read. An actor filter is an OR over these six
    # columns; `queries` splits it into one branch per column, and each branch is then counted,
    # ordered or aggregated from its index alone, without visiting the wide table rows.
    *(sa.Index(actor_index_name(col), *actor_index_columns(col)) for col in ACTOR_COLUMNS),
)

failures = sa.Table(
    "failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("origin", sa.Text, nullable=False),
    # No foreign key: a failed document usually never made it into `documents`.
    sa.Column("doc_id", sa.Text),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    # The `runs` row of the run that met the failure; NULL for single ingests. No foreign key
    # either, so a failure is never lost because its run row is missing or was pruned.
    sa.Column("run_id", sa.Integer),
)

# One row per `lagebild run`: what it was asked to do and what came of it. A run killed hard
# keeps finished = NULL and status "running", which is how an interrupted run shows up.
runs = sa.Table(
    "runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("started", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished", sa.DateTime(timezone=True)),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("engine", sa.Text, nullable=False),
    sa.Column("workers", sa.Integer, nullable=False),
    sa.Column("inputs", JSON, nullable=False),
    sa.Column("stored", sa.Integer, nullable=False),
    sa.Column("skipped", sa.Integer, nullable=False),
    sa.Column("failed", sa.Integer, nullable=False),
)

# Full-text search objects are dialect-specific (an FTS5 table plus triggers on SQLite, a GIN
# expression index on PostgreSQL), so they live in migration 0002 and repo.py only, not in this
# metadata. Schema comparison must skip them, by these names.
FTS_TABLE = "documents_fts"
FTS_INDEX = "ix_documents_fts"


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic `include_name` hook: leave the dialect-specific full-text objects out of comparisons."""
    if name is None:
        return True
    if type_ == "table":
        # FTS5 also creates shadow tables documents_fts_data, _idx, _docsize, _config, _content.
        return not name.startswith(FTS_TABLE)
    if type_ == "index":
        return name != FTS_INDEX
    return True

# Children of a document in insertion order (parents before the tables that refer to them).
CHILD_TABLES: tuple[sa.Table, ...] = (entities, mentions, places, place_mentions, times, quotes, events)
