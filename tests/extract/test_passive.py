"""The shared passive reader (lagebild.extract.passive): the same question for event triggers and
speech verbs, answered from each language's passive.yaml."""

from __future__ import annotations

import pytest

from lagebild import lang as langdata
from lagebild.analyze import Token
from lagebild.doc import Document
from lagebild.extract.passive import load_passive
from lagebild.lang import languages
from lagebild.pipeline import build


def _tokens(text: str, lang: str) -> list[Token]:
    doc = build(lang, ["lagebild.analyze:make_analyzer"])(Document(doc_id="t", lang=lang, text=text))
    return [t for s in doc.layers["sentences"] for t in s.tokens]


def _at(toks: list[Token], word: str) -> int:
    return next(i for i, t in enumerate(toks) if t.text == word)


@pytest.mark.parametrize("lang", languages())
def test_every_language_has_passive_cues_of_the_same_shape(lang: str) -> None:
    p = load_passive(lang)
    assert p.auxiliary_lemmas and p.auxiliary_forms
    assert set(langdata.load(lang, "passive")) == set(langdata.load("de", "passive"))


@pytest.mark.parametrize(("text", "lang", "word", "passive"), [
    ("Der Minister wurde gestern in der Hauptstadt festgenommen.", "de", "festgenommen", True),
    ("Der Minister wird morgen die Hauptstadt besuchen.", "de", "besuchen", False),
    ("Der Minister ist gestern in die Hauptstadt gereist.", "de", "gereist", False),
    ("The minister was arrested in the capital.", "en", "arrested", True),
    ("The minister was reportedly arrested in the capital.", "en", "arrested", True),
    ("The minister arrested two officers in the capital.", "en", "arrested", False),
])
def test_a_trigger_is_passive_by_its_auxiliary_in_the_clause(text: str, lang: str, word: str, passive: bool) -> None:
    toks = _tokens(text, lang)
    assert load_passive(lang).in_clause(toks, _at(toks, word)) is passive


@pytest.mark.parametrize(("text", "lang", "word", "passive"), [
    ("Die Bürger wurden aufgerufen, ruhig zu bleiben.", "de", "aufgerufen", True),
    ("Er hat es, wie berichtet wurde, abgelehnt.", "de", "berichtet", True),
    ("Die Bürger haben gesagt, sie blieben ruhig.", "de", "gesagt", False),
    ("The citizens were urged to stay calm.", "en", "urged", True),
    ("He was arrested in May and promised to leave.", "en", "promised", False),
    ("He was saying that he would leave.", "en", "saying", False),
])
def test_a_speech_verb_is_passive_by_the_auxiliary_of_its_clause(text: str, lang: str, word: str, passive: bool) -> None:
    toks = _tokens(text, lang)
    i = _at(toks, word)
    coord = {"und", "and"}
    got = load_passive(lang).of_verb(toks, i, i, 0, len(toks), lambda x: toks[x].text == "," or toks[x].text in coord)
    assert got is passive


@pytest.mark.parametrize(("text", "aux", "perfect"), [
    ("Der Händler soll das Geld gestohlen haben.", "haben", True),
    ("Die Gefangenen sollen über die Grenze geflohen sein.", "sein", True),
    ("Die Gefangenen sollen verhaftet worden sein.", "sein", True),
    ("Die Kommission soll den Fall prüfen und unabhängig sein.", "sein", False),
])
def test_a_perfect_infinitive_is_an_auxiliary_infinitive_after_a_participle(text: str, aux: str,
                                                                           perfect: bool) -> None:
    toks = _tokens(text, "de")
    i = _at(toks, aux)
    assert load_passive("de").perfect_infinitive(toks[i], toks[i - 1]) is perfect


def test_the_auxiliary_is_known_whatever_the_case_of_its_lemma() -> None:
    # a lemmatiser may keep a sentence-initial capital ("Wurde" → "Wurde"); both readers fold it
    p = load_passive("de")
    aux = Token(0, 5, "Wurde", "Werden", "AUX", True)
    assert p.auxiliary(aux) and p.auxiliary_form(aux)
