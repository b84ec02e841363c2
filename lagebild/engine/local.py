"""Local engines: inline in this process, or a pool of worker processes on this machine.

Each pool worker builds one `DocWorker` (and so one Processor with its pipelines) in the pool
initializer and keeps it for its life. Work goes out in batches of raw documents, with only a
few batches per worker in flight, so memory stays flat however long the input stream is.
Outcomes come back in completion order, not input order.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from lagebild.engine.base import DocWorker, Failed, Outcome
from lagebild.ingest.base import RawDoc

# Batches in flight per worker: enough that no worker waits for the parent, few enough that a
# killed run loses little work.
_IN_FLIGHT_PER_WORKER = 2

_worker: DocWorker | None = None


def _init(stages: list[str] | None, skip_url: str | None) -> None:
    global _worker
    _worker = DocWorker(stages=stages, skip_url=skip_url)


def _run_batch(batch: list[RawDoc]) -> list[Outcome]:
    assert _worker is not None, "pool initializer did not run"
    return [_worker(raw) for raw in batch]


def run_inline(
    raws: Iterable[RawDoc], stages: list[str] | None = None, skip_url: str | None = None
) -> Iterator[Outcome]:
    """Process documents one after another in this process (the engine for --workers 1)."""
    worker = DocWorker(stages=stages, skip_url=skip_url)
    try:
        for raw in raws:
            yield worker(raw)
    finally:
        worker.close()


def run_pool(
    raws: Iterable[RawDoc],
    workers: int,
    batch_size: int = 16,
    stages: list[str] | None = None,
    skip_url: str | None = None,
) -> Iterator[Outcome]:
    """Process documents in `workers` processes; outcomes as batches complete.

    Processes are spawned rather than forked: the parent may hold database connections and a
    progress-bar thread, neither of which survives a fork safely.
    """
    ctx = mp.get_context("spawn")
    it = iter(raws)
    # Documents that were in flight when a worker process died. They are retried one at a time,
    # alone in the pool, so that a second death names its document exactly.
    suspects: list[RawDoc] = []

    def make_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=(stages, skip_url))

    pool = make_pool()
    pending: dict[Future[list[Outcome]], list[RawDoc]] = {}
    try:
        while True:
            if suspects:
                if not pending:
                    raw = suspects.pop(0)
                    pending[pool.submit(_run_batch, [raw])] = [raw]
            else:
                while len(pending) < workers * _IN_FLIGHT_PER_WORKER:
                    batch = list(islice(it, batch_size))
                    if not batch:
                        break
                    pending[pool.submit(_run_batch, batch)] = batch
            if not pending:
                return
            alone = len(pending) == 1
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken: list[RawDoc] = []
            for fut in done:
                batch = pending.pop(fut)
                try:
                    yield from fut.result()
                except BrokenProcessPool:
                    broken.extend(batch)
            if broken:
                if alone and len(broken) == 1:
                    yield Failed(broken[0].origin, "worker process died while processing this document", broken[0].doc_id)
                else:
                    suspects.extend(broken)
                # Every other batch in flight died with the pool too.
                for batch in pending.values():
                    suspects.extend(batch)
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = make_pool()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
