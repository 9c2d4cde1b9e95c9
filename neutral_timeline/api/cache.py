"""The one HTTP cache: rendered answers keyed on the canonical question, bounded in bytes.

The catalog is immutable and the resolver pure, so for one data version the bytes of
(question, format, language) never change while a worker runs. Keys are built by the routes
from parsed, normalised parameters (a region by name or by code is one key; unknown
parameters are not part of it), never from the raw URL or any request header, so no request
can change what another client receives. Errors are never cached.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace

DEFAULT_MAX_BYTES = 32 * 1024 * 1024
ENTRY_OVERHEAD = 512  # bytes an entry costs beyond its body and key: dict slot, tuple, headers


def etag(body: bytes) -> str:
    """A strong validator: the same bytes always give the same tag, in every worker."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


@dataclass(frozen=True, slots=True)
class Rendered:
    """Response bytes with their media type and strong ETag; ``key`` is its key in the cache."""

    body: bytes
    media_type: str
    etag: str
    key: Hashable = None

    @classmethod
    def of(cls, body: bytes, media_type: str) -> Rendered:
        return cls(body, media_type, etag(body))


class AnswerCache:
    """A least-recently-used map of key -> Rendered holding at most ``max_bytes``."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.entries: OrderedDict[Hashable, tuple[Rendered, int]] = OrderedDict()

    def get(self, key: Hashable, build: Callable[[], Rendered]) -> Rendered:
        """The cached answer for ``key``, or ``build()``'s, kept if it fits."""
        found = self.entries.get(key)
        if found is not None:
            self.entries.move_to_end(key)
            return found[0]
        rendered = replace(build(), key=key)
        cost = len(rendered.body) + len(repr(key)) + ENTRY_OVERHEAD
        if cost <= self.max_bytes // 8:  # one answer never takes more than an eighth of the cache
            self.entries[key] = (rendered, cost)
            self.size += cost
            while self.size > self.max_bytes:
                _, (_, dropped) = self.entries.popitem(last=False)
                self.size -= dropped
        return rendered

    def peek(self, key: Hashable) -> Rendered | None:
        """The cached answer for ``key`` if it is still kept (marked recently used), else None."""
        found = self.entries.get(key)
        if found is None:
            return None
        self.entries.move_to_end(key)
        return found[0]
