"""Regions in the resolver: participation said plainly, regional circulars, the region's own day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from neutral_timeline.catalog.load import load_catalog
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.query import today_in
from neutral_timeline.resolve.situation import situation

E = "testvote-2028"
DAY = date(2028, 10, 5)  # campaign, sched-b


def _one(mini: Catalog, region: str, day: date = DAY):  # type: ignore[no-untyped-def]
    result = situation(mini, day, E, region=mini.regions.find(region))
    (es,) = result.elections
    return result, es


def test_regency_with_its_own_race_and_circular(mini: Catalog) -> None:
    result, es = _one(mini, "92.08")
    assert result.zone == "Asia/Jayapura"
    assert result.region is not None and result.region.province_name == "Papua Barat"
    assert es.participation is not None
    assert (es.participation.status, es.participation.races) == ("takes_part", ("regency",))
    rules = {r.id: r for r in result.rules}
    assert "local-attributes" in rules  # the Kaimana test circular binds Kaimana
    (basis,) = rules["local-attributes"].basis
    assert basis.region == "92.08" and basis.verified is False


def test_regency_in_a_province_with_a_governor_race(mini: Catalog) -> None:
    result, es = _one(mini, "Kab. Banjar")
    assert result.zone == "Asia/Makassar"
    assert es.participation is not None and es.participation.races == ("governor",)
    assert "pemilihan gubernur Kalimantan Selatan" in es.participation.note.id
    assert "local-attributes" not in {r.id for r in result.rules}  # another region's circular


def test_region_without_a_race_is_told_so_and_still_bound_by_national_rules(mini: Catalog) -> None:
    result, es = _one(mini, "Kota Yogyakarta")
    assert es.participation is not None and es.participation.status == "not_taking_part"
    assert es.participation.note.en.startswith("Kota Yogyakarta holds no race of its own")
    assert "still bind every ASN wherever they serve" in es.participation.note.en
    # National prohibitions bind every ASN wherever the candidate runs (DESIGN "Where a rule binds").
    national = {r.id for r in situation(mini, DAY, E).rules}
    assert {r.id for r in result.rules} == national
    assert {p.phase.key for p in es.phases} == {"stages", "campaign"}


def test_national_answer_has_no_participation_and_no_circulars(mini: Catalog) -> None:
    result = situation(mini, DAY, E)
    assert result.elections[0].participation is None
    assert "local-attributes" not in {r.id for r in result.rules}


def test_unknown_participation_when_the_list_is_incomplete(
    broken: Callable[[str, Callable[[str], str]], Path],
) -> None:
    root = broken(f"elections/{E}.toml", lambda t: t.replace("complete = true", "complete = false"))
    catalog = load_catalog(root)
    result = situation(catalog, DAY, E, region=catalog.regions.find("34.71"))
    (es,) = result.elections
    assert es.participation is not None and es.participation.status == "unknown"
    assert "not verified" in es.participation.note.en
    assert "campaign-facilities" in {r.id for r in result.rules}  # listed, with the warning above


@pytest.mark.parametrize(
    ("utc", "zone", "expected"),
    [
        (datetime(2028, 10, 2, 16, 30, tzinfo=UTC), "Asia/Jakarta", date(2028, 10, 2)),  # 23:30 WIB
        (datetime(2028, 10, 2, 16, 30, tzinfo=UTC), "Asia/Makassar", date(2028, 10, 3)),  # 00:30 WITA
        (datetime(2028, 10, 2, 16, 30, tzinfo=UTC), "Asia/Jayapura", date(2028, 10, 3)),  # 01:30 WIT
        (datetime(2028, 10, 2, 14, 59, tzinfo=UTC), "Asia/Jayapura", date(2028, 10, 2)),  # 23:59 WIT
        (datetime(2028, 10, 2, 15, 0, tzinfo=UTC), "Asia/Jayapura", date(2028, 10, 3)),  # 00:00 WIT
        (datetime(2028, 10, 2, 16, 59, tzinfo=UTC), "Asia/Jakarta", date(2028, 10, 2)),  # 23:59 WIB
        (datetime(2028, 10, 2, 17, 0, tzinfo=UTC), "Asia/Jakarta", date(2028, 10, 3)),  # 00:00 WIB
    ],
)
def test_today_at_zone_boundaries(utc: datetime, zone: str, expected: date) -> None:
    assert today_in(zone, now=utc) == expected


def test_same_instant_different_answers_by_zone(mini: Catalog) -> None:
    # 23:30 WIB on the eve of the campaign is already its first day in Kaimana (WIT).
    instant = datetime(2028, 10, 2, 16, 30, tzinfo=UTC)
    kaimana = mini.regions.find("92.08")
    sleman = mini.regions.find("34.04")
    (wit,) = situation(mini, today_in(kaimana.zone, instant), E, region=kaimana).elections
    (wib,) = situation(mini, today_in(sleman.zone, instant), E, region=sleman).elections
    assert "campaign" in {p.phase.key for p in wit.phases}
    assert "campaign" not in {p.phase.key for p in wib.phases}
