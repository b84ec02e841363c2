"""The Ray engine on a real local Ray cluster (2 CPUs, no dashboard), started once for this module."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from lagebild.engine.runner import run
from lagebild.ingest import ReadOptions
from lagebild.store import Store

ray = pytest.importorskip("ray")
# Ray Data warns about its own deprecated settings when it builds a context.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no network from the test suite
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_run_stores_every_document_once(
    ray_cluster: None, store_url: str, corpus: Path
) -> None:
    with Store(store_url) as store:
        store.migrate()
        summary = run([str(corpus)], store, ReadOptions(lang="de"), engine="ray", workers=2, batch_size=3)
        assert (summary.stored, summary.skipped, summary.failed) == (12, 0, 0)
        assert store.count() == 12
        doc = store.get(next(iter(store.iter_documents())).doc_id)
        assert doc is not None and doc.times, "the pipeline ran on the actors"
        (corpus / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
        again = run([str(corpus)], store, ReadOptions(lang="de"), engine="ray", workers=2, batch_size=5)
        assert (again.stored, again.skipped, again.failed) == (0, 12, 1)
        assert [Path(f["origin"]).name for f in store.failures()] == ["bad.txt"]
        assert [r["engine"] for r in store.runs()] == ["ray", "ray"]
