"""The one path from a question to its answer: ``answer(catalog, question)``. Pure: no clock, no I/O.

Every surface (CLI, HTTP routes, pages, the static export) asks through here; a new question
is a new ``Question`` type in ``questions.py`` and one line in ``_HANDLERS``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from neutral_timeline.catalog.model import Catalog
from neutral_timeline.resolve import listing
from neutral_timeline.resolve.answer import (
    ElectionListItem,
    RegionDetail,
    RegionInfo,
    RuleInfo,
    Situation,
    Timeline,
    Vocabulary,
)
from neutral_timeline.resolve.check import CheckAnswer, check
from neutral_timeline.resolve.feed import Feed, feed
from neutral_timeline.resolve.participation import region_detail
from neutral_timeline.resolve.questions import (
    ActivitiesQuestion,
    CheckQuestion,
    ElectionsQuestion,
    FeedQuestion,
    Question,
    RegionQuestion,
    RegionsQuestion,
    RuleQuestion,
    RulesQuestion,
    SituationQuestion,
    TimelineQuestion,
)
from neutral_timeline.resolve.situation import situation, timeline


def _situation(catalog: Catalog, q: SituationQuestion) -> Situation:
    if q.day is None:
        raise ValueError("the resolver never reads the clock: the surface gives 'today' as a date (question.on(day))")
    region = catalog.regions.find(q.region, "region") if q.region else None
    return situation(catalog, q.day, q.election, as_of=q.as_of, region=region)


def _check(catalog: Catalog, q: CheckQuestion) -> CheckAnswer:
    if q.day is None:
        raise ValueError("the resolver never reads the clock: the surface gives 'today' as a date (question.on(day))")
    region = catalog.regions.find(q.region, "region").code if q.region else None
    return check(catalog, q.text, q.day, q.election, region)


_HANDLERS: dict[type[Question], Callable[[Catalog, Any], Any]] = {
    SituationQuestion: _situation,
    TimelineQuestion: lambda catalog, q: timeline(
        catalog, q.election, q.as_of, catalog.regions.find(q.region, "region") if q.region else None
    ),
    ElectionsQuestion: lambda catalog, q: listing.elections(catalog),
    RulesQuestion: lambda catalog, q: listing.rules(catalog, q.election, q.tag),
    RuleQuestion: lambda catalog, q: listing.rule(catalog, q.rule),
    RegionsQuestion: lambda catalog, q: listing.regions(catalog, q.query, q.limit),
    RegionQuestion: lambda catalog, q: region_detail(catalog, catalog.regions.find(q.code, "code")),
    FeedQuestion: feed,
    CheckQuestion: _check,
    ActivitiesQuestion: lambda catalog, q: listing.vocabulary(catalog),
}

# What each question's answer is, for JSON serialisation, its schema and the HTTP client.
ANSWER_TYPES: dict[type[Question], Any] = {
    SituationQuestion: Situation,
    TimelineQuestion: Timeline,
    ElectionsQuestion: tuple[ElectionListItem, ...],
    RulesQuestion: tuple[RuleInfo, ...],
    RuleQuestion: RuleInfo,
    RegionsQuestion: tuple[RegionInfo, ...],
    RegionQuestion: RegionDetail,
    FeedQuestion: Feed,
    CheckQuestion: CheckAnswer,
    ActivitiesQuestion: Vocabulary,
}


def answer(catalog: Catalog, question: Question) -> Any:
    """The answer to ``question`` (its type is ``ANSWER_TYPES[type(question)]``).

    Raises NotFoundError (unknown election, rule, region), QueryError (a malformed or
    ambiguous parameter, an ``as_of`` before the first schedule), and ValueError for a
    SituationQuestion without a day (a surface must decide what "today" is).
    """
    return _HANDLERS[type(question)](catalog, question)
