"""Fixtures of the store tests: one `Store` per database URL, and a filled example Document.

The URL list holds SQLite (a file under tmp_path) and, when LAGEBILD_TEST_PG_URL is set, that
PostgreSQL database too, so every store test runs against both backends unchanged.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from lagebild.doc import Document, Entity, Event, EventActor, Heading, Place, Plover, Quote, Source, Span, Time
from lagebild.store import Store
from lagebild.store.schema import metadata

PG_ENV = "LAGEBILD_TEST_PG_URL"


def _backends() -> list[str]:
    backends = ["sqlite"]
    if os.environ.get(PG_ENV):
        backends.append("postgresql")
    return backends


def _wipe(url: str) -> None:
    # A shared PostgreSQL database outlives the test, so each test starts and ends with no tables.
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            metadata.drop_all(conn)
            sa.Table("alembic_version", sa.MetaData(), sa.Column("version_num", sa.String(32))).drop(
                conn, checkfirst=True
            )
    finally:
        engine.dispose()


@pytest.fixture(params=_backends())
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'lagebild.db'}"
        return
    url = os.environ[PG_ENV]
    _wipe(url)
    yield url
    _wipe(url)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as s:
        s.migrate()
        yield s


TEXT = (
    "China und Russland vereinbaren Stärkung ihrer militärischen Zusammenarbeit\n\n"
    "Bei einem Treffen am Montag in Peking sagte Dong Jun, die Zusammenarbeit sei strategisch. "
    "Beloussow war in Peking eingetroffen. Die NATO kritisierte das Treffen."
)


def _span(text: str, surface: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Span(start=start, end=start + len(surface), text=surface)


def make_doc(
    doc_id: str = "doc-1",
    published: str | None = "2024-10-14",
    event_date: str | None = "2024-10-14",
    **extra: Any,
) -> Document:
    """A Document with every layer filled (entities, places, times, quotes, events)."""
    t = TEXT
    return Document(
        doc_id=doc_id,
        lang="de",
        published=published,
        source=Source(name="AFP", url="https://example.org/a", agency=["afp", "red"]),
        kicker="Eine Woche vor BRICS-Gipfel",
        title="China und Russland vereinbaren Stärkung ihrer militärischen Zusammenarbeit",
        lede=None,
        text=t,
        dropped=["Foto: AFP via Getty Images"],
        headings=[Heading(**_span(t, "Beloussow").model_dump())],
        entities=[
            Entity(
                id="e1",
                name="Dong Jun",
                type="PER",
                kb_id="Q1",
                country="CHN",
                sectors=["GOV", "MIL"],
                role="Verteidigungsminister",
                mentions=[_span(t, "Dong Jun")],
                rule="ner",
            ),
            Entity(
                id="e2",
                name="Andrei Beloussow",
                type="PER",
                country="RUS",
                sectors=["GOV", "MIL"],
                mentions=[_span(t, "Beloussow")],
            ),
            Entity(id="e10", name="NATO", type="ORG", org="NATO", sectors=[], mentions=[_span(t, "NATO")]),
            Entity(id="e3", name="Österreich", type="GPE", country="AUT"),
        ],
        places=[
            Place(
                name="Beijing",
                geonameid=1816670,
                country="CHN",
                lat=39.91,
                lon=116.40,
                feature="city",
                mentions=[_span(t, "Peking", 0), _span(t, "Peking", 1)],
            ),
            Place(name="Moskau", feature=None),
        ],
        times=[Time(**_span(t, "am Montag").model_dump(), type="DATE", value="2024-10-14", rule="de.weekday")],
        quotes=[
            Quote(
                **_span(t, "die Zusammenarbeit sei strategisch").model_dump(),
                kind="indirect",
                speaker="e1",
                cue="sagte",
            )
        ],
        events=[
            Event(
                id="v1",
                source=EventActor(entity="e2", country="RUS", sectors=["GOV", "MIL"], code="RUSGOVMIL"),
                target=EventActor(country="CHN", code="CHN"),
                cameo="042",
                root="04",
                goldstein=1.9,
                quad=1,
                plover=Plover(type="CONSULT", mode="visit", context=["military"]),
                date=event_date,
                place="Beijing",
                evidence=_span(t, "Beloussow war in Peking eingetroffen"),
                confidence=0.9,
                rule="de.verb.eintreffen",
            ),
            Event(
                id="v2",
                source=EventActor(entity="e10", org="NATO", code="NATO"),
                target=None,
                cameo="111",
                root="11",
                goldstein=-2.0,
                quad=3,
                plover=None,
                date=None,
                modality="reported",
                evidence=_span(t, "Die NATO kritisierte das Treffen"),
                rule="de.verb.kritisieren",
            ),
        ],
        **extra,
    )


@pytest.fixture
def doc_factory() -> Callable[..., Document]:
    return make_doc
