"""Every page on a laptop screen (1366×768, the most common one in municipal offices): nothing
runs off the side, the heading, the form and the map fit the width, and the page is used with
the keyboard alone, from its form to its results."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from graphsvc.demo import PLANTED_GAPS
from tests.browser.conftest import Screenshot, SignIn, drawn_map

LAPTOP = {"width": 1366, "height": 768}
# Each page: its address, the map frame it shows, and an element its data fill.
PAGES = {
    "explorer": (f"/explorer?actor={PLANTED_GAPS.lone_broker}", "ego-map", "#actor-facts dd"),
    "brokers": ("/brokers", "broker-map", "#broker-rows tr[data-id]"),
    "gaps": (f"/gaps?target_group={PLANTED_GAPS.target_group_missing_sector[0]}", "gap-map", "#findings li"),
    "maps": ("/maps?kind=network", "preview-map", "#kind"),
}


def fits_the_width(page: Page) -> None:
    """No horizontal scrolling, and the main blocks lie within the screen's width."""
    overflow = page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll('main, main section, main form, main table, iframe')]
            .filter(e => e.offsetParent !== null)
            .map(e => [e.id || e.tagName, Math.round(e.getBoundingClientRect().right)])
            .filter(([, right]) => right > width + 1);
        return {scroll: document.documentElement.scrollWidth, width, wide};
    }""")
    assert overflow["scroll"] <= overflow["width"], overflow
    assert overflow["wide"] == [], overflow


@pytest.mark.parametrize("name", sorted(PAGES))
def test_each_page_fits_a_laptop_screen(
    sign_in: SignIn,
    small_demo: str,
    screenshot: Screenshot,
    name: str,
) -> None:
    address, frame_name, filled = PAGES[name]
    page = sign_in(small_demo)
    page.set_viewport_size(LAPTOP)
    page.goto(address)
    expect(page.locator(filled).first).to_be_visible()
    frame = drawn_map(page, frame_name)
    assert frame.evaluate("window.graphsvcMapInfo.nodes") > 0
    box = page.locator(f"iframe[name={frame_name}]").bounding_box()
    assert box is not None and box["width"] >= 400 and box["height"] >= 300, box
    heading = page.locator("h1").bounding_box()
    assert heading is not None and heading["y"] < LAPTOP["height"] / 3, heading
    fits_the_width(page)
    screenshot(page, f"laptop-{name}")


def focus_by_tab(page: Page, selector: str, presses: int = 40) -> None:
    """Tabs from the top of the page until ``selector`` has the focus."""
    page.locator(".skip-link").focus()
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
        seen.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
    raise AssertionError(f"Tab never reached {selector}: {seen}")


def test_the_broker_view_and_the_gap_report_work_by_keyboard(
    sign_in: SignIn,
    small_demo: str,
) -> None:
    page = sign_in(small_demo)
    page.set_viewport_size(LAPTOP)
    page.goto("/brokers")
    expect(page.locator("#broker-rows tr[data-id]").first).to_be_visible()
    focus_by_tab(page, "#area")
    page.keyboard.type("Kirke")  # a select jumps to the option typed
    focus_by_tab(page, "#broker-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator("#summary")).to_contain_text("i Kirke Hvidinge")

    group, _ = PLANTED_GAPS.target_group_missing_sector
    page.goto("/gaps")
    expect(page.locator("#report-heading")).to_be_visible()  # the first group's report
    focus_by_tab(page, "#target-group")
    page.locator("#target-group").select_option(group)  # as the arrow keys would
    focus_by_tab(page, "#gap-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator("#missing-sectors")).to_have_text("Erhvervslivet")
    expect(page.locator("#report-heading")).to_be_focused()  # the answer is read out next
    focus_by_tab(page, "#download-csv")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
