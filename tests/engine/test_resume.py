"""A run killed with SIGKILL and started again stores every document exactly once (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from lagebild.engine.base import SLOW_ENV
from lagebild.store import Store
from lagebild.store.schema import documents, events, times
from tests.engine.conftest import write_corpus

N = 30


def _lagebild(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.Popen[bytes]:
    # A session of its own, so SIGKILL reaches the pool's worker processes too.
    return subprocess.Popen(
        [sys.executable, "-m", "lagebild", *args], cwd=cwd, env={**os.environ, **env},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )


def _count(url: str) -> int:
    with Store(url) as s:
        try:
            return s.count()
        except sa.exc.SQLAlchemyError:
            return 0  # not migrated yet


def test_sigkill_then_rerun_stores_each_document_once(store_url: str, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", N)
    args = ["run", str(corpus), "--db", store_url, "--workers", "2", "--batch-size", "2", "--lang", "de", "--quiet"]

    proc = _lagebild(args, {SLOW_ENV: "250"}, tmp_path)
    deadline = time.monotonic() + 60
    try:
        while _count(store_url) < 6:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "run stored nothing within 60 s"
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    before = _count(store_url)
    assert 6 <= before < N, "the run must be killed in the middle"

    # The rerun may use any engine; inline saves the start of a second pool.
    again = _lagebild([*args[:4], "--workers", "1", *args[6:]], {}, tmp_path)
    _, stderr = again.communicate(timeout=120)
    assert again.returncode == 0, stderr.decode()

    with Store(store_url) as store:
        assert store.count() == N
        with store.engine.connect() as conn:
            origins = conn.execute(sa.select(documents.c.origin)).scalars().all()
            n_times = conn.execute(sa.select(sa.func.count()).select_from(times)).scalar_one()
            n_events = conn.execute(sa.select(sa.func.count()).select_from(events)).scalar_one()
        assert sorted(Path(o).name for o in origins) == [f"{i:03d}.txt" for i in range(N)]
        # Children of every document exactly once too: each article has the same time expressions.
        per_doc = {(len(d.times), len(d.events)) for d in store.iter_documents()}
        assert len(per_doc) == 1
        doc_times, doc_events = per_doc.pop()
        assert n_times == N * doc_times and n_events == N * doc_events
        runs = store.runs()
        assert [r["status"] for r in runs] == ["running", "finished"]  # the killed run never finished
        # (SQLite: a commit the killed writer finished may only become visible once the next writer
        # recovers the WAL, so the rerun can find more than `before` documents already stored)
        assert runs[1]["stored"] + runs[1]["skipped"] == N and runs[1]["skipped"] >= before
        assert store.failures() == []
