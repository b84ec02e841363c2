"""Event tables against shared data: the generated CAMEO tables rebuild identically (skipped without
../shared; gold scores and the seed article are in test_gold.py, the PETRARCH2 validation in tests/eval)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason=f"{SHARED} (shared data and gold) is absent")


@needs_shared
def test_generated_tables_rebuild_identically() -> None:
    from lagebild.cameo import build

    tables, verbs = build.build(SHARED / "data")
    assert build.dumps(tables) == build.TABLES.read_text(encoding="utf-8")
    assert build.dumps(verbs) == build.EN_VERBS.read_text(encoding="utf-8")
