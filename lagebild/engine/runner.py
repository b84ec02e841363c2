"""A whole run: inputs → engine → store, with one writer, batched transactions and a `runs` row.

Exactly-once comes from two facts: a document's id is fixed before it is stored (the id its
source gave, or sha256 of the cleaned text), and a batch is written in one transaction that
skips ids already stored. A run killed at any point (even SIGKILL) leaves whole batches or
nothing; started again on the same inputs it stores every missing document once and skips the
rest. Failures (unreadable inputs, documents whose extraction crashed) go to `failures` with
the run's id, and the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from lagebild.engine.base import Done, Failed, Outcome, Skipped
from lagebild.ingest import InputError, RawDoc, ReadOptions, read_inputs
from lagebild.store import Store

EngineName = Literal["local", "ray"]


@dataclass
class RunSummary:
    run_id: int
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[Failed] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.stored + self.skipped


def outcomes(
    raws: Iterable[RawDoc],
    engine: EngineName = "local",
    workers: int = 1,
    batch_size: int = 16,
    stages: list[str] | None = None,
    skip_url: str | None = None,
    address: str | None = None,
    quiet: bool = True,
) -> Iterator[Outcome]:
    """Outcomes of processing `raws` on the chosen engine (no store involved)."""
    if engine == "ray":
        from lagebild.engine.ray import run_ray

        return run_ray(raws, workers, batch_size, stages, skip_url, address, quiet)
    from lagebild.engine.local import run_inline, run_pool

    if workers <= 1:
        return run_inline(raws, stages, skip_url)
    return run_pool(raws, workers, batch_size, stages, skip_url)


def run(
    specs: Sequence[str],
    store: Store,
    opts: ReadOptions | None = None,
    engine: EngineName = "local",
    workers: int = 1,
    batch_size: int = 16,
    address: str | None = None,
    stages: list[str] | None = None,
    quiet: bool = True,
    on_outcome: Callable[[Outcome | Failed], None] | None = None,
) -> RunSummary:
    """Read `specs`, process them on `engine`, store the documents; the run's counts.

    `on_outcome` sees every outcome (and every unreadable input as a Failed) as it is recorded,
    for progress display. Workers consult the store to skip documents stored by an earlier run,
    except on a remote Ray cluster, whose nodes may not reach this database.
    """
    summary = RunSummary(run_id=store.start_run(list(specs), engine, workers))
    read_failures: list[Failed] = []

    def raws() -> Iterator[RawDoc]:
        for item in read_inputs(specs, opts or ReadOptions()):
            if isinstance(item, InputError):
                # Recorded by the writer loop below, on the parent's thread of control.
                read_failures.append(Failed(item.origin, item.reason))
                continue
            yield item

    skip_url = store.url if (engine == "local" or address is None) else None
    pending: list[Done] = []

    def note(outcome: Outcome | Failed) -> None:
        if on_outcome is not None:
            on_outcome(outcome)

    def fail(f: Failed) -> None:
        summary.failed += 1
        summary.errors.append(f)
        store.record_failure(f.origin, f.reason, doc_id=f.doc_id, run_id=summary.run_id)
        note(f)

    def flush() -> None:
        results = store.add_many([(d.doc, d.origin) for d in pending])
        for d, res in zip(pending, results):
            if isinstance(res, Exception):
                fail(Failed(d.origin, f"not stored: {_first_line(res)}", d.doc.doc_id))
                continue
            if res:
                summary.stored += 1
            else:
                summary.skipped += 1
            note(d)
        pending.clear()

    status = "failed"
    try:
        for outcome in outcomes(raws(), engine, workers, batch_size, stages, skip_url, address, quiet):
            while read_failures:
                fail(read_failures.pop(0))
            if isinstance(outcome, Done):
                pending.append(outcome)
                if len(pending) >= batch_size:
                    flush()
            elif isinstance(outcome, Skipped):
                summary.skipped += 1
                note(outcome)
            else:
                fail(outcome)
        flush()
        while read_failures:
            fail(read_failures.pop(0))
        status = "finished"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        store.finish_run(summary.run_id, summary.stored, summary.skipped, summary.failed, status)
    return summary


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
