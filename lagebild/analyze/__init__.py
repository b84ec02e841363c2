"""analyze stage of lagebild."""
