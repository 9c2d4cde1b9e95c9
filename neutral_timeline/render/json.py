"""The resolver's answers as JSON in one language; their JSON Schema from pydantic.

Answers are records (dataclasses) of plain values, so the stdlib ``json`` encoder writes them
directly: fields in declaration order, a ``Text`` as the string of the language asked, dates as
ISO 8601, tuples as arrays. A test checks the bytes equal pydantic's serialisation of the same
answer, whose ``TypeAdapter`` also gives the schema published in OpenAPI; building that adapter
costs more than a whole ``today --json``, so only the schema pays for it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import _FIELD_CLASSVAR as _CLASSVAR  # type: ignore[attr-defined]  # the marker of ClassVars
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from neutral_timeline.text import Lang, Text

if TYPE_CHECKING:
    from pydantic import TypeAdapter


def plain(value: Any, lang: Lang) -> Any:
    """``value`` as JSON-ready dicts, lists, strings, numbers, booleans and None."""
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(item, lang) for item in value]
    if isinstance(value, Mapping):
        return {str(key): plain(item, lang) for key, item in value.items()}
    fields = getattr(value, "__dataclass_fields__", None)
    if fields is None:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")
    return {name: plain(getattr(value, name), lang) for name, f in fields.items() if f._field_type is not _CLASSVAR}


def render(value: Any, lang: Lang, kind: Any = None, indent: int | None = 2) -> bytes:
    """UTF-8 JSON bytes, keys in declaration order, stable for the same data (``kind`` is unused:
    the value says what it is)."""
    if indent is None:
        return json.dumps(plain(value, lang), ensure_ascii=False, separators=(",", ":")).encode()
    return json.dumps(plain(value, lang), ensure_ascii=False, indent=indent).encode()


@lru_cache(maxsize=32)
def adapter(kind: Any) -> TypeAdapter[Any]:
    from pydantic import TypeAdapter

    return TypeAdapter(kind)


def schema(kind: Any) -> dict[str, Any]:
    """The JSON Schema of what ``render`` produces for ``kind``."""
    return adapter(kind).json_schema(mode="serialization")
