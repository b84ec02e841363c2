"""The analyze stage: exact offsets, sentence boundaries, lemmas and coarse POS."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.analyze import POS_TAGS, Sentence, Token, make_analyzer, sentence_at
from lagebild.analyze.align import align
from lagebild.doc import Document, Heading

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "samples" / "seed-brics.txt"

DE_TRICKY = (
    "„Wir bleiben“, sagte Dr. Müller am 2. Juni in Berlin – z. B. über das US-Repräsentantenhaus… "
    "Die chinesisch-russischen Beziehungen wurden am 14.10.2024 vereinbart. "
    "Er zitierte ‚Die Welt‘ und «Le Monde» sowie »Der Spiegel« (S. 12) unter https://example.org/a-b?x=1&y=2.\n\n"
    "Neuer Absatz ohne Punkt\n\n"
    "Das Treffen fand im Iran. Danach flog er nach Japan.\u00a0Ein Wort mit wei\u00adchem Trenn\u200bzeichen.\n"
    "Zwischentitel\n"
    "Preis: 3,5 Mio. Euro — ca. 20 % mehr… Ende."
)

EN_TRICKY = (
    "The U.S. Army met Dr. Smith at 5 p.m. on Jan. 3 in Washington. He said \"don't go\" -- and left...\n\n"
    "It's Mr. Brown's car, e.g. a Ford; officials were running late. "
    "Russia's president – Vladimir Putin – met ‘Chinese’ leaders on Monday (see www.example.com/x).\n"
    "Analysis\n"
    "Talks will continue…"
)


@pytest.fixture(scope="module")
def de():
    return make_analyzer("de")


@pytest.fixture(scope="module")
def en():
    return make_analyzer("en")


def run(stage, text: str, lang: str, headings: list[tuple[int, int]] = ()) -> list[Sentence]:
    doc = Document(
        doc_id="t", lang=lang, text=text,
        headings=[Heading(start=s, end=e, text=text[s:e]) for s, e in headings],
    )
    out = stage(doc)
    assert out is doc
    return doc.layers["sentences"]


def check_offsets(text: str, sentences: list[Sentence]) -> None:
    prev = 0
    for s in sentences:
        assert s.tokens, "no empty sentences"
        assert s.start == s.tokens[0].start and s.end == s.tokens[-1].end
        for t in s.tokens:
            assert text[t.start:t.end] == t.text
            assert t.start >= prev and t.end > t.start
            assert t.pos in POS_TAGS
            assert t.text.strip() == t.text
            prev = t.end
    # Every non-blank character belongs to some token, save invisible ones the tokenizer drops.
    covered = {i for s in sentences for t in s.tokens for i in range(t.start, t.end)}
    missing = [text[i] for i in range(len(text)) if i not in covered and not text[i].isspace()]
    assert all(c in "\u00ad\u200b" for c in missing), missing


def sentence_texts(text: str, sentences: list[Sentence]) -> list[str]:
    return [text[s.start:s.end] for s in sentences]


def find(sentences: list[Sentence], word: str) -> Token:
    return next(t for s in sentences for t in s.tokens if t.text == word)


def test_stage_protocol(de) -> None:
    assert de.name == "analyze"
    assert callable(de)


@pytest.mark.skipif(not SEED.exists(), reason=f"shared data not found at {SEED}")
def test_seed_offsets_exact(de) -> None:
    text = SEED.read_text(encoding="utf-8")
    sentences = run(de, text, "de")
    check_offsets(text, sentences)
    texts = sentence_texts(text, sentences)
    assert "Chinas Verteidigungsminister Dong Jun am 2. Juni in Singapur." in texts
    assert find(sentences, "US-Repräsentantenhauses").lemma == "US-Repräsentantenhaus"
    assert find(sentences, "chinesisch-russischen").pos == "ADJ"


def test_german_tricky_offsets(de) -> None:
    sentences = run(de, DE_TRICKY, "de")
    check_offsets(DE_TRICKY, sentences)
    words = {t.text for s in sentences for t in s.tokens}
    for w in ("„", "“", "‚", "‘", "«", "»", "–", "—", "…", "US-Repräsentantenhaus",
              "chinesisch-russischen", "https://example.org/a-b?x=1&y=2", "wei\u00adchem"):
        assert w in words, w


def test_german_sentence_boundaries(de) -> None:
    texts = sentence_texts(DE_TRICKY, run(de, DE_TRICKY, "de"))
    first = texts[0]
    assert first.startswith("„Wir bleiben“") and "Dr. Müller am 2. Juni" in first and "z. B." in first
    assert any("am 14.10.2024 vereinbart." in t for t in texts)
    # The paragraph break ends the sentence although there is no full stop.
    assert "Neuer Absatz ohne Punkt" in texts
    # SoMaJo reads "Iran." as an abbreviation (iranisch); the stage splits it back.
    assert "Das Treffen fand im Iran." in texts
    assert any(t.startswith("Danach flog er nach Japan.") and t.endswith("Japan.") for t in texts)
    assert "Zwischentitel" in texts


def test_abbreviations_not_split(de, en) -> None:
    text = "Dr. Meier kam z. B. am 2. Juni. Prof. Dr. Schmidt sprach am 14.10.2024 über Nr. 5 der Liste."
    assert sentence_texts(text, run(de, text, "de")) == [
        "Dr. Meier kam z. B. am 2. Juni.",
        "Prof. Dr. Schmidt sprach am 14.10.2024 über Nr. 5 der Liste.",
    ]
    text = "The U.S. envoy met Dr. Smith on Jan. 3 at 5 p.m. in Washington. Mr. Brown left."
    assert sentence_texts(text, run(en, text, "en")) == [
        "The U.S. envoy met Dr. Smith on Jan. 3 at 5 p.m. in Washington.",
        "Mr. Brown left.",
    ]


def test_paragraphs_and_headings_end_sentences(de) -> None:
    text = "Erster Satz ohne Ende\n\nzweiter Absatz geht weiter. Letzter Satz mit Titel Mitten drin"
    h0 = text.index("Titel")
    sentences = run(de, text, "de", headings=[(h0, h0 + len("Titel"))])
    check_offsets(text, sentences)
    assert sentence_texts(text, sentences) == [
        "Erster Satz ohne Ende", "zweiter Absatz geht weiter.", "Letzter Satz mit", "Titel", "Mitten drin",
    ]


def test_english_offsets_and_boundaries(en) -> None:
    sentences = run(en, EN_TRICKY, "en")
    check_offsets(EN_TRICKY, sentences)
    texts = sentence_texts(EN_TRICKY, sentences)
    assert texts[0] == "The U.S. Army met Dr. Smith at 5 p.m. on Jan. 3 in Washington."
    assert "Analysis" in texts
    assert texts[-1] == "Talks will continue…"
    assert {"don", "'t"} <= {t.text for s in sentences for t in s.tokens} or any(
        t.text == "n't" for s in sentences for t in s.tokens
    )


def test_lemmas(de, en) -> None:
    s = run(de, "Die Beziehungen wurden vereinbart. Die Länder haben Verhandlungen geführt.", "de")
    assert find(s, "Beziehungen").lemma == "Beziehung"
    assert find(s, "vereinbart").lemma == "vereinbaren"
    assert find(s, "Länder").lemma == "Land"
    assert find(s, "wurden").lemma == "werden"
    s = run(en, "Officials met on Monday and the countries were talking.", "en")
    assert find(s, "met").lemma == "meet"
    assert find(s, "countries").lemma == "country"
    assert find(s, "were").lemma == "be"


def test_pos(de, en) -> None:
    s = run(de, "Die Minister haben in Peking eine Stärkung der militärischen Zusammenarbeit vereinbart, "
                "sagte Beloussow. Er wird nicht kommen, weil es regnet.", "de")
    tags = {t.text: t.pos for x in s for t in x.tokens}
    assert tags["Die"] == "DET" and tags["der"] == "DET"
    assert tags["Minister"] == "NOUN" and tags["Stärkung"] == "NOUN"
    assert tags["Beloussow"] == "PROPN"
    assert tags["haben"] == "AUX" and tags["wird"] == "AUX"
    assert tags["vereinbart"] == "VERB" and tags["sagte"] == "VERB"
    assert tags["militärischen"] == "ADJ"
    assert tags["in"] == "ADP" and tags["weil"] == "SCONJ" and tags["nicht"] == "PART"
    assert tags["Er"] == "PRON" and tags[","] == "PUNCT"
    haben = find(s, "haben")
    assert de.is_finite_aux(haben)
    s = run(en, "The minister met NATO officials in Brussels and they will talk.", "en")
    tags = {t.text: t.pos for x in s for t in x.tokens}
    assert tags["The"] == "DET" and tags["minister"] == "NOUN" and tags["met"] == "VERB"
    assert tags["NATO"] == "PROPN" and tags["Brussels"] == "PROPN" and tags["will"] == "AUX"
    assert tags["talk"] == "VERB" and tags["in"] == "ADP" and tags["and"] == "CCONJ"


def test_space_after(de) -> None:
    s = run(de, "Er sagte: „Ja.“ Dann ging er.", "de")
    toks = [t for x in s for t in x.tokens]
    assert [t.is_space_after for t in toks[:4]] == [True, False, True, False]


def test_sentence_at(de) -> None:
    text = "Erster Satz. Zweiter Satz.\n\nDritter Satz."
    doc = Document(doc_id="t", lang="de", text=text)
    assert sentence_at(doc, 0) is None  # before the stage ran
    de(doc)
    assert sentence_at(doc, 0).start == 0
    assert text[sentence_at(doc, text.index("Zweiter") + 3).start:].startswith("Zweiter")
    assert sentence_at(doc, text.index("Dritter")).end == len(text)
    assert sentence_at(doc, text.index("\n")) is None
    assert sentence_at(doc, len(text) + 5) is None


def test_layers_not_serialised(de) -> None:
    doc = de(Document(doc_id="t", lang="de", text="Ein Satz."))
    assert doc.layers["sentences"]
    assert "sentences" not in doc.dumps()


def test_align_fallbacks() -> None:
    text = "„Zitat“ — Caf\u0065\u0301 wei\u00adter"
    spans, _ = align(text, ['"', "Zitat", '"', "-", "Café", "weiter"])
    assert [text[s:e] for s, e in spans] == ["„", "Zitat", "“", "—", "Caf\u0065\u0301", "wei\u00adter"]
    # A token the text does not contain still gets a non-empty, in-order span.
    spans, _ = align("abc def", ["xyz", "def"])
    assert spans[0][1] > spans[0][0] and spans[1] == (4, 7)
