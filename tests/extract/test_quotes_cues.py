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


def test_so_before_a_postposed_frame_belongs_to_the_cue() -> None:
    doc = run("de", "Die Reform komme zu spät, so kritisiert Anna Berg.", _BERG)
    assert speakers(doc) == [("Anna Berg", "indirect", "Die Reform komme zu spät")]
    assert _cue_words(doc, doc.quotes[0]) == ["so", "kritisiert"]


def test_pronominal_adverb_between_verb_and_infinitive() -> None:
    doc = run("de", "Anna Berg droht damit, den Vertrag nicht zu unterschreiben.", _BERG)
    assert speakers(doc) == [("Anna Berg", "indirect", "den Vertrag nicht zu unterschreiben")]


def test_adjective_as_adverb_between_frame_and_clause() -> None:
    doc = run("de", "So berichtete Anna Berg telefonisch im Radio, sie warte im dritten Stock auf Hilfe.", _BERG)
    assert speakers(doc) == [("Anna Berg", "indirect", "sie warte im dritten Stock auf Hilfe")]


def test_name_set_off_before_the_complement_clause() -> None:
    doc = run("de", "Am Montag meldete der Sender, Radio Nord, dass die Brücke gesperrt werde.", keep_speakerless=True)
    assert [q.text for q in doc.quotes] == ["dass die Brücke gesperrt werde"]


def test_relative_clause_on_the_reported_subject() -> None:
    doc = run("de", "Anna Berg sagte weiter, der Fahrer, der den Unfall verursacht hatte, sei betrunken gewesen.", _BERG)
    assert speakers(doc) == [("Anna Berg", "indirect", "der Fahrer, der den Unfall verursacht hatte, sei betrunken gewesen")]


def test_set_off_time_phrase_before_an_adverbial_clause_is_no_report() -> None:
    doc = run("de", "Taucher fanden das Wrack, etwa zwölf Stunden, nachdem es gesunken war.", keep_speakerless=True)
    assert doc.quotes == []


def test_quoted_name_after_its_noun_in_the_frame() -> None:
    doc = run("de", "Am Abend meldete die Website „Netzblick“, der Verein habe den Vorgang bestätigt.",
              keep_speakerless=True)
    assert [q.text for q in doc.quotes] == ["der Verein habe den Vorgang bestätigt"]
    assert doc.quotes[0].rule == "de.speech.indirect_clause"  # framed by "meldete", not free indirect speech


def test_zu_infinitive_without_its_comma() -> None:
    doc = run("de", "Anna Berg hat angekündigt die Gebühren ab Oktober zu senken.", _BERG)
    assert speakers(doc) == [("Anna Berg", "indirect", "die Gebühren ab Oktober zu senken")]
    assert doc.quotes[0].rule == "de.speech.indirect_infinitive"


def test_fronted_passive_participle_with_a_lone_determiner() -> None:
    doc = run("de", "Kritisiert wird vor allem, dass die Regeln nicht eingehalten werden.", keep_speakerless=True)
    assert [(q.text, q.source_span) for q in doc.quotes] == [("dass die Regeln nicht eingehalten werden", None)]


def test_statement_noun_with_genitive_and_zu_infinitive() -> None:
    doc = run("de", "Trotz der Ankündigung ihrer Trainerin, Anna Berg, den Verein zu verlassen, gewann die Mannschaft.", _BERG)
    assert speakers(doc) == [("Anna Berg", "indirect", "den Verein zu verlassen")]
    assert doc.quotes[0].source_span["text"] == "ihrer Trainerin, Anna Berg"


def test_statement_noun_before_a_relative_clause_is_no_cue() -> None:
    doc = run("de", "Die Forderung der Opposition, die der Minister zurückwies, ist nicht neu.", keep_speakerless=True)
    assert not any((q.model_extra or {}).get("cue_tokens") and q.cue == "Forderung" for q in doc.quotes)


def test_sees_it_as_with_fronted_als_and_expletive() -> None:
    doc = run("de", "Als wichtigste Aufgabe sah es Anna Berg an, die Schulen zu sanieren.", _BERG)
    assert speakers(doc) == [("Anna Berg", "indirect", "die Schulen zu sanieren")]
    assert _cue_words(doc, doc.quotes[0]) == ["Als", "sah", "es", "an"]


def test_sees_it_as_proven_with_its_adjective() -> None:
    doc = run("de", "Anna Berg sah es als erwiesen an, dass der Vertrag gebrochen wurde.", _BERG)
    assert _cue_words(doc, doc.quotes[0]) == ["sah", "es", "als", "erwiesen", "an"]


def test_bracketed_abbreviation_does_not_end_the_particle_verb_clause() -> None:
    doc = run("de", "Am Montag teilte das Institut (IKV) mit, dass die Kamera ausgefallen sei.", keep_speakerless=True)
    assert [q.text for q in doc.quotes] == ["dass die Kamera ausgefallen sei"]
    assert _cue_words(doc, doc.quotes[0]) == ["teilte", "mit"]


def test_naming_participle_reports_nothing() -> None:
    doc = run("de", "Das Objekt, genannt „Kartoffel“, hat die Größe eines kleinen Mondes.", keep_speakerless=True)
    assert doc.quotes == []


def test_naming_participle_after_als_gives_a_reason() -> None:
    doc = run("de", "Als Grund wurde von der Polizei genannt, dass die Straße vereist gewesen sei.", keep_speakerless=True)
    assert [q.text for q in doc.quotes] == ["dass die Straße vereist gewesen sei"]
