"""The explorer: search, pick an actor, its details and ego map; keyboard only; hostile names."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from graphsvc.config import Settings
from graphsvc.domain import Actor, Area, Arena, Kind, Network, Person, Sector, TargetGroup, Tie, TieType
from tests.browser.conftest import Guard, Screenshot, SignIn, drawn_map, write_network

HOSTILE = ("<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>", '"><svg onload=alert(3)>')


def focused(page: Page) -> str:
    return str(page.evaluate("document.activeElement.id || document.activeElement.className"))


def test_a_coordinator_finds_an_actor_by_keyboard_and_sees_its_details_and_ego_map(
    sign_in: SignIn,
    small_demo: str,
    screenshot: Screenshot,
) -> None:
    page = sign_in(small_demo)
    page.goto("/explorer")
    expect(page.locator("#results .result").first).to_be_visible()
    # From the top of the page (its first link), Tab reaches the search field, past the
    # navigation's pages, the glossary and the language switch.
    page.locator(".skip-link").focus()
    for _ in range(20):
        page.keyboard.press("Tab")
        if focused(page) == "search":
            break
    assert focused(page) == "search"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.type("Ungdomsklubben Kirke")
    page.keyboard.press("Enter")
    expect(page.locator("#result-count")).to_contain_text("Viser 1 af 1 aktør")
    for _ in range(4):
        page.keyboard.press("Tab")
        if "result" in (focused(page)).split():
            break
    expect(page.locator(":focus")).to_contain_text("Ungdomsklubben Kirke Hvidinge")
    page.keyboard.press("Enter")

    heading = page.locator("#actor-heading")
    expect(heading).to_have_text("Ungdomsklubben Kirke Hvidinge")
    expect(heading).to_be_focused()
    facts = page.locator("#actor-facts")
    expect(facts).to_contain_text("Kommunal enhed")
    expect(facts).to_contain_text("Offentlig sektor")
    expect(facts).to_contain_text("Kirke Hvidinge")
    expect(page.locator("#ties")).to_contain_text("Samarbejder med")
    assert "actor=club-kirke-hvidinge" in page.url

    frame = drawn_map(page, "ego-map")
    nodes = frame.evaluate("graphsvcMap.body.data.nodes.getIds()")
    assert "club-kirke-hvidinge" in nodes and len(nodes) > 5
    screenshot(page, "explorer")

    # Selecting another actor on the map names it under the map and offers its details.
    neighbour = frame.evaluate("graphsvcMap.body.data.nodes.getIds().find(id => id.startsWith('assoc-'))")
    assert frame.evaluate("id => window.graphsvcSelect(id)", neighbour) is not False
    expect(page.locator("#map-selection")).to_contain_text("Valgt på kortet")
    page.locator("#show-selected").click()
    expect(page.locator("#actor-heading")).not_to_have_text("Ungdomsklubben Kirke Hvidinge")
    assert f"actor={neighbour}" in page.url


def test_the_explorer_opens_an_actor_from_its_address_and_switches_to_english(
    sign_in: SignIn,
    small_demo: str,
) -> None:
    page = sign_in(small_demo, "viewer")
    page.goto("/explorer?actor=school-heldagsskolen&depth=2")
    expect(page.locator("#actor-heading")).to_have_text("Heldagsskolen Fjordlev")
    expect(page.locator("#depth")).to_have_value("2")
    page.locator("#language-switch").click()
    expect(page.locator("h1")).to_have_text("Explore the network")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#actor-facts")).to_contain_text("Municipal unit")
    expect(page.locator("#language-switch")).to_be_focused()
    expect(page.locator("#ego-map iframe")).to_have_attribute(
        "src", "/maps/ego.html?lang=en&actor=school-heldagsskolen&depth=2"
    )
    drawn_map(page, "ego-map", "lang=en")
    page.reload()  # the choice is remembered
    expect(page.locator("h1")).to_have_text("Explore the network")
    page.locator("#language-switch").click()
    expect(page.locator("h1")).to_have_text("Udforsk netværket")


def test_an_unknown_actor_is_a_plain_message(sign_in: SignIn, small_demo: str) -> None:
    page = sign_in(small_demo)
    page.goto("/explorer?actor=no-such-actor")
    expect(page.locator("#messages")).to_contain_text("Der er ingen aktør med id no-such-actor.")


@pytest.fixture
def hostile_town(settings: Settings, tenant: str) -> str:
    """A tenant whose names are markup and script."""
    area = Area(id="area-x", tenant=tenant, name=HOSTILE[2], area_type="town")
    school = Actor(
        kind=Kind.MUNICIPAL_UNIT,
        id="school",
        tenant=tenant,
        name=HOSTILE[0],
        sector=Sector.PUBLIC,
        arenas={Arena.SCHOOL},
        area="area-x",
        description=HOSTILE[1],
        category=HOSTILE[2],
    )
    club = Actor(
        kind=Kind.ASSOCIATION,
        id="club",
        tenant=tenant,
        name=HOSTILE[1],
        sector=Sector.CIVIL_SOCIETY,
        arenas={Arena.LEISURE},
        area="area-x",
    )
    person = Person(id="p-1", tenant=tenant, name=HOSTILE[2], role=HOSTILE[0], email="a@example.dk")
    group = TargetGroup(id="tg", tenant=tenant, name=HOSTILE[0], criteria_areas={"area-x"})
    ties = (
        Tie(type=TieType.COLLABORATES_WITH, source="school", target="club", strength=3),
        Tie(type=TieType.WORKS_FOR, source="p-1", target="school"),
    )
    write_network(settings, Network(tenant=tenant, nodes=(area, school, club, person, group), ties=ties))
    return tenant


def test_hostile_names_show_as_text_and_run_nothing(sign_in: SignIn, hostile_town: str) -> None:
    page = sign_in(hostile_town)
    page.goto("/explorer")
    results = page.locator("#results .result-name")
    expect(results).to_have_count(2)
    assert sorted(results.all_text_contents()) == sorted(HOSTILE[:2])
    page.locator("#results .result").filter(has_text=HOSTILE[0]).click()
    expect(page.locator("#actor-heading")).to_have_text(HOSTILE[0])
    expect(page.locator("#actor-facts")).to_contain_text(HOSTILE[1])
    expect(page.locator("#contacts")).to_contain_text(HOSTILE[2])
    expect(page.locator("#ties")).to_contain_text(HOSTILE[1])
    drawn_map(page, "ego-map")
    page.goto("/gaps")
    expect(page.locator("#report-heading")).to_have_text(HOSTILE[0])
    expect(page.locator("#target-group option")).to_contain_text(HOSTILE[0])
    # No markup from the data became elements; no dialog opened (the guard checks at the end).
    assert page.locator("main img, main svg, main script").count() == 0
    assert page.evaluate("document.querySelectorAll('[onerror], [onload]').length") == 0


def test_an_ended_session_is_said_in_words_with_a_way_back(
    sign_in: SignIn,
    small_demo: str,
    guard: Guard,
) -> None:
    page = sign_in(small_demo)
    page.goto("/explorer")
    expect(page.locator("#results .result").first).to_be_visible()
    assert page.context.request.delete("/auth/session").ok  # signed out elsewhere
    page.locator("#search").fill("Ungdomsklubben")
    page.keyboard.press("Enter")
    message = page.locator("#messages .message")
    expect(message).to_contain_text("Du er ikke logget ind (længere).")
    expect(message.locator("a")).to_have_attribute("href", "/sign-in?next=%2Fexplorer%3Fq%3DUngdomsklubben")
    # Chromium logs the refused request's 401 as a console error: expected here.
    assert len(guard.console_errors) == 1 and "401" in guard.console_errors[0]
    guard.console_errors.clear()
