"""The one exception hierarchy: every error says what, where, what is expected, and what next."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from neutral_timeline.i18n import N_

if TYPE_CHECKING:
    from neutral_timeline.text import Lang


def did_you_mean(value: str, known: Iterable[str]) -> str | None:
    """The closest known name to ``value``, or None when nothing is close."""
    import difflib  # only on the error path: keeps the CLI's start fast

    matches = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


@dataclass(frozen=True)
class Problem:
    """One located problem: in data (file + key path) or in a query (parameter).

    ``what``, ``expected`` and ``suggestion`` are English. A problem users read is made with
    ``Problem.say`` from msgids and values, so that ``in_lang`` can say it in their language;
    data errors are for maintainers and stay English.
    """

    where: str
    what: str
    expected: str | None = None
    suggestion: str | None = None
    msgids: tuple[str, str | None, str | None] | None = field(default=None, repr=False, compare=False)
    values: tuple[tuple[str, str], ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def say(
        cls, where: str, what: str, expected: str | None = None, suggestion: str | None = None, /, **values: object
    ) -> Problem:
        """A problem from English msgids (marked with ``N_``) and the values they name."""

        def fill(msgid: str | None) -> str | None:
            return None if msgid is None else msgid.format(**values)

        what_text = fill(what)
        assert what_text is not None
        pairs = tuple((k, str(v)) for k, v in values.items())
        return cls(where, what_text, fill(expected), fill(suggestion), (what, expected, suggestion), pairs)

    def in_lang(self, lang: Lang) -> Problem:
        """The same problem in ``lang``; texts without a translation stay as they are."""
        from neutral_timeline.i18n import gettext

        tr = gettext(lang)
        values = dict(self.values)

        def say(msgid: str | None) -> str | None:
            return None if msgid is None else tr(msgid).format(**values)

        if self.msgids is None:
            what, expected, suggestion = (tr(t) if t else t for t in (self.what, self.expected, self.suggestion))
            return Problem(self.where, what or self.what, expected, suggestion)
        return Problem(self.where, say(self.msgids[0]) or self.what, say(self.msgids[1]), say(self.msgids[2]))

    def __str__(self) -> str:
        text = f"{self.where}: {self.what}"
        if self.expected:
            text += f" (expected {self.expected})"
        if self.suggestion:
            text += f"; {self.suggestion}"
        return text

    def text(self, lang: Lang) -> str:
        """The problem as one line in ``lang`` (``str()`` is the English one, without catalogs)."""
        from neutral_timeline.i18n import say

        p = self.in_lang(lang)
        values = {"where": p.where, "what": p.what, "expected": p.expected, "suggestion": p.suggestion}
        if p.expected and p.suggestion:
            return say(N_("{where}: {what} (expected {expected}); {suggestion}"), lang, **values)
        if p.expected:
            return say(N_("{where}: {what} (expected {expected})"), lang, **values)
        if p.suggestion:
            return say(N_("{where}: {what}; {suggestion}"), lang, **values)
        return say(N_("{where}: {what}"), lang, **values)

    def as_dict(self, lang: Lang | None = None) -> dict[str, str | None]:
        p = self if lang is None else self.in_lang(lang)
        return {
            "where": p.where,
            "what": p.what,
            "expected": p.expected,
            "suggestion": p.suggestion,
        }


class NeutralTimelineError(Exception):
    """Base class; carries one or more problems."""

    code = "error"

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class DataError(NeutralTimelineError):
    """The calendars folder is invalid; the whole catalog is refused."""

    code = "invalid_data"


class QueryError(NeutralTimelineError):
    """A request parameter is malformed (bad date, bad language, ...)."""

    code = "invalid_parameter"


class NotFoundError(NeutralTimelineError):
    """A request names an election, rule or revision that does not exist."""

    code = "not_found"


class UnsupportedError(NeutralTimelineError):
    """A request asks for a form the service does not offer (e.g. oEmbed as XML)."""

    code = "not_implemented"


UNKNOWN = {
    "election": N_("unknown election '{value}'"),
    "rule": N_("unknown rule '{value}'"),
    "tag": N_("unknown tag '{value}'"),
}


def unknown(kind: str, value: str, known: Iterable[str], where: str) -> NotFoundError:
    """A not-found error that lists the known ids and suggests the closest one."""
    known_ids = sorted(known)
    guess = did_you_mean(value, known_ids)
    what = UNKNOWN.get(kind, N_("unknown {kind} '{value}'"))
    suggestion = N_("did you mean '{guess}'?") if guess else None
    problem = Problem.say(
        where, what, N_("one of: {known}"), suggestion, kind=kind, value=value, known=", ".join(known_ids), guess=guess
    )
    return NotFoundError([problem])
