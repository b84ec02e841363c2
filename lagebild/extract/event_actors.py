"""Actor mentions for event coding: who in a sentence can be a CAMEO source or target.

Actors come from the entity layer when it is there (``doc.entities`` with country, org and
sectors); the knowledge base adds what an entity tagger does not list as a named entity but CAMEO
codes as an actor: country names and capitals used for their governments ("Moskau und Peking"),
demonym + role nouns ("ägyptische Bereitschaftspolizisten", "Belarusian KGB"), role nouns alone
("die Polizei", "protesters", coded with the article's main country, or with the country of the place
they are in: "Demonstranten in Minsk") and persons in the KB. A compound's head names its group where the
language writes compounds as one word ("Bereitschaftspolizisten" → COP); what a language needs for
that is in ``lang/<xx>/actors.yaml``.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from lagebild import lang as langdata
from lagebild.analyze import Token
from lagebild.doc import Document
from lagebild.kb.index import KB, Role


@dataclass(slots=True)
class Actor:
    """One actor mention: character span, token index span in its sentence and the actor code parts."""

    start: int
    end: int
    country: str | None
    org: str | None
    sectors: tuple[str, ...] = ()
    entity: str | None = None
    kind: str = "entity"  # entity | country | capital | person | org | role | people
    place: str | None = None  # the place name when the mention is also a place (capitals)
    inferred: bool = False  # country taken from the article, not from the mention
    text: str = ""

    @property
    def code(self) -> str | None:
        """CAMEO actor code: country (or org) followed by sectors, e.g. CHNGOVMIL, NATO."""
        head = self.country or self.org
        if not head:
            return None
        return head + "".join(s for s in self.sectors if s and s != head)

    @property
    def key(self) -> str | None:
        """What the dyad is compared on: the country, else the organisation."""
        return self.country or self.org


@dataclass(slots=True)
class PlaceMention:
    start: int
    end: int
    name: str
    country: str | None
    feature: str | None


@dataclass(slots=True)
class ActorLayer:
    actors: list[Actor] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    default_country: str | None = None


_ACTOR_KINDS = ("country", "org", "person", "demonym")
# Mentions that name a country in words (not a person or organisation the entity stage gave a country).
_NAMING_KINDS = ("country", "capital", "demonym", "people")


def _capitals(kb: KB) -> dict[str, str]:
    cache = getattr(kb, "_lagebild_capitals", None)
    if cache is None:
        cache = {c.capital: c.alpha3 for c in kb.countries() if c.capital}
        try:
            kb._lagebild_capitals = cache  # type: ignore[attr-defined]
        except AttributeError:
            pass
    return cache


@functools.cache
def _settings(lang: str) -> dict[str, Any]:
    return langdata.load(lang, "actors")


def _compound_settings(lang: str) -> tuple[bool, int]:
    cfg = _settings(lang)
    return bool(cfg.get("compound_heads")), int(cfg.get("compound_min_prefix") or 4)


def group_role(kb: KB, lang: str, word: str, lemma: str | None = None) -> Role | None:
    """The role with sectors that `word` names: the word itself, or (where the language writes compounds
    as one word) its longest head that is a role noun naming no single office ("Bereitschaftspolizisten"
    → Polizisten). None when the word names no actor."""
    role = kb.role(lang, word) or (kb.role(lang, lemma) if lemma else None)
    if role is not None:
        return role if role.sectors else None
    compounds, min_prefix = _compound_settings(lang)
    if not compounds or not word[:1].isupper():
        return None
    for k in range(min_prefix, len(word) - 3):
        head = word[k:]
        role = kb.role(lang, head[:1].upper() + head[1:])
        if role is not None:
            return role if role.sectors and not role.office else None
    return None


def _gpe_kind(kb: KB, lang: str, text: str, start: int, end: int) -> str:
    """"people" for a mention of a country that names its people ("junge Kameruner", "Syrians"): they
    are a group of that country, not its state; else "country". Before a capitalised word the same form
    is an adjective ("die Schweizer Regierung") and stays "country"."""
    cands = kb.lookup(text[start:end], lang)
    if any(c.kind == "demonym" and c.feature == "people" for c in cands) and \
            not any(c.kind == "country" for c in cands) and not text[end:].lstrip(" ")[:1].isupper():
        return "people"
    return "country"


def _inside_name(toks: list[Token], i: int, actors: list[Actor]) -> bool:
    """Token `i` ends a longer proper name that is not an actor ("New Jersey", "Papua New Guinea"
    when the KB lacks it): a capitalised proper noun right before it that no actor covers."""
    if i == 0:
        return False
    prev = toks[i - 1]
    return prev.pos == "PROPN" and prev.text[:1].isupper() and \
        not any(a.start <= prev.start < a.end for a in actors)


def _groups_in_places(doc: Document, kb: KB, lang: str, layer: ActorLayer) -> None:
    """A group noun written without a country but with the place it is in ("Demonstranten in Minsk",
    "police in Hong Kong", "die Behörden in der Hauptstadt Tunis") is of that place's country. Not for
    groups that are often abroad (soldiers, refugees, embassies: `place_sectors`, `abroad_roles`), nor
    where a demonym already says whose the group is ("die syrische Opposition in Istanbul")."""
    cfg = _settings(lang)
    preps = {str(w).casefold() for w in cfg.get("place_prepositions") or ()}
    sectors = set(cfg.get("place_sectors") or ())
    abroad = {str(w).casefold() for w in cfg.get("abroad_roles") or ()}
    if not preps:
        return
    place_at = {p.start: p for p in layer.places if p.country}
    place_at.update({a.start: a for a in layer.actors if a.kind in ("country", "capital") and a.country
                     and a.start not in place_at})
    ends = {a.end for a in layer.actors if a.kind != "role" and a.country}
    where = {t.start: (sent.tokens, k) for sent in doc.layers.get("sentences") or [] for k, t in enumerate(sent.tokens)}
    for n, a in enumerate(layer.actors):
        if a.kind != "role" or a.country or a.org or not set(a.sectors) & sectors or a.start not in where:
            continue
        toks, k = where[a.start]
        role = group_role(kb, lang, a.text.split("-")[-1])
        if role is not None and role.lemma.casefold() in abroad:
            continue
        b = k - 1
        while b >= 0 and toks[b].end not in ends and toks[b].pos in ("ADJ", "DET", "NUM"):
            b -= 1
        if b >= 0 and toks[b].end in ends:
            continue
        j = next((m for m in range(k, len(toks)) if toks[m].start >= a.end), None)
        if j is None or toks[j].text.casefold() not in preps:
            continue
        j += 1
        while j < len(toks) and toks[j].pos in ("DET", "ADJ"):
            j += 1
        place = place_at.get(toks[j].start) if j < len(toks) else None
        if place is None and j + 1 < len(toks) and toks[j].pos == "NOUN":
            place = place_at.get(toks[j + 1].start)  # "in der Hauptstadt Tunis"
        if place is not None:
            layer.actors[n] = Actor(a.start, a.end, place.country, None, a.sectors, None, "role", text=a.text)


def find_actors(doc: Document, kb: KB, lang: str) -> ActorLayer:
    """All actor and place mentions of `doc`, sorted by position (needs the analyze layer)."""
    layer = ActorLayer()
    text = doc.text
    covered: list[tuple[int, int]] = []
    ent_type = {e.id: e.type for e in doc.entities}
    for e in doc.entities:
        if e.type == "LOC" or not (e.country or e.org or e.sectors):
            continue
        for m in e.mentions:
            kind = "entity" if ent_type[e.id] != "GPE" else _gpe_kind(kb, lang, text, m.start, m.end)
            layer.actors.append(Actor(m.start, m.end, e.country, e.org, tuple(e.sectors), e.id, kind, text=m.text))
            covered.append((m.start, m.end))
    for p in doc.places:
        for m in p.mentions:
            layer.places.append(PlaceMention(m.start, m.end, p.name, p.country, p.feature))
    have_places = bool(layer.places)
    capitals = _capitals(kb)
    # names of several words, which the KB does not list inflected ("Hong Kongs Regierung")
    genitives = tuple(str(g) for g in langdata.load(lang, "entities").get("genitive_endings") or ())

    def free(s: int, e: int) -> bool:
        return not any(s < ce and cs < e for cs, ce in covered)

    for sent in doc.layers.get("sentences") or []:
        toks = sent.tokens
        i = 0
        while i < len(toks):
            hit = None
            for n in (4, 3, 2, 1):
                if i + n > len(toks):
                    continue
                s, e = toks[i].start, toks[i + n - 1].end
                cands = kb.lookup(text[s:e], lang)
                if not cands and n > 1:
                    # the KB inflects one-word names only: "Hong Kongs", "Sri Lankas"
                    cands = [c for g in genitives if text[s:e].endswith(g)
                             for c in kb.lookup(text[s:e - len(g)], lang) if c.kind in ("country", "place", "org")]
                if cands:
                    hit = (n, s, e, cands)
                    break
            if hit is None:
                tok = toks[i]
                if "-" in tok.text[1:-1]:
                    # compound with an actor prefix: "US-Repräsentantenhaus", "NATO-Bitte"; a group named
                    # after a person or place ("Ali-Milizen") is a role all the same
                    prefix, _, rest = tok.text.partition("-")
                    cands = [c for c in kb.lookup(prefix + "-", lang) + kb.lookup(prefix, lang)
                             if c.kind in ("country", "org", "demonym")]
                    role = kb.role(lang, rest) if rest else None
                    if cands and free(tok.start, tok.end) and (role is not None or cands[0].kind == "org"
                                                               or cands[0].kind == "country"):
                        c = cands[0]
                        layer.actors.append(Actor(tok.start, tok.end, c.country, c.org,
                                                  role.sectors if role else (), None,
                                                  "role" if role else "prefix", text=tok.text))
                    elif not cands and free(tok.start, tok.end) and (role := group_role(kb, lang, rest)):
                        layer.actors.append(Actor(tok.start, tok.end, None, None, role.sectors, None, "role",
                                                  text=tok.text))
                elif tok.pos in ("NOUN", "PROPN") and free(tok.start, tok.end):
                    role = group_role(kb, lang, tok.text, tok.lemma)
                    if role is not None:
                        layer.actors.append(Actor(tok.start, tok.end, None, None, role.sectors, None, "role",
                                                  text=tok.text))
                i += 1
                continue
            n, s, e, cands = hit
            c = next((c for c in cands if c.kind in _ACTOR_KINDS), None)
            place = next((c for c in cands if c.kind == "place"), None)
            if place is not None and not have_places:
                layer.places.append(PlaceMention(s, e, place.name, place.country, place.feature))
            elif c is not None and c.kind == "country" and not have_places:
                layer.places.append(PlaceMention(s, e, c.name, c.country, "country"))
            if free(s, e) and not (c is not None and c.kind == "country" and _inside_name(toks, i, layer.actors)):
                if c is not None:
                    kind = "people" if c.kind == "demonym" and c.feature == "people" else c.kind
                    layer.actors.append(Actor(s, e, c.country, c.org if c.kind != "demonym" else None, (),
                                              None, kind, text=text[s:e]))
                elif place is not None and capitals.get(place.name) == place.country:
                    layer.actors.append(Actor(s, e, place.country, None, ("GOV",), None, "capital",
                                              place=place.name, text=text[s:e]))
            i += n
    layer.actors.sort(key=lambda a: (a.start, -a.end))
    layer.places.sort(key=lambda p: p.start)
    _groups_in_places(doc, kb, lang, layer)
    # the article's country: the one its text names most (countries, capitals, demonyms, places; the
    # headline, where the text starts with it, counts twice); the countries the entity stage gives
    # persons and organisations only break a tie, since a person's country is often a guess from the
    # article itself
    head_end = len(doc.title) if doc.title and text.startswith(doc.title) else 0
    named = Counter(a.country for a in layer.actors if a.country and a.kind in _NAMING_KINDS)
    named.update(p.country for p in layer.places if p.country)
    named.update(a.country for a in layer.actors if a.country and a.end <= head_end and a.kind in _NAMING_KINDS)
    counts = Counter(a.country for a in layer.actors if a.country and a.kind != "demonym")
    counts.update(p.country for p in layer.places if p.country)
    layer.default_country = max(counts, key=lambda c: (named[c], counts[c])) if counts else None
    return layer
