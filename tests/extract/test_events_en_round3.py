"""English events, round 3: a name before a document noun names the document, not a party to it."""

from __future__ import annotations

from tests.extract.test_events import code, triples

NGA = ("GPE", "NGA", None, [])
AU = ("ORG", None, "AU", ["IGO"])
AFCFTA = ("ORG", None, "AFCFTA", ["IGO"])


def test_agreement_named_after_a_body_binds_its_parent_organisation() -> None:
    text = "The African Union met in Addis Ababa. Nigeria signed the African Continental Free Trade Area agreement."
    doc = code(text, "en", {"African Union": AU, "Nigeria": NGA, "African Continental Free Trade Area": AFCFTA})
    assert ("AU", "057", "NGA") in triples(doc)
    assert not any("AFCFTA" in (s, t) for s, _, t in triples(doc))


def test_document_name_stays_without_its_parent_in_the_article() -> None:
    doc = code("Nigeria signed the African Continental Free Trade Area agreement.", "en",
               {"Nigeria": NGA, "African Continental Free Trade Area": AFCFTA})
    assert ("AFCFTA", "057", "NGA") in triples(doc)
    # joining the area itself is no document: the area stays the partner
    doc = code("The African Union met. Nigeria joined the African Continental Free Trade Area.", "en",
               {"African Union": AU, "Nigeria": NGA, "African Continental Free Trade Area": AFCFTA})
    assert ("NGA", "057", "AFCFTA") in triples(doc)


TUR = ("GPE", "TUR", None, [])
SYR = ("GPE", "SYR", None, [])
USA = ("GPE", "USA", None, [])


def test_criticising_the_move_concerns_the_doer_of_the_last_act() -> None:
    text = "Turkey expelled diplomats from Syria on Monday. The United States condemned the decision."
    assert ("USA", "111", "TUR") in triples(code(text, "en", {"Turkey": TUR, "Syria": SYR, "United States": USA}))


def test_a_comment_is_no_act_the_move_refers_to() -> None:
    text = "Turkey criticised Syria on Monday. The United States condemned the move."
    doc = code(text, "en", {"Turkey": TUR, "Syria": SYR, "United States": USA})
    # (not the critic of that comment; the pair is left to the implicit-target mechanism)
    assert ("USA", "111", "TUR") not in triples(doc)
