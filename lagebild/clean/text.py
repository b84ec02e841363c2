"""Clean a plain-text page dump into an Article: kicker, title, lede, body, subheads, boilerplate.

The rules are mechanisms (a credit line, a caption attached to it, an agency tag at the end of the
last paragraph, a short unpunctuated line between paragraphs …); the words they look for live in
``lagebild/lang/<xx>/boilerplate.yaml`` and, where they are the same in every language, in
``lagebild/clean/agencies.yaml``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from lagebild import lang as langdata
from lagebild.clean.article import Article

__all__ = ["agency_display_name", "clean_page", "detect_language", "normalise"]

# A boilerplate line is short; anything longer is text a person wrote for the article.
SHORT = 200
# Consent banners are the exception: one long sentence about cookies.
CONSENT_MAX = 700
# Kicker ("Dachzeile") and subheads are a few words.
KICKER_MAX = 80
SUBHEAD_MAX = 120
# Captions are one short sentence or two.
CAPTION_MAX = 220
# Only blocks at least this long count as a repeated paragraph when they occur twice.
REPEAT_MIN = 60
# How far into the page the known title is looked for.
TITLE_SEARCH = 8

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_BULLETS = re.compile(r"^[»›>→•·▪*|\-–—]+\s*")
# Closing quotes and brackets after sentence-final punctuation: „… voranzutreiben.“
_CLOSERS = "\"'“”‘’»«›‹)]"
_FINAL = ".!?…"
_URL = re.compile(r"(https?://|www\.)\S+")
_NUMBER = re.compile(r"[\d.,:]{1,6}")


def normalise(text: str) -> str:
    """Normalise line ends, NBSP and other spaces, invisible characters and trailing spaces."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\f", "\n\n").replace("\v", "\n")
    text = _INVISIBLE.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()


# ---------------------------------------------------------------- language detection


@functools.cache
def _detector(codes: tuple[str, ...]) -> Any:
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, str(langdata.load(c, "lang")["lingua"]).upper()) for c in codes]
    if len(langs) == 1:
        return None
    return LanguageDetectorBuilder.from_languages(*langs).build()


def detect_language(text: str, languages: list[str] | None = None) -> str:
    """ISO 639-1 code of the language of `text`, chosen among `languages` (default: all configured).

    Uses lingua restricted to those languages (their lingua names come from ``lang/<xx>/lang.yaml``);
    when lingua cannot decide (empty or language-less text) the first of `languages` is returned.
    """
    codes = tuple(languages or langdata.languages())
    if not codes:
        raise ValueError("no languages configured")
    detector = _detector(codes)
    if detector is None:
        return codes[0]
    found = detector.detect_language_of(text[:4000])
    if found is None:
        return codes[0]
    iso = found.iso_code_639_1.name.lower()
    return iso if iso in codes else codes[0]


# ---------------------------------------------------------------- rules from data


@dataclass(frozen=True)
class _Teaser:
    marker: re.Pattern[str]
    inline: re.Pattern[str]
    next: bool


@dataclass(frozen=True)
class _Rules:
    """Compiled boilerplate patterns of one language plus the language-neutral agency data."""

    credit: re.Pattern[str]
    credit_tail: re.Pattern[str]
    source: re.Pattern[str]
    source_lines: re.Pattern[str] | None
    categories: dict[str, re.Pattern[str]]
    teasers: list[_Teaser]
    byline: re.Pattern[str] | None
    date_line: re.Pattern[str] | None
    agencies: dict[str, str]
    aliases: dict[str, str]
    initials_max: int
    picture: re.Pattern[str] | None


def _alt(patterns: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", flags)


@functools.cache
def _neutral() -> dict[str, Any]:
    path = Path(str(resources.files("lagebild.clean"))) / "agencies.yaml"
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@functools.cache
def _rules(code: str) -> _Rules:
    data = langdata.load(code, "boilerplate")
    neutral = _neutral()
    prefixes = "|".join(data.get("credit_prefixes", [])) or r"(?!x)x"
    sources = "|".join(data.get("source_prefixes", [])) or r"(?!x)x"
    categories = {}
    for key in ("comments", "consent", "newsletter", "share", "ads", "navigation"):
        pat = _alt(data.get(key, []))
        if pat is not None:
            categories[key] = pat
    teasers = [
        _Teaser(
            marker=re.compile(rf"(?:{t['marker']})\s*[:.…]?", re.IGNORECASE),
            inline=re.compile(rf"(?:{t['marker']})\s*[:|–—-]\s*\S.*", re.IGNORECASE),
            next=bool(t.get("next", False)),
        )
        for t in data.get("teasers", [])
    ]
    pictures = [re.escape(p) for p in neutral.get("picture_credits", [])]
    return _Rules(
        credit=re.compile(rf"(?:{prefixes})\s*[:|]\s*\S.*", re.IGNORECASE),
        # caption text, then the credit at the end of the same line: "… in Tiflis. Foto: X/Reuters"
        credit_tail=re.compile(
            rf"(?P<caption>.{{8,{CAPTION_MAX}}}?)\s*[(\[]?\b(?:{prefixes})\s*[:|]\s*[^.!?:]{{2,100}}[)\]]?",
            re.IGNORECASE,
        ),
        source=re.compile(rf"(?:{sources})\s*[:|]\s*(?P<value>\S.*)", re.IGNORECASE),
        source_lines=_alt(data.get("source_lines", [])),
        categories=categories,
        teasers=teasers,
        byline=_alt(data.get("byline", []), flags=0),
        date_line=_alt(data.get("date_line", [])),
        agencies={k.lower(): v for k, v in neutral.get("agencies", {}).items()},
        aliases={k.lower(): v for k, v in neutral.get("aliases", {}).items()},
        initials_max=int(neutral.get("initials_max", 4)),
        picture=re.compile("|".join(pictures), re.IGNORECASE) if pictures else None,
    )


# ---------------------------------------------------------------- agencies


def _agency_tags(inside: str, rules: _Rules, *, strict: bool = True) -> list[str] | None:
    """Agency tags in the content of a tag such as "afp/red" or "dpa, AFP"; None if it is no tag.

    With `strict`, every part must be a known agency or author initials next to one; otherwise
    (for "Quelle: …" lines) the known agencies among the parts are returned.
    """
    parts = [p.strip() for p in re.split(r"\s*(?:[/,;+&]|\bund\b|\band\b)\s*", inside) if p.strip()]
    if not parts:
        return None
    found: list[str] = []
    unknown = 0
    for part in parts:
        key = part.lower().strip(" .")
        key = rules.aliases.get(key, key)
        if key in rules.agencies:
            found.append(key)
        elif strict and re.fullmatch(rf"[a-zäöü]{{1,{rules.initials_max}}}", part):
            unknown += 1  # author initials such as "jk" in "(dpa/jk)"
        elif strict:
            return None
    if not found:
        return None
    return found


def agency_display_name(tag: str) -> str | None:
    """Display name of a recorded agency tag ("afp" -> "AFP"); None for unknown tags and for
    tags that are no wire agency ("red", the editorial desk)."""
    data = _neutral().get("agencies", {})
    key = tag.lower()
    key = {k.lower(): v for k, v in _neutral().get("aliases", {}).items()}.get(key, key)
    name = data.get(key)
    return str(name) if name else None


def _agencies_in(text: str, rules: _Rules) -> list[str]:
    """Known agencies named anywhere in `text` (for source lines), in order of appearance."""
    names = sorted(set(rules.agencies) | set(rules.aliases), key=len, reverse=True)
    pat = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.I)
    out = []
    for m in pat.finditer(text):
        key = m.group(1).lower()
        key = rules.aliases.get(key, key)
        # "AP" and "PA" are agencies only when written as such, not the words "ap"/"pa"
        if len(key) <= 2 and not m.group(1).isupper():
            continue
        out.append(key)
    return out


_END_TAG = re.compile(r"\s*\((?P<tags>[^()]{1,40})\)\s*$")
_DATELINE = re.compile(
    r"^(?P<place>[^\W\d_][\w.'’\- /]{0,40}?)?\s*\((?P<tags>[^()]{1,40})\)\s*(?P<dash>[-–—:])\s*"
)


# ---------------------------------------------------------------- blocks


@dataclass
class _Line:
    text: str
    group: int
    kind: str = "body"  # body | title | kicker | lede | heading | date | dropped
    why: str | None = None
    agency: list[str] = field(default_factory=list)


def _ends_sentence(s: str) -> bool:
    s = s.rstrip(_CLOSERS + " ")
    return bool(s) and s[-1] in _FINAL


def _unpunctuated(s: str) -> bool:
    s = s.rstrip(_CLOSERS + " ")
    return bool(s) and s[-1] not in _FINAL + ":;,"


def _lines(text: str) -> list[_Line]:
    """Split into one block per line, remembering blank-line groups; undo hard wrapping."""
    groups = [g.split("\n") for g in re.split(r"\n\s*\n", text) if g.strip()]
    every = [ln for g in groups for ln in g]
    width = max((len(ln) for ln in every), default=0)
    # A hard-wrapped dump has no line longer than the wrap width and several multi-line paragraphs.
    wrapped = (
        len(groups) > 1
        and width <= 100
        and sum(1 for g in groups if len(g) >= 3) >= 1
        and all(len(g) == 1 or sum(len(ln) >= 0.75 * width for ln in g[:-1]) >= 0.5 * (len(g) - 1) for g in groups)
    )
    out: list[_Line] = []
    for gi, g in enumerate(groups):
        buf: list[str] = []
        for ln in g:
            if wrapped and buf and len(buf[-1]) + 1 + len(ln.split(" ")[0]) > width:
                buf[-1] = buf[-1][:-1] + ln if buf[-1].endswith("-") and ln[:1].islower() else f"{buf[-1]} {ln}"
            else:
                buf.append(ln)
        out.extend(_Line(ln, gi) for ln in buf)
    return out


class _Cleaner:
    def __init__(self, lines: list[_Line], rules: _Rules) -> None:
        self.lines = lines
        self.rules = rules

    # -- helpers
    def _bare(self, s: str) -> str:
        return _BULLETS.sub("", s).strip()

    def _is_date(self, s: str) -> bool:
        return bool(self.rules.date_line and self.rules.date_line.fullmatch(self._bare(s)))

    def _kicker_like(self, s: str) -> bool:
        return (
            len(s) <= KICKER_MAX
            and len(s.split()) <= 10
            and _unpunctuated(s)
            and not self._is_date(s)
            and self._category(s) is None
        )

    def _title_like(self, s: str) -> bool:
        return 10 <= len(s) <= 250 and len(s.split()) >= 2 and not s.rstrip(_CLOSERS).endswith(".")

    def _category(self, s: str) -> str | None:
        bare = self._bare(s)
        if not bare:
            return None
        for key, pat in self.rules.categories.items():
            limit = CONSENT_MAX if key == "consent" else SHORT
            if len(bare) <= limit and pat.fullmatch(bare):
                return key
        return None

    def _drop(self, i: int, why: str) -> None:
        self.lines[i].kind = "dropped"
        self.lines[i].why = why

    def _live(self, i: int) -> bool:
        return 0 <= i < len(self.lines) and self.lines[i].kind not in ("dropped", "title", "kicker")

    # -- passes
    def head(self, title: str | None) -> str | None:
        """Find title and kicker; returns the title when it is not in the text."""
        lines = self.lines
        if title:
            for k, ln in enumerate(lines[:TITLE_SEARCH]):
                if ln.text == title or ln.text.startswith(title + " "):
                    if ln.text != title:  # title and first sentence on one line
                        lines.insert(k + 1, _Line(ln.text[len(title):].strip(), ln.group))
                        ln.text = title
                    pre = lines[:k]
                    if sum(len(p.text) for p in pre) > 400:
                        break
                    ln.kind = "title"
                    if pre and self._kicker_like(pre[-1].text):
                        pre[-1].kind = "kicker"
                        pre = pre[:-1]
                    for p in pre:
                        p.kind, p.why = "dropped", "before title"
                    return None
            return title
        # banners and navigation before the headline are page furniture, not the title
        start = 0
        while start < len(lines) and (
            self._category(lines[start].text) or _URL.fullmatch(self._bare(lines[start].text))
        ):
            lines[start].kind, lines[start].why = "dropped", "before title"
            start += 1
        rest = lines[start:]
        if not rest:
            return None
        if (
            len(rest) > 2
            and self._kicker_like(rest[0].text)
            and self._title_like(rest[1].text)
            and not self._is_date(rest[1].text)
            and self._category(rest[1].text) is None
            and len(rest[1].text) > len(rest[0].text)
        ):
            rest[0].kind = "kicker"
            rest[1].kind = "title"
        else:
            rest[0].kind = "title"
        return None

    def boilerplate(self) -> None:
        rules = self.rules
        lines = self.lines
        i = 0
        while i < len(lines):
            ln = lines[i]
            if ln.kind != "body":
                i += 1
                continue
            s = ln.text
            bare = self._bare(s)
            short = len(bare) <= SHORT
            cat = self._category(s)
            if cat:
                self._drop(i, cat)
            elif short and _URL.fullmatch(bare):
                self._drop(i, "link")
            elif short and (m := rules.source.fullmatch(bare)):
                self._drop(i, "source")
                ln.agency = _agencies_in(m.group("value"), rules)
            elif short and rules.source_lines and rules.source_lines.fullmatch(bare):
                self._drop(i, "source")
                ln.agency = _agencies_in(bare, rules)
            elif short and (m := _END_TAG.fullmatch(bare)) and _agency_tags(m.group("tags"), rules):
                self._drop(i, "agency")
                ln.agency = _agency_tags(m.group("tags"), rules) or []
            elif short and (
                rules.credit.fullmatch(bare) or (rules.picture and rules.picture.search(bare) and len(bare) <= 150)
            ):
                self._drop(i, "credit")
                # a short line right before a credit, in the same paragraph, is its caption
                j = i - 1
                if (
                    self._live(j)
                    and lines[j].kind == "body"
                    and lines[j].group == ln.group
                    and len(lines[j].text) <= CAPTION_MAX
                ):
                    self._drop(j, "caption")
            elif len(bare) <= CAPTION_MAX + 100 and rules.credit_tail.fullmatch(bare):
                self._drop(i, "caption")
            else:
                for t in rules.teasers:
                    if short and t.marker.fullmatch(bare):
                        self._drop(i, "teaser")
                        nxt = i + 1
                        if t.next and nxt < len(lines) and lines[nxt].kind == "body":
                            if len(lines[nxt].text) <= SHORT:
                                self._drop(nxt, "teaser")
                                i = nxt
                        break
                    if short and t.inline.fullmatch(bare):
                        self._drop(i, "teaser")
                        break
            i += 1
        # widget residue: a bare counter ("0", "12") next to dropped widget lines
        for i, ln in enumerate(lines):
            if ln.kind == "body" and _NUMBER.fullmatch(ln.text):
                near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
                if any(n.kind == "dropped" for n in near):
                    self._drop(i, "counter")
        # exact repeats of an earlier long paragraph
        seen: set[str] = set()
        for i, ln in enumerate(lines):
            if ln.kind in ("body", "title") and len(ln.text) >= REPEAT_MIN:
                if ln.text in seen and ln.kind == "body":
                    self._drop(i, "repeat")
                seen.add(ln.text)

    def structure(self) -> None:
        """Byline and date lines before the lede, the lede, subheads."""
        lines = self.lines
        body = [i for i, ln in enumerate(lines) if ln.kind == "body"]
        lede: int | None = None
        skipped = 0
        for i in body:
            s = lines[i].text
            if self._is_date(s):
                lines[i].kind = "date"
                continue
            if self.rules.byline and len(s) <= 80 and self.rules.byline.fullmatch(self._bare(s)):
                self._drop(i, "byline")
                continue
            if _is_paragraph(s):
                lede = i
                lines[i].kind = "lede"
                break
            # an author or place line the patterns do not know: kept, and the lede may follow
            skipped += 1
            if skipped > 2:
                break
        content = [i for i, ln in enumerate(lines) if ln.kind in ("body", "lede")]
        for n, i in enumerate(content):
            s = lines[i].text
            if lede is None or i <= lede or lines[i].kind != "body":
                continue
            if not (len(s) <= SUBHEAD_MAX and len(s.split()) <= 15 and _unpunctuated(s)):
                continue
            if self._is_date(s):
                continue
            prev = content[n - 1] if n > 0 else None
            nxt = content[n + 1] if n + 1 < len(content) else None
            if prev is None or nxt is None:
                continue
            if lines[prev].kind == "heading" or not _is_paragraph(lines[prev].text):
                continue
            if not _is_paragraph(lines[nxt].text):
                continue
            lines[i].kind = "heading"

    def agencies(self) -> list[tuple[int, list[str]]]:
        """Remove agency tags from the dateline and the end of the last paragraph."""
        found: list[tuple[int, list[str]]] = []
        for i, ln in enumerate(self.lines):
            if ln.agency:
                found.append((i, ln.agency))
        content = [i for i, ln in enumerate(self.lines) if ln.kind in ("lede", "body")]
        if content:
            first = self.lines[content[0]]
            m = _DATELINE.match(first.text)
            if m and (tags := _agency_tags(m.group("tags"), self.rules)):
                rest = first.text[m.end():]
                place = (m.group("place") or "").strip()
                first.text = f"{place} {m.group('dash')} {rest}" if place else rest
                found.append((content[0], tags))
            last = self.lines[content[-1]]
            m = _END_TAG.search(last.text)
            if m and (tags := _agency_tags(m.group("tags"), self.rules)):
                last.text = last.text[: m.start()].rstrip()
                found.append((content[-1], tags))
        return sorted(found, key=lambda x: x[0])


def _is_paragraph(s: str) -> bool:
    return _ends_sentence(s) or len(s) > SUBHEAD_MAX or bool(_END_TAG.search(s))


def clean_page(
    text: str,
    *,
    title: str | None = None,
    lang: str | None = None,
    languages: list[str] | None = None,
) -> Article:
    """Clean a plain-text page dump (one block per line, or paragraphs between blank lines).

    `title`, when given (from JSON Lines or HTML metadata), is the known title: taken from the
    text where the text carries it (a short unpunctuated line right before it is the kicker),
    else put in front. `lang` skips detection; `languages` restricts it.
    Raises ValueError when the page holds no text.
    """
    norm = normalise(text)
    title = normalise(title) if title else None
    if title and "\n" in title:
        title = " ".join(title.split())
    if not norm and not title:
        raise ValueError("no article text found")
    code = lang or detect_language(norm or title or "", languages)
    rules = _rules(code)
    cleaner = _Cleaner(_lines(norm), rules)
    missing_title = cleaner.head(title)
    cleaner.boilerplate()
    cleaner.structure()
    found = cleaner.agencies()
    agency: list[str] = []
    for _, tags in found:
        for t in tags:
            if t not in agency:
                agency.append(t)

    lines = cleaner.lines
    kept = [ln for ln in lines if ln.kind in ("title", "lede", "body", "heading", "date") and ln.text]
    parts: list[str] = []
    headings: list[tuple[int, int]] = []
    pos = 0
    if missing_title:
        parts.append(missing_title)
        pos = len(missing_title) + 2
    for ln in kept:
        if ln.kind == "heading":
            headings.append((pos, pos + len(ln.text)))
        parts.append(ln.text)
        pos += len(ln.text) + 2
    out = "\n\n".join(parts)
    if not out.strip():
        raise ValueError("no article text found")
    found_title = missing_title or next((ln.text for ln in lines if ln.kind == "title"), None)
    return Article(
        text=out,
        title=found_title,
        kicker=next((ln.text for ln in lines if ln.kind == "kicker"), None),
        lede=next((ln.text for ln in lines if ln.kind == "lede"), None),
        headings=headings,
        dropped=[ln.text for ln in lines if ln.kind == "dropped"],
        agency=agency,
        lang=code,
    )
