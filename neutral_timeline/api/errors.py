"""One JSON error shape for every failure: code, status, message and located problems."""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from neutral_timeline.api.responses import DATA_PREFIXES
from neutral_timeline.errors import NeutralTimelineError, NotFoundError, Problem, QueryError, UnsupportedError

CODES = {400: "bad_request", 413: "payload_too_large", 414: "uri_too_long", 501: "not_implemented"}
STATUS = {NotFoundError: 404, QueryError: 422, UnsupportedError: 501}


def status_of(exc: NeutralTimelineError) -> int:
    """The HTTP status for one of our errors (400 for any other kind)."""
    return next((s for kind, s in STATUS.items() if isinstance(exc, kind)), 400)


def body(status: int, code: str, problems: list[Problem]) -> bytes:
    document: dict[str, Any] = {
        "error": {
            "status": status,
            "code": code,
            "message": "; ".join(str(p) for p in problems),
            "problems": [p.as_dict() for p in problems],
        }
    }
    return json.dumps(document, ensure_ascii=False).encode()


def respond(
    status: int, code: str, problems: list[Problem], headers: dict[str, str] | None = None, path: str = "/api/"
) -> Response:
    # Errors of the JSON and ICS routes must be readable by browsers on other origins (the web
    # component); pages, whose errors may be JSON too (an unknown address), get no CORS.
    cors = {"Access-Control-Allow-Origin": "*"} if path.startswith(DATA_PREFIXES) else {}
    headers = {**cors, **(headers or {})}
    return Response(body(status, code, problems), status_code=status, media_type="application/json", headers=headers)


def install(app: FastAPI) -> None:
    """Route every error, ours and the framework's, through the one shape."""

    async def ours(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, NeutralTimelineError)
        status = status_of(exc)
        return respond(status, exc.code, list(exc.problems), path=request.url.path)

    async def validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        problems = [
            Problem(where=".".join(str(p) for p in e["loc"]), what=e["msg"], expected=None) for e in exc.errors()
        ]
        return respond(422, "invalid_parameter", problems, path=request.url.path)

    async def http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            problem = Problem(
                where=request.url.path,
                what="no such page",
                expected="a route listed in /openapi.json",
                suggestion="see /docs for the API",
            )
            return respond(404, "not_found", [problem], path=request.url.path)
        if exc.status_code == 405:
            problem = Problem(
                where=request.url.path, what=f"method {request.method} is not allowed", expected="GET or HEAD"
            )
            return respond(405, "method_not_allowed", [problem], {"Allow": "GET, HEAD"}, request.url.path)
        problem = Problem(where=request.url.path, what=str(exc.detail))
        return respond(exc.status_code, CODES.get(exc.status_code, "http_error"), [problem], path=request.url.path)

    async def crash(request: Request, exc: Exception) -> Response:  # pragma: no cover - a bug, reported in one shape
        return respond(
            500, "internal_error", [Problem(where=request.url.path, what="internal error")], path=request.url.path
        )

    app.add_exception_handler(NeutralTimelineError, ours)
    app.add_exception_handler(RequestValidationError, validation)
    app.add_exception_handler(HTTPException, http)
    app.add_exception_handler(Exception, crash)
