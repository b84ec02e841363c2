"""English clause roles of the events stage: who is the subject of a relative, participle or object
clause, which names are actors, and a few English verb patterns."""

from __future__ import annotations

from lagebild.doc import Document, Quote
from tests.extract.test_events import _stages, code, triples

POL = ("GPE", "POL", None, [])
DEU = ("GPE", "DEU", None, [])
RUS = ("GPE", "RUS", None, [])
HUN = ("GPE", "HUN", None, [])
SVK = ("GPE", "SVK", None, [])


def test_relative_pronoun_stands_for_the_actor_before_it() -> None:
    doc = code("The minister thanked Poland, which condemned Russia on Monday.", "en", {"Poland": POL, "Russia": RUS})
    assert ("POL", "111", "RUS") in triples(doc)


def test_participle_clause_takes_the_subject_of_its_clause() -> None:
    doc = code("On Monday, Jan Kowal, a former judge, addressed reporters in Warsaw, urging Germany to send tanks.",
               "en", {"Jan Kowal": ("PER", "POL", None, ["GOV"]), "Germany": DEU})
    assert ("POL", "020", "DEU") in triples(doc)


def test_participle_after_a_passive_takes_its_agent() -> None:
    doc = code("The results were praised by Poland as a victory, urging Germany to act.", "en",
               {"Poland": POL, "Germany": DEU})
    assert ("POL", "020", "DEU") in triples(doc)
    assert not any(s == "DEU" for s, _, _ in triples(doc))


def test_subject_interrupted_by_a_participle_phrase() -> None:
    doc = code("Poland, angered by the vote, condemned Hungary.", "en", {"Poland": POL, "Hungary": HUN})
    assert triples(doc) == {("POL", "111", "HUN")}


def test_object_clause_without_that_has_its_own_subject() -> None:
    doc = code("Germany announced Poland expelled the Russian ambassador.", "en",
               {"Germany": DEU, "Poland": POL})
    assert ("POL", "1663", "RUS") in triples(doc)
    assert not any(s == "DEU" and c.startswith("16") for s, c, _ in triples(doc))


def test_what_is_believed_is_no_happening() -> None:
    doc = code("Officials in Germany believe Russia attacked Poland.", "en", {"Germany": DEU, "Russia": RUS, "Poland": POL})
    assert not any(c.startswith("19") for _, c, _ in triples(doc))


def test_person_of_country() -> None:
    doc = code("Presidents Jan Novak of Poland and Petr Horak of Slovakia condemned Russia.", "en",
               {"Jan Novak": ("PER", None, None, ["GOV"]), "Petr Horak": ("PER", None, None, ["GOV"]),
                "Poland": POL, "Slovakia": SVK, "Russia": RUS})
    assert triples(doc) == {("POL", "111", "RUS"), ("SVK", "111", "RUS")}


def test_name_modifying_a_common_noun_is_no_actor() -> None:
    doc = code("Farmers from Poland, carrying European Union flags, marched to the Sejm.", "en",
               {"European Union": ("ORG", None, "EU", ["IGO"]), "Poland": POL})
    assert not any(s == "EU" for s, _, _ in triples(doc))


def test_parenthesised_abbreviation_stays_in_its_clause() -> None:
    doc = code("Poland signed the Central Trade Area (CTA) agreement with Hungary.", "en", {"Poland": POL, "Hungary": HUN})
    assert {(s, c[:2], t) for s, c, t in triples(doc)} & {("POL", "05", "HUN"), ("HUN", "05", "POL")}


def test_english_verb_patterns() -> None:
    assert ("POL", "101") in {(s, c) for s, c, _ in triples(code(
        "Poland called for an investigation into the shooting by Russia.", "en", {"Poland": POL, "Russia": RUS}))}
    assert ("RUS", "0874", "POL") in triples(code(
        "Russia withdrew its troops from Poland.", "en", {"Russia": RUS, "Poland": POL}))
    assert not code("The broadcaster in Poland withdrew its reporters from Russia.", "en",
                    {"Poland": POL, "Russia": RUS}).events
    assert not any(c.startswith("04") for _, c, _ in triples(code(
        "Poland sent a letter to Germany.", "en", {"Poland": POL, "Germany": DEU})))
    assert ("HUN", "111", "POL") in triples(code(
        "Hungary attacked the decision of Poland.", "en", {"Hungary": HUN, "Poland": POL}))


def test_opening_participle_takes_the_main_subject() -> None:
    doc = code("Refusing to withdraw its troops, Russia attacked Poland.", "en", {"Russia": RUS, "Poland": POL})
    assert ("RUS", "190", "POL") in triples(doc)
    assert all(s == "RUS" for s, _, _ in triples(doc))


def test_negated_cooperation_is_a_rejection() -> None:
    doc = code("Neither Poland nor Hungary endorsed the treaty with Russia.", "en",
               {"Poland": POL, "Hungary": HUN, "Russia": RUS})
    assert {(s, c) for s, c, _ in triples(doc)} == {("POL", "120"), ("HUN", "120")}
    assert not code("Poland did not attack Russia.", "en", {"Poland": POL, "Russia": RUS}).events


def test_if_not_is_no_condition() -> None:
    doc = code("Poland condemned Russia, if not in so many words.", "en", {"Poland": POL, "Russia": RUS})
    assert ("POL", "111", "RUS") in triples(doc)


def test_ending_cooperation_and_leading_an_insurgency() -> None:
    ended = triples(code("Poland ended the cooperation with Hungary.", "en", {"Poland": POL, "Hungary": HUN}))
    assert ended & {("POL", "160", "HUN"), ("HUN", "160", "POL")}  # a partner with "with": symmetric
    assert ("POL", "190", "RUS") in triples(code("Poland led an offensive against Russia.", "en",
                                                  {"Poland": POL, "Russia": RUS}))


def test_members_of_a_body_act_for_it() -> None:
    doc = code("Members of the Polish Sejm condemned Russia.", "en",
               {"Polish Sejm": ("ORG", "POL", None, ["LEG"]), "Russia": RUS})
    assert ("POL", "111", "RUS") in triples(doc)


def test_meeting_in_a_foreign_capital_is_a_visit() -> None:
    doc = code("Polish leaders met in Berlin on Monday.", "en", {"Polish leaders": ("ORG", "POL", None, ["GOV"])})
    assert ("POL", "042", "DEU") in triples(doc)
    home = code("Polish leaders met in Warsaw on Monday.", "en", {"Polish leaders": ("ORG", "POL", None, ["GOV"])})
    assert not any(c == "042" for _, c, _ in triples(home))


def test_name_may_is_no_modal() -> None:
    doc = code("Theresa May condemned Russia.", "en", {"Theresa May": ("PER", "GBR", None, ["GOV"]), "Russia": RUS})
    assert ("GBR", "111", "RUS") in triples(doc)


def test_rejection_targets_the_one_other_country_named_before() -> None:
    doc = code("Viktor Orban won the vote over the opposition, but neither Poland nor Germany would endorse the result.",
               "en", {"Viktor Orban": ("PER", "HUN", None, []), "Poland": POL, "Germany": DEU})
    assert {("POL", "120", "HUN"), ("DEU", "120", "HUN")} <= triples(doc)


def test_date_of_another_clause_yields_to_a_standalone_date() -> None:
    doc = code("On 10 October, Poland, whose election is to be held on August 9, condemned Russia.", "en",
               {"Poland": POL, "Russia": RUS}, published="2024-10-14")
    ev = next(e for e in doc.events if e.cameo == "111")
    assert ev.date == "2024-10-10"


def test_possessive_pronoun_names_the_source_of_a_nominal_trigger() -> None:
    doc = code("Jan Kowal left office in exchange for his resignation from the party.", "en",
               {"Jan Kowal": ("PER", "POL", None, ["GOV"])})
    assert ("POL", "0831", "POL") in triples(doc)


def test_organisation_demand_concerns_the_country_of_the_story() -> None:
    doc = code("Police in Poland fired on protesters. Amnesty International has called for an investigation.", "en",
               {"Poland": POL, "Amnesty International": ("ORG", None, "AMN", ["NGO"])})
    assert ("AMN", "101", "POL") in triples(doc)


def test_name_after_an_opening_phrase_is_the_subject() -> None:
    doc = code("On live television Jan Kowal condemned Russia.", "en",
               {"Jan Kowal": ("PER", "POL", None, ["GOV"]), "Russia": RUS})
    assert triples(doc) == {("POL", "111", "RUS")}


def test_agent_of_the_object_is_the_target() -> None:
    doc = code("Poland attacked the proclamation of the border as final by Russia.", "en", {"Poland": POL, "Russia": RUS})
    assert ("POL", "111", "RUS") in triples(doc)


def test_vow_to_fight_is_a_threat() -> None:
    assert ("POL", "130", "RUS") in triples(code("Poland vowed to fight Russia.", "en", {"Poland": POL, "Russia": RUS}))


def test_only_an_object_noun_phrase_links_a_possessor() -> None:
    doc = code("Poland accused him of obstruction of Russia.", "en", {"Poland": POL, "Russia": RUS})
    assert ("POL", "112", "RUS") not in triples(doc)


def test_negation_after_the_trigger_is_no_refusal() -> None:
    doc = code("Poland endorsed the plan of Hungary, and not much more.", "en", {"Poland": POL, "Hungary": HUN})
    assert not any(c.startswith("12") for _, c, _ in triples(doc))


def test_what_is_alleged_is_no_happening() -> None:
    doc = code("Poland alleged Russia attacked Hungary.", "en", {"Poland": POL, "Russia": RUS, "Hungary": HUN})
    assert not any(c.startswith("19") for _, c, _ in triples(doc))


def test_apposition_name_after_a_noun_keeps_its_preposition() -> None:
    doc = code("Jan Kowal spoke about her husband Petr Novak, and condemned Russia.", "en",
               {"Jan Kowal": ("PER", "POL", None, ["GOV"]), "Petr Novak": ("PER", "CZE", None, []), "Russia": RUS})
    assert ("POL", "111", "RUS") in triples(doc)


def test_participle_after_its_noun_is_no_predicate_between_subject_and_noun() -> None:
    doc = code("Jan Kowal spoke in a statement released in conjunction with a visit to Germany.", "en",
               {"Jan Kowal": ("PER", "POL", None, ["GOV"]), "Germany": DEU})
    assert ("POL", "042", "DEU") in triples(doc)


def test_date_in_a_quotation_does_not_date_the_narrated_act() -> None:
    text = '"We will leave by October 31st," Jan Kowal said in conjunction with a visit to Germany.'
    ents = {"Jan Kowal": ("PER", "POL", None, ["GOV"]), "Germany": DEU}
    quote = Quote(start=1, end=text.index('"', 1), text=text[1:text.index('"', 1)], kind="direct", speaker="e1",
                  cue="said")
    analyzer, times, coref, events = _stages("en")
    doc = times(analyzer(Document(doc_id="q", lang="en", published="2019-09-11", text=text)))
    doc.entities = code(text, "en", ents).entities
    doc.quotes.append(quote)
    doc = events(coref(doc))
    visit = next(e for e in doc.events if e.cameo == "042")
    assert (visit.source.country, visit.target.country) == ("POL", "DEU") and visit.modality != "future"


def test_infinitive_after_a_comma_has_the_subject_of_its_clause() -> None:
    doc = code("Hungary voted on Sunday, 12 May, to leave the alliance with Poland.", "en", {"Hungary": HUN, "Poland": POL})
    assert {(s, c) for s, c, _ in triples(doc)} >= {("HUN", "160")}


def test_gerund_under_a_preposition_is_a_topic() -> None:
    assert not code("Poland's efforts on leaving the alliance with Hungary stalled.", "en",
                    {"Poland": POL, "Hungary": HUN}).events
    assert ("POL", "111", "RUS") in triples(code("After meeting Hungary, Poland condemned Russia.", "en",
                                                  {"Poland": POL, "Hungary": HUN, "Russia": RUS}))
