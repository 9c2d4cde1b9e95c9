"""Where the service says it lives: the public origin every absolute link is built from, and the hosts it answers.

Links never come from the request (its Host or X-Forwarded-* headers): a shared cache, ours or
a CDN's, would otherwise hand one client's forged links to the next. `serve` passes its flags to
the workers through the environment variables below.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from neutral_timeline.errors import Problem, QueryError
from neutral_timeline.i18n import N_

PUBLIC_URL_ENV = "NEUTRAL_TIMELINE_PUBLIC_URL"
ALLOWED_HOSTS_ENV = "NEUTRAL_TIMELINE_ALLOWED_HOSTS"
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"
LOCAL_HOSTS = ("127.0.0.1", "localhost")
EXAMPLE = "https://netral.example.go.id"


def _bad(where: str, value: str, what: str, **values: object) -> QueryError:
    expected = N_("an http or https origin without path, query or user, e.g. {example} or {local}")
    problem = Problem.say(where, what, expected, value=value, example=EXAMPLE, local=DEFAULT_PUBLIC_URL, **values)
    return QueryError([problem])


def parse_public_url(value: str, where: str = "--public-url") -> str:
    """``value`` as a bare origin (``scheme://host[:port]``, lower case), or a QueryError saying why not."""
    try:
        parts = urlsplit(value.strip())
        port = parts.port
    except ValueError as exc:
        raise _bad(where, value, N_("'{value}' is not a URL ({reason})"), reason=exc) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise _bad(where, value, N_("'{value}' does not start with http:// or https://"))
    if not parts.hostname:
        raise _bad(where, value, N_("'{value}' has no host"))
    if parts.path not in ("", "/") or parts.query or parts.fragment or value.strip().endswith("?"):
        raise _bad(where, value, N_("'{value}' has a path, query or fragment"))
    if parts.username is not None or parts.password is not None:
        raise _bad(where, value, N_("'{value}' has a user name or password"))
    host = parts.hostname.lower()
    host = f"[{host}]" if ":" in host else host
    return f"{parts.scheme.lower()}://{host}" + (f":{port}" if port is not None else "")


def parse_hosts(value: str, where: str = "--allowed-hosts") -> tuple[str, ...]:
    """A comma-separated host list (``*.example.org`` wildcards allowed, as TrustedHostMiddleware takes them)."""
    hosts = tuple(h.strip().lower() for h in value.split(",") if h.strip())
    for host in hosts:
        if host != "*" and ("*" in host[1:] or (host.startswith("*") and not host.startswith("*.")) or "/" in host):
            raise QueryError(
                [
                    Problem.say(
                        where,
                        N_("'{host}' is not a host name"),
                        N_("e.g. {example}"),
                        host=host,
                        example="netral.example.go.id",
                    )
                ]
            )
    return hosts


@dataclass(frozen=True)
class Settings:
    """The public origin (validated) and the Host header values accepted (default: its host and loopback)."""

    public_url: str = DEFAULT_PUBLIC_URL
    allowed_hosts: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "public_url", parse_public_url(self.public_url, "public_url"))

    @property
    def hosts(self) -> tuple[str, ...]:
        if self.allowed_hosts:
            return self.allowed_hosts
        own = urlsplit(self.public_url).hostname or ""
        return tuple(dict.fromkeys((own, *LOCAL_HOSTS)))

    @classmethod
    def from_env(cls, environ: Any = None) -> Settings:
        env = os.environ if environ is None else environ
        url = parse_public_url(env.get(PUBLIC_URL_ENV) or DEFAULT_PUBLIC_URL, PUBLIC_URL_ENV)
        return cls(url, parse_hosts(env.get(ALLOWED_HOSTS_ENV, ""), ALLOWED_HOSTS_ENV))


def public_origin(app: Any) -> str:
    """The configured origin every absolute link starts with (``app``: the FastAPI app, ``request.app``)."""
    settings: Settings = app.state.settings
    return settings.public_url
