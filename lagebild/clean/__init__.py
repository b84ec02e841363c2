"""clean stage of lagebild."""
