"""Language detection restricted to the configured languages."""

from __future__ import annotations

from lagebild.clean import clean_page, detect_language


def test_german_and_english():
    assert detect_language("Die Außenminister trafen sich am Montag in Brüssel zu Gesprächen.") == "de"
    assert detect_language("The foreign ministers met in Brussels on Monday for talks.") == "en"


def test_restricted():
    # Dutch text is still answered with one of the configured languages
    assert detect_language("De ministers van Buitenlandse Zaken kwamen maandag bijeen.") in ("de", "en")
    assert detect_language("The foreign ministers met in Brussels.", languages=["de"]) == "de"
    assert detect_language("Die Minister trafen sich.", languages=["en", "de"]) == "de"


def test_undecidable_falls_back_to_first():
    assert detect_language("12345 !!!", languages=["en", "de"]) == "en"


def test_clean_page_lang():
    assert clean_page("Titel der Meldung\n\nDie Regierung hat am Dienstag neue Gesetze beschlossen.").lang == "de"
    art = clean_page("Headline here\n\nThe government passed new laws on Tuesday.", lang="en")
    assert art.lang == "en"
