"""The coreference stage: pronouns, possessives, definite descriptions and name parts → their entity.

``make_coref_resolver(lang)`` builds the stage (name ``"coref"``). It runs after the entity and
place stages and before quotes and events, which read its layer instead of resolving on their own.
What it knows of a language lives in ``lang/<xx>/coref.yaml``.

What it resolves (German and English):

* personal pronouns by number and gender: "er/ihn/ihm", "he/him" → a male (or gender-unknown)
  person; "sie", "she/her" → a female person; "sie" (plural), "they/them" → a group (organisation,
  plural role noun such as "Demonstranten", "protesters", with the country it is written with:
  "sudanesische Flüchtlinge", "Kämpfer von Boko Haram"); possessives ("seine", "her") alike; "it"
  → a state or organisation named before it in its own sentence ("China said it would …"); a pronoun
  that fits nobody → the one state that is the subject of its or the previous sentence;
* the subject of a clause before the pronoun wins, except that an object pronoun ("ihn", "them")
  takes the nearest candidate and a candidate inside a prepositional phrase of the pronoun's own
  sentence ("Speaking to X, he said") comes last;
* definite descriptions of a state: "das Land", "the country" → the most recently named country,
  else the article's main country;
* definite role descriptions ("der Minister", "die Kanzlerin", "the president") → the last person
  named with that role; definite organisation nouns ("die Partei", "the ministry") → the last
  organisation (preferring one whose name holds the noun);
* name parts: a person entity named by a surname alone ("Cengiz") joins the one person entity
  whose full name ends with it ("Hatice Cengiz").

A person's gender comes from first names, the words written next to the name ("Frau",
"Ministerin", "Mrs") and, failing those, the pronouns that follow the person's mentions.
Candidates for a pronoun are the named mentions (and resolved pronouns) of its sentence before it
and of the sentences before it, nearest sentence first; within a sentence the first candidate
(subjects come first) wins, a person of known matching gender before one of unknown gender.

``doc.layers["coref"]`` holds one dict per resolved mention, sorted by position: ``start``,
``end``, ``text``, ``kind`` (pronoun | possessive | state | role | org | name), ``rule`` (how it
was linked), ``entity`` (the entity id or None), ``country``, ``org``, ``sectors`` (of the
antecedent actor), ``antecedent`` ([start, end]), ``distance`` (sentences back) and
``same_key`` (False when candidates of different countries competed: a guess).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any

from lagebild import lang as langdata
from lagebild.analyze import Sentence, Token
from lagebild.doc import Document, Entity
from lagebild.extract.event_actors import Actor, find_actors, group_role
from lagebild.kb.index import KB

_STRIP = ",.;:()\"'„“”«»"
# How far back (sentences) a pronoun, a state or a person/organisation description may reach.
_PRONOUN_WINDOW = 4
_STATE_WINDOW = 3
_ROLE_WINDOW = 8
_ORG_WINDOW = 5
_ORG_NEAR = 2


@dataclass(frozen=True)
class CorefLexicon:
    lang: str
    pronouns: dict[str, tuple[str | None, str]]
    polite: frozenset[str]
    object_pronouns: frozenset[str]
    dummy_verbs: frozenset[str]
    same_plural_endings: tuple[str, ...]
    singular_determiners: frozenset[str]
    plural_endings: tuple[str, ...]
    not_plural_endings: tuple[str, ...]
    plural_lemmas: bool
    plural_nouns: frozenset[str]
    possessives: dict[str, tuple[str | None, str]]
    possessive_before_noun: frozenset[str]
    state_nouns: frozenset[str]
    definite: frozenset[str]
    indefinite: frozenset[str]
    masculine_determiners: frozenset[str]
    role_nouns: tuple[str, ...]
    org_nouns: tuple[str, ...]
    group_of: frozenset[str]
    female_words: frozenset[str]
    male_words: frozenset[str]
    female_suffixes: tuple[str, ...]
    female_noun_suffix: str | None
    vowels: str  # the feminine noun suffix counts after a consonant only
    female_names: frozenset[str]
    male_names: frozenset[str]
    # nouns are capitalised (analyze.yaml): a description's noun then has a capital, elsewhere none
    capitalised_nouns: bool

    def role_noun(self, word: str) -> str | None:
        """The role noun `word` ends with (longest first: Außenminister → außenminister), else None."""
        w = word.lower()
        return next((r for r in self.role_nouns if w.endswith(r)), None)

    def org_noun(self, word: str) -> str | None:
        w = word.lower()
        return next((r for r in self.org_nouns if w.endswith(r)), None)

    def word_gender(self, word: str) -> str | None:
        """"f"/"m" for a word that marks its person's gender ("Frau", "Ministerin", "Mr"), else None."""
        w = word.strip(_STRIP)
        low = w.lower()
        if low in self.female_words or (self.female_suffixes and low.endswith(self.female_suffixes)):
            return "f"
        if low in self.male_words:
            return "m"
        suf = self.female_noun_suffix
        if suf and w[:1].isupper() and w.endswith(suf) and len(w) > 6 and w[-len(suf) - 1] not in self.vowels:
            return "f"
        return None

    def name_gender(self, name: str) -> str | None:
        parts = name.split()
        first = parts[0].lower() if parts else ""
        if first in self.female_names:
            return "f"
        if first in self.male_names:
            return "m"
        return None


def _gn(table: dict[str, Any] | None) -> dict[str, tuple[str | None, str]]:
    return {str(k).lower(): (v[0] if v[0] else None, str(v[1])) for k, v in (table or {}).items()}


def _low(items: Any) -> frozenset[str]:
    return frozenset(str(x).lower() for x in (items or []))


@functools.cache
def load_coref_lexicon(lang: str) -> CorefLexicon:
    """The coreference data of `lang` (lang/<lang>/coref.yaml)."""
    cfg: dict[str, Any] = langdata.load(lang, "coref")
    names: dict[str, Any] = cfg.get("first_names") or {}
    if cfg.get("first_names_from"):
        names = langdata.load(str(cfg["first_names_from"]), "coref").get("first_names") or {}
    gender: dict[str, Any] = cfg.get("gender") or {}
    by_len = lambda xs: tuple(sorted(_low(xs), key=lambda r: (-len(r), r)))  # noqa: E731
    return CorefLexicon(
        lang=lang,
        pronouns=_gn(cfg.get("pronouns")),
        polite=frozenset(str(x) for x in cfg.get("polite_pronouns") or []),
        object_pronouns=_low(cfg.get("object_pronouns")),
        dummy_verbs=_low(cfg.get("dummy_verbs")),
        same_plural_endings=tuple(str(x) for x in cfg.get("same_plural_endings") or ()),
        singular_determiners=_low(cfg.get("singular_determiners")),
        plural_endings=tuple(str(x) for x in (cfg.get("plural") or {}).get("endings") or ()),
        not_plural_endings=tuple(str(x) for x in (cfg.get("plural") or {}).get("not_endings") or ()),
        plural_lemmas=bool((cfg.get("plural") or {}).get("lemmas_too")),
        plural_nouns=_low((cfg.get("plural") or {}).get("nouns")),
        possessives=_gn(cfg.get("possessives")),
        possessive_before_noun=_low(cfg.get("possessive_before_noun")),
        state_nouns=frozenset(str(x) for x in cfg.get("state_nouns") or []),
        definite=_low(cfg.get("definite")),
        indefinite=_low(cfg.get("indefinite")),
        masculine_determiners=_low(cfg.get("masculine_determiners")),
        role_nouns=by_len(cfg.get("role_nouns")),
        org_nouns=by_len(cfg.get("org_nouns")),
        group_of=_low(cfg.get("group_of")),
        female_words=_low(gender.get("female_words")),
        male_words=_low(gender.get("male_words")),
        female_suffixes=tuple(sorted(_low(gender.get("female_suffixes")))),
        female_noun_suffix=gender.get("female_noun_suffix") or None,
        vowels=str(gender.get("vowels") or ""),
        female_names=_low(names.get("female")),
        male_names=_low(names.get("male")),
        capitalised_nouns=bool(langdata.load(lang, "analyze").get("capitalised_nouns")),
    )


@dataclass(slots=True)
class Link:
    """One resolved mention: its span and what it stands for."""

    start: int
    end: int
    text: str
    kind: str  # pronoun | possessive | state | role | org | name
    rule: str
    entity: str | None
    country: str | None
    org: str | None
    sectors: tuple[str, ...]
    antecedent: tuple[int, int]
    distance: int = 0
    same_key: bool = True

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind, "rule": self.rule,
                "entity": self.entity, "country": self.country, "org": self.org, "sectors": list(self.sectors),
                "antecedent": list(self.antecedent), "distance": self.distance, "same_key": self.same_key}


@dataclass(slots=True)
class _Ref:
    """A candidate antecedent: a named mention (actor or entity) or an already resolved pronoun."""

    start: int
    end: int
    entity: str | None
    country: str | None
    org: str | None
    sectors: tuple[str, ...]
    kind: str  # the actor kind, "entity" for an entity mention outside the actor layer, "coref"
    gender: str | None
    number: str  # sg | pl
    person: bool
    state: bool
    org_like: bool
    sentence: int
    ident: str = ""
    roles: tuple[str, ...] = field(default=())  # lowercase words written before a person's mention
    in_pp: bool = False  # the mention is governed by a preposition ("Speaking to X", "mit X")

    @property
    def key(self) -> str | None:
        return self.country or self.org


class CorefResolver:
    """Stage ``coref``: fills ``doc.layers["coref"]`` from the entities, the KB's actors and the tokens."""

    name = "coref"

    def __init__(self, lang: str, kb: KB | None = None) -> None:
        self.lang = lang
        self.lex = load_coref_lexicon(lang)
        self.kb = kb or KB.load()

    def __call__(self, doc: Document) -> Document:
        doc.layers["coref"] = [lk.to_json() for lk in self.resolve(doc)]
        return doc

    # ------------------------------------------------------------------ genders

    def _genders(self, doc: Document, sentences: list[Sentence]) -> dict[str, str | None]:
        """Gender of each person entity: first names, the role or the words standing with a mention,
        else the pronouns after its mentions in sentences that name no other person."""
        lex = self.lex
        text = doc.text
        out: dict[str, str | None] = {}
        pers = [e for e in doc.entities if e.type == "PER"]
        for e in pers:
            g = lex.name_gender(e.name)
            if g is None:
                for m in e.mentions:
                    if len(m.text.split()) > 1 and (g := lex.name_gender(m.text)):
                        break
            if g is None and e.role:
                g = lex.word_gender(e.role.split()[-1]) if e.role.split() else None
            if g is None:
                votes = {"f": 0, "m": 0}
                for m in e.mentions:
                    for w in reversed(text[max(0, m.start - 40):m.start].split()[-3:]):
                        if w[-1:] in ",;:)":
                            break
                        wg = lex.word_gender(w)
                        if wg:
                            votes[wg] += 2
                            break
                if votes["f"] == votes["m"]:
                    self._pronoun_votes(e, pers, sentences, votes)
                if votes["f"] != votes["m"]:
                    g = "f" if votes["f"] > votes["m"] else "m"
            out[e.id] = g
        return out

    def _pronoun_votes(self, e: Entity, pers: list[Entity], sentences: list[Sentence], votes: dict) -> None:
        others = [(m.start, m.end) for o in pers if o.id != e.id for m in o.mentions]
        for m in e.mentions:
            sent = next((s for s in sentences if s.start <= m.start < s.end), None)
            if sent is None or any(sent.start <= a < sent.end for a, _ in others):
                continue
            for t in sent.tokens:
                if t.start < m.end or t.pos != "PRON":
                    continue
                pg = self.lex.pronouns.get(t.text.lower())
                if pg and pg[0] in votes and pg[1] != "pl":
                    votes[pg[0]] += 1
                    break

    # ------------------------------------------------------------------ candidates

    def _refs(self, doc: Document, sentences: list[Sentence], actors: list[Actor],
              genders: dict[str, str | None], alias: dict[str, str]) -> list[list[_Ref]]:
        lex = self.lex
        text = doc.text
        ents = {e.id: e for e in doc.entities}
        starts = [s.start for s in sentences]
        refs: list[list[_Ref]] = [[] for _ in sentences]

        def sent_of(pos: int) -> int:
            lo, hi = 0, len(starts)
            while lo < hi:
                mid = (lo + hi) // 2
                if starts[mid] <= pos:
                    lo = mid + 1
                else:
                    hi = mid
            return lo - 1

        def roles_before(start: int) -> tuple[str, ...]:
            return tuple(w.strip(_STRIP).lower() for w in text[max(0, start - 60):start].split()[-3:])

        def in_pp(si: int, start: int) -> bool:
            # the noun phrase the mention ends ("mit dem Präsidenten Putin", "to Martin Smith of PBS")
            # starts right after a preposition
            toks = sentences[si].tokens
            k = next((n for n, t in enumerate(toks) if t.start >= start), len(toks)) - 1
            while k >= 0 and toks[k].pos in ("DET", "ADJ", "NUM", "NOUN", "PROPN"):
                k -= 1
            return k >= 0 and toks[k].pos == "ADP"

        # named entity mentions first, with the country, organisation and sectors of an actor found
        # at the same place (a KB person "Johnson" inside the entity "Boris Johnson")
        covered: list[tuple[int, int]] = []
        ai = 0
        mentions = sorted(((m.start, m.end, e) for e in doc.entities if e.type in ("PER", "ORG", "GPE")
                           for m in e.mentions), key=lambda x: x[0])
        for ms, me, e in mentions:
            si = sent_of(ms)
            if si < 0 or ms >= sentences[si].end or any(ms < ce and cs < me for cs, ce in covered):
                continue
            while ai < len(actors) and actors[ai].end <= ms:
                ai += 1
            act = next((x for x in actors[ai:ai + 4] if x.start < me and ms < x.end and x.key
                        and x.kind != "demonym"), None)
            person = e.type == "PER"
            country = e.country or (act.country if act else None)
            org = e.org or (act.org if act else None)
            sectors = tuple(e.sectors) or (tuple(act.sectors) if act else ())
            kind = act.kind if act is not None and (act.start, act.end) == (ms, me) else "entity"
            state = e.type == "GPE" or kind in ("country", "capital")
            g = genders.get(e.id) if person else None
            ent = alias.get(e.id, e.id)
            refs[si].append(_Ref(ms, me, ent, country, org, sectors, kind, g, "sg", person, state,
                                 not person and not state, si, ent,
                                 roles_before(ms) + ((e.role.lower(),) if person and e.role else ()),
                                 in_pp(si, ms)))
            covered.append((ms, me))
        group_country: dict[str, Actor] = {}
        for n, a in enumerate(actors):
            if a.kind == "demonym" or any(a.start < ce and cs < a.end for cs, ce in covered):
                continue
            si = sent_of(a.start)
            if si < 0 or a.start >= sentences[si].end:
                continue
            number = "pl" if self._plural_role(a, text) else "sg"
            if not a.key:
                # a plural group noun ("die Flüchtlinge", "Kämpfer von Boko Haram") is what "sie"/"they"
                # most often stands for: a candidate with the country it is written with, else none
                if number != "pl" or self._person_role(a):
                    continue
                a = self._group_actor(a, n, actors, text, group_country)
            person = a.kind == "person"
            state = a.kind in ("country", "capital")
            g = lex.name_gender(a.text) if person else None
            refs[si].append(_Ref(a.start, a.end, a.entity, a.country, a.org, tuple(a.sectors), a.kind, g, number, person,
                                 state, a.kind == "org", si, a.entity or a.key or f"group:{a.text.casefold()}",
                                 roles_before(a.start) if person else (), in_pp(si, a.start)))
        for r in refs:
            r.sort(key=lambda x: x.start)
        return refs

    def _group_actor(self, a: Actor, n: int, actors: list[Actor], text: str, seen: dict[str, Actor]) -> Actor:
        """A country-less group noun with the country of a demonym or country right before it
        ("sudanesische Flüchtlinge"), of the actor it is "of" ("Kämpfer von Boko Haram"), or of the
        last mention of the same noun that had one."""
        last = a.text.split()[-1] if a.text else ""
        role = group_role(self.kb, self.lang, last)
        noun = role.lemma if role is not None else last.casefold()
        near = None
        if n > 0 and actors[n - 1].key and actors[n - 1].kind in ("demonym", "country", "capital", "prefix") and \
                not text[actors[n - 1].end:a.start].strip(" ,"):
            near = actors[n - 1]
        elif n + 1 < len(actors) and actors[n + 1].key and actors[n + 1].kind != "demonym" and \
                text[a.end:actors[n + 1].start].strip().casefold() in self.lex.group_of:
            near = actors[n + 1]
        if near is not None:
            seen[noun] = near
        else:
            near = seen.get(noun)
        if near is None:
            return a
        return Actor(a.start, a.end, near.country, near.org if near.kind != "demonym" else None, a.sectors, None,
                     a.kind, text=a.text)

    def _person_role(self, a: Actor) -> bool:
        """A role that names one person's office ("Präsidenten" is mostly a singular case form)."""
        last = a.text.split()[-1] if a.text else ""
        role = self.kb.role(self.lang, last) or group_role(self.kb, self.lang, last)
        return role is None or role.office is not None or self.lex.role_noun(role.lemma) is not None

    def _plural_role(self, a: Actor, text: str) -> bool:
        if a.kind == "people":
            return True
        if a.kind != "role":
            return False
        last = a.text.split()[-1] if a.text else ""
        role = self.kb.role(self.lang, last) or group_role(self.kb, self.lang, last)
        if role is None:
            return False
        if self.lex.same_plural_endings and last.endswith(role.lemma) and \
                role.lemma.endswith(self.lex.same_plural_endings):
            # "Kämpfer" is singular and plural: plural unless a singular determiner stands before it
            # (an adjective may come between: "der bewaffnete Kämpfer")
            before = [w.strip(_STRIP).casefold() for w in text[max(0, a.start - 60):a.start].split()][-2:]
            if len(before) == 2 and before[1] not in self.lex.definite | self.lex.indefinite:
                before = before[:1]
            return not (before and before[-1] in self.lex.singular_determiners)
        low, lemma = last.casefold(), role.lemma.casefold()
        if low in self.lex.plural_nouns:
            return True
        # an inflected plural differs from its lemma; where lemmas keep the plural ending ("nationals")
        # the lemma may be the plural itself
        return low.endswith(self.lex.plural_endings) and not low.endswith(self.lex.not_plural_endings) and \
            (low != lemma or (self.lex.plural_lemmas and lemma.endswith(self.lex.plural_endings)))

    # ------------------------------------------------------------------ name parts

    def _name_parts(self, doc: Document) -> tuple[dict[str, str], list[Link]]:
        """Person entities named by one word that is the last word of exactly one other person's
        name ("Cengiz" → "Hatice Cengiz"): their mentions link to that person."""
        pers = [e for e in doc.entities if e.type == "PER"]
        by_last: dict[str, list[Entity]] = {}
        for e in pers:
            parts = e.name.split()
            if len(parts) > 1:
                by_last.setdefault(parts[-1].casefold(), []).append(e)
        alias: dict[str, str] = {}
        links: list[Link] = []
        for e in pers:
            parts = e.name.split()
            if len(parts) != 1 or any(len(m.text.split()) > 1 for m in e.mentions):
                continue
            full = by_last.get(parts[0].casefold(), [])
            if len(full) != 1:
                continue
            f = full[0]
            alias[e.id] = f.id
            ante = min(((m.start, m.end) for m in f.mentions), default=(0, 0))
            for m in e.mentions:
                links.append(Link(m.start, m.end, m.text, "name", "name_part", f.id, f.country, f.org,
                                  tuple(f.sectors), ante))
        return alias, links

    # ------------------------------------------------------------------ resolution

    def resolve(self, doc: Document) -> list[Link]:
        sentences: list[Sentence] = doc.layers.get("sentences") or []
        if not sentences:
            return []
        lex = self.lex
        layer = find_actors(doc, self.kb, self.lang)
        genders = self._genders(doc, sentences)
        alias, links = self._name_parts(doc)
        refs = self._refs(doc, sentences, layer.actors, genders, alias)
        taken = [(a.start, a.end) for a in layer.actors]
        ents = {e.id: e for e in doc.entities}
        text = doc.text

        def free(s: int, e: int) -> bool:
            return not any(s < te and ts < e for ts, te in taken)

        for si, sent in enumerate(sentences):
            toks = sent.tokens
            for i, t in enumerate(toks):
                low = t.text.lower()
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                prev = toks[i - 1] if i > 0 else None
                kind = None
                gn = None
                # the object forms are pronouns whatever the tagger says ("lobte ihn")
                if low in lex.pronouns and (t.pos == "PRON" or low in lex.object_pronouns) and \
                        not (t.text in lex.polite and i > 0):
                    if low in lex.possessive_before_noun and nxt is not None and nxt.pos in ("NOUN", "PROPN", "ADJ"):
                        kind, gn = "possessive", lex.possessives.get(low)
                    else:
                        kind, gn = "pronoun", lex.pronouns[low]
                    if gn[0] == "n" and not self._acting_subject(toks, i):
                        continue
                elif low in lex.possessives and t.pos in ("DET", "PRON") and nxt is not None and \
                        nxt.pos in ("NOUN", "PROPN", "ADJ", "NUM"):
                    kind, gn = "possessive", lex.possessives[low]
                elif t.text in lex.state_nouns and prev is not None and prev.text.casefold() in lex.definite and \
                        not (nxt is not None and nxt.pos == "PROPN"):
                    kind = "state"
                elif t.pos in ("NOUN", "PROPN") and t.text[:1].isupper() == lex.capitalised_nouns and \
                        (nxt is None or nxt.pos != "PROPN") and self._definite_before(toks, i):
                    if lex.role_noun(t.text):
                        kind = "role"
                    elif lex.org_noun(t.text):
                        kind = "org"
                    elif self.kb.role(self.lang, t.text) is not None:
                        kind = "role"
                if kind is None:
                    continue
                if kind in ("pronoun", "possessive"):
                    if gn is None or not free(t.start, t.end):
                        continue
                    gender, number = gn
                    # "it" mostly stands for a thing; for a state or organisation only when its own sentence
                    # named one before it ("China said it would retaliate")
                    window = 0 if gender == "n" else _PRONOUN_WINDOW
                    found = _find(refs, si, t.start, lambda r, g=gender, n=number: _fits(r, g, n), window,
                                  demote_pp=kind == "pronoun", nearest=low in lex.object_pronouns)
                    if found is None and kind == "pronoun" and gender != "n":
                        found = _subject_state(refs, si, t.start)
                    if found is None:
                        continue
                    ref, dist, same = found
                    links.append(Link(t.start, t.end, t.text, kind, f"{kind}_{number}" + (f"_{gender}" if gender else ""),
                                      ref.entity, ref.country, ref.org, ref.sectors, (ref.start, ref.end), dist, same))
                    if kind == "pronoun":
                        refs[si].append(_Ref(t.start, t.end, ref.entity, ref.country, ref.org, ref.sectors, "coref",
                                             ref.gender, ref.number, ref.person, ref.state, ref.org_like, si, ref.ident,
                                             ref.roles))
                        refs[si].sort(key=lambda x: x.start)
                elif kind == "state":
                    start = prev.start  # type: ignore[union-attr]
                    if not free(start, t.end):
                        continue
                    found = _find(refs, si, t.start, lambda r: r.state, _STATE_WINDOW)
                    if found is not None:
                        ref, dist, same = found
                        links.append(Link(start, t.end, text[start:t.end], "state", "state_description", ref.entity,
                                          ref.country, ref.org, ("GOV",), (ref.start, ref.end), dist, same))
                    elif layer.default_country:
                        links.append(Link(start, t.end, text[start:t.end], "state", "state_main_country", None,
                                          layer.default_country, None, (), (start, t.end), 0, True))
                elif kind == "role":
                    lk = self._role(doc, refs, toks, i, si, ents)
                    if lk is not None:
                        links.append(lk)
                else:
                    lk = self._org(doc, refs, t, si)
                    if lk is not None:
                        links.append(lk)
        links.sort(key=lambda lk: (lk.start, -lk.end))
        return links

    def _acting_subject(self, toks: list[Token], i: int) -> bool:
        """A neuter pronoun stands for a state or organisation only as the subject of a full verb
        ("China said it would retaliate"): not as an object ("called it a success", "for it") nor as a
        dummy subject ("it is unclear", "it was reported")."""
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None or nxt.pos not in ("VERB", "AUX") or nxt.text.casefold() in self.lex.dummy_verbs:
            return False
        return prev is None or prev.pos != "ADP"

    def _definite_before(self, toks, i: int) -> bool:
        j = i - 1
        while j >= 0 and toks[j].pos == "ADJ":
            j -= 1
        return j >= 0 and toks[j].text.lower() in self.lex.definite

    def _role(self, doc: Document, refs: list[list[_Ref]], toks, i: int, si: int, ents) -> Link | None:
        """"der Präsident", "die Ministerin": the last person named with that role (of fitting gender)."""
        lex = self.lex
        t = toks[i]
        noun = lex.role_noun(t.text) or t.text.lower()
        krole = self.kb.role(self.lang, t.text)
        want = lex.word_gender(t.text)
        j = i - 1
        while j >= 0 and toks[j].pos == "ADJ":
            j -= 1
        if want is None and toks[j].text.lower() in lex.masculine_determiners:
            want = "m"

        def has_role(r: _Ref) -> bool:
            for w in r.roles:
                if not w:
                    continue
                if w.endswith(noun) or noun.endswith(w) and len(w) > 3:
                    return True
                if krole is not None:
                    kr = self.kb.role(self.lang, w) if w[:1].isalpha() else None
                    if kr is not None and kr.lemma == krole.lemma:
                        return True
            return False

        cands: list[_Ref] = []
        fallback: list[_Ref] = []
        for k in range(si, max(-1, si - _ROLE_WINDOW - 1), -1):
            for r in refs[k]:
                if not r.person or r.end > t.start or r.kind == "coref":
                    continue
                if want is not None and r.gender not in (want, None):
                    continue
                (cands if has_role(r) else fallback).append(r)
        if cands:
            r = max(cands, key=lambda x: x.start)
            rule = "role_named_with"
        elif fallback and self._person_desc(toks, i) and lex.role_noun(t.text):
            # no one named with the role: the last person of fitting gender (a guess: not for events);
            # only for nouns that name a person's office, not for groups and bodies ("die Flüchtlinge",
            # "das Militär")
            r = max(fallback, key=lambda x: (x.gender == want if want else False, x.start))
            rule = "role_last_person"
        else:
            return None
        return Link(t.start, t.end, t.text, "role", rule, r.entity, r.country, r.org, r.sectors, (r.start, r.end),
                    si - r.sentence, rule == "role_named_with")

    def _person_desc(self, toks, i: int) -> bool:
        """The role noun heads the phrase (not a genitive complement of another noun)."""
        return i + 1 >= len(toks) or toks[i + 1].pos not in ("NOUN", "DET")

    def _org(self, doc: Document, refs: list[list[_Ref]], t, si: int) -> Link | None:
        """"die Partei", "the ministry": the last organisation named, preferring one whose name or
        mention holds the noun."""
        noun = self.lex.org_noun(t.text) or ""
        ents = {e.id: e for e in doc.entities}
        cands = [r for k in range(si, max(-1, si - _ORG_WINDOW - 1), -1) for r in refs[k]
                 if r.org_like and r.end <= t.start and r.entity and r.kind != "coref"]
        fit = [r for r in cands if noun and (noun in (ents[r.entity].name.lower() if r.entity in ents else "")
                                            or noun in doc.text[r.start:r.end].lower())]
        rule = "org_named"
        if not fit:
            fit = [r for r in cands if si - r.sentence <= _ORG_NEAR]
            rule = "org_last"
        if not fit:
            return None
        r = max(fit, key=lambda x: x.start)
        return Link(t.start, t.end, t.text, "org", rule, r.entity, r.country, r.org, r.sectors, (r.start, r.end),
                    si - r.sentence, rule == "org_named")


def _fits(r: _Ref, gender: str | None, number: str) -> bool:
    if gender == "n":
        # "it": a state or an organisation, never a person
        return (r.state or r.org_like) and not r.person
    if number == "pl":
        return r.number == "pl" or r.org_like
    if number == "sg":
        return r.person and (gender is None or r.gender in (gender, None)) and r.number == "sg"
    # "sie": a female person, or a group
    return (r.person and r.gender == "f") or r.number == "pl" or r.org_like


def _find(refs: list[list[_Ref]], si: int, before: int, ok: Callable[[_Ref], bool], window: int,
          demote_pp: bool = False, nearest: bool = False) -> tuple[_Ref, int, bool] | None:
    """The nearest sentence's fitting candidate: (ref, sentences back, whether all candidates there
    share the chosen one's country). `demote_pp`: in the pronoun's own sentence a candidate governed by
    a preposition is taken only when no sentence before offers one ("Speaking to X, he said": he is
    not X). `nearest`: an object pronoun takes the nearest candidate of its own sentence, not its
    subject ("Merkel traf Macron und lobte ihn", "X arrested Y, claiming them to be …")."""
    held: list[_Ref] = []
    for k in range(si, max(-1, si - window - 1), -1):
        cands = [r for r in refs[k] if ok(r) and r.end <= before]
        if demote_pp and k == si:
            held = [r for r in cands if r.in_pp]
            cands = [r for r in cands if not r.in_pp]
        if not cands:
            continue
        # an object pronoun does not stand for its own clause's subject (the first candidate there)
        rivals = cands[1:] if nearest and k == si and len(cands) > 1 else cands
        same = len({r.key for r in rivals if r.key}) <= 1
        if len({r.ident for r in cands}) > 1:
            # a candidate of known gender beats those of unknown gender when it is the only one
            known = [r for r in cands if r.gender is not None]
            if known and len({r.ident for r in known}) == 1:
                cands = known
        best = cands[-1] if nearest and k == si else cands[0]
        return best, si - k, same
    if held:
        return held[0], 0, len({r.key for r in held if r.key}) <= 1
    return None


def _subject_state(refs: list[list[_Ref]], si: int, before: int) -> tuple[_Ref, int, bool] | None:
    """A pronoun that fits no person or group may stand for a state ("China … Stattdessen verkauft
    sie …", written for "die Volksrepublik"): the one state named outside a prepositional phrase in
    its own sentence before it, else in the sentence before."""
    for k in (si, si - 1):
        if k < 0:
            return None
        states = [r for r in refs[k] if r.state and not r.in_pp and r.end <= before and r.kind != "coref"]
        if len({r.key for r in states}) == 1:
            return states[0], si - k, True
        if states:
            return None
    return None


def make_coref_resolver(lang: str) -> CorefResolver:
    """The coref stage for `lang` (reads lagebild/lang/<lang>/coref.yaml once)."""
    return CorefResolver(lang)


__all__ = ["CorefLexicon", "CorefResolver", "Link", "load_coref_lexicon", "make_coref_resolver"]
