"""Local engines: inline and process pool store every document once and record per-document crashes."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.engine.base import FAIL_ENV, Done, Failed
from lagebild.engine.local import run_inline, run_pool
from lagebild.engine.runner import run
from lagebild.ingest import RawDoc, ReadOptions, read_inputs
from lagebild.store import Store


def _raws(corpus: Path) -> list[RawDoc]:
    return [r for r in read_inputs([str(corpus)], ReadOptions(lang="de")) if isinstance(r, RawDoc)]


def test_pool_matches_inline(corpus: Path) -> None:
    raws = _raws(corpus)[:6]
    inline = {o.origin: o.doc.to_json() for o in run_inline(raws) if isinstance(o, Done)}
    pooled = {o.origin: o.doc.to_json() for o in run_pool(raws, workers=2, batch_size=3) if isinstance(o, Done)}
    assert len(inline) == len(raws) == 6
    assert pooled == inline


@pytest.mark.parametrize("workers", [1, 2])
def test_run_stores_once_and_records_crash(
    store_url: str, corpus: Path, workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FAIL_ENV, r"00[37]\.txt$")
    (corpus / "empty.txt").write_bytes(b"")
    with Store(store_url) as store:
        store.migrate()
        seen: list[str] = []
        summary = run([str(corpus)], store, ReadOptions(lang="de"), workers=workers, batch_size=4,
                      on_outcome=lambda o: seen.append(o.origin))
        assert (summary.stored, summary.skipped, summary.failed) == (10, 0, 3)
        assert store.count() == 10
        fails = {Path(f["origin"]).name: f for f in store.failures()}
        assert set(fails) == {"003.txt", "007.txt", "empty.txt"}
        assert "test hook" in fails["003.txt"]["reason"] and fails["003.txt"]["doc_id"]
        assert {f["run_id"] for f in fails.values()} == {summary.run_id}
        assert len(seen) == 13
        # A second run skips what is stored (in the workers, before the stages run). Inline, as
        # the pool's part is covered above and each pool start costs seconds.
        monkeypatch.delenv(FAIL_ENV)
        again = run([str(corpus)], store, ReadOptions(lang="de"), workers=1, batch_size=4)
        assert (again.stored, again.skipped, again.failed) == (2, 10, 1)
        assert store.count() == 12
        runs = store.runs()
        assert [r["status"] for r in runs] == ["finished", "finished"]
        assert (runs[1]["stored"], runs[1]["skipped"], runs[1]["failed"]) == (2, 10, 1)


def test_worker_failure_is_a_value() -> None:
    from lagebild.engine.base import DocWorker

    out = DocWorker()(RawDoc(origin="x.txt", body="   \n  "))
    assert isinstance(out, Failed) and out.origin == "x.txt" and out.reason
