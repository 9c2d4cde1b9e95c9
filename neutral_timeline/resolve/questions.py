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

from dataclasses import replace
from datetime import date
from typing import Any, ClassVar

from neutral_timeline.record import Record, record

Params = dict[str, str]

# Days before an event that a feed's reminders fire by default ("7d,1d").
DEFAULT_REMINDERS: tuple[int, ...] = (7, 1)
# Named reminder presets (``reminders=standard|minimal|none``); the explicit form ``7d,1d`` also works.
REMINDER_PRESETS: dict[str, tuple[int, ...]] = {"standard": DEFAULT_REMINDERS, "minimal": (1,), "none": ()}
# Which phases a feed shows: the ones an ASN plans around (default), or every phase of the schedule.
PHASE_CHOICES = ("key", "all")


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _params(**values: str | None) -> Params:
    """Only the parameters that differ from their defaults, in a fixed order."""
    return {key: value for key, value in values.items() if value is not None}


class Question(Record):
    """Base of every question: where it is served (``PATH``) and with which parameters.

    Questions are immutable records, equal by type and value and hashable (they key caches).
    """

    __slots__ = ()
    __abstract_base__ = True  # not a record itself: each question below is
    PATH: ClassVar[str]

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def address(self) -> tuple[str, Params]:
        """The HTTP path and canonical query parameters that ask this question."""
        raise NotImplementedError


@record
class SituationQuestion(Question):
    """What applies on ``day`` (a local calendar day; None: today in the region's time zone),
    for one election or for every election in progress, nationally or for one region."""

    PATH = "/api/v1/today"
    ELECTION_PATH = "/api/v1/elections/{election}/situation"

    day: date | None = None
    election: str | None = None
    region: str | None = None  # a region code or name
    as_of: date | None = None  # the schedule revision known on this day; None: the latest

    def on(self, day: date) -> SituationQuestion:
        return replace(self, day=day)

    def address(self) -> tuple[str, Params]:
        path = self.PATH if self.election is None else self.ELECTION_PATH.format(election=self.election)
        return path, _params(date=_iso(self.day), as_of=_iso(self.as_of), region=self.region)


@record
class CheckQuestion(Question):
    """ "Bolehkah saya ...?": whether the activity named in ``text`` is prohibited on ``day`` (None: today
    in the region's time zone), for one election or every one in progress, nationally or in a region."""

    PATH = "/api/v1/check"

    text: str
    day: date | None = None
    election: str | None = None
    region: str | None = None  # a region code or name

    def on(self, day: date) -> CheckQuestion:
        return replace(self, day=day)

    def address(self) -> tuple[str, Params]:
        return self.PATH, _params(q=self.text, date=_iso(self.day), election=self.election, region=self.region)


@record
class TimelineQuestion(Question):
    """One election's whole schedule (one revision) and every rule window on it."""

    PATH = "/api/v1/elections/{election}/timeline"

    election: str
    as_of: date | None = None
    region: str | None = None  # a region code: add the local schedules it follows (re-votes, re-elections)

    def address(self) -> tuple[str, Params]:
        return self.PATH.format(election=self.election), _params(as_of=_iso(self.as_of), region=self.region)


@record
class ElectionsQuestion(Question):
    """Every election the catalog holds, by voting day."""

    PATH = "/api/v1/elections"

    def address(self) -> tuple[str, Params]:
        return self.PATH, {}


@record
class RulesQuestion(Question):
    """The rules as the data states them, optionally for one election and one activity tag."""

    PATH = "/api/v1/rules"

    election: str | None = None
    tag: str | None = None

    def address(self) -> tuple[str, Params]:
        return self.PATH, _params(election=self.election, tag=self.tag)


@record
class RuleQuestion(Question):
    """One rule with every legal basis over time."""

    PATH = "/api/v1/rules/{rule}"

    rule: str

    def address(self) -> tuple[str, Params]:
        return self.PATH.format(rule=self.rule), {}


@record
class ActivitiesQuestion(Question):
    """The activity check's vocabulary: the activity areas and the everyday activities, with their words."""

    PATH = "/api/v1/activities"

    def address(self) -> tuple[str, Params]:
        return self.PATH, {}


@record
class RegionsQuestion(Question):
    """Provinces, regencies and cities matching a name or code, best first."""

    PATH = "/api/v1/regions"

    query: str
    limit: int = 10

    def address(self) -> tuple[str, Params]:
        return self.PATH, _params(q=self.query, limit=None if self.limit == 10 else str(self.limit))


@record
class RegionQuestion(Question):
    """One region by its code: its province and time zone."""

    PATH = "/api/v1/regions/{code}"

    code: str

    def address(self) -> tuple[str, Params]:
        return self.PATH.format(code=self.code), {}


@record
class FeedQuestion(Question):
    """The calendar feed of one election (``None``: every election), nationally or for one region.

    ``reminders`` are days before each event (distinct, largest first); ``reminder_events``
    puts them in separate reminder events instead of alarms, for calendars that ignore VALARM
    in subscriptions. ``phases="all"`` adds the administrative phases to the key ones.
    """

    PATH = "/ics/{name}.ics"

    election: str | None = None
    region: str | None = None
    as_of: date | None = None
    reminders: tuple[int, ...] = DEFAULT_REMINDERS
    reminder_events: bool = False
    phases: str = "key"

    @property
    def name(self) -> str:
        return self.election or "all"

    def address(self) -> tuple[str, Params]:
        named = {days: name for name, days in REMINDER_PRESETS.items()}
        reminders = None if self.reminders == DEFAULT_REMINDERS else named.get(self.reminders)
        reminders = reminders or (
            None if self.reminders == DEFAULT_REMINDERS else ",".join(f"{n}d" for n in self.reminders)
        )
        return self.PATH.format(name=self.name), _params(
            region=self.region,
            reminders=reminders,
            reminder_events="true" if self.reminder_events else None,
            phases=None if self.phases == "key" else self.phases,
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
