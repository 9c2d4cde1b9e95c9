"""Bilingual text: Bahasa Indonesia first, English second, chosen at render time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, get_args

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "id"


@dataclass(frozen=True)
class Text:
    """A text users read, in both languages."""

    id: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.id

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        # Serialised as one string in the language named by the serialisation context
        # ({"lang": "en"}); read back from such a string (the HTTP client) or from {id, en}.
        # Imported lazily so the CLI's cold start never pays for pydantic.
        from pydantic_core import core_schema

        def pick(value: Text, info: core_schema.SerializationInfo) -> str:
            context = info.context or {}
            return value.get(context.get("lang", DEFAULT_LANG))

        def read(value: Any) -> Text:
            if isinstance(value, Text):
                return value
            if isinstance(value, str):
                return Text(value, value)
            if isinstance(value, dict) and isinstance(value.get("id"), str) and isinstance(value.get("en"), str):
                return Text(value["id"], value["en"])
            raise ValueError("expected a text: a string, or {id, en}")

        return core_schema.no_info_plain_validator_function(
            read,
            json_schema_input_schema=core_schema.str_schema(),
            serialization=core_schema.plain_serializer_function_ser_schema(
                pick, info_arg=True, return_schema=core_schema.str_schema()
            ),
        )
