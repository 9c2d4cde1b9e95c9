"""The timeline carries what answers any day, and stays shared between regions (bundled calendars).

The web component derives "today" from it in the browser (tests/widget/test_today.py compares that
with the server's situation day by day); a static export can share one file between the regions
whose timeline is the national one, so a region changes it only through its own circulars or a
local schedule it follows.
"""

from __future__ import annotations

from neutral_timeline.catalog.model import Catalog
from neutral_timeline.resolve.participation import region_detail
from neutral_timeline.resolve.situation import timeline


def test_a_region_without_circulars_or_local_schedules_shares_the_national_timeline(catalog: Catalog) -> None:
    circulars = {i.region for i in catalog.instruments.values() if i.region}
    for election in catalog.elections.values():
        national = timeline(catalog, election.id)
        following = {code for s in election.local for code in s.regions}
        for region in catalog.regions:
            own = {region.code, region.province} & circulars
            voting_again = any(region.code.startswith(code) or code.startswith(region.code + ".") for code in following)
            if not own and not voting_again:
                assert timeline(catalog, election.id, region=region) == national, (election.id, region.code)


def test_each_schedule_a_region_follows_is_there_with_its_days(catalog: Catalog) -> None:
    bangka, province = catalog.regions.get("19.01"), catalog.regions.get("19")
    assert bangka is not None and province is not None
    main, again = timeline(catalog, "pilkada-2024", region=bangka).schedules
    assert (main.id, main.local, main.voting_day.isoformat()) == ("pkpu-2-2024", False, "2024-11-27")
    assert (again.id, again.local, again.itself, again.participation) == (
        "pemilihan-ulang-2025-bangka",
        True,
        True,
        None,
    )
    # Followed from the day after the main stages end (27 Feb 2025): its Pasal 71(2) and (3) windows opened
    # on 22 Jan, six months before its penetapan pasangan calon; its first stage is registration, 26 Jun.
    assert (again.start.isoformat(), again.voting_day.isoformat()) == ("2025-02-28", "2025-08-27")
    assert min(p.start for p in again.phases).isoformat() == "2025-06-26"
    assert {c.date.isoformat() for c in again.changes if c.change == "phase_start" and c.id == "voting_day"} == {
        "2025-08-27"
    }
    # The province holds no re-election itself: regions in its area do, so the rules bound to the
    # regions holding it are left out there (its participation says so).
    *_, around = timeline(catalog, "pilkada-2024", region=province).schedules
    assert around.itself is False and around.participation is not None
    assert around.participation.status == "races_in_area"
    held = timeline(catalog, "pilkada-2024").held_only
    assert held and all(catalog.rules[r].election_regions_only for r in held)


def test_a_regions_answer_says_whether_it_takes_part_in_each_election(catalog: Catalog) -> None:
    yogyakarta = catalog.regions.get("34")
    assert yogyakarta is not None
    found = {p.election: p for p in region_detail(catalog, yogyakarta).participation}
    assert set(found) == set(catalog.elections)
    assert (found["pemilu-2024"].status, found["pilkada-2024"].status) == ("takes_part", "races_in_area")
    assert found["pilkada-2024"].note.en.startswith("Provinsi Daerah Istimewa Yogyakarta holds no race of its own")
    assert found["pilkada-2024"].note.id != found["pilkada-2024"].note.en
