"""Context rules and word classes of the rule tagger, on sentences written for these tests."""

from __future__ import annotations

import pytest

from lagebild.analyze import make_analyzer


@pytest.fixture(scope="module")
def de():  # type: ignore[no-untyped-def]
    return make_analyzer("de")


@pytest.fixture(scope="module")
def en():  # type: ignore[no-untyped-def]
    return make_analyzer("en")


def _tags(analyzer, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {t.text: t.pos for s in analyzer.sentences(text) for t in s.tokens}


def test_de_attributive_participles_are_adjectives(de) -> None:  # type: ignore[no-untyped-def]
    tags = _tags(de, "Die bewaffneten Männer brachten die verletzten Soldaten in ein Lager.")
    assert tags["bewaffneten"] == "ADJ" and tags["verletzten"] == "ADJ"
    assert tags["brachten"] == "VERB"


def test_de_unknown_inflected_adjective(de) -> None:  # type: ignore[no-untyped-def]
    tags = _tags(de, "Einheiten der sudanesischen Streitkräfte griffen an.")
    assert tags["sudanesischen"] == "ADJ"
    assert tags["griffen"] == "VERB"


def test_de_verbs_and_participles_after_auxiliaries_stay_verbs(de) -> None:  # type: ignore[no-untyped-def]
    tags = _tags(de, "Die Polizei hat die Männer festgenommen, die Regierung will die Grenzen schließen.")
    assert tags["festgenommen"] == "VERB" and tags["schließen"] == "VERB"


def test_en_adjective_class_and_degree(en) -> None:  # type: ignore[no-untyped-def]
    tags = _tags(en, "The new mayor promised larger budgets and the best schools in New York.")
    assert tags["new"] == "ADJ" and tags["larger"] == "ADJ" and tags["best"] == "ADJ"
    assert tags["New"] == "PROPN" and tags["York"] == "PROPN"


def test_capitalised_modal_inside_a_sentence_is_a_name(en) -> None:  # type: ignore[no-untyped-def]
    assert [t.pos for s in en.sentences("He was arrested in May.") for t in s.tokens][4] == "PROPN"
    assert [t.pos for s in en.sentences("May we ask?") for t in s.tokens][0] == "AUX"


def test_en_demonstrative_before_a_noun_is_det_else_pron(en) -> None:  # type: ignore[no-untyped-def]
    toks = [(t.text, t.pos) for s in en.sentences("This plan failed, and this was clear to those who knew.") for t in s.tokens]
    assert toks[0] == ("This", "DET") and ("this", "PRON") in toks and ("those", "PRON") in toks


def test_en_s_form_between_subject_and_object_is_a_verb(en) -> None:  # type: ignore[no-untyped-def]
    tags = _tags(en, "Moscow accuses the West of lying, and the talks continue.")
    assert tags["accuses"] == "VERB" and tags["talks"] == "NOUN"


def test_de_article_after_comma_in_reported_speech(de) -> None:  # type: ignore[no-untyped-def]
    toks = [(t.text, t.pos) for s in de.sentences("Er sagte, die Regierung werde die Grenze schließen.") for t in s.tokens]
    assert toks[3] == ("die", "DET")
    rel = [(t.text, t.pos) for s in de.sentences("Es kamen Männer, die Waffen trugen.") for t in s.tokens]
    assert rel[4] == ("die", "PRON")


def test_de_adverbs_in_en_are_not_infinitives(de) -> None:  # type: ignore[no-untyped-def]
    tags = _tags(de, "Die Minister arbeiten eng zusammen, die Kosten liegen oben.")
    assert tags["zusammen"] == "ADV" and tags["oben"] == "ADV" and tags["arbeiten"] == "VERB"


def test_de_participles_the_lemmatizer_keeps_get_their_verb(de) -> None:  # type: ignore[no-untyped-def]
    toks = {t.text: t for s in de.sentences("Die Wahl wurde annulliert, die Zusammenarbeit vertieft, er war bereit.")
            for t in s.tokens}
    assert (toks["annulliert"].pos, toks["annulliert"].lemma) == ("VERB", "annullieren")
    assert toks["vertieft"].pos == "VERB" and toks["bereit"].pos != "VERB"


def test_en_that_after_a_verb_is_a_complementizer(en) -> None:  # type: ignore[no-untyped-def]
    def that(text: str) -> str:
        return next(t.pos for s in en.sentences(text) for t in s.tokens if t.text == "that")

    assert that("Officials said that the talks failed.") == "SCONJ"
    assert that("He rejected that plan.") == "DET"
    assert that("They know that.") == "PRON"


def test_en_preposition_or_subordinator_by_what_follows(en) -> None:  # type: ignore[no-untyped-def]
    def pos(text: str, word: str) -> str:
        return next(t.pos for s in en.sentences(text) for t in s.tokens if t.text == word)

    assert pos("He left after the meeting.", "after") == "ADP"
    assert pos("He left after they met.", "after") == "SCONJ"
    assert pos("She served as president.", "as") == "ADP"
    assert pos("Prices rose as we expected.", "as") == "SCONJ"
    assert pos("They are applying pressure.", "applying") == "VERB"


def test_de_indefinite_determiners(de) -> None:  # type: ignore[no-untyped-def]
    tags = _tags(de, "Die anderen Staaten und die meisten Beobachter schwiegen vor allem.")
    assert tags["anderen"] == "DET" and tags["meisten"] == "DET" and tags["Staaten"] == "NOUN"


def test_en_adjective_after_copula_and_negation_stays_adjective(en) -> None:  # type: ignore[no-untyped-def]
    assert _tags(en, "The report is not available.")["available"] == "ADJ"
    assert _tags(en, "They did not establish contact.")["establish"] == "VERB"
