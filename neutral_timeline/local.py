"""Answers from the local catalog, with the same interface as the HTTP ``Client``.

The CLI chooses once between ``Local(catalog)`` and ``Client(url)`` and then only asks
questions. This is a surface: it is the one place besides the HTTP routes that turns "today"
(a question without a day) into a date, in the region's time zone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from neutral_timeline.resolve.questions import CheckQuestion, Question, SituationQuestion

if TYPE_CHECKING:
    from datetime import datetime

    from neutral_timeline.catalog.model import Catalog
    from neutral_timeline.render.formats import RenderOptions
    from neutral_timeline.text import Lang

DEFAULT_ZONE = "Asia/Jakarta"


class Local:
    """``Local(catalog).answer(SituationQuestion(region="63.03"), "id")``."""

    def __init__(self, catalog: Catalog, now: datetime | None = None) -> None:
        self.catalog = catalog
        self.now = now  # a fixed moment for "today" (tests); None: the clock

    def __enter__(self) -> Local:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def settle(self, question: Question) -> Question:
        """``question`` with "today" made a date: the current day in the region's zone."""
        if isinstance(question, SituationQuestion | CheckQuestion) and question.day is None:
            from neutral_timeline.query import today_in

            region = self.catalog.regions.find(question.region, "region") if question.region else None
            return question.on(today_in(region.zone if region else DEFAULT_ZONE, self.now))
        return question

    def answer(self, question: Question, lang: Lang) -> Any:
        """The answer record; ``lang`` is unused locally (answers carry both languages)."""
        from neutral_timeline.resolve.answering import answer

        return answer(self.catalog, self.settle(question))

    def rendered(self, question: Question, fmt: str, lang: Lang, options: RenderOptions | None = None) -> bytes:
        """The answer in format ``fmt`` (see ``render.formats.FORMATS``)."""
        from dataclasses import replace

        from neutral_timeline.render.formats import RenderOptions, render
        from neutral_timeline.resolve.answering import ANSWER_TYPES

        settings = replace(options or RenderOptions(), kind=ANSWER_TYPES[type(question)])
        return render(fmt, self.answer(question, lang), lang, settings)
