"""Knowledge base, round 2: role nouns for sub-national and service offices, and office holders of more countries."""
from __future__ import annotations

from datetime import date

import pytest

from lagebild.analyze import make_analyzer
from lagebild.doc import Document
from lagebild.extract.entities import make_entity_recognizer
from lagebild.kb.index import KB

_STAGES: dict[str, list] = {}


@pytest.fixture(scope="module")
def kb() -> KB:
    return KB.load()


def run(text: str, lang: str, published: str) -> dict:
    if lang not in _STAGES:
        _STAGES[lang] = [make_analyzer(lang), make_entity_recognizer(lang)]
    doc = Document(doc_id="t", lang=lang, text=text, published=published)
    for stage in _STAGES[lang]:
        doc = stage(doc)
    return {e.name: e for e in doc.entities}


@pytest.mark.parametrize(("lang", "word", "sectors"), [
    ("de", "Gouverneurs", ["GOV"]), ("de", "Bürgermeisterin", ["GOV"]), ("de", "Kommandeure", ["MIL"]),
    ("de", "Befehlshabers", ["MIL"]), ("de", "Polizeichef", ["COP"]), ("de", "Parteivorsitzender", ["PTY"]),
    ("de", "Direktorin", []),
    ("en", "governors", ["GOV"]), ("en", "mayor", ["GOV"]), ("en", "commanders", ["MIL"]),
    ("en", "police chief", ["COP"]), ("en", "party leaders", ["PTY"]), ("en", "director", []),
])
def test_new_role_nouns_and_their_forms(kb: KB, lang: str, word: str, sectors: list[str]) -> None:
    role = kb.role(lang, word)
    assert role is not None and list(role.sectors) == sectors


def test_role_noun_gives_person_its_sector_and_country_de() -> None:
    ents = run("Der russische Gouverneur Iwan Petrow sagte, die Lage in der Region sei ruhig.", "de", "2024-03-01")
    p = ents["Iwan Petrow"]
    assert (p.type, p.country, p.sectors, p.role) == ("PER", "RUS", ["GOV"], "Gouverneur")


def test_role_noun_gives_person_its_sector_and_country_en() -> None:
    ents = run("Nigerian police chief John Okafor said the kidnappers had been arrested.", "en", "2024-03-01")
    p = ents["John Okafor"]
    assert (p.type, p.country, p.sectors) == ("PER", "NGA", ["COP"])


def test_holder_inside_and_outside_the_term(kb: KB) -> None:
    # Varadkar held the office twice, with Martin in between.
    assert kb.holder("IRL", "head_of_government", date(2018, 3, 1)).name == "Leo Varadkar"
    assert kb.holder("IRL", "head_of_government", date(2021, 3, 1)).name == "Micheál Martin"
    assert kb.holder("IRL", "head_of_government", date(2023, 3, 1)).name == "Leo Varadkar"
    assert kb.holder("ETH", "head_of_government", date(2020, 1, 1)).name == "Abiy Ahmed"
    assert kb.holder("ETH", "head_of_government", date(2017, 1, 1)).name != "Abiy Ahmed"


def test_role_phrase_finds_new_holder_only_in_term() -> None:
    text = "Der äthiopische Ministerpräsident kündigte Wahlen an."
    assert "Abiy Ahmed" in run(text, "de", "2020-06-01")
    assert "Abiy Ahmed" not in run(text, "de", "2016-06-01")
    text_en = "The Irish prime minister arrived in Brussels."
    assert "Leo Varadkar" in run(text_en, "en", "2018-06-01")
    assert "Leo Varadkar" not in run(text_en, "en", "2021-06-01")


def test_name_of_new_holder_gets_country_and_sector() -> None:
    p = run("Varadkar sagte, Irland werde die Grenze offen halten.", "de", "2019-02-01")["Leo Varadkar"]
    assert (p.country, p.sectors) == ("IRL", ["GOV"])
