"""The admin page (access and people) in real headless Chromium, on a 1366×768 laptop: an admin
invites a viewer, who signs in through the one-time link (a second use is refused); the admin
changes the viewer's role and takes the access away, revokes a share link, searches the audit
log, and finds, downloads and erases a young person after the confirmation. A coordinator who
opens the page is told plainly that it is for admins. Screenshots go to /tmp/admin-shots."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from graphsvc.config import Settings
from graphsvc.services.audit_search import DANISH_TIME
from tests.browser.conftest import TIMEOUT_MS, Guard, SignIn, graphql, write_network
from tests.browser.test_laptop_screen import fits_the_width

LAPTOP = {"width": 1366, "height": 768}
SHOTS = Path("/tmp/admin-shots")
WEB = Path(__file__).resolve().parents[2] / "web" / "static"


def shot(page: Page, name: str) -> None:
    """Save what the screen shows, after checking that nothing runs off its side."""
    fits_the_width(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _fresh(browser: Browser, api_url: str, guard: Guard) -> BrowserContext:
    """A browser of someone else (no cookies), watched by the same guard."""
    context = browser.new_context(viewport=LAPTOP, base_url=api_url)
    context.set_default_timeout(TIMEOUT_MS)
    guard.watch(context)
    return context


def _forget_refusals(guard: Guard) -> None:
    # Chromium logs a refused request (the used link's 410) as a console error: expected here.
    guard.console_errors = [e for e in guard.console_errors if "status of 410" not in e]


@pytest.fixture
def town(
    settings: Settings, tenant: str, small_town: Callable[[str], Any], api_url: str, token_for: Any
) -> str:
    """The small town, a coordinator's changes to the climbing club and a young person, and a
    share link to a saved gaps map that has been opened once. Returns the share link's token."""
    write_network(settings, small_town(tenant))
    coordinator = token_for(tenant, "coordinator")
    graphql(
        api_url,
        coordinator,
        'mutation { updateActor(id: "club", input: {description: "Klatring for alle"}) { __typename } }',
    )
    graphql(
        api_url,
        coordinator,
        'mutation { updateYoungPerson(id: "yp-1", input: {birthYear: 2012}) { __typename } }',
    )
    view = graphql(
        api_url,
        coordinator,
        'mutation { saveMapView(input: {kind: GAPS, targetGroup: "tg", title: "Huller i Hvalsø"}) '
        "{ ... on MapView { id } } }",
    )["saveMapView"]["id"]
    token: str = graphql(
        api_url,
        coordinator,
        f'mutation {{ createShareLink(viewId: "{view}") {{ ... on NewShareLink {{ token }} }} }}',
    )["createShareLink"]["token"]
    assert httpx.get(f"{api_url}/share/{token}").status_code == 200
    return token


def test_an_admin_manages_access_and_people(
    sign_in: SignIn,
    browser: Browser,
    context: BrowserContext,
    guard: Guard,
    api_url: str,
    tenant: str,
    town: str,
    token_for: Any,
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = sign_in(tenant, "admin")
    page.set_viewport_size(LAPTOP)
    page.goto("/admin")
    expect(page.locator("#site-header nav")).to_contain_text("Adgang og personer")
    expect(page.locator("#tab-invite")).to_have_attribute("aria-selected", "true")
    shot(page, "01-admin-invite")

    # Invite a viewer by keyboard alone.
    page.locator("#invite-name").focus()
    page.keyboard.type("Mette Jensen")
    page.keyboard.press("Enter")
    expect(page.locator("#invite-link-heading")).to_have_text("Link til Mette Jensen")
    expect(page.locator("#invite-link-heading")).to_be_focused()
    url = page.locator("#invite-link-url").input_value()
    assert re.fullmatch(rf"{re.escape(api_url)}/invitation#token=gsi_[\w-]{{43}}", url), url
    mail = page.locator("#invite-link-mail").input_value()
    assert mail.startswith("Hej Mette Jensen") and url in mail and "som læser" in mail
    page.locator("#invite-link-copy-url").click()
    expect(page.locator("#invite-link-copy-status")).to_have_text("Kopieret. Sæt det ind, hvor du vil.")
    assert page.evaluate("navigator.clipboard.readText()") == url
    shot(page, "02-admin-invite-link")

    # The viewer signs in through the link, once.
    theirs = _fresh(browser, api_url, guard)
    viewer = theirs.new_page()
    viewer.goto(url)
    expect(viewer.locator("#use-link")).to_be_focused()
    assert "#" not in viewer.url and "gsi_" not in viewer.url
    shot(viewer, "03-invitation-start")
    viewer.keyboard.press("Enter")
    expect(viewer.locator("#welcome-who")).to_have_text("Du er logget ind som Mette Jensen (læser).")
    assert viewer.locator("#personal-key").input_value().startswith("gs_")
    shot(viewer, "04-invitation-welcome")
    viewer.locator("#go-on").click()
    viewer.wait_for_url("**/explorer")
    expect(viewer.locator("#site-header")).to_contain_text("Mette Jensen")
    expect(viewer.locator("#site-header nav")).not_to_contain_text("Adgang og personer")

    stranger = _fresh(browser, api_url, guard).new_page()
    stranger.goto(url)
    stranger.locator("#use-link").click()
    expect(stranger.locator("#refused-heading")).to_have_text("Linket er allerede brugt")
    expect(stranger.locator("#refused-text")).to_contain_text("blev brugt")
    expect(stranger.locator("#refused-todo")).to_contain_text("bed den, der inviterede dig, om et nyt link")
    shot(stranger, "05-invitation-used")
    _forget_refusals(guard)

    # Users: Mette has access and has used it; make her a coordinator.
    page.locator("#tab-invite").focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#tab-users")).to_be_focused()
    row = page.locator("tr[data-user='Mette Jensen']")
    expect(row).to_contain_text("Har adgang")
    expect(row.locator("td").nth(3)).not_to_have_text("aldrig")
    row.locator("select").select_option("COORDINATOR")
    row.get_by_role("button", name="Skift rolle").click()
    expect(page.locator("#messages .message.success")).to_have_text("Mette Jensen er nu koordinator.")
    assert viewer.request.get("/auth/me").json()["role"] == "coordinator"
    shot(page, "06-admin-users")

    # The last admin cannot step down.
    me = page.locator("tr", has_text="(dig)")
    me.locator("select").select_option("VIEWER")
    me.get_by_role("button", name="Skift rolle").click()
    expect(page.locator("#messages")).to_contain_text("den eneste administrator, der kan logge ind")

    # Take Mette's access away, after the confirmation.
    page.locator("tr[data-user='Mette Jensen']").get_by_role("button", name="Fjern adgang").click()
    dialog = page.locator("dialog.confirm")
    expect(dialog).to_contain_text("Fjern adgangen for Mette Jensen?")
    expect(dialog).to_contain_text("holder op med at virke med det samme")
    expect(page.locator("#confirm-no")).to_be_focused()
    shot(page, "07-admin-revoke-confirm")
    page.locator("#confirm-yes").click()
    expect(page.locator("#messages .message.success")).to_have_text("Mette Jensen har ikke længere adgang.")
    expect(page.locator("tr[data-user='Mette Jensen']")).to_contain_text("Ingen adgang")
    assert viewer.request.get("/auth/me").status == 401

    # Share links of every map: revoke the one to the gaps map.
    page.locator("#tab-links").click()
    link = page.locator("#links-table tbody tr", has_text="Huller i Hvalsø")
    expect(link).to_contain_text("coordinator-")
    expect(link.locator("td").nth(2)).not_to_have_text("aldrig")  # it was opened once
    shot(page, "08-admin-links")
    link.get_by_role("button", name="Tilbagekald").click()
    expect(page.locator("dialog.confirm")).to_contain_text(
        "Tilbagekald delingslinket til kortet »Huller i Hvalsø«"
    )
    page.locator("#confirm-yes").click()
    expect(page.locator("#messages .message.success")).to_contain_text("virker ikke længere")
    expect(link).to_contain_text("tilbagekaldt")
    assert httpx.get(f"{api_url}/share/{town}").status_code == 410

    # The audit log: about the climbing club, by Mette, and today.
    page.locator("#tab-audit").click()
    expect(page.locator("#audit-body")).to_contain_text("Tilbagekaldte et delingslink")
    expect(page.locator("#audit-body")).to_contain_text("Fjernede adgangen for Mette Jensen")
    expect(page.locator("#audit-body")).to_contain_text(
        "Ændrede rollen for Mette Jensen fra læser til koordinator"
    )
    page.mouse.wheel(0, 400)
    shot(page, "09a-admin-audit-all")
    page.mouse.wheel(0, -400)
    page.locator("#audit-about").fill("Klatreklub")
    page.locator("#audit-about").press("Enter")
    expect(page.locator("#audit-matched")).to_have_text("Ændringer om: Hvalsø Klatreklub (forening)")
    expect(page.locator("#audit-body")).to_contain_text("Ændrede »Hvalsø Klatreklub« (forening): beskrivelse")
    shot(page, "09-admin-audit")
    page.locator("#audit-reset").click()
    page.locator("#audit-user").select_option("Mette Jensen")
    today = datetime.now(DANISH_TIME).date().isoformat()
    page.locator("#audit-from").fill(today)
    page.locator("#audit-to").fill(today)
    page.locator("#audit-search").click()
    expect(page.locator("#audit-body")).to_contain_text("Mette Jensen loggede ind med sit login-link")
    expect(page.locator("#audit-body tr")).to_have_count(1)
    page.locator("#audit-from").fill("2020-01-01")
    page.locator("#audit-to").fill("2020-12-31")
    page.locator("#audit-search").click()
    expect(page.locator("#audit-body")).to_have_text("Ingen ændringer passer til søgningen.")

    # People: find the young person, download everything, erase after the confirmation.
    page.locator("#tab-people").click()
    page.locator("#people-search").fill("Blå")
    page.locator("#people-search").press("Enter")
    page.locator("#people-results button", has_text="Blå Ræv").click()
    expect(page.locator("#person-heading")).to_be_focused()
    expect(page.locator("#person-detail")).to_contain_text("3 forbindelser (går på: 1, med i en målgruppe: 1")
    with page.expect_download() as download:
        page.locator("#person-download").click()
    held = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert held["person"]["name"] == "Blå Ræv" and len(held["ties"]) == 3
    assert download.value.suggested_filename == "oplysninger-yp-1.json"
    shot(page, "10-admin-people")
    page.locator("#person-erase").click()
    dialog = page.locator("dialog.confirm")
    expect(dialog).to_contain_text("Slet »Blå Ræv« for altid?")
    expect(dialog).to_contain_text("alle 3 forbindelser")
    expect(dialog).to_contain_text("personens oplysninger i 1 linje i ændringsloggen")
    expect(dialog).to_contain_text("Gemte kort og øjebliksbilleder gemmer aldrig enkelte personer")
    shot(page, "11-admin-erase-confirm")
    page.locator("#confirm-yes").click()
    expect(page.locator("#messages .message.success")).to_have_text(
        "»Blå Ræv« er slettet. Forbindelser slettet: 3. Linjer i ændringsloggen renset: 1."
    )
    expect(page.locator("#people-count")).to_have_text("0 unge passer til søgningen.")
    assert graphql(api_url, token_for(tenant, "admin"), '{ node(id: "yp-1") { name } }') == {"node": None}

    # In English, at once.
    page.locator("#language-switch").click()
    expect(page.locator("#tab-people")).to_have_text("People's rights")
    expect(page.locator("h1")).to_have_text("Access and people")
    shot(page, "12-admin-english")


def test_a_coordinator_is_told_the_page_is_for_admins(sign_in: SignIn, tenant: str) -> None:
    page = sign_in(tenant, "coordinator")
    page.set_viewport_size(LAPTOP)
    page.goto("/admin")
    expect(page.locator("#admins-only")).to_contain_text("Denne side er for administratorer.")
    expect(page.locator("#admins-only")).to_contain_text("Du er logget ind som koordinator.")
    expect(page.locator("#admin")).to_be_hidden()
    expect(page.locator("#site-header nav")).not_to_contain_text("Adgang og personer")
    shot(page, "13-admin-as-coordinator")


def test_an_unknown_link_says_what_to_do(page: Page) -> None:
    page.set_viewport_size(LAPTOP)
    page.goto("/invitation")
    expect(page.locator("#refused-heading")).to_have_text("Linket findes ikke")
    expect(page.locator("#refused-todo")).to_contain_text("Åbn linket fra e-mailen igen")


def test_every_word_the_admin_page_uses_is_in_both_dictionaries() -> None:
    """The shared check reads the top folder of scripts only; the admin page's parts live in
    js/admin/."""

    def keys(language: str) -> set[str]:
        text = (WEB / "i18n" / f"{language}.js").read_text(encoding="utf-8")
        return set(re.findall(r'^\s*"([^"]+)":', text, flags=re.MULTILINE))

    danish, english = keys("da"), keys("en")
    used: set[str] = set()
    for script in [
        *(WEB / "js" / "admin").glob("*.js"),
        WEB / "js" / "admin.js",
        WEB / "js" / "invitation.js",
    ]:
        text = script.read_text(encoding="utf-8")
        used |= set(re.findall(r'\bt\("([a-z_.-]+)"', text))
        used |= {f"{k}.{n}" for k in re.findall(r'\btn\("([a-z_.-]+)"', text) for n in ("one", "other")}
    # Keys the scripts make from parts: each part's every value.
    for prefix, parts in {
        "admin.tab": ["invite", "users", "links", "audit", "people"],
        "admin.invite.role": ["viewer", "coordinator", "admin"],
        "admin.users.col": ["name", "role", "access", "created", "last_used", "actions"],
        "admin.links.col": ["map", "made", "status", "last_used", "actions"],
        "admin.audit.col": ["when", "who", "what"],
        "admin.people.kind": ["young", "contact"],
        "admin.log": [
            "create",
            "update",
            "delete",
            "connect",
            "update_tie",
            "disconnect",
            "add_user",
            "issue_token",
            "revoke_tokens",
            "set_user_role",
            "remove_user",
            "invite_user",
            "new_sign_in_link",
            "save_view_titled",
            "change_view_titled",
            "use_sign_in_link",
            "revoke_access",
        ],
    }.items():
        used |= {f"{prefix}.{p}" for p in parts}
    for reason in ("used", "expired", "revoked", "unknown"):
        used |= {f"admin.welcome.{reason}_{part}" for part in ("heading", "text", "todo")}
    used |= {f"admin.people.found.{k}.{n}" for k in ("young", "contact") for n in ("one", "other")}
    assert len(used) > 150
    assert used - danish == set()
    assert used - english == set()
