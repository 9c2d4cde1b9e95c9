"""The JSON renderer writes the very bytes pydantic's serialisation of the same answer gives."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from neutral_timeline.catalog.model import Catalog
from neutral_timeline.render.json import adapter, render
from neutral_timeline.resolve.answering import ANSWER_TYPES, answer
from neutral_timeline.resolve.questions import (
    ElectionsQuestion,
    Question,
    RegionQuestion,
    RegionsQuestion,
    RuleQuestion,
    RulesQuestion,
    SituationQuestion,
    TimelineQuestion,
)
from neutral_timeline.text import LANGS


def _questions(catalog: Catalog) -> list[Question]:
    found: list[Question] = [ElectionsQuestion(), RulesQuestion(), RegionsQuestion("banjar"), RegionQuestion("63.03")]
    found += [TimelineQuestion(e) for e in catalog.elections]
    found += [RuleQuestion(r) for r in list(catalog.rules)[:5]]
    days = [date(2019, 4, 17) + timedelta(days=61 * n) for n in range(40)]
    found += [SituationQuestion(d, None, region) for d in days for region in (None, "92.08", "34")]
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_same_bytes_as_pydantic(catalog: Catalog, lang: Any) -> None:
    for question in _questions(catalog):
        value, kind = answer(catalog, question), ANSWER_TYPES[type(question)]
        expected = adapter(kind).dump_json(value, context={"lang": lang})
        assert render(value, lang, indent=None) == expected, question
        assert render(value, lang, indent=2) == adapter(kind).dump_json(value, context={"lang": lang}, indent=2)
