"""Konjunktiv II in reported speech: where Konjunktiv I equals the indicative ("sie haben", "sie werden")
German reports with "hätten"/"würden", and English shifts "will" back to "would". Inside an indirect quote
such a form reports (a past act, or a plan like "werden"/"will"); a condition, a counterfactual, a wish,
a missed possibility or the speaker's own quoted words keep it hypothetical. The whole pipeline runs,
quotes included; the sentences are our own."""

from __future__ import annotations

import pytest

from lagebild.doc import Document
from tests.extract.test_event_allegations import run


def coded(doc: Document) -> dict[tuple[str | None, str, str | None], str]:
    key = lambda a: (a.country or a.org) if a else None  # noqa: E731
    return {(key(e.source), e.cameo, key(e.target)): e.modality for e in doc.events}


@pytest.mark.parametrize("text,lang,want,modality", [
    # after a speech verb, after a source phrase, and continuing a report without a verb of saying
    ("Der ukrainische Außenminister sagte, die russischen Behörden hätten Dutzende Demonstranten festgenommen.",
     "de", ("RUS", "173", "RUS"), "reported"),
    ("Laut der ukrainischen Regierung hätten russische Truppen das Dorf angegriffen.", "de",
     ("UKR", "1123", "RUS"), "reported"),
    ("Der ukrainische Außenminister erklärte am Montag in Kiew, die Lage sei ernst. "
     "Russische Truppen hätten zudem ukrainische Soldaten angegriffen.", "de", ("RUS", "190", "UKR"), "reported"),
    # "würden" + infinitive reports a plan as "werden" would
    ("Die französische Regierung erklärte, Frankreich und China würden die Zusammenarbeit vertiefen.", "de",
     ("CHN", "032", "FRA"), "future"),
    ("The Indian government said India would expand cooperation with Russia.", "en", ("IND", "032", "RUS"), "future"),
])
def test_reported_konjunktiv_ii_is_a_report(text: str, lang: str, want: tuple[str, str, str], modality: str) -> None:
    got = coded(run(text, lang))
    assert got.get(want) == modality, got


@pytest.mark.parametrize("text,twin,lang,doer,act", [
    # outside any report
    ("Wenn Russland die Ukraine angegriffen hätte, wäre die Lage anders.",
     "Russland hat die Ukraine angegriffen, die Lage ist anders.", "de", "RUS", "19"),
    ("Ohne die Hilfe der USA hätten russische Truppen Kiew erobert.",
     "Trotz der Hilfe der USA haben russische Truppen Kiew erobert.", "de", "RUS", "19"),
    ("Russian troops would attack Ukraine if they could.", "Russian troops attacked Ukraine.", "en", "RUS", "19"),
    # in a report, but a counterfactual, "beinahe", a hope, an expectation, a condition, a missed possibility
    ("Der ukrainische Präsident sagte, ohne westliche Hilfe hätten russische Truppen ukrainische Soldaten "
     "angegriffen.", "Der ukrainische Präsident sagte, trotz westlicher Hilfe hätten russische Truppen ukrainische "
     "Soldaten angegriffen.", "de", "RUS", "19"),
    ("Der ukrainische Präsident sagte, russische Truppen hätten beinahe ukrainische Soldaten angegriffen.",
     "Der ukrainische Präsident sagte, russische Truppen hätten ukrainische Soldaten angegriffen.", "de",
     "RUS", "19"),
    ("Der ukrainische Präsident hofft, russische Truppen würden ukrainische Dörfer verschonen und die Gespräche "
     "mit der Ukraine wieder aufnehmen.", "Der ukrainische Präsident sagte, russische Truppen würden ukrainische "
     "Dörfer verschonen und die Gespräche mit der Ukraine wieder aufnehmen.", "de", "RUS", "0"),
    ("Der ukrainische Präsident glaubt, die Regierungen Polens und Litauens würden die Ukraine unterstützen.",
     "Der ukrainische Präsident sagte, die Regierungen Polens und Litauens würden die Ukraine unterstützen.", "de",
     "POL", "0"),
    ("Der ukrainische Präsident sagte, die Regierungen Polens und Litauens würden die Ukraine unterstützen, wenn "
     "Russland angreife.", "Der ukrainische Präsident sagte, die Regierungen Polens und Litauens würden die "
     "Ukraine unterstützen.", "de", "POL", "0"),
    ("Die indische Regierung sagte, Indien und Russland hätten gemeinsame Gespräche führen können.",
     "Die indische Regierung sagte, Indien und Russland hätten gemeinsame Gespräche geführt.", "de", "IND", "0"),
    ("The Indian government said it hoped India would expand cooperation with Russia.",
     "The Indian government said India would expand cooperation with Russia.", "en", "IND", "03"),
    ("The Indian government said India would have expanded cooperation with Russia without the sanctions.",
     "The Indian government said India had expanded cooperation with Russia despite the sanctions.", "en",
     "IND", "0"),
    ("Ukraine's foreign minister said Russian troops would have attacked Kyiv without air defence.",
     "Ukraine's foreign minister said Russian troops had attacked Kyiv despite air defence.", "en", "RUS", "19"),
    # a singular "hätte" has its own Konjunktiv I ("habe"): still hypothetical
    ("Der ukrainische Präsident sagte, die russische Armee hätte Kiew angegriffen.",
     "Der ukrainische Präsident sagte, die russische Armee habe Kiew angegriffen.", "de", "RUS", "19"),
])
def test_genuine_hypotheticals_stay_hypothetical(text: str, twin: str, lang: str, doer: str, act: str) -> None:
    def acts(doc: Document) -> list:
        return [e for e in doc.events if e.source and e.source.country == doer and e.cameo.startswith(act)
                and e.rule.split(".")[1] not in ("quote", "statement")]

    # the twin without what makes it hypothetical codes the act: doer and act are found, the mood decides
    assert acts(run(twin, lang)), coded(run(twin, lang))
    doc = run(text, lang)
    assert not acts(doc), coded(doc)


def test_konjunktiv_ii_in_the_speakers_own_words_stays_hypothetical() -> None:
    # a direct quote is no happening for the verb lexicon; as a statement it accuses only of a done act
    twin = coded(run("„Russische Truppen haben Kiew angegriffen“, sagte der ukrainische Außenminister.", "de"))
    assert ("UKR", "1123", "RUS") in twin, twin
    got = coded(run("„Russische Truppen hätten Kiew angegriffen“, sagte der ukrainische Außenminister.", "de"))
    assert ("UKR", "010", "RUS") in got and not [k for k in got if k[1][:2] in ("11", "19")], got


def test_a_konjunktiv_ii_of_another_verb_does_not_report_the_act() -> None:
    # "hätten" is the verb of possession here, no auxiliary of an act
    doc = run("Die Gewerkschaft erklärte, viele Arbeiter in Frankreich hätten einen Vertrag mit der Regierung.", "de")
    assert not [e for e in doc.events if e.cameo.startswith("05")], coded(doc)


def test_what_a_rejected_report_says_is_no_event() -> None:
    # "wies Berichte zurück, wonach …": the act is denied, whatever the mood
    for aux in ("hätten", "haben"):
        doc = run("Die russische Regierung wies Berichte zurück, wonach russische Truppen ukrainische Soldaten "
                  f"angegriffen {aux}.", "de")
        assert not [e for e in doc.events if e.cameo.startswith("19")], coded(doc)
    # a new predicate after the rejection is a happening again
    doc = run("Die russische Regierung wies die Kritik der Ukraine zurück und verurteilte die ukrainische Regierung.",
              "de")
    assert ("RUS", "111", "UKR") in coded(doc)


@pytest.mark.parametrize("text,lang,want,modality", [
    # an act inside someone's indirect statement (Konjunktiv I, "that" clause) is theirs to claim …
    ("Die Bundesregierung erklärte am Montag, Iran liefere Kampfdrohnen an Russland.", "de", ("IRN", "061", "RUS"),
     "reported"),
    ("The Indian government said on Monday that Iran had sold drones to Russia.", "en", ("IRN", "061", "RUS"),
     "reported"),
    # … while the writer's own narration asserts it
    ("Iran lieferte im Mai Kampfdrohnen an Russland.", "de", ("IRN", "061", "RUS"), "asserted"),
    ("Iran sold drones to Russia in May.", "en", ("IRN", "061", "RUS"), "asserted"),
])
def test_an_act_inside_an_indirect_statement_is_reported(text: str, lang: str, want: tuple, modality: str) -> None:
    assert coded(run(text, lang)).get(want) == modality
