"""Train the CRF NER model of a language from shared/data and score it on the held-out slice."""
from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycrfsuite

from lagebild.ner.data import Sentence, corpora
from lagebild.ner.features import Hint, sentence_features
from lagebild.ner.hints import kb_hint
from lagebild.ner.model import bio_spans, model_path

PARAMS: dict[str, Any] = {"c1": 0.05, "c2": 0.05, "max_iterations": 120, "feature.possible_transitions": True,
                          "feature.minfreq": 1}


def prf(gold: Sequence[Sentence], pred: Sequence[list[str]]) -> dict[str, float]:
    """Strict span P/R/F1 (type and both boundaries must agree)."""
    tp = fp = fn = 0
    for (_, g), p in zip(gold, pred):
        gs, ps = set(bio_spans(g)), set(bio_spans(p))
        tp += len(gs & ps)
        fp += len(ps - gs)
        fn += len(gs - ps)
    p_ = tp / (tp + fp) if tp + fp else 0.0
    r_ = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0
    return {"p": round(p_, 4), "r": round(r_, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def train_model(sentences: Sequence[Sentence], out: Path, hint: Hint | None = None,
                params: dict[str, Any] | None = None) -> Path:
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, labels in sentences:
        trainer.append(sentence_features(words, hint), labels)
    trainer.set_params({**PARAMS, **(params or {})})
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out


def tag_all(path: Path, sentences: Sequence[Sentence], hint: Hint | None) -> list[list[str]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return [list(tagger.tag(sentence_features(w, hint))) if w else [] for w, _ in sentences]


def train(lang: str, shared: Path, out: Path | None = None, max_iterations: int | None = None) -> dict[str, Any]:
    """Train on shared/data for `lang`, write the model, return its held-out scores and counts."""
    out = out or model_path(lang)
    hint = kb_hint(lang)
    train_set, held = corpora(lang, shared)
    t0 = time.perf_counter()
    params = {"max_iterations": max_iterations} if max_iterations else None
    train_model(train_set, out, hint, params)
    secs = time.perf_counter() - t0
    scores = prf(held, tag_all(out, held, hint))
    return {"lang": lang, "model": str(out), "train_sentences": len(train_set), "heldout_sentences": len(held),
            "seconds": round(secs, 1), "size_mb": round(out.stat().st_size / 1e6, 2), "heldout": scores}
