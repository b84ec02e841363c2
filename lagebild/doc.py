"""The lagebild/1 document: the typed contract every stage fills and every edge serialises.

One `Document` travels through the pipeline (clean → analyze → extract); stages only add to it.
The models mirror ``shared/spec/output-format.md``; the JSON Schema shipped in
``lagebild/schema/lagebild-1.json`` is generated from them (``lagebild schema``) and a test keeps
the two in step.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

EntityType = Literal["PER", "ORG", "GPE", "LOC", "MISC"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Feature = Literal["country", "admin", "city", "sea", "region", "other"]
Modality = Literal["asserted", "future", "hypothetical", "negated", "reported"]


class _Model(BaseModel):
    # Extra fields are allowed by the contract ("Extra fields are allowed").
    model_config = ConfigDict(extra="allow")


class Span(_Model):
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Source(_Model):
    name: str | None = None
    url: str | None = None
    agency: list[str] = Field(default_factory=list)


class Heading(Span):
    """A subhead kept in the body (an extra field of lagebild/1)."""


class Entity(_Model):
    id: str
    name: str
    type: EntityType
    kb_id: str | None = None
    country: str | None = None
    org: str | None = None
    sectors: list[str] = Field(default_factory=list)
    role: str | None = None
    mentions: list[Span] = Field(default_factory=list)
    rule: str | None = None


class Place(_Model):
    name: str
    geonameid: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: Feature | None = None
    mentions: list[Span] = Field(default_factory=list)
    rule: str | None = None


class Time(Span):
    type: TimeType
    value: str | None = None
    rule: str | None = None


class Quote(Span):
    kind: QuoteKind
    speaker: str | None = None
    cue: str | None = None
    via: str | None = None
    rule: str | None = None


class EventActor(_Model):
    entity: str | None = None
    country: str | None = None
    org: str | None = None
    sectors: list[str] = Field(default_factory=list)
    code: str | None = None


class Plover(_Model):
    type: str | None = None
    mode: str | None = None
    context: list[str] = Field(default_factory=list)


class Event(_Model):
    id: str
    source: EventActor | None = None
    target: EventActor | None = None
    cameo: str
    root: str
    goldstein: float | None = None
    quad: int | None = Field(default=None, ge=1, le=4)
    plover: Plover | None = None
    date: str | None = None
    place: str | None = None
    modality: Modality = "asserted"
    evidence: Span
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    rule: str


class Document(_Model):
    """One article in lagebild/1 form, and the object the pipeline stages add to."""

    schema_: Literal["lagebild/1"] = Field(default="lagebild/1", alias="schema")
    doc_id: str
    lang: str
    published: str | None = None
    # True when `published` was estimated from the text rather than given by the source.
    published_estimated: bool = False
    source: Source = Field(default_factory=Source)
    kicker: str | None = None
    title: str | None = None
    lede: str | None = None
    text: str
    dropped: list[str] = Field(default_factory=list)
    headings: list[Heading] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    # Analysis layers (sentences, tokens …) live beside the contract, never in the JSON.
    _layers: dict[str, Any] = PrivateAttr(default_factory=dict)

    @property
    def layers(self) -> dict[str, Any]:
        return self._layers

    def to_json(self) -> dict[str, Any]:
        """The lagebild/1 JSON object (the only place a Document is serialised)."""
        return self.model_dump(mode="json", by_alias=True)

    def dumps(self, indent: int | None = None) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Document":
        return cls.model_validate(data)

    def span_problems(self) -> list[str]:
        """Spans that point outside `text` or whose `text` is not the text's own words there.

        Evidence is only auditable when it is the article's words at that place, so documents
        from outside (API uploads, JSON Lines imports) are checked before they are stored.
        """
        n = len(self.text)
        spans: list[tuple[str, Span]] = [(f"entity {e.id}", m) for e in self.entities for m in e.mentions]
        spans += [(f"place {p.name}", m) for p in self.places for m in p.mentions]
        spans += [("time", t) for t in self.times] + [("quote", q) for q in self.quotes]
        spans += [(f"event {e.id}", e.evidence) for e in self.events] + [("heading", h) for h in self.headings]
        problems = []
        for what, s in spans:
            if not 0 <= s.start <= s.end <= n:
                problems.append(f"{what}: span {s.start}-{s.end} outside the text (length {n})")
            elif self.text[s.start:s.end] != s.text:
                problems.append(f"{what}: span {s.start}-{s.end} is {self.text[s.start:s.end]!r}, not {s.text!r}")
        return problems

    def span(self, start: int, end: int) -> Span:
        """A span of `text` with its surface, so evidence is always copied from the text itself."""
        return Span(start=start, end=end, text=self.text[start:end])


def json_schema() -> dict[str, Any]:
    """JSON Schema of lagebild/1, generated from the models above."""
    schema = Document.model_json_schema(by_alias=True, mode="serialization")
    # The contract makes every field required (unknown values are null or []), and the
    # serialiser always writes them all, so the schema says so for every object.
    for obj in [schema, *schema.get("$defs", {}).values()]:
        if "properties" in obj:
            obj["required"] = list(obj["properties"])
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://lagebild.example/schema/lagebild-1.json"
    schema["title"] = "lagebild/1 document"
    return schema


def shipped_schema() -> dict[str, Any]:
    """The JSON Schema file shipped in the package (the published contract)."""
    return json.loads(resources.files("lagebild.schema").joinpath("lagebild-1.json").read_text("utf-8"))


def validate(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError unless `data` is a valid lagebild/1 document."""
    import jsonschema

    jsonschema.validate(data, shipped_schema())
