"""General page-text rules of clean_page on small pages written for the test."""

from __future__ import annotations

import pytest

from lagebild.clean import clean_page, normalise


def test_normalise_spaces_and_line_ends():
    assert normalise("a\u00a0b  \r\nc\t\td \r\n") == "a b\nc d"


def test_dateline_without_place_and_initials():
    art = clean_page(
        "Titel der Meldung\r\n\r\n(Reuters) - Die Regierung\u00a0hat am Dienstag neue Gesetze beschlossen.\r\n"
        "Von der Leyen warnt vor Eskalation\r\n"
        "Die EU-Kommissionspräsidentin sagte, man beobachte die Lage genau. (dpa/jk)"
    )
    assert art.lede == "Die Regierung hat am Dienstag neue Gesetze beschlossen."
    assert art.agency == ["reuters", "dpa"]
    assert [art.text[s:e] for s, e in art.headings] == ["Von der Leyen warnt vor Eskalation"]
    assert art.text.endswith("beobachte die Lage genau.")
    assert art.dropped == []


def test_parenthesis_that_is_no_agency_stays():
    art = clean_page("Titel der Meldung\n\nDer Vertrag wurde von beiden Seiten unterzeichnet (siehe oben).")
    assert art.agency == []
    assert art.text.endswith("(siehe oben).")


def test_hard_wrapped_paragraphs_are_joined():
    art = clean_page(
        "Kanzler reist nach Kiew\n\n"
        "Der Bundeskanzler ist am Dienstag zu einem nicht angekündigten Besuch in\n"
        "Kiew eingetroffen. Er wolle mit Präsident Selenskyj über weitere Hilfen\n"
        "sprechen, hieß es aus Regierungskreisen. Der Besuch war aus Sicherheits-\n"
        "gründen geheim gehalten worden.\n\n"
        "Selenskyj dankte für die Unterstützung. Beide Politiker legten am Mittag\n"
        "einen Kranz an einer Gedenkstätte für die Gefallenen nieder und sprachen\n"
        "anschließend mit Soldaten.\n"
    )
    assert art.lede.startswith("Der Bundeskanzler ist am Dienstag")
    assert "Sicherheitsgründen geheim" in art.lede
    assert art.text.count("\n\n") == 2


def test_date_line_is_kept_but_not_lede():
    art = clean_page(
        "Ministers meet in Geneva\n\nMonday, May 5, 2025\n\nThe foreign ministers of Armenia and Azerbaijan met in Geneva."
    )
    assert art.kicker is None
    assert art.lede.startswith("The foreign ministers")
    assert "Monday, May 5, 2025" in art.text
    assert art.headings == []


def test_title_given_but_not_in_text_is_put_in_front():
    art = clean_page("Die Minister trafen sich am Montag in Rom.", title="Treffen in Rom")
    assert art.title == "Treffen in Rom"
    assert art.text == "Treffen in Rom\n\nDie Minister trafen sich am Montag in Rom."
    assert art.lede == "Die Minister trafen sich am Montag in Rom."


def test_empty_page_is_refused():
    with pytest.raises(ValueError, match="no article text found"):
        clean_page(" \n\u00a0\n")


def test_agency_display_name():
    from lagebild.clean import agency_display_name

    assert agency_display_name("afp") == "AFP"
    assert agency_display_name("Reuters") == "Reuters"
    assert agency_display_name("red") is None
    assert agency_display_name("xyz") is None
