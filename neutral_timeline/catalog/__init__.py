"""Data files -> validated, immutable Catalog. The only code that reads calendars/."""
