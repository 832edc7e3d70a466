"""The partner survey in real headless Chromium: a coordinator starts a round for the eight
organisations of a small tenant, three respondents answer on a phone (one adds an organisation
that is not on the list, one changes an answer), the coordinator approves the new organisation,
sees three of eight answered and who names whom, and closes the round with a snapshot; then the
spreadsheet survey import of the same answers gives the same ties.

Screenshots (phone 390×844, laptop 1366×768) go to /tmp/survey-shots and var/screenshots."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver, GraphDatabase
from playwright.sync_api import Browser, BrowserContext, Page, expect

from graphsvc.config import Settings
from graphsvc.db.driver import opened
from graphsvc.db.networks import NetworkRepository
from graphsvc.io.tabular import ImportKind
from graphsvc.services.imports import ImportOptions, import_file
from graphsvc.services.scope import command_line_caller, open_scope
from tests.api.surveys import collaborations, survey_status
from tests.browser.conftest import SCREENSHOTS, TIMEOUT_MS, Guard, SignIn, drawn_map, graphql, write_network
from tests.survey_town import ORGANISATIONS, survey_town

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
SHOTS = Path("/tmp/survey-shots")
ROUND = "Partnerundersøgelse 2026"
NEW_CLUB = "Hvalsø Petanque"


def shot(page: Page, name: str, *, full: bool = False) -> None:
    for folder in (SHOTS, SCREENSHOTS):
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"survey-{name}.png"), full_page=full)


@pytest.fixture(scope="module")
def db(settings: Settings) -> Iterator[Driver]:
    with GraphDatabase.driver(settings.bolt_uri, auth=settings.auth) as driver:
        yield driver


@pytest.fixture
def phone(browser: Browser, api_url: str, guard: Guard) -> Iterator[BrowserContext]:
    """A respondent's phone: no account, no cookies, Danish."""
    context = browser.new_context(
        viewport=PHONE, base_url=api_url, locale="da-DK", has_touch=True, device_scale_factor=2
    )
    context.set_default_timeout(TIMEOUT_MS)
    guard.watch(context)
    yield context
    context.close()


def _pick(page: Page, control: str, text: str, option: str) -> None:
    page.locator(control).click()
    page.locator(control).fill(text)
    page.locator(".ts-dropdown .option", has_text=option).first.click()


def _answer(page: Page, name: str, frequency: str, trust: str, value: str) -> None:
    card = page.locator(".partner-card", has_text=name)
    card.locator("select").select_option(label=frequency)
    card.locator(".scale").nth(0).locator("label", has_text=trust).click()
    card.locator(".scale").nth(1).locator("label", has_text=value).click()


def _save(page: Page) -> None:
    page.locator("#save").click()
    expect(page.locator("#messages .message.success")).to_contain_text("Jeres svar er gemt")


def _start_round(page: Page) -> dict[str, str]:
    page.set_viewport_size(LAPTOP)
    page.goto("/surveys")
    expect(page.locator("#start-form")).to_be_visible()
    page.locator("#round-name").fill(ROUND)
    for name, *_ in ORGANISATIONS.values():
        _pick(page, "#round-respondents-ts-control", name.split()[0 if "KFUM" in name else -1], name)
    expect(page.locator("#start-form .ts-wrapper .item")).to_have_count(len(ORGANISATIONS))
    shot(page, "start-laptop")
    page.locator("#start-round").click()
    expect(page.locator("#invitations > li")).to_have_count(len(ORGANISATIONS))
    shot(page, "invitations-laptop")
    links = {}
    for item in page.locator("#invitations > li").all():
        links[item.get_attribute("data-id") or ""] = item.locator(".link-field").input_value()
    first = page.locator("#invitations textarea").first.input_value()
    assert first.startswith("Kære ") and "partnerundersøgelsen »Partnerundersøgelse 2026«" in first
    assert links[next(iter(ORGANISATIONS))] in first
    return links


def test_a_round_from_start_to_snapshot_with_three_respondents_on_phones(
    sign_in: SignIn,
    phone: BrowserContext,
    tenant: str,
    settings: Settings,
    db: Driver,
    guard: Guard,
    api_url: str,
    token_for: Any,
) -> None:
    write_network(settings, survey_town(tenant))
    token = token_for(tenant, "coordinator")
    graphql(api_url, token, 'mutation { createSnapshot(name: "Før runden") { __typename } }')
    coordinator = sign_in(tenant)
    links = _start_round(coordinator)
    assert set(links) == set(ORGANISATIONS) and all("/respond/gss_" in url for url in links.values())

    # The school names two partners, on a phone.
    school = phone.new_page()
    school.goto(links["school"])
    expect(school.locator("#intro")).to_contain_text("Hvalsø Skole")
    expect(school.locator("#intro")).to_contain_text(ROUND)
    shot(school, "questionnaire-phone")
    _pick(school, "#partner-search-ts-control", "klatre", "Hvalsø Klatreklub")
    _answer(school, "Hvalsø Klatreklub", "ugentligt", "i høj grad", "i nogen grad")
    _pick(school, "#partner-search-ts-control", "bibli", "Hvalsø Bibliotek")
    shot(school, "questions-phone")
    school.locator("#save").click()
    expect(school.locator("#messages")).to_contain_text("Svar på alle tre spørgsmål for: Hvalsø Bibliotek")
    shot(school, "missing-answer-phone")
    _answer(school, "Hvalsø Bibliotek", "månedligt", "i mindre grad", "i mindre grad")
    _save(school)
    map_frame = drawn_map(school, "ego-map")
    assert "Hvalsø Klatreklub" in (map_frame.content() or "")
    drawn = map_frame.locator("#graphsvc-canvas canvas").bounding_box()  # a phone is narrow
    assert drawn is not None and drawn["height"] > 200, drawn
    school.locator("#ego").scroll_into_view_if_needed()
    shot(school, "ego-map-phone")

    # The club names the school back and adds an organisation that is not on the list.
    club = phone.new_page()
    club.goto(links["club"])
    _pick(club, "#partner-search-ts-control", "skole", "Hvalsø Skole")
    _answer(club, "Hvalsø Skole", "dagligt", "i nogen grad", "i høj grad")
    club.locator("#partner-search-ts-control").click()
    club.locator("#partner-search-ts-control").fill(NEW_CLUB)
    club.locator(".ts-dropdown .create").click()
    expect(club.locator(".partner-card.is-new")).to_contain_text("koordinatoren godkender den")
    _answer(club, NEW_CLUB, "månedligt", "i nogen grad", "i nogen grad")
    shot(club, "new-organisation-phone")
    _save(club)

    # The scouts answer, come back and change their mind about trust.
    scouts = phone.new_page()
    scouts.goto(links["scouts"])
    _pick(scouts, "#partner-search-ts-control", "klatre", "Hvalsø Klatreklub")
    _answer(scouts, "Hvalsø Klatreklub", "årligt", "slet ikke", "i mindre grad")
    _save(scouts)
    scouts.goto(links["scouts"])
    card = scouts.locator(".partner-card", has_text="Hvalsø Klatreklub")
    expect(card.locator("select")).to_have_value("yearly")
    expect(card.locator(".scale").nth(0).locator("input:checked")).to_have_value("1")
    _answer(scouts, "Hvalsø Klatreklub", "årligt", "i høj grad", "i mindre grad")
    _save(scouts)
    assert collaborations(db, tenant)["scouts", "club"]["trust"] == 4

    # The coordinator follows the round.
    coordinator.goto("/surveys")
    expect(coordinator.locator("#response-rate")).to_contain_text("3 af 8 har svaret")
    expect(coordinator.locator("#reciprocity-summary")).to_contain_text("1 par nævner hinanden")
    mutual = coordinator.locator("#reciprocity tbody tr", has_text="Ja, begge veje")
    expect(mutual).to_have_count(1)
    expect(mutual).to_contain_text("Hvalsø Klatreklub")
    expect(mutual).to_contain_text("Hvalsø Skole")
    expect(coordinator.locator("#not-answered li")).to_have_count(5)
    reminder = coordinator.locator("#not-answered li", has_text="Helsefonden")
    reminder.get_by_role("button", name="Påmindelse").click()
    text = reminder.locator("textarea").input_value()
    assert text.startswith("Kære Helsefonden") and "/respond/gss_" in text and text != links["fund"]
    shot(coordinator, "round-laptop")

    suggestion = coordinator.locator("#suggestions .suggestion", has_text=NEW_CLUB)
    expect(suggestion).to_contain_text("Nævnt af Hvalsø Klatreklub")
    suggestion.scroll_into_view_if_needed()
    shot(coordinator, "suggestion-laptop")
    suggestion.locator(".approve-form select").first.select_option(label="Forening")
    suggestion.get_by_role("button", name="Godkend som ny aktør").click()
    expect(coordinator.locator("#suggestions")).to_contain_text(f"{NEW_CLUB} · godkendt som ny aktør")
    assert any(n == NEW_CLUB for n in _names(db, tenant))

    coordinator.locator("#close-round").click()
    expect(coordinator.locator("dialog.confirm")).to_contain_text(ROUND)
    coordinator.locator("#confirm-yes").click()
    expect(coordinator.locator("#messages .message.success")).to_contain_text(
        f"øjebliksbilledet »{ROUND}« er taget"
    )
    expect(coordinator.locator(".status-badge")).to_have_text("Lukket")
    shot(coordinator, "closed-laptop", full=True)

    # The snapshot the round took shows its new ties against the one taken before it.
    ids = {x["name"]: x["id"] for x in graphql(api_url, token, "{ snapshots { id name } }")["snapshots"]}
    coordinator.goto("/snapshots")
    coordinator.locator("#compare-from").select_option(ids["Før runden"])
    coordinator.locator("#compare-to").select_option(ids[ROUND])
    coordinator.locator("#compare").click()
    gained = coordinator.locator("#ties-gained-table tbody tr")
    expect(gained.filter(has_text="Hvalsø Klatreklub").first).to_be_visible()
    shot(coordinator, "round-in-snapshots-laptop")

    # The links stop at once, with a plain page in the respondent's language.
    closed = phone.new_page()
    answer = closed.goto(links["scouts"])
    assert answer is not None and answer.status == 410
    expect(closed.locator("body")).to_contain_text("Partnerundersøgelsen er lukket")
    shot(closed, "closed-link-phone")
    guard.console_errors = [e for e in guard.console_errors if "status of 410" not in e]

    # The spreadsheet survey import of the same answers gives the same ties.
    ties = collaborations(db, tenant)
    twin = f"{tenant}-twin"
    rows = ["respondent;partner;frequency;trust;value"]
    rows += [
        f"{s};{t};{p['frequency']};{p['trust']};{p['value']}"
        for (s, t), p in ties.items()
        if p.get("survey") == ROUND
    ]
    rows += [f"{o};;;;" for o in ORGANISATIONS if o not in {"school", "club", "scouts"}]
    assert len(rows) == 1 + 5 + 5
    _import_into_twin(settings, tenant, twin, "\n".join(rows).encode())
    assert collaborations(db, twin) == ties
    assert survey_status(db, twin) == survey_status(db, tenant)


def _names(db: Driver, tenant: str) -> list[str]:
    records, _, _ = db.execute_query("MATCH (a:Actor {tenant: $t}) RETURN a.name AS n", t=tenant)
    return [r["n"] for r in records]


def _import_into_twin(settings: Settings, tenant: str, twin: str, sheet: bytes) -> None:
    """The town and the approved organisation in ``twin``, then the sheet imported there
    (from a thread of its own: this one's loop is Playwright's)."""

    async def work() -> None:
        async with opened(settings) as store:
            approved = [n for n in (await NetworkRepository(store).read(tenant)).nodes if n.name == NEW_CLUB]
            town = survey_town(twin)
            copies = tuple(n.model_copy(update={"tenant": twin}) for n in approved)
            await NetworkRepository(store).write(town.model_copy(update={"nodes": town.nodes + copies}))
            scope = open_scope(store, command_line_caller(twin))
            options = ImportOptions(kind=ImportKind.SURVEY, survey=ROUND)
            report = await import_file(scope, sheet, file_name="svar.csv", options=options)
            assert report.written, [str(e) for e in report.errors]

    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, work()).result()


def test_a_viewer_is_told_surveys_need_a_coordinator(sign_in: SignIn, small_demo: str) -> None:
    page = sign_in(small_demo, "viewer")
    page.goto("/surveys")
    expect(page.locator("#messages")).to_contain_text("Kun koordinatorer og administratorer")
    expect(page.locator("#surveys")).to_be_hidden()


def test_the_questionnaire_in_english_and_a_link_that_does_not_exist(
    browser: Browser, api_url: str, guard: Guard, sign_in: SignIn, tenant: str, settings: Settings
) -> None:
    write_network(settings, survey_town(tenant))
    links = _start_round(sign_in(tenant))
    context = browser.new_context(viewport=PHONE, base_url=api_url, locale="en-GB")
    guard.watch(context)
    page = context.new_page()
    page.goto(links["library"])
    expect(page.locator("h1")).to_have_text("Partner survey")
    expect(page.locator("#intro")).to_contain_text("You are answering for")
    page.locator("#language-switch").click()
    expect(page.locator("h1")).to_have_text("Partnerundersøgelse")
    expect(page.locator("#intro")).to_contain_text("Du svarer for")
    answer = page.goto("/respond/gss_unknown")  # a plain page, in the browser's language
    assert answer is not None and answer.status == 404
    expect(page.locator("body")).to_contain_text("There is no questionnaire at this link")
    guard.console_errors = [e for e in guard.console_errors if "status of 404" not in e]
    context.close()
