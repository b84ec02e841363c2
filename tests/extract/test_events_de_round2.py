"""German events, second round: agentless passives as one-sided events, accusing claims, the target of a
refusal in its infinitive (sentences written for these tests; entities marked by hand)."""

from __future__ import annotations

from tests.extract.test_events_de_roles import code, triples

FRA = ("GPE", "FRA", None, [])
MLI = ("GPE", "MLI", None, [])


def test_agentless_appeal_to_a_state_is_one_sided() -> None:
    doc = code("Frankreich wurde am Montag aufgefordert, die Grenze zu öffnen.", {"Frankreich": FRA})
    assert triples(doc) == {(None, "020", "FRA")}
    assert doc.events[0].source is None and doc.events[0].rule == "de.verb.auffordern"


def test_agentless_criticism_of_a_state_organ_is_one_sided() -> None:
    doc = code("Die Regierung von Mali ist international scharf kritisiert worden.", {"Mali": MLI})
    assert (None, "111", "MLI") in triples(doc)


def test_passive_with_agent_keeps_its_source() -> None:
    doc = code("Frankreich wurde von Mali aufgefordert, die Grenze zu öffnen.", {"Frankreich": FRA, "Mali": MLI})
    assert triples(doc) == {("MLI", "020", "FRA")}


def test_agentless_appeal_to_workers_is_no_event() -> None:
    # workers told to leave a plant by someone unsaid: no state, organisation or state organ involved
    doc = code("Die Arbeiter wurden aufgefordert, das Werk zu verlassen.", {})
    assert doc.events == []


def test_claim_that_someone_committed_a_violation_is_an_accusation() -> None:
    from lagebild.extract import event_statements as statements
    from lagebild.extract.event_lexicon import load_lexicon

    lex = load_lexicon("de")
    words = [{"die", "Soldaten", "Soldat", "hätten", "Grenzverletzung", "begangen", "begehen"}]
    assert statements.classify(lex, {"behaupten"}, words, [False])[0] == "112"


def test_refusal_targets_the_actor_in_its_infinitive() -> None:
    doc = code("Mali weigerte sich, der Forderung Frankreichs, die Wahlen zu verschieben, nachzukommen.",
               {"Mali": MLI, "Frankreich": FRA})
    assert any(s == "MLI" and c.startswith("12") and t == "FRA" for s, c, t in triples(doc))


def test_refusal_does_not_reach_past_a_finite_clause() -> None:
    doc = code("Mali lehnte ab, weil Frankreich die Wahlen verschoben hatte, mit der Opposition zu reden.",
               {"Mali": MLI, "Frankreich": FRA})
    assert not any(s == "MLI" and c.startswith("12") and t == "FRA" for s, c, t in triples(doc))
