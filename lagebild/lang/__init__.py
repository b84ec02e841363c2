"""Per-language knowledge as data: one folder per language, the same file names in each.

Code never hard-codes words of a language; it asks this loader for a named resource
(``load("de", "boilerplate")``). Adding a language means adding a folder.
"""

from __future__ import annotations

import csv
import functools
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

_ROOT = Path(str(resources.files("lagebild.lang")))
# libyaml's loader, where PyYAML was built with it, reads the lexicons several times faster; every
# worker process loads them at start-up.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def languages() -> list[str]:
    """ISO 639-1 codes of the languages that have a data folder."""
    return sorted(p.name for p in _ROOT.iterdir() if p.is_dir() and (p / "lang.yaml").exists())


def path(lang: str, name: str) -> Path:
    """Path of resource `name` (with its extension) for `lang`."""
    return _ROOT / lang / name


@functools.cache
def load(lang: str, name: str) -> Any:
    """Load resource `name` of `lang`: `name.yaml` as YAML, else `name.tsv` as a list of dicts.

    Raises FileNotFoundError naming the language and resource when neither exists.
    """
    if lang not in languages():
        raise FileNotFoundError(f"no language data for {lang!r} (have: {', '.join(languages())})")
    y = _ROOT / lang / f"{name}.yaml"
    if y.exists():
        with y.open(encoding="utf-8") as f:
            return yaml.load(f, Loader=_Loader) or {}
    t = _ROOT / lang / f"{name}.tsv"
    if t.exists():
        with t.open(encoding="utf-8", newline="") as f:
            rows = (line for line in f if line.strip() and not line.startswith("#"))
            return list(csv.DictReader(rows, delimiter="\t"))
    raise FileNotFoundError(f"language {lang!r} has no resource {name!r} ({y.name} or {t.name})")
