"""ingest stage of lagebild."""
