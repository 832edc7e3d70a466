"""Networks drawn in other tools, imported through the one import path into the real Neo4j:
files the real Gephi wrote (tests/tools/gephi), Kumu workbooks and JSON, graphsvc's own
exports after a round through Gephi, and files graphsvc does not read."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from graphsvc.db.driver import GraphStore
from graphsvc.db.networks import NetworkRepository
from graphsvc.domain import Actor, Area, Arena, Kind, Network, Sector, TieType
from graphsvc.io.gexf_write import network_to_gexf_bytes
from graphsvc.io.graphml import network_to_graphml_bytes
from graphsvc.io.network_json import network_to_json
from graphsvc.io.tabular import ImportKind, ImportReport, Severity
from graphsvc.services.imports import ImportOptions, import_file
from tests.conftest import _small_town, scope_for
from tests.tools.gephi import convert

pytestmark = pytest.mark.neo4j

FILES = Path(__file__).parent / "files"


async def _import(
    store: GraphStore, tenant: str, name: str, data: bytes | None = None, **options: object
) -> ImportReport:
    content = data if data is not None else (FILES / name).read_bytes()
    return await import_file(
        scope_for(store, tenant), content, file_name=name, options=ImportOptions(**options)
    )  # type: ignore[arg-type]


def _errors(report: ImportReport) -> list[str]:
    return [str(e) for e in report.errors]


def _same(network: Network) -> tuple[set[tuple[str, Kind, str]], set[tuple[TieType, str, str]]]:
    nodes = {(n.id, n.kind, n.name) for n in network.nodes}
    ties = {(t.type, t.source, t.target) for t in network.ties}
    return nodes, ties


@pytest.mark.parametrize("name", ["gephi_sample.gexf", "gephi_sample.graphml"])
async def test_a_network_drawn_in_gephi_imports_with_no_mapping(
    store: GraphStore, tenant: str, name: str
) -> None:
    dry = await _import(store, tenant, name, dry_run=True)
    assert dry.valid and not dry.written, _errors(dry)
    assert dry.file_format == name.rsplit(".", 1)[1]
    # Gephi's statistics are columns graphsvc has no use for: warned about, never refused.
    unused = {e.column for e in dry.entries if e.severity is Severity.WARNING}
    assert {"Modularity Class", "PageRank", "Degree"} <= unused
    report = await _import(store, tenant, name)
    assert report.written and report.counts["actors"].new == 12, report.summary()
    actors = {n.name: n for n in (await NetworkRepository(store).read(tenant)).nodes if isinstance(n, Actor)}
    # "Type" in Danish gives kind, sector and arenas.
    assert actors["Hvalsø Skole"].kind is Kind.MUNICIPAL_UNIT and actors["Hvalsø Skole"].arenas == {
        Arena.SCHOOL
    }
    assert actors["Nordea-fonden"].sector is Sector.PHILANTHROPY
    assert actors["Lejre Fodboldklub"].kind is Kind.ASSOCIATION
    ties = (await NetworkRepository(store).read(tenant)).ties
    assert len(ties) == 16 and {t.type for t in ties} == {TieType.COLLABORATES_WITH}
    # Gephi's weights are strengths; the weight 1 of every unweighted edge is none.
    strengths = {frozenset((t.source, t.target)): t.strength for t in ties}
    assert strengths[frozenset(("lejre-kommune", "ssp-lejre"))] == 5
    assert strengths[frozenset(("bauhaus-roskilde", "cafe-aeblehaven"))] is None
    again = await _import(store, tenant, name)
    assert again.total().new == 0 and again.total().changed == 0, again.summary()


@pytest.mark.parametrize("source_format", ["gexf", "graphml"])
async def test_graphsvc_to_gephi_and_back_keeps_every_node_and_tie(
    store: GraphStore, tenant: str, tmp_path: Path, source_format: str
) -> None:
    """graphsvc -> GEXF or GraphML -> Gephi (statistics run) -> GraphML and GEXF -> graphsvc.
    The small town has two ties of different types between the school and the club, which
    Gephi keeps apart only when it is told their types."""
    original = _small_town(tenant)
    source = tmp_path / f"netvaerk.{source_format}"
    write = network_to_gexf_bytes if source_format == "gexf" else network_to_graphml_bytes
    source.write_bytes(write(original))
    graphml, gexf = convert(source, tmp_path / "gephi", statistics=True)
    for path, into in ((graphml, f"{tenant}-graphml"), (gexf, f"{tenant}-gexf")):
        report = await _import(store, into, path.name, path.read_bytes())
        assert report.written, _errors(report)
        assert report.file_format == path.suffix[1:]
        assert any("Modularity Class" in e.problem for e in report.entries if e.severity is Severity.WARNING)
        back = await NetworkRepository(store).read(into)
        assert _same(back) == _same(original.model_copy(update={"tenant": into})), path.name
        stored = {n.id: n for n in back.nodes}
        assert stored["school"].area == "hvalsoe"  # type: ignore[attr-defined]


async def test_graphsvc_json_export_imports_into_an_empty_tenant(store: GraphStore, tenant: str) -> None:
    original = _small_town("elsewhere")
    report = await _import(store, tenant, "netvaerk.json", network_to_json(original))
    assert report.written and report.file_format == "json", _errors(report)
    back = await NetworkRepository(store).read(tenant)
    assert _same(back) == _same(original.model_copy(update={"tenant": tenant}))
    assert report.counts["young_people"].new == 1 and report.counts["areas"].new == 2


def _kumu_workbook() -> bytes:
    """A Kumu project as its XLSX: Danish names and types, | lists, Direction, Tags, areas the
    tenant does not have yet, strengths and tie types in Danish."""
    book = Workbook()
    elements = book.active
    assert elements is not None
    elements.title = "Elements"
    elements.append(["Label", "Type", "Description", "Tags", "Område"])
    elements.append(["Hvalsø Skole", "Skole", "Folkeskole 0.-9. klasse", "", "Hvalsø"])
    elements.append(["Kirke Hyllinge Skole", "Skole", "", "", "Kirke Hyllinge"])
    elements.append(["Lejre Fodboldklub", "Forening", "", "fritid | frivillige", "Hvalsø"])
    elements.append(["Nordea-fonden", "Fond", "", "", ""])
    elements.append(["Bauhaus Roskilde", "Virksomhed", "Byggemarked", "", ""])
    elements.append(["Jobcenter Lejre", "Jobcenter", "", "", ""])
    connections = book.create_sheet("Connections")
    connections.append(["From", "To", "Type", "Direction", "Strength", "Label"])
    connections.append(
        ["Hvalsø Skole", "Lejre Fodboldklub | Bauhaus Roskilde", "Samarbejde", "", "Stærk", ""]
    )
    connections.append(["Nordea-fonden", "Lejre Fodboldklub", "Bevilling", "directed", "", "2026"])
    connections.append(["Jobcenter Lejre", "Kirke Hyllinge Skole", "Henvisning", "Gensidig", "svag", ""])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def test_a_kumu_workbook_imports_in_one_go_with_no_mapping(store: GraphStore, tenant: str) -> None:
    report = await _import(store, tenant, "kumu-projekt.xlsx", _kumu_workbook())
    assert report.written, _errors(report)
    assert report.file_format == "kumu_xlsx"
    assert report.counts["actors"].new == 6 and report.counts["areas"].new == 2
    network = await NetworkRepository(store).read(tenant)
    actors = {n.name: n for n in network.nodes if isinstance(n, Actor)}
    areas = {n.id: n.name for n in network.nodes if isinstance(n, Area)}
    assert areas[actors["Hvalsø Skole"].area or ""] == "Hvalsø"
    assert actors["Lejre Fodboldklub"].arenas == {Arena.LEISURE}
    assert actors["Lejre Fodboldklub"].category == "frivillige"  # a tag that is no arena
    assert actors["Nordea-fonden"].kind is Kind.ORGANISATION
    assert actors["Nordea-fonden"].sector is Sector.PHILANTHROPY
    ids = {a.name: a.id for a in actors.values()}
    ties = {(t.type, t.source, t.target): t for t in network.ties}
    school, club, shop = ids["Hvalsø Skole"], ids["Lejre Fodboldklub"], ids["Bauhaus Roskilde"]
    assert ties[TieType.COLLABORATES_WITH, school, club].strength == 5
    assert (TieType.COLLABORATES_WITH, school, shop) in ties  # a | list in To
    assert (TieType.FUNDS, ids["Nordea-fonden"], club) in ties  # "Bevilling"
    job, other_school = ids["Jobcenter Lejre"], ids["Kirke Hyllinge Skole"]
    assert {(TieType.REFERS_TO, job, other_school), (TieType.REFERS_TO, other_school, job)} <= ties.keys()


async def test_a_kumu_json_export_imports(store: GraphStore, tenant: str) -> None:
    project = {
        "elements": [
            {"_id": "elem-a1", "attributes": {"label": "Hvalsø Skole", "element type": "Skole"}},
            {
                "_id": "elem-b2",
                "attributes": {"label": "Lejre Fodboldklub", "element type": "Forening", "tags": ["fritid"]},
            },
        ],
        "connections": [
            {
                "_id": "conn-1",
                "from": "elem-a1",
                "to": "elem-b2",
                "direction": "mutual",
                "attributes": {"connection type": "samarbejde", "strength": 3},
            },
        ],
    }
    report = await _import(store, tenant, "kumu.json", json.dumps(project).encode())
    assert report.written and report.file_format == "kumu_json", _errors(report)
    network = await NetworkRepository(store).read(tenant)
    assert {(t.type, t.source, t.target, t.strength) for t in network.ties} == {
        (TieType.COLLABORATES_WITH, "hvalsoe-skole", "lejre-fodboldklub", 3)
    }


GENERIC_GEXF = b"""<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph defaultedgetype="undirected">
    <attributes class="node"><attribute id="0" title="In-Degree" type="integer"/></attributes>
    <nodes>
      <node id="0" label="Hvals\xc3\xb8 Klatreklub">
        <attvalues><attvalue for="0" value="1"/></attvalues></node>
      <node id="1" label="Lejre Ungeklub"/>
    </nodes>
    <edges><edge id="0" source="0" target="1"/></edges>
  </graph>
</gexf>"""


async def test_a_gexf_with_no_kinds_imports_with_one_default(store: GraphStore, tenant: str) -> None:
    refused = await _import(store, tenant, "net.gexf", GENERIC_GEXF)
    assert not refused.written
    assert any("has no sector" in str(e) and "default sector" in (e.suggestion or "") for e in refused.errors)
    assert (await NetworkRepository(store).read(tenant)).nodes == ()
    report = await _import(store, tenant, "net.gexf", GENERIC_GEXF, defaults={"sector": "civilsamfund"})
    assert report.written, _errors(report)
    actors = [n for n in (await NetworkRepository(store).read(tenant)).nodes if isinstance(n, Actor)]
    assert {(a.name, a.kind, a.sector) for a in actors} == {
        ("Hvalsø Klatreklub", Kind.ASSOCIATION, Sector.CIVIL_SOCIETY),
        ("Lejre Ungeklub", Kind.ASSOCIATION, Sector.CIVIL_SOCIETY),
    }


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b'*Vertices 2\n1 "A"\n2 "B"\n*Edges\n1 2\n', "a Pajek network"),
        (b"graph [\n node [ id 1 ]\n]\n", "a GML graph"),
        (b"digraph G { a -> b }", "a Graphviz DOT graph"),
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "root element <svg>"),
        (b'{"nodes": []}', "neither a graphsvc network export nor a Kumu project"),
        (
            b'<?xml version="1.0"?><!DOCTYPE gexf [<!ENTITY a "aaaa">]><gexf><graph/></gexf>',
            "<!DOCTYPE>",
        ),
    ],
)
async def test_a_format_graphsvc_does_not_read_is_named_and_nothing_is_written(
    store: GraphStore, tenant: str, data: bytes, problem: str
) -> None:
    report = await _import(store, tenant, "network.dat", data)
    assert not report.written and len(report.errors) == 1
    assert problem in report.errors[0].problem and report.errors[0].suggestion
    assert (await NetworkRepository(store).read(tenant)).nodes == ()


async def test_a_bad_record_in_a_network_file_writes_nothing(store: GraphStore, tenant: str) -> None:
    data = network_to_gexf_bytes(_small_town(tenant)).replace(b'value="philanthropy"', b'value="fondsmidler"')
    report = await _import(store, tenant, "net.gexf", data)
    assert not report.written
    assert any("node fund" in str(e) and "fondsmidler" in str(e) for e in report.errors), _errors(report)
    assert (await NetworkRepository(store).read(tenant)).nodes == ()


async def test_graphsvc_to_kumu_and_back_keeps_every_node_tie_and_value(
    store: GraphStore, tenant: str
) -> None:
    from graphsvc.io.kumu_workbook import network_to_kumu_bytes

    original = _small_town("elsewhere")
    report = await _import(store, tenant, "kumu.xlsx", network_to_kumu_bytes(original))
    assert report.written and report.file_format == "kumu_xlsx", _errors(report)
    back = await NetworkRepository(store).read(tenant)
    moved = original.model_copy(update={"tenant": tenant})
    assert _same(back) == _same(moved)
    ignored = {"tenant", "created_at", "updated_at", "version"}
    stored = {n.id: n.model_dump(exclude=ignored) for n in back.nodes}
    assert stored == {n.id: n.model_dump(exclude=ignored) for n in moved.nodes}
    assert set(back.ties) == set(moved.ties)
    again = await _import(store, tenant, "kumu.xlsx", network_to_kumu_bytes(original))
    assert again.total().new == 0 and again.total().changed == 0, again.summary()


LIBRARY_CSV = b"navn;type\nLejre Bibliotek;Bibliotekstilbud\n"
LIBRARY_CSV_2 = "navn;type\nHvalsø Bibliotek;Bibliotekstilbud\n".encode()


async def test_a_type_word_of_the_tenant_is_asked_for_once_then_remembered(
    store: GraphStore, tenant: str
) -> None:
    refused = await _import(store, tenant, "biblioteker.csv", LIBRARY_CSV, kind=ImportKind.ACTORS)
    assert not refused.written
    wrong = next(e for e in refused.errors if "Bibliotekstilbud" in e.problem)
    assert wrong.row == 2 and "map it" in (wrong.suggestion or "")
    bad = await _import(
        store,
        tenant,
        "biblioteker.csv",
        LIBRARY_CSV,
        kind=ImportKind.ACTORS,
        types={"Bibliotekstilbud": "hylde"},
    )
    assert not bad.written and "Bibliotekstilbud=hylde" in bad.errors[0].problem
    chosen = {"Bibliotekstilbud": "kommunal enhed, offentlig, lokalsamfund"}
    report = await _import(
        store, tenant, "biblioteker.csv", LIBRARY_CSV, kind=ImportKind.ACTORS, types=chosen
    )
    assert report.written, _errors(report)
    later = await _import(store, tenant, "flere.csv", LIBRARY_CSV_2, kind=ImportKind.ACTORS)
    assert later.written, _errors(later)
    actors = {n.name: n for n in (await NetworkRepository(store).read(tenant)).nodes if isinstance(n, Actor)}
    assert actors["Hvalsø Bibliotek"].kind is Kind.MUNICIPAL_UNIT
    assert actors["Hvalsø Bibliotek"].arenas == {Arena.COMMUNITY}
    other = await _import(store, f"{tenant}-other", "flere.csv", LIBRARY_CSV_2, kind=ImportKind.ACTORS)
    assert not other.written  # remembered for this tenant only


async def test_the_defaults_chosen_for_a_file_are_used_for_the_next_of_its_shape(
    store: GraphStore, tenant: str
) -> None:
    first = await _import(store, tenant, "net.gexf", GENERIC_GEXF, defaults={"sector": "civilsamfund"})
    assert first.written, _errors(first)
    second_file = GENERIC_GEXF.replace(b"Lejre Ungeklub", b"Osted Ungeklub")
    second = await _import(store, tenant, "net2.gexf", second_file, dry_run=True)
    assert second.valid, _errors(second)
    assert any("chosen for a file with the same columns before" in e.problem for e in second.entries)


async def test_a_polinode_pair_of_node_and_edge_files_needs_no_choices(
    store: GraphStore, tenant: str
) -> None:
    nodes = b"Name,Type,Description\nHvals\xc3\xb8 Skole,Skole,\nLejre Fodboldklub,Forening,Klub for alle\n"
    edges = b"Source,Target,Weight\nHvals\xc3\xb8 Skole,Lejre Fodboldklub,4\n"
    first = await _import(store, tenant, "nodes.csv", nodes)
    assert first.written and first.kind == "actors", _errors(first)
    second = await _import(store, tenant, "edges.csv", edges)
    assert second.written and second.kind == "ties", _errors(second)
    ties = (await NetworkRepository(store).read(tenant)).ties
    assert [(t.type, t.source, t.target, t.strength) for t in ties] == [
        (TieType.COLLABORATES_WITH, "hvalsoe-skole", "lejre-fodboldklub", 4)
    ]


async def test_a_file_given_by_its_path_reads_as_its_bytes_do(
    store: GraphStore, tenant: str, tmp_path: Path
) -> None:
    """The command line hands files on by their path: a GEXF is then parsed as it is read."""
    for name in ("gephi_sample.gexf", "gephi_sample.graphml", "aktoerer_libreoffice.csv"):
        path = tmp_path / name
        path.write_bytes((FILES / name).read_bytes())
        by_path = await import_file(
            scope_for(store, tenant), path, file_name=name, options=ImportOptions(dry_run=True)
        )
        by_bytes = await _import(store, tenant, name, dry_run=True)
        assert (by_path.file_format, by_path.counts, [str(e) for e in by_path.entries]) == (
            by_bytes.file_format,
            by_bytes.counts,
            [str(e) for e in by_bytes.entries],
        )
