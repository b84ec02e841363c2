"""Quote stage: the extent of source phrases and the choice of the subject that speaks, in
sentences written for these tests."""

from __future__ import annotations

from tests.extract.test_quotes import run


def _src(q) -> str:  # type: ignore[no-untyped-def]
    return ((q.model_extra or {}).get("source_span") or {}).get("text", "")


def _sources(text: str, entities: dict[str, tuple[str, list[str]]] | None = None) -> list[str]:
    return [_src(q) for q in run("de", text, entities or {}, keep_speakerless=True).quotes]


# -- noun phrases ----------------------------------------------------------------------------


def test_de_bare_genitive_belongs_to_the_source_noun() -> None:
    assert _sources("Nach Angaben informierter Kreise ist der Vorstand zurückgetreten.") == ["Angaben informierter Kreise"]


def test_de_zufolge_reads_back_over_genitive_and_von() -> None:
    text = "Ersten Berichten des Wetteramts von Lissabon zufolge erreichte der Sturm die Küste am Abend."
    assert _sources(text) == ["Ersten Berichten des Wetteramts von Lissabon"]


def test_de_name_takes_no_article_genitive_after_it() -> None:
    text = "Am Montag wurde laut Karla Brenner der frühere Vorsitzende der Kammer festgenommen."
    assert _sources(text) == ["Karla Brenner"]


# -- appositions -----------------------------------------------------------------------------


def test_de_unknown_name_in_commas_before_the_verb() -> None:
    # no entity and no role word: the commas between subject and verb set the name off
    text = "Der Leiter der Kläranlage, Bodo Wendrich, sagte, das Wasser sei wieder sauber."
    assert _sources(text) == ["Der Leiter der Kläranlage, Bodo Wendrich"]


def test_de_apposition_before_the_colon() -> None:
    text = "Am Abend sagte Ilse Marquardt, Gründerin des Vereins: „Wir machen weiter.“"
    assert _sources(text) == ["Ilse Marquardt, Gründerin des Vereins"]


def test_de_apposition_before_the_verb_without_closing_comma() -> None:
    text = "Ilse Marquardt, Gründerin des Vereins erklärte, man mache weiter."
    assert _sources(text) == ["Ilse Marquardt, Gründerin des Vereins"]


def test_de_attachment_taken_when_an_apposition_follows() -> None:
    text = "Der Vertreter der Mieter im Beirat der Genossenschaft, Paul Oswald, hat gefordert, dass die Mieten sinken."
    assert _sources(text) == ["Der Vertreter der Mieter im Beirat der Genossenschaft, Paul Oswald"]


def test_de_message_after_a_name_is_no_apposition() -> None:
    text = "Am Montag sagte Ilse Marquardt, Deutschland werde mehr Geld geben."
    assert _sources(text) == ["Ilse Marquardt"]


# -- names, parentheses, prepositions ----------------------------------------------------------


def test_de_source_grows_to_the_whole_name() -> None:
    text = "Die Hilfsorganisation Ärzte ohne Grenzen teilte mit, die Lage sei dramatisch."
    ents = {"Ärzte ohne Grenzen": ("ORG", ["Ärzte ohne Grenzen"])}
    assert _sources(text, ents) == ["Die Hilfsorganisation Ärzte ohne Grenzen"]


def test_de_parenthesis_after_the_source() -> None:
    text = "Die Vereinigung der Kleinaktionäre (VdK) forderte, dass der Vorstand zurücktritt."
    assert _sources(text) == ["Die Vereinigung der Kleinaktionäre (VdK)"]


def test_de_date_of_a_document_belongs_to_it() -> None:
    text = "Nach Angaben der Feuerwehr vom Dienstag sind drei Häuser zerstört."
    assert _sources(text) == ["Angaben der Feuerwehr vom Dienstag"]


# -- the subject in the cue's own clause ---------------------------------------------------------


def test_de_subject_in_the_clause_after_a_subordinator() -> None:
    text = "Die Mieter haben protestiert, weil sie befürchten, die Wohnungen würden verkauft."
    assert _sources(text)[-1] == "sie"


def test_de_subject_before_an_inserted_relative_clause() -> None:
    text = "Der Sender, der für die Übertragung verantwortlich ist, erklärte, die Technik sei ausgefallen."
    assert _sources(text) == ["Der Sender"]


def test_de_subject_after_the_verb_when_a_relative_clause_comes_first() -> None:
    text = ("In der Debatte über Mieten, die wegen der hohen Preise geführt wird, hat Stadträtin Olga Hein gefordert, "
            "die Stadt solle bauen.")
    assert _sources(text) == ["Stadträtin Olga Hein"]


def test_de_subject_after_a_fronted_subordinate_clause() -> None:
    text = "Warum die Wahl auf diesen Ort fiel, begründete das Gericht damit, dass die Akten dort lägen."
    assert _sources(text) == ["das Gericht"]


def test_de_relative_pronoun_with_a_speaking_antecedent_stays_the_subject() -> None:
    text = "Kramer, der den Senat mehrfach kritisiert hatte, darunter als „Bremsklotz“, will kandidieren."
    ents = {"Kramer": ("PER", ["Kramer"]), "Senat": ("ORG", ["Senat"])}
    assert "Senat" not in _sources(text, ents)


def test_de_apposition_in_commas_after_a_postverbal_subject() -> None:
    text = "Angesichts der Lage nannte Ilse Marquardt, Gründerin des Vereins, den Plan „überflüssig“."
    assert _sources(text) == ["Ilse Marquardt, Gründerin des Vereins"]


def test_de_adjective_noun_heads_the_source() -> None:
    assert _sources("Angehörige der Opfer berichteten, dass die Hilfe zu spät kam.") == ["Angehörige der Opfer"]


def test_de_participle_inside_the_source_phrase() -> None:
    text = "Die staatlich gelenkten örtlichen Zeitungen berichteten, dass der Damm gebrochen sei."
    assert _sources(text) == ["Die staatlich gelenkten örtlichen Zeitungen"]


def test_de_origin_belongs_to_the_source() -> None:
    text = "Politiker aus allen Fraktionen haben gefordert, dass die Brücke saniert wird."
    assert _sources(text) == ["Politiker aus allen Fraktionen"]


def test_de_possessive_object_is_no_subject() -> None:
    text = "Vor der Presse nannte Ilse Marquardt seinen Rücktritt „überfällig“."
    assert _sources(text) == ["Ilse Marquardt"]


def test_de_fronted_object_yields_to_the_name_after_the_verb() -> None:
    text = "Die Pläne der Stadt bezeichnete Marquardt als „Luftschloss“."
    ents = {"Ilse Marquardt": ("PER", ["Marquardt"])}
    assert _sources(text, ents) == ["Marquardt"]


def test_de_dative_after_the_verb_stays_an_object() -> None:
    text = "Anwohner warfen der Verwaltung vor, die Warnungen ignoriert zu haben."
    assert _sources(text) == ["Anwohner"]


def test_de_parenthesis_before_the_verb_keeps_the_subject_in_the_frame() -> None:
    text = "Auch die Ministerin Ilse Marquardt (SPD) äußerte Zweifel: „Das wird nicht reichen.“"
    assert _sources(text) == ["die Ministerin Ilse Marquardt (SPD)"]


def test_de_quoted_name_next_to_the_verb_is_the_source() -> None:
    text = "„Die Woche“ berichtet unter Berufung auf einen Anwalt, dass der Vertrag gekündigt wurde."
    assert _sources(text) == ["„Die Woche“"]


def test_de_employer_after_bei_belongs_to_the_source() -> None:
    text = "Die Zinsen würden steigen, sagte Olaf Brandt, Analyst bei der Nordbank."
    ents = {"Olaf Brandt": ("PER", ["Olaf Brandt"]), "Nordbank": ("ORG", ["Nordbank"])}
    assert _sources(text, ents) == ["Olaf Brandt, Analyst bei der Nordbank"]


def test_de_occasion_after_bei_is_no_part_of_the_source() -> None:
    text = "Bei einem Besuch in der Hauptstadt sagte der Minister bei einem Empfang, die Lage sei stabil."
    assert _sources(text) == ["der Minister"]


def test_de_relative_pronoun_is_the_source_of_its_clause() -> None:
    text = "Gehört wurde auch eine Nachbarin, die angab, in der Nacht Schüsse gehört zu haben."
    assert _sources(text) == ["die"]


def test_de_article_after_a_comma_is_no_relative_pronoun() -> None:
    text = "Anna Berg, die Vorsitzende des Vereins, sagte, man mache weiter."
    ents = {"Anna Berg": ("PER", ["Anna Berg"])}
    assert _sources(text, ents) == ["Anna Berg, die Vorsitzende des Vereins"]
