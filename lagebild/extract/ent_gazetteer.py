"""Gazetteer matching over the knowledge base: every KB surface found in a text, at word boundaries.

One Aho-Corasick automaton per language and KB, built once (`Gazetteer.get`). Surfaces ending in "-" are compound
prefixes ("US-", "chinesisch-") and match the first part of a hyphenated word; the match then covers the whole word
("US-Repräsentantenhauses"). German multi-word names whose first word is an inflected adjective ("Japanisches Meer")
also match with the other adjective endings ("Japanischen Meer").
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import ahocorasick

from lagebild import lang as langdata
from lagebild.kb import cache as _disk
from lagebild.kb.index import KB, Candidate


@dataclass(slots=True)
class Match:
    start: int
    end: int  # end of the whole word for a compound-prefix match
    surface: str
    cands: list[Candidate]
    prefix: bool  # matched as the first part of a hyphenated word
    head: str = ""  # for a prefix match: the rest of the word after the hyphen ("Repräsentantenhauses")


def _adjective_variants(surface: str, endings: tuple[str, ...]) -> list[str]:
    first, sep, rest = surface.partition(" ")
    if not sep or not first[:1].isupper():
        return []
    for end in endings:
        if first.endswith(end) and len(first) > len(end) + 4:
            stem = first[: -len(end)]
            return [f"{stem}{e} {rest}" for e in endings if stem + e != first]
    return []


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class Gazetteer:
    """Finds KB surfaces in text. Use `Gazetteer.get(lang, kb)`; instances are shared and read-only."""

    _cache: ClassVar[dict[tuple[str, str], "Gazetteer"]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, lang: str, kb: KB) -> None:
        self.lang = lang
        self.kb = kb
        # The same table `kb.surfaces(lang)` yields, grouped by surface in sorted order, built without the generator.
        src = kb._surfaces.get(lang, {})
        with _disk.paused_gc():
            table: dict[str, list[Candidate]] = {s: list(src[s]) for s in sorted(src)}
        cfg = langdata.load(lang, "entities")
        # endings of an inflected adjective that starts a name ("Japanisches Meer"), each one the others'
        # variant (none in English); at most one of them ends a word
        endings = tuple(str(e) for e in cfg.get("name_adjective_endings") or ())
        digest = getattr(kb, "file_digest", None)
        data = (endings, cfg.get("foreign_country_names"), cfg.get("genitive_endings"))
        key = f"{lang}|{digest}|{data!r}" if digest else None
        foreign = self._foreign_country_names(lang, kb, table, cfg)
        variants, auto = _disk.cached("gazetteer", key, lambda: self._build(table, foreign, endings))
        for v, surface in variants:
            table[v] = table[surface]
        self.table = table
        self.automaton = auto

    @staticmethod
    def _foreign_country_names(lang: str, kb: KB, table: dict[str, list[Candidate]],
                               cfg: dict[str, Any]) -> list[tuple[str, str]]:
        """News often keeps a country's spelling in another language (German: the English "Hong Kong", genitive
        "Hong Kongs"; ``foreign_country_names`` in entities.yaml): each such name the table lacks, paired with one
        of the country's own surfaces (whose readings it takes)."""
        other = cfg.get("foreign_country_names")
        if not other:
            return []
        genitives = tuple(str(g) for g in cfg.get("genitive_endings") or ())
        out: list[tuple[str, str]] = []
        for co in kb.countries():
            own = [n for n in co.names.get(lang, ()) if n in table and
                   any(c.kind == "country" and (c.country or c.id) == co.alpha3 for c in table[n])]
            if not own:
                continue
            for name in co.names.get(str(other), ()):
                if " " not in name or not all(w[:1].isupper() for w in name.split()):
                    continue  # a one-word English name is mostly the German one or an ordinary word
                for v in (name, *(name + g for g in genitives)):
                    if v not in table:
                        out.append((v, own[0]))
        return out

    @staticmethod
    def _build(table: dict[str, list[Candidate]], foreign: list[tuple[str, str]], endings: tuple[str, ...]
               ) -> tuple[list[tuple[str, str]], ahocorasick.Automaton]:
        """The adjective and foreign-spelling variants to add to `table` (variant, its surface) and the automaton
        over all surfaces."""
        variants: list[tuple[str, str]] = list(foreign)
        if endings:
            seen = set(table) | {v for v, _s in foreign}
            for surface in table:
                for v in _adjective_variants(surface, endings):
                    if v not in seen:
                        seen.add(v)
                        variants.append((v, surface))
        auto = ahocorasick.Automaton()
        for surface in table:
            auto.add_word(surface, surface)
        for v, _surface in variants:
            auto.add_word(v, v)
        auto.make_automaton()
        return variants, auto

    @classmethod
    def get(cls, lang: str, kb: KB) -> "Gazetteer":
        key = (lang, str(kb.path or id(kb)))
        with cls._lock:
            g = cls._cache.get(key)
            if g is None:
                g = cls._cache[key] = cls(lang, kb)
        return g

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches, leftmost-longest, at word boundaries."""
        n = len(text)
        raw: list[Match] = []
        prefix_ends: set[int] = set()
        for end_i, surface in self.automaton.iter(text):
            end = end_i + 1
            start = end - len(surface)
            is_prefix = surface.endswith("-")
            if is_prefix:
                # "US-" must be followed by a letter (the compound's head) and start a word.
                if end >= n or not text[end].isalpha() or (start > 0 and _is_word(text[start - 1])):
                    continue
                w_end = end
                while w_end < n and (_is_word(text[w_end]) or (text[w_end] == "-" and w_end + 1 < n
                                                                  and _is_word(text[w_end + 1]))):
                    w_end += 1
                raw.append(Match(start, w_end, surface, self.table[surface], True, text[end:w_end]))
                prefix_ends.add(end)
                continue
            if end < n and (_is_word(text[end]) or (text[end] == "-" and end + 1 < n and text[end + 1].isalpha())):
                continue
            if start > 0 and _is_word(text[start - 1]):
                continue
            raw.append(Match(start, end, surface, self.table[surface], False))
        # A word after a compound prefix ("chinesisch-russischen") is a match of its own.
        extra = []
        for m in raw:
            if m.prefix and m.head:
                head_start = m.end - len(m.head)
                for h in raw:
                    if h.start == head_start and not h.prefix and h.end == m.end:
                        extra.append(h)
        raw.sort(key=lambda m: (m.start, -(m.end - m.start), m.prefix))
        out: list[Match] = []
        last = -1
        for m in raw:
            if m.start >= last:
                out.append(m)
                last = m.end
        # Compound "chinesisch-russischen": keep the prefix for the first country and add the second word.
        for h in extra:
            if h not in out:
                for m in out:
                    if m.prefix and m.start < h.start < m.end:
                        m.end = h.start - 1
                        m.head = ""
                        out.append(h)
                        break
        out.sort(key=lambda m: m.start)
        return out
