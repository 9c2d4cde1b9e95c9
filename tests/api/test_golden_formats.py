"""One golden file per output format, served by the real app over the mini catalog.

Terminal and JSON goldens live in test_cli.py; this pins ICS, SVG, HTML (widget page and home
page) and the JSON API bodies byte for byte, so a refactor that changes any of them shows up
here. ``UPDATE_GOLDEN=1`` rewrites the files; review the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

GOLDEN = Path(__file__).parents[1] / "golden" / "formats"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))

CASES = [
    ("feed-testvote.ics", "/ics/testvote-2028.ics"),
    ("feed-testvote-en-kaimana.ics", "/ics/testvote-2028.ics?lang=en&region=92.08&reminders=7d&reminder_events=true"),
    ("feed-all.ics", "/ics/all.ics?reminders="),
    ("timeline-testvote.svg", "/elections/testvote-2028/timeline.svg?date=2028-10-01"),
    ("timeline-testvote-en.svg", "/elections/testvote-2028/timeline.svg?date=2028-10-01&lang=en"),
    ("widget-testvote.html", "/widget/testvote-2028?date=2028-10-01"),
    ("widget-testvote-en-dark.html", "/widget/testvote-2028?date=2028-10-01&lang=en&theme=dark&region=92.08"),
    ("home-en.html", "/?date=2028-10-01&lang=en"),
    ("situation-testvote.json", "/api/v1/elections/testvote-2028/situation?date=2028-10-01&region=92.08"),
    ("today-none.json", "/api/v1/today?date=2026-06-01&lang=en"),
    ("timeline-testvote.json", "/api/v1/elections/testvote-2028/timeline"),
    ("rules.json", "/api/v1/rules?lang=en"),
    ("elections.json", "/api/v1/elections"),
    ("feeds.json", "/api/v1/feeds"),
]


@pytest.mark.anyio
@pytest.mark.parametrize(("name", "url"), CASES)
async def test_format_golden(client: httpx.AsyncClient, name: str, url: str) -> None:
    response = await client.get(url)
    assert response.status_code == 200, response.text
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(response.content)
    assert response.content == path.read_bytes(), f"{url} differs from {path} (UPDATE_GOLDEN=1 to accept)"
