"""Cross-check our office holders against third-party lists in ../shared/data (skipped when absent).

The shared data are only read here, never copied: disagreements point at rows to re-check by hand.
"""
from __future__ import annotations

import csv
import io
import re
import tarfile
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

from lagebild.kb.index import KB

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
PHOENIX = SHARED / "petrarch2_dictionaries" / "Phoenix.Countries.actors.txt"
EVERYPOL = SHARED / "everypolitician_10countries" / "everypolitician_2015_10countries.tar.xz"


def _key(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z]+", "_", ascii_.upper()).strip("_")


def _phoenix() -> dict[str, set[str]]:
    """Actor name (and + aliases) → the 3-letter country prefixes of its codes."""
    out: dict[str, set[str]] = defaultdict(set)
    names: list[str] = []
    for line in PHOENIX.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] in " \t":
            for code in re.findall(r"\[([A-Z]{3})", line):
                for n in names:
                    out[n].add(code)
        else:
            if not line.startswith("+"):
                names = []
            names.append(_key(line.lstrip("+").split("#")[0]))
    return out


@pytest.mark.skipif(not PHOENIX.exists(), reason="shared data not available")
def test_countries_agree_with_phoenix() -> None:
    phoenix = _phoenix()
    kb = KB.load()
    checked, wrong = 0, []
    for p in kb.persons():
        if p.country is None:
            continue
        codes = phoenix.get(_key(p.name))
        if not codes:
            continue
        checked += 1
        if p.country not in codes:
            wrong.append((p.name, p.country, sorted(codes)))
    assert checked >= 100, checked
    # Name clashes (two people called Ivanov) are expected; anything beyond a few percent is a data problem.
    assert len(wrong) <= 0.05 * checked, wrong


FOLDER_TO_A3 = {"Brazil": "BRA", "China": "CHN", "France": "FRA", "Germany": "DEU", "India": "IND", "Iran": "IRN",
                "Russia": "RUS", "UK": "GBR", "Ukraine": "UKR", "United_States_of_America": "USA"}


@pytest.mark.skipif(not EVERYPOL.exists(), reason="shared data not available")
def test_countries_agree_with_everypolitician() -> None:
    members: dict[str, set[str]] = defaultdict(set)
    with tarfile.open(EVERYPOL) as tar:
        for m in tar.getmembers():
            if not (m.isfile() and m.name.endswith(".csv") and "/term" in m.name):
                continue
            a3 = FOLDER_TO_A3.get(m.name.split("/")[1])
            for row in csv.DictReader(io.TextIOWrapper(tar.extractfile(m), encoding="utf-8")):
                members[_key(row.get("name") or "")].add(a3)
    kb = KB.load()
    overlap = [(p.name, p.country, members[_key(p.name)]) for p in kb.persons()
               if p.country in FOLDER_TO_A3.values() and _key(p.name) in members]
    wrong = [o for o in overlap if o[1] not in o[2]]
    assert len(wrong) <= max(1, 0.05 * len(overlap)), wrong
