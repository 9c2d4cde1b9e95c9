"""Pure resolution: time scopes to windows, what applies on a date, timelines."""
