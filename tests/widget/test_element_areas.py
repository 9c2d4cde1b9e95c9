"""The web component's "prohibited today, by area" line is the widget page's, on the bundled data.

The component groups what it derives in the browser (widget.js's ``areas``); the page groups the server's
situation (render/areas.py). Both are read as shown, in Chromium, for days with two elections in progress,
re-vote and re-election days of 2025, a quiet period, a voting day and days with no election in progress.
"""

from __future__ import annotations

import time
from typing import Any

from playwright.sync_api import Browser

from tests.widget.conftest import Host
from tests.widget.pages import article

# (election, date, region or "", lang)
CASES = [
    ("pilkada-2024", "2024-09-25", "", "id"),  # the campaign's first day, Pemilu 2024 still in progress
    ("pilkada-2024", "2024-09-25", "", "en"),
    ("pemilu-2024", "2024-09-25", "", "id"),
    ("pemilu-2024", "2024-09-25", "", "en"),
    ("pilkada-2024", "2025-04-19", "63.72", "id"),  # a re-vote day (Banjarbaru)
    ("pilkada-2024", "2025-03-22", "14.08", "en"),  # a re-vote day (Siak)
    ("pilkada-2024", "2025-08-27", "19.01", "id"),  # the re-election day (Bangka)
    ("pilkada-2024", "2025-07-15", "19.71", "en"),  # during Pangkalpinang's re-election
    ("pilkada-2024", "2024-11-25", "63.03", "en"),  # the quiet period
    ("pilkada-2024", "2024-08-27", "91", "id"),  # a province: candidate registration
    ("pemilu-2024", "2024-02-14", "", "id"),  # a voting day
    ("pemilu-2024", "2024-01-10", "31.71", "en"),  # the campaign
    ("pilkada-2020", "2020-12-09", "", "en"),
    ("pilkada-2020", "2023-06-01", "", "id"),  # no election in progress
]

READ = """() => Array.from(document.querySelectorAll("neutral-timeline"), (el) => {
  const root = el.shadowRoot, text = (s) => Array.from(root.querySelectorAll(s), (e) => e.textContent.trim());
  return {areas: text(".nt-area"), heading: text(".nt-areas strong"), details: text(".nt-more-rules > summary"),
          rules: text(".nt-rule-name"), upcoming: text(".nt-upcoming > summary")};
})"""


def _element(election: str, day: str, region: str, lang: str) -> str:
    where = f' region="{region}"' if region else ""
    return f'<neutral-timeline election="{election}" date="{day}" lang="{lang}"{where}></neutral-timeline>'


def test_the_component_shows_the_widget_pages_areas(browser: Browser, bundled: str, host: Host) -> None:
    started = time.monotonic()
    context = browser.new_context(viewport={"width": 400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    body = f'<script src="{bundled}/static/widget.js" defer></script>' + "".join(_element(*c) for c in CASES)
    host.pages["/areas"] = article(body)
    page.goto(host.url + "/areas")
    page.wait_for_function(
        "n => Array.from(document.querySelectorAll('neutral-timeline'), e => e.shadowRoot && e.shadowRoot.querySelector('.nt-title')).every(Boolean) && document.querySelectorAll('neutral-timeline').length === n",
        arg=len(CASES),
        timeout=60_000,
    )
    shown: list[dict[str, Any]] = page.evaluate(READ)
    print(f"\ncomponents shown: {time.monotonic() - started:.1f} s")
    assert errors == []
    for (election, day, region, lang), mine in zip(CASES, shown, strict=True):
        page.goto(f"{bundled}/widget/{election}?date={day}&lang={lang}" + (f"&region={region}" if region else ""))

        def text(selector: str) -> list[str]:
            return [t.strip() for t in page.locator(selector).all_text_contents()]

        theirs = {
            "areas": text(".nt-area"),
            "heading": text(".nt-areas strong"),
            "details": text(".nt-more-rules > summary"),
            "rules": text(".nt-rule-name"),
            "upcoming": text(".nt-upcoming > summary"),
        }
        assert mine == theirs, (election, day, region, lang)
        print(election, day, region or "-", lang, len(mine["rules"]), "rules:", " · ".join(mine["areas"]))
    print(f"pages compared: {time.monotonic() - started:.1f} s")
    context.close()
    # The comparison was not empty: many areas on busy days, both languages' words.
    assert all(shown[i]["areas"] for i in range(4))
    assert max(len(s["areas"]) for s in shown) >= 10
    assert shown[0]["heading"] == ["Dilarang hari ini, per bidang:"] and shown[1]["heading"] == [
        "Prohibited today, by area:"
    ]
