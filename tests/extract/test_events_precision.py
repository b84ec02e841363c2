"""Event precision on unseen news: an impersonal subject leaves the doer unsaid; soldiers, or a country,
hit by someone unsaid are not their own state acting at home; a demonym before a nominal trigger
names its doer; a sharp attack on a decision is criticism;
questions and "ob" clauses assert nothing; dying in a place is no hunger strike,
a cardiac arrest no arrest; "two surrounding provinces" surround nothing;
protesters assaulting protest violently; "elected to" an office is no praise (sentences written for these tests)."""

from __future__ import annotations

from tests.extract import test_events as en
from tests.extract.test_events_de_roles import code, triples


def test_impersonal_subject_is_no_source() -> None:
    text = "Der kenianische Präsident erklärte, dass {} sich mit der somalischen Regierung geeinigt habe."
    assert ("KEN", "030", "SOM") in triples(code(text.format("Kenia")))
    # "man": whoever agreed is unsaid, not the speaker of the clause around it
    assert not any(e.cameo.startswith("03") for e in code(text.format("man")).events)


def test_soldiers_killed_by_someone_unsaid_are_not_a_domestic_killing() -> None:
    text = "In Somalia kämpft die Armee gegen Milizen. Am Montag wurden drei somalische {} getötet."
    assert not any(e.cameo.startswith("18") for e in code(text.format("Soldaten")).events)
    # protesters killed at home: the state of the place is the likely doer
    assert ("SOM", "1823", "SOM") in triples(code(text.format("Demonstranten")))


def test_a_country_attacked_by_someone_unsaid_is_not_attacking_itself() -> None:
    for text in ("In Israel herrscht Alarm. Am Abend wurden erneut Raketen auf Israel abgeschossen.",
                 "In Syrien herrscht Krieg. Die Angriffe auf Damaskus gingen weiter.",
                 "In Israel herrscht Alarm. Die Hamas forderte ein Ende der Angriffe auf Israel."):
        assert not any(e.cameo.startswith("19") for e in code(text).events)


def test_demonym_before_a_nominal_trigger_is_its_doer() -> None:
    doc = code("Der ägyptische Präsident warnte, dass ein türkischer Angriff auf Libyen bevorstehe.")
    assert ("TUR", "190", "LBY") in triples(doc)
    assert not any(e.cameo == "190" and e.source and e.source.country == "EGY" for e in doc.events)


def test_sharp_attack_on_a_decision_is_criticism() -> None:
    doc = code("Der deutsche Außenminister hat die russische Regierung wegen ihrer Entscheidung scharf angegriffen.")
    assert ("DEU", "111", "RUS") in triples(doc)
    assert ("RUS", "190", "UKR") in triples(code("Russische Truppen griffen die Ukraine am Morgen an."))


def test_a_question_asserts_no_event() -> None:
    assert ("RUS", "190", "UKR") in triples(code("Russland hat die Ukraine angegriffen."))
    assert not triples(code("Hat Russland die Ukraine angegriffen?"))
    assert not triples(code("Warum hat Russland die Ukraine angegriffen?"))


def test_whether_something_happened_is_no_event() -> None:
    assert not triples(code("Die deutsche Regierung prüft, ob Russland die Ukraine angegriffen hat."))


def test_dying_in_a_place_is_no_event() -> None:
    ents = {"Joe Miller": ("PER", "USA", None, ["GOV"]), "Chicago": ("GPE", "USA", None, [])}
    assert not en.triples(en.code("The American senator Joe Miller died in Chicago on Monday.", "en", ents))


def test_cardiac_arrest_is_no_arrest() -> None:
    ents = {"Joe Miller": ("PER", "USA", None, ["GOV"])}
    text = "The American government said the senator Joe Miller died after a {} arrest."
    assert not en.triples(en.code(text.format("cardiac"), "en", ents))
    doc = en.code("The American government announced the arrest of the senator Joe Miller.", "en", ents)
    assert ("USA", "173", "USA") in en.triples(doc)


def test_present_participle_before_a_noun_is_an_adjective() -> None:
    ents: dict[str, tuple[str, str | None, str | None, list[str]]] = {}
    assert ("MEX", "144", "USA") in en.triples(en.code("Mexican troops surrounded the American embassy.", "en", ents))
    doc = en.code("The Mexican government controls the capital and two surrounding provinces.", "en", ents)
    assert not en.triples(doc)


def test_protesters_assaulting_is_a_violent_protest() -> None:
    doc = en.code("In Belgrade, Serbian protesters threw rocks at the police.", "en", {})
    assert en.triples(doc) == {("SRB", "145", "SRB")}


def test_elected_to_an_office_is_no_interaction() -> None:
    ents = {"Joe Miller": ("PER", "USA", None, ["LEG"]), "Congress": ("ORG", "USA", None, ["LEG"])}
    doc = en.code("The American politician Joe Miller, first elected to Congress in 1996, died on Monday.", "en", ents)
    assert not any(e.cameo == "051" for e in doc.events)
