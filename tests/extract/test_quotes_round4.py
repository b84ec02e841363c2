"""Quote stage, round 4: groups as speakers, longer source phrases and frames beside a quote, in
sentences written for these tests."""

from __future__ import annotations

from tests.extract.test_quotes import run


def _src(q) -> str:  # type: ignore[no-untyped-def]
    return ((q.model_extra or {}).get("source_span") or {}).get("text", "")


def test_de_group_of_people_can_speak() -> None:
    text = "Sicherheitsexperten warnen vor einer neuen Angriffswelle im Winter."
    doc = run("de", text, {}, keep_speakerless=True)
    assert [_src(q) for q in doc.quotes] == ["Sicherheitsexperten"]


def test_de_thing_still_cannot_speak() -> None:
    text = "Die Überschwemmungen forderten mehr als hundert Todesopfer."
    doc = run("de", text, {}, keep_speakerless=True)
    assert doc.quotes == []


def test_de_source_keeps_quoted_name_in_genitive() -> None:
    text = "Ein Sprecher der „Stadtwerke Nord“ sagte, die Leitung sei repariert."
    doc = run("de", text, {}, keep_speakerless=True)
    assert [_src(q) for q in doc.quotes] == ["Ein Sprecher der „Stadtwerke Nord“"]


def test_de_partitive_pronoun_belongs_to_source() -> None:
    text = "Einer der beteiligten Bergretter sagte, die Suche werde fortgesetzt."
    doc = run("de", text, {}, keep_speakerless=True)
    assert [_src(q) for q in doc.quotes] == ["Einer der beteiligten Bergretter"]


def test_de_colon_frame_after_a_quote_takes_the_quote_after_it() -> None:
    text = ("„Die Brücke bleibt gesperrt.“ Der Bürgermeister erklärte dazu: „Wir prüfen jede Möglichkeit.“")
    doc = run("de", text, {}, keep_speakerless=True)
    framed = [text[q.start:q.end] for q in doc.quotes if _src(q) == "Der Bürgermeister"]
    assert framed == ["Wir prüfen jede Möglichkeit."]


def test_de_frame_sentence_without_message_takes_the_next_quote() -> None:
    text = "Die Ministerin äußerte sich am Abend in Hamburg. „Wir lassen niemanden im Stich.“"
    doc = run("de", text, {}, keep_speakerless=True)
    assert [(text[q.start:q.end], _src(q)) for q in doc.quotes] == [("Wir lassen niemanden im Stich.", "Die Ministerin")]


def test_de_frame_sentence_with_an_object_is_its_own_statement() -> None:
    text = "Die Polizei bestätigte den Unfall auf der Autobahn. „Es war furchtbar.“"
    doc = run("de", text, {}, keep_speakerless=True)
    assert not any(text[q.start:q.end] == "Es war furchtbar." and _src(q) for q in doc.quotes)


def test_de_analysis_is_a_source_noun() -> None:
    text = "Nach einer ersten Analyse der Ermittler war ein Kabelbrand die Ursache."
    doc = run("de", text, {}, keep_speakerless=True)
    assert any("Analyse" in _src(q) for q in doc.quotes)


def test_de_passive_agent_source_without_preposition() -> None:
    text = "Die Pläne wurden von der Bürgermeisterin als unbezahlbar bezeichnet."
    doc = run("de", text, {}, keep_speakerless=True)
    assert [_src(q) for q in doc.quotes] == ["der Bürgermeisterin"]
