"""The terminal view of any answer: the activity check's and the short answer's own modules, or ``terminal.view``.

``today`` answers short first (``render.brief``); ``details`` gives every rule with its notes,
sources and sanction (``render.terminal.situation``).
"""

from __future__ import annotations

from rich.console import RenderableType

from neutral_timeline.text import Lang


def view(value: object, lang: Lang, details: bool = False) -> RenderableType:
    from neutral_timeline.resolve.answer import Situation
    from neutral_timeline.resolve.check import CheckAnswer

    if isinstance(value, Situation) and not details:
        from neutral_timeline.render.brief import brief

        return brief(value, lang)
    if isinstance(value, CheckAnswer):
        from neutral_timeline.render.check import check

        return check(value, lang)
    from neutral_timeline.render.terminal import view as answer_view

    return answer_view(value, lang, details=details)
