"""Score a NER model on a file in the GermEval 2014 format (outer spans, strict match of type and boundaries).

Gold labels are mapped as the model's training data was: OTH → MISC, the `deriv`/`part` classes → O.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from lagebild.ner.data import read_germeval
from lagebild.ner.model import NerModel
from lagebild.ner.train import prf


def evaluate(path: Path, lang: str = "de", model: Path | None = None) -> dict[str, Any]:
    """{"p", "r", "f1", "tp", "fp", "fn", "sentences"} of the model for `lang` on the GermEval-format file `path`."""
    ner = NerModel.load(lang, model)
    if ner is None:
        raise FileNotFoundError(f"no NER model for {lang!r}; train one with `lagebild train ner`")
    sentences = list(read_germeval(Path(path)))
    scores = prf(sentences, [ner.tag(words) for words, _ in sentences])
    return {**scores, "sentences": len(sentences)}
