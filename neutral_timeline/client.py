"""A small typed httpx client for the JSON API: the same answers as the local resolver."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

import httpx
from pydantic import TypeAdapter

from neutral_timeline.errors import NeutralTimelineError, NotFoundError, Problem, QueryError
from neutral_timeline.resolve.answer import ElectionSummary, RegionInfo, RuleInfo, Situation, Timeline
from neutral_timeline.text import DEFAULT_LANG, Lang

T = TypeVar("T")


class RemoteError(NeutralTimelineError):
    """The server could not be reached, or answered something that is not our API."""

    code = "remote_error"


class Client:
    """``Client("https://netral.example.go.id").situation("pilkada-2024", date(2024, 11, 27))``."""

    def __init__(self, base_url: str, *, timeout: float = 10.0, transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.http = httpx.Client(base_url=self.base_url, timeout=timeout, transport=transport)

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.http.close()

    def _get(self, path: str, params: dict[str, Any]) -> httpx.Response:
        clean = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in params.items() if v is not None}
        try:
            response = self.http.get(path, params=clean)
        except httpx.HTTPError as exc:
            raise RemoteError(
                [
                    Problem(
                        where=self.base_url + path, what=f"cannot reach the server: {exc}", suggestion="check --server"
                    )
                ]
            ) from None
        if response.is_success:
            return response
        try:
            error = response.json()["error"]
            problems = [Problem(**p) for p in error["problems"]]
        except (ValueError, KeyError, TypeError):
            problems = [
                Problem(where=self.base_url + path, what=f"HTTP {response.status_code}: not a neutral-timeline answer")
            ]
            raise RemoteError(problems) from None
        kind = {404: NotFoundError, 422: QueryError}.get(response.status_code, RemoteError)
        raise kind(problems)

    def _typed(self, kind: type[T] | Any, path: str, **params: Any) -> Any:
        return TypeAdapter(kind).validate_json(self._get(path, params).content)

    def elections(self, lang: Lang = DEFAULT_LANG) -> tuple[ElectionSummary, ...]:
        result: tuple[ElectionSummary, ...] = self._typed(tuple[ElectionSummary, ...], "/api/v1/elections", lang=lang)
        return result

    def today(
        self, day: date | None = None, as_of: date | None = None, lang: Lang = DEFAULT_LANG, region: str | None = None
    ) -> Situation:
        result: Situation = self._typed(Situation, "/api/v1/today", date=day, as_of=as_of, lang=lang, region=region)
        return result

    def situation(
        self,
        election: str,
        day: date | None = None,
        as_of: date | None = None,
        lang: Lang = DEFAULT_LANG,
        region: str | None = None,
    ) -> Situation:
        path = f"/api/v1/elections/{election}/situation"
        result: Situation = self._typed(Situation, path, date=day, as_of=as_of, lang=lang, region=region)
        return result

    def regions(self, query: str, limit: int = 10) -> tuple[RegionInfo, ...]:
        result: tuple[RegionInfo, ...] = self._typed(tuple[RegionInfo, ...], "/api/v1/regions", q=query, limit=limit)
        return result

    def timeline(self, election: str, as_of: date | None = None, lang: Lang = DEFAULT_LANG) -> Timeline:
        result: Timeline = self._typed(Timeline, f"/api/v1/elections/{election}/timeline", as_of=as_of, lang=lang)
        return result

    def rules(
        self, election: str | None = None, tag: str | None = None, lang: Lang = DEFAULT_LANG
    ) -> tuple[RuleInfo, ...]:
        path = "/api/v1/rules"
        result: tuple[RuleInfo, ...] = self._typed(tuple[RuleInfo, ...], path, election=election, tag=tag, lang=lang)
        return result

    def rule(self, rule_id: str, lang: Lang = DEFAULT_LANG) -> RuleInfo:
        result: RuleInfo = self._typed(RuleInfo, f"/api/v1/rules/{rule_id}", lang=lang)
        return result

    def feed(
        self,
        name: str = "all",
        lang: Lang = DEFAULT_LANG,
        reminders: str = "7d,1d",
        reminder_events: bool = False,
        as_of: date | None = None,
        region: str | None = None,
    ) -> bytes:
        """The ICS feed of one election (or ``all``), as the server serves it."""
        params = {
            "lang": lang,
            "reminders": reminders,
            "reminder_events": str(reminder_events).lower(),
            "as_of": as_of,
            "region": region,
        }
        return self._get(f"/ics/{name}.ics", params).content
