"""The glossary page and the "?" beside a measure that leads to it, by keyboard, in Danish and
English."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import Screenshot, SignIn


def test_the_question_mark_beside_a_measure_leads_to_its_entry(
    sign_in: SignIn,
    small_demo: str,
    screenshot: Screenshot,
) -> None:
    page = sign_in(small_demo, "viewer")
    page.goto("/brokers")
    expect(page.locator("#broker-rows tr[data-id]").first).to_be_visible()
    help_link = page.locator('#broker-table thead a[data-term="broker_share"]')
    expect(help_link).to_have_text("?")
    expect(help_link).to_have_attribute("aria-label", "Hvad betyder »Brobygning mellem to arenaer«?")
    expect(help_link).to_have_attribute(
        "title",
        "Brobygning mellem to arenaer: Andelen af de korteste veje fra "
        "aktører i den ene arena (fx skole) til aktører i den anden (fx fritid), "
        "som går gennem aktøren. Brobyggersiden rangerer efter dette tal "
        "(kolonnen »Andel af vejene«).",
    )
    expect(page.locator("#site-header a.help-link")).to_have_text("Ordliste")
    screenshot(page, "glossary-brokers-help")

    help_link.focus()  # a link: reached with Tab like any other, followed with Enter
    expect(help_link).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/ordliste#broker_share")
    entry = page.locator("dt#broker_share")
    expect(entry).to_be_focused()
    expect(entry).to_be_in_viewport()
    expect(entry).to_have_text("Brobygning mellem to arenaer")
    expect(page.locator("dt#broker_share + dd")).to_contain_text("korteste veje")
    expect(page.locator("#site-header a.help-link")).to_have_attribute("aria-current", "page")
    screenshot(page, "glossary-entry-da")


def test_the_glossary_reads_in_danish_then_english(
    sign_in: SignIn,
    small_demo: str,
    screenshot: Screenshot,
) -> None:
    page = sign_in(small_demo, "viewer")
    page.goto("/ordliste")
    expect(page.locator("h1")).to_have_text("Ordliste")
    expect(page.locator("dt#role_coordinator")).to_have_text("Mellemmand i egen gruppe")
    expect(page.locator("dt#role_coordinator ~ dd.why").first).to_contain_text("brugerrollen")
    expect(page.locator("dt#betweenness")).to_have_text("Brobygning i hele netværket")
    expect(page.locator("dt#business")).to_have_text("Erhvervslivet")
    expect(page.locator("#glossary-index a")).to_have_count(page.locator("dt").count())
    screenshot(page, "glossary-da")

    page.locator("#language-switch").click()
    expect(page.locator("h1")).to_have_text("Glossary")
    expect(page.locator("dt#betweenness")).to_have_text("Betweenness")
    expect(page.locator("dt#betweenness ~ dd.other-term").first).to_have_text(
        "In Danish: Brobygning i hele netværket"
    )
    page.locator('#glossary-index a[href="/ordliste#role_liaison"]').click()
    expect(page.locator("dt#role_liaison")).to_be_focused()
    screenshot(page, "glossary-en")


def test_a_map_explains_its_measure_and_highlights_under_its_legend(
    sign_in: SignIn,
    small_demo: str,
    screenshot: Screenshot,
) -> None:
    page = sign_in(small_demo, "viewer")
    page.goto("/maps/gaps.html?target_group=tg-loneliness")
    page.wait_for_selector("html[data-graphsvc-ready=true]", state="attached")
    summary = page.locator(".graphsvc-terms summary")
    expect(summary).to_have_text("Hvad ordene betyder")
    terms = page.locator(".graphsvc-terms dt")
    expect(terms.first).to_be_hidden()  # folded until asked for
    summary.focus()
    page.keyboard.press("Enter")
    expect(terms.first).to_have_text("Antal forbindelser")
    expect(page.locator(".graphsvc-terms")).to_contain_text("Sektor der mangler helt")
    expect(page.locator(".graphsvc-terms")).to_contain_text("Eneste vej")
    page.locator(".graphsvc-terms").scroll_into_view_if_needed()
    screenshot(page, "glossary-map-legend")
