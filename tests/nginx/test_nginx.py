"""Through nginx and straight from the app, the same addresses give the same answers: status, bytes
(after gunzip, and the gzip bytes themselves), and the headers that matter, 304s included.

nginx serves the export from disk with the app's ETags (deploy/nginx/configure.py reads them from
manifest.json), and proxies everything else to the app through a cache bounded in bytes. The exported
answers are compared for both layouts of the export (`each_stack`): the default one, and `--gzip-only`,
where nginx decompresses (gunzip) a file stored only as .gz for a client without gzip.

The headers that matter are HEADERS, equal on both sides, with two differences nginx's gunzip makes,
and only there (a gzip-only file sent to a client without gzip): the body goes chunked, without
Content-Length, and the ETag is the app's identity ETag made weak (W/"..."), as nginx marks any body it
transforms. If-None-Match compares weakly on both sides, so either side's validator is a 304 on both.
Content-Length is compared everywhere else.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import subprocess
import time
import tomllib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.nginx.conftest import Stack, need
from tests.serving import CONFIGURE, configure_nginx, free_port, running_nginx, serving

pytestmark = pytest.mark.slow

# What a client or a cache acts on; Date, Server, Connection and nginx's X-Cache are not compared.
HEADERS = (
    "content-type",
    "content-encoding",
    "etag",
    "last-modified",
    "cache-control",
    "expires",
    "vary",
    "access-control-allow-origin",
    "access-control-expose-headers",
    "x-content-type-options",
    "referrer-policy",
    "content-security-policy",
    "cross-origin-resource-policy",
    "x-frame-options",
    "content-disposition",
)
GZIP = {"Accept-Encoding": "gzip, deflate, br"}
IDENTITY = {"Accept-Encoding": "identity"}
ORIGIN = {"Origin": "https://news.example"}


def configure_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("nginx_configure", CONFIGURE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Answer:
    """One response: status, headers, the bytes on the wire and the bytes after gunzip."""

    def __init__(self, response: httpx.Response, raw: bytes) -> None:
        self.status = response.status_code
        self.headers = response.headers
        self.raw = raw
        self.body = gzip.decompress(raw) if response.headers.get("content-encoding") == "gzip" and raw else raw

    def compared(self, skip: tuple[str, ...] = ()) -> dict[str, str | None]:
        return {name: self.headers.get(name) for name in HEADERS if name not in skip}


CLIENT = httpx.Client(timeout=30, trust_env=False)  # one client: a new one per request costs more than nginx


def get(url: str, headers: dict[str, str] | None = None, method: str = "GET") -> Answer:
    with CLIENT.stream(method, url, headers=headers or {}) as response:
        return Answer(response, b"".join(response.iter_raw()))


def http_date(instant: datetime) -> str:
    return format_datetime(instant.astimezone(UTC), usegmt=True)


def opaque(tag: str) -> str:
    """An ETag without its weakness: what If-None-Match compares (RFC 9110, weak comparison)."""
    return tag.removeprefix("W/")


def gunzipped(stack: Stack, path: str, headers: dict[str, str]) -> bool:
    """Whether nginx decompresses this answer: a gzip-only export, a body stored only as .gz and a
    client without gzip."""
    entry = configure_module().entries(stack.manifest).get(path) or {}
    takes_gzip = "gzip" in headers.get("Accept-Encoding", "gzip")  # httpx's default takes gzip
    return stack.layout == "gzip-only" and entry.get("stored") == "gzip" and not takes_gzip


def expected(stack: Stack, path: str, headers: dict[str, str], direct: Answer) -> dict[str, str | None]:
    """The headers that matter nginx must send, from the app's: the same, but for gunzip's weak ETag."""
    want = direct.compared()
    if gunzipped(stack, path, headers) and want["etag"]:
        want["etag"] = "W/" + want["etag"]
    return want


def same_length(stack: Stack, path: str, headers: dict[str, str], direct: Answer, through: Answer) -> None:
    length = through.headers.get("content-length")
    if gunzipped(stack, path, headers):
        assert length is None and through.headers.get("transfer-encoding") in ("chunked", None), path
    else:
        assert length == direct.headers.get("content-length"), path


def exported_sample(stack: Stack) -> list[str]:
    """Every exported kind, evenly spread: all JSON, SVG and assets, every fourth feed (at least 40 in all)."""
    paths = sorted(p for p in configure_module().entries(stack.manifest) if not p.endswith(".gz"))
    paths = ["/" + p.lstrip("/") for p in paths]
    feeds = [p for p in paths if p.startswith("/ics/")]
    return [p for p in paths if not p.startswith("/ics/")] + feeds[::4]


def kinds(paths: list[str]) -> set[str]:
    return {p.split("/")[1] for p in paths} | {p.rsplit(".", 1)[-1] for p in paths}


def test_the_export_is_sampled_widely(each_stack: Stack) -> None:
    sample = exported_sample(each_stack)
    assert {"ics", "api", "elections", "static", "json", "svg", "css", "js"} <= kinds(sample)
    assert len(sample) >= 40
    if each_stack.layout == "gzip-only":  # nginx's gunzip is exercised on every kind
        gz = [p for p in sample if gunzipped(each_stack, p, IDENTITY)]
        assert {"ics", "api", "elections", "static", "json", "svg", "js"} <= kinds(gz) and len(gz) >= 30


def test_the_layout_comes_from_the_manifest(stack: Stack, gzip_only_stack: Stack, tmp_path: Path) -> None:
    """configure.py reads the layout from manifest.json: gzip_static on for the default export;
    gzip_static always with gunzip for a --gzip-only one, whose compressed bodies exist only as .gz."""
    default = (stack.conf / "neutral-timeline.conf").read_text()
    assert re.search(r"^\s*gzip_static on;", default, re.M) and not re.search(r"^\s*gunzip on;", default, re.M)
    text = (gzip_only_stack.conf / "neutral-timeline.conf").read_text()
    assert re.search(r"^\s*gzip_static always;", text, re.M) and re.search(r"^\s*gunzip on;", text, re.M)
    stored = configure_module().entries(gzip_only_stack.manifest)
    for path, entry in stored.items():
        target = gzip_only_stack.export / path.lstrip("/")
        assert target.exists() == (entry.get("stored") != "gzip"), path
        assert target.with_name(target.name + ".gz").exists() == bool(entry["gzip"]), path
    module = configure_module()
    argv = ["--export", str(gzip_only_stack.export), "--upstream", "127.0.0.1:1", "--public-url", "http://x.example"]
    args = module.parser().parse_args([*argv, "--out", str(tmp_path), "--layout", "default"])
    with pytest.raises(module.ConfigError, match=r"--layout default: .* was exported with --gzip-only"):
        module.configure(args)


@pytest.mark.parametrize("encoding", [IDENTITY, GZIP], ids=["identity", "gzip"])
def test_exported_addresses_answer_as_the_app(each_stack: Stack, encoding: dict[str, str]) -> None:
    stack = each_stack
    for path in exported_sample(stack):
        for extra in ({}, ORIGIN):
            headers = encoding | extra
            direct, through = get(stack.app + path, headers), get(stack.nginx + path, headers)
            assert (through.status, direct.status) == (200, 200), path
            assert "x-cache" not in through.headers, f"{path}: proxied, not served from the export"
            assert through.body == direct.body, path
            assert through.raw == direct.raw, f"{path}: the .gz is not the app's gzip"
            assert through.compared() == expected(stack, path, headers, direct), path
            same_length(stack, path, headers, direct, through)


@pytest.mark.parametrize("encoding", [IDENTITY, GZIP], ids=["identity", "gzip"])
def test_a_feeds_query_style_address_is_its_exported_file(each_stack: Stack, encoding: dict[str, str]) -> None:
    """The query-style address the app published for a feed (manifest "query") is served from the exported
    file, with the app's bytes and headers; other spellings of the same question reach the app."""
    stack = each_stack
    queries = {e["query"]: p for p, e in configure_module().entries(stack.manifest).items() if e.get("query")}
    feeds = [p for p in configure_module().entries(stack.manifest) if p.endswith(".ics")]
    assert len(queries) == len(feeds) and "/ics/all.ics" in queries
    for query in sorted(queries)[::3]:
        direct, through = get(stack.app + query, encoding), get(stack.nginx + query, encoding)
        assert (through.status, direct.status) == (200, 200), query
        assert "x-cache" not in through.headers, f"{query}: proxied, not served from {queries[query]}"
        assert through.body == direct.body and through.raw == direct.raw, query
        assert through.compared() == expected(stack, queries[query], encoding, direct), query
        same_length(stack, queries[query], encoding, direct, through)
    query = next(q for q in sorted(queries) if "&" in q)
    path, params = query.split("?")
    swapped = f"{path}?{'&'.join(reversed(params.split('&')))}"  # the same question, spelled otherwise
    for other in (swapped, query.upper().replace("/ICS/", "/ics/"), query + "&download=true"):
        direct, through = get(stack.app + other, encoding), get(stack.nginx + other, encoding)
        assert through.status == direct.status and through.body == direct.body, other
        assert through.headers.get("x-cache") in ("MISS", "HIT", "EXPIRED"), f"{other}: not through the app"


def test_exported_answers_are_precompressed(each_stack: Stack) -> None:
    """gzip_static serves the export's .gz: a feed is sent compressed, with the gzip ETag. In the
    gzip-only layout the same .gz reaches a client without gzip decompressed, as the app's identity."""
    stack = each_stack
    path = next(p for p in exported_sample(stack) if p.endswith(".ics"))
    answer = get(stack.nginx + path, GZIP)
    assert answer.headers["content-encoding"] == "gzip" and answer.headers["etag"].endswith('-gzip"')
    assert answer.raw == (stack.export / (path.lstrip("/") + ".gz")).read_bytes()
    assert answer.headers["content-type"] == "text/calendar; charset=utf-8"
    plain, direct = get(stack.nginx + path, IDENTITY), get(stack.app + path, IDENTITY)
    assert "content-encoding" not in plain.headers and plain.raw == direct.raw
    if stack.layout == "gzip-only":
        assert not (stack.export / path.lstrip("/")).exists()
        assert plain.headers["etag"] == "W/" + direct.headers["etag"] and not direct.headers["etag"].startswith("W/")


@pytest.mark.parametrize("encoding", [IDENTITY, GZIP], ids=["identity", "gzip"])
def test_exported_304s(each_stack: Stack, encoding: dict[str, str]) -> None:
    """If-None-Match with the ETag from either side, in the forms clients send, is a 304 from both,
    carrying the ETag and the Last-Modified that side's 200 carries (the app's 304 says Last-Modified,
    so nginx's does too); If-Modified-Since with the Last-Modified from either side too, which is when
    `revise` stamped the data (not a date the data names); a stale ETag is a 200."""
    stack = each_stack
    assert stack.stamped
    revised = tomllib.loads((stack.data / "revision.toml").read_text(encoding="utf-8"))["revised"]
    assert stack.manifest["last_modified"] == revised.isoformat()
    for path in exported_sample(stack)[::3]:
        direct, through = get(stack.app + path, encoding), get(stack.nginx + path, encoding)
        if not path.startswith("/static/"):
            assert direct.headers["last-modified"] == http_date(revised) == through.headers["last-modified"], path
        sent = {stack.app: direct.headers["etag"], stack.nginx: through.headers["etag"]}
        assert opaque(sent[stack.app]) == opaque(sent[stack.nginx]), path
        for tag in {opaque(direct.headers["etag"]), opaque(through.headers["etag"])}:
            for header in (tag, f"W/{tag}", f'"0123", {tag}', "*"):
                for url in (stack.app, stack.nginx):
                    answer = get(url + path, encoding | {"If-None-Match": header})
                    assert answer.status == 304 and answer.body == b"", (url, path, header)
                    assert answer.headers["etag"] == sent[url] and answer.headers["cache-control"], (url, path)
                    assert answer.headers.get("last-modified") == direct.headers.get("last-modified"), (url, path)
            stale = encoding | {"If-None-Match": tag[:-1] + 'x"'}
            assert get(stack.nginx + path, stale).status == 200 == get(stack.app + path, stale).status
        for modified in {direct.headers.get("last-modified"), through.headers.get("last-modified")} - {None}:
            for url in (stack.app, stack.nginx):
                answer = get(url + path, encoding | {"If-Modified-Since": str(modified)})
                assert answer.status == 304 and answer.headers["last-modified"] == modified, (url, path)
            for seconds in (1, 86400):  # a second before the stamp is a 200: the date is not rounded to a day
                before = http_date(parsedate_to_datetime(str(modified)) - timedelta(seconds=seconds))
                for url in (stack.app, stack.nginx):
                    assert get(url + path, encoding | {"If-Modified-Since": before}).status == 200, (url, path)
        if "last-modified" not in direct.headers:  # an asset: no date to compare, never a 304 by date
            since = {"If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"}
            assert get(stack.nginx + path, since).status == 200 == get(stack.app + path, since).status


def test_a_stale_revision_stamp_sends_no_last_modified_on_either_side(stale_stack: Stack) -> None:
    """Data edited after `revise`: the export's manifest says last_modified null, configure.py turns
    Last-Modified and If-Modified-Since off, and the app sends none: If-Modified-Since is a 200 on both
    sides (the stamp's own time, a date the data names, the future), If-None-Match still a 304."""
    stack = stale_stack
    assert not stack.stamped and stack.manifest["last_modified"] is None
    revised = tomllib.loads((stack.data / "revision.toml").read_text(encoding="utf-8"))["revised"]
    conf = (stack.conf / "neutral-timeline.conf").read_text()
    assert re.search(r"^\s*if_modified_since off;", conf, re.M) and not re.search(r"if_modified_since before", conf)
    proxied = ["/ics/testvote-2028.ics?region=92.08", "/api/v1/elections/testvote-2028/situation?date=2028-10-03"]
    for path in [*exported_sample(stack)[::4], *proxied]:
        for encoding in (IDENTITY, GZIP):
            direct, through = get(stack.app + path, encoding), get(stack.nginx + path, encoding)
            assert direct.status == through.status == 200 and direct.body == through.body, path
            assert "last-modified" not in direct.headers and "last-modified" not in through.headers, path
            for since in (http_date(revised), "Sun, 01 Oct 2028 00:00:00 GMT", "Fri, 01 Jan 2100 00:00:00 GMT"):
                for url in (stack.app, stack.nginx):
                    answer = get(url + path, encoding | {"If-Modified-Since": since})
                    assert answer.status == 200 and answer.body == direct.body, (url, path, since)
            for url, tag in ((stack.app, direct.headers["etag"]), (stack.nginx, through.headers["etag"])):
                answer = get(url + path, encoding | {"If-None-Match": tag})
                assert answer.status == 304 and "last-modified" not in answer.headers, (url, path)


ACCEPT_ENCODINGS = (
    "gzip",
    "GZIP",
    "gzip, deflate",
    "gzip, deflate, br, zstd",
    "br, gzip",
    "deflate, gzip",
    "gzip;q=0",
    "gzip; q=0.5",
    "br;q=1.0, gzip;q=0.001",
    "gzip;q=0, deflate",
    "deflate",
    "br",
    "identity",
)  # not "x-gzip": the app takes it for gzip, nginx's gzip_static does not (identity, identity ETag)


@pytest.mark.parametrize("value", ACCEPT_ENCODINGS)
def test_the_gzip_class_is_the_apps(each_stack: Stack, value: str) -> None:
    """Whatever Accept-Encoding says (the values matched exactly and the rest), nginx and the app agree
    on gzip or not: the same encoding, bytes and ETag (but for gunzip's W/)."""
    stack = each_stack
    path = next(p for p in exported_sample(stack) if p.endswith(".ics"))
    headers = {"Accept-Encoding": value}
    direct, through = get(stack.app + path, headers), get(stack.nginx + path, headers)
    assert through.headers.get("content-encoding") == direct.headers.get("content-encoding"), value
    assert through.raw == direct.raw and opaque(through.headers["etag"]) == direct.headers["etag"], value


def test_other_encodings_of_the_same_tag_are_not_304s(each_stack: Stack) -> None:
    """The gzip ETag from a client that no longer takes gzip is not its representation: 200, as from
    the app; nor is the identity ETag for a client that takes gzip."""
    stack = each_stack
    path = next(p for p in exported_sample(stack) if p.endswith(".ics"))
    packed, plain = get(stack.nginx + path, GZIP).headers["etag"], get(stack.nginx + path, IDENTITY).headers["etag"]
    for url in (stack.app, stack.nginx):
        assert get(url + path, IDENTITY | {"If-None-Match": packed}).status == 200
        assert get(url + path, GZIP | {"If-None-Match": opaque(plain)}).status == 200


def proxied(stack: Stack) -> list[str]:
    """Addresses nginx sends to the app: query-style, "today", pages, checks, misses and refusals."""
    widget = httpx.QueryParams({"url": f"{stack.nginx}/widget/testvote-2028?lang=en"})
    exported = exported_sample(stack)[0]
    return [
        "/api/v1/today",
        "/api/v1/today?lang=en&region=32.79",
        "/api/v1/today?date=2028-11-01",
        "/api/v1/elections?lang=en",
        "/api/v1/elections?junk=1",
        "/api/v1/elections/testvote-2028/situation?date=2028-10-03",
        "/api/v1/elections/testvote-2028/timeline",
        "/api/v1/check?q=nge-like%20postingan%20calon",
        "/api/v1/check?q=like&date=2028-10-03&lang=en",
        "/api/v1/regions?q=banjar",
        "/api/v1/feeds?region=32.79",
        "/api/v1/health",
        "/ics/testvote-2028.ics?reminders=minimal",
        "/ics/all.ics?lang=en&region=31.71&download=true",
        "/widget/testvote-2028",
        "/widget/testvote-2028?lang=en&date=2028-10-03&theme=dark",
        f"/oembed?{widget}",
        "/",
        "/?lang=en&date=2028-10-03",
        "/elections/testvote-2028/timeline.svg",
        "/static/widget.js?v=0",
        exported + "?download=true",  # an exported path with a query string: the app's answer
        # misses and refusals: the app's own answers, never cached
        "/api/v1/elections/nope/timeline",
        "/nope",
        "/ics/nope.ics",
        "/widget/nope",
        "/api/v1/today?date=2028-13-45",
        "/api/v1/regions?q=",
        "/api/v1/today?date=2028-10-03&date=2028-10-04",  # a parameter given twice
        "/ics/testvote-2028.ics?reminders=7d&reminders=1d",
        "/manifest.json",
        "/ics/id/",
    ]


def today_semantics(answer: Answer) -> None:
    """A "today" answer (the app's, passed on by nginx): "public" and an Expires, by the zone's next midnight."""
    assert answer.headers["cache-control"] == "public"
    expires = parsedate_to_datetime(answer.headers["expires"])
    sent = parsedate_to_datetime(answer.headers["date"])
    assert timedelta(0) <= expires - sent <= timedelta(seconds=301)  # uvicorn's Date is renewed once a second


@pytest.mark.parametrize("encoding", [IDENTITY, GZIP], ids=["identity", "gzip"])
def test_proxied_addresses_answer_as_the_app(stack: Stack, encoding: dict[str, str]) -> None:
    for path in proxied(stack):
        direct = get(stack.app + path, encoding | ORIGIN)
        for attempt in ("first", "again"):  # the second may come from nginx's cache
            through = get(stack.nginx + path, encoding | ORIGIN)
            assert through.status == direct.status, (path, attempt)
            today = "expires" in direct.headers
            if direct.headers.get("content-type", "").startswith("text/html") or today:
                # a today page or answer is the same but for the moment it was made
                assert len(through.body) == len(direct.body) or today, (path, attempt)
            else:
                assert through.body == direct.body, (path, attempt)
            skip = ("expires",) if today else ()  # the same rule, from another moment
            assert through.compared(skip) == direct.compared(skip), (path, attempt)
            if today:
                today_semantics(through)
                today_semantics(direct)
            if direct.status >= 400:
                assert through.headers.get("x-cache") in (None, "MISS", "BYPASS", "EXPIRED"), path
                assert direct.headers.get("cache-control") == "no-store", path


def test_a_parameter_given_twice_is_refused_through_nginx_every_time(stack: Stack) -> None:
    """Not answered for the last value, and the refusal is not cached for the one-value address."""
    for path in ("/api/v1/today?date=2028-10-03&date=2028-10-04", "/api/v1/today?lang=en&lang=en&date=2028-10-03"):
        for _ in range(2):
            answer = get(stack.nginx + path, IDENTITY)
            assert answer.status == 422, path
            assert answer.headers.get("x-cache") in (None, "MISS", "BYPASS", "EXPIRED"), path
            problem = json.loads(answer.body)["error"]["problems"][0]
            assert problem["where"] in ("date", "lang") and "2" in problem["what"], path
    assert get(stack.nginx + "/api/v1/today?date=2028-10-03", IDENTITY).status == 200


def test_the_proxy_cache_serves_repeats_and_304s(stack: Stack) -> None:
    path = "/api/v1/elections/testvote-2028/situation?date=2028-10-03&lang=en"
    first = get(stack.nginx + path, IDENTITY)
    again = get(stack.nginx + path, IDENTITY)
    assert again.headers["x-cache"] == "HIT" and again.body == first.body
    tag = first.headers["etag"]
    for header in (tag, f"W/{tag}", f'"0", {tag}'):
        answer = get(stack.nginx + path, IDENTITY | {"If-None-Match": header})
        assert answer.status == 304 and answer.headers["etag"] == tag
        assert answer.headers["x-cache"] == "HIT"
    since = IDENTITY | {"If-Modified-Since": first.headers["last-modified"]}
    assert get(stack.nginx + path, since).status == 304
    # the gzip class is in the key: a gzip client gets the gzip bytes, not the identity ones cached above
    packed = get(stack.nginx + path, {"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip" and packed.body == first.body
    assert packed.headers["etag"] != tag
    # Origin is not: the app's CORS headers are the same for every origin, so one copy serves them all
    cors = get(stack.nginx + path, IDENTITY | ORIGIN)
    assert cors.headers["x-cache"] == "HIT" and cors.body == first.body
    assert cors.headers["access-control-expose-headers"] == first.headers["access-control-expose-headers"] == "ETag"


def test_head_is_get_without_a_body(each_stack: Stack) -> None:
    """HEAD through nginx: GET's headers without a body, and the app's HEAD's headers."""
    stack = each_stack
    sample = exported_sample(stack)
    feed, svg = next(p for p in sample if p.endswith(".ics")), next(p for p in sample if p.endswith(".svg"))
    for path in (sample[0], feed, svg, "/api/v1/elections?lang=en"):
        for encoding in (IDENTITY, GZIP):
            head, full = get(stack.nginx + path, encoding, "HEAD"), get(stack.nginx + path, encoding)
            assert head.status == 200 and head.raw == b"", path
            assert head.compared() == full.compared(), path
            direct = get(stack.app + path, encoding, "HEAD")
            assert head.compared() == expected(stack, path, encoding, direct), path


def test_cors_preflight_is_the_apps(stack: Stack) -> None:
    preflight = ORIGIN | {"Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "If-None-Match"}
    for path in (exported_sample(stack)[0], "/api/v1/today"):
        direct = get(stack.app + path, preflight, method="OPTIONS")
        through = get(stack.nginx + path, preflight, method="OPTIONS")
        assert through.status == direct.status == 200
        assert through.headers["access-control-allow-methods"] == direct.headers["access-control-allow-methods"]


def test_the_client_never_chooses_the_host(stack: Stack) -> None:
    """An unknown Host is the app's refusal; forged forwarding headers change no link, cached or not."""
    evil = {"Host": "evil.example"}
    direct, through = get(stack.app + "/api/v1/today", evil), get(stack.nginx + "/api/v1/today", evil)
    assert through.status == direct.status == 400 and through.body == direct.body
    forged = {"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", "Forwarded": "host=evil.example"}
    for path in ("/api/v1/feeds", "/", "/widget/testvote-2028"):
        for headers in (forged, forged | {"Host": "localhost"}):
            answer = get(stack.nginx + path, headers)
            assert answer.status == 200 and b"evil.example" not in answer.body, path
            assert stack.nginx.encode() in answer.body, path  # links from the public URL


def test_the_cache_is_bounded_in_bytes(stack: Stack) -> None:
    text = (stack.conf / "neutral-timeline.conf").read_text()
    assert re.search(r"proxy_cache_path \S+ .*max_size=64m", text)
    assert 'proxy_cache_key "$request_uri|$nt_gzip";' in text
    assert "$host" not in text.split("proxy_cache_key")[1][:50]


@pytest.mark.parametrize("value", ["yesterday", "2026-11-30T23:45:00", 1764546300])
def test_configure_refuses_a_last_modified_without_its_offset(stack: Stack, tmp_path: Path, value: object) -> None:
    """A manifest's last_modified that is not an instant (no UTC offset) is refused, not guessed."""
    export = tmp_path / "export"
    export.mkdir()
    manifest = dict(stack.manifest, last_modified=value)
    (export / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    module = configure_module()
    argv = ["--export", str(export), "--upstream", "127.0.0.1:1", "--public-url", "http://x.example"]
    with pytest.raises(module.ConfigError, match=r"manifest.json: last_modified .* is not a time with its UTC offset"):
        module.configure(module.parser().parse_args([*argv, "--out", str(tmp_path / "out")]))


def test_configure_refuses_a_missing_export(tmp_path: Path) -> None:
    module = configure_module()
    args = module.parser().parse_args(
        ["--export", str(tmp_path), "--upstream", "127.0.0.1:1", "--public-url", "http://x.example", "--out", "o"]
    )
    with pytest.raises(module.ConfigError, match=r"manifest.json: not found; expected an export"):
        module.configure(args)


FAKETIME = next(Path("/usr/lib").glob("*/faketime/libfaketimeMT.so.1"), Path("/usr/lib/faketime/libfaketimeMT.so.1"))
LEAD = 20  # seconds from the test's start to the app's midnight


def test_a_cached_today_answer_expires_at_midnight(stack: Stack, nginx_program: str, tmp_path: Path) -> None:
    """The app's clock is moved (libfaketime) to LEAD seconds before midnight in Jakarta: nginx caches its
    "today" answer for those seconds only, then asks again and gets the new day."""
    need("libfaketimeMT.so.1", "libfaketime", str(FAKETIME) if FAKETIME.exists() else None)
    now = datetime.now(UTC)
    jakarta = now.astimezone(ZoneInfo("Asia/Jakarta"))
    midnight = datetime.combine(jakarta.date() + timedelta(days=1), datetime.min.time(), ZoneInfo("Asia/Jakarta"))
    offset = int((midnight - now).total_seconds()) - LEAD  # the app's clock reaches midnight LEAD s from now
    env = {"LD_PRELOAD": str(FAKETIME), "FAKETIME": f"{offset:+d}"}
    port = free_port()
    public = f"http://127.0.0.1:{port}"
    with serving(stack.data, tmp_path / "xdg", public_url=public, env=env) as app:
        conf = configure_nginx(stack.export, app.removeprefix("http://"), port, public, tmp_path / "conf")
        with running_nginx(nginx_program, conf, port) as url:
            first = get(url + "/api/v1/today")
            day: Any = first.body.decode()
            assert first.headers["x-cache"] == "MISS"
            expires = parsedate_to_datetime(first.headers["expires"])
            assert midnight - timedelta(seconds=1) <= expires <= midnight  # in the app's (moved) time
            again = get(url + "/api/v1/today")
            assert again.headers["x-cache"] == "HIT" and again.body == first.body
            assert (datetime.now(UTC) - now).total_seconds() < LEAD - 2, "too slow a start to test before midnight"
            # The app's midnight comes up to 1 s after now + LEAD (its offset is whole seconds), and nginx's
            # clock counts whole seconds (an entry is fresh through its last second): 2 s cover both.
            time.sleep(max(0.0, LEAD + 2 - (datetime.now(UTC) - now).total_seconds()))
            later = get(url + "/api/v1/today")
            assert later.headers["x-cache"] in ("MISS", "EXPIRED")
            assert later.body != first.body
            assert f'"{(jakarta.date() + timedelta(days=1)).isoformat()}"' in later.body.decode()
            assert f'"{jakarta.date().isoformat()}"' in day


def test_nginx_accepts_the_configuration_without_warnings(each_stack: Stack, nginx_program: str) -> None:
    """The ETag and query maps are sized for the export: no "could not build optimal map_hash" on every start."""
    conf = each_stack.conf
    check = subprocess.run([nginx_program, "-t", "-p", str(conf), "-c", str(conf / "nginx.conf")], capture_output=True)
    said = check.stderr.decode()
    assert check.returncode == 0 and "[warn]" not in said and "optimal" not in said, said
