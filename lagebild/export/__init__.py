"""export stage of lagebild."""
