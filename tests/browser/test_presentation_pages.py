"""Presentations in a real browser: a coordinator makes one of three saved maps on the page
with the keyboard, steps through it full screen with the keys, and the downloaded file works
from file:// with every request blocked; hostile names stay text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Frame, Page, Route, expect

from graphsvc.config import Settings
from tests.browser.conftest import (
    MAP_READY,
    TIMEOUT_MS,
    VIEWPORT,
    SignIn,
    graphql,
    write_network,
)
from tests.maps.towns import IMG, SCRIPT, two_towns

SHOTS = Path("/tmp/shots/presentations")
SAVE_VIEW = """mutation($input: MapViewInput!) { saveMapView(input: $input) { ... on MapView { id } } }"""


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


@pytest.fixture
def views(settings: Settings, tenant: str, api_url: str, token_for: Any) -> list[str]:
    """The hostile towns and three saved maps of them."""
    write_network(settings, two_towns(tenant, hostile=True))
    token = token_for(tenant, "coordinator")
    made = []
    for fields in (
        {"kind": "NETWORK", "title": "Hele netværket"},
        {"kind": "NETWORK", "title": "Efter betweenness", "metric": "BETWEENNESS"},
        {"kind": "BROKERS", "title": f"Brobyggerne {IMG}"},
    ):
        made.append(graphql(api_url, token, SAVE_VIEW, input=fields)["saveMapView"]["id"])
    return made


def drawn_step(page: Page, n: int) -> Frame:
    """The map of step ``n`` (0-based) once vis-network has drawn it."""
    page.wait_for_selector(f"iframe[name=deck-step-{n}]", state="attached")
    frame = page.frame(name=f"deck-step-{n}")
    assert frame is not None
    frame.wait_for_selector(MAP_READY, state="attached", timeout=TIMEOUT_MS)
    assert frame.evaluate("window.graphsvcMapReady") is True
    return frame


def shown_step(page: Page) -> int:
    return int(page.evaluate("window.graphsvcDeck.step"))


def test_a_coordinator_makes_a_presentation_and_steps_through_it_by_keyboard(
    sign_in: SignIn, tenant: str, views: list[str]
) -> None:
    page = sign_in(tenant)
    page.goto("/presentations")
    expect(page.locator("nav a[aria-current=page]")).to_have_text("Fortællinger")
    page.locator("#new-presentation").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#editor-heading")).to_be_focused()
    page.locator("#presentation-title").fill(f"Fortælling {SCRIPT}")
    headings = [f"Først {IMG}", "Så betweenness", "Til sidst brobyggerne"]
    for n, (view, heading) in enumerate(zip(views, headings, strict=True)):
        if n:
            page.locator("#add-step").press("Enter")
            expect(page.locator(f"#step-{n}-view")).to_be_focused()
        page.locator(f"#step-{n}-view").select_option(view)
        page.locator(f"#step-{n}-heading").fill(heading)
        page.locator(f"#step-{n}-text").fill(f"Tekst til trin {n + 1}: {SCRIPT}")
    # Move the last step up and back down again with the keyboard.
    page.locator("#step-2-up").press("Enter")
    expect(page.locator("#step-1-heading")).to_have_value("Til sidst brobyggerne")
    page.locator("#step-1-down").press("Enter")
    expect(page.locator("#step-2-heading")).to_have_value("Til sidst brobyggerne")
    page.locator("#save").press("Enter")
    expect(page.locator("#messages")).to_contain_text("Fortællingen er gemt.")
    expect(page.locator("#presentation-list li")).to_have_count(1)
    expect(page.locator("#presentation-list li strong")).to_have_text(f"Fortælling {SCRIPT}")
    shot(page, "page")

    # Bad input is named and nothing changes.
    page.locator("#step-0-heading").fill("")
    page.locator("#save").click()
    expect(page.locator("#messages")).to_contain_text("Trin 1, overskrift: every step needs a heading")

    href = page.locator("#presentation-list a.button").first.get_attribute("href")
    assert href is not None
    page.goto(href)
    first = drawn_step(page, 0)
    expect(page.locator(".deck-slide:not([hidden]) .deck-heading")).to_have_text(f"Først {IMG}")
    assert first.locator("img").count() == 0 and page.locator("img").count() == 0
    shot(page, "deck-step-1")
    page.keyboard.press("ArrowRight")
    drawn_step(page, 1)
    assert shown_step(page) == 1
    page.keyboard.press("PageDown")
    drawn_step(page, 2)
    assert shown_step(page) == 2
    shot(page, "deck-step-3")
    page.keyboard.press("ArrowRight")  # the last step stays
    assert shown_step(page) == 2
    page.keyboard.press("Home")
    assert shown_step(page) == 0
    page.keyboard.press("End")
    assert shown_step(page) == 2
    page.keyboard.press("PageUp")
    assert shown_step(page) == 1
    # Keys pressed inside a map step too.
    drawn_step(page, 1).locator("#graphsvc-canvas").click()
    page.keyboard.press("ArrowLeft")
    assert shown_step(page) == 0
    expect(page.locator(".deck-slide:not([hidden]) .deck-text")).to_have_text(f"Tekst til trin 1: {SCRIPT}")
    page.keyboard.press("Escape")
    page.wait_for_url("**/presentations")


def test_the_downloaded_presentation_works_offline(
    sign_in: SignIn,
    browser: Browser,
    tenant: str,
    views: list[str],
    api_url: str,
    token_for: Any,
    tmp_path: Path,
) -> None:
    token = token_for(tenant, "coordinator")
    create = """mutation($i: PresentationInput!) { createPresentation(input: $i) {
      ... on Presentation { id download } ... on Error { message } } }"""
    steps = [{"viewId": v, "heading": f"Trin {n} {SCRIPT}", "text": IMG} for n, v in enumerate(views, 1)]
    made = graphql(api_url, token, create, i={"title": "Til projektoren", "steps": steps})[
        "createPresentation"
    ]
    page = sign_in(tenant)
    page.goto("/presentations")
    with page.expect_download() as download:
        page.locator(f"#presentation-list li[data-id={made['id']}] a[download]").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "Til-projektoren.html"  # named after its title, as maps are

    offline = browser.new_context(viewport=VIEWPORT, offline=True)
    requests: list[str] = []
    dialogs: list[str] = []
    errors: list[str] = []

    def block(route: Route) -> None:
        url = route.request.url
        if url == saved.as_uri():
            route.continue_()
        else:
            requests.append(url)
            route.abort("blockedbyclient")

    offline.route("**/*", block)
    projector = offline.new_page()
    projector.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    projector.on("pageerror", lambda e: errors.append(str(e)))
    projector.on("requestfailed", lambda r: requests.append(r.url) if r.url != saved.as_uri() else None)
    projector.goto(saved.as_uri())
    for n in range(3):
        frame = drawn_step(projector, n)
        assert frame.evaluate("window.graphsvcMapInfo.nodes") > 0
        expect(projector.locator(".deck-slide:not([hidden]) .deck-heading")).to_have_text(
            f"Trin {n + 1} {SCRIPT}"
        )
        expect(projector.locator(".deck-slide:not([hidden]) .deck-text")).to_have_text(IMG)
        if n < 2:
            projector.keyboard.press("ArrowRight")
    shot(projector, "offline-file")
    offline.close()
    assert requests == [] and dialogs == [] and errors == []
