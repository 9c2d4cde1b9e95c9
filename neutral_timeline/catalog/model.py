"""The immutable catalog: elections, schedule revisions, instruments and rules, as loaded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal

from neutral_timeline.record import Record, record

if TYPE_CHECKING:
    from neutral_timeline.catalog.regions import Regions
from neutral_timeline.text import Text

ElectionKind = Literal["pilkada", "pemilu"]

# The shared vocabulary (calendars/README.md): phase keys rules may anchor on, activity tags, whom rules bind.
STANDARD_PHASES = (
    "stages",
    "candidate_registration",
    "candidate_determination",
    "number_draw",
    "campaign",
    "quiet_period",
    "voting_day",
    "counting",
    "result_determination",
)
TAGS = (
    "social-media",
    "attendance",
    "photo",
    "facilities",
    "decisions",
    "party",
    "support-letter",
    "campaign",
    "candidacy",
    "promotion",
    "gifts",
    "appointments",
    "programmes",
    "voting",
)
# Where a rule binds (calendars/README.md, "Territory"): absent = everywhere.
TERRITORY_SCOPES = ("everywhere", "election_regions")
# What a reporting channel handles (calendars/README.md, "reporting/").
HANDLES = ("election_offences", "asn_neutrality")
BINDS = ("asn", "pns", "pppk", "kepala_desa", "perangkat_desa", "kepala_daerah", "pejabat", "tni", "polri")

Edge = Literal["start", "end"]


@record
class Source(Record):
    """Where a fact comes from: an instrument and a place in it, and pages that report it. A locator from the
    data is a citation, the same in both languages ("Pasal 5 huruf n"); one the loader writes is a ``Text``."""

    locator: str | Text
    verified: bool
    instrument: str | None = None
    urls: tuple[str, ...] = ()
    note: Text | None = None


@record
class Phase(Record):
    """A named span of a schedule; both ends inclusive local calendar days."""

    key: str
    name: Text
    start: date
    end: date
    source: Source

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


@record
class Anchor(Record):
    """One end of a rule window: a phase boundary plus an optional ISO 8601 offset."""

    phase: str
    edge: Edge
    offset: str | None = None  # e.g. "-P6M"

    def __str__(self) -> str:
        return f"{self.phase}.{self.edge}{self.offset or ''}"


@record
class WindowSpec(Record):
    """A window as the data states it; ``None`` on a side means open."""

    start: Anchor | date | None
    end: Anchor | date | None


@record
class Window(Record):
    """A window resolved against one schedule revision: concrete inclusive dates."""

    start: date | None
    end: date | None
    spec: WindowSpec
    start_label: Text | None = None  # "6 bulan sebelum awal penetapan pasangan calon"
    end_label: Text | None = None

    def contains(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@record
class Revision(Record):
    """The schedule of an election as one instrument set it."""

    id: str
    instrument: str
    enacted: date
    phases: Mapping[str, Phase]
    note: Text | None = None
    # rule id -> the rule's windows on this schedule (only rules that govern the election)
    windows: Mapping[str, tuple[Window, ...]] = field(default_factory=dict)

    @property
    def voting_day(self) -> Phase:
        return self.phases["voting_day"]

    @property
    def stages(self) -> Phase:
        return self.phases["stages"]


ParticipationStatus = Literal["takes_part", "not_taking_part", "unknown"]
# A later schedule some regions of an election follow (calendars/README.md, "Local schedules"):
# a re-vote (PSU) ordered by the Constitutional Court, or a re-election where the empty box won.
LocalKind = Literal["revote", "reelection"]
LOCAL_KINDS = ("revote", "reelection")


@record
class LocalSchedule(Record):
    """A later schedule of an election for named regions, each date sourced.

    ``schedule`` holds its phases (always with ``voting_day`` and ``stages``: given, or spanning its
    phases) and the rule windows resolved on them; a window anchored on a phase the local schedule
    lacks is left out (the rule does not apply through this schedule). A province code covers every
    regency and city in it (a governor race voting again).
    """

    id: str
    kind: LocalKind
    name: Text
    regions: tuple[str, ...]
    schedule: Revision
    interpretation: Text  # why the election's rules extend to this schedule, shown with each rule
    note: Text | None = None

    def covers(self, code: str, province: str) -> bool:
        return code in self.regions or province in self.regions

    @property
    def stages(self) -> Phase:
        return self.schedule.stages

    @property
    def voting_day(self) -> date:
        return self.schedule.voting_day.start


@record
class Participation(Record):
    """Which regions take part. ``None`` means every one (less the exceptions)."""

    provinces: frozenset[str] | None
    regencies: frozenset[str] | None
    except_provinces: frozenset[str]
    except_regencies: frozenset[str]
    complete: bool
    source: Source

    def races(self, province: str, regency: str | None) -> tuple[Literal["governor", "regency"], ...]:
        """The races a region votes in: its province's governor race, its own regency/city race."""
        races: list[Literal["governor", "regency"]] = []
        if province not in self.except_provinces and (self.provinces is None or province in self.provinces):
            races.append("governor")
        own = regency is not None and regency not in self.except_regencies
        if own and (self.regencies is None or regency in self.regencies):
            races.append("regency")
        return tuple(races)

    def status(self, province: str, regency: str | None) -> ParticipationStatus:
        if self.races(province, regency):
            return "takes_part"
        return "not_taking_part" if self.complete else "unknown"


@record
class Election(Record):
    """An election: its kind, names, schedule revisions and which regions take part."""

    id: str
    kind: ElectionKind
    name: Text
    revisions: tuple[Revision, ...]  # ordered by enactment date
    participation: Participation
    local: tuple[LocalSchedule, ...] = ()  # later schedules of named regions, by voting day

    @property
    def latest(self) -> Revision:
        return self.revisions[-1]

    def local_as_of(self, as_of: date | None) -> tuple[LocalSchedule, ...]:
        """The local schedules known on ``as_of`` (all of them without it)."""
        return tuple(s for s in self.local if as_of is None or s.schedule.enacted <= as_of)

    def revision_as_of(self, as_of: date | None) -> Revision | None:
        """The schedule known on ``as_of`` (latest enacted on or before it); None before any."""
        if as_of is None:
            return self.latest
        known = [r for r in self.revisions if r.enacted <= as_of]
        return known[-1] if known else None


@record
class Fact(Record):
    """One thing known about an announced election, with its source."""

    text: Text
    source: Source


@record
class Announced(Record):
    """An election announced before any schedule: what is legally fixed and sourced, never a date
    that no law or KPU regulation has set (calendars/README.md, "announced/")."""

    id: str
    kind: ElectionKind
    name: Text
    announced: date  # the day it became known
    source: Source
    facts: tuple[Fact, ...]
    after: str | None = None
    note: Text | None = None
    held_by: int | None = None  # the last year a law or ruling lets its voting fall in (UU 7/2017 Pasal 167(1))
    held_by_source: Source | None = None

    def ahead_on(self, day: date) -> bool:
        """Whether it is still ahead on ``day``: announced by then and not past the last year a law or
        ruling lets it be held in (after that, the data lacks its schedule: it is no longer "next")."""
        return self.announced <= day and (self.held_by is None or day.year <= self.held_by)


@record
class Instrument(Record):
    """A legal text (UU, PP, PKPU, SKB, a regional circular) and when it is in force."""

    id: str
    type: str
    short: str
    title: Text
    enacted: date
    in_force_from: date
    in_force_until: date | None
    applies_to: tuple[str, ...]
    urls: tuple[str, ...]  # the official text first when there is one
    verified: bool
    replaced_by: str | None = None
    region: str | None = None
    note: Text | None = None
    official_url: str | None = None  # the instrument's text on an official site (JDIH, BPK, ...)

    def in_force(self, day: date) -> bool:
        return self.in_force_from <= day and (self.in_force_until is None or day <= self.in_force_until)

    def governs(self, election: Election) -> bool:
        return not self.applies_to or bool({election.id, election.kind} & set(self.applies_to))


@record
class Basis(Record):
    """One legal basis of a rule: a place in an instrument."""

    instrument: str
    locator: str
    verified: bool
    quote: str | None = None
    urls: tuple[str, ...] = ()


@record
class Sanction(Record):
    """What the law says happens on a breach, with its source."""

    text: Text
    source: Source


TerritoryScope = Literal["everywhere", "election_regions"]


@record
class Territory(Record):
    """Where a rule binds, as its law says, with the source of that reading.

    ``everywhere``: every ASN wherever they serve and wherever the candidate runs.
    ``election_regions``: only in the regions that hold the election (e.g. UU 10/2016 Pasal 71(2)).
    """

    scope: TerritoryScope
    source: Source
    note: Text | None = None


@record
class Rule(Record):
    """One prohibition or obligation: its bases over time and its time scope."""

    id: str
    kind: Literal["prohibition", "obligation"]
    title: Text
    summary: Text
    binds: tuple[str, ...]
    tags: tuple[str, ...]
    bases: tuple[Basis, ...]
    windows: tuple[WindowSpec, ...]  # empty when always
    always: bool
    interpretation: Text | None = None
    sanction: Sanction | None = None
    territory: Territory | None = None  # None: everywhere (no [territory] table)
    election_notes: Mapping[str, Text] = field(default_factory=dict)  # election id -> a note for it only

    @property
    def election_regions_only(self) -> bool:
        """True when the rule binds only in the regions that hold the election."""
        return self.territory is not None and self.territory.scope == "election_regions"


Handles = Literal["election_offences", "asn_neutrality"]
# Whether an activity is political by itself or only when the words name a candidate, party or campaign.
Political = Literal["inherent", "object"]
POLITICAL: tuple[Political, ...] = ("inherent", "object")


@record
class ReportingChannel(Record):
    """A body to which violations are reported, over an inclusive span of days (None: open end)."""

    id: str
    name: Text
    handles: tuple[Handles, ...]
    start: date | None
    end: date | None
    source: Source
    url: str | None = None  # the body's official complaint page
    note: Text | None = None

    def open_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@record
class Area(Record):
    """An activity area: one rule tag, with names and the words users give for it (``medsos``)."""

    id: str
    name: Text
    words: tuple[str, ...] = ()


@record
class Activity(Record):
    """An everyday activity (``like a candidate's post``): its names, the words people use for it,
    its area and the rules whose own data prohibit it (calendars/activities.toml). ``note`` (with its
    ``source``) says what the rules held here do not: that voting is a right, or whom to ask."""

    id: str
    name: Text
    area: str
    words: tuple[str, ...]
    rules: tuple[str, ...]
    note: Text | None = None
    source: Source | None = None
    # When its rules prohibit it: "inherent", whatever the words name (replacing officials, party
    # membership); "object", only when the words name a candidate, party or campaign (Catalog.political);
    # None when it lists no rule.
    political: Political | None = None


@record
class PoliticalWords(Record):
    """What makes a question political (activities.toml ``[political]``): ``words`` name a candidate, a
    party, a campaign, their teams, symbols and numbers; ``ordinary`` are phrases in which such a word
    names nothing political (``calon istri``, ``kampanye imunisasi``)."""

    words: tuple[str, ...] = ()
    ordinary: tuple[str, ...] = ()


@record
class Catalog(Record):
    """Everything in ``calendars/``, validated. Compared and hashed by identity."""

    elections: Mapping[str, Election]
    instruments: Mapping[str, Instrument]
    rules: Mapping[str, Rule]
    phase_names: Mapping[str, Text]
    regions: Regions
    reporting: Mapping[str, ReportingChannel]  # id -> where violations are reported, over time
    content_hash: str  # sha256 of every data file; serves as ETag and seeds ICS output
    data_revised: date  # the latest date the data itself names ("data as of"); DTSTAMP without a stamp
    # When the data files last changed (a current calendars/revision.toml, catalog/revision.py): the
    # data's Last-Modified. None when the stamp is stale or absent: then no Last-Modified is sent.
    revised: datetime | None = None
    announced: Mapping[str, Announced] = field(default_factory=dict)  # elections announced, no schedule yet
    areas: Mapping[str, Area] = field(default_factory=dict)  # tag -> its names and words (activities.toml)
    activities: Mapping[str, Activity] = field(default_factory=dict)  # the activity check's vocabulary
    political: PoliticalWords = field(default_factory=PoliticalWords)  # what makes a question political

    # One catalog per data version: compared and hashed by identity (it keys the resolver's caches).
    __eq__ = object.__eq__
    __hash__ = object.__hash__
