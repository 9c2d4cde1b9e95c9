"""Immutable records that are cheap to define: the base of every catalog and answer type.

``@dataclass(frozen=True)`` compiles five methods per class with ``exec`` (init, repr, eq,
setattr, delattr); on Python 3.11 that is ~0.7 ms a class, and the CLI's cold start defines
~35 of them. A record is ``@dataclass(repr=False, eq=False)`` on this base: only ``__init__`` is
generated, while immutability (fields set once, by ``__init__``), ``repr`` and value equality
come from the three methods below, shared by every record.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from typing import Any


class Record:
    __slots__ = ()
    # Defining __eq__ makes Python set __hash__ to None: equal by value, so not hashable.

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self.__dict__:
            raise FrozenInstanceError(f"cannot assign to field '{name}' of an immutable {type(self).__name__}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field '{name}' of an immutable {type(self).__name__}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({fields})"
