"""What-ifs, recommendations by measured effect, the weaving list and follow-up tasks through
GraphQL and REST, over real HTTP against the real Neo4j: nothing a what-if does is written; a
what-if equals the gap report of the network really changed; a task's life from suggestion to
"collaborating" after a snapshot that holds the new tie; audit, backup and the privacy rules."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from neo4j import GraphDatabase

from graphsvc.backup import backup_tenant, restore_tenant
from graphsvc.config import Settings
from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.tenant_state import data_version
from graphsvc.db.weaving_tasks import WeavingTaskRepository
from graphsvc.domain import Network, ParticipationRole, Tie, TieType
from graphsvc.services.weaving_progress import quarter_of
from graphsvc.services.weaving_tasks import today
from tests import weaving_town as town
from tests.api.hostile import hostile_text, tenant_state
from tests.api.test_hostile_everywhere import FUZZ
from tests.tenant_contents import read_contents

pytestmark = pytest.mark.neo4j

GraphQL = Callable[..., dict[str, Any]]
Headers = Callable[..., dict[str, str]]
TG = town.TARGET_GROUP

WHAT_IF = """query($tg: ID!, $change: WhatIfInput!) {
  whatIf(targetGroupId: $tg, change: $change) {
    members effect { membersReached leisureGained leisureLost gapsClosed }
    statements { code sentence sentenceDa values }
    plan { tiesAdded { firstId secondId } tiesRemoved { firstId secondId } actorsRemoved { id }
           recruits { actorId viaId initiativeId membersReached byArea { areaId name members } } }
    leisureAccess { before after } leisureAccessByArea { group before after }
    sectors { sector before after }
    brokerage { connectedBefore connectedAfter }
    after { ...Report }
  }
}
fragment Report on GapReport {
  memberCount sectors { missing underRepresented }
  reach { overall { membersWithoutFocus: withoutFocusArena oneArena } }
  areaGaps { areaId members } schoolsWithoutLeisure { schoolId membersAttending }
  singlePointsOfFailure { id membersCutOff } membersWithLeisureAccess
  supportNetwork { actorCount actors { id hops } }
  findings { code severity sentence }
}"""
GAP_REPORT = """query($tg: ID!) { gapReport(targetGroupId: $tg) { ...Report } }
fragment Report on GapReport {
  memberCount sectors { missing underRepresented }
  reach { overall { membersWithoutFocus: withoutFocusArena oneArena } }
  areaGaps { areaId members } schoolsWithoutLeisure { schoolId membersAttending }
  singlePointsOfFailure { id membersCutOff } membersWithLeisureAccess
  supportNetwork { actorCount actors { id hops } }
  findings { code severity sentence }
}"""
TASK_FIELDS = """id firstId firstName secondId secondName introducerId introducerName introducerKind
  targetGroupId assignedTo dueOn status note introducedOn tieSeenOn tieSeenIn version"""
CREATE_TASK = f"""mutation($input: WeavingTaskInput!) {{ createWeavingTask(input: $input) {{
  __typename ... on WeavingTask {{ {TASK_FIELDS} }} ... on Error {{ message }}
  ... on InvalidInputError {{ problems {{ record problem }} }} }} }}"""
UPDATE_TASK = f"""mutation($id: ID!, $changes: WeavingTaskChanges!, $v: Int) {{
  updateWeavingTask(id: $id, changes: $changes, expectedVersion: $v) {{
    __typename ... on WeavingTask {{ {TASK_FIELDS} }} ... on Error {{ message }}
    ... on ConflictError {{ currentVersion changedBy }} }} }}"""
TASKS = f"query {{ weavingTasks {{ {TASK_FIELDS} }} }}"
PROGRESS = (
    "{ weavingProgress { quarters { quarter introduced collaborating share } summary { sentenceDa } } }"
)


@pytest.fixture
async def holdby(store: GraphStore, tenant: str, graphql: GraphQL) -> str:
    """The town in a tenant of its own, with its users made (a user is stored in the tenant:
    made later, they would show as a change)."""
    await NetworkRepository(store).write(town.weaving_town(tenant))
    for role in ("viewer", "coordinator", "admin"):
        graphql("{ __typename }", tenant, role)
    return tenant


def _data(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body
    return body["data"]  # type: ignore[no-any-return]


async def test_a_what_if_writes_nothing_and_says_what_the_planted_recruit_would_do(
    graphql: GraphQL, store: GraphStore, holdby: str
) -> None:
    before, version = await read_contents(store, holdby), await data_version(store, holdby)
    change = {"recruit": [{"actorId": town.RECRUIT}]}
    result = _data(graphql(WHAT_IF, holdby, tg=TG, change=change))["whatIf"]
    assert (result["statements"][0]["sentence"], result["statements"][0]["sentenceDa"]) == (
        town.RECRUIT_SENTENCE,
        town.RECRUIT_SENTENCE_DA,
    )
    assert result["plan"]["recruits"] == [
        {
            "actorId": town.RECRUIT,
            "viaId": town.INTRODUCER,
            "initiativeId": "init-faelles",
            "membersReached": 3,
            "byArea": [{"areaId": "area-vestby", "name": "Vestby", "members": 3}],
        }
    ]
    assert result["effect"]["leisureGained"] == 3 and "BUSINESS" not in result["after"]["sectors"]["missing"]
    assert await read_contents(store, holdby) == before, "a what-if wrote to the tenant"
    assert await data_version(store, holdby) == version
    # A viewer may ask too: a what-if shows actors, areas and counts.
    viewer = _data(graphql(WHAT_IF, holdby, "viewer", tg=TG, change=change))["whatIf"]
    assert viewer["statements"] == result["statements"]


async def test_a_what_if_equals_the_gap_report_of_the_network_really_changed(
    graphql: GraphQL, store: GraphStore, holdby: str, tenant: str
) -> None:
    change = {
        "recruit": [{"actorId": town.RECRUIT}],
        "addTies": [{"firstId": "club-holdby", "secondId": "school-vestby"}],
        "removeTies": [{"firstId": "school-vestby", "secondId": "jobcenter-holdby"}],
        "removeActorIds": ["assoc-spejder"],
    }
    result = _data(graphql(WHAT_IF, holdby, tg=TG, change=change))["whatIf"]
    plan = result["plan"]
    real = f"{tenant}-real"
    await NetworkRepository(store).write(_changed(town.weaving_town(real), plan))
    assert _data(graphql(GAP_REPORT, real, tg=TG))["gapReport"] == result["after"]


def _changed(network: Network, plan: dict[str, Any]) -> Network:
    gone = {a["id"] for a in plan["actorsRemoved"]}
    cut = {frozenset((p["firstId"], p["secondId"])) for p in plan["tiesRemoved"]}
    ties = [
        t
        for t in network.ties
        if not {t.source, t.target} & gone and frozenset((t.source, t.target)) not in cut
    ]
    ties += [
        Tie(type=TieType.COLLABORATES_WITH, source=p["firstId"], target=p["secondId"])
        for p in plan["tiesAdded"]
    ]
    ties += [
        Tie(
            type=TieType.PARTICIPATES_IN,
            source=r["actorId"],
            target=r["initiativeId"],
            role=ParticipationRole.PARTNER,
        )
        for r in plan["recruits"]
        if r["initiativeId"]
    ]
    nodes = tuple(n for n in network.nodes if n.id not in gone)
    return network.model_copy(update={"nodes": nodes, "ties": tuple(ties)})


async def test_recommendations_by_measured_effect_say_which_order_they_are_in(
    graphql: GraphQL, holdby: str
) -> None:
    query = """query($tg: ID!, $order: RecommendationOrder!) {
      recommendations(targetGroupId: $tg, order: $order) {
        order orderStatement { code sentence sentenceDa }
        recommendations { rank id measured { scoreRank effect { membersReached gapsClosed }
                                             statement { sentence } } } } }"""
    by_effect = _data(graphql(query, holdby, tg=TG, order="EFFECT"))["recommendations"]
    assert by_effect["order"] == "EFFECT" and by_effect["orderStatement"]["code"] == "order_effect"
    first = by_effect["recommendations"][0]
    assert (first["id"], first["rank"], first["measured"]["effect"]["membersReached"]) == (town.RECRUIT, 1, 3)
    assert first["measured"]["statement"]["sentence"] == town.RECRUIT_SENTENCE
    by_score = _data(graphql(query, holdby, tg=TG, order="SCORE"))["recommendations"]
    assert by_score["order"] == "SCORE" and by_score["orderStatement"]["sentenceDa"].startswith(
        "Sorteret efter dagens"
    )
    assert all(r["measured"] is None for r in by_score["recommendations"])


async def test_the_weaving_list_suggests_the_planted_pair_with_its_introducer(
    graphql: GraphQL, holdby: str
) -> None:
    query = """query($tg: ID!) { weavingSuggestions(targetGroupId: $tg) {
      openPairs schoolLeisurePairs summary { sentenceDa }
      suggestions { rank first { id } second { id } introducers { id } schoolLeisure crossSector
                    effect { membersReached } why { sentence } expected { sentence } task { id } } } }"""
    found = _data(graphql(query, holdby, "viewer", tg=TG))["weavingSuggestions"]
    first = found["suggestions"][0]
    assert (first["first"]["id"], first["second"]["id"]) == ("school-holdby", "assoc-spejder")
    assert (
        first["introducers"] == [{"id": "club-holdby"}] and first["schoolLeisure"] and first["task"] is None
    )
    assert found["schoolLeisurePairs"] >= 1


async def test_a_task_from_suggestion_to_collaborating_after_the_snapshot_that_holds_the_tie(
    graphql: GraphQL, client: httpx.Client, auth: Headers, store: GraphStore, holdby: str
) -> None:
    assignee = _assignee(graphql, holdby)
    made = _data(
        graphql(
            CREATE_TASK,
            holdby,
            input={
                "firstId": "school-holdby",
                "secondId": "assoc-spejder",
                "introducerId": "club-holdby",
                "targetGroupId": TG,
                "assignedTo": assignee,
                "dueOn": "2026-09-30",
                "note": "Klubben inviterer begge til kaffe.",
            },
        )
    )["createWeavingTask"]
    assert made["__typename"] == "WeavingTask" and made["status"] == "PROPOSED", made
    assert (made["firstName"], made["introducerName"], made["introducedOn"]) == (
        "Holdby Skole",
        "Ungdomsklubben Holdby",
        None,
    )
    task = made["id"]
    listed = _data(
        graphql(
            """query($tg: ID!) { weavingSuggestions(targetGroupId: $tg) {
      suggestions { first { id } second { id } task { id status } } } }""",
            holdby,
            tg=TG,
        )
    )
    assert listed["weavingSuggestions"]["suggestions"][0]["task"] == {"id": task, "status": "PROPOSED"}

    introduced = _data(graphql(UPDATE_TASK, holdby, id=task, changes={"status": "INTRODUCED"}, v=1))
    introduced = introduced["updateWeavingTask"]
    assert introduced["__typename"] == "WeavingTask", introduced
    assert (introduced["status"], introduced["introducedOn"], introduced["version"]) == (
        "INTRODUCED",
        today().isoformat(),
        2,
    )
    stale = _data(graphql(UPDATE_TASK, holdby, id=task, changes={"note": "gammel"}, v=1))["updateWeavingTask"]
    assert stale["__typename"] == "ConflictError" and stale["currentVersion"] == 2

    check = "mutation { checkIntroductions { moment checked collaborating { id } } }"
    assert _data(graphql(check, holdby))["checkIntroductions"] == {
        "moment": "now",
        "checked": 1,
        "collaborating": [],
    }

    tie = """mutation { connect(input: {type: COLLABORATES_WITH, sourceId: "school-holdby",
      targetId: "assoc-spejder"}) { __typename } }"""
    assert _data(graphql(tie, holdby))["connect"]["__typename"] != "NotFoundError"
    snapshot = """mutation { createSnapshot(name: "Efterår 2026") { ... on Snapshot { id } } }"""
    snap_id = _data(graphql(snapshot, holdby))["createSnapshot"]["id"]
    after = _data(graphql(TASKS, holdby))["weavingTasks"]
    assert [(t["id"], t["status"], t["tieSeenIn"], t["tieSeenOn"]) for t in after] == [
        (task, "COLLABORATING", snap_id, today().isoformat())
    ]
    progress = _data(graphql(PROGRESS, holdby))
    assert progress["weavingProgress"]["quarters"] == [
        {"quarter": quarter_of(today()), "introduced": 1, "collaborating": 1, "share": 1.0}
    ]
    assert (
        progress["weavingProgress"]["summary"]["sentenceDa"]
        == "1 introduktion lavet, 1 af dem blev til samarbejde (100 %)."
    )

    audit = _data(graphql("query($id: ID!) { auditLog(nodeId: $id) { action } }", holdby, "admin", id=task))
    assert [e["action"] for e in audit["auditLog"]] == [
        "check introduction",
        "change weaving task",
        "create weaving task",
    ]


def _assignee(graphql: GraphQL, tenant: str) -> str:
    found = _data(graphql("query { weavingAssignees { name role } }", tenant))["weavingAssignees"]
    assert found and all(a["role"] in ("COORDINATOR", "ADMIN") for a in found)
    return str(found[0]["name"])


async def test_tasks_are_in_the_tenant_s_backup(
    graphql: GraphQL, store: GraphStore, holdby: str, tmp_path: Path
) -> None:
    made = _data(
        graphql(CREATE_TASK, holdby, input={"firstId": "school-holdby", "secondId": "assoc-spejder"})
    )
    task = made["createWeavingTask"]["id"]
    await backup_tenant(store, holdby, tmp_path / "backup.jsonl.gz")
    copy = f"{holdby}-copy"
    await restore_tenant(store, tmp_path / "backup.jsonl.gz", tenant=copy)
    restored = await WeavingTaskRepository(store).all(copy)
    assert [(t.id, t.first, t.second, t.status.value) for t in restored] == [
        (task, "school-holdby", "assoc-spejder", "proposed")
    ]


async def test_no_young_person_in_a_task_and_a_task_naming_a_contact_person_is_hidden_from_viewers(
    graphql: GraphQL, holdby: str
) -> None:
    young = _data(graphql(CREATE_TASK, holdby, input={"firstId": "yp-v1", "secondId": "assoc-spejder"}))
    assert young["createWeavingTask"]["__typename"] == "InvalidInputError"
    assert "never names a young person" in young["createWeavingTask"]["message"]
    in_note = _data(
        graphql(
            CREATE_TASK,
            holdby,
            input={
                "firstId": "school-holdby",
                "secondId": "assoc-spejder",
                "note": "Spørg pseudonym yp-v1 først",
            },
        )
    )["createWeavingTask"]
    assert in_note["__typename"] == "InvalidInputError" and "names a young person" in in_note["message"]
    for named in ({"introducerId": town.CONTACT}, {"note": "Ring til Lone Holm på +45 11 22 33 44"}):
        made = _data(
            graphql(
                CREATE_TASK, holdby, input={"firstId": "school-vestby", "secondId": "biz-toemrer", **named}
            )
        )["createWeavingTask"]
        assert made["__typename"] == "WeavingTask", made
        assert any(t["id"] == made["id"] for t in _data(graphql(TASKS, holdby))["weavingTasks"])
        seen = _data(graphql(TASKS, holdby, "viewer"))["weavingTasks"]
        assert not any(t["id"] == made["id"] for t in seen)
        one = "query($id: ID!) { weavingTask(id: $id) { id } }"
        assert _data(graphql(one, holdby, "viewer", id=made["id"]))["weavingTask"] is None
        gone = _data(
            graphql("mutation($id: ID!) { deleteWeavingTask(id: $id) { __typename } }", holdby, id=made["id"])
        )
        assert gone["deleteWeavingTask"]["__typename"] == "DeletedWeavingTask"


async def test_a_viewer_changes_nothing_and_another_tenant_sees_nothing(
    graphql: GraphQL, store: GraphStore, holdby: str, tenant: str
) -> None:
    made = _data(
        graphql(CREATE_TASK, holdby, input={"firstId": "school-holdby", "secondId": "assoc-spejder"})
    )
    task = made["createWeavingTask"]["id"]
    before = await read_contents(store, holdby)
    for mutation, variables in (
        (CREATE_TASK, {"input": {"firstId": "school-vestby", "secondId": "assoc-spejder"}}),
        (UPDATE_TASK, {"id": task, "changes": {"status": "DROPPED"}}),
        ("mutation($id: ID!) { deleteWeavingTask(id: $id) { __typename } }", {"id": task}),
        ("mutation { checkIntroductions { checked } }", {}),
    ):
        refused = graphql(mutation, holdby, "viewer", **variables)
        assert "needs a coordinator" in refused["errors"][0]["message"], refused
    assert (
        "needs a coordinator"
        in graphql("query { weavingAssignees { name } }", holdby, "viewer")["errors"][0]["message"]
    )
    assert await read_contents(store, holdby) == before
    other = f"{tenant}-other"
    await NetworkRepository(store).write(town.weaving_town(other))
    assert _data(graphql(TASKS, other))["weavingTasks"] == []
    missing = _data(graphql(UPDATE_TASK, other, id=task, changes={"status": "DROPPED"}))["updateWeavingTask"]
    assert missing["__typename"] == "NotFoundError"
    named = graphql("query($t: String) { weavingTasks(tenant: $t) { id } }", other, t=holdby)
    assert "cannot reach another tenant" in named["errors"][0]["message"]
    assert await read_contents(store, holdby) == before


async def test_duplicates_unknown_assignees_and_bad_dates_are_refused_with_every_problem(
    graphql: GraphQL, store: GraphStore, holdby: str
) -> None:
    first = {"firstId": "school-holdby", "secondId": "assoc-spejder"}
    _data(graphql(CREATE_TASK, holdby, input=first))
    again = _data(
        graphql(CREATE_TASK, holdby, input={**first, "firstId": "assoc-spejder", "secondId": "school-holdby"})
    )
    assert again["createWeavingTask"]["__typename"] == "DuplicateError"
    before = await read_contents(store, holdby)
    bad = _data(
        graphql(
            CREATE_TASK,
            holdby,
            input={
                "firstId": "school-vestby",
                "secondId": "school-vestby",
                "introducerId": "school-vestby",
                "assignedTo": "nobody here",
                "dueOn": "1999-12-31",
                "note": "x" * 2001,
            },
        )
    )["createWeavingTask"]
    assert bad["__typename"] == "InvalidInputError"
    assert {p["record"] for p in bad["problems"]} == {"second", "introducer", "assigned_to", "due_on", "note"}
    unknown = _data(graphql(CREATE_TASK, holdby, input={"firstId": "school-vestby", "secondId": "nowhere"}))
    assert unknown["createWeavingTask"]["__typename"] == "NotFoundError"
    assert await read_contents(store, holdby) == before


async def test_the_what_if_map_marks_the_recruit_and_writes_nothing(
    client: httpx.Client, auth: Headers, store: GraphStore, holdby: str
) -> None:
    before = await read_contents(store, holdby)
    headers = auth(holdby, "viewer") | {"X-Graphsvc-Tenant": holdby}
    page = client.get(
        "/maps/whatif.html",
        params={"target_group": TG, "recruit": town.RECRUIT, "lang": "en"},
        headers=headers,
    )
    assert page.status_code == 200, page.text[:300]
    assert "What if: the support network of Ensomme 12-17-årige" in page.text
    assert "Would be recruited" in page.text and "Vestby Tømrer" in page.text
    assert "Lone Holm" not in page.text and "Pseudonym" not in page.text
    for params, status in (
        ({"target_group": TG, "recruit": "yp-v1"}, 404),
        ({"target_group": TG, "recruit": "nobody"}, 404),
        ({"target_group": TG, "add_tie": "school-holdby"}, 400),
        ({"target_group": TG}, 400),
        ({"recruit": town.RECRUIT}, 400),
    ):
        refused = client.get("/maps/whatif.html", params=params, headers=headers)
        assert refused.status_code == status, (params, refused.text[:300])
    hidden = client.get("/maps/whatif.html", params={"target_group": TG, "recruit": "yp-v1"}, headers=headers)
    unknown = client.get(
        "/maps/whatif.html", params={"target_group": TG, "recruit": "yp-v9"}, headers=headers
    )
    assert hidden.text.replace("yp-v1", "?") == unknown.text.replace("yp-v9", "?")
    assert await read_contents(store, holdby) == before


def test_introduced_on_counts_in_its_quarter() -> None:
    assert quarter_of(datetime.date(2026, 3, 31)) == "2026-Q1"
    assert quarter_of(datetime.date(2026, 10, 1)) == "2026-Q4"


async def test_erasing_a_contact_person_takes_them_out_of_the_tasks_that_name_them(
    graphql: GraphQL, holdby: str
) -> None:
    made = _data(
        graphql(
            CREATE_TASK,
            holdby,
            input={
                "firstId": "school-vestby",
                "secondId": "biz-toemrer",
                "introducerId": town.CONTACT,
                "note": "Ring til Lone Holm på +45 11 22 33 44 eller lone@example.dk.",
            },
        )
    )["createWeavingTask"]
    erased = graphql('mutation { erasePerson(id: "person-lone") { __typename } }', holdby, "admin")
    assert "errors" not in erased, erased
    (task,) = [t for t in _data(graphql(TASKS, holdby))["weavingTasks"] if t["id"] == made["id"]]
    assert (task["firstId"], task["secondId"], task["introducerId"]) == ("school-vestby", "biz-toemrer", None)
    assert task["note"] == "Ring til [slettet] på [slettet] eller [slettet]."
    # Nothing of her is left for a viewer to be shielded from: the task shows.
    assert any(t["id"] == made["id"] for t in _data(graphql(TASKS, holdby, "viewer"))["weavingTasks"])


@FUZZ
@given(data=st.data())
def test_hostile_input_at_the_what_if_map_answers_plainly_and_writes_nothing(
    client: httpx.Client, auth: Headers, settings: Settings, holdby: str, data: st.DataObject
) -> None:
    ids = st.sampled_from([town.RECRUIT, town.INTRODUCER, "yp-v1", town.CONTACT, TG, "area-vestby"])
    value = st.one_of(hostile_text, ids, st.tuples(ids, ids).map(",".join), st.tuples(ids, ids).map("@".join))
    params: dict[str, Any] = {
        name: data.draw(st.lists(value, max_size=3), label=name)
        for name in ("recruit", "add_tie", "remove_tie", "remove_actor")
    }
    for name in ("target_group", "hops", "initiative", "lang", "tenant"):
        if data.draw(st.booleans()):
            params[name] = data.draw(st.sampled_from([TG, "2", "0", "en", holdby]) | hostile_text, label=name)
    role = data.draw(st.sampled_from(["viewer", "coordinator"]), label="role")
    with GraphDatabase.driver(settings.bolt_uri, auth=settings.auth) as db:
        before = tenant_state(db, holdby)
        answer = client.get("/maps/whatif.html", params=params, headers=auth(holdby, role))
        assert answer.status_code in (200, 400, 403, 404), (params, answer.text[:300])
        assert answer.text.strip()
        if answer.status_code == 200:
            assert "Lone Holm" not in answer.text and "Pseudonym" not in answer.text
        assert tenant_state(db, holdby) == before, params
