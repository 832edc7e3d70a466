"""The workspace, as a coordinator uses it: from an empty tenant, build a small network in the
browser (areas, actors, ties, a contact person, a target group, an initiative, young people),
then see the gap report reflect it; a conflict between two editors; bad input; a viewer."""

from __future__ import annotations

import json
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from graphsvc.config import Settings
from tests.browser.conftest import Screenshot, SignIn, drawn_map, graphql, write_network

LAPTOP = {"width": 1366, "height": 768}
CLUBS = [
    "Hvalsø Klatreklub",
    "KFUM & KFUK Hvalsø",
    "Fjordlev E-sport",
    "Hvalsø Spejderne",
    "Hvalsø Boldklub",
    "Ungdomsskolen Hvalsø",
    "Kjær & Søn Tømrer",
    "Hvalsø Bibliotek",
]


def _tab_to(page: Page, element_id: str) -> None:
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def _new(page: Page, tab: str) -> None:
    page.locator(f"#tab-{tab}").click()
    page.locator("#new-node").click()
    expect(page.locator("#node-form")).to_be_visible()


def _create(page: Page) -> None:
    page.locator("#save").click()
    expect(page.locator("#messages .message.success")).to_be_visible()


def _pick(page: Page, text: str, option: str) -> None:
    control = page.locator("#tie-other-ts-control")
    control.click()
    control.fill(text)
    page.locator(".ts-dropdown .option", has_text=option).first.click()
    expect(page.locator(".ts-wrapper .item")).to_have_text(option)
    expect(page.locator(".ts-dropdown")).to_be_hidden()


def _add_tie(page: Page, kind_text: str, other: str, option: str | None = None, **properties: str) -> None:
    page.locator("#tie-choice").select_option(label=kind_text)
    _pick(page, other, option or other)
    for name, value in properties.items():
        page.locator(f"#tie-{name}").select_option(value) if name != "since" else page.locator(
            f"#tie-{name}"
        ).fill(value)
    page.locator("#tie-form button[type=submit]").click()
    expect(page.locator("#messages .message.success")).to_contain_text("Forbindelsen er tilføjet")


def _actor(page: Page, name: str, kind: str, sector: str, arena: str) -> None:
    _new(page, "actor")
    page.locator("#field-kind").select_option(label=kind)
    page.locator("#field-name").fill(name)
    page.locator("#field-sector").select_option(label=sector)
    page.locator("#field-arenas label", has_text=arena).click()
    page.locator("#field-areaId").select_option(label="Hvalsø")
    _create(page)
    expect(page.locator("#editor-heading")).to_have_text(name)


def test_a_coordinator_builds_a_network_from_an_empty_tenant(
    sign_in: SignIn, tenant: str, api_url: str, token_for: Any, screenshot: Screenshot
) -> None:
    page = sign_in(tenant)
    page.set_viewport_size(LAPTOP)
    page.goto("/workspace")
    expect(page.locator("#result-count")).to_have_text("0 i alt")

    _new(page, "area")
    page.locator("#field-name").fill("Hvalsø")
    page.locator("#field-areaType").fill("by")
    _create(page)

    # The first actor by keyboard alone: Enter on "Ny", letters pick options, Tab moves on.
    page.locator("#tab-actor").click()
    page.locator("#new-node").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#field-kind")).to_be_focused()
    page.keyboard.type("K")  # Kommunal enhed
    page.keyboard.press("Tab")
    page.keyboard.type("Hvalsø Skole")
    page.keyboard.press("Tab")
    page.keyboard.type("o")  # offentlig sektor
    page.keyboard.press("Tab")
    expect(page.locator("#field-arenas input[value=SCHOOL]")).to_be_focused()
    page.keyboard.press("Space")
    _tab_to(page, "field-areaId")
    page.keyboard.type("H")  # Hvalsø
    _tab_to(page, "save")
    page.keyboard.press("Enter")
    expect(page.locator("#messages .message.success")).to_be_visible()
    expect(page.locator("#editor-heading")).to_have_text("Hvalsø Skole")

    for name in CLUBS[:6]:
        _actor(page, name, "Forening", "civilsamfundet", "fritid")
    _actor(page, CLUBS[6], "Virksomhed", "erhvervslivet", "arbejde")
    _actor(page, CLUBS[7], "Kommunal enhed", "offentlig sektor", "lokalsamfund")
    _actor(page, "Helsefonden", "Organisation", "fonde", "sundhed")
    expect(page.locator("#result-count")).to_have_text("10 i alt")

    # Ties from the school: search finds names with punctuation.
    page.locator("#node-list button", has_text="Hvalsø Skole").click()
    expect(page.locator("#editor-heading")).to_have_text("Hvalsø Skole")
    _add_tie(page, "Samarbejder med", "Klatre", "Hvalsø Klatreklub", strength="4")
    _add_tie(page, "Samarbejder med", "KFUM &", "KFUM & KFUK Hvalsø")
    _add_tie(page, "Henviser til", "E-sport", "Fjordlev E-sport")
    # And one by keyboard alone: a letter picks the kind, the picker takes typing and arrows.
    page.locator("#tie-choice").focus()
    page.keyboard.type("Henv")  # Henviser til
    page.keyboard.press("Tab")
    expect(page.locator("#tie-other-ts-control")).to_be_focused()
    page.keyboard.type("Spejder")
    expect(page.locator(".ts-dropdown .option", has_text="Hvalsø Spejderne")).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator(".ts-wrapper .item")).to_have_text("Hvalsø Spejderne")
    _tab_to(page, "tie-since")
    page.keyboard.type("2024")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#messages .message.success")).to_contain_text("Forbindelsen er tilføjet")
    expect(page.locator("#ties-heading")).to_have_text("Forbindelser (4)")
    expect(page.locator(".tie-list")).to_contain_text("Hvalsø Spejderne · Forening (siden 2024)")
    screenshot(page, "workspace-actor")

    _new(page, "contact")
    page.locator("#field-name").fill("Mette Jensen")
    page.locator("#field-role").fill("Formand")
    page.locator("#field-email").fill("mette@example.dk")
    _create(page)
    _add_tie(page, "Frivillig hos", "Klatre", "Hvalsø Klatreklub")

    _new(page, "targetGroup")
    page.locator("#field-name").fill("Ensomme 12-14-årige i Hvalsø")
    page.locator("#field-criteria-ageBands label", has_text="12-14").click()
    page.locator("#field-criteria-areaIds label", has_text="Hvalsø").click()
    page.locator("#field-criteria-challenges label", has_text="ensomhed").click()
    _create(page)
    screenshot(page, "workspace-target-group")

    _new(page, "initiative")
    page.locator("#field-name").fill("+DIG")
    _create(page)
    _add_tie(page, "Deltagere", "Klatre", "Hvalsø Klatreklub", role="PARTNER")
    _add_tie(page, "Henvender sig til", "Ensomme", "Ensomme 12-14-årige i Hvalsø")
    _add_tie(page, "Støttes økonomisk af", "Helse", "Helsefonden")

    for pseudonym in ("Blå Ræv", "Grøn Ugle"):
        _new(page, "young")
        page.locator("#field-pseudonym").fill(pseudonym)
        page.locator("#field-ageBand").select_option(label="12-14 år")
        page.locator("#field-areaId").select_option(label="Hvalsø")
        page.locator("#field-challenges label", has_text="ensomhed").click()
        _create(page)
        _add_tie(page, "Går på", "Skole", "Hvalsø Skole")
    screenshot(page, "workspace-young-person")

    # What was entered is what the API reads, and the gap report reflects it.
    token = token_for(tenant, "admin")
    counts = graphql(api_url, token, "{ nodeCounts { kind count } }")["nodeCounts"]
    assert {c["kind"]: c["count"] for c in counts if c["count"]} == {
        "ASSOCIATION": 6,
        "BUSINESS": 1,
        "MUNICIPAL_UNIT": 2,
        "ORGANISATION": 1,
        "PERSON": 1,
        "AREA": 1,
        "TARGET_GROUP": 1,
        "INITIATIVE": 1,
        "YOUNG_PERSON": 2,
    }
    group = graphql(api_url, token, "{ targetGroups { edges { node { id memberCount } } } }")
    node = group["targetGroups"]["edges"][0]["node"]
    assert node["memberCount"] == 2
    page.goto(f"/gaps?target_group={node['id']}")
    expect(page.locator("#report-members")).to_contain_text("2")
    screenshot(page, "workspace-gap-report")

    # Every change is in the audit log under the coordinator who made it in the browser.
    log = graphql(api_url, token, "{ auditLog(first: 100) { actor action } }")["auditLog"]
    changes = [e for e in log if e["action"] != "add user"]  # the users made for this test
    # An area, ten actors, four ties, a contact person and its tie, a target group, an
    # initiative and its three ties, two young people and their two ties.
    assert len(changes) == 1 + 10 + 4 + 1 + 1 + 1 + 1 + 3 + 2 + 2
    assert {e["actor"] for e in changes} == {next(e["actor"] for e in changes)}
    assert changes[0]["actor"].endswith("(coordinator)")
    assert [e["action"] for e in changes].count("create association") == 6


def test_two_editors_of_one_actor_see_the_conflict_and_choose(
    sign_in: SignIn,
    tenant: str,
    settings: Settings,
    small_town: Any,
    browser: Any,
    api_url: str,
    token_for: Any,
    screenshot: Screenshot,
) -> None:
    write_network(settings, small_town(tenant))
    first = sign_in(tenant)
    first.goto("/workspace?id=club")
    expect(first.locator("#editor-heading")).to_have_text("Hvalsø Klatreklub")
    # A second coordinator changes the club meanwhile.
    other = graphql(
        api_url,
        token_for(tenant, "coordinator"),
        'mutation { updateActor(id: "club", input: {category: "Klatring"}) { __typename } }',
    )
    assert other["updateActor"]["__typename"] == "Actor"
    first.locator("#field-description").fill("Klatring for alle")
    first.locator("#save").click()
    conflict = first.locator("#conflict")
    expect(conflict).to_contain_text("coordinator")
    expect(conflict).to_contain_text("Kategori")
    screenshot(first, "workspace-conflict")
    found = graphql(
        api_url, token_for(tenant, "admin"), '{ actor(id: "club") { category description version } }'
    )["actor"]
    assert found == {"category": "Klatring", "description": None, "version": 2}
    first.locator("#conflict-overwrite").click()
    expect(first.locator("#messages .message.success")).to_be_visible()
    found = graphql(api_url, token_for(tenant, "admin"), '{ actor(id: "club") { description version } }')[
        "actor"
    ]
    assert found == {"description": "Klatring for alle", "version": 3}


def test_bad_input_is_named_next_to_its_field_and_writes_nothing(
    sign_in: SignIn, tenant: str, api_url: str, token_for: Any
) -> None:
    page = sign_in(tenant)
    page.goto("/workspace")
    _new(page, "actor")
    page.locator("#field-name").fill("   ")
    page.locator("#save").click()
    expect(page.locator("#field-name-problem")).to_have_text("Skal udfyldes.")
    expect(page.locator("#field-name")).to_be_focused()
    _new(page, "young")
    page.locator("#field-pseudonym").fill("010203-1234")
    expect(page.locator("#field-pseudonym-problem")).to_contain_text("CPR")
    page.locator("#save").click()
    expect(page.locator("#node-form")).to_contain_text("CPR")
    counts = graphql(api_url, token_for(tenant, "admin"), "{ nodeCounts { count } }")["nodeCounts"]
    assert sum(c["count"] for c in counts) == 0


def test_deleting_asks_first_and_says_what_goes_with_it(
    sign_in: SignIn, tenant: str, settings: Settings, small_town: Any, api_url: str, token_for: Any
) -> None:
    write_network(settings, small_town(tenant))
    page = sign_in(tenant)
    page.goto("/workspace?id=club")
    page.locator("#delete").click()
    expect(page.locator("dialog.confirm")).to_contain_text("Hvalsø Klatreklub")
    expect(page.locator("dialog.confirm")).to_contain_text("forbindelser")
    expect(page.locator("#confirm-no")).to_be_focused()
    page.keyboard.press("Escape")
    assert graphql(api_url, token_for(tenant, "admin"), '{ actor(id: "club") { id } }')["actor"]
    page.locator("#delete").click()
    page.locator("#confirm-yes").click()
    expect(page.locator("#messages .message.success")).to_contain_text("slettet")
    assert graphql(api_url, token_for(tenant, "admin"), '{ actor(id: "club") { id } }')["actor"] is None


def test_a_viewer_gets_no_edit_controls(sign_in: SignIn, small_demo: str) -> None:
    page = sign_in(small_demo, "viewer")
    page.goto("/workspace")
    expect(page.locator("#messages")).to_contain_text("Kun koordinatorer")
    expect(page.locator("#workspace")).to_be_hidden()
    assert page.locator("#node-form").count() == 0


@pytest.mark.parametrize("role", ["coordinator"])
def test_the_workspace_in_english(sign_in: SignIn, tenant: str, role: str) -> None:
    page = sign_in(tenant, role)
    page.goto("/workspace")
    page.locator("#language-switch").click()
    expect(page.locator("h1")).to_have_text("Edit the network")
    expect(page.locator("#tab-young")).to_have_text("Young people")
    assert json.dumps(page.locator("#tabs").inner_text()).count("Aktører") == 0


def test_saved_maps_are_renamed_and_deleted_and_a_broken_one_says_so(
    sign_in: SignIn, tenant: str, settings: Settings, small_town: Any, api_url: str, token_for: Any
) -> None:
    write_network(settings, small_town(tenant))
    token = token_for(tenant, "coordinator")
    save = "mutation($i: MapViewInput!) { saveMapView(input: $i) { ... on MapView { id } } }"
    ego = graphql(api_url, token, save, i={"kind": "EGO", "actor": "club", "title": "Klubbens kort"})
    graphql(api_url, token, save, i={"kind": "NETWORK", "title": "Hele byen"})
    graphql(api_url, token, 'mutation { deleteNode(id: "club") { __typename } }')
    page = sign_in(tenant)
    page.goto("/maps")
    broken = page.locator(f"#views li[data-id='{ego['saveMapView']['id']}']")
    expect(broken).to_contain_text("Kan ikke tegnes")
    whole = page.locator("#views li", has_text="Hele byen")
    whole.get_by_role("button", name="Omdøb Hele byen").click()
    page.locator("#rename-title").fill("Hvalsø i 2026")
    page.keyboard.press("Enter")
    expect(page.locator("#views")).to_contain_text("Hvalsø i 2026")
    broken.get_by_role("button", name="Slet Klubbens kort").click()
    page.locator("#confirm-yes").click()
    expect(page.locator("#messages")).to_contain_text("Kortet er slettet")
    expect(page.locator("#views")).not_to_contain_text("Klubbens kort")
    views = graphql(api_url, token, "{ mapViews { title problem } }")["mapViews"]
    assert views == [{"title": "Hvalsø i 2026", "problem": None}]


def test_the_explorer_leads_a_coordinator_to_the_editor(sign_in: SignIn, small_demo: str) -> None:
    page = sign_in(small_demo)
    page.goto("/explorer?actor=school-egelunde")
    edit = page.locator("#edit-actor")
    expect(edit).to_be_visible()
    edit.click()
    expect(page.locator("#editor-heading")).to_contain_text("Egelunde")
    expect(page.locator("#ties-heading")).to_contain_text("Forbindelser")


def test_an_actor_picked_on_any_map_leads_a_coordinator_to_the_editor(
    sign_in: SignIn, small_demo: str
) -> None:
    page = sign_in(small_demo)
    page.goto("/gaps?target_group=tg-loneliness")
    frame = drawn_map(page, "gap-map")
    assert frame.evaluate("window.graphsvcSelect('school-heldagsskolen')") is True
    link = page.locator("#gap-map .map-edit a")
    expect(link).to_contain_text("Redigér")
    link.click()
    expect(page.locator("#editor-heading")).to_contain_text("Heldagsskolen")


def test_a_long_list_is_shown_a_page_at_a_time(sign_in: SignIn, small_demo: str) -> None:
    page = sign_in(small_demo)
    page.goto("/workspace")
    expect(page.locator("#node-list li")).to_have_count(100)
    page.locator("#more-nodes").click()
    expect(page.locator("#node-list li")).to_have_count(200)
    page.locator("#search").fill("KFUM")
    page.locator("#search").press("Enter")
    expect(page.locator("#more-nodes")).to_be_hidden()
