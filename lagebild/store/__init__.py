"""store stage of lagebild."""
