"""The workspace's import, as a coordinator uses it with the network they already have: a Kumu
project with a type word of their own, and a Gephi file with no sectors, into an empty tenant."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from playwright.sync_api import Page, expect

from tests.browser.conftest import Screenshot, SignIn, graphql

LAPTOP = {"width": 1366, "height": 768}
ACTORS = "{ actors(first: 50) { edges { node { name kind sector arenas } } } }"


def _kumu_project(path: Path) -> Path:
    book = Workbook()
    elements = book.active
    assert elements is not None
    elements.title = "Elements"
    elements.append(["Label", "Type", "Tags", "Område"])
    elements.append(["Hvalsø Skole", "Skole", "", "Hvalsø"])
    elements.append(["Lejre Fodboldklub", "Forening", "fritid", "Hvalsø"])
    elements.append(["Hvalsø Bibliotek", "Bibliotekstilbud", "", "Hvalsø"])
    connections = book.create_sheet("Connections")
    connections.append(["From", "To", "Type", "Strength"])
    connections.append(["Hvalsø Skole", "Lejre Fodboldklub | Hvalsø Bibliotek", "Samarbejde", "Stærk"])
    out = io.BytesIO()
    book.save(out)
    path.write_bytes(out.getvalue())
    return path


def _check(page: Page, path: Path) -> None:
    page.goto("/workspace?tab=import")
    page.set_input_files("#import-file", str(path))
    page.locator("#import-check").click()


def _actors(api_url: str, token: str) -> dict[str, dict[str, Any]]:
    edges = graphql(api_url, token, ACTORS)["actors"]["edges"]
    return {e["node"]["name"]: e["node"] for e in edges}


def test_a_kumu_project_with_a_type_word_of_their_own(
    sign_in: SignIn, tenant: str, api_url: str, token_for: Any, screenshot: Screenshot, tmp_path: Path
) -> None:
    page = sign_in(tenant)
    page.set_viewport_size(LAPTOP)
    _check(page, _kumu_project(tmp_path / "kumu-projekt.xlsx"))
    expect(page.locator("#import-format")).to_have_text(
        "Læst som Kumu-projekt (XLSX med Elements og Connections)."
    )
    expect(page.locator("#import-summary")).to_contain_text("2 fejl")
    # The tie to the refused row says why, rather than that there is no such actor.
    expect(page.locator("#import-problems")).to_contain_text("is not imported: Elements row 4 has errors")
    types = page.locator("#import-types")
    expect(types).to_contain_text("Bibliotekstilbud")
    expect(page.locator("#import-run")).to_be_disabled()
    types.scroll_into_view_if_needed()
    screenshot(page, "import-kumu-type-word")
    page.locator("#type-0-kind").select_option(label="Kommunal enhed")
    page.locator("#type-0-sector").select_option(label="offentlig sektor")
    page.locator("#type-0-arena").select_option(label="lokalsamfund")
    types.get_by_role("button").click()
    expect(page.locator("#import-summary")).to_have_text(
        "kumu-projekt.xlsx er tjekket og klar. Intet er gemt endnu."
    )
    counts = page.locator("#import-counts")
    expect(counts.locator("tr", has_text="Aktører")).to_contain_text("3")
    expect(counts.locator("tr", has_text="Områder")).to_contain_text("1")
    page.locator("#import-run").click()
    expect(page.locator("#import-summary")).to_have_text("kumu-projekt.xlsx er importeret.")
    page.locator("#import-counts").scroll_into_view_if_needed()
    screenshot(page, "import-kumu-written")
    actors = _actors(api_url, token_for(tenant, "coordinator"))
    assert actors["Hvalsø Bibliotek"]["kind"] == "MUNICIPAL_UNIT"
    assert actors["Hvalsø Bibliotek"]["arenas"] == ["COMMUNITY"]
    assert actors["Hvalsø Skole"]["arenas"] == ["SCHOOL"]


GEPHI = b"""<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node"><attribute id="pageranks" title="PageRank" type="double"/></attributes>
    <nodes>
      <node id="0" label="Hvals\xc3\xb8 Klatreklub">
        <attvalues><attvalue for="pageranks" value="0.5"/></attvalues></node>
      <node id="1" label="Lejre Ungeklub">
        <attvalues><attvalue for="pageranks" value="0.5"/></attvalues></node>
    </nodes>
    <edges><edge id="0" source="0" target="1" weight="3.0"/></edges>
  </graph>
</gexf>"""


def test_a_gephi_file_without_sectors_takes_a_default(
    sign_in: SignIn, tenant: str, api_url: str, token_for: Any, tmp_path: Path
) -> None:
    page = sign_in(tenant)
    page.set_viewport_size(LAPTOP)
    path = tmp_path / "netvaerk.gexf"
    path.write_bytes(GEPHI)
    _check(page, path)
    expect(page.locator("#import-format")).to_have_text("Læst som GEXF-netværk (Gephi).")
    problems = page.locator("#import-problems")
    expect(problems).to_contain_text("has no sector")
    expect(problems).to_contain_text("PageRank")  # a column graphsvc has no use for: a warning
    page.locator("#default-sector").select_option(label="civilsamfundet")
    page.locator("#import-defaults").get_by_role("button").click()
    expect(page.locator("#import-summary")).to_have_text(
        "netvaerk.gexf er tjekket og klar. Intet er gemt endnu."
    )
    page.locator("#import-run").click()
    expect(page.locator("#import-summary")).to_have_text("netvaerk.gexf er importeret.")
    actors = _actors(api_url, token_for(tenant, "coordinator"))
    assert {a["sector"] for a in actors.values()} == {"CIVIL_SOCIETY"}
