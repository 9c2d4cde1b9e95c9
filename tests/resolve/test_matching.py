"""The matcher: case, spacing, punctuation, Indonesian affixes and small typos."""

from __future__ import annotations

import pytest

from neutral_timeline.catalog.model import Catalog
from neutral_timeline.resolve.matching import forms, match, read, words


def test_words_ignore_case_punctuation_and_hyphens() -> None:
    assert words("Nge-LIKE,  postingan!!") == ["nge", "like", "postingan"]


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("membagikan", "bagi"),
        ("dibagikan", "bagi"),
        ("menyukai", "suka"),
        ("mengomentari", "komentar"),
        ("postingannya", "posting"),
        ("berkampanye", "kampanye"),
        ("ngelike", "like"),
        ("memasang", "pasang"),
    ],
)
def test_affixes(word: str, stem: str) -> None:
    assert stem in forms(word)


@pytest.mark.parametrize(
    ("text", "activity"),
    [
        ("LIKE", "like-candidate-post"),
        ("  like   postingan  ", "like-candidate-post"),
        ("nge-like", "like-candidate-post"),
        ("ngelike", "like-candidate-post"),
        ("disukai", "like-candidate-post"),
        ("komen", "comment-candidate-post"),
        ("komnetar", "comment-candidate-post"),
        ("mengomentari", "comment-candidate-post"),
        ("repost", "share-candidate-post"),
        ("dibagikan", "share-candidate-post"),
        ("salam dua jari", "photo-hand-sign"),
        ("selfie", "post-photo-with-candidate"),
        ("fotokopi KTP", "give-ktp-copy"),
        ("fotocopy ktp", "give-ktp-copy"),
        ("spanduk", "put-up-banner"),
        ("mobil dinas", "use-office-car"),
        ("timses", "join-campaign-team"),
    ],
)
def test_everyday_words(catalog: Catalog, text: str, activity: str) -> None:
    assert match(catalog, text).activity == activity


def test_says_which_words_it_understood(catalog: Catalog) -> None:
    found = match(catalog, "Bolehkah saya nge-like postingan IG calon?")
    assert found.activity == "like-candidate-post"
    assert found.phrase is not None and "like" in found.phrase


def test_unplaced_text_gets_the_closest(catalog: Catalog) -> None:
    found = match(catalog, "fotoo bersamaa")
    assert found.activity is not None or found.closest
    assert match(catalog, "qqq zzz").activity is None


@pytest.mark.parametrize(
    ("text", "named", "negation"),
    [
        ("like postingan calon bupati", ("calon",), None),
        ("mencalonkan diri", ("mencalonkan",), None),  # through the affixes
        ("berkampanye untuk paslon", ("berkampanye", "paslon"), None),
        ("pasang salam dua jari", ("salam dua jari",), None),  # the longest phrase, once
        ("foto bareng calon istri", (), None),  # an ordinary phrase
        ("ikut kampanye imunisasi", (), None),
        ("tidak like postingan calon", ("calon",), "tidak"),
        ("saya gak pernah share postingan paslon", ("paslon",), "gak"),
        ("boleh gak like postingan calon", ("calon",), None),  # a question, not a negation
        ("boleh tidak share video kampanye", ("kampanye",), None),
        ("share berita, tidak ada hubungannya dengan calon", (), None),  # the negation reaches the object
        ("bagi sembako, bukan untuk calon", (), None),  # ... but not past the comma
        ("tidak, like postingan calon", ("calon",), None),
        ("is it not allowed to like a candidate's post", ("candidate",), None),  # "allowed" stops it
        ("don't like a candidate's post", ("candidate",), "don"),
    ],
)
def test_read_names_the_political_words_and_the_negation(
    catalog: Catalog, text: str, named: tuple[str, ...], negation: str | None
) -> None:
    found = match(catalog, text)
    assert found.activity is not None and found.positions
    reading = read(catalog, text, found)
    assert (reading.political, reading.negation) == (named, negation)
