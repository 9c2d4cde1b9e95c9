"""The one structure every surface renders: the situation on a date, and an election's timeline."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from neutral_timeline.record import Record, record
from neutral_timeline.text import Text

Race = Literal["national", "governor", "regency", "in_area"]
Territory = Literal["everywhere", "election_regions", "region"]
ParticipationStatus = Literal["takes_part", "races_in_area", "not_taking_part", "unknown"]
ChangeKind = Literal["phase_start", "phase_end", "rule_start", "rule_end"]


@record
class Citation(Record):
    """A place in a legal instrument, with the pages that report it."""

    instrument: str | None
    short: str | None  # "PP 94/2021"
    title: Text | None
    locator: Text  # "Pasal 5 huruf n" in both languages; the words of a generated one are translated
    verified: bool
    urls: tuple[str, ...] = ()
    quote: str | None = None
    note: Text | None = None
    in_force_from: dt.date | None = None
    in_force_until: dt.date | None = None
    region: str | None = None  # a regional instrument binds only this region (Kemendagri code)


@record
class RevisionInfo(Record):
    """The schedule revision an answer used, and whether it is the latest."""

    id: str
    instrument: Citation
    enacted: dt.date
    latest: bool
    note: Text | None = None


@record
class PhaseSpan(Record):
    """A phase of the schedule with its inclusive dates and source."""

    key: str
    name: Text
    start: dt.date
    end: dt.date
    days: int
    source: Citation


@record
class PhaseNow(Record):
    """A phase that contains the date asked: day N of M, days left after today."""

    phase: PhaseSpan
    day: int
    days_left: int


@record
class WindowInfo(Record):
    """A rule's window on this schedule and the anchors that open and close it."""

    start: dt.date | None  # None: open
    end: dt.date | None
    opened_by: str | None  # "candidate_determination.start-P6M", "2020-09-10", None
    closed_by: str | None
    opened_by_text: Text | None = None
    closed_by_text: Text | None = None


@record
class SanctionInfo(Record):
    """A rule's sanction with its source."""

    text: Text
    source: Citation


@record
class RuleThrough(Record):
    """One election through which a rule applies on the date asked, with the rule's window on it."""

    election: str
    window: WindowInfo


@record
class RuleInForce(Record):
    """A rule as it stands on one day: its window and the basis in force that day.

    ``verified``: at least one basis in force that day is verified, and so is every date its
    window depends on. ``territory`` says where it binds: every ASN wherever they serve
    (``everywhere``), only in the regions that hold the election, or one region (a circular).
    In a merged answer, ``applies_through`` lists every election through which it applies,
    with its window on each; ``window`` is the first of them.
    """

    id: str
    kind: Literal["prohibition", "obligation"]
    title: Text
    summary: Text
    binds: tuple[str, ...]
    tags: tuple[str, ...]
    window: WindowInfo
    basis: tuple[Citation, ...]
    verified: bool  # every basis and every date it depends on is verified
    interpretation: Text | None = None
    sanction: SanctionInfo | None = None
    territory: Territory = "everywhere"
    applies_through: tuple[RuleThrough, ...] = ()


@record
class Change(Record):
    """Something that starts or ends on ``date`` (ends are the last day in force)."""

    date: dt.date
    in_days: int
    change: ChangeKind
    id: str
    name: Text


@record
class Countdown(Record):
    """Days to voting day from the date asked."""

    voting_day: dt.date
    days: int  # days until voting day; 0 on the day; negative after it


@record
class RegionInfo(Record):
    """The region asked about, and the time zone that decided which day "today" is."""

    code: str
    name: str
    type: str
    province: str
    province_name: str
    zone: str


@record
class Bilingual(Record):
    """A text in both languages, in an answer that is not in one language (a region's)."""

    id: str
    en: str


@record
class RegionParticipation(Record):
    """Whether a region takes part in one election on its main schedule (``ParticipationInfo``),
    with its note in both languages."""

    election: str
    status: ParticipationStatus
    races: tuple[Race, ...]
    note: Bilingual  # its source is the election timeline's ``participation_source``


@record
class RegionDetail(RegionInfo):
    """One region (``/api/v1/regions/{code}``): its time zone, and whether it takes part in each
    election; what a client needs, with an election's timeline, to answer any day for this region."""

    participation: tuple[RegionParticipation, ...] = ()


@record
class ParticipationInfo(Record):
    """Whether the region asked about takes part in this election, and through which races."""

    status: ParticipationStatus  # races_in_area: a province with no race of its own whose regencies vote
    races: tuple[Race, ...]
    note: Text
    source: Citation


@record
class LocalRegion(Record):
    """A region named by a local schedule."""

    code: str
    name: str


@record
class LocalInfo(Record):
    """A later schedule of an election for named regions (a re-vote or a re-election): when it runs,
    its voting day, the source that set it, and why the election's rules extend to it."""

    election: str
    election_name: Text
    id: str
    kind: Literal["revote", "reelection"]
    name: Text
    regions: tuple[LocalRegion, ...]
    start: dt.date
    end: dt.date
    voting_day: dt.date
    source: Citation
    interpretation: Text
    note: Text | None = None


@record
class LocalNow(LocalInfo):
    """A local schedule as a situation lists it: what runs there on the date asked (its phases,
    day N of M, the whole stages left out), or, on a day between two of its phases, the next one."""

    phases: tuple[PhaseNow, ...] = ()
    next: PhaseSpan | None = None


@record
class FactInfo(Record):
    """One thing known about an announced election, with its source."""

    text: Text
    source: Citation


@record
class AnnouncedInfo(Record):
    """An election announced ahead, with no schedule: only what a law or ruling fixes, never a date
    that none has set."""

    id: str
    kind: str
    name: Text
    announced: dt.date  # the day it became known
    source: Citation
    facts: tuple[FactInfo, ...]
    after: str | None = None
    note: Text | None = None
    status: Literal["announced"] = "announced"  # tells it from an ElectionSummary in the elections list


@record
class ElectionSituation(Record):
    """One election on the date asked: phases, rules in force, changes ahead, countdown."""

    id: str
    kind: str
    name: Text
    revision: RevisionInfo
    in_progress: bool  # the date lies within the stages phase
    phases: tuple[PhaseNow, ...]
    rule_ids: tuple[str, ...]  # the rules in force through this election (Situation.rules has them)
    upcoming: tuple[Change, ...]
    countdown: Countdown
    participation: ParticipationInfo | None = None  # None when no region was asked about
    local: LocalInfo | None = None  # the local schedule the region asked about follows on this date

    @property
    def own_schedule(self) -> LocalInfo | None:
        """The local schedule the region asked about votes on itself; None for a province whose
        regencies or cities do (its participation note names them)."""
        in_area = self.participation is not None and self.participation.status == "races_in_area"
        return None if in_area else self.local


@record
class ReportingInfo(Record):
    """Where a violation is reported on the date asked: the body, what it handles, its source."""

    id: str
    name: Text
    handles: tuple[Literal["election_offences", "asn_neutrality"], ...]
    start: dt.date | None
    end: dt.date | None
    source: Citation
    url: str | None = None
    note: Text | None = None


@record
class AreaInfo(Record):
    """An activity area (a rule tag) and its names, for views that group rules by area."""

    id: str
    name: Text


@record
class AreaWords(Record):
    """An activity area (a rule tag): its names and the words users give for it (``medsos``)."""

    id: str
    name: Text
    words: tuple[str, ...]


@record
class ActivityInfo(Record):
    """An everyday activity of the check's vocabulary: its names, words, area and the rules that prohibit it;
    ``note`` (with its ``source``) says what the rules held here do not (that voting is a right, whom to ask)."""

    id: str
    name: Text
    area: str
    words: tuple[str, ...]
    rules: tuple[str, ...]
    note: Text | None = None
    source: Citation | None = None


@record
class Vocabulary(Record):
    """The activity check's vocabulary (calendars/activities.toml)."""

    areas: tuple[AreaWords, ...]
    activities: tuple[ActivityInfo, ...]


@record
class Coverage(Record):
    """The span of time the catalog's elections cover: the first day of the earliest tahapan to
    the last day of the latest. Outside it the tool knows no election, so it never says that
    none is in progress."""

    start: dt.date
    end: dt.date


@record
class Situation(Record):
    """What applies on ``date``: every election asked about, or all those in progress.

    ``rules`` holds each rule in force once, merged across the elections (each rule lists the
    elections it applies through); with no election, the rules that apply at all times.
    """

    date: dt.date
    zone: str
    as_of: dt.date | None
    elections: tuple[ElectionSituation, ...]
    rules: tuple[RuleInForce, ...]
    covered: bool  # the date lies within the catalog's coverage
    coverage: Coverage
    reporting: tuple[ReportingInfo, ...] = ()  # where to report a violation on this date
    message: Text | None = None
    data_version: str = ""
    region: RegionInfo | None = None
    local: tuple[LocalNow, ...] = ()  # the local schedules running on this date, and what runs in each
    announced: tuple[AnnouncedInfo, ...] = ()  # with no election in progress: what comes next, no dates
    areas: tuple[AreaInfo, ...] = ()  # the areas of the rules listed, in the vocabulary's order


@record
class BasisSpan(Record):
    """The legal basis in force over one stretch of a rule's window (inclusive days)."""

    start: dt.date
    end: dt.date
    basis: tuple[Citation, ...]


@record
class RuleSpan(Record):
    """One rule over one contiguous stretch of an election's timeline.

    ``rule`` stands as on the first day of the stretch within the election's tahapan; ``bases``
    gives each basis over the stretch (more than one where an instrument was replaced).
    """

    rule: RuleInForce
    start: dt.date | None
    end: dt.date | None
    bases: tuple[BasisSpan, ...] = ()


@record
class DatedRule(Record):
    """``rule`` is in force, with the same basis, from ``start`` to ``end`` inclusive (None: open)."""

    start: dt.date | None
    end: dt.date | None
    rule: RuleInForce


@record
class DatedChange(Record):
    """A start or end on a schedule (ends are the last day in force); ``Change`` without the day asked."""

    date: dt.date
    change: ChangeKind
    id: str
    name: Text


@record
class ScheduleDays(Record):
    """One schedule of an election (its main one, or a local one a region follows) with everything
    that answers any day on it: phases, rules by stretch of constant basis, dated changes. The
    answer for a day is a lookup: the phases and rules containing it, the changes in the next 14
    days, the days to ``voting_day``. Rules whose id is in ``Timeline.held_only`` bind only where
    the election is held: a region with no race of its own (or ``itself`` False) leaves them out,
    with their changes."""

    id: str  # the revision's id, or the local schedule's
    local: bool
    start: dt.date  # the stages: on a local schedule, the region follows it from start to end
    end: dt.date
    voting_day: dt.date
    phases: tuple[PhaseSpan, ...]
    rules: tuple[DatedRule, ...]
    changes: tuple[DatedChange, ...]
    itself: bool = True  # on a local schedule: the region votes in it (False: regions in its area do)
    participation: ParticipationInfo | None = None  # on a local schedule, when it differs from the main one


@record
class CompactRule(Record):
    """A ``RuleInForce`` with its largest parts as indexes into an ``AfarTable``: ``basis`` into its
    citations, ``interpretation`` into its notes, ``sanction`` into its sanctions. The other fields,
    and their order, are RuleInForce's."""

    id: str
    kind: Literal["prohibition", "obligation"]
    title: Text
    summary: Text
    binds: tuple[str, ...]
    tags: tuple[str, ...]
    window: WindowInfo
    basis: tuple[int, ...]
    verified: bool
    interpretation: int | None
    sanction: int | None
    territory: Territory
    applies_through: tuple[RuleThrough, ...]


@record
class AfarSpan(Record):
    """Rule ``rule`` (an index into ``AfarTable.rules``) is in force from ``start`` to ``end`` inclusive."""

    start: dt.date
    end: dt.date
    rule: int


@record
class AfarTable(Record):
    """The national rules in force through every local schedule of an election on the days regions
    follow it (schedules by voting day, each plan's segments in order), day-independent: what
    ``situation`` adds from re-votes elsewhere, for a client that answers a day itself. On a day, the
    spans holding it give each rule id once (the last span's version) after the rules already in force
    there. Shared parts are stored once (a timeline would otherwise carry megabytes of citations)."""

    spans: tuple[AfarSpan, ...]
    rules: tuple[CompactRule, ...]
    citations: tuple[Citation, ...]
    notes: tuple[Text, ...]
    sanctions: tuple[SanctionInfo, ...]


@record
class DatedMessage(Record):
    """What an answer says from ``start`` to ``end`` inclusive (the same words each of those days)."""

    start: dt.date
    end: dt.date
    message: Text


@record
class ReportingSpan(Record):
    """A reporting body and the days it takes reports (its own dates, while its source is in force)."""

    start: dt.date | None
    end: dt.date | None
    body: ReportingInfo


@record
class Timeline(Record):
    """One election's whole schedule (one revision) and every rule window on it."""

    id: str
    kind: str
    name: Text
    revision: RevisionInfo
    revisions: tuple[RevisionInfo, ...]
    phases: tuple[PhaseSpan, ...]
    rules: tuple[RuleSpan, ...]
    data_version: str = ""
    local: tuple[LocalInfo, ...] = ()  # with a region: the local schedules it follows (their phases are in phases)
    # Day-independent, for clients that answer a day themselves (the web component, from a static export):
    schedules: tuple[ScheduleDays, ...] = ()  # the main schedule, then the local ones of ``local``
    held_only: tuple[str, ...] = ()  # rules that bind only in the regions holding the election
    participation_source: Citation | None = None  # where the regions taking part are listed
    reporting: tuple[ReportingSpan, ...] = ()  # every reporting body with the days it is open
    areas: tuple[AreaInfo, ...] = ()  # every activity area (rule tag) with its name, in the vocabulary's order
    # the situation's message on days the election runs only in regions voting again (what runs where)
    local_messages: tuple[DatedMessage, ...] = ()
    # the national rules in force through every local schedule of the election, on the days regions
    # follow it: they bind every ASN wherever they serve (DESIGN "Where a rule binds")
    afar: AfarTable | None = None


@record
class ElectionSummary(Record):
    """An election in a list: voting day, stages and schedule revisions."""

    id: str
    kind: str
    name: Text
    voting_day: dt.date
    stages_start: dt.date
    stages_end: dt.date
    revision: RevisionInfo
    revisions: tuple[RevisionInfo, ...]
    local: tuple[LocalInfo, ...] = ()  # later schedules of named regions (re-votes, re-elections)
    status: Literal["scheduled"] = "scheduled"  # tells it from an announced election in the elections list


# The elections list: every election with a schedule (by voting day), then those announced with none.
ElectionListItem = ElectionSummary | AnnouncedInfo


@record
class RuleInfo(Record):
    """A rule as the data states it: every basis over time, its scope, the elections it governs."""

    id: str
    kind: Literal["prohibition", "obligation"]
    title: Text
    summary: Text
    binds: tuple[str, ...]
    tags: tuple[str, ...]
    always: bool
    windows: tuple[tuple[str | None, str | None], ...]  # (from, until) as written: "campaign.start", "-P6M", dates
    basis: tuple[Citation, ...]
    elections: tuple[str, ...]
    verified: bool
    interpretation: Text | None = None
    sanction: SanctionInfo | None = None
    areas: tuple[Text, ...] = ()  # its tags' names (activities.toml areas), in the tags' order; () without one
