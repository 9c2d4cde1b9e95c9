"""GET /api/v1/check: the same answer as the CLI, parameters enforced by the one table."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from neutral_timeline.api.app import create_service
from neutral_timeline.catalog.model import Catalog
from tests.api.conftest import TESTSERVER

pytestmark = pytest.mark.anyio


@pytest.fixture()
async def real(catalog: Catalog) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_service(catalog, TESTSERVER))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def test_prohibited(real: httpx.AsyncClient) -> None:
    r = await real.get("/api/v1/check", params={"q": "nge-like postingan calon", "date": "2024-09-25"})
    assert r.status_code == 200
    body = r.json()
    assert body["verdict"] == "prohibited"
    assert body["activity"]["id"] == "like-candidate-post"
    assert [rule["id"] for rule in body["rules"]] == ["social-media-campaign"]
    assert body["rules"][0]["sanction"] and body["rules"][0]["basis"][0]["urls"]
    assert body["principle"][0]["id"] == "neutrality-principle"


async def test_not_recorded_and_english(real: httpx.AsyncClient) -> None:
    r = await real.get("/api/v1/check", params={"q": "like", "date": "2019-01-01", "lang": "en"})
    body = r.json()
    assert body["verdict"] == "not_recorded"
    assert "not mean it is allowed" in body["message"]
    assert body["coverage"]["start"] == "2019-09-30"


async def test_region_and_election(real: httpx.AsyncClient) -> None:
    r = await real.get(
        "/api/v1/check", params={"q": "mobil dinas", "date": "2024-01-20", "election": "pemilu-2024", "region": "63.03"}
    )
    assert r.status_code == 200
    assert r.json()["elections"] == ["pemilu-2024"]


@pytest.mark.parametrize(
    ("params", "status"),
    [({"q": ""}, 422), ({"q": "x" * 101}, 422), ({"q": "like", "date": "2024-13-01"}, 422), ({}, 422)],
)
async def test_refusals(real: httpx.AsyncClient, params: dict[str, str], status: int) -> None:
    r = await real.get("/api/v1/check", params=params)
    assert r.status_code == status
    assert r.json()["error"]["problems"]


async def test_unknown_election(real: httpx.AsyncClient) -> None:
    r = await real.get("/api/v1/check", params={"q": "like", "election": "pilkada-2042"})
    assert r.status_code == 404
    assert "pilkada-2024" in r.text


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "an activity in everyday words"), ("id", "kegiatan dengan kata sehari-hari")]
)
async def test_a_bad_question_is_explained_as_an_activity_not_a_region(
    real: httpx.AsyncClient, lang: str, words: str
) -> None:
    r = await real.get("/api/v1/check", params={"q": "x" * 101, "lang": lang})
    (problem,) = r.json()["error"]["problems"]
    assert (
        problem["where"] == "q" and words in problem["expected"] and "nge-like postingan calon" in problem["expected"]
    )
    assert "banjar" not in problem["expected"] and "63.03" not in problem["expected"]
    regions = (await real.get("/api/v1/regions", params={"q": "x" * 101, "lang": lang})).json()["error"]["problems"]
    assert "63.03" in regions[0]["expected"]  # the region search keeps its own words
    spec = (await real.get("/openapi.json")).json()["paths"]["/api/v1/check"]["get"]["parameters"]
    assert next(p for p in spec if p["name"] == "q")["schema"] == {"type": "string", "minLength": 1, "maxLength": 100}
