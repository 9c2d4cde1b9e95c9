"""Lists for browsing: election summaries and rules as stated, filterable. Pure."""

from __future__ import annotations

from neutral_timeline.catalog.model import Basis, Catalog, Election, Rule
from neutral_timeline.errors import unknown
from neutral_timeline.resolve.answer import (
    ActivityInfo,
    AreaWords,
    ElectionListItem,
    ElectionSummary,
    RegionInfo,
    RuleInfo,
    SanctionInfo,
    Vocabulary,
)
from neutral_timeline.resolve.index import cite_basis, cite_source, end_text, governing_bases, revision_info
from neutral_timeline.resolve.participation import region_info
from neutral_timeline.resolve.situation import announced, local_info
from neutral_timeline.resolve.situation import election as find_election

TAGS_WHERE = "tag"


def elections(catalog: Catalog) -> tuple[ElectionListItem, ...]:
    """Every election with a schedule, by voting day, then every election announced with none, by the
    day it was announced (no voting day, no stages: only what a law or ruling fixes)."""
    out: list[ElectionSummary] = []
    for e in catalog.elections.values():
        latest = e.latest
        out.append(
            ElectionSummary(
                id=e.id,
                kind=e.kind,
                name=e.name,
                voting_day=latest.voting_day.start,
                stages_start=latest.stages.start,
                stages_end=latest.stages.end,
                revision=revision_info(catalog, e, latest),
                revisions=tuple(revision_info(catalog, e, r) for r in e.revisions),
                local=tuple(local_info(catalog, e, s) for s in e.local),
            )
        )
    ahead = sorted(announced(catalog), key=lambda a: a.announced)
    return (*sorted(out, key=lambda s: s.voting_day), *ahead)


def _bases_for(catalog: Catalog, rule: Rule, election: Election) -> list[Basis]:
    """The rule's bases that govern ``election`` and are in force at some point of its tahapan."""
    stages = election.latest.stages
    return [
        basis
        for inst, basis in governing_bases(catalog, rule, election, any_region=True)
        if inst.in_force_from <= stages.end and (inst.in_force_until is None or inst.in_force_until >= stages.start)
    ]


def rule_info(catalog: Catalog, rule: Rule, election: Election | None = None) -> RuleInfo:
    """A rule as the data states it; for one election, only the bases that govern it and are in
    force during its tahapan (not another election's circulars or a replaced decision)."""
    bases = _bases_for(catalog, rule, election) if election else list(rule.bases)
    cites = tuple(cite_basis(catalog.instruments[b.instrument], b) for b in bases)
    governed = tuple(e.id for e in catalog.elections.values() if governing_bases(catalog, rule, e, any_region=True))
    sanction = SanctionInfo(rule.sanction.text, cite_source(catalog, rule.sanction.source)) if rule.sanction else None
    return RuleInfo(
        id=rule.id,
        kind=rule.kind,
        title=rule.title,
        summary=rule.summary,
        binds=rule.binds,
        tags=rule.tags,
        always=rule.always,
        windows=tuple((end_text(w.start), end_text(w.end)) for w in rule.windows),
        basis=cites,
        elections=governed,
        verified=all(c.verified for c in cites),
        interpretation=rule.interpretation,
        sanction=sanction,
        areas=tuple(catalog.areas[t].name for t in rule.tags if t in catalog.areas),
    )


def rule(catalog: Catalog, rule_id: str) -> RuleInfo:
    try:
        return rule_info(catalog, catalog.rules[rule_id])
    except KeyError:
        raise unknown("rule", rule_id, catalog.rules, where="rule") from None


def rules(catalog: Catalog, election_id: str | None = None, tag: str | None = None) -> tuple[RuleInfo, ...]:
    """Rules that govern ``election_id`` (all when None) and carry ``tag`` (any when None)."""

    found = find_election(catalog, election_id) if election_id else None
    if tag is not None:
        tag = area_tag(catalog, tag)
    return tuple(
        rule_info(catalog, r, found)
        for r in catalog.rules.values()
        if (found is None or governing_bases(catalog, r, found, any_region=True)) and (tag is None or tag in r.tags)
    )


def area_tag(catalog: Catalog, given: str) -> str:
    """The tag an area is asked by: the tag itself, or one of its words or names in either language
    (``medsos``, ``media sosial``, ``Social media``); NotFoundError with a did-you-mean otherwise."""
    from neutral_timeline.catalog.model import TAGS

    if given in TAGS:
        return given
    key = "-".join(given.lower().replace("_", " ").split())
    for area in catalog.areas.values():
        names = {"-".join(n.lower().split()) for n in (area.name.id, area.name.en)}
        if key in area.words or key in names:
            return area.id
    known = [*TAGS, *(w for a in catalog.areas.values() for w in a.words)]
    raise unknown("tag", given, known, where=TAGS_WHERE)


def regions(catalog: Catalog, query: str, limit: int = 10) -> tuple[RegionInfo, ...]:
    """Regions matching a name or code, best first, each with its province and time zone."""
    return tuple(region_info(catalog, r) for r in catalog.regions.search(query, limit))


def vocabulary(catalog: Catalog) -> Vocabulary:
    """The activity areas in the vocabulary's order and the activities by id."""
    areas = tuple(AreaWords(a.id, a.name, a.words) for a in catalog.areas.values())
    activities = tuple(
        ActivityInfo(
            a.id, a.name, a.area, a.words, a.rules, a.note, cite_source(catalog, a.source) if a.source else None
        )
        for _, a in sorted(catalog.activities.items())
    )
    return Vocabulary(areas, activities)
