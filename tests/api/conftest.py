"""The real app over httpx's ASGI transport, and a real server started with `neutral-timeline serve`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from neutral_timeline.api.app import create_service
from neutral_timeline.api.settings import Settings
from neutral_timeline.catalog.model import Catalog
from tests.serving import serving

MINI = Path(__file__).parents[1] / "data" / "mini"
TESTSERVER = Settings("http://testserver")  # the public origin that links in these tests (and goldens) use


@pytest.fixture()
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture()
async def client(mini: Catalog) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_service(mini, TESTSERVER))  # what `serve` runs, cache included
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`neutral-timeline serve` on a free loopback port, over the mini catalog."""
    with serving(MINI, tmp_path_factory.mktemp("cache")) as url:
        yield url
