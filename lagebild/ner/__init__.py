"""Statistical named-entity recognition (CRF) for names the knowledge base does not know.

`NerModel.load(lang)` loads the shipped model (`lagebild/models/ner-<lang>.crfsuite`); `model.spans(words)` gives
(start_token, end_token, type) for PER/ORG/LOC/MISC. `lagebild.ner.train` builds the models from shared/data.
"""
from lagebild.ner.model import NerModel, bio_spans, model_path

__all__ = ["NerModel", "bio_spans", "model_path"]
