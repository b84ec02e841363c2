"""Clause roles: two-part coordinators ("sowohl … als auch", "not only … but also", "either … or"),
relative clauses that say what a report says ("ein Bericht, demzufolge …", "according to which") and
first-person words inside someone's quote ("unsere Truppen", "we"). Sentences written for these tests;
entities and quotes marked by hand."""

from __future__ import annotations

from lagebild.doc import Document
from tests.extract.test_events import code

FRA = ("GPE", "FRA", None, [])
DEU = ("GPE", "DEU", None, [])
RUS = ("GPE", "RUS", None, [])
UKR = ("GPE", "UKR", None, [])
USA = ("GPE", "USA", None, [])
POL = ("GPE", "POL", None, [])


def triples(doc: Document) -> set[tuple[str | None, str, str | None]]:
    key = lambda a: (a.country or a.org) if a else None  # noqa: E731
    return {(key(e.source), e.cameo, key(e.target)) for e in doc.events if ".quote." not in e.rule}


def codes(doc: Document) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None)
            for e in doc.events if ".quote." not in e.rule}


# ---------------------------------------------------------------- two-part coordinators

def test_sowohl_als_auch_is_one_coordinated_subject() -> None:
    doc = code("Sowohl Frankreich als auch Deutschland kritisierten Polen am Montag.", "de",
               {"Frankreich": FRA, "Deutschland": DEU, "Polen": POL})
    assert triples(doc) == {("FRA", "111", "POL"), ("DEU", "111", "POL")}


def test_nicht_nur_sondern_auch_across_the_comma() -> None:
    doc = code("Nicht nur Frankreich, sondern auch Deutschland kritisierte Polen scharf.", "de",
               {"Frankreich": FRA, "Deutschland": DEU, "Polen": POL})
    assert triples(doc) == {("FRA", "111", "POL"), ("DEU", "111", "POL")}


def test_weder_noch_is_coordinated_and_negated() -> None:
    doc = code("Weder Frankreich noch Deutschland kritisierten Polen.", "de",
               {"Frankreich": FRA, "Deutschland": DEU, "Polen": POL})
    assert not any(c.startswith("11") for _, c, _ in triples(doc))
    assert ("FRA", "111", "DEU") not in triples(doc)


def test_correlative_subjects_act_each_on_their_own_not_with_each_other() -> None:
    # "China und Russland verhandeln" is a negotiation between them; with "sowohl … als auch" each
    # negotiates with someone else
    ents = {"Frankreich": FRA, "Deutschland": DEU}
    between = lambda doc: {frozenset((s, t)) for s, c, t in triples(doc) if c == "046"}  # noqa: E731
    assert between(code("Frankreich und Deutschland verhandeln über neue Verträge.", "de", ents)) == \
        {frozenset(("FRA", "DEU"))}
    assert not between(code("Sowohl Frankreich als auch Deutschland verhandeln über neue Verträge.", "de", ents))
    # English "both … and": its join word is a plain coordinator, the opening word still makes it two-part
    en = {"France": FRA, "Germany": DEU}
    assert between(code("France and Germany negotiated new treaties.", "en", en)) == {frozenset(("FRA", "DEU"))}
    assert not between(code("Both France and Germany negotiated new treaties.", "en", en))


def test_either_or_leaves_the_doer_open_de() -> None:
    doc = code("Entweder Russland oder die Ukraine hat den Staudamm angegriffen.", "de", {"Russland": RUS, "Ukraine": UKR})
    assert not any(c.startswith("19") for _, c, _ in triples(doc))


def test_both_and_and_not_only_but_also_en() -> None:
    ents = {"France": FRA, "Germany": DEU, "Poland": POL}
    assert triples(code("Both France and Germany criticized Poland on Monday.", "en", ents)) == \
        {("FRA", "111", "POL"), ("DEU", "111", "POL")}
    assert triples(code("Not only France but also Germany criticized Poland.", "en", ents)) == \
        {("FRA", "111", "POL"), ("DEU", "111", "POL")}


def test_either_or_en_is_no_dyad_between_the_alternatives() -> None:
    doc = code("Either France or Germany will host the summit.", "en", {"France": FRA, "Germany": DEU})
    assert not any(s == "FRA" and t == "DEU" for s, _, t in triples(doc))


def test_a_plain_but_between_clauses_still_separates_them() -> None:
    doc = code("France criticized Poland, but Germany stayed silent.", "en",
               {"France": FRA, "Germany": DEU, "Poland": POL})
    assert triples(doc) == {("FRA", "111", "POL")}


# ---------------------------------------------------------------- what a report says

def test_laut_dem_clause_has_its_own_subject() -> None:
    doc = code("Die Ukraine verwies auf einen Bericht, laut dem Russland die USA kritisiert habe.", "de",
               {"Ukraine": UKR, "Russland": RUS, "USA": USA})
    assert triples(doc) == {("RUS", "111", "USA")}
    assert doc.events[0].modality == "reported"


def test_demzufolge_clause_takes_no_role_from_the_main_clause() -> None:
    doc = code("Russland verwies auf einen Bericht, demzufolge die Ukraine scharf kritisiert worden sei.", "de",
               {"Russland": RUS, "Ukraine": UKR})
    assert not any(s == "RUS" for s, _, _ in triples(doc))


def test_wonach_clause_reports() -> None:
    doc = code("Polen veröffentlichte eine Studie, wonach Russland die Ukraine angegriffen hat.", "de",
               {"Polen": POL, "Russland": RUS, "Ukraine": UKR})
    assert triples(doc) == {("RUS", "190", "UKR")}
    assert doc.events[0].modality == "reported"


def test_an_ordinary_relative_clause_keeps_its_antecedent() -> None:
    doc = code("Russland kritisierte die Ukraine, die Polen angegriffen habe.", "de",
               {"Russland": RUS, "Ukraine": UKR, "Polen": POL})
    assert ("RUS", "111", "UKR") in triples(doc)


def test_according_to_which_en() -> None:
    doc = code("Ukraine cited a report according to which Russian troops had been criticized.", "en",
               {"Ukraine": UKR, "Russian": RUS})
    assert not any(s == "UKR" for s, _, _ in triples(doc))


# ---------------------------------------------------------------- first person inside a quote

MINISTER = ("PER", "RUS", None, ["GOV"])


def test_our_troops_in_a_quote_are_the_speaker_s() -> None:
    text = ("Die Ukraine meldete am Montag neue Kämpfe. Sergej Lawrow sagte, "
            "unsere Truppen hätten die ukrainische Armee angegriffen.")
    doc = code(text, "de", {"Ukraine": UKR, "Sergej Lawrow": MINISTER},
               quote=("Sergej Lawrow", "unsere Truppen hätten die ukrainische Armee angegriffen", "sagte"))
    assert ("RUSMIL", "190", "UKRMIL") in codes(doc)
    assert not any(s == "UKR" and c.startswith("19") for s, c, _ in triples(doc))


def test_we_in_a_quote_is_the_speaker_s_side_en() -> None:
    text = "Ukraine reported new fighting on Monday. Sergei Lavrov said we had attacked the Ukrainian army."
    doc = code(text, "en", {"Ukraine": UKR, "Sergei Lavrov": MINISTER},
               quote=("Sergei Lavrov", "we had attacked the Ukrainian army", "said"))
    assert ("RUSGOV", "190", "UKRMIL") in codes(doc)


def test_our_troops_outside_a_quote_stay_unresolved() -> None:
    doc = code("Die Ukraine meldete am Montag neue Kämpfe. Unsere Truppen haben die russische Armee angegriffen.",
               "de", {"Ukraine": UKR})
    assert not any(c.startswith("19") for _, c, _ in triples(doc))


def test_a_speaker_of_the_article_s_country_keeps_it() -> None:
    text = "Die Ukraine meldete neue Kämpfe. Wolodymyr Selenskyj sagte, die russische Armee habe unsere Soldaten angegriffen."
    doc = code(text, "de", {"Ukraine": UKR, "Wolodymyr Selenskyj": ("PER", "UKR", None, ["GOV"])},
               quote=("Wolodymyr Selenskyj", "die russische Armee habe unsere Soldaten angegriffen", "sagte"))
    assert ("RUSMIL", "190", "UKRMIL") in codes(doc)


def test_laut_as_a_preposition_is_no_connector() -> None:
    # "laut der Ukraine" names a source inside the clause; the clause's subject stays Russia
    doc = code("Russland habe am Montag laut der Ukraine Polen angegriffen.", "de",
               {"Russland": RUS, "Ukraine": UKR, "Polen": POL})
    assert ("RUS", "190", "POL") in triples(doc)
    assert not any(s == "UKR" for s, _, _ in triples(doc))



# ---------------------------------------------------------------- the demonym of what is criticised

def test_the_demonym_of_a_condemned_act_names_the_target() -> None:
    assert ("FRA", "111", "RUS") in triples(code("France condemned the Russian attack.", "en", {"France": FRA}))
    assert ("FRA", "111", "RUS") in triples(code("Frankreich verurteilte den russischen Angriff.", "de",
                                                 {"Frankreich": FRA}))
    both = triples(code("France and Germany condemned the Russian attack on Kyiv.", "en",
                        {"France": FRA, "Germany": DEU}))
    assert {("FRA", "111", "RUS"), ("DEU", "111", "RUS")} <= both


def test_the_source_s_own_demonym_is_no_foreign_target() -> None:
    got = triples(code("France condemned the French police.", "en", {"France": FRA}))
    assert not any(t[2] == "RUS" for t in got) and all(t[0] == "FRA" for t in got)
