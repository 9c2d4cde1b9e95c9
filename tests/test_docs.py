"""The README stays true: its commands, routes and elections exist; its benchmark figures are filled in."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from neutral_timeline.api.app import create_app
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.cli import parser

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def _subcommands() -> set[str]:
    action = next(a for a in parser()._actions if a.dest == "command")
    return set(action.choices)  # type: ignore[arg-type]


def test_every_command_in_the_readme_exists() -> None:
    used = set(re.findall(r"bin/neutral-timeline (\w+)", README))
    assert used <= _subcommands()


def test_the_readme_shows_every_command() -> None:
    used = set(re.findall(r"bin/neutral-timeline (\w+)", README))
    assert _subcommands() <= used, f"undocumented: {_subcommands() - used}"


def test_every_election_named_in_the_readme_exists(catalog: Catalog) -> None:
    lines = [line for line in README.splitlines() if "unknown election" not in line]  # the error example
    named = set(re.findall(r"\b(pilkada-\d{4}|pemilu-\d{4})\b", "\n".join(lines)))
    assert named and named <= set(catalog.elections)


@pytest.mark.anyio
async def test_every_route_in_the_readme_exists(mini: Catalog) -> None:
    transport = httpx.ASGITransport(app=create_app(mini))
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:  # an allowed host
        spec = (await client.get("/openapi.json")).json()
    documented = {re.sub(r"\{[^}]+\}", "{}", path) for path in spec["paths"]}
    for route in re.findall(r"`GET (/(?:api|ics)[^ `?]*)", README):
        assert re.sub(r"\{[^}]+\}", "{}", route) in documented, route


@pytest.fixture()
def anyio_backend() -> str:
    return "asyncio"


def test_benchmark_figures_are_written_down() -> None:
    section = README.split("### Benchmark figures", 1)[1]
    assert "Not yet measured" not in section
    for figure in ("resolve one date", "cli cold start", "JSON situation"):
        assert figure in section
