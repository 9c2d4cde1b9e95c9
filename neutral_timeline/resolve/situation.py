"""What applies on a date: pure functions of (catalog, date, election, as_of). No clock, no I/O."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache

from neutral_timeline.catalog.model import Catalog, Election, Revision
from neutral_timeline.catalog.regions import Region
from neutral_timeline.errors import Problem, QueryError, unknown
from neutral_timeline.i18n import N_, say, short_date, text
from neutral_timeline.resolve.answer import (
    AreaInfo,
    BasisSpan,
    Countdown,
    Coverage,
    ElectionSituation,
    PhaseNow,
    ReportingInfo,
    RuleInForce,
    RuleSpan,
    RuleThrough,
    Situation,
    Timeline,
)
from neutral_timeline.resolve.index import (
    ONE_DAY,
    Segment,
    always_segments,
    cite_source,
    join_notes,
    local_codes,
    plan,
    revision_info,
)
from neutral_timeline.resolve.participation import own_race, participation, region_info
from neutral_timeline.text import LANGS, Text

HORIZON_DAYS = 14
DEFAULT_ZONE = "Asia/Jakarta"

OUTSIDE = N_(
    "This date is outside the elections this tool holds ({start} to {end}): it cannot say whether an election "
    "was in progress. The ASN neutrality principle applies at all times."
)
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
) -> tuple[ElectionSituation, tuple[RuleInForce, ...]]:
    """One election on one day, for the whole country or for one region, and its rules in force.

    A region with no race of its own still gets the election's phases and every national rule
    (they bind every ASN wherever the candidate runs); only rules tied to the regions holding
    the election are left out, and its participation note says so.
    """
    taking_part = participation(catalog, found, region)
    p = plan(catalog, found.id, revision(catalog, found, as_of).id, local_codes(region), own_race(taking_part))
    running, rules = p.at(day)
    phases = tuple(PhaseNow(s, (day - s.start).days + 1, (s.end - day).days) for s in running)
    es = ElectionSituation(
        id=found.id,
        kind=found.kind,
        name=found.name,
        revision=p.revision,
        in_progress=p.stages.start <= day <= p.stages.end,
        phases=phases,
        rule_ids=tuple(r.id for r in rules),
        upcoming=p.upcoming(day, HORIZON_DAYS),
        countdown=Countdown(p.voting_day, (p.voting_day - day).days),
        participation=taking_part,
    )
    return es, rules


def merge(found: list[tuple[ElectionSituation, tuple[RuleInForce, ...]]]) -> tuple[RuleInForce, ...]:
    """Each rule once, listing the elections it applies through (with its window on each), the
    citations of every one of them (each once), and verified when any of them is."""
    by_id: dict[str, list[tuple[str, RuleInForce]]] = {}
    for es, rules in found:
        for rule in rules:
            by_id.setdefault(rule.id, []).append((es.id, rule))
    merged = []
    for items in by_id.values():
        first = items[0][1]
        basis = tuple({(c.instrument, c.locator): c for _, r in items for c in r.basis}.values())
        through = tuple(RuleThrough(election, r.window) for election, r in items)
        verified = any(r.verified for _, r in items)
        note = join_notes(r.interpretation for _, r in items)
        merged.append(replace(first, basis=basis, verified=verified, interpretation=note, applies_through=through))
    return tuple(merged)


def reporting(catalog: Catalog, day: date) -> tuple[ReportingInfo, ...]:
    """The bodies that take reports of violations on ``day`` (KASN until Aug 2024, BKN after; Bawaslu):
    each open on that day and resting on an instrument in force that day."""
    found = []
    for c in catalog.reporting.values():
        inst = catalog.instruments.get(c.source.instrument or "")
        if c.open_on(day) and (inst is None or inst.in_force(day)):
            found.append(
                ReportingInfo(c.id, c.name, c.handles, c.start, c.end, cite_source(catalog, c.source), c.url, c.note)
            )
    return tuple(found)


@lru_cache(maxsize=64)
def coverage(catalog: Catalog) -> Coverage:
    """From the first day of the earliest tahapan to the last day of the latest, in any revision."""
    stages = [r.stages for e in catalog.elections.values() for r in e.revisions]
    return Coverage(min(s.start for s in stages), max(s.end for s in stages))


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
    the caller has already decided which local day ``day`` is. A day outside the catalog's
    coverage is said to be so, never "no election in progress".
    """
    found: list[tuple[ElectionSituation, tuple[RuleInForce, ...]]]
    if election_id is not None:
        found = [situation_for(catalog, election(catalog, election_id), day, as_of, region)]
    else:
        found = [
            pair
            for e in catalog.elections.values()
            if e.revision_as_of(as_of) is not None
            for pair in (situation_for(catalog, e, day, as_of, region),)
            if pair[0].in_progress
        ]
    span = coverage(catalog)
    covered = span.start <= day <= span.end
    local = local_codes(region)
    if found:
        rules = merge(found)
    else:
        rules = tuple(seg.rule for seg in always_segments(catalog, local) if seg.start <= day <= seg.end)
    message = None
    if not covered:
        message = Text(*(say(OUTSIDE, g, start=short_date(span.start, g), end=short_date(span.end, g)) for g in LANGS))
    elif not found:
        message = text(NO_ELECTION)
    return Situation(
        date=day,
        zone=zone or (region.zone if region else DEFAULT_ZONE),
        as_of=as_of,
        elections=tuple(es for es, _ in found),
        rules=rules,
        covered=covered,
        coverage=span,
        reporting=reporting(catalog, day),
        message=message,
        data_version=catalog.content_hash[:16],
        region=region_info(catalog, region) if region else None,
        areas=areas(catalog, rules),
    )


def areas(catalog: Catalog, rules: tuple[RuleInForce, ...]) -> tuple[AreaInfo, ...]:
    """The named areas of ``rules``' tags (activities.toml), in the vocabulary's order."""
    used = {tag for rule in rules for tag in rule.tags}
    return tuple(AreaInfo(a.id, a.name) for a in catalog.areas.values() if a.id in used)


def _stretches(segments: tuple[Segment, ...]) -> list[list[Segment]]:
    """Consecutive segments of one rule without a break (a basis change splits segments only)."""
    found: list[list[Segment]] = []
    for seg in segments:
        last = found[-1][-1] if found else None
        if last and last.rule.id == seg.rule.id and last.end < date.max and last.end + ONE_DAY == seg.start:
            found[-1].append(seg)
        else:
            found.append([seg])
    return found


def timeline(catalog: Catalog, election_id: str, as_of: date | None = None) -> Timeline:
    """One election's phases and every rule window on its schedule, each with the bases in force
    over the part of its window that falls within the election's tahapan."""
    found = election(catalog, election_id)
    chosen = revision(catalog, found, as_of)
    p = plan(catalog, found.id, chosen.id)
    lo, hi = p.stages.start, p.stages.end
    spans = []
    for stretch in _stretches(p.segments):
        inside = [seg for seg in stretch if seg.start <= hi and seg.end >= lo]
        if not inside:
            continue
        bases = tuple(BasisSpan(max(seg.start, lo), min(seg.end, hi), seg.rule.basis) for seg in inside)
        first, last = stretch[0], stretch[-1]
        start = None if first.start == date.min else first.start
        end = None if last.end == date.max else last.end
        spans.append(RuleSpan(inside[0].rule, start, end, bases))
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
