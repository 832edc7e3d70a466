"""Target group membership: every non-empty criterion must match; explicit members join."""

from __future__ import annotations

import networkx as nx

from graphsvc.analytics import network_to_graph, target_group_members
from graphsvc.analytics.members import age_band_of
from graphsvc.domain import AgeBand, Challenge, Network, TargetGroup, YoungPerson

from .conftest import T, tiny_network


def test_criteria_and_explicit_members(tiny: nx.DiGraph) -> None:
    m = target_group_members(tiny, "tg-lonely")
    # Areas match through PART_OF: the group names the municipality, members live in towns.
    assert m.matched == {"yp-1", "yp-2", "yp-3", "yp-5"}
    assert m.explicit == {"yp-6"}
    assert m.members == m.matched | m.explicit


def _with_group(group: TargetGroup, *extra: YoungPerson) -> nx.DiGraph:
    net = tiny_network()
    return network_to_graph(Network(tenant=T, nodes=(*net.nodes, group, *extra), ties=net.ties))


def test_each_criterion_is_any_of_and_empty_ones_do_not_restrict() -> None:
    G = _with_group(TargetGroup(id="tg-by", tenant=T, name="By", criteria_areas=frozenset({"area-by"})))
    assert target_group_members(G, "tg-by").members == {"yp-1", "yp-2", "yp-4", "yp-5", "yp-6"}
    G = _with_group(TargetGroup(id="tg-all", tenant=T, name="Alle"))
    assert len(target_group_members(G, "tg-all").members) == 6
    G = _with_group(
        TargetGroup(
            id="tg-x",
            tenant=T,
            name="X",
            criteria_age_bands=frozenset({AgeBand.B15_17}),
            criteria_challenges=frozenset({Challenge.LONELINESS, Challenge.CRIME}),
        )
    )
    assert target_group_members(G, "tg-x").members == set()


def test_birth_year_places_a_young_person_in_a_band() -> None:
    born = YoungPerson(id="yp-born", tenant=T, name="Pseudonym B", birth_year=2012, area="area-by")
    G = _with_group(
        TargetGroup(id="tg-teen", tenant=T, name="Teen", criteria_age_bands=frozenset({AgeBand.B12_14})), born
    )
    assert "yp-born" in target_group_members(G, "tg-teen", reference_year=2026).members
    assert "yp-born" not in target_group_members(G, "tg-teen", reference_year=2028).members
    assert age_band_of({"birth_year": 1990}, 2026) is None
