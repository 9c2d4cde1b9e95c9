"""The FastAPI app: one immutable catalog, loaded and validated before the first request."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from neutral_timeline import __version__
from neutral_timeline.api import errors, openapi, pages
from neutral_timeline.api.docs import docs
from neutral_timeline.api.replay import Replay
from neutral_timeline.api.routes import api, feeds
from neutral_timeline.api.security import DataCORS, Guard, query_names
from neutral_timeline.api.service import Service
from neutral_timeline.api.settings import Settings
from neutral_timeline.catalog import snapshot
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.catalog.store import SNAPSHOT_ENV, load

DATA_ENV = "NEUTRAL_TIMELINE_DATA"
PUBLIC_URL_ENV = "NEUTRAL_TIMELINE_PUBLIC_URL"
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"

DESCRIPTION = """
Which election-neutrality rules bind Indonesian civil servants (ASN: PNS and PPPK) on a date,
for Pilkada 2020, Pemilu 2024 and Pilkada 2024. Every rule carries its legal basis in force on
the date asked and its sources; unverified facts are flagged `verified: false`.

Texts are in Bahasa Indonesia by default (`lang=id`) or English (`lang=en`). Responses carry
strong ETags (send `If-None-Match` for a 304) and `Cache-Control`; JSON and ICS allow any
origin (CORS `*`). Errors always have one shape: `{"error": {status, code, message, problems}}`.
"""


class HeadAsGet:
    """Answer HEAD like GET without a body, so every GET route supports HEAD."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def bodiless(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, bodiless)


def create_app(catalog: Catalog | None = None, settings: Settings | None = None, guarded: bool = True) -> FastAPI:
    """The app over ``catalog``; by default the snapshot `serve` validated and named in
    $NEUTRAL_TIMELINE_SNAPSHOT (never the live folder), else the folder in $NEUTRAL_TIMELINE_DATA, else bundled.

    Absolute links come from ``settings`` (default: the environment, see api.settings), never from
    the request's Host. ``guarded=False`` leaves out the outer layers (hosts, limits, headers, CORS)
    for a caller that puts them in front itself.
    """
    if catalog is None:
        catalog = _catalog()
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="neutral-timeline",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=[{"name": "api", "description": "JSON API v1"}],
        docs_url=None,  # api.docs serves /docs from installed files; no ReDoc (see there)
        redoc_url=None,
    )
    app.state.service = Service(catalog, settings.public_url)
    app.state.settings = settings
    app.include_router(api, tags=["api"])
    app.include_router(feeds, tags=["feeds"])
    app.include_router(pages.pages)
    app.include_router(docs)
    app.openapi = lambda: openapi.document(app)  # type: ignore[method-assign]
    errors.install(app)
    app.add_middleware(HeadAsGet)
    app.add_middleware(openapi.ParamCheck, known=query_names(app))
    if guarded:
        app.add_middleware(DataCORS)
        app.add_middleware(Guard, allowed_hosts=settings.hosts, known=query_names(app))
    return app


def _catalog() -> Catalog:
    path = os.environ.get(SNAPSHOT_ENV)
    if path:
        return snapshot.read(path)
    folder = os.environ.get(DATA_ENV)
    return load(Path(folder) if folder else None)


def create_service(catalog: Catalog | None = None, settings: Settings | None = None) -> ASGIApp:
    """What `neutral-timeline serve` runs (a uvicorn factory), configured from the environment: the
    guards (hosts, limits, CORS), then the replay index that answers a repeated dated question from
    the one answer cache before FastAPI is entered, then the app."""
    settings = settings or Settings.from_env()
    app = create_app(catalog, settings, guarded=False)
    replay = Replay(app, app.state.service.cache)
    return Guard(DataCORS(replay), settings.hosts, known=query_names(app))
