"""Cues the quote stage used to miss: particle verbs tagged oddly, multiword speech predicates,
subjects the chunker does not see (quoted names, lone demonstratives), impersonal cues."""

from tests.extract.test_quotes import run, speakers

_BERG = {"Anna Berg": ("PER", ["Anna Berg", "Berg"])}


def _cue_words(doc, q) -> list[str]:  # type: ignore[no-untyped-def]
    return [doc.text[a:b] for a, b in (q.model_extra or {}).get("cue_tokens") or []]


def test_particle_ein_at_the_clause_end_makes_the_particle_verb() -> None:
    doc = run("de", "Anna Berg räumte am Montag ein, die Kommission habe Fehler gemacht.", _BERG)
    assert speakers(doc) == [("Anna Berg", "indirect", "die Kommission habe Fehler gemacht")]
    assert _cue_words(doc, doc.quotes[0]) == ["räumte", "ein"]


def test_particle_ein_of_a_verb_that_is_no_speech_verb_is_no_cue() -> None:
    doc = run("de", "Anna Berg lud die Minister zu einem Treffen ein, das am Freitag stattfindet.", _BERG)
    assert speakers(doc) == []


def test_quoted_name_as_subject() -> None:
    doc = run("de", "Die „Abendpost“ hatte am Montag berichtet, 40 Stellen sollen gestrichen werden.",
              {"Abendpost": ("ORG", ["Abendpost"])})
    assert speakers(doc) == [("Abendpost", "indirect", "40 Stellen sollen gestrichen werden")]
    assert doc.quotes[0].source_span["text"] == "Die „Abendpost“"


def test_lone_demonstrative_as_subject() -> None:
    doc = run("de", "Dieser bestätigte, dass der Vertrag im Mai unterschrieben werde.", keep_speakerless=True)
    assert [q.text for q in doc.quotes] == ["dass der Vertrag im Mai unterschrieben werde"]
    assert doc.quotes[0].source_span["text"] == "Dieser"


def test_demonstrative_before_a_noun_is_no_lone_subject() -> None:
    doc = run("de", "Diese Zahlen bestätigte, dass die Lage ernst sei.", keep_speakerless=True)
    assert all(q.source_span is None or q.source_span["text"] != "Diese" for q in doc.quotes)


def test_extended_attribute_in_the_subject() -> None:
    doc = run("de", "So sagte der für die Region zuständige Koordinator, Anna Berg, dass nur zwei Boote im Einsatz seien.",
              _BERG)
    assert speakers(doc) == [("Anna Berg", "indirect", "dass nur zwei Boote im Einsatz seien")]


def test_light_verb_predicate_holds_it_possible() -> None:
    doc = run("de", "Anna Berg hält es für unwahrscheinlich, dass die Regierung noch vor dem Sommer zurücktritt.", _BERG)
    assert speakers(doc) == [("Anna Berg", "indirect", "dass die Regierung noch vor dem Sommer zurücktritt")]
    assert _cue_words(doc, doc.quotes[0]) == ["hält", "es", "für", "unwahrscheinlich"]


def test_light_verb_predicate_with_a_name_set_off_before_its_noun() -> None:
    doc = run("de", "Den Ärger brachte die Sprecherin der Partei, Anna Berg, zum Ausdruck: „Das war ein Fehler.“", _BERG)
    assert speakers(doc) == [("Anna Berg", "direct", "Das war ein Fehler.")]
    assert _cue_words(doc, doc.quotes[0]) == ["brachte", "zum", "Ausdruck"]


def test_light_verb_predicate_with_parts_apart() -> None:
    doc = run("de", "Anna Berg stellte schon vor Jahren die These auf, dass die Preise weiter steigen.", _BERG)
    assert speakers(doc) == [("Anna Berg", "indirect", "dass die Preise weiter steigen")]
    assert _cue_words(doc, doc.quotes[0]) == ["stellte", "die", "These", "auf"]


def test_noun_of_the_predicate_is_not_its_subject() -> None:
    doc = run("de", "Die Auffassung vertritt auch Anna Berg, die Lage sei ernst.", _BERG)
    assert speakers(doc) == [("Anna Berg", "indirect", "die Lage sei ernst")]


def test_impersonal_cue_has_no_speaker() -> None:
    doc = run("de", "Am Montag wurde bekannt, dass der Minister zurücktreten will.", keep_speakerless=True)
    assert [(q.text, q.source_span) for q in doc.quotes] == [("dass der Minister zurücktreten will", None)]
    assert _cue_words(doc, doc.quotes[0]) == ["wurde", "bekannt"]


def test_impersonal_cue_without_its_clause_reports_nothing() -> None:
    doc = run("de", "Der Sänger wurde als „König des Pop“ bekannt.", keep_speakerless=True)
    assert doc.quotes == []


def test_decision_with_a_zu_infinitive() -> None:
    doc = run("de", "Der Stadtrat beschloss am Abend, die Gebühren zu senken.", {"Stadtrat": ("ORG", ["Stadtrat"])})
    assert speakers(doc) == [("Stadtrat", "indirect", "die Gebühren zu senken")]
