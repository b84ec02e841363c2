"""Store features for large runs: batched add, runs, and the full-text index of migration 0002."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from lagebild.doc import Document, Entity
from lagebild.store import Store
from lagebild.store.repo import MIGRATIONS

MakeDoc = Callable[..., Document]


def test_add_many_is_one_idempotent_batch(store: Store, doc_factory: MakeDoc) -> None:
    store.add(doc_factory("a"))
    res = store.add_many([(doc_factory("a"), "x"), (doc_factory("b"), "y"), (doc_factory("b"), "y2"), (doc_factory("c"), None)])
    assert res == [False, True, False, True]
    assert store.count() == 3 and store.stored_ids(["a", "b", "zz"]) == {"a", "b"}
    assert store.get("b") == doc_factory("b")
    assert store.add_many([]) == []


def test_add_many_isolates_a_broken_document(store: Store, doc_factory: MakeDoc) -> None:
    bad = doc_factory("bad")
    bad.entities.append(Entity(id="e1", name="Doppelt", type="PER"))  # duplicate entity id
    res = store.add_many([(doc_factory("ok1"), None), (bad, None), (doc_factory("ok2"), None)])
    assert res[0] is True and isinstance(res[1], sa.exc.IntegrityError) and res[2] is True
    assert store.stored_ids(["ok1", "bad", "ok2"]) == {"ok1", "ok2"}


def test_runs(store: Store) -> None:
    run_id = store.start_run(["a/", "b.xml"], "local", 4)
    assert store.runs()[0]["status"] == "running" and store.runs()[0]["finished"] is None
    store.record_failure("b.xml", "broken", run_id=run_id)
    store.finish_run(run_id, stored=3, skipped=1, failed=1)
    (row,) = store.runs()
    assert row["inputs"] == ["a/", "b.xml"] and (row["stored"], row["skipped"], row["failed"]) == (3, 1, 1)
    assert row["status"] == "finished" and row["finished"] >= row["started"]
    assert store.failures()[0]["run_id"] == run_id


def test_iter_documents_pages_in_id_order(store: Store) -> None:
    for i in range(7):
        store.add(Document(doc_id=f"d{i}", lang="de", text=f"Text {i}"))
    assert [d.doc_id for d in store.iter_documents()] == [f"d{i}" for i in range(7)]
    assert [d.doc_id for d in store.iter_documents(["d3", "nope", "d1"])] == ["d3", "d1"]


def test_full_text_index_covers_documents_stored_before_0002(store_url: str, doc_factory: MakeDoc) -> None:
    with Store(store_url) as store:
        config = Config()
        config.set_main_option("script_location", MIGRATIONS)
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "0001")
        store.add(doc_factory("early"))
        store.migrate()
        assert [r["doc_id"] for r in store.documents(q="peking")] == ["early"]
        # Deletes reach the index too (SQLite keeps its own FTS copy in step by trigger).
        with store.engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM documents WHERE doc_id = 'early'"))
        assert store.documents(q="peking") == []


def test_postgresql_search_uses_the_gin_index(store: Store, doc_factory: MakeDoc) -> None:
    if store.engine.dialect.name != "postgresql":
        return
    store.add(doc_factory("a"))
    with store.engine.connect() as conn:
        conn.execute(sa.text("SET enable_seqscan = off"))
        stmt = sa.select(sa.literal(1)).select_from(sa.table("documents")).where(store._text_match("peking"))
        sql = str(stmt.compile(conn, compile_kwargs={"literal_binds": True}))
        plan = "\n".join(conn.execute(sa.text(f"EXPLAIN {sql}")).scalars())
    assert "ix_documents_fts" in plan
