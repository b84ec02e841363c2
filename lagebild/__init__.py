"""lagebild: news articles in German and English turned into an auditable event dataset."""

__version__ = "0.1.0"
SCHEMA = "lagebild/1"
