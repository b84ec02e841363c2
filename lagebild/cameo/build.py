"""Build the compact CAMEO tables shipped in the package from the staged third-party data.

``python -m lagebild.cameo.build [SHARED_DATA_DIR]`` reads ``cameo_codes/`` (labels, Goldstein
scale), ``plover/CAMEO2PLOVER-2021.txt`` and ``petrarch2_dictionaries/CAMEO.2.0.txt`` and writes
``lagebild/cameo/tables.json`` (code → label, Goldstein, quad class, PLOVER) and
``lagebild/cameo/en_petrarch_verbs.json`` (English verb lemma → default code, object-noun and
preposition patterns). The inputs stay outside the repository; see ``CARD.md`` for sources and
licences. `build()` is pure (returns the objects) so a test can rebuild and compare.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TABLES = HERE / "tables.json"
EN_VERBS = HERE / "en_petrarch_verbs.json"
DEFAULT_SHARED = HERE.parents[2] / "shared" / "data"


def quad_class(code: str) -> int:
    """GDELT QuadClass of a CAMEO code: 1 verbal coop (01-04), 2 material coop (05-08),
    3 verbal conflict (09-13), 4 material conflict (14-20)."""
    root = int(code[:2])
    return 1 if root <= 4 else 2 if root <= 8 else 3 if root <= 13 else 4


def _read_tsv(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        parts = line.strip().split("\t")
        if len(parts) >= 2 and re.fullmatch(r"\d{2,4}", parts[0]):
            out[parts[0]] = parts[1].strip()
    return out


def _plover(path: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split(",")]
        ptype = fields[0] or None
        mode = fields[1] if len(fields) > 1 and fields[1] else None
        context = [c for c in (fields[2].split() if len(fields) > 2 else []) if c]
        out[m.group(1)] = {"type": ptype, "mode": mode, "context": context}
    return out


def build_tables(data: Path) -> dict[str, Any]:
    labels = _read_tsv(data / "cameo_codes" / "CAMEO.eventcodes.txt")
    gold = _read_tsv(data / "cameo_codes" / "CAMEO.goldsteinscale.txt")
    plover = _plover(data / "plover" / "CAMEO2PLOVER-2021.txt")
    codes: dict[str, Any] = {}
    for code in sorted(set(labels) | set(gold)):
        # PLOVER rows exist for most 3/4-digit codes; a code without one inherits its parent's.
        pl = plover.get(code) or plover.get(code[:3]) or plover.get(code[:2])
        codes[code] = {
            "label": labels.get(code) or labels.get(code[:3]) or "",
            "goldstein": float(gold[code]) if code in gold else None,
            "quad": quad_class(code),
            "plover": pl,
        }
    return {"source": "cameo_codes (GDELT lookups), plover/CAMEO2PLOVER-2021.txt", "codes": codes}


_FUNCTION_WORDS = frozenset(
    "a about after against alongside an as at back before between by during for from if in into of off on "
    "out over the to under up upon with".split())
_SYN = re.compile(r"^\+?([A-Z][A-Z_\-']*)\s*(\{[^}]*\})?\s*(\[([0-9]{2,4})[^\]]*\])?")
_PAT = re.compile(r"^-\s+(.*?)\[([0-9]{2,4}|---)(?::[0-9]{2,4})?\]")


def build_en_verbs(data: Path) -> dict[str, Any]:
    """English verb lexicon from the PETRARCH2 verb dictionary: for every single-word verb,
    its default code and the simplest patterns (verb + object head noun, verb + preposition)."""
    text = (data / "petrarch2_dictionaries" / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace")
    verbs: dict[str, dict[str, Any]] = {}
    block_code: str | None = None
    members: list[str] = []
    in_verbs = False
    for raw in text.splitlines():
        line, _, comment = raw.partition("#")
        line = line.rstrip()
        if "VERB PATTERNS" in raw:
            in_verbs = True
            continue
        if not in_verbs or not line.strip():
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([0-9]{2,4}|---)[^\]]*\]\s+---", line)
        if m:
            block_code = None if m.group(2) == "---" else m.group(2)
            members = []
            continue
        if line.startswith("-"):
            pm = _PAT.match(line)
            if not pm or pm.group(2) == "---":
                continue
            words = pm.group(1).split()
            if "*" not in words:
                continue
            after = words[words.index("*") + 1:]
            if words.index("*") != 0 or not after:
                continue
            first = after[0]
            key: tuple[str, str] | None = None
            if first.startswith("(") and len(after) >= 1:
                prep = first.strip("()").lower()
                if prep.isalpha():
                    key = ("preps", prep)
            elif first.isalpha():
                key = ("objects", first.lower())
            elif first.startswith("{") and first[1:].isalpha():
                # a multi-word noun phrase: its last word is the head
                j = next((k for k, w in enumerate(after) if w.endswith("}")), None)
                if j is not None:
                    head = after[j].strip("{}")
                    if head.isalpha():
                        key = ("objects", head.lower())
            if key and key[0] == "objects" and key[1] in _FUNCTION_WORDS:
                key = ("preps", key[1])
            if key:
                # A pattern was written for the verb its comment names; only when that verb is not
                # in the block does it apply to every member (PETRARCH's own block semantics).
                origin = comment.split()[0].lower() if comment.split() else ""
                for v in ([origin] if origin in members else members):
                    verbs[v].setdefault(key[0], {}).setdefault(key[1], pm.group(2))
            continue
        if line.startswith("&") or line.startswith("+") and "_" in line.split()[0]:
            continue  # synsets and multi-word verbs are not matched on single lemmas
        sm = _SYN.match(line.strip())
        if sm:
            lemma = sm.group(1).lower()
            if not lemma.isalpha():
                continue
            code = sm.group(4) or block_code
            entry = verbs.setdefault(lemma, {})
            if code and "default" not in entry:
                entry["default"] = code
            members.append(lemma)
    verbs = {k: v for k, v in sorted(verbs.items()) if v}
    return {"source": "petrarch2_dictionaries/CAMEO.2.0.txt (MIT, Open Event Data Alliance)", "verbs": verbs}


def build(data: Path = DEFAULT_SHARED) -> tuple[dict[str, Any], dict[str, Any]]:
    return build_tables(data), build_en_verbs(data)


def dumps(obj: dict[str, Any]) -> str:
    """Stable JSON, one code or verb a line, so that a rebuild diffs readably."""
    inner = {k: v for k, v in obj.items() if not isinstance(v, dict)}
    table_key = next(k for k, v in obj.items() if isinstance(v, dict))
    rows = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(',', ':'))}"
            for k, v in sorted(obj[table_key].items())]
    head = json.dumps(inner, ensure_ascii=False, sort_keys=True)[1:-1]
    return "{" + head + ",\n" + json.dumps(table_key) + ": {\n" + ",\n".join(rows) + "\n}}\n"


def main(argv: list[str]) -> int:
    data = Path(argv[0]) if argv else DEFAULT_SHARED
    tables, verbs = build(data)
    TABLES.write_text(dumps(tables), encoding="utf-8")
    EN_VERBS.write_text(dumps(verbs), encoding="utf-8")
    print(f"{len(tables['codes'])} codes, {len(verbs['verbs'])} English verbs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
