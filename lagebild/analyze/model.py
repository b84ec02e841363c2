"""The analysis layer's records: sentences and tokens with character offsets into `doc.text`.

They live in ``doc.layers["sentences"]`` (never serialised), so they are plain slotted
dataclasses rather than pydantic models: there are tens of thousands per batch.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lagebild.doc import Document

# Coarse, UD-like part-of-speech tags the analyzer emits (one per token). SYM and INTJ are
# folded into PUNCT and X so rules have fewer cases to ask about.
POS_TAGS: tuple[str, ...] = (
    "NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADP", "DET", "PRON",
    "CCONJ", "SCONJ", "NUM", "PUNCT", "ADV", "PART", "X",
)


@dataclass(slots=True)
class Token:
    """One token; ``doc.text[start:end] == text`` always holds."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    is_space_after: bool


@dataclass(slots=True)
class Sentence:
    """A sentence: the span from its first token's start to its last token's end."""

    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)


def sentence_at(doc: "Document", offset: int) -> Sentence | None:
    """The sentence of `doc` whose span contains character `offset`, or None (between sentences,
    or before the analyze stage ran)."""
    sentences: list[Sentence] | None = doc.layers.get("sentences")
    if not sentences:
        return None
    # The starts list is cached beside the layer it was built from, so repeated look-ups
    # (every entity, quote and time asks) cost one bisect each.
    cached = doc.layers.get("_sentence_starts")
    if cached is not None and cached[0] is sentences:
        starts: list[int] = cached[1]
    else:
        starts = [s.start for s in sentences]
        doc.layers["_sentence_starts"] = (sentences, starts)
    i = bisect_right(starts, offset) - 1
    if i >= 0 and offset < sentences[i].end:
        return sentences[i]
    return None
