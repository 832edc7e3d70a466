"""Erasing a person removes them everywhere graphsvc shows them: the graph, the analytics kept
in memory, saved map views (drawn afresh, never from a stored copy), the access export, and
the audit log's copies of their record; and user management is in the audit log too."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository

pytestmark = pytest.mark.neo4j

GraphQL = Callable[..., dict[str, Any]]
Headers = Callable[..., dict[str, str]]
GAPS = '{ gapReport(targetGroupId: "tg") { memberCount } }'


async def test_an_erased_young_person_leaves_maps_and_kept_analytics_at_once(
    graphql: GraphQL,
    client: httpx.Client,
    auth: Headers,
    store: GraphStore,
    tenant: str,
    small_town: Any,
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    view = graphql(
        "mutation { saveMapView(input: {kind: NETWORK, youngPeople: INDIVIDUALS}) { "
        "... on MapView { url } } }",
        tenant,
    )["data"]["saveMapView"]["url"]

    def drawn() -> str:
        page = client.get(view, headers=auth(tenant) | {"X-Graphsvc-Tenant": tenant})
        assert page.status_code == 200, page.text
        return page.text

    assert "Blå Ræv" in drawn()
    assert graphql(GAPS, tenant)["data"]["gapReport"]["memberCount"] == 1  # now kept in memory

    graphql('mutation { erasePerson(id: "yp-1") { __typename } }', tenant, as_role="admin")
    assert "Blå Ræv" not in drawn()
    assert graphql(GAPS, tenant)["data"]["gapReport"]["memberCount"] == 0


async def test_an_erased_contact_person_is_gone_with_every_copy_of_their_details(
    graphql: GraphQL,
    store: GraphStore,
    tenant: str,
    small_town: Any,
) -> None:
    await NetworkRepository(store).write(small_town(tenant))
    graphql(
        'mutation { updateContactPerson(id: "p-1", input: {phone: "+45 12 34 56 78"}) { __typename } }',
        tenant,
    )
    held = graphql('{ personalData(id: "p-1") }', tenant, as_role="admin")["data"]["personalData"]
    assert held["person"]["email"] == "mette@example.dk"
    assert [(t["type"], t["other"]["id"]) for t in held["ties"]] == [("VOLUNTEERS_AT", "club")]
    assert held["changes"][0]["after"]["phone"] == "+45 12 34 56 78"

    erased = graphql(
        'mutation { erasePerson(id: "p-1") { ... on Erased { tiesRemoved auditEntriesRedacted } } }',
        tenant,
        as_role="admin",
    )["data"]["erasePerson"]
    assert erased == {"tiesRemoved": 1, "auditEntriesRedacted": 1}
    assert graphql('{ contactPerson(id: "p-1") { id } }', tenant)["data"]["contactPerson"] is None
    club = graphql('{ actor(id: "club") { contactPersons { id } } }', tenant)["data"]["actor"]
    assert club["contactPersons"] == []
    log = graphql("{ auditLog { action before after } }", tenant, as_role="admin")["data"]
    assert "mette@example.dk" not in str(log) and "Mette Jensen" not in str(log)
    assert "erase person" in [e["action"] for e in log["auditLog"]]


async def test_user_management_is_in_the_audit_log_of_its_own_tenant_only(
    graphql: GraphQL,
    tenant: str,
) -> None:
    admin = "admin"
    added = graphql(
        'mutation { addUser(name: "birgit", role: VIEWER) { ... on IssuedToken { tokenId } } }',
        tenant,
        as_role=admin,
    )["data"]["addUser"]
    graphql(
        'mutation { setUserRole(name: "birgit", role: COORDINATOR) { __typename } }', tenant, as_role=admin
    )
    graphql('mutation { revokeTokens(name: "birgit") { __typename } }', tenant, as_role=admin)
    graphql('mutation { removeUser(name: "birgit") { __typename } }', tenant, as_role=admin)
    log = graphql("{ auditLog { actor action target before after } }", tenant, as_role=admin)["data"][
        "auditLog"
    ]
    about_birgit = [e for e in log if e["target"] == "user birgit"]
    assert [e["action"] for e in about_birgit] == [
        "remove user",
        "revoke tokens",
        "set user role",
        "add user",
    ]
    assert about_birgit[2]["before"] == {"role": "viewer"}
    assert about_birgit[2]["after"] == {"role": "coordinator"}
    assert about_birgit[3]["after"]["token_id"] == added["tokenId"]
    assert all(e["actor"].endswith("(admin)") for e in about_birgit)
    # The token's secret and hash are never in the log.
    assert "gs_" not in str(log) and "hash" not in str(log)

    neighbour = graphql("{ auditLog { target } }", tenant + "-n", as_role=admin)["data"]["auditLog"]
    assert "user birgit" not in [e["target"] for e in neighbour]
