"""Countries of persons and organisations the KB does not know, from evidence in the text (where they are from, the
government they are coordinated with) before the article's country; no guess when the evidence conflicts.
Sentences written for these tests."""
from __future__ import annotations

from tests.extract.test_entities_nat import actor
from tests.extract.test_entities import run
from tests.extract.test_events import code, triples

# Three mentions of another country make it the article's country, which the fallback would give.
_DE_NOISE = " Nigeria, Nigeria und Nigeria."
_EN_NOISE = " Nigeria, Nigeria and Nigeria."


def test_origin_in_apposition_beats_the_article_country_de() -> None:
    doc = run("Amina Bello, eine Schülerin aus Kamerun, erhielt vier Schafe." + _DE_NOISE)
    assert actor(doc, "Amina Bello") == ("CMR", None)


def test_origin_after_the_name_through_a_place_de() -> None:
    doc = run("Amina Bello aus einem Dorf in Kamerun erhielt vier Schafe." + _DE_NOISE)
    assert actor(doc, "Amina Bello") == ("CMR", None)


def test_origin_in_apposition_en() -> None:
    doc = run("Amina Bello, a student from Cameroon, received four sheep." + _EN_NOISE, "en")
    assert actor(doc, "Amina Bello") == ("CMR", None)
    doc = run("Amina Bello from a village in Cameroon said she was happy." + _EN_NOISE, "en")
    assert actor(doc, "Amina Bello") == ("CMR", None)


def test_place_where_someone_acts_is_no_origin() -> None:
    doc = run("Amina Bello traf in Kamerun Freunde." + _DE_NOISE)
    assert actor(doc, "Amina Bello")[0] != "CMR"
    doc = run("Kuno Falkner, Botschafter Deutschlands in Russland, sprach mit Journalisten.")
    assert actor(doc, "Kuno Falkner") == ("DEU", None)


def test_conflicting_origins_give_no_country() -> None:
    doc = run("Amina Bello aus Kamerun sprach. Später sagte Amina Bello aus Ghana etwas anderes." + _DE_NOISE)
    assert actor(doc, "Amina Bello") == (None, None)


def test_organisation_coordinated_with_a_government_is_of_its_country() -> None:
    doc = run("Die sudanesische Regierung und die Rebellengruppe Volksfront Kordofan unterzeichneten einen Vertrag."
              " Ägypten, Ägypten und Ägypten.")
    assert actor(doc, "Volksfront Kordofan") == ("SDN", None)
    doc = run("The Sudanese government and the rebel group Kordofan Front signed a deal. Egypt, Egypt and Egypt.", "en")
    assert actor(doc, "Kordofan Front") == ("SDN", None)


def test_state_and_domestic_rebels_agreeing_is_one_domestic_event() -> None:
    ents = {"sudanesische Regierung": ("GPE", "SDN", None, []),
            "Volksfront Kordofan": ("ORG", "SDN", None, ["REB"])}
    # another country dominates the article: the partner is not the implicit one of a one-country story
    doc = code("Die sudanesische Regierung und die Volksfront Kordofan unterzeichneten einen Friedensvertrag."
               " Ägypten, Ägypten und Ägypten.", "de", ents | {"Ägypten": ("GPE", "EGY", None, [])})
    assert ("SDN", "057", "SDN") in triples(doc)
    ents = {"Sudanese government": ("GPE", "SDN", None, []), "Kordofan Front": ("ORG", "SDN", None, ["REB"])}
    doc = code("The Sudanese government and the Kordofan Front signed a peace agreement. Egypt, Egypt and Egypt.", "en",
               ents | {"Egypt": ("GPE", "EGY", None, [])})
    assert ("SDN", "057", "SDN") in triples(doc)


def test_two_state_organs_of_one_country_are_no_pair() -> None:
    ents = {"sudanesische Regierung": ("GPE", "SDN", None, []),
            "sudanesische Armee": ("ORG", "SDN", None, ["MIL"])}
    doc = code("Die sudanesische Regierung und die sudanesische Armee unterzeichneten einen Vertrag."
               " Ägypten, Ägypten und Ägypten.", "de", ents | {"Ägypten": ("GPE", "EGY", None, [])})
    assert ("SDN", "057", "SDN") not in triples(doc)


def test_article_country_comes_from_the_names_of_countries() -> None:
    # an armed group of a neighbour mentioned often does not make the story its country's
    doc = run("Kamerun verteilt Schafe an Familien. Boko Haram griff Dörfer an. Boko Haram drohte. Boko Haram floh. "
              "Boko Haram kam zurück. Amina Bello erhielt vier Schafe. Kamerun plant weitere Hilfen.")
    assert actor(doc, "Amina Bello") == ("CMR", None)
    doc = run("Cameroon hands out sheep to families. Boko Haram attacked villages. Boko Haram threatened. "
              "Boko Haram fled. Boko Haram came back. Amina Bello received four sheep. Cameroon plans more aid.", "en")
    assert actor(doc, "Amina Bello") == ("CMR", None)


def test_demonym_opening_the_organisation_phrase_across_modifiers() -> None:
    doc = run("Die sudanesische islamistische Miliz Dschabhat Kordofan griff an. Ägypten, Ägypten und Ägypten.")
    assert actor(doc, "Dschabhat Kordofan") == ("SDN", None)
    doc = run("The Sudanese rebel group Kordofan Front attacked. Egypt, Egypt and Egypt.", "en")
    assert actor(doc, "Kordofan Front") == ("SDN", None)
