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
    converse: bool = False  # the subject receives; the "von/from" phrase names the source ("erhalten")
    refine: tuple[tuple[str, str], ...] = ()
    source: str = "own"  # own | petrarch
    default: bool = False  # a PETRARCH verb's bare default code (no object or preposition pattern matched)
    unless: tuple[str, ...] = ()  # lemmas whose presence rules the entry out ("das Parlament auflösen")
    # the act counts only negated by its own will: not taking part in an election is a boycott
    only_negated: bool = False

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
    participle: bool = False  # a clause-final participle the tagger did not read as a verb


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
    # cue verbs of quotes → the speech act they are (``statements`` in events.yaml)
    statements: list[StatementCue] = field(default_factory=list)
    _cue_sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)
    # nouns are capitalised (German, analyze.yaml): a capital tells nouns from other words, so
    # lemmas keep it; elsewhere they are compared folded
    capitalised_nouns: bool = False
    participle_prefixes: tuple[str, ...] = ()  # a word tagged ADJ with one of them may be a participle
    plural_endings: tuple[str, ...] = ()  # tried in order on nouns the lemmatiser left inflected

    @property
    def casefold(self) -> bool:
        return not self.capitalised_nouns

    def cue(self, name: str) -> frozenset[str]:
        # asked per token on hot paths: each list is turned into a set once
        got = self._cue_sets.get(name)
        if got is None:
            got = self._cue_sets[name] = frozenset(str(x) for x in self.cues.get(name) or ())
        return got

    def _key(self, s: str) -> str:
        return s.casefold() if self.casefold else s

    def triggers(self, toks: list[Token], words: set[str], particle: str | None) -> list[Trigger]:
        """Candidate triggers in a clause (`words`: its lemmas and texts, `particle`: a German
        separated verb particle at the clause end), best first."""
        out: list[Trigger] = []
        for i, t in enumerate(toks):
            lemma = self._key(t.lemma)
            if t.pos in ("VERB", "AUX") or (t.pos == "ADJ" and t.text.startswith(self.participle_prefixes)):
                names = [particle + lemma, lemma] if particle and not lemma.startswith(particle) else [lemma]
                found = False
                for name in names:
                    for e in self.verbs.get(name, ()):
                        if not self._fits(e, words):
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
            elif t.pos in ("ADV", "ADJ") and self._adverbial_participle(toks, i):
                # only material conflict (CAMEO 14-20): "warnend", "dankend", "fordernd" name a manner of
                # speaking, not an act of its own; no `participle` trigger: the clause's finite verb, not a
                # clause-final past participle, decides passive and future
                e = next((e for name in self._present_participle_lemmas(t.text) for e in self.verbs.get(name, ())
                          if not e.with_ and not e.speech and e.code[:2] >= "14" and self._fits(e, words)), None)
                if e is not None:
                    out.append(Trigger(e, i, self._refine(e, words), 1))
            elif t.pos in ("ADV", "ADJ") and self._verb_final(toks, i):
                for name in self._participle_lemmas(t.text, particle):
                    e = next((e for e in self.verbs.get(name, ()) if self._fits(e, words)), None)
                    if e is not None:
                        rank = 0 if e.with_ else (3 if e.speech else 1)
                        out.append(Trigger(e, i, self._refine(e, words), rank, participle=True))
                        break
            elif t.pos == "NOUN" or (t.pos == "PROPN" and (self.capitalised_nouns or not t.text[:1].isupper())):
                # where only names are capitalised, a capitalised proper noun is one ("March", "Summit
                # Street"), not a trigger
                for e in self.nouns.get(lemma, ()) or self.nouns.get(self._key(t.text), ()) or self._plural(t.text) \
                        or self._compound_head(t.text):
                    if not self._fits(e, words):
                        continue
                    out.append(Trigger(e, i, self._refine(e, words), 2))
                    break
        out.sort(key=lambda tr: (tr.rank, tr.index))
        return out

    def _verb_final(self, toks: list[Token], i: int) -> bool:
        """A participle in the verb-final slot of a perfect or passive clause ("haben ihre Beziehungen
        vertieft", "wurde … zensiert") that the tagger read as an adverb or adjective: the clause
        has a perfect/passive auxiliary and only auxiliaries follow the word."""
        aux = self.cue("perfect_aux")
        if not aux or not toks[i].text[:1].islower():
            return False
        if any(t.pos not in ("AUX", "PUNCT") for t in toks[i + 1:]):
            return False
        return any(t.pos == "AUX" and self._key(t.lemma) in aux for t in toks if t is not toks[i])

    def _fits(self, e: Entry, words: set[str]) -> bool:
        """Whether the clause's `words` have what `e` needs (`with`) and nothing that rules it out."""
        return (not e.with_ or _words_match(e.with_, words, self.casefold) is not None) and \
            not (e.unless and _words_match(e.unless, words, self.casefold))

    def _adverbial_participle(self, toks: list[Token], i: int) -> bool:
        """A present participle used as an adverb ("zogen randalierend durch die Stadt"): it reports
        what the clause's subject does. Before a noun or adjective it is attributive and is left out."""
        low = self._key(toks[i].text)
        if not toks[i].text[:1].islower() or not any(low.endswith(str(r[0])) for r in
                                                     self.cues.get("present_participle_endings") or ()):
            return False
        return i + 1 >= len(toks) or toks[i + 1].pos not in ("NOUN", "PROPN", "ADJ")

    def _present_participle_lemmas(self, text: str) -> list[str]:
        """Infinitives a present participle can come from, by `present_participle_endings`."""
        low = self._key(text)
        return [low[:len(low) - len(str(r[0]))] + str(r[1]) for r in self.cues.get("present_participle_endings") or ()
                if low.endswith(str(r[0])) and len(low) > len(str(r[0])) + 3]

    def _participle_lemmas(self, text: str, particle: str | None) -> list[str]:
        """Infinitives a past participle can come from, by the `participle_rules` of events.yaml:
        each rule strips a prefix (and a separable particle before it) and replaces an ending."""
        out: list[str] = []
        low = self._key(text)
        stems = [low]
        for pre in self.participle_prefixes:
            if low.startswith(pre):
                stems.append(low[len(pre):])
            for part in self.cue("particles"):
                if low.startswith(part + pre) and len(low) > len(part + pre) + 2:
                    stems.append(part + low[len(part + pre):])
        for stem in stems:
            for rule in self.cues.get("participle_endings") or ():
                end, inf = str(rule[0]), str(rule[1])
                if stem.endswith(end) and len(stem) > len(end) + 2:
                    out.append(stem[:len(stem) - len(end)] + inf)
        if particle:
            out = [particle + w for w in out] + out
        return list(dict.fromkeys(out))

    def _compound_head(self, text: str) -> list[Entry]:
        # a hyphenated compound names its happening in the last part ("NATO-Bitte", "US-Sanktionen",
        # "UN-Appell"); the first part is its actor, found by the actor layer
        if "-" not in text.strip("-"):
            return []
        head = text.rsplit("-", 1)[1]
        if len(head) < 4 or not head[:1].isupper():
            return []
        return self.nouns.get(self._key(head), []) or self._plural(head)

    def is_event_noun(self, t: Token) -> bool:
        """Whether `t` is a nominal trigger of the lexicon (any of its entries)."""
        return bool(self.nouns.get(self._key(t.lemma)) or self.nouns.get(self._key(t.text)) or self._plural(t.text))

    def _plural(self, text: str) -> list[Entry]:
        # an inflected noun the lemmatiser left alone ("Massenfestnahmen", "Plünderungen", "protests")
        for suffix in self.plural_endings:
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

    def statement_cue(self, names: set[str]) -> StatementCue | None:
        """The first ``statements`` class listing one of a quote cue's (folded) `names`."""
        return next((c for c in self.statements if _words_match(c.cues, names, True)), None)


def _entries(lemma: str, pos: str, spec: Any) -> list[Entry]:
    specs = spec if isinstance(spec, list) else [spec]
    out = []
    for s in specs:
        out.append(Entry(
            lemma=lemma, pos=pos, code=str(s["code"]),
            with_=tuple(str(w) for w in s.get("with") or ()),
            sym=bool(s.get("sym")), host=bool(s.get("host")), speech=bool(s.get("speech")),
            support=bool(s.get("support")), converse=bool(s.get("converse")),
            refine=tuple((str(k), str(v)) for k, v in (s.get("refine") or {}).items()),
            unless=tuple(str(w) for w in s.get("unless") or ()),
            only_negated=bool(s.get("only_negated")),
        ))
    return out


@functools.cache
def load_lexicon(lang: str) -> Lexicon:
    """The compiled lexicon of `lang` (cached; raises FileNotFoundError without events.yaml)."""
    data = langdata.load(lang, "events")
    cues = data.get("cues") or {}
    lex = Lexicon(lang, cues, [(str(t["code"]), tuple(str(w) for w in t["words"])) for t in data.get("tone") or ()],
                  capitalised_nouns=bool(langdata.load(lang, "analyze").get("capitalised_nouns")),
                  participle_prefixes=tuple(str(p) for p in cues.get("participle_prefixes") or ()),
                  plural_endings=tuple(str(e) for e in cues.get("noun_plural_endings") or ()))
    fold = lex.casefold
    for lemma, spec in (data.get("verbs") or {}).items():
        lex.verbs[lemma.casefold() if fold else lemma] = _entries(lemma, "verb", spec)
    for lemma, spec in (data.get("nouns") or {}).items():
        lex.nouns[lemma.casefold() if fold else lemma] = _entries(lemma, "noun", spec)
    if data.get("import") == "petrarch":
        lex.petrarch = cameo.en_petrarch_verbs()
    lex.statements = [StatementCue(str(c["code"]), str(c["name"]), tuple(str(w) for w in c["cues"]),
                                   bool(c.get("addressee")))
                      for c in data.get("statements") or ()]
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


@dataclass(frozen=True, slots=True)
class StatementCue:
    """A class of quote cue verbs: the speech act's code and name, and whether the verb names its
    addressee in the attributing clause ("wirft der EU vor", "urged Iran to", "nannte X einen …")."""

    code: str
    name: str
    cues: tuple[str, ...]
    addressee: bool = False
