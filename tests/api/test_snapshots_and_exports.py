"""Snapshots from GraphQL, and the network and growth-chart downloads, over real HTTP: what each
role may do and see, and the files read back by NetworkX."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from typing import Any

import httpx
import networkx as nx
import pytest
from openpyxl import load_workbook

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.db.nodes import NodeRepository
from graphsvc.domain import Actor, Arena, Kind, Network, Sector
from graphsvc.io.network_export import CONTENT_TYPES

pytestmark = pytest.mark.neo4j

GraphQL = Callable[..., dict[str, Any]]
Headers = Callable[..., dict[str, str]]

CREATE = """
mutation($name: String!, $day: Date) {
  createSnapshot(name: $name, takenOn: $day) {
    __typename
    ... on Snapshot { id name takenOn actors measures { actors actorTies components density
                                                         reach { targetGroupId members reached share } } }
    ... on Error { message }
  }
}"""
COMPARE = """
query($from: String!, $to: String!) {
  snapshotComparison(from: $from, to: $to) {
    sentence before { id isNow } after { id isNow }
    partnersGainedCount partnersGained { id name kind sector arenas }
    partnersLost { id }
    tiesGained { sourceId type targetId crossSector }
    bySector { sector partnersGained tiesGained }
    measures { measure before after change }
  }
}"""


@pytest.fixture
async def town(store: GraphStore, tenant: str, small_town: Callable[[str], Network]) -> str:
    await NetworkRepository(store).write(small_town(tenant))
    return tenant


async def test_take_list_and_compare_snapshots(graphql: GraphQL, store: GraphStore, town: str) -> None:
    taken = graphql(CREATE, town, name="Kick-off 2026", day="2026-01-15")["data"]["createSnapshot"]
    assert taken["__typename"] == "Snapshot"
    assert (taken["id"], taken["takenOn"], taken["actors"]) == ("kick-off-2026", "2026-01-15", 3)
    assert taken["measures"]["reach"] == [{"targetGroupId": "tg", "members": 1, "reached": 1, "share": 1.0}]

    await NodeRepository(store).create(
        Actor(
            kind=Kind.BUSINESS,
            id="brugsen",
            tenant=town,
            name="Brugsen",
            sector=Sector.BUSINESS,
            arenas={Arena.WORK},
        )
    )
    listed = graphql("{ snapshots { id name measures { actors } } }", town, as_role="viewer")
    assert listed["data"]["snapshots"] == [
        {"id": "kick-off-2026", "name": "Kick-off 2026", "measures": {"actors": 3}}
    ]

    # A viewer may compare: the comparison holds actors, ties and aggregates only.
    body = graphql(COMPARE, town, as_role="viewer", **{"from": "Kick-off 2026", "to": "now"})
    assert "errors" not in body, body
    c = body["data"]["snapshotComparison"]
    assert (c["before"], c["after"]) == (
        {"id": "kick-off-2026", "isNow": False},
        {"id": "now", "isNow": True},
    )
    assert c["partnersGainedCount"] == 1
    assert c["partnersGained"] == [
        {"id": "brugsen", "name": "Brugsen", "kind": "BUSINESS", "sector": "BUSINESS", "arenas": ["WORK"]}
    ]
    assert c["partnersLost"] == [] and c["tiesGained"] == []
    business = next(s for s in c["bySector"] if s["sector"] == "BUSINESS")
    assert business == {"sector": "BUSINESS", "partnersGained": 1, "tiesGained": 0}
    components = next(m for m in c["measures"] if m["measure"] == "COMPONENTS")
    assert (components["before"], components["after"], components["change"]) == (2, 3, 1)
    assert c["sentence"].startswith("From 'Kick-off 2026' (2026-01-15) to now: 1 partners gained")


async def test_snapshot_errors_are_typed_and_plain(graphql: GraphQL, town: str) -> None:
    graphql(CREATE, town, name="Kick-off 2026")
    again = graphql(CREATE, town, name="kick-off 2026")["data"]["createSnapshot"]
    assert again == {
        "__typename": "DuplicateError",
        "message": f"tenant {town!r} already has a snapshot named 'kick-off 2026': choose another name",
    }
    blank = graphql(CREATE, town, name="  ")["data"]["createSnapshot"]
    assert blank["__typename"] == "InvalidInputError" and "needs a name" in blank["message"]
    missing = graphql(COMPARE, town, **{"from": "nope", "to": "now"})
    assert missing["errors"][0]["message"] == f"there is no snapshot 'nope' in tenant {town!r}"
    too_many = graphql('{ snapshotComparison(from: "now") { tiesGained(first: 5000) { type } } }', town)
    assert "first: a page holds 1 to" in too_many["errors"][0]["message"]


async def test_only_coordinators_take_or_delete_snapshots(graphql: GraphQL, town: str) -> None:
    refused = graphql(CREATE, town, as_role="viewer", name="Kick-off 2026")
    assert refused["errors"][0]["message"].startswith("this needs a coordinator or admin;")
    assert graphql("{ snapshots { id } }", town)["data"]["snapshots"] == []
    graphql(CREATE, town, name="Kick-off 2026")
    delete = 'mutation { deleteSnapshot(id: "kick-off-2026") { __typename ... on Error { message } } }'
    assert "errors" in graphql(delete, town, as_role="viewer")
    assert graphql(delete, town)["data"]["deleteSnapshot"] == {"__typename": "DeletedSnapshot"}
    assert graphql(delete, town)["data"]["deleteSnapshot"]["__typename"] == "NotFoundError"


async def test_snapshots_of_another_tenant_are_out_of_reach(
    graphql: GraphQL, town: str, store: GraphStore, small_town: Any
) -> None:
    graphql(CREATE, town, name="Kick-off 2026")
    other = town + "-b"
    await NetworkRepository(store).write(small_town(other))
    assert graphql("{ snapshots { id } }", other)["data"]["snapshots"] == []
    body = graphql(COMPARE, other, **{"from": "kick-off-2026", "to": "now"})
    assert body["errors"][0]["message"] == f"there is no snapshot 'kick-off-2026' in tenant {other!r}"
    # A token for one tenant cannot name the other.
    crossing = graphql("query($t: String) { snapshots(tenant: $t) { id } }", other, t=town)
    assert "cannot reach another tenant" in crossing["errors"][0]["message"]


@pytest.mark.parametrize("role", ["viewer", "coordinator"])
async def test_network_downloads_hold_what_the_role_may_see(
    client: httpx.Client, auth: Headers, town: str, role: str
) -> None:
    gexf = client.get("/exports/network.gexf", headers=auth(town, role))
    assert gexf.status_code == 200, gexf.text
    assert gexf.headers["content-type"] == "application/gexf+xml; charset=utf-8"
    assert gexf.headers["content-disposition"] == f'attachment; filename="network-{town}.gexf"'
    G = nx.read_gexf(io.BytesIO(gexf.content))
    assert G.nodes["club"]["sector"] == "civil_society"
    assert {d["type"] for _, _, d in G.edges(data=True)} >= {"COLLABORATES_WITH", "REFERS_TO"}
    kinds = {d["kind"] for _, d in G.nodes(data=True)}
    graphml = client.get("/exports/network.graphml", headers=auth(town, role))
    H = nx.read_graphml(io.BytesIO(graphml.content), force_multigraph=True)
    assert {d["kind"] for _, d in H.nodes(data=True)} == kinds
    as_json = client.get("/exports/network.json", headers=auth(town, role)).json()
    assert {n["kind"] for n in as_json["nodes"]} == kinds
    kumu = client.get("/exports/network.xlsx", headers=auth(town, role))
    assert kumu.status_code == 200, kumu.text
    assert kumu.headers["content-type"] == CONTENT_TYPES["kumu"]
    assert kumu.headers["content-disposition"] == f'attachment; filename="network-{town}.xlsx"'
    elements = load_workbook(io.BytesIO(kumu.content))["Elements"]
    assert {row[2] for row in elements.iter_rows(min_row=2, values_only=True)} == {
        n["id"] for n in as_json["nodes"]
    }
    with zipfile.ZipFile(io.BytesIO(kumu.content)) as workbook:  # the sheets' XML
        sheets = b"".join(workbook.read(name) for name in workbook.namelist())
    texts = [gexf.content, graphml.content, str(as_json).encode(), sheets]
    if role == "viewer":
        assert kinds.isdisjoint({"YoungPerson", "Person"})
        for text in texts:
            assert b"yp-1" not in text and b"loneliness" not in text and b"Mette" not in text
        assert b"Ensomhed" not in sheets and b"Kontaktperson" not in sheets
    else:
        assert {"YoungPerson", "Person"} <= kinds
        assert all(b"yp-1" in text for text in texts)


async def test_csv_download_and_refusals(client: httpx.Client, auth: Headers, town: str, tenant: str) -> None:
    zipped = client.get(
        "/exports/network.zip",
        params={"lang": "en"},
        headers=auth(town, "viewer") | {"X-Graphsvc-Tenant": town},
    )
    assert zipped.status_code == 200 and zipped.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(zipped.content)) as archive:
        nodes = archive.read("nodes.csv").decode("utf-8-sig")
    assert {r["id"] for r in csv.DictReader(io.StringIO(nodes))} == {
        "kommune",
        "hvalsoe",
        "school",
        "club",
        "fund",
        "tg",
        "plusdig",
    }
    assert client.get("/exports/network.gexf").status_code == 401
    assert client.get("/exports/network.xlsx").status_code == 401
    elsewhere = client.get("/exports/network.gexf", params={"tenant": town + "-x"}, headers=auth(town))
    assert elsewhere.status_code == 403
    assert client.get("/exports/network.zip", params={"lang": "de"}, headers=auth(town)).status_code == 422


async def test_growth_chart_download(
    client: httpx.Client, auth: Headers, graphql: GraphQL, town: str
) -> None:
    none_yet = client.get("/exports/growth.png", headers=auth(town, "viewer"))
    assert none_yet.status_code == 400 and "has no snapshots yet" in none_yet.json()["detail"]
    graphql(CREATE, town, name="Kick-off 2026", day="2026-01-15")
    graphql(CREATE, town, name="Midtvejs", day="2026-06-01")
    png = client.get("/exports/growth.png", headers=auth(town, "viewer"))
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG")
    svg = client.get("/exports/growth.svg", params={"lang": "en"}, headers=auth(town))
    assert svg.headers["content-type"] == "image/svg+xml"
    assert b"How the network has grown" in svg.content and b"Midtvejs" in svg.content
