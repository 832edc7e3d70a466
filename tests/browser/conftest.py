"""Real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) against the API
served over real HTTP.

Tests use Playwright's async API on the test session's event loop: its sync API marks the
thread's loop as running between calls, which stops pytest-asyncio from setting up the async
fixtures (``store``, ``small_demo``) a browser test needs.

Every page a test opens is guarded: a request to any host but 127.0.0.1 is blocked and
recorded, console errors, uncaught exceptions and dialogs (alert, confirm, …) are recorded, and
the test fails at the end if any of them happened. A test that expects one of them (a confirm
dialog it accepts, say) takes it out of ``guard`` itself.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.async_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Dialog,
    Page,
    Playwright,
    Route,
    async_playwright,
    expect,
)

from graphsvc.config import REPO_ROOT
from tests.api import conftest as api_fixtures

# The API over real HTTP and its tokens: one definition serves both folders.
api_app = api_fixtures.api_app
api_url = api_fixtures.api_url
token_for = api_fixtures.token_for

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
]
# The first analysis of a tenant reads its whole graph: give pages time for that.
TIMEOUT_MS = 30_000
expect.set_options(timeout=TIMEOUT_MS)
SCREENSHOTS = REPO_ROOT / "var" / "screenshots"
VIEWPORT = {"width": 1920, "height": 1080}
LOCAL_HOST = "127.0.0.1"


@pytest.fixture(scope="session")
async def playwright() -> AsyncIterator[Playwright]:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip(f"the browser tests need Chromium at {CHROMIUM} (apt-get install chromium)")
    async with async_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
async def browser(playwright: Playwright) -> AsyncIterator[Browser]:
    chromium = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield chromium
    await chromium.close()


@dataclass
class Guard:
    """What the pages of one test did that they must not."""

    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    async def watch(self, context: BrowserContext) -> None:
        await context.route("**/*", self._route)
        context.on("page", self._watch_page)
        for page in context.pages:
            self._watch_page(page)

    async def _route(self, route: Route) -> None:
        url = route.request.url
        scheme = urlsplit(url).scheme
        if scheme in ("data", "blob", "about") or urlsplit(url).hostname == LOCAL_HOST:
            await route.continue_()
        else:
            self.blocked.append(url)
            await route.abort("blockedbyclient")

    def _watch_page(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("dialog", self._dialog)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    async def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        await dialog.dismiss()

    def problems(self) -> list[str]:
        return ([f"request off {LOCAL_HOST}: {url}" for url in self.blocked]
                + [f"console error: {text}" for text in self.console_errors]
                + [f"uncaught error: {text}" for text in self.page_errors]
                + [f"dialog: {text}" for text in self.dialogs])


@pytest.fixture
def guard() -> Guard:
    return Guard()


@pytest.fixture
async def context(browser: Browser, api_url: str, guard: Guard) -> AsyncIterator[BrowserContext]:
    """A fresh browser profile (no cookies) at 1920×1080 with ``api_url`` as base URL."""
    ctx = await browser.new_context(viewport=VIEWPORT, base_url=api_url, accept_downloads=True)
    ctx.set_default_timeout(TIMEOUT_MS)
    await guard.watch(ctx)
    yield ctx
    await ctx.close()
    problems = guard.problems()
    assert not problems, "the pages did what they must not:\n" + "\n".join(problems)


@pytest.fixture
async def page(context: BrowserContext) -> Page:
    """A guarded page, not signed in."""
    return await context.new_page()


SignIn = Callable[..., Awaitable[Page]]


@pytest.fixture
def sign_in(context: BrowserContext, page: Page, token_for: Callable[..., str]) -> SignIn:
    """``await sign_in(tenant, role="coordinator")`` signs the browser in as a new user of the
    tenant (the token goes through ``POST /auth/session``, which sets the session cookie) and
    returns the guarded page."""

    async def signed_in(tenant: str, role: str = "coordinator") -> Page:
        answer = await context.request.post("/auth/session", data={"token": token_for(tenant, role)})
        assert answer.ok, await answer.text()
        return page

    return signed_in


Screenshot = Callable[[Page, str], Awaitable[Path]]


@pytest.fixture
def screenshot() -> Screenshot:
    """``await screenshot(page, "name")`` saves the page as var/screenshots/name.png."""

    async def save(shown: Page, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        await shown.screenshot(path=str(path), full_page=False)
        return path

    return save
