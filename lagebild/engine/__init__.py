"""engine stage of lagebild."""
