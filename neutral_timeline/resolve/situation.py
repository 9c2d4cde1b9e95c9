"""What applies on a date: pure functions of (catalog, date, election, as_of). No clock, no I/O."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Generic, TypeVar

from neutral_timeline.catalog.model import Catalog, Election, LocalSchedule, Revision
from neutral_timeline.catalog.regions import Region
from neutral_timeline.errors import NotFoundError, Problem, QueryError, unknown
from neutral_timeline.i18n import N_, say, short_date, text
from neutral_timeline.record import Record
from neutral_timeline.resolve.answer import (
    AfarSpan,
    AfarTable,
    AnnouncedInfo,
    AreaInfo,
    BasisSpan,
    Change,
    Citation,
    CompactRule,
    Countdown,
    Coverage,
    DatedChange,
    DatedMessage,
    DatedRule,
    ElectionSituation,
    FactInfo,
    LocalInfo,
    LocalNow,
    LocalRegion,
    ParticipationInfo,
    PhaseNow,
    PhaseSpan,
    ReportingInfo,
    ReportingSpan,
    RuleInForce,
    RuleSpan,
    SanctionInfo,
    ScheduleDays,
    Situation,
    Timeline,
)
from neutral_timeline.resolve.index import (
    CHANGE_ORDER,
    ONE_DAY,
    Plan,
    always_segments,
    cite_source,
    join_notes,
    local_codes,
    local_plan,
    plan,
    revision_info,
    shared_codes,
    stretches,
    territory_of,
)
from neutral_timeline.resolve.participation import local_in_area, own_race, participation, region_info
from neutral_timeline.text import LANGS, Lang, Text

HORIZON_DAYS = 14
T = TypeVar("T", PhaseSpan, Change)
V = TypeVar("V")
DEFAULT_ZONE = "Asia/Jakarta"

BEFORE = N_(
    "This date is outside the elections this tool holds, before the first of them: it covers {elections}, whose schedules run from {start} "
    "to {end}. It cannot say whether an election was in progress on this date; only the rules already in force "
    "on it are listed. The ASN neutrality principle applies at all times."
)
BEYOND = N_(
    "This date is outside the elections this tool holds, after the last of them: it covers {elections}, whose schedules run from {start} "
    "to {end}, and no later election is announced in its data. It cannot say whether an election is in progress "
    "on this date; the rules listed are those in force under the law it holds, which may change before then. "
    "The ASN neutrality principle applies at all times."
)
NO_ELECTION = N_("No election is in progress on this date. The rules that apply at all times are listed below.")
AFTER = N_(
    "This date is outside the elections this tool holds ({start} to {end}), and no later election has a "
    "schedule yet: the elections announced next are listed below, with only what the law fixes about them. "
    "The ASN neutrality principle applies at all times."
)
ALSO_RUNNING = N_(
    "Also in progress on this date: {names}. This answer lists only the rules of the election asked; "
    "ask without naming an election to see every rule in force."
)
LOCAL_ONLY = N_(
    "No election is in progress nationally on this date, but some regions are still on their own schedule "
    "(a re-vote or a re-election): {what}. The national neutrality prohibitions in force through those "
    "schedules bind every ASN wherever they serve and wherever the candidate runs, so they are listed below "
    "too; ask about one of those regions for its own rules."
)
LOCAL_WHAT = N_("{regions} ({doing})")
PHASE_UNTIL = N_("{phase} until {date}")
PHASE_NEXT = N_("between two stages; next: {phase} from {date}")
PHASE_FIRST = N_("its prohibitions already apply; first stage: {phase} from {date}")


def election(catalog: Catalog, election_id: str) -> Election:
    """The election with this id (any case), or NotFoundError naming the known ids; an election
    announced with no schedule (Pemilu 2029) is said to be one, not unknown."""
    found = catalog.elections.get(election_id) or catalog.elections.get(election_id.lower())
    if found is not None:
        return found
    ahead = catalog.announced.get(election_id.lower())
    if ahead is not None:
        problem = Problem.say(
            "election",
            N_("'{value}' is announced but has no schedule yet: no law or KPU regulation has set its stages"),
            N_("one of: {known}"),
            N_("ask without an election for what is known about it, or list elections"),
            value=ahead.id,
            known=", ".join(sorted(catalog.elections)),
        )
        raise NotFoundError([problem])
    raise unknown("election", election_id, catalog.elections, where="election")


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


def local_info(catalog: Catalog, found: Election, schedule: LocalSchedule) -> LocalInfo:
    """A local schedule as answers show it: its regions by name, its span and voting day, its source."""
    regions = tuple(
        LocalRegion(code, r.full_name if (r := catalog.regions.get(code)) else code) for code in schedule.regions
    )
    voting = schedule.schedule.voting_day
    return LocalInfo(
        found.id, found.name, schedule.id, schedule.kind, schedule.name, regions, schedule.stages.start,
        schedule.stages.end, voting.start, cite_source(catalog, voting.source), schedule.interpretation, schedule.note,
    )  # fmt: skip


@lru_cache(maxsize=1024)
def follow_span(catalog: Catalog, election_id: str, local_id: str, as_of: date | None) -> tuple[date, date]:
    """The days (inclusive) a region follows a local schedule: its stages, from earlier where one of
    its rule windows opens before its first stage (a re-election's UU 10/2016 Pasal 71(2) and (3)
    run from six months before its penetapan pasangan calon), but not while the election's main
    stages still run: those days the main schedule answers, with the same prohibitions until its end."""
    found = catalog.elections[election_id]
    schedule = next(s for s in found.local if s.id == local_id)
    main = found.revision_as_of(as_of)
    main_end = main.stages.end if main is not None else date.min
    opens = min(
        (seg.start for seg in local_plan(catalog, election_id, local_id).segments
         if seg.start != date.min and not catalog.rules[seg.rule.id].always),
        default=schedule.stages.start,
    )  # fmt: skip
    start = schedule.stages.start if opens >= schedule.stages.start else max(opens, main_end + ONE_DAY)
    return min(start, schedule.stages.start), schedule.stages.end


@lru_cache(maxsize=256)
def _followed(catalog: Catalog, election_id: str, as_of: date | None) -> tuple[tuple[date, date, LocalSchedule], ...]:
    """Each local schedule of the election known ``as_of`` with its ``follow_span``."""
    found = catalog.elections[election_id]
    return tuple((*follow_span(catalog, election_id, s.id, as_of), s) for s in found.local_as_of(as_of))


def _inside(region: Region, schedule: LocalSchedule) -> bool:
    """Whether ``region`` is a province some of whose regencies or cities follow ``schedule``."""
    return region.is_province and any(code.startswith(region.code + ".") for code in schedule.regions)


def local_for(
    catalog: Catalog, found: Election, region: Region, day: date, as_of: date | None
) -> tuple[tuple[LocalSchedule, ...], bool] | None:
    """The local schedules ``region`` follows on ``day`` and whether it votes in them itself: its
    own (one), or, for a province only some of whose regencies or cities vote again ("races in its
    area"), every schedule of those running that day (Bangka and Pangkalpinang, 2025), by voting day."""
    own, inside = [], []
    for start, end, schedule in _followed(catalog, found.id, as_of):
        if not start <= day <= end:
            continue
        if schedule.covers(region.code, region.province):
            own.append(schedule)
        elif _inside(region, schedule):
            inside.append(schedule)
    if own:  # one at a time (stages never overlap); were two followed at once, the earlier vote first
        return (min(own, key=lambda s: (s.voting_day, s.id)),), True
    if not inside:
        return None
    return tuple(sorted(inside, key=lambda s: (s.voting_day, s.id))), False


def in_area_codes(found: Election, region: Region, as_of: date | None) -> tuple[str, ...]:
    """The regencies and cities of province ``region`` on any local schedule of ``found`` (known ``as_of``)."""
    return tuple(dict.fromkeys(c for s in found.local_as_of(as_of) if _inside(region, s) for c in s.regions))


def announced(catalog: Catalog, day: date | None = None) -> tuple[AnnouncedInfo, ...]:
    """The elections announced with no schedule that are still ahead on ``day`` (``Announced.ahead_on``;
    None: every one): what is known, with sources."""
    return tuple(
        AnnouncedInfo(
            a.id,
            a.kind,
            a.name,
            a.announced,
            cite_source(catalog, a.source),
            tuple(FactInfo(f.text, cite_source(catalog, f.source)) for f in a.facts),
            a.after,
            a.note,
        )
        for a in catalog.announced.values()
        if day is None or a.ahead_on(day)
    )


@lru_cache(maxsize=256)
def _local_spans(
    catalog: Catalog, as_of: date | None, election_id: str | None
) -> tuple[tuple[date, date, LocalInfo, tuple[PhaseSpan, ...]], ...]:
    """Every local schedule known ``as_of`` (of one election, or of all) with the days regions follow
    it (``follow_span``) and its phases but the whole stages (by start), by voting day."""
    found = [
        (s.voting_day, *follow_span(catalog, e.id, s.id, as_of), local_info(catalog, e, s))
        for e in catalog.elections.values()
        if election_id is None or e.id == election_id
        for s in e.local_as_of(as_of)
    ]
    found.sort(key=lambda item: (item[0], item[3].id))
    return tuple(
        (start, end, info, tuple(p for p in local_plan(catalog, info.election, info.id).phases if p.key != "stages"))
        for _, start, end, info in found
    )


def locals_in_progress(
    catalog: Catalog, day: date, as_of: date | None, election_id: str | None = None
) -> tuple[LocalNow, ...]:
    """Every local schedule running on ``day`` (of one election, or of all), by voting day, each
    with what runs there that day."""
    return tuple(
        _local_on(info, spans, day) for start, end, info, spans in _local_spans(catalog, as_of, election_id)
        if start <= day <= end
    )  # fmt: skip


def _local_on(info: LocalInfo, spans: tuple[PhaseSpan, ...], day: date) -> LocalNow:
    """``info`` with its phases running on ``day`` (by end, so voting day comes before the counting
    that starts with it), or the next phase on a day between two (``spans`` by start)."""
    running = sorted((s for s in spans if s.start <= day <= s.end), key=lambda s: (s.end, s.start, s.key))
    now = tuple(PhaseNow(s, (day - s.start).days + 1, (s.end - day).days) for s in running)
    after = None if now else next((s for s in spans if s.start > day), None)
    i = info
    return LocalNow(
        i.election, i.election_name, i.id, i.kind, i.name, i.regions, i.start, i.end, i.voting_day, i.source,
        i.interpretation, i.note, now, after,
    )  # fmt: skip


# The messages already written, by what they say (names, phases, dates): a message changes only
# where a phase starts or ends, so most days reuse one. Bounded in entries.
_MESSAGES: dict[tuple[object, ...], Text] = {}


def local_message(items: tuple[LocalNow, ...]) -> Text:
    """The answer with no election in progress nationally while ``items`` run: what goes on in which
    regions that day (regions doing the same grouped), in both languages."""
    key = tuple(
        (
            tuple(r.name for r in i.regions),
            i.name,
            tuple((p.phase.name, p.phase.days, p.phase.end) for p in i.phases),
            (i.next.name, i.next.start) if i.next is not None else None,
        )
        for i in items
    )
    known = _MESSAGES.get(key)
    if known is None:
        known = _local_message(items)
        if len(_MESSAGES) < 4096:
            _MESSAGES[key] = known
    return known


def _local_message(items: tuple[LocalNow, ...]) -> Text:
    def doing(item: LocalNow, lang: Lang) -> str:
        if not item.phases:  # between two phases, or in stages given longer than its phases
            if item.next is None:
                return item.name.get(lang)
            words = PHASE_FIRST if item.next.start <= item.start else PHASE_NEXT
            return say(words, lang, phase=item.next.name.get(lang), date=short_date(item.next.start, lang))
        return ", ".join(
            p.phase.name.get(lang)
            if p.phase.days == 1
            else say(PHASE_UNTIL, lang, phase=p.phase.name.get(lang), date=short_date(p.phase.end, lang))
            for p in item.phases
        )

    def words(lang: Lang) -> str:
        groups: dict[str, list[str]] = {}
        for item in items:
            groups.setdefault(doing(item, lang), []).extend(r.name for r in item.regions)
        what = "; ".join(say(LOCAL_WHAT, lang, regions=", ".join(dict.fromkeys(names)), doing=how)
                         for how, names in groups.items())  # fmt: skip
        return say(LOCAL_ONLY, lang, what=what)

    return Text(*(words(g) for g in LANGS))


def _joined(items: list[tuple[T, str]], schedules: int, same: Callable[[T], tuple[object, ...]]) -> tuple[T, ...]:
    """The phases (or changes) of the local schedules a province follows at once, each once: one
    not on every schedule is named with the regions whose schedule has it ("...: Kabupaten Bangka")."""
    groups: dict[tuple[object, ...], list[tuple[T, str]]] = {}
    for item in items:
        groups.setdefault(same(item[0]), []).append(item)
    found = []
    for group in groups.values():
        first = group[0][0]
        if len(group) < schedules:
            names = ", ".join(dict.fromkeys(n for _, n in group))
            first = replace(first, name=Text(f"{first.name.id}: {names}", f"{first.name.en}: {names}"))
        found.append(first)
    return tuple(sorted(found, key=same))


def _rules_on(
    catalog: Catalog,
    found: Election,
    revision_id: str,
    day: date,
    as_of: date | None,
    region: Region | None,
    taking_part: ParticipationInfo | None,
) -> dict[str, Text]:
    """The rules in force through ``found`` on ``day`` as an answer lists them under it (id -> title):
    its main schedule's, those of the local schedules the region follows that day, and the national
    rules of the local schedules regions follow elsewhere (``_bound_from_afar``)."""
    codes = local_codes(region)
    found_rules = {r.id: r.title for r in plan(catalog, found.id, revision_id, codes, own_race(taking_part)).at(day)[1]}
    chosen = local_for(catalog, found, region, day, as_of) if region is not None else None
    if chosen is not None:
        schedules, itself = chosen
        mine = own_race(taking_part) and itself
        if not itself and region is not None:
            mine = own_race(local_in_area(catalog, found, region, in_area_codes(found, region, as_of), taking_part))
        for schedule in schedules:
            found_rules.update(
                {r.id: r.title for r in local_plan(catalog, found.id, schedule.id, codes, mine).at(day)[1]}
            )
    for start, end, info, _ in _local_spans(catalog, as_of, found.id):
        if start <= day <= end:
            for r in local_plan(catalog, found.id, info.id, codes, False).at(day)[1]:
                if r.territory == "everywhere":
                    found_rules.setdefault(r.id, r.title)
    return found_rules


def _afar_days(
    catalog: Catalog, election_id: str, as_of: date | None, codes: frozenset[str]
) -> tuple[tuple[date, date], ...]:
    """The spans of ``Timeline.afar``, joined where they overlap or touch (a handful)."""
    return _afar_days_of(catalog, election_id, as_of, shared_codes(catalog, codes))


@lru_cache(maxsize=256)
def _afar_days_of(
    catalog: Catalog, election_id: str, as_of: date | None, codes: frozenset[str]
) -> tuple[tuple[date, date], ...]:
    table = _afar_table(catalog, election_id, as_of, codes)
    joined: list[tuple[date, date]] = []
    for span in sorted(table.spans, key=lambda s: s.start) if table is not None else ():
        if joined and span.start <= joined[-1][1] + ONE_DAY:
            joined[-1] = (joined[-1][0], max(joined[-1][1], span.end))
        else:
            joined.append((span.start, span.end))
    return tuple(joined)


def _plain_days(catalog: Catalog, found: Election, day: date, as_of: date | None, region: Region | None) -> bool:
    """Whether no local schedule touches the days around ``day`` (from the day before to the one after
    the horizon): neither one ``region`` follows nor one elsewhere whose national rules bind it (the
    spans of ``Timeline.afar``). The web component decides the same from the same spans."""
    lo, hi = day - ONE_DAY if day > date.min else day, min(date.max - day, ONE_DAY * (HORIZON_DAYS + 1)) + day
    if any(start <= hi and lo <= end for start, end in _afar_days(catalog, found.id, as_of, local_codes(region))):
        return False
    if region is None:
        return True
    return not any(
        start <= hi and lo <= end and (schedule.covers(region.code, region.province) or _inside(region, schedule))
        for start, end, schedule in _followed(catalog, found.id, as_of)
    )


def _changes(
    catalog: Catalog,
    found: Election,
    revision_id: str,
    day: date,
    as_of: date | None,
    region: Region | None,
    taking_part: ParticipationInfo | None,
    phases: tuple[Change, ...],
) -> tuple[Change, ...]:
    """What changes in the next ``HORIZON_DAYS`` days: ``phases``' starts and ends, and the rules the
    answer lists starting or ending, from its own rule set day by day (a rule that carries on through
    another schedule, a re-vote elsewhere or another election is not said to end)."""
    if _plain_days(catalog, found, day, as_of, region):
        return phases  # one schedule alone: its own events say it (and cost one look-up)
    first = -1 if day > date.min else 0  # the day before, and the one after the horizon, where they exist
    last = min(HORIZON_DAYS + 1, (date.max - day).days)
    held = {n: _rules_on(catalog, found, revision_id, day + ONE_DAY * n, as_of, region, taking_part)
            for n in range(first, last + 1)}  # fmt: skip
    found_changes = [c for c in phases if c.change.startswith("phase_")]
    for n in range(0, min(HORIZON_DAYS, last) + 1):
        d, now, before, after = day + ONE_DAY * n, held[n], held.get(n - 1, held[n]), held.get(n + 1, held[n])
        found_changes += [Change(d, n, "rule_start", i, now[i]) for i in now if i not in before]
        found_changes += [Change(d, n, "rule_end", i, now[i]) for i in now if i not in after]
    return tuple(sorted(found_changes, key=lambda c: (c.date, CHANGE_ORDER[c.change], c.id)))


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
    chosen = local_for(catalog, found, region, day, as_of) if region is not None else None
    if region is not None and chosen is not None:
        schedules, itself = chosen
        if not itself:
            codes = in_area_codes(found, region, as_of)
            taking_part = local_in_area(catalog, found, region, codes, taking_part)
        plans = [
            (
                schedule,
                local_plan(catalog, found.id, schedule.id, local_codes(region), own_race(taking_part) and itself),
            )
            for schedule in schedules
        ]
        by_id = {r.id: r for r in rules}
        local_phases: list[tuple[PhaseSpan, str]] = []
        local_changes: list[tuple[Change, str]] = []
        for schedule, lp in plans:
            local_running, local_rules = lp.at(day)
            by_id.update({r.id: r for r in local_rules})  # on its own schedule, its own window and note
            here = [c for c in schedule.regions if itself or c.startswith(region.code + ".")]  # a province: its area's
            names = ", ".join(r.full_name for c in here if (r := catalog.regions.get(c)) is not None)
            local_phases += [(span, names) for span in local_running]
            local_changes += [(change, names) for change in lp.upcoming(day, HORIZON_DAYS)]
        voting = sorted(lp.voting_day for _, lp in plans)
        voting_day = next((v for v in voting if v >= day), voting[-1])
        return ElectionSituation(
            id=found.id,
            kind=found.kind,
            name=found.name,
            revision=plans[0][1].revision,
            in_progress=True,
            phases=tuple(
                PhaseNow(s, (day - s.start).days + 1, (s.end - day).days)
                for s in _joined(local_phases, len(plans), lambda s: (s.start, -s.days, s.key, s.end))
            ),
            rule_ids=tuple(by_id),
            upcoming=_changes(
                catalog,
                found,
                p.revision.id,
                day,
                as_of,
                region,
                participation(catalog, found, region),
                _joined(local_changes, len(plans), lambda c: (c.date, CHANGE_ORDER[c.change], c.id)),
            ),
            countdown=Countdown(voting_day, (voting_day - day).days),
            participation=taking_part,
            local=local_info(catalog, found, schedules[0]),
        ), tuple(by_id.values())
    phases = tuple(PhaseNow(s, (day - s.start).days + 1, (s.end - day).days) for s in running)
    es = ElectionSituation(
        id=found.id,
        kind=found.kind,
        name=found.name,
        revision=p.revision,
        in_progress=p.stages.start <= day <= p.stages.end,
        phases=phases,
        rule_ids=tuple(r.id for r in rules),
        upcoming=_changes(
            catalog, found, p.revision.id, day, as_of, region, taking_part, p.upcoming(day, HORIZON_DAYS)
        ),
        countdown=Countdown(p.voting_day, (p.voting_day - day).days),
        participation=taking_part,
    )
    return es, rules


# Merged rule lists, keyed by the identity of the plans' rule tuples they came from (kept alive
# here, so an identity is never reused): each distinct overlap is merged once per process.
_MERGED: dict[tuple[int, ...], tuple[tuple[tuple[RuleInForce, ...], ...], tuple[RuleInForce, ...]]] = {}


def merge(found: list[tuple[ElectionSituation, tuple[RuleInForce, ...]]]) -> tuple[RuleInForce, ...]:
    """Each rule once, listing the elections it applies through (with its window on each), the
    citations of every one of them (each once), and verified only when every one of them is."""
    if len(found) == 1:
        return found[0][1]  # each rule already says it applies through this election
    parts = tuple(rules for _, rules in found)
    key = tuple(map(id, parts))
    known = _MERGED.get(key)
    if known is not None and all(a is b for a, b in zip(known[0], parts, strict=True)):
        return known[1]
    by_id: dict[str, list[RuleInForce]] = {}
    for rules in parts:
        for rule in rules:
            by_id.setdefault(rule.id, []).append(rule)
    merged = []
    for items in by_id.values():
        if len(items) == 1:
            merged.append(items[0])
            continue
        basis = tuple({(c.instrument, c.locator): c for r in items for c in r.basis}.values())
        through = tuple(t for r in items for t in r.applies_through)
        verified = all(r.verified for r in items)  # unverified if any window shown rests on unverified dates
        note = join_notes(r.interpretation for r in items)
        merged.append(replace(items[0], basis=basis, verified=verified, interpretation=note, applies_through=through))
    if len(_MERGED) < 4096:
        _MERGED[key] = (parts, tuple(merged))
    return tuple(merged)


@lru_cache(maxsize=64)
def _channels(catalog: Catalog) -> tuple[tuple[date, date, ReportingInfo], ...]:
    """Each reporting body with the span it takes reports: open on its own dates and while its
    legal source is in force (built once per catalog)."""
    found = []
    for c in catalog.reporting.values():
        inst = catalog.instruments.get(c.source.instrument or "")
        start = max(c.start or date.min, inst.in_force_from if inst else date.min)
        end = min(c.end or date.max, (inst.in_force_until or date.max) if inst else date.max)
        info = ReportingInfo(c.id, c.name, c.handles, c.start, c.end, cite_source(catalog, c.source), c.url, c.note)
        found.append((start, end, info))
    return tuple(found)


def reporting(catalog: Catalog, day: date) -> tuple[ReportingInfo, ...]:
    """The bodies that take reports of violations on ``day`` (KASN until Aug 2024, BKN after; Bawaslu):
    each open on that day and resting on an instrument in force that day."""
    return tuple(info for start, end, info in _channels(catalog) if start <= day <= end)


@lru_cache(maxsize=64)
def coverage(catalog: Catalog) -> Coverage:
    """From the first day of the earliest tahapan to the last day of the latest, in any revision."""
    stages = [r.stages for e in catalog.elections.values() for r in e.revisions]
    stages += [s.stages for e in catalog.elections.values() for s in e.local]
    return Coverage(min(s.start for s in stages), max(s.end for s in stages))


def _others_running(
    catalog: Catalog, day: date, as_of: date | None, election_id: str, region: Region | None
) -> list[Text]:
    """The names of the other elections in progress on ``day`` (nationally, or voting again there)."""
    found = []
    for e in catalog.elections.values():
        if e.id == election_id or e.revision_as_of(as_of) is None:
            continue
        es, _ = situation_for(catalog, e, day, as_of, region)
        if es.in_progress or locals_in_progress(catalog, day, as_of, e.id):
            found.append(e.name)
    return found


def _ends(rule: RuleInForce) -> date:
    return rule.window.end or date.max


def _bound_from_afar(
    catalog: Catalog,
    day: date,
    as_of: date | None,
    region: Region | None,
    voting_again: tuple[LocalInfo, ...],
    found: list[tuple[ElectionSituation, tuple[RuleInForce, ...]]],
) -> list[tuple[ElectionSituation, tuple[RuleInForce, ...]]]:
    """``found`` with, for each election voting again elsewhere on ``day`` (a re-vote), the national
    rules in force through those local schedules: they bind every ASN wherever they serve and
    wherever the candidate runs (DESIGN "Where a rule binds"); rules tied to the regions holding the
    vote stay with them. An election already answered (the region's own schedule) keeps its own
    version of a rule and gains only the ones it lacks; another is added, not in progress here."""
    shown = {es.id: index for index, (es, _) in enumerate(found)}
    result = list(found)
    for election_id in dict.fromkeys(info.election for info in voting_again):
        e = catalog.elections[election_id]
        rules: dict[str, RuleInForce] = {}
        for info in (i for i in voting_again if i.election == election_id):
            lp = local_plan(catalog, election_id, info.id, local_codes(region), False)
            for r in lp.at(day)[1]:  # each rule's version with the latest end: shown with its window
                if r.territory == "everywhere" and (r.id not in rules or _ends(r) >= _ends(rules[r.id])):
                    rules[r.id] = r
        if not rules:
            continue
        if election_id in shown:
            es, own = result[shown[election_id]]
            extra = tuple(r for r in rules.values() if r.id not in set(es.rule_ids))
            if extra:
                result[shown[election_id]] = (
                    replace(es, rule_ids=es.rule_ids + tuple(r.id for r in extra)),
                    own + extra,
                )
            continue
        es, _ = situation_for(catalog, e, day, as_of, region)
        result.append((replace(es, rule_ids=tuple(rules)), tuple(rules.values())))
    return result


def _carried_on(
    catalog: Catalog,
    as_of: date | None,
    region: Region | None,
    found: list[tuple[ElectionSituation, tuple[RuleInForce, ...]]],
) -> list[tuple[ElectionSituation, tuple[RuleInForce, ...]]]:
    """With several elections in one answer (Pemilu and Pilkada 2024), a rule one of them says ends
    (or starts) while another carries it on the next (or had it the previous) day is not said to: the
    merged answer lists it once, in force through both (20 Oct 2024: Pemilu's stages end, Pilkada's go on)."""

    def held(election_id: str, day: date) -> dict[str, Text]:
        e = catalog.elections[election_id]
        return _rules_on(
            catalog, e, revision(catalog, e, as_of).id, day, as_of, region, participation(catalog, e, region)
        )

    result = []
    for es, rules in found:
        others = [other.id for other, _ in found if other.id != es.id]
        kept = tuple(
            c
            for c in es.upcoming
            if not (c.change == "rule_end" and any(c.id in held(o, c.date + ONE_DAY) for o in others))
            and not (c.change == "rule_start" and any(c.id in held(o, c.date - ONE_DAY) for o in others))
        )
        result.append((replace(es, upcoming=kept) if kept != es.upcoming else es, rules))
    return result


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
        known = [e for e in catalog.elections.values() if e.revision_as_of(as_of) is not None]
        if not known and catalog.elections:  # no schedule at all was known then: say so, as one election does
            revision(catalog, min(catalog.elections.values(), key=lambda e: e.revisions[0].enacted), as_of)
        found = [
            pair for e in known for pair in (situation_for(catalog, e, day, as_of, region),) if pair[0].in_progress
        ]
    span = coverage(catalog)
    covered = span.start <= day <= span.end
    local = local_codes(region)
    voting_again = locals_in_progress(catalog, day, as_of, election_id)
    own = {es.id: len(es.rule_ids) for es, _ in found if es.in_progress}
    found = _bound_from_afar(catalog, day, as_of, region, voting_again, found)
    gained = any(len(es.rule_ids) > own[es.id] for es, _ in found if es.id in own)  # rules from regions elsewhere
    if len(found) > 1:
        found = _carried_on(catalog, as_of, region, found)
    if found:
        rules = merge(found)
    else:
        rules = tuple(seg.rule for seg in always_segments(catalog, local) if seg.start <= day <= seg.end)
    message = None
    ahead = () if any(es.in_progress for es, _ in found) or voting_again else announced(catalog, day)
    if not covered:
        words = BEFORE if day < span.start else AFTER if ahead else BEYOND
        held = sorted(catalog.elections.values(), key=lambda e: (e.revisions[-1].stages.start, e.id))
        message = Text(
            *(
                say(
                    words,
                    g,
                    start=short_date(span.start, g),
                    end=short_date(span.end, g),
                    elections=", ".join(e.name.get(g) for e in held),
                )
                for g in LANGS
            )
        )
    elif not found or (election_id is None and not any(es.in_progress for es, _ in found)):
        message = local_message(voting_again) if voting_again else text(NO_ELECTION)
    elif election_id is not None and (others := _others_running(catalog, day, as_of, election_id, region)):
        message = Text(*(say(ALSO_RUNNING, g, names=", ".join(n.get(g) for n in others)) for g in LANGS))
    elif election_id is not None and voting_again and not found[0][0].in_progress:
        message = local_message(voting_again)  # the election asked runs only in regions voting again
    elif gained:
        message = local_message(voting_again)  # in progress here while others vote again: their rules bind too
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
        local=voting_again,
        announced=ahead,
        areas=areas(catalog, rules),
    )


@lru_cache(maxsize=64)
def _area_infos(catalog: Catalog) -> tuple[AreaInfo, ...]:
    return tuple(AreaInfo(a.id, a.name) for a in catalog.areas.values())


def areas(catalog: Catalog, rules: tuple[RuleInForce, ...]) -> tuple[AreaInfo, ...]:
    """The named areas of ``rules``' tags (activities.toml), in the vocabulary's order."""
    used = {tag for rule in rules for tag in rule.tags}
    return tuple(a for a in _area_infos(catalog) if a.id in used)


def _local_phases(
    catalog: Catalog, found: Election, as_of: date | None, region: Region
) -> tuple[tuple[LocalInfo, ...], tuple[PhaseSpan, ...]]:
    """The local schedules ``region`` follows (or that regions in its area follow), and their phases,
    keyed ``local.<id>.<key>`` and named with the schedule's name."""
    infos: list[LocalInfo] = []
    spans: list[PhaseSpan] = []
    for schedule in found.local_as_of(as_of):
        if not (schedule.covers(region.code, region.province) or _inside(region, schedule)):
            continue
        infos.append(local_info(catalog, found, schedule))
        for span in local_plan(catalog, found.id, schedule.id).phases:
            name = Text(f"{span.name.id}: {schedule.name.id}", f"{span.name.en}: {schedule.name.en}")
            spans.append(replace(span, key=f"local.{schedule.id}.{span.key}", name=name))
    return tuple(infos), tuple(spans)


def schedule_days(
    p: Plan, schedule_id: str, local: bool, itself: bool = True, taking_part: ParticipationInfo | None = None
) -> ScheduleDays:
    """A plan as a day-independent answer: what ``situation_for`` looks up for any day."""
    rules = tuple(
        DatedRule(None if s.start == date.min else s.start, None if s.end == date.max else s.end, s.rule)
        for s in p.segments
    )
    changes = tuple(DatedChange(e.date, e.change, e.id, e.name) for e in p.events)
    return ScheduleDays(
        schedule_id, local, p.stages.start, p.stages.end, p.voting_day, p.phases, rules, changes, itself, taking_part
    )


def _schedules(
    catalog: Catalog, found: Election, chosen: Revision, as_of: date | None, region: Region | None
) -> tuple[ScheduleDays, ...]:
    """The main schedule and the local ones ``region`` follows, with its circulars and every rule
    (those bound to the regions holding the election are named by ``held_only``)."""
    codes = local_codes(region)
    main = schedule_days(plan(catalog, found.id, chosen.id, codes), chosen.id, False)
    if region is None:
        return (main,)
    found_local = []
    taking_part = participation(catalog, found, region)
    in_area = in_area_codes(found, region, as_of)
    for schedule in found.local_as_of(as_of):
        itself = schedule.covers(region.code, region.province)
        if not (itself or _inside(region, schedule)):
            continue
        own = None if itself else local_in_area(catalog, found, region, in_area, taking_part)
        lp = local_plan(catalog, found.id, schedule.id, codes)
        days = schedule_days(lp, schedule.id, True, itself, own)
        start, end = follow_span(catalog, found.id, schedule.id, as_of)
        found_local.append(replace(days, start=start, end=end))
    return (main, *found_local)


def timeline(catalog: Catalog, election_id: str, as_of: date | None = None, region: Region | None = None) -> Timeline:
    """One election's phases and every rule window on its schedule, each with the bases in force
    over the part of its window that falls within the election's tahapan. With ``region``, the
    phases of the local schedules it follows come after the election's own (rule windows stay the
    main schedule's: a region's rules on a local schedule are answered by ``situation``)."""
    found = election(catalog, election_id)
    chosen = revision(catalog, found, as_of)
    p = plan(catalog, found.id, chosen.id)
    infos, extra = _local_phases(catalog, found, as_of, region) if region is not None else ((), ())
    lo, hi = p.stages.start, p.stages.end
    spans = []
    for stretch in stretches(p.segments):
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
        phases=p.phases + extra,
        rules=tuple(spans),
        data_version=catalog.content_hash[:16],
        local=infos,
        schedules=_schedules(catalog, found, chosen, as_of, region),
        held_only=_held_only(catalog),
        participation_source=cite_source(catalog, found.participation.source),
        local_messages=_local_messages(catalog, found.id, as_of),
        afar=_afar(catalog, found.id, as_of, local_codes(region)),
        reporting=tuple(
            ReportingSpan(None if a == date.min else a, None if b == date.max else b, info)
            for a, b, info in _channels(catalog)
        ),
        areas=_area_infos(catalog),
    )


@lru_cache(maxsize=64)
def _local_messages(catalog: Catalog, election_id: str, as_of: date | None) -> tuple[DatedMessage, ...]:
    """The national situation's message, run by run, on the days the election runs only in regions
    voting again: what the widget says then, for a client that answers the day itself."""
    spans = _local_spans(catalog, as_of, election_id)
    if not spans:
        return ()
    found: list[DatedMessage] = []
    day, last = min(s[0] for s in spans), max(s[1] for s in spans)
    while day <= last:
        said = situation(catalog, day, election_id, as_of)
        if said.message is not None and said.local and not said.elections[0].in_progress:
            if found and found[-1].message == said.message and found[-1].end + ONE_DAY == day:
                found[-1] = DatedMessage(found[-1].start, day, said.message)
            else:
                found.append(DatedMessage(day, day, said.message))
        day += ONE_DAY
    return tuple(found)


def _plain(value: object) -> Hashable:
    """``value`` as nested tuples, equal where the values are equal (records are not hashable)."""
    if isinstance(value, Record):
        return (type(value), *map(_plain, value._values()))
    if isinstance(value, tuple):
        return tuple(map(_plain, value))
    return value  # str, int, bool, date, Text, None: hashable


class _Interned(Generic[V]):
    """Values stored once, by value (records are equal by value but not hashable: keyed on their
    plain form, after a look-up by identity, since plans share most of their parts)."""

    def __init__(self, key: Callable[[V], Hashable] = _plain) -> None:
        self.key = key
        self.index: dict[Hashable, int] = {}
        self.seen: dict[int, int] = {}
        self.kept: list[object] = []  # what ``seen`` keys on, kept alive so that no id is reused
        self.values: list[V] = []

    def __call__(self, value: V, source: object = None) -> int:
        """The index of ``value``; ``source``: an object it was built from (by identity), if not itself."""
        origin = value if source is None else source
        found = self.seen.get(id(origin))
        if found is not None:
            return found
        key = self.key(value)
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.values)
            self.values.append(value)
        self.seen[id(origin)] = found
        self.kept.append(origin)
        return found


def _afar(catalog: Catalog, election_id: str, as_of: date | None, codes: frozenset[str]) -> AfarTable | None:
    """What ``_bound_from_afar`` looks up for any day, day-independent: each local schedule's national
    rules (its plan's segments, in order) on the days regions follow it, schedules by voting day.
    Built once per set of regional instruments that join in (most regions: none)."""
    return _afar_table(catalog, election_id, as_of, shared_codes(catalog, codes))


@lru_cache(maxsize=256)
def _afar_table(catalog: Catalog, election_id: str, as_of: date | None, codes: frozenset[str]) -> AfarTable | None:
    spans: list[AfarSpan] = []
    rules, citations = _Interned[CompactRule](), _Interned[Citation]()
    notes, sanctions = _Interned[Text](), _Interned[SanctionInfo]()
    for start, end, info, _ in _local_spans(catalog, as_of, election_id):
        for seg in local_plan(catalog, election_id, info.id, codes, False).segments:
            first, last = max(seg.start, start), min(seg.end, end)
            if seg.rule.territory != "everywhere" or first > last:
                continue
            r = seg.rule
            known = rules.seen.get(id(r))
            if known is None:
                compact = CompactRule(
                    r.id, r.kind, r.title, r.summary, r.binds, r.tags, r.window, tuple(map(citations, r.basis)),
                    r.verified, None if r.interpretation is None else notes(r.interpretation),
                    None if r.sanction is None else sanctions(r.sanction), r.territory, r.applies_through,
                )  # fmt: skip
                known = rules(compact, r)
            spans.append(AfarSpan(first, last, known))
    if not spans:
        return None
    return AfarTable(
        tuple(spans), tuple(rules.values), tuple(citations.values), tuple(notes.values), tuple(sanctions.values)
    )


@lru_cache(maxsize=64)
def _held_only(catalog: Catalog) -> tuple[str, ...]:
    return tuple(r.id for r in catalog.rules.values() if territory_of(catalog, r) == "election_regions")
