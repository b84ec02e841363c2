"""Quote stage, round 3: statements carried on into the following sentences, in sentences written
for these tests."""

from __future__ import annotations

from lagebild.doc import Document, Place
from tests.extract.test_quotes import _STAGES, run


def run_with_places(text: str, places: list[Place]) -> Document:
    """`run` for German with the places stage's result given instead of entities."""
    run("de", "", {})  # builds the stages once
    analyze, coref, quotes = _STAGES["de"]
    quotes.keep_speakerless = True
    doc = analyze(Document(doc_id="t", lang="de", text=text))
    doc.places = places
    return quotes(coref(doc))


def _rules(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [(q.model_extra or {}).get("rule", "") for q in doc.quotes]


def test_de_reportative_sollen_continues_a_statement() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    text = "Anna Berg sagte, der Mann sei geflohen. Er soll zuvor zwei Autos gestohlen haben."
    doc = run("de", text, ents, keep_speakerless=True)
    msgs = [text[q.start:q.end] for q in doc.quotes]
    assert any(m.startswith("Er soll zuvor") for m in msgs)


def test_de_sollen_in_a_relative_clause_does_not_continue() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    text = "Anna Berg sagte, der Mann sei geflohen. Den Zeugen, der morgen aussagen soll, traf sie gestern."
    doc = run("de", text, ents, keep_speakerless=True)
    assert not any(text[q.start:q.end].startswith("Den Zeugen") for q in doc.quotes)


def test_de_sollen_without_a_statement_before_is_no_quote() -> None:
    text = "Die Brücke wurde gesperrt. Sie soll im Mai erneuert werden."
    doc = run("de", text, {}, keep_speakerless=True)
    assert doc.quotes == []


def test_de_singular_konjunktiv_ii_continues_a_statement() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    text = "Anna Berg sagte, der Sturm sei abgezogen. Bis zum Abend hätte es noch drei Gewitter gegeben."
    doc = run("de", text, ents, keep_speakerless=True)
    assert any(text[q.start:q.end].startswith("Bis zum Abend") for q in doc.quotes)


def test_de_fronted_object_leaves_the_subject_after_the_verb() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    doc = run("de", "Die neue Regel bezeichnete Anna Berg als Fehler.", ents, keep_speakerless=True)
    assert [q.speaker for q in doc.quotes] and all(
        (q.model_extra or {})["source_span"]["text"] == "Anna Berg" for q in doc.quotes)


def test_de_object_naming_a_person_is_no_inverted_subject() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    doc = run("de", "Der Gartenzaun dementierte die Festnahme von Anna Berg.", ents, keep_speakerless=True)
    assert doc.quotes == []


def test_de_clause_opening_with_article_and_modifiers_is_reported() -> None:
    text = "Der Bürgermeister erklärte, die noch zu bauende Brücke werde im Mai fertig."
    doc = run("de", text, {}, keep_speakerless=True)
    assert [text[q.start:q.end] for q in doc.quotes] == ["die noch zu bauende Brücke werde im Mai fertig"]


def test_de_relative_clause_after_a_noun_is_not_the_message() -> None:
    text = "Der Bürgermeister lobte die Stadt, die noch heute Flüchtlinge aufnehme."
    doc = run("de", text, {}, keep_speakerless=True)
    assert not any(text[q.start:q.end].startswith("die noch heute") for q in doc.quotes)


def test_de_name_in_commas_after_the_speaker_is_not_the_message() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    text = "So sagte die Sprecherin, Anna Berg, gegenüber der Presse, dass die Halle geschlossen bleibe."
    doc = run("de", text, ents, keep_speakerless=True)
    assert any(text[q.start:q.end] == "dass die Halle geschlossen bleibe" for q in doc.quotes)


def test_de_source_span_takes_a_place_known_only_to_the_places_stage() -> None:
    from lagebild.doc import Span

    text = "Ein Regierungssprecher in Kleinstadt sagte, die Lage sei ruhig."
    i = text.index("Kleinstadt")
    place = Place(name="Kleinstadt", mentions=[Span(start=i, end=i + 10, text="Kleinstadt")], rule="test")
    doc = run_with_places(text, [place])
    assert (doc.quotes[0].model_extra or {})["source_span"]["text"] == "Ein Regierungssprecher in Kleinstadt"


def test_de_source_span_takes_von_attachment() -> None:
    ents = {"Greenpeace": ("ORG", ["Greenpeace"])}
    doc = run("de", "Die Sprecherin von Greenpeace sagte, die Pläne seien falsch.", ents, keep_speakerless=True)
    assert (doc.quotes[0].model_extra or {})["source_span"]["text"] == "Die Sprecherin von Greenpeace"


def test_de_particle_verb_with_the_speakers_name_in_commas_before_the_particle() -> None:
    ents = {"Hans Meier": ("PER", ["Hans Meier"])}
    text = "Heute teilte der Sprecher der Polizei, Hans Meier, mit, die Straße sei frei."
    doc = run("de", text, ents, keep_speakerless=True)
    assert [text[q.start:q.end] for q in doc.quotes] == ["die Straße sei frei"]
    assert doc.quotes[0].speaker is not None


def test_de_phrase_before_a_subordinate_clause_is_no_message() -> None:
    text = "Die Taucher fanden das Wrack am Sonntag, etwa zwei Stunden, nachdem der Funkkontakt abgebrochen war."
    doc = run("de", text, {}, keep_speakerless=True)
    assert doc.quotes == []


def test_de_continuing_sentence_is_marked_free_with_the_whole_sentence() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    text = "Anna Berg sagte, der Mann sei geflohen. Er habe zwei Autos gestohlen."
    doc = run("de", text, ents, keep_speakerless=True)
    cont = [q for q in doc.quotes if (q.model_extra or {}).get("form") == "free"]
    assert len(cont) == 1
    assert (cont[0].model_extra or {})["statement_span"]["text"] == "Er habe zwei Autos gestohlen."


def _cue(doc) -> str:  # type: ignore[no-untyped-def]
    return doc.quotes[0].cue or ""


def test_de_cue_takes_reflexive_between_auxiliary_and_participle() -> None:
    doc = run("de", "Der Minister hat sich dazu geäußert, die Lage sei ruhig.", {}, keep_speakerless=True)
    assert _cue(doc) == "hat sich geäußert"


def test_de_pronominal_adverb_only_with_a_particle_verb() -> None:
    doc = run("de", "Der Minister sagte dazu, die Lage sei ruhig.", {}, keep_speakerless=True)
    assert _cue(doc) == "sagte"
    doc = run("de", "Die Polizei geht davon aus, dass der Mann geflohen ist.", {}, keep_speakerless=True)
    assert _cue(doc) == "geht davon aus"


def test_de_wonach_clause_is_the_statement_of_the_report_before_it() -> None:
    text = "Ein Bericht der Zeitung, wonach der Bürgermeister zurücktreten wolle, wurde dementiert."
    doc = run("de", text, {}, keep_speakerless=True)
    assert [text[q.start:q.end] for q in doc.quotes] == ["der Bürgermeister zurücktreten wolle"]
    assert (doc.quotes[0].model_extra or {})["source_span"]["text"] == "Ein Bericht der Zeitung"


def test_de_passive_with_the_auxiliary_after_the_participle() -> None:
    text = "Gestern war berichtet worden, dass es zum Streit gekommen war."
    doc = run("de", text, {}, keep_speakerless=True)
    assert [text[q.start:q.end] for q in doc.quotes] == ["dass es zum Streit gekommen war"]
    assert (doc.quotes[0].model_extra or {})["source_span"] is None
