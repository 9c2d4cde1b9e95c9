"""Where a rule binds, what the tool covers, date by date and region by region (bundled calendars).

Written from the regulations (DESIGN "Where a rule binds"): PP 94/2021 Pasal 5 huruf n, both SKBs
and UU 10/2016 Pasal 70 and 71(1), 71(3) ("di daerah sendiri maupun di daerah lain") bind every
ASN wherever they serve and wherever the candidate runs; UU 10/2016 Pasal 71(2) (a regional head
replacing officials) binds the heads of the regions holding the election; a regional circular
binds its region. Schedules: PKPU 5/2020 (campaign 26 Sep - 5 Dec 2020), PKPU 2/2024
(determination of candidate pairs 22 Sep 2024, campaign 25 Sep - 23 Nov 2024).
"""

from __future__ import annotations

from datetime import date

import pytest

from neutral_timeline.catalog.model import Catalog
from neutral_timeline.resolve.situation import situation

NATIONAL_2024 = {"uu10-authority-programmes", "partiality-activities", "social-media-campaign", "neutrality-principle"}
NATIONAL_2020 = {
    "uu10-authority-programmes",
    "partiality-activities",
    "social-media-campaign",
    "office-facilities-in-campaign",
}
REPLACING = "uu10-replacing-officials"  # UU 10/2016 Pasal 71(2): only where the election is held

# (date, region, election, participation status, rules that must apply, rules that must not)
TABLE = [
    # DI Yogyakarta 2024: no governor race, its five regencies and cities vote.
    (date(2024, 11, 20), "34", "pilkada-2024", "races_in_area", NATIONAL_2024, {REPLACING}),
    (date(2024, 11, 20), "34.71", "pilkada-2024", "takes_part", NATIONAL_2024 | {REPLACING}, set()),
    (date(2024, 11, 20), "34.04", "pilkada-2024", "takes_part", NATIONAL_2024 | {REPLACING}, set()),
    # Pilkada 2020: Sleman, Bantul and Gunungkidul voted; Kota Yogyakarta did not.
    (date(2020, 10, 1), "34.71", "pilkada-2020", "not_taking_part", NATIONAL_2020, {REPLACING}),
    (date(2020, 10, 1), "34.04", "pilkada-2020", "takes_part", NATIONAL_2020 | {REPLACING}, set()),
    (date(2020, 10, 1), "34", "pilkada-2020", "races_in_area", NATIONAL_2020, {REPLACING}),
    # DKI Jakarta held no race in 2020; central-government ASN serving there are still bound.
    (date(2020, 10, 1), "31", "pilkada-2020", "not_taking_part", NATIONAL_2020, {REPLACING}),
    (date(2020, 10, 1), "31.71", "pilkada-2020", "not_taking_part", NATIONAL_2020, {REPLACING}),
    # Papua Barat 2020: no governor race; regencies such as Kaimana voted.
    (date(2020, 10, 1), "92", "pilkada-2020", "races_in_area", NATIONAL_2020, {REPLACING}),
    (date(2020, 10, 1), "92.08", "pilkada-2020", "takes_part", NATIONAL_2020 | {REPLACING}, set()),
    # Kalimantan Selatan 2020: a governor race, so a regency without its own race takes part through it.
    (date(2020, 10, 1), "63.03", "pilkada-2020", "takes_part", NATIONAL_2020 | {REPLACING}, set()),
    # Kota Banjar (Jawa Barat) did not vote in 2020, did in 2024 (Jawa Barat governor race at least).
    (date(2020, 10, 1), "32.79", "pilkada-2020", "not_taking_part", NATIONAL_2020, {REPLACING}),
    (date(2024, 10, 1), "32.79", "pilkada-2024", "takes_part", NATIONAL_2024 | {REPLACING}, set()),
]


@pytest.mark.parametrize(("day", "region", "election", "status", "present", "absent"), TABLE)
def test_national_rules_bind_everywhere(
    catalog: Catalog, day: date, region: str, election: str, status: str, present: set[str], absent: set[str]
) -> None:
    result = situation(catalog, day, election, region=catalog.regions.find(region))
    (es,) = result.elections
    assert es.participation is not None and es.participation.status == status
    ids = {r.id for r in result.rules}
    assert present <= ids, present - ids
    assert not absent & ids
    if status in ("not_taking_part", "races_in_area"):
        assert "still bind every ASN wherever they serve" in es.participation.note.en
        assert es.phases  # the election's phases are still shown: the prohibitions follow them


def test_without_a_region_every_election_in_progress_is_merged(catalog: Catalog) -> None:
    # 25 Sep 2024: Pemilu 2024 (stages until its end) and Pilkada 2024 are both in progress.
    result = situation(catalog, date(2024, 9, 25))
    assert [es.id for es in result.elections] == ["pemilu-2024", "pilkada-2024"]
    ids = [r.id for r in result.rules]
    assert len(ids) == len(set(ids))  # each rule once
    shared = next(r for r in result.rules if r.id == "social-media-campaign")
    assert [t.election for t in shared.applies_through] == ["pemilu-2024", "pilkada-2024"]
    assert {c.instrument for c in shared.basis} == {"skb-netralitas-2022"}


# (rule, date, in force?) on the day before, of and after each boundary (Kota Yogyakarta, no race in 2020).
BOUNDARIES = [
    ("office-facilities-in-campaign", date(2020, 9, 25), False),
    ("office-facilities-in-campaign", date(2020, 9, 26), True),
    ("office-facilities-in-campaign", date(2020, 12, 5), True),
    ("office-facilities-in-campaign", date(2020, 12, 6), False),
    # 6 months before the determination of candidate pairs (23 Sep 2020): from 23 Mar 2020.
    ("uu10-authority-programmes", date(2020, 3, 22), False),
    ("uu10-authority-programmes", date(2020, 3, 23), True),
]


@pytest.mark.parametrize(("rule", "day", "in_force"), BOUNDARIES)
def test_boundaries_in_a_region_without_a_race(catalog: Catalog, rule: str, day: date, in_force: bool) -> None:
    result = situation(catalog, day, "pilkada-2020", region=catalog.regions.find("34.71"))
    assert (rule in {r.id for r in result.rules}) is in_force


@pytest.mark.parametrize(
    ("day", "covered"),
    [
        (date(2018, 6, 27), False),  # Pilkada 2018 voting day
        (date(2019, 4, 17), False),  # Pemilu 2019 voting day
        (date(2019, 9, 29), False),  # the day before Pilkada 2020's tahapan began
        (date(2019, 9, 30), True),
        (date(2022, 1, 1), True),  # between Pilkada 2020 and Pemilu 2024: covered, nothing running
        (date(2025, 2, 27), True),  # last day of Pilkada 2024's tahapan
        (date(2025, 8, 27), True),  # the 2025 re-elections of Bangka and Pangkalpinang
        (date(2025, 8, 28), True),  # their counting
        (date(2025, 10, 2), True),  # Bangka's elected pair determined after the MK ruling of 29 Sep 2025
        (date(2025, 10, 3), False),
        (date(2025, 2, 28), True),  # Pilkada 2024 regions voting again on their own schedules (to 2 Oct 2025)
        (date(2025, 8, 15), True),
        (date(2025, 8, 27), True),  # the last re-elections: Kabupaten Bangka and Kota Pangkalpinang
        (date(2025, 9, 29), True),  # Bangka's result dispute at the MK
    ],
)
def test_coverage(catalog: Catalog, day: date, covered: bool) -> None:
    result = situation(catalog, day)
    assert result.covered is covered
    assert result.message is None or ("outside the elections this tool holds" in result.message.en) is not covered
    if covered and not result.elections:
        assert result.message is not None and result.message.en.startswith("No election is in progress")


def test_an_as_of_before_every_schedule_is_refused_not_answered_empty(catalog: Catalog) -> None:
    from neutral_timeline.errors import QueryError

    with pytest.raises(QueryError) as info:
        situation(catalog, date(2024, 11, 20), as_of=date(1900, 1, 1))
    assert info.value.problems[0].where == "as_of"


@pytest.mark.parametrize("region", [None, "19.01", "34"])
def test_on_a_re_vote_day_the_national_rules_bind_everyone(catalog: Catalog, region: str | None) -> None:
    """19 Apr 2025: seven regions vote again (MK, 24 Feb 2025). An ASN elsewhere is still bound by
    the national prohibitions in force through those re-votes; Pasal 71(2) stays with those regions."""
    result = situation(catalog, date(2025, 4, 19), region=catalog.regions.find(region) if region else None)
    ids = {r.id for r in result.rules}
    assert {"partiality-activities", "social-media-campaign"} <= ids
    # Pasal 71(2) stays with the regions holding a vote: Bangka's own re-election has it open since 22 Jan.
    assert (REPLACING in ids) is (region == "19.01")
    assert result.local and result.message is not None and "bind every ASN" in result.message.en


def test_a_single_election_view_says_another_is_in_progress(catalog: Catalog) -> None:
    """20 Nov 2024, asked about Pemilu 2024 only: Pilkada 2024's campaign is on; say so."""
    result = situation(catalog, date(2024, 11, 20), "pemilu-2024")
    assert result.message is not None and "Also in progress on this date: 2024" in result.message.en
    assert "Pilkada" in result.message.id
    alone = situation(catalog, date(2024, 1, 10), "pemilu-2024")  # Pilkada 2024's tahapan had not begun
    assert alone.message is None
