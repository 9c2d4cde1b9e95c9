"""The framed widget fits WordPress's 1,000 px cap on embeds at 400 px wide, measured in Chromium,
on the busiest day the bundled data holds (25 September 2024: two elections, the campaign's first day)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from neutral_timeline.catalog.store import bundled_calendars
from tests.serving import serving
from tests.widget.conftest import Host

SIZES = "() => [...document.querySelectorAll('body > *, main > *')].map(e => [e.className, Math.round(e.getBoundingClientRect().height)])"
WORDPRESS_MAX = 1000  # wp-includes/embed.php: WordPress caps an oEmbed iframe's height at 1,000 px


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(bundled_calendars(), tmp_path_factory.mktemp("cache")) as url:
        yield url


def _open(browser: Browser, url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    yield page
    assert errors == []
    context.close()


def _height(page: Page) -> int:
    height: int = page.evaluate("() => document.documentElement.scrollHeight")
    return height


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_widget_fits_wordpress_at_400_px(browser: Browser, bundled: str, lang: str) -> None:
    for page in _open(browser, f"{bundled}/widget/pilkada-2024?date=2024-09-25&lang={lang}"):
        sizes = page.evaluate(SIZES)
        print(f"widget height at 400 px ({lang}): {_height(page)} px; {sizes}")
        assert _height(page) <= WORDPRESS_MAX


def test_the_widget_answers_the_check_box(browser: Browser, bundled: str) -> None:
    """The iframe page's "Bolehkah saya ...?" form: a plain GET, answered in the page."""
    for page in _open(browser, f"{bundled}/widget/pilkada-2024?date=2024-09-25&lang=en"):
        page.fill("input[name=q]", "nge-like postingan calon")
        page.click("form.nt-check-form button")
        page.wait_for_selector(".nt-verdict")
        assert "PROHIBITED" in page.locator(".nt-verdict").inner_text()
        assert "q=nge-like" in page.url and "date=2024-09-25" in page.url and "lang=en" in page.url


@pytest.mark.parametrize("election", ["pilkada-2024", "pemilu-2024"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_element_is_as_short_as_the_widget_page(
    browser: Browser, bundled: str, host: Host, election: str, lang: str
) -> None:
    """<neutral-timeline> at 400 px wide, details closed, on the busiest day: under WordPress's cap too."""
    where = f'<neutral-timeline election="{election}" date="2024-09-25" lang="{lang}"></neutral-timeline>'
    host.pages[f"/short-{election}-{lang}"] = (
        f'<!doctype html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head>'
        f'<body style="margin:0"><script src="{bundled}/static/widget.js" defer></script>{where}</body></html>'
    )
    for page in _open(browser, f"{host.url}/short-{election}-{lang}"):
        page.locator("neutral-timeline .nt-areas").wait_for()
        assert (
            page.evaluate("() => document.querySelector('neutral-timeline').shadowRoot.querySelector('details[open]')")
            is None
        )
        width, height = page.evaluate(
            "() => { const r = document.querySelector('neutral-timeline').getBoundingClientRect(); return [r.width, Math.ceil(r.height)]; }"
        )
        print(f"<neutral-timeline> {election} ({lang}) at {width} px: {height} px")
        assert width == 400 and height <= WORDPRESS_MAX
        page.click("neutral-timeline .nt-more-rules > summary")  # every rule is there, a click away
        assert (
            page.evaluate("() => document.querySelector('neutral-timeline').getBoundingClientRect().height")
            > 2 * height
        )
