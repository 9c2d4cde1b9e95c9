"""The terminal view of any answer: the activity check's own module, or ``terminal.view``."""

from __future__ import annotations

from rich.console import RenderableType

from neutral_timeline.text import Lang


def view(value: object, lang: Lang, details: bool = False) -> RenderableType:
    from neutral_timeline.resolve.check import CheckAnswer

    if isinstance(value, CheckAnswer):
        from neutral_timeline.render.check import check

        return check(value, lang)
    from neutral_timeline.render.terminal import view as answer_view

    return answer_view(value, lang, details=details)
