"""Token features for the CRF tagger: word shape, affixes, context words and knowledge-base hints."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_SHAPE_RE = [(re.compile(r"[A-ZÄÖÜ]"), "X"), (re.compile(r"[a-zäöüß]"), "x"), (re.compile(r"[0-9]"), "d")]
# Tokens after which a capital letter says nothing (sentence or quote start, list item, colon).
_OPENERS = frozenset({".", ":", "!", "?", "\"", "„", "“", "»", "«", "(", "-", "–", "—", ";", "'", "‚", "‘"})


def shape(word: str) -> str:
    """Collapsed word shape (Xxxx → Xx, US-Armee → X-Xx) so rare words share evidence."""
    s = word
    for rx, ch in _SHAPE_RE:
        s = rx.sub(ch, s)
    s = re.sub(r"[^Xxd]", lambda m: m.group(0) if m.group(0) in "-.'&/" else "o", s)
    return re.sub(r"(.)\1+", r"\1", s)


def _cap_kind(words: Sequence[str], i: int) -> str:
    """'c' capitalised in running text, 'c0' capitalised where any word is (sentence/quote start), 'l' lower, 'n' other."""
    w = words[i]
    if not w[:1].isalpha():
        return "n"
    if not w[:1].isupper():
        return "l"
    return "c0" if i == 0 or words[i - 1] in _OPENERS else "c"


# A hint function maps a word to short tags ("country", "person.B" …, several joined by "|") or None; it lets the
# model learn that KB words are names without memorising each one.
Hint = Callable[[str], "str | None"]


def sentence_features(words: Sequence[str], hint: Hint | None = None) -> list[list[str]]:
    """One feature list per word (crfsuite item format: 'name=value' strings)."""
    n = len(words)
    low = [w.lower() for w in words]
    shp = [shape(w) for w in words]
    cap = [_cap_kind(words, i) for i in range(n)]
    hints = [(hint(w) or "").split("|") if hint else [""] for w in words]
    out: list[list[str]] = []
    for i, w in enumerate(words):
        lw = low[i]
        f = ["b", "w=" + lw, "sh=" + shp[i], "s1=" + lw[-1:], "s2=" + lw[-2:], "s3=" + lw[-3:], "s4=" + lw[-4:],
             "p2=" + lw[:2], "p3=" + lw[:3], "p4=" + lw[:4], "cp=" + cap[i], "len=" + str(min(len(w), 8))]
        if w[:1].isupper():
            f.append("cap")
            if i == 0:
                f.append("cap0")
        if w.isupper() and len(w) > 1:
            f.append("upper")
        if any(ch.isdigit() for ch in w):
            f.append("digit")
        if "-" in w:
            f.append("hyph")
            f.append("hw0=" + lw.split("-")[0])
            f.append("hw1=" + lw.rsplit("-", 1)[-1])
        f.extend("kb=" + h for h in hints[i] if h)
        if i == 0:
            f.append("BOS")
        if i == n - 1:
            f.append("EOS")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"w{d}=" + low[j])
                f.append(f"sh{d}=" + shp[j])
                f.append(f"cp{d}=" + cap[j])
                f.extend(f"kb{d}=" + h for h in hints[j] if h)
                if abs(d) == 1:
                    f.append(f"s3{d}=" + low[j][-3:])
            elif abs(d) == 1:
                f.append(f"w{d}=<s>")
        for d in (-3, 3):
            if 0 <= i + d < n:
                f.append(f"w{d}=" + low[i + d])
        if i + 1 < n:
            f.append("bg+=" + lw + "|" + low[i + 1])
            f.append("cc+=" + cap[i] + "|" + cap[i + 1])
        if i > 0:
            f.append("bg-=" + low[i - 1] + "|" + lw)
            f.append("cc-=" + cap[i - 1] + "|" + cap[i])
        if 0 < i < n - 1:
            f.append("sh3=" + shp[i - 1] + "|" + shp[i] + "|" + shp[i + 1])
        out.append(f)
    return out
