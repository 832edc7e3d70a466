"""From gap report to action in real headless Chromium: the what-if of recruiting the planted
business on the gap report, and a follow-up task's life on the weaving page from suggestion to
"collaborating" after a snapshot that holds the new tie. Screenshots at 1366×768, a laptop's
screen, go to /tmp/weaving-shots."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from graphsvc.config import Settings
from graphsvc.db.driver import opened
from graphsvc.db.networks import NetworkRepository
from graphsvc.services.weaving_progress import quarter_of
from graphsvc.services.weaving_tasks import today
from tests import weaving_town as town
from tests.browser.conftest import SignIn, drawn_map, graphql

SHOTS = Path("/tmp/weaving-shots")
LAPTOP = {"width": 1366, "height": 768}
TG = town.TARGET_GROUP


@pytest.fixture(scope="module")
def holdby(settings: Settings, small_demo: str) -> str:
    """Holdby in a tenant of its own (written from a thread: this one's loop is Playwright's)."""
    tenant = f"{small_demo}-weaving"

    async def write() -> None:
        async with opened(settings) as store:
            await NetworkRepository(store).write(town.weaving_town(tenant))

    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, write()).result()
    return tenant


def top(page: Page, selector: str) -> None:
    """Scroll so that ``selector`` is at the top of the screen, as a reader would."""
    page.locator(selector).evaluate("node => node.scrollIntoView({block: 'start'})")


def shot(page: Page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


def test_the_gap_report_shows_what_recruiting_the_planted_business_would_do(
    sign_in: SignIn, holdby: str
) -> None:
    page = sign_in(holdby)
    page.set_viewport_size(LAPTOP)
    page.goto(f"/gaps?target_group={TG}")
    first = page.locator("#recommendations .recommendation").first
    expect(first).to_have_attribute("data-id", town.RECRUIT)
    drawn_map(page, "gap-map")
    first.locator("input.whatif-pick").check()
    expect(page.locator("#whatif-picked")).to_have_text("Vestby Tømrer")
    page.locator("#whatif-run").click()
    statements = page.locator("#whatif-map-statements li")
    expect(statements.first).to_have_text(town.RECRUIT_SENTENCE_DA)
    vestby = page.locator(".whatif-table tr[data-group=area-vestby]")
    expect(vestby).to_contain_text("Vestby")
    assert [c.text_content() for c in vestby.locator("td").all()] == ["4", "0", "3", "+3"]
    frame = drawn_map(page, "whatif-map", "recruit=biz-toemrer")
    assert town.RECRUIT in frame.evaluate("graphsvcMap.body.data.nodes.getIds()")
    top(page, "#whatif-heading")
    shot(page, "gaps-whatif")
    page.locator(".whatif-map").scroll_into_view_if_needed()
    shot(page, "gaps-whatif-map")

    # The recommendations in the order of their measured effect, saying so.
    page.locator("#rec-order").select_option("EFFECT")
    expect(page.locator("#rec-order-statement")).to_contain_text("Sorteret efter målt virkning")
    expect(first.locator(".measured")).to_contain_text("3 flere unge i målgruppen i Vestby")
    page.locator("#recommendations-heading").scroll_into_view_if_needed()
    shot(page, "gaps-by-effect")

    # Losing the lone broker, from its own finding.
    page.locator("button.whatif-lose").first.click()
    expect(statements.first).to_have_text(
        "Uden Ungdomsklubben Holdby ville 3 unge i målgruppen ikke længere have en fritidsaktør inden for "
        "to led."
    )
    page.locator("#language-switch").click()
    expect(statements.first).to_have_text(
        "Without Ungdomsklubben Holdby, 3 members would no longer have a leisure actor within two hops."
    )
    drawn_map(page, "whatif-map", "lang=en")


def test_a_task_from_suggestion_to_collaborating_after_a_snapshot_holds_the_tie(
    sign_in: SignIn, holdby: str, api_url: str, token_for: object
) -> None:
    page = sign_in(holdby)
    page.set_viewport_size(LAPTOP)
    page.goto(f"/weaving?target_group={TG}")
    card = page.locator("#suggestions .suggestion").first
    expect(card.locator(".card-title")).to_have_text("Holdby Skole ↔ Holdby Spejderne")
    expect(card).to_contain_text("Skole ↔ fritid")
    expect(card.locator(".introducers")).to_contain_text("Ungdomsklubben Holdby")
    shot(page, "weaving-suggestions")

    card.locator("button.make-task").click()
    form = card.locator("form.task-form")
    form.locator("select[name=assignee]").select_option(index=1)
    form.locator("input[name=due]").fill("2026-12-18")
    form.locator("textarea[name=note]").fill("Klubben inviterer begge til kaffe i januar.")
    shot(page, "weaving-new-task")
    form.locator("button[type=submit]").click()
    row = page.locator(".tasks-table tbody tr").first
    expect(row.locator("th")).to_contain_text("Holdby Skole ↔ Holdby Spejderne")
    expect(row.locator("select.task-status")).to_have_value("PROPOSED")
    expect(card.locator(".task-badge")).to_have_text("Opfølgning: Foreslået")

    row.locator("select.task-status").select_option("INTRODUCED")
    row.locator("button.save-task").click()
    expect(row).to_have_attribute("data-status", "INTRODUCED")
    expect(row.locator("td.status")).to_contain_text("introduceret")
    page.locator("#check-now").click()
    expect(page.locator("#check-result")).to_have_text("1 introduktion tjekket. 0 er blevet til samarbejde.")
    expect(row.locator("select.task-status")).to_have_value("INTRODUCED")

    # The whole effect of the introduction, with the map of the support network after it.
    card.locator("button.show-effect").click()
    expect(page.locator("#whatif-heading")).to_have_text(
        "Hvad nu hvis Holdby Skole og Holdby Spejderne begyndte at samarbejde?"
    )
    expect(page.locator("#weaving-map-statements li").first).to_be_visible()
    drawn_map(page, "weaving-map", "add_tie=")
    shot(page, "weaving-effect")

    # The introduction works: the two start to collaborate, the coordinator records it and
    # takes the quarter's snapshot (the workspace's and the snapshots page's work, done here
    # as an API client would, so this test is about the weaving page).
    token = token_for(holdby, "coordinator")  # type: ignore[operator]
    graphql(
        api_url,
        token,
        """mutation { connect(input: {type: COLLABORATES_WITH, sourceId: "school-holdby",
           targetId: "assoc-spejder"}) { __typename } }""",
    )
    taken = graphql(
        api_url, token, 'mutation { createSnapshot(name: "Vinter 2026") { ... on Snapshot { id } } }'
    )
    assert taken["createSnapshot"]["id"] == "vinter-2026"

    page.reload()
    row = page.locator(".tasks-table tbody tr").first
    expect(row.locator("select.task-status")).to_have_value("COLLABORATING")
    expect(row).to_contain_text("i øjebliksbilledet Vinter 2026")  # its name, not its id
    expect(page.locator("#progress-summary")).to_have_text(
        "1 introduktion lavet, 1 af dem blev til samarbejde (100 %)."
    )
    year, quarter = quarter_of(today()).split("-Q")
    progress = page.locator(".progress-table tbody tr").first
    expect(progress.locator("th")).to_have_text(f"{quarter}. kvartal {year}")
    assert [c.text_content() for c in progress.locator("td").all()] == ["1", "1", "0", "0", "100\xa0%"]
    # Tied now, the two close the town's only open triangle: nothing is left to suggest.
    expect(page.locator("#suggestions")).to_contain_text("Der er ingen introduktioner at foreslå")
    expect(page.locator(".suggestion")).to_have_count(0)
    top(page, "#tasks-heading")
    shot(page, "weaving-followup")

    page.locator("#language-switch").click()
    expect(page.locator("h1")).to_have_text("Network weaving")
    expect(row.locator("select.task-status")).to_have_value("COLLABORATING")
    expect(page.locator("#progress-summary")).to_have_text(
        "1 introduction made, 1 of them became a collaboration (100%)."
    )
    top(page, "#tasks-heading")
    shot(page, "weaving-followup-en")


def test_a_viewer_reads_the_weaving_page_without_controls_or_contact_persons(
    sign_in: SignIn, holdby: str, api_url: str, token_for: object
) -> None:
    token = token_for(holdby, "coordinator")  # type: ignore[operator]
    made = graphql(
        api_url,
        token,
        """mutation { createWeavingTask(input: {firstId: "school-vestby", secondId: "biz-toemrer",
          introducerId: "person-lone", targetGroupId: "tg-ensomme"}) { ... on WeavingTask { id } } }""",
    )
    hidden = made["createWeavingTask"]["id"]
    page = sign_in(holdby, "viewer")
    page.set_viewport_size(LAPTOP)
    page.goto(f"/weaving?target_group={TG}")
    expect(page.locator(".tasks-table tbody tr").first).to_be_visible()
    expect(page.locator("#suggestions-summary")).not_to_be_empty()
    expect(page.locator("button.make-task")).to_have_count(0)
    expect(page.locator("#check-now")).to_be_hidden()
    expect(page.locator(".tasks-table tbody tr").first).to_be_visible()
    expect(page.locator(f"#task-{hidden}")).to_have_count(0)
    assert "Lone Holm" not in page.content()
    shot(page, "weaving-viewer")
