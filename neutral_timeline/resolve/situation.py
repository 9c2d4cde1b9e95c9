"""What applies on a date: pure functions of (catalog, date, election, as_of). No clock, no I/O."""

from __future__ import annotations

from datetime import date

from neutral_timeline.catalog.model import Catalog, Election, Revision
from neutral_timeline.catalog.regions import Region
from neutral_timeline.errors import Problem, QueryError, unknown
from neutral_timeline.i18n import N_, text
from neutral_timeline.resolve.answer import Countdown, ElectionSituation, PhaseNow, RuleSpan, Situation, Timeline
from neutral_timeline.resolve.index import always_segments, local_codes, plan, revision_info, runs
from neutral_timeline.resolve.participation import participation, region_info

HORIZON_DAYS = 14
DEFAULT_ZONE = "Asia/Jakarta"

NO_ELECTION = N_("No election is in progress on this date. The rules that apply at all times are listed below.")


def election(catalog: Catalog, election_id: str) -> Election:
    """The election with this id, or NotFoundError naming the known ids."""
    try:
        return catalog.elections[election_id]
    except KeyError:
        raise unknown("election", election_id, catalog.elections, where="election") from None


def revision(catalog: Catalog, found: Election, as_of: date | None) -> Revision:
    """The schedule known on ``as_of``, or QueryError before the first was enacted."""
    chosen = found.revision_as_of(as_of)
    if chosen is None:
        first = found.revisions[0]
        raise QueryError(
            [
                Problem.say(
                    "as_of",
                    N_("no schedule of {election} was known on {as_of}"),
                    N_("a date on or after {enacted}, when {revision} was enacted"),
                    N_("leave as_of out to use the latest schedule"),
                    election=found.id,
                    as_of=as_of,
                    enacted=first.enacted,
                    revision=first.id,
                )
            ]
        )
    return chosen


def situation_for(
    catalog: Catalog, found: Election, day: date, as_of: date | None = None, region: Region | None = None
) -> ElectionSituation:
    """One election on one day, for the whole country or for one region."""
    p = plan(catalog, found.id, revision(catalog, found, as_of).id, local_codes(region))
    taking_part = participation(catalog, found, region)
    absent = taking_part is not None and taking_part.status == "not_taking_part"
    running, rules = p.at(day)
    phases = () if absent else tuple(PhaseNow(s, (day - s.start).days + 1, (s.end - day).days) for s in running)
    if absent:  # only what applies at all times, not what this election's stages bring
        rules = tuple(r for r in rules if r.window.start is None and r.window.end is None)
    return ElectionSituation(
        id=found.id,
        kind=found.kind,
        name=found.name,
        revision=p.revision,
        in_progress=p.stages.start <= day <= p.stages.end,
        phases=phases,
        rules=rules,
        upcoming=() if absent else p.upcoming(day, HORIZON_DAYS),
        countdown=Countdown(p.voting_day, (p.voting_day - day).days),
        participation=taking_part,
    )


def situation(
    catalog: Catalog,
    day: date,
    election_id: str | None = None,
    as_of: date | None = None,
    zone: str | None = None,
    region: Region | None = None,
) -> Situation:
    """What applies on ``day``: for one election, or for every election in progress.

    With ``region``, its regional instruments join in and each election says whether the
    region takes part. ``zone`` is only reported (default: the region's, else Asia/Jakarta):
    the caller has already decided which local day ``day`` is.
    """
    found: tuple[ElectionSituation, ...]
    if election_id is not None:
        found = (situation_for(catalog, election(catalog, election_id), day, as_of, region),)
    else:
        found = tuple(
            s
            for e in catalog.elections.values()
            if e.revision_as_of(as_of) is not None
            for s in (situation_for(catalog, e, day, as_of, region),)
            if s.in_progress
        )
    local = local_codes(region)
    always = () if found else tuple(seg.rule for seg in always_segments(catalog, local) if seg.start <= day <= seg.end)
    return Situation(
        date=day,
        zone=zone or (region.zone if region else DEFAULT_ZONE),
        as_of=as_of,
        elections=found,
        always=always,
        message=None if found else text(NO_ELECTION),
        data_version=catalog.content_hash[:16],
        region=region_info(catalog, region) if region else None,
    )


def timeline(catalog: Catalog, election_id: str, as_of: date | None = None) -> Timeline:
    """One election's phases and every rule window on its schedule."""
    found = election(catalog, election_id)
    chosen = revision(catalog, found, as_of)
    p = plan(catalog, found.id, chosen.id)
    spans = [
        RuleSpan(
            first.rule,
            None if first.start == date.min else first.start,
            None if last.end == date.max else last.end,
        )
        for first, last in runs(p.segments)
    ]
    return Timeline(
        id=found.id,
        kind=found.kind,
        name=found.name,
        revision=p.revision,
        revisions=tuple(revision_info(catalog, found, r) for r in found.revisions),
        phases=p.phases,
        rules=tuple(spans),
        data_version=catalog.content_hash[:16],
    )
