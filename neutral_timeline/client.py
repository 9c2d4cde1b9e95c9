"""A small typed httpx client for the JSON API: the same answers as the local resolver."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
from pydantic import TypeAdapter

from neutral_timeline.errors import NeutralTimelineError, NotFoundError, Problem, QueryError, UnsupportedError
from neutral_timeline.i18n import N_
from neutral_timeline.render.formats import RenderOptions
from neutral_timeline.resolve.questions import Question
from neutral_timeline.text import DEFAULT_LANG, Lang


class RemoteError(NeutralTimelineError):
    """The server could not be reached, or answered something that is not our API."""

    code = "remote_error"


class Client:
    """A neutral-timeline server as a source of answers, with the interface of ``local.Local``:
    ``Client("https://netral.example.go.id").answer(SituationQuestion(date(2024, 11, 27)), "en")``.

    URLs come from each question's ``address()``, the paths the server's routes are declared with.
    """

    def __init__(self, base_url: str, *, timeout: float = 10.0, transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.http = httpx.Client(base_url=self.base_url, timeout=timeout, transport=transport)

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.http.close()

    def _get(self, path: str, params: dict[str, Any]) -> httpx.Response:
        clean = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in params.items() if v is not None}
        try:
            response = self.http.get(path, params=clean)
        except httpx.HTTPError as exc:
            raise RemoteError(
                [
                    Problem.say(
                        self.base_url + path,
                        N_("cannot reach the server: {reason}"),
                        None,
                        N_("check --server"),
                        reason=exc,
                    )
                ]
            ) from None
        if response.is_success:
            return response
        try:
            error = response.json()["error"]
            problems = [Problem(**p) for p in error["problems"]]
        except (ValueError, KeyError, TypeError):
            problems = [
                Problem.say(
                    self.base_url + path,
                    N_("HTTP {status}: not a neutral-timeline answer"),
                    None,
                    N_("check --server"),
                    status=response.status_code,
                )
            ]
            raise RemoteError(problems) from None
        kind = {404: NotFoundError, 422: QueryError, 501: UnsupportedError}.get(response.status_code, RemoteError)
        raise kind(problems)

    def answer(self, question: Question, lang: Lang = DEFAULT_LANG) -> Any:
        """The server's answer to ``question``, read back into the resolver's records.

        Texts arrive in ``lang`` only. A feed is not served as JSON: use ``rendered``.
        """
        from neutral_timeline.resolve.answering import ANSWER_TYPES
        from neutral_timeline.resolve.questions import FeedQuestion

        if isinstance(question, FeedQuestion):
            problem = Problem.say("question", N_("a feed is served as iCalendar, not JSON"), "rendered()")
            raise UnsupportedError([problem])
        path, params = question.address()
        response = self._get(path, {**params, "lang": lang})
        return TypeAdapter(ANSWER_TYPES[type(question)]).validate_json(response.content)

    def rendered(self, question: Question, fmt: str, lang: Lang, options: RenderOptions | None = None) -> bytes:
        """The answer in format ``fmt``: feeds as the server serves them, the rest rendered here."""
        from dataclasses import replace

        from neutral_timeline.render.formats import RenderOptions, render
        from neutral_timeline.resolve.answering import ANSWER_TYPES
        from neutral_timeline.resolve.questions import FeedQuestion

        if isinstance(question, FeedQuestion):
            path, params = question.address()
            return self._get(path, {**params, "lang": lang}).content
        settings = replace(options or RenderOptions(), kind=ANSWER_TYPES[type(question)])
        return render(fmt, self.answer(question, lang), lang, settings)
