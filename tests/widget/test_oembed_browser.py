"""The oEmbed HTML after WordPress's sanitiser, in a page that sandboxes it as WordPress does."""

from __future__ import annotations

import httpx

from tests.widget.conftest import Visit
from tests.widget.pages import DATE, article
from tests.widget.wordpress import HOST_SCRIPT, SECRET, filter_oembed

HEIGHTS = "window.__messages.filter(m => m.message === 'height')"


def embed_in_wordpress(visit: Visit, site: str) -> tuple[str, dict[str, object]]:
    url = f"{site}/widget/testvote-2028?lang=en&date={DATE}"
    answer = httpx.get(f"{site}/oembed", params={"url": url, "format": "json", "maxwidth": 500}).json()
    return visit.host_page("/wordpress-post", article(filter_oembed(answer["html"]) + HOST_SCRIPT)), answer


def test_the_height_message_arrives_through_the_sandbox(visit: Visit, site: str) -> None:
    post, answer = embed_in_wordpress(visit, site)
    page = visit.page()
    page.goto(post)
    iframe = page.locator("iframe.wp-embedded-content")
    assert iframe.get_attribute("sandbox") == "allow-scripts"
    assert iframe.get_attribute("data-secret") == SECRET
    assert answer["width"] == 500 and iframe.get_attribute("width") == "500"
    page.wait_for_function(f"{HEIGHTS}.length > 0")
    first = page.evaluate(f"{HEIGHTS}[0]")
    assert first["secret"] == SECRET  # WordPress's secret, appended after ours
    assert isinstance(first["value"], int) and first["value"] > 200
    assert iframe.get_attribute("height") == str(min(first["value"], 1000))
    assert iframe.get_attribute("style") is None  # shown
    assert page.locator("blockquote.wp-embedded-content").is_hidden()
    frame = page.frame_locator("iframe.wp-embedded-content")
    assert frame.locator("h1").inner_text() == "Test Regional Election 2028"
    assert frame.locator("body").evaluate("() => window.origin") == "null"  # really sandboxed
    assert visit.errors == []  # our CSP let our own script and style load inside the sandbox


def test_the_page_answers_ready_and_resize(visit: Visit, site: str) -> None:
    post, _ = embed_in_wordpress(visit, site)
    page = visit.page()
    page.goto(post)
    page.wait_for_function(f"{HEIGHTS}.length > 0")
    count, wide = page.evaluate(f"{HEIGHTS}.length"), page.evaluate(f"{HEIGHTS}.at(-1).value")
    page.evaluate(
        f"document.querySelector('iframe').contentWindow.postMessage({{message: 'ready', secret: '{SECRET}'}}, '*')"
    )
    page.wait_for_function(f"{HEIGHTS}.length > {count}")
    page.evaluate("document.querySelector('iframe').width = 300")
    page.wait_for_function(f"{HEIGHTS}.at(-1).value > {wide}")  # narrower: text wraps, the page grows


def test_a_link_to_our_site_asks_wordpress_to_open_it(visit: Visit, site: str) -> None:
    post, _ = embed_in_wordpress(visit, site)
    page = visit.page()
    page.goto(post)
    page.wait_for_function(f"{HEIGHTS}.length > 0")
    page.frame_locator("iframe.wp-embedded-content").locator(".nt-foot a").click()
    page.wait_for_function("window.__messages.some(m => m.message === 'link')")
    link = page.evaluate("window.__messages.find(m => m.message === 'link')")
    assert link == {"message": "link", "value": f"{site}/?lang=en", "secret": SECRET}


def test_the_blockquote_alone_links_to_the_widget(site: str) -> None:
    """Where scripts never run (feeds, e-mail), the reader still gets a link to the widget page."""
    answer = httpx.get(f"{site}/oembed", params={"url": f"{site}/widget/testvote-2028", "format": "json"}).json()
    html = filter_oembed(answer["html"])
    assert html.startswith(
        f'<blockquote class="wp-embedded-content" data-secret="{SECRET}"><a href="{site}/widget/testvote-2028">'
    )
    assert f'src="{site}/widget/testvote-2028#?secret=' in html and f"#?secret={SECRET}" in html
