"""Parsing what users type (dates, languages) into clear errors, and "today" in a time zone.

Shared by the CLI and the HTTP API so that both refuse bad input with the same words.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from neutral_timeline.errors import Problem, QueryError
from neutral_timeline.i18n import N_
from neutral_timeline.text import LANGS, Lang

DATE_FORM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(value: str, param: str) -> date:
    """A YYYY-MM-DD calendar date, or QueryError naming the parameter."""
    problem = Problem.say(
        param,
        N_("'{value}' is not a calendar date"),
        N_("YYYY-MM-DD, e.g. {example}"),
        value=value,
        example="2024-11-27",
    )
    if not DATE_FORM.match(value):
        raise QueryError([problem])
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise QueryError([problem]) from None


def parse_lang(value: str, param: str = "lang", exact: bool = False) -> Lang:
    """``id`` or ``en`` in any case (``EN`` is ``en``), or exactly so when ``exact`` (a path-style
    address: one path per answer)."""
    found = value if exact else value.strip().lower()
    if found in LANGS:
        return found
    raise QueryError([Problem.say(param, N_("'{value}' is not a supported language"), N_("id or en"), value=value)])


def today_in(zone: str, now: datetime | None = None) -> date:
    """The local calendar day in ``zone`` (stdlib zoneinfo: the CLI starts without pendulum)."""
    from zoneinfo import ZoneInfo  # only when the day is not given: keeps the CLI's start fast

    moment = now if now is not None else datetime.now(tz=ZoneInfo("UTC"))
    return moment.astimezone(ZoneInfo(zone)).date()


_REMINDER = re.compile(r"(\d{1,3})d")
# the same words as resolve.feed.REMINDERS_EXPECTED, whose problems Problem.in_lang translates by them
REMINDERS_EXPECTED = N_("standard, minimal, none, or comma-separated days such as 7d,1d (each 0d-90d)")


def parse_reminders(text: str, param: str = "reminders") -> tuple[int, ...]:
    """``"7d,1d"`` -> ``(7, 1)``: distinct calendar days, largest first; ``""`` means no reminders.

    A preset name (``standard`` 7d,1d; ``minimal`` 1d; ``none``) stands for its days.
    """
    from neutral_timeline.resolve.feed import check_reminders
    from neutral_timeline.resolve.questions import REMINDER_PRESETS

    if text.strip().lower() in REMINDER_PRESETS:
        return REMINDER_PRESETS[text.strip().lower()]
    if not text.strip():
        return ()
    days = []
    for item in text.split(","):
        match = _REMINDER.fullmatch(item.strip().lower())
        if match is None:
            what = (
                N_("'{item}' is not a number of days (in '{text}')")
                if "," in text
                else N_("'{item}' is not a number of days")
            )
            raise QueryError([Problem.say(param, what, REMINDERS_EXPECTED, item=item.strip(), text=text)])
        days.append(int(match.group(1)))
    return check_reminders(tuple(days), param)
