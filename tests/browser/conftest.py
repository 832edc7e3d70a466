"""Real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) against the API
served over real HTTP.

Playwright's sync API marks the thread's event loop as running between its calls, so no async
fixture can be set up while it runs. Hence Playwright lives for one test module at a time (the
async tests of other folders run after it has stopped), and it starts only after the session's
async fixtures (``store``, ``small_demo``); a test that needs to write to Neo4j does it from a
thread of its own (see ``write_network``).

Every page a test opens is guarded: a request to any host but 127.0.0.1 is blocked and
recorded, console errors, uncaught exceptions and dialogs (alert, confirm, …) are recorded, and
the test fails at the end if any of them happened. A test that expects one of them (a confirm
dialog it accepts, say) takes it out of ``guard`` itself.
"""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Dialog,
    Frame,
    Page,
    Playwright,
    Route,
    expect,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError

from graphsvc.config import REPO_ROOT, Settings
from graphsvc.db.driver import GraphStore, opened
from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import Network
from tests.api import conftest as api_fixtures

# The API over real HTTP and its tokens: one definition serves both folders.
api_app = api_fixtures.api_app
api_url = api_fixtures.api_url
token_for = api_fixtures.token_for

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
# The first analysis of a tenant reads its whole graph: give pages time for that.
TIMEOUT_MS = 30_000
expect.set_options(timeout=TIMEOUT_MS)
SCREENSHOTS = REPO_ROOT / "var" / "screenshots"
VIEWPORT = {"width": 1920, "height": 1080}
LOCAL_HOST = "127.0.0.1"


@pytest.fixture(scope="module")
def playwright(store: GraphStore, small_demo: str) -> Iterator[Playwright]:
    """Playwright for one module, started after the session's async fixtures."""
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip(f"the browser tests need Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


MAP_READY = "html[data-graphsvc-ready=true]"


def drawn_map(page: Page, name: str, showing: str = "") -> Frame:
    """The map in the iframe called ``name`` (its address containing ``showing``), once
    vis-network has drawn it. Waits with selectors: the pages' policy forbids the eval() that
    wait_for_function needs.

    A page that changes a map (another language, another area) sets the iframe's new address
    before the frame's old document goes: until the frame itself is at that address, its
    old, drawn map must not count, and it may vanish under a query."""
    showing_selector = f"[src*='{showing}']" if showing else "[src]"
    page.wait_for_selector(f"iframe[name={name}]{showing_selector}", state="attached")
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        frame = page.frame(name=name)
        if frame is not None and showing in frame.url:
            try:
                frame.wait_for_selector(MAP_READY, state="attached", timeout=TIMEOUT_MS)
                if frame.evaluate("window.graphsvcMapReady") is True:
                    return frame
            except PlaywrightError as e:  # the frame moved on to the next document meanwhile
                if "destroyed" not in str(e) and "detached" not in str(e):
                    raise
        assert time.monotonic() < deadline, f"the map {name!r} ({showing!r}) was never drawn"
        page.wait_for_timeout(50)


def graphql(api_url: str, token: str, query: str, **variables: Any) -> dict[str, Any]:
    """The data of one GraphQL operation sent with ``token`` (as an API client would), which
    must not fail."""
    answer = httpx.post(
        f"{api_url}/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token}"},
        timeout=60,
    )
    body: dict[str, Any] = answer.json()
    assert "errors" not in body, body
    return body["data"]  # type: ignore[no-any-return]


def write_network(settings: Settings, network: Network) -> None:
    """Write ``network`` to Neo4j from a thread of its own (this one's loop is Playwright's)."""

    async def write() -> None:
        async with opened(settings) as store:
            await NetworkRepository(store).write(network)

    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, write()).result()


@dataclass
class Guard:
    """What the pages of one test did that they must not."""

    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def watch(self, context: BrowserContext) -> None:
        context.route("**/*", self._route)
        context.on("page", self._watch_page)
        for page in context.pages:
            self._watch_page(page)

    def _route(self, route: Route) -> None:
        url = route.request.url
        scheme = urlsplit(url).scheme
        if scheme in ("data", "blob", "about") or urlsplit(url).hostname == LOCAL_HOST:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("blockedbyclient")

    def _watch_page(self, page: Page) -> None:
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("dialog", self._dialog)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def problems(self) -> list[str]:
        return (
            [f"request off {LOCAL_HOST}: {url}" for url in self.blocked]
            + [f"console error: {text}" for text in self.console_errors]
            + [f"uncaught error: {text}" for text in self.page_errors]
            + [f"dialog: {text}" for text in self.dialogs]
        )


@pytest.fixture
def guard() -> Guard:
    return Guard()


@pytest.fixture
def context(browser: Browser, api_url: str, guard: Guard) -> Iterator[BrowserContext]:
    """A fresh browser profile (no cookies) at 1920×1080 with ``api_url`` as base URL."""
    ctx = browser.new_context(viewport=VIEWPORT, base_url=api_url, accept_downloads=True)
    ctx.set_default_timeout(TIMEOUT_MS)
    guard.watch(ctx)
    yield ctx
    ctx.close()
    problems = guard.problems()
    assert not problems, "the pages did what they must not:\n" + "\n".join(problems)


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """A guarded page, not signed in."""
    return context.new_page()


SignIn = Callable[..., Page]


@pytest.fixture
def sign_in(context: BrowserContext, page: Page, token_for: Callable[..., str]) -> SignIn:
    """``sign_in(tenant, role="coordinator")`` signs the browser in as a new user of the tenant
    (the token goes through ``POST /auth/session``, which sets the session cookie) and returns
    the guarded page."""

    def signed_in(tenant: str, role: str = "coordinator") -> Page:
        answer = context.request.post("/auth/session", data={"token": token_for(tenant, role)})
        assert answer.ok, answer.text()
        return page

    return signed_in


Screenshot = Callable[[Page, str], Path]


@pytest.fixture
def screenshot() -> Screenshot:
    """``screenshot(page, "name")`` saves the page as var/screenshots/name.png."""

    def save(shown: Page, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        shown.screenshot(path=str(path), full_page=False)
        return path

    return save
