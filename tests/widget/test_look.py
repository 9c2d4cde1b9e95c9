"""Screenshots at 320 and 1024 px, light and dark, saved under test-artifacts/ for people to look at.

Each page must also fit its width: nothing may scroll sideways at 320 px.
"""

from __future__ import annotations

from typing import Literal

import pytest

from tests.widget.conftest import ARTIFACTS, Opener

DATE = "2028-10-03"
WIDTHS = (320, 1024)
SCHEMES: tuple[Literal["light", "dark"], ...] = ("light", "dark")


def element_page(site: str, lang: str) -> str:
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>A news article</title><link rel="icon" href="data:,">
<style>body{{margin:0;font:17px/1.6 Georgia,serif}}main{{max-width:760px;margin:0 auto;padding:16px}}</style></head>
<body><main><h1>Election news</h1><p>An article that embeds the widget.</p>
<script src="{site}/static/widget.js" defer></script>
<neutral-timeline election="testvote-2028" lang="{lang}" date="{DATE}"></neutral-timeline>
<p>The article goes on.</p></main></body></html>"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots(visits: Opener, site: str, width: int, scheme: Literal["light", "dark"]) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    visit = visits(width=width, scheme=scheme)
    page = visit.page()
    shots = {
        "widget-id": f"{site}/widget/testvote-2028?date={DATE}",
        "widget-en": f"{site}/widget/testvote-2028?date={DATE}&lang=en",
        "home": f"{site}/?date={DATE}",
        "element": visit.host_page("/article", element_page(site, "en")),
    }
    for name, url in shots.items():
        page.goto(url)
        page.wait_for_load_state("networkidle")
        if name == "element":
            page.locator("neutral-timeline .nt-title").wait_for()
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{name} scrolls sideways at {width} px"
        path = ARTIFACTS / f"{name}-{width}-{scheme}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 1000
    assert visit.errors == []


def test_nothing_scrolls_sideways_at_280_px(visits: Opener, site: str) -> None:
    visit = visits(width=280)
    page = visit.page()
    for url in (
        f"{site}/widget/testvote-2028?date={DATE}&region=Kaimana",
        f"{site}/?date={DATE}",
        visit.host_page("/narrow", element_page(site, "id")),
    ):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, url
