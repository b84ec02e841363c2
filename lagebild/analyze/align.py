"""Map tokenizer output back onto the original text: character offsets by a forward scan.

SoMaJo may normalise a token's characters (NFC, some quotes and dashes), drop invisible ones
(soft hyphens, zero-width spaces, BOM) and collapse inner whitespace, so its token strings are
not always substrings of the input. The scan tries an exact match first (nearly every token),
then a character-by-character match that tolerates those changes, and as a last resort gives the
token the next non-blank run of the text, so offsets stay monotonic and the caller can always
take the token's text from the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Characters the tokenizer may drop between or inside tokens.
_INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufe0e\ufe0f"
_SKIP = re.compile(rf"[\s{_INVISIBLE}\x00-\x1f\x7f-\x9f]*")
_SKIPPABLE = re.compile(rf"[\s{_INVISIBLE}\x00-\x1f\x7f-\x9f]")
_NONBLANK = re.compile(r"\S+")

# Characters compared as equal when the exact match fails (typographic variants).
_FOLD = str.maketrans({
    **{c: '"' for c in "„“”‟«»″〃＂"},
    **{c: "'" for c in "‚‘’‛‹›′`´ʼ＇"},
    **{c: "-" for c in "‐‑‒–—―−﹣－"},
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})


def _fuzzy(text: str, tok: str, pos: int, limit: int) -> tuple[int, int] | None:
    """Match `tok` at `pos` allowing folded characters, NFC differences, dropped invisibles and
    whitespace runs; the (start, end) matched, or None."""
    j = pos
    i = 0
    n = len(tok)
    while i < n:
        if j >= limit:
            return None
        c = tok[i]
        t = text[j]
        if c == t or c.translate(_FOLD) == t.translate(_FOLD):
            i += 1
            j += 1
            continue
        if c.isspace():
            while i < n and tok[i].isspace():
                i += 1
            while j < limit and text[j].isspace():
                j += 1
            continue
        # A precomposed character in the token for a base + combining marks in the text.
        k = j + 1
        while k < limit and unicodedata.combining(text[k]):
            k += 1
        if k > j + 1 and unicodedata.normalize("NFC", text[j:k]) == unicodedata.normalize("NFC", c):
            i += 1
            j = k
            continue
        if j > pos and _SKIPPABLE.match(t):
            j += 1
            continue
        return None
    return pos, j


def align(text: str, tokens: Sequence[str], pos: int = 0, limit: int | None = None) -> tuple[list[tuple[int, int]], int]:
    """(start, end) in `text` of each token string, scanning forward from `pos` up to `limit`;
    also the position after the last token. Returns one span per token, never overlapping."""
    end_limit = len(text) if limit is None else limit
    spans: list[tuple[int, int]] = []
    append = spans.append
    skip = _SKIP.match
    startswith = text.startswith
    for tok in tokens:
        pos = skip(text, pos, end_limit).end()
        if startswith(tok, pos):
            end = pos + len(tok)
            append((pos, end))
            pos = end
            continue
        span = _fuzzy(text, tok, pos, end_limit)
        if span is None:
            m = _NONBLANK.match(text, pos, end_limit)
            # Keep the token non-empty and in order even when the text disagrees.
            span = (pos, min(m.end(), pos + max(len(tok), 1)) if m else pos)
        append(span)
        pos = span[1]
    return spans, pos
