"""The fast path for repeated dated questions: an index from an address to its answer in the one cache.

Calendar clients poll the same feed addresses and dashboards the same JSON all day. When a JSON or
ICS route has sent a cached, dated answer (``max-age`` of an hour or more, never "today"), this
records its address (path and the query the guards left: unknown parameters are already dropped)
with how the route sent it (``api/responses.Sending``: the answer's key in ``api/cache.AnswerCache``,
max-age, CORS, extra headers, Last-Modified). The next GET or HEAD for that address is answered by
the very function the route uses (``api/responses.respond``: the one place for 304s and gzip),
without entering FastAPI. The index keeps no response bytes: when the cache has dropped the answer,
the request goes to the app, which renders it again. It sits inside the guards, so hosts, limits,
nosniff and CORS apply to every request as before.
"""

from __future__ import annotations

from collections import OrderedDict

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from neutral_timeline.api.cache import AnswerCache
from neutral_timeline.api.responses import ANSWER_KEY, DATED_MAX_AGE, Sending, respond

PREFIXES = ("/api/", "/ics/")
MAX_ENTRIES = 8192  # each a few hundred bytes: a few MB at most, whatever the traffic


class Replay:
    """ASGI: answer a recorded address straight from ``cache``; record the app's dated 200s."""

    def __init__(self, app: ASGIApp, cache: AnswerCache) -> None:
        self.app = app
        self.cache = cache
        self.index: OrderedDict[tuple[str, bytes], Sending] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or not scope["path"].startswith(PREFIXES):
            await self.app(scope, receive, send)
            return
        address = (scope["path"], scope["query_string"])
        sending = self.index.get(address)
        if sending is not None:
            rendered = self.cache.peek(sending.key)
            if rendered is not None:
                self.index.move_to_end(address)
                response = respond(Headers(scope=scope), rendered, sending)
                if scope["method"] == "HEAD":
                    response.body = b""  # content-length stays the GET's, as for HEAD through the app
                await response(scope, receive, send)
                return
            del self.index[address]
        if scope["method"] == "HEAD":
            await self.app(scope, receive, send)
            return
        scope = {**scope}  # the route notes how it sent the answer here (api/responses.send)
        status: list[int] = []
        chunks: list[bytes] = []

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False) and status == [200]:
                    self._remember(address, scope.get(ANSWER_KEY), b"".join(chunks))
            await send(message)

        await self.app(scope, receive, record)

    def _remember(self, address: tuple[str, bytes], sending: Sending | None, body: bytes) -> None:
        """Index ``address`` when it was a dated answer whose bytes are the cached answer's, unchanged."""
        if sending is None or sending.max_age < DATED_MAX_AGE:
            return
        rendered = self.cache.peek(sending.key)
        if rendered is None or body not in (rendered.body, rendered.gzipped):  # dropped, or changed inside
            return
        self.index[address] = sending
        if len(self.index) > MAX_ENTRIES:
            self.index.popitem(last=False)
