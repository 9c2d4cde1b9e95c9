"""Last-Modified moves whenever the data does: calendars/revision.toml (catalog/revision.py), end to end.

A data fix that keeps the latest enacted date (as the Bangka fix did) used to keep Last-Modified too,
so a client or a CDN revalidating with If-Modified-Since got a 304 for a changed feed. Here a copy of
the bundled calendars is edited that way and served through the app (ASGI): with the stamp stale the
app sends no Last-Modified and ignores If-Modified-Since; after `revise` the old date is a 200.
"""

from __future__ import annotations

import shutil
import tomllib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest

from neutral_timeline.api.app import create_service
from neutral_timeline.catalog import revision
from neutral_timeline.catalog.folder import REVISION, read_folder
from neutral_timeline.catalog.load import check, load_catalog, read_stamp
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.catalog.revise import revise
from neutral_timeline.catalog.store import bundled_calendars
from neutral_timeline.cli import main
from neutral_timeline.errors import DataError
from tests.api.conftest import TESTSERVER

FEED = "/ics/pilkada-2024.ics?region=19.01&lang=en"  # Kabupaten Bangka: its re-election's schedule
TIMELINE = "/api/v1/elections/pilkada-2024/timeline?region=19.01"
OLD_NAME = "2025 Kabupaten Bangka regent re-election (the empty box won)"
NEW_NAME = "2025 Kabupaten Bangka regent re-election (the empty box won 57.25%)"


def http_date(instant: datetime) -> str:
    return format_datetime(instant.astimezone(UTC), usegmt=True)


@asynccontextmanager
async def app(catalog: Catalog) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_service(catalog, TESTSERVER))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The bundled calendars, stamp included (a copy's stamp is as current as the original's)."""
    return Path(shutil.copytree(bundled_calendars(), tmp_path / "calendars"))


def bangka_fix(root: Path) -> None:
    """A data fix that changes Bangka's feed and keeps every enacted date (so data_revised stays)."""
    path = root / "elections" / "pilkada-2024.toml"
    text = path.read_text(encoding="utf-8")
    assert text.count(OLD_NAME) == 1
    path.write_text(text.replace(OLD_NAME, NEW_NAME), encoding="utf-8")


def calendar_lines(feed: bytes) -> bytes:
    """The VCALENDAR's own properties (before its first event: each event has a LAST-MODIFIED of its own)."""
    return feed.split(b"BEGIN:VEVENT")[0]


def test_the_bundled_calendars_stamp_is_current() -> None:
    """CI's guard: a data change committed without `neutral-timeline revise` fails here, saying so."""
    folder = read_folder(bundled_calendars())
    stamp, problems = read_stamp(folder)
    assert not problems, "\n".join(map(str, problems))
    warning = revision.warning(stamp, folder)
    assert warning is None, str(warning)
    assert load_catalog(bundled_calendars()).revised == stamp.revised if stamp else False


@pytest.mark.anyio
async def test_a_data_fix_that_keeps_the_enacted_dates_moves_last_modified(copy: Path) -> None:
    before = load_catalog(copy)
    assert before.revised is not None and before.revised > datetime.combine(
        before.data_revised, datetime.min.time(), UTC
    )
    async with app(before) as client:
        first = await client.get(FEED)
        old = first.headers["last-modified"]
        assert old == http_date(before.revised)
        assert (await client.get(FEED, headers={"If-Modified-Since": old})).status_code == 304

    bangka_fix(copy)  # edited, not yet revised: the stamp is stale
    stale = load_catalog(copy)
    assert stale.data_revised == before.data_revised and stale.revised is None
    async with app(stale) as client:
        changed = await client.get(FEED, headers={"If-Modified-Since": old})
        assert changed.status_code == 200 and NEW_NAME.encode() in changed.content != first.content
        assert "last-modified" not in changed.headers and b"\r\nLAST-MODIFIED:" not in calendar_lines(changed.content)
        future = {"If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"}
        for path in (FEED, TIMELINE):
            assert (await client.get(path, headers=future)).status_code == 200, path
        assert (await client.get(FEED, headers={"If-None-Match": changed.headers["etag"]})).status_code == 304

    later = before.revised + timedelta(hours=1)
    assert revise(copy, later) == (True, later)
    assert revise(copy, later + timedelta(hours=1)) == (False, later)  # current: a no-op
    after = load_catalog(copy)
    assert after.revised == later and after.content_hash != stale.content_hash  # the stamp is data too
    async with app(after) as client:
        again = await client.get(FEED, headers={"If-Modified-Since": old})
        assert again.status_code == 200 and again.headers["last-modified"] == http_date(later)
        assert b"\r\nLAST-MODIFIED:" + later.strftime("%Y%m%dT%H%M%SZ").encode() in calendar_lines(again.content)
        assert b"DTSTAMP:" + later.strftime("%Y%m%dT%H%M%SZ").encode() in again.content
        now = await client.get(FEED, headers={"If-Modified-Since": again.headers["last-modified"]})
        assert now.status_code == 304 and now.headers["last-modified"] == http_date(later)


def test_revise_writes_only_when_the_content_differs(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    written = (copy / REVISION).read_bytes()
    assert main(["revise", "--calendars", str(copy), "--lang", "en"]) == 0
    assert "is current" in capsys.readouterr().out and (copy / REVISION).read_bytes() == written
    bangka_fix(copy)
    assert main(["validate", str(copy), "--lang", "en"]) == 0  # valid data, a stale stamp: a warning
    err = capsys.readouterr().err
    assert f"{copy.name}/{REVISION}: is stale" in err and f"neutral-timeline revise --calendars {copy}" in err
    assert main(["revise", "--calendars", str(copy), "--lang", "en"]) == 0
    assert "revised" in capsys.readouterr().out
    stamp = tomllib.loads((copy / REVISION).read_text(encoding="utf-8"))
    assert stamp["content"] == revision.content(read_folder(copy)) and stamp["revised"].tzinfo is not None
    assert abs(datetime.now(UTC) - stamp["revised"]) < timedelta(minutes=5)
    assert main(["validate", str(copy), "--lang", "en"]) == 0 and "Warning" not in capsys.readouterr().err


def test_a_missing_stamp_is_a_warning_and_a_broken_one_an_error(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (copy / REVISION).unlink()
    assert load_catalog(copy).revised is None
    assert main(["validate", str(copy), "--lang", "en"]) == 0
    assert f"{REVISION}: is missing" in capsys.readouterr().err
    (copy / REVISION).write_text('revised = 2026-11-30T23:45:00+07:00\ncontent = "abc"\n', encoding="utf-8")
    problems = [str(p) for p in check(copy)]
    assert any("is not a UTC time" in p for p in problems) and any("content" in p for p in problems), problems
    assert all("neutral-timeline revise --calendars" in p for p in problems), problems
    assert revise(copy, datetime(2026, 12, 1, 1, 2, 3, tzinfo=UTC))[0]  # revise replaces it
    assert load_catalog(copy).revised == datetime(2026, 12, 1, 1, 2, 3, tzinfo=UTC)


def test_revise_refuses_a_folder_that_does_not_load(copy: Path) -> None:
    path = copy / "phases.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n[broken\n", encoding="utf-8")
    stamp = (copy / REVISION).read_bytes()
    with pytest.raises(DataError):
        revise(copy, datetime(2026, 12, 1, tzinfo=UTC))
    assert (copy / REVISION).read_bytes() == stamp
