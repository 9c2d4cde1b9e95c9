"""TOML text -> a table, or located problems: impossible dates by key path, line and column; deep nesting."""

from __future__ import annotations

import calendar
import re
import tomllib
from typing import Any

from neutral_timeline.errors import Problem

DATE_EXAMPLE = "a date written YYYY-MM-DD without quotes, e.g. 2024-11-23"
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[Tt ][0-9:.]+(?:[Zz]|[+-]\d{2}:\d{2})?)?")
_MARK = "\u00a7"  # marks a bad date replaced by a string of the same length, to find its key path
MAX_BAD_DATES = 50
REPARSE_BUDGET = 2 * 1024 * 1024  # characters parsed again to locate bad dates: a 2 MiB file is parsed twice at most


def parse(where: str, text: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The table in ``text``, or None and every problem found (all impossible dates at once)."""
    bad: list[tuple[str, int, int, str]] = []  # (token, line, column, its stand-in string)
    current = text
    error: tomllib.TOMLDecodeError | None = None
    table: dict[str, Any] | None = None
    for attempt in range(min(MAX_BAD_DATES, REPARSE_BUDGET // max(len(text), 1)) + 1):
        try:
            table = tomllib.loads(current)
            break
        except RecursionError:
            what = "is nested too deeply to read (arrays or inline tables within each other, hundreds of levels)"
            return None, [Problem(where, what, "at most a few levels, as in calendars/README.md")]
        except tomllib.TOMLDecodeError as exc:
            found = _bad_date(current, exc, attempt)
            if found is None:
                error = exc
                break
            token, line, column, stand_in, offset = found
            bad.append((token, line, column, stand_in))
            current = current[:offset] + stand_in + current[offset + len(token) :]
    paths = _paths(table, {b[3] for b in bad}) if table is not None else {}
    problems = [_date_problem(where, token, line, column, paths.get(stand_in)) for token, line, column, stand_in in bad]
    if error is not None:
        problems.append(Problem(where=where, what=f"not valid TOML: {error}", suggestion=syntax_hint(str(error))))
    return (table if not problems else None), problems


# What to do about a TOML syntax error, by the words of tomllib's message (maintainers read these: English).
_SYNTAX_HINTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("(at end of document)",), "the file ends inside a value: close every [ with ], every { with } and every quote"),
    (
        ("Cannot overwrite", "twice", "Cannot mutate"),
        "each key appears once in its table, and each [table] header once per file: remove or merge the repeat",
    ),
    (("Unclosed array", "Unclosed inline table"), "close every [ with ] and every { with }"),
    (
        ("Unterminated string", "Unescaped", "invalid character in string", "Illegal character"),
        'close every string with its quote; inside one, write a quote as \\" and a backslash as \\\\',
    ),
    (
        ("Invalid value",),
        'text goes in double quotes (name = "..."), dates as YYYY-MM-DD without quotes, true and false in lower case',
    ),
    (
        ("Expected '='", "Invalid statement", "Invalid initial character", "Expected newline", "Expected ']'"),
        "each line is key = value, or a [table] header; keys are letters, digits, - and _",
    ),
)


def syntax_hint(message: str) -> str:
    """The suggestion for a TOML syntax error: the one that fits tomllib's ``message``, else the format docs."""
    for fragments, hint in _SYNTAX_HINTS:
        if any(fragment in message for fragment in fragments):
            return hint
    return "see calendars/README.md for the format of each file"


def _bad_date(text: str, exc: tomllib.TOMLDecodeError, n: int) -> tuple[str, int, int, str, int] | None:
    """The impossible date tomllib stopped at, with its place and a same-length string to stand in for it."""
    at = _AT.search(str(exc))
    if at is None:
        return None
    line = int(at.group(1))
    lines = text.split("\n")
    start = sum(len(x) + 1 for x in lines[: line - 1])
    position = start + int(at.group(2)) - 1
    # tomllib stops at the start of "2024-11-31" but inside "2024-13-01" (it reads 2024 as a number)
    match = next(
        (m for m in _DATE.finditer(text, start, start + len(lines[line - 1])) if m.start() <= position <= m.end()),
        None,
    )
    if match is None or _is_date(match):
        return None
    token, offset, column = match.group(0), match.start(), match.start() - start + 1
    stand_in = '"' + f"{_MARK}{n}".ljust(len(token) - 2, _MARK) + '"'
    return token, line, column, stand_in, offset


def _is_date(match: re.Match[str]) -> bool:
    year, month, day = (int(x) for x in match.groups())
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _paths(table: Any, stand_ins: set[str], prefix: str = "") -> dict[str, str]:
    """Where each stand-in string sits in the parsed table, as a key path: ``revisions.x.phases.campaign.end``."""
    found: dict[str, str] = {}
    items = table.items() if isinstance(table, dict) else enumerate(table) if isinstance(table, list) else ()
    for key, value in items:
        path = f"{prefix}[{key}]" if isinstance(key, int) else f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, str) and f'"{value}"' in stand_ins:
            found[f'"{value}"'] = path
        elif isinstance(value, dict | list):
            found.update(_paths(value, stand_ins, path))
    return found


def _date_problem(where: str, token: str, line: int, column: int, path: str | None) -> Problem:
    year, month, day = (int(x) for x in _DATE.match(token).groups())  # type: ignore[union-attr]
    if not 1 <= month <= 12:
        hint = "months run from 01 to 12"
    elif not 1 <= day <= (last := calendar.monthrange(year, month)[1]):
        hint = f"{year:04d}-{month:02d} has {last} days"
    else:
        hint = "a time of day, if any, is HH:MM:SS"
    return Problem(
        where=f"{where}: {path}" if path else where,
        what=f"'{token}' is not a date (line {line}, column {column})",
        expected=DATE_EXAMPLE,
        suggestion=hint,
    )
