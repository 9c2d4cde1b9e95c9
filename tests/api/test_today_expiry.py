"""A "today" answer is fresh until its zone's next midnight at the latest, so no cache in front of the
service (nginx, a CDN, a browser) can show yesterday as today. Fixed instants, no clock."""

from __future__ import annotations

from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

import httpx
import pytest

from neutral_timeline.api.responses import TODAY_MAX_AGE, today_freshness


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "now", "day", "max_age", "expires"),
    [
        # Jakarta (UTC+7): midnight is 17:00 UTC
        ("Asia/Jakarta", "2024-11-19T16:00:00", date(2024, 11, 19), TODAY_MAX_AGE, "Tue, 19 Nov 2024 16:05:00 GMT"),
        ("Asia/Jakarta", "2024-11-19T16:58:00", date(2024, 11, 19), 120, "Tue, 19 Nov 2024 17:00:00 GMT"),
        ("Asia/Jakarta", "2024-11-19T16:59:59.750", date(2024, 11, 19), 0, "Tue, 19 Nov 2024 16:59:59 GMT"),
        ("Asia/Jakarta", "2024-11-19T17:00:00", date(2024, 11, 20), TODAY_MAX_AGE, "Tue, 19 Nov 2024 17:05:00 GMT"),
        # Makassar (UTC+8) and Jayapura (UTC+9) turn the day earlier: the answer's own zone decides
        ("Asia/Makassar", "2024-11-19T15:59:00", date(2024, 11, 19), 60, "Tue, 19 Nov 2024 16:00:00 GMT"),
        ("Asia/Jayapura", "2024-11-19T14:59:00", date(2024, 11, 19), 60, "Tue, 19 Nov 2024 15:00:00 GMT"),
        ("Asia/Jayapura", "2024-11-19T15:00:00", date(2024, 11, 20), TODAY_MAX_AGE, "Tue, 19 Nov 2024 15:05:00 GMT"),
        # across a year's end
        ("Asia/Jakarta", "2024-12-31T16:57:30", date(2024, 12, 31), 150, "Tue, 31 Dec 2024 17:00:00 GMT"),
    ],
)
def test_today_is_fresh_until_midnight_in_its_zone(zone: str, now: str, day: date, max_age: int, expires: str) -> None:
    assert today_freshness(zone, at(now)) == (day, max_age, {"Expires": expires})


def test_freshness_never_outlives_the_day() -> None:
    """Every second of the last ten minutes before midnight: the answer expires by midnight, never after."""
    start = at("2024-11-19T16:50:00")
    midnight = at("2024-11-19T17:00:00")
    for second in range(600):
        now = start.replace(minute=50 + second // 60, second=second % 60)
        day, max_age, _ = today_freshness("Asia/Jakarta", now)
        assert day == date(2024, 11, 19)
        assert max_age == min(TODAY_MAX_AGE, int((midnight - now).total_seconds()))


@pytest.mark.anyio
@pytest.mark.parametrize(
    "path",
    ["/api/v1/today", "/api/v1/check?q=like", "/widget/testvote-2028", "/elections/testvote-2028/timeline.svg", "/"],
)
async def test_every_today_answer_says_when_it_expires(client: httpx.AsyncClient, path: str) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    r = await client.get(path)
    assert r.status_code == 200, r.text
    # Its end is said once, as an instant: a max-age would restart in a cache below one sending no Age.
    assert r.headers["cache-control"] == "public"
    left = (parsedate_to_datetime(r.headers["expires"]) - before).total_seconds()
    assert 0 <= left <= TODAY_MAX_AGE + 1
    assert "last-modified" not in r.headers


@pytest.mark.anyio
async def test_a_dated_answer_has_no_expires(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/today", params={"date": "2028-11-01"})
    assert r.headers["cache-control"] == "public, max-age=3600" and "expires" not in r.headers
