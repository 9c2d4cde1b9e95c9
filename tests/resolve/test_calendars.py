"""The bundled calendars, date by date: expectations written from the regulations (FACTS.md),
not from the data files, so a wrong date in calendars/ fails here."""

from __future__ import annotations

from datetime import date

import pytest

from neutral_timeline.catalog.model import STANDARD_PHASES, Catalog
from neutral_timeline.resolve.situation import situation

S = "stages"
CD, ND, CAMP, QUIET, VOTE, COUNT = (
    "candidate_determination",
    "number_draw",
    "campaign",
    "quiet_period",
    "voting_day",
    "counting",
)
ORIGINAL_2020 = date(2020, 1, 1)  # as_of: the PKPU 15/2019 schedule, before Perppu 2/2020

TABLE: list[tuple[str, date | None, date, set[str]]] = [
    # Pilkada 2024, PKPU 2/2024
    ("pilkada-2024", None, date(2024, 9, 21), {S}),
    ("pilkada-2024", None, date(2024, 9, 22), {S, CD}),
    ("pilkada-2024", None, date(2024, 9, 23), {S, ND}),
    ("pilkada-2024", None, date(2024, 9, 24), {S}),
    ("pilkada-2024", None, date(2024, 9, 25), {S, CAMP}),
    ("pilkada-2024", None, date(2024, 11, 23), {S, CAMP}),
    ("pilkada-2024", None, date(2024, 11, 24), {S, QUIET}),
    ("pilkada-2024", None, date(2024, 11, 26), {S, QUIET}),
    ("pilkada-2024", None, date(2024, 11, 27), {S, VOTE, COUNT}),
    ("pilkada-2024", None, date(2024, 11, 28), {S, COUNT}),
    ("pilkada-2024", None, date(2024, 12, 16), {S, COUNT}),
    ("pilkada-2024", None, date(2024, 12, 17), {S}),
    # Pilkada 2020, final schedule (PKPU 5/2020)
    ("pilkada-2020", None, date(2020, 9, 22), {S}),
    ("pilkada-2020", None, date(2020, 9, 23), {S, CD}),
    ("pilkada-2020", None, date(2020, 9, 24), {S, ND}),
    ("pilkada-2020", None, date(2020, 9, 25), {S}),
    ("pilkada-2020", None, date(2020, 9, 26), {S, CAMP}),
    ("pilkada-2020", None, date(2020, 12, 5), {S, CAMP}),
    ("pilkada-2020", None, date(2020, 12, 6), {S, QUIET}),
    ("pilkada-2020", None, date(2020, 12, 8), {S, QUIET}),
    ("pilkada-2020", None, date(2020, 12, 9), {S, VOTE, COUNT}),
    # Pilkada 2020 as first scheduled (PKPU 15/2019)
    ("pilkada-2020", ORIGINAL_2020, date(2020, 7, 8), {S, CD}),
    ("pilkada-2020", ORIGINAL_2020, date(2020, 7, 10), {S}),
    ("pilkada-2020", ORIGINAL_2020, date(2020, 7, 11), {S, CAMP}),
    ("pilkada-2020", ORIGINAL_2020, date(2020, 9, 19), {S, CAMP}),
    ("pilkada-2020", ORIGINAL_2020, date(2020, 9, 20), {S, QUIET}),
    ("pilkada-2020", ORIGINAL_2020, date(2020, 9, 22), {S, QUIET}),
    ("pilkada-2020", ORIGINAL_2020, date(2020, 9, 23), {S, VOTE, COUNT}),
    # Pemilu 2024, PKPU 3/2022
    ("pemilu-2024", None, date(2022, 6, 13), set()),
    ("pemilu-2024", None, date(2022, 6, 14), {S}),
    ("pemilu-2024", None, date(2023, 11, 27), {S}),
    ("pemilu-2024", None, date(2023, 11, 28), {S, CAMP}),
    ("pemilu-2024", None, date(2024, 2, 10), {S, CAMP}),
    ("pemilu-2024", None, date(2024, 2, 11), {S, QUIET}),
    ("pemilu-2024", None, date(2024, 2, 13), {S, QUIET}),
    ("pemilu-2024", None, date(2024, 2, 14), {S, VOTE, COUNT}),
    ("pemilu-2024", None, date(2024, 3, 20), {S, COUNT}),
    ("pemilu-2024", None, date(2024, 3, 21), {S}),
]


@pytest.mark.parametrize(("election", "as_of", "day", "expected"), TABLE, ids=lambda v: str(v))
def test_phases_on_a_date(catalog: Catalog, election: str, as_of: date | None, day: date, expected: set[str]) -> None:
    (es,) = situation(catalog, day, election, as_of=as_of).elections
    assert {p.phase.key for p in es.phases} & set(STANDARD_PHASES) == expected


@pytest.mark.parametrize(
    ("election", "as_of", "voting_day"),
    [
        ("pilkada-2024", None, date(2024, 11, 27)),
        ("pilkada-2020", None, date(2020, 12, 9)),
        ("pilkada-2020", ORIGINAL_2020, date(2020, 9, 23)),
        ("pilkada-2020", date(2020, 6, 11), date(2020, 9, 23)),  # the day before PKPU 5/2020
        ("pilkada-2020", date(2020, 6, 12), date(2020, 12, 9)),  # PKPU 5/2020 signed 12 June 2020
        ("pemilu-2024", None, date(2024, 2, 14)),
    ],
)
def test_voting_day_and_revisions(catalog: Catalog, election: str, as_of: date | None, voting_day: date) -> None:
    (es,) = situation(catalog, voting_day, election, as_of=as_of).elections
    assert es.countdown.voting_day == voting_day and es.countdown.days == 0


def test_campaign_lengths_match_the_regulations(catalog: Catalog) -> None:
    days = {e.id: e.latest.phases["campaign"].days for e in catalog.elections.values()}
    assert days["pilkada-2024"] == 60  # PKPU 2/2024
    assert days["pilkada-2020"] == 71  # PKPU 5/2020
    assert days["pemilu-2024"] == 75  # PKPU 3/2022


def test_early_2024_has_two_elections_in_progress(catalog: Catalog) -> None:
    ids = {e.id for e in situation(catalog, date(2024, 2, 1)).elections}
    assert ids == {"pemilu-2024", "pilkada-2024"}


def test_a_quiet_day_has_no_election(catalog: Catalog) -> None:
    result = situation(catalog, date(2019, 1, 1))
    assert result.elections == ()
    assert result.message is not None
