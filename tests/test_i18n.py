"""The gettext catalogs: every msgid translated in both languages, plurals, and dates as CLDR says."""

from __future__ import annotations

import string
from datetime import date, timedelta
from pathlib import Path

import pytest
from babel.dates import format_date
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import neutral_timeline
from neutral_timeline import i18n
from neutral_timeline.i18n import LABELS, Plural, days, label, long_date, short_date, span
from neutral_timeline.text import LANGS, Lang

PACKAGE = Path(neutral_timeline.__file__).parent
KEYWORDS = {
    "_": None,
    "N_": None,
    "NP_": (1, 2),
    "NPC_": ((1, "c"), 2, 3),
    "NC_": ((1, "c"), 2),
}  # as in the Makefile's `messages`


def _po(lang: str) -> Catalog:
    with (PACKAGE / "locale" / lang / "LC_MESSAGES" / "neutral_timeline.po").open("rb") as f:
        return read_po(f, locale=lang)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", LANGS)
def test_every_msgid_has_a_translation_with_the_same_placeholders(lang: str) -> None:
    catalog = _po(lang)
    assert len(catalog) > 100
    for message in catalog:
        if not message.id:
            continue
        ids = [str(i) for i in (message.id if isinstance(message.id, tuple) else (message.id,))]
        strings = [str(s) for s in (message.string if isinstance(message.string, tuple) else (message.string,)) if s]
        assert strings, (lang, message.id)
        assert not message.fuzzy, (lang, message.id)
        assert len(strings) == (catalog.num_plurals if isinstance(message.id, tuple) else 1), (lang, message.id)
        for text in strings:
            assert _fields(text) <= _fields(ids[-1]) and _fields(ids[-1]) - _fields(text) <= {"n"}, (lang, message.id)
        assert not list(message.check(catalog)), (lang, message.id)


def test_the_catalogs_hold_every_msgid_the_code_marks_and_no_other() -> None:
    marked = {
        (context, msgid if isinstance(msgid, str) else msgid[0])
        for _, _, msgid, _, context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
        )
    }
    for lang in LANGS:
        in_po = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in _po(lang) if m.id}
        assert marked <= in_po, (lang, marked - in_po)
        assert not in_po - marked, (lang, in_po - marked)


def test_argparse_words_are_argparses_msgids() -> None:
    """The CLI translates argparse's own words by their msgids: they must be argparse's."""
    import argparse

    from babel.messages.extract import extract_from_file

    from neutral_timeline.cli import ARGPARSE_WORDS

    theirs = {
        msgid if isinstance(msgid, str) else msgid[0]
        for _, msgid, _, _ in extract_from_file("python", argparse.__file__, keywords={"_": None, "ngettext": (1, 2)})
    }
    ours = {word if isinstance(word, str) else word.singular for word in ARGPARSE_WORDS}
    assert ours <= theirs, ours - theirs
    assert {"usage: ", "positional arguments", "options", "show this help message and exit"} <= ours


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_catalog_is_the_po_plus_cldr_names(lang: Lang) -> None:
    """make setup / the wheel hook compiled the .po; a missing .mo is an error, never English."""
    mo = PACKAGE / "locale" / lang / "LC_MESSAGES" / "neutral_timeline.mo"
    with mo.open("rb") as f:
        compiled = read_mo(f)
    source = _po(lang)
    for message in source:
        if message.id:
            assert compiled.get(message.id, message.context) is not None, message.id
    assert compiled.get("8", i18n.MONTH).string == ("Agustus" if lang == "id" else "August")  # type: ignore[union-attr]


def test_a_missing_catalog_fails_loudly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translations.cache_clear()
    try:
        with pytest.raises(FileNotFoundError):
            i18n.gettext("id")
    finally:
        monkeypatch.undo()
        i18n.translations.cache_clear()


@pytest.mark.parametrize("lang", LANGS)
def test_every_day_2020_2026_matches_babel(lang: Lang) -> None:
    day = date(2020, 1, 1)
    while day <= date(2026, 12, 31):
        assert long_date(day, lang) == format_date(day, "EEEE, d MMMM y", locale=lang)
        assert short_date(day, lang) == format_date(day, "d MMMM y", locale=lang)
        day += timedelta(days=1)


@pytest.mark.parametrize("lang", LANGS)
def test_abbreviated_months_match_babel(lang: Lang) -> None:
    assert [format_date(date(2024, m, 1), "MMM", locale=lang) for m in range(1, 13)] == list(i18n.months_abbr(lang))


@pytest.mark.parametrize(
    ("key", "values", "id", "en"),
    [
        ("days", {"n": 1}, "1 hari", "1 day"),
        ("days", {"n": 2}, "2 hari", "2 days"),
        ("in_days", {"n": 1}, "dalam 1 hari", "in 1 day"),
        ("in_days", {"n": 0}, "dalam 0 hari", "in 0 days"),
        ("in_days", {"n": 11}, "dalam 11 hari", "in 11 days"),
        ("day_of", {"day": 60, "days": 60, "left": 1}, "hari ke-60 dari 60, sisa 1 hari", "day 60 of 60, 1 day left"),
        ("day_of", {"day": 1, "days": 60, "left": 59}, "hari ke-1 dari 60, sisa 59 hari", "day 1 of 60, 59 days left"),
        ("countdown_future", {"days": 1, "date": "x"}, "1 hari menuju hari pemungutan suara (x)", "1 day to voting day (x)"),
        ("countdown_past", {"days": 3, "date": "x"}, "Pemungutan suara telah berlangsung 3 hari lalu (x)", "Voting took place 3 days ago (x)"),
        ("n_revisions", {"n": 1}, "1 revisi jadwal", "1 schedule revision"),
    ],
)  # fmt: skip
def test_plural_forms(key: str, values: dict[str, object], id: str, en: str) -> None:
    assert isinstance(LABELS[key], Plural)
    assert (label(key, "id", **values), label(key, "en", **values)) == (id, en)


def test_days_and_spans() -> None:
    assert (days(1, "en"), days(2, "en"), days(1, "id")) == ("1 day", "2 days", "1 hari")
    assert span(date(2024, 9, 25), date(2024, 11, 23), "id") == "25 September 2024 – 23 November 2024"
    assert span(date(2024, 11, 27), date(2024, 11, 27), "en") == "27 November 2024"
    assert span(None, None, "id") == "setiap saat"
    assert span(date(2024, 3, 22), None, "en") == "from 22 March 2024"
    assert short_date(date(2024, 2, 14), "id") == "14 Februari 2024"


def test_the_wheel_hook_refuses_a_broken_catalog(tmp_path: Path) -> None:
    import hatch_build

    po = tmp_path / "id" / "LC_MESSAGES" / "neutral_timeline.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: id\\n"\n\n#, python-format\nmsgid "%(n)s days"\nmsgstr "%(m)s hari"\n'
    )
    with pytest.raises(ValueError, match="days"):
        hatch_build.compiled(po)


@pytest.mark.parametrize("lang", LANGS)
def test_the_loader_reads_what_gettext_translation_finds(lang: Lang) -> None:
    import gettext

    found = gettext.translation(i18n.DOMAIN, i18n.LOCALE_DIR, languages=[lang], fallback=False)
    ours = i18n.translations(lang)
    for msgid in ("Rules in force", "usage: ", "no such page"):
        assert ours.gettext(msgid) == found.gettext(msgid)
    assert ours.ngettext("{n} day", "{n} days", 1) == found.ngettext("{n} day", "{n} days", 1)


def test_the_widget_gets_one_form_per_cldr_plural_category() -> None:
    """widget.js picks a form with Intl.PluralRules(lang).select(n): CLDR's categories, as Babel names them."""
    from neutral_timeline.widget.assets import words

    shipped = words()
    assert shipped["en"]["labels"]["in_days"] == {"count": "n", "forms": {"one": "in {n} day", "other": "in {n} days"}}  # type: ignore[index]
    assert shipped["id"]["labels"]["in_days"] == {"count": "n", "forms": {"other": "dalam {n} hari"}}  # type: ignore[index]
    assert shipped["en"]["labels"]["rules"] == "Rules in force"  # type: ignore[index]
    assert shipped["id"]["months"][7] == "Agustus" and shipped["en"]["weekdays"][0] == "Monday"  # type: ignore[index]


def test_problems_keep_english_msgids_and_are_said_in_the_readers_language() -> None:
    from neutral_timeline.errors import Problem, unknown

    (problem,) = unknown("election", "pilkada-2042", ["pilkada-2024", "pemilu-2024"], "election").problems
    assert str(problem) == (
        "election: unknown election 'pilkada-2042' (expected one of: pemilu-2024, pilkada-2024);"
        " did you mean 'pilkada-2024'?"
    )
    assert problem.text("en") == str(problem)
    assert problem.text("id") == (
        "election: pemilihan 'pilkada-2042' tidak dikenal (seharusnya salah satu dari: pemilu-2024, pilkada-2024);"
        " mungkin maksud Anda 'pilkada-2024'?"
    )
    assert problem.as_dict("id") == {
        "where": "election",
        "what": "pemilihan 'pilkada-2042' tidak dikenal",
        "expected": "salah satu dari: pemilu-2024, pilkada-2024",
        "suggestion": "mungkin maksud Anda 'pilkada-2024'?",
    }
    assert problem.as_dict() == problem.as_dict("en")
    # A data error (for maintainers) has no msgids: it stays as written, braces and all.
    data = Problem("calendars/rules/x.toml: window", "'{campaign.start}' is not an anchor", "e.g. campaign.start")
    assert data.in_lang("id") == data and data.text("id") == "calendars/rules/x.toml: window: " + (
        "'{campaign.start}' is not an anchor (seharusnya e.g. campaign.start)"
    )
