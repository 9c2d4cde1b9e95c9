"""The web component decides "today" itself, from answers that do not depend on the day.

A static host or CDN serves the timeline and the region's answer for as long as the data version
stands; the browser derives what applies on a day from them, so it can never show yesterday as
today. Two checks in real Chromium over the real catalog: what the component derives equals the
server's situation on every day something starts or ends (and the days either side), for regions
that take part, that do not, that have their own circulars and that vote again on a local
schedule; and with the browser's clock just before a zone's midnight, it turns at that midnight
without a reload.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpx
import pytest

from tests.serving import serving
from tests.widget.conftest import Host
from tests.widget.pages import article

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CALENDARS = Path(__file__).parents[2] / "calendars"
# For each election, at least four regions besides the nation, where its answers differ:
# Kabupaten Banjar (takes part; its own 2020 circular), Kabupaten Batang (no race in 2020; a 2023
# circular), Kaimana (a 2020 circular, zone UTC+9), DI Yogyakarta (a province with no race of its
# own in 2020 or 2024), Jakarta Pusat (an administrative city: the governor race only), Kabupaten
# Bangka (the 2025 re-election) and its province (whose regions vote again), Barito Utara (two
# re-votes), the province of Papua (a governor re-vote) and one of its regencies.
REGIONS = {
    "pemilu-2024": (None, "33.25", "63.03", "34", "19.01"),
    "pilkada-2020": (None, "63.03", "33.25", "92.08", "34", "31.71"),
    "pilkada-2024": (None, "63.03", "34", "31.71", "19.01", "19", "62.05", "91", "91.03"),
}
# The facts the widget shows, as the server's situation for one election states them.
FACTS = ("in_progress", "phases", "rule_ids", "upcoming", "countdown", "participation")

# The component's own derivation, run in the page for many days at once; each fact comes back as the
# SHA-256 of its JSON (the whole rules, phases and notes, not only ids), to compare with the server's.
DERIVE = """async ([site, jobs, facts]) => {
  const Element = customElements.get("neutral-timeline"), get = async (url) => (await fetch(url)).json();
  const sha = async (value) => Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256",
    new TextEncoder().encode(JSON.stringify(value)))), (b) => b.toString(16).padStart(2, "0")).join("");
  const out = [];
  for (const [election, region, lang, days] of jobs) {
    const place = region ? await get(`${site}/api/v1/regions/${region}.json`) : null;
    const tl = await get(`${site}/api/v1/${lang}/elections/${election}/timeline` + (region ? `/${region}` : "") + ".json");
    for (const day of days) {
      const sit = Element.situation(tl, place, day, lang), es = sit.elections[0], found = {};
      for (const key of facts) found[key] = await sha(es[key]);
      for (const key of ["rules", "reporting", "date", "zone"]) found[key] = await sha(sit[key]);
      found.message = await sha(!es.in_progress && sit.message && sit.local.length ? sit.message : null);
      out.push({ facts: found, rule_ids: es.rule_ids, in_progress: es.in_progress });
    }
  }
  return out;
}"""


def sha(value: Any) -> str:
    """As the page's ``sha``: the SHA-256 of the value's JSON as JSON.stringify writes it."""
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`neutral-timeline serve` over the real catalog."""
    with serving(CALENDARS, tmp_path_factory.mktemp("cache")) as url:
        yield url


def edges(timeline: dict[str, Any]) -> list[str]:
    """Every day a phase or a rule's stretch starts or ends, on every schedule, or what the answer says
    of regions voting again changes, and the days either side."""
    found: set[date] = set()
    for schedule in timeline["schedules"]:
        spans = [
            *schedule["phases"],
            *schedule["rules"],
            schedule,
            *timeline["local_messages"],
            *(timeline["afar"] or {"spans": []})["spans"],
        ]
        for span in spans:
            for end in (span["start"], span["end"]):
                if end is not None:
                    day = date.fromisoformat(end)
                    found |= {day - timedelta(days=1), day, day + timedelta(days=1)}
    return sorted(d.isoformat() for d in found)


def test_the_component_derives_what_the_server_answers_on_every_edge(browser: Browser, host: Host, real: str) -> None:
    started = time.monotonic()
    jobs: list[tuple[str, str | None, str, list[str]]] = []
    with httpx.Client(base_url=real, timeout=30) as client:
        listed = client.get("/api/v1/elections").json()
        elections = [e["id"] for e in listed if e["status"] == "scheduled"]
        assert sorted(elections) == sorted(REGIONS)  # every election of the catalog
        for election in elections:
            for region in REGIONS[election]:
                lang = "en" if len(jobs) % 2 else "id"
                params = {"lang": lang} | ({"region": region} if region else {})
                found = client.get(f"/api/v1/elections/{election}/timeline", params=params).json()
                jobs.append((election, region, lang, edges(found)))
        page = browser.new_context().new_page()
        host.pages["/derive"] = article(f'<script src="{real}/static/widget.js"></script>')
        page.goto(host.url + "/derive")
        page.wait_for_function("customElements.get('neutral-timeline') !== undefined")
        derived = page.evaluate(DERIVE, [real, jobs, FACTS])
        browsed = time.monotonic()

        def server(pair: tuple[str, str | None, str, str]) -> dict[str, Any]:
            election, region, lang, day = pair
            params = {"lang": lang, "date": day} | ({"region": region} if region else {})
            found: dict[str, Any] = client.get(f"/api/v1/elections/{election}/situation", params=params).json()
            return found

        pairs = [(e, r, lang, day) for e, r, lang, days in jobs for day in days]
        with ThreadPoolExecutor(4) as pool:
            expected = list(pool.map(server, pairs))
    assert len(derived) == len(expected) == len(pairs)
    wrong = []
    for (election, region, _, day), mine, theirs in zip(pairs, derived, expected, strict=True):
        said = {key: sha(theirs["elections"][0][key]) for key in FACTS}
        said |= {key: sha(theirs[key]) for key in ("rules", "reporting", "date", "zone")}
        shown = not theirs["elections"][0]["in_progress"] and theirs["message"] and theirs["local"]
        said["message"] = sha(theirs["message"] if shown else None)  # what runs where, as the widget shows it
        if mine["facts"] != said:
            wrong.append((election, region, day, [k for k in said if mine["facts"][k] != said[k]]))
    elapsed = time.monotonic() - started
    print(
        f"\n{len(pairs)} (date, region) pairs, {len(jobs)} timelines: {elapsed:.1f} s, browser {browsed - started:.1f} s"
    )
    assert wrong == [], f"{len(wrong)} of {len(pairs)} differ; first: {wrong[:2]}"
    # Every kind of day was met: the re-votes, days with and without an election in progress.
    assert len(pairs) >= 500
    assert {m["in_progress"] for m in derived} == {True, False}
    assert sum(m["facts"]["message"] != sha(None) for m in derived) >= 50  # days that say what runs where
    assert any(e == "pilkada-2024" and r == "19.01" and d == "2025-08-27" for e, r, _, d in pairs)
    # Bangka's first day on its own schedule (its Pasal 71 windows open before its first stage), its
    # province on a day its two regions' schedules differ, and a region bound by re-votes elsewhere.
    assert ("pilkada-2024", "19.01", "2025-02-28") in {(e, r, d) for e, r, _, d in pairs}
    assert ("pilkada-2024", "19", "2025-09-03") in {(e, r, d) for e, r, _, d in pairs}
    assert ("pilkada-2024", "63.03", "2025-04-19") in {(e, r, d) for e, r, _, d in pairs}


SHOWN = """() => Array.from(document.querySelectorAll("neutral-timeline"), (el) => {
  const box = el.shadowRoot.querySelector(".nt[data-date]");
  return box && [box.dataset.date, box.querySelector(".nt-kicker time").getAttribute("datetime"),
    box.querySelector(".nt-count").textContent];
})"""


@pytest.fixture()
def static_host(real: str, tmp_path: Path) -> Iterator[str]:
    """A plain file server (no app behind it) holding what the export writes for two widgets:
    widget.js, the region's answer and the election's timelines at their path-style addresses."""
    files = [
        "/static/widget.js",
        "/api/v1/regions/92.08.json",
        "/api/v1/en/elections/pilkada-2024/timeline.json",
        "/api/v1/en/elections/pilkada-2024/timeline/92.08.json",
    ]
    for name in files:
        target = tmp_path / name.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(httpx.get(real + name).raise_for_status().content)

    class Files(SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            self.send_header("Access-Control-Allow-Origin", "*")  # pages of other sites embed the widget
            super().end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Files, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_the_widget_turns_at_the_zones_midnight_without_a_reload(
    browser: Browser, host: Host, static_host: str
) -> None:
    """On a static host: Kabupaten Kaimana is on Asia/Jayapura (UTC+9), the national widget on
    Asia/Jakarta (UTC+7); the browser itself is in Los Angeles. Two seconds before midnight in
    Kaimana it is 26 November 2024 there; two seconds later it is voting day there, and still the
    26th in Jakarta until 17:00 UTC. Nothing is fetched again, and nothing but files is asked for."""
    context = browser.new_context(timezone_id="America/Los_Angeles", locale="en-US")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.clock.install(time=datetime(2024, 11, 26, 14, 50, tzinfo=UTC))  # ten minutes to midnight in Kaimana
    body = (
        f'<script src="{static_host}/static/widget.js"></script>'
        '<neutral-timeline election="pilkada-2024" region="92.08" lang="en"></neutral-timeline>'
        '<neutral-timeline election="pilkada-2024" lang="en"></neutral-timeline>'
    )
    host.pages["/midnight"] = article(body)
    page.goto(host.url + "/midnight")
    page.wait_for_function(f"({SHOWN})().every(Boolean)")
    eve = page.evaluate(SHOWN)
    assert [s[:2] for s in eve] == [["2024-11-26", "2024-11-26"]] * 2
    assert [s[2] for s in eve] == ["1 day to voting day (27 November 2024)"] * 2
    page.clock.pause_at(datetime(2024, 11, 26, 14, 59, 58, tzinfo=UTC))  # from here on, time moves only when told
    assert [s[:2] for s in page.evaluate(SHOWN)] == [["2024-11-26", "2024-11-26"]] * 2
    fetched = list(requests)
    assert {urlsplit(url).netloc for url in fetched} == {urlsplit(host.url).netloc, urlsplit(static_host).netloc}
    page.clock.run_for(3_000)  # 00:00:01 in Kaimana, 22:00:01 in Jakarta
    kaimana, national = page.evaluate(SHOWN)
    assert kaimana[:2] == ["2024-11-27", "2024-11-27"] and kaimana[2] == "Today is voting day"
    assert national[:2] == ["2024-11-26", "2024-11-26"]
    page.clock.run_for(2 * 3600_000 - 2_000)  # 23:59:59 in Jakarta
    assert page.evaluate(SHOWN)[1][0] == "2024-11-26"
    page.clock.run_for(2_000)  # 00:00:01 in Jakarta
    assert page.evaluate(SHOWN)[1][:2] == ["2024-11-27", "2024-11-27"]
    page.clock.run_for(24 * 3600_000)  # a day later, both say so; nothing was fetched again
    assert [s[0] for s in page.evaluate(SHOWN)] == ["2024-11-28", "2024-11-28"]
    assert requests == fetched
    context.close()


def test_on_a_static_host_an_unknown_election_says_which_file_is_missing(
    browser: Browser, host: Host, static_host: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    host.pages["/missing"] = article(
        f'<script src="{static_host}/static/widget.js"></script>'
        '<neutral-timeline election="pilkada-2042" lang="en"></neutral-timeline>'
    )
    page.goto(host.url + "/missing")
    warning = page.locator("neutral-timeline .nt-warn")
    warning.wait_for()
    assert warning.inner_text() == (
        f"The widget could not be loaded: HTTP 404 {static_host}/api/v1/en/elections/pilkada-2042/timeline.json"
    )
    context.close()
