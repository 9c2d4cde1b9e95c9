"""One verification status, computed once in the answer, shown the same on every surface.

For every (election, date, region) where a group of rules comes into force in the bundled
calendars, the rules marked unverified must be the same in the JSON API, the terminal view,
the widget page and the ICS feed's "comes into force" events of that day.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import date

import httpx
import pytest
from icalendar import Calendar

from neutral_timeline.api.app import create_app
from neutral_timeline.api.settings import Settings
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.render import terminal
from neutral_timeline.resolve.answering import answer
from neutral_timeline.resolve.questions import FeedQuestion, SituationQuestion

pytestmark = pytest.mark.anyio
REGIONS = (None, "92.08", "34.71", "63.03")
UNVERIFIED = "belum terverifikasi"


def _pairs(catalog: Catalog) -> list[tuple[str, date, str | None]]:
    found = []
    for election in catalog.elections:
        feed = answer(catalog, FeedQuestion(election))
        days = sorted({e.start for part in feed.elections for e in part.events if e.kind == "rules-start"})
        found += [(election, day, region) for day in days for region in REGIONS]
    return found


@pytest.fixture()
async def client(catalog: Catalog) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_app(catalog, Settings("https://netral.example")))
    async with httpx.AsyncClient(transport=transport, base_url="https://netral.example") as c:
        yield c


def _ics_flags(body: bytes, day: date) -> dict[str, bool]:
    """Rule title -> verified, from the feed's "comes into force" events on ``day``."""
    flags: dict[str, bool] = {}
    for event in Calendar.from_ical(body).walk("VEVENT"):
        uid = str(event["uid"])
        if "rules-start." not in uid or event.decoded("dtstart") != day:  # a local schedule's: local.<id>.rules-start.
            continue
        for line in str(event["description"]).splitlines():
            if match := re.match(r"^• (.*?)(?: — .*)?$", line):  # "• title (belum terverifikasi) — basis"
                title = match.group(1)
                flags[title.removesuffix(f" ({UNVERIFIED})")] = not title.endswith(f" ({UNVERIFIED})")
    return flags


async def test_the_same_rules_are_unverified_on_every_surface(client: httpx.AsyncClient, catalog: Catalog) -> None:
    pairs = _pairs(catalog)
    assert len(pairs) >= 20
    feeds: dict[tuple[str, str | None], bytes] = {}
    unverified_seen = compared_in_ics = 0
    for election, day, region in pairs:
        params = {"date": day.isoformat(), **({"region": region} if region else {})}
        situation = (await client.get(f"/api/v1/elections/{election}/situation", params=params)).json()
        api = {r["title"]: r["verified"] for r in situation["rules"]}
        starting = {r["title"] for r in situation["rules"] if r["window"]["start"] == day.isoformat()}

        view = answer(catalog, SituationQuestion(day, election, region))
        text = terminal.plain(terminal.view(view, "id"), width=2000)
        shown = {m.group(1) for m in re.finditer(r"^\s*\d+\. (.*)$", text, re.M)}
        assert {t.removesuffix(f" ({UNVERIFIED})"): not t.endswith(f" ({UNVERIFIED})") for t in shown} == api

        page = (await client.get(f"/widget/{election}", params=params)).text
        titles = re.findall(r'<h\d class="nt-rule-title"><span class="nt-rule-name">(.*?)</span>(.*?)</h\d>', page)
        widget = {re.sub(r"<[^>]+>", "", name): UNVERIFIED not in rest for name, rest in titles}
        assert {t: f for t, f in widget.items()} == {_html(t): f for t, f in api.items()}

        key = (election, region)
        if key not in feeds:
            feeds[key] = (await client.get(f"/ics/{election}.ics", params={"region": region} if region else {})).content
        ics = _ics_flags(feeds[key], day)
        shown_in_ics = starting & set(ics)  # a description lists the rules that fit in 1,500 characters
        assert shown_in_ics or not starting, (election, day, region)
        assert {t: api[t] for t in shown_in_ics} == {t: ics[t] for t in shown_in_ics}, (election, day, region)
        unverified_seen += list(api.values()).count(False)
        compared_in_ics += len(shown_in_ics)
    # the comparison covers both states, in every feed (descriptions list the rules that fit: fewer than before)
    assert unverified_seen > 0 and compared_in_ics > 50


def _html(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;").replace("'", "&#39;")
    )
