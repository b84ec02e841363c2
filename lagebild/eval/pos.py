"""Score the analyze stage's coarse part-of-speech tags on Universal Dependencies CoNLL-U files.

Each sentence's ``# text`` goes through the real analyze stage (SoMaJo tokens, sentence split,
tagger), so tokenisation differences count as they do in production; gold tokens are placed in
that text by their forms and scored where a predicted token has exactly the same character span
(``aligned``; the rest is reported as ``unaligned``, not as errors).

Gold tags are mapped into our coarse set (`lagebild.analyze.POS_TAGS`): SYM → PUNCT, INTJ → X,
a gold VERB whose form is in the language's closed AUX list becomes AUX, because the
analyzer tags modals and be/have/do, sein/haben/werden as AUX whatever their use, and a
possessive PRON (English UD: my, their) whose form is in the closed DET list becomes DET, as
UD German and the analyzer tag possessive determiners. A multiword
token whose parts spell it (did + n't) is scored part by part; one that contracts them
(im = in + dem) is scored as one token with its first part's tag.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_UD_MAP = {"SYM": "PUNCT", "INTJ": "X"}


@dataclass
class GoldToken:
    form: str
    upos: str
    feats: str = "_"


@dataclass
class GoldSentence:
    text: str
    tokens: list[GoldToken]


def read_conllu(path: Path) -> Iterator[GoldSentence]:
    """The sentences of a CoNLL-U file, multiword tokens resolved as the module says."""
    text = ""
    rows: list[list[str]] = []
    with path.open(encoding="utf-8") as fh:
        for line in [*fh, "\n"]:
            line = line.rstrip("\n")
            if not line:
                if rows:
                    yield GoldSentence(text, _tokens(rows))
                text, rows = "", []
            elif line.startswith("# text = "):
                text = line[len("# text = "):]
            elif not line.startswith("#"):
                cols = line.split("\t")
                if len(cols) >= 4 and "." not in cols[0]:  # empty nodes carry no surface
                    rows.append(cols)


def _tokens(rows: list[list[str]]) -> list[GoldToken]:
    out: list[GoldToken] = []
    words = {r[0]: r for r in rows if "-" not in r[0]}
    skip: set[str] = set()
    for r in rows:
        if "-" in r[0]:
            a, b = (int(x) for x in r[0].split("-"))
            parts = [words[str(i)] for i in range(a, b + 1) if str(i) in words]
            skip.update(str(i) for i in range(a, b + 1))
            if "".join(p[1] for p in parts) == r[1]:
                out.extend(GoldToken(p[1], p[3], _feats(p)) for p in parts)
            elif parts:
                out.append(GoldToken(r[1], parts[0][3], _feats(parts[0])))
        elif r[0] not in skip:
            out.append(GoldToken(r[1], r[3], _feats(r)))
    return out


def _feats(row: list[str]) -> str:
    return row[5] if len(row) > 5 else "_"


def _spans(text: str, tokens: list[GoldToken]) -> list[tuple[int, int] | None]:
    spans: list[tuple[int, int] | None] = []
    pos = 0
    for t in tokens:
        i = text.find(t.form, pos)
        if i < 0:
            spans.append(None)
            continue
        spans.append((i, i + len(t.form)))
        pos = i + len(t.form)
    return spans


def lang_of(path: Path) -> str:
    """The language code of a UD file name (``de_gsd-ud-dev.conllu`` → ``de``)."""
    return path.name.split("_", 1)[0]


def evaluate(files: Iterable[Path], lang: str | None = None, top: int = 15) -> dict[str, Any]:
    """UPOS accuracy of the analyzer on `files` (language from each file name unless `lang`)."""
    from lagebild import lang as langdata
    from lagebild.analyze.stage import make_analyzer

    per_file: dict[str, Any] = {}
    total: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    per_tag: dict[str, Counter[str]] = {}
    analyzers: dict[str, Any] = {}
    for path in files:
        code = lang or lang_of(path)
        if code not in analyzers:
            analyzers[code] = make_analyzer(code)
        analyzer = analyzers[code]
        closed = langdata.load(code, "analyze").get("closed", {})
        aux = {str(w).lower() for w in closed.get("AUX", [])}
        det = {str(w).lower() for w in closed.get("DET", [])}
        counts: Counter[str] = Counter()
        for sent in read_conllu(path):
            predicted = {(t.start, t.end): t.pos for s in analyzer.sentences(sent.text) for t in s.tokens}
            for tok, span in zip(sent.tokens, _spans(sent.text, sent.tokens)):
                gold = _UD_MAP.get(tok.upos, tok.upos)
                if gold == "VERB" and tok.form.lower() in aux:
                    gold = "AUX"
                elif gold == "PRON" and "Poss=Yes" in tok.feats and tok.form.lower() in det:
                    gold = "DET"
                counts["tokens"] += 1
                pred = predicted.get(span) if span else None
                if pred is None:
                    counts["unaligned"] += 1
                    continue
                counts["aligned"] += 1
                counts["correct"] += pred == gold
                per_tag.setdefault(gold, Counter())["gold"] += 1
                per_tag.setdefault(pred, Counter())["pred"] += 1
                if pred == gold:
                    per_tag[gold]["tp"] += 1
                else:
                    confusion[(gold, pred)] += 1
        per_file[str(path)] = {**counts, "acc": _ratio(counts["correct"], counts["aligned"]), "lang": code}
        total.update(counts)
    tags: dict[str, dict[str, Any]] = {}
    for tag, c in sorted(per_tag.items()):
        p, r = _ratio(c["tp"], c["pred"]), _ratio(c["tp"], c["gold"])
        # F1 from the counts, not from the rounded p and r
        tags[tag] = {"gold": c["gold"], "p": p, "r": r, "f1": _ratio(2 * c["tp"], c["gold"] + c["pred"])}
    return {
        "acc": _ratio(total["correct"], total["aligned"]),
        "aligned": total["aligned"], "unaligned": total["unaligned"], "tokens": total["tokens"],
        "files": per_file,
        "tags": tags,
        "confusions": [{"gold": g, "pred": p, "n": n} for (g, p), n in confusion.most_common(top)],
    }


def _ratio(a: float, b: float) -> float:
    return round(a / b, 4) if b else 0.0
