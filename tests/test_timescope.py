"""Scope arithmetic: offsets with calendar months (month ends clamp, leap years), windows."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from neutral_timeline.timescope import OffsetError, parse_offset, shift

DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))


@pytest.mark.parametrize(
    ("day", "offset", "expected"),
    [
        (date(2024, 9, 22), "-P6M", date(2024, 3, 22)),  # DESIGN.md's example: Pilkada 2024
        (date(2024, 8, 31), "-P6M", date(2024, 2, 29)),  # leap year month end clamps
        (date(2023, 8, 31), "-P6M", date(2023, 2, 28)),  # common year
        (date(2020, 9, 23), "-P6M", date(2020, 3, 23)),  # Pilkada 2020 final schedule
        (date(2020, 7, 8), "-P6M", date(2020, 1, 8)),
        (date(2024, 2, 29), "P1Y", date(2025, 2, 28)),
        (date(2024, 2, 29), "-P1Y", date(2023, 2, 28)),
        (date(2024, 11, 27), "P14D", date(2024, 12, 11)),
        (date(2024, 11, 27), "+P2W", date(2024, 12, 11)),
        (date(2024, 1, 31), "P1M", date(2024, 2, 29)),
        (date(2024, 3, 31), "-P1M1D", date(2024, 2, 28)),
        (date(2024, 3, 1), None, date(2024, 3, 1)),
    ],
)
def test_examples(day: date, offset: str | None, expected: date) -> None:
    assert shift(day, offset) == expected


def _months_oracle(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@given(DAYS, st.integers(min_value=0, max_value=60), st.sampled_from([1, -1]))
def test_month_offsets_match_calendar_oracle(day: date, months: int, sign: int) -> None:
    text = ("-" if sign < 0 else "") + f"P{months}M"
    assert shift(day, text) == _months_oracle(day, sign * months)


@given(DAYS, st.integers(min_value=0, max_value=2000), st.sampled_from([1, -1]))
def test_day_and_week_offsets_are_exact(day: date, n: int, sign: int) -> None:
    prefix = "-" if sign < 0 else ""
    assert shift(day, f"{prefix}P{n}D") == day + timedelta(days=sign * n)
    assert shift(day, f"{prefix}P{n}W") == day + timedelta(days=sign * 7 * n)


@given(DAYS, st.integers(min_value=0, max_value=30))
def test_years_are_twelve_months(day: date, years: int) -> None:
    assert shift(day, f"-P{years}Y") == shift(day, f"-P{12 * years}M")


@given(DAYS, st.integers(min_value=1, max_value=28))
def test_month_shift_never_moves_further_than_asked(day: date, months: int) -> None:
    earlier = shift(day, f"-P{months}M")
    assert earlier < day
    assert (day.year * 12 + day.month) - (earlier.year * 12 + earlier.month) == months


@pytest.mark.parametrize("text", ["6M", "P", "-P6", "PT6H", "P1DT2H", "P0.5M", "--P6M", "", "P6X"])
def test_refused_offsets(text: str) -> None:
    with pytest.raises(OffsetError):
        parse_offset(text)
