"""clean_html: trafilatura extraction, metadata, lede kept, boilerplate gone, broken input refused."""

from __future__ import annotations

import pytest

from lagebild.clean import clean_html

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8"><title>Chile and Peru sign water treaty - The Andes Herald</title>
<meta property="og:title" content="Chile and Peru sign water treaty">
<meta property="og:site_name" content="The Andes Herald">
<meta property="article:published_time" content="2025-01-20T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<article>
<h1>Chile and Peru sign water treaty</h1>
<div class="article-teaser">The presidents of Chile and Peru signed a treaty in Lima on Sunday on sharing the waters of three rivers that cross their border.</div>
<p>The agreement ends a dispute that has lasted more than a decade. It sets up a joint authority that will decide on water allocation during droughts.</p>
<p>Peru's president said the treaty showed that "neighbours can share what is scarce". Chile's president called it a model for the region.</p>
<p>Farmers' groups on both sides of the border welcomed the deal but asked to be represented in the new authority.</p>
</article>
<section class="comments"><h3>Comments</h3>
<div class="comment"><p>pedro77: About time this got solved, my family has farmed there for generations.</p></div>
</section>
<footer><p>Copyright 2025 The Andes Herald. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def test_html_article():
    art = clean_html(PAGE, url="https://andes.example/world/water-treaty")
    assert art.title == "Chile and Peru sign water treaty"
    assert art.lang == "en"
    assert art.lede and art.lede.startswith("The presidents of Chile and Peru signed a treaty")
    assert art.published == "2025-01-20"
    assert art.site == "The Andes Herald"
    assert art.url == "https://andes.example/world/water-treaty"
    assert "Farmers' groups on both sides" in art.text
    for junk in ("pedro77", "All rights reserved", "Business", "Privacy policy"):
        assert junk not in art.text


@pytest.mark.parametrize(
    "html",
    ["", "   ", "plain words, no markup", "<html", "<<<>>>", "<html><body><div></div></body></html>",
     "<html><body><nav><a href='/'>Home</a></nav></body></html>", "\x00\x01\x02<p>",
     "<html><body><div><p>unclosed <b>tags <i>everywhere</div>"],
)
def test_malformed_html(html):
    with pytest.raises(ValueError, match="no article text found"):
        clean_html(html)
