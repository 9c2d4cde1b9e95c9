"""Immutable records, cheap to define: the base and decorator of every catalog and answer type.

``@record`` makes a slotted dataclass (no ``__dict__``, so no new attribute) whose fields are
set once, by ``__init__``: ``Record`` refuses every later ``setattr`` and ``delattr``, and gives
every record its ``repr`` and value equality. ``@dataclass(frozen=True, slots=True)`` would do
the same, but compiles three methods per class with ``exec`` (``__init__``, ``__setattr__``,
``__delattr__``, ~0.15 ms each) and the CLI's cold start defines ~35 records: ``@record``
compiles only ``__init__``, which sets fields with ``object.__setattr__`` as a frozen
dataclass's does. A record is a real dataclass (``fields``, ``replace``, pydantic work).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from typing import Any, TypeVar, dataclass_transform

R = TypeVar("R", bound=type)


class Record:
    __slots__ = ()
    # Defining __eq__ makes Python set __hash__ to None: equal by value, so not hashable.

    def __setattr__(self, name: str, value: Any) -> None:
        if hasattr(self, "__dict__"):  # an @dataclass (not @record) whose __init__ sets fields with setattr
            raise TypeError(f"declare {type(self).__name__} with @record (neutral_timeline.record), not @dataclass")
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


@dataclass_transform(frozen_default=True, eq_default=False, field_specifiers=(field,))
def record(cls: R) -> R:
    """A slotted dataclass on ``Record`` with an ``__init__`` that sets each field once."""
    if not issubclass(cls, Record):
        raise TypeError(f"@record needs a Record subclass, not {cls.__name__}")
    made: Any = dataclass(init=False, repr=False, eq=False, slots=True)(cls)
    made.__init__ = _init(made)
    return made  # type: ignore[no-any-return]


def _init(cls: type) -> Callable[..., None]:
    """``__init__`` as @dataclass(frozen=True) writes it: positional or keyword, defaults, factories, __post_init__."""
    names: dict[str, Any] = {"_set": object.__setattr__, "_missing": MISSING}
    params: list[str] = []
    body: list[str] = []
    for f in fields(cls):
        if f.kw_only:  # pragma: no cover - no record uses them
            raise TypeError(f"{cls.__name__}.{f.name}: @record does not support keyword-only fields")
        names[f"_default_{f.name}"], names[f"_factory_{f.name}"] = f.default, f.default_factory
        if f.default is not MISSING:
            param, value = f"{f.name}=_default_{f.name}", f"_default_{f.name}"
        elif f.default_factory is not MISSING:
            param, value = f"{f.name}=_missing", f"_factory_{f.name}()"
            value = f"{value} if {f.name} is _missing else {f.name}" if f.init else value
        else:
            param, value = f.name, ""
        if f.init:
            params.append(param)
            body.append(f"_set(self, {f.name!r}, {value if f.default_factory is not MISSING else f.name})")
        elif value:  # init=False with a default: set it; without one, __post_init__ does
            body.append(f"_set(self, {f.name!r}, {value})")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    source = f"def __init__(self, {', '.join(params)}):\n    " + "\n    ".join(body or ["pass"])
    scope: dict[str, Any] = {}
    exec(source, names, scope)  # the one method a record compiles
    init: Callable[..., None] = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init
