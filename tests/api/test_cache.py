"""The response cache: dated answers replayed byte for byte, 304s without the app, today never kept."""

from __future__ import annotations

import httpx
import pytest

from neutral_timeline.api.app import create_service
from neutral_timeline.api.cache import ResponseCache
from neutral_timeline.catalog.model import Catalog

pytestmark = pytest.mark.anyio
DATED = "/api/v1/elections/testvote-2028/situation?date=2028-10-03"


async def test_dated_answers_are_replayed_identically(mini: Catalog) -> None:
    app = create_service(mini)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        first = await client.get(DATED)
        second = await client.get(DATED)
        assert first.content == second.content
        assert first.headers["etag"] == second.headers["etag"]
        assert second.headers["access-control-allow-origin"] == "*"
        not_modified = await client.get(DATED, headers={"If-None-Match": first.headers["etag"]})
        assert not_modified.status_code == 304 and not_modified.content == b""
        assert "content-type" not in not_modified.headers
        assert not_modified.headers["etag"] == first.headers["etag"]
        head = await client.head(DATED)
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-length"] == str(len(first.content))


async def test_what_is_kept_and_what_is_not(mini: Catalog) -> None:
    app = create_service(mini)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        await client.get(DATED)
        await client.get("/api/v1/today")  # short-lived: its date moves with the clock
        await client.get("/api/v1/elections/nope/situation?date=2028-10-03")  # an error
        cache = app
        while not isinstance(cache, ResponseCache):  # behind the guards (hosts, limits, CORS)
            cache = cache.app  # type: ignore[attr-defined]
        kept = {path + ("?" + query.decode() if query else "") for path, query in cache.entries}
        assert kept == {DATED}
