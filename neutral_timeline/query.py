"""Parsing what users type (dates, languages) into clear errors, and "today" in a time zone.

Shared by the CLI and the HTTP API so that both refuse bad input with the same words.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from neutral_timeline.errors import Problem, QueryError
from neutral_timeline.text import LANGS, Lang

DATE_FORM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(value: str, param: str) -> date:
    """A YYYY-MM-DD calendar date, or QueryError naming the parameter."""
    problem = Problem(
        where=param,
        what=f"'{value}' is not a calendar date",
        expected="YYYY-MM-DD, e.g. 2024-11-27",
    )
    if not DATE_FORM.match(value):
        raise QueryError([problem])
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise QueryError([problem]) from None


def parse_lang(value: str, param: str = "lang") -> Lang:
    if value in LANGS:
        return value
    raise QueryError([Problem(where=param, what=f"'{value}' is not a supported language", expected="id or en")])


def today_in(zone: str, now: datetime | None = None) -> date:
    """The local calendar day in ``zone`` (stdlib zoneinfo: the CLI starts without pendulum)."""
    from zoneinfo import ZoneInfo  # only when the day is not given: keeps the CLI's start fast

    moment = now if now is not None else datetime.now(tz=ZoneInfo("UTC"))
    return moment.astimezone(ZoneInfo(zone)).date()


_REMINDER = re.compile(r"(\d{1,3})d")


def parse_reminders(text: str, param: str = "reminders") -> tuple[int, ...]:
    """``"7d,1d"`` -> ``(7, 1)``: distinct calendar days, largest first; ``""`` means no reminders."""
    from neutral_timeline.resolve.feed import REMINDERS_EXPECTED, check_reminders

    if not text.strip():
        return ()
    days = []
    for item in text.split(","):
        match = _REMINDER.fullmatch(item.strip().lower())
        if match is None:
            where = f" (in '{text}')" if "," in text else ""
            what = f"'{item.strip()}' is not a number of days{where}"
            raise QueryError([Problem(where=param, what=what, expected=REMINDERS_EXPECTED)])
        days.append(int(match.group(1)))
    return check_reminders(tuple(days), param)
