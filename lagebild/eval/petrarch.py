"""Agreement of the English event coder with the coded PETRARCH2 validation sentences.

``python -m lagebild.eval.petrarch [VALIDATION_DIR]`` reads ``PETR.UnitTest.records.xml`` (285
stylised sentences with gold ``EventCoding`` source/target/event codes) and the validation actor
dictionary, marks the dictionary's actors in each sentence as entities, runs the analyze and events
stages and reports how many gold codings are reproduced: by root (dyad + CAMEO root) and by full code.
Actors are compared on their first three letters (the country or group code).
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lagebild.doc import Document, Entity, Span

DEFAULT_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "petrarch2_dictionaries" / "validation"


@dataclass
class Record:
    id: str
    text: str
    date: str
    codings: list[tuple[str, str, str]]


def read_records(path: Path) -> list[Record]:
    """Sentences with at least one gold coding (records without any, or coded as null, are skipped)."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    body = raw[raw.index("<Sentences>"):raw.rindex("</Sentences>") + len("</Sentences>")]
    root = ET.fromstring(re.sub(r"<!--.*?-->", "", body, flags=re.S))
    out = []
    for s in root.iter("Sentence"):
        codings = [(c.get("sourcecode") or "", c.get("targetcode") or "", c.get("eventcode") or "")
                   for c in s.findall("EventCoding")]
        codings = [c for c in codings if c[0] and c[2] and c[2].isdigit()]
        text = " ".join((s.findtext("Text") or "").split())
        if codings and text:
            d = s.get("date") or ""
            out.append(Record(s.get("id") or "", text, f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 else "", codings))
    return out


def read_actors(path: Path) -> dict[str, str]:
    """Actor surface (lowercase, spaces) → code, from a PETRARCH actor dictionary."""
    actors: dict[str, str] = {}
    code = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("<"):
            continue
        m = re.match(r"^\+?([^\[]+?)\s*(\[([A-Z0-9]+)[^\]]*\])?\s*$", line)
        if not m:
            continue
        name = m.group(1).strip().rstrip("_").replace("_", " ").lower()
        if m.group(3):
            code = m.group(3)
        if code and name and not line.startswith("["):
            actors.setdefault(name, code)
    return actors


def _entities(text: str, actors: dict[str, str], names: list[str]) -> list[Entity]:
    low = text.lower()
    taken: list[tuple[int, int]] = []
    ents: dict[str, Entity] = {}
    for name in names:
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", low):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            code = actors[name]
            ent = ents.setdefault(code, Entity(id=f"e{len(ents) + 1}", name=name, type="ORG", country=code[:3],
                                                sectors=[code[i:i + 3] for i in range(3, len(code), 3)]))
            ent.mentions.append(Span(start=s, end=e, text=text[s:e]))
    return list(ents.values())


def evaluate(directory: Path = DEFAULT_DIR) -> dict[str, Any]:
    """Run the English coder on every validation record; agreement counts and rates."""
    from lagebild.pipeline import build

    actors = read_actors(directory / "PETR.Validate.actors.txt")
    names = sorted(actors, key=len, reverse=True)
    records = read_records(directory / "PETR.UnitTest.records.xml")
    pipe = build("en", ["lagebild.analyze:make_analyzer", "lagebild.extract.times:make_time_tagger"])
    from lagebild.extract.events import make_event_coder

    coder = make_event_coder("en")
    gold_n = root_hits = code_hits = predicted = 0
    for r in records:
        doc = Document(doc_id=r.id, lang="en", published=r.date or None, text=r.text)
        doc = pipe(doc)
        doc.entities = _entities(r.text, actors, names)
        doc = coder(doc)
        preds = [((e.source.country or "") if e.source else "", (e.target.country or "") if e.target else "", e.cameo)
                 for e in doc.events]
        predicted += len(preds)
        for s, t, c in r.codings:
            gold_n += 1
            dyad = [p for p in preds if p[0] == s[:3] and p[1] == t[:3]]
            if any(p[2][:2] == c[:2] for p in dyad):
                root_hits += 1
            if any(p[2] == c for p in dyad):
                code_hits += 1
    return {"records": len(records), "gold": gold_n, "predicted": predicted,
            "root_agreement": round(root_hits / gold_n, 3) if gold_n else 0.0,
            "code_agreement": round(code_hits / gold_n, 3) if gold_n else 0.0,
            "precision_root": round(root_hits / predicted, 3) if predicted else 0.0}


def main(argv: list[str]) -> int:
    res = evaluate(Path(argv[0]) if argv else DEFAULT_DIR)
    print(" ".join(f"{k}={v}" for k, v in res.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
