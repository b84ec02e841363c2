"""Coreference of pronouns with groups, states and prepositional phrases (`lagebild.extract.coref`)."""

from __future__ import annotations

from tests.extract.test_events import code

CHN = ("GPE", "CHN", None, [])
RUS = ("GPE", "RUS", None, [])


def _link(doc, text: str) -> dict:
    return next(lk for lk in doc.layers["coref"] if lk["text"] == text)


def test_pronoun_skips_the_person_spoken_to_en() -> None:
    doc = code("Vladimir Putin arrived in Beijing on Monday. Speaking to John Miller of the BBC, he said the talks "
               "went well.", "en", {"Vladimir Putin": ("PER", "RUS", None, ["GOV"]),
                                    "John Miller": ("PER", "GBR", None, ["MED"]), "BBC": ("ORG", "GBR", None, ["MED"])})
    assert _link(doc, "he")["entity"] == "e1"


def test_pronoun_skips_the_person_met_de() -> None:
    doc = code("Olaf Scholz reiste am Montag nach Paris. Nach einem Treffen mit Emmanuel Macron sagte er, die "
               "Gespräche seien gut verlaufen.", "de", {"Olaf Scholz": ("PER", "DEU", None, ["GOV"]),
                                                       "Emmanuel Macron": ("PER", "FRA", None, ["GOV"])})
    assert _link(doc, "er")["country"] == "DEU"


def test_plural_pronoun_stands_for_a_group_de() -> None:
    # "sie" after a group noun coded by its demonym is the group, not an organisation named later
    doc = code("Sudanesische Flüchtlinge besetzten einen Platz vor dem Büro der Vereinten Nationen, weil sie "
               "Schutz forderten.", "de", {"Vereinten Nationen": ("ORG", None, "UN", ["IGO"])})
    assert _link(doc, "sie")["country"] == "SDN"


def test_group_of_an_organisation_en() -> None:
    doc = code("Fighters of Boko Haram entered the village before they burned the market.", "en",
               {"Boko Haram": ("ORG", "NGA", None, ["REB"])})
    assert _link(doc, "they")["country"] == "NGA"


def test_singular_case_of_an_office_is_no_group_de() -> None:
    # "des Präsidenten" looks plural but names one office holder: "sie" is not him
    doc = code("Nach Angaben des russischen Präsidenten wächst der Handel. Die Zahlen seien gut, sie wüchsen weiter.",
               "de", {})
    assert not any(lk["text"] == "sie" and lk["country"] == "RUS" for lk in doc.layers["coref"])


def test_pronoun_for_the_subject_state_de() -> None:
    doc = code("China erklärt sich im Konflikt für neutral. Stattdessen liefert sie Bauteile an Russland.", "de",
               {"China": CHN, "Russland": RUS})
    assert _link(doc, "sie")["country"] == "CHN"


def test_group_noun_is_no_description_of_a_person_de() -> None:
    doc = code("Die Sprecherin Anna Berger äußerte sich am Montag. Die Flüchtlinge und das Militär blieben ruhig.",
               "de", {"Anna Berger": ("PER", "DEU", None, [])})
    assert not [lk for lk in doc.layers["coref"] if lk["text"] in ("Flüchtlinge", "Militär")]


def test_object_pronoun_is_not_its_subject() -> None:
    doc = code("Angela Merkel traf Emmanuel Macron und lobte ihn.", "de",
               {"Angela Merkel": ("PER", "DEU", None, ["GOV"]), "Emmanuel Macron": ("PER", "FRA", None, ["GOV"])})
    assert _link(doc, "ihn")["country"] == "FRA"
    doc = code("The Belarusian police detained 30 Russian nationals, accusing them of plotting unrest.", "en", {})
    lk = _link(doc, "them")
    assert lk["country"] == "RUS" and lk["same_key"]


def test_same_form_plural_de() -> None:
    # "Kämpfer" without a singular determiner is plural: "sie" stands for them
    doc = code("Kämpfer von Boko Haram überfielen das Dorf, bevor sie den Markt anzündeten.", "de",
               {"Boko Haram": ("ORG", "NGA", None, ["REB"])})
    assert _link(doc, "sie")["antecedent"][0] == 0
    doc = code("Anna Berger sprach mit einem Kämpfer, bevor sie ging.", "de", {"Anna Berger": ("PER", "DEU", None, [])})
    assert _link(doc, "sie")["entity"] == "e1"


def test_it_for_a_state_only_as_acting_subject_en() -> None:
    doc = code("China said it would retaliate against Japan.", "en", {"China": CHN, "Japan": ("GPE", "JPN", None, [])})
    assert _link(doc, "it")["country"] == "CHN"
    for text in ("Russia met China. It is unclear what they agreed.", "Russia praised the deal and called it a success.",
                 "Russia signed the treaty. It was drafted in Geneva."):
        doc = code(text, "en", {"Russia": RUS, "China": CHN})
        assert not [lk for lk in doc.layers["coref"] if lk["text"] in ("it", "It")], text
