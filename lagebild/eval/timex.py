"""Score the TIMEX3 tagger on WikiWarsDE (Strötgen & Gertz 2011), a German TIMEX2 corpus.

WikiWarsDE ships ACE-TERN SGML documents with inline ``<TIMEX2 val=… mod=… anchor_val=…>`` tags
(``keyinline/*.key.xml``). `read_document` strips the tags from the ``<TEXT>`` element and keeps the
character offsets of each TIMEX2 in the plain text; the tagger runs on that plain text with the
document's ``<DATETIME>`` (the download time, 2011-02-16) as DCT.

Scores:

- extraction P/R/F1 with strict (identical offsets) and relaxed (overlapping) span match, each
  gold and each prediction matched at most once;
- ``strict_noprep``: strict after dropping a leading preposition/article from our spans — TIMEX2
  extents leave out "am", "im", "seit" … which the project's TIMEX3 conventions keep;
- value accuracy over the relaxed matches whose TIMEX2 value is comparable to TIMEX3
  (`timex2_to_timex3`). Expressions whose meaning in TIMEX2 lies partly in attributes TIMEX3 does
  not share the same way (MOD, ANCHOR_VAL/ANCHOR_DIR, SET, NON_SPECIFIC), and those without a
  convertible VAL, are left out of the value accuracy and counted under ``excluded`` (by reason).
  ``value_all`` scores every match with a convertible VAL, attributes ignored.
"""

from __future__ import annotations

import re
import tarfile
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_TAG = re.compile(r"<(/?)TIMEX2\b([^>]*)>", re.I)
_ATTR = re.compile(r'([\w-]+)\s*=\s*"([^"]*)"')
_DATE = re.compile(r"(?:BC)?\d{4}(?:-\d\d(?:-\d\d)?)?")
_TIME = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)T(?:\d\d:\d\d(?::\d\d(?:\.\d+)?)?|MO|MI|AF|EV|NI|DT)"
                   r"(?:Z|[+-]\d\d(?::?\d\d)?)?")
_PARTIAL = re.compile(r"(?:BC)?(?:\d{2,4}|X{4})(?:-(?:\d\d|XX|W\d\d|WXX|SP|SU|FA|WI|H[12]|Q[1-4])(?:-(?:\d\d|XX|[1-7]|WE))?)?")
_DURATION = re.compile(r"P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE|ML))+(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?|PT(?:(?:\d+(?:\.\d+)?|X)[HMS])+")
_REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
# words TIMEX2 extents leave out and the project's TIMEX3 spans keep in front of an expression
_LEADING = re.compile(r"(?i)^(?:(?:am|im|vom|von|zum|zur|bis|seit|ab|um|gegen|in|an|nach|vor|für|während|innerhalb|zwischen|"
                      r"binnen|über|dem|den|der|die|des|das|diesem|dieser|ca\.|etwa|rund|knapp|genau|kurz|mehr\s+als)\s+)+")


@dataclass
class Timex2:
    start: int
    end: int
    text: str
    attrs: dict[str, str]

    @property
    def val(self) -> str | None:
        v = self.attrs.get("val")
        return v.strip() if v and v.strip() else None


@dataclass
class WikiWarsDoc:
    doc_id: str
    text: str
    dct: str | None
    timexes: list[Timex2] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# reading


def read_document(raw: str, doc_id: str = "") -> WikiWarsDoc:
    """Plain text of the ``<TEXT>`` element, its TIMEX2 tags with offsets, and the DCT (YYYY-MM-DD)."""
    m = re.search(r"<DOCID>\s*(.*?)\s*</DOCID>", raw, re.S)
    doc_id = m.group(1) if m else doc_id
    dct = None
    m = re.search(r"<DATETIME>(.*?)</DATETIME>", raw, re.S)
    if m:
        d = re.search(r"\d{4}-\d\d-\d\d", m.group(1))
        dct = d.group(0) if d else None
    m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    body = m.group(1) if m else raw
    out: list[str] = []
    pos = 0
    length = 0
    stack: list[tuple[int, dict[str, str]]] = []
    timexes: list[Timex2] = []
    for t in _TAG.finditer(body):
        chunk = body[pos:t.start()]
        out.append(chunk)
        length += len(chunk)
        pos = t.end()
        if t.group(1):
            if stack:
                start, attrs = stack.pop()
                timexes.append(Timex2(start, length, "", attrs))
        else:
            attrs = {k.lower(): v for k, v in _ATTR.findall(t.group(2))}
            stack.append((length, attrs))
    out.append(body[pos:])
    text = "".join(out)
    for tx in timexes:
        tx.text = text[tx.start:tx.end]
        # extents sometimes carry a trailing blank ("Ende des Jahres "): trim like the tagger does
        while tx.end > tx.start and text[tx.end - 1].isspace():
            tx.end -= 1
        while tx.start < tx.end and text[tx.start].isspace():
            tx.start += 1
        tx.text = text[tx.start:tx.end]
    timexes.sort(key=lambda x: (x.start, -x.end))
    return WikiWarsDoc(doc_id, text, dct, timexes)


def corpus_files(root: Path) -> list[Path]:
    """The inline-annotated documents under `root` (``keyinline/*.key.xml``, else any XML/SGML with TIMEX2)."""
    if root.is_file():
        return [root]
    files = sorted(root.rglob("keyinline/*.xml"))
    if not files:
        files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".xml", ".sgm", ".tml")
                       and "<TIMEX2" in p.read_text(encoding="utf-8", errors="replace"))
    return files


def read_corpus(path: Path | str) -> list[WikiWarsDoc]:
    """Documents of WikiWarsDE at `path`: the distribution's tar(.xz) (unpacked to a temporary folder),
    its folder, the ``keyinline`` folder, or one file."""
    path = Path(path)
    if path.is_file() and re.search(r"\.(?:tar(?:\.\w+)?|tgz|txz)$", path.name):
        with tempfile.TemporaryDirectory(prefix="wikiwarsde-") as tmp:
            with tarfile.open(path) as tf:
                tf.extractall(tmp, filter="data")
            return _read_files(corpus_files(Path(tmp)))
    return _read_files(corpus_files(path))


def _read_files(files: Iterable[Path]) -> list[WikiWarsDoc]:
    return [read_document(f.read_text(encoding="utf-8"), f.name.split(".")[0]) for f in files]


# ---------------------------------------------------------------------------------------------
# value conversion


def canonical(value: str | None) -> str | None:
    """A value in the form both sides are compared in: seconds ":00" dropped from clock times."""
    if value is None:
        return None
    v = value.strip()
    v = re.sub(r"(T\d\d:\d\d):00(?:\.0+)?(?=$|[Z+-])", r"\1", v)
    return v


def timex2_to_timex3(val: str | None) -> str | None:
    """The TIMEX3 value of a TIMEX2 VAL, or None where TIMEX3 has no such value.

    Calendar dates, years, months, weeks, seasons, halves/quarters, decades ("196"), centuries ("19"),
    BC years, clock times and parts of day, durations ``P…``, and the ``*_REF`` tokens are written
    the same way in both schemes (TIMEX3 took them over from TIMEX2); clock seconds ":00" are
    dropped. TIMEX2-only forms — the duration unit NI ("P2NI", nights), millennium/decade-only
    oddities, free text — give None.
    """
    if not val:
        return None
    v = val.strip()
    if v in _REFS:
        return v
    if _TIME.fullmatch(v) or _DATE.fullmatch(v) or _PARTIAL.fullmatch(v) or _DURATION.fullmatch(v):
        return canonical(v)
    return None


def comparability(t: Timex2) -> str | None:
    """None when `t`'s value can be compared with a TIMEX3 value; else the reason it cannot."""
    if t.val is None:
        return "no_val"
    if timex2_to_timex3(t.val) is None:
        return "unconvertible"
    a = t.attrs
    if "set" in a:
        return "set"
    if "non_specific" in a:
        return "non_specific"
    if a.get("mod"):
        return "mod"
    if a.get("anchor_val") or a.get("anchor_dir"):
        return "anchor"
    return None


# ---------------------------------------------------------------------------------------------
# scoring


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": n_pred - tp, "fn": n_gold - tp}


def _strip_leading(text: str, start: int, end: int) -> int:
    m = _LEADING.match(text[start:end])
    return start + m.end() if m and start + m.end() < end else start


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]], strict: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index): identical spans, or (relaxed) overlapping ones,
    the larger overlap first."""
    if strict:
        where = {span: i for i, span in enumerate(pred)}
        return [(gi, where[g]) for gi, g in enumerate(gold) if g in where]
    cands = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            ov = min(ge, pe) - max(gs, ps)
            if ov > 0:
                cands.append((-ov, gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def evaluate(docs: list[WikiWarsDoc], use_dct: bool = True, errors: bool = False) -> dict[str, Any]:
    """Scores of the German tagger on `docs` (see the module doc); `errors` adds the mismatches."""
    from lagebild.extract.times import make_time_tagger

    tagger = make_time_tagger("de")
    counts = Counter()
    excluded: Counter[str] = Counter()
    value_ok = value_n = all_ok = all_n = 0
    err: dict[str, list[Any]] = {"missed": [], "spurious": [], "value": []}
    for doc in docs:
        preds = tagger.tag(doc.text, doc.dct if use_dct else None)
        gold = [(t.start, t.end) for t in doc.timexes]
        pspans = [(p.start, p.end) for p in preds]
        trimmed = [(_strip_leading(doc.text, s, e), e) for s, e in pspans]
        counts["gold"] += len(gold)
        counts["pred"] += len(pspans)
        counts["strict"] += len(match(gold, pspans, True))
        counts["strict_noprep"] += len(match(gold, trimmed, True))
        relaxed = match(gold, pspans, False)
        counts["relaxed"] += len(relaxed)
        for gi, pi in relaxed:
            g, p = doc.timexes[gi], preds[pi]
            ours = canonical(p.value)
            conv = timex2_to_timex3(g.val)
            if conv is not None:
                all_n += 1
                all_ok += ours == conv
            why = comparability(g)
            if why:
                excluded[why] += 1
                continue
            value_n += 1
            if ours == conv:
                value_ok += 1
            elif errors:
                err["value"].append({"doc": doc.doc_id, "gold": g.text, "ours": p.text, "val": g.val, "value": p.value,
                                     "context": doc.text[max(0, g.start - 60):g.end + 30].replace("\n", " ")})
        if errors:
            hit_g = {gi for gi, _ in relaxed}
            hit_p = {pi for _, pi in relaxed}
            err["missed"] += [{"doc": doc.doc_id, "text": t.text, "val": t.val, "attrs": t.attrs,
                               "context": doc.text[max(0, t.start - 50):t.end + 30].replace("\n", " ")}
                              for i, t in enumerate(doc.timexes) if i not in hit_g]
            err["spurious"] += [{"doc": doc.doc_id, "text": p.text, "value": p.value, "rule": p.rule,
                                 "context": doc.text[max(0, p.start - 50):p.end + 30].replace("\n", " ")}
                                for i, p in enumerate(preds) if i not in hit_p]
    n_gold, n_pred = counts["gold"], counts["pred"]
    result: dict[str, Any] = {
        "strict": _prf(counts["strict"], n_pred, n_gold),
        "strict_noprep": _prf(counts["strict_noprep"], n_pred, n_gold),
        "relaxed": _prf(counts["relaxed"], n_pred, n_gold),
        "value": {"acc": round(value_ok / value_n, 4) if value_n else 0.0, "n": value_n,
                  "excluded": sum(excluded.values()), "excluded_by": dict(sorted(excluded.items()))},
        "value_all": {"acc": round(all_ok / all_n, 4) if all_n else 0.0, "n": all_n},
        "documents": len(docs), "gold": n_gold, "predicted": n_pred,
        "dct": "document DATETIME" if use_dct else "none",
    }
    if errors:
        result["errors"] = err
    return result
