"""HTTP layer: a thin FastAPI app over the store (reads only go through lagebild.store)."""

from lagebild.api.app import create_app

__all__ = ["create_app"]
