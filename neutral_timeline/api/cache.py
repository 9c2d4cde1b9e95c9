"""The one HTTP cache: rendered answers keyed on the canonical question, bounded in bytes.

The catalog is immutable and the resolver pure, so for one data version the bytes of
(question, format, language) never change while a worker runs. Keys are built by the routes
from parsed, normalised parameters (a region by name or by code is one key; unknown
parameters are not part of it), never from the raw URL or any request header, so no request
can change what another client receives. Errors are never cached.
"""

from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace

DEFAULT_MAX_BYTES = 32 * 1024 * 1024
ENTRY_OVERHEAD = 512  # bytes an entry costs beyond its body and key: dict slot, tuple, headers


def etag(body: bytes) -> str:
    """A strong validator: the same bytes always give the same tag, in every worker."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


# Text formats worth compressing: JSON, ICS, HTML, SVG, JS, CSS (and any other text/*).
COMPRESSIBLE = ("text/", "application/json", "image/svg+xml", "application/javascript", "application/manifest+json")
MIN_GZIP = 512  # below this, gzip's header and a second ETag cost more than they save


@dataclass(frozen=True, slots=True)
class Rendered:
    """Response bytes with their media type and strong ETag, and their gzip encoding once;
    ``key`` is its key in the answer cache.

    The gzip bytes are made when the answer is rendered and cached with it, so a worker
    compresses each answer once, not per request; they have an ETag of their own (RFC 9110
    §8.8.3: a strong validator differs between encodings of one representation).
    """

    body: bytes
    media_type: str
    etag: str
    gzipped: bytes | None = None
    gzip_etag: str | None = None
    key: Hashable = None

    @classmethod
    def of(cls, body: bytes, media_type: str) -> Rendered:
        tag = etag(body)
        if len(body) >= MIN_GZIP and media_type.startswith(COMPRESSIBLE):
            packed = gzip.compress(body, compresslevel=6, mtime=0)  # mtime 0: same bytes in every worker
            if len(packed) < len(body):
                return cls(body, media_type, tag, packed, tag[:-1] + '-gzip"')
        return cls(body, media_type, tag)

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"")


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
        cost = rendered.size + len(repr(key)) + ENTRY_OVERHEAD
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
