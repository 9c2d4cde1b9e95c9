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


def _rules(catalog: Catalog, day: date, election: str, region: str | None = None) -> dict[str, list[str]]:
    found = catalog.regions.find(region) if region else None
    return {r.id: [c.instrument or "" for c in r.basis] for r in situation(catalog, day, election, region=found).rules}


def test_basis_follows_the_law_in_force_on_the_day(catalog: Catalog) -> None:
    # PP 53/2010 until 30 Aug 2021, PP 94/2021 from 31 Aug 2021; UU 5/2014 until 30 Oct 2023.
    assert "pp-53-2010" in _rules(catalog, date(2020, 10, 1), "pilkada-2020")["partiality-activities"]
    assert "pp-94-2021" in _rules(catalog, date(2024, 10, 1), "pilkada-2024")["partiality-activities"]
    before = _rules(catalog, date(2023, 10, 30), "pemilu-2024")["party-membership"]
    after = _rules(catalog, date(2023, 10, 31), "pemilu-2024")["party-membership"]
    assert "uu-5-2014" in before and "uu-20-2023" not in before
    assert "uu-20-2023" in after and "uu-5-2014" not in after


def test_six_months_before_candidate_determination(catalog: Catalog) -> None:
    # Pilkada 2024: determination 22 Sep 2024, so UU 10/2016 Pasal 71(3) from 22 Mar 2024.
    assert "uu10-authority-programmes" not in _rules(catalog, date(2024, 3, 21), "pilkada-2024")
    assert "uu10-authority-programmes" in _rules(catalog, date(2024, 3, 22), "pilkada-2024")
    # Pilkada 2020 as first scheduled: determination 8 Jul 2020, so from 8 Jan 2020.
    on = situation(catalog, date(2020, 1, 8), "pilkada-2020", as_of=ORIGINAL_2020).rules
    assert "uu10-authority-programmes" in {r.id for r in on}
    before = situation(catalog, date(2020, 1, 7), "pilkada-2020", as_of=ORIGINAL_2020).rules
    assert "uu10-authority-programmes" not in {r.id for r in before}


def test_pilkada_law_binds_pilkada_and_pemilu_law_binds_pemilu(catalog: Catalog) -> None:
    pemilu = _rules(catalog, date(2024, 1, 10), "pemilu-2024")
    pilkada = _rules(catalog, date(2024, 10, 1), "pilkada-2024")
    assert not any(r.startswith("uu10-") for r in pemilu)
    assert not any(r.startswith("uu7-") for r in pilkada)
    assert any(r.startswith("uu7-") for r in pemilu) and any(r.startswith("uu10-") for r in pilkada)


@pytest.mark.parametrize(
    ("region", "election", "day", "status"),
    [
        ("Kota Yogyakarta", "pilkada-2020", date(2020, 10, 1), "not_taking_part"),
        ("Kabupaten Sleman", "pilkada-2020", date(2020, 10, 1), "takes_part"),
        ("Kabupaten Banjar", "pilkada-2020", date(2020, 10, 1), "takes_part"),
        ("Kota Banjar", "pilkada-2020", date(2020, 10, 1), "not_taking_part"),
        ("Kabupaten Kaimana", "pilkada-2020", date(2020, 10, 1), "takes_part"),
        ("Kota Yogyakarta", "pilkada-2024", date(2024, 10, 1), "takes_part"),
        ("Kota Administrasi Jakarta Pusat", "pilkada-2024", date(2024, 10, 1), "takes_part"),
        ("Kabupaten Batang", "pemilu-2024", date(2024, 1, 10), "takes_part"),
    ],
)
def test_participation(catalog: Catalog, region: str, election: str, day: date, status: str) -> None:
    (es,) = situation(catalog, day, election, region=catalog.regions.find(region)).elections
    assert es.participation is not None and es.participation.status == status


def test_regional_circulars_join_only_their_region(catalog: Catalog) -> None:
    banjar = "se-bupati-banjar-2020"
    assert banjar not in _rules(catalog, date(2020, 9, 27), "pilkada-2020", "63.03")["social-media-campaign"]
    assert banjar in _rules(catalog, date(2020, 9, 28), "pilkada-2020", "63.03")["social-media-campaign"]
    assert banjar not in _rules(catalog, date(2020, 9, 28), "pilkada-2020", "63.04")["social-media-campaign"]
    assert "kaimana-accompany-prospective-candidate" in _rules(catalog, date(2020, 10, 1), "pilkada-2020", "92.08")
    assert "kaimana-accompany-prospective-candidate" not in _rules(catalog, date(2020, 10, 1), "pilkada-2020")
    batang = _rules(catalog, date(2024, 1, 10), "pemilu-2024", "Kabupaten Batang")
    assert "se-pj-bupati-batang-2023" in batang["social-media-campaign"]
    kota_banjar = _rules(catalog, date(2024, 9, 1), "pilkada-2024", "Kota Banjar")
    assert "ikrar-netralitas-kota-banjar-2024" in kota_banjar["neutrality-principle"]
    assert (
        "ikrar-netralitas-kota-banjar-2024"
        not in _rules(catalog, date(2024, 9, 1), "pilkada-2024", "63.03")["neutrality-principle"]
    )
