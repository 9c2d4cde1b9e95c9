"""Records: immutable after __init__, equal by value, readable repr, hashable only where said."""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import FrozenInstanceError
from datetime import date

import pytest

from neutral_timeline.catalog.model import Catalog, Source
from neutral_timeline.record import Record
from neutral_timeline.resolve.answer import Countdown, WindowInfo


def test_fields_cannot_change_or_go() -> None:
    source = Source("Pasal 1", True)
    with pytest.raises(FrozenInstanceError):
        source.locator = "Pasal 2"  # type: ignore[misc]
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


def test_new_attributes_are_refused() -> None:
    source = Source("Pasal 1", True)
    with pytest.raises(FrozenInstanceError):
        source.extra = 5
    with pytest.raises(FrozenInstanceError):
        Countdown(date(2024, 11, 27), 3).extra = 4
    assert not hasattr(source, "__dict__")


def _records() -> list[type[Record]]:
    import neutral_timeline.catalog.regions
    import neutral_timeline.render.ics
    import neutral_timeline.resolve.feed
    import neutral_timeline.resolve.index  # noqa: F401  (defines records)

    found: list[type[Record]] = []
    todo = list(Record.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if getattr(sys.modules[cls.__module__], cls.__qualname__, None) is cls:  # not @dataclass's pre-slots draft
            found.append(cls)
    return found


def test_every_record_is_frozen_and_slotted() -> None:
    records = _records()
    assert len(records) >= 30
    for cls in records:
        if cls.__dict__.get("__abstract_base__"):  # a base that only shares behaviour (Question)
            continue
        assert dataclasses.is_dataclass(cls), cls
        assert "__slots__" in cls.__dict__ and cls.__dictoffset__ == 0, f"{cls.__name__} has a __dict__"
        assert cls.__setattr__ is Record.__setattr__, cls


def test_init_takes_positions_keywords_defaults_and_factories() -> None:
    from neutral_timeline.catalog.model import Revision

    assert Source("Pasal 1", True) == Source(locator="Pasal 1", verified=True, instrument=None, urls=())
    assert Source("Pasal 1", True, urls=("https://example.org",)).urls == ("https://example.org",)
    a = Revision("r", "pkpu", date(2024, 1, 26), {})
    b = Revision("r", "pkpu", date(2024, 1, 26), {})
    assert a.windows == {} and a.windows is not b.windows  # a fresh default per record
    assert dataclasses.replace(a, id="s").id == "s" and a.id == "r"
    with pytest.raises(TypeError):
        Source("Pasal 1")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Source("Pasal 1", True, colour="red")  # type: ignore[call-arg]


def test_a_record_declared_with_plain_dataclass_says_what_to_do() -> None:
    @dataclasses.dataclass(repr=False, eq=False)
    class Legacy(Record):
        x: int

    with pytest.raises(TypeError, match="declare Legacy with @record"):
        Legacy(1)
