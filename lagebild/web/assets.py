"""Front-end libraries installed from the npm registry (`make install` runs `npm ci`), served
from /static/vendor/NAME. Only the files named here are served; nothing is fetched at page load.

The libraries live in ``node_modules/`` at the repository root (ignored by git); set
``LAGEBILD_VENDOR_DIR`` to serve them from another ``node_modules`` folder.
"""

from __future__ import annotations

import os
from pathlib import Path

# Served name -> path inside node_modules (versions pinned in package-lock.json).
FILES: dict[str, str] = {
    "chart.umd.min.js": "chart.js/dist/chart.umd.min.js",
    "cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
    "d3-array.min.js": "d3-array/dist/d3-array.min.js",
    "d3-geo.min.js": "d3-geo/dist/d3-geo.min.js",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
}


def default_dir() -> Path:
    """$LAGEBILD_VENDOR_DIR, else node_modules beside the package (an editable install)."""
    env = os.environ.get("LAGEBILD_VENDOR_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "node_modules"


class Vendor:
    """The installed front-end files; `path(name)` is None for a file that is not installed."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or default_dir()

    def path(self, name: str) -> Path | None:
        rel = FILES.get(name)
        if rel is None:
            return None
        p = self.root / rel
        return p if p.is_file() else None

    def has(self, *names: str) -> bool:
        return all(self.path(n) is not None for n in names)
