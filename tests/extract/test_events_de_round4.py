"""German events, fourth round: a finite verb after a year at the start of a sentence (sentences
written for these tests; entities marked by hand)."""

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
