"""PETRARCH2 validation measurement: the CAMEO verb dictionary reader, the filter that keeps only gold
codings meaning the same in CAMEO, and the agreement the English coder reaches (skipped without
../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.eval.petrarch import Record, cameo_codes, read_cameo_verbs

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
VALIDATION = SHARED / "data" / "petrarch2_dictionaries" / "validation"

VERBS = """
---  PRAISE   [051]  ---
PRAISE
HAIL {HAILS HAILED HAILING }
LAUD [052]

---  RENEW   [---]  ---
RENEW
- * {DIPLOMATIC TIES}                                 [064]         # RENEW
"""


def _record(text: str, verbs: list[str]) -> Record:
    return Record("t", text, "", [], verbs)


def test_default_codes_and_forms(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    verbs = read_cameo_verbs(path)
    assert cameo_codes(_record("Ruritania praised Freedonia.", ["PRAISED"]), verbs) == {"051"}
    assert cameo_codes(_record("Ruritania hailed Freedonia.", ["HAILED"]), verbs) == {"051"}
    assert cameo_codes(_record("Ruritania lauds Freedonia.", ["LAUDS"]), verbs) == {"052"}


def test_pattern_code_needs_its_words(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    verbs = read_cameo_verbs(path)
    assert cameo_codes(_record("Ruritania renewed diplomatic ties with Freedonia.", ["RENEWED"]), verbs) == {"064"}
    # a block without a default code gives nothing when the pattern's words are absent
    assert cameo_codes(_record("Ruritania renewed its call on Freedonia.", ["RENEWED"]), verbs) == set()


@pytest.mark.skipif(not VALIDATION.exists(), reason=f"{VALIDATION} is absent")
def test_petrarch_validation_agreement() -> None:
    from lagebild.eval.petrarch import evaluate

    res = evaluate(VALIDATION)
    print(f"\nPETRARCH2 validation: {res}")
    assert res["records"] > 200
    # the filter keeps the codings whose WEIS-era gold root is also the CAMEO root of a sentence verb:
    # a few dozen of the 357, not all and not none
    assert 20 <= res["cameo_gold"] <= 60
    # measured 0.193 / 0.23 / 0.161 (29 records, 31 codings); floors leave room for small coder changes
    assert res["dyad_agreement"] >= 0.17
    assert res["dyad_agreement_undirected"] >= res["dyad_agreement"]
    assert res["cameo_root_agreement"] >= 0.12
    # on the consistent codings the coder agrees far more often than across the mixed schemes
    assert res["cameo_root_agreement"] > 3 * res["root_agreement_all"]
