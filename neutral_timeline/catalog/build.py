"""Cross-file checks (references, anchors, ordering) and conversion into the immutable Catalog."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING

from neutral_timeline.catalog.files import (
    AnchorFile,
    ElectionFile,
    LocalFile,
    ReportingFile,
    RuleFile,
    SourceFile,
    TextFile,
    WindowFile,
)
from neutral_timeline.catalog.model import (
    STANDARD_PHASES,
    TAGS,
    Activity,
    Anchor,
    Announced,
    Area,
    Basis,
    Catalog,
    Election,
    Fact,
    Instrument,
    LocalSchedule,
    Participation,
    Phase,
    PoliticalWords,
    ReportingChannel,
    Revision,
    Rule,
    Sanction,
    Source,
    Territory,
    Window,
    WindowSpec,
)
from neutral_timeline.errors import Problem, did_you_mean
from neutral_timeline.i18n import N_
from neutral_timeline.i18n import text as both_languages
from neutral_timeline.text import Text
from neutral_timeline.timescope import resolve_window

# The locator of a "stages" phase the loader spans over a local schedule's phases (no source gives it as one).
SPANNED = N_("{start}..{end}: the span of this local schedule's stages")

if TYPE_CHECKING:
    from neutral_timeline.catalog.load import Files
    from neutral_timeline.catalog.regions import Regions


def _text(value: TextFile) -> Text:
    return Text(id=value.id, en=value.en)


def _opt_text(value: TextFile | None) -> Text | None:
    return _text(value) if value else None


def _source(value: SourceFile, default_instrument: str | None = None) -> Source:
    return Source(
        locator=value.locator,
        verified=value.verified,
        instrument=value.instrument or default_instrument,
        urls=value.urls,
        note=_opt_text(value.note),
    )


class _Checker:
    def __init__(self, files: Files, folder: str) -> None:
        self.files = files
        self.folder = folder
        self.problems: list[Problem] = []

    def where(self, kind: str, ident: str, path: str = "") -> str:
        file = f"{self.folder}/{kind}/{ident}.toml" if kind else f"{self.folder}/{ident}.toml"
        return f"{file}: {path}" if path else file

    def unknown(self, where: str, kind: str, value: str, known: Iterable[str]) -> None:
        known = sorted(known)
        guess = did_you_mean(value, known)
        self.problems.append(
            Problem(
                where=where,
                what=f"unknown {kind} '{value}'",
                expected=(
                    f"an existing {kind} id (there are none yet)"
                    if not known
                    else "one of: " + ", ".join(known)
                    if len(known) <= 12
                    else f"one of {len(known)} known ids"
                ),
                suggestion=f"did you mean '{guess}'?" if guess else None,
            )
        )

    def instrument_ref(self, where: str, ident: str | None) -> None:
        if ident is not None and ident not in self.files.instruments:
            self.unknown(where, "instrument", ident, self.files.instruments)


def _phases(checker: _Checker, election_id: str, rev_id: str, data: ElectionFile) -> dict[str, Phase]:
    revision = data.revisions[rev_id]
    names = checker.files.phases
    phases: dict[str, Phase] = {}
    base = f"revisions.{rev_id}.phases"
    for key in STANDARD_PHASES:
        if key not in revision.phases:
            checker.problems.append(
                Problem(
                    where=checker.where("elections", election_id, f"{base}.{key}"),
                    what=f"standard phase '{key}' is missing",
                    expected="every revision holds every standard phase",
                    suggestion="record the best-known dates with source.verified = false if unverified",
                )
            )
    for key, given in revision.phases.items():
        where = checker.where("elections", election_id, f"{base}.{key}")
        checker.instrument_ref(f"{where}.source.instrument", given.source.instrument)
        if given.name is not None:
            name = _text(given.name)
        elif key in names:
            name = _text(names[key].name)
        else:
            checker.problems.append(
                Problem(
                    where=f"{where}.name",
                    what=f"phase '{key}' is not in phases.toml and has no name",
                    expected='name = { id = "...", en = "..." }',
                    suggestion=f"did you mean '{g}'?" if (g := did_you_mean(key, names)) else None,
                )
            )
            continue
        phases[key] = Phase(key, name, given.start, given.end, _source(given.source, revision.instrument))
    stages = phases.get("stages")
    for key, phase in phases.items():
        if stages is not None and not (stages.start <= phase.start and phase.end <= stages.end):
            checker.problems.append(
                Problem(
                    where=checker.where("elections", election_id, f"{base}.{key}"),
                    what=f"{phase.start}..{phase.end} lies outside stages {stages.start}..{stages.end}",
                    expected="every phase within the stages phase",
                )
            )
    voting = phases.get("voting_day")
    if voting is not None and voting.start != voting.end:
        checker.problems.append(
            Problem(
                where=checker.where("elections", election_id, f"{base}.voting_day"),
                what=f"voting_day spans {voting.days} days",
                expected="one day: start == end",
            )
        )
    return phases


def _end_spec(value: AnchorFile | date | None) -> Anchor | date | None:
    if value is None or isinstance(value, date):
        return value
    phase, edge = value.anchor.rsplit(".", 1)
    return Anchor(phase=phase, edge="start" if edge == "start" else "end", offset=value.offset)


def _window_spec(window: WindowFile) -> WindowSpec:
    return WindowSpec(start=_end_spec(window.from_), end=_end_spec(window.until))


def _rule(rule_id: str, data: RuleFile) -> Rule:
    return Rule(
        id=rule_id,
        kind=data.kind,
        title=_text(data.title),
        summary=_text(data.summary),
        binds=tuple(data.binds),
        tags=tuple(data.tags),
        bases=tuple(Basis(b.instrument, b.locator, b.verified, b.quote, b.urls) for b in data.basis),
        windows=tuple(_window_spec(w) for w in data.windows),
        always=data.always,
        interpretation=_opt_text(data.interpretation),
        sanction=Sanction(_text(data.sanction.text), _source(data.sanction.source)) if data.sanction else None,
        territory=(
            Territory(data.territory.scope, _source(data.territory.source), _opt_text(data.territory.note))
            if data.territory
            else None
        ),
        election_notes=MappingProxyType({k: _text(v) for k, v in sorted(data.election_notes.items())}),
    )


def _reporting(ident: str, data: ReportingFile, checker: _Checker) -> ReportingChannel:
    checker.instrument_ref(checker.where("reporting", ident, "source.instrument"), data.source.instrument)
    return ReportingChannel(
        id=ident,
        name=_text(data.name),
        handles=data.handles,
        start=data.from_,
        end=data.until,
        source=_source(data.source),
        url=data.url,
        note=_opt_text(data.note),
    )


def _instrument(ident: str, checker: _Checker) -> Instrument:
    data = checker.files.instruments[ident]
    where = checker.where("instruments", ident)
    if data.replaced_by is not None:
        checker.instrument_ref(f"{where}: replaced_by", data.replaced_by)
    targets = set(checker.files.elections) | {"pilkada", "pemilu"}
    for target in data.applies_to:
        if target not in targets:
            checker.unknown(f"{where}: applies_to", "election or kind", target, targets)
    return Instrument(
        id=ident,
        type=data.type,
        short=data.short,
        title=_text(data.title),
        enacted=data.enacted,
        in_force_from=data.in_force_from,
        in_force_until=data.in_force_until,
        applies_to=data.applies_to,
        urls=(data.official_url, *data.urls) if data.official_url else data.urls,
        verified=data.verified,
        replaced_by=data.replaced_by,
        region=data.region,
        note=_opt_text(data.note),
        official_url=data.official_url,
    )


def _windows(
    checker: _Checker, rule: Rule, election: Election, phases: dict[str, Phase], rev: str, partial: bool = False
) -> tuple[Window, ...]:
    """The rule's windows on one schedule. ``partial`` (a local schedule): a window anchored on a
    phase the schedule lacks is left out rather than refused (calendars/README.md, "Local schedules")."""
    resolved: list[Window] = []
    for index, spec in enumerate(rule.windows):
        where = checker.where("rules", rule.id, f"windows[{index}]")
        missing = [
            (side, end)
            for side, end in (("from", spec.start), ("until", spec.end))
            if isinstance(end, Anchor) and end.phase not in phases
        ]
        if missing and partial:
            continue
        for side, end in missing:
            assert isinstance(end, Anchor)
            guess = did_you_mean(end.phase, phases)
            checker.problems.append(
                Problem(
                    where=f"{where}.{side}",
                    what=f"anchor '{end}' names phase '{end.phase}', which {election.id} lacks",
                    expected="a phase every governed election has: " + ", ".join(sorted(phases)),
                    suggestion=f"did you mean '{guess}.{end.edge}'?" if guess else None,
                )
            )
        if missing:
            continue
        first, last, first_label, last_label = resolve_window(spec, phases)
        window = Window(first, last, spec, first_label, last_label)
        if window.start is not None and window.end is not None and window.end < window.start:
            checker.problems.append(
                Problem(
                    where=where,
                    what=f"on {election.id} (revision {rev}) the window ends {window.end}, before it starts {window.start}",
                    expected="until on or after from",
                )
            )
            continue
        resolved.append(window)
    return tuple(resolved)


def _local_phases(checker: _Checker, election_id: str, local_id: str, given: LocalFile) -> dict[str, Phase]:
    """A local schedule's phases: ``voting_day`` required, one day; campaign and quiet period before it;
    ``stages`` given (holding every phase) or spanning them."""
    names = checker.files.phases
    base = f"local.{local_id}.phases"
    phases: dict[str, Phase] = {}
    for key, item in given.phases.items():
        where = checker.where("elections", election_id, f"{base}.{key}")
        checker.instrument_ref(f"{where}.source.instrument", item.source.instrument)
        name = _text(item.name) if item.name else _text(names[key].name) if key in names else None
        if name is None:
            checker.problems.append(
                Problem(
                    f"{where}.name",
                    f"phase '{key}' is not in phases.toml and has no name",
                    'name = { id = "...", en = "..." }',
                    suggestion=f"did you mean '{g}'?" if (g := did_you_mean(key, names)) else None,
                )
            )
            continue
        phases[key] = Phase(key, name, item.start, item.end, _source(item.source, given.instrument))
    voting = phases.get("voting_day")
    if voting is None:
        checker.problems.append(
            Problem(
                checker.where("elections", election_id, f"{base}.voting_day"),
                "a local schedule has no voting_day",
                "[local.<id>.phases.voting_day] with start == end and its source",
            )
        )
        return phases
    if voting.start != voting.end:
        checker.problems.append(
            Problem(
                checker.where("elections", election_id, f"{base}.voting_day"),
                f"voting_day spans {voting.days} days",
                "one day: start == end",
            )
        )
    for key in ("campaign", "quiet_period", "candidate_registration", "candidate_determination", "number_draw"):
        phase = phases.get(key)
        if phase is not None and phase.end >= voting.start:
            checker.problems.append(
                Problem(
                    checker.where("elections", election_id, f"{base}.{key}"),
                    f"{key} ends {phase.end}, not before voting_day {voting.start}",
                    "a phase that precedes voting ends on or before the day before voting_day",
                )
            )
    stages = phases.get("stages")
    if stages is None:
        first = min(phases.values(), key=lambda p: p.start)
        last = max(p.end for p in phases.values())
        spanned = Source(
            locator=both_languages(SPANNED, start=first.start.isoformat(), end=last.isoformat()),
            verified=all(p.source.verified for p in phases.values()),
            instrument=given.instrument,
        )
        phases["stages"] = Phase("stages", _text(names["stages"].name), first.start, last, spanned)
    else:
        for key, phase in phases.items():
            if not (stages.start <= phase.start and phase.end <= stages.end):
                checker.problems.append(
                    Problem(
                        checker.where("elections", election_id, f"{base}.{key}"),
                        f"{phase.start}..{phase.end} lies outside stages {stages.start}..{stages.end}",
                        "every phase within the stages phase",
                    )
                )
    return phases


def _locals(
    checker: _Checker,
    shell: Election,
    data: ElectionFile,
    rules: dict[str, Rule],
    instruments: dict[str, Instrument],
    regions: Regions,
) -> tuple[LocalSchedule, ...]:
    """The election's local schedules, checked: known regions that take part, no overlap per region."""
    found: list[LocalSchedule] = []
    for local_id, given in data.local.items():
        where = checker.where("elections", shell.id, f"local.{local_id}")
        checker.instrument_ref(f"{where}.instrument", given.instrument)
        for index, code in enumerate(given.regions):
            region = regions.get(code)
            if region is None:
                checker.problems.append(
                    Problem(
                        f"{where}.regions[{index}]",
                        f"'{code}' is not a region in regions/regions.csv",
                        "a Kemendagri code such as 19.01 (regency/city) or 91 (province)",
                        suggestion="search with: neutral-timeline regions NAME",
                    )
                )
            elif shell.participation.status(region.province, None if region.is_province else code) != "takes_part":
                checker.problems.append(
                    Problem(
                        f"{where}.regions[{index}]",
                        f"'{code}' ({region.name}) does not take part in {shell.id}",
                        "a region with a race in this election (see [participation])",
                    )
                )
        if len(set(given.regions)) != len(given.regions):
            checker.problems.append(Problem(f"{where}.regions", "a region is listed twice", "each code once"))
        phases = _local_phases(checker, shell.id, local_id, given)
        if "voting_day" not in phases:
            continue
        windows = {}
        for rule in rules.values():
            governed = any(b.instrument in instruments and instruments[b.instrument].governs(shell) for b in rule.bases)
            if governed and not rule.always:
                windows[rule.id] = _windows(checker, rule, shell, phases, local_id, partial=True)
        schedule = Revision(
            local_id, given.instrument, given.enacted, MappingProxyType(phases), None, MappingProxyType(windows)
        )
        found.append(
            LocalSchedule(
                local_id,
                given.kind,
                _text(given.name),
                given.regions,
                schedule,
                _text(given.interpretation),
                _opt_text(given.note),
            )
        )
    found.sort(key=lambda s: (s.voting_day, s.id))
    for index, one in enumerate(found):
        for other in found[index + 1 :]:
            shared = sorted(set(one.regions) & set(other.regions))
            if shared and other.stages.start <= one.stages.end:
                checker.problems.append(
                    Problem(
                        checker.where("elections", shell.id, f"local.{other.id}"),
                        f"region {shared[0]} follows local schedules {one.id} and {other.id} at once "
                        f"({other.stages.start}..{min(one.stages.end, other.stages.end)})",
                        "a region follows one local schedule at a time",
                    )
                )
    return tuple(found)


def _announced(checker: _Checker, ident: str) -> Announced:
    """An announced election: its source and each fact's source checked, ``after`` an announced id."""
    data = checker.files.announced[ident]
    checker.instrument_ref(checker.where("announced", ident, "source.instrument"), data.source.instrument)
    for index, fact in enumerate(data.facts):
        checker.instrument_ref(
            checker.where("announced", ident, f"facts[{index}].source.instrument"), fact.source.instrument
        )
    if data.held_by is not None:
        checker.instrument_ref(
            checker.where("announced", ident, "held_by.source.instrument"), data.held_by.source.instrument
        )
    if data.after is not None and data.after not in checker.files.announced:
        checker.unknown(
            checker.where("announced", ident, "after"), "announced election", data.after, checker.files.announced
        )
    if ident in checker.files.elections:
        checker.problems.append(
            Problem(checker.where("announced", ident), f"'{ident}' is also an election", "one id, one file")
        )
    return Announced(
        id=ident,
        kind=data.kind,
        name=_text(data.name),
        announced=data.announced,
        source=_source(data.source),
        facts=tuple(Fact(_text(f.text), _source(f.source)) for f in data.facts),
        after=data.after,
        note=_opt_text(data.note),
        held_by=data.held_by.year if data.held_by else None,
        held_by_source=_source(data.held_by.source) if data.held_by else None,
    )


def _participation(checker: _Checker, election_id: str, data: ElectionFile, regions: Regions) -> Participation:
    given = data.participation
    where = checker.where("elections", election_id, "participation")
    checker.instrument_ref(f"{where}.source.instrument", given.source.instrument)
    for key, codes, want_province in (
        ("provinces", given.provinces, True),
        ("regencies", given.regencies, False),
        ("except_provinces", given.except_provinces, True),
        ("except_regencies", given.except_regencies, False),
    ):
        if codes == "all":
            continue
        seen: set[str] = set()
        for index, code in enumerate(codes):
            region = regions.get(code)
            if region is None or region.is_province != want_province:
                kind = "province" if want_province else "regency/city"
                checker.problems.append(
                    Problem(
                        f"{where}.{key}[{index}]",
                        f"'{code}' is not a {kind} in regions/regions.csv",
                        "a Kemendagri code such as 63 (province) or 63.03 (regency/city)",
                    )
                )
            if code in seen:
                checker.problems.append(
                    Problem(f"{where}.{key}[{index}]", f"'{code}' is listed twice", "each code once")
                )
            seen.add(code)
    return Participation(
        provinces=None if given.provinces == "all" else frozenset(given.provinces),
        regencies=None if given.regencies == "all" else frozenset(given.regencies),
        except_provinces=frozenset(given.except_provinces),
        except_regencies=frozenset(given.except_regencies),
        complete=given.complete,
        source=_source(given.source),
    )


def _political(checker: _Checker, activities: dict[str, Activity]) -> PoliticalWords:
    """activities.toml [political]: present when an activity needs a political object named, and each
    ordinary phrase holds a political word (else it would except nothing)."""
    given = checker.files.activities
    where = f"{checker.folder}/activities.toml"
    assert given is not None
    needing = sorted(a.id for a in activities.values() if a.political == "object")
    if given.political is None:
        if needing:
            checker.problems.append(
                Problem(
                    f"{where}: political",
                    f"activities {', '.join(needing[:3])} need a political object named, but no [political] words "
                    "say what names one",
                    '[political] words = ["calon", "partai", "kampanye", ...]',
                )
            )
        return PoliticalWords()
    words = tuple(w.lower() for w in given.political.words)
    ordinary = tuple(w.lower() for w in given.political.ordinary)
    for index, phrase in enumerate(ordinary):
        own = phrase.split()
        if not any(all(part in own for part in word.split()) for word in words):
            checker.problems.append(
                Problem(
                    f"{where}: political.ordinary[{index}]",
                    f"'{phrase}' holds none of the political words, so it excepts nothing",
                    "a phrase with a political word in which that word names nothing political (calon istri)",
                )
            )
    return PoliticalWords(words, ordinary)


def _vocabulary(
    checker: _Checker, rules: dict[str, Rule]
) -> tuple[dict[str, Area], dict[str, Activity], PoliticalWords]:
    """activities.toml: every tag named once, every rule an activity lists known, each area word once,
    and what makes a question political."""
    given = checker.files.activities
    if given is None:
        return {}, {}, PoliticalWords()
    where = f"{checker.folder}/activities.toml"
    for tag in TAGS:
        if tag not in given.areas:
            checker.problems.append(
                Problem(
                    f"{where}: areas.{tag}", f"area '{tag}' (a rule tag) has no names", "[areas.x] name = { id, en }"
                )
            )
    areas = {tag: Area(tag, _text(a.name), tuple(w.lower() for w in a.words)) for tag, a in given.areas.items()}
    owner: dict[str, str] = {}
    for tag, area in areas.items():
        for index, word in enumerate(area.words):
            if word in owner or word in areas:
                checker.problems.append(
                    Problem(
                        f"{where}: areas.{tag}.words[{index}]",
                        f"'{word}' already names area '{owner.get(word, word)}'",
                        "each area word names one area",
                    )
                )
            owner[word] = tag
    activities = {}
    for ident, a in sorted(given.activities.items()):
        for index, rule_id in enumerate(a.rules):
            if rule_id not in rules:
                checker.unknown(f"{where}: activities.{ident}.rules[{index}]", "rule", rule_id, rules)
            elif rules[rule_id].kind != "prohibition" and not rules[rule_id].always:
                checker.problems.append(
                    Problem(
                        f"{where}: activities.{ident}.rules[{index}]",
                        f"rule '{rule_id}' is an obligation with a window",
                        "a prohibition, or an obligation that applies always (the neutrality principle)",
                    )
                )
        if a.source is not None:
            checker.instrument_ref(f"{where}: activities.{ident}.source.instrument", a.source.instrument)
        note, source = _opt_text(a.note), _source(a.source) if a.source else None
        activities[ident] = Activity(
            ident, _text(a.name), a.area, tuple(a.words), tuple(a.rules), note, source, a.political
        )
    return areas, activities, _political(checker, activities)


def build(
    files: Files, regions: Regions, folder: str, digest: str, revised: datetime | None = None
) -> tuple[Catalog | None, list[Problem]]:
    """The catalog, or None and every cross-file problem found."""
    checker = _Checker(files, folder)
    for key in STANDARD_PHASES:
        if key not in files.phases:
            checker.problems.append(
                Problem(
                    where=f"{folder}/phases.toml",
                    what=f"standard phase '{key}' has no name",
                    expected=f"[{key}] name = {{ id, en }}",
                )
            )
    instruments = {ident: _instrument(ident, checker) for ident in sorted(files.instruments)}
    for ident, inst in instruments.items():
        if inst.region is not None and regions.get(inst.region) is None:
            checker.problems.append(
                Problem(
                    checker.where("instruments", ident, "region"),
                    f"'{inst.region}' is not a region in regions/regions.csv",
                    "a Kemendagri code such as 63.03",
                    suggestion="search with: neutral-timeline regions NAME",
                )
            )
    rules = {ident: _rule(ident, files.rules[ident]) for ident in sorted(files.rules)}
    for rule_id, rule in rules.items():
        for index, basis in enumerate(rule.bases):
            checker.instrument_ref(checker.where("rules", rule_id, f"basis[{index}].instrument"), basis.instrument)
        if rule.sanction:
            checker.instrument_ref(
                checker.where("rules", rule_id, "sanction.source.instrument"), rule.sanction.source.instrument
            )
        for election_id in rule.election_notes:
            if election_id not in files.elections:
                checker.unknown(
                    checker.where("rules", rule_id, f"election_notes.{election_id}"),
                    "election",
                    election_id,
                    set(files.elections),
                )
        if rule.territory:
            checker.instrument_ref(
                checker.where("rules", rule_id, "territory.source.instrument"), rule.territory.source.instrument
            )
    reporting = {ident: _reporting(ident, files.reporting[ident], checker) for ident in sorted(files.reporting)}
    announced = {ident: _announced(checker, ident) for ident in sorted(files.announced)}
    elections: dict[str, Election] = {}
    for election_id in sorted(files.elections):
        data = files.elections[election_id]
        participation = _participation(checker, election_id, data, regions)
        shell = Election(election_id, data.kind, _text(data.name), (), participation)
        revisions: list[Revision] = []
        for rev_id in sorted(data.revisions, key=lambda r: data.revisions[r].enacted):
            rev = data.revisions[rev_id]
            checker.instrument_ref(
                checker.where("elections", election_id, f"revisions.{rev_id}.instrument"), rev.instrument
            )
            phases = _phases(checker, election_id, rev_id, data)
            windows = {}
            for rule in rules.values():
                governed = any(
                    b.instrument in instruments and instruments[b.instrument].governs(shell) for b in rule.bases
                )
                if governed and not rule.always:
                    windows[rule.id] = _windows(checker, rule, shell, phases, rev_id)
            revisions.append(
                Revision(
                    rev_id,
                    rev.instrument,
                    rev.enacted,
                    MappingProxyType(phases),
                    _opt_text(rev.note),
                    MappingProxyType(windows),
                )
            )
        enacted = [r.enacted for r in revisions]
        if len(set(enacted)) != len(enacted):
            checker.problems.append(
                Problem(
                    where=checker.where("elections", election_id, "revisions"),
                    what="two revisions share one enactment date",
                    expected="distinct enacted dates, so as_of picks one",
                )
            )
        local = _locals(checker, shell, data, rules, instruments, regions)
        elections[election_id] = Election(election_id, data.kind, shell.name, tuple(revisions), participation, local)
    areas, activities, political = _vocabulary(checker, rules)
    if checker.problems:
        return None, list(dict.fromkeys(checker.problems))  # one line per problem, once
    stamp_dates = [r.enacted for e in elections.values() for r in e.revisions] + [
        i.enacted for i in instruments.values()
    ]
    catalog = Catalog(
        elections=MappingProxyType(elections),
        instruments=MappingProxyType(instruments),
        rules=MappingProxyType(rules),
        phase_names=MappingProxyType({k: _text(v.name) for k, v in files.phases.items()}),
        regions=regions,
        reporting=MappingProxyType(reporting),
        content_hash=digest,
        data_revised=max(stamp_dates, default=date(2000, 1, 1)),
        revised=revised,
        announced=MappingProxyType(dict(sorted(announced.items(), key=lambda kv: (kv[1].announced, kv[0])))),
        areas=MappingProxyType(areas),
        activities=MappingProxyType(activities),
        political=political,
    )
    return catalog, []
