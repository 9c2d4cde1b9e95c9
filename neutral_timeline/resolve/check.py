"""The activity check, "Bolehkah saya ...?": which rules in force on a date prohibit an activity. Pure.

The answer is ``prohibited`` (each rule in force that prohibits it, with its window, basis,
sanction and sources), ``depends`` (rules in force prohibit the activity when it concerns a
candidate, party or campaign, but the words name none, or they negate the activity: "tidak like"; the
rules that would apply are listed), or ``not_recorded`` (no specific prohibition recorded for that
date), always with the neutrality principle and the coverage; never "allowed". Whether an activity
is political by itself or needs a political object named is data (activities.toml ``political``).
Text the matcher cannot place is ``not_understood``, with the closest activities to choose from.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Literal

from neutral_timeline.catalog.model import Activity, Catalog
from neutral_timeline.errors import Problem, QueryError
from neutral_timeline.i18n import N_, say, short_date, text
from neutral_timeline.record import Record, record
from neutral_timeline.resolve.answer import Citation, Coverage, ReportingInfo, RuleInForce, Situation
from neutral_timeline.resolve.index import cite_source
from neutral_timeline.resolve.matching import match, read
from neutral_timeline.text import Lang, Text

Verdict = Literal["prohibited", "depends", "not_recorded", "not_understood"]

PROHIBITED = N_("Prohibited on this date: the rules below are in force and prohibit it.")
DEPENDS = N_(
    "It depends on what it concerns: your words name no candidate, party or campaign. If it concerns one, it is "
    "prohibited on this date: “{example}” is prohibited by the rules below{since}. About anything else (news, "
    "friends, a public holiday) these rules do not prohibit it; that does not mean anything goes: the ASN "
    "neutrality principle always applies."
)
SINCE = N_(" (in force since {date})")
NEGATED = N_(
    "Your words say “{word}”: read as a question about the activity itself. Not doing it is never prohibited. "
    "Doing it is prohibited on this date when it concerns a candidate, party or campaign: the rules below are in "
    "force."
)
NEGATED_INHERENT = N_(
    "Your words say “{word}”: read as a question about the activity itself. Not doing it is never prohibited. "
    "Doing it is prohibited on this date: the rules below are in force."
)
NOT_RECORDED = N_(
    "No specific prohibition of this activity is recorded for this date. That does not mean it is allowed: "
    "the ASN neutrality principle always applies."
)
NOT_UNDERSTOOD = N_("This activity was not recognised. Choose the closest one below, or say it in other words.")
OUTSIDE = N_(
    "This date is outside the elections this tool holds: only the rules that apply at all times were checked, and "
    "none of them prohibits this activity specifically. That does not mean it is allowed: the ASN neutrality "
    "principle always applies."
)


@record
class ActivityInfo(Record):
    """An activity of the vocabulary, its area, (when recognised) the words that named it, and what the
    rules held here do not say about it (voting is a right; whom to ask), with its source."""

    id: str
    name: Text
    area: str
    area_name: Text
    matched: str | None = None
    note: Text | None = None
    source: Citation | None = None
    # "inherent": political by itself; "object": prohibited only when the words name a candidate, party
    # or campaign; None when no rule prohibits it
    political: Literal["inherent", "object"] | None = None


@record
class CheckAnswer(Record):
    """ "May I do this on this date?": the verdict and its grounds.

    ``verdict``: ``prohibited`` (``rules`` in force prohibit it), ``depends`` (``rules`` in force prohibit it
    when it concerns a candidate, party or campaign, and the words name none of them, or negate the
    activity: ``negation``), ``not_recorded`` (no specific prohibition recorded on this date; never
    "allowed") or ``not_understood`` (``closest`` to choose from). ``named``: the words that name a
    candidate, party or campaign."""

    query: str
    date: dt.date
    zone: str
    verdict: Verdict
    message: Text
    activity: ActivityInfo | None  # what the text was understood as; None when not understood
    rules: tuple[RuleInForce, ...]  # the rules in force on the date that prohibit it
    principle: tuple[RuleInForce, ...]  # the neutrality principle: always, whatever the verdict
    elections: tuple[str, ...]  # the elections in progress (or asked about) on the date
    covered: bool
    coverage: Coverage
    reporting: tuple[ReportingInfo, ...] = ()
    others: tuple[ActivityInfo, ...] = ()  # other activities the text also named
    closest: tuple[ActivityInfo, ...] = ()  # when not understood: the closest activities
    data_version: str = ""
    named: tuple[str, ...] = ()  # the words that name a candidate, party or campaign
    negation: str | None = None  # the word read as negating the activity ("tidak"): never "prohibited"


def activity_info(catalog: Catalog, activity: Activity, matched: str | None = None) -> ActivityInfo:
    area = catalog.areas.get(activity.area)
    name = area.name if area else Text(activity.area, activity.area)
    source = cite_source(catalog, activity.source) if activity.source else None
    return ActivityInfo(
        activity.id, activity.name, activity.area, name, matched, activity.note, source, activity.political
    )


@lru_cache(maxsize=256)
def _day(catalog: Catalog, day: dt.date, election: str | None, region: str | None, as_of: dt.date | None) -> Situation:
    """The situation on ``day`` (cached: every check on one day and place shares it)."""
    from neutral_timeline.resolve.situation import situation

    place = catalog.regions.find(region, "region") if region else None
    return situation(catalog, day, election, as_of=as_of, region=place)


def principles(catalog: Catalog) -> frozenset[str]:
    """The obligations that apply at all times: shown with every answer."""
    return frozenset(r.id for r in catalog.rules.values() if r.always and r.kind == "obligation")


MAX_QUERY = 100  # characters of a check question (the route's maxLength)


def check(
    catalog: Catalog,
    query: str,
    day: dt.date,
    election: str | None = None,
    region: str | None = None,
    as_of: dt.date | None = None,
) -> CheckAnswer:
    """Whether an activity named in ``query`` is prohibited on ``day`` (for ``election`` or every one
    in progress, nationally or in ``region``).

    Raises QueryError (``q``) when ``query`` has no words or more than 100 characters: the limits the
    HTTP route enforces, so that every surface refuses the same questions.
    """
    if not query.strip() or len(query) > MAX_QUERY:
        expected = N_("an activity in everyday words, 1 to 100 characters, e.g. nge-like postingan calon")
        raise QueryError([Problem.say("q", N_("'{value}' is not accepted"), expected, value=query[:MAX_QUERY])])
    found = match(catalog, query)
    now = _day(catalog, day, election, region, as_of)
    always = principles(catalog)
    verdict: Verdict = "not_understood"
    message, activity = text(NOT_UNDERSTOOD), None
    rules: tuple[RuleInForce, ...] = ()
    others: tuple[ActivityInfo, ...] = ()
    closest = tuple(activity_info(catalog, catalog.activities[a]) for a in found.closest)
    named: tuple[str, ...] = ()
    negation: str | None = None
    if found.activity is not None:
        chosen = catalog.activities[found.activity]
        in_force = {r.id: r for r in now.rules}
        rules = tuple(in_force[r] for r in chosen.rules if r not in always and r in in_force)
        reading = read(catalog, query, found)
        named, negation = reading.political, reading.negation
        verdict = "not_recorded"
        message = text(NOT_RECORDED) if now.covered else text(OUTSIDE)
        if rules and negation is not None:
            verdict = "depends"
            message = text(NEGATED_INHERENT if chosen.political == "inherent" else NEGATED, word=negation)
        elif rules and (chosen.political == "inherent" or named):
            verdict, message = "prohibited", text(PROHIBITED)
        elif rules:
            verdict, message = "depends", _depends(chosen, rules)
        activity = activity_info(catalog, chosen, found.phrase)
        others = tuple(activity_info(catalog, catalog.activities[a]) for a in found.others)
    return CheckAnswer(
        query=query,
        date=day,
        zone=now.zone,
        verdict=verdict,
        message=message,
        activity=activity,
        rules=rules,
        principle=tuple(r for r in now.rules if r.id in always),
        elections=tuple(e.id for e in now.elections),
        covered=now.covered,
        coverage=now.coverage,
        reporting=now.reporting,
        others=others,
        closest=closest,
        data_version=now.data_version,
        named=named,
        negation=negation,
    )


def _depends(activity: Activity, rules: tuple[RuleInForce, ...]) -> Text:
    """ "It depends": the activity's own name as the example, and since when the rules are in force."""
    starts = [r.window.start for r in rules if r.window.start is not None]

    def say_in(lang: Lang) -> str:
        since = say(SINCE, lang, date=short_date(min(starts), lang)) if starts else ""
        return say(DEPENDS, lang, example=activity.name.get(lang), since=since)

    return Text(say_in("id"), say_in("en"))
