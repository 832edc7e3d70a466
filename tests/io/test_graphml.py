"""GraphML reading and writing: round trips, other tools' files, and every kind of bad input."""

from __future__ import annotations

import io
import random
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import networkx as nx
import pytest

from graphsvc.domain import (
    Actor,
    AgeBand,
    Area,
    Arena,
    Challenge,
    Frequency,
    Initiative,
    Kind,
    Network,
    ParticipationRole,
    Person,
    Sector,
    TargetGroup,
    Tie,
    TieType,
    YoungPerson,
    node_model,
)
from graphsvc.errors import InvalidInput
from graphsvc.io.graphml import (
    EDGE_ATTRIBUTES,
    NODE_ATTRIBUTES,
    network_to_graphml_bytes,
    read_graphml,
    write_graphml,
)

T = "hvalsoe"
NOW = datetime(2024, 5, 1, 9, 30, 15, 123456, tzinfo=UTC)


# --- building files by hand ---------------------------------------------------------------------


def node(node_id: str, **attrs: object) -> str:
    data = "".join(f'<data key="{k}">{escape(str(v))}</data>' for k, v in attrs.items())
    return f"<node id={quoteattr(node_id)}>{data}</node>\n"


def edge(source: str, target: str, **attrs: object) -> str:
    data = "".join(f'<data key="e_{k}">{escape(str(v))}</data>' for k, v in attrs.items())
    return f"<edge source={quoteattr(source)} target={quoteattr(target)}>{data}</edge>\n"


def graphml(*records: str, keys: str = "", edgedefault: str = "directed") -> bytes:
    declared = "".join(
        f'<key id="{n}" for="node" attr.name="{n}" attr.type="string"/>\n' for n in NODE_ATTRIBUTES
    ) + "".join(f'<key id="e_{n}" for="edge" attr.name="{n}" attr.type="string"/>\n' for n in EDGE_ATTRIBUTES)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
        f'{declared}{keys}<graph id="G" edgedefault="{edgedefault}">\n'
        f"{''.join(records)}</graph>\n</graphml>\n"
    ).encode()


CLUB = node("club-1", kind="Association", name="Hvalsø Klatreklub", sector="civil_society", arenas="leisure")
SCHOOL = node("school-1", kind="MunicipalUnit", name="Hvalsø Skole", sector="public", arenas="school")
BUSINESS = node("shop-1", kind="Business", name="Brugsen", sector="business", arenas="work")
AREA = node("area-1", kind="Area", name="Hvalsø", area_type="town")
YOUNG = node("yp-1", kind="YoungPerson", name="Ræv", age_band="12-14")


def problems(data: bytes, **options: object) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        read_graphml(data, tenant=T, **options)  # type: ignore[arg-type]
    return [str(p) for p in caught.value.problems]


def assert_problem(data: bytes, record: str, *fragments: str, **options: object) -> None:
    found = problems(data, **options)
    matching = [p for p in found if p.startswith(record + ": ")]
    assert matching, f"no problem for {record!r} in {found}"
    assert any(all(f in p for f in fragments) for p in matching), found


# --- a network with everything in it ------------------------------------------------------------


def full_network() -> Network:
    def actor(kind: Any, node_id: str, name: str, sector: Sector, *arenas: Arena, **more: Any) -> Actor:
        return Actor(
            kind=kind, id=node_id, tenant=T, name=name, sector=sector, arenas=frozenset(arenas), **more
        )

    nodes: list[Any] = [
        Area(id="area-hvalsoe", tenant=T, name="Hvalsø", area_type="town", created_at=NOW, updated_at=NOW),
        Area(id="area-lejre", tenant=T, name="Lejre Kommune", area_type="municipality"),
        actor(
            Kind.ASSOCIATION,
            "club-1",
            'Klatreklubben "Æbleø" <&> Søndergård',
            Sector.CIVIL_SOCIETY,
            Arena.LEISURE,
            Arena.COMMUNITY,
            category="Klatreklub",
            description="Åben hver tirsdag.\nAlle er velkomne &\ttak.\r\nSlut.",
            area="area-hvalsoe",
            created_at=NOW,
        ),
        actor(Kind.BUSINESS, "shop-1", "Brugsen i Hvalsø", Sector.BUSINESS, Arena.WORK),
        actor(
            Kind.MUNICIPAL_UNIT, "school-1", "Hvalsø Skole", Sector.PUBLIC, Arena.SCHOOL, area="area-hvalsoe"
        ),
        actor(
            Kind.MUNICIPAL_UNIT,
            "ssp-1",
            "SSP Lejre",
            Sector.PUBLIC,
            Arena.SCHOOL,
            Arena.LEISURE,
            Arena.FAMILY,
        ),
        actor(Kind.ORGANISATION, "fund-1", "Helsefonden", Sector.PHILANTHROPY),
        YoungPerson(
            id="yp-1",
            tenant=T,
            name="Ræv-17",
            age_band=AgeBand.B15_17,
            birth_year=2009,
            area="area-hvalsoe",
            challenges=frozenset({Challenge.LONELINESS, Challenge.MENTAL_HEALTH}),
        ),
        YoungPerson(id="yp-2", tenant=T, name="Ugle-3"),
        Person(
            id="person-1",
            tenant=T,
            name="Søren Ærø",
            role="klubleder",
            email="soren@example.dk",
            phone="+45 12 34 56 78",
        ),
        TargetGroup(
            id="tg-1",
            tenant=T,
            name="Ensomme 12-17-årige i Hvalsø",
            description="Unge uden fritidsliv",
            criteria_age_bands=frozenset({AgeBand.B12_14, AgeBand.B15_17}),
            criteria_areas=frozenset({"area-hvalsoe", "area-lejre"}),
            criteria_challenges=frozenset({Challenge.LONELINESS}),
        ),
        Initiative(id="ini-1", tenant=T, name="Fritidspas", description="Et år gratis"),
    ]
    ties = [
        Tie(type=TieType.ATTENDS, source="yp-1", target="school-1"),
        Tie(type=TieType.MEMBER_OF, source="yp-1", target="club-1", since=2022),
        Tie(type=TieType.WORKS_AT, source="yp-1", target="shop-1", since=2024),
        Tie(type=TieType.USES, source="yp-2", target="ssp-1"),
        Tie(
            type=TieType.COLLABORATES_WITH,
            source="club-1",
            target="school-1",
            strength=4,
            since=2019,
            frequency=Frequency.MONTHLY,
        ),
        # A second tie between the same pair, of another type.
        Tie(type=TieType.REFERS_TO, source="club-1", target="school-1", since=2021),
        Tie(type=TieType.REFERS_TO, source="ssp-1", target="club-1"),
        Tie(type=TieType.FUNDS, source="fund-1", target="ini-1", since=2023),
        Tie(type=TieType.WORKS_FOR, source="person-1", target="school-1"),
        Tie(type=TieType.VOLUNTEERS_AT, source="person-1", target="club-1"),
        Tie(type=TieType.PARTICIPATES_IN, source="club-1", target="ini-1", role=ParticipationRole.LEAD),
        Tie(type=TieType.TARGETS, source="ini-1", target="tg-1"),
        Tie(type=TieType.PART_OF, source="area-hvalsoe", target="area-lejre"),
        Tie(type=TieType.INCLUDED_IN, source="yp-2", target="tg-1"),
    ]
    # The writer orders nodes by id and edges by (source, type, target); so does this network.
    return Network(
        tenant=T,
        nodes=tuple(sorted(nodes, key=lambda n: n.id)),
        ties=tuple(sorted(ties, key=lambda t: (t.source, t.type.value, t.target))),
    )


def test_full_network_covers_every_kind_and_tie_type() -> None:
    network = full_network()
    assert {n.kind for n in network.nodes} == set(Kind)
    assert {t.type for t in network.ties} == set(TieType) - {TieType.LOCATED_IN}


def test_round_trip_through_bytes_path_and_stream(tmp_path) -> None:
    network = full_network()
    assert read_graphml(network_to_graphml_bytes(network), tenant=T) == network

    path = tmp_path / "netværk.graphml"
    write_graphml(network, path)
    assert read_graphml(path, tenant=T) == network
    assert read_graphml(str(path), tenant=T) == network

    buffer = io.BytesIO()
    write_graphml(network, buffer)
    buffer.seek(0)
    assert read_graphml(buffer, tenant=T) == network


def test_output_is_deterministic_and_escaped() -> None:
    network = full_network()
    shuffled_nodes, shuffled_ties = list(network.nodes), list(network.ties)
    random.Random(7).shuffle(shuffled_nodes)
    random.Random(7).shuffle(shuffled_ties)
    shuffled = Network(tenant=T, nodes=tuple(shuffled_nodes), ties=tuple(shuffled_ties))
    data = network_to_graphml_bytes(network)
    assert network_to_graphml_bytes(shuffled) == data
    text = data.decode("utf-8")
    assert 'Klatreklubben "Æbleø" &lt;&amp;&gt; Søndergård</data>' in text
    assert "<&>" not in text
    assert "school|leisure|family" in text  # list values in the domain's order


def test_networkx_opens_written_file() -> None:
    network = full_network()
    graph = nx.read_graphml(io.BytesIO(network_to_graphml_bytes(network)), force_multigraph=True)
    assert isinstance(graph, nx.MultiDiGraph)
    assert set(graph.nodes) == {n.id for n in network.nodes}
    assert graph.number_of_edges() == len(network.ties)
    assert graph.nodes["yp-1"]["birth_year"] == 2009
    assert graph.nodes["club-1"]["name"] == 'Klatreklubben "Æbleø" <&> Søndergård'
    assert graph.nodes["club-1"]["arenas"] == "leisure|community"
    parallel = graph.get_edge_data("club-1", "school-1")
    assert sorted(d["type"] for d in parallel.values()) == ["COLLABORATES_WITH", "REFERS_TO"]
    collaboration = [d for d in parallel.values() if d["type"] == "COLLABORATES_WITH"]
    assert collaboration == [
        {"type": "COLLABORATES_WITH", "strength": 4, "since": 2019, "frequency": "monthly"}
    ]
    assert graph.nodes["school-1"]["label"] == "Hvalsø Skole"  # what Gephi shows


def test_file_written_by_networkx_reads() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("area-1", kind="Area", name="Hvalsø")
    graph.add_node(
        "club-1",
        kind="association",
        name="Klatreklub",
        sector="civil_society",
        arenas="leisure|community",
        area="area-1",
    )
    graph.add_node("school-1", kind="municipal_unit", name="Skole", sector="public", arenas="school")
    graph.add_node("yp-1", kind="young_person", name="Ræv", birth_year=2010, challenges="loneliness")
    graph.add_edge("club-1", "school-1", type="COLLABORATES_WITH", strength=3, frequency="weekly")
    graph.add_edge("club-1", "school-1", type="refers_to", since=2020)
    graph.add_edge("yp-1", "school-1", type="attends")
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer)

    network = read_graphml(buffer.getvalue(), tenant=T)

    by_id = {n.id: n for n in network.nodes}
    assert by_id["club-1"] == Actor(
        kind=Kind.ASSOCIATION,
        id="club-1",
        tenant=T,
        name="Klatreklub",
        sector=Sector.CIVIL_SOCIETY,
        arenas=frozenset({Arena.LEISURE, Arena.COMMUNITY}),
        area="area-1",
    )
    assert by_id["yp-1"] == YoungPerson(
        id="yp-1", tenant=T, name="Ræv", birth_year=2010, challenges=frozenset({Challenge.LONELINESS})
    )
    assert set(network.ties) == {
        Tie(
            type=TieType.COLLABORATES_WITH,
            source="club-1",
            target="school-1",
            strength=3,
            frequency=Frequency.WEEKLY,
        ),
        Tie(type=TieType.REFERS_TO, source="club-1", target="school-1", since=2020),
        Tie(type=TieType.ATTENDS, source="yp-1", target="school-1"),
    }


def test_every_domain_field_has_a_documented_attribute() -> None:
    fields = set()
    for kind in Kind:
        fields |= set(node_model(kind).model_fields)
    assert fields - {"id", "tenant"} == set(NODE_ATTRIBUTES)
    assert set(Tie.model_fields) - {"source", "target"} == set(EDGE_ATTRIBUTES)


# --- friendly reading ---------------------------------------------------------------------------


def test_loose_spelling_of_kinds_types_values_and_names() -> None:
    data = graphml(
        node("club-1", kind="association", name="Klub", sector="Civil society", arenas="Leisure | school"),
        node("school-1", kind="municipal_unit", name="Skole", sector="PUBLIC"),
        node("yp-1", kind="young person", name="Ræv", age_band="12 - 14", birth_year="2011.0"),
        edge("yp-1", "school-1", type="attends"),
        edge("club-1", "school-1", type="collaborates_with", strength="5.0", frequency="Weekly"),
        keys='<key id="by" for="node" attr.name="Birth Year" attr.type="int"/>',
    )
    network = read_graphml(data, tenant=T)
    nodes: tuple[Any, ...] = network.nodes
    club, school, young = nodes
    assert club.kind is Kind.ASSOCIATION and club.arenas == {Arena.LEISURE, Arena.SCHOOL}
    assert club.sector is Sector.CIVIL_SOCIETY
    assert school.kind is Kind.MUNICIPAL_UNIT
    assert young.kind is Kind.YOUNG_PERSON and young.age_band is AgeBand.B12_14
    assert young.birth_year == 2011
    assert [t.type for t in network.ties] == [TieType.ATTENDS, TieType.COLLABORATES_WITH]
    assert network.ties[1].strength == 5


def test_gephi_and_yed_visual_attributes_are_ignored() -> None:
    keys = (
        '<key id="x" for="node" attr.name="x" attr.type="float"/>'
        '<key id="y" for="node" attr.name="y" attr.type="float"/>'
        '<key id="size" for="node" attr.name="size" attr.type="float"/>'
        '<key id="r" for="node" attr.name="r" attr.type="int"/>'
        '<key id="label" for="node" attr.name="label" attr.type="string"/>'
        '<key id="weight" for="edge" attr.name="weight" attr.type="double">'
        "<default>1.0</default></key>"
        '<key id="d6" for="node" yfiles.type="nodegraphics"/>'
    )
    yed_graphics = (
        '<data key="d6"><y:ShapeNode xmlns:y="http://www.yworks.com/xml/graphml">'
        "<y:NodeLabel>Klub</y:NodeLabel></y:ShapeNode></data>"
    )
    club = CLUB.replace(
        "</node>",
        f'<data key="x">1.5</data><data key="size">10</data>'
        f'<data key="r">255</data><data key="label">K</data>{yed_graphics}</node>',
    )
    data = graphml(club, SCHOOL, edge("club-1", "school-1", type="REFERS_TO"), keys=keys)
    network = read_graphml(data, tenant=T)
    assert network.nodes[0].name == "Hvalsø Klatreklub"
    assert network.ties == (Tie(type=TieType.REFERS_TO, source="club-1", target="school-1"),)


def test_empty_values_are_not_set_and_key_defaults_apply() -> None:
    keys = (
        '<key id="at" for="node" attr.name="area_type"><default>parish</default></key>'
        '<key id="st" for="edge" attr.name="strength"><default>2</default></key>'
    )
    data = graphml(
        node("area-1", kind="Area", name="Kirke Hvalsø"),
        node("area-2", kind="Area", name="Lejre", area_type="town"),
        node(
            "club-1",
            kind="Association",
            name="Klub",
            sector="civil_society",
            arenas="",
            category="  ",
            description="",
        ),
        SCHOOL,
        YOUNG,
        edge("club-1", "school-1", type="COLLABORATES_WITH"),
        edge("yp-1", "school-1", type="ATTENDS"),
        keys=keys,
    )
    network = read_graphml(data, tenant=T)
    nodes: tuple[Any, ...] = network.nodes
    area_1, area_2, club, _, _ = nodes
    # A default fills in what is left out, where the kind or tie type has the attribute.
    assert (area_1.area_type, area_2.area_type) == ("parish", "town")
    assert club.arenas == frozenset() and club.category is None and club.description is None
    assert [t.strength for t in network.ties] == [2, None]


def test_undeclared_keys_and_undirected_files_are_read() -> None:
    data = (
        b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected">'
        b'<node id="a"><data key="kind">Area</data><data key="name">A</data></node>'
        b'<node id="b"><data key="kind">Area</data><data key="name">B</data></node>'
        b'<edge source="a" target="b"><data key="type">PART_OF</data></edge>'
        b"</graph></graphml>"
    )
    network = read_graphml(data, tenant=T)
    assert network.ties == (Tie(type=TieType.PART_OF, source="a", target="b"),)


def test_located_in_edges_become_areas() -> None:
    data = graphml(
        AREA,
        CLUB,
        YOUNG,
        node("school-1", kind="MunicipalUnit", name="Skole", sector="public", area="area-1"),
        edge("club-1", "area-1", type="LOCATED_IN"),
        edge("yp-1", "area-1", type="located_in"),
        edge("school-1", "area-1", type="LOCATED_IN"),  # agrees with the attribute
    )
    network = read_graphml(data, tenant=T)
    assert {n.id: getattr(n, "area", None) for n in network.nodes} == {
        "area-1": None,
        "club-1": "area-1",
        "yp-1": "area-1",
        "school-1": "area-1",
    }
    assert network.ties == ()


def test_located_in_conflicts_and_misuse() -> None:
    data = graphml(
        AREA,
        node("area-2", kind="Area", name="Lejre"),
        node("club-1", kind="Association", name="Klub", sector="civil_society", area="area-1"),
        YOUNG,
        node("person-1", kind="Person", name="Søren"),
        edge("club-1", "area-2", type="LOCATED_IN"),
        edge("yp-1", "area-1", type="LOCATED_IN"),
        edge("yp-1", "area-2", type="LOCATED_IN"),
        edge("person-1", "area-1", type="LOCATED_IN"),
        edge("yp-1", "club-1", type="LOCATED_IN"),
        edge("ghost", "area-1", type="LOCATED_IN"),
    )
    found = problems(data)
    assert any(
        p.startswith(
            "node club-1: has more than one area: 'area-1' (area attribute), 'area-2' (LOCATED_IN edge)"
        )
        for p in found
    ), found
    assert any(p.startswith("node yp-1: has more than one area") for p in found), found
    assert any(p.startswith("edge person-1 -LOCATED_IN-> area-1: a Person cannot") for p in found), found
    assert any(p.startswith("edge yp-1 -LOCATED_IN-> club-1: a YoungPerson cannot") for p in found), found
    assert any(p.startswith("edge ghost -LOCATED_IN-> area-1: no node with id 'ghost'") for p in found), found


def test_known_ids_pass_through() -> None:
    known = {"area-9": Kind.AREA, "school-9": Kind.MUNICIPAL_UNIT, "club-1": Kind.BUSINESS}
    ok = graphml(
        node("yp-1", kind="YoungPerson", name="Ræv", area="area-9"),
        edge("yp-1", "school-9", type="ATTENDS"),
    )
    network = read_graphml(ok, tenant=T, known=known)
    young: Any = network.nodes[0]
    assert young.area == "area-9" and len(network.ties) == 1
    assert_problem(graphml(CLUB), "node club-1", "already used by a Business", known=known)
    assert_problem(ok, "edge yp-1 -ATTENDS-> school-9", "no node with id 'school-9'")


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("records", "record", "fragments"),
    [
        ([node("a-1", name="A")], "node a-1", ["kind: missing", "Association"]),
        ([node("a-1", kind="Club", name="A")], "node a-1", ["'Club' is not a kind"]),
        (
            [node("a-1", kind="Association", name="A", sector="sport")],
            "node a-1",
            ["sector: 'sport' is not one of", "civil_society"],
        ),
        (
            [node("a-1", kind="Association", name="A", sector="public", arenas="school|sport")],
            "node a-1",
            ["arenas: 'sport' is not one of", "leisure"],
        ),
        (
            [node("yp-1", kind="YoungPerson", name="R", age_band="10-12")],
            "node yp-1",
            ["age_band: '10-12' is not one of", "12-14"],
        ),
        (
            [node("yp-1", kind="YoungPerson", name="R", challenges="loneliness|sad")],
            "node yp-1",
            ["challenges: 'sad' is not one of", "mental_health"],
        ),
        (
            [node("yp-1", kind="YoungPerson", name="R", birth_year="2010b")],
            "node yp-1",
            ["birth_year: '2010b' is not a whole number"],
        ),
        ([node("a-1", kind="Area", name="")], "node a-1", ["name: Field required"]),
        ([node("a-1", kind="Area", name="x" * 10_000)], "node a-1", ["name", "10000 characters long"]),
        ([node("a-1", kind="Area", name="A\x7fB")], "node a-1", ["control characters"]),
        (
            [node("a-1", kind="Association", name="A", sektor="public")],
            "node a-1",
            ["sektor: unknown attribute (did you mean sector?)", "kind, name, sector, arenas"],
        ),
        (
            [node("yp-1", kind="YoungPerson", name="R", sector="public")],
            "node yp-1",
            ["sector: a YoungPerson has no sector", "age_band"],
        ),
        (
            [node("p-1", kind="Person", name="P", email="not-an-address")],
            "node p-1",
            ["email", "is not an e-mail address"],
        ),
        ([node("a 1", kind="Area", name="A")], "node a 1", ["id: 'a 1' is not a valid id"]),
        (
            [node("a-1", kind="Area", name="A"), node("a-1", kind="Area", name="B")],
            "node a-1",
            ["the id is used twice"],
        ),
        (
            [AREA, node("c-1", kind="Association", name="C", sector="public", area="nowhere")],
            "node c-1",
            ["area 'nowhere' is not an area"],
        ),
        ([node("a-1", kind="Area", name="A", created_at="yesterday")], "node a-1", ["created_at"]),
        (
            [CLUB, edge("club-1", "ghost-2", type="REFERS_TO")],
            "edge club-1 -REFERS_TO-> ghost-2",
            ["no node with id 'ghost-2'"],
        ),
        (
            [BUSINESS, SCHOOL, edge("shop-1", "school-1", type="ATTENDS")],
            "edge shop-1 -ATTENDS-> school-1",
            ["a Business cannot", "MunicipalUnit", "ATTENDS"],
        ),
        (
            [CLUB, SCHOOL, edge("club-1", "school-1", type="teaches")],
            "edge club-1 -teaches-> school-1",
            ["type: 'teaches' is not a tie type"],
        ),
        ([CLUB, SCHOOL, edge("club-1", "school-1")], "edge club-1 -?-> school-1", ["type: missing"]),
        (
            [CLUB, SCHOOL, edge("club-1", "school-1", type="COLLABORATES_WITH", strength="3.5")],
            "edge club-1 -COLLABORATES_WITH-> school-1",
            ["strength: '3.5' is not a whole number"],
        ),
        (
            [CLUB, SCHOOL, edge("club-1", "school-1", type="COLLABORATES_WITH", strength="high")],
            "edge club-1 -COLLABORATES_WITH-> school-1",
            ["strength: 'high' is not a whole number"],
        ),
        (
            [CLUB, SCHOOL, edge("club-1", "school-1", type="COLLABORATES_WITH", strength="9")],
            "edge club-1 -COLLABORATES_WITH-> school-1",
            ["strength", "less than or equal to 5"],
        ),
        (
            [CLUB, SCHOOL, edge("club-1", "school-1", type="COLLABORATES_WITH", frequency="sometimes")],
            "edge club-1 -COLLABORATES_WITH-> school-1",
            ["frequency: 'sometimes' is not one of", "weekly"],
        ),
        (
            [YOUNG, SCHOOL, edge("yp-1", "school-1", type="ATTENDS", strength="3")],
            "edge yp-1 -ATTENDS-> school-1",
            ["has no strength"],
        ),
        (
            [CLUB, SCHOOL, edge("club-1", "school-1", type="REFERS_TO", sektor="x")],
            "edge club-1 -REFERS_TO-> school-1",
            ["sektor: unknown attribute", "type, strength"],
        ),
        (
            [
                CLUB,
                SCHOOL,
                edge("club-1", "school-1", type="REFERS_TO"),
                edge("club-1", "school-1", type="REFERS_TO"),
            ],
            "edge club-1 -REFERS_TO-> school-1",
            ["given twice"],
        ),
        (
            [CLUB, edge("club-1", "club-1", type="REFERS_TO")],
            "edge club-1 -REFERS_TO-> club-1",
            ["to itself"],
        ),
        (
            [CLUB, "<edge target='club-1'><data key='e_type'>FUNDS</data></edge>"],
            "edge at line",
            ["has no source"],
        ),
        (["<node><data key='kind'>Area</data></node>"], "node at line", ["has no id"]),
        (
            [CLUB.replace("</node>", "<graph id='inner'></graph></node>")],
            "node at line",
            ["nested graphs are not supported"],
        ),
        (["<hyperedge><endpoint node='a'/></hyperedge>"], "hyperedge at line", ["not supported"]),
    ],
)
def test_bad_records_are_named(records: list[str], record: str, fragments: list[str]) -> None:
    data = graphml(*records)
    found = problems(data)
    matching = [p for p in found if p.startswith(record)]
    assert matching, f"no problem for {record!r} in {found}"
    assert any(all(f in p for f in fragments) for p in matching), found


def test_all_problems_are_collected_at_once() -> None:
    data = graphml(
        node("club-1", kind="Association", name="Klub", sector="sport", sektor="x"),
        node("yp-1", kind="YoungPerson", name="R", age_band="99"),
        node("odd", kind="Dragon", name="Puff"),
        SCHOOL,
        BUSINESS,
        edge("shop-1", "school-1", type="ATTENDS", strength="x"),
        edge("school-1", "nowhere", type="REFERS_TO"),
    )
    with pytest.raises(InvalidInput) as caught:
        read_graphml(data, tenant=T)
    found = [str(p) for p in caught.value.problems]
    expected = [
        "node club-1: sektor: unknown attribute",
        "node club-1: sector: 'sport' is not one of",
        "node yp-1: age_band: '99' is not one of",
        "node odd: kind: 'Dragon' is not a kind",
        "edge shop-1 -ATTENDS-> school-1: strength: 'x' is not a whole number",
        "edge shop-1 -ATTENDS-> school-1: a Business cannot",
        "edge school-1 -REFERS_TO-> nowhere: no node with id 'nowhere'",
    ]
    for prefix in expected:
        assert any(p.startswith(prefix) for p in found), (prefix, found)
    assert len(found) == len(expected), found
    assert str(caught.value).startswith(f"the GraphML file was not read ({len(expected)} problems)")


def test_an_invalid_node_does_not_cause_problems_for_its_edges() -> None:
    data = graphml(
        node("club-1", kind="Association", name="Klub", sector="sport"),
        node("odd", kind="Dragon", name="Puff"),
        YOUNG,
        SCHOOL,
        edge("school-1", "club-1", type="REFERS_TO"),
        edge("yp-1", "odd", type="ATTENDS"),
    )
    assert [p.split(":")[0] for p in problems(data)] == ["node club-1", "node odd"]


def test_unknown_attribute_with_a_default_is_reported_once() -> None:
    keys = '<key id="s" for="node" attr.name="sektor"><default>public</default></key>'
    assert problems(graphml(CLUB, SCHOOL, keys=keys)) == [
        "key s: sektor: unknown node attribute with a default value"
    ]


def test_a_key_after_the_records_is_reported() -> None:
    data = graphml(CLUB).replace(b"</graph>", b'</graph><key id="late" for="node" attr.name="category"/>')
    assert problems(data) == ["key late: a <key> must come before the nodes and edges"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"<graphml><graph></graphml>", "not valid XML: line 1, column 19: mismatched tag"),
        (b"\xff\xfe\x00garbage", "not valid XML"),
        (b"<nodes><node id='a'/></nodes>", "not GraphML: its root element is <nodes>"),
        (b"<gexf xmlns='http://www.gexf.net/1.2draft'/>", "it is GEXF"),
    ],
)
def test_unreadable_files(data: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message.replace("(", r"\(")):
        read_graphml(data, tenant=T)


def test_doctype_is_refused_before_entities_expand() -> None:
    laughs = (
        b'<?xml version="1.0"?>\n<!DOCTYPE graphml [\n <!ENTITY lol "lol">\n'
        b' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
        b' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
        b']>\n<graphml><graph><node id="a"><data key="name">&lol3;</data></node></graph>'
        b"</graphml>"
    )
    external = b'<?xml version="1.0"?><!DOCTYPE graphml SYSTEM "file:///etc/passwd"><graphml/>'
    for data in (laughs, external):
        with pytest.raises(InvalidInput, match="DOCTYPE"):
            read_graphml(data, tenant=T)


def test_size_limit(tmp_path) -> None:
    data = graphml(CLUB, SCHOOL)
    assert read_graphml(data, tenant=T, max_bytes=len(data))
    with pytest.raises(InvalidInput, match=f"the file is {len(data):,} bytes; files up to 100"):
        read_graphml(data, tenant=T, max_bytes=100)
    path = tmp_path / "big.graphml"
    path.write_bytes(data)
    with pytest.raises(InvalidInput, match="max_bytes=100"):
        read_graphml(path, tenant=T, max_bytes=100)
    with pytest.raises(InvalidInput, match="is larger than 100 bytes"):
        read_graphml(io.BytesIO(data), tenant=T, max_bytes=100)


def test_bad_arguments(tmp_path) -> None:
    with pytest.raises(InvalidInput, match="cannot read"):
        read_graphml(tmp_path / "missing.graphml", tenant=T)
    with pytest.raises(TypeError, match="as bytes"):
        read_graphml(graphml(CLUB).decode(), tenant=T)
    with pytest.raises(InvalidInput, match="not a tenant id"):
        read_graphml(graphml(CLUB), tenant="Not A Tenant")


def test_writing_a_character_xml_cannot_hold_is_refused() -> None:
    # The domain refuses such names; the writer still guards against nodes built around it.
    bad = Area.model_construct(id="a-1", tenant=T, name="Hvals\ufffeø", kind=Kind.AREA)
    network = Network.model_construct(tenant=T, nodes=(bad,), ties=())
    with pytest.raises(InvalidInput) as caught:
        network_to_graphml_bytes(network)
    assert [str(p) for p in caught.value.problems] == [
        "node a-1: name: holds the character U+FFFE, which XML cannot hold"
    ]
