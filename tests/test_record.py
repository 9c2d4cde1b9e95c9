"""Records: immutable after __init__, equal by value, readable repr, hashable only where said."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date

import pytest

from neutral_timeline.catalog.model import Catalog, Source
from neutral_timeline.resolve.answer import Countdown, WindowInfo


def test_fields_cannot_change_or_go() -> None:
    source = Source("Pasal 1", True)
    with pytest.raises(FrozenInstanceError):
        source.locator = "Pasal 2"
    with pytest.raises(FrozenInstanceError):
        del source.verified
    with pytest.raises(FrozenInstanceError):
        Countdown(date(2024, 11, 27), 3).days = 4  # type: ignore[misc]


def test_equality_by_value_and_repr() -> None:
    a = WindowInfo(date(2024, 9, 25), date(2024, 11, 23), "campaign.start", "campaign.end")
    b = WindowInfo(date(2024, 9, 25), date(2024, 11, 23), "campaign.start", "campaign.end")
    assert a == b and a is not b
    assert a != WindowInfo(None, None, None, None)
    assert repr(a).startswith("WindowInfo(start=datetime.date(2024, 9, 25), end=")


def test_catalog_is_compared_by_identity(mini: Catalog) -> None:
    assert mini == mini and hash(mini) == hash(mini)
    with pytest.raises(TypeError):
        hash(Source("Pasal 1", True))
