"""Clean an HTML page into an Article: trafilatura finds the article, then the page-text rules run.

trafilatura removes navigation, footers and comment sections; its metadata gives title, date,
URL and site name. It sometimes drops the lede (sites mark it up as a "teaser" or "intro"), so
the lede is looked up in the page and put back when missing.
"""

from __future__ import annotations

import re
from typing import Any

from lagebild.clean.article import Article
from lagebild.clean.text import TITLE_SEARCH, clean_page, normalise

__all__ = ["clean_html"]

# class/id/itemprop words sites use for the lede paragraph
_LEDE_HINT = re.compile(r"lede|lead|teaser|intro|standfirst|summary|description|abstract|article-?head", re.I)
# class words sites use for the kicker (Dachzeile) next to the headline
_KICKER_HINT = re.compile(r"kicker|dachzeile|overline|eyebrow|topline|roofline|spitzmarke", re.I)
_LEDE_MIN = 40
# Fewer words than this outside the title is markup debris, not an article.
_MIN_WORDS = 5


def _tree(html: str) -> Any:
    import lxml.html

    try:
        return lxml.html.fromstring(html)
    except Exception:  # lxml raises several types on broken or empty markup
        return None


def _text_of(el: Any) -> str:
    return normalise(" ".join(el.itertext())).replace("\n", " ")


def _find_lede(tree: Any) -> str | None:
    """The page's lede paragraph: an element hinted as lede/teaser, else the first long <p> after <h1>."""
    if tree is None:
        return None
    scope = tree.xpath("//article") or tree.xpath("//main") or [tree]
    root = scope[0]
    for el in root.iter("p", "div", "section", "span"):
        hints = " ".join(str(el.get(a, "")) for a in ("class", "id", "itemprop"))
        if _LEDE_HINT.search(hints):
            text = _text_of(el)
            if len(text) >= _LEDE_MIN and len(text) <= 1200:
                return text
    h1 = root.xpath(".//h1")
    if h1:
        for p in h1[0].xpath("following::p"):
            text = _text_of(p)
            if len(text) >= _LEDE_MIN:
                return text
    return None


def _find_kicker(tree: Any) -> str | None:
    if tree is None:
        return None
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        hints = " ".join(str(el.get(a, "")) for a in ("class", "id"))
        if _KICKER_HINT.search(hints):
            text = _text_of(el)
            if 0 < len(text) <= 80:
                return text
    return None


def clean_html(
    html: str,
    *,
    url: str | None = None,
    lang: str | None = None,
    languages: list[str] | None = None,
) -> Article:
    """Clean an HTML page: main text and metadata by trafilatura, then the rules of `clean_page`.

    Sets `published` (ISO date), `url` and `site` from the page metadata where it has them.
    Raises ValueError("no article text found") when nothing can be extracted (empty or broken
    markup, a page without an article).
    """
    import trafilatura

    if not html or not html.strip() or "<" not in html:
        raise ValueError("no article text found (not an HTML page)")
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            favor_recall=True,
            with_metadata=True,
            include_tables=False,
        )
    except Exception as exc:  # trafilatura/lxml fail on some broken markup; one document, one error
        raise ValueError(f"no article text found ({type(exc).__name__}: {exc})") from exc
    if doc is not None and not isinstance(doc, dict):
        doc = doc.as_dict()
    if not doc or not (doc.get("text") or "").strip():
        raise ValueError("no article text found")

    body = normalise(doc["text"])
    title = normalise(doc.get("title") or "") or None
    tree = _tree(html)
    lede = _find_lede(tree)
    if lede and lede not in body and lede != title:
        if title and body.startswith(title + "\n"):
            body = f"{title}\n\n{lede}\n\n{body[len(title):].lstrip()}"
        else:
            body = f"{lede}\n\n{body}"
    kicker = _find_kicker(tree)
    if kicker and title and kicker != title:
        # trafilatura flattens <h1><span>kicker</span> <span>title</span></h1> into one line
        joined = f"{kicker} {title}"
        lines = body.split("\n")
        for i, line in enumerate(lines[:TITLE_SEARCH]):
            if line in (joined, f"{kicker}: {title}"):
                lines[i : i + 1] = [kicker, title]
                body = "\n".join(lines)
                break
    if kicker and title and kicker != title and kicker not in body[:300]:
        # the kicker sits in the headline markup: put it where clean_page looks for one
        body = f"{kicker}\n{body}" if body.startswith(title) else f"{kicker}\n{title}\n\n{body}"

    article = clean_page(body, title=title, lang=lang, languages=languages)
    rest = article.text[len(article.title or "") :] if article.text.startswith(article.title or "") else article.text
    if len(rest.split()) < _MIN_WORDS:
        raise ValueError("no article text found (only a few words outside the title)")
    date = doc.get("date")
    article.published = date[:10] if isinstance(date, str) and re.match(r"\d{4}-\d{2}-\d{2}", date) else None
    article.url = doc.get("url") or url
    article.site = doc.get("sitename") or None
    return article
