"""The broker view and the gap report with its recommendations and recruitment list."""

from __future__ import annotations

from pathlib import Path

from playwright.async_api import expect

from graphsvc.demo import PLANTED_GAPS
from tests.browser.conftest import Screenshot, SignIn
from tests.browser.test_explorer_page import drawn_map


async def test_the_broker_view_puts_the_lone_broker_of_kirke_hvidinge_first(
    sign_in: SignIn, small_demo: str, screenshot: Screenshot,
) -> None:
    page = await sign_in(small_demo, "viewer")
    await page.goto("/brokers")
    await expect(page.locator("#broker-rows tr[data-id]").first).to_be_visible()
    await page.locator("#area").select_option(PLANTED_GAPS.lone_broker_area)
    await page.locator("#broker-form button[type=submit]").click()
    await expect(page.locator("#summary")).to_contain_text("i Kirke Hvidinge")
    first = page.locator("#broker-rows tr[data-id]").first
    await expect(first).to_have_attribute("data-id", PLANTED_GAPS.lone_broker)
    await expect(first).to_contain_text("forbinder 3 skoleaktører med")
    await expect(first).to_contain_text("%")
    assert f"area={PLANTED_GAPS.lone_broker_area}" in page.url
    frame = await drawn_map(page, "broker-map")
    assert PLANTED_GAPS.lone_broker in await frame.evaluate("graphsvcMap.body.data.nodes.getIds()")
    await screenshot(page, "brokers")

    await page.locator("#language-switch").click()
    await expect(page.locator("h1")).to_have_text("Brokers between school and leisure")
    await expect(first).to_contain_text("links 3 school actors to")  # the server's own sentence
    await drawn_map(page, "broker-map")


async def test_the_same_arena_twice_is_refused_in_words(sign_in: SignIn, small_demo: str) -> None:
    page = await sign_in(small_demo)
    await page.goto("/brokers")
    await expect(page.locator("#broker-rows tr[data-id]").first).to_be_visible()
    await page.locator("#to-arena").select_option("SCHOOL")
    await page.locator("#broker-form button[type=submit]").click()
    await expect(page.locator("#messages")).to_contain_text("Vælg to forskellige arenaer.")


async def test_the_gap_report_shows_the_missing_sector_and_who_can_introduce_us(
    sign_in: SignIn, small_demo: str, screenshot: Screenshot,
) -> None:
    group, sector = PLANTED_GAPS.target_group_missing_sector
    assert sector.value == "business"
    page = await sign_in(small_demo)
    await page.goto("/gaps")
    await page.locator("#target-group").select_option(group)
    await page.locator("#gap-form button[type=submit]").click()
    await expect(page.locator("#report-heading")).to_have_text("Ensomme 12-17-årige i Egelunde")
    await expect(page.locator("#missing-sectors")).to_have_text("Erhvervslivet")
    missing = page.locator("#findings li[data-code=missing_sector]")
    await expect(missing).to_contain_text("Alvorligt")
    await expect(missing).to_contain_text("Ingen aktør fra erhvervslivet er inden for 2 led")
    first = page.locator("#recommendations .recommendation").first
    await expect(first).to_contain_text("tilføjer erhvervslivet")
    path = first.locator(".path li")
    assert await path.count() >= 2
    name = await first.locator(".card-title").text_content()
    assert await path.last.text_content() == name
    await expect(first.locator(".path")).to_have_attribute("aria-label", "Hvem kan introducere os")
    await drawn_map(page, "gap-map")
    await screenshot(page, "gaps")
    await page.locator("#recommendations-heading").scroll_into_view_if_needed()
    await screenshot(page, "gaps-recommendations")

    async with page.expect_download() as csv_download:
        await page.locator("#download-csv").click()
    download = await csv_download.value
    assert download.suggested_filename == f"rekrutteringsliste-{group}.csv"
    csv = Path(await download.path()).read_text(encoding="utf-8-sig")
    assert ";" in csv.splitlines()[0] and name and name in csv

    await page.locator("#language-switch").click()
    await expect(page.locator("#missing-sectors")).to_have_text("Business")
    await expect(missing).to_contain_text("No business actor is within 2 hops")
    async with page.expect_download() as xlsx_download:
        await page.locator("#download-xlsx").click()
    download = await xlsx_download.value
    assert download.suggested_filename == f"recruitment-list-{group}.xlsx"
    assert Path(await download.path()).read_bytes()[:2] == b"PK"  # a zip: an XLSX workbook
    await drawn_map(page, "gap-map")
