"""Shared fixtures: the bundled calendars, a small synthetic catalog, and broken copies of it."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest
from hypothesis import settings

from neutral_timeline.catalog.load import load_catalog
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.catalog.store import bundled_calendars

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The real, bundled calendars (validated from files, no cache)."""
    return load_catalog(bundled_calendars())


@pytest.fixture(scope="session")
def mini() -> Catalog:
    return load_catalog(MINI)


@pytest.fixture(autouse=True)
def _no_user_cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the user's catalog cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))


Edit = Callable[[str], str]


@pytest.fixture()
def broken(tmp_path: Path) -> Callable[[str, Edit], Path]:
    """A copy of the mini catalog with one file's text transformed."""

    copies = iter(range(1000))

    def make(relative: str, edit: Edit) -> Path:
        root = tmp_path / str(next(copies)) / "calendars"
        shutil.copytree(MINI, root)
        target = root / relative
        target.write_text(edit(target.read_text(encoding="utf-8") if target.exists() else ""), encoding="utf-8")
        return root

    return make


# Property tests check results, not speed: on a shared 2-core machine a slow example is no failure.
settings.register_profile("neutral-timeline", deadline=None)
settings.load_profile("neutral-timeline")


@pytest.fixture()
async def bundled_client(catalog: Catalog) -> AsyncIterator[httpx.AsyncClient]:
    """The app over the bundled calendars, through ASGI (no socket), linking to http://testserver."""
    from neutral_timeline.api.app import create_service
    from tests.api.conftest import TESTSERVER

    transport = httpx.ASGITransport(app=create_service(catalog, TESTSERVER))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c
