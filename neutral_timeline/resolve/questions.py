"""The questions the resolver answers: typed, frozen values, each with the one address it is served at.

A surface builds a question from what the user typed and hands it to one path:
``resolve.answering.answer(catalog, question)`` locally, or ``Client.answer(question, lang)``
against a server, which derives its URL from ``question.address()``. The HTTP routes are
declared with the same ``PATH`` constants, so a route and its client can never drift apart.

A question is also the canonical cache key of its answer: two requests that mean the same
thing (parameters in another order, a region by name or by code, default values spelled out)
build equal questions. Regions are held as Kemendagri codes once a surface has looked them up;
``day=None`` means "today", which only a surface (never the resolver) turns into a date.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, ClassVar

Params = dict[str, str]

# Days before an event that a feed's reminders fire by default ("7d,1d").
DEFAULT_REMINDERS: tuple[int, ...] = (7, 1)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _params(**values: str | None) -> Params:
    """Only the parameters that differ from their defaults, in a fixed order."""
    return {key: value for key, value in values.items() if value is not None}


@dataclass(frozen=True, slots=True)
class Question:
    """Base of every question: where it is served (``PATH``) and with which parameters."""

    PATH: ClassVar[str]

    def address(self) -> tuple[str, Params]:
        """The HTTP path and canonical query parameters that ask this question."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class SituationQuestion(Question):
    """What applies on ``day`` (a local calendar day; None: today in the region's time zone),
    for one election or for every election in progress, nationally or for one region."""

    PATH: ClassVar[str] = "/api/v1/today"
    ELECTION_PATH: ClassVar[str] = "/api/v1/elections/{election}/situation"

    day: date | None = None
    election: str | None = None
    region: str | None = None  # a region code or name
    as_of: date | None = None  # the schedule revision known on this day; None: the latest

    def on(self, day: date) -> SituationQuestion:
        return replace(self, day=day)

    def address(self) -> tuple[str, Params]:
        path = self.PATH if self.election is None else self.ELECTION_PATH.format(election=self.election)
        return path, _params(date=_iso(self.day), as_of=_iso(self.as_of), region=self.region)


@dataclass(frozen=True, slots=True)
class CheckQuestion(Question):
    """ "Bolehkah saya ...?": whether the activity named in ``text`` is prohibited on ``day`` (None: today
    in the region's time zone), for one election or every one in progress, nationally or in a region."""

    PATH: ClassVar[str] = "/api/v1/check"

    text: str
    day: date | None = None
    election: str | None = None
    region: str | None = None  # a region code or name

    def on(self, day: date) -> CheckQuestion:
        return replace(self, day=day)

    def address(self) -> tuple[str, Params]:
        return self.PATH, _params(q=self.text, date=_iso(self.day), election=self.election, region=self.region)


@dataclass(frozen=True, slots=True)
class TimelineQuestion(Question):
    """One election's whole schedule (one revision) and every rule window on it."""

    PATH: ClassVar[str] = "/api/v1/elections/{election}/timeline"

    election: str
    as_of: date | None = None

    def address(self) -> tuple[str, Params]:
        return self.PATH.format(election=self.election), _params(as_of=_iso(self.as_of))


@dataclass(frozen=True, slots=True)
class ElectionsQuestion(Question):
    """Every election the catalog holds, by voting day."""

    PATH: ClassVar[str] = "/api/v1/elections"

    def address(self) -> tuple[str, Params]:
        return self.PATH, {}


@dataclass(frozen=True, slots=True)
class RulesQuestion(Question):
    """The rules as the data states them, optionally for one election and one activity tag."""

    PATH: ClassVar[str] = "/api/v1/rules"

    election: str | None = None
    tag: str | None = None

    def address(self) -> tuple[str, Params]:
        return self.PATH, _params(election=self.election, tag=self.tag)


@dataclass(frozen=True, slots=True)
class RuleQuestion(Question):
    """One rule with every legal basis over time."""

    PATH: ClassVar[str] = "/api/v1/rules/{rule}"

    rule: str

    def address(self) -> tuple[str, Params]:
        return self.PATH.format(rule=self.rule), {}


@dataclass(frozen=True, slots=True)
class RegionsQuestion(Question):
    """Provinces, regencies and cities matching a name or code, best first."""

    PATH: ClassVar[str] = "/api/v1/regions"

    query: str
    limit: int = 10

    def address(self) -> tuple[str, Params]:
        return self.PATH, _params(q=self.query, limit=None if self.limit == 10 else str(self.limit))


@dataclass(frozen=True, slots=True)
class RegionQuestion(Question):
    """One region by its code: its province and time zone."""

    PATH: ClassVar[str] = "/api/v1/regions/{code}"

    code: str

    def address(self) -> tuple[str, Params]:
        return self.PATH.format(code=self.code), {}


@dataclass(frozen=True, slots=True)
class FeedQuestion(Question):
    """The calendar feed of one election (``None``: every election), nationally or for one region.

    ``reminders`` are days before each event (distinct, largest first); ``reminder_events``
    adds separate reminder events for calendars that ignore VALARM in subscriptions.
    """

    PATH: ClassVar[str] = "/ics/{name}.ics"

    election: str | None = None
    region: str | None = None
    as_of: date | None = None
    reminders: tuple[int, ...] = DEFAULT_REMINDERS
    reminder_events: bool = False

    @property
    def name(self) -> str:
        return self.election or "all"

    def address(self) -> tuple[str, Params]:
        reminders = None if self.reminders == DEFAULT_REMINDERS else ",".join(f"{n}d" for n in self.reminders)
        return self.PATH.format(name=self.name), _params(
            region=self.region,
            reminders=reminders,
            reminder_events="true" if self.reminder_events else None,
            as_of=_iso(self.as_of),
        )


def address(question: Question, **extra: Any) -> str:
    """``question``'s path and query as one string, with ``extra`` parameters (e.g. ``lang``)
    appended when they are not None and not the default language."""
    from urllib.parse import urlencode

    path, own = question.address()
    given = {k: str(v) for k, v in extra.items() if v is not None and not (k == "lang" and v == "id")}
    params = {**given, **own}
    query = urlencode(params, safe=",")
    return path + (f"?{query}" if query else "")
