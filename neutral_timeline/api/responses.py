"""Bytes to HTTP: strong ETags, If-None-Match -> 304, Cache-Control, CORS for data only."""

from __future__ import annotations

import hashlib

from starlette.requests import Request
from starlette.responses import Response

JSON = "application/json"
ICS = "text/calendar; charset=utf-8"
HTML = "text/html; charset=utf-8"

DATA_PREFIXES = ("/api/", "/ics/", "/oembed")  # JSON and ICS: any origin may read them; pages none (and no CORS)

# A "today" answer changes at local midnight; a dated answer only with the data.
TODAY_MAX_AGE = 300
DATED_MAX_AGE = 3600


def etag(body: bytes) -> str:
    """A strong validator: the same bytes always give the same tag, in every worker."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def not_modified(request: Request, tag: str) -> bool:
    """True when the client's If-None-Match lists ``tag`` (or is ``*``)."""
    header = request.headers.get("if-none-match")
    if not header:
        return False
    candidates = {value.strip().removeprefix("W/") for value in header.split(",")}
    return tag in candidates or "*" in candidates


def send(
    request: Request,
    body: bytes,
    media_type: str,
    max_age: int = DATED_MAX_AGE,
    cors: bool = True,
    extra: dict[str, str] | None = None,
) -> Response:
    """A 200 with validators, or a bodiless 304 when the client already has these bytes."""
    tag = etag(body)
    headers = {"ETag": tag, "Cache-Control": f"public, max-age={max_age}", "Vary": "Accept-Encoding"}
    if cors:
        headers["Access-Control-Allow-Origin"] = "*"
    if extra:
        headers.update(extra)
    if not_modified(request, tag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)
