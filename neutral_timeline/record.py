"""Immutable records that are cheap to define: the base of every catalog and answer type.

``@dataclass(frozen=True)`` generates three extra methods per class with ``exec``; on Python
3.11 that is ~0.4 ms a class, and the CLI's cold start defines ~30 of them. A record is a plain
dataclass whose fields can be set once (by ``__init__``) and never changed or deleted after.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from typing import Any


class Record:
    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self.__dict__:
            raise FrozenInstanceError(f"cannot assign to field '{name}' of an immutable {type(self).__name__}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field '{name}' of an immutable {type(self).__name__}")
