"""Presentations over GraphQL and HTTP against the real Neo4j: a coordinator makes, edits,
reorders and deletes them; viewers show them; bad input is refused whole; tenants stay apart;
the file is one offline page; share links show a viewer's map and stop when revoked."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from graphsvc.api.file_names import content_disposition
from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.maps import assets
from tests.maps.towns import IMG, SCRIPT, two_towns

pytestmark = pytest.mark.neo4j

GraphQL = Callable[..., dict[str, Any]]
Headers = Callable[..., dict[str, str]]

FIELDS = "id title url download createdBy steps { viewId heading text }"
RESULT = f"""__typename ... on Presentation {{ {FIELDS} }} ... on Error {{ message }}
    ... on InvalidInputError {{ problems {{ record problem }} }}"""
CREATE = f"mutation($i: PresentationInput!) {{ createPresentation(input: $i) {{ {RESULT} }} }}"
UPDATE = (
    f"mutation($id: ID!, $i: PresentationInput!) {{ updatePresentation(id: $id, input: $i) {{ {RESULT} }} }}"
)
DELETE = """mutation($id: ID!) { deletePresentation(id: $id) {
    __typename ... on DeletedPresentation { id shareLinksRevoked } ... on Error { message } } }"""
LIST = f"{{ presentations {{ {FIELDS} }} }}"
ONE = f"query($id: ID!) {{ presentation(id: $id) {{ {FIELDS} }} }}"
LINK = """mutation($id: ID!) { createPresentationLink(presentationId: $id, expiresInDays: 7) {
    __typename ... on NewPresentationLink { token url download link { id status } }
    ... on Error { message } } }"""
REVOKE = """mutation($id: ID!) { revokePresentationLink(id: $id) {
    __typename ... on PresentationLink { id status } ... on Error { message } } }"""
SAVE_VIEW = """mutation($input: MapViewInput!) { saveMapView(input: $input) {
    __typename ... on MapView { id } ... on Error { message } } }"""
_DECK = re.compile(r'<script type="application/json" id="deck-data">(.*?)</script>', re.S)


def ok(body: dict[str, Any], field: str) -> Any:
    assert "errors" not in body, body["errors"]
    return body["data"][field]


def deck(page: str) -> dict[str, Any]:
    found = _DECK.search(page)
    assert found is not None, page[:300]
    return json.loads(found.group(1))  # type: ignore[no-any-return]


@pytest.fixture
async def towns(store: GraphStore, tenant: str) -> str:
    await NetworkRepository(store).write(two_towns(tenant, hostile=True))
    return tenant


@pytest.fixture
def views(graphql: GraphQL, towns: str) -> list[str]:
    """Three saved views of the towns: the network, in English, and with young people shown."""
    made = []
    for fields in (
        {"kind": "NETWORK", "title": f"Netværket {IMG}"},
        {"kind": "NETWORK", "lang": "EN", "metric": "BETWEENNESS"},
        {"kind": "NETWORK", "youngPeople": "INDIVIDUALS", "title": "Med unge"},
    ):
        view = ok(graphql(SAVE_VIEW, towns, input=fields), "saveMapView")
        assert view["__typename"] == "MapView", view
        made.append(view["id"])
    return made


def steps(view_ids: list[str], **words: str) -> list[dict[str, str]]:
    return [
        {"viewId": v, "heading": words.get("heading", f"Trin {n}"), "text": words.get("text", f"Om trin {n}")}
        for n, v in enumerate(view_ids, start=1)
    ]


def create(graphql: GraphQL, tenant: str, title: str, view_ids: list[str], **words: str) -> dict[str, Any]:
    made = ok(
        graphql(CREATE, tenant, i={"title": title, "steps": steps(view_ids, **words)}), "createPresentation"
    )
    assert made["__typename"] == "Presentation", made
    return made  # type: ignore[no-any-return]


def test_a_coordinator_makes_edits_reorders_and_deletes_a_presentation(
    graphql: GraphQL, towns: str, views: list[str]
) -> None:
    made = create(graphql, towns, "  Netværket   2026 ", views)
    assert made["title"] == "Netværket 2026"
    assert [s["viewId"] for s in made["steps"]] == views
    assert made["url"] == f"/presentations/{made['id']}.html"
    reordered = list(reversed(views))
    changed = ok(
        graphql(UPDATE, towns, id=made["id"], i={"title": "Vores netværk", "steps": steps(reordered)}),
        "updatePresentation",
    )
    assert changed["__typename"] == "Presentation", changed
    assert [s["viewId"] for s in changed["steps"]] == reordered and changed["title"] == "Vores netværk"
    assert ok(graphql(ONE, towns, id=made["id"]), "presentation")["steps"] == changed["steps"]
    assert [p["id"] for p in ok(graphql(LIST, towns), "presentations")] == [made["id"]]
    gone = ok(graphql(DELETE, towns, id=made["id"]), "deletePresentation")
    assert gone == {"__typename": "DeletedPresentation", "id": made["id"], "shareLinksRevoked": 0}
    assert ok(graphql(ONE, towns, id=made["id"]), "presentation") is None
    again = ok(graphql(DELETE, towns, id=made["id"]), "deletePresentation")
    assert again["__typename"] == "NotFoundError"


@pytest.mark.parametrize(
    ("change", "record", "says"),
    [
        ({"title": "   "}, "title", "needs a title"),
        ({"title": "x" * 201}, "title", "at most 200 characters"),
        ({"steps": []}, "steps", "at least one step"),
        ({"heading": "h" * 121}, "steps[1].heading", "at most 120 characters, not 121"),
        ({"heading": " "}, "steps[1].heading", "needs a heading"),
        ({"text": "t" * 601}, "steps[1].text", "at most 600 characters, not 601"),
        ({"text": "a\x07b"}, "steps[1].text", "control characters"),
        ({"duplicate": True}, "steps[2].viewId", "is step 1 already"),
        ({"unknown": True}, "steps[2].viewId", "there is no saved map view 'view-nowhere'"),
    ],
)
def test_bad_input_is_refused_whole_and_changes_nothing(
    graphql: GraphQL, towns: str, views: list[str], change: dict[str, Any], record: str, says: str
) -> None:
    first = create(graphql, towns, "Den første", views)
    chosen = (
        [views[0], views[0]]
        if change.get("duplicate")
        else [views[0], "view-nowhere"]
        if change.get("unknown")
        else views
    )
    given = steps(chosen, **{k: v for k, v in change.items() if k in ("heading", "text")})
    body = {"title": change.get("title", "Den anden"), "steps": change.get("steps", given)}
    for operation, field, values in (
        (CREATE, "createPresentation", {"i": body}),
        (UPDATE, "updatePresentation", {"id": first["id"], "i": body}),
    ):
        refused = ok(graphql(operation, towns, **values), field)
        assert refused["__typename"] == "InvalidInputError", refused
        assert any(p["record"] == record and says in p["problem"] for p in refused["problems"]), refused
    assert ok(graphql(LIST, towns), "presentations") == [
        {k: first[k] for k in ("id", "title", "url", "download", "createdBy", "steps")}
    ]


def test_a_title_is_unique_in_its_tenant(graphql: GraphQL, towns: str, views: list[str]) -> None:
    create(graphql, towns, "Kick-off", views[:1])
    other = create(graphql, towns, "Status", views[1:])
    for operation, field, values in (
        (CREATE, "createPresentation", {}),
        (UPDATE, "updatePresentation", {"id": other["id"]}),
    ):
        body = {"title": " kick-OFF ", "steps": steps(views[:1])}
        refused = ok(graphql(operation, towns, i=body, **values), field)
        assert refused["__typename"] == "DuplicateError" and "Kick-off" not in refused["message"][:0]
        assert "already has a presentation called" in refused["message"]
    assert sorted(p["title"] for p in ok(graphql(LIST, towns), "presentations")) == ["Kick-off", "Status"]


def test_viewers_show_presentations_but_never_change_them(
    graphql: GraphQL, client: httpx.Client, auth: Headers, towns: str, views: list[str]
) -> None:
    made = create(graphql, towns, "Til partnerne", views)
    assert [p["id"] for p in ok(graphql(LIST, towns, as_role="viewer"), "presentations")] == [made["id"]]
    for operation, values in (
        (CREATE, {"i": {"title": "Nej", "steps": steps(views)}}),
        (UPDATE, {"id": made["id"], "i": {"title": "Nej", "steps": steps(views)}}),
        (DELETE, {"id": made["id"]}),
        (LINK, {"id": made["id"]}),
    ):
        refused = graphql(operation, towns, as_role="viewer", **values)
        assert refused.get("errors") and "coordinator" in refused["errors"][0]["message"], refused
    links = graphql("{ presentationLinks { id } }", towns, as_role="viewer")
    assert links.get("errors")
    assert ok(graphql(LIST, towns), "presentations")[0]["title"] == "Til partnerne"
    page = client.get(made["url"], headers=auth(towns, "viewer"))
    assert page.status_code == 200, page.text[:300]
    shown = deck(page.text)
    assert [s["heading"] for s in shown["steps"]] == ["Trin 1", "Trin 2", "Trin 3"]
    # The view asking for individual young people shows a viewer groups only.
    assert "YoungPerson&quot;" not in page.text and '"YoungPerson"' not in page.text
    assert "YoungPeopleGroup" in "".join(shown["steps"][2]["page"])


def test_tenants_stay_apart(
    graphql: GraphQL, client: httpx.Client, auth: Headers, towns: str, views: list[str], store: GraphStore
) -> None:
    made = create(graphql, towns, "Hjemme", views)
    other = f"{towns}-other"
    # Another tenant cannot use these views, see the presentation or reach its pages.
    refused = ok(graphql(CREATE, other, i={"title": "Ude", "steps": steps(views[:1])}), "createPresentation")
    assert refused["__typename"] == "InvalidInputError", refused
    assert ok(graphql(ONE, other, id=made["id"]), "presentation") is None
    assert ok(graphql(LIST, other), "presentations") == []
    assert ok(graphql(DELETE, other, id=made["id"]), "deletePresentation")["__typename"] == "NotFoundError"
    assert client.get(made["url"], headers=auth(other, "coordinator")).status_code == 404
    asked = graphql(LIST.replace("presentations", f'presentations(tenant: "{other}")', 1), towns)
    assert asked.get("errors") and "cannot reach another tenant" in asked["errors"][0]["message"]
    assert ok(graphql(ONE, towns, id=made["id"]), "presentation")["title"] == "Hjemme"


def test_the_download_is_one_offline_page_and_names_stay_text(
    graphql: GraphQL, client: httpx.Client, auth: Headers, towns: str, views: list[str]
) -> None:
    made = create(graphql, towns, f"Fortælling {SCRIPT}", views, heading=f"Overskrift {IMG}", text=SCRIPT)
    answer = client.get(made["download"], headers=auth(towns))
    assert answer.status_code == 200, answer.text[:300]
    # Named after the presentation's title, as map downloads are; the markup is no part of it.
    assert answer.headers["content-disposition"] == content_disposition(f"Fortælling {SCRIPT}", "html")
    assert 'filename="Fortaelling-script-script-alert-1-script.html"' in answer.headers["content-disposition"]
    policy = answer.headers["content-security-policy"]
    assert policy.startswith("default-src 'none'; script-src 'sha256-") and "connect-src" not in policy
    assert answer.headers["cache-control"] == "no-store"
    page = answer.text
    # vis-network once, no address to load anything from.
    assert page.count(assets.vis_network_js()) == 1
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    # Hostile words: escaped in the title, inert JSON in the data, never markup.
    assert IMG not in page and SCRIPT not in page
    assert f"<title>{html.escape('Fortælling ' + SCRIPT)}</title>" in page
    shown = deck(page)
    assert shown["steps"][0]["heading"] == f"Overskrift {IMG}" and shown["steps"][0]["text"] == SCRIPT


def test_a_share_link_shows_the_presentation_until_revoked(
    graphql: GraphQL, client: httpx.Client, towns: str, views: list[str]
) -> None:
    made = create(graphql, towns, "Delt", views)
    link = ok(graphql(LINK, towns, id=made["id"]), "createPresentationLink")
    assert link["__typename"] == "NewPresentationLink", link
    assert link["url"].endswith(f"/shared-presentations/{link['token']}")
    shared = client.get(f"/shared-presentations/{link['token']}")
    assert shared.status_code == 200, shared.text[:300]
    assert shared.headers["content-security-policy"].endswith("frame-ancestors *")
    assert shared.headers["x-robots-tag"] == "noindex"
    assert '"YoungPerson"' not in shared.text and len(deck(shared.text)["steps"]) == 3
    assert client.get(f"/shared-presentations/{link['token']}/download.html").status_code == 200
    # The token is no key to anything else.
    assert client.get(f"/share/{link['token']}").status_code == 404
    bearer = {"Authorization": f"Bearer {link['token']}"}
    assert client.post("/graphql", json={"query": LIST}, headers=bearer).status_code == 401
    revoked = ok(graphql(REVOKE, towns, id=link["link"]["id"]), "revokePresentationLink")
    assert revoked["status"] == "REVOKED"
    assert client.get(f"/shared-presentations/{link['token']}").status_code == 410
    second = ok(graphql(LINK, towns, id=made["id"]), "createPresentationLink")
    assert ok(graphql(DELETE, towns, id=made["id"]), "deletePresentation")["shareLinksRevoked"] == 1
    gone = client.get(f"/shared-presentations/{second['token']}")
    assert gone.status_code == 410
    assert client.get("/shared-presentations/gsv_nothing").status_code == 404


def test_a_step_whose_view_was_deleted_says_so(
    graphql: GraphQL, client: httpx.Client, auth: Headers, towns: str, views: list[str]
) -> None:
    made = create(graphql, towns, "Med hul", views)
    deleted = graphql("mutation($id: ID!) { deleteMapView(id: $id) { __typename } }", towns, id=views[1])
    assert deleted["data"]["deleteMapView"]["__typename"] == "DeletedMapView"
    shown = deck(client.get(made["url"], headers=auth(towns)).text)
    assert shown["steps"][1]["page"] is None and "slettet" in shown["steps"][1]["problem"]
    assert shown["steps"][0]["page"] is not None
