"""Quote stage: each construction in German and English, with entities filled by hand."""

from __future__ import annotations

import re

import pytest

from lagebild.analyze import make_analyzer
from lagebild.doc import Document, Entity, Span
from lagebild.extract.coref import make_coref_resolver
from lagebild.extract.quote_marks import find_marked
from lagebild.extract.quotes import make_quote_extractor

_STAGES: dict[str, tuple] = {}


def run(lang: str, text: str, entities: dict[str, tuple[str, list[str]]] | None = None,
        keep_speakerless: bool = False) -> Document:
    """Analyse `text`, add entities {name: (type, surface forms)}, run the coref and quote stages."""
    if lang not in _STAGES:
        _STAGES[lang] = (make_analyzer(lang), make_coref_resolver(lang), make_quote_extractor(lang))
    analyze, coref, quotes = _STAGES[lang]
    quotes.keep_speakerless = keep_speakerless
    doc = analyze(Document(doc_id="t", lang=lang, text=text))
    for i, (name, (etype, forms)) in enumerate((entities or {}).items()):
        mentions = [Span(start=m.start(), end=m.end(), text=m.group()) for f in forms for m in re.finditer(re.escape(f), text)]
        doc.entities.append(Entity(id=f"e{i + 1}", name=name, type=etype, mentions=mentions))
    return quotes(coref(doc))


def speakers(doc: Document) -> list[tuple[str | None, str, str]]:
    names = {e.id: e.name for e in doc.entities}
    return [(names.get(q.speaker), q.kind, q.text) for q in doc.quotes]


def test_stage_name_and_rule_prefix() -> None:
    stage = make_quote_extractor("de")
    assert stage.name == "quotes"
    doc = run("de", "„Wir bleiben dabei“, sagte Scholz.", {"Olaf Scholz": ("PER", ["Scholz"])})
    assert doc.quotes[0].rule == "de.speech.direct_postposed"
    assert doc.quotes[0].cue == "sagte"


@pytest.mark.parametrize("open_, close", [("„", "“"), ("\"", "\""), ("»", "«"), ("«", "»"), ("‚", "‘")])
def test_de_direct_postposed_all_marks(open_: str, close: str) -> None:
    text = f"{open_}Die Lage ist sehr ernst{close}, sagte Scholz am Montag."
    doc = run("de", text, {"Olaf Scholz": ("PER", ["Scholz"])})
    assert speakers(doc) == [("Olaf Scholz", "direct", "Die Lage ist sehr ernst")]
    q = doc.quotes[0]
    assert text[q.start:q.end] == q.text
    assert q.source_span["text"] == "Scholz"


def test_de_direct_preposed_colon() -> None:
    doc = run("de", "Bereits im Juni hatte Stoltenberg erklärt: „Peking liefert Technologien an Russland.“",
              {"Jens Stoltenberg": ("PER", ["Stoltenberg"])})
    assert speakers(doc) == [("Jens Stoltenberg", "direct", "Peking liefert Technologien an Russland.")]
    assert doc.quotes[0].rule == "de.speech.direct_preposed"


def test_de_direct_interrupted_is_one_quote_with_its_pieces() -> None:
    text = "Scholz kam am Morgen. „Wir werden verhandeln“, sagte er, „aber nicht um jeden Preis.“"
    doc = run("de", text, {"Olaf Scholz": ("PER", ["Scholz"])})
    # One statement, one quote: the longest piece is its span, all pieces are listed.
    assert [q.text for q in doc.quotes] == ["aber nicht um jeden Preis."]
    assert doc.quotes[0].speaker == "e1"
    assert [text[a:b] for a, b in doc.quotes[0].model_extra["pieces"]] == ["Wir werden verhandeln", "aber nicht um jeden Preis."]


def test_de_reported_object_and_source_noun_compound() -> None:
    doc = run("de", "Die Gewerkschaft forderte eine Erhöhung der Löhne. Nach Polizeiangaben wurden drei Menschen verletzt.",
              {"Gewerkschaft": ("ORG", ["Gewerkschaft"]), "Polizei": ("ORG", ["Polizei"])})
    q = doc.quotes[0]
    assert (q.text, q.rule, q.model_extra["form"]) == ("eine Erhöhung der Löhne", "de.speech.reported_object", "reported")
    assert q.model_extra["statement_span"]["text"] == "Die Gewerkschaft forderte eine Erhöhung der Löhne."


def test_de_embedded_quoted_words_take_the_sentence_speaker() -> None:
    doc = run("de", "Merkel bezeichnete die Lage als „dramatisch“.", {"Angela Merkel": ("PER", ["Merkel"])})
    assert speakers(doc) == [("Angela Merkel", "direct", "dramatisch")]
    assert doc.quotes[0].rule == "de.speech.direct_embedded"


def test_en_new_sentence_with_an_object_is_no_postposed_frame() -> None:
    doc = run("en", "“We are safe,” the mayor said. “Stay home.” Amnesty demanded an inquiry into the shooting.",
              {"Amnesty International": ("ORG", ["Amnesty"])})
    assert all(q.text != "Stay home." or q.speaker != "e1" for q in doc.quotes)


def test_de_direct_over_paragraphs() -> None:
    text = "Merkel sagte: „Das ist der erste Teil.\n\n„Und das ist der zweite Teil.“"
    doc = run("de", text, {"Angela Merkel": ("PER", ["Merkel"])})
    assert len(doc.quotes) == 1
    assert doc.quotes[0].text.endswith("zweite Teil.")
    assert doc.quotes[0].speaker == "e1"


def test_quote_marks_nested_and_apostrophes() -> None:
    text = "„Er sagte ‚nein‘ dazu“, und Peter’s Idee"
    marks = find_marked(text, [["„", "“"], ["‚", "‘"], ["'", "'"]])
    assert [(text[m.start:m.end], m.depth) for m in marks] == [("Er sagte ‚nein‘ dazu", 0), ("nein", 1)]


def test_de_indirect_dass_with_via() -> None:
    doc = run("de", "Beloussow betonte laut russischen Nachrichtenagenturen, dass die Beziehungen eine Schlüsselrolle spielten.",
              {"Andrei Belousov": ("PER", ["Beloussow"])})
    q = doc.quotes[0]
    assert (q.speaker, q.kind, q.text) == ("e1", "indirect", "dass die Beziehungen eine Schlüsselrolle spielten")
    assert q.via == "russischen Nachrichtenagenturen"
    assert q.rule == "de.speech.indirect_complement"


def test_de_konjunktiv_without_dass_and_continuation() -> None:
    text = ("Dong betonte am Montag, die Zusammenarbeit sei wichtig. "
            "Die Beziehungen hätten ein Allzeithoch erreicht und würden weiter wachsen. "
            "Die Zusammenarbeit sei für die Stabilität wichtig.")
    doc = run("de", text, {"Dong Jun": ("PER", ["Dong"])})
    got = speakers(doc)
    assert got[0] == ("Dong Jun", "indirect", "die Zusammenarbeit sei wichtig")
    assert ("Dong Jun", "indirect", "Die Zusammenarbeit sei für die Stabilität wichtig") in got


def test_de_mixed_quote() -> None:
    doc = run("de", "Dong sagte, China und Russland würden ihre „strategische Zusammenarbeit“ vertiefen.",
              {"Dong Jun": ("PER", ["Dong"])})
    assert speakers(doc) == [("Dong Jun", "mixed", "China und Russland würden ihre „strategische Zusammenarbeit“ vertiefen")]


def test_de_postposed_indirect() -> None:
    doc = run("de", "Die Lage sei ernst, sagte Scholz.", {"Olaf Scholz": ("PER", ["Scholz"])})
    assert speakers(doc) == [("Olaf Scholz", "indirect", "Die Lage sei ernst")]
    assert doc.quotes[0].rule == "de.speech.indirect_postposed"


@pytest.mark.parametrize("text, rule", [
    ("Laut Scholz ist die Lage ernst.", "source_laut"),
    ("Nach Angaben von Scholz ist die Lage ernst.", "source_nach_angaben"),
    ("Nach Angaben des Kanzlers Scholz ist die Lage ernst.", "source_nach_angaben"),
    ("Scholz zufolge ist die Lage ernst.", "source_zufolge"),
    ("Die Lage ist ernst, wie Scholz mitteilte.", "source_wie_mitteilte"),
])
def test_de_source_phrases(text: str, rule: str) -> None:
    doc = run("de", text, {"Olaf Scholz": ("PER", ["Scholz"])})
    assert len(doc.quotes) == 1
    q = doc.quotes[0]
    assert q.speaker == "e1" and q.rule == f"de.speech.{rule}"
    assert "Lage" in q.text and "ernst" in q.text and "Scholz" not in q.text


def test_de_particle_verb_cue() -> None:
    doc = run("de", "Die Polizei teilte am Abend mit, dass zwei Männer festgenommen worden seien.",
              {"Polizei": ("ORG", ["Polizei"])})
    assert doc.quotes[0].cue == "teilte mit"
    assert doc.quotes[0].speaker == "e1"


def test_de_particle_changes_verb() -> None:
    doc = run("de", "Das Treffen findet am Montag statt, zu dem auch Xi erwartet wird.", {})
    assert doc.quotes == []


def test_de_pronoun_and_role_look_back() -> None:
    text = ("Außenministerin Baerbock reiste nach Kiew. Sie sagte, die Hilfe werde fortgesetzt. "
            "Die Ministerin erklärte zudem, dass weitere Gespräche geplant seien.")
    doc = run("de", text, {"Annalena Baerbock": ("PER", ["Baerbock"]), "Kyiv": ("LOC", ["Kiew"])})
    assert [s for s, _, _ in speakers(doc)] == ["Annalena Baerbock", "Annalena Baerbock"]


def test_de_spokesperson_takes_organisation_or_null() -> None:
    text = "Ein Sprecher des Außenministeriums sagte, die Gespräche seien konstruktiv gewesen."
    doc = run("de", text, {"Auswärtiges Amt": ("ORG", ["Außenministeriums"])})
    assert doc.quotes[0].speaker == "e1"
    # Without an entity to link, the statement is dropped unless speakerless ones are asked for.
    assert run("de", text, {}).quotes == []
    doc = run("de", text, {}, keep_speakerless=True)
    assert doc.quotes[0].speaker is None
    assert doc.quotes[0].model_extra["source_span"]["text"] == "Ein Sprecher des Außenministeriums"


def test_pronoun_gender_picks_the_matching_person() -> None:
    # "she" skips the man named last for the woman before him: first names and words like
    # "Ministerin" tell them apart; a name nobody knows is taken from the pronoun after it.
    doc = run("en", "Hatice Cengiz met Mohammad Ali at the UN. She said that justice was slow.",
              {"Hatice Cengiz": ("PER", ["Hatice Cengiz"]), "Mohammad Ali": ("PER", ["Mohammad Ali"])})
    assert speakers(doc) == [("Hatice Cengiz", "indirect", "that justice was slow")]
    doc = run("de", "Die Ministerin Kaur traf Bakary in Berlin. Sie sagte, die Gespräche seien gut gewesen.",
              {"Kaur": ("PER", ["Kaur"]), "Bakary": ("PER", ["Bakary"])})
    assert speakers(doc) == [("Kaur", "indirect", "die Gespräche seien gut gewesen")]


def test_definite_org_noun_points_back_to_the_organisation() -> None:
    doc = run("de", "Die Partei Das Andere Russland wurde nicht zugelassen. Die Oppositionspartei kritisierte, "
                    "dass die Wahlgesetze verfassungswidrig seien.",
              {"The Other Russia": ("ORG", ["Partei Das Andere Russland"])})
    assert speakers(doc) == [("The Other Russia", "indirect", "dass die Wahlgesetze verfassungswidrig seien")]


def test_de_continuation_needs_konjunktiv_i_not_a_hypothetical() -> None:
    doc = run("de", "Gabriel sagte, die Kanzlerin habe sich entschieden. Für die SPD wäre Töpfer ein Kandidat gewesen.",
              {"Sigmar Gabriel": ("PER", ["Gabriel"])})
    assert [q.text for q in doc.quotes] == ["die Kanzlerin habe sich entschieden"]


def test_de_addressee() -> None:
    doc = run("de", "Scholz sagte gegenüber Macron, dass die Zusammenarbeit wichtig sei.",
              {"Olaf Scholz": ("PER", ["Scholz"]), "Emmanuel Macron": ("PER", ["Macron"])})
    q = doc.quotes[0]
    assert q.speaker == "e1" and q.model_extra["addressee"] == "e2"


def test_de_scare_quotes_are_not_quotes() -> None:
    doc = run("de", "Das Magazin „Der Spiegel“ erscheint am Samstag.", {})
    assert doc.quotes == []


def test_en_direct_postposed_and_inverted() -> None:
    ents = {"Boris Johnson": ("PER", ["Johnson"])}
    doc = run("en", "“We will leave on time,” Johnson said.", ents)
    assert speakers(doc) == [("Boris Johnson", "direct", "We will leave on time,")]
    doc = run("en", "\"We will leave on time,\" said Johnson.", ents)
    assert speakers(doc)[0][0] == "Boris Johnson"


def test_en_direct_preposed() -> None:
    doc = run("en", "Johnson said: “We will leave on time.”", {"Boris Johnson": ("PER", ["Johnson"])})
    assert speakers(doc) == [("Boris Johnson", "direct", "We will leave on time.")]


def test_en_said_that_and_bare() -> None:
    ents = {"UNESCO": ("ORG", ["UNESCO"])}
    doc = run("en", "UNESCO said that the change would require its approval.", ents)
    assert speakers(doc) == [("UNESCO", "indirect", "that the change would require its approval")]
    doc = run("en", "UNESCO said the change would require its approval.", ents)
    assert speakers(doc) == [("UNESCO", "indirect", "the change would require its approval")]


def test_en_told_addressee() -> None:
    doc = run("en", "Johnson told reporters that the deal was done.",
              {"Boris Johnson": ("PER", ["Johnson"])})
    q = doc.quotes[0]
    assert q.speaker == "e1" and q.model_extra["addressee_span"]["text"] == "reporters"


def test_en_according_to() -> None:
    doc = run("en", "According to Reuters, the talks had failed.", {"Reuters": ("ORG", ["Reuters"])})
    assert speakers(doc) == [("Reuters", "indirect", "the talks had failed")]
    assert doc.quotes[0].rule == "en.speech.source_according_to"


def test_en_pronoun_look_back() -> None:
    text = "Prime Minister Johnson visited Brussels. He said the deal was close."
    doc = run("en", text, {"Boris Johnson": ("PER", ["Johnson"]), "Brussels": ("LOC", ["Brussels"])})
    assert speakers(doc) == [("Boris Johnson", "indirect", "the deal was close")]


def test_de_expletive_heisst_es_takes_the_source_preposition() -> None:
    ents = {"China": ("GPE", ["Peking"])}
    assert speakers(run("de", "Die Lage sei ernst, heißt es aus Peking.", ents)) == [("China", "indirect", "Die Lage sei ernst")]
    assert speakers(run("de", "Aus Peking hieß es, die Lage sei ernst.", ents)) == [("China", "indirect", "die Lage sei ernst")]


def test_passive_agent_is_the_speaker() -> None:
    doc = run("de", "Das Vorhaben wurde von Merkel als Fehler bezeichnet.", {"Angela Merkel": ("PER", ["Merkel"])})
    assert speakers(doc) == [("Angela Merkel", "indirect", "als Fehler")]
    assert doc.quotes[0].rule == "de.speech.reported_passive"
    doc = run("en", "The plan was criticised by Amnesty as a failure.", {"Amnesty International": ("ORG", ["Amnesty"])})
    assert speakers(doc) == [("Amnesty International", "indirect", "as a failure")]


def test_surname_entity_speaks_for_the_full_name() -> None:
    # an entity split ("Cengiz" apart from "Hatice Cengiz"): the coref stage joins the surname
    text = "Hatice Cengiz sprach in Genf. „Wir wollen Gerechtigkeit“, sagte Cengiz."
    doc = run("de", text, {"Hatice Cengiz": ("PER", ["Hatice Cengiz"])})
    doc.entities.append(Entity(id="e9", name="Cengiz", type="PER", mentions=[Span(start=text.rindex("Cengiz"),
                                                                                    end=len(text) - 1, text="Cengiz")]))
    doc.quotes = []
    from lagebild.extract.coref import make_coref_resolver
    doc = make_quote_extractor("de")(make_coref_resolver("de")(doc))
    assert [q.speaker for q in doc.quotes] == ["e1"]


def test_de_embedded_takes_the_cue_of_its_own_clause() -> None:
    doc = run("de", "Kanzlerin Angela Merkel bezeichnete Wulff als „einen wunderbaren Präsidenten“, Vizekanzler "
                    "Guido Westerwelle strich Wulffs „klaren inneren Kompass“ hervor.",
              {"Angela Merkel": ("PER", ["Angela Merkel"]), "Guido Westerwelle": ("PER", ["Guido Westerwelle"])})
    assert ("Guido Westerwelle", "direct", "klaren inneren Kompass") in speakers(doc)
    assert ("Angela Merkel", "direct", "einen wunderbaren Präsidenten") in speakers(doc)


def test_de_particle_before_final_stop_and_noun_cue_and_zu_infinitive() -> None:
    doc = run("de", "Das sei falsch, teilte die Polizei mit. Der Dienst des Bundestages ist zu dem Ergebnis gekommen, "
                    "dass keine Abstimmung nötig sei. Die Fraktion hatte angekündigt, vor das Verfassungsgericht zu ziehen.",
              {"Polizei": ("ORG", ["Polizei"]), "Bundestag": ("ORG", ["Dienst des Bundestages"]),
               "Fraktion": ("ORG", ["Fraktion"])})
    got = speakers(doc)
    assert ("Polizei", "indirect", "Das sei falsch") in got
    assert ("Bundestag", "indirect", "dass keine Abstimmung nötig sei") in got
    assert ("Fraktion", "indirect", "vor das Verfassungsgericht zu ziehen") in got


def test_de_postposed_frame_with_an_object_is_no_frame() -> None:
    doc = run("de", "Trotz der Anwesenheit der Truppe, die dort agiert, erklärte Präsident Gusmão den Ausnahmezustand.",
              {"Gusmão": ("PER", ["Gusmão"])})
    assert not [q for q in doc.quotes if q.rule.endswith("indirect_postposed")]


def test_en_colon_frame_beats_the_next_sentence() -> None:
    doc = run("en", 'Superintendent Yolanda Yu said at a press conference: "The officers were threatened." '
                    "Amnesty International has called for an investigation into the shooting.",
              {"Yolanda Yu": ("PER", ["Yolanda Yu"]), "Amnesty International": ("ORG", ["Amnesty International"])})
    got = speakers(doc)
    assert ("Yolanda Yu", "direct", "The officers were threatened.") in got
    assert ("Amnesty International", "indirect", "for an investigation into the shooting") in got


def test_en_participle_and_coordinated_frames_share_the_subject() -> None:
    doc = run("en", 'Murphy claimed she made this decision alone, insisting she was "never pressured by any official".',
              {"Murphy": ("PER", ["Murphy"])})
    assert ("Murphy", "indirect", "she made this decision alone") in speakers(doc)
    doc = run("en", 'Okey Oramah said the use of other currencies "costs Africa $5 billion," further saying, '
                    '"It also reduces trade."', {"Okey Oramah": ("PER", ["Okey Oramah"])})
    assert ("Okey Oramah", "direct", "It also reduces trade.") in speakers(doc)
    doc = run("en", 'Tom Watson called the deal "lousy" and said he would only vote for it if the people could vote too.',
              {"Tom Watson": ("PER", ["Tom Watson"])})
    assert ("Tom Watson", "indirect", "he would only vote for it if the people could vote too") in speakers(doc)


def test_en_relative_pronoun_speaks_for_its_antecedent() -> None:
    doc = run("en", 'Other Republicans broke with Trump, such as former governor Chris Christie, who denounced the '
                    'legal team\'s claims as a "national embarrassment".',
              {"Chris Christie": ("PER", ["Chris Christie"]), "Republican Party": ("ORG", ["Republicans"])})
    assert ("Chris Christie", "direct", "national embarrassment") in speakers(doc)
