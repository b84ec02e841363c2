"""Agreement of the English event coder with the coded PETRARCH2 validation sentences.

``python -m lagebild.eval.petrarch [VALIDATION_DIR]`` reads ``PETR.UnitTest.records.xml`` (285
stylised sentences with gold ``EventCoding`` source/target/event codes) and the validation actor
dictionary, marks the dictionary's actors in each sentence as entities, runs the analyze and events
stages and reports how many gold codings are reproduced. Actors are compared on their first three
letters (the country or group code).

The gold event codes come from ``PETR.Validate.verbs.txt``, a KEDS leftover whose codes are mostly
WEIS, not CAMEO ("restore ties" 064, "condemn" 122): comparing every gold code with our CAMEO codes
would measure the distance between two schemes. So the report has
- ``dyad_agreement`` / ``dyad_agreement_undirected``: share of gold codings whose source and target
  (resp. the unordered pair) some predicted event reproduces, whatever its code;
- ``cameo_records`` / ``cameo_gold``: the codings whose gold root is also the root that the CAMEO verb
  dictionary (``CAMEO.2.0.txt`` next to the validation folder) gives one of the sentence's verbs, by
  default or by a pattern whose words the sentence contains, i.e. codes that mean the same in both
  schemes; ``cameo_root_agreement`` (dyad + root) is measured on those codings only;
- ``root_agreement_all``: the root agreement over all codings, mixed schemes, only for comparison.
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
_PARSE_VERB = re.compile(r"\(VB[DGNPZ]?\s+([^()\s]+)\s*\)")


@dataclass
class Record:
    id: str
    text: str
    date: str
    codings: list[tuple[str, str, str]]
    verbs: list[str]


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
            verbs = [v.upper() for v in _PARSE_VERB.findall(s.findtext("Parse") or "")]
            out.append(Record(s.get("id") or "", text, f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 else "",
                              codings, verbs))
    return out


def _forms(word: str) -> set[str]:
    """Regular inflections of an upper-case verb (PETRARCH generates these, only irregulars are listed)."""
    forms = {word, word + "S", word + "ES", word + "ED", word + "D", word + "ING", word + word[-1] + "ED",
             word + word[-1] + "ING"}
    if word.endswith("E"):
        forms.add(word[:-1] + "ING")
    if word.endswith("Y"):
        forms |= {word[:-1] + "IES", word[:-1] + "IED"}
    return forms


def read_cameo_verbs(path: Path) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Verb form → (CAMEO code, words the sentence must contain) pairs from the CAMEO verb dictionary.

    The default code (own or block code) needs no words; a pattern's code needs the pattern's literal
    words ("RESTORE - * {DIPLOMATIC TIES} [050]"), synsets and wildcards are not checked.
    """
    verbs: dict[str, list[tuple[str, frozenset[str]]]] = {}
    block: list[tuple[set[str], str]] = []
    patterns: list[tuple[str, frozenset[str]]] = []

    def flush() -> None:
        for forms, code in block:
            for form in forms:
                verbs.setdefault(form, []).extend(([(code, frozenset())] if code else []) + patterns)

    block_code = ""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].rstrip()
        head = re.match(r"^---\s+\S.*?\[([^\]]*)\]\s*---", line)
        if head:
            flush()
            block_code = head.group(1) if head.group(1).isdigit() else ""
            block, patterns = [], []
            continue
        if line.startswith("-"):
            m = re.search(r"\[([0-9:]+)\]", line)
            words = frozenset(w for w in re.findall(r"[A-Z][A-Z_']*", line[1:line.find("[")]))
            if m and words:
                patterns.extend((c, words) for c in m.group(1).split(":") if c)
            continue
        m = re.match(r"^([A-Z_+']+)\s*(\{([^}]*)\})?\s*(\[([0-9]+)\])?", line)
        if not m:
            continue
        words = [w for w in m.group(1).split("_") if w]
        marked = [w for w in words if w.startswith("+")]
        word = (marked[0] if marked else words[0]).lstrip("+") if words else ""
        if word:
            block.append((_forms(word) | set((m.group(3) or "").split()), m.group(5) or block_code))
    flush()
    return verbs


def cameo_codes(record: Record, verbs: dict[str, list[tuple[str, frozenset[str]]]]) -> set[str]:
    """CAMEO codes the CAMEO verb dictionary gives this sentence's verbs."""
    words = set(re.findall(r"[A-Z']+", record.text.upper()))
    return {code for v in record.verbs for code, need in verbs.get(v, [])
            if all(set(w.split("_")) - {""} <= words for w in need)}


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

    cameo_file = directory.parent / "CAMEO.2.0.txt"
    # without the CAMEO verb dictionary only the dyad measures can be computed
    cameo_verbs = read_cameo_verbs(cameo_file) if cameo_file.exists() else {}
    coder = make_event_coder("en")
    gold_n = root_hits = predicted = dyad_hits = pair_hits = 0
    cameo_n = cameo_root = 0
    cameo_records: set[str] = set()
    for r in records:
        doc = Document(doc_id=r.id, lang="en", published=r.date or None, text=r.text)
        doc = pipe(doc)
        doc.entities = _entities(r.text, actors, names)
        doc = coder(doc)
        preds = [((e.source.country or "") if e.source else "", (e.target.country or "") if e.target else "", e.cameo)
                 for e in doc.events]
        predicted += len(preds)
        sentence_roots = {code[:2] for code in cameo_codes(r, cameo_verbs)}
        for s, t, c in r.codings:
            gold_n += 1
            dyad = [p for p in preds if p[0] == s[:3] and p[1] == t[:3]]
            dyad_hits += bool(dyad)
            pair_hits += any({p[0], p[1]} == {s[:3], t[:3]} for p in preds)
            root_hit = any(p[2][:2] == c[:2] for p in dyad)
            root_hits += root_hit
            if c[:2] in sentence_roots:
                cameo_n += 1
                cameo_records.add(r.id)
                cameo_root += root_hit
    return {"records": len(records), "gold": gold_n, "predicted": predicted,
            "dyad_agreement": _rate(dyad_hits, gold_n),
            "dyad_agreement_undirected": _rate(pair_hits, gold_n),
            "cameo_records": len(cameo_records), "cameo_gold": cameo_n,
            "cameo_root_agreement": _rate(cameo_root, cameo_n),
            "root_agreement_all": _rate(root_hits, gold_n)}


def _rate(hits: int, n: int) -> float:
    return round(hits / n, 3) if n else 0.0


def main(argv: list[str]) -> int:
    res = evaluate(Path(argv[0]) if argv else DEFAULT_DIR)
    print(" ".join(f"{k}={v}" for k, v in res.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
