"""Every export format read back by someone else's reader (NetworkX for GraphML and GEXF, the
csv and zipfile modules, JSON, openpyxl for the Kumu workbook), and what a viewer's file leaves
out."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import pytest
from openpyxl import load_workbook

from graphsvc.domain import Actor, Challenge, Kind, Network, Sector, Tie, TieType
from graphsvc.errors import InvalidInput
from graphsvc.io.audience import for_audience, partnership
from graphsvc.io.gexf_write import GEXF_NS, network_to_gexf_bytes
from graphsvc.io.graphml import network_to_graphml_bytes
from graphsvc.io.graphml_format import EDGE_ATTRIBUTES, NODE_ATTRIBUTES
from graphsvc.io.kumu_words import CHALLENGE_WORDS
from graphsvc.io.network_csv import network_csv_files, network_csv_zip
from graphsvc.io.network_export import export_bytes, format_of, write_export
from graphsvc.io.network_json import network_from_json, network_to_json

Town = Callable[[str], Network]
T = "eksport"


@pytest.fixture
def town(small_town: Town) -> Network:
    """The small town, plus a business whose name would break careless XML and CSV writers,
    with a surveyed tie to the club."""
    network = small_town(T)
    shop = Actor(
        kind=Kind.BUSINESS,
        id="shop",
        tenant=T,
        name='<Brugsen> & "Søn"',
        sector=Sector.BUSINESS,
        arenas={"work", "community"},
        category="=SUM(A1)",
    )
    tie = Tie(
        type=TieType.COLLABORATES_WITH, source="shop", target="club", strength=2, trust=3, reciprocated=True
    )
    return network.model_copy(update={"nodes": (*network.nodes, shop), "ties": (*network.ties, tie)})


def _edges(G: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict[str, object]]:
    return {(u, d["type"], v): d for u, v, d in G.edges(data=True)}  # type: ignore[misc]


def test_gexf_reads_back_with_every_attribute(town: Network) -> None:
    G = nx.read_gexf(io.BytesIO(network_to_gexf_bytes(town)))
    assert isinstance(G, nx.MultiDiGraph)
    assert G.number_of_nodes() == len(town.nodes) and G.number_of_edges() == len(town.ties)
    club = G.nodes["club"]
    assert (club["kind"], club["sector"], club["arenas"], club["area"], club["label"]) == (
        "Association",
        "civil_society",
        "leisure",
        "hvalsoe",
        "Hvalsø Klatreklub",
    )
    assert club["viz"]["color"] == {"r": 0, "g": 158, "b": 115, "a": 1.0}  # civil society
    shop = G.nodes["shop"]
    assert (shop["name"], shop["arenas"], shop["category"]) == (
        '<Brugsen> & "Søn"',
        "work|community",
        "=SUM(A1)",
    )
    assert G.nodes["yp-1"]["challenges"] == "loneliness"
    assert G.nodes["tg"]["criteria_age_bands"] == "12-14|15-17"
    edges = _edges(G)
    # Collaborating and referring between the same two actors stay two edges.
    collaborates = edges["school", "COLLABORATES_WITH", "club"]
    assert (collaborates["strength"], collaborates["since"], collaborates["frequency"]) == (
        3,
        2025,
        "monthly",
    )
    assert collaborates["weight"] == 3.0 and collaborates["label"] == "COLLABORATES_WITH"
    assert ("school", "REFERS_TO", "club") in edges
    assert edges["club", "PARTICIPATES_IN", "plusdig"]["role"] == "partner"
    survey = edges["shop", "COLLABORATES_WITH", "club"]
    assert (survey["trust"], survey["reciprocated"]) == (3, True)
    assert {d["type"] for d in edges.values()} == {t.type.value for t in town.ties}


def test_gexf_attribute_ids_are_their_names(town: Network) -> None:
    """Gephi keeps a GEXF attribute's id as its column id and writes it as the key of the
    GraphML it saves: with ids "0", "1" ... that GraphML would not import back."""
    root = ElementTree.fromstring(network_to_gexf_bytes(town))
    ns = {"g": GEXF_NS}
    assert root.get("version") == "1.3"
    declared = {}
    for block in root.iterfind("g:graph/g:attributes", ns):
        attributes = block.findall("g:attribute", ns)
        assert all(a.get("id") == a.get("title") for a in attributes)
        declared[block.get("class")] = [a.get("id") for a in attributes]
    assert declared == {"node": list(NODE_ATTRIBUTES), "edge": list(EDGE_ATTRIBUTES)}
    club = root.find("g:graph/g:nodes/g:node[@id='club']", ns)
    assert club is not None
    values = {v.get("for"): v.get("value") for v in club.iterfind("g:attvalues/g:attvalue", ns)}
    assert (values["kind"], values["sector"], values["area"]) == ("Association", "civil_society", "hvalsoe")
    used = {v.get("for") for v in root.iterfind(".//g:edge/g:attvalues/g:attvalue", ns)}
    assert used and used <= set(EDGE_ATTRIBUTES)


def test_graphml_reads_back_with_every_attribute(town: Network) -> None:
    G = nx.read_graphml(io.BytesIO(network_to_graphml_bytes(town)), force_multigraph=True)
    club = G.nodes["club"]
    assert (club["kind"], club["sector"], club["arenas"], club["area"]) == (
        "Association",
        "civil_society",
        "leisure",
        "hvalsoe",
    )
    edges = _edges(G)
    collaborates = edges["school", "COLLABORATES_WITH", "club"]
    assert (collaborates["strength"], collaborates["since"], collaborates["frequency"]) == (
        3,
        2025,
        "monthly",
    )
    assert {d["type"] for d in edges.values()} == {t.type.value for t in town.ties}


def test_json_reads_back_into_the_same_network(town: Network) -> None:
    data = network_to_json(town)
    document = json.loads(data)
    assert (document["format"], document["version"], document["tenant"]) == ("graphsvc-network", 1, T)
    club = next(n for n in document["nodes"] if n["id"] == "club")
    assert club["arenas"] == ["leisure"] and club["area"] == "hvalsoe"
    back = network_from_json(data)
    assert set(back.nodes) == set(town.nodes) and set(back.ties) == set(town.ties)
    with pytest.raises(InvalidInput, match="not valid") as caught:
        network_from_json(data.replace(b'"civil_society"', b'"sport"'))
    assert caught.value.problems[0].record == "node club"


def test_danish_csv_opens_in_danish_excel(town: Network) -> None:
    files = network_csv_files(town)
    assert set(files) == {"noder.csv", "relationer.csv"}
    nodes = files["noder.csv"]
    assert nodes.startswith(b"\xef\xbb\xbf") and b"\r\n" in nodes
    rows = list(csv.DictReader(io.StringIO(nodes.decode("utf-8-sig")), delimiter=";"))
    assert list(rows[0])[:6] == ["id", "type", "navn", "sektor", "arenaer", "kategori"]
    by_id = {r["id"]: r for r in rows}
    assert (by_id["club"]["sektor"], by_id["club"]["område"]) == ("civil_society", "hvalsoe")
    assert by_id["shop"]["navn"] == '<Brugsen> & "Søn"'
    assert by_id["shop"]["kategori"] == "'=SUM(A1)"  # never a formula
    assert by_id["shop"]["arenaer"] == "work|community"
    ties = list(csv.DictReader(io.StringIO(files["relationer.csv"].decode("utf-8-sig")), delimiter=";"))
    collaborates = next(t for t in ties if (t["fra"], t["type"]) == ("school", "COLLABORATES_WITH"))
    assert (
        collaborates["til"],
        collaborates["til_navn"],
        collaborates["styrke"],
        collaborates["siden"],
        collaborates["hyppighed"],
    ) == ("club", "Hvalsø Klatreklub", "3", "2025", "monthly")
    survey = next(t for t in ties if t["fra"] == "shop")
    assert (survey["tillid"], survey["gensidig"]) == ("3", "true")
    assert len(ties) == len(town.ties)


def test_english_csv_and_the_zip(town: Network) -> None:
    files = network_csv_files(town, language="en")
    rows = list(csv.DictReader(io.StringIO(files["nodes.csv"].decode("utf-8-sig"))))
    assert {r["id"] for r in rows} == {n.id for n in town.nodes}
    assert "sector" in rows[0] and "kind" in rows[0]
    with zipfile.ZipFile(io.BytesIO(network_csv_zip(town))) as archive:
        assert sorted(archive.namelist()) == ["noder.csv", "relationer.csv"]
        assert archive.read("noder.csv") == network_csv_files(town)["noder.csv"]
    assert network_csv_zip(town) == network_csv_zip(town)  # the same network, the same bytes


@pytest.mark.parametrize("file_format", ["graphml", "gexf", "json", "zip", "kumu"])
def test_a_viewers_file_holds_no_young_person_no_contact_and_no_challenges(
    town: Network, file_format: str
) -> None:
    viewer = for_audience(town, include_young_people=False, include_contact_persons=False)
    assert {n.kind for n in viewer.nodes} == {
        Kind.AREA,
        Kind.MUNICIPAL_UNIT,
        Kind.ASSOCIATION,
        Kind.ORGANISATION,
        Kind.BUSINESS,
        Kind.TARGET_GROUP,
        Kind.INITIATIVE,
    }
    assert not {TieType.ATTENDS, TieType.INCLUDED_IN, TieType.VOLUNTEERS_AT} & {t.type for t in viewer.ties}
    data = export_bytes(viewer, file_format)  # type: ignore[arg-type]
    if file_format in ("zip", "kumu"):  # an XLSX workbook is a ZIP of XML files too
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            data = b"".join(archive.read(name) for name in archive.namelist())
    text = data.decode("utf-8-sig")
    for secret in [
        "yp-1",
        "Blå Ræv",
        "p-1",
        "Mette Jensen",
        "mette@example.dk",
        *(c.value for c in Challenge),
        *CHALLENGE_WORDS.values(),
    ]:
        assert secret not in text, secret
    assert "Hvalsø Klatreklub" in text and "Ensomme 12-17-årige i Hvalsø" in text


def test_a_coordinators_file_holds_the_pseudonymous_young_people(town: Network) -> None:
    coordinator = for_audience(town, include_young_people=True)
    assert coordinator == town
    assert "Blå Ræv" in export_bytes(coordinator, "gexf").decode("utf-8")


def test_a_partnership_holds_no_person_of_any_kind(town: Network) -> None:
    kept = partnership(town)
    assert {n.kind for n in kept.nodes}.isdisjoint({Kind.YOUNG_PERSON, Kind.PERSON})
    assert {(t.source, t.target) for t in kept.ties} >= {("school", "club"), ("shop", "club")}
    tg = next(n for n in kept.nodes if n.id == "tg")
    assert tg.criteria_challenges == {Challenge.LONELINESS}  # type: ignore[union-attr]


def test_formats_by_extension_and_bad_targets(town: Network, tmp_path: Path) -> None:
    assert format_of(Path("x.GEXF")) == "gexf"
    assert format_of(Path("x.data"), "csv") == "csv"
    assert format_of(Path("x.xlsx")) == format_of(Path("x.data"), "kumu") == "kumu"
    with pytest.raises(InvalidInput, match=r"the extension of 'x\.txt' names no export format"):
        format_of(Path("x.txt"))
    with pytest.raises(InvalidInput, match="there is no folder"):
        write_export(town, tmp_path / "missing" / "x.gexf", "gexf")
    written = write_export(town, tmp_path / "netværk.csv", "csv", language="en")
    assert [p.name for p in written] == ["netværk-nodes.csv", "netværk-ties.csv"]
    (gexf,) = write_export(town, tmp_path / "n.gexf", "gexf")
    assert gexf.read_bytes() == network_to_gexf_bytes(town)
    (kumu,) = write_export(town, tmp_path / "n.xlsx", "kumu")
    assert load_workbook(kumu, read_only=True).sheetnames == ["Elements", "Connections"]
