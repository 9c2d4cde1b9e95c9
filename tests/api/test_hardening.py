"""One error shape for every refusal, security headers on every answer, CORS for data only, offline /docs,
and an OpenAPI document that names the error schema for each status a route returns."""

from __future__ import annotations

import re

import httpx
import pytest

from neutral_timeline.api.app import create_service
from neutral_timeline.api.settings import Settings, parse_public_url
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.errors import QueryError

pytestmark = pytest.mark.anyio
SITUATION = "/api/v1/elections/testvote-2028/situation?date=2028-10-03"
PATHS = [SITUATION, "/ics/testvote-2028.ics", "/", "/widget/testvote-2028", "/docs", "/openapi.json", "/nowhere"]


def _error(r: httpx.Response, status: int, code: str) -> None:
    assert r.status_code == status
    assert r.headers["content-type"] == "application/json"
    body = r.json()["error"]
    assert body["status"] == status and body["code"] == code and body["problems"][0]["what"]


@pytest.mark.parametrize("path", PATHS)
async def test_every_answer_says_nosniff_and_pages_a_referrer_policy(client: httpx.AsyncClient, path: str) -> None:
    data = path.startswith(("/api/", "/ics/"))  # JSON and ICS start no requests: no Referrer-Policy to say
    for _ in range(2):  # the second one may come from the response cache
        r = await client.get(path)
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers.get("referrer-policy") == (None if data else "strict-origin-when-cross-origin")
        assert len(r.headers.get_list("x-content-type-options")) == 1


@pytest.mark.parametrize("path", [SITUATION, "/ics/testvote-2028.ics", "/api/v1/elections", "/api/v1/nowhere"])
async def test_data_answers_are_the_same_for_every_origin(client: httpx.AsyncClient, path: str) -> None:
    """CORS headers do not depend on Origin, so one cached copy serves every site (nginx keys on none)."""
    plain = await client.get(path)
    for origin in ("https://news.example", "null"):
        r = await client.get(path, headers={"Origin": origin})
        assert r.status_code == plain.status_code and r.content == plain.content
        assert r.headers["access-control-allow-origin"] == "*"
        assert "origin" not in r.headers.get("vary", "").lower()
        same = ("access-control-allow-origin", "access-control-expose-headers", "vary", "etag", "cache-control")
        assert {k: r.headers.get(k) for k in same} == {k: plain.headers.get(k) for k in same}


async def test_long_addresses_bodies_and_methods_are_refused_in_the_one_shape(client: httpx.AsyncClient) -> None:
    _error(await client.get("/api/v1/regions", params={"q": "x" * 9000}), 414, "uri_too_long")
    _error(await client.get("/?q=" + "x" * 9000), 414, "uri_too_long")
    _error(await client.request("GET", "/api/v1/health", content=b"x" * 9000), 413, "payload_too_large")
    for method in ("POST", "PUT", "DELETE", "PATCH", "PROPFIND"):
        r = await client.request(method, SITUATION)
        _error(r, 405, "method_not_allowed")
        assert r.headers["allow"] == "GET, HEAD"
    _error(await client.get("/api/v1/nowhere"), 404, "not_found")
    _error(await client.get("/api/v1/today?lang=fr"), 422, "invalid_parameter")
    _error(await client.get("/oembed?url=http://testserver/widget/testvote-2028&format=xml"), 501, "not_implemented")
    _error(await client.get("/", headers={"Host": "evil.example"}), 400, "invalid_host")


@pytest.mark.parametrize("path", [SITUATION, "/ics/testvote-2028.ics", "/api/v1/health"])
async def test_json_and_ics_answer_a_cors_preflight(client: httpx.AsyncClient, path: str) -> None:
    asked = {"Origin": "https://news.example", "Access-Control-Request-Method": "GET"}
    r = await client.options(path, headers={**asked, "Access-Control-Request-Headers": "if-none-match"})
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == "*"
    assert r.headers["access-control-allow-methods"] == "GET, HEAD"
    assert "If-None-Match" in r.headers["access-control-allow-headers"]
    assert "If-Modified-Since" in r.headers["access-control-allow-headers"]
    refused = await client.options(path, headers={**asked, "Access-Control-Request-Method": "DELETE"})
    _error(refused, 400, "cors_refused")
    first = await client.get(path, headers={"Origin": "https://news.example"})
    assert first.headers["access-control-allow-origin"] == "*"
    assert first.headers["access-control-expose-headers"] == "ETag"
    again = await client.get(path, headers={"Origin": "https://news.example", "If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.headers["access-control-expose-headers"] == "ETag"


@pytest.mark.parametrize("path", ["/", "/widget/testvote-2028", "/docs", "/static/widget.css", "/nowhere"])
async def test_pages_get_no_cors_at_all(client: httpx.AsyncClient, path: str) -> None:
    asked = {"Origin": "https://news.example", "Access-Control-Request-Method": "GET"}
    preflight = await client.options(path, headers=asked)
    assert preflight.status_code == (404 if path == "/nowhere" else 405)
    answer = await client.get(path, headers={"Origin": "https://news.example"})
    for r in (preflight, answer):
        assert not [h for h in r.headers if h.startswith("access-control-")], path


async def test_docs_come_from_this_server_under_the_page_policy(client: httpx.AsyncClient) -> None:
    r = await client.get("/docs")
    assert r.status_code == 200
    assert r.headers["content-security-policy"].startswith("default-src 'self'")
    assert "frame-ancestors 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "SAMEORIGIN"
    assert "<script>" not in r.text and "style=" not in r.text  # nothing inline: the policy allows none
    sources = re.findall(r'(?:src|href)="([^"]+)"', r.text)
    assert sources and all(s.startswith("/docs/files/") for s in sources)
    for source in sources:
        asset = await client.get(source)
        assert asset.status_code == 200 and asset.content
        assert b"cdn.jsdelivr.net" not in asset.content or source.endswith(".js")  # licence comments only
    assert b"SwaggerUIBundle" in (await client.get("/docs/files/swagger-ui-bundle.js")).content
    _error(await client.get("/redoc"), 404, "not_found")
    _error(await client.get("/docs/files/passwd"), 404, "not_found")


async def test_the_document_names_the_error_schema_for_every_status(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    error = spec["components"]["schemas"]["Error"]
    assert error["required"] == ["error"]
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    for path, item in spec["paths"].items():
        operation = item["get"]
        statuses = {s for s in operation["responses"] if s >= "400"}
        assert {"400", "414"} <= statuses, path
        for status in statuses:
            schema = operation["responses"][status]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/Error"}, (path, status)
        params = {p["name"]: p["schema"] for p in operation.get("parameters", [])}
        if params:
            assert "422" in statuses, path
        for param in operation.get("parameters", []):
            if param["name"] == "lang":  # a query parameter in any case (EN is en), a path exactly
                form = {"pattern": "^(?:[iI][dD]|[eE][nN])$"} if param["in"] == "query" else {"enum": ["id", "en"]}
                assert form.items() <= param["schema"].items(), path
        for name in ("date", "as_of"):
            if name in params:
                assert params[name]["pattern"] == r"^\d{4}-\d{2}-\d{2}$"
    assert "404" in spec["paths"]["/api/v1/elections/{election}/situation"]["get"]["responses"]
    assert "501" in spec["paths"]["/oembed"]["get"]["responses"]
    ics = spec["paths"]["/ics/{name}.ics"]["get"]
    assert set(ics["responses"]["200"]["content"]) == {"text/calendar"}
    assert re.fullmatch(next(p["schema"]["pattern"] for p in ics["parameters"] if p["name"] == "reminders"), "7d,1d")


def test_public_urls_are_origins() -> None:
    assert parse_public_url("HTTPS://Netral.Example.go.id/") == "https://netral.example.go.id"
    assert parse_public_url("http://[::1]:8080") == "http://[::1]:8080"
    assert Settings("https://netral.example.go.id").hosts == ("netral.example.go.id", "127.0.0.1", "localhost")
    assert Settings.from_env({"NEUTRAL_TIMELINE_ALLOWED_HOSTS": "a.example, *.b.example"}).hosts == (
        "a.example",
        "*.b.example",
    )
    for bad in ("netral.example.go.id", "https://x.example:99999", "javascript:alert(1)"):
        with pytest.raises(QueryError):
            parse_public_url(bad)


async def test_parameters_no_route_reads_never_multiply_renderings(mini: Catalog) -> None:
    app = create_service(mini, Settings("http://testserver"))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as c:
        plain = await c.get("/widget/testvote-2028?date=2028-10-01&lang=en")
        for n in range(5):
            junk = await c.get(f"/widget/testvote-2028?junk={n}&date=2028-10-01&fbclid=x{n}&lang=en")
            assert junk.content == plain.content
    inner = app
    while not hasattr(inner, "state"):  # the FastAPI app behind the guards
        inner = inner.app  # type: ignore[attr-defined]
    pages = [key for key in inner.state.service.cache.entries if key[0] == "page"]
    assert len(pages) == 1  # one canonical question: one rendering


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/v1/elections/nowhere-2042", 404),
        ("GET", "/nowhere", 404),
        ("POST", "/api/v1/today", 405),
        ("GET", "/api/v1/today?date=2028-13-01", 422),
        ("GET", "/api/v1/today?date=2028-10-01&date=2028-10-02", 422),
        ("GET", "/ics/testvote-2028.ics?reminders=sometimes", 422),
    ],
)
async def test_no_error_is_stored_by_any_cache(client: httpx.AsyncClient, method: str, path: str, status: int) -> None:
    r = await client.request(method, path)
    assert r.status_code == status, r.text
    assert r.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    ("path", "name", "meant"),
    [
        ("/api/v1/today?Date=2028-10-03", "Date", "date"),
        ("/api/v1/today?regoin=32.79", "regoin", "region"),
        ("/ics/testvote-2028.ics?Region=32.79", "Region", "region"),
        ("/api/v1/check?q=like&electon=testvote-2028", "electon", "election"),
    ],
)
async def test_a_misspelled_parameter_is_refused_not_ignored(
    client: httpx.AsyncClient, path: str, name: str, meant: str
) -> None:
    """Without it the answer would be for today or the whole country, with a 200: a wrong answer."""
    r = await client.get(path + "&lang=en")
    assert r.status_code == 422, r.text
    assert r.headers["cache-control"] == "no-store"
    (problem,) = r.json()["error"]["problems"]
    assert problem["where"] == name and meant in problem["suggestion"]


async def test_unknown_parameters_unlike_any_known_one_are_still_dropped(client: httpx.AsyncClient) -> None:
    plain = await client.get("/api/v1/today", params={"date": "2028-10-03"})
    tracked = await client.get(
        "/api/v1/today", params={"date": "2028-10-03", "utm_source": "wa", "fbclid": "x", "_": "1"}
    )
    assert tracked.status_code == 200 and tracked.content == plain.content
