"""The interactive API docs at /docs, from files installed with the package: no third-party request.

Swagger UI comes from the PyPI package ``fastapi-offline``: it bundles the current swagger-ui-dist
5.x release (and is refreshed with it), while ``swagger-ui-bundle`` still ships swagger-ui 4.15 from
2022; an npm build step would add a toolchain to every install for the same files. Only its static
files are used: the page and its start-up script are ours, so the page runs under the same
Content-Security-Policy as every other page (``default-src 'self'``, nothing inline). ReDoc is not
offered: its styles are injected inline, which that policy forbids, and /docs covers the need.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, Request
from starlette.responses import Response

from neutral_timeline.api.cache import Rendered
from neutral_timeline.api.responses import HTML, send
from neutral_timeline.errors import NotFoundError, Problem
from neutral_timeline.i18n import N_

FILES = Path(fastapi_offline.__file__).parent / "static"
MEDIA = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "favicon.png": "image/png",
}
START = b"""window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
  });
});
"""
PAGE = b"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>neutral-timeline API</title>
<link rel="stylesheet" href="/docs/files/swagger-ui.css">
<link rel="icon" href="/docs/files/favicon.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/files/swagger-ui-bundle.js"></script>
<script src="/docs/files/start.js"></script>
</body>
</html>
"""
DAY = 86400

docs = APIRouter(include_in_schema=False)


@cache
def _file(name: str) -> bytes:
    return START if name == "start.js" else (FILES / name).read_bytes()


@docs.get("/docs")
def page(request: Request) -> Response:
    from neutral_timeline.api.pages import PAGE_HEADERS

    return send(request, Rendered.of(PAGE, HTML), max_age=DAY, cors=False, extra=PAGE_HEADERS)


@docs.get("/docs/files/{name}")
def file(request: Request, name: str) -> Response:
    from neutral_timeline.api.pages import SECURITY

    media = "text/javascript; charset=utf-8" if name == "start.js" else MEDIA.get(name)
    if media is None:
        raise NotFoundError(
            [
                Problem.say(
                    "docs",
                    N_("no file '{name}'"),
                    N_("one of: {names}"),
                    name=name,
                    names=", ".join(["start.js", *MEDIA]),
                )
            ]
        )
    return send(request, Rendered.of(_file(name), media), max_age=DAY, cors=False, extra=SECURITY)
