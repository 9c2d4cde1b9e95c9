"""The iframe page in Chromium: the right phase, countdown, rules and changes on a fixed date."""

from __future__ import annotations

from typing import Any

import pytest

from tests.widget.conftest import HOSTILE_TITLE, Opener, Visit
from tests.widget.pages import MARKER, shown

EXPECTED: dict[tuple[str, str], dict[str, Any]] = {
    ("2028-10-03", "en"): {
        "title": ["Test Regional Election 2028"],
        "count": ["62 days to voting day (4 December 2028)"],
        "now": ["Campaign period"],
        "rules": [
            "Office facilities in campaigns",
            HOSTILE_TITLE["en"],
            "Party membership",
            "Programmes favouring a candidate",
        ],
        "changes": [
            "3 October 2028 (today): starts — Campaign period",
            "3 October 2028 (today): comes into force — Office facilities in campaigns",
            f"3 October 2028 (today): comes into force — {HOSTILE_TITLE['en']}",
        ],
    },
    ("2028-10-01", "id"): {
        "title": ["Pilkada Uji 2028"],
        "count": ["64 hari menuju hari pemungutan suara (4 Desember 2028)"],
        "now": ["Pengundian nomor urut"],
        "rules": ["Anggota partai politik", "Program yang menguntungkan calon"],
        "changes": [
            "1 Oktober 2028 (hari ini): mulai — Pengundian nomor urut",
            "3 Oktober 2028 (dalam 2 hari): mulai — Masa kampanye",
            "3 Oktober 2028 (dalam 2 hari): mulai berlaku — Fasilitas jabatan dalam kampanye",
            f"3 Oktober 2028 (dalam 2 hari): mulai berlaku — {HOSTILE_TITLE['id']}",
        ],
    },
}


@pytest.mark.parametrize(("day", "lang"), list(EXPECTED))
def test_widget_shows_the_phase_rules_and_changes_of_the_day(visit: Visit, site: str, day: str, lang: str) -> None:
    page = visit.page()
    page.goto(f"{site}/widget/testvote-2028?date={day}&lang={lang}")
    got = shown(page)
    for key, value in EXPECTED[day, lang].items():
        assert got[key] == value, key
    assert page.locator("html").get_attribute("lang") == lang
    assert got["phases"][0] in {"Stages", "Tahapan"} and len(got["phases"]) == 9
    assert visit.errors == []


def test_sources_notes_and_unverified_flags_are_shown(visit: Visit, site: str) -> None:
    page = visit.page()
    page.goto(f"{site}/widget/testvote-2028?date=2028-10-03&lang=en")
    got = shown(page)
    # Each distinct interpretation is listed once under the rules; each rule points to its number.
    assert got["note_texts"] == ['<img src=x onerror="window.__pwned = 3">Reading', "Test interpretation"]
    assert got["notes"] == ["Interpretation: see note 1 below", "Interpretation: see note 2 below"]
    assert got["details"] == [f"Details: {title}" for title in got["rules"]]  # the summary, window, all sources
    page.locator("details.nt-more-rules > summary").click()  # short first: every rule one click away
    details = page.locator(".nt-more").nth(0)
    details.locator("summary").click()
    assert "Do not use office facilities for campaigns." in details.inner_text()
    assert "In force: 3 October 2028 – 30 November 2028" in details.inner_text()
    # One status, computed once: the rule whose only basis is unverified, and that basis itself.
    assert got["unverified"] == 2 and page.locator(".nt-unverified").all_inner_texts() == ["unverified"] * 2
    assert page.locator(".nt-rule-title .nt-unverified").count() == 1
    assert got["sources"][0] == "example.org"
    hrefs = [a.get_attribute("href") for a in page.locator(".nt-src a").all()]
    assert "https://example.org/law-new" in hrefs


def test_the_today_marker_sits_inside_the_current_phase(visit: Visit, site: str) -> None:
    page = visit.page()
    page.goto(f"{site}/widget/testvote-2028?date=2028-10-03")
    found = page.evaluate(f"({MARKER})(document)")
    ((left, right),) = found["now"]
    assert left <= found["x"] <= right


def test_a_day_outside_the_election_has_no_marker_and_says_so(visit: Visit, site: str) -> None:
    page = visit.page()
    page.goto(f"{site}/widget/testvote-2028?date=2030-01-01&lang=en")
    assert page.locator(".nt-today").count() == 0
    assert page.locator(".nt-warn").inner_text() == "This election's stages are not running on that date."
    assert page.locator(".nt-count").inner_text().startswith("Voting took place")


def test_no_live_regions(visits: Opener, site: str) -> None:
    """Nothing announces itself: a screen reader reads the widget when the user gets there."""
    page = visits().page()
    page.goto(f"{site}/widget/testvote-2028?date=2028-10-03")
    assert page.locator("[aria-live], [role=status], [role=alert], [role=log], [role=marquee]").count() == 0


def test_a_region_without_a_race_is_told_so_and_keeps_the_national_rules(visit: Visit, site: str) -> None:
    page = visit.page()
    page.goto(f"{site}/widget/testvote-2028?date=2028-10-05&lang=en")
    national = shown(page)
    page.goto(f"{site}/widget/testvote-2028?date=2028-10-05&region=34.71&lang=en")
    assert page.locator(".nt-region").inner_text() == "Region: Kota Yogyakarta (34.71) · time zone Asia/Jakarta"
    assert page.locator(".nt-warn").inner_text().startswith("Kota Yogyakarta holds no race of its own")
    got = shown(page)
    assert got["rules"] == national["rules"] and "Party membership" in got["rules"]
    assert got["now"] == national["now"] == ["Campaign period"]
