"""Documents for the API and web tests, built with the lagebild/1 models (spans found in the text,
so they are always right): a seed-like BRICS article with a RUS→CHN visit, a second article for
the dyad timeline, and a hostile one."""

from __future__ import annotations

from lagebild.doc import Document, Entity, Event, EventActor, Place, Plover, Quote, Span, Time

SEED_TEXT = (
    "China und Russland vereinbaren Stärkung ihrer militärischen Zusammenarbeit\n\n"
    "Die Verteidigungsminister Chinas und Russlands, Dong Jun und Andrej Beloussow, haben bei einem "
    "Treffen in Peking eine Verstärkung der militärischen Zusammenarbeit ihrer Länder vereinbart.\n\n"
    "Dong betonte am Montag, China und Russland würden ihre „strategische Zusammenarbeit“ vertiefen.\n\n"
    "Beloussow war nach russischen Angaben am Morgen in Peking eingetroffen, um „eine Reihe von "
    "Verhandlungen“ zu führen. Der Besuch findet eine Woche vor dem Gipfel der BRICS-Staaten im "
    "russischen Kasan statt."
)


def _span(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start=start, end=start + len(needle), text=needle)


def _mentions(text: str, needle: str) -> list[Span]:
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(Span(start=i, end=i + len(needle), text=needle))
        i = text.find(needle, i + len(needle))
    return out


def seed_doc() -> Document:
    t = SEED_TEXT
    doc = Document(doc_id="seed-brics", lang="de", published="2024-10-14", text=t,
                   title="China und Russland vereinbaren Stärkung ihrer militärischen Zusammenarbeit")
    doc.source.name = "AFP"
    doc.source.url = "https://example.org/brics"
    doc.entities = [
        Entity(id="e1", name="Dong Jun", type="PER", country="CHN", sectors=["GOV", "MIL"],
               role="Verteidigungsminister", mentions=[_span(t, "Dong Jun"), _span(t, "Dong", 1)]),
        Entity(id="e2", name="Andrej Beloussow", type="PER", country="RUS", sectors=["GOV", "MIL"],
               role="Verteidigungsminister",
               mentions=[_span(t, "Andrej Beloussow"), Span(start=t.index("Beloussow war"),
                                                              end=t.index("Beloussow war") + 9, text="Beloussow")]),
        Entity(id="e3", name="China", type="GPE", country="CHN", mentions=[_span(t, "China")]),
        Entity(id="e4", name="Russland", type="GPE", country="RUS", mentions=_mentions(t, "Russland")),
    ]
    doc.places = [
        Place(name="Beijing", geonameid=1816670, country="CHN", lat=39.91, lon=116.40, feature="city",
              mentions=_mentions(t, "Peking")),
        Place(name="Kazan", geonameid=551487, country="RUS", lat=55.79, lon=49.12, feature="city",
              mentions=[_span(t, "Kasan")]),
    ]
    doc.times = [
        Time(**_span(t, "am Montag").model_dump(), type="DATE", value="2024-10-14"),
        Time(**_span(t, "am Morgen").model_dump(), type="TIME", value="2024-10-14TMO"),
    ]
    doc.quotes = [
        Quote(**_span(t, "„strategische Zusammenarbeit“").model_dump(), kind="direct", speaker="e1", cue="betonte"),
    ]
    visit = t[t.index("Beloussow war"):t.index("zu führen.") + len("zu führen.")]
    meet = t[t.index("Die Verteidigungsminister"):t.index("vereinbart.") + len("vereinbart.")]
    doc.events = [
        Event(id="v1", source=EventActor(entity="e2", country="RUS", sectors=["GOV", "MIL"], code="RUSGOVMIL"),
              target=EventActor(country="CHN", code="CHN"), cameo="042", root="04", goldstein=1.9, quad=1,
              plover=Plover(type="CONSULT", mode="visit", context=["military"]), date="2024-10-14",
              place="Beijing", evidence=_span(t, visit), confidence=0.9, rule="de.verb.eintreffen"),
        Event(id="v2", source=EventActor(entity="e1", country="CHN", sectors=["GOV", "MIL"], code="CHNGOVMIL"),
              target=EventActor(entity="e2", country="RUS", sectors=["GOV", "MIL"], code="RUSGOVMIL"),
              cameo="057", root="05", goldstein=8.0, quad=1, date="2024-10-14", place="Beijing",
              evidence=_span(t, meet), confidence=0.8, rule="de.verb.vereinbaren"),
    ]
    return doc


def older_doc() -> Document:
    """A month earlier, a conflictual CHN–RUS event and a FRA→DEU one, for the dyad chart."""
    t = "Russland kritisierte China scharf wegen der Zölle. Frankreich warnte Deutschland in Berlin."
    doc = Document(doc_id="older", lang="de", published="2024-09-02", text=t, title="Ältere Meldung")
    doc.places = [Place(name="Berlin", country="DEU", lat=52.52, lon=13.40, feature="city", mentions=[_span(t, "Berlin")])]
    doc.events = [
        Event(id="v1", source=EventActor(country="RUS", code="RUS"), target=EventActor(country="CHN", code="CHN"),
              cameo="111", root="11", goldstein=-2.0, quad=3, date="2024-09-02",
              evidence=_span(t, t.split(". ")[0] + "."), rule="test.111"),
        Event(id="v2", source=EventActor(country="FRA", code="FRA"), target=EventActor(country="DEU", code="DEU"),
              cameo="130", root="13", goldstein=-4.4, quad=3, date="2024-09-02", place="Berlin",
              evidence=_span(t, "Frankreich warnte Deutschland in Berlin."), rule="test.130"),
    ]
    return doc


def hostile_doc() -> Document:
    t = 'Hallo <script>alert(1)</script> und <img src=x onerror="alert(2)"> sowie javascript:alert(3) Ende.'
    doc = Document(doc_id="hostile", lang="de", published="2024-01-01", text=t,
                   title="<script>alert('title')</script>", kicker='"><img src=x onerror=alert(4)>')
    doc.source.url = "javascript:alert(5)"
    doc.source.name = "<b>Evil</b>"
    doc.entities = [Entity(id="e1", name="<script>x</script>", type="PER", mentions=[_span(t, "<script>")])]
    doc.events = [
        Event(id="v1", source=EventActor(country="XSS", code="XSS"), target=None, cameo="010", root="01",
              evidence=_span(t, "<script>alert(1)</script>"), rule="<script>alert(6)</script>"),
    ]
    return doc
