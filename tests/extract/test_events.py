"""Unit tests of the events stage, one per mechanism, in German and English (entities filled by hand)."""

from __future__ import annotations

import re

import pytest

from lagebild import cameo
from lagebild.analyze import make_analyzer
from lagebild.doc import Document, Entity, Quote, Span
from lagebild.extract.coref import make_coref_resolver
from lagebild.extract.event_lexicon import all_codes, load_lexicon
from lagebild.extract.events import make_event_coder
from lagebild.extract.times import make_time_tagger

_STAGES: dict[str, tuple] = {}


def _stages(lang: str) -> tuple:
    if lang not in _STAGES:
        _STAGES[lang] = (make_analyzer(lang), make_time_tagger(lang), make_coref_resolver(lang), make_event_coder(lang))
    return _STAGES[lang]


def code(text: str, lang: str, ents: dict[str, tuple[str, str | None, str | None, list[str]]],
         published: str = "2024-10-14", *, quote: tuple[str, str, str | None] | None = None,
         kind: str = "indirect") -> Document:
    """Run analyze, times, coref and events on `text`, with entities named in `ents` marked by hand and,
    if given, one quote of `kind` (speaker's name in `ents`, quoted text, cue word(s))."""
    analyzer, times, coref, events = _stages(lang)
    doc = times(analyzer(Document(doc_id="t", lang=lang, published=published, text=text)))
    ids = {}
    for n, (name, (etype, country, org, sectors)) in enumerate(ents.items(), 1):
        mentions = [Span(start=m.start(), end=m.end(), text=name) for m in re.finditer(re.escape(name), text)]
        doc.entities.append(Entity(id=f"e{n}", name=name, type=etype, country=country, org=org, sectors=sectors,
                                   mentions=mentions))
        ids[name] = f"e{n}"
    if quote is not None:
        speaker, said, cue = quote
        s = text.index(said)
        doc.quotes.append(Quote(start=s, end=s + len(said), text=said, kind=kind, speaker=ids[speaker], cue=cue))
    return events(coref(doc))


def triples(doc: Document) -> set[tuple[str | None, str, str | None]]:
    key = lambda a: (a.country or a.org) if a else None  # noqa: E731
    return {(key(e.source), e.cameo, key(e.target)) for e in doc.events}


CHN = ("GPE", "CHN", None, [])
RUS = ("GPE", "RUS", None, [])


def test_lexicons_cover_all_roots() -> None:
    for lang in ("de", "en"):
        roots = {c[:2] for c in all_codes(lang)}
        assert roots >= {f"{i:02d}" for i in range(1, 21)} - ({"06", "07", "15"} if lang == "xx" else set()), lang
        assert all(cameo.is_code(c) for c in all_codes(lang)), lang
    assert load_lexicon("en").petrarch, "English imports the PETRARCH2-derived verbs"


def test_coordinated_actors_give_one_symmetric_event_de() -> None:
    doc = code("China und Russland vereinbaren eine Stärkung ihrer militärischen Zusammenarbeit.", "de",
               {"China": CHN, "Russland": RUS})
    assert triples(doc) == {("CHN", "0312", "RUS")}
    ev = doc.events[0]
    assert ev.rule == "de.verb.vereinbaren" and getattr(ev, "symmetric", False)
    assert ev.goldstein == 5.2 and ev.quad == 1 and ev.plover.type == "AGREE"


def test_coordinated_actors_en() -> None:
    doc = code("China and Russia agreed to deepen military cooperation.", "en",
               {"China": CHN, "Russia": RUS})
    assert ("CHN", "030", "RUS") in triples(doc) or ("CHN", "0312", "RUS") in triples(doc)


def test_v2_subject_object_and_verb_final_de() -> None:
    doc = code("Am Montag verurteilte Frankreich Russland scharf. Er sagte, dass Polen Russland kritisiert habe.", "de",
               {"Frankreich": ("GPE", "FRA", None, []), "Russland": RUS, "Polen": ("GPE", "POL", None, [])})
    t = triples(doc)
    assert ("FRA", "111", "RUS") in t and ("POL", "111", "RUS") in t


def test_subject_object_en() -> None:
    doc = code("France condemned Russia on Monday.", "en", {"France": ("GPE", "FRA", None, []), "Russia": RUS})
    assert triples(doc) == {("FRA", "111", "RUS")}
    assert doc.events[0].date == "2024-10-14"


def test_gegen_target_and_light_verb_de() -> None:
    doc = code("Die EU hat am Dienstag Sanktionen gegen den Iran verhängt.", "de",
               {"EU": ("ORG", None, "EU", []), "Iran": ("GPE", "IRN", None, [])})
    assert triples(doc) == {("EU", "163", "IRN")}
    assert doc.events[0].rule == "de.light.verhängen"


def test_passive_agent_de_and_en() -> None:
    de = code("Die Botschaft Frankreichs wurde von Russland angegriffen.", "de",
              {"Frankreichs": ("GPE", "FRA", None, []), "Russland": RUS})
    assert ("RUS", "190", "FRA") in triples(de)
    en = code("The opposition leader of Belarus was arrested by Russia.", "en",
              {"Belarus": ("GPE", "BLR", None, []), "Russia": RUS})
    assert ("RUS", "173", "BLR") in triples(en)


def test_visit_host_from_place_de() -> None:
    doc = code("Beloussow war am Morgen in Peking eingetroffen.", "de", {"Beloussow": ("PER", "RUS", None, ["GOV", "MIL"])})
    ev = doc.events[0]
    assert (ev.source.country, ev.cameo, ev.target.country) == ("RUS", "042", "CHN")
    assert ev.source.code == "RUSGOVMIL" and ev.place == "Beijing" and ev.date == "2024-10-14"


def test_negated_and_hypothetical_are_not_events() -> None:
    assert not code("Frankreich hat Russland nicht angegriffen.", "de",
                    {"Frankreich": ("GPE", "FRA", None, []), "Russland": RUS}).events
    assert not code("France would condemn Russia.", "en", {"France": ("GPE", "FRA", None, []), "Russia": RUS}).events
    assert not code("France did not attack Russia.", "en", {"France": ("GPE", "FRA", None, []), "Russia": RUS}).events


def test_plans_become_intents() -> None:
    de = code("Frankreich will China im Juni besuchen.", "de", {"Frankreich": ("GPE", "FRA", None, []), "China": CHN})
    assert triples(de) == {("FRA", "036", "CHN")} and de.events[0].modality == "future"
    en = code("France will visit China next week.", "en", {"France": ("GPE", "FRA", None, []), "China": CHN})
    assert triples(en) == {("FRA", "036", "CHN")}
    conflict = code("Frankreich plant, Russland anzugreifen.", "de", {"Frankreich": ("GPE", "FRA", None, []), "Russland": RUS})
    assert not conflict.events


def test_reported_modality() -> None:
    doc = code("Laut AFP hat Frankreich Russland angegriffen.", "de", {"Frankreich": ("GPE", "FRA", None, []), "Russland": RUS})
    assert doc.events and doc.events[0].modality == "reported"


def test_one_event_per_key_with_more_evidence() -> None:
    doc = code("Frankreich kritisierte Russland. Frankreich kritisierte Russland erneut.", "de",
               {"Frankreich": ("GPE", "FRA", None, []), "Russland": RUS})
    assert len(doc.events) == 1
    assert len(doc.events[0].evidence_more) == 1  # type: ignore[attr-defined]
    assert doc.events[0].evidence.text.startswith("Frankreich kritisierte")


def test_statement_tone_and_target() -> None:
    doc = code("Der Präsident sagte, die Beziehungen zu Russland hätten ein Allzeithoch erreicht.", "de",
               {"Präsident": ("PER", "CHN", None, ["GOV"]), "Russland": RUS})
    assert ("CHN", "013", "RUS") in triples(doc)
    none = code("Der Präsident sagte, Russland habe gewählt.", "de", {"Präsident": ("PER", "CHN", None, ["GOV"]), "Russland": RUS})
    assert not none.events  # a statement without evaluative content is not coded


def test_document_validates_against_schema() -> None:
    from lagebild.doc import validate

    doc = code("France condemned Russia.", "en", {"France": ("GPE", "FRA", None, []), "Russia": RUS})
    validate(doc.to_json())


def test_bare_role_keeps_the_country_it_was_named_with() -> None:
    doc = code("Ägypten hat sudanesische Flüchtlinge aufgenommen. Die Polizei Ägyptens nahm die Flüchtlinge fest.", "de",
               {"Ägypten": ("GPE", "EGY", None, []), "Ägyptens": ("GPE", "EGY", None, [])})
    assert ("EGY", "173", "SDN") in triples(doc)


def test_domestic_coercion_fills_the_same_country() -> None:
    doc = code("Die Polizei verhaftete am Dienstag in Minsk zwei Journalisten aus Belarus.", "de",
               {"Minsk": ("GPE", "BLR", None, []), "Belarus": ("GPE", "BLR", None, [])})
    assert any(s == "BLR" and c.startswith("17") and t == "BLR" for s, c, t in triples(doc)), triples(doc)


def test_nominal_agent_with_durch_is_the_source() -> None:
    doc = code("Grund ist die Festnahme von 15 britischen Soldaten durch die iranische Marine.", "de",
               {"iranische Marine": ("ORG", "IRN", None, ["MIL"])})
    assert ("IRN", "173", "GBR") in triples(doc)


def test_what_is_claimed_is_no_event() -> None:
    doc = code("Der Innenminister Ägyptens wirft den Flüchtlingen vor, die Polizisten Ägyptens angegriffen zu haben.",
               "de", {"Ägyptens": ("GPE", "EGY", None, [])})
    assert not any(c.startswith("19") for _, c, _ in triples(doc)), triples(doc)


def test_generic_petrarch_defaults_are_not_events() -> None:
    doc = code("Mugabe led Zimbabwe for decades and France meant Russia.", "en",
               {"Mugabe": ("PER", "ZWE", None, ["GOV"]), "Zimbabwe": ("GPE", "ZWE", None, []),
                "France": ("GPE", "FRA", None, []), "Russia": RUS})
    assert not doc.events, triples(doc)


def test_role_and_name_in_apposition_are_one_actor() -> None:
    doc = code("Der russische Verteidigungsminister Andrei Beloussow ist in Peking eingetroffen.", "de",
               {"Andrei Beloussow": ("PER", "RUS", None, ["GOV", "MIL"]), "Peking": ("GPE", "CHN", None, [])})
    assert ("RUS", "042", "CHN") in triples(doc), triples(doc)


def test_quotes_layer_gives_criticism() -> None:
    from lagebild.doc import Quote

    analyzer, times, _coref, events = _stages("en")
    text = 'Tom Watson called the deal of Theresa May "lousy and a shame".'
    doc = times(analyzer(Document(doc_id="q", lang="en", published="2019-03-28", text=text)))
    for n, name in enumerate(("Tom Watson", "Theresa May"), 1):
        s = text.index(name)
        doc.entities.append(Entity(id=f"e{n}", name=name, type="PER", country="GBR", sectors=["GOV"],
                                   mentions=[Span(start=s, end=s + len(name), text=name)]))
    s = text.index("the deal")
    doc.quotes.append(Quote(start=s, end=len(text) - 1, text=text[s:-1], kind="mixed", speaker="e1", cue="called"))
    doc = events(doc)
    assert ("GBR", "111", "GBR") in triples(doc), triples(doc)
    # the speech verb codes the same statement (its target the possessor "of Theresa May"): the quote
    # is then a further mention of that event
    assert any(e.rule == "en.quote.mixed" or getattr(e, "evidence_more", None) for e in doc.events)


def test_cli_explain_file(cli, tmp_path) -> None:
    art = tmp_path / "artikel.txt"
    art.write_text("Russland und China vereinbaren Zusammenarbeit\n\nDer russische Verteidigungsminister ist am Montag "
                   "in Peking eingetroffen.\n", encoding="utf-8")
    res = cli("explain", str(art), "--lang", "de", "--published", "2024-10-16")
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "de.verb.eintreffen" in out and "events:" in out
    assert "042" in out and "date=2024-10-14" in out and "place=Beijing" in out


# ------------------------------------------------------------ precision (bench/events_precision)

def test_private_persons_alone_are_no_event() -> None:
    # a statement or appeal between people without a political role is not coded …
    doc = code("Anna Berg asked Tom Hale for donations.", "en",
               {"Anna Berg": ("PER", "USA", None, []), "Tom Hale": ("PER", "USA", None, [])})
    assert not doc.events
    # … the same with a government on one side is
    doc = code("The Justice Ministry asked Tom Hale for donations.", "en",
               {"Justice Ministry": ("ORG", "USA", None, ["GOV"]), "Tom Hale": ("PER", "USA", None, [])})
    assert ("USA", "020", "USA") in triples(doc)


def test_petrarch_default_needs_an_actor_object() -> None:
    doc = code("Mayor Jane Doe attended law school in Paris.", "en", {"Jane Doe": ("PER", "USA", None, ["GOV"])})
    assert not doc.events
    trace = [d for d in doc.layers["event_trace"] if "PETRARCH default" in d.why]
    assert trace


def test_off_topic_sentences_need_named_political_actors() -> None:
    doc = code("Zehn Soldaten wurden bei einem Hubschrauberabsturz in Nepal getötet.", "de", {})
    assert not doc.events
    doc = code("An earthquake struck the Philippines, injuring at least 25 people.", "en",
               {"Philippines": ("GPE", "PHL", None, [])})
    assert not doc.events


def test_purpose_clause_is_no_happening() -> None:
    doc = code("Die Soldaten flogen nach Kathmandu, um gegen die Rebellen zu kämpfen.", "de", {})
    assert not [e for e in doc.events if e.root == "19"]


def test_coordinated_subject_without_target_is_not_a_dyad() -> None:
    doc = code("Die EU und die Vereinigten Staaten unterstützen die Unabhängigkeit.", "de",
               {"EU": ("ORG", None, "EU", ["IGO"]), "Vereinigten Staaten": ("GPE", "USA", None, [])})
    assert ("EU", "051", "USA") not in triples(doc)


def test_confidence_reflects_the_evidence() -> None:
    from lagebild.extract import events as ev

    named = code("China kritisierte Russland.", "de", {"China": CHN, "Russland": RUS}).events[0]
    inferred = code("Die Polizei verhaftete zwei Demonstranten in Moskau.", "de", {}).events
    assert named.confidence >= 0.8
    assert all(ev.MIN_CONFIDENCE <= e.confidence < named.confidence for e in inferred)


FRA = ("GPE", "FRA", None, [])


def test_unsaid_target_from_context() -> None:
    # a reaction names no target: the other actor of the sentence before; none there and the source's
    # own (the article's) country: domestic
    doc = code("China kritisierte Russland am Montag scharf. Russland lehnte ab.", "de", {"China": CHN, "Russland": RUS})
    assert ("RUS", "120", "CHN") in triples(doc)
    en = code("China criticized Russia on Monday. Russia rejected it.", "en", {"China": CHN, "Russia": RUS})
    assert ("RUS", "120", "CHN") in triples(en)


def test_coordinated_predicates_share_the_subject() -> None:
    doc = code("Frankreich besuchte China und kritisierte Russland.", "de", {"Frankreich": FRA, "China": CHN, "Russland": RUS})
    assert {("FRA", "042", "CHN"), ("FRA", "111", "RUS")} <= triples(doc)
    assert not any(s == "CHN" for s, _, _ in triples(doc))


def test_subject_before_an_apposition_and_pronoun_subjects() -> None:
    ents = {"Li Wei": ("PER", "CHN", None, ["GOV"]), "Russland": RUS}
    doc = code("Li Wei, der Sprecher, hat Russland kritisiert.", "de", ents)
    assert triples(doc) == {("CHN", "111", "RUS")}
    # "wir" is the subject: Russland is the one called on, never the source
    doc = code("Wir fordern Russland auf, die Truppen abzuziehen.", "de", {"Russland": RUS})
    assert not any(s == "RUS" and c == "020" for s, c, _ in triples(doc))


def test_infinitive_takes_the_subject_of_its_clause() -> None:
    doc = code("Frankreich plant, Russland anzugreifen.", "de", {"Frankreich": FRA, "Russland": RUS})
    assert not doc.events  # a planned attack: no intent code, and never Russland as the attacker


def test_noun_trigger_takes_the_governing_verbs_subject() -> None:
    # "Appell" has no actor in its own phrase: the subject of the verb that governs it is the source …
    ents = {"Regierung": ("ORG", "THA", None, ["GOV"]), "Verfassungsgericht": ("ORG", "THA", None, ["JUD"])}
    doc = code("Die Regierung wandte sich mit einem Appell an das Verfassungsgericht.", "de", ents)
    assert any(s == "THA" and c.startswith("02") for s, c, _ in triples(doc)), triples(doc)
    # … but not across a time adjunct ("nach dem Appell")
    doc = code("Die Regierung tagte nach dem Appell an das Verfassungsgericht.", "de", ents)
    assert not any(c.startswith("02") for _, c, _ in triples(doc)), triples(doc)
