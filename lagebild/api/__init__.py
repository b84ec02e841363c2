"""api stage of lagebild."""
