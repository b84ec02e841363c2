"""Quote stage: reported speech that goes on past its frame (Konjunktiv continuations, hearsay
"soll … haben"), in sentences written for these tests."""

from __future__ import annotations

from tests.extract.test_quotes import run

_POLICE = {"Polizei": ("ORG", ["Polizei"])}


def rules(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [q.rule.split(".")[-1] for q in doc.quotes]


def groups(doc) -> list[int]:  # type: ignore[no-untyped-def]
    return [(q.model_extra or {})["group"] for q in doc.quotes]


def test_de_continuation_after_a_narrated_sentence_is_a_passage_of_its_own() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    text = ("Anna Berg sagte, die Lage sei ernst. Die Stadt habe kein Geld. "
            "Der Stadtrat tagt am Montag. Die Schulen seien schon geschlossen.")
    doc = run("de", text, ents)
    assert rules(doc) == ["indirect_clause", "indirect_continued", "indirect_continued"]
    assert all(q.speaker == "e1" for q in doc.quotes)
    g = groups(doc)
    assert g[1] != g[2]


def test_de_hearsay_perfect_infinitive_continues_over_a_narrated_sentence() -> None:
    text = ("Die Polizei sagte, es habe in der Nacht einen Einbruch gegeben. Die Beamten sicherten Spuren. "
            "Der Täter soll durch ein Fenster eingestiegen sein.")
    doc = run("de", text, _POLICE)
    assert rules(doc) == ["indirect_clause", "indirect_continued"]
    assert doc.quotes[1].text.startswith("Der Täter soll") and doc.quotes[1].speaker == "e1"


def test_de_passive_hearsay_counts_too() -> None:
    text = ("Die Polizei sagte, es habe in der Nacht einen Einbruch gegeben. Die Beamten sicherten Spuren. "
            "Dabei sollen zwei Männer festgenommen worden sein.")
    doc = run("de", text, _POLICE)
    assert rules(doc)[-1] == "indirect_continued"


def test_de_plain_sollen_after_a_narrated_sentence_is_the_writer_reporting_a_plan() -> None:
    text = ("Die Polizei sagte, es habe in der Nacht einen Einbruch gegeben. Die Beamten sicherten Spuren. "
            "Die Ermittlungen sollen am Montag beginnen.")
    doc = run("de", text, _POLICE)
    assert rules(doc) == ["indirect_clause"]


def test_de_hearsay_without_any_frame_is_free_indirect_without_speaker() -> None:
    doc = run("de", "Am Hafen brannte eine Lagerhalle. Das Feuer soll in einem Büro ausgebrochen sein.",
              keep_speakerless=True)
    assert rules(doc) == ["indirect_free"] and doc.quotes[0].speaker is None
    # a relative clause's "soll" describes its noun; it reports nothing
    doc = run("de", "Am Hafen brannte eine Lagerhalle. Es war die Halle, die abgerissen worden sein soll.",
              keep_speakerless=True)
    assert doc.quotes == []


def test_de_stance_on_something_said_is_no_reported_statement() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    for text in ("Anna Berg kritisierte die Pläne der Regierung.", "Anna Berg bestätigte den Vorfall am Montag.",
                 "Anna Berg wies die Vorwürfe der Opposition zurück.", "Anna Berg begrüßte die Entscheidung des Gerichts."):
        assert run("de", text, ents).quotes == [], text
    # a demand or a figure is what was said
    doc = run("de", "Anna Berg forderte den Rücktritt des Ministers.", ents)
    assert [(q.model_extra or {}).get("form") for q in doc.quotes] == ["reported"]
    doc = run("de", "Anna Berg bezifferte den Schaden auf zwei Millionen Euro.", ents)
    assert [(q.model_extra or {}).get("form") for q in doc.quotes] == ["reported"]


def test_de_speech_verb_right_before_frames_the_report_rather_than_an_older_statement() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"]), "Karl Hahn": ("PER", ["Karl Hahn"])}
    text = ("Laut Anna Berg wurde der Vertrag gekündigt. Karl Hahn wies diese Darstellung zurück. "
            "Vielmehr sei der Vertrag ausgelaufen.")
    doc = run("de", text, ents)
    last = doc.quotes[-1]
    assert last.text.startswith("Vielmehr") and last.speaker == "e2"


def test_de_quotation_after_a_colon_is_the_words_of_the_clause_subject() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    text = "Anna Berg zeigte sich am Abend vor ihren Anhängern in der Stadthalle kämpferisch:\n„Wir werden diese Wahl gewinnen.“"
    doc = run("de", text, ents)
    assert [(q.speaker, q.kind, q.rule.split(".")[-1]) for q in doc.quotes] == [("e1", "direct", "direct_introduced")]
    assert doc.quotes[0].cue is None


def test_de_quotation_after_a_colon_without_a_speaking_subject_is_left_alone() -> None:
    for text in ("Die Forderungen der Eltern an die Stadt sind seit Jahren die gleichen:\n„Mehr Geld für die Schulen.“",
                 "Auf dem großen Plakat der Demonstranten vor dem Rathaus stand:\n„Wir bleiben hier.“"):
        assert run("de", text, keep_speakerless=True).quotes == [], text


def test_de_speech_verb_without_a_named_subject_does_not_stop_the_continuation() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"]), "Karl Hahn": ("PER", ["Karl Hahn"])}
    text = ("Anna Berg sagte, der Vertrag sei gültig. "
            "Karl Hahn habe ihn selbst unterschrieben, was Zeugen bestätigen würden.")
    doc = run("de", text, ents)
    assert [q.rule.split(".")[-1] for q in doc.quotes] == ["indirect_clause", "indirect_continued"]
    assert doc.quotes[1].speaker == "e1"
    # with a named speaker of its own the sentence is no continuation
    doc = run("de", "Anna Berg sagte, der Vertrag sei gültig. Karl Hahn sagte, er sei nichtig.", ents)
    assert [q.speaker for q in doc.quotes] == ["e1", "e2"]


def test_de_only_the_konjunktiv_clause_after_a_narrated_main_clause_continues_the_report() -> None:
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    text = ("Anna Berg sagte, der Zeuge sei glaubwürdig. "
            "Der Zeuge steht seit Montag unter Polizeischutz, weil er bedroht worden sei.")
    doc = run("de", text, ents)
    last = doc.quotes[-1]
    assert last.rule.endswith("indirect_continued_subclause") and last.speaker == "e1"
    assert last.text == "weil er bedroht worden sei"
    assert (last.model_extra or {}).get("form") is None  # a clause, not the whole sentence
    groups = [(q.model_extra or {})["group"] for q in doc.quotes]
    assert groups[0] != groups[1]
    # a relative clause describes the main clause's words: the whole sentence is reported
    doc = run("de", "Anna Berg sagte, der Zeuge sei glaubwürdig. Er habe einen Mann gesehen, der geflohen sei.", ents)
    assert doc.quotes[-1].rule.endswith("indirect_continued")


def test_de_free_konjunktiv_subclause_without_a_statement_before_is_that_clause_alone() -> None:
    text = "Am Hafen brannte eine Lagerhalle. Die Feuerwehr rückte mit zehn Wagen aus, weil Gefahrstoffe gelagert worden seien."
    doc = run("de", text, keep_speakerless=True)
    assert [(q.rule.split(".")[-1], q.text) for q in doc.quotes] == [
        ("indirect_free_subclause", "weil Gefahrstoffe gelagert worden seien")]
