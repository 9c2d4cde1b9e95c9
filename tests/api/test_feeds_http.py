"""Feeds over HTTP: regional links, gzip with an ETag per encoding, Last-Modified, no empty calendar."""

from __future__ import annotations

import gzip

import httpx
import pytest

pytestmark = pytest.mark.anyio
FEED = "/ics/testvote-2028.ics"
PLAIN = {"Accept-Encoding": "identity"}
GZIP = {"Accept-Encoding": "gzip"}


TYPES = [FEED, "/ics/all.ics?lang=en", "/api/v1/elections", "/?date=2028-10-03", "/static/widget.js"]
TYPES += ["/static/widget.css", "/elections/testvote-2028/timeline.svg?date=2028-10-03"]


@pytest.mark.parametrize("path", TYPES)
async def test_gzip_when_accepted_with_its_own_etag(client: httpx.AsyncClient, path: str) -> None:
    plain = await client.get(path, headers=PLAIN)
    packed = await client.get(path, headers=GZIP)
    assert "content-encoding" not in plain.headers and packed.headers["content-encoding"] == "gzip"
    assert packed.content == plain.content  # httpx decodes: the same representation
    assert packed.headers["etag"] != plain.headers["etag"]
    assert "Accept-Encoding" in plain.headers["vary"] and "Accept-Encoding" in packed.headers["vary"]
    again = await client.get(path, headers={**GZIP, "If-None-Match": packed.headers["etag"]})
    assert again.status_code == 304


async def test_gzip_bytes_are_gzip(client: httpx.AsyncClient) -> None:
    raw = await client.send(client.build_request("GET", FEED, headers=GZIP), stream=True)
    body = b"".join([chunk async for chunk in raw.aiter_raw()])
    assert gzip.decompress(body).startswith(b"BEGIN:VCALENDAR")
    assert int(raw.headers["content-length"]) == len(body)


async def test_without_a_revision_stamp_no_last_modified_and_if_modified_since_is_ignored(
    client: httpx.AsyncClient,
) -> None:
    """The mini catalog has no calendars/revision.toml: no date is known to be when its data changed,
    so none is sent (tests/api/test_revision.py covers a stamped folder) and only the ETag revalidates."""
    first = await client.get(FEED)
    assert first.status_code == 200 and "last-modified" not in first.headers
    for since in ("Sun, 01 Oct 2028 00:00:00 GMT", "Fri, 01 Jan 2100 00:00:00 GMT"):  # data_revised; the future
        again = await client.get(FEED, headers={"If-Modified-Since": since})
        assert again.status_code == 200 and again.content == first.content and "last-modified" not in again.headers
    same = await client.get(FEED, headers={"If-None-Match": first.headers["etag"]})
    assert same.status_code == 304 and "last-modified" not in same.headers
    today = await client.get("/api/v1/today")
    assert "last-modified" not in today.headers  # changes at midnight, not with the data


@pytest.mark.parametrize("path", ["/ics/all.ics?as_of=2000-01-01", "/ics/testvote-2028.ics?as_of=2000-01-01"])
async def test_never_an_empty_calendar_one_error_on_every_feed_route(client: httpx.AsyncClient, path: str) -> None:
    r = await client.get(path)
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/json")
    assert r.json()["error"]["problems"][0]["where"] == "as_of"


async def test_feed_list_takes_region_and_lang(client: httpx.AsyncClient) -> None:
    r = await client.get("/api/v1/feeds", params={"region": "Kaimana", "lang": "en"})
    assert r.status_code == 200
    items = {item["id"]: item for item in r.json()}
    links = items["testvote-2028"]["links"]
    # path-style (resolve/paths.py): a subscriber's address works on the app and on a static export alike
    assert links["ics"] == "http://testserver/ics/en/92.08/standard/testvote-2028.ics"
    assert links["webcal"] == "webcal://testserver/ics/en/92.08/standard/testvote-2028.ics"
    assert links["google"].startswith("https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Ftestserver")
    assert (
        "%2Fics%2Fen%2F92.08%2Fstandard-events%2Ftestvote-2028.ics" in links["google"]
    )  # Google ignores VALARM: reminders as events instead
    assert links["outlook"].startswith("https://outlook.live.com/calendar/0/addfromweb?url=http%3A%2F%2Ftestserver")
    assert links["download"].endswith("/ics/en/92.08/standard/testvote-2028.ics?download=true")
    assert items["testvote-2028"]["name"].endswith("Kabupaten Kaimana")
    feed = await client.get(links["ics"].removeprefix("http://testserver"))
    assert feed.status_code == 200 and b"Kaimana" in feed.content


async def test_presets_and_phases_are_parameters(client: httpx.AsyncClient) -> None:
    assert (await client.get(FEED + "?reminders=minimal")).content == (await client.get(FEED + "?reminders=1d")).content
    assert b"BEGIN:VALARM" not in (await client.get(FEED + "?reminders=none")).content
    every = await client.get(FEED + "?phases=all")
    assert b"UID:phase.stages." in every.content and b"UID:phase.stages." not in (await client.get(FEED)).content
    assert (await client.get(FEED + "?phases=some")).status_code == 422
    assert (await client.get(FEED + "?reminders=often")).status_code == 422
