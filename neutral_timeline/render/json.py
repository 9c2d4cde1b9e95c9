"""The resolver's answers as JSON (pydantic serialisation), in one language, with a JSON Schema."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter

from neutral_timeline.text import Lang


@lru_cache(maxsize=32)
def adapter(kind: Any) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


def _kind(value: Any, kind: Any) -> Any:
    return kind if kind is not None else type(value)


def render(value: Any, lang: Lang, kind: Any = None, indent: int | None = 2) -> bytes:
    """UTF-8 JSON bytes, keys in declaration order, stable for the same data."""
    return adapter(_kind(value, kind)).dump_json(value, context={"lang": lang}, indent=indent)


def schema(kind: Any) -> dict[str, Any]:
    """The JSON Schema of what ``render`` produces for ``kind``."""
    return adapter(kind).json_schema(mode="serialization")
