"""One JSON error shape for every failure: code, status, message and located problems.

The texts are in the reader's language: ``lang=en`` in the query, else the best of id and en in
``Accept-Language``, else Indonesian. The codes, the ``where`` and the shape never change.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from neutral_timeline.api.forms import EXPECTED, entry
from neutral_timeline.api.responses import DATA_PREFIXES
from neutral_timeline.errors import NeutralTimelineError, NotFoundError, Problem, QueryError, UnsupportedError
from neutral_timeline.i18n import N_
from neutral_timeline.text import DEFAULT_LANG, LANGS, Lang

CODES = {400: "bad_request", 413: "payload_too_large", 414: "uri_too_long", 501: "not_implemented"}
STATUS = {NotFoundError: 404, QueryError: 422, UnsupportedError: 501}


def status_of(exc: NeutralTimelineError) -> int:
    """The HTTP status for one of our errors (400 for any other kind)."""
    return next((s for kind, s in STATUS.items() if isinstance(exc, kind)), 400)


def accept_language(header: str) -> Lang:
    """The one of id and en that ``Accept-Language`` prefers; id when it names neither (or both equally)."""
    best, best_q = DEFAULT_LANG, 0.0
    for item in header.split(","):
        tag, *params = item.strip().split(";")
        q = 1.0
        for param in params:
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGS and q > best_q:
            best, best_q = LANGS[LANGS.index(primary)], q
    return best


def request_lang(request: Request) -> Lang:
    """The language of an error body: a valid ``lang`` parameter, else ``Accept-Language``."""
    asked = (request.query_params.get("lang") or "").strip().lower()
    for lang in LANGS:
        if asked == lang:
            return lang
    return accept_language(request.headers.get("accept-language", ""))


def body(status: int, code: str, problems: list[Problem], lang: Lang = DEFAULT_LANG) -> bytes:
    document: dict[str, Any] = {
        "error": {
            "status": status,
            "code": code,
            "message": "; ".join(p.text(lang) for p in problems),
            "problems": [p.as_dict(lang) for p in problems],
        }
    }
    return json.dumps(document, ensure_ascii=False).encode()


def respond(
    status: int,
    code: str,
    problems: list[Problem],
    headers: dict[str, str] | None = None,
    path: str = "/api/",
    lang: Lang = DEFAULT_LANG,
) -> Response:
    # Errors of the JSON and ICS routes must be readable by browsers on other origins (the web
    # component); pages, whose errors may be JSON too (an unknown address), get no CORS.
    cors = {"Access-Control-Allow-Origin": "*"} if path.startswith(DATA_PREFIXES) else {}
    # An error is never stored: a cache (nginx, a CDN, a browser) keeping a 404 or 422 would outlive a fix.
    said = {"Content-Language": lang, "Vary": "Accept-Language", "Cache-Control": "no-store"}
    headers = {**cors, **said, **(headers or {})}
    return Response(
        body(status, code, problems, lang), status_code=status, media_type="application/json", headers=headers
    )


# pydantic's error types that a query parameter can meet, said in the reader's language; any other
# type keeps pydantic's own (English) message.
VALIDATION_WORDS: dict[str, tuple[str, str | None]] = {
    "missing": (N_("a value is required"), None),
    "int_parsing": (N_("'{input}' is not a whole number"), N_("a whole number")),
    "bool_parsing": (N_("'{input}' is not true or false"), N_("true or false")),
    "greater_than_equal": (N_("{input} is less than {ge}"), N_("at least {ge}")),
    "less_than_equal": (N_("{input} is more than {le}"), N_("at most {le}")),
    "string_too_short": (N_("'{input}' is too short"), N_("at least {min_length} characters")),
    "string_too_long": (N_("the value is too long"), N_("at most {max_length} characters")),
}


# A required query parameter left out: what it is, with an example (the words of its other errors),
# and an address to try. ``{origin}`` is the configured public origin, never the request's Host.
MISSING_URL = N_("the address of a widget page of this site, e.g. {origin}/widget/pilkada-2024")
MISSING_TRY = {
    ("/api/v1/check", "q"): "/api/v1/check?q=nge-like%20postingan%20calon&date=2024-11-27",
    ("/api/v1/regions", "q"): "/api/v1/regions?q=banjar",
    ("/oembed", "url"): "/oembed?url={quoted}%2Fwidget%2Fpilkada-2024",
}


def _missing(path: str, name: str, origin: str) -> Problem | None:
    """A required query parameter left out, with what it is, an example and an address to try."""
    key = entry(path, name)
    expected = MISSING_URL if (path, name) == ("/oembed", "url") else EXPECTED.get(key)
    example = MISSING_TRY.get((path, name))
    if expected is None and example is None:
        return None
    suggestion = N_("try {example}") if example else None
    return Problem.say(
        f"query.{name}",
        N_("a value is required"),
        expected,
        suggestion,
        origin=origin,
        example=(example or "").format(quoted=quote(origin, safe="")),
    )


def validation_problem(error: Mapping[str, Any], path: str = "", origin: str = "") -> Problem:
    """One pydantic validation error as a located problem (``query.limit``) in words we translate; a
    required query parameter left out on ``path`` also says what it is, with an example."""
    where = ".".join(str(p) for p in error["loc"])
    loc = tuple(error["loc"])
    if error.get("type") == "missing" and len(loc) == 2 and loc[0] == "query":
        found = _missing(path, str(loc[1]), origin)
        if found is not None:
            return found
    words = VALIDATION_WORDS.get(error.get("type", ""))
    if words is None:
        return Problem(where=where, what=str(error.get("msg", "invalid value")))
    values = {k: str(v)[:100] for k, v in (error.get("ctx") or {}).items()}
    return Problem.say(where, words[0], words[1], input=str(error.get("input", ""))[:100], **values)


def install(app: FastAPI) -> None:
    """Route every error, ours and the framework's, through the one shape."""

    async def ours(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, NeutralTimelineError)
        status = status_of(exc)
        return respond(status, exc.code, list(exc.problems), path=request.url.path, lang=request_lang(request))

    async def validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        settings = getattr(request.app.state, "settings", None)
        origin = settings.public_url if settings is not None else ""
        problems = [validation_problem(e, request.url.path, origin) for e in exc.errors()]
        return respond(422, "invalid_parameter", problems, path=request.url.path, lang=request_lang(request))

    async def http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        lang, path = request_lang(request), request.url.path
        if exc.status_code == 404:
            problem = Problem.say(
                path,
                N_("no such page"),
                N_("a route listed in {openapi}"),
                N_("see {docs} for the API"),
                openapi="/openapi.json",
                docs="/docs",
            )
            return respond(404, "not_found", [problem], path=path, lang=lang)
        if exc.status_code == 405:
            problem = Problem.say(path, N_("method {method} is not allowed"), N_("GET or HEAD"), method=request.method)
            return respond(405, "method_not_allowed", [problem], {"Allow": "GET, HEAD"}, path, lang)
        problem = Problem(where=path, what=str(exc.detail))
        return respond(exc.status_code, CODES.get(exc.status_code, "http_error"), [problem], path=path, lang=lang)

    async def crash(request: Request, exc: Exception) -> Response:  # pragma: no cover - a bug, reported in one shape
        problem = Problem.say(request.url.path, N_("internal error"))
        return respond(500, "internal_error", [problem], path=request.url.path, lang=request_lang(request))

    app.add_exception_handler(NeutralTimelineError, ours)
    app.add_exception_handler(RequestValidationError, validation)
    app.add_exception_handler(HTTPException, http)
    app.add_exception_handler(Exception, crash)
