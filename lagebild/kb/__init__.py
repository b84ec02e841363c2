"""kb stage of lagebild."""
