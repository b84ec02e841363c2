"""A document's text as HTML with its entities, places, times, quotes and event evidence marked
from their character spans (like displaCy, but spans may nest and cross).

Crossing spans cannot nest in HTML, so the text is cut at every span boundary and each piece is
wrapped in the spans that cover it, outermost first; a span that crosses another is closed and
reopened, and only its first piece carries its `id`. All text is escaped here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup, escape

from lagebild.doc import Document, Entity

# Which span wraps which when two cover the same text: evidence outermost, entity innermost.
_RANK = {"ev": 0, "quote": 1, "time": 2, "place": 3, "ent": 4}


@dataclass
class Mark:
    """One span to mark: `tag` and `attrs` of its element, `anchor` when it is a link."""

    start: int
    end: int
    kind: str
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    id: str | None = None

    def open(self, first: bool, inside_link: bool) -> str:
        tag = "span" if self.tag == "a" and inside_link else self.tag
        attrs = dict(self.attrs)
        if tag != "a":
            attrs.pop("href", None)
        if first and self.id:
            attrs["id"] = self.id
        parts = "".join(f' {k}="{escape(v)}"' for k, v in attrs.items())
        return f"<{tag}{parts}>"

    def close(self, inside_link: bool) -> str:
        tag = "span" if self.tag == "a" and inside_link else self.tag
        return f"</{tag}>"


def actor_key(entity: Entity) -> str:
    """What an entity's mentions link to on the actor pages: a country or org code for a polity
    or organisation the KB knows, the entity's own name otherwise."""
    if entity.type == "GPE" and entity.country:
        return entity.country
    if entity.type == "ORG" and entity.org:
        return entity.org
    return entity.name


def actor_url(key: str) -> str:
    return "/actors/" + quote(key, safe="")


def marks(doc: Document) -> list[Mark]:
    """The marks of every span of `doc` that lies inside its text."""
    n = len(doc.text)
    out: list[Mark] = []
    names = {e.id: e for e in doc.entities}
    for ev in doc.events:
        who = " → ".join(
            a.code or a.country or a.org or "?" if a else "—" for a in (ev.source, ev.target)
        )
        out.append(Mark(ev.evidence.start, ev.evidence.end, "ev", "mark",
                        {"class": f"ev quad{ev.quad or 0}", "data-ev": ev.id, "tabindex": "0",
                         "title": f"{ev.cameo} {who}"}, id=f"ev-{ev.id}-text"))
    for i, q in enumerate(doc.quotes):
        speaker = names[q.speaker].name if q.speaker in names else "unknown speaker"
        out.append(Mark(q.start, q.end, "quote", "span",
                        {"class": f"quote {q.kind}", "data-quote": str(i), "title": f"{q.kind} quote: {speaker}"},
                        id=f"quote-{i}-text"))
    for i, t in enumerate(doc.times):
        out.append(Mark(t.start, t.end, "time", "span",
                        {"class": "time", "data-time": str(i), "data-label": t.type, "title": f"{t.type} {t.value or '?'}"}))
    for i, p in enumerate(doc.places):
        where = f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None and p.lon is not None else "no coordinates"
        for m in p.mentions:
            out.append(Mark(m.start, m.end, "place", "span",
                            {"class": "place", "data-place": str(i), "data-label": "PLACE",
                             "title": f"{p.name} ({p.country or '?'}; {where})"}))
    for e in doc.entities:
        for m in e.mentions:
            out.append(Mark(m.start, m.end, "ent", "a",
                            {"class": f"ent ent-{e.type}", "data-ent": e.id, "data-label": e.type,
                             "href": actor_url(actor_key(e)), "title": f"{e.name} ({e.type}{', ' + e.country if e.country else ''})"}))
    return [m for m in out if 0 <= m.start < m.end <= n]


def highlight(doc: Document) -> Markup:
    """`doc.text` as escaped HTML with every span marked (see the module doc)."""
    text = doc.text
    ms = sorted(marks(doc), key=lambda m: (m.start, -m.end, _RANK[m.kind]))
    cuts = sorted({0, len(text), *(m.start for m in ms), *(m.end for m in ms)})
    html: list[str] = []
    stack: list[Mark] = []
    opened: set[int] = set()
    active: list[Mark] = []
    j = 0
    for lo, hi in zip(cuts, cuts[1:]):
        # Spans starting here join the active set; spans that ended leave it.
        while j < len(ms) and ms[j].start <= lo:
            active.append(ms[j])
            j += 1
        active = [m for m in active if m.end > lo]
        want = sorted(active, key=lambda m: (m.start, -m.end, _RANK[m.kind]))
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        while len(stack) > keep:
            m = stack.pop()
            html.append(m.close(_in_link(stack)))
        for m in want[keep:]:
            html.append(m.open(id(m) not in opened, _in_link(stack)))
            opened.add(id(m))
            stack.append(m)
        html.append(str(escape(text[lo:hi])))
    while stack:
        m = stack.pop()
        html.append(m.close(_in_link(stack)))
    return Markup("".join(html))


def _in_link(stack: list[Mark]) -> bool:
    # Links cannot nest: an entity mention inside another is rendered as a plain span.
    return any(m.tag == "a" for m in stack)
