"""The OpenAPI document tells the truth: one error schema for every status a route returns, and the
exact form of each query parameter, from one table that a check in front of the routes also enforces.

The table (``FORMS``) is the single statement of what ``lang``, ``date``, ``reminders``, ``theme`` and
``format`` accept: the document shows it and ``ParamCheck`` refuses anything else with a 422 before a
route runs, so the two cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, ConfigDict
from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from neutral_timeline.api.forms import EXPECTED, FORMS, ON_PATH, entry
from neutral_timeline.errors import Problem
from neutral_timeline.i18n import N_

__all__ = ["EXPECTED", "FORMS", "ON_PATH", "entry"]  # the forms' table, re-exported where it was defined

DOCUMENTED_PREFIXES = ("/api/", "/ics/", "/oembed", "/elections/")  # pages answer their own mistakes in HTML


class ProblemModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    where: str
    what: str
    expected: str | None
    suggestion: str | None


class ErrorDetail(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: int
    code: str
    message: str
    problems: list[ProblemModel]


class ErrorBody(BaseModel):
    """Every error, whatever its status: ``{"error": {status, code, message, problems}}``."""

    model_config = ConfigDict(extra="forbid")
    error: ErrorDetail


WHY = {
    "400": "The Host header names a host this server does not serve.",
    "404": "No such election, rule, region or widget page (with a did-you-mean where one is close).",
    "414": "The address is longer than 8 kB.",
    "422": "A parameter is malformed, out of range, given twice, or misspelled (each problem names it and shows the "
    "expected form).",
    "501": "An oEmbed format other than json.",
}
MEDIA = {"/ics/{name}.ics": "text/calendar", "/elections/{election_id}/timeline.svg": "image/svg+xml"}


def _statuses(path: str, operation: dict[str, Any]) -> list[str]:
    found = ["400", "414"]
    params = {p["name"]: p for p in operation.get("parameters", [])}
    if "{" in path or {"region", "election", "url"} & set(params):
        found.append("404")
    if params:
        found.append("422")
    if path == "/oembed":
        found.append("501")
    return found


def document(app: FastAPI) -> dict[str, Any]:
    """FastAPI's generated document, corrected: parameter forms, error responses, media types."""
    if app.openapi_schema:
        return app.openapi_schema
    spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    defs = ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(defs.pop("$defs"))
    schemas["Error"] = defs
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path, item in spec["paths"].items():
        for operation in item.values():
            for param in operation.get("parameters", []):
                form = FORMS.get(entry(path, param["name"]))
                if form is not None and param["in"] == "query":
                    param["schema"] = dict(form)
                elif param["name"] == "code" and param["in"] == "path":  # /regions/{code}: a code or a name
                    param["schema"] = dict(FORMS["region"])
                elif param["name"] == "lang" and param["in"] == "path":  # a path-style address: always named
                    param["schema"] = {"type": "string", "enum": ["id", "en"]}  # exactly: one path per answer
            responses = operation["responses"]
            responses.pop("422", None)
            if path in MEDIA:
                responses["200"]["content"] = {MEDIA[path]: {"schema": {"type": "string"}}}
            responses["304"] = {"description": "Not modified: the If-None-Match ETag is current."}
            for status in _statuses(path, operation):
                responses[status] = {"description": WHY[status], "content": error}
    app.openapi_schema = spec
    return spec


def _problem(name: str, value: str, key: str) -> Problem:
    date = FORMS[key].get("format") == "date"
    what = N_("'{value}' is not a calendar date") if date else N_("'{value}' is not an accepted value")
    return Problem.say(name, what, EXPECTED[key], value=value[:100])


def _repeated(name: str, values: list[str]) -> Problem:
    """``name`` given more than once: which values, and the address with the first one only."""
    shown = ", ".join(f"'{v[:40]}'" for v in values[:5])
    return Problem.say(
        name,
        N_("is given {count} times ({values}): an answer is for one value"),
        N_("the parameter once"),
        N_("keep one of them, e.g. {name}={first}"),
        count=len(values),
        values=shown,
        name=name,
        first=values[0][:40],
    )


def misspelled(name: str, known: frozenset[str]) -> Problem | None:
    """A parameter no route reads that looks like one (``Date``, ``regoin``): answering without it would
    answer another question (today, the whole country) without a word, so it is refused. Other unknown
    parameters (``utm_source``, ``_``) are dropped (api/security.Guard)."""
    import difflib

    meant = name.lower() if name.lower() in known else next(iter(difflib.get_close_matches(name, known, 1, 0.8)), None)
    if meant is None:
        return None
    return Problem.say(
        name,
        N_("'{name}' is not a parameter of this service"),
        N_("a parameter the address reads, e.g. {meant}"),
        N_("did you mean '{meant}'?"),
        name=name[:40],
        meant=meant,
    )


def _check(form: dict[str, Any]) -> Callable[[str], bool]:
    """Whether a value has ``form``: its enum, pattern (ECMA's ``$`` is Python's ``\\Z``) and length."""
    allowed = frozenset(form.get("enum", ()))
    pattern = re.compile(form["pattern"].replace("$", r"\Z")) if "pattern" in form else None
    shortest: int = form.get("minLength", 0)
    longest: int = form.get("maxLength", 1 << 30)

    def check(value: str) -> bool:
        if allowed and value not in allowed:
            return False
        if pattern is not None and pattern.search(value) is None:
            return False
        return shortest <= len(value) <= longest

    return check


class ParamCheck:
    """Refuse, with a 422 in the one shape, a documented query parameter whose value is not of its form,
    and any parameter a route reads (``known``; every name when None) given more than once: ``?date=A&date=B``
    would otherwise answer for B alone, silently. (A misspelled name: api/security.Guard.)"""

    def __init__(self, app: ASGIApp, known: frozenset[str] | None = None) -> None:
        self.app = app
        self.known = known
        self.checks = {
            name: _check(form)
            for name, form in FORMS.items()
            if name != "format"  # oEmbed 1.0 (2.3.5) wants a 501 for another format: the route answers it
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["query_string"] and scope["path"].startswith(DOCUMENTED_PREFIXES):
            problems = []
            given: dict[str, list[str]] = {}
            for name, value in parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True):
                given.setdefault(name, []).append(value)
                key = entry(scope["path"], name)
                check = self.checks.get(key)
                if check is None:
                    continue
                if not check(value):
                    problems.append(_problem(name, value, key))
            problems += [
                _repeated(name, values)
                for name, values in given.items()
                if len(values) > 1 and (self.known is None or name in self.known)
            ]
            if problems:
                from neutral_timeline.api.errors import request_lang, respond

                lang = request_lang(Request(scope))
                await respond(422, "invalid_parameter", problems, path=scope["path"], lang=lang)(scope, receive, send)
                return
        await self.app(scope, receive, send)
