"""clean stage of lagebild: page text or HTML -> Article (kicker, title, lede, body, dropped, agency, lang)."""

from lagebild.clean.article import Article
from lagebild.clean.html import clean_html
from lagebild.clean.text import agency_display_name, clean_page, detect_language, normalise

__all__ = ["Article", "agency_display_name", "clean_html", "clean_page", "detect_language", "normalise"]
