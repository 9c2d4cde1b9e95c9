"""The activity check, date by date: (text, date, region) -> verdict, activity and the rules that prohibit it.

Written from the rules' own data (the SKB 2020 and 2022 lists, PP 94/2021 Pasal 5, UU 7/2017 and
UU 10/2016): each row names the everyday words an ASN would type, a day inside or just outside a
rule's window, and the rules in force that day that prohibit the activity. ``not_recorded`` rows
are days when the data records no specific prohibition (never "allowed"); ``depends`` rows name no
candidate, party or campaign (the rules listed are those that would apply).
"""

from __future__ import annotations

from datetime import date

import pytest

from neutral_timeline.catalog.model import Catalog
from neutral_timeline.resolve.answering import answer
from neutral_timeline.resolve.check import CheckAnswer
from neutral_timeline.resolve.questions import CheckQuestion

TABLE = [
    (
        "Bolehkah saya like postingan Instagram calon?",
        "2024-09-25",
        None,
        "prohibited",
        "like-candidate-post",
        ("social-media-campaign",),
    ),
    (
        "May I like a candidate's Instagram post today?",
        "2024-09-25",
        None,
        "prohibited",
        "like-candidate-post",
        ("social-media-campaign",),
    ),
    (
        "nge-like status FB paslon",
        "2024-11-01",
        "63.03",
        "prohibited",
        "like-candidate-post",
        ("social-media-campaign",),
    ),
    (
        "komen di postingan capres",
        "2024-01-15",
        None,
        "prohibited",
        "comment-candidate-post",
        ("social-media-campaign",),
    ),
    (
        "boleh komentari video kampanye di TikTok?",
        "2020-10-15",
        None,
        "prohibited",
        "comment-candidate-post",
        ("social-media-campaign",),
    ),
    (
        "share video kampanye ke grup WA keluarga",
        "2024-09-25",
        None,
        "prohibited",
        "join-campaign-group",
        ("social-media-campaign",),
    ),
    ("repost story calon bupati", "2024-10-10", None, "prohibited", "share-candidate-post", ("social-media-campaign",)),
    ("retweet cuitan caleg", "2023-12-01", None, "prohibited", "share-candidate-post", ("social-media-campaign",)),
    (
        "posting dukungan untuk calon gubernur",
        "2024-11-20",
        None,
        "prohibited",
        "post-campaign-content",
        ("social-media-campaign",),
    ),
    (
        "upload visi misi calon di Facebook",
        "2020-09-01",
        None,
        "prohibited",
        "post-campaign-content",
        ("social-media-campaign",),
    ),
    (
        "follow akun pemenangan calon",
        "2024-09-25",
        None,
        "prohibited",
        "follow-campaign-account",
        ("social-media-campaign",),
    ),
    (
        "gabung grup WhatsApp tim sukses",
        "2024-02-01",
        None,
        "prohibited",
        "join-campaign-group",
        ("social-media-campaign",),
    ),
    (
        "foto bareng calon dengan salam dua jari",
        "2024-09-25",
        None,
        "prohibited",
        "post-photo-with-candidate",
        ("post-photo-with-candidate",),
    ),
    (
        "foto bersama paslon dengan simbol jari",
        "2020-10-15",
        None,
        "prohibited",
        "post-photo-with-candidate",
        ("photo-partisan-gesture",),
    ),
    (
        "selfie dengan calon bupati lalu upload",
        "2024-10-01",
        None,
        "prohibited",
        "post-photo-with-candidate",
        ("post-photo-with-candidate",),
    ),
    (
        "pakai kaos calon waktu kampanye",
        "2024-10-01",
        None,
        "prohibited",
        "wear-candidate-attributes",
        ("campaign-participant", "post-photo-with-candidate"),
    ),
    (
        "menghadiri deklarasi bakal calon",
        "2020-10-15",
        None,
        "prohibited",
        "attend-declaration",
        ("attend-candidate-declaration",),
    ),
    (
        "hadir di deklarasi calon wali kota",
        "2024-08-20",
        None,
        "prohibited",
        "attend-declaration",
        ("attend-declaration-active-support",),
    ),
    (
        "ikut kampanye akbar calon presiden",
        "2024-01-20",
        None,
        "prohibited",
        "attend-campaign",
        ("attend-declaration-active-support", "campaign-participant", "uu7-campaign-team"),
    ),
    (
        "datang ke rapat umum kampanye",
        "2020-11-10",
        None,
        "prohibited",
        "attend-campaign",
        ("campaign-participant", "uu10-campaign-involvement"),
    ),
    (
        "ikut acara silaturahmi bakal calon",
        "2024-06-01",
        None,
        "prohibited",
        "attend-introduction-event",
        ("bakal-calon-introduction-events",),
    ),
    (
        "mendampingi bakal calon mendaftar ke KPU",
        "2020-09-04",
        "Kabupaten Kaimana",
        "prohibited",
        "accompany-candidate-registration",
        ("kaimana-accompany-prospective-candidate",),
    ),
    (
        "mendampingi bakal calon mendaftar ke KPU",
        "2024-08-28",
        None,
        "not_recorded",
        "accompany-candidate-registration",
        (),
    ),
    (
        "jadi panitia kampanye",
        "2024-10-20",
        None,
        "prohibited",
        "organise-campaign-event",
        ("uu10-campaign-involvement", "uu7-campaign-team"),
    ),
    # the Pilkada 2024 campaign: organising a campaign event involves the ASN in it (UU 10/2016 Pasal 70)
    (
        "jadi panitia kampanye",
        "2024-11-20",
        None,
        "prohibited",
        "organise-campaign-event",
        ("uu10-campaign-involvement",),
    ),
    # a photo with fingers names no candidate, party or campaign: it depends (the rules that would apply listed)
    ("foto pake jari", "2024-11-20", None, "depends", "photo-hand-sign", ("post-photo-with-candidate",)),
    ("foto pake salam dua jari", "2024-11-20", None, "prohibited", "photo-hand-sign", ("post-photo-with-candidate",)),
    (
        "kampanye di kantor",
        "2024-11-20",
        None,
        "prohibited",
        "use-office-facilities",
        ("campaign-with-state-facilities", "office-facilities-in-campaign", "partiality-activities"),
    ),
    (
        "jadi tim sukses calon bupati",
        "2024-09-25",
        None,
        "prohibited",
        "join-campaign-team",
        ("campaign-team-expert-consultant", "uu10-campaign-involvement", "uu7-campaign-team"),
    ),
    ("jadi konsultan politik calon", "2020-10-15", None, "not_recorded", "consultant-for-candidate", ()),
    (
        "ajak warga memilih nomor urut 2",
        "2024-11-01",
        None,
        "prohibited",
        "persuade-to-vote",
        ("partiality-activities",),
    ),
    ("bagi sembako atas nama calon", "2024-11-15", None, "prohibited", "give-goods", ("partiality-activities",)),
    (
        "mengumpulkan pegawai untuk pertemuan dengan calon",
        "2024-10-15",
        None,
        "prohibited",
        "hold-partisan-meeting",
        ("partiality-activities",),
    ),
    (
        "memberikan fotokopi KTP ke calon independen",
        "2024-05-10",
        None,
        "prohibited",
        "give-ktp-copy",
        ("support-letter-ktp",),
    ),
    (
        "kasih fotocopy KTP untuk calon perseorangan",
        "2020-02-01",
        None,
        "prohibited",
        "give-ktp-copy",
        ("support-letter-ktp",),
    ),
    ("fotokopi KTP", "2021-09-15", None, "not_recorded", "give-ktp-copy", ()),
    (
        "tanda tangan surat dukungan calon independen",
        "2024-05-10",
        None,
        "prohibited",
        "sign-support-letter",
        ("support-letter-ktp",),
    ),
    (
        "mengumpulkan KTP warga untuk bakal calon perseorangan",
        "2024-05-10",
        None,
        "prohibited",
        "collect-ktp-copies",
        ("support-letter-ktp",),
    ),
    (
        "pasang spanduk calon di depan rumah",
        "2024-09-25",
        None,
        "prohibited",
        "put-up-banner",
        ("banners-promoting-candidate",),
    ),
    (
        "memasang baliho bakal calon",
        "2020-08-01",
        None,
        "prohibited",
        "put-up-banner",
        ("banners-promoting-candidate",),
    ),
    (
        "put up a banner for a candidate",
        "2024-10-01",
        None,
        "prohibited",
        "put-up-banner",
        ("banners-promoting-candidate",),
    ),
    ("menjadi anggota partai politik", "2024-09-25", None, "prohibited", "party-membership", ("party-membership",)),
    ("jadi pengurus partai", "2019-01-01", None, "prohibited", "party-membership", ("party-membership",)),
    ("join a party", "2026-01-01", None, "prohibited", "party-membership", ("party-membership",)),
    (
        "jadi narasumber di acara partai",
        "2024-07-01",
        None,
        "prohibited",
        "party-event-speaker",
        ("party-event-speaker",),
    ),
    ("speaker at a party event", "2020-10-15", None, "prohibited", "party-event-speaker", ("party-event-speaker",)),
    (
        "mendekati partai untuk dicalonkan",
        "2024-07-01",
        None,
        "prohibited",
        "approach-party-for-candidacy",
        ("approach-party-for-own-candidacy",),
    ),
    (
        "pakai mobil dinas ke kampanye",
        "2024-10-15",
        None,
        "prohibited",
        "use-office-car",
        ("campaign-with-state-facilities", "office-facilities-in-campaign", "partiality-activities"),
    ),
    ("pakai mobil dinas ke kampanye", "2024-09-01", None, "prohibited", "use-office-car", ("partiality-activities",)),
    (
        "pakai ruang rapat kantor untuk calon",
        "2024-10-15",
        None,
        "prohibited",
        "use-office-facilities",
        ("campaign-with-state-facilities", "office-facilities-in-campaign", "partiality-activities"),
    ),
    (
        "use the office car for a campaign",
        "2024-01-20",
        None,
        "prohibited",
        "use-office-car",
        ("campaign-with-state-facilities", "office-facilities-in-campaign", "partiality-activities"),
    ),
    (
        "kampanye pakai seragam PNS",
        "2024-10-15",
        None,
        "prohibited",
        "campaign-during-office-hours",
        ("campaign-participant", "office-facilities-in-campaign"),
    ),
    (
        "membuat keputusan yang menguntungkan calon",
        "2024-10-15",
        None,
        "prohibited",
        "decision-favouring-candidate",
        ("decisions-favouring-candidate", "uu10-decisions-benefiting-candidate"),
    ),
    (
        "tanda tangan SK yang merugikan salah satu calon",
        "2024-12-15",
        None,
        "prohibited",
        "decision-favouring-candidate",
        ("decisions-favouring-candidate", "uu10-decisions-benefiting-candidate"),
    ),
    (
        "membuat keputusan yang menguntungkan calon",
        "2024-01-20",
        None,
        "prohibited",
        "decision-favouring-candidate",
        ("decisions-favouring-candidate", "uu7-decisions-during-campaign"),
    ),
    (
        "bagikan bansos untuk calon",
        "2024-09-25",
        None,
        "prohibited",
        "programme-for-candidate",
        ("decisions-favouring-candidate", "partiality-activities", "uu10-authority-programmes"),
    ),
    ("mutasi pejabat", "2024-09-25", None, "prohibited", "replace-officials", ("uu10-replacing-officials",)),
    (
        "ikut kampanye istri yang nyalon bupati",
        "2024-10-15",
        None,
        "prohibited",
        "spouse-campaign",
        ("spouse-candidate-campaign",),
    ),
    (
        "suami saya calon, boleh ikut kampanye suami?",
        "2020-11-01",
        None,
        "prohibited",
        "spouse-campaign",
        ("spouse-candidate-campaign",),
    ),
    (
        "mencalonkan diri jadi bupati",
        "2020-10-01",
        None,
        "prohibited",
        "declare-own-candidacy",
        ("approach-party-for-own-candidacy", "self-declare-candidate-without-leave"),
    ),
    (
        "mencalonkan diri jadi bupati",
        "2024-08-01",
        None,
        "prohibited",
        "declare-own-candidacy",
        ("approach-party-for-own-candidacy",),
    ),
    ("nge-like postingan calon", "2019-01-01", None, "not_recorded", "like-candidate-post", ()),
    # 1 Jun 2025: Papua's re-vote campaign runs; the prohibition binds every ASN wherever the candidate runs.
    ("nge-like postingan calon", "2025-06-01", None, "prohibited", "like-candidate-post", ("social-media-campaign",)),
    # 1 Sep 2025: Bangka and Pangkalpinang still count their re-election votes (whole-tahapan rule, national reach).
    ("nge-like postingan calon", "2025-09-01", None, "prohibited", "like-candidate-post", ("social-media-campaign",)),
    # 3 Oct 2025: the day after Bangka's elected pair was determined, the last 2025 stage recorded.
    ("nge-like postingan calon", "2025-10-03", None, "not_recorded", "like-candidate-post", ()),
    ("masak nasi goreng", "2024-09-25", None, "not_understood", None, ()),
    ("xyzzy", "2024-09-25", None, "not_understood", None, ()),
    ("komnetar di IG calon", "2024-09-25", None, "prohibited", "comment-candidate-post", ("social-media-campaign",)),
    ("membagikan poster calon", "2024-09-25", None, "prohibited", "share-candidate-post", ("social-media-campaign",)),
    ("like", "2024-09-25", "Kota Banjar", "depends", "like-candidate-post", ("social-media-campaign",)),
    (
        "like postingan paslon",
        "2024-09-25",
        "Kota Banjar",
        "prohibited",
        "like-candidate-post",
        ("social-media-campaign",),
    ),
    ("pakai mobil dinas ke kampanye", "2024-09-24", None, "prohibited", "use-office-car", ("partiality-activities",)),
    (
        "pakai mobil dinas ke kampanye",
        "2024-11-23",
        None,
        "prohibited",
        "use-office-car",
        ("campaign-with-state-facilities", "office-facilities-in-campaign", "partiality-activities"),
    ),
    ("pakai mobil dinas ke kampanye", "2024-11-24", None, "prohibited", "use-office-car", ("partiality-activities",)),
    ("ikut kampanye", "2020-09-25", None, "not_recorded", "attend-campaign", ()),
    (
        "ikut kampanye",
        "2020-09-26",
        None,
        "prohibited",
        "attend-campaign",
        ("campaign-participant", "uu10-campaign-involvement"),
    ),
    ("like postingan calon", "2020-09-09", None, "prohibited", "like-candidate-post", ("social-media-campaign",)),
    ("like postingan calon", "2020-09-10", None, "prohibited", "like-candidate-post", ("social-media-campaign",)),
    (
        "ngelike foto paslon",
        "2024-09-25",
        "Kabupaten Batang",
        "prohibited",
        "like-candidate-post",
        ("social-media-campaign",),
    ),
    ("komen", "2024-09-25", "Kabupaten Kaimana", "depends", "comment-candidate-post", ("social-media-campaign",)),
    (
        "komen di status calon bupati",
        "2024-09-25",
        "Kabupaten Kaimana",
        "prohibited",
        "comment-candidate-post",
        ("social-media-campaign",),
    ),
]


@pytest.mark.parametrize(("text", "day", "region", "verdict", "activity", "rules"), TABLE)
def test_check_table(
    catalog: Catalog,
    text: str,
    day: str,
    region: str | None,
    verdict: str,
    activity: str | None,
    rules: tuple[str, ...],
) -> None:
    found = answer(catalog, CheckQuestion(text, date.fromisoformat(day), None, region))
    assert isinstance(found, CheckAnswer)
    assert found.verdict == verdict
    assert (found.activity.id if found.activity else None) == activity
    assert tuple(sorted(r.id for r in found.rules)) == rules


def test_the_table_is_large_enough() -> None:
    assert len(TABLE) >= 60


def test_every_answer_carries_the_neutrality_principle(catalog: Catalog) -> None:
    for text, day, region, *_ in TABLE:
        found = answer(catalog, CheckQuestion(text, date.fromisoformat(day), None, region))
        assert [r.id for r in found.principle] == ["neutrality-principle"], (text, day)
        assert "allowed" not in found.verdict


def test_not_understood_offers_the_closest_activities(catalog: Catalog) -> None:
    found = answer(catalog, CheckQuestion("fotokopy", date(2024, 9, 25)))
    assert found.activity is not None and found.activity.id == "give-ktp-copy"  # a typo of "fotokopi"
    assert found.verdict == "depends"  # a copy for no candidate: the support-letter rule would apply
    assert answer(catalog, CheckQuestion("fotokopy KTP untuk calon", date(2024, 9, 25))).verdict == "prohibited"
    found = answer(catalog, CheckQuestion("mobill", date(2024, 9, 25)))
    assert found.verdict == "not_understood"
    assert found.closest and found.activity is None and not found.rules


def test_one_election_only(catalog: Catalog) -> None:
    found = answer(catalog, CheckQuestion("mobil dinas", date(2024, 1, 20), "pilkada-2024"))
    assert found.elections == ("pilkada-2024",)
    assert "uu7-decisions-during-campaign" not in {r.id for r in found.rules}


def test_the_resolver_never_reads_the_clock(catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="clock"):
        answer(catalog, CheckQuestion("like"))


@pytest.mark.parametrize("tag", ["medsos", "media sosial", "Media sosial", "social media", "sosmed", "social-media"])
def test_rules_by_area_in_either_language(catalog: Catalog, tag: str) -> None:
    from neutral_timeline.resolve.questions import RulesQuestion

    found = answer(catalog, RulesQuestion(None, tag))
    assert {r.id for r in found} == {"social-media-campaign", "post-photo-with-candidate"}


def test_an_unknown_area_gets_a_did_you_mean(catalog: Catalog) -> None:
    from neutral_timeline.errors import NotFoundError
    from neutral_timeline.resolve.questions import RulesQuestion

    with pytest.raises(NotFoundError, match="medsos"):
        answer(catalog, RulesQuestion(None, "medsoss"))
