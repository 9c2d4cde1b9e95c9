"""The <neutral-timeline> web component on a plain page of another origin, and its <noscript> fallback."""

from __future__ import annotations

from tests.widget.conftest import HOSTILE_TITLE, Opener, Visit
from tests.widget.pages import DATE, MARKER, article, element, shown

SHADOW = "document.querySelector('neutral-timeline').shadowRoot"


def test_the_element_shows_what_the_widget_page_shows(visit: Visit, site: str) -> None:
    page = visit.page()
    page.goto(f"{site}/widget/testvote-2028?date={DATE}&lang=en")
    expected = shown(page)
    page.goto(visit.host_page("/element", article(element(site, "en"))))
    page.locator("neutral-timeline .nt-title").wait_for()
    assert shown(page) == expected
    assert page.evaluate(f"{SHADOW}.mode") == "open"
    # under Details, closed: its text is there all the same
    assert page.locator("neutral-timeline .nt-rule-name").nth(1).text_content() == HOSTILE_TITLE["en"]
    found = page.evaluate(f"({MARKER})({SHADOW})")
    ((left, right),) = found["now"]
    assert left <= found["x"] <= right
    # Data came from the JSON API of the script's own server; styles live in the shadow root.
    api = [url for url in visit.requests if "/api/v1/" in url]
    assert set(api) == {site + "/api/v1/en/elections/testvote-2028/timeline.json"}  # a path a static host serves
    assert page.evaluate(f"getComputedStyle({SHADOW}.querySelector('.nt-rule')).borderLeftStyle") == "solid"
    assert visit.errors == []


def test_changing_an_attribute_renders_again(visit: Visit, site: str) -> None:
    page = visit.page()
    page.goto(visit.host_page("/attrs", article(element(site, "en"))))
    page.locator("neutral-timeline .nt-title").wait_for()
    page.evaluate("document.querySelector('neutral-timeline').setAttribute('lang', 'id')")
    page.locator("neutral-timeline .nt-title", has_text="Pilkada Uji 2028").wait_for()
    page.evaluate("document.querySelector('neutral-timeline').setAttribute('date', '2028-10-01')")
    page.locator("neutral-timeline .nt-now-name", has_text="Pengundian nomor urut").wait_for()
    page.evaluate("document.querySelector('neutral-timeline').setAttribute('theme', 'dark')")
    page.locator("neutral-timeline .nt[data-theme=dark] .nt-title").wait_for()


def test_an_unknown_election_says_what_went_wrong(visit: Visit, site: str) -> None:
    page = visit.page()
    page.goto(visit.host_page("/unknown", article(element(site, "en", election="testvote-2082"))))
    warning = page.locator("neutral-timeline .nt-warn")
    warning.wait_for()
    assert warning.inner_text().startswith("The widget could not be loaded: election: unknown election")
    assert "did you mean 'testvote-2028'?" in warning.inner_text()
    visit.errors.clear()  # the browser logs the API's 404


def test_without_javascript_the_noscript_iframe_shows_the_widget(visits: Opener, site: str) -> None:
    visit = visits(js=False)
    page = visit.page()
    page.goto(visit.host_page("/noscript", article(element(site, "en"))))
    frame = page.frame_locator("neutral-timeline iframe")
    assert frame.locator("h1").inner_text() == "Test Regional Election 2028"
    assert frame.locator(".nt-now-name").all_text_contents() == ["Campaign period"]


def test_a_region_shows_its_participation_and_circulars(visit: Visit, site: str) -> None:
    page = visit.page()
    page.goto(
        visit.host_page("/region", article(element(site, "en").replace('lang="en"', 'lang="en" region="Kaimana"')))
    )
    page.locator("neutral-timeline .nt-region").wait_for()
    assert page.locator("neutral-timeline .nt-region").inner_text() == (
        "Region: Kabupaten Kaimana (92.08) · time zone Asia/Jayapura"
    )
    assert page.locator("neutral-timeline .nt-ok").inner_text().startswith("Kabupaten Kaimana takes part")
    assert "Candidate attributes" in page.locator("neutral-timeline .nt-rule-name").all_text_contents()
    assert any("(regional, 92.08)" in t for t in page.locator("neutral-timeline .nt-cite").all_text_contents())


def test_the_element_says_plurals_as_the_widget_page_does(visit: Visit, site: str) -> None:
    """widget.js picks each plural form with Intl.PluralRules from the catalogs' forms: on 2028-12-03
    voting day and the changes it brings are 1 day away."""
    page = visit.page()
    for lang, says in (("en", ["'1 day to voting day", "(in 1 day)"]), ("id", ["'1 hari menuju", "(dalam 1 hari)"])):
        page.goto(f"{site}/widget/testvote-2028?date=2028-12-03&lang={lang}")
        expected = shown(page)
        page.goto(visit.host_page(f"/plural-{lang}", article(element(site, lang, date="2028-12-03"))))
        page.locator("neutral-timeline .nt-title").wait_for()
        got = shown(page)
        assert got == expected
        text = str(got)
        assert all(s in text for s in says), text
        assert "1 days" not in text
    assert visit.errors == []
