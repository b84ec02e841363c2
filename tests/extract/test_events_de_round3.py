"""German events, third round: an apposition after a name, promised investigations, adverbial present
participles, planned meetings without a partner, quantity words in agent phrases, the owner of a thing
attacked, attributive participles with their agent, a plain noun-phrase subject (sentences written for
these tests; entities marked by hand)."""

from __future__ import annotations

from lagebild import cameo
from tests.extract.test_events_de_roles import code, triples


def test_role_in_an_apposition_after_the_name_makes_the_person_political() -> None:
    text = "In Deutschland debattierte der Bundestag über das Gesetz. Karl Huber, ein einflussreicher {}, " \
        "sprach sich entschieden gegen die Reform aus."
    ents = {"Karl Huber": ("PER", "DEU", None, [])}
    assert ("DEU", "111", "DEU") in triples(code(text.format("Abgeordneter"), ents))
    # a private person before an apposition without a role stays out of domestic politics
    assert not triples(code(text.format("Unternehmer"), ents))


def test_announced_investigation_is_an_intent() -> None:
    assert cameo.intent_of("090") == "030"
    assert cameo.intent_of("091") == "030"
    doc = code("In Kenia wächst die Kritik an der Polizei. Die kenianische Regierung will den Bericht untersuchen.")
    assert ("KEN", "030", "KEN") in triples(doc)


def test_adverbial_present_participle_of_a_conflict_verb_is_a_trigger() -> None:
    doc = code("In der Hauptstadt Nairobi zogen Demonstranten randalierend durch die Straßen.")
    assert any(e.cameo == "145" for e in doc.events)


def test_adverbial_participle_of_speaking_is_only_a_manner() -> None:
    doc = code("Der kenianische Präsident hob warnend den Finger.")
    assert not any(e.cameo.startswith("13") for e in doc.events)


def test_attributive_present_participle_is_no_trigger() -> None:
    doc = code("Die randalierenden Jugendlichen waren am Morgen verschwunden.")
    assert not any(e.cameo == "145" for e in doc.events)


def test_planned_negotiation_without_partner_is_not_domestic() -> None:
    doc = code("In Kenia wächst die Unruhe. Die neue kenianische Regierung will über die Schulden neu verhandeln.")
    assert not any(e.cameo == "036" for e in doc.events)


def test_quantity_word_after_the_agent_preposition() -> None:
    doc = code("In Kenia wächst die Unruhe. Das Gebäude der Opposition wurde von über 200 kenianischen Soldaten "
               "gestürmt.")
    assert [(e.source.code if e.source else None, e.cameo) for e in doc.events] == [("KENMIL", "175")]


def test_thing_attacked_belongs_to_its_owner_named_before() -> None:
    text = ("Rund 500 somalische Flüchtlinge protestieren seit Wochen mit ihrem Zeltlager vor dem Parlament "
            "in Nairobi. Die Regierung in Nairobi hatte Hilfen gestrichen. Das Zeltlager wurde am Montag "
            "von kenianischen Polizisten gestürmt.")
    assert ("KEN", "175", "SOM") in triples(code(text))


def test_agent_before_attributive_participle_is_the_source() -> None:
    doc = code("Frankreich kritisierte die von der Europäischen Union verhängten Sanktionen gegen Mali.",
               {"Frankreich": ("GPE", "FRA", None, []), "Europäischen Union": ("ORG", None, "EU", ["IGO"]),
                "Mali": ("GPE", "MLI", None, [])})
    assert ("EU", "163", "MLI") in triples(doc)


def test_plain_noun_phrase_subject_leaves_the_actor_after_the_verb_an_object() -> None:
    doc = code("In Kenia wächst die Unruhe. Unbekannte Täter töteten am Abend den kenianischen Innenminister.")
    assert doc.events and all(e.target is not None and "GOV" in e.target.code and "GOV" not in (e.source.code or "")
                              for e in doc.events if e.source is not None)


def test_force_aimed_at_an_actor_with_auf() -> None:
    doc = code("In Kenia wächst die Unruhe. Kenianische Polizisten feuerten am Abend mit Tränengas auf somalische "
               "Flüchtlinge.")
    assert ("KEN", "175", "SOM") in triples(doc)


def test_impersonal_negotiation_inside_an_organisation() -> None:
    doc = code("In der NATO wird seit Wochen um die Verlegung von 300 kenianischen Soldaten verhandelt.",
               {"NATO": ("ORG", None, "NATO", ["IGO"])})
    assert ("NATO", "046", "NATO") in triples(doc)
    assert not any(e.source is not None and e.source.country == "KEN" for e in doc.events)


def test_present_passive_takes_its_agent() -> None:
    doc = code("In Kenia wächst die Unruhe. Der Oppositionsführer wird von der kenianischen Polizei verhaftet.")
    assert [(e.source.code if e.source else None, e.cameo) for e in doc.events] == [("KENCOP", "173")]


def test_protest_abroad_does_not_address_the_own_government_by_default() -> None:
    doc = code("Hunderte somalische Flüchtlinge demonstrierten in Kenia für bessere Lebensbedingungen.",
               {"Kenia": ("GPE", "KEN", None, [])})
    assert ("SOM", "141", "SOM") not in triples(doc)
    home = code("Hunderte Studenten demonstrierten in Kenia für bessere Lebensbedingungen.",
                {"Kenia": ("GPE", "KEN", None, [])})
    assert ("KEN", "141", "KEN") in triples(home)


def test_dissolving_a_legislature_is_no_ban() -> None:
    text = "In Kenia wächst die Unruhe. Der kenianische Präsident löste {} auf."
    assert not any(e.cameo.startswith("17") for e in code(text.format("das Parlament")).events)
    assert any(e.cameo == "1722" for e in code(text.format("die Oppositionspartei")).events)


def test_agentless_passive_on_a_thing_in_a_named_city_is_one_sided() -> None:
    doc = code("In Kenia wächst die Unruhe. In der Nacht wurde das Rathaus in der Hauptstadt Nairobi in Brand "
               "gesetzt.",
               {"Nairobi": ("GPE", "KEN", None, [])})
    assert (None, "1712", "KEN") in triples(doc)


def test_country_named_as_the_place_of_a_domestic_happening() -> None:
    doc = code("Die Proteste in Kenia hielten trotz des verhängten Ausnahmezustandes an.",
               {"Kenia": ("GPE", "KEN", None, [])})
    assert ("KEN", "1724", "KEN") in triples(doc)
