"""The store's promises for a survey round's answers, against the real Neo4j: answers sent at
the same moment are settled one after the other (two organisations naming each other both end
up reciprocated), and an answer already on its way when its link is revoked or its round closed
is refused inside its own transaction, writing nothing."""

from __future__ import annotations

import asyncio
import datetime

import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.services import survey_answers, survey_rounds
from tests.conftest import scope_for
from tests.survey_town import ORGANISATIONS, survey_town
from tests.tenant_contents import read_contents

pytestmark = pytest.mark.neo4j

PAIRS = [("school", "club"), ("scouts", "library"), ("youthclub", "kfum"), ("carpenter", "fund")]


async def _round(store: GraphStore, tenant: str, name: str) -> dict[str, survey_answers.RespondentLink]:
    scope = scope_for(store, tenant, "coordinator")
    closes = datetime.date.today() + datetime.timedelta(days=7)
    _, invitations = await survey_rounds.start_round(scope, name, closes, list(ORGANISATIONS))
    return {i.respondent: await survey_answers.open_survey_link(store, i.token) for i in invitations}


async def _answer(store: GraphStore, link: survey_answers.RespondentLink, partner: str) -> None:
    answer = {"partner": partner, "frequency": "weekly", "trust": 3, "value": 4}
    await survey_answers.submit_answers(store, link, respondent=None, partners=[answer], suggestions=[])


async def test_organisations_naming_each_other_at_the_same_moment_are_both_reciprocated(
    store: GraphStore, tenant: str
) -> None:
    await NetworkRepository(store).write(survey_town(tenant))
    for attempt in range(4):  # a race shows only sometimes: give it several chances
        name = f"Samtidig {attempt}"
        links = await _round(store, tenant, name)
        await asyncio.gather(
            *(_answer(store, links[a], b) for a, b in PAIRS), *(_answer(store, links[b], a) for a, b in PAIRS)
        )
        async with store.driver.session(database=store.database) as session:
            result = await session.run(
                """MATCH (a:Actor {tenant: $t})-[r:COLLABORATES_WITH {survey: $s}]->(b:Actor)
                   RETURN a.id AS a, b.id AS b, r.reciprocated AS reciprocated""",
                t=tenant,
                s=name,
            )
            ties = {(r["a"], r["b"]): r["reciprocated"] for r in await result.data()}
        assert len(ties) == 2 * len(PAIRS)
        assert all(ties.values()), f"attempt {attempt}: not every mutual answer says so: {ties}"


@pytest.mark.parametrize("stopped", ["revoked", "closed"])
async def test_an_answer_on_its_way_when_its_link_stops_writes_nothing(
    store: GraphStore, tenant: str, stopped: str
) -> None:
    await NetworkRepository(store).write(survey_town(tenant))
    links = await _round(store, tenant, "Undervejs")
    link = links["school"]  # opened: the link worked when the answer arrived
    scope = scope_for(store, tenant, "coordinator")
    if stopped == "revoked":
        await survey_rounds.revoke_links(scope, link.round_id, "school")
    else:
        await survey_rounds.close_round(scope, link.round_id, take_snapshot=False)
    before = await read_contents(store, tenant)
    with pytest.raises(survey_answers.SurveyLinkGone) as refused:
        await _answer(store, link, "club")
    assert refused.value.reason == stopped
    assert await read_contents(store, tenant) == before
