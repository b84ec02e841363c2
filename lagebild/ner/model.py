"""Load and apply the shipped CRF NER models (one per language)."""
from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

import pycrfsuite

from lagebild.ner.features import Hint, sentence_features

MODELS = Path(__file__).resolve().parent.parent / "models"


def model_path(lang: str) -> Path:
    """Path of the model for `lang` (env LAGEBILD_NER_MODEL_<LANG> overrides the shipped one)."""
    env = os.environ.get(f"LAGEBILD_NER_MODEL_{lang.upper()}")
    return Path(env) if env else MODELS / f"ner-{lang}.crfsuite"


def bio_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) token spans from BIO or IOB1 labels; an I- after O or another type opens a span."""
    spans: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, lab in enumerate([*labels, "O"]):
        pre, _, t = lab.partition("-")
        if start >= 0 and (pre in ("O", "B") or t != typ):
            spans.append((start, i, typ))
            start = -1
        if pre in ("B", "I") and start < 0:
            start, typ = i, t
    return spans


class NerModel:
    """A trained CRF tagger; `hint` adds the same knowledge-base features the model was trained with."""

    _cache: ClassVar[dict[Path, "NerModel"]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, path: Path, hint: Hint | None = None) -> None:
        self.path = path
        self._local = threading.local()
        self.hint = hint
        self.tagger  # open once now, so that a broken model fails at load time

    @property
    def tagger(self) -> pycrfsuite.Tagger:
        """This thread's tagger: a crfsuite tagger keeps per-call state and must not be shared between threads."""
        t = getattr(self._local, "tagger", None)
        if t is None:
            t = self._local.tagger = pycrfsuite.Tagger()
            t.open(str(self.path))
        return t

    @classmethod
    def load(cls, lang: str, path: Path | None = None) -> "NerModel | None":
        """The model for `lang` (cached per path), or None when none has been trained."""
        p = Path(path) if path else model_path(lang)
        if not p.exists():
            return None
        with cls._lock:
            m = cls._cache.get(p)
            if m is None:
                from lagebild.ner.hints import kb_hint

                m = cls._cache[p] = cls(p, kb_hint(lang))
        return m

    def tag(self, words: Sequence[str]) -> list[str]:
        if not words:
            return []
        return list(self.tagger.tag(sentence_features(words, self.hint)))

    def spans(self, words: Sequence[str]) -> list[tuple[int, int, str]]:
        return bio_spans(self.tag(words))
