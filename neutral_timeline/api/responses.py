"""Bytes to HTTP: the one place that answers If-None-Match and If-Modified-Since, picks the gzip
encoding when the client accepts it, and sets Cache-Control and CORS for data.

A "today" answer changes at local midnight; a dated answer only with the data, so only a dated
answer says ``Last-Modified`` (the catalog's ``data_revised``, at 00:00 UTC).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from email.utils import format_datetime, parsedate_to_datetime

from starlette.requests import Request
from starlette.responses import Response

from neutral_timeline.api.cache import Rendered

JSON = "application/json"
ICS = "text/calendar; charset=utf-8"
HTML = "text/html; charset=utf-8"

DATA_PREFIXES = ("/api/", "/ics/", "/oembed")  # JSON and ICS: any origin may read them; pages none (and no CORS)

TODAY_MAX_AGE = 300
DATED_MAX_AGE = 3600


def not_modified(header: str | None, tag: str) -> bool:
    """True when an If-None-Match header lists ``tag`` (weak comparison, RFC 9110) or is ``*``."""
    if not header:
        return False
    candidates = {value.strip().removeprefix("W/") for value in header.split(",")}
    return tag in candidates or "*" in candidates


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header allows gzip (``gzip``, ``x-gzip`` or ``*``, q > 0)."""
    for item in (header or "").lower().split(","):
        name, _, params = item.strip().partition(";")
        if name.strip() in ("gzip", "x-gzip", "*"):
            q = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
            try:
                return float(q) > 0
            except ValueError:
                return False
    return False


def http_date(day: date) -> str:
    return format_datetime(datetime.combine(day, time(0, 0), tzinfo=UTC), usegmt=True)


def unmodified_since(header: str | None, day: date) -> bool:
    """True when If-Modified-Since is a valid date on or after ``day`` 00:00 UTC (RFC 9110 §13.1.3)."""
    if not header:
        return False
    try:
        since = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return since >= datetime.combine(day, time(0, 0), tzinfo=UTC)


def send(
    request: Request,
    rendered: Rendered,
    max_age: int = DATED_MAX_AGE,
    cors: bool = True,
    extra: dict[str, str] | None = None,
    last_modified: date | None = None,
) -> Response:
    """A 200 with validators, or a bodiless 304 when the client already has these bytes.

    If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 §13.2.2).
    """
    gzipped = rendered.gzipped is not None and accepts_gzip(request.headers.get("accept-encoding"))
    tag = rendered.gzip_etag if gzipped and rendered.gzip_etag else rendered.etag
    headers = {"ETag": tag, "Cache-Control": f"public, max-age={max_age}", "Vary": "Accept-Encoding"}
    if last_modified is not None:
        headers["Last-Modified"] = http_date(last_modified)
    if cors:
        headers["Access-Control-Allow-Origin"] = "*"
    if extra:
        headers.update(extra)
    match = request.headers.get("if-none-match")
    if match is not None:
        fresh = not_modified(match, tag)
    else:
        fresh = last_modified is not None and unmodified_since(request.headers.get("if-modified-since"), last_modified)
    if fresh:
        return Response(status_code=304, headers=headers)
    if gzipped and rendered.gzipped is not None:
        headers["Content-Encoding"] = "gzip"
        return Response(rendered.gzipped, media_type=rendered.media_type, headers=headers)
    return Response(rendered.body, media_type=rendered.media_type, headers=headers)
