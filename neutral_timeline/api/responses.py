"""Bytes to HTTP: the one place that answers If-None-Match, with Cache-Control and CORS for data.

A "today" answer changes at local midnight; a dated answer only with the data.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from neutral_timeline.api.cache import Rendered

JSON = "application/json"
ICS = "text/calendar; charset=utf-8"
HTML = "text/html; charset=utf-8"

DATA_PREFIXES = ("/api/", "/ics/", "/oembed")  # JSON and ICS: any origin may read them; pages none (and no CORS)

ANSWER_KEY = "neutral_timeline.answer"  # scope key: the cache key of the answer a route sent
TODAY_MAX_AGE = 300
DATED_MAX_AGE = 3600


def not_modified(header: str | None, tag: str) -> bool:
    """True when an If-None-Match header lists ``tag`` (weak comparison, RFC 9110) or is ``*``."""
    if not header:
        return False
    candidates = {value.strip().removeprefix("W/") for value in header.split(",")}
    return tag in candidates or "*" in candidates


def send(
    request: Request,
    rendered: Rendered,
    max_age: int = DATED_MAX_AGE,
    cors: bool = True,
    extra: dict[str, str] | None = None,
) -> Response:
    """A 200 with validators, or a bodiless 304 when the client already has these bytes."""
    headers = {"ETag": rendered.etag, "Cache-Control": f"public, max-age={max_age}", "Vary": "Accept-Encoding"}
    if cors:
        headers["Access-Control-Allow-Origin"] = "*"
    if extra:
        headers.update(extra)
    if rendered.key is not None:  # the replay index (api/replay.py) may answer this address next time
        request.scope[ANSWER_KEY] = rendered.key
    if not_modified(request.headers.get("if-none-match"), rendered.etag):
        return Response(status_code=304, headers=headers)
    return Response(rendered.body, media_type=rendered.media_type, headers=headers)
