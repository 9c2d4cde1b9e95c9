"""Elections announced with no schedule (calendars/announced/): what `today` says about what comes next.

MK 135/PUU-XXII/2024 (26 June 2025) separated the national election (2029: UU 7/2017 Pasal 167
ayat (1)) from the local elections held 2 to 2.5 years after its inaugurations. No law or KPU
regulation in the data sets either voting day, so no date of 2029 or later may appear.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from neutral_timeline.catalog.load import check
from neutral_timeline.catalog.model import Catalog
from neutral_timeline.render.json import render
from neutral_timeline.resolve.situation import coverage, situation


@pytest.mark.parametrize(
    ("day", "ids"),
    [
        (date(2025, 6, 25), ()),  # the day before the ruling: nothing announced yet
        (date(2025, 7, 1), ()),  # Bangka's re-election is running: that is what is in progress
        (date(2025, 9, 20), ()),  # Bangka's result is disputed at the MK: its re-election is still running
        (date(2025, 10, 3), ("pemilu-2029", "pemilu-daerah-setelah-2029")),  # after its elected pair
        (date(2026, 11, 30), ("pemilu-2029", "pemilu-daerah-setelah-2029")),
        (date(2029, 12, 31), ("pemilu-2029", "pemilu-daerah-setelah-2029")),  # its year (UU 7/2017 Pasal 167(1))
        (date(2030, 1, 1), ("pemilu-daerah-setelah-2029",)),  # past its year: no longer "next"
        (date(2032, 12, 31), ("pemilu-daerah-setelah-2029",)),  # at most 2 years 6 months after Oct 2029
        (date(2033, 1, 1), ()),
        (date(9999, 12, 31), ()),
    ],
)
def test_today_says_what_comes_next(catalog: Catalog, day: date, ids: tuple[str, ...]) -> None:
    result = situation(catalog, day)
    assert tuple(a.id for a in result.announced) == ids
    if ids:
        assert result.message is not None and "announced next" in result.message.en
        assert all(a.facts and all(f.source.urls for f in a.facts) for a in result.announced)


def test_an_announced_election_is_never_in_progress_nor_extends_coverage(catalog: Catalog) -> None:
    assert coverage(catalog).end == date(2025, 10, 2)
    assert "pemilu-2029" not in catalog.elections
    assert situation(catalog, date(2029, 4, 17)).elections == ()


def test_no_date_of_2029_or_later_appears(catalog: Catalog) -> None:
    body = render(situation(catalog, date(2026, 11, 30)), "en").decode()
    assert not re.search(r"20(29|3\d)-\d\d-\d\d", body)
    for item in catalog.announced.values():
        words = " ".join([item.name.id, item.name.en, *(f.text.id + f.text.en for f in item.facts)])
        assert not re.search(r"\b([12]?\d|3[01]) (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|"
                             r"Oktober|November|Desember|January|February|March|May|June|July|August|October|"
                             r"December) 20(29|3\d)", words)  # fmt: skip


def _with_announced(broken: Callable[[str, Callable[[str], str]], Path], text: str) -> Path:
    root = broken("phases.toml", lambda t: t)  # a copy of the mini catalog
    (root / "announced").mkdir()
    (root / "announced" / "pemilu-uji.toml").write_text(text, encoding="utf-8")
    return root


ANNOUNCED = """kind = "pemilu"
name = { id = "Pemilu uji", en = "Test election" }
announced = 2029-01-01
source = { instrument = "law-new", locator = "Pasal 1", verified = true }

[[facts]]
text = { id = "Diadakan lima tahun sekali.", en = "Held every five years." }
source = { instrument = "law-new", locator = "Pasal 2", verified = true }
"""


HELD = 'announced = 2029-01-01\nheld_by = { year = 2029 , source = { instrument = "law-new", locator = "Pasal 3", verified = true } }'


@pytest.mark.parametrize(
    ("edit", "where", "what"),
    [
        (lambda t: t.replace('"law-new", locator = "Pasal 2"', '"law-nwe", locator = "Pasal 2"'), "facts[0].source.instrument", "unknown instrument"),
        (lambda t: t[: t.index("[[facts]]")], "facts", "required key is missing"),
        (lambda t: t.replace('kind = "pemilu"', 'kind = "pemilu"\nafter = "pemilu-lain"'), "after", "unknown announced election"),
        (lambda t: t.replace("announced = 2029-01-01", 'announced = "2029"'), "announced", "not a date"),
        (lambda t: t.replace("announced = 2029-01-01", HELD.replace("law-new", "law-nwe")), "held_by.source.instrument", "unknown instrument"),
        (lambda t: t.replace("announced = 2029-01-01", HELD.replace("2029 ,", '"2029" ,')), "held_by.year", ""),
        (lambda t: t.replace("announced = 2029-01-01", HELD.replace("year = 2029", "year = 29")), "held_by.year", ""),
    ],
    ids=["unknown-instrument", "no-facts", "unknown-after", "not-a-date", "held-by-source", "held-by-text", "held-by-small"],
)  # fmt: skip
def test_each_announced_error_kind_is_located(
    broken: Callable[[str, Callable[[str], str]], Path], edit: Callable[[str], str], where: str, what: str
) -> None:
    root = _with_announced(broken, edit(ANNOUNCED))
    problems = check(root)
    assert any("announced/pemilu-uji.toml" in p.where and where in p.where and what in str(p) for p in problems), (
        "\n".join(map(str, problems))
    )


def test_a_valid_announced_file_loads(broken: Callable[[str, Callable[[str], str]], Path]) -> None:
    assert check(_with_announced(broken, ANNOUNCED)) == []


def test_an_announced_election_asked_by_id_is_said_to_have_no_schedule(catalog: Catalog) -> None:
    from neutral_timeline.errors import NotFoundError

    with pytest.raises(NotFoundError) as info:
        situation(catalog, date(2026, 11, 30), "pemilu-2029")
    (problem,) = info.value.problems
    assert problem.where == "election" and "announced but has no schedule yet" in str(problem)
    assert "did you mean" not in str(problem)  # not an unknown id close to pemilu-2024
    assert situation(catalog, date(2024, 10, 1), "PILKADA-2024").elections[0].id == "pilkada-2024"
