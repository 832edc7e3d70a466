"""The broker view and the gap report with its recommendations and recruitment list."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from graphsvc.demo import PLANTED_GAPS
from tests.browser.conftest import Screenshot, SignIn, drawn_map


def test_the_broker_view_puts_the_lone_broker_of_kirke_hvidinge_first(
    sign_in: SignIn,
    small_demo: str,
    screenshot: Screenshot,
) -> None:
    page = sign_in(small_demo, "viewer")
    page.goto("/brokers")
    expect(page.locator("#broker-rows tr[data-id]").first).to_be_visible()
    page.locator("#area").select_option(PLANTED_GAPS.lone_broker_area)
    page.locator("#broker-form button[type=submit]").click()
    expect(page.locator("#summary")).to_contain_text("i Kirke Hvidinge")
    first = page.locator("#broker-rows tr[data-id]").first
    expect(first).to_have_attribute("data-id", PLANTED_GAPS.lone_broker)
    expect(first).to_contain_text("forbinder 3 skoleaktører med")
    expect(first).to_contain_text("%")
    assert f"area={PLANTED_GAPS.lone_broker_area}" in page.url
    frame = drawn_map(page, "broker-map", "area-kirke-hvidinge")
    assert PLANTED_GAPS.lone_broker in frame.evaluate("graphsvcMap.body.data.nodes.getIds()")
    screenshot(page, "brokers")

    page.locator("#language-switch").click()
    expect(page.locator("h1")).to_have_text("Brokers between school and leisure")
    expect(first).to_contain_text("links 3 school actors to")  # the server's own sentence
    drawn_map(page, "broker-map", "lang=en")


def test_the_same_arena_twice_is_refused_in_words(sign_in: SignIn, small_demo: str) -> None:
    page = sign_in(small_demo)
    page.goto("/brokers")
    expect(page.locator("#broker-rows tr[data-id]").first).to_be_visible()
    page.locator("#to-arena").select_option("SCHOOL")
    page.locator("#broker-form button[type=submit]").click()
    expect(page.locator("#messages")).to_contain_text("Vælg to forskellige arenaer.")


def test_the_gap_report_shows_the_missing_sector_and_who_can_introduce_us(
    sign_in: SignIn,
    small_demo: str,
    screenshot: Screenshot,
) -> None:
    group, sector = PLANTED_GAPS.target_group_missing_sector
    assert sector.value == "business"
    page = sign_in(small_demo)
    page.goto("/gaps")
    page.locator("#target-group").select_option(group)
    page.locator("#gap-form button[type=submit]").click()
    expect(page.locator("#report-heading")).to_have_text("Ensomme 12-17-årige i Egelunde")
    expect(page.locator("#missing-sectors")).to_have_text("Erhvervslivet")
    missing = page.locator("#findings li[data-code=missing_sector]")
    expect(missing).to_contain_text("Alvorligt")
    expect(missing).to_contain_text("Ingen aktør fra erhvervslivet er inden for 2 led")
    first = page.locator("#recommendations .recommendation").first
    expect(first).to_contain_text("tilføjer erhvervslivet")
    path = first.locator(".path li")
    assert path.count() >= 2
    name = first.locator(".card-title").text_content()
    assert path.last.text_content() == name
    expect(first.locator(".path")).to_have_attribute("aria-label", "Hvem kan introducere os")
    drawn_map(page, "gap-map")
    screenshot(page, "gaps")
    page.locator("#recommendations-heading").scroll_into_view_if_needed()
    screenshot(page, "gaps-recommendations")

    with page.expect_download() as csv_download:
        page.locator("#download-csv").click()
    download = csv_download.value
    assert download.suggested_filename == f"rekrutteringsliste-{group}.csv"
    csv = Path(download.path()).read_text(encoding="utf-8-sig")
    assert ";" in csv.splitlines()[0] and name and name in csv

    page.locator("#language-switch").click()
    expect(page.locator("#missing-sectors")).to_have_text("Business")
    expect(missing).to_contain_text("No business actor is within 2 hops")
    with page.expect_download() as xlsx_download:
        page.locator("#download-xlsx").click()
    download = xlsx_download.value
    assert download.suggested_filename == f"recruitment-list-{group}.xlsx"
    assert Path(download.path()).read_bytes()[:2] == b"PK"  # a zip: an XLSX workbook
    drawn_map(page, "gap-map", "lang=en")
