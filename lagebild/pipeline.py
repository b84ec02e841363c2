"""The pipeline: the ordered list of stages for a language, built once per worker.

A stage is a callable ``stage(doc) -> doc`` that only adds to the Document. Stages are
language-neutral code; each is built for one language from that language's data folder.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from lagebild.doc import Document


class Stage(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...


# Stage factories in data-flow order, as "module:callable" so that a stage's heavy imports
# (models, indexes) happen only when a pipeline is built. Each factory takes a language code.
STAGES: list[str] = [
    "lagebild.analyze:make_analyzer",
    "lagebild.extract.times:make_time_tagger",
    "lagebild.extract.entities:make_entity_recognizer",
    "lagebild.extract.places:make_place_resolver",
    "lagebild.extract.coref:make_coref_resolver",
    "lagebild.extract.quotes:make_quote_extractor",
    "lagebild.extract.events:make_event_coder",
]


@dataclass
class Pipeline:
    lang: str
    stages: list[Stage] = field(default_factory=list)

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage(doc)
        return doc


def _factory(spec: str) -> Callable[[str], Stage]:
    module, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module), attr)


def build(lang: str, stages: Iterable[str] | None = None) -> Pipeline:
    """Build the pipeline for `lang` from the stage factories (default: all of STAGES)."""
    return Pipeline(lang, [_factory(s)(lang) for s in (STAGES if stages is None else stages)])
