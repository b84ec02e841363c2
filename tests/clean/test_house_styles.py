"""Page texts in other house styles (examples/pages) against their expectation files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lagebild.clean import Article, clean_html, clean_page

PAGES = Path(__file__).resolve().parents[2] / "examples" / "pages"
CASES = sorted(p for p in PAGES.iterdir() if p.suffix in (".txt", ".html"))


def _clean(page: Path) -> Article:
    raw = page.read_text(encoding="utf-8")
    return clean_html(raw) if page.suffix == ".html" else clean_page(raw)


def test_enough_cases():
    assert len(CASES) >= 6
    assert sum(1 for p in CASES if p.suffix == ".html") >= 1
    assert sum(1 for p in CASES if p.name.startswith("en-")) >= 2


@pytest.mark.parametrize("page", CASES, ids=[p.name for p in CASES])
def test_house_style(page: Path):
    want = yaml.safe_load(page.with_name(page.stem + ".expected.yaml").read_text(encoding="utf-8"))
    art = _clean(page)
    assert art.lang == want["lang"]
    assert art.kicker == want["kicker"]
    assert art.title == want["title"]
    assert art.lede is not None and art.lede.startswith(want["lede_starts"])
    assert art.agency == want["agency"]
    for line in want["dropped"]:
        assert line in art.dropped, line
    for line in art.dropped:
        # a dropped repeat leaves its first copy in the text, nothing else stays
        assert art.text.split("\n\n").count(line) <= 1, line
    assert [art.text[s:e] for s, e in art.headings] == want["headings"]
    for s in want["kept"]:
        assert s in art.text, s
    for s in want["not_in_text"]:
        assert s not in art.text, s
    for key in ("published", "site"):
        if key in want:
            assert getattr(art, key) == want[key]
    assert art.text.startswith(art.title)
    if art.kicker:
        assert not art.text.startswith(art.kicker)


ARTICLES = sorted((Path(__file__).resolve().parents[2] / "examples" / "articles").glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_example_articles_clean(path: Path):
    from lagebild.ingest import read_inputs

    [raw] = list(read_inputs([str(path)]))  # the examples carry their metadata as front matter
    art = clean_page(raw.body)
    assert art.lang == raw.lang == path.name[:2]
    assert art.title and art.lede
    assert art.dropped, "every example carries some boilerplate"
