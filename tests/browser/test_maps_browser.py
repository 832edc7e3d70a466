"""Maps in real headless Chromium: drawn with the expected nodes, details on selection, hostile
names shown as text, the share embed inside another origin's page, a revoked link, and the
downloaded file working with no network at all. Every page is guarded (tests/browser/conftest):
no request may leave 127.0.0.1, and no console error, uncaught error or dialog may happen."""

from __future__ import annotations

import asyncio
import http.server
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Frame, Page, expect

from graphsvc.config import Settings
from graphsvc.db.driver import opened
from graphsvc.db.networks import NetworkRepository
from graphsvc.demo import generate_demo
from graphsvc.local_neo4j import free_port
from graphsvc.maps.style import KIND_SHAPES, SECTOR_COLOURS
from graphsvc.maps.words import GROUP_KIND
from tests.browser.conftest import Guard, Screenshot, graphql
from tests.maps.towns import IMG, SCRIPT, two_towns

pytestmark = pytest.mark.neo4j

READY = "html[data-graphsvc-ready=true]"
# Where a node is on the screen, after centring the map on it, and which node vis-network
# finds there (the one drawn on top, where nodes overlap).
NODE_AT = """id => {
    const net = window.graphsvcMap;
    net.focus(id, {scale: 1.5, animation: false});
    const p = net.canvasToDOM(net.getPositions([id])[id]);
    const box = document.getElementById("graphsvc-canvas").getBoundingClientRect();
    return {x: box.left + p.x, y: box.top + p.y, top: net.getNodeAt(p)};
}"""
LABEL = """id => {
    const d = JSON.parse(document.getElementById("graphsvc-map-data").textContent);
    return d.nodes.label[d.nodes.id.indexOf(id)];
}"""
BIGGEST = """() => {
    const d = JSON.parse(document.getElementById("graphsvc-map-data").textContent);
    let best = 0;
    d.nodes.size.forEach((s, i) => { if (s > d.nodes.size[best]) best = i; });
    return {id: d.nodes.id[best], label: d.nodes.label[best]};
}"""
SHARE = """mutation($view: ID!) { createShareLink(viewId: $view) {
    ... on NewShareLink { token url iframe link { id } } } }"""


def drawn_nodes(target: Page | Frame) -> int:
    """Waits for the map to be drawn, then counts its nodes through vis-network's API. A
    selector, not wait_for_function: the map's policy forbids the eval() that one needs."""
    target.wait_for_selector(READY, state="attached", timeout=30_000)
    assert target.evaluate("window.graphsvcMapReady") is True
    return int(target.evaluate("window.graphsvcMap.body.data.nodes.length"))


def shared_view(api_url: str, token: str, **view: Any) -> dict[str, Any]:
    saved = graphql(
        api_url,
        token,
        """mutation($v: MapViewInput!) { saveMapView(input: $v) {
        ... on MapView { id } } }""",
        v=view,
    )["saveMapView"]
    return graphql(api_url, token, SHARE, view=saved["id"])["createShareLink"]  # type: ignore[no-any-return]


@pytest.fixture
def hostile_towns(settings: Settings, tenant: str) -> str:
    """A tenant holding the two towns with hostile names. Written from a thread of its own:
    once Playwright runs, this thread has an event loop that async fixtures cannot use."""

    async def write() -> None:
        async with opened(settings) as store:
            await NetworkRepository(store).write(two_towns(tenant, hostile=True))

    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, write()).result()
    return tenant


@pytest.fixture
def other_origin() -> Iterator[Callable[[str], str]]:
    """A second web server on 127.0.0.1, another port (so another origin): ``serve(html)``
    gives the URL of a page holding ``html``."""
    pages: dict[str, bytes] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def serve(html: str) -> str:
        path = f"/slide-{len(pages)}.html"
        pages[path] = html.encode()
        return f"http://127.0.0.1:{server.server_port}{path}"

    yield serve
    server.shutdown()
    server.server_close()


def test_the_network_map_draws_every_node_and_describes_the_one_picked(
    small_demo: str, sign_in: Callable[..., Page], screenshot: Screenshot
) -> None:
    demo = generate_demo(size="small", seed=2635)
    actors = sum(
        1 for n in demo.nodes if n.kind.value in ("Association", "Business", "MunicipalUnit", "Organisation")
    )
    groups = len({(n.area, n.age_band) for n in demo.nodes if n.kind.value == "YoungPerson"})
    page = sign_in(small_demo)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto("/maps/network.html?lang=en")
    assert drawn_nodes(page) == actors + groups
    assert requests == [page.url]  # the page needs nothing else
    biggest = page.evaluate(BIGGEST)  # a club, school or group of young people
    page.evaluate("window.picked = []; addEventListener('graphsvc:select', e => picked.push(e.detail))")
    at = page.evaluate(NODE_AT, biggest["id"])
    page.mouse.click(at["x"], at["y"])
    details = page.locator("#graphsvc-details")
    expect(details).to_be_visible()
    expect(details.locator("h2")).to_have_text(page.evaluate(LABEL, at["top"]))
    picked = page.evaluate("window.picked")
    assert [p["id"] for p in picked] == [at["top"]]
    assert {"label", "kind", "kindLabel", "sector", "metrics"} <= set(picked[0])
    screenshot(page, "map-network-selected")
    page.goto("/maps/network.html")
    drawn_nodes(page)
    screenshot(page, "map-network")


def test_colour_is_the_sector_shape_the_kind_and_nothing_moves(
    small_demo: str, sign_in: Callable[..., Page]
) -> None:
    demo = {n.id: n for n in generate_demo(size="small", seed=2635).nodes}
    page = sign_in(small_demo)
    page.goto("/maps/network.html")
    drawn_nodes(page)
    drawn = page.evaluate("graphsvcMap.body.data.nodes.get().map(n => [n.id, n.shape, n.color.background])")
    actors = [(demo[i], shape, colour) for i, shape, colour in drawn if i in demo]
    assert len(actors) > 100
    for node, shape, colour in actors:
        assert shape == KIND_SHAPES[node.kind.value], node.id
        assert colour == SECTOR_COLOURS[node.sector.value], node.id
    groups = {shape for i, shape, _ in drawn if i not in demo}
    assert groups == {KIND_SHAPES[GROUP_KIND]}  # young people as groups, one shape
    # Laid out on the server and drawn with physics off: the picture stays as it was drawn.
    assert page.evaluate("graphsvcMap.physics.physicsEnabled") is False
    before = page.evaluate("graphsvcMap.getPositions()")
    page.wait_for_timeout(1500)
    assert page.evaluate("graphsvcMap.getPositions()") == before


def test_the_brokers_and_gaps_maps_highlight_their_findings(
    small_demo: str, sign_in: Callable[..., Page], screenshot: Screenshot
) -> None:
    page = sign_in(small_demo, "viewer")
    page.goto("/maps/brokers.html?area=area-kirke-hvidinge&top=3")
    drawn_nodes(page)
    expect(page.locator("#graphsvc-legend")).to_contain_text("Brobygger (top 3)")
    assert page.evaluate("window.graphsvcSelect('club-kirke-hvidinge')") is True
    expect(page.locator("#graphsvc-details li.note")).to_contain_text("Nr. 1 blandt brobyggerne")
    screenshot(page, "map-brokers")
    page.goto("/maps/gaps.html?target_group=tg-loneliness&lang=en")
    drawn_nodes(page)
    expect(page.locator("#graphsvc-legend")).to_contain_text("Missing: business")
    screenshot(page, "map-gaps")


def test_hostile_names_show_as_text_and_run_nothing(
    sign_in: Callable[..., Page], hostile_towns: str, guard: Guard, screenshot: Screenshot
) -> None:
    page = sign_in(hostile_towns)
    page.goto(f"/maps/gaps.html?target_group=tg-lonely&young=individuals&title={SCRIPT}")
    drawn_nodes(page)
    assert page.title() == SCRIPT
    expect(page.locator("#graphsvc-title")).to_have_text(SCRIPT)
    assert page.locator("img").count() == 0
    assert page.evaluate("document.scripts.length") == 3  # the data and the page's two
    # Picked by searching for it, as a coordinator would.
    page.fill("#graphsvc-search-input", "<img")
    page.press("#graphsvc-search-input", "Enter")
    expect(page.locator("#graphsvc-details h2")).to_have_text(IMG)
    assert page.locator("#graphsvc-details img").count() == 0
    # Its tooltip is text too.
    at = page.evaluate(NODE_AT, "club-by")
    page.mouse.move(at["x"] + 5, at["y"] + 5)
    page.mouse.move(at["x"], at["y"])
    tooltip = page.locator("div.vis-tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(IMG)
    assert tooltip.locator("img").count() == 0
    assert guard.dialogs == [] and guard.page_errors == []
    screenshot(page, "map-hostile-names")


def test_a_share_link_embeds_in_another_sites_page_and_stops_when_revoked(
    small_demo: str,
    browser: Browser,
    api_url: str,
    token_for: Callable[..., str],
    other_origin: Callable[[str], str],
    guard: Guard,
    screenshot: Screenshot,
) -> None:
    token = token_for(small_demo)
    link = shared_view(
        api_url,
        token,
        kind="GAPS",
        targetGroup="tg-loneliness",
        lang="EN",
        title="Gaps around lonely young people",
    )
    slide = other_origin(
        f"<!DOCTYPE html><html><head><title>Slide</title></head><body>"
        f"<h1>Our network</h1>{link['iframe']}</body></html>"
    )
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # nobody signed in
    guard.watch(context)
    try:
        page = context.new_page()
        page.goto(slide)
        frame = page.frame_locator("iframe")
        expect(frame.locator("#graphsvc-title")).to_have_text("Gaps around lonely young people")
        inner = next(f for f in page.frames if "/share/" in f.url)
        assert drawn_nodes(inner) > 50
        assert inner.evaluate("window.graphsvcSelect('school-heldagsskolen')") is True
        expect(frame.locator("#graphsvc-details li.note")).to_contain_text("No leisure actor within 2 ties")
        screenshot(page, "map-share-embed")
        graphql(
            api_url,
            token,
            "mutation($id: ID!) { revokeShareLink(id: $id) { __typename } }",
            id=link["link"]["id"],
        )
        page.reload()
        expect(frame.locator("h1")).to_have_text("This link no longer works")
        expect(frame.locator("body")).to_contain_text("This share link has been revoked")
        assert page.frames[-1].evaluate("window.graphsvcMap === undefined")
    finally:
        context.close()
    # Chromium reports the 410 answer of the revoked link as a failed load; that one is expected.
    guard.console_errors = [e for e in guard.console_errors if "status of 410" not in e]
    assert not guard.problems(), guard.problems()


def test_the_downloaded_page_works_with_no_network(
    small_demo: str,
    browser: Browser,
    api_url: str,
    token_for: Callable[..., str],
    tmp_path: Path,
    screenshot: Screenshot,
) -> None:
    token = token_for(small_demo)
    saved = graphql(
        api_url,
        token,
        """mutation { saveMapView(input: {kind: EGO,
        actor: "club-kirke-hvidinge", depth: 2}) { ... on MapView { id downloads { html } } } }""",
    )
    view = saved["saveMapView"]
    answer = httpx.get(
        f"{api_url}{view['downloads']['html']}", headers={"Authorization": f"Bearer {token}"}, timeout=60
    )
    file = tmp_path / "kort.html"
    file.write_bytes(answer.content)
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800})
    problems: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            (problems.append(route.request.url), route.abort())
            if not route.request.url.startswith("file:")
            else route.continue_()
        ),
    )
    try:
        page = context.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(file.as_uri())
        assert drawn_nodes(page) > 10
        expect(page.locator("#graphsvc-title")).to_contain_text("Ungdomsklubben Kirke Hvidinge")
        screenshot(page, "map-offline-download")
    finally:
        context.close()
    assert problems == []
