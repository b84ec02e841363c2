"""`lagebild explain`: re-run the event analysis on one document and show why each event exists.

For every sentence with a trigger it prints the clause, the matched lexicon rule, the roles found,
the actors' codes, the modality and whether the coding was kept (and if not, why).
"""

from __future__ import annotations

import importlib

from lagebild.doc import Document
from lagebild.pipeline import STAGES

_EVENT_STAGE = "lagebild.extract.events:make_event_coder"
# Stages the events stage reads (the quotes too: statements are coded from them); used when STAGES does
# not list them yet.
_NEEDED = ["lagebild.analyze:make_analyzer", "lagebild.extract.times:make_time_tagger",
           "lagebild.extract.entities:make_entity_recognizer", "lagebild.extract.places:make_place_resolver",
           "lagebild.extract.coref:make_coref_resolver", "lagebild.extract.quotes:make_quote_extractor"]


def _available(spec: str) -> bool:
    module, _, attr = spec.partition(":")
    try:
        return hasattr(importlib.import_module(module), attr)
    except ImportError:
        return False


def stages_for_explain() -> list[str]:
    """The pipeline's stages up to and including the events stage."""
    specs = [s for s in STAGES if s != _EVENT_STAGE]
    for s in _NEEDED:
        if s not in specs and _available(s):
            specs.append(s)
    order = {s: i for i, s in enumerate(_NEEDED)}
    specs.sort(key=lambda s: order.get(s, len(order)))
    return specs + [_EVENT_STAGE]


def reanalyse(doc: Document) -> Document:
    """A fresh copy of `doc` (text, language, date) run through the stages the events stage needs."""
    from lagebild.pipeline import build

    fresh = Document(doc_id=doc.doc_id, lang=doc.lang, published=doc.published, title=doc.title, text=doc.text)
    return build(doc.lang, stages_for_explain())(fresh)


def explain(doc: Document) -> str:
    """Human-readable trace of the event coding of an analysed `doc`."""
    trace = doc.layers.get("event_trace") or []
    sentences = doc.layers.get("sentences") or []
    lines = [f"document {doc.doc_id} ({doc.lang}, published {doc.published})", ""]
    by_sentence: dict[int, list] = {}
    for d in trace:
        by_sentence.setdefault(d.sentence, []).append(d)
    for si in sorted(by_sentence):
        s = sentences[si]
        lines.append(f"[{si}] {doc.text[s.start:s.end]}")
        for d in by_sentence[si]:
            mark = "+" if d.kept else "-"
            roles = f"{d.source or '∅'} → {d.target or '∅'}"
            why = f"  ({d.why})" if d.why else ""
            lines.append(f"   {mark} {d.rule} trigger={d.trigger!r} cameo={d.code} {roles} {d.modality}{why}")
        lines.append("")
    lines.append("events:")
    for e in doc.events:
        src = e.source.code if e.source else "∅"
        tgt = e.target.code if e.target else "∅"
        more = len(getattr(e, "evidence_more", None) or [])
        lines.append(f"  {e.id} {src} {e.cameo} {tgt} date={e.date} place={e.place} {e.modality} "
                     f"goldstein={e.goldstein} plover={e.plover.type if e.plover else None} rule={e.rule}"
                     + (f" (+{more} mentions)" if more else ""))
    return "\n".join(lines) + "\n"
