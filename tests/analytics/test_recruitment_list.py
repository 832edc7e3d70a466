"""The recruitment list as CSV and XLSX, in Danish and English, and safe from formulas."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest
from openpyxl import load_workbook

from graphsvc.analytics import (
    Recommendations,
    gap_report,
    network_to_graph,
    recommend_partners,
    recruitment_csv,
    recruitment_xlsx,
)
from graphsvc.domain import Network, Person
from graphsvc.glossary import entry

from .conftest import tiny_network


@pytest.fixture(scope="module")
def recommendations(tiny: nx.DiGraph) -> Recommendations:
    return recommend_partners(tiny, gap_report(tiny, "tg-lonely", engine="networkx"))


def _read_csv(data: bytes, delimiter: str) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM, for Excel
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


def test_danish_csv(recommendations: Recommendations) -> None:
    rows = _read_csv(recruitment_csv(recommendations, language="da"), ";")
    head, first = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert head[:3] == ["Nr.", "Aktør", "Type"] and "Kontaktperson" in head
    assert first["Aktør"] == "Biz Brugsen" and first["Sektor"] == "erhvervslivet"
    assert first["Point"] == "4,5"  # decimal comma
    assert first["Begrundelse"].startswith("tilføjer erhvervslivet")
    assert "ligger i Byen, hvor 4 medlemmer bor" in first["Begrundelse"]
    assert first["Introduktionsvej"] == "Assoc Fodbold → Kim Holm → Biz Brugsen"
    assert first["Telefon"] == "+45 01 02 03 04"  # a phone number, no apostrophe
    assert rows[2][head.index("Introduktion ved")] == "ingen kendt introduktion"


def test_english_csv(recommendations: Recommendations) -> None:
    rows = _read_csv(recruitment_csv(recommendations, language="en"), ",")
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Actor"] == "Biz Brugsen" and first["Score"] == "4.5"
    assert first["Contact person"] == "Kim Holm" and first["Role"] == "Indehaver"
    assert first["Reasons"].startswith("adds business")


def test_xlsx(recommendations: Recommendations) -> None:
    book = load_workbook(io.BytesIO(recruitment_xlsx(recommendations, language="da")))
    sheet = book["Rekruttering"]
    assert sheet["A1"].value == "Nr." and sheet["B2"].value == "Biz Brugsen"
    assert sheet["G2"].value == 4.5  # a number, not text
    english = load_workbook(io.BytesIO(recruitment_xlsx(recommendations, language="en")))
    assert english["Recruitment"]["B1"].value == "Actor"


def test_names_never_become_formulas() -> None:
    net = tiny_network()
    nodes = tuple(
        Person(id="person-kim", tenant="tiny", name='=HYPERLINK("http://x","y")', role="@evil")
        if n.id == "person-kim"
        else n
        for n in net.nodes
    )
    G = network_to_graph(Network(tenant="tiny", nodes=nodes, ties=net.ties))
    recs = recommend_partners(G, gap_report(G, "tg-lonely", engine="networkx"))
    rows = _read_csv(recruitment_csv(recs, language="en"), ",")
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Contact person"] == '\'=HYPERLINK("http://x","y")'
    assert first["Role"] == "'@evil"
    sheet = load_workbook(io.BytesIO(recruitment_xlsx(recs, language="en"))).active
    cell = sheet["I2"]
    assert cell.value == '=HYPERLINK("http://x","y")' and cell.data_type == "s"


def test_the_workbook_explains_its_words_as_the_glossary_does(recommendations: Recommendations) -> None:
    book = load_workbook(io.BytesIO(recruitment_xlsx(recommendations, language="da")))
    assert book.sheetnames == ["Rekruttering", "Ordliste"]
    words = {row[0]: row[1] for row in book["Ordliste"].iter_rows(min_row=2, values_only=True)}
    headings = [c.value for c in book["Rekruttering"][1]]
    assert {"Point", "Introduktionsvej"} <= set(words) & set(headings)  # the list's headings, explained
    assert words["Point"] == entry("score").text("da")


def test_unknown_language(recommendations: Recommendations) -> None:
    with pytest.raises(ValueError, match="language"):
        recruitment_csv(recommendations, language="sv")  # type: ignore[arg-type]
