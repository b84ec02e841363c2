"""Readers for the NER corpora in shared/data, all returning sentences as (words, BIO labels).

Labels are mapped to PER/ORG/LOC/MISC. GermEval's OTH is MISC; its `deriv` and `part` classes ("deutsche",
"Ukraine-Konflikt") become O, because the knowledge base handles demonyms and compounds and they are not names.
"""
from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

Sentence = tuple[list[str], list[str]]

_GERMEVAL = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}
_RE3D = {"Person": "PER", "Organisation": "ORG", "Location": "LOC", "Nationality": "MISC"}


def _map(label: str, table: dict[str, str]) -> str:
    pre, _, typ = label.partition("-")
    if pre not in ("B", "I") or typ not in table:
        return "O"
    return f"{pre}-{table[typ]}"


def to_bio(labels: list[str]) -> list[str]:
    """IOB1 → BIO (an I- that starts a span becomes B-)."""
    out, prev = [], "O"
    for lab in labels:
        if lab.startswith("I-") and (prev == "O" or prev[2:] != lab[2:]):
            lab = "B-" + lab[2:]
        out.append(lab)
        prev = lab
    return out


def read_germeval(path: Path) -> Iterator[Sentence]:
    """GermEval 2014 TSV: `idx word outer inner`; comment lines start with '#'. Outer spans only."""
    words: list[str] = []
    labels: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3:
            if words:
                yield words, labels
            words, labels = [], []
            continue
        words.append(cols[1])
        labels.append(_map(cols[2], _GERMEVAL))
    if words:
        yield words, labels


def read_conll(path: Path, table: dict[str, str] | None = None, sep: str | None = None) -> Iterator[Sentence]:
    """CoNLL: `word … tag` per line, blank line between sentences, -DOCSTART- lines skipped; IOB1 or BIO."""
    table = table or {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
    words: list[str] = []
    labels: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        cols = line.split(sep) if line.strip() else []
        if not cols or cols[0] == "-DOCSTART-":
            if words:
                yield words, to_bio(labels)
            words, labels = [], []
            continue
        words.append(cols[0])
        labels.append(_map(cols[-1], table))


_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ\"„])|\n+")
_SMARTDATA = {"person": "PER", "organization": "ORG", "organization-company": "ORG", "location": "LOC",
              "location-city": "LOC"}


def read_smartdata(path: Path, sources: tuple[str, ...] = ("news", "rss")) -> Iterator[Sentence]:
    """SmartData v1 (character-offset mentions, untokenised): tokenise, split sentences, project spans to BIO."""
    raw = gzip.open(path, "rt", encoding="utf-8").read()
    dec = json.JSONDecoder()
    pos = 0
    while True:
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        if pos >= len(raw):
            break
        doc, pos = dec.raw_decode(raw, pos)
        src = ((doc.get("refids") or {}).get("map") or {}).get("source")
        if src not in sources:
            continue
        text = doc["text"]["string"]
        ents = []
        for m in (doc.get("conceptMentions") or {}).get("array", []):
            typ = _SMARTDATA.get(m.get("type"))
            if typ:
                ents.append((m["span"]["start"], m["span"]["end"], typ))
        start = 0
        for piece in [*_SENT_END.split(text)]:
            off = text.find(piece, start)
            start = off + len(piece)
            toks = [(m.start() + off, m.end() + off, m.group()) for m in _TOKEN.finditer(piece)]
            if not toks:
                continue
            labels = ["O"] * len(toks)
            for s, e, typ in ents:
                inside = [i for i, (ts, te, _) in enumerate(toks) if ts >= s and te <= e]
                if inside and all(lab == "O" for lab in (labels[i] for i in inside)):
                    labels[inside[0]] = "B-" + typ
                    for i in inside[1:]:
                        labels[i] = "I-" + typ
            yield [t for _, _, t in toks], labels


def read_wikiann(path: Path, limit: int | None = None) -> Iterator[Sentence]:
    """WikiANN (xz, `idx word tag` IOB2, blank line between sentences)."""
    import lzma

    words: list[str] = []
    labels: list[str] = []
    n = 0
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for line in [*f, ""]:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3:
                if words:
                    yield words, to_bio(labels)
                    n += 1
                    if limit and n >= limit:
                        return
                words, labels = [], []
                continue
            words.append(cols[1])
            labels.append(_map(cols[2], {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}))


# Extra German corpora by name (see shared/data/*/SOURCE.md for their licences). The shipped model uses only the
# openly licensed ones: SmartData train (CC BY 4.0) and UNER German PUD (CC BY-SA 3.0). "smartdata_test" made the
# held-out score worse; "europarl" (licence unclear) and "wikiann" (licence unknown) are for experiments only.
DE_EXTRA = ("smartdata", "uner")


def corpora(lang: str, shared: Path, extra_sets: tuple[str, ...] = DE_EXTRA) -> tuple[list[Sentence], list[Sentence]]:
    """(train, held-out) sentences for `lang`; the held-out slice is every 5th sentence of the gold corpus."""
    d = shared / "data"
    if lang == "de":
        gold = list(read_germeval(d / "germeval2014_ner" / "NER-de-dev.tsv"))
        extra = []
        if "smartdata" in extra_sets:
            extra += read_smartdata(d / "smartdata_corpus_v1" / "train.json.gz")
        if "smartdata_test" in extra_sets:
            extra += read_smartdata(d / "smartdata_corpus_v1" / "test.json.gz")
        if "uner" in extra_sets:
            # UNER German PUD: PER/LOC/ORG only (its MISC-like names are O); same TSV layout as GermEval.
            extra += read_germeval(d / "uner_german_pud" / "de_pud-ud-test.iob2")
        if "europarl" in extra_sets:
            extra += read_conll(d / "europarl_ner_de" / "train.tsv", sep="\t")
        if "wikiann" in extra_sets:
            extra += read_wikiann(d / "wikiann_de" / "train.conllu.xz")
    else:
        gold = list(read_conll(d / "english_ner" / "wikigold" / "CONLL-format" / "data" / "wikigold.conll.txt",
                               sep=" "))
        extra = []
        # re3d, without the BBC documents (CC BY-NC) so the model stays shippable.
        for f in sorted((d / "english_ner" / "re3d" / "CONLL-format" / "data-by-source" / "conll").glob("*/*.conll")):
            if f.parent.name != "BBC_Online":
                extra += read_conll(f, _RE3D, sep="\t")
    held = [s for i, s in enumerate(gold) if i % 5 == 4]
    train = [s for i, s in enumerate(gold) if i % 5 != 4] + extra
    return train, held
