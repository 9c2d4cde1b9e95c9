"""Precomputed, per schedule revision: rule segments with constant basis, and dated changes.

Built once per (catalog, election, revision) and memoised, so that answering a date is a
few comparisons and a bisect. Pure: no clock, no I/O.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from neutral_timeline.catalog.model import (
    Anchor,
    Basis,
    Catalog,
    Election,
    Instrument,
    Phase,
    Revision,
    Rule,
    Source,
    Window,
    WindowSpec,
)
from neutral_timeline.catalog.regions import Region
from neutral_timeline.record import Record, record
from neutral_timeline.resolve.answer import (
    Change,
    ChangeKind,
    Citation,
    PhaseSpan,
    RevisionInfo,
    RuleInForce,
    RuleThrough,
    SanctionInfo,
    Territory,
    WindowInfo,
)
from neutral_timeline.text import Text

ONE_DAY = timedelta(days=1)
OPEN_WINDOW = Window(None, None, WindowSpec(None, None))


@record
class Segment(Record):
    """``rule`` is in force, with the same basis, from ``start`` to ``end`` inclusive."""

    start: date
    end: date
    rule: RuleInForce


@record
class Event(Record):
    """A dated start or end, before the date asked turns it into a Change."""

    date: dt.date
    change: ChangeKind
    id: str
    name: Text

    def at(self, day: dt.date) -> Change:
        return Change(self.date, (self.date - day).days, self.change, self.id, self.name)


@record
class Plan(Record):
    """Everything about one schedule revision that does not depend on the date asked."""

    revision: RevisionInfo
    phases: tuple[PhaseSpan, ...]
    segments: tuple[Segment, ...]
    events: tuple[Event, ...]
    event_dates: tuple[date, ...]
    stages: PhaseSpan
    voting_day: date
    # The timeline cut where anything starts or ends: between two cuts, the same phases run
    # and the same rules (with the same basis) are in force. Answering a date is a bisect.
    cuts: tuple[date, ...] = ()
    phases_at: tuple[tuple[PhaseSpan, ...], ...] = ()
    rules_at: tuple[tuple[RuleInForce, ...], ...] = ()

    def at(self, day: date) -> tuple[tuple[PhaseSpan, ...], tuple[RuleInForce, ...]]:
        """The phases running and the rules in force on ``day``."""
        index = bisect_right(self.cuts, day) - 1
        if index < 0:
            return (), ()
        return self.phases_at[index], self.rules_at[index]

    def upcoming(self, day: date, horizon: int) -> tuple[Change, ...]:
        lo = bisect_left(self.event_dates, day)
        last = day + timedelta(days=horizon) if date.max - day > timedelta(days=horizon) else date.max
        hi = bisect_right(self.event_dates, last)
        return tuple(event.at(day) for event in self.events[lo:hi])


@lru_cache(maxsize=4096)
def as_text(locator: str | Text) -> Text:
    """A locator as answers carry it: a citation from the data reads the same in both languages."""
    return locator if isinstance(locator, Text) else Text(locator, locator)


def cite_source(catalog: Catalog, source: Source) -> Citation:
    inst = catalog.instruments.get(source.instrument or "")
    return Citation(
        instrument=source.instrument,
        short=inst.short if inst else None,
        title=inst.title if inst else None,
        locator=as_text(source.locator),
        verified=source.verified and (inst.verified if inst else True),
        urls=tuple(dict.fromkeys(source.urls + (inst.urls if inst else ()))),
        note=source.note,
    )


# Citations by the identity of the (instrument, basis) they cite, each pair kept alive here so that no
# id is reused: plans cite the same few bases thousands of times. Bounded in entries (a reloaded
# catalog brings new objects; the old ones are dropped with the whole memo).
_CITED: dict[tuple[int, int], tuple[Instrument, Basis, Citation]] = {}


def cite_basis(inst: Instrument, basis: Basis) -> Citation:
    """``basis`` of ``inst`` as answers cite it (one object per pair: equal citations are shared)."""
    known = _CITED.get((id(inst), id(basis)))
    if known is not None and known[0] is inst and known[1] is basis:
        return known[2]
    if len(_CITED) >= 8192:
        _CITED.clear()
    made = _cite_basis(inst, basis)
    _CITED[id(inst), id(basis)] = (inst, basis, made)
    return made


def _cite_basis(inst: Instrument, basis: Basis) -> Citation:
    return Citation(
        instrument=inst.id,
        short=inst.short,
        title=inst.title,
        locator=as_text(basis.locator),
        verified=basis.verified and inst.verified,
        urls=tuple(dict.fromkeys(basis.urls + inst.urls)),
        quote=basis.quote,
        note=inst.note,
        in_force_from=inst.in_force_from,
        in_force_until=inst.in_force_until,
        region=inst.region,
    )


def revision_info(catalog: Catalog, election: Election, revision: Revision) -> RevisionInfo:
    inst = catalog.instruments[revision.instrument]
    cite = Citation(inst.id, inst.short, inst.title, as_text(inst.short), inst.verified, inst.urls)
    return RevisionInfo(revision.id, cite, revision.enacted, revision is election.latest, revision.note)


def phase_span(catalog: Catalog, phase: Phase) -> PhaseSpan:
    return PhaseSpan(phase.key, phase.name, phase.start, phase.end, phase.days, cite_source(catalog, phase.source))


def end_text(end: Anchor | date | None) -> str | None:
    return None if end is None else (end.isoformat() if isinstance(end, date) else str(end))


def _window_info(window: Window) -> WindowInfo:
    return WindowInfo(
        window.start,
        window.end,
        end_text(window.spec.start),
        end_text(window.spec.end),
        window.start_label,
        window.end_label,
    )


def _window_verified(window: Window, phases: dict[str, Phase]) -> bool:
    anchors = [end for end in (window.spec.start, window.spec.end) if isinstance(end, Anchor)]
    return all(phases[a.phase].source.verified for a in anchors)


def join_notes(notes: Iterable[Text | None]) -> Text | None:
    """Distinct notes as one text (paragraphs), or None when there are none."""
    found = list(dict.fromkeys(n for n in notes if n is not None))
    if not found:
        return None
    return found[0] if len(found) == 1 else Text("\n".join(n.id for n in found), "\n".join(n.en for n in found))


def rule_segments(
    catalog: Catalog,
    rule: Rule,
    window: Window,
    bases: list[tuple[Instrument, Basis]],
    phases: dict[str, Phase],
    election_id: str | None = None,
) -> list[Segment]:
    """Split one window where the set of bases in force changes; drop stretches with none.

    The interpretation is the rule's own plus its note for ``election_id`` alone, if any.
    """
    interpretation = join_notes((rule.interpretation, rule.election_notes.get(election_id or "")))
    lo = window.start or date.min
    hi = window.end or date.max
    cuts = {lo}
    for inst, _ in bases:
        for point in (
            inst.in_force_from,
            inst.in_force_until + ONE_DAY if inst.in_force_until and inst.in_force_until < date.max else None,
        ):
            if point is not None and lo < point <= hi:
                cuts.add(point)
    points = sorted(cuts)
    info = _window_info(window)
    window_ok = _window_verified(window, phases)
    sanction = SanctionInfo(rule.sanction.text, cite_source(catalog, rule.sanction.source)) if rule.sanction else None
    segments: list[Segment] = []
    for index, start in enumerate(points):
        end = points[index + 1] - ONE_DAY if index + 1 < len(points) else hi
        cites = tuple(cite_basis(inst, basis) for inst, basis in bases if inst.in_force(start))
        if not cites:
            continue
        entry = RuleInForce(
            rule.id, rule.kind, rule.title, rule.summary, rule.binds, rule.tags, info, cites,
            window_ok and any(c.verified for c in cites), interpretation, sanction,
            territory_of(catalog, rule, cites), (RuleThrough(election_id, info),) if election_id else (),
        )  # fmt: skip
        segments.append(Segment(start, end, entry))
    return segments


NATIONAL: frozenset[str] = frozenset()


def territory_of(catalog: Catalog, rule: Rule, cites: tuple[Citation, ...] = ()) -> Territory:
    """Where ``rule`` binds: one region when only regional circulars carry it; the regions that
    hold the election when its data says so (e.g. UU 10/2016 Pasal 71(2)); otherwise every ASN
    wherever they serve and wherever the candidate runs (DESIGN "Where a rule binds")."""
    if cites and all(c.region for c in cites):
        return "region"
    return "election_regions" if rule.election_regions_only else "everywhere"


def local_codes(region: Region | None) -> frozenset[str]:
    """The codes whose regional instruments bind ``region``: its own and its province's."""
    return frozenset({region.code, region.province}) if region else NATIONAL


def governing_bases(
    catalog: Catalog, rule: Rule, election: Election | None, local: frozenset[str] = NATIONAL, any_region: bool = False
) -> list[tuple[Instrument, Basis]]:
    """The rule's bases whose instrument governs ``election`` (None: bases for all elections).

    A regional instrument counts only where it binds: its region's code is in ``local``
    (the region asked about and its province), or ``any_region`` (for listings).
    """
    found = []
    for basis in rule.bases:
        inst = catalog.instruments[basis.instrument]
        if inst.region is not None and not any_region and inst.region not in local:
            continue
        if inst.governs(election) if election else not inst.applies_to:
            found.append((inst, basis))
    return found


def stretches(segments: Iterable[Segment]) -> list[list[Segment]]:
    """Consecutive segments of one rule without a break: a basis change inside a window splits
    segments, not the stretch a rule is in force."""
    found: list[list[Segment]] = []
    for seg in segments:
        last = found[-1][-1] if found else None
        if last and last.rule.id == seg.rule.id and last.end < date.max and last.end + ONE_DAY == seg.start:
            found[-1].append(seg)
        else:
            found.append([seg])
    return found


def runs(segments: Iterable[Segment]) -> list[tuple[Segment, Segment]]:
    """Each stretch of one rule (see ``stretches``) as its (first, last) segment."""
    return [(stretch[0], stretch[-1]) for stretch in stretches(segments)]


def shared_codes(catalog: Catalog, local: frozenset[str]) -> frozenset[str]:
    """``local``, or NATIONAL where none of its codes has a regional instrument of its own: then the
    region's answers are the nation's, and caches keyed on it share the national entry."""
    return local if any(i.region in local for i in catalog.instruments.values()) else NATIONAL


# The order of changes on one day: phases start, then rules start, rules end, phases end.
CHANGE_ORDER = {"phase_start": 0, "rule_start": 1, "rule_end": 2, "phase_end": 3}


@lru_cache(maxsize=1024)
def plan(
    catalog: Catalog, election_id: str, revision_id: str, local: frozenset[str] = NATIONAL, own_race: bool = True
) -> Plan:
    """The date-independent part of answers for one revision, with the regional instruments of ``local``.

    ``own_race=False`` (a region with no race of its own) leaves out the rules that bind only
    in the regions holding the election; every national rule stays.
    """
    if local and shared_codes(catalog, local) is NATIONAL:
        return plan(catalog, election_id, revision_id, NATIONAL, own_race)  # no circular of its own: share
    election = catalog.elections[election_id]
    revision = next(r for r in election.revisions if r.id == revision_id)
    return _plan(catalog, election, revision, revision_info(catalog, election, revision), local, own_race)


@lru_cache(maxsize=1024)
def local_plan(
    catalog: Catalog, election_id: str, local_id: str, local: frozenset[str] = NATIONAL, own_race: bool = True
) -> Plan:
    """As ``plan``, on one local schedule of the election (a re-vote or a re-election): its phases,
    the rule windows resolved on them, and its interpretation joined to every rule's."""
    if local and shared_codes(catalog, local) is NATIONAL:
        return local_plan(catalog, election_id, local_id, NATIONAL, own_race)
    election = catalog.elections[election_id]
    schedule = next(s for s in election.local if s.id == local_id)
    inst = catalog.instruments[schedule.schedule.instrument]
    cite = Citation(inst.id, inst.short, inst.title, as_text(inst.short), inst.verified, inst.urls)
    info = RevisionInfo(schedule.id, cite, schedule.schedule.enacted, True, schedule.note)
    return _plan(catalog, election, schedule.schedule, info, local, own_race, schedule.interpretation)


def _plan(
    catalog: Catalog,
    election: Election,
    revision: Revision,
    info: RevisionInfo,
    local: frozenset[str],
    own_race: bool,
    extra_note: Text | None = None,
) -> Plan:
    phases = dict(revision.phases)
    segments: list[Segment] = []
    events: list[Event] = []
    for key, phase in phases.items():
        events.append(Event(phase.start, "phase_start", key, phase.name))
        if phase.end != phase.start:  # a one-day phase: its start says it all
            events.append(Event(phase.end, "phase_end", key, phase.name))
    for rule in catalog.rules.values():
        bases = governing_bases(catalog, rule, election, local)
        if not bases or (not own_race and territory_of(catalog, rule) == "election_regions"):
            continue
        windows = (OPEN_WINDOW,) if rule.always else revision.windows.get(rule.id, ())
        for window in windows:
            pieces = rule_segments(catalog, rule, window, bases, phases, election.id)
            if extra_note is not None and not rule.always:
                pieces = [replace(p, rule=_with_note(p.rule, extra_note)) for p in pieces]
            segments.extend(pieces)
            for first, last in runs(pieces):
                if first.start != date.min:
                    events.append(Event(first.start, "rule_start", rule.id, rule.title))
                if last.end != date.max:
                    events.append(Event(last.end, "rule_end", rule.id, rule.title))
    events.sort(key=lambda e: (e.date, CHANGE_ORDER[e.change], e.id))
    spans = tuple(sorted((phase_span(catalog, p) for p in phases.values()), key=lambda p: (p.start, -p.days, p.key)))
    cuts = sorted(
        {s.start for s in segments}
        | {s.end + ONE_DAY for s in segments if s.end < date.max}
        | {p.start for p in spans}
        | {p.end + ONE_DAY for p in spans}
    )
    return Plan(
        revision=info,
        phases=spans,
        segments=tuple(segments),
        events=tuple(events),
        event_dates=tuple(e.date for e in events),
        stages=next(p for p in spans if p.key == "stages"),
        voting_day=revision.voting_day.start,
        cuts=tuple(cuts),
        phases_at=tuple(tuple(p for p in spans if p.start <= cut <= p.end) for cut in cuts),
        rules_at=tuple(tuple(s.rule for s in segments if s.start <= cut <= s.end) for cut in cuts),
    )


def _with_note(rule: RuleInForce, note: Text) -> RuleInForce:
    return replace(rule, interpretation=join_notes((rule.interpretation, note)))


@lru_cache(maxsize=1024)
def always_segments(catalog: Catalog, local: frozenset[str] = NATIONAL) -> tuple[Segment, ...]:
    """Rules in force at all times, for days when no election runs."""
    segments: list[Segment] = []
    for rule in catalog.rules.values():
        bases = governing_bases(catalog, rule, None, local)
        if rule.always and bases:
            segments.extend(rule_segments(catalog, rule, OPEN_WINDOW, bases, {}))
    return tuple(segments)
