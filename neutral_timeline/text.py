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


@dataclass(frozen=True, slots=True)
class Text:
    """A text users read, in both languages."""

    id: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.id

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        # Serialised as one string in the language named by the serialisation context
        # ({"lang": "en"}); imported lazily so the CLI's cold start never pays for pydantic.
        from pydantic_core import core_schema

        def pick(value: Text, info: core_schema.SerializationInfo) -> str:
            context = info.context or {}
            return value.get(context.get("lang", DEFAULT_LANG))

        return core_schema.any_schema(
            serialization=core_schema.plain_serializer_function_ser_schema(
                pick, info_arg=True, return_schema=core_schema.str_schema()
            )
        )
