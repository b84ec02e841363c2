"""Engines decide only *where* the pipeline runs: inline, in a local process pool, or on Ray actors.

All of them run the same `DocWorker` (one `Processor` per worker, built once) and hand back
`Outcome` values; `lagebild.engine.runner.run` feeds them inputs and writes the outcomes to the
store in batches, from one process, so every engine has the same exactly-once behaviour.
"""

from lagebild.engine.base import DocWorker, Done, Failed, Outcome, Skipped

__all__ = ["DocWorker", "Done", "Failed", "Outcome", "Skipped"]
