"""The real thing: `neutral-timeline serve` on a loopback port, the typed client, and CLI --server."""

from __future__ import annotations

from datetime import date

import httpx
import pytest

from neutral_timeline.catalog.model import Catalog
from neutral_timeline.cli import main
from neutral_timeline.client import Client, RemoteError
from neutral_timeline.errors import NotFoundError, QueryError
from neutral_timeline.resolve.questions import (
    ElectionsQuestion,
    FeedQuestion,
    RuleQuestion,
    RulesQuestion,
    SituationQuestion,
    TimelineQuestion,
)
from neutral_timeline.resolve.situation import situation


def test_server_answers_over_tcp(server: str) -> None:
    r = httpx.get(server + "/api/v1/elections/testvote-2028/situation", params={"date": "2028-10-03"})
    assert r.status_code == 200
    assert r.headers["etag"]
    again = httpx.get(r.url, headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304


def test_client_gets_the_same_answer_as_the_local_resolver(server: str, mini: Catalog) -> None:
    local = situation(mini, date(2028, 10, 3), "testvote-2028")
    with Client(server) as client:
        remote = client.answer(SituationQuestion(date(2028, 10, 3), "testvote-2028"), "en")
        assert remote.date == local.date
        (r,), (here,) = remote.elections, local.elections
        assert [x.id for x in remote.rules] == [x.id for x in local.rules]
        assert [p.phase.key for p in r.phases] == [p.phase.key for p in here.phases]
        assert remote.rules[0].title.get("en") == local.rules[0].title.en
        assert r.countdown == here.countdown
        assert [e.id for e in client.answer(ElectionsQuestion())] == ["testvote-2028"]
        assert client.answer(TimelineQuestion("testvote-2028")).revision.id == "sched-b"
        assert [x.id for x in client.answer(RulesQuestion(tag="party"))] == ["party-member"]
        assert client.answer(RuleQuestion("six-months")).windows == (
            ("candidate_determination.start-P6M", "result_determination.end"),
        )


def test_client_raises_our_errors(server: str) -> None:
    with Client(server) as client:
        with pytest.raises(NotFoundError) as info:
            client.answer(SituationQuestion(election="testvote-2082"))
        assert info.value.problems[0].suggestion == "mungkin maksud Anda 'testvote-2028'?"  # Indonesian by default
        with pytest.raises(QueryError):
            client.answer(SituationQuestion(election="testvote-2028", as_of=date(1990, 1, 1)))
    with Client("http://127.0.0.1:9") as dead, pytest.raises(RemoteError):
        dead.answer(ElectionsQuestion())


def test_cli_asks_the_server(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["today", "--server", server, "--date", "2028-10-03", "--election", "testvote-2028", "--lang", "en"]) == 0
    )
    out = capsys.readouterr().out
    assert "Office facilities in campaigns" in out
    assert "62 days to voting day" in out
    assert main(["today", "--server", server, "--election", "testvote-2082"]) == 2
    assert "kesalahan: election: pemilihan 'testvote-2082' tidak dikenal" in capsys.readouterr().err
    assert main(["today", "--server", server, "--election", "testvote-2082", "--lang", "en"]) == 2
    assert "error: election: unknown election 'testvote-2082'" in capsys.readouterr().err


def test_client_feed_is_the_offline_feed(server: str, mini: Catalog) -> None:
    from neutral_timeline.local import Local
    from neutral_timeline.render.formats import RenderOptions

    question = FeedQuestion("testvote-2028", "92.08", date(2027, 12, 31))
    with Client(server) as client:
        remote = client.rendered(question, "ics", "en")
    local = Local(mini).rendered(question, "ics", "en", RenderOptions(public_url=server))
    assert remote == local
