"""The answers the HTTP surface serves, rendered once per distinct question and kept.

The catalog is immutable and the resolver pure, so the bytes for (question, parameters) never
change while a worker runs: a bounded LRU keeps them, and ETags are computed once.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from neutral_timeline.catalog.model import Catalog
from neutral_timeline.catalog.regions import Region
from neutral_timeline.render import json as json_render
from neutral_timeline.resolve import listing
from neutral_timeline.resolve.answer import ElectionSummary, RegionInfo, RuleInfo
from neutral_timeline.resolve.participation import region_info
from neutral_timeline.resolve.situation import election, situation, timeline
from neutral_timeline.text import Lang

CACHE_SIZE = 4096


class Service:
    """Rendered JSON and ICS bytes for one catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.json = lru_cache(maxsize=CACHE_SIZE)(self._json)
        self.ics = lru_cache(maxsize=CACHE_SIZE)(self._ics)

    def _json(self, question: str, lang: Lang, *params: Any) -> bytes:
        catalog = self.catalog
        value: Any
        kind: Any = None
        if question == "elections":
            value, kind = listing.elections(catalog), tuple[ElectionSummary, ...]
        elif question == "timeline":
            value = timeline(catalog, params[0], params[1])
        elif question == "situation":
            value = situation(catalog, params[1], params[0], as_of=params[2], region=self._region(params[3]))
        elif question == "today":
            value = situation(catalog, params[0], None, as_of=params[1], region=self._region(params[2]))
        elif question == "regions":
            value, kind = listing.regions(catalog, params[0], params[1]), tuple[RegionInfo, ...]
        elif question == "region":
            value = region_info(catalog, catalog.regions.find(params[0], "code"))
        elif question == "rules":
            value, kind = listing.rules(catalog, params[0], params[1]), tuple[RuleInfo, ...]
        elif question == "rule":
            value = listing.rule(catalog, params[0])
        else:  # pragma: no cover - routes only ask the questions above
            raise ValueError(question)
        return json_render.render(value, lang, kind, indent=None)

    def _region(self, code: str | None) -> Region | None:
        return self.catalog.regions.get(code) if code else None

    def _ics(
        self,
        election_id: str | None,
        lang: Lang,
        reminders: tuple[int, ...],
        events: bool,
        as_of: date | None,
        base_url: str,
        region: str | None = None,
    ) -> bytes:
        from neutral_timeline.render import ics

        if election_id is not None:
            election(self.catalog, election_id)  # NotFoundError with did-you-mean
        return ics.feed(self.catalog, election_id, lang, reminders, events, as_of, base_url, self._region(region))
