"""models stage of lagebild."""
