"""The matcher: case, spacing, punctuation, Indonesian affixes and small typos."""

from __future__ import annotations

import pytest

from neutral_timeline.catalog.model import Catalog
from neutral_timeline.resolve.matching import forms, match, words


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
