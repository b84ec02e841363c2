"""English events, round 2: a belief that another actor did harm is an accusation, and an agentless
arrest or charge is the state of its scene acting on its own people."""

from __future__ import annotations

from tests.extract.test_events import code, triples

DEU = ("GPE", "DEU", None, [])
POL = ("GPE", "POL", None, [])
RUS = ("GPE", "RUS", None, [])
FRA = ("GPE", "FRA", None, [])


def test_belief_that_another_did_harm_is_an_accusation() -> None:
    doc = code("Germany suspects Russia killed the dissident.", "en", {"Germany": DEU, "Russia": RUS})
    assert ("DEU", "112", "RUS") in triples(doc)
    # what is believed is no happening of its own
    assert not any(c.startswith("18") for _, c, _ in triples(doc))


def test_belief_in_something_harmless_or_future_accuses_nobody() -> None:
    assert not triples(code("Germany believes Russia wants peace.", "en", {"Germany": DEU, "Russia": RUS}))
    assert not triples(code("Germany believes Russia will attack Poland.", "en",
                            {"Germany": DEU, "Russia": RUS, "Poland": POL}))


def test_agentless_charge_is_the_state_of_its_scene() -> None:
    text = "France hosted the talks. A trial has opened in Poland in which seven men have been charged with murder."
    assert ("POL", "173", "POL") in triples(code(text, "en", {"France": FRA, "Poland": POL}))


def test_agentless_killing_abroad_names_no_state() -> None:
    text = "France hosted the talks. A trial has opened in Poland after seven men were killed."
    assert not any(c.startswith("18") for _, c, _ in triples(code(text, "en", {"France": FRA, "Poland": POL})))


def test_killings_in_a_massacre_are_mass_violence() -> None:
    assert ("RUS", "202", "POL") in triples(code("Russia killed 300 villagers in Poland in a massacre.", "en",
                                                 {"Russia": RUS, "Poland": POL}))
    assert ("RUS", "1823", "POL") in triples(code("Russia killed 300 villagers in Poland.", "en",
                                                  {"Russia": RUS, "Poland": POL}))


UN = ("ORG", None, "UN", ["IGO"])
NGO = ("ORG", None, "TW", ["NGO"])


def test_igo_investigation_without_subject_concerns_the_story_country() -> None:
    story = "Polish farmers blocked roads in Poland for weeks. On Monday, police arrested dozens. "
    doc = code(story + "The United Nations investigated the case in May.", "en", {"Poland": POL, "United Nations": UN})
    assert ("UN", "090", "POL") in triples(doc)
    # a non-governmental body's inquiry is mostly a study: no event with the story's country
    doc = code(story + "Transparency Watch investigated the case in May.", "en",
               {"Poland": POL, "Transparency Watch": NGO})
    assert not any(s == "TW" for s, _, _ in triples(doc))


def test_a_sentence_ending_in_a_verb_of_believing_is_coded_without_error() -> None:
    # headlines often end with the attribution and no full stop
    doc = code("Iran attacked the embassy, intelligence agencies believe", "en", {"Iran": ("GPE", "IRN", None, [])})
    assert all(e.rule for e in doc.events)
