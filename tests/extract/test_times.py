"""Tests of the TIMEX3 tagger (lagebild.extract.times): each construction in German and English,
with a document date (2024-10-14, a Monday) and without one, plus the score on the gold articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.doc import Document
from lagebild.extract.times import estimate_published, make_time_tagger

PUB = "2024-10-14"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def tag(lang: str, text: str, published: str | None = PUB) -> list[tuple[str, str, str | None]]:
    doc = make_time_tagger(lang)(Document(doc_id="t", lang=lang, published=published, text=text))
    for t in doc.times:
        assert doc.text[t.start:t.end] == t.text
        assert t.rule and t.rule.startswith(f"{lang}.temporal.")
    return [(t.text, t.type, t.value) for t in doc.times]


def values(lang: str, text: str, published: str | None = PUB) -> list[str | None]:
    return [v for _, _, v in tag(lang, text, published)]


DE = [
    ("Am 14.10.2024 wurde gewählt.", ["2024-10-14"], ["2024-10-14"]),
    ("Er kam am 14. Oktober 2024 an.", ["2024-10-14"], ["2024-10-14"]),
    ("Siehe 2024-10-14.", ["2024-10-14"], ["2024-10-14"]),
    ("Das Treffen fand am Montag statt.", ["2024-10-14"], ["XXXX-WXX-1"]),
    ("Das Treffen fand am Freitag statt.", ["2024-10-11"], ["XXXX-WXX-5"]),
    ("Das Treffen soll am kommenden Dienstag stattfinden.", ["2024-10-15"], ["XXXX-WXX-2"]),
    ("Bereits im Juni hatte er gewarnt.", ["2024-06"], ["XXXX-06"]),
    ("Im Juni wird er zurücktreten.", ["2025-06"], ["XXXX-06"]),
    ("Im Jahr 2023 kamen 2000 Menschen.", ["2023"], ["2023"]),
    ("Das war 1992.", ["1992"], ["1992"]),
    ("Im Frühjahr dieses Jahres regnete es.", ["2024-SP"], ["XXXX-SP"]),
    ("Er war am Morgen in Peking eingetroffen.", ["2024-10-14TMO"], ["XXXX-XX-XXTMO"]),
    ("Am Montagabend sprach er.", ["2024-10-14TEV"], ["XXXX-WXX-1TEV"]),
    ("Das war im vergangenen Jahr.", ["2023"], ["XXXX"]),
    ("Das war vor zwei Wochen.", ["2024-W40"], ["XXXX-WXX"]),
    ("Das war letzte Woche.", ["2024-W41"], ["XXXX-WXX"]),
    ("Das kommt nächsten Monat.", ["2024-11"], ["XXXX-XX"]),
    ("Er sagte heute, gestern sei es ruhig gewesen.", ["2024-10-14", "2024-10-13"], ["XXXX-XX-XX", "XXXX-XX-XX"]),
    ("Er kommt morgen.", ["2024-10-15"], ["XXXX-XX-XX"]),
    ("Sie vertieften die Beziehungen in den vergangenen zweieinhalb Jahren.", ["P2.5Y"], ["P2.5Y"]),
    ("das größte Manöver der vergangenen drei Jahrzehnte", ["P3DE"], ["P3DE"]),
    ("Er regiert seit drei Jahren.", ["P3Y"], ["P3Y"]),
    ("Nach zweitägigen Gesprächen", ["P2D"], ["P2D"]),
    ("Er kommt jeden Montag und telefoniert täglich.", ["XXXX-WXX-1", "P1D"], ["XXXX-WXX-1", "P1D"]),
    ("Mitte Oktober wird gewählt.", ["2024-10"], ["XXXX-10"]),
    ("Anfang 2023 begann es.", ["2023"], ["2023"]),
    ("Das Treffen dauert vom 22. bis 24. Oktober.", ["2024-10-22", "2024-10-24"], ["XXXX-10-22", "XXXX-10-24"]),
    ("Er kam eine Woche vor dem BRICS-Gipfel.", ["2024-W42"], [None]),
    ("Er kam eine Woche vor dem Parteitag.", [None], [None]),
    ("Die Lage ist derzeit ruhig, damals war das anders.", ["PRESENT_REF", "PAST_REF"], ["PRESENT_REF", "PAST_REF"]),
    ("Er will bis Ende des Jahres fertig sein.", ["2024"], ["XXXX"]),
    ("in den 1990er Jahren", ["199"], ["199"]),
    ("Das Treffen begann um 18:30 Uhr.", ["2024-10-14T18:30"], ["XXXX-XX-XXT18:30"]),
]

EN = [
    ("It was signed on October 14, 2024.", ["2024-10-14"], ["2024-10-14"]),
    ("It was signed on 14 October 2024.", ["2024-10-14"], ["2024-10-14"]),
    ("He arrived on Tuesday.", ["2024-10-08"], ["XXXX-WXX-2"]),
    ("He arrived on Monday.", ["2024-10-14"], ["XXXX-WXX-1"]),
    ("He will visit on Friday.", ["2024-10-18"], ["XXXX-WXX-5"]),
    ("It happened in June.", ["2024-06"], ["XXXX-06"]),
    ("He will resign in June.", ["2025-06"], ["XXXX-06"]),
    ("It happened in 2023 when 2000 people came.", ["2023"], ["2023"]),
    ("It was hot last summer.", ["2024-SU"], ["XXXX-SU"]),
    ("He died in the morning.", ["2024-10-14TMO"], ["XXXX-XX-XXTMO"]),
    ("He spoke on Monday evening.", ["2024-10-14TEV"], ["XXXX-WXX-1TEV"]),
    ("It rose last year.", ["2023"], ["XXXX"]),
    ("It happened two weeks ago.", ["2024-W40"], ["XXXX-WXX"]),
    ("It happened last week.", ["2024-W41"], ["XXXX-WXX"]),
    ("It starts next month.", ["2024-11"], ["XXXX-XX"]),
    ("Today he said that yesterday was calm.", ["2024-10-14", "2024-10-13"], ["XXXX-XX-XX", "XXXX-XX-XX"]),
    ("He arrives tomorrow.", ["2024-10-15"], ["XXXX-XX-XX"]),
    ("Parliament was suspended for two weeks.", ["P2W"], ["P2W"]),
    ("They talked for two and a half years.", ["P2.5Y"], ["P2.5Y"]),
    ("It lasted three decades.", ["P3DE"], ["P3DE"]),
    ("They meet every Monday and talk daily.", ["XXXX-WXX-1", "P1D"], ["XXXX-WXX-1", "P1D"]),
    ("The vote is set for mid-October.", ["2024-10"], ["XXXX-10"]),
    ("It began in early 2023.", ["2023"], ["2023"]),
    ("The summit runs from October 22 to 24.", ["2024-10-22", "2024-10-24"], ["XXXX-10-22", "XXXX-10-24"]),
    ("He came a week before the BRICS summit.", ["2024-W42"], [None]),
    ("He came a week before the party congress.", [None], [None]),
    ("It is currently calm.", ["PRESENT_REF"], ["PRESENT_REF"]),
    ("In the 1990s, he ruled.", ["199"], ["199"]),
    ("The rally started at 18:00 local time.", ["2024-10-14T18:00"], ["XXXX-XX-XXT18:00"]),
]


@pytest.mark.parametrize("text,with_dct,without_dct", DE)
def test_german(text: str, with_dct: list[str | None], without_dct: list[str | None]) -> None:
    assert values("de", text) == with_dct
    assert values("de", text, None) == without_dct


@pytest.mark.parametrize("text,with_dct,without_dct", EN)
def test_english(text: str, with_dct: list[str | None], without_dct: list[str | None]) -> None:
    assert values("en", text) == with_dct
    assert values("en", text, None) == without_dct


def test_types_and_spans() -> None:
    got = tag("de", "Am Morgen kam er, seit drei Jahren jeden Montag, im vergangenen Jahr.")
    assert got == [("Am Morgen", "TIME", "2024-10-14TMO"), ("seit drei Jahren", "DURATION", "P3Y"),
                   ("jeden Montag", "SET", "XXXX-WXX-1"), ("im vergangenen Jahr", "DATE", "2023")]


def test_am_morgen_is_not_tomorrow() -> None:
    assert values("de", "Er kam am Morgen.") == ["2024-10-14TMO"]
    assert values("de", "Er kommt morgen.") == ["2024-10-15"]


def test_numbers_that_are_not_years() -> None:
    assert values("de", "Rund 2000 Menschen und 1500 Euro, 4.000 Tonnen.") == []
    assert values("en", "About 2000 people paid $1999.") == []


def test_anchor_named_when_unknown() -> None:
    doc = make_time_tagger("de")(Document(doc_id="t", lang="de", published=PUB,
                                          text="Er kam eine Woche vor dem Parteitag."))
    assert doc.times[0].value is None
    assert getattr(doc.times[0], "anchor") == "Parteitag"


def test_stage_protocol() -> None:
    stage = make_time_tagger("en")
    assert stage.name == "times"


def test_estimate_published_seed() -> None:
    seed = SHARED / "samples" / "seed-brics.txt"
    if not seed.exists():
        pytest.skip("shared/samples not available")
    est = estimate_published(seed.read_text(encoding="utf-8"), "de")
    assert est is not None and est.startswith("2024-10")


def test_estimate_published_explicit_dates() -> None:
    assert estimate_published("Am 3. März 2021 und am 5. Mai 2022 wurde gewählt.", "de") == "2022-05-05"
    assert estimate_published("Nothing dated here.", "en") is None


# Measured on shared/gold (33 articles); the floors sit at what the tagger reaches.
FLOORS = {"de": {"f1": 0.98, "value_acc": 0.97}, "en": {"f1": 0.99, "value_acc": 0.97}}


def test_gold_scores() -> None:
    if not (SHARED / "gold").is_dir() or not (SHARED / "tools" / "score.py").exists():
        pytest.skip(f"gold articles not available at {SHARED}")
    from lagebild.extract.timex_eval import gold_articles, predict_ours, score

    result = score(gold_articles(SHARED), predict_ours, SHARED)
    for lang, floor in FLOORS.items():
        assert result[lang]["f1"] >= floor["f1"], result
        assert result[lang]["value_acc"] >= floor["value_acc"], result


# Constructions of historical narratives (found on WikiWarsDE), with the corpus' DCT.
HISTORIC = [
    ("Napoleon zog im Jahre 1812 nach Russland.", [("im Jahre 1812", "1812")]),
    ("im 19. Jahrhundert", [("im 19. Jahrhundert", "18")]),
    ("in den 1960er Jahren", [("in den 1960er Jahren", "196")]),
    ("Ende des Jahres 1939 fiel Schnee.", [("Ende des Jahres 1939", "1939")]),
    ("Im April des Jahres 1918 kamen sie.", [("Im April des Jahres 1918", "1918-04")]),
    ("am 8. und 9. Mai 1945", [("am 8.", "1945-05-08"), ("9. Mai 1945", "1945-05-09")]),
    ("zwischen dem 15. und 21. Mai 1942", [("zwischen dem 15.", "1942-05-15"), ("21. Mai 1942", "1942-05-21")]),
    ("am 27./28. September 1939", [("am 27.", "1939-09-27"), ("28. September 1939", "1939-09-28")]),
    ("in der Nacht vom 8. zum 9. Mai 1945", [("in der Nacht vom 8.", "1945-05-08TNI"), ("9. Mai 1945", "1945-05-09")]),
    ("Winterkrieg 1939/1940 und die Balkankriege 1912/13", [("1939", "1939"), ("1940", "1940"),
                                                            ("1912", "1912"), ("13", "1913")]),
    ("Im Jahre 218 v. Chr. zog Hannibal los (264–260 v. Chr.).",
     [("Im Jahre 218 v. Chr.", "BC0218"), ("264", "BC0264"), ("260 v. Chr.", "BC0260")]),
    ("am Morgen des 22. Juni 1941", [("am Morgen des 22. Juni 1941", "1941-06-22TMO")]),
    ("Am 17. Juli 1789 morgens", [("Am 17. Juli 1789 morgens", "1789-07-17TMO")]),
]


@pytest.mark.parametrize("text,expected", HISTORIC)
def test_historic_constructions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t, v) for t, _, v in tag("de", text, "2011-02-16")] == expected


def test_historical_narrative_keeps_its_year() -> None:
    text = ("1914 und 1915 und 1916. Am 1. September 1939 begann der Krieg. Im Mai fiel Paris, seit der "
            "Teilung Polens 1772 ein Ziel. Am 17. September kam er. Ende des Jahres fiel Schnee. Im Winter "
            "fror es. Im folgenden Jahr kam er.")
    assert values("de", text, "2011-02-16")[3:] == ["1939-09-01", "1939-05", "1772", "1939-09-17", "1939",
                                                    "1939-WI", "1940"]
    # a news text naming an old year keeps the DCT's year for its days
    news = "Das Referendum von 2016 war knapp. " + "Die Debatte hält an. " * 20 + "Am 31. Oktober tritt er zurück."
    assert values("de", news, "2019-09-11") == ["2016", "2019-10-31"]
