"""One broken data file per error kind: each is refused whole, with a located, helpful message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from neutral_timeline.catalog.load import check, load_catalog
from neutral_timeline.cli import main
from neutral_timeline.errors import DataError

ELECTION = "elections/testvote-2028.toml"
RULE = "rules/six-months.toml"

CASES: list[tuple[str, str, Callable[[str], str], str, str]] = [
    # (case id, file, edit, expected location fragment, expected message fragment)
    (
        "impossible-date",
        ELECTION,
        lambda t: t.replace("end = 2028-10-31", "end = 2028-10-32", 1),
        "elections/testvote-2028.toml: revisions.sched-a.phases.campaign.end",
        "'2028-10-32' is not a date (line 13, column 40)",
    ),
    (
        "quoted-date",
        ELECTION,
        lambda t: t.replace("start = 2028-09-03", 'start = "2028-09-03"', 1),
        "revisions.sched-a.phases.campaign.start",
        "is not a date",
    ),
    (
        "end-before-start",
        ELECTION,
        lambda t: t.replace("start = 2028-09-03, end = 2028-10-31", "start = 2028-10-31, end = 2028-09-03", 1),
        "revisions.sched-a.phases.campaign",
        "before start",
    ),
    (
        "duplicate-key",
        "instruments/law-new.toml",
        lambda t: t + 'short = "again"\n',
        "instruments/law-new.toml",
        "not valid TOML",
    ),
    (
        "unknown-key",
        "instruments/law-new.toml",
        lambda t: t + 'titel = "x"\n',
        "instruments/law-new.toml: titel",
        "unknown key 'titel'",
    ),
    (
        "missing-source",
        ELECTION,
        lambda t: t.replace(
            'number_draw = { start = 2028-09-01, end = 2028-09-01, source = { locator = "Lampiran", verified = true } }',
            "number_draw = { start = 2028-09-01, end = 2028-09-01 }",
        ),
        "revisions.sched-a.phases.number_draw.source",
        "required key is missing",
    ),
    (
        "verified-not-stated",
        "instruments/law-new.toml",
        lambda t: t.replace("verified = true\n", ""),
        "instruments/law-new.toml: verified",
        "required key is missing",
    ),
    (
        "unknown-anchor-phase",
        RULE,
        lambda t: t.replace('until = "result_determination.end"', 'until = "result_determinaton.end"'),
        "rules/six-months.toml: windows[0].until",
        "lacks",
    ),
    (
        "bad-duration",
        RULE,
        lambda t: t.replace('offset = "-P6M"', 'offset = "-6 months"'),
        "rules/six-months.toml: windows[0].from",
        "not a signed ISO 8601 duration",
    ),
    (
        "bad-anchor-form",
        RULE,
        lambda t: t.replace('until = "result_determination.end"', 'until = "result_determination"'),
        "rules/six-months.toml: windows[0].until",
        "is not a window end",
    ),
    (
        "window-inverted-by-offset",
        RULE,
        lambda t: t.replace(
            'until = "result_determination.end"', 'until = { anchor = "stages.start", offset = "-P1Y" }'
        ),
        "rules/six-months.toml: windows[0]",
        "before it starts",
    ),
    (
        "unknown-instrument",
        RULE,
        lambda t: t.replace('instrument = "pilkada-law"', 'instrument = "pilkada-lawz"'),
        "rules/six-months.toml: basis[0].instrument",
        "unknown instrument 'pilkada-lawz'",
    ),
    (
        "no-scope",
        RULE,
        lambda t: t.split("[[windows]]")[0],
        "rules/six-months.toml",
        "exactly one time scope",
    ),
    (
        "both-scopes",
        RULE,
        lambda t: t.replace('tags = ["programmes"]', 'tags = ["programmes"]\nalways = true'),
        "rules/six-months.toml",
        "exactly one time scope",
    ),
    (
        "unknown-tag",
        RULE,
        lambda t: t.replace('tags = ["programmes"]', 'tags = ["programs"]'),
        "rules/six-months.toml: tags[0]",
        "programmes",
    ),
    (
        "missing-standard-phase",
        ELECTION,
        lambda t: t.replace(
            'quiet_period = { start = 2028-11-01, end = 2028-11-03, source = { locator = "Lampiran", verified = false } }\n',
            "",
        ),
        "revisions.sched-a.phases.quiet_period",
        "standard phase 'quiet_period' is missing",
    ),
    (
        "phase-outside-stages",
        ELECTION,
        lambda t: t.replace(
            "result_determination = { start = 2028-12-01", "result_determination = { start = 2026-12-01", 1
        ),
        "revisions.sched-a.phases.result_determination",
        "outside stages",
    ),
    (
        "voting-day-two-days",
        ELECTION,
        lambda t: t.replace(
            "voting_day = { start = 2028-11-04, end = 2028-11-04",
            "voting_day = { start = 2028-11-04, end = 2028-11-05",
            1,
        ),
        "revisions.sched-a.phases.voting_day",
        "voting_day spans 2 days",
    ),
    (
        "bad-url",
        "instruments/law-new.toml",
        lambda t: t.replace('"https://example.org/law-new"', '"example.org/law-new"'),
        "instruments/law-new.toml: urls[0]",
        "not an http(s) URL",
    ),
    (
        "unknown-applies-to",
        "instruments/sched-a.toml",
        lambda t: t.replace('applies_to = ["testvote-2028"]', 'applies_to = ["testvote-2029"]'),
        "instruments/sched-a.toml: applies_to",
        "unknown election or kind 'testvote-2029'",
    ),
    (
        "bad-file-name",
        "rules/Bad_Name.toml",
        lambda t: 'kind = "prohibition"\n',
        "rules/Bad_Name.toml",
        "not a valid id",
    ),
]


@pytest.mark.parametrize(("relative", "edit", "where", "what"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_error_kind_is_located_and_refused_whole(
    broken: Callable[[str, Callable[[str], str]], Path],
    relative: str,
    edit: Callable[[str], str],
    where: str,
    what: str,
) -> None:
    root = broken(relative, edit)
    problems = check(root)
    assert problems, "the broken catalog was accepted"
    assert any(where in p.where and what in str(p) for p in problems), "\n".join(map(str, problems))
    with pytest.raises(DataError):
        load_catalog(root)


def test_did_you_mean_on_unknown_anchor_and_instrument(broken: Callable[[str, Callable[[str], str]], Path]) -> None:
    root = broken(RULE, lambda t: t.replace('until = "result_determination.end"', 'until = "result_determinaton.end"'))
    (problem,) = check(root)
    assert problem.suggestion == "did you mean 'result_determination.end'?"
    root2 = broken("instruments/law-new.toml", lambda t: t + 'titel = "x"\n')
    assert any(p.suggestion == "did you mean 'title'?" for p in check(root2))


def test_several_errors_are_all_reported(broken: Callable[[str, Callable[[str], str]], Path]) -> None:
    root = broken(
        ELECTION,
        lambda t: t.replace("start = 2028-09-03", 'start = "2028-09-03"', 1).replace(
            "enacted = 2028-03-01", 'enacted = "1 Maret 2028"'
        ),
    )
    problems = check(root)
    assert len(problems) >= 2
    assert all(p.where.startswith("calendars/elections/testvote-2028.toml") for p in problems)


def test_validate_command_reports_and_exits_1(
    broken: Callable[[str, Callable[[str], str]], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = broken(RULE, lambda t: t.replace('offset = "-P6M"', 'offset = "P6X"'))
    assert main(["validate", str(root), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "rules/six-months.toml: windows[0].from" in err
    assert "1 problem in " in err and "nothing was loaded" in err
    assert main(["validate", str(root)]) == 1  # Indonesian by default; the data errors stay English
    err = capsys.readouterr().err
    assert "rules/six-months.toml: windows[0].from.offset: 'P6X' is not a signed ISO 8601" in err
    assert "1 masalah di " in err and "tidak ada yang dimuat" in err


def test_serving_commands_refuse_invalid_data(
    broken: Callable[[str, Callable[[str], str]], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = broken(RULE, lambda t: t.replace('offset = "-P6M"', 'offset = "P6X"'))
    assert main(["today", "--data", str(root), "--date", "2028-10-01", "--lang", "en"]) == 1
    assert "error: the calendars are invalid (1 problem):" in capsys.readouterr().err
    assert main(["today", "--data", str(root), "--date", "2028-10-01"]) == 1
    assert "kesalahan: kalender tidak sah (1 masalah):" in capsys.readouterr().err


def test_mini_catalog_is_valid() -> None:
    assert check(Path(__file__).parents[1] / "data" / "mini") == []
