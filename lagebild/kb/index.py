"""Read side of the knowledge base: load the built index once and answer lookups.

`KB.load()` returns the shipped index (`lagebild/kb/index/kb.json.gz`, built by `lagebild.kb.build`); lookups give
countries, places, organisations, office holders, demonyms and role nouns by surface form, language and date.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any, ClassVar, Literal

from lagebild.kb import cache as _disk
from lagebild.kb.build import DEFAULT_INDEX, LANGS

Kind = Literal["country", "place", "org", "person", "demonym"]

# Curated entries (ours) outrank GeoNames cities sharing a surface; within a tier, population decides.
_TIER = {"country": 0, "org": 0, "person": 0, "demonym": 0, "place": 0, "city": 1}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of a surface form."""

    kind: Kind
    id: str  # alpha-3 for countries and demonyms, org code, "p:slug" for persons, "gn:<id>" / "lb:slug" for places
    name: str  # canonical English, Wikipedia-title style
    country: str | None = None
    org: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None  # city | sea | region | admin | other (places); IGO | NGO (orgs); adj | people (demonyms)
    population: int = 0
    qid: str | None = None
    prefix: bool = False  # the surface ends in "-" and matches the first part of a hyphenated compound

    @property
    def rank_key(self) -> tuple[int, int, str]:
        return (_TIER["city" if self.feature == "city" else self.kind], -self.population, self.id)


@dataclass(frozen=True, slots=True)
class Person:
    """One term of office of one person."""

    id: str
    name: str
    country: str | None
    org: str | None
    offices: tuple[str, ...]
    start: date | None
    end: date | None  # first day of the successor; None = still in office
    sectors: tuple[str, ...]
    qid: str | None
    source: str | None
    names: dict[str, tuple[str, ...]] = field(hash=False, compare=False)

    @property
    def office(self) -> str:
        return self.offices[0] if self.offices else ""

    @property
    def variants(self) -> tuple[str, ...]:
        """Every surface form, both languages."""
        return tuple(dict.fromkeys(n for lang in LANGS for n in self.names.get(lang, ())))

    def in_office(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True)
class Role:
    """A role noun: which office it names (if one) and which CAMEO sectors it implies."""

    lemma: str
    office: str | None
    sectors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Country:
    alpha3: str
    alpha2: str
    name: str
    population: int
    geonameid: int | None
    capital: str | None
    names: dict[str, tuple[str, ...]] = field(hash=False, compare=False)
    successor: str | None = None  # historical states (ISO 3166-3: DDR, SUN, YUG, CSK): the state coded for them


@dataclass(frozen=True, slots=True)
class Org:
    code: str
    name: str
    type: str
    parent: str | None
    members: tuple[str, ...]
    qid: str | None
    names: dict[str, tuple[str, ...]] = field(hash=False, compare=False)
    actor: str = ""  # the code written to output: `code`, or the parent's for principal organs (UNGA → UN)


@dataclass(frozen=True, slots=True)
class NationalOrg:
    """A national organisation (parliament, court, party, armed force, agency, state medium) of one country."""

    id: str
    name: str
    country: str | None
    sectors: tuple[str, ...]
    qid: str | None
    names: dict[str, tuple[str, ...]] = field(hash=False, compare=False)
    descriptive: dict[str, tuple[str, ...]] = field(hash=False, compare=False)


def _fast_pickle(cls: type) -> type:
    """Pickle a frozen slots dataclass as a constructor call: much faster to load than the default setstate."""
    names = tuple(f.name for f in fields(cls))

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        return type(self), tuple([getattr(self, n) for n in names])

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


for _cls in (Candidate, Person, Role, Country, Org, NationalOrg):
    _fast_pickle(_cls)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


class KB:
    """The loaded knowledge base. Use `KB.load()`; instances are immutable after loading."""

    _cache: ClassVar[dict[Path, "KB"]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, data: dict[str, Any], path: Path | None = None) -> None:
        self.path = path
        self.file_digest: str | None = None  # sha256 of the index file (set by `load`): the key of derived caches
        self.digest: str = data["digest"]
        self.sources_digest: str = data["sources_digest"]
        self.inputs: dict[str, Any] = data["inputs"]
        self._surfaces: dict[str, dict[str, list[Candidate]]] = {lang: defaultdict(list) for lang in LANGS}
        self._countries: dict[str, Country] = {}
        self._orgs: dict[str, Org] = {}
        self._national: dict[str, NationalOrg] = {}
        self._persons: list[Person] = []
        self._by_name: dict[str, list[Person]] = defaultdict(list)
        self._roles: dict[str, dict[str, Role]] = {lang: {} for lang in LANGS}
        self.stoplist: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in data["stoplist"].items()}
        self._load(data)
        for lang in LANGS:
            table = self._surfaces[lang]
            for key, cands in table.items():
                # dict.fromkeys, not set(): a set's order depends on the string hash seed, and readings that tie
                # on rank_key (a demonym as adjective and as people, "Saudi") must keep their load order.
                table[key] = sorted(dict.fromkeys(cands), key=lambda c: c.rank_key)
            self._surfaces[lang] = {key: table[key] for key in sorted(table)}  # sorted: `surfaces` order

    # ------------------------------------------------------------ loading

    @classmethod
    def load(cls, path: Path | None = None) -> "KB":
        """Load (once per path, thread-safe) the index at `path` or the shipped one."""
        p = Path(path).resolve() if path is not None else DEFAULT_INDEX
        with cls._lock:
            kb = cls._cache.get(p)
            if kb is None:
                if not p.exists():
                    raise FileNotFoundError(f"{p}: no kb index; build it with `python -m lagebild.kb.build`")
                raw = p.read_bytes()
                digest = hashlib.sha256(raw).hexdigest()
                kb = _disk.cached("kb", digest, lambda: cls(json.loads(gzip.decompress(raw)), p))
                kb.path, kb.file_digest = p, digest
                cls._cache[p] = kb
        return kb

    def _add(self, lang: str, surface: str, cand: Candidate) -> None:
        self._surfaces[lang][surface].append(cand)

    def _load(self, data: dict[str, Any]) -> None:
        for c in data["countries"]:
            names = {lang: tuple(c["names"][lang]) for lang in LANGS}
            code = c.get("successor") or c["id"]
            self._countries[c["id"]] = Country(c["id"], c["alpha2"], c["name"], c["population"], c["geonameid"],
                                               c["capital"], names, c.get("successor"))
            cand = Candidate("country", c["id"], c["name"], country=code, geonameid=c["geonameid"],
                             population=c["population"])
            for lang in LANGS:
                for n in names[lang]:
                    self._add(lang, n, cand)
            pre = Candidate("country", c["id"], c["name"], country=code, geonameid=c["geonameid"],
                            population=c["population"], prefix=True)
            for p in c["prefixes"]:
                for lang in LANGS:
                    if p[:-1] in names[lang]:
                        self._add(lang, p, pre)
        for p in data["places"]:
            cand = Candidate("place", p["id"], p["name"], country=p["country"], lat=p["lat"], lon=p["lon"],
                             geonameid=p["geonameid"], feature=p["feature"], population=p["population"])
            for lang in LANGS:
                for n in p["names"][lang]:
                    self._add(lang, n, cand)
        for o in data["orgs"]:
            names = {lang: tuple(o["names"][lang]) for lang in LANGS}
            actor = o.get("actor") or o["code"]
            self._orgs[o["code"]] = Org(o["code"], o["name"], o["type"], o["parent"], tuple(o["members"]), o["qid"],
                                        names, actor)
            cand = Candidate("org", o["code"], o["name"], org=actor, feature=o["type"], qid=o["qid"])
            pre = Candidate("org", o["code"], o["name"], org=actor, feature=o["type"], qid=o["qid"], prefix=True)
            for lang in LANGS:
                for n in names[lang]:
                    self._add(lang, n, cand)
                    if n + "-" in o["prefixes"]:
                        self._add(lang, n + "-", pre)
        # National organisations (feature "national"); a descriptive name ("Sozialdemokraten", "Supreme Court")
        # has feature "descriptive": it means this body only in an article about its country.
        for o in data.get("national_orgs", []):
            names = {lang: tuple(o["names"][lang]) for lang in LANGS}
            desc = {lang: tuple(o["descriptive"][lang]) for lang in LANGS}
            self._national[o["id"]] = NationalOrg(o["id"], o["name"], o["country"], tuple(o["sectors"]), o["qid"],
                                                  names, desc)
            for lang in LANGS:
                for feature, forms in (("national", names[lang]), ("descriptive", desc[lang])):
                    cand = Candidate("org", o["id"], o["name"], country=o["country"], feature=feature, qid=o["qid"])
                    for n in forms:
                        self._add(lang, n, cand)
                pre = Candidate("org", o["id"], o["name"], country=o["country"], feature="national", qid=o["qid"],
                                prefix=True)
                for p in o["prefixes"][lang]:
                    self._add(lang, p, pre)
        for r in data["persons"]:
            names = {lang: tuple(r["names"][lang]) for lang in LANGS}
            person = Person(r["id"], r["name"], r["country"], r["org"], tuple(r["offices"]), _date(r["start"]),
                            _date(r["end"]), tuple(r["sectors"]), r["qid"], r["source"], names)
            self._persons.append(person)
            cand = Candidate("person", r["id"], r["name"], country=r["country"], org=r["org"], qid=r["qid"])
            for lang in LANGS:
                for n in names[lang]:
                    self._add(lang, n, cand)
            for n in person.variants:
                self._by_name[n].append(person)
                self._by_name[n.casefold()].append(person)
        for lang, rows in data["demonyms"].items():
            for d in rows:
                c = self._countries.get(d["country"])
                name = c.name if c else d["country"]
                code = (c.successor if c else None) or d["country"]
                for feature, forms in (("adj", d["adjectives"]), ("people", d["people"])):
                    cand = Candidate("demonym", d["country"], name, country=code, feature=feature)
                    for n in forms:
                        self._add(lang, n, cand)
                pre = Candidate("demonym", d["country"], name, country=code, feature="adj", prefix=True)
                for p in d["prefixes"]:
                    self._add(lang, p, pre)
        for lang, rows in data["roles"].items():
            for r in rows:
                role = Role(r["lemma"], r["office"], tuple(r["sectors"]))
                for f in r["forms"]:
                    self._roles[lang].setdefault(f, role)

    # ------------------------------------------------------------ lookups

    def countries(self) -> list[Country]:
        return sorted(self._countries.values(), key=lambda c: c.alpha3)

    def country(self, alpha3: str) -> Country | None:
        return self._countries.get(alpha3.upper())

    def org(self, code: str) -> Org | None:
        return self._orgs.get(code) or self._orgs.get(code.upper())

    def national(self, id_: str) -> NationalOrg | None:
        """A national organisation by its id ("nat:DEU:bundestag")."""
        return self._national.get(id_)

    def nationals(self) -> list[NationalOrg]:
        return sorted(self._national.values(), key=lambda o: o.id)

    def orgs(self) -> list[Org]:
        return sorted(self._orgs.values(), key=lambda o: o.code)

    def lookup(self, surface: str, lang: str) -> list[Candidate]:
        """Every reading of an exact surface form (inflected forms included), best first."""
        return list(self._surfaces.get(lang, {}).get(surface, ()))

    def surfaces(self, lang: str) -> Iterator[tuple[str, Candidate]]:
        """Everything a gazetteer matcher should compile, in a stable order (surface, then rank).

        Surfaces ending in "-" are compound prefixes ("US-", "chinesisch-"): match them at the start of a token.
        """
        table = self._surfaces.get(lang, {})
        for s in sorted(table):
            for cand in table[s]:
                yield s, cand

    def persons(self) -> list[Person]:
        return list(self._persons)

    def holder(self, country: str, office: str, on: date) -> Person | None:
        """Who held `office` of `country` (alpha-3, or an org code such as NATO, UN) on date `on`."""
        hits = [p for p in self._persons
                if (p.country == country or p.org == country) and office in p.offices and p.in_office(on)]
        # Overlaps come from acting periods and hand-overs on the same day: the later appointment wins.
        return max(hits, key=lambda p: p.start or date.min) if hits else None

    def holders_by_name(self, surface: str) -> list[Person]:
        """Terms of office of everyone called `surface` (exact, else case-insensitive), oldest first."""
        hits = self._by_name.get(surface) or self._by_name.get(surface.casefold()) or []
        return sorted(dict.fromkeys(hits), key=lambda p: (p.start or date.min, p.id))

    def role(self, lang: str, word: str) -> Role | None:
        """The role noun `word` (any listed or generated form; German capitalised, English any case)."""
        table = self._roles.get(lang, {})
        return table.get(word) or table.get(word.lower()) or table.get(word[:1].upper() + word[1:])

    def roles(self, lang: str) -> Iterable[tuple[str, Role]]:
        return sorted(self._roles.get(lang, {}).items())
