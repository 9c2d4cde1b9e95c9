"""Pages beside the JSON API through the real app: headers (CSP, framing, no CORS), ETag/304, oEmbed, SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import httpx
import pytest

from neutral_timeline.catalog.model import Catalog
from neutral_timeline.widget import assets
from tests.api.conftest import TESTSERVER

pytestmark = pytest.mark.anyio

WIDGET = "/widget/testvote-2028"
SVG_NS = "{http://www.w3.org/2000/svg}"


class Tags(HTMLParser):
    """Every start tag with its attributes, to look at a page's links without regexes over markup."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))

    def all(self, tag: str, **match: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.found if t == tag and all(a.get(k) == v for k, v in match.items())]


def csp(response: httpx.Response) -> dict[str, str]:
    return {d.split()[0]: d for d in (part.strip() for part in response.headers["content-security-policy"].split(";"))}


async def test_the_widget_page_may_be_framed_anywhere(client: httpx.AsyncClient) -> None:
    r = await client.get(WIDGET, params={"date": "2028-10-03", "lang": "en"})
    assert r.status_code == 200 and r.headers["content-type"] == "text/html; charset=utf-8"
    policy = csp(r)
    assert policy["frame-ancestors"] == "frame-ancestors *"
    assert policy["default-src"] == "default-src 'self'" and "script-src" not in policy  # no inline script
    assert "x-frame-options" not in r.headers
    assert "access-control-allow-origin" not in r.headers  # HTML is not part of the JSON API
    assert r.headers["cache-control"] == "public, max-age=3600"
    tags = Tags(r.text)
    (discovery,) = tags.all("link", rel="alternate", type="application/json+oembed")
    assert discovery["href"] == (
        "http://testserver/oembed?url=http%3A%2F%2Ftestserver%2Fwidget%2Ftestvote-2028%3Flang%3Den%26date%3D2028-10-03"
        "&format=json"
    )
    (script,) = tags.all("script")
    assert script["src"] is not None and script["src"].startswith("http://testserver/static/embed.js?v=")
    assert "<script>" not in r.text.replace("&lt;script&gt;", "")  # nothing inline


async def test_other_pages_may_only_be_framed_by_us(client: httpx.AsyncClient) -> None:
    for path in ("/", "/?lang=en&date=2028-10-03"):
        r = await client.get(path)
        assert r.status_code == 200
        assert csp(r)["frame-ancestors"] == "frame-ancestors 'self'"
        assert r.headers["x-frame-options"] == "SAMEORIGIN"
        assert "access-control-allow-origin" not in r.headers


async def test_home_page_has_the_facts_feeds_snippets_and_api_links(client: httpx.AsyncClient) -> None:
    r = await client.get("/", params={"date": "2028-10-03", "lang": "en"})
    text, tags = r.text, Tags(r.text)
    assert "Test Regional Election 2028" in text and "62 days to voting day (4 December 2028)" in text
    assert "Office facilities in campaigns" in text and "Test interpretation" in text
    hrefs = [a["href"] for a in tags.all("a")]
    for feed in ("all", "testvote-2028"):
        assert f"webcal://testserver/ics/en/nasional/standard/{feed}.ics" in hrefs
        assert f"http://testserver/ics/en/nasional/standard/{feed}.ics?download=true" in hrefs
        assert any(
            h and h.startswith("https://calendar.google.com/calendar/render?cid=webcal") and feed in h for h in hrefs
        )
    assert "http://testserver/docs" in hrefs and "http://testserver/openapi.json" in hrefs
    assert "http://testserver/elections/testvote-2028/timeline.svg?lang=en" in hrefs
    codes = re.findall(r"<pre[^>]*><code>(.*?)</code></pre>", text, re.S)
    assert len(codes) == 3
    assert codes[0].startswith("&lt;iframe src=&#34;http://testserver/widget/testvote-2028?lang=en&#34;")
    assert "&lt;script src=&#34;http://testserver/static/widget.js&#34; defer&gt;&lt;/script&gt;" in codes[1]
    assert "&lt;noscript&gt;&lt;iframe" in codes[1]
    assert codes[2] == "http://testserver/widget/testvote-2028?lang=en"
    (preview,) = tags.all("iframe")
    assert preview["src"] == "http://testserver/widget/testvote-2028?lang=en&date=2028-10-03"
    assert preview["title"]


async def test_home_page_embed_form_works_without_javascript(client: httpx.AsyncClient) -> None:
    r = await client.get(
        "/", params={"election": "testvote-2028", "widget_lang": "en", "theme": "dark", "region": "92.08"}
    )
    form = next(f for f in Tags(r.text).all("form") if (f["action"] or "").endswith("#embed"))  # beside the check box
    assert form["method"] == "get"
    assert 'election="testvote-2028" lang="en" theme="dark" region="92.08"' in r.text.replace("&#34;", '"')
    assert (
        Tags(r.text).all("iframe")[0]["src"] == "http://testserver/widget/testvote-2028?lang=en&theme=dark&region=92.08"
    )
    for labelled in ("f-election", "f-lang", "f-theme", "f-region"):
        assert f'<label for="{labelled}">' in r.text


async def test_home_page_offers_a_regions_feeds_with_a_plain_form(client: httpx.AsyncClient) -> None:
    r = await client.get("/", params={"region": "92.08", "lang": "en"})
    (form,) = [f for f in Tags(r.text).all("form") if (f["action"] or "").endswith("#feeds")]
    assert form["method"] == "get"
    assert '<label for="feed-region">' in r.text and '<label for="feed-lang">' in r.text
    hrefs = [a["href"] for a in Tags(r.text).all("a")]
    assert "webcal://testserver/ics/en/92.08/standard/testvote-2028.ics" in hrefs
    assert any(
        (h or "").startswith("https://outlook.live.com/calendar/0/addfromweb?url=http%3A%2F%2Ftestserver")
        for h in hrefs
    )


async def test_home_page_check_box_works_without_javascript(client: httpx.AsyncClient) -> None:
    """ "Bolehkah saya ...?": a plain GET form to the home page; the answer comes back in the page."""
    r = await client.get("/", params={"date": "2028-10-01", "lang": "en"})
    form = next(f for f in Tags(r.text).all("form") if (f["action"] or "").endswith("#check"))
    assert form["method"] == "get"
    assert '<input type="hidden" name="date" value="2028-10-01">' in r.text
    assert 'name="q"' in r.text and "nt-check-result" not in r.text
    asked = await client.get("/", params={"date": "2028-10-01", "lang": "en", "q": "xyz"})
    assert asked.status_code == 200 and "nt-check-result" in asked.text
    assert "NOT RECOGNISED" in asked.text  # the mini catalog has no activity vocabulary


async def test_home_page_without_an_election_in_progress(client: httpx.AsyncClient) -> None:
    r = await client.get("/", params={"date": "2026-01-01", "lang": "en"})
    assert r.status_code == 200
    assert "outside the elections this tool holds" in r.text and "Party membership" in r.text


@pytest.mark.parametrize(
    "path",
    [f"{WIDGET}?date=2028-10-03", "/?date=2028-10-03", "/static/widget.js", "/static/widget.css", "/static/embed.js"],
)
async def test_pages_and_assets_answer_304_and_head(client: httpx.AsyncClient, path: str) -> None:
    first = await client.get(path)
    assert first.status_code == 200 and re.fullmatch(r'"[0-9a-f]{32}(-gzip)?"', first.headers["etag"])
    again = await client.get(path, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    head = await client.head(path)
    assert head.status_code == 200 and head.content == b"" and head.headers["etag"] == first.headers["etag"]


async def test_static_assets_cache_long_and_forever_when_versioned(client: httpx.AsyncClient) -> None:
    plain = await client.get("/static/widget.js")
    assert plain.headers["content-type"] == "text/javascript; charset=utf-8"
    assert plain.headers["cache-control"] == "public, max-age=86400"
    assert plain.headers["cross-origin-resource-policy"] == "cross-origin"
    found = assets.asset("widget.js")
    assert found is not None
    versioned = await client.get("/static/widget.js", params={"v": found.version})
    assert versioned.headers["cache-control"] == "public, max-age=31536000, immutable"
    css = await client.get("/static/widget.css")
    assert css.headers["content-type"] == "text/css; charset=utf-8"
    missing = await client.get("/static/../app.py")
    assert missing.status_code == 404
    missing = await client.get("/static/nothing.js")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    ("path", "status", "says"),
    [
        ("/widget/testvote-2082?lang=en", 404, "did you mean &#39;testvote-2028&#39;?"),
        ("/widget/testvote-2082", 404, "mungkin maksud Anda &#39;testvote-2028&#39;?"),
        (f"{WIDGET}?date=2028-02-30&lang=en", 422, "is not a calendar date"),
        (f"{WIDGET}?date=2028-02-30", 422, "bukan tanggal kalender (seharusnya YYYY-MM-DD"),
        (f"{WIDGET}?theme=pink&lang=en", 422, "is not a theme"),
        (f"{WIDGET}?lang=fr", 422, "bukan bahasa yang didukung"),
        (f"{WIDGET}?region=Atlantis", 404, "tidak ada provinsi, kabupaten, atau kota bernama"),
        ("/?election=nope&lang=en", 404, "unknown election"),
        ("/?election=nope", 404, "pemilihan &#39;nope&#39; tidak dikenal"),
    ],
)
async def test_page_errors_are_friendly_html_never_a_500(
    client: httpx.AsyncClient, path: str, status: int, says: str
) -> None:
    r = await client.get(path)
    assert r.status_code == status
    assert r.headers["content-type"] == "text/html; charset=utf-8"
    assert says in r.text
    assert r.headers["cache-control"] == "no-store"
    if path.startswith("/widget/"):
        assert csp(r)["frame-ancestors"] == "frame-ancestors *"  # the error shows inside the embedding page


async def test_oembed_answer(client: httpx.AsyncClient) -> None:
    url = "http://testserver/widget/testvote-2028?lang=en&region=Kaimana"
    r = await client.get("/oembed", params={"url": url, "format": "json", "maxwidth": 480, "maxheight": 2000})
    body = r.json()
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "*"
    assert list(body)[:8] == ["version", "type", "provider_name", "provider_url", "title", "html", "width", "height"]
    assert body["version"] == "1.0" and body["type"] == "rich" and body["provider_name"] == "neutral-timeline"
    assert body["title"] == "ASN neutrality: Test Regional Election 2028 — Kabupaten Kaimana"
    assert (body["width"], body["height"]) == (480, 640)
    page = "http://testserver/widget/testvote-2028?lang=en&amp;region=92.08"  # the region's canonical code
    secret = re.search(r'data-secret="([A-Za-z0-9]{10})"', body["html"])
    assert secret is not None
    s = secret[1]
    assert body["html"] == (
        f'<blockquote class="wp-embedded-content" data-secret="{s}"><a href="{page}">{body["title"]}</a></blockquote>'
        f'<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" src="{page}#?secret={s}" '
        f'data-secret="{s}" width="480" height="640" title="{body["title"]}" frameborder="0" marginwidth="0" '
        'marginheight="0"></iframe>'
    )
    small = (await client.get("/oembed", params={"url": url, "maxheight": 300})).json()
    assert small["height"] == 300 and 'height="300"' in small["html"]


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"url": "http://testserver/widget/testvote-2028", "format": "xml"}, 501, "not_implemented"),
        ({"url": "http://testserver/elsewhere"}, 404, "not_found"),
        ({"url": "javascript:alert(1)//widget/testvote-2028"}, 404, "not_found"),
        ({"url": "http://testserver/widget/testvote-2082"}, 404, "not_found"),
        ({"url": "http://testserver/widget/testvote-2028?lang=fr"}, 422, "invalid_parameter"),
        ({}, 422, "invalid_parameter"),
        ({"url": "http://testserver/widget/testvote-2028", "maxwidth": 0}, 422, "invalid_parameter"),
    ],
)
async def test_oembed_errors_have_the_one_json_shape(
    client: httpx.AsyncClient, params: dict[str, str | int], status: int, code: str
) -> None:
    r = await client.get("/oembed", params=params)
    assert r.status_code == status
    error = r.json()["error"]
    assert error["status"] == status and error["code"] == code and error["problems"]


async def test_timeline_svg(client: httpx.AsyncClient) -> None:
    r = await client.get("/elections/testvote-2028/timeline.svg", params={"date": "2028-10-03", "lang": "en"})
    assert r.status_code == 200 and r.headers["content-type"] == "image/svg+xml"
    assert r.headers["content-security-policy"] == "default-src 'none'"
    root = ET.fromstring(r.content)
    assert root.find(f"{SVG_NS}title") is not None and root.find(f"{SVG_NS}desc") is not None
    assert root.findtext(f"{SVG_NS}title") == "Timeline of Test Regional Election 2028"
    again = await client.get(r.url, headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304
    missing = await client.get("/elections/testvote-2082/timeline.svg")
    assert missing.status_code == 404 and missing.json()["error"]["problems"][0]["suggestion"]


async def test_pages_stay_out_of_the_json_api_docs(client: httpx.AsyncClient) -> None:
    paths = (await client.get("/openapi.json")).json()["paths"]
    assert "/oembed" in paths and "/elections/{election_id}/timeline.svg" in paths
    assert "/" not in paths and "/widget/{election_id}" not in paths and "/static/{name}" not in paths


async def test_every_real_election_renders(catalog: Catalog) -> None:
    """The bundled calendars, on each voting day and on a day outside every election: pages, never a 500."""
    from neutral_timeline.api.app import create_app
    from neutral_timeline.resolve import listing
    from neutral_timeline.resolve.answer import ElectionSummary

    transport = httpx.ASGITransport(app=create_app(catalog, TESTSERVER))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        for e in listing.elections(catalog):
            if not isinstance(e, ElectionSummary):  # announced: no schedule, no pages of its own
                assert (await c.get(f"/widget/{e.id}")).status_code == 404
                continue
            for day in (e.voting_day.isoformat(), "2030-01-01"):
                for path in (
                    f"/widget/{e.id}?date={day}",
                    f"/?date={day}",
                    f"/elections/{e.id}/timeline.svg?date={day}",
                ):
                    r = await c.get(path)
                    assert r.status_code == 200, path
            ET.fromstring((await c.get(f"/elections/{e.id}/timeline.svg")).content)


async def test_home_page_answers_for_the_region_asked(client: httpx.AsyncClient) -> None:
    """Feed events link to the home page with their region: it must show that region's answer."""
    r = await client.get("/", params={"date": "2028-10-05", "region": "34.71", "lang": "en"})
    assert r.status_code == 200
    assert "Kota Yogyakarta holds no race of its own" in r.text
    assert "Asia/Jakarta" in r.text
    kaimana = await client.get("/", params={"date": "2028-10-05", "region": "92.08", "lang": "en"})
    assert "Asia/Jayapura" in kaimana.text and "Candidate attributes" in kaimana.text  # its own circular


async def test_the_embed_section_offers_only_elections_with_a_schedule(catalog: Catalog) -> None:
    """The bundled calendars on a day with nothing running: the announced elections (no schedule, so no
    widget) are not offered, and the default is the last election with one."""
    from neutral_timeline.api.app import create_service

    transport = httpx.ASGITransport(app=create_service(catalog, TESTSERVER))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        r = await client.get("/", params={"date": "2026-11-30"})
    assert r.status_code == 200
    options = re.findall(
        r'<option value="([^"]+)"( selected)?>', r.text.split('id="f-election"')[1].split("</select>")[0]
    )
    assert [value for value, _ in options] == ["pilkada-2020", "pemilu-2024", "pilkada-2024"]
    assert [value for value, chosen in options if chosen] == ["pilkada-2024"]
    assert catalog.announced["pemilu-2029"].name.id in r.text  # still said on the page: what comes next
