"""Organs of a state known by their own name (no country word in them) resolve to that state."""
from __future__ import annotations

import pytest

from lagebild.analyze import make_analyzer
from lagebild.doc import Document
from lagebild.extract.entities import make_entity_recognizer

_STAGES: dict[str, list] = {}


def entities(text: str, lang: str) -> dict[str, tuple[str, str | None, list[str]]]:
    if lang not in _STAGES:
        _STAGES[lang] = [make_analyzer(lang), make_entity_recognizer(lang)]
    doc = Document(doc_id="t", lang=lang, text=text, published="2024-03-01")
    for stage in _STAGES[lang]:
        doc = stage(doc)
    return {m.text: (e.type, e.country, e.sectors) for e in doc.entities for m in e.mentions}


@pytest.mark.parametrize(("lang", "text", "mention", "type_", "country"), [
    # a government counts as its country (as "die thailändische Regierung" does), a ministry as an organisation
    ("de", "Die Bundesregierung verurteilte den Angriff auf Kiew.", "Bundesregierung", "GPE", "DEU"),
    # another country's adjective makes it that country's government
    ("de", "Die österreichische Bundesregierung verurteilte den Angriff.", "österreichische Bundesregierung", "GPE", "AUT"),
    ("de", "Das Auswärtige Amt rief die Botschafterin Irans ein.", "Auswärtige Amt", "ORG", "DEU"),
    ("de", "Ein Sprecher des Auswärtigen Amtes sagte in Berlin, man prüfe den Fall.", "Auswärtigen Amtes", "ORG", "DEU"),
    ("en", "The State Department said North Korea had shipped shells to Russia.", "State Department", "ORG", "USA"),
    ("en", "The Foreign Office summoned the Iranian ambassador.", "Foreign Office", "ORG", "GBR"),
])
def test_state_organ_resolves_to_its_state(lang: str, text: str, mention: str, type_: str, country: str) -> None:
    found = entities(text, lang)
    assert mention in found, found
    assert found[mention][:2] == (type_, country)


def test_a_country_name_after_another_countrys_adjective_is_no_mention_of_it() -> None:
    found = entities("Die österreichische Bundesregierung verurteilte den Angriff.", "de")
    assert "Bundesregierung" not in found, found


def test_a_countrys_forces_are_its_military() -> None:
    from lagebild.pipeline import build

    doc = build("en")(Document(doc_id="f", lang="en", text="Russian forces attacked Ukraine on Monday.",
                               published="2024-03-04"))
    assert [(e.source.code, e.cameo[:2], e.target.code) for e in doc.events] == [("RUSMIL", "19", "UKR")]


def test_a_country_named_after_another_countrys_adjective_stays_a_country() -> None:
    found = entities("Die deutsche Russland-Politik wurde von Polen kritisiert.", "de")
    assert any(country == "RUS" for _, country, _ in found.values()), found
