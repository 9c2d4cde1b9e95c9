"""The resolver on the synthetic catalog: boundaries, basis changes, revisions, upcoming changes."""

from __future__ import annotations

from datetime import date

import pytest

from neutral_timeline.catalog.model import Catalog
from neutral_timeline.errors import NotFoundError, QueryError
from neutral_timeline.resolve.situation import situation, timeline

E = "testvote-2028"


def _phases(mini: Catalog, day: date, as_of: date | None = None) -> set[str]:
    (es,) = situation(mini, day, E, as_of=as_of).elections
    return {p.phase.key for p in es.phases}


def _rules(mini: Catalog, day: date, as_of: date | None = None) -> dict[str, list[str]]:
    return {r.id: [c.short or "" for c in r.basis] for r in situation(mini, day, E, as_of=as_of).rules}


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2028, 10, 2), {"stages"}),  # day before campaign (latest schedule, sched-b)
        (date(2028, 10, 3), {"stages", "campaign"}),  # first day
        (date(2028, 11, 30), {"stages", "campaign"}),  # last day: windows are inclusive
        (date(2028, 12, 1), {"stages", "quiet_period"}),
        (date(2028, 12, 4), {"stages", "voting_day", "counting"}),
        (date(2029, 1, 31), {"stages"}),
        (date(2029, 2, 1), set()),
    ],
)
def test_phases_latest_schedule(mini: Catalog, day: date, expected: set[str]) -> None:
    assert _phases(mini, day) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2028, 9, 2), {"stages"}),
        (date(2028, 9, 3), {"stages", "campaign"}),
        (date(2028, 10, 31), {"stages", "campaign"}),
        (date(2028, 11, 1), {"stages", "quiet_period"}),
    ],
)
def test_phases_as_of_the_first_schedule(mini: Catalog, day: date, expected: set[str]) -> None:
    assert _phases(mini, day, as_of=date(2027, 12, 31)) == expected


def test_basis_in_force_on_the_day_asked(mini: Catalog) -> None:
    first = date(2027, 12, 31)  # sched-a: campaign 3 Sep - 31 Oct 2028; old law ends 30 Sep
    assert _rules(mini, date(2028, 9, 2), first).get("campaign-facilities") is None
    assert _rules(mini, date(2028, 9, 3), first)["campaign-facilities"] == ["PP Lama"]
    assert _rules(mini, date(2028, 9, 30), first)["campaign-facilities"] == ["PP Lama"]
    assert _rules(mini, date(2028, 10, 1), first)["campaign-facilities"] == ["PP Baru"]
    assert _rules(mini, date(2028, 10, 31), first)["campaign-facilities"] == ["PP Baru"]
    assert "campaign-facilities" not in _rules(mini, date(2028, 11, 1), first)


def test_six_months_before_determination(mini: Catalog) -> None:
    # sched-b: determination 30 Sep 2028 - P6M = 30 Mar 2028; until result_determination.end 10 Jan 2029
    assert "six-months" not in _rules(mini, date(2028, 3, 29))
    assert "six-months" in _rules(mini, date(2028, 3, 30))
    assert "six-months" in _rules(mini, date(2029, 1, 10))
    assert "six-months" not in _rules(mini, date(2029, 1, 11))
    rule = next(r for r in situation(mini, date(2028, 3, 30), E).rules if r.id == "six-months")
    assert rule.window.opened_by == "candidate_determination.start-P6M"
    assert rule.window.opened_by_text is not None
    assert rule.window.opened_by_text.id == "6 bulan sebelum awal penetapan pasangan calon"
    assert rule.interpretation is not None


def test_windows_follow_the_revision(mini: Catalog) -> None:
    # sched-a: determination 31 Aug 2028 - P6M = 29 Feb 2028 (leap year clamp)
    first = date(2027, 12, 31)
    assert "six-months" not in _rules(mini, date(2028, 2, 28), first)
    assert "six-months" in _rules(mini, date(2028, 2, 29), first)


def test_day_n_of_m_and_countdown(mini: Catalog) -> None:
    (es,) = situation(mini, date(2028, 10, 3), E).elections
    campaign = next(p for p in es.phases if p.phase.key == "campaign")
    assert (campaign.day, campaign.phase.days, campaign.days_left) == (1, 59, 58)
    assert es.countdown.voting_day == date(2028, 12, 4)
    assert es.countdown.days == 62
    (after,) = situation(mini, date(2028, 12, 6), E).elections
    assert after.countdown.days == -2


def test_upcoming_changes_within_14_days(mini: Catalog) -> None:
    (es,) = situation(mini, date(2028, 9, 19), E).elections
    got = [(c.date, c.change, c.id, c.in_days) for c in es.upcoming]
    assert got == [
        (date(2028, 9, 30), "phase_start", "candidate_determination", 11),
        (date(2028, 10, 1), "phase_start", "number_draw", 12),
        (date(2028, 10, 3), "phase_start", "campaign", 14),
        (date(2028, 10, 3), "rule_start", "campaign-facilities", 14),
    ]


def test_no_election_in_progress_lists_always_rules(mini: Catalog) -> None:
    result = situation(mini, date(2026, 1, 1))  # before the mini catalog's coverage (1 Jun 2027 - 31 Jan 2029)
    assert result.elections == () and not result.covered
    assert result.message is not None and "outside the elections this tool holds" in result.message.en
    assert [r.id for r in result.rules] == ["party-member"]
    assert [c.short for c in result.rules[0].basis] == ["PP Lama"]
    assert [c.short for c in situation(mini, date(2030, 1, 1)).rules[0].basis] == ["PP Baru"]


def test_all_elections_in_progress_without_election(mini: Catalog) -> None:
    assert [e.id for e in situation(mini, date(2028, 10, 3)).elections] == [E]


def test_unknown_election_suggests(mini: Catalog) -> None:
    with pytest.raises(NotFoundError) as info:
        situation(mini, date(2028, 10, 3), "testvote-2082")
    assert info.value.problems[0].suggestion == "did you mean 'testvote-2028'?"


def test_as_of_before_any_schedule(mini: Catalog) -> None:
    with pytest.raises(QueryError) as info:
        situation(mini, date(2028, 10, 3), E, as_of=date(2026, 1, 1))
    assert "2027-01-10" in str(info.value)


def test_timeline_merges_basis_changes_into_one_span(mini: Catalog) -> None:
    result = timeline(mini, E, as_of=date(2027, 12, 31))
    spans = [(r.rule.id, r.start, r.end) for r in result.rules if r.rule.id == "campaign-facilities"]
    assert spans == [("campaign-facilities", date(2028, 9, 3), date(2028, 10, 31))]
    assert [r.id for r in result.revisions] == ["sched-a", "sched-b"]
    assert result.revision.id == "sched-a"
