"""The 2025 re-votes (PSU) and re-elections of Pilkada 2024, date by date (bundled calendars).

Sources (calendars/elections/pilkada-2024.toml, [local.*]): the Constitutional Court rulings of
24 Feb 2025 and the KPU's waves (22 Mar, 5 Apr, 9 Apr, 16 Apr, 19 Apr, 24 May, 6 Aug 2025);
Tasikmalaya's 7-day campaign 9-15 Apr and quiet period 16-18 Apr (KPU Kabupaten Tasikmalaya);
Pesawaran's determination 23 Mar, campaign 7-20 May, quiet period 21-23 May; Papua's campaign
26 Mar - 2 Aug and quiet period 3-5 Aug (KPU Provinsi Papua); Barito Utara's second re-vote on
6 Aug 2025 after MK 313/PHPU.BUP-XXIII/2025 (determination 16 Jun, campaign 19 Jun - 2 Aug, quiet
3-5 Aug: iNews Barito, one report); Kutai Kartanegara's determination 23 Mar, campaign 26 Mar - 15 Apr
and quiet days 16-18 Apr (Tribun Kaltara, Nomor Satu Kaltim, Radar Kukar); Pasaman's campaign 9-15 Apr
(Merdeka, twice); Palopo's campaign 7-20 May and quiet period 21-23 May (Luwu Raya, Setarakata, Tribun
Timur, Palopo Pos); the Bangka and Pangkalpinang re-elections
(registration 26-28 Jun, determination 22 Jul, campaign 25 Jul - 23 Aug, voting 27 Aug 2025; counting
to the recapitulation plenaries of 2 Sep 2025, Keputusan KPU Kabupaten Bangka 406/2025; Bangka's
dispute at the MK, Perkara 332-334/PHPU.BUP-XXIII/2025, ruled inadmissible on 29 Sep 2025).
"""

from __future__ import annotations

from datetime import date

import pytest

from neutral_timeline.catalog.model import Catalog
from neutral_timeline.resolve.feed import feed
from neutral_timeline.resolve.questions import FeedQuestion
from neutral_timeline.resolve.situation import coverage, situation

CAMPAIGN = "uu10-campaign-involvement"  # UU 10/2016 Pasal 70: campaign.start..campaign.end
WHOLE = "partiality-activities"  # stages.start..stages.end
REPLACING = "uu10-replacing-officials"  # UU 10/2016 Pasal 71(2): candidate_determination.start-P6M..

# (date, region, local schedule running or None, phases running besides stages, days to its voting day)
TABLE = [
    # Kabupaten Siak: PSU at some polling stations, voting day only.
    (date(2025, 3, 21), "14.08", None, (), None),
    (date(2025, 3, 22), "14.08", "psu-2025-03-22", ("voting_day",), 0),
    (date(2025, 3, 23), "14.08", None, (), None),
    # Kabupaten Magetan, same wave.
    (date(2025, 3, 22), "35.20", "psu-2025-03-22", ("voting_day",), 0),
    # Kabupaten Barito Utara voted twice: 22 March, then 6 August after MK 313/PHPU.BUP-XXIII/2025.
    (date(2025, 3, 22), "62.05", "psu-2025-03-22", ("voting_day",), 0),
    (date(2025, 5, 25), "62.05", None, (), None),
    (date(2025, 5, 26), "62.05", "psu-barito-utara-2025-08-06", ("candidate_registration",), 72),
    (date(2025, 5, 28), "62.05", "psu-barito-utara-2025-08-06", ("candidate_registration",), 70),
    (date(2025, 5, 29), "62.05", "psu-barito-utara-2025-08-06", (), 69),
    (date(2025, 6, 16), "62.05", "psu-barito-utara-2025-08-06", ("candidate_determination",), 51),
    (date(2025, 6, 18), "62.05", "psu-barito-utara-2025-08-06", (), 49),
    (date(2025, 6, 19), "62.05", "psu-barito-utara-2025-08-06", ("campaign",), 48),
    (date(2025, 8, 2), "62.05", "psu-barito-utara-2025-08-06", ("campaign",), 4),
    (date(2025, 8, 3), "62.05", "psu-barito-utara-2025-08-06", ("quiet_period",), 3),
    (date(2025, 8, 6), "62.05", "psu-barito-utara-2025-08-06", ("voting_day",), 0),
    (date(2025, 8, 7), "62.05", None, (), None),
    # Kota Sabang and Kabupaten Buru: 5 April; Kepulauan Talaud on Wednesday 9 April.
    (date(2025, 4, 5), "11.72", "psu-2025-04-05", ("voting_day",), 0),
    (date(2025, 4, 5), "81.04", "psu-2025-04-05", ("voting_day",), 0),
    (date(2025, 4, 5), "71.04", None, (), None),
    (date(2025, 4, 9), "71.04", "psu-2025-04-09-talaud", ("voting_day",), 0),
    (date(2025, 4, 16), "72.08", "psu-2025-04-16-parigi-moutong", ("voting_day",), 0),
    (date(2025, 4, 19), "36.04", "psu-2025-04-19", ("voting_day",), 0),  # Kabupaten Serang
    # Kabupaten Bengkulu Selatan: a replaced candidate, 7-day campaign 9-15 April (one report).
    (date(2025, 4, 8), "17.01", None, (), None),
    (date(2025, 4, 9), "17.01", "psu-bengkulu-selatan-2025", ("campaign",), 10),
    (date(2025, 4, 16), "17.01", "psu-bengkulu-selatan-2025", ("quiet_period",), 3),
    (date(2025, 4, 19), "17.01", "psu-bengkulu-selatan-2025", ("voting_day",), 0),
    (date(2025, 4, 20), "17.01", None, (), None),
    # Kabupaten Pasaman: a replaced running mate, registration 7-9 March, 7-day campaign 9-15 April.
    (date(2025, 3, 6), "13.08", None, (), None),
    (date(2025, 3, 7), "13.08", "psu-pasaman-2025", ("candidate_registration",), 43),
    (date(2025, 4, 8), "13.08", "psu-pasaman-2025", (), 11),
    (date(2025, 4, 9), "13.08", "psu-pasaman-2025", ("campaign",), 10),
    (date(2025, 4, 15), "13.08", "psu-pasaman-2025", ("campaign",), 4),
    (date(2025, 4, 16), "13.08", "psu-pasaman-2025", ("quiet_period",), 3),
    (date(2025, 4, 19), "13.08", "psu-pasaman-2025", ("voting_day",), 0),
    (date(2025, 4, 20), "13.08", None, (), None),
    # Kabupaten Tasikmalaya: a replaced candidate, a 7-day campaign (KPU letter 631/PL.02.4-SD/06/2025).
    (date(2025, 4, 8), "32.06", None, (), None),
    (date(2025, 4, 9), "32.06", "psu-tasikmalaya-2025", ("campaign",), 10),
    (date(2025, 4, 15), "32.06", "psu-tasikmalaya-2025", ("campaign",), 4),
    (date(2025, 4, 16), "32.06", "psu-tasikmalaya-2025", ("quiet_period",), 3),
    (date(2025, 4, 18), "32.06", "psu-tasikmalaya-2025", ("quiet_period",), 1),
    (date(2025, 4, 19), "32.06", "psu-tasikmalaya-2025", ("voting_day",), 0),
    (date(2025, 4, 20), "32.06", None, (), None),
    # Kabupaten Kutai Kartanegara: a replaced candidate, determined 23 March; campaign 26 Mar - 15 Apr as
    # announced (whether letter 631 shortened it was not found); quiet days 16-18 April.
    (date(2025, 3, 22), "64.02", None, (), None),
    (date(2025, 3, 23), "64.02", "psu-kukar-2025", ("candidate_determination",), 27),
    (date(2025, 3, 25), "64.02", "psu-kukar-2025", (), 25),
    (date(2025, 3, 26), "64.02", "psu-kukar-2025", ("campaign",), 24),
    (date(2025, 4, 15), "64.02", "psu-kukar-2025", ("campaign",), 4),
    (date(2025, 4, 16), "64.02", "psu-kukar-2025", ("quiet_period",), 3),
    (date(2025, 4, 19), "64.02", "psu-kukar-2025", ("voting_day",), 0),
    (date(2025, 4, 20), "64.02", None, (), None),
    # Kabupaten Pesawaran: determination 23 March, a 14-day campaign, voting 24 May.
    (date(2025, 3, 22), "18.09", None, (), None),
    (date(2025, 3, 23), "18.09", "psu-pesawaran-2025", ("candidate_determination",), 62),
    (date(2025, 5, 6), "18.09", "psu-pesawaran-2025", (), 18),
    (date(2025, 5, 7), "18.09", "psu-pesawaran-2025", ("campaign",), 17),
    (date(2025, 5, 20), "18.09", "psu-pesawaran-2025", ("campaign",), 4),
    (date(2025, 5, 21), "18.09", "psu-pesawaran-2025", ("quiet_period",), 3),
    (date(2025, 5, 24), "18.09", "psu-pesawaran-2025", ("voting_day",), 0),
    (date(2025, 5, 25), "18.09", None, (), None),
    (date(2025, 5, 24), "64.11", "psu-2025-05-24", ("voting_day",), 0),  # Kabupaten Mahakam Ulu
    # Kota Palopo: a replaced candidate, 14-day campaign 7-20 May (letter 631), quiet period 21-23 May.
    (date(2025, 5, 6), "73.73", None, (), None),
    (date(2025, 5, 7), "73.73", "psu-palopo-2025", ("campaign",), 17),
    (date(2025, 5, 20), "73.73", "psu-palopo-2025", ("campaign",), 4),
    (date(2025, 5, 21), "73.73", "psu-palopo-2025", ("quiet_period",), 3),
    (date(2025, 5, 24), "73.73", "psu-palopo-2025", ("voting_day",), 0),
    (date(2025, 5, 25), "73.73", None, (), None),
    # Papua's governor race: the province and every regency and city in it (Kota Jayapura).
    (date(2025, 3, 25), "91", None, (), None),
    (date(2025, 3, 26), "91", "psu-papua-2025", ("campaign",), 133),
    (date(2025, 8, 2), "91.71", "psu-papua-2025", ("campaign",), 4),
    (date(2025, 8, 3), "91.71", "psu-papua-2025", ("quiet_period",), 3),
    (date(2025, 8, 6), "91", "psu-papua-2025", ("voting_day",), 0),
    (date(2025, 8, 7), "91", None, (), None),
    (date(2025, 8, 6), "93.02", "psu-boven-digoel-2025", ("voting_day",), 0),
    # Kabupaten Bangka and Kota Pangkalpinang: the re-elections after the empty box won. The same
    # schedule up to voting day (PKPU 19/2024), then each its own: counting to the recapitulation
    # plenaries of 2 Sep 2025; Bangka's result disputed at the MK until the ruling of 29 Sep, the
    # elected pair determined by the PKPU 18/2024 deadline of 2 Oct; Pangkalpinang undisputed, its
    # determination still pending on 14 Sep (the last day recorded).
    # Registration 26-28 June in both (KPU Bangka and Bawaslu Babel via Antara Babel; a pair registering
    # in Pangkalpinang on 27 June, Katababel); 23-25 June was the announcement of registration, which
    # Tempo reported as registration (calendars note).
    # From the day after the main stages end, Bangka follows its own schedule: its Pasal 71(2) and (3)
    # windows (six months before its penetapan pasangan calon, 22 Jul) opened on 22 Jan 2025.
    (date(2025, 2, 28), "19.01", "pemilihan-ulang-2025-bangka", (), 180),
    (date(2025, 6, 23), "19.01", "pemilihan-ulang-2025-bangka", (), 65),
    (date(2025, 6, 25), "19.01", "pemilihan-ulang-2025-bangka", (), 63),
    (date(2025, 6, 26), "19.01", "pemilihan-ulang-2025-bangka", ("candidate_registration",), 62),
    (date(2025, 6, 28), "19.01", "pemilihan-ulang-2025-bangka", ("candidate_registration",), 60),
    (date(2025, 6, 29), "19.01", "pemilihan-ulang-2025-bangka", (), 59),
    (date(2025, 6, 25), "19.71", "pemilihan-ulang-2025-pangkalpinang", (), 63),
    (date(2025, 6, 26), "19.71", "pemilihan-ulang-2025-pangkalpinang", ("candidate_registration",), 62),
    (date(2025, 6, 27), "19.71", "pemilihan-ulang-2025-pangkalpinang", ("candidate_registration",), 61),
    (date(2025, 6, 28), "19.71", "pemilihan-ulang-2025-pangkalpinang", ("candidate_registration",), 60),
    (date(2025, 6, 29), "19.71", "pemilihan-ulang-2025-pangkalpinang", (), 59),
    (date(2025, 7, 21), "19.71", "pemilihan-ulang-2025-pangkalpinang", (), 37),
    (date(2025, 7, 22), "19.71", "pemilihan-ulang-2025-pangkalpinang", ("candidate_determination",), 36),
    (date(2025, 7, 24), "19.71", "pemilihan-ulang-2025-pangkalpinang", (), 34),
    (date(2025, 7, 25), "19.71", "pemilihan-ulang-2025-pangkalpinang", ("campaign",), 33),
    (date(2025, 8, 23), "19.01", "pemilihan-ulang-2025-bangka", ("campaign",), 4),
    (date(2025, 8, 24), "19.01", "pemilihan-ulang-2025-bangka", ("quiet_period",), 3),
    (date(2025, 8, 26), "19.01", "pemilihan-ulang-2025-bangka", ("quiet_period",), 1),
    (date(2025, 8, 26), "19.71", "pemilihan-ulang-2025-pangkalpinang", ("quiet_period",), 1),
    (date(2025, 8, 27), "19.01", "pemilihan-ulang-2025-bangka", ("counting", "voting_day"), 0),
    (date(2025, 8, 27), "19.71", "pemilihan-ulang-2025-pangkalpinang", ("counting", "voting_day"), 0),
    (date(2025, 8, 28), "19.01", "pemilihan-ulang-2025-bangka", ("counting",), -1),
    (date(2025, 8, 28), "19.71", "pemilihan-ulang-2025-pangkalpinang", ("counting",), -1),
    (date(2025, 9, 1), "19.01", "pemilihan-ulang-2025-bangka", ("counting",), -5),
    (date(2025, 9, 2), "19.01", "pemilihan-ulang-2025-bangka", ("counting",), -6),
    (date(2025, 9, 2), "19.71", "pemilihan-ulang-2025-pangkalpinang", ("counting",), -6),
    (date(2025, 9, 3), "19.01", "pemilihan-ulang-2025-bangka", ("result_dispute",), -7),
    (date(2025, 9, 3), "19.71", "pemilihan-ulang-2025-pangkalpinang", ("result_determination",), -7),
    (date(2025, 9, 14), "19.71", "pemilihan-ulang-2025-pangkalpinang", ("result_determination",), -18),
    (date(2025, 9, 15), "19.71", None, (), None),
    (date(2025, 9, 15), "19.01", "pemilihan-ulang-2025-bangka", ("result_dispute",), -19),
    (date(2025, 9, 29), "19.01", "pemilihan-ulang-2025-bangka", ("result_dispute",), -33),
    (date(2025, 9, 30), "19.01", "pemilihan-ulang-2025-bangka", ("result_determination",), -34),
    (date(2025, 10, 2), "19.01", "pemilihan-ulang-2025-bangka", ("result_determination",), -36),
    (date(2025, 10, 3), "19.01", None, (), None),
    # A neighbouring regency that did not vote again.
    (date(2025, 8, 27), "19.04", None, (), None),
]


@pytest.mark.parametrize(("day", "code", "schedule", "phases", "days"), TABLE, ids=[f"{r[1]}-{r[0]}" for r in TABLE])
def test_local_schedule_date_table(
    catalog: Catalog, day: date, code: str, schedule: str | None, phases: tuple[str, ...], days: int | None
) -> None:
    region = catalog.regions.get(code)
    assert region is not None
    result = situation(catalog, day, region=region)
    if schedule is None:  # not on its own schedule that day: at most the national rules of re-votes elsewhere
        assert all(not es.in_progress and es.local is None for es in result.elections)
        assert result.message is not None  # "no election in progress", re-votes elsewhere, or "outside"
        assert "No election is in progress" in result.message.en or not result.covered
        return
    (es,) = result.elections
    assert es.in_progress and es.local is not None and es.local.id == schedule
    assert tuple(p.phase.key for p in es.phases if p.phase.key != "stages") == phases
    assert es.countdown.days == days
    others = [o for o in result.local if o.id != schedule]  # other schedules that day: their national rules bind here
    started = any(o.start <= day for o in others)  # another schedule whose stages have begun
    assert (WHOLE in es.rule_ids) is (day >= es.local.start or started)  # whole-tahapan, from a first stage
    # Campaign rules with a campaign here, or elsewhere that day (they bind every ASN: DESIGN "Where a rule binds").
    elsewhere = any(any(p.phase.key == "campaign" for p in o.phases) for o in others)
    assert (CAMPAIGN in es.rule_ids) is ("campaign" in phases or elsewhere)
    if day < es.local.start:  # before its first stage: Pasal 71(2) and (3) only, on its own windows
        assert {REPLACING, "uu10-authority-programmes"} <= set(es.rule_ids)
        return
    reading = next(r for r in result.rules if r.id == WHOLE).interpretation
    assert reading is not None and es.local.interpretation.en in reading.en


def test_day_n_of_m_on_a_local_campaign(catalog: Catalog) -> None:
    region = catalog.regions.get("32.06")
    assert region is not None
    (es,) = situation(catalog, date(2025, 4, 12), region=region).elections
    (campaign,) = [p for p in es.phases if p.phase.key == "campaign"]
    assert (campaign.day, campaign.phase.days, campaign.days_left) == (4, 7, 3)


def test_without_a_region_the_answer_lists_the_regions_on_their_own_schedule(catalog: Catalog) -> None:
    result = situation(catalog, date(2025, 4, 19))
    assert all(not es.in_progress for es in result.elections)  # national rules through the re-votes only
    assert result.message is not None and "Kabupaten Tasikmalaya (Voting day)" in result.message.en
    ids = [s.id for s in result.local]
    assert {"psu-2025-04-19", "psu-tasikmalaya-2025", "psu-kukar-2025", "psu-papua-2025", "psu-pesawaran-2025"} <= set(
        ids
    )
    wave = next(s for s in result.local if s.id == "psu-2025-04-19")
    assert wave.voting_day == date(2025, 4, 19) and len(wave.regions) == 4
    before = situation(catalog, date(2025, 3, 1))  # the re-elections' Pasal 71 windows are open
    assert [s.id for s in before.local] == ["pemilihan-ulang-2025-bangka", "pemilihan-ulang-2025-pangkalpinang"]
    assert before.message is not None and "its prohibitions already apply" in before.message.en
    assert situation(catalog, date(2025, 2, 27)).local == ()  # the main schedule's last day
    counting = situation(catalog, date(2025, 9, 1))  # both re-elections still counting
    assert [s.id for s in counting.local] == ["pemilihan-ulang-2025-bangka", "pemilihan-ulang-2025-pangkalpinang"]
    assert [s.id for s in situation(catalog, date(2025, 9, 20)).local] == ["pemilihan-ulang-2025-bangka"]


def test_a_province_whose_regencies_vote_again_has_races_in_its_area(catalog: Catalog) -> None:
    region = catalog.regions.get("19")
    assert region is not None
    (es,) = situation(catalog, date(2025, 8, 27), region=region).elections
    assert es.participation is not None and es.participation.status == "races_in_area"
    note = es.participation.note.en
    assert "Kabupaten Bangka" in note and "Kota Pangkal Pinang" in note
    assert "held its own race" in note  # its governor race of 27 November 2024
    assert "uu10-replacing-officials" not in es.rule_ids
    assert es.own_schedule is None  # it does not vote again itself
    # Both schedules agree on voting day: each phase once, unqualified.
    assert [p.phase.name.en for p in es.phases if p.phase.key != "stages"] == [
        "Vote counting and recapitulation",
        "Voting day",
    ]
    assert es.countdown.days == 0


def test_a_province_follows_each_schedule_in_its_area_naming_where_they_differ(catalog: Catalog) -> None:
    region = catalog.regions.get("19")
    assert region is not None
    (es,) = situation(catalog, date(2025, 9, 10), region=region).elections
    names = [p.phase.name.en for p in es.phases if p.phase.key != "stages"]
    assert names == [  # by start: the dispute opened 3 Sep, the same day as the determination
        "Result dispute at the Constitutional Court: Kabupaten Bangka",
        "Determination of the elected candidates: Kota Pangkal Pinang",
    ]
    stages = [p for p in es.phases if p.phase.key == "stages"]
    assert sorted(p.phase.name.en for p in stages) == [
        "Election stages (the whole schedule): Kabupaten Bangka",
        "Election stages (the whole schedule): Kota Pangkal Pinang",
    ]
    assert es.countdown.voting_day == date(2025, 8, 27)
    later = situation(catalog, date(2025, 9, 20), region=region).elections[0]  # Pangkalpinang is done
    assert [p.phase.name.en for p in later.phases if p.phase.key != "stages"] == [
        "Result dispute at the Constitutional Court"
    ]
    assert later.participation is not None and "Kota Pangkal Pinang" in later.participation.note.en


def test_a_re_election_region_is_never_left_without_its_pasal_71_prohibitions(catalog: Catalog) -> None:
    """Bangka: UU 10/2016 Pasal 71(2) runs from six months before the main penetapan pasangan calon
    (22 Mar 2024) to the main stages' end (27 Feb 2025), and again from six months before the re-election's
    (22 Jan 2025) to its elected pair (2 Oct 2025): one unbroken run, on every surface."""
    from datetime import timedelta

    bangka = catalog.regions.get("19.01")
    assert bangka is not None
    day, missing = date(2024, 3, 22), []
    while day <= date(2025, 10, 2):
        if REPLACING not in situation(catalog, day, "pilkada-2024", region=bangka).elections[0].rule_ids:
            missing.append(day)
        day += timedelta(days=1)
    assert missing == []
    assert all(REPLACING not in es.rule_ids for es in situation(catalog, date(2025, 10, 3), region=bangka).elections)
    (part,) = feed(catalog, FeedQuestion(election="pilkada-2024", region="19.01")).elections
    said = [(e.kind, e.start) for e in part.events if any(r.id == REPLACING for r in e.rules)]
    assert said == [("rules-start", date(2024, 3, 22)), ("rules-end", date(2025, 10, 2))]


def test_a_schedule_not_yet_known_as_of_is_not_used(catalog: Catalog) -> None:
    region = catalog.regions.get("62.05")
    assert region is not None
    found = situation(catalog, date(2025, 8, 6), as_of=date(2025, 5, 24), region=region).elections
    assert all(es.local is None and not es.in_progress for es in found)  # not its own schedule yet


def test_coverage_reaches_the_last_re_election(catalog: Catalog) -> None:
    assert coverage(catalog).end == date(2025, 10, 2)  # Bangka: elected pair determined after the MK ruling


def test_the_bangka_feed_has_its_re_election(catalog: Catalog) -> None:
    (part,) = feed(catalog, FeedQuestion(election="pilkada-2024", region="19.01")).elections
    stems = {e.stem: e for e in part.events}
    voting = stems["local.pemilihan-ulang-2025-bangka.phase.voting_day"]
    assert voting.start == date(2025, 8, 27) and voting.phase is not None and "Bangka" in voting.phase.name.id
    (national,) = feed(catalog, FeedQuestion(election="pilkada-2024")).elections
    assert not any(e.kind == "phase" and e.stem.startswith("local.") for e in national.events)  # no local phases
    # but the national rules of the re-votes, which bind every ASN: in force again from 7 Mar 2025 (Pasaman)
    again = sorted(
        (e for e in national.events if e.kind == "rules-start" and e.start.year == 2025), key=lambda e: e.start
    )
    assert [e.start for e in again] == [date(2025, 2, 28), date(2025, 3, 7), date(2025, 3, 26)]
    assert all(r.territory == "everywhere" for e in again for r in e.rules)


def test_a_regions_timeline_shows_its_local_schedule(catalog: Catalog) -> None:
    from neutral_timeline.resolve.situation import timeline

    bangka = catalog.regions.get("19.01")
    assert bangka is not None
    found = timeline(catalog, "pilkada-2024", region=bangka)
    assert [s.id for s in found.local] == ["pemilihan-ulang-2025-bangka"]
    voting = next(p for p in found.phases if p.key == "local.pemilihan-ulang-2025-bangka.voting_day")
    assert voting.start == date(2025, 8, 27) and "Bangka" in voting.name.en
    assert not any(p.key.startswith("local.") for p in timeline(catalog, "pilkada-2024").phases)


@pytest.mark.parametrize(
    ("main_day", "local_day", "code"),
    [
        (date(2024, 11, 28), date(2025, 8, 28), "19.01"),  # counting
        (date(2024, 11, 28), date(2025, 9, 2), "19.71"),
        (date(2025, 1, 10), date(2025, 10, 2), "19.01"),  # result determination
        (date(2025, 1, 10), date(2025, 9, 14), "19.71"),
    ],
)
def test_rules_extend_through_counting_and_results_as_on_the_main_schedule(
    catalog: Catalog, main_day: date, local_day: date, code: str
) -> None:
    """The prohibitions in force on the local schedule after voting are those of the main schedule in the
    same phase (Kabupaten Bangka Selatan, 19.04, had its own regent race on the main schedule)."""
    neighbour, region = catalog.regions.get("19.04"), catalog.regions.get(code)
    assert neighbour is not None and region is not None
    (main,) = situation(catalog, main_day, region=neighbour).elections
    (local,) = situation(catalog, local_day, region=region).elections
    assert local.local is not None and main.local is None
    assert {p.phase.key for p in local.phases} == {p.phase.key for p in main.phases}
    assert set(local.rule_ids) == set(main.rule_ids)
    assert "uu10-replacing-officials" in local.rule_ids  # until result_determination.end, as on the main schedule


BOTH = "Kabupaten Bangka, Kota Pangkal Pinang"
KEDUANYA = BOTH  # region names are the Kemendagri list's, the same in both languages

# Without a region: what runs in which regions that day, across every phase boundary of the two
# re-elections (the PSU of Barito Utara and Papua run to 6 Aug; nothing else runs from 7 Aug).
# (date, English fragment, Indonesian fragment; None: no re-election of Babel runs, or not checked)
MESSAGES = [
    (date(2025, 2, 27), None, None),  # the main schedule's last day
    (date(2025, 2, 28), f"{BOTH} (its prohibitions already apply; first stage: Registration of candidate pairs from 26 June 2025)",
     f"{KEDUANYA} (larangannya sudah berlaku; tahap pertama: Pendaftaran pasangan calon mulai 26 Juni 2025)"),
    (date(2025, 6, 25), f"{BOTH} (its prohibitions already apply; first stage: Registration of candidate pairs from 26 June 2025)", None),
    (date(2025, 6, 26), f"{BOTH} (Registration of candidate pairs until 28 June 2025)",
     f"{KEDUANYA} (Pendaftaran pasangan calon sampai 28 Juni 2025)"),
    (date(2025, 6, 28), f"{BOTH} (Registration of candidate pairs until 28 June 2025)", None),
    (date(2025, 6, 29), f"{BOTH} (between two stages; next: Determination of candidate pairs from 22 July 2025)",
     f"{KEDUANYA} (di antara dua tahap; berikutnya: Penetapan pasangan calon mulai 22 Juli 2025)"),
    (date(2025, 7, 22), f"{BOTH} (Determination of candidate pairs)", None),
    (date(2025, 7, 23), f"{BOTH} (between two stages; next: Campaign period from 25 July 2025)", None),
    (date(2025, 8, 23), f"{BOTH} (Campaign period until 23 August 2025)", None),
    (date(2025, 8, 24), f"{BOTH} (Quiet period until 26 August 2025)", f"{KEDUANYA} (Masa tenang sampai 26 Agustus 2025)"),
    (date(2025, 8, 27), f"{BOTH} (Voting day, Vote counting and recapitulation until 2 September 2025)",
     f"{KEDUANYA} (Hari pemungutan suara, Penghitungan dan rekapitulasi suara sampai 2 September 2025)"),
    (date(2025, 8, 28), f"{BOTH} (Vote counting and recapitulation until 2 September 2025)", None),
    (date(2025, 9, 2), f"{BOTH} (Vote counting and recapitulation until 2 September 2025)", None),
    (date(2025, 9, 3),
     "Kabupaten Bangka (Result dispute at the Constitutional Court until 29 September 2025); "
     "Kota Pangkal Pinang (Determination of the elected candidates until 14 September 2025)",
     "Kabupaten Bangka (Perselisihan hasil di Mahkamah Konstitusi sampai 29 September 2025); "
     "Kota Pangkal Pinang (Penetapan calon terpilih sampai 14 September 2025)"),
    (date(2025, 9, 14), "Kota Pangkal Pinang (Determination of the elected candidates until 14 September 2025)", None),
    (date(2025, 9, 15), "own schedule (a re-vote or a re-election): Kabupaten Bangka (Result dispute at the "
     "Constitutional Court until 29 September 2025). ", None),
    (date(2025, 9, 29), "Kabupaten Bangka (Result dispute at the Constitutional Court until 29 September 2025)", None),
    (date(2025, 9, 30), "Kabupaten Bangka (Determination of the elected candidates until 2 October 2025)",
     "Kabupaten Bangka (Penetapan calon terpilih sampai 2 Oktober 2025)"),
    (date(2025, 10, 2), "Kabupaten Bangka (Determination of the elected candidates until 2 October 2025)", None),
    (date(2025, 10, 3), None, None),
]  # fmt: skip


@pytest.mark.parametrize(("day", "en", "id_"), MESSAGES, ids=[str(m[0]) for m in MESSAGES])
def test_without_a_region_the_message_says_what_runs_where(
    catalog: Catalog, day: date, en: str | None, id_: str | None
) -> None:
    result = situation(catalog, day)
    if day == date(2025, 2, 27):  # Pilkada 2024 is still in progress everywhere: no message
        assert result.local == () and any(es.in_progress for es in result.elections)
        return
    assert result.message is not None
    babel = [s for s in result.local if s.id.startswith("pemilihan-ulang-2025-")]
    if en is None:  # no re-election of Babel runs: the message does not name them
        assert babel == [] and "Bangka" not in result.message.en
        return
    assert en in result.message.en, result.message.en
    assert id_ is None or id_ in result.message.id, result.message.id
    assert result.message.en.startswith("No election is in progress nationally on this date")
    if day > date(2025, 8, 27):  # voting is over there: nobody is said to vote again
        assert "vote again" not in result.message.en and "memilih lagi" not in result.message.id
    # The list carries the same: the phases running that day, or the next one between two.
    for item in babel:
        assert bool(item.phases) != (item.next is not None)
        assert all(p.phase.name.en in result.message.en for p in item.phases)


def test_the_election_asked_running_only_locally_gets_the_same_message(catalog: Catalog) -> None:
    """The widget asks one election: Pilkada 2024 on 3 Sep 2025 runs only in Bangka and Pangkalpinang."""
    asked = situation(catalog, date(2025, 9, 3), election_id="pilkada-2024")
    (es,) = asked.elections
    assert not es.in_progress
    assert asked.message == situation(catalog, date(2025, 9, 3)).message
    region = catalog.regions.get("19.01")
    assert region is not None
    on = situation(catalog, date(2025, 9, 3), election_id="pilkada-2024", region=region)
    assert on.elections[0].in_progress and on.message is None  # Bangka itself: its own answer, no message


def test_a_province_feed_says_each_rule_event_once_across_its_regions_schedules(catalog: Catalog) -> None:
    """Province 19 follows Bangka's and Pangkalpinang's re-elections: the whole-tahapan rules, in force
    again from 7 Mar 2025 through the re-votes elsewhere, are said once to start and once to end, when the
    later of the two re-elections ends (2 Oct), not on 26 Jun or 14 Sep."""
    (part,) = feed(catalog, FeedQuestion(election="pilkada-2024", region="19")).elections
    rule_events = [(e.kind, e.start, frozenset(r.id for r in e.rules)) for e in part.events if e.kind != "phase"]
    assert len(rule_events) == len(set(rule_events))
    whole = sorted((day, kind) for kind, day, ids in rule_events if WHOLE in ids and day >= date(2025, 3, 1))
    assert whole == [(date(2025, 3, 7), "rules-start"), (date(2025, 10, 2), "rules-end")]


@pytest.mark.parametrize(
    ("day", "code", "said", "not_said"),
    [
        # Banjar on 20 Sep 2025: the re-votes' national rules end with Bangka's elected pair, on 2 Oct.
        (date(2025, 9, 20), "63.03", ("rule_end", date(2025, 10, 2), WHOLE), None),
        # Bangka on 25 Jun 2025: its whole-tahapan rules are in force through the re-votes elsewhere already,
        # so its own registration on 26 Jun starts nothing.
        (date(2025, 6, 25), "19.01", None, ("rule_start", date(2025, 6, 26), WHOLE)),
        # Bangka on 27 Feb 2025: Pasal 71(2) carries on through its re-election from 28 Feb.
        (date(2025, 2, 20), "19.01", None, ("rule_end", date(2025, 2, 27), REPLACING)),
        # Kota Pangkal Pinang's determination ends 14 Sep, but the re-vote rules go on through Bangka's.
        (date(2025, 9, 10), "19.71", None, ("rule_end", date(2025, 9, 14), WHOLE)),
    ],
)
def test_the_changes_ahead_follow_the_rules_in_force_day_by_day(
    catalog: Catalog, day: date, code: str, said: tuple[str, date, str] | None, not_said: tuple[str, date, str] | None
) -> None:
    region = catalog.regions.get(code)
    assert region is not None
    (es,) = situation(catalog, day, "pilkada-2024", region=region).elections
    changes = {(c.change, c.date, c.id) for c in es.upcoming}
    assert said is None or said in changes
    assert not_said is None or not_said not in changes


def test_rules_carried_on_by_another_election_are_not_said_to_end(catalog: Catalog) -> None:
    """20 Oct 2024: Pemilu 2024's stages end, Pilkada 2024's go on; the merged answer's changes do not
    say the whole-tahapan rules end (Pemilu 2024's own campaign-team rule does)."""
    result = situation(catalog, date(2024, 10, 14))
    ends = {(c.id, c.date) for es in result.elections for c in es.upcoming if c.change == "rule_end"}
    assert (WHOLE, date(2024, 10, 20)) not in ends
    assert ("uu7-campaign-team", date(2024, 10, 20)) in ends


def test_a_rule_bound_from_afar_shows_the_window_that_ends_last(catalog: Catalog) -> None:
    """Banjar on 10 Sep 2025: the whole-tahapan rules run through Pangkalpinang's re-election (to 14 Sep) and
    Bangka's (to 2 Oct); the answer shows the window that ends last, not the one that ends first."""
    region = catalog.regions.get("63.03")
    assert region is not None
    rules = {r.id: r for r in situation(catalog, date(2025, 9, 10), region=region).rules}
    assert rules[WHOLE].window.end == date(2025, 10, 2)
