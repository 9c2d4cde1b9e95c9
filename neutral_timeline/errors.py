"""The one exception hierarchy: every error says what, where, what is expected, and what next."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def did_you_mean(value: str, known: Iterable[str]) -> str | None:
    """The closest known name to ``value``, or None when nothing is close."""
    import difflib  # only on the error path: keeps the CLI's start fast

    matches = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


@dataclass(frozen=True)
class Problem:
    """One located problem: in data (file + key path) or in a query (parameter)."""

    where: str
    what: str
    expected: str | None = None
    suggestion: str | None = None

    def __str__(self) -> str:
        text = f"{self.where}: {self.what}"
        if self.expected:
            text += f" (expected {self.expected})"
        if self.suggestion:
            text += f"; {self.suggestion}"
        return text

    def as_dict(self) -> dict[str, str | None]:
        return {
            "where": self.where,
            "what": self.what,
            "expected": self.expected,
            "suggestion": self.suggestion,
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


def unknown(kind: str, value: str, known: Iterable[str], where: str) -> NotFoundError:
    """A not-found error that lists the known ids and suggests the closest one."""
    known_ids = sorted(known)
    guess = did_you_mean(value, known_ids)
    suggestion = f"did you mean '{guess}'?" if guess else None
    return NotFoundError(
        [
            Problem(
                where=where,
                what=f"unknown {kind} '{value}'",
                expected="one of: " + ", ".join(known_ids),
                suggestion=suggestion,
            )
        ]
    )
