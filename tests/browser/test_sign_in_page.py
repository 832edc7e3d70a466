"""Signing in to the pages: the link `graphsvc run` prints, a pasted token, signing out."""

from __future__ import annotations

from collections.abc import Callable

from playwright.async_api import BrowserContext, Page, expect

from tests.browser.conftest import Guard, Screenshot, SignIn


async def test_the_sign_in_link_signs_in_and_takes_the_token_out_of_the_address(
    page: Page, context: BrowserContext, small_demo: str, token_for: Callable[..., str],
) -> None:
    token = token_for(small_demo, "admin")
    await page.goto(f"/sign-in#token={token}")
    await page.wait_for_url("**/explorer")
    assert token not in page.url and "#" not in page.url
    # Nothing the page's scripts can read holds the token: the cookie is HttpOnly.
    assert await page.evaluate("document.cookie") == ""
    cookie = next(c for c in await context.cookies() if c["name"] == "graphsvc_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    await expect(page.locator("#site-header")).to_contain_text("administrator")


async def test_a_page_asked_for_before_signing_in_opens_after_a_pasted_token(
    page: Page, small_demo: str, token_for: Callable[..., str], screenshot: Screenshot, guard: Guard,
) -> None:
    await page.goto("/gaps?target_group=tg-loneliness")
    await page.wait_for_url("**/sign-in?next=**")
    await expect(page.locator("#token")).to_be_focused()
    await screenshot(page, "sign-in")

    await page.locator("#token").fill("gs_not-a-real-token")
    await page.keyboard.press("Enter")
    await expect(page.locator("#messages")).to_contain_text("Nøglen virker ikke")
    assert page.url.split("?")[0].endswith("/sign-in")
    # Chromium logs the refused token's 401 as a console error: expected here, and only here.
    assert len(guard.console_errors) == 1 and "401" in guard.console_errors[0]
    guard.console_errors.clear()

    await page.locator("#token").fill(token_for(small_demo, "viewer"))
    await page.keyboard.press("Enter")
    await page.wait_for_url("**/gaps?target_group=tg-loneliness")
    await expect(page.locator("#report-heading")).to_have_text("Ensomme 12-17-årige i Egelunde")


async def test_signing_out_ends_the_session(sign_in: SignIn, small_demo: str) -> None:
    page = await sign_in(small_demo)
    await page.goto("/explorer")
    await page.locator("#sign-out").click()
    await page.wait_for_url("**/sign-in")
    await page.goto("/brokers")
    await page.wait_for_url("**/sign-in?next=%2Fbrokers")


async def test_a_next_address_off_graphsvc_is_not_followed(
    page: Page, small_demo: str, token_for: Callable[..., str], guard: Guard,
) -> None:
    await page.goto(f"/sign-in?next=//example.org/x#token={token_for(small_demo)}")
    await page.wait_for_url("**/explorer")
    assert guard.blocked == []
