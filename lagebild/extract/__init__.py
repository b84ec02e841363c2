"""extract stage of lagebild."""
