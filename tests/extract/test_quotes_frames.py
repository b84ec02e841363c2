"""Quote stage: frames beyond the plain "X sagte, …" (particles, passives, anaphora, infinitives,
free Konjunktiv, source phrases), in sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract.test_quotes import run, speakers


def rules(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [q.rule.split(".")[-1] for q in doc.quotes]


def test_de_particle_found_past_relative_clause_and_before_coordinated_verb() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"]), "Karl Hahn": ("PER", ["Hahn"])}
    doc = run("de", "Anna Berg wirft Hahn, der lange Bürgermeister war, Untätigkeit vor.", ents)
    assert speakers(doc) == [("Anna Berg", "indirect", "Hahn, der lange Bürgermeister war, Untätigkeit")]
    doc = run("de", "Anna Berg wirft Hahn Untätigkeit vor und will vor Gericht ziehen.", ents)
    assert [s[0] for s in speakers(doc)] == ["Anna Berg"]
    assert "Untätigkeit" in doc.quotes[0].text and "Gericht" not in doc.quotes[0].text


def test_de_denial_with_adverbial_conjunction_is_cut_before_next_frame() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"]), "Karl Hahn": ("PER", ["Hahn"])}
    doc = run("de", "Anna Berg bestreitet jedoch, die Akten vernichtet zu haben und wirft Hahn Vertuschung vor.", ents)
    assert speakers(doc)[0] == ("Anna Berg", "indirect", "die Akten vernichtet zu haben")


def test_de_weiter_keeps_the_speech_verb_and_verb_final_particle() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"]), "Stadtwerke": ("ORG", ["Stadtwerke"])}
    doc = run("de", "Anna Berg sagte weiter, die Leitung sei beschädigt.", ents)
    assert speakers(doc) == [("Anna Berg", "indirect", "die Leitung sei beschädigt")]
    doc = run("de", "Wie die Stadtwerke bekannt gaben, soll die Leitung bis Freitag repariert sein.", ents)
    assert speakers(doc)[0][0] == "Stadtwerke"
    assert doc.quotes[0].cue == "bekannt gaben"


def test_de_adverb_before_konjunktiv_opens_the_message() -> None:
    doc = run("de", "Der Bürgermeister erklärte, damit solle ein Engpass vermieden werden.", keep_speakerless=True)
    assert [q.text for q in doc.quotes] == ["damit solle ein Engpass vermieden werden"]


def test_de_passive_speech_verb_has_agent_or_no_speaker() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"]), "Opposition": ("ORG", ["Opposition"])}
    doc = run("de", "Anna Berg wurde aufgefordert, ihr Amt niederzulegen.", ents, keep_speakerless=True)
    assert [(q.speaker, q.text) for q in doc.quotes] == [(None, "ihr Amt niederzulegen")]
    doc = run("de", "Anna Berg wurde von der Opposition aufgefordert, ihr Amt niederzulegen.", ents)
    assert speakers(doc) == [("Opposition", "indirect", "ihr Amt niederzulegen")]


def test_de_fronted_subordinate_clause_frames_no_main_clause() -> None:
    doc = run("de", "Ob die Partei einen Kandidaten nennt, ist noch offen.", {"Partei": ("ORG", ["Partei"])},
              keep_speakerless=True)
    assert [q.text for q in doc.quotes if q.rule.endswith("indirect_clause")] == []


def test_de_konjunktiv_continues_over_one_sentence_and_stands_free() -> None:
    ents = {"Feuerwehr": ("ORG", ["Feuerwehr"])}
    text = "Laut Feuerwehr brannte die Halle bis zum Morgen. Die Löscharbeiten dauern an. Die Ursache sei noch unklar."
    doc = run("de", text, ents)
    assert ("Feuerwehr", "indirect", "Die Ursache sei noch unklar") in speakers(doc)
    doc = run("de", "Der Täter sei etwa 30 Jahre alt und trage eine Brille.", keep_speakerless=True)
    assert rules(doc) == ["indirect_free"] and doc.quotes[0].speaker is None


def test_de_reported_objects_of_evaluation_and_appeal_verbs() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"]), "Gewerkschaft": ("ORG", ["Gewerkschaft"])}
    doc = run("de", "Die Gewerkschaft wertete den Abschluss als Erfolg.", ents)
    assert speakers(doc) == [("Gewerkschaft", "indirect", "den Abschluss als Erfolg")]
    doc = run("de", "Anna Berg forderte die Anwohner zur Vorsicht auf.", ents)
    assert [s[0] for s in speakers(doc)] == ["Anna Berg"]


def test_de_reported_object_needs_a_speaker() -> None:
    doc = run("de", "Die Unwetter forderten zwölf Todesopfer.", keep_speakerless=True)
    assert doc.quotes == []


@pytest.mark.parametrize("text,rule,source", [
    ("Seiner Meinung nach ist der Plan gescheitert.", "source_nach_postposed", "Seiner Meinung"),
    ("Der Plan ist aus Sicht der Gewerkschaft gescheitert.", "source_aus_sicht", "Sicht der Gewerkschaft"),
    ("Ihr zufolge ist der Plan gescheitert.", "source_zufolge", "Ihr"),
    ("Laut „Tagesblatt“ ist der Plan gescheitert.", "source_laut", "„Tagesblatt“"),
    ("Laut beispiel.de ist der Plan gescheitert.", "source_laut", "beispiel.de"),
    ("Laut einer am Montag veröffentlichten Mitteilung der Stadt ist der Plan gescheitert.", "source_laut",
     "einer am Montag veröffentlichten Mitteilung der Stadt"),
])
def test_de_more_source_phrases(text: str, rule: str, source: str) -> None:
    doc = run("de", text, keep_speakerless=True)
    assert rules(doc) == [rule]
    assert (doc.quotes[0].model_extra or {})["source_span"]["text"] == source


def test_de_demnach_keeps_the_speaker_before() -> None:
    ents = {"Wetterdienst": ("ORG", ["Wetterdienst"])}
    text = "Der Wetterdienst teilte mit, es werde stürmisch. Demnach sind Böen bis 100 km/h möglich."
    doc = run("de", text, ents)
    assert [(s[0], q.rule.split(".")[-1]) for s, q in zip(speakers(doc), doc.quotes)] == [
        ("Wetterdienst", "indirect_complement" if doc.quotes[0].text.startswith("dass") else "indirect_clause"),
        ("Wetterdienst", "source_demnach")]


def test_de_anaphoric_frame_reports_the_sentence_before() -> None:
    ents = {"Polizei": ("ORG", ["Polizei"])}
    doc = run("de", "In der Nacht wurden drei Autos beschädigt. Das teilte die Polizei am Morgen mit.", ents)
    assert speakers(doc) == [("Polizei", "indirect", "In der Nacht wurden drei Autos beschädigt")]


def test_de_apposition_with_role_joins_the_speaker_phrase() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    doc = run("de", "Die Lage sei ruhig, sagte Anna Berg, die Sprecherin der Polizei.", ents)
    assert (doc.quotes[0].model_extra or {})["source_span"]["text"] == "Anna Berg, die Sprecherin der Polizei"


def test_de_quoted_name_after_noun_is_no_quote_but_part_of_the_source() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    doc = run("de", "Anna Berg trat der Partei „Neue Mitte“ bei.", ents)
    assert doc.quotes == []
    doc = run("de", "Die Zeitung „Tagesblatt“ berichtet, dass der Plan gescheitert sei.", keep_speakerless=True)
    assert (doc.quotes[0].model_extra or {})["source_span"]["text"] == "Die Zeitung „Tagesblatt“"


def test_en_to_infinitive_messages() -> None:
    ents = {"Jane Roe": ("PER", ["Jane Roe"]), "Council": ("ORG", ["council"])}
    doc = run("en", "Jane Roe urged the council to publish the report.", ents)
    assert speakers(doc) == [("Jane Roe", "indirect", "the council to publish the report")]
    doc = run("en", "Jane Roe arrived late, and promised to hold a vote next week.", ents)
    assert speakers(doc) == [("Jane Roe", "indirect", "to hold a vote next week")]


def test_en_relative_clause_after_the_verb_is_no_message() -> None:
    doc = run("en", "Jane Roe spoke, who leads the campaign.", {"Jane Roe": ("PER", ["Jane Roe"])})
    assert doc.quotes == []


def test_en_speech_verb_right_before_quote_and_time_before_subject() -> None:
    ents = {"Jane Roe": ("PER", ["Jane Roe"])}
    doc = run("en", 'This Monday Mayor Jane Roe opened the bridge, saying "It will serve the city for decades."', ents)
    assert speakers(doc) == [("Jane Roe", "direct", "It will serve the city for decades.")]


def test_en_according_to_after_and_reports_its_clause_only() -> None:
    ents = {"Ministry": ("ORG", ["Ministry of Health"])}
    doc = run("en", "The patient was moved last week and according to the Ministry of Health he recovered fully.", ents)
    assert speakers(doc) == [("Ministry", "indirect", "he recovered fully")]


def test_en_speaker_phrase_with_two_people_names_the_first() -> None:
    ents = {"Jane Roe": ("PER", ["Jane Roe"]), "John Doe": ("PER", ["John Doe"])}
    doc = run("en", "Jane Roe, the widow of John Doe, said the inquiry had failed.", ents)
    assert speakers(doc)[0][0] == "Jane Roe"


def test_de_statement_noun_before_colon_frames_the_quote() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    doc = run("de", "Anna Berg verteidigte den Haushalt mit den Worten: „Wir mussten sparen.“", ents)
    assert speakers(doc) == [("Anna Berg", "direct", "Wir mussten sparen.")]


def test_de_source_phrase_inside_the_clause_quotes_the_whole_clause() -> None:
    ents = {"Polizei": ("ORG", ["Polizei"])}
    doc = run("de", "Der Fahrer war laut Polizei deutlich zu schnell unterwegs.", ents)
    assert speakers(doc) == [("Polizei", "indirect", "Der Fahrer war laut Polizei deutlich zu schnell unterwegs")]


def test_de_party_circles_speak_for_the_party_and_denial_is_continued() -> None:
    ents = {"Grüne Partei": ("ORG", ["Grünen"])}
    doc = run("de", "Grünen-Kreise verneinten diese Darstellung. Vielmehr sei der Antrag nie gestellt worden.", ents)
    # the denial of "diese Darstellung" says nothing of its own: it frames the Konjunktiv after it
    assert speakers(doc) == [("Grüne Partei", "indirect", "Vielmehr sei der Antrag nie gestellt worden")]


def test_main_clause_after_fronted_subordinate_clause_reports_its_object() -> None:
    ents = {"Union": ("ORG", ["the union"])}
    doc = run("en", "While talks go on, the union announced a strike for Monday.", ents)
    assert speakers(doc) == [("Union", "indirect", "a strike for Monday")]


def test_en_relative_clause_with_quote_is_embedded_not_postposed() -> None:
    ents = {"BBC": ("ORG", ["BBC"])}
    doc = run("en", 'The law covers the courts, which the BBC describes as "slow and opaque."', ents)
    assert speakers(doc) == [("BBC", "direct", "slow and opaque.")]


def test_en_warned_with_bare_clause_and_participle_in_the_subject() -> None:
    ents = {"Jane Roe": ("PER", ["Jane Roe"])}
    doc = run("en", "Jane Roe warned the proposed cuts would close three schools.", ents)
    assert speakers(doc) == [("Jane Roe", "indirect", "the proposed cuts would close three schools")]


@pytest.mark.parametrize("text,cue", [
    ("Die Polizei hat am Montag mitgeteilt, der Fahrer sei geflohen.", "hat mitgeteilt"),
    ("Aus dem Ministerium hieß es, der Plan sei gescheitert.", "hieß es"),
    ("Die Stadt geht davon aus, dass die Brücke im Mai öffnet.", "geht davon aus"),
    ("Wie die Polizei mitteilte, ist der Fahrer geflohen.", "Wie mitteilte"),
])
def test_de_cue_is_the_whole_speech_predicate(text: str, cue: str) -> None:
    doc = run("de", text, keep_speakerless=True)
    assert doc.quotes[0].cue == cue


def test_de_run_of_continued_sentences_is_one_group() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    text = "Anna Berg sagte, die Lage sei ernst. Die Stadt habe kein Geld. Die Schulen müssten schließen."
    doc = run("de", text, ents)
    groups = [(q.model_extra or {})["group"] for q in doc.quotes]
    assert len(doc.quotes) == 3 and groups[1] == groups[2] != groups[0]
