"""Quote stage, round 5: passive quoting verbs, titles after an article, derived words that look
like source nouns and indicative clauses after a verb with its object, in sentences written for
these tests."""

from __future__ import annotations

from tests.extract.test_quotes import run


def _src(q) -> str:  # type: ignore[no-untyped-def]
    return ((q.model_extra or {}).get("source_span") or {}).get("text", "")


def test_de_passive_quoting_verb_keeps_subject_as_speaker() -> None:
    text = "Die Ministerin wird von der Agentur dpa mit den Worten zitiert, die Gespräche seien schwierig."
    doc = run("de", text, {}, keep_speakerless=True)
    assert [_src(q) for q in doc.quotes] == ["Die Ministerin"]


def test_de_passive_speech_verb_still_takes_agent() -> None:
    text = "Der Plan wurde von der Opposition kritisiert, er sei zu teuer."
    doc = run("de", text, {}, keep_speakerless=True)
    assert [_src(q) for q in doc.quotes] == ["der Opposition"]


def test_de_title_after_article_is_no_quote() -> None:
    text = "Der Bürgermeister sagte dem „Kölner Anzeiger“, dass die Brücke im Mai fertig werde."
    doc = run("de", text, {}, keep_speakerless=True)
    assert [text[q.start:q.end] for q in doc.quotes] == ["dass die Brücke im Mai fertig werde"]
    assert [_src(q) for q in doc.quotes] == ["Der Bürgermeister"]


def test_de_derived_word_is_no_source_noun() -> None:
    text = "Aller Voraussicht nach wird die Brücke im Mai fertig."
    doc = run("de", text, {}, keep_speakerless=True)
    assert doc.quotes == []


def test_de_compound_source_noun_still_counts() -> None:
    text = "Aus Regierungssicht ist die Lage ernst."
    doc = run("de", text, {}, keep_speakerless=True)
    assert len(doc.quotes) == 1


def test_de_indicative_clause_after_verb_with_object_is_no_report() -> None:
    text = "Zwar bemerkte der Fahrer die Panne sofort, anhalten konnte er jedoch nicht mehr."
    doc = run("de", text, {}, keep_speakerless=True)
    assert doc.quotes == []


def test_de_subjunctive_clause_after_verb_with_object_is_still_a_report() -> None:
    text = "Der Sprecher bestätigte den Bericht, die Fabrik werde geschlossen."
    doc = run("de", text, {}, keep_speakerless=True)
    assert [_src(q) for q in doc.quotes] == ["Der Sprecher"]


def test_de_name_after_reflexive_is_no_quote() -> None:
    text = "Seit dem Umzug nennt sich der Verein „Forum Süd“ und lädt monatlich ein."
    doc = run("de", text, {}, keep_speakerless=True)
    assert all("Forum Süd" not in text[q.start:q.end] for q in doc.quotes)
