"""Quotation-mark spans of a text: which opening mark pairs with which closing one.

Works on characters, not tokens, so quotes that run over sentences and paragraphs pair up. The
pairs come from ``speech.yaml`` (``quote_pairs``); a mark that closes one pair and opens another
(» « or “ in German and English use) closes when an open quote waits for it, else opens.
"""

from __future__ import annotations

from dataclasses import dataclass

# Quotes longer than this are unbalanced marks, not quotations.
_MAX_QUOTE_CHARS = 4000
_APOSTROPHE_LIKE = frozenset("’'‘")


@dataclass(frozen=True, slots=True)
class Marked:
    """One quotation: the opening mark at `open`, the closing one at `close` (character offsets)."""

    open: int
    close: int
    depth: int  # 0 for an outermost quote, 1 for a quote inside it …

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


def find_marked(text: str, pairs: list[list[str]]) -> list[Marked]:
    """All balanced quotations of `text`, outermost and nested, in order of their opening mark.

    A paragraph break inside a quote ends it unless the next paragraph opens with the same mark
    again (the typographic convention for quotes over several paragraphs).
    """
    closes_of: dict[str, set[str]] = {}
    for o, c in pairs:
        closes_of.setdefault(o, set()).add(c)
    closing = {c for _, c in pairs}
    stack: list[tuple[int, str, set[str]]] = []
    out: list[Marked] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n" and stack:
            j = i
            while j < n and text[j].isspace():
                j += 1
            if "\n" in text[i + 1:j] or j >= n:
                # A paragraph break: a continued quote reopens with its own mark.
                if j < n and text[j] == stack[-1][1]:
                    i = j + 1
                    continue
                stack.clear()
            i += 1
            continue
        if stack and ch in stack[-1][2] and not _inside_word(text, i, ch):
            o, _, _ = stack.pop()
            if i - o <= _MAX_QUOTE_CHARS:
                out.append(Marked(o, i, len(stack)))
            i += 1
            continue
        if ch in closes_of and _can_open(text, i, ch, closing):
            stack.append((i, ch, closes_of[ch]))
        i += 1
    out.sort(key=lambda m: m.open)
    return out


def _inside_word(text: str, i: int, ch: str) -> bool:
    """An apostrophe-like mark between letters (don’t, Peter’s) closes nothing."""
    if ch not in _APOSTROPHE_LIKE:
        return False
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def _can_open(text: str, i: int, ch: str, closing: set[str]) -> bool:
    """An opening mark is followed by a word; a mark that also closes must follow a space too."""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if not nxt or nxt.isspace():
        return False
    if ch in closing or ch in _APOSTROPHE_LIKE:
        prev = text[i - 1] if i > 0 else " "
        return prev.isspace() or prev in "([{—–-/" or not prev.isalnum()
    return True
