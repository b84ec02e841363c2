"""Message boundaries: where a reported clause ends, the clause a source phrase reports, and
quotation marks at the end of a message."""

from tests.extract.test_quotes import run, speakers

_ENT = {"Anna Berg": ("PER", ["Anna Berg", "Berg"]), "Stadtwerke": ("ORG", ["Stadtwerke"])}


def _texts(text: str) -> list[str]:
    return [t for _, _, t in speakers(run("de", text, _ENT, keep_speakerless=True))]


def test_coordinated_main_clause_after_a_dass_clause_is_not_said() -> None:
    assert _texts("Anna Berg erklärte, dass die Brücke gesperrt werden müsse und fuhr danach nach Hause.") == [
        "dass die Brücke gesperrt werden müsse"]


def test_indicative_verb_after_a_comma_resumes_the_frame() -> None:
    assert _texts("Anna Berg sagte, sie sei nicht zuständig, verließ dann aber den Saal.") == ["sie sei nicht zuständig"]


def test_konjunktiv_after_a_comma_continues_the_message() -> None:
    assert _texts("Anna Berg sagte, sie sei nicht zuständig, habe aber den Bürgermeister informiert.") == [
        "sie sei nicht zuständig, habe aber den Bürgermeister informiert"]


def test_apposition_inside_the_message_does_not_end_it() -> None:
    assert _texts("Anna Berg kritisierte, dass die Stadt den Rat, das gewählte Gremium, übergangen hat.") == [
        "dass die Stadt den Rat, das gewählte Gremium, übergangen hat"]


def test_comment_on_the_statement_is_the_writers() -> None:
    assert _texts("Anna Berg warf dem Bürgermeister vor, die Kosten verschwiegen zu haben, was dieser bestreitet.") == [
        "die Kosten verschwiegen zu haben"]


def test_reported_comment_stays_in_the_message() -> None:
    assert _texts("Anna Berg sagte, die Kosten seien gestiegen, was niemanden überraschen könne.") == [
        "die Kosten seien gestiegen, was niemanden überraschen könne"]


def _pieces(text: str) -> list[str]:
    """Each statement's content as its pieces (a source phrase inside it is left out)."""
    doc = run("de", text, _ENT, keep_speakerless=True)
    return [" ".join(text[a:b] for a, b in (q.model_extra.get("pieces") or [(q.start, q.end)])) for q in doc.quotes]


def test_source_phrase_in_a_relative_clause_reports_that_clause() -> None:
    assert _pieces("Das Rathaus, das nach Angaben der Stadtwerke im Mai saniert werden soll, bleibt geöffnet.") == [
        "das im Mai saniert werden soll"]


def test_source_phrase_in_a_subordinate_clause_after_the_main_clause() -> None:
    assert _pieces("Der Zug kam verspätet an, weil nach Angaben der Stadtwerke ein Signal ausgefallen war.") == [
        "weil ein Signal ausgefallen war"]


def test_source_phrase_in_the_main_clause_reports_the_sentence() -> None:
    assert _texts("Nach Angaben der Stadtwerke ist das Netz, das im Mai erneuert wurde, stabil.") == [
        "ist das Netz, das im Mai erneuert wurde, stabil"]


def test_postposed_source_reports_the_whole_clause_before_it() -> None:
    assert _texts("Das Netz, das im Mai erneuert wurde, sei stabil, so die Stadtwerke.") == [
        "Das Netz, das im Mai erneuert wurde, sei stabil"]


def test_closing_mark_of_a_quote_inside_the_message_belongs_to_it() -> None:
    assert _texts("Anna Berg sagte, die Lage sei „sehr ernst“.") == ["die Lage sei „sehr ernst“"]


def test_subordinate_clause_with_its_auxiliary_frames_no_main_clause() -> None:
    assert _texts("Schneller als die Fachleute vorausgesagt hatten, steigt das Wasser im Hafen.") == []


def test_participle_phrase_names_and_frames_nothing() -> None:
    assert _texts("Der neue Tunnel, von den Anwohnern nur „die Röhre“ genannt, wird im Mai eröffnet.") == []


def test_clause_commenting_on_the_one_before_is_no_message() -> None:
    assert _texts("Der Schaden wurde auf zwei Millionen Euro geschätzt, womit er alle Erwartungen übertraf.") == []


def test_passive_frame_with_its_participle_auxiliary_still_frames() -> None:
    assert _texts("Am Montag war der Stadt vorgeworfen worden, sie habe die Kosten verschwiegen.") == [
        "sie habe die Kosten verschwiegen"]


def test_adverbial_clause_before_a_verb_is_no_postposed_message() -> None:
    assert _texts("Wenn der Angeklagte verurteilt wird, droht ihm eine lange Haftstrafe.") == []


def test_fronted_object_with_a_relative_clause_makes_a_report() -> None:
    doc = run("de", "Die Zahl der Verletzten, die am Montag behandelt wurden, bezifferte Anna Berg auf zwölf.", _ENT,
              keep_speakerless=True)
    assert [(q.rule, q.model_extra.get("form")) for q in doc.quotes] == [("de.speech.reported_fronted", "reported")]
    assert speakers(doc)[0][0] == "Anna Berg"


def _embedding(text: str) -> list[str | None]:
    doc = run("de", text, _ENT, keep_speakerless=True)
    return [(lambda sp: sp and sp["text"])(q.model_extra.get("embedding_span")) for q in doc.quotes]


def test_quoted_words_in_an_object_phrase_carry_that_phrase() -> None:
    assert _embedding("Anna Berg forderte einen „sofortigen Baustopp“ für die Brücke.") == [
        "einen „sofortigen Baustopp“ für die Brücke"]


def test_quoted_words_before_the_participle_carry_the_bracket() -> None:
    assert _embedding("Anna Berg hatte am Montag von einer „ernsten Krise“ gesprochen.") == [
        "am Montag von einer „ernsten Krise“"]


def test_quoted_name_given_with_als_is_only_the_words() -> None:
    assert _embedding("Anna Berg bezeichnete den Plan als „völlig verfehlt“.") == [None]


def test_embedding_stops_at_a_coordinated_verb() -> None:
    assert _embedding("Anna Berg nannte den Plan „völlig verfehlt“ und verließ den Saal.") == [
        "den Plan „völlig verfehlt“"]


def test_quoted_words_opening_a_reported_clause_make_it_mixed() -> None:
    doc = run("de", "Anna Berg sagte, „Ausnahmen“ dürfe es nicht geben.", _ENT)
    assert [(q.kind, q.text) for q in doc.quotes] == [("mixed", "„Ausnahmen“ dürfe es nicht geben")]


def test_clause_before_quoted_words_belongs_to_the_postposed_statement() -> None:
    doc = run("de", "Eine Strafe sei nicht angemessen, „wenn niemand verletzt wurde“, so Anna Berg.", _ENT)
    assert [(q.kind, q.text) for q in doc.quotes] == [
        ("mixed", "Eine Strafe sei nicht angemessen, „wenn niemand verletzt wurde“")]


def test_clause_after_an_interposed_frame_continues_the_statement() -> None:
    text = "„Im nächsten Jahr“, so Anna Berg, wird die Stadt „eine neue Brücke bauen“."
    doc = run("de", text, _ENT)
    assert len(doc.quotes) == 1
    assert [text[a:b] for a, b in doc.quotes[0].model_extra["pieces"]] == [
        "Im nächsten Jahr", "wird die Stadt „eine neue Brücke bauen“"]


def test_reported_question_after_an_addressee_stays_a_message() -> None:
    assert _texts("Anna Berg erklärte dem Gericht, was in der Nacht geschehen sei.") == ["was in der Nacht geschehen sei"]


def test_frame_in_the_konjunktiv_is_itself_reported() -> None:
    doc = run("de", "Anna Berg sprach von einem Unfall. Man gehe davon aus, dass niemand verletzt wurde.", _ENT,
              keep_speakerless=True)
    q = [q for q in doc.quotes if "niemand" in q.text][0]
    assert (q.rule, q.model_extra.get("form")) == ("de.speech.indirect_free_frame", "free")
    assert q.model_extra["statement_span"]["text"] == "Man gehe davon aus, dass niemand verletzt wurde."


def test_konjunktiv_frame_with_its_own_postposed_frame_stays_indirect() -> None:
    doc = run("de", "Sie wisse, dass die Arbeit Fehler habe, hatte Anna Berg gesagt.", _ENT, keep_speakerless=True)
    assert all(q.rule != "de.speech.indirect_free_frame" for q in doc.quotes)
