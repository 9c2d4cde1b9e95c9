"""The answers the HTTP surface serves: one path from a question to cached bytes.

A route builds a canonical question, and ``Service.rendered`` answers it through
``resolve.answering.answer`` and renders it through the format table, once per
(question, format, language, options) while the worker runs.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from neutral_timeline.api.cache import DEFAULT_MAX_BYTES, AnswerCache, Rendered
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.render.formats import FORMATS, RenderOptions
from neutral_timeline.resolve.answering import ANSWER_TYPES, answer
from neutral_timeline.resolve.questions import Question
from neutral_timeline.text import Lang


class Service:
    """Cached, rendered answers for one catalog and one public origin."""

    def __init__(self, catalog: Catalog, public_url: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.catalog = catalog
        self.public_url = public_url
        self.cache = AnswerCache(max_bytes)

    def answer(self, question: Question) -> Any:
        """The resolver's answer (not cached: pages that combine answers cache their bytes)."""
        return answer(self.catalog, question)

    def rendered(self, question: Question, fmt: str, lang: Lang, options: RenderOptions | None = None) -> Rendered:
        """``question``'s answer in format ``fmt``: the bytes, their media type and ETag."""
        chosen = FORMATS[fmt]
        settings = options or RenderOptions()
        settings = RenderOptions(
            kind=ANSWER_TYPES[type(question)],
            public_url=self.public_url,
            today=settings.today,
            details=settings.details,
        )

        def build() -> Rendered:
            return Rendered.of(chosen.render(answer(self.catalog, question), lang, settings), chosen.media_type)

        return self.cache.get((question, fmt, lang, settings.today, settings.details), build)

    def page(self, key: Hashable, media_type: str, build: Callable[[], bytes]) -> Rendered:
        """A page that combines answers (home, widget), cached under ``key`` in the same cache."""
        return self.cache.get(("page", key), lambda: Rendered.of(build(), media_type))
