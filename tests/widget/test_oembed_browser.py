"""A link to the widget page in a WordPress post, embedded by WordPress's own code (Debian's package,
run by php-cli) and then shown in Chromium with WordPress's wp-embed.js, which sizes the iframe
only when our page answers its handshake with the secret WordPress chose."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page

from tests.widget.conftest import Opener, Visit
from tests.widget.pages import DATE
from tests.widget.wordpress import CONTENT_WIDTH, HOST_JS_PATH, Embed, embed, host_js, post

WORDPRESS_MAX, WORDPRESS_MIN = 1000, 200  # wp-embed.js clamps the height it is sent to 200-1000 px
FROM_WORDPRESS_FRAME = (
    "window.__messages.filter(m => m.fromFrame && m.data.message === '{message}' && m.data.secret === '{secret}')"
)


@pytest.fixture(scope="module")
def page_url(site: str) -> str:
    return f"{site}/widget/testvote-2028?lang=en&date={DATE}"


@pytest.fixture(scope="module")
def wordpress(page_url: str) -> Embed:
    return embed(page_url)


def show(visit: Visit, found: Embed) -> Page:
    """The post, with wp-embed.js served where WordPress serves it, open in a new tab."""
    visit.host_page(HOST_JS_PATH, host_js())
    page = visit.page()
    page.goto(visit.host_page("/wordpress-post", post(found.html, found.wordpress)))
    return page


def heights(page: Page, secret: str) -> list[Any]:
    found: list[Any] = page.evaluate(
        f"{FROM_WORDPRESS_FRAME.format(message='height', secret=secret)}.map(m => m.data.value)"
    )
    return found


def resized(page: Page, secret: str) -> int:
    """Waits until the widget has sent WordPress a height with its secret; the iframe's height then."""
    page.wait_for_function(f"{FROM_WORDPRESS_FRAME.format(message='height', secret=secret)}.length > 0")
    return int(page.locator("iframe.wp-embedded-content").get_attribute("height") or 0)


def test_wordpress_discovers_our_oembed_and_keeps_the_sandboxed_iframe(wordpress: Embed, page_url: str) -> None:
    print(f"WordPress {wordpress.wordpress}, PHP {wordpress.php}; hooks that ran: {wordpress.hooks}")
    assert wordpress.provider is False  # an unknown provider: WordPress sanitises what we send
    assert wordpress.endpoint == page_url.split("/widget/")[0] + "/oembed?" + urlencode(
        {"url": page_url, "format": "json"}
    )
    assert wordpress.hooks["oembed_dataparse"] == ["wp_filter_oembed_iframe_title_attribute", "wp_filter_oembed_result"]
    assert "pre_kses" in wordpress.hooks  # wp_kses ran on our HTML
    assert wordpress.data["type"] == "rich" and wordpress.data["width"] == CONTENT_WIDTH
    (quote,), (iframe,) = wordpress.tags("blockquote"), wordpress.tags("iframe")
    secret = wordpress.secret
    assert re.fullmatch(r"[A-Za-z0-9]{10}", secret)
    assert iframe["class"] == "wp-embedded-content"
    assert iframe["sandbox"] == "allow-scripts" and iframe["security"] == "restricted"
    assert re.fullmatch(re.escape(page_url) + r"#\?secret=[A-Za-z0-9]{10}#\?secret=" + secret, iframe["src"])
    assert iframe["title"] == wordpress.data["title"] and iframe["width"] == str(CONTENT_WIDTH)
    assert "clip: rect(1px, 1px, 1px, 1px)" in iframe["style"]  # hidden until our page answers
    assert quote == {"data-secret": secret, "class": "wp-embedded-content"}
    assert wordpress.tags("a") == [{"href": page_url}]  # where scripts never run, the reader still gets a link
    assert re.findall(r"<(\w+)", wordpress.html) == ["blockquote", "a", "iframe"]  # nothing else survived


def test_wordpress_sizes_the_iframe_to_the_height_our_page_sends(visit: Visit, wordpress: Embed) -> None:
    page = show(visit, wordpress)
    height = resized(page, wordpress.secret)
    sent = heights(page, wordpress.secret)
    print(f"wp-embed.js set the iframe to {height} px at {CONTENT_WIDTH} px wide (sent: {sent})")
    assert WORDPRESS_MIN < sent[-1] <= WORDPRESS_MAX and height == sent[-1]  # not clamped: nothing is cut off
    iframe = page.locator("iframe.wp-embedded-content")
    assert iframe.get_attribute("style") is None  # shown
    assert page.locator("blockquote.wp-embedded-content").is_hidden()
    frame = page.frame_locator("iframe.wp-embedded-content")
    assert frame.locator("h1").inner_text() == "Test Regional Election 2028"
    assert frame.locator("body").evaluate("() => window.origin") == "null"  # really sandboxed
    assert visit.errors == []  # our CSP let our own script and style load inside the sandbox


def test_a_narrower_iframe_is_resized_again(visit: Visit, wordpress: Embed) -> None:
    page = show(visit, wordpress)
    wide = resized(page, wordpress.secret)
    page.evaluate("document.querySelector('iframe.wp-embedded-content').width = 300")
    page.wait_for_function(f"+document.querySelector('iframe.wp-embedded-content').height > {wide}")


def test_a_link_to_our_site_is_opened_by_wordpress_in_the_top_window(visit: Visit, wordpress: Embed, site: str) -> None:
    page = show(visit, wordpress)
    resized(page, wordpress.secret)
    page.frame_locator("iframe.wp-embedded-content").locator(".nt-foot a").click()
    page.wait_for_url(f"{site}/?lang=en")  # wp-embed.js followed our "link" message


def test_a_page_that_ignores_wordpress_secret_stays_hidden(visit: Visit, wordpress: Embed) -> None:
    """The check above can fail: the same post with a secret our page never sees gets no answer."""
    other = wordpress.html.replace(wordpress.secret, "0ther5ecret")
    other = other.replace("#?secret=0ther5ecret", "")  # the frame's URL no longer carries it
    page = show(visit, Embed(**{**wordpress.__dict__, "html": other}))
    page.wait_for_function("window.__messages.some(m => m.fromFrame && m.data.message === 'height')")
    assert heights(page, "0ther5ecret") == []
    iframe = page.locator("iframe.wp-embedded-content")
    assert "clip" in (iframe.get_attribute("style") or "")  # still hidden
    assert iframe.get_attribute("height") == wordpress.tags("iframe")[0]["height"]  # never resized


@pytest.mark.parametrize("lang", ["id", "en"])
def test_on_the_busiest_day_wordpress_shows_the_whole_widget(visits: Opener, bundled: str, lang: str) -> None:
    """25 September 2024: two elections, the campaign's first day; the bundled data, as served."""
    found = embed(f"{bundled}/widget/pilkada-2024?date=2024-09-25&lang={lang}")
    visit = visits()
    visit.site = bundled  # requests may go to this server
    page = show(visit, found)
    height = resized(page, found.secret)
    sent = heights(page, found.secret)
    print(f"busiest day ({lang}): WordPress's iframe {height} px at {CONTENT_WIDTH} px wide (sent: {sent})")
    assert height == sent[-1] <= WORDPRESS_MAX
