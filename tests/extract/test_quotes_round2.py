"""Quote stage, round 2: the extent of the source phrase as annotators mark it, in sentences
written for these tests."""

from __future__ import annotations

from tests.extract.test_quotes import run, speakers


def source_text(doc, i: int = 0) -> str:  # type: ignore[no-untyped-def]
    span = (doc.quotes[i].model_extra or {})["source_span"]
    return doc.text[span["start"]:span["end"]]


def test_de_source_span_takes_apposition_in_commas() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    doc = run("de", "Anna Berg, die Leiterin der Behörde, sagte, die Lage sei ruhig.", ents)
    assert source_text(doc) == "Anna Berg, die Leiterin der Behörde"


def test_de_apposition_does_not_swallow_the_message() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    doc = run("de", "Gestern sagte Anna Berg, die Leiterin habe gelogen.", ents, keep_speakerless=True)
    assert all(source_text(doc, i) == "Anna Berg" for i in range(len(doc.quotes)))


def test_de_source_span_takes_naming_attachment_but_not_place_of_speaking() -> None:
    ents = {"Berlin": ("LOC", ["Berlin"])}
    doc = run("de", "Ein Sprecher der Regierung in Berlin sagte, die Gespräche gingen weiter.", ents, keep_speakerless=True)
    assert source_text(doc) == "Ein Sprecher der Regierung in Berlin"
    doc = run("de", "Der Minister sagte im Interview, die Gespräche gingen weiter.", {}, keep_speakerless=True)
    assert source_text(doc) == "Der Minister"


def test_de_nominative_pronoun_after_verb_is_the_subject() -> None:
    doc = run("de", "Den Gemeinden schlug er vor, die Gebühren zu senken.", {}, keep_speakerless=True)
    assert source_text(doc) == "er"


def test_de_predicative_and_oblique_phrases_are_no_subject() -> None:
    doc = run("de", "Als Grund nannte ein Sprecher der Bahn, die Strecke sei gesperrt.", {}, keep_speakerless=True)
    assert source_text(doc) == "ein Sprecher der Bahn"
    doc = run("de", "Den Vorwurf wies der Verband zurück, die Zahlen seien falsch.", {}, keep_speakerless=True)
    assert source_text(doc) == "der Verband"
    doc = run("de", "Entgegen früheren Angaben hat sich der Verband dafür ausgesprochen, die Preise zu senken.", {},
              keep_speakerless=True)
    assert source_text(doc) == "der Verband"


def test_de_unnamed_minister_speaks_for_the_named_ministry_not_the_country() -> None:
    ents = {"Ruritanien": ("GPE", ["Ruritanien", "ruritanische"]),
            "Innenministerium (Ruritanien)": ("ORG", ["Innenministerium"])}
    text = ("Das Innenministerium in Ruritanien meldete zwei Festnahmen. "
            "Der ruritanische Innenminister sagte, die Lage sei unter Kontrolle.")
    doc = run("de", text, ents)
    assert speakers(doc)[-1][0] == "Innenministerium (Ruritanien)"


def test_de_named_minister_keeps_the_person() -> None:
    ents = {"Ruritanien": ("GPE", ["Ruritanien", "ruritanische"]),
            "Innenministerium (Ruritanien)": ("ORG", ["Innenministerium"]),
            "Karl Hahn": ("PER", ["Karl Hahn"])}
    text = ("Das Innenministerium meldete zwei Festnahmen. "
            "Der ruritanische Innenminister Karl Hahn sagte, die Lage sei unter Kontrolle.")
    doc = run("de", text, ents)
    assert speakers(doc)[-1][0] == "Karl Hahn"


def test_de_frame_between_two_clauses_takes_both_as_its_statement() -> None:
    ents = {"Anna Müller": ("PER", ["Müller"])}
    doc = run("de", "Die Lage sei ernst, sagte Müller, man arbeite an einer Lösung.", ents)
    assert speakers(doc)[0][0] == "Anna Müller"
    pieces = (doc.quotes[0].model_extra or {})["pieces"]
    assert [doc.text[a:b] for a, b in pieces] == ["Die Lage sei ernst", "man arbeite an einer Lösung"]


def test_de_subordinate_clause_before_frame_is_no_statement() -> None:
    ents = {"Anna Müller": ("PER", ["Müller"])}
    doc = run("de", "Nachdem der Zug hielt, sagte Müller, die Lage sei ernst.", ents, keep_speakerless=True)
    assert all("Zug" not in q.text for q in doc.quotes)


def test_de_source_phrase_takes_indefinite_and_possessive_genitives() -> None:
    doc = run("de", "Nach Angaben eines Sprechers seines Verbandes sei die Lage ruhig.", {}, keep_speakerless=True)
    assert source_text(doc) == "Angaben eines Sprechers seines Verbandes"


def test_de_coordinated_reporting_verb_shares_the_subject_before_the_coordinator() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"]), "Karl Hahn": ("PER", ["Hahn"])}
    doc = run("de", "Anna Berg bestreitet jedoch, die Akten vernichtet zu haben und wirft Hahn, der damals Leiter war, "
                    "Vertuschung vor.", ents)
    got = speakers(doc)
    assert [s[0] for s in got] == ["Anna Berg", "Anna Berg"]
    assert doc.quotes[1].cue == "wirft vor"
    assert "Vertuschung" in doc.quotes[1].text


def test_de_mit_den_worten_belongs_to_the_cue_with_verb_and_particle() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    doc = run("de", "Anna Berg trat dem Vorwurf mit den Worten entgegen: „Das ist falsch.“", ents)
    assert doc.quotes[0].cue == "trat mit den Worten entgegen"
    doc = run("de", "Anna Berg lobte die Arbeit mit den Worten: „Das ist gut.“", ents)
    assert doc.quotes[0].cue == "lobte mit den Worten"


def test_de_konjunktiv_clause_after_main_clause_is_its_subjects_statement() -> None:
    ents = {"Stadtwerke": ("ORG", ["Stadtwerke"])}
    doc = run("de", "Die Stadtwerke lehnten den Antrag der Mieter ab, die Forderungen seien überzogen.", ents)
    assert speakers(doc) == [("Stadtwerke", "indirect", "die Forderungen seien überzogen")]


def test_de_konjunktiv_relative_clause_is_no_statement_of_the_subject() -> None:
    ents = {"Stadtwerke": ("ORG", ["Stadtwerke"])}
    doc = run("de", "Die Stadtwerke prüfen den Antrag, der nicht vollständig sei.", ents)
    assert not any(q.rule.endswith("indirect_free_clause") for q in doc.quotes)


def test_de_expletive_of_heisst_es_is_no_source_span() -> None:
    doc = run("de", "Die Lage sei ernst, heißt es in Berlin.", {}, keep_speakerless=True)
    assert doc.quotes and all((q.model_extra or {}).get("source_span") is None or source_text(doc, i) != "es"
                              for i, q in enumerate(doc.quotes))


def test_de_stance_adjective_with_complement_clause_is_a_cue() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    doc = run("de", "Anna Berg zeigte sich darüber besorgt, dass die Preise steigen könnten.", ents)
    assert speakers(doc) == [("Anna Berg", "indirect", "dass die Preise steigen könnten")]
    assert doc.quotes[0].cue == "zeigte sich darüber besorgt"
    doc = run("de", "Die besorgten Eltern warteten vor der Schule, dass der Bus kommt.", {}, keep_speakerless=True)
    assert doc.quotes == []
