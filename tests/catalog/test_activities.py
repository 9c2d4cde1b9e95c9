"""activities.toml: the vocabulary of the activity check, validated like the rest (one broken file per error kind)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from neutral_timeline.catalog.load import check, load_catalog
from neutral_timeline.catalog.model import TAGS, Catalog
from neutral_timeline.catalog.snapshot import dumps, loads

AREAS = "".join(f'[areas.{tag}]\nname = {{ id = "{tag} id", en = "{tag} en" }}\n' for tag in TAGS)
GOOD = AREAS.replace("[areas.party]\n", '[areas.party]\nwords = ["partai"]\n') + (
    '[activities.join-party]\nname = { id = "Masuk partai", en = "Joining a party" }\narea = "party"\n'
    'words = ["masuk partai", "join a party"]\nrules = ["party-member"]\npolitical = "inherent"\n'
)
NEEDS = GOOD.replace('political = "inherent"', 'political = "object"') + (
    '[political]\nwords = ["partai", "kampanye"]\nordinary = ["kampanye imunisasi"]\n'
)

FAULTS = [
    (
        "unknown rule",
        GOOD.replace('rules = ["party-member"]', 'rules = ["party-membr"]'),
        "did you mean 'party-member'",
    ),
    ("unknown area", GOOD.replace('area = "party"', 'area = "parties"'), "area"),
    ("unknown key", GOOD.replace('area = "party"', 'area = "party"\nsynonyms = ["x"]'), "unknown key 'synonyms'"),
    ("area missing", GOOD.replace("[areas.gifts]\n", "[areas.gifts-x]\n"), "areas"),
    ("word twice", GOOD.replace('"join a party"]', '"join a party", "Masuk partai"]'), "twice"),
    ("no words", GOOD.replace('words = ["masuk partai", "join a party"]', "words = []"), "words"),
    ("no rules", GOOD.replace('rules = ["party-member"]', "rules = []"), "rules"),
    ("area word clash", GOOD.replace("[areas.gifts]\n", '[areas.gifts]\nwords = ["partai"]\n'), "already names"),
    ("bad id", GOOD.replace("[activities.join-party]", "[activities.Join_Party]"), "expected form"),
    ("english name missing", GOOD.replace(', en = "Joining a party"', ""), "en"),
    ("political missing", GOOD.replace('political = "inherent"\n', ""), "political is missing"),
    ("political unknown", GOOD.replace('political = "inherent"', 'political = "always"'), "political"),
    ("no political words", GOOD.replace('political = "inherent"', 'political = "object"'), "no [political] words"),
    ("political words empty", NEEDS.replace('words = ["partai", "kampanye"]', "words = []"), "political.words"),
    ("ordinary excepts nothing", NEEDS.replace('"kampanye imunisasi"', '"imunisasi"'), "excepts nothing"),
    ("political word twice", NEEDS.replace('"kampanye"]', '"kampanye", "Partai"]'), "twice"),
]


@pytest.mark.parametrize(("kind", "text", "message"), FAULTS, ids=[f[0] for f in FAULTS])
def test_a_broken_vocabulary_refuses_the_catalog(
    broken: Callable[[str, Callable[[str], str]], Path], kind: str, text: str, message: str
) -> None:
    problems = check(broken("activities.toml", lambda _: text))
    assert problems, kind
    assert any("activities.toml" in str(p) and message in str(p) for p in problems), [str(p) for p in problems]


def test_a_good_vocabulary_loads_and_survives_the_snapshot(broken: Callable[[str, Callable[[str], str]], Path]) -> None:
    catalog = load_catalog(broken("activities.toml", lambda _: GOOD))
    assert list(catalog.activities) == ["join-party"]
    assert catalog.areas["party"].words == ("partai",)
    again = loads(dumps(catalog))
    assert again.activities["join-party"] == catalog.activities["join-party"]
    assert again.areas["party"] == catalog.areas["party"]


def test_the_bundled_vocabulary(catalog: Catalog) -> None:
    assert 30 <= len(catalog.activities) <= 50
    assert set(catalog.areas) == set(TAGS)
    for activity in catalog.activities.values():
        assert activity.name.id and activity.name.en and activity.words
        prohibiting = [catalog.rules[r] for r in activity.rules]
        assert all(r.kind == "prohibition" or r.always for r in prohibiting), activity.id


def test_the_political_words_load_and_survive_the_snapshot(broken: Callable[[str, Callable[[str], str]], Path]) -> None:
    catalog = load_catalog(broken("activities.toml", lambda _: NEEDS))
    assert catalog.activities["join-party"].political == "object"
    assert catalog.political.words == ("partai", "kampanye") and catalog.political.ordinary == ("kampanye imunisasi",)
    again = loads(dumps(catalog))
    assert again.political == catalog.political and again.activities["join-party"] == catalog.activities["join-party"]


def test_every_bundled_activity_with_rules_says_whether_it_is_political(catalog: Catalog) -> None:
    decided = {a.id: a.political for a in catalog.activities.values() if a.rules}
    assert None not in decided.values()
    assert {a for a, p in decided.items() if p == "inherent"} == {"party-membership", "replace-officials"}
    assert all(a.political is None for a in catalog.activities.values() if not a.rules)
    assert {"calon", "paslon", "partai", "kampanye", "tim sukses", "nomor urut"} <= set(catalog.political.words)
