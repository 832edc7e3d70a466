"""The explorer: search, pick an actor, its details and ego map; keyboard only; hostile names."""

from __future__ import annotations

import pytest
from playwright.async_api import Frame, Page, expect

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import Actor, Area, Arena, Kind, Network, Person, Sector, TargetGroup, Tie, TieType
from tests.browser.conftest import Screenshot, SignIn

HOSTILE = ('<img src=x onerror=alert(1)>', '</script><script>alert(2)</script>',
           '"><svg onload=alert(3)>')


async def drawn_map(page: Page, name: str) -> Frame:
    """The map in the iframe called ``name``, once vis-network has drawn it."""
    await page.wait_for_function(
        "name => { const f = document.querySelector(`iframe[name=${name}]`);"
        " return f && f.contentWindow && f.contentWindow.graphsvcMapReady === true; }",
        arg=name, timeout=30_000)
    frame = page.frame(name=name)
    assert frame is not None
    return frame


async def focused(page: Page) -> str:
    return str(await page.evaluate("document.activeElement.id || document.activeElement.className"))


async def test_a_coordinator_finds_an_actor_by_keyboard_and_sees_its_details_and_ego_map(
    sign_in: SignIn, small_demo: str, screenshot: Screenshot,
) -> None:
    page = await sign_in(small_demo)
    await page.goto("/explorer")
    await expect(page.locator("#results .result").first).to_be_visible()
    # From the top of the page, Tab reaches the search field.
    await page.evaluate("document.activeElement.blur()")
    for _ in range(12):
        await page.keyboard.press("Tab")
        if await focused(page) == "search":
            break
    assert await focused(page) == "search"
    assert await page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    await page.keyboard.type("Ungdomsklubben Kirke")
    await page.keyboard.press("Enter")
    await expect(page.locator("#result-count")).to_contain_text("Viser 1 af 1 aktør")
    for _ in range(4):
        await page.keyboard.press("Tab")
        if "result" in (await focused(page)).split():
            break
    await expect(page.locator(":focus")).to_contain_text("Ungdomsklubben Kirke Hvidinge")
    await page.keyboard.press("Enter")

    heading = page.locator("#actor-heading")
    await expect(heading).to_have_text("Ungdomsklubben Kirke Hvidinge")
    await expect(heading).to_be_focused()
    facts = page.locator("#actor-facts")
    await expect(facts).to_contain_text("Kommunal enhed")
    await expect(facts).to_contain_text("Offentlig sektor")
    await expect(facts).to_contain_text("Kirke Hvidinge")
    await expect(page.locator("#ties")).to_contain_text("Samarbejder med")
    assert "actor=club-kirke-hvidinge" in page.url

    frame = await drawn_map(page, "ego-map")
    nodes = await frame.evaluate("graphsvcMap.body.data.nodes.getIds()")
    assert "club-kirke-hvidinge" in nodes and len(nodes) > 5
    await screenshot(page, "explorer")

    # Selecting another actor on the map names it under the map and offers its details.
    neighbour = await frame.evaluate(
        "graphsvcMap.body.data.nodes.getIds().find(id => id.startsWith('assoc-'))")
    assert await frame.evaluate("id => window.graphsvcSelect(id)", neighbour) is not False
    await expect(page.locator("#map-selection")).to_contain_text("Valgt på kortet")
    await page.locator("#show-selected").click()
    await expect(page.locator("#actor-heading")).not_to_have_text("Ungdomsklubben Kirke Hvidinge")
    assert f"actor={neighbour}" in page.url


async def test_the_explorer_opens_an_actor_from_its_address_and_switches_to_english(
    sign_in: SignIn, small_demo: str,
) -> None:
    page = await sign_in(small_demo, "viewer")
    await page.goto("/explorer?actor=school-heldagsskolen&depth=2")
    await expect(page.locator("#actor-heading")).to_have_text("Heldagsskolen Fjordlev")
    await expect(page.locator("#depth")).to_have_value("2")
    await page.locator("#language-switch").click()
    await expect(page.locator("h1")).to_have_text("Explore the network")
    await expect(page.locator("html")).to_have_attribute("lang", "en")
    await expect(page.locator("#actor-facts")).to_contain_text("Municipal unit")
    await expect(page.locator("#language-switch")).to_be_focused()
    await expect(page.locator("#ego-map iframe")).to_have_attribute(
        "src", "/maps/ego.html?lang=en&actor=school-heldagsskolen&depth=2")
    await drawn_map(page, "ego-map")
    await page.reload()  # the choice is remembered
    await expect(page.locator("h1")).to_have_text("Explore the network")
    await page.locator("#language-switch").click()
    await expect(page.locator("h1")).to_have_text("Udforsk netværket")


async def test_an_unknown_actor_is_a_plain_message(sign_in: SignIn, small_demo: str) -> None:
    page = await sign_in(small_demo)
    await page.goto("/explorer?actor=no-such-actor")
    await expect(page.locator("#messages")).to_contain_text("Der er ingen aktør med id no-such-actor.")


@pytest.fixture
async def hostile_town(store: GraphStore, tenant: str) -> str:
    """A tenant whose names are markup and script."""
    area = Area(id="area-x", tenant=tenant, name=HOSTILE[2], area_type="town")
    school = Actor(kind=Kind.MUNICIPAL_UNIT, id="school", tenant=tenant, name=HOSTILE[0],
                   sector=Sector.PUBLIC, arenas={Arena.SCHOOL}, area="area-x",
                   description=HOSTILE[1], category=HOSTILE[2])
    club = Actor(kind=Kind.ASSOCIATION, id="club", tenant=tenant, name=HOSTILE[1],
                 sector=Sector.CIVIL_SOCIETY, arenas={Arena.LEISURE}, area="area-x")
    person = Person(id="p-1", tenant=tenant, name=HOSTILE[2], role=HOSTILE[0],
                    email="a@example.dk")
    group = TargetGroup(id="tg", tenant=tenant, name=HOSTILE[0], criteria_areas={"area-x"})
    ties = (Tie(type=TieType.COLLABORATES_WITH, source="school", target="club", strength=3),
            Tie(type=TieType.WORKS_FOR, source="p-1", target="school"))
    await NetworkRepository(store).write(
        Network(tenant=tenant, nodes=(area, school, club, person, group), ties=ties))
    return tenant


async def test_hostile_names_show_as_text_and_run_nothing(sign_in: SignIn, hostile_town: str) -> None:
    page = await sign_in(hostile_town)
    await page.goto("/explorer")
    results = page.locator("#results .result-name")
    await expect(results).to_have_count(2)
    assert sorted(await results.all_text_contents()) == sorted(HOSTILE[:2])
    await page.locator("#results .result").filter(has_text=HOSTILE[0]).click()
    await expect(page.locator("#actor-heading")).to_have_text(HOSTILE[0])
    await expect(page.locator("#actor-facts")).to_contain_text(HOSTILE[1])
    await expect(page.locator("#contacts")).to_contain_text(HOSTILE[2])
    await expect(page.locator("#ties")).to_contain_text(HOSTILE[1])
    await drawn_map(page, "ego-map")
    await page.goto("/gaps")
    await expect(page.locator("#report-heading")).to_have_text(HOSTILE[0])
    await expect(page.locator("#target-group option")).to_contain_text(HOSTILE[0])
    # No markup from the data became elements; no dialog opened (the guard checks at the end).
    assert await page.locator("main img, main svg, main script").count() == 0
    assert await page.evaluate("document.querySelectorAll('[onerror], [onload]').length") == 0
