"""The "Bolehkah saya ...?" box of the <neutral-timeline> web component, over the bundled data as served:
the same answer as GET /api/v1/check, shown with DOM APIs only, one line until someone asks."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.sync_api import Page

from tests.widget.conftest import ARTIFACTS, Opener, Visit
from tests.widget.pages import article, element

DAY, REGION = "2024-11-20", "63.03"  # Pilkada 2024's campaign; Kabupaten Banjar takes part
CHECK = "neutral-timeline .nt-check"


def component(visits: Opener, site: str, lang: str, width: int = 1024, **attrs: str) -> tuple[Visit, Page]:
    visit = visits(width=width)
    visit.site = site
    html = element(site, lang, attrs.pop("date", DAY), attrs.pop("election", "pilkada-2024"))
    extra = "".join(f' {k}="{v}"' for k, v in attrs.items())
    page = visit.page()
    page.goto(
        visit.host_page(
            f"/check-{lang}-{width}", article(html.replace("<neutral-timeline ", f"<neutral-timeline{extra} "))
        )
    )
    page.locator(f"{CHECK} input[name=q]").wait_for()
    return visit, page


def ask(page: Page, text: str) -> None:
    page.locator(f"{CHECK} input[name=q]").fill(text)
    page.locator(f"{CHECK} form button").click()
    page.locator(f"{CHECK} .nt-verdict").wait_for()


def api(site: str, q: str, lang: str, **more: str) -> Any:
    params = {"q": q, "date": DAY, "election": "pilkada-2024", "region": REGION, "lang": lang, **more}
    return httpx.get(f"{site}/api/v1/check", params=params).json()


@pytest.mark.parametrize(("lang", "verdict"), [("id", "DILARANG"), ("en", "PROHIBITED")])
def test_a_like_on_a_candidates_post_is_prohibited_by_the_rules_the_api_names(
    visits: Opener, bundled: str, lang: str, verdict: str
) -> None:
    visit, page = component(visits, bundled, lang, region=REGION)
    ask(page, "like postingan calon")
    expected = api(bundled, "like postingan calon", lang)
    assert expected["verdict"] == "prohibited" and expected["rules"]
    result = page.locator(f"{CHECK} .nt-check-result")
    assert result.locator(".nt-verdict").get_attribute("class") == "nt-verdict nt-verdict-prohibited"
    assert result.locator(".nt-verdict").inner_text().startswith(verdict)
    assert [li.get_attribute("data-rule") for li in result.locator(".nt-rule").all()] == [
        r["id"] for r in expected["rules"]
    ]
    assert result.locator(".nt-rule-name").all_text_contents() == [r["title"] for r in expected["rules"]]
    assert result.locator(".nt-understood").get_attribute("data-activity") == expected["activity"]["id"]
    assert expected["activity"]["name"] in result.locator(".nt-understood").inner_text()
    asked = [url for url in visit.requests if "/api/v1/check?" in url]
    assert len(asked) == 1 and f"region={REGION}" in asked[0] and f"date={DAY}" in asked[0]
    assert "election=pilkada-2024" in asked[0] and f"lang={lang}" in asked[0]
    assert visit.errors == []


def test_text_it_cannot_place_offers_the_closest_activities(visits: Opener, bundled: str) -> None:
    visit, page = component(visits, bundled, "en", region=REGION)
    ask(page, "foot")  # a typo too far from "foto" to be read as it: the closest activities are offered
    expected = api(bundled, "foot", "en")
    assert expected["verdict"] == "not_understood" and expected["closest"]
    picks = page.locator(f"{CHECK} .nt-closest button")
    assert [b.get_attribute("data-activity") for b in picks.all()] == [c["id"] for c in expected["closest"]]
    assert picks.all_text_contents() == [c["name"] for c in expected["closest"]]
    assert page.locator(f"{CHECK} .nt-understood").count() == 0
    picks.first.click()  # asks again with that activity's name
    page.locator(f"{CHECK} .nt-understood").wait_for()
    assert page.locator(f"{CHECK} .nt-understood").get_attribute("data-activity") == expected["closest"][0]["id"]
    assert page.locator(f"{CHECK} input[name=q]").input_value() == expected["closest"][0]["name"]
    assert visit.errors == []


def test_gibberish_is_said_to_be_unrecognised(visits: Opener, bundled: str) -> None:
    _, page = component(visits, bundled, "id", region=REGION)
    ask(page, "qwzzkx blorp")
    expected = api(bundled, "qwzzkx blorp", "id")
    assert page.locator(f"{CHECK} .nt-verdict").inner_text() == "TIDAK DIKENALI"
    assert page.locator(f"{CHECK} .nt-check-result p").nth(1).inner_text() == expected["message"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_check_is_one_compact_line_at_400_px(visits: Opener, bundled: str, lang: str) -> None:
    _, page = component(visits, bundled, lang, width=400, region=REGION)
    page.locator("neutral-timeline .nt-title").wait_for()
    box = page.locator(CHECK).bounding_box()
    whole = page.locator("neutral-timeline").bounding_box()
    assert box is not None and whole is not None
    print(f"the component at 400 px ({lang}): {whole['height']:.0f} px, its check box {box['height']:.0f} px")
    tops = [page.locator(f"{CHECK} form {tag}").bounding_box() for tag in ("label", "input", "button")]
    assert len({round(t["y"] + t["height"] / 2) for t in tops if t}) == 1  # one row: label, field, button
    assert box["height"] <= 80  # with the section's rule and spacing
    page.screenshot(path=str(ARTIFACTS / f"element-check-{lang}-400.png"), clip={**box, "height": box["height"] + 10})


@pytest.mark.parametrize(
    ("lang", "text", "label", "heading"),
    [
        ("id", "share berita banjir", "TERGANTUNG: dilarang", "Aturan yang melarangnya bila menyangkut calon"),
        ("en", "share flood news", "DEPENDS: prohibited", "Rules that prohibit it if it concerns a candidate"),
        ("en", "tidak like", "DEPENDS: not doing it is never prohibited", "Rules that prohibit it if it concerns"),
    ],
)
def test_words_that_name_no_candidate_are_answered_depends(
    visits: Opener, bundled: str, lang: str, text: str, label: str, heading: str
) -> None:
    visit, page = component(visits, bundled, lang, region=REGION)
    ask(page, text)
    expected = api(bundled, text, lang)
    assert expected["verdict"] == "depends" and expected["rules"]
    result = page.locator(f"{CHECK} .nt-check-result")
    assert result.locator(".nt-verdict").get_attribute("class") == "nt-verdict nt-verdict-depends"
    assert result.locator(".nt-verdict").inner_text().startswith(label)
    assert expected["message"] in result.inner_text()
    assert heading in (result.locator("h4").first.text_content() or "")  # the CSS shows it in capitals
    assert [li.get_attribute("data-rule") for li in result.locator(".nt-rule").all()] == [
        r["id"] for r in expected["rules"]
    ]
    assert visit.errors == []
