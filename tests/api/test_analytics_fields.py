"""The analytics fields over HTTP: on the small demo municipality they find the gaps planted in
it, and a change made through the API shows in the next answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.demo import PLANTED_GAPS
from graphsvc.domain import Network

pytestmark = pytest.mark.neo4j

GraphQL = Callable[..., dict[str, Any]]


def data(body: dict[str, Any], field: str) -> Any:
    assert "errors" not in body, body["errors"]
    return body["data"][field]


def test_the_lone_broker_ranks_first_in_its_town(graphql: GraphQL, small_demo: str) -> None:
    ranking = data(
        graphql(
            """query($area: ID!) { brokers(areaId: $area, top: 5) {
        sourceArena targetArena sources targets connectedPairs sentence
        brokers { rank id name share sourcesLinked targetsLinked sentence mainRole
                  roles { gatekeeper liaison total } } } }""",
            small_demo,
            area=PLANTED_GAPS.lone_broker_area,
        ),
        "brokers",
    )
    assert (ranking["sourceArena"], ranking["targetArena"]) == ("SCHOOL", "LEISURE")
    first = ranking["brokers"][0]
    assert first["id"] == PLANTED_GAPS.lone_broker and first["rank"] == 1
    assert first["share"] > 0.5
    assert first["sentence"].startswith(f"links {first['sourcesLinked']} school actors to ")
    assert first["roles"]["total"] > 0


def test_the_missing_business_sector_around_lonely_young_people(graphql: GraphQL, small_demo: str) -> None:
    group, sector = PLANTED_GAPS.target_group_missing_sector
    report = data(
        graphql(
            """query($tg: ID!) { gapReport(targetGroupId: $tg) {
        targetGroupId name memberCount initiativeIds
        sectors { missing sectors { sector supportActors status } }
        supportNetwork { actorCount }
        findings { code severity sentence subjects values } } }""",
            small_demo,
            tg=group,
        ),
        "gapReport",
    )
    assert report["targetGroupId"] == group and report["memberCount"] > 0
    assert sector.name in report["sectors"]["missing"]
    assert PLANTED_GAPS.target_group_initiative in report["initiativeIds"]
    missing = [f for f in report["findings"] if f["code"] == "missing_sector"]
    assert missing[0]["severity"] == "HIGH" and missing[0]["subjects"] == [sector.value]
    assert missing[0]["values"]["sector"] == sector.value
    assert missing[0]["sentence"].startswith("No business actor is within 2 hops")


def test_the_area_and_the_school_without_leisure(graphql: GraphQL, small_demo: str) -> None:
    report = data(
        graphql(
            """{ gapReport(targetGroupId: "tg-several-challenges") {
        areaGaps { areaId name members } schoolsWithoutLeisure { schoolId hops }
        reach { overall { members withoutFocusArena } byArea { group members } }
        findings { code severity subjects } } }""",
            small_demo,
        ),
        "gapReport",
    )
    assert PLANTED_GAPS.area_without_leisure in {g["areaId"] for g in report["areaGaps"]}
    schools = {s["schoolId"]: s["hops"] for s in report["schoolsWithoutLeisure"]}
    assert schools[PLANTED_GAPS.school_without_leisure] == 2
    codes = {(f["code"], f["subjects"][0]) for f in report["findings"] if f["subjects"]}
    assert ("area_gap", PLANTED_GAPS.area_without_leisure) in codes
    assert ("school_without_leisure", PLANTED_GAPS.school_without_leisure) in codes
    overall = report["reach"]["overall"]
    assert overall["members"] == sum(a["members"] for a in report["reach"]["byArea"])


def test_recommendations_with_an_introduction_path(graphql: GraphQL, small_demo: str) -> None:
    group, sector = PLANTED_GAPS.target_group_missing_sector
    body = graphql(
        """query($tg: ID!) {
        recommendations(targetGroupId: $tg, top: 5) { targetGroupId candidates
          weights { missingSector }
          recommendations { rank id name sector areaId score sentence
            reasons { code points sentence values }
            contacts { name email relation }
            introductionPath { id name kind } } }
        gapReport(targetGroupId: $tg) { supportNetwork { actors { id } } } }""",
        small_demo,
        tg=group,
    )
    found = data(body, "recommendations")
    partners = {a["id"] for a in data(body, "gapReport")["supportNetwork"]["actors"]}
    recommended = found["recommendations"]
    assert [r["rank"] for r in recommended] == [1, 2, 3, 4, 5]
    assert all(r["sector"] == sector.name for r in recommended)
    assert recommended[0]["areaId"] == PLANTED_GAPS.target_group_area
    assert all("missing_sector" in {x["code"] for x in r["reasons"]} for r in recommended)
    assert all(r["score"] == sum(x["points"] for x in r["reasons"]) for r in recommended)
    introduced = [r for r in recommended if len(r["introductionPath"]) > 1]
    assert introduced, "no recommendation has an introduction path"
    for r in introduced:
        path = r["introductionPath"]
        assert path[0]["id"] in partners and path[-1]["id"] == r["id"]
        assert "introduction: " + " → ".join(s["name"] for s in path) in r["sentence"]
    assert any(r["contacts"] for r in recommended)


def test_node_metrics_a_page_at_a_time(graphql: GraphQL, small_demo: str) -> None:
    query = """query($after: String) { nodeMetrics(kind: MUNICIPAL_UNIT, first: 4,
        after: $after) { totalCount betweennessExact sentence pageInfo { hasNextPage endCursor }
        nodes { id kind sector degree betweenness closeness constraint effectiveSize } } }"""
    first = data(graphql(query, small_demo), "nodeMetrics")
    second = data(graphql(query, small_demo, after=first["pageInfo"]["endCursor"]), "nodeMetrics")
    nodes = first["nodes"] + second["nodes"]
    assert len({n["id"] for n in nodes}) == 8 and first["totalCount"] > 8
    assert all(n["kind"] == "MUNICIPAL_UNIT" for n in nodes)
    betweenness = [n["betweenness"] for n in nodes]
    assert betweenness == sorted(betweenness, reverse=True)
    assert first["betweennessExact"] and first["pageInfo"]["hasNextPage"]


def test_communities_are_reproducible(graphql: GraphQL, small_demo: str) -> None:
    query = """{ communities(seed: 7, includeYoungPeople: false) { modularity seed engine
        communities { index label size actorCount sectors { sector count }
                      bridges { other ties actorIds } } } }"""
    first = data(graphql(query, small_demo), "communities")
    assert first == data(graphql(query, small_demo), "communities")
    assert first["modularity"] > 0.3 and first["seed"] == 7
    sizes = [c["size"] for c in first["communities"]]
    assert sizes == sorted(sizes, reverse=True)
    assert all(
        c["size"] == c["actorCount"] == sum(s["count"] for s in c["sectors"]) for c in first["communities"]
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            '{ gapReport(targetGroupId: "tg-nobody") { name } }',
            "there is no target group with id 'tg-nobody'",
        ),
        (
            '{ recommendations(targetGroupId: "school-heldagsskolen") { candidates } }',
            "'school-heldagsskolen' is a municipal unit, not a target group",
        ),
        ('{ gapReport(targetGroupId: "tg-loneliness", hops: 9) { name } }', "hops: 1 to 4, not 9"),
        (
            '{ gapReport(targetGroupId: "tg-loneliness", expectedSectors: []) { name } }',
            "expectedSectors: name at least one sector",
        ),
        ('{ brokers(areaId: "area-atlantis") { sources } }', "there is no area with id"),
        ("{ brokers(top: 0) { sources } }", "top: 1 to 500, not 0"),
        ("{ communities(resolution: -1) { modularity } }", "resolution: above 0"),
        ("{ nodeMetrics(kind: AREA) { totalCount } }", "metrics are for actors and young people"),
    ],
)
def test_expected_failures_are_plain_errors(
    graphql: GraphQL, small_demo: str, query: str, message: str
) -> None:
    body = graphql(query, small_demo)
    assert body["data"] is None
    assert message in body["errors"][0]["message"]


async def test_a_change_through_the_api_shows_in_the_next_answer(
    graphql: GraphQL, store: GraphStore, tenant: str, small_town: Callable[[str], Network]
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    query = """{ gapReport(targetGroupId: "tg", expectedSectors: [PUBLIC, BUSINESS]) {
        sectors { missing } supportNetwork { actors { id } } } }"""
    before = data(graphql(query, tenant), "gapReport")
    assert before["sectors"]["missing"] == ["BUSINESS"]

    created = data(
        graphql(
            """mutation { createActor(input: {id: "bike-shop", kind: BUSINESS,
        name: "Hvalsø Cykler", sector: BUSINESS, arenas: [WORK], areaId: "hvalsoe"}) {
        __typename } }""",
            tenant,
        ),
        "createActor",
    )
    assert created["__typename"] == "Actor"
    assert data(graphql(query, tenant), "gapReport")["sectors"]["missing"] == ["BUSINESS"]
    connected = data(
        graphql(
            """mutation { connect(input: {type: COLLABORATES_WITH,
        sourceId: "bike-shop", targetId: "school", strength: 2}) { __typename } }""",
            tenant,
        ),
        "connect",
    )
    assert connected["__typename"] == "Connected"

    after = data(graphql(query, tenant), "gapReport")
    assert after["sectors"]["missing"] == []
    assert "bike-shop" in {a["id"] for a in after["supportNetwork"]["actors"]}
