"""Shared test helpers: where the shared data lives, and running the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# Keep the suite's KB caches out of the user's home (subprocesses inherit the variable).
os.environ.setdefault("LAGEBILD_CACHE", tempfile.mkdtemp(prefix="lagebild-test-cache-"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "samples" / "seed-brics.txt"


def need_shared() -> None:
    if not SHARED.exists():
        pytest.skip(f"shared data not found at {SHARED}")


@pytest.fixture
def cli(tmp_path):
    """Run `python -m lagebild ARGS` in tmp_path with its own database; returns CompletedProcess."""

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        full_env = {**os.environ, "LAGEBILD_DB": f"sqlite:///{tmp_path / 'test.db'}", "COLUMNS": "200", **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "lagebild", *args], cwd=tmp_path, input=input, capture_output=True,
            text=True, env=full_env, timeout=300,
        )

    return run
