"""Bytes to HTTP: the one place that answers If-None-Match and If-Modified-Since, picks the gzip
encoding when the client accepts it, and sets Cache-Control and CORS for data.

A "today" answer changes at local midnight; a dated answer only with the data, so only a dated
answer says ``Last-Modified`` (the catalog's ``data_revised``, at 00:00 UTC), and a "today" answer
is fresh for at most TODAY_MAX_AGE and never past its zone's next midnight (``Expires`` says when, and
Cache-Control says only ``public``), so no cache in front (nginx, a CDN, a browser) shows yesterday as today.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from email.utils import format_datetime, parsedate_to_datetime

from starlette.requests import Request
from starlette.responses import Response

from neutral_timeline.api.cache import Rendered

JSON = "application/json"
ICS = "text/calendar; charset=utf-8"
HTML = "text/html; charset=utf-8"

DATA_PREFIXES = ("/api/", "/ics/", "/oembed")  # JSON and ICS: any origin may read them; pages none (and no CORS)
# CORS of a data answer, the same whether or not the request names an Origin: the answer never depends on
# it, so no cache (ours, nginx's, a CDN's) keeps one copy per origin. Preflights: api/security.py.
CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "ETag"}

ANSWER_KEY = "neutral_timeline.sending"  # scope key: how a route sent a cached answer (api/replay.py)
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


def today_freshness(zone: str, now: datetime) -> tuple[date, int, dict[str, str]]:
    """The local day in ``zone`` at ``now`` (an aware instant), and how a "today" answer for it is sent:
    its max-age (TODAY_MAX_AGE, cut at the zone's next midnight) and the same instant as ``Expires``."""
    from zoneinfo import ZoneInfo

    local = now.astimezone(ZoneInfo(zone))
    midnight = datetime.combine(local.date() + timedelta(days=1), time(0, 0), tzinfo=ZoneInfo(zone))
    max_age = max(0, min(TODAY_MAX_AGE, int((midnight - now).total_seconds())))
    expires = now.astimezone(UTC).replace(microsecond=0) + timedelta(seconds=max_age)
    return local.date(), max_age, {"Expires": format_datetime(expires, usegmt=True)}


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


@dataclass(frozen=True, slots=True)
class Sending:
    """How a route sends one cached answer: what every later request for the same address needs
    to get the same response (see api/replay.py)."""

    key: Hashable  # the answer's key in the answer cache
    max_age: int
    cors: bool
    extra: tuple[tuple[str, str], ...]
    last_modified: date | None


def respond(headers: Mapping[str, str], rendered: Rendered, sending: Sending) -> Response:
    """A 200 with validators, or a bodiless 304 when the client already has these bytes; gzip
    when the client accepts it. If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2)."""
    gzipped = rendered.gzipped is not None and accepts_gzip(headers.get("accept-encoding"))
    tag = rendered.gzip_etag if gzipped and rendered.gzip_etag else rendered.etag
    # A "today" answer (it has Expires) tells caches its end as an instant: a max-age would restart in
    # every cache below one that sends no Age (nginx's), past midnight. nginx's own cache takes the
    # seconds left (X-Accel-Expires, which it keeps to itself), so its clock need not agree with ours.
    expires = any(name == "Expires" for name, _ in sending.extra)
    out = {"ETag": tag, "Cache-Control": "public" if expires else f"public, max-age={sending.max_age}"}
    if expires:
        out["X-Accel-Expires"] = str(sending.max_age)
    out["Vary"] = "Accept-Encoding"
    if sending.last_modified is not None:
        out["Last-Modified"] = http_date(sending.last_modified)
    if sending.cors:
        out.update(CORS)
    out.update(sending.extra)
    match = headers.get("if-none-match")
    if match is not None:
        fresh = not_modified(match, tag)
    else:
        since = headers.get("if-modified-since")
        fresh = sending.last_modified is not None and unmodified_since(since, sending.last_modified)
    if fresh:
        return Response(status_code=304, headers=out)
    if gzipped and rendered.gzipped is not None:
        out["Content-Encoding"] = "gzip"
        return Response(rendered.gzipped, media_type=rendered.media_type, headers=out)
    return Response(rendered.body, media_type=rendered.media_type, headers=out)


def send(
    request: Request,
    rendered: Rendered,
    max_age: int = DATED_MAX_AGE,
    cors: bool = True,
    extra: dict[str, str] | None = None,
    last_modified: date | None = None,
) -> Response:
    """The response for ``rendered`` (see :func:`respond`); a cached answer's sending is noted in the
    request's scope, so the replay index can answer the same address the same way next time."""
    sending = Sending(rendered.key, max_age, cors, tuple((extra or {}).items()), last_modified)
    if rendered.key is not None:
        request.scope[ANSWER_KEY] = sending
    return respond(request.headers, rendered, sending)
