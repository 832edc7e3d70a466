"""What a new user meets besides the pages' own work: GraphiQL with no internet, an unknown
address, an address naming an id the tenant does not have, a click made while a page loads."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import Guard, Screenshot, SignIn, drawn_map


def test_graphiql_draws_and_answers_with_everything_off_this_machine_blocked(
    sign_in: SignIn, small_demo: str, guard: Guard, screenshot: Screenshot
) -> None:
    page = sign_in(small_demo)
    page.goto("/graphql")
    editor = page.locator(".graphiql-query-editor .CodeMirror")
    expect(editor).to_be_visible()
    page.locator(".graphiql-execute-button").click()
    expect(page.locator(".graphiql-response")).to_contain_text("ASSOCIATION")
    screenshot(page, "graphiql")
    assert guard.blocked == []  # the guard also fails the test on any request off 127.0.0.1


def test_an_unknown_address_is_a_page_in_the_visitor_s_language(page: Page, guard: Guard) -> None:
    answer = page.goto("/no-such-page")
    assert answer is not None and answer.status == 404
    expect(page.locator("h1")).to_have_text("Not found")  # the browser asks for English
    expect(page.locator("a")).to_have_attribute("href", "/")
    # Chromium reports the 404 answer as a failed load; that one is expected.
    guard.console_errors = [e for e in guard.console_errors if "status of 404" not in e]


def test_an_unknown_id_in_a_page_address_is_said(sign_in: SignIn, small_demo: str) -> None:
    page = sign_in(small_demo)
    page.goto("/gaps?target_group=tg-nope")
    expect(page.locator("#messages")).to_contain_text("ingen målgruppe med id tg-nope")
    expect(page.locator("#report")).to_be_hidden()
    page.goto("/brokers?area=area-nope")
    expect(page.locator("#messages")).to_contain_text("intet område med id area-nope")


def test_a_map_asked_for_while_the_builder_loads_is_drawn(sign_in: SignIn, small_demo: str) -> None:
    page = sign_in(small_demo)
    # Hold back the lists the builder loads, click "Vis kortet" meanwhile, then let them come.
    held: list = []
    holding = [True]
    page.route("**/graphql", lambda route: held.append(route) if holding[0] else route.fallback())
    page.goto("/maps?kind=network", wait_until="domcontentloaded")
    page.locator("#map-form button[type=submit]").click()
    page.wait_for_timeout(300)
    assert page.url.endswith("/maps?kind=network")  # no plain form submission happened
    assert held, "the builder asked for nothing while loading"
    holding[0] = False
    for route in held:
        route.fallback()  # on to the guard's own routing, which lets loopback through
    drawn_map(page, "preview-map")


def test_the_rest_api_documentation_draws_with_nothing_off_this_machine(
    page: Page, guard: Guard, screenshot: Screenshot
) -> None:
    page.goto("/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("graphsvc")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    screenshot(page, "api-docs")
    assert guard.blocked == []
