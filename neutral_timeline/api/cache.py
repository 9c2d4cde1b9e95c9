"""An in-process response cache in front of the app, for answers that cannot change.

The catalog is immutable and every dated answer is a pure function of path and query, so a
200 that the routes marked long-lived (``max-age`` >= DATED_MAX_AGE) is kept, bounded, and
served again, or answered 304 when ``If-None-Match`` matches, without routing or rendering.
"Today" answers (short max-age) always go through the app: their date moves with the clock.
"""

from __future__ import annotations

from collections import OrderedDict

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from neutral_timeline.api.responses import DATED_MAX_AGE

Headers = list[tuple[bytes, bytes]]
Entry = tuple[Headers, Headers, bytes, bytes]  # 200 headers, 304 headers, body, etag


def _etag_matches(scope: Scope, etag: bytes) -> bool:
    for name, value in scope["headers"]:
        if name == b"if-none-match":
            tags = {tag.strip().removeprefix(b"W/") for tag in value.split(b",")}
            return etag in tags or b"*" in tags
    return False


def _long_lived(headers: list[tuple[bytes, bytes]]) -> bytes | None:
    """The ETag of a response the routes marked cacheable for at least DATED_MAX_AGE, else None."""
    found = dict(headers)
    control = found.get(b"cache-control", b"")
    if b"max-age=" not in control:
        return None
    max_age = int(control.split(b"max-age=")[1].split(b",")[0])
    return found.get(b"etag") if max_age >= DATED_MAX_AGE else None


class ResponseCache:
    def __init__(self, app: ASGIApp, size: int = 2048) -> None:
        self.app = app
        self.size = size
        self.entries: OrderedDict[tuple[str, bytes], Entry] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope["query_string"])
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
            await self._replay(scope, send, entry)
            return
        await self.app(scope, receive, self._recorder(scope, key, send))

    async def _replay(self, scope: Scope, send: Send, entry: Entry) -> None:
        headers, not_modified, body, etag = entry
        if _etag_matches(scope, etag):
            await send({"type": "http.response.start", "status": 304, "headers": not_modified})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

    def _recorder(self, scope: Scope, key: tuple[str, bytes], send: Send) -> Send:
        started: dict[str, Message] = {}
        chunks: list[bytes] = []

        async def record(message: Message) -> None:
            await send(message)
            if message["type"] == "http.response.start":
                started["start"] = message
            elif message["type"] == "http.response.body" and scope["method"] == "GET":
                chunks.append(message.get("body", b""))
                start = started.get("start")
                if start and start["status"] == 200 and not message.get("more_body", False):
                    headers = [(bytes(k), bytes(v)) for k, v in start["headers"]]
                    etag = _long_lived(headers)
                    if etag is not None:
                        kept = [(k, v) for k, v in headers if k not in (b"content-length", b"content-type")]
                        self.entries[key] = (headers, kept, b"".join(chunks), etag)
                        if len(self.entries) > self.size:
                            self.entries.popitem(last=False)

        return record
