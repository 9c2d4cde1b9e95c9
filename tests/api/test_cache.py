"""The one HTTP cache: keyed on the canonical question, bounded in bytes, never keyed on headers."""

from __future__ import annotations

from datetime import date

import httpx
import pytest

from neutral_timeline.api.app import create_app, create_service
from neutral_timeline.api.cache import AnswerCache, Rendered
from neutral_timeline.api.replay import Replay
from neutral_timeline.api.service import Service
from neutral_timeline.api.settings import Settings
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.resolve.questions import SituationQuestion

pytestmark = pytest.mark.anyio
DATED = "/api/v1/elections/testvote-2028/situation?date=2028-10-03"


async def test_dated_answers_are_replayed_identically(mini: Catalog) -> None:
    app = create_app(mini)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        first = await client.get(DATED)
        second = await client.get(DATED)
        assert first.content == second.content
        assert first.headers["etag"] == second.headers["etag"]
        assert second.headers["access-control-allow-origin"] == "*"
        not_modified = await client.get(DATED, headers={"If-None-Match": f'W/"x", {first.headers["etag"]}'})
        assert not_modified.status_code == 304 and not_modified.content == b""
        assert "content-type" not in not_modified.headers
        assert not_modified.headers["etag"] == first.headers["etag"]
        head = await client.head(DATED)
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-length"] == first.headers["content-length"]  # the gzip bytes, as GET sends


async def test_one_entry_per_canonical_question(mini: Catalog) -> None:
    app = create_app(mini)
    service: Service = app.state.service
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        same = [
            DATED + "&region=92.08",
            DATED + "&region=Kaimana",  # a name and its code are one question
            "/api/v1/elections/testvote-2028/situation?region=92.08&date=2028-10-03&junk=1",  # order, unknown params
        ]
        bodies = {(await client.get(url)).content for url in same}
        assert len(bodies) == 1
        await client.get("/api/v1/elections/nope/situation?date=2028-10-03")  # an error is never kept
    question = SituationQuestion(date(2028, 10, 3), "testvote-2028", "92.08")
    assert list(service.cache.entries) == [(question, "json", "id", None, False)]


def test_the_cache_is_bounded_in_bytes() -> None:
    cache = AnswerCache(max_bytes=64 * 1024)
    for n in range(1000):
        rendered = Rendered.of(bytes(2000) + str(n).encode(), "application/json")
        cache.get(("q", n), lambda rendered=rendered: rendered)  # type: ignore[misc]
    assert cache.size <= cache.max_bytes
    assert sum(cost for _, cost in cache.entries.values()) == cache.size
    assert 20 <= len(cache.entries) < 32  # ~2.6 kB an entry in 64 kB
    big = cache.get("big", lambda: Rendered.of(bytes(cache.max_bytes), "application/json"))
    assert len(big.body) == cache.max_bytes and "big" not in cache.entries  # served, never kept


def _replay(app: object) -> Replay:
    while not isinstance(app, Replay):
        app = app.app  # type: ignore[attr-defined]
    return app


async def test_repeated_dated_questions_are_replayed_from_the_one_cache(mini: Catalog) -> None:
    app = create_service(mini, Settings("http://testserver"))
    replay = _replay(app)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        first = await client.get(DATED, headers={"Origin": "https://news.example"})
        assert list(replay.index) == [("/api/v1/elections/testvote-2028/situation", b"date=2028-10-03")]
        again = await client.get(DATED, headers={"Origin": "https://news.example"})
        assert again.content == first.content and again.headers == first.headers  # the same bytes and headers
        revalidated = await client.get(DATED, headers={"If-None-Match": first.headers["etag"]})
        assert revalidated.status_code == 304 and revalidated.content == b""
        assert "content-type" not in revalidated.headers and revalidated.headers["x-content-type-options"] == "nosniff"
        head = await client.head(DATED)
        assert head.status_code == 200 and head.content == b"" and head.headers["etag"] == first.headers["etag"]
        # The index holds no bytes: once the cache has dropped the answer, the app renders it again.
        replay.cache.entries.clear()
        replay.cache.size = 0
        after = await client.get(DATED)
        assert after.content == first.content and len(replay.cache.entries) == 1
        # "Today" moves with the clock and is never indexed; nor are errors.
        await client.get("/api/v1/today")
        await client.get("/api/v1/elections/nope/situation?date=2028-10-03")
        assert list(replay.index) == [("/api/v1/elections/testvote-2028/situation", b"date=2028-10-03")]
        # A forged Host is refused before the index: it can never be answered, nor change what is kept.
        forged = await client.get(DATED, headers={"Host": "evil.example"})
        assert forged.status_code == 400 and b"evil.example" not in (await client.get(DATED)).content
