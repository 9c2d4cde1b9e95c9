"""Every refusal is said in the reader's language: Indonesian by default, English with ``lang=en``
or ``Accept-Language: en``; the ``where`` and the code never change. Real HTTP through the app."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

from neutral_timeline.api.app import create_service
from neutral_timeline.catalog.model import Catalog
from tests.api.conftest import TESTSERVER

# (method, url, headers) -> a refusal made before routing (guards) or by parameter validation
REFUSALS = [
    ("GET", "/api/v1/regions?q=banjar&limit=abc", {}, 422, "query.limit"),
    ("GET", "/api/v1/regions?q=banjar&limit=0", {}, 422, "query.limit"),
    ("GET", "/api/v1/regions?q=banjar&limit=1000", {}, 422, "query.limit"),
    ("GET", "/api/v1/regions", {}, 422, "query.q"),
    ("GET", "/ics/all.ics?reminder_events=maybe", {}, 422, "query.reminder_events"),
    ("GET", "/ics/all.ics?reminders=91d", {}, 422, "reminders"),
    ("GET", "/ics/all.ics?phases=some", {}, 422, "phases"),
    ("GET", "/static/nothing.js", {}, 404, "static"),
    ("GET", "/oembed?url=http://testserver/widget/x&format=xml", {}, 501, "format"),
    ("GET", "/api/v1/today?x=" + "a" * 9000, {}, 414, None),
    ("GET", "/api/v1/today", {"host": "evil.example"}, 400, "Host"),
    ("GET", "/api/v1/today", {"content-length": "100000"}, 413, "body"),
]


async def _ask(catalog: Catalog, method: str, url: str, headers: dict[str, str]) -> httpx.Response:
    transport = httpx.ASGITransport(app=create_service(catalog, TESTSERVER))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        return await c.request(method, url, headers=headers)


def _english(url: str) -> str:
    return url + ("&" if "?" in url else "?") + "lang=en"


@pytest.mark.anyio
@pytest.mark.parametrize(("method", "url", "headers", "status", "where"), REFUSALS)
async def test_a_refusal_is_indonesian_by_default_and_english_on_request(
    mini: Catalog, method: str, url: str, headers: dict[str, str], status: int, where: str | None
) -> None:
    said_id = await _ask(mini, method, url, headers)
    said_en = await _ask(mini, method, _english(url), headers)
    said_accept = await _ask(mini, method, url, {**headers, "accept-language": "en-GB,en;q=0.9"})
    for response in (said_id, said_en, said_accept):
        assert response.status_code == status
        problem = response.json()["error"]["problems"][0]
        assert where is None or problem["where"] == where
    id_problem = said_id.json()["error"]["problems"][0]
    en_problem = said_en.json()["error"]["problems"][0]
    assert said_id.headers["content-language"] == "id" and said_en.headers["content-language"] == "en"
    assert said_accept.json() == said_en.json()
    # the Indonesian text is a translation, not the English one passed through
    assert id_problem["what"] != en_problem["what"], id_problem
    assert id_problem["where"] == en_problem["where"]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "neutral_timeline", *args], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize(
    ("args", "indonesian", "english"),
    [
        (["today", "--server", "http://127.0.0.1:9"], "server tidak dapat dihubungi", "cannot reach the server"),
        (["serve", "--public-url", "foo"], "tidak diawali http://", "does not start with http://"),
        (["serve", "--public-url", "https://x.example/path"], "memuat path", "has a path"),
    ],
)
def test_cli_refusals_follow_lang(args: list[str], indonesian: str, english: str) -> None:
    said_id, said_en = _cli(*args), _cli(*args, "--lang", "en")
    assert said_id.returncode == said_en.returncode == 2
    assert indonesian in said_id.stderr and english not in said_id.stderr
    assert english in said_en.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["ics", "pilkada-2024", "-o", "/nonexistent/x.ics"],
        ["ics", "pilkada-2024", "-o", "/tmp"],
        ["timeline", "pemilu-2024", "--svg", "/tmp"],
        ["export", "/proc/neutral-timeline-test", "--quiet"],
    ],
)
def test_an_unwritable_output_is_a_clear_refusal_not_a_traceback(args: list[str]) -> None:
    said_id, said_en = _cli(*args), _cli(*args, "--lang", "en")
    assert said_id.returncode == said_en.returncode == 2
    assert "Traceback" not in said_id.stderr + said_en.stderr
    assert "tidak dapat" in said_id.stderr and "cannot" in said_en.stderr


@pytest.mark.parametrize(
    ("args", "where"),
    [(["check", ""], "q"), (["check", "   "], "q"), (["check", "a" * 101], "q"), (["today", "--date="], "--date")],
)
def test_an_empty_question_or_date_is_refused_as_the_api_refuses_it(args: list[str], where: str) -> None:
    said = _cli(*args)
    assert said.returncode == 2 and f"{where}:" in said.stderr and "Traceback" not in said.stderr


@pytest.mark.anyio
async def test_a_question_of_spaces_is_a_422_not_an_empty_check(mini: Catalog) -> None:
    response = await _ask(mini, "GET", "/api/v1/check?q=%20%20%20", {})
    assert response.status_code == 422 and response.json()["error"]["problems"][0]["where"] == "q"


@pytest.mark.parametrize("port", ["99999", "0", "-1"])
def test_a_port_out_of_range_is_blamed_on_port(port: str) -> None:
    said = _cli("serve", "--port", port)
    assert said.returncode == 2 and "--port:" in said.stderr and "PUBLIC_URL" not in said.stderr
