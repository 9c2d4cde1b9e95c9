"""Immutable records: the base of every catalog and answer type.

A record is ``@dataclass(frozen=True, slots=True, repr=False, eq=False)`` on this base: frozen,
so the generated ``__init__`` sets each field once with ``object.__setattr__`` and nothing sets
or deletes one afterwards; slotted, so a record has no ``__dict__`` and takes no new attribute.
``repr``, value equality and the refusals come from the methods below, shared by every record:
``@dataclass`` compiles each method it generates with ``exec`` (~0.15 ms a method), and the
CLI's cold start defines ~35 records.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from typing import Any


class Record:
    __slots__ = ()
    # Defining __eq__ makes Python set __hash__ to None: equal by value, so not hashable.

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # frozen=True adds a __setattr__ and __delattr__ per class; with slots=True on Python 3.11
        # they call super() on the class as it was before slots were added, so setting a new
        # attribute raised TypeError. The shared ones below refuse every name alike.
        for name in ("__setattr__", "__delattr__"):
            if name in cls.__dict__:
                delattr(cls, name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot set '{name}': a {type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete '{name}': a {type(self).__name__} is immutable")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__dataclass_fields__)  # type: ignore[attr-defined]

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__dataclass_fields__)  # type: ignore[attr-defined]
        return f"{type(self).__name__}({fields})"
