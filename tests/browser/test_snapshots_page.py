"""The "Over tid" page as a coordinator uses it: from an empty tenant, a few actors and ties,
the snapshot "Kick-off", more partners and ties, the snapshot "Efterår"; the two compared in
tables and on the difference map (ties gained and lost in their colours, read from
vis-network itself); the growth chart downloaded as PNG and SVG; a snapshot deleted after a
confirmation that says what goes. Then what a viewer gets: reading only, and files without
people. Screenshots at 1366×768 and 1920×1080 go to /tmp/snapshot-shots."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.conftest import SignIn, drawn_map, graphql

LAPTOP = {"width": 1366, "height": 768}
PROJECTOR = {"width": 1920, "height": 1080}
SHOTS = Path("/tmp/snapshot-shots")
BLUE, VERMILLION = "#0072B2", "#D55E00"

ACTOR = """mutation($input: ActorCreate!) { createActor(input: $input) {
  __typename ... on Actor { id } ... on Error { message } } }"""
AREA = """mutation($input: AreaCreate!) { createArea(input: $input) { __typename ... on Area { id } } }"""
CONNECT = """mutation($input: TieInput!) { connect(input: $input) { __typename ... on Error { message } } }"""
DISCONNECT = """mutation($type: TieType!, $s: ID!, $t: ID!) {
  disconnect(type: $type, sourceId: $s, targetId: $t) { __typename ... on Error { message } } }"""


def _shot(page: Page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


class Network:
    """Builds the tenant's network through GraphQL, as an API client would."""

    def __init__(self, api_url: str, token: str) -> None:
        self.api_url, self.token = api_url, token

    def run(self, query: str, **variables: Any) -> dict[str, Any]:
        data = graphql(self.api_url, self.token, query, **variables)
        answer = next(iter(data.values()))
        assert not answer["__typename"].endswith("Error"), answer
        return data

    def actor(self, node_id: str, name: str, kind: str, sector: str, arena: str) -> None:
        self.run(
            ACTOR,
            input={
                "id": node_id,
                "name": name,
                "kind": kind,
                "sector": sector,
                "arenas": [arena],
                "areaId": "hvalsoe",
            },
        )

    def tie(self, source: str, target: str, type_: str = "COLLABORATES_WITH") -> None:
        self.run(CONNECT, input={"type": type_, "sourceId": source, "targetId": target})


def _kick_off_network(net: Network) -> None:
    net.run(AREA, input={"id": "hvalsoe", "name": "Hvalsø", "areaType": "by"})
    net.actor("skole", "Hvalsø Skole", "MUNICIPAL_UNIT", "PUBLIC", "SCHOOL")
    net.actor("klatreklub", "Hvalsø Klatreklub", "ASSOCIATION", "CIVIL_SOCIETY", "LEISURE")
    net.actor("spejderne", "Hvalsø Spejderne", "ASSOCIATION", "CIVIL_SOCIETY", "LEISURE")
    net.actor("ssp", "SSP Lejre", "MUNICIPAL_UNIT", "PUBLIC", "COMMUNITY")
    net.tie("skole", "klatreklub")
    net.tie("skole", "spejderne", "REFERS_TO")
    net.tie("ssp", "skole")


def _autumn_network(net: Network) -> None:
    """A supermarket and a foundation join; the supermarket hires from the school's pupils'
    clubs, the foundation funds the scouts; the school stops referring to the scouts."""
    net.actor("brugsen", "Dagli'Brugsen Hvalsø", "BUSINESS", "BUSINESS", "WORK")
    net.actor("fonden", "Lokale & Almene Fond", "ORGANISATION", "PHILANTHROPY", "COMMUNITY")
    net.tie("brugsen", "klatreklub")
    net.tie("fonden", "spejderne", "FUNDS")
    net.tie("ssp", "spejderne")
    net.run(DISCONNECT, type="REFERS_TO", s="skole", t="spejderne")


def _take(page: Page, name: str, day: str) -> None:
    page.locator("#snapshot-date").fill(day)
    page.locator("#snapshot-name").focus()
    page.keyboard.type(name)
    page.keyboard.press("Enter")  # the form is used from the keyboard alone
    expect(page.locator("#messages .message.success")).to_contain_text(f"»{name}«")
    expect(page.locator("#snapshot-rows tr th", has_text=name)).to_be_visible()


def _fits_the_width(page: Page) -> None:
    overflow = page.evaluate("""() => ({
        scroll: document.documentElement.scrollWidth, width: document.documentElement.clientWidth,
        wide: [...document.querySelectorAll('main section, main table, main form, iframe, img')]
          .filter(e => e.offsetParent !== null
                       && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .map(e => e.id || e.tagName)})""")
    assert overflow["scroll"] <= overflow["width"] and not overflow["wide"], overflow


def test_a_coordinator_follows_the_network_over_time(
    sign_in: SignIn, tenant: str, api_url: str, token_for: Any
) -> None:
    net = Network(api_url, token_for(tenant, "coordinator"))
    _kick_off_network(net)
    page = sign_in(tenant)
    page.set_viewport_size(LAPTOP)
    page.goto("/snapshots")
    expect(page.locator("nav a[aria-current=page]")).to_have_text("Over tid")
    expect(page.locator("#list-status")).to_contain_text("ingen øjebliksbilleder endnu")
    expect(page.locator("#snapshot-date")).not_to_have_value("")  # today, unless chosen
    expect(page.locator("#growth")).to_be_hidden()

    _take(page, "Kick-off", "2026-01-15")
    expect(page.locator("#snapshot-rows tr")).to_have_count(1)
    row = page.locator("#snapshot-rows tr").first
    expect(row.locator("td").nth(0)).to_have_text("15. januar 2026")
    expect(row.locator("td").nth(1)).to_have_text("4")  # partners
    _autumn_network(net)
    _take(page, "Efterår", "2026-10-01")
    expect(page.locator("#snapshot-rows tr")).to_have_count(2)

    # Compare the two (they are the default choice) with the keyboard.
    expect(page.locator("#compare-from")).to_have_value("kick-off")
    expect(page.locator("#compare-to")).to_have_value("efteraar")
    page.locator("#compare").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#comparison-heading")).to_be_focused()
    expect(page.locator("#comparison-heading")).to_have_text(
        "Fra Kick-off (15. januar 2026) til Efterår (1. oktober 2026)"
    )
    expect(page.locator("#comparison-sentence")).to_have_text(
        "Fra Kick-off (15. januar 2026) til Efterår (1. oktober 2026): 2 nye partnere og 0 faldet fra; "
        "3 nye forbindelser og 1 mistet."
    )
    expect(page.locator("#figure-ties-gained .figure-number")).to_have_text("3")
    gained = page.locator("#ties-gained-table tbody tr")
    expect(gained).to_have_count(3)
    expect(gained.filter(has_text="Dagli'Brugsen Hvalsø")).to_contain_text("samarbejder med")
    expect(gained.filter(has_text="Lokale & Almene Fond")).to_contain_text("støtter økonomisk")
    expect(page.locator("#ties-lost-table tbody tr td")).to_have_text(
        ["Hvalsø Skole", "henviser til", "Hvalsø Spejderne"]
    )
    expect(page.locator("#measures-table tr[data-measure=actors] td")).to_have_text(["4", "6", "+2"])
    expect(page.locator("#sector-table tr[data-group=BUSINESS] td")).to_have_text(
        ["0", "1", "+1", "0", "+1", "0"]
    )

    # The difference map: gained ties blue and solid, lost ones vermillion and dashed.
    frame = drawn_map(page, "difference-map", "from=kick-off")
    edges = frame.evaluate(
        "graphsvcMap.body.data.edges.get().map(e => [[e.from, e.to].sort().join(' '), e.change,"
        " e.color.color, Boolean(e.dashes)])"
    )
    assert sorted(edges) == [
        ["brugsen klatreklub", "gained", BLUE, False],
        ["fonden spejderne", "gained", BLUE, False],
        ["skole spejderne", "lost", VERMILLION, True],
        ["spejderne ssp", "gained", BLUE, False],
    ]
    assert frame.evaluate("window.graphsvcMapInfo.changes") == {"gained": 3, "lost": 1, "unchanged": 2}
    legend = frame.locator("#graphsvc-legend")
    expect(legend).to_contain_text("Ny forbindelse")
    expect(legend).to_contain_text("Mistet forbindelse")
    expect(legend).to_contain_text("Uændret forbindelse")
    assert page.locator("#open-map").get_attribute("href") == (
        "/snapshots/changes.html?from=kick-off&to=efteraar&lang=da"
    )
    page.locator("#main").evaluate("main => window.scrollTo(0, 0)")
    _shot(page, "laptop-top")
    page.locator("#comparison-heading").scroll_into_view_if_needed()
    _shot(page, "laptop-comparison")
    page.locator("#difference-map").scroll_into_view_if_needed()
    _shot(page, "laptop-difference-map")
    _fits_the_width(page)

    # The growth chart, shown and downloaded, named by the tenant and its days.
    chart = page.locator("#growth-chart")
    expect(chart).to_be_visible()
    chart.scroll_into_view_if_needed()
    expect(chart).to_have_js_property("complete", True)
    assert chart.evaluate("img => img.naturalWidth") > 500
    _shot(page, "laptop-growth")
    for ending, magic in (("png", b"\x89PNG"), ("svg", b"<?xml")):
        with page.expect_download() as download:
            page.locator(f"#growth-{ending}").click()
        assert download.value.suggested_filename == f"vækst-{tenant}-2026-01-15-til-2026-10-01.{ending}"
        assert Path(download.value.path()).read_bytes().startswith(magic)

    # The network as files, all five, with what they hold for a coordinator.
    expect(page.locator("#download-list li")).to_have_count(5)
    expect(page.locator("#downloads-content")).to_contain_text("også de unge")
    with page.expect_download() as download:
        page.locator("#download-kumu").click()
    assert download.value.suggested_filename == f"network-{tenant}.xlsx"

    # On a projector.
    page.set_viewport_size(PROJECTOR)
    page.locator("#main").evaluate("main => window.scrollTo(0, 0)")
    _shot(page, "projector-top")
    page.locator("#comparison-heading").scroll_into_view_if_needed()
    _shot(page, "projector-comparison")
    page.locator("#difference-heading").evaluate("h => h.scrollIntoView()")
    _shot(page, "projector-map")
    page.locator("#comparison-tables").scroll_into_view_if_needed()
    _shot(page, "projector-tables")
    _fits_the_width(page)

    # Deleting asks first and says what goes.
    page.locator("#main").evaluate("main => window.scrollTo(0, 0)")
    page.get_by_role("button", name="Slet øjebliksbilledet Efterår").click()
    dialog = page.locator("dialog.confirm")
    expect(dialog).to_contain_text("»Efterår« fra 1. oktober 2026")
    expect(dialog).to_contain_text("6 partnere og 5 forbindelser")
    expect(page.locator("#confirm-no")).to_be_focused()
    _shot(page, "projector-delete")
    page.keyboard.press("Escape")  # no
    expect(page.locator("#snapshot-rows tr")).to_have_count(2)
    page.get_by_role("button", name="Slet øjebliksbilledet Efterår").click()
    page.locator("#confirm-yes").click()
    expect(page.locator("#messages .message.success")).to_have_text("Øjebliksbilledet »Efterår« er slettet.")
    expect(page.locator("#snapshot-rows tr")).to_have_count(1)
    # The comparison that showed it now compares what is left with now.
    expect(page.locator("#compare-to")).to_have_value("now")
    expect(page.locator("#comparison-heading")).to_have_text("Fra Kick-off (15. januar 2026) til nu")


def test_a_viewer_reads_compares_and_downloads_without_people(
    sign_in: SignIn, tenant: str, api_url: str, token_for: Any
) -> None:
    net = Network(api_url, token_for(tenant, "coordinator"))
    _kick_off_network(net)
    graphql(
        api_url,
        token_for(tenant, "coordinator"),
        'mutation { createSnapshot(name: "<b>Start</b>", takenOn: "2026-02-01") { __typename } }',
    )
    net.actor("brugsen", "Dagli'Brugsen Hvalsø", "BUSINESS", "BUSINESS", "WORK")
    net.tie("brugsen", "klatreklub")
    page = sign_in(tenant, "viewer")
    page.set_viewport_size(LAPTOP)
    page.goto("/snapshots")
    expect(page.locator("#snapshot-rows tr th")).to_have_text(["<b>Start</b>"])  # a name is text
    expect(page.locator("#create-form")).to_be_hidden()
    expect(page.locator("#viewer-note")).to_be_visible()
    expect(page.locator("#snapshot-rows button")).to_have_count(0)
    # One snapshot: compared with now at once.
    expect(page.locator("#comparison-heading")).to_have_text("Fra <b>Start</b> (1. februar 2026) til nu")
    expect(page.locator("#ties-gained-table tbody tr")).to_have_count(1)
    frame = drawn_map(page, "difference-map", "to=now")
    assert frame.evaluate("window.graphsvcMapInfo.changes.gained") == 1
    expect(page.locator("#downloads-content")).to_contain_text("ingen unge og ingen kontaktpersoner")
    with page.expect_download() as download:
        page.locator("#download-graphml").click()
    assert download.value.suggested_filename == f"network-{tenant}.graphml"
    expect(page.locator("#growth-chart")).to_have_js_property("complete", True)
    page.locator("#growth-heading").evaluate("h => h.scrollIntoView()")
    _shot(page, "laptop-viewer")


def test_the_page_speaks_english(sign_in: SignIn, tenant: str, api_url: str, token_for: Any) -> None:
    net = Network(api_url, token_for(tenant, "coordinator"))
    _kick_off_network(net)
    graphql(
        api_url,
        token_for(tenant, "coordinator"),
        'mutation { createSnapshot(name: "Kick-off", takenOn: "2026-01-15") { __typename } }',
    )
    page = sign_in(tenant)
    page.goto("/snapshots")
    expect(page.locator("#comparison-heading")).to_have_text("Fra Kick-off (15. januar 2026) til nu")
    page.locator("#language-switch").click()
    expect(page.locator("h1")).to_have_text("Over time")
    expect(page.locator("#comparison-heading")).to_have_text("From Kick-off (15 January 2026) to now")
    frame = drawn_map(page, "difference-map", "lang=en")
    expect(frame.locator("#graphsvc-legend")).to_contain_text("Tie gained")
    assert page.locator("#growth-png").get_attribute("href") == "/exports/growth.png?lang=en"
