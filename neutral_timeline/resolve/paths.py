"""Path-style addresses: every answer that does not depend on today at a plain path, no query string.

A static host or CDN serves files, not query strings, so each question the static export
(``neutral-timeline export``) writes has a second address made of path segments only, which
the app answers too, with the very bytes of the query-style address of the same question:

======================================================  =============================================
``/ics/{lang}/{area}/{preset}/{name}.ics``              ``FeedQuestion`` (name: an election or ``all``)
``/api/v1/{lang}/elections.json``                       ``ElectionsQuestion``
``/api/v1/{lang}/elections/{election}/timeline.json``   ``TimelineQuestion`` (national)
``/api/v1/{lang}/elections/{election}/timeline/{region}.json``  ``TimelineQuestion`` for a region
``/api/v1/{lang}/elections/{election}/rules.json``      ``RulesQuestion`` for one election
``/api/v1/{lang}/rules.json``                           ``RulesQuestion``
``/api/v1/{lang}/rules/{rule}.json``                    ``RuleQuestion``
``/api/v1/{lang}/activities.json``                      ``ActivitiesQuestion``
``/api/v1/regions/{code}.json``                         ``RegionQuestion`` (no language: names only)
``/elections/{election}/{lang}/timeline.svg``           a ``TimelineQuestion`` as SVG, no today marker
``/elections/{election}/{lang}/timeline/{region}.svg``  the same with a region's local schedules
======================================================  =============================================

The language is always in the path (``id`` or ``en``); an area is ``nasional`` or a Kemendagri
code (``63.03``, never a name: one address per answer); a feed's reminder preset is one of
``FEED_PRESETS``. What has no path form stays query-only on the app: ``as_of``, ``phases=all``,
reminder days other than a preset, rules by tag, region search, and every "today" answer.
``path(question, lang)`` gives the path form; the routes (``api/routes.py``) parse it back into
the same question objects, so both addresses share one cache entry and one ETag.
"""

from __future__ import annotations

from neutral_timeline.resolve.questions import (
    REMINDER_PRESETS,
    ActivitiesQuestion,
    ElectionsQuestion,
    FeedQuestion,
    Question,
    RegionQuestion,
    RuleQuestion,
    RulesQuestion,
    TimelineQuestion,
)

NATIONAL = "nasional"  # the area of a national answer

# A feed's reminders in one path segment: (days before each event, as separate events?).
# ``-events`` is the variant Google Calendar subscribes to (it ignores VALARM in feeds).
FEED_PRESETS: dict[str, tuple[tuple[int, ...], bool]] = {
    "standard": (REMINDER_PRESETS["standard"], False),
    "minimal": (REMINDER_PRESETS["minimal"], False),
    "none": (REMINDER_PRESETS["none"], False),
    "standard-events": (REMINDER_PRESETS["standard"], True),
    "minimal-events": (REMINDER_PRESETS["minimal"], True),
}

FEED = "/ics/{lang}/{area}/{preset}/{name}.ics"
ELECTIONS = "/api/v1/{lang}/elections.json"
TIMELINE = "/api/v1/{lang}/elections/{election}/timeline.json"
REGIONAL_TIMELINE = "/api/v1/{lang}/elections/{election}/timeline/{region}.json"
ELECTION_RULES = "/api/v1/{lang}/elections/{election}/rules.json"
RULES = "/api/v1/{lang}/rules.json"
RULE = "/api/v1/{lang}/rules/{rule}.json"
ACTIVITIES = "/api/v1/{lang}/activities.json"
REGION = "/api/v1/regions/{code}.json"
SVG = "/elections/{election_id}/{lang}/timeline.svg"
REGIONAL_SVG = "/elections/{election_id}/{lang}/timeline/{region}.svg"


def preset_of(question: FeedQuestion) -> str | None:
    """The name of ``question``'s reminder preset, or None when its reminders have no path form."""
    for name, (days, events) in FEED_PRESETS.items():
        if question.reminders == days and question.reminder_events == events:
            return name
    return None


def area_of(region: str | None) -> str:
    return NATIONAL if region is None else region


def path(question: Question, lang: str) -> str | None:
    """The path-style address of ``question`` in ``lang``, or None when it has none (see above)."""
    match question:
        case FeedQuestion():
            preset = preset_of(question)
            if preset is None or question.as_of is not None or question.phases != "key":
                return None
            return FEED.format(lang=lang, area=area_of(question.region), preset=preset, name=question.name)
        case ElectionsQuestion():
            return ELECTIONS.format(lang=lang)
        case TimelineQuestion() if question.as_of is None:
            if question.region is None:
                return TIMELINE.format(lang=lang, election=question.election)
            return REGIONAL_TIMELINE.format(lang=lang, election=question.election, region=question.region)
        case RulesQuestion() if question.tag is None:
            if question.election is None:
                return RULES.format(lang=lang)
            return ELECTION_RULES.format(lang=lang, election=question.election)
        case RuleQuestion():
            return RULE.format(lang=lang, rule=question.rule)
        case ActivitiesQuestion():
            return ACTIVITIES.format(lang=lang)
        case RegionQuestion():
            return REGION.format(code=question.code)
    return None


def svg_path(question: TimelineQuestion, lang: str) -> str | None:
    """The path-style address of ``question``'s timeline picture without a today marker."""
    if question.as_of is not None:
        return None
    if question.region is None:
        return SVG.format(election_id=question.election, lang=lang)
    return REGIONAL_SVG.format(election_id=question.election, lang=lang, region=question.region)
