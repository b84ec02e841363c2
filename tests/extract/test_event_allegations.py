"""Statements that accuse by what they report (statement.allegation): a speaker who is not of the doer's
side reports it doing something blameworthy (arms or dual-use goods, help to another side's military,
threats, coercion, violence). The whole pipeline runs, quotes included; the sentences are our own."""

from __future__ import annotations

import pytest

from lagebild.doc import Document
from lagebild.extract import event_statements as statements
from lagebild.extract.event_actors import Actor
from lagebild.extract.event_explain import explain
from lagebild.kb.index import KB
from lagebild.pipeline import Pipeline, build

_PIPES: dict[str, Pipeline] = {}


def run(text: str, lang: str) -> Document:
    if lang not in _PIPES:
        _PIPES[lang] = build(lang)
    return _PIPES[lang](Document(doc_id="t", lang=lang, published="2024-10-14", text=text))


def accusations(doc: Document) -> set[tuple[str | None, str, str | None]]:
    key = lambda a: (a.country or a.org) if a else None  # noqa: E731
    return {(key(e.source), e.cameo, key(e.target)) for e in doc.events if e.cameo.startswith("11")}


def alleged(doc: Document) -> list:
    return [e for e in doc.events if e.rule.endswith(statements.ALLEGATION)]


@pytest.mark.parametrize("text,lang,want", [
    # an indirect quote in Konjunktiv I, with and without "dass"
    ("Die deutsche Regierung erklärte, Iran liefere Drohnen an Russland.", "de", ("DEU", "112", "IRN")),
    ("Das deutsche Außenministerium teilte mit, dass Nordkorea Artilleriegranaten an Russland geliefert habe.",
     "de", ("DEU", "112", "PRK")),
    # a direct quote; the capitals stand for their governments
    ("Die britische Außenministerin erklärte: „Teheran liefert Kampfdrohnen an Moskau.“", "de",
     ("GBR", "112", "IRN")),
    # "wie X mitteilte" after the report; goods of no military kind, sold to an army
    ("Nordkorea verkauft Bauteile an die russische Armee, wie das südkoreanische Verteidigungsministerium "
     "mitteilte.", "de", ("KOR", "112", "PRK")),
    # violence and threats are blameworthy whatever they are aimed at
    ("Der ukrainische Außenminister sagte, Russland habe Kiew mit Raketen angegriffen.", "de", ("UKR", "1123", "RUS")),
    ("Der polnische Außenminister sagte, Belarus habe Litauen mit Sanktionen gedroht.", "de", ("POL", "112", "BLR")),
    ("US Secretary of State Antony Blinken said North Korea had shipped artillery shells to Russia.", "en",
     ("USA", "112", "PRK")),
    ("The British government said Iran had sold drones to Russia.", "en", ("GBR", "112", "IRN")),
    ("The White House said China was selling components to the Russian military.", "en", ("USA", "112", "CHN")),
    ("Ukraine's foreign minister said Russia had attacked Kyiv with missiles.", "en", ("UKR", "1123", "RUS")),
    # a negation of a phrase in the frame does not deny what was said
    ("The British government said, without giving details, that Iran had sold drones to Russia.", "en",
     ("GBR", "112", "IRN")),
    ("The British government said on Monday that Iran had not only sold drones but also missiles to Russia.", "en",
     ("GBR", "112", "IRN")),
    # a frame that ends the sentence follows what it reports, also where the quotes layer found no quote
    ("Russia has attacked Kyiv with missiles, Ukraine's foreign minister said.", "en", ("UKR", "1123", "RUS")),
    # within a country the opposition and the state's organs are two sides
    ("Opposition leader Juan Perez said Venezuelan police had arrested hundreds of protesters.", "en",
     ("VEN", "1122", "VEN")),
    ("Die deutsche Regierung teilte mit, russische Behörden haben einen deutschen Journalisten festgenommen.", "de",
     ("DEU", "1122", "RUS")),
])
def test_a_reported_blameworthy_act_makes_the_statement_an_accusation(text: str, lang: str,
                                                                       want: tuple[str, str, str]) -> None:
    doc = run(text, lang)
    assert want in accusations(doc), [(e.source.code if e.source else None, e.cameo, e.target.code if e.target
                                       else None, e.rule) for e in doc.events]
    ev = next(e for e in alleged(doc) if e.cameo == want[1])
    assert ev.rule == f"{lang}.{statements.ALLEGATION}"
    # the evidence holds the attribution and the act reported
    assert any(w in ev.evidence.text for w in ("lief", "verkauft", "angegriffen", "gedroht", "festgenommen",
                                               "shipped", "sold", "selling", "attacked", "arrested"))


@pytest.mark.parametrize("text,lang", [
    # a government on its own deliveries, the recipient naming its suppliers, the doer's own side
    ("Die deutsche Regierung erklärte, Deutschland liefere weitere Panzer an die Ukraine.", "de"),
    ("Der ukrainische Präsident sagte, Deutschland liefere Flugabwehrsysteme und Munition an die Ukraine.", "de"),
    ("Der iranische Außenminister sagte, Iran liefere Drohnen an Russland.", "de"),
    # neutral trade, a denial, a condition
    ("Die französische Regierung erklärte, Italien verkaufe Weizen an Ägypten.", "de"),
    ("Der Kreml erklärte, China liefere keine Waffen an Russland.", "de"),
    ("Sollten die Separatisten weitere Städte angreifen, werde es neue Sanktionen geben, erklärte der "
     "amerikanische Außenminister.", "de"),
    ("The Pentagon said the United States had shipped more weapons to Ukraine.", "en"),
    ("President Zelensky said Germany had delivered tanks to Ukraine.", "en"),
    ("China said it had signed a trade deal with Brazil.", "en"),
    ("The Russian foreign ministry said China did not supply weapons to Russia.", "en"),
    ("The Iranian foreign minister said Iran had sold drones to Russia.", "en"),
    # a warning is coded as a threat, but blames no one; a state of emergency is reported as often as blamed
    ("Der polnische Außenminister sagte, Belarus habe vor einer Eskalation gewarnt.", "de"),
    ("The Polish foreign minister said Belarus had warned of an escalation.", "en"),
    ("Der deutsche Außenminister sagte, die thailändische Regierung habe den Ausnahmezustand verhängt.", "de"),
    # a doer named without its country has one guessed from the article: no one to accuse
    ("Der russische Außenminister sagte, unsere Truppen hätten die Ukraine angegriffen.", "de"),
])
def test_no_accusation_without_a_third_party_and_a_blameworthy_act(text: str, lang: str) -> None:
    doc = run(text, lang)
    assert not alleged(doc) and not accusations(doc), [(e.source.code if e.source else None, e.cameo, e.rule)
                                                       for e in doc.events]


_DRONES_DE = "dass Iran Drohnen an Russland geliefert habe."
_DRONES_EN = "that Iran had sold drones to Russia."


@pytest.mark.parametrize("text,twin,lang,want", [
    # a denial or an admission of the act is no accusation (the statement keeps its own code)
    (f"Die deutsche Regierung bestritt, {_DRONES_DE}", f"Die deutsche Regierung erklärte, {_DRONES_DE}", "de",
     ("DEU", "112", "IRN")),
    (f"The German government denied {_DRONES_EN}", f"The German government said {_DRONES_EN}", "en",
     ("DEU", "112", "IRN")),
    (f"Die deutsche Regierung räumte ein, {_DRONES_DE}", f"Die deutsche Regierung erklärte, {_DRONES_DE}", "de",
     ("DEU", "112", "IRN")),
    (f"The German government admitted {_DRONES_EN}", f"The German government said {_DRONES_EN}", "en",
     ("DEU", "112", "IRN")),
    # a negated frame, or a negation in what was said that governs the act
    (f"Die deutsche Regierung sagte nicht, {_DRONES_DE}", f"Die deutsche Regierung sagte, {_DRONES_DE}", "de",
     ("DEU", "112", "IRN")),
    (f"The German government did not say {_DRONES_EN}", f"The German government said {_DRONES_EN}", "en",
     ("DEU", "112", "IRN")),
    (f"Die deutsche Regierung sagte, es sei nicht wahr, {_DRONES_DE}",
     f"Die deutsche Regierung sagte, es sei wahr, {_DRONES_DE}", "de", ("DEU", "112", "IRN")),
    (f"The German government said it was not true {_DRONES_EN}",
     f"The German government said it was true {_DRONES_EN}", "en", ("DEU", "112", "IRN")),
    (f"Die deutsche Regierung sagte, es gebe keine Belege dafür, {_DRONES_DE}",
     f"Die deutsche Regierung sagte, es gebe Belege dafür, {_DRONES_DE}", "de", ("DEU", "112", "IRN")),
    (f"The German government said there was no evidence {_DRONES_EN}",
     f"The German government said there was evidence {_DRONES_EN}", "en", ("DEU", "112", "IRN")),
    # a clause fronted before the attribution is narrated, not what was said
    ("Nachdem Russland Kiew angegriffen hatte, sagte der deutsche Außenminister, die Gespräche müssten weitergehen.",
     "Der deutsche Außenminister sagte, Russland habe Kiew angegriffen.", "de", ("DEU", "1123", "RUS")),
    ("After Russia had attacked Kyiv, Germany's foreign minister said that talks must continue.",
     "Germany's foreign minister said that Russia had attacked Kyiv.", "en", ("DEU", "1123", "RUS")),
    # also where nothing follows the attribution: an adverbial clause before it is no report
    ("Nachdem Russland Kiew angegriffen hatte, äußerte sich der deutsche Außenminister.",
     "Russland habe Kiew angegriffen, äußerte sich der deutsche Außenminister.", "de", ("DEU", "1123", "RUS")),
    # a predicted or planned act is a warning, no accusation of a done one
    ("Der ukrainische Außenminister sagte, russische Truppen würden Kiew angreifen.",
     "Der ukrainische Außenminister sagte, russische Truppen hätten Kiew angegriffen.", "de", ("UKR", "1123", "RUS")),
    ("Der ukrainische Außenminister sagte, Russland werde Kiew angreifen.",
     "Der ukrainische Außenminister sagte, Russland habe Kiew angegriffen.", "de", ("UKR", "1123", "RUS")),
    ("Ukraine's foreign minister said Russia would attack Kyiv.",
     "Ukraine's foreign minister said Russia had attacked Kyiv.", "en", ("UKR", "1123", "RUS")),
    ("Ukraine's foreign minister said Russia will attack Kyiv.",
     "Ukraine's foreign minister said Russia has attacked Kyiv.", "en", ("UKR", "1123", "RUS")),
])
def test_no_accusation_where_its_plain_twin_accuses(text: str, twin: str, lang: str,
                                                   want: tuple[str, str, str]) -> None:
    # the twin shows that speaker, doer and act are found: only what differs keeps the accusation away
    assert want in accusations(run(twin, lang))
    doc = run(text, lang)
    assert not alleged(doc) and want not in accusations(doc), [
        (e.source.code if e.source else None, e.cameo, e.target.code if e.target else None, e.rule)
        for e in doc.events]


@pytest.mark.parametrize("text,lang,want", [
    (f"Die deutsche Regierung bestritt, {_DRONES_DE}", "de", ("DEU", "016", "IRN")),
    (f"The German government denied {_DRONES_EN}", "en", ("DEU", "016", "IRN")),
    (f"Die deutsche Regierung räumte ein, {_DRONES_DE}", "de", ("DEU", "015", "IRN")),
    (f"The German government admitted {_DRONES_EN}", "en", ("DEU", "015", "IRN")),
])
def test_a_denial_or_admission_keeps_its_code(text: str, lang: str, want: tuple[str, str, str]) -> None:
    key = lambda a: (a.country or a.org) if a else None  # noqa: E731
    assert want in {(key(e.source), e.cameo, key(e.target)) for e in run(text, lang).events}


def test_explain_names_the_rule_and_the_act() -> None:
    out = explain(run("Die deutsche Regierung erklärte, Iran liefere Drohnen an Russland.", "de"))
    line = next(ln for ln in out.splitlines() if "de.statement.allegation" in ln and ln.lstrip().startswith("+"))
    assert "cameo=112" in line and "IRN" in line and "liefere" in line and "drohne" in line


def _actor(country: str | None, org: str | None = None, sectors: tuple[str, ...] = ()) -> Actor:
    return Actor(0, 1, country, org, sectors)


def test_sides() -> None:
    kb = KB.load()
    assert statements.one_side(_actor("DEU", sectors=("GOV",)), _actor("DEU"), kb)
    assert statements.one_side(_actor(None, "NATO"), _actor("DEU"), kb)  # a member and its alliance
    assert not statements.one_side(_actor(None, "NATO"), _actor("CHN"), kb)
    assert not statements.one_side(_actor("USA"), _actor("CHN"), kb)
    # the state's organs are one side, the opposition another
    assert statements.one_side(_actor("VEN", sectors=("GOV",)), _actor("VEN", sectors=("COP",)), kb)
    assert not statements.one_side(_actor("VEN", sectors=("OPP",)), _actor("VEN", sectors=("COP",)), kb)


def test_goods_in_compounds_and_phrases() -> None:
    de, en = statements.allegations("de"), statements.allegations("en")
    assert statements.goods(de, {"Kampfdrohnen", "Kampfdrohne"}) == "*drohne*"
    assert statements.goods(de, {"Güter", "mit", "doppeltem", "doppelt", "Verwendungszweck"})
    assert statements.goods(de, {"Verwendungszweck", "Gelder"}) is None  # one word of the phrase is not enough
    assert statements.goods(de, {"Weizen", "Technologie"}) is None
    assert statements.goods(en, {"dual-use", "goods"}) and statements.goods(en, {"wheat"}) is None


def test_which_acts_blame_their_doer() -> None:
    de = statements.allegations("de")
    same = lambda a, b: a.key == b.key  # noqa: E731
    ger, rus, ukr = _actor("DEU", sectors=("GOV",)), _actor("RUS"), _actor("UKR")
    mil = _actor("RUS", sectors=("MIL",))

    def blame(act: str, verb: str = "x", words: frozenset[str] = frozenset(),
              others: tuple[Actor, ...] = ()) -> str | None:
        got = statements.allegation(de, act, verb, set(words), [ger], rus, list(others), same)
        return got[0] if got else None

    assert blame("173") == "1122" and blame("190") == "1123" and blame("1823") == "1123" and blame("138") == "112"
    assert blame("1724") is None and blame("174") is None and blame("131") is None  # emergency, expulsion, lawsuit
    assert blame("130", verb="warnen") is None and blame("130", verb="drohen") == "112"
    # a transfer: of arms, or to a military of another side; trade in other goods is no act to blame
    assert blame("061", words=frozenset({"Munition"}), others=(ukr,)) == "112"
    assert blame("061", words=frozenset({"Weizen"}), others=(ukr,)) is None
    assert blame("061", others=(_actor("UKR", sectors=("MIL",)),)) == "112"
    assert blame("061", others=(mil,)) is None  # the doer's own army
    # the doer's side and the receiving side do not accuse
    assert statements.allegation(de, "190", "x", set(), [_actor("RUS", sectors=("GOV",))], rus, [], same) is None
    assert statements.allegation(de, "061", "x", {"Munition"}, [ukr], rus, [ukr], same) is None


@pytest.mark.parametrize("lang", ["de", "en"])
def test_allegation_data_is_valid_cameo(lang: str) -> None:
    from lagebild import cameo

    rules = statements.allegations(lang)
    assert rules.goods and rules.transfers and rules.unless
    for code in [rules.code, *rules.acts.values()]:
        assert code.startswith("11") and cameo.is_code(code), code
    assert all(cameo.is_code(k) or len(k) == 2 for k in rules.acts)
