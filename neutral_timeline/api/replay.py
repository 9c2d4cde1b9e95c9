"""The fast path for repeated dated questions: an index from an address to its answer in the one cache.

Calendar clients poll the same feed addresses and dashboards the same JSON all day. When a JSON or
ICS route has sent a dated answer (``max-age`` of a day's part or more, never "today"), this
records its address (path and the query the guards left: unknown parameters are already dropped),
the answer's key in ``api/cache.AnswerCache`` and the headers sent. The next GET or HEAD for that
address is answered from the cache (or with a 304, through the one ``If-None-Match`` test in
``api/responses``) without entering FastAPI. The index keeps no response bytes: when the cache has
dropped the answer, the request goes to the app, which renders it again. It sits inside the guards,
so hosts, limits and CORS apply to every request as before.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from neutral_timeline.api.cache import AnswerCache
from neutral_timeline.api.responses import ANSWER_KEY, DATED_MAX_AGE, not_modified

Headers = list[tuple[bytes, bytes]]
PREFIXES = ("/api/", "/ics/")
MAX_ENTRIES = 8192  # each ~0.5 kB of headers: a few MB at most, whatever the traffic
WITHOUT_BODY = (b"content-length", b"content-type")


def _dated(headers: Headers) -> bool:
    control = dict(headers).get(b"cache-control", b"")
    if b"max-age=" not in control:
        return False
    return int(control.split(b"max-age=")[1].split(b",")[0] or 0) >= DATED_MAX_AGE


class Replay:
    """ASGI: answer a recorded address straight from ``cache``; record dated 200s of the app."""

    def __init__(self, app: ASGIApp, cache: AnswerCache) -> None:
        self.app = app
        self.cache = cache
        self.index: OrderedDict[tuple[str, bytes], tuple[Hashable, Headers]] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or not scope["path"].startswith(PREFIXES):
            await self.app(scope, receive, send)
            return
        address = (scope["path"], scope["query_string"])
        known = self.index.get(address)
        if known is not None:
            rendered = self.cache.peek(known[0])
            if rendered is not None:
                self.index.move_to_end(address)
                await self._replay(scope, send, rendered.body, rendered.etag, known[1])
                return
            del self.index[address]
        if scope["method"] == "HEAD":
            await self.app(scope, receive, send)
            return
        scope = {**scope}  # the route writes the answer's key here (api/responses.send)
        started: list[Headers] = []
        chunks: list[bytes] = []

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.append(
                    [(bytes(k), bytes(v)) for k, v in message["headers"]] if message["status"] == 200 else []
                )
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._remember(address, scope.get(ANSWER_KEY), started, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, record)

    def _remember(self, address: tuple[str, bytes], key: Hashable, started: list[Headers], body: bytes) -> None:
        """Index ``address`` when it was a dated 200 whose bytes are the cached answer's, unchanged."""
        if key is None or not started or not started[0] or not _dated(started[0]):
            return
        rendered = self.cache.peek(key)
        if rendered is None or rendered.body != body:  # not kept, or a layer inside changed the bytes
            return
        self.index[address] = (key, started[0])
        if len(self.index) > MAX_ENTRIES:
            self.index.popitem(last=False)

    async def _replay(self, scope: Scope, send: Send, body: bytes, etag: str, headers: Headers) -> None:
        for name, value in scope["headers"]:
            if name == b"if-none-match" and not_modified(value.decode("latin-1"), etag):
                kept = [(k, v) for k, v in headers if k not in WITHOUT_BODY]
                await send({"type": "http.response.start", "status": 304, "headers": kept})
                await send({"type": "http.response.body", "body": b""})
                return
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
