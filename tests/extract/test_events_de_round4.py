"""German events, fourth round: a finite verb after a year at the start of a sentence, staying away
from an election as a boycott, an inquiry set up without a doer, thanks for a
transfer (sentences written for these tests; entities marked by hand)."""

from __future__ import annotations

from lagebild.analyze import make_analyzer
from tests.extract.test_events_de_roles import code, triples


def test_finite_verb_after_a_year_is_no_attributive_adjective() -> None:
    # only inflected forms stand between a number and a noun as adjectives: "2010 übergab Karl" is a verb
    tags = {t.text: t.pos for s in make_analyzer("de").sentences("Im Mai 2019 übergab Karl Huber die Akten.")
            for t in s.tokens}
    assert tags["übergab"] == "VERB"
    tags = {t.text: t.pos for s in make_analyzer("de").sentences("Die 200 verletzten Soldaten warten.")
            for t in s.tokens}
    assert tags["verletzten"] == "ADJ"


def test_handover_after_a_year_is_coded() -> None:
    text = "Im Mai 2019 übergab Karl Huber, damals österreichischer Außenminister, die Akten an Polen."
    ents = {"Karl Huber": ("PER", "AUT", None, []), "Polen": ("GPE", "POL", None, [])}
    assert any(s == "AUT" and c.startswith("06") and t == "POL" for s, c, t in triples(code(text, ents)))


def test_staying_away_from_an_election_by_own_will_is_a_boycott() -> None:
    said = "Die kenianische Opposition kündigte an, sie werde sich nicht an den Wahlen in Kenia beteiligen."
    assert ("KEN", "143", "KEN") in triples(code(said))
    assert ("KEN", "143", "KEN") in triples(code("Die kenianische Opposition nimmt nicht an der Wahl in Kenia teil."))


def test_taking_part_or_being_barred_from_an_election_is_no_boycott() -> None:
    assert not any(e.cameo == "143" for e in code("Die kenianische Opposition nahm an der Wahl in Kenia teil.").events)
    barred = code("Die kenianische Opposition darf nicht an der Wahl in Kenia teilnehmen.")
    assert not any(e.cameo == "143" for e in barred.events)


def test_agentless_inquiry_without_a_place_is_the_story_country_s() -> None:
    story = "Die kenianische Regierung steht wegen eines Korruptionsskandals in der Kritik. "
    gov = {"kenianische Regierung": ("ORG", "KEN", None, ["GOV"])}
    doc = code(story + "Ein parlamentarischer Untersuchungsausschuss wurde eingesetzt.", gov)
    assert ("KEN", "090", "KEN") in triples(doc)
    # a place named in the sentence decides whose inquiry it is
    doc = code(story + "In Uganda wurde ein Untersuchungsausschuss eingesetzt.", gov | {"Uganda": ("GPE", "UGA", None, [])})
    assert not any(c.startswith("09") and s == "KEN" for s, c, t in triples(doc))


def test_thanks_for_a_delivery_name_its_giver_and_receiver() -> None:
    ents = {"Japan": ("GPE", "JPN", None, []), "Regierung von Haiti": ("ORG", "HTI", None, ["GOV"])}
    text = "Am Montag bedankte sich die Regierung von Haiti bei Japan für die Lieferung von Zelten und Medikamenten."
    assert any(s == "JPN" and c[:2] in ("06", "07") and t == "HTI" for s, c, t in triples(code(text, ents)))
    # a delivery merely mentioned next to thanks for something else gets no roles from the thanks
    text = "Die Regierung von Haiti bedankte sich bei Japan, die Lieferung von Medikamenten verzögert sich."
    assert not any(c[:2] in ("06", "07") for s, c, t in triples(code(text, ents)))


def test_agentless_force_posture_is_the_story_state_s_only_without_a_place() -> None:
    story = "Die syrische Regierung geht gegen Demonstranten vor. "
    gov = {"syrische Regierung": ("ORG", "SYR", None, ["GOV"]), "Libanon": ("GPE", "LBN", None, [])}
    doc = code(story + "In mehreren Stadtteilen wurden Panzer in Stellung gebracht.", gov)
    assert ("SYR", "150", "SYR") in triples(doc)
    # forces moved to a named place may be anyone's
    doc = code(story + "An der Grenze zum Libanon wurden Panzer in Stellung gebracht.", gov)
    assert not any(c.startswith("15") for s, c, t in triples(doc))
