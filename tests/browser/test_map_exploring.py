"""Exploring a map in real headless Chromium: the legend hides and shows sectors, kinds and tie
types, an area filter and a focus on one actor narrow what vis-network draws, hovering lights a
node's neighbours, and all of it is saved with a view and opens again through its share link
and its downloaded page. The brokers page's map names every broker it highlights, as many as
its table lists. What is drawn is read through vis-network's API (the DataView of the nodes).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Frame, Page, expect

from tests.browser.conftest import Guard, Screenshot, graphql
from tests.browser.test_maps_browser import SHARE, drawn_nodes, hostile_towns
from tests.maps.towns import IMG

pytestmark = pytest.mark.neo4j
__all__ = ["hostile_towns"]  # a fixture, used by name

SHOTS = Path("/tmp/shots/map-exploring")
# The ids vis-network draws now (its DataView lets through only what is shown).
DRAWN = "() => graphsvcMap.body.data.nodes.getIds().slice().sort()"
# Every node of the map with its sector, kind and area codes, and the ties as id pairs.
MAP = """() => {
    const d = JSON.parse(document.getElementById("graphsvc-map-data").textContent);
    const n = d.nodes;
    const nodes = n.id.map((id, i) => ({
        id, label: n.label[i], mark: n.mark[i],
        sector: n.sector[i] >= 0 ? d.sectors[n.sector[i]].code : null,
        kind: d.kinds[n.kind[i]].code, area: n.area[i] >= 0 ? d.areaIds[n.area[i]] : null}));
    const ties = [];
    for (let e = 0; e < d.edges.length / 3; e++) {
        ties.push([n.id[d.edges[3 * e]], n.id[d.edges[3 * e + 1]], d.ties[d.edgeTies[e]].code]);
    }
    return {nodes, ties};
}"""
NODE_AT = """id => {
    const net = window.graphsvcMap;
    const p = net.canvasToDOM(net.getPositions([id])[id]);
    const box = document.getElementById("graphsvc-canvas").getBoundingClientRect();
    return {x: box.left + p.x, y: box.top + p.y, top: net.getNodeAt(p)};
}"""


def lit_up(target: Page) -> list[str]:
    """The ids the hovered node lights up, once vis-network has seen the pointer over it."""
    for _ in range(20):
        lit: list[str] = target.evaluate("graphsvcExplore.highlighted()")
        if lit:
            return lit
        target.wait_for_timeout(100)
    return []


def shot(target: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    target.screenshot(path=str(SHOTS / f"{name}.png"))


def drawn(target: Page | Frame) -> list[str]:
    return list(target.evaluate(DRAWN))


def within(ties: list[list[str]], start: str, steps: int) -> set[str]:
    """The nodes at most ``steps`` ties from ``start``."""
    reached, frontier = {start}, {start}
    for _ in range(steps):
        frontier = {b if a in frontier else a for a, b, _ in ties if (a in frontier) != (b in frontier)}
        frontier -= reached
        reached |= frontier
    return reached


def test_the_legend_area_filter_focus_and_hover_change_what_is_drawn(
    small_demo: str, sign_in: Callable[..., Page], screenshot: Screenshot
) -> None:
    page = sign_in(small_demo)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto("/maps/network.html?lang=en")
    total = drawn_nodes(page)
    m: dict[str, Any] = page.evaluate(MAP)
    by_id = {n["id"]: n for n in m["nodes"]}
    all_ties = page.evaluate("graphsvcExplore.shownEdges()")
    assert all_ties == len(m["ties"]) > 0

    # A click on a sector hides its nodes and their ties; the entry looks hidden.
    business = page.locator("button.graphsvc-toggle[data-group=sector][data-code=business]")
    expect(business).to_have_attribute("aria-pressed", "true")
    business.click()
    expect(business).to_have_attribute("aria-pressed", "false")
    expect(business).to_have_class("graphsvc-toggle is-off")
    shown = drawn(page)
    assert shown == sorted(n["id"] for n in m["nodes"] if n["sector"] != "business")
    assert len(shown) < total
    kept = set(shown)
    assert page.evaluate("graphsvcExplore.shownEdges()") == sum(
        1 for a, b, _ in m["ties"] if a in kept and b in kept
    )
    assert page.evaluate("graphsvcExplore.state()") == {"hide_sectors": "business"}
    shot(page, "legend-business-hidden")
    # Enter on the same entry shows it again; Space on a kind hides that kind.
    business.focus()
    page.keyboard.press("Enter")
    expect(business).to_have_attribute("aria-pressed", "true")
    assert len(drawn(page)) == total
    groups = page.locator("button.graphsvc-toggle[data-group=kind][data-code=YoungPeopleGroup]")
    groups.focus()
    page.keyboard.press("Space")
    assert drawn(page) == sorted(n["id"] for n in m["nodes"] if n["kind"] != "YoungPeopleGroup")
    # A tie type hides ties only.
    page.locator("button.graphsvc-toggle[data-group=tie][data-code=collaboration]").click()
    assert page.evaluate("graphsvcExplore.shownEdges()") == sum(
        1
        for a, b, tie in m["ties"]
        if tie != "collaboration"
        and by_id[a]["kind"] != "YoungPeopleGroup"
        and by_id[b]["kind"] != "YoungPeopleGroup"
    )
    page.click("#graphsvc-show-all")
    assert len(drawn(page)) == total
    assert page.evaluate("graphsvcExplore.shownEdges()") == all_ties
    assert page.evaluate("graphsvcExplore.state()") == {}

    # The area filter: only that area's nodes.
    area = "area-kirke-hvidinge"
    page.select_option("#graphsvc-area", area)
    assert drawn(page) == sorted(n["id"] for n in m["nodes"] if n["area"] == area or n["id"] == area)
    expect(page.locator(".graphsvc-shown")).to_contain_text("Showing")
    shot(page, "area-filter")
    page.select_option("#graphsvc-area", "")
    assert len(drawn(page)) == total

    # Focus, picked from the searchable list: the actor and its neighbours, then two steps.
    centre = "club-kirke-hvidinge"
    page.fill("#graphsvc-focus-input", by_id[centre]["label"])
    expect(page.locator("#graphsvc-focus-list option")).to_have_count(1)
    page.click("#graphsvc-focus-go")
    assert set(drawn(page)) == within(m["ties"], centre, 1)
    expect(page.locator(".graphsvc-focus-status")).to_contain_text(by_id[centre]["label"])
    page.select_option("#graphsvc-focus-steps", "2")
    assert set(drawn(page)) == within(m["ties"], centre, 2)
    assert page.evaluate("graphsvcExplore.state()") == {"focus": centre, "focus_steps": "2"}
    shot(page, "focus-two-steps")
    page.keyboard.press("Escape")
    assert len(drawn(page)) == total
    expect(page.locator("#graphsvc-whole-map")).to_be_hidden()

    # Focus by picking a node on the map, then back with the button.
    assert page.evaluate(f"graphsvcSelect('{centre}')") is True
    page.click(".graphsvc-focus-here")
    page.select_option("#graphsvc-focus-steps", "1")
    assert set(drawn(page)) == within(m["ties"], centre, 1)
    # Hover: the node and its neighbours are lit, the rest faded.
    focused = set(drawn(page))
    at = page.evaluate(NODE_AT, centre)
    page.mouse.move(at["x"] + 3, at["y"] + 3)
    page.mouse.move(at["x"], at["y"])
    # The node drawn on top there (the centre, or a neighbour drawn over it), and its neighbours.
    assert set(lit_up(page)) == within(m["ties"], at["top"], 1) & focused
    shot(page, "focus-hover")
    page.click("#graphsvc-whole-map")
    assert len(drawn(page)) == total
    screenshot(page, "map-exploring")


def test_hovering_fades_all_but_the_node_and_its_neighbours(
    small_demo: str, sign_in: Callable[..., Page]
) -> None:
    page = sign_in(small_demo)
    page.goto("/maps/ego.html?actor=club-kirke-hvidinge&depth=2&lang=en")
    drawn_nodes(page)
    m: dict[str, Any] = page.evaluate(MAP)
    centre = "club-kirke-hvidinge"
    at = page.evaluate(NODE_AT, centre)
    page.mouse.move(at["x"] + 3, at["y"] + 3)
    page.mouse.move(at["x"], at["y"])
    assert set(lit_up(page)) == within(m["ties"], at["top"], 1)
    shot(page, "hover-ego")
    page.mouse.move(2, 2)
    page.wait_for_timeout(200)
    assert page.evaluate("graphsvcExplore.highlighted()") == []


def test_the_explored_state_is_saved_and_opens_in_the_share_link_and_the_download(
    small_demo: str,
    sign_in: Callable[..., Page],
    browser: Browser,
    api_url: str,
    token_for: Callable[..., str],
    guard: Guard,
    tmp_path: Path,
) -> None:
    page = sign_in(small_demo)
    page.goto("/maps?kind=network&lang=en")
    frame = page.frame_locator("#preview iframe")
    expect(page.locator("#preview iframe")).to_have_attribute("src", re.compile("network"))
    inner = page.frame(name="preview-map")
    assert inner is not None
    total = drawn_nodes(inner)
    frame.locator("button.graphsvc-toggle[data-group=sector][data-code=business]").click()
    frame.locator("button.graphsvc-toggle[data-group=tie][data-code=youth]").click()
    frame.locator("#graphsvc-area").select_option("area-kirke-hvidinge")
    frame.locator("#graphsvc-focus-input").fill("Kirke Hvidinge")
    frame.locator("#graphsvc-focus-list").select_option("club-kirke-hvidinge")
    frame.locator("#graphsvc-focus-steps").select_option("2")
    frame.locator("#graphsvc-focus-go").click()
    explored = sorted(drawn(inner))
    assert 1 < len(explored) < total
    state = inner.evaluate("graphsvcExplore.state()")
    assert state == {
        "hide_sectors": "business",
        "hide_ties": "youth",
        "only_area": "area-kirke-hvidinge",
        "focus": "club-kirke-hvidinge",
        "focus_steps": "2",
    }
    page.click("#save-view")
    expect(page.locator("#messages .success")).to_be_visible()
    assert page.frame(name="preview-map") is inner  # saved without drawing it again
    token = token_for(small_demo)
    views = graphql(
        api_url,
        token,
        "{ mapViews { id hideSectors hideKinds hideTies onlyArea focus focusSteps downloads { html } } }",
    )["mapViews"]
    view = views[0]
    assert (view["hideSectors"], view["hideKinds"], view["hideTies"]) == (["business"], [], ["youth"])
    assert (view["onlyArea"], view["focus"], view["focusSteps"]) == (
        "area-kirke-hvidinge",
        "club-kirke-hvidinge",
        2,
    )
    shot(page, "builder-saved")

    # The share link opens the same picture, for someone not signed in.
    link = graphql(api_url, token, SHARE, view=view["id"])["createShareLink"]
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    guard.watch(context)
    try:
        shared = context.new_page()
        shared.goto(f"{api_url}{link['url']}" if link["url"].startswith("/") else link["url"])
        drawn_nodes(shared)
        assert sorted(drawn(shared)) == explored
        assert shared.evaluate("graphsvcExplore.state()") == state
        expect(shared.locator("button[data-code=business]")).to_have_attribute("aria-pressed", "false")
        expect(shared.locator("#graphsvc-area")).to_have_value("area-kirke-hvidinge")
        shot(shared, "share-link-opened")
    finally:
        context.close()

    # So does the downloaded page, with no network at all.
    answer = httpx.get(
        f"{api_url}{view['downloads']['html']}", headers={"Authorization": f"Bearer {token}"}, timeout=60
    )
    assert answer.status_code == 200
    file = tmp_path / "kort.html"
    file.write_bytes(answer.content)
    offline = browser.new_context(offline=True, viewport={"width": 1366, "height": 768})
    try:
        opened = offline.new_page()
        opened.goto(file.as_uri())
        drawn_nodes(opened)
        assert sorted(drawn(opened)) == explored
    finally:
        offline.close()
    assert not guard.problems(), guard.problems()


def test_bad_explore_options_are_refused_by_name(small_demo: str, sign_in: Callable[..., Page]) -> None:
    page = sign_in(small_demo)
    answer = page.request.get("/maps/network.html?hide_sectors=business,pirates&focus=no-such-actor")
    assert answer.status == 400
    text = answer.text()
    assert "hide_sectors" in text and "pirates" in text
    answer = page.request.get("/maps/network.html?focus=no-such-actor")
    assert answer.status in (400, 404)
    assert "no-such-actor" in answer.text()


def test_the_brokers_map_names_every_broker_it_highlights_as_many_as_the_table(
    small_demo: str, sign_in: Callable[..., Page], screenshot: Screenshot
) -> None:
    page = sign_in(small_demo, "viewer")
    page.goto("/brokers")
    rows = page.locator("#broker-rows tr[data-id]")
    expect(rows.first).to_be_visible()
    expect(page.locator("#broker-map iframe")).to_have_attribute("src", re.compile("top=20"))
    inner = page.frame(name="broker-map")
    assert inner is not None
    drawn_nodes(inner)
    page.wait_for_timeout(300)  # names are placed and checked over a few frames
    m: dict[str, Any] = inner.evaluate(MAP)
    marked = [n for n in m["nodes"] if n["mark"] >= 0]
    ranked = page.evaluate(
        "[...document.querySelectorAll('#broker-rows tr[data-id]')].map(r => r.dataset.id)"
    )
    assert len(marked) == len(ranked) == 20
    assert {n["id"] for n in marked} == set(ranked)
    names = inner.evaluate(
        """ids => ids.map(id => {
            const node = graphsvcMap.body.nodes[id];
            return [node.options.label, node.options.font.size * graphsvcMap.getScale()];
        })""",
        [n["id"] for n in marked],
    )
    for node, (label, screen_px) in zip(marked, names, strict=True):
        assert label == node["label"], node["id"]  # "1. Name": never left out
        assert screen_px >= 13.9, node["id"]  # 14 px, to the tenth of a pixel the page rounds to
    shot(page, "brokers-page")
    page.select_option("#top", "10")
    page.click("#broker-form button[type=submit]")
    expect(rows).to_have_count(10)
    expect(page.locator("#broker-map iframe")).to_have_attribute("src", re.compile("top=10"))
    inner = page.frame(name="broker-map")
    assert inner is not None
    inner.wait_for_url(re.compile("top=10"))
    drawn_nodes(inner)
    assert sum(1 for n in inner.evaluate(MAP)["nodes"] if n["mark"] >= 0) == 10
    screenshot(page, "brokers-page-top-10")


def test_hostile_names_stay_text_in_the_exploring_controls(
    sign_in: Callable[..., Page], hostile_towns: str, guard: Guard
) -> None:
    page = sign_in(hostile_towns)
    page.goto("/maps/network.html?young=individuals")
    drawn_nodes(page)
    page.fill("#graphsvc-focus-input", "<img")
    expect(page.locator("#graphsvc-focus-list option")).to_have_text([IMG])
    page.click("#graphsvc-focus-go")
    expect(page.locator(".graphsvc-focus-status")).to_contain_text(IMG)
    page.select_option("#graphsvc-area", index=1)
    assert page.locator("img").count() == 0
    assert guard.dialogs == [] and guard.page_errors == []
    shot(page, "hostile-focus")
