"""eval stage of lagebild."""
