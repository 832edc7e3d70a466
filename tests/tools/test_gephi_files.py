"""What the real Gephi (0.10.1, through tests/tools/gephi) writes: for a coordinator's own
network, and for graphsvc's GEXF and GraphML opened in Gephi and exported again.

The assertions spell out how Gephi names things, which is what graphsvc's importers must
expect:

* GraphML ``<key>``: ``attr.name`` is the column's title, ``id`` the column's id. For columns
  read from a GEXF file the id is the GEXF ``<attribute id>`` (``"0"``, ``"1"``, ... in
  graphsvc's GEXF), for columns read from GraphML the key's id (``edge_type``), and for columns
  Gephi makes the lower-cased title or a fixed id (``Type`` -> ``type``, ``Modularity Class``
  -> ``modularity_class``, ``Weighted Degree`` -> ``weighted degree``, with a space). So keys
  must be matched by ``attr.name``. Gephi does not make key ids unique across nodes and edges:
  a node column and an edge column with the same id (``role`` when the GEXF ids are the names)
  give two ``<key>`` elements with one id, told apart only by ``for``.
* Gephi adds its own keys: ``label`` (node label), ``edgelabel`` ("Edge Label"), ``weight``
  (double, on every edge), ``r``/``g``/``b`` (int), ``x``/``y``/``size`` (float).
* An edge's Gephi type (GEXF ``kind``) goes to GraphML as a ``label`` XML attribute of
  ``<edge>``, its label as ``<data key="edgelabel">``.
* GEXF: version 1.3 in the ``http://gexf.net/1.3`` namespace, ``<attribute id title type>``
  as read or made, edges with ``label``, ``kind`` and ``weight`` attributes (``weight`` left out
  when it is 1).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from graphsvc.io.gexf_write import network_to_gexf_bytes
from graphsvc.io.graphml import network_to_graphml_bytes
from tests.conftest import _small_town
from tests.tools.gephi import GephiError, convert, gephi_jar_ready, sample

G = "{http://graphml.graphdrawing.org/xmlns}"
X = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
FILES = Path(__file__).resolve().parents[1] / "io" / "files"

# Node columns of Gephi's statistics: title -> id, in GraphML and GEXF alike.
STATISTICS = {
    "Degree": "degree",
    "Weighted Degree": "weighted degree",
    "Modularity Class": "modularity_class",
    "PageRank": "pageranks",
    "Eccentricity": "eccentricity",
    "Closeness Centrality": "closnesscentrality",
    "Harmonic Closeness Centrality": "harmonicclosnesscentrality",
    "Betweenness Centrality": "betweenesscentrality",
}
DIRECTED_STATISTICS = {
    "In-Degree": "indegree",
    "Out-Degree": "outdegree",
    "Weighted In-Degree": "weighted indegree",
    "Weighted Out-Degree": "weighted outdegree",
}
GEPHI_NODE_KEYS = {"label": "label", "r": "r", "g": "g", "b": "b", "x": "x", "y": "y", "size": "size"}
GEPHI_EDGE_KEYS = {"Edge Label": "edgelabel", "weight": "weight"}


@pytest.fixture(scope="module")
def gephi() -> None:
    if not gephi_jar_ready():
        pytest.skip("making files with Gephi needs Java 17 and Maven")


@pytest.fixture(scope="module")
def sample_files(gephi: None, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return sample(tmp_path_factory.mktemp("gephi-sample"))


@pytest.fixture(scope="module")
def town_gexf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """graphsvc's GEXF of the small test town: 9 nodes, 9 ties, two of them (collaborates,
    refers) from the school to the club."""
    path = tmp_path_factory.mktemp("graphsvc") / "town.gexf"
    path.write_bytes(network_to_gexf_bytes(_small_town("gephi")))
    return path


@pytest.fixture(scope="module")
def town_through_gephi(
    gephi: None, town_gexf: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    return convert(town_gexf, tmp_path_factory.mktemp("gephi-town"), statistics=True)


# Reading the files -----------------------------------------------------------------------------


def _graphml_keys(root: ET.Element, domain: str) -> dict[str, str]:
    """attr.name -> id of the keys for ``domain`` (node or edge)."""
    return {k.attrib["attr.name"]: k.attrib["id"] for k in root.iter(f"{G}key") if k.attrib["for"] == domain}


def _graphml_data(element: ET.Element, keys: dict[str, str]) -> dict[str, str]:
    """An element's data by attr.name."""
    names = {key_id: name for name, key_id in keys.items()}
    return {names[d.attrib["key"]]: d.text or "" for d in element.iter(f"{G}data")}


def _gexf_attributes(root: ET.Element, cls: str) -> dict[str, str]:
    """title -> id of the GEXF attributes of class ``cls`` (node or edge)."""
    return {
        a.attrib["title"]: a.attrib["id"]
        for attributes in root.iter(f"{X}attributes")
        if attributes.attrib["class"] == cls
        for a in attributes.iter(f"{X}attribute")
    }


def _gexf_values(element: ET.Element, attributes: dict[str, str]) -> dict[str, str]:
    titles = {attribute_id: title for title, attribute_id in attributes.items()}
    return {titles[v.attrib["for"]]: v.attrib["value"] for v in element.iter(f"{X}attvalue")}


def _graphml_nodes(root: ET.Element) -> Iterator[ET.Element]:
    return root.iter(f"{G}node")


def _print_keys(title: str, keys: dict[str, str]) -> None:
    """Shown with ``pytest -s``: how Gephi names its keys."""
    print(f"\n{title}:", ", ".join(f"{name!r} -> id {key_id!r}" for name, key_id in keys.items()))


# A coordinator's network drawn in Gephi ------------------------------------------------------


def test_the_sample_as_graphml(sample_files: tuple[Path, Path]) -> None:
    root = ET.parse(sample_files[0]).getroot()
    assert root.tag == f"{G}graphml"
    (graph,) = root.iter(f"{G}graph")
    assert graph.attrib["edgedefault"] == "undirected"
    node_keys, edge_keys = _graphml_keys(root, "node"), _graphml_keys(root, "edge")
    _print_keys("sample GraphML node keys", node_keys)
    _print_keys("sample GraphML edge keys", edge_keys)
    # Only the Type column, Gephi's own keys and the statistics of an undirected graph.
    assert node_keys == {**GEPHI_NODE_KEYS, "Type": "type", **STATISTICS}
    assert edge_keys == GEPHI_EDGE_KEYS

    nodes = {n.attrib["id"]: _graphml_data(n, node_keys) for n in _graphml_nodes(root)}
    assert list(nodes) == [str(i) for i in range(12)]
    by_label = {data["label"]: data for data in nodes.values()}
    assert by_label["Hvalsø Skole"]["Type"] == "Skole"
    assert by_label["Café Æblehaven"]["Type"] == "Virksomhed"
    assert Counter(d["Type"] for d in nodes.values()) == {
        "Kommune": 3,
        "Skole": 2,
        "Forening": 3,
        "Fond": 2,
        "Virksomhed": 2,
    }
    assert (by_label["SSP Lejre"]["Degree"], by_label["SSP Lejre"]["Weighted Degree"]) == ("4", "15.0")
    assert len({d["Modularity Class"] for d in nodes.values()}) >= 2
    assert sum(float(d["PageRank"]) for d in nodes.values()) == pytest.approx(1.0)

    edges = list(root.iter(f"{G}edge"))
    assert len(edges) == 16
    assert sum(int(d["Degree"]) for d in nodes.values()) == 2 * len(edges)
    first = edges[0]
    assert (first.attrib, _graphml_data(first, edge_keys)) == (
        {"id": "0", "source": "0", "target": "1"},
        {"weight": "5.0"},
    )


def test_the_sample_as_gexf(sample_files: tuple[Path, Path]) -> None:
    root = ET.parse(sample_files[1]).getroot()
    assert (root.tag, root.attrib["version"]) == (f"{X}gexf", "1.3")
    assert root.findtext(f"{X}meta/{X}creator") == "Gephi 0.10.1"
    graph = root.find(f"{X}graph")
    assert graph is not None
    assert (graph.attrib["defaultedgetype"], graph.attrib["mode"]) == ("undirected", "static")
    attributes = _gexf_attributes(root, "node")
    _print_keys("sample GEXF node attributes (title -> id)", attributes)
    assert attributes == {"Type": "type", **STATISTICS}
    assert _gexf_attributes(root, "edge") == {}

    nodes = list(root.iter(f"{X}node"))
    assert len(nodes) == 12
    school = next(n for n in nodes if n.attrib["label"] == "Hvalsø Skole")
    assert _gexf_values(school, attributes)["Type"] == "Skole"
    assert {child.tag for child in school} == {f"{X}attvalues", f"{VIZ}size", f"{VIZ}position", f"{VIZ}color"}

    edges = list(root.iter(f"{X}edge"))
    assert len(edges) == 16
    assert edges[0].attrib == {"id": "0", "source": "0", "target": "1", "weight": "5.0"}
    # An edge of weight 1 has no weight attribute at all.
    assert sum("weight" not in e.attrib for e in edges) == 7

    # Others' readers read it.
    read = nx.read_gexf(sample_files[1])
    assert (read.number_of_nodes(), read.number_of_edges()) == (12, 16)


# graphsvc's GEXF opened in Gephi, with statistics ----------------------------------------------


def test_graphsvc_gexf_through_gephi_as_graphml(
    town_gexf: Path, town_through_gephi: tuple[Path, Path]
) -> None:
    root = ET.parse(town_through_gephi[0]).getroot()
    (graph,) = root.iter(f"{G}graph")
    assert graph.attrib["edgedefault"] == "directed"

    # Keys are named by the GEXF attribute titles and keep the GEXF attribute ids, whatever
    # graphsvc's GEXF uses as ids.
    source = ET.parse(town_gexf).getroot()
    node_keys, edge_keys = _graphml_keys(root, "node"), _graphml_keys(root, "edge")
    _print_keys("graphsvc via Gephi, GraphML node keys", node_keys)
    _print_keys("graphsvc via Gephi, GraphML edge keys", edge_keys)
    assert node_keys == {
        **GEPHI_NODE_KEYS,
        **_gexf_attributes(source, "node"),
        **STATISTICS,
        **DIRECTED_STATISTICS,
    }
    assert edge_keys == {**GEPHI_EDGE_KEYS, **_gexf_attributes(source, "edge")}

    nodes = {n.attrib["id"]: _graphml_data(n, node_keys) for n in _graphml_nodes(root)}
    assert len(nodes) == 9
    club = nodes["club"]
    assert (club["label"], club["kind"], club["sector"], club["arenas"], club["area"]) == (
        "Hvalsø Klatreklub",
        "Association",
        "civil_society",
        "leisure",
        "hvalsoe",
    )
    assert (club["r"], club["g"], club["b"]) == ("0", "158", "115")  # graphsvc's colour, kept
    assert (club["In-Degree"], club["Out-Degree"], club["Weighted In-Degree"]) == ("3", "1", "5.0")
    assert nodes["yp-1"]["challenges"] == "loneliness"

    # Both ties from the school to the club survive; the Gephi type is the edge's `label`.
    edges = {e.attrib["id"]: (e.attrib, _graphml_data(e, edge_keys)) for e in root.iter(f"{G}edge")}
    assert len(edges) == 9
    school_club = sorted(
        (attrib["label"], data["type"], data["weight"], data.get("strength"), data["Edge Label"])
        for attrib, data in edges.values()
        if (attrib["source"], attrib["target"]) == ("school", "club")
    )
    assert school_club == [
        ("COLLABORATES_WITH", "COLLABORATES_WITH", "3.0", "3", "COLLABORATES_WITH"),
        ("REFERS_TO", "REFERS_TO", "1.0", None, "REFERS_TO"),
    ]
    (club_initiative,) = (
        (attrib["label"], data)
        for attrib, data in edges.values()
        if (attrib["source"], attrib["target"]) == ("club", "plusdig")
    )
    assert club_initiative == (
        "PARTICIPATES_IN",
        {"Edge Label": "PARTICIPATES_IN", "weight": "1.0", "type": "PARTICIPATES_IN", "role": "partner"},
    )

    read = nx.read_graphml(town_through_gephi[0], force_multigraph=True)
    assert isinstance(read, nx.MultiDiGraph) and read.number_of_edges() == 9


def test_graphsvc_gexf_through_gephi_as_gexf(town_gexf: Path, town_through_gephi: tuple[Path, Path]) -> None:
    root = ET.parse(town_through_gephi[1]).getroot()
    assert (root.tag, root.attrib["version"]) == (f"{X}gexf", "1.3")
    # Gephi keeps the description, writes its own creator and a date.
    meta = root.find(f"{X}meta")
    assert meta is not None and "lastmodifieddate" in meta.attrib
    assert (meta.findtext(f"{X}creator"), meta.findtext(f"{X}description")) == (
        "Gephi 0.10.1",
        "The network of tenant gephi",
    )
    graph = root.find(f"{X}graph")
    assert graph is not None and graph.attrib["defaultedgetype"] == "directed"
    source = ET.parse(town_gexf).getroot()
    attributes = _gexf_attributes(root, "node")
    assert attributes == {**_gexf_attributes(source, "node"), **STATISTICS, **DIRECTED_STATISTICS}
    assert _gexf_attributes(root, "edge") == _gexf_attributes(source, "edge")

    school = next(n for n in root.iter(f"{X}node") if n.attrib["id"] == "school")
    values = _gexf_values(school, attributes)
    assert (school.attrib["label"], values["kind"], values["sector"], values["Out-Degree"]) == (
        "Hvalsø Skole",
        "MunicipalUnit",
        "public",
        "2",
    )
    edges = [e.attrib for e in root.iter(f"{X}edge")]
    assert len(edges) == 9
    assert sorted(
        (e["kind"], e["label"], e.get("weight"))
        for e in edges
        if (e["source"], e["target"]) == ("school", "club")
    ) == [("COLLABORATES_WITH", "COLLABORATES_WITH", "3.0"), ("REFERS_TO", "REFERS_TO", None)]

    read = nx.read_gexf(town_through_gephi[1])
    assert isinstance(read, nx.MultiDiGraph) and read.number_of_edges() == 9


# graphsvc's GraphML opened in Gephi ----------------------------------------------------------


def test_graphsvc_graphml_through_gephi(gephi: None, tmp_path: Path) -> None:
    source = tmp_path / "town.graphml"
    source.write_bytes(network_to_graphml_bytes(_small_town("gephi")))
    graphml, gexf = convert(source, tmp_path / "gephi", statistics=False)

    root = ET.parse(graphml).getroot()
    node_keys, edge_keys = _graphml_keys(root, "node"), _graphml_keys(root, "edge")
    _print_keys("graphsvc GraphML via Gephi, GraphML edge keys", edge_keys)
    # graphsvc's key ids are kept; its `label` key became Gephi's node label.
    assert (node_keys["kind"], node_keys["label"], edge_keys["type"], edge_keys["strength"]) == (
        "kind",
        "label",
        "edge_type",
        "edge_strength",
    )
    assert "Degree" not in node_keys
    nodes = {n.attrib["id"]: _graphml_data(n, node_keys) for n in _graphml_nodes(root)}
    assert (nodes["club"]["label"], nodes["club"]["kind"]) == ("Hvalsø Klatreklub", "Association")
    # graphsvc gives each GraphML edge its tie type as a `label` XML attribute, which Gephi reads
    # as the edge's type: with Gephi's default merge strategy the two ties from the school to
    # the club (collaborates, refers) stay two edges, each of weight 1.
    edges = [(e.attrib, _graphml_data(e, edge_keys)) for e in root.iter(f"{G}edge")]
    assert len(edges) == 9
    assert all(attrib["label"] == data["type"] and data["weight"] == "1.0" for attrib, data in edges)
    assert sorted(
        data["type"] for attrib, data in edges if (attrib["source"], attrib["target"]) == ("school", "club")
    ) == ["COLLABORATES_WITH", "REFERS_TO"]

    gexf_edges = [e.attrib for e in ET.parse(gexf).getroot().iter(f"{X}edge")]
    assert len(gexf_edges) == 9 and all(e["kind"] == e.get("label", e["kind"]) for e in gexf_edges)


def test_a_broken_file_raises_with_gephis_reason(gephi: None, tmp_path: Path) -> None:
    broken = tmp_path / "broken.gexf"
    broken.write_text('<gexf xmlns="http://gexf.net/1.3"><graph', encoding="utf-8")
    with pytest.raises(GephiError, match="Unexpected"):
        convert(broken, tmp_path, statistics=False)


# The committed files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "nodes", "edges", "direction"),
    [("gephi_sample", 12, 16, "undirected"), ("gephi_from_graphsvc", 9, 9, "directed")],
)
def test_the_committed_gephi_files(name: str, nodes: int, edges: int, direction: str) -> None:
    graphml = ET.parse(FILES / f"{name}.graphml").getroot()
    assert (len(list(graphml.iter(f"{G}node"))), len(list(graphml.iter(f"{G}edge")))) == (nodes, edges)
    assert next(graphml.iter(f"{G}graph")).attrib["edgedefault"] == direction
    assert _graphml_keys(graphml, "node")["Modularity Class"] == "modularity_class"
    gexf = ET.parse(FILES / f"{name}.gexf").getroot()
    assert gexf.findtext(f"{X}meta/{X}creator") == "Gephi 0.10.1"
    assert (len(list(gexf.iter(f"{X}node"))), len(list(gexf.iter(f"{X}edge")))) == (nodes, edges)
