"""The analyze stage: sentences, tokens, lemmas and coarse POS tags with exact character offsets.

``make_analyzer(lang)`` builds the stage (name ``"analyze"``); it sets
``doc.layers["sentences"]`` to a list of `Sentence`, each holding its `Token` list, with
``doc.text[t.start:t.end] == t.text`` for every token. ``sentence_at(doc, offset)`` finds the
sentence around a character offset. Tags: see `POS_TAGS` and `lagebild.analyze.tagger`.
"""

from lagebild.analyze.model import POS_TAGS, Sentence, Token, sentence_at
from lagebild.analyze.stage import Analyzer, make_analyzer

__all__ = ["POS_TAGS", "Analyzer", "Sentence", "Token", "make_analyzer", "sentence_at"]
