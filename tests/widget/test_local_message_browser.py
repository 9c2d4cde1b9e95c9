"""The <neutral-timeline> web component and the widget page in Debian's Chromium, over the bundled
calendars, for Pilkada 2024 on days it runs only in Kabupaten Bangka and Kota Pangkalpinang (their
2025 re-elections): both say what runs where that day, in the same words, after voting day too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from neutral_timeline.catalog.store import bundled_calendars
from tests.serving import serving
from tests.widget.conftest import Visit
from tests.widget.pages import article, element

SHADOW_MESSAGE = "neutral-timeline .nt-message"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled calendars this time (the widget tests' own server holds only the mini catalog)."""
    with serving(bundled_calendars(), tmp_path_factory.mktemp("cache")) as url:
        yield url


@pytest.mark.parametrize(
    ("day", "lang", "said"),
    [
        ("2025-08-28", "en", "Kabupaten Bangka, Kota Pangkal Pinang (Vote counting and recapitulation until 2 September 2025)"),
        ("2025-09-03", "id", "Kabupaten Bangka (Perselisihan hasil di Mahkamah Konstitusi sampai 29 September 2025); "
                             "Kota Pangkal Pinang (Penetapan calon terpilih sampai 14 September 2025)"),
    ],
)  # fmt: skip
def test_the_element_and_the_widget_page_say_what_runs_where(
    visit: Visit, site: str, day: str, lang: str, said: str
) -> None:
    page = visit.page()
    page.goto(f"{site}/widget/pilkada-2024?date={day}&lang={lang}")
    framed = page.locator(".nt-message").inner_text()
    assert said in framed
    page.goto(visit.host_page(f"/local-{day}-{lang}", article(element(site, lang, day, "pilkada-2024"))))
    page.locator(SHADOW_MESSAGE).wait_for()
    assert page.locator(SHADOW_MESSAGE).inner_text() == framed
    assert "vote again" not in framed and "memilih lagi" not in framed
    assert visit.errors == []
