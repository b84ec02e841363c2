"""The seed page (AFP article as scraped) must come out exactly right."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.clean import clean_page

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "samples" / "seed-brics.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason=f"seed sample not found at {SEED}")

COMMENTS = [
    "Kommentare",
    "Noch keine Kommentare – schreiben Sie den ersten Kommentar zu diesem Artikel.",
]


@pytest.fixture(scope="module", params=[None, "China und Russland vereinbaren Stärkung ihrer militärischen Zusammenarbeit"])
def article(request):
    return clean_page(SEED.read_text(encoding="utf-8"), title=request.param)


def test_head(article):
    assert article.kicker == "Eine Woche vor BRICS-Gipfel"
    assert article.title == "China und Russland vereinbaren Stärkung ihrer militärischen Zusammenarbeit"
    assert article.lede.startswith("Bei einem unangekündigten Treffen am Montag in Peking")
    assert article.lang == "de"
    assert article.text.startswith(article.title + "\n\n" + article.lede + "\n\n")
    assert not article.text.startswith(article.kicker)


def test_headings(article):
    heads = [article.text[s:e] for s, e in article.headings]
    assert heads == [
        "Eine Woche vor BRICS-Gipfel",
        "Putin: Größtes gemeinsames Manöver der vergangenen drei Jahrzehnte",
    ]
    for s, e in article.headings:
        assert article.text[s - 2 : s] == "\n\n" and article.text[e : e + 2] == "\n\n"


def test_dropped(article):
    assert article.dropped[:2] == [
        "Chinas Verteidigungsminister Dong Jun am 2. Juni in Singapur.",
        "Foto: NHAC NGUYEN/AFP via Getty Images",
    ]
    assert article.dropped[2:] == COMMENTS + ["0"] + COMMENTS
    for d in article.dropped:
        assert d not in article.text


def test_agency(article):
    assert article.agency == ["afp", "red"]
    assert "(afp/red)" not in article.text
    assert article.text.endswith("[mit Russland] aus.“")


def test_no_body_sentence_lost(article):
    raw = SEED.read_text(encoding="utf-8").split("\n")
    body = [ln.strip() for ln in raw[2:] if ln.strip()]
    for line in body:
        line = line.removesuffix(" (afp/red)")
        assert line in article.dropped or line in article.text, line
