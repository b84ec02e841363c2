"""The per-language event lexicon (``lagebild/lang/<lang>/events.yaml``) compiled for matching.

Verb, noun and light-verb entries map lemmas to CAMEO codes; English adds the verb patterns
derived from PETRARCH2 (`lagebild.cameo.en_petrarch_verbs`). `Lexicon.triggers` finds the
candidate triggers of a clause, most specific first.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from lagebild import cameo
from lagebild import lang as langdata
from lagebild.analyze import Token


_PLURALS = {"de": ("en", "n", "e", "s"), "en": ("es", "s")}


@dataclass(frozen=True, slots=True)
class Entry:
    lemma: str
    pos: str  # verb | noun
    code: str
    with_: tuple[str, ...] = ()
    sym: bool = False
    host: bool = False
    speech: bool = False
    support: bool = False
    refine: tuple[tuple[str, str], ...] = ()
    source: str = "own"  # own | petrarch
    default: bool = False  # a PETRARCH verb's bare default code (no object or preposition pattern matched)

    @property
    def rule(self) -> str:
        kind = "petrarch" if self.source == "petrarch" else ("light" if self.with_ else self.pos)
        return f"{kind}.{self.lemma.replace(' ', '_')}"


@dataclass(slots=True)
class Trigger:
    entry: Entry
    index: int  # token index in the clause
    code: str
    rank: int  # lower is more specific


def _words_match(patterns: tuple[str, ...], words: set[str], casefold: bool) -> str | None:
    for p in patterns:
        q = p.casefold() if casefold else p
        if q.endswith("*"):
            stem = q[:-1]
            if any(w.startswith(stem) for w in words):
                return p
        elif q in words:
            return p
    return None


@dataclass
class Lexicon:
    lang: str
    cues: dict[str, Any]
    tone: list[tuple[str, tuple[str, ...]]]
    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    petrarch: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def casefold(self) -> bool:
        # German nouns are capitalised and lemmas keep that; English lemmas are compared folded.
        return self.lang != "de"

    def cue(self, name: str) -> frozenset[str]:
        return frozenset(str(x) for x in self.cues.get(name) or ())

    def _key(self, s: str) -> str:
        return s.casefold() if self.casefold else s

    def triggers(self, toks: list[Token], words: set[str], particle: str | None) -> list[Trigger]:
        """Candidate triggers in a clause (`words`: its lemmas and texts, `particle`: a German
        separated verb particle at the clause end), best first."""
        out: list[Trigger] = []
        for i, t in enumerate(toks):
            lemma = self._key(t.lemma)
            if t.pos in ("VERB", "AUX") or (t.pos == "ADJ" and self.lang == "de" and t.text.startswith("ge")):
                names = [particle + lemma, lemma] if particle and not lemma.startswith(particle) else [lemma]
                found = False
                for name in names:
                    for e in self.verbs.get(name, ()):
                        if e.with_ and not _words_match(e.with_, words, self.casefold):
                            continue
                        rank = 0 if e.with_ else (3 if e.speech else 1)
                        out.append(Trigger(e, i, self._refine(e, words), rank))
                        found = True
                        break
                    if found:
                        break
                if not found and self.petrarch and t.pos == "VERB":
                    pt = self._petrarch(lemma, toks, i)
                    if pt is not None:
                        out.append(pt)
            elif t.pos == "NOUN" or (t.pos == "PROPN" and (self.lang == "de" or not t.text[:1].isupper())):
                # an English capitalised proper noun is a name ("March", "Summit Street"), not a trigger
                for e in self.nouns.get(lemma, ()) or self.nouns.get(self._key(t.text), ()) or self._plural(t.text):
                    if e.with_ and not _words_match(e.with_, words, self.casefold):
                        continue
                    out.append(Trigger(e, i, self._refine(e, words), 2))
                    break
        out.sort(key=lambda tr: (tr.rank, tr.index))
        return out

    def is_event_noun(self, t: Token) -> bool:
        """Whether `t` is a nominal trigger of the lexicon (any of its entries)."""
        return bool(self.nouns.get(self._key(t.lemma)) or self.nouns.get(self._key(t.text)) or self._plural(t.text))

    def _plural(self, text: str) -> list[Entry]:
        # an inflected noun the lemmatiser left alone ("Massenfestnahmen", "Plünderungen", "protests")
        for suffix in _PLURALS.get(self.lang, ()):
            if text.endswith(suffix) and len(text) > len(suffix) + 3:
                hit = self.nouns.get(self._key(text[:-len(suffix)]))
                if hit:
                    return hit
        return []

    def _refine(self, e: Entry, words: set[str]) -> str:
        for pat, code in e.refine:
            if _words_match((pat,), words, self.casefold):
                return code
        return e.code

    def _petrarch(self, lemma: str, toks: list[Token], i: int) -> Trigger | None:
        v = self.petrarch.get(lemma)
        if not v:
            return None
        after = toks[i + 1:i + 7]
        if after and f"{lemma} {after[0].lemma.casefold()}" in self.cue("idioms"):
            return None  # "take place", "take part": no interaction
        code = None
        default = False
        if after and v.get("preps"):
            code = v["preps"].get(after[0].lemma.casefold())
        if code is None and v.get("objects"):
            for t in after:
                code = v["objects"].get(t.lemma.casefold()) or v["objects"].get(t.text.casefold())
                if code:
                    break
        if code is None:
            # a verb's bare default is trusted only when it is a specific code: PETRARCH files
            # generic verbs ("lead", "mean", "accord", "want") under the broad 0x0 class codes
            code = v.get("default")
            default = True
            if code and (len(code) == 3 and code.endswith("0")):
                return None
        if not code or not cameo.is_code(code):
            return None
        return Trigger(Entry(lemma, "verb", code, source="petrarch", default=default), i, code, 4)

    def off_topic(self, toks: list[Token]) -> str | None:
        """The domain (``off_topic`` in events.yaml: accident, disaster, sports, science, crime …) one
        of whose cue words occurs among `toks`, else None. A cue ``*word`` matches as a word ending
        (German compounds: "Hubschrauberabsturz"), ``word*`` as a beginning, else the whole word or
        lemma."""
        words = set()
        for t in toks:
            words.add(t.text.casefold())
            words.add(t.lemma.casefold())
        for domain, cues in (self.cues.get("off_topic") or {}).items():
            for c in cues:
                c = str(c).casefold()
                if c.startswith("*") and c.endswith("*"):
                    if any(c[1:-1] in w for w in words):
                        return str(domain)
                elif c.startswith("*"):
                    if any(w.endswith(c[1:]) for w in words):
                        return str(domain)
                elif c.endswith("*"):
                    if any(w.startswith(c[:-1]) for w in words):
                        return str(domain)
                elif c in words:
                    return str(domain)
        return None

    def tone_code(self, words: set[str]) -> str | None:
        for code, pats in self.tone:
            if _words_match(pats, words, self.casefold):
                return code
        return None


def _entries(lemma: str, pos: str, spec: Any) -> list[Entry]:
    specs = spec if isinstance(spec, list) else [spec]
    out = []
    for s in specs:
        out.append(Entry(
            lemma=lemma, pos=pos, code=str(s["code"]),
            with_=tuple(str(w) for w in s.get("with") or ()),
            sym=bool(s.get("sym")), host=bool(s.get("host")), speech=bool(s.get("speech")),
            support=bool(s.get("support")),
            refine=tuple((str(k), str(v)) for k, v in (s.get("refine") or {}).items()),
        ))
    return out


@functools.cache
def load_lexicon(lang: str) -> Lexicon:
    """The compiled lexicon of `lang` (cached; raises FileNotFoundError without events.yaml)."""
    data = langdata.load(lang, "events")
    lex = Lexicon(lang, data.get("cues") or {},
                  [(str(t["code"]), tuple(str(w) for w in t["words"])) for t in data.get("tone") or ()])
    fold = lex.casefold
    for lemma, spec in (data.get("verbs") or {}).items():
        lex.verbs[lemma.casefold() if fold else lemma] = _entries(lemma, "verb", spec)
    for lemma, spec in (data.get("nouns") or {}).items():
        lex.nouns[lemma.casefold() if fold else lemma] = _entries(lemma, "noun", spec)
    if data.get("import") == "petrarch":
        lex.petrarch = cameo.en_petrarch_verbs()
    return lex


def all_codes(lang: str) -> set[str]:
    """Every CAMEO code the lexicon of `lang` can produce (own entries only)."""
    lex = load_lexicon(lang)
    codes: set[str] = set()
    for table in (lex.verbs, lex.nouns):
        for entries in table.values():
            for e in entries:
                codes.add(e.code)
                codes.update(c for _, c in e.refine)
    codes.update(c for c, _ in lex.tone)
    return codes
