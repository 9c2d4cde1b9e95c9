"""The JSON contract is pinned: a change to the situation's shape must be deliberate."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from neutral_timeline.render.json import schema
from neutral_timeline.resolve.answer import ElectionSummary, RegionDetail, RuleInfo, Situation, Timeline
from neutral_timeline.resolve.check import CheckAnswer

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    "kind", [Situation, Timeline, ElectionSummary, RuleInfo, CheckAnswer, RegionDetail], ids=lambda k: k.__name__
)
def test_json_schema_is_pinned(kind: type) -> None:
    path = GOLDEN / f"{kind.__name__.lower()}.schema.json"
    text = json.dumps(schema(kind), indent=2, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"schema changed; review and UPDATE_GOLDEN=1 ({path})"


def test_texts_are_strings_in_the_schema() -> None:
    props = schema(Situation)["$defs"]["RuleInForce"]["properties"]
    assert props["title"] == {"title": "Title", "type": "string"} or props["title"]["type"] == "string"
