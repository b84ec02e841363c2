"""The Ray engine: Ray Data over raw documents, with a pool of actors that each build one worker.

Inputs are read on the driver and go to Ray in windows of a few thousand documents
(`ray.data.from_items` + `map_batches` with a callable class on an actor pool), so a long input
stream never sits in the driver's memory at once. Results come back to the driver, which writes
them to the store (see `lagebild.engine.runner`), so the cluster needs no database access.

Needs the optional extra: ``pip install 'lagebild[ray]'``. With an address the run joins that
cluster (every node must have lagebild installed); without one it starts a local cluster.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from itertools import islice
from typing import Any

from lagebild.doc import Document
from lagebild.engine.base import Done, DocWorker, Failed, Outcome, Skipped
from lagebild.ingest.base import RawDoc

# Raw documents per Ray dataset. Each window starts a fresh actor pool (and so builds the
# pipelines again), so windows are large; they bound the driver's memory, not the parallelism.
WINDOW = 5000


class RayDocWorker:
    """The callable class of `map_batches`: one DocWorker per actor, built once in __init__."""

    def __init__(self, stages: list[str] | None = None, skip_url: str | None = None) -> None:
        self.worker = DocWorker(stages=stages, skip_url=skip_url)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {"kind": [], "origin": [], "doc_id": [], "reason": [], "doc": []}
        for item in batch["raw"]:
            outcome = self.worker(RawDoc(**json.loads(item)))
            out["origin"].append(outcome.origin)
            if isinstance(outcome, Done):
                out["kind"].append("done")
                out["doc_id"].append(outcome.doc.doc_id)
                out["reason"].append("")
                # JSON text, not objects: Arrow blocks hold strings cheaply, and Document parses
                # back exactly from its own serialisation.
                out["doc"].append(outcome.doc.dumps())
            elif isinstance(outcome, Skipped):
                out["kind"].append("skipped")
                out["doc_id"].append(outcome.doc_id)
                out["reason"].append("")
                out["doc"].append("")
            else:
                out["kind"].append("failed")
                out["doc_id"].append(outcome.doc_id or "")
                out["reason"].append(outcome.reason)
                out["doc"].append("")
        return out


def _outcome(row: dict[str, Any]) -> Outcome:
    kind = row["kind"]
    if kind == "done":
        return Done(row["origin"], Document.model_validate_json(row["doc"]))
    if kind == "skipped":
        return Skipped(row["origin"], row["doc_id"])
    return Failed(row["origin"], row["reason"], row["doc_id"] or None)


def init(address: str | None = None, num_cpus: int | None = None, quiet: bool = True) -> None:
    """Connect to the cluster at `address`, or start a local one (no dashboard), unless connected."""
    import os

    import ray

    # lagebild works offline; Ray would otherwise report usage statistics over the network.
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": not quiet, "logging_level": logging.WARNING}
        if address:
            ray.init(address=address, **kwargs)
        else:
            ray.init(num_cpus=num_cpus, **kwargs)
    # Ray Data logs every execution plan at INFO; the CLI has its own progress bar.
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.WARNING)


def run_ray(
    raws: Iterable[RawDoc],
    workers: int,
    batch_size: int = 16,
    stages: list[str] | None = None,
    skip_url: str | None = None,
    address: str | None = None,
    quiet: bool = True,
) -> Iterator[Outcome]:
    """Process documents on `workers` Ray actors; outcomes in window order.

    The caller owns the cluster connection: `init()` is called here when needed, and
    `ray.shutdown()` is left to whoever started it (the CLI does, tests do).
    """
    import ray
    import ray.data

    init(address, num_cpus=None if address else max(workers, 1), quiet=quiet)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    it = iter(raws)
    while True:
        window = [json.dumps(asdict(r), ensure_ascii=False) for r in islice(it, WINDOW)]
        if not window:
            return
        ds = ray.data.from_items([{"raw": r} for r in window], override_num_blocks=max(1, min(len(window) // batch_size, workers * 4)))
        # ActorPoolStrategy(size=N) is what `concurrency=N` meant; Ray 2.51+ warns on the latter.
        out = ds.map_batches(
            RayDocWorker,
            fn_constructor_kwargs={"stages": stages, "skip_url": skip_url},
            compute=ray.data.ActorPoolStrategy(size=workers),
            batch_size=batch_size,
            batch_format="default",
        )
        for row in out.iter_rows():
            yield _outcome(row)
