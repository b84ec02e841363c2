"""The "entities" stage: actors and places named in an article, resolved to who-was-what-when.

Recognition: gazetteer matches over the knowledge base (`ent_gazetteer`), role phrases ("der chinesische
Verteidigungsminister", "Präsident Chávez"), country + institution phrases ("iranische Marine"), and a CRF model
(`lagebild.ner`) for names the KB does not know. Resolution: each mention becomes an `Entity` with country, org,
sectors, role and kb_id; a role phrase without a name resolves to the holder of that office on the article date;
surnames link back to the full name within the document. City mentions are left in
``doc.layers["place_mentions"]`` for the "places" stage (`lagebild.extract.places`), except capitals that act as
governments ("Peking kritisierte …"), which become GPE entities.
"""
from __future__ import annotations

import functools
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from lagebild import lang as langdata
from lagebild.analyze.model import Token
from lagebild.doc import Document, Entity, Span
from lagebild.extract.ent_gazetteer import Gazetteer, Match
from lagebild.kb.index import KB, Candidate, Role

# The article's most-mentioned country is not evidence of a person's or organisation's nationality (media,
# international bodies, foreign officials): without a cue of its own an actor keeps country null.
_FALLBACK_MAIN = os.environ.get("LAGEBILD_ENT_MAIN_FALLBACK", "1") == "1"
# ... but only when that country dominates the article (at least half of all country evidence). In an article about
# several countries an actor without a cue keeps country null: a wrong country costs more than a missing one.
_FALLBACK_ANY = os.environ.get("LAGEBILD_ENT_MAIN_ANY", "0") == "1"
# Roles of private persons ("a student from Cameroon", "Einwohner aus …"): the place after them is where the person
# is from. Any other role ("Botschafter in Russland", "the spokesman in Geneva") is posted there.
_PRIVATE_SECTORS = frozenset({"CVL", "EDU", "REF", "LAB", "AGR", "HLH"})
_OPEN_QUOTES = {"„", "“", "\"", "»", "«", "‚", "'", "‘"}
_NAME_TOKEN = re.compile(r"^[A-ZÄÖÜÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛŁŚŻŹĆŃŠŽČŘĐÇ][\w'’.-]*$")


def load_kb() -> KB:
    """The KB named by env LAGEBILD_KB (a user-built index), else the shipped one."""
    env = os.environ.get("LAGEBILD_KB")
    return KB.load(Path(env) if env else None)


@dataclass
class _Ent:
    """An entity while the document is being read."""

    key: str
    name: str
    type: str
    kb_id: str | None = None
    country: str | None = None
    org: str | None = None
    sectors: list[str] = field(default_factory=list)
    role: str | None = None
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)
    rule: str = ""
    first: int = 10**9
    explicit_country: bool = False
    bare: set[tuple[int, int]] = field(default_factory=set)  # mentions that are only a demonym ("Greek", "russische")
    desc_cue: Candidate | None = None  # a descriptive body in the person's role phrase ("Congress President X")

    def add(self, start: int, end: int, text: str) -> None:
        self.mentions[(start, end)] = text
        self.first = min(self.first, start)


@dataclass(slots=True)
class PlaceMention:
    """A place-like mention for the "places" stage: its span and the KB readings, best first."""

    start: int
    end: int
    text: str
    cands: list[Candidate]
    rule: str


class EntityRecognizer:
    """The "entities" stage of one language; holds the KB, the automaton, the patterns and the NER model."""

    name = "entities"
    # Per-word memo of `_noun_class` per fixed table, set up in __init__ (empty here: no memo, plain lookups).
    _nc_cache: dict[int, tuple[Any, dict[str, str | None], tuple[dict[str, int], tuple[int, ...]]]] = {}

    def __init__(self, lang: str, kb: KB | None = None, use_ner: bool = True) -> None:
        self.lang = lang
        self.kb = kb or load_kb()
        cfg: dict[str, Any] = langdata.load(lang, "entities")
        self.gaz = Gazetteer.get(lang, self.kb)
        self.state_nouns = tuple(cfg.get("state_nouns", []))
        self.institutions: dict[str, list[str]] = {k.lower(): v for k, v in (cfg.get("institutions") or {}).items()}
        self.org_roles: dict[str, list[str]] = {k.lower(): v for k, v in (cfg.get("org_roles") or {}).items()}
        self.suffixes = tuple(cfg.get("suffixes", [""]))
        self.modifiers = {w.lower() for w in cfg.get("role_modifiers", [])}
        self.portfolio_max = int(cfg.get("role_portfolio_max", 0))
        self.genitive_endings = tuple(str(x) for x in cfg.get("genitive_endings") or ())
        self.possessive_clitics = frozenset(str(x) for x in cfg.get("possessive_clitics") or ())
        # where nouns are capitalised (analyze.yaml) a capital tells a noun, elsewhere a name
        self.capitalised_nouns = bool(langdata.load(lang, "analyze").get("capitalised_nouns"))
        # a name may be known to the KB in any language, its own first
        self.kb_langs = tuple(dict.fromkeys((lang, *langdata.languages())))
        self.closed_compounds = bool(cfg.get("closed_compounds"))
        self.capitalised_demonyms = bool(cfg.get("capitalised_demonyms"))
        self.facility_head_first = bool(cfg.get("facility_head_first"))
        self.qualifier_endings = tuple(str(x) for x in cfg.get("qualifier_endings") or ())
        self.bare_institution_endings = tuple(str(x) for x in cfg.get("bare_institution_endings") or ())
        self.body_role_endings = tuple(str(x) for x in cfg.get("body_role_endings") or ())
        # a surname's genitive in running text: an ending or a clitic ("Merkels Rede", "Johnson's speech")
        self.name_genitive = "(?:" + "|".join(re.escape(x) for x in (*self.genitive_endings, *sorted(self.possessive_clitics))) + ")?"
        self.name_connectors = frozenset(str(x) for x in cfg.get("name_connectors") or ())
        self.affiliation_words = frozenset(str(x) for x in cfg.get("affiliation_words") or ())
        self.copulas = frozenset(str(x) for x in cfg.get("copulas") or ())
        self.indefinite_articles = frozenset(str(x) for x in cfg.get("indefinite_articles") or ())
        self.linking_endings = tuple(str(x) for x in cfg.get("compound_linking_endings") or ())
        self.title_name_links = frozenset(str(x) for x in cfg.get("title_name_links") or ())
        self.title_articles = frozenset(str(x) for x in cfg.get("title_articles") or ())
        self.org_head_links = frozenset(str(x) for x in cfg.get("org_head_links") or ())
        self.of_words = set(cfg.get("of_words", []))
        self.and_words = set(cfg.get("and_words", []))
        self.in_words = set(cfg.get("in_words", []))
        self.origin_words = {w.lower() for w in cfg.get("origin_words") or []}
        self.particles = set(cfg.get("name_particles", []))
        self.place_prefixes = set(cfg.get("place_prefixes", []))
        self.organ_country_names = frozenset(cfg.get("organ_country_names", []))
        self.not_names = set(cfg.get("not_names", []))
        self.stop_cities = set(cfg.get("stop_cities", []))
        self.determiners = {w.lower() for w in cfg.get("determiners", [])}
        self.articles = {w.lower() for w in cfg.get("articles", [])} | self.determiners
        self.apposition_heads = {w.lower() for w in cfg.get("apposition_heads") or []}
        self.territory_nouns = {w.lower() for w in cfg.get("territory_nouns") or []}
        self.bare_institutions = set(cfg.get("bare_institutions", []))
        self.capitals = {c.capital: c.alpha3 for c in self.kb.countries() if c.capital}
        # Named events: (noun, qualifiers, whose) groups, longest nouns first so that compounds find their head.
        alone = bool(cfg.get("event_qualifier_alone", True))
        self.event_groups: list[tuple[tuple[str, ...], frozenset[str], str, bool, bool]] = [
            (tuple(sorted((n.lower() for n in g.get("nouns", [])), key=lambda n: (-len(n), n))),
             frozenset(q.lower() for q in g.get("qualifiers") or []), g.get("whose", "none"), bool(g.get("capitalized")),
             bool(g.get("qualifier_alone", alone)))
            for g in cfg.get("named_events") or []]
        self.event_ordinals = tuple(cfg.get("event_ordinals") or [])
        self.function_words = set(cfg.get("function_words") or [])
        self.facility_heads = set(cfg.get("facility_heads") or [])
        self.not_orgs = set(cfg.get("not_orgs") or [])
        # Title-case fallback (English): organisation head nouns and first names (coref data + extra list).
        self.org_heads = set(cfg.get("org_heads") or [])
        self.org_heads_first = set(cfg.get("org_heads_first") or [])
        self.nationality_nouns = set(cfg.get("nationality_nouns") or [])
        cref: dict[str, Any] = langdata.load(lang, "coref") or {}
        names: dict[str, Any] = cref.get("first_names") or {}
        if cref.get("first_names_from"):
            names = langdata.load(str(cref["first_names_from"]), "coref").get("first_names") or {}
        self.first_names = frozenset(str(n).lower() for v in names.values() for n in v or []) | \
            frozenset(str(n).lower() for n in cfg.get("first_names_extra") or [])
        self.ner = None
        if use_ner:
            from lagebild.ner import NerModel

            self.ner = NerModel.load(lang)
        self._memo_tables()

    # ------------------------------------------------------------ word classes

    def _noun_class(self, word: str, table: tuple[str, ...] | dict[str, list[str]]) -> str | None:
        """The entry of `table` that `word` is (an inflected form of, or a compound ending in)."""
        # Hot path (called for most tokens of every sentence): the three fixed tables get a per-word memo.
        cache = self._nc_cache.get(id(table))
        if cache is None or cache[0] is not table:
            return self._noun_class_uncached(word, table)
        memo = cache[1]
        try:
            return memo[word]
        except KeyError:
            pass
        if len(memo) >= 200_000:  # bound memory in long-lived workers
            memo.clear()
        found = memo[word] = self._noun_class_uncached(word, table, cache[2])
        return found

    def _noun_class_uncached(self, word: str, table: tuple[str, ...] | dict[str, list[str]],
                             compounds: tuple[dict[str, int], tuple[int, ...]] | None = None) -> str | None:
        """`_noun_class` without the memo. `compounds`: the table's keys of 5+ characters by key (→ position in
        table order) and their distinct lengths, longest first, so that compound heads are found by dict lookups of
        the stem's endings; among several heads that match, the first in table order wins, as in a plain scan."""
        w = word.lower()
        for suf in self.suffixes:
            if suf and not w.endswith(suf):
                continue
            stem = w[: len(w) - len(suf)] if suf else w
            if stem in table:
                return stem
            if self.closed_compounds:
                if compounds is None:
                    for key in table:
                        if len(key) >= 5 and stem.endswith(key) and len(stem) - len(key) >= 3:
                            return key
                    continue
                keys, lengths = compounds
                best: str | None = None
                best_pos = -1
                limit = len(stem) - 3
                for n in lengths:
                    if n > limit:
                        continue
                    pos = keys.get(stem[-n:])
                    if pos is not None and (best is None or pos < best_pos):
                        best, best_pos = stem[-n:], pos
                if best is not None:
                    return best
        return None

    def _memo_tables(self) -> None:
        """Set up the per-word memo of `_noun_class` for the fixed tables (org roles, institutions, state nouns)."""
        self._nc_cache = {}
        for table in (self.org_roles, self.institutions, self.state_nouns):
            keys: dict[str, int] = {}
            for pos, key in enumerate(table):
                if len(key) >= 5 and key not in keys:
                    keys[key] = pos
            lengths = tuple(sorted({len(k) for k in keys}, reverse=True))
            self._nc_cache[id(table)] = (table, {}, (keys, lengths))

    def _bare_institution(self, word: str) -> str | None:
        """The institution a capitalised singular noun names ("Verfassungsgericht", "Militärs"), else None."""
        if not word[:1].isupper():
            return None
        w = word.lower()
        for suf in self.bare_institution_endings:
            if suf and not w.endswith(suf):
                continue
            stem = w[: len(w) - len(suf)] if suf else w
            inst = stem if stem in self.institutions else None
            if inst is None:
                inst = next((k for k in self.institutions if len(k) >= 5 and " " not in k and stem.endswith(k)
                             and len(stem) - len(k) >= 3), None)
            if inst is not None and inst in self.bare_institutions:
                return inst
        return None

    def _role(self, tokens: list[Token], i: int) -> tuple[Role, int] | None:
        """A role noun starting at token i (English roles may span words): (role, end token index)."""
        for n in (3, 2, 1):
            if i + n > len(tokens):
                continue
            words = " ".join(t.text for t in tokens[i:i + n])
            if n == 1 and not words[:1].isalpha():
                return None
            r = self.kb.role(self.lang, words)
            if r is not None:
                return r, i + n
        return None

    def _is_person_role(self, role: Role, word: str) -> bool:
        return (self._noun_class(word, self.org_roles) is None and self._noun_class(word, self.institutions) is None and self._noun_class(word, self.state_nouns) is None
                and role.lemma.lower() not in self.institutions and role.lemma.lower() not in self.state_nouns
                and not role.lemma.lower().endswith(self.body_role_endings))

    # ------------------------------------------------------------ the stage

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        sentences = doc.layers.get("sentences") or []
        tokens: list[Token] = [t for s in sentences for t in s.tokens]
        on = _doc_date(doc)
        ents: dict[str, _Ent] = {}
        covered: list[tuple[int, int]] = []
        place_mentions: list[PlaceMention] = []
        tok_at = {t.start: i for i, t in enumerate(tokens)}
        tok_end = {t.end: i for i, t in enumerate(tokens)}

        def ent(key: str, **kw: Any) -> _Ent:
            e = ents.get(key)
            if e is None:
                e = ents[key] = _Ent(key=key, **kw)
            return e

        matches = [m for m in self.gaz.find(text) if self._keep(m, text)]
        match_at = {m.start: m for m in matches}
        match_end = {m.end: m for m in matches}
        country_of_match: dict[int, str] = {}
        for m in matches:
            c = m.cands[0]
            if c.kind in ("country", "demonym"):
                country_of_match[m.start] = c.country or c.id

        # NER labels first: they tell role phrases where a following name ends.
        # Per-document state lives in locals and doc.layers, never on the (shared) stage object.
        ner_spans: dict[int, list[tuple[int, int, str]]] = {}
        ner_tok: set[int] = set()
        if self.ner is not None:
            for s in sentences:
                if s.tokens:
                    sp = self.ner.spans([t.text for t in s.tokens])
                    ner_spans[s.start] = sp
                    for a, b, _ in sp:
                        ner_tok.update(s.tokens[x].start for x in range(a, b))
        doc.layers["ner_spans"] = ner_spans
        # 1. Role phrases: [country cue] [modifiers] ROLE [Name] | ROLE of/des COUNTRY.
        used_tokens: set[int] = set()
        role_cues: list[Match] = []  # country names inside role phrases ("president of Russia")
        for s in sentences:
            toks = s.tokens
            base = tok_at.get(toks[0].start, 0) if toks else 0
            for j in range(len(toks)):
                hit = self._role_phrase(text, toks, j, match_at, match_end, on, ents, ent, covered, ner_tok,
                                        role_cues)
                if hit:
                    used_tokens.update(range(base + hit[0], base + hit[1]))

        # 2. Gazetteer matches.
        for m in matches:
            if any(a <= m.start < b for a, b in covered):
                continue
            if m.cands[0].kind in ("org", "person") and _credit_before(text, m.start):
                continue  # photo credit ("Image: Voice of America"), not an actor of the story
            self._gazetteer_entity(doc, tokens, tok_at, tok_end, m, match_at, match_end, ent, place_mentions, covered)

        # 2a. "president of Russia", "Russlands Präsident": the country a role phrase names is an entity too, when
        #     the article names it nowhere else (the phrase itself is the person's mention).
        for m in role_cues:
            c = m.cands[0]
            code = c.country or c.id
            co = self.kb.country(c.id)
            key = "kb:" + (c.id if co is not None and co.successor else code)
            if key not in ents:
                e = ent(key, name=co.name if co else c.name, type="GPE", country=code,
                        rule=f"{self.lang}.role.country")
                e.add(m.start, m.end, text[m.start:m.end])

        # 2b. "das Verfassungsgericht", "die Wahlkommission": a national institution by its generic noun alone
        #     belongs to the country the article is about (resolved below, once that country is known).
        bare_inst: list[_Ent] = []
        for i, t in enumerate(tokens):
            if i == 0 or tokens[i - 1].text.lower() not in self.determiners:
                continue
            if any(a <= t.start < b for a, b in covered) or t.start in match_at:
                continue
            inst = self._bare_institution(t.text)
            if inst is None:
                continue
            e = ent(f"inst:?:{inst}", name=t.text, type="ORG", sectors=list(self.institutions[inst]),
                    rule=f"{self.lang}.institution.bare")
            e.add(t.start, t.end, t.text)
            covered.append((t.start, t.end))
            bare_inst.append(e)

        # 2c. Named events: "Dumawahl", "BRICS-Gipfel", "Belarusian presidential election", "Olympische Spiele".
        events_main = self._named_events(text, sentences, match_at, match_end, covered, ent) if self.event_groups else []

        # 3. Names the KB does not know (CRF), then surname links.
        if self.ner is not None:
            self._ner(doc, sentences, covered, ent, place_mentions, match_at, ner_spans)
        if self.org_heads or self.first_names and not self.capitalised_nouns:
            self._title_names(text, sentences, covered, ents, ent, place_mentions, matches)
        self._link_surnames(text, tokens, ents, covered)
        self._one_sense(text, tok_at, ents, covered, matches, place_mentions)

        # Actors without a country of their own belong, most likely, to the country the article is about.
        # Every mention of a country, and of an actor of a country (persons, institutions), is evidence of it.
        # A mention in the headline counts thrice: the headline says what the article is about.
        head_end = len(doc.title) if doc.title and text.startswith(doc.title) else 0
        countries = Counter(e.country for e in ents.values() if e.country and e.type in ("GPE", "PER", "ORG")
                            and not e.key.startswith(("inst:?", "desc:?"))
                            for a, _b in e.mentions for _ in range(3 if a < head_end else 1))
        # The text's names of countries decide between them; actors of a country (an armed group abroad, a foreign
        # minister) only break a tie, as in the event stage's default country.
        named = Counter(e.country for e in ents.values() if e.country and e.type == "GPE"
                        for a, _b in e.mentions for _ in range(3 if a < head_end else 1))
        main = max(countries, key=lambda c: (named[c], countries[c])) if countries else None
        for e in bare_inst:
            e.country = main
            if main is None:
                e.mentions = {}  # no country to belong to: "das Parlament" alone is not an entity
        self._resolve_descriptive(ents, main)
        for e in ents.values():
            if e.desc_cue is not None and e.country is None:
                # the listed body when the article is about its country (or no country), else the article's own
                e.country = e.desc_cue.country if main is None or e.desc_cue.country == main else main
        # The article is about one country when it has at least half the evidence or twice the runner-up's.
        # Measured on the evidence that chose it: the names of countries, else all of it.
        basis = named if named[main] else countries
        rival = max((n for c, n in basis.items() if c != main), default=0)
        dominant = main is not None and (basis[main] * 2 >= sum(basis.values()) or basis[main] >= 2 * rival)
        for e in events_main:
            e.country = e.country or main  # an election or civil war of the article's country
        out: list[Entity] = []
        for e in sorted(ents.values(), key=lambda e: e.first):
            if not e.mentions:
                continue
            if e.type == "GPE" and all(k in e.bare for k in e.mentions):
                # "Greek Orthodox", "russische Kampfjets": an adjective alone names no actor (GUIDELINES).
                continue
            if e.country is None and e.org is None and e.type in ("PER", "ORG") and \
                    e.rule.split(".")[1] in ("ner", "role", "orgrole"):
                e.country, e.org = self._context_actor(text, e, matches, tokens, tok_at)
                if e.country is None and e.org is None and e.type == "PER":
                    e.country, e.org = self._known_holder(e)
                found = set() if e.country or e.org else self._text_countries(e, matches, tokens, tok_at)
                if len(found) == 1:
                    e.country = found.pop()
                if e.country is None and e.org is None and main and _FALLBACK_MAIN and not found and (
                        _FALLBACK_ANY or e.type != "PER" or e.role or dominant):
                    e.country = main
            spans = [Span(start=a, end=b, text=t) for (a, b), t in sorted(e.mentions.items())]
            out.append(Entity(id=f"e{len(out) + 1}", name=e.name, type=e.type, kb_id=e.kb_id, country=e.country,
                              org=e.org, sectors=list(dict.fromkeys(e.sectors)), role=e.role, mentions=spans,
                              rule=e.rule))
        doc.entities = out
        doc.layers["place_mentions"] = place_mentions
        # The country the article is mostly about, when one clearly dominates: the places stage reads it.
        total = sum(countries.values())
        doc.layers["main_country"] = main if main and countries[main] * 2 >= total else None
        return doc

    # ------------------------------------------------------------ pieces

    def _event_heads(self, word: str) -> list[tuple[int, str, str]]:
        """Every (group index, noun, compound first part) that makes `word` an event noun or a compound ending in one
        ("Weltkriegs" → krieg/welt in each group listing krieg)."""
        w = word.lower()
        out: list[tuple[int, str, str]] = []
        for suf in self.suffixes:
            if suf and not w.endswith(suf):
                continue
            stem = w[: len(w) - len(suf)] if suf else w
            for gi, (nouns, _q, _w, _c, _a) in enumerate(self.event_groups):
                for n in nouns:
                    if stem == n:
                        out.append((gi, n, ""))
                        break
                    if self.closed_compounds and stem.endswith(n) and len(stem) - len(n) >= 3:
                        out.append((gi, n, stem[: len(stem) - len(n)]))
                        break
        return out

    def _qualifier(self, word: str, quals: frozenset[str]) -> bool:
        """A compound first part or adjective of `quals` ("Präsidentschafts", "olympischen", "presidential")."""
        w = word.lower().rstrip("-")
        if w in quals:
            return True
        for end in self.qualifier_endings:
            if w.endswith(end) and w[: -len(end)] in quals:
                return True
        return False

    def _event_at(self, text: str, toks: list[Token], i: int, pre: str, gi: int, noun: str, first: str,
                  match_at: dict[int, Match], match_end: dict[int, Match]
                  ) -> tuple[int, int, str | None, str | None, list[str]] | None:
        """Token span [a, b] (inclusive), country, org and key words of a named event whose noun is token i."""
        tok = toks[i]
        _nouns, quals, _whose, capitalized, qualifier_alone = self.event_groups[gi]
        if capitalized and not tok.text[:1].isupper():
            return None
        qualified = False
        evidence = named = False
        country: str | None = None
        org: str | None = None
        core = [first + noun]
        if first:
            if self._qualifier(first, quals):
                evidence = qualified = True
            elif (act := self._modifier_actor(first)) is not None:
                evidence, named, (country, org) = True, True, act
        if pre:
            m = match_at.get(tok.start)
            if m is not None and m.prefix and m.cands[0].kind in ("country", "demonym", "org"):
                evidence = named = True
                country, org = _actor_of(m.cands[0])
            elif self._qualifier(pre, quals):
                evidence = qualified = True
            elif pre[:1].isupper() and pre.lower() not in self.determiners:
                evidence = named = True  # "Brexit-Referendum": a name before the hyphen
            core.insert(0, pre.lower())
        # modifiers on the left
        a = i
        j = i - 1
        proper_used = False
        while j >= 0:
            t = toks[j]
            m = match_end.get(t.end)
            if m is not None and m.cands[0].kind == "person":
                break
            if m is not None and not m.prefix and m.cands[0].kind in ("country", "demonym", "org", "place") and (
                    not self.closed_compounds or (m.cands[0].kind == "demonym" and m.cands[0].feature == "adj")
                    or (self.genitive_endings and text[m.start:m.end].endswith(self.genitive_endings))):
                # German: only an adjective or a genitive modifies ("russische Wahl", "Russlands Wahl"), not a
                # country that ends the clause before ("kündigte Russland Wahlen an")
                c = m.cands[0]
                evidence = named = True
                if c.kind != "place" and country is None and org is None:
                    country, org = _actor_of(c)
                a = tok_index(toks, m.start, j)
                j = a - 1
                continue
            if self._qualifier(t.text, quals):
                evidence = qualified = True
                core.insert(0, t.text.lower())
                a, j = j, j - 1
                continue
            if not self.capitalised_nouns and not proper_used and j == a - 1 and _NAME_TOKEN.match(t.text) and \
                    t.text not in self.not_names and t.text.lower() not in self.determiners and \
                    self.kb.role(self.lang, t.text) is None and t.pos == "PROPN" and \
                    not self._event_heads(t.text):
                evidence, proper_used, named = True, True, True  # "Brexit referendum", "Camp David Accords"
                core.insert(0, t.text.lower())
                a, j = j, j - 1
                continue
            if re.fullmatch(r"\d{1,2}\.|(?:19|20)\d\d", t.text) or (
                    t.text.lower().startswith(self.event_ordinals) and len(t.text) <= 8 and self.event_ordinals):
                a, j = j, j - 1
                continue
            break
        b = i
        # on the right: "Wahlen in Rumänien", "World War II"
        if b + 2 < len(toks) and toks[b + 1].text in self.in_words:
            m = match_at.get(toks[b + 2].start)
            if m is not None and not m.prefix and m.cands[0].kind == "country":
                country, org = m.cands[0].country or m.cands[0].id, None
                if not evidence:  # "Wahlen in Myanmar": the place is the name; else it only gives the country
                    b = tok_index(toks, m.end - 1, b + 2)
                evidence = named = True
        if b + 1 < len(toks) and re.fullmatch(r"I{1,3}|IV|V|\d", toks[b + 1].text) and evidence:
            b += 1
        if not evidence or (qualified and not named and not qualifier_alone
                            and (self.capitalised_nouns or not tok.text[:1].isupper())):
            return None
        return a, b, country, org, core


    def _modifier_actor(self, part: str) -> tuple[str | None, str | None] | None:
        """Country/org that a compound first part names ("Duma" → RUS, "Bundestags" → DEU, "Nato" → NATO)."""
        for cand_text in (part, *(part[:-len(e)] for e in self.linking_endings if part.endswith(e))):
            if not cand_text or len(cand_text) < 2:
                continue
            for form in (cand_text, cand_text[:1].upper() + cand_text[1:]):
                cands = [c for c in self.kb.lookup(form, self.lang) if c.kind in ("country", "demonym", "org")]
                if cands:
                    return _actor_of(cands[0])
        return None

    def _named_events(self, text: str, sentences: list[Any], match_at: dict[int, Match], match_end: dict[int, Match],
                      covered: list[tuple[int, int]], ent: Any) -> list[_Ent]:
        """Named events (MISC): an event noun with a modifier that names it (see `named_events` in entities.yaml).
        Returns the events that belong to the article's country (their country is set once it is known)."""
        pending: list[_Ent] = []
        seen: list[tuple[int, _Ent]] = []
        for s_ in sentences:
            toks = s_.tokens
            for i, tok in enumerate(toks):
                if not tok.text[:1].isalpha() or any(a <= tok.start < b for a, b in covered):
                    continue
                if self.capitalised_nouns and not tok.text[:1].isupper():
                    continue
                pre, _, head_word = tok.text.rpartition("-")
                for gi, noun, first in self._event_heads(head_word):
                    found = self._event_at(text, toks, i, pre, gi, noun, first, match_at, match_end)
                    if found is not None:
                        break
                else:
                    continue
                a, b, country, org, core = found
                whose = self.event_groups[gi][2]
                if len(core) == 1 and core[0] == noun:
                    # "die Wahlen in Myanmar" after "Nationalwahlen": a bare noun is the event named before
                    earlier = next((e for g_, e in seen if g_ == gi and (e.country == country or
                                                                          (e in pending and country is not None))),
                                   None)
                    if earlier is not None:
                        earlier.add(toks[a].start, toks[b].end, text[toks[a].start:toks[b].end])
                        covered.append((toks[a].start, toks[b].end))
                        continue
                # leading ordinals/years without a named modifier between them and the noun are kept in the span
                ps, pe = toks[a].start, toks[b].end
                surface = text[ps:pe]
                key = f"event:{country or org or '?'}:{' '.join(core)}"
                e = ent(key, name=surface, type="MISC", country=country, org=org, rule=f"{self.lang}.event")
                seen.append((gi, e))
                e.add(ps, pe, surface)
                covered.append((ps, pe))
                if country is None and org is None and whose == "main" and e not in pending:
                    pending.append(e)
        return pending

    def _resolve_descriptive(self, ents: dict[str, _Ent], main: str | None) -> None:
        """A descriptive name ("Sozialdemokraten", "Republicans", "Supreme Court") is the listed body when the article
        is about its country (or about no country clearly), else the same kind of body of the article's country."""
        for key in [k for k in ents if k.startswith("desc:?:")]:
            e = ents[key]
            nat_id = key[len("desc:?:"):]
            surfaces = sorted({t for t in e.mentions.values()})
            own = [c for s_ in surfaces for c in self.kb.lookup(s_, self.lang)
                   if c.kind == "org" and c.feature == "descriptive" and (main is None or c.country == main)]
            if own:
                nat = self.kb.national(own[0].id)
                target = "kb:" + own[0].id
                if nat is not None and target in ents and target != key:
                    ents[target].mentions.update(e.mentions)
                    ents[target].first = min(ents[target].first, e.first)
                    e.mentions = {}
                    continue
                if nat is not None:
                    e.name, e.country, e.sectors = nat.name, nat.country, list(nat.sectors)
                continue
            if nat_id and main is not None:
                # another country's party/court: named by the text, coded by the article's country
                e.name = min(surfaces, key=lambda t: (len(t), t))
                e.name = e.name[:1].upper() + e.name[1:]
                e.country, e.kb_id = main, None

    def _state_thing(self, tokens: list[Token], m: Match, y: int) -> bool:
        """Whether the noun after a country adjective at token y names the state or a part of it ("kamerunischen
        Region", "Russian army"), not just a topic ("the Russian desk")."""
        z = y
        while z < len(tokens) and tokens[z].end <= m.end:
            z += 1
        if z >= len(tokens):
            return False
        w = tokens[z].text
        return w.lower() in self.territory_nouns or any(
            self._noun_class(w, table) is not None for table in (self.state_nouns, self.institutions, self.org_roles))

    def _context_actor(self, text: str, e: _Ent, matches: list[Match], tokens: list[Token],
                       tok_at: dict[int, int]) -> tuple[str | None, str | None]:
        """Country or organisation of a person/organisation from its own context: an apposition ("Astrid Stort,
        eine UNHCR-Sprecherin", "Christine Lagarde, damals französische Finanzministerin"), "X of Benin"."""
        by_start = {m.start: m for m in matches}
        for (a, b), _t in sorted(e.mentions.items()):
            i = tok_at.get(a)
            j = i
            while j is not None and j < len(tokens) and tokens[j].end < b:
                j += 1
            if j is None or j + 1 >= len(tokens):
                continue
            k = j + 1
            nxt = tokens[k]
            if nxt.text in self.affiliation_words and k + 1 < len(tokens):
                m = by_start.get(tokens[k + 1].start)
                if m is not None and not m.prefix and m.cands[0].kind == "country":
                    return m.cands[0].country or m.cands[0].id, None
                if m is not None and not m.prefix and m.cands[0].kind == "org" and e.type == "PER":
                    return _actor_of(m.cands[0])  # "Martin Smith of PBS": the body a person speaks for
                continue
            if nxt.text in self.copulas and k + 3 < len(tokens) and \
                    tokens[k + 1].text.lower() in self.indefinite_articles:
                # "Hatice Cengiz is a Turkish national"
                m = by_start.get(tokens[k + 2].start)
                if m is not None and not m.prefix and m.cands[0].kind == "demonym" and \
                        tokens[k + 3].text.lower() in self.nationality_nouns:
                    return m.cands[0].country or m.cands[0].id, None
                continue
            if nxt.text != ",":
                continue
            # ", [article] [modifiers] <cue> <role>" within a few tokens
            for x in range(k + 1, min(k + 6, len(tokens))):
                t = tokens[x]
                m = by_start.get(t.start)
                if m is not None:
                    c = m.cands[0]
                    if x == k + 1:
                        break  # a list ("Nicola Sturgeon, Labour MP Tom Watson"), not an apposition
                    if m.prefix and c.kind in ("country", "demonym", "org") and self.kb.role(self.lang, m.head):
                        return _actor_of(c)
                    if not m.prefix and c.kind in ("country", "demonym", "org"):
                        end_i = x
                        while end_i < len(tokens) and tokens[end_i].end < m.end:
                            end_i += 1
                        if end_i + 1 < len(tokens) and self.kb.role(self.lang, tokens[end_i + 1].text):
                            return _actor_of(c)
                    break
                if t.text.lower() in self.apposition_heads or \
                        (r := self.kb.role(self.lang, t.text)) is not None and self._is_person_role(r, t.text):
                    y = x + 1
                    while y + 1 < len(tokens) and tokens[y].text == "-" and tokens[y].start == tokens[y - 1].end:
                        y += 2  # "Director-General" split by the tokenizer
                    found = self._role_of_actor(tokens, y, by_start)
                    if found is not None:
                        return found
                    break
                if t.text[:1].isupper() and t.text.lower() not in self.modifiers and \
                        t.text not in self.not_names:
                    break
                if t.text in (",", ".", ";", ":"):
                    break
        return None, None

    def _text_countries(self, e: _Ent, matches: list[Match], tokens: list[Token],
                        tok_at: dict[int, int]) -> set[str]:
        """Countries the text gives a person or organisation beyond its role phrase, over all its mentions: where it
        is from or lives ("X, eine Schülerin aus Kamerun", "X from a village in Chad") and, for an organisation, the
        government it is coordinated with ("die sudanesische Regierung und die Rebellengruppe X": the two sides of
        one country's conflict or deal). More than one country is conflicting evidence: the caller then guesses none."""
        by_start = {m.start: m for m in matches}
        by_end = {m.end: m for m in matches if not m.prefix}
        found: set[str] = set()
        for (a, b), _t in e.mentions.items():
            i = tok_at.get(a)
            if i is None:
                continue
            j = i
            while j < len(tokens) and tokens[j].end < b:
                j += 1
            found.update(self._origin_after(tokens, j + 1, by_start))
            if e.type == "ORG":
                found.update(self._own_adjective(tokens, i, by_end) or self._coordinated_government(tokens, i, by_end))
        return found

    def _origin_after(self, tokens: list[Token], k: int, by_start: dict[int, Match]) -> set[str]:
        """The country of "aus/in <country or known place>" right after a name or inside its apposition, through
        nested places ("aus ihrem Dorf in Kamerun"); a verb or the clause's end comes first when the place is where
        the person acts, not where they are from ("X traf in Berlin …"), and a role or affiliation when the place
        is its post ("X, Botschafter in Russland")."""
        x = k + 1 if k < len(tokens) and tokens[k].text == "," else k
        seen_origin = False
        for y in range(x, min(x + 8, len(tokens))):
            t = tokens[y]
            m = by_start.get(t.start)
            if seen_origin and m is not None and not m.prefix:
                c = m.cands[0]
                if c.kind in ("country", "place") and (c.country or c.kind == "country"):
                    return {c.country or c.id}
                return set()
            if t.text.lower() in self.origin_words:
                seen_origin = True
                continue
            if not seen_origin and (m is not None or (r := self.kb.role(self.lang, t.text)) is not None and
                                    not set(r.sectors) & _PRIVATE_SECTORS):
                return set()  # "X, Botschafter Deutschlands in Russland": the place is the role's post
            if t.pos in ("VERB", "AUX", "PUNCT", "PRON", "CCONJ", "SCONJ") and \
                    not (t.pos == "PRON" and seen_origin):  # "aus ihrem Dorf": a possessive is part of the place
                return set()
        return set()

    def _own_adjective(self, tokens: list[Token], i: int, by_end: dict[int, Match]) -> set[str]:
        """The country of a demonym that opens an organisation's phrase at token i, across lower-case modifiers
        ("the Sudanese rebel group X", "die sudanesische islamistische Miliz X")."""
        x = i - 1
        while x >= 0 and i - x <= 2 and tokens[x].text[:1].islower() and tokens[x].pos in ("ADJ", "NOUN") and \
                by_end.get(tokens[x].end) is None:
            x -= 1
        m = by_end.get(tokens[x].end) if x >= 0 else None
        if m is None or m.cands[0].kind not in ("country", "demonym"):
            return set()
        return {m.cands[0].country or m.cands[0].id}

    def _coordinated_government(self, tokens: list[Token], i: int, by_end: dict[int, Match]) -> set[str]:
        """The country of "<demonym> <state noun> und [article]" right before an organisation's phrase at token i."""
        x = i - 1
        while x >= 0 and i - x <= 3 and (tokens[x].text.lower() in self.articles or
                                         tokens[x].text[:1].islower() and tokens[x].pos in ("ADJ", "NOUN")):
            x -= 1  # "the rebel group X": the organisation's phrase begins before its role noun
        if x < 2 or tokens[x].text not in self.and_words or self._noun_class(tokens[x - 1].text, self.state_nouns) is None:
            return set()
        m = by_end.get(tokens[x - 2].end)
        if m is None or m.cands[0].kind not in ("country", "demonym"):
            return set()
        return {m.cands[0].country or m.cands[0].id}

    def _role_of_actor(self, tokens: list[Token], x: int, by_start: dict[int, Match]
                       ) -> tuple[str | None, str | None] | None:
        """The country or organisation a role noun's complement names, the role ending before token x: "der
        Gouverneur der kamerunischen Region …", "the spokesman of the UN", "Botschafter Deutschlands"."""
        for y in range(x, min(x + 3, len(tokens))):
            t = tokens[y]
            m = by_start.get(t.start)
            if m is not None:
                c = m.cands[0]
                if not m.prefix and c.kind in ("country", "demonym", "org") and (
                        y > x or (self.genitive_endings and c.kind == "country" and t.text.endswith(self.genitive_endings))) and (
                        c.kind != "demonym" or self._state_thing(tokens, m, y)):
                    return _actor_of(c)
                return None
            low = t.text.lower()
            if low not in self.of_words and low not in self.articles and low not in self.modifiers:
                return None
        return None

    def _keep(self, m: Match, text: str) -> bool:
        c = m.cands[0]
        surface = text[m.start:m.end]
        if c.kind == "place" and c.feature == "city":
            if surface in self.stop_cities or surface in self.kb.stoplist.get(self.lang, ()):
                return False
            if len(surface) < 3 or surface.islower():
                return False
            # GeoNames alternate names of smaller towns collide with ordinary words and other places' names.
            if surface != c.name and c.population < 300_000 and not c.name.startswith(surface):
                return False
        if c.kind == "country" and self.place_prefixes and " " not in surface:
            before = text[:m.start]
            if before.endswith(" ") and before[:-1].rsplit(None, 1)[-1:] and \
                    before[:-1].rsplit(None, 1)[-1] in self.place_prefixes:
                return False  # "New Jersey", "West Virginia": not the country Jersey or Virginia
        if c.kind == "country" and surface in self.organ_country_names:
            prev = text[:m.start].rstrip(" ").rsplit(None, 1)[-1:]
            if prev and any(k.kind == "demonym" and k.id != c.id for k in self.kb.lookup(prev[0], self.lang)):
                # after another country's adjective the generic name is that country's organ ("die
                # österreichische Bundesregierung"), not the country it names alone
                return False
        if c.kind in ("person", "place") and " " not in surface:
            # One word inside a longer run of names ("Robert Gabriel Mugabe", "Ashton Bumhira") is not a name alone.
            before = text[:m.start].rstrip(" ")
            after = text[m.end:]
            prev_word = before.rsplit(" ", 1)[-1] if before and before[-1:] != "\n" and len(before) < m.start else ""
            next_word = after.lstrip(" ").split(" ", 1)[0] if after.startswith(" ") else ""
            if _NAME_TOKEN.match(next_word.rstrip(".,;:!?)'’\"")) and c.kind == "person" and \
                    next_word.rstrip(".,;:!?") not in self.not_names and self.kb.role(self.lang, next_word) is None \
                    and next_word[:1].isupper() and not self.capitalised_nouns:
                return False
            if c.kind == "place" and prev_word[:1].isupper() and _NAME_TOKEN.match(prev_word) and \
                    prev_word not in self.not_names and not self.capitalised_nouns and not before.endswith((".", ":")):
                return False
        if c.kind == "demonym" and c.feature == "adj" and self.capitalised_demonyms and surface.islower():
            return False
        return True

    def _role_phrase(self, text: str, toks: list[Token], j: int, match_at: dict[int, Match],
                     match_end: dict[int, Match], on: date, ents: dict[str, _Ent], ent: Any,
                     covered: list[tuple[int, int]], ner_tok: set[int],
                     role_cues: list[Match] | None = None) -> tuple[int, int] | None:
        tok = toks[j]
        cue_match: Match | None = None
        found = self._role(toks, j)
        compound_cue: str | None = None
        desc_cue: Candidate | None = None
        compound_org: str | None = None
        if found is None and "-" in tok.text:
            # "US-Präsident", "Nato-Generalsekretär": the prefix names the country or organisation.
            pre, _, head = tok.text.rpartition("-")
            r = self.kb.role(self.lang, head)
            m = match_at.get(tok.start)
            if r is not None and m is not None and m.prefix:
                c = m.cands[0]
                if c.kind in ("country", "demonym"):
                    compound_cue = c.country or c.id
                elif c.kind == "org":
                    compound_cue, compound_org = _actor_of(c)
                    desc_cue = c if c.feature == "descriptive" else None
                if compound_cue or compound_org:
                    found = (r, j + 1)
        if found is None:
            return self._org_apposition(text, toks, j, match_at, ent, covered, ner_tok)
        role, k = found
        word = " ".join(t.text for t in toks[j:k])
        if self.capitalised_nouns and not word[:1].isupper():
            return None
        if not self._is_person_role(role, word):
            return self._org_apposition(text, toks, j, match_at, ent, covered, ner_tok)
        # Country cue on the left: a country adjective or genitive, possibly behind modifiers.
        cue_country = compound_cue
        cue_org = compound_org
        start_i = j
        i = j - 1
        while i >= 0 and toks[i].text.lower() in self.modifiers:
            i -= 1
        if cue_country is None and cue_org is None and i >= 0 and match_end.get(toks[i].end) is None:
            i = self._portfolio_gap(toks, i, match_end)
        if cue_country is None and cue_org is None and i >= 0:
            m = match_end.get(toks[i].end)
            if m is not None and not m.prefix:
                c = m.cands[0]
                if c.kind in ("country", "demonym"):
                    cue_country = c.country or c.id
                    cue_match = m if c.kind == "country" else None
                    start_i = tok_index(toks, m.start, i)
                elif c.kind == "org":
                    cue_country, cue_org = _actor_of(c)
                    desc_cue = c if c.feature == "descriptive" else None
                    start_i = tok_index(toks, m.start, i)
            elif toks[i].text in self.possessive_clitics and i > 0:
                m = match_end.get(toks[i - 1].end)
                if m is not None and m.cands[0].kind == "country":
                    cue_country = m.cands[0].country or m.cands[0].id
                    cue_match = m
                    start_i = tok_index(toks, m.start, i - 1)
        # ... or on the right: "Präsident von Venezuela", "president of Russia", "Außenminister Chinas".
        right_end = k
        if cue_country is None and cue_org is None and k < len(toks):
            nxt = k + 1 if toks[k].text in self.of_words and k + 1 < len(toks) else k
            m = match_at.get(toks[nxt].start) if nxt < len(toks) else None
            if m is not None and not m.prefix and m.cands[0].kind in ("country", "org") and (
                    nxt > k or (self.genitive_endings and text[m.start:m.end].endswith(self.genitive_endings))):
                cand = m.cands[0]
                if cand.kind == "country":
                    cue_country = cand.country or cand.id
                    cue_match = m
                else:
                    cue_country, cue_org = _actor_of(cand)
                    desc_cue = cand if cand.feature == "descriptive" else None
                right_end = tok_index(toks, m.end - 1, nxt) + 1
        # A name after the role.
        name_span = self._name_after(toks, k, match_at, ner_tok)
        phrase_start = toks[start_i].start
        if name_span is not None:
            a, b = name_span
            ns, ne = toks[a].start, toks[b - 1].end
            m = match_at.get(ns)
            if m is not None and m.end == ne and m.cands[0].kind == "person":
                return None  # a KB person: the gazetteer step takes it, with the KB's attributes
            name = text[ns:ne]
            key = "per:" + name.lower()
            e = ent(key, name=name, type="PER", rule=f"{self.lang}.role.name")
            e.add(ns, ne, name)
            e.role = e.role or word
            e.sectors = e.sectors or list(role.sectors)
            if desc_cue is not None:
                e.desc_cue = desc_cue  # "Congress President X": whose congress is known once the article's country is
            elif cue_country and e.country is None:
                e.country, e.explicit_country = cue_country, True
            if cue_org and e.org is None:
                e.org = cue_org
                e.sectors = e.sectors or ["IGO"]
            covered.append((phrase_start, ne))
            if cue_match is not None and role_cues is not None:
                role_cues.append(cue_match)
            return (j, b)
        # No name: the holder of the office on the article date.
        if role.office and (cue_country or cue_org):
            holder = self.kb.holder(cue_country or cue_org or "", role.office, on)
            if holder is not None:
                e = ent("kb:" + holder.id, name=holder.name, type="PER", kb_id=holder.qid, country=holder.country,
                        org=holder.org, sectors=list(holder.sectors), rule=f"{self.lang}.role.holder")
                pe = toks[max(right_end, k) - 1].end
                e.add(phrase_start, pe, text[phrase_start:pe])
                e.role = e.role or word
                covered.append((phrase_start, pe))
                if cue_match is not None and role_cues is not None:
                    role_cues.append(cue_match)
                return (start_i, max(right_end, k))
        return None

    def _portfolio_gap(self, toks: list[Token], i: int, match_end: dict[int, Match]) -> int:
        """The token before a role's portfolio words ("AU trade and industry commissioner", "US national security
        adviser"), when a country or organisation name (or an English possessive) ends there; else `i` unchanged. The portfolio is a short run of
        lower-case nouns, adjectives and "and" (`role_portfolio_max` words, 0 where the language has none)."""
        x = i
        while x >= 0 and i - x < self.portfolio_max and toks[x].text[:1].islower() and \
                toks[x].pos in ("NOUN", "ADJ", "CCONJ") and toks[x].text.isalpha() and \
                self.kb.role(self.lang, toks[x].text) is None:  # "AU chairperson President X": two roles
            x -= 1
            if x > 0 and toks[x].text in self.possessive_clitics and toks[x + 1].pos != "CCONJ":
                return x  # "Iran's top general X": the possessive is read as the cue
            m = match_end.get(toks[x].end) if x >= 0 else None
            if m is not None and not m.prefix and m.cands[0].kind in ("country", "demonym", "org") and \
                    toks[x + 1].pos != "CCONJ":
                return x
        return i

    def _org_apposition(self, text: str, toks: list[Token], j: int, match_at: dict[int, Match], ent: Any,
                        covered: list[tuple[int, int]], ner_tok: set[int]) -> tuple[int, int] | None:
        """"Zeitung Le Monde", "Gewerkschaft UGTT", "Nachrichtenagentur AFP": the name after the noun is an ORG."""
        word = toks[j].text
        kind = self._noun_class(word, self.org_roles) or self._noun_class(word, self.institutions)
        if kind is None or (self.capitalised_nouns and not word[:1].isupper()):
            return None
        sectors = self.org_roles.get(kind) or self.institutions.get(kind) or []
        k = j + 1
        quoted = k < len(toks) and toks[k].text in _OPEN_QUOTES
        span = self._name_after(toks, k + 1 if quoted else k, match_at, ner_tok)
        if span is None or quoted and (span[1] >= len(toks) or toks[span[1]].text not in _OPEN_QUOTES):
            return None  # "Zeitung „Hoy Bolivia“": a quoted name must close right after it
        a, b = span
        ns, ne = toks[a].start, toks[b - 1].end
        m = match_at.get(ns)
        if m is not None and m.end >= ne:
            return None  # a KB name: the gazetteer step takes it
        name = text[ns:ne]
        e = ent("org:" + name.lower(), name=name, type="ORG", sectors=list(sectors), rule=f"{self.lang}.orgrole")
        e.add(ns, ne, name)
        # The phrase with its country adjective is a mention too ("saudi-arabische Nachrichtenagentur SPA").
        i = j - 1
        ps = toks[j].start
        if i >= 0 and i + 1 == j:
            m = None
            for mm in match_at.values():
                if mm.end == toks[i].end and not mm.prefix:
                    m = mm
            if m is not None and m.cands[0].kind in ("demonym", "country"):
                e.country = e.country or m.cands[0].country or m.cands[0].id
                ps = m.start
        e.add(ps, ne, text[ps:ne])
        covered.append((ps, ne))
        return (j, b)

    def _name_after(self, toks: list[Token], k: int, match_at: dict[int, Match],
                    ner_tok: set[int] | frozenset[int] = frozenset()) -> tuple[int, int] | None:
        """Token span [a, b) of a person's name right after a role noun, or None."""
        if k >= len(toks):
            return None
        m = match_at.get(toks[k].start)
        if m is not None and m.cands[0].kind != "person":
            return None
        b = k
        while b < len(toks) and b - k < 5:
            tok = toks[b]
            t = tok.text
            namelike = tok.pos in ("PROPN", "X") or tok.start in ner_tok or (
                b > k and tok.pos == "NOUN" and tok.lemma == t)
            if not self.capitalised_nouns:
                namelike = True
            if self.capitalised_nouns and b > k and self._common_noun_after_name(toks, b, match_at):
                break  # "Thaksin Shinawatra Korruptionsvorwürfe": the common noun is no part of the name
            if _NAME_TOKEN.match(t) and namelike and (b > k or t not in self.not_names) and \
                    self.kb.role(self.lang, t) is None:
                b += 1
            elif b > k and t == "-" and b + 1 < len(toks) and tok.start == toks[b - 1].end and \
                    toks[b + 1].start == tok.end and toks[b + 1].text.isalpha() and \
                    self.kb.role(self.lang, toks[b + 1].text) is None:
                b += 2  # a hyphenated name the tokenizer split: "Hoi - kwan", "el - Sisi"
            elif b > k and (t in self.particles or t.split("-")[0] in self.particles) and b + 1 < len(toks) and \
                    "-" not in t[:1] and self._name_continues(toks, b + 1, ner_tok):
                b += 1
            elif b > k and "-" in t and t.split("-")[0] in self.particles:
                b += 1
            else:
                break
        while b > k and toks[b - 1].text in self.particles:
            b -= 1
        if b == k:
            return None
        return (k, b)

    def _name_continues(self, toks: list[Token], i: int, ner_tok: set[int] | frozenset[int]) -> bool:
        """Whether token i continues a name after a particle: a proper noun that is no role ("van den Berg", not
        "Gusmão den Ausnahmezustand", "Drugaja Rossija von Ex-Schachweltmeister …")."""
        tok = toks[i]
        if tok.text == "-" and i + 1 < len(toks) and toks[i + 1].start == tok.end:
            tok = toks[i + 1]  # "el-Sisi" split by the tokenizer
        t = tok.text
        if not _NAME_TOKEN.match(t) or t in self.not_names:
            return False
        if self.kb.role(self.lang, t) is not None or self.kb.role(self.lang, t.rsplit("-", 1)[-1]) is not None:
            return False
        return tok.pos in ("PROPN", "X") or tok.start in ner_tok

    def _gazetteer_entity(self, doc: Document, tokens: list[Token], tok_at: dict[int, int],
                          tok_end: dict[int, int], m: Match, match_at: dict[int, Match],
                          match_end: dict[int, Match], ent: Any, place_mentions: list[PlaceMention],
                          covered: list[tuple[int, int]]) -> None:
        text = doc.text
        c = m.cands[0]
        s, e_ = m.start, m.end
        surface = text[s:e_]
        if m.prefix and c.kind in ("org", "person"):
            # "Taliban-Kämpfer", "EU-Staaten", "Reuters-Meldung": the name is the part before the hyphen.
            e_ = s + len(m.surface) - 1
            surface = text[s:e_]
        ti = tok_at.get(s)
        te = tok_end.get(e_)
        nxt = tokens[te + 1] if te is not None and te + 1 < len(tokens) else None
        prv = tokens[ti - 1] if ti is not None and ti > 0 else None
        if c.kind in ("country", "demonym"):
            country = c.country or c.id
            # "<adjective> Marine" is an organisation of the country; "<adjective> Regierung" is the country.
            if m.prefix and m.head:
                inst = self._noun_class(m.head, self.institutions)
                if inst is not None:
                    self._institution(ent, country, inst, s, e_, surface)
                    return
            if nxt is not None and c.kind == "demonym" and c.feature == "adj":
                inst_end, inst = self._institution_after(tokens, te + 1)
                named = match_at.get(tokens[inst_end].start) if inst is not None and inst_end < len(tokens) else None
                if named is not None and named.cands[0].kind == "org":
                    # "die saudi-arabische Nachrichtenagentur SPA": the name that follows is the organisation.
                    pe = tokens[inst_end - 1].end
                    covered.append((s, pe))
                    return
                if inst is not None:
                    pe = tokens[inst_end - 1].end
                    self._institution(ent, country, inst, s, pe, text[s:pe])
                    covered.append((s, pe))
                    return
                # "die thailändische Regierung", "neue tunesische „Regierung der nationalen Einheit“"
                head = nxt
                if nxt.text in _OPEN_QUOTES and te + 2 < len(tokens):
                    head = tokens[te + 2]
                if self._noun_class(head.text, self.state_nouns) is not None:
                    e_ = head.end
                    surface = text[s:e_]
            if m.prefix:
                e_ = s + len(m.surface) - 1  # "China-Besuch", "chinesisch-russische": the country part
                surface = text[s:e_]
            # A historical state ("DDR", "Sowjetunion") is an entity of its own, coded as its successor state.
            co = self.kb.country(c.id) or self.kb.country(country)
            e = ent("kb:" + (c.id if co is not None and co.successor else country), name=co.name if co else c.name,
                    type="GPE", country=country,
                    rule=f"{self.lang}.gazetteer.{c.kind}")
            e.add(s, e_, surface)
            # ("chinesisch-russische Beziehungen" names both states as parties: not bare.)
            if c.kind == "demonym" and c.feature == "adj" and not m.prefix and e_ == m.end and nxt is not None \
                    and nxt.pos not in ("VERB", "AUX") and nxt.text[:1].isalpha():
                e.bare.add((s, e_))  # attributive only: "Greek Orthodox church", "russische Kampfjets"
            return
        if c.kind == "org" and c.feature in ("national", "descriptive"):
            nat = self.kb.national(c.id)
            sectors = list(nat.sectors) if nat else []
            if c.feature == "descriptive":
                # "die Sozialdemokraten", "the Supreme Court": the body of the country the article is about
                # (resolved in __call__ once that country is known).
                e = ent("desc:?:" + c.id, name=c.name, type="ORG", country=c.country, sectors=sectors,
                        rule=f"{self.lang}.gazetteer.descriptive")
                e.add(s, e_, surface)
                return
            e = ent("kb:" + c.id, name=c.name, type="ORG", kb_id=c.qid, country=c.country, sectors=sectors,
                    rule=f"{self.lang}.gazetteer.national")
            e.add(s, e_, surface)
            return
        if c.kind == "org":
            o = self.kb.org(c.id)
            # A principal organ acts as its organisation ("UN General Assembly" → org UN); the name keeps the body.
            e = ent("kb:" + c.id, name=c.name, type="ORG", kb_id=c.qid, org=c.org or c.id,
                    sectors=[o.type] if o and o.type in ("IGO", "NGO") else [], rule=f"{self.lang}.gazetteer.org")
            e.add(s, e_, surface)
            return
        if c.kind == "person":
            best = _term_on([p for p in self.kb.holders_by_name(c.name) if p.name == c.name], _doc_date(doc))
            country, org = (best.country, best.org) if best else (c.country, c.org)
            if best is not None and best.start and best.start > _doc_date(doc) and best.org and not best.country:
                country = org = None  # before an international post: the country comes from context
            e = ent("kb:" + c.id, name=c.name, type="PER", kb_id=c.qid, country=country, org=org,
                    sectors=list(best.sectors) if best else [], rule=f"{self.lang}.gazetteer.person")
            e.add(s, e_, surface)
            return
        # Places. A capital acting as a government ("Peking kritisierte", "Moskau und Peking") is the state.
        if c.kind == "place" and c.feature == "city" and self.capitals.get(c.name) == c.country and \
                self._acts(tokens, ti, te, match_at, match_end):
            e = ent("city:" + c.id, name=c.name, type="GPE", country=c.country, rule=f"{self.lang}.capital.actor")
            e.add(s, e_, surface)
            return
        # "Regierung in Peking": the government sitting in a capital is the state.
        if c.kind == "place" and self.capitals.get(c.name) == c.country and prv is not None and \
                prv.text in self.in_words and ti is not None and ti >= 2 and \
                self._noun_class(tokens[ti - 2].text, self.state_nouns) is not None:
            co = self.kb.country(c.country or "")
            e = ent("kb:" + (c.country or ""), name=co.name if co else c.name, type="GPE", country=c.country,
                    rule=f"{self.lang}.capital.government")
            e.add(tokens[ti - 2].start, e_, text[tokens[ti - 2].start:e_])
        place_mentions.append(PlaceMention(s, e_, surface, m.cands, f"{self.lang}.gazetteer.place"))

    def _acts(self, tokens: list[Token], ti: int | None, te: int | None, match_at: dict[int, Match],
              match_end: dict[int, Match]) -> bool:
        if ti is None or te is None:
            return False
        prv = tokens[ti - 1] if ti > 0 else None
        if prv is not None and prv.pos == "ADP":
            return False
        nxt = tokens[te + 1] if te + 1 < len(tokens) else None
        if nxt is None:
            return False
        if nxt.pos in ("VERB", "AUX") and nxt.text[:1].islower():
            return True

        def state_like(m: Match | None) -> bool:
            return m is not None and (m.cands[0].kind == "country" or self.capitals.get(m.cands[0].name) is not None)

        if nxt.text in self.and_words and te + 2 < len(tokens):
            return state_like(match_at.get(tokens[te + 2].start))
        if prv is not None and prv.text in self.and_words and ti >= 2:
            pp = tokens[ti - 2]
            return state_like(match_end.get(pp.end)) and (ti < 3 or tokens[ti - 3].pos != "ADP")
        return False

    def _institution_after(self, tokens: list[Token], i: int) -> tuple[int, str | None]:
        for n in (2, 1):
            if i + n <= len(tokens):
                words = " ".join(t.text for t in tokens[i:i + n])
                inst = self._noun_class(words, self.institutions)
                if inst is not None and (n == 1 or " " in inst):
                    return i + n, inst
        return i, None

    def _institution(self, ent: Any, country: str, inst: str, s: int, e_: int, surface: str) -> None:
        e = ent(f"inst:{country}:{inst}", name=surface, type="ORG", country=country,
                sectors=list(self.institutions[inst]), rule=f"{self.lang}.institution")
        e.add(s, e_, surface)
        if len(surface) > len(e.name):
            e.name = surface

    def _ner(self, doc: Document, sentences: list[Any], covered: list[tuple[int, int]], ent: Any,
             place_mentions: list[PlaceMention], match_at: dict[int, Match],
             ner_spans: dict[int, list[tuple[int, int, str]]]) -> None:
        text = doc.text
        taken = sorted(covered + [(m.start, m.end) for m in match_at.values()] +
                       [(p.start, p.end) for p in place_mentions])
        for s in sentences:
            toks = s.tokens
            if not toks:
                continue
            for a, b, typ in ner_spans.get(s.start, []):
                # Titles and determiners the model sometimes includes are not part of the name.
                a0 = a
                while a < b and (toks[a].text in self.not_names or toks[a].text[:1].islower()
                                 or toks[a].text in self.function_words
                                 or (b - a > 1 and self.kb.role(self.lang, toks[a].text) is not None)):
                    a += 1  # "Taoiseach Leo Varadkar", "Before Qaboos": the office or function word is no name
                if self.capitalised_nouns and b - a == 1 and a > a0 and toks[a].pos == "NOUN" and \
                        toks[a - 1].text[:1].islower():
                    continue  # "russische Kommission": a common noun behind an adjective names no body
                if self.capitalised_nouns and b - a > 1 and toks[a + 1].text[:1].isupper() and \
                        self._kind_noun(toks[a].text):
                    a += 1  # "Großbank HSBC", "Zeitung Le Monde": the kind of organisation is not its name
                if self.capitalised_nouns and b - a > 1 and self._common_noun_after_name(toks, b - 1, match_at) and \
                        not self.kb.lookup(
                            " ".join(t.text for t in toks[a:b]), self.lang):
                    b -= 1  # "Hong Kongs Wirtschaft", "Shinawatra Korruptionsvorwürfe": the common noun is no name
                if typ == "PER" and b - a > 1 and (toks[b - 1].text in self.facility_heads or
                                                   self.facility_head_first and toks[a].text in self.facility_heads):
                    typ = "LOC"  # "Stavanger Airport", "Region Basel": a place, not a person
                if typ == "ORG" and b - a == 1 and self._kb_place(toks[a].text):
                    typ = "LOC"  # "Crete": a KB place the model calls an organisation stays a place
                genitive = next((g for g in self.genitive_endings if toks[b - 1].text.endswith(g)), None) if b > a else None
                if typ == "ORG" and genitive is not None and \
                        self._kb_place(" ".join([*(t.text for t in toks[a:b - 1]), toks[b - 1].text[:-len(genitive)]])):
                    typ = "LOC"  # "Hong Kongs": the genitive of a place is still the place
                if typ == "PER":
                    # "Patrice Talon of Benin": the country after of/von is not part of a person's name.
                    cut = next((x for x in range(a + 1, b - 1) if toks[x].text in self.of_words and (
                        mm := match_at.get(toks[x + 1].start)) is not None and mm.cands[0].kind in ("country", "place")),
                        b)
                    b = cut
                while b > a and not toks[b - 1].text[:1].isalnum():
                    b -= 1
                if a >= b:
                    continue
                ss, se = toks[a].start, toks[b - 1].end
                inner: list[PlaceMention] = []
                if typ == "PER" and b - a >= 2:
                    # A one-word city reading inside a full personal name ("Jarosław Kaczyński") yields to the name.
                    inner = [p for p in place_mentions if ss <= p.start and p.end <= se and " " not in p.text
                             and (p.start, p.end) not in covered]
                skip = {(p.start, p.end) for p in inner}
                if any(x < se and ss < y for x, y in taken if (x, y) not in skip) or \
                        not self._plausible_name(toks, a, b):
                    continue
                for p in inner:
                    place_mentions.remove(p)
                surface = text[ss:se]
                if _credit_before(text, ss):
                    continue  # photo credit ("Image: John Lubbock (flickr)"), not an actor of the story
                if typ == "PER":
                    if b - a == 1 and self.capitalised_nouns and toks[a].pos not in ("PROPN", "X"):
                        continue
                    e = ent("per:" + surface.lower(), name=surface, type="PER", rule=f"{self.lang}.ner.per")
                elif typ == "ORG":
                    e = ent("org:" + surface.lower(), name=surface, type="ORG", rule=f"{self.lang}.ner.org")
                elif typ == "LOC":
                    place_mentions.append(PlaceMention(ss, se, surface, [], f"{self.lang}.ner.loc"))
                    continue
                else:
                    continue
                e.add(ss, se, surface)
                covered.append((ss, se))

    def _known_holder(self, e: _Ent) -> tuple[str | None, str | None]:
        """A person the model found whose full name is a KB office holder's: the KB's country (or organisation)."""
        for t in sorted(set(e.mentions.values()), key=lambda t: (-len(t), t)):
            if " " not in t:
                continue
            hits = {(p.country, p.org) for p in self.kb.holders_by_name(t)}
            if len(hits) == 1:
                return next(iter(hits))
        return None, None

    def _title_names(self, text: str, sentences: list[Any], covered: list[tuple[int, int]], ents: dict[str, _Ent],
                     ent: Any, place_mentions: list[PlaceMention], matches: list[Match]) -> None:
        """High-precision fallback for English names the KB and the model both miss: a capitalised word sequence in
        running text is an organisation by its head noun ("People's Vote", "Greek Reporter", "United States General
        Services Administration", "Ministry of Foreign Affairs") and a person by a common first name ("Martin
        Smith"). Country names inside an organisation name are part of it and give its country, not a mention."""
        if self.capitalised_nouns:
            return
        geo = {(m.start, m.end): m for m in matches if m.cands[0].kind in ("country", "demonym", "place")}
        for s in sentences:
            toks = s.tokens
            n = len(toks)
            words = [t.text for t in toks if t.text[:1].isalpha()]
            if len(words) >= 5 and sum(w[:1].isupper() for w in words) * 5 >= len(words) * 3:
                continue  # a headline or caption in title case: every word is capitalised
            i = 0
            while i < n:
                if not _NAME_TOKEN.match(toks[i].text):
                    i += 1
                    continue
                j = i + 1
                while j < n:
                    w = toks[j].text
                    if _NAME_TOKEN.match(w):
                        j += 1
                    elif w in self.title_name_links and j + 1 < n and \
                            _NAME_TOKEN.match(toks[j + 1].text) and toks[j + 1].text not in self.not_names:
                        j += 2
                    else:
                        break
                a, b = i, j
                i = j
                while a < b and (toks[a].text in self.function_words or toks[a].text in self.title_articles or
                                 toks[a].text in self.not_names and toks[a].text not in self.org_heads_first):
                    a += 1
                if b - a < 2:
                    continue
                cut = next((x for x in range(a + 2, b) if toks[x].text in self.of_words), b)
                if cut < b and self._title_type(toks, a, cut, geo) == "PER":
                    b, i = cut, cut + 1  # "Jennifer Lu of Marriage Equality Coalition": the person, then the body
                typ = self._title_type(toks, a, b, geo)
                if typ is None:
                    # "Martin Smith of PBS": the name before a connector
                    cut = next((x for x in range(a + 1, b) if toks[x].text[:1].islower()), b)
                    if cut - a >= 2 and cut < b and self._title_type(toks, a, cut, geo) == "PER":
                        b, typ = cut, "PER"
                if typ is None or _credit_before(text, toks[a].start):
                    continue
                ss, se = toks[a].start, toks[b - 1].end
                surface = text[ss:se]
                if self.kb.lookup(surface, self.lang):
                    continue
                inner_geo = [m for k, m in geo.items() if ss <= k[0] and k[1] <= se]
                inside = {k for k in geo if ss <= k[0] and k[1] <= se}
                for e in ents.values():
                    if e.rule.split(".")[1:2] == ["ner"]:
                        inside |= {k for k in e.mentions if ss <= k[0] and k[1] <= se and k != (ss, se)}
                spans = covered + [k for e in ents.values() for k in e.mentions] + [(m.start, m.end) for m in matches]
                if any(x < se and ss < y and (x, y) not in inside for x, y in spans):
                    continue
                if typ == "PER" and inner_geo and any(m.cands[0].kind != "place" for m in inner_geo):
                    continue
                for e in ents.values():
                    for k in [k for k in e.mentions if k in inside]:
                        del e.mentions[k]
                place_mentions[:] = [p for p in place_mentions if not (ss <= p.start and p.end <= se)]
                country = next((m.cands[0].country or m.cands[0].id for m in inner_geo
                                if m.cands[0].kind in ("country", "demonym")), None)
                if typ == "ORG":
                    key = surface
                    lead = inner_geo[0] if inner_geo and inner_geo[0].start == ss and \
                        inner_geo[0].cands[0].kind == "country" else None
                    rest = self._after_clitic(text[lead.end:se].strip()) if lead is not None else ""
                    if len(rest.split()) >= 2:
                        key = rest  # "United States General Services Administration", "Taiwan's Constitutional Court"
                    e = ent("org:" + key.lower(), name=surface, type="ORG", rule=f"{self.lang}.ner.title")
                    if len(surface) > len(e.name):
                        e.name = surface
                    if country and e.country is None and e.org is None:
                        e.country, e.explicit_country = country, True
                else:
                    e = ent("per:" + surface.lower(), name=surface, type="PER", rule=f"{self.lang}.ner.title")
                e.add(ss, se, surface)
                covered.append((ss, se))

    def _after_clitic(self, rest: str) -> str:
        """`rest` without a possessive clitic and the space after it at its start ("'s Constitutional Court")."""
        for c in self.possessive_clitics:
            m = re.match(re.escape(c) + r"\s+", rest)
            if m:
                return rest[m.end():]
        return rest

    def _title_type(self, toks: list[Token], a: int, b: int, geo: dict[tuple[int, int], Match]) -> str | None:
        words = [t.text for t in toks[a:b]]
        last = words[-1]
        if last in self.org_heads:
            return "ORG"
        if any(words[x] in self.org_heads_first and words[x + 1] in self.org_head_links
               for x in range(len(words) - 2)):
            return "ORG"  # "Ministry of Foreign Affairs", "United States Commission on International Religious Freedom"
        # "Youth Forum Zimbabwe": a head noun followed by the country it belongs to
        m = next((m for k, m in geo.items() if k[1] == toks[b - 1].end and m.cands[0].kind == "country"), None)
        if m is not None:
            x = a
            while x < b and toks[x].end <= m.start:
                x += 1
            if x - a >= 2 and toks[x - 1].text in self.org_heads:
                return "ORG"
        if 2 <= len(words) <= 3 and words[0].lower() in self.first_names and all(
                _NAME_TOKEN.match(w) and w not in self.not_names and w not in self.org_heads and
                w not in self.facility_heads and self.kb.role(self.lang, w) is None for w in words[1:]):
            return "PER"
        return None

    def _common_noun_after_name(self, toks: list[Token], i: int, match_at: dict[int, Match]) -> bool:
        """German: token i is a common noun right after a proper noun ("Hong Kongs Wirtschaft"), not a name part."""
        t = toks[i]
        return i > 0 and t.pos == "NOUN" and toks[i - 1].pos == "PROPN" and len(t.text) >= 7 and \
            t.text[1:].islower() and not self._kind_noun(t.text) and t.start not in match_at

    def _kind_noun(self, word: str) -> bool:
        """Whether `word` names a kind of organisation ("Zeitung", "Großbank", "Wahlkommission")."""
        if self._noun_class(word, self.org_roles) or self._noun_class(word, self.institutions):
            return True
        w = word.lower()
        return self.closed_compounds and any(len(k) >= 4 and " " not in k and w.endswith(k) and len(w) - len(k) >= 3
                                         for k in (*self.org_roles, *self.institutions))

    def _kb_place(self, surface: str) -> bool:
        """Whether the KB reads `surface` first as a country or a named place (either language)."""
        for lang in self.kb_langs:
            cands = self.kb.lookup(surface, lang)
            if cands and cands[0].kind in ("country", "place") and cands[0].feature != "city" or \
                    cands and cands[0].kind == "place" and cands[0].population >= 100_000:
                return True
        return False

    def _plausible_name(self, toks: list[Token], a: int, b: int) -> bool:
        """Reject model spans that are role words, pronouns or ordinary capitalised words, not names."""
        words = [t.text for t in toks[a:b]]
        if len(words) == 1 and (len(words[0]) < 2 or words[0] in self.not_names or words[0] in self.not_orgs):
            return False
        if len(words) == 1 and (self._noun_class(words[0], self.institutions) or
                                self._noun_class(words[0], self.org_roles) or
                                self._noun_class(words[0], self.state_nouns)):
            return False  # "Kommission", "Militär": a kind of body, not a name
        if len(words) > 1 and any(c.kind == "demonym" for lang in self.kb_langs
                                  for c in self.kb.lookup(" ".join(words), lang)):
            return False  # "Hong Konger"
        if all(self.kb.role(self.lang, w) is not None or not w[:1].isupper() for w in words):
            return False
        if len(words) == 1 and any(c.kind == "demonym" for c in self.kb.lookup(words[0], self.lang)):
            return False  # "European", "Hong Konger": a demonym, which the gazetteer handles
        if len(words) > 1 and self.kb.role(self.lang, " ".join(words)) is not None:
            return False  # a multi-word office ("Prime Minister"), not a name
        if any(not (_NAME_TOKEN.match(w) or w in self.particles or w in self.of_words or w in self.name_connectors)
               for w in words):
            return False
        if not self.capitalised_nouns and a == 0 and b - a == 1 and toks[a].pos != "PROPN":
            return False
        return True

    def _one_sense(self, text: str, tok_at: dict[int, int], ents: dict[str, _Ent], covered: list[tuple[int, int]],
                   matches: list[Match], place_mentions: list[PlaceMention]) -> None:
        """One sense per discourse: a name the model or a pattern found once is a name at its other occurrences in
        the document too (also in sentences where the model found none), genitive -s / 's included."""
        # "People's Alliance for Democracy“ (PAD)": an acronym in brackets right after a model name is that body.
        for e in sorted(ents.values(), key=lambda e: (e.first, e.key)):
            if e.type != "ORG" or not e.mentions or e.rule.split(".")[1:2] not in (["ner"], ["orgrole"]):
                continue
            for (a, b), t in sorted(e.mentions.items()):
                mt = re.match(r"((?:\s+(?:for|of|für)(?:\s+[A-ZÄÖÜ][\w'’-]*){1,3})?)[“”\"»«]?\s*\(([A-ZÄÖÜ]{2,8})\)",
                              text[b:b + 60])
                o = ents.get("org:" + mt.group(2).lower()) if mt else None
                if o is not None and o is not e and o.type == "ORG" and not o.kb_id and \
                        t[:1].upper() == mt.group(2)[:1]:
                    if mt.group(1):  # the model stopped before "for Democracy": the full name is the mention
                        e.add(a, b + len(mt.group(1)), text[a:b + len(mt.group(1))])
                    e.mentions.update(o.mentions)
                    e.first = min(e.first, o.first)
                    o.mentions = {}
        forms: dict[str, _Ent] = {}
        for e in sorted(ents.values(), key=lambda e: (e.first, e.key)):
            if e.type not in ("PER", "ORG") or not e.mentions or e.kb_id or \
                    e.rule.split(".")[1:2] not in (["ner"], ["role"], ["orgrole"]):
                continue
            for t in sorted(set(e.mentions.values()), key=lambda t: (-len(t), t)):
                words = t.split()
                if len(t) >= 3 and all(w[:1].isupper() or w in self.particles for w in words) and \
                        words[0] not in self.not_names and self.kb.role(self.lang, words[0]) is None:
                    forms.setdefault(t, e)
        if not forms:
            return
        spans = sorted(covered + [k for e in ents.values() for k in e.mentions] + [(m.start, m.end) for m in matches]
                       + [(p.start, p.end) for p in place_mentions])
        gen = self.name_genitive
        for t in sorted(forms, key=lambda t: (-len(t), t)):
            e = forms[t]
            for mt in re.finditer(r"(?<![\w-])" + re.escape(t) + gen + r"(?![\w-])", text):
                a, b = mt.start(), mt.end()
                if a not in tok_at or (a, b) in e.mentions or any(x < b and a < y for x, y in spans):
                    continue
                e.add(a, b, text[a:b])
                spans.append((a, b))

    def _link_surnames(self, text: str, tokens: list[Token], ents: dict[str, _Ent],
                       covered: list[tuple[int, int]]) -> None:
        """Surname-only mentions ("Dong", "Beloussow", "Wulffs") join the person named in full earlier."""
        by_surname: dict[str, _Ent] = {}
        for e in list(ents.values()):
            if e.type != "PER":
                continue
            for (a, b), t in list(e.mentions.items()):
                parts = t.split()
                if len(parts) >= 2 and _NAME_TOKEN.match(parts[-1]):
                    by_surname.setdefault(parts[-1], e)
            # A bare surname the model found on its own belongs to the full name.
            if " " not in e.name and e.key.startswith("per:"):
                for o in ents.values():
                    if o is not e and o.type == "PER" and o.name.split()[-1:] == [e.name]:
                        o.mentions.update(e.mentions)
                        o.first = min(o.first, e.first)
                        e.mentions = {}
                        break
        if not by_surname:
            return
        spans = sorted(covered + [k for e in ents.values() for k in e.mentions])
        for t in tokens:
            w = t.text
            base = w
            if w not in by_surname:
                gen = next((g for g in self.genitive_endings if w.endswith(g) and w[:-len(g)] in by_surname), None)
                if gen is not None:
                    base = w[:-len(gen)]
                else:
                    continue
            if any(x < t.end and t.start < y for x, y in spans):
                continue
            by_surname[base].add(t.start, t.end, w)


@functools.cache
def _credit_pattern() -> re.Pattern[str]:
    # the credit words of every language: image captions keep the wording of where the image came from
    return credit_regex({str(w) for lang in langdata.languages() for w in langdata.load(lang, "entities").get("credit_words") or ()})


def credit_regex(words: Iterable[str]) -> re.Pattern[str]:
    """What ends the text before a credited name: one of `words` (also in -s) and a colon, or "©".
    Without words only "©": an empty alternative would take any colon for a credit."""
    ordered = sorted(words)
    alts = [r"\b(?:" + "|".join(map(re.escape, ordered)) + r")s?\s*:"] if ordered else []
    return re.compile(r"(?:" + "|".join([*alts, "©"]) + r")\s*$", re.I)


def _credit_before(text: str, start: int) -> bool:
    """Whether the words just before `start` on its line introduce a photo credit ("Image:", "Foto:", "©")."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_credit_pattern().search(text[max(line_start, start - 40):start]))


def _actor_of(c: Candidate) -> tuple[str | None, str | None]:
    """(country, org) that a gazetteer candidate stands for."""
    if c.kind == "org":
        return (c.country, None) if c.feature in ("national", "descriptive") else (None, c.org or c.id)
    return c.country or c.id, None


def _term_on(terms: list[Any], on: date) -> Any:
    """The term of office in force on `on`, else the last one begun before it, else the first."""
    if not terms:
        return None
    live = [t for t in terms if t.in_office(on)]
    if live:
        return live[-1]
    before = [t for t in terms if t.start is None or t.start <= on]
    return before[-1] if before else terms[0]


def tok_index(toks: list[Token], offset: int, default: int) -> int:
    """Index of the token of `toks` that contains character `offset`."""
    for i, t in enumerate(toks):
        if t.start <= offset < t.end:
            return i
    return default


def _doc_date(doc: Document) -> date:
    try:
        return date.fromisoformat(doc.published[:10]) if doc.published else date.today()
    except ValueError:
        return date.today()


def make_entity_recognizer(lang: str) -> EntityRecognizer:
    """The "entities" stage for `lang` (KB from env LAGEBILD_KB or the shipped index; NER model if trained)."""
    return EntityRecognizer(lang)
