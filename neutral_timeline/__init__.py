"""neutral-timeline: which election-neutrality rules bind Indonesian civil servants on a date."""

from __future__ import annotations

__version__ = "0.1.0"
