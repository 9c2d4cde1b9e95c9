"""Dates the Indonesian and English way, checked against pendulum's own locale data."""

from __future__ import annotations

from datetime import date, timedelta

import pendulum
import pytest

from neutral_timeline.i18n import LABELS, long_date, short_date, span
from neutral_timeline.text import LANGS, Lang


@pytest.mark.parametrize("lang", LANGS)
def test_every_day_2020_2025_matches_pendulum(lang: Lang) -> None:
    day = date(2020, 1, 1)
    while day <= date(2025, 12, 31):
        expected = pendulum.Date(day.year, day.month, day.day).format("dddd, D MMMM YYYY", locale=lang)
        assert long_date(day, lang) == expected
        day += timedelta(days=1)


def test_spans() -> None:
    assert span(date(2024, 9, 25), date(2024, 11, 23), "id") == "25 September 2024 – 23 November 2024"
    assert span(date(2024, 11, 27), date(2024, 11, 27), "en") == "27 November 2024"
    assert span(None, None, "id") == "setiap saat"
    assert span(date(2024, 3, 22), None, "en") == "from 22 March 2024"
    assert short_date(date(2024, 2, 14), "id") == "14 Februari 2024"


def test_every_label_has_both_languages_with_the_same_placeholders() -> None:
    import string

    for key, text in LABELS.items():
        fields = [{f for _, f, _, _ in string.Formatter().parse(t) if f} for t in (text.id, text.en)]
        assert fields[0] == fields[1], key
        assert text.id and text.en, key
