"""TIMEX3 tagging and normalisation: finds temporal expressions and resolves them against the DCT.

The code is language-neutral: every word and pattern comes from ``lang/<lang>/temporal.yaml``
(a lexicon plus pattern templates whose named groups say what was found) and recurring anchors
(summits, elections) from ``kb/anchors.yaml``. Values follow the gold conventions in
``shared/gold/GUIDELINES.md``: weekdays resolve to the nearest such day in the current week or
before unless the clause points forward; without a publication date values stay underspecified
(``XXXX-06``, ``XXXX-WXX-1``), never guessed.

Public API: ``make_time_tagger(lang)`` (a pipeline stage named "times") and
``estimate_published(text, lang)``.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from lagebild.doc import Document, Time
from lagebild.lang import load

_ANCHORS_PATH = Path(str(resources.files("lagebild.kb"))) / "anchors.yaml"
_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}
_SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
                    6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}
_YEAR_RX = re.compile(r"(?<![\d.,])((?:1[5-9]|20)\d\d)(?![\d])")
_GRAN_RANK = {"D": 0, "W": 1, "M": 2, "Y": 3, "DE": 4, "CE": 5}


@dataclass
class _Rule:
    id: str
    kind: str
    type: str
    regex: re.Pattern[str]
    value: str | None = None
    direction: int = -1
    leading: bool = False
    week_relative: bool = False


@dataclass
class _Found:
    start: int
    end: int
    rule: _Rule
    groups: dict[str, str | None]


@dataclass
class _Ctx:
    """What earlier expressions of the text established: the narrative reference points."""

    dct: date | None
    ref: date | None = None            # last day-level date (parts of day, "am Vortag" attach here)
    last: tuple[date, str] | None = None  # last point of any granularity ("eine Woche später")
    year_ref: tuple[int, int] | None = None  # (year, position) of the last explicit year
    historic: bool = False  # the text names only years long before the DCT (an encyclopedic narrative)


@dataclass
class _Result:
    value: str | None
    type: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    point: tuple[date, str] | None = None   # the resolved point and its granularity
    sets_ref: bool = True


class _Lexicon:
    """One lexicon table: regex-fragment keys (whole-word, case-insensitive) to values."""

    def __init__(self, table: dict[str, Any]) -> None:
        self.entries = [(re.compile(f"(?:{k})", re.I), v) for k, v in table.items()]
        alts: list[str] = []
        for k in table:
            alts.extend(a for a in _split_alternatives(k))
        self.pattern = "(?:" + "|".join(sorted(alts, key=len, reverse=True)) + ")"

    def get(self, s: str | None) -> Any:
        if s is None:
            return None
        s = re.sub(r"\s+", " ", s.strip())
        for candidate in (s, s.split(" ", 1)[-1]):
            for rx, v in self.entries:
                if rx.fullmatch(candidate):
                    return v
        return None


def _split_alternatives(key: str) -> list[str]:
    """Top-level '|' alternatives of a regex fragment, so a sorted alternation prefers long forms."""
    out, depth, cur = [], 0, ""
    for i, ch in enumerate(key):
        if ch == "(" and (i == 0 or key[i - 1] != "\\"):
            depth += 1
        elif ch == ")" and (i == 0 or key[i - 1] != "\\"):
            depth -= 1
        if ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


# ---------------------------------------------------------------------------------------------
# date arithmetic


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _shift(d: date, n: float, unit: str) -> date:
    if unit == "D":
        return d + timedelta(days=round(n))
    if unit == "W":
        return d + timedelta(days=round(7 * n))
    if unit == "M":
        return _add_months(d, round(n))
    if unit == "Y":
        return _add_months(d, round(12 * n))
    if unit == "DE":
        return _add_months(d, round(120 * n))
    if unit == "CE":
        return _add_months(d, round(1200 * n))
    return d


def _fmt(d: date, gran: str) -> str:
    if gran == "D":
        return d.isoformat()
    if gran == "W":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if gran == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "Y":
        return f"{d.year:04d}"
    if gran == "DE":
        return f"{d.year // 10:03d}"
    if gran == "CE":
        return f"{d.year // 100:02d}"
    return d.isoformat()


def _under(gran: str) -> str:
    return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Y": "XXXX",
            "DE": "XXX", "CE": "XX"}.get(gran, "XXXX-XX-XX")


def _fmtnum(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _coarser(a: str, b: str) -> str:
    return a if _GRAN_RANK.get(a, 0) >= _GRAN_RANK.get(b, 0) else b


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# anchors


@functools.cache
def _anchors() -> list[dict[str, Any]]:
    with _ANCHORS_PATH.open(encoding="utf-8") as f:
        return (yaml.safe_load(f) or {}).get("anchors", [])


def _as_date(v: Any) -> date:
    return v if isinstance(v, date) else date.fromisoformat(str(v))


def _pick_occurrence(anchor: dict[str, Any], text: str, dct: date | None) -> date | None:
    occ = anchor.get("occurrences", [])
    if not occ:
        return None
    if dct is not None:
        return min((_as_date(o["start"]) for o in occ), key=lambda d: abs((d - dct).days))
    # Without a DCT only a place the text names can single out the occurrence.
    placed = [o for o in occ if any(re.search(rf"\b{re.escape(p)}\b", text) for p in o.get("place") or [])]
    if len({o["start"] for o in placed}) == 1:
        return _as_date(placed[0]["start"])
    return _as_date(occ[0]["start"]) if len(occ) == 1 else None


# ---------------------------------------------------------------------------------------------
# the tagger


class TimeTagger:
    """Pipeline stage: appends TIMEX3 `Time` objects to `doc.times`."""

    name = "times"

    def __init__(self, lang: str) -> None:
        self.lang = lang
        data = load(lang, "temporal")
        self.lex = {k: _Lexicon(v) for k, v in data["lexicon"].items()}
        self.set_adverbs = _Lexicon(data.get("set_adverbs", {}))
        tense = data.get("tense", {})
        self.window = int(tense.get("window", 8))
        self.future_rx = re.compile(tense.get("future", r"(?!)"), re.I)
        self.not_year_after = re.compile(r"\s*(?:" + data.get("not_year_after", "(?!)") + ")", re.I)
        self.not_year_before = re.compile(data.get("not_year_before", "(?!)"), re.I)
        noun_keys = data["lexicon"].get("anchor_nouns", {})
        self.anchor_nouns = self.lex.get("anchor_nouns") or _Lexicon({})
        self.anchor_noun_rx = {
            cls: re.compile(r"(?<![\w])(?:[\w]+-)?(?:" + "|".join(k for k, v in noun_keys.items() if v == cls) + r")\b", re.I)
            for cls in set(noun_keys.values())
        }
        self.rules: list[_Rule] = []
        for r in data["rules"]:
            pattern = re.sub(r"\{([a-z_]+)\}", lambda m: self.lex[m.group(1)].pattern, r["pattern"])
            self.rules.append(_Rule(
                id=r["id"], kind=r["kind"], type=r["type"],
                regex=re.compile(r"(?<![\w])(?:" + pattern + r")", re.I),
                value=r.get("value"), direction=int(r.get("direction", -1)),
                leading=bool(r.get("leading", False)), week_relative=bool(r.get("week_relative", False)),
            ))

    # -- stage --------------------------------------------------------------------------------

    def __call__(self, doc: Document) -> Document:
        doc.times.extend(self.tag(doc.text, doc.published))
        return doc

    def tag(self, text: str, published: str | None) -> list[Time]:
        """All temporal expressions of `text`, in text order, resolved against `published`."""
        dct = date.fromisoformat(published[:10]) if published else None
        ctx = _Ctx(dct=dct, historic=self._historic(text, dct))
        self._sentences = self._sentence_spans(text)
        out: list[tuple[Time, _Found | None]] = []
        for f in self._select(text):
            if f.rule.kind == "range":
                out.extend((t, None) for t in self._range(f, text, ctx))
                continue
            if f.rule.kind == "year_range":
                out.extend((t, None) for t in self._year_range(f, text, ctx))
                continue
            res = self._resolve(f, text, ctx)
            if res is None:
                continue
            t = Time(start=f.start, end=f.end, text=text[f.start:f.end], type=res.type or f.rule.type,
                     value=res.value, rule=f"{self.lang}.temporal.{f.rule.id}", **res.extra)
            out.append((t, f))
            self._advance(ctx, res)
        for i, (t, f) in enumerate(out):
            if f is not None and f.rule.kind in ("anchored", "anchor_day"):
                out[i] = (self._anchored(t, f, text, dct, [x for x, _ in out]), f)
        return [t for t, _ in out]

    @staticmethod
    def _historic(text: str, dct: date | None) -> bool:
        """Whether `text` is a historical narrative: at least three years named, none near the DCT."""
        if dct is None:
            return False
        years = [int(y) for y in _YEAR_RX.findall(text)]
        return len(years) >= 3 and all(y < dct.year - 1 for y in years)

    # -- matching -----------------------------------------------------------------------------

    def _select(self, text: str) -> list[_Found]:
        found: list[tuple[int, int, int, _Found]] = []
        for prio, rule in enumerate(self.rules):
            for m in rule.regex.finditer(text):
                s, e = m.span()
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1] in " \t\n,":
                    e -= 1
                if e <= s:
                    continue
                g = m.groupdict()
                if rule.kind == "year" and not g.get("fuzzy") and not self._is_year(text, m.start("year"), m.end("year")):
                    continue
                found.append((-(e - s), prio, s, _Found(s, e, rule, g)))
        found.sort(key=lambda x: (x[0], x[1], x[2]))
        taken: list[tuple[int, int]] = []
        chosen: list[_Found] = []
        for _, _, _, f in found:
            if any(f.start < e and s < f.end for s, e in taken):
                continue
            taken.append((f.start, f.end))
            chosen.append(f)
        return sorted(chosen, key=lambda f: f.start)

    def _is_year(self, text: str, s: int, e: int) -> bool:
        if self.not_year_after.match(text, e):
            return False
        return not self.not_year_before.search(text[max(0, s - 20):s])

    @staticmethod
    def _sentence_spans(text: str) -> list[tuple[int, int]]:
        spans, start = [], 0
        for m in re.finditer(r"(?<=[.!?:;])\s+(?=[A-ZÄÖÜ„\"“(])|\n+", text):
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, len(text)))
        return spans

    def _sentence(self, pos: int) -> tuple[int, int]:
        for s, e in self._sentences:
            if s <= pos <= e:
                return s, e
        return 0, 0

    def _future(self, text: str, start: int, end: int) -> bool:
        """Whether a future cue stands within `window` words of the expression in its sentence."""
        s, e = self._sentence(start)
        before = text[s:start].split()[-self.window:]
        after = text[end:e].split()[:self.window]
        return bool(self.future_rx.search(" ".join(before + ["|"] + after)))

    # -- resolution ---------------------------------------------------------------------------

    def _advance(self, ctx: _Ctx, res: _Result) -> None:
        if res.point is None:
            return
        d, gran = res.point
        ctx.last = res.point
        if gran == "D" and res.sets_ref:
            ctx.ref = d

    def _num(self, s: str | None) -> float | None:
        if s is None:
            return None
        s = s.strip()
        if re.fullmatch(r"\d+(?:[.,]\d+)?", s):
            return float(s.replace(",", "."))
        v = self.lex["numbers"].get(s)
        if v is None and "number_stems" in self.lex:
            v = self.lex["number_stems"].get(s)
        return float(v) if v is not None else None

    def _unit(self, s: str | None) -> tuple[str | None, str | None]:
        """Unit letter of a unit word, and the special value for a count of one (if any)."""
        for name in ("units", "time_units", "plural_units", "adjective_units"):
            v = self.lex.get(name) and self.lex[name].get(s)
            if v is not None:
                if isinstance(v, dict):
                    return v.get("unit"), v.get("one")
                # hours and minutes are clock units, whichever table named them
                return (f"T{v}" if name == "time_units" or v in ("H", "MIN") else v), None
        return None, None

    def _year_for(self, month: int, day: int | None, ctx: _Ctx, pos: int, future: bool, nearest: bool) -> int | None:
        """Year of a date given without one: the narrative's explicit year, else relative to the DCT."""
        if ctx.dct is None:
            return None
        if ctx.historic and ctx.year_ref and ctx.year_ref[0] < ctx.dct.year - 1:
            # a historical narrative ("Am 1. September 1939 … am 17. September") stays in the year it
            # last named, whatever the distance or the tense
            ctx.year_ref = (ctx.year_ref[0], pos)
            return ctx.year_ref[0]
        if ctx.year_ref and not future and pos - ctx.year_ref[1] < 300 and ctx.year_ref[0] < ctx.dct.year:
            # a past narrative that has just named its year ("on November 15, 2017 … on November 21")
            return ctx.year_ref[0]
        cands = [(y, _safe_date(y, month, day or 1)) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
        cands = [(y, d) for y, d in cands if d is not None]
        ref = ctx.dct if day else ctx.dct.replace(day=1)
        if future:
            return min((y for y, d in cands if d >= ref), default=ctx.dct.year)
        if nearest:
            return min(cands, key=lambda c: abs((c[1] - ref).days))[0]
        return max((y for y, d in cands if d <= ref), default=ctx.dct.year)

    @staticmethod
    def _narrative_year(ctx: _Ctx) -> int | None:
        """The year a historical narrative last named (None outside such a narrative)."""
        if ctx.historic and ctx.year_ref and ctx.dct and ctx.year_ref[0] < ctx.dct.year - 1:
            return ctx.year_ref[0]
        return None

    def _pod(self, g: dict[str, str | None], *names: str) -> str | None:
        for n in names:
            if g.get(n):
                return self.lex["parts_of_day"].get(g[n])
        return None

    def _resolve(self, f: _Found, text: str, ctx: _Ctx) -> _Result | None:
        g, rule, kind = f.groups, f.rule, f.rule.kind
        dct = ctx.dct
        future = self._future(text, f.start, f.end)
        extra: dict[str, Any] = {}
        if g.get("fuzzy"):
            mod = self.lex["fuzzy"].get(g["fuzzy"])
            if mod:
                extra["mod"] = mod

        if kind == "fixed":
            return _Result(rule.value)

        if kind == "absolute":
            month = int(g["monthnum"]) if g.get("monthnum") else self.lex["months"].get(g.get("month"))
            day = int(g["day"])
            if not month:
                return None
            if g.get("year"):
                year: int | None = int(g["year"])
                ctx.year_ref = (year, f.end)
            elif g.get("rel") and dct:
                year = dct.year + int(self.lex["relative"].get(g["rel"]) or 0)
            else:
                # a day named without its year is the nearest such day: news rarely reach further
                # than a few months either way, and the clause tense misleads more than it helps here
                year = self._year_for(month, day, ctx, f.start, False, nearest=True)
            if year is None:
                if _safe_date(2000, month, day) is None:
                    return None
                return _Result(f"XXXX-{month:02d}-{day:02d}", extra=extra)
            d = _safe_date(year, month, day)
            if d is None:
                return None
            pod = self._pod(g, "pod")
            return _Result(d.isoformat() + (f"T{pod}" if pod else ""), "TIME" if pod else None, extra, (d, "D"))

        if kind == "month":
            month = self.lex["months"].get(g["month"])
            if not month:
                return None
            if g.get("year"):
                year = int(g["year"])
                ctx.year_ref = (year, f.end)
            elif dct is None:
                return _Result(f"XXXX-{month:02d}", extra=extra)
            elif g.get("rel"):
                rel = int(self.lex["relative"].get(g["rel"]) or 0)
                if rel < 0:
                    year = dct.year if month < dct.month else dct.year - 1
                elif rel > 0:
                    year = dct.year if month > dct.month else dct.year + 1
                else:
                    year = dct.year
            else:
                year = self._year_for(month, None, ctx, f.start, future, nearest=False) or dct.year
            d = date(year, month, 1)
            return _Result(_fmt(d, "M"), extra=extra, point=(d, "M"))

        if kind == "year":
            year = int(g["year"])
            if g.get("bc"):
                return _Result(f"BC{year:04d}", extra=extra)
            narrative = self._narrative_year(ctx)
            if narrative is None or abs(year - narrative) <= 10 or rule.id != "year":
                # a historical narrative keeps its year through asides ("seit der Teilung Polens 1772")
                ctx.year_ref = (year, f.end)
            return _Result(f"{year:04d}", extra=extra, point=(date(year, 1, 1), "Y"))

        if kind == "decade":
            dec = g["decade"].lstrip("'")
            if len(dec) == 2:
                dec = ("19" if int(dec) >= 30 else "20") + dec
            return _Result(dec[:3])

        if kind == "century":
            return _Result(f"{int(g['century']) - 1:02d}")

        if kind == "weekday":
            wd = self.lex["weekdays"].get(g["weekday"])
            if not wd:
                return None
            pod = self._pod(g, "pod", "pod2")
            typ = "TIME" if pod else "DATE"
            if dct is None:
                return _Result(f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""), typ, extra)
            rel = None if g.get("today") else self.lex["relative"].get(g.get("rel"))
            if rule.week_relative:
                monday = dct - timedelta(days=dct.isoweekday() - 1) + timedelta(weeks=int(rel or 0))
                d = monday + timedelta(days=wd - 1)
            elif rel == 0:
                d = dct + timedelta(days=wd - dct.isoweekday())
            elif rel is not None and rel > 0:
                d = dct + timedelta(days=(wd - dct.isoweekday() - 1) % 7 + 1)
            elif rel is not None and rel < 0:
                d = dct - timedelta(days=(dct.isoweekday() - wd - 1) % 7 + 1)
            elif future:
                d = dct + timedelta(days=(wd - dct.isoweekday()) % 7)
            else:
                d = dct - timedelta(days=(dct.isoweekday() - wd) % 7)
            return _Result(d.isoformat() + (f"T{pod}" if pod else ""), typ, extra, (d, "D"))

        if kind == "deictic":
            if g.get("tonight"):
                off, pod = 0, "NI"
            else:
                if g.get("last"):
                    off = -1
                elif g.get("this"):
                    off = 0
                else:
                    off = int(self.lex["deictic"].get(g.get("deictic")) or 0)
                pod = self._pod(g, "pod", "podl", "podt")
            typ = "TIME" if pod else "DATE"
            if dct is None:
                return _Result("XXXX-XX-XX" + (f"T{pod}" if pod else ""), typ, extra)
            d = dct + timedelta(days=off)
            # "heute" is the DCT itself and does not move the narrative's reference day
            return _Result(d.isoformat() + (f"T{pod}" if pod else ""), typ, extra, (d, "D"), sets_ref=off != 0)

        if kind == "anaphoric":
            off = -1 if g.get("offset_m1") else (1 if g.get("offset_p1") else 0)
            base = ctx.ref or dct
            if base is None:
                return _Result(None, extra=extra)
            d = base + timedelta(days=off)
            return _Result(d.isoformat(), extra=extra, point=(d, "D"))

        if kind == "part_of_day":
            pod = self._pod(g, "pod")
            base = ctx.ref or dct
            if pod is None:
                return None
            if base is None:
                return _Result(f"XXXX-XX-XXT{pod}")
            if g.get("rel"):
                base = base + timedelta(days=1)
            elif pod == "NI":
                # a bare "in der Nacht" in a report is the night before the reference day
                base = base - timedelta(days=1)
            return _Result(f"{base.isoformat()}T{pod}")

        if kind == "clock":
            h = int(g["hour"])
            mi = int(g.get("minute") or 0)
            ampm = (g.get("ampm") or "").lower()
            if ampm.startswith("p") and h < 12:
                h += 12
            elif ampm.startswith("a") and h == 12:
                h = 0
            base = ctx.ref or dct
            day = base.isoformat() if base else "XXXX-XX-XX"
            return _Result(f"{day}T{h:02d}:{mi:02d}")

        if kind == "season":
            season = self.lex["seasons"].get(g["season"])
            if not season:
                return None
            if g.get("year"):
                ctx.year_ref = (int(g["year"]), f.end)
                return _Result(f"{int(g['year']):04d}-{season}", extra=extra)
            if dct is None:
                return _Result(f"XXXX-{season}", extra=extra)
            if self._narrative_year(ctx):
                rel = int(self.lex["relative"].get(g.get("rel") or g.get("rel2")) or 0)
                return _Result(f"{self._narrative_year(ctx) + rel:04d}-{season}", extra=extra)
            cur_year = dct.year - 1 if dct.month <= 2 else dct.year
            cur = _SEASON_ORDER[_SEASON_OF_MONTH[dct.month]]
            rel = self.lex["relative"].get(g.get("rel") or g.get("rel2"))
            if rel == 0 or (g.get("rel") and rel is None):
                year = dct.year
            elif rel is not None and rel < 0:
                year = cur_year if _SEASON_ORDER[season] < cur else cur_year - 1
            elif rel is not None and rel > 0 or future:
                year = cur_year if _SEASON_ORDER[season] > cur or (future and _SEASON_ORDER[season] == cur) else cur_year + 1
            else:
                year = cur_year if _SEASON_ORDER[season] <= cur else cur_year - 1
            return _Result(f"{year:04d}-{season}", extra=extra)

        if kind == "holiday":
            md = self.lex["holidays"].get(g["holiday"])
            if not md:
                return None
            month, day = (int(x) for x in str(md).split("-"))
            if g.get("year"):
                year = int(g["year"])
            elif dct is None:
                return _Result(f"XXXX-{month:02d}-{day:02d}")
            elif future:
                year = dct.year if (month, day) >= (dct.month, dct.day) else dct.year + 1
            else:
                year = dct.year if (month, day) <= (dct.month, dct.day) else dct.year - 1
            d = date(year, month, day)
            return _Result(d.isoformat(), point=(d, "D"))

        if kind == "relative":
            unit, _ = self._unit(g["unit"])
            rel = self.lex["relative"].get(g["rel"])
            if unit is None or unit.startswith("T"):
                return None
            rel = 0 if rel is None else int(rel)
            if dct is None:
                return _Result(_under(unit), extra=extra)
            if unit == "Y" and self._narrative_year(ctx):
                # "im selben Jahr", "im folgenden Jahr" of a historical narrative: its year, not the DCT's
                d = date(self._narrative_year(ctx) + rel, 1, 1)
                return _Result(_fmt(d, unit), extra=extra, point=(d, unit))
            d = _shift(dct, rel, unit)
            return _Result(_fmt(d, unit), extra=extra, point=(d, unit))

        if kind == "ago":
            n, (unit, one) = self._num(g["num"]), self._unit(g["unit"])
            if n is None or unit is None or unit.startswith("T"):
                return None
            if rule.direction > 0 and not future:
                # "in a decade" without a forward-looking clause measures a span, it is no date
                return _Result(one if n == 1 and one else f"P{_fmtnum(n)}{unit}", "DURATION")
            if dct is None:
                return _Result(_under(unit))
            d = _shift(dct, rule.direction * n, unit)
            return _Result(_fmt(d, unit), point=(d, unit))

        if kind == "later":
            n, (unit, _) = self._num(g["num"]), self._unit(g["unit"])
            if n is None or unit is None or unit.startswith("T"):
                return None
            back = re.search(r"(?i)zuvor|davor|früher|earlier|before", g["dir"] or "")
            if ctx.last is None:
                return _Result(None)
            base, gran = ctx.last
            d = _shift(base, -n if back else n, unit)
            gran = _coarser(gran, unit)
            return _Result(_fmt(d, gran), point=(d, gran))

        if kind in ("anchored", "anchor_day"):
            return _Result(None)

        if kind == "duration":
            n = self._num(g["num"])
            unit, one = self._unit(g.get("unit") or g.get("adjunit"))
            if n is None or unit is None:
                return None
            if n == 1 and one:
                return _Result(one)
            if unit.startswith("T"):
                return _Result(f"PT{_fmtnum(n)}{unit[1:] if unit != 'TMIN' else 'M'}")
            return _Result(f"P{_fmtnum(n)}{unit}")

        if kind == "vague_duration":
            unit, _ = self._unit(g["unit"])
            if unit is None:
                return None
            return _Result(f"PTX{unit[1:]}" if unit.startswith("T") else f"PX{unit}")

        if kind == "set":
            if g.get("weekday") or g.get("weekday_s"):
                w = g.get("weekday") or g["weekday_s"]
                wd = self.lex["weekdays"].get(w) or self.lex["weekdays"].get(w[:-1])
                return _Result(f"XXXX-WXX-{wd}") if wd else None
            if g.get("every"):
                return _Result(self.set_adverbs.get(g["every"]))
            if g.get("pod"):
                pod = self._pod(g, "pod")
                return _Result(f"XXXX-XX-XXT{pod}") if pod else None
            unit, _ = self._unit(g.get("unit"))
            n = self._num(g.get("num")) or 1
            return _Result(f"P{_fmtnum(n)}{unit}") if unit else None
        return None

    def _range(self, f: _Found, text: str, ctx: _Ctx) -> list[Time]:
        """A date range ("vom 22. bis 24. Oktober") as two dates, as the gold splits ranges."""
        g = f.groups
        month2 = self.lex["months"].get(g["month"])
        month1 = self.lex["months"].get(g.get("month1")) or month2
        if not month2:
            return []
        out: list[Time] = []
        m = f.rule.regex.match(text, f.start)
        spans = [(m.start("day"), m.end("day"), int(g["day"]), month1),
                 (m.start("day2"), m.end("day2"), int(g["day2"]), month2)]
        year = int(g["year"]) if g.get("year") else None
        if year:
            ctx.year_ref = (year, f.end)
        pod = self._pod(g, "pod")
        for s, e, day, month in spans:
            y = year or self._year_for(month, day, ctx, f.start, False, nearest=True)
            d = _safe_date(y, month, day) if y else None
            if y and d is None:
                return []
            value = d.isoformat() if d else f"XXXX-{month:02d}-{day:02d}"
            if pod and s == m.start("day"):
                value += f"T{pod}"  # "in der Nacht vom 8. zum 9. Mai": the night begins on the first day
            if s == m.start("day2"):
                e = f.end
            else:
                # the first date keeps the range opener ("vom 22.", "from October 22")
                s = f.start
                e = e + 1 if text[e:e + 1] == "." else e
            out.append(Time(start=s, end=e, text=text[s:e], type="DATE", value=value,
                            rule=f"{self.lang}.temporal.{f.rule.id}"))
            if d:
                self._advance(ctx, _Result(value, point=(d, "D")))
        return out

    def _year_range(self, f: _Found, text: str, ctx: _Ctx) -> list[Time]:
        """Two years joined by a slash or dash ("1939/1940", "1912/13", "264–260 v. Chr.") as two dates;
        an abbreviated second year takes the first one's century."""
        g = f.groups
        m = f.rule.regex.match(text, f.start)
        y1, y2s = int(g["year"]), g["year2"]
        bc = bool(g.get("bc"))
        if len(y2s) < len(g["year"]) and not bc:
            base = 10 ** len(y2s)
            y2 = y1 - y1 % base + int(y2s)
            if y2 <= y1:
                y2 += base
        else:
            y2 = int(y2s)
        if (y2 >= y1) == bc or (not bc and y2 - y1 > 200):
            return []
        rule = f"{self.lang}.temporal.{f.rule.id}"
        s1 = f.start
        out = [Time(start=s1, end=m.end("year"), text=text[s1:m.end("year")], type="DATE",
                    value=f"BC{y1:04d}" if bc else f"{y1:04d}", rule=rule),
               Time(start=m.start("year2"), end=f.end, text=text[m.start("year2"):f.end], type="DATE",
                    value=f"BC{y2:04d}" if bc else f"{y2:04d}", rule=rule)]
        if not bc:
            ctx.year_ref = (y2, f.end)
        return out

    # -- anchors ------------------------------------------------------------------------------

    def _anchored(self, t: Time, f: _Found, text: str, dct: date | None, times: list[Time]) -> Time:
        g = f.groups
        anchor_text = g.get("anchor") or ""
        a_start = f.start + (t.text.find(anchor_text) if anchor_text in t.text else 0)
        when = self._anchor_date(anchor_text, a_start, text, dct, times, t)
        if when is None:
            return t.model_copy(update={"value": None, "anchor": anchor_text})
        if f.rule.kind == "anchor_day":
            return t.model_copy(update={"value": when.isoformat(), "anchor": anchor_text})
        unit, _ = self._unit(g["unit"])
        unit = unit or "D"
        if f.rule.leading:
            d = when - timedelta(days=1)
        else:
            n = self._num(g.get("num")) or 1
            back = re.fullmatch(r"(?i)vor|before|prior\s+to|ahead\s+of", (g.get("dir") or "").strip())
            d = _shift(when, -n if back else n, unit)
        return t.model_copy(update={"value": _fmt(d, unit if not unit.startswith("T") else "D"),
                                    "anchor": anchor_text})

    def _anchor_class(self, anchor_text: str) -> str | None:
        for word in re.findall(r"[\w]+", anchor_text):
            cls = self.anchor_nouns.get(word)
            if cls:
                return cls
        return None

    def _anchor_date(self, anchor_text: str, a_start: int, text: str, dct: date | None,
                     times: list[Time], own: Time) -> date | None:
        window = text[a_start:a_start + len(anchor_text) + 60]
        for a in _anchors():
            names = (a.get("names") or {}).get(self.lang, [])
            if any(re.match(rf"(?:{n})", window, re.I) for n in names):
                return _pick_occurrence(a, text, dct)
        cls = self._anchor_class(anchor_text)
        if cls is None:
            return None
        # the document itself may date the anchor: a sentence naming it with a day-level date
        rx = self.anchor_noun_rx.get(cls)
        best: tuple[int, date] | None = None
        if rx is not None:
            for t in times:
                if t is own or t.type != "DATE" or not t.value or not re.fullmatch(r"\d{4}-\d\d-\d\d", t.value):
                    continue
                if t.rule and t.rule.endswith(("anchored", "anchor_day", "week_before", "deictic")):
                    continue
                s, e = self._sentence(t.start)
                if any(not (s <= m.start() < e and own.start <= m.start() < own.end) for m in rx.finditer(text, s, e)):
                    dist = abs(t.start - own.start)
                    if best is None or dist < best[0]:
                        best = (dist, date.fromisoformat(t.value))
        if best:
            return best[1]
        for a in _anchors():
            if a.get("kind") == cls and any(re.search(rf"\b{c}\b", text) for c in a.get("context") or []):
                return _pick_occurrence(a, text, dct)
        return None


def make_time_tagger(lang: str) -> TimeTagger:
    """The "times" stage for `lang` (rules from lang/<lang>/temporal.yaml)."""
    return _tagger(lang)


@functools.cache
def _tagger(lang: str) -> TimeTagger:
    return TimeTagger(lang)


def estimate_published(text: str, lang: str) -> str | None:
    """Estimate the publication date of an undated text from its own dates and anchors.

    An anchored expression ("eine Woche vor dem BRICS-Gipfel") places the article itself; else the
    latest fully specified date the text names. None when the text gives nothing to go on.
    """
    times = _tagger(lang).tag(text, None)
    anchored = [t for t in times if getattr(t, "anchor", None) and t.value]
    for t in anchored:
        v = t.value or ""
        if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
            return v
        m = re.fullmatch(r"(\d{4})-W(\d\d)", v)
        if m:
            return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1).isoformat()
        if re.fullmatch(r"\d{4}-\d\d", v):
            return f"{v}-01"
    full = [t.value for t in times if t.value and re.fullmatch(r"\d{4}-\d\d-\d\d", t.value[:10])
            and not t.value.startswith("X")]
    if full:
        return max(v[:10] for v in full)
    return None
