"""What goes into a calendar feed, decided before any iCalendar syntax. Pure: no clock, no I/O.

Reads the per-revision ``Plan`` (phases and rule segments) and never recomputes a window. An
*occurrence* is one event on one schedule revision, named by a language-free ``stem`` that stays
the same when a later revision moves it, so that SEQUENCE can count the moves.

- ``phase.<key>``: the phase, all its days. By default only the phases an ASN plans around
  (``KEY_PHASES``, and a local re-vote's phases, whose keys start ``revote`` or ``psu``); the
  administrative ones (the whole ``stages`` bar, forming PPK/PPS/KPPS, announcements,
  verification, registration, the number draw) only with ``phases=all``: rule events already
  mark what changes for an ASN on those days.
- ``local.<id>.…``: the same events on a local schedule the region follows (a re-vote or a
  re-election), its phases named with the schedule's name.
- ``rules-start.<h>`` / ``rules-end.<h>``: one-day events on the first and on the last day in
  force of a group of rules that share one window (the same first and last day on this
  schedule). ``<h>`` hashes the window as the data states it (``campaign.start`` ..
  ``campaign.end``), not its dates, so the UID survives a schedule revision that moves it.
  Rules in force at all times get none, and a window open on one side no event on that side.
  Where a rule's bases leave a gap inside its window, the days it is in force count.

``render/ics.py`` turns a ``Feed`` into bytes; everything it shows is decided here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache
from hashlib import sha256
from typing import Literal

from neutral_timeline.catalog.model import Catalog, Election, Revision
from neutral_timeline.catalog.regions import Region
from neutral_timeline.errors import Problem, QueryError
from neutral_timeline.i18n import N_
from neutral_timeline.record import Record, record
from neutral_timeline.resolve.answer import ParticipationInfo, PhaseSpan, RegionInfo, RevisionInfo, RuleInForce
from neutral_timeline.resolve.index import NATIONAL, ONE_DAY, Plan, Segment, local_codes, local_plan, plan, runs
from neutral_timeline.resolve.participation import own_race, participation, region_info
from neutral_timeline.resolve.questions import PHASE_CHOICES, FeedQuestion
from neutral_timeline.resolve.situation import election as find_election
from neutral_timeline.resolve.situation import follow_span
from neutral_timeline.resolve.situation import revision as find_revision
from neutral_timeline.text import Text

Kind = Literal["phase", "rules-start", "rules-end"]

# The phases an ASN plans around: a feed's default (``phases=all`` adds every other phase).
KEY_PHASES = frozenset(
    {"candidate_determination", "campaign", "quiet_period", "voting_day", "counting", "result_determination"}
)
LOCAL_PREFIXES = ("revote", "psu")  # local re-votes (PSU) and re-elections, when a schedule holds them


def key_phase(key: str) -> bool:
    return key in KEY_PHASES or key.startswith(LOCAL_PREFIXES)


MAX_DAYS, MAX_REMINDERS = 90, 5
REMINDERS_EXPECTED = N_("standard, minimal, none, or comma-separated days such as 7d,1d (each 0d-90d)")


def check_reminders(days: tuple[int, ...], param: str = "reminders") -> tuple[int, ...]:
    """Distinct reminder days, largest first, or QueryError (at most 5, each 0-90 calendar days)."""
    for n in days:
        if not 0 <= n <= MAX_DAYS:
            what = N_("{n} days is not between 0 and {most}")
            raise QueryError([Problem.say(param, what, REMINDERS_EXPECTED, n=n, most=MAX_DAYS)])
    distinct = tuple(sorted(set(days), reverse=True))
    if len(distinct) > MAX_REMINDERS:
        what = N_("{n} reminders; at most {most} are allowed")
        raise QueryError([Problem.say(param, what, REMINDERS_EXPECTED, n=len(distinct), most=MAX_REMINDERS)])
    return distinct


@record
class Occurrence(Record):
    """One event on one schedule revision; ``end`` is the last day (inclusive).

    ``sequence`` counts the schedule revisions (up to the one used) that moved it; ``modified``
    is the enactment day of the revision that last moved it, or first set it.
    """

    stem: str
    kind: Kind
    start: date
    end: date
    phase: PhaseSpan | None = None
    rules: tuple[RuleInForce, ...] = ()  # each as it stands on the event's day
    sequence: int = 0
    modified: date | None = None
    schedule: RevisionInfo | None = None  # a local schedule's own instrument (None: the election's revision)

    @property
    def dates(self) -> tuple[date, date]:
        return self.start, self.end


@record
class FeedElection(Record):
    """One election's part of a feed: the schedule used, the region's participation, the events."""

    id: str
    name: Text
    revision: RevisionInfo
    participation: ParticipationInfo | None
    events: tuple[Occurrence, ...]


@record
class Feed(Record):
    """A calendar feed before syntax: the question it answers and every election's events."""

    question: FeedQuestion  # with the region as a code: the feed's own address derives from it
    elections: tuple[FeedElection, ...]
    region: RegionInfo | None
    data_revised: date  # the latest date the data names ("data as of"); DTSTAMP when ``revised`` is None
    data_version: str
    revised: datetime | None = None  # when the data last changed (catalog.revised): DTSTAMP and LAST-MODIFIED


@record
class _Run(Record):
    """One rule in force without a break: its first and last segment."""

    first: Segment
    last: Segment

    @property
    def start(self) -> date | None:
        """The first day in force; None where the window is open (a basis coming into force is no event)."""
        return None if self.first.rule.window.start is None else self.first.start

    @property
    def end(self) -> date | None:
        return None if self.last.rule.window.end is None else self.last.end

    def identity(self) -> str:
        """The window as written; a date where a basis, not the window, opens or closes it."""
        opened = self.first.rule.window.opened_by if self.start == self.first.rule.window.start else None
        closed = self.last.rule.window.closed_by if self.end == self.last.rule.window.end else None
        return f"{opened or self.start}..{closed or self.end}"


@lru_cache(maxsize=256)
def occurrences(
    catalog: Catalog, election_id: str, revision_id: str, local: frozenset[str] = NATIONAL, own_race: bool = True
) -> tuple[Occurrence, ...]:
    """Every event of one election on one schedule revision (with ``local``'s own circulars).

    ``own_race=False`` (a region with no race of its own) leaves out the rules that bind only
    in the regions holding the election; the national rules keep their events.
    """
    return _occurrences(plan(catalog, election_id, revision_id, local, own_race))


def _occurrences(p: Plan) -> tuple[Occurrence, ...]:
    found = [Occurrence(f"phase.{span.key}", "phase", span.start, span.end, phase=span) for span in p.phases]
    groups: dict[tuple[date | None, date | None], list[_Run]] = {}
    for run in (_Run(first, last) for first, last in runs(p.segments)):
        if run.start is not None or run.end is not None:
            groups.setdefault((run.start, run.end), []).append(run)
    for (start, end), group in groups.items():
        group.sort(key=lambda r: r.first.rule.id)
        digest = sha256("\n".join(sorted({r.identity() for r in group})).encode()).hexdigest()[:12]
        if start is not None:
            rules = tuple(r.first.rule for r in group)
            found.append(Occurrence(f"rules-start.{digest}", "rules-start", start, start, rules=rules))
        if end is not None:
            rules = tuple(r.last.rule for r in group)
            found.append(Occurrence(f"rules-end.{digest}", "rules-end", end, end, rules=rules))
    return tuple(found)


@lru_cache(maxsize=256)
def local_occurrences(
    catalog: Catalog, election_id: str, local_id: str, local: frozenset[str] = NATIONAL, own_race: bool = True
) -> tuple[Occurrence, ...]:
    """The events of one local schedule, with stems and phase names of their own."""
    schedule = next(s for s in catalog.elections[election_id].local if s.id == local_id)
    found = []
    lp = local_plan(catalog, election_id, local_id, local, own_race)
    for occ in _occurrences(lp):
        phase = occ.phase
        if phase is not None:
            name = Text(f"{phase.name.id}: {schedule.name.id}", f"{phase.name.en}: {schedule.name.en}")
            phase = replace(phase, name=name)
        stem, enacted = f"local.{local_id}.{occ.stem}", schedule.schedule.enacted
        found.append(replace(occ, stem=stem, phase=phase, modified=enacted, schedule=lp.revision))
    return tuple(found)


def history(
    catalog: Catalog, election: Election, chosen: Revision, local: frozenset[str] = NATIONAL, own_race: bool = True
) -> dict[str, tuple[int, date]]:
    """stem -> (SEQUENCE, last modified): revisions up to ``chosen`` that moved the event."""
    seen: dict[str, tuple[date, date]] = {}
    result: dict[str, tuple[int, date]] = {}
    for revision in election.revisions:
        for occ in occurrences(catalog, election.id, revision.id, local, own_race):
            before = seen.get(occ.stem)
            if before is None:
                result[occ.stem] = (0, revision.enacted)
            elif before != occ.dates:
                result[occ.stem] = (result[occ.stem][0] + 1, revision.enacted)
            seen[occ.stem] = occ.dates
        if revision.id == chosen.id:
            break
    return result


def _chosen(catalog: Catalog, question: FeedQuestion) -> list[tuple[Election, Revision]]:
    if question.election is not None:
        found = find_election(catalog, question.election)
        return [(found, find_revision(catalog, found, question.as_of))]
    known = [(e, e.revision_as_of(question.as_of)) for e in catalog.elections.values()]
    return [(e, r) for e, r in known if r is not None]


def _shown(occ: Occurrence, phases: str) -> bool:
    return occ.phase is None or phases == "all" or key_phase(occ.phase.key)


def _empty(catalog: Catalog, question: FeedQuestion) -> QueryError:
    """Why a feed would hold no event: no schedule known ``as_of`` (the same words as one election's)."""
    first = min((e.revisions[0] for e in catalog.elections.values()), key=lambda r: r.enacted)
    return QueryError(
        [
            Problem.say(
                "as_of",
                N_("no schedule of {election} was known on {as_of}"),
                N_("a date on or after {enacted}, when {revision} was enacted"),
                N_("leave as_of out to use the latest schedule"),
                election=question.name,
                as_of=question.as_of,
                enacted=first.enacted,
                revision=first.id,
            )
        ]
    )


def _ids(occ: Occurrence) -> frozenset[str]:
    return frozenset(r.id for r in occ.rules)


def _joined(events: tuple[Occurrence, ...]) -> tuple[Occurrence, ...]:
    """``events`` with the runs of the same rules on several schedules joined where they overlap or
    touch: a re-election carrying on Pasal 71(2) from six months before its own penetapan pasangan
    calon while the main schedule's run lasts to its last stage (Bangka), or a province following two
    regions' schedules (Bangka's and Pangkalpinang's). Those rules never stop in between, so neither a
    "last day" nor a "from today" is said there, only where the joined run starts and ends."""
    runs: dict[str, list[Occurrence | None]] = {}  # a schedule's rule group: [its start, its end]
    for occ in events:
        if occ.kind == "rules-start":
            runs.setdefault(occ.stem.replace("rules-start.", "rules-end.", 1), [None, None])[0] = occ
        elif occ.kind == "rules-end":
            runs.setdefault(occ.stem, [None, None])[1] = occ
    by_rules: dict[frozenset[str], list[tuple[date, date, Occurrence | None, Occurrence | None]]] = {}
    for first, last in runs.values():
        ids = _ids(first or last)  # type: ignore[arg-type]  # one of the two is there
        begin = first.start if first is not None else date.min
        finish = last.start if last is not None else date.max
        by_rules.setdefault(ids, []).append((begin, finish, first, last))
    dropped: set[str] = set()
    merged: list[tuple[frozenset[str], date, date, Occurrence | None, Occurrence | None]] = []
    for ids, items in by_rules.items():
        items.sort(key=lambda item: (item[0], -item[1].toordinal()))  # on one day, the longest run speaks
        start, end, first, closing = items[0]
        for begin, finish, opening, last in items[1:]:
            if end == date.max or begin <= end + ONE_DAY:  # overlaps or touches the run so far
                if opening is not None:
                    dropped.add(opening.stem)
                if finish > end:
                    if closing is not None:
                        dropped.add(closing.stem)
                    end, closing = finish, last
                elif last is not None:
                    dropped.add(last.stem)
            else:
                merged.append((ids, start, end, first, closing))
                start, end, first, closing = begin, finish, opening, last
        merged.append((ids, start, end, first, closing))
    # A run whose rules are all in force through a wider group over its whole span says nothing new
    # (Pangkalpinang's Pasal 71(3) seen from Bangka, whose own group also holds 71(2)).
    moved: dict[str, date] = {}
    for ids, start, end, first, closing in merged:
        wider = [(s, e) for other, s, e, _, _ in merged if ids < other]
        covering = [e for s, e in wider if s < start <= e]  # already in force the day before, through them
        if first is not None and covering:
            if max(covering) < end:  # it outlives them: said to start the day after they end
                moved[first.stem] = max(covering) + ONE_DAY
            else:
                dropped.add(first.stem)
        if closing is not None and any(s <= end < e for s, e in wider):  # still in force the day after
            dropped.add(closing.stem)
    return tuple(
        replace(o, start=moved[o.stem], end=moved[o.stem]) if o.stem in moved else o
        for o in events
        if o.stem not in dropped
    )


@lru_cache(maxsize=1024)
def _afar(
    catalog: Catalog, election_id: str, local_id: str, local: frozenset[str], as_of: date | None
) -> tuple[Occurrence, ...]:
    """The rule events of a local schedule the region does not follow, with only its national rules:
    they bind every ASN wherever they serve while regions follow it (DESIGN "Where a rule binds"; the
    answers add them as ``situation._bound_from_afar`` does). A run is said from the first day regions
    follow the schedule (``follow_span``); ``_joined`` then joins it with the region's own runs."""
    first, _ = follow_span(catalog, election_id, local_id, as_of)
    found = []
    for occ in local_occurrences(catalog, election_id, local_id, local, False):
        rules = tuple(r for r in occ.rules if r.territory == "everywhere")
        if occ.kind == "phase" or not rules:
            continue
        day = max(occ.start, first)
        found.append(replace(occ, rules=rules, start=day, end=day))
    return tuple(found)


def _once(events: tuple[Occurrence, ...]) -> tuple[Occurrence, ...]:
    """Each rule event once: a province following several local schedules in its area (Bangka's and
    Pangkalpinang's re-elections) would otherwise say "from today" twice for the same rules."""
    seen: set[tuple[str, date, frozenset[str]]] = set()
    kept = []
    for occ in events:
        if occ.kind != "phase":
            key = (occ.kind, occ.start, _ids(occ))
            if key in seen:
                continue
            seen.add(key)
        kept.append(occ)
    return tuple(kept)


def _election_part(
    catalog: Catalog,
    found: Election,
    chosen: Revision,
    region: Region | None,
    phases: str = "key",
    as_of: date | None = None,
) -> FeedElection:
    """One election's events; with a region, those of every local schedule it follows too."""
    local = local_codes(region)
    taking_part = participation(catalog, found, region)
    race = own_race(taking_part)
    moved = history(catalog, found, chosen, local, race)
    events = tuple(
        replace(occ, sequence=moved[occ.stem][0], modified=moved[occ.stem][1])
        for occ in occurrences(catalog, found.id, chosen.id, local, race)
        if _shown(occ, phases)
    )
    for schedule in found.local_as_of(as_of):
        itself = region is not None and schedule.covers(region.code, region.province)
        inside = (
            region is not None and region.is_province and any(c.startswith(region.code + ".") for c in schedule.regions)
        )
        if itself or inside:
            found_local = local_occurrences(catalog, found.id, schedule.id, local, race and itself)
            events += tuple(occ for occ in found_local if _shown(occ, phases))
        else:
            events += _afar(catalog, found.id, schedule.id, local, as_of)
    events = _once(_joined(events))
    info = plan(catalog, found.id, chosen.id).revision
    return FeedElection(found.id, found.name, info, taking_part, events)


def feed(catalog: Catalog, question: FeedQuestion) -> Feed:
    """The feed that ``question`` asks for.

    With a region: that region's own circulars join the rule events, each election says
    whether the region takes part, and the
    calendar names the region and its time zone. A region with no race of its own keeps every
    national rule (they bind every ASN wherever the candidate runs). Raises NotFoundError for an unknown election
    or region, QueryError for bad reminders or an ``as_of`` before the first schedule, and
    QueryError rather than a feed without events (RFC 5545 wants at least one component).
    """
    region = catalog.regions.find(question.region, "region") if question.region else None
    if question.phases not in PHASE_CHOICES:
        what = N_("'{value}' is not accepted")
        raise QueryError([Problem.say("phases", what, N_("key or all"), value=question.phases)])
    canonical = replace(question, region=region.code if region else None, reminders=check_reminders(question.reminders))
    chosen = _chosen(catalog, canonical)
    parts = tuple(_election_part(catalog, e, r, region, canonical.phases, canonical.as_of) for e, r in chosen)
    if not any(part.events for part in parts):
        raise _empty(catalog, canonical)
    return Feed(
        question=canonical,
        elections=parts,
        region=region_info(catalog, region) if region else None,
        data_revised=catalog.data_revised,
        data_version=catalog.content_hash[:16],
        revised=catalog.revised,
    )
