"""Group nouns in the actor layer (`lagebild.extract.event_actors`): compound heads, group names after a
person or place, and the group nouns of roles.tsv that a demonym codes by country."""

from __future__ import annotations

from lagebild.analyze import make_analyzer
from lagebild.doc import Document
from lagebild.extract.event_actors import find_actors
from lagebild.kb.index import KB


def _roles(text: str, lang: str) -> dict[str, tuple[str, ...]]:
    doc = make_analyzer(lang)(Document(doc_id="t", lang=lang, published="2024-10-14", text=text))
    layer = find_actors(doc, KB.load(), lang)
    return {a.text: a.sectors for a in layer.actors if a.kind == "role"}


def test_compound_head_names_the_group_de() -> None:
    roles = _roles("Hunderte Bereitschaftspolizisten umstellten das Lager, Dorfmilizen blockierten die Straße.", "de")
    assert roles.get("Bereitschaftspolizisten") == ("COP",)
    assert roles.get("Dorfmilizen") == ("REB",)


def test_compound_with_an_office_head_is_another_office_de() -> None:
    # a "Vereinspräsident" is no head of state, a "Mitarbeiter" no labour union
    roles = _roles("Der Vereinspräsident und seine Mitarbeiter verließen das Stadion.", "de")
    assert "Vereinspräsident" not in roles and "Mitarbeiter" not in roles


def test_no_compound_heads_in_english() -> None:
    assert "Firefighters" not in _roles("Firefighters reached the village on Monday.", "en")


def test_group_named_after_a_person_de() -> None:
    assert _roles("Die Gaddafi-Milizen beschossen die Stadt.", "de").get("Gaddafi-Milizen") == ("REB",)


def test_demonym_group_nouns() -> None:
    assert _roles("Police detained two Canadian nationals and five other individuals.", "en").get("nationals") == ("CVL",)
    assert _roles("Eine russische Delegation reiste nach Peking.", "de").get("Delegation") == ("GOV",)
    assert _roles("Die russische Untersuchungskommission legte ihren Bericht vor.", "de").get("Untersuchungskommission") == ("GOV",)


def test_article_country_is_the_one_named_most() -> None:
    from tests.extract.test_events import code

    # more mentions of people whose country the entity stage guessed do not outweigh the country the
    # text names
    doc = code("Kamerun verteilt Ziegen an junge Leute. Amina Bello und Musa Garba bekamen welche. Amina Bello und "
               "Musa Garba freuen sich. Amina Bello lebt seit Jahren in Kamerun.", "de", {"Amina Bello": ("PER", "NGA", None, []),
                                                 "Musa Garba": ("PER", "NGA", None, [])})
    assert doc.layers["event_actors"].default_country == "CMR"


def test_country_name_inside_a_longer_name_is_no_actor_en() -> None:
    doc = make_analyzer("en")(Document(doc_id="t", lang="en", published="2024-10-14",
                                       text="The former New Jersey governor met officials of Jersey and the UN Syria envoy."))
    codes = [(a.text, a.country) for a in find_actors(doc, KB.load(), "en").actors if a.kind == "country"]
    assert codes.count(("Jersey", "JEY")) == 1 and ("Syria", "SYR") in codes


def test_headline_country_weighs_more() -> None:
    title = "Paraguay ruft den Notstand aus"
    text = title + "\n\nIn Paraguay erkrankten viele Menschen. Auch Bolivien meldet Fälle, die bolivianische " \
                   "Regierung und Bolivien reagierten."
    doc = make_analyzer("de")(Document(doc_id="t", lang="de", published="2024-10-14", title=title, text=text))
    assert find_actors(doc, KB.load(), "de").default_country == "PRY"


def test_demonyms_of_smaller_countries() -> None:
    for lang, text, word, country in (("de", "Die Behörden halfen jungen Kamerunern.", "Kamerunern", "CMR"),
                                      ("en", "Police detained two Bolivian nationals.", "Bolivian", "BOL")):
        doc = make_analyzer(lang)(Document(doc_id="t", lang=lang, published="2024-10-14", text=text))
        assert (word, country) in [(a.text, a.country) for a in find_actors(doc, KB.load(), lang).actors]


def test_genitive_of_a_name_of_two_words_de() -> None:
    doc = make_analyzer("de")(Document(doc_id="t", lang="de", published="2024-10-14",
                                       text="Sri Lankas Regierung und Hong Kongs Polizei reagierten."))
    found = {a.text: a.country for a in find_actors(doc, KB.load(), "de").actors}
    assert found.get("Sri Lankas") == "LKA" and found.get("Hong Kongs") == "HKG"


def _countries(text: str, lang: str) -> dict[str, str | None]:
    doc = make_analyzer(lang)(Document(doc_id="t", lang=lang, published="2024-10-14", text=text))
    return {a.text: a.country for a in find_actors(doc, KB.load(), lang).actors if a.kind == "role"}


def test_group_in_a_place_is_of_its_country() -> None:
    assert _countries("Police in Minsk detained dozens of students.", "en").get("Police") == "BLR"
    assert _countries("Die Demonstranten in der Hauptstadt Tunis forderten Reformen.", "de").get("Demonstranten") == "TUN"


def test_groups_often_abroad_keep_no_place_country() -> None:
    found = _countries("Soldaten in Afghanistan und die Botschaft in Kabul sowie Flüchtlinge in Kairo warteten.", "de")
    assert found.get("Soldaten") is None and found.get("Botschaft") is None and found.get("Flüchtlinge") is None
    # whose group it is, the adjective says
    assert _countries("Die syrische Opposition in Istanbul protestierte.", "de").get("Opposition") is None


def test_people_noun_of_a_country_entity_is_a_group() -> None:
    from tests.extract.test_events import code

    # the entity stage may file "Kameruner" under the country; as an actor it is the people, not the state
    doc = code("Die Behörden verteilen Ziegen an junge Kameruner.", "de",
               {"Kameruner": ("GPE", "CMR", None, []), "Kamerun": ("GPE", "CMR", None, [])})
    kinds = {a.text: a.kind for a in doc.layers["event_actors"].actors}
    assert kinds["Kameruner"] == "people"
    # before a noun the same form is the adjective of the state ("die Kameruner Regierung")
    doc = code("Die Kameruner Regierung verteilt Ziegen.", "de", {"Kameruner": ("GPE", "CMR", None, [])})
    assert {a.text: a.kind for a in doc.layers["event_actors"].actors}["Kameruner"] == "country"
