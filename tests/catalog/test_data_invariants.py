"""Shared invariants over the bundled calendars: every fact sourced, bases consistent over time."""

from __future__ import annotations

from datetime import timedelta

import pytest

from neutral_timeline.catalog.model import Anchor, Catalog
from neutral_timeline.resolve.listing import rules


def test_every_verified_phase_date_has_a_url(catalog: Catalog) -> None:
    for e in catalog.elections.values():
        for r in e.revisions:
            for key, phase in r.phases.items():
                inst = catalog.instruments[phase.source.instrument or r.instrument]
                if phase.source.verified:
                    assert phase.source.urls or inst.urls, f"{e.id} {r.id} {key}: verified without a URL"


def test_every_rule_basis_can_be_followed(catalog: Catalog) -> None:
    for info in rules(catalog):
        for c in info.basis:
            assert c.locator.id.strip() and c.locator.en.strip(), info.id
            if c.verified:
                assert c.urls, f"{info.id}: {c.short} {c.locator.id} is verified but has no URL"


def test_every_instrument_is_cited_or_sets_a_schedule(catalog: Catalog) -> None:
    used: set[str | None] = {b.instrument for r in catalog.rules.values() for b in r.bases}
    used |= {r.instrument for e in catalog.elections.values() for r in e.revisions}
    used |= {s.schedule.instrument for e in catalog.elections.values() for s in e.local}
    used |= {a.source.instrument for a in catalog.announced.values()}
    used |= {f.source.instrument for a in catalog.announced.values() for f in a.facts}
    used |= {
        p.source.instrument for e in catalog.elections.values() for s in e.local for p in s.schedule.phases.values()
    }
    used |= {r.sanction.source.instrument for r in catalog.rules.values() if r.sanction}
    used |= {e.participation.source.instrument for e in catalog.elections.values()}
    used |= {r.territory.source.instrument for r in catalog.rules.values() if r.territory}
    used |= {c.source.instrument for c in catalog.reporting.values()}
    unused = set(catalog.instruments) - used
    replaced = {i.replaced_by for i in catalog.instruments.values()}
    # perpres-91-2024 gave KASN's policy task to the ministry: named in the reporting notes, not a source of its own
    assert unused <= replaced | {"perppu-2-2020", "perpres-91-2024"}, f"instruments nothing refers to: {sorted(unused)}"


def test_replacements_leave_no_gap_and_no_overlap(catalog: Catalog) -> None:
    for inst in catalog.instruments.values():
        if inst.replaced_by is None:
            continue
        successor = catalog.instruments[inst.replaced_by]
        assert inst.in_force_until is not None, f"{inst.id} is replaced but has no in_force_until"
        assert inst.in_force_until + timedelta(days=1) == successor.in_force_from, inst.id


def test_windows_on_the_whole_stages_say_why(catalog: Catalog) -> None:
    """The law rarely says 'during the stages': such a window is an interpretation, and says so."""
    for rule in catalog.rules.values():
        anchors = [end for w in rule.windows for end in (w.start, w.end) if isinstance(end, Anchor)]
        if any(a.phase == "stages" for a in anchors):
            assert rule.interpretation is not None, f"{rule.id}: anchored on stages without an interpretation note"


def test_every_election_is_governed_by_rules(catalog: Catalog) -> None:
    for e in catalog.elections:
        assert len(rules(catalog, e)) >= 10, e


@pytest.mark.parametrize("election", ["pilkada-2020", "pilkada-2024", "pemilu-2024"])
def test_social_media_rule_exists_for_each_election(catalog: Catalog, election: str) -> None:
    tagged = rules(catalog, election, "social-media")
    assert tagged, f"no social-media rule governs {election}"
