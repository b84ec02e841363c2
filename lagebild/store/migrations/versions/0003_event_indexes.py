"""covering indexes for event filters and dyads; an index led by events.place

The single-column indexes on events.source_country, target_country, source_code and
target_code give way to one covering index per actor column (source/target country, org and
code): the actor column first, then date_hi, date_lo, quad, root, cameo, place, goldstein,
doc_id, idx, event_id and the other five actor columns. `lagebild.store.queries` splits an
actor filter (an OR over the six columns) into one branch per column, and each branch is
counted, ordered or aggregated from its index alone. The names are explicit because the naming
convention would spell out all seventeen columns, past PostgreSQL's 63-character identifier
limit. `Store.migrate` runs ANALYZE after this revision on a filled store.

Revision ID: 0003
Revises: 0002
Create Date: 2025-03-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Spelled out rather than imported from schema.py: a migration must not change when the
# schema module does.
_ACTOR_COLUMNS = ("source_country", "source_org", "source_code", "target_country", "target_org", "target_code")
_PAYLOAD = ("date_hi", "date_lo", "quad", "root", "cameo", "place", "goldstein", "doc_id", "idx", "event_id")
_REPLACED = ("source_code", "target_code", "source_country", "target_country")


def upgrade() -> None:
    for col in _ACTOR_COLUMNS:
        columns = [col, *_PAYLOAD, *(c for c in _ACTOR_COLUMNS if c != col)]
        op.create_index(f"ix_events_{col}_cover", "events", columns)
    for col in _REPLACED:
        # Each is the leading column of a covering index now.
        op.drop_index(op.f(f"ix_events_{col}"), table_name="events")
    op.create_index(
        op.f("ix_events_place_cameo_date_lo_date_hi_root_quad"),
        "events",
        ["place", "cameo", "date_lo", "date_hi", "root", "quad"],
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_events_place_cameo_date_lo_date_hi_root_quad"), table_name="events")
    for col in _REPLACED:
        op.create_index(op.f(f"ix_events_{col}"), "events", [col])
    for col in _ACTOR_COLUMNS:
        op.drop_index(f"ix_events_{col}_cover", table_name="events")
