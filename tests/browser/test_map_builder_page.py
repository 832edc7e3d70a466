"""The map builder: preview, save a view, share it with an iframe snippet, download it,
revoke the link; what a viewer may and may not do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from graphsvc.config import Settings
from graphsvc.domain import Network
from tests.browser.conftest import Screenshot, SignIn, drawn_map, write_network


@pytest.fixture
def town(settings: Settings, tenant: str, small_town: Callable[[str], Network]) -> str:
    write_network(settings, small_town(tenant))
    return tenant


def test_a_coordinator_saves_shares_downloads_and_revokes_a_map(
    sign_in: SignIn,
    town: str,
    api_url: str,
    screenshot: Screenshot,
) -> None:
    page = sign_in(town)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    # As the explorer's "open in the map builder" link opens it.
    page.goto("/maps?kind=ego&actor=club&depth=1")
    expect(page.locator("#kind")).to_have_value("ego")
    expect(page.locator("#actor")).to_have_value("club")
    expect(page.locator("#target-group")).to_be_hidden()
    frame = drawn_map(page, "preview-map", "actor=club")
    assert "club" in frame.evaluate("graphsvcMap.body.data.nodes.getIds()")

    page.locator("#map-title").fill("Klatreklubbens netværk")
    page.locator("#map-lang").select_option("en")
    page.locator("#save-view").click()
    expect(page.locator("#messages")).to_contain_text("Kortet er gemt som “Klatreklubbens netværk”")
    expect(page.locator("#view-heading")).to_be_focused()
    expect(page.locator("#views li").first).to_contain_text("Klatreklubbens netværk")
    drawn_map(page, "preview-map", "lang=en")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "map-builder")

    page.locator("#expires").select_option("7")
    page.locator("#share-form button[type=submit]").click()
    url = page.locator("#share-url")
    expect(page.locator("#share-result")).to_be_visible()
    share_url = url.input_value()
    assert share_url.startswith(f"{api_url}/share/gsv_")
    snippet = page.locator("#snippet").input_value()
    assert snippet.startswith(f'<iframe src="{share_url}"') and 'title="Klatreklubbens netværk"' in snippet
    page.locator("button.copy[data-copy=snippet]").click()
    expect(page.locator("#copy-status")).to_have_text("Kopieret.")
    assert page.evaluate("navigator.clipboard.readText()") == snippet
    link = page.locator("#links li[data-status=active]")
    expect(link).to_have_count(1)
    expect(link).to_contain_text("udløber")
    screenshot(page, "map-builder-share")

    with page.expect_download() as png:
        page.locator("#download-png").click()
    assert Path(png.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.value.suggested_filename.endswith(".png")

    # Anyone with the link sees the map, signed in or not.
    assert httpx.get(share_url, timeout=60).status_code == 200
    link.locator("button.danger").click()
    expect(link).to_contain_text("Tilbagekald linket?")
    link.locator("button.danger").click()
    expect(page.locator("#links li[data-status=revoked]")).to_contain_text("tilbagekaldt")
    expect(page.locator("#messages")).to_contain_text("Linket er tilbagekaldt.")
    assert httpx.get(share_url, timeout=60).status_code == 410


def test_a_viewer_looks_at_saved_maps_but_cannot_save_or_share(
    sign_in: SignIn,
    town: str,
    token_for: Callable[..., str],
    api_url: str,
) -> None:
    saved = httpx.post(
        f"{api_url}/graphql",
        timeout=60,
        headers={"Authorization": f"Bearer {token_for(town)}"},
        json={
            "query": """mutation {
        saveMapView(input: {kind: TARGET_GROUP, targetGroup: "tg", title: "Til byrådet"}) {
        ... on MapView { id } } }"""
        },
    ).json()
    assert saved["data"]["saveMapView"]["id"]
    page = sign_in(town, "viewer")
    page.goto("/maps")
    expect(page.locator("#viewer-note")).to_be_visible()
    expect(page.locator("#save-view")).to_be_hidden()
    assert "individuals" not in page.locator("#young option").evaluate_all("os => os.map(o => o.value)")
    view = page.locator("#views li").filter(has_text="Til byrådet")
    view.get_by_role("button", name="Åbn", exact=True).click()
    expect(page.locator("#view-heading")).to_have_text("Til byrådet")
    expect(page.locator("#kind")).to_have_value("target-group")
    expect(page.locator("#download-html")).to_be_visible()
    expect(page.locator("#share-form")).to_be_hidden()
    drawn_map(page, "preview-map", "target_group=tg")


def test_a_map_without_its_subject_is_refused_in_words(sign_in: SignIn, town: str) -> None:
    page = sign_in(town)
    page.goto("/maps")
    page.locator("#kind").select_option("ego")
    page.locator("#map-form button[type=submit]").click()
    expect(page.locator("#messages")).to_contain_text("Vælg en aktør.")
    page.locator("#actor-search").fill("klatre")
    page.keyboard.press("Enter")  # finds the actor; does not draw yet
    expect(page.locator("#actor")).to_have_value("club")
    expect(page.locator("#actor")).to_be_focused()
    page.locator("#map-form button[type=submit]").click()
    drawn_map(page, "preview-map", "actor=club")


def test_the_builder_speaks_english_when_asked(sign_in: SignIn, small_demo: str) -> None:
    page = sign_in(small_demo)
    page.goto("/maps?kind=network")
    expect(page.locator("h1")).to_have_text("Kortbygger")
    drawn_map(page, "preview-map")
    page.locator("#language-switch").click()
    expect(page.locator("h1")).to_have_text("Map builder")
    expect(page.locator("label[for=kind]")).not_to_have_text("Kort")
    page.reload()  # the browser remembers the choice
    expect(page.locator("h1")).to_have_text("Map builder")
    expect(page.locator("label[for=map-lang]")).to_have_text("Language of the map")
