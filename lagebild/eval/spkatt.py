"""Speaker-attribution evaluation on GermEval 2023 SpkAtt (Task 2, news) JSON files.

Each file's tokens are detokenised into one text (a sentence per line, so the analyze stage keeps
the task's sentence boundaries) with a token → character map; the pipeline runs on it, and its
quotes become annotations (cue, source, message as token sets) scored against the gold ones.

Scoring follows the shared task's token-level view: predicted and gold annotations are aligned
one-to-one (greedily, by the largest token overlap of cue plus message), then for each role the
tokens of aligned pairs count as true positives where they agree, and every token of an
unaligned annotation is a false positive or negative. ``overall`` pools the three roles. Only
top-level annotations (``IsNested: false``) are gold, as in the task's simplified subtask.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lagebild.doc import Document

ROLES = ("cue", "source", "message")
_GOLD_KEYS = {"cue": "Cue", "source": "Source", "message": "Message"}
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "?", "!", ")", "]", "“", "”", "«", "‘", "%", "…"})
_NO_SPACE_AFTER = frozenset({"„", "(", "[", "»", "‚"})
_QUOTE_MARKS = frozenset("„“”\"»«‚‘’›‹")
_OPENING_MARKS = frozenset({"„", "»", "‚"})
_CLOSING_MARKS = frozenset({"“", "”", "«", "‘"})

Tok = tuple[int, int]  # (sentence id, token id)


@dataclass
class SpkDoc:
    """One SpkAtt article: its text, where each token lies in it, and the gold annotations."""

    name: str
    text: str
    offsets: dict[Tok, tuple[int, int]]
    gold: list[dict[str, set[Tok]]] = field(default_factory=list)


def _tok(ref: str) -> Tok:
    s, t = ref.split(":")
    return int(s), int(t)


def detokenize(sentences: list[list[str]]) -> tuple[str, dict[Tok, tuple[int, int]]]:
    """Text of tokenised sentences (one line each) and each token's character span."""
    parts: list[str] = []
    offsets: dict[Tok, tuple[int, int]] = {}
    pos = 0
    straight_open = False  # a straight quote mark opens or closes by turns through the text
    for si, toks in enumerate(sentences):
        if si:
            # A quotation mark the task's splitter left as a sentence of its own stays with the
            # words it opens or closes: no line break after an opening one or before a closing one.
            last, first = sentences[si - 1][-1] if sentences[si - 1] else "", toks[0] if toks else ""
            opener = last in _OPENING_MARKS or (last == '"' and straight_open)
            closer = first in _CLOSING_MARKS or (first == '"' and straight_open)
            sep = "" if opener or closer else "\n"
            parts.append(sep)
            pos += len(sep)
        prev = None
        for ti, tok in enumerate(toks):
            space = prev is not None and prev not in _NO_SPACE_AFTER and tok not in _NO_SPACE_BEFORE
            if tok == '"':
                # Straight quotes alternate: an opening one takes the space, a closing one not.
                space = prev is not None and not straight_open
            if prev == '"' and straight_open:
                space = False
            if space:
                parts.append(" ")
                pos += 1
            offsets[(si, ti)] = (pos, pos + len(tok))
            parts.append(tok)
            pos += len(tok)
            if tok == '"':
                straight_open = not straight_open
            prev = tok
    return "".join(parts), offsets


def load_file(path: Path) -> SpkDoc:
    data = json.loads(path.read_text(encoding="utf-8"))
    sentences = [s["Tokens"] for s in sorted(data["Sentences"], key=lambda s: s["SentenceId"])]
    text, offsets = detokenize(sentences)
    gold = [
        {role: {_tok(r) for r in ann.get(key, [])} for role, key in _GOLD_KEYS.items()}
        for ann in data.get("Annotations", [])
        if not ann.get("IsNested", False)
    ]
    return SpkDoc(path.stem, text, offsets, gold)


def _tokens_in(doc: SpkDoc, spans: Iterable[tuple[int, int]]) -> set[Tok]:
    spans = list(spans)
    return {t for t, (s, e) in doc.offsets.items() if any(s < b and a < e for a, b in spans)}


def predicted(doc: SpkDoc, result: Document) -> list[dict[str, set[Tok]]]:
    """The pipeline's quotes as SpkAtt annotations; pieces of one statement (same group) merge."""
    groups: dict[Any, dict[str, set[Tok]]] = {}
    for q in result.quotes:
        extra = q.model_extra or {}
        g = groups.setdefault(extra.get("group", id(q)), {r: set() for r in ROLES})
        for s, e in extra.get("pieces") or [(q.start, q.end)]:
            _add_piece(doc, g, q.kind, s, e, extra)
        src = extra.get("source_span")
        if src:
            g["source"] |= _tokens_in(doc, [(src["start"], src["end"])])
    return list(groups.values())


def _add_piece(doc: SpkDoc, g: dict[str, set[Tok]], kind: str, s: int, e: int, extra: dict[str, Any]) -> None:
    """One piece of a predicted statement into its annotation `g`."""
    text = doc.text
    stmt = extra.get("statement_span")
    if extra.get("form") in ("reported", "free") and stmt:
        # The task's "Reported" and "FreeIndirect" forms: the whole sentence, its final
        # punctuation included, is the message and there is no cue.
        g["message"] |= _tokens_in(doc, [(stmt["start"], stmt["end"])])
        return
    emb = extra.get("embedding_span")
    if kind == "direct" and emb:
        # Quoted words that are part of a phrase or clause of their frame: the task annotates
        # the phrase or clause that embeds them as the message (guidelines 3.1 a/b, 3.5 f).
        s, e = min(s, emb["start"]), max(e, emb["end"])
    if kind == "direct":
        # The task's messages of direct quotes include their quotation marks.
        j = s - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j >= 0 and text[j] in _QUOTE_MARKS:
            s = j
        j = e
        while j < len(text) and text[j] in " .,!?":
            j += 1
        if j < len(text) and text[j] in _QUOTE_MARKS:
            e = j + 1
    g["message"] |= _tokens_in(doc, [(s, e)])
    g["cue"] |= _tokens_in(doc, [tuple(c) for c in extra.get("cue_tokens") or []])


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def align(gold: list[dict[str, set[Tok]]], pred: list[dict[str, set[Tok]]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), largest cue+message overlap first."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = len(g["message"] & p["message"]) + len(g["cue"] & p["cue"])
            if ov:
                cands.append((ov, gi, pi))
    cands.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def score_doc(gold: list[dict[str, set[Tok]]], pred: list[dict[str, set[Tok]]], counts: dict[str, Counts]) -> None:
    pairs = align(gold, pred)
    seen_g = {g for g, _ in pairs}
    seen_p = {p for _, p in pairs}
    for role in ROLES:
        c = counts[role]
        for gi, pi in pairs:
            g, p = gold[gi][role], pred[pi][role]
            c.tp += len(g & p)
            c.fp += len(p - g)
            c.fn += len(g - p)
        c.fn += sum(len(gold[i][role]) for i in range(len(gold)) if i not in seen_g)
        c.fp += sum(len(pred[i][role]) for i in range(len(pred)) if i not in seen_p)


def evaluate(files: Iterable[Path], lang: str = "de", stages: list[str] | None = None) -> dict[str, Any]:
    """Run the pipeline over SpkAtt files and return cue/source/message/overall P, R, F1."""
    from lagebild.pipeline import build

    pipeline = build(lang, stages if stages is not None else default_stages())
    for stage in pipeline.stages:
        if stage.name == "quotes":
            # SpkAtt scores cue, source and message spans: keep statements whose source is no entity.
            stage.keep_speakerless = True  # type: ignore[attr-defined]
    counts = {r: Counts() for r in ROLES}
    n = 0
    for path in files:
        doc = load_file(path)
        result = pipeline(Document(doc_id=doc.name, lang=lang, text=doc.text))
        score_doc(doc.gold, predicted(doc, result), counts)
        n += 1
    total = Counts(sum(c.tp for c in counts.values()), sum(c.fp for c in counts.values()), sum(c.fn for c in counts.values()))
    out: dict[str, Any] = {r: counts[r].prf() for r in ROLES}
    out["overall"] = total.prf()
    out["documents"] = n
    return out


def default_stages() -> list[str]:
    """The pipeline's stages with the quote stage at the end (entities too once that stage exists)."""
    import importlib.util

    from lagebild.pipeline import STAGES

    stages = list(STAGES)
    if importlib.util.find_spec("lagebild.extract.entities") is not None and not any(
        s.startswith("lagebild.extract.entities") for s in stages
    ):
        stages.append("lagebild.extract.entities:make_entity_recognizer")
    if not any(s.startswith("lagebild.extract.quotes") for s in stages):
        stages.append("lagebild.extract.quotes:make_quote_extractor")
    return stages


def spkatt_files(root: Path) -> list[Path]:
    """The SpkAtt JSON files under `root` (a file or a folder, searched recursively), sorted."""
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*.json") if not p.name.endswith(".pretty.json"))
