"""Token features for the CRF tagger: word shape, affixes, context words and knowledge-base hints."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_SHAPE_RE = [(re.compile(r"[A-ZÄÖÜ]"), "X"), (re.compile(r"[a-zäöüß]"), "x"), (re.compile(r"[0-9]"), "d")]


def shape(word: str) -> str:
    """Collapsed word shape (Xxxx → Xx, US-Armee → X-Xx) so rare words share evidence."""
    s = word
    for rx, ch in _SHAPE_RE:
        s = rx.sub(ch, s)
    s = re.sub(r"[^Xxd]", lambda m: m.group(0) if m.group(0) in "-.'&/" else "o", s)
    return re.sub(r"(.)\1+", r"\1", s)


# A hint function maps a word to a short tag ("country", "person", "role" …) or None; it lets the model learn
# that KB words are names without memorising each one.
Hint = Callable[[str], "str | None"]


def sentence_features(words: Sequence[str], hint: Hint | None = None) -> list[list[str]]:
    """One feature list per word (crfsuite item format: 'name=value' strings)."""
    n = len(words)
    low = [w.lower() for w in words]
    shp = [shape(w) for w in words]
    hints = [hint(w) if hint else None for w in words]
    out: list[list[str]] = []
    for i, w in enumerate(words):
        f = ["b", "w=" + low[i], "sh=" + shp[i], "s2=" + low[i][-2:], "s3=" + low[i][-3:], "s4=" + low[i][-4:],
             "p3=" + low[i][:3]]
        if w[:1].isupper():
            f.append("cap")
            if i == 0:
                f.append("cap0")
        if w.isupper() and len(w) > 1:
            f.append("upper")
        if "-" in w:
            f.append("hyph")
            f.append("hw0=" + low[i].split("-")[0])
            f.append("hw1=" + low[i].rsplit("-", 1)[-1])
        if hints[i]:
            f.append("kb=" + hints[i])
        if i == 0:
            f.append("BOS")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"w{d}=" + low[j])
                f.append(f"sh{d}=" + shp[j])
                if hints[j]:
                    f.append(f"kb{d}=" + hints[j])
            elif abs(d) == 1:
                f.append(f"w{d}=<s>")
        if i + 1 < n:
            f.append("bg+=" + low[i] + "|" + low[i + 1])
        if i > 0:
            f.append("bg-=" + low[i - 1] + "|" + low[i])
        out.append(f)
    return out
