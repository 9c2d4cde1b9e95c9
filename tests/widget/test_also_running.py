"""The widget page names the other election in progress that day in one line that opens to the whole
message, and still fits WordPress's 1,000 px at 400 px wide (25 September 2024: Pilkada and Pemilu)."""

from __future__ import annotations

import httpx
import pytest

from tests.widget.conftest import Opener

WORDPRESS_MAX = 1000


@pytest.mark.parametrize(("lang", "names"), [("id", "Pemilu 2024"), ("en", "2024 General Election")])
def test_the_other_election_in_progress_is_one_line_that_opens(
    visits: Opener, bundled: str, lang: str, names: str
) -> None:
    visit = visits(width=400)
    visit.site = bundled
    page = visit.page()
    query = {"date": "2024-09-25", "lang": lang}
    page.goto(f"{bundled}/widget/pilkada-2024?date=2024-09-25&lang={lang}")
    message = httpx.get(f"{bundled}/api/v1/elections/pilkada-2024/situation", params=query).json()["message"]
    assert message and names in message
    summary = page.locator(".nt-head details.nt-also summary")
    assert summary.inner_text() == message
    closed = summary.bounding_box()
    height = page.evaluate("() => document.documentElement.scrollHeight")
    print(f"widget at 400 px ({lang}) with the other election named: {height} px; the line {closed}")
    assert closed is not None and closed["height"] < 25  # one line, cut with an ellipsis
    assert height <= WORDPRESS_MAX
    summary.click()
    opened = summary.bounding_box()
    assert opened is not None and opened["height"] > 2 * closed["height"]  # the whole message, wrapped
    assert visit.errors == []
