"""Every route through the real app: bodies, validators, 304, HEAD, CORS, and every error path."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
import pytest

from neutral_timeline.api.app import create_service
from neutral_timeline.catalog.model import Catalog
from tests.api.conftest import TESTSERVER

pytestmark = pytest.mark.anyio

SITUATION = "/api/v1/elections/testvote-2028/situation"


async def test_health(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok"
    assert r.json()["elections"] == 1


async def test_elections(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/elections", params={"lang": "en"})
    (item,) = r.json()
    assert item["id"] == "testvote-2028"
    assert item["name"] == "Test Regional Election 2028"
    assert item["voting_day"] == "2028-12-04"
    assert [rev["id"] for rev in item["revisions"]] == ["sched-a", "sched-b"]


async def test_situation_on_a_date(client: httpx.AsyncClient) -> None:
    r = await client.get(SITUATION, params={"date": "2028-10-03"})
    body = r.json()
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    (es,) = body["elections"]
    assert body["date"] == "2028-10-03" and body["zone"] == "Asia/Jakarta"
    assert {p["phase"]["key"] for p in es["phases"]} == {"stages", "campaign"}
    rules = {r["id"]: r for r in body["rules"]}
    assert set(es["rule_ids"]) == set(rules)
    assert rules["campaign-facilities"]["basis"][0]["short"] == "PP Baru"
    assert rules["campaign-facilities"]["window"] == {
        "start": "2028-10-03",
        "end": "2028-11-30",
        "opened_by": "campaign.start",
        "closed_by": "campaign.end",
        "opened_by_text": "awal masa kampanye",
        "closed_by_text": "akhir masa kampanye",
    }
    assert es["countdown"] == {"voting_day": "2028-12-04", "days": 62}


async def test_situation_as_of_an_older_schedule(client: httpx.AsyncClient) -> None:
    r = await client.get(SITUATION, params={"date": "2028-09-03", "as_of": "2027-12-31", "lang": "en"})
    (es,) = r.json()["elections"]
    assert es["revision"]["id"] == "sched-a" and es["revision"]["latest"] is False
    assert "campaign" in {p["phase"]["key"] for p in es["phases"]}


async def test_today_without_date_uses_jakarta_and_short_cache(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/today")
    assert r.status_code == 200
    assert r.json()["zone"] == "Asia/Jakarta"
    assert r.headers["cache-control"] == "public"  # Expires alone says when it ends
    expires = parsedate_to_datetime(r.headers["expires"]) - datetime.now(UTC)
    assert -2 <= expires.total_seconds() <= 300  # less only in the last five minutes before midnight in Jakarta


async def test_today_on_a_date_with_no_election(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/v1/today", params={"date": "2026-01-01", "lang": "en"})).json()
    assert body["elections"] == []
    assert body["covered"] is False and body["coverage"] == {"start": "2027-06-01", "end": "2029-01-31"}
    assert body["message"].startswith(
        "This date is outside the elections this tool holds, before the first of them: it covers Test Regional Election "
        "2028, whose schedules run from "
        "1 June 2027 to 31 January 2029"
    )
    assert [r["id"] for r in body["rules"]] == ["party-member"]


async def test_timeline_and_election(client: httpx.AsyncClient) -> None:
    for path in ("/api/v1/elections/testvote-2028", "/api/v1/elections/testvote-2028/timeline"):
        body = (await client.get(path)).json()
        assert body["revision"]["id"] == "sched-b"
        assert body["phases"][0]["key"] == "stages"
        assert {r["rule"]["id"] for r in body["rules"]} == {"campaign-facilities", "six-months", "party-member"}


async def test_rules_and_rule(client: httpx.AsyncClient) -> None:
    assert [r["id"] for r in (await client.get("/api/v1/rules", params={"tag": "party"})).json()] == ["party-member"]
    everything = (await client.get("/api/v1/rules", params={"election": "testvote-2028"})).json()
    assert len(everything) == 4  # with the regional circular's rule, marked with its region
    local = next(r for r in everything if r["id"] == "local-attributes")
    assert local["basis"][0]["region"] == "92.08"
    one = (await client.get("/api/v1/rules/six-months", params={"lang": "en"})).json()
    assert one["windows"] == [["candidate_determination.start-P6M", "result_determination.end"]]
    assert one["elections"] == ["testvote-2028"]
    assert one["interpretation"] == "Test interpretation"


async def test_feeds_list_links(client: httpx.AsyncClient) -> None:
    feeds = (await client.get("/api/v1/feeds")).json()
    assert [f["id"] for f in feeds] == ["all", "testvote-2028"]
    links = feeds[1]["links"]
    assert links["ics"] == "http://testserver/ics/id/nasional/standard/testvote-2028.ics"
    assert links["webcal"] == "webcal://testserver/ics/id/nasional/standard/testvote-2028.ics"
    assert links["google"].startswith("https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Ftestserver")
    assert links["download"].endswith("?download=true")


@pytest.mark.parametrize(
    "path",
    ["/api/v1/elections", SITUATION + "?date=2028-10-03", "/api/v1/rules", "/api/v1/elections/testvote-2028"],
)
async def test_etag_304_and_head(client: httpx.AsyncClient, path: str) -> None:
    first = await client.get(path)
    tag = first.headers["etag"]
    assert tag.startswith('"') and not tag.startswith("W/")
    again = await client.get(path, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == tag
    other = await client.get(path, headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200
    head = await client.head(path)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == tag
    assert first.headers["access-control-allow-origin"] == "*"
    assert "max-age" in first.headers["cache-control"]


async def test_etag_changes_with_language(client: httpx.AsyncClient) -> None:
    a = await client.get("/api/v1/elections", params={"lang": "id"})
    b = await client.get("/api/v1/elections", params={"lang": "en"})
    assert a.headers["etag"] != b.headers["etag"]


def _error(r: httpx.Response) -> dict[str, Any]:
    body: dict[str, Any] = r.json()["error"]
    assert set(body) == {"status", "code", "message", "problems"}
    assert body["status"] == r.status_code
    return body


@pytest.mark.parametrize(
    ("path", "status", "where", "fragment"),
    [
        ("/api/v1/elections/testvote-2082/situation", 404, "election", "did you mean 'testvote-2028'?"),
        ("/api/v1/elections/nope", 404, "election", "testvote-2028"),
        ("/api/v1/rules/six-month", 404, "rule", "did you mean 'six-months'?"),
        ("/api/v1/rules?election=pilkada-2099", 404, "election", "unknown election"),
        ("/api/v1/rules?tag=sosmed", 404, "tag", "social-media"),
        (SITUATION + "?date=2028-02-30", 422, "date", "YYYY-MM-DD"),
        (SITUATION + "?date=tomorrow", 422, "date", "YYYY-MM-DD"),
        (SITUATION + "?as_of=2028/01/01", 422, "as_of", "YYYY-MM-DD"),
        (SITUATION + "?as_of=2020-01-01", 422, "as_of", "on or after 2027-01-10"),
        ("/api/v1/today?lang=fr", 422, "lang", "id or en"),
        ("/api/v1/nothing-here", 404, "/api/v1/nothing-here", "/docs"),
    ],
)
async def test_errors_have_one_shape(
    client: httpx.AsyncClient, path: str, status: int, where: str, fragment: str
) -> None:
    r = await client.get(path, headers={"Accept-Language": "en"})
    assert r.status_code == status
    body = _error(r)
    assert body["problems"][0]["where"] == where
    assert fragment in body["message"]


@pytest.mark.parametrize(
    ("path", "headers", "says"),
    [
        ("/api/v1/elections/testvote-2082/situation", {}, "pemilihan 'testvote-2082' tidak dikenal"),
        ("/api/v1/elections/testvote-2082/situation?lang=en", {}, "unknown election 'testvote-2082'"),
        ("/api/v1/elections/testvote-2082/situation", {"Accept-Language": "en-GB,en;q=0.8"}, "unknown election"),
        ("/api/v1/elections/testvote-2082/situation", {"Accept-Language": "en;q=0.5, id"}, "tidak dikenal"),
        ("/api/v1/elections/testvote-2082/situation?lang=id", {"Accept-Language": "en"}, "tidak dikenal"),
        ("/api/v1/elections/testvote-2082/situation", {"Accept-Language": "fr, de"}, "tidak dikenal"),
        (SITUATION + "?date=2028-02-30", {}, "'2028-02-30' bukan tanggal kalender (seharusnya YYYY-MM-DD, misalnya"),
        (SITUATION + "?date=2028-02-30&lang=en", {}, "'2028-02-30' is not a calendar date (expected YYYY-MM-DD, e.g."),
        ("/api/v1/today?lang=fr", {"Accept-Language": "en"}, "lang: 'fr' is not an accepted value (expected id or en)"),
        ("/api/v1/today?lang=fr", {}, "lang: 'fr' bukan nilai yang diterima (seharusnya id atau en)"),
        ("/api/v1/nothing-here", {}, "halaman ini tidak ada"),
        ("/api/v1/nothing-here?lang=en", {}, "no such page (expected a route listed in /openapi.json); see /docs"),
    ],
)  # fmt: skip
async def test_errors_are_in_the_readers_language(
    client: httpx.AsyncClient, path: str, headers: dict[str, str], says: str
) -> None:
    """Indonesian by default; English with lang=en or Accept-Language: en. Same codes and shape."""
    r = await client.get(path, headers=headers)
    body = _error(r)
    assert says in body["message"], body["message"]
    assert r.headers["content-language"] == (
        "en" if "tidak" not in says and "bukan" not in says and "halaman" not in says else "id"
    )
    problem = body["problems"][0]
    assert set(problem) == {"where", "what", "expected", "suggestion"}
    assert problem["what"] in body["message"]


async def test_method_not_allowed(client: httpx.AsyncClient) -> None:
    r = await client.post("/api/v1/elections")
    assert r.status_code == 405
    assert _error(r)["code"] == "method_not_allowed"


async def test_openapi_documents_every_route(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    paths = set(spec["paths"])
    assert {
        "/api/v1/health",
        "/api/v1/elections",
        "/api/v1/today",
        "/api/v1/elections/{election}",
        "/api/v1/elections/{election}/situation",
        "/api/v1/elections/{election}/timeline",
        "/api/v1/rules",
        "/api/v1/rules/{rule}",
        "/api/v1/feeds",
        "/ics/{name}.ics",
    } <= paths
    docs = await client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


async def test_situation_for_a_region(client: httpx.AsyncClient) -> None:
    body = (await client.get(SITUATION, params={"date": "2028-10-05", "region": "Kabupaten Kaimana"})).json()
    assert body["zone"] == "Asia/Jayapura"
    assert body["region"]["code"] == "92.08"
    (es,) = body["elections"]
    assert es["participation"]["status"] == "takes_part"
    assert "local-attributes" in {r["id"] for r in body["rules"]} and "local-attributes" in es["rule_ids"]


async def test_today_without_date_uses_the_regions_zone(client: httpx.AsyncClient) -> None:
    from neutral_timeline.query import today_in

    body = (await client.get("/api/v1/today", params={"region": "92.08"})).json()
    assert body["zone"] == "Asia/Jayapura"
    assert body["date"] == today_in("Asia/Jayapura").isoformat()


async def test_region_that_does_not_take_part(client: httpx.AsyncClient) -> None:
    body = (await client.get(SITUATION, params={"date": "2028-10-05", "region": "34.71", "lang": "en"})).json()
    (es,) = body["elections"]
    assert es["participation"]["status"] == "not_taking_part"
    assert es["participation"]["note"].startswith("Kota Yogyakarta holds no race of its own")
    assert "campaign-facilities" in {r["id"] for r in body["rules"]}  # a national rule: it binds here too


async def test_ambiguous_and_unknown_regions(client: httpx.AsyncClient) -> None:
    r = await client.get(SITUATION, params={"region": "Banjar"})
    assert r.status_code == 422
    body = _error(r)
    assert body["code"] == "ambiguous_region"
    assert "32.79" in body["message"] and "63.03" in body["message"]
    r = await client.get("/api/v1/today", params={"region": "Slemen"})
    assert r.status_code == 404
    assert "Kabupaten Sleman" in _error(r)["message"]


async def test_region_search_and_lookup(client: httpx.AsyncClient) -> None:
    found = (await client.get("/api/v1/regions", params={"q": "banjar"})).json()
    assert {r["code"] for r in found} >= {"32.79", "63.03"}
    one = (await client.get("/api/v1/regions/6303")).json()
    assert one == {
        "code": "63.03",
        "name": "Kabupaten Banjar",
        "type": "kabupaten",
        "province": "63",
        "province_name": "Kalimantan Selatan",
        "zone": "Asia/Makassar",
        # whether it takes part in each election, in both languages (the answer has no lang): with an
        # election's timeline, what the web component needs to answer any day for this region
        "participation": [
            {
                "election": "testvote-2028",
                "status": "takes_part",
                "races": ["governor"],
                "note": {
                    "id": "Kabupaten Banjar ikut Pilkada Uji 2028: pemilihan gubernur Kalimantan Selatan.",
                    "en": "Kabupaten Banjar takes part in Test Regional Election 2028: the governor race of "
                    "Kalimantan Selatan.",
                },
            }
        ],
    }
    assert (await client.get("/api/v1/regions/99.99")).status_code == 404
    assert (await client.get("/api/v1/regions", params={"q": ""})).status_code == 422


async def test_elections_list_the_announced_ones_after_the_scheduled(catalog: Catalog) -> None:
    """The bundled calendars over HTTP: Pemilu 2029 and the local elections after it, announced, no dates."""
    transport = httpx.ASGITransport(app=create_service(catalog, TESTSERVER))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        for lang in ("id", "en"):
            body = (await client.get("/api/v1/elections", params={"lang": lang})).json()
            assert [e["status"] for e in body] == ["scheduled"] * 3 + ["announced"] * 2
            nxt, local = body[-2:]
            assert (nxt["id"], nxt["kind"], nxt["announced"]) == ("pemilu-2029", "pemilu", "2025-06-26")
            assert local["after"] == "pemilu-2029" and "voting_day" not in local
            assert nxt["source"]["short"] == "Putusan MK 135/PUU-XXII/2024" and all(
                f["source"]["urls"] for f in nxt["facts"]
            )
        assert "2029 national election" in nxt["name"]
