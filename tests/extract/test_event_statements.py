"""Statements from the quotes layer (lagebild.extract.event_statements), German and English; the
entities and the quote are marked by hand, the sentences are our own."""

from __future__ import annotations

from lagebild import cameo
from lagebild.doc import Document, Event
from lagebild.extract.event_lexicon import load_lexicon
from tests.extract.test_events import code


def said(text: str, lang: str, ents: dict[str, tuple[str, str | None, str | None, list[str]]], speaker: str,
         quote: str, cue: str | None, kind: str = "indirect") -> Document:
    """Run the events stage on `text` with the entities of `ents` and one quote (`quote`, said by the
    entity named `speaker` with the cue word(s) `cue`)."""
    return code(text, lang, ents, quote=(speaker, quote, cue), kind=kind)


def quoted(doc: Document) -> list[Event]:
    return [e for e in doc.events if ".quote." in e.rule]


def dyads(doc: Document) -> set[tuple[str | None, str, str | None]]:
    key = lambda a: (a.country or a.org) if a else None  # noqa: E731
    return {(key(e.source), e.cameo, key(e.target)) for e in quoted(doc)}


def kept(doc: Document) -> set[tuple[str, str | None, str | None, str | None]]:
    """(rule, code, source code, target code) of every statement coded from the quote, also those
    merged into an event the verb lexicon found for the same dyad."""
    return {(d.rule, d.code, d.source, d.target) for d in doc.layers["event_trace"] if ".quote." in d.rule and d.kept}


def why(doc: Document) -> list[str]:
    return [d.why for d in doc.layers["event_trace"] if ".quote." in d.rule and not d.kept]


def test_plain_statement_about_a_political_subject_de() -> None:
    text = "Ali Rahimi sagte am Montag, Frankreich habe keine Strategie für die Region."
    doc = said(text, "de", {"Ali Rahimi": ("PER", "IRN", None, ["GOV"]), "Frankreich": ("GPE", "FRA", None, [])},
               "Ali Rahimi", "Frankreich habe keine Strategie für die Region", "sagte")
    assert dyads(doc) == {("IRN", "010", "FRA")}, dyads(doc)
    ev = quoted(doc)[0]
    assert ev.rule == "de.quote.statement" and ev.modality == "reported"
    assert ev.date == "2024-10-14"
    # the evidence holds the attribution and what was said
    assert "sagte" in ev.evidence.text and "Strategie" in ev.evidence.text


def test_plain_statement_about_a_political_subject_en() -> None:
    text = "Senator Jane Doe said Germany was preparing new sanctions."
    doc = said(text, "en", {"Jane Doe": ("PER", "USA", None, ["LEG"]), "Germany": ("GPE", "DEU", None, [])},
               "Jane Doe", "Germany was preparing new sanctions", "said")
    assert dyads(doc) == {("USA", "010", "DEU")}, dyads(doc)
    assert quoted(doc)[0].rule == "en.quote.statement"


def test_a_country_mentioned_in_passing_is_no_target() -> None:
    text = "Ali Rahimi sagte, die Preise in Frankreich seien stark gestiegen."
    doc = said(text, "de", {"Ali Rahimi": ("PER", "IRN", None, ["GOV"]), "Frankreich": ("GPE", "FRA", None, [])},
               "Ali Rahimi", "die Preise in Frankreich seien stark gestiegen", "sagte")
    assert not quoted(doc), dyads(doc)


def test_a_speaker_who_is_not_political_makes_no_statement() -> None:
    text = "The economist Tom Baker said Germany was preparing new sanctions."
    doc = said(text, "en", {"Tom Baker": ("PER", "USA", None, []), "Germany": ("GPE", "DEU", None, [])},
               "Tom Baker", "Germany was preparing new sanctions", "said")
    assert not quoted(doc), dyads(doc)


def test_the_speakers_own_country_is_no_target_but_another_organ_is() -> None:
    own = said("Minister Ana Costa said Portugal would not give in.", "en",
               {"Ana Costa": ("PER", "PRT", None, ["GOV"]), "Portugal": ("GPE", "PRT", None, [])},
               "Ana Costa", "Portugal would not give in", "said")
    assert not quoted(own), dyads(own)
    assert "statement about the speaker's own country or side" in why(own)
    other = said("Opposition leader John Roe said President Mark Smith was ignoring the parliament.", "en",
                 {"John Roe": ("PER", "USA", None, ["OPP"]), "Mark Smith": ("PER", "USA", None, ["GOV"])},
                 "John Roe", "President Mark Smith was ignoring the parliament", "said")
    assert dyads(other) == {("USA", "010", "USA")}, dyads(other)
    assert quoted(other)[0].target.entity == "e2"


def test_cue_verbs_give_their_speech_act() -> None:
    doc = said("Moscow denied that Ukraine had agreed to a ceasefire.", "en",
               {"Moscow": ("GPE", "RUS", None, []), "Ukraine": ("GPE", "UKR", None, [])},
               "Moscow", "Ukraine had agreed to a ceasefire", "denied")
    assert dyads(doc) == {("RUS", "016", "UKR")}, dyads(doc)
    assert quoted(doc)[0].rule == "en.quote.deny"


def test_a_cue_that_is_no_saying_verb_is_left_to_the_verb_lexicon() -> None:
    doc = said("Nigeria announced Ghana would join the union.", "en",
               {"Nigeria": ("GPE", "NGA", None, []), "Ghana": ("GPE", "GHA", None, [])},
               "Nigeria", "Ghana would join the union", "announced")
    assert not quoted(doc), dyads(doc)


def test_the_addressee_of_the_cue_verb_is_the_target() -> None:
    text = "Marko Petrović warf der Europäischen Union vor, den Dialog mit Albanien zu blockieren."
    doc = said(text, "de", {"Marko Petrović": ("PER", "SRB", None, ["GOV"]),
                            "Europäischen Union": ("ORG", None, "EU", ["IGO"]), "Albanien": ("GPE", "ALB", None, [])},
               "Marko Petrović", "den Dialog mit Albanien zu blockieren", "warf vor")
    assert kept(doc) == {("de.quote.accuse", "112", "SRBGOV", "EUIGO")}, kept(doc)


def test_the_speakers_apposition_is_no_addressee() -> None:
    text = "Hans Berger (SPD) kritisierte, Kanzler Otto Klein habe die Reform verschleppt."
    doc = said(text, "de", {"Hans Berger": ("PER", "DEU", None, ["LEG"]), "SPD": ("ORG", "DEU", None, ["PTY"]),
                            "Otto Klein": ("PER", "DEU", None, ["GOV"])},
               "Hans Berger", "Kanzler Otto Klein habe die Reform verschleppt", "kritisierte")
    assert kept(doc) == {("de.quote.criticize", "111", "DEULEG", "DEUGOV")}, kept(doc)


def test_praise_in_one_sentence_is_not_negated_by_the_next() -> None:
    text = 'Minister Ana Costa said: "Spain is a wonderful partner. We have no problems at all."'
    quote = "Spain is a wonderful partner. We have no problems at all."
    ents = {"Ana Costa": ("PER", "PRT", None, ["GOV"]), "Spain": ("GPE", "ESP", None, [])}
    doc = said(text, "en", ents, "Ana Costa", quote, "said", "direct")
    assert ("en.quote.direct", "051", "PRTGOV", "ESP") in kept(doc), kept(doc)
    neg = said('Minister Ana Costa said: "Spain is not a wonderful partner."', "en", ents, "Ana Costa",
               "Spain is not a wonderful partner.", "said", "direct")
    assert not any(c == "051" for _, c, _, _ in kept(neg)), kept(neg)


def test_statement_classes_are_valid_cameo() -> None:
    for lang in ("de", "en"):
        lex = load_lexicon(lang)
        assert lex.statements, lang
        names = [c.name for c in lex.statements]
        assert len(names) == len(set(names)) and "statement" in names, lang
        assert all(cameo.is_code(c.code) for c in lex.statements), lang
        hit = lex.statement_cue({"sagen" if lang == "de" else "say"})
        assert hit is not None and (hit.code, hit.name, hit.addressee) == ("010", "statement", False)


def test_only_the_subject_of_the_quote_is_its_target() -> None:
    ents = {"Jane Doe": ("PER", "USA", None, ["LEG"]), "Germany": ("GPE", "DEU", None, []),
            "France": ("GPE", "FRA", None, [])}
    # an object, a pronoun subject or an actor after the clause's opening are mentions in passing
    for text, quote in (("Jane Doe said the talks with France had failed.", "the talks with France had failed"),
                        ("Jane Doe said she would travel to Germany soon.", "she would travel to Germany soon"),
                        ("Jane Doe said the prices were rising and Germany was worried.",
                         "the prices were rising and Germany was worried")):
        doc = said(text, "en", ents, "Jane Doe", quote, "said")
        assert not quoted(doc), (text, dyads(doc))
    # the possessor of the subject is what the clause is about
    doc = said("Jane Doe said the policy of France was a mistake.", "en", ents, "Jane Doe",
               "the policy of France was a mistake", "said")
    assert dyads(doc) == {("USA", "010", "FRA")}, dyads(doc)
    doc = said("Jane Doe said the policy of the French government was a mistake.", "en", ents, "Jane Doe",
               "the policy of the French government was a mistake", "said")
    assert dyads(doc) == {("USA", "010", "FRA")}, dyads(doc)
    doc = said("Jane Doe said talks under the leadership of France had failed.", "en", ents, "Jane Doe",
               "talks under the leadership of France had failed", "said")
    assert not quoted(doc), dyads(doc)


def test_verb_second_subject_de() -> None:
    text = "Laut dem Außenministerium Irans bereiten die Vereinigten Staaten neue Gespräche vor."
    doc = said(text, "de", {"Außenministerium Irans": ("ORG", "IRN", None, ["GOV"]),
                            "Vereinigten Staaten": ("GPE", "USA", None, [])},
               "Außenministerium Irans", "bereiten die Vereinigten Staaten neue Gespräche vor", "Laut")
    assert ("de.quote.statement", "010", "IRNGOV", "USA") in kept(doc), kept(doc)


def test_the_addressee_must_be_in_the_cues_clause() -> None:
    text = "Jane Doe urged the workers to return, as Germany had demanded."
    doc = said(text, "en", {"Jane Doe": ("PER", "USA", None, ["LEG"]), "Germany": ("GPE", "DEU", None, [])},
               "Jane Doe", "the workers to return", "urged")
    assert not any(r == "en.quote.appeal" for r, *_ in kept(doc)), kept(doc)


def test_a_naming_verb_takes_the_named_actor() -> None:
    text = 'Senator Jane Doe called Prime Minister Tom Brown "a disgrace".'
    doc = said(text, "en", {"Jane Doe": ("PER", "USA", None, ["LEG"]), "Tom Brown": ("PER", "GBR", None, ["GOV"])},
               "Jane Doe", "a disgrace", "called", "mixed")
    assert ("en.quote.mixed", "111", "USALEG", "GBRGOV") in kept(doc), kept(doc)


def test_a_medium_reports_but_makes_no_statement() -> None:
    text = "Laut dem Sender Radio Nord bereitet Frankreich neue Gespräche vor."
    doc = said(text, "de", {"Radio Nord": ("ORG", "DEU", None, ["MED"]), "Frankreich": ("GPE", "FRA", None, [])},
               "Radio Nord", "bereitet Frankreich neue Gespräche vor", "Laut")
    assert not kept(doc), kept(doc)
    assert "speaker is not a political actor" in why(doc)


def test_an_ngo_makes_statements() -> None:
    text = "Amnesty International forderte, dass Frankreich die Gefangenen freilasse."
    doc = said(text, "de", {"Amnesty International": ("ORG", None, "AMN", ["NGO"]),
                            "Frankreich": ("GPE", "FRA", None, [])},
               "Amnesty International", "dass Frankreich die Gefangenen freilasse", "forderte")
    assert ("de.quote.demand", "100", "AMNNGO", "FRA") in kept(doc), kept(doc)


def test_a_country_reporting_on_its_own_minister_is_a_source_not_a_dyad() -> None:
    text = "Wie Russland mitteilte, habe Verteidigungsminister Iwan Petrow die Gespräche in Rom beendet."
    doc = said(text, "de", {"Russland": ("GPE", "RUS", None, []),
                            "Iwan Petrow": ("PER", "RUS", None, ["GOV", "MIL"])},
               "Russland", "habe Verteidigungsminister Iwan Petrow die Gespräche in Rom beendet", "mitteilte")
    assert not quoted(doc), dyads(doc)


def test_a_spokeswoman_about_her_own_organisation_is_no_dyad() -> None:
    text = "Das Hilfswerk UNHCR müsse mehr für die Flüchtlinge tun, sagte Anna Berg, eine Sprecherin des UNHCR."
    doc = said(text, "de", {"Anna Berg": ("PER", None, "UNHCR", ["IGO"]), "UNHCR": ("ORG", None, "UNHCR", ["IGO"])},
               "Anna Berg", "Das Hilfswerk UNHCR müsse mehr für die Flüchtlinge tun", "sagte")
    assert not quoted(doc), dyads(doc)
