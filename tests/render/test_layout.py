"""Dates on a horizontal timeline: the scale's arithmetic and lanes that never overlap."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from neutral_timeline.catalog.model import Catalog
from neutral_timeline.render.layout import Scale, lanes, scale_of, state
from neutral_timeline.resolve.situation import timeline


def test_scale_maps_inclusive_days() -> None:
    scale = Scale(date(2028, 1, 1), date(2028, 1, 10))  # ten days
    assert scale.days == 10
    assert scale.at(date(2028, 1, 1)) == 0.0 and scale.at(date(2028, 1, 6)) == 0.5
    assert scale.at(date(2027, 1, 1)) == 0.0 and scale.at(date(2029, 1, 1)) == 1.0  # clamped
    assert scale.middle(date(2028, 1, 1)) == 0.05 and scale.middle(date(2028, 1, 11)) is None
    assert scale.bar(date(2028, 1, 1), date(2028, 1, 10)) == (0.0, 1.0)
    assert scale.bar(date(2028, 1, 3), date(2028, 1, 3)) == pytest.approx((0.2, 0.1))  # a day is a day wide
    assert scale.bar(None, date(2028, 1, 2)) == pytest.approx((0.0, 0.2))
    assert scale.bar(date(2028, 1, 9), None) == pytest.approx((0.8, 0.2))


def test_state_of_a_span_on_a_day() -> None:
    d = date(2028, 10, 3)
    assert state(date(2028, 10, 1), date(2028, 10, 2), d) == "past"
    assert state(date(2028, 10, 3), date(2028, 10, 3), d) == "now"
    assert state(None, None, d) == "now"
    assert state(date(2028, 10, 4), None, d) == "future"
    assert state(date(2028, 10, 1), date(2028, 10, 2), None) == "future"


def test_lanes_pack_without_overlap(mini: Catalog) -> None:
    phases = timeline(mini, "testvote-2028").phases
    scale = scale_of(phases)
    assert (scale.start, scale.end) == (date(2027, 6, 1), date(2029, 1, 31))
    rows = lanes(phases, scale, date(2028, 10, 3))
    placed = [s.phase.key for row in rows for s in row]
    assert sorted(placed) == sorted(p.key for p in phases if p.key != "stages")
    for row in rows:
        for a, b in pairwise(row):
            assert a.phase.end < b.phase.start
    (campaign,) = (s for row in rows for s in row if s.phase.key == "campaign")
    assert campaign.state == "now" and 0 < campaign.left < 1 and campaign.width > 0
    assert len(rows) == 2  # counting overlaps voting day
