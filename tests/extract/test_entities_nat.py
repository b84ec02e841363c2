"""Countries of persons from the evidence next to their names (role phrases, appositions) before any guess."""
from __future__ import annotations

from lagebild.doc import Document

from tests.extract.test_entities import _STAGES, run


def actor(doc: Document, name: str) -> tuple[str | None, str | None]:
    e = next(e for e in doc.entities if e.name == name)
    return e.country, e.org


def test_english_spelling_of_country_in_german_genitive_role_cue() -> None:
    doc = run("Hong Kongs Regierungschef Pak Wai-lun kündigte neue Gespräche an. Chinas Staatsmedien berichteten.")
    assert actor(doc, "Pak Wai-lun") == ("HKG", None)


def test_portfolio_words_between_organisation_and_role_en() -> None:
    doc = run("In Kigali, AU trade and industry commissioner Joseph Kiruta said the deal was near.", "en")
    assert actor(doc, "Joseph Kiruta") == (None, "AU")
    doc = run("The US national security adviser Jim Pollander called it a mistake.", "en")
    assert actor(doc, "Jim Pollander") == ("USA", None)


def test_portfolio_gap_stops_at_a_second_role_en() -> None:
    doc = run("Speaking in Nairobi, AU chairperson President Teodoro Mbalu of Gabon opened the summit. "
              "Nigeria and Ghana sent delegations.", "en")
    assert actor(doc, "Teodoro Mbalu") == ("GAB", None)


def test_apposition_role_with_country_complement() -> None:
    doc = run("Kuno Falkner, Botschafter Deutschlands in Russland, sprach mit Journalisten.")
    assert actor(doc, "Kuno Falkner") == ("DEU", None)
    doc = run("Joseph Kiruta, the spokesman of the UN, spoke in Nigeria.", "en")
    assert actor(doc, "Joseph Kiruta") == (None, "UN")


def test_apposition_role_to_a_country_is_not_its_national() -> None:
    doc = run("Joseph Kiruta, the ambassador to Russia, spoke in Accra. Ghana and Togo signed.", "en")
    assert actor(doc, "Joseph Kiruta")[0] != "RUS"


def test_apposition_heads_beyond_kb_roles() -> None:
    doc = run("Bruno Atanga, der Gouverneur der kamerunischen Region Adamaua, sagte, es gebe Arbeit. Nigerias Armee "
              "kämpft. Nigeria und Nigeria rüsten auf.")
    assert actor(doc, "Bruno Atanga") == ("CMR", None)
    doc = run("Qassem Sulani, the head of Iran's Quds Force, was killed. The United States said so. "
              "The United States claimed it.", "en")
    assert actor(doc, "Qassem Sulani") == ("IRN", None)


def test_country_adjective_of_a_topic_is_no_nationality() -> None:
    doc = run("Bob Harlow, the head of the Russian desk at the BBC, spoke. Britain said so. Britain agreed.", "en")
    assert actor(doc, "Bob Harlow")[0] != "RUS"


def test_headline_country_weighs_for_actors_without_cue() -> None:
    title = "Hochwasser: Paraguay ruft den Notstand aus"
    body = ("Das Parlament in Asunción rief den Notstand aus. Der oppositionelle Abgeordnete Marco Ibarrola warf der "
            "Regierung vor, die Zahlen zu schönen. Auch in Bolivien steigt das Wasser. Bolivien und Bolivien melden "
            "Tote.")
    run("", "de")  # sets up the German stages
    doc = Document(doc_id="t", lang="de", text=title + "\n\n" + body, published="2024-10-14", title=title)
    for stage in _STAGES["de"]:
        doc = stage(doc)
    assert actor(doc, "Marco Ibarrola") == ("PRY", None)


def test_quoted_organisation_name_after_kind_noun_de() -> None:
    doc = run("Der Sender zitierte die peruanische Zeitung „Diario Andino“, wonach die Regierung zurücktrete.")
    assert actor(doc, "Diario Andino") == ("PER", None)


def test_rank_words_and_possessive_before_a_role_en() -> None:
    doc = run("Iranian Major General Qassem Sulani was killed. The United States said so. The United States agreed.",
              "en")
    assert actor(doc, "Qassem Sulani") == ("IRN", None)
    doc = run("Iran's top general Qassem Sulani was killed. The United States said so. The United States agreed.",
              "en")
    assert actor(doc, "Qassem Sulani") == ("IRN", None)


def test_descriptive_body_in_role_phrase_takes_the_articles_country_en() -> None:
    doc = run("India's opposition Congress President Rahul Varma said on Monday that the government had failed. "
              "India and India again.", "en")
    assert actor(doc, "Rahul Varma") == ("IND", None)
    doc = run("Congress Speaker Nora Pellham said the White House had failed. The United States votes soon.", "en")
    assert actor(doc, "Nora Pellham") == ("USA", None)


def test_apposition_with_hyphenated_head_en() -> None:
    doc = run("\"We are worried,\" said Amare Tesfaye Gebru, the Director-General of the WHO. The United States "
              "agreed. The United States acted.", "en")
    assert actor(doc, "Amare Tesfaye Gebru") == (None, "WHO")
