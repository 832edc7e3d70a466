"""The API as someone who did not write it meets it: through the `gql` client library."""

from __future__ import annotations

import pytest
from gql import Client, gql
from gql.transport.httpx import HTTPXAsyncTransport

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository

pytestmark = pytest.mark.neo4j


async def test_gql_client_reads_pages_and_changes(
    api_url: str, store: GraphStore, tenant: str, small_town, token_for
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    transport = HTTPXAsyncTransport(
        url=f"{api_url}/graphql",
        headers={"X-Graphsvc-Tenant": tenant, "Authorization": f"Bearer {token_for(tenant)}"},
    )
    # fetch_schema_from_transport: the client checks every document against our schema.
    async with Client(transport=transport, fetch_schema_from_transport=True) as session:
        page = await session.execute(
            gql("""query { actors(first: 2) {
            totalCount pageInfo { endCursor hasNextPage } edges { node { id name } } } }""")
        )
        assert page["actors"]["totalCount"] == 3
        nxt = await session.execute(
            gql("query($after: String) { actors(first: 2, after: $after) { edges { node { id } } } }"),
            variable_values={"after": page["actors"]["pageInfo"]["endCursor"]},
        )
        assert [e["node"]["id"] for e in nxt["actors"]["edges"]] == ["school"]

        walk = await session.execute(
            gql("""query { neighbourhood(id: "school", depth: 1,
            kinds: [ASSOCIATION]) { nodes { node { id name } } } }""")
        )
        assert {n["node"]["id"] for n in walk["neighbourhood"]["nodes"]} == {"school", "club"}

        created = await session.execute(
            gql("""mutation {
            createActor(input: {kind: ASSOCIATION, name: "Hvalsø Fodboldklub", sector: CIVIL_SOCIETY,
                                arenas: [LEISURE], id: "football"}) { __typename ... on Actor { id } }
            connect(input: {type: COLLABORATES_WITH, sourceId: "school", targetId: "football",
                            strength: 4}) { __typename ... on Connected { created } } }""")
        )
        assert created["createActor"] == {"__typename": "Actor", "id": "football"}
        assert created["connect"] == {"__typename": "Connected", "created": True}

        refused = await session.execute(
            gql("""mutation { connect(input: {type: ATTENDS,
            sourceId: "football", targetId: "school"}) { __typename ... on Error { message } } }""")
        )
        assert refused["connect"]["__typename"] == "TieNotAllowedError"
