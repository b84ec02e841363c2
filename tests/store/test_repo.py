"""Store: idempotent transactional add, exact round trip, event queries, failures."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlalchemy as sa

from lagebild.doc import Document, Entity, validate
from lagebild.store import EVENT_ROW_FIELDS, Store
from lagebild.store.repo import _date_range
from lagebild.store.schema import metadata

MakeDoc = Callable[..., Document]


def _row_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for name, table in metadata.tables.items()
        }


def test_add_is_idempotent(store: Store, doc_factory: MakeDoc) -> None:
    doc = doc_factory()
    assert store.add(doc, origin="seed.txt") is True
    counts = _row_counts(store)
    assert counts["documents"] == 1 and counts["entities"] == 4 and counts["mentions"] == 3
    assert counts["place_mentions"] == 2 and counts["events"] == 2
    assert store.add(doc, origin="seed.txt") is False
    assert store.add(doc_factory(), origin="other.txt") is False
    assert _row_counts(store) == counts
    assert store.has("doc-1") and not store.has("nope")
    assert store.count() == 1


def test_round_trip_is_exact(store: Store, doc_factory: MakeDoc) -> None:
    doc = doc_factory()
    store.add(doc)
    back = store.get(doc.doc_id)
    assert back is not None
    assert back.to_json() == doc.to_json()
    # Same order of every list, not just the same content.
    assert [e["id"] for e in back.to_json()["entities"]] == ["e1", "e2", "e10", "e3"]
    validate(back.to_json())
    assert store.get("missing") is None


def test_round_trip_keeps_extra_fields(store: Store, doc_factory: MakeDoc) -> None:
    data = doc_factory(published=None, published_estimated=True, pipeline={"version": "0.1", "stages": ["clean"]}).to_json()
    data["source"]["country"] = "FRA"
    data["entities"][0]["salience"] = 0.7
    data["entities"][0]["mentions"][0]["sentence"] = 2
    data["places"][0]["mentions"][1]["sentence"] = 3
    data["times"][0]["anchor"] = "dct"
    data["quotes"][0]["sentence"] = 1
    data["events"][0]["sentence"] = 4
    data["events"][0]["source"]["name"] = "Beloussow"
    data["events"][0]["plover"]["actor_types"] = ["MIL"]
    data["events"][0]["evidence"]["sentence"] = 4
    doc = Document.from_json(data)
    store.add(doc)
    back = store.get(doc.doc_id)
    assert back is not None
    assert back.to_json() == doc.to_json() == data
    validate(back.to_json())


def test_round_trip_of_a_bare_document(store: Store) -> None:
    doc = Document(doc_id="bare", lang="en", text="Nothing happened.")
    assert store.add(doc)
    back = store.get("bare")
    assert back is not None and back.to_json() == doc.to_json()


def test_failed_document_leaves_nothing_behind(store: Store, doc_factory: MakeDoc) -> None:
    store.add(doc_factory("good"))
    before = _row_counts(store)
    good = store.get("good")
    bad = doc_factory("bad")
    bad.entities.append(Entity(id="e1", name="Doppelt", type="PER"))  # duplicate entity id
    with pytest.raises(sa.exc.IntegrityError):
        store.add(bad)
    assert not store.has("bad")
    assert _row_counts(store) == before
    assert store.get("good") == good
    # The failed document can be stored once it is fixed.
    bad.entities.pop()
    assert store.add(bad) is True


def test_deleting_a_document_cascades(store: Store, doc_factory: MakeDoc) -> None:
    store.add(doc_factory("a"))
    store.add(doc_factory("b"))
    with store.engine.begin() as conn:
        conn.execute(sa.delete(metadata.tables["documents"]).where(metadata.tables["documents"].c.doc_id == "a"))
    counts = _row_counts(store)
    assert counts["documents"] == 1 and counts["entities"] == 4 and counts["events"] == 2
    assert counts["mentions"] == 3 and counts["place_mentions"] == 2


def test_documents_listing(store: Store, doc_factory: MakeDoc) -> None:
    store.add(doc_factory("old", published="2023-01-01"))
    store.add(doc_factory("new", published="2024-12-01"))
    store.add(Document(doc_id="none", lang="en", text="100% plain", title="Plain_title"))
    rows = store.documents()
    assert [r["doc_id"] for r in rows] == ["new", "old", "none"]
    assert rows[0] == {
        "doc_id": "new",
        "lang": "de",
        "published": "2024-12-01",
        "title": "China und Russland vereinbaren Stärkung ihrer militärischen Zusammenarbeit",
        "events": 2,
    }
    assert rows[2]["events"] == 0
    assert [r["doc_id"] for r in store.documents(limit=1, offset=1)] == ["old"]
    assert [r["doc_id"] for r in store.documents(q="plain")] == ["none"]
    assert [r["doc_id"] for r in store.documents(q="STÄRKUNG")] == ["new", "old"]
    # Full-text search: punctuation separates words, so wildcards and query syntax are inert.
    assert [r["doc_id"] for r in store.documents(q="100%")] == ["none"]
    assert [r["doc_id"] for r in store.documents(q="plain%title")] == ["none"]
    assert [r["doc_id"] for r in store.documents(q="Plain_title")] == ["none"]
    assert store.documents(q='"*) OR (:') == []
    # Words match as word prefixes, with Unicode case folding but not diacritic folding.
    assert [r["doc_id"] for r in store.documents(q="stärk zusammen")] == ["new", "old"]
    assert store.documents(q="starkung") == []
    assert store.documents(q="arbeit") == []  # not a word start
    # every word must occur, in any order; the doc_id itself is found too
    assert [r["doc_id"] for r in store.documents(q="zusammenarbeit china")] == ["new", "old"]
    assert store.documents(q="china plain") == []
    assert [r["doc_id"] for r in store.documents(q="old")] == ["old"]
    # prefix of doc_id (abbreviated ids)
    assert [r["doc_id"] for r in store.documents(prefix="n")] == ["new", "none"]
    assert [r["doc_id"] for r in store.documents(prefix="ne")] == ["new"]
    assert store.documents(prefix="%") == []


def _ids(rows: list[dict[str, object]]) -> list[tuple[object, object]]:
    return [(r["doc_id"], r["event_id"]) for r in rows]


def test_events_rows_and_filters(store: Store, doc_factory: MakeDoc) -> None:
    store.add(doc_factory("sep", event_date="2024-09-30"))
    store.add(doc_factory("oct", event_date="2024-10"))
    store.add(doc_factory("nov", event_date="2024-11-02"))

    rows = store.events()
    assert len(rows) == 6
    assert tuple(rows[0]) == EVENT_ROW_FIELDS
    assert rows[0] == {
        "doc_id": "sep",
        "event_id": "v1",
        "date": "2024-09-30",
        "source_code": "RUSGOVMIL",
        "source_country": "RUS",
        "cameo": "042",
        "root": "04",
        "target_code": "CHN",
        "target_country": "CHN",
        "goldstein": 1.9,
        "quad": 1,
        "place": "Beijing",
        "modality": "asserted",
        "evidence": "Beloussow war in Peking eingetroffen",
        "rule": "de.verb.eintreffen",
    }
    # Dated events first (by date), undated last.
    assert _ids(rows)[:3] == [("sep", "v1"), ("oct", "v1"), ("nov", "v1")]

    # actor: country code (source or target), case-insensitive
    assert len(store.events(actor="chn")) == 3
    assert len(store.events(actor="RUS")) == 3
    # actor: org code, actor code prefix, entity name
    assert {r["event_id"] for r in store.events(actor="NATO")} == {"v2"}
    assert {r["event_id"] for r in store.events(actor="RUSGOV")} == {"v1"}
    assert {r["event_id"] for r in store.events(actor="andrei beloussow")} == {"v1"}
    assert store.events(actor="Dong Jun") == []  # named, but in no event
    assert store.events(actor="R%") == []  # wildcards are literal
    # root
    assert {r["event_id"] for r in store.events(root="11")} == {"v2"}
    assert store.events(root="19") == []
    # since / until (inclusive, partial dates count for their whole period)
    assert _ids(store.events(since="2024-10-01", until="2024-10-31")) == [("oct", "v1")]
    assert _ids(store.events(since="2024-10-20")) == [("oct", "v1"), ("nov", "v1")]
    assert _ids(store.events(until="2024-10-01")) == [("sep", "v1"), ("oct", "v1")]
    assert _ids(store.events(since="2024-09-30", until="2024-09-30")) == [("sep", "v1")]
    assert _ids(store.events(since="2024-11")) == [("nov", "v1")]
    assert _ids(store.events(until="2024-09")) == [("sep", "v1")]
    assert len(store.events(since="2024", until="2024")) == 3
    assert store.events(since="2025-01-01") == []
    # combined, and limit
    assert _ids(store.events(actor="CHN", root="04", since="2024-10")) == [("oct", "v1"), ("nov", "v1")]
    assert len(store.events(limit=2)) == 2
    with pytest.raises(ValueError):
        store.events(since="last week")


def test_entity_name_match_folds_unicode_case(store: Store, doc_factory: MakeDoc) -> None:
    doc = doc_factory()
    assert doc.events[0].target is not None
    doc.events[0].target.entity = "e3"  # Österreich
    store.add(doc)
    assert {r["event_id"] for r in store.events(actor="österreich")} == {"v1"}
    assert {r["event_id"] for r in store.events(actor="ÖSTERREICH")} == {"v1"}


def test_failures(store: Store) -> None:
    assert store.failures() == []
    store.record_failure("feed.xml#3", "empty text")
    store.record_failure("a.html", "language not supported: fr", doc_id="abc")
    rows = store.failures()
    assert [(r["origin"], r["doc_id"], r["reason"]) for r in rows] == [
        ("feed.xml#3", None, "empty text"),
        ("a.html", "abc", "language not supported: fr"),
    ]
    assert rows[0]["id"] < rows[1]["id"]
    assert rows[0]["at"].endswith("+00:00")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-14", ("2024-10-14", "2024-10-14")),
        ("2024-10-14T09:30", ("2024-10-14", "2024-10-14")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2024", ("2024-01-01", "2024-12-31")),
        ("2024-W42", ("2024-10-14", "2024-10-20")),
        ("2024-Q4", ("2024-10-01", "2024-12-31")),
        ("2024-H1", ("2024-01-01", "2024-06-30")),
        ("2024-SU", ("2024-01-01", "2024-12-31")),
        ("202", ("2020-01-01", "2029-12-31")),
        ("XXXX-06", None),
        ("P3Y", None),
        ("PRESENT_REF", None),
        ("2024-13", None),
        ("2024-02-30", None),
        (None, None),
    ],
)
def test_date_range(value: str | None, expected: tuple[str, str] | None) -> None:
    assert _date_range(value) == expected


def test_store_as_context_manager(store_url: str, doc_factory: MakeDoc) -> None:
    with Store(store_url) as s:
        s.migrate()
        s.add(doc_factory())
    with Store(store_url) as s:
        assert s.count() == 1
