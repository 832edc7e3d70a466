"""Building maps on the two towns: which nodes, how young people are drawn, highlights,
sizes, and that nothing about an individual young person reaches a viewer's map."""

from __future__ import annotations

import networkx as nx
import pytest

from graphsvc.analytics import gap_report, rank_brokers
from graphsvc.errors import InvalidInput, NotFound
from graphsvc.maps import (
    MapData,
    MapInputs,
    YoungPeople,
    build_map,
    map_options,
    render_page,
)
from graphsvc.maps.style import MAX_SIZE, MIN_SIZE

ACTORS = {"school-by", "school-landsby", "club-by", "ssp", "biz-by", "fond"}
BY_12 = "young-group/by/12-14"
LANDSBY_15 = "young-group/landsby/15-17"


def build(
    G: nx.DiGraph, kind: str, *, coordinator: bool = False, inputs: MapInputs | None = None, **params: str
) -> MapData:
    return build_map(
        G, map_options(kind, params), individuals_allowed=coordinator, inputs=inputs, reference_year=2026
    )


def by_id(m: MapData) -> dict[str, object]:
    return {n.id: n for n in m.nodes}


def edges(m: MapData) -> dict[tuple[str, str], int]:
    return {(e.source, e.target): e.weight for e in m.edges}


def test_network_map_draws_young_people_as_groups(towns: nx.DiGraph) -> None:
    m = build(towns, "network")
    nodes = {n.id: n for n in m.nodes}
    assert set(nodes) == ACTORS | {BY_12, LANDSBY_15}
    assert (nodes[BY_12].count, nodes[BY_12].age_band, nodes[BY_12].area) == (2, "12-14", "by")
    assert nodes[LANDSBY_15].count == 2
    assert m.young is YoungPeople.GROUPS
    # A group's tie stands for its members' ties; actor ties are kept as they are.
    assert edges(m) == {
        (BY_12, "school-by"): 2,
        (BY_12, "club-by"): 1,
        (LANDSBY_15, "school-landsby"): 2,
        ("club-by", "school-by"): 1,
        ("school-by", "ssp"): 1,
        ("school-landsby", "ssp"): 1,
    }
    assert m.areas["by"] == "Byen"


def test_individuals_only_when_asked_and_allowed(towns: nx.DiGraph) -> None:
    coordinator = build(towns, "network", coordinator=True, young="individuals")
    assert {n.id for n in coordinator.nodes} == ACTORS | {"yp-1", "yp-2", "yp-3", "yp-4"}
    assert coordinator.young is YoungPeople.INDIVIDUALS
    viewer = build(towns, "network", coordinator=False, young="individuals")
    assert viewer.young is YoungPeople.GROUPS
    assert not {"yp-1", "yp-2", "yp-3", "yp-4"} & {n.id for n in viewer.nodes}
    # The default is groups, for coordinators too.
    assert build(towns, "network", coordinator=True).young is YoungPeople.GROUPS
    none = build(towns, "network", young="none")
    assert {n.id for n in none.nodes} == ACTORS


def test_no_pseudonym_and_no_challenge_reaches_a_page(towns: nx.DiGraph) -> None:
    viewer_page = render_page(build(towns, "network", young="individuals"))
    for pseudonym in ("Blå Ræv", "Grøn Ugle", "Rød Ræv", "Gul Hare", "yp-1"):
        assert pseudonym not in viewer_page
    coordinator_page = render_page(build(towns, "network", coordinator=True, young="individuals"))
    assert "Blå Ræv" in coordinator_page
    for page in (viewer_page, coordinator_page):
        assert "loneliness" not in page
        assert "mental_health" not in page


def test_ego_map_by_depth(towns: nx.DiGraph) -> None:
    one = build(towns, "ego", actor="school-by")
    assert {n.id for n in one.nodes} == {"school-by", "club-by", "ssp", BY_12}
    assert [h.code for h in by_id(one)["school-by"].highlights] == ["centre"]  # type: ignore[attr-defined]
    assert one.subject == "Byens Skole"
    two = build(towns, "ego", actor="school-by", depth="2", young="none")
    assert {n.id for n in two.nodes} == {"school-by", "club-by", "ssp", "school-landsby"}


def test_ego_map_needs_an_actor(towns: nx.DiGraph) -> None:
    with pytest.raises(InvalidInput, match="an ego map is drawn around an actor"):
        build(towns, "ego", actor="yp-1")
    with pytest.raises(NotFound, match="no actor with id 'nobody'"):
        build(towns, "ego", actor="nobody")


def test_network_map_of_an_area(towns: nx.DiGraph) -> None:
    m = build(towns, "network", area="landsby")
    assert {n.id for n in m.nodes} == {"school-landsby", LANDSBY_15}
    assert m.subject == "Landsby"
    with pytest.raises(NotFound, match="no area with id 'school-by'"):
        build(towns, "network", area="school-by")


def test_target_group_map_is_the_support_network(towns: nx.DiGraph) -> None:
    report = gap_report(towns, "tg-lonely")
    m = build(towns, "target-group", inputs=MapInputs(report=report), target_group="tg-lonely")
    nodes = by_id(m)
    assert {n for n in nodes if n in ACTORS} == set(report.support.ids)
    # Members only: yp-4 is not one, so Landsby's 15-17 group holds one young person.
    assert nodes[BY_12].count == 2  # type: ignore[attr-defined]
    assert nodes[LANDSBY_15].count == 1  # type: ignore[attr-defined]
    assert "init" in nodes
    assert {("club-by", "init"), ("fond", "init")} <= set(edges(m))
    assert m.subject == "Ensomme unge"
    assert not any(n.highlights for n in m.nodes)


def test_gaps_map_highlights_the_report(towns: nx.DiGraph) -> None:
    report = gap_report(towns, "tg-lonely")
    assert [g.area for g in report.area_gaps] == ["landsby"]
    m = build(towns, "gaps", inputs=MapInputs(report=report), target_group="tg-lonely")
    marks = {n.id: {h.code for h in n.highlights} for n in m.nodes if n.highlights}
    assert marks["landsby"] == {"gap_area"}
    assert marks[LANDSBY_15] == {"group_gap"}
    for failure in report.single_points_of_failure:
        assert "spof" in marks[failure.node]
    for school in report.schools_without_leisure:
        assert "school_gap" in marks[school.school]
    assert (LANDSBY_15, "landsby") in edges(m)
    assert m.facts["missing"] == tuple(report.sectors.missing)


def test_brokers_map(towns: nx.DiGraph) -> None:
    ranking = rank_brokers(towns, top=500)
    m = build(towns, "brokers", inputs=MapInputs(ranking=ranking), top="1")
    nodes = by_id(m)
    assert {"school-by", "school-landsby", "club-by", "ssp"} <= set(nodes)
    assert m.young is YoungPeople.NONE
    highlighted = [n.id for n in m.nodes if n.highlights]
    assert highlighted == [ranking.brokers[0].node]
    top = nodes[ranking.brokers[0].node]
    assert top.metrics["broker"] == round(ranking.brokers[0].share, 4)  # type: ignore[attr-defined]
    assert top.size == MAX_SIZE  # type: ignore[attr-defined]


def test_sizes_follow_the_metric(towns: nx.DiGraph) -> None:
    m = build(towns, "network", young="none")
    nodes = by_id(m)
    assert nodes["school-by"].metrics["degree"] == 4  # type: ignore[attr-defined]
    assert nodes["school-by"].size == MAX_SIZE  # the most ties  # type: ignore[attr-defined]
    assert nodes["biz-by"].size == MIN_SIZE  # none  # type: ignore[attr-defined]
    between = build(
        towns,
        "network",
        young="none",
        metric="betweenness",
        inputs=MapInputs(betweenness={"ssp": 0.5, "school-by": 0.25}),
    )
    assert by_id(between)["ssp"].size == MAX_SIZE  # type: ignore[attr-defined]


def test_too_big_a_map_is_refused(towns: nx.DiGraph) -> None:
    with pytest.raises(InvalidInput, match="this map would show 8 nodes, more than the 5"):
        build_map(towns, map_options("network", {}), individuals_allowed=False, max_nodes=5)


def test_same_data_same_picture(towns: nx.DiGraph) -> None:
    first, again = build(towns, "network"), build(towns, "network")
    assert first == again
    assert [(n.x, n.y) for n in first.nodes] == [(n.x, n.y) for n in again.nodes]
    other = build_map(towns, map_options("network", {}), individuals_allowed=False, seed=1)
    assert [(n.x, n.y) for n in other.nodes] != [(n.x, n.y) for n in first.nodes]


def test_nodes_without_ties_go_below_the_rest(towns: nx.DiGraph) -> None:
    m = build(towns, "network")
    nodes = by_id(m)
    tied_bottom = max(n.y for n in m.nodes if n.id not in ("biz-by", "fond"))
    assert nodes["biz-by"].y > tied_bottom  # type: ignore[attr-defined]
    assert nodes["fond"].y > tied_bottom  # type: ignore[attr-defined]
