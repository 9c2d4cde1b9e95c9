"""Path-style addresses (resolve/paths.py): the same bytes as the query-style address of the same question,
which keeps working; a wrong segment is a clear 404 or 422 in the one error shape."""

from __future__ import annotations

import httpx
import pytest

from neutral_timeline.resolve import paths
from neutral_timeline.resolve.questions import FeedQuestion, RegionQuestion, TimelineQuestion

pytestmark = pytest.mark.anyio

SAME = [
    ("/ics/testvote-2028.ics", "/ics/id/nasional/standard/testvote-2028.ics"),
    ("/ics/all.ics?lang=en&region=Kaimana", "/ics/en/92.08/standard/all.ics"),
    ("/ics/testvote-2028.ics?reminders=minimal&region=92.08", "/ics/id/92.08/minimal/testvote-2028.ics"),
    ("/ics/all.ics?reminders=none&lang=en", "/ics/en/nasional/none/all.ics"),
    ("/ics/testvote-2028.ics?reminder_events=true&lang=en", "/ics/en/nasional/standard-events/testvote-2028.ics"),
    ("/ics/all.ics?reminders=1d&reminder_events=true", "/ics/id/nasional/minimal-events/all.ics"),
    ("/api/v1/elections?lang=en", "/api/v1/en/elections.json"),
    ("/api/v1/elections/testvote-2028/timeline", "/api/v1/id/elections/testvote-2028/timeline.json"),
    ("/api/v1/elections/testvote-2028?region=92.08", "/api/v1/id/elections/testvote-2028/timeline/92.08.json"),
    ("/api/v1/rules?lang=en", "/api/v1/en/rules.json"),
    ("/api/v1/rules?election=testvote-2028", "/api/v1/id/elections/testvote-2028/rules.json"),
    ("/api/v1/rules/party-member?lang=en", "/api/v1/en/rules/party-member.json"),
    ("/api/v1/activities?lang=en", "/api/v1/en/activities.json"),
    ("/api/v1/regions/92.08", "/api/v1/regions/92.08.json"),
]


@pytest.mark.parametrize(("query", "path"), SAME, ids=[p for _, p in SAME])
async def test_path_and_query_addresses_give_the_same_bytes(client: httpx.AsyncClient, query: str, path: str) -> None:
    old, new = await client.get(query), await client.get(path)
    assert old.status_code == new.status_code == 200
    assert old.content == new.content and old.headers["etag"] == new.headers["etag"]
    assert old.headers["content-type"] == new.headers["content-type"]
    assert new.headers.get("last-modified") == old.headers.get("last-modified")
    again = await client.get(path, headers={"If-None-Match": new.headers["etag"]})
    assert again.status_code == 304


async def test_path_svg_has_no_today_marker_and_differs_only_by_it(client: httpx.AsyncClient) -> None:
    dated = await client.get("/elections/testvote-2028/en/timeline.svg")
    assert dated.status_code == 200 and dated.headers["content-type"] == "image/svg+xml"
    assert b'id="today"' not in dated.content and "max-age=3600" in dated.headers["cache-control"]
    marked = await client.get("/elections/testvote-2028/timeline.svg?lang=en&date=2028-10-01")
    assert marked.content != dated.content
    regional = await client.get("/elections/testvote-2028/id/timeline/92.08.svg")
    assert regional.status_code == 200 and regional.content.startswith(b"<?xml")


def test_path_forms_of_questions() -> None:
    assert paths.path(FeedQuestion("x", "63.03", reminder_events=True), "en") == "/ics/en/63.03/standard-events/x.ics"
    assert paths.path(FeedQuestion(None, reminders=(1,)), "id") == "/ics/id/nasional/minimal/all.ics"
    assert paths.path(FeedQuestion(None, reminders=(3,)), "id") is None  # not a preset: query-only
    assert paths.path(FeedQuestion(None, phases="all"), "id") is None
    assert paths.path(TimelineQuestion("x", region="63.03"), "en") == "/api/v1/en/elections/x/timeline/63.03.json"
    assert paths.path(RegionQuestion("63.03"), "en") == "/api/v1/regions/63.03.json"
    assert paths.svg_path(TimelineQuestion("x"), "id") == "/elections/x/id/timeline.svg"


BAD = [
    ("/ics/xx/nasional/standard/all.ics", 422, "lang"),
    ("/ics/id/Kaimana/standard/all.ics", 404, "area"),  # a name is not an address: one path per answer
    ("/ics/id/99.99/standard/all.ics", 404, "area"),
    ("/ics/id/nasional/loud/all.ics", 404, "preset"),
    ("/ics/id/nasional/standard/nope-2099.ics", 404, "election"),
    ("/api/v1/fr/elections.json", 422, "lang"),
    ("/api/v1/id/elections/testvote-2028/timeline/nasional.json", 404, "region"),
    ("/api/v1/id/elections/testvote-2028/timeline/92.8.json", 404, "region"),
    ("/api/v1/regions/Kaimana.json", 404, "code"),
    ("/elections/testvote-2028/de/timeline.svg", 422, "lang"),
    ("/elections/testvote-2028/id/timeline/zz.svg", 404, "region"),
]


@pytest.mark.parametrize(("path", "status", "where"), BAD, ids=[p for p, _, _ in BAD])
async def test_a_wrong_segment_is_a_clear_error(client: httpx.AsyncClient, path: str, status: int, where: str) -> None:
    r = await client.get(path)
    assert r.status_code == status and r.headers["content-type"].startswith("application/json")
    error = r.json()["error"]
    assert error["status"] == status and error["problems"][0]["where"] == where
    assert error["problems"][0]["expected"]
