"""The timeline picture: valid XML, accessible, the today marker inside the right phase, texts escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from neutral_timeline.catalog.model import Catalog
from neutral_timeline.cli import main
from neutral_timeline.render import svg
from neutral_timeline.resolve.answer import Timeline
from neutral_timeline.resolve.situation import timeline
from neutral_timeline.text import Text

NS = {"s": "http://www.w3.org/2000/svg"}
MINI = Path(__file__).parents[1] / "data" / "mini"


def bounds(root: ET.Element, ident: str) -> tuple[float, float]:
    rect = root.find(f".//s:rect[@id='{ident}']", NS)
    assert rect is not None, ident
    x = float(rect.get("x", "nan"))
    return x, x + float(rect.get("width", "nan"))


def marker(root: ET.Element) -> float | None:
    line = root.find(".//s:line[@id='today']", NS)
    return None if line is None else float(line.get("x1", "nan"))


@pytest.mark.parametrize(
    ("day", "phase"),
    [
        (date(2028, 10, 3), "campaign"),  # first day of the campaign
        (date(2028, 11, 30), "campaign"),  # last day
        (date(2028, 10, 1), "number_draw"),  # a one-day phase
        (date(2028, 12, 2), "quiet_period"),
        (date(2029, 1, 7), "result_determination"),
    ],
)
def test_today_marker_lies_inside_the_phase_of_the_day(mini: Catalog, day: date, phase: str) -> None:
    root = ET.fromstring(svg.timeline(timeline(mini, "testvote-2028"), "id", day))
    left, right = bounds(root, f"phase-{phase}")
    x = marker(root)
    assert x is not None and left <= x <= right
    stages = bounds(root, "phase-stages")
    assert stages[0] <= x <= stages[1]


def test_picture_is_accessible_and_complete(mini: Catalog) -> None:
    root = ET.fromstring(svg.timeline(timeline(mini, "testvote-2028"), "en", date(2028, 10, 3)))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img" and root.get("aria-labelledby") == "svg-title svg-desc"
    assert root.findtext("s:title", namespaces=NS) == "Timeline of Test Regional Election 2028"
    desc = root.findtext("s:desc", namespaces=NS) or ""
    assert "Campaign period 3 October 2028 – 30 November 2028" in desc and desc.endswith("Today 3 October 2028.")
    phases = {r.get("id") for r in root.findall(".//s:g[@id='phases']/s:rect", NS)}
    assert "phase-campaign" in phases and len(phases) == 9
    rules = {r.get("id") for r in root.findall(".//s:g[@id='rules']/s:rect", NS)}
    assert {"rule-campaign-facilities-0", "rule-party-member-0", "rule-six-months-0"} <= rules
    # "since 2010" runs off the picture's left edge: an arrow says so
    assert root.findall(".//s:g[@id='rules']/s:polygon", NS)


def test_outside_the_timeline_there_is_no_marker_and_the_description_says_so(mini: Catalog) -> None:
    root = ET.fromstring(svg.timeline(timeline(mini, "testvote-2028"), "en", date(2030, 1, 1)))
    assert marker(root) is None
    assert "1 January 2030 lies outside this timeline." in (root.findtext("s:desc", namespaces=NS) or "")


def test_hostile_text_is_escaped(mini: Catalog) -> None:
    plain = timeline(mini, "testvote-2028")
    evil = Text('<script>alert(1)</script>"&', '<script>alert(1)</script>"&')
    hostile = Timeline(plain.id, plain.kind, evil, plain.revision, plain.revisions, plain.phases, plain.rules)
    body = svg.timeline(hostile, "id", date(2028, 10, 3))
    assert b"<script>" not in body
    root = ET.fromstring(body)
    assert root.findall(".//s:script", NS) == []
    assert root.findtext("s:title", namespaces=NS) == 'Linimasa <script>alert(1)</script>"&'


def test_cli_writes_the_picture(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "timeline.svg"
    args = ["timeline", "testvote-2028", "--data", str(MINI), "--svg", str(out), "--date", "2028-10-01", "--lang", "en"]
    assert main(args) == 0
    assert capsys.readouterr().out == ""
    root = ET.fromstring(out.read_bytes())
    left, right = bounds(root, "phase-number_draw")
    x = marker(root)
    assert x is not None and left <= x <= right
    assert main(["timeline", "testvote-2082", "--data", str(MINI), "--svg", str(out)]) == 2
