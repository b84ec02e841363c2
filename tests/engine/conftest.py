"""Fixtures of the engine tests: a small German corpus on disk, and the store URLs of tests/store."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.conftest import store_url  # noqa: F401 - the fixture, parametrised over backends

CITIES = ["Berlin", "Hamburg", "München", "Köln", "Leipzig", "Dresden", "Bremen", "Kiel"]


def write_corpus(directory: Path, n: int) -> Path:
    """`n` short, distinct German articles as .txt files (nnn.txt, sorted in input order)."""
    directory.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        city = CITIES[i % len(CITIES)]
        (directory / f"{i:03d}.txt").write_text(
            f"Stadtrat in {city} berät über Vorlage {i}\n\n"
            f"Der Stadtrat von {city} hat am Montag über die Vorlage Nummer {i} beraten. "
            f"Die Bürgermeisterin sagte, man werde im Herbst {2000 + i} entscheiden. "
            "Die Opposition kritisierte den Zeitplan als zu langsam.\n",
            encoding="utf-8",
        )
    return directory


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus", 12)
