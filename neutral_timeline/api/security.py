"""The layers every request passes first: trusted hosts, size limits, security headers, CORS for data only.

Refusals are made before any routing or rendering, in the one JSON error shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import unquote_plus

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from neutral_timeline.api.errors import body, request_lang
from neutral_timeline.api.responses import DATA_PREFIXES
from neutral_timeline.errors import Problem
from neutral_timeline.i18n import N_
from neutral_timeline.text import DEFAULT_LANG, Lang

MAX_URL = 8192  # bytes of path + query; browsers and CDNs handle far less than uvicorn's ~64 kB
MAX_BODY = 8192  # every route is GET/HEAD: a request body is never read
MAX_HOSTS = 64
HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"strict-origin-when-cross-origin")]
# JSON and ICS start no requests, so a Referrer-Policy would say nothing there.
DATA_HEADERS = HEADERS[:1]


def error_messages(
    status: int, code: str, problem: Problem | list[Problem], path: str, lang: Lang = DEFAULT_LANG
) -> list[Message]:
    content = body(status, code, problem if isinstance(problem, list) else [problem], lang)
    cors = [(b"access-control-allow-origin", b"*")] if path.startswith(DATA_PREFIXES) else []
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(content)).encode()),
        (b"cache-control", b"no-store"),
        (b"content-language", lang.encode()),
        (b"vary", b"Accept-Language"),
        *cors,
    ]
    return [
        {"type": "http.response.start", "status": status, "headers": headers},
        {"type": "http.response.body", "body": content},
    ]


async def _accepted(scope: Scope, receive: Receive, send: Send) -> None:
    scope["neutral_timeline.trusted_host"] = True


async def _discard(message: Message) -> None:
    pass


def query_names(app: Any) -> frozenset[str]:
    """Every query parameter some route of ``app`` (a FastAPI app) reads."""
    names: set[str] = set()
    for route in app.routes:
        included = getattr(route, "original_router", None)  # FastAPI >= 0.16x keeps included routers whole
        if included is not None:
            names |= query_names(included)
        dependant = getattr(route, "dependant", None)
        names.update(param.alias for param in (dependant.query_params if dependant else ()))
    return frozenset(names)


def _known_only(query: bytes, known: frozenset[str]) -> bytes:
    """``query`` without the parameters no route reads, the others as sent: junk never multiplies cache entries."""
    kept = [part for part in query.split(b"&") if unquote_plus(part.split(b"=", 1)[0].decode("latin-1")) in known]
    return b"&".join(kept)


class Guard:
    """Refuse an unknown Host (400), a long URL (414) or a body (413); drop query parameters no route reads
    (so that ``?junk=1``, ``?junk=2`` … are one cached answer, not one rendering each); add nosniff and
    Referrer-Policy to every answer."""

    def __init__(self, app: ASGIApp, allowed_hosts: Sequence[str], known: frozenset[str] | None = None) -> None:
        self.app = app
        self.known = known
        # Starlette's matcher (wildcards, ports, IPv6) decides; its plain-text refusal is discarded.
        self.hosts = TrustedHostMiddleware(_accepted, allowed_hosts=list(allowed_hosts), www_redirect=False)
        self.decided: dict[bytes, bool] = {}  # Host header -> accepted, for the few hosts a server sees

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        security = DATA_HEADERS if scope["path"].startswith(DATA_PREFIXES) else HEADERS
        refusal = await self._refusal(scope, receive)
        if refusal is None and self.known is not None and scope["query_string"]:
            query = _known_only(scope["query_string"], self.known)
            if query != scope["query_string"]:
                refusal = self._misspelled(scope)
                scope = {**scope, "query_string": query}
        if refusal is not None:
            for message in refusal:
                await self._secured(send, message, security)
            return

        async def secured(message: Message) -> None:
            await self._secured(send, message, security)

        await self.app(scope, receive, secured)

    async def _refusal(self, scope: Scope, receive: Receive) -> list[Message] | None:
        where = scope["path"]
        if len(scope.get("raw_path") or where.encode()) + len(scope["query_string"]) > MAX_URL:
            what = N_("the address is longer than {limit} bytes")
            problem = Problem.say(where[:200], what, N_("a shorter query"), limit=MAX_URL)
            return error_messages(414, "uri_too_long", problem, where, request_lang(Request(scope)))
        if not await self._trusted(scope, receive):
            host = Headers(scope=scope).get("host", "")
            allowed = ", ".join(self.hosts.allowed_hosts)
            problem = Problem.say(
                "Host",
                N_("host '{host}' is not served here"),
                N_("one of: {allowed}"),
                host=host[:100],
                allowed=allowed,
            )
            return error_messages(400, "invalid_host", problem, where, request_lang(Request(scope)))
        headers = Headers(scope=scope)
        length = headers.get("content-length", "0")
        if not length.isdigit() or int(length) > MAX_BODY or "chunked" in headers.get("transfer-encoding", "").lower():
            problem = Problem.say("body", N_("request bodies are not accepted"), N_("GET or HEAD"))
            return error_messages(413, "payload_too_large", problem, where, request_lang(Request(scope)))
        return None

    def _misspelled(self, scope: Scope) -> list[Message] | None:
        """A 422 for parameters no route reads that look like one (``Date``, ``regoin``): dropped, they
        would change the question silently. Other unknown ones are dropped (tracking tags, cache busters)."""
        from neutral_timeline.api.openapi import DOCUMENTED_PREFIXES, misspelled

        if self.known is None or not scope["path"].startswith(DOCUMENTED_PREFIXES):
            return None
        names = {unquote_plus(p.split(b"=", 1)[0].decode("latin-1")) for p in scope["query_string"].split(b"&") if p}
        problems = [p for p in (misspelled(n, self.known) for n in sorted(names - self.known)) if p is not None]
        if not problems:
            return None
        return error_messages(422, "invalid_parameter", problems, scope["path"], request_lang(Request(scope)))

    async def _trusted(self, scope: Scope, receive: Receive) -> bool:
        """Whether Starlette's matcher accepts the request's Host; decided once per distinct header
        (at most ``MAX_HOSTS`` remembered, so forged hosts cannot grow it)."""
        host = next((value for name, value in scope["headers"] if name == b"host"), b"")
        known = self.decided.get(host)
        if known is not None:
            return known
        await self.hosts(scope, receive, _discard)
        accepted = bool(scope.pop("neutral_timeline.trusted_host", False))
        if len(self.decided) < MAX_HOSTS:
            self.decided[host] = accepted
        return accepted

    async def _secured(self, send: Send, message: Message, security: list[tuple[bytes, bytes]]) -> None:
        if message["type"] == "http.response.start":
            present = {name.lower() for name, _ in message["headers"]}
            missing = [(k, v) for k, v in security if k not in present]
            if missing:
                message = {**message, "headers": [*message["headers"], *missing]}
        await send(message)


class DataCORS(CORSMiddleware):
    """Starlette's CORS preflight for JSON and ICS routes. Their answers carry fixed CORS headers whatever
    the Origin (responses.CORS), so the same bytes serve every origin; pages pass by untouched."""

    def __init__(self, app: ASGIApp) -> None:
        super().__init__(
            app,
            allow_origins=["*"],
            allow_methods=["GET", "HEAD"],
            allow_headers=["If-None-Match", "If-Modified-Since"],
            expose_headers=["ETag"],
            max_age=86400,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "OPTIONS" and scope["path"].startswith(DATA_PREFIXES):
            await super().__call__(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    def preflight_response(self, request_headers: Headers) -> Response:
        answer = super().preflight_response(request_headers)
        if answer.status_code == 200:
            return answer
        # A disallowed method or header: the same refusal, in the one JSON shape instead of plain text.
        what = bytes(answer.body).decode() or "disallowed CORS request"  # Starlette's own words, in English
        problem = Problem.say(
            "preflight", N_("refused: {reason}"), N_("GET or HEAD with If-None-Match or If-Modified-Since"), reason=what
        )
        lang = request_lang(Request({"type": "http", "query_string": b"", "headers": request_headers.raw}))
        headers = {k: v for k, v in answer.headers.items() if k not in ("content-type", "content-length")}
        return Response(body(400, "cors_refused", [problem], lang), 400, headers=headers, media_type="application/json")
