"""Blocks of text that no sentence may cross: paragraphs, lines (optionally) and headings.

The tokenizer sees each block separately, so a paragraph break or a heading edge always ends
a sentence whatever the punctuation says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_LINE = re.compile(r"\n\s*")
_EDGE_SPACE = re.compile(r"\S(?:.*\S)?", re.S)


def blocks(text: str, headings: Iterable[tuple[int, int]] = (), *, split_lines: bool = True) -> list[tuple[int, int]]:
    """(start, end) of the non-blank blocks of `text`, in order, trimmed of edge whitespace.

    Blocks end at paragraph breaks (a blank line), at every line break when `split_lines`
    (cleaned news text has no hard wraps, and raw page text puts one block per line), and at
    both edges of each heading span.
    """
    cuts: set[int] = {0, len(text)}
    for m in (_LINE if split_lines else _PARAGRAPH).finditer(text):
        cuts.add(m.start())
        cuts.add(m.end())
    for start, end in headings:
        if 0 <= start < end <= len(text):
            cuts.add(start)
            cuts.add(end)
    out: list[tuple[int, int]] = []
    edges = sorted(cuts)
    for a, b in zip(edges, edges[1:]):
        m = _EDGE_SPACE.search(text, a, b)
        if m:
            out.append((m.start(), m.end()))
    return out
