"""The growth story in a real browser: three snapshots and now, stepped through with the keys
from the snapshots page; every partner and every tie added stays at one place through all the
steps (read through vis-network's getPositions); hostile names stay text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Frame, Page, expect

from graphsvc.config import Settings
from graphsvc.domain import Actor, Kind, Network, Sector, Tie, TieType
from tests.browser.conftest import MAP_READY, TIMEOUT_MS, SignIn, graphql, write_network
from tests.maps.towns import IMG, two_towns

SHOTS = Path("/tmp/shots/growth-story")
SNAPSHOT = "mutation($n: String!, $d: Date) { createSnapshot(name: $n, takenOn: $d) { __typename } }"
# What joins at each step: a new partner, tied to one that was there before.
GROWTH = [("biz-new", "school-landsby", f"Ny virksomhed {IMG}"), ("club-new", "biz-new", "Ny klub")]


def joined(tenant: str, node_id: str, partner: str, name: str) -> Network:
    actor = Actor(kind=Kind.BUSINESS, id=node_id, tenant=tenant, name=name, sector=Sector.BUSINESS, area="by")
    tie = Tie(type=TieType.COLLABORATES_WITH, source=node_id, target=partner)
    return Network(tenant=tenant, nodes=(actor,), ties=(tie,))


@pytest.fixture
def story(settings: Settings, tenant: str, api_url: str, token_for: Any) -> str:
    """The hostile towns snapshotted at kick-off, then grown twice, a snapshot after each."""
    write_network(settings, two_towns(tenant, hostile=True))
    token = token_for(tenant, "coordinator")
    days = ["2026-01-15", "2026-05-01", "2026-09-01"]
    names = [f"Kick-off {IMG}", "Forår", "Efterår"]
    for n, (day, name) in enumerate(zip(days, names, strict=True)):
        if n:
            write_network(settings, joined(tenant, *GROWTH[n - 1]))
        made = graphql(api_url, token, SNAPSHOT, n=name, d=day)
        assert made["createSnapshot"]["__typename"] == "Snapshot", made
    return tenant


def drawn_step(page: Page, n: int) -> Frame:
    page.wait_for_selector(f"iframe[name=deck-step-{n}]", state="attached")
    frame = page.frame(name=f"deck-step-{n}")
    assert frame is not None
    frame.wait_for_selector(MAP_READY, state="attached", timeout=TIMEOUT_MS)
    return frame


def positions(frame: Frame) -> dict[str, tuple[float, float]]:
    found = frame.evaluate("graphsvcMap.getPositions()")
    return {node: (round(p["x"], 1), round(p["y"], 1)) for node, p in found.items()}


def test_each_step_adds_its_ties_at_the_same_places(sign_in: SignIn, story: str) -> None:
    page = sign_in(story)
    page.goto("/snapshots")
    show = page.locator("#story-show")
    expect(show).to_be_visible()
    href = show.get_attribute("href")
    assert href == "/snapshots/story.html?lang=da"
    page.goto(href)
    steps: list[dict[str, tuple[float, float]]] = []
    gained: list[list[str]] = []
    for n in range(4):
        frame = drawn_step(page, n)
        steps.append(positions(frame))
        gained.append(
            frame.evaluate("graphsvcMap.body.data.edges.getIds().filter(i => i.startsWith('change-'))")
        )
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"step-{n + 1}.png"))
        if n < 3:
            page.keyboard.press("ArrowRight")
    assert int(page.evaluate("window.graphsvcDeck.total")) == 4
    expect(page.locator(".deck-slide:not([hidden]) .deck-heading")).to_have_text("Nu")
    page.keyboard.press("Home")
    expect(page.locator(".deck-slide:not([hidden]) .deck-heading")).to_have_text(
        f"Kick-off {IMG} (15. januar 2026)"
    )
    assert page.locator("img").count() == 0
    # Who is there at each step: the kick-off's partners, then one more at each snapshot.
    assert "biz-new" not in steps[0] and "biz-new" in steps[1] and "club-new" in steps[2]
    assert gained[0] == [] and len(gained[1]) == 1 and len(gained[2]) == 1 and gained[3] == []
    # Every node stands where it stood in every earlier step.
    for node in set().union(*steps):
        places = {step[node] for step in steps if node in step}
        assert len(places) == 1, f"{node} moved: {places}"
    # The measures beside the step: one partner more after each snapshot.
    page.keyboard.press("ArrowRight")
    expect(
        page.locator(".deck-slide:not([hidden]) .deck-measure").filter(has_text="Nye partnere")
    ).to_contain_text("1")


def test_the_story_downloads_as_one_file_and_a_png_per_step(
    story: str, api_url: str, token_for: Any, tmp_path: Path
) -> None:
    import io
    import zipfile

    import httpx

    headers = {"Authorization": f"Bearer {token_for(story, 'viewer')}"}
    page = httpx.get(f"{api_url}/snapshots/story/download.html", headers=headers, timeout=120)
    assert page.status_code == 200 and "attachment" in page.headers["content-disposition"]
    assert IMG not in page.text
    images = httpx.get(f"{api_url}/snapshots/story/images.zip", headers=headers, timeout=120)
    assert images.status_code == 200, images.text[:300]
    with zipfile.ZipFile(io.BytesIO(images.content)) as archive:
        names = archive.namelist()
        assert names == [f"vaekst-{story}-0{n}.png" for n in range(1, 5)]
        first = archive.read(names[0])
        assert first[:8] == b"\x89PNG\r\n\x1a\n"
        SHOTS.mkdir(parents=True, exist_ok=True)
        (SHOTS / "png-step-2.png").write_bytes(archive.read(names[1]))
